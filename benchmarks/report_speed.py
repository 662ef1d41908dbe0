"""Speed of writing the reports of one diff, beside anchors measured in the same run.

Cases: the Youyi draft → final pair (a county plan, 60 clauses) and the generated
1,260-article law of diff_speed.py (民法典 size, 5% edited/moved/inserted). For each:
the diff itself (align + judge, documents read and targets extracted beforehand),
then each format rendered from that diff: HTML report, Word 对照表, Word redline
(tracked changes). Median of several runs. Anchors: Python start-up and
`git diff --no-index --word-diff` on the same texts.
Usage: .venv/bin/python benchmarks/report_speed.py
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from diff_speed import anchor_git, law_files, startup, targets_of, timed  # noqa: E402
from tracker.compare import diff_documents  # noqa: E402
from tracker.pipeline import read_document  # noqa: E402
from tracker.render import render_docx, render_html, render_redline  # noqa: E402

EXAMPLES = ROOT / "examples"


def case(name: str, a: Path, b: Path, repeat: int) -> None:
    old, new = read_document(a), read_document(b)
    ot, nt = targets_of(old), targets_of(new)
    result = diff_documents(old, new, old_targets=ot, new_targets=nt)
    print(f"{name}: {len(old.text):,} / {len(new.text):,} chars, {sum(1 for _ in new.walk())} clauses")
    print(f"  diff (align + judge)        {timed(lambda: diff_documents(old, new, old_targets=ot, new_targets=nt), repeat) * 1000:8.1f} ms")
    print(f"  HTML report                 {timed(lambda: render_html(result, old, new), repeat) * 1000:8.1f} ms")
    print(f"  Word 对照表 (--format docx)  {timed(lambda: render_docx(result, old, new), repeat) * 1000:8.1f} ms")
    print(f"  Word redline                {timed(lambda: render_redline(result, old, new), repeat) * 1000:8.1f} ms")
    print(f"  git diff --no-index --word-diff {anchor_git(a, b) * 1000:6.1f} ms")


def main() -> None:
    print(f"python start-up {startup() * 1000:.0f} ms")
    case("youyi draft → final", EXAMPLES / "youyi-county-basic-elderly-care-plan-draft.txt",
         EXAMPLES / "youyi-county-basic-elderly-care-plan-final-synthetic.txt", 5)
    case("law 1,260 articles, 5% edited/moved/inserted", *law_files("tracker-report-speed-"), 3)


if __name__ == "__main__":
    main()
