"""Roll-up: the children's own totals summed against the parent's total for its whole area.

Only absolute totals are summed (全省家庭养老床位总量达到2万张左右 against each
county's 家庭养老床位800张); rates, per-unit figures and deadlines never are —
a sum of percentages means nothing. A child that quotes the parent's own
figure (全省…2万张 inside a county plan) has stated no total of its own.
"""
from __future__ import annotations

from decimal import Decimal
from typing import Sequence

from tracker.compare import SCALE_WORDS
from tracker.corpus.model import Member, Rollup, Row
from tracker.model import Target

#: words naming the whole of the issuing government's area (全省, 全市, 全县 …): the parent's figure
#: counts all of it. The scale words of compare, those that say "the whole of".
WHOLE_AREA_WORDS: tuple[str, ...] = tuple(w for w in SCALE_WORDS if w.startswith("全"))
#: comparators under which more is better (a floor or a goal); ``<=`` / ``<`` are caps
CAPS: frozenset[str] = frozenset({"<=", "<"})


def _words(t: Target) -> str:
    from tracker.normalise import normalise

    return normalise((t.scope or "") + t.text)


def area_word(t: Target) -> str | None:
    words = _words(t)
    return next((w for w in WHOLE_AREA_WORDS if w in words), None)


def is_area_total(t: Target) -> bool:
    """An absolute total the parent sets for its whole area: summable from the children's own."""
    from tracker.compare import is_absolute_total

    return t.value is not None and is_absolute_total(t) and area_word(t) is not None


def own_total(child: Target | None, parent: Target) -> Target | None:
    """The child's counterpart when it is a total of the child's own area in the parent's unit."""
    from tracker.compare import is_absolute_total, unit_of

    if child is None or child.value is None or not is_absolute_total(child) or unit_of(child) != unit_of(parent):
        return None
    if area_word(parent) in _words(child):
        return None  # the parent's figure quoted, not the child's own total
    return child


def verdict(parent: Target, total: Decimal, stated: int, children: int) -> str:
    if stated < children:
        return "incomplete"
    if parent.comparator in CAPS:
        return "meets" if total <= parent.value else "short"
    return "meets" if total >= parent.value else "short"


def rollup(rows: Sequence[Row], children: Sequence[Member]) -> tuple[Rollup, ...]:
    """One roll-up line per area total of the parent that at least one child restates as its own."""
    out = []
    for row in rows:
        parent = row.parent_target
        if not is_area_total(parent):
            continue
        values = tuple((cell.child, own_total(cell.target, parent)) for cell in row.cells)
        stated = [t for _, t in values if t is not None]
        if not stated:
            continue
        total = sum((t.value for t in stated), Decimal(0))
        out.append(Rollup(parent, total, len(stated), len(children), verdict(parent, total, len(stated), len(children)),
                          values))
    return tuple(out)
