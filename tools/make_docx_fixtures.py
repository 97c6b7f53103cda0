#!/usr/bin/env python3
"""Builds the .docx fixtures of tests/docx_reader_test.cc under tests/fixtures/docx/.

Standard library only: zipfile plus hand-written WordprocessingML, so each fixture holds exactly
the constructs its test is about. The output is deterministic (fixed timestamps, seeded random
bytes); rerun after changing this file:

    python3 tools/make_docx_fixtures.py [OUTPUT_DIR]
"""

import os
import random
import re
import struct
import sys
import unicodedata
import zipfile
from xml.sax.saxutils import escape

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
REL_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
MAIN_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml."

# --------------------------------------------------------------------------------------------
# WordprocessingML snippets.


def nfc(text):
    return unicodedata.normalize("NFC", text)


def t(text):
    """A w:t element; xml:space keeps leading and trailing blanks."""
    return '<w:t xml:space="preserve">%s</w:t>' % escape(nfc(text))


def run(*content, props=""):
    """A run; plain strings become w:t, and TABs inside them w:tab."""
    parts = []
    for c in content:
        if c.startswith("<"):
            parts.append(c)
            continue
        pieces = c.split("\t")
        for i, piece in enumerate(pieces):
            if i:
                parts.append("<w:tab/>")
            if piece:
                parts.append(t(piece))
    rpr = "<w:rPr>%s</w:rPr>" % props if props else ""
    return "<w:r>%s%s</w:r>" % (rpr, "".join(parts))


def para(*runs, num=None, style=None):
    """A paragraph; `num` is (numId, ilvl) or (numId, None) for w:numPr."""
    ppr = ""
    if style:
        ppr += '<w:pStyle w:val="%s"/>' % style
    if num:
        num_id, ilvl = num
        ilvl_xml = '<w:ilvl w:val="%d"/>' % ilvl if ilvl is not None else ""
        ppr += '<w:numPr>%s<w:numId w:val="%d"/></w:numPr>' % (ilvl_xml, num_id)
    body = "".join(r if r.startswith("<") else run(r) for r in runs)
    return "<w:p>%s%s</w:p>" % ("<w:pPr>%s</w:pPr>" % ppr if ppr else "", body)


def cell(*paragraphs, span=1):
    tcpr = '<w:tcPr><w:gridSpan w:val="%d"/></w:tcPr>' % span if span > 1 else ""
    content = "".join(p if p.startswith("<") else para(p) for p in paragraphs)
    return "<w:tc>%s%s</w:tc>" % (tcpr, content or "<w:p/>")


def table(*rows):
    return "<w:tbl><w:tblPr/>%s</w:tbl>" % "".join("<w:tr>%s</w:tr>" % "".join(r) for r in rows)


def document(body, sect=""):
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<w:document xmlns:w="%s" xmlns:r="%s"><w:body>%s<w:sectPr>%s</w:sectPr>'
            '</w:body></w:document>' % (W_NS, R_NS, body, sect))


def part(root, body):
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<w:%s xmlns:w="%s" xmlns:r="%s">%s</w:%s>' % (root, W_NS, R_NS, body, root))


def level(ilvl, fmt, text, start=1, legal=False):
    return ('<w:lvl w:ilvl="%d"><w:start w:val="%d"/><w:numFmt w:val="%s"/>%s'
            '<w:lvlText w:val="%s"/><w:lvlJc w:val="left"/></w:lvl>' %
            (ilvl, start, fmt, "<w:isLgl/>" if legal else "", text))


def abstract_num(abstract_id, *levels):
    return '<w:abstractNum w:abstractNumId="%d">%s</w:abstractNum>' % (abstract_id,
                                                                       "".join(levels))


def num(num_id, abstract_id, start_overrides=None):
    overrides = "".join('<w:lvlOverride w:ilvl="%d"><w:startOverride w:val="%d"/></w:lvlOverride>'
                        % (i, v) for i, v in (start_overrides or {}).items())
    return '<w:num w:numId="%d"><w:abstractNumId w:val="%d"/>%s</w:num>' % (num_id, abstract_id,
                                                                          overrides)


def style(style_id, num_pr=None, default=False):
    ppr = ""
    if num_pr:
        num_id, ilvl = num_pr
        ppr = '<w:pPr><w:numPr><w:ilvl w:val="%d"/><w:numId w:val="%d"/></w:numPr></w:pPr>' % (
            ilvl, num_id)
    return ('<w:style w:type="paragraph"%s w:styleId="%s"><w:name w:val="%s"/>%s</w:style>' %
            (' w:default="1"' if default else "", style_id, style_id, ppr))


# The outline of Vietnamese plans: "I." / "1." / "1.1." / "a)", bullets "-" and "+".
PLAN_NUMBERING = part("numbering", "".join([
    abstract_num(10,
                 level(0, "upperRoman", "%1."),
                 level(1, "decimal", "%2."),
                 level(2, "decimal", "%2.%3."),
                 level(3, "lowerLetter", "%4)")),
    abstract_num(20, level(0, "bullet", "-"), level(1, "bullet", "+")),
    num(1, 10),
    num(2, 20),
]))

PLAN_STYLES = part("styles", "".join([
    style("Normal", default=True),
    style("PlanHeading1", num_pr=(1, 0)),
    style("ListBullet", num_pr=(2, 0)),
]))

# --------------------------------------------------------------------------------------------
# Packaging.


def content_types(parts):
    overrides = "".join('<Override PartName="/word/%s" ContentType="%s%s+xml"/>' % (name, MAIN_TYPE,
                                                                                  kind)
                        for name, kind in parts)
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" '
            'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/word/document.xml" ContentType="%sdocument.main+xml"/>%s'
            '</Types>' % (MAIN_TYPE, overrides))


def relationships(rels):
    body = "".join('<Relationship Id="%s" Type="%s%s" Target="%s"/>' % (rid, REL_TYPE, kind, target)
                   for rid, kind, target in rels)
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="%s">%s</Relationships>' % (REL_NS, body))


PART_KINDS = {
    "styles.xml": ("styles", "styles"),
    "numbering.xml": ("numbering", "numbering"),
    "footnotes.xml": ("footnotes", "footnotes"),
    "endnotes.xml": ("endnotes", "endnotes"),
    "header1.xml": ("header", "header"),
    "footer1.xml": ("footer", "footer"),
}


def zip_bytes(members):
    """A deflated zip of (name, text) members with fixed timestamps."""
    import io
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in members:
            info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, text.encode("utf-8") if isinstance(text, str) else text)
    return buffer.getvalue()


def docx(document_xml, parts=None):
    """A complete package: content types, relationships, the document and its `parts`."""
    parts = parts or {}
    rels = [("rId%d" % (i + 1), PART_KINDS[name][1], name) for i, name in enumerate(parts)]
    members = [
        ("[Content_Types].xml", content_types([(n, PART_KINDS[n][0]) for n in parts])),
        ("_rels/.rels", relationships([("rId1", "officeDocument", "word/document.xml")])),
        ("word/document.xml", document_xml),
        ("word/_rels/document.xml.rels", relationships(rels)),
    ]
    members += [("word/" + name, text) for name, text in parts.items()]
    return zip_bytes(members)


# --------------------------------------------------------------------------------------------
# Patching a finished archive, for the hostile fixtures.


def central_entries(data):
    """(central header offset, local header offset, name) of every member."""
    eocd = data.rfind(b"PK\x05\x06")
    count, _, cd_offset = struct.unpack("<HII", data[eocd + 10:eocd + 20])
    entries, pos = [], cd_offset
    for _ in range(count):
        name_len, extra_len, comment_len = struct.unpack("<HHH", data[pos + 28:pos + 34])
        local = struct.unpack("<I", data[pos + 42:pos + 46])[0]
        entries.append((pos, local, data[pos + 46:pos + 46 + name_len].decode()))
        pos += 46 + name_len + extra_len + comment_len
    return entries


def patch_member(data, member, declared_size=None, flags_or=0):
    """Rewrites a member's declared uncompressed size and/or general purpose flags in both its
    local header and the central directory, so the two stay consistent."""
    data = bytearray(data)
    for central, local, name in central_entries(bytes(data)):
        if name != member:
            continue
        if declared_size is not None:
            struct.pack_into("<I", data, central + 24, declared_size)
            struct.pack_into("<I", data, local + 22, declared_size)
        if flags_or:
            for offset in (central + 8, local + 6):
                flags = struct.unpack_from("<H", data, offset)[0]
                struct.pack_into("<H", data, offset, flags | flags_or)
    return bytes(data)


def corrupt_member_data(data, member):
    """Flips bytes in the middle of a member's compressed data (its CRC no longer matches)."""
    data = bytearray(data)
    for _, local, name in central_entries(bytes(data)):
        if name != member:
            continue
        name_len, extra_len = struct.unpack_from("<HH", data, local + 26)
        comp_size = struct.unpack_from("<I", data, local + 18)[0]
        start = local + 30 + name_len + extra_len
        for i in range(start + comp_size // 3, start + comp_size // 3 + 8):
            data[i] ^= 0x5A
    return bytes(data)


# --------------------------------------------------------------------------------------------
# Fixtures.


def plan_docx():
    body = [
        para("ỦY BAN NHÂN DÂN"),
        para("TỈNH ĐẮK LẮK"),
        para("Số: 12/KH-UBND\tĐắk Lắk, ngày 5 tháng 3 năm 2024"),
        para("KẾ HOẠCH"),
        para("Triển khai thực hiện Nghị quyết số 02-NQ/TW"),
        para("MỤC ĐÍCH, YÊU CẦU", num=(1, 0)),
        para("Mục đích", num=(1, 1)),
        para("Quán triệt đầy đủ nội dung Nghị quyết.", num=(1, 3)),
        para("Nâng cao nhận thức của cán bộ.", num=(1, 3)),
        para("Yêu cầu", num=(1, 1)),
        para("Bảo đảm đồng bộ, hiệu quả.", num=(1, 2)),
        para("Phân công rõ trách nhiệm.", num=(1, 2)),
        para("NHIỆM VỤ, GIẢI PHÁP", num=(1, 0)),
        para("Tuyên truyền", num=(1, 1)),
        para("Tổ chức hội nghị quán triệt", num=(1, 2)),
        para("Cấp tỉnh", num=(1, 3)),
        para("Hoàn thành trong quý II năm 2024.", style="ListBullet"),
        para("Báo cáo kết quả về Sở Nội vụ.", num=(2, 1)),
        para("Kiểm tra, giám sát", num=(1, 1)),
        # Numbered through its style only; the next one switches the style's numbering off.
        para("TỔ CHỨC THỰC HIỆN", style="PlanHeading1"),
        para("Sở Nội vụ chủ trì, theo dõi.", style="PlanHeading1", num=(0, None)),
    ]
    return docx(document("".join(body)),
                {"styles.xml": PLAN_STYLES, "numbering.xml": PLAN_NUMBERING})


def lists_docx():
    """Less common numbering: shared definitions, restarts, other formats, legal numbering."""
    numbering = part("numbering", "".join([
        abstract_num(30, level(0, "decimal", "%1.")),
        abstract_num(31, level(0, "lowerRoman", "(%1)"), level(1, "upperLetter", "%2.", start=3)),
        # isLgl: every number of the label in decimal, whatever each level's own format.
        abstract_num(32, level(0, "decimalZero", "%1."),
                     level(1, "upperRoman", "%1.%2.", legal=True)),
        num(5, 30), num(6, 30), num(7, 30, {0: 1}), num(8, 31), num(9, 32),
    ]))
    body = [
        para("Một", num=(5, 0)),
        para("Hai", num=(5, 0)),
        para("Ba (another w:num on the same list continues)", num=(6, 0)),
        para("Một lại (startOverride restarts)", num=(7, 0)),
        para("La mã nhỏ", num=(8, 0)),
        para("La mã nhỏ hai", num=(8, 0)),
        para("Chữ hoa từ C", num=(8, 1)),
        para("Số có số 0", num=(9, 0)),
        para("Đánh số kiểu luật", num=(9, 1)),
    ]
    return docx(document("".join(body)), {"numbering.xml": numbering})


def table_docx():
    nested = table([cell("Sở Nội vụ"), cell("Ban Tuyên giáo")])
    body = [
        para("Bảng phân công nhiệm vụ:"),
        table(
            [cell("STT"), cell("Nội dung"), cell("Cơ quan chủ trì"), cell("Thời gian")],
            [cell("1"), cell("Tuyên truyền Nghị quyết", "Tổ chức hội nghị"),
             cell("Sở Thông tin và Truyền thông"), cell("Quý II/2024")],
            [cell("2"), cell("Kiểm tra"), cell(nested), cell("2024")],
            [cell("Tổng hợp chung", span=2), cell("Văn phòng UBND tỉnh"), cell("A|B")],
        ),
        para("Kết thúc."),
    ]
    return docx(document("".join(body)))


def text_box(*paragraphs):
    """A run holding a text box, as Word writes it: a DrawingML choice and its VML fallback."""
    content = "<w:txbxContent>%s</w:txbxContent>" % "".join(para(p) for p in paragraphs)
    return ('<w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/'
            'markup-compatibility/2006"><mc:Choice Requires="wps"><w:drawing><wp:anchor '
            'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing">'
            '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
            '<a:graphicData><wps:wsp xmlns:wps="http://schemas.microsoft.com/office/word/2010/'
            'wordprocessingShape"><wps:txbx>%s</wps:txbx></wps:wsp></a:graphicData></a:graphic>'
            '</wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape '
            'xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox>%s</v:textbox></v:shape></w:pict>'
            '</mc:Fallback></mc:AlternateContent></w:r>' % (content, content))


def layout_docx():
    """A header laid out as a 2x2 table, a place and date in a text box, a signature table and
    an annex table after it."""
    body = [
        table([cell("ỦY BAN NHÂN DÂN", "TỈNH BÌNH ĐỊNH"),
               cell("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")],
              [cell("Số: 518/QĐ-UBND"), cell("Bình Định, ngày 17 tháng 02 năm 2023")]),
        para("KẾ HOẠCH"),
        para(run("Phòng chống thiên tai năm 2023"),
             text_box("Quy Nhơn, ngày 20 tháng 02 năm 2023")),
        para("Giao Sở Nông nghiệp chủ trì thực hiện."),
        table([cell("Nơi nhận:", "- Như trên;", "- Lưu: VT."),
               cell("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH")]),
        table([cell("TT"), cell("Nhiệm vụ"), cell("Cơ quan chủ trì")],
              [cell("1"), cell("Rà soát đê điều"), cell("Sở Nông nghiệp")]),
    ]
    return docx(document("".join(body)))


def notes_docx():
    hidden = run("KHÔNG HIỆN", props="<w:vanish/>")
    deleted = '<w:del w:id="9" w:author="x"><w:r><w:delText>đã xóa </w:delText></w:r></w:del>'
    field = ('<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
             '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
             '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' + run("7") +
             '<w:r><w:fldChar w:fldCharType="end"/></w:r>')
    body = [
        # "Kế hoạch" split mid-word over two runs, as Word does after an edit.
        para(run("Kế hoạ"), run("ch", props="<w:b/>"), run(" số 49-KH/TU"),
             run('<w:footnoteReference w:id="2"/>', props='<w:rStyle w:val="FootnoteReference"/>'),
             run(" thực hiện Nghị quyết")),
        para(run("Dòng một"), run("<w:br/>"), run("dòng hai"), hidden, deleted,
             run(" trang "), field),
        para(run("Trước ngắt trang"), run('<w:br w:type="page"/>'), run("Sau ngắt trang"),
             run('<w:footnoteReference w:id="1"/>'), run('<w:endnoteReference w:id="1"/>')),
    ]
    sect = ('<w:headerReference w:type="default" r:id="rId1"/>'
            '<w:footerReference w:type="default" r:id="rId2"/>')
    separators = ('<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
                  '</w:footnote><w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r>'
                  '<w:continuationSeparator/></w:r></w:p></w:footnote>')
    ref = run('<w:footnoteRef/>')
    footnotes = part("footnotes", separators +
                     '<w:footnote w:id="1"><w:p>%s%s</w:p></w:footnote>' %
                     (ref, run(" Ghi chú thứ hai.")) +
                     '<w:footnote w:id="2"><w:p>%s%s</w:p><w:p>%s</w:p></w:footnote>' %
                     (ref, run(" Nghị quyết số 02-NQ/TW ngày 12/6/2021"),
                      run("của Bộ Chính trị.")))
    endnotes = part("endnotes", separators.replace("footnote", "endnote") +
                    '<w:endnote w:id="1"><w:p>%s</w:p></w:endnote>' % run("Chú thích cuối."))
    header = part("hdr", para("TIÊU ĐỀ TRANG BÍ MẬT"))
    footer = part("ftr", para("Trang chân 1"))
    return docx(document("".join(body), sect), {
        "header1.xml": header, "footer1.xml": footer,
        "footnotes.xml": footnotes, "endnotes.xml": endnotes,
    })


def corpus_docx():
    """The first 30 lines of a corpus plan; outline labels written as Word numbering."""
    path = os.path.join(ROOT, "corpus", "docs", "daklak-kh-49-2021.txt")
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")[:30]
    numbering = part("numbering", "".join([
        abstract_num(40, level(0, "upperRoman", "%1-"), level(1, "decimal", "%2.")),
        abstract_num(41, level(0, "bullet", "-")),
        num(1, 40), num(2, 41),
    ]))
    roman = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5}
    counters = [0, 0]
    body = []
    for line in lines:
        text = line.strip()
        m_roman = re.match(r"^([IV]+)- (.*)$", text)
        m_decimal = re.match(r"^(\d+)\. (.*)$", text)
        if m_roman:
            counters = [counters[0] + 1, 0]
            assert roman[m_roman.group(1)] == counters[0], line  # Word would number it so
            body.append(para(m_roman.group(2), num=(1, 0)))
        elif m_decimal:
            counters[1] += 1
            assert int(m_decimal.group(1)) == counters[1], line
            body.append(para(m_decimal.group(2), num=(1, 1)))
        elif text.startswith("- "):
            body.append(para(text[2:], num=(2, 0)))
        else:
            body.append(para(line) if line else "<w:p/>")
    return docx(document("".join(body)), {"numbering.xml": numbering})


def bomb_docx():
    """A document.xml of 3 MiB that deflates to a few KB: a ratio near 1000."""
    filler = "A" * (3 << 20)
    return docx(document(para(filler)))


def fixtures():
    plan = plan_docx()
    bomb = bomb_docx()
    yield "plan.docx", plan
    yield "lists.docx", lists_docx()
    yield "table.docx", table_docx()
    yield "notes.docx", notes_docx()
    yield "layout.docx", layout_docx()
    yield "corpus_head.docx", corpus_docx()
    yield "bomb.docx", bomb
    # The directory declares 4 KB, but the member inflates to 3 MiB.
    declared = len(zipfile.ZipFile(__import__("io").BytesIO(bomb)).read("word/document.xml"))
    assert declared > 3 << 20
    yield "lying_bomb.docx", patch_member(bomb, "word/document.xml", declared_size=4096)
    yield "truncated.docx", plan[:len(plan) // 2]
    yield "corrupt.docx", corrupt_member_data(plan, "word/document.xml")
    yield "encrypted_member.docx", patch_member(plan, "word/document.xml", flags_or=0x1)
    yield "no_document.docx", zip_bytes([
        ("[Content_Types].xml", content_types([])),
        ("word/styles.xml", PLAN_STYLES),
    ])
    rng = random.Random(20240101)
    noise = bytes(rng.randrange(256) for _ in range(4096))
    assert not noise.startswith(b"PK") and not noise.startswith(b"\xd0\xcf")
    yield "random.bin", noise
    yield "ole2.doc", b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + bytes(504)


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "tests", "fixtures", "docx")
    os.makedirs(out, exist_ok=True)
    for name, data in fixtures():
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)
        print("%-24s %8d bytes" % (name, len(data)))


if __name__ == "__main__":
    main()
