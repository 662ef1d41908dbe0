"""The .html reader on saved government pages: furniture out, policy text in, nothing dropped silently."""
from __future__ import annotations

from pathlib import Path

import pytest

from tracker.errors import InputError
from tracker.readers import read
from tracker.readers.html import read_html

PAGE = """<!DOCTYPE html>
<html><head>{meta}<title>七台河市人民政府</title>
<style>.title {{ color: red }}</style><script>var tracking = "统计代码";</script></head>
<body>
<div class="top">七台河市人民政府 欢迎您</div>
<div id="menu"><ul><li><a href="/">首页</a></li><li><a href="/zw">政务公开</a></li>
  <li><a href="/fw">政务服务</a></li><li><a href="/hd">互动交流</a></li></ul></div>
<div class="main">
 <div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/zw">政策文件</a></div>
 <div class="article">
  <h1>七台河市推进养老服务发展工作方案</h1>
  <div class="content">
   <p>　　为贯彻落实《黑龙江省人民政府办公厅关于推进养老服务发展的实施意见》，
   结合我市实际，制定本方案。</p>
   <p>一、总体要求</p>
   <p>（一）指导思想。以习近平新时代中国特色社会主义思想为指导。<br>（二）基本原则。</p>
   {extra}
  </div>
  <div class="bdsharebuttonbox"><a href="#">分享到微信</a><a href="#">分享到微博</a></div>
 </div>
 <div class="related"><h3>相关文件</h3><a href="/1">关于做好养老服务工作的通知</a></div>
</div>
<div class="footer">主办单位：七台河市人民政府办公室 网站标识码：2309000001</div>
</body></html>
"""

BODY = [
    "七台河市推进养老服务发展工作方案",
    "为贯彻落实《黑龙江省人民政府办公厅关于推进养老服务发展的实施意见》，结合我市实际，制定本方案。",
    "一、总体要求",
    "（一）指导思想。以习近平新时代中国特色社会主义思想为指导。",
    "（二）基本原则。",
]


def page(meta: str = '<meta charset="utf-8">', extra: str = "") -> str:
    return PAGE.format(meta=meta, extra=extra)


def read_page(html: str, encoding: str = "utf-8"):
    return read_html(Path("page.html"), html.encode(encoding))


def test_only_the_policy_text_is_kept_from_a_government_page():
    raw = read_page(page())
    assert raw.text.split("\n") == BODY
    for junk in ("首页", "当前位置", "分享到微信", "主办单位", "相关文件", "统计代码", "color"):
        assert junk not in raw.text


def test_removed_page_parts_are_counted_in_a_warning():
    raw = read_page(page())
    removal = next(w for w in raw.warnings if w.startswith("removed"))
    for part in ("div.top 1", "div.menu 1", "div.position 1", "div.bdsharebuttonbox 1", "div.footer 1", "script 1"):
        assert part in removal


@pytest.mark.parametrize(
    "meta",
    ['<meta http-equiv="Content-Type" content="text/html; charset=gb2312">', '<meta charset="GBK">', ""],
    ids=["http-equiv-gb2312", "meta-charset-gbk", "no-declaration"],
)
def test_gbk_pages_are_decoded(meta):
    raw = read_page(page(meta=meta), encoding="gbk")
    assert raw.text.split("\n") == BODY
    assert raw.encoding == "gb18030"


def test_a_wrong_charset_declaration_falls_back_to_detection():
    raw = read_page(page(meta='<meta charset="gbk">'), encoding="utf-8")
    assert raw.text.split("\n") == BODY


def test_escaped_markup_in_the_text_survives_as_literal_text():
    raw = read_page(page(extra="<p>示例：&lt;script&gt;alert(1)&lt;/script&gt;</p><script>alert(2)</script>"))
    assert "示例：<script>alert(1)</script>" in raw.text.split("\n")
    assert "alert(2)" not in raw.text


def test_a_data_table_becomes_pipe_rows_with_rowspan_continuations_empty():
    table = """<table border="1"><tr><th>序号</th><th>项目</th><th>标准</th></tr>
      <tr><td rowspan="2">1</td><td>社区养老<br>服务用房</td><td>每百户20至30平方米</td></tr>
      <tr><td>老旧小区</td><td>每百户15至20平方米</td></tr></table>"""
    raw = read_page(page(extra=table))
    assert raw.text.split("\n")[-3:] == [
        "| 序号 | 项目 | 标准 |",
        "| 1 | 社区养老服务用房 | 每百户20至30平方米 |",
        "|  | 老旧小区 | 每百户15至20平方米 |",
    ]


def test_a_layout_table_is_read_as_blocks_not_as_pipe_rows():
    html = """<html><body><table><tr><td><a href="/">首页</a> <a href="/a">机构</a></td></tr>
      <tr><td><table><tr><td>第一条　为了规范养老服务，制定本办法。</td></tr>
      <tr><td>第二条　本办法适用于本市行政区域。</td></tr></table></td></tr></table></body></html>"""
    raw = read_page(html)
    assert raw.text.split("\n") == ["第一条　为了规范养老服务，制定本办法。", "第二条　本办法适用于本市行政区域。"]


def test_an_article_header_holding_the_title_is_kept():
    html = """<html><body><header class="site-header"><a href="/">首页</a><a href="/x">新闻中心</a></header>
      <article><header><h1>关于深化养老服务改革发展的实施方案</h1></header>
      <p>为积极应对人口老龄化，制定本方案。</p></article>
      <footer>版权所有：某某网</footer></body></html>"""
    raw = read_page(html)
    assert raw.text.split("\n") == ["关于深化养老服务改革发展的实施方案", "为积极应对人口老龄化，制定本方案。"]


def test_prose_outside_the_main_block_is_reported_as_dropped():
    html = """<html><body><div class="box">网站说明文字很长很长很长的一段无关内容<a href="/">首页</a>
      <a href="/a">机构设置</a><a href="/b">政务公开</a><a href="/c">办事服务</a><a href="/d">互动交流</a></div>
      <div class="text"><p>第一条　为了规范养老服务，制定本办法。</p><p>第二条　本办法适用于本市。</p></div></body></html>"""
    raw = read_page(html)
    assert raw.text.startswith("第一条")
    assert any(w == "dropped 37 Chinese characters outside the main content block <div> (18 in links)" for w in raw.warnings)


def test_images_in_the_content_are_reported():
    raw = read_page(page(extra='<p><img src="chart.png">图1</p>'))
    assert "skipped 1 image(s) in the content" in raw.warnings


def test_a_furniture_name_on_the_block_holding_the_text_does_not_remove_it():
    html = """<html><body><div class="share-page-wrap"><p>第一条　为了规范养老服务，制定本办法。</p>
      <p>第二条　本办法适用于本市行政区域内的养老服务机构。</p></div></body></html>"""
    raw = read_page(html)
    assert raw.text.split("\n") == ["第一条　为了规范养老服务，制定本办法。", "第二条　本办法适用于本市行政区域内的养老服务机构。"]


def test_an_empty_html_file_is_one_line_input_error(tmp_path):
    path = tmp_path / "empty.html"
    path.write_bytes(b"  \n")
    with pytest.raises(InputError) as err:
        read(path)
    assert str(err.value) == f"{path}: is an empty HTML file"


def test_xhtml_with_an_xml_declaration_is_read(tmp_path):
    path = tmp_path / "page.htm"
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<html><body><p>第一条　总则。</p></body></html>', "utf-8")
    assert read(path).text == "第一条　总则。"


def test_a_page_whose_text_is_built_by_javascript_is_refused(tmp_path):
    path = tmp_path / "app.html"
    path.write_text('<html><body><div id="app"></div><script>render("第一条")</script></body></html>', "utf-8")
    with pytest.raises(InputError, match="has no readable text"):
        read(path)


def test_a_page_wrapped_in_one_form_is_not_thrown_away():
    html = """<html><body><form id="form1" action="x.aspx"><div id="nav"><a href="/">首页</a></div>
      <div class="zw"><p>第一条　为了规范养老服务，制定本办法。</p><p>第二条　本办法适用于本市。</p></div>
      <input type="hidden" name="__VIEWSTATE" value="abc"></form></body></html>"""
    raw = read_page(html)
    assert raw.text.split("\n") == ["第一条　为了规范养老服务，制定本办法。", "第二条　本办法适用于本市。"]
