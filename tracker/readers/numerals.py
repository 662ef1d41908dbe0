"""Number formats of Word list labels (w:numFmt), as data plus two small converters.

Only the formats Chinese policy documents use are rendered faithfully; an
unknown format falls back to decimal so a label is never lost.
"""
from __future__ import annotations

DIGITS = "〇一二三四五六七八九"
#: 天干: the ideographTraditional sequence (甲、乙、丙…); past 10 Word repeats, so do we
HEAVENLY_STEMS = "甲乙丙丁戊己庚辛壬癸"
#: 地支: ideographZodiac
EARTHLY_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
PARENTHESIZED = "⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇"
FULL_STOP = "⒈⒉⒊⒋⒌⒍⒎⒏⒐⒑⒒⒓⒔⒕⒖⒗⒘⒙⒚⒛"
ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
         (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))


def chinese_counting(n: int) -> str:
    """一 … 十 十一 … 二十 … 九十九 一百 一百零一 … (小写中文数字, as used in clause labels)."""
    if n <= 0:
        return DIGITS[0] if n == 0 else str(n)
    if n >= 100000:
        return str(n)
    units = ((10000, "万"), (1000, "千"), (100, "百"), (10, "十"))
    out, zero = "", False
    for value, name in units:
        digit, n = divmod(n, value)
        if digit:
            if zero:
                out += "零"
            out += ("" if (value == 10 and digit == 1 and not out) else DIGITS[digit]) + name
            zero = False
        elif out:
            zero = True
    if n:
        out += ("零" if zero else "") + DIGITS[n]
    return out


def chinese_digits(n: int) -> str:
    """Word's chineseCounting past 99 writes digit by digit (一〇一); below 100 it counts (十一)."""
    return chinese_counting(n) if n < 100 else "".join(DIGITS[int(d)] for d in str(n))


def _from(seq: str):
    return lambda n: seq[(n - 1) % len(seq)] if n >= 1 else str(n)


def _roman(n: int) -> str:
    out = ""
    for value, letters in ROMAN:
        while n >= value:
            out, n = out + letters, n - value
    return out


def _letter(n: int) -> str:
    """a … z aa bb … (Word repeats the letter, it does not go on to ab)."""
    if n < 1:
        return str(n)
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


#: w:numFmt value -> formatter
FORMATS = {
    "decimal": str,
    "decimalZero": lambda n: f"{n:02d}",
    "decimalFullWidth": lambda n: str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９")),
    "decimalFullWidth2": lambda n: str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９")),
    "decimalHalfWidth": str,
    "decimalEnclosedCircle": lambda n: CIRCLED[n - 1] if 1 <= n <= 20 else str(n),
    "decimalEnclosedCircleChinese": lambda n: CIRCLED[n - 1] if 1 <= n <= 20 else str(n),
    "decimalEnclosedParen": lambda n: PARENTHESIZED[n - 1] if 1 <= n <= 20 else f"({n})",
    "decimalEnclosedFullstop": lambda n: FULL_STOP[n - 1] if 1 <= n <= 20 else f"{n}.",
    "chineseCounting": chinese_digits,
    "chineseCountingThousand": chinese_counting,
    "chineseLegalSimplified": lambda n: chinese_counting(n).translate(str.maketrans("〇一二三四五六七八九十百千万", "零壹贰叁肆伍陆柒捌玖拾佰仟萬")),
    "japaneseCounting": chinese_counting,
    "taiwaneseCounting": chinese_digits,
    "taiwaneseCountingThousand": chinese_counting,
    "ideographDigital": lambda n: "".join(DIGITS[int(d)] for d in str(n)),
    "ideographTraditional": _from(HEAVENLY_STEMS),
    "ideographZodiac": _from(EARTHLY_BRANCHES),
    "lowerLetter": _letter,
    "upperLetter": lambda n: _letter(n).upper(),
    "lowerRoman": _roman,
    "upperRoman": lambda n: _roman(n).upper(),
    "none": lambda n: "",
}


def format_number(n: int, fmt: str | None) -> str:
    """Render counter ``n`` in Word number format ``fmt``; unknown formats fall back to decimal."""
    return FORMATS.get(fmt or "decimal", str)(n)
