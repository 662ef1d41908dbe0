"""``tracker report``: a reviewer's report of a diff (HTML, Markdown, Word 对照表 or Word redline), or the reports index."""
from __future__ import annotations

from pathlib import Path

import click

from tracker.cli.common import collector_paused, load_both, resolve_refs, store_option, warn
from tracker.errors import InputError
from tracker.reporting import EXTENSIONS, check_format, check_output_path, render, report_name, shown_escaped, write_atomic, write_index

DEFAULT_DIR = "reports"


@click.command()
@click.argument("old", metavar="[OLD", required=False)
@click.argument("new", metavar="NEW]", required=False)
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None,
              help="Where to write it ('-' for stdout); default: reports/OLD__NEW.html (Markdown: stdout).")
@click.option("--parent", is_flag=True, help="OLD is the parent document, NEW implements it.")
@click.option("--against-parent", is_flag=True, help="Report the stored document OLD against its recorded parent.")
@click.option("--format", "fmt", type=click.Choice(list(EXTENSIONS)), default="html", show_default=True)
@click.option("--all", "build_index", is_flag=True, help="Build reports/index.html: every stored document and report.")
@click.option("--reports-dir", type=click.Path(file_okay=False), default=DEFAULT_DIR, show_default=True,
              help="Folder of reports (default output folder and what --all indexes).")
@store_option
@collector_paused
def report(old, new, output, parent, against_parent, fmt, build_index, reports_dir, store):
    """Write a self-contained report comparing OLD with NEW (files or stored ID[@VERSION]),
    or with --all (and no OLD NEW) the index of every stored document and report.

    \b
    Examples:
      tracker report draft.docx final.docx
      tracker report province.pdf county.txt --parent -o reports/county-vs-province.html
      tracker report youyi@draft youyi@final --format md
      tracker report draft.docx final.docx --format redline -o 修订稿.docx
      tracker report --all
    """
    if build_index:
        if old or new:
            raise InputError("--all builds the index; give it no documents")
        from tracker.store import store_root

        store_root(store)  # the index lists a store's documents: no store, no index (and nothing written)
        path = Path(output) if output else Path(reports_dir) / "index.html"
        check_output_path(path, [])
        write_index(path, Path(reports_dir), store)
        click.echo(f"wrote {path}")
        return
    from tracker.api import diff as run_diff

    old_ref, new_ref, mode = resolve_refs(old, new, parent, against_parent, store)
    check_format(fmt, mode)
    to_stdout = output == "-" or (output is None and fmt == "md")
    path = None if to_stdout else (
        Path(output) if output else Path(reports_dir) / (report_name(old_ref, new_ref) + EXTENSIONS[fmt]))
    if path is not None:
        check_output_path(path, [old_ref, new_ref])  # before the work: a refused report costs nothing
    (old_doc, old_targets), (new_doc, new_targets) = load_both(old_ref, new_ref, store)
    result = run_diff(old_doc, new_doc, mode=mode, old_ref=old_ref, new_ref=new_ref,
                      old_targets=old_targets, new_targets=new_targets)
    link = None
    if fmt == "html" and path is not None:
        from tracker.reporting import history_link

        link = history_link(old_ref, new_ref, path, Path(reports_dir), store, echo=click.echo)
    data = render(fmt, result, old_doc, new_doc, history_href=link)
    for warning in shown_escaped(old_doc, new_doc):
        warn(warning)
    if path is None:
        if isinstance(data, bytes):
            raise InputError("a Word report cannot go to stdout; give -o FILE.docx")
        click.echo(data, nl=False)
        return
    write_atomic(path, data if isinstance(data, bytes) else data.encode("utf-8"))
    click.echo(f"wrote {path}")

