"""How long ``tracker check`` takes on a one-document commit in a store of 1,000 documents.

Builds a store (the five seeds stored under 200 ids each, one commit), changes
one target in one document, stages it and times the real ``tracker check``
command as a fresh process (Python start-up included), next to anchors measured
in the same run: bare Python start-up, ``python -c "import tracker.cli"``, and
the same check on a store of 5 documents (the cost should not grow with the store).

    .venv/bin/python benchmarks/check_speed.py [--documents 1000] [--runs 7]
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = Path(os.environ.get("TRACKER_SHARED", ROOT.parent / "shared")) / "seeds"
IDENTITY = {"GIT_AUTHOR_NAME": "bench", "GIT_AUTHOR_EMAIL": "bench@example.org",
            "GIT_COMMITTER_NAME": "bench", "GIT_COMMITTER_EMAIL": "bench@example.org"}
TRACKER = [sys.executable, "-c", "from tracker.cli import main; main()"]
EDIT = ("护理型床位占比达到55%", "护理型床位占比达到60%")


def git(root, *args):
    subprocess.run(["git", *args], cwd=root, check=True, capture_output=True, env={**os.environ, **IDENTITY})


def seed_files():
    """Canonical text, metadata and targets snapshot of each seed, computed once."""
    from tracker import canonical
    from tracker.pipeline import read_document, targets_snapshot

    out = []
    for path in sorted(SEEDS.glob("*.txt")):
        doc = read_document(path)
        text = canonical.dumps(doc)
        loaded = canonical.loads(text, doc.metadata)
        out.append((path.stem, text, json.dumps({"title": doc.metadata.title, "level": doc.metadata.level},
                                                ensure_ascii=False), targets_snapshot(loaded, path.stem)))
    return out


def build_store(root: Path, count: int, seeds) -> str:
    """``count`` documents in one commit; returns the id of a Youyi copy to edit."""
    from tracker import store

    store.init(root)
    edit_id = None
    for n in range(count):
        stem, text, meta, targets = seeds[n % len(seeds)]
        doc_id = f"bench/{stem}/d{n:04d}"
        folder = root / "documents" / doc_id
        folder.mkdir(parents=True)
        (folder / "text.txt").write_text(text, "utf-8")
        (folder / "meta.json").write_text(meta, "utf-8")
        (folder / "targets.json").write_bytes(targets)
        if edit_id is None and EDIT[0] in text:
            edit_id = doc_id
    git(root, "add", "documents")
    git(root, "commit", "-q", "--no-verify", "-m", f"{count} documents")
    path = root / "documents" / edit_id / "text.txt"
    path.write_text(path.read_text("utf-8").replace(*EDIT), "utf-8")
    git(root, "add", str(path.relative_to(root)))
    return edit_id


def timed(cmd, cwd, runs, expect=None) -> float:
    """Median wall time in ms of ``runs`` fresh processes (one warm-up first)."""
    times = []
    for i in range(runs + 1):
        start = time.perf_counter()
        done = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True)
        elapsed = (time.perf_counter() - start) * 1000
        if expect is not None and done.returncode != expect:
            raise SystemExit(f"{cmd} exited {done.returncode}, expected {expect}: {done.stderr}")
        if i:
            times.append(elapsed)
    return statistics.median(times)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    os.environ.update(IDENTITY)
    seeds = seed_files()
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        big, small = Path(tmp) / "big", Path(tmp) / "small"
        build_store(big, args.documents, seeds)
        build_store(small, len(seeds), seeds)
        built = time.perf_counter() - start
        python = timed([sys.executable, "-c", "pass"], tmp, args.runs)
        imports = timed([sys.executable, "-c", "import tracker.cli"], tmp, args.runs)
        check_small = timed(TRACKER + ["check"], small, args.runs, expect=1)
        check_big = timed(TRACKER + ["check"], big, args.runs, expect=1)
        untouched = Path(big) / "reports" / "note.md"
        git(big, "reset", "-q")  # unstage the document: a commit that touches no document
        untouched.write_text("x\n")
        git(big, "add", "reports/note.md")
        check_none = timed(TRACKER + ["check"], big, args.runs, expect=0)
    print(f"store: {args.documents} documents (built in {built:.1f} s); median of {args.runs} fresh processes")
    print(f"  anchor: python start-up                     {python:7.1f} ms")
    print(f"  anchor: python -c 'import tracker.cli'      {imports:7.1f} ms")
    print(f"  tracker check, 1 changed document, {len(seeds)}-doc store {check_small:7.1f} ms")
    print(f"  tracker check, 1 changed document, {args.documents}-doc store {check_big:7.1f} ms  (goal < 300 ms)")
    print(f"  tracker check, no document in the commit    {check_none:7.1f} ms")


if __name__ == "__main__":
    main()
