#!/usr/bin/env bash
# Installs the Node 24 the runner uses for `runs.using: node24` into .tools/node24,
# taken from the npm registry's platform binary package. Idempotent.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
version=${AURA_NODE24_VERSION:-24.22.3}
dest="$root/.tools/node24"
if [ -x "$dest/bin/node" ] && [ "$("$dest/bin/node" --version)" = "v$version" ]; then
  exit 0
fi
case "$(uname -m)" in
  x86_64) arch=x64 ;;
  aarch64|arm64) arch=arm64 ;;
  *) echo "setup-node24: unsupported machine $(uname -m); install Node 24 and put it in .tools/node24/bin" >&2; exit 1 ;;
esac
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
( cd "$tmp" && npm pack --silent "node-linux-$arch@$version" >/dev/null )
rm -rf "$dest"
mkdir -p "$dest"
tar -xzf "$tmp"/node-linux-"$arch"-*.tgz -C "$dest" --strip-components=1
"$dest/bin/node" --version
