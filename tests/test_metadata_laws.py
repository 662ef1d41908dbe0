"""Metadata of laws and regulations from the title line and the history under it (issue 20).

The texts are excerpts of real laws as the national database (one full-width
bracket) and LawRefBook (one line per act) publish them.
"""
from __future__ import annotations

import json

import pytest

from tracker import store
from tracker.api import read_document
from tracker.jsonio import metadata_to_dict
from tracker.render.view import build_view, mode_words, version_words
from tracker.api import diff
from tracker.pipeline import import_document

MINORS_2024 = """中华人民共和国未成年人保护法

（1991年9月4日第七届全国人民代表大会常务委员会第二十一次会议通过　2006年12月29日第十届全国人民代表大会常务委员会第二十五次会议第一次修订　根据2012年10月26日第十一届全国人民代表大会常务委员会第二十九次会议《关于修改〈中华人民共和国未成年人保护法〉的决定》第一次修正　2020年10月17日第十三届全国人民代表大会常务委员会第二十二次会议第二次修订　根据2024年4月26日第十四届全国人民代表大会常务委员会第九次会议《关于修改〈中华人民共和国农业技术推广法〉、〈中华人民共和国未成年人保护法〉、〈中华人民共和国生物安全法〉的决定》第二次修正）

第一章　总则

第一条　为了保护未成年人身心健康，保障未成年人合法权益，根据宪法，制定本法。
第二条　县级以上人民政府应当保障未成年人的休息、娱乐和体育锻炼的时间。
第三条　有关人民政府应当为未成年人提供体育、娱乐场所，学校应当保障未成年人的娱乐和体育活动。
第四条　公共文化场所、体育、娱乐设施应当对未成年人免费或者优惠开放。
第五条　本法自2021年6月1日起施行。
"""

MINORS_2020_HEAD = """中华人民共和国未成年人保护法

（1991年9月4日第七届全国人民代表大会常务委员会第二十一次会议通过　2006年12月29日第十届全国人民代表大会常务委员会第二十五次会议第一次修订　根据2012年10月26日第十一届全国人民代表大会常务委员会第二十九次会议《关于修改〈中华人民共和国未成年人保护法〉的决定》第一次修正　2020年10月17日第十三届全国人民代表大会常务委员会第二十二次会议第二次修订）

第一章　总则

第一条　为了保护未成年人身心健康，保障未成年人合法权益，根据宪法，制定本法。
第二条　县级以上人民政府应当保障未成年人的休息、娱乐和体育锻炼的时间。
第三条　有关人民政府应当为未成年人提供体育、娱乐场所，学校应当保障未成年人的娱乐和体育活动。
第四条　公共文化场所、体育、娱乐设施应当对未成年人免费开放。
第五条　本法自2021年6月1日起施行。
"""

SECURITY_SERVICES_2022 = """保安服务管理条例

2009年10月13日 中华人民共和国国务院令第564号公布

2020年11月29日 《国务院关于修改和废止部分行政法规的决定》第一次修订

2022年3月29日 《国务院关于修改和废止部分行政法规的决定》第二次修订）

第一章 总则

第一条 为了规范保安服务活动，加强对从事保安服务的单位和保安员的管理，制定本条例。

第二条 本条例所称保安服务是指保安服务公司根据保安服务合同，派出保安员为客户单位提供门卫、巡逻、守护等服务。

第五十条 本条例自2010年1月1日起施行。
"""

SHANDONG_HEATING = """山东省供热条例

（2014年3月28日山东省第十二届人民代表大会常务委员会第七次会议通过　根据2018年9月21日山东省第十三届人民代表大会常务委员会第五次会议《关于修改〈山东省民用建筑节能条例〉等十件地方性法规的决定》第一次修正　根据2021年12月3日山东省第十三届人民代表大会常务委员会第三十二次会议《关于修改〈山东省动物防疫条例〉等七件地方性法规的决定》第二次修正）

第一章　总则

第一条　为了规范供热活动，维护供热单位和热用户的合法权益，制定本条例。
第二条　设区的市、县（市、区）人民政府应当加强对供热工作的领导。
"""

LINYI_CITY = """临沂市城镇容貌和环境卫生管理条例

2020年12月22日 临沂市第十九届人民代表大会常务委员会第三十三次会议通过

2021年1月28日 经山东省第十三届人民代表大会常务委员会第二十五次会议批准

第一章  总则

第一条 为了加强城镇容貌和环境卫生管理，结合本市实际，制定本条例。
"""


def read(tmp_path, text: str, name: str = "law.txt"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return read_document(path)


def test_national_law_title_issuer_version_date_adoption_amendments_and_effective_date(tmp_path):
    meta = read(tmp_path, MINORS_2024).metadata
    assert meta.title == "中华人民共和国未成年人保护法"
    assert meta.issuer == "全国人民代表大会常务委员会"
    assert meta.date == "2024-04-26"  # the last amendment, not the 1991 adoption
    assert meta.adopted == "1991-09-04"
    assert meta.level == "central"
    assert meta.effective == "2021-06-01"
    assert [(a.date, a.kind) for a in meta.history] == [
        ("1991-09-04", "adopted"), ("2006-12-29", "revised"), ("2012-10-26", "amended"),
        ("2020-10-17", "revised"), ("2024-04-26", "amended")]
    assert all(a.body == "全国人民代表大会常务委员会" for a in meta.history)
    assert meta.history[2].decision == "《关于修改〈中华人民共和国未成年人保护法〉的决定》"
    assert meta.implements == []  # the amendment decisions it names are no parents


@pytest.mark.parametrize("title", ["中华人民共和国民法通则", "中华人民共和国示例法典", "中华人民共和国民法总则"])
def test_a_code_and_the_general_principles_of_civil_law_are_law_titles(tmp_path, title):
    text = f"{title}\n（1986年4月12日第六届全国人民代表大会第四次会议通过）\n第一章　基本原则\n第一条　为了保障民事权益，制定本法。\n"
    meta = read(tmp_path, text).metadata
    assert (meta.title, meta.issuer, meta.level, meta.date) == (title, "全国人民代表大会", "central", "1986-04-12")


def test_repeated_lists_of_an_official_text_raise_no_injected_text_warning(tmp_path):
    warnings = read(tmp_path, MINORS_2024).metadata.warnings
    assert not any("injected" in w for w in warnings), warnings


def test_law_extras_in_the_json_and_none_for_a_policy_document(tmp_path, seed_documents):
    data = metadata_to_dict(read(tmp_path, MINORS_2024).metadata)
    assert data["adopted"] == "1991-09-04" and data["effective"] == "2021-06-01"
    assert [(a["date"], a["kind"], a["body"]) for a in data["amendments"]][-1] == (
        "2024-04-26", "amended", "全国人民代表大会常务委员会")
    assert len(data["history"]) == 5
    assert "history" not in metadata_to_dict(seed_documents["weihai"].metadata)


def test_state_council_regulation_revised_twice_in_lawrefbook_lines(tmp_path):
    meta = read(tmp_path, SECURITY_SERVICES_2022).metadata
    assert meta.title == "保安服务管理条例"
    assert meta.issuer == "国务院"
    assert meta.number == "国务院令第564号"
    assert (meta.adopted, meta.date) == ("2009-10-13", "2022-03-29")
    assert [a.kind for a in meta.history] == ["promulgated", "revised", "revised"]
    assert meta.history[1].body == "国务院"
    assert meta.level == "central"


def test_provincial_regulation_is_issued_by_the_provinces_standing_committee(tmp_path):
    meta = read(tmp_path, SHANDONG_HEATING).metadata
    assert meta.issuer == "山东省人民代表大会常务委员会"
    assert meta.level == "province"
    assert (meta.adopted, meta.date) == ("2014-03-28", "2021-12-03")
    assert meta.number is None


def test_city_regulation_is_dated_by_the_provinces_approval(tmp_path):
    meta = read(tmp_path, LINYI_CITY).metadata
    assert meta.issuer == "临沂市人民代表大会常务委员会"
    assert meta.level == "city"
    assert (meta.adopted, meta.date) == ("2020-12-22", "2021-01-28")
    assert [a.kind for a in meta.history] == ["adopted", "approved"]
    assert meta.history[1].body == "山东省人民代表大会常务委员会"


def test_two_versions_of_a_law_are_named_by_their_acts_in_the_report_heading(tmp_path):
    old = read(tmp_path, MINORS_2020_HEAD, "old.txt")
    new = read(tmp_path, MINORS_2024, "new.txt")
    assert version_words(old.metadata) == "2020年10月17日修订"
    assert mode_words("version", old.metadata, new.metadata) == "2020年10月17日修订 → 2024年4月26日修正"
    view = build_view(diff(old, new), old, new)
    assert view.mode_words == view.versions == "2020年10月17日修订 → 2024年4月26日修正"
    assert view.heading == view.versions
    assert view.sides == ("中华人民共和国未成年人保护法（2020年10月17日修订）", "中华人民共和国未成年人保护法（2024年4月26日修正）")


def test_a_law_without_a_version_label_is_stored_under_its_version_date(tmp_path, monkeypatch):
    from store_support import IDENTITY

    for key, value in IDENTITY.items():
        monkeypatch.setenv(key, value)
    root = tmp_path / "store"
    store.init(root)
    (tmp_path / "minors-2020.txt").write_text(MINORS_2020_HEAD, encoding="utf-8")
    (tmp_path / "minors-2024.txt").write_text(MINORS_2024, encoding="utf-8")
    _, tag_2020 = import_document(tmp_path / "minors-2020.txt", "laws/minors", root=root)
    _, tag_2024 = import_document(tmp_path / "minors-2024.txt", "laws/minors", root=root)
    assert tag_2020.endswith("@2020-10-17") and tag_2024.endswith("@2024-04-26")
    stored = store.load_ref("laws/minors@2020-10-17", root=root).metadata
    assert stored.adopted == "1991-09-04" and [a.kind for a in stored.history][-1] == "revised"
    record = json.loads((root / store.document_paths("laws/minors")[store.META]).read_text("utf-8"))
    assert record["version"] == "2024-04-26" and record["amendments"][-1]["date"] == "2024-04-26"


@pytest.mark.parametrize("spam", ["懂球帝官网，懂球帝直播", "葡京娱乐城", "XX体育APP下载"])
def test_a_phrase_in_the_issuers_place_is_reported_whatever_it_says(tmp_path, spam):
    text = (f"{spam}人民政府办公室\n关于印发{spam}推进养老服务高质量发展若干措施的通知\n"
            f"各区市人民政府，{spam}各部门：\n现印发给你们，请认真贯彻落实。\n{spam}人民政府办公室\n2025年1月5日\n"
            f"一、总体要求\n结合{spam}实际，制定如下措施。\n")
    warnings = [w for w in read(tmp_path, text).metadata.warnings if "injected" in w]
    assert len(warnings) == 1 and f"'{spam}'" in warnings[0]


def test_sports_words_in_the_body_are_not_injected_text(tmp_path):
    text = ("某市全民健身实施方案\n某市人民政府办公室\n2025年1月5日\n一、总体要求\n"
            "发展体育、娱乐产业，建设体育公园。\n二、主要任务\n支持体育直播平台，规范体育、娱乐场所。\n")
    assert not any("injected" in w for w in read(tmp_path, text).metadata.warnings)


def test_a_decision_title_wrapped_over_lines_still_dates_the_version(tmp_path):
    text = ("中华人民共和国全国人民代表大会和地方各级人民代表大会代表法\n\n"
            "1992年4月3日 第七届全国人民代表大会第五次会议通过\n\n"
            "2010年10月28日 第十一届全国人民代表大会常务委员会第十七次会议《关于修改<中华人民共和国全国人民代表大会和地方各级人民代表大会代表法>的决定》第二次修正\n\n"
            "2015年8月29日 第十二届全国人民代表大会常务委员会第十六次会议《关于修改<中华人民共和国地方各级人民代表大会和地方各级人民政府组织法>\n"
            "<中华人民共和国全国人民代表大会和地方各级人民代表大会选举法>\n"
            "<中华人民共和国全国人民代表大会和地方各级人民代表大会代表法>的决定》第三次修正\n\n"
            "第一章 总则\n\n第一条 为了保证全国人民代表大会和地方各级人民代表大会代表依法行使代表的职权，制定本法。\n")
    meta = read(tmp_path, text).metadata
    assert (meta.issuer, meta.adopted, meta.date) == ("全国人民代表大会", "1992-04-03", "2015-08-29")


def test_a_citys_short_form_of_its_standing_committee_is_named_in_full(tmp_path):
    text = ("杭州市院前医疗急救管理条例\n\n2014年6月27日 市十二届人民代表大会常务委员会第二十次会议通过\n\n"
            "2014年9月26日 省十二届人大常委会第十三次会议批准\n\n第一条 为了规范院前医疗急救行为，制定本条例。\n")
    meta = read(tmp_path, text).metadata
    assert (meta.issuer, meta.level, meta.date) == ("杭州市人民代表大会常务委员会", "city", "2014-09-26")
    assert meta.history[1].body == "省人民代表大会常务委员会"


def test_organs_after_ordinary_words_in_a_law_body_are_no_injected_text(tmp_path):
    body = "".join(f"第{n}条　有关人民政府应当组织应急处置。受突发事件影响地区的人民政府应当及时报告。设区的市以上人民政府负责监督。\n"
                   for n in "二三四五")
    text = MINORS_2024.split("第一章")[0] + "第一章　总则\n第一条　为了预防突发事件，制定本法。\n" + body
    assert not any("injected" in w for w in read(tmp_path, text).metadata.warnings)


def test_spam_glued_to_a_place_name_in_the_issuers_place_is_reported(tmp_path):
    text = ("威海市葡京娱乐城人民政府办公室\n关于印发威海市葡京娱乐城养老服务若干措施的通知\n各区市人民政府：\n现印发给你们。\n"
            "威海市葡京娱乐城人民政府办公室\n2025年1月5日\n一、总体要求\n结合本市实际，制定如下措施。\n")
    warnings = [w for w in read(tmp_path, text).metadata.warnings if "injected" in w]
    assert len(warnings) == 1 and "'葡京娱乐城'" in warnings[0] and "glued to a place name" in warnings[0]


def test_a_promulgation_order_above_the_law_gives_its_number(tmp_path):
    text = ("中华人民共和国主席令\n第九十号\n\n《中华人民共和国反外国制裁法》已由中华人民共和国第十三届全国人民代表大会常务委员会"
            "第二十九次会议于2021年6月10日通过，现予公布，自公布之日起施行。\n\n中华人民共和国主席　习近平\n2021年6月10日\n\n"
            "中华人民共和国反外国制裁法\n\n（2021年6月10日第十三届全国人民代表大会常务委员会第二十九次会议通过）\n\n"
            "第一条　为了维护国家主权、安全、发展利益，制定本法。\n第二条　本法自公布之日起施行。\n")
    meta = read(tmp_path, text).metadata
    assert (meta.title, meta.number, meta.date) == ("中华人民共和国反外国制裁法", "主席令第九十号", "2021-06-10")
    assert meta.issuer == "全国人民代表大会常务委员会" and meta.effective is None


def test_the_index_says_which_versions_of_a_law_a_report_compares(tmp_path):
    from bs4 import BeautifulSoup

    from tracker.render.html import render_html
    from tracker.render.index import render_index, scan_reports

    old = read(tmp_path, MINORS_2020_HEAD, "old.txt")
    new = read(tmp_path, MINORS_2024, "new.txt")
    (tmp_path / "reports").mkdir()
    (tmp_path / "reports" / "minors.html").write_text(render_html(diff(old, new), old, new), encoding="utf-8")
    reports = scan_reports(tmp_path / "reports")
    assert reports[0].versions == "2020年10月17日修订 → 2024年4月26日修正"
    text = BeautifulSoup(render_index([], reports), "html.parser").select_one("table.index-reports").get_text()
    assert "2020年10月17日修订 → 2024年4月26日修正" in text


def test_show_lists_a_laws_acts_and_its_effective_date(tmp_path):
    from tracker.render.terminal import render_tree

    lines = render_tree(read(tmp_path, MINORS_2024), color=False).split("\n")
    assert "  1991-09-04 通过 全国人民代表大会常务委员会" in lines
    assert "  2024-04-26 修正 全国人民代表大会常务委员会" in lines
    assert "  2021-06-01 施行" in lines
