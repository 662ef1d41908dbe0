"""The process pool under audit, impact and the manifest: order kept, one process or many, a bar only when asked."""
from __future__ import annotations

from tracker.parallel import chunks, run_chunks

_OFFSET: list[int] = [0]


def _init(offset: int) -> None:
    _OFFSET[0] = offset


def _add(items):
    return [item + _OFFSET[0] for item in items]


def test_results_keep_the_order_of_the_items_in_one_process_and_in_two():
    items = list(range(50))
    expected = [item + 100 for item in items]
    assert run_chunks(_add, items, jobs=1, initializer=_init, initargs=(100,), progress=False) == expected
    assert run_chunks(_add, items, jobs=2, initializer=_init, initargs=(100,), progress=False) == expected


def test_no_items_is_no_work():
    assert run_chunks(_add, [], jobs=2, progress=False) == []


def test_chunks_cover_every_item_once():
    items = list(range(37))
    parts = chunks(items, 2)
    assert [i for part in parts for i in part] == items and len(parts) > 2


def test_the_bar_is_drawn_only_when_asked(capsys):
    run_chunks(_add, list(range(5)), jobs=1, initializer=_init, initargs=(0,), label="audit", progress=True)
    assert "audit" in capsys.readouterr().err
    run_chunks(_add, list(range(5)), jobs=1, initializer=_init, initargs=(0,), label="audit", progress=False)
    assert capsys.readouterr().err == ""
