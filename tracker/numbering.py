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


CN = r"[一二三四五六七八九十百千零〇两]{1,7}"

SCHEMES: tuple[Scheme, ...] = (
    Scheme("chapter", rf"第(?P<n>{CN}|\d{{1,3}})章", "第{n}章", "第{n}章"),
    Scheme("section", rf"第(?P<n>{CN}|\d{{1,3}})节", "第{n}节", "第{n}节"),
    Scheme("article", rf"第(?P<n>{CN}|\d{{1,4}})条", "第{n}条", "第{n}条"),
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
