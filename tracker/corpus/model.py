"""Plain, frozen data of a corpus audit and of a parent's impact on its children.

Mirrors the ``tracker.audit/1`` and ``tracker.impact/1`` contracts; the
conversion to JSON lives in :mod:`tracker.corpus.jsonout`.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from tracker.model import Target, TargetChange


@dataclass(frozen=True)
class Member:
    """A stored document version taking part in an audit: ``id@version`` plus what the index shows."""

    ref: str
    id: str
    version: str
    title: str | None = None
    level: str | None = None
    region: str | None = None
    parent: str | None = None


@dataclass(frozen=True)
class Cell:
    """One parent target held against one child: the parent-mode label of ``tracker diff``."""

    child: str  # the child's id@version
    change: str  # tightened / loosened / mixed / changed / unchanged / dropped (not carried)
    target: Target | None
    reasons: tuple[str, ...] = ()
    reasons_zh: tuple[str, ...] = ()


@dataclass(frozen=True)
class Row:
    parent_target: Target
    cells: tuple[Cell, ...]


@dataclass(frozen=True)
class Added:
    """A target a child sets of its own, with no counterpart in the parent."""

    child: str
    target: Target


@dataclass(frozen=True)
class Rollup:
    """An absolute total of the parent's whole area against the sum of the children's own totals."""

    parent_target: Target
    children_sum: Decimal
    children_with_value: int
    children: int
    verdict: str  # meets / short / incomplete
    values: tuple[tuple[str, Target | None], ...] = ()  # (child ref, its own total or None), in children order


@dataclass(frozen=True)
class ChildAudit:
    """Everything one child contributes to an audit: the output of the pure per-child step."""

    child: Member
    cells: tuple[tuple[int, TargetChange], ...]  # (index of the parent target, the change)
    added: tuple[Target, ...]
    summary: dict = field(default_factory=dict)
    report: str | None = None  # file name of the child's full report, when one was written


@dataclass(frozen=True)
class Audit:
    parent: Member
    children: tuple[Member, ...]
    rows: tuple[Row, ...]
    added: tuple[Added, ...]
    rollup: tuple[Rollup, ...]
    summary: dict  # child ref -> label counts
    reports: dict = field(default_factory=dict)  # child ref -> file name of its report (HTML audits)


@dataclass(frozen=True)
class Shortfall:
    """A target the revision tightened or added that a child now falls short of."""

    parent: Target  # the revised target of NEW
    child: Target | None
    change: str  # loosened / mixed / dropped, against NEW
    before: str  # the child's label against OLD, or "absent"
    reasons: tuple[str, ...] = ()
    reasons_zh: tuple[str, ...] = ()


@dataclass(frozen=True)
class ChildImpact:
    child: Member
    falls_short: tuple[Shortfall, ...]


@dataclass(frozen=True)
class Impact:
    parent_id: str
    old: Member
    new: Member
    revised: tuple[TargetChange, ...]
    children: tuple[ChildImpact, ...]
