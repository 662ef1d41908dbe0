"""reports/index.html: every stored document, its versions and parent, and every report.

Takes plain data (lists of dataclasses) rather than a store, so it renders and
is tested without one; the CLI fills it from tracker.store and from the
``tracker-report`` metadata each HTML report carries in its <head>.
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from tracker.render.html import asset, environment, sha256_source, version
from tracker.render.view import LEVEL_WORDS, STATUS_WORDS, target_words


@dataclass
class IndexVersion:
    rev: str
    date: str = ""
    title: str = ""
    status: str = ""


@dataclass
class IndexDocument:
    id: str
    title: str
    level: str = ""
    status: str = ""
    issuer: str = ""
    parent: str | None = None
    versions: list[IndexVersion] = field(default_factory=list)


@dataclass
class IndexReport:
    href: str
    mode: str
    old_title: str
    old_ref: str
    new_title: str
    new_ref: str
    counts: dict[str, int] = field(default_factory=dict)


class _MetaReader(HTMLParser):
    def __init__(self):
        super().__init__()
        self.content: str | None = None

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if tag == "meta" and values.get("name") == "tracker-report":
            self.content = values.get("content")


def read_report(path: str | os.PathLike, relative_to: str | os.PathLike) -> IndexReport | None:
    """A report's summary from its <meta name="tracker-report">, or None for other HTML files."""
    reader = _MetaReader()
    with open(path, encoding="utf-8", errors="replace") as handle:
        reader.feed(handle.read(8192))  # the meta sits in the first lines of <head>
    if not reader.content:
        return None
    try:
        data = json.loads(reader.content)
    except ValueError:
        return None
    return IndexReport(
        href=Path(os.path.relpath(path, relative_to)).as_posix(),
        mode=data.get("mode", "version"),
        old_title=(data.get("old") or {}).get("title") or "",
        old_ref=(data.get("old") or {}).get("ref") or "",
        new_title=(data.get("new") or {}).get("title") or "",
        new_ref=(data.get("new") or {}).get("ref") or "",
        counts={k: int(v) for k, v in (data.get("counts") or {}).items()},
    )


def scan_reports(directory: str | os.PathLike) -> list[IndexReport]:
    """Every report under ``directory`` (index.html itself excluded), by file name."""
    root = Path(directory)
    found = []
    for path in sorted(root.rglob("*.html")):
        if path.resolve() == (root / "index.html").resolve():
            continue
        report = read_report(path, root)
        if report is not None:
            found.append(report)
    return found


def render_index(documents: list[IndexDocument], reports: list[IndexReport]) -> str:
    css = asset("report.css")
    csp = "; ".join(["default-src 'none'", "script-src 'none'", f"style-src {sha256_source(css)}",
                     "img-src data:", "base-uri 'none'", "form-action 'none'", "object-src 'none'"])
    titles = {doc.id: doc.title for doc in documents}
    return environment().get_template("index.html.j2").render(
        documents=documents, reports=reports, titles=titles, css=css, csp=csp, version=version(),
        levels=LEVEL_WORDS, statuses=STATUS_WORDS, words=target_words,
    )
