"""Hand-built diffs with realistic content for the renderer tests.

The renderer is tested on its own: these results are what compare.py is
contracted to produce (see shared/contract), built by hand from the 友谊县
plan so the tests need no upstream stage. Imported by the other
test_render*.py modules; the tests here pin that the fixtures themselves are
consistent, so a renderer test never passes on a malformed input.
"""
from __future__ import annotations

from dataclasses import replace

from collections import Counter
from decimal import Decimal

from tracker.model import (
    TARGET_LABELS, Clause, ClauseChange, DiffResult, DocRef, Document, Metadata, Responsibility, Target, TargetChange,
)

HOSTILE_SCRIPT = "<script>document.title='pwned';alert(1)</script>"
HOSTILE_IMG = "<img src=x onerror=\"document.title='pwned';alert(2)\">"
HOSTILE_LINK = "<a href=\"javascript:alert(3)\">点此查看附件</a>"
HOSTILE_CSS = "<div style=\"width:expression(alert(4));background:url(javascript:alert(5))\">样式</div>"
HOSTILE_MD = "[点此](javascript:alert(6)) **加粗** | 管道 | `代码` # 标题"


def clause(cid, label, text, children=(), duty=None, lead=(), deadline=None):
    title = text.split("。")[0] + "。" if "。" in text else text
    resp = None
    if duty:
        resp = Responsibility(raw=duty, lead=list(lead), support=[], deadline=deadline)
    return Clause(id=cid, label=label, title=title, text=text, scheme="", children=list(children), responsibility=resp)


def target(cid, indicator, comparator, value, unit, deadline, text, modality="must", value_max=None, per=None,
           kind="quantity", scope=None):
    return Target(clause=cid, kind=kind, indicator=indicator, scope=scope, comparator=comparator,
                  value=None if value is None else Decimal(str(value)),
                  value_max=None if value_max is None else Decimal(str(value_max)), unit=unit, per=per,
                  deadline=deadline, modality=modality, text=text)


def summary(targets):
    counts = Counter(t.change for t in targets)
    return {label: counts.get(label, 0) for label in TARGET_LABELS}


DUTY_4_OLD = "〔责任单位：县民政局、县财政局；完成时限：持续推进〕"
DUTY_4_NEW = "〔责任单位：县民政局、县财政局、县卫健局；完成时限：持续推进〕"
DUTY_19_OLD = "〔责任单位：县民政局、县发改局、县住建局、县财政局、县自然资源局；完成时限：2025年基本建成〕"
DUTY_19_NEW = "〔责任单位：县民政局、县发改局、县住建局、县财政局、县自然资源局；完成时限：2026年基本建成〕"

T_1_OLD = "到2025年，基本养老服务制度体系基本健全"
T_1_NEW = "到2026年，基本养老服务制度体系全面健全"
TEXT_1_OLD = ("明确基本养老服务对象。基本养老服务是由国家直接提供或者通过一定方式支持相关主体向老年人提供服务，"
              "包括物质帮助、照护服务、关爱服务等内容。" + T_1_OLD + "，基本养老服务清单不断完善。")
TEXT_1_NEW = ("明确基本养老服务对象。基本养老服务是由国家直接提供或者通过一定方式支持相关主体向老年人提供服务，"
              "包括物质帮助、照护服务、关爱服务等内容。" + T_1_NEW + "，基本养老服务清单不断完善。")
TEXT_2 = ("完善落实基本养老服务清单。各乡（镇）、各部门要尽职履职，对标对表《友谊县基本养老服务清单》（见附件），"
          "明确具体服务对象、内容、标准等，落实措施和进度安排。")
TEXT_3 = "实行动态调整机制。在提高基本公共服务均等化水平的过程中，逐步拓展基本养老服务的对象和内容。"
TEXT_4_OLD = "开展能力评估。按照全国统一的老年人能力评估标准，支持通过政府购买服务等方式，开展老年人能力评估。"
TEXT_4_NEW = "开展能力评估。按照全国统一的老年人能力评估标准，通过政府购买服务等方式，全面开展老年人能力评估，评估结果全县互认。"
TEXT_5_OLD = ("整合服务资源。依托政务服务平台，推进县内跨部门间数据共享，建立困难老年人精准识别和动态管理机制。"
              "推动残疾老年人身份识别、待遇享受、服务递送等资源整合，加强残疾老年人养老服务保障。")
TEXT_5_NEW = "整合服务资源。依托政务服务平台，推进县内跨部门间数据共享，建立困难老年人精准识别和动态管理机制。"
TEXT_6_NEW = "加强残疾老年人养老服务保障。推动残疾老年人身份识别、待遇享受、服务递送等资源整合。"
TEXT_POLICY = "强化政策扶持。县级财政统筹现有资金渠道给予支持，每年安排养老服务补助资金不少于100万元。"
T_POLICY = "每年安排养老服务补助资金不少于100万元"
TEXT_PRIORITY = "突出重点保障。政府投入资源或者出资建设的养老服务设施要优先保障基本养老服务。"
T_17_OLD = "到2025年护理型床位占比达到55%"
T_17_NEW = "到2025年护理型床位占比达到60%"
TEXT_17 = ("推进养老服务设施规划建设。编制养老服务设施（含光荣院）专项规划，并纳入国土空间等规划，"
           "重点支持公办失能半失能护理型养老机构改造，增设失能老年人照护单元，{}。")
T_18A = "至少1所以失能特困人员专业照护为主的县级特困人员供养服务机构"
T_18B_OLD = "评定为二级以上的县级公办养老机构均达到50%"
T_18B_NEW = "评定为二级以上的县级公办养老机构均达到40%"
TEXT_18 = "发挥公办养老机构兜底作用。推动特困供养机构转型为区域性养老服务中心。到2025年，{}，{}。"
T_19A = "新建住宅小区每百户20至30平方米配套建设社区居家养老服务用房"
T_19B_OLD = "已建成小区要按每百户15至20平方米的标准调剂解决"
T_19B_NEW = "已建成小区要按每百户15至20平方米（建筑面积）的标准调剂解决"
TEXT_19 = "加快补齐配建养老服务设施短板。推动实现基本养老服务便利可及化，{}，{}。"
T_22 = "到2026年底，特殊困难老年人居家适老化改造不少于200户"
TEXT_22 = "推进特殊困难老年人居家适老化改造。以满足居家生活照料、起居行动、康复护理等需求为重点，" + T_22 + "。"
TEXT_LEAD = "加强组织领导。要高度重视基本养老服务体系建设工作，坚持党政主要负责人亲自抓、负总责。"
TEXT_LEAD_NEW = "加强组织领导。要高度重视基本养老服务体系建设工作，坚持党政主要负责人亲自抓、负总责，纳入年度考核。"
TEXT_PUSH = "强化工作推进。县民政局会同县发改局等相关部门，按照省委、市委部署安排，形成整体合力。"
TEXT_CONSENSUS = "凝聚社会共识。各相关单位要加强基本养老服务政策宣传解读，及时公开基本养老服务信息。"
TEXT_GENERAL = "总体要求。以习近平新时代中国特色社会主义思想为指导，坚持以人民为中心，加快建成覆盖全体老年人的基本养老服务体系。"


def draft_document() -> Document:
    """The 征求意见稿 side (a trimmed 友谊县 plan)."""
    clauses = [
        clause("一", "一", TEXT_GENERAL),
        clause("二", "二", "重点工作", [
            clause("二.(一)", "（一）", "完善落实基本养老服务清单", [
                clause("二.(一).1", "1", TEXT_1_OLD),
                clause("二.(一).2", "2", TEXT_2),
                clause("二.(一).3", "3", TEXT_3),
            ]),
            clause("二.(二)", "（二）", "建立服务主动响应机制", [
                clause("二.(二).4", "4", TEXT_4_OLD, duty=DUTY_4_OLD),
                clause("二.(二).5", "5", TEXT_5_OLD),
            ]),
            clause("二.(三)", "（三）", "完善服务保障机制", [
                clause("二.(三).7", "7", TEXT_POLICY),
                clause("二.(三).8", "8", TEXT_PRIORITY),
            ]),
            clause("二.(五)", "（五）", "提高基本养老服务供给能力", [
                clause("二.(五).17", "17", TEXT_17.format(T_17_OLD)),
                clause("二.(五).18", "18", TEXT_18.format(T_18A, T_18B_OLD)),
                clause("二.(五).19", "19", TEXT_19.format(T_19A, T_19B_OLD), duty=DUTY_19_OLD),
            ]),
        ]),
        clause("三", "三", "组织保障", [
            clause("三.(一)", "（一）", TEXT_LEAD),
            clause("三.(二)", "（二）", TEXT_PUSH),
            clause("三.(四)", "（四）", TEXT_CONSENSUS),
        ]),
    ]
    meta = Metadata(title="友谊县关于推进基本养老服务体系建设的实施方案（征求意见稿）", issuer="友谊县人民政府办公室",
                    date="2024-06-01", status="draft", level="county")
    return Document(metadata=meta, clauses=clauses, text="", source="youyi-draft.txt")


def final_document() -> Document:
    """The 正式稿 side: edits, a split, a removal, an addition and a move."""
    clauses = [
        clause("一", "一", TEXT_GENERAL),
        clause("二", "二", "重点工作", [
            clause("二.(一)", "（一）", "完善落实基本养老服务清单", [
                clause("二.(一).1", "1", TEXT_1_NEW),
                clause("二.(一).2", "2", TEXT_2),
                clause("二.(一).3", "3", TEXT_3),
            ]),
            clause("二.(二)", "（二）", "建立服务主动响应机制", [
                clause("二.(二).4", "4", TEXT_4_NEW, duty=DUTY_4_NEW),
                clause("二.(二).5", "5", TEXT_5_NEW),
                clause("二.(二).6", "6", TEXT_6_NEW),
            ]),
            clause("二.(三)", "（三）", "完善服务保障机制", [
                clause("二.(三).7", "7", TEXT_PRIORITY),
            ]),
            clause("二.(五)", "（五）", "提高基本养老服务供给能力", [
                clause("二.(五).17", "17", TEXT_17.format(T_17_NEW)),
                clause("二.(五).18", "18", TEXT_18.format(T_18A, T_18B_NEW)),
                clause("二.(五).19", "19", TEXT_19.format(T_19A, T_19B_NEW), duty=DUTY_19_NEW),
            ]),
            clause("二.(六)", "（六）", "提升基本养老服务便利化可及化水平", [
                clause("二.(六).22", "22", TEXT_22),
            ]),
        ]),
        clause("三", "三", "组织保障", [
            clause("三.(一)", "（一）", TEXT_PUSH),
            clause("三.(二)", "（二）", TEXT_CONSENSUS),
            clause("三.(三)", "（三）", TEXT_LEAD_NEW),
        ]),
    ]
    meta = Metadata(title="友谊县关于推进基本养老服务体系建设的实施方案", issuer="友谊县人民政府办公室",
                    date="2024-09-20", number="友政办规〔2024〕5号", status="final", level="county")
    return Document(metadata=meta, clauses=clauses, text="", source="youyi-final.txt")


def change(kind, old, new, old_doc, new_doc, similarity=None, rule="", responsibility=()):
    def text(doc, ids):
        if ids is None:
            return None
        ids = [ids] if isinstance(ids, str) else ids
        return "".join(doc.clause(i).text for i in ids)
    return ClauseChange(change=kind, old=old, new=new, similarity=similarity, old_text=text(old_doc, old),
                        new_text=text(new_doc, new), rule=rule, responsibility=list(responsibility))


def version_targets() -> list[TargetChange]:
    return [
        TargetChange("tightened",
                     target("二.(五).17", "护理型床位占比", ">=", 55, "%", "2025-12-31", T_17_OLD),
                     target("二.(五).17", "护理型床位占比", ">=", 60, "%", "2025-12-31", T_17_NEW),
                     ["数值 55% → 60%：≥ 类指标越高越严"]),
        TargetChange("loosened",
                     target("二.(五).18", "二级以上县级公办养老机构占比", ">=", 50, "%", "2025-12-31", T_18B_OLD),
                     target("二.(五).18", "二级以上县级公办养老机构占比", ">=", 40, "%", "2025-12-31", T_18B_NEW),
                     ["数值 50% → 40%：≥ 类指标越低越松"]),
        TargetChange("unchanged",
                     target("二.(五).18", "县级特困人员供养服务机构", ">=", 1, "所", "2025-12-31", T_18A),
                     target("二.(五).18", "县级特困人员供养服务机构", ">=", 1, "所", "2025-12-31", T_18A), []),
        TargetChange("unchanged",
                     target("二.(五).19", "新建住宅小区养老服务用房", "range", 20, "平方米", None, T_19A,
                            value_max=30, per="每百户"),
                     target("二.(五).19", "新建住宅小区养老服务用房", "range", 20, "平方米", None, T_19A,
                            value_max=30, per="每百户"), []),
        TargetChange("changed",
                     target("二.(五).19", "已建成小区养老服务用房", "range", 15, "平方米", None, T_19B_OLD,
                            value_max=20, per="每百户"),
                     target("二.(五).19", "已建成小区养老服务用房", "range", 15, "平方米（建筑面积）", None, T_19B_NEW,
                            value_max=20, per="每百户"),
                     ["单位 平方米 → 平方米（建筑面积）：无法判断方向"]),
        TargetChange("dropped",
                     target("二.(三).7", "养老服务补助资金", ">=", 1000000, "元", None, T_POLICY, per="每年"),
                     None, ["正式稿中没有对应指标"]),
        TargetChange("added", None,
                     target("二.(六).22", "居家适老化改造", ">=", 200, "户", "2026-12-31", T_22),
                     ["征求意见稿中没有对应指标"]),
        TargetChange("mixed",
                     target("二.(一).1", None, None, None, None, "2025-12-31", T_1_OLD, modality="strive",
                            kind="deadline"),
                     target("二.(一).1", None, None, None, None, "2026-12-31", T_1_NEW, modality="must",
                            kind="deadline"),
                     ["期限 2025-12-31 → 2026-12-31：推迟", "措辞 基本 → 全面：由力争改为必须"]),
    ]


def version_result() -> tuple[DiffResult, Document, Document]:
    """征求意见稿 → 正式稿 of the 友谊县 plan, every clause and target label represented."""
    old, new = draft_document(), final_document()

    def c(kind, o, n, sim=None, **kw):
        return change(kind, o, n, old, new, sim, **kw)

    clauses = [
        c("unchanged", "一", "一", 1.0), c("unchanged", "二", "二", 1.0), c("unchanged", "二.(一)", "二.(一)", 1.0),
        c("modified", "二.(一).1", "二.(一).1", 0.95), c("unchanged", "二.(一).2", "二.(一).2", 1.0),
        c("unchanged", "二.(一).3", "二.(一).3", 1.0), c("unchanged", "二.(二)", "二.(二)", 1.0),
        c("modified", "二.(二).4", "二.(二).4", 0.88, responsibility=["增加 县卫健局"]),
        c("split", "二.(二).5", ["二.(二).5", "二.(二).6"], 0.9),
        c("unchanged", "二.(三)", "二.(三)", 1.0), c("removed", "二.(三).7", None),
        c("unchanged", "二.(三).8", "二.(三).7", 1.0), c("unchanged", "二.(五)", "二.(五)", 1.0),
        c("modified", "二.(五).17", "二.(五).17", 0.98), c("modified", "二.(五).18", "二.(五).18", 0.98),
        c("modified", "二.(五).19", "二.(五).19", 0.97, responsibility=["完成时限 2025年基本建成 → 2026年基本建成"]),
        c("added", None, "二.(六)"), c("added", None, "二.(六).22"),
        c("unchanged", "三", "三", 1.0), c("unchanged", "三.(二)", "三.(一)", 1.0),
        c("unchanged", "三.(四)", "三.(二)", 1.0), c("moved", "三.(一)", "三.(三)", 0.9, rule="move"),
    ]
    targets = version_targets()
    result = DiffResult(mode="version", old=DocRef(old.metadata.title, "youyi@1", old.metadata),
                        new=DocRef(new.metadata.title, "youyi@2", new.metadata), clauses=clauses, targets=targets,
                        summary=summary(targets))
    return result, old, new


def parent_result() -> tuple[DiffResult, Document, Document]:
    """黑龙江省若干措施 (parent) held against the 友谊县 plan (implementing)."""
    t_prov_bed = "到2029年年底，全省养老机构护理型床位占比达到75%以上"
    t_prov_family = "到2027年年底，全省建设家庭养老床位2万张左右"
    prov = Document(
        metadata=Metadata(title="黑龙江省深化养老服务改革发展的若干措施", issuer="黑龙江省老龄工作委员会",
                          date="2025-04-02", status="final", level="province"),
        clauses=[clause("三", "三", "强化养老服务供给", [
            clause("三.(六)", "（六）", "提升养老机构照护能力。" + t_prov_bed + "。"),
            clause("三.(七)", "（七）", "发展家庭养老床位。" + t_prov_family + "。"),
        ])], text="", source="heilongjiang.txt")
    county = final_document()
    clauses = [
        change("modified", "三.(六)", "二.(五).17", prov, county, 0.41, rule="content"),
        change("removed", "三.(七)", None, prov, county),
    ]
    targets = [
        TargetChange("mixed",
                     target("三.(六)", "护理型床位占比", ">=", 75, "%", "2029-12-31", t_prov_bed, scope="全省养老机构"),
                     target("二.(五).17", "护理型床位占比", ">=", 60, "%", "2025-12-31", T_17_NEW),
                     ["数值 75% → 60%：低于上级", "期限 2029-12-31 → 2025-12-31：早于上级"]),
        TargetChange("dropped",
                     target("三.(七)", "家庭养老床位", "~", 20000, "张", "2027-12-31", t_prov_family, scope="全省"),
                     None, ["本级文件没有对应指标"]),
    ]
    result = DiffResult(mode="parent", old=DocRef(prov.metadata.title, "heilongjiang@1", prov.metadata),
                        new=DocRef(county.metadata.title, "youyi@2", county.metadata), clauses=clauses,
                        targets=targets, summary=summary(targets))
    return result, prov, county


def hostile_result() -> tuple[DiffResult, Document, Document]:
    """A diff whose document text, metadata, ids and reasons all carry markup and script."""
    result, old, new = version_result()
    evil = f"{HOSTILE_SCRIPT}{HOSTILE_IMG}{HOSTILE_LINK}{HOSTILE_CSS}{HOSTILE_MD}"
    new = replace(new, metadata=replace(new.metadata, title="</title><script>document.title='pwned'</script>友谊县方案",
                                        issuer=HOSTILE_IMG))
    old = replace(old, metadata=replace(old.metadata, number=HOSTILE_LINK))
    new = with_clause_text(new, "二.(五).17", new.clause("二.(五).17").text + evil)
    old = with_clause_text(old, "二.(三).7", HOSTILE_CSS + old.clause("二.(三).7").text)
    clauses, targets = list(result.clauses), list(result.targets)
    clauses[13] = replace(clauses[13], new_text=new.clause("二.(五).17").text)
    clauses[7] = replace(clauses[7], responsibility=[*clauses[7].responsibility, HOSTILE_SCRIPT])
    targets[0] = replace(targets[0], new=replace(targets[0].new, indicator="<b onmouseover=alert(7)>护理型床位占比</b>"),
                         reasons=[*targets[0].reasons, HOSTILE_IMG])
    result = replace(result, clauses=clauses, targets=targets, old=replace(result.old, metadata=old.metadata),
                     new=DocRef(new.metadata.title, "javascript:alert(8)", new.metadata))
    return result, old, new


def with_clause_text(doc: Document, clause_id: str, text: str) -> Document:
    """The document with one clause's text replaced (the tree is rebuilt: its dataclasses are frozen)."""
    def rebuild(clause):
        clause = replace(clause, children=[rebuild(child) for child in clause.children])
        return replace(clause, text=text) if clause.id == clause_id else clause

    return replace(doc, clauses=[rebuild(c) for c in doc.clauses])


# --------------------------------------------------------------- the fixtures' own checks


def test_version_fixture_represents_every_target_label_once_or_more():
    result, _, _ = version_result()
    assert all(result.summary[label] >= 1 for label in TARGET_LABELS)


def test_fixture_summaries_match_their_targets():
    for build in (version_result, parent_result, hostile_result):
        result, _, _ = build()
        assert result.summary == summary(result.targets)


def test_fixture_clause_ids_exist_in_their_documents():
    for build in (version_result, parent_result):
        result, old, new = build()
        for ch in result.clauses:
            for cid in ([ch.old] if isinstance(ch.old, str) else ch.old or []):
                assert old.clause(cid) is not None, cid
            for cid in ([ch.new] if isinstance(ch.new, str) else ch.new or []):
                assert new.clause(cid) is not None, cid
