"""Document metadata read from the text: title, issuer, date, 文号, status, level, parents.

Everything here reads the header block (the text before the first clause) and
the words removed as web junk (a 发布时间 line). A field that cannot be read is
left None rather than guessed.
"""
from __future__ import annotations

import re

from tracker.cues import (
    DOC_TYPES,
    IMPLEMENTS_CUES,
    LEVEL_BY_ADDRESSEE,
    LEVEL_BY_SUFFIX,
    STATUS_MARKERS,
)
from tracker.model import CleanText, Metadata

DOC_NUMBER_RE = re.compile(r"[\u4e00-\u9fff]{1,10}[〔\[［(（]\d{4}[〕\]］)）]\d{1,4}号")
DATE_RE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
ISO_DATE_RE = re.compile(r"发布(?:时间|日期)[:：]?\s*(\d{4})-(\d{1,2})-(\d{1,2})")
BOOK_TITLE_RE = re.compile(r"《((?:[^《》]|《[^《》]*》)+)》")


def read_metadata(text: str, preamble: str, cleaned: CleanText) -> Metadata:
    """Every metadata field the header block states."""
    head = preamble or text[:2000]
    title, draft = _title(head)
    meta = Metadata(title=title)
    meta.number = _own_number(head)
    meta.date = _date(head, cleaned)
    meta.issuer = _issuer(head)
    meta.status = _status(head, draft, meta)
    meta.level = _level(meta, head)
    meta.implements = _implements(head, meta.title)
    return meta


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
