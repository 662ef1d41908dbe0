"""The HTML report: content, structure and safety, read back with an HTML parser."""
from __future__ import annotations

from dataclasses import replace

import base64
import hashlib
import re
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup

from test_render_fixtures import (
    HOSTILE_SCRIPT, clause, hostile_result, parent_result, summary, version_result,
)
from tracker.jsonio import diff_to_dict
from tracker.model import TARGET_LABELS, ClauseChange, DiffResult, DocRef, Document, Metadata
from tracker.render import render_html


def soup_of(build):
    result, old, new = build()
    return BeautifulSoup(render_html(result, old, new), "html.parser"), result


@pytest.fixture(scope="module")
def version_report():
    return soup_of(version_result)


def test_dashboard_counts_match_the_json_diff_summary(version_report):
    soup, result = version_report
    shown = {el["data-count"]: int(el.get_text()) for el in soup.select("[data-count]")}
    assert shown == diff_to_dict(result)["summary"]
    assert list(shown) == list(TARGET_LABELS)


def test_dropped_and_loosened_targets_are_listed_first(version_report):
    soup, _ = version_report
    order = [tr["data-change"] for tr in soup.select("table.changed-targets tbody tr")]
    assert order[:2] == ["dropped", "loosened"]
    assert "unchanged" not in order
    assert len(soup.select("table.same-targets tbody tr")) == 2


def test_labels_carry_a_word_and_an_icon_not_only_colour(version_report):
    soup, _ = version_report
    badge = soup.select_one("table.changed-targets tr[data-change=dropped] .badge")
    assert badge.select_one(".i").get_text() == "✕" and "删除" in badge.get_text()
    loosened = soup.select_one("table.changed-targets tr[data-change=loosened] .badge").get_text()
    assert "▼" in loosened and "放宽" in loosened


def test_every_target_row_links_to_a_clause_anchor_in_the_table(version_report):
    soup, _ = version_report
    links = [a["href"][1:] for a in soup.select("table.targets td.clause a")]
    assert len(links) == 8
    for anchor in links:
        assert soup.find(id=anchor) is not None, anchor


def test_a_dropped_target_links_to_its_clause_on_the_old_side(version_report):
    soup, _ = version_report
    href = soup.select_one("table.changed-targets tr[data-change=dropped] td.clause a")["href"]
    assert href == "#old-二.(三).7"


def test_modified_clause_strikes_deletions_and_underlines_insertions(version_report):
    soup, _ = version_report
    old = soup.find(id="old-二.(五).17")
    new = soup.find(id="new-二.(五).17")
    assert [d.get_text() for d in old.find_all("del")] == ["55"]
    assert [i.get_text() for i in new.find_all("ins")] == ["60"]
    assert not old.find_all("ins") and not new.find_all("del")


def test_column_headings_and_mode_words_in_version_mode(version_report):
    soup, _ = version_report
    assert [th.get_text() for th in soup.select("table.compare thead th")] == ["变化", "修改前", "修改后"]
    assert soup.select_one("#mode").get_text() == "征求意见稿 → 正式稿"


def test_parent_mode_reads_as_implementing_against_parent():
    soup, _ = soup_of(parent_result)
    assert soup.select_one("#mode").get_text() == "县级方案 对照 省级措施"
    assert [th.get_text() for th in soup.select("table.compare thead th")][1:] == ["上级文件", "本级文件"]
    dropped = soup.select_one("table.changed-targets tr[data-change=dropped] .badge").get_text()
    assert "未落实" in dropped
    # a parent clause with no counterpart was not deleted: shown plain, never struck through
    assert not soup.find(id="old-三.(七)").find_all("del")


def test_rewritten_pairs_are_shown_plain_with_a_note():
    soup, _ = soup_of(parent_result)
    row = soup.find(id="row-new-二.(五).17")
    assert not row.find_all(["del", "ins"])
    assert "未逐字标注" in row.select_one(".remark").get_text()


def test_both_documents_metadata_heads_the_report(version_report):
    soup, _ = version_report
    old, new = soup.select_one(".doc-old").get_text(), soup.select_one(".doc-new").get_text()
    assert "征求意见稿" in old and "youyi@1" in old and "友谊县人民政府办公室" in old
    assert "友政办规〔2024〕5号" in new and "2024-09-20" in new and "县级" in new


def test_moved_clause_is_marked_at_its_old_place_and_links_both_ways(version_report):
    soup, _ = version_report
    moved = soup.find(id="row-new-三.(三)")
    marker = soup.find(id="row-moved-old-三.(一)")
    assert moved["data-change"] == "moved" and marker["data-change"] == "moved-from"
    assert moved.select_one(".links a")["href"] == "#row-moved-old-三.(一)"
    assert marker.select_one(".links a")["href"] == "#row-new-三.(三)"
    rows = [tr["id"] for tr in soup.select("table.compare tr.row")]
    # the marker sits where 三.(一) was: right after the 三 heading, before 三.(二)→三.(一)
    assert rows.index("row-moved-old-三.(一)") == rows.index("row-new-三") + 1


def test_split_clause_shows_both_new_parts_and_links_to_each(version_report):
    soup, _ = version_report
    row = soup.find(id="row-new-二.(二).5")
    assert row["data-change"] == "split"
    assert row.find(id="new-二.(二).6") is not None
    assert [a["href"] for a in row.select(".links a")] == ["#new-二.(二).5", "#new-二.(二).6"]
    assert "加强残疾老年人养老服务保障" in row.select_one("td.old del").get_text()


def test_responsible_unit_change_is_shown_in_words_and_marked_in_the_bracket(version_report):
    soup, _ = version_report
    row = soup.find(id="row-new-二.(二).4")
    assert "增加 县卫健局" in row.select_one(".notes").get_text()
    assert "县卫健局" in row.select_one("td.new .duty ins").get_text()


def test_rows_carry_what_the_filters_need(version_report):
    soup, _ = version_report
    rows = soup.select("table.compare tr.row")
    assert {tr["data-change"] for tr in rows if "is-unchanged" in tr["class"]} == {"unchanged"}
    with_targets = {tr["id"] for tr in rows if int(tr["data-targets"])}
    assert with_targets == {"row-new-二.(一).1", "row-old-二.(三).7", "row-new-二.(五).17", "row-new-二.(五).18",
                            "row-new-二.(五).19", "row-new-二.(六).22"}


def test_a_long_run_of_unchanged_clauses_folds_into_one_group():
    result, old, new = version_result()
    extra = [clause(f"四.({n})", f"（{n}）", f"第{n}项未变的工作要求。") for n in "一二三四五"]
    for doc in (old, new):
        doc.clauses.append(clause("四", "四", "其他", extra))
    result.clauses.extend(ClauseChange("unchanged", c.id, c.id, 1.0, c.text, c.text) for c in extra)
    soup = BeautifulSoup(render_html(result, old, new), "html.parser")
    runs = soup.select("tbody.run-unchanged")
    assert [run["data-rows"] for run in runs] == ["5"]
    assert len(runs[0].select("tr.row")) == 5


def test_report_renders_from_the_diff_alone_without_documents():
    result, _, _ = version_result()
    soup = BeautifulSoup(render_html(result), "html.parser")
    assert "60" in soup.find(id="new-二.(五).17").find("ins").get_text()
    assert "友谊县关于推进基本养老服务体系建设的实施方案" in soup.select_one(".doc-new").get_text()


def inline_hash(text):
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def test_report_is_self_contained_and_its_policy_allows_only_its_own_code(version_report):
    soup, _ = version_report
    csp = soup.find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]
    scripts, styles = soup.find_all("script"), soup.find_all("style")
    assert len(scripts) == 1 and len(styles) == 1
    assert "default-src 'none'" in csp and "img-src data:" in csp
    assert f"script-src {inline_hash(scripts[0].string)}" in csp
    assert f"style-src {inline_hash(styles[0].string)}" in csp
    assert "unsafe" not in csp
    assert not soup.find_all("link") and not soup.find_all(attrs={"src": True})
    assert not soup.find_all(attrs={"style": True})
    assert not [a["href"] for a in soup.find_all("a") if not a["href"].startswith("#")]


def test_csp_meta_comes_before_any_style_or_script():
    result, old, new = version_result()
    html = render_html(result, old, new)
    assert html.index("Content-Security-Policy") < html.index("<style>") < html.index("<script>")


def test_hostile_document_text_is_shown_as_text_everywhere():
    result, old, new = hostile_result()
    html = render_html(result, old, new)
    soup = BeautifulSoup(html, "html.parser")
    assert len(soup.find_all("script")) == 1  # only the report's own
    assert not soup.find_all(["img", "b", "div"], attrs={"onerror": True})
    assert not soup.find_all(attrs=lambda a: a and any(k.startswith("on") for k in a))
    assert not [a for a in soup.find_all("a") if not a["href"].startswith("#")]
    assert "pwned" not in soup.title.get_text().replace("document.title='pwned'", "")
    leaf = soup.find(id="new-二.(五).17").get_text()
    assert HOSTILE_SCRIPT in leaf and "javascript:alert(3)" in leaf and "expression(alert(4))" in leaf
    assert "&lt;script&gt;document.title" in html


def test_print_stylesheet_repeats_the_header_and_hides_the_filters():
    result, old, new = version_result()
    css = BeautifulSoup(render_html(result, old, new), "html.parser").style.string
    print_css = css[css.index("@media print"):]
    for rule in ("size: A4", "display: table-header-group", "break-inside: avoid", ".toolbar"):
        assert rule in print_css


def test_fonts_name_chinese_faces_for_windows_macos_and_linux():
    result, old, new = version_result()
    css = BeautifulSoup(render_html(result, old, new), "html.parser").style.string
    for face in ('"PingFang SC"', '"Microsoft YaHei"', '"Noto Sans CJK SC"', '"Songti SC"', '"SimSun"',
                 '"Noto Serif CJK SC"'):
        assert face in css


def test_counts_follow_the_targets_when_summary_is_stale():
    result, old, new = version_result()
    result = replace(result, summary={label: 0 for label in TARGET_LABELS})
    soup = BeautifulSoup(render_html(result, old, new), "html.parser")
    assert soup.select_one("[data-count=tightened]").get_text() == "1"
    assert summary(result.targets)["unchanged"] == int(soup.select_one("[data-count=unchanged]").get_text())


def test_report_without_targets_says_so():
    doc = Document(Metadata(title="甲方案", status="draft"), [clause("一", "一", "总则。")], "")
    doc2 = Document(Metadata(title="甲方案", status="final"), [clause("一", "一", "总则。")], "")
    result = DiffResult("version", DocRef("甲方案", "a"), DocRef("甲方案", "b"),
                        [ClauseChange("unchanged", "一", "一", 1.0, "总则。", "总则。")], [], {})
    soup = BeautifulSoup(render_html(result, doc, doc2), "html.parser")
    assert "没有变化的指标" in soup.select_one("#dashboard").get_text()
    assert re.search(r"共 0 项指标", soup.select_one("#dashboard").get_text())


def test_mode_words_fall_back_on_what_metadata_is_known():
    from tracker.render.view import mode_words

    assert mode_words("version", Metadata(status="draft"), Metadata()) == "征求意见稿 → 新版"
    assert mode_words("version", Metadata(date="2024-01-02"), Metadata(date="2025-03-04")) == "2024-01-02 版 → 2025-03-04 版"
    assert mode_words("version", Metadata(), Metadata()) == "旧版 → 新版"
    assert mode_words("parent", Metadata(level="central", title="关于深化养老服务改革发展的意见"),
                      Metadata(level="city", title="威海市推进养老服务高质量发展若干措施")) == "市级措施 对照 中央意见"


def test_a_target_that_moved_clause_shows_both_clause_numbers_in_the_dashboard():
    from decimal import Decimal

    from tracker.model import DiffResult, DocRef, Target, TargetChange
    from tracker.render.view import dashboard_rows

    def t(clause, value):
        return Target(clause, "quantity", "护理型床位占比", None, ">=", Decimal(value), None, "%", None, None, "must", f"达到{value}%以上")

    result = DiffResult("parent", DocRef("省", "p"), DocRef("县", "c"), [], [TargetChange("loosened", t("三.(六)", 75), t("二.(五).17", 55))], {})
    row = dashboard_rows(result)[0]
    assert row.clause == "三.(六) → 二.(五).17"
    assert row.anchor.endswith("二.(五).17")


def test_a_file_reference_shows_by_its_name_and_a_stored_one_as_written():
    from tracker.render.view import short_ref

    assert short_ref("/work/x/examples/plan-draft.txt") == "plan-draft.txt"
    assert short_ref("heilongjiang/youyi/plan@draft") == "heilongjiang/youyi/plan@draft"


def test_parent_mode_groups_the_childs_own_targets_as_bengji_xinzeng_apart_from_the_parents():
    from tracker.model import DiffResult, DocRef, Target, TargetChange
    from tracker.render.markdown import render_markdown

    def t(clause, value, indicator="护理型床位占比"):
        return Target(clause, "quantity", indicator, None, ">=", Decimal(value), None, "%", None, None, "must", f"{indicator}达到{value}%以上")

    result = DiffResult("parent", DocRef("省", "p"), DocRef("县", "c"), [], [
        TargetChange("added", None, t("三", 80, "助餐服务覆盖率")),
        TargetChange("loosened", t("三.(六)", 75), t("二.(五)", 55)),
        TargetChange("dropped", t("三.(七)", 90, "签约服务率"), None),
    ], {})
    soup = BeautifulSoup(render_html(result, None, None), "html.parser")
    groups = [(h.contents[0].strip(), [tr["data-change"] for tr in h.find_next("table").select("tbody tr")])
              for h in soup.select("h3.target-group")]
    assert groups == [("上级指标落实情况", ["dropped", "loosened"]), ("本级新增指标（上级文件未设，本级自行提出）", ["added"])]
    assert "本级新增" in soup.select_one("tr[data-change=added] .badge").get_text()
    assert "### 本级新增指标（上级文件未设，本级自行提出）（1 项）" in render_markdown(result, None, None)


def test_version_mode_keeps_one_table_of_changed_targets(version_report):
    soup, _ = version_report
    assert not soup.select("h3.target-group")
    assert len(soup.select("table.changed-targets")) == 1


def test_comparison_rows_escape_text_exactly_as_the_templates_autoescape_does():
    """The rows are written in Python (tracker.render.html.row_html): every character HTML gives
    meaning to comes out as markupsafe escapes it, in text and in attributes alike."""
    from markupsafe import escape

    from tracker.render.html import row_html
    from tracker.render.view import CLAUSE_WORDS, Part, Row

    hostile = """<b onclick='x()'>A & "B"</b>"""
    part = Part(clause_id=hostile, anchor=f"new-{hostile}", label="1", segments=[("ins", hostile), ("eq", hostile)],
                duty=[("del", hostile)])
    row = Row(anchor=f"row-{hostile}", change="added", label=CLAUSE_WORDS["added"], old=[], new=[part], depth=1,
              notes=[hostile], remarks=[hostile])
    html = str(row_html(row))
    assert hostile not in html and "<b" not in html
    assert html.count(str(escape(hostile))) == 9  # row id, part id, link, number, ins, text, duty, note, remark
    assert f"<ins>{escape(hostile)}</ins>" in html and f'<span class="duty"><del>{escape(hostile)}</del></span>' in html
