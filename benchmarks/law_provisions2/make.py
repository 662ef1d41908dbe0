import json, random, collections
P = []
def p(topic, old, new, ch=()):
    P.append({"topic": topic, "old": old, "new": new,
              "changes": [dict(role=r, old=o, new=n, direction=d, note=t) for (r, o, n, d, t) in ch]})
for f in ['build1.py','build2.py','build3.py','build4.py']:
    exec(open(f).read().replace("P = []\n", "", 1).replace("def p(", "def _unused(", 1))
random.Random(20261206).shuffle(P)
pairs = [dict(id=i+1, **x) for i, x in enumerate(P)]
out = {"description": "Blind evaluation set 2: 90 invented Chinese legal articles (laws, regulations, local regulations, departmental rules) in old/new versions; changes lists every numeric provision that changed with a lawyer's direction; pairs with empty changes contain only equivalent rewrites, renumbering, rewording or reordering around unchanged figures.", "pairs": pairs}
json.dump(out, open("pairs.json", "w", encoding="utf-8"), ensure_ascii=False, indent=1)
