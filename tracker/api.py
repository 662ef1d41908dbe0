"""The library API: each function is one step of the pipeline, end to end."""
from __future__ import annotations

import os
from pathlib import Path

from tracker.model import DiffResult, Document, Target


def read_document(path: str | os.PathLike) -> Document:
    """Read a file of any supported format into a clean clause tree with metadata."""
    from tracker.clean import clean
    from tracker.readers import read
    from tracker.segment import segment

    raw = read(path)
    cleaned = clean(raw)
    return segment(cleaned)


def extract_targets(document: Document) -> list[Target]:
    """Every numeric and dated target of a document, in document order."""
    from tracker.extract import extract_targets as _extract

    return _extract(document)


def diff(old: Document, new: Document, mode: str = "version", *, old_ref: str = "", new_ref: str = "") -> DiffResult:
    """Align two documents clause by clause and judge every target change.

    ``mode="version"`` compares a draft with its final text; ``mode="parent"``
    holds an implementing plan (``new``) against its parent (``old``).
    """
    from tracker.compare import diff_documents

    return diff_documents(old, new, mode=mode, old_ref=old_ref, new_ref=new_ref)


def load_document(ref: str, store: str | os.PathLike | None = None) -> Document:
    """A file path, or a stored reference ``ID[@VERSION]`` in the document store."""
    from tracker.errors import InputError

    if Path(ref).exists():
        return read_document(ref)
    if "@" in ref or not Path(ref).suffix:
        from tracker import store as _store

        return _store.load_ref(ref, root=store)
    raise InputError("no such file", path=ref)
