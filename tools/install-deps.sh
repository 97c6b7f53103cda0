#!/usr/bin/env bash
# Installs plangraph's build and test dependencies from Debian 12 packages (run as root).
# Does nothing when everything is already installed.
set -euo pipefail
packages=(g++ cmake make pkg-config libicu-dev libre2-dev nlohmann-json3-dev libsqlitecpp-dev
          libsqlite3-dev libcli11-dev libgtest-dev libpugixml-dev libxml2-dev libpoppler-cpp-dev libzip-dev clang
          libreoffice-writer-nogui  # .doc and RTF files are converted by LibreOffice headless
          libtesseract-dev libleptonica-dev tesseract-ocr tesseract-ocr-vie poppler-utils  # OCR of scans
          libcpp-httplib-dev libgraphviz-dev libkainjow-mustache-dev chromium)  # plangraph serve and its browser test
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
