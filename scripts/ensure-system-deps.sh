#!/usr/bin/env bash
# Install the Debian packages the tests need when they are missing: chromium (browser tests)
# and poppler-utils (pdftotext). Needs root, as on the project's machines and CI.
set -euo pipefail
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
  echo "Ontbrekende systeempakketten: ${missing[*]}. Installeer ze met: sudo apt-get install ${missing[*]}" >&2
  exit 1
fi
echo "Systeempakketten installeren: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq "${missing[@]}" >/dev/null
