"""The report as Markdown, for terminals and pull-request comments.

Document text is data: every character that Markdown or the HTML a Markdown
renderer allows could read as syntax is escaped, so a clause reading
``[点此](javascript:…)`` or ``<script>`` shows as those characters. Insertions
and deletions use ``<ins>``/``<del>`` (our own tags, never the document's):
``**``/``~~`` next to Chinese punctuation often fail CommonMark's flanking
rules and would show as stray asterisks.
"""
from __future__ import annotations

import re

from tracker.characters import neutralise
from tracker.model import DiffResult, Document
from tracker.render.inline import Segment
from tracker.render.view import DocCard, ReportView, Row, build_view, clause_words

_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_MARKUP = re.compile(r"([\\`*_\[\]{}|~#!])")


#: only these start markup: "<" before a tag name, "/", "!" or "?"; "&" before an entity name
_LIVE_HTML = re.compile(r"<(?=[A-Za-z/!?])|&(?=#?[A-Za-z0-9]+;)")


def escape(text: str | None) -> str:
    """Text that renders as itself in CommonMark/GFM, tables included, on one line.

    A "<" or "&" that cannot start markup (<90%, A&B) stays as written, so the
    raw Markdown pasted into a comment still reads well.
    """
    if not text:
        return ""
    text = _LIVE_HTML.sub(lambda m: _ENTITIES[m.group()], text)
    text = _MARKUP.sub(r"\\\1", text)
    return re.sub(r"\s*\n\s*", " ", text)


def segments(items: list[Segment]) -> str:
    out = []
    for op, text in items:
        if op == "del":
            out.append(f"<del>{escape(text)}</del>")
        elif op == "ins":
            out.append(f"<ins>{escape(text)}</ins>")
        else:
            out.append(escape(text))
    return "".join(out)


def doc_line(doc: DocCard) -> str:
    facts = [doc.issuer, doc.number, doc.level, doc.date, doc.status, f"版本 {doc.ref}" if doc.ref else ""]
    facts_text = "，".join(escape(f) for f in facts if f)
    return f"- **{doc.role}**：《{escape(doc.title)}》" + (f"（{facts_text}）" if facts_text else "")


def dashboard(view: ReportView) -> list[str]:
    counts = " · ".join(f"{l.icon} {l.zh} **{view.counts[l.key]}**" for l in view.count_labels)
    lines = ["## 指标变化", "", counts, ""]
    changed = [t for t in view.dashboard if t.change != "unchanged"]
    if not changed:
        return lines + ["没有变化的指标。", ""]
    for group in view.groups:
        if not group.rows:
            continue
        if group.heading:
            lines += [f"### {group.heading}（{len(group.rows)} 项）", ""]
        lines += [f"| 条款 | 指标 | {view.headings[0]} | {view.headings[1]} | 判断 | 理由 |", "|---|---|---|---|---|---|"]
        for t in group.rows:
            reasons = "；".join(escape(r) for r in t.reasons)
            lines.append(f"| {escape(t.clause)} | {escape(t.indicator) or '—'} | {escape(t.old)} | {escape(t.new)} | "
                         f"{t.label.icon} {t.label.zh} | {reasons} |")
        lines.append("")
    unchanged = len(view.dashboard) - len(changed)
    if unchanged:
        lines += [f"另有未变指标 {unchanged} 项。"]
    return lines + [""]


def row_block(row: Row, view: ReportView) -> list[str]:
    ids = " / ".join(escape(p.clause_id) for p in (row.new or row.old))
    if row.change in ("split", "merged", "moved") and row.old and row.new:
        ids = f"{' + '.join(escape(p.clause_id) for p in row.old)} → {' + '.join(escape(p.clause_id) for p in row.new)}"
    tags = "".join(f" {l.icon}{l.zh}" for l in row.target_labels if l.key != "unchanged")
    lines = [f"### {row.label.icon} {row.label.zh} {ids}" + (f"（指标：{tags.strip()}）" if tags else ""), ""]
    for heading, parts in ((view.headings[0], row.old), (view.headings[1], row.new)):
        if not parts:
            lines.append(f"- {heading}：（无对应条款）")
        for part in parts:
            duty = f" {segments(part.duty)}" if part.duty else ""
            lines.append(f"- {heading} {escape(part.clause_id)}：{segments(part.segments)}{duty}")
    for remark in row.remarks:
        lines.append(f"- 注：{escape(remark)}")
    for note in row.notes:
        lines.append(f"- 责任单位：{escape(note)}")
    return lines + [""]


def render_view(view: ReportView) -> str:
    lines = [f"# {escape(view.heading or view.mode_words)}", "", f"政策文件{view.mode_name}报告", "",
             doc_line(view.old), doc_line(view.new), ""]
    lines += dashboard(view)
    changed = [r for r in view.rows if r.changed and r.change != "moved-from"]
    lines += [f"## 新旧对照（有变化的条款 {len(changed)} 条）", ""]
    words = clause_words(view.mode)
    lines += [" · ".join(f"{words[k].zh if k in words else k} {n}" for k, n in sorted(view.clause_counts.items())), ""]
    for row in changed:
        lines += row_block(row, view)
    unchanged = len([r for r in view.rows if r.change == "unchanged"])
    if unchanged:
        lines.append(f"未变条款 {unchanged} 条从略。")
    return "\n".join(lines).rstrip() + "\n"


def render_markdown(result: DiffResult, old_doc: Document | None = None, new_doc: Document | None = None) -> str:
    """The report as Markdown; control and bidi characters of the text shown as ``\\x01``/``\\u202e``."""
    return neutralise(render_view(build_view(result, old_doc, new_doc)))
