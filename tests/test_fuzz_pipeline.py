"""Property-based fuzzing of the whole pipeline with generated policy-like Chinese text.

clean → segment → extract → diff → report: no exception escapes, no text is
lost by segmentation, every label is one of the contract's, and a document
diffed against itself reports nothing but ``unchanged``.
"""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings, strategies as st

from tracker.clean import clean
from tracker.model import CLAUSE_LABELS, TARGET_LABELS, RawText
from tracker.segment import segment

LABELS = st.sampled_from(["一、", "二、", "三、", "（一）", "（二）", "（三）", "1.", "2．", "3、", "（1）", "①", "第一条", "第二章", ""])
SUBJECTS = st.sampled_from(["护理型床位占比", "家庭养老床位", "高龄津贴", "养老机构", "社区养老服务设施", "长期护理保险", "县级综合养老服务管理平台"])
NUMBERS = st.sampled_from(["55%", "75％", "2万张", "20000张", "百分之七十五", "1个", "300元", "20至30平方米", "15-20平方米", "1.5万元", "一万人", "两所"])
COMPARATORS = st.sampled_from(["达到", "不低于", "不少于", "至少", "不超过", "最高", "", "力争达到", "确保", "鼓励"])
TAILS = st.sampled_from(["以上", "以下", "左右", "", "以内"])
DATES = st.sampled_from(["到2025年，", "2027年底前，", "在2029年年底前，", "到2026年年底，", ""])
NOISE = st.sampled_from(["", " ", "\t", "[bookmark: _GoBack]", "〔责任单位：县民政局、县财政局；完成时限：持续推进〕", "（市民政局牵头，市财政局配合）", "(2022〕42号", "<script>alert(1)</script>", "\x00", "首页 > 政务 > 文件"])


@st.composite
def sentences(draw):
    return draw(DATES) + draw(SUBJECTS) + draw(COMPARATORS) + draw(NUMBERS) + draw(TAILS) + draw(st.sampled_from(["。", "；", "，", ""])) + draw(NOISE)


@st.composite
def documents(draw):
    lines = []
    for _ in range(draw(st.integers(min_value=0, max_value=12))):
        lines.append(draw(LABELS) + "".join(draw(st.lists(sentences(), min_size=1, max_size=3))))
    return draw(st.sampled_from(["\n", "\r\n", " "])).join(lines)


def document_of(text: str):
    return segment(clean(RawText(text=text, source="fuzz.txt", format="txt")))


FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FUZZ
@given(documents())
def test_pipeline_never_raises_and_segmentation_loses_nothing(text):
    from tracker.api import extract_targets

    doc = document_of(text)
    covered = [False] * len(doc.text)
    for clause in doc.walk():
        for k in range(*clause.span):
            covered[k] = True
    assert "".join(ch for ch, c in zip(doc.text, covered) if not c and not ch.isspace() and ch != "|") == ""
    for target in extract_targets(doc):
        assert target.kind in ("quantity", "deadline")
        assert target.comparator in (None, ">=", "<=", ">", "<", "=", "~", "range")
        assert target.modality in (None, "must", "strive", "encourage")
        assert target.text.replace("\n", "") in doc.text.replace("\n", "")


@FUZZ
@given(documents(), documents())
def test_every_label_of_a_diff_is_one_of_the_contract(a, b):
    from tracker.api import diff

    result = diff(document_of(a), document_of(b))
    assert {c.change for c in result.clauses} <= set(CLAUSE_LABELS)
    assert {t.change for t in result.targets} <= set(TARGET_LABELS)
    assert set(result.summary) == set(TARGET_LABELS)


@FUZZ
@given(documents())
def test_a_document_diffed_against_itself_is_all_unchanged(text):
    from tracker.api import diff

    doc = document_of(text)
    result = diff(doc, document_of(text))
    assert {c.change for c in result.clauses} <= {"unchanged"}
    assert {t.change for t in result.targets} <= {"unchanged"}


@FUZZ
@given(documents(), documents())
def test_reports_render_for_any_pair_and_never_carry_live_markup(a, b):
    from tracker.api import diff
    from tracker.render.html import render_html
    from tracker.render.markdown import render_markdown

    old, new = document_of(a), document_of(b)
    result = diff(old, new)
    html = render_html(result, old, new)
    assert "<script>alert(1)</script>" not in html
    md = render_markdown(result, old, new)
    assert "<script>alert(1)</script>" not in md
