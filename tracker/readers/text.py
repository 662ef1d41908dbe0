"""Plain-text reader: detects the encoding from the bytes, never the extension."""
from __future__ import annotations

import codecs
from pathlib import Path

from tracker.errors import InputError
from tracker.model import RawText

BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode(data: bytes) -> tuple[str, str]:
    """Decode bytes of unknown encoding: BOM, then strict UTF-8, then GB18030, then detection.

    UTF-8 and GB18030 are tried strictly before charset-normalizer because
    short Chinese texts are often mis-detected as Big5 or a Cyrillic code page.
    """
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return data.decode(encoding), encoding
    if _looks_like_utf16(data):
        encoding = "utf-16-le" if data[1:2] == b"\x00" else "utf-16-be"
        return data.decode(encoding, errors="replace"), encoding
    for encoding in ("utf-8", "gb18030"):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise InputError("is not text in any encoding tracker recognises (binary data?)")
    return str(best), best.encoding


def _looks_like_utf16(data: bytes) -> bool:
    """UTF-16 without a BOM: every other byte of ASCII-heavy text is NUL."""
    sample = data[:2000]
    if len(sample) < 4:
        return False
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    return max(even, odd) > len(sample) / 4 and min(even, odd) < len(sample) / 50


def is_binary(text: str) -> bool:
    """Control characters other than tab/newline/CR/NUL in quantity mean binary data."""
    if not text:
        return False
    sample = text[:20000]
    bad = sum(1 for ch in sample if (ord(ch) < 32 and ch not in "\t\n\r\x0c\x00") or ch == "\ufffd")
    return bad > max(8, len(sample) // 100)


def read_text(path: Path, data: bytes) -> RawText:
    text, encoding = decode(data)
    if is_binary(text):
        raise InputError("looks like binary data, not a text document")
    warnings = []
    if "\x00" in text:
        warnings.append(f"removed {text.count(chr(0))} NUL characters")
        text = text.replace("\x00", "")
    return RawText(text=text, source=str(path), format="txt", encoding=encoding, warnings=warnings)
