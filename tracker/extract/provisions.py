"""Numeric provisions of laws: fines, time limits, advance periods, trigger thresholds, entitlements.

Plan targets say "护理型床位占比达到75%以上"; laws say "处二万元以上二十万元以下罚款",
"自受理之日起三十日内作出决定", "营业额超过100亿元的，应当申报", "放假3天". Read as
plan targets these come out wrong: a fine's two bounds become two unrelated
targets (≥ 20000 and ≤ 200000), a time limit is no target at all. Here each
is read as one ``quantity`` target with a ``role`` that says what kind of
provision it is; tracker.cues.ROLE_RULES says which way a change of it cuts.

Only documents with articles (第X条) are read this way; the word lists are
:mod:`tracker.extract.cues` (numeric provisions of laws).
"""
from __future__ import annotations

import bisect
import re
from itertools import accumulate
from dataclasses import replace
from decimal import Decimal

from tracker.extract import cues
from tracker.extract.deadlines import DateMention, find_dates
from tracker.extract.numbers import NUMBER, parse_number
from tracker.model import Target

_PHRASE_END = "，,。；;：:\n"
MAX_INDICATOR = 32
SENTENCE_REACH = 200  # how far a reader looks ahead for the rest of a sentence (a law's sentence is shorter)
PHRASE_REACH = 200  # how far back a phrase may start (a law's phrase between two commas is shorter)
PARAGRAPH_REACH = 2000  # how far back the previous 款 is looked for (前款)
CONDITION_PHRASES = 6  # how many phrases back a penalty's case may stand (由…责令改正 between them)


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_FINE_RE = re.compile(_alt(cues.FINE_NOUNS))
_FINE_VERB_RE = re.compile(_alt(cues.FINE_VERBS))
_AMOUNT_RE = re.compile(
    rf"(?:(?P<pct>{_alt(cues.PERCENT_WORDS)})(?P<pn>{NUMBER})|(?P<n>{NUMBER})(?P<u>倍|元|%))(?P<b>以上|以下)?"
)
#: 处五千以上一万元以下罚款: a floor whose unit is written once, after the ceiling
_SHARED_UNIT_FLOOR_RE = re.compile(rf"(?P<n>{NUMBER})以上$")
#: 罚款数额的二倍以上五倍以下: a fine set as a multiple of another fine, written after its base
_FINE_MULTIPLE_RE = re.compile(rf"(?P<base>{_alt(cues.FINE_BASES)})的?(?P<lo>{NUMBER})倍(?:以上(?P<hi>{NUMBER})倍以下)?")
_DURATION_RE = re.compile(
    rf"(?P<n>{NUMBER})(?P<u>{_alt(cues.DURATION_DAYS)})"
    rf"(?:(?P<within>{_alt(cues.TIME_LIMIT_AFTER)})|(?P<before>前)|(?P<after>后)(?!{_alt(cues.NOT_WAITING_AFTER)}))?"
)
#: 十个工作日内不能作出决定的: a time limit restated as the case of missing it, no provision of its own
_MISSED_LIMIT_RE = re.compile(
    rf"{NUMBER}(?:{_alt(cues.DURATION_DAYS)})(?:{_alt(cues.TIME_LIMIT_AFTER)})(?:{_alt(cues.MISSED_LIMIT_AFTER)})")
#: 三十人以下（含三十人）: a bound's own figure restated to say it is included, no target of its own
_INCLUSIVE_RE = re.compile(r"（含[^（）]{1,12}）")
#: 过半数 / 半数以上 / 三分之二以上 of a body or of the votes: a majority rule, its base the body it counts
_RATIO_RE = re.compile(
    rf"(?P<frac>{_alt(w for w, _ in cues.MAJORITY_WORDS)}|(?P<den>{NUMBER})分之(?P<num>{NUMBER})以上)"
    rf"|(?P<all>{_alt(cues.UNANIMITY_WORDS)})"
)
_RATIO_OPENER_RE = re.compile(_alt(cues.RATIO_BASE_OPENERS))
_RATIO_ACTS = dict(cues.RATIO_ACTS)
_RATIO_ACT_RE = re.compile(_alt(_RATIO_ACTS))
#: 半数以上董事共同推举: a base written after its majority ends before its act
_RATIO_BASE_AFTER_RE = re.compile(
    rf"的?((?:(?!{_alt([*_RATIO_ACTS, *cues.RATIO_BASE_ENDS])})[^，。；、的]){{0,8}})")
#: 处十五日以下行政拘留: a detention, read as a penalty beside fines
_DETENTION_RE = re.compile(
    rf"(?P<v>{_alt(cues.FINE_VERBS)})(?:(?P<lo>{NUMBER})日以上)?(?P<n>{NUMBER})日以下的?(?P<noun>{_alt(cues.DETENTION_NOUNS)})"
)
#: 暂停其任职资格1至3年: a penalty that suspends a right for a period
_SUSPENSION_RE = re.compile(
    rf"(?P<verb>{_alt(cues.SUSPENSION_VERBS)})(?P<what>[^，。；]{{0,10}}?)(?P<n>{NUMBER})(?:(?:至|到)(?P<hi>{NUMBER}))?(?P<u>年|个月)"
)
#: the upper end of a period written 以上…以下 (停业六个月以上一年以下)
_UPPER_PERIOD_RE = re.compile(rf"以上(?P<n>{NUMBER})(?P<u>年|个月)以下")
#: 成立3年以上的法人, 10年以上治安保卫管理工作经历: a qualification counted in years
_QUALIFICATION_RE = re.compile(
    rf"(?:(?P<n>{NUMBER})年及?以上|满(?P<full>{NUMBER})(?P<fu>年|个月))"
    rf"(?=的|[^，。；的]{{0,24}}?(?:{_alt(cues.QUALIFICATION_NOUNS)})|(?P<closed>[，,。；;]))"
    # 连续两年未发生工资拖欠的: a clean record of so many years, asked of whoever wants the relief
    rf"|{_alt(cues.RECORD_RUN_WORDS)}(?P<run>{NUMBER})年(?={_alt(cues.RECORD_RUN_NEGATIONS)})"
)
_QUALIFICATION_VERB_RE = re.compile(_alt(cues.QUALIFICATION_VERBS))
_QUALIFICATION_TAIL_RE = re.compile(rf"[^，。；]{{0,12}}?(?:{_alt(cues.QUALIFICATION_NOUNS)})")
_TAIL_RE = re.compile(rf"[^{_PHRASE_END}]{{0,16}}")  # what a frequency's duty is (its phrase's next words)
_PHRASE_REST_RE = re.compile(rf"[^{_PHRASE_END}]{{0,40}}")  # the rest of a figure's phrase
#: 为当地职工月平均工资的50%: an entitlement counted as a share of a wage or income, the wage its base
_WAGE_SHARE_RE = re.compile(
    rf"(?:{_alt(cues.WAGE_SHARE_OPENERS)})(?P<bound>{_alt(w for w, _ in cues.PROVISION_BOUNDS)})?"
    rf"(?P<base>[^，。；的]{{2,24}}?(?:{_alt(cues.WAGE_BASE_NOUNS)}))的"
    rf"(?:(?P<fw>{_alt(cues.FRACTION_WORDS)})(?P<pn>{NUMBER})|(?P<n>{NUMBER})(?P<sign>[%‰‱]))"
)
#: 标准为当地最低生活保障标准的二倍: a standard set as a multiple of a base, the base its ``per``
_MULTIPLE_RE = re.compile(
    rf"(?:{_alt(cues.MULTIPLE_OPENERS)})(?P<bound>{_alt(w for w, _ in cues.PROVISION_BOUNDS)})?"
    rf"(?P<base>[^，。；的]{{1,24}}?(?:{_alt(cues.MULTIPLE_BASE_NOUNS)}))的(?P<n>{NUMBER})倍(?!以上|以下)"
)
#: 护理人员与失能老年人的比例不低于一比四: one staff member for so many people, read as a share of them
_STAFFING_RE = re.compile(
    rf"(?:(?P<what>{_alt(cues.STAFFING_RATIO_WORDS)})(?:为|应当为)?)?(?P<bound>{_alt(w for w, _ in cues.PROVISION_BOUNDS)})?"
    rf"(?P<a>{NUMBER})[比:：](?P<b>{NUMBER})"
)
#: 按照护理人员与失能老年人不低于一比五、与半失能老年人不低于一比十的比例: the ratio word after its figures
_STAFFING_AFTER_RE = re.compile(rf"[^，。；]{{0,24}}?的?{_alt(cues.STAFFING_RATIO_WORDS)}")
#: 年度最高支付限额为二十万元: the ceiling of a payment owed, an entitlement's cap
_PAYOUT_CAP_RE = re.compile(
    rf"(?:{_alt(cues.PAYOUT_WORDS)})(?:{_alt(cues.PAYOUT_CAP_NOUNS)})(?:为|是)?(?P<n>{NUMBER})(?P<u>元)")
_PAYOUT_RE = re.compile(_alt(cues.PAYOUT_WORDS))
#: 将样本留存两年备查, 保存期限不少于三年: how long a record is kept, a floor
_RETENTION_RE = re.compile(
    rf"(?P<v>{_alt(cues.RETENTION_VERBS)})(?P<gap>[^，。；、\d]{{0,8}}?)(?P<bound>{_alt(cues.FLOOR_BEFORE)}|至少|为)?"
    rf"(?P<n>{NUMBER})(?P<u>年|个月|日|小时)(?:以上)?(?![内前后以])"
)
#: 相当于本人40个月工资, 40个月的基本工资: an entitlement counted in months of a wage, the wage its base
_WAGE_MONTHS_RE = re.compile(rf"(?P<n>{NUMBER})个月的?(?P<base>[^，。；、的]{{0,14}}?{_alt(cues.WAGE_NOUNS)})")
_CURRENCY = rf"(?:{_alt(cues.CURRENCY_AFTER)})?"
_PCT = _alt(cues.PERCENT_WORDS)
#: not right after a word that negates it (不少于 is no 少于)
_NOT_NEGATED = "".join(f"(?<!{re.escape(w)})" for w in cues.NEGATING_WORDS)
_NEGATED_END_RE = re.compile(f"(?:{_alt(cues.NEGATING_WORDS)})$")
#: the floor of a range written 以上…以下 right before a threshold's ceiling (五人以上十一人以下)
_RANGE_FLOOR_RE = re.compile(rf"(?P<n>{NUMBER})(?P<u>{_alt(cues.THRESHOLD_UNITS)})?以上$")
_THRESHOLD_RE = re.compile(
    # 百分之二十 reads as 20% does, wherever a figure with its unit is read
    rf"(?:{_NOT_NEGATED}(?P<w>{_alt(cues.THRESHOLD_WORDS)})(?:(?P<n>{NUMBER})(?P<u>{_alt(cues.THRESHOLD_UNITS)})|{_PCT}(?P<pn>{NUMBER}))"
    rf"及?(?P<b>以上|以下)?"
    rf"|(?:(?P<n2>{NUMBER})(?P<u2>{_alt(cues.THRESHOLD_UNITS)})|{_PCT}(?P<pn2>{NUMBER}))及?(?P<b2>以上|以下)){_CURRENCY}"
    rf"(?:（含[^（）]{{1,12}}）)?"  # 三十人以下（含三十人）的: the bound said to include its figure
    rf"(?=的|、[^，。；、]{{1,12}}的|或者[^，。；]{{1,20}}的|(?<=以上)[^，。；的]{{1,12}}的，)"
    # 营业额合计超过100亿元人民币，并且…: a condition closed by a comma or 并且 rather than 的
    rf"|(?<![{''.join(cues.CONDITION_NEGATIONS)}])(?P<w4>{_alt(cues.CONDITION_WORDS)})"
    rf"(?:(?P<n4>{NUMBER})(?P<u4>{_alt(cues.THRESHOLD_UNITS)})|{_PCT}(?P<pn4>{NUMBER}))(?P<b4>以上|以下)?{_CURRENCY}"
    rf"(?=[，,；;。]|并且|且)"
    # 持有公司百分之三以上股份的股东: a share held that qualifies its holder, its noun before 的
    rf"|{_alt(cues.PERCENT_WORDS)}(?P<n3>{NUMBER})(?P<b3>以上|以下)(?=[^，。；的]{{1,4}}的)"
)
_ENTITLEMENT_RE = re.compile(
    rf"(?P<cue>{_alt(cues.ENTITLEMENT_CUES)})(?P<gap>[^{_PHRASE_END}]{{0,10}}?)(?P<n>{NUMBER})(?P<u>{_alt(cues.ENTITLEMENT_UNITS)})"
)
#: 每年至少组织一次检查, 每会计年度内半年公布一次: how often a duty recurs, a count of times per period
_FREQUENCY_RE = re.compile(
    rf"每隔?(?P<n>{NUMBER})?(?P<p>{_alt(cues.FREQUENCY_PERIODS)})内?(?P<p2>半年|季度)?"
    rf"(?P<gap>[^{_PHRASE_END}\d次]{{0,24}}?)(?P<k>{NUMBER})次(?![日年月])"
)
#: 每年进行健康检查, 每半年至少公布: a duty once in each period, when no count of times follows in its sentence
_ONCE_PER_PERIOD_RE = re.compile(
    rf"每(?P<n>{NUMBER})?(?P<p>{_alt(cues.FREQUENCY_PERIODS)})(?P<gap>(?:{_alt(cues.FREQUENCY_AT_LEAST)})?)"
    rf"(?={_alt(cues.FREQUENCY_VERBS)})(?![^。；;\n]{{0,{SENTENCE_REACH}}}次(?![日年月]))"  # a count later in the sentence
)
_ANNUAL_REVIEW_RE = re.compile(rf"(?:{_alt(cues.ANNUAL_REVIEW_VERBS)})(?P<w>{_alt(cues.ANNUAL_REVIEW_WORDS)})")
_AT_LEAST_RE = re.compile(_alt(cues.FREQUENCY_AT_LEAST))
_EXEMPTION_RE = re.compile(_alt(cues.EXEMPTION_CUES))
_RIGHT_RE = re.compile(_alt(cues.RIGHT_WORDS))
_FLOOR_RE = re.compile(rf"(?P<w>{_alt(cues.FLOOR_BEFORE)})(?P<n>{NUMBER})(?P<u>{_alt(cues.FLOOR_UNITS)})(?![次])")
_LIMIT_RE = re.compile(
    rf"(?P<w>{_alt(cues.LIMIT_BEFORE)})(?:(?P<n>{NUMBER})(?P<u>{_alt(cues.LIMIT_UNITS)})"
    rf"|(?:{_alt(cues.PERCENT_WORDS)})(?P<pn0>{NUMBER})(?![^，。；,;]{{0,4}}的)"  # 不得超过百分之五 (no base named)
    # 涨幅不得超过上一年度租金的百分之十: a ceiling as a share of a base written before it
    rf"|(?P<base>[^，。；,;的]{{1,14}})的(?:{_alt(cues.PERCENT_WORDS)}(?P<pn>{NUMBER})|(?P<n2>{NUMBER})%"
    rf"|(?P<nx>{NUMBER})倍))"  # 不得超过其净资产的10倍: a ceiling as a multiple of a base
)
_BOUND_RE = re.compile(_alt(w for w, _ in cues.PROVISION_BOUNDS))
_BOUNDS = dict(cues.PROVISION_BOUNDS)
_BAN_RE = re.compile(_alt(cues.BAN_AFTER))
_BAN_BEFORE_RE = re.compile(f"(?:{_alt(cues.BAN_BEFORE)})$")
_YEAR_LIKE = re.compile(r"\d{4}$")
_NOT_END = rf"[^{_PHRASE_END}、]"
_RELATIVE_RE = re.compile(
    rf"(?P<w>{_alt(cues.RELATIVE_WORDS)})(?P<base>{_NOT_END}{{0,24}}?(?:(?P<level>{_alt(cues.STATISTIC_MARKS)})"
    rf"{_NOT_END}{{0,14}}?(?:{_alt(cues.STATISTIC_NOUNS)})(?:水平|标准)?|{_NOT_END}{{1,24}}?(?:{_alt(cues.STATISTIC_GROWTH)})))"
)
_MODAL_END_RE = re.compile(rf"(?:{_alt(cues.PROVISION_MODALS)})+$")
_NOT_WITHIN_RE = re.compile(_alt(cues.NOT_WITHIN_BEFORE))
_FROM_EVENT_RE = re.compile(r"自.{1,30}?起")


def provisions(text: str, clause_id: str) -> list[Target]:
    """Every numeric provision of one clause text, in text order (offsets into ``text``)."""
    found: list[Target] = []
    starts: list[int] = []  # the kept spans, which never overlap, sorted: a new span is checked
    ends: list[int] = []  # against its two neighbours only (checking all of them was quadratic)

    def keep(t: Target | None, span: tuple[int, int]) -> None:
        if t is None:
            return
        k = bisect.bisect_right(starts, span[0])
        if (k and ends[k - 1] > span[0]) or (k < len(starts) and starts[k] < span[1]):
            return
        starts.insert(k, span[0])
        ends.insert(k, span[1])
        found.append(t)

    for pattern, reader, keys in READERS:
        if keys and not any(k in text for k in keys):
            continue  # its words are not in the clause: no scan (most clauses hold few kinds of provision)
        for m in pattern.finditer(text):
            keep(*reader(text, m, clause_id))
    for date in find_dates(text):
        keep(*_effective(text, date, clause_id))
    return sorted(found, key=lambda t: t.start)


def merge(targets: list[Target], found: list[Target], text: str = "") -> list[Target]:
    """Provisions replace the plan-style targets read from the same words; a time limit restated as the case
    of missing it (十个工作日内不能作出决定的, in ``text``) and a bound's figure restated in brackets to say it
    is included (三十人以下（含三十人）) are no targets at all."""
    restated = [(m.start(), m.end()) for m in _MISSED_LIMIT_RE.finditer(text)]
    restated += [(m.start(), m.end()) for m in _INCLUSIVE_RE.finditer(text)]
    if not (found or restated):
        return targets
    spans = sorted([(t.start, t.start + len(t.text)) for t in found] + restated)
    starts = [lo for lo, _ in spans]
    reach = list(accumulate((hi for _, hi in spans), max))  # the furthest end of the spans up to each one

    def covered(t: Target) -> bool:
        """Whether a provision's span overlaps ``t``'s: the last span starting before its end reaches into it."""
        k = bisect.bisect_left(starts, t.start + len(t.text))
        return k > 0 and reach[k - 1] > t.start

    kept = [t for t in targets if not covered(t)]
    found = [t for k, t in enumerate(found) if not (k and _gloss(found[k - 1], t))]
    return sorted(kept + found, key=lambda t: t.start)


def exempted_by_lead_in(found: list[Target], lead_in: str) -> list[Target]:
    """有下列情形之一的，暂免征收…：（一）在职职工总数在二十人以下的: an item's trigger under a lead-in that grants
    an exemption (cues.EXEMPTION_CUES, the lead-in ending with its colon) is an exemption threshold, as the same
    condition written in one sentence (…二十人以下的，暂免征收) already is."""
    lead = lead_in.rstrip()
    if not lead.endswith(("：", ":")) or not _EXEMPTION_RE.search(lead[-SENTENCE_REACH:]):
        return found
    return [replace(t, role="exemption") if t.role == "threshold" else t for t in found]


_BODY_SET_UP_RE = re.compile(rf"(?:{_alt(cues.BODY_SETUP_VERBS)})(?P<body>[^，,。；;、]{{1,12}})$")


def name_its_body(targets: list[Target], text: str) -> list[Target]:
    """有限责任公司设董事会，其成员为三人至十三人: a figure whose label opens with 其 names the body the previous
    phrase set up (董事会成员), so a revision that writes 董事会成员为三人以上 is seen to speak of the same members."""
    out = []
    for t in targets:
        label = t.indicator or ""
        body = None
        if label.startswith("其") and not label.startswith(cues.NOT_A_PRONOUN):
            m = _BODY_SET_UP_RE.search(_previous_phrase(text, _phrase_start(text, t.start)))
            body = m.group("body") if m else None
        out.append(replace(t, indicator=body + label[1:]) if body else t)
    return out


def _gloss(before: Target, t: Target) -> bool:
    """A provision in brackets right after one of the same role and figure, counted from the same event,
    restates it (三十日内（含三十日）): not a provision of its own. One counted from an event of its own is a
    sub-case's own time limit (自变更之日起15日内（属于工商登记事项的自工商登记变更之日起15日内）)."""
    opened = t.text.rfind("（")
    return (opened >= 0 and "）" not in t.text[opened:] and (before.role, before.value, before.unit) == (
        t.role, t.value, t.unit) and _events(before.text) == _events(t.text[opened:]))


def _events(text: str) -> list[str]:
    """The events a period is counted from in ``text`` (自工商登记变更之日起 → 工商登记变更之日)."""
    return [m.group(0)[1:-1] for m in _FROM_EVENT_RE.finditer(text)]


# --------------------------------------------------------------- readers


def _phrase_start(text: str, pos: int) -> int:
    """Where ``pos``'s phrase starts: after the last 、-less phrase end before it, at most PHRASE_REACH back
    (a one-line hostile text has no phrase ends: walking it back for every figure was quadratic)."""
    start = max(0, pos - PHRASE_REACH)
    cut = max(text.rfind(end, start, pos) for end in _PHRASE_END)
    return cut + 1 if cut >= 0 else start


def _sentence_before(text: str, pos: int, reach: int = 40) -> str:
    """The text of ``pos``'s sentence before it (自…起，经过六十日: the event may stand a phrase earlier)."""
    start = max(0, pos - reach)
    cut = max(text.rfind(end, start, pos) for end in "。；;\n")
    return text[max(start, cut + 1) : pos]


#: The longest opening phrase that names what an entitlement of a list item is for (（一）春节，放假3天).
MAX_OPENING_NAME = 6
_ENTRY_ENDS = "。；;：:\n"


def _named_by_opening(text: str, lo: int) -> str:
    """The short phrase that opens the entitlement's sentence or list entry, when the entitlement's own
    phrase follows it: （一）春节，放假3天 and 春节，放假3天；劳动节，放假1天 read 春节放假 / 劳动节放假 (every
    entry says 放假; its name is what tells them apart)."""
    if lo == 0 or text[lo - 1] not in "，,":
        return ""
    reach = max(0, lo - 1 - PHRASE_REACH)
    opened = max(max(text.rfind(end, reach, lo - 1) for end in _ENTRY_ENDS) + 1, reach)
    head = text[opened : lo - 1].strip()
    return head if 0 < len(head) <= MAX_OPENING_NAME and not any(c in head for c in "，,") else ""


def _label(words: str) -> str | None:
    """A provision's label from the words before its figure: no spaces, no 的/之 or joining word at its ends
    (并且其中至少两个经营者…的营业额 reads 其中至少两个经营者…的营业额)."""
    words = "".join(words.split())
    opened = words.rfind("（")
    if opened >= 0 and "）" not in words[opened:]:  # …15日内（属于工商登记事项的自…: the bracket's own words
        words = words[opened + 1 :]
    words = words.strip("的之")
    for conjunction in cues.LABEL_CONJUNCTIONS:
        words = words.removeprefix(conjunction)
    if len(words) > MAX_INDICATOR:
        words = words[-MAX_INDICATOR:]
    return words or None


def _target(clause_id, role, indicator, comparator, value, value_max, unit, per, text, start, end, scope=None) -> Target:
    return Target(
        clause=clause_id, kind="quantity", indicator=indicator, scope=scope, comparator=comparator, value=value,
        value_max=value_max, unit=unit, per=per, deadline=None, modality="must", text=text[start:end], start=start,
        role=role,
    )


def _fine(text: str, m: re.Match, clause_id: str):
    """处二万元以上二十万元以下罚款 → one fine, range 20000..200000 元; 处违法所得2倍以下罚款 → ≤ 2 倍 of 违法所得."""
    lo = _phrase_start(text, m.start())
    verbs = list(_FINE_VERB_RE.finditer(text, lo, m.start()))
    if not verbs:
        return None, (0, 0)
    verb = verbs[-1]
    start_of_amount = verb.end()
    amounts = list(_AMOUNT_RE.finditer(text, verb.end(), m.start()))
    if not amounts and text[lo:verb.start()].lstrip("并").startswith(cues.FINE_AMOUNT_BEFORE_VERB):
        start_of_amount = lo  # 并按照每平方米十元以上三十元以下处以罚款: the amount stands before its verb
        amounts = list(_AMOUNT_RE.finditer(text, lo, verb.start()))
    if not amounts or len(amounts) > 2 or len({_amount_unit(a) for a in amounts}) > 1:
        return None, (0, 0)
    values = [parse_number(a.group("n") or a.group("pn")) for a in amounts]
    if None in values:
        return None, (0, 0)
    unit = _amount_unit(amounts[0])
    bounds = [a.group("b") for a in amounts]
    floor = _SHARED_UNIT_FLOOR_RE.search(text, start_of_amount, amounts[0].start())
    if len(amounts) == 1 and bounds == ["以下"] and floor and parse_number(floor.group("n")) is not None:
        values, bounds = [parse_number(floor.group("n")), values[0]], ["以上", "以下"]  # 五千以上一万元以下
        amounts = [floor, amounts[0]]
    if len(amounts) == 2 and bounds == ["以上", "以下"]:
        comparator, value, value_max = "range", values[0], values[1]
    elif len(amounts) == 1:
        comparator = {"以上": ">=", "以下": "<="}.get(bounds[0] or "", "=")
        value, value_max = values[0], None
    else:
        return None, (0, 0)
    lead = _label(text[start_of_amount : amounts[0].start()])
    if lead and start_of_amount == lo and cues.PER_WORDS[0] in lead:
        lead = lead[lead.index(cues.PER_WORDS[0]):]  # 并按照每平方米 → 每平方米
    per = lead if unit in cues.FINE_RELATIVE_UNITS or (lead or "").startswith(cues.PER_WORDS) else None
    who = re.search(r"对([^，。；]+?)(?:可以)?$", text[lo : verb.start()])
    indicator = (who.group(1)[-MAX_INDICATOR:] if who else "") + m.group(0)
    condition = _former_paragraph_case(text, lo, _condition(text, lo))
    if condition:  # 尚未实施…的，处五十万元以下罚款: the case tells one article's fines apart
        indicator = condition + indicator  # (not in brackets: pairing reads bracketed words as noise)
    start = who.start() + lo if who else min(verb.start(), start_of_amount)
    scope = who.group(1)[-MAX_INDICATOR:] if who else _addressee_before(text, lo)
    # the words it claims start at its amount: 处五日以下拘留或者五百元以下罚款 leaves the detention to its reader
    return _target(clause_id, "fine", indicator, comparator, value, value_max, unit, per, text, start, m.end(),
                   scope=scope), (amounts[0].start(), m.end())


_ADDRESSEE_RE = re.compile(rf"对([^，。；]+?)(?:可以)?(?:{_alt(cues.FINE_VERBS)})")


def _addressee_before(text: str, phrase_start: int) -> str | None:
    """Whom a fine without its own 对… is imposed on: the last one named earlier in its sentence
    (对单位处…罚款，上一年度没有销售额的，处五百万元以下的罚款: the second fine is the unit's too)."""
    sentence = _sentence_before(text, phrase_start, reach=200)
    named = _ADDRESSEE_RE.findall(sentence)
    return named[-1][-MAX_INDICATOR:] if named else None


def _amount_unit(m: re.Match) -> str:
    return "%" if m.group("pct") else m.group("u")


def _fine_multiple(text: str, m: re.Match, clause_id: str):
    """在…规定的罚款数额的二倍以上五倍以下确定罚款数额 → a fine of 2..5 倍 of the fine it names as its base."""
    lo, hi = parse_number(m.group("lo")), parse_number(m.group("hi")) if m.group("hi") else None
    if lo is None:
        return None, (0, 0)
    comparator, value_max = ("range", hi) if hi is not None else ("=", None)
    start = _phrase_start(text, m.start())
    indicator = (_condition(text, start) or "") + m.group("base")
    return _target(clause_id, "fine", indicator, comparator, lo, value_max, "倍", m.group("base"), text, start,
                   m.end()), (m.start(), m.end())


def _former_paragraph_case(text: str, pos: int, condition: str | None) -> str | None:
    """A case that names the previous 款's (货运站经营者有前款违法情形的) is that 款's case, told by its
    subject: the fine of the previous paragraph's case, restated for another subject."""
    if not condition or not any(word in condition for word in cues.FORMER_PARAGRAPH):
        return condition
    own = text.rfind("\n", max(0, pos - PARAGRAPH_REACH), pos)
    if own < 0:
        return condition
    start = max(0, own - PARAGRAPH_REACH)
    cut = text.rfind("\n", start, own)
    previous = text[cut + 1 if cut >= 0 else start : own]
    fines = list(_FINE_RE.finditer(previous))
    if not fines:
        return condition
    return _condition(previous, _phrase_start(previous, fines[-1].start())) or condition


def _condition(text: str, phrase_start: int) -> str | None:
    """The case a penalty phrase answers: the nearest phrase of its sentence before it that ends in 的.

    情节严重的，处…; 组织…达成垄断协议的，由执法机构责令改正，可以处…: a phrase of who acts
    (由…责令改正) may stand between the case and its penalty.
    """
    k = phrase_start
    for _ in range(CONDITION_PHRASES):
        if k < 2 or text[k - 1] not in "，,":
            break
        before = _phrase_start(text, k - 1)
        words = "".join(text[before : k - 1].split())
        if words.endswith("的") and len(words) >= 3:
            return words[-MAX_INDICATOR:]
        k = before
    return None


def _duration(text: str, m: re.Match, clause_id: str):
    """自受理之日起三十日内 → time limit ≤ 30 日; 可以延长十日 → time limit ≤ 10 日 (an extension);
    提前三十日 / 三十日前 → advance period ≥ 30 日."""
    raw = m.group("n")
    if _YEAR_LIKE.match(raw) or (m.group("u") == "年" and text[m.end() : m.end() + 1].isdigit()):
        return None, (0, 0)  # a date (2023年7月), not a duration
    value = parse_number(raw)
    if value is None or (raw == "一" and text[m.start() - 1 : m.start()] in ("上", "下")):
        return None, (0, 0)  # 上一年度: the previous year, no duration
    lo = _phrase_start(text, m.start())
    before = text[lo : m.start()]
    bound = _BOUND_RE.search(before[-5:]) if before else None
    if m.group("within") and text.startswith(cues.MISSED_LIMIT_AFTER, m.end()):
        return None, (0, 0)  # 二十日内不能作出决定的: the limit restated as the case of missing it
    if m.group("within") and text.startswith(cues.COUNT_WINDOW_AFTER, m.end()):
        return None, (0, 0)  # 一年内累计三次以上的: the window of a count, read with the count's threshold
    if m.group("within") and _RIGHT_RE.search(before):
        role, comparator = "entitlement", "<="  # 消费者有权自收到商品之日起七日内退货: a window owed
    elif before.endswith(cues.ADVANCE_BEFORE) or (m.group("before") and not m.group("within")) or (
            before.endswith("前") and len(before) > 1 and (not before[:-1].endswith(cues.ADVANCE_NOT_AFTER)
                                                           or before[:-1].endswith(cues.EVENT_DAY))):
        role, comparator = "advance", ">="
    elif m.group("after") or (m.group("within") and _NOT_WITHIN_RE.search(before)) or before.endswith(cues.NOT_YET_FULL):
        # 满3年后 / 未在4个月内收到…的，可以… / 自上次调整之日起未满二年的，不得再次调整: a wait
        role, comparator = "waiting", ">="
    elif before.endswith(cues.BAN_BEFORE):
        role, comparator = "ban", "<="
    elif m.group("within"):
        tail = text[m.end() : m.end() + 4]
        role, comparator = ("ban", "<=") if _BAN_RE.match(tail) else ("time_limit", "<=")
    elif (bound and _BOUNDS[bound.group(0)] == "<=") or (before.endswith(cues.EXTENSION_BEFORE) and not m.group("after")):
        role, comparator = "time_limit", "<="  # 不超过三十日; 可以延长十日 (by up to ten days)
    elif before.endswith(cues.PERIOD_BEFORE) and _FROM_EVENT_RE.search(_sentence_before(text, m.start())):
        role, comparator = "time_limit", "="
    else:
        return None, (0, 0)
    unit = cues.DURATION_DAYS[m.group("u")][0]
    indicator = _label(_BOUND_RE.sub("", _BAN_BEFORE_RE.sub("", before)))
    if role == "time_limit" and not _FROM_EVENT_RE.search(before):
        event = _FROM_EVENT_RE.findall(_sentence_before(text, lo))  # the event stands a phrase earlier
        indicator = _label(event[-1] + before) if event else indicator
    if indicator in cues.EMPTY_LABELS:
        indicator = None  # 应当在15日前: the duty is named by the phrase before
    indicator = indicator or _label(_previous_phrase(text, lo)) or {"advance": "提前期", "waiting": "等待期"}.get(role, "期限")
    return _target(clause_id, role, indicator, comparator, value, None, unit, None, text, lo, m.end()), (m.start(), m.end())


def _threshold(text: str, m: re.Match, clause_id: str):
    """营业额超过100亿元的 → trigger > 1e10 元; 职工人数三百人以上的 → trigger ≥ 300 人;
    持有百分之三以上股份的股东 → ≥ 3 % (a lower share lets more holders act)."""
    k = next(k for k in ("", "2", "3", "4") if m.group(f"n{k}") or (k != "3" and m.group(f"pn{k}")))
    spelled = k != "3" and m.group(f"pn{k}")  # 百分之二十: the figure in words, its unit %
    n = m.group(f"pn{k}") if spelled else m.group(f"n{k}")
    unit, bound = ("%" if spelled or k == "3" else m.group(f"u{k}")), m.group(f"b{k}")
    value = parse_number(n)
    if value is None:
        return None, (0, 0)
    comparator = cues.THRESHOLD_WORDS.get(m.group("w") or m.group("w4") or "", None)
    if bound:
        comparator = {"以上": ">=", "以下": "<="}[bound] if comparator in (None, ">=") else comparator
    if unit == "岁":
        unit = "周岁"
    floor = _RANGE_FLOOR_RE.search(text, max(0, m.start() - 16), m.start()) if bound == "以下" else None
    low = parse_number(floor.group("n")) if floor and floor.group("u") in (None, unit) else None
    if low is not None and low < value:  # 五人以上十一人以下: one range, not a ceiling with a stray floor
        comparator, value, value_max = "range", low, value
    else:
        value_max, floor = None, None
    lo = _phrase_start(text, m.start())
    before = text[lo : floor.start() if floor else m.start()]  # the range's floor is no part of its label
    alternative = before.rfind("或者")
    cut = max(before.rfind("、") + 1, alternative + 2 if alternative >= 0 else 0)
    indicator = _label(before[cut:]) or unit  # 男年满60周岁、女年满55周岁的 / …或者批量价值在…: the second names itself
    role = "exemption" if _EXEMPTION_RE.search(_sentence_rest(text, m.end())) else "threshold"
    return _target(clause_id, role, indicator, comparator, value, value_max, unit, None, text, lo, m.end()), (
        m.start(), m.end())


def _sentence_rest(text: str, pos: int) -> str:
    """The rest of the sentence from ``pos``: what a condition gates (up to 。 or ；, at most SENTENCE_REACH
    characters: a hostile one-line text must not make every condition read to its end)."""
    return re.match(rf"[^。；;]{{0,{SENTENCE_REACH}}}", text[pos : pos + SENTENCE_REACH]).group(0)


def _entitlement(text: str, m: re.Match, clause_id: str):
    """放假3天 → entitlement = 3 天; 奖金最低不少于3000元 → entitlement ≥ 3000 元."""
    value = parse_number(m.group("n"))
    if value is None:
        return None, (0, 0)
    gap = m.group("gap")
    bounds = _BOUND_RE.findall(gap)
    comparator = _BOUNDS[bounds[-1]] if bounds else "="
    unit = "日" if m.group("u") == "天" else m.group("u")
    lo = _phrase_start(text, m.start())
    indicator = _label(_named_by_opening(text, lo) + text[lo : m.start("gap")] + _BOUND_RE.sub("", gap))
    return _target(clause_id, "entitlement", indicator, comparator, value, None, unit, None, text, lo, m.end()), (
        m.start(), m.end())


def _frequency(text: str, m: re.Match, clause_id: str):
    """每年至少组织一次安全检查 → frequency ≥ 1 次 per 每年, as a plan's 每年开展评价不少于1次 is read;
    每半年进行健康检查 → 1 次 per 每半年 (a duty once in each period).

    The period is the base (``per``): compare.py sets 每半年一次 against 每年一次 by the period's
    length (cues.FREQUENCY_PERIODS). 至少 / 不少于 make the count a floor. Named by what recurs.
    """
    groups = m.groupdict()
    times = parse_number(groups["k"]) if groups.get("k") else Decimal(1)
    if not times:
        return None, (0, 0)
    per = "每" + (groups.get("p2") or (groups["n"] or "") + groups["p"])
    gap = groups["gap"]
    comparator = ">=" if _AT_LEAST_RE.search(gap) else "="
    tail = _TAIL_RE.match(text, m.end()).group(0)
    indicator = _label(_AT_LEAST_RE.sub("", gap) + tail) or "频次"
    return _target(clause_id, "frequency", indicator, comparator, times, None, "次", per, text, m.start(),
                   m.end()), (m.start(), m.end())


def _annual_review(text: str, m: re.Match, clause_id: str):
    """对收购企业实行年审制度 → frequency = 1 次 per 每年, named 年审: a yearly duty its word already counts."""
    return _target(clause_id, "frequency", m.group("w"), "=", Decimal(1), None, "次", "每年", text, m.start(),
                   m.end()), (m.start("w"), m.end())


def _limit(text: str, m: re.Match, clause_id: str):
    """收费不得超过5000元 → limit ≤ 5000 元 (a ceiling: lower is stricter); 涨幅不得超过上一年度租金的百分之十
    → ≤ 10 % of 上一年度租金. A ceiling right after a fine (处以罚款，最高不超过五万元) is that fine's cap, and a
    phrase that names nothing but its bound takes its subject from the phrase before (…的，不得超过…)."""
    written = m.group("n") or m.group("pn0") or m.group("pn") or m.group("n2") or m.group("nx")
    value = parse_number(written)
    if value is None:
        return None, (0, 0)
    unit, per = (m.group("u"), None) if m.group("n") else ("倍" if m.group("nx") else "%", _label(m.group("base") or ""))
    lo = _phrase_start(text, m.start())
    before = _previous_phrase(text, lo)
    own = _label(text[lo : m.start()])
    indicator = own or _label(before)
    fine = _FINE_RE.search(before[-6:]) if not own or own in cues.LIMIT_BEFORE_BARE else None  # …罚款500元，最高不得超过
    if fine and unit in ("元", "倍"):  # 但最高不超过上一年度应缴环境保护税税额的五倍: the cap in 倍 of a base
        case = _condition(text, _phrase_start(text, lo - 1))
        return _target(clause_id, "fine", (case or "") + fine.group(0), "<=", value, None, unit, per, text, lo,
                       m.end()), (m.start(), m.end())
    role = "entitlement" if unit == "元" and _PAYOUT_RE.search(indicator or "") else "limit"  # 补助最高不超过五千元
    return _target(clause_id, role, indicator or "上限", "<=", value, None, unit, per, text, lo, m.end()), (
        m.start(), m.end())


def _payout_cap(text: str, m: re.Match, clause_id: str):
    """年度最高支付限额为二十万元 → entitlement ≤ 200000 元: the most that is paid, so a higher cap owes more."""
    value = parse_number(m.group("n"))
    if value is None:
        return None, (0, 0)
    lo = _phrase_start(text, m.start())
    indicator = _label(text[lo : m.start("n")].removesuffix("为").removesuffix("是")) or "支付限额"
    return _target(clause_id, "entitlement", indicator, "<=", value, None, m.group("u"), None, text, lo, m.end()), (
        m.start(), m.end())


def _previous_phrase(text: str, lo: int) -> str:
    """The phrase before the one starting at ``lo`` (its subject, when that one names only a bound)."""
    if lo < 2 or text[lo - 1] not in "，,":
        return ""
    return text[_phrase_start(text, lo - 1) : lo - 1]


def _floor(text: str, m: re.Match, clause_id: str):
    """安全距离不得小于三百米 → floor ≥ 300 米 (a higher floor is stricter); in a phrase that ends with 的
    (年开放时间不少于二百四十日、…以上的，每年补助…) it is a condition, a threshold."""
    value = parse_number(m.group("n"))
    if value is None:
        return None, (0, 0)
    lo = _phrase_start(text, m.start())
    indicator = _label(text[lo : m.start()]) or "下限"
    unit = "人" if m.group("u") == "名" else m.group("u")
    rest = _PHRASE_REST_RE.match(text, m.end()).group(0)
    role = "threshold" if rest.endswith("的") else "floor"  # 年开放时间不少于二百四十日…的，补助…: a condition
    return _target(clause_id, role, indicator, ">=", value, None, unit, None, text, lo, m.end()), (
        m.start(), m.end())


def _relative(text: str, m: re.Match, clause_id: str):
    """抚恤金标准参照全国职工平均工资水平确定 → entitlement ~ 100 % of 全国职工平均工资水平: a standard pegged
    to a statistic (cues.RELATIVE_WORDS). Its statistic is its base, so a new statistic reads 'changed' and a
    dropped guarantee (保障其生活不低于当地的平均生活水平) is reported; 达不到…水平的 is a relief's trigger."""
    comparator, level_role, growth_role = cues.RELATIVE_WORDS[m.group("w")]
    role = level_role if m.group("level") else growth_role
    rest = _PHRASE_REST_RE.match(text, m.end()).group(0)
    if (role == "threshold") != rest.startswith("的"):
        return None, (0, 0)  # 低于 …的 is a condition; 不低于 …的 describes a noun, not a standard
    lo = _phrase_start(text, m.start())
    own = _MODAL_END_RE.sub("", text[lo : m.start()])
    indicator = _label(own) or _label(_MODAL_END_RE.sub("", _previous_phrase(text, lo))) or "标准"
    base = _label(m.group("base"))
    return _target(clause_id, role, indicator, comparator, Decimal(100), None, "%", base, text, lo, m.end()), (
        m.start(), m.end())


def _detention(text: str, m: re.Match, clause_id: str):
    """处十五日以下行政拘留 → detention ≤ 15 日; 处五日以上十日以下拘留 → 5..10 日; named by the case it
    answers as a fine is."""
    value = parse_number(m.group("n"))
    floor = parse_number(m.group("lo")) if m.group("lo") else None
    if value is None:
        return None, (0, 0)
    lo = _phrase_start(text, m.start())
    indicator = (_condition(text, lo) or "") + m.group("noun")
    comparator, low, high = ("range", floor, value) if floor is not None else ("<=", value, None)
    return _target(clause_id, "detention", indicator, comparator, low, high, "日", None, text, m.start(), m.end()), (
        m.start(), m.end())


def _suspension(text: str, m: re.Match, clause_id: str):
    """暂停其任职资格1至3年 → a ban of 1..3 年 on what it suspends (a longer one is heavier);
    责令停业六个月以上一年以下 → 6..12 月 (both ends in the shorter unit)."""
    lo_value = parse_number(m.group("n"))
    hi_value = parse_number(m.group("hi")) if m.group("hi") else None
    if lo_value is None:
        return None, (0, 0)
    unit, end = cues.DURATION_DAYS[m.group("u")][0], m.end()
    upper = _UPPER_PERIOD_RE.match(text, m.end()) if hi_value is None else None
    if upper and parse_number(upper.group("n")) is not None:
        hi_value, hi_unit, end = parse_number(upper.group("n")), cues.DURATION_DAYS[upper.group("u")][0], upper.end()
        if hi_unit != unit:  # 六个月以上一年以下: in months
            lo_value, hi_value = (v * 12 if u == "年" else v for v, u in ((lo_value, unit), (hi_value, hi_unit)))
            unit = "月"
    comparator = "range" if hi_value is not None else "="
    indicator = _label(m.group("verb") + m.group("what"))
    return _target(clause_id, "ban", indicator, comparator, lo_value, hi_value, unit, None, text, m.start(),
                   end), (m.start(), end)


def _qualification(text: str, m: re.Match, clause_id: str):
    """成立3年以上的法人 → a qualification ≥ 3 年: who may act must have at least this much; so is
    从事鉴定工作五年以上。 or 实习满一年， (years closing a phrase of service or holding:
    cues.QUALIFICATION_VERBS), and 连续两年未发生工资拖欠 (a clean record of so many years)."""
    written = m.group("n") or m.group("full") or m.group("run")
    value = parse_number(written)
    if value is None or _YEAR_LIKE.match(written):
        return None, (0, 0)
    if m.group("full") and not m.group("closed"):
        return None, (0, 0)  # 满十年的矿工: a condition, read as a threshold
    lo = _phrase_start(text, m.start())
    if m.group("closed") and not _QUALIFICATION_VERB_RE.search(text, lo, m.start()):
        return None, (0, 0)
    tail = _QUALIFICATION_TAIL_RE.match(text, m.end())
    if m.group("run"):  # 连续两年未发生工资拖欠的: the record is what the years are counted without
        tail = _PHRASE_REST_RE.match(text, m.end())
    indicator = _label(text[lo : m.start()] + (tail.group(0).removesuffix("的") if tail else "")) or "年限"
    unit = "月" if m.group("fu") == "个月" else "年"  # 实习满十八个月: months, compared with years in days
    return _target(clause_id, "qualification", indicator, ">=", value, None, unit, None, text, lo, m.end()), (
        m.start(), m.end())


def _wage_months(text: str, m: re.Match, clause_id: str):
    """相当于本人40个月工资 → entitlement = 40 个月 of 工资: the wage is its base, so 工资 → 基本工资 is a new base."""
    value = parse_number(m.group("n"))
    if value is None:
        return None, (0, 0)
    lo = _phrase_start(text, m.start())
    base = _label(m.group("base"))
    indicator = _label(text[lo : m.start()]) or base
    return _target(clause_id, "entitlement", indicator, "=", value, None, "个月", base, text, lo, m.end()), (
        m.start(), m.end())


def _multiple(text: str, m: re.Match, clause_id: str):
    """标准为当地最低生活保障标准的二倍 → entitlement = 2 倍 of 当地最低生活保障标准: more of the base is owed when it
    rises, and a new base is a new basis ('changed'). Bounded (不超过…的二倍) it is a ceiling, a limit."""
    value = parse_number(m.group("n"))
    if value is None:
        return None, (0, 0)
    comparator = _BOUNDS[m.group("bound")] if m.group("bound") else "="
    role = "limit" if comparator in ("<=", "<") else "entitlement"
    lo = _phrase_start(text, m.start())
    own = _label(_MODAL_END_RE.sub("", text[lo : m.start()])) or ""
    if len(own) <= 2:  # 按月发给生活补助，标准为…: the standard of what the phrase before names
        own = (_label(_previous_phrase(text, lo)) or "") + own
    indicator = own or "标准"
    return _target(clause_id, role, indicator, comparator, value, None, "倍", _label(m.group("base")), text, lo,
                   m.end()), (m.start(), m.end())


def _staffing(text: str, m: re.Match, clause_id: str):
    """护理人员与失能老年人的比例不低于一比四 → floor ≥ 25 % of 失能老年人 (staff per person served): 一比四 →
    一比三 is more staff for as many people, a higher floor. 不超过 makes it a ceiling (a limit)."""
    a, b = parse_number(m.group("a")), parse_number(m.group("b"))
    if not a or not b:
        return None, (0, 0)
    lo = _phrase_start(text, m.start())
    pair = text[lo : m.start()].removesuffix("的")
    if not (m.group("what") or m.group("bound")) and not ("与" in pair and _STAFFING_AFTER_RE.match(text, m.end())):
        return None, (0, 0)  # 一比五 names a ratio beside 比例 (before it, or after it with its parties) or a bound
    comparator = _BOUNDS[m.group("bound")] if m.group("bound") else "="
    role = "limit" if comparator in ("<=", "<") else "floor"
    cut = pair.rfind("、") + 1  # 与失能老年人不低于一比五、与半失能老年人…: each ratio its own parties
    pair, lo = pair[cut:], lo + cut
    served = pair.rsplit("与", 1)[-1] if "与" in pair else None  # 护理人员与失能老年人: staff, then whom they serve
    value = (a * 100 / b).quantize(Decimal("0.01")).normalize()
    return _target(clause_id, role, _label(pair) or "配备比例", comparator, value, None, "%", _label(served or ""),
                   text, lo, m.end()), (m.start(), m.end())


def _retention(text: str, m: re.Match, clause_id: str):
    """将印刷委托书和出版物样本留存两年备查 → floor ≥ 2 年: a record kept longer is a stricter duty."""
    value = parse_number(m.group("n"))
    if value is None or _YEAR_LIKE.match(m.group("n")):
        return None, (0, 0)
    lo = _phrase_start(text, m.start())
    indicator = _label(text[lo : m.start()] + m.group("v") + m.group("gap")) or "保存期限"
    unit = "月" if m.group("u") == "个月" else m.group("u")
    return _target(clause_id, "floor", indicator, ">=", value, None, unit, None, text, lo, m.end()), (
        m.start(), m.end())


def _share_ceiling(text: str, m: re.Match, clause_id: str):
    """同一户家庭的成员不得超过半数 → limit ≤ 50 %: a ceiling on a share, as 不得超过百分之五十 reads, not a majority."""
    lo = _phrase_start(text, m.start())
    indicator = _label(_NEGATED_END_RE.sub("", text[lo : m.start()])) or "上限"
    return _target(clause_id, "limit", indicator, "<=", Decimal(50), None, "%", None, text, lo, m.end()), (
        m.start(), m.end())


def _ratio(text: str, m: re.Match, clause_id: str):
    """经全体委员过半数同意 → ratio > 50 % of 全体委员 (its base, ``per``) to 同意 (its act, the indicator);
    三分之二以上的业主参与表决 → ratio ≥ 66.67 % of 业主 to 出席: a quorum and a consent are two rules;
    一致同意 → ratio = 100 %."""
    majority = dict(cues.MAJORITY_WORDS).get(m.group("frac") or "")
    if majority and _NEGATED_END_RE.search(text, max(0, m.start() - 2), m.start()):
        return _share_ceiling(text, m, clause_id)
    if m.group("all"):  # 经有利害关系的业主一致同意: all of them, its act in its own words
        comparator, value = "=", Decimal(100)
    elif majority:
        comparator, value = majority, Decimal(50)
    else:
        num, den = parse_number(m.group("num")), parse_number(m.group("den"))
        if not num or not den or num >= den:
            return None, (0, 0)
        comparator, value = ">=", (num * 100 / den).quantize(Decimal("0.01")).normalize()
    lo = _phrase_start(text, m.start())
    before = text[lo : m.start()]
    openers = list(_RATIO_OPENER_RE.finditer(before))
    base = before[openers[-1].end() :] if openers else before
    after = _RATIO_BASE_AFTER_RE.match(text, m.end()).group(1)
    base = _label(base) or _label(after) or "表决"
    end = m.end()
    second = _second_count(text, m) if m.group("frac") else None
    if second:  # 面积过半数的业主且人数过半数的业主: one rule counted twice (area and heads)
        base, end = f"{base}、{_label(second.group('base2')) or ''}".strip("、"), second.end()
    act = _RATIO_ACT_RE.search(text, m.end("all") - 2 if m.group("all") else end, _phrase_end(text, end))
    indicator = _RATIO_ACTS[act.group(0)] if act else cues.RATIO_ACT_DEFAULT
    return _target(clause_id, "ratio", indicator, comparator, value, None, "%", base, text, lo, end), (m.start(), end)


def _phrase_end(text: str, pos: int) -> int:
    ends = [k for k in (text.find(c, pos) for c in _PHRASE_END) if k >= 0]
    return min(ends, default=len(text))


def _second_count(text: str, m: re.Match) -> re.Match | None:
    """The same majority over a second count joined by 且 in the same phrase (…面积过半数的业主且人数过半数)."""
    pattern = rf"的?[^，。；且]{{0,8}}且(?P<base2>[^，。；]{{0,10}}?){re.escape(m.group('frac'))}"
    return re.compile(pattern).match(text, m.end())


def _wage_share(text: str, m: re.Match, clause_id: str):
    """因战一级残疾的，为当地职工月平均工资的50% → entitlement = 50 % of 当地职工月平均工资, named by its case:
    a new wage (上一年度城镇单位就业人员月平均工资) is a new base, so 'changed', not another measure."""
    value = parse_number(m.group("n") or m.group("pn"))
    if value is None:
        return None, (0, 0)
    unit = cues.FRACTION_WORDS[m.group("fw")][0] if m.group("fw") else m.group("sign")  # 千分之五 is 5 ‰
    comparator = _BOUNDS[m.group("bound")] if m.group("bound") else "="  # 按照不低于销售收入的0.5%
    lo = _phrase_start(text, m.start())
    base = _label(m.group("base"))
    indicator = _condition(text, lo) or _label(text[lo : m.start()]) or base
    return _target(clause_id, "entitlement", indicator, comparator, value, None, unit, base, text, lo, m.end()), (
        m.start(), m.end())


def _effective(text: str, date: DateMention, clause_id: str):
    """本条例自2024年10月1日起施行 → the date the law takes effect (kind ``deadline``, role ``effective``):
    every revision names its own, and a reviewer checks it, but it is neither stricter nor looser."""
    before, after = text[max(0, date.start - 1) : date.start], text[date.end : date.end + 4]
    if before not in cues.EFFECTIVE_BEFORE or not after.startswith(cues.EFFECTIVE_AFTER):
        return None, (0, 0)
    end = date.end + next(len(w) for w in cues.EFFECTIVE_AFTER if after.startswith(w))
    lo = _phrase_start(text, date.start)
    t = Target(clause=clause_id, kind="deadline", indicator="施行日期", scope=None, comparator=None, value=None,
               value_max=None, unit=None, per=None, deadline=date.iso, modality="must", text=text[lo:end], start=lo,
               role="effective")
    return t, (date.start, end)


#: The readers of a law's provisions, in the order their claims win (a fine's words before a threshold's):
#: (pattern, reader, words one of which a clause must hold for the pattern to be worth running).
READERS: tuple[tuple[re.Pattern, object, tuple[str, ...]], ...] = (
    (_FINE_RE, _fine, ()),
    (_FINE_MULTIPLE_RE, _fine_multiple, ("倍",)),
    (_RATIO_RE, _ratio, ("半数", "分之", *cues.UNANIMITY_WORDS)),
    (_DETENTION_RE, _detention, cues.DETENTION_NOUNS),
    (_SUSPENSION_RE, _suspension, cues.SUSPENSION_VERBS),
    (_WAGE_SHARE_RE, _wage_share, cues.WAGE_BASE_NOUNS),
    (_WAGE_MONTHS_RE, _wage_months, ("个月",)),
    (_MULTIPLE_RE, _multiple, ("倍",)),
    (_STAFFING_RE, _staffing, ("比", ":", "：")),
    (_RETENTION_RE, _retention, cues.RETENTION_VERBS),
    (_QUALIFICATION_RE, _qualification, ("年", "个月")),
    (_FREQUENCY_RE, _frequency, ("每",)),
    (_ONCE_PER_PERIOD_RE, _frequency, ("每",)),
    (_ANNUAL_REVIEW_RE, _annual_review, cues.ANNUAL_REVIEW_WORDS),
    (_DURATION_RE, _duration, ()),
    (_THRESHOLD_RE, _threshold, ()),
    (_ENTITLEMENT_RE, _entitlement, ()),
    (_PAYOUT_CAP_RE, _payout_cap, cues.PAYOUT_CAP_NOUNS),
    (_LIMIT_RE, _limit, ()),
    (_FLOOR_RE, _floor, ()),
    (_RELATIVE_RE, _relative, ()),
)
