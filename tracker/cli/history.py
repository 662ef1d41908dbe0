"""``tracker history``: every target of a stored document across all its versions."""
from __future__ import annotations

from pathlib import Path

import click

from tracker.cli.common import store_option
from tracker.errors import InputError

DEFAULT_REPORTS = "reports"


@click.command()
@click.argument("doc_id", metavar="ID")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "html"]), default="text", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None,
              help="Where to write it ('-' for stdout); default: stdout, HTML to reports/history/ID.html.")
@click.option("--changed", is_flag=True, help="Text: only targets that changed in some version.")
@click.option("--reports-dir", type=click.Path(file_okay=False), default=DEFAULT_REPORTS, show_default=True,
              help="Folder of reports (the HTML page's default place and its link back to the index).")
@store_option
def history(doc_id, fmt, output, changed, reports_dir, store):
    """Every target of stored document ID across its versions, each with its label against the version before.

    Targets are followed from one version to the next by the same pairing as
    `tracker diff ID@A ID@B`.

    \b
    Examples:
      tracker history heilongjiang/shuangyashan/youyi/basic-elderly-care-plan
      tracker history ID --format json
      tracker history ID --format html          # reports/history/ID.html
    """
    from tracker.history import history as build
    from tracker.reporting import history_path, write_atomic, write_history

    if "@" in doc_id:
        raise InputError(f"{doc_id}: give the document id without @VERSION; history reads every version")
    result = build(doc_id, store)
    if fmt == "html":
        if output == "-":
            from tracker.render.history import render_history_html

            click.echo(render_history_html(result), nl=False)
            return
        path = Path(output) if output else history_path(Path(reports_dir), doc_id)
        inside = Path(reports_dir).resolve() in path.resolve().parents
        write_history(result, path, Path(reports_dir) if inside else None)
        click.echo(f"wrote {path}")
        return
    from tracker.render.history import render_json, render_text

    text = render_json(result) if fmt == "json" else render_text(result, changed_only=changed)
    if output and output != "-":
        write_atomic(Path(output), text.encode("utf-8"))
        click.echo(f"wrote {output}")
    else:
        click.echo(text, nl=False)
