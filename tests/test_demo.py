"""The main job: the bundled documents imported with their relations, and the reports written."""
from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from tracker import store
from tracker.demo import run_demo

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
YOUYI = "heilongjiang/shuangyashan/youyi/basic-elderly-care-plan"
PROVINCE = "heilongjiang/elderly-care-reform-measures-2025"


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory):
    root = tmp_path_factory.mktemp("store")
    result = run_demo(root, EXAMPLES, echo=lambda _: None)
    return root, result


def test_every_bundled_version_is_imported_with_its_relations(demo_store):
    root, result = demo_store
    assert len(result.imported) == 10
    assert store.versions(root)[YOUYI] == ["draft", "final", "amended"]  # commit order, though imported in one second
    assert store.parent_of(YOUYI, root) == PROVINCE
    meta = store.read_meta(root, YOUYI)
    assert len(meta["implements"]) == 3  # the county's cited parents, recorded though not stored
    xinjiang = store.read_meta(root, "xinjiang/elderly-care-reform-plan-2025")
    province = store.read_meta(root, PROVINCE)
    assert xinjiang["implements"] == province["implements"] == ["《中共中央、国务院关于深化养老服务改革发展的意见》"]


def test_reports_and_index_are_written(demo_store):
    root, result = demo_store
    names = sorted(p.name for p in result.reports)
    assert names == ["xinjiang-vs-heilongjiang.html", "youyi-draft-vs-final.html", "youyi-final-vs-amended.html",
                     "youyi-vs-heilongjiang.html"]
    index = result.index.read_text("utf-8")
    for name in names:
        assert name in index
    audit, impact = result.audits
    assert audit.name == "audit-heilongjiang-elderly-care-reform-measures-2025@final.html"
    assert impact.name == "impact-heilongjiang-elderly-care-reform-measures-2025@revised-synthetic.html"
    assert audit.name in index and impact.name in index
    children = sorted(p.name for p in audit.with_suffix("").glob("*.html"))
    assert [name.split("-")[2] for name in children] == ["baoqing", "jixian", "youyi"]


def test_the_document_with_three_versions_gets_a_history_page_linked_from_index_and_pair_reports(demo_store):
    root, result = demo_store
    page = "history/heilongjiang-shuangyashan-youyi-basic-elderly-care-plan.html"
    assert [p.relative_to(result.index.parent).as_posix() for p in result.histories] == [page]
    assert f'href="{page}"' in result.index.read_text("utf-8")
    for name in ("youyi-draft-vs-final.html", "youyi-final-vs-amended.html"):
        assert f'href="{page}"' in (result.index.parent / name).read_text("utf-8")
    assert page not in (result.index.parent / "youyi-vs-heilongjiang.html").read_text("utf-8")  # two documents, no history


def test_draft_to_final_report_shows_the_known_edits_of_the_synthetic_final(demo_store):
    from tracker.api import diff, load_document

    root, _ = demo_store
    old, new = load_document(f"{YOUYI}@draft", root), load_document(f"{YOUYI}@final", root)
    result = diff(old, new)
    by_indicator = {}
    for change in result.targets:
        target = change.new or change.old
        by_indicator.setdefault(change.change, []).append(target.text)
    assert any("60%" in t for t in by_indicator["tightened"])
    assert any("360元" in t for t in by_indicator["tightened"])
    assert any("40%" in t for t in by_indicator["loosened"])
    assert any("2026年" in t for t in by_indicator["loosened"])
    # the inserted item 4 dates its own sentence and its 完成时限 line: two deadline targets (gold rules)
    assert result.summary["dropped"] == 1 and result.summary["added"] == 2
    assert any("百分之十五" in (c.new.text if c.new else "") for c in result.targets if c.change == "unchanged")
    assert not [c for c in result.clauses if c.change == "removed"]  # the swapped items are moves, not deletions
    assert [c for c in result.clauses if c.change == "moved"]


def test_running_the_demo_again_adds_no_commit(demo_store):
    root, _ = demo_store
    before = subprocess.run(["git", "rev-parse", "HEAD"], cwd=root, capture_output=True, text=True).stdout
    again = run_demo(root, EXAMPLES, echo=lambda _: None)
    after = subprocess.run(["git", "rev-parse", "HEAD"], cwd=root, capture_output=True, text=True).stdout
    assert before == after
    assert again.imported == [] and len(again.kept) == 10


def test_bundle_lists_only_files_that_exist():
    bundle = json.loads((EXAMPLES / "bundle.json").read_text("utf-8"))
    for spec in bundle["documents"]:
        assert (EXAMPLES / spec["file"]).is_file(), spec["file"]


def test_each_version_pair_gets_a_word_redline_linked_from_its_report_and_the_index(demo_store):
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from redline_support import resolved_text
    from tracker.api import load_document

    root, result = demo_store
    reports = result.index.parent
    index = result.index.read_text("utf-8")
    for name, new_ref in (("youyi-draft-vs-final", f"{YOUYI}@final"), ("youyi-final-vs-amended", f"{YOUYI}@amended")):
        redline = reports / f"{name}-redline.docx"
        assert resolved_text(redline.read_bytes(), "accept") == load_document(new_ref, root).text
        assert f'href="{redline.name}"' in (reports / f"{name}.html").read_text("utf-8")
        assert f'href="{redline.name}"' in index
    assert not (reports / "youyi-vs-heilongjiang-redline.docx").exists()  # parent mode: no redline
