"""Inline (character-level) differences for the 对照表."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.render.inline import compare_parts, inline_diff, side, split_at


def text_of(segments):
    return "".join(text for _, text in segments)


def test_a_changed_figure_is_replaced_whole_not_digit_by_digit():
    assert inline_diff("均达到50%", "均达到40%") == [("eq", "均达到"), ("del", "50"), ("ins", "40"), ("eq", "%")]
    segments = inline_diff("到2025年护理型床位占比达到55%", "到2026年护理型床位占比达到60%")
    assert ("del", "2025") in segments and ("ins", "2026") in segments
    assert ("del", "55") in segments and ("ins", "60") in segments


def test_a_deleted_phrase_is_one_span():
    assert inline_diff("支持通过政府购买服务", "通过政府购买服务") == [("del", "支持"), ("eq", "通过政府购买服务")]


def test_identical_texts_have_no_edits():
    assert inline_diff("开展能力评估。", "开展能力评估。") == [("eq", "开展能力评估。")]


def test_split_parts_are_cut_back_at_their_boundaries():
    old = ["整合服务资源。加强残疾老年人养老服务保障。"]
    new = ["整合服务资源。", "加强残疾老年人养老服务保障。"]
    old_side, new_side = compare_parts(old, new)
    assert [text_of(p) for p in old_side] == old
    assert [text_of(p) for p in new_side] == new
    assert all(op == "eq" for piece in new_side for op, _ in piece)


def test_split_at_never_loses_text():
    assert split_at([("eq", "abc"), ("ins", "de")], [2, 1]) == [[("eq", "ab")], [("eq", "c"), ("ins", "de")]]


cjk = st.text(alphabet="到年底前护理型床位占比达到以上0123456789%，。（）", max_size=40)


@settings(max_examples=150, deadline=None)
@given(cjk, cjk)
def test_each_column_reads_back_as_its_own_text(old, new):
    segments = inline_diff(old, new)
    assert text_of(side(segments, "old")) == old
    assert text_of(side(segments, "new")) == new
