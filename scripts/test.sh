#!/usr/bin/env bash
# Runs every test on Node 24 (the runtime of `runs.using: node24`): type check, then jest.
# Extra arguments go to jest (a path or -t pattern to run a subset).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
node24="$root/.tools/node24/bin/node"
if [ ! -x "$node24" ]; then
  echo "test: Node 24 is not installed in .tools/node24; run \`npm run setup\` first" >&2
  exit 1
fi
cd "$root"
if [ "$#" -eq 0 ]; then
  echo "test: type check"
  "$node24" node_modules/typescript/bin/tsc -p tsconfig.json
else
  echo "test: a subset was asked for; skipping the whole-project type check"
fi
echo "test: jest on $("$node24" --version)"
export PATH="$root/.tools/node24/bin:$root/.tools/venv/bin:$PATH"
exec "$node24" --experimental-vm-modules --no-warnings=ExperimentalWarning node_modules/jest/bin/jest.js "$@"
