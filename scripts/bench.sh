#!/usr/bin/env bash
# Runs the benchmarks on Node 24 against the anchors fetched on this machine; see bench/.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
export PATH="$root/.tools/node24/bin:$root/.tools/venv/bin:$PATH"
exec "$root/.tools/node24/bin/node" "$root/bench/index.mjs" "$@"
