"""``tracker impact PARENT@NEW``: the children a revised parent now leaves short.

For every target the revision tightened or added (``tracker diff PARENT@OLD
PARENT@NEW``), each stored child whose counterpart is now ``loosened``,
``mixed`` or not carried (``dropped``) against NEW, with its label against
OLD beside it. A loosened target asks less of the children: it leaves nobody short.
"""
from __future__ import annotations

from typing import Sequence

from tracker import parallel
from tracker.corpus.audit import target_key
from tracker.corpus.model import ChildImpact, Impact, Member, Shortfall
from tracker.model import Document, Target, TargetChange

#: revisions that ask more of the children
ASKS_MORE: frozenset[str] = frozenset({"tightened", "added"})
#: a child's label against the parent that means it does not meet the parent's target
SHORT: frozenset[str] = frozenset({"loosened", "mixed", "dropped"})


def asks(revised: Sequence[TargetChange]) -> list[TargetChange]:
    return [c for c in revised if c.change in ASKS_MORE and c.new is not None]


def left_short(parent: Document, parent_ref: str, targets: Sequence[Target], child: Document,
               child_ref: str, parent_targets: Sequence[Target] | None = None) -> list[tuple[Target, TargetChange]]:
    """(parent target, the child's change against it) for each of ``targets`` the child falls short of.

    ``parent_targets``: all of the parent's targets when the caller has them (not re-extracted).
    """
    from tracker.api import diff

    result = diff(parent, child, mode="parent", old_ref=parent_ref, new_ref=child_ref,
                  old_targets=None if parent_targets is None else list(parent_targets))
    by_key = {target_key(c.old): c for c in result.targets if c.old is not None}
    out = []
    for t in targets:
        change = by_key.get(target_key(t))
        if change is not None and change.change in SHORT:
            out.append((t, change))
    return out


def impact_child(old: Document, new: Document, old_member: Member, new_member: Member,
                 revised: Sequence[TargetChange], child: Document, child_member: Member) -> ChildImpact:
    """The pure per-child step: two parent-mode diffs (against NEW, and against OLD for 'before')."""
    from tracker.api import diff

    wanted = asks(revised)
    short = left_short(new, new_member.ref, [c.new for c in wanted], child, child_member.ref)
    if not short:
        return ChildImpact(child_member, ())
    before_result = diff(old, child, mode="parent", old_ref=old_member.ref, new_ref=child_member.ref)
    before = {target_key(c.old): c.change for c in before_result.targets if c.old is not None}
    old_of = {target_key(c.new): c.old for c in wanted}
    falls = []
    for target, change in short:
        old_target = old_of.get(target_key(target))
        label = before.get(target_key(old_target), "dropped") if old_target is not None else "absent"
        falls.append(Shortfall(target, change.new, change.change, label, tuple(change.reasons), tuple(change.reasons_zh)))
    return ChildImpact(child_member, tuple(falls))


def revision(old: Document, new: Document, old_member: Member, new_member: Member) -> tuple[TargetChange, ...]:
    """What the revision changed in the parent's targets (``tracker diff PARENT@OLD PARENT@NEW``)."""
    from tracker.api import diff

    result = diff(old, new, mode="version", old_ref=old_member.ref, new_ref=new_member.ref)
    return tuple(c for c in result.targets if c.change != "unchanged")


def impact_documents(old: Document, old_member: Member, new: Document, new_member: Member,
                     children: Sequence[tuple[Member, Document]]) -> Impact:
    """The impact over documents already in memory, in this process."""
    revised = revision(old, new, old_member, new_member)
    results = tuple(impact_child(old, new, old_member, new_member, revised, doc, m) for m, doc in children)
    return Impact(new_member.id, old_member, new_member, revised, results)


# ------------------------------------------------------------ worker side

_WORKER: dict = {}


def _init_worker(old_blobs, new_blobs, old_member: Member, new_member: Member, revised) -> None:
    from tracker.store import document_from_bytes

    _WORKER.update(old=document_from_bytes(*old_blobs, old_member.ref), new=document_from_bytes(*new_blobs, new_member.ref),
                   old_member=old_member, new_member=new_member, revised=revised)


def _impact_chunk(items) -> list[ChildImpact]:
    from tracker.store import document_from_bytes

    w = _WORKER
    return [impact_child(w["old"], w["new"], w["old_member"], w["new_member"], w["revised"],
                         document_from_bytes(text, meta, m.ref), m) for m, text, meta in items]


def _init_short(parent: Document, parent_ref: str, parent_targets, wanted) -> None:
    _WORKER.update(parent=parent, parent_ref=parent_ref, parent_targets=parent_targets, wanted=wanted)


def _short_chunk(items):
    from tracker.store import document_from_bytes

    w = _WORKER
    return [(ref, left_short(w["parent"], w["parent_ref"], w["wanted"], document_from_bytes(text, meta, ref), ref,
                             w["parent_targets"])) for ref, text, meta in items]


def children_left_short(parent: Document, parent_ref: str, parent_targets: Sequence[Target], wanted: Sequence[Target],
                        children: Sequence[tuple[str, bytes, bytes | None]], jobs: int | None = None):
    """(child ref, shortfalls) for each child that the ``wanted`` targets of ``parent`` leave short (``tracker check``).

    A few children are checked in this process; many in worker processes.
    """
    found = parallel.run_chunks(_short_chunk, list(children), jobs=1 if len(children) <= 4 else jobs,
                                initializer=_init_short, initargs=(parent, parent_ref, list(parent_targets), list(wanted)),
                                label="children", progress=False)
    return [(ref, short) for ref, short in found if short]


def previous_version(root, doc_id: str, version: str) -> str:
    """The label imported just before ``version`` (the default ``--since``)."""
    from tracker import store
    from tracker.errors import StoreError

    labels = store.versions(root).get(doc_id, [])
    if version not in labels:
        raise StoreError(f"{doc_id}@{version}: not an imported version label (labels: {', '.join(labels) or 'none'}); give --since")
    k = labels.index(version)
    if k == 0:
        raise StoreError(f"{doc_id}@{version} is its first version: nothing to compare it with; give --since ID@OLD")
    return labels[k - 1]


def impact(new_ref: str, *, since: str | None = None, root=None, depth: int = 1, jobs: int | None = None,
           progress: bool | None = None) -> Impact:
    """The impact of the stored revision ``new_ref`` (``ID@NEW``, or ``ID`` for the latest) on the stored children."""
    from tracker import store
    from tracker.corpus.stored import children_of, read_members, resolve_member
    from tracker.errors import StoreError

    top = store.store_root(root)
    new_member = resolve_member(new_ref, top)
    if since is None:
        old_member = resolve_member(f"{new_member.id}@{previous_version(top, new_member.id, new_member.version)}", top)
    else:
        old_member = resolve_member(since, top)
        if old_member.id != new_member.id:
            raise StoreError(f"--since {since}: not a version of {new_member.id}")
    members = children_of(new_member.id, top, depth)
    blobs = read_members([old_member, new_member, *members], top)
    old = store.document_from_bytes(*blobs[0], old_member.ref)
    new = store.document_from_bytes(*blobs[1], new_member.ref)
    revised = revision(old, new, old_member, new_member)
    items = [(m, text, meta) for m, (text, meta) in zip(members, blobs[2:])]
    results = parallel.run_chunks(_impact_chunk, items, jobs=jobs, initializer=_init_worker,
                                  initargs=(blobs[0], blobs[1], old_member, new_member, revised),
                                  label="impact", progress=progress)
    return Impact(new_member.id, old_member, new_member, revised, tuple(results))
