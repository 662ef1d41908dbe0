"""Pairing the articles of two versions of a law (decision note 0610) and showing their provisions."""
from __future__ import annotations

from tracker.api import diff
from tracker.clean import clean
from tracker.model import RawText
from tracker.render.view import dashboard_rows
from tracker.segment import segment

U = "\u3000"


def law(*articles: str):
    body = "".join(f"第{n}条{U}{a}\n" for n, a in zip("一二三四五六七八九", articles))
    return segment(clean(RawText(text="某某管理条例\n" + body, source="t.txt", format="txt")))


FIRST = "为了加强对本市道路货物运输活动的管理，维护运输市场秩序，保障运输安全，制定本条例。"
LAST = "本条例自公布之日起施行，原有的有关规定同时废止，各区应当做好衔接工作。"


def article_rows(result):
    return [(c.change, c.old, c.new) for c in result.clauses if c.change != "unchanged"]


def test_a_rewritten_article_alone_between_two_paired_articles_is_modified_not_removed_and_added():
    old = law(FIRST, "经营者申请许可的，主管部门应当审查其安全管理制度和车辆技术状况，并书面告知结果。", LAST)
    new = law(FIRST, "经营者开展经营的，应当向主管部门备案，并对其安全管理制度和车辆技术状况负责。", LAST)
    assert article_rows(diff(old, new)) == [("modified", "第二条", "第二条")]


def test_an_article_whose_text_moved_into_items_pairs_with_the_article_not_an_item():
    old = law(FIRST, "未取得许可擅自经营的，责令停止经营，处3万元以上10万元以下的罚款。", LAST)
    new_text = (
        "某某管理条例\n"
        f"第一条{U}{FIRST}\n"
        f"第二条{U}违反本条例规定，有下列情形之一的，责令停止经营，并处罚款：\n"
        "（一）未取得许可擅自经营的，处3万元以上10万元以下的罚款；\n"
        "（二）使用失效许可证件经营的，处1万元以上5万元以下的罚款。\n"
        f"第三条{U}{LAST}\n"
    )
    new = segment(clean(RawText(text=new_text, source="t.txt", format="txt")))
    result = diff(old, new)
    rows = article_rows(result)
    assert ("modified", "第二条", "第二条") in rows
    assert ("added", None, "第二条.(二)") in rows
    assert not any(change == "unchanged" for change, *_ in rows)


def test_the_dashboard_names_the_kind_of_a_changed_provision():
    old = law(FIRST, "主管部门应当自受理申请之日起三十日内作出决定。", LAST)
    new = law(FIRST, "主管部门应当自受理申请之日起十五日内作出决定。", LAST)
    (row,) = [r for r in dashboard_rows(diff(old, new)) if r.change != "unchanged"]
    assert row.change == "tightened" and row.indicator.startswith("〔期限〕")
    assert "期限缩短" in row.reasons[0]


def law_text(*lines: str):
    return segment(clean(RawText(text="某某管理条例\n" + "\n".join(lines) + "\n", source="t.txt", format="txt")))


def test_a_rewritten_article_is_found_in_its_place_when_its_neighbour_was_deleted_and_another_added_after_it():
    fee = "采砂单位应当缴纳砂石资源费，资源费的征收标准由省人民政府价格主管部门会同财政部门制定。"
    care = "孤老遗属本人自愿的，可以在光荣院集中供养，各类社会福利机构应当优先接收。"
    care_new = "未满十六周岁或者残疾的遗属，经县级退役军人部门审核符合条件的，可以申请在光荣院集中供养；社会福利机构应当优先接收，并减免费用。"
    trace = "县级以上人民政府应当建立砂石来源追溯平台，运输、收购砂石的单位应当查验来源凭证。"
    old = law(FIRST, care, fee, LAST)
    new = law(FIRST, trace, care_new, LAST)
    rows = article_rows(diff(old, new))
    assert ("modified", "第二条", "第三条") in rows
    assert ("removed", "第三条", None) in rows and ("added", None, "第二条") in rows


def test_an_article_whose_lead_line_matches_another_after_renumbered_references_pairs_on_its_whole_text():
    def penalty(cited: str, *items: str) -> list[str]:
        return [f"第{cited}{U}依照某某法第{cited}规定处罚的，按照下列规定执行：", *items]

    a_items = ["（一）擅自收购原料的，处原料价值20%以上50%以下的罚款；", "（二）收购原料1000公斤以上的，没收违法所得。"]
    b_items = ["（一）无许可证生产制品的，责令关闭，没收违法所得；", "（二）无许可证生产专用机械的，责令停止生产。"]
    old = law_text(f"第一条{U}{FIRST}", f"第二条{U}依照某某法第三十条规定处罚的，按照下列规定执行：", *a_items,
                   f"第三条{U}依照某某法第三十二条规定处罚的，按照下列规定执行：", *b_items, f"第四条{U}{LAST}")
    new = law_text(f"第一条{U}{FIRST}", f"第二条{U}依照某某法第二十八条规定处罚的，按照下列规定执行：", *a_items,
                   f"第三条{U}依照某某法第三十条规定处罚的，按照下列规定执行：", *b_items, f"第四条{U}{LAST}")
    rows = article_rows(diff(old, new))
    assert ("modified", "第二条", "第二条") in rows and ("modified", "第三条", "第三条") in rows
    assert not any(change in ("moved", "removed", "added") for change, *_ in rows)


def test_an_article_whose_two_paragraphs_were_joined_is_modified_though_its_words_are_the_same():
    first, second = "申请认定财产无主，由申请人向财产所在地基层人民法院提出。", "申请书应当写明财产的种类、数量以及要求认定财产无主的根据。"
    old = law_text(f"第一条{U}{FIRST}", f"第二条{U}{first}", second, f"第三条{U}{LAST}")
    new = law_text(f"第一条{U}{FIRST}", f"第二条{U}{first}{second}", f"第三条{U}{LAST}")
    assert article_rows(diff(old, new)) == [("modified", "第二条", "第二条")]


ARTICLES = [
    "县级以上人民政府应当将农产品质量安全工作纳入本级国民经济和社会发展规划，所需经费列入本级预算。",
    "农业农村主管部门应当会同有关部门建立农产品质量安全风险监测制度，制定并组织实施监测计划。",
    "农产品生产企业应当建立农产品生产记录，如实记载使用农业投入品的名称、来源、用法和用量。",
    "禁止在有毒有害物质超过规定标准的区域生产、捕捞、采集食用农产品和建立特定农产品生产基地。",
    "农产品批发市场应当按照规定设立或者委托检测机构，对进场销售的农产品质量安全状况进行抽查检测。",
]


def test_when_two_articles_swap_places_the_reworded_one_is_the_move_not_the_identical_one():
    reworded = ARTICLES[2].replace("如实记载", "如实、完整地记载") + "记录应当保存二年。"
    old = law(FIRST, ARTICLES[0], ARTICLES[2], LAST)
    new = law(FIRST, reworded, ARTICLES[0], LAST)
    rows = article_rows(diff(old, new))
    assert rows == [("moved", "第三条", "第二条")]


def test_an_article_moved_ahead_with_its_items_is_the_move_not_the_articles_it_passed():
    items = ["（一）使用国家禁止的农药的；", "（二）违反农药安全间隔期采收的；", "（三）含有的致病性寄生虫超过标准的；",
             "（四）其他不符合质量安全标准的。"]
    lead = "有下列情形之一的农产品，不得销售："
    numbers = "一二三四五六七八九十"
    old_lines = [f"第{numbers[k]}条{U}{a}" for k, a in enumerate([FIRST, *ARTICLES[:3]])]
    old_lines += [f"第五条{U}{lead}", *items, f"第六条{U}{LAST}"]
    new_lines = [f"第一条{U}{FIRST}", f"第二条{U}{lead}", *items]
    new_lines += [f"第{numbers[k + 2]}条{U}{a}" for k, a in enumerate(ARTICLES[:3])] + [f"第六条{U}{LAST}"]
    rows = article_rows(diff(law_text(*old_lines), law_text(*new_lines)))
    assert [r for r in rows if "." not in (r[1] or "")] == [("moved", "第五条", "第二条")]


def test_a_paragraph_that_became_an_article_of_its_own_makes_a_split():
    ban = "禁止具有竞争关系的经营者达成下列垄断协议："
    items = ["（一）固定或者变更商品价格；", "（二）限制商品的生产数量或者销售数量；", "（三）分割销售市场或者原材料采购市场。"]
    definition = "本法所称垄断协议，是指排除、限制竞争的协议、决定或者其他协同行为。"
    old = law_text(f"第一条{U}{FIRST}", f"第二条{U}{ban}", *items, definition, f"第三条{U}{LAST}")
    new = law_text(f"第一条{U}{FIRST}", f"第二条{U}{definition}", f"第三条{U}{ban}", *items, f"第四条{U}{LAST}")
    rows = article_rows(diff(old, new))
    assert ("split", ["第二条", "第二条.第二款"], ["第二条", "第三条"]) in rows
    assert not any(change in ("removed", "added", "moved") for change, *_ in rows)


def test_the_one_article_left_in_its_place_pairs_when_it_keeps_its_subject_though_rewritten():
    penalty = "违反本条例，有下列行为之一的，由主管部门给予警告，没收违法所得，并处一万元以上五万元以下的罚款："
    items = ["（一）未取得经营许可证从事批发、零售、出租活动的；", "（二）出租、出借、出售或者以其他任何形式转让许可证的；",
             "（三）超出核准的经营范围从事经营活动的。"]
    old = law_text(f"第一条{U}{FIRST}", f"第二条{U}{penalty}", *items, f"第三条{U}{LAST}")
    new = law(FIRST, "违反本条例规定的行为，由主管部门按照有关法律、行政法规的规定处理。", LAST)
    rows = article_rows(diff(old, new))
    assert ("modified", "第二条", "第二条") in rows and ("removed", "第二条.(一)", None) in rows


def test_the_one_article_left_in_its_place_with_another_subject_stays_removed_and_added():
    old = law(FIRST, "违反本条例，有下列行为之一的，由主管部门给予警告，没收违法所得，违法经营额一万元以上的，并处违法经营额五倍以上十倍以下的罚款。", LAST)
    new = law(FIRST, "县级以上人民政府应当建立健全协调机制，统筹解决工作中的重大问题。", LAST)
    assert sorted(article_rows(diff(old, new))) == [("added", None, "第二条"), ("removed", "第二条", None)]


def test_a_reworded_article_that_swapped_places_with_its_neighbour_is_moved_not_removed_and_added():
    pension = "定期抚恤金标准参照全国城乡居民家庭人均收入水平确定，具体标准由国务院民政部门会同财政部门规定。"
    pension_new = "定期抚恤金标准参照上一年度全国居民人均可支配收入水平确定，具体标准及其调整办法由国务院退役军人工作主管部门会同财政部门规定。"
    old = law(FIRST, ARTICLES[0], pension, LAST)
    new = law(FIRST, pension_new, ARTICLES[0], LAST)
    assert article_rows(diff(old, new)) == [("moved", "第三条", "第二条")]


def test_a_weak_likeness_that_crossed_its_neighbour_claims_no_move():
    old = law(FIRST, ARTICLES[0], ARTICLES[1], LAST)
    unlike = "农业农村主管部门应当会同市场监管部门建立农产品追溯制度，督促生产者如实记载产地信息。"  # 0.54 of ARTICLES[1]
    new = law(FIRST, unlike, ARTICLES[0], LAST)
    rows = article_rows(diff(old, new))
    assert sorted(rows, key=str) == [("added", None, "第二条"), ("removed", "第三条", None)]



AGENCY = "由水行政主管部门或者河道管理机构依据职权，责令停止违法行为，"


def test_penalty_articles_alike_in_wording_pair_by_the_case_each_opens_with():
    old = law(FIRST,
              f"违反本条例规定，未办理采矿许可证，擅自在河道采矿的，{AGENCY}没收违法所得和非法采矿机具，并处10万元以上30万元以下的罚款；"
              "情节严重的，扣押或者没收非法采矿船舶，并对没收的非法采矿船舶予以拍卖，拍卖款项全部上缴财政。"
              "拒绝、阻碍水行政主管部门依法执行职务，构成违反治安管理行为的，由公安机关依法给予治安管理处罚；触犯刑律的，依法追究刑事责任。",
              f"违反本条例规定，未按照采矿许可证规定的要求采矿的，{AGENCY}没收违法所得，处5万元以上10万元以下的罚款，并吊销采矿许可证；"
              "触犯刑律的，依法追究刑事责任。",
              LAST)
    new = law(FIRST,
              f"违反本条例规定，未办理采矿许可证，擅自在河道采矿的，{AGENCY}没收违法开采的矿产品和违法所得以及采矿船舶和挖掘机械等作业设备、工具，"
              "并处违法开采的矿产品货值金额2倍以上20倍以下的罚款；货值金额不足10万元的，并处20万元以上200万元以下的罚款；构成犯罪的，依法追究刑事责任。",
              f"违反本条例规定，采矿单位、个人未按照采矿许可证规定的要求采矿的，{AGENCY}没收违法开采的矿产品和违法所得，"
              "并处违法开采的矿产品货值金额1倍以上2倍以下的罚款；情节严重或者在禁采区、禁采期采矿的，没收违法开采的矿产品和违法所得以及采矿船舶和挖掘机械等作业设备、工具，"
              "吊销采矿许可证，并处违法开采的矿产品货值金额2倍以上20倍以下的罚款，货值金额不足10万元的，并处20万元以上200万元以下的罚款；构成犯罪的，依法追究刑事责任。",
              "违反本条例规定，运输、收购、销售未取得采矿许可证的单位、个人开采的矿产品的，由水行政主管部门、河道管理机构以及其他有关部门依据职权，"
              "责令停止违法行为，没收违法运输、收购、销售的矿产品和违法所得，并处2万元以上20万元以下的罚款；情节严重的，并处20万元以上200万元以下的罚款；"
              "构成犯罪的，依法追究刑事责任。",
              LAST)
    rows = article_rows(diff(old, new))
    assert ("modified", "第二条", "第二条") in rows and ("modified", "第三条", "第三条") in rows
    assert ("added", None, "第四条") in rows
