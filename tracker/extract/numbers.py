"""Numbers as policy texts write them, read into exact Decimals.

Arabic (75, 1.5, 3,000), Chinese numerals (一万, 两, 十五) read with cn2an,
scale words (2万张 = 20000, 3000万元 = 30000000) and percentages written out
(百分之七十五 = 75 %). Values are Decimals, never floats: a diff that says
"55% → 60%" must not say "55.00000001%".
"""
from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from tracker.extract.cues import MULTIPLIERS, NUMERAL_DIGITS, NUMERAL_SCALES

#: An Arabic number: 75, 1.5, 3,000 (thousands commas only in groups of three).
ARABIC = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
#: A Chinese numeral. It must start with a digit word (十五, 两千, 一万): a bare
#: 百/千/万 is a word of its own (千家万户, 百姓), not a number. 点 and digit words after it
#: are its decimals (百分之二点五 is 2.5 %).
CHINESE = rf"[{NUMERAL_DIGITS}][{NUMERAL_DIGITS}{NUMERAL_SCALES}]*(?:点[{NUMERAL_DIGITS}]+)?"
#: A scale word after Arabic digits (2万, 3000万, 1.5亿).
MULTIPLIER = "|".join(sorted(MULTIPLIERS, key=len, reverse=True))

NUMBER = rf"(?:(?:{ARABIC})(?:{MULTIPLIER})?|{CHINESE})"
_ARABIC_RE = re.compile(rf"({ARABIC})({MULTIPLIER})?$")
_CHINESE_RE = re.compile(rf"{CHINESE}$")
#: More digits than this is no quantity a policy sets (10^18 is a hundred 亿亿): a
#: serial number, a scrape artefact or an attack, and not a target value. Reading
#: it would also cost time quadratic in its length when it is printed in decimal.
MAX_DIGITS = 18


def parse_number(text: str) -> Decimal | None:
    """The exact value of one written number, or None if it is not one.

    >>> parse_number("3000万"), parse_number("两千"), parse_number("1.5")
    (Decimal('30000000'), Decimal('2000'), Decimal('1.5'))
    """
    m = _ARABIC_RE.match(text)
    if m:
        whole = m.group(1).split(".", 1)[0]
        if len(whole) - whole.count(",") > MAX_DIGITS:
            return None
        try:
            value = Decimal(m.group(1).replace(",", ""))
        except InvalidOperation:
            return None
        if m.group(2):
            value *= MULTIPLIERS[m.group(2)]
        return plain(value)
    if _CHINESE_RE.match(text):
        return chinese_number(text)
    return None


#: One-character numerals, the commonest case (一个, 两家, 二星级), answered
#: without importing cn2an, whose import alone costs ~80 ms.
_DIGIT_WORDS = {c: Decimal(i) for i, c in enumerate("零一二三四五六七八九十")} | {"〇": Decimal(0), "两": Decimal(2)}


@lru_cache(maxsize=512)
def chinese_number(text: str) -> Decimal | None:
    """A Chinese numeral read by cn2an (imported on first use: it costs ~0.1 s)."""
    if text in _DIGIT_WORDS:
        return _DIGIT_WORDS[text]
    import cn2an  # noqa: PLC0415 - lazy on purpose

    try:
        value = cn2an.cn2an(text, "normal")
    except (ValueError, KeyError, IndexError, TypeError):
        return None
    return plain(Decimal(str(value)))


def plain(value: Decimal) -> Decimal:
    """Drop a meaningless exponent or trailing zeros: 1.5万 → 15000, not 1.50E+4."""
    if value == value.to_integral_value():
        return Decimal(int(value))
    return Decimal(format(value.normalize(), "f"))
