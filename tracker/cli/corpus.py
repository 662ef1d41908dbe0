"""``tracker audit`` and ``tracker impact``: a parent against all its stored children (thin over tracker.corpus)."""
from __future__ import annotations

from pathlib import Path

import click

from tracker.cli.common import store_option
from tracker.errors import InputError

jobs_option = click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
                           help="Worker processes (default: the CPU count).")
depth_option = click.option("--depth", type=click.IntRange(min=1), default=1, show_default=True,
                            help="Generations of children: 2 adds grandchildren (province → city → county).")
output_option = click.option("-o", "--output", type=click.Path(dir_okay=False), default=None,
                             help="Where to write it ('-' for stdout); default: HTML in reports/, JSON and CSV to stdout.")
reports_option = click.option("--reports-dir", type=click.Path(file_okay=False), default="reports", show_default=True,
                              help="Folder of reports (where HTML pages go and whose index.html lists them).")


def _emit(text: str, output: str | None) -> None:
    if output in (None, "-"):
        click.echo(text, nl=not text.endswith("\n"))
        return
    from tracker.reporting import write_atomic

    write_atomic(Path(output), text.encode("utf-8"))
    click.echo(f"wrote {output}", err=True)


@click.command()
@click.argument("parent", metavar="PARENT")
@depth_option
@jobs_option
@click.option("--format", "fmt", type=click.Choice(["html", "json", "csv"]), default="html", show_default=True)
@output_option
@reports_option
@store_option
def audit(parent, depth, jobs, fmt, output, reports_dir, store):
    """Hold every stored child of PARENT (ID or ID@VERSION) against it: a matrix of targets × children.

    \b
    Each cell is the label `tracker diff PARENT CHILD --parent` gives (收紧, 放宽,
    未落实 …) with the child's figure; totals of the parent's whole area are
    summed over the children's own (meets / short / incomplete).
    Examples:
      tracker audit heilongjiang/elderly-care-reform-measures-2025
      tracker audit heilongjiang/elderly-care-reform-measures-2025@final --format json > audit.json
      tracker audit national/opinion --depth 3 --format csv -o audit.csv
    """
    from tracker.corpus.audit import audit as run_audit

    _note_when_childless(parent, store, depth)
    if fmt != "html":
        result = run_audit(parent, root=store, depth=depth, jobs=jobs)
        if fmt == "json":
            from tracker.corpus.jsonout import audit_to_dict
            from tracker.jsonio import dumps

            _emit(dumps(audit_to_dict(result)), output)
        else:
            from tracker.render.corpus import render_audit_csv

            _emit(render_audit_csv(result), output)
        return
    if output == "-":
        raise InputError("the HTML page and its children's reports go to files; use --format json or csv for stdout")
    from tracker.reporting import write_audit_page

    path = write_audit_page(parent, root=store, depth=depth, jobs=jobs, reports_dir=Path(reports_dir),
                            output=Path(output) if output else None)
    click.echo(f"wrote {path}")


def _note_when_childless(parent: str, store, depth: int) -> None:
    """An audit of a document nothing names as parent is empty: say why on stderr (not an error)."""
    from tracker import store as _store
    from tracker.corpus.stored import children_of, resolve_member

    top = _store.store_root(store)
    doc_id = resolve_member(parent, top).id  # an unknown parent is the one-line error, not a note
    if not children_of(doc_id, top, depth):
        click.echo(f"tracker: note: no stored document names {doc_id} as its parent "
                   "(import children with --parent, or a manifest's parent column)", err=True)


@click.command()
@click.argument("new", metavar="PARENT@NEW")
@click.option("--since", default=None, metavar="PARENT@OLD", help="The version to compare with (default: the one before NEW).")
@depth_option
@jobs_option
@click.option("--format", "fmt", type=click.Choice(["html", "json"]), default="html", show_default=True)
@output_option
@reports_option
@store_option
def impact(new, since, depth, jobs, fmt, output, reports_dir, store):
    """Which stored children fall short of what the revision PARENT@NEW asks.

    \b
    For every target the revision tightened or added, each child whose
    counterpart is now looser, mixed or missing, with its label against the
    old version beside it.
    Examples:
      tracker impact heilongjiang/elderly-care-reform-measures-2025@v2
      tracker impact heilongjiang/elderly-care-reform-measures-2025@v2 --since heilongjiang/elderly-care-reform-measures-2025@final --format json
    """
    if fmt == "json":
        from tracker.corpus.impact import impact as run_impact
        from tracker.corpus.jsonout import impact_to_dict
        from tracker.jsonio import dumps

        _emit(dumps(impact_to_dict(run_impact(new, since=since, root=store, depth=depth, jobs=jobs))), output)
        return
    if output == "-":
        raise InputError("the HTML page goes to a file; use --format json for stdout")
    from tracker.reporting import write_impact_page

    path = write_impact_page(new, since=since, root=store, depth=depth, jobs=jobs, reports_dir=Path(reports_dir),
                             output=Path(output) if output else None)
    click.echo(f"wrote {path}")
