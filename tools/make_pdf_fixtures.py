#!/usr/bin/python3
"""Writes tests/fixtures/pdf/*.pdf from corpus documents with ReportLab (Debian python3-reportlab)
and the DejaVu Sans font: long lines wrap at the right margin as a word processor would, every
page carries a running header and a page number, so the tests check that the PDF reader rejoins
wrapped lines and drops page furniture. Also writes a PDF without a text layer (an image only)
and an encrypted one.

usage: /usr/bin/python3 tools/make_pdf_fixtures.py   (Debian's Python, which has ReportLab)
"""
import os

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
DOCS = ["daklak-kh-49-2021"]
SIZE, LEADING, MARGIN = 10, 13, 56


def wrap(text, width):
    words, lines, line = text.split(), [], ""
    for w in words:
        trial = (line + " " + w).strip()
        if pdfmetrics.stringWidth(trial, "DejaVu", SIZE) > width and line:
            lines.append(line)
            line = w
        else:
            line = trial
    lines.append(line)
    return lines


def write_plan(name):
    with open(os.path.join(ROOT, "corpus", "docs", name + ".txt"), encoding="utf-8") as f:
        paragraphs = [p for p in f.read().splitlines() if p.strip()]
    out = os.path.join(ROOT, "tests", "fixtures", "pdf", name + ".pdf")
    c = canvas.Canvas(out, pagesize=A4, invariant=1)
    width, height = A4
    page = 1

    def furniture():
        c.setFont("DejaVu", 8)
        c.drawString(MARGIN, height - 30, "Cổng thông tin điện tử tỉnh - bản in")
        c.drawCentredString(width / 2, 25, str(page))
        c.setFont("DejaVu", SIZE)

    furniture()
    y = height - MARGIN
    for p in paragraphs:
        for line in wrap(p.replace("\t", " "), width - 2 * MARGIN):
            if y < MARGIN:
                c.showPage()
                page += 1
                furniture()
                y = height - MARGIN
            c.drawString(MARGIN, y, line)
            y -= LEADING
    c.save()


def write_scanned():
    c = canvas.Canvas(os.path.join(ROOT, "tests", "fixtures", "pdf", "scanned.pdf"), invariant=1)
    c.rect(100, 500, 300, 200, fill=1)  # a drawing, no text
    c.save()


def write_encrypted():
    c = canvas.Canvas(os.path.join(ROOT, "tests", "fixtures", "pdf", "encrypted.pdf"),
                      invariant=1, encrypt="secret")
    c.setFont("DejaVu", SIZE)
    c.drawString(100, 700, "KẾ HOẠCH bí mật")
    c.save()


def main():
    pdfmetrics.registerFont(TTFont("DejaVu", FONT))
    os.makedirs(os.path.join(ROOT, "tests", "fixtures", "pdf"), exist_ok=True)
    for name in DOCS:
        write_plan(name)
    write_scanned()
    write_encrypted()


if __name__ == "__main__":
    main()
