"""Speed of ``tracker diff`` beside anchors measured in the same run.

Cases:
  seeds   the two largest seed documents diffed against each other
  law     a generated 1,260-article law (第X章/第X条, 民法典 size) against a copy
          with 5% of its articles edited, moved or renumbered (new articles inserted)
Times are the diff only (documents already read; start-up excluded), median of
several runs. Anchors: python start-up, `git diff --no-index --word-diff` on the
same texts, and the `redlines` library on them.  Goals: seeds < 100 ms, law < 5 s.
Usage: .venv/bin/python benchmarks/diff_speed.py
"""
from __future__ import annotations

import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import cn2an

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tracker.api import diff, read_document  # noqa: E402

SEEDS = ROOT.parent / "shared" / "seeds"
WORDS = ("国家 依法 保护 自然人 法人 非法人组织 民事 权利 义务 合同 当事人 应当 按照 约定 履行 "
         "财产 所有权 用益物权 担保物权 侵权 责任 承担 赔偿 损失 继承 婚姻 家庭 收养 监护 代理 "
         "诉讼时效 期间 登记 机关 不得 违反 法律 行政法规 强制性 规定 公序良俗 有效 无效 撤销").split()


def targets_of(doc):
    try:
        from tracker.api import extract_targets

        return extract_targets(doc)
    except ImportError:  # extractor not installed yet: time the alignment alone
        return []


def timed(fn, repeat: int) -> float:
    runs = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - t0)
    return statistics.median(runs)


def article(rng: random.Random) -> str:
    n = rng.randint(3, 12)
    sentences = ["".join(rng.choice(WORDS) for _ in range(rng.randint(4, 9))) for _ in range(rng.randint(1, 3))]
    return "，".join(sentences[:1] + ["".join(rng.choice(WORDS) for _ in range(n))]) + "。" + "。".join(sentences[1:]) + ("。" if len(sentences) > 1 else "")


def law_texts(seed: int = 3) -> tuple[str, str]:
    """A 1,260-article law in 84 chapters and a copy with 5% of articles edited, moved or inserted."""
    rng = random.Random(seed)
    arts = [article(rng) for _ in range(1260)]
    per_chapter = 15
    new = list(arts)
    picks = rng.sample(range(1260), 63)
    for k, idx in enumerate(picks):
        op = k % 3
        if op == 0:  # edit a few words
            new[idx] = new[idx].replace(rng.choice(WORDS), rng.choice(WORDS), 1) + "但是法律另有规定的除外。"
        elif op == 1:  # move far away
            new[idx] = None
            new.insert(rng.randrange(len(new)), arts[idx])
        else:  # insert a new article: everything after it is renumbered
            new.insert(idx, article(rng))
    new = [a for a in new if a is not None]
    return render_law(arts, per_chapter), render_law(new, per_chapter)


def render_law(arts: list[str], per_chapter: int) -> str:
    lines = ["中华人民共和国示例法典", ""]
    for k, body in enumerate(arts):
        if k % per_chapter == 0:
            lines.append(f"第{cn2an.an2cn(k // per_chapter + 1)}章 第{k // per_chapter + 1}部分规定")
        lines.append(f"第{k + 1}条 {body}")  # arabic: the segmenter reads 第1260条 (see report)
    return "\n".join(lines) + "\n"


def anchor_git(a: Path, b: Path) -> float:
    def run():
        subprocess.run(["git", "diff", "--no-index", "--word-diff", str(a), str(b)], stdout=subprocess.DEVNULL, check=False)

    return timed(run, 3)


def anchor_redlines(a: Path, b: Path, timeout: int = 120) -> str:
    code = (
        "import sys,time;from redlines import Redlines;"
        "a=open(sys.argv[1],encoding='utf-8').read();b=open(sys.argv[2],encoding='utf-8').read();"
        "t=time.perf_counter();Redlines(a,b).output_markdown;print(time.perf_counter()-t)"
    )
    try:
        out = subprocess.run([sys.executable, "-c", code, str(a), str(b)], capture_output=True, text=True, timeout=timeout)
        return f"{float(out.stdout.strip()) * 1000:.0f} ms" if out.returncode == 0 else "failed"
    except subprocess.TimeoutExpired:
        return f"> {timeout} s (stopped)"


def startup() -> float:
    return timed(lambda: subprocess.run([sys.executable, "-c", "pass"], check=True), 5)


def case(name: str, a: Path, b: Path, repeat: int) -> None:
    old, new = read_document(a), read_document(b)
    ot, nt = targets_of(old), targets_of(new)
    n_clauses = sum(1 for _ in old.walk()), sum(1 for _ in new.walk())
    diff_time = timed(lambda: diff(old, new, old_targets=ot, new_targets=nt), repeat)
    size = (len(a.read_text(encoding="utf-8")), len(b.read_text(encoding="utf-8")))
    print(f"{name}: {size[0]:,} / {size[1]:,} chars, {n_clauses[0]} / {n_clauses[1]} clauses, {len(ot)} / {len(nt)} targets")
    print(f"  tracker diff (align + judge) {diff_time * 1000:9.1f} ms")
    whole = timed(lambda: diff(read_document(a), read_document(b)), repeat)
    print(f"  tracker diff (read+extract+all) {whole * 1000:6.1f} ms")
    cli = timed(lambda: subprocess.run([sys.executable, "-m", "tracker", "diff", str(a), str(b), "--format", "json"],
                                       check=True, capture_output=True), 3)
    print(f"  tracker diff CLI, wall          {cli * 1000:6.1f} ms  (incl. Python start-up)")
    print(f"  git diff --no-index --word-diff {anchor_git(a, b) * 1000:6.1f} ms")
    print(f"  redlines                     {anchor_redlines(a, b):>12}")


def main() -> None:
    print(f"python start-up {startup() * 1000:.0f} ms")
    seeds = sorted(SEEDS.glob("*.txt"), key=lambda p: p.stat().st_size, reverse=True)[:2]
    case(f"seeds {seeds[0].name} vs {seeds[1].name}", seeds[0], seeds[1], 7)
    case("law 1,260 articles, 5% edited/moved/inserted", *law_files("tracker-speed-"), 3)


def law_files(prefix: str) -> tuple[Path, Path]:
    """The synthetic law pair written to a fresh temporary folder: (old, new)."""
    tmp = Path(tempfile.mkdtemp(prefix=prefix))
    old_text, new_text = law_texts()
    (tmp / "law-old.txt").write_text(old_text, encoding="utf-8")
    (tmp / "law-new.txt").write_text(new_text, encoding="utf-8")
    return tmp / "law-old.txt", tmp / "law-new.txt"


if __name__ == "__main__":
    main()
