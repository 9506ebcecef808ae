#!/usr/bin/env bash
# Installs everything the suite's demo, tests and benchmarks need on a fresh machine:
# the npm dependencies, Node 24 (the runtime of `runs.using: node24`), and the external
# tools of scripts/setup.d/ (each step is idempotent and says what it installs).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
echo "setup: npm dependencies"
npm ci --no-audit --no-fund --loglevel=error
echo "setup: Node 24"
bash scripts/setup-node24.sh
for step in scripts/setup.d/*.sh; do
  [ -e "$step" ] || continue
  echo "setup: $(basename "$step" .sh)"
  bash "$step"
done
echo "setup: done"
