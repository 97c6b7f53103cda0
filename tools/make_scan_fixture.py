#!/usr/bin/python3
"""Makes a scanned copy of a PDF: every page rendered to a grey image at 200 dpi (poppler's
pdftoppm, Debian poppler-utils) and written into a new PDF as an image only, with no text layer,
as a scanner would. The OCR test (tests/ocr_test.cc) runs it on the PDF fixture made from
corpus/docs/daklak-kh-49-2021.txt (tools/make_pdf_fixtures.py) and checks that the OCR'd scan
extracts like the original.

usage: tools/make_scan_fixture.py IN.pdf OUT.pdf [DPI]
"""
import glob
import os
import subprocess
import sys
import tempfile
import zlib


def read_pgm(path):
    with open(path, "rb") as f:
        data = f.read()
    fields, pos = [], 0
    while len(fields) < 4:  # magic, width, height, maxval; '#' comments are not written by pdftoppm
        while data[pos:pos + 1].isspace():
            pos += 1
        end = pos
        while not data[end:end + 1].isspace():
            end += 1
        fields.append(data[pos:end])
        pos = end
    assert fields[0] == b"P5", path
    width, height = int(fields[1]), int(fields[2])
    return width, height, data[pos + 1:pos + 1 + width * height]


def write_pdf(out, pages, dpi):
    objects = []  # bodies of objects 1..n

    def add(body):
        objects.append(body)
        return len(objects)

    catalog = add(None)
    tree = add(None)
    kids = []
    for width, height, pixels in pages:
        w_pt, h_pt = width * 72.0 / dpi, height * 72.0 / dpi
        data = zlib.compress(pixels, 9)
        image = add(b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray "
                    b"/BitsPerComponent 8 /Filter /FlateDecode /Length %d >>\nstream\n" % (width, height, len(data))
                    + data + b"\nendstream")
        draw = b"q %.2f 0 0 %.2f 0 0 cm /Im0 Do Q" % (w_pt, h_pt)
        content = add(b"<< /Length %d >>\nstream\n" % len(draw) + draw + b"\nendstream")
        kids.append(add(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %.2f %.2f] /Contents %d 0 R "
                        b"/Resources << /XObject << /Im0 %d 0 R >> >> >>" % (tree, w_pt, h_pt, content, image)))
    objects[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % tree
    objects[tree - 1] = (b"<< /Type /Pages /Count %d /Kids [" % len(kids) +
                         b" ".join(b"%d 0 R" % k for k in kids) + b"] >>")
    body, offsets = b"%PDF-1.4\n", []
    for i, obj in enumerate(objects, 1):
        offsets.append(len(body))
        body += b"%d 0 obj\n" % i + obj + b"\nendobj\n"
    xref = len(body)
    body += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    body += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    body += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, catalog, xref)
    with open(out, "wb") as f:
        f.write(body)


def main():
    if len(sys.argv) not in (3, 4):
        sys.exit(__doc__)
    source, out = sys.argv[1], sys.argv[2]
    dpi = int(sys.argv[3]) if len(sys.argv) == 4 else 200
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", source, os.path.join(tmp, "page")], check=True)
        pages = [read_pgm(p) for p in sorted(glob.glob(os.path.join(tmp, "page-*.pgm")))]
    write_pdf(out, pages, dpi)


if __name__ == "__main__":
    main()
