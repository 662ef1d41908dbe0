"""Options and helpers shared by the sub-commands."""
from __future__ import annotations

from contextlib import contextmanager

import click

from tracker.errors import InputError

source_argument = click.argument("source", metavar="SOURCE")
store_option = click.option(
    "--store",
    type=click.Path(file_okay=False),
    default=None,
    help="The document store (a git repository); default: the repository you stand in.",
)


def load(source: str, store: str | None):
    """A document from a file path or a stored reference, as the library loads it.

    What cleaning removed for safety (escape sequences, control and bidi
    characters) is repeated on stderr whatever the output format: a reviewer
    must know the text held them.
    """
    from tracker.api import load_document

    document = load_document(source, store=store)
    _warn_safety(source, document)
    return document


@contextmanager
def cycle_collector_paused():
    """Run a command with Python's cyclic garbage collector paused, restored after.

    Reading, diffing and rendering a large document build millions of small
    objects (clauses, targets, pairings, rows) that live until the command ends
    and hold no reference cycles; every full collection walked all of them
    again, about a quarter of a 19 MB diff's time after loading. Reference
    counting still frees everything as before (the peak memory of that diff is
    the same; a 100-page PDF, whose pages are closed as they are read, too).
    """
    import gc

    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def collector_paused(command):
    """A command run with :func:`cycle_collector_paused` (for those that read whole documents)."""
    import functools

    @functools.wraps(command)
    def run(*args, **kwargs):
        with cycle_collector_paused():
            return command(*args, **kwargs)

    return run


def load_both(old: str, new: str, store: str | None):
    """Both sides of a diff with their targets ((document, targets) each), loaded side by side
    when both are large (tracker.pipeline.load_pair); safety warnings as :func:`load` gives them."""
    from tracker.api import load_pair

    pair = load_pair(old, new, store=store)
    for source, (document, _) in zip((old, new), pair):
        _warn_safety(source, document)
    return pair


def _warn_safety(source: str, document) -> None:
    from tracker.characters import is_safety_warning

    for warning in document.metadata.warnings:
        if is_safety_warning(warning):
            warn(f"{source}: {warning}")


def warn(message: str) -> None:
    """One warning line on stderr, neutralised like every other terminal output."""
    from tracker.characters import neutralise

    click.echo(f"tracker: warning: {neutralise(message)}", err=True)


def resolve_refs(old: str, new: str | None, parent: bool, against_parent: bool, store) -> tuple[str, str, str]:
    """(old ref, new ref, mode): --against-parent looks the parent up; a stored parent link means parent mode."""
    if against_parent:
        if new is not None:
            raise InputError("--against-parent takes one stored document ID, not two")
        from tracker.store import resolve_against_parent

        parent_ref, child_ref = resolve_against_parent(old, store)
        return parent_ref, child_ref, "parent"
    if new is None:
        raise InputError("give OLD and NEW, or one stored ID with --against-parent")
    return old, new, "parent" if parent or _stored_parent_link(old, new, store) else "version"


def _stored_parent_link(old: str, new: str, store) -> bool:
    """True when NEW is a stored document whose metadata names OLD as its parent."""
    from pathlib import Path

    if Path(new).exists() or Path(old).exists():
        return False
    try:
        from tracker.store import parent_of, parse_ref

        return parent_of(parse_ref(new)[0], store) == parse_ref(old)[0]
    except Exception:  # not a store, or no such document: the load reports that properly
        return False
