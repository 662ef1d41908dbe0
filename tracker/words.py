"""How values, bounds and dates are written for people: one place for every output.

The judgement's reasons (tracker.compare), the reports (tracker.render), the
terminal and the pre-commit check all write a target's figure, bound and date
through these functions, so 75%, 20至30平方米 and 2025年12月31日 read the same
everywhere. The JSON contract writes numbers its own way (tracker.jsonio).
"""
from __future__ import annotations

import re
from decimal import Decimal

from tracker.cues import MODALITIES
from tracker.model import Target

# ------------------------------------------------------------------ words

#: How a bound reads in Chinese, by comparator ({lo}, {hi}: the figures; {u}: the unit).
BOUND_WORDS_ZH: dict[str, str] = {
    ">=": "不少于{lo}{u}", "<=": "不超过{lo}{u}", ">": "超过{lo}{u}", "<": "低于{lo}{u}", "=": "达到{lo}{u}",
    "~": "{lo}{u}左右", "range": "区间{lo}至{hi}{u}",
}
#: What kind of bound a comparator sets, in Chinese.
BOUND_KIND_ZH: dict[str, str] = {
    "~": "约数", "range": "区间", "=": "确定值", ">=": "硬性下限", "<=": "硬性上限", ">": "严格下限", "<": "严格上限",
}
#: A comparator as a sign in a report's target cell (= is written as the bare figure).
COMPARATOR_SIGNS: dict[str, str] = {">=": "≥", "<=": "≤", ">": ">", "<": "<", "=": "", "~": "约"}

# ---------------------------------------------------------------- figures


def plain(value: Decimal) -> str:
    """A figure with no exponent and no trailing zeros: 55, 1.5, 20000."""
    value = Decimal(value)
    return str(value.quantize(Decimal(1))) if value == value.to_integral_value() else format(value.normalize(), "f")


#: Large round figures as a Chinese text writes them: (scale, word, the figure must be a multiple of this).
#: 12000000000元 is read by nobody; 120亿元 is what the law says.
NUMBER_SCALES: tuple[tuple[int, str, int], ...] = ((10 ** 8, "亿", 10 ** 6), (10 ** 4, "万", 10 ** 4))


def format_number(value: Decimal | None) -> str:
    """55 → "55", 1.5 → "1.5", 20000 → "2万", 12000000000 → "120亿", 150000000 → "1.5亿"."""
    if value is None:
        return ""
    value = Decimal(value)
    for scale, word, step in NUMBER_SCALES:
        if value >= scale and value % step == 0:
            return f"{format_number(value / scale)}{word}"
    return plain(value)


def fmt_value(t: Target) -> str:
    """The target's value as a reviewer reads it: 75%, 2万张, 20–30平方米, 2万–20万元."""
    if t.value is None:
        return "none"
    unit = t.unit or ""
    lo = format_number(t.value)
    if t.comparator == "range" and t.value_max is not None:
        return f"{lo}–{format_number(t.value_max)}{unit}"
    return f"{lo}{unit}"


def value_zh(t: Target) -> str:
    """The value in Chinese: 75%, 2万张, 20至30平方米; 无 when there is none."""
    if t.value is None:
        return "无"
    if t.comparator == "range" and t.value_max is not None:
        return f"{format_number(t.value)}至{format_number(t.value_max)}{t.unit or ''}"
    return f"{format_number(t.value)}{t.unit or ''}"


def bound_zh(t: Target, unit: bool = False, base: str = "") -> str:
    """How the bound reads to a reviewer: 不少于30, 区间20至30, 2万左右 (with the unit when asked); with a base,
    the figure is the base's share or multiple: 不少于失能老年人的25%, 当地最低生活保障标准的2倍."""
    if t.value is None:
        return BOUND_KIND_ZH.get(t.comparator or "", "")
    lo, hi = format_number(t.value), format_number(t.value_max) if t.value_max is not None else ""
    lo = f"{base}的{lo}" if base else lo
    template = "{lo}{u}" if base and (t.comparator or "=") == "=" else BOUND_WORDS_ZH.get(t.comparator or "=", "{lo}{u}")
    return template.format(lo=lo, hi=hi, u=(t.unit or "") if unit else "")


# ------------------------------------------------------------------ dates


def date_zh(iso: str | None) -> str:
    """2025-12-31 → 2025年12月31日; 无 when there is none."""
    if not iso:
        return "无"
    y, m, d = iso.split("-")
    return f"{y}年{int(m)}月{int(d)}日"


_ISO_DATE_RE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def format_deadline(iso: str | None) -> str:
    """A deadline as policy texts write it: 2025年底前, 2026年6月30日前."""
    if not iso:
        return ""
    match = _ISO_DATE_RE.fullmatch(iso)
    if not match:
        return iso
    year, month, day = match.groups()
    if (month, day) == ("12", "31"):
        return f"{year}年底前"
    return f"{year}年{int(month)}月{int(day)}日前"


# ---------------------------------------------------------------- targets


#: How a standard pegged to a statistic (100 % of its base: 参照全国职工平均工资水平) reads, by comparator.
PEGGED_WORDS: dict[str, tuple[str, str]] = {
    "~": ("pegged to", "参照"), ">=": ("not below", "不低于"), ">": ("above", "高于"), "<=": ("not above", "不高于"),
    "<": ("below", "低于"), "=": ("equal to", "等于"),
}


def pegged(t: Target) -> bool:
    """Whether a target is a law's standard pegged to a statistic (参照…水平): 100 % of its base, no figure written.
    Only a provision (a role): a plan's 每个乡镇 100% is a figure per township, not a statistic."""
    return bool(t.role and t.per) and t.unit == "%" and t.value == 100 and t.value_max is None


def format_target(target: Target | None) -> str:
    """One target in a report cell: 力争 每百户 ≥55% · 2025年底前."""
    if target is None:
        return "—"
    parts: list[str] = []
    force = MODALITIES.get(target.modality or "")
    if force and force.prefix:
        parts.append(force.prefix)
    unit = target.unit or ""
    statistic = pegged(target)
    if statistic:  # 不低于当地的平均生活水平, not 当地的平均生活水平 ≥100%
        parts.append(PEGGED_WORDS.get(target.comparator or "=", PEGGED_WORDS["="])[1] + target.per)
    elif target.per:
        parts.append(target.per)
    if target.value is not None and not statistic:
        if target.comparator == "range" and target.value_max is not None:
            parts.append(f"{format_number(target.value)}–{format_number(target.value_max)}{unit}")
        else:
            sign = COMPARATOR_SIGNS.get(target.comparator or "", target.comparator or "")
            parts.append(f"{sign}{format_number(target.value)}{unit}")
    value_text = " ".join(parts)
    deadline = format_deadline(target.deadline)
    if value_text and deadline:
        return f"{value_text} · {deadline}"
    return value_text or deadline or target.text


def target_line(t: Target | None) -> str:
    """A target on one terminal line, in the contract's terms: >=55% by 2025-12-31 (— for none)."""
    if t is None:
        return "—"
    sign = "" if t.comparator == "range" else t.comparator or ""  # a range reads lo–hi by itself
    value = f"{sign}{fmt_value(t)}" if t.value is not None else ""
    if pegged(t):  # >=当地的平均生活水平: the statistic is the figure
        value = f"{sign}{t.per}"
    due = f" by {t.deadline}" if t.deadline else ""
    return (value + due).strip() or "—"


def describe(t: Target | None) -> str:
    """A target as the pre-commit check prints it: '>= 55% by 2025-12-31 (must)'."""
    if t is None:
        return "(none)"
    parts = []
    if t.value is not None:
        parts.append(f"{t.comparator + ' ' if t.comparator else ''}{fmt_value(t)}{' ' + t.per if t.per else ''}")
    if t.deadline:
        parts.append(f"by {t.deadline}")
    if t.modality:
        parts.append(f"({t.modality})")
    return " ".join(parts) or t.text
