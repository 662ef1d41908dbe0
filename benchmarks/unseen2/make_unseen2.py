"""Build the binary members of the second unseen corpus from their sources in src/.

national-meal-opinion.txt, province-meal-plan.txt : UTF-8 copies
county-meal-plan.docx, province-medcare-plan.docx, fitness-plan-final.docx,
ecology-plan-draft.docx : python-docx; lines `| a | b |` become one Word table
county-medcare-plan.txt : GB18030
fitness-plan-draft.pdf  : reportlab, STSong-Light, justified lines wrapped at
                          the margin (mid-sentence, mid-word; closing punctuation
                          kept on its line as Word does), a running header,
                          a footer page number "— N —", several pages
ecology-plan-final.html : a county government web page with navigation and the
                          indicator table as an HTML <table>
Usage: .venv/bin/python benchmarks/unseen2/make_unseen2.py
"""
from html import escape
from pathlib import Path

import sys

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from corpus_tools import lines_to_docx  # noqa: E402

HERE = Path(__file__).resolve().parent
SRC = HERE / "src"


def lines_of(name: str) -> list[str]:
    return (SRC / f"{name}.src").read_text(encoding="utf-8").splitlines()


def copy_utf8(name: str) -> None:
    (HERE / f"{name}.txt").write_text("\n".join(lines_of(name)) + "\n", encoding="utf-8")


def gb18030(name: str) -> None:
    (HERE / f"{name}.txt").write_bytes(("\n".join(lines_of(name)) + "\n").encode("gb18030"))


def word(name: str) -> None:
    lines_to_docx(lines_of(name), HERE / f"{name}.docx")


NO_LINE_START = "，。；：、）》”％%"


def _ascii(ch: str) -> bool:
    return ch.isascii() and (ch.isalnum() or ch in ".%")


def pdf(name: str) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    font, size, lead = "STSong-Light", 16, 30
    width, height = A4
    left, right, top, bottom = 80, width - 80, height - 90, 90
    avail = right - left
    lines = lines_of(name)
    c = canvas.Canvas(str(HERE / f"{name}.pdf"), pagesize=A4)
    page = 1
    y = top

    def furniture() -> None:
        c.setFont(font, 9)
        c.drawCentredString(width / 2, height - 50, "某市人民政府办公室文件（征求意见稿）")
        c.line(left, height - 56, right, height - 56)
        c.drawCentredString(width / 2, 50, f"— {page} —")

    def newline() -> None:
        nonlocal y
        y -= lead

    def room_for_a_line() -> None:
        nonlocal y, page
        if y < bottom:
            c.showPage()
            page += 1
            furniture()
            y = top

    furniture()
    for i, line in enumerate(lines):
        room_for_a_line()
        if i < 2:  # title and status, centred
            c.setFont(font, 16 if i == 0 else 12)
            c.drawCentredString(width / 2, y, line)
            newline()
            continue
        c.setFont(font, size)
        indent = 2 * size
        text = line
        while text:
            room = avail - indent
            n = 0
            while n < len(text) and pdfmetrics.stringWidth(text[: n + 1], font, size) <= room:
                n += 1
            while n < len(text) and text[n] in NO_LINE_START:  # kinsoku: Word never starts a line with these
                n += 1
            while 0 < n < len(text) and _ascii(text[n - 1]) and _ascii(text[n]):  # Word keeps 2.6 / 200 whole
                n -= 1
            chunk, text = text[:n], text[n:]
            room_for_a_line()
            t = c.beginText(left + indent, y)
            t.setFont(font, size)
            if text and len(chunk) > 1:  # justified: stretch to the right margin
                t.setCharSpace((room - pdfmetrics.stringWidth(chunk, font, size)) / (len(chunk) - 1))
            t.textLine(chunk)
            c.drawText(t)
            indent = 0
            newline()
    c.showPage()
    c.save()


def html(name: str) -> None:
    body, rows = [], []
    lines = lines_of(name)

    def flush() -> None:
        if rows:
            trs = "".join(
                "<tr>" + "".join(f"<td>{escape(x)}</td>" for x in r) + "</tr>" for r in rows
            )
            body.append(f'<table border="1" cellspacing="0">{trs}</table>')
            rows.clear()

    for line in lines[1:]:
        if line.startswith("|"):
            rows.append([x.strip() for x in line.strip("|").split("|")])
            continue
        flush()
        body.append(f"<p>{escape(line)}</p>")
    flush()
    page = f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{escape(lines[0])}_某某县人民政府</title></head>
<body>
<div class="top"><a href="/">首页</a> | <a href="/zwgk/">政务公开</a> | <a href="/hdjl/">互动交流</a> | <a href="/bsfw/">办事服务</a></div>
<div class="crumb">当前位置：首页 &gt; 政务公开 &gt; 政策文件</div>
<div class="article">
<h1>{escape(lines[0])}</h1>
<div class="info">发布时间：2025-06-20 来源：某某县人民政府办公室 浏览次数：1024</div>
{chr(10).join(body)}
</div>
<div class="foot"><a href="#">【打印本页】</a> <a href="#">【关闭窗口】</a><br>主办单位：某某县人民政府办公室 备案号：某ICP备12345678号</div>
</body></html>
"""
    (HERE / f"{name}.html").write_text(page, encoding="utf-8")


if __name__ == "__main__":
    copy_utf8("national-meal-opinion")
    copy_utf8("province-meal-plan")
    word("county-meal-plan")
    word("province-medcare-plan")
    gb18030("county-medcare-plan")
    pdf("fitness-plan-draft")
    word("fitness-plan-final")
    word("ecology-plan-draft")
    html("ecology-plan-final")
