"""The self-contained HTML report.

One file, opened from an email attachment or a shared folder: CSS and script
inline, no fonts or images fetched, and a Content-Security-Policy that allows
nothing but the report's own style and script (by hash). Document text is
untrusted — it comes from web pages — so it is always escaped (autoescape) and
the policy is a second wall should an escaping slip ever happen.
"""
from __future__ import annotations

import base64
import hashlib
import json
from functools import lru_cache
from importlib import resources

import jinja2
from markupsafe import Markup

from tracker.characters import escape_json, neutralise

from tracker.model import DiffResult, Document
from tracker.render.view import ReportView, build_view, clause_words

TEMPLATE_PACKAGE = "tracker"


def version() -> str:
    try:
        from importlib.metadata import version as _version

        return _version("tracker")
    except Exception:  # running from a checkout that is not installed
        return "dev"


@lru_cache(maxsize=None)
def asset(name: str) -> str:
    """A static file from tracker/templates (package data)."""
    return resources.files(TEMPLATE_PACKAGE).joinpath("templates", name).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    """Autoescape on for every template, whatever its extension: all text is untrusted."""
    return jinja2.Environment(
        loader=jinja2.PackageLoader(TEMPLATE_PACKAGE, "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=False,
        lstrip_blocks=False,
        keep_trailing_newline=True,
    )


def sha256_source(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def content_security_policy(css: str, script: str) -> str:
    """Nothing from the network, no script or style but the report's own (by hash)."""
    return "; ".join([
        "default-src 'none'",
        f"script-src {sha256_source(script)}",
        f"style-src {sha256_source(css)}",
        "img-src data:",
        "font-src 'none'",
        "connect-src 'none'",
        "base-uri 'none'",
        "form-action 'none'",
        "object-src 'none'",
    ])


def report_meta(view: ReportView) -> str:
    """A small JSON summary in a <meta>, so an index can list reports without parsing them."""
    summary = {
        "mode": view.mode,
        "old": {"title": view.old.title, "ref": view.old.ref},
        "new": {"title": view.new.title, "ref": view.new.ref},
        "counts": view.counts,
    }
    if view.versions:
        summary["versions"] = view.versions  # the index says which versions of a law are compared
    return escape_json(json.dumps(summary, ensure_ascii=False, sort_keys=True))


# ------------------------------------------------------------ the comparison table's rows
# One row per clause: a 50,000-clause pair has 50,000 of them, and rendering each through
# four nested Jinja macros (row, cell, segments, badge) took ~90 µs a row, most of the
# report's time. The row is written here instead, escaped exactly as autoescape escapes.


def _esc(value) -> str:
    """What Jinja's autoescape prints for ``value`` (markupsafe.escape: & < > " ' as entities), as a plain
    str: markupsafe's own escape builds a Markup object per call, a second of a 50,000-row report's time.
    A test holds the two equal on hostile text."""
    return (str(value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&#34;").replace("'", "&#39;"))


@lru_cache(maxsize=64)
def _badge(label) -> str:
    """A label's badge; a report has a handful of labels and a row for each of thousands of clauses."""
    return (f'<span class="badge lbl-{_esc(label.key)}" title="{_esc(label.en)}"><span class="i" aria-hidden="true">'
            f"{_esc(label.icon)}</span>{_esc(label.zh)}</span>")


_SEGMENT_TAGS = {"del": ("<del>", "</del>"), "ins": ("<ins>", "</ins>")}


def _segments(segments) -> str:
    out = []
    for op, text in segments:
        opening, closing = _SEGMENT_TAGS.get(op, ("", ""))
        out.append(f"{opening}{_esc(text)}{closing}")
    return "".join(out)


def _cell(parts) -> str:
    if not parts:
        return '<span class="none">（无对应条款）</span>'
    out = []
    for part in parts:
        anchor = _esc(part.anchor)
        duty = f'<span class="duty">{_segments(part.duty)}</span>' if part.duty else ""
        out.append(f'<div class="part{" heading" if part.heading else ""}" id="{anchor}">\n'
                   f'<p><span class="no"><a href="#{anchor}" title="条款链接">{_esc(part.clause_id)}</a></span>'
                   f"{_segments(part.segments)}</p>{duty}\n</div>")
    return "".join(out)


def _links(links) -> str:
    return ('<div class="links">' + "".join(f'<a href="#{_esc(k.anchor)}">{_esc(k.text)}</a>' for k in links)
            + "</div>")


def row_html(row) -> Markup:
    """One row of the comparison table (新旧对照表): marks, old clause(s), new clause(s)."""
    classes = (f"row d{min(row.depth, 3)} lbl-{_esc(row.label.key)}{' changed' if row.changed else ' is-unchanged'}"
               f"{' heading' if row.heading else ''}{' has-targets' if row.has_targets else ' no-targets'}")
    targets = ('<div class="tb"><span class="cap">指标</span>' + "".join(_badge(k) for k in row.shown_target_labels)
               + "</div>") if row.target_labels else ""
    moved_from = row.change == "moved-from"
    remarks = f'<p class="remark">{"".join(_esc(r) for r in row.remarks)}</p>' if row.remarks else ""
    notes = ('<ul class="notes">' + "".join(f"<li>责任单位：{_esc(n)}</li>" for n in row.notes) + "</ul>"
             if row.notes else "")
    return Markup(
        f'<tr class="{classes}" id="{_esc(row.anchor)}" data-change="{_esc(row.change)}" '
        f'data-targets="{len(row.target_labels)}">\n'
        f'<td class="mark">{_badge(row.label)}{targets}</td>\n'
        f'<td class="text old">{_cell(row.old)}{_links(row.links) if moved_from and row.links else ""}</td>\n'
        f'<td class="text new">{_cell(row.new)}{remarks}{notes}'
        f'{_links(row.links) if row.links and not moved_from else ""}\n</td>\n</tr>'
    )


def target_rows_html(rows) -> Markup:
    """The rows of a target table (指标变化), written like the comparison rows: one Jinja macro
    a row cost ~20 µs, a third of a second for the 15,000 targets of a 19 MB revision."""
    out = []
    for t in rows:
        change, clause = _esc(t.change), _esc(t.clause)
        where = f'<a href="#{_esc(t.anchor)}">{clause}</a>' if t.anchor else clause
        scope = f'<span class="scope">{_esc(t.scope)}</span>' if t.scope else ""
        reasons = "<ul>" + "".join(f"<li>{_esc(r)}</li>" for r in t.reasons) + "</ul>" if t.reasons else ""
        out.append(f'\n<tr class="is-{change}" data-change="{change}">\n'
                   f'<td class="clause">{where}</td>\n'
                   f'<td><span class="ind">{_esc(t.indicator or "—")}</span>{scope}</td>\n'
                   f'<td class="num old" title="{_esc(t.old_text)}">{_esc(t.old)}</td>\n'
                   f'<td class="num new" title="{_esc(t.new_text)}">{_esc(t.new)}</td>\n'
                   f"<td>{_badge(t.label)}</td>\n"
                   f"<td>{reasons}</td>\n</tr>")
    return Markup("".join(out))


def render_template(template: jinja2.Template, **values) -> str:
    """``template.render(**values)``, with the template's context let go of when it is done.

    A template that defines macros keeps its context in a reference cycle (each macro
    points back at the context that holds it), and with it every value it was given:
    the view of a 50,000-row report, 900,000 objects, then waits for the cycle
    collector, whose next pass after a command walked all of them (0.3 s of a 19 MB
    report). Emptying the context's variables breaks the cycle, so the view goes
    when its owner drops it.
    """
    context = template.new_context(values)
    try:
        return template.environment.concat(template.root_render_func(context))
    except Exception:
        template.environment.handle_exception()
    finally:
        context.vars.clear()


def render_view(view: ReportView, history_href: str | None = None, redline_href: str | None = None) -> str:
    css, script = asset("report.css"), asset("report.js")
    template = environment().get_template("report.html.j2")
    return render_template(
        template,
        view=view,
        css=css,
        script=script,
        csp=content_security_policy(css, script),
        meta_json=report_meta(view),
        clause_words=clause_words(view.mode),
        version=version(),
        history_href=history_href,
        redline_href=redline_href,
        row_html=row_html,
        target_rows_html=target_rows_html,
    )


def render_html(result: DiffResult, old_doc: Document | None = None, new_doc: Document | None = None,
                history_href: str | None = None, redline_href: str | None = None) -> str:
    """The whole report as one HTML string; links to the document's history page (指标沿革) and to the
    Word redline (修订稿) of the same pair when their hrefs are given. Control and bidi characters of
    the text are shown as ``\\x01``/``\\u202e``."""
    return neutralise(render_view(build_view(result, old_doc, new_doc), history_href, redline_href))
