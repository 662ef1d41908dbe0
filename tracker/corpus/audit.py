"""``tracker audit PARENT``: every stored child held against its parent, as one matrix.

The per-child step (:func:`audit_child`) is a pure function of two documents:
it runs exactly the diff ``tracker diff PARENT CHILD --parent`` runs
(:func:`tracker.api.diff` in parent mode) and keeps, for each parent target,
the label and the child's counterpart. Everything else — rows, roll-up,
summary — is assembled from those results in the parent's process.
"""
from __future__ import annotations

from pathlib import Path
from typing import Sequence

from tracker import parallel
from tracker.corpus.model import Added, Audit, Cell, ChildAudit, Member, Row
from tracker.corpus.rollup import rollup
from tracker.model import Document, Target


def target_key(t: Target) -> tuple:
    """Identity of a target within its document: where it stands and what it says."""
    return (t.clause, t.start, t.text, t.indicator)


def audit_child(parent: Document, parent_targets: Sequence[Target], parent_member: Member,
                child: Document, child_member: Member, report_dir: Path | None = None) -> ChildAudit:
    """One child against its parent, in parent mode, as ``tracker diff PARENT CHILD --parent``.

    With ``report_dir`` the child's full report is written there too (the
    matrix's cells link to it), from the same diff, in the same process.
    """
    from tracker.api import diff

    result = diff(parent, child, mode="parent", old_ref=parent_member.ref, new_ref=child_member.ref,
                  old_targets=list(parent_targets))
    index = {target_key(t): i for i, t in enumerate(parent_targets)}
    cells = tuple((index[target_key(c.old)], c) for c in result.targets if c.old is not None)
    added = tuple(c.new for c in result.targets if c.old is None and c.new is not None)
    name = None
    if report_dir is not None:
        from tracker.render.output import render, write_atomic

        name = report_file(child_member)
        write_atomic(Path(report_dir) / name, render("html", result, parent, child).encode("utf-8"))
    return ChildAudit(child_member, cells, added, dict(result.summary), name)


def report_file(member: Member) -> str:
    """The file name of a child's full report inside the audit's folder."""
    from tracker.render.output import slug

    return f"{slug(member.ref)}.html"


# ------------------------------------------------------------ worker side

_WORKER: dict = {}


def _init_worker(parent_text: bytes, parent_meta: bytes | None, parent_member: Member, report_dir: str | None) -> None:
    """Load the parent once per worker process (not once per child)."""
    from tracker.api import extract_targets
    from tracker.store import document_from_bytes

    parent = document_from_bytes(parent_text, parent_meta, parent_member.ref)
    _WORKER.update(parent=parent, targets=extract_targets(parent), member=parent_member,
                   report_dir=Path(report_dir) if report_dir else None)


def _audit_chunk(items: Sequence[tuple[Member, bytes, bytes | None]]) -> list[ChildAudit]:
    from tracker.store import document_from_bytes

    w = _WORKER
    return [audit_child(w["parent"], w["targets"], w["member"], document_from_bytes(text, meta, member.ref),
                        member, w["report_dir"]) for member, text, meta in items]


# ---------------------------------------------------------- assembling


def assemble(parent_member: Member, parent_targets: Sequence[Target], results: Sequence[ChildAudit]) -> Audit:
    """The matrix: one row per parent target in document order, one cell per child in children order."""
    children = tuple(r.child for r in results)
    by_child = [dict(r.cells) for r in results]
    rows = tuple(
        Row(target, tuple(_cell(r.child.ref, cells.get(i)) for r, cells in zip(results, by_child)))
        for i, target in enumerate(parent_targets)
    )
    added = tuple(Added(r.child.ref, t) for r in results for t in r.added)
    return Audit(parent=parent_member, children=children, rows=rows, added=added,
                 rollup=rollup(rows, children), summary={r.child.ref: r.summary for r in results},
                 reports={r.child.ref: r.report for r in results if r.report})


def _cell(child_ref: str, change) -> Cell:
    if change is None:  # cannot happen: parent mode lists every parent target once
        raise AssertionError(f"{child_ref}: a parent target is missing from the diff")
    return Cell(child_ref, change.change, change.new, tuple(change.reasons), tuple(change.reasons_zh))


def audit_documents(parent: Document, parent_member: Member, children: Sequence[tuple[Member, Document]]) -> Audit:
    """The audit of documents already in memory (tests, library callers), in this process."""
    from tracker.api import extract_targets

    targets = extract_targets(parent)
    return assemble(parent_member, targets, [audit_child(parent, targets, parent_member, doc, m) for m, doc in children])


def audit(parent_ref: str, *, root=None, depth: int = 1, jobs: int | None = None,
          report_dir: Path | None = None, progress: bool | None = None) -> Audit:
    """Audit every stored child of ``parent_ref`` (``ID`` or ``ID@VERSION``) in worker processes.

    ``report_dir``: write each child's full report there (for the HTML matrix's links).
    """
    from tracker import store
    from tracker.api import extract_targets
    from tracker.corpus.stored import children_of, read_members, resolve_member

    top = store.store_root(root)
    parent_member = resolve_member(parent_ref, top)
    members = children_of(parent_member.id, top, depth)
    texts = read_members([parent_member, *members], top)
    parent_text, parent_meta = texts[0]
    parent = store.document_from_bytes(parent_text, parent_meta, parent_member.ref)
    items = [(m, text, meta) for m, (text, meta) in zip(members, texts[1:])]
    if report_dir is not None:
        Path(report_dir).mkdir(parents=True, exist_ok=True)
    results = parallel.run_chunks(
        _audit_chunk, items, jobs=jobs, initializer=_init_worker,
        initargs=(parent_text, parent_meta, parent_member, str(report_dir) if report_dir else None),
        label="audit", progress=progress,
    )
    return assemble(parent_member, extract_targets(parent), results)
