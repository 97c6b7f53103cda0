#!/usr/bin/env python3
"""Writes tests/fixtures/html/*.html from corpus documents: each line a <p> (markdown table rows
an HTML table), wrapped in the navigation, scripts and styles of a document portal page, so the
tests can check that the HTML reader keeps the document and drops the rest.

usage: tools/make_html_fixtures.py   (run from anywhere; rewrites the fixtures)
"""
import html
import os

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DOCS = ["daklak-kh-49-2021"]  # a seed plan: fixtures derive only from our own corpus

PAGE = """<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><title>{title}</title>
<style>p {{ margin: 0 }} .menu {{ color: red }}</style>
<script>var tracking = "Kế hoạch số 999-KH/TU giả"; function go() {{ return 1 < 2; }}</script>
</head><body>
<nav class="menu"><a href="/">Trang chủ</a> | <a href="/vb">Văn bản</a> | Nghị quyết số 777-NQ/TW</nav>
<header><h1>Cổng thông tin điện tử</h1></header>
<div id="content">
{body}
</div>
<footer>Bản quyền © Cổng thông tin. Quyết định số 888/QĐ-UBND giả.</footer>
<script>document.write("<p>Chỉ thị số 555-CT/TW</p>");</script>
</body></html>
"""


def cells(line):
    return [c.strip() for c in line.strip().strip("|").split("|")]


def body(lines):
    out, table = [], []
    for line in lines + [""]:
        if line.lstrip().startswith("|"):
            if set(line.replace("|", "").strip()) <= set("-: "):
                continue  # markdown separator row
            table.append("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in cells(line)) + "</tr>")
            continue
        if table:
            out.append("<table border=\"1\">" + "".join(table) + "</table>")
            table = []
        if line.strip():
            out.append(f"<p>{html.escape(line.strip())}</p>")
    return "\n".join(out)


def main():
    out_dir = os.path.join(ROOT, "tests", "fixtures", "html")
    os.makedirs(out_dir, exist_ok=True)
    for name in DOCS:
        with open(os.path.join(ROOT, "corpus", "docs", name + ".txt"), encoding="utf-8") as f:
            lines = f.read().splitlines()
        page = PAGE.format(title=html.escape(name), body=body(lines))
        with open(os.path.join(out_dir, name + ".html"), "w", encoding="utf-8") as f:
            f.write(page)


if __name__ == "__main__":
    main()
