"""Score ``extract_targets`` against the hand-annotated gold targets.

Runs read_document + extract_targets on every seed that has a gold file and
matches tool targets to gold targets as the gold README's "Matching" section
says: a quantity matches when value and unit agree and the texts overlap, a
deadline when the deadline year agrees and the texts overlap. Texts are
compared with whitespace removed and NFKC-normalised punctuation, as spans of
the document (so two identical texts in different clauses are told apart).
Over the matched pairs it reports the accuracy of comparator, deadline,
modality, per and value_max.

Beside the gold (which the extractor was tuned on) it scores the held-out set
in ``benchmarks/heldout/`` (annotated before the extractor was changed for
it): two seeds' documents and single sentences, per set, with a check of the
indicator labels (in the text, no punctuation, not only generic words, same
head noun as the annotation).

    .venv/bin/python benchmarks/score_targets.py [-v] [--gold DIR] [--seeds DIR]

Extraction time is printed beside two anchors measured in the same run: the
start-up of a bare Python interpreter and read_document of the same file.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from difflib import SequenceMatcher
from pathlib import Path

from tracker.api import read_document
from tracker.extract import extract_from_text, extract_targets
from tracker.model import Target

FIELDS = ("comparator", "deadline", "modality", "per", "value_max")


def normalise(text: str) -> tuple[str, list[int]]:
    """NFKC without whitespace, and for each original char its offset in the result."""
    out: list[str] = []
    where: list[int] = []
    n = 0
    for ch in text:
        where.append(n)
        piece = "".join(c for c in unicodedata.normalize("NFKC", ch) if not c.isspace())
        out.append(piece)
        n += len(piece)
    where.append(n)
    return "".join(out), where


@dataclass
class Span:
    start: int
    end: int

    def overlap(self, other: "Span") -> int:
        return max(0, min(self.end, other.end) - max(self.start, other.start))


def occurrences(haystack: str, needle: str) -> list[Span]:
    spans, i = [], haystack.find(needle)
    while needle and i >= 0:
        spans.append(Span(i, i + len(needle)))
        i = haystack.find(needle, i + 1)
    return spans


def tool_span(t: Target, doc_norm: str, where: list[int]) -> list[Span]:
    text_norm, _ = normalise(t.text)
    if t.start >= 0:
        return [Span(where[t.start], where[min(len(where) - 1, t.start + len(t.text))])]
    return occurrences(doc_norm, text_norm)


def compatible(g: dict, t: Target) -> bool:
    if g["kind"] != t.kind:
        return False
    if g["kind"] == "quantity":
        return t.value is not None and Decimal(str(g["value"])) == t.value and g["unit"] == t.unit
    return bool(t.deadline and g["deadline"] and t.deadline[:4] == g["deadline"][:4])


def text_overlap(g_spans: list[Span], g_norm: str, t_spans: list[Span], t_norm: str) -> int:
    if g_spans and t_spans:
        return max(a.overlap(b) for a in g_spans for b in t_spans)
    m = SequenceMatcher(None, g_norm, t_norm, autojunk=False).find_longest_match()
    return m.size if m.size >= 4 else 0


def match(gold: list[dict], tool: list[Target], doc_text: str):
    """One-to-one pairs, best first: same clause, then the larger text overlap."""
    doc_norm, where = normalise(doc_text)
    g_info = []
    for g in gold:
        g_norm = normalise(g["text"])[0]
        g_info.append((g_norm, occurrences(doc_norm, g_norm)))
    t_info = [(normalise(t.text)[0], tool_span(t, doc_norm, where)) for t in tool]
    candidates = []
    for gi, g in enumerate(gold):
        for ti, t in enumerate(tool):
            if not compatible(g, t):
                continue
            ov = text_overlap(g_info[gi][1], g_info[gi][0], t_info[ti][1], t_info[ti][0])
            if ov:
                candidates.append((g["clause"] == t.clause, ov, gi, ti))
    candidates.sort(reverse=True)
    used_g, used_t, pairs = set(), set(), []
    for _, _, gi, ti in candidates:
        if gi in used_g or ti in used_t:
            continue
        used_g.add(gi)
        used_t.add(ti)
        pairs.append((gi, ti))
    unfound = [g["text"] for g, (_, spans) in zip(gold, g_info) if not spans]
    return pairs, used_g, used_t, unfound


def field_value(obj, name):
    value = obj[name] if isinstance(obj, dict) else getattr(obj, name)
    if name == "value_max" and value is not None:
        return Decimal(str(value))
    return value


def describe(t) -> str:
    get = (lambda k: t[k]) if isinstance(t, dict) else (lambda k: getattr(t, k))
    if get("kind") == "deadline":
        return f"[{get('clause')}] deadline {get('deadline')} {get('modality')}: {get('text')}"
    rng = f"..{get('value_max')}" if get("value_max") is not None else ""
    return (f"[{get('clause')}] {get('comparator')} {get('value')}{rng} {get('unit')} per={get('per')} "
            f"dl={get('deadline')} {get('modality')}: {get('text')}")


def python_startup() -> float:
    t = time.perf_counter()
    subprocess.run([sys.executable, "-c", "pass"], check=True)
    return time.perf_counter() - t


#: Words that name no indicator on their own: an indicator of only these says nothing.
GENERIC = set("建设 服务 工作 机构 养老 养老服务 设施 标准 比例 数量 水平 能力 体系 网络 实现 达到 完成 提高 提升 全部 基本 已 的 等 "
              "新增 建成 培育 打造 开展 配备 发放 给予".split())
_PUNCT = set("，。；：,.;:！？!?〔〕［］[]【】《》|")
_PAIRS = {"（": "）", "(": ")", "“": "”", "‘": "’"}


def balanced(text: str) -> bool:
    """Brackets of a name (服务中心（站）) are fine; one whose partner is cut off (设施（, 〕) is not."""
    stack = []
    for ch in text:
        if ch in _PAIRS:
            stack.append(_PAIRS[ch])
        elif ch in _PAIRS.values() and (not stack or stack.pop() != ch):
            return False
    return not stack


def indicator_checks(g: dict, t: Target, source: str) -> dict[str, bool]:
    """Is the tool's indicator a usable label: a short noun phrase of the sentence, not a fragment?"""
    ind = (t.indicator or "").replace(" ", "")
    src = "".join(source.split())
    head = "".join(ch for ch in (g.get("indicator") or "") if "\u4e00" <= ch <= "\u9fff")[-2:]
    stripped = ind
    for w in sorted(GENERIC, key=len, reverse=True):
        stripped = stripped.replace(w, "")
    return {
        "present": bool(ind),
        "in text": bool(ind) and (ind in src or ind in normalise(src)[0]),
        "clean": bool(ind) and not any(c in _PUNCT for c in ind) and balanced(ind),
        "short": 0 < len(ind) <= 20,
        "not generic": len(stripped) >= 2,
        "head noun": bool(head) and head in ind,
    }


class Tally:
    """Counts of one set of documents (or sentences)."""

    def __init__(self, name: str, check_indicators: bool = False):
        self.name, self.check_indicators = name, check_indicators
        self.gold = self.tool = self.matched = 0
        self.fields = {f: [0, 0] for f in FIELDS}
        self.indicator = {}
        self.lines: list[str] = []

    def add(self, label: str, gold: list[dict], tool: list[Target], doc_text: str, verbose: bool, times: str = ""):
        pairs, used_g, used_t, unfound = match(gold, tool, doc_text)
        self.gold += len(gold)
        self.tool += len(tool)
        self.matched += len(pairs)
        if times:
            p = len(pairs) / len(tool) if tool else 1.0
            r = len(pairs) / len(gold) if gold else 1.0
            print(f"{label:48} {len(gold):4} {len(tool):4} {len(pairs):5} {p:6.3f} {r:6.3f} {times}")
        out = self.lines
        for gi, ti in pairs:
            for f in FIELDS:
                same = field_value(gold[gi], f) == field_value(tool[ti], f)
                self.fields[f][0] += same
                self.fields[f][1] += 1
                if not same:
                    out.append(f"  FIELD [{label}] {f}: gold {field_value(gold[gi], f)!r} tool "
                               f"{field_value(tool[ti], f)!r}  — {tool[ti].text}")
            if self.check_indicators:
                for k, ok in indicator_checks(gold[gi], tool[ti], doc_text).items():
                    hit = self.indicator.setdefault(k, [0, 0])
                    hit[0] += ok
                    hit[1] += 1
                    if not ok:
                        out.append(f"  IND   [{label}] {k}: {tool[ti].indicator!r} (gold {gold[gi]['indicator']!r})")
        for text in unfound:
            out.append(f"  ! gold text not found in [{label}]: {text}")
        for gi, g in enumerate(gold):
            if gi not in used_g:
                out.append(f"  MISS  [{label}] {describe(g)}")
        for ti, t in enumerate(tool):
            if ti not in used_t:
                out.append(f"  FP    [{label}] {describe(t)}")

    def report(self, verbose: bool) -> bool:
        p = self.matched / self.tool if self.tool else 1.0
        r = self.matched / self.gold if self.gold else 1.0
        print(f"{'= ' + self.name:48} {self.gold:4} {self.tool:4} {self.matched:5} {p:6.3f} {r:6.3f}")
        print("  fields over matched pairs: " + ", ".join(
            f"{f} {h / n:.3f} ({h}/{n})" for f, (h, n) in self.fields.items() if n))
        if self.indicator:
            print("  indicator quality: " + ", ".join(
                f"{k} {h / n:.3f}" for k, (h, n) in self.indicator.items() if n))
        if verbose:
            print("\n".join(self.lines))
        return p >= 0.95 and r >= 0.95


def score_documents(tally: Tally, gold_dir: Path, seeds: Path, verbose: bool) -> None:
    for gold_file in sorted(gold_dir.glob("*.json")):
        seed = seeds / (gold_file.stem + ".txt")
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        t0 = time.perf_counter()
        doc = read_document(seed)
        t1 = time.perf_counter()
        tool = extract_targets(doc)
        t2 = time.perf_counter()
        tally.add(gold_file.stem, gold, tool, doc.text, verbose,
                  f"{(t1 - t0) * 1000:6.1f}ms {(t2 - t1) * 1000:6.1f}ms")


def score_sentences(tally: Tally, path: Path, verbose: bool) -> float:
    """Each line a case: extract_from_text on its text, matched to its targets as a document is."""
    cases = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    t0 = time.perf_counter()
    for i, case in enumerate(cases, 1):
        tool = extract_from_text(case["text"], case["clause"], issued=case.get("issued"))
        tally.add(f"{path.stem}:{i}", case["targets"], tool, case["text"], verbose)
    return (time.perf_counter() - t0) * 1000


def main(argv=None) -> int:
    here = Path(__file__).resolve().parent
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-v", "--verbose", action="store_true", help="list misses, false positives, field mismatches")
    ap.add_argument("--gold", type=Path, default=here.parent.parent / "shared" / "gold" / "targets")
    ap.add_argument("--seeds", type=Path, default=here.parent.parent / "shared" / "seeds")
    ap.add_argument("--heldout", type=Path, default=here / "heldout")
    args = ap.parse_args(argv)

    startup = python_startup()
    print(f"{'document':48} {'gold':>4} {'tool':>4} {'match':>5} {'P':>6} {'R':>6} {'read':>8} {'extract':>8}")
    gold = Tally("gold (tuned on)", check_indicators=True)
    score_documents(gold, args.gold, args.seeds, args.verbose)
    ok = gold.report(args.verbose)
    held_docs = Tally("held-out documents", check_indicators=True)
    score_documents(held_docs, args.heldout / "documents", args.seeds, args.verbose)
    held_ok = held_docs.report(args.verbose)
    for path in sorted(args.heldout.glob("sentences*.jsonl")):
        held_sent = Tally(f"held-out {path.stem}", check_indicators=True)
        ms = score_sentences(held_sent, path, args.verbose)
        held_ok &= held_sent.report(args.verbose)
        print(f"  ({ms:.1f}ms for its cases)")
    print(f"anchor: python start-up {startup * 1000:.1f}ms (same run)")
    if not held_ok:
        print("held-out below 0.95 precision or recall")
    return 0 if ok and held_ok else 1


if __name__ == "__main__":
    sys.exit(main())
