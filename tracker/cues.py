"""Word lists of the whole pipeline: data, not ``if`` chains, each defined once.

The words of a document as a whole live here: sentence ends, statuses,
levels of government, modal force, web junk, title blocks. The cue phrases of
target extraction (numerals, units, comparators, modal cues) live beside the
extractor in :mod:`tracker.extract.cues`; every later stage (align, compare,
render) reads both from there, never from a copy of its own.

Each table says what a pattern means so that a reviewer can check it against
their own experience of government web pages and policy drafting.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# ------------------------------------------------------------ sentences

#: Marks that end a sentence of prose (a full stop, ！, ？, and ； which ends a
#: numbered item's sentence in policy texts).
SENTENCE_ENDS = "。！？；"

# ------------------------------------------- statuses, levels, modal force

#: A version's status as reviewers call it.
STATUS_WORDS: dict[str, str] = {"draft": "征求意见稿", "final": "正式稿"}

#: A document's level of government as reviewers call it.
LEVEL_NAMES: dict[str, str] = {"central": "中央", "province": "省级", "city": "市级", "county": "县级"}

#: (English, Chinese) name of the area a figure counts, by the level or scale word
#: that sets it (全国 for the centre, 省级 for a province …); "" when none is known.
AREA_NAMES: dict[str, tuple[str, str]] = {
    "central": ("national", "全国"), "country": ("national", "全国"), "province": ("province-wide", "省级"),
    "region": ("region-wide", "自治区级"), "city": ("city-wide", "市级"), "county": ("county", "县级"),
    "township": ("township", "乡镇级"), "": ("whole-document", "本文件范围"),
}


@dataclass(frozen=True)
class Force:
    """How a modality binds: its rank (higher binds harder) and its words."""

    rank: int
    en: str  # in the English reasons
    zh: str  # the Chinese word that carries it
    kind: str  # 约束性 / 预期性 / 倡导性
    prefix: str  # written before a target's value in a report ("" for a plain commitment)


#: Modalities of the JSON contract; the cue phrases that set them are extract.cues.MODALITY_CUES.
MODALITIES: dict[str, Force] = {
    "must": Force(2, "must (确保/要)", "确保", "约束性", ""),
    "strive": Force(1, "strive (力争/原则上)", "力争", "预期性", "力争"),
    "encourage": Force(0, "encourage (鼓励/支持)", "鼓励", "倡导性", "鼓励"),
}

#: Full lines that belong to the web page or preview site, not the document.
#: Applied only before the document's first sentence and after its last one.
WEB_JUNK_LINES: tuple[str, ...] = (
    r"本站检索", r"邮箱登录", r"政策法规", r"首页", r"设为首页.*", r"加入收藏.*", r"网站地图.*",
    r"联系我们.*", r"打印(本页)?", r"关闭(窗口)?", r"返回顶部", r"扫一扫.*", r"分享到.*",
    r"【?字体[:：].*", r".*当前位置.*", r"[^。；，<>]{0,30}(?:\s*[>＞»]\s*[^。；，<>＞»]{1,20}){2,}", r".*发布时间[:：].*", r"来源[:：].*",
    r"责任编辑.*", r".*ICP备.*", r".*网站标识码.*", r".*公网安备.*", r".*主办.*承办.*", r".*技术支持.*",
    r"地址[:：].*", r".*docx?文档.*", r".*文档预览.*", r"\d+\s*页\s*\d+\s*下载.*", r"温馨提示.*",
    r"本文档\s*发布于.*", r"给文档打分", r"您好可以输入.*", r".*是免费分享吗.*", r"评论列表",
    r".*暂时还没有评论.*", r"[|｜\s]*", r"!\[[^\]]*\]\([^)]*\).*", r"(上一篇|下一篇)[:：].*",
    r"【(打印|关闭|收藏)】.*", r"浏览次数.*", r"阅读[:：]?\s*\d+.*",
)

#: Words that open a line of page furniture. In a one-line scrape the line
#: breaks are gone; a space before one of them was such a break.
WEB_JUNK_LINE_STARTS: tuple[str, ...] = (
    r"发布时间[:：]", r"来源[:：]", r"【?字号[:：]", r"【?字体[:：]", r"打印本页", r"【打印】", r"关闭窗口", r"【关闭】",
    r"分享到", r"浏览次数", r"责任编辑",
)

#: Residue that document converters leave in the text: (pattern, what it is).
CONVERSION_RESIDUE: tuple[tuple[str, str], ...] = (
    (r"\[bookmark:[^\]]*\]", "Word bookmark marker"),
    (r"!\[[^\]]*\]\([^)]*\)", "empty image link"),
    (r"\{\.(?:underline|mark|smallcaps)\}", "pandoc span attribute"),
    (r"[\u200b\u200c\u200d\u2060\ufeff]", "zero-width character"),
)

#: Signs that the text is only part of the document: (pattern, warning). Digit runs
#: start after a non-digit and are possessive, so a run of 100,000 digits is scanned once.
TRUNCATION_CUES: tuple[tuple[str, str], ...] = (
    (r"最多只能预览\s*+(\d++)\s*+页", "the preview site showed only {0} pages: the rest of the document is missing"),
    (r"(?<!\d)(\d++)\s*+页\s*+\d++\s*+下载", "the source document has {0} pages; compare with what was captured"),
)

#: Where an issuer's place name belongs: the organ words a place name stands in front of
#: (威海市人民政府办公室, 山东省人民代表大会常务委员会, 自治区党委).
ORGAN_WORDS: tuple[str, ...] = ("人民政府", "人民代表大会", "党委", "政府办公室")

#: What stands in that place in an official text ends with one of these: a place name
#: (省市县区州盟旗镇乡村, 全国), a level or term word (各级, 县级以上, 市以上, 所在地,
#: 地方, 第十三届) or a modifier (受影响地区的 人民政府). Anything else
#: in front of an organ word is one piece of evidence of injected text, never enough alone.
PLACE_SUFFIXES = "省市县区州盟旗镇乡村"
PLACE_OR_LEVEL_ENDINGS = PLACE_SUFFIXES + "国级地方内团届的上下"

#: Openings of a title in the header block: a phrase right after them stands in the title's place.
TITLE_OPENINGS = r"(?:关于印发|关于)"

#: Section headings that a flattened scrape glues to the paragraph after them.
SECTION_HEADINGS: tuple[str, ...] = (
    "总体要求", "主要目标", "基本原则", "工作目标", "总体目标", "指导思想", "重点任务", "主要任务",
    "保障措施", "组织保障", "组织实施", "工作要求", "实施步骤", "附则", "适用范围",
)

#: Document types that end a title line.
DOC_TYPES = r"(?:实施方案|工作方案|行动方案|方案|若干措施|措施|实施意见|指导意见|意见|办法|细则|规定|条例|规划|计划|通知|决定|纲要|清单|标准|规则)"

#: Lines of page furniture that name the document itself, so they are written with DOC_TYPES:
#: a breadcrumb whose last crumb is the page's title (首页 > 政务公开 > 征求意见 ××工作方案
#: （征求意见稿）: longer than an ordinary crumb), and a download link whose file name was lost
#: (附件下载：, 下载：××方案.docx).
WEB_JUNK_TITLE_LINES: tuple[str, ...] = (
    r"[^。；，<>]{0,30}(?:\s*[>＞»]\s*[^。；，<>＞»]{1,20}){1,}\s*[>＞»]\s*[^。；，<>＞»]{1,40}" + DOC_TYPES + r"(?:[（(][^）)]{1,8}[）)])?",
    r"(?:相关)?附件(?:[一二三四五六七八九十\d]{0,2})?下载[:：]?.{0,60}", r"下载[:：].{0,60}",
)
WEB_JUNK_RE = re.compile("|".join(f"(?:{p})" for p in WEB_JUNK_LINES + (r"【?字号[:：].*",) + WEB_JUNK_TITLE_LINES))

#: Status markers in a title block: marker → status.
STATUS_MARKERS: dict[str, str] = {
    "征求意见稿": "draft",
    "送审稿": "draft",
    "草案": "draft",
    "讨论稿": "draft",
    "试行": "final",
}

#: Administrative level from the place word that leads an issuer or title.
LEVEL_BY_SUFFIX: tuple[tuple[str, str], ...] = (
    (r"^(中共中央|国务院|全国|国家|.{0,6}部(?![门])|中央)", "central"),
    (r"^(.{1,8}?省|自治区|.{1,10}?自治区|北京市|上海市|天津市|重庆市)", "province"),
    (r"^.{1,8}?(县|旗|区)(?!市)", "county"),
    (r"^.{1,8}?(市|州|盟|地区)", "city"),
)

#: Addressees of a notice sit one level below its issuer.
LEVEL_BY_ADDRESSEE: tuple[tuple[str, str], ...] = (
    (r"^各省、自治区、直辖市", "central"),
    (r"^各市[（(]地[）)]|^各市、县|^各地级市|^各市州|^各地、州、市|^各市人民政府", "province"),
    (r"^各区市|^各县区|^各县（市、区）|^各县\(市、区\)|^各县、区|^各区、县|^各县市区", "city"),
    (r"^各乡|^各镇|^各街道", "county"),
)

#: Verbs that introduce the parent documents a plan implements.
IMPLEMENTS_CUES = r"(?:贯彻落实|贯彻|落实|根据|按照|依据|为落实)"

#: Acts in the history of a law or regulation (the lines under its title, or the
#: bracket （…通过　根据…修正）), strongest first: the first that an act's words
#: contain names it. A later 通过 (an amendment decision adopted) is an amendment.
LEGAL_ACTS: tuple[tuple[str, str, str], ...] = (
    # (pattern, kind, the word a reviewer reads)
    (r"修订", "revised", "修订"),
    (r"修正|修改", "amended", "修正"),
    (r"批准", "approved", "批准"),
    (r"通过", "adopted", "通过"),
    (r"公布|发布", "promulgated", "公布"),
)
LEGAL_ACT_END = r"(?:通过|修正|修订|公布|发布|批准)"
ACT_WORDS: dict[str, str] = {kind: word for _, kind, word in LEGAL_ACTS}  # adopted → 通过, amended → 修正 …

#: A title line that names a law or regulation (a code — 法典 — and the 总则/通则 of civil law included).
LAW_TITLE = r"(?:法典|法|条例|规定|办法|细则|规则|决定|基本法|规程|总则|通则)(?:（[^（）]{0,12}）)?"

#: Short names of adopting and promulgating bodies → the name a reviewer expects.
BODY_FULL_NAMES: dict[str, str] = {
    "全国人大常委会": "全国人民代表大会常务委员会",
    "人大常委会": "人民代表大会常务委员会",
    "全国人大": "全国人民代表大会",
    "中央军委": "中央军事委员会",
}


# ------------------------------------------------ numeric provisions of laws


@dataclass(frozen=True)
class RoleRule:
    """How a change of a law's numeric provision cuts (decision note 0611).

    ``higher`` is +1 when a higher value is stricter on whoever the provision
    binds (or owes more to whoever it protects) and -1 when a lower one is;
    ``by_comparator`` overrides it per comparator (a trigger threshold).
    ``up`` / ``down`` say in a reviewer's words what the move means.
    """

    name_zh: str
    higher: int
    up_en: str
    up_zh: str
    down_en: str
    down_zh: str
    by_comparator: tuple[tuple[str, int], ...] = ()
    #: False when the label (the case a fine answers) only ranks one article's provisions of this role
    #: against each other: a fine whose case was reworded is still that article's fine. True when a
    #: different label is a different provision (a time limit counted from another event).
    label_binds: bool = True
    #: True when the base (``per``) is a population ranked by size (全体 > 参与表决, extract.cues.RATIO_BASE_RANKS):
    #: a move of the base is a move of the requirement, not a change of basis.
    base_ranked: bool = False
    #: True when the label names a kind of provision (a majority's act: 同意 / 出席): two of different
    #: kinds never pair, however alike their sentences read (a quorum is not a consent).
    label_is_kind: bool = False
    #: For a role judged by comparator: which table of PROVISION_EFFECTS says what a move means to the reader.
    effects: str = "threshold"
    #: True when the base (``per``) is a period (每年 / 每半年 / 每三年): two bases are put on one scale by the
    #: period's length (extract.cues.FREQUENCY_PERIODS), not read as a change of basis.
    per_is_period: bool = False

    def direction(self, comparator: str | None) -> int:
        return dict(self.by_comparator).get(comparator or "", self.higher)


#: role of a provision (Target.role) → how its changes read. Data, not ``if`` chains.
ROLE_RULES: dict[str, RoleRule] = {
    "fine": RoleRule(
        "罚款", +1,
        "a higher fine is stricter on the offender", "罚款数额提高，处罚加重",
        "a lower fine is more lenient", "罚款数额降低，处罚减轻",
        label_binds=False,
    ),
    "time_limit": RoleRule(
        "期限", -1,
        "a longer time limit gives the duty-bearer more time", "期限延长，履行义务的时间放宽",
        "a shorter time limit is stricter on the duty-bearer", "期限缩短，须更快履行义务",
    ),
    "advance": RoleRule(
        "提前期", +1,
        "a longer advance period is stricter on whoever must give notice", "提前期延长，须更早履行",
        "a shorter advance period is more lenient", "提前期缩短，要求放宽",
        label_binds=False,  # 提前三个月 → 合同期限届满前九十日: the same notice, its event now named
    ),
    "ban": RoleRule(
        "限制期", +1,
        "a longer ban is stricter", "限制期延长，限制加重",
        "a shorter ban is more lenient", "限制期缩短，限制减轻",
    ),
    "detention": RoleRule(
        "拘留", +1,
        "a longer detention is heavier", "拘留期限延长，处罚加重",
        "a shorter detention is lighter", "拘留期限缩短，处罚减轻",
        label_binds=False,
    ),
    "waiting": RoleRule(
        "等待期", +1,
        "a longer wait before one may act is stricter on whoever waits", "等待期延长，须等待更久",
        "a shorter wait before one may act is more lenient", "等待期缩短，要求放宽",
    ),
    # A majority rule (过半数, 三分之二以上): a larger share, or a larger base (全体业主 rather than 参与表决的业主),
    # is harder to reach: stricter on whoever must reach it. 半数以上 → 过半数 is stricter (half no longer suffices).
    "ratio": RoleRule(
        "表决比例", +1,
        "a larger majority is harder to reach", "表决比例提高，通过难度加大",
        "a smaller majority is easier to reach", "表决比例降低，通过难度减小",
        base_ranked=True, label_is_kind=True,  # its label is its act (同意 / 出席 / 提议)
    ),
    # A qualification (成立3年以上, 10年以上工作经历): more years asked of whoever wants to act is stricter.
    "qualification": RoleRule(
        "资格年限", +1,
        "more years are required to qualify", "资格年限提高，准入要求收紧",
        "fewer years are required to qualify", "资格年限降低，准入要求放宽",
    ),
    # How often a duty recurs: times per period, the period its base (每半年一次 → 每年一次: less often).
    "frequency": RoleRule(
        "频次", +1,
        "the duty recurs more often", "履行频次提高",
        "the duty recurs less often", "履行频次降低",
        per_is_period=True,
    ),
    "entitlement": RoleRule(
        "待遇", +1,
        "a larger entitlement: more is owed to the beneficiary", "享有的待遇增加，应给付的更多",
        "a smaller entitlement: less is owed to the beneficiary", "享有的待遇减少，应给付的更少",
    ),
    "floor": RoleRule(
        "下限", +1,
        "a higher floor is stricter", "下限提高",
        "a lower floor is looser", "下限降低",
    ),
    "limit": RoleRule(
        "上限", -1,
        "a higher ceiling allows more", "上限提高，限制放宽",
        "a lower ceiling is stricter", "上限降低，限制收紧",
    ),
    # A trigger threshold: the duty applies when a figure is above (超过/以上) or
    # below (不足/以下) it. What counts is how many cases it catches: a raised
    # "above" threshold catches fewer (loosened), a raised "below" one more.
    "threshold": RoleRule(
        "门槛", -1,
        "the threshold was raised", "门槛提高",
        "the threshold was lowered", "门槛降低",
        by_comparator=((">", -1), (">=", -1), ("<", +1), ("<=", +1)),
    ),
    # A threshold that grants an exemption (不足五十万元的，免于缴纳; 成员不足三百人的，可以不设立监事会):
    # catching more cases exempts more, so the reverse of a duty's trigger.
    "exemption": RoleRule(
        "豁免门槛", +1,
        "the exemption threshold was raised", "豁免门槛提高",
        "the exemption threshold was lowered", "豁免门槛降低",
        by_comparator=((">", +1), (">=", +1), ("<", -1), ("<=", -1)),
        effects="exemption",
    ),
}

#: Roles of a law's dated provisions whose change has no direction: role → (English, Chinese) meaning.
#: A revision names its own effective date (自2024年10月1日起施行); a reviewer checks it, but a later
#: date is neither stricter nor looser.
UNDIRECTED_ROLES: dict[str, tuple[str, str]] = {
    "effective": ("the law takes effect on another date", "施行日期改变，不涉及宽严"),
}

#: A duty moved across its event: an advance period before it (变更前15日, 应当在15日前) that becomes a time
#: limit after it (自变更之日起15日内), or back. (old role, new role) → (direction, English, Chinese).
ROLE_CROSSINGS: dict[tuple[str, str], tuple[int, str, str]] = {
    ("advance", "time_limit"): (-1, "the duty now falls after the event instead of before it",
                                "义务由事件发生前履行改为事件发生后限期履行"),
    ("time_limit", "advance"): (+1, "the duty now falls before the event instead of after it",
                                "义务由事件发生后限期履行改为事件发生前履行"),
}

#: Two provisions that bound one window from its two sides: a wait that ends when the other party stays
#: silent (申请人未在请求递交日起4个月内收到通知的，可以…) and a time limit on that party (应当在请求递交日起
#: 2个月内发出通知), counted from the same event. (old role, new role) → the role whose rule judges the
#: figures, and what the move means (English, Chinese).
ROLE_KIN: dict[tuple[str, str], tuple[str, str, str]] = {
    ("waiting", "time_limit"): ("time_limit", "the wait for an answer became a time limit on whoever answers",
                                "由逾期未收到即可自行办理改为明确答复时限"),
    ("time_limit", "waiting"): ("time_limit", "the time limit on whoever answers became a wait for an answer",
                                "由明确答复时限改为逾期未收到即可自行办理"),
}

#: What a moved trigger threshold means for the reader, by comparator side and direction of the move.
THRESHOLD_EFFECT: dict[tuple[int, int], tuple[str, str]] = {
    (-1, +1): ("fewer cases reach it, so fewer are caught", "门槛提高，需适用的情形减少"),
    (-1, -1): ("more cases reach it, so more are caught", "门槛降低，需适用的情形增加"),
    (+1, +1): ("more cases fall below it, so more are caught", "界限提高，适用的情形增加"),
    (+1, -1): ("fewer cases fall below it, so fewer are caught", "界限降低，适用的情形减少"),
}
#: The same for a threshold that grants an exemption.
EXEMPTION_EFFECT: dict[tuple[int, int], tuple[str, str]] = {
    (-1, +1): ("fewer cases reach it, so fewer are exempted", "门槛提高，可豁免的情形减少"),
    (-1, -1): ("more cases reach it, so more are exempted", "门槛降低，可豁免的情形增加"),
    (+1, +1): ("more cases fall below it, so more are exempted", "界限提高，可豁免的情形增加"),
    (+1, -1): ("fewer cases fall below it, so fewer are exempted", "界限降低，可豁免的情形减少"),
}
PROVISION_EFFECTS: dict[str, dict[tuple[int, int], tuple[str, str]]] = {
    "threshold": THRESHOLD_EFFECT, "exemption": EXEMPTION_EFFECT,
}

#: Calendar days a duration unit is worth, to compare 十五个工作日 with 十五日 or 三个月 with 九十日;
#: two durations within ``SAME_DURATION`` of each other are "about the same".
DURATION_DAYS: dict[str, float] = {"日": 1.0, "天": 1.0, "工作日": 1.4, "月": 30.0, "个月": 30.0, "年": 365.0,
                                   "小时": 1 / 24, "分钟": 1 / 1440}
SAME_DURATION = 0.05
