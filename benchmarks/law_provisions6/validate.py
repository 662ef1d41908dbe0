# -*- coding: utf-8 -*-
"""Validate /work/blind-provisions-6/pairs.json."""
import json, os, re, sys
from collections import Counter

ROLES = {"fine", "time_limit", "threshold", "ratio", "entitlement", "frequency", "ban",
         "detention", "advance", "qualification", "effective", "floor", "limit", "other"}
DIRS = {"tightened", "loosened", "added", "dropped", "changed"}
ARTICLE = re.compile(r"^\s*第[一二三四五六七八九十百千零〇两\d]+条")

path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "pairs.json")
data = json.load(open(path, encoding="utf-8"))
errs = []
pairs = data.get("pairs", [])
if not isinstance(data.get("description"), str) or not data["description"]:
    errs.append("missing description")
if len(pairs) != 60:
    errs.append(f"expected 60 pairs, got {len(pairs)}")
ids = [p.get("id") for p in pairs]
if len(set(ids)) != len(ids):
    errs.append("duplicate ids")

roles, dirs = Counter(), Counter()
quiet = multi = items = 0
for p in pairs:
    pid = p.get("id")
    for k in ("topic", "old", "new"):
        if not isinstance(p.get(k), str) or not p[k].strip():
            errs.append(f"{pid}: empty {k}")
    old, new = p.get("old", ""), p.get("new", "")
    if old == new:
        errs.append(f"{pid}: old == new")
    for side, txt in (("old", old), ("new", new)):
        for line in txt.split("\n"):
            if ARTICLE.match(line):
                errs.append(f"{pid}: {side} line starts with 第X条")
    ch = p.get("changes")
    if not isinstance(ch, list):
        errs.append(f"{pid}: changes not a list"); continue
    if not ch:
        quiet += 1
    if len(ch) >= 2:
        multi += 1
    if ch and ("（一）" in old or "（一）" in new):
        items += 1
    for i, c in enumerate(ch):
        r, d, o, n = c.get("role"), c.get("direction"), c.get("old"), c.get("new")
        if r not in ROLES: errs.append(f"{pid}.{i}: bad role {r}")
        if d not in DIRS: errs.append(f"{pid}.{i}: bad direction {d}")
        if not isinstance(o, str) or not isinstance(n, str):
            errs.append(f"{pid}.{i}: old/new must be strings"); continue
        if not c.get("note"): errs.append(f"{pid}.{i}: missing note")
        if o and o not in old: errs.append(f"{pid}.{i}: old {o!r} not in old text")
        if n and n not in new: errs.append(f"{pid}.{i}: new {n!r} not in new text")
        if d == "added" and o: errs.append(f"{pid}.{i}: added but old non-empty")
        if d == "dropped" and n: errs.append(f"{pid}.{i}: dropped but new non-empty")
        if d not in ("added", "dropped") and (not o or not n):
            errs.append(f"{pid}.{i}: {d} needs both old and new")
        if not o and not n: errs.append(f"{pid}.{i}: both empty")
        if o and n and o == n: errs.append(f"{pid}.{i}: old == new figure")
        roles[r] += 1; dirs[d] += 1

if quiet != 15: errs.append(f"expected 15 quiet pairs, got {quiet}")
if multi < 15: errs.append(f"need >=15 multi-change pairs, got {multi}")
if items < 10: errs.append(f"need >=10 changing pairs with items, got {items}")

print(f"pairs={len(pairs)} quiet={quiet} changing={len(pairs)-quiet} multi-change={multi} "
      f"changing-with-items={items} changes={sum(roles.values())}")
print("by role:", dict(sorted(roles.items(), key=lambda x: -x[1])))
print("by direction:", dict(sorted(dirs.items(), key=lambda x: -x[1])))
if errs:
    print("ERRORS:"); [print(" ", e) for e in errs]; sys.exit(1)
print("OK")
