"""A parent's stored children as audit members, and their texts in bulk (over store.queries)."""
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
    return [member_from_meta(row["id"], row) for row in store.descendants_of(parent_id, root, depth) if row.get("version")]


def read_members(members: list[Member], root: Path) -> list[tuple[bytes, bytes | None]]:
    """(canonical text, meta.json) of each member's version, in one git process (store.read_versions)."""
    return store.read_versions(root, [(m.id, m.version) for m in members])
