#!/usr/bin/env bash
# Installs the system packages Tre needs on Debian/Ubuntu, only when missing:
# libcmark-dev (the Markdown parser), pkg-config (to find it) and libmimalloc-dev (the allocator `tre` is linked with).
set -euo pipefail
need=()
for package in libcmark-dev libmimalloc-dev; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || need+=("$package")
done
command -v pkg-config >/dev/null 2>&1 || need+=(pkg-config)
if [ "${#need[@]}" -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  echo "install-deps: apt-get install ${need[*]}" >&2
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
