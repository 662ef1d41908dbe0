"""The ``tracker.audit/1`` and ``tracker.impact/1`` contracts (../shared/contract/README.md).

Field names and labels are a stable public interface; the extra fields
(``reasons_zh``, ``values``, ``report``) are allowed by the contract.
"""
from __future__ import annotations

from tracker.corpus.model import Audit, Impact, Member
from tracker.jsonio import number, target_change_to_dict, target_to_dict

AUDIT_SCHEMA = "tracker.audit/1"
IMPACT_SCHEMA = "tracker.impact/1"


def _target(t):
    return target_to_dict(t) if t is not None else None


def member_to_dict(m: Member) -> dict:
    return {"ref": m.ref, "title": m.title, "level": m.level, "region": m.region}


def audit_to_dict(audit: Audit) -> dict:
    return {
        "schema": AUDIT_SCHEMA,
        "parent": {"ref": audit.parent.ref, "title": audit.parent.title},
        "children": [{**member_to_dict(m), **({"report": audit.reports[m.ref]} if m.ref in audit.reports else {})}
                     for m in audit.children],
        "rows": [
            {"parent_target": target_to_dict(row.parent_target),
             "cells": [{"child": c.child, "change": c.change, "target": _target(c.target),
                        "reasons": list(c.reasons), "reasons_zh": list(c.reasons_zh)} for c in row.cells]}
            for row in audit.rows
        ],
        "added": [{"child": a.child, "target": target_to_dict(a.target)} for a in audit.added],
        "rollup": [
            {"parent_target": target_to_dict(r.parent_target), "children_sum": number(r.children_sum),
             "children_with_value": r.children_with_value, "children": r.children, "verdict": r.verdict,
             "values": [{"child": ref, "target": _target(t)} for ref, t in r.values]}
            for r in audit.rollup
        ],
        "summary": {ref: dict(counts) for ref, counts in audit.summary.items()},
    }


def impact_to_dict(impact: Impact) -> dict:
    return {
        "schema": IMPACT_SCHEMA,
        "parent": {"id": impact.parent_id, "old": impact.old.ref, "new": impact.new.ref, "title": impact.new.title},
        "revised": [target_change_to_dict(c) for c in impact.revised],
        "children": [
            {"ref": c.child.ref, "title": c.child.title,
             "falls_short": [{"parent": target_to_dict(s.parent), "child": _target(s.child), "change": s.change,
                              "before": s.before, "reasons": list(s.reasons), "reasons_zh": list(s.reasons_zh)}
                             for s in c.falls_short]}
            for c in impact.children
        ],
    }
