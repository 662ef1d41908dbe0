"""Score tracker on the real-revision law benchmark (benchmarks/laws/, issue 14).

For every version pair of ``truth/identical.json`` it diffs the two texts as
``tracker diff OLD NEW --format json`` would (the library API, same JSON) and
scores three things:

  identical   every article whose text is identical in both versions must be
              paired with its twin (pairing recall) and labelled ``unchanged``
              (label accuracy), whatever its number and chapter.
  annotated   every hand-annotated changed article (truth/annotated.json):
              paired as the truth pairs it — modified: the old article with
              its new one; added / removed: with nothing; split / merged: with
              exactly the listed articles — and given the truth's label.
  numeric     the changed numeric provisions of the annotated articles against
              tracker's target changes (label other than ``unchanged``).
              A target change matches a provision when its clause lies in one
              of the item's articles and its values agree with the numbers the
              truth writes on each side it has (plain units: 2万 → 20000,
              百分之十 → 10). Precision counts every target change tracker
              reports in a pair whose changes are all annotated
              (``coverage.complete``), and in the other pairs only those in
              annotated articles; recall is over every annotated provision.
              ``found`` matches on values only; ``labelled`` also needs the
              direction (tracker's ``mixed`` reads as ``changed``).

A row pairs articles when its id's last part is an article (第X条); rows of
items and sub-items inside articles do not pair articles, but an article row
labelled ``unchanged`` reads as ``modified`` when a row inside that article
(an item （一）, a 款 of its own) changed: the truth judges whole articles. Article numbers are
compared as the text writes them (第十一条).

Usage: .venv/bin/python benchmarks/law_eval.py [-v] [--out FILE] [LAW ...]
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter, defaultdict
from decimal import Decimal
from pathlib import Path

import cn2an

ROOT = Path(__file__).resolve().parent.parent
LAWS = ROOT / "benchmarks" / "laws"
sys.path.insert(0, str(ROOT))

from tracker import api, jsonio  # noqa: E402

ARTICLE_RE = re.compile(r"第[零〇一二两三四五六七八九十百千\d]+条")


# ------------------------------------------------------------------ running


def run_pair(pair: dict) -> dict:
    """The diff JSON of one version pair, exactly as the CLI prints it."""
    old = api.read_document(LAWS / pair["old_file"])
    new = api.read_document(LAWS / pair["new_file"])
    return jsonio.diff_to_dict(api.diff(old, new, old_ref=pair["old_file"], new_ref=pair["new_file"]))


def article_of_row_id(cid: str | None) -> str | None:
    """The article a row's id names, when its last part is an article; else None."""
    if not cid:
        return None
    last = cid.split(".")[-1]
    return last if ARTICLE_RE.fullmatch(last) else None


def article_in(cid: str | None) -> str | None:
    """The article a clause id lies in (第十条.(一) → 第十条)."""
    if not cid:
        return None
    return next((p for p in cid.split(".") if ARTICLE_RE.fullmatch(p)), None)


def as_list(side) -> list[str]:
    if side is None:
        return []
    return side if isinstance(side, list) else [side]


class ArticleRows:
    """The article-level rows of one diff, indexed by article on each side."""

    def __init__(self, diff: dict):
        self.by_old: dict[str, list[dict]] = defaultdict(list)
        self.by_new: dict[str, list[dict]] = defaultdict(list)
        inner_old, inner_new = set(), set()
        for row in diff["clauses"]:
            if row["change"] != "unchanged" and not any(map(article_of_row_id, as_list(row["old"]) + as_list(row["new"]))):
                inner_old.update(filter(None, map(article_in, as_list(row["old"]))))
                inner_new.update(filter(None, map(article_in, as_list(row["new"]))))
        for row in diff["clauses"]:
            olds = [a for a in map(article_of_row_id, as_list(row["old"])) if a]
            news = [a for a in map(article_of_row_id, as_list(row["new"])) if a]
            if not olds and not news:
                continue
            change = row["change"]
            if change == "unchanged" and (set(olds) & inner_old or set(news) & inner_new):
                change = "modified"  # its own text is the same, but an item or 款 inside it changed
            entry = {"change": change, "old": olds, "new": news}
            for a in olds:
                self.by_old[a].append(entry)
            for a in news:
                self.by_new[a].append(entry)

    def partners_of_old(self, article: str) -> tuple[set[str], list[str]]:
        rows = self.by_old.get(article, [])
        return {n for r in rows for n in r["new"]}, [r["change"] for r in rows]

    def partners_of_new(self, article: str) -> tuple[set[str], list[str]]:
        rows = self.by_new.get(article, [])
        return {o for r in rows for o in r["old"]}, [r["change"] for r in rows]


# ---------------------------------------------------------------- identical


def score_identical(pair: dict, rows: ArticleRows, faults: list) -> Counter:
    c = Counter()
    for item in pair["identical"]:
        c["total"] += 1
        partners, labels = rows.partners_of_old(item["old"])
        paired = partners == {item["new"]}
        c["paired"] += paired
        ok = paired and labels == ["unchanged"]
        c["labelled"] += ok
        if not ok:
            faults.append(f"identical {pair['law']} {item['old']}→{item['new']}: tracker {labels} with {sorted(partners)}")
    return c


# ---------------------------------------------------------------- annotated


def score_item(item: dict, rows: ArticleRows) -> tuple[bool, bool, str]:
    """(paired as the truth pairs it, labelled as the truth labels it, what tracker said)."""
    label, olds, news = item["label"], item["old"], item["new"]
    if label == "added":
        partners, labels = rows.partners_of_new(news[0])
        return not partners and bool(labels), labels == ["added"], f"{labels} with {sorted(partners)}"
    if label == "removed":
        partners, labels = rows.partners_of_old(olds[0])
        return not partners and bool(labels), labels == ["removed"], f"{labels} with {sorted(partners)}"
    if label == "merged":
        partners, labels = rows.partners_of_new(news[0])
        return partners == set(olds), set(labels) == {"merged"}, f"{labels} with {sorted(partners)}"
    partners, labels = rows.partners_of_old(olds[0])
    paired = partners == set(news)
    if label == "split":
        return paired, set(labels) == {"split"}, f"{labels} with {sorted(partners)}"
    return paired, labels == [label], f"{labels} with {sorted(partners)}"


# ------------------------------------------------------------------ numeric

_NUM_RE = re.compile(r"(\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千点]+)\s*(万|亿)?")
_PERCENT_RE = re.compile(r"百分之([零〇一二两三四五六七八九十百点]+|\d+(?:\.\d+)?)")
_FRACTION_RE = re.compile(r"([一二三四五六七八九十]+)分之([一二三四五六七八九十]+)")
_HALF_RE = re.compile(r"半数")
_PER_ONE_RE = re.compile(r"([一二三四五六七八九十百\d]+)[比:：]([一二三四五六七八九十百\d]+)")
_NOTE_RE = re.compile(r"^（[^（）]*）$")


def _spell_shares(text: str) -> str:
    """Write 三分之二, 半数 and 一比四 as the percentages tracker reports (66.67, 50, 25): the
    annotators wrote majority rules and staffing ratios in words, which the digit reader cannot see."""
    def fraction(m: re.Match) -> str:
        share = Decimal(cn2an.cn2an(m.group(2), "smart")) / Decimal(cn2an.cn2an(m.group(1), "smart")) * 100
        return f" {share.quantize(Decimal('0.01'))}% "
    def per_one(m: re.Match) -> str:  # 一比四: one staff member for four, the share tracker reports (25%)
        share = Decimal(cn2an.cn2an(m.group(1), "smart")) / Decimal(cn2an.cn2an(m.group(2), "smart")) * 100
        return f" {m.group(0)} {share.quantize(Decimal('0.01'))}% "
    return _HALF_RE.sub(" 50% ", _FRACTION_RE.sub(fraction, _PER_ONE_RE.sub(per_one, text)))


#: 上一年度 / 下一年: "the previous / next", and 一致 ("unanimous"), not the number one
_NOT_A_NUMBER_RE = re.compile(r"[上下]一(?=年|会计|个)|一(?=致)")


def truth_numbers(text: str) -> set[Decimal]:
    """Every number a truth side writes, in plain units (1万 → 10000, 百分之十 → 10, 三分之二 → 66.67)."""
    found: set[Decimal] = set()
    text = _spell_shares(_PERCENT_RE.sub(lambda m: f"{m.group(1)}%", _NOT_A_NUMBER_RE.sub("", text)))
    for m in _NUM_RE.finditer(text):
        digits, scale = m.group(1), m.group(2)
        if digits in ("点",) or (not digits[0].isdigit() and digits.strip("十百千") == "" and not scale and len(digits) > 1):
            continue
        try:
            value = Decimal(digits) if digits[0].isdigit() else Decimal(str(cn2an.cn2an(digits, "smart")))
        except (ValueError, ArithmeticError):
            continue
        value *= {"万": 10000, "亿": 100000000}.get(scale or "", 1)
        found.add(value.normalize())
    return found


def target_values(target: dict | None) -> set[Decimal]:
    """The numbers a reported target stands for: its value(s), for a dated one the
    year, month and day of its date (an effective date is a deadline-kind target), and
    the figures of its base (每十五日一次: the 15 is in ``per``)."""
    if not target:
        return set()
    values = {Decimal(str(v)).normalize() for v in (target.get("value"), target.get("value_max")) if v is not None}
    values |= truth_numbers(target.get("per") or "")
    if target.get("deadline"):
        values |= {Decimal(part).normalize() for part in str(target["deadline"]).split("-") if part.isdigit()}
    return values


def _is_note(truth_side: str) -> bool:
    """A side written wholly in brackets with no number in it is the annotator's remark
    (（删除；…）), not provision text."""
    return bool(_NOTE_RE.match(truth_side.strip())) and not truth_numbers(truth_side)


def _side_matches(truth_side: str, target: dict | None) -> bool:
    """A truth side matches a reported target when they share a number; a side that names
    no number (a base such as 当地职工月平均工资) matches any target on that side, since the
    article has already been matched; an empty side or a remark matches no target."""
    if not truth_side.strip() or _is_note(truth_side):
        return target is None or not target_values(target)
    if target is None:
        return False
    numbers = truth_numbers(truth_side)
    return bool(numbers & target_values(target)) if numbers else True


def score_numeric(pair_items: list[dict], complete: bool, diff: dict, faults: list) -> Counter:
    """One-to-one matching of truth provisions with tracker's target changes in one pair.

    A maximum matching (augmenting paths, Kuhn): a first-fit greedy let a provision that matched
    two rows take the one another provision needed (违法所得10万元以上的，处违法所得2倍以上5倍以下
    names the 10万 its threshold also names) and counted the other as missed. Rows of the truth's
    role are tried first, so the matching is the greedy one wherever the greedy was not stuck.
    """
    c = Counter()
    annotated_old = {a for it in pair_items for a in it["old"]}
    annotated_new = {a for it in pair_items for a in it["new"]}
    changes = []
    for row in diff["targets"]:
        if row["change"] == "unchanged":
            continue
        old_art = article_in((row.get("old") or {}).get("clause"))
        new_art = article_in((row.get("new") or {}).get("clause"))
        if complete or old_art in annotated_old or new_art in annotated_new:
            changes.append((row, old_art, new_art))
    c["reported"] += len(changes)
    provs = [(item, prov) for item in pair_items for prov in item["numeric"]]
    c["truth"] += len(provs)
    options = [_candidates(item, prov, changes) for item, prov in provs]
    row_of = _maximum_matching(options)
    for k, (item, prov) in enumerate(provs):
        if k not in row_of:
            faults.append(f"numeric missed {item['law']} {item['old']}→{item['new']} {prov['role']} {prov['old']!r}→{prov['new']!r} ({prov['direction']})")
            continue
        c["found"] += 1
        said = changes[row_of[k]][0]["change"]
        said = "changed" if said == "mixed" else said
        if said == prov["direction"]:
            c["labelled"] += 1
        else:
            faults.append(f"numeric label {item['law']} {prov['role']} {prov['old']!r}→{prov['new']!r}: truth {prov['direction']}, tracker {said}")
    used = set(row_of.values())
    for k, (row, _, _) in enumerate(changes):
        if k not in used:
            t = row.get("new") or row.get("old") or {}
            faults.append(f"numeric false alarm {row['change']} {t.get('clause')} {t.get('text', '')[:40]!r}")
    return c


def _candidates(item: dict, prov: dict, changes: list) -> list[int]:
    """The rows a truth provision may be matched with (its article, its numbers), rows of its role first."""
    fits = [k for k, (row, old_art, new_art) in enumerate(changes)
            if ((old_art and old_art in item["old"]) or (new_art and new_art in item["new"]))
            and _side_matches(prov["old"], row.get("old")) and _side_matches(prov["new"], row.get("new"))]
    def other_role(k: int) -> bool:
        row = changes[k][0]
        return (row.get("new") or row.get("old") or {}).get("role") != prov["role"]

    return sorted(fits, key=other_role)


def _maximum_matching(options: list[list[int]]) -> dict[int, int]:
    """truth index → row index, as many as possible (Kuhn's augmenting paths; a pair holds a few dozen)."""
    owner: dict[int, int] = {}

    def place(k: int, seen: set[int]) -> bool:
        for r in options[k]:
            if r in seen:
                continue
            seen.add(r)
            if r not in owner or place(owner[r], seen):
                owner[r] = k
                return True
        return False

    for k in range(len(options)):
        place(k, set())
    return {k: r for r, k in owner.items()}


# -------------------------------------------------------------------- main


def ratio(a: int, b: int) -> str:
    return f"{a / b:.3f}" if b else "n/a"


def numeric_figures(c: Counter) -> dict:
    return {"provisions": c["truth"], "reported": c["reported"],
            "found_precision": ratio(c["found"], c["reported"]), "found_recall": ratio(c["found"], c["truth"]),
            "labelled_precision": ratio(c["labelled"], c["reported"]), "labelled_recall": ratio(c["labelled"], c["truth"])}


def print_numeric(name: str, f: dict) -> None:
    print(f"{name} {f['provisions']:5d}  reported {f['reported']}  found P {f['found_precision']} R {f['found_recall']}"
          f"  with direction P {f['labelled_precision']} R {f['labelled_recall']}   (goal 0.95)")


def adjudicated_items(items_by_pair: dict[tuple, list[dict]]) -> dict[tuple, list[dict]]:
    """The annotated items with the numeric provisions of the adjudicated second annotation
    (truth/numeric-adjudicated.json, by item id), when that file exists; the articles and labels are the same."""
    path = LAWS / "truth" / "numeric-adjudicated.json"
    if not path.exists():
        return {}
    numeric = {it["id"]: it["numeric"] for it in json.loads(path.read_text(encoding="utf-8"))["items"]}
    return {key: [{**item, "numeric": numeric[item["id"]]} for item in items] for key, items in items_by_pair.items()}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("-v", "--verbose", action="store_true", help="list every fault")
    ap.add_argument("--out", help="write the figures and every fault as JSON here")
    ap.add_argument("laws", nargs="*", help="only these laws")
    args = ap.parse_args(argv)

    identical = json.loads((LAWS / "truth" / "identical.json").read_text(encoding="utf-8"))
    annotated = json.loads((LAWS / "truth" / "annotated.json").read_text(encoding="utf-8"))
    complete = {(c["law"], c["old_version"], c["new_version"]): c["complete"] for c in annotated["coverage"]}
    items_by_pair: dict[tuple, list[dict]] = defaultdict(list)
    for item in annotated["items"]:
        items_by_pair[(item["law"], item["old_version"], item["new_version"])].append(item)
    adjudicated_by_pair = adjudicated_items(items_by_pair)

    ident, ann, num, adj = Counter(), Counter(), Counter(), Counter()
    faults: list[str] = []
    errors: list[str] = []
    by_label: dict[str, Counter] = defaultdict(Counter)
    started = time.perf_counter()
    for pair in identical["pairs"]:
        if args.laws and pair["law"] not in args.laws:
            continue
        key = (pair["law"], pair["old_version"], pair["new_version"])
        try:
            diff = run_pair(pair)
        except Exception as exc:  # a crash is a fault of the whole pair, scored as all wrong
            errors.append(f"{pair['law']} {pair['old_version']}→{pair['new_version']}: {type(exc).__name__}: {exc}")
            diff = {"clauses": [], "targets": []}
        rows = ArticleRows(diff)
        ident += score_identical(pair, rows, faults)
        for item in items_by_pair.get(key, []):
            paired, labelled, said = score_item(item, rows)
            ann["total"] += 1
            ann["paired"] += paired
            ann["labelled"] += paired and labelled
            by_label[item["label"]]["total"] += 1
            by_label[item["label"]]["ok"] += paired and labelled
            if not (paired and labelled):
                faults.append(f"annotated {item['law']} {item['old']}→{item['new']} truth {item['label']}: tracker {said}")
        if key in items_by_pair:
            num += score_numeric(items_by_pair[key], complete.get(key, False), diff, faults)
        if key in adjudicated_by_pair:
            adj_faults: list[str] = []
            adj += score_numeric(adjudicated_by_pair[key], complete.get(key, False), diff, adj_faults)
            faults += [f"[adjudicated] {f}" for f in adj_faults]
    elapsed = time.perf_counter() - started

    figures = {
        "identical": {"articles": ident["total"], "pairing_recall": ratio(ident["paired"], ident["total"]),
                      "label_accuracy": ratio(ident["labelled"], ident["total"])},
        "annotated": {"articles": ann["total"], "pairing_accuracy": ratio(ann["paired"], ann["total"]),
                      "label_accuracy": ratio(ann["labelled"], ann["total"]),
                      "by_label": {k: f"{v['ok']}/{v['total']}" for k, v in sorted(by_label.items())}},
        "numeric": numeric_figures(num),
        "numeric_adjudicated": numeric_figures(adj),
        "errors": len(errors),
        "seconds": round(elapsed, 1),
    }
    print(f"identical articles  {ident['total']:5d}  pairing recall {figures['identical']['pairing_recall']}"
          f"  label accuracy {figures['identical']['label_accuracy']}   (goals 0.99 / 0.99)")
    print(f"annotated articles  {ann['total']:5d}  pairing accuracy {figures['annotated']['pairing_accuracy']}"
          f"  label accuracy {figures['annotated']['label_accuracy']}   (goals 0.97 / 0.97)")
    print(f"  by label: {figures['annotated']['by_label']}")
    print_numeric("numeric provisions ", figures["numeric"])
    if adjudicated_by_pair:
        print_numeric("  adjudicated truth", figures["numeric_adjudicated"])
    print(f"pairs crashed: {len(errors)}   time {elapsed:.1f} s")
    for e in errors:
        print("  crash:", e)
    if args.verbose:
        for f in faults:
            print("  ", f)
    if args.out:
        Path(args.out).write_text(json.dumps({"figures": figures, "errors": errors, "faults": faults},
                                             ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
