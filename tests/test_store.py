"""The git document store: layout, ids, all-or-nothing imports, the user's work left alone."""
from __future__ import annotations

import json
import subprocess
import sys
import time

import pytest

from conftest import seed_path
from store_support import IDENTITY, YOUYI_ID, git, state, tracker
from tracker import pipeline, store
from tracker.errors import StoreError


@pytest.fixture
def identity(monkeypatch):
    for key, value in IDENTITY.items():
        monkeypatch.setenv(key, value)


@pytest.fixture
def root(tmp_path, identity):
    path = tmp_path / "store"
    store.init(path)
    return path


def commit(root, files: dict[str, bytes], tag=None):
    with store.locked(root):
        return store.commit_files(root, files, "test commit\n", tag=tag)


# ------------------------------------------------------------------ init


def test_init_makes_a_git_store_with_folders_attributes_and_the_diff_driver(root):
    assert (root / "documents").is_dir() and (root / "reports").is_dir()
    assert "documents/**/*.txt diff=tracker" in (root / ".gitattributes").read_text()
    assert git(root, "config", "diff.tracker.wordRegex").strip() == store.DIFF_DRIVER["wordRegex"]
    assert git(root, "status", "--porcelain") == ""
    assert len(git(root, "log", "--oneline").splitlines()) == 1


def test_init_twice_adds_nothing(root):
    before = state(root)
    store.init(root)
    assert state(root) == before


def test_init_in_a_repository_with_the_users_staged_work_commits_only_its_own_files(tmp_path, identity):
    git(tmp_path, "init", "-q")
    (tmp_path / "notes.md").write_text("draft notes\n")
    git(tmp_path, "add", "notes.md")
    (tmp_path / "sub").mkdir()
    store.init(tmp_path / "sub")  # finds the repository's top, like git does
    assert sorted(git(tmp_path, "show", "--name-only", "--format=", "HEAD").split()) == [
        ".gitattributes", "documents/.gitkeep", "reports/.gitkeep"]
    assert git(tmp_path, "status", "--porcelain") == "A  notes.md\n"


def test_a_directory_that_is_no_git_repository_is_a_clear_error(tmp_path):
    with pytest.raises(StoreError, match="not a git repository"):
        store.store_root(tmp_path)


def test_a_git_repository_without_tracker_init_is_a_clear_error(tmp_path):
    git(tmp_path, "init", "-q")
    with pytest.raises(StoreError, match="tracker init"):
        store.store_root(tmp_path)


# ------------------------------------------------------------------ ids


@pytest.mark.parametrize(
    "bad",
    ["", "../etc", "a/../b", "/abs/path", "Upper/case", "a//b", "a/", "with space", "a\x00b", "a" * 201,
     "dots.in.name", "a/.hidden", "c:/x", "中文"],
)
def test_bad_document_ids_are_refused(bad):
    with pytest.raises(StoreError):
        store.validate_id(bad)


def test_good_ids_keep_their_slashes_in_the_tag():
    store.validate_id(YOUYI_ID)
    assert store.tag_name(YOUYI_ID, "draft") == YOUYI_ID + "@draft"
    assert subprocess.run(["git", "check-ref-format", "refs/tags/" + store.tag_name(YOUYI_ID, "v2")]).returncode == 0


@pytest.mark.parametrize("bad", ["", "a..b", "-x", "x.lock", "a b", "a@{1}", "x/y"])
def test_bad_version_labels_are_refused(bad):
    with pytest.raises(StoreError):
        store.validate_label(bad)


def test_a_bad_id_on_the_command_line_is_one_line_and_exit_2(root):
    done = tracker(root, "import", str(root / ".gitattributes"), "--id", "../escape")
    assert done.returncode == 2
    assert done.stderr.startswith("tracker: error:") and done.stderr.count("\n") == 1
    assert "Traceback" not in done.stderr


# ---------------------------------------------------- all or nothing


FILES = {
    "documents/a/text.txt": "§format tracker.canonical/1\n".encode(),
    "documents/a/meta.json": b"{}\n",
    "documents/a/targets.json": b'{"targets": []}\n',
}


def test_commit_files_commits_exactly_its_files_and_tags_them(root):
    sha = commit(root, FILES, tag="a@v1")
    assert sorted(git(root, "show", "--name-only", "--format=", sha).split()) == sorted(FILES)
    assert git(root, "rev-parse", "a@v1").strip() == sha
    assert git(root, "status", "--porcelain") == ""


def test_the_users_staged_and_unstaged_work_is_neither_committed_nor_touched(root):
    (root / "mine.txt").write_text("staged\n")
    git(root, "add", "mine.txt")
    (root / "reports" / "wip.md").write_text("unstaged\n")
    commit(root, FILES)
    assert "mine.txt" not in git(root, "show", "--name-only", "--format=", "HEAD")
    assert git(root, "status", "--porcelain", "--untracked-files=all") == "A  mine.txt\n?? reports/wip.md\n"
    assert (root / "mine.txt").read_text() == "staged\n"


def test_uncommitted_edits_of_the_documents_own_files_are_refused_untouched(root):
    commit(root, FILES)
    (root / "documents/a/text.txt").write_text("my edit\n")
    before = state(root)
    with pytest.raises(StoreError, match="uncommitted changes"):
        commit(root, {**FILES, "documents/a/meta.json": b'{"x": 1}\n'})
    assert state(root) == before


def test_an_existing_tag_is_refused_before_anything_is_written(root):
    commit(root, FILES, tag="a@v1")
    before = state(root)
    with pytest.raises(StoreError, match="already exists"):
        commit(root, {"documents/a/meta.json": b'{"x": 1}\n'}, tag="a@v1")
    assert state(root) == before


def _fail_on_call(n, real):
    calls = {"n": 0}

    def wrapper(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == n:
            raise OSError("simulated failure")
        return real(*args, **kwargs)

    return wrapper


@pytest.mark.parametrize("point", ["second file", "third file", "move head", "tag", "stage"])
@pytest.mark.parametrize("first", [True, False], ids=["new document", "new version"])
def test_a_failure_at_any_point_leaves_store_and_working_tree_exactly_as_before(root, monkeypatch, point, first):
    if not first:
        commit(root, FILES, tag="a@v1")
    (root / "mine.txt").write_text("the user's staged work\n")
    git(root, "add", "mine.txt")
    before = state(root)
    if point.endswith("file"):
        monkeypatch.setattr(store.transaction, "write_atomic", _fail_on_call(2 if point == "second file" else 3, store.transaction.write_atomic))
    else:
        method = {"move head": "move_head", "tag": "tag", "stage": "stage"}[point]
        monkeypatch.setattr(store.Transaction, method, _fail_on_call(1, getattr(store.Transaction, method)))
    changed = {name: data + b"changed\n" for name, data in FILES.items()}
    with pytest.raises(OSError, match="simulated"):
        commit(root, changed, tag="a@v2")
    assert state(root) == before


def test_a_failure_after_the_real_git_step_is_rolled_back_too(root, monkeypatch):
    """The index update runs for real, then the step after it fails: everything is undone."""
    before = state(root)
    real_stage = store.Transaction.stage

    def stage_then_fail(self, paths, old_head):
        real_stage(self, paths, old_head)
        raise OSError("simulated failure after staging")

    monkeypatch.setattr(store.Transaction, "stage", stage_then_fail)
    with pytest.raises(OSError):
        commit(root, FILES, tag="a@v1")
    assert state(root) == before


# ------------------------------------------------------------------ lock


def test_a_held_lock_makes_another_import_wait_then_fail_with_a_clear_message(root):
    with store.locked(root):
        start = time.monotonic()
        with pytest.raises(StoreError, match="another tracker command holds"):
            with store.locked(root, timeout=0.3):
                pass
        assert time.monotonic() - start >= 0.3
    with store.locked(root, timeout=0.3):  # released again
        pass


CONCURRENT = """
import sys
from tracker import store
root, name = sys.argv[1], sys.argv[2]
files = {f"documents/{name}/text.txt": b"x\\n", f"documents/{name}/meta.json": b"{}\\n"}
for i in range(5):
    files = {k: v + b"more\\n" for k, v in files.items()}
    with store.locked(store.store_root(root)):
        store.commit_files(store.store_root(root), files, f"{name} {i}\\n", tag=f"{name}@v{i}")
"""


def test_two_processes_committing_at_once_both_land_and_the_store_stays_sound(root):
    env = {**__import__("os").environ, **IDENTITY}
    procs = [subprocess.Popen([sys.executable, "-c", CONCURRENT, str(root), name], env=env,
                              stderr=subprocess.PIPE, text=True) for name in ("one", "two")]
    errors = [p.communicate(timeout=120)[1] for p in procs]
    assert [p.returncode for p in procs] == [0, 0], errors
    assert len(git(root, "log", "--oneline").splitlines()) == 1 + 10
    assert len(git(root, "tag").splitlines()) == 10
    git(root, "fsck", "--strict")
    assert git(root, "status", "--porcelain") == ""
    assert (root / "documents/one/text.txt").read_bytes() == b"x\n" + b"more\n" * 5


# -------------------------------------------------------- real imports


@pytest.fixture
def youyi_store(root, tmp_path):
    """The Youyi draft imported, then a 'final' where 55% became 60%."""
    draft = seed_path("youyi")
    final = tmp_path / "youyi-final.txt"
    final.write_text(draft.read_text("utf-8").replace("（征求意见稿）\n", "").replace("55%", "60%"), "utf-8")
    pipeline.import_document(draft, YOUYI_ID, root=root)
    pipeline.import_document(final, YOUYI_ID, status="final", version="final", root=root)
    return root


def test_import_writes_text_metadata_and_targets_in_one_tagged_commit(youyi_store):
    root = youyi_store
    folder = root / "documents" / YOUYI_ID
    assert sorted(p.name for p in folder.iterdir()) == ["meta.json", "targets.json", "text.txt"]
    meta = json.loads((folder / "meta.json").read_text())
    assert meta["status"] == "final" and meta["version"] == "final"
    assert meta["region"] == "heilongjiang/shuangyashan/youyi"
    assert len(meta["source"]["sha256"]) == 64 and meta["source"]["name"] == "youyi-final.txt"
    assert json.loads((folder / "targets.json").read_text())["schema"] == "tracker.targets/1"
    assert git(root, "tag").split() == [YOUYI_ID + "@draft", YOUYI_ID + "@final"]
    assert git(root, "status", "--porcelain") == ""


def test_each_import_is_one_commit_on_the_same_files(youyi_store):
    history = git(youyi_store, "log", "--format=%s", "--", f"documents/{YOUYI_ID}/text.txt").splitlines()
    assert len(history) == 2 and history[0].startswith(f"Import {YOUYI_ID}@final")


def test_the_draft_status_read_from_the_text_names_the_first_version(youyi_store):
    versions = store.log(YOUYI_ID, youyi_store)
    assert [v.labels for v in versions] == [["final"], ["draft"]]


def test_a_stored_version_loads_back_as_the_document_that_was_read(youyi_store):
    from tracker.api import extract_targets, read_document

    read = read_document(seed_path("youyi"))
    loaded = store.load_ref(YOUYI_ID + "@draft", youyi_store)
    assert loaded.text == read.text and loaded.clauses == read.clauses
    assert extract_targets(loaded) == extract_targets(read)


def test_versions_resolve_by_label_and_by_any_git_revision(youyi_store):
    by_label = store.load_ref(YOUYI_ID + "@draft", youyi_store)
    by_rev = store.load_ref(YOUYI_ID + "@HEAD~1", youyi_store)
    assert by_label.text == by_rev.text
    sha = git(youyi_store, "rev-parse", "HEAD").strip()
    assert "60%" in store.load_ref(f"{YOUYI_ID}@{sha[:10]}", youyi_store).text
    assert "60%" in store.load_ref(YOUYI_ID, youyi_store).text  # no version: the working tree


def test_an_unknown_version_names_the_labels_there_are(youyi_store):
    with pytest.raises(StoreError, match="labels: draft, final"):
        store.load_ref(YOUYI_ID + "@v9", youyi_store)


def test_load_document_of_the_api_reaches_the_store(youyi_store):
    from tracker.api import load_document

    assert "55%" in load_document(YOUYI_ID + "@draft", store=youyi_store).text


def test_the_commit_carries_the_documents_legal_date_as_a_trailer(root, tmp_path):
    pipeline.import_document(seed_path("heilongjiang"), "heilongjiang/elderly-care-reform-measures", root=root)
    trailer = git(root, "log", "-1", "--format=%(trailers:key=Source-Date,valueonly)").strip()
    assert trailer == "2025-04-02"
    assert store.log("heilongjiang/elderly-care-reform-measures", root)[0].source_date == "2025-04-02"


def test_word_diff_in_the_store_shows_the_one_number_that_changed(youyi_store):
    out = git(youyi_store, "diff", "--word-diff=plain", f"{YOUYI_ID}@draft", f"{YOUYI_ID}@final",
              "--", f"documents/{YOUYI_ID}/text.txt")
    assert "[-55-]{+60+}" in out
    assert "@@ §" in out  # hunk headers name the clause


def test_parent_links_resolve_for_diff_against_parent(youyi_store):
    pipeline.import_document(seed_path("heilongjiang"), "heilongjiang/elderly-care-reform-measures", root=youyi_store)
    pipeline.import_document(seed_path("youyi"), "heilongjiang/youyi-county-plan",
                          parent="heilongjiang/elderly-care-reform-measures", root=youyi_store)
    assert store.parent_of("heilongjiang/youyi-county-plan", youyi_store) == "heilongjiang/elderly-care-reform-measures"
    assert store.resolve_against_parent("heilongjiang/youyi-county-plan", youyi_store) == (
        "heilongjiang/elderly-care-reform-measures", "heilongjiang/youyi-county-plan")
    with pytest.raises(StoreError, match="no parent"):
        store.resolve_against_parent(YOUYI_ID, youyi_store)


def test_list_and_log_commands_show_ids_levels_versions_and_dates(youyi_store):
    listed = tracker(youyi_store, "list")
    assert listed.returncode == 0
    assert listed.stdout.startswith(f"{YOUYI_ID}\tcounty\tdraft,final\t")
    logged = tracker(youyi_store, "log", YOUYI_ID)
    assert logged.returncode == 0 and len(logged.stdout.splitlines()) == 2
    assert "final" in logged.stdout.splitlines()[0]


def test_log_says_when_a_version_has_no_source_date(root, tmp_path):
    source = tmp_path / "plan.txt"
    source.write_text("某县养老服务工作方案\n一、目标\n护理型床位占比达到55%。\n", encoding="utf-8")
    pipeline.import_document(source, "county/undated", root=root)
    line = tracker(root, "log", "county/undated").stdout.splitlines()[0]
    assert "no source date" in line and "source -" not in line


def test_two_imports_at_the_same_time_both_land(root, tmp_path):
    procs = [
        subprocess.Popen([sys.executable, "-c", "from tracker.cli import main; main()", "import",
                          str(seed_path(name)), "--id", f"test/{name}"], cwd=root, env={**__import__("os").environ, **IDENTITY},
                         stderr=subprocess.PIPE, text=True)
        for name in ("weihai", "qitaihe")
    ]
    errors = [p.communicate(timeout=300)[1] for p in procs]
    assert [p.returncode for p in procs] == [0, 0], errors
    assert sorted(row["id"] for row in store.list_documents(root)) == ["test/qitaihe", "test/weihai"]
    assert git(root, "status", "--porcelain") == ""
    git(root, "fsck", "--strict")


def test_show_targets_and_diff_take_stored_references(youyi_store):
    shown = tracker(youyi_store, "show", YOUYI_ID + "@draft", "--format", "json")
    assert shown.returncode == 0, shown.stderr
    assert json.loads(shown.stdout)["metadata"]["status"] == "draft"
    diffed = tracker(youyi_store, "diff", YOUYI_ID + "@draft", YOUYI_ID + "@final", "--format", "json")
    assert diffed.returncode == 0, diffed.stderr
    changes = [t for t in json.loads(diffed.stdout)["targets"] if t["change"] != "unchanged"]
    assert [(t["change"], t["old"]["value"], t["new"]["value"]) for t in changes] == [("tightened", 55, 60)]


def test_textconv_prefixes_each_sentence_with_its_clause(youyi_store):
    done = tracker(youyi_store, "textconv", f"documents/{YOUYI_ID}/text.txt")
    assert done.returncode == 0
    assert any(line.startswith("二.(五).17 │ ") and "60%" in line for line in done.stdout.splitlines())


def test_a_damaged_stored_text_is_a_one_line_store_error(youyi_store):
    (youyi_store / "documents" / YOUYI_ID / "text.txt").write_text("not a canonical text\n")
    with pytest.raises(StoreError, match="damaged"):
        store.load_ref(YOUYI_ID, youyi_store)


def test_init_on_the_command_line_creates_a_new_repository(tmp_path):
    done = tracker(tmp_path, "init", "new-store")
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "new-store" / ".git").is_dir() and (tmp_path / "new-store" / "documents").is_dir()


def test_version_labels_resolve_in_a_clone_without_tags(tmp_path):
    """A fresh clone may not carry tags: ID@LABEL falls back to the commit trailers."""
    import subprocess

    from tracker import store

    origin = tmp_path / "origin"
    store.init(origin)
    source = tmp_path / "plan.txt"
    source.write_text("一、总体要求\n到2025年护理型床位占比达到55%。\n", encoding="utf-8")
    pipeline.import_document(source, "county/plan", version="draft", root=origin)
    source.write_text("一、总体要求\n到2025年护理型床位占比达到60%。\n", encoding="utf-8")
    pipeline.import_document(source, "county/plan", version="final", root=origin)
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--no-tags", str(origin), str(clone)], check=True)
    assert subprocess.run(["git", "tag"], cwd=clone, capture_output=True, text=True).stdout == ""
    draft = store.load_ref("county/plan@draft", root=clone)
    final = store.load_ref("county/plan@final", root=clone)
    assert "55%" in draft.text and "60%" in final.text
    assert store.versions(clone)["county/plan"] == ["draft", "final"]
    assert [v.labels for v in store.log("county/plan", root=clone)] == [["final"], ["draft"]]


def test_import_works_where_git_knows_no_author_and_signs_as_tracker(tmp_path, monkeypatch):
    import subprocess

    from tracker import store

    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(home / "nogitconfig"))
    for var in ("GIT_AUTHOR_NAME", "GIT_AUTHOR_EMAIL", "GIT_COMMITTER_NAME", "GIT_COMMITTER_EMAIL", "EMAIL"):
        monkeypatch.delenv(var, raising=False)
    root = tmp_path / "store"
    store.init(root)
    source = tmp_path / "plan.txt"
    source.write_text("一、总体要求\n到2025年护理型床位占比达到55%。\n", encoding="utf-8")
    pipeline.import_document(source, "county/plan", version="draft", root=root)
    author = subprocess.run(["git", "log", "-1", "--format=%an <%ae>"], cwd=root, capture_output=True, text=True).stdout.strip()
    assert author == "tracker <tracker@localhost>"


def test_stored_files_are_readable_like_any_file_git_writes(tmp_path):
    """Atomic writes go through mkstemp (0600); the stored text must still get ordinary permissions."""
    import os
    import stat

    from tracker import store

    root = tmp_path / "store"
    store.init(root)
    source = tmp_path / "plan.txt"
    source.write_text("一、总体要求\n到2025年护理型床位占比达到55%。\n", encoding="utf-8")
    pipeline.import_document(source, "county/plan", version="draft", root=root)
    mask = os.umask(0)
    os.umask(mask)
    mode = stat.S_IMODE((root / "documents/county/plan/text.txt").stat().st_mode)
    assert mode == 0o666 & ~mask
