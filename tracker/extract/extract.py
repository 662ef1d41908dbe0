"""Find the numeric and dated targets of a policy text.

One pass per clause text: hide what can never hold a target (titles in 《》,
names in quotes, document numbers, set phrases like 一张网), find dates and
numbers with units, then read each number in its sentence: comparator from
the words around it, ``per`` from an explicit 每… phrase, deadline from the
date that scopes over it, modality from the nearest cue word. Dates that scope
over no number of their own clause become deadline targets.

Sentence structure drives the scoping rules of the gold annotation:
sentences end at 。！？ (and at table-cell bars), 分句 at ；, and 小句 at
，：. A fronted date followed by a comma ("到2029年年底，A…，B…") governs the
rest of its sentence, across ；; a date inside a 小句 governs its own 分句;
a trailing completion phrase ("…，到2027年年底前实现全覆盖") gives its date to
the numbers before it in its 分句. A date never crosses a 。.
"""
from __future__ import annotations

import re
from array import array
from bisect import bisect_left, bisect_right
from itertools import accumulate
from dataclasses import dataclass, field, replace
from functools import lru_cache
from decimal import Decimal

from tracker.cues import MODALITIES, SENTENCE_ENDS
from tracker.errors import InputError
from tracker.extract import cues, provisions, tables
from tracker.extract.deadlines import DateMention, find_dates
from tracker.extract.numbers import NUMBER, parse_number, plain
from tracker.model import Clause, Document, Target

# ------------------------------------------------------------ compiled data


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_UNIT_NAMES = dict(cues.UNITS)
_UNIT = _alternation(_UNIT_NAMES) + "|％"
_SEP = _alternation(cues.RANGE_SEPARATORS)
_FRACTION = _alternation(cues.FRACTION_WORDS)
_QUANTITY = (
    rf"(?P<pct>(?P<fw>{_FRACTION})(?P<pa>{NUMBER})(?:(?:至|到)(?:{_FRACTION})?(?P<pb>{NUMBER}))?)"
    rf"|(?P<frac>(?P<den>{NUMBER})分之(?P<num>{NUMBER}))"
    rf"|(?P<tenths>(?P<ta>[一二三四五六七八九]|\d)成){cues.TENTHS_FOLLOWERS}"
    rf"|(?P<fan>{_alternation(cues.MULTIPLE_WORDS)})"
    rf"|(?P<a>{NUMBER})(?P<ua>{_UNIT})?(?:（含）|\(含\))?(?:(?P<sep>{_SEP})(?P<b>{NUMBER})(?P<u>{_UNIT})?)?"
)
#: The characters a quantity can begin with: a digit, a numeral word, a fraction word (百分之)
#: or a multiple (翻番). Checked first at each position, it lets the scan pass over the other
#: characters without trying five alternatives at each (scanning a plan's clauses 5× faster).
_QUANTITY_FIRST = "\\d" + re.escape(cues.NUMERAL_DIGITS + "".join(
    sorted({w[0] for w in cues.FRACTION_WORDS} | {w[0] for w in cues.MULTIPLE_WORDS})))
QUANTITY_RE = re.compile(rf"(?=[{_QUANTITY_FIRST}])(?:{_QUANTITY})")
_AFTER_RE = re.compile("|".join(f"(?P<a{i}>{re.escape(w)})" for i, (w, _) in enumerate(cues.COMPARATOR_AFTER)))
_BEFORE_RE = re.compile(_alternation(w for w, _ in cues.COMPARATOR_BEFORE))
_BEFORE = dict(cues.COMPARATOR_BEFORE)
_MODALITY_RE = re.compile("|".join(p for p, _ in cues.MODALITY_CUES))
#: The same cues, each in its own group: matched again at a found cue to tell which it is
#: (named groups would stop the scan above from skipping ahead by first character).
_MODALITY_KIND_RE = re.compile("|".join(f"(?P<m{i}>{p})" for i, (p, _) in enumerate(cues.MODALITY_CUES)))
_PER_RE = re.compile("|".join(f"(?:{p})" for p in cues.PER_PATTERNS))
_NOT_QUANTITY_RE = re.compile("|".join(cues.NOT_QUANTITY_PHRASES))
_MODAL_PREDICATE_RE = re.compile(_alternation(cues.MODAL_PREDICATE_VERBS))
_REQUIREMENT_RE = re.compile("(?:" + _alternation(cues.REQUIREMENT_VERBS) + ")$")
_RATING_RE = re.compile("(?:" + _alternation(cues.GRADE_RATING_VERBS) + ")$")
_DURATION_BEFORE_RE = re.compile(_alternation(cues.DURATION_LIMIT_BEFORE))
_BACKGROUND_RE = re.compile("|".join(cues.BACKGROUND_SENTENCE_CUES))
_POP = cues.POPULATION_SUBJECT
#: A population figure: 老年人口18.6万人, 占总人口的23.5%, 老年人口中…占比约为15%.
_POPULATION_STAT_RE = re.compile(
    rf"占{_POP}的?$|{_POP}(?:总数|总量|数量|规模)?(?:将|已|约|为|达到|达|共|有)*$"
    rf"|{_POP}中[^，。；]{{0,16}}(?:占比|比重|比例)(?:将|已|约|为|达到|达)*$"
)
_POPULATION_SERVICE_RE = re.compile(_alternation(cues.POPULATION_SERVICE_VERBS))
_DONE_RE = re.compile(cues.BACKGROUND_DONE)
#: Every match of cues.BACKGROUND_DONE holds one of these, and every population subject holds
#: _POPULATION_WORD (tests pin both): a phrase without them is not searched with the full patterns.
_DONE_WORDS = ("已", "有")
_POPULATION_WORD = "人口"
_OVERRIDE_RE = re.compile(_alternation(cues.BACKGROUND_OVERRIDES))
_PERMISSION_RE = re.compile(_alternation(cues.PERMISSION_WORDS))
_BASELINE_RE = re.compile(cues.BASELINE_FOLLOWERS)
_ACTION_RE = re.compile(_alternation(cues.DEADLINE_ACTIONS))
_COMPLETION_LABEL_RE = re.compile("(?:" + "|".join(cues.COMPLETION_LABELS) + r")[：:]\s*$")

#: Spans that can hold no target: titles, quoted names, document numbers,
#: a bracketed (2024—2026年) period after a title.
_HIDDEN_RE = re.compile(
    r"《[^《》\n]{0,80}》|〈[^〈〉\n]{0,80}〉|“[^“”\n]{0,40}”|「[^「」\n]{0,40}」|‘[^‘’\n]{0,40}’"
    r"|〔[^〔〕\n]{0,12}〕\d*号?|[（(][^（）()\n]{0,30}〔\d{4}〕[^（）()\n]{0,12}[）)]"
)
_SENTENCE_END = "。！？!?|"
_CLAUSE_END = "；;"
_PHRASE_END = "，,：:\n"
_BOUNDARY_RE = {
    0: re.compile(f"[{re.escape(_SENTENCE_END)}]"),
    1: re.compile(f"[{re.escape(_SENTENCE_END + _CLAUSE_END)}]"),
    2: re.compile(f"[{re.escape(_SENTENCE_END + _CLAUSE_END + _PHRASE_END)}]"),
}
_CJK_RE = re.compile(r"[\u4e00-\u9fff]")
_LEAD_TRIM = "，,、；;：:和及与或并且以及 "
_TAIL_TRIM = "，,、；;：:和及与或并且以及 "
_LIST_SEP_RE = re.compile(r"[、；;]|以及|和|及|与")
#: Marks after which (or before which) a line break adds no boundary of its own.
_MARKED_BEFORE_BREAK = "，,、；;：:。！？!?（(“‘《〔【|"
_MARKED_AFTER_BREAK = "，,、；;：:。！？!?）)”’》〕】|"
#: Sentence ends that make a line prose: a break later on that line wraps it (see ``_layout_break``).
_PROSE_SENTENCE_END = SENTENCE_ENDS

SENTENCE, CLAUSE, PHRASE = 0, 1, 2


# ----------------------------------------------------------------- helpers


class _Layout:
    """Sentence (。), clause (；) and phrase (，) boundaries of one text."""

    def __init__(self, masked: str):
        self.masked = masked
        self.n = len(masked)
        self.bounds: dict[int, list[int]] = {}  # found on first use: most texts never ask for a level

    def span(self, level: int, pos: int) -> tuple[int, int]:
        """(start, end) of the segment of ``level`` holding ``pos``."""
        b = self.bounds.get(level)
        if b is None:
            b = self.bounds[level] = [m.start() for m in _BOUNDARY_RE[level].finditer(self.masked)]
        i = bisect_left(b, pos)
        start = b[i - 1] + 1 if i > 0 else 0
        end = b[i] if i < len(b) else self.n
        return start, end

    def same(self, level: int, a: int, b: int) -> bool:
        return self.span(level, a) == self.span(level, b)


#: How far back, in characters, a look-back inside one phrase (，…，) reads. Real phrases
#: are far shorter; the bound keeps a phrase of 60,000 numbers joined by 、 from costing
#: time quadratic in its length (each number re-reading the whole phrase before it).
PHRASE_LOOKBACK = 400


class _Marks:
    """Where dates and cue words stand in one text: found in one pass, looked up by bisect.

    Each number asks "the last background cue in my sentence", "a deadline between
    that cue and me", "the nearest modal word in my clause"; scanning the sentence
    or the dates again for every number made a long clause quadratic (issue 19).
    """

    def __init__(self, text: str, dates: list[DateMention]):
        self.dates = dates
        self.date_starts = [d.start for d in dates]
        self.past = [d for d in dates if d.past]
        self.past_starts = [d.start for d in self.past]
        self.deadline_starts = [d.start for d in dates if d.deadline]
        background = list(_BACKGROUND_RE.finditer(text))
        self.background_starts = [m.start() for m in background]
        self.background_ends = list(accumulate((m.end() for m in background), max))
        self.modal = list(_MODALITY_RE.finditer(text))
        self.modal_starts = [m.start() for m in self.modal]
        self.modal_ends = list(accumulate((m.end() for m in self.modal), max))

    def last_background(self, lo: int, hi: int) -> int | None:
        """End of the last background cue (截至, 预计…) inside [lo, hi), or of a past year there."""
        k = bisect_right(self.background_ends, hi) - 1
        end = self.background_ends[k] if k >= 0 and self.background_starts[k] >= lo else None
        j = bisect_left(self.past_starts, hi) - 1
        if j >= 0 and self.past_starts[j] >= lo and (end is None or self.past[j].end > end):
            end = self.past[j].end
        return end

    def deadline_between(self, lo: int, hi: int) -> bool:
        i = bisect_left(self.deadline_starts, lo)
        return i < len(self.deadline_starts) and self.deadline_starts[i] < hi

    def modal_words(self, lo: int, hi: int) -> list[re.Match]:
        """Modal cue words lying wholly inside [lo, hi), in text order."""
        return self.modal[bisect_left(self.modal_starts, lo):bisect_right(self.modal_ends, hi)]

    def modal_words_backwards(self, lo: int, hi: int):
        """The same, nearest ``hi`` first, without copying them: a reader that stops at the first one that
        decides reads one or two, where a one-line text holds thousands (the list was built per figure)."""
        first, end = bisect_left(self.modal_starts, lo), bisect_right(self.modal_ends, hi)
        return (self.modal[k] for k in range(end - 1, first - 1, -1))

    def dates_from(self, lo: int, hi: int) -> list[DateMention]:
        """Dates starting inside [lo, hi)."""
        return self.dates[bisect_left(self.date_starts, lo):bisect_left(self.date_starts, hi)]


@dataclass
class _Quantity:
    start: int  # the number
    end: int  # after unit and trailing comparator words
    value: Decimal
    value_max: Decimal | None
    unit: str
    comparator: str
    after_word: str = ""
    standard: str = ""  # "X以上的标准": the noun that makes the number a standard, not a figure about a population
    deadline: DateMention | None = None
    fields: dict = field(default_factory=dict)


def _mask(text: str) -> str:
    """The text with every span that cannot hold a target blanked out (same length)."""
    spans = [m.span() for rx in (_HIDDEN_RE, _NOT_QUANTITY_RE) for m in rx.finditer(text)]
    return _blank(text, spans) if spans else text


def _blank(masked: str, spans, fill: str = "□") -> str:
    """``masked`` with each (start, end) span filled (same length; spans may overlap), built from
    slices: most texts have no span to blank, and none is copied a character at a time."""
    if not spans:
        return masked
    out, pos = [], 0
    for s, e in sorted(spans):
        if e <= pos:
            continue
        s = max(s, pos)
        out += (masked[pos:s], fill * (e - s))
        pos = e
    out.append(masked[pos:])
    return "".join(out)


# -------------------------------------------------------------- quantities


def _quantities(text: str, scan: str, layout: _Layout) -> list[_Quantity]:
    """Numbers with a unit that state an amount (not an age, a name or a label)."""
    found: list[_Quantity] = []
    for m in QUANTITY_RE.finditer(scan):
        number, units = m.group("a"), m.group("ua", "u")
        if number is not None and not any(units):
            continue  # a numeral with no unit (进一步, 统一): what _read_quantity turns away first, not called for
        q = _read_quantity(text, m, layout, found[-1].end if found else 0)
        if q is not None:
            found.append(q)
    return found


def _word_quantity(m: re.Match) -> tuple[Decimal | None, Decimal | None, str] | None:
    """Amounts written as words: 百分之十五, 千分之五, 二分之一, 三成, 翻一番 (value, value_max, unit)."""
    if m.group("pct"):
        unit, _ = cues.FRACTION_WORDS[m.group("fw")]
        value_max = parse_number(m.group("pb")) if m.group("pb") else None
        return parse_number(m.group("pa")), value_max, unit
    if m.group("frac"):
        den, num = parse_number(m.group("den")), parse_number(m.group("num"))
        if not den or num is None:
            return None
        return plain((num * 100 / den).quantize(Decimal("0.01"))), None, "%"
    if m.group("tenths"):
        tenths = parse_number(m.group("ta"))
        return (tenths * 10 if tenths is not None else None), None, "%"
    if m.group("fan"):
        return Decimal(cues.MULTIPLE_WORDS[m.group("fan")]), None, "倍"
    return None


def _read_quantity(text: str, m: re.Match, layout: _Layout, prev_end: int) -> _Quantity | None:
    if m.group("a") is None:
        read = _word_quantity(m)
        if read is None:
            return None
        (value, value_max, unit), is_cn = read, False
    else:
        raw_unit = m.group("u") or m.group("ua")
        if not raw_unit:
            return None
        unit = "%" if raw_unit == "％" else _UNIT_NAMES[raw_unit]
        value = parse_number(m.group("a"))
        value_max = parse_number(m.group("b")) if m.group("b") else None
        is_cn = not m.group("a")[0].isdigit()
        if m.group("sep") and value_max is None:
            return None
    if value is None:
        return None
    start, end = m.start(), m.end()
    before = text[max(0, start - 2):start]
    if before[-1:] in cues.ORDINAL_BEFORE or (before and (before[-1].isdigit() or before[-1] in ".．")):
        return None
    if unit in cues.AGE_UNITS or (is_cn and unit in cues.ARABIC_ONLY_UNITS):
        return None
    if is_cn and unit == "次" and _CJK_RE.match(text[end:end + 1] or " "):
        return None  # 二次开发, 一次性: not a count of times
    if text[end:end + 1] and text[end] in cues.UNIT_WORD_CONTINUATIONS.get(unit, ""):
        return None  # 5部门: the unit character begins a word
    after = _AFTER_RE.match(text, end)
    after_word = after.group(0) if after else ""
    if after_word == "内" and unit not in cues.DURATION_UNITS:
        after_word = ""
    phrase_start, _ = layout.span(PHRASE, start)
    window = text[max(phrase_start, prev_end):start]
    if unit in cues.GRADE_UNITS and (not _REQUIREMENT_RE.search(window) or _RATING_RE.search(window)):
        return None  # 对获评四星级、五星级的养老机构: the grade names a class
    if unit in cues.DURATION_UNITS:
        if after_word not in cues.DURATION_LIMIT_AFTER and not _DURATION_BEFORE_RE.search(window[-6:]):
            return None  # 三年行动, 15分钟生活圈: a name, not a limit
    q_end = end + len(after_word)
    threshold = _threshold_noun(text, q_end) if after_word in _THRESHOLD_WORDS else None
    if threshold == "group" and not _serves_group(window):
        return None  # 入住率达到60%以上的养老机构: the number picks out the institutions
    if threshold is None and after_word in _THRESHOLD_WORDS and not _REQUIREMENT_RE.search(window):
        nxt = text[q_end:q_end + 1]
        if nxt == "的" or (unit in cues.DEFINING_UNITS and nxt and _CJK_RE.match(nxt)):
            return None  # 四星级以上民办养老机构: it defines the group
    if _BASELINE_RE.match(text, q_end):
        return None  # 从30%提高到55%: 30% is where it starts
    comparator = _comparator(window, after_word, value_max is not None)
    noun = _THRESHOLD_NOUN_RE.match(text, q_end).group("standard") if threshold == "standard" else ""
    return _Quantity(start, q_end, value, value_max, unit, comparator, after_word, standard=noun)


_THRESHOLD_WORDS = ("以上", "及以上", "以下", "及以下")
_THRESHOLD_NOUN_RE = re.compile(
    rf"的(?:[^，。；：,;:\s]{{0,{cues.THRESHOLD_NOUN_GAP}}}?(?P<group>{_alternation(cues.THRESHOLD_GROUP_NOUNS)})"
    rf"|(?P<standard>{_alternation(cues.THRESHOLD_STANDARD_NOUNS)}))"
)


def _threshold_noun(text: str, pos: int) -> str | None:
    """"standard" or "group": what the noun after "X以上的" makes of the number (cues.THRESHOLD_*)."""
    m = _THRESHOLD_NOUN_RE.match(text, pos)
    if m is None:
        return None
    return "standard" if m.group("standard") else "group"


def _serves_group(window: str) -> bool:
    """覆盖80%以上的老年人: a verb of service right before the number takes the group as its object."""
    return bool(re.search("(?:" + _alternation(cues.POPULATION_SERVICE_VERBS) + ")$", window))


def _comparator(window: str, after_word: str, is_range: bool) -> str:
    """达到X以上 / 不低于X → >=; 不超过 / X以内 → <=; 左右 / 约 → ~; A至B → range; else =."""
    if is_range:
        return "range"
    for word, comp in cues.COMPARATOR_AFTER:
        if after_word == word:
            return comp
    cue = None
    for m in _BEFORE_RE.finditer(window):
        tail = cues.ADJACENT_ONLY.get(m.group(0))
        if tail is None or re.match(tail, window[m.end():]):
            cue = m.group(0)
    return _BEFORE[cue] if cue else "="


# ------------------------------------------------------------------ scoping


def _assign_deadlines(text: str, quantities: list[_Quantity], dates: list[DateMention], layout: _Layout) -> set[int]:
    """Give each number the date that scopes over it; return the dates used up backwards.

    The date that governs is the last one before the number that is in its 分句,
    or failing that the last topic date (到2029年，…) of its sentence: two
    lookups in the dates before it, not a walk through all of them.
    """
    consumed: set[int] = set()
    deadlines = [d for d in dates if d.deadline]
    ends = list(accumulate((d.end for d in deadlines), max))
    starts = [d.start for d in deadlines]
    last_topic, t = [], -1
    for i, d in enumerate(deadlines):
        t = i if d.topic else t
        last_topic.append(t)
    q_starts = [q.start for q in quantities]
    for q in quantities:
        governing = None
        k = bisect_right(ends, q.start)  # deadlines[:k] end before the number
        if k and layout.same(CLAUSE, deadlines[k - 1].start, q.start):
            governing = deadlines[k - 1]
        elif k and last_topic[k - 1] >= 0 and layout.same(SENTENCE, deadlines[last_topic[k - 1]].start, q.start):
            governing = deadlines[last_topic[k - 1]]
        if governing is None:
            governing = _trailing_date(text, q, deadlines, starts, q_starts, layout)
            if governing is not None:
                consumed.add(governing.start)
        q.deadline = governing
    return consumed


def _trailing_date(text: str, q: _Quantity, deadlines, starts, q_starts, layout: _Layout) -> DateMention | None:
    """A completion phrase after the number in its 分句 ("…，到2027年年底前实现全覆盖").

    A dated phrase whose act takes an object of its own (…，2026年底前完成已排查农村黑臭
    水体整治) is a task of its own, not the number's deadline: it stays a deadline target.
    """
    i = bisect_left(starts, q.end)
    if i == len(deadlines) or not layout.same(CLAUSE, deadlines[i].start, q.start):
        return None
    d = deadlines[i]
    head = _head(d, layout)
    phrase = layout.span(PHRASE, d.start)
    if _any_between(q_starts, *head) or _any_between(q_starts, phrase[0], phrase[1] + 1):
        return None  # the date brings its own number: it stays with it
    if _names_own_task(text, *head):
        return None
    return d


def _names_own_task(text: str, lo: int, hi: int) -> bool:
    """The act after a date takes an object of its own (完成已排查农村黑臭水体整治), not a bare
    completion of what came before (实现全覆盖, 全部投入使用, 全部完成)."""
    act = _ACTION_RE.search(text, lo, hi)
    if act is None:
        return False
    rest = _ACTION_RE.sub("", text[act.end():hi])  # 全部投入使用: acts strung together name no object
    return len(_CJK_RE.findall(rest)) >= cues.OWN_TASK_MIN_OBJECT


def _any_between(sorted_positions: list[int], lo: int, hi: int) -> bool:
    i = bisect_left(sorted_positions, lo)
    return i < len(sorted_positions) and sorted_positions[i] < hi


def _head(d: DateMention, layout: _Layout) -> tuple[int, int]:
    """What a date introduces: the next phrase after "到2027年，", else its own phrase."""
    if d.topic:
        return layout.span(PHRASE, d.end + 1) if d.end + 1 < layout.n else (d.end, d.end)
    s, e = layout.span(PHRASE, d.start)
    return d.end, e


def _is_background(text: str, pos: int, layout: _Layout, marks: _Marks, standard: bool = False) -> bool:
    """截至2024年底…已建成… / 预计…: a report or a forecast, not a commitment. A number that
    states a standard (常住老年人口1万人以上的标准) is no figure about the population."""
    s_start, _ = layout.span(SENTENCE, pos)
    # a cue word, or a past year opening the sentence: "2019年，全市新增养老床位2000张"
    last_cue = marks.last_background(s_start, pos)
    if last_cue is not None and not marks.deadline_between(last_cue, pos):
        return True
    p_start = max(layout.span(PHRASE, pos)[0], pos - PHRASE_LOOKBACK)
    if not standard and _is_population_statistic(text, p_start, pos):
        return True
    done = None
    if not any(text.find(word, p_start, pos) >= 0 for word in _DONE_WORDS):
        return False  # no 已 / 有 there: no done-cue can match
    for m in _DONE_RE.finditer(text, p_start, pos):
        done = m.end()
    return done is not None and not _OVERRIDE_RE.search(text, done, pos)


def _is_population_statistic(text: str, lo: int, pos: int) -> bool:
    """全市60周岁以上老年人口18.6万人: a figure about the population, unless a service verb
    makes it the reach of a service (服务覆盖辖区常住老年人口1万人左右)."""
    if text.find(_POPULATION_WORD, lo, pos) < 0:
        return False  # no population subject in the phrase: a run of 60,000 figures need not be searched
    window = _PER_RE.sub(lambda m: "□" * len(m.group(0)), text[lo:pos])
    stat = _POPULATION_STAT_RE.search(window)
    return bool(stat) and not _POPULATION_SERVICE_RE.search(window, 0, stat.start() + 2)


def _modality(text: str, marks: _Marks, lo: int, hi: int, target_phrase_start: int,
              after: tuple[int, int] | None = None) -> str:
    """The nearest cue word decides; 鼓励/支持 count only for the encouraged act itself."""
    permission: list[bool] = []

    def accept(m: re.Match, kind: str) -> bool:
        if kind != "encourage" or m.start() >= target_phrase_start:
            return True
        if not permission:
            permission.append(bool(_PERMISSION_RE.search(text, target_phrase_start, hi)))
        return permission[0]

    if after is not None:
        for m in marks.modal_words(*after):
            kind = _modal_kind(m)
            if accept(m, kind):
                return kind
    verb_cue = None
    for m in marks.modal_words_backwards(lo, hi):
        kind = _modal_kind(m)
        if not accept(m, kind):
            continue
        if m.end() <= target_phrase_start and _MODAL_PREDICATE_RE.match(text, m.end()):
            continue  # 就诊率力争达到90%，…占比达到60%: the adverb of an earlier phrase's own predicate
        if m.group(0) not in cues.VERB_MODALITY_CUES:
            return kind  # a modal word; it governs a verb cue (力争推动) after it
        verb_cue = verb_cue or kind
    return verb_cue or "must"


def _modal_kind(m: re.Match) -> str:
    """strive / encourage / must: the kind of the modality cue ``m`` found."""
    which = _MODALITY_KIND_RE.match(m.string, m.start())
    return cues.MODALITY_CUES[int(which.lastgroup[1:])][1]


def _softened_by_trailing_date(marks: _Marks, d: DateMention, layout: _Layout, modality: str) -> str:
    """建成1个…，力争2026年底前投入使用: the number's deadline comes with a modal word of its own, and a
    commitment whose deadline is only striven for is itself softer. A firmer word there does not
    harden a softer number (the weaker of the two governs)."""
    found = [_modal_kind(m) for m in marks.modal_words(*layout.span(PHRASE, d.start))]
    return min([modality, *found], key=lambda kind: MODALITIES[kind].rank)


def _per(text: str, lo: int, hi: int) -> str | None:
    last = None
    for m in _PER_RE.finditer(text, lo, hi):
        last = m.group(0)
    if last:
        last = last.replace("(", "（").replace(")", "）")
    return last


# ------------------------------------------------------ indicator and scope

_INDICATOR_VERB_RE = re.compile(_alternation(cues.INDICATOR_VERBS))
_VERB_ONLY_RE = re.compile("(?:" + _alternation(cues.INDICATOR_VERBS + cues.NOISE_LEAD + cues.NOISE_TAIL) + ")+")
_NOISE_LEAD_RE = re.compile("^(?:" + _alternation(cues.NOISE_LEAD) + ")+")
_NOISE_TAIL_RE = re.compile("(?:的标准|标准的|的|中|之|等|" + _alternation(cues.NOISE_TAIL) + ")+$")
_BASELINE_OPEN_RE = re.compile(cues.BASELINE_OPENERS)
_STANDARD_PREP_RE = re.compile(_alternation(cues.STANDARD_PREPOSITIONS))
_BENEFICIARY_RE = re.compile(_alternation(cues.BENEFICIARY_PREPOSITIONS))
_MEASURE_END_RE = re.compile("(?:" + _alternation(cues.MEASURE_NOUNS) + ")$")
_MEASURE_START_RE = re.compile(_alternation(cues.MEASURE_NOUNS))
_SCOPE_PREFIX_RE = re.compile("^(?:" + "|".join(cues.SCOPE_PREFIX) + ")")
_SCOPE_HEAD_RE = re.compile("(?:" + _alternation(cues.SCOPE_HEADS) + ")(?:中|的|内)?")
_SCOPE_HEAD_END_RE = re.compile("(?:" + _alternation(cues.SCOPE_ENDINGS) + ")$")
_ARTICLE_RE = re.compile(r"^第[一二三四五六七八九十百零〇\d]+条[\s\u3000]*")  # 第二十条　(a law's article label)
_CUT_RE = re.compile(r"[，。；：,.;:！？!?\n|]")
_OPENERS, _CLOSERS = "（(“‘《〔【", "）)”’》〕】"
MAX_LABEL = 20


_ITEM_LABEL_RE = re.compile(r"^(?:[（(]\d{1,2}[）)]|[①-⑳]|\d{1,2}[.．、](?!\d)|[（(][一二三四五六七八九十]{1,3}[）)])")


@lru_cache(maxsize=1 << 14)
def _clean_label(label: str | None) -> str | None:
    """A noun phrase fit for a report: no sentence punctuation, balanced brackets, no
    leading verb or filler, and, when long, only the head after its last 的."""
    if not label:
        return None
    label = _CUT_RE.split(_ARTICLE_RE.sub("", label.replace(" ", "")), 1)[0]
    label = _ITEM_LABEL_RE.sub("", label)  # （2）新增养老设施 → 新增养老设施: an inline item number names nothing
    label = _NOISE_LEAD_RE.sub("", label.strip(_LEAD_TRIM + "□"))
    label = _balanced(label)
    label = _NOISE_TAIL_RE.sub("", label).strip(_LEAD_TRIM + "□")
    if len(label) > MAX_LABEL and "的" in label:
        label = label.rsplit("的", 1)[1]
    if len(label) > MAX_LABEL:
        label = label[-MAX_LABEL:]
        label = _balanced(label)
    if _VERB_ONLY_RE.fullmatch(label):
        return None  # 基本达到, 要建成: a verb chain names nothing that is measured
    return label if len(_CJK_RE.findall(label)) >= 2 else None


_BRACKET_RE = re.compile(f"[{re.escape(_OPENERS + _CLOSERS)}]")


def _balanced(label: str) -> str:
    """Drop a bracket whose partner is outside the label (…设施（ → …设施; ）覆盖率 → 覆盖率)."""
    if not _BRACKET_RE.search(label):
        return label  # nothing to balance (most labels): no walk over the characters
    stack, drop = [], set()
    for i, ch in enumerate(label):
        if ch in _OPENERS:
            stack.append(i)
        elif ch in _CLOSERS:
            if stack and _OPENERS.index(label[stack[-1]]) == _CLOSERS.index(ch):
                stack.pop()
            else:
                drop.add(i)
    if stack:  # an opener left open: cut from it
        return "".join(c for i, c in enumerate(label[:stack[0]]) if i not in drop)
    return "".join(c for i, c in enumerate(label) if i not in drop)


def _split_scope(subject: str) -> tuple[str | None, str]:
    """(scope, rest) of a subject: 全省养老机构护理型床位占比 → (全省养老机构, 护理型床位占比)."""
    subject = _NOISE_LEAD_RE.sub("", subject)
    head = None
    for m in _SCOPE_HEAD_RE.finditer(subject):
        if len(subject) - m.end() >= 2 and not _MEASURE_END_RE.search(subject[:m.start() + 2]):
            head = m
    if head is not None:
        return subject[:head.end()].rstrip("中的内") or None, subject[head.end():]
    m = _SCOPE_PREFIX_RE.match(subject)
    if _SCOPE_HEAD_END_RE.search(subject) or (m and len(subject) - m.end() < 2):
        return subject, ""  # 城市老旧小区, 省级: the subject says only where
    if m:
        return m.group(0), subject[m.end():]
    return None, subject


def _describe(text: str, q: _Quantity, lo: int, hi: int, per: str | None, marks: _Marks) -> tuple[str | None, str | None]:
    """(indicator, scope) for reading and for pairing targets across documents.

    The phrase around a number reads: subject | verb | object | NUMBER | object.
    A measure (a rate, an amount, an area, a duration, or a subject ending in
    占比/总量/标准 …) is named by the subject; a count by the noun beside the
    number. What stands before the measure in the subject (全省养老机构,
    各区市) is the scope.
    """
    phrase_lo = lo
    for d in marks.dates_from(lo, q.start):  # start after a date that opens the phrase
        if lo <= d.start:
            lo = max(lo, d.end)
    if _clean_label(text[lo:q.start].strip("的")) is None and lo > phrase_lo:
        lo = phrase_lo  # 水平从2020年的10%提高到2025年的15%: the name stands before the dates
    segment = text[lo:q.start]
    if per:
        segment = segment.replace(per.replace("（", "(").replace("）", ")"), "□").replace(per, "□")
    verb = _last_verb(_mask_groups(segment))
    prep = None
    for prep in _STANDARD_PREP_RE.finditer(segment):
        pass
    if prep is not None and (verb is None or prep.start() >= verb[1]):
        verb = (prep.start(), prep.end())  # 已建成小区要按每百户…: who | 按 | the standard
    subject = segment[:verb[0]] if verb else segment
    between = segment[verb[1]:] if verb else ""
    beneficiary = None
    if q.unit in cues.MEASURE_UNITS and (m := _BENEFICIARY_RE.match(subject.strip())):
        beneficiary, subject = subject.strip()[m.end():], ""  # 对X按照…给予Y: X receives, Y is measured
    subject = _BASELINE_OPEN_RE.split(subject, 1)[0]
    parts = [p for p in subject.split("□") if _clean_label(p)]
    subject = parts[-1] if parts else ""
    after = text[q.end:hi]
    to_standard = _TO_STANDARD_RE.match(after).group(0)
    after = after[len(to_standard):]  # …15平方米的标准补建用房: the standard is the number itself
    scope, rest = _split_scope(_clean_label(subject) or "")
    by_subject = _clean_label(rest)
    by_between = _clean_label(between.replace("□", ""))
    by_after = _object_label(after, applies_standard="标准" in to_standard)
    measure = q.unit in cues.MEASURE_UNITS or q.standard  # 常住老年人口1万人以上的标准: the subject names it
    order = (by_subject, by_between, by_after) if measure else (by_between, by_after, by_subject)
    # a candidate naming a measure wins, unless it is that bare word (标准, 比例)
    named = [c for c in order if c and (m := _MEASURE_END_RE.search(c)) and m.start() > 0]
    indicator = next(iter(named), None) or next((c for c in order if c), None)
    if indicator is not None and indicator != by_subject and scope is None and by_subject:
        scope = by_subject if len(by_subject) <= MAX_LABEL else None
    if beneficiary and scope is None:
        scope = beneficiary
    if scope == indicator:
        scope = None
    return indicator, _clean_label(scope)


def _object_label(after: str, applies_standard: bool) -> str | None:
    """The noun after the number (…平方米配套建设社区居家养老服务用房 → 社区居家养老服务用房).
    After "…的标准" only a verb that builds or gives something names an object
    (的标准补建用房); anything else says how the standard is applied (的标准调剂解决)."""
    label = _clean_label(after)
    verb = _INDICATOR_VERB_RE.match(label or "")
    if verb is None:
        return None if applies_standard else label
    return _clean_label(label[verb.end():])


def _last_verb(segment: str) -> tuple[int, int] | None:
    """(start, end) of the verb chain nearest the number (发放不低于, 稳定在); a verb
    right before a measure noun is part of a noun (覆盖率, 建设补贴, 完成比例)."""
    spans = [(m.start(), m.end()) for m in _INDICATOR_VERB_RE.finditer(segment)
             if not _MEASURE_START_RE.match(segment, m.end())]
    if not spans:
        return None
    start, end = spans[-1]
    for s, e in reversed(spans[:-1]):
        if e != start and segment[e:start] not in ("原则上", "均", "全部", "分别", "要", "应"):
            break
        start = s
    return start, end


_GROUP_THRESHOLD_RE = re.compile(r"[\d一二三四五六七八九十]+(?:星级|级|周岁|岁|张)(?:及)?以[上下]的?")
_TO_STANDARD_RE = re.compile(r"的?(?:标准)?")


def _mask_groups(segment: str) -> str:
    """The segment with group thresholds hidden from the verb search (四星级以上, 二级以上)."""
    return _GROUP_THRESHOLD_RE.sub(_blanked, segment)


def _blanked(m: re.Match) -> str:
    return "□" * len(m.group(0))


def _deadline_labels(head: str) -> tuple[str | None, str | None]:
    """(indicator, scope) of a dated commitment: 乡镇敬老院在…前全部完成转型 → the act, and who does it."""
    head = _NOISE_LEAD_RE.sub("", head)
    m = re.search(r"(?:均|全部|都|要|分别)", head)
    if m and 2 <= m.start() <= MAX_LABEL:
        scope, head = head[:m.start()], head[m.end():]
    else:
        scope = None
    return _clean_label(head), _clean_label(scope)


# ------------------------------------------------------------------ targets


def extract_from_text(
    text: str, clause_id: str, *, indicator_hint: str | None = None, header: list[str] | None = None,
    issued: str | None = None, title: str | None = None,
) -> list[Target]:
    """Every target in one clause text (or responsibility line, or table row).

    ``Target.start`` is the offset of ``Target.text`` in ``text``; the caller
    moves it into the document's coordinates. ``header`` is the header row of
    the table ``text`` is a row of, if it is one. ``issued`` (ISO) is the
    document's date: a year before it is history ("2019年，全市新增…"), not a
    deadline. ``title`` is the clause's title when ``text`` is its responsibility
    line: a 完成时限 date there dates the work the title names.
    """
    table, rows = _table_targets(text, clause_id, header)
    if rows:  # indicator rows are read by column, not as sentences
        text_for_sentences = _blank(text, rows, " ")
        rest = extract_from_text(text_for_sentences, clause_id, indicator_hint=indicator_hint, issued=issued,
                                 title=title)
        return sorted(table + rest, key=lambda t: t.start)
    if not _FIGURE_CHAR_RE.search(text):
        return []  # no figure and no year: no quantity, date or plan period can be read (most clauses)
    compact = _compact(text)
    targets = _read_sentences(compact, clause_id, indicator_hint, issued, title)
    if targets and compact != text:
        where = _offsets(text)
        targets = [_restore(t, text, where) for t in targets]
    return targets


_WHITESPACE_RE = re.compile(r"\s+")
#: A character every target needs: a digit (any script), a numeral word's first character
#: (十五, 二〇二五年, “十四五”) or 翻 (翻番). A text without one holds no quantity (QUANTITY_RE),
#: no date (DATE_RE, _CN_YEAR_RE) and no plan period, so sentence reading is skipped for it:
#: 40% of a plan's clauses, each costing as much to scan as one with a target.
_FIGURE_CHAR_RE = re.compile("[\\d" + cues.NUMERAL_DIGITS + "".join(sorted({w[0] for w in cues.MULTIPLE_WORDS})) + "]")


def _compact(text: str) -> str:
    """The text without layout whitespace.

    Whitespace never changes a reading: a space a drafter or a converter left
    inside a word (不 低于, 每人 每月, 每 年) and a line break next to a
    punctuation mark (2025年底前，\n出台…) are layout. A line break between two
    words with no mark beside it is kept: there it ends a heading or a table
    row ("…服务短板\n拓展农村养老服务"), a boundary the text marks no other way.
    The whitespace goes in one substitution per line kept, not a step per run of it:
    most texts hold no target, so where each character came from is found only for
    those that do (``_offsets``).
    """
    kept = _kept_breaks(text)
    if not kept:
        return _WHITESPACE_RE.sub("", text)
    pieces, pos = [], 0
    for i in kept:
        pieces.append(text[pos:i])
        pos = i + 1
    pieces.append(text[pos:])
    return "\n".join(_WHITESPACE_RE.sub("", piece) for piece in pieces)


def _kept_breaks(text: str) -> list[int]:
    """Offsets of the line breaks ``_compact`` keeps: those that are no layout (``_layout_break``)."""
    n, kept = len(text), []
    i = text.find("\n")
    while i >= 0:
        if not _layout_break(text, i, n):
            kept.append(i)
        i = text.find("\n", i + 1)
    return kept


def _offsets(text: str) -> "array[int]":
    """For each character of ``_compact(text)``, its offset in ``text``."""
    kept = set(_kept_breaks(text))
    where = array("l")  # 4-8 bytes an offset: a list of ints cost ten times that on a long clause
    pos = 0
    for m in _WHITESPACE_RE.finditer(text):
        start, end = m.span()
        where.extend(range(pos, start))
        where.extend(i for i in range(start, end) if i in kept)
        pos = end
    where.extend(range(pos, len(text)))
    return where


def _layout_break(text: str, i: int, n: int) -> bool:
    """A line break right after a mark that already ends a phrase, or right before a closing one,
    or one that wraps a line of running prose.

    A line that already holds a sentence end is prose, not a heading: a break
    in its unfinished last sentence ("…。每万常住人口全科医生数达⏎到3.5人。") is
    where the source wrapped it, and must not cut the indicator from its number.
    """
    j = i - 1
    while j >= 0 and text[j].isspace():
        j -= 1
    k = i + 1
    while k < n and text[k].isspace():
        k += 1
    if (j >= 0 and text[j] in _MARKED_BEFORE_BREAK) or (k < n and text[k] in _MARKED_AFTER_BREAK):
        return True
    line_start = text.rfind("\n", 0, i) + 1
    return not text.startswith("|", line_start) and any(text.find(p, line_start, i) >= 0 for p in _PROSE_SENTENCE_END)


def _restore(t: Target, text: str, where: list[int]) -> Target:
    """The target read on the whitespace-free view, moved back onto the original text."""
    if not t.text:
        return t
    start = where[t.start]
    end = where[t.start + len(t.text) - 1] + 1
    return replace(t, text=text[start:end], start=start)


def _read_sentences(text: str, clause_id: str, indicator_hint: str | None, issued: str | None,
                    title: str | None = None) -> list[Target]:
    """Every target of a text with no layout whitespace left in it (see ``_compact``)."""
    masked = _mask(text)
    dates = find_dates(text, masked)
    if issued and issued[:4].isdigit():
        for d in dates:
            if d.year < int(issued[:4]) and d.deadline:
                d.deadline, d.past = False, True
    scan = _blank(masked, [(d.start, d.end) for d in dates])
    layout = _Layout(masked)
    found = _quantities(text, scan, layout)
    if not found and not dates:
        return []  # a numeral inside a word (进一步, 统一) and no date: nothing to read (most texts)
    marks = _Marks(text, dates)
    quantities = [q for q in found if not _is_background(text, q.start, layout, marks, bool(q.standard))]
    consumed = _assign_deadlines(text, quantities, dates, layout)
    targets = [_quantity_target(text, q, i, quantities, layout, marks, clause_id, indicator_hint)
               for i, q in enumerate(quantities)]
    targets = _carry_indicators(targets, quantities, layout)
    targets += _deadline_targets(text, marks, quantities, consumed, layout, clause_id, indicator_hint, title)
    targets.sort(key=lambda t: t.start)
    return targets


def _carry_indicators(targets: list[Target], quantities: list[_Quantity], layout: _Layout) -> list[Target]:
    """An elliptic phrase names no measure of its own ("…覆盖率达到90%以上，农村达到60%以上";
    "；到2030年，提高到85%"): it measures what the number before it in the sentence measured."""
    targets = list(targets)
    for i in range(1, len(targets)):
        t, prev = targets[i], targets[i - 1]
        if t.indicator is None and prev.indicator and prev.unit == t.unit and layout.same(
                SENTENCE, quantities[i - 1].start, quantities[i].start):
            targets[i] = replace(t, indicator=prev.indicator)
    return targets


def _quantity_target(text, q: _Quantity, i, quantities, layout, marks: _Marks, clause_id, indicator_hint) -> Target:
    p_start, p_end = layout.span(PHRASE, q.start)
    c_start, _ = layout.span(CLAUSE, q.start)
    prev = quantities[i - 1] if i > 0 else None
    nxt = quantities[i + 1] if i + 1 < len(quantities) else None
    lo, hi = p_start, p_end
    if prev and prev.end > p_start:  # several numbers in one phrase: cut at the list separator
        cut = None
        for cut in _LIST_SEP_RE.finditer(text, prev.end, q.start):
            pass
        lo = cut.end() if cut else prev.end
    if nxt and nxt.start < p_end:
        cut = _LIST_SEP_RE.search(text, q.end, nxt.start)
        hi = cut.start() if cut else nxt.start
    per = _per(text, lo, q.start)
    window_lo = c_start
    d = q.deadline
    if d is not None and d.start < q.start and layout.same(CLAUSE, d.start, q.start):
        window_lo = max(c_start, layout.span(PHRASE, d.start)[0])
    modality = _modality(text, marks, window_lo, q.start, p_start)
    if d is not None and d.start > q.end:
        modality = _softened_by_trailing_date(marks, d, layout, modality)
    indicator, scope = _describe(text, q, lo, hi, per, marks)
    if indicator_hint:  # an annex row names its item (高龄津贴); the sentence names who gets it
        scope = scope or (indicator if indicator != indicator_hint else None)
        indicator = indicator_hint
    start = lo
    if d is not None and d.topic and d.start < q.start and layout.span(PHRASE, d.end + 1)[0] == p_start and (
        prev is None or prev.end < d.start
    ):
        start = layout.span(PHRASE, d.start)[0]
    start = _trim_start(text, start, q.start)
    end = _balance(text, start, _trim_end(text, start, max(hi, q.end), q.end), q.end)
    return Target(
        clause=clause_id, kind="quantity", indicator=indicator, scope=scope, comparator=q.comparator,
        value=q.value, value_max=q.value_max, unit=q.unit, per=per, deadline=d.iso if d else None,
        modality=modality, text=text[start:end], start=start,
    )


def _deadline_targets(text, marks: _Marks, quantities, consumed, layout, clause_id, indicator_hint,
                      title: str | None = None) -> list[Target]:
    """Dated commitments with no number of their own (到2029年，养老服务网络基本建成).

    A responsibility bracket's completion line (完成时限：2025年基本建成) dates the
    work its clause's title names, so it counts with no verb of its own and is
    labelled by that title's noun phrase (配建养老服务设施基本建成).
    """
    out = []
    dated: dict[int, list[int]] = {}  # id of a date -> starts of the numbers it dates
    for q in quantities:
        if q.deadline is not None:
            dated.setdefault(id(q.deadline), []).append(q.start)
    for d in marks.dates:
        if not d.deadline or d.period or d.start in consumed:
            continue
        if any(layout.same(CLAUSE, start, d.start) for start in dated.get(id(d), ())):
            continue
        head_lo, head_hi = _head(d, layout)
        if d.completion:
            head_hi = layout.span(CLAUSE, d.start)[1]
        head = text[head_lo:head_hi].strip(_TAIL_TRIM + "。" + (_CLOSERS if d.completion else ""))
        if not (_CJK_RE.search(head) or d.completion) or _is_background(text, d.start, layout, marks):
            continue
        if (_DONE_RE.search(head) and not _OVERRIDE_RE.search(head)) or not (
            d.completion or _ACTION_RE.search(head) or _MODALITY_RE.search(text, layout.span(PHRASE, d.start)[0], d.start)
        ):
            continue
        start = layout.span(PHRASE, d.start)[0]
        if d.completion:
            label = _COMPLETION_LABEL_RE.search(text, max(0, d.start - 8), d.start)
            start = label.start() if label else d.start
        start = _trim_start(text, start, d.start)
        end = _balance(text, start, _trim_end(text, start, head_hi, d.end), d.end)
        p_start = layout.span(PHRASE, d.start)[0]
        modality = _modality(text, marks, p_start, d.start, p_start, after=(d.end, head_hi))
        indicator, scope = _deadline_labels(head)
        if d.completion and title:  # the line's own act (基本建成) may be a bare verb chain
            indicator = _completion_label(title, indicator or ("".join(head.split()) if _CJK_RE.search(head) else None))
        indicator = indicator_hint or indicator
        out.append(Target(
            clause=clause_id, kind="deadline", indicator=indicator, scope=scope, comparator=None, value=None,
            value_max=None, unit=None, per=None, deadline=d.iso, modality=modality, text=text[start:end],
            start=start,
        ))
    return out


_TITLE_LEAD_RE = re.compile("^(?:" + _alternation(cues.TITLE_LEAD_VERBS) + ")+")
_TITLE_TAIL_RE = re.compile("(?:" + _alternation(cues.TITLE_TAILS) + ")$")


def _completion_label(title: str, act: str | None) -> str | None:
    """What a completion line dates: its clause title's noun phrase, then the line's own act
    (加快补齐配建养老服务设施短板 + 基本建成 → 配建养老服务设施基本建成)."""
    phrase = _clean_label(_TITLE_TAIL_RE.sub("", _TITLE_LEAD_RE.sub("", "".join(title.split()).rstrip("。."))))
    if phrase is None:
        return act
    if act and len(phrase + act) <= MAX_LABEL:
        return phrase + act
    return phrase


def _balance(text: str, start: int, end: int, limit: int) -> int:
    """Cut a trailing unclosed parenthesis "（具体按…" and a stray closer "〕"."""
    depth, open_at = 0, None
    has_open = text.find("（", start, end) >= 0 or text.find("(", start, end) >= 0
    for i in range(start, end) if has_open else ():  # without an opener the depth stays 0
        ch = text[i]
        if ch in "（(":
            if depth == 0:
                open_at = i
            depth += 1
        elif ch in "）)":
            depth = max(0, depth - 1)
    if depth and open_at is not None and open_at >= limit:
        end = open_at
    while end > limit and text[end - 1] in "〕］]" :
        end -= 1
    return end


def _table_targets(text: str, clause_id: str, header: list[str] | None) -> tuple[list[Target], list]:
    """Targets of the indicator-table rows in ``text`` (rows ``a | b | c``), and those rows' spans.

    A row that is a sentence with a unit (每人每月150元) is left to the
    sentence reader: only rows of bare numbers under a 属性 or year column
    are read by column.
    """
    if "|" not in text:
        return [], []
    out: list[Target] = []
    used = []
    offset, rows = 0, []
    for line in text.split("\n"):
        if line.count("|") >= 2 or (header is not None and "|" in line):
            rows.append((offset, line))
        offset += len(line) + 1
    if not rows:
        return [], []
    hdr = header
    for off, line in rows:
        cells = tables.split_row(line)
        if tables.is_header(cells):
            hdr = cells
            continue
        t = tables.indicator_target(cells, hdr, line, clause_id)
        if t is not None:
            out.append(replace(t, start=t.start + off))
            used.append((off, off + len(line)))
    return out, used


def _trim_start(text: str, start: int, limit: int) -> int:
    while start < limit and text[start] in _LEAD_TRIM:
        start += 1
    return start


def _trim_end(text: str, start: int, end: int, limit: int) -> int:
    while end > limit and text[end - 1] in _TAIL_TRIM + "。":
        end -= 1
    return end


# --------------------------------------------------------------- documents


def extract_targets(document: Document) -> list[Target]:
    """Every numeric and dated target of a document, in document order.

    Reads each clause's own text, its responsibility line (its 完成时限 is a
    sentence of its own) and, for annex rows, the row; offsets are moved into
    ``document.text`` so a reader can jump to each target.
    """
    out: list[Target] = []
    header: list[str] | None = None
    legal = any(c.scheme == "article" for c in document.walk())  # a law: read its numeric provisions too
    lead_ins = {child.id: parent.text for parent in document.walk() for child in parent.children} if legal else {}
    for clause in document.walk():
        if clause.scheme == "toc":
            continue
        _check_figures(document, clause)
        if clause.cells is None:
            header = _table_header(clause.text)
        hint = _row_indicator(clause)
        row_header = header if clause.cells is not None else None
        out += _from_part(document, clause, clause.text, hint, row_header, legal=legal,
                          lead_in=lead_ins.get(clause.id, ""))
        if clause.responsibility is not None and clause.responsibility.raw:
            out += _from_part(document, clause, clause.responsibility.raw, hint, None, title=clause.title)
        if len(out) > MAX_TARGETS:
            raise InputError(f"holds more than {MAX_TARGETS:,} numeric targets (a policy or law text holds a few "
                             "thousand at most): refused as a generated or corrupted text rather than read in part",
                             path=document.source or None)
    return out


#: What a document may hold (decision 0105): the densest real texts hold tens of figures a clause and a
#: few thousand targets; a text past these is generated or corrupted, and reading it all would take minutes
#: (every target is read, paired and judged) — so it is refused, never read in part.
MAX_TARGETS = 50_000
MAX_FIGURES_PER_CLAUSE = 20_000
#: a quantity with a unit right after it (dates are cheap, and a plan dates most sentences): what the limit
#: per clause counts, in one pass before reading
_FIGURE_WITH_UNIT = re.compile(r"[0-9０-９〇零一二两三四五六七八九十百千万亿]+[%％‰元人名个家所户张次倍项间]")


def _check_figures(document: Document, clause: Clause) -> None:
    """Refuse a clause with more figures than any real clause holds, before reading them (a 5 MB article of
    fines is 260,000 figures: reading them took 11 s before any pairing)."""
    if len(clause.text) < MAX_FIGURES_PER_CLAUSE * 2:
        return  # too short to hold that many (a figure and its unit are two characters at least)
    count = sum(1 for _ in zip(range(MAX_FIGURES_PER_CLAUSE + 1), _FIGURE_WITH_UNIT.finditer(clause.text)))
    if count > MAX_FIGURES_PER_CLAUSE:
        raise InputError(f"clause {clause.id} holds more than {MAX_FIGURES_PER_CLAUSE:,} figures (a real clause holds "
                         "tens): refused as a generated or corrupted text rather than read in part",
                         path=document.source or None)


def _table_header(text: str) -> list[str] | None:
    """The last pipe row of a clause's own text: the header of the table rows that follow it."""
    rows = [line for line in text.split("\n") if line.count("|") >= 2]
    return tables.split_row(rows[-1]) if rows else None


def _from_part(document: Document, clause: Clause, part: str, hint: str | None, header,
               title: str | None = None, legal: bool = False, lead_in: str = "") -> list[Target]:
    targets = extract_from_text(part, clause.id, indicator_hint=hint, header=header, issued=document.metadata.date,
                                title=title)
    if legal:
        found = provisions.exempted_by_lead_in(provisions.provisions(part, clause.id), lead_in)
        targets = provisions.name_its_body(provisions.merge(targets, found, part), part)
    if not targets:
        return []
    base = document.text.find(part, clause.span[0]) if part else -1
    if base < 0:
        base = document.text.find(part)
    if base >= 0:
        return [replace(t, start=t.start + base) for t in targets]
    return [replace(t, start=document.text.find(t.text, clause.span[0])) for t in targets]


_DIGIT_RE = re.compile(r"\d")


def _row_indicator(clause: Clause) -> str | None:
    """In an annex table row, the cell after the row number names the item (高龄津贴)."""
    cells = clause.cells
    if not cells:
        return None
    for i, cell in enumerate(cells[:-1]):
        if cell.strip().isdigit() and cells[i + 1].strip() and not _DIGIT_RE.search(cells[i + 1]):
            return cells[i + 1].strip()
    return None
