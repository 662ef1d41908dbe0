"""How figures are written for people (tracker.words): the reasons, reports and terminal lines."""
from __future__ import annotations

from decimal import Decimal

from tracker.model import Target
from tracker.words import bound_zh, format_number, target_line, value_zh


def quantity(value, value_max=None, comparator=">=", unit="元") -> Target:
    return Target(clause="第一条", kind="quantity", indicator="营业额", scope=None, comparator=comparator,
                  value=Decimal(value), value_max=None if value_max is None else Decimal(value_max), unit=unit,
                  per=None, deadline=None, modality="must", text="营业额")


def test_large_round_figures_read_as_a_chinese_text_writes_them():
    assert format_number(Decimal(12000000000)) == "120亿"
    assert format_number(Decimal(150000000)) == "1.5亿"
    assert format_number(Decimal(20000)) == "2万"
    assert format_number(Decimal(15000)) == "15000"  # not a round 万: written as it is
    assert format_number(Decimal("0.5")) == "0.5"


def test_a_reason_names_a_fine_range_in_wan_not_in_a_row_of_zeros():
    fine = quantity(20000, 200000, comparator="range")
    assert value_zh(fine) == "2万至20万元"
    assert bound_zh(fine, unit=True) == "区间2万至20万元"


def test_a_terminal_line_writes_a_range_without_the_word_range():
    assert target_line(quantity(20000, 200000, comparator="range")) == "2万–20万元"
    assert target_line(quantity(10000000000, comparator=">")) == ">100亿元"
