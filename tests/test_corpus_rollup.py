"""Roll-up of area totals: the children's own totals summed against the parent's; rates never summed."""
from __future__ import annotations

from decimal import Decimal

import pytest

from corpus_support import PROVINCE_V1, county
from tracker.corpus.model import Member


def read(tmp_path, name: str, text: str):
    from tracker.api import read_document

    path = tmp_path / f"{name}.txt"
    path.write_text(text, encoding="utf-8")
    return read_document(path)


def run(tmp_path, children: dict[str, str]):
    from tracker.corpus.audit import audit_documents

    parent = read(tmp_path, "province", PROVINCE_V1)
    docs = [(Member(f"{name}@final", name, "final"), read(tmp_path, name.replace("/", "-"), text))
            for name, text in children.items()]
    return audit_documents(parent, Member("p@final", "p", "final"), docs)


BEDS_2000 = county("甲县", ["到2027年年底，全县家庭养老床位总量达到2000张以上。",
                            "到2027年年底，全县养老机构护理型床位占比达到65%以上。"])
BEDS_1200 = county("乙县", ["到2027年年底，全县家庭养老床位总量达到1200张。",
                            "到2027年年底，全县养老机构护理型床位占比达到70%以上。"])
BEDS_800 = county("乙县", ["到2027年年底，全县家庭养老床位总量达到800张左右。",
                           "到2027年年底，全县养老机构护理型床位占比达到70%以上。"])
NO_BEDS = county("丙县", ["到2027年年底，全县养老机构护理型床位占比达到60%以上。"])


def beds(audit):
    return [r for r in audit.rollup if r.parent_target.indicator == "家庭养老床位总量"]


def test_children_totals_reaching_the_parents_total_meet_it(tmp_path):
    (line,) = beds(run(tmp_path, {"a": BEDS_2000, "b": BEDS_1200}))
    assert (line.children_sum, line.children_with_value, line.children, line.verdict) == (3200, 2, 2, "meets")
    assert line.parent_target.value == 3000


def test_children_totals_below_the_parents_total_are_short(tmp_path):
    (line,) = beds(run(tmp_path, {"a": BEDS_2000, "b": BEDS_800}))
    assert (line.children_sum, line.verdict) == (2800, "short")  # 800左右 counts as its value


def test_a_child_stating_no_total_makes_the_sum_incomplete(tmp_path):
    (line,) = beds(run(tmp_path, {"a": BEDS_2000, "b": BEDS_1200, "c": NO_BEDS}))
    assert (line.children_sum, line.children_with_value, line.children, line.verdict) == (3200, 2, 3, "incomplete")
    assert [t is not None for _, t in line.values] == [True, True, False]


def test_rates_are_never_summed_though_every_child_states_one(tmp_path):
    audit = run(tmp_path, {"a": BEDS_2000, "b": BEDS_1200, "c": NO_BEDS})
    assert all(r.parent_target.unit != "%" for r in audit.rollup)
    assert [r.parent_target.indicator for r in audit.rollup] == ["家庭养老床位总量"]


def test_a_child_quoting_the_provinces_figure_states_no_total_of_its_own(tmp_path):
    quoting = county("丁县", ["到2027年年底，全省家庭养老床位总量达到3000张以上，我县积极推进。"])
    (line,) = beds(run(tmp_path, {"a": BEDS_2000, "d": quoting}))
    assert line.children_with_value == 1 and line.verdict == "incomplete"


def test_totals_with_no_child_restating_them_are_not_rolled_up(tmp_path):
    audit = run(tmp_path, {"c": NO_BEDS})
    assert audit.rollup == ()


@pytest.mark.parametrize("comparator, total, expected", [
    (">=", 3000, "meets"), (">=", 2999, "short"), ("~", 3000, "meets"), ("=", 2500, "short"),
    ("<=", 3000, "meets"), ("<=", 3001, "short"), ("<", 2000, "meets"),
])
def test_verdict_reads_a_cap_the_other_way(comparator, total, expected):
    from tracker.corpus.rollup import verdict
    from tracker.model import Target

    parent = Target("一", "quantity", "x", "全省", comparator, Decimal(3000), None, "张", None, None, "must", "全省x")
    assert verdict(parent, Decimal(total), 2, 2) == expected
    assert verdict(parent, Decimal(total), 1, 2) == "incomplete"
