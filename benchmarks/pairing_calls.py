"""Target pairing grows with the number of targets, not with old × new (issue 17).

On the real 民法典 ladder of ``civil_code_speed.py`` (10 KB … 1.3 MB, each rung against a
copy with 5% of its articles edited, moved or inserted), for each rung: the targets on
each side, how many pair scores ``compare.pair_targets`` computed, beside old × new (what
scoring every old target against every new one costs), and the pairing time beside the
time of that all-against-all scoring of the same targets, measured in the same run.
The pairs both ways give are checked to be the same.

Usage: .venv/bin/python benchmarks/pairing_calls.py [--max-kb 1400] [--all-max-kb 700]
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT.parent))
sys.path.insert(0, str(ROOT))

from civil_code_speed import RUNGS_KB, cut, edited, ladder_lines, renumber  # noqa: E402

from tracker import compare  # noqa: E402
from tracker.align import align_versions  # noqa: E402
from tracker.pipeline import extract_targets, read_document  # noqa: E402


def all_against_all(old, new, links, mode="version"):
    """The pairing as it was: every old target scored against every new one."""
    ro, rn = compare._ranks(old), compare._ranks(new)
    fo, fn = [compare._features(t) for t in old], [compare._features(t) for t in new]
    scored = []
    for i, a in enumerate(old):
        for j, b in enumerate(new):
            linked = (a.clause, b.clause) in links
            scores = compare._score(fo[i], fn[j], linked, (ro[i], rn[j]))
            if compare._acceptable(a, b, linked, True, scores, mode):
                scored.append((scores[0], -abs(i - j), i, j))
    scored.sort(reverse=True)
    used_o, used_n, pairs = set(), set(), []
    for _, _, i, j in scored:
        if i not in used_o and j not in used_n:
            used_o.add(i)
            used_n.add(j)
            pairs.append((i, j))
    pairs += [(i, None) for i in range(len(old)) if i not in used_o]
    pairs += [(None, j) for j in range(len(new)) if j not in used_n]
    return pairs


def document(lines: list[str], where: Path):
    where.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return read_document(where)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--max-kb", type=int, default=1400)
    parser.add_argument("--all-max-kb", type=int, default=700, help="largest rung also scored all against all")
    opts = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="tracker-pairing-"))
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-c", "pass"], check=True)
    print(f"anchor: Python start-up {(time.perf_counter() - t0) * 1000:.0f} ms")
    print(f"{'size':>8} {'targets old/new':>16} {'pair scores':>12} {'old×new':>10} {'share':>7} "
          f"{'pairing':>9} {'all-vs-all':>11} {'same pairs':>10}")
    longest = ladder_lines()
    for kb in [k for k in RUNGS_KB if k <= opts.max_kb]:
        old_lines = renumber(cut(longest, kb))
        a, b = document(old_lines, tmp / f"old-{kb}.txt"), document(edited(old_lines), tmp / f"new-{kb}.txt")
        ta, tb = extract_targets(a), extract_targets(b)
        links = compare.clause_links(align_versions(a.clauses, b.clauses))
        t = time.perf_counter()
        pairs = compare.pair_targets(ta, tb, links, "version")
        took = time.perf_counter() - t
        calls = compare.PAIR_SCORE_CALLS[0]
        square = len(ta) * len(tb)
        brute, same = "—", "—"
        if kb <= opts.all_max_kb:
            t = time.perf_counter()
            reference = all_against_all(ta, tb, links)
            brute = f"{(time.perf_counter() - t) * 1000:8.0f} ms"
            same = "yes" if sorted(reference, key=str) == sorted(pairs, key=str) else "NO"
        size = sum(len(x.encode("utf-8")) + 1 for x in old_lines) / 1024
        print(f"{size:6.0f} KB {len(ta):>7} / {len(tb):<7} {calls:>12,} {square:>10,} {calls / max(square, 1):7.3f} "
              f"{took * 1000:6.0f} ms {brute:>11} {same:>10}")


if __name__ == "__main__":
    main()
