"""Cleaning: every fault of the seed documents handled by code, and the properties it keeps."""
from __future__ import annotations

import re

from hypothesis import given, settings, strategies as st

from tracker.clean import clean
from tracker.model import CleanText, RawText
from tracker.segment import segment


def cleaned(text: str) -> CleanText:
    return clean(RawText(text=text, source="t.txt", format="txt"))


def test_scrape_spaces_inside_words_are_removed():
    text = "为全面贯彻落实《中共中央、国务院关于深化养老服务改革发展 的意见》,加快建设幸福养老服务体系 , 结合我省实际。 " * 3
    text += "到 2027 年年 底,全省家庭养老床位总量达到 2 万张左右。 " * 5
    out = cleaned(text).text
    assert "养老服务改革发展的意见" in out
    assert "到2027年年底，全省家庭养老床位总量达到2万张左右。" in out


def test_deliberate_spaces_in_a_normal_document_are_kept():
    out = cleaned("为深入贯彻落实《中共中央办公厅 国务院办公厅印发〈关于推进基本养老服务体系建设的意见〉的通知》精神。\n一、总体要求\n").text
    assert "中共中央办公厅 国务院办公厅" in out


def test_spaces_between_digits_and_chinese_always_go():
    assert cleaned("到 2025 年建成 7 家以上。").text == "到2025年建成7家以上。"


def test_punctuation_is_unified_to_full_width_in_chinese_context():
    out = cleaned("每个县(市、区)建有1个平台,到2027年;比例75％以上:详见附件!").text
    assert out == "每个县（市、区）建有1个平台，到2027年；比例75%以上：详见附件！"


def test_decimals_and_ascii_parentheses_outside_chinese_are_left_alone():
    assert cleaned("补贴1.5万元，(cid:12)字形。").text == "补贴1.5万元，(cid:12)字形。"


def test_word_bookmark_residue_is_removed_and_reported():
    out = cleaned("[bookmark: _GoBack]10.加强人才队伍建设。")
    assert out.text == "10.加强人才队伍建设。"
    assert any("bookmark" in w for w in out.warnings)


def test_tab_table_cells_become_pipe_rows_with_broken_words_joined():
    text = "附件：\n清单\n\t对象\n\t项目\n\t标准\n\n\t符合条件的老年人\n\t1\n\t基本医\n疗保险\n\t优先保障。\n\n\t\n\t2\n\t高龄津贴\n\t每人每年300元。\n"
    out = cleaned(text).text.split("\n")
    assert "| 符合条件的老年人 | 1 | 基本医疗保险 | 优先保障。 |" in out
    assert "| | 2 | 高龄津贴 | 每人每年300元。 |" in out


def test_two_unit_names_in_one_cell_stay_apart():
    text = "\t对象\n\t项目\n\n\t老年人\n\t1\n\t县卫健局\n县民政局\n\n\t老年人\n\t2\n\t县民政局\n"
    assert "县卫健局、县民政局" in cleaned(text).text


def test_web_navigation_before_and_footer_after_are_cut_with_a_warning():
    text = "本站检索\n首页 > 政务发布 > 政府文件发布\n关于印发某市养老工作方案的通知\n为推进养老服务发展，制定本方案。\n一、总体要求\n坚持以人民为中心。\n设为首页加入收藏网站说明\n备案序号：黑ICP备05000408号\n"
    out = cleaned(text)
    assert out.text.startswith("关于印发某市养老工作方案的通知")
    assert out.text.endswith("坚持以人民为中心。")
    assert any("web page text" in w for w in out.warnings)
    assert ("web page text", "本站检索") in out.removed


def test_injected_spam_in_the_place_name_slot_is_reported_not_removed():
    text = "懂球帝官网,懂球帝直播人民政府办公室\n结合懂球帝官网,懂球帝直播实际，制定如下措施。\n"
    out = cleaned(text)
    assert out.text.count("懂球帝官网，懂球帝直播") == 2
    assert any("injected" in w and "2 times" in w for w in out.warnings)


def test_ordinary_words_like_platform_are_not_called_spam():
    out = cleaned("建设综合养老服务管理平台。完善综合养老服务管理平台功能。用好综合养老服务管理平台。")
    assert not any("injected" in w for w in out.warnings)


def test_truncated_preview_is_reported():
    out = cleaned("一、总体要求\n坚持以人民为中心，推出一批设\n温馨提示:当前文档最多只能预览 10 页,若文档总页数超出了 10 页,请下载原文档以浏览全部内容。\n")
    assert any("10 pages" in w for w in out.warnings)
    assert any("mid-sentence" in w for w in out.warnings)


# ------------------------------------------------------------- properties

CHUNKS = st.sampled_from(
    ["养老服务", "护理型床位占比达到55%", "到2025年底前", "，", "。", "；", " ", "  ", "\n", "（一）", "一、", "1.", "2万张",
     "(市、区)", "每百户20至30平方米", "县民政局", "〔责任单位：县民政局；完成时限：持续推进〕", "第一条", "①", "\t"]
)
TEXTS = st.lists(CHUNKS, min_size=0, max_size=60).map("".join)


@settings(max_examples=150, deadline=None)
@given(TEXTS)
def test_cleaning_is_idempotent(text):
    once = cleaned(text).text
    assert cleaned(once).text == once


@settings(max_examples=150, deadline=None)
@given(TEXTS)
def test_cleaning_keeps_every_chinese_character_and_digit(text):
    def essence(s):
        return re.sub(r"[^\u4e00-\u9fff0-9]", "", s)

    assert essence(cleaned(text).text) == essence(text)


@settings(max_examples=150, deadline=None)
@given(TEXTS)
def test_segmentation_loses_no_text_and_invents_no_labels(text):
    doc = segment(cleaned(text))
    covered = [False] * len(doc.text)
    for clause in doc.walk():
        for k in range(*clause.span):
            covered[k] = True
        if clause.label:
            line_starts = {0} | {m.end() for m in re.finditer("\n", doc.text)}
            assert clause.span[0] in line_starts
            assert doc.text.startswith(clause.label.replace("（", "（"), clause.span[0]) or doc.text[clause.span[0]:].startswith(clause.label[:1])
    lost = "".join(ch for ch, c in zip(doc.text, covered) if not c and not ch.isspace() and ch != "|")
    assert lost == ""


def test_policy_text_with_angle_brackets_is_not_taken_for_a_breadcrumb():
    text = "一、总体要求\n到2025年护理型床位占比达到55%。<script>alert(1)</script>\n首页 > 政务公开 > 文件\n"
    out = cleaned(text)
    assert "<script>alert(1)</script>" in out.text
    assert "首页 > 政务公开" not in out.text


def test_a_line_broken_before_punctuation_is_joined_back():
    out = cleaned("4.大力发展老年教育。从事传播文化和科技知识\n、兴办社会公益事业等社会活动。\n").text
    assert out == "4.大力发展老年教育。从事传播文化和科技知识、兴办社会公益事业等社会活动。"


def test_a_line_ending_with_a_comma_is_joined_to_the_next_unless_a_label_follows():
    assert cleaned("2025年底前，\n出台失能失智老年人照护服务措施。").text == "2025年底前，出台失能失智老年人照护服务措施。"
    assert cleaned("主要包括，\n（一）完善清单。").text == "主要包括，\n（一）完善清单。"


def test_space_runs_after_a_table_pipe_are_left_alone_without_being_matched():
    """The space rules skip a run right after a pipe by pattern, not by a call per run: the result
    must be exactly what matching every run and keeping the pipe's runs gave."""
    import re
    from pathlib import Path

    from tracker import clean as C

    every_run = re.compile(r"[ \t]+(?![ \t|])")
    root = Path(__file__).resolve().parent.parent
    texts = [p.read_bytes().decode("utf-8", "replace") for folder in ("examples", "benchmarks/unseen")
             for p in sorted((root / folder).rglob("*.txt"))]
    texts.append("| a |  b\t| c | 1 2 |\t\t中 文 ，  甲|  乙 \t丙  |\n 起 | 到 2025 年 ， 达到 60 %")
    for text in texts:
        for rule in (C._layout_space, C._punctuation_space):
            assert C._INNER_SPACE_RUN.sub(rule, text) == every_run.sub(rule, text)


def test_chinese_characters_are_counted_a_chunk_at_a_time_until_there_are_enough():
    from tracker.clean import _count_cjk

    text = ("到 2025 年，护理型床位占比达到 60%。abc\n" * 5000)
    every = sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff")
    assert _count_cjk(text, len(text), chunk=1000) == every
    assert 50 <= _count_cjk(text, 50, chunk=1000) < every  # stops once it has enough
