"""Shared helpers of the held-out annotation scripts (make_*.py).

The JSON/JSONL files they write are the record; the scripts show how each case
was written. Q builds a quantity target, D a deadline target, Y a year's end.
"""
import json
from pathlib import Path

HERE = Path(__file__).resolve().parent


def Q(cmp, value, unit, ind, scope, text, per=None, dl=None, mod="must", vmax=None, note=None, clause=None):
    d = {"clause": clause, "kind": "quantity", "indicator": ind, "scope": scope, "comparator": cmp, "value": value,
         "value_max": vmax, "unit": unit, "per": per, "deadline": dl, "modality": mod, "text": text}
    if note:
        d["note"] = note
    return d


def D(dl, ind, text, scope=None, mod="must", note=None, clause=None):
    d = {"clause": clause, "kind": "deadline", "indicator": ind, "scope": scope, "comparator": None, "value": None,
         "value_max": None, "unit": None, "per": None, "deadline": dl, "modality": mod, "text": text}
    if note:
        d["note"] = note
    return d


def Y(year, month_day="12-31"):
    return f"{year}-{month_day}"


class Cases(list):
    """Sentence-level cases: ``cases.add(text, *targets, clause=…)``."""

    def add(self, text, *targets, clause="x", issued=None, note=None):
        for t in targets:
            t["clause"] = clause
        c = {"text": text, "clause": clause, "targets": list(targets)}
        if issued:
            c["issued"] = issued
        if note:
            c["note"] = note
        self.append(c)

    def write(self, name: str) -> None:
        with open(HERE / name, "w", encoding="utf-8") as f:
            for c in self:
                f.write(json.dumps(c, ensure_ascii=False) + "\n")
