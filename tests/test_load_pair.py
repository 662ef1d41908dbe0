"""Both sides of a diff loaded side by side (tracker.pipeline.load_pair): the same result as one after the other."""
from __future__ import annotations

from pathlib import Path

import pytest

from tracker import pipeline
from tracker.errors import InputError

ROOT = Path(__file__).resolve().parent.parent
DRAFT = ROOT / "examples" / "youyi-county-basic-elderly-care-plan-draft.txt"


@pytest.fixture
def in_two_processes(monkeypatch):
    """Every pair of files counts as large, so the old side goes to a second process."""
    monkeypatch.setattr(pipeline, "PARALLEL_MIN_BYTES", 0)
    monkeypatch.setattr(pipeline, "default_jobs", lambda: 2)


def test_two_files_loaded_in_two_processes_give_what_one_process_gives(in_two_processes, tmp_path):
    final = tmp_path / "final.txt"
    final.write_text(DRAFT.read_text(encoding="utf-8").replace("55%", "60%"), encoding="utf-8")
    together = pipeline.load_pair(str(DRAFT), str(final))
    apart = (pipeline.load_with_targets(str(DRAFT)), pipeline.load_with_targets(str(final)))
    assert together == apart
    assert together[0][1] and together[1][1]  # the seed has targets: the comparison is not vacuous


def test_the_old_sides_error_is_the_one_raised_when_both_sides_fail(in_two_processes, tmp_path):
    empty_old, empty_new = tmp_path / "old.txt", tmp_path / "new.txt"
    empty_old.write_bytes(b"")
    empty_new.write_bytes(b"   \n")
    with pytest.raises(InputError, match="old.txt"):
        pipeline.load_pair(str(empty_old), str(empty_new))


def test_a_failing_new_side_is_raised_when_the_old_side_loads(in_two_processes, tmp_path):
    empty_new = tmp_path / "new.txt"
    empty_new.write_bytes(b"")
    with pytest.raises(InputError, match="new.txt"):
        pipeline.load_pair(str(DRAFT), str(empty_new))


def test_small_files_stay_in_this_process(monkeypatch, tmp_path):
    """Below PARALLEL_MIN_BYTES no process is started (forking would cost more than it saves)."""
    import concurrent.futures

    def refuse(*args, **kwargs):
        raise AssertionError("a process pool was started for small files")

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", refuse)
    old, new = pipeline.load_pair(str(DRAFT), str(DRAFT))
    assert old == new


def test_a_zipped_source_counts_by_what_it_unpacks_to(tmp_path):
    """12 MB of Word XML arrive as 100 KB: the file's own size would keep a large .docx in one process."""
    import zipfile

    packed = tmp_path / "large.docx"
    with zipfile.ZipFile(packed, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", "<w:p>护理型床位占比不低于60%。</w:p>" * 40_000)
    assert packed.stat().st_size < 64 * 1024
    assert pipeline._content_size(str(packed)) >= pipeline.PARALLEL_MIN_BYTES
    assert pipeline._content_size("county/plan@final") == 0  # a stored reference stays in this process
