"""Plain terminal renderings: a document, its targets (``tracker show`` / ``targets``) and a diff."""
from __future__ import annotations

import unicodedata

from tracker.characters import neutralise
from tracker.cues import ACT_WORDS
from tracker.model import Document, Target
from tracker.render.view import RULE_WORDS, ReportView
from tracker.words import plain


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
    """The clause tree: one line per clause, number path then lead sentence.

    Every line is neutralised: document text never reaches the terminal as a control sequence.
    """
    meta = document.metadata
    lines = [meta.title or "(untitled)"]
    facts = [f for f in (meta.issuer, meta.date, meta.number, meta.level, meta.status) if f]
    if facts:
        lines.append("  ".join(facts))
    for act in meta.history:  # a law's history: each act with its body, then when it took effect
        lines.append(f"  {act.date} {ACT_WORDS.get(act.kind, act.kind)} {act.body or ''}".rstrip())
    if meta.history and meta.effective:
        lines.append(f"  {meta.effective} 施行")
    for warning in meta.warnings:
        lines.append(f"! {warning}")
    lines.append("")
    for clause in document.walk():
        depth = clause.id.count(".")
        if clause.scheme == "toc":  # a law's table of contents: one block, as printed
            lines.append(clause.id)
            lines.extend(f"  {entry}" for entry in clause.text.split("\n") if entry.strip())
            lines.append("")
            continue
        heading = clause.title or clause.text[:40].replace("\n", " ")
        lines.append(f"{'  ' * depth}{clause.id:<{max(1, 14 - 2 * depth)}} {heading}")
        if clause.responsibility is not None:
            r = clause.responsibility
            who = "、".join(r.lead) + (f"（配合：{'、'.join(r.support)}）" if r.support else "")
            when = f"；完成时限：{r.deadline}" if r.deadline else ""
            lines.append(f"{'  ' * depth}{'':<{max(1, 14 - 2 * depth)}}   责任：{who}{when}")
    return "\n".join(neutralise(line) for line in lines)


def render_targets(document: Document, targets: list[Target]) -> str:
    """Targets as an aligned table a reviewer can scan."""
    header = ["clause", "indicator", "cmp", "value", "unit", "per", "deadline", "modality"]
    widths = [14, 30, 5, 14, 6, 10, 10, 9]
    lines = [neutralise(document.metadata.title or ""), ""]
    lines.append(" ".join(pad(h, w) for h, w in zip(header, widths)))
    lines.append(" ".join("-" * w for w in widths))
    for t in targets:
        value = "" if t.value is None else plain(t.value)
        if t.value_max is not None:
            value += f"–{plain(t.value_max)}"
        row = [t.clause, t.indicator or "", t.comparator or "", value, t.unit or "", t.per or "", t.deadline or "", t.modality or ""]
        lines.append(" ".join(pad(neutralise(str(c)), w) for c, w in zip(row, widths)))
    lines.append("")
    lines.append(f"{len(targets)} targets")
    return "\n".join(lines)


# ------------------------------------------------------------------ diff

#: Colour of each label in the terminal (click.style names); dropped is the line a reviewer must see.
LABEL_STYLE: dict[str, dict] = {
    "tightened": {"fg": "green"},
    "loosened": {"fg": "red"},
    "dropped": {"fg": "red", "bold": True},
    "added": {"fg": "cyan"},
    "mixed": {"fg": "yellow"},
    "changed": {"fg": "magenta"},
    "unchanged": {"dim": True},
    "modified": {"fg": "yellow"},
    "moved": {"fg": "blue"},
    "removed": {"fg": "red"},
    "split": {"fg": "cyan"},
    "merged": {"fg": "cyan"},
}


def _style(text: str, label: str, color: bool | None) -> str:
    if color is False:
        return text
    import click  # the terminal's colours are click's; imported only when a diff is printed

    return click.style(text, **LABEL_STYLE.get(label, {}))


def _ids(parts) -> str:
    return "+".join(p.clause_id for p in parts) or "—"


def render_diff(view: ReportView, *, show_all: bool = False, color: bool | None = None, lang: str = "zh") -> str:
    """Counts per label, each target change on one line, then the clause changes, from the report's view.

    The same view model as the HTML, Markdown and Word reports (tracker.render.view),
    so the terminal lists the same rows in the same order. Reasons are printed in
    Chinese (the reviewer's words) unless ``lang`` is "en". Colour codes are always
    produced here; click.echo strips them when stdout is not a terminal. Every piece
    of document text is neutralised before it is placed beside them, so tracker's
    own colours are the only control sequences printed.
    """
    lines = [neutralise(f"{view.mode} diff: {view.sides[0]} → {view.sides[1]}")]
    lines.append("  ".join(_style(f"{label.key} {view.counts.get(label.key, 0)}", label.key, color) for label in view.count_labels))
    lines.append("")
    lines.append("targets:")
    for row in view.dashboard:
        if row.change == "unchanged" and not show_all:
            continue
        rest = neutralise(f"{row.where}  {row.name}  {row.old_line} → {row.new_line}")
        lines.append(f"  {_style(row.change.ljust(9), row.change, color)} {rest}")
        lines.extend(neutralise(f"      {reason}") for reason in (row.reasons_en if lang == "en" else row.reasons))
    lines.append("")
    lines.append("clauses:")
    for row in view.rows:
        if row.change == "moved-from" or (row.change == "unchanged" and not row.notes and not show_all):
            continue
        extra = f"  similarity {row.similarity:.2f}" if row.similarity is not None else ""
        extra += f"  [{row.rule}]" if row.rule else ""
        ids = neutralise(f"{_ids(row.old)} → {_ids(row.new)}{extra}")
        lines.append(f"  {_style(row.change.ljust(9), row.change, color)} {ids}")
        lines.extend(neutralise(f"      {note}") for note in (row.notes_en if lang == "en" else row.notes))
    if view.rules:
        lines.append("")
        lines.append("paired by: " + "; ".join(f"[{r}] {RULE_WORDS[r][0 if lang == 'en' else 1]}" for r in view.rules))
    return "\n".join(lines)
