"""The third, blind batch: written before the whitespace, threshold, 力争 and completion-line changes of
decision 0202 were run on it, and committed before the extractor was run on it. It covers layout (spaces a
drafter left inside words, line breaks after a comma or a heading) beside ordinary sentences, so a fit to
one form shows."""
import json, sys

def Q(cmp, value, unit, ind, scope, text, per=None, dl=None, mod="must", vmax=None, note=None):
    d = {"clause": None, "kind": "quantity", "indicator": ind, "scope": scope, "comparator": cmp, "value": value,
         "value_max": vmax, "unit": unit, "per": per, "deadline": dl, "modality": mod, "text": text}
    if note: d["note"] = note
    return d

def D(dl, ind, text, scope=None, mod="must", note=None):
    d = {"clause": None, "kind": "deadline", "indicator": ind, "scope": scope, "comparator": None, "value": None,
         "value_max": None, "unit": None, "per": None, "deadline": dl, "modality": mod, "text": text}
    if note: d["note"] = note
    return d

Y = lambda y, md="12-31": f"{y}-{md}"

cases = []
def case(text, *targets, clause="x", issued=None, note=None):
    for t in targets: t["clause"] = clause
    c = {"text": text, "clause": clause, "targets": list(targets)}
    if issued: c["issued"] = issued
    if note: c["note"] = note
    cases.append(c)

case("各县（市、区）要按照每千名 老年人不少于1名的标准配备社会工作者。",
     Q(">=", 1, "人", "社会工作者配备标准", "各县（市、区）", "每千名 老年人不少于1名", per="每千名老年人"))
case("城乡居民基础养老金最低标准每人每 月提高到不 低于150元。",
     Q(">=", 150, "元", "城乡居民基础养老金最低标准", None, "城乡居民基础养老金最低标准每人每 月提高到不 低于150元",
       per="每人每月"))
case("新建城区和新建住宅区按照每百户不低于30平方米的标准配套建设养老服务设施，\n并与住宅同步规划、同步建设、同步验收、同步交付。",
     Q(">=", 30, "平方米", "养老服务设施面积", "新建城区和新建住宅区", "按照每百户不低于30平方米的标准配套建设养老服务设施",
       per="每百户"))
case("到2026年底，\n全县建成村级互助养老服务点50个以上。",
     Q(">=", 50, "个", "村级互助养老服务点", "全县", "到2026年底，\n全县建成村级互助养老服务点50个以上", dl=Y(2026)))
case("2027年底前，\n实现县级特困人员供养服务机构全覆盖。",
     D(Y(2027), "县级特困人员供养服务机构全覆盖", "2027年底前，\n实现县级特困人员供养服务机构全覆盖",
       note="全覆盖 with no rate, dated: a deadline target."))
case("乡镇区域养老服务中心按照服务常住老年人口5000人以上的规模设置。",
     Q(">=", 5000, "人", "乡镇区域养老服务中心服务规模", None, "按照服务常住老年人口5000人以上的规模设置",
       note="5000人以上 is the size the centre must serve (…的规模), not a group."))
case("对入住率达到60%以上的养老机构给予运营补贴。",
     note="60%以上的养老机构 defines which institutions get the subsidy: no target.")
case("对收住失能老年人占比30%以上的养老机构，按每张床位每月200元给予运营补贴。",
     Q("=", 200, "元", "运营补贴", None, "按每张床位每月200元给予运营补贴", per="每张床位每月",
       note="30%以上的养老机构 only defines the group."))
case("力争推动全市养老机构消防设施达标率达到100%。",
     Q("=", 100, "%", "消防设施达标率", "全市养老机构", "力争推动全市养老机构消防设施达标率达到100%", mod="strive"))
case("争取到2028年，街道综合养老服务中心覆盖率达到80%以上。",
     Q(">=", 80, "%", "街道综合养老服务中心覆盖率", None, "争取到2028年，街道综合养老服务中心覆盖率达到80%以上",
       dl=Y(2028), mod="strive"))
case("到2027年，力争农村互助养老服务设施覆盖率达到60%，确保特困人员集中供养率不低于40%。",
     Q("=", 60, "%", "农村互助养老服务设施覆盖率", None, "力争农村互助养老服务设施覆盖率达到60%", dl=Y(2027), mod="strive"),
     Q(">=", 40, "%", "特困人员集中供养率", None, "确保特困人员集中供养率不低于40%", dl=Y(2027),
       note="确保 stands closer to the number than 力争; the fronted date governs both."))
case("原则上每个社区配备不少于2名专职养老服务人员。",
     Q(">=", 2, "人", "专职养老服务人员", None, "原则上每个社区配备不少于2名专职养老服务人员", per="每个社区", mod="strive"))
case("鼓励有条件的地区将高龄津贴发放范围扩大到75周岁以上老年人。", note="An age: no target.")
case("全省二级以上综合医院设立老年医学科的比例达到60%以上。",
     Q(">=", 60, "%", "设立老年医学科的比例", "全省二级以上综合医院", "全省二级以上综合医院设立老年医学科的比例达到60%以上"))
case("养老护理员岗位津贴每人每月 不少于200元，所需资金由县级财政承担。",
     Q(">=", 200, "元", "养老护理员岗位津贴", None, "养老护理员岗位津贴每人每月 不少于200元", per="每人每月"))
case("床位数在100张以上的养老机构应当设置医务室。", note="100张以上的养老机构 defines a group: no target.")
case("到2025年底，城市新建居住区配套养老服务设施达标率达到100%；老旧小区通过购置、置换、租赁等方式补齐，基本达到每百户不少于15平方米。",
     Q("=", 100, "%", "配套养老服务设施达标率", "城市新建居住区", "到2025年底，城市新建居住区配套养老服务设施达标率达到100%",
       dl=Y(2025)),
     Q(">=", 15, "平方米", "老旧小区养老服务设施面积", "老旧小区", "基本达到每百户不少于15平方米", per="每百户",
       dl=Y(2025), mod="strive", note="The fronted date governs the whole sentence across ；. 基本达到 → strive."))
case("〔责任单位：县民政局、县财政局；完成时限：2026年6月底前〕",
     D(Y(2026, "06-30"), "完成时限", "完成时限：2026年6月底前",
       note="A dated completion line counts even with no verb of its own; 6月底 → 06-30."))
case("每个街道至少建有1个综合性养老服务中心，到2026年底前实现街道全覆盖。",
     Q(">=", 1, "个", "综合性养老服务中心", None, "每个街道至少建有1个综合性养老服务中心", per="每个街道", dl=Y(2026)))
case("全市养老服务人才培训每年不少于500人次。",
     Q(">=", 500, "人次", "养老服务人才培训", "全市", "全市养老服务人才培训每年不少于500人次", per="每年"))
case("对符合条件的养老机构，按照每张床位1万元的标准给予一次性建设补贴，最高不超过200万元。",
     Q("=", 10000, "元", "建设补贴标准", None, "按照每张床位1万元的标准给予一次性建设补贴", per="每张床位"),
     Q("<=", 2000000, "元", "建设补贴", None, "最高不超过200万元"))
case("全县老年人助餐服务覆盖率达到50% 左右。",
     Q("~", 50, "%", "老年人助餐服务覆盖率", "全县", "全县老年人助餐服务覆盖率达到50% 左右"))
case("2025年，全市将建成老年大学分校20所。",
     Q("=", 20, "所", "老年大学分校", "全市", "2025年，全市将建成老年大学分校20所", dl=Y(2025)))
case("要确保2025年底前每个县至少有1所以失能照护为主的县级供养机构。",
     Q(">=", 1, "所", "以失能照护为主的县级供养机构", None, "要确保2025年底前每个县至少有1所以失能照护为主的县级供养机构",
       per="每个县", dl=Y(2025)))
case("提升农村养老服务能力\n到2027年，农村养老服务设施覆盖率达到70%以上。",
     Q(">=", 70, "%", "农村养老服务设施覆盖率", None, "到2027年，农村养老服务设施覆盖率达到70%以上", dl=Y(2027)),
     note="A heading line, then the sentence.")
case("城市居家社区养老服务覆盖率已达到90%，要进一步巩固提升。", note="已达到: a report, no target.")
case("到2030年，每千名老年人拥有 养老床位数达到 35张以上。",
     Q(">=", 35, "张", "养老床位数", None, "到2030年，每千名老年人拥有 养老床位数达到 35张以上", per="每千名老年人",
       dl=Y(2030)))
case("各地要在2026年年 底前完成困难失能老年人家庭适老化改造。",
     D(Y(2026), "困难失能老年人家庭适老化改造", "在2026年年 底前完成困难失能老年人家庭适老化改造", scope="各地"))

for c in cases:
    for t in c["targets"]:
        if t["text"] not in c["text"]:
            sys.exit(f"not in case: {t['text']} / {c['text']}")
with open("/work/main/benchmarks/heldout/sentences-blind2.jsonl", "w", encoding="utf-8") as f:
    for c in cases:
        f.write(json.dumps(c, ensure_ascii=False) + "\n")
print(len(cases), sum(len(c["targets"]) for c in cases))
