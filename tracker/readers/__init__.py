"""Readers: one per file format, behind one registry.

``read(path)`` picks the reader from the file's content first (a .txt that is
really a .docx zip is read as .docx) and its extension second, and returns a
:class:`~tracker.model.RawText`. Every reader reports what it skipped as a
warning instead of dropping it in silence.
"""
from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Callable

from tracker.errors import InputError
from tracker.model import RawText

Reader = Callable[[Path, bytes], RawText]

#: extension -> "module:function"; modules are imported only when needed.
REGISTRY: dict[str, str] = {
    ".txt": "tracker.readers.text:read_text",
    ".text": "tracker.readers.text:read_text",
    ".md": "tracker.readers.text:read_text",
    ".docx": "tracker.readers.docx:read_docx",
    ".html": "tracker.readers.html:read_html",
    ".htm": "tracker.readers.html:read_html",
    ".pdf": "tracker.readers.pdf:read_pdf",
}

#: the start of a saved web page (UTF-8 BOM and whitespace allowed); UTF-16 pages go by extension
HTML_START = re.compile(rb"(?:\xef\xbb\xbf)?\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>])", re.I | re.S)

#: largest file tracker reads; larger inputs are refused with this limit named.
MAX_BYTES = 20 * 1024 * 1024


def sniff(data: bytes, suffix: str) -> str:
    """Which registry key reads ``data``: magic bytes win over the extension."""
    if data.startswith(b"%PDF-"):
        return ".pdf"
    if data.startswith(b"PK\x03\x04") and suffix != ".docx":
        return ".docx"
    if suffix not in (".html", ".htm") and HTML_START.match(data[:512]):
        return ".html"  # a web page saved under another name
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        # OLE2: a legacy .doc, or a password-protected (encrypted) .docx
        raise InputError(
            "is an OLE2 file (a legacy .doc or a password-protected .docx); "
            "remove the password or save it as .docx and try again"
        )
    return suffix


def read(path: str | os.PathLike) -> RawText:
    """Read any supported file into raw text, or raise a one-line InputError."""
    p = Path(path)
    name = str(path)
    if not p.exists():
        raise InputError("no such file", path=name)
    if p.is_dir():
        raise InputError("is a directory, not a document file", path=name)
    size = p.stat().st_size
    if size > MAX_BYTES:
        raise InputError(
            f"is {size / 1048576:.1f} MB; tracker reads documents up to {MAX_BYTES // 1048576} MB", path=name
        )
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot be read ({exc.strerror})", path=name) from None
    suffix = p.suffix.lower()
    try:
        key = sniff(data, suffix)
    except InputError as exc:
        raise InputError(str(exc), path=name) from None
    target = REGISTRY.get(key)
    if target is None:
        known = ", ".join(sorted(REGISTRY))
        raise InputError(f"unknown file type {suffix or '(no extension)'!r}; tracker reads {known}", path=name)
    module_name, func = target.split(":")
    import importlib

    reader: Reader = getattr(importlib.import_module(module_name), func)
    try:
        return reader(p, data)
    except InputError as exc:
        if exc.path is None:
            raise InputError(str(exc), path=name) from None
        raise
    except (RecursionError, MemoryError):
        raise InputError("is too deeply nested or too large to read", path=name) from None
    except Exception as exc:  # a library failure a reader did not foresee: still one line, never a traceback
        detail = (str(exc).splitlines() or [""])[0][:120]
        raise InputError(f"could not be read as {key} ({type(exc).__name__}: {detail})", path=name) from None
