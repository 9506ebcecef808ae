#!/usr/bin/env bash
# The Python tools the tests run for real (DVC, the S3 stand-in server, linters, scanners),
# in one virtual environment at .tools/venv, from the pinned lists in scripts/requirements/.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
venv="$root/.tools/venv"
shopt -s nullglob
lists=("$root"/scripts/requirements/*.txt)
if [ "${#lists[@]}" -eq 0 ]; then
  echo "python-venv: no requirement lists; nothing to install"
  exit 0
fi
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
  "$venv/bin/python" -m pip install --quiet --upgrade pip
fi
stamp="$venv/.installed"
digest=$(cat "${lists[@]}" | sha256sum | cut -d' ' -f1)
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$digest" ]; then
  echo "python-venv: up to date"
  exit 0
fi
args=()
for list in "${lists[@]}"; do args+=(-r "$list"); done
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check "${args[@]}"
echo "$digest" > "$stamp"
echo "python-venv: installed $(cat "${lists[@]}" | grep -cv '^\s*\(#\|$\)') packages into .tools/venv"
