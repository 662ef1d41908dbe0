"""Every target of a stored document across all its versions (``tracker history ID``).

A reviewer asks "how did 护理型床位占比 move from the first draft to now?".
The answer must agree with the pairwise reports, so a target is followed from
one version to the next by exactly the pairing ``tracker diff`` makes between
those two versions (:func:`chain` takes the pairwise results and links their
pairs; it never pairs anything itself). A target dropped in one version and
written again in a later one is therefore a new row, as the diff of that later
pair reports it (``added``).

:func:`chain` is pure (DiffResults in, a :class:`History` out); :func:`history`
composes it with the store and the pipeline, loading each version and
extracting its targets once so that consecutive diffs share the very same
target objects.
"""
from __future__ import annotations

import os
from dataclasses import dataclass

from tracker.model import DiffResult, Target, TargetChange


@dataclass(frozen=True)
class HistoryCell:
    """One target in one version, with its label against the version before."""

    version: str
    target: Target | None
    change: str | None  # None in the first version and where the target is absent on both sides
    reasons: tuple[str, ...] = ()
    reasons_zh: tuple[str, ...] = ()


@dataclass(frozen=True)
class HistoryRow:
    indicator: str
    cells: tuple[HistoryCell, ...]

    @property
    def latest(self) -> Target | None:
        """The target as last seen (the newest version that has it)."""
        return next((c.target for c in reversed(self.cells) if c.target is not None), None)

    @property
    def changed(self) -> bool:
        return any(c.change not in (None, "unchanged") for c in self.cells[1:])


@dataclass(frozen=True)
class History:
    doc_id: str
    title: str
    versions: tuple[str, ...]  # references ID@LABEL, in commit order
    rows: tuple[HistoryRow, ...]
    dates: tuple[str, ...] = ()  # each version's legal (or commit) date, when known


def indicator_of(target: Target | None) -> str:
    if target is None:
        return ""
    if target.indicator:
        return target.indicator
    return "（时限）" if target.kind == "deadline" else target.text[:24]


class _Row:
    """A row being built: one slot per version, filled as the chain reaches it."""

    def __init__(self, n: int):
        self.targets: list[Target | None] = [None] * n
        self.changes: list[TargetChange | None] = [None] * n
        self.labels: list[str | None] = [None] * n


def chain(versions: list[str], diffs: list[DiffResult], title: str = "", doc_id: str = "",
          dates: list[str] | None = None) -> History:
    """Link the pairwise diffs (``diffs[i]`` compares ``versions[i]`` with ``versions[i+1]``) into rows.

    Rows keep document order: a target that appears in a later version is
    placed after the row of the target before it in that version.
    """
    if len(diffs) != max(len(versions) - 1, 0):
        raise ValueError("one diff per consecutive pair of versions")
    n = len(versions)
    rows: list[_Row] = []
    at_version: dict[int, _Row] = {}  # id(target of the current version) → its row
    if diffs:
        firsts = sorted((c.old for c in diffs[0].targets if c.old is not None), key=_position)
        for target in firsts:
            row = _Row(n)
            row.targets[0] = target
            rows.append(row)
            at_version[id(target)] = row
    for i, result in enumerate(diffs, start=1):
        following: dict[int, _Row] = {}
        news = sorted((c for c in result.targets if c.new is not None), key=lambda c: _position(c.new))
        for change in news:
            row = at_version.get(id(change.old)) if change.old is not None else None
            if row is None:  # appears here: place it after the row of the target before it in this version
                row = _Row(n)
                rows.insert(_insert_at(rows, following, news, change), row)
            row.targets[i] = change.new
            row.changes[i] = change
            row.labels[i] = change.change
            following[id(change.new)] = row
        for change in result.targets:
            if change.new is None and change.old is not None:
                row = at_version.get(id(change.old))
                if row is not None:
                    row.changes[i] = change
                    row.labels[i] = "dropped"
        at_version = following
    out = []
    for row in rows:
        cells = tuple(
            HistoryCell(
                version=versions[k],
                target=row.targets[k],
                change=row.labels[k] if k else None,
                reasons=tuple(row.changes[k].reasons) if row.changes[k] and k else (),
                reasons_zh=tuple(row.changes[k].reasons_zh) if row.changes[k] and k else (),
            )
            for k in range(n)
        )
        latest = next((t for t in reversed(row.targets) if t is not None), None)
        out.append(HistoryRow(indicator_of(latest), cells))
    return History(doc_id, title, tuple(versions), tuple(out), tuple(dates or ()))


def _position(target: Target) -> tuple[int, str]:
    return (target.start if target.start >= 0 else 1 << 30, target.clause)


def _insert_at(rows: list[_Row], following: dict[int, _Row], news: list[TargetChange], change: TargetChange) -> int:
    """Right after the row of the nearest target placed before this one in the same version, else at the top."""
    k = news.index(change)
    for before in reversed(news[:k]):
        row = following.get(id(before.new))
        if row is not None and row in rows:
            return rows.index(row) + 1
    return 0


def history(doc_id: str, store: str | os.PathLike | None = None) -> History:
    """Every version of a stored document, targets extracted once each, consecutive versions diffed."""
    from tracker import pipeline
    from tracker import store as docstore
    from tracker.errors import StoreError

    docstore.validate_id(doc_id)
    root = docstore.store_root(store)
    entries = list(reversed(docstore.log(doc_id, root)))  # oldest first: commit order
    refs, dates = [], []
    for entry in entries:
        label = entry.labels[0] if entry.labels else entry.commit[:12]
        refs.append(f"{doc_id}@{label}")
        dates.append(entry.source_date or entry.committed)
    if not refs:
        raise StoreError(f"{doc_id}: no stored version")
    documents = [pipeline.load_document(ref, store=root) for ref in refs]
    # an unlabelled commit that left the text as it was (a metadata fix) is no version of the text
    keep = [k for k, entry in enumerate(entries)
            if entry.labels or k == 0 or documents[k].text != documents[k - 1].text]
    refs, dates, documents = [refs[k] for k in keep], [dates[k] for k in keep], [documents[k] for k in keep]
    targets = [pipeline.extract_targets(doc) for doc in documents]
    diffs = [
        pipeline.diff(documents[i], documents[i + 1], old_ref=refs[i], new_ref=refs[i + 1],
                      old_targets=targets[i], new_targets=targets[i + 1])
        for i in range(len(refs) - 1)
    ]
    if len(refs) == 1:  # one version: every target stands alone, nothing to chain
        rows = tuple(HistoryRow(indicator_of(t), (HistoryCell(refs[0], t, None),)) for t in targets[0])
        return History(doc_id, documents[0].metadata.title or doc_id, tuple(refs), rows, tuple(dates))
    return chain(refs, diffs, title=documents[-1].metadata.title or doc_id, doc_id=doc_id, dates=dates)
