"""Speed of whole tracker processes on the real 民法典, beside peers timed in the same run.

The pair: the real 民法典 (``benchmarks/data/civil-code.txt``, 1,260 articles, 324 KB,
written by ``make_civil_code.py``) against a copy in which 5% of the articles are
edited, moved far away or newly inserted (every article after an insertion is
renumbered, as in a real revision). The ladder cuts the code at article boundaries to
10 KB, 40 KB, 160 KB and 324 KB, and beyond its size appends the articles of the
other laws of the real-revision corpus (``benchmarks/laws/texts``, their latest
versions, each as one more 编, articles numbered on), so every rung is distinct
real legal text up to 640 KB and 1.3 MB; each rung is edited the same way.

Every figure is the wall time of a whole process (Python start-up included), the
median of ``--repeat`` runs, with the child's peak RSS. Anchors in the same run:
Python start-up, ``git diff --no-index --word-diff`` and the ``redlines`` library
(a whole process as well, and its compute time alone).

Usage: .venv/bin/python benchmarks/civil_code_speed.py [--repeat 3] [--max-kb 1400] [--no-redlines]
"""
from __future__ import annotations

import argparse
import math
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import cn2an

ROOT = Path(__file__).resolve().parent
CODE = ROOT / "data" / "civil-code.txt"
ARTICLE = re.compile(r"^第([一二三四五六七八九十百千零]+)条　")
RUNGS_KB = (10, 40, 160, 324, 640, 1300)
EDIT_SHARE = 0.05


LAWS = ROOT / "laws" / "texts"
HEADING = re.compile(r"^第[一二三四五六七八九十百千零]+(?:编|分编|章|节)　")


def other_law_articles(path: Path) -> list[str]:
    """A law's articles and their paragraphs, without its title, history, 目录 or headings."""
    lines, started = [], False
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        started = started or bool(ARTICLE.match(line))
        if started and line and not HEADING.match(line) and line not in ("附　　则", "附则"):
            lines.append(line)
    return lines


def ladder_lines() -> list[str]:
    """The 民法典, then the other corpus laws as further 编, renumbered as one long law."""
    lines = CODE.read_text(encoding="utf-8").splitlines()
    book = 7
    for folder in sorted(p for p in LAWS.iterdir() if p.is_dir()):
        latest = sorted(folder.glob("*.txt"))[-1]
        book += 1
        lines.append(f"第{cn2an.an2cn(book)}编　{folder.name}")
        lines.extend(other_law_articles(latest))
    return renumber(lines)


def cut(lines: list[str], kb: int) -> list[str]:
    """The longest prefix of whole lines that fits in ``kb`` kilobytes of UTF-8."""
    out, size = [], 0
    for line in lines:
        size += len(line.encode("utf-8")) + 1
        if size > kb * 1024 and out:
            break
        out.append(line)
    return out


def renumber(lines: list[str]) -> list[str]:
    """Number the articles 1, 2, 3 … in order, as a revised law is republished."""
    n, out = 0, []
    for line in lines:
        if ARTICLE.match(line):
            n += 1
            line = ARTICLE.sub(f"第{cn2an.an2cn(n)}条　", line)
        out.append(line)
    return out


def edited(lines: list[str], seed: int = 7) -> list[str]:
    """5% of the articles edited (a figure raised, a proviso added), moved far away, or inserted new."""
    rng = random.Random(seed)
    articles = [i for i, line in enumerate(lines) if ARTICLE.match(line)]
    picks = sorted(rng.sample(articles, max(1, int(len(articles) * EDIT_SHARE))))
    new: list[str | None] = list(lines)
    moved, inserted = [], []
    for k, i in enumerate(picks):
        op = k % 3
        if op == 0:
            text = re.sub(r"([一二三四五六七八九十百千]+)(日|年|个月|倍)", lambda m: "三十" + m.group(2), lines[i], count=1)
            new[i] = text.rstrip("。") + "，但是法律另有规定的除外。" if text == lines[i] else text
        elif op == 1:
            new[i] = None
            moved.append(lines[i])
        else:
            inserted.append((i, f"第一条　有关单位应当在三十日内将处理结果书面告知当事人，逾期未告知的，处二万元以上十万元以下的罚款。"))
    for i, text in reversed(inserted):
        new.insert(i, text)
    kept = [line for line in new if line is not None]
    for text in moved:
        spots = [j for j, line in enumerate(kept) if ARTICLE.match(line)]
        kept.insert(rng.choice(spots), text)
    return renumber(kept)


def run_process(argv: list[str], cwd: Path | None = None) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of one whole child process."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=cwd)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode("utf-8", "replace")
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(argv[:4])}… failed ({proc.returncode}): {err.strip()[-300:]}")
    return elapsed, usage.ru_maxrss / 1024


def median_run(argv: list[str], repeat: int) -> tuple[float, float]:
    runs = [run_process(argv) for _ in range(repeat)]
    return statistics.median(r[0] for r in runs), max(r[1] for r in runs)


REDLINES = ("import sys,time;t=time.perf_counter();from redlines import Redlines;"
            "a=open(sys.argv[1],encoding='utf-8').read();b=open(sys.argv[2],encoding='utf-8').read();"
            "c=time.perf_counter();Redlines(a,b).output_markdown;sys.stderr.write(str(time.perf_counter()-c))")


def redlines_times(a: Path, b: Path, repeat: int) -> tuple[float, float]:
    """Whole-process wall time and compute-only time of redlines on the same pair."""
    walls, computes = [], []
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = subprocess.run([sys.executable, "-c", REDLINES, str(a), str(b)], capture_output=True, text=True)
        walls.append(time.perf_counter() - t0)
        computes.append(float(out.stderr.strip().splitlines()[-1]) if out.returncode == 0 else math.nan)
    return statistics.median(walls), statistics.median(computes)


def tracker(*args: str) -> list[str]:
    return [sys.executable, "-m", "tracker", *args]


def exponent(sizes: list[float], times: list[float]) -> float:
    """Least-squares slope of log(time) against log(size): 1.0 is linear growth."""
    xs, ys = [math.log(s) for s in sizes], [math.log(t) for t in times]
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--max-kb", type=int, default=1400)
    parser.add_argument("--no-redlines", action="store_true")
    opts = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="tracker-civil-"))
    start, _ = median_run([sys.executable, "-c", "pass"], 5)
    print(f"anchor: Python start-up {start * 1000:.0f} ms")

    real_old = CODE.read_text(encoding="utf-8").splitlines()
    (tmp / "code-old.txt").write_text("\n".join(real_old) + "\n", encoding="utf-8")
    (tmp / "code-new.txt").write_text("\n".join(edited(real_old)) + "\n", encoding="utf-8")
    a, b = tmp / "code-old.txt", tmp / "code-new.txt"
    print(f"\n民法典 pair: {a.stat().st_size // 1024} KB / {b.stat().st_size // 1024} KB, 5% of articles edited, moved or inserted")
    diff_t, diff_rss = median_run(tracker("diff", str(a), str(b), "--format", "json"), opts.repeat)
    report_t, report_rss = median_run(tracker("report", str(a), str(b), "-o", str(tmp / "report.html")), opts.repeat)
    git_t, _ = median_run(["git", "diff", "--no-index", "--word-diff", str(a), str(b)], opts.repeat)
    print(f"  tracker diff --format json   {diff_t * 1000:7.0f} ms  peak RSS {diff_rss:5.0f} MB")
    print(f"  tracker report (HTML)        {report_t * 1000:7.0f} ms  peak RSS {report_rss:5.0f} MB  ({report_t / diff_t:.2f}× the diff)")
    print(f"  git diff --no-index --word-diff {git_t * 1000:4.0f} ms")
    if not opts.no_redlines:
        wall, compute = redlines_times(a, b, opts.repeat)
        print(f"  redlines, whole process      {wall * 1000:7.0f} ms  (compute alone {compute * 1000:.0f} ms)")
        print(f"  tracker diff / redlines      {diff_t / wall:7.2f}×  (goal ≤ 0.33×)")

    print(f"\nladder (whole `tracker diff --format json` process, median of {opts.repeat}):")
    print(f"  {'size':>8} {'tracker':>9} {'peak RSS':>9} {'git word-diff':>14}")
    longest = ladder_lines()
    sizes, times = [], []
    for kb in [k for k in RUNGS_KB if k <= opts.max_kb]:
        old = renumber(cut(longest, kb))
        new = edited(old)
        pa, pb = tmp / f"old-{kb}.txt", tmp / f"new-{kb}.txt"
        pa.write_text("\n".join(old) + "\n", encoding="utf-8")
        pb.write_text("\n".join(new) + "\n", encoding="utf-8")
        t, rss = median_run(tracker("diff", str(pa), str(pb), "--format", "json"), opts.repeat)
        g, _ = median_run(["git", "diff", "--no-index", "--word-diff", str(pa), str(pb)], opts.repeat)
        sizes.append(pa.stat().st_size)
        times.append(t)
        print(f"  {pa.stat().st_size / 1024:6.0f} KB {t * 1000:7.0f} ms {rss:6.0f} MB {g * 1000:11.0f} ms")
    if len(sizes) >= 3:
        net = [max(t - start, 1e-3) for t in times]
        print(f"  growth exponent, whole process {exponent(sizes, times):.2f}; less start-up {exponent(sizes, net):.2f}"
              f"; from 160 KB up {exponent(sizes[2:], net[2:]):.2f}  (goal ≤ 1.15)")


if __name__ == "__main__":
    main()
