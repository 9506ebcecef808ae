#!/usr/bin/env bash
# The whole pipeline on the example Aura monorepo, run the way GitHub runs it. See scripts/demo/main.ts.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
export PATH="$root/.tools/node24/bin:$root/.tools/venv/bin:$PATH"
cd "$root"
exec "$root/.tools/node24/bin/node" --import tsx "$root/scripts/demo/main.ts" "$@"
