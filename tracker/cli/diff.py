"""``tracker diff``: a thin command over :func:`tracker.api.diff`."""
from __future__ import annotations

import click

from tracker.cli.common import collector_paused, load_both, resolve_refs, store_option
from tracker.model import DiffResult

@click.command()
@click.argument("old", metavar="OLD")
@click.argument("new", metavar="NEW", required=False)
@click.option("--parent", "parent", is_flag=True, help="OLD is the parent document, NEW implements it (pair by content).")
@click.option("--against-parent", is_flag=True, help="Diff the stored document OLD against its recorded parent.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--all", "show_all", is_flag=True, help="Also list unchanged targets and clauses.")
@click.option("--lang", type=click.Choice(["zh", "en"]), default="zh", show_default=True,
              help="Language of the reasons in text output (JSON always carries both: reasons, reasons_zh).")
@store_option
@collector_paused
def diff(old, new, parent, against_parent, fmt, show_all, lang, store):
    """Compare OLD with NEW (files or stored ID[@VERSION]): clauses, then targets.

    \b
    Examples:
      tracker diff draft.docx final.docx
      tracker diff province.pdf county.txt --parent --format json
      tracker diff heilongjiang/youyi/plan --against-parent
    """
    old_ref, new_ref, mode = resolve_refs(old, new, parent, against_parent, store)
    click.echo(diff_text(old_ref, new_ref, mode, store, fmt, show_all, lang))


def diff_text(old_ref: str, new_ref: str, mode: str, store, fmt: str, show_all: bool, lang: str) -> str:
    """What ``tracker diff`` prints: the contract JSON or the terminal diff."""
    from tracker.api import diff as run_diff

    (old_doc, old_targets), (new_doc, new_targets) = load_both(old_ref, new_ref, store)
    result = run_diff(old_doc, new_doc, mode=mode, old_ref=old_ref, new_ref=new_ref,
                      old_targets=old_targets, new_targets=new_targets)
    if fmt == "json":
        from tracker.jsonio import diff_to_dict, dumps

        return dumps(diff_to_dict(result))
    return render(result, show_all=show_all, color=None, lang=lang)


# ---------------------------------------------------------------- rendering


def render(result: DiffResult, *, show_all: bool = False, color: bool | None = None, lang: str = "zh") -> str:
    """The terminal diff, rendered from the same view model as the reports (tracker.render.terminal)."""
    from tracker.render.terminal import render_diff
    from tracker.render.view import build_view

    view = build_view(result, inline=False, unchanged_rows=show_all)
    return render_diff(view, show_all=show_all, color=color, lang=lang)
