"""``tracker audit``: every stored child against its parent, cell for cell the same as ``tracker diff --parent``."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from corpus_support import git_identity
from store_support import tracker

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
PROVINCE = "heilongjiang/elderly-care-reform-measures-2025"
CHILDREN = [
    "heilongjiang/shuangyashan/baoqing/elderly-care-measures@final",
    "heilongjiang/shuangyashan/jixian/elderly-care-measures@final",
    "heilongjiang/shuangyashan/youyi/basic-elderly-care-plan@amended",  # its latest version in the demo (a synthetic amendment)
]


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory):
    """The main job's store: Heilongjiang, Youyi (draft and final) and the two synthetic counties."""
    from tracker.demo import run_demo

    root = tmp_path_factory.mktemp("store")
    with git_identity():
        run_demo(root, EXAMPLES, echo=lambda _: None)
    return root


@pytest.fixture(scope="module")
def audited(demo_store):
    from tracker.corpus.audit import audit

    return audit(f"{PROVINCE}@final", root=demo_store, jobs=2, progress=False)


def test_children_are_the_documents_naming_the_parent_at_their_latest_version(demo_store, audited):
    from tracker.corpus.stored import resolve_member

    assert [m.ref for m in audited.children] == CHILDREN
    assert audited.parent.ref == f"{PROVINCE}@final"
    # a bare id is the parent's latest version: the demo's synthetic revision
    assert resolve_member(PROVINCE, demo_store).ref == f"{PROVINCE}@revised-synthetic"


def test_every_cell_equals_the_pairwise_parent_diff_of_the_cli(demo_store, audited):
    from tracker.jsonio import target_to_dict

    for k, child in enumerate(CHILDREN):
        done = tracker(demo_store, "diff", f"{PROVINCE}@final", child, "--parent", "--format", "json")
        assert done.returncode == 0, done.stderr
        pairwise = json.loads(done.stdout)
        expected = {(t["old"]["clause"], t["old"]["text"]): (t["change"], t["new"], t["reasons"])
                    for t in pairwise["targets"] if t["old"] is not None}
        cells = {(row.parent_target.clause, row.parent_target.text): row.cells[k] for row in audited.rows}
        assert set(cells) == set(expected)
        for key, cell in cells.items():
            assert cell.child == child
            got = (cell.change, target_to_dict(cell.target) if cell.target else None, list(cell.reasons))
            assert got == expected[key], key
        own = [t["new"] for t in pairwise["targets"] if t["change"] == "added"]
        assert [target_to_dict(a.target) for a in audited.added if a.child == child] == own
        assert audited.summary[child] == pairwise["summary"]


def test_one_worker_and_two_workers_give_the_same_audit(demo_store, audited):
    from tracker.corpus.audit import audit

    assert audit(f"{PROVINCE}@final", root=demo_store, jobs=1, progress=False) == audited


def test_rows_follow_the_parents_targets_in_document_order(demo_store, audited):
    from tracker.api import extract_targets, load_document

    parent = load_document(f"{PROVINCE}@final", demo_store)
    assert [row.parent_target for row in audited.rows] == list(extract_targets(parent))


def test_the_family_bed_total_rolls_up_as_incomplete_while_youyi_states_none(audited):
    (line,) = audited.rollup
    assert line.parent_target.indicator == "家庭养老床位总量"
    assert (line.children_sum, line.children_with_value, line.children, line.verdict) == (2000, 2, 3, "incomplete")


def test_json_output_follows_the_contract(demo_store):
    done = tracker(demo_store, "audit", f"{PROVINCE}@final", "--format", "json", "--jobs", "1")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["schema"] == "tracker.audit/1"
    assert set(data) >= {"parent", "children", "rows", "added", "rollup", "summary"}
    assert data["parent"]["ref"] == f"{PROVINCE}@final"
    assert [c["ref"] for c in data["children"]] == CHILDREN
    assert all(set(c) >= {"ref", "title", "level", "region"} for c in data["children"])
    for row in data["rows"]:
        assert [c["child"] for c in row["cells"]] == CHILDREN
        for cell in row["cells"]:
            assert set(cell) >= {"child", "change", "target", "reasons"}
            assert cell["change"] in ("tightened", "loosened", "mixed", "changed", "unchanged", "dropped")
            assert (cell["target"] is None) == (cell["change"] == "dropped")
    assert set(data["rollup"][0]) >= {"parent_target", "children_sum", "children_with_value", "children", "verdict"}
    assert set(data["summary"]) == set(CHILDREN)


def test_csv_has_one_row_per_parent_target_and_child(demo_store, audited):
    done = tracker(demo_store, "audit", f"{PROVINCE}@final", "--format", "csv", "--jobs", "1")
    assert done.returncode == 0, done.stderr
    rows = list(csv.DictReader(io.StringIO(done.stdout.lstrip("\ufeff"))))
    assert len(rows) == len(audited.rows) * len(CHILDREN)
    assert rows[0]["child"] == CHILDREN[0] and rows[0]["parent_clause"] == audited.rows[0].parent_target.clause
    assert {r["change"] for r in rows} >= {"dropped", "tightened", "loosened"}


def test_html_page_links_every_cell_to_the_childs_report_and_the_index_links_the_page(demo_store, audited):
    done = tracker(demo_store, "audit", f"{PROVINCE}@final", "--jobs", "2")
    assert done.returncode == 0, done.stderr
    reports = demo_store / "reports"
    page = reports / f"audit-{PROVINCE.replace('/', '-')}@final.html"
    assert done.stdout.strip() == f"wrote {page.relative_to(demo_store)}"
    soup = BeautifulSoup(page.read_text("utf-8"), "html.parser")
    cells = soup.select("table.matrix td.cell")
    assert len(cells) == len(audited.rows) * len(CHILDREN)
    for cell in cells:
        href = cell.select_one("a")["href"]
        target = (reports / href.split("#")[0])
        assert target.is_file() and target.parent.name == page.stem
        anchor = href.split("#")[1]
        assert BeautifulSoup(target.read_text("utf-8"), "html.parser").find(id=anchor) is not None, href
    index = BeautifulSoup((reports / "index.html").read_text("utf-8"), "html.parser")
    assert index.select_one(f'table.index-corpus a[href="{page.name}"]') is not None
    # the children's own reports are reached from the audit page, not listed one by one in the index
    assert not [a for a in index.select("table.index-reports a") if a["href"].startswith(page.stem + "/")]


def test_depth_two_adds_grandchildren(demo_store, tmp_path):
    from tracker import pipeline
    from tracker.corpus.stored import children_of

    text = (EXAMPLES / "jixian-county-elderly-care-measures-synthetic.txt").read_text("utf-8")
    (tmp_path / "town.txt").write_text(text.replace("集贤县", "某镇"), encoding="utf-8")
    with git_identity():
        pipeline.import_document(tmp_path / "town.txt", "heilongjiang/shuangyashan/jixian/some-town/plan",
                                 version="final", parent="heilongjiang/shuangyashan/jixian/elderly-care-measures",
                                 root=demo_store)
    assert [m.ref for m in children_of(PROVINCE, demo_store)] == CHILDREN
    assert [m.ref for m in children_of(PROVINCE, demo_store, depth=2)] == [
        *CHILDREN, "heilongjiang/shuangyashan/jixian/some-town/plan@final"]


def test_unknown_parent_is_a_one_line_error(demo_store):
    done = tracker(demo_store, "audit", "heilongjiang/no-such-plan", "--format", "json")
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "no such document" in done.stderr


def test_version_dates_read_in_one_pass_agree_with_each_documents_log(demo_store):
    from tracker import store

    bulk = store.version_dates(demo_store)
    for row in store.list_documents(demo_store):
        one_by_one = {label: v.source_date or v.committed for v in store.log(row["id"], demo_store) for label in v.labels}
        assert bulk[row["id"]] == one_by_one, row["id"]


def test_the_synthetic_revision_leaves_short_exactly_the_children_examples_readme_names(demo_store):
    from tracker.corpus.impact import impact

    result = impact(f"{PROVINCE}@revised-synthetic", root=demo_store, jobs=1, progress=False)
    assert result.old.ref == f"{PROVINCE}@final"  # the version before it
    short = {c.child.ref.split("/")[2]: {(s.parent.indicator, s.change, s.before) for s in c.falls_short}
             for c in result.children}
    assert short == {
        "baoqing": {("老年助餐服务覆盖率", "dropped", "absent")},
        "jixian": {("护理型床位占比", "loosened", "loosened"), ("品牌龙头养老服务机构（企业）", "loosened", "loosened")},
        "youyi": {("护理型床位占比", "mixed", "mixed"), ("品牌龙头养老服务机构（企业）", "dropped", "dropped"),
                  ("老年助餐服务覆盖率", "dropped", "absent")},
    }


def test_the_pages_allow_nothing_but_their_own_style_and_script(demo_store, audited):
    from tracker.render.corpus import render_audit_html

    soup = BeautifulSoup(render_audit_html(audited, children_dir="x"), "html.parser")
    csp = soup.find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]
    assert "default-src 'none'" in csp and "unsafe-inline" not in csp
    assert not soup.select("[src], link[href]") and not soup.select("[style]")
    assert all(not a["href"].startswith(("http:", "https:", "//")) for a in soup.select("a[href]"))


def test_an_html_page_cannot_go_to_stdout(demo_store):
    done = tracker(demo_store, "audit", f"{PROVINCE}@final", "-o", "-")
    assert done.returncode == 2 and done.stderr.count("\n") == 1


def test_a_parent_without_children_gives_an_empty_audit_and_a_note(demo_store):
    done = tracker(demo_store, "audit", "xinjiang/elderly-care-reform-plan-2025", "--format", "json")
    assert done.returncode == 0
    data = json.loads(done.stdout)
    assert data["children"] == [] and data["rows"] and all(row["cells"] == [] for row in data["rows"])
    assert done.stderr.startswith("tracker: note: no stored document names xinjiang/elderly-care-reform-plan-2025")
