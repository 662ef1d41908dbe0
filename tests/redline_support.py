"""Accept or reject every tracked change of a .docx by XML transformation, as Word does.

Written against the OOXML rules, not against tracker's writer: text inside
``w:ins`` / ``w:moveTo`` stays on accept and goes on reject, text inside
``w:del`` / ``w:moveFrom`` the opposite; a paragraph whose mark is itself a
removed revision (``w:pPr/w:rPr/w:ins`` on reject, ``w:del`` on accept) joins
the paragraph after it. Works on any .docx, so it also reads LibreOffice's
re-saved file.
"""
from __future__ import annotations

import io
import zipfile

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
INSERTED = {f"{{{W}}}ins", f"{{{W}}}moveTo"}
DELETED = {f"{{{W}}}del", f"{{{W}}}moveFrom"}
TEXT = {f"{{{W}}}t", f"{{{W}}}delText"}


def document_xml(data: bytes):
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return etree.fromstring(archive.read("word/document.xml"))


def body_paragraphs(root, bookmark: str | None):
    """The body's paragraphs, from the one holding ``bookmark`` on (all when None)."""
    paragraphs = [p for p in root.find(f"{{{W}}}body") if p.tag == f"{{{W}}}p"]
    if bookmark is None:
        return paragraphs
    for k, p in enumerate(paragraphs):
        for mark in p.iter(f"{{{W}}}bookmarkStart"):
            if mark.get(f"{{{W}}}name") == bookmark:
                return paragraphs[k:]
    raise AssertionError(f"no bookmark {bookmark!r} in the document")


def _kept(element, stop, mode: str) -> bool:
    node = element.getparent()
    while node is not None and node is not stop:
        if node.tag in INSERTED and mode == "reject":
            return False
        if node.tag in DELETED and mode == "accept":
            return False
        node = node.getparent()
    return True


def _mark_removed(p, mode: str) -> bool:
    rpr = p.find(f"{{{W}}}pPr/{{{W}}}rPr")
    if rpr is None:
        return False
    tags = {child.tag for child in rpr}
    return bool(tags & (INSERTED if mode == "reject" else DELETED))


def resolved_text(data: bytes, mode: str, bookmark: str | None = "tracker_text") -> str:
    """The text after accepting (``mode="accept"``) or rejecting every revision; paragraphs joined by \\n."""
    out: list[str] = []
    joining = False
    for p in body_paragraphs(document_xml(data), bookmark):
        text = "".join(t.text or "" for t in p.iter(*TEXT) if _kept(t, p, mode))
        if joining:
            out[-1] += text
        else:
            out.append(text)
        joining = _mark_removed(p, mode)
    return "\n".join(out)
