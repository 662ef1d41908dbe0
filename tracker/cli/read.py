"""``tracker show`` and ``tracker targets``: read one document and print what it says."""
from __future__ import annotations

import csv
import io

import click

from tracker.characters import neutralise

from tracker.cli.common import collector_paused, load, source_argument, store_option


@click.command()
@source_argument
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@store_option
@collector_paused
def show(source, fmt, store):
    """Print the clause tree of SOURCE (a file or a stored ID[@VERSION]).

    \b
    Examples:
      tracker show plan.docx
      tracker show plan.txt --format json > plan.json
      tracker show heilongjiang/youyi/basic-elderly-care-plan@draft
    """
    document = load(source, store)
    if fmt == "json":
        from tracker.jsonio import document_to_dict, dumps

        click.echo(dumps(document_to_dict(document)))
        return
    from tracker.render.terminal import render_tree

    click.echo(render_tree(document, color=None))


@click.command()
@source_argument
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True)
@store_option
@collector_paused
def targets(source, fmt, store):
    """Print every numeric and dated target of SOURCE.

    \b
    Examples:
      tracker targets plan.txt
      tracker targets plan.txt --format json
      tracker targets plan.txt --format csv > targets.csv
    """
    from tracker.api import extract_targets
    from tracker.jsonio import TARGET_FIELDS, dumps, target_to_dict, targets_to_dict

    document = load(source, store)
    found = extract_targets(document)
    if fmt == "json":
        click.echo(dumps(targets_to_dict(document, found, source)))
    elif fmt == "csv":
        rows = [{key: neutralise(value) if isinstance(value, str) else value for key, value in target_to_dict(t).items()}
                for t in found]
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=list(rows[0]) if rows else list(TARGET_FIELDS))
        writer.writeheader()
        writer.writerows(rows)
        click.echo(buffer.getvalue(), nl=False)
    else:
        from tracker.render.terminal import render_targets

        click.echo(render_targets(document, found))
