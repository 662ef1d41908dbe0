"""Article texts of every hand-annotated item, for a blind second annotation of numeric provisions."""
import json, re, sys
from pathlib import Path
LAWS = Path(sys.argv[1])
ART = re.compile(r"^第[零〇一二两三四五六七八九十百千\d]+条(?=[\u3000 ])")
HEAD = re.compile(r"^\s*第[零〇一二两三四五六七八九十百千\d]+[编章节]")
def articles(path):
    arts, cur = {}, None
    lines = path.read_text(encoding="utf-8").splitlines()
    body = False
    toc_end = 0
    # skip the 目录: body starts after the last TOC heading line that repeats later; simpler: collect all, keep last occurrence
    for line in lines:
        m = ART.match(line)
        if m:
            cur = m.group(0); arts[cur] = [line]
        elif HEAD.match(line) or not line.strip():
            if HEAD.match(line): cur = None
        elif cur:
            arts[cur].append(line)
    return {k: "\n".join(v) for k, v in arts.items()}
d = json.load(open(LAWS / "truth/annotated.json"))
cache = {}
def get(law, ver):
    k = (law, ver)
    if k not in cache:
        cache[k] = articles(LAWS / "texts" / law / f"{ver}.txt")
    return cache[k]
out = []
for it in d["items"]:
    o, n = get(it["law"], it["old_version"]), get(it["law"], it["new_version"])
    out.append({"id": it["id"], "law": it["law"], "old_version": it["old_version"], "new_version": it["new_version"],
                "old": it["old"], "new": it["new"], "label": it["label"],
                "old_text": "\n".join(o[a] for a in it["old"]), "new_text": "\n".join(n[a] for a in it["new"])})
json.dump({"items": out}, open(sys.argv[2], "w"), ensure_ascii=False, indent=1)
print(len(out), sum(len(x["old_text"]) + len(x["new_text"]) for x in out))
