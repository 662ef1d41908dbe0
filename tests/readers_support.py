"""Builders for the reader tests: real .docx and .pdf files generated on the fly.

The tests need documents with Word's automatic numbering, merged cells, text
layers with and without ToUnicode maps... none of which can be written by
hand as text, so they are made here from python-docx / reportlab / raw PDF.
"""
from __future__ import annotations

import io

W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


# ------------------------------------------------------------------- docx


class DocxBuilder:
    """A .docx in the making, with list definitions injected into numbering.xml.

    ``add_list`` takes levels as (numFmt, lvlText) pairs, or (numFmt, lvlText,
    start); it returns the numId paragraphs refer to.
    """

    def __init__(self):
        import docx

        self.doc = docx.Document()
        self.abstracts: list[str] = []
        self.nums: list[str] = []

    def add_abstract(self, levels, restarts: dict[int, int] | None = None) -> int:
        aid = len(self.abstracts) + 100
        lvls = []
        for ilvl, level in enumerate(levels):
            fmt, text, start = (*level, 1)[:3]
            restart = f'<w:lvlRestart w:val="{restarts[ilvl]}"/>' if restarts and ilvl in restarts else ""
            lvls.append(
                f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>{restart}'
                f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/></w:lvl>'
            )
        self.abstracts.append(f'<w:abstractNum {W_NS} w:abstractNumId="{aid}">{"".join(lvls)}</w:abstractNum>')
        return aid

    def add_num(self, abstract_id: int, start_override: dict[int, int] | None = None) -> int:
        num_id = len(self.nums) + 100
        overrides = "".join(
            f'<w:lvlOverride w:ilvl="{ilvl}"><w:startOverride w:val="{start}"/></w:lvlOverride>'
            for ilvl, start in (start_override or {}).items()
        )
        self.nums.append(f'<w:num {W_NS} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>{overrides}</w:num>')
        return num_id

    def add_list(self, levels, restarts=None) -> int:
        return self.add_num(self.add_abstract(levels, restarts))

    def para(self, text: str, num_id: int | None = None, ilvl: int = 0, style: str | None = None):
        from docx.oxml import parse_xml

        p = self.doc.add_paragraph(text, style=style)
        if num_id is not None:
            ppr = p._p.get_or_add_pPr()
            ppr.append(parse_xml(f'<w:numPr {W_NS}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'))
        return p

    def table(self, rows: list[list[str]]):
        """A table; a cell text with '\\n' becomes several paragraphs in the cell."""
        table = self.doc.add_table(rows=len(rows), cols=max(len(r) for r in rows))
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                cell = table.cell(r, c)
                first, *more = value.split("\n")
                cell.paragraphs[0].text = first
                for extra in more:
                    cell.add_paragraph(extra)
        return table

    def inject_run_xml(self, paragraph, xml: str) -> None:
        """Append raw run XML (a text box, a drawing) to ``paragraph``."""
        from docx.oxml import parse_xml

        paragraph._p.append(parse_xml(xml))

    def to_bytes(self) -> bytes:
        from docx.oxml import parse_xml

        numbering = self.doc.part.numbering_part.element
        for child in list(numbering):
            numbering.remove(child)
        for xml in self.abstracts + self.nums:  # abstractNums must precede nums
            numbering.append(parse_xml(xml))
        buf = io.BytesIO()
        self.doc.save(buf)
        return buf.getvalue()


TEXTBOX_RUN = (
    f'<w:r {W_NS} xmlns:v="urn:schemas-microsoft-com:vml"><w:pict><v:shape><v:textbox>'
    "<w:txbxContent><w:p><w:r><w:t>文本框里的字</w:t></w:r></w:p></w:txbxContent>"
    "</v:textbox></v:shape></w:pict></w:r>"
)


FOOTNOTES_XML = (
    f'<w:footnotes {W_NS}>'
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:id="1"><w:p><w:r><w:t>注：数据截至2024年底。</w:t></w:r></w:p></w:footnote>'
    '<w:footnote w:id="2"><w:p><w:r><w:t>注：含农村互助幸福院。</w:t></w:r></w:p></w:footnote>'
    "</w:footnotes>"
)
FOOTNOTES_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
FOOTNOTES_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"


def add_docx_part(data: bytes, name: str, xml: str, content_type: str, reltype: str) -> bytes:
    """Add a part (footnotes, comments...) that python-docx cannot create to a saved .docx."""
    import zipfile

    src = zipfile.ZipFile(io.BytesIO(data))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as out:
        for item in src.infolist():
            body = src.read(item.filename)
            if item.filename == "[Content_Types].xml":
                override = f'<Override PartName="/{name}" ContentType="{content_type}"/></Types>'
                body = body.replace(b"</Types>", override.encode())
            elif item.filename == "word/_rels/document.xml.rels":
                rel = f'<Relationship Id="rIdTest1" Type="{reltype}" Target="{name.split("/", 1)[1]}"/></Relationships>'
                body = body.replace(b"</Relationships>", rel.encode())
            out.writestr(item, body)
        out.writestr(name, xml)
    return buf.getvalue()


def png_bytes() -> bytes:
    """A 2x2 PNG for add_picture."""
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (2, 2), "white").save(buf, format="PNG")
    return buf.getvalue()


# -------------------------------------------------------------------- pdf


def reportlab_pdf(pages: list[list[str]], *, font_size: float = 12, width_chars: int = 30, footer=None) -> bytes:
    """A text-layer PDF in STSong-Light (a built-in CID font: no font file needed).

    Each page is a list of lines drawn top-down at ``font_size`` leading 1.5;
    a line starting with two ideographic spaces is drawn as an indented line,
    and a line longer than 60% of ``width_chars`` is justified to the right
    margin, as typeset Chinese text is.
    ``footer(page_no)`` returns a line drawn at the page bottom.
    """
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    width, height = A4
    for number, lines in enumerate(pages, 1):
        c.setFont("STSong-Light", font_size)
        y = height - 72
        for line in lines:
            indent = 0
            if line.startswith("\u3000\u3000"):
                indent, line = 2 * font_size, line[2:]
            natural = pdfmetrics.stringWidth(line, "STSong-Light", font_size)
            target = width_chars * font_size - indent
            text = c.beginText(72 + indent, y)
            text.setFont("STSong-Light", font_size)
            if natural > 0.6 * target and len(line) > 1:  # justify full lines to the right margin
                text.setCharSpace((target - natural) / (len(line) - 1))
            text.textOut(line)
            c.drawText(text)
            y -= font_size * 1.5
        if footer:
            c.drawCentredString(width / 2, 40, footer(number))
        c.showPage()
    c.save()
    return buf.getvalue()


def encrypted_pdf(user_password: str = "secret") -> bytes:
    """A PDF that needs a password to open."""
    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, encrypt=pdfencrypt.StandardEncryption(user_password, ownerPassword="owner"))
    c.drawString(100, 700, "Confidential")
    c.showPage()
    c.save()
    return buf.getvalue()


def ruled_table_pdf(
    before: str, rows: list[list[str]], after: str, font_size: float = 12, ruled: bool = True
) -> bytes:
    """One page: a line of text, a table (with ruling lines unless ``ruled`` is False), a line of text."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    top = A4[1] - 72
    c.setFont("STSong-Light", font_size)
    c.drawString(72, top, before)
    col_w, row_h = 120, 24
    xs = [72 + i * col_w for i in range(len(rows[0]) + 1)]
    ys = [top - 20 - i * row_h for i in range(len(rows) + 1)]
    if ruled:
        c.grid(xs, ys)
    for r, row in enumerate(rows):
        for k, cell in enumerate(row):
            c.drawString(xs[k] + 4, ys[r] - row_h + 8, cell)
    c.drawString(72, ys[-1] - 24, after)
    c.showPage()
    c.save()
    return buf.getvalue()


def image_only_pdf(pages: int = 2) -> bytes:
    """A 'scanned' PDF: each page only an image, no text layer."""
    from PIL import Image
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    img = io.BytesIO()
    Image.new("L", (200, 280), 200).save(img, format="PNG")
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    for _ in range(pages):
        c.drawImage(ImageReader(io.BytesIO(img.getvalue())), 50, 50, 400, 560)
        c.showPage()
    c.save()
    return buf.getvalue()


def cid_pdf(runs: list[tuple[str, list[int] | str]]) -> bytes:
    """A raw PDF whose lines are (font, content): font "F1" a Helvetica text run,
    font "F2" a list of glyph ids in an Identity-H font WITHOUT a ToUnicode map,
    which text extractors can only show as (cid:N) -- what many Chinese PDFs do
    to their digits.
    """
    ops = ["BT", "72 760 Td", "14 TL"]
    for font, content in runs:
        if font == "F1":
            ops.append(f"/F1 12 Tf ({content}) Tj T*")
        else:
            hexs = "".join(f"{g:04X}" for g in content)
            ops.append(f"/F2 12 Tf <{hexs}> Tj T*")
    ops.append("ET")
    stream = "\n".join(ops).encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H /DescendantFonts [7 0 R] >>",
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun "
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 1000 >>",
    ]
    return _assemble_pdf(objects)


def _assemble_pdf(objects: list[bytes]) -> bytes:
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


__all__ = [
    "DocxBuilder", "TEXTBOX_RUN", "FOOTNOTES_XML", "FOOTNOTES_TYPE", "FOOTNOTES_REL", "add_docx_part", "png_bytes", "reportlab_pdf", "encrypted_pdf", "ruled_table_pdf", "image_only_pdf", "cid_pdf"]
