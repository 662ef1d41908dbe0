"""The 对照表 as a Word document, the form Chinese legal staff circulate.

Two columns (修改前 / 修改后, or 上级文件 / 本级文件), deletions struck and
insertions underlined, header row repeated on every page, A4 portrait. Only
changed clauses are listed, as a 修改对照表 does; the count of unchanged ones is
stated so nothing is silently left out. Chinese text needs its East Asian font
named explicitly (w:eastAsia), or Word falls back to a Latin font's CJK
substitute and the table looks foreign.
"""
from __future__ import annotations

import io
import os

from docx import Document as WordDocument
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from tracker.characters import neutralise
from tracker.model import DiffResult, Document
from tracker.render.inline import Segment
from tracker.render.view import Part, ReportView, build_view

BODY_FONT = ("Times New Roman", "宋体")
HEADING_FONT = ("Arial", "黑体")
DELETED = RGBColor(0x9B, 0x1C, 0x1C)
INSERTED = RGBColor(0x1E, 0x4F, 0x91)
MUTED = RGBColor(0x5F, 0x66, 0x70)


def set_font(target, fonts: tuple[str, str]) -> None:
    """Latin and East Asian font names on a run or a style (w:rFonts w:eastAsia)."""
    latin, east_asian = fonts
    target.font.name = latin
    element = target.element if hasattr(target, "element") else target._element
    rpr = element.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = OxmlElement("w:rFonts")
        rpr.insert(0, rfonts)
    rfonts.set(qn("w:eastAsia"), east_asian)


def run(paragraph, text: str, *, bold=False, strike=False, underline=False, color=None, size=None, fonts=BODY_FONT):
    """One run of text; a control character XML cannot hold (or a bidi control) is written as visible ``\\x01``."""
    r = paragraph.add_run(neutralise(text))
    set_font(r, fonts)
    r.bold = bold or None
    r.font.strike = strike or None
    r.font.underline = underline or None
    if color is not None:
        r.font.color.rgb = color
    if size is not None:
        r.font.size = Pt(size)
    return r


def segments(paragraph, items: list[Segment]) -> None:
    for op, text in items:
        if op == "del":
            run(paragraph, text, strike=True, color=DELETED)
        elif op == "ins":
            run(paragraph, text, underline=True, color=INSERTED)
        else:
            run(paragraph, text)


def repeat_header(row) -> None:
    """Mark a table row as a header repeated at the top of every page."""
    tr_pr = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    tr_pr.append(header)


def keep_row_together(row) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    cant = OxmlElement("w:cantSplit")
    cant.set(qn("w:val"), "true")
    tr_pr.append(cant)


def fill_cell(cell, parts: list[Part], change_word: str | None) -> None:
    paragraph = cell.paragraphs[0]
    if not parts:
        run(paragraph, "（无对应条款）", color=MUTED, size=9)
    for i, part in enumerate(parts):
        if i:
            paragraph = cell.add_paragraph()
        run(paragraph, f"{part.clause_id} ", bold=True, fonts=HEADING_FONT, size=9.5)
        segments(paragraph, part.segments)
        if part.duty:
            duty = cell.add_paragraph()
            segments(duty, part.duty)
            for r in duty.runs:
                r.font.size = Pt(9)
    if change_word:
        note = cell.add_paragraph()
        run(note, change_word, color=MUTED, size=9, fonts=HEADING_FONT)


def setup(word) -> None:
    section = word.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(2))
    section.top_margin, section.bottom_margin = Cm(2.2), Cm(2)
    normal = word.styles["Normal"]
    set_font(normal, BODY_FONT)
    normal.font.size = Pt(10.5)
    normal.paragraph_format.space_after = Pt(2)
    normal.paragraph_format.line_spacing = 1.3


def heading(word, text: str, size: float, align=WD_ALIGN_PARAGRAPH.LEFT):
    paragraph = word.add_paragraph()
    paragraph.alignment = align
    paragraph.paragraph_format.space_before = Pt(10)
    paragraph.paragraph_format.space_after = Pt(6)
    run(paragraph, text, bold=True, size=size, fonts=HEADING_FONT)
    return paragraph


def table(word, header: list[str], widths: list[float]):
    tbl = word.add_table(rows=1, cols=len(header))
    tbl.style = "Table Grid"
    tbl.alignment = WD_TABLE_ALIGNMENT.CENTER
    tbl.autofit = False
    for cell, text, width in zip(tbl.rows[0].cells, header, widths):
        cell.width = Cm(width)
        run(cell.paragraphs[0], text, bold=True, fonts=HEADING_FONT)
        cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    repeat_header(tbl.rows[0])
    return tbl


def add_row(tbl, widths: list[float]):
    row = tbl.add_row()
    keep_row_together(row)
    for cell, width in zip(row.cells, widths):
        cell.width = Cm(width)
    return row


def document_lines(word, cards) -> None:
    """One line per document under the heading: its role, title and the facts a reviewer files it by."""
    for doc in cards:
        facts = "，".join(f for f in (doc.issuer, doc.number, doc.level, doc.date, doc.status, doc.ref) if f)
        paragraph = word.add_paragraph()
        run(paragraph, f"{doc.role}：", bold=True, fonts=HEADING_FONT)
        run(paragraph, f"《{doc.title}》" + (f"（{facts}）" if facts else ""))


def build(view: ReportView):
    word = WordDocument()
    setup(word)
    heading(word, f"{view.new.title}", 15, WD_ALIGN_PARAGRAPH.CENTER)
    heading(word, f"新旧对照表（{view.mode_words}）", 12, WD_ALIGN_PARAGRAPH.CENTER)
    document_lines(word, (view.old, view.new))

    heading(word, "指标变化", 12)
    counts = word.add_paragraph()
    run(counts, "　".join(f"{l.icon}{l.zh} {view.counts[l.key]}" for l in view.count_labels))
    for group in view.groups:
        if not group.rows:
            continue
        if group.heading:
            heading(word, f"{group.heading}（{len(group.rows)} 项）", 11)
        widths = [2.4, 3.4, 3.3, 3.3, 1.8, 2.8]
        tbl = table(word, ["条款", "指标", view.headings[0], view.headings[1], "判断", "理由"], widths)
        for t in group.rows:
            cells = add_row(tbl, widths).cells
            for cell, text in zip(cells, [t.clause, t.indicator or "—", t.old, t.new, f"{t.label.icon}{t.label.zh}",
                                          "；".join(t.reasons)]):
                run(cell.paragraphs[0], text, size=9)

    rows = [r for r in view.rows if r.changed]
    heading(word, f"新旧对照表（有变化的条款 {len([r for r in rows if r.change != 'moved-from'])} 条）", 12)
    widths = [8.5, 8.5]
    tbl = table(word, list(view.headings), widths)
    for row in rows:
        cells = add_row(tbl, widths).cells
        targets = "，".join(f"{l.icon}{l.zh}" for l in row.shown_target_labels)
        fill_cell(cells[0], row.old, None)
        word_note = f"［{row.label.icon}{row.label.zh}" + (f"；指标 {targets}" if targets else "") + "］"
        notes = "；".join(f"责任单位：{n}" for n in row.notes)
        links = "；".join(link.text for link in row.links)
        remarks = "；".join(row.remarks)
        fill_cell(cells[1], row.new, " ".join(x for x in (word_note, remarks, notes, links) if x))
    unchanged = len([r for r in view.rows if r.change == "unchanged"])
    if unchanged:
        paragraph = word.add_paragraph()
        run(paragraph, f"（其余未变条款 {unchanged} 条从略。删除的文字加删除线，新增的文字加下划线。）", color=MUTED, size=9)
    return word


def render_docx(result: DiffResult, old_doc: Document | None = None, new_doc: Document | None = None,
                path: str | os.PathLike | None = None) -> bytes:
    """The Word file's bytes; also written to ``path`` when one is given."""
    buffer = io.BytesIO()
    build(build_view(result, old_doc, new_doc)).save(buffer)
    data = buffer.getvalue()
    if path is not None:
        with open(path, "wb") as handle:
            handle.write(data)
    return data
