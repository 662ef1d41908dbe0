"""Score ``tracker diff --format json`` on the unseen document pairs (benchmarks/unseen/).

For each pair it runs the CLI as a user would, then compares with
``benchmarks/unseen/truth/<pair>.json``:

  targets   a truth entry matches a diff row when each of its sides agrees on
            clause id and value (plain units) — or deadline year for deadline
            targets. precision / recall are over changed targets (label other
            than unchanged); label accuracy is over every truth entry (a missed
            entry counts as wrong); a false alarm is a changed row no truth
            entry explains.
  clauses   each structural truth entry (added/removed/moved/split/merged), each
            must-stay-unchanged renumbered clause and each must-be-modified
            clause must appear in the diff as written (or as an alternative);
            a false alarm is a structural row no truth entry explains.

Clause ids are compared after one normalisation: full-width parentheses →
ASCII, and a chapter prefix before an article (第二章.第五条 → 第五条), since
articles of a 条例 are numbered through the whole text.

A truth side may name its clause as a list of ids any of which is accepted
(inline items such as （1） inside a paragraph may or may not be clauses of
their own), and may carry a ``unit`` that the tool's unit must equal (to tell
apart two targets of one clause with the same value, 1个 and 1公里).

Every round (benchmarks/unseen, unseen2, unseen3) is scored unless --corpus names one;
then the figures of the round's recorded first run (<round>/first-run.json, the honest
estimate, written once by --record before any fix) are printed beside the current ones,
per mode (version / parent): precision, recall, F1 of changed targets and label accuracy.

Usage: .venv/bin/python benchmarks/unseen_eval.py [-v] [--corpus DIR] [--record] [PAIR ...]
"""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UNSEEN = ROOT / "benchmarks" / "unseen"
TRACKER = ROOT / ".venv" / "bin" / "tracker"
STRUCTURAL = {"added", "removed", "moved", "split", "merged"}


def norm_id(cid):
    if cid is None:
        return None
    if isinstance(cid, list):
        return tuple(sorted(norm_id(c) for c in cid))
    cid = cid.replace("（", "(").replace("）", ")")
    return re.sub(r"第[^.]+章\.(?=第[^.]+条)", "", cid)


def run_diff(truth: dict, corpus: Path = UNSEEN) -> dict:
    cmd = [str(TRACKER), "diff", str(corpus / truth["old"]), str(corpus / truth["new"]), "--format", "json"]
    if truth["mode"] == "parent":
        cmd.append("--parent")
    out = subprocess.run(cmd, capture_output=True, text=True)
    if out.returncode != 0:
        raise SystemExit(f"{truth['name']}: tracker exited {out.returncode}: {out.stderr.strip()}")
    return json.loads(out.stdout)


def side_matches(want, got) -> bool:
    if want is None:
        return True
    wanted = want["clause"] if isinstance(want["clause"], list) else [want["clause"]]
    if got is None or norm_id(got["clause"]) not in {norm_id(c) for c in wanted}:
        return False
    if want.get("unit") is not None and got.get("unit") != want["unit"]:
        return False
    if want.get("value") is not None:
        return got.get("value") is not None and abs(float(got["value"]) - float(want["value"])) < 1e-6
    year = want.get("deadline_year")
    return got.get("kind") == "deadline" and bool(got.get("deadline")) and int(got["deadline"][:4]) == year


def describe(t) -> str:
    if t is None:
        return "—"
    val = t.get("value")
    if t.get("value_max") is not None:
        val = f"{val}–{t['value_max']}"
    return f"{t['clause']} {t.get('indicator') or ''} {t.get('comparator') or ''}{'' if val is None else val}{t.get('unit') or ''} by {t.get('deadline')} ({t.get('modality')})"


def describe_truth(side) -> str:
    if side is None:
        return "—"
    v = side.get("value")
    return f"{side['clause']} {v if v is not None else 'deadline ' + str(side.get('deadline_year'))}"


def score_targets(truth: dict, rows: list[dict], misses: list[str]) -> dict:
    used: set[int] = set()
    label_ok = tp = 0
    t_changed = sum(1 for e in truth["targets"] if e["label"] != "unchanged")
    for e in truth["targets"]:
        cands = [i for i, r in enumerate(rows) if i not in used and side_matches(e["old"], r["old"]) and side_matches(e["new"], r["new"])]
        # prefer a row whose empty sides are empty as in the truth (dropped/added)
        cands.sort(key=lambda i: ((e["old"] is None) != (rows[i]["old"] is None)) + ((e["new"] is None) != (rows[i]["new"] is None)))
        if not cands:
            part = [r for r in rows if (e["old"] and side_matches(e["old"], r["old"])) or (e["new"] and side_matches(e["new"], r["new"]))]
            misses.append(f"  MISS target {describe_truth(e['old'])} → {describe_truth(e['new'])} expected {e['label']}"
                          f" ({e.get('note') or ''})" + "".join(f"\n      tool has: {r['change']:9} {describe(r['old'])} → {describe(r['new'])}" for r in part))
            continue
        i = cands[0]
        used.add(i)
        got = rows[i]["change"]
        if got == e["label"]:
            label_ok += 1
        else:
            misses.append(f"  LABEL {describe_truth(e['old'])} → {describe_truth(e['new'])}: expected {e['label']}, got {got}"
                          f" ({e.get('note') or ''})\n      {describe(rows[i]['old'])} → {describe(rows[i]['new'])}"
                          f"\n      reasons: {'; '.join(rows[i].get('reasons') or [])}")
        if e["label"] != "unchanged" and got != "unchanged":
            tp += 1
    false_alarms = [r for i, r in enumerate(rows) if i not in used and r["change"] != "unchanged"]
    for r in false_alarms:
        misses.append(f"  FALSE target {r['change']:9} {describe(r['old'])} → {describe(r['new'])}")
    p_changed = sum(1 for r in rows if r["change"] != "unchanged")
    return {
        "t_changed": t_changed, "p_changed": p_changed, "tp": tp,
        "precision": tp / p_changed if p_changed else 1.0,
        "recall": tp / t_changed if t_changed else 1.0,
        "label_acc": label_ok / len(truth["targets"]) if truth["targets"] else 1.0,
        "target_fa": len(false_alarms), "label_ok": label_ok,
    }


def clause_key(c):
    return (c["change"], norm_id(c["old"]), norm_id(c["new"]))


def score_clauses(truth: dict, rows: list[dict], misses: list[str]) -> dict:
    if not truth.get("score_clauses", True):
        return {"clause_acc": None, "clause_fa": None, "clauses": None, "clause_ok": None}
    have = {clause_key(r): r for r in rows}
    explained = set()
    ok = 0
    for e in truth["clauses"]:
        keys = [clause_key(e)] + [clause_key(a) for a in e.get("alternatives", [])]
        hit = next((k for k in keys if k in have), None)
        if hit:
            ok += 1
            explained.add(hit)
        else:
            near = [r for r in rows if norm_id(e["old"]) in ((norm_id(r["old"]),) + (norm_id(r["old"]) if isinstance(r["old"], list) else ()))
                    or norm_id(e["new"]) in ((norm_id(r["new"]),) + (norm_id(r["new"]) if isinstance(r["new"], list) else ()))]
            near = [r for r in near if r["old"] is not None or r["new"] is not None]
            misses.append(f"  MISS clause {e['change']} {e['old']} → {e['new']} ({e.get('note') or ''})"
                          + "".join(f"\n      tool has: {r['change']} {r['old']} → {r['new']}" for r in near[:4]))
    fa = [r for r in rows if r["change"] in STRUCTURAL and clause_key(r) not in explained]
    for r in fa:
        misses.append(f"  FALSE clause {r['change']} {r['old']} → {r['new']}: {(r.get('new_text') or r.get('old_text') or '')[:50]}")
    return {"clause_acc": ok / len(truth["clauses"]) if truth["clauses"] else 1.0, "clause_fa": len(fa),
            "clauses": len(truth["clauses"]), "clause_ok": ok}


ROUNDS = ("unseen", "unseen2", "unseen3")
FIRST_RUN = "first-run.json"


def counts(truth: dict, s: dict) -> dict:
    """The raw counts of one pair's score, as first-run.json records them (figures are recomputed from these)."""
    return {
        "mode": truth["mode"], "items": len(truth["targets"]), "changed": s["t_changed"], "reported": s["p_changed"],
        "tp": s["tp"], "label_ok": s["label_ok"], "clauses": s["clauses"], "clause_ok": s["clause_ok"],
        "target_fa": s["target_fa"], "clause_fa": s["clause_fa"],
    }


def figures(pairs: list[dict]) -> dict:
    """Micro-averaged precision, recall, F1 over changed targets and label accuracy over every truth item."""
    tp, rep, chg = (sum(p[k] for p in pairs) for k in ("tp", "reported", "changed"))
    items, ok = sum(p["items"] for p in pairs), sum(p["label_ok"] for p in pairs)
    prec = tp / rep if rep else 1.0
    rec = tp / chg if chg else 1.0
    return {"n": len(pairs), "P": prec, "R": rec, "F1": 2 * prec * rec / (prec + rec) if prec + rec else 0.0,
            "label": ok / items if items else 1.0}


def by_mode(pairs: dict[str, dict]) -> dict[str, dict]:
    out = {}
    for mode in ("version", "parent"):
        chosen = [p for p in pairs.values() if p["mode"] == mode]
        if chosen:
            out[mode] = figures(chosen)
    out["all"] = figures(list(pairs.values()))
    return out


def fmt(f: dict | None) -> str:
    return "   —" * 4 if f is None else f"{f['P']:6.3f} {f['R']:6.3f} {f['F1']:6.3f} {f['label']:6.3f}"


def print_side_by_side(rounds: list[tuple[str, dict, dict | None]]) -> None:
    """First run beside the current run, per round and per mode, so drift shows."""
    print(f"\n{'round':9} {'mode':8} {'pairs':>5}   first run: {'P':>5} {'R':>6} {'F1':>6} {'label':>6}   "
          f"current: {'P':>5} {'R':>6} {'F1':>6} {'label':>6}  {'ΔF1':>6}")
    for name, now, first in rounds:
        cur, was = by_mode(now), by_mode(first["pairs"]) if first else {}
        for mode in cur:
            delta = f"{cur[mode]['F1'] - was[mode]['F1']:+6.3f}" if mode in was else "     —"
            print(f"{name:9} {mode:8} {cur[mode]['n']:>5}   {'':11}{fmt(was.get(mode))}   {'':9}{fmt(cur[mode])}  {delta}")


def run_round(corpus: Path, names: list[str], verbose: bool) -> dict[str, dict]:
    files = sorted((corpus / "truth").glob("*.json"))
    results, all_misses, raw = [], {}, {}
    for f in files:
        truth = json.loads(f.read_text(encoding="utf-8"))
        if names and truth["name"] not in names:
            continue
        out = run_diff(truth, corpus)
        misses: list[str] = []
        s = score_targets(truth, out["targets"], misses)
        s.update(score_clauses(truth, out["clauses"], misses))
        results.append((truth["name"], s))
        raw[truth["name"]] = counts(truth, s)
        all_misses[truth["name"]] = misses
        if verbose:
            print(f"--- {truth['name']} tool rows")
            for r in out["targets"]:
                print(f"   {r['change']:9} {describe(r['old'])} → {describe(r['new'])}")
            for r in out["clauses"]:
                if r["change"] != "unchanged":
                    print(f"   clause {r['change']:9} {r['old']} → {r['new']}")
    print(f"== {corpus.name}")
    print(f"{'pair':28} {'chg':>4} {'rep':>4} {'prec':>6} {'recall':>6} {'label':>6} {'clause':>6} {'FA t/c':>7}")
    tot = {"t": 0, "p": 0, "tp": 0}
    for name, s in results:
        ca = "  —  " if s["clause_acc"] is None else f"{s['clause_acc']:.3f}"
        fa = f"{s['target_fa']}/{'—' if s['clause_fa'] is None else s['clause_fa']}"
        print(f"{name:28} {s['t_changed']:>4} {s['p_changed']:>4} {s['precision']:>6.3f} {s['recall']:>6.3f} {s['label_acc']:>6.3f} {ca:>6} {fa:>7}")
        tot["t"] += s["t_changed"]; tot["p"] += s["p_changed"]; tot["tp"] += s["tp"]
    if tot["p"] and tot["t"]:
        print(f"{'all':28} {tot['t']:>4} {tot['p']:>4} {tot['tp'] / tot['p']:>6.3f} {tot['tp'] / tot['t']:>6.3f}")
    for name, misses in all_misses.items():
        if misses:
            print(f"\n{name}:")
            print("\n".join(misses))
    print()
    return raw


def main(argv: list[str]) -> int:
    """Every round (or the one --corpus names), then first-run and current figures side by side.

    ``--record`` writes the current run as the corpus's first-run.json: only ever
    before any fix the corpus prompts (the honest first run).
    """
    verbose = "-v" in argv
    record = "--record" in argv
    corpora = [ROOT / "benchmarks" / r for r in ROUNDS if (ROOT / "benchmarks" / r / "truth").is_dir()]
    if "--corpus" in argv:
        i = argv.index("--corpus")
        corpora = [Path(argv[i + 1]).resolve()]
        argv = argv[:i] + argv[i + 2:]
    names = [a for a in argv if not a.startswith("-")]
    rounds = []
    for corpus in corpora:
        raw = run_round(corpus, names, verbose)
        first_file = corpus / FIRST_RUN
        if record:
            if first_file.exists():
                raise SystemExit(f"{first_file} exists: the first run is recorded once, before any fix")
            first_file.write_text(json.dumps({"source": "unseen_eval.py --record", "pairs": raw}, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        first = json.loads(first_file.read_text(encoding="utf-8")) if first_file.exists() else None
        if first and names:
            first = {**first, "pairs": {k: v for k, v in first["pairs"].items() if k in names}}
        rounds.append((corpus.name, raw, first))
    print_side_by_side(rounds)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
