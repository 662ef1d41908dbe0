"""Whitespace never changes a reading (decision 0202).

A space a drafter or a converter left inside a word (不 低于, 每人 每月, 每 年)
and a line break after a punctuation mark (2025年底前，\\n出台…) are layout: every
target read from a sentence must keep its kind, value, unit, denominator,
comparator, deadline and modality when they are inserted, and its text must stay
an exact substring of the clause text at ``start``.
"""
from __future__ import annotations

import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tracker.extract import extract_from_text

HELDOUT = Path(__file__).resolve().parents[1] / "benchmarks" / "heldout"
#: Sentences from the seeds (cleaned by hand) and the held-out sets: the forms the extractor reads.
SEED_SENTENCES = [
    "到2027年年底，全省家庭养老床位总量达到2万张左右。",
    "到2029年年底，全省养老机构护理型床位占比达到75%以上，县级公办养老机构失能照护专区和认知障碍照护专区建有率达到100%。",
    "新建住宅小区每百户20至30平方米配套建设社区居家养老服务用房，已建成小区要按每百户15至20平方米的标准调剂解决。",
    "年龄在90周岁及以上的老年人每人每年发放不低于1200元高龄津贴。",
    "低保家庭失能老年人每人每月150元，半失能老年人每人每月100元。",
    "每年为辖区内65周岁及以上常住居民提供1次生活方式和健康状况评估。",
    "2025年底前，出台失能失智老年人照护服务措施。",
    "争取2027年底前建成服务站点90个。",
    "2025年底前，力争各区市、开发区分别打造不少于2处符合国家标准的示范性老年友好型社区。",
    "单户授信额度最高3000万元，给予原则上不超过4%的优惠贷款利率。",
    "农村原则上按照每个区域性幸福养老服务中心服务覆盖辖区常住老年人口1万人左右的标准因地制宜设置。",
    "在2027年年底前，实现每个县（市、区）建有1个综合养老服务管理平台。",
]
CASES = SEED_SENTENCES + [
    json.loads(line)["text"]
    for path in sorted(HELDOUT.glob("sentences*.jsonl"))
    for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
]
PHRASE_MARKS = "，、；：。"


def reading(text: str) -> list[tuple]:
    out = []
    for t in extract_from_text(text, "x"):
        assert text[t.start:t.start + len(t.text)] == t.text  # an exact substring where it says it is
        out.append((t.kind, t.value, t.value_max, t.unit, t.per, t.comparator, t.deadline, t.modality))
    return out


def _cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def insert(text: str, spots: list[int], what: str) -> str:
    chosen = set(spots)
    return "".join(ch + (what if i in chosen else "") for i, ch in enumerate(text))


@st.composite
def spaced(draw):
    """A case with spaces (ASCII or ideographic) inserted between some pairs of Chinese characters."""
    text = draw(st.sampled_from(CASES))
    gaps = [i for i in range(len(text) - 1) if _cjk(text[i]) and _cjk(text[i + 1])]
    spots = draw(st.lists(st.sampled_from(gaps), max_size=8)) if gaps else []
    return text, insert(text, spots, draw(st.sampled_from([" ", "  ", "\u3000"])))


@st.composite
def broken(draw):
    """A case with line breaks inserted after some punctuation marks inside it."""
    text = draw(st.sampled_from(CASES))
    marks = [i for i, ch in enumerate(text[:-1]) if ch in PHRASE_MARKS]
    spots = draw(st.lists(st.sampled_from(marks), max_size=4)) if marks else []
    return text, insert(text, spots, "\n")


@settings(max_examples=300, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(spaced())
def test_spaces_between_chinese_characters_change_no_reading(pair):
    plain, with_spaces = pair
    assert reading(with_spaces) == reading(plain)


@settings(max_examples=200, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(broken())
def test_line_breaks_after_punctuation_change_no_reading(pair):
    plain, with_breaks = pair
    assert reading(with_breaks) == reading(plain)


def test_a_space_inside_a_comparator_word_keeps_the_comparator():
    (t,) = extract_from_text("高龄津贴标准不 低于1200元。", "x")
    assert (t.comparator, t.value, t.text) == (">=", 1200, "高龄津贴标准不 低于1200元")


def test_a_space_inside_a_denominator_keeps_the_whole_denominator():
    assert [t.per for t in extract_from_text("每人 每月50元；给予每人每 月150元补贴；每 年为辖区内老年人提供1次体检。", "x")] == [
        "每人每月", "每人每月", "每年"]


def test_a_date_before_a_line_break_still_dates_the_act_after_it():
    (t,) = extract_from_text("2025年底前，\n出台失能失智老年人照护服务措施。", "x")
    assert (t.kind, t.deadline, t.text) == ("deadline", "2025-12-31", "2025年底前，\n出台失能失智老年人照护服务措施")


def test_a_line_break_after_a_heading_still_ends_the_heading():
    found = extract_from_text("加强组织领导\n到2027年，农村养老服务设施覆盖率达到70%以上。", "x")
    assert [(t.value, t.text) for t in found] == [(70, "到2027年，农村养老服务设施覆盖率达到70%以上")]
