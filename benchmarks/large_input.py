"""How reading cost grows with input size: read → clean → segment → extract on 1, 4 and 16 MB.

Prints seconds and peak memory per size beside Python start-up (the anchor),
so a reader can see the growth is linear and the 20 MB limit is safe.
"""
from __future__ import annotations

import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "youyi-county-basic-elderly-care-plan-draft.txt"


def startup() -> float:
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-c", "pass"], check=True)
    return time.perf_counter() - t0


def measure(megabytes: int, folder: Path) -> tuple[float, float, int]:
    from tracker.api import extract_targets, read_document

    seed = SEED.read_bytes()
    path = folder / f"big-{megabytes}.txt"
    path.write_bytes(seed * max(1, megabytes * 1024 * 1024 // len(seed)))
    tracemalloc.start()
    t0 = time.perf_counter()
    doc = read_document(path)
    targets = extract_targets(doc)
    elapsed = time.perf_counter() - t0
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return elapsed, peak / 1048576, len(targets)


def main() -> None:
    print(f"anchor: python start-up {startup() * 1000:.0f} ms")
    print(f"{'size':>6} {'seconds':>8} {'s/MB':>6} {'peak MB':>8} {'targets':>8}")
    with tempfile.TemporaryDirectory() as tmp:
        for mb in (1, 4, 16):
            seconds, peak, count = measure(mb, Path(tmp))
            print(f"{mb:>4}MB {seconds:>8.2f} {seconds / mb:>6.2f} {peak:>8.0f} {count:>8}")


if __name__ == "__main__":
    main()
