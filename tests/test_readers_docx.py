"""The .docx reader on generated Word files: automatic numbering, tables, skipped parts, refusals."""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from readers_support import TEXTBOX_RUN, W_NS, DocxBuilder, png_bytes

from tracker.errors import InputError
from tracker.readers import read
from tracker.readers.docx import read_docx
from tracker.readers.numerals import chinese_counting, format_number

SECTION = [("chineseCounting", "%1、"), ("chineseCounting", "（%2）"), ("decimal", "%3.")]
ARTICLE = [("chineseCounting", "第%1条")]


def lines_of(builder: DocxBuilder) -> list[str]:
    return read_docx(Path("test.docx"), builder.to_bytes()).text.split("\n")


def test_automatic_chinese_section_numbers_are_rendered_into_the_text():
    b = DocxBuilder()
    num = b.add_list(SECTION)
    b.para("总体要求", num, 0)
    b.para("指导思想。坚持以人民为中心。", num, 1)
    b.para("基本原则。", num, 1)
    b.para("兜底保障。", num, 2)
    b.para("统筹推进。", num, 2)
    b.para("主要任务", num, 0)
    b.para("完善服务网络。", num, 1)
    assert lines_of(b) == [
        "一、总体要求",
        "（一）指导思想。坚持以人民为中心。",
        "（二）基本原则。",
        "1.兜底保障。",
        "2.统筹推进。",
        "二、主要任务",
        "（一）完善服务网络。",
    ]


def test_article_numbers_count_past_ten_in_chinese_with_an_ideographic_space():
    b = DocxBuilder()
    num = b.add_list(ARTICLE)
    for i in range(21):
        b.para(f"条文{i + 1}。", num)
    lines = lines_of(b)
    assert lines[0] == "第一条\u3000条文1。"
    assert lines[9] == "第十条\u3000条文10。"
    assert lines[10] == "第十一条\u3000条文11。"
    assert lines[19] == "第二十条\u3000条文20。"
    assert lines[20] == "第二十一条\u3000条文21。"


def test_plain_paragraphs_between_list_items_do_not_break_the_count():
    b = DocxBuilder()
    num = b.add_list(SECTION)
    b.para("总体要求", num, 0)
    b.para("　　为贯彻落实省委部署，制定本方案。")
    b.para("主要任务", num, 0)
    assert lines_of(b) == ["一、总体要求", "　　为贯彻落实省委部署，制定本方案。", "二、主要任务"]


def test_two_lists_sharing_a_definition_continue_unless_one_overrides_its_start():
    b = DocxBuilder()
    abstract = b.add_abstract(SECTION)
    first, second = b.add_num(abstract), b.add_num(abstract)
    restarted = b.add_num(abstract, start_override={0: 1})
    b.para("甲", first)
    b.para("乙", second)
    b.para("丙", restarted)
    b.para("丁", restarted)
    assert lines_of(b) == ["一、甲", "二、乙", "一、丙", "二、丁"]


def test_start_value_and_never_restart_level_are_honoured():
    b = DocxBuilder()
    num = b.add_list([("chineseCounting", "%1、", 3), ("decimalEnclosedCircle", "%2")], restarts={1: 0})
    b.para("第三部分", num, 0)
    b.para("甲", num, 1)
    b.para("第四部分", num, 0)
    b.para("乙", num, 1)
    assert lines_of(b) == ["三、第三部分", "①甲", "四、第四部分", "②乙"]


def test_multilevel_label_uses_each_levels_own_format_as_word_does():
    b = DocxBuilder()
    num = b.add_list([("ideographTraditional", "%1、"), ("decimal", "%1.%2")])
    b.para("甲项", num, 0)
    b.para("细项", num, 1)
    b.para("乙项", num, 0)
    assert lines_of(b) == ["甲、甲项", "甲.1 细项", "乙、乙项"]


def test_numbering_linked_to_a_paragraph_style_is_rendered():
    from docx.enum.style import WD_STYLE_TYPE
    from docx.oxml import parse_xml

    b = DocxBuilder()
    num = b.add_list(SECTION)
    style = b.doc.styles.add_style("PolicySection", WD_STYLE_TYPE.PARAGRAPH)
    style.element.get_or_add_pPr().append(
        parse_xml(
            '<w:numPr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            f'<w:numId w:val="{num}"/></w:numPr>'
        )
    )
    b.para("总体要求", style="PolicySection")
    b.para("重点任务", style="PolicySection")
    assert lines_of(b) == ["一、总体要求", "二、重点任务"]


def test_numbering_id_zero_means_no_label():
    b = DocxBuilder()
    num = b.add_list(SECTION)
    b.para("总体要求", num)
    b.para("不编号", 0)
    b.para("主要任务", num)
    assert lines_of(b) == ["一、总体要求", "不编号", "二、主要任务"]


def test_tables_are_interleaved_with_paragraphs_in_body_order_as_pipe_rows():
    b = DocxBuilder()
    b.para("附件")
    b.table([["序号", "服务项目", "服务内容"], ["1", "基本医\n疗保险", "参保\nsubsidy"]])
    b.para("表后说明。")
    assert lines_of(b) == [
        "附件",
        "| 序号 | 服务项目 | 服务内容 |",
        "| 1 | 基本医疗保险 | 参保subsidy |",
        "表后说明。",
    ]


def test_vertically_merged_cell_shows_its_value_once():
    b = DocxBuilder()
    table = b.table([["类别", "项目"], ["物质帮助", "高龄津贴"], ["", "护理补贴"]])
    table.cell(1, 0).merge(table.cell(2, 0))
    assert lines_of(b)[-2:] == ["| 物质帮助 | 高龄津贴 |", "|  | 护理补贴 |"]


def test_pipe_inside_a_cell_cannot_split_the_row():
    b = DocxBuilder()
    b.table([["a|b", "c"], ["d", "e"]])
    assert lines_of(b)[-2] == "| a｜b | c |"


def test_numbered_paragraphs_inside_table_cells_keep_their_labels():
    b = DocxBuilder()
    num = b.add_list(SECTION)
    table = b.table([["任务", "责任单位"], ["", "市民政局"]])
    p = table.cell(1, 0).paragraphs[0]
    p.text = "完善服务网络"
    from docx.oxml import parse_xml

    p._p.get_or_add_pPr().append(
        parse_xml(
            '<w:numPr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            f'<w:ilvl w:val="0"/><w:numId w:val="{num}"/></w:numPr>'
        )
    )
    assert lines_of(b)[-1] == "| 一、完善服务网络 | 市民政局 |"


def test_images_text_boxes_and_headers_are_reported_not_dropped_silently():
    b = DocxBuilder()
    p = b.para("正文。")
    b.inject_run_xml(p, TEXTBOX_RUN)
    b.doc.add_picture(io.BytesIO(png_bytes()))
    b.doc.add_picture(io.BytesIO(png_bytes()))
    b.doc.sections[0].header.paragraphs[0].text = "七台河市人民政府文件"
    b.doc.sections[0].footer.paragraphs[0].text = "— 1 —"
    raw = read_docx(Path("x.docx"), b.to_bytes())
    assert "文本框里的字" not in raw.text
    assert "skipped 2 image(s)" in raw.warnings
    assert any(w.startswith("skipped 1 text box") for w in raw.warnings)
    assert any(w.startswith("skipped 1 page header(s)") and "七台河市人民政府文件" in w for w in raw.warnings)
    assert any(w.startswith("skipped 1 page footer(s)") for w in raw.warnings)


def test_a_plain_document_has_no_warnings():
    b = DocxBuilder()
    b.para("第一条　为了规范养老服务，制定本办法。")
    raw = read_docx(Path("x.docx"), b.to_bytes())
    assert raw.warnings == [] and raw.format == "docx"


@pytest.mark.parametrize(
    "data",
    [b"PK\x03\x04 truncated zip", b"not a zip at all, just words"],
    ids=["truncated-zip", "plain-bytes"],
)
def test_damaged_docx_is_one_line_input_error_naming_the_file(tmp_path, data):
    path = tmp_path / "broken.docx"
    path.write_bytes(data)
    with pytest.raises(InputError) as err:
        read(path)
    assert str(err.value) == f"{path}: is not a valid .docx (damaged or not a Word file)"


def test_an_empty_docx_file_is_refused_as_empty(tmp_path):
    path = tmp_path / "broken.docx"
    path.write_bytes(b"")
    with pytest.raises(InputError) as err:
        read(path)
    assert str(err.value) == f"{path}: is empty (0 bytes): nothing to read"


def test_docx_with_malformed_document_xml_is_input_error(tmp_path):
    b = DocxBuilder()
    b.para("正文")
    src = zipfile.ZipFile(io.BytesIO(b.to_bytes()))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as out:
        for item in src.infolist():
            data = src.read(item.filename)
            out.writestr(item, b"<w:document><unclosed" if item.filename == "word/document.xml" else data)
    path = tmp_path / "bad.docx"
    path.write_bytes(buf.getvalue())
    with pytest.raises(InputError, match="is not a valid .docx"):
        read(path)


@pytest.mark.parametrize(
    "n, expected",
    [(1, "一"), (10, "十"), (11, "十一"), (19, "十九"), (20, "二十"), (21, "二十一"), (100, "一百"), (101, "一百零一"), (110, "一百一十")],
)
def test_chinese_counting(n, expected):
    assert chinese_counting(n) == expected


def test_unknown_number_format_falls_back_to_decimal():
    assert format_number(7, "someFutureFormat") == "7"
    assert format_number(3, "ideographTraditional") == "丙"
    assert format_number(3, "decimalEnclosedCircle") == "③"


def test_footnotes_are_reported_and_their_markers_leave_no_text():
    from readers_support import FOOTNOTES_REL, FOOTNOTES_TYPE, FOOTNOTES_XML, add_docx_part

    b = DocxBuilder()
    p = b.para("全市养老床位达到1万张")
    b.inject_run_xml(p, f'<w:r {W_NS}><w:footnoteReference w:id="1"/></w:r>')
    data = add_docx_part(b.to_bytes(), "word/footnotes.xml", FOOTNOTES_XML, FOOTNOTES_TYPE, FOOTNOTES_REL)
    raw = read_docx(Path("x.docx"), data)
    assert raw.text == "全市养老床位达到1万张"
    assert raw.warnings == ["skipped 2 footnote(s) (not part of the body text)"]


def test_embedded_objects_hidden_runs_and_tracked_deletions_are_counted():
    b = DocxBuilder()
    p = b.para("保留")
    b.inject_run_xml(p, f'<w:r {W_NS}><w:object/></w:r>')
    b.inject_run_xml(p, f'<w:r {W_NS}><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r>')
    b.inject_run_xml(p, f'<w:del {W_NS} w:id="9" w:author="a"><w:r><w:delText>删去</w:delText></w:r></w:del>')
    b.inject_run_xml(p, f'<w:ins {W_NS} w:id="8" w:author="a"><w:r><w:t>新增</w:t></w:r></w:ins>')
    raw = read_docx(Path("x.docx"), b.to_bytes())
    assert raw.text == "保留新增"
    assert sorted(raw.warnings) == [
        "skipped 1 embedded object(s) (OLE: spreadsheets, equations...)",
        "skipped 1 hidden text run(s)",
        "skipped 1 tracked deletion(s); the text is read as if all changes were accepted",
    ]
