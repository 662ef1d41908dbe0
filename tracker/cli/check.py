"""``tracker check / accept / hook``: the pre-commit guard on policy targets.

Imported by every commit of a store that runs the hook, so it imports only
click and tracker.check (which itself avoids gitpython and the readers).
"""
from __future__ import annotations

import sys

import click

from tracker.characters import neutralise
from tracker.cli.common import store_option


@click.command()
@click.argument("args", nargs=-1, metavar="[REV1..REV2 | FILE...]")
@store_option
def check(args, store):
    """Refuse target changes (55% → 60%, 2025 → 2026, 确保 → 力争, a dropped target) not acknowledged.

    \b
    With no argument: the staged version of each changed document (the hook).
    REV1..REV2: the documents changed in that range, as at REV2 (CI).
    FILE...: stored document files as they are on disk (pre-commit framework).
    Exit 0: nothing unacknowledged; 1: changes printed; 2: bad input.
    Acknowledge with 'tracker accept ID' (rewrites targets.json, so the change is reviewed).
    """
    from tracker import check as _check

    report = _check.run(list(args), root=store)
    text = _check.format_report(report)
    if text:
        click.echo(neutralise(text), err=report.failed)
    if report.failed:
        # not ctx.exit(1): main() runs click with standalone_mode=False, where click returns
        # that code instead of exiting; SystemExit reaches the shell as exit 1.
        sys.exit(1)


@click.command()
@click.argument("ids", nargs=-1, metavar="[ID...]")
@store_option
def accept(ids, store):
    """Acknowledge the current targets of ID (default: every changed document) in targets.json and stage it."""
    from tracker import check as _check

    for doc_id in _check.accept(list(ids), root=store):
        click.echo(f"accepted targets of {doc_id}")


@click.group()
def hook():
    """Manage the git pre-commit hook (for repositories without the pre-commit framework)."""


@hook.command("install")
@click.option("--force", is_flag=True, help="Replace a pre-commit hook not written by tracker.")
@store_option
def install(force, store):
    """Write .git/hooks/pre-commit running 'tracker check'."""
    from tracker import check as _check

    path = _check.install_hook(store, force=force)
    click.echo(f"installed {path}")
