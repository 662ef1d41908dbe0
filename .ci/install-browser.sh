#!/usr/bin/env bash
# Headless Chromium + ChromeDriver (Debian packages) for the browser tests, and
# CJK fonts so reports render Chinese text (screenshots, print-to-PDF text).
# Idempotent: when everything is installed it only asks dpkg and exits.
set -euo pipefail
packages=(chromium chromium-driver fonts-noto-cjk)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null && SUDO=sudo || { echo "install-browser: need root to install ${missing[*]}" >&2; exit 1; }
else
  SUDO=
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq >/dev/null
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
