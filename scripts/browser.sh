#!/usr/bin/env bash
# Makes sure the headless browser the browser tests drive is installed: Debian's chromium and
# chromium-driver (the driver matches the browser's version, so Selenium never downloads one).
#   scripts/browser.sh install   install both when missing (apt-get, as root), print their versions
set -euo pipefail

log() { printf 'browser: %s\n' "$*" >&2; }

install() {
  if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; then
    log "$(chromium --version 2>/dev/null | head -n 1); $(chromedriver --version | head -n 1)"
    return
  fi
  [ "$(id -u)" = 0 ] || { log "chromium and chromium-driver are missing; install them (apt-get install chromium chromium-driver) or run as root"; exit 1; }
  log "installing Debian's chromium and chromium-driver"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium chromium-driver >/dev/null
  log "$(chromium --version 2>/dev/null | head -n 1); $(chromedriver --version | head -n 1)"
}

case "${1:-install}" in
  install) install ;;
  *) echo "usage: $0 install" >&2; exit 2 ;;
esac
