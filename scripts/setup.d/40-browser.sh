#!/usr/bin/env bash
# A headless browser for the test that opens the demo's index.html and checks that every chart
# and table is drawn: Debian's chromium, unless a Chromium or Chrome is already installed (as on
# GitHub's hosted runners). Idempotent; installs as root, or through password-less sudo.
set -euo pipefail

for browser in chromium chromium-browser google-chrome google-chrome-stable; do
  if command -v "$browser" >/dev/null 2>&1; then
    echo "browser: $browser is installed ($("$browser" --version 2>/dev/null | head -n1))"
    exit 0
  fi
done

# shellcheck source=scripts/lib/as-root.sh
source "$(dirname "$0")/../lib/as-root.sh"

echo "browser: installing chromium"
as_root browser apt-get update -qq
as_root browser env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null
echo "browser: $(chromium --version | head -n1)"
