"""Exact truth for the law corpus: articles left word-for-word unchanged.

Why: most articles of a revised law are untouched, and a diff tool must pair
each of them with its twin and call it ``unchanged`` — whatever number and
chapter the revision gave it (renumbering alone is not a change).  This truth
needs no judgement, so it is computed, not annotated.

For each pair of consecutive versions listed in manifest.csv, every article
whose normalised text occurs in both versions is listed with its article
number on each side.  Normalisation: Unicode NFKC (full-width/half-width
punctuation and digits made one width), all whitespace removed, the leading
article number (第X条 / 第X条之Y) removed.  Paragraph (款) boundaries are kept,
so an article whose paragraphs were re-cut is not counted as identical.
A text occurring more than once on a side is paired in order of appearance and
flagged ``ambiguous`` (any twin is then an acceptable partner).

Usage: python benchmarks/laws/make_identical_truth.py  (writes truth/identical.json)
"""
from __future__ import annotations

import csv
import json
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
CN = "零〇一二两三四五六七八九十百千"
ARTICLE_RE = re.compile(rf"^(第[{CN}]+条(?:之[{CN}]+)?)(?:\u3000|$)(.*)$")
HEADING_RE = re.compile(rf"^第[{CN}]+(编|分编|章|节)(?:\u3000|$)")
PARA = "¶"


def read_articles(path: Path) -> list[dict]:
    """Articles of a corpus .txt in order: number, chapter heading, paragraphs."""
    articles, chapter = [], ""
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line:
            continue
        if HEADING_RE.match(line):
            if line.split("\u3000")[0].endswith(("章", "编")):
                chapter = line
            continue
        m = ARTICLE_RE.match(line)
        if m:
            articles.append({"number": m[1], "chapter": chapter, "paras": [m[2]] if m[2] else []})
        elif articles:
            articles[-1]["paras"].append(line)
    return articles


def normalise(paras: list[str]) -> str:
    text = PARA.join(unicodedata.normalize("NFKC", p) for p in paras)
    return re.sub(r"\s+", "", text)


def identical_pairs(old: list[dict], new: list[dict]) -> list[dict]:
    by_text_old, by_text_new = defaultdict(list), defaultdict(list)
    for i, a in enumerate(old):
        by_text_old[normalise(a["paras"])].append(i)
    for j, a in enumerate(new):
        by_text_new[normalise(a["paras"])].append(j)
    pairs = []
    for text, olds in by_text_old.items():
        news = by_text_new.get(text)
        if not text or not news:
            continue
        ambiguous = len(olds) > 1 or len(news) > 1
        for i, j in zip(olds, news):
            pairs.append({"old": old[i]["number"], "new": new[j]["number"],
                          "old_index": i + 1, "new_index": j + 1,
                          "old_chapter": old[i]["chapter"], "new_chapter": new[j]["chapter"],
                          "renumbered": old[i]["number"] != new[j]["number"],
                          "ambiguous": ambiguous})
    pairs.sort(key=lambda p: p["old_index"])
    keep = longest_increasing([p["new_index"] for p in pairs])
    for k, p in enumerate(pairs):
        p["out_of_order"] = k not in keep
    return pairs


def longest_increasing(values: list[int]) -> set[int]:
    """Positions of one longest strictly increasing subsequence.

    Identical articles off this subsequence changed their order relative to
    the others (a clause moved, not only renumbered); they are still
    ``unchanged`` in substance, and the flag lets a scorer see them apart.
    """
    import bisect
    tails, tails_at, prev = [], [], [-1] * len(values)
    for i, v in enumerate(values):
        k = bisect.bisect_left(tails, v)
        if k == len(tails):
            tails.append(v); tails_at.append(i)
        else:
            tails[k] = v; tails_at[k] = i
        prev[i] = tails_at[k - 1] if k else -1
    out, i = set(), tails_at[-1] if tails_at else -1
    while i >= 0:
        out.add(i); i = prev[i]
    return out


def main() -> int:
    versions = defaultdict(list)
    with open(HERE / "manifest.csv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            versions[row["law_id"]].append((row["version"], row["file"]))
    out, total = [], 0
    for law, vs in sorted(versions.items()):
        vs.sort()
        for (v_old, f_old), (v_new, f_new) in zip(vs, vs[1:]):
            old, new = read_articles(HERE / f_old), read_articles(HERE / f_new)
            pairs = identical_pairs(old, new)
            total += len(pairs)
            out.append({"law": law, "old_version": v_old, "new_version": v_new,
                        "old_file": f_old, "new_file": f_new,
                        "old_articles": len(old), "new_articles": len(new),
                        "identical": pairs})
    doc = {"description": "Articles whose normalised text is identical in consecutive versions; "
                          "each must be paired with its twin and labelled unchanged.",
           "normalisation": "NFKC; whitespace removed; article number removed; paragraph breaks kept",
           "pairs": out}
    dest = HERE / "truth" / "identical.json"
    dest.write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{len(out)} version pairs, {total} identical articles "
          f"({sum(p['renumbered'] for d in out for p in d['identical'])} renumbered, "
          f"{sum(p['ambiguous'] for d in out for p in d['identical'])} ambiguous, "
          f"{sum(p['out_of_order'] for d in out for p in d['identical'])} out of order)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
