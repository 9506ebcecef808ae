# shellcheck shell=bash
# Sourced by the set-up steps: `as_root <step> <command...>` runs a command as root, through
# password-less sudo when the user is not root (as on GitHub's runners), else stops with one clear
# error saying what to do.
as_root() {
  local step=$1
  shift
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo "$@"
  else
    echo "$step: '$1' needs root: run \`npm run setup\` as root or as a user with password-less sudo" >&2
    exit 1
  fi
}
