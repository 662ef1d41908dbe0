"""The ``tracker`` command: a thin layer over the library.

Sub-commands live in their own modules and are imported only when invoked, so
that ``tracker check`` in a pre-commit hook pays for nothing it does not use.
"""
from __future__ import annotations

import importlib
import os
import sys

import click

from tracker.characters import neutralise
from tracker.errors import TrackerError

# command name -> "module:attribute"; each module is imported only when used.
COMMANDS: dict[str, str] = {
    "show": "tracker.cli.read:show",
    "targets": "tracker.cli.read:targets",
    "diff": "tracker.cli.diff:diff",
    "report": "tracker.cli.report:report",
    "history": "tracker.cli.history:history",
    "init": "tracker.cli.store:init",
    "import": "tracker.cli.store:import_",
    "list": "tracker.cli.store:list_",
    "log": "tracker.cli.store:log",
    "check": "tracker.cli.check:check",
    "accept": "tracker.cli.check:accept",
    "hook": "tracker.cli.check:hook",
    "demo": "tracker.cli.demo:demo",
    "audit": "tracker.cli.corpus:audit",
    "impact": "tracker.cli.corpus:impact",
    "textconv": "tracker.cli.store:textconv",
}


class LazyGroup(click.Group):
    """A click group that imports a sub-command's module on first use."""

    def list_commands(self, ctx):
        return sorted(COMMANDS)

    def get_command(self, ctx, name):
        target = COMMANDS.get(name)
        if target is None:
            return None
        module_name, attr = target.split(":")
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:  # command not built in this install
            if exc.name == module_name:
                return None
            raise
        return getattr(module, attr, None)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="tracker")
def cli():
    """Track changes in Chinese policy documents, clause by clause."""


def _quiet_unraisable(unraisable) -> None:
    """Python's "Exception ignored in …" reports (a process pool's wake-up pipe already closed when the
    interpreter shuts down after a refusal) are no news to a user: printed only with TRACKER_DEBUG."""
    if os.environ.get("TRACKER_DEBUG"):
        sys.__unraisablehook__(unraisable)


def main(argv=None):
    """Entry point: run the CLI, turning every user error into one line and exit 2."""
    sys.unraisablehook = _quiet_unraisable
    try:
        code = cli.main(args=argv, standalone_mode=False)
    except TrackerError as exc:
        click.echo(f"tracker: error: {neutralise(str(exc))}", err=True)
        sys.exit(exc.exit_code)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.ClickException as exc:
        click.echo(f"tracker: error: {neutralise(exc.format_message())}", err=True)
        sys.exit(2)
    except click.exceptions.Abort:
        click.echo("tracker: aborted", err=True)
        sys.exit(2)
    except KeyboardInterrupt:
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)
    except Exception as exc:  # never show a user a traceback
        if os.environ.get("TRACKER_DEBUG"):
            raise
        detail = neutralise(f"{type(exc).__name__}: {exc}")
        click.echo(f"tracker: error: unexpected {detail} (set TRACKER_DEBUG=1 for details)", err=True)
        sys.exit(2)
    # with standalone_mode=False click returns ctx.exit()'s code instead of exiting
    sys.exit(code if isinstance(code, int) else 0)
