#!/usr/bin/env bash
# Builds the .deb (CPack) in build/ and, with --install, installs it with dpkg -i and checks that
# the installed /usr/bin/plangraph runs with its rules from /usr/share/plangraph/rules, from a
# folder with no source tree. Run as root on Debian 12.
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$(nproc)" --target plangraph
(cd build && cpack -G DEB)
deb=$(ls -t build/plangraph-*.deb | head -1)
echo "built $deb"
dpkg -c "$deb" | grep -q './usr/share/plangraph/rules/document_types.tsv'
if [[ "${1:-}" == "--install" ]]; then
  dpkg -i "$deb"
  work=$(mktemp -d)
  cp corpus/docs/daklak-kh-49-2021.txt "$work/"
  (cd "$work" && env -u PLANGRAPH_RULES /usr/bin/plangraph extract --format summary daklak-kh-49-2021.txt)
  /usr/bin/plangraph --version
  rm -rf "$work"
fi
