"""Score tracker on blind invented article pairs of law provisions (benchmarks/law_provisions/).

Each pair is one article of an invented law in an old and a new version, written
with its truth by a drafter who had not seen tracker's code or output
(``pairs.json``, see the README there). The article is put into a three-article
law, diffed as ``tracker diff`` does (the library API), and the numeric provisions
tracker reports as changed in that article are matched one to one with the
truth's changes by their figures (the same side matching as
``benchmarks/law_eval.py``):

  found P / R    reported changes matched to a truth change / truth changes found
  direction      matched changes whose label agrees (tracker's ``mixed`` reads ``changed``)
  quiet pairs    pairs whose truth lists no change, and on which tracker reports none

Usage: .venv/bin/python benchmarks/law_provisions_eval.py [-v] [--out FILE]
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from law_eval import _maximum_matching, _side_matches, ratio  # noqa: E402
from tracker.api import diff  # noqa: E402
from tracker.clean import clean  # noqa: E402
from tracker.model import RawText  # noqa: E402
from tracker.segment import segment  # noqa: E402

PAIRS = ROOT / "benchmarks" / "law_provisions" / "pairs.json"
U = "\u3000"


def law(article: str):
    """The article as 第二条 of a three-article law."""
    text = (f"某某管理条例\n第一条{U}为了加强管理，规范相关活动，根据有关法律，制定本条例。\n"
            f"第二条{U}{article}\n第三条{U}本条例具体应用中的问题，由有关主管部门负责解释。\n")
    return segment(clean(RawText(text=text, source="article.txt", format="txt")))


def reported(pair: dict) -> list[dict]:
    """tracker's changed numeric targets of the article, as plain dicts of the JSON contract's fields."""
    rows = []
    for c in diff(law(pair["old"]), law(pair["new"])).targets:
        if c.change == "unchanged":
            continue
        rows.append({"change": "changed" if c.change == "mixed" else c.change, "old": _side(c.old), "new": _side(c.new)})
    return rows


def _side(t) -> dict | None:
    """The fields of a reported target the scorer reads (as the JSON contract names them)."""
    if t is None:
        return None
    return {"value": t.value, "value_max": t.value_max, "deadline": t.deadline, "text": t.text, "role": t.role, "per": t.per}


def score_pair(pair: dict, faults: list[str]) -> Counter:
    c = Counter()
    rows = reported(pair)
    c["reported"] += len(rows)
    c["truth"] += len(pair["changes"])
    options = [sorted((k for k, row in enumerate(rows) if _side_matches(truth["old"], row["old"])
                       and _side_matches(truth["new"], row["new"])),
                      key=lambda k: (rows[k]["new"] or rows[k]["old"])["role"] != truth["role"])
               for truth in pair["changes"]]
    row_of = _maximum_matching(options)  # one-to-one, as many as possible (law_eval.score_numeric)
    used = set(row_of.values())
    for n, truth in enumerate(pair["changes"]):
        match = row_of.get(n)
        if match is None:
            faults.append(f"#{pair['id']} missed {truth['role']} {truth['old']!r} → {truth['new']!r} ({truth['direction']})")
            continue
        c["found"] += 1
        c[f"role:{truth['role']}:found"] += 1
        if rows[match]["change"] == truth["direction"]:
            c["labelled"] += 1
        else:
            faults.append(f"#{pair['id']} label {truth['role']} {truth['old']!r} → {truth['new']!r}: truth {truth['direction']}, "
                          f"tracker {rows[match]['change']}")
    for truth in pair["changes"]:
        c[f"role:{truth['role']}:truth"] += 1
    for k, row in enumerate(rows):
        if k not in used:
            t = row["new"] or row["old"]
            faults.append(f"#{pair['id']} false alarm {row['change']} {t['role']} {t['text']!r}")
    if not pair["changes"]:
        c["quiet"] += 1
        c["quiet_ok"] += not rows
    return c


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("-v", "--verbose", action="store_true", help="list every fault")
    ap.add_argument("--out", help="write the figures and every fault as JSON here")
    ap.add_argument("--pairs", default=str(PAIRS), help="the pairs file (default: %(default)s)")
    args = ap.parse_args(argv)
    pairs = json.loads(Path(args.pairs).read_text(encoding="utf-8"))["pairs"]
    total, faults = Counter(), []
    for pair in pairs:
        try:
            total += score_pair(pair, faults)
        except Exception as exc:  # a crash counts every truth change of the pair as missed
            faults.append(f"#{pair['id']} crashed: {type(exc).__name__}: {exc}")
            total["truth"] += len(pair["changes"])
    figures = {"pairs": len(pairs), "provisions": total["truth"], "reported": total["reported"],
               "found_precision": ratio(total["found"], total["reported"]), "found_recall": ratio(total["found"], total["truth"]),
               "labelled_precision": ratio(total["labelled"], total["reported"]),
               "labelled_recall": ratio(total["labelled"], total["truth"]),
               "quiet_pairs": f"{total['quiet_ok']}/{total['quiet']}",
               "by_role": {role: f"{total[f'role:{role}:found']}/{total[f'role:{role}:truth']}"
                           for role in sorted({k.split(':')[1] for k in total if k.startswith('role:')})}}
    print(f"pairs {len(pairs)}  provisions {total['truth']}  reported {total['reported']}"
          f"  found P {figures['found_precision']} R {figures['found_recall']}"
          f"  with direction P {figures['labelled_precision']} R {figures['labelled_recall']}")
    print(f"quiet pairs (no numeric change) with nothing reported: {figures['quiet_pairs']}")
    print(f"found by role: {figures['by_role']}")
    if args.verbose:
        for f in faults:
            print("  ", f)
    if args.out:
        Path(args.out).write_text(json.dumps({"figures": figures, "faults": faults}, ensure_ascii=False, indent=1) + "\n",
                                  encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
