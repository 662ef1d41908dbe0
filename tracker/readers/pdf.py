"""PDF reader (text layer only, via pdfplumber): lines re-joined into paragraphs.

A PDF has no paragraphs, only positioned lines. This reader removes running
headers and page numbers, puts ruled tables in as ``| cell |`` rows, and joins
a line to the one before unless the break is real: the line before ends a
sentence or stops short of the right margin, or this line is indented or
starts a clause label. What it cannot trust -- glyphs without a Unicode
mapping ``(cid:N)`` (left in the text, where cleaning keeps them
visible), digits and punctuation pushed onto the wrong line,
column-aligned text that may be an unruled table, pages without text -- it
reports per page instead of guessing.
"""
from __future__ import annotations

import io
import logging
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from tracker.cues import SENTENCE_ENDS
from tracker.errors import InputError
from tracker.model import RawText
from tracker.readers.text import close_cjk_spaces, join_cjk

NO_TEXT_LAYER = "has no text layer (a scanned image?); run OCR first, e.g. ocrmypdf, and read the result"

_CN_NUM = "一二三四五六七八九十百零〇两"
#: a line starting with one of these begins a new clause: never joined to the line before
CLAUSE_LABELS = (
    rf"[{_CN_NUM}]+、",  # 一、
    rf"[（(][{_CN_NUM}]+[）)]",  # （一）
    r"\d{1,3}[.．、](?!\d)",  # 1.  1、  (but not 1.5)
    r"[（(]\d{1,3}[）)]",  # （1）
    rf"第[{_CN_NUM}\d]+[章节条款部分]",  # 第一条
    r"[①-⑳]",
    r"附件\s*\d*\s*[:：]?\s*$",
)
CLAUSE_LABEL = re.compile("|".join(f"(?:{p})" for p in CLAUSE_LABELS))

#: a line ending in one of these (optionally followed by a closing quote) ends its paragraph
SENTENCE_END = re.compile(rf"[{SENTENCE_ENDS}：;:!?][”’」』）)]*$")

#: whole lines that are page numbers: removed at the top or bottom of a page
PAGE_NUMBER_PATTERNS = (
    r"[-—–－_\s]*\d{1,4}[-—–－_\s]*",  # - 3 -   —3—   3
    r"第\s*\d+\s*页\s*[,，/]?\s*(共\s*\d+\s*页)?",  # 第3页 共10页
    r"\d+\s*/\s*\d+",  # 3/10
    r"[Pp]age\s*\d+(\s*of\s*\d+)?",
    r"[·•]\s*\d+\s*[·•]",
)
PAGE_NUMBER = re.compile("|".join(f"(?:{p})" for p in PAGE_NUMBER_PATTERNS))
#: longest PDF read: the text layer is parsed by pdfminer at about 0.1 s a page, so this
#: keeps every accepted PDF within the 10 s a command may take (issue 19); see
#: docs/decisions for why a longer one is refused rather than read in part.
MAX_PAGES = 100
#: how many lines at each page edge may be running headers/footers
EDGE_LINES = 2

CID = re.compile(r"\(cid:\d+\)")
#: a line starting with these, or holding only a number fragment, was probably pushed out of its place
PUSHED_START = re.compile(r"^[%％）)。，、；：！？”’]|^[\d.,%％]{1,6}$")

#: gap, in character sizes, between two characters of a line that suggests table columns
COLUMN_GAP = 3.0
#: a line is short (ends its paragraph) when it stops this many character sizes before the right margin
SHORT_LINE = 1.5
#: a line starting this many character sizes right of the left margin is indented (starts a paragraph)
INDENT = 1.0


@dataclass
class Line:
    text: str
    page: int
    x0: float
    x1: float
    top: float
    size: float
    table: bool = False
    wide_gaps: bool = False


def _page_lines(page, number: int, warnings: list[str]) -> list[Line]:
    """The lines of one page, ruled tables as pipe rows, in top-down order."""
    tables = [t for t in page.find_tables() if len(t.rows) >= 2 and len(t.columns) >= 2]
    bboxes = [t.bbox for t in tables]

    def outside_tables(obj) -> bool:
        if obj.get("object_type") != "char":
            return True
        x, y = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
        return not any(b[0] <= x <= b[2] and b[1] <= y <= b[3] for b in bboxes)

    text_page = page.filter(outside_tables) if bboxes else page
    lines = []
    for raw in text_page.extract_text_lines(return_chars=True, x_tolerance_ratio=0.5, keep_blank_chars=True):
        chars = raw.get("chars") or []
        size = _median([c.get("size", 0) for c in chars]) or 10.0
        ink = [c for c in chars if c.get("text", "").strip()]  # blank chars are kept in the text, not here
        gaps = any(b["x0"] - a["x1"] > COLUMN_GAP * size for a, b in zip(ink, ink[1:]))
        text = _columns_text(ink, size) if gaps else close_cjk_spaces(raw["text"])
        lines.append(Line(text, number, raw["x0"], raw["x1"], raw["top"], size, wide_gaps=gaps))
    for table in tables:
        rows = [_pipe_row(row) for row in table.extract()]
        top = table.bbox[1]
        for i, row in enumerate(r for r in rows if r):
            lines.append(Line(row, number, table.bbox[0], table.bbox[2], top + i * 0.001, 10.0, table=True))
    if tables:
        warnings.append(f"page {number}: read {len(tables)} ruled table(s) as | cell | rows")
    lines.sort(key=lambda line: line.top)
    return lines


def _columns_text(chars, size: float) -> str:
    """A line laid out in columns: a tab where the gap is column-wide, so the columns stay apart."""
    out = chars[0]["text"]
    for a, b in zip(chars, chars[1:]):
        gap = b["x0"] - a["x1"]
        out += ("\t" if gap > COLUMN_GAP * size else " " if gap > 0.5 * size else "") + b["text"]
    return close_cjk_spaces(out)


def _pipe_row(row) -> str:
    cells = []
    for cell in row:
        text = ""
        for part in (cell or "").splitlines():
            text = join_cjk(text, part.strip())
        cells.append(text.replace("|", "｜"))
    return "| " + " | ".join(cells) + " |" if any(cells) else ""


def _median(values: list[float]) -> float:
    values = sorted(v for v in values if v)
    return values[len(values) // 2] if values else 0.0


def _strip_running(pages: list[list[Line]]) -> int:
    """Remove page numbers near a page edge, and lines repeated at the same edge on most pages.

    A repeated line must be the first (or the last) line of at least half the
    pages, two at least, short and not a sentence end; digits are ignored in
    the comparison so "第3页" repeats.
    Returns how many lines were removed.
    """
    def key(line: Line) -> str:
        return re.sub(r"\d+", "#", re.sub(r"\s+", "", line.text))

    bodies = [[line for line in lines if not line.table] for lines in pages]
    tops = Counter(key(body[0]) for body in bodies if body)
    bottoms = Counter(key(body[-1]) for body in bodies if len(body) > 1)
    enough = max(2, len(pages) / 2)
    removed = 0
    for lines, body in zip(pages, bodies):
        drop = {id(line) for line in body[:EDGE_LINES] + body[-EDGE_LINES:] if PAGE_NUMBER.fullmatch(line.text.strip())}
        rest = [line for line in body if id(line) not in drop]
        if rest and tops[key(rest[0])] >= enough and _may_be_running(rest[0]):
            drop.add(id(rest[0]))
        if len(rest) > 1 and bottoms[key(rest[-1])] >= enough and _may_be_running(rest[-1]):
            drop.add(id(rest[-1]))
        removed += len(drop)
        lines[:] = [line for line in lines if id(line) not in drop]
    return removed


def _may_be_running(line: Line) -> bool:
    """Running headers and footers are short and never end a sentence."""
    text = line.text.strip()
    return len(text) <= 40 and not SENTENCE_END.search(text)


def _margins(lines: list[Line]) -> tuple[float, float]:
    """Left margin (the commonest line start) and right margin (the furthest line end) of a page."""
    body = [line for line in lines if not line.table]
    if not body:
        return 0.0, 0.0
    starts = Counter(round(line.x0) for line in body)
    return float(starts.most_common(1)[0][0]), max(line.x1 for line in body)


def _paragraphs(pages: list[list[Line]]) -> list[str]:
    """Join the lines of all pages into paragraphs (see the module docstring for the rule)."""
    out: list[str] = []
    prev: Line | None = None
    prev_right = 0.0
    for lines in pages:
        left, right = _margins(lines)
        for line in lines:
            text = line.text.strip()
            if not text:
                continue
            joined = (
                prev is not None
                and not (line.table or prev.table or line.wide_gaps or prev.wide_gaps)
                and _continues(prev, prev_right, line, left, text)
            )
            if joined:
                out[-1] = join_cjk(out[-1], text)
            else:
                out.append(text)
            prev, prev_right = line, right
    return out


def _continues(prev: Line, prev_right: float, line: Line, left: float, text: str) -> bool:
    """Is ``line`` the continuation of ``prev`` inside one paragraph?"""
    if SENTENCE_END.search(prev.text.strip()) or CLAUSE_LABEL.match(text):
        return False
    if line.x0 > left + INDENT * line.size:  # indented or centred: a new paragraph
        return False
    return prev.x1 >= prev_right - SHORT_LINE * prev.size  # the line before ran to the margin


def _page_warnings(number: int, lines: list[Line]) -> list[str]:
    warnings = []
    cids = sum(len(CID.findall(line.text)) for line in lines)
    if cids:
        warnings.append(
            f"page {number}: {cids} unmapped glyphs (cid:…) — numbers on this page may be wrong"
        )
    pushed = sum(1 for line in lines[1:] if not line.table and PUSHED_START.search(line.text.strip()))
    if pushed:
        warnings.append(
            f"page {number}: {pushed} line(s) start with punctuation or hold only a number fragment"
            " — text order may be wrong, check the numbers"
        )
    gapped = sum(1 for line in lines if line.wide_gaps)
    if gapped >= 3:
        warnings.append(
            f"page {number}: {gapped} lines have column-like gaps (a table without ruling lines?);"
            " read as lines with tab-separated columns"
        )
    return warnings


def _open(data: bytes):
    import pdfplumber

    return pdfplumber.open(io.BytesIO(data))


def _explain(exc: Exception) -> InputError:
    """One line for any pdfminer/pdfplumber failure."""
    # pdfplumber wraps pdfminer's exception as an argument of its own PdfminerException
    inner = [a for a in exc.args if isinstance(a, BaseException)] + [exc.__cause__, exc.__context__]
    chain = " ".join([type(exc).__name__, str(exc)] + [type(e).__name__ for e in inner if e is not None])
    if "Password" in chain or "Encrypt" in chain:
        return InputError("is password-protected; remove the password (e.g. qpdf --decrypt) and try again")
    return InputError("is not a valid PDF (damaged or not a PDF file)")


def read_pdf(path: Path, data: bytes) -> RawText:
    """Read a PDF's text layer into paragraphs; a PDF without one is refused (OCR it first)."""
    logging.getLogger("pdfminer").setLevel(logging.ERROR)  # font warnings are not the user's business
    warnings: list[str] = []
    try:
        with _open(data) as pdf:
            if len(pdf.pages) > MAX_PAGES:
                raise InputError(
                    f"has {len(pdf.pages)} pages; tracker reads PDFs of up to {MAX_PAGES} pages (reading its "
                    "text layer costs about 0.1 s a page): split it (e.g. qpdf in.pdf --pages . 1-100 -- part1.pdf) "
                    "or save it as .docx or .txt"
                )
            pages, images = [], []
            for number, page in enumerate(pdf.pages, 1):
                pages.append(_page_lines(page, number, warnings))
                images.append(bool(page.images))
                page.close()  # drop the page's parsed objects: memory stays one page, not the whole file
    except InputError:
        raise
    except Exception as exc:  # pdfminer raises many unrelated types on broken files
        raise _explain(exc) from None
    if not any(line.text.strip() for lines in pages for line in lines):
        raise InputError(NO_TEXT_LAYER)
    removed = _strip_running(pages)
    if removed:
        warnings.append(f"removed {removed} running header/footer line(s) and page numbers")
    for number, (lines, has_image) in enumerate(zip(pages, images), 1):
        if not lines:
            what = "a scanned page? its content is missing" if has_image else "blank"
            warnings.append(f"page {number}: no text layer ({what})")
        warnings.extend(_page_warnings(number, lines))
    text = "\n".join(_paragraphs(pages))
    return RawText(text=text, source=str(path), format="pdf", encoding=None, warnings=warnings)
