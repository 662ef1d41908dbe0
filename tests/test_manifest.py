"""``tracker import --manifest``: a corpus in one process, one commit per version, all or nothing per row."""
from __future__ import annotations

import pytest

from corpus_support import COUNTIES, PROVINCE, PROVINCE_V1, git_identity
from store_support import git, state, tracker

HEADER = "file,id,version,status,parent,level\n"


@pytest.fixture
def corpus(tmp_path):
    """A store and a folder of plans beside a manifest naming them."""
    from tracker import store

    plans = tmp_path / "plans"
    plans.mkdir()
    (plans / "province.txt").write_text(PROVINCE_V1, encoding="utf-8")
    for doc_id, text in COUNTIES.items():
        (plans / f"{doc_id.split('/')[1]}.txt").write_text(text, encoding="utf-8")
    with git_identity():
        root = store.init(tmp_path / "store")
    return root, tmp_path


def write_manifest(folder, rows: list[str], name="corpus.csv"):
    path = folder / name
    path.write_text(HEADER + "".join(r + "\n" for r in rows), encoding="utf-8")
    return path


GOOD = [
    f"plans/province.txt,{PROVINCE},final,final,,province",
    "plans/jia.txt,mou/jia/plan,final,final,mou/elderly-care-plan,county",
    "plans/yi.txt,mou/yi/plan,,draft,mou/elderly-care-plan,county",
]


def test_every_row_becomes_its_own_tagged_commit(corpus):
    root, folder = corpus
    done = tracker(root, "import", "--manifest", str(write_manifest(folder, GOOD)))
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("imported 3 version(s)") and done.stderr == ""  # no progress bar when not a terminal
    subjects = git(root, "log", "--format=%s", "-3").splitlines()
    assert subjects == ["Import mou/yi/plan@draft: 乙县养老服务体系建设工作方案",
                        "Import mou/jia/plan@final: 甲县养老服务体系建设工作方案",
                        f"Import {PROVINCE}@final: 某省养老服务体系建设实施方案"]
    for tag in (f"{PROVINCE}@final", "mou/jia/plan@final", "mou/yi/plan@draft"):
        doc_id = tag.split("@")[0]
        changed = git(root, "diff-tree", "--no-commit-id", "--name-only", "-r", tag).split()
        assert changed == [f"documents/{doc_id}/{name}" for name in ("meta.json", "targets.json", "text.txt")]
    assert git(root, "status", "--porcelain") == ""  # working tree and index agree with HEAD


def test_a_manifest_stores_exactly_what_single_imports_store(corpus, tmp_path):
    from tracker import store

    root, folder = corpus
    assert tracker(root, "import", "--manifest", str(write_manifest(folder, GOOD))).returncode == 0
    with git_identity():
        single = store.init(tmp_path / "single")
    for row in GOOD:
        file, doc_id, version, status, parent, level = row.split(",")
        args = ["import", str(folder / file), "--id", doc_id, "--status", status, "--level", level]
        args += (["--version", version] if version else []) + (["--parent", parent] if parent else [])
        assert tracker(single, *args).returncode == 0
    assert git(root, "rev-parse", "HEAD^{tree}") == git(single, "rev-parse", "HEAD^{tree}")
    assert git(root, "tag") == git(single, "tag")


def test_failed_rows_are_listed_with_line_and_reason_and_leave_nothing_behind(corpus):
    root, folder = corpus
    rows = [
        GOOD[0],
        "plans/missing.txt,mou/missing/plan,final,final,,county",  # line 3
        "plans/jia.txt,Mou/Bad Id,final,final,,county",  # line 4
        GOOD[1],  # line 5
        "plans/yi.txt,mou/jia/plan,final,final,,county",  # line 6: duplicate id@version
    ]
    manifest = write_manifest(folder, rows)
    done = tracker(root, "import", "--manifest", str(manifest))
    assert done.returncode == 1
    assert done.stdout.startswith("imported 2 version(s)") and "3 row(s) failed" in done.stdout
    errors = done.stderr.splitlines()
    assert len(errors) == 3
    assert errors[0].startswith(f"{manifest}:3: plans/missing.txt: no such file")
    assert errors[1].startswith(f"{manifest}:4: plans/jia.txt: document id 'Mou/Bad Id' is not valid")
    assert errors[2] == f"{manifest}:6: plans/yi.txt: duplicate mou/jia/plan@final: line 5 has it already"
    assert sorted(git(root, "tag").split()) == [f"{PROVINCE}@final", "mou/jia/plan@final"]
    assert not (root / "documents" / "mou" / "missing").exists()
    jia = (root / "documents" / "mou" / "jia" / "plan" / "text.txt").read_text("utf-8")
    assert "甲县" in jia and "乙县" not in jia  # the duplicate row wrote nothing over the first
    assert git(root, "status", "--porcelain") == ""


def test_a_label_already_stored_and_uncommitted_edits_refuse_only_their_rows(corpus):
    root, folder = corpus
    assert tracker(root, "import", "--manifest", str(write_manifest(folder, GOOD[:2], "first.csv"))).returncode == 0
    edited = root / "documents" / "mou" / "jia" / "plan" / "text.txt"
    edited.write_text(edited.read_text("utf-8") + "\n", encoding="utf-8")
    rows = [f"plans/province.txt,{PROVINCE},final,final,,province",  # final is taken
            "plans/jia.txt,mou/jia/plan,v2,final,,county",  # its files hold the user's edit
            GOOD[2]]
    done = tracker(root, "import", "--manifest", str(write_manifest(folder, rows, "second.csv")))
    assert done.returncode == 1
    assert f"{PROVINCE}@final is already stored" in done.stderr.splitlines()[0]
    assert "uncommitted changes" in done.stderr.splitlines()[1]
    assert git(root, "tag", "-l", "mou/yi/plan@*").split() == ["mou/yi/plan@draft"]
    assert edited.read_text("utf-8").endswith("\n\n")  # the user's edit is untouched


def test_a_manifest_without_its_required_columns_imports_nothing(corpus):
    root, folder = corpus
    path = folder / "bad.csv"
    path.write_text("path,name\nplans/jia.txt,mou/jia/plan\n", encoding="utf-8")
    before = state(root)
    done = tracker(root, "import", "--manifest", str(path))
    assert done.returncode == 2 and done.stderr.count("\n") == 1 and "no file or id column" in done.stderr
    assert state(root) == before


@pytest.mark.parametrize("stage", ["_fast_import", "write_files"])
def test_a_failure_while_committing_the_batch_leaves_the_store_as_it_was(corpus, monkeypatch, stage):
    from tracker.manifest import import_manifest
    from tracker.store import batch
    from tracker.store.transaction import Transaction

    root, folder = corpus
    manifest = write_manifest(folder, GOOD)

    def boom(*args, **kwargs):
        raise OSError("disk full")

    if stage == "_fast_import":
        monkeypatch.setattr(batch, "_fast_import", boom)
    else:
        monkeypatch.setattr(Transaction, "write_files", boom)
    before = state(root)
    with git_identity(), pytest.raises(OSError):
        import_manifest(manifest, root=root, jobs=1, progress=False)
    assert state(root) == before


def test_a_tag_made_on_another_branch_refuses_only_its_row(corpus):
    root, folder = corpus
    elsewhere = git(root, "commit-tree", "HEAD^{tree}", "-m", "another branch's import").strip()
    git(root, "tag", "mou/jia/plan@final", elsewhere)  # as another worktree's import would leave it
    done = tracker(root, "import", "--manifest", str(write_manifest(folder, GOOD)))
    assert done.returncode == 1
    (line,) = done.stderr.splitlines()
    assert ":3: plans/jia.txt: tag mou/jia/plan@final already exists" in line
    assert sorted(git(root, "tag").split()) == [f"{PROVINCE}@final", "mou/jia/plan@final", "mou/yi/plan@draft"]
    assert git(root, "status", "--porcelain") == ""


def test_a_law_without_a_version_label_is_labelled_by_its_version_date_as_a_single_import_is(corpus):
    root, folder = corpus
    (folder / "law.txt").write_text(
        "某市城市绿化条例\n（2010年6月1日某市人民代表大会常务委员会通过　"
        "根据2021年9月30日某市人民代表大会常务委员会《关于修改〈某市城市绿化条例〉的决定》修正）\n"
        "第一章　总则\n第一条　为了促进城市绿化，制定本条例。\n", encoding="utf-8")
    done = tracker(root, "import", "--manifest", str(write_manifest(folder, ["law.txt,mou/greening-law,,,,"])))
    assert done.returncode == 0, done.stderr
    assert git(root, "tag").split() == ["mou/greening-law@2021-09-30"]
