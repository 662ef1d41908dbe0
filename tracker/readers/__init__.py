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
from typing import Protocol

from tracker.errors import InputError
from tracker.model import RawText


class Reader(Protocol):
    """What every reader is: the file's path and bytes in, its raw text (with warnings) out.

    A reader raises InputError for a file it cannot read, saying what is wrong in
    one line; ``read`` adds the file name.
    """

    def __call__(self, path: Path, data: bytes, /) -> RawText: ...


#: extension → a Reader, or a lazy "module:function" reference imported on first use
#: (so ``tracker check`` never pays for python-docx or pdfplumber).
REGISTRY: dict[str, Reader | str] = {}


def register_reader(suffix: str, reader: Reader | str) -> None:
    """Read files ending in ``suffix`` (".odt") with ``reader``: a new format is one module and one line."""
    if not suffix.startswith(".") or suffix != suffix.lower():
        raise ValueError(f"a reader is registered for a lower-case extension with its dot, not {suffix!r}")
    REGISTRY[suffix] = reader


register_reader(".txt", "tracker.readers.text:read_text")
register_reader(".text", "tracker.readers.text:read_text")
register_reader(".md", "tracker.readers.text:read_text")
register_reader(".docx", "tracker.readers.docx:read_docx")
register_reader(".html", "tracker.readers.html:read_html")
register_reader(".htm", "tracker.readers.html:read_html")
register_reader(".pdf", "tracker.readers.pdf:read_pdf")


def resolve(reader: Reader | str) -> Reader:
    """The reader itself, importing its module the first time a lazy reference is used."""
    if not isinstance(reader, str):
        return reader
    import importlib

    module_name, func = reader.split(":")
    return getattr(importlib.import_module(module_name), func)

#: the start of a saved web page (UTF-8 BOM and whitespace allowed); UTF-16 pages go by extension
HTML_START = re.compile(rb"(?:\xef\xbb\xbf)?\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>])", re.I | re.S)

#: largest file tracker reads; larger inputs are refused with this limit named.
MAX_BYTES = 20 * 1024 * 1024

#: signatures of formats that are never a policy text: (magic bytes at offset, offset, what it is)
NOT_DOCUMENTS: tuple[tuple[bytes, int, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", 0, "a PNG image"),
    (b"\xff\xd8\xff", 0, "a JPEG image"),
    (b"GIF87a", 0, "a GIF image"),
    (b"GIF89a", 0, "a GIF image"),
    (b"II*\x00", 0, "a TIFF image"),
    (b"MM\x00*", 0, "a TIFF image"),
    (b"WEBP", 8, "a WebP image"),
    (b"WAVE", 8, "a WAV sound file"),
    (b"AVI ", 8, "an AVI video"),
    (b"ftyp", 4, "an MP4/MOV video or HEIC image"),
    (b"ID3", 0, "an MP3 sound file"),
    (b"OggS", 0, "an Ogg media file"),
    (b"\x1a\x45\xdf\xa3", 0, "a Matroska/WebM video"),
    (b"\x1f\x8b", 0, "a gzip archive"),
    (b"BZh", 0, "a bzip2 archive"),
    (b"\xfd7zXZ\x00", 0, "an xz archive"),
    (b"7z\xbc\xaf\x27\x1c", 0, "a 7-Zip archive"),
    (b"Rar!\x1a\x07", 0, "a RAR archive"),
    (b"\x28\xb5\x2f\xfd", 0, "a zstd archive"),
    (b"\x7fELF", 0, "a program (ELF)"),
    (b"\xca\xfe\xba\xbe", 0, "a Java class or Mach-O program"),
    (b"\xcf\xfa\xed\xfe", 0, "a Mach-O program"),
    (b"SQLite format 3\x00", 0, "an SQLite database"),
    (b"{\\rtf", 0, "an RTF document (save it as .docx)"),
    (b"%!PS", 0, "a PostScript file (convert it to PDF)"),
    (b"\x00asm", 0, "a WebAssembly module"),
)


def not_a_document(data: bytes) -> str | None:
    """What ``data`` is, when its signature says it is no document tracker reads."""
    for magic, offset, what in NOT_DOCUMENTS:
        if data[offset : offset + len(magic)] == magic:
            return what
    if data[:2] == b"MZ" and b"\x00" in data[2:64]:
        return "a Windows program"
    return None


def sniff(data: bytes, suffix: str) -> str:
    """Which registry key reads ``data``: magic bytes win over the extension."""
    what = not_a_document(data)
    if what is not None:
        raise InputError(f"is {what}, not a document tracker reads (txt, docx, html, pdf)")
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
    reader = resolve(target)
    if not data:
        raise InputError("is empty (0 bytes): nothing to read", path=name)
    try:
        raw = reader(p, data)
    except InputError as exc:
        if exc.path is None:
            raise InputError(str(exc), path=name) from None
        raise
    except (RecursionError, MemoryError):
        raise InputError("is too deeply nested or too large to read", path=name) from None
    except Exception as exc:  # a library failure a reader did not foresee: still one line, never a traceback
        detail = (str(exc).splitlines() or [""])[0][:120]
        raise InputError(f"could not be read as {key} ({type(exc).__name__}: {detail})", path=name) from None
    if not VISIBLE.search(raw.text):
        raise InputError("holds no text, only whitespace or invisible characters: nothing to compare", path=name)
    return raw


#: a character a reader can see: not whitespace, not a control or zero-width or other invisible one
VISIBLE = re.compile(r"[^\s\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\u3000\u00ad]")
