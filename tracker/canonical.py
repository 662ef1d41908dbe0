"""The canonical text of a stored document: one clause per block, one sentence per line.

``git diff`` and ``git blame`` work line by line, so the stored form puts every
sentence on its own line and every clause under a header naming its number
path. Loading never re-segments: the headers *are* the clause tree, and the
exact cleaned text (``Document.text``) is rebuilt from the pieces, so target
offsets computed on a loaded document equal those of the freshly read one.

Format (``tracker.canonical/1``)::

    §format tracker.canonical/1
    §head                          text before the first clause
    友谊县关于推进基本养老服务体系建设的实施方案
    <empty line = a line break of the text>
    § 一                           a clause header: one § per tree level, a space, the id
    §label "一"                    attributes: § + lowercase key + space + JSON value
    §scheme "chinese"
    §before "一、"                 text of Document.text between the clause's span
    总体要求。                     start and its own text; then the own text, one
    以习近平……                     sentence per line (split after 。！？；)
    §tail                          optional: text after the own text when it is
    （责任单位：县民政局）         more than the usual single line break

Why no sentence can be taken for a header: every structural line starts with
``§``; a text line that starts with ``§`` or ``\\`` (or has trailing blanks or
control characters an editor could eat) is written as ``\\`` + a JSON string.
Lines are split on ``\\n`` only.
"""
from __future__ import annotations

import json
import re
from dataclasses import replace

from tracker.cues import SENTENCE_ENDS
from tracker.model import Clause, Document, Metadata, Responsibility

FORMAT = "tracker.canonical/1"

#: a sentence ends after one of these, with any closing quotes/brackets that follow
SENTENCE_END = re.compile(rf"[{SENTENCE_ENDS}]+[”’」』）】》\)]*")
#: characters that force a text line into its escaped JSON form
UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\x85\u2028\u2029]|\s$")
HEADER = re.compile(r"^(§+) (.+)$")
ATTRIBUTE = re.compile(r"^§([a-z]+)(?: (.*))?$")
#: sections whose lines are text, not the clause's own text


# ------------------------------------------------------------- text lines


def sentences(paragraph: str) -> list[str]:
    """Cut one line of text after each sentence end, keeping the punctuation."""
    out, start = [], 0
    for match in SENTENCE_END.finditer(paragraph):
        out.append(paragraph[start : match.end()])
        start = match.end()
    if start < len(paragraph):
        out.append(paragraph[start:])
    return out


def text_to_lines(text: str) -> list[str]:
    """Sentences one per line; each line break of ``text`` becomes an empty line.

    Sentence lines are never empty, so the encoding is reversible by
    :func:`lines_to_text`.
    """
    lines: list[str] = []
    for i, paragraph in enumerate(text.split("\n")):
        if i:
            lines.append("")
        lines.extend(sentences(paragraph))
    return lines


def lines_to_text(lines: list[str]) -> str:
    return "".join(line if line else "\n" for line in lines)


def _escape(line: str) -> str:
    if line.startswith(("§", "\\")) or UNSAFE.search(line):
        return "\\" + json.dumps(line, ensure_ascii=False)
    return line


def _unescape(line: str) -> str:
    if line.startswith("\\"):
        return json.loads(line[1:])
    return line


def _first_sentence(text: str) -> str:
    lines = text_to_lines(text)
    return lines[0] if lines else ""


# ------------------------------------------------------------------ layout


def _locate(document: Document) -> list[tuple[Clause, int]]:
    """Where each clause's own text sits in ``document.text``, in walk order.

    Returns (clause, offset) with offset -1 when the text is not found after
    the previous clause (a segmenter that rewrote it); such a block carries its
    source piece verbatim.
    """
    out, cursor, text = [], 0, document.text
    for clause in document.walk():
        start = max(cursor, clause.span[0]) if clause.span[1] >= clause.span[0] > 0 else cursor
        at = text.find(clause.text, start)
        if at < 0 and start > cursor:
            at = text.find(clause.text, cursor)
        out.append((clause, at))
        if at >= 0:
            cursor = at + len(clause.text)
    return out


def _bounds(document: Document, located: list[tuple[Clause, int]]) -> list[int]:
    """Piece boundaries: block i owns ``text[bounds[i]:bounds[i+1]]``.

    The gap between two own texts is cut at the next clause's span start (its
    label) when that lies inside the gap, else after the gap's last line break.
    A clause whose own text was not found owns everything up to the next
    located own text (its piece is then stored verbatim).
    """
    text, bounds, previous_end = document.text, [], 0
    for i, (clause, at) in enumerate(located):
        if at < 0:
            following = next((a for _, a in located[i + 1 :] if a >= 0), len(text))
            bounds.append(min(max(previous_end, clause.span[0]), following))
            previous_end = following
            continue
        gap = text[previous_end:at]
        if 0 <= clause.span[0] - previous_end <= len(gap):
            bounds.append(clause.span[0])
        else:
            bounds.append(previous_end + gap.rfind("\n") + 1)
        previous_end = at + len(clause.text)
    bounds.append(len(text))
    return bounds


def _depths(document: Document) -> dict[int, int]:
    depths: dict[int, int] = {}

    def visit(clause: Clause, depth: int):
        depths[id(clause)] = depth
        for child in clause.children:
            visit(child, depth + 1)

    for top in document.clauses:
        visit(top, 0)
    return depths


def _last_descendant(clause: Clause) -> Clause:
    while clause.children:
        clause = clause.children[-1]
    return clause


def dumps(document: Document) -> str:
    """The canonical text of ``document`` (metadata lives beside it, not here)."""
    located = _locate(document)
    bounds = _bounds(document, located)
    depths = _depths(document)
    own_ends = {id(c): at + len(c.text) for c, at in located if at >= 0}
    text = document.text
    out = [f"§format {FORMAT}"]
    head_end = bounds[0]
    if head_end:
        out.append("§head")
        out.extend(_escape(line) for line in text_to_lines(text[:head_end]))
    for i, (clause, at) in enumerate(located):
        piece = text[bounds[i] : bounds[i + 1]]
        tree_end = own_ends.get(id(_last_descendant(clause)), clause.span[1])
        out.extend(_block(clause, at, depths[id(clause)], piece, bounds[i], tree_end))
    return "\n".join(out) + "\n"


def _block(clause: Clause, at: int, depth: int, piece: str, piece_start: int, tree_end: int) -> list[str]:
    unsafe_id = clause.id != clause.id.strip() or "\n" in clause.id or clause.id.startswith('"') or not clause.id
    header = json.dumps(clause.id, ensure_ascii=False) if unsafe_id else clause.id
    out = ["§" * (depth + 1) + " " + header]

    def attr(key, value):
        out.append(f"§{key} " + json.dumps(value, ensure_ascii=False))

    attr("label", clause.label)
    attr("scheme", clause.scheme)
    if clause.title != _first_sentence(clause.text):
        attr("title", clause.title)
    if clause.responsibility is not None:
        r = clause.responsibility
        attr("responsibility", {"raw": r.raw, "lead": r.lead, "support": r.support, "deadline": r.deadline})
    if clause.cells is not None:
        attr("cells", clause.cells)
    if at < 0:
        attr("source", piece)
        attr("span", ["abs", clause.span[0] - piece_start, clause.span[1] - piece_start])
        out.extend(_escape(line) for line in text_to_lines(clause.text))
        out.append("§tail")
        return out
    before = piece[: at - piece_start]
    own_end = at + len(clause.text)
    tail = piece[own_end - piece_start :]
    if before:
        attr("before", before)
    span = _span_attribute(clause.span, piece_start, piece_start + len(piece.rstrip("\n")), at, own_end, tree_end)
    if span is not None:
        attr("span", span)
    if clause.text.endswith("\n") or tail not in ("", "\n"):
        out.extend(_escape(line) for line in text_to_lines(clause.text))
        out.append("§tail")
        out.extend(_escape(line) for line in text_to_lines(tail))
    else:
        out.extend(_escape(line) for line in text_to_lines(clause.text + tail))
    return out


def _span_attribute(span, piece_start, piece_end, at, own_end, tree_end):
    """None for the default span, else ``[start - own start, anchor, end - anchor end]``.

    Default: the block's piece (label, own text, responsibility bracket)
    without its closing line breaks. Storing deltas, not offsets, keeps spans
    right after a hand edit of the text.
    """
    start, end = span
    if start == piece_start and end == piece_end:
        return None
    if abs(end - own_end) <= abs(end - tree_end):
        return [start - at, "own", end - own_end]
    return [start - at, "tree", end - tree_end]


# -------------------------------------------------------------------- load


def loads(text: str, metadata: Metadata, source: str = "") -> Document:
    """Rebuild the Document that :func:`dumps` wrote: same clause tree, same text, same spans."""
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if not lines or lines[0] != f"§format {FORMAT}":
        raise ValueError(f"not a {FORMAT} text (first line must be '§format {FORMAT}')")
    blocks, head = _parse_blocks(lines[1:])
    pieces = [lines_to_text(head)]
    position = len(pieces[0])
    roots: list[Clause] = []
    stack: list[Clause] = []
    pending_spans: list[tuple[Clause, object, int, int]] = []
    piece_of: dict[int, str] = {}
    for block in blocks:
        clause, piece, own_start, span_spec = _build(block, position)
        pieces.append(piece)
        depth = block["depth"]
        if depth > len(stack):
            raise ValueError(f"clause {clause.id!r} is nested {depth} levels below a parent at level {len(stack) - 1}")
        del stack[depth:]
        (stack[-1].children if stack else roots).append(clause)
        stack.append(clause)
        pending_spans.append((clause, span_spec, position, own_start))
        piece_of[id(clause)] = piece
        position += len(piece)
    own_end = {id(c): own + len(c.text) for c, _, _, own in pending_spans}
    spans: dict[int, tuple[int, int]] = {}
    for clause, spec, piece_start, own in pending_spans:
        last = _last_descendant(clause)
        if spec is None:
            spans[id(clause)] = (piece_start, piece_start + len(piece_of[id(clause)].rstrip("\n")))
        elif spec[0] == "abs":
            spans[id(clause)] = (piece_start + spec[1], piece_start + spec[2])
        else:
            start_delta, anchor, end_delta = spec
            anchor_end = own_end[id(clause)] if anchor == "own" else own_end[id(last)]
            spans[id(clause)] = (own + start_delta, anchor_end + end_delta)
    clauses = [_with_spans(root, spans) for root in roots]
    return Document(metadata=metadata, clauses=clauses, text="".join(pieces), source=source)


def _with_spans(clause: Clause, spans: dict[int, tuple[int, int]]) -> Clause:
    """The clause (and its subtree) with the spans worked out once the whole text is known."""
    return replace(clause, span=spans[id(clause)], children=[_with_spans(c, spans) for c in clause.children])


def _parse_blocks(lines: list[str]):
    """Group lines into (head lines, [block dicts]); text lines are unescaped here."""
    head: list[str] = []
    blocks: list[dict] = []
    section = head
    for number, line in enumerate(lines, start=2):
        if not line.startswith("§"):
            section.append(_unescape(line))
            continue
        header = HEADER.match(line)
        if header:
            raw_id = header.group(2)
            clause_id = json.loads(raw_id) if raw_id.startswith('"') else raw_id
            block = {"depth": len(header.group(1)) - 1, "id": clause_id, "attrs": {}, "body": [], "tail": None}
            blocks.append(block)
            section = block["body"]
            continue
        attribute = ATTRIBUTE.match(line)
        if not attribute:
            raise ValueError(f"line {number}: a line starting with § must be a header or an attribute")
        key, value = attribute.groups()
        if key == "head":
            section = head
        elif key == "tail":
            if not blocks:
                raise ValueError(f"line {number}: §tail before any clause")
            blocks[-1]["tail"] = []
            section = blocks[-1]["tail"]
        else:
            if not blocks:
                raise ValueError(f"line {number}: attribute §{key} before any clause")
            blocks[-1]["attrs"][key] = json.loads(value) if value is not None else None
    return blocks, head


def _build(block: dict, position: int):
    """One clause from its block, plus its piece of Document.text and span spec."""
    attrs = block["attrs"]
    if block["tail"] is None:
        full = lines_to_text(block["body"])
        own, tail = (full[:-1], "\n") if full.endswith("\n") else (full, "")
    else:
        own, tail = lines_to_text(block["body"]), lines_to_text(block["tail"])
    responsibility = None
    if attrs.get("responsibility") is not None:
        r = attrs["responsibility"]
        responsibility = Responsibility(raw=r["raw"], lead=list(r["lead"]), support=list(r["support"]), deadline=r["deadline"])
    clause = Clause(
        id=block["id"],
        label=attrs.get("label", ""),
        title=attrs["title"] if "title" in attrs else _first_sentence(own),
        text=own,
        scheme=attrs.get("scheme", ""),
        responsibility=responsibility,
        cells=list(attrs["cells"]) if attrs.get("cells") is not None else None,
    )
    if "source" in attrs:
        _, start, end = attrs["span"]
        return clause, attrs["source"], position, ("abs", start, end)
    before = attrs.get("before", "")
    piece = before + own + tail
    span = attrs.get("span")
    return clause, piece, position + len(before), (tuple(span) if span is not None else None)


def annotate(text: str) -> str:
    """The canonical text with every text line prefixed by its clause id (git textconv).

    With this as ``diff.tracker.textconv`` every changed line of ``git diff``
    says which clause it is in; attribute lines pass through unchanged.
    """
    out, current = [], ""
    for line in text.split("\n"):
        header = HEADER.match(line)
        if header:
            raw = header.group(2)
            current = json.loads(raw) if raw.startswith('"') else raw
            out.append(line)
        elif line.startswith("§"):
            out.append(line)
        else:
            out.append(f"{current} │ {_unescape(line)}" if line else line)
    return "\n".join(out)
