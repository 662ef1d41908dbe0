#!/usr/bin/env bash
# LibreOffice Writer without a GUI (Debian package), a real consumer of the Word
# redline in the tests: it must convert the file to PDF and keep every tracked
# change when it saves the file again. CJK fonts come with install-browser.sh.
# Idempotent: when it is installed (or soffice is already on PATH) it exits at once.
set -euo pipefail
command -v soffice >/dev/null && exit 0
packages=(libreoffice-writer-nogui)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null && SUDO=sudo || { echo "install-libreoffice: need root to install ${missing[*]}" >&2; exit 1; }
else
  SUDO=
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq >/dev/null
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
