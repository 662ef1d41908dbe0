"""The Markdown report: readable in a terminal, inert in a pull-request comment."""
from __future__ import annotations

import re

from markdown_it import MarkdownIt

from test_render_fixtures import hostile_result, parent_result, version_result
from tracker.render import render_markdown
from tracker.render.markdown import escape


def test_markdown_report_leads_with_mode_documents_and_counts():
    result, old, new = version_result()
    text = render_markdown(result, old, new)
    assert text.startswith("# 征求意见稿 → 正式稿\n")
    assert "- **修改前**：《友谊县关于推进基本养老服务体系建设的实施方案（征求意见稿）》" in text
    assert "▲ 收紧 **1**" in text and "＝ 未变 **2**" in text


def test_markdown_lists_changed_targets_worst_first_and_changed_clauses_only():
    result, old, new = version_result()
    text = render_markdown(result, old, new)
    rows = [line for line in text.splitlines() if line.startswith("| 二")]
    assert rows[0].startswith("| 二.\\(三\\).7") is False  # parentheses are not escaped, brackets are
    assert "✕ 删除" in rows[0] and "▼ 放宽" in rows[1]
    assert "- 修改后 二.(五).17：" in text and "<ins>60</ins>" in text and "<del>55</del>" in text
    assert "二.(一).2" not in text  # unchanged
    assert re.search(r"未变条款 \d+ 条从略", text)


def test_parent_markdown_uses_parent_words():
    result, old, new = parent_result()
    text = render_markdown(result, old, new)
    assert "# 县级方案 对照 省级措施" in text and "✕ 未落实" in text and "- 上级文件 三.(七)：" in text


def rendered_html(text):
    return MarkdownIt("commonmark").enable("table").enable("strikethrough").render(text)


def test_hostile_text_stays_inert_when_the_markdown_is_rendered():
    result, old, new = hostile_result()
    html = rendered_html(render_markdown(result, old, new))
    assert "<script" not in html and "<img" not in html and "<b " not in html
    assert 'href="javascript' not in html and "<a " not in html
    assert "<strong>加粗</strong>" not in html and "<code>代码</code>" not in html


def test_escape_keeps_the_characters_a_reader_sees():
    source = "[点此](javascript:alert(6)) **加粗** | 管道 | `代码` <script>x</script> & 20%"
    html = rendered_html(escape(source))
    assert re.sub(r"<[^>]+>", "", html).strip().replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&") == source


def test_table_cells_never_break_the_table():
    assert "\n" not in escape("第一行\n第二行") and escape("a|b") == "a\\|b"


def test_characters_that_cannot_start_markup_stay_readable_in_raw_markdown():
    from tracker.render.markdown import escape

    assert escape("就诊率<90%，A&B") == "就诊率<90%，A&B"
    assert escape("<script>x</script> &amp;") == "&lt;script>x&lt;/script> &amp;amp;"  # no tag can open


def test_markdown_heading_names_a_version_whose_status_is_unknown_by_its_label():
    from dataclasses import replace

    from tracker.model import Metadata

    result, old, new = version_result()
    bare_old, bare_new = replace(old, metadata=Metadata(status="draft")), replace(new, metadata=Metadata())
    result = replace(result, old=replace(result.old, ref="youyi/plan@draft", metadata=bare_old.metadata),
                     new=replace(result.new, ref="youyi/plan@v2", metadata=bare_new.metadata))
    assert render_markdown(result, bare_old, bare_new).startswith("# 征求意见稿 → v2\n")  # not 新版
