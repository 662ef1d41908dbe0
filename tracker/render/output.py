"""One diff as a report file: rendered in the chosen format, named, and written whole or not at all.

Below the corpus pages and the index (tracker.reporting), so both a single
report and an audit's child reports are written the same way.
"""
from __future__ import annotations

import re
from pathlib import Path

from tracker.errors import InputError

# a redline is a .docx too: its default name must not overwrite the 对照表
EXTENSIONS = {"html": ".html", "md": ".md", "docx": ".docx", "redline": "-redline.docx"}

#: formats that only make sense for two versions of one text (decision 0512)
VERSION_ONLY_FORMATS = {"redline": "a redline marks one text revised into the next, and a plan is not a revision "
                                   "of its parent: use --format docx (对照表) or html for --parent"}


def check_format(fmt: str, mode: str) -> None:
    """Refuse a format that would mislead for this mode, before any work is done."""
    if mode == "parent" and fmt in VERSION_ONLY_FORMATS:
        raise InputError(VERSION_ONLY_FORMATS[fmt])


def render(fmt: str, result, old_doc, new_doc, history_href: str | None = None,
           redline_href: str | None = None) -> str | bytes:
    """One report's content; an HTML report links its document's history page and its Word redline when given."""
    from tracker import render as renderers

    check_format(fmt, result.mode)
    if fmt == "md":
        return renderers.render_markdown(result, old_doc, new_doc)
    if fmt == "docx":
        return renderers.render_docx(result, old_doc, new_doc)
    if fmt == "redline":
        return renderers.render_redline(result, old_doc, new_doc)
    return renderers.render_html(result, old_doc, new_doc, history_href=history_href, redline_href=redline_href)


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
