"""Characters document text must not carry to a reader, a Word file or a terminal.

Policy texts come from web pages and converters, and a page can carry what no
author typed: terminal escape sequences (an OSC 52 sequence writes the
reader's clipboard, OSC 0 their window title, CSI 8m hides text), stray C0/C1
control characters (which XML, and so a .docx, cannot hold), bidi controls
(U+202E makes ``%55`` display as ``55%``: a reviewer would be shown a figure
that reads differently from the text) and lone surrogates (which cannot be
written as UTF-8 at all).

Two uses, defined once here:

* :func:`strip_unsafe` — cleaning removes them from a document's text and says
  what it removed (docs/decisions/0007-control-and-bidi-characters.md);
* :func:`neutralise` — every terminal rendering and every report (HTML,
  Markdown, Word) turns whatever is left (a document stored before this rule,
  a file name) into visible ``\\x1b`` / ``\\u202e`` notation, so nothing
  reaches a terminal as a command, a browser or Word as a reordering, or a
  .docx as XML it cannot hold.
"""
from __future__ import annotations

import re
import unicodedata

#: bidi formatting characters: embeddings, overrides, isolates and the three marks
BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"

#: a complete terminal control sequence: 7-bit ESC forms and their 8-bit C1 forms.
#: OSC/DCS/SOS/PM/APC run to BEL or ST within the line (unterminated, only their
#: introducer goes: the text after it is kept and shown); CSI runs to its final
#: byte; any other ESC takes one more character.
ESCAPE_SEQUENCE = re.compile(
    r"(?:\x1b[\]PX^_]|[\x9d\x90\x98\x9e\x9f])[^\x07\x1b\x9c\n]*(?:\x07|\x1b\\|\x9c)"
    r"|(?:\x1b\[|\x9b)[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]?"
    r"|\x1b[\x20-\x2f]*[\x30-\x7e]?"
)

#: C0 controls but tab and newline, DEL and the C1 controls
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
BIDI = re.compile(f"[{BIDI_CONTROLS}]")
SURROGATE = re.compile(r"[\ud800-\udfff]")
#: any character of the four kinds: every escape sequence opens with one of CONTROL's
_ANY_UNSAFE = re.compile(f"[\\x00-\\x08\\x0b-\\x1f\\x7f-\\x9f{BIDI_CONTROLS}\\ud800-\\udfff]")

#: what a terminal must never receive raw (tab and newline are layout, kept); this
#: covers all XML 1.0 cannot hold as well, so a .docx takes the same treatment
_TERMINAL_UNSAFE = re.compile(rf"[\x00-\x08\x0b-\x1f\x7f-\x9f{BIDI_CONTROLS}\u2028\u2029\ud800-\udfff\ufffe\uffff]")

#: every warning :func:`strip_unsafe` writes starts with one of these (the CLI repeats them on stderr)
WARNING_HEADS = ("removed terminal control sequence", "removed control character", "removed bidi control",
                 "removed unpaired surrogate")


def char_name(ch: str) -> str:
    """U+202E RIGHT-TO-LEFT OVERRIDE: how a warning names an invisible character."""
    return f"U+{ord(ch):04X} {unicodedata.name(ch, 'control character')}".rstrip()


def strip_unsafe(text: str) -> tuple[str, list[str]]:
    """``text`` without escape sequences, control characters, bidi controls and lone surrogates.

    Returns the text and one warning per kind found, each naming what was removed
    and, for bidi controls, where (a reviewer should look at that figure twice).
    """
    warnings: list[str] = []
    if not _ANY_UNSAFE.search(text):
        return text, warnings  # one scan for the clean text nearly every document is, not four
    sequences = ESCAPE_SEQUENCE.findall(text)
    if sequences:
        text = ESCAPE_SEQUENCE.sub("", text)
        warnings.append(f"removed terminal control sequence ×{len(sequences)} ({sequences[0]!r})")
    controls = CONTROL.findall(text)
    if controls:
        text = CONTROL.sub("", text)
        warnings.append(f"removed control character ×{len(controls)} ({char_name(controls[0])})")
    bidi = list(BIDI.finditer(text))
    if bidi:
        first = bidi[0].start()
        context = BIDI.sub("", text[max(0, first - 12) : first + 13]).replace("\n", " ")
        kinds = sorted({char_name(m.group()) for m in bidi})
        warnings.append(
            f"removed bidi control ×{len(bidi)} ({', '.join(kinds)}), which makes text display in another "
            f"order than it reads: check the text near '{context}'"
        )
        text = BIDI.sub("", text)
    surrogates = SURROGATE.findall(text)
    if surrogates:
        text = SURROGATE.sub("", text)
        warnings.append(f"removed unpaired surrogate ×{len(surrogates)} (half of a UTF-16 pair, not a character)")
    return text, warnings


def is_safety_warning(warning: str) -> bool:
    return warning.startswith(WARNING_HEADS)


def _visible(match: re.Match) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def neutralise(text: str) -> str:
    r"""Text safe to print on a terminal: every control, bidi or surrogate character as ``\x1b`` / ``\u202e``.

    The escape character itself is shown, so an escape sequence prints as
    inert characters (``\x1b]52;c;…``) and never acts.
    """
    return _TERMINAL_UNSAFE.sub(_visible, text)


def count_unsafe(text: str) -> int:
    """How many characters :func:`neutralise` would rewrite."""
    return len(_TERMINAL_UNSAFE.findall(text))


#: in JSON text: what json.dumps(ensure_ascii=False) leaves raw but a terminal must not receive raw
_UNSAFE_IN_JSON = re.compile(rf"[\x7f-\x9f{BIDI_CONTROLS}\u2028\u2029\ud800-\udfff\ufffe\uffff]")


def escape_json(json_text: str) -> str:
    """JSON text with those characters as ``\\uXXXX`` escapes: the same JSON value, safe to print.

    They can only occur inside JSON strings (its syntax is ASCII), and json
    escapes C0 controls itself.
    """
    return _UNSAFE_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", json_text)
