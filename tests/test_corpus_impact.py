"""``tracker impact`` and ``tracker check``: the children a revised parent leaves short, and only those."""
from __future__ import annotations

import json

import pytest

from corpus_support import PROVINCE, build_store
from store_support import git, tracker

JIA, YI, BING = "mou/jia/plan@final", "mou/yi/plan@final", "mou/bing/plan@final"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return build_store(tmp_path_factory.mktemp("impact") / "store")


@pytest.fixture(scope="module")
def impact(corpus):
    from tracker.corpus.impact import impact as run

    return run(f"{PROVINCE}@v2", root=corpus, jobs=2, progress=False)


def short_of(impact) -> dict[str, list[tuple[str, str, str]]]:
    return {c.child.ref: [(s.parent.indicator, s.change, s.before) for s in c.falls_short] for c in impact.children}


def test_the_revision_is_read_against_the_version_before_it(impact):
    assert (impact.old.ref, impact.new.ref) == (f"{PROVINCE}@final", f"{PROVINCE}@v2")
    assert sorted((c.change, (c.new or c.old).indicator) for c in impact.revised) == [
        ("added", "失能老年人健康服务率"), ("loosened", "老年助餐服务覆盖率"), ("tightened", "护理型床位占比")]


def test_exactly_the_children_short_of_a_tightened_or_added_target_are_listed(impact):
    assert short_of(impact) == {
        JIA: [],  # 75% and 85%: meets both
        YI: [("护理型床位占比", "loosened", "tightened")],  # 65%: above the old 60%, below the new 70%
        BING: [("失能老年人健康服务率", "dropped", "absent")],  # carries 70% but not the added target
    }


def test_a_loosened_target_leaves_no_child_short(impact):
    # 丙县's 助餐 30% is looser than both 50% and 40%, but the revision asked less, not more
    assert all(s.parent.indicator != "老年助餐服务覆盖率" for c in impact.children for s in c.falls_short)


def test_json_follows_the_contract(corpus):
    done = tracker(corpus, "impact", f"{PROVINCE}@v2", "--format", "json", "--jobs", "1")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["schema"] == "tracker.impact/1"
    assert data["parent"] == {"id": PROVINCE, "old": f"{PROVINCE}@final", "new": f"{PROVINCE}@v2",
                              "title": "某省养老服务体系建设实施方案"}
    assert {c["change"] for c in data["revised"]} == {"tightened", "loosened", "added"}
    children = {c["ref"]: c for c in data["children"]}
    assert set(children) == {JIA, YI, BING} and children[JIA]["falls_short"] == []
    (yi,) = children[YI]["falls_short"]
    assert set(yi) >= {"parent", "child", "change", "before", "reasons"}
    assert (yi["parent"]["value"], yi["child"]["value"], yi["change"], yi["before"]) == (70, 65, "loosened", "tightened")
    (bing,) = children[BING]["falls_short"]
    assert bing["child"] is None and bing["before"] == "absent"


def test_since_names_the_old_version_and_a_first_version_has_none(corpus):
    done = tracker(corpus, "impact", f"{PROVINCE}@v2", "--since", f"{PROVINCE}@final", "--format", "json")
    assert done.returncode == 0 and json.loads(done.stdout)["parent"]["old"] == f"{PROVINCE}@final"
    done = tracker(corpus, "impact", f"{PROVINCE}@final", "--format", "json")
    assert done.returncode == 2 and "first version" in done.stderr and done.stderr.count("\n") == 1


def test_html_page_is_written_and_linked_from_the_index(corpus):
    done = tracker(corpus, "impact", PROVINCE)
    assert done.returncode == 0, done.stderr
    page = corpus / "reports" / f"impact-{PROVINCE.replace('/', '-')}@v2.html"
    html = page.read_text("utf-8")
    assert "乙县" in html and "丙县" in html and "原无此指标" in html
    assert page.name in (corpus / "reports" / "index.html").read_text("utf-8")


def test_check_names_the_children_a_staged_tightening_would_leave_short(tmp_path):
    root = build_store(tmp_path / "store", revised=False)
    text = root / "documents" / PROVINCE / "text.txt"
    text.write_text(text.read_text("utf-8").replace("60%", "70%"), encoding="utf-8")
    git(root, "add", "-A")
    done = tracker(root, "check")
    assert done.returncode == 1
    lines = done.stderr.splitlines()
    head = next(i for i, line in enumerate(lines) if "would leave" in line)
    assert "1 stored child" in lines[head]
    assert lines[head + 1].split()[0] == "mou/yi/plan" and "[loosened]" in lines[head + 1]
    assert not any(line.split()[:1] in (["mou/jia/plan"], ["mou/bing/plan"]) for line in lines)


def test_check_names_no_child_for_a_loosened_target(tmp_path):
    root = build_store(tmp_path / "store", revised=False)
    text = root / "documents" / PROVINCE / "text.txt"
    text.write_text(text.read_text("utf-8").replace("50%", "40%"), encoding="utf-8")
    git(root, "add", "-A")
    done = tracker(root, "check")
    assert done.returncode == 1 and "[loosened]" in done.stderr
    assert "would leave" not in done.stderr


def test_check_shows_at_most_twenty_children_then_a_count():
    from tracker.check import DocumentCheck, children_lines
    from tracker.model import Target, TargetChange

    t = Target("一", "quantity", "占比", None, ">=", 70, None, "%", None, None, "must", "占比达到70%以上")
    c = TargetChange("dropped", t, None)
    doc = DocumentCheck("p", children_short=[(f"c/{k:02d}", [(t, c)]) for k in range(23)])
    lines = children_lines(doc)
    assert "23 stored child" in lines[0]
    assert [line.split()[0] for line in lines[1:21]] == [f"c/{k:02d}" for k in range(20)]
    assert lines[21].strip().startswith("… and 3 more")
    assert len(lines) == 22




def test_the_checks_quick_child_lookup_finds_what_the_store_query_finds(corpus):
    from tracker import store
    from tracker.check import _children

    assert _children(corpus, PROVINCE) == store.children_of(PROVINCE, corpus) == ["mou/bing/plan", "mou/jia/plan", "mou/yi/plan"]
    assert _children(corpus, "mou/jia/plan") == []
