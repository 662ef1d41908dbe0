"""What a report shows, independent of its format.

HTML, Markdown and Word reports all present the same things: the two
documents, the mode in words, the target dashboard and the aligned clause
table. This module turns a :class:`DiffResult` and the two documents into
those plain pieces once, so every format says the same thing in the same order
and the wording (labels, icons, Chinese terms) is data kept in one place.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from tracker.cues import ACT_WORDS, LEVEL_NAMES, ROLE_RULES, STATUS_WORDS
from tracker.model import TARGET_LABELS, Clause, ClauseChange, DiffResult, Document, Metadata, TargetChange
from tracker.render.inline import Segment, changed_share, compare_parts, inline_diff, side
from tracker.words import format_deadline, format_number, format_target, target_line  # noqa: F401 (also read from here)

LEVEL_WORDS = LEVEL_NAMES  # the name the report templates use

# ------------------------------------------------------------------ wording


@dataclass(frozen=True)
class Label:
    key: str
    icon: str
    zh: str
    en: str


# Target labels: word and icon as well as colour, so no reader depends on colour.
TARGET_WORDS: dict[str, Label] = {
    "tightened": Label("tightened", "▲", "收紧", "tightened"),
    "loosened": Label("loosened", "▼", "放宽", "loosened"),
    "dropped": Label("dropped", "✕", "删除", "dropped"),
    "added": Label("added", "＋", "新增", "added"),
    "mixed": Label("mixed", "◆", "升降互见", "mixed"),
    "changed": Label("changed", "≠", "变化", "changed"),
    "unchanged": Label("unchanged", "＝", "未变", "unchanged"),
}
# In parent mode a parent's target with no counterpart was not carried down.
# A target only the implementing document sets is its own (本级新增), not a change of the parent's.
PARENT_TARGET_WORDS: dict[str, Label] = {
    **TARGET_WORDS,
    "dropped": Label("dropped", "✕", "未落实", "not carried"),
    "added": Label("added", "＋", "本级新增", "own target"),
}
# Parent mode shows the child's own targets apart from the parent's targets it carries (issue 15):
# (heading, labels) per group, in the order shown; version mode shows one table.
PARENT_TARGET_GROUPS: tuple[tuple[str, frozenset[str]], ...] = (
    ("上级指标落实情况", frozenset(TARGET_WORDS) - {"added", "unchanged"}),
    ("本级新增指标（上级文件未设，本级自行提出）", frozenset({"added"})),
)

CLAUSE_WORDS: dict[str, Label] = {
    "unchanged": Label("unchanged", "＝", "未变", "unchanged"),
    "modified": Label("modified", "≠", "修改", "modified"),
    "moved": Label("moved", "⇅", "移动", "moved"),
    "added": Label("added", "＋", "新增", "added"),
    "removed": Label("removed", "✕", "删除", "removed"),
    "split": Label("split", "⑃", "拆分", "split"),
    "merged": Label("merged", "⑂", "合并", "merged"),
    "moved-from": Label("moved-from", "↧", "已移出", "moved away"),
}
PARENT_CLAUSE_WORDS: dict[str, Label] = {
    **CLAUSE_WORDS,
    "added": Label("added", "＋", "本级新增", "only here"),
    "removed": Label("removed", "✕", "未对应", "parent only"),
}

# The reviewer reads the worst news first: what disappeared or got weaker.
DASHBOARD_ORDER: tuple[str, ...] = ("dropped", "loosened", "mixed", "changed", "tightened", "added", "unchanged")

# Kinds of policy document, longest first so 实施方案 wins over 方案.
GENRES: tuple[str, ...] = ("实施意见", "实施方案", "工作方案", "若干措施", "实施细则", "意见", "方案", "措施",
                           "办法", "规划", "通知", "决定", "规定", "细则", "计划", "纲要")
GENRE_SHORT = {"实施意见": "意见", "实施方案": "方案", "工作方案": "方案", "若干措施": "措施", "实施细则": "细则"}

COLUMN_HEADINGS = {"version": ("修改前", "修改后"), "parent": ("上级文件", "本级文件")}


def target_words(mode: str) -> dict[str, Label]:
    return PARENT_TARGET_WORDS if mode == "parent" else TARGET_WORDS


def clause_words(mode: str) -> dict[str, Label]:
    return PARENT_CLAUSE_WORDS if mode == "parent" else CLAUSE_WORDS


def genre(title: str | None) -> str:
    """The kind of document a title names (方案, 措施, 意见 …), or 文件."""
    cleaned = re.sub(r"[（(][^）)]*[）)]\s*$", "", title or "").strip()
    for word in GENRES:
        if cleaned.endswith(word):
            return GENRE_SHORT.get(word, word)
    return "文件"


def version_words(meta: Metadata) -> str:
    """A law's version as a reviewer names it: its last act, 2023年12月29日修正 ('' for a policy document)."""
    if not meta.history:
        return ""
    last = max(reversed(meta.history), key=lambda act: act.date)  # the later-listed act wins a tie
    year, month, day = (int(part) for part in last.date.split("-"))
    return f"{year}年{month}月{day}日{ACT_WORDS.get(last.kind, '')}"


def law_versions(mode: str, old: Metadata, new: Metadata) -> str:
    """Two versions of one law: 2016年3月16日通过 → 2023年12月29日修正 ('' when that is not what is compared)."""
    old_words, new_words = version_words(old), version_words(new)
    if mode != "version" or not old_words or not new_words or old_words == new_words:
        return ""
    return f"{old_words} → {new_words}"


def mode_words(mode: str, old: Metadata, new: Metadata, names: tuple[str, str] = ("旧版", "新版")) -> str:
    """The comparison in a reviewer's words: 征求意见稿 → 正式稿, 县级方案 对照 省级措施.

    ``names`` stand for a version whose status and date are unknown (旧版 / 新版, or the
    versions' own labels where a report names them).
    """
    if law_versions(mode, old, new):
        return law_versions(mode, old, new)  # two versions of one law: 2016年3月16日通过 → 2023年12月29日修正
    if mode == "parent":
        def name(meta: Metadata, fallback: str) -> str:
            return f"{LEVEL_WORDS.get(meta.level or '', fallback)}{genre(meta.title)}"
        return f"{name(new, '本级')} 对照 {name(old, '上级')}"
    old_word = STATUS_WORDS.get(old.status or "")
    new_word = STATUS_WORDS.get(new.status or "")
    if old_word and new_word and old_word != new_word:
        return f"{old_word} → {new_word}"
    if old.date and new.date and old.date != new.date:
        return f"{old.date} 版 → {new.date} 版"
    # a known status on one side still tells the reader something (征求意见稿 → 新版)
    return f"{old_word or names[0]} → {new_word if new_word and new_word != old_word else names[1]}"


def version_name(ref: str, fallback: str) -> str:
    """A version as its reference names it: the label of ID@LABEL, a file's name, else ``fallback``."""
    if not ref:
        return fallback
    _, at, label = ref.partition("@")
    return label if at and label else short_ref(ref)


def side_name(title: str | None, ref: str, status: str | None, other_title: str | None, version: str = "") -> str:
    """A document's title, with its status when both sides share the title (征求意见稿 → 正式稿).

    A law's version is named by its last act (2023年12月29日修正), not by a status both versions share.
    """
    name = title or ref
    if title and title == other_title and version:
        return f"{title}（{version}）"
    if title and title == other_title and status:
        return f"{title}（{STATUS_WORDS.get(status, status)}）"
    return name


# ------------------------------------------------------------------ targets


@dataclass
class DashboardRow:
    change: str
    label: Label
    clause: str
    anchor: str
    indicator: str
    scope: str
    old: str
    new: str
    old_text: str
    new_text: str
    reasons: list[str]
    # the same row in the terminal's terms: clause ids old → new, a name, contract-style values, English reasons
    where: str = ""
    name: str = ""
    old_line: str = ""
    new_line: str = ""
    reasons_en: list[str] = field(default_factory=list)


def target_anchor(change: TargetChange) -> tuple[str, str]:
    """(clause id, anchor) of the clause a target row links to: the new side when it exists."""
    if change.new is not None:
        return change.new.clause, anchor_for("new", change.new.clause)
    if change.old is not None:
        return change.old.clause, anchor_for("old", change.old.clause)
    return "", ""


def reviewer_reasons(change: TargetChange) -> list[str]:
    """The reasons in Chinese (``reasons_zh`` translates ``reasons`` one for one); a reason added without
    a Chinese counterpart is still shown, as written."""
    return list(change.reasons_zh) + list(change.reasons[len(change.reasons_zh) :])


def dashboard_rows(result: DiffResult) -> list[DashboardRow]:
    """One row per target change, worst news first, document order within a label."""
    words = target_words(result.mode)
    rank = {key: i for i, key in enumerate(DASHBOARD_ORDER)}
    rows = []
    for change in sorted(result.targets, key=lambda c: rank.get(c.change, len(rank))):
        either = change.new or change.old
        clause, anchor = target_anchor(change)
        if change.old and change.new and change.old.clause != change.new.clause:
            clause = f"{change.old.clause} → {change.new.clause}"  # where it stood in each document
        rows.append(DashboardRow(
            change=change.change,
            label=words.get(change.change, Label(change.change, "?", change.change, change.change)),
            clause=clause,
            anchor=anchor,
            indicator=_indicator(either),
            scope=(either.scope or "") if either else "",
            old=format_target(change.old),
            new=format_target(change.new),
            old_text=change.old.text if change.old else "",
            new_text=change.new.text if change.new else "",
            reasons=reviewer_reasons(change),
            where=" → ".join(t.clause for t in (change.old, change.new) if t is not None),
            name=_name(change.old or change.new),
            old_line=target_line(change.old),
            new_line=target_line(change.new),
            reasons_en=list(change.reasons),
        ))
    return rows


def _indicator(target) -> str:
    """The dashboard's name of a target; a law's numeric provision says what kind it is (〔罚款〕, 〔期限〕 …)."""
    if target is None:
        return ""
    name = target.indicator or ("（时限）" if target.kind == "deadline" else "")
    rule = ROLE_RULES.get(target.role or "")
    if rule is not None and rule.name_zh not in name:
        name = f"〔{rule.name_zh}〕{name}"
    return name


@dataclass(frozen=True)
class TargetGroup:
    """Changed target rows shown under one heading ("" in version mode: one table)."""

    heading: str
    rows: list[DashboardRow]


def target_groups(mode: str, dashboard: list[DashboardRow]) -> list[TargetGroup]:
    """The changed target rows as the report shows them: in parent mode the parent's targets the
    child carries (stricter, looser, not carried …) apart from the child's own (本级新增)."""
    changed = [row for row in dashboard if row.change != "unchanged"]
    if mode != "parent":
        return [TargetGroup("", changed)]
    return [TargetGroup(heading, [row for row in changed if row.change in labels])
            for heading, labels in PARENT_TARGET_GROUPS]


def _name(target) -> str:
    """What a target is about in a few words: its indicator, else the start of its text."""
    return (target.indicator or target.text[:24]) if target is not None else ""


def target_counts(result: DiffResult) -> dict[str, int]:
    """Counts per label, every label present, counted from the target rows shown.

    Counting the rows (rather than trusting ``summary``) keeps the dashboard
    consistent with the table under it whatever produced the result.
    """
    counts = Counter(change.change for change in result.targets)
    return {label: counts.get(label, 0) for label in TARGET_LABELS}


# ------------------------------------------------------------------ clauses


def anchor_for(which: str, clause_id: str) -> str:
    """A stable permalink id: the side plus the clause's number path (二.(五).17)."""
    return f"{which}-{clause_id}"


@dataclass
class Part:
    """One clause in one column of the table, with its inline differences."""

    clause_id: str
    anchor: str
    label: str
    segments: list[Segment]
    duty: list[Segment] = field(default_factory=list)  # 责任单位 / 完成时限 bracket
    heading: bool = False


@dataclass
class Link:
    text: str
    anchor: str


@dataclass
class Row:
    anchor: str
    change: str
    label: Label
    old: list[Part]
    new: list[Part]
    depth: int
    heading: bool = False
    target_labels: list[Label] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    remarks: list[str] = field(default_factory=list)  # about the display itself (e.g. rewritten)
    similarity: float | None = None
    rule: str = ""  # the alignment rule that paired the clauses (RULE_WORDS)
    notes_en: list[str] = field(default_factory=list)  # ``notes`` in English

    @property
    def changed(self) -> bool:
        return self.change != "unchanged"

    @property
    def has_targets(self) -> bool:
        return bool(self.target_labels)

    @property
    def shown_target_labels(self) -> list[Label]:
        """Distinct labels, 未变 only when nothing else changed: a badge per news, not per target."""
        distinct = list({label.key: label for label in self.target_labels}.values())
        changed = [label for label in distinct if label.key != "unchanged"]
        return changed or distinct


@dataclass
class Run:
    """Consecutive rows shown together; a run of unchanged rows can fold away."""

    unchanged: bool
    rows: list[Row]


def ids(value: str | list[str] | None) -> list[str]:
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)


def duty_text(clause: Clause | None) -> str:
    if clause is None or clause.responsibility is None:
        return ""
    raw = clause.responsibility.raw.strip()
    return raw if raw.startswith(("〔", "[", "（", "(")) else f"〔{raw}〕"


def clause_texts(clauses: list[Clause | None], fallback: str | None) -> list[str]:
    """Each clause's own text (clauses as looked up in the document, None where it has none), else what
    the diff carried."""
    return [c.text if c is not None else (fallback or "") if len(clauses) == 1 or i == 0 else ""
            for i, c in enumerate(clauses)]


def depth_of(clause_id: str) -> int:
    return clause_id.count(".") if clause_id else 0


def is_heading(clause: Clause | None) -> bool:
    """A clause with children and a short text is a section heading (二、重点工作)."""
    return clause is not None and bool(clause.children) and len(clause.text) <= 40


# Past this share of changed characters a pair reads as rewritten, and
# character marks would paint almost everything red and green: show both
# texts plain and say so (typical of a county plan against its province).
REWRITE_SHARE = 0.6
REWRITE_NOTE = "两段文字差异较大，未逐字标注"


def flatten(pieces: list[list[Segment]]) -> list[Segment]:
    return [segment for piece in pieces for segment in piece]


def build_row(change: ClauseChange, old_doc: Document | None, new_doc: Document | None, mode: str,
              inline: bool = True) -> Row:
    old_ids, new_ids = ids(change.old), ids(change.new)
    old_clauses = [old_doc.clause(i) if old_doc else None for i in old_ids]
    new_clauses = [new_doc.clause(i) if new_doc else None for i in new_ids]
    old_texts = clause_texts(old_clauses, change.old_text)
    new_texts = clause_texts(new_clauses, change.new_text)

    notes: list[str] = []
    # A parent's clause with no counterpart was not deleted by anyone: shown plain, not struck.
    one_sided_old, one_sided_new = ("eq", "eq") if mode == "parent" else ("del", "ins")
    if change.change == "unchanged" or not old_ids or not new_ids or not inline:
        old_segments = [[("eq" if new_ids else one_sided_old, t)] if t else [] for t in old_texts]
        new_segments = [[("eq" if old_ids else one_sided_new, t)] if t else [] for t in new_texts]
    else:
        old_segments, new_segments = compare_parts(old_texts, new_texts)
        if changed_share(flatten(old_segments) + flatten(new_segments)) > REWRITE_SHARE:
            old_segments = [[("eq", t)] if t else [] for t in old_texts]
            new_segments = [[("eq", t)] if t else [] for t in new_texts]
            notes.append(REWRITE_NOTE)

    old_duties = [duty_text(c) for c in old_clauses]
    new_duties = [duty_text(c) for c in new_clauses]
    old_duty_segments, new_duty_segments = duty_diff(old_duties, new_duties) if inline else (
        [[("eq", t)] if t else [] for t in old_duties], [[("eq", t)] if t else [] for t in new_duties])

    def parts(which, ids_, clauses, segments, duties):
        out = []
        for i, clause_id in enumerate(ids_):
            clause = clauses[i]
            out.append(Part(
                clause_id=clause_id,
                anchor=anchor_for(which, clause_id),
                label=(clause.label or clause_id.rsplit(".", 1)[-1]) if clause is not None else clause_id,
                segments=segments[i] if i < len(segments) else [],
                duty=duties[i] if i < len(duties) else [],
                heading=is_heading(clause),
            ))
        return out

    old_parts = parts("old", old_ids, old_clauses, old_segments, old_duty_segments)
    new_parts = parts("new", new_ids, new_clauses, new_segments, new_duty_segments)
    primary = (new_parts or old_parts)[0] if (new_parts or old_parts) else None
    words = clause_words(mode)
    return Row(
        anchor=f"row-{primary.anchor}" if primary else "row",
        change=change.change,
        label=words.get(change.change) or Label(change.change, "?", change.change, change.change),
        old=old_parts,
        new=new_parts,
        depth=depth_of(primary.clause_id) if primary else 0,
        heading=all(p.heading for p in old_parts + new_parts) and bool(old_parts + new_parts),
        notes=list(change.responsibility_zh or change.responsibility),
        remarks=notes,
        similarity=change.similarity,
        rule=change.rule,
        notes_en=list(change.responsibility),
    )


def duty_diff(old: list[str], new: list[str]) -> tuple[list[list[Segment]], list[list[Segment]]]:
    """The responsibility brackets, diffed like the text when both sides have one."""
    if len(old) == 1 and len(new) == 1 and old[0] and new[0]:
        segments = inline_diff(old[0], new[0])
        return [side(segments, "old")], [side(segments, "new")]
    return ([[("eq", t)] if t else [] for t in old], [[("eq", t)] if t else [] for t in new])


def attach_targets(rows: list[Row], result: DiffResult) -> None:
    """Mark each row with the labels of the targets its clauses hold."""
    words = target_words(result.mode)
    by_anchor: dict[str, Row] = {}
    for row in rows:
        for part in row.old + row.new:
            by_anchor.setdefault(part.anchor, row)
    for change in result.targets:
        seen = set()
        for which, target in (("new", change.new), ("old", change.old)):
            if target is None:
                continue
            row = by_anchor.get(anchor_for(which, target.clause))
            if row is not None and id(row) not in seen:
                seen.add(id(row))
                row.target_labels.append(words.get(change.change, TARGET_WORDS["changed"]))


def link_moves_and_splits(rows: list[Row], old_doc: Document | None, mode: str) -> list[Row]:
    """Add a marker row where each moved clause used to be, and cross-links both ways.

    The table follows the new document's order, so a moved clause sits at its
    new place; the marker at its old place says where it went, and the moved
    row links back, so a reviewer can follow the clause from either end.
    """
    words = clause_words(mode)
    rows = list(rows)
    old_order = [c.id for c in old_doc.walk()] if old_doc is not None else []
    position = {clause_id: i for i, clause_id in enumerate(old_order)}
    for row in [r for r in rows if r.change == "moved" and r.old]:
        old_part = row.old[0]
        if old_part.clause_id not in position:
            continue
        marker = Row(
            anchor=f"row-moved-{old_part.anchor}",
            change="moved-from",
            label=words["moved-from"],
            old=[Part(old_part.clause_id, f"moved-{old_part.anchor}", old_part.label,
                      [("eq", short(old_doc.clause(old_part.clause_id).title))])],
            new=[],
            depth=row.depth,
        )
        target_new = row.new[0].clause_id if row.new else ""
        marker.links.append(Link(f"已移至 {target_new} ↓" if target_new else "已移动", row.anchor))
        row.links.append(Link(f"原位置 {old_part.clause_id} ↑", marker.anchor))
        rows.insert(marker_index(rows, row, position), marker)
    for row in rows:
        if row.change in ("split", "merged"):
            for part in row.new if row.change == "split" else row.old:
                row.links.append(Link(part.clause_id, part.anchor))
    return rows


def short(text: str, limit: int = 24) -> str:
    return text if len(text) <= limit else text[:limit] + "…"


def marker_index(rows: list[Row], moved: Row, position: dict[str, int]) -> int:
    """Where the marker goes: after the last row whose old clause came before the moved one."""
    target = position[moved.old[0].clause_id]
    index = 0
    for i, row in enumerate(rows):
        if row is moved or row.change in ("moved", "moved-from"):
            continue
        before = [position[p.clause_id] for p in row.old if p.clause_id in position and position[p.clause_id] < target]
        if before:
            index = i + 1
    return index


MIN_FOLD = 3  # folding one or two rows saves nothing and costs a click


def foldable(row: Row) -> bool:
    return row.change == "unchanged" and not row.has_targets and not row.heading


def group_runs(rows: list[Row]) -> list[Run]:
    """Runs of at least MIN_FOLD unchanged rows fold away; everything else stays visible."""
    runs: list[Run] = []
    pending: list[Row] = []

    def flush():
        if len(pending) >= MIN_FOLD:
            runs.append(Run(True, list(pending)))
        else:
            for row in pending:
                keep(row)
        pending.clear()

    def keep(row):
        if runs and not runs[-1].unchanged:
            runs[-1].rows.append(row)
        else:
            runs.append(Run(False, [row]))

    for row in rows:
        if foldable(row):
            pending.append(row)
            continue
        flush()
        keep(row)
    flush()
    return runs


# ------------------------------------------------------------------ the whole


@dataclass
class DocCard:
    side: str  # "old" | "new"
    role: str  # 修改前 / 上级文件 …
    title: str
    issuer: str
    number: str
    level: str
    date: str
    status: str
    ref: str


#: what each alignment rule means, for the legend under a clause list (English, Chinese)
RULE_WORDS: dict[str, tuple[str, str]] = {
    "exact": ("same text", "文字相同"),
    "label": ("same lead sentence", "条款标题相同"),
    "structural": ("the one clause left at the same place", "位置对应"),
    "fuzzy": ("similar text in the same order", "文字相近、顺序一致"),
    "move": ("same or similar text elsewhere", "文字相同或相近、位置移动"),
    "content": ("matched by content across documents", "按内容对应"),
}


@dataclass
class ReportView:
    mode: str
    mode_name: str  # 版本对照 / 上下级对照
    mode_words: str
    headings: tuple[str, str]
    old: DocCard
    new: DocCard
    counts: dict[str, int]
    count_labels: list[Label]
    dashboard: list[DashboardRow]
    rows: list[Row]
    runs: list[Run]
    clause_counts: dict[str, int]
    title: str
    heading: str = ""  # mode_words with unknown versions named by their labels (征求意见稿 → final)
    sides: tuple[str, str] = ("", "")  # each document's title, with its status when both share one
    rules: list[str] = field(default_factory=list)  # the alignment rules used, in RULE_WORDS order
    versions: str = ""  # two versions of one law: 2016年3月16日通过 → 2023年12月29日修正
    groups: list[TargetGroup] = field(default_factory=list)  # changed target rows per heading (target_groups)


def card(which: str, role: str, meta: Metadata, ref: str, fallback_title: str | None) -> DocCard:
    return DocCard(
        side=which,
        role=role,
        title=meta.title or fallback_title or ref or "（无标题）",
        issuer=meta.issuer or "",
        number=meta.number or "",
        level=LEVEL_WORDS.get(meta.level or "", meta.level or ""),
        date=meta.date or "",
        status=STATUS_WORDS.get(meta.status or "", meta.status or ""),
        ref=short_ref(ref),
    )


def short_ref(ref: str) -> str:
    """A stored reference as written; a file path by its name only (the folder is the reader's own)."""
    from pathlib import PurePath

    path = PurePath(ref)
    return path.name if path.suffix and len(path.parts) > 1 else ref


def metadata_of(doc: Document | None, ref_meta: Metadata | None) -> Metadata:
    if doc is not None:
        return doc.metadata
    return ref_meta or Metadata()


class IndexedDocument:
    """A document whose ``clause(id)`` is a dictionary look-up instead of a walk of the tree.

    The view looks up every clause of every row: walking the tree each time made
    a 1,260-article law's report take seconds (benchmarks/report_speed.py).
    """

    def __init__(self, doc: Document):
        self._doc = doc
        self._clauses: dict[str, Clause] = {}
        for clause in doc.walk():
            self._clauses.setdefault(clause.id, clause)  # the first in document order, as Document.clause

    def clause(self, clause_id: str) -> Clause | None:
        return self._clauses.get(clause_id)

    def __getattr__(self, name):
        return getattr(self._doc, name)


def build_view(result: DiffResult, old_doc: Document | None = None, new_doc: Document | None = None,
               *, inline: bool = True, unchanged_rows: bool = True) -> ReportView:
    """Everything a report shows, in the order it shows it.

    ``inline=False`` leaves out the character-level marks inside clauses (the
    terminal does not show them, and they are the costly part).
    ``unchanged_rows=False`` leaves out the rows of unchanged clauses with no
    responsibility note (the terminal lists only changes unless asked for all:
    50,000 rows of a 19 MB revision were built to be skipped).
    """
    old_doc = IndexedDocument(old_doc) if old_doc is not None else None
    new_doc = IndexedDocument(new_doc) if new_doc is not None else None
    old_meta = metadata_of(old_doc, result.old.metadata)
    new_meta = metadata_of(new_doc, result.new.metadata)
    headings = COLUMN_HEADINGS.get(result.mode, COLUMN_HEADINGS["version"])
    rows = [build_row(change, old_doc, new_doc, result.mode, inline) for change in result.clauses
            if unchanged_rows or change.change != "unchanged" or change.responsibility or change.responsibility_zh]
    attach_targets(rows, result)
    rows = link_moves_and_splits(rows, old_doc, result.mode)
    old_card = card("old", headings[0], old_meta, result.old.ref, result.old.title)
    new_card = card("new", headings[1], new_meta, result.new.ref, result.new.title)
    words = target_words(result.mode)
    dashboard = dashboard_rows(result)
    return ReportView(
        mode=result.mode,
        mode_name="上下级对照" if result.mode == "parent" else "版本对照",
        mode_words=mode_words(result.mode, old_meta, new_meta),
        headings=headings,
        old=old_card,
        new=new_card,
        counts=target_counts(result),
        count_labels=[words[key] for key in TARGET_LABELS],
        dashboard=dashboard,
        groups=target_groups(result.mode, dashboard),
        rows=rows,
        runs=group_runs(rows),
        clause_counts=dict(Counter(change.change for change in result.clauses)),
        title=f"{new_card.title} — {'对照' if result.mode == 'parent' else '修改'}报告",
        heading=mode_words(result.mode, old_meta, new_meta,
                           names=(version_name(result.old.ref, "旧版"), version_name(result.new.ref, "新版"))),
        sides=(side_name(result.old.title, result.old.ref, old_meta.status, result.new.title, version_words(old_meta)),
               side_name(result.new.title, result.new.ref, new_meta.status, result.old.title, version_words(new_meta))),
        rules=[rule for rule in RULE_WORDS if any(c.rule == rule for c in result.clauses)],
        versions=law_versions(result.mode, old_meta, new_meta),
    )
