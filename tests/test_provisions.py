"""Numeric provisions of laws: how each is read and which way each role's change cuts (decision note 0611)."""
from __future__ import annotations

from decimal import Decimal

import pytest

from tracker.api import diff
from tracker.clean import clean
from tracker.extract import extract_targets
from tracker.model import RawText, Target
from tracker.segment import segment

U = "\u3000"


def law(article: str):
    text = f"某某管理条例\n第一条{U}为了规范管理，制定本条例。\n第二条{U}{article}\n第三条{U}本条例自公布之日起施行。\n"
    return segment(clean(RawText(text=text, source="t.txt", format="txt")))


def provisions_of(article: str):
    return [t for t in extract_targets(law(article)) if t.role]


def only_change(old_article: str, new_article: str):
    changes = [c for c in diff(law(old_article), law(new_article)).targets if c.change != "unchanged"]
    assert len(changes) == 1, changes
    return changes[0]


def only_change_or_none(old_article: str, new_article: str):
    changes = [c for c in diff(law(old_article), law(new_article)).targets if c.change != "unchanged"]
    assert len(changes) <= 1, changes
    return changes[0] if changes else None


# ------------------------------------------------------------------ reading


def test_a_frequency_is_read_as_times_per_period():
    (t,) = provisions_of("股份有限公司应当在每会计年度内半年公布一次财务会计报告。")
    assert (t.role, t.indicator, t.comparator, t.value, t.unit, t.per) == (
        "frequency", "公布财务会计报告", "=", Decimal(1), "次", "每半年")
    (t,) = provisions_of("主管部门每三年组织安全检查不少于两次。")
    assert (t.role, t.comparator, t.value, t.unit, t.per) == ("frequency", ">=", Decimal(2), "次", "每三年")


def test_a_dropped_frequency_says_its_period():
    (c,) = [c for c in diff(law("公司应当在每会计年度内半年公布一次财务会计报告。"), law("公司应当依法公布财务会计报告。")).targets]
    assert c.change == "dropped" and "公布财务会计报告 每半年1次" in c.reasons_zh[0]


def test_a_duty_done_in_each_period_without_a_count_is_once_per_period():
    (t,) = provisions_of("从业人员应当每年进行健康检查，取得健康证明后方可上岗。")
    assert (t.role, t.value, t.unit, t.per) == ("frequency", Decimal(1), "次", "每年")
    assert only_change("从业人员应当每年进行健康检查。", "从业人员应当每半年进行健康检查。").change == "tightened"


def test_a_count_later_in_the_sentence_is_the_frequency_not_once_per_period():
    found = provisions_of("每年组织开展安全生产教育培训，培训时间不少于二十学时，每年不少于两次。")
    (t,) = [t for t in found if t.role == "frequency"]
    assert (t.comparator, t.value, t.per) == (">=", Decimal(2), "每年")


def test_next_day_and_per_time_are_no_frequency():
    assert [t.role for t in provisions_of("自受理次日起算，每次收费不超过五十元。")] == ["limit"]


def test_a_fine_with_two_bounds_is_one_provision_in_plain_units():
    (t,) = provisions_of("违反本条例规定的，由市场监督管理部门处二万元以上二十万元以下罚款。")
    assert (t.role, t.comparator, t.value, t.value_max, t.unit) == ("fine", "range", Decimal(20000), Decimal(200000), "元")


def test_a_fine_as_a_multiple_keeps_its_base():
    found = provisions_of("处违法所得2倍以上10倍以下的罚款；没有违法所得或者违法所得不足1万元的，处3000元以上1万元以下的罚款。")
    assert [(t.role, t.unit, t.per) for t in found] == [
        ("fine", "倍", "违法所得"), ("threshold", "元", None), ("fine", "元", None)]


def test_a_time_limit_counts_working_days_and_months():
    (t,) = provisions_of("税务机关应当自受理申请之日起十五个工作日内作出决定。")
    assert (t.role, t.comparator, t.value, t.unit) == ("time_limit", "<=", Decimal(15), "工作日")


def test_a_date_is_not_a_time_limit():
    assert [t.role for t in provisions_of("本条例自2023年7月20日起施行。")] == ["effective"]


def test_the_role_is_an_extra_field_of_the_target_json():
    from tracker.jsonio import target_to_dict

    (t,) = provisions_of("处五千元以下罚款。")
    assert target_to_dict(t)["role"] == "fine"


# -------------------------------------------------------- one test per role


def test_fine_higher_is_tightened_and_lower_is_loosened():
    up = only_change("处一万元以上五万元以下罚款。", "处二万元以上二十万元以下罚款。")
    assert up.change == "tightened" and "处罚加重" in up.reasons_zh[0]
    down = only_change("处一万元以上三万元以下罚款。", "处三千元以上三万元以下罚款。")
    assert down.change == "loosened" and "处罚减轻" in down.reasons_zh[0]


def test_fine_fixed_amount_to_a_range_with_a_higher_ceiling_is_tightened():
    assert only_change("处100万元罚款。", "处100万元以上500万元以下罚款。").change == "tightened"


def test_fine_from_a_fixed_sum_to_a_multiple_has_no_direction():
    assert only_change("处5万元以上10万元以下罚款。", "处货值金额1倍以上2倍以下罚款。").change == "changed"


def test_frequency_less_often_is_loosened_and_more_often_tightened():
    less = only_change("公司应当在每会计年度内半年公布一次财务会计报告。", "公司应当每年公布一次财务会计报告。")
    assert less.change == "loosened" and "每半年1次 → 每年1次：履行频次降低" in less.reasons_zh[0]
    more = only_change("主管部门每年至少组织一次安全检查。", "主管部门每季度至少组织一次安全检查。")
    assert more.change == "tightened"


def test_frequency_twice_a_year_is_the_same_as_every_half_year():
    assert only_change_or_none("每年开展应急演练两次。", "每半年开展应急演练一次。") is None


def test_an_extension_of_a_time_limit_is_a_time_limit_and_a_longer_one_is_loosened():
    (t,) = [p for p in provisions_of("经本机关负责人批准，可以延长十日。") if p.role]
    assert (t.role, t.comparator, t.value, t.unit) == ("time_limit", "<=", Decimal(10), "日")
    assert only_change("经本机关负责人批准，可以延长十日。", "经本机关负责人批准，可以延长三十日。").change == "loosened"


def test_time_limit_shorter_is_tightened_on_the_duty_bearer():
    c = only_change("主管部门应当自受理之日起三十日内作出决定。", "主管部门应当自受理之日起十五日内作出决定。")
    assert c.change == "tightened" and "期限缩短" in c.reasons_zh[0]


def test_time_limit_working_days_to_calendar_days_of_the_same_count_is_tightened():
    assert only_change("应当在十五个工作日内办结。", "应当在十五日内办结。").change == "tightened"
    assert only_change("应当在10日内作出决定。", "应当在10个工作日内作出决定。").change == "loosened"


def test_time_limit_three_months_to_ninety_days_is_about_the_same():
    c = only_change("应当自收到之日起三个月内答复。", "应当自收到之日起九十日内答复。")
    assert c.change == "changed" and "大致相当" in c.reasons_zh[0]


def test_advance_period_longer_is_tightened():
    assert only_change("应当提前三十日书面通知。", "应当提前六十日书面通知。").change == "tightened"


def test_ban_period_longer_is_tightened():
    assert only_change("以欺骗手段取得许可的，一年内不得再次申请。", "以欺骗手段取得许可的，三年内不得再次申请。").change == "tightened"


def test_entitlement_larger_is_tightened_more_is_owed():
    c = only_change("职工每年享受带薪年休假5天。", "职工每年享受带薪年休假10天。")
    assert c.change == "tightened" and "应给付的更多" in c.reasons_zh[0]


def test_limit_lower_ceiling_is_tightened():
    assert only_change("每户收费不得超过5000元。", "每户收费不得超过3000元。").change == "tightened"


def test_threshold_raised_above_trigger_catches_fewer_so_loosened_and_says_so():
    c = only_change("年收入超过50万元的，应当向税务机关申报。", "年收入超过120万元的，应当向税务机关申报。")
    assert c.change == "loosened"
    assert "门槛提高" in c.reasons_zh[0] and "情形减少" in c.reasons_zh[0]


def test_a_threshold_that_grants_an_exemption_raised_exempts_more_so_loosened_and_says_so():
    c = only_change("年营业收入不足五十万元的个体工商户，免于缴纳配套费。", "年营业收入不足一百万元的个体工商户，免于缴纳配套费。")
    assert (c.change, c.new.role) == ("loosened", "exemption") and "可豁免的情形增加" in c.reasons_zh[0]


def test_threshold_lowered_above_trigger_catches_more_so_tightened():
    c = only_change("从业人员超过300人的，应当设置安全生产管理机构。", "从业人员超过一百人的，应当设置安全生产管理机构。")
    assert c.change == "tightened" and "情形增加" in c.reasons_zh[0]


def test_an_entry_inserted_before_paired_items_is_added_and_each_item_keeps_its_own_provision():
    """Items paired by the alignment pair their provisions, though another item of the article holds the
    same figure: 劳动节 1天 → 2天 is not 元旦's 1天 unchanged plus 劳动节 loosened from 国庆节's 3天."""
    entry = "（{}）在{}到来之际，放假{}天{}"  # an opening too long to name the entry: every one reads 放假
    old = "公民放假的节日：\n" + "\n".join(entry.format(*e) for e in [
        ("一", "端午节", 1, "；"), ("二", "中秋节", 3, "；"), ("三", "重阳节", 2, "。")])
    new = "公民放假的节日：\n" + "\n".join(entry.format(*e) for e in [
        ("一", "植树节", 1, "；"), ("二", "端午节", 2, "；"), ("三", "中秋节", 4, "；"), ("四", "重阳节", 2, "。")])
    changes = [c for c in diff(law(old), law(new)).targets if c.change != "unchanged"]
    seen = sorted((c.change, c.old and c.old.value, c.new.value, c.new.clause) for c in changes)
    assert seen == [("added", None, Decimal(1), "第二条.(一)"), ("tightened", Decimal(1), Decimal(2), "第二条.(二)"),
                    ("tightened", Decimal(3), Decimal(4), "第二条.(三)")]


def test_an_entitlement_in_a_list_is_named_by_its_entry():
    assert [t.indicator for t in provisions_of("放假的节日：端午节，放假1天；中秋节，放假3天。")] == ["端午节放假", "中秋节放假"]


def test_a_condition_closed_by_a_comma_and_a_currency_is_a_threshold_raised_so_loosened():
    c = only_change("单位年度销售额合计超过50亿元人民币，并且其中一方超过2亿元人民币，应当事先报告。",
                    "单位年度销售额合计超过80亿元人民币，并且其中一方超过2亿元人民币，应当事先报告。")
    assert c.change == "loosened" and c.old.role == c.new.role == "threshold"
    assert "超过50亿元 → 超过80亿元" in c.reasons_zh[0] and "情形减少" in c.reasons_zh[0]


def test_conditions_joined_by_bingqie_each_are_thresholds_named_without_the_joining_word():
    found = provisions_of("单位年度销售额合计超过50亿元人民币，并且其中一方的销售额超过2亿元人民币。")
    assert [(t.role, t.comparator, t.value) for t in found] == [
        ("threshold", ">", Decimal(5000000000)), ("threshold", ">", Decimal(200000000))]
    assert found[1].indicator == "其中一方的销售额"


def test_a_ceiling_before_a_comma_is_not_read_as_a_condition():
    assert [t.role for t in provisions_of("每个班级的人数不得超过45人，超出部分另行编班。")] == ["limit"]


@pytest.mark.parametrize("old,new,label", [
    ("违法所得不足1万元的，处3000元罚款。", "违法所得不足2万元的，处3000元罚款。", "tightened"),
    ("违法所得不足2万元的，处3000元罚款。", "违法所得不足1万元的，处3000元罚款。", "loosened"),
])
def test_threshold_below_trigger_raised_catches_more(old, new, label):
    assert only_change(old, new).change == label


def test_a_period_counted_from_an_event_a_phrase_earlier_is_a_time_limit_shorter_is_tightened():
    c = only_change("公告送达的，自发出公告之日起，经过三个月，即视为送达。", "公告送达的，自发出公告之日起，经过六十日，即视为送达。")
    assert c.change == "tightened" and c.new.role == "time_limit"


def test_a_length_of_service_is_a_condition_not_a_time_limit():
    (t,) = provisions_of("在本单位工作满3年的职工可以申请。")
    assert (t.role, t.comparator, t.value, t.unit) == ("threshold", ">=", Decimal(3), "年")


def test_a_length_of_service_that_gates_a_benefit_lowered_lets_more_in_so_tightened():
    c = only_change("连续从事井下作业满十年的矿工，每年享受五天带薪疗养假。", "连续从事井下作业满五年的矿工，每年享受五天带薪疗养假。")
    assert (c.change, c.new.role) == ("tightened", "threshold")


def test_a_practice_period_closing_its_phrase_is_a_qualification_compared_across_units():
    c = only_change("申请律师执业，应当在律师事务所实习满一年，并经考核合格。", "申请律师执业，应当在律师事务所实习满十八个月，并经考核合格。")
    assert (c.change, c.new.role, c.new.unit) == ("tightened", "qualification", "月")


def test_a_window_owed_to_a_right_holder_is_an_entitlement_longer_is_tightened():
    c = only_change("消费者有权自收到商品之日起七日内无理由退货。", "消费者有权自收到商品之日起十五日内无理由退货。")
    assert (c.change, c.new.role) == ("tightened", "entitlement")


def test_a_limit_restated_as_the_case_of_missing_it_is_no_provision():
    roles = [t.role for t in provisions_of("应当自受理之日起二十日内作出决定；二十日内不能作出决定的，可以延长十日。")]
    assert roles == ["time_limit", "time_limit"]  # the limit and its extension, not the restatement


def test_days_before_an_event_are_an_advance_period_but_the_first_days_of_a_month_are_not():
    assert only_change("建设单位应当在开工前三十日报送。", "建设单位应当在开工前六十日报送。").change == "tightened"
    assert provisions_of("每月前十日报送上月数据。") == []


def test_the_previous_year_is_no_duration():
    found = provisions_of("罚款最高不超过上一年度应缴税额的五倍。")
    assert [(t.unit, t.per) for t in found] == [("倍", "上一年度应缴税额")]  # a cap in 倍 of its base, no 一年


def test_thresholds_in_tonnes_and_square_metres_and_either_of_two_alternatives():
    assert only_change("车货总质量超过二十吨的，应当经同意。", "车货总质量超过三十吨的，应当经同意。").change == "loosened"
    found = provisions_of("处置单价在五十万元以上或者批量价值在二百万元以上的国有资产，应当报审批。")
    assert [(t.indicator, t.value) for t in found] == [("处置单价在", Decimal(500000)), ("批量价值在", Decimal(2000000))]


def test_a_fine_whose_amount_stands_before_its_verb_is_read_per_unit():
    (t,) = provisions_of("擅自改变林地用途的，并按照每平方米十元以上三十元以下处以罚款。")
    assert (t.role, t.value, t.value_max, t.per) == ("fine", Decimal(10), Decimal(30), "每平方米")


def test_fines_of_one_article_pair_by_the_case_they_answer():
    old = "达成并实施垄断协议的，处上一年度销售额一倍以下的罚款；尚未实施所达成的垄断协议的，可以处五十万元以下的罚款。"
    new = ("达成并实施垄断协议的，处上一年度销售额一倍以下的罚款，上一年度没有销售额的，处五百万元以下的罚款；"
           "尚未实施所达成的垄断协议的，可以处三百万元以下的罚款。")
    changes = {c.change: c for c in diff(law(old), law(new)).targets if c.change != "unchanged"}
    assert changes["tightened"].old.value == Decimal(500000) and changes["tightened"].new.value == Decimal(3000000)
    assert changes["added"].new.value == Decimal(5000000)


def test_a_fine_rewritten_as_a_multiple_pairs_by_its_case_not_with_the_fallback_fine_of_the_same_unit():
    old = "未取得许可擅自采矿的，责令停止违法行为，并处10万元以上30万元以下的罚款。"
    new = ("未取得许可擅自采矿的，责令停止违法行为，并处矿产品货值金额2倍以上20倍以下的罚款；"
           "货值金额不足10万元的，并处20万元以上200万元以下的罚款。")
    rows = {(c.change, c.old.unit if c.old else None, c.new.unit if c.new else None)
            for c in diff(law(old), law(new)).targets if c.change != "unchanged" and (c.new or c.old).role == "fine"}
    assert rows == {("changed", "元", "倍"), ("added", None, "元")}


def law_items(lead: str, items: list[str]):
    """A law whose second article has a lead sentence and items （一）（二）…"""
    numbers = "一二三四五六七八九"
    body = "\n".join(f"（{numbers[k]}）{item}" for k, item in enumerate(items))
    text = f"某某管理条例\n第一条{U}为了规范管理，制定本条例。\n第二条{U}{lead}\n{body}\n第三条{U}本条例自公布之日起施行。\n"
    return segment(clean(RawText(text=text, source="t.txt", format="txt")))


def test_a_fine_as_a_share_of_a_base_keeps_its_base():
    (t,) = provisions_of("违反本条例规定的，处上一年度营业收入百分之一以上百分之五以下的罚款。")
    assert (t.role, t.comparator, t.value, t.value_max, t.unit, t.per) == (
        "fine", "range", Decimal(1), Decimal(5), "%", "上一年度营业收入")


def test_a_fine_set_as_a_multiple_of_another_fine_names_that_fine_as_its_base():
    (t,) = provisions_of("情节特别恶劣的，主管部门可以在本条例规定的罚款数额的二倍以上三倍以下确定具体罚款数额。")
    assert (t.role, t.value, t.value_max, t.unit, t.per) == ("fine", Decimal(2), Decimal(3), "倍", "罚款数额")


def test_a_fine_is_labelled_by_its_case_even_after_a_phrase_of_who_acts():
    (t,) = provisions_of("协会组织会员串通涨价的，由主管部门责令改正，可以处十万元以下的罚款。")
    assert t.indicator.startswith("协会组织会员串通涨价的")


def test_a_fine_on_the_persons_responsible_is_told_apart_from_the_units_fine():
    old = "提交虚假材料的，处以一万元以上五万元以下的罚款。"
    new = "提交虚假材料的，处以一万元以上十万元以下的罚款；对直接负责的主管人员和其他直接责任人员处以五千元以上五万元以下的罚款。"
    changes = sorted((c.change for c in diff(law(old), law(new)).targets if c.change != "unchanged"))
    assert changes == ["added", "tightened"]


def test_fines_of_one_article_pair_when_their_case_is_reworded():
    old = "擅自排放污水的，由主管部门责令停止违法行为，并处五万元的罚款。"
    new = "擅自排放污水或者偷排废渣的，由主管部门责令停止违法行为，并处五万元以上十万元以下的罚款。"
    assert only_change(old, new).change == "tightened"


def test_a_trigger_above_never_pairs_with_a_trigger_below():
    old = "营业额不足100万元的，免予申报。"
    new = "营业额超过100万元的，应当申报。"
    assert sorted(c.change for c in diff(law(old), law(new)).targets if c.change != "unchanged") == ["added", "dropped"]


def test_a_fine_the_new_text_states_per_case_is_judged_against_the_old_fine_for_each_case():
    old = law("擅自从事运输经营的，处二万元以上十万元以下的罚款。")
    new = law_items("有下列情形之一的，由主管部门责令停止经营：", [
        "擅自从事货物运输经营的，处五千元以上二万元以下的罚款；",
        "擅自从事旅客运输经营的，处一万元以上十万元以下的罚款；",
        "擅自从事危险货物运输经营的，处二万元以上十万元以下的罚款。",
    ])
    changes = [c for c in diff(old, new).targets if c.change != "unchanged"]
    assert sorted((c.change, c.rule) for c in changes) == [("loosened", "split"), ("loosened", "split")]
    assert {c.old.value for c in changes} == {Decimal(20000)}


def test_detention_shorter_is_loosened():
    c = only_change("尚不构成犯罪的，由公安机关处十五日以下行政拘留。", "尚不构成犯罪的，由公安机关处十日以下行政拘留。")
    assert (c.change, c.new.role) == ("loosened", "detention") and "拘留期限缩短" in c.reasons_zh[0]


def test_a_suspension_for_a_period_is_a_ban_and_its_removal_is_dropped():
    (t,) = provisions_of("对事故负有主要责任的，暂停其执业资格1至3年。")
    assert (t.role, t.comparator, t.value, t.value_max, t.unit) == ("ban", "range", Decimal(1), Decimal(3), "年")


def test_fewer_years_required_to_qualify_is_loosened():
    c = only_change("申请人应当是依法成立5年以上的法人。", "申请人应当是依法成立2年以上的法人。")
    assert (c.change, c.new.role) == ("loosened", "qualification")


def test_years_of_service_closing_a_phrase_are_a_qualification():
    (t,) = provisions_of("机构负责人应当从事相关工作五年以上。")
    assert (t.role, t.comparator, t.value, t.unit) == ("qualification", ">=", Decimal(5), "年")
    assert provisions_of("本规定实施五年以上，应当进行评估。") == []  # no service, no holding: no qualification


def test_a_count_of_beds_gating_a_duty_is_a_threshold_lowered_so_tightened():
    old = "床位数在一百张以上的医疗机构，应当设立感染管理部门。"
    new = "床位数在五十张以上的医疗机构，应当设立感染管理部门。"
    assert only_change(old, new).change == "tightened"


def test_an_age_ceiling_raised_admits_more_so_loosened():
    assert only_change("申请人年龄不超过六十周岁。", "申请人年龄不超过六十三周岁。").change == "loosened"


def test_a_detention_range_with_a_higher_ceiling_is_tightened():
    old = "情节严重的，处五日以下拘留。"
    new = "情节严重的，处五日以上十日以下拘留。"
    c = only_change(old, new)
    assert (c.change, c.new.comparator, c.new.value, c.new.value_max) == ("tightened", "range", Decimal(5), Decimal(10))


def test_years_of_experience_are_a_qualification():
    (t,) = provisions_of("教师应当具有8年以上教学工作经历。")
    assert (t.role, t.comparator, t.value, t.unit) == ("qualification", ">=", Decimal(8), "年")


def test_months_of_a_wage_owed_keep_the_wage_as_base_so_a_new_wage_has_no_direction():
    c = only_change("发给相当于20个月当地职工月平均工资的补助金。", "发给相当于20个月当地城镇单位就业人员月平均工资的补助金。")
    assert (c.change, c.new.role, c.old.per, c.new.per) == (
        "changed", "entitlement", "当地职工月平均工资", "当地城镇单位就业人员月平均工资")


def test_a_wait_after_an_event_longer_is_tightened():
    c = only_change("申请复核应当在上一次鉴定1年后提出。", "申请复核应当在上一次鉴定2年后提出。")
    assert (c.change, c.new.role) == ("tightened", "waiting")


def test_a_negated_time_limit_is_a_wait_not_a_duty():
    (t,) = provisions_of("申请人未在申请之日起4个月内收到通知的，可以自行处理。")
    assert (t.role, t.comparator, t.value) == ("waiting", ">=", Decimal(4))


def test_days_before_an_expiry_are_an_advance_period_three_months_to_ninety_days_about_the_same():
    c = only_change("应当提前三个月书面通知对方。", "应当在合同期限届满前九十日书面通知对方。")
    assert (c.change, c.new.role) == ("changed", "advance")


def test_half_or_more_to_more_than_half_is_tightened_half_no_longer_suffices():
    c = only_change("理事会决议应当经半数以上理事通过。", "理事会决议应当经全体理事的过半数通过。")
    assert (c.change, c.new.role) == ("tightened", "ratio")


def test_a_majority_of_those_voting_instead_of_all_members_is_loosened():
    c = only_change("会员大会作出决定，应当经全体会员过半数同意。", "会员大会作出决定，应当经参与表决会员过半数同意。")
    assert c.change == "loosened" and any("计算基数缩小" in r for r in c.reasons_zh)


def test_a_larger_majority_of_a_smaller_base_has_no_single_direction():
    c = only_change("应当经全体会员三分之二以上同意。", "应当经参与表决会员四分之三以上同意。")
    assert c.change == "mixed"


def test_a_double_majority_of_area_and_heads_is_one_provision():
    (t,) = provisions_of("应当经专有部分面积过半数的业主且人数过半数的业主同意。")
    assert (t.role, t.comparator, t.value, t.unit) == ("ratio", ">", Decimal(50), "%")


def test_one_person_one_vote_is_no_quantity():
    assert [t for t in extract_targets(law("董事会决议的表决，应当一人一票。")) if t.kind == "quantity"] == []


def test_a_lower_share_that_qualifies_a_holder_is_tightened_more_holders_may_act():
    c = only_change("单独或者合计持有公司百分之三以上股份的股东，可以提出临时提案。",
                    "单独或者合计持有公司百分之一以上股份的股东，可以提出临时提案。")
    assert (c.change, c.new.role) == ("tightened", "threshold") and "门槛降低" in c.reasons_zh[0]


def test_a_graver_band_with_the_old_figures_is_added_and_the_ordinary_case_judged_against_the_old_band():
    old = "拒绝接受检查的，由主管部门责令改正，并处2万元以上10万元以下的罚款。"
    new = "拒绝接受检查的，由主管部门责令改正，处2万元以下的罚款；情节严重的，处2万元以上10万元以下的罚款。"
    changes = [c for c in diff(law(old), law(new)).targets if c.change != "unchanged"]
    assert sorted((c.change, c.new.value_max or c.new.value) for c in changes) == [
        ("added", Decimal(100000)), ("loosened", Decimal(20000))]


def test_a_graver_band_with_figures_of_its_own_is_a_new_provision():
    old = "未履行数据安全保护义务的，由主管部门责令改正，可以并处一万元以上十万元以下罚款。"
    new = "未履行数据安全保护义务的，由主管部门责令改正，可以并处一万元以上十万元以下罚款；情节严重的，处十万元以上一百万元以下罚款。"
    c = only_change(old, new)
    assert (c.change, c.new.value) == ("added", Decimal(100000))


def test_a_fine_without_its_own_addressee_falls_on_the_one_named_before_it_in_its_sentence():
    found = provisions_of("对单位处上一年度销售额百分之一以下的罚款，上一年度没有销售额的，处五百万元以下的罚款；对个人处五十万元以下的罚款。")
    assert [t.scope for t in found] == ["单位", "单位", "个人"]


def test_fines_on_persons_and_on_units_never_pair():
    old = "拒绝调查的，对个人处二万元以下的罚款，对单位处二十万元以下的罚款。"
    new = "拒绝调查的，对单位处五十万元以下的罚款。"
    changes = {c.change: c for c in diff(law(old), law(new)).targets if c.change != "unchanged"}
    assert changes["tightened"].old.scope == "单位" and changes["dropped"].old.scope == "个人"


def test_a_fine_range_whose_unit_is_written_once_is_the_same_range():
    assert [c.change for c in diff(law("处五千以上一万元以下罚款。"), law("处五千元以上一万元以下罚款。")).targets] == ["unchanged"]


def test_a_disqualification_until_years_have_passed_is_a_ban():
    (t,) = provisions_of("被判处刑罚，执行期满未逾五年的，不得担任理事。")
    assert (t.role, t.comparator, t.value, t.indicator) == ("ban", "<=", Decimal(5), "执行期满")


def test_two_cases_that_said_the_same_now_said_once_are_not_a_dropped_provision():
    old = "（二）被判处刑罚，执行期满未逾五年，或者被剥夺政治权利，执行期满未逾五年；"
    new = "（二）被判处刑罚，或者被剥夺政治权利，执行期满未逾五年，被宣告缓刑的，自缓刑考验期满之日起未逾二年；"
    changes = [c for c in diff(law(old), law(new)).targets if c.change != "unchanged"]
    assert [(c.change, c.new.value) for c in changes] == [("added", Decimal(2))]


def test_a_duty_moved_from_before_its_event_to_after_it_is_loosened():
    c = only_change("单位变更名称的，应当在变更15日前向主管部门申请办理变更手续。",
                    "单位变更名称的，应当自变更之日起15日内向主管部门办理变更手续。")
    assert (c.change, c.old.role, c.new.role) == ("loosened", "advance", "time_limit")
    assert "事件发生后" in c.reasons_zh[0]


def test_a_line_drawn_from_both_sides_is_reported_once_against_the_old_trigger():
    old = "有违法所得的，处违法所得2倍的罚款；违法所得不足2万元的，处1万元的罚款。"
    new = "违法所得超过1万元的，处违法所得2倍的罚款；违法所得不足1万元的，处1万元的罚款。"
    changes = [c for c in diff(law(old), law(new)).targets if c.change != "unchanged"]
    assert [(c.change, c.old.value, c.new.value) for c in changes] == [("loosened", Decimal(20000), Decimal(10000))]


def test_a_line_drawn_from_both_sides_may_pair_with_a_trigger_of_either_side():
    old = "从业人员超过300人的，应当设置安全生产管理机构。"
    new = "从业人员超过100人的，应当设置安全生产管理机构；从业人员在100人以下的，应当配备专职安全生产管理人员。"
    assert only_change(old, new).change == "tightened"


def test_a_fine_counted_per_unit_of_damage_is_on_another_base_so_changed():
    c = only_change("造成滩涂破坏的，处一万元以上十万元以下的罚款。", "造成滩涂破坏的，处每平方米一千元以上一万元以下的罚款。")
    assert (c.change, c.new.per) == ("changed", "每平方米")


def test_a_case_that_names_the_previous_paragraphs_case_restates_its_fine_for_another_subject():
    old = "客运站经营者允许无证车辆进站的，处1万元以上3万元以下的罚款。\n擅自改变用途的，处3000元的罚款。"
    new = ("客运站经营者允许无证车辆进站的，处1万元以上3万元以下的罚款。\n货运站经营者有前款违法情形的，处3000元以上3万元以下的罚款。"
           "\n擅自改变用途的，处3000元的罚款。")
    c = only_change(old, new)
    assert (c.change, c.rule, c.old.value, c.new.value) == ("loosened", "split", Decimal(10000), Decimal(3000))


def test_a_threshold_restated_in_a_new_paragraph_of_its_article_is_not_a_new_provision():
    old = "监事会不召集的，连续九十日以上单独或者合计持有公司百分之十以上股份的股东可以自行召集。"
    new = old + "\n单独或者合计持有公司百分之十以上股份的股东请求召开临时会议的，董事会应当在收到请求之日起十日内作出决定。"
    c = only_change(old, new)
    assert (c.change, c.new.role, c.new.value) == ("added", "time_limit", Decimal(10))


def test_a_quorum_and_a_consent_are_two_majority_rules():
    old = "维修事项应当经全体会员三分之二以上同意。"
    new = "维修事项应当由全体会员三分之二以上参与表决，并经参与表决会员过半数同意。"
    changes = sorted((c.change, c.new.indicator if c.new else None) for c in diff(law(old), law(new)).targets
                     if c.change != "unchanged")
    assert changes == [("added", "出席"), ("loosened", "同意")]  # a smaller share of a smaller base


def test_a_majority_that_ends_its_text_is_read():
    (t,) = provisions_of("决议须经半数以上")
    assert (t.role, t.comparator, t.value) == ("ratio", ">=", Decimal(50))


def test_an_entitlement_as_a_share_of_a_wage_keeps_the_wage_as_base_so_a_new_wage_is_changed():
    c = only_change("因公一级残疾的，护理费为当地职工月平均工资的50%。",
                    "因公一级残疾的，护理费为当地上一年度城镇单位就业人员月平均工资的50%。")
    assert (c.change, c.new.role, c.new.per) == ("changed", "entitlement", "当地上一年度城镇单位就业人员月平均工资")
    assert "计算基础改变" in c.reasons_zh[0]


def test_an_effective_date_moved_is_changed_with_no_direction():
    c = only_change("本条例自2004年10月1日起施行。", "本条例自2024年10月1日起施行。")
    assert (c.change, c.new.kind, c.new.role, c.new.deadline) == ("changed", "deadline", "effective", "2024-10-01")
    assert "不涉及宽严" in c.reasons_zh[0]


def test_thresholds_listed_with_a_pause_mark_are_each_read():
    found = provisions_of("父母中男年满60周岁、女年满55周岁的，发给定期补助。")
    assert [(t.indicator, t.value) for t in found] == [("父母中男", Decimal(60)), ("女", Decimal(55))]


def test_a_closure_ordered_for_a_range_of_months_to_years_is_a_ban_longer_is_tightened():
    c = only_change("由财政部门责令停业六个月以上一年以下。", "由财政部门责令停业一年以上二年以下。")
    assert (c.change, c.old.value, c.old.value_max, c.old.unit) == ("tightened", Decimal(6), Decimal(12), "月")


def test_a_floor_a_law_sets_higher_is_tightened_and_lower_loosened():
    assert only_change("爆破作业点与居民住宅的安全距离不得小于三百米。", "爆破作业点与居民住宅的安全距离不得小于五百米。").change == "tightened"
    c = only_change("营业场所与中小学校的距离不得少于二百米。", "营业场所与中小学校的距离不得少于一百米。")
    assert (c.change, c.new.role) == ("loosened", "floor") and "下限降低" in c.reasons_zh[0]


def test_a_condition_closed_by_de_a_few_words_after_its_bound_is_a_threshold():
    c = only_change("在三十五摄氏度以上高温天气从事室外作业的，应当发放津贴。", "在三十三摄氏度以上高温天气从事室外作业的，应当发放津贴。")
    assert (c.change, c.new.role) == ("tightened", "threshold")


def test_a_cap_right_after_a_fine_is_that_fines_cap():
    c = only_change("拒不改正的，按照每辆车五十元的标准处以罚款，最高不超过五万元。", "拒不改正的，按照每辆车五十元的标准处以罚款，最高不超过十万元。")
    assert (c.change, c.new.role, c.new.comparator) == ("tightened", "fine", "<=")


def test_a_ceiling_as_a_share_of_a_base_keeps_its_base_and_lower_is_tightened():
    c = only_change("年度租金涨幅不得超过上一年度租金的百分之十。", "年度租金涨幅不得超过上一年度租金的百分之五。")
    assert (c.change, c.new.role, c.new.unit, c.new.per) == ("tightened", "limit", "%", "上一年度租金")


def test_a_base_with_a_qualifier_dropped_in_front_is_the_same_base():
    assert only_change_or_none("附属绿地面积不得超过项目用地面积的百分之二十。", "附属绿地面积不得超过用地面积的20%。") is None


def test_a_bound_whose_phrase_names_no_subject_takes_the_phrase_before():
    old = "住房租赁企业单次收取租金的周期不得超过三个月。"
    new = "住房租赁企业单次收取租金的周期，不得超过三个月。"
    assert only_change_or_none(old, new) is None


def test_a_wait_not_yet_over_before_one_may_act_again_longer_is_tightened():
    c = only_change("收费标准自上次调整之日起未满二年的，不得再次调整。", "收费标准自上次调整之日起未满三年的，不得再次调整。")
    assert (c.change, c.new.role) == ("tightened", "waiting")


def test_thresholds_floors_and_ceilings_in_kilograms_millimetres_days_and_rooms():
    assert only_change("单次运输一百公斤以上的，应当申报。", "单次运输五十公斤以上的，应当申报。").change == "tightened"
    assert only_change("通道宽度不小于二千六百五十毫米。", "通道宽度不小于二千七百毫米。").change == "tightened"
    assert only_change("公示期不少于三十日。", "公示期不少于九十日。").change == "tightened"
    assert only_change("客房数量不得超过十四间。", "客房数量不得超过十五间。").change == "loosened"


def test_a_floor_inside_a_condition_that_gates_a_subsidy_is_a_threshold_lowered_lets_more_in():
    old = "年开放时间不少于二百四十日、年接待观众一万人次以上的，每年补助十万元。"
    new = "年开放时间不少于二百日、年接待观众一万人次以上的，每年补助十万元。"
    c = only_change(old, new)
    assert (c.change, c.new.role) == ("tightened", "threshold")


def law_of(*articles: str):
    """A law whose 第二条, 第三条 … are ``articles``."""
    body = "".join(f"第{n}条{U}{a}\n" for n, a in zip("二三四五六七", articles))
    text = f"某某管理条例\n第一条{U}为了规范管理，制定本条例。\n{body}第八条{U}本条例自公布之日起施行。\n"
    return segment(clean(RawText(text=text, source="t.txt", format="txt")))


def test_a_provision_of_a_removed_article_pairs_with_its_rewrite_in_an_added_article():
    duty = "生产经营单位应当建立健全全员安全生产责任制，明确各岗位的责任人员、责任范围和考核标准。"
    old = law_of("矿山、建筑施工单位，危险物品的生产、经营、储存单位及从业人员超过300人的其他生产经营单位，"
                 "应当设置安全生产管理机构或者配备专职安全生产管理人员。", duty)
    new = law_of(duty, "本条例第二条规定以外行业的生产经营单位，从业人员超过一百人的，应当设置安全生产管理机构；"
                       "从业人员在一百人以下的，应当配备兼职的安全生产管理人员。")
    d = diff(old, new)
    assert [c.change for c in d.clauses if "第二条" in (c.old or "") + (c.new or "")][:1] == ["removed"]
    changes = [c for c in d.targets if c.change != "unchanged"]
    assert [(c.change, c.old.clause, c.new.clause) for c in changes] == [("tightened", "第二条", "第三条")]


def test_a_provision_of_a_removed_article_does_not_pair_with_a_provision_of_another_role():
    old = law_of("违反本条例规定的，处五万元以上十万元以下的罚款。", "申请人应当自受理之日起三十日内补正材料。")
    new = law_of("申请人应当自受理之日起三十日内补正材料。", "经营者的营业额超过五万元的，应当申报。")
    changes = sorted(c.change for c in diff(old, new).targets if c.change != "unchanged")
    assert changes == ["added", "dropped"]


def test_a_standard_pegged_to_a_statistic_is_read_as_a_share_of_that_statistic():
    found = provisions_of("残疾军人的抚恤金标准应当参照全国职工平均工资水平确定。")
    assert [(t.role, t.indicator, t.comparator, t.value, t.unit, t.per) for t in found] == [
        ("entitlement", "残疾军人的抚恤金标准", "~", Decimal(100), "%", "全国职工平均工资水平")]


def test_a_statistic_replaced_by_another_is_a_change_of_basis():
    c = only_change("定期抚恤金标准参照全国城乡居民家庭人均收入水平确定。",
                    "定期抚恤金标准参照上一年度全国居民人均可支配收入水平确定。")
    assert c.change == "changed"
    assert "全国城乡居民家庭人均收入水平" in c.reasons[0] and "上一年度全国居民人均可支配收入水平" in c.reasons[0]


def test_a_dropped_guarantee_of_the_local_average_is_reported_dropped():
    c = only_change("对生活仍有困难的，可以增发抚恤金，保障其生活不低于当地的平均生活水平。",
                    "对生活仍有困难的，可以增发抚恤金。")
    assert (c.change, c.old.role, c.old.comparator) == ("dropped", "entitlement", ">=")


def test_falling_short_of_an_average_that_triggers_a_relief_is_a_threshold():
    found = provisions_of("烈士遗属享受定期抚恤金后仍达不到当地居民的平均生活水平的，由县级人民政府予以补助。")
    assert [(t.role, t.comparator, t.per) for t in found] == [("threshold", "<", "当地居民的平均生活水平")]


def test_a_growth_rate_required_above_another_is_a_floor_named_by_the_previous_phrase():
    found = provisions_of("市和区财政用于科学技术经费的年增长幅度，应当高于本级财政经常性收入的年增长幅度。")
    assert [(t.role, t.indicator, t.comparator) for t in found] == [("floor", "市和区财政用于科学技术经费的年增长幅度", ">")]


def test_a_national_standard_without_a_statistic_is_no_provision():
    assert provisions_of("产品质量不得低于国家标准。") == []


def test_unanimity_is_a_ratio_of_all_and_stricter_than_consent_by_a_majority():
    found = provisions_of("改变使用性质的，应当经有利害关系的业主一致同意。")
    assert [(t.role, t.indicator, t.comparator, t.value, t.per) for t in found] == [
        ("ratio", "同意", "=", Decimal(100), "有利害关系的业主")]
    c = only_change("改变使用性质的，应当经有利害关系的业主过半数同意。", "改变使用性质的，应当经有利害关系的业主一致同意。")
    assert c.change == "tightened"


def test_a_wait_for_an_answer_that_became_a_shorter_time_limit_on_whoever_answers_is_tightened():
    old = "收到请求后，需要保密的，应当及时通知申请人；申请人未在其请求递交日起4个月内收到通知的，可以自行办理。"
    new = "收到请求后，需要保密的，应当在请求递交日起2个月内通知申请人；情况复杂的，可以延长2个月。"
    changes = sorted((c.change, c.old.role if c.old else None, c.new.role) for c in diff(law(old), law(new)).targets
                     if c.change != "unchanged")
    assert changes == [("added", None, "time_limit"), ("tightened", "waiting", "time_limit")]


def test_a_wait_and_a_time_limit_counted_from_different_events_do_not_pair():
    old = "申请人未在其请求递交日起4个月内收到通知的，可以自行办理。"
    new = "主管部门应当在收到补正材料之日起2个月内作出决定。"
    changes = sorted(c.change for c in diff(law(old), law(new)).targets if c.change != "unchanged")
    assert changes == ["added", "dropped"]


def test_a_graver_band_the_new_text_no_longer_has_is_dropped_and_the_ordinary_band_continues():
    old = "拒绝、阻碍调查的，对个人可以处二万元以下的罚款；情节严重的，对个人处二万元以上十万元以下的罚款。"
    new = "拒绝、阻碍调查的，对个人处五十万元以下的罚款。"
    changes = sorted((c.change, c.old.value_max or c.old.value) for c in diff(law(old), law(new)).targets
                     if c.change != "unchanged")
    assert changes == [("dropped", Decimal(100000)), ("tightened", Decimal(20000))]


def test_a_yearly_review_instituted_is_a_frequency_of_once_a_year():
    found = provisions_of("公安机关对领取特种行业许可证的收购企业实行年审制度。")
    assert [(t.role, t.indicator, t.value, t.per) for t in found] == [("frequency", "年审", Decimal(1), "每年")]


def test_a_year_followed_by_review_or_a_list_of_permit_kinds_is_no_yearly_review():
    assert provisions_of("水行政主管部门年审批采砂总量不得超过规划。") == []
    assert provisions_of("不得以备案、登记、年检、年报等形式变相设定行政许可。") == []


def test_its_members_name_the_body_the_previous_phrase_set_up():
    targets = extract_targets(law("有限责任公司设董事会，其成员为三人至十三人；但是，本法另有规定的除外。"))
    assert [t.indicator for t in targets if t.value == 3] == ["董事会成员"]


def test_among_them_is_no_pronoun_of_a_body():
    targets = extract_targets(law("本市设立养老服务中心，其中护理型床位不少于三十张。"))
    assert all(not (t.indicator or "").startswith("养老服务中心") for t in targets)


def test_a_ceiling_written_as_a_bare_percentage_is_a_limit():
    found = provisions_of("政府定价的公共停车场收费标准，每年调整幅度不得超过百分之五。")
    assert [(t.role, t.comparator, t.value, t.unit) for t in found] == [("limit", "<=", Decimal(5), "%")]


def test_a_share_in_per_mille_and_the_same_share_in_percent_are_no_change():
    assert only_change_or_none("矿山企业应当按照不低于销售收入的千分之五提取基金。",
                               "矿山企业应当按照不低于销售收入的0.5%提取基金。") is None


def test_a_leave_named_by_its_kind_is_an_entitlement():
    c = only_change("符合规定生育子女的，女方增加产假六十日。", "符合规定生育子女的，女方增加产假八十日。")
    assert (c.change, c.new.role) == ("tightened", "entitlement")


def test_a_room_count_that_triggers_a_duty_is_a_threshold():
    c = only_change("客房数在五十间以上的宾馆，应当每年进行消防安全评估。", "客房数在三十间以上的宾馆，应当每年进行消防安全评估。")
    assert (c.change, c.new.role) == ("tightened", "threshold")


def test_a_limit_in_working_days_restated_as_the_case_of_missing_it_is_no_provision():
    found = extract_targets(law("应当自受理申请之日起十个工作日内作出决定；十个工作日内不能作出决定的，可以延长五个工作日。"))
    assert [t.text for t in found if "不能" in t.text] == []


def test_days_before_the_day_of_an_event_are_an_advance_period():
    found = provisions_of("建设单位应当在拟占用之日前十五日提出申请。")
    assert [(t.role, t.value) for t in found] == [("advance", Decimal(15))]


def test_a_standard_set_as_a_multiple_of_a_base_is_an_entitlement_of_that_base():
    found = provisions_of("遗属生活困难的，按月发给生活补助，标准为当地最低生活保障标准的二倍。")
    assert [(t.role, t.value, t.unit, t.per) for t in found] == [("entitlement", Decimal(2), "倍", "当地最低生活保障标准")]
    assert only_change("标准为当地最低生活保障标准的二倍。", "标准为当地最低生活保障标准的三倍。").change == "tightened"


def test_a_staffing_ratio_is_a_floor_on_staff_per_person_served():
    found = provisions_of("护理人员与失能老年人的比例不低于一比四。")
    assert [(t.role, t.comparator, t.value, t.per) for t in found] == [("floor", ">=", Decimal(25), "失能老年人")]
    assert only_change("护理人员与失能老年人的比例不低于一比四。", "护理人员与失能老年人的比例不低于一比三。").change == "tightened"


def test_a_higher_cap_on_what_is_paid_to_a_beneficiary_owes_more():
    c = only_change("城乡居民基本医疗保险年度最高支付限额为二十万元。", "城乡居民基本医疗保险年度最高支付限额为三十万元。")
    assert (c.change, c.new.role) == ("tightened", "entitlement")
    assert only_change("每人每年补助最高不超过五千元。", "每人每年补助最高不超过三千元。").change == "loosened"


def test_a_ceiling_on_a_charge_stays_a_limit():
    assert only_change("收费不得超过五万元。", "收费不得超过三万元。").new.role == "limit"


def test_a_longer_clean_record_asked_for_a_relief_is_a_stricter_qualification():
    old = "施工总承包单位在本市连续两年未发生工资拖欠的，存储比例下调百分之五十。"
    new = "施工总承包单位在本市连续三年未发生工资拖欠的，存储比例下调百分之五十。"
    c = only_change(old, new)
    assert (c.change, c.new.role, c.new.indicator) == ("tightened", "qualification", "施工总承包单位在本市未发生工资拖欠")


def test_a_duty_named_only_by_when_it_binds_takes_its_name_from_the_phrase_before():
    found = provisions_of("收购企业有关闭、歇业、合并等情形之一时，应当在15日前申请办理注销手续。")
    assert [(t.role, t.indicator) for t in found] == [("advance", "收购企业有关闭、歇业、合并等情形之一时")]


def test_a_dropped_guarantee_reads_as_the_statistic_it_pegged_to():
    c = only_change("对生活仍有困难的，可以增发抚恤金，保障其生活不低于当地的平均生活水平。", "对生活仍有困难的，可以增发抚恤金。")
    assert c.reasons_zh == ["新文本中未找到对应指标：保障其生活 不低于当地的平均生活水平（条款 第二条）"]


def test_a_pegged_standard_shows_its_statistic_in_the_report_and_on_the_terminal():
    from tracker.words import format_target, target_line
    [t] = provisions_of("保障其生活不低于当地的平均生活水平。")
    assert (format_target(t), target_line(t)) == ("不低于当地的平均生活水平", ">=当地的平均生活水平")


def test_the_same_months_of_a_part_of_the_old_wage_owe_less():
    c = only_change("发给特别补助金，标准相当于烈士本人40个月工资。", "发给特别补助金，标准相当于烈士本人40个月基本工资。")
    assert c.change == "loosened"
    assert "40个月工资 → 达到40个月基本工资" in c.reasons_zh[0]


def test_an_only_fine_stated_for_two_cases_of_one_sentence_is_judged_for_both():
    old = "经营者违反本法规定实施集中的，由执法机构责令停止实施集中，可以处五十万元以下的罚款。"
    new = ("经营者违反本法规定实施集中，且具有排除、限制竞争效果的，由执法机构责令停止实施集中，处上一年度销售额百分之十以下的罚款；"
           "不具有排除、限制竞争效果的，处五百万元以下的罚款。")
    changes = sorted((c.change, c.old.unit, c.new.unit) for c in diff(law(old), law(new)).targets if c.change != "unchanged")
    assert changes == [("changed", "元", "%"), ("tightened", "元", "元")]


def test_a_duty_of_a_merged_article_crosses_its_event_into_the_article_that_took_it_in():
    ban = "在铁路、矿区、油田、港口、机场附近，不得设点收购废旧金属。"
    old = law_of("收购企业应当在取得营业执照后向公安机关备案。",
                 "收购企业有关闭、歇业、变更法定代表人等情形之一时，应当在15日前申请办理注销、变更手续。", ban)
    new = law_of("收购企业应当在取得营业执照后15日内向公安机关备案。备案事项发生变更的，收购企业应当自变更之日起15日内办理变更手续。",
                 ban)
    changes = sorted((c.change, c.old.role if c.old else None) for c in diff(old, new).targets if c.change != "unchanged")
    assert changes == [("added", None), ("loosened", "advance")]


def test_a_bracketed_time_limit_counted_from_an_event_of_its_own_is_a_provision():
    found = provisions_of("备案事项发生变更的，应当自变更之日起15日内（属于工商登记事项的自工商登记变更之日起15日内）办理变更手续。")
    assert [t.indicator for t in found] == ["应当自变更之日起", "属于工商登记事项的自工商登记变更之日起"]


def test_a_bracketed_restatement_from_the_same_event_is_no_provision():
    found = provisions_of("应当自受理之日起30日内（自受理之日起30日内）作出决定。")
    assert len(found) == 1


def test_a_share_spelled_in_words_reads_as_the_same_share_in_digits():
    words = provisions_of("（二）超计划百分之二十以上不足百分之四十的部分，按照水价的二倍加价；")
    digits = provisions_of("（二）超计划20%以上不足40%的部分，按照水价的2倍加价；")
    assert [(t.role, t.comparator, t.value, t.unit) for t in words] == [(t.role, t.comparator, t.value, t.unit) for t in digits]


def test_a_fine_beside_a_detention_leaves_the_detention_to_be_read():
    found = provisions_of("有下列行为之一的，处五日以下拘留或者五百元以下罚款。")
    assert sorted((t.role, t.value) for t in found) == [("detention", Decimal(5)), ("fine", Decimal(500))]


def test_minutes_are_a_duration_and_degrees_a_floor_unit():
    assert only_change("应当在作业开始前30分钟发布预警。", "应当在作业开始前10分钟发布预警。").new.unit == "分钟"
    assert only_change("室内温度不得低于18℃。", "室内温度不得低于20℃。").change == "tightened"


def test_a_record_kept_longer_is_a_stricter_floor():
    c = only_change("并将出版物样本留存两年备查。", "并将出版物样本留存三年备查。")
    assert (c.change, c.new.role) == ("tightened", "floor")


def test_a_cap_after_a_fine_in_the_phrase_before_is_that_fine_s_cap():
    found = provisions_of("超过限值的，每超1000千克罚款500元，最高不得超过30000元。")
    assert [(t.role, t.value) for t in found if t.value == 30000] == [("fine", Decimal(30000))]


def test_a_ceiling_as_a_multiple_of_a_base_is_a_limit_of_that_base():
    [t] = provisions_of("融资担保公司的融资担保责任余额不得超过其净资产的10倍。")
    assert (t.role, t.comparator, t.value, t.unit, t.per) == ("limit", "<=", Decimal(10), "倍", "其净资产")


def test_a_duty_every_so_many_years_with_a_long_object_is_a_frequency():
    [t] = provisions_of("文化主管部门应当每二年对代表性传承人履行传承义务的情况进行一次评估。")
    assert (t.role, t.per) == ("frequency", "每二年")
    assert provisions_of("检测机构每隔五年进行一次检测。")[0].per == "每五年"


def test_a_fine_that_gains_a_least_amount_is_stricter():
    c = only_change("可以处50万元以下罚款。", "可以处5万元以上50万元以下罚款。")
    assert c.change == "tightened"


def test_the_window_of_a_count_is_no_time_limit():
    found = provisions_of("收运单位一年内累计三次以上未按时收运的，处一万元以上三万元以下罚款。")
    assert sorted(t.role for t in found) == ["fine", "threshold"]


def test_staffing_ratios_named_after_their_figures_are_each_their_own_floor():
    found = provisions_of("养老机构应当按照护理人员与失能老年人不低于一比五、与半失能老年人不低于一比十的比例配备护理人员。")
    assert [(t.role, t.value, t.per, t.text) for t in found] == [
        ("floor", Decimal(20), "失能老年人", "养老机构应当按照护理人员与失能老年人不低于一比五"),
        ("floor", Decimal(10), "半失能老年人", "与半失能老年人不低于一比十")]
    assert provisions_of("甲乙双方以一比一的比例出资。") == []


def test_a_bound_said_to_include_its_figure_is_one_provision():
    found = extract_targets(law("在职职工总数在三十人以下（含三十人）的用人单位，暂免征收残疾人就业保障金。"))
    assert [(t.role, t.value) for t in found] == [("exemption", Decimal(30))]


def test_an_item_under_a_lead_in_that_grants_an_exemption_is_an_exemption_threshold():
    found = extract_targets(law("有下列情形之一的，暂免征收残疾人就业保障金：\n（一）在职职工总数在二十人以下（含二十人）的；\n"
                                "（二）工程规模较小的。"))
    assert [(t.role, t.value) for t in found] == [("exemption", Decimal(20))]


def test_a_plan_figure_of_a_hundred_percent_per_township_is_no_pegged_standard():
    from tracker.words import format_target
    t = Target(clause="一", kind="quantity", indicator="覆盖率", scope=None, comparator=">=", value=Decimal(100),
               value_max=None, unit="%", per="每个乡镇", deadline=None, modality="must", text="每个乡镇覆盖率达到100%")
    assert format_target(t) == "每个乡镇 ≥100%"


def test_no_more_than_half_is_a_ceiling_on_a_share_as_fifty_percent_is():
    assert only_change_or_none("同一户家庭的成员不得超过百分之五十。", "同一户家庭的成员不得超过半数。") is None


def test_a_fine_s_cap_moved_to_a_multiple_of_a_base_is_a_change_of_basis():
    old = "超标排放污水的，按照每超标排放一吨处二百元罚款，但最高不超过五十万元。"
    new = "超标排放污水的，按照每超标排放一吨处二百元罚款，但最高不超过上一年度应缴环境保护税税额的五倍。"
    c = only_change(old, new)
    assert (c.change, c.old.role, c.new.role, c.new.unit) == ("changed", "fine", "fine", "倍")


def test_a_floor_that_should_not_be_under_reads_as_one_that_must_not():
    assert only_change_or_none("宽度不得小于一点五米。", "宽度不应小于1.5米。") is None


def test_a_span_of_time_in_days_is_a_trigger_as_one_in_months_is():
    c = only_change("不得收取时间跨度超过三个月的费用。", "不得收取时间跨度超过六十日的费用。")
    assert (c.old.unit, c.new.unit, c.change) == ("个月", "日", "tightened")


def test_a_count_between_two_bounds_is_one_range():
    [t] = provisions_of("业主委员会委员人数应当为五人以上十一人以下的单数。")
    assert (t.comparator, t.value, t.value_max, t.indicator) == ("range", Decimal(5), Decimal(11), "业主委员会委员人数应当为")


def test_a_staffing_floor_in_an_item_needs_only_its_bound():
    c = only_change("（一）为能力完好老年人提供服务的，不低于一比二十；", "（一）为能力完好老年人提供服务的，不低于一比十五；")
    assert (c.change, c.new.role) == ("tightened", "floor")


def test_livestock_counted_by_head_trigger_a_duty():
    c = only_change("肉牛年出栏一千头以上的养殖场，应当编制环境影响报告书。", "肉牛年出栏五百头以上的养殖场，应当编制环境影响报告书。")
    assert (c.change, c.new.unit) == ("tightened", "头")


def test_a_sample_kept_for_hours_is_a_floor_however_it_is_written():
    assert only_change_or_none("每餐次的食品成品应当留样，留样时间不少于48小时。", "每餐次的食品成品应当留样，留样时间不少于48小时。") is None
    [t] = provisions_of("食品成品应当留样48小时以上。")
    assert (t.role, t.value, t.unit) == ("floor", Decimal(48), "小时")


def test_years_of_experience_named_after_a_long_description_are_a_qualification():
    [t] = provisions_of("负责实施美容外科项目的应具有6年以上从事美容外科或整形外科等相关专业临床工作经历。")
    assert (t.role, t.value) == ("qualification", Decimal(6))
