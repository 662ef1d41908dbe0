"""The numbering grammar of Chinese policy and legal texts, as data.

Each :class:`Scheme` says how a label looks, how to read its number and how it
is written in a clause id. Depth is not fixed here: the segmenter nests schemes
in the order a document first uses them, as Word does, so a text that opens
with （一） still gets a correct tree.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_CN_VALUES = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def cn_number(text: str) -> int:
    """Value of a Chinese or Arabic clause number: 十二 → 12, 二十 → 20, 一百零三 → 103, 17 → 17."""
    if text in CIRCLED:  # before isdigit(): "①".isdigit() is True
        return CIRCLED.index(text) + 1
    if text.isascii() and text.isdigit():
        return int(text)
    total, current = 0, 0
    for ch in text:
        if ch in _CN_VALUES:
            current = _CN_VALUES[ch]
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        elif ch == "百":
            total += (current or 1) * 100
            current = 0
        elif ch == "千":
            total += (current or 1) * 1000
            current = 0
    return total + current


@dataclass(frozen=True)
class Scheme:
    """One way of numbering clauses.

    ``pattern`` matches the whole label token at a line start and captures the
    number in group ``n``; ``label`` builds the label as written without its
    trailing 、.．; ``id_part`` is how the label appears in a clause id.
    """

    name: str
    pattern: str
    label: str
    id_part: str
    rank: int = 0  # legal structure 编 1 > 分编 2 > 章 3 > 节 4 > 条 5; 0: nests by first use


CN = r"[一二三四五六七八九十百千零〇两]{1,7}"

SCHEMES: tuple[Scheme, ...] = (
    Scheme("part", rf"第(?P<n>{CN}|\d{{1,2}})编", "第{n}编", "第{n}编", rank=1),
    Scheme("subpart", rf"第(?P<n>{CN}|\d{{1,2}})分编", "第{n}分编", "第{n}分编", rank=2),
    Scheme("chapter", rf"第(?P<n>{CN}|\d{{1,3}})章", "第{n}章", "第{n}章", rank=3),
    Scheme("section", rf"第(?P<n>{CN}|\d{{1,3}})节", "第{n}节", "第{n}节", rank=4),
    Scheme("article", rf"第(?P<n>{CN}|\d{{1,4}})条", "第{n}条", "第{n}条", rank=5),
    Scheme("cn", rf"(?P<n>{CN})[、．.](?![\d])", "{n}", "{n}"),
    Scheme("paren_cn", rf"（(?P<n>{CN})）", "（{n}）", "({n})"),
    # "2.2026年底前…" is item 2 followed by a year; "1.5万元" is a decimal, not item 1
    Scheme("arabic", r"(?P<n>\d{1,3})(?:[.．](?:(?!\d)|(?=\d{4}年))|、)", "{n}", "{n}"),
    Scheme("paren_arabic", r"（(?P<n>\d{1,3})）", "（{n}）", "({n})"),
    Scheme("circled", rf"(?P<n>[{CIRCLED}])", "{n}", "{n}"),
)


#: One regex for all schemes; the named group ``s_<name>`` tells which matched.
LABEL_RE = re.compile(
    "|".join(f"(?P<s_{s.name}>{s.pattern.replace('(?P<n>', f'(?P<n_{s.name}>')})" for s in SCHEMES)
)

#: Legal structure: 编 / 分编 / 章 / 节 headings sit above the articles; a 款 is a paragraph of an article
ARTICLE_RANK = 5
#: a table of contents heading alone on its line (目录 / 目　　录)
TOC_RE = re.compile(r"\s*目\s*录\s*")
#: a bare 附则 heading (the 民法典's supplementary provisions after its last 编)
SUPPLEMENTARY_RE = re.compile(r"\s*附\s*则\s*")
_CN_DIGITS = "零一二三四五六七八九"


def cn_numeral(n: int) -> str:
    """1 → 一, 12 → 十二, 20 → 二十, 103 → 一百零三: how a 款 is numbered in legal citation."""
    if n < 10:
        return _CN_DIGITS[n]
    if n < 20:
        return "十" + (_CN_DIGITS[n % 10] if n % 10 else "")
    if n < 100:
        return _CN_DIGITS[n // 10] + "十" + (_CN_DIGITS[n % 10] if n % 10 else "")
    rest = n % 100
    tail = "" if rest == 0 else ("零" + cn_numeral(rest) if rest < 10 else ("一" if rest < 20 else "") + cn_numeral(rest))
    return _CN_DIGITS[n // 100] + "百" + tail


#: An annex heading alone on its line: 附件 / 附件1 / 附件：/ 附件2：标题
ANNEX_RE = re.compile(r"附\s*件\s*(?P<n>\d{1,2}|[一二三四五六七八九十]{1,2})?\s*[:：]?\s*(?P<rest>.*)")


def match_label(line: str, pos: int = 0) -> tuple[Scheme, str, str, int] | None:
    """The label at ``pos`` of ``line``: (scheme, number text, label as written, end offset)."""
    m = LABEL_RE.match(line, pos)
    if not m:
        return None
    for scheme in SCHEMES:
        if m.group(f"s_{scheme.name}"):
            n = m.group(f"n_{scheme.name}")
            return scheme, n, scheme.label.format(n=n), m.end()
    return None
