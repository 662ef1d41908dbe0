"""Accuracy of ``tracker diff`` on seed documents edited with KNOWN truth.

Each trial applies ONE edit to a seed's cleaned text, reads both texts back
through the real pipeline (read_document on temp files, extract_targets) and
scores the diff against what the edit means:

  target edits   value up/down, deadline earlier/later, comparator and modality changes
  clause edits   drop, add (with a target), move, split, merge, reword, renumber (insert an item)
  equivalent     2万↔20000, 75%↔百分之七十五, punctuation, spaces, line breaks: nothing may change

Prints target-change precision / recall / F1, label accuracy, clause-pairing
recall and false changes on equivalent rewrites.   Usage:
    .venv/bin/python benchmarks/diff_mutations.py [--trials 4] [--seed 7] [-v]
"""
from __future__ import annotations

import argparse
import random
import re
import sys
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import cn2an

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tracker.normalise import normalise, similarity  # noqa: E402
from tracker.api import extract_targets, read_document  # noqa: E402
from tracker.compare import VALUE_DIRECTION  # noqa: E402
from tracker.pipeline import diff  # noqa: E402

SEEDS = ROOT.parent / "shared" / "seeds"
SENTENCE_END = "。！？!?\n|"  # a fronted date governs across ；, not across 。; a table cell ends a sentence
# Item label patterns of the schemes that run on across sections (renumbered after structural edits).
ITEM_LABEL = {
    "arabic": (re.compile(r"(?m)^(\d{1,3})([.．、])"), lambda n: str(n)),
    "paren_cn": (re.compile(r"(?m)^（([一二三四五六七八九十]{1,4})）"), lambda n: cn2an.an2cn(n)),
}
PLACEHOLDER = {"arabic": "\ue000", "paren_cn": "\ue000"}  # private-use sentinel: where a new item label goes
NEW_ITEMS = [  # (text, number of targets it adds): plain policy sentences a drafter might add
    ("发展老年助餐服务。到2026年，老年助餐服务点达到30个以上。", 1),
    ("推进智慧养老。到2027年年底，智慧养老服务平台覆盖率达到80%以上。", 1),
    ("加强宣传引导。充分利用广播电视和网络媒体，宣传养老服务政策措施，营造敬老爱老氛围。", 0),
    ("强化督促检查。建立工作台账，定期调度工作进展，对工作不力的予以通报。", 0),
]
REWORDS = [("推进", "推动"), ("加强", "强化"), ("建立", "建设"), ("完善", "健全"), ("提升", "提高"), ("鼓励", "引导")]
# (word, replacement, comparator, expected label, where the word stands: after or before the number)
COMPARATOR_EDITS = [
    ("以上", "左右", ">=", "loosened", "after"),
    ("左右", "以上", "~", "tightened", "after"),
    ("不超过", "约", "<=", "loosened", "before"),
    ("不低于", "约", ">=", "loosened", "before"),
    ("不少于", "约", ">=", "loosened", "before"),
]
# Modal words a must-target may carry in its own text, and what they become when the drafter softens it.
MUST_WORDS = re.compile(r"确保|必须|应当|要(?=达到|实现|完成|建成|保持)")
SOFT_WORDS = re.compile(r"力争|争取|原则上|基本|鼓励|支持|探索|有条件的")


@dataclass
class Truth:
    targets: dict[int, str] = field(default_factory=dict)  # A-target index -> expected label (default unchanged)
    added: int = 0
    clauses: dict[str, str | None] = field(default_factory=dict)  # old clause id -> expected new own text (None: removed)
    clause_change: tuple[str, str] | None = None  # (old id, expected change) of the edited clause
    equivalent: bool = False


@dataclass
class Base:
    name: str
    doc: object
    targets: list
    scheme: str | None
    items: list


def load(name: str) -> Base:
    doc = read_document(SEEDS / name)
    leaves = [c for c in doc.walk() if not c.children and c.scheme in ITEM_LABEL and len(c.text) >= 15]
    counts = Counter(c.scheme for c in leaves)
    scheme = counts.most_common(1)[0][0] if counts else None
    items = [c for c in leaves if c.scheme == scheme]
    runs_on = [int(cn2an.cn2an(c.label.strip("（）"), "smart")) if scheme == "paren_cn" else int(c.label) for c in items]
    if runs_on != sorted(runs_on) or len(set(runs_on)) != len(runs_on):
        scheme, items = None, []  # numbering restarts per section: structural edits would need per-parent renumbering
    return Base(name, doc, extract_targets(doc), scheme, items)


def start_of(base: Base, t) -> int:
    return t.start if t.start >= 0 else base.doc.text.find(t.text)


def renumber(text: str, scheme: str) -> str:
    """Number the items 1, 2, 3 … again after an edit, the sentinel of a new item included.

    The sentinel is matched on its own, so a new item whose text starts with a
    digit (a split before "2026年底前…") is numbered like any other.
    """
    _, render = ITEM_LABEL[scheme]
    counter = iter(range(1, 10_000))
    mark = re.escape(PLACEHOLDER[scheme])
    if scheme == "arabic":
        return re.sub(rf"(?m)^(?:{mark}|(\d{{1,3}})([.．、])(?!\d))", lambda m: f"{next(counter)}{m.group(2) or '.'}", text)
    return re.sub(rf"(?m)^(?:{mark}|（[零一二三四五六七八九十]{{1,4}}）)", lambda m: f"（{render(next(counter))}）", text)


def own(base: Base, c) -> tuple[int, int]:
    s, e = c.span
    return s, e


def default_truth(base: Base) -> Truth:
    return Truth(clauses={c.id: normalise(c.text) for c in base.doc.walk()})


# ------------------------------------------------------------------ edits


def sentence_bounds(text: str, pos: int) -> tuple[int, int]:
    a = max(text.rfind(ch, 0, pos) for ch in SENTENCE_END) + 1
    ends = [text.find(ch, pos) for ch in SENTENCE_END]
    b = min([e for e in ends if e >= 0] or [len(text)])
    return a, b


def targets_in(base: Base, a: int, b: int) -> list[int]:
    return [k for k, t in enumerate(base.targets) if a <= start_of(base, t) < b]


def value_spans(t) -> list[re.Match]:
    """The numbers in the target's text that ARE its value (2万 counts as 20000)."""
    return [m for m in re.finditer(r"\d+(?:\.\d+)?(万)?", t.text) if Decimal(m.group(0).rstrip("万")) * (10000 if m.group(1) else 1) == t.value]


def own_start(base: Base, c) -> int:
    """Where the clause's own text (lead sentence and body, no responsibility note) starts, or -1."""
    s, e = c.span
    return base.doc.text.find(c.text, s, e) if c.text else -1


def edit_value(base: Base, rng, up: bool):
    text = base.doc.text
    for k in rng.sample(range(len(base.targets)), len(base.targets)):
        t = base.targets[k]
        if t.kind != "quantity" or t.value is None or t.comparator not in VALUE_DIRECTION or t.comparator == "range":
            continue
        s = start_of(base, t)
        nums = value_spans(t)
        if s < 0 or len(nums) != 1 or t.value <= 1 and not up:
            continue
        m = nums[0]
        v = Decimal(m.group(0).rstrip("万"))
        step = max(Decimal(1), (v * Decimal("0.2")).quantize(Decimal(1)))
        nv = v + step if up else v - step
        if nv <= 0 or (t.unit == "%" and nv > 100):
            continue
        pos, digits = s + m.start(), len(m.group(0)) - (1 if m.group(1) else 0)
        new = text[:pos] + str(nv) + text[pos + digits :]
        truth = default_truth(base)
        tight = (1 if up else -1) * VALUE_DIRECTION[t.comparator] > 0
        truth.targets[k] = "tightened" if tight else "loosened"
        return new, truth
    return None


def edit_deadline(base: Base, rng, later: bool):
    text = base.doc.text
    for k in rng.sample(range(len(base.targets)), len(base.targets)):
        t = base.targets[k]
        if not t.deadline:
            continue
        year = t.deadline[:4]
        s = start_of(base, t)
        if s < 0 or t.text.count(year) != 1:
            continue
        issued = base.doc.metadata.date
        if not later and issued and int(year) - 1 < int(issued[:4]):
            continue  # a deadline moved before the document's own date is history, not an earlier commitment
        pos = s + t.text.index(year)
        new = text[:pos] + str(int(year) + (1 if later else -1)) + text[pos + 4 :]
        a, b = sentence_bounds(text, pos)
        truth = default_truth(base)
        for u in targets_in(base, a, b):
            if base.targets[u].deadline and base.targets[u].deadline[:4] == year and start_of(base, base.targets[u]) + len(base.targets[u].text) > pos:
                truth.targets[u] = "loosened" if later else "tightened"
        return new, truth
    return None


def comparator_word(t, word: str, side: str) -> int:
    """Offset in ``t.text`` of the comparator word bound to the target's value, or -1.

    Only the word next to the value counts: in "90周岁及以上的老年人每人每年发放不低于1200元"
    the target's comparator is 不低于, and 以上 belongs to the age group.
    """
    nums = value_spans(t) if t.value is not None else []
    if len(nums) != 1:
        return -1
    m = nums[0]
    if side == "before":
        return m.start() - len(word) if t.text[: m.start()].endswith(word) else -1
    after = re.match(rf"[^\d，。；、,;（）()]{{0,3}}?{word}", t.text[m.end() :])
    return m.end() + after.end() - len(word) if after else -1


def edit_comparator(base: Base, rng):
    text = base.doc.text
    for k in rng.sample(range(len(base.targets)), len(base.targets)):
        t = base.targets[k]
        s = start_of(base, t)
        for old, new_word, cmp_, label, side in COMPARATOR_EDITS:
            at = comparator_word(t, old, side) if t.comparator == cmp_ and s >= 0 else -1
            if at >= 0:
                truth = default_truth(base)
                truth.targets[k] = label
                return text[: s + at] + new_word + text[s + at + len(old) :], truth
    return None


def edit_range(base: Base, rng):
    """每百户20至30平方米 → 每百户不少于30平方米: a range became a hard lower bound at its top, stricter."""
    text = base.doc.text
    for k in rng.sample(range(len(base.targets)), len(base.targets)):
        t = base.targets[k]
        s = start_of(base, t)
        if t.comparator != "range" or t.value_max is None or s < 0:
            continue
        hits = list(re.finditer(r"(\d+(?:\.\d+)?)\s*(?:至|到|-|—|～|~)\s*(\d+(?:\.\d+)?)", t.text))
        if len(hits) != 1 or Decimal(hits[0].group(2)) != t.value_max:
            continue
        m = hits[0]
        truth = default_truth(base)
        truth.targets[k] = "tightened"
        return text[: s + m.start()] + "不少于" + m.group(2) + text[s + m.end() :], truth
    return None


def edit_modality(base: Base, rng):
    text = base.doc.text
    for k in rng.sample(range(len(base.targets)), len(base.targets)):
        t = base.targets[k]
        s = start_of(base, t)
        if s < 0:
            continue
        a, b = sentence_bounds(text, s)
        if len(targets_in(base, a, b)) != 1:
            continue
        sentence = text[a:b]
        truth = default_truth(base)
        if t.modality == "must" and not SOFT_WORDS.search(sentence):
            # soften the target's own modal word; with none, put 力争 right before the target's own words
            # (at the sentence start it could govern an earlier verb: "力争推进…建设，到2027年…达到…")
            truth.targets[k] = "loosened"
            musts = list(MUST_WORDS.finditer(t.text))
            if len(musts) > 1 or len(MUST_WORDS.findall(sentence)) != len(musts):
                continue  # another 确保/要 in the sentence would still bind it
            if musts:
                m = musts[0]
                return text[: s + m.start()] + "力争" + text[s + m.end() :], truth
            return text[:s] + "力争" + text[s:], truth
        if t.modality == "strive" and sentence.count("力争") == 1 and not re.search(r"争取|原则上|基本", sentence):
            pos = a + sentence.index("力争")
            truth.targets[k] = "tightened"
            return text[:pos] + "确保" + text[pos + 2 :], truth
    return None


def _item_pair(base: Base, rng, need_sibling=False):
    items = base.items
    if len(items) < 3:
        return None
    k = rng.randrange(len(items) - 1)
    return items[k], items[k + 1]


def edit_drop(base: Base, rng):
    if not base.items:
        return None
    c = rng.choice(base.items)
    s, e = own(base, c)
    text = base.doc.text
    new = renumber(text[:s] + text[e:].lstrip("\n"), base.scheme)
    truth = default_truth(base)
    truth.clauses[c.id] = None
    truth.clause_change = (c.id, "removed")
    for u in targets_in(base, s, e):
        truth.targets[u] = "dropped"
    return new, truth


def _insert_item(base: Base, rng, body: str):
    c = rng.choice(base.items)
    s, e = own(base, c)
    text = base.doc.text
    return renumber(text[:e] + "\n" + PLACEHOLDER[base.scheme] + body + text[e:], base.scheme)


def edit_add(base: Base, rng, with_target: bool):
    if not base.items:
        return None
    body, n = rng.choice([x for x in NEW_ITEMS if (x[1] > 0) == with_target])
    truth = default_truth(base)
    truth.added = n
    return _insert_item(base, rng, body), truth


def edit_move(base: Base, rng):
    if len(base.items) < 4:
        return None
    a, b = rng.sample(range(len(base.items)), 2)
    # the item lands after item b: it must pass two others, or (an adjacent swap) either one "moved"
    if b - a in (-2, -1, 1):
        b = (a + len(base.items) // 2) % len(base.items)
    if b - a in (-2, -1, 1):
        return None
    c, dest = base.items[a], base.items[b]
    text = base.doc.text
    s, e = own(base, c)
    block = text[s:e].rstrip("\n")
    ds, de = own(base, dest)
    if ds > s:
        new = text[:s] + text[e:de].lstrip("\n") + "\n" + block + text[de:]
    else:
        new = text[:de] + "\n" + block + text[de:s].rstrip("\n") + text[e:]
    truth = default_truth(base)
    truth.clause_change = (c.id, "moved")
    return renumber(new, base.scheme), truth


def edit_split(base: Base, rng):
    for c in rng.sample(base.items, len(base.items)):
        s = own_start(base, c)  # cut the provision's own text, never between it and its responsibility note
        body = c.text
        cuts = [m.end() for m in re.finditer("。", body) if 0.3 * len(body) < m.end() < 0.8 * len(body)]
        if s < 0 or not cuts:
            continue
        cut = s + cuts[0]
        text = base.doc.text
        new = renumber(text[:cut] + "\n" + PLACEHOLDER[base.scheme] + text[cut:].lstrip(), base.scheme)
        truth = default_truth(base)
        truth.clause_change = (c.id, "split")
        truth.clauses[c.id] = normalise(c.text)
        return new, truth
    return None


def edit_merge(base: Base, rng):
    for k in rng.sample(range(len(base.items) - 1), max(0, len(base.items) - 1)):
        a, b = base.items[k], base.items[k + 1]
        if a.span[1] + 1 < b.span[0] - 0 and base.doc.text[a.span[1] : b.span[0]].strip():
            continue
        if a.id.rsplit(".", 1)[0] != b.id.rsplit(".", 1)[0] or a.responsibility is not None:
            continue
        text = base.doc.text
        label = re.match(r"\d{1,3}[.．、]|（[一二三四五六七八九十]{1,4}）", text[b.span[0] :])
        if not label:
            continue
        new = renumber(text[: a.span[1]].rstrip("\n") + text[b.span[0] + label.end() :], base.scheme)
        truth = default_truth(base)
        truth.clause_change = (a.id, "merged")
        truth.clauses[a.id] = truth.clauses[b.id] = normalise(a.text + b.text)
        return new, truth
    return None


def edit_reword(base: Base, rng):
    text = base.doc.text
    for c in rng.sample(base.items, len(base.items)):
        s = own_start(base, c)  # the provision's own words, not its responsibility note (完成时限：持续推进)
        if s < 0:
            continue
        e = s + len(c.text)
        for old, new_word in REWORDS:
            for m in re.finditer(old, text[s:e]):
                pos = s + m.start()
                a, b = sentence_bounds(text, pos)
                if targets_in(base, a, b) or re.search(r"\d", text[a:b]) or pos < s + len(c.title) + 4:
                    continue
                truth = default_truth(base)
                truth.clause_change = (c.id, "modified")
                at = pos - s
                truth.clauses[c.id] = normalise(c.text[:at] + new_word + c.text[at + len(old) :])
                return text[:pos] + new_word + text[pos + len(old) :], truth
    return None


def edit_equivalent(base: Base, rng, kind: str):
    text = base.doc.text
    truth = default_truth(base)
    truth.equivalent = True
    if kind == "wan":
        hits = list(re.finditer(r"(?<![\d.])(\d+)万(?=[张人个家户元])", text))
        if not hits:
            return None
        m = rng.choice(hits)
        return text[: m.start()] + str(int(m.group(1)) * 10000) + text[m.end() :], truth
    if kind == "percent":
        hits = list(re.finditer(r"(?<![\d.])(\d{1,2})%", text))
        if not hits:
            return None
        m = rng.choice(hits)
        return text[: m.start()] + "百分之" + cn2an.an2cn(int(m.group(1))) + text[m.end() :], truth
    if kind == "punctuation":
        swap = {"，": ",", ",": "，", "：": ":", "；": ";", "（": "(", "）": ")"}
        return "".join(swap[ch] if ch in swap and rng.random() < 0.5 else ch for ch in text), truth
    if kind == "spaces":
        out = []
        for k, ch in enumerate(text):
            out.append(ch)
            nxt = text[k + 1] if k + 1 < len(text) else "\n"
            if "\u4e00" <= ch <= "\u9fff" and "\u4e00" <= nxt <= "\u9fff" and rng.random() < 0.03:
                out.append(" ")
        return "".join(out), truth
    if kind == "linebreaks":
        spots = [m.end() for m in re.finditer("，", text) if re.match(r"[\u4e00-\u9fff]", text[m.end() : m.end() + 1]) and not re.match(r"[一二三四五六七八九十第附]", text[m.end() : m.end() + 1])]
        chosen = set(rng.sample(spots, min(5, len(spots))))
        return "".join(ch + ("\n" if k + 1 in chosen else "") for k, ch in enumerate(text)), truth
    return None


EDITS = {
    "value up": lambda b, r: edit_value(b, r, True),
    "value down": lambda b, r: edit_value(b, r, False),
    "deadline later": lambda b, r: edit_deadline(b, r, True),
    "deadline earlier": lambda b, r: edit_deadline(b, r, False),
    "comparator": edit_comparator,
    "modality": edit_modality,
    "range → bound": edit_range,
    "clause drop": edit_drop,
    "clause add": lambda b, r: edit_add(b, r, True) if b.items else None,
    "renumber (insert)": lambda b, r: edit_add(b, r, False) if b.items else None,
    "move": lambda b, r: edit_move(b, r) if b.items else None,
    "split": lambda b, r: edit_split(b, r) if b.items else None,
    "merge": lambda b, r: edit_merge(b, r) if b.items else None,
    "reword": lambda b, r: edit_reword(b, r) if b.items else None,
    "eq 2万↔20000": lambda b, r: edit_equivalent(b, r, "wan"),
    "eq 75%↔百分之七十五": lambda b, r: edit_equivalent(b, r, "percent"),
    "eq punctuation": lambda b, r: edit_equivalent(b, r, "punctuation"),
    "eq spaces": lambda b, r: edit_equivalent(b, r, "spaces"),
    "eq line breaks": lambda b, r: edit_equivalent(b, r, "linebreaks"),
}


# ---------------------------------------------------------------- scoring


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    labels_right: int = 0
    labels_all: int = 0
    pair_hit: int = 0
    pair_all: int = 0
    clause_label_hit: int = 0
    clause_label_all: int = 0
    false_changes: int = 0  # clause rows
    false_target_changes: int = 0
    trials: int = 0
    errors: list[str] = field(default_factory=list)


def score_trial(base: Base, result, truth: Truth, sc: Score, tag: str) -> None:
    by_old = {id(c.old): c for c in result.targets if c.old is not None}
    predicted_added = sum(1 for c in result.targets if c.old is None)
    for k, t in enumerate(base.targets):
        want = truth.targets.get(k, "unchanged")
        got = by_old[id(t)].change if id(t) in by_old else "missing"
        sc.labels_all += 1
        sc.labels_right += want == got
        if want != "unchanged" and got == want:
            sc.tp += 1
        else:
            sc.fn += want != "unchanged"
            sc.fp += got != "unchanged"
        if want != got:
            sc.errors.append(f"{tag}: target {t.clause} {t.indicator} {t.text[:30]!r}: want {want}, got {got} {by_old[id(t)].reasons if id(t) in by_old else ''}")
    hit = min(predicted_added, truth.added)
    sc.tp += hit
    sc.fp += predicted_added - hit
    sc.fn += truth.added - hit
    sc.labels_all += max(truth.added, predicted_added)
    sc.labels_right += hit
    if truth.added != predicted_added:
        sc.errors.append(f"{tag}: added want {truth.added}, got {predicted_added}")
    _score_clauses(base, result, truth, sc, tag)


def _score_clauses(base: Base, result, truth: Truth, sc: Score, tag: str) -> None:
    rows = defaultdict(list)
    for c in result.clauses:
        for old_id in ([c.old] if isinstance(c.old, str) else c.old or []):
            rows[old_id].append(c)
    for old_id, expected in truth.clauses.items():
        got = rows.get(old_id, [])
        if expected is None:
            continue
        sc.pair_all += 1
        texts = normalise("".join(c.new_text or "" for c in got if c.change != "removed"))
        ok = bool(got) and got[0].change != "removed" and (texts == expected or similarity(texts, expected) >= 0.9)
        sc.pair_hit += ok
        if not ok:
            sc.errors.append(f"{tag}: clause {old_id} not paired right: {[(c.change, c.new) for c in got]}")
        if truth.equivalent and got and got[0].change != "unchanged":
            sc.false_changes += 1
    if truth.equivalent:
        sc.false_target_changes += sum(1 for c in result.targets if c.change != "unchanged")
        sc.false_changes += sum(1 for c in result.clauses if c.change in ("added", "removed"))
    if truth.clause_change:
        old_id, want = truth.clause_change
        got = [c.change for c in rows.get(old_id, [])]
        sc.clause_label_all += 1
        sc.clause_label_hit += want in got
        if want not in got:
            sc.errors.append(f"{tag}: clause {old_id}: want {want}, got {got}")


def run(trials: int, seed: int, verbose: bool) -> Score:
    total = Score()
    per_edit: dict[str, Score] = defaultdict(Score)
    tmp = Path(tempfile.mkdtemp(prefix="tracker-bench-"))
    bases = [load(p.name) for p in sorted(SEEDS.glob("*.txt"))]
    diff_seconds = 0.0
    for base in bases:
        for name, edit in EDITS.items():
            for n in range(trials):
                rng = random.Random(f"{seed}/{base.name}/{name}/{n}")  # one stream per trial: adding an edit kind changes no other trial
                made = edit(base, rng)
                if made is None:
                    continue
                text, truth = made
                path = tmp / f"{base.name[:-4]}-{n}.txt"
                path.write_text(text, encoding="utf-8")
                new_doc = read_document(path)
                new_targets = extract_targets(new_doc)
                t0 = time.perf_counter()
                result = diff(base.doc, new_doc, old_targets=base.targets, new_targets=new_targets)
                diff_seconds += time.perf_counter() - t0
                for sc in (total, per_edit[name]):
                    sc.trials += 1
                    score_trial(base, result, truth, sc, f"{base.name[:10]} {name}")
    report(total, per_edit, diff_seconds, verbose)
    return total


def _ratio(a: int, b: int) -> float:
    return a / b if b else 1.0


def report(total: Score, per_edit: dict[str, Score], seconds: float, verbose: bool) -> None:
    p, r = _ratio(total.tp, total.tp + total.fp), _ratio(total.tp, total.tp + total.fn)
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    print(f"trials: {total.trials}   diff time total {seconds * 1000:.0f} ms")
    print(f"target-change precision {p:.3f}  recall {r:.3f}  F1 {f1:.3f}")
    print(f"target label accuracy   {_ratio(total.labels_right, total.labels_all):.3f}  ({total.labels_right}/{total.labels_all})")
    print(f"clause-pairing recall   {_ratio(total.pair_hit, total.pair_all):.3f}  ({total.pair_hit}/{total.pair_all})")
    print(f"edited-clause label acc {_ratio(total.clause_label_hit, total.clause_label_all):.3f}  ({total.clause_label_hit}/{total.clause_label_all})")
    print(f"false changes on equivalent rewrites: targets {total.false_target_changes}, clause rows {total.false_changes}")
    print()
    print(f"{'edit':22} trials  label-acc  pair-recall  clause-label  false-changes")
    for name, sc in per_edit.items():
        false = f"{sc.false_target_changes}/{sc.false_changes}" if name.startswith("eq") else ""
        print(f"{name:22} {sc.trials:6}  {_ratio(sc.labels_right, sc.labels_all):9.3f}  {_ratio(sc.pair_hit, sc.pair_all):11.3f}  {_ratio(sc.clause_label_hit, sc.clause_label_all):12.3f}  {false:>13}")
    if verbose:
        print()
        for line in total.errors:
            print("  " + line)


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--trials", type=int, default=4, help="edits of each kind per seed")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("-v", "--verbose", action="store_true", help="list every miss")
    args = ap.parse_args()
    run(args.trials, args.seed, args.verbose)
