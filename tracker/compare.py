"""Target pairing and judgement, and the whole ``diff`` assembled into a DiffResult.

Targets of paired clauses are paired first; what is left is looked for in the
whole other document (a target that moved to another clause is not "dropped"
plus "added").  Each pair is then judged dimension by dimension against the
contract's rules (value, comparator, deadline, modality, unit, per, scope);
the rules are the tables below, the code only walks them.
"""
from __future__ import annotations

import bisect

import re
from dataclasses import dataclass, field, replace
from itertools import accumulate
from functools import cached_property, lru_cache
from decimal import Decimal

from tracker.align import Alignment
from tracker.cues import (
    AREA_NAMES, DURATION_DAYS, MODALITIES, PROVISION_EFFECTS, ROLE_CROSSINGS, ROLE_KIN, ROLE_RULES, SAME_DURATION,
    UNDIRECTED_ROLES, RoleRule,
)
from tracker.errors import TrackerError
from tracker.extract import cues as extract_cues
from tracker.extract.cues import COMPARATOR_AFTER, COMPARATOR_BEFORE, RANGE_SEPARATORS
from tracker.extract.numbers import NUMBER, parse_number, plain
from tracker.model import (
    TARGET_LABELS,
    Clause,
    ClauseChange,
    DiffResult,
    DocRef,
    Document,
    Responsibility,
    Target,
    TargetChange,
)
from tracker.normalise import masked, normalise, similarity
from tracker.words import BOUND_KIND_ZH, PEGGED_WORDS, bound_zh, date_zh, fmt_value, pegged, value_zh

# ------------------------------------------------------------ rules as data

# +1: a higher value is stricter; -1: a lower value is stricter (contract).
VALUE_DIRECTION: dict[str, int] = {">=": 1, ">": 1, "=": 1, "~": 1, "range": 1, "<=": -1, "<": -1}
# How hard a bound is; a harder bound in the same direction is stricter ("~"/"range" → hard bound).
COMPARATOR_HARDNESS: dict[str, int] = {"~": 0, "range": 0, "=": 1, ">=": 1, "<=": 1, ">": 2, "<": 2}
# Comparators that only bound from one side; switching between the sides has no direction.
COMPARATOR_SIDE: dict[str, int] = {">=": 1, ">": 1, "<=": -1, "<": -1}

# Indicator words that mean the same measure; the first spelling is canonical.
INDICATOR_SYNONYMS: list[tuple[str, ...]] = [
    ("占比", "比例", "比重", "所占比例", "占比率"),
    ("覆盖率", "覆盖面"),
    ("总量", "总数", "数量", "规模"),
    ("床位", "床"),
    ("养老机构", "养老服务机构"),
    ("老年人", "老人"),
]
# Words every elderly-care indicator shares; two indicators must also agree once these are set aside.
INDICATOR_COMMON_WORDS: tuple[str, ...] = (
    "养老服务", "养老", "服务", "基本", "建成", "实现", "完成", "全面", "进一步", "建立", "健全", "完善", "体系",
)
# Modal and function words that are no part of a measure's name: "覆盖率要达到" gives the measure 覆盖率,
# and an "indicator" of these words alone (已, 要按) names no measure at all.
INDICATOR_NOISE_WORDS: tuple[str, ...] = ("力争", "争取", "确保", "必须", "应当", "要", "将", "已", "按")
UNIT_ALIASES: dict[str, str] = {"平米": "平方米", "㎡": "平方米", "m2": "平方米", "间": "个", "座": "个", "元/人": "元"}
# Units that are already rates or per-item measures: comparable between a parent and its implementer.
RATE_UNITS: frozenset[str] = frozenset({"%", "‰", "‱", "星级", "年", "岁", "周岁", "天", "小时", "分钟"})
# Words that make a figure per-unit even when the extractor left ``per`` empty (a service radius is
# measured from each site, not summed over an area; 最高/最低 and 额度 bound each item — a loan, a
# subsidy — not an area's sum: 创业担保贷款最高额度400万元).
PER_MARKERS: tuple[str, ...] = ("每", "平均", "分别", "各", "半径", "最高", "最低", "额度")
# The same, as word forms: a measure word after 单 (单套建筑面积, 单户, 单个) or before 均 (亩均投入,
# 人均, 户均, 生均) makes the figure one item's or one unit's.
PER_MARKER_FORMS: tuple[str, ...] = (r"单[套户个间所家张人次件项笔座床]", r"[人户亩床生校村座间套个家所]均")
_PER_MARKER = re.compile("|".join(PER_MARKER_FORMS + tuple(re.escape(w) for w in PER_MARKERS)))
# Denominators of time only: they spread an area's figure over the years, they do not make it a rate.
# 省级财政每年安排5000万元 and 县财政每年安排200万元 are still totals of different areas.
TIME_PERS: frozenset[str] = frozenset({"每年", "年均", "每月", "每季度", "每半年"})
# Administrative areas a per-area figure can be counted over (每个县（市、区）, 每个乡镇（街道）).
AREA_WORDS: tuple[str, ...] = ("设区市", "乡镇", "街道", "省", "市", "县", "区", "旗", "乡", "镇")
# How a target names its own area as one such unit: 全县, 本县, 县级, 县域, 县城 (the county's seat).
AREA_SELF_FORMS: tuple[str, ...] = ("全{a}", "本{a}", "{a}级", "{a}域", "{a}城")
# Kinds of area named more precisely in a denominator than a document names itself: a 设区市 calls
# itself 全市 (每个设区市至少1个 → 全市至少2个 is the parent's figure carried by one 设区市).
AREA_KINDS: dict[str, str] = {"设区市": "市", "地级市": "市", "自治县": "县", "自治州": "州"}
# Words naming the area an absolute total counts, with the level they speak for.
SCALE_WORDS: dict[str, str] = {
    "全国": "country", "全省": "province", "全区": "region", "自治区": "province", "全市": "city",
    "全县": "county", "全旗": "county", "全乡": "township", "全镇": "township",
}
# Chinese words of the judgement (how a bound reads and what kind it is: tracker.words; what a
# modality binds: tracker.cues.MODALITIES).
VALUE_CLASS_ZH: dict[str, str] = {
    ">=": "不低于类指标", ">": "高于类指标", "<=": "不高于类指标", "<": "低于类指标", "=": "目标值类指标", "~": "约数类指标", "range": "区间类指标",
}
DIRECTION_WORDS: dict[int, tuple[str, str]] = {1: ("stricter", "收紧"), -1: ("looser", "放宽")}

# Every reason a judgement gives, as (English, Chinese) templates filled from the SAME facts: the
# English is the JSON contract's ``reasons``, the Chinese (``reasons_zh``) the words a Chinese legal
# reviewer uses.  A fact given as a (English, Chinese) pair is read in each language's own words.
REASONS: dict[str, tuple[str, str]] = {
    "indicator": ("indicator {a} → {b}: a different measure, no direction", "指标 {a} → {b}：衡量的不是同一事项，无法判断宽严"),
    "unit": ("unit {a} → {b}: different units, no direction", "单位 {a} → {b}：计量单位不同，无法判断宽严"),
    "per": ("per {a} → {b}: a different denominator, no direction", "计量基准 {a} → {b}：计量基准不同，无法判断宽严"),
    "scale": (
        "value {a} → {b}: the parent's figure is a {old_scale} total, the implementing document's a {new_scale} figure; "
        "totals of different areas are not comparable",
        "{new_scale}{new_kind}与{old_scale}总量不可比：上级文件 {a} 是{old_scale}总量，本级文件 {b} 是{new_scale}{new_kind}，"
        "不同区域的总量不能相互比较",
    ),
    "comparator_side": ("comparator {a} → {b}: the bound changed side, no direction", "比较方式 {a} → {b}：由下限改为上限或相反，无法判断宽严"),
    "comparator_same": ("comparator {a} → {b}: worded differently, same strength", "比较方式 {a} → {b}：表述不同，约束强度相同"),
    "comparator_harder": ("comparator {a} → {b}: a harder bound is stricter", "比较方式 {a} → {b}：由{kind_a}改为{kind_b}，要求收紧"),
    "comparator_softer": ("comparator {a} → {b}: a softer bound is looser", "比较方式 {a} → {b}：由{kind_a}改为{kind_b}，要求放宽"),
    "value_missing": ("value {a} → {b}", "数值 {a} → {b}"),
    "value_both_ends": ("value {a} → {b}: the range widened or narrowed on both ends", "数值 {a} → {b}：区间一端收紧、一端放宽"),
    "value": ("value {a} → {b}: {word} is stricter for {cmp}, so {verdict}", "数值 {a} → {b}：{cmp}数值{moved}，要求{verdict}"),
    "deadline_earlier": ("deadline {a} → {b}: earlier is stricter", "期限 {a} → {b}：期限提前，要求收紧"),
    "deadline_later": ("deadline {a} → {b}: later is looser", "期限 {a} → {b}：期限推后，要求放宽"),
    "deadline_set": ("deadline none → {b}: a deadline was set, stricter", "期限 无 → {b}：新设完成期限，要求收紧"),
    "deadline_removed": ("deadline {a} → none: the deadline was removed, looser", "期限 {a} → 无：取消完成期限，要求放宽"),
    "modality": ("modality {a} → {b}: {verdict}", "约束力 {a} → {b}：由{kind_a}改为{kind_b}，要求{verdict}"),
    "degree": ("degree {a} → {b} (初步 < 基本 < 全面): {verdict}", "完成程度 {a} → {b}（初步＜基本＜全面）：要求{verdict}"),
    "scope": ("scope {a} → {b}", "适用范围 {a} → {b}（不单独决定宽严）"),
    "provision": ("{what} {a} → {b}: {meaning}, so {verdict_en}", "{what} {a} → {b}：{meaning}，{verdict}"),
    "provision_mixed": ("{what} {a} → {b}: one bound rose and the other fell", "{what} {a} → {b}：上下限一升一降，宽严不一"),
    "provision_same": ("{what} {a} → {b}: about the same length of time", "{what} {a} → {b}：时长大致相当，宽严未变"),
    "ratio_base": ("base {a} → {b}: the majority is counted over a {moved_en} body", "表决基数 {a} → {b}：计算基数{moved}"),
    "undirected": ("{what} {a} → {b}: {meaning}", "{what} {a} → {b}：{meaning}"),
    "crossing": ("{a} → {b}: {meaning}, so {verdict_en}", "{a} → {b}：{meaning}，{verdict}"),
    "provision_base_part": ("{what} {a} → {b}: the same figure of {moved_en} base, so {verdict_en}",
                            "{what} {a} → {b}：数额相同，计算基数{moved}，{verdict}"),
    "provision_basis": ("{what} {a} → {b}: counted on another basis, no direction", "{what} {a} → {b}：计算基础改变，无法比较宽严"),
    "pairing": ("paired by meaning, the sentences read alike only {alike}: {a} ↔ {b}",
                "按指标含义配对（文字相似度仅 {alike}），请核对：{a} ↔ {b}"),
    "dropped": ("no counterpart in the new text: {what}", "新文本中未找到对应指标：{what}"),
    "dropped_parent": ("the parent's target is not carried into the implementing document: {what}", "上级指标在本级文件中未找到对应：{what}"),
    "added": ("new target: {what}", "新增指标：{what}"),
    # responsible units of a clause (ClauseChange.responsibility / responsibility_zh)
    "lead_unit": ("lead unit {a} → {b}", "牵头单位 {a} → {b}"),
    "unit_added": ("unit added: {unit}", "新增责任单位：{unit}"),
    "unit_removed": ("unit removed: {unit}", "删除责任单位：{unit}"),
    "completion": ("completion deadline {a} → {b}", "完成时限 {a} → {b}"),
}


def say(key: str, **facts) -> tuple[str, str]:
    """The (English, Chinese) reason ``key`` filled with ``facts``; a (en, zh) pair fact is read per language."""
    en, zh = REASONS[key]
    def words(lang: int) -> dict:
        return {k: (v[lang] if isinstance(v, tuple) else v) for k, v in facts.items()}
    return en.format(**words(0)), zh.format(**words(1))

# Pairing weights and thresholds (scores are 0..~1.4).
PAIR_WEIGHTS: dict[str, float] = {
    "indicator": 0.4, "text": 0.4, "unit": 0.1, "per": 0.1,
    "same_value": 0.05, "same_deadline": 0.03, "linked_clause": 0.25, "rank_penalty": 0.01,
    "same_role": 0.2,  # two numeric provisions of a law with one role (fine, time limit …)
    # a dated goal with no number has its date as its only figure: the same date is evidence as a
    # same value is for a number (a 2029 基本建成 goal pairs with the other's 2029 goal, not its 2035 one)
    "same_date_of_dated_goal": 0.2,
}
#: A law's numeric provisions (a role on both sides) read by their label more than by their sentence: a
#: fine's wording is formulaic (并处…以上…以下的罚款), the case it punishes is what tells two fines apart
#: (未按照许可证采砂的罚款 pairs with its rewrite in 倍, not with the fallback fine for 货值金额不足10万元的)
PROVISION_PAIR_WEIGHTS: dict[str, float] = {"indicator": 0.6, "text": 0.2}
PAIR_THRESHOLDS: dict[str, dict[str, float]] = {
    # linked: both targets in clauses the alignment paired; elsewhere: moved to another clause
    # min_content: mean of indicator and text similarity for targets of linked clauses;
    # min_indicator: what a target found anywhere else needs (the indicator must name the same measure)
    "version": {"linked": 0.45, "elsewhere": 0.72, "min_content": 0.45, "min_indicator": 0.6},
    "parent": {"linked": 0.55, "elsewhere": 0.6, "min_content": 0.55, "min_indicator": 0.6},
}
#: two provisions of one role in paired articles pair when their labels (罚款 / 自受理之日起) agree this much:
#: a time limit counted from another event (自开展培训之日起) is another provision
ROLE_PAIR_MIN_INDICATOR = 0.5
INDICATOR_SAME = 0.75  # indicator similarity at or above which two indicators name one measure
# A pair whose sentences read less alike than this was paired by its measure, not its words: the
# judgement says so (a reviewer checks one row instead of reading a dropped and an added target).
PAIR_CONFIDENT_TEXT = 0.6
SCOPE_SAME = 0.6

# Words that only state how a number binds: the extractor's comparator words (不得低于 as well as
# 不低于), the range word 至 and 不足; set aside with the numbers when asking whether two targets speak
# of the same thing. 内 and 上下 are left in: they are also parts of ordinary words (县内, 上下级).
FRAME_KEEPS: tuple[str, ...] = ("内", "上下")
BOUND_WORDS: tuple[str, ...] = tuple(dict.fromkeys(
    [w for w, _ in COMPARATOR_BEFORE + COMPARATOR_AFTER if w not in FRAME_KEEPS] + [RANGE_SEPARATORS[0], "不足"]
))
_BOUND = re.compile("|".join(re.escape(w) for w in sorted(BOUND_WORDS, key=len, reverse=True)))


# --------------------------------------------------------------- features


@lru_cache(maxsize=1 << 14)
def canonical_indicator(text: str | None) -> str:
    """An indicator with synonyms folded onto one spelling (护理型床位比例 → 护理型床位占比).

    Trailing modal words go (覆盖率要 / 覆盖率力争 → 覆盖率): softening 要 to 力争 changes the
    commitment, not the measure; an indicator of such words alone comes back empty. So do
    bracketed alternatives, degree and modal words anywhere (``INDICATOR_ASIDE``).
    """
    text = _strip_noise(normalise(_INDICATOR_ASIDE.sub("", text or "")))
    for group in INDICATOR_SYNONYMS:
        for word in sorted(group[1:], key=len, reverse=True):
            text = text.replace(word, group[0])
    return text


# What an indicator may carry that names no part of the measure, set aside before indicators are
# compared or indexed: a bracketed alternative (社区（村） → 社区), a degree word before its verb of
# completion (基本建成 / 全面建成: the degree is judged on its own scale), a modal word anywhere
# (力争/原则上 inserted changes the commitment, not the measure), and a leading qualifier naming the
# levels or areas it spans (县乡村三级养老服务网络, 城乡养老服务网络 → 养老服务网络: where, not what).
INDICATOR_ASIDE: tuple[str, ...] = (
    r"[（(][^（()）]{1,8}[）)]", extract_cues.DEGREE_RE.replace("(", "(?:", 1), "力争", "争取", "确保", "必须", "应当", "原则上",
    r"^(?:[省市县区乡镇村]{2,4}[一二两三四五]级|城乡|全[国省市县区])",
)
_INDICATOR_ASIDE = re.compile("|".join(INDICATOR_ASIDE))


def _strip_noise(text: str) -> str:
    words = sorted(INDICATOR_NOISE_WORDS, key=len, reverse=True)
    while True:
        end = next((w for w in words if text.endswith(w)), None)
        if end is None:
            break
        text = text[: -len(end)]
    rest = text
    for w in words:
        rest = rest.replace(w, "")
    return text if rest else ""


def indicator_similarity(a: str | None, b: str | None) -> float | None:
    """Similarity of two indicators after synonym folding, or None when one is missing or names no measure."""
    ca, cb = canonical_indicator(a), canonical_indicator(b)
    if not ca or not cb:
        return None
    if ca == cb:
        return 1.0
    whole = max(similarity(ca, cb), _containment(ca, cb))
    da, db = _distinctive(ca), _distinctive(cb)
    if not da or not db:
        return min(whole, 0.5)  # an indicator of generic words only (基本建成) names no measure
    return min(whole, max(similarity(da, db), _containment(da, db)))


def _distinctive(indicator: str) -> str:
    """The indicator without the words every elderly-care measure shares (养老服务网络 → 网络)."""
    for word in INDICATOR_COMMON_WORDS:
        indicator = indicator.replace(word, "")
    return indicator


def _containment(a: str, b: str) -> float:
    """One indicator written inside the other (家庭养老床位 ⊂ 家庭养老床位总量) is the same measure."""
    short, long_ = sorted((a, b), key=len)
    return 0.85 if len(short) >= 2 and short in long_ and len(short) >= 0.4 * len(long_) else 0.0


def same_frame(old: Target, new: Target) -> bool:
    """The words around the figures are the same; only numbers and bound words (至, 不少于, 以上 …) differ.

    The measure is named by those words, so two targets in the same frame measure the
    same thing whatever indicator the extractor read from each ("已建成小区要按每百户15至20平方米"
    → "…不少于20平方米": one measure, a stricter bound).
    """
    return bool(old.text) and _frame(masked(old.text)) == _frame(masked(new.text))


def unit_of(t: Target) -> str | None:
    return UNIT_ALIASES.get(t.unit, t.unit) if t.unit else None


_PER_ALTERNATIVES = re.compile(r"^(每个?|各)([^（(]+)[（(]([^）)]+)[）)]$")


def per_of(t: Target) -> str | None:
    """The denominator as compared: 每个街道（乡镇） and 每个乡镇（街道） name the same places."""
    m = _PER_ALTERNATIVES.match(re.sub(r"\s", "", t.per or ""))
    if m:
        return m.group(1) + "/".join(sorted([m.group(2), *re.split("[、，,/]", m.group(3))]))
    return normalise(t.per) or None


def per_areas(t: Target) -> list[str]:
    """The administrative areas a per-area denominator counts over: 每个县（市、区） → 县, 市, 区."""
    per = re.sub(r"\s", "", t.per or "")
    m = _PER_ALTERNATIVES.match(per) or re.match(r"^(每个?|各)(.+)$", per)
    if not m:
        return []
    names = [m.group(2), *(re.split("[、，,/]", m.group(3)) if m.re is _PER_ALTERNATIVES else [])]
    return [n for n in names if n in AREA_WORDS]


def per_is_own_area(parent: Target, child: Target) -> bool:
    """Parent mode: a per-area figure (每个县（市、区）至少1所) carried by one such area for itself.

    The implementing county is one 县: its 全县不少于2个 / 县级…1所 is the parent's
    每个县 figure, with no denominator because the area is the document's own.
    """
    if per_of(child) or not per_of(parent):
        return False
    words = normalise((child.scope or "") + (child.indicator or "") + child.text)
    areas = {kind for a in per_areas(parent) for kind in (a, AREA_KINDS.get(a, a))}
    return any(f.format(a=a) in words for a in areas for f in AREA_SELF_FORMS)


# ---------------------------------------------------------------- judging


@dataclass
class _Verdict:
    """What the dimensions said: directions (+1 stricter, -1 looser), undecidable changes, reasons."""

    directions: list[int]
    undecided: bool
    neutral: bool
    reasons: list[str]
    reasons_zh: list[str] = field(default_factory=list)

    def say(self, key: str, **facts) -> None:
        en, zh = say(key, **facts)
        self.reasons.append(en)
        self.reasons_zh.append(zh)

    def label(self) -> str:
        if self.undecided:
            return "changed"
        up, down = 1 in self.directions, -1 in self.directions
        if up and down:
            return "mixed"
        if up:
            return "tightened"
        if down:
            return "loosened"
        return "changed" if self.neutral else "unchanged"


def layout_only(old: Target, new: Target) -> bool:
    """The target's own words changed only in layout (spaces, widths, line breaks, 、 vs ,).

    What is read from those words (indicator, comparator, value, unit, per,
    scope) cannot have changed then: a different reading of "不 低于1200元" or
    "每人 每月50元" is an artefact of the layout, not an edit.  Deadline and
    modality are still judged: a fronted 到2027年 or a 力争 before the words
    governs them.  Identical words are not enough: a comparator standing after
    the target's words (…分别达到50%、60%以上) can change while they stay the same.
    """
    return bool(old.text) and old.text != new.text and normalise(old.text) == normalise(new.text)


def judge(old: Target, new: Target, mode: str = "version") -> TargetChange:
    """Label one paired target dimension by dimension, with a reason for each dimension that moved.

    Two shares counted per hundred and per thousand (千分之一 → 0.1%) are judged in percent; the
    change reports the targets as written.
    """
    a, b = _in_percent(old, new)
    if (a, b) != (old, new):
        return replace(judge(a, b, mode), old=old, new=new)
    rule = provision_rule(old, new)
    if rule is not None:
        return judge_provision(old, new, rule)
    if (old.role, new.role) in ROLE_CROSSINGS:
        return judge_crossing(old, new)
    if (old.role, new.role) in ROLE_KIN:
        return judge_kin(old, new)
    if old.role and old.role == new.role and old.role in UNDIRECTED_ROLES:
        return judge_undirected(old, new)
    v = _Verdict([], False, False, [])
    words_same = mode == "version" and layout_only(old, new)
    if not words_same:
        _judge_identity(old, new, v, mode)
    comparable = not v.undecided and not words_same
    if comparable and mode == "parent":
        comparable = _judge_scale(old, new, v)
    if comparable:
        _judge_comparator(old, new, v)
        _judge_value(old, new, v)
    _judge_deadline(old, new, v)
    if not _judge_degree(old, new, v):
        _judge_modality(old, new, v)
    if not words_same and mode == "version":  # across levels the scope differs by nature (全省 / 全市)
        _judge_scope(old, new, v)
    return TargetChange(v.label(), old, new, v.reasons, reasons_zh=v.reasons_zh)


def _in_percent(old: Target, new: Target) -> tuple[Target, Target]:
    """Both targets in percent when they are shares in two different units (‰ and %), else as they are."""
    scales = extract_cues.SHARE_UNITS_IN_PERCENT
    if old.unit == new.unit or old.unit not in scales or new.unit not in scales:
        return old, new

    def converted(t: Target) -> Target:
        factor = Decimal(scales[t.unit])

        def scale(v: Decimal | None) -> Decimal | None:
            return None if v is None else plain(Decimal(v) * factor)
        return replace(t, value=scale(t.value), value_max=scale(t.value_max), unit="%")
    return converted(old), converted(new)


def _judge_identity(old: Target, new: Target, v: _Verdict, mode: str = "version") -> None:
    """Indicator, unit and per: if any differs, values measure different things (no direction)."""
    ind = indicator_similarity(old.indicator, new.indicator)
    if ind is not None and ind < INDICATOR_SAME and not same_frame(old, new):
        v.undecided = True
        v.say("indicator", a=old.indicator, b=new.indicator)
    if old.kind == "quantity" and new.kind == "quantity" and unit_of(old) != unit_of(new):
        v.undecided = True
        v.say("unit", a=(old.unit or "none", old.unit or "无"), b=(new.unit or "none", new.unit or "无"))
    if per_of(old) != per_of(new) and not (mode == "parent" and per_is_own_area(old, new)):
        v.undecided = True
        v.say("per", a=(old.per or "none", old.per or "无"), b=(new.per or "none", new.per or "无"))


def is_absolute_total(t: Target) -> bool:
    """A count or amount for a whole area (全省2万张), as opposed to a rate or per-unit figure."""
    if t.kind != "quantity" or (per_of(t) and per_of(t) not in TIME_PERS) or unit_of(t) in RATE_UNITS:
        return False
    return not _PER_MARKER.search(normalise((t.scope or "") + (t.indicator or "")))


def _scale(t: Target, fallback: str | None) -> tuple[str, str]:
    """(English, Chinese) name of the area the target's figure counts: 全省 → province-wide / 省级."""
    words = normalise((t.scope or "") + t.text)
    level = next((lvl for w, lvl in SCALE_WORDS.items() if w in words), fallback)
    return AREA_NAMES.get(level or "", AREA_NAMES[""])


def _judge_scale(old: Target, new: Target, v: _Verdict, levels=(None, None)) -> bool:
    """Parent mode: absolute totals of different areas cannot be held against each other.

    A figure the implementing document carries in the parent's own words
    (以建筑面积不超过70平方米的小户型为主, in both) names no area of its own: it is
    the same requirement, compared as usual. A total restated for another area
    (全省20万套 → 全市2万套) never has the same words.
    """
    if not (is_absolute_total(old) or is_absolute_total(new)) or old.kind != "quantity":
        return True
    if normalise(old.text) and normalise(old.text) == normalise(new.text):
        return True
    if per_is_own_area(old, new):
        return True
    v.undecided = True
    v.say("scale", a=(fmt_value(old), value_zh(old)), b=(fmt_value(new), value_zh(new)),
          old_scale=_scale(old, levels[0]), new_scale=_scale(new, levels[1]),
          new_kind="总量" if is_absolute_total(new) else "数值")
    return False


def _judge_comparator(old: Target, new: Target, v: _Verdict) -> None:
    a, b = old.comparator, new.comparator
    if a == b or a is None or b is None:
        return
    if COMPARATOR_SIDE.get(a, 0) * COMPARATOR_SIDE.get(b, 0) < 0:
        v.undecided = True
        v.say("comparator_side", a=(a, bound_zh(old)), b=(b, bound_zh(new)))
        return
    ha, hb = COMPARATOR_HARDNESS[a], COMPARATOR_HARDNESS[b]
    facts = {"a": (a, bound_zh(old)), "b": (b, bound_zh(new)), "kind_a": BOUND_KIND_ZH[a], "kind_b": BOUND_KIND_ZH[b]}
    if ha == hb:
        v.neutral = True
        v.say("comparator_same", **facts)
    else:
        v.directions.append(1 if hb > ha else -1)
        v.say("comparator_harder" if hb > ha else "comparator_softer", **facts)


def _direction(old: Target, new: Target) -> int:
    """Which way is stricter for these two comparators (the one-sided bound wins over ~ / = / range)."""
    for c in (new.comparator, old.comparator):
        if c in COMPARATOR_SIDE:
            return COMPARATOR_SIDE[c]
    return VALUE_DIRECTION.get(new.comparator or old.comparator or "=", 1)


def _judge_value(old: Target, new: Target, v: _Verdict) -> None:
    if old.value is None or new.value is None:
        if (old.value is None) != (new.value is None) and old.kind == new.kind == "quantity":
            v.neutral = True
            v.say("value_missing", a=(fmt_value(old), value_zh(old)), b=(fmt_value(new), value_zh(new)))
        return
    d = _direction(old, new)
    moves = []
    lo_old, lo_new = Decimal(old.value), Decimal(new.value)
    if lo_old != lo_new:
        moves.append(d if lo_new > lo_old else -d)
    hi_old = old.value_max if old.comparator == "range" else None
    hi_new = new.value_max if new.comparator == "range" else None
    if hi_old is not None and hi_new is not None and Decimal(hi_old) != Decimal(hi_new):
        moves.append(d if Decimal(hi_new) > Decimal(hi_old) else -d)
    if not moves:
        return
    word = "higher" if d > 0 else "lower"
    cmp_ = next((c for c in (new.comparator, old.comparator) if c in COMPARATOR_SIDE), new.comparator or old.comparator or "=")
    for m in sorted(set(moves), reverse=True):
        v.directions.append(m)
    values = {"a": (fmt_value(old), value_zh(old)), "b": (fmt_value(new), value_zh(new))}
    if len(set(moves)) > 1:
        v.say("value_both_ends", **values)
    else:
        went_up = moves[0] * d > 0
        v.say("value", **values, word=word, cmp=(cmp_, VALUE_CLASS_ZH.get(cmp_, "")),
              moved="提高" if went_up else "降低", verdict=DIRECTION_WORDS[moves[0]])


def _judge_deadline(old: Target, new: Target, v: _Verdict) -> None:
    a, b = old.deadline, new.deadline
    if a == b:
        return
    dates = {"a": (a, date_zh(a)), "b": (b, date_zh(b))}
    if a and b:
        earlier = b < a
        v.directions.append(1 if earlier else -1)
        v.say("deadline_earlier" if earlier else "deadline_later", **dates)
    elif b:
        v.directions.append(1)
        v.say("deadline_set", **dates)
    else:
        v.directions.append(-1)
        v.say("deadline_removed", **dates)


_DEGREE = re.compile(extract_cues.DEGREE_RE)
_STRIVE_WORDS = re.compile("|".join(p for p, kind in extract_cues.MODALITY_CUES if kind == "strive" and not p.startswith("基本")))


def degree_of(t: Target) -> str | None:
    """The degree word of the target's act (初步形成 → 初步), None when the act is stated plainly."""
    m = _DEGREE.search(t.text or "")
    return m.group(1) if m else None


def _judge_degree(old: Target, new: Target, v: _Verdict) -> bool:
    """Degree of completion (初步 < 基本 < 全面 = plain): judged beside modality.

    Returns True when the degree moved and the modality difference is that same
    word read again (基本 is also a strive cue): 初步形成 → 基本形成 is one step up
    the degree scale, not also a softening from must to strive.
    """
    a, b = degree_of(old), degree_of(new)
    ra, rb = (extract_cues.DEGREE_WORDS.get(w, extract_cues.DEGREE_FULL) for w in (a, b))
    if ra == rb:
        return False
    up = rb > ra
    v.directions.append(1 if up else -1)
    plain = ("plain", "无程度词")
    v.say("degree", a=a or plain, b=b or plain, verdict=DIRECTION_WORDS[1 if up else -1])
    if {old.modality, new.modality} != {"must", "strive"}:
        return False
    softer = old if old.modality == "strive" else new
    return degree_of(softer) is not None and not _STRIVE_WORDS.search(softer.text or "")


def _judge_modality(old: Target, new: Target, v: _Verdict) -> None:
    a, b = old.modality, new.modality
    if a == b or a is None or b is None:
        return
    fa, fb = MODALITIES[a], MODALITIES[b]
    up = fb.rank > fa.rank
    v.directions.append(1 if up else -1)
    v.say("modality", a=(fa.en, fa.zh), b=(fb.en, fb.zh), kind_a=fa.kind, kind_b=fb.kind,
          verdict=DIRECTION_WORDS[1 if up else -1])


def _judge_scope(old: Target, new: Target, v: _Verdict) -> None:
    """A changed scope is reported, but (contract) does not by itself make a target changed."""
    a, b = normalise(old.scope), normalise(new.scope)
    if a and b and a != b and similarity(a, b) < SCOPE_SAME:
        v.say("scope", a=old.scope, b=new.scope)


# ------------------------------------------ numeric provisions of laws (issue 14)
# A law's fine, time limit, threshold or entitlement (Target.role) is judged by
# its role's rule (tracker.cues.ROLE_RULES, decision note 0611), not by the
# comparator: a higher fine is stricter although a fine is written "…以下".


def provision_rule(old: Target, new: Target) -> RoleRule | None:
    """The role rule that judges this pair, when both sides are provisions of one role."""
    if old.role and old.role == new.role and old.kind == new.kind == "quantity":
        return ROLE_RULES.get(old.role)
    return None


def base_rank(t: Target) -> int:
    """How large the population a majority counts is (全体 2 > 参与表决 1); a base naming none counts everyone."""
    per = t.per or ""
    return next((rank for word, rank in extract_cues.RATIO_BASE_RANKS if word in per), extract_cues.RATIO_BASE_DEFAULT)


#: How far a strict bound (过半数: more than half) stands beyond the same figure inclusive (半数以上), relatively.
STRICT_BOUND = 1e-9


def _provision_bounds(t: Target, scale: float) -> tuple[float | None, float | None]:
    """(lower, upper) bound of a provision in common units: a fixed amount is both; a strict bound stands
    just beyond its figure, so 半数以上 → 过半数 moves the bound up."""
    lo = float(t.value) * scale if t.value is not None else None
    if lo is not None and t.comparator in (">", "<"):
        lo *= 1 + STRICT_BOUND * COMPARATOR_SIDE[t.comparator]
    if t.comparator == "range" and t.value_max is not None:
        return lo, float(t.value_max) * scale
    if t.comparator in ("<=", "<"):
        return (0.0 if t.role in FLOORED_AT_ZERO else None), lo
    if t.comparator in (">=", ">"):
        return lo, None
    return lo, lo


#: Roles whose "N以下" starts at nothing: 处50万元以下罚款 → 处5万元以上50万元以下 raises the least fine from 0.
FLOORED_AT_ZERO = frozenset({"fine", "detention"})


_PERIOD_RE = re.compile(rf"每(?P<n>{NUMBER})?(?P<p>{'|'.join(sorted(extract_cues.FREQUENCY_PERIODS, key=len, reverse=True))})$")


def period_months(per: str | None) -> float | None:
    """How many months a frequency's period spans (每半年 → 6, 每三年 → 36); None for no period."""
    m = _PERIOD_RE.match(per or "")
    if not m:
        return None
    many = parse_number(m.group("n")) if m.group("n") else 1
    return float(many) * extract_cues.FREQUENCY_PERIODS[m.group("p")] if many else None


def _provision_scales(old: Target, new: Target, rule: RoleRule | None = None) -> tuple[float, float, bool] | None:
    """Factors that put both values in one unit (durations in calendar days; a count per period as a count
    per month), or None when they cannot be."""
    if rule and rule.per_is_period and per_of(old) != per_of(new) and unit_of(old) == unit_of(new):
        months = period_months(old.per), period_months(new.per)
        return (1 / months[0], 1 / months[1], False) if all(months) else None
    if per_of(old) != per_of(new) and not _same_base_qualified(per_of(old), per_of(new)):
        return None  # 40个月工资 → 40个月基本工资: counted on another base
    if unit_of(old) == unit_of(new):
        return 1.0, 1.0, False
    if old.unit in DURATION_DAYS and new.unit in DURATION_DAYS:
        return DURATION_DAYS[old.unit], DURATION_DAYS[new.unit], True
    return None


def _same_base_qualified(a: str | None, b: str | None) -> bool:
    """Whether two bases are one base with a qualifier dropped in front (项目用地面积 / 用地面积): the shorter ends
    the longer — unless the words in front narrow it (工资 → 基本工资 is a part of the old base)."""
    if not a or not b:
        return False
    short, long_ = sorted((a, b), key=len)
    extra = long_[: len(long_) - len(short)]
    return long_.endswith(short) and len(short) >= 2 and not extra.endswith(extract_cues.BASE_NARROWING)


def _base_narrowed(old: Target, new: Target) -> int:
    """-1 when the new base is a part of the old one with the same figure (工资 → 基本工资: the amount can only
    fall), +1 for the reverse, 0 otherwise (extract.cues.BASE_NARROWING)."""
    a, b = per_of(old), per_of(new)
    if not a or not b or a == b or (old.value, old.value_max, old.unit) != (new.value, new.value_max, new.unit):
        return 0
    short, long_ = sorted((a, b), key=len)
    if not long_.endswith(short) or not long_[: len(long_) - len(short)].endswith(extract_cues.BASE_NARROWING):
        return 0
    return -1 if long_ == b else 1


def judge_provision(old: Target, new: Target, rule: RoleRule) -> TargetChange:
    """Judge a law's numeric provision by its role: which way each bound moved, read through the rule."""
    v = _Verdict([], False, False, [])
    facts = {"what": (old.indicator or rule.name_zh, old.indicator or rule.name_zh),
             "a": _provision_words(old, rule), "b": _provision_words(new, rule)}
    scales = (1.0, 1.0, False) if rule.base_ranked and unit_of(old) == unit_of(new) else _provision_scales(old, new, rule)
    narrowed = _base_narrowed(old, new) if scales is None else 0
    if narrowed:  # 40个月工资 → 40个月基本工资: the same figure of a part of the old base
        verdict = narrowed * rule.direction(new.comparator or old.comparator)
        v.directions.append(verdict)
        v.say("provision_base_part", **facts, moved=("扩大" if narrowed > 0 else "缩小"),
              moved_en=("a wider" if narrowed > 0 else "a narrower"),
              verdict_en=("stricter" if verdict > 0 else "looser"), verdict=("要求收紧" if verdict > 0 else "要求放宽"))
        return TargetChange(v.label(), old, new, v.reasons, reasons_zh=v.reasons_zh)
    if scales is None:
        v.undecided = True
        v.say("provision_basis", **facts)
        return TargetChange(v.label(), old, new, v.reasons, reasons_zh=v.reasons_zh)
    s_old, s_new, durations = scales
    moves = []
    for a, b in zip(_provision_bounds(old, s_old), _provision_bounds(new, s_new)):
        if a is None or b is None or a == b:
            continue
        if durations and abs(a - b) <= SAME_DURATION * max(a, b):
            continue
        moves.append(1 if b > a else -1)
    if rule.base_ranked and base_rank(new) != base_rank(old):
        moves.append(1 if base_rank(new) > base_rank(old) else -1)
        v.say("ratio_base", a=old.per, b=new.per, moved=("扩大" if moves[-1] > 0 else "缩小"),
              moved_en=("larger" if moves[-1] > 0 else "smaller"))
    if not moves:
        rewritten = rule.per_is_period and per_of(old) != per_of(new)  # 每年两次 ↔ 每半年一次: as often as before
        if not rewritten and (old.value, old.value_max, old.unit, old.comparator) != (
                new.value, new.value_max, new.unit, new.comparator):
            v.neutral = True
            v.say("provision_same" if durations else "value_missing", **facts)
    elif len(set(moves)) > 1:
        v.directions.extend([1, -1])
        v.say("provision_mixed", **facts)
    else:
        side = rule.direction(new.comparator or old.comparator)
        verdict = moves[0] * side
        v.directions.append(verdict)
        meaning = _provision_meaning(rule, new.comparator or old.comparator, moves[0])
        v.say("provision", **facts, meaning=meaning, verdict_en=("stricter" if verdict > 0 else "looser"),
              verdict=("要求收紧" if verdict > 0 else "要求放宽"))
    _judge_modality(old, new, v)
    return TargetChange(v.label(), old, new, v.reasons, reasons_zh=v.reasons_zh)


def _provision_words(t: Target, rule: RoleRule) -> tuple[str, str]:
    """(English, Chinese) words for a provision's figure; a count per period says its period (每半年1次), a share its base."""
    if rule.per_is_period and t.per:
        return f"{fmt_value(t)} {t.per}", t.per + (bound_zh(t, unit=True) if t.comparator != "=" else fmt_value(t))
    if pegged(t):  # 参照 / 不低于 a statistic
        en, zh = PEGGED_WORDS.get(t.comparator or "=", PEGGED_WORDS["="])
        return f"{en} {t.per}", f"{zh}{t.per}"
    if t.per and t.unit in ("%", "倍"):  # a share or multiple of a base says its base: 5–15% of 虚假出资金额
        return f"{fmt_value(t)} of {t.per}", bound_zh(t, unit=True, base=t.per)
    if t.per and t.unit == "个月":  # months of a wage: 40个月工资
        return f"{fmt_value(t)} of {t.per}", f"{bound_zh(t, unit=True)}{t.per}"
    return fmt_value(t), bound_zh(t, unit=True)


def judge_undirected(old: Target, new: Target) -> TargetChange:
    """A dated provision whose change has no direction (an effective date): changed when its date moved."""
    v = _Verdict([], False, False, [])
    if (old.deadline, old.value) != (new.deadline, new.value):
        v.neutral = True
        v.say("undirected", what=(old.indicator, old.indicator), a=(old.deadline, date_zh(old.deadline)),
              b=(new.deadline, date_zh(new.deadline)), meaning=UNDIRECTED_ROLES[old.role])
    return TargetChange(v.label(), old, new, v.reasons, reasons_zh=v.reasons_zh)


def judge_crossing(old: Target, new: Target) -> TargetChange:
    """A duty moved across its event (15日前 → 自变更之日起15日内): the crossing's direction, whatever the figures."""
    direction, en, zh = ROLE_CROSSINGS[(old.role, new.role)]
    v = _Verdict([direction], False, False, [])
    v.say("crossing", a=(fmt_value(old), bound_zh(old, unit=True)), b=(fmt_value(new), bound_zh(new, unit=True)),
          meaning=(en, zh), verdict_en=("stricter" if direction > 0 else "looser"),
          verdict=("要求收紧" if direction > 0 else "要求放宽"))
    return TargetChange(v.label(), old, new, v.reasons, reasons_zh=v.reasons_zh)


def judge_kin(old: Target, new: Target) -> TargetChange:
    """A wait for an answer that became a time limit on whoever answers, or back (ROLE_KIN): the two bound one
    window, so the old figure is judged as the new provision's, by the rule of the role ROLE_KIN names."""
    role, en, zh = ROLE_KIN[(old.role, new.role)]
    judged = judge_provision(replace(old, role=role, comparator=new.comparator), replace(new, role=role),
                             ROLE_RULES[role])
    return replace(judged, old=old, new=new, reasons=[en, *judged.reasons], reasons_zh=[zh, *judged.reasons_zh])


def _provision_meaning(rule: RoleRule, comparator: str | None, moved: int) -> tuple[str, str]:
    """(English, Chinese) words for what the move means to the reader."""
    if rule.by_comparator:
        side = COMPARATOR_SIDE.get(comparator or "", 1)
        return PROVISION_EFFECTS[rule.effects][(-1 if side > 0 else 1, moved)]
    return (rule.up_en, rule.up_zh) if moved > 0 else (rule.down_en, rule.down_zh)


# ---------------------------------------------------------------- pairing


@dataclass(frozen=True)
class _Features:
    """What pairing reads from one target, computed once per target (not once per pair)."""

    kind: str
    clause: str
    masked: str  # the normalised text with numbers as #
    frame: str  # the masked text without bound words: the words around the figures
    indicator: str  # canonical indicator ("" when it names no measure)
    distinctive: str  # the indicator without the words every measure shares
    unit: str | None
    per: str | None
    value: Decimal | None
    deadline: str | None
    role: str | None  # a law's numeric provision: fine, time_limit …


def _features(t: Target) -> _Features:
    m = masked(t.text)
    ind = canonical_indicator(t.indicator)
    return _Features(t.kind, t.clause, m, _frame(m) if t.text else "", ind, _distinctive(ind), unit_of(t), per_of(t),
                     t.value, t.deadline, t.role)


def _frame(masked_text: str) -> str:
    return re.sub("#+", "#", _BOUND.sub("", masked_text))  # 15至20 and 20 are both one figure


def _indicator_similarity(a: _Features, b: _Features) -> float | None:
    """indicator_similarity on features already computed."""
    ca, cb = a.indicator, b.indicator
    if not ca or not cb:
        return None
    if ca == cb:
        return 1.0
    whole = max(similarity(ca, cb), _containment(ca, cb))
    if not a.distinctive or not b.distinctive:
        return min(whole, 0.5)
    return min(whole, max(similarity(a.distinctive, b.distinctive), _containment(a.distinctive, b.distinctive)))


#: How many pair scores the last pair_targets call computed (benchmarks/pairing_calls.py reads it).
PAIR_SCORE_CALLS = [0]


def _score(a: _Features, b: _Features, linked: bool, ranks: tuple[int, int]) -> tuple[float, float, float]:
    """(score, indicator similarity, text similarity) of pairing old target ``a`` with new ``b``."""
    PAIR_SCORE_CALLS[0] += 1
    if a.kind != b.kind or (a.role and b.role and a.role != b.role):
        return 0.0, 0.0, 0.0  # a fine never pairs with a time limit
    w = PAIR_WEIGHTS
    txt = similarity(a.masked, b.masked)
    named = _indicator_similarity(a, b)
    ind = txt if named is None or (a.frame and a.frame == b.frame and not a.role) else named  # a law's provision: its label decides
    read = PROVISION_PAIR_WEIGHTS if a.role and b.role and named is not None else w
    score = read["indicator"] * ind + read["text"] * txt
    score += w["unit"] * (a.unit == b.unit) + w["per"] * (a.per == b.per)
    score += w["same_value"] * (a.value == b.value) + w["same_deadline"] * (a.deadline == b.deadline)
    score += w["same_role"] * bool(a.role and a.role == b.role)
    if a.kind == "deadline" and a.deadline and a.deadline[:4] == (b.deadline or "")[:4]:
        score += w["same_date_of_dated_goal"]
    if linked:
        score += w["linked_clause"] - w["rank_penalty"] * abs(ranks[0] - ranks[1])
    return score, ind, txt


def _pair_score(a: Target, b: Target, linked: bool, ranks: tuple[int, int]) -> tuple[float, float, float]:
    """(score, indicator similarity, text similarity) of pairing old target ``a`` with new ``b``."""
    return _score(_features(a), _features(b), linked, ranks)


def _ranks(targets: list[Target]) -> list[int]:
    seen: dict[str, int] = {}
    out = []
    for t in targets:
        out.append(seen.get(t.clause, 0))
        seen[t.clause] = out[-1] + 1
    return out


# Candidates for a target found outside its aligned clauses come from an index of the new targets
# by these keys, never from all of them: the same canonical indicator, the same figure in the same
# unit, the same words around the figures, and the rarest character pairs of the indicator (or, for
# a target naming no measure, of its words) — a renamed measure (比例 → 占比例) still shares them.
INDEX_RARE_BIGRAMS = 4
# A key or a clause shared by very many targets (a table of 10,000 alike rows) offers only the
# entries nearest the target's own place: enough to find its counterpart, and the work stays
# linear in the number of targets instead of their square (docs/decisions/0405).
INDEX_NEAREST = 16  # entries either side of the expected place, per key
LINK_WINDOW = 16  # ranks either side, among the targets of an aligned clause


def _bigrams(text: str) -> set[str]:
    return {text[k : k + 2] for k in range(len(text) - 1)} or ({text} if text else set())


def _index_keys(f: _Features) -> list[tuple]:
    keys: list[tuple] = [("frame", f.frame)] if f.frame else []
    if f.indicator:
        keys.append(("indicator", f.indicator))
    if f.value is not None:
        keys.append(("value", f.unit, f.value))
    if f.kind == "deadline":
        keys.append(("deadline", (f.deadline or "")[:4]))
    return keys


def _bigram_source(f: _Features) -> str:
    return f.indicator or f.frame


class _Index:
    """The new targets by key, so that each old target meets a few candidates instead of all of them."""

    def __init__(self, feats: list[_Features], positions: list[int]):
        self.by_key: dict[tuple, list[int]] = {}
        for j, f in zip(positions, feats):
            for key in _index_keys(f):
                self.by_key.setdefault(key, []).append(j)
            for bg in _bigrams(_bigram_source(f)):
                self.by_key.setdefault(("bigram", bg), []).append(j)

    def candidates(self, f: _Features, at: int) -> set[int]:
        """New targets sharing a key with ``f``; of a crowded key, those nearest position ``at``."""
        out: set[int] = set()
        for key in _index_keys(f):
            out.update(_nearest(self.by_key.get(key, ()), at))
        grams = [("bigram", bg) for bg in _bigrams(_bigram_source(f)) if ("bigram", bg) in self.by_key]
        grams.sort(key=lambda k: len(self.by_key[k]))
        for key in grams[:INDEX_RARE_BIGRAMS]:
            out.update(_nearest(self.by_key[key], at))
        return out


def _nearest(posting, at: int):
    """The whole posting list (ascending positions), or its INDEX_NEAREST entries either side of ``at``."""
    if len(posting) <= 2 * INDEX_NEAREST:
        return posting
    k = bisect.bisect_left(posting, at)
    return posting[max(0, k - INDEX_NEAREST) : k + INDEX_NEAREST]


def _linked_candidates(old: list[Target], new: list[Target], links: set[tuple[str, str]] | None, ro: list[int]) -> list[set[int]]:
    """For each old target, the new targets of the clauses aligned with its own (near its rank there)."""
    by_clause: dict[str, list[int]] = {}
    for j, t in enumerate(new):
        by_clause.setdefault(t.clause, []).append(j)
    linked_to: dict[str, set[str]] = {}
    for a, b in links or ():
        linked_to.setdefault(a, set()).add(b)
    return [{j for c in linked_to.get(t.clause, ())
             for j in by_clause.get(c, ())[max(0, r - LINK_WINDOW) : r + LINK_WINDOW + 1]}
            for t, r in zip(old, ro)]


def _identity(f: _Features) -> tuple:
    return (f.kind, f.masked, f.indicator, f.unit, f.per, f.value, f.deadline, f.role)


@dataclass(frozen=True)
class ItemLinks:
    """The pairs of a law's items and 款 that the alignment paired with each other directly (item_links).

    All clauses of two paired articles are linked (clause_links), but where two items
    were themselves paired, their provisions are each other's: 劳动节's 放假1天 is not
    元旦's 放假1天 though the figures agree, and a new item's provision is no case of an
    old item already paired with another item.
    """

    pairs: frozenset[tuple[str, str]] = frozenset()

    @cached_property
    def olds(self) -> frozenset[str]:
        return frozenset(a for a, _ in self.pairs)

    def paired(self, old_clause: str, new_clause: str) -> bool:
        return (old_clause, new_clause) in self.pairs

    def elsewhere(self, old_clause: str, new_clause: str) -> bool:
        """Whether the old clause is an item paired with another item than the new clause."""
        return old_clause in self.olds and (old_clause, new_clause) not in self.pairs


def _settled(fo: list[_Features], fn: list[_Features], near: list[set[int]], ro: list[int], rn: list[int],
             items: ItemLinks = ItemLinks()) -> dict[int, int]:
    """Old → new targets that pair before anything else can: the same target, word for word, at the same
    place in aligned clauses. Their score is the highest any pair can reach, and each has exactly one such
    partner, so the greedy pairing takes them first whatever else is scored: nothing else needs scoring
    against them. On a revision most targets are settled here, in time linear in their number.
    A law item paired with another item (``items``) settles only there.
    """
    mine: dict[int, list[int]] = {}
    theirs: dict[int, list[int]] = {}
    for i, f in enumerate(fo):
        key = _identity(f)
        for j in near[i]:
            if items.elsewhere(f.clause, fn[j].clause):
                continue
            if rn[j] == ro[i] and _identity(fn[j]) == key:
                mine.setdefault(i, []).append(j)
                theirs.setdefault(j, []).append(i)
    return {i: js[0] for i, js in mine.items() if len(js) == 1 and len(theirs[js[0]]) == 1}


def _acceptable(a: Target, b: Target, linked: bool, aligned: bool, scores: tuple[float, float, float], mode: str,
                two_sided: bool = False, orphan: bool = False) -> bool:
    """Whether a scored pair may pair at all (the greedy then takes the best ones first).

    ``two_sided``: one of them is a side of a line its clause draws from both sides (_line_sides), which
    stands for the whole line and may pair with a trigger of either side.
    ``orphan``: one of them stands in a clause the alignment paired with nothing (a removed or an
    added article), so its provision has no partner of its own to lose (docs/decisions/0611).
    """
    th = PAIR_THRESHOLDS[mode]
    score, ind, txt = scores
    if aligned and (a.role or b.role) and not linked and not (orphan and a.role == b.role):
        return False  # a law's fine pairs within its own article's pairing, never with a look-alike elsewhere
    if a.role and a.role == b.role and ((_opposite_triggers(a, b) and not two_sided) or _other_addressee(a, b)
                                         or _other_kind(a, b) or _graver(a) != _graver(b)):
        return False  # a trigger "above" and one "below", a fine on persons and one on the unit: two provisions
    if linked and a.role and a.role == b.role and (ind >= ROLE_PAIR_MIN_INDICATOR or not _label_binds(a.role)):
        pass  # one article's fine (time limit from one event …) rewritten: best scores pair first
    elif (ind + txt) / 2 < th["min_content"]:
        return False  # same clause or not, nothing says these measure the same thing
    if (mode == "parent" or not linked) and ind < th["min_indicator"]:
        return False  # found elsewhere: only the same measure counts, not a look-alike sentence
    return score >= (th["linked"] if linked else th["elsewhere"])


def _label_binds(role: str) -> bool:
    rule = ROLE_RULES.get(role)
    return rule.label_binds if rule else True


def _other_kind(a: Target, b: Target) -> bool:
    """Whether two provisions of a role whose label names its kind (RoleRule.label_is_kind) are of two kinds."""
    rule = ROLE_RULES.get(a.role or "")
    return bool(rule and rule.label_is_kind and a.indicator != b.indicator)


def _other_addressee(a: Target, b: Target) -> bool:
    """Whether two provisions of a law name different addressees (对个人 / 对单位): a provision's scope."""
    return bool(a.scope and b.scope and normalise(a.scope) != normalise(b.scope))


def _opposite_triggers(a: Target, b: Target) -> bool:
    """Whether two provisions of a role whose side matters (a trigger threshold) bound from opposite sides."""
    rule = ROLE_RULES.get(a.role or "")
    return bool(rule and rule.by_comparator) and COMPARATOR_SIDE.get(a.comparator or "", 0) * COMPARATOR_SIDE.get(
        b.comparator or "", 0) < 0


def pair_targets(old: list[Target], new: list[Target], links: set[tuple[str, str]] | None, mode: str) -> list[tuple[int | None, int | None]]:
    """One-to-one pairs of old and new target indices; None on one side for dropped / added.

    Greedy by score, so the clearest pairs are taken first; targets of linked
    clauses need less evidence than a target found in another clause. Each old
    target is scored against the targets of the clauses aligned with its own and
    against the candidates an index of the new targets offers (same indicator,
    same figure, same frame, rarest indicator characters): the work grows with
    the number of targets, not with old × new (docs/decisions/0405).
    """
    return [(i, j) for i, j, _, _, _ in _paired(old, new, links, mode)]


def _paired(old: list[Target], new: list[Target], links: set[tuple[str, str]] | None,
            mode: str, items: ItemLinks = ItemLinks(),
            ) -> list[tuple[int | None, int | None, float | None, str, float | None]]:
    """pair_targets with the evidence of each pair: how alike the two sentences read, and its provenance.

    (i, j, alike, rule, score): ``rule`` is "linked" (both in clauses the alignment
    paired) or "elsewhere", ``score`` the pairing score it won with; None / "" when unpaired.
    """
    ro, rn = _ranks(old), _ranks(new)
    fo, fn = [_features(t) for t in old], [_features(t) for t in new]
    near = _linked_candidates(old, new, links, ro)
    line_o, line_n = _line_sides(old), _line_sides(new)
    settled = _settled(fo, fn, near, ro, rn, items)
    lone_o, lone_n = _unlinked_clauses(old, new, links)
    taken = set(settled.values())
    free = [j for j in range(len(new)) if j not in taken]
    index = _Index([fn[j] for j in free], free)
    PAIR_SCORE_CALLS[0] = 0
    scored = []
    for i in range(len(old)):
        if i in settled:
            candidates = [settled[i]]
        else:
            at = i * len(new) // max(len(old), 1)
            candidates = sorted((near[i] - taken) | index.candidates(fo[i], at))
        for j in candidates:
            linked = j in near[i]
            score, ind, txt = _score(fo[i], fn[j], linked, (ro[i], rn[j]))
            if _acceptable(old[i], new[j], linked, links is not None, (score, ind, txt), mode, i in line_o or j in line_n,
                           old[i].clause in lone_o or new[j].clause in lone_n):
                first = items.paired(old[i].clause, new[j].clause)  # two paired law items: before the rest
                scored.append((first, score, -abs(i - j), i, j, txt, "linked" if linked else "elsewhere"))
    scored.sort(reverse=True)
    used_o, used_n, pairs = set(), set(), []
    for _, score, _, i, j, txt, rule in scored:
        if i not in used_o and j not in used_n:
            used_o.add(i)
            used_n.add(j)
            pairs.append((i, j, txt, rule, round(score, 3)))
    pairs += _split_cases(old, new, fo, fn, near, {i: j for i, j, _, _, _ in pairs}, (ro, rn), items)
    pairs += _merged_cases(old, fo, fn, {i: j for i, j, _, _, _ in pairs}, (ro, rn))
    used_o.update(i for i, _, _, _, _ in pairs)
    used_n.update(j for _, j, _, _, _ in pairs)
    pairs += _crossed_events(old, new, fo, fn, near, used_o, used_n, lone_o)
    used_o.update(i for i, _, _, _, _ in pairs)
    used_n.update(j for _, j, _, _, _ in pairs)
    used_o.update(i for i, twin in line_o.items() if twin in used_o or twin < i)
    used_n.update(j for j, twin in line_n.items() if twin in used_n or twin < j)
    pairs += [(i, None, None, "", None) for i in range(len(old)) if i not in used_o]
    pairs += [(None, j, None, "", None) for j in range(len(new)) if j not in used_n]
    return pairs


def _unlinked_clauses(old: list[Target], new: list[Target], links: set[tuple[str, str]] | None) -> tuple[set[str], set[str]]:
    """The clauses of each side's targets that the alignment paired with no clause at all."""
    if links is None:
        return set(), set()
    linked_old, linked_new = {a for a, _ in links}, {b for _, b in links}
    return {t.clause for t in old} - linked_old, {t.clause for t in new} - linked_new


def _line_sides(targets: list[Target]) -> dict[int, int]:
    """Thresholds of one clause that draw one line from both sides (违法所得超过1万元的，…；不足1万元的，…) → the
    other side. Either side stands for the line: the side left unpaired, when its twin is paired or stands
    first, is no provision of its own and is not reported as dropped or added."""
    sides: dict[int, int] = {}
    by_line: dict[tuple, list[int]] = {}
    for k, t in enumerate(targets):
        if t.role and ROLE_RULES.get(t.role) and ROLE_RULES[t.role].by_comparator and t.comparator in COMPARATOR_SIDE:
            by_line.setdefault((t.clause, t.role, t.value, unit_of(t)), []).append(k)
    for members in by_line.values():
        first = {}  # comparator side → its first member: each member's twin is the first of the other side
        for k in members:
            first.setdefault(COMPARATOR_SIDE[targets[k].comparator] > 0, k)
        for k in members:
            twin = first.get(not COMPARATOR_SIDE[targets[k].comparator] > 0)
            if twin is not None:
                sides[k] = twin
    return sides


def _split_cases(old: list[Target], new: list[Target], fo: list[_Features], fn: list[_Features],
                 near: list[set[int]], partner: dict[int, int], ranks: tuple[list[int], list[int]],
                 items: ItemLinks = ItemLinks()) -> list[tuple]:
    """A law's provision that the new text states once per case it now tells apart, judged against the old one.

    货运、客运 and 危险货物运输 each get an item of their own with its own fine where the
    old article had one fine for all: a new fine without a partner is then the old fine's value
    for that case, not a new provision (docs/decisions/0611) — but a graver band (情节严重的) is a
    new provision (_graver). Its source is an old provision of the paired article
    with the same role, addressee and unit whose label and base name the same case, or, for a role
    whose label does not bind (a fine), the only one there. The case must be told apart
    where the text tells cases apart: in an item or 款 of its own, by the words of the
    restated old case. A fine on another addressee
    (对直接责任人员) or a fallback beside another fine (上一年度没有销售额的) is a new provision, and so is
    one in a new item when the old provisions stand in items paired with other items: each is its own
    item's case already (元旦 put before 春节, 劳动节, 国庆节 is a new holiday, not a case of 国庆节).
    """
    out = []
    partnered = set(partner.values())  # a set: asking the dict's values for each new target was quadratic
    olds_near: dict[int, list[int]] = {}  # new target → the old ones linked to it, built once (not old × new)
    for i, js in enumerate(near):
        if old[i].role:
            for j in js:
                olds_near.setdefault(j, []).append(i)
    for j in (j for j in range(len(new)) if new[j].role and j not in partnered):
        found = [i for i in olds_near.get(j, ()) if old[i].role == new[j].role and fo[i].unit == fn[j].unit
                 and not _opposite_triggers(old[i], new[j]) and normalise(old[i].scope) == normalise(new[j].scope)
                 and not items.elsewhere(old[i].clause, new[j].clause)]
        scored = [(_score(fo[i], fn[j], True, (ranks[0][i], ranks[1][j])), i) for i in found]
        same_case = [(sc, i) for sc, i in scored if sc[1] >= INDICATOR_SAME and fo[i].per == fn[j].per]
        only = scored if len(scored) == 1 and not _label_binds(new[j].role) else []
        if not scored and not _label_binds(new[j].role):
            only = _sole_other_basis(old, new, fo, fn, olds_near.get(j, ()), j, partner, ranks)
        pick = max(same_case or only, default=None)
        if pick and _case_of_its_own(new[partner[pick[1]]] if pick[1] in partner else None, new[j]) \
                and not _graver(new[j]):
            (score, _, txt), i = pick
            out.append((i, j, txt, "split", round(score, 3)))
    return out


#: Two provisions of one clause this close (characters between their starts) are read as one sentence's cases.
ONE_SENTENCE = 80


def _sole_other_basis(old: list[Target], new: list[Target], fo: list[_Features], fn: list[_Features], olds: list[int],
                      j: int, partner: dict[int, int], ranks: tuple[list[int], list[int]]) -> list[tuple]:
    """The article's only fine of this addressee, when the new text states it for two cases in one sentence
    and one of them on another basis (处五十万元以下 → 具有…效果的，处上一年度销售额百分之十以下；不具有…的，
    处五百万元以下): the case on another basis is that fine's too ('changed'), not a new fine."""
    same = [i for i in olds if old[i].role == new[j].role and normalise(old[i].scope) == normalise(new[j].scope)]
    if len(same) != 1 or same[0] not in partner:
        return []
    i = same[0]
    if new[partner[i]].clause != new[j].clause or abs(new[partner[i]].start - new[j].start) > ONE_SENTENCE:
        return []
    return [(_score(fo[i], fn[j], True, (ranks[0][i], ranks[1][j])), i)]


def _merged_cases(old: list[Target], fo: list[_Features], fn: list[_Features], partner: dict[int, int],
                  ranks: tuple[list[int], list[int]]) -> list[tuple]:
    """Two old provisions that said the same for two cases, now said once for both, judged against that one.

    被判处刑罚，执行期满未逾五年，或者因犯罪被剥夺政治权利，执行期满未逾五年 → 被判处刑罚，或者因犯罪被剥夺政治权利，
    执行期满未逾五年: the second 五年 is not dropped. An unpaired old provision pairs with the new provision
    that its twin (same role, unit, value, addressee and label, in the same clause) already paired with.
    Only a role whose label binds (a time limit from one event, a ban) tells twins by their label: two
    fines both labelled 罚款 are not known to be one.
    """
    def twin_key(k: int) -> tuple:
        return old[k].clause, old[k].role, _identity(fo[k])[2:6], normalise(old[k].scope)

    first_paired: dict[tuple, int] = {}  # one pass over the pairs, not one per unpaired provision
    for k in sorted(partner):
        if old[k].role:
            first_paired.setdefault(twin_key(k), k)
    out = []
    for i in (i for i in range(len(old)) if i not in partner and old[i].role and _label_binds(old[i].role)):
        twin = first_paired.get(twin_key(i))
        if twin is not None:
            j = partner[twin]
            score, _, txt = _score(fo[i], fn[j], True, (ranks[0][i], ranks[1][j]))
            out.append((i, j, txt, "split", round(score, 3)))
    return out


_EVENT_RE = re.compile(r"(?:自|在)?其?([^，。；自在]{2,16}?)之?日起")
#: The roles a duty can take after crossing its event (ROLE_CROSSINGS' new sides).
CROSSED_ROLES = frozenset(new for _, new in ROLE_CROSSINGS)


def _event(t: Target) -> str | None:
    """The event a period is counted from (请求递交日起 → 请求递交; 自收到申请之日起 → 收到申请)."""
    m = _EVENT_RE.search(t.text or "")
    return m.group(1) if m else None


def _crosses(a: Target, b: Target, fa: _Features, fb: _Features) -> bool:
    """Whether two unpaired provisions of paired articles are one duty seen across its event (ROLE_CROSSINGS,
    same figure) or one window seen from its two sides (ROLE_KIN, counted from the same event)."""
    if (a.role, b.role) in ROLE_CROSSINGS:
        return (fa.value, fa.unit) == (fb.value, fb.unit)
    return (a.role, b.role) in ROLE_KIN and _event(a) is not None and _event(a) == _event(b)


def _crossed_events(old: list[Target], new: list[Target], fo: list[_Features], fn: list[_Features],
                    near: list[set[int]], used_o: set[int], used_n: set[int], lone_o: set[str] = frozenset(),
                    ) -> list[tuple]:
    """An unpaired duty whose period moved across its event (ROLE_CROSSINGS: 15日前 → 自变更之日起15日内), or a
    wait for an answer that became a time limit on whoever answers (ROLE_KIN), in paired articles: the same
    duty, not one dropped and one added. Old and new ones pair in text order. A duty of an article the
    alignment paired with nothing (``lone_o``: merged into another) crosses into any article, but only to a
    duty counted from an event its own words name (…变更法定代表人等情形之一时，应当在15日前 → 自变更之日起15日内)."""
    out = []
    after_events: dict[tuple, list[int]] = {}  # (value, unit) → new duties counted from a named event, built once
    if lone_o:
        for j, t in enumerate(new):
            if t.role in CROSSED_ROLES and _event(t):
                after_events.setdefault((fn[j].value, fn[j].unit), []).append(j)
    for i in (i for i in range(len(old)) if i not in used_o):
        if old[i].clause in lone_o:
            candidates = [j for j in after_events.get((fo[i].value, fo[i].unit), ()) if j not in used_n
                          and (old[i].role, new[j].role) in ROLE_CROSSINGS and _event(new[j]) in (old[i].indicator or "")]
        else:
            candidates = sorted(j for j in near[i] if j not in used_n and _crosses(old[i], new[j], fo[i], fn[j]))
        for j in candidates:
            out.append((i, j, similarity(fo[i].masked, fn[j].masked), "linked" if j in near[i] else "elsewhere", None))
            used_n.add(j)
            break
    return out


def _graver(t: Target) -> bool:
    """Whether a provision is a graver case's own (情节严重的，处…): it pairs only with another graver case's, so
    an ordinary band continues the ordinary band and a graver band without a successor is dropped; and a new
    one is added, never a case of the old band, even with its figures (decision 0611)."""
    return (t.indicator or "").startswith(extract_cues.GRAVITY_CASES)


def _case_of_its_own(restated: Target | None, case: Target) -> bool:
    """Whether ``case`` is told apart from the old provision's restatement ``restated`` as a case of its own."""
    return (restated is None or restated.clause != case.clause
            or (indicator_similarity(restated.indicator, case.indicator) or 0) >= INDICATOR_SAME)


def compare_targets(old: list[Target], new: list[Target], mode: str = "version", links: set[tuple[str, str]] | None = None,
                    items: ItemLinks = ItemLinks()) -> list[TargetChange]:
    """Pair and judge two target lists (no clause alignment needed: the pre-commit check uses this).

    Without ``links`` a target counts as "linked" when its clause id is unchanged; ``items``
    are the law items the alignment paired directly (item_links).
    """
    if links is None and mode == "version":
        links = {(t.clause, t.clause) for t in old}
    changes = []
    for i, j, alike, rule, score in _paired(old, new, links, mode, items):
        if j is None:
            en, zh = say("dropped_parent" if mode == "parent" else "dropped", what=_describe(old[i]))
            changes.append(TargetChange("dropped", old[i], None, [en], reasons_zh=[zh]))
        elif i is None:
            en, zh = say("added", what=_describe(new[j]))
            changes.append(TargetChange("added", None, new[j], [en], reasons_zh=[zh]))
        elif alike is not None and alike >= PAIR_CONFIDENT_TEXT and _same_commitment(old[i], new[j]):
            changes.append(TargetChange("unchanged", old[i], new[j], [], reasons_zh=[], rule=rule, score=score))
        else:
            change = judge(old[i], new[j], mode)
            if alike is not None and alike < PAIR_CONFIDENT_TEXT:
                en, zh = say("pairing", a=_describe(old[i]), b=_describe(new[j]), alike=f"{alike:.2f}")
                change = replace(change, reasons=[*change.reasons, en], reasons_zh=[*change.reasons_zh, zh])
            changes.append(replace(change, rule=rule, score=score))
    return changes


def _same_commitment(a: Target, b: Target) -> bool:
    """Whether two targets say the same word for word (only their clause and offset differ): judged unchanged
    without the judgement's work, which on a revision is most pairs (a 19 MB self-diff: all of them)."""
    return (a.text == b.text and a.value == b.value and a.value_max == b.value_max and a.comparator == b.comparator
            and a.unit == b.unit and a.per == b.per and a.deadline == b.deadline and a.modality == b.modality
            and a.indicator == b.indicator and a.scope == b.scope and a.kind == b.kind and a.role == b.role)


def _describe(t: Target) -> tuple[str, str]:
    """(English, Chinese) one-line description of a target: what, how much, by when, where."""
    what = t.indicator or normalise(t.text)[:20]
    value = f" {t.comparator or ''} {fmt_value(t)}" if t.value is not None else ""
    due = f" by {t.deadline}" if t.deadline else ""
    value_zh_ = f" {bound_zh(t, unit=True)}" if t.value is not None else ""
    rule = ROLE_RULES.get(t.role or "")
    if rule and t.per and t.value is not None:  # 每半年1次, not 达到1次; 参照…水平, not 达到100%
        en, zh = _provision_words(t, rule)
        value, value_zh_ = (f" {en}" if pegged(t) else f" {t.comparator or ''} {en}"), f" {zh}"
    due_zh = f"，期限{date_zh(t.deadline)}" if t.deadline else ""
    return f"{what}{value}{due} (clause {t.clause})", f"{what}{value_zh_}{due_zh}（条款 {t.clause}）"


# ---------------------------------------------------- responsibility changes


def _units(names: list[str]) -> list[str]:
    return [normalise(n) for n in names if normalise(n)]


def responsibility_changes(old: Responsibility | None, new: Responsibility | None) -> list[str]:
    """Lead unit changed, units added or removed, completion deadline changed — in English words."""
    return [en for en, _ in responsibility_reasons(old, new)]


def responsibility_reasons(old: Responsibility | None, new: Responsibility | None) -> list[tuple[str, str]]:
    """Each responsibility change as an (English, Chinese) reason."""
    if old == new:  # the same units and deadline (most clauses of a revision): nothing to say, nothing to normalise
        return []
    o = old or Responsibility(raw="")
    n = new or Responsibility(raw="")
    out = []
    lo, ln = _units(o.lead), _units(n.lead)
    none = ("none", "无")
    if lo != ln and (lo or ln):
        out.append(say("lead_unit", a="、".join(lo) or none, b="、".join(ln) or none))
    so, sn = set(_units(o.support)) | set(lo), set(_units(n.support)) | set(ln)
    for unit in sorted(sn - so):
        out.append(say("unit_added", unit=unit))
    for unit in sorted(so - sn):
        out.append(say("unit_removed", unit=unit))
    if normalise(o.deadline) != normalise(n.deadline):
        out.append(say("completion", a=o.deadline or none, b=n.deadline or none))
    return out


# ------------------------------------------------------------ assembling


def _joined(clauses: list[Clause], attr: str = "text") -> str | None:
    return "\n".join(getattr(c, attr) for c in clauses) if clauses else None


def _ids(clauses: list[Clause]) -> str | list[str] | None:
    if not clauses:
        return None
    return clauses[0].id if len(clauses) == 1 else [c.id for c in clauses]


def clause_changes(al: Alignment, mode: str = "version") -> list[ClauseChange]:
    """ClauseChange rows in the new document's order, removed clauses where they used to stand.

    In version mode a clause whose text is unchanged but whose responsible units
    or completion deadline changed is ``modified``: its duties changed, and a
    reviewer filtering on changed clauses must see it. Across levels (parent
    mode) the units differ by nature and are not a change of the clause.
    """
    rows: list[tuple[tuple[float, float], ClauseChange]] = []
    last_new_for_old: dict[int, int] = {}  # old clause -> where its pairing stands in the new order
    for p in al.pairs:
        olds, news = [al.old[i] for i in p.old], [al.new[j] for j in p.new]
        resp = responsibility_reasons(olds[0].responsibility, news[0].responsibility) if len(olds) == len(news) == 1 and mode == "version" else []
        change = "modified" if p.change == "unchanged" and resp else p.change
        row = ClauseChange(change, _ids(olds), _ids(news), p.similarity, _joined(olds), _joined(news), p.rule, p.confidence,
                           [en for en, _ in resp], [zh for _, zh in resp])
        rows.append(((min(p.new), 0), row))
        for i in p.old:
            last_new_for_old[i] = min(p.new)
    placed_before = _latest_before(last_new_for_old)
    for i, best in al.unpaired_old.items():
        before = placed_before(i)
        c = al.old[i]
        rows.append(((before + 0.5, i), ClauseChange("removed", c.id, None, None, c.text, None, "", round(1 - best, 3))))
    for j, best in al.unpaired_new.items():
        c = al.new[j]
        rows.append(((j, 0), ClauseChange("added", None, c.id, None, None, c.text, "", round(1 - best, 3))))
    rows.sort(key=lambda r: r[0])
    return [r[1] for r in rows]


def _latest_before(where: dict[int, int]):
    """``i -> max(where[k] for k < i)`` (-1 when none), by bisection over running maxima.

    Asked once per removed clause: scanning every paired clause each time made
    a diff with thousands of removed and thousands of kept clauses quadratic.
    """
    keys = sorted(where)
    running = list(accumulate((where[k] for k in keys), max))

    def before(i: int) -> int:
        k = bisect.bisect_left(keys, i)
        return running[k - 1] if k else -1

    return before


def clause_links(al: Alignment) -> set[tuple[str, str]]:
    """Pairs of clause ids whose targets may pair on less evidence: the clauses the alignment paired.

    In a law the article is the unit: a fine that moved from an article's own
    text into one of its items （一） (or a 款) is still the same article's
    fine, so every clause inside two paired articles is linked with every
    clause inside the other.
    """
    return _links(al, _article_members(al.old), _article_members(al.new))


def _links(al: Alignment, old_members: dict[str, list[str]], new_members: dict[str, list[str]]) -> set[tuple[str, str]]:
    links = {(al.old[i].id, al.new[j].id) for p in al.pairs for i in p.old for j in p.new}
    if not (old_members and new_members):
        return links  # not two laws: no article has members to link (50,000 look-ups for nothing)
    for p in al.pairs:
        for i in p.old:
            for j in p.new:
                olds, news = old_members.get(al.old[i].id), new_members.get(al.new[j].id)
                if olds and news:
                    links.update((a, b) for a in olds for b in news)
    return links


def item_links(al: Alignment) -> ItemLinks:
    """The law items and 款 the alignment paired with each other directly (see ItemLinks)."""
    return _item_links(al, _article_members(al.old), _article_members(al.new))


def _item_links(al: Alignment, old_members: dict[str, list[str]], new_members: dict[str, list[str]]) -> ItemLinks:
    old_items = {c for members in old_members.values() for c in members[1:]}
    new_items = {c for members in new_members.values() for c in members[1:]}
    return ItemLinks(frozenset((al.old[i].id, al.new[j].id) for p in al.pairs for i in p.old for j in p.new
                               if al.old[i].id in old_items and al.new[j].id in new_items))


def _article_members(clauses: list[Clause]) -> dict[str, list[str]]:
    """Article id → the ids of the article and every clause inside it (clauses in document order)."""
    members: dict[str, list[str]] = {}
    current: str | None = None
    for c in clauses:
        if c.scheme == "article":
            current = c.id
            members[current] = [c.id]
        elif current is not None and c.id.startswith(current + "."):
            members[current].append(c.id)
        else:
            current = None
    return members


def summary(changes: list[TargetChange]) -> dict[str, int]:
    out = {label: 0 for label in TARGET_LABELS}
    for c in changes:
        out[c.change] += 1
    return out


def diff_documents(
    old: Document,
    new: Document,
    mode: str = "version",
    *,
    alignment: Alignment,
    old_targets: list[Target],
    new_targets: list[Target],
    old_ref: str = "",
    new_ref: str = "",
) -> DiffResult:
    """Pair and judge: the whole diff of two documents as plain dataclasses.

    The clause alignment and both target lists come in as arguments
    (tracker.pipeline runs align and extract): judging never reaches back up
    to an earlier stage.
    """
    if mode not in ("version", "parent"):
        raise TrackerError(f"unknown diff mode {mode!r} (use version or parent)")
    al = alignment
    old_members, new_members = _article_members(al.old), _article_members(al.new)  # once for both link sets
    targets = compare_targets(old_targets, new_targets, mode, _links(al, old_members, new_members),
                              _item_links(al, old_members, new_members))
    return DiffResult(
        mode=mode,
        old=DocRef(old.metadata.title, old_ref or old.source, old.metadata),
        new=DocRef(new.metadata.title, new_ref or new.source, new.metadata),
        clauses=clause_changes(al, mode),
        targets=targets,
        summary=summary(targets),
    )
