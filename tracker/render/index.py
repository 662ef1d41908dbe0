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
from tracker.cues import LEVEL_NAMES as LEVEL_WORDS, STATUS_WORDS
from tracker.render.view import target_words


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
    history: str = ""  # href of the document's history page (指标沿革), when there is one


@dataclass
class IndexReport:
    href: str
    mode: str
    old_title: str
    old_ref: str
    new_title: str
    new_ref: str
    counts: dict[str, int] = field(default_factory=dict)
    versions: str = ""  # two versions of one law: 2016年3月16日通过 → 2023年12月29日修正
    redline: str = ""  # href of the pair's Word redline (修订稿), when one was written beside the report


@dataclass
class IndexCorpusPage:
    """An audit matrix or an impact page (``<meta name="tracker-corpus">``)."""

    href: str
    kind: str  # "audit" | "impact"
    parent_title: str
    parent_ref: str
    children: int = 0
    counts: dict[str, int] = field(default_factory=dict)
    old_ref: str = ""
    short: int = 0


class _MetaReader(HTMLParser):
    def __init__(self, name: str = "tracker-report"):
        super().__init__()
        self.name = name
        self.content: str | None = None

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if tag == "meta" and values.get("name") == self.name:
            self.content = values.get("content")


def _read_meta(path, name: str) -> dict | None:
    reader = _MetaReader(name)
    with open(path, encoding="utf-8", errors="replace") as handle:
        reader.feed(handle.read(8192))  # the meta sits in the first lines of <head>
    try:
        return json.loads(reader.content) if reader.content else None
    except ValueError:
        return None


def read_corpus_page(path: str | os.PathLike, relative_to: str | os.PathLike) -> IndexCorpusPage | None:
    data = _read_meta(path, "tracker-corpus")
    if not data or data.get("kind") not in ("audit", "impact"):
        return None
    parent = data.get("parent") or {}
    return IndexCorpusPage(
        href=Path(os.path.relpath(path, relative_to)).as_posix(), kind=data["kind"],
        parent_title=parent.get("title") or "", parent_ref=parent.get("ref") or "",
        children=int(data.get("children") or 0), counts={k: int(v) for k, v in (data.get("counts") or {}).items()},
        old_ref=data.get("old") or "", short=int(data.get("short") or 0),
    )


def scan_corpus_pages(directory: str | os.PathLike) -> list[IndexCorpusPage]:
    """Every audit and impact page directly in ``directory`` (their children's reports sit in a folder beside them)."""
    root = Path(directory)
    return [page for path in sorted(root.glob("*.html")) if (page := read_corpus_page(path, root)) is not None]


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
        versions=str(data.get("versions") or ""),
    )


def scan_reports(directory: str | os.PathLike) -> list[IndexReport]:
    """Every report under ``directory`` (index.html itself excluded), by file name."""
    root = Path(directory)
    # an audit's children's reports live in the folder named after its page: the audit page lists them
    audit_folders = {root / Path(page.href).with_suffix("") for page in scan_corpus_pages(root) if page.kind == "audit"}
    found = []
    for path in sorted(root.rglob("*.html")):
        if path.resolve() == (root / "index.html").resolve() or any(f in path.parents for f in audit_folders):
            continue
        report = read_report(path, root)
        if report is not None:
            found.append(report)
    return found


def render_index(documents: list[IndexDocument], reports: list[IndexReport],
                 pages: list[IndexCorpusPage] = ()) -> str:
    css = asset("report.css")
    csp = "; ".join(["default-src 'none'", "script-src 'none'", f"style-src {sha256_source(css)}",
                     "img-src data:", "base-uri 'none'", "form-action 'none'", "object-src 'none'"])
    titles = {doc.id: doc.title for doc in documents}
    return environment().get_template("index.html.j2").render(
        documents=documents, reports=reports, pages=list(pages), titles=titles, css=css, csp=csp, version=version(),
        levels=LEVEL_WORDS, statuses=STATUS_WORDS, words=target_words,
    )
