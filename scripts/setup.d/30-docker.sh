#!/usr/bin/env bash
# The container tools build-scan-push runs for real in its tests: Debian's Docker engine (dockerd
# with BuildKit, and the engine's own client at /usr/bin/docker), Debian's registry server (the
# tests start their own instances on loopback), busybox-static (test images are built FROM scratch
# around its static shell, since no base image can be pulled here) and htpasswd (the tests' registry
# users). Starts dockerd in the background when no engine answers. Idempotent; runs as root, or through password-less sudo.
set -euo pipefail

log=/var/log/aura-dockerd.log

# shellcheck source=scripts/lib/as-root.sh
source "$(dirname "$0")/../lib/as-root.sh"
engine_client=/usr/bin/docker

packages=(docker-registry busybox-static apache2-utils)
# A machine whose Docker engine already answers (GitHub's hosted runners ship Docker CE) keeps
# it: Debian's docker.io would conflict with it.
if [ ! -x "$engine_client" ] && command -v docker >/dev/null 2>&1 && docker info >/dev/null 2>&1; then
  engine_client=$(command -v docker)
elif [ ! -x "$engine_client" ]; then
  packages=(docker.io "${packages[@]}")
fi
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "docker: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  as_root docker apt-get update -qq
  # policy-rc.d may forbid starting services during the install; the engine is started below.
  as_root docker env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if "$engine_client" info >/dev/null 2>&1; then
  echo "docker: engine already running ($("$engine_client" version --format '{{.Server.Version}}'))"
else
  echo "docker: starting dockerd (log: $log)"
  # setsid: the engine outlives this script and the shell that ran it.
  # shellcheck disable=SC2016 # $0 is expanded by the root shell: the log path passed after the script
  as_root docker sh -c 'exec setsid /usr/sbin/dockerd >>"$0" 2>&1 < /dev/null' "$log" &
  for _ in $(seq 1 60); do
    if "$engine_client" info >/dev/null 2>&1; then break; fi
    sleep 1
  done
  if ! "$engine_client" info >/dev/null 2>&1; then
    echo "docker: dockerd did not answer within 60 s; the end of $log:" >&2
    tail -n 30 "$log" >&2
    exit 1
  fi
  echo "docker: engine $("$engine_client" version --format '{{.Server.Version}}') is up"
fi

# Which client drives BuildKit here: a client with the buildx plugin, or a pre-23 client (the
# engine's own) whose built-in BuildKit support is switched on with DOCKER_BUILDKIT=1. A newer
# client without buildx refuses DOCKER_BUILDKIT=1, so the action looks past it.
path_client=$(command -v docker || true)
if [ -n "$path_client" ] && "$path_client" buildx version >/dev/null 2>&1; then
  echo "docker: $path_client has buildx ($("$path_client" buildx version | head -n1))"
else
  echo "docker: no buildx plugin for ${path_client:-docker}; BuildKit runs through $engine_client" \
    "($("$engine_client" version --format '{{.Client.Version}}')) with DOCKER_BUILDKIT=1"
fi
