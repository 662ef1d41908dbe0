"""Plain data passed between the pipeline stages.

read → clean → segment → extract → align → compare → render: every stage takes
and returns the dataclasses below, so each module can be tested alone and no
module needs to reach back upstream. They are frozen: a stage that needs a
changed value makes a new one (``dataclasses.replace``) rather than editing
what an earlier stage handed on; a stage that builds step by step does so in a
private draft of its own and freezes the result.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from decimal import Decimal
from typing import Literal

# ----------------------------------------------------------------- reading


@dataclass(frozen=True)
class RawText:
    """What a reader got out of a file, before any cleaning.

    Tables are rendered one row per line in the pipe form
    ``| cell | cell | cell |`` (cells with their inner line breaks joined), so
    every later stage sees one text and the segmenter can find annex rows.
    """

    text: str
    source: str
    format: str  # "txt", "docx", "html", "pdf"
    encoding: str | None = None
    warnings: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class CleanText:
    """The cleaned text plus what cleaning found suspicious.

    ``removed`` keeps every stretch cleaning cut (web junk, conversion
    residue) with the reason, so nothing is dropped in silence.
    """

    text: str
    source: str
    warnings: list[str] = field(default_factory=list)
    removed: list[tuple[str, str]] = field(default_factory=list)  # (reason, text)
    original: str = ""


# --------------------------------------------------------------- structure


@dataclass(frozen=True)
class Responsibility:
    """Who carries out a clause and by when (责任单位 / 牵头 / 配合 / 完成时限)."""

    raw: str
    lead: list[str] = field(default_factory=list)
    support: list[str] = field(default_factory=list)
    deadline: str | None = None  # 完成时限 as written, e.g. "持续推进"


@dataclass(frozen=True)
class Clause:
    """One numbered provision.

    ``text`` is the clause's own text (lead sentence included, children and the
    responsibility bracket excluded); ``span`` is its (start, end) offset in the
    cleaned text, the provenance every later pairing points back to.
    """

    id: str
    label: str
    title: str
    text: str
    scheme: str
    children: list["Clause"] = field(default_factory=list)
    responsibility: Responsibility | None = None
    cells: list[str] | None = None  # annex-table rows only
    span: tuple[int, int] = (0, 0)

    def walk(self):
        """Yield this clause and every descendant, in document order."""
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass(frozen=True)
class LegalAct:
    """One act in the history of a law or regulation, as its title block states it.

    ``kind``: adopted (通过), promulgated (公布/发布), approved (批准, e.g. a
    province approving a city regulation), amended (修正), revised (修订).
    """

    date: str  # ISO
    kind: str
    body: str | None = None  # 全国人民代表大会常务委员会, 国务院 …
    decision: str | None = None  # 《关于修改〈…〉的决定》 when the act names one
    order: str | None = None  # 国务院令第656号 when the act names one


@dataclass(frozen=True)
class Metadata:
    title: str | None = None
    issuer: str | None = None
    date: str | None = None  # ISO
    number: str | None = None  # 文号
    status: str | None = None  # "draft" | "final"
    level: str | None = None  # "central" | "province" | "city" | "county"
    implements: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # laws and regulations only: the acts of the title block, oldest first, and 自…起施行
    history: list[LegalAct] = field(default_factory=list)
    adopted: str | None = None  # ISO: the first 通过 (or 公布 of a regulation)
    effective: str | None = None  # ISO


@dataclass(frozen=True)
class Document:
    metadata: Metadata
    clauses: list[Clause]
    text: str  # the cleaned text the clauses were cut from
    source: str = ""

    def walk(self):
        """Every clause in document order, depth first."""
        for clause in self.clauses:
            yield from clause.walk()

    def clause(self, clause_id: str) -> Clause | None:
        """The clause with this id, looked up in an index built on first use.

        Reports ask for every clause of a 1,260-article code by id; walking the
        tree for each made rendering quadratic in the number of clauses.
        """
        return self._clauses_by_id.get(clause_id)

    @cached_property
    def _clauses_by_id(self) -> dict[str, Clause]:
        index: dict[str, Clause] = {}
        for c in self.walk():
            index.setdefault(c.id, c)
        return index


# ----------------------------------------------------------------- targets

Comparator = Literal[">=", "<=", ">", "<", "=", "~", "range"]
Modality = Literal["must", "strive", "encourage"]
TargetKind = Literal["quantity", "deadline"]


@dataclass(frozen=True)
class Target:
    """One numeric or dated commitment, with the fields of the JSON contract."""

    clause: str
    kind: TargetKind
    indicator: str | None
    scope: str | None
    comparator: Comparator | None
    value: Decimal | None
    value_max: Decimal | None
    unit: str | None
    per: str | None
    deadline: str | None  # ISO date
    modality: Modality | None
    text: str
    start: int = -1  # offset of ``text`` in the cleaned document text
    role: str | None = None  # a law's numeric provision: fine, time_limit, advance, threshold, entitlement, limit


# -------------------------------------------------------------------- diff

ClauseChangeKind = Literal["unchanged", "modified", "moved", "added", "removed", "split", "merged"]
TargetChangeKind = Literal["tightened", "loosened", "mixed", "changed", "dropped", "added", "unchanged"]
TARGET_LABELS: tuple[str, ...] = ("tightened", "loosened", "dropped", "added", "mixed", "changed", "unchanged")
CLAUSE_LABELS: tuple[str, ...] = ("unchanged", "modified", "moved", "added", "removed", "split", "merged")


@dataclass(frozen=True)
class ClauseChange:
    """One row of the clause alignment, with the rule that paired it."""

    change: ClauseChangeKind
    old: str | list[str] | None
    new: str | list[str] | None
    similarity: float | None
    old_text: str | None
    new_text: str | None
    rule: str = ""  # "exact", "label", "structural", "fuzzy", "move", "content"
    confidence: float | None = None
    responsibility: list[str] = field(default_factory=list)  # responsible-unit changes, in words
    responsibility_zh: list[str] = field(default_factory=list)  # the same, in Chinese


@dataclass(frozen=True)
class TargetChange:
    change: TargetChangeKind
    old: Target | None
    new: Target | None
    reasons: list[str] = field(default_factory=list)
    reasons_zh: list[str] = field(default_factory=list)  # the same judgement in a Chinese legal reviewer's words
    rule: str = ""  # how the pair was found: "linked" (clauses the alignment paired), "elsewhere", or "split"
    #               (a law's provision now stated per case: one old provision judged against each new case)
    score: float | None = None  # the pairing score it won with (0..~1.4); None for dropped / added


@dataclass(frozen=True)
class DocRef:
    title: str | None
    ref: str
    metadata: Metadata | None = None


@dataclass(frozen=True)
class DiffResult:
    mode: Literal["version", "parent"]
    old: DocRef
    new: DocRef
    clauses: list[ClauseChange]
    targets: list[TargetChange]
    summary: dict[str, int]
