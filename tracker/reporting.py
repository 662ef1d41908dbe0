"""Writing reports to disk: one diff as HTML/Markdown/Word, and the reports index.

The ``tracker report`` and ``tracker demo`` commands are thin layers over these.
"""
from __future__ import annotations

import os
from pathlib import Path

from tracker.errors import InputError, StoreError
# one diff as a report file: the format's rendering, its file name, the write (re-exported from here)
from tracker.render.output import EXTENSIONS, check_format, render, report_name, slug, write_atomic  # noqa: F401


def shown_escaped(*documents) -> list[str]:
    """A warning for each document whose text still holds control or bidi characters.

    Cleaning removes them from what it reads; a document stored before that rule
    can hold them, and the report shows them as visible ``\\x01`` escapes.
    """
    from tracker.characters import count_unsafe

    out = []
    for doc in documents:
        if doc is None:
            continue
        count = count_unsafe(doc.text) + count_unsafe(doc.metadata.title or "")
        if count:
            out.append(f"{doc.source or doc.metadata.title}: {count} control or bidi characters shown in the report "
                       "as visible escapes (\\x01, \\u202e)")
    return out


def check_output_path(path: Path, inputs=(), base: Path | None = None) -> None:
    """Refuse a report path that is one of the inputs, or that a symbolic link carries elsewhere.

    ``-o plan.html`` with plan.html as a source would replace the document with
    its own report. A symbolic link among the folders below ``base`` (default:
    the current folder, for a relative path) — a committed ``reports`` link,
    say — would put the report outside the store; an absolute path outside
    ``base`` is what the user typed, taken as meant.
    """
    for ref in inputs:
        source = Path(ref)
        if source.is_file() and path.exists() and os.path.samefile(source, path):
            raise InputError("is an input of this report; refusing to write the report over it", path=str(path))
    if base is None:
        if path.is_absolute():
            return
        base = Path()
    try:
        below = path.parent.relative_to(base).parts
    except ValueError:
        return
    folder = base
    for part in below:
        folder = folder / part
        if folder.is_symlink():
            raise InputError(
                f"is a symbolic link (to {os.readlink(folder)}); tracker writes reports only into a real folder "
                "of the store, never through a link to somewhere else", path=str(folder))


def stored_documents(store) -> list:
    """The store's documents as index rows; none (with a note) when there is no store here."""
    from tracker import store as _store
    from tracker.render.index import IndexDocument, IndexVersion

    try:
        rows = _store.list_documents(store)
    except StoreError:
        return []  # no store here: the index lists reports only
    all_dates = _store.version_dates(store)
    documents = []
    for row in rows:
        dates = all_dates.get(row["id"], {})
        documents.append(IndexDocument(
            id=row["id"], title=row.get("title") or row["id"], level=row.get("level") or "",
            status=row.get("status") or "", issuer=row.get("issuer") or "", parent=row.get("parent"),
            versions=[IndexVersion(rev=label, date=dates.get(label, "")) for label in row.get("versions", [])],
        ))
    return documents


def write_index(path: Path, reports_dir: Path, store) -> None:
    from tracker.render.index import render_index, scan_corpus_pages, scan_reports

    reports = scan_reports(reports_dir) if reports_dir.is_dir() else []
    pages = scan_corpus_pages(reports_dir) if reports_dir.is_dir() else []
    for report_ in reports:  # a pair report's Word redline, when one was written beside it
        redline = redline_path(reports_dir / report_.href)
        if redline.is_file():
            report_.redline = Path(os.path.relpath(redline, path.parent)).as_posix()
    for report_ in [*reports, *pages]:  # links relative to where the index is written
        report_.href = Path(os.path.relpath(reports_dir / report_.href, path.parent)).as_posix()
    documents = stored_documents(store)
    for doc in documents:  # each document's history page (指标沿革), when one was written
        page = history_path(reports_dir, doc.id)
        if page.is_file():
            doc.history = Path(os.path.relpath(page, path.parent)).as_posix()
    write_atomic(path, render_index(documents, reports, pages).encode("utf-8"))


def _refresh_index(page: Path, reports_dir: Path, store) -> None:
    """A page written into the reports folder is listed in its index at once."""
    if page.parent.resolve() == reports_dir.resolve():
        write_index(reports_dir / "index.html", reports_dir, store)


def write_audit_page(parent: str, *, root=None, depth: int = 1, jobs: int | None = None,
                     reports_dir: Path = Path("reports"), output: Path | None = None,
                     progress: bool | None = None) -> Path:
    """The audit matrix as a page, each child's full report in a folder beside it, and the index updated.

    The folder is named after the page (``audit-X.html`` → ``audit-X/``); reports
    of children no longer audited are removed from it, so every file there is current.
    """
    from tracker import store as _store
    from tracker.corpus.audit import audit
    from tracker.corpus.stored import resolve_member
    from tracker.render.corpus import render_audit_html

    member = resolve_member(parent, _store.store_root(root))
    path = output or reports_dir / f"audit-{slug(member.ref)}.html"
    check_output_path(path)  # before stale pages are removed from the folder beside it
    folder = path.with_suffix("")
    result = audit(member.ref, root=root, depth=depth, jobs=jobs, report_dir=folder, progress=progress)
    current = set(result.reports.values())
    for stale in folder.glob("*.html"):
        if stale.name not in current:
            stale.unlink()
    write_atomic(path, render_audit_html(result, children_dir=folder.name).encode("utf-8"))
    _refresh_index(path, reports_dir, root)
    return path


def write_impact_page(new: str, *, since: str | None = None, root=None, depth: int = 1, jobs: int | None = None,
                      reports_dir: Path = Path("reports"), output: Path | None = None,
                      progress: bool | None = None) -> Path:
    """The impact of a parent's revision on its children as a page, and the index updated."""
    from tracker.corpus.impact import impact
    from tracker.render.corpus import render_impact_html

    if output is not None:
        check_output_path(output)
    result = impact(new, since=since, root=root, depth=depth, jobs=jobs, progress=progress)
    path = output or reports_dir / f"impact-{slug(result.new.ref)}.html"
    check_output_path(path)
    write_atomic(path, render_impact_html(result).encode("utf-8"))
    _refresh_index(path, reports_dir, root)
    return path


# ------------------------------------------------------------------ redlines


def redline_path(report: Path) -> Path:
    """The Word redline written beside an HTML pair report: x.html → x-redline.docx."""
    return report.with_name(report.stem + EXTENSIONS["redline"])


def version_date(ref: str, store):
    """A stored version's date (its legal date, else its commit date) as a UTC datetime, or None."""
    import datetime as dt

    from tracker import store as _store

    doc_id, _, label = ref.partition("@")
    try:
        for version in _store.log(doc_id, store):
            if label in version.labels or version.commit.startswith(label or "-"):
                day = dt.date.fromisoformat(version.source_date or version.committed)
                return dt.datetime(day.year, day.month, day.day, tzinfo=dt.timezone.utc)
    except (StoreError, InputError, ValueError):
        return None
    return None


# ------------------------------------------------------------------ history pages

HISTORY_DIR = "history"


def history_path(reports_dir: Path, doc_id: str) -> Path:
    """Where a document's history page lives: reports/history/<id with / as ->.html."""
    return Path(reports_dir) / HISTORY_DIR / f"{slug(doc_id)}.html"


def write_history(history, path: Path, reports_dir: Path | None = None) -> Path:
    """The history page, linking back to the reports index when it sits in the reports folder."""
    from tracker.render.history import render_history_html

    index_href = ""
    if reports_dir is not None:
        index_href = Path(os.path.relpath(Path(reports_dir) / "index.html", path.parent)).as_posix()
    write_atomic(path, render_history_html(history, index_href).encode("utf-8"))
    return path


def stored_pair_id(old_ref: str, new_ref: str) -> str | None:
    """The document id when both references are versions of one stored document, else None."""
    if Path(old_ref).exists() or Path(new_ref).exists() or "@" not in old_ref or "@" not in new_ref:
        return None
    old_id, new_id = old_ref.partition("@")[0], new_ref.partition("@")[0]
    return old_id if old_id == new_id else None


def history_link(old_ref: str, new_ref: str, report_path: Path, reports_dir: Path, store,
                 echo=None) -> str | None:
    """The pair report's link to its document's history page, when the document has more than two versions.

    The page is written first if it is not there yet, so the link never points nowhere.
    """
    from tracker import store as _store

    doc_id = stored_pair_id(old_ref, new_ref)
    if doc_id is None:
        return None
    try:
        count = len(_store.log(doc_id, store))
    except (StoreError, InputError):
        return None
    if count <= 2:
        return None
    page = history_path(reports_dir, doc_id)
    if not page.is_file():
        from tracker.history import history

        write_history(history(doc_id, store), page, reports_dir)
        if echo is not None:
            echo(f"wrote {page}")
    return Path(os.path.relpath(page, report_path.parent)).as_posix()
