"""``tracker diff``: a thin command over :func:`tracker.api.diff`."""
from __future__ import annotations

import click

from tracker.cli.common import load, resolve_refs, store_option
from tracker.model import TARGET_LABELS, DiffResult, Target, TargetChange

# Colour of each label in the terminal (click.style names); dropped is the line a reviewer must see.
LABEL_STYLE: dict[str, dict] = {
    "tightened": {"fg": "green"},
    "loosened": {"fg": "red"},
    "dropped": {"fg": "red", "bold": True},
    "added": {"fg": "cyan"},
    "mixed": {"fg": "yellow"},
    "changed": {"fg": "magenta"},
    "unchanged": {"dim": True},
    "modified": {"fg": "yellow"},
    "moved": {"fg": "blue"},
    "removed": {"fg": "red"},
    "split": {"fg": "cyan"},
    "merged": {"fg": "cyan"},
}
# Target labels in the order a reviewer should read them.
TARGET_ORDER = ("dropped", "loosened", "mixed", "changed", "tightened", "added", "unchanged")


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
def diff(old, new, parent, against_parent, fmt, show_all, lang, store):
    """Compare OLD with NEW (files or stored ID[@VERSION]): clauses, then targets.

    \b
    Examples:
      tracker diff draft.docx final.docx
      tracker diff province.pdf county.txt --parent --format json
      tracker diff heilongjiang/youyi/plan --against-parent
    """
    from tracker.api import diff as run_diff

    old_ref, new_ref, mode = resolve_refs(old, new, parent, against_parent, store)
    result = run_diff(load(old_ref, store), load(new_ref, store), mode=mode, old_ref=old_ref, new_ref=new_ref)
    if fmt == "json":
        from tracker.jsonio import diff_to_dict, dumps

        click.echo(dumps(diff_to_dict(result)))
    else:
        click.echo(render(result, show_all=show_all, color=None, lang=lang))


# ---------------------------------------------------------------- rendering


def _style(text: str, label: str, color: bool | None) -> str:
    return click.style(text, **LABEL_STYLE.get(label, {})) if color is not False else text


def _target_line(t: Target | None) -> str:
    if t is None:
        return "—"
    from tracker.compare import fmt_value

    value = f"{t.comparator or ''}{fmt_value(t)}" if t.value is not None else ""
    due = f" by {t.deadline}" if t.deadline else ""
    return (value + due).strip() or "—"


def render(result: DiffResult, *, show_all: bool = False, color: bool | None = None, lang: str = "zh") -> str:
    """Counts per label, each target change on one line, then the clause changes.

    Reasons are printed in Chinese (the reviewer's words) unless ``lang`` is "en".

    Colour codes are always produced here; click.echo strips them when stdout
    is not a terminal, so pipes and files get plain text.
    """
    lines = [f"{result.mode} diff: {_side(result.old, result.new.title)} → {_side(result.new, result.old.title)}"]
    lines.append("  ".join(_style(f"{label} {result.summary.get(label, 0)}", label, color) for label in TARGET_LABELS))
    lines.append("")
    lines.append("targets:")
    order = {label: k for k, label in enumerate(TARGET_ORDER)}
    for change in sorted(result.targets, key=lambda c: order[c.change]):
        if change.change == "unchanged" and not show_all:
            continue
        t = change.old or change.new
        where = " → ".join(x.clause for x in (change.old, change.new) if x is not None)
        head = f"  {_style(change.change.ljust(9), change.change, color)} {where}  {t.indicator or t.text[:24]}"
        lines.append(f"{head}  {_target_line(change.old)} → {_target_line(change.new)}")
        for reason in _reasons(change, lang):
            lines.append(f"      {reason}")
    lines.append("")
    lines.append("clauses:")
    for c in result.clauses:
        if c.change == "unchanged" and not c.responsibility and not show_all:
            continue
        ids = f"{_ids(c.old)} → {_ids(c.new)}"
        extra = f"  similarity {c.similarity:.2f}" if c.similarity is not None else ""
        extra += f"  [{c.rule}]" if c.rule else ""
        lines.append(f"  {_style(c.change.ljust(9), c.change, color)} {ids}{extra}")
        for r in (c.responsibility if lang == "en" else c.responsibility_zh or c.responsibility):
            lines.append(f"      {r}")
    used = [rule for rule in RULE_WORDS if any(c.rule == rule for c in result.clauses)]
    if used:
        lines.append("")
        lines.append("paired by: " + "; ".join(f"[{r}] {RULE_WORDS[r][0 if lang == 'en' else 1]}" for r in used))
    return "\n".join(lines)


#: what each alignment rule means, for the legend under the clause list (English, Chinese)
RULE_WORDS: dict[str, tuple[str, str]] = {
    "exact": ("same text", "文字相同"),
    "label": ("same lead sentence", "条款标题相同"),
    "structural": ("the one clause left at the same place", "位置对应"),
    "fuzzy": ("similar text in the same order", "文字相近、顺序一致"),
    "move": ("same or similar text elsewhere", "文字相同或相近、位置移动"),
    "content": ("matched by content across documents", "按内容对应"),
}


def _side(ref, other_title: str | None) -> str:
    """A document's title, with its status when both sides share the title (征求意见稿 → 正式稿)."""
    title = ref.title or ref.ref
    status = ref.metadata.status if ref.metadata else None
    if ref.title and ref.title == other_title and status:
        return f"{title}（{STATUS_WORDS.get(status, status)}）"
    return title


STATUS_WORDS = {"draft": "征求意见稿", "final": "正式稿"}


def _reasons(change: TargetChange, lang: str) -> list[str]:
    """Chinese reasons one for one with the English ones; an untranslated extra reason shows as written."""
    if lang == "en":
        return list(change.reasons)
    return list(change.reasons_zh) + list(change.reasons[len(change.reasons_zh) :])


def _ids(ids) -> str:
    if ids is None:
        return "—"
    return "+".join(ids) if isinstance(ids, list) else ids
