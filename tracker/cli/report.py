"""``tracker report``: a reviewer's report of a diff (HTML, Markdown or Word), or the reports index."""
from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

import click

from tracker.cli.common import load, store_option
from tracker.errors import InputError, StoreError

DEFAULT_DIR = "reports"
EXTENSIONS = {"html": ".html", "md": ".md", "docx": ".docx"}


@click.command()
@click.argument("old", metavar="OLD", required=False)
@click.argument("new", metavar="NEW", required=False)
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None,
              help="Where to write it ('-' for stdout); default: reports/OLD__NEW.html (Markdown: stdout).")
@click.option("--parent", is_flag=True, help="OLD is the parent document, NEW implements it.")
@click.option("--against-parent", is_flag=True, help="Report the stored document OLD against its recorded parent.")
@click.option("--format", "fmt", type=click.Choice(list(EXTENSIONS)), default="html", show_default=True)
@click.option("--all", "build_index", is_flag=True, help="Build reports/index.html: every stored document and report.")
@click.option("--reports-dir", type=click.Path(file_okay=False), default=DEFAULT_DIR, show_default=True,
              help="Folder of reports (default output folder and what --all indexes).")
@store_option
def report(old, new, output, parent, against_parent, fmt, build_index, reports_dir, store):
    """Write a self-contained report comparing OLD with NEW (files or stored ID[@VERSION]).

    \b
    Examples:
      tracker report draft.docx final.docx
      tracker report province.pdf county.txt --parent -o reports/county-vs-province.html
      tracker report youyi@draft youyi@final --format md
      tracker report --all
    """
    if build_index:
        if old or new:
            raise InputError("--all builds the index; give it no documents")
        path = Path(output) if output else Path(reports_dir) / "index.html"
        write_index(path, Path(reports_dir), store)
        click.echo(f"wrote {path}")
        return
    from tracker.api import diff as run_diff
    from tracker.cli.diff import _refs

    old_ref, new_ref, mode = _refs(old, new, parent, against_parent, store)
    old_doc, new_doc = load(old_ref, store), load(new_ref, store)
    result = run_diff(old_doc, new_doc, mode=mode, old_ref=old_ref, new_ref=new_ref)
    data = render(fmt, result, old_doc, new_doc)
    if output == "-" or (output is None and fmt == "md"):
        if isinstance(data, bytes):
            raise InputError("a Word report cannot go to stdout; give -o FILE.docx")
        click.echo(data, nl=False)
        return
    path = Path(output) if output else Path(reports_dir) / (report_name(old_ref, new_ref) + EXTENSIONS[fmt])
    write_atomic(path, data if isinstance(data, bytes) else data.encode("utf-8"))
    click.echo(f"wrote {path}")


def render(fmt: str, result, old_doc, new_doc) -> str | bytes:
    from tracker import render as renderers

    if fmt == "md":
        return renderers.render_markdown(result, old_doc, new_doc)
    if fmt == "docx":
        return renderers.render_docx(result, old_doc, new_doc)
    return renderers.render_html(result, old_doc, new_doc)


def slug(ref: str) -> str:
    """A file-name-safe short name for a file path or a stored reference."""
    path = Path(ref)
    base = path.stem if path.suffix else ref
    return re.sub(r"[^\w@.-]+", "-", base).strip("-.") or "doc"


def report_name(old_ref: str, new_ref: str) -> str:
    return f"{slug(old_ref)}__{slug(new_ref)}"


def write_atomic(path: Path, data: bytes) -> None:
    """Write through a temporary file in the same folder: never a half-written report."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    except OSError as exc:
        raise InputError(f"cannot write there: {exc.strerror}", path=str(path)) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def stored_documents(store) -> list:
    """The store's documents as index rows; none (with a note) when there is no store here."""
    from tracker import store as _store
    from tracker.render.index import IndexDocument, IndexVersion

    try:
        rows = _store.list_documents(store)
    except StoreError as exc:
        click.echo(f"tracker: note: {exc}; listing reports only", err=True)
        return []
    documents = []
    for row in rows:
        try:
            dates = {label: v.source_date or v.committed for v in _store.log(row["id"], store) for label in v.labels}
        except StoreError:
            dates = {}
        documents.append(IndexDocument(
            id=row["id"], title=row.get("title") or row["id"], level=row.get("level") or "",
            status=row.get("status") or "", issuer=row.get("issuer") or "", parent=row.get("parent"),
            versions=[IndexVersion(rev=label, date=dates.get(label, "")) for label in row.get("versions", [])],
        ))
    return documents


def write_index(path: Path, reports_dir: Path, store) -> None:
    from tracker.render.index import render_index, scan_reports

    reports = scan_reports(reports_dir) if reports_dir.is_dir() else []
    for report_ in reports:  # links relative to where the index is written
        report_.href = Path(os.path.relpath(reports_dir / report_.href, path.parent)).as_posix()
    write_atomic(path, render_index(stored_documents(store), reports).encode("utf-8"))
