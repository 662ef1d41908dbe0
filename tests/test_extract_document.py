"""Target extraction over whole seed documents (read → clean → segment → extract)."""
from __future__ import annotations

from pathlib import Path

import pytest

from tracker.api import read_document
from tracker.extract import extract_targets

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
ALL = sorted(p.stem for p in SEEDS.glob("*.txt"))

pytestmark = pytest.mark.skipif(not SEEDS.exists(), reason="seed documents not available")


@pytest.fixture(scope="module")
def extracted():
    cache = {}

    def get(name):
        if name not in cache:
            doc = read_document(SEEDS / f"{name}.txt")
            cache[name] = (doc, extract_targets(doc))
        return cache[name]

    return get


@pytest.mark.parametrize("name", ALL)
def test_every_target_points_at_its_text_in_the_cleaned_document(extracted, name):
    doc, found = extracted(name)
    assert found
    for t in found:
        assert doc.text[t.start:t.start + len(t.text)] == t.text


@pytest.mark.parametrize("name", ALL)
def test_the_preamble_holds_no_targets_only_issue_dates_and_document_numbers(extracted, name):
    _, found = extracted(name)
    assert [t.text for t in found if t.clause == "前言"] == []


def test_completion_lines_are_deadline_targets_of_their_own_clause(extracted):
    _, found = extracted("youyi-county-basic-elderly-care-plan-draft")
    lines = [t for t in found if t.text == "完成时限：2025年基本建成"]
    assert [t.clause for t in lines] == ["二.(五).19", "二.(六).22"]
    assert lines[0].start != lines[1].start


def test_annex_table_rows_yield_targets_named_by_their_item(extracted):
    _, found = extracted("youyi-county-basic-elderly-care-plan-draft")
    row = [t for t in found if t.clause == "附件.4"]
    assert [t.value for t in row] == [150, 100, 100, 50]
    assert {t.indicator for t in row} == {"护理补贴"}


def test_benefit_rules_keyed_to_an_age_are_not_recorded(extracted):
    _, found = extracted("youyi-county-basic-elderly-care-plan-draft")
    assert [t for t in found if t.clause in ("附件.11", "附件.12")] == []


def test_list_of_officials_and_page_footer_hold_no_targets(extracted):
    _, found = extracted("qitaihe-2020-elderly-care-work-plan")
    assert [t for t in found if t.clause == "四"] == []


def test_sibling_provinces_state_the_same_indicator_with_different_values(extracted):
    _, hlj = extracted("heilongjiang-2025-elderly-care-reform-measures")
    _, xj = extracted("xinjiang-2025-elderly-care-reform-plan")
    pick = lambda ts: [(t.value, t.comparator, t.deadline) for t in ts if "护理型床位" in (t.indicator or "")]
    assert pick(hlj) == [(75, ">=", "2029-12-31")]
    assert pick(xj) == [(70, "=", "2029-12-31")]
