"""The whole corpus at once: ``tracker import --manifest`` and ``tracker audit`` on 1,000 plans.

Generates N small county plans (8 targets each, values and deadlines varied
with a fixed seed so the labels spread over tightened / loosened / dropped …)
under the Heilongjiang measures, then times, each as the real command in a
fresh process, beside anchors measured in the same run:

- ``tracker import --manifest`` of the N plans into a fresh store (goal < 30 s),
  and ``tracker import`` run once per plan — measured on a sample of single runs
  and extrapolated to N (said so in the output) — goal: manifest >= 10x faster;
- ``tracker audit`` of the parent against the N children, JSON (goal < 60 s)
  and HTML (the matrix plus N full child reports), with --jobs 1 and --jobs 2;
- anchors: Python start-up, ``git diff --no-index --word-diff`` of two plans.

    .venv/bin/python benchmarks/corpus_speed.py [--plans 1000] [--sample 20]
"""
from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PARENT_FILE = ROOT / "examples" / "heilongjiang-2025-elderly-care-reform-measures.txt"
PARENT = "heilongjiang/elderly-care-reform-measures-2025"
IDENTITY = {"GIT_AUTHOR_NAME": "bench", "GIT_AUTHOR_EMAIL": "bench@example.org",
            "GIT_COMMITTER_NAME": "bench", "GIT_COMMITTER_EMAIL": "bench@example.org"}
TRACKER = [sys.executable, "-c", "from tracker.cli import main; main()"]
ENV = {**os.environ, **IDENTITY}


def plan(n: int, rng: random.Random) -> str:
    """A small county plan carrying a varying subset of the province's targets, stricter or looser."""
    year = lambda base: base + rng.choice((-1, 0, 0, 1))  # noqa: E731
    lines = [
        f"第{n}县深化养老服务改革发展实施方案",
        "为贯彻落实《黑龙江省深化养老服务改革发展的若干措施》，结合我县实际，制定本方案。",
        "一、总体要求",
        f"坚持尽力而为、量力而行，到{year(2027)}年，建成一批示范性养老服务网络。",
        "二、主要任务",
    ]
    items = [
        f"在{year(2027)}年年底前，建成1个县级综合养老服务管理平台。",
        f"城市按照每个街道至少建有1处区域性幸福养老服务中心设置，到{year(2027)}年年底前实现设施布局建设全覆盖。",
        f"到{year(2027)}年年底，城市社区家门口的幸福养老服务驿站布局实现全覆盖。",
        f"到2027年年底，全县家庭养老床位总量达到{rng.randrange(300, 2000, 50)}张以上。",
        f"到2027年年底，全县至少引进或培育{rng.choice((1, 2, 2, 3))}家以上品牌龙头养老服务机构（企业）。",
        f"到{year(2029)}年年底，全县养老机构护理型床位占比{rng.choice(('', '力争'))}达到{rng.choice((70, 75, 75, 80))}%以上。",
        f"到{year(2027)}年年底，全县公办养老机构全部达到二星级以上等级评定标准。",
        f"每年培训养老护理员不少于{rng.randrange(50, 400, 10)}人次。",
    ]
    numbers = "一二三四五六七八九十"
    chosen = [item for item in items if rng.random() < 0.85]
    lines += [f"（{numbers[k]}）{item}" for k, item in enumerate(chosen)]
    lines += ["三、保障措施", "各乡镇、各有关部门要压实责任，确保各项任务落地见效。"]
    return "\n".join(lines) + "\n"


def timed(args, cwd, env=ENV) -> float:
    start = time.perf_counter()
    done = subprocess.run(args, cwd=cwd, env=env, capture_output=True)
    elapsed = time.perf_counter() - start
    if done.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(map(str, args[3:]))} failed: {done.stderr.decode(errors='replace')}")
    return elapsed


def fresh_store(path: Path) -> Path:
    subprocess.run([*TRACKER, "init", str(path)], check=True, capture_output=True, env=ENV)
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plans", type=int, default=1000)
    parser.add_argument("--sample", type=int, default=20, help="single `tracker import` runs measured and extrapolated")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="tracker-corpus-bench-"))
    try:
        run(work, args.plans, args.sample)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def run(work: Path, count: int, sample: int) -> None:
    rng = random.Random(16)
    plans = work / "plans"
    plans.mkdir()
    rows = ["file,id,version,status,parent,level", f"{PARENT_FILE},{PARENT},final,final,,province"]
    for n in range(count):
        (plans / f"p{n:04d}.txt").write_text(plan(n, rng), encoding="utf-8")
        rows.append(f"plans/p{n:04d}.txt,bench/county-{n:04d}/plan,final,final,{PARENT},county")
    (work / "corpus.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")

    startup = min(timed([sys.executable, "-c", "pass"], work) for _ in range(5))
    word_diff = min(timed(["git", "diff", "--no-index", "--word-diff", str(plans / "p0000.txt"), str(plans / "p0001.txt")], work)
                    for _ in range(5))
    print(f"anchors: Python start-up {startup * 1000:.0f} ms; git diff --no-index --word-diff of two plans {word_diff * 1000:.0f} ms")
    print(f"machine: {os.cpu_count()} CPUs, load average {' '.join(f'{x:.1f}' for x in os.getloadavg())}")

    store = fresh_store(work / "store")
    manifest = timed([*TRACKER, "import", "--manifest", str(work / "corpus.csv"), "--store", str(store)], work)
    commits = int(subprocess.run(["git", "rev-list", "--count", "HEAD"], cwd=store, capture_output=True, text=True).stdout)
    print(f"import --manifest, {count + 1} documents: {manifest:.1f} s wall ({commits - 1} import commits; goal < 30 s)")

    single_store = fresh_store(work / "single")
    singles = [timed([*TRACKER, "import", str(plans / f"p{n:04d}.txt"), "--id", f"bench/county-{n:04d}/plan",
                      "--parent", PARENT, "--status", "final", "--store", str(single_store)], work)
               for n in range(min(sample, count))]
    per_run = statistics.median(singles)
    print(f"single `tracker import`: median {per_run * 1000:.0f} ms per run over a sample of {len(singles)} runs "
          f"(min {min(singles) * 1000:.0f}, max {max(singles) * 1000:.0f}); extrapolated to {count + 1} runs: "
          f"{per_run * (count + 1):.0f} s")
    print(f"manifest speed-up: {per_run * (count + 1) / manifest:.1f}x (goal >= 10x)")

    targets = 17  # the Heilongjiang measures' targets: one matrix row each
    for jobs in (1, 2):
        seconds = timed([*TRACKER, "audit", PARENT, "--format", "json", "-o", str(work / "audit.json"),
                         "--jobs", str(jobs), "--store", str(store)], work)
        print(f"audit --format json, {count} children x {targets} targets, --jobs {jobs}: {seconds:.1f} s wall "
              f"({seconds / count * 1000:.1f} ms per child, {seconds / (count * targets) * 1000:.2f} ms per cell; goal < 60 s)")
    seconds = timed([*TRACKER, "audit", PARENT, "--jobs", "2", "--store", str(store),
                     "--reports-dir", str(work / "reports")], work)
    size = sum(p.stat().st_size for p in (work / "reports").rglob("*.html")) / 1e6
    print(f"audit --format html (matrix + {count} child reports, {size:.0f} MB), --jobs 2: {seconds:.1f} s wall")


if __name__ == "__main__":
    main()
