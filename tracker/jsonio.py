"""The JSON contract (``../shared/contract/README.md``): dataclasses → plain dicts.

Field names and labels here are a stable public interface. Extra fields are
allowed; the contract's ones are always present.
"""
from __future__ import annotations

import json
from decimal import Decimal

from tracker.characters import escape_json
from tracker.model import Clause, DiffResult, Document, DocRef, LegalAct, Metadata, Target, TargetChange, ClauseChange

DOCUMENT_SCHEMA = "tracker.document/1"
TARGETS_SCHEMA = "tracker.targets/1"
DIFF_SCHEMA = "tracker.diff/1"


def number(value: Decimal | None):
    """Exact decimals as JSON numbers: integers stay integers, 1.5 stays 1.5."""
    if value is None:
        return None
    if value == value.to_integral_value():
        return int(value)
    return float(str(value))


def metadata_to_dict(meta: Metadata) -> dict:
    return {
        "title": meta.title,
        "issuer": meta.issuer,
        "date": meta.date,
        "number": meta.number,
        "status": meta.status,
        "level": meta.level,
        "implements": list(meta.implements),
        "warnings": list(meta.warnings),
        **law_fields(meta),
    }


def law_fields(meta: Metadata) -> dict:
    """The extra fields of a law or regulation (none for a policy document).

    ``adopted``: the first 通过 (or 公布); ``amendments``: each 修正/修订 with its
    date and body; ``effective``: 自…起施行; ``history``: every act of the title
    block in order (adoption, approval, amendments), from which the others come.
    """
    if not meta.history:
        return {}
    acts = [legal_act_to_dict(act) for act in meta.history]
    return {
        "adopted": meta.adopted,
        "amendments": [act for act in acts if act["kind"] in ("amended", "revised")],
        "effective": meta.effective,
        "history": acts,
    }


def legal_act_to_dict(act: LegalAct) -> dict:
    return {"date": act.date, "kind": act.kind, "body": act.body, "decision": act.decision, "order": act.order}


def legal_act_from_dict(data: dict) -> LegalAct:
    return LegalAct(date=data["date"], kind=data["kind"], body=data.get("body"), decision=data.get("decision"),
                    order=data.get("order"))


def clause_to_dict(clause: Clause) -> dict:
    out = {
        "id": clause.id,
        "label": clause.label,
        "title": clause.title,
        "text": clause.text,
        "children": [clause_to_dict(c) for c in clause.children],
    }
    if clause.responsibility is not None:
        r = clause.responsibility
        out["responsibility"] = {"lead": r.lead, "support": r.support, "deadline": r.deadline, "text": r.raw}
    if clause.cells is not None:
        out["cells"] = clause.cells
    return out


def document_to_dict(doc: Document) -> dict:
    return {
        "schema": DOCUMENT_SCHEMA,
        "metadata": metadata_to_dict(doc.metadata),
        "clauses": [clause_to_dict(c) for c in doc.clauses],
    }


#: the fields of a target in the contract, in order (also the CSV header, even with no target to show)
TARGET_FIELDS = ("clause", "kind", "indicator", "scope", "comparator", "value", "value_max", "unit", "per", "deadline",
                 "modality", "text")


def target_to_dict(t: Target) -> dict:
    out = {
        "clause": t.clause,
        "kind": t.kind,
        "indicator": t.indicator,
        "scope": t.scope,
        "comparator": t.comparator,
        "value": number(t.value),
        "value_max": number(t.value_max),
        "unit": t.unit,
        "per": t.per,
        "deadline": t.deadline,
        "modality": t.modality,
        "text": t.text,
    }
    if t.role is not None:  # an extra field (contract): what a law's numeric provision is
        out["role"] = t.role
    return out


def targets_to_dict(doc: Document, targets: list[Target], source: str) -> dict:
    return {
        "schema": TARGETS_SCHEMA,
        "document": {"title": doc.metadata.title, "source": source},
        "targets": [target_to_dict(t) for t in targets],
    }


def clause_change_to_dict(c: ClauseChange) -> dict:
    return {
        "change": c.change,
        "old": c.old,
        "new": c.new,
        "similarity": None if c.similarity is None else round(c.similarity, 3),
        "old_text": c.old_text,
        "new_text": c.new_text,
        "rule": c.rule,
        "confidence": None if c.confidence is None else round(c.confidence, 3),
        "responsibility": list(c.responsibility),
        "responsibility_zh": list(c.responsibility_zh),
    }


def target_change_to_dict(t: TargetChange) -> dict:
    return {
        "change": t.change,
        "old": target_to_dict(t.old) if t.old else None,
        "new": target_to_dict(t.new) if t.new else None,
        "reasons": list(t.reasons),
        "reasons_zh": list(t.reasons_zh),
    }


def ref_to_dict(ref: DocRef) -> dict:
    return {"title": ref.title, "ref": ref.ref}


def diff_to_dict(result: DiffResult) -> dict:
    return {
        "schema": DIFF_SCHEMA,
        "mode": result.mode,
        "old": ref_to_dict(result.old),
        "new": ref_to_dict(result.new),
        "clauses": [clause_change_to_dict(c) for c in result.clauses],
        "targets": [target_change_to_dict(t) for t in result.targets],
        "summary": dict(result.summary),
    }


def dumps(data: dict) -> str:
    """JSON as tracker prints it: UTF-8 Chinese kept readable, stable indentation.

    json escapes C0 controls itself; DEL, C1, bidi controls, line separators and
    lone surrogates are escaped here too (``\\u202e``: the same JSON string), so
    the output is safe on a terminal and encodable as UTF-8.
    """
    return escape_json(json.dumps(data, ensure_ascii=False, indent=2))
