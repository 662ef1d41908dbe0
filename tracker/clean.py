"""Cleaning: turn what a reader got into the canonical text of the document.

Each step is a small function with one reason to exist; ``clean`` runs them in
order and records what it removed and what looked suspicious. The canonical
form (see docs/decisions/0001-canonical-text.md):

* one line per paragraph or table row, ``\\n`` line ends, no NUL/BOM/zero-width;
* full-width Chinese punctuation (，。；：（）！？) wherever it touches Chinese
  text, ASCII digits, letters and ``%`` (GB/T 15834 usage);
* spaces that a PDF or preview scrape left inside words removed;
* web-page junk before the document and after it cut, with a warning.
"""
from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass, field

from tracker.characters import strip_unsafe
from tracker.cues import (
    SENTENCE_ENDS,
    CONVERSION_RESIDUE,
    DOC_TYPES,
    ORGAN_WORDS,
    PLACE_OR_LEVEL_ENDINGS,
    STATUS_MARKERS,
    TITLE_OPENINGS,
    TRUNCATION_CUES,
    WEB_JUNK_LINE_STARTS,
    WEB_JUNK_RE,
)
from tracker.model import CleanText, RawText

CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
CJK_PUNCT = "，。、；：！？（）《》〈〉“”‘’【】〔〕…—～·"
_JUNK_START = "|".join(f"(?:{p})" for p in WEB_JUNK_LINE_STARTS)
CONTINUING_PUNCT = "、，。；：！？）》〉”’"
WRAPPING_END = "，、"
_HALF_TO_FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}
_LABEL_AHEAD = r"(?:[（(][一二三四五六七八九十]{1,3}[）)]|[一二三四五六七八九十]{1,3}[、．]|\d{1,3}[.．、](?!\d)|[（(]\d{1,3}[）)]|[①-⑳]|第[一二三四五六七八九十百零〇两\d]{1,6}[章节条])"


@dataclass
class _Cleaning:
    """The text while the steps rewrite it, with what they found; frozen into a CleanText at the end."""

    text: str
    source: str
    warnings: list[str] = field(default_factory=list)
    removed: list[tuple[str, str]] = field(default_factory=list)
    original: str = ""


def clean(raw: RawText) -> CleanText:
    """Run every cleaning step in order and collect what they found."""
    out = _Cleaning(text=raw.text, source=raw.source, warnings=list(raw.warnings), original=raw.text)
    for step in (
        normalise_characters,
        remove_unsafe_characters,
        remove_conversion_residue,
        recover_tab_tables,
        strip_web_junk,
        fix_scrape_spacing,
        strip_web_junk,  # again: a one-line scrape has lines (and its page furniture) only now
        unify_punctuation,
        tidy_lines,
        report_truncation,
        report_injected_text,
    ):
        step(out)
    return CleanText(text=out.text, source=out.source, warnings=out.warnings, removed=out.removed, original=out.original)


# ------------------------------------------------------------------ steps


def normalise_characters(doc: _Cleaning) -> None:
    """Line ends to ``\\n``; full-width ASCII (７５％) to half-width; odd spaces to plain spaces."""
    text = doc.text.replace("\r\n", "\n").replace("\r", "\n")
    if "\x00" in text:
        text = text.replace("\x00", "")
    text = text.replace("\xa0", " ").replace("\u3000", " ").replace("\x0c", "\n")
    doc.text = _fullwidth_ascii_to_half(text)


def remove_unsafe_characters(doc: CleanText) -> None:
    """Escape sequences, control and bidi characters out, each kind named in a warning.

    No author types them; left in, they act on a terminal, break a .docx, or
    show a reviewer a figure in another order than the text reads (tracker.characters).
    """
    doc.text, warnings = strip_unsafe(doc.text)
    doc.warnings.extend(warnings)


def _fullwidth_ascii_to_half(text: str) -> str:
    """Full-width digits, letters and ％ become ASCII; Chinese punctuation is left alone."""

    def fold(m: re.Match) -> str:
        return unicodedata.normalize("NFKC", m.group(0))

    return re.sub(r"[０-９Ａ-Ｚａ-ｚ％．]+", fold, text)


def remove_conversion_residue(doc: _Cleaning) -> None:
    """Drop markers that converters leave (``[bookmark: _GoBack]``), recording each kind."""
    for pattern, what in CONVERSION_RESIDUE:
        found = re.findall(pattern, doc.text)
        if found:
            doc.text = re.sub(pattern, "", doc.text)
            for item in found:
                doc.removed.append((what, item))
            if what != "zero-width character":
                doc.warnings.append(f"removed {len(found)} × {what} ({found[0]!r})")


def recover_tab_tables(doc: _Cleaning) -> None:
    """Rebuild tables that a .docx → .txt conversion flattened into one tab-indented cell per line.

    The rows become ``| cell | cell |`` lines, the form every reader emits, so
    the segmenter sees one table format whatever the source.
    """
    lines = doc.text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        if lines[i].startswith("\t"):
            j = i
            while j < len(lines) and (lines[j].startswith("\t") or lines[j].strip() == "" or _is_cell_continuation(lines, j)):
                j += 1
            rows = _tab_block_to_rows(lines[i:j])
            if rows:
                out.extend(rows)
                i = j
                continue
        out.append(lines[i])
        i += 1
    doc.text = "\n".join(out)


def _is_cell_continuation(lines: list[str], j: int) -> bool:
    """A non-tab line inside a tab table continues the cell above when a tab line follows soon."""
    if j == 0 or not lines[j].strip():
        return False
    for k in range(j + 1, min(j + 8, len(lines))):
        if lines[k].startswith("\t"):
            return True
    return False


def _tab_block_to_rows(block: list[str]) -> list[str]:
    """Group the cells of a tab block into rows, using the running row-number column."""
    cells: list[str] = []
    blank_before: list[bool] = []
    saw_blank = False
    for line in block:
        if not line.strip():
            if line.startswith("\t"):  # an empty cell (a vertically merged one)
                cells.append("")
                blank_before.append(saw_blank)
                saw_blank = False
            else:
                saw_blank = True
            continue
        if line.startswith("\t"):
            cells.append(line.strip())
            blank_before.append(saw_blank)
            saw_blank = False
        elif cells:
            cells[-1] = _join_cell_lines(cells[-1], line.strip())
    if len(cells) < 2:
        return []
    rows = _rows_by_number_column(cells, blank_before) or _rows_by_blank_lines(cells, blank_before)
    return [_row_line(row) for row in rows]


def _row_line(row: list[str]) -> str:
    """``| cell | cell |``; a row whose cells hold no gap of spaces and no pipe (nearly every row)
    is joined as it is, which is what ``_cell`` would make of each cell, without a call per cell."""
    cells = [c.strip() for c in row]
    inner = " | ".join(cells)
    if inner.count("|") != len(cells) - 1 or _CELL_GAP.search(inner):
        return "| " + " | ".join(_cell(c) for c in row) + " |"
    return "| " + inner + " |"


def _rows_by_number_column(cells: list[str], blank_before: list[bool]) -> list[list[str]] | None:
    """Rows cut so that the cells 1, 2, 3 … of the number column fall in the same column."""
    numbered = [k for k, c in enumerate(cells) if c.isascii() and c.isdigit()]
    seq = []
    expected = 1
    for k in numbered:
        if int(cells[k]) == expected:
            seq.append(k)
            expected += 1
    if len(seq) < 2:
        return None
    width = seq[1] - seq[0]
    if width < 2 or any(b - a != width for a, b in zip(seq, seq[1:])):
        return None
    first_body = next((k for k in range(1, len(cells)) if blank_before[k]), None)
    offset = seq[0] - first_body if first_body is not None and first_body <= seq[0] else 0
    if offset < 0 or offset >= width:
        return None
    start = seq[0] - offset
    rows = [cells[:start]] if start > 0 else []
    for k in range(start, len(cells), width):
        rows.append(cells[k : k + width])
    return [r for r in rows if any(r)]


def _rows_by_blank_lines(cells: list[str], blank_before: list[bool]) -> list[list[str]]:
    rows: list[list[str]] = []
    for cell, blank in zip(cells, blank_before):
        if blank or not rows:
            rows.append([])
        rows[-1].append(cell)
    return rows


_UNIT_END = re.compile(r"(局|委|院|会|队|联|所|办|部|厅|行|站|中心|大队|法院)$")
_UNIT_START = re.compile(r"^(县|市|省|区|乡|镇|自治区)")


def _join_cell_lines(before: str, after: str) -> str:
    """Join a word broken across table-cell lines ("基本医" + "疗保险"); keep two unit names apart."""
    if _UNIT_END.search(before) and _UNIT_START.search(after):
        return f"{before}、{after}"
    return before + after


_CELL_GAP = re.compile(r"\s{2,}")


def _cell(text: str) -> str:
    cell = text.strip()
    if _CELL_GAP.search(cell):  # a gap is rare: no substitution (and no function made for it) per cell
        # the unit-name test reads the cell as it came, unstripped, as it always has
        cell = _CELL_GAP.sub(lambda m: "、" if _UNIT_END.search(text[: m.start()]) else " ", cell)
    return cell.replace("|", "｜")


def strip_web_junk(doc: _Cleaning) -> None:
    """Cut web-page furniture before the document's first sentence and after its last one."""
    lines = doc.text.split("\n")
    first = next((k for k, line in enumerate(lines) if _is_body_line(line)), None)
    if first is None:
        return
    head_cut = [k for k in range(first) if _is_junk(lines[k])]
    last = next(k for k in range(len(lines) - 1, first - 1, -1) if _is_body_line(lines[k]))  # read from the end
    tail_start = next((k for k in range(last + 1, len(lines)) if _is_junk(lines[k])), None)
    tail_cut = list(range(tail_start, len(lines))) if tail_start is not None else []
    cut = set(head_cut) | set(tail_cut)
    # junk lines inside the header block (after the title, before the first sentence)
    removed = [lines[k] for k in sorted(cut) if lines[k].strip()]
    if removed:
        for line in removed:
            doc.removed.append(("web page text", line))
        where = []
        if any(lines[k].strip() for k in head_cut):
            where.append(f"{sum(1 for k in head_cut if lines[k].strip())} before the document")
        if any(lines[k].strip() for k in tail_cut):
            where.append(f"{sum(1 for k in tail_cut if lines[k].strip())} after it")
        doc.warnings.append(
            f"removed {len(removed)} lines of web page text ({', '.join(where)}), e.g. {removed[0].strip()[:40]!r}"
        )
    if cut:
        doc.text = "\n".join(line for k, line in enumerate(lines) if k not in cut)


def _is_body_line(line: str) -> bool:
    """A line that is policy text: it holds a sentence end, or is long prose."""
    s = line.strip()
    if not s or _is_junk(s):
        return False
    return any(p in s for p in "。；;") or len(s) > 80 or re.match(_LABEL_AHEAD, s) is not None


def _is_junk(line: str) -> bool:
    """A line of web furniture; long prose with a full stop never is, whatever it mentions."""
    s = line.strip()
    if not s or (len(s) > 80 and "。" in s):
        return False
    return bool(WEB_JUNK_RE.fullmatch(s))


def fix_scrape_spacing(doc: _Cleaning) -> None:
    """Remove the spaces a PDF or preview scrape put inside words.

    Spaces between a digit and a Chinese character ("到 2027 年") or next to
    Chinese punctuation never separate anything and always go. Spaces between
    two Chinese characters go only when the document is a scrape (many such
    spaces, long lines); in a normal document they are deliberate
    ("中共中央办公厅 国务院办公厅") and are kept. In a scrape, a space before a
    clause label or after a sentence end was a line break and becomes one.
    """
    text = doc.text
    if " \n" in text or "\t\n" in text:  # two substring searches, where the pattern is tried at every space
        text = _TRAILING_SPACE.sub("\n", text)
    if _is_scrape(text):
        text = "\n".join(line if line.startswith("|") else _unscrape_line(line) for line in text.split("\n"))
        doc.warnings.append("text looked like a PDF/preview scrape: spaces inside words were removed")
    # indentation touches no digit and no mark (tidy_lines strips it anyway): gone first, it
    # leaves the space rules only the few spaces inside lines to look at
    text = _INDENT.sub("\n", text).lstrip(" \t")
    doc.text = _INNER_SPACE_RUN.sub(_layout_space, text)


#: The space rules below find the runs of spaces or tabs first and then look at the two
#: characters around each: a pattern that opens with a look-behind is tried at every
#: character of the text, and cleaning must read several MB a second (issue 17).
#: A run that folding to one space changes: one with a tab or of two or more (a table's
#: " | " has a quarter of a million single spaces that would each be replaced by itself).
_SPACE_FOLD = re.compile(r"(?: [ \t]|\t)[ \t]*")
_INDENT = re.compile(r"\n[ \t]+")
_TRAILING_SPACE = re.compile(r"[ \t]+\n")
#: a run the space rules may remove: one right before a table pipe never is, and one right
#: after a pipe neither (no rule removes it: the pipe is no digit, CJK character or mark), so
#: it is not matched at all — a table of 10,000 rows has 100,000 of them, each a call to a rule.
#: Written as "(?<![ \t|])[ \t]+" with the look-behind after the first space, so the scan
#: still jumps from space to space instead of trying the look-behind at every character.
_INNER_SPACE_RUN = re.compile(r"[ \t](?<![ \t|][ \t])[ \t]*(?![ \t|])")
_CJK_CHAR = re.compile(rf"[{CJK}]")
_PUNCT_SET = frozenset(CJK_PUNCT)


def _neighbours(m: re.Match) -> tuple[str, str]:
    """The character before a match and the one after it ('' at either end of the text)."""
    s, start, end = m.string, m.start(), m.end()
    return (s[start - 1] if start else ""), (s[end] if end < len(s) else "")


def _is_cjk(ch: str) -> bool:
    return bool(ch) and _CJK_CHAR.match(ch) is not None


def _layout_space(m: re.Match) -> str:
    """A space that separates nothing: between a digit and a Chinese character or %
    (到 2027 年), or next to Chinese punctuation (table pipes excepted)."""
    s, start, end = m.string, m.start(), m.end()
    before = s[start - 1] if start else ""
    after = s[end] if end < len(s) else ""
    if (before.isdecimal() and (after == "%" or _is_cjk(after))) or (after.isdecimal() and _is_cjk(before)):
        return ""
    return _punctuation_space(m)


def _punctuation_space(m: re.Match) -> str:
    before, after = _neighbours(m)
    if after in _PUNCT_SET and before != "|" and not before.isspace():
        return ""
    if before in _PUNCT_SET and after and not after.isspace() and after != "|":
        return ""
    return m.group(0)


def _drop_spaces_at_punctuation(text: str) -> str:
    """Spaces next to Chinese punctuation never separate anything (table pipes excepted)."""
    return _INNER_SPACE_RUN.sub(_punctuation_space, text)


def _unscrape_line(line: str) -> str:
    """In a scrape line, spaces at sentence ends and before labels were line breaks; the rest go."""
    line = re.sub(rf"(?<=[{SENTENCE_ENDS}])[ \t]+", "\n", line)
    line = re.sub(rf"[ \t]+(?={_JUNK_START})", "\n", line)
    line = re.sub(rf"(?m)^(?=(?:{_JUNK_START}))(【[^】\n]*】)[ \t]*", "\\1\n", line)  # 【字体：大 中 小】 ends at 】
    line = _TITLE_STATUS_END.sub("\\1\n", line)
    line = re.sub(rf"[ \t]+(?={_LABEL_AHEAD})(?=[^\n]{{4}})", "\n", line)
    return re.sub(rf"(?<=[{CJK}{CJK_PUNCT}\d,.;:()%])[ \t]+(?=[{CJK}{CJK_PUNCT}\d,.;:()%])", _scrape_space, line)


#: In a scrape, a space after a title's status bracket (…工作方案（征求意见稿） 为持续改善…) was a line break.
_TITLE_STATUS_END = re.compile(rf"((?:{DOC_TYPES})[（(](?:{'|'.join(STATUS_MARKERS)})[）)])[ \t]+")


def _scrape_space(m: re.Match) -> str:
    """Inside a scrape a space between two ASCII digits/letters still separates numbers."""
    s = m.string
    before, after = s[m.start() - 1], s[m.end()] if m.end() < len(s) else ""
    if before.isdigit() and after.isdigit():
        return " "
    return ""


def _is_scrape(text: str) -> bool:
    """Many spaces between Chinese characters on very long lines: a flattened PDF or preview."""
    cjk_gaps = len(_CJK_GAP.findall(text))
    if not cjk_gaps or not _LONG_LINE.search(text):
        return False
    return cjk_gaps * 60 > (_count_cjk(text, cjk_gaps * 60) or 1)


_LONG_LINE = re.compile(r"[^\n]{151}")  # a line longer than 150 characters
#: As many matches as "[CJK][ \t]+[CJK]" has (each of those takes the character after its gap, so
#: of a chain 中 文 字 only every other gap counts; the optional part takes that next gap along).
#: It opens with the space, so the scan jumps from space to space instead of being tried at
#: each of a plan's millions of Chinese characters (0.10 -> 0.03 s on 19 MB).
_CJK_GAP = re.compile(rf"[ \t](?<=[{CJK}][ \t])[ \t]*[{CJK}](?:[ \t]+[{CJK}])?")
_CJK_RUN = re.compile(rf"[{CJK}]+")


def _count_cjk(text: str, enough: int, chunk: int = 1 << 16) -> int:
    """Chinese characters of ``text``, counted a chunk at a time until there are ``enough``:
    a 19 MB document has its answer in the first few chunks, not after a copy of all of it."""
    found = 0
    for start in range(0, len(text), chunk):
        part = text[start : start + chunk]
        found += len(part) - len(_CJK_RUN.sub("", part))
        if found >= enough:
            break
    return found


def unify_punctuation(doc: _Cleaning) -> None:
    """Half-width , ; : ? ! ( ) that touch Chinese text become full-width; so does a . between Chinese words."""
    text = doc.text
    text = re.sub(r"[,;:?!]", _full_width_mark, text)
    # A half-width point ends a sentence only between Chinese words (队伍.每万 / 3.5人.(责任…) / 人.⏎);
    # after a digit or a letter it is a decimal point, a label (3.) or part of an address.
    text = _POINT_AFTER_CJK.sub(_full_stop, text)
    text = _unify_parentheses(text)
    doc.text = _drop_spaces_at_punctuation(text)


#: a half-width point right after a Chinese character: any other is kept by _full_stop anyway, and
#: a 19 MB plan has tens of thousands of them (labels 1., decimals) that need no call each
_POINT_AFTER_CJK = re.compile(rf"\.(?<=[{CJK}]\.)")


def _full_width_mark(m: re.Match) -> str:
    """, ; : ? ! touching Chinese text or Chinese punctuation is the full-width mark."""
    before, after = _neighbours(m)
    if _is_cjk(before) or before in _PUNCT_SET and before or _is_cjk(after) or after in _PUNCT_SET and after:
        return _HALF_TO_FULL[m.group(0)]
    return m.group(0)


def _full_stop(m: re.Match) -> str:
    before, after = _neighbours(m)
    if _is_cjk(before) and (after in ("", "\n") or _is_cjk(after) or after in "（(“"):
        return "。"
    return "."


def _unify_parentheses(text: str) -> str:
    """A pair of ( ) becomes （ ） when it holds or touches Chinese text; ``(cid:12)`` stays ASCII."""

    def repl(m: re.Match) -> str:
        inner = m.group(1)
        before = text[m.start() - 1] if m.start() else ""
        if re.search(rf"[{CJK}]", inner) or re.match(rf"[{CJK}]", before or "x"):
            if inner.startswith("cid:"):
                return m.group(0)
            return f"（{inner}）"
        return m.group(0)

    prev = None
    while prev != text:  # innermost pairs first, so nested brackets convert too
        prev = text
        text = re.sub(r"\(([^()（）\n]*)\)", repl, text)
        text = re.sub(r"（([^()（）\n]*)\)|\(([^()（）\n]*)）", lambda m: f"（{m.group(1) or m.group(2) or ''}）", text)
    return text


def tidy_lines(doc: _Cleaning) -> None:
    """Trim each line, fold runs of spaces, drop empty lines: one paragraph per line."""
    lines: list[str] = []
    for line in _SPACE_FOLD.sub(" ", doc.text).split("\n"):
        line = line.strip()
        if not line:
            continue
        if lines and not lines[-1].startswith("|") and _continues(lines[-1], line):
            lines[-1] += line  # a wrapped line, never a paragraph break
        else:
            lines.append(line)
    doc.text = "\n".join(lines)


def _continues(previous: str, line: str) -> bool:
    """A line starting with 、，。 or following a line that ends with ，、 continues that line.

    A paragraph never ends with a comma, and never starts with one; a clause
    label on the next line still starts a new paragraph.
    """
    if line[0] in CONTINUING_PUNCT:
        return True
    return previous[-1] in WRAPPING_END and re.match(_LABEL_AHEAD, line) is None


def report_truncation(doc: _Cleaning) -> None:
    """Say so when the source was cut short (a preview site, a text ending mid-sentence)."""
    context = doc.original
    for pattern, message in TRUNCATION_CUES if "页" in context else ():  # every cue names 页
        m = re.search(pattern, context)
        if m:
            doc.warnings.append(message.format(*m.groups()))
    body = doc.text.rstrip()
    if body and body[-1] not in "。！？；）”』」|.…" + ")" and not re.search(r"\d{4}年\d{1,2}月\d{1,2}日$", body):
        doc.warnings.append(f"text ends mid-sentence ('…{body[-15:]}'): the document may be truncated")


def report_injected_text(doc: _Cleaning) -> None:
    """Report a phrase standing where the issuer's place name belongs (SEO spam on a defaced page).

    Judged on where the phrase stands, never on what it says (see
    docs/decisions/0021-injected-text-evidence.md). A candidate stands in front
    of an organ word (…人民政府, …人民代表大会) as a short phrase of its own and is
    neither a place name, a level word nor a modifier (…的); it is reported when
    it occurs twice or more and a second piece of positional evidence backs the
    first: it stands in the title's or issuer's place in the header, or it opens
    two or more heading lines with the organ word (alone or glued to a place name).
    Repeated lists of ordinary words (体育、娱乐) stand in none of these places.
    Reported with its count and one place, never removed.
    """
    text = doc.text
    header = text[: _header_end(text)]
    for phrase, (slot, glued) in _organ_slot_phrases(text).items():
        count = text.count(phrase)
        evidence = [name for name, found in _positional_evidence(text, header, phrase, glued) if found]
        if count < 2 or not evidence or any(phrase in w for w in doc.warnings):
            continue
        doc.warnings.append(
            f"suspicious injected text {phrase!r} occurs {count} times, e.g. {slot!r}: "
            f"it stands where the issuer's place name belongs ({', '.join(['organ slot'] + evidence)}); kept as written"
        )


_ORGAN = "|".join(ORGAN_WORDS)
_RUN = rf"[{CJK}A-Za-z0-9]"
_PLACE_PREFIX = re.compile(rf"[{CJK}]{{1,6}}?[省市县区州]")


def _organ_slot_phrases(text: str) -> dict[str, tuple[str, bool]]:
    """phrase → (the phrase with its organ word, glued to a place name) for what fills an organ's place-name slot.

    Only a phrase of its own counts: it starts after punctuation or a line break
    and is at most 12 characters, as a place name is (a clause running into
    人民政府 is not one). A phrase after a place name (某市+phrase) is glued to it.
    A phrase whose every occurrence is preceded by the same comma-joined token
    grows to take it in (懂球帝官网，懂球帝直播), so a two-part phrase is one phrase.
    """
    found: dict[str, tuple[str, bool]] = {}
    for m in _slot_matches(text):
        phrase, glued = m.group(1), False
        place = _PLACE_PREFIX.match(phrase)
        if place and len(phrase) - place.end() >= 2 and not _is_place_or_level(phrase[place.end() :]):
            phrase, glued = phrase[place.end() :], True
        if _is_place_or_level(phrase) or re.search(_ORGAN, phrase):
            continue
        phrase = _grow_left(text, phrase)
        slot, was_glued = found.get(phrase, (phrase + m.group(2), False))
        found[phrase] = (slot, was_glued or glued)
    return dict(sorted(found.items(), key=lambda item: len(item[0]), reverse=True))


_ORGAN_RE = re.compile(_ORGAN)
_SLOT_RE = re.compile(rf"(?<!{_RUN})({_RUN}{{2,12}}?)({_ORGAN})")


def _slot_matches(text: str):
    """Every match of _SLOT_RE in ``text``, looked for only on the lines that hold an organ word.

    A match never crosses a line break (no RUN character is one), and the slot pattern,
    tried at every character, cost 0.18 s on a 19 MB plan whose organ words stand on 3% of its lines.
    """
    end = 0
    for organ in _ORGAN_RE.finditer(text):
        if organ.start() < end:
            continue  # on the line just searched
        start = text.rfind("\n", 0, organ.start()) + 1
        end = text.find("\n", organ.end())
        end = len(text) if end < 0 else end
        yield from _SLOT_RE.finditer(text, start, end)


def _is_place_or_level(phrase: str) -> bool:
    """A place name (威海市, 全国), a level or term word (县级以上, 所在地, 第十三届) or a modifier (…的)."""
    return phrase.endswith(tuple(PLACE_OR_LEVEL_ENDINGS)) or "级" in phrase


def _grow_left(text: str, phrase: str) -> str:
    """Take in the comma-joined token that precedes every occurrence of ``phrase``."""
    while True:
        before = [text[max(0, m.start() - 16) : m.start()][::-1] for m in re.finditer(re.escape(phrase), text)]
        common = os.path.commonprefix(before)[::-1]
        token = re.search(rf"{_RUN}{{2,12}}[，,]$", common)
        if token is None:
            return phrase
        phrase = token.group(0) + phrase


def _positional_evidence(text: str, header: str, phrase: str, glued: bool) -> list[tuple[str, bool]]:
    """Each kind of evidence besides the organ slot, and whether the phrase shows it.

    Both places may hold the phrase glued to a place name (某市+phrase): spam
    that replaced only part of a name still stands where the name stands.
    """
    p = rf"(?:{_PLACE_PREFIX.pattern})?{re.escape(phrase)}"
    headings = re.findall(rf"(?:^|\n){p}(?:{_ORGAN})[^\n]{{0,20}}(?=\n|$)", text)
    found = [
        ("title or issuer place", re.search(rf"(?:^|\n|{TITLE_OPENINGS}){p}", header) is not None),
        ("opens several heading lines", len(headings) >= 2),
    ]
    if any(hit for _, hit in found):
        found.append(("glued to a place name", glued))
    return found


def _header_end(text: str) -> int:
    """The header block: the lines before the first numbered clause or body sentence (at most 15 lines)."""
    offset = 0
    for k, line in enumerate(text.split("\n")):
        if k >= 15 or re.match(_LABEL_AHEAD, line) or (len(line) > 60 and "。" in line):
            return offset
        offset += len(line) + 1
    return offset
