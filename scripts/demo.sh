#!/usr/bin/env bash
# The suite on the example Aura monorepo, run the way GitHub runs it. See scripts/demo.mjs.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
export PATH="$root/.tools/node24/bin:$root/.tools/venv/bin:$PATH"
exec "$root/.tools/node24/bin/node" "$root/scripts/demo.mjs" "$@"
