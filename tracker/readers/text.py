"""Plain-text reader: detects the encoding from the bytes, never the extension.

Also home of the small text helpers every reader shares (line-ending
normalisation, CJK-aware joining), so the light ``.txt`` path stays the only
import the others need.
"""
from __future__ import annotations

import codecs
import re
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

#: Han ideographs, CJK punctuation and full-width forms: between two of these a
#: line break or cell break is joined without a space (Chinese has no spaces).
CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef\U00020000-\U0002fa1f]")


#: an ASCII space between two CJK characters: a layout artefact (letter-spaced
#: justified PDF lines, source line breaks in HTML), never written by an author,
#: who would use the ideographic space U+3000
SPACE_BETWEEN_CJK = re.compile(rf"(?<={CJK.pattern}) +(?={CJK.pattern})")


def close_cjk_spaces(line: str) -> str:
    """Remove layout spaces between CJK characters (U+3000 ideographic spaces are kept)."""
    return SPACE_BETWEEN_CJK.sub("", line)


def decode(data: bytes) -> tuple[str, str]:
    """Decode bytes of unknown encoding: BOM, then strict UTF-8, then GB18030, then detection.

    UTF-8 and GB18030 are tried strictly before charset-normalizer because
    short Chinese texts are often mis-detected as Big5 or a Cyrillic code page.
    """
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError:
                # a truncated UTF-16/32 file: keep what decodes, mark the rest
                return data.decode(encoding, errors="replace"), encoding
    if _looks_like_utf16(data):
        encoding = "utf-16-le" if data[1:2] == b"\x00" else "utf-16-be"
        return data.decode(encoding, errors="replace"), encoding
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        text = None
    if text is not None and _reads_as_chinese(text):
        return text, "gb18030"
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.chaos > MAX_CHAOS:
        guess = f" (best guess {best.encoding}, {best.chaos:.0%} of it garbled)" if best is not None else ""
        raise InputError(f"is not text in any encoding tracker can be sure of{guess}: binary data?")
    return str(best), best.encoding


#: how much mess (charset-normalizer's chaos: odd symbols, mixed scripts) a detected decoding may show
MAX_CHAOS = 0.2
#: GB18030 decodes almost any bytes; a real GBK text writes nearly all its Chinese in the GB2312 set
MIN_GB2312_SHARE = 0.7
#: below this many non-ASCII characters the share says nothing; the text is taken as GB18030
MIN_CHARS_TO_JUDGE = 20


def _reads_as_chinese(text: str) -> bool:
    """Whether a GB18030 decoding is a Chinese text rather than other bytes (Big5, Shift-JIS, an image).

    GB18030 maps nearly every byte sequence to some character; what it makes of
    bytes that are not GBK falls mostly outside GB2312, the 7,445 characters
    real texts use.
    """
    sample = [ch for ch in text[:20000] if ord(ch) > 0x7F]
    if len(sample) < MIN_CHARS_TO_JUDGE:
        return True
    common = 0
    for ch in sample:
        try:
            ch.encode("gb2312")
            common += 1
        except UnicodeEncodeError:
            pass
    return common >= MIN_GB2312_SHARE * len(sample)


def _looks_like_utf16(data: bytes) -> bool:
    """UTF-16 without a BOM: every other byte of ASCII-heavy text is NUL."""
    sample = data[:2000]
    if len(sample) < 4:
        return False
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    return max(even, odd) > len(sample) / 4 and min(even, odd) < len(sample) / 50


def is_binary(text: str) -> bool:
    """Control characters other than tab/newline/CR/form feed in quantity mean binary data.

    A few stray ones (a NUL, a \\x01 from a converter) are removed by cleaning
    with a warning; more than 1% of the text, or more than a tenth of a short
    one, is not a document. NUL padding at the end (a crashed editor) does not count.
    """
    sample = text[:20000].rstrip("\x00")
    if not sample:
        return False
    bad = sum(1 for ch in sample if (ord(ch) < 32 and ch not in "\t\n\r\x0c") or 0x7F <= ord(ch) <= 0x9F or ch == "\ufffd")
    return bad > max(8, len(sample) // 100) or (bad > 2 and bad * 10 > len(sample))


def normalize_newlines(text: str) -> str:
    r"""Turn \r\n and lone \r (old Mac, some converters) into \n, so every stage splits lines alike."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def join_cjk(left: str, right: str) -> str:
    """Join two fragments of one sentence: no space between CJK characters, one space otherwise.

    A line or cell break inside Chinese text is a layout artefact, not a word
    break; between Latin words or numbers a space keeps them apart.
    """
    left, right = left.rstrip(), right.lstrip()
    if not left or not right:
        return left + right
    if CJK.match(left[-1]) or CJK.match(right[0]):
        return left + right
    return f"{left} {right}"


def read_text(path: Path, data: bytes) -> RawText:
    """Read a plain-text file; NUL bytes are removed with a warning, binary data refused."""
    text, encoding = decode(data)
    if is_binary(text):
        raise InputError("looks like binary data, not a text document")
    warnings = []
    if "\x00" in text:
        warnings.append(f"removed {text.count(chr(0))} NUL characters")
        text = text.replace("\x00", "")
    if "\r" in text:
        text = normalize_newlines(text)
    return RawText(text=text, source=str(path), format="txt", encoding=encoding, warnings=warnings)
