"""Document metadata read from the text: title, issuer, date, 文号, status, level, parents.

Everything here reads the header block (the text before the first clause) and
the words removed as web junk (a 发布时间 line). A field that cannot be read is
left None rather than guessed.

A law or regulation states its metadata differently: a title line, then its
history (``1994年5月12日…通过　根据2012年10月26日…《关于修改…的决定》第二次修正``,
as lines or in one full-width bracket). Its issuer is the body of the first act,
its date the date of the last act (the version's date; see
docs/decisions/0020-law-version-date.md), and every act is kept in ``history``.
"""
from __future__ import annotations

import re
from dataclasses import replace

from tracker.cues import (
    BODY_FULL_NAMES,
    DOC_TYPES,
    LAW_TITLE,
    LEGAL_ACT_END,
    LEGAL_ACTS,
    IMPLEMENTS_CUES,
    LEVEL_BY_ADDRESSEE,
    LEVEL_BY_SUFFIX,
    STATUS_MARKERS,
)
from tracker.model import CleanText, LegalAct, Metadata

DOC_NUMBER_RE = re.compile(r"[\u4e00-\u9fff]{1,10}[〔\[［(（]\d{4}[〕\]］)）]\d{1,4}号")
DATE_RE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
ISO_DATE_RE = re.compile(r"发布(?:时间|日期)[:：]?\s*(\d{4})-(\d{1,2})-(\d{1,2})")
BOOK_TITLE_RE = re.compile(r"《((?:[^《》]|《[^《》]*》)+)》")
ACT_START_RE = re.compile(r"(?=\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)")
# an act's words run to the first act verb that ends them (修订通过 and 批准的《…》修正 run on)
# (a long decision title or a list of issuing bodies may wrap over a few lines)
ACT_WORDS_RE = re.compile(rf"^[^\n。]*?(?:\n[^\n。]*?){{0,4}}{LEGAL_ACT_END}(?=[\s）)]|根据|$)")
ORDER_RE = re.compile(r"([\u4e00-\u9fff、]{1,40}?)(令|公告)\s*第\s*([\d一二三四五六七八九十百零]+)\s*号")
TERM_RE = re.compile(r"第?[一二三四五六七八九十百零\d]+届")
MEETING_RE = re.compile(r"第[一二三四五六七八九十百零\d]+次|会议|" + LEGAL_ACT_END)
# a promulgation order above the law: 中华人民共和国主席令 / 第七十九号, its text, the signature and date
PROMULGATION_RE = re.compile(r"^\s*([\u4e00-\u9fff、]{1,30}令)\s*(第[\d一二三四五六七八九十百零]+号)\s*\n")
EFFECTIVE_RE = re.compile(r"本(?:法|条例|规定|办法|细则|规则|决定)[^。]{0,12}?自" + DATE_RE.pattern + "起施行")


def read_metadata(text: str, preamble: str, cleaned: CleanText) -> Metadata:
    """Every metadata field the header block states."""
    head = preamble or text[:2000]
    law = read_law(text, head)
    if law is not None:
        return law
    title, draft = _title(head)
    meta = Metadata(title=title, number=_own_number(head), date=_date(head, cleaned), issuer=_issuer(head))
    meta = replace(meta, status=_status(head, draft, meta))
    meta = replace(meta, level=_level(meta, head))
    return replace(meta, implements=_implements(head, meta.title))


def _title(head: str) -> tuple[str | None, bool]:
    """The document's own title: the 《X》 a 印发 notice forwards, else the title line(s)."""
    draft = any(marker in head[:300] for marker in STATUS_MARKERS if STATUS_MARKERS[marker] == "draft")
    for pattern in (
        rf"关于印发(.+?{DOC_TYPES})的通知",
        r"现将《(.+?)》印发给你们",
        r"《(.+?)》已经.{1,20}同意",
        r"印发《(.+?)》",
    ):
        m = re.search(pattern, head)
        if m:
            return _strip_status(m.group(1).strip("《》")), draft
    lines = head.split("\n")
    for k, line in enumerate(lines[:12]):
        joined = line
        for extra in lines[k + 1 : k + 3]:
            if re.search(DOC_TYPES + r"(?:（[^）]*）)?$", joined):
                break
            joined += extra
        m = re.match(rf"(.{{4,80}}?{DOC_TYPES})(?:（[^）]*）)?$", joined)
        if m and "。" not in joined:
            return _strip_status(m.group(1)), draft
    return None, draft


def _strip_status(title: str) -> str:
    for marker in STATUS_MARKERS:
        title = title.replace(f"（{marker}）", "").replace(f"({marker})", "")
    return title.strip()


def _own_number(head: str) -> str | None:
    """The document's 文号; one cited after a 《title》 belongs to the parent, not to it."""
    for m in DOC_NUMBER_RE.finditer(head):
        before = head[max(0, m.start() - 2) : m.start()]
        if "》" in before:
            continue
        return m.group(0)
    return None


def _date(head: str, cleaned: CleanText) -> str | None:
    """The date of issue: the first full date of the header, else the page's 发布时间."""
    m = DATE_RE.search(head)
    if m:
        return f"{int(m.group(1)):04d}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"
    for _, removed in cleaned.removed:
        m = ISO_DATE_RE.search(removed)
        if m:
            return f"{int(m.group(1)):04d}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"
    return None


def _issuer(head: str) -> str | None:
    """The organ that issued it: the line before the date, or the subject of 关于印发 / 印发《》."""
    m = re.search(r"(?:^|\n|。)([^\n。：；]{2,40}?)\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日", head)
    if m and not re.search(r"[《》]", m.group(1)):
        return m.group(1).strip()
    m = re.search(r"(?:^|\n)([^\n]{2,40}?)关于印发", head)
    if m:
        return m.group(1).strip()
    m = re.search(r"(?:^|\n)([^\n《]{2,40}?)印发《", head)
    if m:
        return m.group(1).strip()
    return None


def _status(head: str, draft: bool, meta: Metadata) -> str | None:
    if draft:
        return "draft"
    if meta.number or meta.date:
        return "final"
    return None


def _level(meta: Metadata, head: str) -> str | None:
    """Administrative level: the place word leading the issuer or title, else the addressees."""
    for name in (meta.issuer, meta.title):
        if not name:
            continue
        name = re.sub(r"^(中共|关于)", "", name)
        for pattern, level in LEVEL_BY_SUFFIX:
            if re.search(pattern, name):
                return level
    for line in head.split("\n")[:8]:
        for pattern, level in LEVEL_BY_ADDRESSEE:
            if re.search(pattern, line):
                return level
    return None


def _implements(head: str, own_title: str | None) -> list[str]:
    """The documents the opening says it implements: 为贯彻落实《…》（…号） / 按照《…》.

    A notice that forwards the document (印发《X》…贯彻落实) names the document
    itself, not a parent: its own title is never a parent.
    """
    found: list[str] = []
    for sentence in re.split(r"(?<=。)", head):
        if not re.search(IMPLEMENTS_CUES, sentence):
            continue
        if re.search(r"现(将|印发)|印发给你们|印发《", sentence):
            continue
        sentence = re.sub(r"（以下简称[^（）]*）", "", sentence)
        for m in BOOK_TITLE_RE.finditer(sentence):
            after = sentence[m.end() :]
            num = re.match(r"[（(]([^（）()]*?号)[）)]", after)
            ref = f"《{m.group(1)}》" + (f"（{num.group(1)}）" if num else "")
            if m.group(1) == own_title:
                continue
            if ref not in found:
                found.append(ref)
    return found


# ------------------------------------------------------ laws and regulations


def read_law(text: str, head: str) -> Metadata | None:
    """The metadata of a law or regulation from its title line and history, or None if it is not one.

    A promulgation order printed above the law (中华人民共和国主席令　第七十九号 …
    signature, date) gives the number; the title and history follow it.
    """
    order, head = _promulgation_order(head)
    title, rest = _law_title(head)
    if title is None:
        return None
    acts = law_history(rest)
    if not acts:
        return None
    issuer = _with_place(acts[0].body, title)
    return Metadata(
        title=_strip_status(title),
        issuer=issuer,
        date=max(act.date for act in acts),
        number=order or next((act.order for act in reversed(acts) if act.order), None),
        status="draft" if "草案" in title else "final",
        level=_level(Metadata(issuer=issuer, title=title), ""),
        implements=_implements(rest[_history_end(rest) :], _strip_status(title)),
        history=acts,
        adopted=next((act.date for act in acts if act.kind in ("adopted", "promulgated")), acts[0].date),
        effective=_effective(text),
    )


def _promulgation_order(head: str) -> tuple[str | None, str]:
    """(主席令第七十九号, the header after the order's dated signature), or (None, head) without an order."""
    m = PROMULGATION_RE.match(head)
    if m is None:
        return None, head
    signed = re.compile(r"\n\s*" + DATE_RE.pattern + r"\s*(?=\n)").search(head, m.end())
    if signed is None:
        return None, head
    return _plain_body(m.group(1)) + m.group(2), head[signed.end() :]


def _law_title(head: str) -> tuple[str | None, str]:
    """The title line of a law (中华人民共和国慈善法) and the header text after it.

    A promulgation order above the title (中华人民共和国主席令　第四十三号) is passed
    over; a title glued to its history on one line ends where the history starts.
    """
    offset = 0
    for line in head.split("\n"):
        start, offset = offset, offset + len(line) + 1
        line = line.strip()
        if not line or ORDER_RE.fullmatch(line.replace(" ", "")) or re.fullmatch(r"第[一二三四五六七八九十百零\d]+号", line):
            continue
        m = re.match(rf"(.{{2,60}}?{LAW_TITLE})\s*(?=[（(]?\d{{4}}\s*年|$)", line)
        if not m or re.search(r"[。；，]", m.group(1)):
            return None, head
        return m.group(1).strip(), head[start + m.end() :]
    return None, head


def law_history(block: str) -> list[LegalAct]:
    """The acts a law's history states, oldest first: date, kind, body, decision, order number."""
    acts: list[LegalAct] = []
    for piece in ACT_START_RE.split(block):
        date = DATE_RE.match(piece)
        if not date:
            continue
        words = ACT_WORDS_RE.match(piece[date.end() :].lstrip(" "))
        if not words or not words.group(0).split("\n")[0].strip():
            continue  # a date on its own line (a signature date) is no act
        acts.append(_act(_iso(date), re.sub(r"\s*\n\s*", "", words.group(0)), first=not acts))
    return acts


def _act(date: str, words: str, first: bool) -> LegalAct:
    kind = next(kind for pattern, kind, _ in LEGAL_ACTS if re.search(pattern, words))
    if kind == "adopted" and not first:
        kind = "amended"  # a later 通过 adopts an amendment
    decision = re.search(r"《[^《》]*(?:《[^《》]*》[^《》]*)*》", words)
    order = ORDER_RE.search(words)
    number = f"{_plain_body(order.group(1))}{order.group(2)}第{order.group(3)}号" if order else None
    return LegalAct(date=date, kind=kind, body=_act_body(words, order), decision=decision and decision.group(0),
                    order=number)


def _act_body(words: str, order: re.Match | None) -> str | None:
    """Who acted: the organ of the order (国务院令), of the decision (《国务院关于…》) or of the meeting."""
    words = re.sub(r"^[（(\s]*(?:根据|经)?", "", words)
    if order is not None and order.start() < 4:
        body = order.group(1)
    elif words.startswith("《"):
        m = re.match(r"《(.{2,40}?)关于", words)
        body = m.group(1) if m else ""
    else:
        body = MEETING_RE.split(TERM_RE.sub("", words), maxsplit=1)[0]
    return _plain_body(body) or None


def _plain_body(body: str) -> str:
    """国务院 from 中华人民共和国国务院; 中央军事委员会 from 中央军委; terms (第十二届) dropped."""
    body = TERM_RE.sub("", body).replace("中华人民共和国", "").strip(" 　的")
    for short, full in BODY_FULL_NAMES.items():
        if full not in body:
            body = body.replace(short, full)
    return body


def _with_place(body: str | None, title: str) -> str | None:
    """市人民代表大会常务委员会 (a city's own short form) → 杭州市人民代表大会常务委员会, the place taken from the title."""
    place = re.match(r"[\u4e00-\u9fff]{1,6}?[省市]", title)
    if body and place and body[0] in "省市" and place.group(0).endswith(body[0]):
        return place.group(0) + body[1:]
    return body


def _history_end(block: str) -> int:
    """Where the history ends: after its last act verb and closing bracket."""
    ends = [m.end() for m in re.finditer(LEGAL_ACT_END + r"[）)]?", block[:3000])]
    return ends[-1] if ends else 0


def _effective(text: str) -> str | None:
    """The date of 本法自2021年6月1日起施行 (the last such sentence: the final provisions)."""
    found = list(EFFECTIVE_RE.finditer(text))
    if not found:
        return None
    m = found[-1]
    return f"{int(m.group(1)):04d}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"


def _iso(m: re.Match) -> str:
    return f"{int(m.group(1)):04d}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"
