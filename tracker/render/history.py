"""A document's targets across its versions: terminal table, JSON contract and HTML page.

Each cell is the value with its label against the version before
(``55% → 60% ▲ → 60% =``). The HTML page draws, per numeric target, a small
inline SVG line of its values over the versions: no script, no external
resource, so it obeys the reports' Content-Security-Policy and prints as it
shows (presentation attributes and the page's own CSS only: a ``style=``
attribute would be blocked by the policy).
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from tracker.characters import escape_json, neutralise
from tracker.jsonio import target_to_dict
from tracker.render.terminal import pad, width
from tracker.render.view import TARGET_WORDS
from tracker.words import format_number, format_target

if TYPE_CHECKING:  # the history's data is only named here, never built: no import of the layer above
    from tracker.history import History, HistoryCell, HistoryRow

HISTORY_SCHEMA = "tracker.history/1"


# ------------------------------------------------------------------ JSON


def history_to_dict(history: History) -> dict:
    """The ``tracker.history/1`` contract (extra fields: clause, reasons, reasons_zh, dates)."""
    return {
        "schema": HISTORY_SCHEMA,
        "document": {"id": history.doc_id, "title": history.title},
        "versions": list(history.versions),
        "dates": list(history.dates),
        "targets": [
            {
                "indicator": row.indicator,
                "clause": row.latest.clause if row.latest else None,
                "cells": [
                    {"version": cell.version,
                     "target": target_to_dict(cell.target) if cell.target is not None else None,
                     "change": cell.change,
                     "reasons": list(cell.reasons),
                     "reasons_zh": list(cell.reasons_zh)}
                    for cell in row.cells
                ],
            }
            for row in history.rows
        ],
    }


def render_json(history: History) -> str:
    return escape_json(json.dumps(history_to_dict(history), ensure_ascii=False, indent=2)) + "\n"


# ------------------------------------------------------------------ words


def cell_words(cell: HistoryCell) -> str:
    """``≥60% · 2025年底前 ▲`` — the value as written, then the label's icon (none in the first column)."""
    label = TARGET_WORDS.get(cell.change or "")
    if cell.target is None:
        return f"— {label.icon}" if label and cell.change == "dropped" else "·"
    value = format_target(cell.target)
    return f"{value} {label.icon}" if label else value


def version_name(ref: str) -> str:
    return ref.rpartition("@")[2] or ref


# ------------------------------------------------------------------ terminal


INDICATOR_COLUMNS = 26
CELL_COLUMNS = 24


def terminal_cell(cell: HistoryCell) -> str:
    """The value cut to fit, the label's icon always kept at the end."""
    label = TARGET_WORDS.get(cell.change or "")
    icon = label.icon if label else ""
    if cell.target is None:
        value = "—" if cell.change == "dropped" else "·"
    else:
        value = format_target(cell.target)
    if not icon:
        return pad(value, CELL_COLUMNS)
    return pad(pad(value, CELL_COLUMNS - 3).rstrip() + " " + icon, CELL_COLUMNS)


def render_text(history: History, changed_only: bool = False) -> str:
    """One line per target, one column per version; a legend of the icons below (document text neutralised)."""
    rows = [r for r in history.rows if r.changed] if changed_only else list(history.rows)
    head = pad("指标", INDICATOR_COLUMNS) + " " + pad("条款", 12) + " " + " ".join(
        pad(version_name(v), CELL_COLUMNS) for v in history.versions)
    lines = [neutralise(f"{history.title}  ({history.doc_id})"), f"{len(history.versions)} versions, {len(history.rows)} targets"
             + (f", {len(rows)} that changed" if changed_only else ""), "", head.rstrip(),
             "-" * min(width(head), 160)]
    for row in rows:
        clause = row.latest.clause if row.latest else ""
        cells = " ".join(terminal_cell(c) for c in row.cells)
        lines.append(neutralise(pad(neutralise(row.indicator), INDICATOR_COLUMNS) + " " + pad(clause, 12) + " " + cells).rstrip())
    lines.append("")
    lines.append("  ".join(f"{label.icon} {label.zh}" for key, label in TARGET_WORDS.items()) + "  · 无")
    return "\n".join(lines) + "\n"


# ------------------------------------------------------------------ chart


@dataclass(frozen=True)
class Point:
    x: float
    y: float
    label: str
    change: str


@dataclass(frozen=True)
class Chart:
    """An inline SVG line chart's geometry, computed here so the template only draws."""

    width: int
    height: int
    points: tuple[Point, ...]
    segments: tuple[tuple[Point, Point], ...]  # consecutive versions that both have a value
    ticks: tuple[tuple[float, str], ...]  # x position and version name
    unit: str
    low: str
    high: str


CHART_W, CHART_H, PAD_X, PAD_TOP, PAD_BOTTOM = 260, 96, 26, 20, 22


def chart_of(row: HistoryRow, versions: tuple[str, ...]) -> Chart | None:
    """A chart when the row has a numeric value in at least two versions, all in one unit."""
    values: list[tuple[int, Decimal, HistoryCell]] = [
        (k, cell.target.value, cell) for k, cell in enumerate(row.cells)
        if cell.target is not None and cell.target.value is not None
    ]
    units = {cell.target.unit for _, _, cell in values}
    if len(values) < 2 or len(units) != 1:
        return None
    unit = units.pop() or ""
    low, high = min(v for _, v, _ in values), max(v for _, v, _ in values)
    span = high - low
    n = len(versions)

    def x(k: int) -> float:
        return PAD_X + (CHART_W - 2 * PAD_X) * (k / (n - 1) if n > 1 else 0.5)

    def y(v: Decimal) -> float:
        if span == 0:
            return (PAD_TOP + CHART_H - PAD_BOTTOM) / 2
        return PAD_TOP + (CHART_H - PAD_TOP - PAD_BOTTOM) * float((high - v) / span)

    def label(cell: HistoryCell) -> str:
        t = cell.target
        if t.comparator == "range" and t.value_max is not None:
            return f"{format_number(t.value)}–{format_number(t.value_max)}{unit}"
        return f"{format_number(t.value)}{unit}"

    points = tuple(Point(round(x(k), 1), round(y(v), 1), label(cell), cell.change or "first")
                   for k, v, cell in values)
    by_k = {k: p for (k, _, _), p in zip(values, points)}
    segments = tuple((by_k[k], by_k[k + 1]) for k in range(n - 1) if k in by_k and k + 1 in by_k)
    ticks = tuple((round(x(k), 1), version_name(v)) for k, v in enumerate(versions))
    return Chart(CHART_W, CHART_H, points, segments, ticks, unit, format_number(low), format_number(high))


# ------------------------------------------------------------------ HTML


def history_meta(history: History) -> str:
    """A JSON summary in <meta name="tracker-history">, so the index can link the page."""
    return escape_json(json.dumps({"id": history.doc_id, "title": history.title, "versions": list(history.versions),
                                   "targets": len(history.rows)}, ensure_ascii=False, sort_keys=True))


def render_history_html(history: History, reports_href: str = "") -> str:
    """The self-contained history page (CSS inline, no script at all)."""
    from tracker.render.html import asset, environment, sha256_source, version

    css = asset("report.css") + "\n" + asset("history.css")
    csp = "; ".join(["default-src 'none'", "script-src 'none'", f"style-src {sha256_source(css)}", "img-src data:",
                     "font-src 'none'", "connect-src 'none'", "base-uri 'none'", "form-action 'none'",
                     "object-src 'none'"])
    rows = [(row, chart_of(row, history.versions)) for row in history.rows]
    counts = {key: sum(1 for row in history.rows for c in row.cells[1:] if c.change == key) for key in TARGET_WORDS}
    return neutralise(environment().get_template("history.html.j2").render(
        history=history, rows=rows, css=css, csp=csp, version=version(), words=TARGET_WORDS,
        cell_words=cell_words, version_name=version_name, format_target=format_target, counts=counts,
        meta_json=history_meta(history), index_href=reports_href,
    ))
