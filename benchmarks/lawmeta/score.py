"""Score tracker's metadata of laws and regulations against truth.json.

Prints per-field accuracy over every text (plain and national-database layouts
apart and together), the number of injected-text warnings on these official
texts (should be 0), and whether the Weihai seed's SEO spam is still reported.

Usage: python benchmarks/lawmeta/score.py [--errors]
"""
from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from tracker.api import read_document
from tracker.jsonio import metadata_to_dict

HERE = Path(__file__).parent
FIELDS = ("title", "issuer", "date", "adopted", "level", "number")
WEIHAI = HERE.parent.parent.parent / "shared" / "seeds" / "weihai-2025-elderly-care-measures.txt"
INJECTED = "suspicious injected text"


def injected(warnings: list[str]) -> list[str]:
    return [w for w in warnings if w.startswith(INJECTED)]


def main(show_errors: bool) -> None:
    laws = json.loads((HERE / "truth.json").read_text(encoding="utf-8"))["laws"]
    right: dict[str, Counter] = {"plain": Counter(), "npc": Counter()}
    texts = Counter()
    alarms: list[tuple[str, str]] = []
    for name, truth in laws.items():
        for form in truth["forms"]:
            meta = metadata_to_dict(read_document(HERE / "corpus" / form / f"{name}.txt").metadata)
            texts[form] += 1
            for field in FIELDS:
                if meta.get(field) == truth[field]:
                    right[form][field] += 1
                elif show_errors:
                    print(f"  {form}/{name}: {field} {meta.get(field)!r} ≠ truth {truth[field]!r}")
            alarms += [(f"{form}/{name}", w) for w in injected(meta["warnings"])]
    total = sum(texts.values())
    print(f"{len(laws)} laws, {total} texts ({texts['plain']} plain, {texts['npc']} national-database layout)")
    print(f"{'field':<8} {'plain':>7} {'npc':>7} {'all':>7}")
    for field in FIELDS:
        both = right["plain"][field] + right["npc"][field]
        print(f"{field:<8} {right['plain'][field] / texts['plain']:>7.1%} {right['npc'][field] / texts['npc']:>7.1%}"
              f" {both / total:>7.1%}   ({both}/{total})")
    print(f"injected-text warnings on official texts: {len(alarms)} (on {len({a for a, _ in alarms})} texts)")
    for where, warning in alarms if show_errors else []:
        print(f"  {where}: {warning[:110]}")
    if WEIHAI.exists():
        caught = injected(read_document(WEIHAI).metadata.warnings)
        print(f"Weihai seed spam reported: {'yes' if any('懂球帝' in w for w in caught) else 'NO'} ({len(caught)} warnings)")


if __name__ == "__main__":
    main("--errors" in sys.argv[1:])
