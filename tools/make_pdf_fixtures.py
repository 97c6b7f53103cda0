#!/usr/bin/python3
"""Writes tests/fixtures/pdf/*.pdf from corpus documents with ReportLab (Debian python3-reportlab)
and the DejaVu Sans font: long lines wrap at the right margin as a word processor would, every
page carries a running header and a page number, so the tests check that the PDF reader rejoins
wrapped lines and drops page furniture. Also writes a PDF without a text layer (an image only)
an encrypted one, and a plan typed in a legacy TCVN3 font.

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


# A plan typed in a legacy 8-bit font (TCVN3/ABC ".VnTime"): the PDF's text layer holds the
# TCVN3 bytes as Windows-1252 letters ("KÕ ho¹ch"), which the PDF reader converts.
LEGACY_PLAN = [
    "UBND TỈNH AN GIANG",
    "Số: 15/KH-UBND",
    "An Giang, ngày 5 tháng 3 năm 2024",
    "KẾ HOẠCH",
    "Triển khai chuyển đổi số trong cơ quan nhà nước năm 2024",
    "I. NHIỆM VỤ",
    "1. Sở Thông tin và Truyền thông chủ trì xây dựng kho dữ liệu, hoàn thành trước ngày 30/9/2024.",
    "2. Các sở, ngành phối hợp cập nhật dữ liệu chuyên ngành theo quy định.",
]


def write_legacy_font():
    import make_encoding_fixtures as enc
    c = canvas.Canvas(os.path.join(ROOT, "tests", "fixtures", "pdf", "legacy-font.pdf"), pagesize=A4,
                      invariant=1)
    c.setFont("DejaVu", SIZE)
    y = A4[1] - MARGIN
    for line in LEGACY_PLAN:
        c.drawString(MARGIN, y, enc.encode_tcvn3(line).decode("cp1252", errors="replace"))
        y -= LEADING * 2
    c.save()


def main():
    pdfmetrics.registerFont(TTFont("DejaVu", FONT))
    os.makedirs(os.path.join(ROOT, "tests", "fixtures", "pdf"), exist_ok=True)
    for name in DOCS:
        write_plan(name)
    write_scanned()
    write_encrypted()
    write_legacy_font()


if __name__ == "__main__":
    main()
