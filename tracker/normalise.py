"""Texts as compared: one normal form and one similarity, computed once per text.

Alignment (clauses) and judgement (targets) both ask whether two texts say the
same thing; both ask it here, so an equivalent rewrite (full/half width, spaces
a PDF left inside words, 2万 ↔ 20000, 百分之七十五 ↔ 75%) vanishes the same way
for both. Numbers are read with the extractor's own reader
(:func:`tracker.extract.numbers.chinese_number`) and written back plainly.
"""
from __future__ import annotations

import os
import re
import unicodedata
from decimal import Decimal
from functools import lru_cache

from rapidfuzz import fuzz

from tracker.extract.cues import NUMERAL_DIGITS, NUMERAL_UNIT_STARTS, SCALED_UNIT_STARTS
from tracker.extract.numbers import chinese_number


@lru_cache(maxsize=1 << 16)
def normalise(text: str | None) -> str:
    """Text as compared: NFKC, without whitespace, punctuation or format characters.

    Equivalent rewrites a reviewer should never see (full/half width, spaces the
    PDF scrape left inside words, line breaks, 、 vs ,) all vanish here. Cached:
    alignment and judgement ask for the same clause and sentence texts many times.
    """
    if not text:
        return ""
    text = canonical_numbers(unicodedata.normalize("NFKC", text))
    return text.translate(_dropped_characters(text))


_DROPPED: dict[int, None] = {}  # code point -> None for every punctuation, separator and control character seen
_SEEN: set[str] = set()


def _dropped_characters(text: str) -> dict[int, None]:
    """The translate table deleting what :func:`normalise` drops, grown by the characters of ``text``.

    Asking ``unicodedata.category`` once per distinct character, not once per
    character of every text, is what makes normalising a 1 MB code cheap.
    """
    fresh = set(text).difference(_SEEN)
    for ch in fresh:
        if unicodedata.category(ch)[0] in "PZC" and ch != "%":
            _DROPPED[ord(ch)] = None
    _SEEN.update(fresh)
    return _DROPPED


_PERCENT_WORDS = re.compile(rf"百分之([{NUMERAL_DIGITS}百点]+)")
#: the number starts after a non-digit and its digits are possessive: tried inside a long
#: digit run, the old pattern gave back one digit at a time (100,000 digits: minutes)
_WAN = re.compile(rf"(?<!\d)(\d++(?:\.\d++)?)万(?=[{SCALED_UNIT_STARTS}])")


def canonical_numbers(text: str) -> str:
    """Write equal quantities one way: 百分之七十五 → 75%, 2万张 → 20000张.

    A drafter switching between these spellings has not changed the clause, so
    the alignment compares clauses with numbers written canonically.
    """
    text = _PERCENT_WORDS.sub(lambda m: f"{_numeral(m.group(1))}%", text)
    return _WAN.sub(lambda m: f"{Decimal(m.group(1)) * 10000:f}".rstrip("0").rstrip(".") if "." in m.group(1) else str(int(m.group(1)) * 10000), text)


def _numeral(words: str) -> str:
    """A Chinese numeral written in digits (七十五 → 75, 七点五 → 7.5); as it was when it is none."""
    value = chinese_number(words)
    if value is None:
        return words
    return str(int(value)) if value == value.to_integral_value() else format(value.normalize(), "f")


def similarity(a: str, b: str, cutoff: float = 0.0) -> float:
    """Normalised Indel similarity of two normalised texts (1.0 = identical).

    With ``cutoff``, anything below it comes back as 0.0 — and the length bound
    (the similarity can never exceed 2·min/(len a + len b)) skips the comparison
    entirely, which is what keeps the alignment DP cheap.
    """
    if not a and not b:
        return 1.0
    if cutoff and 2 * min(len(a), len(b)) / (len(a) + len(b)) < cutoff:
        return 0.0
    if len(a) + len(b) > LONG_TEXT:
        return _similarity_trimmed(a, b, cutoff)
    return fuzz.ratio(a, b, score_cutoff=cutoff * 100) / 100.0


#: Texts longer than this (both together) drop their common head and tail before the comparison.
LONG_TEXT = 4000


def _similarity_trimmed(a: str, b: str, cutoff: float) -> float:
    """The same similarity, computed on what lies between the common head and tail: the longest common
    subsequence of two texts holds their common prefix and suffix, so only the middles need comparing.
    A long clause with one edit then costs its edit, not its length squared."""
    head = len(os.path.commonprefix([a, b]))
    tail = len(os.path.commonprefix([a[head:][::-1], b[head:][::-1]]))  # counted after the head: no overlap
    mid_a, mid_b = a[head : len(a) - tail], b[head : len(b) - tail]
    common = head + tail + (fuzz.ratio(mid_a, mid_b) / 100.0 * (len(mid_a) + len(mid_b)) / 2 if mid_a or mid_b else 0)
    score = 2 * common / (len(a) + len(b))
    return score if score >= cutoff else 0.0


#: any written number: 百分之七十五, 75, ７５, 1.5万, and a Chinese numeral before a unit (二十张)
_NUMBER = re.compile(
    rf"百分之[{NUMERAL_DIGITS}百点]+|[0-9０-９]+(?:[.．][0-9]+)?[万亿千百]?|[{NUMERAL_DIGITS}百千万]+(?=[{NUMERAL_UNIT_STARTS}])"
)


@lru_cache(maxsize=1 << 14)
def masked(text: str | None) -> str:
    """Normalised text with every number replaced by # (so 55% and 60% read alike)."""
    return _NUMBER.sub("#", normalise(text))
