"""Dates in policy sentences, and which of them are deadlines.

到2027年年底, 2025年底前, 在2027年年底前, 到2029年, 2020-2022年分三年,
2020年和2021年分两年, 完成时限：2025年基本建成 are deadlines, read as the
ISO date the period ends (年底 → 12-31, a span of years → the end of its last
year). 2025年1月5日 (a date of issue), 截至2024年底 (history), 预计到2030年
(a forecast), 2019年以来 (a starting point) are not.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

from tracker.extract.cues import (
    CHINESE_DIGITS,
    COMPLETION_LABELS,
    DEADLINE_PREFIXES,
    NOT_DEADLINE_ADJACENT,
    NOT_DEADLINE_PREFIXES,
    NOT_DEADLINE_SOFT_SUFFIXES,
    NOT_DEADLINE_SUFFIXES,
    PLAN_PERIOD_END,
    PLAN_PERIOD_SPANS,
    PLAN_PERIOD_SUFFIXES,
)

_YEAR = r"(?:19|20)\d{2}"
_CN_ZERO = "〇零○Ｏ"
#: A year in numeral characters (二〇二五年), rewritten digit for digit before DATE_RE reads it.
_CN_YEAR_RE = re.compile(rf"[一二][{_CN_ZERO}九][{_CN_ZERO}一二三四五六七八九]{{2}}(?=年)")
_CN_YEAR_TABLE = str.maketrans(CHINESE_DIGITS)
#: A month and a day in numeral characters, after such a year (二〇二六年一月一日, 十二月三十一日).
_CN_MONTH = "十[一二]?|[一二三四五六七八九]"
_CN_DAY = "三十一?|[二]?十[一二三四五六七八九]?|[一二三四五六七八九]"
#: A five-year plan period: “十四五”期间, 十四五末, “十五五”时期.
_PLAN_RE = re.compile(
    r"[“\"]?(?P<plan>" + "|".join(PLAN_PERIOD_END) + r")[”\"]?(?:规划)?(?P<suffix>" + "|".join(PLAN_PERIOD_SUFFIXES) + ")"
)
_TITLE_RE = re.compile(r"《[^《》\n]{0,80}》")
DATE_RE = re.compile(
    rf"(?P<y1>{_YEAR})年?(?:(?:和|、|至|到|-|－|—|–|~|～)(?P<y2>{_YEAR}))?年"
    rf"(?:(?P<month>1[0-2]|0?[1-9]|{_CN_MONTH})月(?:(?P<day>[0-3]?\d|{_CN_DAY})日)?份?|(?P<half>上半年|下半年))?"
    r"(?P<end>年底|年末|底|末)?(?P<before>前|之前|以前)?"
    r"(?P<span>分[一二两三四五六七八九十\d]+年)?"
)
_PREFIX_RE = re.compile("(?:" + "|".join(map(re.escape, DEADLINE_PREFIXES)) + ")$")
_NOT_PREFIX_RE = re.compile(
    "(?:" + "|".join(map(re.escape, NOT_DEADLINE_PREFIXES)) + r")[^，。；]{0,4}$"
    "|(?:" + "|".join(map(re.escape, NOT_DEADLINE_ADJACENT)) + ")$"
)
_NOT_SUFFIX_RE = re.compile("(?:" + "|".join(map(re.escape, NOT_DEADLINE_SUFFIXES)) + ")")
_SOFT_SUFFIX_RE = re.compile("(?:" + "|".join(map(re.escape, NOT_DEADLINE_SOFT_SUFFIXES)) + ")")
_COMPLETION_RE = re.compile("(?:" + "|".join(COMPLETION_LABELS) + r")[：:]\s*$")
#: A date opens a clause when nothing but these stands before it.
_CLAUSE_START = "，。；：\n,;:（(、"
_LEADING_CUES_RE = re.compile(r"(?:力争|争取|确保|计划|预计|并|且|但|同时|其中)$")


@dataclass
class DateMention:
    """One date in a text, with what the sentence does with it."""

    start: int
    end: int
    iso: str
    year: int
    deadline: bool  # a deadline (到2027年), not history, a forecast or a date of issue
    topic: bool  # followed by a comma: it scopes over what follows (到2029年年底，A…，B…)
    completion: bool = False  # the 完成时限：… line of a responsibility bracket
    past: bool = False  # a year before the document's own date: history
    period: bool = False  # a whole plan period (“十四五”期间): dates numbers, is no target alone


def _small_number(written: str) -> int:
    """A month or day written in digits or numeral characters: 12, 十二, 三十一 → 31."""
    if written.isdigit():
        return int(written)
    tens, _, units = written.rpartition("十") if "十" in written else ("", "", written)
    digits = str.maketrans(CHINESE_DIGITS)
    high = (int(tens.translate(digits)) if tens else 1) if "十" in written else 0
    return high * 10 + (int(units.translate(digits)) if units else 0)


def find_dates(text: str, masked: str | None = None) -> list[DateMention]:
    """Every date in ``text``; ``masked`` (same length) hides titles and quotes.

    A date needs 年 and a plan period 十…五: a text without them (most that hold a
    figure at all) is not scanned for either.
    """
    out = []
    if "年" in text:
        scan = _CN_YEAR_RE.sub(_digits_of_year, text if masked is None else masked)
        out = [_mention(text, m) for m in DATE_RE.finditer(scan)]
    if "五" in text:
        plans = list(_PLAN_RE.finditer(text))
        if plans:
            titles = [m.span() for m in _TITLE_RE.finditer(text)]
            out += [_plan_mention(text, m) for m in plans if not any(s <= m.start() < e for s, e in titles)]
            out.sort(key=lambda d: d.start)
    return out


def _digits_of_year(m: re.Match) -> str:
    return m.group(0).translate(_CN_YEAR_TABLE)


def _plan_mention(text: str, m: re.Match) -> DateMention:
    """“十四五”期间 / 十四五末: the plan's last year ends the period (unless 截至 makes it history)."""
    year = PLAN_PERIOD_END[m.group("plan")]
    before = text[max(0, m.start() - 8):m.start()]
    deadline = not _NOT_PREFIX_RE.search(before)
    topic = text[m.end():m.end() + 1] in ("，", ",")
    period = m.group("suffix") in PLAN_PERIOD_SPANS
    return DateMention(m.start(), m.end(), f"{year:04d}-12-31", year, deadline, topic, period=period)


def _mention(text: str, m: re.Match) -> DateMention:
    year = int(m.group("y2") or m.group("y1"))
    start, end = m.start(), m.end()
    before = text[max(0, start - 8):start]
    after = text[end:end + 4]
    is_deadline = _is_deadline(m, before, after)
    topic = after[:1] in ("，", ",")
    completion = bool(_COMPLETION_RE.search(before))
    return DateMention(start, end, _iso(m, year), year, is_deadline, topic, completion)


def _is_deadline(m: re.Match, before: str, after: str) -> bool:
    """A date is a deadline when the sentence points to it as an end point."""
    if _NOT_PREFIX_RE.search(before) or _NOT_SUFFIX_RE.match(after):
        return False
    if before[-1:] in "（(" and after[:1] in "）)":
        return False  # 规划（2021—2025年）: the period a title covers
    if m.group("day") and not m.group("before"):
        return False  # 2025年1月5日: a date of issue or of an event
    if _PREFIX_RE.search(before) or _COMPLETION_RE.search(before):
        return True
    if _SOFT_SUFFIX_RE.match(after):
        return False
    if m.group("end") or m.group("before") or m.group("span") or m.group("y2"):
        return True
    # A bare year opening a clause (2022年社区日间照料机构覆盖率达到90%以上).
    stripped = _LEADING_CUES_RE.sub("", before)
    return not stripped or stripped[-1] in _CLAUSE_START


def _iso(m: re.Match, year: int) -> str:
    if m.group("month"):
        month = _small_number(m.group("month"))
        day = _small_number(m.group("day")) if m.group("day") else calendar.monthrange(year, month)[1]
        return f"{year:04d}-{month:02d}-{day:02d}"
    if m.group("half") == "上半年":
        return f"{year:04d}-06-30"
    return f"{year:04d}-12-31"
