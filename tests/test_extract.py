"""Target extraction on single sentences.

The sentences are copied from the seed documents with the cleaning applied by
hand (spaces the PDF scrape left inside words removed, Chinese punctuation
full-width), so each test pins one form the extractor must read the way the
gold annotation rules say. Forms no seed uses (百分之…, 截至…, 预计…) are
written in the seeds' own style and say so.
"""
from __future__ import annotations

from decimal import Decimal

import pytest

from tracker.extract import extract_from_text
from tracker.extract.deadlines import find_dates
from tracker.extract.numbers import parse_number


def targets(text: str, clause: str = "x"):
    return extract_from_text(text, clause)


def only(text: str):
    found = targets(text)
    assert len(found) == 1, [t.text for t in found]
    return found[0]


def quantities(text: str):
    return [t for t in targets(text) if t.kind == "quantity"]


# ------------------------------------------------------------------ numbers


@pytest.mark.parametrize(
    ("written", "value"),
    [("75", "75"), ("1.5", "1.5"), ("3000", "3000"), ("3,000", "3000"), ("2万", "20000"), ("3000万", "30000000"),
     ("1.5万", "15000"), ("一万", "10000"), ("两", "2"), ("十五", "15"), ("两千", "2000"), ("二", "2")],
)
def test_numbers_are_read_exactly_in_every_written_form(written, value):
    result = parse_number(written)
    assert isinstance(result, Decimal)
    assert result == Decimal(value)
    assert str(result) == value  # no 1.5E+4, no 15000.0


def test_values_are_decimals_never_floats():
    t = only("严格按照人均用地不少于0.1平方米的标准分区分级规划设置社区养老服务设施。")
    assert t.value == Decimal("0.1") and isinstance(t.value, Decimal)


def test_scale_word_multiplies_the_value_and_leaves_the_unit():
    t = only("符合条件的养老服务类小微企业，可按规定申请稳岗扩岗专项贷款，单户授信额度最高3000万元。")
    assert (t.value, t.unit, t.comparator) == (Decimal(30000000), "元", "<=")


def test_wan_with_a_measure_word_is_counted_in_that_measure():
    t = only("到2027年年底，全省家庭养老床位总量达到2万张左右。")
    assert (t.value, t.unit, t.comparator, t.deadline) == (Decimal(20000), "张", "~", "2027-12-31")


def test_chinese_numeral_before_a_measure_word_is_a_count():
    t = only("到2021年力争所有街道至少建有一个具备综合功能的社区养老服务机构。")
    assert (t.value, t.unit, t.comparator, t.per) == (1, "个", ">=", None)


def test_percentage_written_out_in_words():
    # Not in the seeds: 百分之七十五 is how older documents write 75%.
    t = only("到2029年年底，全省养老机构护理型床位占比达到百分之七十五以上。")
    assert (t.value, t.unit, t.comparator) == (75, "%", ">=")


def test_full_width_percent_sign_is_the_same_unit():
    assert only("县级公办养老机构建有率达到100％。").unit == "%"


# -------------------------------------------------------------- comparators


@pytest.mark.parametrize(
    ("sentence", "comparator", "value"),
    [
        ("到2029年年底，全省养老机构护理型床位占比达到75%以上。", ">=", 75),
        ("2025年底前，养老机构护理员持证上岗率不低于90%。", ">=", 90),
        ("2029年底前建成家庭养老床位不少于1万张。", ">=", 10000),
        ("省级至少培育1家以普惠养老为主业或具有康养业务的省属国有企业。", ">=", 1),
        ("2027年底前，培育社区嵌入式、分布式、小型化养老服务机构20家以上。", ">=", 20),
        ("给予原则上不超过4%的优惠贷款利率。", "<=", 4),
        ("单户授信额度最高3000万元。", "<=", 30000000),
        ("可在5年内实行继续按土地原用途和权利类型适用过渡期政策。", "<=", 5),
        ("农村原则上按照每个区域性幸福养老服务中心服务覆盖辖区常住老年人口1万人左右的标准因地制宜设置。", "~", 10000),
        ("到2025年护理型床位占比达到55%。", "=", 55),
        ("2029年底前全区养老机构护理型床位比例达70%。", "=", 70),
        ("到2022年配建的养老服务设施达标率为100%。", "=", 100),
        ("遴选50家省、市级公办养老机构或四星级以上优质民办养老机构。", "=", 50),
        ("争取2027年底前建成服务站点90个。", "=", 90),
    ],
)
def test_comparator_comes_from_the_words_around_the_number(sentence, comparator, value):
    t = quantities(sentence)[0]
    assert (t.comparator, t.value) == (comparator, value)


def test_words_after_the_number_override_the_verb_before_it():
    t = only("到2027年年底，每个县（市、区）至少引进或培育2家以上品牌龙头养老服务机构（企业）。")
    assert (t.comparator, t.value, t.unit) == (">=", 2, "家")


@pytest.mark.parametrize("sep", ["至", "-", "～"])
def test_a_to_b_is_a_range_with_both_bounds(sep):
    t = only(f"新建住宅小区每百户20{sep}30平方米配套建设社区居家养老服务用房。")
    assert (t.comparator, t.value, t.value_max, t.unit, t.per) == ("range", 20, 30, "平方米", "每百户")


def test_star_level_after_a_requirement_verb_is_the_target():
    t = only("到2027年年底，全省公办养老机构全部达到二星级以上等级评定标准。")
    assert (t.value, t.unit, t.comparator, t.deadline) == (2, "星级", ">=", "2027-12-31")


# ------------------------------------------------------------------- per


def test_per_phrase_is_kept_as_written_with_full_width_parentheses():
    t = only("在2027年年底前，实现每个县(市、区)建有1个综合养老服务管理平台。")
    assert t.per == "每个县（市、区）"


@pytest.mark.parametrize(
    ("sentence", "per"),
    [
        ("城市按照每个街道至少建有1处区域性幸福养老服务中心设置。", "每个街道"),
        ("农村原则上按照每个区域性幸福养老服务中心服务覆盖辖区常住老年人口1万人左右的标准因地制宜设置。",
         "每个区域性幸福养老服务中心"),
        ("对具有友谊县户籍，年龄在80（含）至89周岁的经济收入正常的老年人每人每年发放不低于300元高龄津贴。", "每人每年"),
        ("每年为辖区内65周岁及以上常住居民提供1次生活方式和健康状况评估。", "每年"),
        ("严格按照人均用地不少于0.1平方米的标准分区分级规划设置社区养老服务设施。", "人均"),
    ],
)
def test_per_is_the_explicit_denominator(sentence, per):
    assert quantities(sentence)[0].per == per


def test_no_per_without_a_mei_phrase_even_when_the_meaning_is_per_unit():
    t = only("2025年底前，力争各区市、开发区分别打造不少于2处符合国家标准的示范性老年友好型社区。")
    assert t.per is None and t.modality == "strive"


def test_several_amounts_in_one_sentence_are_separate_targets_each_with_its_per():
    found = quantities("补贴标准为：低保家庭失能老年人每人每月150元、半失能老年人每人每月100元；"
                       "低保边缘家庭失能老年人每人每月100元、半失能老年人每人每月50元。")
    assert [t.value for t in found] == [150, 100, 100, 50]
    assert {t.per for t in found} == {"每人每月"} and {t.comparator for t in found} == {"="}
    assert found[1].text == "半失能老年人每人每月100元"


def test_two_counts_joined_by_he_are_two_targets_with_the_fronted_date():
    found = quantities("到2027年年底，城市社区家门口的幸福养老服务驿站布局实现全覆盖；"
                       "村家门口的幸福养老服务驿站率先在全省100个精品村（场）和1000个示范村（场）以及有需要的边境抵边村布局。")
    assert [(t.value, t.unit, t.deadline) for t in found] == [(100, "个", "2027-12-31"), (1000, "个", "2027-12-31")]


# --------------------------------------------------------------- not targets


@pytest.mark.parametrize(
    "sentence",
    [
        "为深入贯彻落实《关于推进基本养老服务体系建设的意见》（中办发〔2022〕42号）文件精神。",
        "深入贯彻党的二十大和二十届二中、三中全会精神。",
        "65周岁以上的老年人免费乘坐公共汽车等城市公共交通工具，60周岁（含）至65周岁的老年人享受半价优惠。",
        "利用建筑面积1000平方米以下独栋建筑改造为养老服务设施的，可不再出具近期动迁计划说明。",
        "到2027年，建成一批示范性养老服务网络。",
        "“十四五”时期，重点聚焦老年人面临家庭和个人难以应对的失能、残疾等困难。",
        "在中心城区打造“15分钟养老服务圈”。",
        "在城市以社区养老服务设施为基础，建设15分钟“助老生活圈”。",
        "依据民政部等9部门印发的《老年人居家适老化改造项目和老年用品配置推荐清单》。",
        "将养老护理员培训作为《七台河职业技能提升行动实施方案（2019-2021年）》重要内容。",
        "对符合条件的给予一次性奖补。",
        "一人有限责任公司的股东不能证明公司财产独立于股东自己的财产的，应当对公司债务承担连带责任。",
        "黑龙江省老龄工作委员会2025年4月2日",
    ],
)
def test_numbers_that_name_define_or_date_something_are_not_quantities(sentence):
    assert quantities(sentence) == []


def test_threshold_that_only_defines_the_group_is_not_a_target_but_the_share_is():
    t = only("到2025年，评定为二级以上的县级公办养老机构均达到50%。")
    assert (t.value, t.unit) == (50, "%")


def test_background_figures_are_not_targets():
    # Not in the seeds: the usual 截至 opening of a document's situation section.
    assert targets("截至2024年底，全省已建成养老机构500家，床位3万张。") == []


def test_forecasts_are_not_targets():
    # Not in the seeds: a 预计 sentence of a plan's background section.
    assert targets("预计到2030年，全省60周岁及以上老年人口将达到1200万人。") == []


def test_a_new_dated_goal_after_a_background_figure_is_a_target():
    found = targets("截至2024年底，全省已建成养老机构500家，到2027年达到800家。")
    assert [(t.value, t.deadline) for t in found] == [(800, "2027-12-31")]


def test_starting_level_of_a_change_is_not_a_target():
    found = quantities("护理型床位占比从2020年的30%提高到2025年的55%。")
    assert [(t.value, t.deadline) for t in found] == [(55, "2025-12-31")]


# ---------------------------------------------------------------- deadlines


@pytest.mark.parametrize(
    ("written", "iso"),
    [("到2027年年底", "2027-12-31"), ("2025年底前", "2025-12-31"), ("在2027年年底前", "2027-12-31"),
     ("到2029年", "2029-12-31"), ("2020-2022年分三年", "2022-12-31"), ("2020年和2021年分两年", "2021-12-31"),
     ("到2025年6月底前", "2025-06-30")],
)
def test_deadline_forms_are_read_as_the_end_of_their_period(written, iso):
    dates = [d for d in find_dates(written + "完成建设任务。") if d.deadline]
    assert [d.iso for d in dates] == [iso]


def test_fronted_date_governs_every_number_after_it_in_the_sentence():
    found = targets("到2029年年底，全省养老机构护理型床位占比达到75%以上，"
                    "县级公办养老机构失能照护专区和认知障碍照护专区建有率达到100%。")
    assert [(t.value, t.deadline) for t in found] == [(75, "2029-12-31"), (100, "2029-12-31")]


def test_date_in_another_sentence_does_not_carry_over():
    found = targets("在2027年年底前，实现每个县（市、区）建有1个综合养老服务管理平台。"
                    "加快推动优质养老服务资源下沉，遴选50家省、市级公办养老机构或四星级以上优质民办养老机构。")
    assert [(t.value, t.deadline) for t in found] == [(1, "2027-12-31"), (50, None)]


def test_trailing_coverage_phrase_gives_its_date_to_the_standard_and_is_not_recorded_again():
    found = targets("城市按照每个街道至少建有1处区域性幸福养老服务中心设置，到2027年年底前实现设施布局建设全覆盖；"
                    "农村原则上按照每个区域性幸福养老服务中心服务覆盖辖区常住老年人口1万人左右的标准因地制宜设置，"
                    "林区、边境地区可考虑服务半径等因素适当增设，到2029年年底基本实现服务全覆盖。")
    assert [(t.kind, t.value, t.deadline, t.modality) for t in found] == [
        ("quantity", 1, "2027-12-31", "must"), ("quantity", 10000, "2029-12-31", "strive")]


def test_date_that_brings_its_own_number_stays_with_it():
    found = targets("对新建住宅小区按每百户20至30平方米配套建设社区居家养老服务用房，对具备条件的已建成小区按每百户"
                    "15至20平方米的标准，通过政府回购、租赁、改造或开发商补齐等方式因地制宜补足养老服务设施，"
                    "到2022年配建的养老服务设施达标率为100%。")
    assert [(t.value, t.deadline) for t in found] == [(20, None), (15, None), (100, "2022-12-31")]


def test_dated_commitment_without_a_number_is_a_deadline_target():
    t = only("2025年底前，出台失能失智老年人照护服务措施。")
    assert (t.kind, t.deadline, t.value, t.comparator, t.unit) == ("deadline", "2025-12-31", None, None, None)


def test_dated_overall_goals_are_one_deadline_target_per_date():
    found = targets("主要目标是：到2027年，建成一批示范性养老服务网络，培育一批品牌化、专业化、连锁化市场运营主体；"
                    "到2029年，养老服务网络基本建成，服务能力和水平显著增强；到2035年，养老服务网络更加健全。")
    assert [(t.kind, t.deadline, t.modality) for t in found] == [
        ("deadline", "2027-12-31", "must"), ("deadline", "2029-12-31", "strive"), ("deadline", "2035-12-31", "must")]


def test_full_coverage_without_a_rate_is_a_deadline_not_100_percent():
    t = only("逐步将覆盖范围扩大到城乡居民，2025年底前实现城乡居民长期护理保险全覆盖。")
    assert (t.kind, t.deadline) == ("deadline", "2025-12-31")


def test_undated_full_coverage_is_not_a_target():
    assert targets("在城市以社区养老服务设施为基础，实现城市主城区助老服务全覆盖。") == []


def test_completion_line_of_a_responsibility_bracket_is_a_deadline_target():
    t = only("〔责任单位：县民政局、县发改局；完成时限：2025年基本建成〕")
    assert (t.kind, t.deadline, t.modality, t.text) == ("deadline", "2025-12-31", "strive", "完成时限：2025年基本建成")


def test_ongoing_completion_line_is_not_a_target():
    assert targets("〔责任单位：县民政局、县财政局；完成时限：持续推进〕") == []


def test_span_of_years_governs_the_yearly_rate_in_its_clause():
    found = quantities("2020-2022年分三年完成城市社区居家养老服务站建设任务，每年完成比例不低于城市社区总数33%。")
    assert [(t.value, t.per, t.comparator, t.deadline) for t in found] == [(33, "每年", ">=", "2022-12-31")]


# ----------------------------------------------------------------- modality


@pytest.mark.parametrize(
    ("sentence", "modality"),
    [
        ("确保《养老机构服务质量基本规范》《养老机构服务安全基本规范》达标率达到100%。", "must"),
        ("推动“智慧消防”“智慧燃气”“互联网+明厨亮灶”覆盖率达到100%。", "must"),
        ("支持社区服务设施设置康复辅具体验租赁点，争取2027年底前建成服务站点90个。", "strive"),
        ("给予原则上不超过4%的优惠贷款利率。", "strive"),
        ("鼓励利用仓储存量房屋及社区用房等设立养老服务机构，所使用存量房屋在符合详细规划且不改变用地主体的条件下，"
         "可在5年内实行继续按土地原用途和权利类型适用过渡期政策。", "encourage"),
        ("鼓励国有企业按市场化原则积极参与养老服务，采取多元化方式盘活具备开展养老服务条件的资产，"
         "省级至少培育1家以普惠养老为主业或具有康养业务的省属国有企业。", "must"),
        ("支持适老住宅建设和引导家庭开展适老化改造，2029年底前完成适老化改造不少于1万户。", "must"),
    ],
)
def test_modality_comes_from_the_nearest_cue_and_encouragement_only_covers_what_is_encouraged(sentence, modality):
    assert quantities(sentence)[0].modality == modality


def test_jiben_as_part_of_a_noun_is_not_strive():
    t = only("到2025年建立起全覆盖、全方位、全过程的基本养老服务综合监管格局。")
    assert t.modality == "must"


# --------------------------------------------------------------------- text


def test_text_is_an_exact_substring_holding_number_unit_comparator_and_adjacent_date():
    sentence = "着力加强残疾、失能老年人照护服务，到2029年年底，全省养老机构护理型床位占比达到75%以上，县级公办养老机构建有率达到100%。"
    for t in targets(sentence):
        assert sentence[t.start:t.start + len(t.text)] == t.text
    assert targets(sentence)[0].text == "到2029年年底，全省养老机构护理型床位占比达到75%以上"


def test_indicator_table_rows_are_read_by_column():
    # Not in the seeds: the 主要指标 table of a 十四五 plan, as readers render tables.
    table = ("| 指标 | 单位 | 2020年 | 2025年 | 属性 |\n"
             "| 养老机构护理型床位占比 | % | 35 | 55 | 约束性 |\n"
             "| 家庭养老床位（万张） | | 0.5 | 2 | 预期性 |")
    found = targets(table)
    assert [(t.indicator, t.value, t.unit, t.deadline, t.modality) for t in found] == [
        ("养老机构护理型床位占比", 55, "%", "2025-12-31", "must"), ("家庭养老床位", 20000, "张", "2025-12-31", "strive")]
    for t in found:
        assert table[t.start:t.start + len(t.text)] == t.text


def test_a_year_before_the_document_date_is_history_not_a_deadline():
    # Not in the seeds: a plan's review of the past year before its new goal.
    found = extract_from_text("2019年，全市新增养老床位2000张。到2025年，护理型床位占比达到55%。", "x", issued="2020-11-04")
    assert [(t.value, t.deadline) for t in found] == [(55, "2025-12-31")]


def test_per_bed_and_per_square_metre_subsidies_keep_their_denominator():
    # Not in the seeds: construction subsidies as provincial measures write them.
    found = quantities("对新建养老机构按每张床位1万元给予一次性建设补贴，补助标准为每平方米800元。")
    assert [(t.value, t.unit, t.per) for t in found] == [(10000, "元", "每张床位"), (800, "元", "每平方米")]


# ------------------------------------------------- forms of the held-out set
# Written for issue 3 in the style of national and provincial plans; none is a
# held-out sentence, so these pin the rules and the held-out set measures them.


@pytest.mark.parametrize(
    ("sentence", "deadline"),
    [
        ("二〇二六年底前，全省养老机构护理型床位占比达到60%。", "2026-12-31"),
        ("力争二〇二八年年底前，城市社区养老服务设施覆盖率达到95%。", "2028-12-31"),
        ("到“十四五”末，全省家庭养老床位达到3万张。", "2025-12-31"),
        ("“十五五”期间，全区每年新增护理型床位500张。", "2030-12-31"),
        ("十三五末，全市社区日间照料中心覆盖率达到80%。", "2020-12-31"),
    ],
)
def test_years_in_numeral_characters_and_plan_periods_are_deadlines(sentence, deadline):
    assert quantities(sentence)[0].deadline == deadline


def test_a_plan_period_alone_frames_the_text_and_is_no_deadline_target():
    assert targets("“十四五”时期，重点聚焦失能老年人的照护需求。") == []


def test_a_plan_name_in_a_title_is_no_date():
    assert targets("认真落实《“十四五”国家老龄事业发展和养老服务体系规划》。") == []


@pytest.mark.parametrize(
    ("sentence", "value", "unit", "comparator"),
    [
        ("养老机构年度安全事故率控制在千分之三以内。", 3, "‰", "<="),
        ("公办养老机构用于失能老年人的床位不低于三分之二。", Decimal("66.67"), "%", ">="),
        ("社区养老服务设施社会化运营比例达到七成以上。", 70, "%", ">="),
        ("到2035年，全省银发经济规模翻两番。", 4, "倍", "="),
    ],
)
def test_fractions_and_multiples_written_as_words(sentence, value, unit, comparator):
    t = only(sentence)
    assert (t.value, t.unit, t.comparator) == (value, unit, comparator)


def test_cheng_inside_a_verb_is_no_fraction():
    assert quantities("到2025年，全面建成覆盖城乡的养老服务网络。") == []


def test_de_chao_guo_is_an_upper_bound_also_for_durations():
    t = only("养老机构一次性收取的服务费用不得超过6个月的标准。")
    assert (t.value, t.unit, t.comparator) == (6, "个月", "<=")


def test_a_scale_word_and_its_unit_leave_the_next_character_alone():
    t = only("市级财政安排2.5亿元支持农村养老服务设施建设。")
    assert (t.value, t.unit) == (Decimal(250000000), "元")


def test_a_grade_outside_a_requirement_names_a_class():
    found = quantities("对新评定为三星级、四星级的养老机构，分别给予10万元、15万元奖励。")
    assert [(t.value, t.unit) for t in found] == [(100000, "元"), (150000, "元")]


@pytest.mark.parametrize(
    "sentence",
    ["全县户籍人口32.6万人，其中60周岁以上老年人口8.1万人。",
     "全区老年人口中失能老年人占比约为8%。",
     "65周岁以上老年人口占总人口的16.2%。"],
)
def test_population_figures_describe_the_place_and_are_not_targets(sentence):
    assert quantities(sentence) == []


def test_a_service_reaching_a_population_is_a_target():
    t = only("家庭医生签约服务覆盖农村老年人口5万人以上。")
    assert (t.value, t.unit, t.comparator) == (50000, "人", ">=")


def test_xian_you_inside_shi_xian_you_is_no_background_cue():
    t = only("到2026年，实现有需求的失能老年人照护服务覆盖率达到90%。")
    assert (t.value, t.deadline) == (90, "2026-12-31")


def test_percentage_followed_by_yishang_de_after_a_verb_is_the_target():
    t = only("社区助餐服务覆盖70%以上的城市社区。")
    assert (t.value, t.comparator) == (70, ">=")


@pytest.mark.parametrize(
    ("sentence", "per"),
    [("老年人能力评估补贴每人次150元。", "每人次"),
     ("每个试点项目补助不超过50万元。", "每个试点项目"),
     ("每名养老护理员每年培训不少于40学时，岗位补贴每月不低于300元。", "每月")],
)
def test_more_explicit_denominators(sentence, per):
    assert quantities(sentence)[-1].per == per


# ------------------------------------------------------- indicator and scope


@pytest.mark.parametrize(
    ("sentence", "indicator", "scope"),
    [
        ("到2030年，全省养老机构护理型床位占比达到80%以上。", "护理型床位占比", "全省养老机构"),
        ("县级公办养老机构失能照护床位占比不低于60%。", "失能照护床位占比", "县级公办养老机构"),
        ("对城市老旧小区按每百户不少于15平方米的标准补建养老服务用房。", "养老服务用房", "城市老旧小区"),
        ("对经济困难的失能老年人每人每月发放护理补贴200元。", "护理补贴", "经济困难的失能老年人"),
        ("给予原则上不超过3.5%的贴息贷款利率。", "贴息贷款利率", None),
        ("全市社区老年助餐点数量稳定在300个左右。", "社区老年助餐点数量", "全市"),
        ("省级财政安排养老服务体系建设资金2亿元。", "养老服务体系建设资金", "省级财政"),
    ],
)
def test_indicator_names_the_measure_and_scope_says_where(sentence, indicator, scope):
    t = quantities(sentence)[0]
    assert (t.indicator, t.scope) == (indicator, scope)


def test_an_elliptic_phrase_measures_what_the_number_before_it_measured():
    found = quantities("到2027年，城市社区助餐服务覆盖率达到95%以上，农村达到70%以上。")
    assert [(t.indicator, t.scope) for t in found] == [("助餐服务覆盖率", "城市社区"), ("助餐服务覆盖率", "农村")]


def test_a_baseline_and_dates_do_not_hide_the_name_of_the_measure():
    t = only("老年人健康管理率从2022年的60%提高到2026年的75%。")
    assert (t.indicator, t.value, t.deadline) == ("老年人健康管理率", 75, "2026-12-31")


@pytest.mark.parametrize(
    "sentence",
    ["到2027年，市本级和各县均建有以失能特困人员照护为主的县级特困人员供养服务设施（敬老院）。",
     "完成时限：2026年基本建成。",
     "2025年底前，力争全部乡镇（街道）建成区域养老服务中心，确保有意愿的特困人员集中供养率达到100%。"],
)
def test_indicators_are_fragments_of_no_sentence_punctuation_nor_open_brackets(sentence):
    for t in targets(sentence):
        if t.indicator:
            assert not set(t.indicator) & set("，。；：〔〕") and t.indicator.count("（") == t.indicator.count("）")
            assert "".join(t.indicator.split()) in "".join(sentence.split())


# ------------------------------------------------- thresholds: standard or group


@pytest.mark.parametrize(
    ("text", "value"),
    [("农村按照常住老年人口1万人以上的标准因地制宜设置区域养老服务中心。", 10000),
     ("乡镇区域养老服务中心按照服务常住老年人口5000人以上的规模设置。", 5000)],
)
def test_a_threshold_before_a_standard_noun_is_the_requirement(text, value):
    t = only(text)
    assert (t.comparator, t.value, t.unit) == (">=", value, "人")


@pytest.mark.parametrize(
    "text",
    ["对入住率达到60%以上的养老机构给予运营补贴。", "床位数在100张以上的养老机构应当设置医务室。",
     "对80周岁以上的老年人发放高龄津贴。"],
)
def test_a_threshold_before_a_group_noun_only_picks_out_the_group(text):
    assert targets(text) == []


# ----------------------------------------------------- 力争 governs a verb cue


@pytest.mark.parametrize(
    ("text", "modality"),
    [("力争推动“智慧消防”“智慧燃气”覆盖率达到100%。", "strive"),
     ("力争推进智慧养老，推动平台覆盖率达到100%。", "strive"),
     ("争取2027年底前建成服务站点90个。", "strive"),
     ("到2027年，力争农村互助养老服务设施覆盖率达到60%，确保特困人员集中供养率不低于40%。", None),
     ("力争建成平台，要推动覆盖率达到100%。", "must"),
     ("推动覆盖率达到100%。", "must")],
)
def test_a_modal_word_at_the_head_of_the_clause_governs_the_verb_cue_tuidong(text, modality):
    found = quantities(text)
    if modality is None:  # two numbers: 力争 governs the first, the nearer 确保 the second
        assert [t.modality for t in found] == ["strive", "must"]
    else:
        assert [t.modality for t in found] == [modality]


# ------------------------------------------------------- labels, not fragments


@pytest.mark.parametrize(
    ("text", "scope"),
    [("已建成小区要按每百户15至20平方米的标准调剂解决。", "已建成小区"),
     ("对具备条件的已建成小区按每百户15至20平方米的标准改造。", "具备条件的已建成小区")],
)
def test_who_applies_a_standard_is_the_scope_and_how_is_no_indicator(text, scope):
    t = only(text)
    assert t.scope == scope
    assert t.indicator is None or ("按" not in t.indicator and "调剂" not in t.indicator and t.indicator != "已")


def test_modal_words_do_not_end_an_indicator():
    assert only("2022年社区日间照料机构覆盖率力争达到90%以上。").indicator == "覆盖率"


def test_a_completion_line_is_labelled_by_its_clause_title():
    (t,) = extract_from_text("〔责任单位：县民政局；完成时限：2025年基本建成〕", "19", title="加快补齐配建养老服务设施短板。")
    assert (t.kind, t.deadline, t.modality, t.indicator) == ("deadline", "2025-12-31", "strive", "配建养老服务设施基本建成")
    (t,) = extract_from_text("〔责任单位：县民政局；完成时限：2026年6月底前〕", "5", title="推进特殊困难老年人居家适老化改造。")
    assert (t.deadline, t.indicator) == ("2026-06-30", "特殊困难老年人居家适老化改造")


def test_an_undated_completion_line_is_no_target():
    assert extract_from_text("〔责任单位：县民政局；完成时限：持续推进〕", "4", title="开展能力评估。") == []


def test_yue_inside_a_word_is_not_approximately():
    """签约服务率达到100% is a plain target; only 约 right before the number means 左右."""
    from tracker.extract import extract_from_text

    [signed] = extract_from_text("家庭医生签约服务率达到100%。", "x")
    assert signed.comparator == "="
    [about] = extract_from_text("养老机构约占60%。", "x")
    assert about.comparator == "~"


def test_per_meal_is_part_of_the_denominator():
    from tracker.extract import extract_from_text

    [meal] = extract_from_text("每人每餐补助不低于3元。", "x")
    assert meal.per == "每人每餐" and meal.comparator == ">=" and meal.unit == "元"


def test_an_inline_item_number_is_not_part_of_the_indicator():
    from tracker.extract import extract_from_text

    found = extract_from_text("主要任务：（1）新增养老服务设施120个；（2）新增社区食堂不少于30个。②新建公共停车位200个。", "x")
    assert all(not t.indicator.startswith(("（", "②")) for t in found)
    assert [t.value for t in found] == [120, 30, 200]


def test_for_each_one_set_up_names_what_an_amount_is_counted_per_not_a_quantity():
    found = extract_from_text("每设立一个分支机构，增加保证金20万元。", "x")
    assert [(t.value, t.unit) for t in found] == [(Decimal(200000), "元")]


def test_a_text_without_any_figure_character_is_not_read_but_every_way_of_writing_a_figure_is():
    """Sentence reading is skipped for a text with no digit, numeral word or 翻 (most clauses):
    each form a target or a date can take still carries one of those characters and is read."""
    from tracker.extract.extract import _FIGURE_CHAR_RE, extract_from_text

    assert extract_from_text("加强组织领导，压实工作责任，确保各项任务落到实处。", "一") == []
    written = {
        "到２０２５年，护理型床位占比达到６０％。": "60",  # full-width digits
        "到二〇二五年底，建成养老服务中心。": None,  # a year in numeral words
        "“十四五”期末，养老服务网络基本建成。": None,  # a plan period
        "全县养老床位数翻番。": "2",
        "护理型床位占比不低于百分之六十。": "60",
    }
    for text, value in written.items():
        assert _FIGURE_CHAR_RE.search(text), text
        targets = extract_from_text(text, "一")
        assert targets, text
        if value is not None:
            assert any(t.value is not None and str(t.value) == value for t in targets), (text, targets)


def test_a_chinese_numeral_with_decimals_is_read_whole():
    (t,) = extract_from_text("研究开发经费应当占生产总值的百分之二点五以上。", "x")
    assert (t.comparator, t.value, t.unit) == (">=", Decimal("2.5"), "%")


def _top_level_alternatives(pattern: str) -> list[str]:
    """A regex split at its top-level ``|`` (not inside groups or classes)."""
    out, depth, start, k, in_class = [], 0, 0, 0, False
    while k < len(pattern):
        ch = pattern[k]
        if ch == "\\":
            k += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            out.append(pattern[start:k])
            start = k + 1
        k += 1
    return out + [pattern[start:]]


def test_the_words_that_let_a_phrase_skip_the_background_patterns_are_in_every_match_of_them():
    """_is_background skips its full patterns when a phrase lacks these words: that is only
    right while every alternative of the patterns requires one of them."""
    from tracker.extract import cues
    from tracker.extract.extract import _DONE_WORDS, _POPULATION_WORD

    for alternative in _top_level_alternatives(cues.BACKGROUND_DONE):
        assert any(word in alternative.split("(?=")[0] for word in _DONE_WORDS), alternative
    required = cues.POPULATION_SUBJECT.split(")?", 1)[1]  # after the optional 老年|常住… prefix
    assert all(_POPULATION_WORD in word for word in required.split("(?!")[0].strip("(?:)").split("|")), required


def test_the_quantity_scan_finds_what_the_unanchored_pattern_finds_on_every_corpus_text():
    """QUANTITY_RE checks a quantity's possible first characters before its alternatives:
    a pure speed-up, so its matches must be exactly the bare pattern's, groups and all."""
    import re
    from pathlib import Path

    from tracker.extract.extract import _QUANTITY, QUANTITY_RE

    root = Path(__file__).resolve().parent.parent
    texts = [p.read_bytes().decode("utf-8", "replace") for folder in ("examples", "benchmarks/unseen", "benchmarks/laws/texts")
             for p in sorted((root / folder).rglob("*.txt"))]
    texts.append("百分之七十五、千分之五、三分之二、三成以上、翻两番、２０２５年、十五至二十个、1,000至2,000元（含）")
    assert len(texts) > 20
    bare = re.compile(_QUANTITY)
    for text in texts:
        assert [(m.span(), m.groupdict()) for m in QUANTITY_RE.finditer(text)] == \
               [(m.span(), m.groupdict()) for m in bare.finditer(text)]


def test_a_duration_floor_written_buxiaoyu_or_budiyu_is_read_alike():
    for sentence in ("学校应当保证学生每天校内体育活动时间不少于一小时。", "学校应当保证学生每天校内体育活动时间不低于一小时。"):
        (t,) = targets(sentence)
        assert (t.comparator, t.value, t.unit, t.per) == (">=", 1, "小时", "每天")


def test_a_date_written_in_numeral_characters_reads_to_the_day():
    (d,) = find_dates("本办法自二〇二六年一月一日起施行。")
    assert (d.iso, d.start, d.end) == ("2026-01-01", 4, 13)
    (d,) = find_dates("二〇二五年十二月三十一日前完成改造。")
    assert d.iso == "2025-12-31"
