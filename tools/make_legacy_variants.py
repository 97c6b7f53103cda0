#!/usr/bin/env python3
"""Writes Word files of corpus plans typed in the legacy Vietnamese fonts, for
tests/legacy_fonts_test.cc: each must extract like the UTF-8 text it was made from.

For each seed plan in corpus/docs (ours) it writes, one paragraph per line of the text:
  NAME.tcvn3.docx        TCVN3 bytes in .VnTime; lines in capitals, and capitals that TCVN3's
                         lowercase font cannot hold, in .VnTimeH on the lowercase codes (as
                         typists did); the bytes stored as the Windows-1252 characters Word uses
  NAME.vni.docx          VNI bytes in VNI-Times
  NAME.mixed.docx        Unicode paragraphs (Times New Roman) and TCVN3 paragraphs side by side
  NAME.mislabelled.docx  VNI bytes in runs whose font claims TCVN3 (.VnTime): content decides
  NAME.tcvn3.doc, NAME.vni.doc   the first two saved as Word 97-2003 by LibreOffice (with
                         --doc; needs soffice)

Standard library only (zipfile and hand-written WordprocessingML); the encoders are those of
tools/make_encoding_fixtures.py. Deterministic output.

usage: tools/make_legacy_variants.py OUTPUT_DIR [--doc]
"""
import os
import shutil
import subprocess
import sys
import tempfile
import unicodedata
import zipfile
from xml.sax.saxutils import escape

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from make_encoding_fixtures import TCVN3_WRITABLE_CAPITALS, encode_tcvn3, encode_vni  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEEDS = ["tayninh-kh-de-an-08-2020", "quangtri-kh-134-2021", "dmc-kh-31-2024",
         "daklak-kh-49-2021", "kontum-kh-kl79-2014"]
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def as_stored(data):
    """Legacy bytes as Word stores them: the Windows-1252 character of each byte (Latin-1 for
    the five codes 1252 leaves undefined)."""
    out = []
    for b in data:
        try:
            out.append(bytes([b]).decode("cp1252"))
        except UnicodeDecodeError:
            out.append(chr(b))
    return "".join(out)


def is_capitals_line(line):
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters)


def append(runs, font, text):
    if runs and runs[-1][0] == font:
        runs[-1] = (font, runs[-1][1] + text)
    else:
        runs.append((font, text))


def legacy_runs(line, encode, font_of):
    """(font, text) runs of a line: each character in the legacy font `font_of(ch)` names, as
    the (lowercase when the font is a capitals font) bytes `encode` gives; a character the
    encoding cannot hold stays Unicode in a Unicode font, as a typist would have inserted it."""
    runs = []
    for ch in unicodedata.normalize("NFC", line):
        font, typed = font_of(ch)
        try:
            append(runs, font, as_stored(encode(typed)))
        except (UnicodeEncodeError, KeyError):
            append(runs, "Times New Roman", ch)
    return runs


def tcvn3_runs(line):
    """Typed with the ABC fonts: capitals lines in .VnTimeH, and inside other lines the capitals
    that .VnTime lacks."""
    capitals_line = is_capitals_line(line)

    def font_of(ch):
        if capitals_line and ch.isalpha():
            return ".VnTimeH", ch.lower()
        if ch.isupper() and ord(ch) >= 0x80 and ch not in TCVN3_WRITABLE_CAPITALS:
            return ".VnTimeH", ch.lower()
        return ".VnTime", ch
    return legacy_runs(line, encode_tcvn3, font_of)


def vni_runs(line, font="VNI-Times"):
    return legacy_runs(line, encode_vni, lambda ch: (font, ch))


def run_xml(font, text):
    parts = []
    for i, piece in enumerate(text.split("\t")):
        if i:
            parts.append("<w:tab/>")
        if piece:
            parts.append('<w:t xml:space="preserve">%s</w:t>' % escape(piece))
    fonts = '<w:rFonts w:ascii="%s" w:hAnsi="%s" w:cs="%s"/>' % (font, font, font)
    return "<w:r><w:rPr>%s</w:rPr>%s</w:r>" % (fonts, "".join(parts))


def document_xml(lines, runs_of):
    body = []
    for i, line in enumerate(lines):
        runs = "".join(run_xml(f, t) for f, t in runs_of(i, line)) if line else ""
        body.append("<w:p>%s</w:p>" % runs)
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<w:document xmlns:w="%s"><w:body>%s<w:sectPr/></w:body></w:document>'
            % (W_NS, "".join(body)))


CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/></Types>')
RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>')


def write_docx(path, xml):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in (("[Content_Types].xml", CONTENT_TYPES), ("_rels/.rels", RELS),
                           ("word/document.xml", xml)):
            info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data.encode("utf-8"))


VARIANTS = {
    "tcvn3": lambda i, line: tcvn3_runs(line),
    "vni": lambda i, line: vni_runs(line),
    "mixed": lambda i, line: [("Times New Roman", unicodedata.normalize("NFC", line))]
    if i % 2 else tcvn3_runs(line),
    "mislabelled": lambda i, line: vni_runs(line, font=".VnTime"),
}


def to_doc(docx_paths, out_dir):
    with tempfile.TemporaryDirectory() as work:
        profile = "file://" + os.path.join(work, "profile")
        subprocess.run(["soffice", "-env:UserInstallation=" + profile, "--headless",
                        "--convert-to", "doc:MS Word 97", "--outdir", work] + docx_paths,
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for p in docx_paths:
            name = os.path.splitext(os.path.basename(p))[0] + ".doc"
            shutil.copy(os.path.join(work, name), os.path.join(out_dir, name))


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    for_doc = []
    for seed in SEEDS:
        with open(os.path.join(ROOT, "corpus", "docs", seed + ".txt"), encoding="utf-8") as f:
            lines = f.read().split("\n")
        for variant, runs_of in VARIANTS.items():
            path = os.path.join(out, "%s.%s.docx" % (seed, variant))
            write_docx(path, document_xml(lines, runs_of))
            if variant in ("tcvn3", "vni"):
                for_doc.append(path)
    if "--doc" in sys.argv[2:]:
        to_doc(for_doc, out)


if __name__ == "__main__":
    main()
