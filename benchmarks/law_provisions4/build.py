# Assemble pairs.json from the hand-drafted lists (deterministic shuffle so
# no-change pairs are spread through the set).
import json, random
from build_changes import CHANGES
from build_nochange import NOCHANGE

pairs = [dict(p) for p in CHANGES] + [dict(p) for p in NOCHANGE]
random.Random(4).shuffle(pairs)
out = []
for i, p in enumerate(pairs, 1):
    out.append({"id": i, "topic": p["topic"], "old": p["old"], "new": p["new"], "changes": p["changes"]})
doc = {"description": "Blind law-provision pairs, round 4: 80 invented old/new versions of one Chinese law article each, "
                      "with every changed numeric provision listed (role, exact figure substrings, direction). "
                      "Drafted by a blind drafter who never saw the tool; 20 pairs have no numeric change.",
       "pairs": out}
with open("pairs.json", "w", encoding="utf-8") as f:
    json.dump(doc, f, indent=1, ensure_ascii=False)
    f.write("\n")
print(len(out), "pairs written")
