"""Run a pure per-document step over many documents in worker processes, with a progress bar.

Not a scheduler: a ``concurrent.futures`` process pool over chunks, so each
worker loads the shared input (the parent) once in its initializer and the
per-chunk pickling stays small. The step itself knows nothing of processes;
Dask or Ray could map it over a cluster unchanged (docs/decisions/0600-corpus-audit-scale.md).
"""
from __future__ import annotations

import multiprocessing
import os
import sys
from concurrent.futures import ProcessPoolExecutor, as_completed
from typing import Callable, Sequence, TypeVar

T = TypeVar("T")
R = TypeVar("R")

#: chunks per worker: small enough to balance uneven documents, big enough to amortise pickling
CHUNKS_PER_JOB = 8


def default_jobs() -> int:
    """The CPUs this process may use (the affinity mask on Linux), at least 1."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


def progress_bar(total: int, label: str, show: bool | None):
    """A tqdm bar on stderr when it is a terminal (or ``show`` is True); a silent stand-in otherwise."""
    from tqdm import tqdm

    if show is None:
        show = sys.stderr.isatty()
    return tqdm(total=total, desc=label, unit="doc", file=sys.stderr, disable=not show, leave=False,
                dynamic_ncols=True)


def chunks(items: Sequence[T], jobs: int) -> list[Sequence[T]]:
    size = max(1, -(-len(items) // (jobs * CHUNKS_PER_JOB)))
    return [items[i : i + size] for i in range(0, len(items), size)]


def run_chunks(step: Callable[[Sequence[T]], list[R]], items: Sequence[T], *, jobs: int | None = None,
               initializer: Callable | None = None, initargs: tuple = (), label: str = "",
               progress: bool | None = None) -> list[R]:
    """``step`` over ``items`` in chunks, results in the order of ``items``.

    ``jobs=1`` (or a single chunk) runs in this process: no pool to start for a handful of documents.
    """
    jobs = default_jobs() if not jobs else jobs
    parts = chunks(items, jobs)
    results: list[list[R] | None] = [None] * len(parts)
    with progress_bar(len(items), label, progress) as bar:
        if jobs == 1 or len(parts) <= 1:
            if initializer:
                initializer(*initargs)
            for k, part in enumerate(parts):
                results[k] = step(part)
                bar.update(len(part))
        else:
            context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else None)
            with ProcessPoolExecutor(max_workers=min(jobs, len(parts)), mp_context=context,
                                     initializer=initializer, initargs=initargs) as pool:
                futures = {pool.submit(step, part): k for k, part in enumerate(parts)}
                for future in as_completed(futures):
                    results[futures[future]] = future.result()
                    bar.update(len(parts[futures[future]]))
    return [r for part in results for r in part]
