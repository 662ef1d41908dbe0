"""The clause trees of the five seed documents, pinned clause by clause."""
from __future__ import annotations

import re

import pytest

from conftest import SEED_NAMES


def ids(doc, depth=None):
    return [c.id for c in doc.walk() if depth is None or c.id.count(".") == depth]


def top(doc):
    return [c.id for c in doc.clauses if c.scheme != "preamble"]


def test_youyi_has_three_sections_six_groups_22_items_and_23_annex_rows(seed_documents):
    doc = seed_documents["youyi"]
    assert top(doc) == ["一", "二", "三", "附件"]
    two = doc.clause("二")
    assert [c.label for c in two.children] == [f"（{n}）" for n in "一二三四五六"]
    items = [c for g in two.children for c in g.children]
    assert [c.label for c in items] == [str(n) for n in range(1, 23)]
    assert items[16].id == "二.(五).17" and items[16].title == "推进养老服务设施规划建设。"
    assert [c.id for c in doc.clause("三").children] == [f"三.({n})" for n in "一二三四"]
    rows = doc.clause("附件").children
    assert [c.id for c in rows] == [f"附件.{n}" for n in range(1, 24)]
    assert doc.clause("附件").title == "友谊县基本养老服务清单"


def test_youyi_annex_rows_keep_their_cells_with_broken_words_joined(seed_documents):
    row = seed_documents["youyi"].clause("附件.1")
    assert row.cells[:3] == ["符合相关条件的老年人", "1", "基本医疗保险"]
    row16 = seed_documents["youyi"].clause("附件.16")
    assert row16.cells[0] == "为国家和社会做出特殊贡献的老年人"
    assert "每人每年发放不低于300元高龄津贴" in seed_documents["youyi"].clause("附件.3").text


def test_xinjiang_paren_numbers_run_on_across_six_sections(seed_documents):
    doc = seed_documents["xinjiang"]
    assert top(doc) == list("一二三四五六")
    assert [c.label for c in doc.walk() if c.scheme == "paren_cn"] == [
        f"（{n}）" for n in "一 二 三 四 五 六 七 八 九 十 十一 十二 十三 十四 十五 十六 十七 十八 十九 二十".split()
    ]
    assert doc.clause("六.(二十)") is not None


def test_weihai_has_eight_sections_and_items_1_to_31(seed_documents):
    doc = seed_documents["weihai"]
    assert top(doc) == list("一二三四五六七八")
    assert [c.label for c in doc.walk() if c.scheme == "arabic"] == [str(n) for n in range(1, 32)]
    assert doc.clause("一.2").title == "完善失能失智老年人照护服务。"


def test_heilongjiang_one_line_text_yields_sections_and_paren_items(seed_documents):
    doc = seed_documents["heilongjiang"]
    assert top(doc) == list("一二三四")
    assert [c.label for c in doc.walk() if c.scheme == "paren_cn"] == [f"（{n}）" for n in "一二三四五六七八"]
    assert doc.clause("三.(六)").title == "开展机构养老服务提升行动。"
    assert doc.clause("一").title == "总体要求"


def test_qitaihe_tree_ends_with_the_leading_group_section(seed_documents):
    doc = seed_documents["qitaihe"]
    assert top(doc) == list("一二三四")
    assert doc.clause("三.(一).4").title == "实施居家和社区适老化改造工程。"
    assert "孙安红" in doc.clause("四").text  # the list of officials is kept, not mistaken for junk


def test_numbers_that_are_not_labels_do_not_open_clauses(seed_documents):
    for doc in seed_documents.values():
        for clause in doc.walk():
            assert not re.fullmatch(r"\d{4}", clause.label)
            assert "号" not in clause.label


def test_responsibility_brackets_are_kept_apart_from_policy_text(seed_documents):
    item = seed_documents["youyi"].clause("二.(二).4")
    assert item.responsibility.lead == ["县民政局"]
    assert item.responsibility.support == ["县财政局"]
    assert item.responsibility.deadline == "持续推进"
    assert "责任单位" not in item.text
    weihai = seed_documents["weihai"].clause("一.2")
    assert weihai.responsibility.lead == ["市民政局"] and weihai.responsibility.support == ["市财政局"]
    assert not weihai.text.endswith("）")


def test_responsibility_with_division_of_labour_names_implementers_as_support(seed_documents):
    item = seed_documents["qitaihe"].clause("三.(一).1")
    assert "市自然资源局" in item.responsibility.lead
    assert item.responsibility.support == ["各县区政府和经济开发区管委会"]


@pytest.mark.parametrize("name", list(SEED_NAMES))
def test_clause_spans_cover_all_of_the_cleaned_text(seed_documents, name):
    doc = seed_documents[name]
    covered = [False] * len(doc.text)
    for clause in doc.walk():
        start, end = clause.span
        assert clause.text.replace("\n", "") in doc.text[start:end].replace("\n", "")
        for k in range(start, end):
            covered[k] = True
    lost = "".join(ch for ch, c in zip(doc.text, covered) if not c and not ch.isspace() and ch != "|")
    assert lost == ""
