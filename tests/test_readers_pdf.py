"""The .pdf reader on generated PDFs: paragraph re-joining, page furniture, cid glyphs, scans."""
from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("reportlab", reason="reader tests generate PDFs with reportlab (pip install -e .[test])")

from readers_support import (  # noqa: E402
    cid_pdf,
    encrypted_pdf,
    image_only_pdf,
    reportlab_pdf,
    ruled_table_pdf,
)

from tracker.errors import InputError  # noqa: E402
from tracker.readers import read  # noqa: E402
from tracker.readers.pdf import read_pdf  # noqa: E402

IND = "\u3000\u3000"  # drawn as a two-character first-line indent


def pdf_text(pages, **kwargs) -> tuple[list[str], list[str]]:
    raw = read_pdf(Path("test.pdf"), reportlab_pdf(pages, **kwargs))
    return raw.text.split("\n"), raw.warnings


def test_a_line_broken_mid_sentence_is_joined_to_the_next():
    lines, _ = pdf_text([[
        IND + "为贯彻落实省政府关于推进养老服务发展的实施意见，结合",
        "我市实际，制定本方案。",
    ]])
    assert lines == ["为贯彻落实省政府关于推进养老服务发展的实施意见，结合我市实际，制定本方案。"]


def test_digits_split_across_lines_are_joined_without_a_space():
    lines, _ = pdf_text([[
        IND + "到2025年，全市护理型床位占比达到55%以上，社区养老",
        "服务用房按每百户20至30平方米配建。",
    ]])
    assert lines == ["到2025年，全市护理型床位占比达到55%以上，社区养老服务用房按每百户20至30平方米配建。"]


@pytest.mark.parametrize("label", ["一、", "（二）", "3.", "第四条", "（5）"])
def test_a_line_starting_a_clause_label_is_never_joined(label):
    lines, _ = pdf_text([[
        IND + "加快建设居家社区机构相协调、医养康养相结合的养老服务体",
        f"{label}完善服务网络",
    ]])
    assert lines[1] == f"{label}完善服务网络"


def test_a_line_ending_a_sentence_keeps_its_break():
    lines, _ = pdf_text([[
        IND + "各地要加大投入力度，确保各项政策措施落到实处，取得实效。",
        "养老服务机构应当建立健全安全管理制度，落实安全责任。",
    ]])
    assert len(lines) == 2


def test_title_and_indented_paragraph_are_not_glued_together():
    lines, _ = pdf_text([[
        "七台河市推进养老服务发展工作方案",
        IND + "为贯彻落实省政府关于推进养老服务发展的实施意见，结合",
        "我市实际，制定本方案。",
    ]])
    assert lines[0] == "七台河市推进养老服务发展工作方案"


def test_paragraph_continues_across_a_page_break_and_page_numbers_are_removed():
    lines, warnings = pdf_text(
        [
            [IND + "坚持以人民为中心的发展思想，加快建设居家社区机构相协调"],
            ["医养康养相结合的养老服务体系。"],
            ["第二部分。"],
        ],
        footer=lambda n: f"- {n} -",
    )
    assert lines == ["坚持以人民为中心的发展思想，加快建设居家社区机构相协调医养康养相结合的养老服务体系。", "第二部分。"]
    assert "removed 3 running header/footer line(s) and page numbers" in warnings


def test_a_header_repeated_on_every_page_is_removed_with_a_count():
    pages = [["七台河市人民政府行政规范性文件", f"第{n}部分。", f"{stem}项内容。"] for n, stem in enumerate("甲乙丙", 1)]
    lines, warnings = pdf_text(pages)
    assert lines == ["第1部分。", "甲项内容。", "第2部分。", "乙项内容。", "第3部分。", "丙项内容。"]
    assert "removed 3 running header/footer line(s) and page numbers" in warnings


def test_unmapped_cid_glyphs_are_warned_about_with_the_page_number():
    raw = read_pdf(Path("cid.pdf"), cid_pdf([("F1", "Care beds 2025"), ("F2", [18, 21, 22]), ("F1", "percent")]))
    assert "(cid:18)(cid:21)(cid:22)" in raw.text
    assert raw.warnings == ["page 1: 3 unmapped glyphs (cid:…) — numbers on this page may be wrong"]


def test_punctuation_pushed_to_the_start_of_a_line_is_warned_about():
    _, warnings = pdf_text([["到2025年，护理型床位占比达到55", "%以上。"]])
    assert any(w.startswith("page 1: 1 line(s) start with punctuation") for w in warnings)


def test_ruled_table_becomes_pipe_rows_between_its_paragraphs():
    data = ruled_table_pdf(
        "附件1：基本养老服务清单",
        [["序号", "服务项目", "标准"], ["1", "高龄津贴", "每月100元"]],
        "以上标准动态调整。",
    )
    raw = read_pdf(Path("t.pdf"), data)
    assert raw.text.split("\n") == [
        "附件1：基本养老服务清单",
        "| 序号 | 服务项目 | 标准 |",
        "| 1 | 高龄津贴 | 每月100元 |",
        "以上标准动态调整。",
    ]


def test_scanned_pdf_without_text_layer_is_refused_with_ocr_advice(tmp_path):
    path = tmp_path / "scan.pdf"
    path.write_bytes(image_only_pdf())
    with pytest.raises(InputError) as err:
        read(path)
    assert str(err.value) == (
        f"{path}: has no text layer (a scanned image?); run OCR first, e.g. ocrmypdf, and read the result"
    )


@pytest.mark.parametrize("data", [b"%PDF-1.4\n garbage", b"", b"%PDF-1.7\n1 0 obj << /Type /Catalog"])
def test_damaged_pdf_is_one_line_input_error(tmp_path, data):
    path = tmp_path / "broken.pdf"
    path.write_bytes(data)
    with pytest.raises(InputError) as err:
        read(path)
    assert "\n" not in str(err.value) and str(err.value).startswith(f"{path}: ")


def test_pdf_is_recognised_by_its_magic_bytes_whatever_the_extension(tmp_path):
    path = tmp_path / "download.txt"
    path.write_bytes(reportlab_pdf([["第一条　为了规范养老服务，制定本办法。"]]))
    raw = read(path)
    assert raw.format == "pdf" and raw.text == "第一条　为了规范养老服务，制定本办法。"


def test_text_in_columns_without_ruling_lines_is_kept_as_text_and_warned_about():
    rows = [["序号", "服务项目", "标准"], ["1", "高龄津贴", "每月100元"], ["2", "护理补贴", "每月200元"]]
    raw = read_pdf(Path("t.pdf"), ruled_table_pdf("附件1：清单", rows, "以上标准动态调整。", ruled=False))
    assert raw.text.split("\n") == ["附件1：清单", "序号\t服务项目\t标准", "1\t高龄津贴\t每月100元", "2\t护理补贴\t每月200元", "以上标准动态调整。"]
    assert (
        "page 1: 3 lines have column-like gaps (a table without ruling lines?); read as lines with tab-separated columns"
        in raw.warnings
    )


def test_password_protected_pdf_is_refused_with_a_hint(tmp_path):
    path = tmp_path / "locked.pdf"
    path.write_bytes(encrypted_pdf())
    with pytest.raises(InputError, match="is password-protected; remove the password"):
        read(path)
