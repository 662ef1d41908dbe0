"""Cue words of target extraction, as data.

Every table below says in words what a phrase means in a Chinese policy text,
so a reviewer can check the list against their own reading; the code in
``extract.py`` only looks phrases up here. Longer phrases are listed before the
shorter ones they contain (不低于 before 低于) because the regexes built from
these tables try alternatives in order.
"""
from __future__ import annotations

# ------------------------------------------------------------------ units

#: Measure words and units a target can be counted in, with the unit the JSON
#: contract writes. Order matters: longer first.
UNITS: tuple[tuple[str, str], ...] = (
    ("个百分点", "百分点"), ("百分点", "百分点"),
    ("个工作日", "工作日"), ("个月", "个月"),
    ("平方米", "平方米"), ("平米", "平方米"), ("平方公里", "平方公里"), ("公里", "公里"), ("千米", "公里"),
    ("微克/立方米", "微克/立方米"), ("毫克/立方米", "毫克/立方米"),
    ("人次", "人次"), ("学时", "学时"), ("课时", "课时"), ("场次", "场"), ("公斤", "公斤"), ("星级", "星级"), ("周岁", "周岁"), ("岁", "岁"),
    ("%", "%"), ("‰", "‰"), ("‱", "‱"),
    ("个", "个"), ("家", "家"), ("所", "所"), ("处", "处"), ("张", "张"), ("名", "人"), ("人", "人"),
    ("户", "户"), ("元", "元"), ("次", "次"), ("项", "项"), ("间", "间"), ("套", "套"), ("辆", "辆"),
    ("支", "支"), ("座", "座"), ("亩", "亩"), ("倍", "倍"), ("米", "米"), ("场", "场"), ("吨", "吨"), ("斤", "斤"), ("部", "部"),
    ("小时", "小时"), ("分钟", "分钟"), ("天", "天"), ("年", "年"), ("周", "周"),
)

#: Units that only make sense after Arabic digits: after a Chinese numeral they
#: are part of ordinary words (一支队伍, 一周, 一米阳光).
ARABIC_ONLY_UNITS = frozenset({"支", "座", "米", "周", "间", "套", "辆", "亩", "倍", "天", "场", "吨", "斤", "部"})

#: A unit character that here begins a longer word is no unit: 加装电梯80部 counts
#: lifts, but 会同5部门 / 3部委 name bodies.
UNIT_WORD_CONTINUATIONS: dict[str, str] = {"部": "门委署分队位件"}

#: Durations: a number of years/hours is a target only as a limit (5年内,
#: 不超过3个月); otherwise it names a plan (三年行动) or a circle (15分钟生活圈).
DURATION_UNITS = frozenset({"年", "个月", "天", "小时", "分钟", "周", "工作日"})
DURATION_LIMIT_AFTER = ("以内", "之内", "内")
DURATION_LIMIT_BEFORE = ("不得超过", "不超过", "最长", "最多", "不少于", "不得少于", "不低于", "不得低于", "不短于", "至少", "为期", "满",
                         "期限为")

#: Ages only ever define a group of people (65周岁及以上老年人): never a target.
AGE_UNITS = frozenset({"周岁", "岁"})

#: Units that, as "X以上/以下 + noun", define which things are meant
#: (四星级以上民办养老机构, 建筑面积1000平方米以下独栋建筑) rather than set a
#: requirement. They are targets only right after a requirement verb
#: (全部达到二星级以上).
DEFINING_UNITS = frozenset({"星级", "平方米", "米", "公里", "平方公里"})
REQUIREMENT_VERBS = ("全部达到", "均达到", "达到", "不低于", "不少于", "至少", "达", "为", "覆盖", "惠及", "占")

#: "X以上的 / X以下的 + noun": the noun says what the threshold is. A noun naming a
#: standard or a size makes the number the requirement itself (按照常住老年人口1万人
#: 以上的标准设置, 5000人以上的规模); a noun naming people, bodies or places makes it
#: the line that picks out a group (80周岁以上的老年人, 床位100张以上的机构, 入住率
#: 达到60%以上的养老机构), even after a requirement verb, unless a verb of service
#: takes that group as its object (覆盖80%以上的老年人: the reach is the target).
#: A noun in neither list keeps the default: "X以上的 + noun" defines a group.
THRESHOLD_STANDARD_NOUNS = ("标准", "要求", "规模", "水平", "目标", "幅度")
THRESHOLD_GROUP_NOUNS = (
    "老年人", "老人", "人员", "居民", "人口", "对象", "家庭", "机构", "医院", "企业", "单位", "组织", "社区", "小区",
    "村", "乡镇", "街道", "地区", "县", "项目", "设施",
)
#: Up to this many characters of modifier may stand between 的 and the noun (60%以上的优质民办养老机构).
THRESHOLD_NOUN_GAP = 6

#: Grades: a grade is a target only right after a requirement verb (全部达到二星级
#: 以上); anywhere else it names a class (对获评四星级、五星级的养老机构).
GRADE_UNITS = frozenset({"星级"})
#: Rating verbs: a grade after them says how a thing was rated (新评定为三星级的
#: 养老机构), a class again, even though 为 alone can state a requirement.
GRADE_RATING_VERBS = ("评定为", "认定为", "评为", "获评", "评定", "定为")

#: Fractions written in words, with the unit they are counted in and the
#: factor that turns the written figure into it: 千分之五 → 5 ‰, 三成 → 30 %,
#: 二分之一 → 50 % (the denominator is read from the text).
FRACTION_WORDS: dict[str, tuple[str, int]] = {"百分之": ("%", 1), "千分之": ("‰", 1), "万分之": ("‱", 1)}
#: Words that narrow a base to a part of it (工资 → 基本工资): a base that gains one is another base.
BASE_NARROWING = ("基本",)
#: Shares counted per hundred, thousand and ten thousand, in percent: 千分之一 and 0.1% are one rate.
SHARE_UNITS_IN_PERCENT: dict[str, str] = {"%": "1", "‰": "0.1", "‱": "0.01"}
#: N成 is N tenths (三成 → 30 %) only when a comparator word, a punctuation mark
#: or the end follows: 建成, 形成, 成为 are words of their own.
TENTHS_FOLLOWERS = r"(?=以上|以下|左右|上下|及以上|[，。；、：）)]|$)"
#: Multiples written as words: 翻一番 doubles, 翻两番 quadruples.
MULTIPLE_WORDS: dict[str, int] = {"翻一番": 2, "翻两番": 4, "翻番": 2}

#: Chinese digit words (零/〇 … 十, 两) and the scale words that may follow them (两千, 一万).
NUMERAL_DIGITS = "零〇一二两三四五六七八九十"
NUMERAL_SCALES = "百千万亿"
#: Unit characters after which 2万 is written 20000 when two texts are compared (2万张 ↔ 20000张).
SCALED_UNIT_STARTS = "张人个家户元所处床平方米亩"
#: Unit characters after which a run of Chinese numerals is a quantity when two texts are compared.
NUMERAL_UNIT_STARTS = "%％张家个处所户人元年月日次岁"

#: Scale words after a number: 2万张, 3000万元, 1.5亿元.
MULTIPLIERS: dict[str, int] = {"万亿": 10**12, "千万": 10**7, "百万": 10**6, "十万": 10**5, "万": 10**4, "亿": 10**8}

# ------------------------------------------------------------ comparators

#: Words before the number. Nearest one wins.
COMPARATOR_BEFORE: tuple[tuple[str, str], ...] = (
    ("不得低于", ">="), ("不得少于", ">="), ("不应低于", ">="), ("不应少于", ">="),
    ("不得超过", "<="), ("不得高于", "<="), ("不应超过", "<="), ("不宜超过", "<="), ("不得大于", "<="),
    ("不低于", ">="), ("不少于", ">="), ("不小于", ">="), ("至少", ">="), ("最低", ">="), ("最少", ">="), ("≥", ">="),
    ("不超过", "<="), ("不高于", "<="), ("不大于", "<="), ("不多于", "<="), ("最高", "<="), ("最多", "<="),
    ("最长", "<="), ("控制在", "<="), ("≤", "<="),
    ("超过", ">"), ("高于", ">"), ("多于", ">"), ("大于", ">"), (">", ">"),
    ("低于", "<"), ("少于", "<"), ("小于", "<"), ("<", "<"),
    ("大约", "~"), ("约", "~"),
)

#: Before-words that count only right before the number (约1万人, 约为30%, 约占): inside a word they
#: are not comparators (签约服务率, 节约, 约束性, 预约). An ASCII > or < is a comparator only when it
#: touches the number (>65%): elsewhere in a scraped sentence it is left-over markup (</script>达到65%).
ADJACENT_ONLY = {"约": r"(?:为|占|有|合)?$", "大约": r"(?:为|占|有|合)?$", ">": r" ?$", "<": r" ?$"}

#: Words right after the number and unit. They override what came before
#: (达到2万张左右 is ~, 至少培育2家以上 is >=).
COMPARATOR_AFTER: tuple[tuple[str, str], ...] = (
    ("及以上", ">="), ("以上", ">="),
    ("及以下", "<="), ("以下", "<="), ("以内", "<="), ("之内", "<="), ("内", "<="),
    ("左右", "~"), ("上下", "~"),
)

#: Separators of a range A至B (each may carry its own unit: 20%至30%).
RANGE_SEPARATORS = ("至", "到", "-", "－", "～", "~", "—", "–", "〜")

# --------------------------------------------------------------- modality

#: Verbs of completion: a degree word (初步 / 基本 / 全面) before one of them says how far the
#: act must go; elsewhere it is part of a noun (基本养老服务, 全面推进 is no completion).
COMPLETION_VERBS: tuple[str, ...] = (
    "建成", "实现", "健全", "形成", "满足", "覆盖", "完成", "达到", "具备", "消除", "解决", "普及", "确立", "定型", "到位",
    "建立",
)
_COMPLETION_AHEAD = "(?=" + "|".join(COMPLETION_VERBS) + ")"

#: Degree of completion, a ranked scale beside modality (docs/decisions/0404): 初步形成 <
#: 基本形成 < 全面形成. An act with no degree word (完成, 建成) is done in full, as 全面: so
#: 完成 → 基本完成 is looser, 基本建成 → 全面建成 stricter, 建成 ↔ 全面建成 the same.
#: (基本 is also a strive cue below; compare does not count the same word twice.)
DEGREE_WORDS: dict[str, int] = {"初步": 1, "基本": 2, "全面": 3}
DEGREE_FULL = 3
DEGREE_RE = "(" + "|".join(DEGREE_WORDS) + ")" + _COMPLETION_AHEAD

#: (phrase, modality). The cue nearest before the target decides; 基本 counts
#: only before a verb of completion, because 基本养老服务 is a noun.
#: Each pattern opens with its literal word (a look-behind comes after it): scanning for
#: them then skips ahead by first character instead of trying every position.
MODALITY_CUES: tuple[tuple[str, str], ...] = (
    ("力争", "strive"), ("争取", "strive"), ("原则上", "strive"), ("预期性", "strive"), ("努力", "strive"),
    (r"基本(?=建成|实现|健全|形成|满足|覆盖|完成|达到|具备|消除|解决|普及|确立|定型|到位)", "strive"),
    ("鼓励", "encourage"), ("支持", "encourage"), ("探索", "encourage"), ("有条件的", "encourage"),
    ("有条件地", "encourage"), ("有条件", "encourage"),
    ("确保", "must"), ("必须", "must"), ("应当", "must"), ("约束性", "must"), ("推动", "must"),
    (r"要(?<![需重主必只]要)(?![求素点件闻])", "must"), (r"应(?<![相适供反效]应)(?![用对急变])", "must"),
    (r"须(?<![必无]须)", "must"),
)

#: A modal word right before one of these verbs is an adverb of that predicate
#: (县域内就诊率力争达到90%以上): its subject stands before it, and its scope ends
#: with its phrase, so a later phrase with its own subject and verb (，基层…占比达到60%)
#: keeps its own modality. A modal word fronted before a subject or a date
#: (力争到2025年，A…，B…) still governs every phrase after it.
MODAL_PREDICATE_VERBS = REQUIREMENT_VERBS + (
    "提高到", "提高至", "提升到", "提升至", "保持在", "稳定在", "控制在", "降低到", "降至", "超过", "实现", "建成", "完成",
)

#: Cues that are verbs first: 推动 states a plain commitment (must), but a modal word
#: before it in the same window governs it and what it drives (力争推动…覆盖率达到100% is
#: strive); a modal word between it and the number (推动…，要确保…) is nearer anyway.
VERB_MODALITY_CUES = frozenset({"推动"})

#: Permission words: a target in a clause that only grants a possibility
#: (可在5年内…) takes its modality from an 鼓励/支持 earlier in the sentence.
PERMISSION_WORDS = ("可以", "可")

# ------------------------------------------------------------- per phrase

#: Explicit denominators. ``每个`` phrases end at a place or body noun.
PER_PATTERNS: tuple[str, ...] = (
    r"(?:每(?:人次|人|户|年|月|季度|季|日|天|周|餐|张床位|床位|张床|床|平方米|次|家))+",
    r"每(?:名|位)[\u4e00-\u9fff]{0,6}?(?:员|者|师|生|士|工|老年人|老人)",
    r"每[十百千万\d]+(?:名|位|个)?(?:老年人|老人|常住人口|户籍人口|人口|居民|户|人|张床位|床位)",
    r"每一?个(?:[^\s，。；：、\d（(□]|[（(][^）)]{0,8}[）)]){0,14}(?:街道|乡镇|社区|村|中心|站点|站|机构|小区|县|市|区|"
    r"单位|企业|医院|学校|项目|村庄|园区|乡|镇|托位|床位|岗位|班级|班)(?:[（(][^）)]{0,8}[）)])?",
    r"每(?:村|乡镇|社区|街道|县|小区|所|家)(?!级)",
    r"人均|户均|床均|年均",
)

# ------------------------------------------------------------ not targets

#: Set phrases whose numeral is not a quantity (一张网, 一家一策, 一次性补贴).
NOT_QUANTITY_PHRASES: tuple[str, ...] = (
    r"一张(?:网|图|蓝图|床)", r"一(?:家|户|人|院|村|企|县|镇)一(?:策|档|案|品|码|卡|员|票)", r"一次性",
    r"一个窗口", r"一站式", r"一刻钟", r"一件事", r"一条龙", r"一揽子", r"一盘棋", r"一门式", r"一网",
    r"一老一小", r"一人(?:有限责任)?公司", r"两个(?:确立|维护)", r"三个(?:务必|代表)", r"四个(?:意识|自信)", r"五个(?:必由之路)",
    r"分[一二两三四五六七八九十\d]+(?:年|步|批|阶段)",
    # 每设立一个分支机构，增加保证金20万元: "for each one set up" names what the amount is counted per
    r"每(?:新设立|设立|新设|增设|设)一(?:个|家|所|处)",
)

#: A numeral right after these is an ordinal or a label, not an amount.
ORDINAL_BEFORE = ("第", "每", "前", "近")

#: Background and forecast markers: figures after them describe the past or a
#: prediction, not a commitment (截至2024年底，全省已建成…; 预计到2030年…).
BACKGROUND_SENTENCE_CUES = (
    "截至", "截止", "预计", r"现有(?<![实出体表发呈再展]现有)", "目前", "同比", "比上年", "较上年", "以来",
)
#: 累计 is not a cue by itself: "到2025年累计建成500个" is a target; "已累计" is in BACKGROUND_DONE.
#: 已/已经 + a verb of accomplishment reports what exists (全省已建成500家),
#: unless a requirement word follows (已建成小区要按每百户…标准).
BACKGROUND_DONE = r"已经?(?:建成|完成|达到|实现|有|覆盖|开展|培育|建设|发放|投入|改造|累计|惠及|为)|共有|(?<![实出体表发呈再展])现有(?=[^，。；]{0,12}\d)"
#: A number followed by these is the starting level of a change (从30%提高到55%).
BASELINE_FOLLOWERS = r"(?:的?(?:基础上)?)(?:提高|提升|增加|增长|扩大|下降|降低|减少|上升)(?:到|至)"
BACKGROUND_OVERRIDES = ("要", "应", "须", "确保", "力争", "争取", "不低于", "不少于", "至少", "按")

#: Population statistics describe the place (全市60周岁以上老年人口18.6万人，占总
#: 人口的23.5%): a number whose subject is a population is a target only when a
#: verb of service comes between (服务覆盖辖区常住老年人口1万人左右, 惠及…).
POPULATION_SUBJECT = r"(?:老年|常住|户籍|农村|城镇|城市)?(?:人口|总人口)(?!密度)"
POPULATION_SERVICE_VERBS = ("覆盖", "服务", "惠及", "照护", "帮扶", "救助", "受益", "保障", "签约", "管理", "培训")

# -------------------------------------------------------------- deadlines

#: Years written in numeral characters (二〇二五年): each character is a digit.
CHINESE_DIGITS = {"〇": "0", "零": "0", "○": "0", "Ｏ": "0", "一": "1", "二": "2", "三": "3", "四": "4", "五": "5",
                  "六": "6", "七": "7", "八": "8", "九": "9"}
#: Five-year plan periods and the year each ends: “十四五”期间 / 十四五末 → 2025-12-31.
PLAN_PERIOD_END = {"十一五": 2010, "十二五": 2015, "十三五": 2020, "十四五": 2025, "十五五": 2030, "十六五": 2035}
#: What follows a plan name when it is a period, not a title (“十四五”养老服务体系规划).
PLAN_PERIOD_SUFFIXES = ("期间", "时期末", "时期", "期末", "末期", "末", "内")
#: Of those, the ones naming the whole period rather than its end: a period dates
#: the numbers it governs (“十四五”期间新增2万张) but alone is framing, not a
#: dated commitment (“十四五”时期，重点聚焦…).
PLAN_PERIOD_SPANS = ("期间", "时期", "内")

#: Words before a year that make it a deadline (到2027年, 在2027年年底前).
DEADLINE_PREFIXES = ("到", "至", "在", "于", "力争", "争取", "确保", "计划", "完成时限：", "时限：", "完成时间：")
#: Words before a year that make it history or a forecast, not a deadline.
NOT_DEADLINE_PREFIXES = ("截至", "截止到", "截止", "预计到", "预计")
#: The same, but only right before the year (自2020年起, 与2020年相比).
NOT_DEADLINE_ADJACENT = ("自", "从", "比", "较", "与", "同")
#: Words after a year that make it a starting point, a period or a name.
#: A past act + 的 after the date picks out which things are meant (2000年底前建成的小区,
#: 1960年以前出生的): the date defines a group, it is no deadline.
NOT_DEADLINE_SUFFIXES = ("以来", "起", "开始", "度", "版", "届", "同期",
                         "建成的", "竣工的", "建设的", "出生的", "登记的", "注册的")
#: After a year with no deadline word before it, 的 makes it an attribute
#: (2019年的数据); after 到 it does not (到2025年的目标值).
NOT_DEADLINE_SOFT_SUFFIXES = ("的",)
#: A dated commitment needs an act: a head like "到2025年，重点任务" is a heading.
#: (基本 is no act: it is the noun 基本养老服务 unless a verb of completion follows.)
DEADLINE_ACTIONS = (
    "建成", "建立", "建设", "完成", "实现", "出台", "制定", "印发", "健全", "完善", "形成", "覆盖", "达到", "提升", "提高",
    "降低", "扩大", "推广", "培育", "开展", "落实", "设立", "启动", "转型", "纳入", "普及", "定型", "具备", "满足",
    "享有", "改造", "配备", "消除", "解决", "增强", "优化", "构建", "打造", "推进", "推动", "全面", "确保",
    "力争", "争取", "全部", "均", "更加",
)
#: A dated phrase after a number ("…达到45%，2026年底前完成…") dates that number unless its act
#: takes an object of its own of at least this many characters (完成已排查农村黑臭水体整治):
#: then it is a task of its own. 实现全覆盖 / 全部投入使用 only complete the number's act.
OWN_TASK_MIN_OBJECT = 6
#: Labels of a responsibility bracket's completion line (完成时限：2025年基本建成).
COMPLETION_LABELS = ("完成时限", "完成时间", "时限要求", "时间节点")

# ------------------------------------------------------ indicator and scope

#: Nouns that name a measure (占比, 总量, 标准 …): a subject ending in one of
#: them is the indicator whatever the unit (家庭养老床位总量达到2万张左右).
MEASURE_NOUNS = (
    "覆盖率", "建有率", "达标率", "入住率", "参保率", "签约率", "管理率", "完好率", "上岗率", "供养率", "满意度", "率",
    "占比", "比例", "比重", "总量", "总数", "数量", "规模", "面积", "标准", "额度", "金额", "水平", "期限", "时限",
    "利率", "费用", "补贴", "津贴", "资金", "工资", "人数", "床位数", "增速", "幅度", "奖励", "费",
)
#: Units that measure something named before them (a rate, an amount, an
#: area, a duration): the subject names the indicator first. Count units
#: (个, 家, 张 …) count the noun next to the number instead.
MEASURE_UNITS = frozenset({"%", "‰", "元", "微克/立方米", "毫克/立方米", "平方米", "平方公里", "公里", "米", "年", "个月", "天", "小时", "分钟", "周",
                           "工作日", "倍", "百分点", "星级", "学时", "课时", "吨", "斤", "公斤"})
#: Verbs and comparator words between a subject and its number.
INDICATOR_VERBS = (
    "全部达到", "均达到", "达到", "达", "为", "不低于", "不少于", "不超过", "不高于", "不得超过", "不得低于", "至少", "最高",
    "控制在", "保持在", "稳定在", "提高到", "提高至", "提升到", "提升至", "增至", "增加到", "扩大到", "降低到", "降至",
    "提高", "提升", "增长", "建成", "建有", "建设", "培育", "引进", "打造", "遴选", "完成", "发放", "给予", "提供", "覆盖",
    "配备", "设置", "新增", "安排", "开展", "创建", "实施", "推荐", "组织", "补助", "拥有", "配建", "补建", "占", "约", "超过", "翻",
)
#: Words that open a phrase but say nothing about what is measured.
NOISE_LEAD = (
    "力争", "争取", "确保", "原则上", "要", "应当", "应", "必须", "须", "推动", "实现", "在", "按照", "按", "对", "将", "使",
    "让", "其中", "累计", "计划", "共", "并", "且", "同时", "全面", "进一步", "逐步", "支持", "鼓励", "严格", "的",
    "配套", "有条件的地区", "有条件的",
)
#: Words that close a subject but are not part of it (…小区按, …规模原则上, 可在).
NOISE_TAIL = ("应当按照", "要按照", "按照", "要按", "按", "原则上", "应当", "可在", "可", "要", "应", "须", "在", "于", "均", "都", "分别",
              "力争", "争取", "确保", "必须", "基本", "将")
#: A baseline inside a subject (覆盖率由现在的45%…, 水平从2020年的10%…) starts here.
BASELINE_OPENERS = r"(?:从|由|比|较)(?=现在|目前|当前|\d|[一二]〇)"
#: Where or for whom: a subject opening with one of these is (or starts) the scope.
SCOPE_PREFIX = (
    r"全(?:省|市|区|县|国|州|盟|旗)", r"(?:省|市|县|区|乡镇|村)级(?!以上)", r"各[^，、的]{1,8}?(?=分别|均|都|要|至少|全部|$)",
    "新建住宅小区", "已建成小区", "城市社区", "农村社区", "城市", "农村",
)
#: Heads of a scope noun phrase: the thing the measure is taken over
#: (全省养老机构 | 护理型床位占比).
SCOPE_HEADS = ("养老机构", "机构", "医院", "小区", "企业", "单位", "敬老院", "财政", "政府", "部门")
#: Nouns that say where or for whom when they end a subject (城市社区, 低保家庭),
#: but usually start a compound inside one (社区老年助餐点, 家庭养老床位).
SCOPE_ENDINGS = SCOPE_HEADS + ("社区", "街道", "乡镇", "村", "老年人", "家庭", "从业人员", "地区", "县区")

#: Prepositions that introduce the standard a number belongs to (已建成小区要按每百户…
#: 的标准): what stands before them is who applies it (the scope), never a verb chain
#: to search for the measure (…已建成小区 is no "建成" + object).
STANDARD_PREPOSITIONS = ("按照", "依照", "参照", "按")
#: A subject opened by these names who receives an amount (对新增普惠托位…给予补助), not what is measured:
#: it is the scope, and the amount is named by the object after the number.
BENEFICIARY_PREPOSITIONS = ("对于", "对", "向", "为")
#: Verbs that open a clause title and are no part of what it is about
#: (加快补齐配建养老服务设施短板 → 配建养老服务设施; 推进特殊困难老年人居家适老化改造).
TITLE_LEAD_VERBS = (
    "加快补齐", "加快推进", "大力推进", "全面推进", "积极推进", "加快", "补齐", "推进", "推动", "加强", "强化", "完善", "健全",
    "提升", "提高", "扩大", "优化", "深化", "发展", "建立", "实施", "落实", "开展", "做好", "促进", "丰富", "突出", "整合",
)
#: Words that close a clause title but name no thing (…设施短板, …的工作).
TITLE_TAILS = ("短板", "弱项", "工作", "力度", "水平", "能力")

# ------------------------------------------------ numeric provisions of laws
# Laws state duties, penalties and limits rather than plan targets. Each
# provision below becomes a ``quantity`` target with a ``role``; how a change of
# its value reads (stricter or looser) is tracker.cues.ROLE_RULES.

#: Nouns of a monetary penalty; its amount stands between the verb that imposes it and the noun.
FINE_NOUNS = ("罚款", "罚金")
#: Verbs that impose a penalty: the amount is read after the last of them before the noun.
FINE_VERBS = ("并处", "处以", "处")
#: Cases that grade one offence by its gravity (情节严重的，处…): a band of its own for the same offence.
GRAVITY_CASES = ("情节严重", "情节较重", "情节特别严重", "情节恶劣", "造成严重后果")
#: Fraction words before an amount read as a share of a base (销售额百分之一以上百分之十以下).
PERCENT_WORDS = ("百分之",)
#: Units of a fine counted on a base named before them (违法所得2倍, 上一年度销售额百分之十): the base is its ``per``.
FINE_RELATIVE_UNITS = ("倍", "%")
#: Words by which a case names the previous paragraph's case (有前款违法情形的, 违反前款规定的).
FORMER_PARAGRAPH = ("前款",)
#: Words that open a phrase whose amount stands before its fine verb (按照每平方米十元以上三十元以下处以罚款).
FINE_AMOUNT_BEFORE_VERB = ("按照", "按", "依照")
#: Words that open a fine's denominator (处每平方米一千元以上一万元以下的罚款: counted per square metre).
PER_WORDS = ("每",)
#: A fine set as a multiple of another fine names that fine as its base (罚款数额的二倍以上五倍以下).
FINE_BASES = ("罚款数额",)
#: A frequency's period as written → its length in months: 每年一次, 每半年公布一次, 每三年审验一次. A second,
#: shorter period inside the first names the real one (每会计年度内半年公布一次: every half year).
FREQUENCY_PERIODS: dict[str, float] = {
    "会计年度": 12, "年度": 12, "学年": 12, "年": 12, "半年": 6, "学期": 6, "季度": 3, "个季度": 3, "季": 3, "个月": 1, "月": 1,
    "周": 7 / 30, "星期": 7 / 30, "日": 1 / 30, "天": 1 / 30,
}
#: Verbs that, right after a period (每年进行健康检查, 每半年公布), state a duty done once in each period.
FREQUENCY_VERBS = ("进行", "组织", "开展", "召开", "公布", "报告", "报送", "检查", "审验", "检验", "评估", "培训",
                   "演练", "体检", "巡查", "盘点")
#: A yearly review named by its own word (对收购企业实行年审制度, 接受年检): a duty once a year. Only after a verb
#: that institutes or undergoes it: 年审批采砂总量, 当年审议 and a list of permit kinds (登记、年检、年报) are not.
ANNUAL_REVIEW_VERBS = ("实行", "实施", "进行", "接受", "办理", "参加")
ANNUAL_REVIEW_WORDS = ("年审", "年检", "年度检验", "年度审验")
#: Words before a frequency's count that make it a floor on how often (每年至少一次: at least this often).
FREQUENCY_AT_LEAST = ("至少", "不少于", "不得少于")
#: Words of a time limit after its duration (三十日内, 15个工作日以内).
TIME_LIMIT_AFTER = ("以内", "之内", "内")
#: A duration unit as written → (unit as normalised, calendar days it is worth, for comparing 日 with 个月).
DURATION_DAYS: dict[str, tuple[str, float]] = {
    "个工作日": ("工作日", 1.4), "工作日": ("工作日", 1.4), "日": ("日", 1.0), "天": ("日", 1.0),
    "个月": ("月", 30.0), "月": ("月", 30.0), "年": ("年", 365.0), "小时": ("小时", 1 / 24),
    "分钟": ("分钟", 1 / 1440),
}
#: Words before a duration counted from an event (自公告之日起满三个月, 自发出公告之日起经过六十日): a period
#: the law sets, read as a time limit when a 自…起 opens its phrase.
PERIOD_BEFORE = ("满", "经过", "届满")
#: Words right before a duration that make it an extension of a time limit (情况复杂的，可以延长2个月): read
#: as a time limit — by up to so long — a longer one leaves the duty-bearer more time.
EXTENSION_BEFORE = ("延长",)
#: Words before a duration that make it an advance period (提前三十日通知, 合同期限届满前九十日): a longer one is owed.
ADVANCE_BEFORE = ("提前", "届满前", "期满前", "到期前")
#: An event right before 前 + a duration makes an advance period too (开工前三十日, 举办前十五日), unless
#: the word before 前 is a unit of time (每月前十日: the first ten days).
ADVANCE_NOT_AFTER = ("年", "月", "周", "日", "天", "季")
#: …but the day of an event is an event (在拟占用之日前十五日): 之日 before 前 names the event's day.
EVENT_DAY = ("之日",)
#: Words of a right before its window (消费者有权自收到商品之日起七日内退货): the period is owed to the
#: right-holder, an entitlement (a longer one owes more), not a duty's time limit.
RIGHT_WORDS = ("有权",)
#: Words after a time limit that make it the condition of missing it (二十日内不能作出决定的，…): a
#: restatement of the limit, no provision of its own.
MISSED_LIMIT_AFTER = ("不能", "未能", "无法")
#: Words after a duration + 后 that make it no waiting period: 三日后 in 以后/后果 … is another word.
NOT_WAITING_AFTER = ("果", "续", "者", "期")
#: Words before a time limit that negate it into a condition (申请人未在4个月内收到通知的，可以…): a wait.
#: Words right before a duration that make it a wait not yet over (自上次调整之日起未满二年的，不得再次调整).
NOT_YET_FULL = ("未满", "不满")
NOT_WITHIN_BEFORE = ("未在", "未于")
#: Words before a duration that make it a disqualification counted from an event (执行期满未逾五年, 自…之日起
#: 未逾三年): who is disqualified stays so until it has passed, so a longer one is stricter, as a ban.
BAN_BEFORE = ("未逾",)
#: Majority words → comparator on half (50 %): 过半数 is more than half, 半数以上 half or more.
MAJORITY_WORDS: tuple[tuple[str, str], ...] = (("超过半数", ">"), ("过半数", ">"), ("半数以上", ">="))
#: Words that negate the trigger or majority word right after them: 不少于 is a floor's (not 少于's), and
#: 不得超过半数 a ceiling on a share (at most half), not a majority rule.
NEGATING_WORDS = ("不得", "不应", "不能", "不")
#: Words after which a majority's base begins (经全体委员过半数同意, 由三分之二以上的业主参与表决).
RATIO_BASE_OPENERS = ("经", "由", "应当有", "应有", "且", "应当", "并", "须")
#: Words that end a base written after its majority, besides its act (过半数的董事共同推举).
RATIO_BASE_ENDS = ("共同",)
#: Words of a majority's base that say which population is counted → how large it is (2: everyone
#: entitled; 1: only those who take part). A base without one counts everyone (半数以上监事 = of all 监事).
RATIO_BASE_RANKS: tuple[tuple[str, int], ...] = (("参与表决", 1), ("出席", 1), ("到会", 1), ("参加表决", 1),
                                               ("全体", 2), ("总", 2))
RATIO_BASE_DEFAULT = 2
#: What a majority must do, read after it in its phrase → the rule it makes (its label): a quorum (出席)
#: and a consent (同意) are two rules; a majority that does neither (三分之一以上委员提议) is its own.
RATIO_ACTS: tuple[tuple[str, str], ...] = (
    ("参与表决", "出席"), ("参加表决", "出席"), ("参加", "出席"), ("出席", "出席"), ("到会", "出席"),
    ("同意", "同意"), ("通过", "同意"), ("签字", "同意"), ("推举", "同意"), ("选举", "同意"), ("提议", "提议"),
    ("请求", "提议"),
)
RATIO_ACT_DEFAULT = "同意"
#: Nouns of a detention (处十五日以下行政拘留): a penalty counted in days, a longer one heavier.
DETENTION_NOUNS = ("行政拘留", "拘留")
#: Verbs that suspend a right for a period (暂停其任职资格1至3年).
SUSPENSION_VERBS = ("暂停", "禁止", "停业", "停止执业", "停止营业")
#: Nouns after a number of years that make it a qualification (10年以上治安保卫管理工作经历).
QUALIFICATION_NOUNS = ("经历", "经验", "工龄", "教龄", "资历")
#: Verbs of service or holding before a number of years that closes its phrase (从事鉴定工作五年以上。,
#: 取得驾驶证三年以上，): a length of service or holding required, a qualification.
QUALIFICATION_VERBS = ("从事", "执业", "任职", "从业", "工作", "取得", "持有", "担任", "实习", "见习")
#: A run of years without an event (连续两年未发生工资拖欠): a clean record asked of whoever wants a relief.
RECORD_RUN_WORDS = ("连续",)
RECORD_RUN_NEGATIONS = ("未", "没有", "无", "不")
#: The words around a law's effective date (自2024年10月1日起施行).
EFFECTIVE_BEFORE = ("自", "从")
EFFECTIVE_AFTER = ("起施行", "起实施", "起生效")
#: Words before a wage an entitlement is a share of (护理费的标准为…月平均工资的50%).
WAGE_SHARE_OPENERS = ("为", "按照", "按")
#: Words that set a standard as a multiple of a base (标准为…人均可支配收入的二十倍, 按照前款标准的一点五倍发放).
MULTIPLE_OPENERS = ("为", "按照", "按", "相当于")
#: Nouns of a base a multiple is counted on (a wage, an income, a standard, an amount): not 违法所得, a fine's.
MULTIPLE_BASE_NOUNS = ("工资", "收入", "标准", "数额", "金额", "费用", "资费", "献血量", "价款", "价格", "价")
#: Nouns that end such a wage or income (月平均工资, 人均可支配收入).
WAGE_BASE_NOUNS = ("工资", "收入")
#: A standard pegged to a statistic with no figure of its own (抚恤金标准参照全国职工平均工资水平确定,
#: 保障其生活不低于当地的平均生活水平, 年增长幅度应当高于本级财政经常性收入的年增长幅度): the word
#: before the statistic → (comparator, role when the statistic is a level, role when it is a growth).
#: Read as 100 % of the statistic (``per``), so a new statistic is a new base ('changed') and a dropped
#: guarantee is reported. 低于 / 达不到 …的 is the trigger of a relief (a threshold, caught below it).
RELATIVE_WORDS: dict[str, tuple[str, str, str]] = {
    "参照": ("~", "entitlement", "target"),
    "不低于": (">=", "entitlement", "floor"), "不得低于": (">=", "entitlement", "floor"),
    "高于": (">", "entitlement", "floor"), "不高于": ("<=", "limit", "limit"),
    "不得高于": ("<=", "limit", "limit"), "低于": ("<", "threshold", "threshold"),
    "达不到": ("<", "threshold", "threshold"),
}
#: Words that make a base a statistic (平均 / 人均 levels, 最低工资, a growth rate): without one,
#: 不低于国家标准 names a rule, not a level.
STATISTIC_MARKS = ("平均", "人均", "最低工资")
STATISTIC_GROWTH = ("增长幅度", "增幅", "增长率")
#: Nouns that close a statistic's level (当地的平均生活水平, 人均可支配收入).
STATISTIC_NOUNS = ("水平", "工资", "收入", "标准")
#: Words that say only when or how a duty binds (应当在15日前): a label of nothing but these names no duty,
#: so the phrase before it does (…有关闭、歇业等情形之一时，应当在15日前).
EMPTY_LABELS = ("应当在", "应在", "须在", "必须在", "应当于", "应于", "在", "于", "应当", "须", "必须")
#: Modal words that end a provision's subject (抚恤金标准应当参照…): not part of its label.
PROVISION_MODALS = ("应当", "必须", "应", "要", "须")
#: A phrase that sets up a body (有限责任公司设董事会) is what the next phrase's 其 refers to (，其成员为三人至十三人):
#: the verbs that set it up, and the 其 words that are no pronoun of a body (其中, 其他).
BODY_SETUP_VERBS = ("设立", "设置", "组建", "成立", "设")
NOT_A_PRONOUN = ("其中", "其他", "其它", "其余")
#: A staffing ratio (护理人员与失能老年人的比例不低于一比四): the word that names it before its two counts.
STAFFING_RATIO_WORDS = ("比例",)
#: Words after 一年内 that make it the window a count is made in (一年内累计三次以上的): part of the count's
#: threshold, not a time limit of its own.
COUNT_WINDOW_AFTER = ("累计", "连续", "先后", "共")
#: Keeping a record for a period (将印刷委托书留存两年备查, 保存期限不少于三年): a floor on how long it is kept.
RETENTION_VERBS = ("保存", "留存", "保管", "存档", "留样")
#: Words of unanimity (经有利害关系的业主一致同意): a majority of all, 100 % of its base.
UNANIMITY_WORDS = ("一致同意", "一致通过")
#: Nouns of a wage an entitlement is counted in months of (40个月基本工资).
WAGE_NOUNS = ("工资",)
#: Words after a time limit that make it a ban period (三年内不得再次申请): a longer one is stricter.
BAN_AFTER = ("不得", "禁止", "不予")
#: A trigger threshold: the word before its number → comparator (营业额超过100亿元的 → ">").
THRESHOLD_WORDS: dict[str, str] = {
    "超过": ">", "高于": ">", "多于": ">", "不足": "<", "低于": "<", "少于": "<", "未满": "<", "不满": "<",
    "未达到": "<",
    "年满": ">=", "满": ">=", "达到": ">=",
}
#: Threshold words that make a figure a condition even when a comma, not 的, follows it
#: (营业额合计超过100亿元人民币，并且…, 应当申报). 达到 is left out: 覆盖率达到30%， is a goal.
CONDITION_WORDS = tuple(w for w in THRESHOLD_WORDS if w != "达到")
#: What may stand before such a word and makes it a ceiling instead (不得超过30人，): not a condition.
CONDITION_NEGATIONS = ("不", "得", "能", "应", "可", "准")
#: A currency written after an amount (100亿元人民币): part of the figure, not of the sentence.
CURRENCY_AFTER = ("人民币",)
#: Joining words a provision's label may open with when its phrase continues a sentence (…，并且其中…超过4亿元).
LABEL_CONJUNCTIONS = ("并且", "而且", "或者", "以及")
#: Units a threshold is counted in (amounts carry their 万/亿 in the number).
#: Words of a consequence that exempts (不足五十万元的个体工商户，免于缴纳…; 不足三百人的，可以不设立…): the
#: threshold gating it grants an exemption, so catching more cases loosens the rule.
EXEMPTION_CUES = ("免于", "免予", "免征", "免收", "免除", "豁免", "可以不", "可不", "无需", "无须", "不需要", "不必",
                  "暂免", "不予征收")
THRESHOLD_UNITS = ("元", "人", "周岁", "岁", "%", "张", "名", "家", "户", "辆", "台", "套", "吨", "平方米", "立方米",
                   "千瓦", "公顷", "亩", "摄氏度", "年", "个月", "公斤", "千克", "毫升", "升", "小时", "层", "人次",
                   "间", "座", "艘", "分钟", "次", "千克", "公里", "日", "天", "头", "只", "羽")
#: Words before an amount or a number of days owed to a person (放假3天, 奖金最低不少于3000元).
ENTITLEMENT_CUES = ("放假", "休假", "假期", "带薪", "享受", "发给", "给予", "奖金", "奖励", "报酬", "补助", "补贴",
                    "抚恤金", "津贴", "救助金", "产假", "护理假", "育儿假", "陪产假", "婚假", "丧假", "探亲假", "年休假")
#: Units of an entitlement.
ENTITLEMENT_UNITS = ("天", "日", "元", "个月")
#: Bound words inside a provision's own phrase → comparator (最低不少于3000元 → ">=").
PROVISION_BOUNDS: tuple[tuple[str, str], ...] = (
    ("不少于", ">="), ("不低于", ">="), ("至少", ">="), ("最低", ">="),
    ("不超过", "<="), ("不得超过", "<="), ("最高", "<="), ("最多", "<="), ("最长", "<="),
)
#: Words before a ceiling on an amount or a count (不得超过5000元, 最多不超过30人): a limit, lower is stricter.
#: Words before a floor a law sets (安全距离不得小于三百米, 每年开展不少于二十四小时的培训): a higher one is
#: stricter. Its units: distances, areas, hours of training, heads.
FLOOR_BEFORE = ("不得少于", "不得小于", "不得低于", "不少于", "不小于", "不低于", "不应少于", "不应小于", "不应低于")
FLOOR_UNITS = ("米", "公里", "平方米", "小时", "学时", "课时", "名", "人", "毫米", "厘米", "批次", "日", "天", "个工作日",
               "个月", "年", "℃", "摄氏度", "分钟")
#: Words of a payment owed to a beneficiary: a ceiling on it (年度最高支付限额为二十万元, 补助最高不超过五千元)
#: bounds what is owed, an entitlement (a higher cap owes more), not a limit on the duty-bearer.
PAYOUT_WORDS = ("支付", "赔付", "给付", "报销", "补助", "补贴", "救助", "抚恤", "津贴", "奖励", "奖金", "补偿", "赔偿")
#: Words that make a payout's amount its ceiling (最高支付限额为…).
PAYOUT_CAP_NOUNS = ("限额", "额度")
LIMIT_BEFORE = ("不得超过", "不超过", "最高不得超过", "最多不超过", "最多")
#: What a ceiling's own phrase says when it names no subject (…罚款，最高不超过五万元): the bound alone.
LIMIT_BEFORE_BARE = ("最高", "最多", "但最高", "但")
#: Units of such a limit.
LIMIT_UNITS = ("元", "人", "%", "名", "个", "家", "周岁", "岁", "间", "张", "辆", "套", "层", "平方米", "米", "公斤",
               "立方米", "吨", "千克")
