"""tracker history: every target of a stored document across its versions.

The pairing is the diff's: a test recomputes every consecutive diff from the
store on its own and requires the history's cells to say exactly the same.
"""
from __future__ import annotations

import html
import json
from pathlib import Path

import pytest

from tracker import pipeline, store
from tracker.history import History, chain, history
from tracker.render.history import chart_of, history_to_dict, render_history_html, render_text

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
YOUYI = "heilongjiang/shuangyashan/youyi/basic-elderly-care-plan"
VERSIONS = [("draft", "youyi-county-basic-elderly-care-plan-draft.txt"),
            ("final", "youyi-county-basic-elderly-care-plan-final-synthetic.txt"),
            ("amended", "youyi-county-basic-elderly-care-plan-amended-synthetic.txt")]


@pytest.fixture(scope="module")
def youyi_store(tmp_path_factory):
    root = tmp_path_factory.mktemp("history-store")
    store.init(root)
    for label, name in VERSIONS:
        pipeline.import_document(EXAMPLES / name, YOUYI, version=label, root=root)
    return root


@pytest.fixture(scope="module")
def youyi_history(youyi_store) -> History:
    return history(YOUYI, youyi_store)


def key(target):
    return ("", -1, "") if target is None else (target.clause, target.start, target.text)


def row_of(hist: History, indicator: str):
    return next(r for r in hist.rows if r.indicator == indicator)


def test_versions_are_in_commit_order_and_every_row_has_one_cell_per_version(youyi_history):
    assert youyi_history.versions == tuple(f"{YOUYI}@{label}" for label, _ in VERSIONS)
    assert all([c.version for c in row.cells] == list(youyi_history.versions) for row in youyi_history.rows)


def test_history_pairing_equals_the_pairwise_diffs(youyi_store, youyi_history):
    """Each consecutive pair, diffed on its own, pairs and labels exactly as the history's cells do."""
    refs = youyi_history.versions
    for i in range(1, len(refs)):
        old = pipeline.load_document(refs[i - 1], store=youyi_store)
        new = pipeline.load_document(refs[i], store=youyi_store)
        result = pipeline.diff(old, new, old_ref=refs[i - 1], new_ref=refs[i])
        expected = sorted((key(c.old), key(c.new), c.change) for c in result.targets)
        shown = sorted((key(r.cells[i - 1].target), key(r.cells[i].target), r.cells[i].change)
                       for r in youyi_history.rows if r.cells[i - 1].target is not None or r.cells[i].target is not None)
        assert shown == expected


def test_a_value_is_followed_across_versions_with_its_label_against_the_version_before(youyi_history):
    beds = row_of(youyi_history, "护理型床位占比")
    assert [str(c.target.value) for c in beds.cells] == ["55", "60", "65"]
    assert [c.change for c in beds.cells] == [None, "tightened", "mixed"]  # 65% but a year later
    allowance = row_of(youyi_history, "高龄津贴")
    assert [c.change for c in allowance.cells] == [None, "tightened", "tightened"]
    assert any("数值 60% → 65%" in reason for reason in beds.cells[2].reasons_zh)


def test_a_target_added_later_starts_empty_and_a_dropped_one_ends_empty(youyi_history):
    added = [r for r in youyi_history.rows if r.cells[1].change == "added"]
    assert len(added) == 2 and all(r.cells[0].target is None and r.cells[0].change is None for r in added)
    assert all(r.cells[2].change == "unchanged" for r in added)
    dropped = [r for r in youyi_history.rows if r.cells[1].change == "dropped"]
    assert len(dropped) == 1
    assert dropped[0].cells[1].target is None and dropped[0].cells[2].target is None
    assert dropped[0].cells[2].change is None  # nothing to say against a version that did not have it either


def test_rows_follow_document_order_with_later_targets_in_place(youyi_history):
    clauses = [r.latest.clause for r in youyi_history.rows]
    added = next(i for i, r in enumerate(youyi_history.rows) if r.cells[1].change == "added")
    assert clauses[added] == "二.(二).4" and clauses[added - 1] < "二.(二)"  # after 二.(一)'s targets, not at the end


def test_json_follows_the_history_contract(youyi_history):
    data = json.loads(json.dumps(history_to_dict(youyi_history), ensure_ascii=False))
    assert data["schema"] == "tracker.history/1"
    assert data["document"] == {"id": YOUYI, "title": youyi_history.title}
    assert data["versions"] == list(youyi_history.versions)
    for row in data["targets"]:
        assert isinstance(row["indicator"], str)
        assert [c["version"] for c in row["cells"]] == data["versions"]
        assert row["cells"][0]["change"] is None
        for cell in row["cells"]:
            assert set(cell) >= {"version", "target", "change"}
            if cell["change"] == "dropped":
                assert cell["target"] is None
            if cell["target"] is not None:
                assert set(cell["target"]) >= {"clause", "kind", "indicator", "comparator", "value", "unit", "deadline",
                                               "modality", "text"}
    beds = next(r for r in data["targets"] if r["indicator"] == "护理型床位占比")
    assert [c["target"]["value"] for c in beds["cells"]] == [55, 60, 65]


def test_terminal_table_shows_each_value_with_its_icon(youyi_history):
    text = render_text(youyi_history, changed_only=True)
    line = next(l for l in text.splitlines() if l.startswith("护理型床位占比"))
    assert "55%" in line and "60% · 2025年底前 ▲" in line and "65% · 2026年底前 ◆" in line
    assert "draft" in text and "amended" in text


def test_a_chart_only_for_numbers_in_one_unit(youyi_history):
    beds = chart_of(row_of(youyi_history, "护理型床位占比"), youyi_history.versions)
    assert [p.label for p in beds.points] == ["55%", "60%", "65%"]
    assert beds.points[0].y > beds.points[1].y > beds.points[2].y  # higher value, higher on the chart
    assert len(beds.segments) == 2
    deadline_only = row_of(youyi_history, "养老服务综合监管格局")
    assert chart_of(deadline_only, youyi_history.versions) is None


def test_html_page_has_no_script_and_an_inline_svg_per_numeric_target(youyi_history):
    page = render_history_html(youyi_history)
    assert "<script" not in page and "script-src 'none'" in html.unescape(page)
    assert page.count("<svg") == sum(1 for r in youyi_history.rows if chart_of(r, youyi_history.versions))
    assert ' style="' not in page  # an inline style attribute would be blocked by the policy
    assert "http://" not in page.replace('xmlns="http://www.w3.org/2000/svg"', "")


def test_document_text_is_escaped_in_the_page():
    from tracker.history import HistoryCell, HistoryRow
    from tracker.model import Target

    evil = Target("一", "quantity", "<img src=x onerror=alert(1)>", None, ">=", None, None, "%", None, None, None, "x")
    hist = History("a/b", "<script>alert(1)</script>", ("a/b@v1",), (HistoryRow(evil.indicator, (HistoryCell("a/b@v1", evil, None),)),))
    page = render_history_html(hist)
    assert "<img src=x" not in page and "<script>alert" not in page


def test_chain_refuses_a_wrong_number_of_diffs():
    with pytest.raises(ValueError):
        chain(["a@1", "a@2", "a@3"], [])


# ------------------------------------------------------------ the command


def run(args, capsys):
    from tracker.cli import main

    with pytest.raises(SystemExit) as exit_:
        main(args)
    out = capsys.readouterr()
    return exit_.value.code, out.out, out.err


def test_cli_prints_the_table_json_and_writes_the_page(youyi_store, capsys, tmp_path):
    code, out, _ = run(["history", YOUYI, "--store", str(youyi_store)], capsys)
    assert code == 0 and "护理型床位占比" in out and "▲" in out
    code, out, _ = run(["history", YOUYI, "--store", str(youyi_store), "--format", "json"], capsys)
    assert code == 0 and json.loads(out)["schema"] == "tracker.history/1"
    reports = tmp_path / "reports"
    code, out, _ = run(["history", YOUYI, "--store", str(youyi_store), "--format", "html",
                        "--reports-dir", str(reports)], capsys)
    page = reports / "history" / "heilongjiang-shuangyashan-youyi-basic-elderly-care-plan.html"
    assert code == 0 and page.is_file() and 'href="../index.html"' in page.read_text("utf-8")


def test_cli_refuses_a_version_and_an_unknown_document_in_one_line(youyi_store, capsys):
    code, _, err = run(["history", f"{YOUYI}@draft", "--store", str(youyi_store)], capsys)
    assert code == 2 and err.count("\n") == 1
    code, _, err = run(["history", "no/such-doc", "--store", str(youyi_store)], capsys)
    assert code == 2 and err.count("\n") == 1 and "no/such-doc" in err


def test_pair_report_links_the_history_page_when_there_are_more_than_two_versions(youyi_store, capsys, tmp_path):
    reports = tmp_path / "reports"
    code, out, _ = run(["report", f"{YOUYI}@draft", f"{YOUYI}@final", "--store", str(youyi_store),
                        "--reports-dir", str(reports), "-o", str(reports / "pair.html")], capsys)
    assert code == 0
    html = (reports / "pair.html").read_text("utf-8")
    assert 'href="history/heilongjiang-shuangyashan-youyi-basic-elderly-care-plan.html"' in html
    assert (reports / "history" / "heilongjiang-shuangyashan-youyi-basic-elderly-care-plan.html").is_file()


def test_a_tag_made_on_another_branch_is_no_version_here(youyi_store):
    """Worktrees of one repository share their tags: another branch's import must not show up as a version."""
    import subprocess

    def git(*args):
        return subprocess.run(["git", *args], cwd=youyi_store, capture_output=True, text=True, check=True,
                              env={"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@x", "GIT_COMMITTER_NAME": "t",
                                   "GIT_COMMITTER_EMAIL": "t@x", "PATH": "/usr/bin:/bin"}).stdout

    branch = git("rev-parse", "--abbrev-ref", "HEAD").strip()
    git("checkout", "-q", "-b", "elsewhere")
    git("commit", "-q", "--allow-empty", "-m", "another branch's import")
    git("tag", f"{YOUYI}@elsewhere")
    git("checkout", "-q", branch)
    try:
        assert sorted(store.versions(youyi_store)[YOUYI]) == sorted(label for label, _ in VERSIONS)
        assert history(YOUYI, youyi_store).versions == tuple(f"{YOUYI}@{label}" for label, _ in VERSIONS)
    finally:
        git("tag", "-d", f"{YOUYI}@elsewhere")
        git("branch", "-q", "-D", "elsewhere")


def test_an_unlabelled_commit_that_leaves_the_text_alone_is_no_version(tmp_path):
    import subprocess

    root = tmp_path / "store"
    store.init(root)
    for label, name in VERSIONS[:2]:
        pipeline.import_document(EXAMPLES / name, YOUYI, version=label, root=root)
    meta = root / "documents" / YOUYI / "meta.json"
    data = json.loads(meta.read_text("utf-8"))
    data["region"] = "黑龙江省双鸭山市友谊县（更正）"
    meta.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    env = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@x", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@x",
           "PATH": "/usr/bin:/bin"}
    subprocess.run(["git", "commit", "-q", "--no-verify", "-am", "fix the region"], cwd=root, check=True, env=env)
    assert len(store.log(YOUYI, root)) == 3
    assert history(YOUYI, root).versions == (f"{YOUYI}@draft", f"{YOUYI}@final")
