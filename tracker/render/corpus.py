"""The corpus pages: the audit matrix (parent targets × children) and the impact of a revision.

Same look and the same safety as the diff report (report.css, a CSP that allows
only the page's own style and script by hash, autoescaped text); the audit adds
its own small stylesheet (sticky header row and first column, A3 landscape
print) and script (filters by label and by child). Plain data in, HTML out:
the pages are rendered and tested without a store.
"""
from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass

from tracker.characters import escape_json, neutralise
from tracker.render.html import asset, content_security_policy, environment, version
from tracker.render.view import DASHBOARD_ORDER, LEVEL_WORDS, Label, anchor_for, reviewer_reasons, target_words
from tracker.words import format_number, format_target

#: the meta a corpus page carries in its <head>, so the index lists it without parsing the page
META_NAME = "tracker-corpus"
#: how a roll-up verdict reads, with its colour class
VERDICT_WORDS: dict[str, tuple[str, str]] = {
    "meets": ("达到", "tightened"), "short": ("不足", "dropped"), "incomplete": ("不完整", "changed"),
}
#: the matrix's label order: worst news first, as in the report's dashboard (no 'added': a parent target is never added)
MATRIX_LABELS: tuple[str, ...] = tuple(k for k in DASHBOARD_ORDER if k != "added")


@dataclass(frozen=True)
class MatrixCell:
    change: str
    label: Label
    figure: str
    href: str
    reasons: str


def _label(key: str) -> Label:
    words = target_words("parent")
    return words.get(key, Label(key, "?", key, key))


def indicator_of(t) -> str:
    return t.indicator or ("（时限）" if t.kind == "deadline" else t.text[:24])


def cell_href(children_dir: str | None, report: str | None, cell, parent_target) -> str:
    """The child's full report, at the child's clause (or the parent's clause when not carried)."""
    if not (children_dir and report):
        return ""
    anchor = anchor_for("new", cell.target.clause) if cell.target is not None else anchor_for("old", parent_target.clause)
    return f"{children_dir}/{report}#{anchor}"


def _reasons(cell) -> str:
    """The reviewer's (Chinese) reasons of a cell, as the report shows them (see view.reviewer_reasons)."""
    return "；".join(reviewer_reasons(cell))


def audit_page_meta(audit) -> str:
    counts = label_counts(audit)
    return escape_json(json.dumps({"kind": "audit", "parent": {"ref": audit.parent.ref, "title": audit.parent.title},
                                   "children": len(audit.children), "counts": counts}, ensure_ascii=False, sort_keys=True))


def label_counts(audit) -> dict[str, int]:
    counts = {k: 0 for k in MATRIX_LABELS}
    for row in audit.rows:
        for cell in row.cells:
            counts[cell.change] = counts.get(cell.change, 0) + 1
    return counts


def render_audit_html(audit, children_dir: str | None = None) -> str:
    """The audit as one self-contained page; ``children_dir`` is where the children's reports are, relative to it."""
    css = asset("report.css") + asset("audit.css")
    script = asset("audit.js")
    matrix = [
        [MatrixCell(c.change, _label(c.change), format_target(c.target) if c.target is not None else "—",
                    cell_href(children_dir, audit.reports.get(c.child), c, row.parent_target), _reasons(c))
         for c in row.cells]
        for row in audit.rows
    ]
    words = target_words("parent")
    return neutralise(environment().get_template("audit.html.j2").render(
        audit=audit, matrix=matrix, css=css, script=script, csp=content_security_policy(css, script),
        meta_json=audit_page_meta(audit), version=version(), labels=[words[k] for k in MATRIX_LABELS],
        counts=label_counts(audit), levels=LEVEL_WORDS, verdicts=VERDICT_WORDS, fmt=format_target,
        indicator=indicator_of, words=words, children_dir=children_dir, num=format_number,
    ))


def render_impact_html(impact) -> str:
    css = asset("report.css") + asset("audit.css")
    script = asset("audit.js")
    meta = escape_json(json.dumps({"kind": "impact", "parent": {"ref": impact.new.ref, "title": impact.new.title},
                                   "old": impact.old.ref, "children": len(impact.children),
                                   "short": sum(1 for c in impact.children if c.falls_short)}, ensure_ascii=False, sort_keys=True))
    return neutralise(environment().get_template("impact.html.j2").render(
        impact=impact, css=css, script=script, csp=content_security_policy(css, script), meta_json=meta,
        version=version(), fmt=format_target, indicator=indicator_of, words=target_words("parent"),
        version_words=target_words("version"), reasons=reviewer_reasons, before_words=_before_words(),
    ))


def _before_words() -> dict[str, Label]:
    return {**target_words("parent"), "absent": Label("absent", "∅", "原无此指标", "absent")}


AUDIT_CSV_COLUMNS = ("parent_clause", "indicator", "parent_target", "child", "child_title", "change", "change_zh",
                     "child_clause", "child_target", "reasons")


def render_audit_csv(audit) -> str:
    """One row per parent target × child, for a spreadsheet (UTF-8 with BOM so Excel reads the Chinese)."""
    titles = {m.ref: m.title or "" for m in audit.children}
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(AUDIT_CSV_COLUMNS)
    for row in audit.rows:
        pt = row.parent_target
        for cell in row.cells:
            writer.writerow([neutralise(str(value)) for value in (
                pt.clause, indicator_of(pt), format_target(pt), cell.child, titles.get(cell.child, ""),
                cell.change, _label(cell.change).zh, cell.target.clause if cell.target else "",
                format_target(cell.target) if cell.target else "", _reasons(cell))])
    return "\ufeff" + out.getvalue()
