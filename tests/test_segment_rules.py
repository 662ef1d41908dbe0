"""The numbering grammar: what opens a clause and what does not."""
from __future__ import annotations

from tracker.clean import clean
from tracker.model import RawText
from tracker.segment import segment


def doc_of(text: str):
    return segment(clean(RawText(text=text, source="t.txt", format="txt")))


def labels(doc):
    return [c.id for c in doc.walk() if c.scheme != "preamble"]


def test_gap_in_numbering_is_accepted_with_a_warning_naming_the_place():
    doc = doc_of("一、总体要求\n坚持以人民为中心。\n二、重点任务\n做好工作。\n四、组织保障\n加强领导。\n")
    assert labels(doc) == ["一", "二", "四"]
    assert any("四" in w and "二" in w and "gap" in w for w in doc.metadata.warnings)


def test_out_of_order_number_is_text_not_a_clause():
    doc = doc_of("一、总体要求\n坚持。\n二、重点任务\n做好。\n一、另一个列表\n内容。\n")
    assert labels(doc) == ["一", "二"]
    assert "一、另一个列表" in doc.clause("二").text


def test_years_counts_and_document_numbers_at_line_start_are_not_labels():
    doc = doc_of("一、总体要求\n2027年底前完成。\n1个平台。\n〔2022〕42号文件。\n二、任务\n")
    assert labels(doc) == ["一", "二"]


def test_law_style_chapters_and_articles_nest():
    doc = doc_of("第一章 总则\n第一条 为了规范养老服务，制定本条例。\n第二条 本条例适用于本省。\n第二章 服务\n第三条 县级以上人民政府应当加强领导。\n")
    assert labels(doc) == ["第一章", "第一章.第一条", "第一章.第二条", "第二章", "第二章.第三条"]
    assert doc.clause("第二章.第三条").text == "县级以上人民政府应当加强领导。"


def test_all_five_levels_of_the_policy_hierarchy_nest():
    text = "一、重点工作\n（一）完善清单\n1.明确对象。\n（1）老年人。\n①高龄老年人。\n②失能老年人。\n（2）残疾人。\n2.完善清单。\n"
    doc = doc_of(text)
    assert labels(doc) == ["一", "一.(一)", "一.(一).1", "一.(一).1.(1)", "一.(一).1.(1).①", "一.(一).1.(1).②", "一.(一).1.(2)", "一.(一).2"]


def test_full_and_half_width_label_punctuation_are_the_same_label():
    doc = doc_of("一、任务\n1．第一项。\n2.第二项。\n3、第三项。\n")
    assert labels(doc) == ["一", "一.1", "一.2", "一.3"]


def test_text_without_any_numbering_is_a_single_preamble_clause():
    doc = doc_of("为加快发展养老服务，制定本通知。\n请认真贯彻执行。")
    assert [c.id for c in doc.walk()] == ["前言"]
    assert doc.clauses[0].text == "为加快发展养老服务，制定本通知。\n请认真贯彻执行。"


def test_lead_sentence_is_the_heading_up_to_the_first_full_stop():
    doc = doc_of("一、任务\n1.推进养老服务设施规划建设。编制专项规划，到2025年护理型床位占比达到55%。\n")
    assert doc.clause("一.1").title == "推进养老服务设施规划建设。"
    assert doc.clause("一.1").text.startswith("推进养老服务设施规划建设。编制")


def test_annex_rows_are_numbered_by_their_number_column_not_by_data_cells():
    text = ("一、目标\n到2025年完成。\n附件\n主要指标表\n| 指标 | 2020年 | 2025年 | 属性 |\n"
            "| 护理型床位占比 | 35 | 55 | 约束性 |\n| 家庭养老床位 | 100 | 2000 | 预期性 |\n")
    doc = doc_of(text)
    assert [c.id for c in doc.clause("附件").children] == ["附件.1", "附件.2"]
    seq = doc_of("一、目标\n完成。\n附件：\n| 序号 | 项目 | 标准 |\n| 1 | 高龄津贴 | 300元 |\n| 2 | 护理补贴 | 150元 |\n")
    assert [c.id for c in seq.clause("附件").children] == ["附件.1", "附件.2"]
    assert seq.clause("附件.2").title == "护理补贴"


def test_an_item_that_opens_with_a_year_is_still_an_item():
    doc = doc_of("一、任务\n1.测试一下。\n2.2026年底前，60%以上养老机构开展居家上门服务。\n3.补贴1.5万元。\n")
    assert labels(doc) == ["一", "一.1", "一.2", "一.3"]
    assert doc.clause("一.2").text.startswith("2026年底前")
    assert doc.clause("一.3").text == "补贴1.5万元。"


def test_an_annex_that_opens_with_its_table_has_no_title_rather_than_the_header_row():
    doc = doc_of("一、目标\n完成。\n附件\n| 序号 | 项目 | 标准 |\n| 1 | 高龄津贴 | 300元 |\n")
    assert doc.clause("附件").title == ""
    assert "| 序号 | 项目 | 标准 |" in doc.clause("附件").text
