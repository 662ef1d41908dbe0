"""``tracker check`` / ``accept`` / ``hook``: target changes stop a commit until acknowledged."""
from __future__ import annotations

from dataclasses import replace

import json
import os
import subprocess
import sys

import pytest

from conftest import seed_path
from store_support import IDENTITY, YOUYI_ID, git, tracker
from tracker import canonical, check, pipeline, store

HLJ_ID = "heilongjiang/elderly-care-reform-measures"


@pytest.fixture
def root(tmp_path, monkeypatch):
    for key, value in IDENTITY.items():
        monkeypatch.setenv(key, value)
    path = tmp_path / "store"
    store.init(path)
    pipeline.import_document(seed_path("youyi"), YOUYI_ID, root=path)
    return path


def stage_source(root, doc_id: str, source_text: str, tmp_path=None, stage=True):
    """Replace a stored text by a (modified) source as tracker would store it, and stage it."""
    from tracker.api import read_document

    source = root.parent / "edited-source.txt"
    source.write_text(source_text, "utf-8")
    path = root / store.document_paths(doc_id)[store.TEXT]
    path.write_text(canonical.dumps(read_document(source)), "utf-8")
    if stage:
        git(root, "add", str(path.relative_to(root)))


def youyi_edited(old: str, new: str) -> str:
    text = seed_path("youyi").read_text("utf-8")
    assert old in text, old
    return text.replace(old, new, 1)


def run_check(root, *args):
    done = tracker(root, "check", *args)
    assert "Traceback" not in done.stderr
    return done


# ------------------------------------------------------------- refused


def test_raising_the_nursing_bed_share_from_55_to_60_percent_is_refused_and_printed(root):
    stage_source(root, YOUYI_ID, youyi_edited("护理型床位占比达到55%", "护理型床位占比达到60%"))
    done = run_check(root)
    assert done.returncode == 1
    line = next(l for l in done.stderr.splitlines() if "护理型床位占比" in l)
    assert YOUYI_ID in line and "二.(五).17" in line and "55%" in line and "60%" in line
    assert "[tightened]" in line and "→" in line
    assert f"tracker accept {YOUYI_ID}" in done.stderr


def test_a_later_deadline_is_refused(root):
    stage_source(root, YOUYI_ID, youyi_edited("到2025年护理型床位占比", "到2026年护理型床位占比"))
    done = run_check(root)
    assert done.returncode == 1 and "2026-12-31" in done.stderr


def test_must_becoming_strive_is_refused(root):
    stage_source(root, YOUYI_ID, youyi_edited("到2025年护理型床位占比达到55%", "力争到2025年护理型床位占比达到55%"))
    done = run_check(root)
    assert done.returncode == 1 and "(strive)" in done.stderr and "[loosened]" in done.stderr


def test_a_dropped_target_is_refused(root):
    stage_source(root, YOUYI_ID, youyi_edited("到2025年护理型床位占比达到55%", "逐步提高护理型床位比例"))
    done = run_check(root)
    assert done.returncode == 1 and "[dropped]" in done.stderr


# --------------------------------------------------------------- silent


def test_rewording_without_touching_targets_passes_silently(root):
    stage_source(root, YOUYI_ID, youyi_edited("基本养老服务是由国家直接提供", "基本养老服务是指由国家直接提供"))
    done = run_check(root)
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")


def test_renumbering_by_an_inserted_clause_passes_silently(root):
    stage_source(root, YOUYI_ID, youyi_edited("1.明确基本养老服务对象。", "1.加强宣传引导。广泛宣传基本养老服务政策。\n2.明确基本养老服务对象。"))
    assert "二.(一).2" in (root / "documents" / YOUYI_ID / "text.txt").read_text()
    done = run_check(root)
    assert (done.returncode, done.stderr) == (0, "")


def test_an_equivalent_rewrite_of_a_number_passes_silently(root):
    pipeline.import_document(seed_path("heilongjiang"), HLJ_ID, root=root)
    text = seed_path("heilongjiang").read_text("utf-8")
    assert "2 万张左右" in text
    stage_source(root, HLJ_ID, text.replace("2 万张左右", "20000张左右"))
    done = run_check(root)
    assert (done.returncode, done.stderr) == (0, "")


def test_a_commit_touching_no_document_passes_without_reading_any(root):
    (root / "reports" / "note.md").write_text("notes\n")
    git(root, "add", "reports/note.md")
    done = run_check(root)
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")


def test_only_the_staged_text_counts_not_unstaged_edits(root):
    stage_source(root, YOUYI_ID, youyi_edited("护理型床位占比达到55%", "护理型床位占比达到60%"), stage=False)
    assert run_check(root).returncode == 0


# --------------------------------------------------------------- accept


def test_after_accept_the_same_change_passes_and_the_snapshot_shows_it(root):
    stage_source(root, YOUYI_ID, youyi_edited("护理型床位占比达到55%", "护理型床位占比达到60%"))
    accepted = tracker(root, "accept", YOUYI_ID)
    assert accepted.returncode == 0, accepted.stderr
    staged = git(root, "diff", "--cached", "--name-only").split()
    assert f"documents/{YOUYI_ID}/targets.json" in staged
    snapshot_diff = git(root, "diff", "--cached", f"documents/{YOUYI_ID}/targets.json")
    assert '-      "value": 55,' in snapshot_diff and '+      "value": 60,' in snapshot_diff
    done = run_check(root)
    assert done.returncode == 0
    assert "acknowledged:" in done.stdout and "护理型床位占比" in done.stdout


def test_accept_without_ids_takes_every_changed_document(root):
    stage_source(root, YOUYI_ID, youyi_edited("护理型床位占比达到55%", "护理型床位占比达到60%"))
    assert check.accept([], root) == [YOUYI_ID]


def test_a_fresh_import_checks_clean(root):
    assert check.check_files([str(root / "documents" / YOUYI_ID / "text.txt")]).failed is False


# ------------------------------------------------------------ CI modes


def test_a_range_catches_a_change_committed_with_no_verify(root):
    stage_source(root, YOUYI_ID, youyi_edited("护理型床位占比达到55%", "护理型床位占比达到60%"))
    git(root, "commit", "-q", "--no-verify", "-m", "sneak")
    assert run_check(root, "HEAD~1..HEAD").returncode == 1
    assert run_check(root, "HEAD~2..HEAD~1").returncode == 0


def test_files_on_disk_are_checked_and_a_non_document_file_is_exit_2(root):
    stage_source(root, YOUYI_ID, youyi_edited("护理型床位占比达到55%", "护理型床位占比达到60%"), stage=False)
    assert run_check(root, f"documents/{YOUYI_ID}/text.txt").returncode == 1
    bad = run_check(root, ".gitattributes")
    assert bad.returncode == 2 and bad.stderr.startswith("tracker: error:") and bad.stderr.count("\n") == 1


def test_a_bad_range_is_exit_2(root):
    done = run_check(root, "nosuch..HEAD")
    assert done.returncode == 2 and "not a revision range" in done.stderr


def test_a_damaged_snapshot_is_exit_2_not_a_traceback(root):
    (root / "documents" / YOUYI_ID / "targets.json").write_text("{not json")
    git(root, "add", "-A")
    done = run_check(root)
    assert done.returncode == 2 and "targets.json" in done.stderr


# ------------------------------------------------------------------ hook


def test_hook_install_stops_git_commit_and_no_verify_is_the_last_resort(root):
    done = tracker(root, "hook", "install")
    assert done.returncode == 0, done.stderr
    stage_source(root, YOUYI_ID, youyi_edited("护理型床位占比达到55%", "护理型床位占比达到60%"))
    env = {**os.environ, **IDENTITY}
    refused = subprocess.run(["git", "commit", "-m", "raise"], cwd=root, capture_output=True, text=True, env=env)
    assert refused.returncode != 0 and "护理型床位占比" in refused.stderr
    assert tracker(root, "accept").returncode == 0
    passed = subprocess.run(["git", "commit", "-m", "raise"], cwd=root, capture_output=True, text=True, env=env)
    assert passed.returncode == 0, passed.stderr


def test_hook_install_does_not_replace_a_foreign_hook_without_force(root):
    hook = root / ".git" / "hooks" / "pre-commit"
    hook.write_text("#!/bin/sh\necho mine\n")
    done = tracker(root, "hook", "install")
    assert done.returncode == 2 and "--force" in done.stderr
    assert hook.read_text() == "#!/bin/sh\necho mine\n"
    assert tracker(root, "hook", "install", "--force").returncode == 0


# ----------------------------------------------------------- lightness


def test_the_check_path_imports_neither_gitpython_nor_the_readers(root):
    stage_source(root, YOUYI_ID, youyi_edited("护理型床位占比达到55%", "护理型床位占比达到60%"))
    code = (
        "import sys\n"
        "from tracker import check\n"
        "report = check.run([])\n"
        "assert report.failed\n"
        "heavy = sorted(m for m in sys.modules if m == 'git' or m.startswith(('git.', 'tracker.readers', 'docx', 'pdfplumber', 'bs4', 'lxml')))\n"
        "print(heavy)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_snapshot_targets_read_back_as_the_targets_that_were_written(root):
    from tracker.api import extract_targets

    doc = store.load_ref(YOUYI_ID, root)
    data = json.loads((root / "documents" / YOUYI_ID / "targets.json").read_text())
    back = [check.target_from_dict(t) for t in data["targets"]]
    expected = extract_targets(doc)
    expected = [replace(t, start=-1) for t in expected]  # offsets are not part of the contract's snapshot
    assert back == expected
