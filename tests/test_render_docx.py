"""The Word 对照表: struck deletions, underlined insertions, East Asian fonts, repeated header."""
from __future__ import annotations

import io

import docx
from docx.oxml.ns import qn

from test_render_fixtures import parent_result, version_result
from tracker.render import render_docx


def word_of(build):
    result, old, new = build()
    return docx.Document(io.BytesIO(render_docx(result, old, new)))


def compare_table(word):
    return word.tables[-1]


def test_the_table_has_two_columns_headed_before_and_after_and_repeats_its_header():
    table = compare_table(word_of(version_result))
    assert [c.text for c in table.rows[0].cells] == ["修改前", "修改后"]
    header = table.rows[0]._tr.trPr.find(qn("w:tblHeader"))
    assert header is not None and header.get(qn("w:val")) == "true"


def test_parent_mode_headings():
    table = compare_table(word_of(parent_result))
    assert [c.text for c in table.rows[0].cells] == ["上级文件", "本级文件"]


def runs_of(cell):
    return [r for p in cell.paragraphs for r in p.runs]


def test_deletions_are_struck_and_insertions_underlined():
    table = compare_table(word_of(version_result))
    row = next(r for r in table.rows if r.cells[1].text.startswith("二.(五).17"))
    struck = [r.text for r in runs_of(row.cells[0]) if r.font.strike]
    underlined = [r.text for r in runs_of(row.cells[1]) if r.font.underline]
    assert struck == ["55"] and underlined == ["60"]


def test_only_changed_clauses_are_listed_and_the_rest_counted():
    word = word_of(version_result)
    texts = [r.cells[1].text for r in compare_table(word).rows[1:]]
    assert not any(t.startswith("二.(一).2 ") for t in texts)
    assert any("其余未变条款 12 条从略" in p.text for p in word.paragraphs)


def test_chinese_text_names_an_east_asian_font():
    word = word_of(version_result)
    normal = word.styles["Normal"].element.rPr.rFonts
    assert normal.get(qn("w:eastAsia")) == "宋体"
    run = compare_table(word).rows[0].cells[0].paragraphs[0].runs[0]
    assert run._element.rPr.rFonts.get(qn("w:eastAsia")) == "黑体"


def test_page_is_a4_portrait():
    section = word_of(version_result).sections[0]
    assert round(section.page_width.cm, 1) == 21.0 and round(section.page_height.cm, 1) == 29.7
