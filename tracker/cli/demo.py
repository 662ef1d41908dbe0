"""``tracker demo``: the main job on the bundled documents."""
from __future__ import annotations

from pathlib import Path

import click

from tracker.cli.common import store_option


@click.command()
@click.option("--examples", type=click.Path(file_okay=False, exists=True), default=None,
              help="Folder with bundle.json and the documents (default: ./examples).")
@click.option("--reports-dir", type=click.Path(file_okay=False), default=None, help="Where reports go (default: STORE/reports).")
@store_option
def demo(examples, reports_dir, store):
    """Import the bundled documents into the store and write the reports.

    \b
    Examples:
      tracker demo                       # in the project folder: documents/ and reports/
      tracker demo --store /tmp/policy   # a separate store
    """
    from tracker.demo import run_demo

    run_demo(store, Path(examples) if examples else None, Path(reports_dir) if reports_dir else None, echo=click.echo)
