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


def render_view(view: ReportView, history_href: str | None = None, redline_href: str | None = None) -> str:
    css, script = asset("report.css"), asset("report.js")
    template = environment().get_template("report.html.j2")
    return template.render(
        view=view,
        css=css,
        script=script,
        csp=content_security_policy(css, script),
        meta_json=report_meta(view),
        clause_words=clause_words(view.mode),
        version=version(),
        history_href=history_href,
        redline_href=redline_href,
    )


def render_html(result: DiffResult, old_doc: Document | None = None, new_doc: Document | None = None,
                history_href: str | None = None, redline_href: str | None = None) -> str:
    """The whole report as one HTML string; links to the document's history page (指标沿革) and to the
    Word redline (修订稿) of the same pair when their hrefs are given. Control and bidi characters of
    the text are shown as ``\\x01``/``\\u202e``."""
    return neutralise(render_view(build_view(result, old_doc, new_doc), history_href, redline_href))
