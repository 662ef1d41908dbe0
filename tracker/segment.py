"""Segmentation: cut the cleaned text into a clause tree.

A line that starts with a label of the numbering grammar (tracker/numbering.py)
opens a clause only if the sequence continues: （三） must follow （二）, a new
level must start at 1 or run on from where that scheme last stopped (Xinjiang's
（一）…（二十） across sections). So "2027年", "1个" or a cited "〔2022〕42号" are
never mistaken for labels, and a gap or a restart is accepted only at a line
start, with a warning naming the place.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from tracker.cues import SECTION_HEADINGS
from tracker.metadata import read_metadata
from tracker.model import CleanText, Clause, Document, Responsibility
from tracker.numbering import (
    ANNEX_RE,
    ARTICLE_RANK,
    SUPPLEMENTARY_RE,
    TOC_RE,
    Scheme,
    cn_number,
    cn_numeral,
    match_label,
)

PREAMBLE_ID = "前言"
TOC_ID = "目录"
SUPPLEMENTARY_ID = "附则"
ANNEX_ID = "附件"
MAX_TITLE = 60
MAX_GAP = 3
#: metadata is read from at most this much of the text before the first clause: a
#: title, 文号 and issuer stand in its first lines, and a one-line scrape whose whole
#: text is "preamble" made each title pattern rescan megabytes (101 s on 5 MB)
MAX_HEADER = 20_000

RESPONSIBILITY_RE = re.compile(
    r"[〔［\[【（](?P<body>[^〔〕［］\[\]【】（）]*?(?:责任单位|牵头单位|负责|牵头|配合|完成时限)[^〔〕［］\[\]【】（）]*)[〕］\]】）]。?$"
)


@dataclass
class _Draft:
    """A clause while the text is walked: filled in step by step, then frozen into a Clause."""

    id: str
    label: str
    title: str
    text: str
    scheme: str
    children: list["_Draft"] = field(default_factory=list)
    responsibility: Responsibility | None = None
    cells: list[str] | None = None
    span: tuple[int, int] = (0, 0)

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()

    def freeze(self) -> Clause:
        return Clause(self.id, self.label, self.title, self.text, self.scheme, [c.freeze() for c in self.children],
                      self.responsibility, self.cells, self.span)


@dataclass
class _Open:
    """A clause on the stack while the text is walked."""

    clause: _Draft
    scheme: str
    value: int
    rank: int = 0


@dataclass
class _State:
    stack: list[_Open] = field(default_factory=list)
    last_value: dict[str, int] = field(default_factory=dict)
    roots: list[_Draft] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    annex: _Draft | None = None
    annex_header: bool = False
    toc_first: str | None = None  # while inside a 目录: its first entry, "" before it is seen
    paragraphs: int = 0  # 款 of the open article seen so far
    annex_rows: int = 0  # rows of the current annex so far, and their labels:
    annex_labels: set[str] = field(default_factory=set)  # counted, not re-listed per row


def segment(cleaned: CleanText) -> Document:
    """Build the clause tree and read the metadata of a cleaned document."""
    text = cleaned.text
    state = _State()
    boundaries: list[tuple[int, int, _Draft]] = []  # (start, own-text start, clause)
    offset = 0
    for line in text.split("\n"):
        opened = _open_clause(line, offset, state)
        if opened is not None:
            boundaries.append(opened)
        offset += len(line) + 1
    _fill_texts(text, boundaries)
    preamble_end = boundaries[0][0] if boundaries else len(text)
    clauses = state.roots
    preamble = text[:preamble_end].strip()
    if preamble:
        clauses.insert(0, _Draft(PREAMBLE_ID, "", "", preamble, "preamble", span=(0, preamble_end)))
    for clause in (c for root in clauses for c in root.walk()):
        _split_responsibility(clause)
        if clause.scheme not in ("preamble", "annex_row", "toc"):
            clause.title = lead_sentence(clause.text)
        if clause.scheme == "annex" and clause.title.startswith("|"):
            clause.title = ""  # an annex that opens with its table has no title line
    metadata = replace(read_metadata(text, preamble[:MAX_HEADER], cleaned), warnings=list(cleaned.warnings) + state.warnings)
    return Document(metadata=metadata, clauses=[c.freeze() for c in clauses], text=text, source=cleaned.source)


def _open_clause(line: str, offset: int, state: _State) -> tuple[int, int, _Draft] | None:
    """If ``line`` opens a clause, put it in the tree and return its boundary."""
    if state.annex is not None and line.startswith("|"):
        return _annex_row(line, offset, state)
    if state.toc_first is not None:
        if _in_toc(line, state):
            return None
    elif not state.roots and not state.stack and TOC_RE.fullmatch(line):
        return _toc(line, offset, state)
    if (state.roots or state.stack) and (annex := ANNEX_RE.fullmatch(line)) and len(annex.group("rest")) <= 40:
        return _annex_heading(annex, line, offset, state)
    if state.stack and state.stack[0].rank and SUPPLEMENTARY_RE.fullmatch(line):
        return _supplementary(line, offset, state)
    found = match_label(line)
    if found is None:
        return _paragraph(line, offset, state)
    scheme, number, label, end = found
    value = cn_number(number)
    parent_depth = _accept(scheme, value, label, state)
    if parent_depth is None:
        return _paragraph(line, offset, state)
    if scheme.rank == ARTICLE_RANK:
        state.paragraphs = 1
    return _push(state, parent_depth, scheme.name, scheme.id_part.format(n=number), label, value, scheme.rank, offset, end)


def _push(state: _State, depth: int, scheme: str, id_part: str, label: str, value: int, rank: int, offset: int, end: int):
    """Open a clause under the stack entry at ``depth - 1`` (a root when 0)."""
    del state.stack[depth:]
    parent = state.stack[-1].clause if state.stack else None
    clause_id = (parent.id + "." if parent else "") + id_part
    clause = _Draft(id=clause_id, label=label, title="", text="", scheme=scheme)
    (parent.children if parent else state.roots).append(clause)
    state.stack.append(_Open(clause, scheme, value, rank))
    state.last_value[scheme] = value
    return offset, offset + end, clause


# ------------------------------------------------------------ legal texts


def _toc(line: str, offset: int, state: _State) -> tuple[int, int, _Draft]:
    """A 目录 before the body: one clause holding the whole table, never the body's chapters."""
    clause = _Draft(id=TOC_ID, label=TOC_ID, title=TOC_ID, text="", scheme="toc")
    state.roots.append(clause)
    state.toc_first = ""
    return offset, offset + len(line), clause


def _heading_key(line: str) -> str:
    return "".join(line.split())


def _in_toc(line: str, state: _State) -> bool:
    """Whether ``line`` is still an entry of the 目录.

    The table lists 编 / 分编 / 章 / 节 headings (and 附则); it ends at the
    first line that is not such a heading, or when its first entry comes round
    again — the body's own first heading.
    """
    found = match_label(line)
    heading = (found is not None and 0 < found[0].rank < ARTICLE_RANK) or SUPPLEMENTARY_RE.fullmatch(line)
    key = _heading_key(line)
    if heading and key != state.toc_first:
        if not state.toc_first:
            state.toc_first = key
        return True
    state.toc_first = None
    return False


def _supplementary(line: str, offset: int, state: _State) -> tuple[int, int, _Draft]:
    """A bare 附则 heading closes the last 编 or 章: its articles hang under it at the top level."""
    return _push(state, 0, "supplementary", SUPPLEMENTARY_ID, SUPPLEMENTARY_ID, 1, 1, offset, len(line))


def _paragraph(line: str, offset: int, state: _State) -> tuple[int, int, _Draft] | None:
    """A plain line inside an article: a further 款 of the article's own text, or a 款 of its own.

    In a law each 款 is a line. One that follows the article's items （一）…
    belongs to the article, not to its last item; from there on each 款 is a
    clause 第N款 under the article, so an item never swallows the text after it.
    """
    article = next((k for k in range(len(state.stack) - 1, -1, -1) if state.stack[k].rank == ARTICLE_RANK), None)
    if article is None or not line.strip():
        return None
    state.paragraphs += 1
    if article == len(state.stack) - 1:
        return None
    id_part = f"第{cn_numeral(state.paragraphs)}款"  # a 款 is cited by number but never written with one
    return _push(state, article + 1, "paragraph", id_part, "", state.paragraphs, 0, offset, 0)


def _accept(scheme: Scheme, value: int, label: str, state: _State) -> int | None:
    """Where in the stack a label of ``scheme`` goes, or None when it is not a label here."""
    if scheme.rank:
        return _accept_ranked(scheme, value, label, state)
    depth = next((k for k, o in enumerate(state.stack) if o.scheme == scheme.name), None)
    if depth is not None:
        expected = state.stack[depth].value + 1
        if value == expected:
            return depth
        if expected < value <= expected + MAX_GAP:
            state.warnings.append(f"numbering gap: {label} follows {_label_of(state.stack[depth])} (expected {expected})")
            return depth
        if value == 1 and depth > 0:
            return None  # a new list inside running text, not a sibling
        return None
    run_on = state.last_value.get(scheme.name, 0) + 1
    if value in (1, run_on):
        return len(state.stack)
    if value <= MAX_GAP + 1 and not state.stack:
        state.warnings.append(f"numbering starts at {label}, not at 1")
        return 0
    return None


def _accept_ranked(scheme: Scheme, value: int, label: str, state: _State) -> int | None:
    """Legal structure nests by rank, not by first use: a 章 closes the open 节 and 条,
    a 分编 opens inside its 编 even though 章 came first in an earlier 编.

    The number must still run on: the next of its siblings, or 1 (a new
    chapter list in a new 编), or where the scheme last stopped (articles are
    numbered through the whole law).
    """
    stack = state.stack
    depth = next((k for k, o in enumerate(stack) if o.rank >= scheme.rank), len(stack))
    if depth < len(stack) and stack[depth].scheme == scheme.name:
        expected = stack[depth].value + 1
        if value == expected:
            return depth
        if expected < value <= expected + MAX_GAP:
            state.warnings.append(f"numbering gap: {label} follows {_label_of(stack[depth])} (expected {expected})")
            return depth
        return None
    run_on = state.last_value.get(scheme.name, 0) + 1
    if value in (1, run_on):
        return depth
    if run_on < value <= run_on + MAX_GAP:
        state.warnings.append(f"numbering gap: {label} (expected {run_on})")
        return depth
    return None


def _label_of(open_clause: _Open) -> str:
    return open_clause.clause.label


def _annex_heading(m: re.Match, line: str, offset: int, state: _State) -> tuple[int, int, _Draft]:
    """附件 / 附件1: a new root whose table rows become its children."""
    number = m.group("n") or ""
    clause = _Draft(id=ANNEX_ID + number, label=ANNEX_ID + number, title="", text="", scheme="annex")
    state.roots.append(clause)
    state.stack = [_Open(clause, "annex", cn_number(number) if number else 1)]
    state.last_value.clear()
    state.annex = clause
    state.annex_header = False
    state.annex_rows, state.annex_labels = 0, set()
    rest_start = line.find(m.group("rest")) if m.group("rest") else len(line)
    return offset, offset + rest_start, clause


def _annex_row(line: str, offset: int, state: _State) -> tuple[int, int, _Draft] | None:
    """A ``| cell | cell |`` row of an annex table: a clause ``附件.N`` where N is its number cell."""
    annex = state.annex
    cells = [c.strip() for c in line.strip().strip("|").split("|")]
    rows = state.annex_rows
    number = _row_number(cells, rows + 1)
    if number is None:
        if not rows and not state.annex_header:
            state.annex_header = True
            return None  # the header row stays in the annex's own text
        number = str(rows + 1)
    if number in state.annex_labels:
        number = f"{number}-{rows + 1}"
    state.annex_rows += 1
    state.annex_labels.add(number)
    k = cells.index(number) if number in cells else -1
    title = next((c for c in cells[k + 1 :] if c and len(c) <= 30), "") or next((c for c in cells if c), "")
    clause = _Draft(id=f"{annex.id}.{number}", label=number, title=title, text="", scheme="annex_row", cells=cells)
    annex.children.append(clause)
    return offset, offset + 2 if line.startswith("| ") else offset + 1, clause


def _row_number(cells: list[str], expected: int) -> str | None:
    """The row's own number: a 序号 first cell, or the running number in the second cell.

    A number elsewhere in the row is data (an indicator table's base value 35),
    never the row's number.
    """
    if cells and cells[0].isascii() and cells[0].isdigit():
        return cells[0]
    if len(cells) > 1 and cells[1] == str(expected):
        return cells[1]
    return None


def _fill_texts(text: str, boundaries: list[tuple[int, int, _Draft]]) -> None:
    """Each clause's own text runs from after its label to the next clause's start."""
    for k, (start, own_start, clause) in enumerate(boundaries):
        end = boundaries[k + 1][0] if k + 1 < len(boundaries) else len(text)
        own = text[own_start:end]
        if clause.cells is not None:
            own = own.rstrip("\n").removesuffix(" |").removesuffix("|")
        stripped = own.strip()
        lead = own_start + (len(own) - len(own.lstrip()))
        clause.text = stripped
        clause.span = (start, lead + len(stripped))


def _split_responsibility(clause: _Draft) -> None:
    """Keep a trailing 〔责任单位…〕 / （…牵头，…配合） apart from the clause's policy text."""
    m = RESPONSIBILITY_RE.search(clause.text)
    if not m:
        return
    clause.responsibility = parse_responsibility(m.group(0), m.group("body").replace("\n", ""))
    clause.text = clause.text[: m.start()].rstrip()


_UNIT_SPLIT = re.compile(r"[、，,]")
_FIELD_SPLIT_RE = re.compile(r"[；;]")
_UNIT_SPLIT_RE = re.compile(r"[，,；;]")
_LEAD_UNIT_RE = re.compile(r"(.+?)(?:按职责分工)?(?:牵头|负责)")
_SUPPORT_UNIT_RE = re.compile(r"(.+?)(?:配合|参与|协助)")
_FIRST_SENTENCE_RE = re.compile(r"[^。！？]*[。！？]")


def parse_responsibility(raw: str, body: str) -> Responsibility:
    """Split a responsibility note into lead units, supporting units and the completion deadline.

    In a 责任单位 list the unit named first leads (the drafting convention of
    these plans); 牵头/配合 and 负责/具体负责 say it outright.
    """
    fields = dict(_field(part) for part in _FIELD_SPLIT_RE.split(body) if "：" in part)
    if fields:
        units = _units(fields.get("责任单位", ""))
        return Responsibility(
            raw=raw,
            lead=_units(fields["牵头单位"]) if "牵头单位" in fields else units[:1],
            support=_units(fields.get("配合单位", "")) if "牵头单位" in fields else units[1:],
            deadline=fields.get("完成时限") or None,
        )
    lead: list[str] = []
    support: list[str] = []
    for part in _UNIT_SPLIT_RE.split(body):
        part = part.strip()
        if m := _LEAD_UNIT_RE.fullmatch(part):
            target = support if part.endswith("具体负责") else lead
            target.extend(_units(m.group(1).removesuffix("具体")))
        elif m := _SUPPORT_UNIT_RE.fullmatch(part):
            support.extend(_units(m.group(1)))
    return Responsibility(raw=raw, lead=lead, support=support)


def _field(part: str) -> tuple[str, str]:
    key, _, value = part.partition("：")
    return key.strip(), value.strip()


def _units(text: str) -> list[str]:
    return [u.strip() for u in _UNIT_SPLIT.split(text) if u.strip()]


def lead_sentence(text: str) -> str:
    """The clause's lead sentence: its bold-style heading up to the first 。, when short.

    A heading that a scrape glued to the paragraph after it ("总体要求坚持…")
    is recognised from the list of usual section headings.
    """
    first_line = text.split("\n", 1)[0]
    m = _FIRST_SENTENCE_RE.match(first_line)
    if m and len(m.group(0)) <= MAX_TITLE:
        return m.group(0)
    if not m and len(first_line) <= MAX_TITLE:
        return first_line
    return next((h for h in SECTION_HEADINGS if first_line.startswith(h)), "")
