#!/usr/bin/env bash
# Writes tests/fixtures/doc/*.doc (Word 97-2003) from corpus documents with LibreOffice headless
# (Debian libreoffice-writer-nogui; only needed to regenerate, the fixtures are committed).
set -euo pipefail
cd "$(dirname "$0")/.."
out=tests/fixtures/doc
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for name in daklak-kh-49-2021; do
  cp "corpus/docs/$name.txt" "$work/$name.txt"
  soffice --headless --infilter="Text (encoded):UTF8,LF,,," --convert-to doc \
    --outdir "$work" "$work/$name.txt" >/dev/null
  cp "$work/$name.doc" "$out/$name.doc"
done
# Word numbering must survive .doc: the head of a plan whose labels are Word's own numbering.
soffice -env:UserInstallation="file://$work/profile" --headless --convert-to "doc:MS Word 97" \
  --outdir "$work" tests/fixtures/docx/corpus_head.docx >/dev/null
cp "$work/corpus_head.doc" "$out/numbered_head.doc"
