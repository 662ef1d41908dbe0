"""The NEW text as a Word document with real tracked changes: a redline.

Legal staff review in Word or WPS and decide change by change with "accept /
reject". So the body of this document is the new text in which every deleted
and inserted stretch is a revision (``w:del`` / ``w:ins``, author ``tracker``),
at character level because Chinese has no spaces, a clause that moved
unedited is a move (``w:moveFrom`` / ``w:moveTo``), and each target change
carries a comment anchored on its sentence (收紧：数值 55% → 60%…). A first page
gives the dashboard of the HTML report.

The promise the tests hold it to: accepting every revision of the body gives
exactly NEW's cleaned text, rejecting every one gives exactly OLD's. To keep
it, the body is built from one stream of pieces (equal, deleted, inserted,
moved away, moved here) whose old and new projections are checked against the
two texts before a byte is written; a paragraph break is the character
``\\n`` of the stream, so an inserted or deleted break is a revision of the
paragraph mark, as Word records it.

How the stream is ordered (docs/decisions/0510-redline-tracked-changes.md): the text is
cut into one block per clause (its label up to the next clause), the diff's
clause rows group blocks into units, and the units paired in the same order on
both sides are the anchors; every other unit is emitted between the anchors
around it, old side first (deleted or moved away), new side after (inserted or
moved here), so both projections keep their own document order.
"""
from __future__ import annotations

import datetime as dt
import io
import os
import zipfile
from dataclasses import dataclass, field

from docx import Document as WordDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

from tracker.characters import neutralise
from tracker.model import TARGET_LABELS, DiffResult, Document, Target, TargetChange
from tracker.render.docx import HEADING_FONT, MUTED, add_row, document_lines, heading, run, set_font, setup, table
from tracker.render.inline import changed_share, inline_diff
from tracker.render.view import (
    COLUMN_HEADINGS,
    REWRITE_SHARE,
    card,
    dashboard_rows,
    mode_words,
    target_counts,
    target_words,
)

AUTHOR = "tracker"
INITIALS = "TR"
BODY_BOOKMARK = "tracker_text"  # the body starts here: everything before it is the dashboard page
OLD_SIDE_OPS = ("eq", "del", "move-from")
NEW_SIDE_OPS = ("eq", "ins", "move-to")
HEADING_LINE_MAX = 30  # a clause's first line at most this long reads as a heading (一、总体要求)
FIRST_REVISION_ID = 10_000  # annotation ids are shared by comments, bookmarks and revisions: keep them apart


class RedlineError(RuntimeError):
    """The stream does not reproduce both texts: a bug, never a wrong file."""


# ------------------------------------------------------------------ blocks


@dataclass(frozen=True)
class Block:
    """One clause's stretch of the text: from its label to the next clause's label."""

    clause: str | None  # None for text before the first clause
    start: int
    end: int


def blocks(doc: Document) -> list[Block]:
    """The text cut at every clause start, so the blocks concatenate to the whole text."""
    text = doc.text
    starts = sorted({(c.span[0], c.id) for c in doc.walk() if 0 <= c.span[0] <= len(text)})
    seen, cuts = set(), []
    for start, clause_id in starts:
        if start in seen:  # two clauses at one offset (a heading with no text of its own): one block
            continue
        seen.add(start)
        cuts.append((start, clause_id))
    if not cuts or cuts[0][0] > 0:
        cuts.insert(0, (0, None))
    out = []
    for k, (start, clause_id) in enumerate(cuts):
        end = cuts[k + 1][0] if k + 1 < len(cuts) else len(text)
        out.append(Block(clause_id, start, end))
    return out


# ------------------------------------------------------------------ units


@dataclass
class Unit:
    """Blocks of OLD and NEW that the diff paired (either side may be empty)."""

    old: list[int]
    new: list[int]
    change: str
    stable: bool = False


def _contiguous(indices: list[int]) -> bool:
    return not indices or indices == list(range(indices[0], indices[0] + len(indices)))


def units(result: DiffResult, old_doc: Document, new_doc: Document, old_blocks: list[Block],
          new_blocks: list[Block]) -> list[Unit]:
    """The diff's clause rows as units of blocks; every block in exactly one unit.

    A row whose blocks are not neighbours on a side cannot be one stretch of
    tracked text: its blocks become separate deletions and insertions.
    """
    old_index = {b.clause: i for i, b in enumerate(old_blocks) if b.clause is not None}
    new_index = {b.clause: i for i, b in enumerate(new_blocks) if b.clause is not None}
    used_old: set[int] = set()
    used_new: set[int] = set()
    out: list[Unit] = []
    if old_blocks and old_blocks[0].clause is None and new_blocks and new_blocks[0].clause is None:
        out.append(Unit([0], [0], "modified"))
        used_old.add(0)
        used_new.add(0)
    for row in result.clauses:
        olds = sorted({old_index[i] for i in _ids(row.old) if i in old_index} - used_old)
        news = sorted({new_index[i] for i in _ids(row.new) if i in new_index} - used_new)
        used_old.update(olds)
        used_new.update(news)
        if olds and news and _contiguous(olds) and _contiguous(news):
            out.append(Unit(olds, news, row.change))
        else:
            out += [Unit([i], [], "removed") for i in olds] + [Unit([], [j], "added") for j in news]
    out += [Unit([i], [], "removed") for i in range(len(old_blocks)) if i not in used_old]
    out += [Unit([], [j], "added") for j in range(len(new_blocks)) if j not in used_new]
    _mark_stable(out, lambda u: _text(old_doc, old_blocks, u.old) == _text(new_doc, new_blocks, u.new))
    return out


def _text(doc: Document, side_blocks: list[Block], indices: list[int]) -> str:
    return doc.text[side_blocks[indices[0]].start : side_blocks[indices[-1]].end]


def _ids(value) -> list[str]:
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)


def _mark_stable(all_units: list[Unit], identical) -> None:
    """The anchors: paired units in the same order on both sides, as many edited ones as possible.

    A heaviest increasing run over the old positions (in new order): an edited
    unit weighs 2 and an identical one 1, so when two clauses swap places the
    one that kept its text is the one written as a move (a clean w:moveFrom /
    w:moveTo pair) and the edited one stays put with its edits marked inline.
    O(n log n) with a Fenwick tree of prefix maxima.
    """
    paired = sorted((u for u in all_units if u.old and u.new), key=lambda u: u.new[0])
    if not paired:
        return
    size = max(u.old[0] for u in paired) + 2
    tree: list[tuple[int, int]] = [(0, -1)] * (size + 1)  # (best weight, index into paired)

    def query(i: int) -> tuple[int, int]:  # best run ending at an old position < i
        best = (0, -1)
        while i > 0:
            best = max(best, tree[i])
            i -= i & -i
        return best

    def update(i: int, value: tuple[int, int]) -> None:
        while i <= size:
            tree[i] = max(tree[i], value)
            i += i & -i

    back: list[int] = []
    score: list[int] = []
    for k, unit in enumerate(paired):
        best, prev = query(unit.old[0] + 1)  # positions are shifted by one: the tree starts at 1
        weight = 1 if identical(unit) else 2
        score.append(best + weight)
        back.append(prev)
        update(unit.old[0] + 2, (best + weight, k))
    k = max(range(len(paired)), key=lambda i: score[i])
    while k >= 0:
        paired[k].stable = True
        k = back[k]


# ------------------------------------------------------------------ stream


@dataclass(frozen=True)
class Piece:
    """A stretch of the stream: its op, its text, and where it sits in OLD and NEW."""

    op: str  # "eq", "del", "ins", "move-from", "move-to"
    text: str
    old_at: int | None
    new_at: int | None
    move: str | None = None  # the move's name, shared by its two ends


@dataclass(frozen=True)
class Note:
    """A comment to anchor on ``[start, end)`` of one side's text."""

    side: str  # "old" | "new"
    start: int
    end: int
    text: str


@dataclass
class Stream:
    pieces: list[Piece]
    notes: list[Note] = field(default_factory=list)


def _span(block_list: list[Block], indices: list[int]) -> tuple[int, int]:
    return block_list[indices[0]].start, block_list[indices[-1]].end


def _diff_pieces(old_text: str, new_text: str, old_at: int, new_at: int) -> list[Piece]:
    segments = inline_diff(old_text, new_text)
    if changed_share(segments) > REWRITE_SHARE:  # rewritten: whole deletion + whole insertion reads better
        segments = [(op, t) for op, t in (("del", old_text), ("ins", new_text)) if t]
    out = []
    for op, text in segments:
        out.append(Piece(op, text, old_at if op != "ins" else None, new_at if op != "del" else None))
        if op != "ins":
            old_at += len(text)
        if op != "del":
            new_at += len(text)
    return out


def build_stream(result: DiffResult, old_doc: Document, new_doc: Document) -> Stream:
    """The body as pieces, with the comments to anchor; both projections checked."""
    old_blocks, new_blocks = blocks(old_doc), blocks(new_doc)
    all_units = units(result, old_doc, new_doc, old_blocks, new_blocks)
    stream = Stream([])
    anchors = sorted((u for u in all_units if u.stable), key=lambda u: u.new[0])
    floating = [u for u in all_units if not u.stable]
    olds = sorted((u for u in floating if u.old), key=lambda u: u.old[0])
    news = sorted((u for u in floating if u.new), key=lambda u: u.new[0])
    moves = {id(u): f"move{n}" for n, u in enumerate(u for u in floating if u.old and u.new)}
    edits: dict[int, list[tuple[str, str]] | None] = {}  # per moved unit: its edits, None when rewritten

    def move_edits(unit: Unit) -> list[tuple[str, str]] | None:
        """The moved text when it moved unedited; None when it was edited too (then: delete + insert).

        Word could carry edits inside a move, but LibreOffice 7.4 drops the move
        mark of such a paragraph when it saves the file, so accept-all no longer
        gives the new text there (found by the round-trip test): only unedited
        clauses are written as moves.
        """
        if id(unit) not in edits:
            (os_, oe), (ns, ne) = _span(old_blocks, unit.old), _span(new_blocks, unit.new)
            old_text, new_text = old_doc.text[os_:oe], new_doc.text[ns:ne]
            edits[id(unit)] = [("eq", old_text)] if old_text == new_text and old_text else None
        return edits[id(unit)]

    def ids_of(side_blocks, indices) -> str:
        return "、".join(side_blocks[k].clause or "" for k in indices)

    def old_side(unit: Unit) -> None:
        start, end = _span(old_blocks, unit.old)
        segments = move_edits(unit) if unit.new else None
        if segments is None:  # removed, or moved and rewritten: one deletion
            if end > start:
                stream.pieces.append(Piece("del", old_doc.text[start:end], start, None))
            if unit.new:
                stream.notes.append(Note("old", start, end, f"移动并修改：本条移至 {ids_of(new_blocks, unit.new)}，"
                                                            "修改后的文字在新位置插入。"))
            return
        at = start
        for op, text in segments:  # moved: the common text moves, what only the old text had is deleted here
            if op == "ins":
                continue
            stream.pieces.append(Piece("move-from" if op == "eq" else "del", text, at, None, moves[id(unit)]))
            at += len(text)
        if any(op != "eq" for op, _ in segments):
            stream.notes.append(Note("old", start, end, f"移动并修改：本条移至 {ids_of(new_blocks, unit.new)}，"
                                                        "修改处在新位置标出。"))

    def new_side(unit: Unit) -> None:
        start, end = _span(new_blocks, unit.new)
        segments = move_edits(unit) if unit.old else None
        if segments is None:  # added, or moved and rewritten: one insertion
            if end > start:
                stream.pieces.append(Piece("ins", new_doc.text[start:end], None, start))
            if unit.old:
                stream.notes.append(Note("new", start, end, f"移动并修改：本条由原 {ids_of(old_blocks, unit.old)} 移来，"
                                                            "原文字在原位置删除。"))
            return
        at = start
        for op, text in segments:  # moved here: the common text, plus what only the new text has, inserted
            if op == "del":
                continue
            stream.pieces.append(Piece("move-to" if op == "eq" else "ins", text, None, at, moves[id(unit)]))
            at += len(text)
        if any(op != "eq" for op, _ in segments):
            stream.notes.append(Note("new", start, end, f"移动并修改：本条由原 {ids_of(old_blocks, unit.old)} 移来，"
                                                        "移动后修改的文字标为插入、删除。"))

    oi = ni = 0
    for anchor in anchors + [None]:
        old_limit = anchor.old[0] if anchor else len(old_blocks)
        new_limit = anchor.new[0] if anchor else len(new_blocks)
        while oi < len(olds) and olds[oi].old[0] < old_limit:
            old_side(olds[oi])
            oi += 1
        while ni < len(news) and news[ni].new[0] < new_limit:
            new_side(news[ni])
            ni += 1
        if anchor is None:
            break
        (os_, oe), (ns, ne) = _span(old_blocks, anchor.old), _span(new_blocks, anchor.new)
        stream.pieces += _diff_pieces(old_doc.text[os_:oe], new_doc.text[ns:ne], os_, ns)
        if anchor.change in ("split", "merged"):
            old_ids = "、".join(old_blocks[i].clause or "" for i in anchor.old)
            new_ids = "、".join(new_blocks[j].clause or "" for j in anchor.new)
            word = "拆分" if anchor.change == "split" else "合并"
            stream.notes.append(Note("new", ns, ne, f"{word}：原 {old_ids} → 现 {new_ids}。"))
    stream.notes += target_notes(result, old_doc, new_doc)
    check(stream, old_doc.text, new_doc.text)
    return stream


def check(stream: Stream, old_text: str, new_text: str) -> None:
    """Refuse to write a redline whose accept-all / reject-all would not give the two texts."""
    old = "".join(p.text for p in stream.pieces if p.op in OLD_SIDE_OPS)
    new = "".join(p.text for p in stream.pieces if p.op in NEW_SIDE_OPS)
    if old != old_text or new != new_text:
        raise RedlineError("internal error: the tracked changes do not reproduce both texts")


# ------------------------------------------------------------------ comments


def _locate(target: Target, doc: Document) -> tuple[int, int] | None:
    if not target.text:
        return None
    if 0 <= target.start and doc.text[target.start : target.start + len(target.text)] == target.text:
        return target.start, target.start + len(target.text)
    found = doc.text.find(target.text)
    return (found, found + len(target.text)) if found >= 0 else None


def comment_text(change: TargetChange, mode: str) -> str:
    """收紧：数值 55% → 60%：…  — the label and the Chinese reasons, as the reviewer reads them."""
    label = target_words(mode).get(change.change)
    word = f"{label.icon}{label.zh}" if label else change.change
    reasons = list(change.reasons_zh) + list(change.reasons[len(change.reasons_zh):])
    return f"{word}：" + "；".join(reasons) if reasons else word


def target_notes(result: DiffResult, old_doc: Document, new_doc: Document) -> list[Note]:
    """One comment per changed target, on its sentence in NEW, or in OLD when it was dropped."""
    notes = []
    for change in result.targets:
        if change.change == "unchanged":
            continue
        where = _locate(change.new, new_doc) if change.new is not None else None
        side = "new"
        if where is None and change.old is not None:
            where, side = _locate(change.old, old_doc), "old"
        if where is not None and where[1] > where[0]:
            notes.append(Note(side, where[0], where[1], comment_text(change, result.mode)))
    return notes


# ------------------------------------------------------------------ paragraphs


@dataclass
class Paragraph:
    items: list[tuple] = field(default_factory=list)  # ("run", op, text, move) | ("mark", kind, id, name)
    mark_op: str = "eq"
    mark_move: str | None = None
    old_at: int | None = None  # where its first character sits on each side
    new_at: int | None = None


def _cut_points(stream: Stream) -> tuple[set[int], set[int]]:
    old_cuts: set[int] = set()
    new_cuts: set[int] = set()
    for note in stream.notes:
        (old_cuts if note.side == "old" else new_cuts).update((note.start, note.end))
    return old_cuts, new_cuts


def atoms(stream: Stream) -> list[Piece]:
    """Pieces cut at every line break and at every comment boundary of their side."""
    old_cuts, new_cuts = _cut_points(stream)
    out = []
    for piece in stream.pieces:
        cuts = {0, len(piece.text)}
        for k, ch in enumerate(piece.text):
            if ch == "\n":
                cuts.update((k, k + 1))
        for at, side_cuts in ((piece.old_at, old_cuts), (piece.new_at, new_cuts)):
            if at is not None:
                cuts.update(c - at for c in side_cuts if at < c < at + len(piece.text))
        points = sorted(cuts)
        for a, b in zip(points, points[1:]):
            out.append(Piece(piece.op, piece.text[a:b],
                             None if piece.old_at is None else piece.old_at + a,
                             None if piece.new_at is None else piece.new_at + a, piece.move))
    return out


def _move_key(piece: Piece) -> str:
    """A move's source range holds its moved-away and deleted pieces, its destination the moved-here and inserted."""
    side = "move-from" if piece.op in ("move-from", "del") else "move-to"
    return f"{side}:{piece.move}"


def paragraphs(stream: Stream) -> list[Paragraph]:
    """The atoms laid into paragraphs, with comment and move range markers placed."""
    pieces = atoms(stream)
    starts: dict[tuple[str, int], list[int]] = {}
    ends: dict[tuple[str, int], list[int]] = {}
    for n, note in enumerate(stream.notes):
        starts.setdefault((note.side, note.start), []).append(n)
        ends.setdefault((note.side, note.end), []).append(n)
    first_of_move: dict[str, int] = {}
    last_of_move: dict[str, int] = {}
    for k, piece in enumerate(pieces):
        if piece.move:
            key = _move_key(piece)
            first_of_move.setdefault(key, k)
            last_of_move[key] = k
    opened: set[int] = set()
    out = [Paragraph()]
    for k, piece in enumerate(pieces):
        para = out[-1]
        if not para.items and para.old_at is None and para.new_at is None:
            para.old_at, para.new_at = piece.old_at, piece.new_at
        key = _move_key(piece) if piece.move else None
        if key and first_of_move[key] == k:
            para.items.append(("mark", f"{key.split(':')[0]}-start", piece.move))
        for side, at in (("old", piece.old_at), ("new", piece.new_at)):
            if at is None:
                continue
            for n in starts.get((side, at), []):
                if n not in opened:
                    opened.add(n)
                    para.items.append(("mark", "comment-start", n))
        if piece.text != "\n":
            para.items.append(("run", piece.op, piece.text, piece.move))
        for side, at in (("old", piece.old_at), ("new", piece.new_at)):
            if at is None:
                continue
            for n in ends.get((side, at + len(piece.text)), []):
                if n in opened:
                    opened.discard(n)
                    para.items.append(("mark", "comment-end", n))
        if key and last_of_move[key] == k:
            para.items.append(("mark", f"{key.split(':')[0]}-end", piece.move))
        if piece.text == "\n":
            para.mark_op, para.mark_move = piece.op, piece.move
            out.append(Paragraph())
    for n in sorted(opened):  # a comment whose end was never reached still closes
        out[-1].items.append(("mark", "comment-end", n))
    return out


# ------------------------------------------------------------------ XML


class Ids:
    """Fresh annotation ids for revisions and move ranges."""

    def __init__(self) -> None:
        self.next = FIRST_REVISION_ID

    def __call__(self) -> str:
        self.next += 1
        return str(self.next)


def _revision(tag: str, ids: Ids, date: str):
    element = OxmlElement(tag)
    element.set(qn("w:id"), ids())
    element.set(qn("w:author"), AUTHOR)
    element.set(qn("w:date"), date)
    return element


def _text_run(text: str, deleted: bool):
    r = OxmlElement("w:r")
    t = OxmlElement("w:delText" if deleted else "w:t")
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    t.text = neutralise(text)  # a control character XML cannot hold is written as visible \x01
    r.append(t)
    return r


RUN_WRAPPERS = {"ins": "w:ins", "del": "w:del", "move-from": "w:moveFrom", "move-to": "w:moveTo"}


def paragraph_xml(para: Paragraph, style: str | None, ids: Ids, date: str, comment_ids: list[int],
                  move_ranges: dict[str, str]):
    p = OxmlElement("w:p")
    ppr = OxmlElement("w:pPr")
    if style:
        pstyle = OxmlElement("w:pStyle")
        pstyle.set(qn("w:val"), style)
        ppr.append(pstyle)
    if para.mark_op != "eq":
        rpr = OxmlElement("w:rPr")
        rpr.append(_revision(RUN_WRAPPERS[para.mark_op], ids, date))
        ppr.append(rpr)
    if len(ppr):
        p.append(ppr)
    for item in para.items:
        if item[0] == "run":
            _, op, text, _move = item
            r = _text_run(text, deleted=(op == "del"))
            if op == "eq":
                p.append(r)
            else:
                wrapper = _revision(RUN_WRAPPERS[op], ids, date)
                wrapper.append(r)
                p.append(wrapper)
            continue
        _, kind, ref = item
        if kind == "comment-start" or kind == "comment-end":
            tag = "w:commentRangeStart" if kind == "comment-start" else "w:commentRangeEnd"
            marker = OxmlElement(tag)
            marker.set(qn("w:id"), str(comment_ids[ref]))
            p.append(marker)
            if kind == "comment-end":
                reference = OxmlElement("w:r")  # no rStyle: the default template has no CommentReference style
                ref_el = OxmlElement("w:commentReference")
                ref_el.set(qn("w:id"), str(comment_ids[ref]))
                reference.append(ref_el)
                p.append(reference)
            continue
        side, edge = kind.rsplit("-", 1)  # "move-from-start" → ("move-from", "start")
        tag = {"move-from": "w:moveFromRange", "move-to": "w:moveToRange"}[side] + ("Start" if edge == "start" else "End")
        key = f"{side}:{ref}"
        marker = OxmlElement(tag)
        if edge == "start":
            move_ranges[key] = ids()
            marker.set(qn("w:id"), move_ranges[key])
            marker.set(qn("w:author"), AUTHOR)
            marker.set(qn("w:date"), date)
            marker.set(qn("w:name"), ref)
        else:
            marker.set(qn("w:id"), move_ranges[key])
        p.append(marker)
    return p


# ------------------------------------------------------------------ styles


def heading_starts(doc: Document) -> dict[int, int]:
    """Offsets where a clause heading starts → Word heading level (1 for 一、, 2 for （一） …)."""
    out = {}
    for clause in doc.walk():
        if clause.scheme == "preamble" or not clause.id:
            continue
        start = clause.span[0]
        line_end = doc.text.find("\n", start)
        line = doc.text[start : line_end if line_end >= 0 else len(doc.text)]
        depth = clause.id.count(".")
        if len(line) <= HEADING_LINE_MAX and (clause.children or depth == 0):
            out[start] = min(depth + 1, 9)
    return out


def style_headings(word) -> None:
    """Heading styles in 黑体, black: the default template's blue Calibri looks foreign in a 公文."""
    for level in range(1, 10):
        try:
            style = word.styles[f"Heading {level}"]
        except KeyError:
            continue
        set_font(style, HEADING_FONT)
        style.font.color.rgb = RGBColor(0, 0, 0)
        style.font.size = Pt(max(16 - 1.5 * level, 10.5))


def track_revisions(word) -> None:
    """Turn on Track Changes, so the reviewer's own edits are tracked too (after w:proofState / w:zoom)."""
    settings = word.settings.element
    if settings.find(qn("w:trackRevisions")) is not None:
        return
    element = OxmlElement("w:trackRevisions")
    anchor = None
    for tag in ("w:proofState", "w:zoom", "w:removePersonalInformation", "w:view", "w:writeProtection"):
        anchor = settings.find(qn(tag))
        if anchor is not None:
            break
    if anchor is not None:
        anchor.addnext(element)
    else:
        settings.insert(0, element)


# ------------------------------------------------------------------ whole


def dashboard(word, result: DiffResult, old_doc: Document, new_doc: Document) -> None:
    """The first page: the two documents, counts per label, the target-change table, how to read the rest."""
    # only the view's head and dashboard: the clause rows (build_view) cost time on a long law and are not shown
    headings = COLUMN_HEADINGS.get(result.mode, COLUMN_HEADINGS["version"])
    old_card = card("old", headings[0], old_doc.metadata, result.old.ref, result.old.title)
    new_card = card("new", headings[1], new_doc.metadata, result.new.ref, result.new.title)
    counts = target_counts(result)
    words = target_words(result.mode)
    heading(word, new_card.title, 15, WD_ALIGN_PARAGRAPH.CENTER)
    heading(word, f"修订稿（{mode_words(result.mode, old_doc.metadata, new_doc.metadata)}）", 12, WD_ALIGN_PARAGRAPH.CENTER)
    document_lines(word, (old_card, new_card))
    heading(word, "指标变化", 12)
    line = word.add_paragraph()
    run(line, "　".join(f"{words[key].icon}{words[key].zh} {counts[key]}" for key in TARGET_LABELS))
    changed = [t for t in dashboard_rows(result) if t.change != "unchanged"]
    if changed:
        widths = [2.4, 3.4, 3.3, 3.3, 1.8, 2.8]
        tbl = table(word, ["条款", "指标", headings[0], headings[1], "判断", "理由"], widths)
        for t in changed:
            cells = add_row(tbl, widths).cells
            for cell, text in zip(cells, [t.clause, t.indicator or "—", t.old, t.new, f"{t.label.icon}{t.label.zh}",
                                          "；".join(t.reasons)]):
                run(cell.paragraphs[0], text, size=9)
    note = word.add_paragraph()
    run(note, "下页起为修改后全文，修改处以修订标记（作者 tracker）标出：接受全部修订即得修改后文本，拒绝全部修订即得修改前文本；"
              "每项指标变化附批注（判断及理由）。条款整体移动且未修改的，标为移动；移动且修改的，标为原位置删除、新位置插入并附批注。",
        color=MUTED, size=9)
    note.add_run().add_break(WD_BREAK.PAGE)


def revision_time(date: dt.datetime | None) -> dt.datetime:
    """The revisions' date in UTC, to the second; now when none is given."""
    return (date or dt.datetime.now(dt.timezone.utc)).astimezone(dt.timezone.utc).replace(microsecond=0)


def build(result: DiffResult, old_doc: Document, new_doc: Document, date: dt.datetime | None = None):
    when = revision_time(date)
    stamp = when.strftime("%Y-%m-%dT%H:%M:%SZ")
    stream = build_stream(result, old_doc, new_doc)
    word = WordDocument()
    setup(word)
    style_headings(word)
    dashboard(word, result, old_doc, new_doc)
    comment_ids = []
    for note in stream.notes:
        comment = word.comments.add_comment(neutralise(note.text), author=AUTHOR, initials=INITIALS)
        comment._comment_elm.date = when
        comment_ids.append(comment.comment_id)
    ids = Ids()
    old_heads, new_heads = heading_starts(old_doc), heading_starts(new_doc)
    body = word.element.body
    sect = body.find(qn("w:sectPr"))
    move_ranges: dict[str, str] = {}
    paras = paragraphs(stream)
    for n, para in enumerate(paras):
        level = new_heads.get(para.new_at) if para.new_at is not None else None
        if level is None and para.old_at is not None:
            level = old_heads.get(para.old_at)
        p = paragraph_xml(para, f"Heading{level}" if level else None, ids, stamp, comment_ids, move_ranges)
        if n == 0:
            start = OxmlElement("w:bookmarkStart")
            start.set(qn("w:id"), str(FIRST_REVISION_ID))
            start.set(qn("w:name"), BODY_BOOKMARK)
            p.insert(1 if p.find(qn("w:pPr")) is not None else 0, start)
        if n == len(paras) - 1:
            end = OxmlElement("w:bookmarkEnd")
            end.set(qn("w:id"), str(FIRST_REVISION_ID))
            p.append(end)
        sect.addprevious(p)
    track_revisions(word)
    props = word.core_properties
    props.author = AUTHOR
    props.title = neutralise(f"{new_doc.metadata.title or ''}（修订稿）")
    props.created = props.modified = when.replace(tzinfo=None)
    props.comments = "tracker redline"
    return word


def repack(data: bytes, when: dt.datetime) -> bytes:
    """The same parts with every zip entry stamped ``when``: one diff and date give the same bytes.

    (The zip writer stamps entries with the clock, so a regenerated demo
    redline would otherwise differ every run.)
    """
    stamp = when.timetuple()[:6]
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = info.external_attr
            target.writestr(entry, source.read(info.filename))
    return out.getvalue()


def render_redline(result: DiffResult, old_doc: Document, new_doc: Document,
                   path: str | os.PathLike | None = None, date: dt.datetime | None = None) -> bytes:
    """The redline .docx's bytes (also written to ``path`` when given); ``date`` stamps every revision."""
    if old_doc is None or new_doc is None:
        raise ValueError("a redline needs both documents' texts")
    when = revision_time(date)
    buffer = io.BytesIO()
    build(result, old_doc, new_doc, when).save(buffer)
    data = repack(buffer.getvalue(), when)
    if path is not None:
        with open(path, "wb") as handle:
            handle.write(data)
    return data
