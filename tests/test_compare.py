"""Target judgement and pairing pins: directions per the contract, equivalent rewrites unchanged."""
from dataclasses import replace
from decimal import Decimal

from tracker.compare import (
    compare_targets,
    indicator_similarity,
    is_absolute_total,
    judge,
    responsibility_changes,
)
from tracker.model import TARGET_LABELS, Clause, Document, Metadata, Responsibility, Target
from tracker.pipeline import diff


def target(value=75, unit="%", comparator=">=", deadline="2029-12-31", modality="must", indicator="护理型床位占比",
           clause="三.(六)", text=None, per=None, scope="全省养老机构", kind="quantity", value_max=None):
    text = text or f"到{deadline[:4] if deadline else ''}年,{scope or ''}{indicator}达到{value}{unit}以上"
    return Target(clause, kind, indicator, scope, comparator, None if value is None else Decimal(str(value)),
                  None if value_max is None else Decimal(str(value_max)), unit, per, deadline, modality, text)


def test_higher_value_is_stricter_for_at_least_targets():
    c = judge(target(55), target(60))
    assert c.change == "tightened"
    assert c.reasons == ["value 55% → 60%: higher is stricter for >=, so stricter"]


def test_lower_value_is_stricter_for_at_most_targets():
    c = judge(target(4, comparator="<=", indicator="利率"), target(3.5, comparator="<=", indicator="利率"))
    assert c.change == "tightened"
    assert "value 4% → 3.5%" in c.reasons[0]


def test_later_deadline_is_looser():
    c = judge(target(deadline="2025-12-31"), target(deadline="2026-12-31"))
    assert c.change == "loosened"
    assert c.reasons == ["deadline 2025-12-31 → 2026-12-31: later is looser"]


def test_value_up_and_deadline_later_is_mixed():
    assert judge(target(55, deadline="2025-12-31"), target(60, deadline="2027-12-31")).change == "mixed"


def test_strive_to_must_is_stricter_and_must_to_encourage_looser():
    assert judge(target(modality="strive"), target(modality="must")).change == "tightened"
    assert judge(target(modality="must"), target(modality="encourage")).change == "loosened"


def test_about_to_hard_bound_is_stricter():
    assert judge(target(20000, unit="张", comparator="~"), target(20000, unit="张", comparator=">=")).change == "tightened"
    assert judge(target(20000, unit="张", comparator=">="), target(20000, unit="张", comparator="~")).change == "loosened"


def test_range_moving_up_is_stricter():
    old = target(20, unit="平方米", comparator="range", value_max=30, per="每百户", indicator="养老服务用房")
    new = target(25, unit="平方米", comparator="range", value_max=35, per="每百户", indicator="养老服务用房")
    assert judge(old, new).change == "tightened"


def test_unit_change_has_no_direction():
    c = judge(target(100, unit="张", indicator="床位"), target(120, unit="个", indicator="床位"))
    assert c.change == "changed"
    assert any(r.startswith("unit 张 → 个") for r in c.reasons)


def test_comparator_changing_side_has_no_direction():
    assert judge(target(comparator=">="), target(comparator="<=")).change == "changed"


def test_same_target_is_unchanged_with_no_reasons():
    c = judge(target(), target(text="到2029年，全省养老机构护理型床位占比达到百分之七十五以上"))
    assert (c.change, c.reasons) == ("unchanged", [])


def test_indicator_synonyms_are_the_same_measure():
    assert indicator_similarity("护理型床位占比", "护理型床位比例") == 1.0
    assert judge(target(indicator="护理型床位占比"), target(indicator="护理型床位比例")).change == "unchanged"


def test_unrelated_indicators_are_changed():
    assert judge(target(indicator="护理型床位占比"), target(indicator="老年大学入学率")).change == "changed"


def test_target_moved_to_another_clause_is_paired_not_dropped():
    old = [target(clause="二.1"), target(20000, unit="张", indicator="家庭养老床位总量", comparator="~", clause="二.2")]
    new = [target(20000, unit="张", indicator="家庭养老床位总量", comparator="~", clause="二.1"), target(clause="三.4")]
    labels = sorted(c.change for c in compare_targets(old, new))
    assert labels == ["unchanged", "unchanged"]


def test_unmatched_targets_are_dropped_and_added():
    old = [target(clause="二.1")]
    new = [target(300, unit="元", indicator="高龄津贴", per="每人每年", clause="二.1", scope=None)]
    labels = sorted(c.change for c in compare_targets(old, new))
    assert labels == ["added", "dropped"]


def test_two_targets_of_one_clause_pair_by_order_not_crosswise():
    old = [target(150, unit="元", indicator="护理补贴", per="每人每月", scope="重度失能老年人", clause="三.2"),
           target(100, unit="元", indicator="护理补贴", per="每人每月", scope="中度失能老年人", clause="三.2")]
    new = [target(180, unit="元", indicator="护理补贴", per="每人每月", scope="重度失能老年人", clause="三.2"),
           target(100, unit="元", indicator="护理补贴", per="每人每月", scope="中度失能老年人", clause="三.2")]
    got = [(c.change, c.old.value, c.new.value) for c in compare_targets(old, new)]
    assert sorted(got) == [("tightened", 150, 180), ("unchanged", 100, 100)]


def test_parent_mode_absolute_totals_are_changed_never_loosened():
    province = target(20000, unit="张", indicator="家庭养老床位总量", comparator="~", scope="全省", deadline="2027-12-31")
    county = target(200, unit="张", indicator="家庭养老床位", comparator=">=", scope="全县", deadline="2027-12-31")
    assert is_absolute_total(province)
    c = compare_targets([province], [county], mode="parent")[0]
    assert c.change == "changed"
    assert "not comparable" in c.reasons[0]


def test_parent_mode_rates_are_comparable_lower_value_earlier_deadline_is_mixed():
    province = target(75, deadline="2029-12-31")
    county = target(55, deadline="2025-12-31", scope="全县养老机构", clause="二.(二).5")
    c = compare_targets([province], [county], mode="parent")[0]
    assert c.change == "mixed"
    assert c.reasons == ["value 75% → 55%: higher is stricter for >=, so looser", "deadline 2029-12-31 → 2025-12-31: earlier is stricter"]


def test_parent_target_with_no_counterpart_is_dropped():
    c = compare_targets([target()], [target(50, unit="家", indicator="示范养老机构", scope="全县")], mode="parent")
    assert [x.change for x in c] == ["dropped", "added"]


def test_responsibility_changes_are_reported_in_words():
    old = Responsibility("责任单位：县民政局牵头，县财政局配合；完成时限：2025年底", ["县民政局"], ["县财政局"], "2025年底")
    new = Responsibility("…", ["县卫健局"], ["县财政局", "县医保局"], "持续推进")
    assert responsibility_changes(old, new) == [
        "lead unit 县民政局 → 县卫健局", "unit added: 县医保局", "unit added: 县卫健局", "unit removed: 县民政局",
        "completion deadline 2025年底 → 持续推进"]
    assert responsibility_changes(old, old) == []


def _doc(texts, title="方案"):
    clauses = [Clause(f"二.{k + 1}", str(k + 1), t.split("。")[0], t, "arabic") for k, t in enumerate(texts)]
    return Document(Metadata(title=title), clauses, "\n".join(texts))


def test_diff_documents_summary_has_every_label_and_renumbered_clause_is_unchanged():
    texts = ["提升护理能力。到2029年护理型床位占比达到75%以上。", "发展家庭养老床位。到2027年家庭养老床位达到2万张左右。"]
    old_t = [target(clause="二.1"), target(20000, unit="张", indicator="家庭养老床位", comparator="~", clause="二.2", deadline="2027-12-31")]
    new_texts = ["加强组织领导。成立工作专班，统筹推进。"] + texts
    new_t = [target(clause="二.2"), target(20000, unit="张", indicator="家庭养老床位", comparator="~", clause="二.3", deadline="2027-12-31")]
    r = diff(_doc(texts), _doc(new_texts), old_targets=old_t, new_targets=new_t)
    assert set(r.summary) == set(TARGET_LABELS)
    assert r.summary["unchanged"] == 2 and sum(r.summary.values()) == 2
    assert [(c.change, c.old, c.new) for c in r.clauses] == [
        ("added", None, "二.1"), ("unchanged", "二.1", "二.2"), ("unchanged", "二.2", "二.3")]


def test_generic_indicator_names_no_measure():
    assert indicator_similarity("养老服务网络基本建成", "基本建成") <= 0.5


# ------------------------------------------------------------ real seeds

import pytest  # noqa: E402

from conftest import seed_path  # noqa: E402


@pytest.fixture(scope="module")
def seeds():
    from tracker.api import extract_targets, read_document

    docs = {k: read_document(seed_path(k)) for k in ("heilongjiang", "youyi", "xinjiang")}
    return {k: (d, extract_targets(d)) for k, d in docs.items()}


def _parent(seeds, parent, child):
    (p, pt), (c, ct) = seeds[parent], seeds[child]
    return diff(p, c, mode="parent", old_targets=pt, new_targets=ct)


def _find(result, indicator_word):
    return [t for t in result.targets if t.old is not None and indicator_word in (t.old.indicator or t.old.text)]


def test_youyi_against_heilongjiang_nursing_bed_share_is_mixed(seeds):
    r = _parent(seeds, "heilongjiang", "youyi")
    [share] = _find(r, "护理型床位")
    assert share.change == "mixed" and share.new.value == 55 and share.new.deadline == "2025-12-31"
    assert any("75% → 55%" in x and "looser" in x for x in share.reasons)
    assert any("earlier is stricter" in x for x in share.reasons)


def test_province_family_bed_total_is_never_loosened_against_a_county(seeds):
    r = _parent(seeds, "heilongjiang", "youyi")
    [beds] = _find(r, "家庭养老床位")
    assert beds.change in ("changed", "dropped")
    assert set(r.summary) == set(TARGET_LABELS) and r.summary["dropped"] >= 10


def test_xinjiang_against_heilongjiang_siblings_nursing_share_75_vs_70_is_looser(seeds):
    r = _parent(seeds, "heilongjiang", "xinjiang")
    [share] = _find(r, "护理型床位")
    assert (share.change, share.new.value, share.new.deadline) == ("loosened", 70, "2029-12-31")
    [beds] = _find(r, "家庭养老床位")
    assert beds.change == "changed" and any("not comparable" in x for x in beds.reasons)


def test_a_seed_against_itself_is_all_unchanged(seeds):
    doc, targets = seeds["youyi"]
    r = diff(doc, doc, old_targets=targets, new_targets=list(targets))
    assert r.summary["unchanged"] == len(targets) and sum(r.summary.values()) == len(targets)
    assert {c.change for c in r.clauses} == {"unchanged"}


def test_target_words_changed_only_by_layout_spaces_is_unchanged():
    # "每人 每月" / "不 低于" are layout spaces: the words did not change, so neither did the target
    old = target(150, unit="元", comparator="=", per="每人每月", indicator="护理补贴", deadline=None, text="低保家庭失能老年人每人每月150元")
    new = target(150, unit="元", comparator="=", per="每月", indicator="护理补贴", deadline=None, text="低保家庭失能老年人每人 每月150元")
    assert judge(old, new).change == "unchanged"
    old = target(1200, unit="元", comparator=">=", per="每人每年", indicator="高龄津贴", deadline=None, text="每人每年发放不低于1200元高龄津贴")
    new = target(1200, unit="元", comparator="<", per="每人每年", indicator="高龄津贴", deadline=None, text="每人每年发放不 低于1200元高龄津贴")
    assert judge(old, new).change == "unchanged"


def test_layout_only_change_still_judges_a_fronted_deadline_and_modality():
    # the words held the same, but a 力争 or an edited fronted date outside them still counts
    text, spaced = "全市养老机构护理型床位占比不低于50%", "全市养老机构护理型 床位占比不低于50%"
    assert judge(target(50, text=text), target(50, text=spaced, modality="strive")).change == "loosened"
    assert judge(target(50, text=text), target(50, text=spaced, deadline="2030-12-31")).change == "loosened"


def test_modal_word_glued_to_the_indicator_is_not_part_of_the_measure():
    assert indicator_similarity("覆盖率要", "覆盖率力争") == 1.0
    c = judge(target(90, indicator="覆盖率要"), target(90, indicator="覆盖率力争", modality="strive"))
    assert c.change == "loosened"


def test_indicator_of_function_words_alone_names_no_measure():
    assert indicator_similarity("已", "要按") is None
    old = target(15, unit="平方米", comparator="range", value_max=20, per="每百户", indicator="已", deadline=None,
                 text="已建成小区要按每百户15至20平方米的标准调剂解决")
    new = target(20, unit="平方米", comparator=">=", per="每百户", indicator="要按", deadline=None,
                 text="已建成小区要按每百户不少于20平方米的标准调剂解决")
    [c] = compare_targets([old], [new])
    assert c.change == "tightened"


def test_chinese_reasons_say_the_same_judgement_in_a_reviewers_words():
    assert judge(target(55), target(60)).reasons_zh == ["数值 55% → 60%：不低于类指标数值提高，要求收紧"]
    assert judge(target(modality="must"), target(modality="strive")).reasons_zh == ["约束力 确保 → 力争：由约束性改为预期性，要求放宽"]
    old = target(20, unit="平方米", comparator="range", value_max=30, per="每百户", indicator="养老服务用房")
    new = target(30, unit="平方米", comparator=">=", per="每百户", indicator="养老服务用房")
    c = judge(old, new)
    assert c.change == "tightened"
    assert c.reasons_zh == ["比较方式 区间20至30 → 不少于30：由区间改为硬性下限，要求收紧",
                            "数值 20至30平方米 → 30平方米：不低于类指标数值提高，要求收紧"]
    assert len(c.reasons_zh) == len(c.reasons)


def test_chinese_reasons_for_parent_totals_and_targets_not_carried_down():
    province = target(20000, unit="张", comparator="~", scope="全省", indicator="家庭养老床位总量")
    county = target(3000, unit="张", comparator=">=", scope="全县", indicator="家庭养老床位总量", text="全县家庭养老床位总量达到3000张以上")
    c = judge(province, county, "parent")
    assert c.change == "changed"
    assert c.reasons_zh[0].startswith("县级总量与省级总量不可比：上级文件 2万张 是省级总量")
    [dropped] = compare_targets([target()], [], "parent")
    assert dropped.reasons_zh == ["上级指标在本级文件中未找到对应：护理型床位占比 不少于75%，期限2029年12月31日（条款 三.(六)）"]


def test_same_frame_with_another_indicator_reading_is_one_measure():
    # the words around the figures did not change: a different indicator reading is not a different measure
    old = target(15, unit="平方米", comparator="range", value_max=20, per="每百户", indicator="小区要按", deadline=None,
                 text="已建成小区要按每百户15至20平方米的标准调剂解决")
    new = target(20, unit="平方米", comparator=">=", per="每百户", indicator="标准调剂解决", deadline=None,
                 text="已建成小区要按每百户不少于20平方米的标准调剂解决")
    [c] = compare_targets([old], [new])
    assert c.change == "tightened"
    other = target(15, unit="平方米", comparator=">=", per="每百户", indicator="养老服务用房", deadline=None,
                   text="新建小区要按每百户不少于15平方米配建养老服务用房")
    assert judge(old, other).change == "changed"  # other words, other indicator: still a different measure


def test_a_clause_whose_responsible_units_changed_is_modified_with_the_change_in_both_languages():
    from tracker.clean import clean
    from tracker.model import RawText
    from tracker.pipeline import diff
    from tracker.segment import segment

    def doc(text):
        return segment(clean(RawText(text=text, source="t.txt", format="txt")))

    old = doc("一、任务\n1.开展能力评估。按照全国统一标准开展评估。〔责任单位：县民政局、县财政局；完成时限：持续推进〕\n")
    new = doc("一、任务\n1.开展能力评估。按照全国统一标准开展评估。〔责任单位：县卫健局、县财政局；完成时限：2025年底〕\n")
    row = next(c for c in diff(old, new).clauses if c.new == "一.1")
    assert row.change == "modified"
    assert "lead unit 县民政局 → 县卫健局" in row.responsibility
    assert "牵头单位 县民政局 → 县卫健局" in row.responsibility_zh
    assert "新增责任单位：县卫健局" in row.responsibility_zh
    assert "完成时限 持续推进 → 2025年底" in row.responsibility_zh


def test_parent_mode_does_not_report_the_natural_difference_of_scope_between_levels():
    from decimal import Decimal

    from tracker.compare import judge
    from tracker.model import Target

    province = Target("三", "quantity", "护理型床位占比", "新建住宅小区", ">=", Decimal(75), None, "%", None, "2029-12-31", "must", "全省养老机构护理型床位占比达到75%以上")
    county = Target("二", "quantity", "护理型床位占比", "已建成老旧小区", ">=", Decimal(75), None, "%", None, "2029-12-31", "must", "全县养老机构护理型床位占比达到75%以上")
    assert judge(province, county, mode="parent").reasons == []
    assert any("scope" in r for r in judge(province, county, mode="version").reasons)


def test_a_bound_worded_with_de_is_judged_in_the_same_frame_as_the_plain_one():
    """不低于55% → 不得低于60%: the same measure, a stricter bound, whatever indicator each side was read with."""
    old = target(55, indicator="占比", text="护理型床位占比不低于55%")
    new = target(60, indicator="护理型床位占比", text="护理型床位占比不得低于60%")
    assert judge(old, new).change == "tightened"


# ---- pairing cost (issue 17): scored pairs grow with the number of targets, not old × new ----------


def _law(n: int, edit: set[int] = frozenset()):
    return [target(30 + (k in edit), unit="日", comparator="<=", indicator="期限", deadline=None, scope=None,
                   clause=f"第{k}条", text=f"当事人应当在{30 + (k in edit)}日内就第{k}项事务提出书面异议") for k in range(n)]


def test_pairing_scores_a_word_for_word_revision_once_per_target():
    from tracker import compare

    old, new = _law(300), _law(300)
    changes = compare_targets(old, new)
    assert [c.change for c in changes] == ["unchanged"] * 300
    assert compare.PAIR_SCORE_CALLS[0] == 300  # not 300 × 300


def test_pairing_by_index_finds_a_moved_and_edited_target_without_scoring_all_pairs():
    from tracker import compare

    old, new = _law(200), _law(200, edit={7})
    new[7] = replace(new[7], clause="第199条之一")  # moved to a clause with no link
    changes = compare_targets(old, new)
    moved = [c for c in changes if c.old is not None and c.old.clause == "第7条"]
    assert [(c.change, c.new.clause if c.new else None) for c in moved] == [("loosened", "第199条之一")]
    assert compare.PAIR_SCORE_CALLS[0] < 2 * 200


def test_a_target_whose_sentence_was_rewritten_around_it_is_paired_and_the_pairing_explained():
    old = [target(15, unit="个", indicator="示范点", comparator="=", deadline=None, scope=None, clause="二", text="建成示范点15个")]
    new = [target(15, unit="个", indicator="示范点", comparator="=", deadline=None, scope=None, clause="二",
                  text="围绕边远地区补齐短板，在有条件的村新建并运营示范点15个")]
    [change] = compare_targets(old, new)
    assert change.change == "unchanged"
    assert [r.split(",")[0] for r in change.reasons] == ["paired by meaning"]
    assert change.reasons_zh[0].startswith("按指标含义配对")


def test_a_bracketed_alternative_and_a_modal_word_name_no_part_of_the_measure():
    from tracker.compare import canonical_indicator

    assert canonical_indicator("社区（村）卫生服务站") == canonical_indicator("社区卫生服务站")
    assert canonical_indicator("力争基本建成养老服务网络") == canonical_indicator("建成养老服务网络")
    assert canonical_indicator("基本养老服务") == "基本养老服务"  # 基本 before a noun is part of it


def test_a_share_per_thousand_and_the_same_share_in_percent_are_unchanged_and_reported_as_written():
    old, new = target(1, unit="‰", comparator="="), target(Decimal("0.1"), unit="%", comparator="=")
    c = judge(old, new)
    assert c.change == "unchanged" and (c.old.unit, c.new.unit) == ("‰", "%")


def test_a_share_per_ten_thousand_is_compared_with_one_per_thousand_in_percent():
    c = judge(target(1, unit="‰", comparator=">="), target(5, unit="‱", comparator=">="))
    assert c.change == "loosened" and "0.1% → 0.05%" in c.reasons[0]
