"""Build the members of the third (blind) unseen corpus from their sources in src/.

medical-service-plan-*.txt, national-housing-opinion.txt, city-employment-plan.txt,
water-ecology-plan-final.txt, culture-tourism-plan-final.txt : UTF-8 copies
education-plan-*.txt                : GBK with CRLF line ends (as Windows Notepad saves)
city-fitness-facilities-plan.txt    : UTF-8 with a byte-order mark and CRLF line ends
province-agriculture-measures.txt   : GBK, LF
water-ecology-plan-draft-scrape.txt : the whole page on one line (lines joined by a
                                      space; the spaces inside words are in the source)
province-housing-plan.docx, county-agriculture-plan.docx,
childcare-plan-*.docx               : python-docx; lines `| a | b |` become one Word table
province-employment-opinion.html, culture-tourism-plan-draft.html,
county-fitness-facilities-plan.html :
                                      a government web page with navigation, breadcrumb,
                                      share bar, related links and footer around the text
Usage: .venv/bin/python benchmarks/unseen3/make_unseen3.py
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


def utf8(name: str) -> None:
    (HERE / f"{name}.txt").write_text("\n".join(lines_of(name)) + "\n", encoding="utf-8")


def gbk(name: str, crlf: bool) -> None:
    text = "\n".join(lines_of(name)) + "\n"
    if crlf:
        text = text.replace("\n", "\r\n")
    (HERE / f"{name}.txt").write_bytes(text.encode("gbk"))


def utf8_bom_crlf(name: str) -> None:
    text = "\r\n".join(lines_of(name)) + "\r\n"
    (HERE / f"{name}.txt").write_bytes(text.encode("utf-8-sig"))


def one_line(name: str) -> None:
    (HERE / f"{name}.txt").write_text(" ".join(lines_of(name)) + "\n", encoding="utf-8")


def word(name: str) -> None:
    lines_to_docx(lines_of(name), HERE / f"{name}.docx")


def html(name: str, site: str, date: str, source: str) -> None:
    body, rows = [], []
    lines = lines_of(name)

    def flush() -> None:
        if rows:
            trs = "".join("<tr>" + "".join(f"<td>{escape(x)}</td>" for x in r) + "</tr>" for r in rows)
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
<html lang="zh-CN"><head><meta charset="utf-8"><title>{escape(lines[0])}_{site}</title>
<script>var _hmt = _hmt || []; (function(){{ var hm = document.createElement("script"); }})();</script></head>
<body>
<div class="top-nav"><a href="/">首页</a> | <a href="/zwgk/">政务公开</a> | <a href="/zcwj/">政策文件</a> | <a href="/zcjd/">政策解读</a> | <a href="/hdjl/">互动交流</a> | <a href="#">无障碍浏览</a> | <a href="#">长者模式</a></div>
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; 政策文件</div>
<div class="article">
<h1>{escape(lines[0])}</h1>
<div class="info">发布时间：{date}　来源：{source}　浏览次数：2087　【字体：大 中 小】</div>
<div class="TRS_Editor">
{chr(10).join(body)}
</div>
<div class="share">分享到：微信 微博 QQ空间　【打印本页】【关闭窗口】</div>
</div>
<div class="related"><h3>相关链接</h3><ul><li><a href="#">政策解读：一图读懂{escape(lines[0][:12])}</a></li><li><a href="#">关于公开征集意见建议的公告</a></li></ul></div>
<div class="foot">主办单位：{site} | 网站标识码：5100000012 | 备案号：某ICP备12345678号-1 | <a href="#">网站地图</a></div>
</body></html>
"""
    (HERE / f"{name}.html").write_text(page, encoding="utf-8")


if __name__ == "__main__":
    utf8("medical-service-plan-draft")
    utf8("medical-service-plan-final")
    gbk("education-plan-draft", crlf=True)
    gbk("education-plan-final", crlf=True)
    html("province-employment-opinion", "东川省人民政府门户网站", "2025-03-14", "省政府办公厅")
    utf8("city-employment-plan")
    utf8("national-housing-opinion")
    word("province-housing-plan")
    one_line("water-ecology-plan-draft-scrape")
    utf8("water-ecology-plan-final")
    word("childcare-plan-draft")
    word("childcare-plan-final")
    html("culture-tourism-plan-draft", "云岭县人民政府", "2025-05-08", "县文化和旅游局")
    utf8("culture-tourism-plan-final")
    gbk("province-agriculture-measures", crlf=False)
    word("county-agriculture-plan")
    utf8_bom_crlf("city-fitness-facilities-plan")
    html("county-fitness-facilities-plan", "宁远县人民政府", "2025-08-15", "县文化广电和旅游体育局")
