"""Character-level inline differences for the 新旧对照表.

Chinese has no spaces, so a word diff sees a whole sentence as one "word";
diff-match-patch works on characters and ``diff_cleanupSemantic`` then merges
the scattered one-character matches back into spans a reader can follow
("到2025年" → "到2027年" shows ``5``→``7``, not a salad of single characters).
"""
from __future__ import annotations

import re
from typing import Iterable, Literal

from diff_match_patch import diff_match_patch

Op = Literal["eq", "del", "ins"]
Segment = tuple[Op, str]

_OPS: dict[int, Op] = {0: "eq", -1: "del", 1: "ins"}

# A clause is a few hundred characters; a generous timeout keeps even a
# pathological pair bounded while leaving ordinary ones fully minimal.
DIFF_TIMEOUT_SECONDS = 2.0


def inline_diff(old: str, new: str) -> list[Segment]:
    """The edit from ``old`` to ``new`` as (op, text) segments, semantically cleaned."""
    if old == new:  # what the engine answers for equal texts (an unchanged clause's duty), without it
        return [("eq", old)] if old else []
    engine = diff_match_patch()
    engine.Diff_Timeout = DIFF_TIMEOUT_SECONDS
    diffs = engine.diff_main(old or "", new or "", False)
    engine.diff_cleanupSemantic(diffs)
    return whole_numbers([(_OPS[op], text) for op, text in diffs if text])


_NUMBER_TAIL = re.compile(r"[0-9０-９.．]+$")
_NUMBER_HEAD = re.compile(r"^[0-9０-９.．]+")
_DIGIT = re.compile(r"[0-9０-９]")


def whole_numbers(segments: list[Segment]) -> list[Segment]:
    """Widen edits that cut through a number so the whole figure is replaced.

    Character diffs turn 2025 → 2026 into 202[5→6] and 50% → 40% into [5→4]0%;
    a reviewer reads figures whole, so the digits on either side of such an
    edit move into both the deletion and the insertion: [2025→2026], [50→40]%.
    """
    blocks: list[list] = []  # [eq_text] or [del_text, ins_text], alternating
    for op, text in segments:
        if op == "eq":
            blocks.append(["eq", text])
        elif blocks and blocks[-1][0] == "chg":
            blocks[-1][1 if op == "del" else 2] += text
        else:
            blocks.append(["chg", text if op == "del" else "", text if op == "ins" else ""])
    for i, block in enumerate(blocks):
        if block[0] != "chg":
            continue
        old, new = block[1], block[2]
        if i > 0 and blocks[i - 1][0] == "eq" and (_DIGIT.match(old[:1]) or _DIGIT.match(new[:1])):
            tail = _NUMBER_TAIL.search(blocks[i - 1][1])
            if tail:
                blocks[i - 1][1] = blocks[i - 1][1][: tail.start()]
                old, new = tail.group() + old, tail.group() + new
        if i + 1 < len(blocks) and blocks[i + 1][0] == "eq" and (_DIGIT.match(old[-1:]) or _DIGIT.match(new[-1:])):
            head = _NUMBER_HEAD.match(blocks[i + 1][1])
            if head:
                blocks[i + 1][1] = blocks[i + 1][1][head.end():]
                old, new = old + head.group(), new + head.group()
        block[1], block[2] = old, new
    out: list[Segment] = []
    for block in blocks:
        if block[0] == "eq":
            if block[1]:
                out.append(("eq", block[1]))
        else:
            if block[1]:
                out.append(("del", block[1]))
            if block[2]:
                out.append(("ins", block[2]))
    return out


def side(segments: Iterable[Segment], which: Literal["old", "new"]) -> list[Segment]:
    """What one column shows: the old side keeps deletions, the new side insertions."""
    drop = "ins" if which == "old" else "del"
    return [(op, text) for op, text in segments if op != drop]


def split_at(segments: list[Segment], lengths: list[int]) -> list[list[Segment]]:
    """Cut one column's segments into pieces of the given text lengths.

    A split (one old clause → several new ones) is diffed as one text against
    the joined parts, so that a sentence moved from one part to the other is
    not reported as deleted and re-inserted; the result is then cut back at
    the part boundaries for display.
    """
    pieces: list[list[Segment]] = []
    queue = list(segments)
    for length in lengths:
        piece: list[Segment] = []
        need = length
        while need > 0 and queue:
            op, text = queue.pop(0)
            if len(text) > need:
                queue.insert(0, (op, text[need:]))
                text = text[:need]
            piece.append((op, text))
            need -= len(text)
        pieces.append(piece)
    if queue and pieces:  # never lose text: anything left over belongs to the last part
        pieces[-1].extend(queue)
    return pieces


def compare_parts(old_parts: list[str], new_parts: list[str]) -> tuple[list[list[Segment]], list[list[Segment]]]:
    """Diff several old texts against several new texts (split / merge), per part.

    Parts are joined without a separator so boundaries cost nothing in the
    diff; the per-side lengths cut the result back into parts.
    """
    segments = inline_diff("".join(old_parts), "".join(new_parts))
    old_side = split_at(side(segments, "old"), [len(p) for p in old_parts])
    new_side = split_at(side(segments, "new"), [len(p) for p in new_parts])
    return old_side, new_side


def changed_share(segments: Iterable[Segment]) -> float:
    """The share of characters that changed: 0.0 for identical texts."""
    total = changed = 0
    for op, text in segments:
        total += len(text)
        if op != "eq":
            changed += len(text)
    return changed / total if total else 0.0
