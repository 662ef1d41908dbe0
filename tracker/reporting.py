"""Writing reports to disk: one diff as HTML/Markdown/Word, and the reports index.

The ``tracker report`` and ``tracker demo`` commands are thin layers over these.
"""
from __future__ import annotations

import os
import re
from pathlib import Path

from tracker.errors import InputError, StoreError

# a redline is a .docx too: its default name must not overwrite the 对照表
EXTENSIONS = {"html": ".html", "md": ".md", "docx": ".docx", "redline": "-redline.docx"}


def render(fmt: str, result, old_doc, new_doc) -> str | bytes:
    from tracker import render as renderers

    if fmt == "md":
        return renderers.render_markdown(result, old_doc, new_doc)
    if fmt == "docx":
        return renderers.render_docx(result, old_doc, new_doc)
    if fmt == "redline":
        return renderers.render_redline(result, old_doc, new_doc)
    return renderers.render_html(result, old_doc, new_doc)


def slug(ref: str) -> str:
    """A file-name-safe short name for a file path or a stored reference."""
    path = Path(ref)
    base = path.stem if path.suffix else ref
    return re.sub(r"[^\w@.-]+", "-", base).strip("-.") or "doc"


def report_name(old_ref: str, new_ref: str) -> str:
    return f"{slug(old_ref)}__{slug(new_ref)}"


def write_atomic(path: Path, data: bytes) -> None:
    """Write a report through a temporary file in the same folder: never a half-written report."""
    from tracker import files

    try:
        files.write_atomic(path, data)
    except OSError as exc:
        raise InputError(f"cannot write there: {exc.strerror}", path=str(path)) from None


def stored_documents(store) -> list:
    """The store's documents as index rows; none (with a note) when there is no store here."""
    from tracker import store as _store
    from tracker.render.index import IndexDocument, IndexVersion

    try:
        rows = _store.list_documents(store)
    except StoreError:
        return []  # no store here: the index lists reports only
    documents = []
    for row in rows:
        try:
            dates = {label: v.source_date or v.committed for v in _store.log(row["id"], store) for label in v.labels}
        except StoreError:
            dates = {}
        documents.append(IndexDocument(
            id=row["id"], title=row.get("title") or row["id"], level=row.get("level") or "",
            status=row.get("status") or "", issuer=row.get("issuer") or "", parent=row.get("parent"),
            versions=[IndexVersion(rev=label, date=dates.get(label, "")) for label in row.get("versions", [])],
        ))
    return documents


def write_index(path: Path, reports_dir: Path, store) -> None:
    from tracker.render.index import render_index, scan_reports

    reports = scan_reports(reports_dir) if reports_dir.is_dir() else []
    for report_ in reports:  # links relative to where the index is written
        report_.href = Path(os.path.relpath(reports_dir / report_.href, path.parent)).as_posix()
    write_atomic(path, render_index(stored_documents(store), reports).encode("utf-8"))
