#!/usr/bin/env python3
# -*- coding: utf-8 -*-
"""Validate /work/blind-provisions-5/pairs.json and print counts."""
import json, re, sys
from collections import Counter

PATH = sys.argv[1] if len(sys.argv) > 1 else "/work/blind-provisions-5/pairs.json"
ROLES = {"fine", "time_limit", "threshold", "ratio", "entitlement", "frequency", "ban",
         "detention", "advance", "qualification", "effective", "floor", "limit", "other"}
DIRS = {"tightened", "loosened", "added", "dropped", "changed"}
ART = re.compile(r"^\s*第[一二三四五六七八九十百零〇\d]+条")
ITEM = re.compile(r"（[一二三四五六七八九十]+）")

errors = []
def err(msg): errors.append(msg)

with open(PATH, encoding="utf-8") as f:
    doc = json.load(f)
pairs = doc.get("pairs", [])
if not isinstance(doc.get("description"), str) or not doc["description"]:
    err("missing description")
if len(pairs) != 80:
    err(f"expected 80 pairs, got {len(pairs)}")
ids = [p.get("id") for p in pairs]
if len(set(ids)) != len(ids):
    err("duplicate ids: %s" % [i for i, c in Counter(ids).items() if c > 1])

roles, dirs = Counter(), Counter()
quiet = multi = items_changing = 0
for p in pairs:
    pid = p.get("id")
    for k in ("id", "topic", "old", "new", "changes"):
        if k not in p:
            err(f"#{pid}: missing key {k}")
    old, new = p.get("old", ""), p.get("new", "")
    if old == new:
        err(f"#{pid}: old and new texts identical")
    for side, text in (("old", old), ("new", new)):
        if not text.strip():
            err(f"#{pid}: empty {side}")
        for line in text.split("\n"):
            if ART.match(line):
                err(f"#{pid}: {side} line starts with 第X条: {line[:20]}")
    ch = p.get("changes", [])
    if not ch:
        quiet += 1
    if len(ch) >= 2:
        multi += 1
    if ch and (ITEM.search(old) or ITEM.search(new)):
        items_changing += 1
    for j, c in enumerate(ch):
        tag = f"#{pid}.{j}"
        r, d = c.get("role"), c.get("direction")
        if r not in ROLES: err(f"{tag}: bad role {r}")
        if d not in DIRS: err(f"{tag}: bad direction {d}")
        co, cn = c.get("old"), c.get("new")
        if not isinstance(co, str) or not isinstance(cn, str):
            err(f"{tag}: old/new must be strings"); continue
        if co and co not in old: err(f"{tag}: old substring not in old text: {co}")
        if cn and cn not in new: err(f"{tag}: new substring not in new text: {cn}")
        if d == "added" and co != "": err(f"{tag}: added must have old ''")
        if d == "dropped" and cn != "": err(f"{tag}: dropped must have new ''")
        if d not in ("added", "dropped") and (not co or not cn):
            err(f"{tag}: {d} needs both old and new substrings")
        if co == "" and cn == "": err(f"{tag}: both substrings empty")
        if co and cn and co == cn: err(f"{tag}: old == new substring")
        if not c.get("note"): err(f"{tag}: missing note")
        roles[r] += 1; dirs[d] += 1

if quiet != 20: err(f"expected 20 quiet pairs, got {quiet}")
if len(pairs) - quiet != 60: err(f"expected 60 changing pairs, got {len(pairs) - quiet}")
if multi < 20: err(f"expected >=20 multi-change pairs, got {multi}")
if items_changing < 15: err(f"expected >=15 changing pairs with items, got {items_changing}")

print(f"pairs={len(pairs)} quiet={quiet} changing={len(pairs)-quiet} multi-change={multi} "
      f"changing-with-items={items_changing} provisions={sum(roles.values())}")
print("by role:", ", ".join(f"{k}={v}" for k, v in sorted(roles.items(), key=lambda x: -x[1])))
print("by direction:", ", ".join(f"{k}={v}" for k, v in sorted(dirs.items(), key=lambda x: -x[1])))
if errors:
    print(f"{len(errors)} ERROR(S):")
    for e in errors: print("  " + e)
    sys.exit(1)
print("OK: no errors")
