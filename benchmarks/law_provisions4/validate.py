# Validate pairs.json and print counts by role and direction.
import json, re, sys, collections, os

ROLES = {"fine", "time_limit", "threshold", "ratio", "entitlement", "frequency", "ban", "detention",
         "advance", "qualification", "effective", "floor", "limit", "other"}
DIRS = {"tightened", "loosened", "added", "dropped", "changed"}
ART = re.compile(r"^\s*第[一二三四五六七八九十百千零〇0-9]+条")
ITEM = re.compile(r"（[一二三四五六七八九十]+）")

path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "pairs.json")
doc = json.load(open(path, encoding="utf-8"))
errs = []
pairs = doc.get("pairs", [])
if not isinstance(doc.get("description"), str):
    errs.append("missing description")
if len(pairs) != 80:
    errs.append(f"expected 80 pairs, got {len(pairs)}")
ids = [p.get("id") for p in pairs]
if len(set(ids)) != len(ids):
    errs.append("duplicate ids")
roles = collections.Counter(); dirs = collections.Counter(); rd = collections.Counter()
nochange = multi = items = 0
for p in pairs:
    pid = p.get("id")
    for k in ("id", "topic", "old", "new", "changes"):
        if k not in p:
            errs.append(f"{pid}: missing {k}")
    old, new = p.get("old", ""), p.get("new", "")
    if not old or not new:
        errs.append(f"{pid}: empty text")
    if old == new:
        errs.append(f"{pid}: old == new (text must change)")
    for side, t in (("old", old), ("new", new)):
        for line in t.split("\n"):
            if ART.match(line):
                errs.append(f"{pid}: {side} line starts with 第X条")
    ch = p.get("changes", [])
    if not ch:
        nochange += 1
    if len(ch) >= 2:
        multi += 1
    if ch and (ITEM.search(old) or ITEM.search(new)):
        items += 1
    for j, c in enumerate(ch):
        r, d, o, n = c.get("role"), c.get("direction"), c.get("old"), c.get("new")
        tag = f"{pid}.{j}"
        if r not in ROLES: errs.append(f"{tag}: bad role {r}")
        if d not in DIRS: errs.append(f"{tag}: bad direction {d}")
        if not isinstance(o, str) or not isinstance(n, str):
            errs.append(f"{tag}: old/new must be strings"); continue
        if not c.get("note"): errs.append(f"{tag}: missing note")
        if o and o not in old: errs.append(f"{tag}: old substring not in old text: {o}")
        if n and n not in new: errs.append(f"{tag}: new substring not in new text: {n}")
        if not o and not n: errs.append(f"{tag}: both sides empty")
        if d == "added" and o: errs.append(f"{tag}: added but old non-empty")
        if d == "dropped" and n: errs.append(f"{tag}: dropped but new non-empty")
        if not o and d != "added": errs.append(f"{tag}: old empty but direction {d}")
        if not n and d != "dropped": errs.append(f"{tag}: new empty but direction {d}")
        if o and n and o == n: errs.append(f"{tag}: identical figures")
        roles[r] += 1; dirs[d] += 1; rd[(r, d)] += 1
changing = len(pairs) - nochange
if nochange != 20: errs.append(f"expected 20 no-change pairs, got {nochange}")
if multi < 20: errs.append(f"need >=20 pairs with 2+ changes, got {multi}")
if items < 15: errs.append(f"need >=15 changing pairs with items, got {items}")

print(f"pairs={len(pairs)} no_change={nochange} changing={changing} multi_change={multi} "
      f"changing_with_items={items} total_changes={sum(roles.values())}")
print("by role:", dict(sorted(roles.items(), key=lambda x: -x[1])))
print("by direction:", dict(sorted(dirs.items(), key=lambda x: -x[1])))
if errs:
    print(f"{len(errs)} ERRORS:"); [print("  " + e) for e in errs]; sys.exit(1)
print("OK: no errors")
