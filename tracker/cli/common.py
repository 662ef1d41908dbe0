"""Options and helpers shared by the sub-commands."""
from __future__ import annotations

import click

source_argument = click.argument("source", metavar="SOURCE")
store_option = click.option(
    "--store",
    type=click.Path(file_okay=False),
    default=None,
    help="The document store (a git repository); default: the repository you stand in.",
)


def load(source: str, store: str | None):
    """A document from a file path or a stored reference, as the library loads it."""
    from tracker.api import load_document

    return load_document(source, store=store)
