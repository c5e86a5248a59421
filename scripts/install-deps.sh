#!/usr/bin/env bash
# Installs the system packages Tre needs on Debian/Ubuntu, only when missing:
# libcmark-dev (the Markdown parser) and pkg-config (to find it).
set -euo pipefail
need=()
dpkg-query -W -f='${Status}' libcmark-dev 2>/dev/null | grep -q 'install ok installed' || need+=(libcmark-dev)
command -v pkg-config >/dev/null 2>&1 || need+=(pkg-config)
if [ "${#need[@]}" -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  echo "install-deps: apt-get install ${need[*]}" >&2
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
