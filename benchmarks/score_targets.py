"""Score ``extract_targets`` against the hand-annotated gold targets.

Runs read_document + extract_targets on every seed that has a gold file and
matches tool targets to gold targets as the gold README's "Matching" section
says: a quantity matches when value and unit agree and the texts overlap, a
deadline when the deadline year agrees and the texts overlap. Texts are
compared with whitespace removed and NFKC-normalised punctuation, as spans of
the document (so two identical texts in different clauses are told apart).
Over the matched pairs it reports the accuracy of comparator, deadline,
modality, per and value_max.

    .venv/bin/python benchmarks/score_targets.py [-v] [--gold DIR] [--seeds DIR]

Extraction time is printed beside two anchors measured in the same run: the
start-up of a bare Python interpreter and read_document of the same file.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from difflib import SequenceMatcher
from pathlib import Path

from tracker.api import read_document
from tracker.extract import extract_targets
from tracker.model import Target

FIELDS = ("comparator", "deadline", "modality", "per", "value_max")


def normalise(text: str) -> tuple[str, list[int]]:
    """NFKC without whitespace, and for each original char its offset in the result."""
    out: list[str] = []
    where: list[int] = []
    n = 0
    for ch in text:
        where.append(n)
        piece = "".join(c for c in unicodedata.normalize("NFKC", ch) if not c.isspace())
        out.append(piece)
        n += len(piece)
    where.append(n)
    return "".join(out), where


@dataclass
class Span:
    start: int
    end: int

    def overlap(self, other: "Span") -> int:
        return max(0, min(self.end, other.end) - max(self.start, other.start))


def occurrences(haystack: str, needle: str) -> list[Span]:
    spans, i = [], haystack.find(needle)
    while needle and i >= 0:
        spans.append(Span(i, i + len(needle)))
        i = haystack.find(needle, i + 1)
    return spans


def tool_span(t: Target, doc_norm: str, where: list[int]) -> list[Span]:
    text_norm, _ = normalise(t.text)
    if t.start >= 0:
        return [Span(where[t.start], where[min(len(where) - 1, t.start + len(t.text))])]
    return occurrences(doc_norm, text_norm)


def compatible(g: dict, t: Target) -> bool:
    if g["kind"] != t.kind:
        return False
    if g["kind"] == "quantity":
        return t.value is not None and Decimal(str(g["value"])) == t.value and g["unit"] == t.unit
    return bool(t.deadline and g["deadline"] and t.deadline[:4] == g["deadline"][:4])


def text_overlap(g_spans: list[Span], g_norm: str, t_spans: list[Span], t_norm: str) -> int:
    if g_spans and t_spans:
        return max(a.overlap(b) for a in g_spans for b in t_spans)
    m = SequenceMatcher(None, g_norm, t_norm, autojunk=False).find_longest_match()
    return m.size if m.size >= 4 else 0


def match(gold: list[dict], tool: list[Target], doc_text: str):
    """One-to-one pairs, best first: same clause, then the larger text overlap."""
    doc_norm, where = normalise(doc_text)
    g_info = []
    for g in gold:
        g_norm = normalise(g["text"])[0]
        g_info.append((g_norm, occurrences(doc_norm, g_norm)))
    t_info = [(normalise(t.text)[0], tool_span(t, doc_norm, where)) for t in tool]
    candidates = []
    for gi, g in enumerate(gold):
        for ti, t in enumerate(tool):
            if not compatible(g, t):
                continue
            ov = text_overlap(g_info[gi][1], g_info[gi][0], t_info[ti][1], t_info[ti][0])
            if ov:
                candidates.append((g["clause"] == t.clause, ov, gi, ti))
    candidates.sort(reverse=True)
    used_g, used_t, pairs = set(), set(), []
    for _, _, gi, ti in candidates:
        if gi in used_g or ti in used_t:
            continue
        used_g.add(gi)
        used_t.add(ti)
        pairs.append((gi, ti))
    unfound = [g["text"] for g, (_, spans) in zip(gold, g_info) if not spans]
    return pairs, used_g, used_t, unfound


def field_value(obj, name):
    value = obj[name] if isinstance(obj, dict) else getattr(obj, name)
    if name == "value_max" and value is not None:
        return Decimal(str(value))
    return value


def describe(t) -> str:
    get = (lambda k: t[k]) if isinstance(t, dict) else (lambda k: getattr(t, k))
    if get("kind") == "deadline":
        return f"[{get('clause')}] deadline {get('deadline')} {get('modality')}: {get('text')}"
    rng = f"..{get('value_max')}" if get("value_max") is not None else ""
    return (f"[{get('clause')}] {get('comparator')} {get('value')}{rng} {get('unit')} per={get('per')} "
            f"dl={get('deadline')} {get('modality')}: {get('text')}")


def python_startup() -> float:
    t = time.perf_counter()
    subprocess.run([sys.executable, "-c", "pass"], check=True)
    return time.perf_counter() - t


def main(argv=None) -> int:
    here = Path(__file__).resolve().parent
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-v", "--verbose", action="store_true", help="list misses, false positives, field mismatches")
    ap.add_argument("--gold", type=Path, default=here.parent.parent / "shared" / "gold" / "targets")
    ap.add_argument("--seeds", type=Path, default=here.parent.parent / "shared" / "seeds")
    args = ap.parse_args(argv)

    startup = python_startup()
    totals = {"gold": 0, "tool": 0, "matched": 0}
    field_hits = {f: [0, 0] for f in FIELDS}
    ok = True
    print(f"{'document':48} {'gold':>4} {'tool':>4} {'match':>5} {'P':>6} {'R':>6} {'read':>8} {'extract':>8}")
    for gold_file in sorted(args.gold.glob("*.json")):
        seed = args.seeds / (gold_file.stem + ".txt")
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        t0 = time.perf_counter()
        doc = read_document(seed)
        t1 = time.perf_counter()
        tool = extract_targets(doc)
        t2 = time.perf_counter()
        pairs, used_g, used_t, unfound = match(gold, tool, doc.text)
        p = len(pairs) / len(tool) if tool else 1.0
        r = len(pairs) / len(gold) if gold else 1.0
        ok &= p >= 0.95 and r >= 0.95
        totals["gold"] += len(gold)
        totals["tool"] += len(tool)
        totals["matched"] += len(pairs)
        print(f"{gold_file.stem:48} {len(gold):4} {len(tool):4} {len(pairs):5} {p:6.3f} {r:6.3f} "
              f"{(t1 - t0) * 1000:6.1f}ms {(t2 - t1) * 1000:6.1f}ms")
        mismatches = []
        for gi, ti in pairs:
            for f in FIELDS:
                same = field_value(gold[gi], f) == field_value(tool[ti], f)
                field_hits[f][0] += same
                field_hits[f][1] += 1
                if not same:
                    mismatches.append(f"{f}: gold {field_value(gold[gi], f)!r} tool {field_value(tool[ti], f)!r}"
                                      f"  — {tool[ti].text}")
        if args.verbose:
            for text in unfound:
                print(f"  ! gold text not found in the cleaned document: {text}")
            for gi, g in enumerate(gold):
                if gi not in used_g:
                    print(f"  MISS  {describe(g)}")
            for ti, t in enumerate(tool):
                if ti not in used_t:
                    print(f"  FP    {describe(t)}")
            for line in mismatches:
                print(f"  FIELD {line}")
    p = totals["matched"] / totals["tool"] if totals["tool"] else 1.0
    r = totals["matched"] / totals["gold"] if totals["gold"] else 1.0
    print(f"{'overall':48} {totals['gold']:4} {totals['tool']:4} {totals['matched']:5} {p:6.3f} {r:6.3f}")
    print("field accuracy over matched pairs: " + ", ".join(
        f"{f} {h / n:.3f} ({h}/{n})" for f, (h, n) in field_hits.items() if n))
    print(f"anchor: python start-up {startup * 1000:.1f}ms (same run)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
