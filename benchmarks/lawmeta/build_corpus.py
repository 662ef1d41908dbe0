"""Build the law-metadata corpus from the public LawRefBook/Laws snapshot.

Each selected law or regulation is written twice where ``npc`` is listed:

* ``corpus/plain/NAME.txt``: LawRefBook's text with its markdown markers stripped
  (``# `` title, ``## `` headings, the ``<!-- INFO END -->`` fence);
* ``corpus/npc/NAME.txt``: the national database layout: the title line, the whole
  history in one full-width bracket (（…通过　根据…修正）), then the body with
  ``第一条　`` and paragraphs indented by two ideographic spaces.

The texts are data: nothing here reads or depends on tracker.
Usage: python benchmarks/lawmeta/build_corpus.py /work/.mirror/LawRefBook+Laws/repo
"""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).parent
# documents reserved for independent checks: listed outside benchmarks/ so no benchmark names them
RESERVED = tuple(line.strip() for line in (HERE.resolve().parents[1] / "docs" / "reserved-documents.txt")
                 .read_text(encoding="utf-8").splitlines() if line.strip() and not line.startswith("#"))
DATE_START = re.compile(r"(?=\d{4}年\d{1,2}月\d{1,2}日)")


def show(repo: str, path: str) -> str:
    return subprocess.run(["git", "-C", repo, "show", f"HEAD:{path}"], capture_output=True, text=True, check=True).stdout


def plain_form(md: str) -> str:
    lines = []
    for line in md.replace("\u200b", "").splitlines():
        if line.strip() == "<!-- INFO END -->":
            continue
        lines.append(re.sub(r"^#{1,6}\s+", "", line).rstrip())
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"


def history_events(head: str) -> list[str]:
    """The preamble's events (one per date), joined across LawRefBook's broken lines."""
    text = "".join(line.strip() for line in head.splitlines()[1:] if line.strip())
    text = text.replace("根据", "").rstrip("）)")
    events = [e.strip(" 　）") for e in DATE_START.split(text) if e.strip(" 　）")]
    return [re.sub(r"^(\d{4}年\d{1,2}月\d{1,2}日)\s+", r"\1", e) for e in events]


def npc_form(md: str) -> str:
    head, _, body = md.replace("\u200b", "").partition("<!-- INFO END -->")
    title = head.splitlines()[0].lstrip("# ").strip()
    events = history_events(head)
    marked = [("根据" + e) if re.search(r"决定》.{0,8}修[正订]", e) else e for e in events]
    out = [title, "", "（" + "　".join(marked) + "）", ""]
    for line in body.splitlines():
        line = line.strip()
        if not line:
            continue
        line = re.sub(r"^#{1,6}\s+", "", line)
        line = re.sub(r"^(第[一二三四五六七八九十百零]+[章节条])\s+", "\\1　", line)
        out.append(line if re.match(r"第[一二三四五六七八九十百零]+[章节]", line) else "　　" + line)
    return "\n".join(out) + "\n"


def main(repo: str) -> None:
    selection = json.loads((HERE / "selection.json").read_text(encoding="utf-8"))
    for item in selection:
        if any(name in item["source"] for name in RESERVED):
            raise SystemExit(f"{item['source']} is reserved for independent checks (docs/reserved-documents.txt)")
        md = show(repo, item["source"])
        cited = [name for name in RESERVED if name in md and name != "民法典"]  # the code may be cited: it is for speed only
        if cited:
            raise SystemExit(f"{item['source']} cites a document reserved for independent checks; leave it out")
        for form in item["forms"]:
            target = HERE / "corpus" / form / f"{item['name']}.txt"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(plain_form(md) if form == "plain" else npc_form(md), encoding="utf-8")
    print(f"{len(selection)} laws, {sum(len(i['forms']) for i in selection)} texts")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/work/.mirror/LawRefBook+Laws/repo")
