"""The second, blind batch: written after the first round of extractor changes and committed before
the extractor was run on it."""
import json, sys

def Q(cmp, value, unit, ind, scope, text, per=None, dl=None, mod="must", vmax=None, note=None, clause=None):
    d = {"clause": clause, "kind": "quantity", "indicator": ind, "scope": scope, "comparator": cmp, "value": value,
         "value_max": vmax, "unit": unit, "per": per, "deadline": dl, "modality": mod, "text": text}
    if note: d["note"] = note
    return d

def D(dl, ind, text, scope=None, mod="must", note=None, clause=None):
    d = {"clause": clause, "kind": "deadline", "indicator": ind, "scope": scope, "comparator": None, "value": None,
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

case("到2025年，老年人失能预防干预覆盖率比2020年提高5个百分点。",
     Q("=", 5, "百分点", "老年人失能预防干预覆盖率提高幅度", None, "到2025年，老年人失能预防干预覆盖率比2020年提高5个百分点", dl=Y(2025)))
case("新建养老机构护理型床位不少于总床位数的60%。",
     Q(">=", 60, "%", "护理型床位占总床位数比例", "新建养老机构", "新建养老机构护理型床位不少于总床位数的60%"))
case("至2026年底，全市建成区域性养老服务中心40个。",
     Q("=", 40, "个", "区域性养老服务中心", "全市", "至2026年底，全市建成区域性养老服务中心40个", dl=Y(2026)))
case("2025年前，各地要完成特困供养服务设施消防改造。",
     D(Y(2025), "特困供养服务设施消防改造", "2025年前，各地要完成特困供养服务设施消防改造", scope="各地",
       note="2025年前 read like 2025年底前."))
case("用3年时间，全面完成农村敬老院提档升级。",
     note="用3年时间 is a work period, not a dated deadline nor a limit set on anyone.")
case("高龄津贴标准每人每月不低于50元，并逐年提高。",
     Q(">=", 50, "元", "高龄津贴标准", None, "高龄津贴标准每人每月不低于50元", per="每人每月"))
case("养老服务补贴标准按照每人每年1200元至2400元分档发放。",
     Q("range", 1200, "元", "养老服务补贴标准", None, "每人每年1200元至2400元", per="每人每年", vmax=2400))
case("运营补贴期限为3至5年。",
     Q("range", 3, "年", "运营补贴期限", None, "运营补贴期限为3至5年", vmax=5))
case("民政部门应当在收到申请之日起5个工作日内完成备案。",
     Q("<=", 5, "工作日", "备案办理时限", "民政部门", "在收到申请之日起5个工作日内完成备案"))
case("全省养老床位总数增至两万张以上。",
     Q(">=", 20000, "张", "养老床位总数", "全省", "全省养老床位总数增至两万张以上"))
case("到2027年，建成“一刻钟”居家养老服务圈，社区养老服务设施覆盖率达到100%。",
     Q("=", 100, "%", "社区养老服务设施覆盖率", None, "社区养老服务设施覆盖率达到100%", dl=Y(2027),
       note="The date governs the number of its sentence; 建成“一刻钟”圈 is not recorded again."))
case("截至2023年底，全县累计发放高龄津贴1860万元，惠及老年人1.2万人。", issued="2024-05-01", note="Background.")
case("到2025年，全县累计建成农村互助幸福院120个。",
     Q("=", 120, "个", "农村互助幸福院", "全县", "到2025年，全县累计建成农村互助幸福院120个", dl=Y(2025),
       note="累计 under a deadline: a cumulative target."))
case("养老服务人才培训每年不少于2000人次。",
     Q(">=", 2000, "人次", "养老服务人才培训", None, "养老服务人才培训每年不少于2000人次", per="每年"))
case("70周岁以上老年人免费乘坐市内公共交通。", note="A benefit keyed to an age with no amount: not recorded.")
case("第二十六条　养老机构应当按照不低于1:10的比例配备护理人员。",
     clause="第二十六条", note="A ratio has no unit of the contract; not recorded (as in the first batch).")
case("第十二条　县级以上人民政府应当将养老服务经费列入本级财政预算。", clause="第十二条",
     note="县级以上 defines a level of government.")
case("省级安排专项资金8.5亿元，其中用于农村养老服务的不低于40%。",
     Q("=", 850000000, "元", "专项资金", "省级", "省级安排专项资金8.5亿元"),
     Q(">=", 40, "%", "用于农村养老服务的比例", None, "其中用于农村养老服务的不低于40%"))
case("社区居家养老服务用房按照每百户不少于30平方米的标准配建。",
     Q(">=", 30, "平方米", "社区居家养老服务用房", None, "每百户不少于30平方米", per="每百户"))
case("力争到2030年，老年人满意度达到90%左右。",
     Q("~", 90, "%", "老年人满意度", None, "力争到2030年，老年人满意度达到90%左右", dl=Y(2030), mod="strive"))
case("全市养老机构平均入住率由2023年的45%提升至2025年的60%。",
     Q("=", 60, "%", "平均入住率", "全市养老机构", "提升至2025年的60%", dl=Y(2025)))
case("鼓励有条件的地方将高龄津贴发放范围扩大到75周岁以上老年人。",
     note="An age defines the group; no amount.")
case("每个街道至少建成1个综合养老服务中心，每个社区至少建成1个养老服务站。",
     Q(">=", 1, "个", "综合养老服务中心", None, "每个街道至少建成1个综合养老服务中心", per="每个街道"),
     Q(">=", 1, "个", "养老服务站", None, "每个社区至少建成1个养老服务站", per="每个社区"))
case("2024年，全市计划完成适老化改造1500户。",
     Q("=", 1500, "户", "适老化改造", "全市", "2024年，全市计划完成适老化改造1500户", dl=Y(2024)), issued="2024-02-01")
case("对入住的失能老年人，护理补贴每人每月提高至300元。",
     Q("=", 300, "元", "护理补贴", "入住的失能老年人", "护理补贴每人每月提高至300元", per="每人每月"))
case("养老机构消防设施完好率保持在100%。",
     Q("=", 100, "%", "消防设施完好率", "养老机构", "养老机构消防设施完好率保持在100%"))
case("全区养老服务机构从业人员中，大专以上学历人员占比不低于30%。",
     Q(">=", 30, "%", "大专以上学历人员占比", "全区养老服务机构从业人员", "大专以上学历人员占比不低于30%",
       note="大专以上 defines whom the share counts."))
case("到2025年，全省养老服务床位总量稳定在25万张左右，护理型床位占比提高到60%以上。",
     Q("~", 250000, "张", "养老服务床位总量", "全省", "到2025年，全省养老服务床位总量稳定在25万张左右", dl=Y(2025)),
     Q(">=", 60, "%", "护理型床位占比", None, "护理型床位占比提高到60%以上", dl=Y(2025)))
case("各地原则上每年组织1次养老机构服务质量评估。",
     Q("=", 1, "次", "养老机构服务质量评估", "各地", "原则上每年组织1次养老机构服务质量评估", per="每年", mod="strive"))
case("支持每个县（市、区）建设1家县级失能照护中心。",
     Q("=", 1, "家", "县级失能照护中心", None, "支持每个县（市、区）建设1家县级失能照护中心", per="每个县（市、区）", mod="encourage"))
case("| 指标 | 2022年 | 2025年 | 属性 |\n| 养老机构护理型床位占比（%） | 48 | ≥55 | 约束性 |\n| 社区养老服务设施覆盖率（%） | 85 | 100 | 预期性 |",
     Q(">=", 55, "%", "养老机构护理型床位占比", None, "养老机构护理型床位占比（%） | 48 | ≥55", dl=Y(2025)),
     Q("=", 100, "%", "社区养老服务设施覆盖率", None, "社区养老服务设施覆盖率（%） | 85 | 100", dl=Y(2025), mod="strive"))
case("全市现有养老机构89家，其中公办养老机构36家。", note="Background.")

for c in cases:
    for t in c["targets"]:
        if t["text"] not in c["text"]:
            sys.exit(f"not in case: {t['text']} / {c['text']}")
with open("/work/main/benchmarks/heldout/sentences-blind.jsonl", "w", encoding="utf-8") as f:
    for c in cases:
        f.write(json.dumps(c, ensure_ascii=False) + "\n")
print(len(cases), sum(len(c["targets"]) for c in cases))
