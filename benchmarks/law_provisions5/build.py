# -*- coding: utf-8 -*-
import json
import build_a, build_b, build_c, build_d
from build_a import P
assert len(P) == 80, len(P)
pairs = []
reorg = []
for i, p in enumerate(P, 1):
    if p.pop("_reorg"):
        reorg.append(i)
    pairs.append({"id": i, **p})
doc = {"description": "Blind law-provision pairs, round 5: 80 invented but plausible old/new versions of one Chinese law article each, with every changed numeric provision annotated (role, exact old/new substrings, direction). Drafted blind, without seeing the comparison tool. Reorganised pairs (items/paragraphs restructured while figures change): " + ",".join(map(str, reorg)) + ".",
       "pairs": pairs}
with open("/work/blind-provisions-5/pairs.json", "w", encoding="utf-8") as f:
    json.dump(doc, f, indent=1, ensure_ascii=False)
print("reorg ids", reorg, len(reorg))
