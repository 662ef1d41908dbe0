"""Clause alignment: which old clause became which new one, and by what rule.

Version mode (draft → final) runs ORDERED PASSES, each leaving a provenance
``rule`` on the pairings it makes:

1. ``exact``      – same normalised text (NFKC, no whitespace/punctuation),
                    as often on both sides (the k-th copy with the k-th),
                    anywhere in the document;
2. ``label``      – same lead sentence (title), unique on both sides;
3. ``structural`` – the single unpaired old and new clause left between two
                    in-order anchors, at the same depth, reasonably similar;
4. ``fuzzy``      – a sequence alignment (Gale–Church style DP with 1:1, 1:n
                    split and n:1 merge steps) inside each gap between anchors;
5. ``move``       – what is left, paired across the whole document only when
                    the similarity is high and clearly better than the runner-up.

A pairing is ``moved`` only when it is out of the longest in-order chain of
pairings (its order changed relative to its neighbours); a new number alone is
not a change.  Cost: hashing is linear, the chain is O(n log n), the DP only
runs inside gaps (banded when a gap is large) and the move pass compares only
candidates sharing rare character bigrams — see docs/decisions/0401.
"""
from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from functools import lru_cache

from tracker.errors import TrackerError
from tracker.model import Clause
from tracker.normalise import normalise, similarity

# Thresholds of every pass, as data (similarities are 0..1, rapidfuzz ratio).
THRESHOLDS: dict[str, float] = {
    "label_min_title": 4,  # a shorter title ("总则") does not identify a clause
    "label_min_similarity": 0.25,  # same title but nothing else in common: not the same provision
    "structural": 0.45,  # the only clause left at the same place in the order
    "fuzzy": 0.6,  # a pairing found by the sequence alignment
    "split": 0.85,  # concatenation of the pieces against the whole
    "move": 0.85,  # paired across the document: claim it only when sure
    "move_margin": 0.05,  # ... and clearly better than the second candidate
    "label_move": 0.7,  # a same-title pairing out of order is a move claim: it needs this much text in common
    "split_gain": 0.1,  # a split/merge must beat the plain 1:1 pairing by this much
    "split_cover": 0.85,  # ... or the pieces must carry this share of the whole's text (edited split) …
    "split_cover_gain": 0.15,  # … which the first piece alone does not carry by this much
    "split_max_growth": 1.6,  # … without the pieces being much longer than the whole
    "band": 40,  # half-width of the DP band when a gap is large
    "band_above": 60 * 60,  # gaps with more cells than this use the band
    "max_dp_cells": 60_000,  # a banded gap larger than this (~740 clauses a side, no anchor) skips the DP
    "max_pieces": 3,  # a split / merge joins at most this many clauses
    "block_df": 40,  # bigrams in more clauses than this are not used for blocking
    "block_candidates": 8,  # candidates scored per clause in the move pass
    "article_gap": 0.3,  # a law's rewritten article left alone in its place (as many on each side)
    "article_gap_uneven": 0.4,  # ... with an article added or deleted beside it: in order, more text in common
    "lone_lead": 4,  # the one article left on each side in its place: same opening subject (characters) …
    "lone_cover": 0.25,  # … and this share of the shorter's character bigrams found in the other
    "near_window": 3,  # a reworded article that crossed a neighbour: this many articles from its expected place …
    "near_move": 0.6,  # … sharing this much text …
    "near_move_floor": 0.5,  # … or this much, when one holds near_move_cover of the other's bigrams (a 款 added)
    "near_move_cover": 0.9,
    "near_margin": 0.1,  # … and clearly closer than any other free article near there
    "article_gap_cells": 2500,  # largest gap (old × new articles) paired that way: a 50-article rewrite
    "case_weak": 0.7,  # a law's fuzzy article pairing below this may give way to pairings by the case each opens with
}


@dataclass(frozen=True)
class Pairing:
    """Old clause(s) paired with new clause(s) by one rule, indices into the flat lists."""

    old: list[int]
    new: list[int]
    rule: str
    similarity: float
    confidence: float
    change: str = ""  # set by classify(): unchanged / modified / moved / split / merged


@dataclass(frozen=True)
class Alignment:
    """Every clause of both documents, flattened, with the pairings between them."""

    old: list[Clause]
    new: list[Clause]
    pairs: list[Pairing]
    # index -> best similarity of any unpaired candidate on the other side (how unsure "removed" is)
    unpaired_old: dict[int, float] = field(default_factory=dict)
    unpaired_new: dict[int, float] = field(default_factory=dict)


class _Side:
    """One document's clauses with their normalised texts and titles, computed once."""

    def __init__(self, clauses: list[Clause]):
        self.clauses = clauses
        self.norm = [normalise(c.text) for c in clauses]
        # what pairs clauses: the own text, but a law's article is the unit of its
        # text, so an article is compared on its whole text with its items and 款
        # (a fine moved into an item （一） leaves the article the same article)
        self.key = [_whole(c) if c.scheme == "article" else t for c, t in zip(clauses, self.norm)]
        self.article = [c.scheme == "article" for c in clauses]
        self.paragraphs = [_paragraphs(c) if c.scheme == "article" else 0 for c in clauses]
        self.title = [normalise(c.title) for c in clauses]
        self.size = [len(t) for t in self.key]
        self.depth = [c.id.count(".") for c in clauses]
        self.article_of = _enclosing_articles(clauses, self.depth)
        self.paired: set[int] = set()

    def free(self, indices) -> list[int]:
        return [i for i in indices if i not in self.paired]


def _whole(article: Clause) -> str:
    return "".join(normalise(c.text) for c in article.walk())


def _enclosing_articles(clauses: list[Clause], depth: list[int]) -> list[int | None]:
    """For each clause of a depth-first list, the index of the law article it lies inside (None for none)."""
    out: list[int | None] = []
    stack: list[int] = []  # indices of the open ancestors
    for k, c in enumerate(clauses):
        del stack[depth[k]:]
        out.append(next((a for a in reversed(stack) if clauses[a].scheme == "article"), None))
        stack.append(k)
    return out


def _paragraphs(article: Clause) -> int:
    """How many 款 an article has: the lines of its own text and its 款 clauses (第N款)."""
    return article.text.count("\n") + 1 + sum(c.scheme == "paragraph" for c in article.children)


def flatten(clauses: list[Clause]) -> list[Clause]:
    """Every clause depth first; section headers keep only their own text."""
    return [c for top in clauses for c in top.walk()]


# ------------------------------------------------------------------ passes


def _unique_keys(keys: list[str], free: list[int], min_len: int) -> dict[str, int]:
    counts = Counter(keys[i] for i in free)
    return {keys[i]: i for i in free if len(keys[i]) >= min_len and counts[keys[i]] == 1}


def _occurrences(keys: list[str], free: list[int]) -> dict[str, list[int]]:
    """Each text's free indices, in document order."""
    out: dict[str, list[int]] = {}
    for i in free:
        out.setdefault(keys[i], []).append(i)
    return out


def exact_pass(old: _Side, new: _Side) -> list[Pairing]:
    """Same normalised text, as many times on both sides: certain, wherever it now stands.

    A text found once on each side pairs wherever it moved. A text repeated
    (a table's identical rows, a plan pasted twice) pairs its k-th occurrence
    with the k-th when both sides hold it equally often: nothing tells the
    copies apart but their order, and leaving them unpaired put thousands of
    alike clauses into the move pass and the target pairing as "removed" and
    "added" (a 19 MB self-diff reported every clause removed). Unequal counts
    are left to the passes that look at position and neighbours; an empty
    text says nothing and is left to them too.

    A law's article is matched on its whole text: its own lead line
    (依照某法第三十条规定处罚的，按照下列规定执行：) can be the very words of
    another article once cross-references were renumbered, while its items differ.
    """
    o = _occurrences(old.key, old.free(range(len(old.clauses))))
    n = _occurrences(new.key, new.free(range(len(new.clauses))))
    # a law's article pairs only with an article: a 款 that became an article of its own is a split, found later
    pairs = [Pairing([i], [j], "exact", 1.0, 1.0)
             for key, mine in o.items() if key and len(n.get(key, ())) == len(mine)
             for i, j in zip(mine, n[key]) if old.article[i] == new.article[j]]
    pairs.sort(key=lambda p: p.old[0])
    _mark(old, new, pairs)
    return pairs


def label_pass(old: _Side, new: _Side) -> list[Pairing]:
    """Same lead sentence, unique on both sides: the same provision even if its body was rewritten."""
    o = _unique_keys(old.title, old.free(range(len(old.clauses))), int(THRESHOLDS["label_min_title"]))
    n = _unique_keys(new.title, new.free(range(len(new.clauses))), int(THRESHOLDS["label_min_title"]))
    pairs = []
    for key, i in o.items():
        j = n.get(key)
        if j is None or old.article[i] != new.article[j]:
            continue
        sim = similarity(old.key[i], new.key[j])
        if sim >= THRESHOLDS["label_min_similarity"]:
            pairs.append(Pairing([i], [j], "label", sim, 0.7 + 0.3 * sim))
    _mark(old, new, pairs)
    return pairs


def _mark(old: _Side, new: _Side, pairs: list[Pairing]) -> None:
    for p in pairs:
        old.paired.update(p.old)
        new.paired.update(p.new)


def in_order(pairs: list[Pairing], weight=None) -> set[int]:
    """Indices (into ``pairs``) of the heaviest chain increasing in both documents.

    Everything outside this chain changed its order relative to its neighbours:
    that, and only that, is a move. Each pairing weighs ``weight(pairing)`` (a
    tuple compared in order), by default (1, similarity): the longest chain, and
    among equally long ones the one whose pairings are surest — when two blocks
    swapped places, the block that was reworded is the one called moved, not the
    identical one. Prefix maxima in a Fenwick tree, O(n log n).
    """
    weight = weight or (lambda p: (1, p.similarity))
    order = sorted(range(len(pairs)), key=lambda k: (min(pairs[k].old), min(pairs[k].new)))
    news = [min(pairs[k].new) for k in order]
    if all(a < b for a, b in zip(news, news[1:])):
        return set(order)  # nothing out of order (a long document usually): no chain to choose
    ranks = {v: r + 1 for r, v in enumerate(sorted(set(news)))}
    tree: list[tuple] = [()] * (len(ranks) + 1)  # best (total, pair index) ending at a new rank ≤ position
    back: dict[int, int | None] = {}
    best: tuple = ()
    size = len(tree)
    for k in order:  # comparisons written out, not max(): this loop runs n log n times (50,000 clauses: 1.4 s → 0.6 s)
        rank = ranks[min(pairs[k].new)]
        prev, pos = (), rank - 1
        while pos > 0:
            if tree[pos] > prev:
                prev = tree[pos]
            pos &= pos - 1
        total = _plus(prev[0] if prev else None, weight(pairs[k]))
        back[k] = prev[1] if prev else None
        entry, pos = (total, k), rank
        while pos < size:
            if entry > tree[pos]:
                tree[pos] = entry
            pos += pos & -pos
        if entry > best:
            best = entry
    chain: set[int] = set()
    k = best[1] if best else None
    while k is not None:
        chain.add(k)
        k = back[k]
    return chain


def _plus(total: tuple | None, more: tuple) -> tuple:
    return more if total is None else tuple(a + b for a, b in zip(total, more))


def drop_weak_label_moves(pairs: list[Pairing], old: _Side, new: _Side) -> list[Pairing]:
    """A same-title pairing that would be a move is a move claim: keep it only when the texts agree enough."""
    chain = in_order(pairs)
    keep, dropped = [], []
    for k, p in enumerate(pairs):
        strong = k in chain or p.rule != "label" or p.similarity >= THRESHOLDS["label_move"]
        (keep if strong else dropped).append(p)
    for p in dropped:
        old.paired.difference_update(p.old)
        new.paired.difference_update(p.new)
    return keep


def _runs(side: _Side, start: int):
    """Free clauses next to ``start`` that could be pieces of the same provision: after, then before."""
    limit = int(THRESHOLDS["max_pieces"])
    after = [start]
    for k in range(start + 1, min(len(side.clauses), start + limit)):
        if k in side.paired:
            break
        after.append(k)
        yield list(after)
    before = [start]
    for k in range(start - 1, max(-1, start - limit), -1):
        if k in side.paired:
            break
        before.insert(0, k)
        yield list(before)


def extend_pass(pairs: list[Pairing], old: _Side, new: _Side) -> None:
    """Turn a 1:1 pairing into a split or merge when a free neighbour completes it.

    The lead sentence or position may pair the first piece of a split clause;
    the rest then sits unpaired next to it.  The pieces are joined only when
    their concatenation matches clearly better than the single piece.  A
    long clause that absorbed a short neighbour still resembles its old self
    (≥ 0.85), so any 1:1 pairing short of identical is tried, not only weak
    ones, and the join must win split_gain or half the distance left to 1.0.
    """
    score = _Scorer(old, new)
    for k, p in enumerate(pairs):
        if len(p.old) != 1 or len(p.new) != 1 or p.similarity >= 1.0:
            continue
        # the joined pieces must explain a clear share of what the single pairing leaves unexplained
        best = (p.similarity + min(THRESHOLDS["split_gain"], (1.0 - p.similarity) / 2), None, None)
        for run in _runs(new, p.new[0]):
            sim = score(tuple(p.old), tuple(run))
            if sim >= THRESHOLDS["split"] and sim > best[0]:
                best = (sim, p.old, run)
        for run in _runs(old, p.old[0]):
            sim = score(tuple(run), tuple(p.new))
            if sim >= THRESHOLDS["split"] and sim > best[0]:
                best = (sim, run, p.new)
        if best[1] is None:
            best = _edited_split(score, p)
        if best[1] is not None:
            pairs[k] = p = replace(p, old=list(best[1]), new=list(best[2]), similarity=best[0], confidence=best[0])
            old.paired.update(p.old)
            new.paired.update(p.new)


def _edited_split(score: "_Scorer", p: Pairing) -> tuple[float, list[int] | None, list[int] | None]:
    """A split (or merge) whose pieces were also edited: judged by how much of the whole they carry.

    "…完好率95%以上，并同步完成消防通道标识施划" → "…95%以上；" + "消防通道标识施划，
    2025年9月底前全部完成": the joined pieces differ from the whole by the new date,
    so their similarity stays below the split threshold, yet they carry nearly all
    of its text, and the first piece alone clearly does not.
    """
    # (old run, new run, the whole's size, the pieces' total size): splits first, then merges
    candidates = [(p.old, run, score.old.size[p.old[0]], sum(score.new.size[j] for j in run))
                  for run in _runs(score.new, p.new[0]) if len(run) > 1]
    candidates += [(run, p.new, score.new.size[p.new[0]], sum(score.old.size[i] for i in run))
                   for run in _runs(score.old, p.old[0]) if len(run) > 1]
    best = (0.0, None, None)
    for olds, news, whole_size, pieces_size in candidates:
        whole_size = whole_size or 1
        if pieces_size > THRESHOLDS["split_max_growth"] * whole_size:
            continue
        cover = score.cover(tuple(olds), tuple(news), whole_size)
        single = score.cover(tuple(p.old), tuple(p.new), whole_size)
        if cover >= THRESHOLDS["split_cover"] and cover - single >= THRESHOLDS["split_cover_gain"] and cover > best[0]:
            best = (cover, olds, news)
    if best[1] is None:
        return best
    return (score(tuple(best[1]), tuple(best[2])), best[1], best[2])


def paragraph_split_pass(pairs: list[Pairing], old: _Side, new: _Side) -> None:
    """A 款 of a paired article that became an article of its own: a split (and the mirror, a merge).

    本法所称垄断协议，是指… was the second 款 of the article that lists the
    agreements and is now the article before it. The article pairs with its
    rewritten self; its 款, left over, is (nearly) the text of the article
    standing next to that partner: the pairing takes both.
    """
    for k, p in enumerate(pairs):
        if len(p.old) != 1 or len(p.new) != 1 or not (old.article[p.old[0]] and new.article[p.new[0]]):
            continue
        grown = _paragraph_become_article(old, new, p.old[0], p.new[0])
        if grown:
            pairs[k] = replace(p, old=sorted(p.old + [grown[0]]), new=sorted(p.new + [grown[1]]))
            continue
        grown = _paragraph_become_article(new, old, p.new[0], p.old[0])
        if grown:
            pairs[k] = replace(p, old=sorted(p.old + [grown[1]]), new=sorted(p.new + [grown[0]]))
    _mark(old, new, pairs)


def _paragraph_become_article(side: _Side, other: _Side, article: int, partner: int) -> tuple[int, int] | None:
    """(free 款 of ``article``, free article beside ``partner`` holding its text), or None."""
    end = article + 1
    while end < len(side.clauses) and side.article_of[end] == article:  # what lies inside it follows it
        end += 1
    paragraphs = [c for c in range(article + 1, end) if side.clauses[c].scheme == "paragraph" and c not in side.paired]
    if not paragraphs:
        return None
    beside = [a for a in (_next_article(other, partner, -1), _next_article(other, partner, 1))
              if a is not None and a not in other.paired]
    for c in paragraphs:
        for a in beside:
            if similarity(side.key[c], other.key[a]) >= THRESHOLDS["split"]:
                return c, a
    return None


def _next_article(side: _Side, article: int, step: int) -> int | None:
    """The article before (step -1) or after (step 1) ``article``, skipping what lies inside articles."""
    k = article + step
    while 0 <= k < len(side.clauses):
        if side.article[k]:
            return k
        if side.article_of[k] is None:
            return None  # a chapter heading between: not beside it
        k += step
    return None


def _gaps(anchors: list[Pairing], n_old: int, n_new: int):
    """Ranges of old and new indices between consecutive in-order anchors."""
    points = sorted((max(p.old), max(p.new), min(p.old), min(p.new)) for p in anchors)
    prev_o, prev_n = -1, -1
    for end_o, end_n, start_o, start_n in points:
        yield range(prev_o + 1, start_o), range(prev_n + 1, start_n)
        prev_o, prev_n = end_o, end_n
    yield range(prev_o + 1, n_old), range(prev_n + 1, n_new)


class _Scorer:
    """Cached similarity of old clause runs against new clause runs."""

    def cover(self, oi: tuple[int, ...], ni: tuple[int, ...], whole: int) -> float:
        """Share of ``whole`` characters that the two runs have in common, in order (LCS / whole)."""
        la, lb = sum(self.old.size[i] for i in oi), sum(self.new.size[j] for j in ni)
        common = self(oi, ni) * (la + lb) / 2  # Indel similarity = 2·LCS / (la + lb)
        return min(1.0, common / whole)

    def __init__(self, old: _Side, new: _Side):
        self.old, self.new = old, new
        self.cache: dict[tuple, float] = {}

    def __call__(self, oi: tuple[int, ...], ni: tuple[int, ...], cutoff: float = 0.0) -> float:
        """Similarity of the joined runs; 0.0 when below ``cutoff`` (cached with its cutoff)."""
        key = (oi, ni, cutoff)
        if {self.old.article[i] for i in oi} | {self.new.article[j] for j in ni} == {True, False}:
            return 0.0  # a law's article pairs only with articles, never with an item of one
        if key not in self.cache:
            la, lb = sum(self.old.size[i] for i in oi), sum(self.new.size[j] for j in ni)
            if cutoff and la + lb and 2 * min(la, lb) / (la + lb) < cutoff:
                return 0.0  # lengths alone rule it out: no join, no comparison
            a = "".join(self.old.key[i] for i in oi)
            b = "".join(self.new.key[j] for j in ni)
            self.cache[key] = similarity(a, b, cutoff)
        return self.cache[key]


def _steps():
    """DP steps (old count, new count): skip, 1:1, splits and merges."""
    yield 1, 0
    yield 0, 1
    yield 1, 1
    for k in range(2, int(THRESHOLDS["max_pieces"]) + 1):
        yield 1, k
        yield k, 1


def _step_score(score: _Scorer, o: list[int], n: list[int], i: int, j: int, di: int, dj: int) -> float | None:
    """Gain of one DP step: items explained × similarity, or None when not allowed."""
    if di == 0 or dj == 0:
        return 0.0
    oi, ni = tuple(o[i - di : i]), tuple(n[j - dj : j])
    if di == 1 and dj == 1:
        sim = score(oi, ni, THRESHOLDS["fuzzy"])
        return 2 * sim if sim >= THRESHOLDS["fuzzy"] else None
    sim = score(oi, ni, THRESHOLDS["split"])
    if sim < THRESHOLDS["split"]:
        return None
    # a split must explain more than its best single piece would
    best_single = max(score((a,), (b,)) for a in oi for b in ni)
    if best_single >= sim:
        return None
    return (di + dj) * sim


def sequence_pass(old: _Side, new: _Side, o: list[int], n: list[int]) -> list[Pairing]:
    """Align one gap in order: 1:1 modifications, splits and merges (Gale–Church style DP)."""
    if not o or not n:
        return []
    score = _Scorer(old, new)
    if len(o) == 1 and len(n) == 1 and old.depth[o[0]] == new.depth[n[0]]:
        sim = score((o[0],), (n[0],))
        if sim >= THRESHOLDS["structural"]:
            return [Pairing([o[0]], [n[0]], "structural", sim, 0.5 + 0.5 * sim)]
    banded = len(o) * len(n) > THRESHOLDS["band_above"]
    band = int(THRESHOLDS["band"])
    if banded and (len(o) + 1) * (2 * band + 1) > THRESHOLDS["max_dp_cells"]:
        return []  # no anchor across thousands of clauses: leave them to the move pass (linear)
    neg = float("-inf")
    # one dict per row holding only the band's cells: a full table over a 15,000-clause gap took gigabytes
    best: list[dict[int, float]] = [{} for _ in range(len(o) + 1)]
    step: list[dict[int, tuple[int, int]]] = [{} for _ in range(len(o) + 1)]
    best[0][0] = 0.0
    for i in range(len(o) + 1):
        centre = i * len(n) // max(len(o), 1)
        lo, hi = (max(0, centre - band), min(len(n), centre + band)) if banded else (0, len(n))
        row = best[i]
        for j in range(lo, hi + 1):
            if i == 0 and j == 0:
                continue
            for di, dj in _steps():
                prev = best[i - di].get(j - dj, neg) if di <= i and dj <= j else neg
                if prev == neg:
                    continue
                gain = _step_score(score, o, n, i, j, di, dj)
                if gain is not None and prev + gain > row.get(j, neg):
                    row[j] = prev + gain
                    step[i][j] = (di, dj)
    return _trace(score, o, n, step)


def _trace(score: _Scorer, o, n, step) -> list[Pairing]:
    i, j = len(o), len(n)
    if j not in step[i]:  # band missed the corner: nothing claimed
        return []
    pairs = []
    while i or j:
        di, dj = step[i][j]
        if di and dj:
            oi, ni = o[i - di : i], n[j - dj : j]
            sim = score(tuple(oi), tuple(ni))
            pairs.append(Pairing(list(oi), list(ni), "fuzzy", sim, sim))
        i, j = i - di, j - dj
    return pairs[::-1]


def _bigrams(text: str) -> set[str]:
    return {text[k : k + 2] for k in range(len(text) - 1)} or ({text} if text else set())


def candidates(old: _Side, new: _Side, o: list[int], n: list[int]) -> dict[int, list[tuple[float, int]]]:
    """Best-scoring new candidates for each old clause, by shared rare bigrams (blocking).

    Only bigrams in at most ``block_df`` clauses are indexed, so the cost grows
    with the number of clauses, not with their product.
    """
    index: dict[str, list[int]] = defaultdict(list)
    grams = {j: _bigrams(new.key[j]) for j in n}
    for j, gs in grams.items():
        for g in gs:
            index[g].append(j)
    limit = int(THRESHOLDS["block_df"])
    out: dict[int, list[tuple[float, int]]] = {}
    for i in o:
        mine = _bigrams(old.key[i])
        shared: Counter = Counter()
        for g in mine:
            posting = index.get(g, ())
            if len(posting) <= limit:
                shared.update(posting)
        # ties in order of the new clauses: a set's order changes with each process's string hashing, and
        # the report of one diff must not (which candidates are scored decides an added clause's confidence)
        top = sorted(shared, key=lambda j: (-2 * shared[j] / (len(mine) + len(grams[j]) or 1), j))
        top = top[: int(THRESHOLDS["block_candidates"])]
        out[i] = sorted(((similarity(old.key[i], new.key[j]) if old.article[i] == new.article[j] else 0.0, j)
                         for j in top), reverse=True)
    return out


def move_pass(old: _Side, new: _Side) -> tuple[list[Pairing], dict[int, float], dict[int, float]]:
    """Pair leftovers across the document only when clearly the same text.

    A wrong move claim costs more trust than a missed one, so a pairing needs a
    high similarity AND a margin over the runner-up on both sides.
    Returns the pairings and, for what stays unpaired, the best similarity seen.
    """
    o, n = old.free(range(len(old.clauses))), new.free(range(len(new.clauses)))
    cands = candidates(old, new, o, n)
    by_new: dict[int, list[float]] = defaultdict(list)
    for i, lst in cands.items():
        for sim, j in lst:
            by_new[j].append(sim)
    pairs = []
    for i, lst in cands.items():
        if not lst:
            continue
        sim, j = lst[0]
        runner = lst[1][0] if len(lst) > 1 else 0.0
        rivals = sorted(by_new[j], reverse=True)
        runner_new = rivals[1] if len(rivals) > 1 else 0.0
        margin = min(sim - runner, sim - runner_new)
        if sim >= THRESHOLDS["move"] and (margin >= THRESHOLDS["move_margin"] or sim == 1.0) and j not in new.paired:
            pairs.append(Pairing([i], [j], "move", sim, sim * min(1.0, 0.5 + margin * 5)))
            old.paired.add(i)
            new.paired.add(j)
    best_old = {i: (cands[i][0][0] if cands.get(i) else 0.0) for i in old.free(o)}
    best_new = {j: max(by_new[j], default=0.0) for j in new.free(n)}
    return pairs, best_old, best_new


def article_gap_pass(pairs: list[Pairing], old: _Side, new: _Side) -> list[Pairing]:
    """Laws: a rewritten article still stands where it stood.

    Between two paired articles (in order), the articles left unpaired on each
    side are paired in order, the order-keeping pairs with the most text in
    common: a revision renumbers and rewords articles, it rarely deletes one
    and adds another in its place. When as many are left on each side each
    pair needs ``article_gap``; when the counts differ (something was added or
    deleted there) ``article_gap_uneven``. Pairing the first with the first
    (the zip) would miss an article whose neighbour was deleted while another
    was added after it.
    """
    arts_o = [i for i, c in enumerate(old.clauses) if c.scheme == "article"]
    arts_n = [j for j, c in enumerate(new.clauses) if c.scheme == "article"]
    if not arts_o or not arts_n:
        return []
    anchored = [p for p in pairs if len(p.old) == 1 and len(p.new) == 1
                and old.clauses[p.old[0]].scheme == "article" and new.clauses[p.new[0]].scheme == "article"]
    chain = sorted((anchored[k].old[0], anchored[k].new[0]) for k in in_order(anchored))
    bounds = [(-1, -1), *chain, (len(old.clauses), len(new.clauses))]
    out = []
    for (o0, n0), (o1, n1) in zip(bounds, bounds[1:]):
        lo_o, hi_o = bisect.bisect_right(arts_o, o0), bisect.bisect_left(arts_o, o1)
        lo_n, hi_n = bisect.bisect_right(arts_n, n0), bisect.bisect_left(arts_n, n1)
        free_o = [i for i in arts_o[lo_o:hi_o] if i not in old.paired]
        free_n = [j for j in arts_n[lo_n:hi_n] if j not in new.paired]
        if not free_o or not free_n:
            continue
        if len(free_o) * len(free_n) > THRESHOLDS["article_gap_cells"]:
            continue
        floor = THRESHOLDS["article_gap" if len(free_o) == len(free_n) else "article_gap_uneven"]
        found = _ordered_pairs(free_o, free_n, old, new, floor)
        if not found and len(free_o) == len(free_n) == 1 and _same_subject(old.key[free_o[0]], new.key[free_n[0]]):
            found = [(free_o[0], free_n[0], similarity(old.key[free_o[0]], new.key[free_n[0]]))]
        out += [Pairing([i], [j], "structural", sim, 0.4 + 0.5 * sim) for i, j, sim in found]
    _mark(old, new, out)
    return out


#: the case a law's article opens with: 违反本条例规定，未办理许可证，擅自采砂的， — up to the first 的 that ends a phrase
_OPENING_CASE = re.compile(r"^(.{4,80}?的)[，,；;：:]")


def _opening_case(article: Clause) -> str:
    """The case an article opens with (normalised), '' when it opens with none.

    Penalty articles say alike what follows (由…责令停止违法行为，没收…，并处…罚款);
    what tells them apart is the offence named before the first 的.
    """
    m = _OPENING_CASE.match(article.text)
    return normalise(m.group(1)) if m else ""


def case_rematch_pass(pairs: list[Pairing], old: _Side, new: _Side) -> list[Pairing]:
    """Laws: articles alike in wording pair by the case they open with.

    Three penalty articles of one law share most of their words; the sequence
    alignment, which needs ``fuzzy`` similarity, can pair old 第十九条 (未按照
    许可证) with new 第十八条 (未办理许可证) and leave the true partners, each
    rewritten below ``fuzzy``, unpaired. Between two surely paired articles, a
    weak fuzzy article pairing (< ``case_weak``) gives way to the order-keeping
    pairs with the most text and opening case in common — only when one of its
    articles finds there a partner it resembles more, case counted. Articles
    whose items are paired are left alone: unpairing them would orphan the items.
    """
    weak = [k for k, p in enumerate(pairs) if _weak_article_pairing(p, old, new)]
    if not weak:
        return pairs
    weak_set = set(weak)
    anchors = [p for k, p in enumerate(pairs) if k not in weak_set and len(p.old) == len(p.new) == 1
               and old.article[p.old[0]] and new.article[p.new[0]]]
    chain = sorted((anchors[k].old[0], anchors[k].new[0]) for k in in_order(anchors))
    arts_o = [i for i, is_article in enumerate(old.article) if is_article]
    arts_n = [j for j, is_article in enumerate(new.article) if is_article]
    bounds = [(-1, -1), *chain, (len(old.clauses), len(new.clauses))]
    weak.sort(key=lambda k: pairs[k].old[0])
    weak_old = [pairs[k].old[0] for k in weak]  # looked up by bisection per gap, never scanned
    drop: set[int] = set()
    add: list[Pairing] = []
    weight = _case_weight(old, new)  # one cache of opening cases for the whole pass
    for (o0, n0), (o1, n1) in zip(bounds, bounds[1:]):
        near = weak[bisect.bisect_right(weak_old, o0):bisect.bisect_left(weak_old, o1)]
        inside = [k for k in near if n0 < pairs[k].new[0] < n1]
        if not inside:
            continue
        released_o = {pairs[k].old[0] for k in inside}
        released_n = {pairs[k].new[0] for k in inside}
        free_o = [i for i in arts_o[bisect.bisect_right(arts_o, o0):bisect.bisect_left(arts_o, o1)] if i not in old.paired or i in released_o]
        free_n = [j for j in arts_n[bisect.bisect_right(arts_n, n0):bisect.bisect_left(arts_n, n1)] if j not in new.paired or j in released_n]
        if len(free_o) * len(free_n) > THRESHOLDS["article_gap_cells"]:
            continue
        floor = THRESHOLDS["article_gap" if len(free_o) == len(free_n) else "article_gap_uneven"]
        found = _ordered_pairs(free_o, free_n, old, new, floor, weight=weight)
        if _gives_way([pairs[k] for k in inside], found, weight):
            drop.update(inside)
            add += [Pairing([i], [j], "structural", sim, 0.4 + 0.5 * sim) for i, j, sim in found]
    if not drop:
        return pairs
    for k in drop:
        old.paired.discard(pairs[k].old[0])
        new.paired.discard(pairs[k].new[0])
    _mark(old, new, add)
    return [p for k, p in enumerate(pairs) if k not in drop] + add


def _weak_article_pairing(p: Pairing, old: _Side, new: _Side) -> bool:
    if p.rule != "fuzzy" or len(p.old) != 1 or len(p.new) != 1 or p.similarity >= THRESHOLDS["case_weak"]:
        return False
    i, j = p.old[0], p.new[0]
    return old.article[i] and new.article[j] and not old.clauses[i].children and not new.clauses[j].children


def _case_weight(old: _Side, new: _Side):
    """Text similarity plus, when both open with a case, the similarity of their cases."""
    cases_o: dict[int, str] = {}
    cases_n: dict[int, str] = {}

    def weight(i: int, j: int, sim: float) -> float:
        a = cases_o.setdefault(i, _opening_case(old.clauses[i]))
        b = cases_n.setdefault(j, _opening_case(new.clauses[j]))
        return sim + (similarity(a, b) if a and b else 0.0)
    return weight


def _gives_way(weak: list[Pairing], found: list[tuple[int, int, float]], weight) -> bool:
    """Whether the pairs found replace the weak pairings: each weak pairing they drop is outbid — one of its
    articles is paired there with a partner it resembles more, case counted (the found pairs, being the
    order-keeping set of most weight with the weak pairings among the options, are never worse in total)."""
    by_old = {i: weight(i, j, sim) for i, j, sim in found}
    by_new = {j: weight(i, j, sim) for i, j, sim in found}
    kept = {(i, j) for i, j, _ in found}
    dropped = [p for p in weak if (p.old[0], p.new[0]) not in kept]
    for p in dropped:
        mine = weight(p.old[0], p.new[0], p.similarity)
        if max(by_old.get(p.old[0], -1.0), by_new.get(p.new[0], -1.0)) <= mine:
            return False
    return bool(dropped)


def nearby_move_pass(pairs: list[Pairing], old: _Side, new: _Side) -> list[Pairing]:
    """Laws: a rewritten article that also swapped places with a neighbour.

    Old 第十七条 and 第十八条 became 第二十条 and 第十八条: the one pairs in order,
    the other crossed it and, reworded, is too unlike itself for the move pass
    (0.85). Near where its paired predecessor now stands (within
    ``near_window`` articles) a free article that is clearly its closest free
    one (``near_margin`` over the runner-up, on both sides) and shares
    ``near_move`` of its text — or ``near_move_floor`` when one holds nearly all
    of the other's words (``near_move_cover``: a 款 was added) — is the same
    article, moved. Further away a weak likeness claims no move.
    """
    partner = {p.old[0]: p.new[0] for p in pairs if len(p.old) == len(p.new) == 1
               and old.article[p.old[0]] and new.article[p.new[0]]}
    arts_o = [i for i, is_article in enumerate(old.article) if is_article]
    arts_n = [j for j, is_article in enumerate(new.article) if is_article]
    rank_n = {j: r for r, j in enumerate(arts_n)}
    free_n = [j for j in arts_n if j not in new.paired]
    free_ranks = [rank_n[j] for j in free_n]  # ascending: looked up by bisection, never scanned
    window = int(THRESHOLDS["near_window"])
    scores: dict[int, list[tuple[float, int]]] = {}
    before = None  # the new place of the last paired article so far, in old order
    for i in arts_o:
        if i in partner:
            before = partner[i]
        elif i not in old.paired:
            expected = rank_n[before] + 1 if before is not None else 0
            lo, hi = bisect.bisect_left(free_ranks, expected - window), bisect.bisect_right(free_ranks, expected + window)
            near = free_n[lo:hi]
            scores[i] = sorted(((similarity(old.key[i], new.key[j]), j) for j in near), reverse=True)
    rivals: dict[int, list[float]] = defaultdict(list)
    for i, found in scores.items():
        for sim, j in found:
            rivals[j].append(sim)
    out = []
    for i, found in scores.items():
        if not found:
            continue
        sim, j = found[0]
        runner = max(found[1][0] if len(found) > 1 else 0.0, sorted(rivals[j])[-2] if len(rivals[j]) > 1 else 0.0)
        if sim - runner >= THRESHOLDS["near_margin"] and _near_enough(old.key[i], new.key[j], sim):
            out.append(Pairing([i], [j], "move", sim, 0.4 + 0.5 * sim))
    _mark(old, new, out)
    return out


def _near_enough(a: str, b: str, sim: float) -> bool:
    """Text enough in common for a nearby move: ``near_move``, or nearly all of one inside the other."""
    if sim >= THRESHOLDS["near_move"]:
        return True
    small, large = sorted((_bigrams(a), _bigrams(b)), key=len)
    return sim >= THRESHOLDS["near_move_floor"] and len(small & large) / (len(small) or 1) >= THRESHOLDS["near_move_cover"]


def _same_subject(a: str, b: str) -> bool:
    """Two articles about the same thing, though rewritten beyond text similarity.

    Asked only of the one article left on each side between two paired
    neighbours: there a replaced article (违反本条例，有下列行为之一的… → 违反本条例
    规定的行为，按照…处理) keeps its opening subject and some of its words,
    while an article deleted and another added in its place share neither.
    """
    lead = 0
    for x, y in zip(a, b):
        if x != y:
            break
        lead += 1
    small, large = sorted((_bigrams(a), _bigrams(b)), key=len)
    cover = len(small & large) / (len(small) or 1)
    return lead >= THRESHOLDS["lone_lead"] and cover >= THRESHOLDS["lone_cover"]


def _ordered_pairs(free_o: list[int], free_n: list[int], old: _Side, new: _Side, floor: float, weight=None):
    """The order-keeping pairs of two short article runs with the most text in common (each ≥ ``floor``).

    ``weight(i, j, similarity)`` scores a pair (default: its similarity).
    """
    sims = [[similarity(old.key[i], new.key[j]) for j in free_n] for i in free_o]
    gains = [[weight(i, j, s) if weight and s >= floor else s for j, s in zip(free_n, row)] for i, row in zip(free_o, sims)]
    rows, cols = len(free_o), len(free_n)
    best = [[0.0] * (cols + 1) for _ in range(rows + 1)]
    for a in range(1, rows + 1):
        for b in range(1, cols + 1):
            take = best[a - 1][b - 1] + gains[a - 1][b - 1] if sims[a - 1][b - 1] >= floor else -1.0
            best[a][b] = max(best[a - 1][b], best[a][b - 1], take)
    out, a, b = [], rows, cols
    while a and b:
        if best[a][b] == best[a - 1][b]:
            a -= 1
        elif best[a][b] == best[a][b - 1]:
            b -= 1
        else:
            out.append((free_o[a - 1], free_n[b - 1], sims[a - 1][b - 1]))
            a, b = a - 1, b - 1
    return out[::-1]


def classify(pairs: list[Pairing], old: _Side, new: _Side) -> list[Pairing]:
    """Each pairing named: unchanged / modified / moved / split / merged."""
    chain = in_order(pairs, _order_weight(pairs, old, new))
    return [replace(p, change=_change(k, p, chain, old, new)) for k, p in enumerate(pairs)]


def _order_weight(pairs: list[Pairing], old: _Side, new: _Side):
    """Weights of the order chain: a law's items and 款 go where their article goes.

    An item paired inside its paired article does not vote on the order: an
    article with eight items moved ahead of three articles is the one that
    moved, not the three. Its similarity breaks only the ties left after the
    articles' own (count, then similarity).
    """
    article_pair = {(p.old[0], p.new[0]) for p in pairs
                    if len(p.old) == 1 and len(p.new) == 1 and old.article[p.old[0]] and new.article[p.new[0]]}

    def weight(p: Pairing) -> tuple:
        follows = (old.article_of[p.old[0]], new.article_of[p.new[0]]) in article_pair
        return (0, 0.0, p.similarity) if follows else (1, p.similarity, 0.0)
    return weight


def _change(k: int, p: Pairing, chain: set[int], old: _Side, new: _Side) -> str:
    if len(p.new) > 1:
        return "split"
    if len(p.old) > 1:
        return "merged"
    if k not in chain:
        return "moved"
    i, j = p.old[0], p.new[0]
    # 款 are cited by number (第二条第二款): an article whose 款 were joined or re-cut changed, if only in form
    same = old.norm[i] == new.norm[j] and old.paragraphs[i] == new.paragraphs[j]
    return "unchanged" if same else "modified"


def align_versions(old_clauses: list[Clause], new_clauses: list[Clause]) -> Alignment:
    """Align a draft's clause tree with its final text (version mode)."""
    old, new = _Side(flatten(old_clauses)), _Side(flatten(new_clauses))
    pairs = drop_weak_label_moves(exact_pass(old, new) + label_pass(old, new), old, new)
    chain = in_order(pairs)
    anchors = [p for k, p in enumerate(pairs) if k in chain]
    for o_range, n_range in list(_gaps(anchors, len(old.clauses), len(new.clauses))):
        found = sequence_pass(old, new, old.free(o_range), new.free(n_range))
        _mark(old, new, found)
        pairs += found
    extend_pass(pairs, old, new)
    paragraph_split_pass(pairs, old, new)
    moved, best_old, best_new = move_pass(old, new)
    pairs += moved
    kept = case_rematch_pass(pairs, old, new)
    kept_ids = {id(p) for p in kept}
    released = [p for p in pairs if id(p) not in kept_ids]  # a weak pairing that gave way leaves its articles free
    pairs = kept
    pairs += article_gap_pass(pairs, old, new)
    pairs += nearby_move_pass(pairs, old, new)
    best_old = _still_unpaired(old, best_old, {i: p.similarity for p in released for i in p.old})
    best_new = _still_unpaired(new, best_new, {j: p.similarity for p in released for j in p.new})
    pairs = classify(pairs, old, new)
    pairs.sort(key=lambda p: (min(p.new), min(p.old)))
    return Alignment(old.clauses, new.clauses, pairs, best_old, best_new)


def _still_unpaired(side: _Side, best: dict[int, float], released: dict[int, float]) -> dict[int, float]:
    """The unpaired clauses of a side after the law passes, with the best similarity any partner offered."""
    unpaired = {i: v for i, v in best.items() if i not in side.paired}
    unpaired.update({i: v for i, v in released.items() if i not in side.paired})
    return unpaired


def align(old_clauses: list[Clause], new_clauses: list[Clause], mode: str = "version") -> Alignment:
    """The alignment a diff in ``mode`` uses: ordered passes for versions, content for a parent."""
    if mode == "version":
        return align_versions(old_clauses, new_clauses)
    if mode == "parent":
        return align_by_content(old_clauses, new_clauses)
    raise TrackerError(f"unknown diff mode {mode!r} (use version or parent)")


# ------------------------------------------------------------- parent mode

PARENT_THRESHOLDS: dict[str, float] = {
    "min_score": 0.15,  # weighted bigram overlap a child clause needs to implement a parent clause
    "near_best": 0.8,  # other children within this share of the best also implement it
    "max_children": 4,
}


@lru_cache(maxsize=1 << 14)
def _bigram_counts(text: str) -> Counter:
    """Character bigrams of a normalised text; cached (a parent's clauses meet every child), so read only."""
    return Counter(text[k : k + 2] for k in range(len(text) - 1))


def _weighted_grams(texts: list[str]) -> tuple[list[Counter], dict[str, float]]:
    import math

    grams = [_bigram_counts(t) for t in texts]
    df: Counter = Counter()
    for g in grams:
        df.update(g.keys())
    n = len(texts) or 1
    idf = {g: math.log(1 + n / c) for g, c in df.items()}
    return grams, idf


def _cosine(a: Counter, b: Counter, idf: dict[str, float], norms: tuple[float, float]) -> float:
    if not norms[0] or not norms[1]:
        return 0.0
    small, large = (a, b) if len(a) < len(b) else (b, a)
    dot = sum(v * large[g] * idf[g] ** 2 for g, v in small.items() if g in large)
    return dot / (norms[0] * norms[1])


def align_by_content(old_clauses: list[Clause], new_clauses: list[Clause]) -> Alignment:
    """Parent mode: structures differ, so every parent clause gets its best-matching child clauses.

    Scored by IDF-weighted character-bigram cosine (shared policy vocabulary,
    not position).  One parent clause may be carried by several child clauses
    (``split``) and several parent clauses by one (``merged``).
    """
    old, new = _Side(flatten(old_clauses)), _Side(flatten(new_clauses))
    grams, idf = _weighted_grams(old.norm + new.norm)
    norm = [sum((v * idf[g]) ** 2 for g, v in c.items()) ** 0.5 for c in grams]
    go, gn = grams[: len(old.norm)], grams[len(old.norm) :]
    no, nn = norm[: len(old.norm)], norm[len(old.norm) :]
    links: dict[int, list[tuple[float, int]]] = {}
    for i in range(len(go)):
        scores = sorted(((_cosine(go[i], gn[j], idf, (no[i], nn[j])), j) for j in range(len(gn))), reverse=True)
        if not scores or scores[0][0] < PARENT_THRESHOLDS["min_score"]:
            continue
        top = scores[0][0]
        keep = [(s, j) for s, j in scores if s >= max(PARENT_THRESHOLDS["min_score"], top * PARENT_THRESHOLDS["near_best"])]
        links[i] = keep[: int(PARENT_THRESHOLDS["max_children"])]
    pairs = _group_links(links, old, new)
    _mark(old, new, pairs)
    best_old = {i: 0.0 for i in old.free(range(len(old.clauses)))}
    best_new = {j: 0.0 for j in new.free(range(len(new.clauses)))}
    pairs.sort(key=lambda p: (min(p.old), min(p.new)))
    return Alignment(old.clauses, new.clauses, pairs, best_old, best_new)


def _group_links(links: dict[int, list[tuple[float, int]]], old: _Side, new: _Side) -> list[Pairing]:
    """Turn parent→children links into pairings: 1:1, 1:n (split) or n:1 (merged)."""
    parents_of: dict[int, list[int]] = defaultdict(list)
    for i, lst in links.items():
        for _, j in lst:
            parents_of[j].append(i)
    pairs = []
    for i, lst in links.items():
        children = [j for _, j in lst]
        top = lst[0][0]
        if len(children) == 1 and len(parents_of[children[0]]) > 1:
            continue  # reported once, as the child's merge below
        change = "split" if len(children) > 1 else ("unchanged" if old.norm[i] == new.norm[children[0]] else "modified")
        pairs.append(Pairing([i], sorted(children), "content", top, top, change))
    for j, parents in parents_of.items():
        singles = [i for i in parents if len(links[i]) == 1]
        if len(singles) > 1:
            sim = max(s for i in singles for s, jj in links[i] if jj == j)
            pairs.append(Pairing(sorted(singles), [j], "content", sim, sim, "merged"))
        elif len(singles) == 1 and len(parents) > 1:
            i = singles[0]
            pairs.append(Pairing([i], [j], "content", links[i][0][0], links[i][0][0], "modified"))
    return pairs
