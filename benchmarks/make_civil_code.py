"""Write the real 民法典 as the national law database publishes it, for the speed benchmarks.

Source: the public LawRefBook/Laws repository, where the code is split into one
markdown file per 编. This joins them in order and writes the form flk.npc.gov.cn
uses: title, the adoption line in full-width brackets, then 第X编 / 第X分编 / 第X章 /
第X节 headings and articles as ``第一条　text`` (a full-width space after the number).
The output, ``benchmarks/data/civil-code.txt``, is committed: benchmarks must not need
the network. The 民法典 is used for speed only, never for accuracy tuning.

Usage: python benchmarks/make_civil_code.py /path/to/LawRefBook/Laws.git [COMMIT]
"""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

PARTS = ("总则", "物权编", "合同编", "人格权编", "婚姻家庭编", "继承编", "侵权责任编", "附则")
BOOK_NAMES = {"总则": "总则", "物权编": "物权", "合同编": "合同", "人格权编": "人格权",
              "婚姻家庭编": "婚姻家庭", "继承编": "继承", "侵权责任编": "侵权责任"}
NUMERALS = "一二三四五六七"
OUT = Path(__file__).resolve().parent / "data" / "civil-code.txt"


def part_text(repo: str, commit: str, part: str) -> str:
    """The markdown of one 编 from the snapshot."""
    return subprocess.run(["git", "-C", repo, "show", f"{commit}:民法典/{part}.md"],
                          check=True, capture_output=True, text=True).stdout


def body_lines(markdown: str) -> list[str]:
    """The body below ``<!-- INFO END -->``: headings without ``#``, articles with a full-width space."""
    body = markdown.split("<!-- INFO END -->", 1)[1]
    lines = []
    for line in body.splitlines():
        line = line.strip()
        if not line or line == "##":
            continue
        line = re.sub(r"^#+\s*", "", line)
        line = re.sub(r"^(第[一二三四五六七八九十百千零]+(?:分编|章|节|条))\s+", r"\1　", line)
        lines.append(line)
    return lines


def main() -> None:
    repo = sys.argv[1]
    commit = sys.argv[2] if len(sys.argv) > 2 else "HEAD"
    out = ["中华人民共和国民法典", "（2020年5月28日第十三届全国人民代表大会第三次会议通过）"]
    for i, part in enumerate(PARTS):
        if part in BOOK_NAMES:
            out.append(f"第{NUMERALS[i]}编　{BOOK_NAMES[part]}")
        else:
            out.append("附　　则")
        out.extend(body_lines(part_text(repo, commit, part)))
    OUT.parent.mkdir(exist_ok=True)
    OUT.write_text("\n".join(out) + "\n", encoding="utf-8")
    print(f"{OUT}: {OUT.stat().st_size} bytes, {sum(1 for l in out if re.match(r'第[一二三四五六七八九十百千零]+条', l))} articles")


if __name__ == "__main__":
    main()
