"""Issue 19: store faults — killed imports, read-only stores, detached HEADs, merges, hooks, links, git's names.

A killed import must leave nothing that stops the next one: the lock is the
kernel's (flock), and whoever takes it next finishes or undoes what the dead
process left half done. Each kill point is reached deterministically: the
import runs in a child process with one step replaced by a SIGKILL of itself.
"""
from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import pytest

from store_support import IDENTITY, git, tracker
from tracker import store
from tracker.errors import StoreError

DRAFT = "一、总体要求\n到2025年，护理型床位占比达到55%。\n二、保障措施\n各地要加强组织领导。\n"
FINAL = DRAFT.replace("55%", "60%")
DOC = "county/plan"


@pytest.fixture
def identity(monkeypatch):
    for key, value in IDENTITY.items():
        monkeypatch.setenv(key, value)


@pytest.fixture
def root(tmp_path, identity):
    path = tmp_path / "store"
    store.init(path)
    return path


@pytest.fixture
def sources(tmp_path) -> tuple[Path, Path]:
    draft, final = tmp_path / "draft.txt", tmp_path / "final.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    final.write_text(FINAL, encoding="utf-8")
    return draft, final


def one_line_refusal(result: subprocess.CompletedProcess, *words: str) -> str:
    assert result.returncode == 2, (result.stdout, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    for word in words:
        assert word in lines[0], lines[0]
    return lines[0]


def assert_sound(root: Path) -> None:
    """Nothing half done: clean tree and index, no temporary or journal file, every tag on HEAD's history."""
    assert git(root, "status", "--porcelain", "--untracked-files=all") == ""
    gdir = root / ".git"
    assert not list(gdir.glob("tracker-index.*")) and not (gdir / "tracker-journal.json").exists()
    assert not [p for p in root.rglob("*.tmp") if ".git" not in p.parts]
    for tag in git(root, "tag").split():
        git(root, "merge-base", "--is-ancestor", tag, "HEAD")
    git(root, "fsck", "--strict")


# ------------------------------------------------------------- SIGKILL

KILL_AT = r"""
import os, signal, sys
from tracker import files
from tracker.store import plumbing, transaction

point = sys.argv[1]


def die():
    os.kill(os.getpid(), signal.SIGKILL)


def after(owner, name, calls=1):
    real = getattr(owner, name)
    seen = {"n": 0}

    def wrapper(*args, **kwargs):
        result = real(*args, **kwargs)
        seen["n"] += 1
        if seen["n"] == calls:
            die()
        return result

    setattr(owner, name, wrapper)


if point == "lock taken":
    after(transaction, "dirty_paths")
elif point == "temporary index":
    real_git = plumbing.git

    def git(root, *args, **kwargs):
        if args and args[0] == "write-tree":
            die()
        return real_git(root, *args, **kwargs)

    plumbing.git = git
elif point == "commit built":
    after(transaction, "build_commit")
elif point == "file half written":
    real_replace = os.replace
    def replace(src, dst):
        if "documents" in str(dst):
            die()
        return real_replace(src, dst)
    os.replace = replace
elif point == "one file written":
    after(transaction, "write_atomic", calls=2)  # the journal, then the first document file
elif point == "all files written":
    after(transaction.Transaction, "write_files")
elif point == "head moved":
    after(transaction.Transaction, "move_head")
elif point == "tagged":
    after(transaction.Transaction, "tag")
elif point == "staged":
    after(transaction.Transaction, "stage")
elif point == "batch journal written":
    from tracker.store import batch
    batch._move_refs_and_write = lambda *args, **kwargs: die()
elif point == "batch refs moved":
    after(transaction.Transaction, "write_files")  # the batch writes its files after moving HEAD and the tags
elif point == "batch stream":
    real_git = plumbing.git
    from tracker.store import batch

    def git(root, *args, **kwargs):
        if args and args[0] == "update-ref" and "--stdin" in args:
            die()
        return real_git(root, *args, **kwargs)

    batch.git = git

from tracker.cli import main

main(sys.argv[2:])
"""

KILL_POINTS = ["lock taken", "temporary index", "commit built", "file half written", "one file written",
               "all files written", "head moved", "tagged", "staged"]


@pytest.mark.parametrize("first", [True, False], ids=["new document", "new version"])
def test_an_import_killed_at_any_point_leaves_no_lock_and_the_next_import_succeeds_at_once(root, sources, first):
    draft, final = sources
    env = {**os.environ, **IDENTITY, "TRACKER_LOCK_TIMEOUT": "5"}
    if not first:
        assert tracker(root, "import", str(draft), "--id", DOC, "--version", "v0").returncode == 0
    for n, point in enumerate(KILL_POINTS):
        killed = subprocess.run([sys.executable, "-c", KILL_AT, point, "import", str(draft), "--id", DOC,
                                 "--version", f"k{n}"], cwd=root, env=env, capture_output=True, text=True, timeout=120)
        assert killed.returncode == -9, (point, killed.stderr)
        start = time.monotonic()
        again = tracker(root, "import", str(final if n % 2 else draft), "--id", DOC, "--version", f"a{n}",
                        env={"TRACKER_LOCK_TIMEOUT": "5"})
        assert again.returncode == 0, (point, again.stderr)
        assert time.monotonic() - start < 5, point  # no wait for a dead holder
        assert_sound(root)
        tags = git(root, "tag").split()
        assert f"{DOC}@a{n}" in tags
        if f"{DOC}@k{n}" in tags:  # the killed import had moved HEAD: it was finished, whole
            assert git(root, "show", f"{DOC}@k{n}:documents/{DOC}/text.txt")


def test_a_lock_held_by_a_live_process_still_makes_another_wait_then_fail_clearly(root):
    with store.locked(root):
        start = time.monotonic()
        with pytest.raises(StoreError, match="another tracker command") as err:
            with store.locked(root, timeout=0.3):
                pass
        assert f"pid {os.getpid()}" in str(err.value)
        assert time.monotonic() - start >= 0.3


def test_a_lock_file_left_by_an_older_tracker_does_not_block(root, sources):
    (root / ".git" / "tracker.lock").write_text("pid 999999")
    (root / ".git" / "tracker-index.abc123").write_bytes(b"DIRC")
    result = tracker(root, "import", str(sources[0]), "--id", DOC, env={"TRACKER_LOCK_TIMEOUT": "2"})
    assert result.returncode == 0, result.stderr
    assert not list((root / ".git").glob("tracker-index.*"))


def test_the_lock_is_not_held_while_the_source_is_read_and_its_targets_extracted(root, sources, monkeypatch):
    """Another import must not wait for a slow read: only the commit is under the lock."""
    from tracker import pipeline
    from tracker.store import transaction

    held = []
    real_read = pipeline.read_document

    def read_and_probe(path):
        with store.locked(root, timeout=0.2):  # free while reading: would raise if held
            held.append(False)
        return real_read(path)

    monkeypatch.setattr(pipeline, "read_document", read_and_probe)
    pipeline.import_document(sources[0], DOC, root=root)
    assert held == [False]
    assert transaction.JOURNAL_NAME and not (root / ".git" / transaction.JOURNAL_NAME).exists()


# ------------------------------------------------------------ read-only


def test_a_read_only_store_says_so_in_one_line(root, sources, monkeypatch):
    """Root may write anywhere, so the read-only file system is simulated where the lock file is opened."""
    from tracker.store import transaction

    real_open = os.open

    def read_only(path, flags, *args):
        if str(path).endswith("tracker.lock"):
            raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(path))
        return real_open(path, flags, *args)

    monkeypatch.setattr(transaction.os, "open", read_only)
    from tracker import pipeline

    with pytest.raises(StoreError) as err:
        pipeline.import_document(sources[0], DOC, root=root)
    message = str(err.value)
    assert "read-only" in message and str(root) in message and "\n" not in message


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes through any permission")
def test_a_store_without_write_permission_is_refused_in_one_line(root, sources):
    (root / ".git").chmod(0o555)
    try:
        one_line_refusal(tracker(root, "import", str(sources[0]), "--id", DOC), "not writable")
    finally:
        (root / ".git").chmod(0o755)


# ----------------------------------------------------- detached / merge


def test_import_on_a_detached_head_is_refused_and_changes_nothing(root, sources):
    git(root, "checkout", "-q", "--detach", "HEAD")
    before = git(root, "rev-parse", "HEAD")
    one_line_refusal(tracker(root, "import", str(sources[0]), "--id", DOC), "detached HEAD", "git switch")
    assert git(root, "rev-parse", "HEAD") == before and git(root, "tag") == ""
    assert not (root / "documents" / "county").exists()


def test_import_during_an_unresolved_merge_is_refused(root, sources):
    branch = git(root, "rev-parse", "--abbrev-ref", "HEAD").strip()
    (root / "notes.txt").write_text("base\n")
    git(root, "add", "notes.txt")
    git(root, "commit", "-qm", "base")
    git(root, "checkout", "-qb", "other")
    (root / "notes.txt").write_text("other\n")
    git(root, "commit", "-qam", "other")
    git(root, "checkout", "-q", branch)
    (root / "notes.txt").write_text("mine\n")
    git(root, "commit", "-qam", "mine")
    git(root, "merge", "-q", "other", check=False)
    assert (root / ".git" / "MERGE_HEAD").exists()
    before = git(root, "rev-parse", "HEAD")
    one_line_refusal(tracker(root, "import", str(sources[0]), "--id", DOC), "merge")
    assert git(root, "rev-parse", "HEAD") == before


# ---------------------------------------------------------------- hooks


def test_the_stores_own_git_hooks_do_not_run_during_init_and_import(tmp_path, sources, identity):
    path = tmp_path / "hooked"
    path.mkdir()
    git(path, "init", "-q")
    hooks = path / ".git" / "hooks"
    ran = tmp_path / "ran"
    for name in ("reference-transaction", "post-index-change", "pre-commit", "post-commit", "pre-auto-gc"):
        hook = hooks / name
        hook.write_text(f"#!/bin/sh\necho {name} >> {ran}\nexit 1\n")
        hook.chmod(0o755)
    assert tracker(path, "init", str(path)).returncode == 0
    result = tracker(path, "import", str(sources[0]), "--id", DOC)
    assert result.returncode == 0, result.stderr
    assert not ran.exists(), ran.read_text()


def test_hook_install_still_finds_the_hooks_folder(root):
    result = tracker(root, "hook", "install")
    assert result.returncode == 0, result.stderr
    assert (root / ".git" / "hooks" / "pre-commit").is_file()


# ---------------------------------------------------------------- links


def test_a_committed_documents_link_cannot_carry_an_import_out_of_the_store(root, sources, tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (root / "documents" / "county").symlink_to(outside, target_is_directory=True)
    git(root, "add", "documents/county")
    git(root, "commit", "-qm", "link")
    one_line_refusal(tracker(root, "import", str(sources[0]), "--id", DOC), "symbolic link")
    assert list(outside.iterdir()) == []


def test_init_and_demo_refuse_a_store_whose_reports_folder_is_a_link(tmp_path, identity):
    import shutil

    root, outside = tmp_path / "store", tmp_path / "outside"
    outside.mkdir()
    store.init(root)
    shutil.rmtree(root / "reports")
    (root / "reports").symlink_to(outside, target_is_directory=True)
    git(root, "add", "-A")
    git(root, "commit", "-qm", "reports elsewhere")
    examples = Path(__file__).resolve().parent.parent / "examples"
    one_line_refusal(tracker(root, "demo", "--store", str(root), "--examples", str(examples)), "symbolic link")
    assert list(outside.iterdir()) == []


# ------------------------------------------------------------ git names


@pytest.mark.parametrize("label", ["HEAD", "head", "FETCH_HEAD", "ORIG_HEAD", "MERGE_HEAD", "CHERRY_PICK_HEAD",
                                   "stash", "HEAD~1", "v1^", "a:b", "x@{1}", "@", "-v1", "v1..v2", "v1.lock"])
def test_names_git_gives_meaning_to_are_refused_as_version_labels(label):
    with pytest.raises(StoreError, match="version label"):
        store.validate_label(label)


def test_version_head_on_the_command_line_is_one_line_and_stores_nothing(root, sources):
    one_line_refusal(tracker(root, "import", str(sources[0]), "--id", DOC, "--version", "HEAD"), "HEAD", "git")
    assert git(root, "tag") == ""


def test_init_finishes_or_undoes_a_killed_import_without_importing_anything(root, sources):
    env = {**os.environ, **IDENTITY}
    killed = subprocess.run([sys.executable, "-c", KILL_AT, "all files written", "import", str(sources[0]), "--id", DOC],
                            cwd=root, env=env, capture_output=True, text=True, timeout=120)
    assert killed.returncode == -9
    assert git(root, "status", "--porcelain")  # half done: the files are there, HEAD has not moved
    assert tracker(root, "init", str(root)).returncode == 0
    assert_sound(root)
    assert not (root / "documents" / "county").exists()


@pytest.mark.parametrize("point", ["batch stream", "batch journal written", "batch refs moved"])
def test_a_manifest_import_killed_half_way_is_finished_or_undone_by_the_next_import(root, sources, point):
    draft, final = sources
    manifest = draft.parent / "corpus.csv"
    manifest.write_text(f"file,id,version\n{draft.name},county/a,v1\n{final.name},county/b,v1\n", encoding="utf-8")
    env = {**os.environ, **IDENTITY}
    killed = subprocess.run([sys.executable, "-c", KILL_AT, point, "import", "--manifest", str(manifest)],
                            cwd=root, env=env, capture_output=True, text=True, timeout=120)
    assert killed.returncode == -9, killed.stderr
    again = tracker(root, "import", str(final), "--id", "county/c", "--version", "c1", env={"TRACKER_LOCK_TIMEOUT": "5"})
    assert again.returncode == 0, again.stderr
    assert_sound(root)
    assert not git(root, "for-each-ref", "refs/tracker/")
    tags = set(git(root, "tag").split())
    assert tags in ({"county/c@c1"}, {"county/a@v1", "county/b@v1", "county/c@c1"}), tags


# ------------------------------------------------- reading after a kill

def committed(root: Path) -> tuple[str, str]:
    """(title, text) of the document as HEAD's commit holds it: the last version committed whole."""
    meta = json.loads(git(root, "show", f"HEAD:documents/{DOC}/meta.json"))
    return meta["title"], git(root, "show", f"HEAD:documents/{DOC}/text.txt")


def shown(root: Path, env: dict | None = None) -> tuple[str, str]:
    """(title, clause texts) as ``tracker show ID --format json`` prints them: exit 0, no traceback."""
    result = tracker(root, "show", DOC, "--format", "json", env=env)
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    data = json.loads(result.stdout)
    return data["metadata"]["title"], "\n".join(c["text"] for c in data["clauses"])


def kill_import(root: Path, point: str, source: Path, label: str) -> None:
    env = {**os.environ, **IDENTITY, "TRACKER_LOCK_TIMEOUT": "5"}
    killed = subprocess.run([sys.executable, "-c", KILL_AT, point, "import", str(source), "--id", DOC,
                             "--version", label, "--title", f"标题{label}"], cwd=root, env=env,
                            capture_output=True, text=True, timeout=120)
    assert killed.returncode == -9, (point, killed.stderr)


@pytest.mark.parametrize("point", KILL_POINTS)
def test_a_read_right_after_a_killed_import_shows_the_last_committed_version(root, sources, point):
    """The killed import's half-written files are repaired (or read past), never shown: title and
    text always come from one committed version, and the store is sound afterwards."""
    draft, final = sources
    assert tracker(root, "import", str(draft), "--id", DOC, "--version", "v0", "--title", "标题v0").returncode == 0
    kill_import(root, point, final, "k")
    title, text = committed(root)
    shown_title, shown_text = shown(root)
    assert shown_title == title and ("60%" in shown_text) == ("60%" in text) and ("55%" in shown_text) == ("55%" in text)
    assert (title == "标题k") == (point in ("head moved", "tagged", "staged")), point  # HEAD had moved or not
    for command in (["targets", DOC, "--format", "json"], ["diff", f"{DOC}@v0", DOC], ["list"]):
        result = tracker(root, *command)
        assert result.returncode == 0 and "Traceback" not in result.stderr, (command, result.stderr)
    # the read repaired the files the dead import left (its scratch index, which no read sees, waits for the next import)
    assert git(root, "status", "--porcelain", "--untracked-files=all") == ""
    assert not (root / ".git" / "tracker-journal.json").exists()


def test_a_read_while_an_import_holds_the_lock_reads_the_commit_not_the_files(root, sources):
    """When the writer is alive (or the store cannot be repaired), HEAD's tree is read instead of its files."""
    draft, final = sources
    assert tracker(root, "import", str(draft), "--id", DOC, "--version", "v0", "--title", "标题v0").returncode == 0
    kill_import(root, "all files written", final, "k")  # the files are the new version's, HEAD the old one's
    assert "60%" in (root / "documents" / DOC / "text.txt").read_text("utf-8")
    with _held_lock(root):
        title, text = shown(root)
        assert title == "标题v0" and "55%" in text and "60%" not in text
        assert [row["title"] for row in store.list_documents(root)] == ["标题v0"]
    assert (root / ".git" / "tracker-journal.json").exists()  # nothing was repaired under a live holder


@contextmanager
def _held_lock(root: Path):
    """The store's lock held as a live import holds it, without its recovery."""
    import fcntl

    fd = os.open(root / ".git" / "tracker.lock", os.O_RDWR | os.O_CREAT)
    fcntl.flock(fd, fcntl.LOCK_EX)
    try:
        yield
    finally:
        os.close(fd)
