"""Finding a parent's stored children and reading their texts in bulk.

One ``git cat-file --batch`` reads every child's text and metadata: an audit of
1,000 children must not start 1,000 git processes.
"""
from __future__ import annotations

from pathlib import Path

from tracker import store
from tracker.corpus.model import Member
from tracker.errors import StoreError


def member_from_meta(doc_id: str, meta: dict, version: str | None = None) -> Member:
    version = version or meta.get("version")
    if not version:
        raise StoreError(f"{doc_id}: its metadata names no version; re-import it")
    return Member(ref=f"{doc_id}@{version}", id=doc_id, version=version, title=meta.get("title"),
                  level=meta.get("level"), region=meta.get("region"), parent=meta.get("parent"))


def resolve_member(ref: str, root: Path) -> Member:
    """``ID`` (its latest imported version) or ``ID@VERSION`` as a stored member."""
    doc_id, version = store.parse_ref(ref)
    meta = store.read_meta(root, doc_id)
    if version is not None:
        store.resolve_version(root, doc_id, version)  # a clear error for a version that does not exist
    return member_from_meta(doc_id, meta, version)


def children_of(parent_id: str, root: Path, depth: int = 1) -> list[Member]:
    """Stored documents whose ``parent`` is ``parent_id`` (``depth`` generations down), by generation then id."""
    if depth < 1:
        raise StoreError(f"--depth {depth}: give 1 (children) or more (grandchildren …)")
    by_parent: dict[str, list[Member]] = {}
    for row in store.list_documents(root):
        if row.get("parent") and row.get("version"):
            by_parent.setdefault(row["parent"], []).append(member_from_meta(row["id"], row))
    found, frontier, seen = [], [parent_id], {parent_id}
    for _ in range(depth):
        generation = sorted((m for p in frontier for m in by_parent.get(p, []) if m.id not in seen), key=lambda m: m.id)
        seen.update(m.id for m in generation)
        found += generation
        frontier = [m.id for m in generation]
    return found


def read_members(members: list[Member], root: Path) -> list[tuple[bytes, bytes | None]]:
    """(canonical text, meta.json) of each member's version, in one git process.

    Read from the version's tag; a store cloned without tags falls back to
    resolving each label on its own.
    """
    specs = []
    for m in members:
        paths = store.document_paths(m.id)
        specs += [f"refs/tags/{store.tag_name(m.id, m.version)}:{paths[store.TEXT]}",
                  f"refs/tags/{store.tag_name(m.id, m.version)}:{paths[store.META]}"]
    blobs = store.read_blobs(root, specs)
    out = []
    for k, m in enumerate(members):
        text, meta = blobs[2 * k], blobs[2 * k + 1]
        if text is None:
            commit = store.resolve_version(root, m.id, m.version)
            paths = store.document_paths(m.id)
            text, meta = store.read_blobs(root, [f"{commit}:{paths[store.TEXT]}", f"{commit}:{paths[store.META]}"])
            if text is None:
                raise StoreError(f"{m.ref}: the document does not exist at that revision ({commit[:12]})")
        out.append((text, meta))
    return out
