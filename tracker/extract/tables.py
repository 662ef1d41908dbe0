"""Indicator tables (主要指标表): one target per row.

Plans list their goals as rows ``指标 | 2020年 | 2025年 | 属性``: the
indicator, a base value, a target value and 约束性 (binding → must) or
预期性 (expected → strive). The numbers stand alone in their cells, so the
sentence reader finds no unit after them; this module reads the row by
column instead. The target column is the one whose header names the latest
year (that year's end is the deadline), else the last numeric cell.
"""
from __future__ import annotations

import re

from tracker.cues import MODALITIES
from tracker.extract.cues import COMPARATOR_AFTER, COMPARATOR_BEFORE, MULTIPLIERS, PER_PATTERNS, UNITS
from tracker.extract.numbers import NUMBER, parse_number
from tracker.model import Target

#: 属性 column: 约束性 (binding) → must, 预期性 (expected) → strive (the words of tracker.cues.MODALITIES).
ATTRIBUTES = {force.kind: modality for modality, force in MODALITIES.items()}
_UNIT_NAMES = dict(UNITS)
_BEFORE_WORDS = "|".join(re.escape(w) for w, _ in COMPARATOR_BEFORE)  # longer first, as the cues list them
_AFTER_WORDS = "|".join(re.escape(w) for w, _ in COMPARATOR_AFTER)
_CELL_RE = re.compile(
    rf"^(?P<cmp>{_BEFORE_WORDS})?(?P<n>{NUMBER})(?P<u>%|％|[\u4e00-\u9fff]{{1,3}})?"
    rf"(?P<after>{_AFTER_WORDS})?$"
)
_UNIT_IN_NAME_RE = re.compile(r"[（(](?P<u>[^（）()]{1,8})[）)]\s*$")
_YEAR_RE = re.compile(r"((?:19|20)\d{2})\s*年(?:目标值?|底)?")
_PER_RE = re.compile("|".join(f"(?:{p})" for p in PER_PATTERNS))
_COMPARATORS = dict(COMPARATOR_BEFORE + COMPARATOR_AFTER)


def split_row(line: str) -> list[str]:
    return [c.strip() for c in line.strip().strip("|").split("|")]


def is_header(cells: list[str]) -> bool:
    """A header row names columns: no cell is a bare number (a year like 2025年 names a column)."""
    return not any(_CELL_RE.match(bare) and not _YEAR_RE.fullmatch(bare) for c in cells if c
                   for bare in (c.replace(" ", ""),))


def indicator_target(cells: list[str], header: list[str] | None, row_text: str, clause_id: str) -> Target | None:
    """The row's target, if the row is an indicator row (属性 column or a year-headed value column)."""
    attr = next((ATTRIBUTES[c] for c in cells if c in ATTRIBUTES), None)
    years = [(year, i) for i, h in enumerate(header or []) if (year := _year(h))]
    if attr is None and not years:
        return None
    numeric = {i: m for i, c in enumerate(cells) if (m := _CELL_RE.match(c.replace(" ", "")))}
    if header and len(header) == len(cells):
        numeric = {i: m for i, m in numeric.items() if not re.search("序号|编号", header[i])}
    elif numeric and min(numeric) == 0 and len(numeric) >= 3:
        numeric.pop(0)  # a row number
    if not numeric:
        return None
    dated = [(y, i) for y, i in years if i in numeric and len(header or []) == len(cells)]
    year, col = max(dated) if dated else (None, max(numeric))
    m = numeric[col]
    name_i = next((i for i, c in enumerate(cells) if c and i not in numeric and c not in ATTRIBUTES
                   and re.search(r"[\u4e00-\u9fff]", c)), None)
    if name_i is None:
        return None
    name = cells[name_i]
    value = parse_number(m.group("n"))
    if value is None:
        return None
    unit = _unit(m.group("u"), name, cells, header)
    if unit and unit[0] in MULTIPLIERS and unit[1:]:
        value, unit = value * MULTIPLIERS[unit[0]], unit[1:]
    comparator = _COMPARATORS.get(m.group("cmp") or m.group("after") or "", "=")
    start = row_text.find(name)
    end = row_text.find(cells[col], max(start, 0)) + len(cells[col])
    text = row_text[start:end] if 0 <= start < end else cells[col]
    indicator = _UNIT_IN_NAME_RE.sub("", name).strip() or name
    per = _PER_RE.search(indicator)
    return Target(
        clause=clause_id, kind="quantity", indicator=indicator, scope=None, comparator=comparator, value=value,
        value_max=None, unit=unit, per=per.group(0) if per else None, deadline=f"{year}-12-31" if year else None,
        modality=attr or "must", text=text, start=start if 0 <= start < end else max(0, row_text.find(cells[col])),
    )


def _year(cell: str) -> int | None:
    m = _YEAR_RE.search(cell or "")
    return int(m.group(1)) if m else None


def _unit(in_cell: str | None, name: str, cells: list[str], header: list[str] | None) -> str | None:
    if in_cell:
        return "%" if in_cell in ("%", "％") else _UNIT_NAMES.get(in_cell, in_cell)
    m = _UNIT_IN_NAME_RE.search(name)
    if m:
        u = m.group("u").replace("％", "%")
        return _UNIT_NAMES.get(u, u)
    if header and len(header) == len(cells):
        for h, c in zip(header, cells):
            if "单位" in h and c:
                return _UNIT_NAMES.get(c, c.replace("％", "%"))
    return None
