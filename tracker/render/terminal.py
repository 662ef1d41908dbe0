"""Plain terminal renderings of a document and its targets (``tracker show`` / ``targets``)."""
from __future__ import annotations

import unicodedata

from tracker.model import Document, Target


def width(text: str) -> int:
    """Display width: Chinese characters take two columns."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def pad(text: str, columns: int) -> str:
    """Cut or pad ``text`` to ``columns`` display columns."""
    out, used = "", 0
    for ch in text:
        w = width(ch)
        if used + w > columns:
            if out:
                out = out[:-1] + "…"
            break
        out += ch
        used += w
    return out + " " * max(0, columns - width(out))


def render_tree(document: Document, color: bool | None = None) -> str:
    """The clause tree: one line per clause, number path then lead sentence."""
    meta = document.metadata
    lines = [meta.title or "(untitled)"]
    facts = [f for f in (meta.issuer, meta.date, meta.number, meta.level, meta.status) if f]
    if facts:
        lines.append("  ".join(facts))
    for warning in meta.warnings:
        lines.append(f"! {warning}")
    lines.append("")
    for clause in document.walk():
        depth = clause.id.count(".")
        heading = clause.title or clause.text[:40].replace("\n", " ")
        lines.append(f"{'  ' * depth}{clause.id:<{max(1, 14 - 2 * depth)}} {heading}")
        if clause.responsibility is not None:
            r = clause.responsibility
            who = "、".join(r.lead) + (f"（配合：{'、'.join(r.support)}）" if r.support else "")
            when = f"；完成时限：{r.deadline}" if r.deadline else ""
            lines.append(f"{'  ' * depth}{'':<{max(1, 14 - 2 * depth)}}   责任：{who}{when}")
    return "\n".join(lines)


def render_targets(document: Document, targets: list[Target]) -> str:
    """Targets as an aligned table a reviewer can scan."""
    from tracker.jsonio import number

    header = ["clause", "indicator", "cmp", "value", "unit", "per", "deadline", "modality"]
    widths = [14, 30, 5, 14, 6, 10, 10, 9]
    lines = [document.metadata.title or "", ""]
    lines.append(" ".join(pad(h, w) for h, w in zip(header, widths)))
    lines.append(" ".join("-" * w for w in widths))
    for t in targets:
        value = "" if t.value is None else str(number(t.value))
        if t.value_max is not None:
            value += f"–{number(t.value_max)}"
        row = [t.clause, t.indicator or "", t.comparator or "", value, t.unit or "", t.per or "", t.deadline or "", t.modality or ""]
        lines.append(" ".join(pad(str(c), w) for c, w in zip(row, widths)))
    lines.append("")
    lines.append(f"{len(targets)} targets")
    return "\n".join(lines)
