"""Word (.docx) reader: body paragraphs and tables in document order, with list numbers.

Chinese policy documents often number their clauses with Word's *automatic*
numbering (一、 / （一） / 第一条). Those labels live in numbering.xml, not in
the paragraph text, so a naive reader silently loses every clause label; this
reader renders them itself (see :class:`Numbering`). Everything it does not
read (images, text boxes, footnotes, headers and footers, embedded objects,
comments) is counted and reported as a warning.
"""
from __future__ import annotations

import io
import zlib
from collections import Counter
from pathlib import Path

from tracker.errors import InputError
from tracker.model import RawText
from tracker.readers.numerals import CIRCLED, FULL_STOP, PARENTHESIZED, format_number
from tracker.readers.text import join_cjk

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {
    "w": W,
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
    "wps": "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
    "v": "urn:schemas-microsoft-com:vml",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
}
NOT_DOCX = "is not a valid .docx (damaged or not a Word file)"


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


#: Clark names of the tags the walker meets on every paragraph and run, built once: the
#: walk visits each element of a large document, and formatting a name per visit cost
#: a third of reading time.
P, TBL, R, T, PPR, RPR, VANISH = (_w(t) for t in ("p", "tbl", "r", "t", "pPr", "rPr", "vanish"))
TABS = frozenset({_w("tab"), _w("ptab")})
BREAKS = frozenset({_w("br"), _w("cr")})
HYPHEN = _w("noBreakHyphen")
CONTAINERS = frozenset({_w("sdt"), _w("customXml"), _w("sdtContent"), _w("ins"), _w("moveTo")})
DELETED = frozenset({_w("del"), _w("moveFrom")})
GRAPHICS = frozenset({_w("drawing"), _w("pict")})
OBJECT = _w("object")
NOT_TEXT = frozenset({_w("pPr"), _w("rPr"), _w("instrText"), _w("delText")})


def _val(el, path: str, default: str | None = None) -> str | None:
    """The w:val attribute of the first element at ``path`` under ``el``."""
    if el is None:
        return default
    found = el.find(path, NS)
    if found is None:
        return default
    return found.get(_w("val"), default)


# ------------------------------------------------------------- numbering


class Level:
    """One w:lvl of an abstract numbering definition."""

    def __init__(self, el):
        self.start = int(_val(el, "w:start", "1") or 1)
        self.fmt = _val(el, "w:numFmt", "decimal")
        self.text = _val(el, "w:lvlText", "")
        self.suffix = _val(el, "w:suff", "tab")
        restart = _val(el, "w:lvlRestart")
        self.restart = int(restart) if restart is not None else None
        self.legal = el.find("w:isLgl", NS) is not None
        self.style = _val(el, "w:pStyle")


class Numbering:
    """Renders Word's automatic list labels from numbering.xml, in reading order.

    Counters are kept per abstract list, as Word does (two w:num that share an
    abstractNum continue each other), except that a w:num carrying its own
    w:lvlOverride gets a counter of its own that starts at its startOverride.
    """

    def __init__(self, numbering_el, styles_el):
        self.abstract: dict[str, dict[int, Level]] = {}
        self.nums: dict[str, tuple[str, dict[int, int], dict[int, Level]]] = {}
        self.style_num: dict[str, tuple[str | None, int | None]] = {}
        self.style_based: dict[str, str] = {}
        self.counters: dict[str, dict[int, int]] = {}
        self.started: set[str] = set()
        if styles_el is not None:
            self._load_styles(styles_el)
        if numbering_el is not None:
            self._load(numbering_el)

    def _load_styles(self, styles_el) -> None:
        for style in styles_el.findall("w:style", NS):
            sid = style.get(_w("styleId"))
            based = _val(style, "w:basedOn")
            if based:
                self.style_based[sid] = based
            num_pr = style.find("w:pPr/w:numPr", NS)
            if num_pr is not None:
                ilvl = _val(num_pr, "w:ilvl")
                self.style_num[sid] = (_val(num_pr, "w:numId"), int(ilvl) if ilvl else None)

    def _load(self, el) -> None:
        links: dict[str, str] = {}
        for absnum in el.findall("w:abstractNum", NS):
            aid = absnum.get(_w("abstractNumId"))
            self.abstract[aid] = {int(lvl.get(_w("ilvl"), "0")): Level(lvl) for lvl in absnum.findall("w:lvl", NS)}
            link = _val(absnum, "w:numStyleLink")
            if link:
                links[aid] = link
        for num in el.findall("w:num", NS):
            overrides, levels = {}, {}
            for ov in num.findall("w:lvlOverride", NS):
                ilvl = int(ov.get(_w("ilvl"), "0"))
                start = _val(ov, "w:startOverride")
                if start is not None:
                    overrides[ilvl] = int(start)
                lvl = ov.find("w:lvl", NS)
                if lvl is not None:
                    levels[ilvl] = Level(lvl)
            self.nums[num.get(_w("numId"))] = (_val(num, "w:abstractNumId"), overrides, levels)
        # numStyleLink: the abstractNum only points at a style whose numPr holds the real list
        for aid, style in links.items():
            num_id = self.style_num.get(style, (None, None))[0]
            target = self.nums.get(num_id or "", (None,))[0]
            if target and target in self.abstract and target != aid and not self.abstract[aid]:
                self.abstract[aid] = self.abstract[target]

    def _style_numpr(self, style: str | None) -> tuple[str | None, int | None]:
        seen = set()
        while style and style not in seen:
            seen.add(style)
            if style in self.style_num:
                return self.style_num[style]
            style = self.style_based.get(style)
        return None, None

    def label(self, p) -> str:
        """The rendered list label of paragraph element ``p`` ('' when it has none), advancing counters."""
        ppr = p.find(PPR)
        if ppr is None:
            return ""  # no paragraph properties: no list, no style that could bring one
        num_id = _val(ppr, "w:numPr/w:numId")
        ilvl_s = _val(ppr, "w:numPr/w:ilvl")
        style = _val(ppr, "w:pStyle")
        if num_id is None:
            num_id, style_ilvl = self._style_numpr(style)
            if num_id is None:
                return ""
            ilvl_s = ilvl_s if ilvl_s is not None else (str(style_ilvl) if style_ilvl is not None else None)
        if num_id == "0" or num_id not in self.nums:
            return ""
        abstract_id, overrides, own_levels = self.nums[num_id]
        levels = {**self.abstract.get(abstract_id or "", {}), **own_levels}
        if not levels:
            return ""
        ilvl = int(ilvl_s) if ilvl_s is not None else self._level_for_style(levels, style)
        if ilvl not in levels:
            return ""
        key = f"num:{num_id}" if (overrides or own_levels) else f"abs:{abstract_id}"
        counters = self.counters.setdefault(key, {})
        if key not in self.started:
            self.started.add(key)
            for lvl, start in overrides.items():
                counters[lvl] = start - 1
        counters[ilvl] = counters.get(ilvl, levels[ilvl].start - 1) + 1
        for deeper, lvl in levels.items():
            if deeper > ilvl and self._restarts(lvl, deeper, ilvl):
                counters.pop(deeper, None)
        return self._render(levels, counters, ilvl)

    @staticmethod
    def _level_for_style(levels: dict[int, Level], style: str | None) -> int:
        for ilvl, lvl in levels.items():
            if style and lvl.style == style:
                return ilvl
        return 0

    @staticmethod
    def _restarts(lvl: Level, deeper: int, used: int) -> bool:
        """w:lvlRestart=N: restart after a level numbered below N (1-based) is used; 0: never."""
        if lvl.restart is None:
            return True
        return lvl.restart != 0 and used < lvl.restart

    @staticmethod
    def _render(levels: dict[int, Level], counters: dict[int, int], ilvl: int) -> str:
        lvl = levels[ilvl]
        if lvl.fmt == "bullet":
            return ""  # bullets carry no clause label; the symbol-font glyph is meaningless as text
        text = lvl.text or ""
        for n in range(9):
            token = f"%{n + 1}"
            if token in text:
                ref = levels.get(n, lvl)
                value = counters.get(n, ref.start)
                fmt = "decimal" if (lvl.legal and n < ilvl) else ref.fmt
                text = text.replace(token, format_number(value, fmt))
        if not text:
            return ""
        if lvl.suffix == "nothing" or text[-1] in LABEL_END_PUNCT:
            return text
        return text + ("\u3000" if text[-1] >= "\u2e80" else " ")


#: what the body walk skipped -> the warning it gives (counts, never silence)
SKIP_MESSAGES = {
    "image": "skipped {n} image(s)",
    "chart": "skipped {n} chart(s)",
    "shape": "skipped {n} drawing shape(s)",
    "textbox": "skipped {n} text box(es); their text is not read",
    "object": "skipped {n} embedded object(s) (OLE: spreadsheets, equations...)",
    "hidden": "skipped {n} hidden text run(s)",
    "deletion": "skipped {n} tracked deletion(s); the text is read as if all changes were accepted",
    "nested": "flattened {n} table(s) nested in a table cell into their cell",
}

#: a label ending in one of these needs no separator before the text (一、 （一） 1. ①)
LABEL_END_PUNCT = "、，．.）)]】〕:：" + CIRCLED + PARENTHESIZED + FULL_STOP


# ------------------------------------------------------------------ body


class _Walker:
    """Walks the document body in order, producing lines and counting what it skips."""

    def __init__(self, numbering: Numbering):
        self.numbering = numbering
        self.lines: list[str] = []
        self.skipped: Counter[str] = Counter()

    def block(self, el, out: list[str]) -> None:
        tag = el.tag
        if tag == P:
            out.append(self.paragraph(el))
        elif tag == TBL:
            out.extend(self.table(el))
        elif tag in CONTAINERS:
            for child in el:
                self.block(child, out)

    def paragraph(self, p) -> str:
        label = self.numbering.label(p)
        parts: list[str] = []
        self._inline(p, parts)
        return label + "".join(parts)

    def _inline(self, el, parts: list[str]) -> None:
        """Collect the visible text under ``el``, skipping (and counting) drawings and objects."""
        for child in el:
            tag = child.tag
            if not isinstance(tag, str):
                continue
            if tag == T:
                parts.append(child.text or "")
            elif tag == R:
                if _is_hidden(child) and child.find(T) is not None:
                    self.skipped["hidden"] += 1
                    continue
                self._inline(child, parts)
            elif tag in NOT_TEXT:
                continue
            elif tag in TABS:
                parts.append("\t")
            elif tag in BREAKS:
                parts.append("\n")
            elif tag == HYPHEN:
                parts.append("-")
            elif tag in DELETED:
                self.skipped["deletion"] += 1
            elif tag in GRAPHICS or tag.endswith("}AlternateContent"):
                self._count_graphic(child)
            elif tag == OBJECT:
                self.skipped["object"] += 1
            else:  # hyperlink, ins, smartTag, fldSimple, sdt, customXml...
                self._inline(child, parts)

    def _count_graphic(self, el) -> None:
        """Count one drawing/VML object by what it holds; mc:Fallback duplicates are not counted."""
        choice = el.find("mc:Choice", NS)
        scope = choice if choice is not None else el
        graphic = scope.find(".//a:graphicData", NS)
        uri = (graphic.get("uri") or "") if graphic is not None else ""
        if scope.find(".//w:txbxContent", NS) is not None:
            self.skipped["textbox"] += 1
        elif uri.endswith("/picture") or scope.find(".//v:imagedata", NS) is not None:
            self.skipped["image"] += 1
        elif "chart" in uri:
            self.skipped["chart"] += 1
        else:
            self.skipped["shape"] += 1

    def table(self, tbl) -> list[str]:
        rows = []
        for tr in _children(tbl, "tr"):
            cells = [self.cell(tc) for tc in _children(tr, "tc")]
            if any(cells):
                rows.append("| " + " | ".join(cells) + " |")
        return rows

    def cell(self, tc) -> str:
        """A cell's text on one line; a vertical-merge continuation is empty (the value shows once)."""
        vmerge = tc.find("w:tcPr/w:vMerge", NS)
        if vmerge is not None and vmerge.get(_w("val"), "continue") == "continue":
            return ""
        lines: list[str] = []
        for child in tc:
            if child.tag == _w("tcPr"):
                continue
            if child.tag == _w("tbl"):
                self.skipped["nested"] += 1
            self.block(child, lines)
        text = ""
        for line in "\n".join(lines).split("\n"):
            text = join_cjk(text, line.replace("\t", " ").strip())
        return text.replace("|", "｜")


def _is_hidden(run) -> bool:
    """Run formatted as hidden text (w:vanish, unless switched off with val 0/false)."""
    rpr = run.find(RPR)
    vanish = rpr.find(VANISH) if rpr is not None else None
    return vanish is not None and vanish.get(_w("val"), "true") not in ("0", "false", "off")


def _children(el, tag: str):
    """Direct ``w:tag`` children of ``el``, looking through content controls (w:sdt)."""
    for child in el:
        if child.tag == _w(tag):
            yield child
        elif child.tag in (_w("sdt"), _w("customXml")):
            content = child.find("w:sdtContent", NS)
            yield from _children(content if content is not None else child, tag)


# ------------------------------------------------------------ side parts


def _part_elements(document, reltype: str):
    from lxml import etree

    for rel in document.part.rels.values():
        if rel.is_external or rel.reltype != reltype:
            continue
        try:
            yield etree.fromstring(rel.target_part.blob)
        except etree.XMLSyntaxError:
            continue


def _side_warnings(document) -> list[str]:
    """Warnings for the parts a policy reader does not put in the text: headers, footers, notes, comments."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    warnings = []
    for reltype, what in ((RT.HEADER, "header"), (RT.FOOTER, "footer")):
        texts = {
            "".join(t.text or "" for t in el.iter(_w("t"))).strip() for el in _part_elements(document, reltype)
        } - {""}
        if texts:
            sample = "; ".join(sorted(texts))[:60]
            warnings.append(f"skipped {len(texts)} page {what}(s) with text ({sample})")
    for reltype, tag, what in (
        (RT.FOOTNOTES, "footnote", "footnote"),
        (RT.ENDNOTES, "endnote", "endnote"),
        (RT.COMMENTS, "comment", "comment"),
    ):
        count = 0
        for el in _part_elements(document, reltype):
            for note in el.iter(_w(tag)):
                # separator / continuation footnotes are layout, not content
                if note.get(_w("type")) in (None, "normal") and "".join(t.text or "" for t in note.iter(_w("t"))).strip():
                    count += 1
        if count:
            warnings.append(f"skipped {count} {what}(s) (not part of the body text)")
    return warnings


#: most bytes a .docx may unpack to, all parts together (pictures included), and most
#: bytes of XML it may hold (the parts that are parsed). A zip bomb (855 KB inflating to
#: 200 MB took 90 s and 5.7 GB) is refused before anything is parsed. The XML limit keeps
#: reading within the 10 s a command may take (issue 19): about 0.6 s per MB of XML; 16 MB
#: of Word XML holds several thousand pages of text.
MAX_UNPACKED = 128 * 1024 * 1024
MAX_XML = 16 * 1024 * 1024
#: most parts a .docx may hold; Word writes a few dozen
MAX_PARTS = 10_000
_CHUNK = 1 << 20


def check_unpacked_size(data: bytes) -> None:
    """Refuse a package whose parts unpack beyond MAX_UNPACKED: by the sizes its directory
    declares, then by the bytes that really come out (a forged directory cannot lie past it)."""
    import zipfile

    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError):
        return  # python-docx reports the damaged package in its own words
    with archive:
        members = archive.infolist()
        if len(members) > MAX_PARTS:
            raise InputError(f"is a .docx of {len(members)} parts (at most {MAX_PARTS}): refused as a possible zip bomb")
        xml = [m for m in members if _is_xml(m.filename)]
        for chosen, limit, what in ((members, MAX_UNPACKED, "parts"), (xml, MAX_XML, "XML parts")):
            declared = sum(m.file_size for m in chosen)
            if declared > limit:
                biggest = max(chosen, key=lambda m: m.file_size)
                raise InputError(_too_big(what, limit, declared, f"{biggest.filename} alone {biggest.file_size / 1048576:.0f} MB"))
        unpacked = {True: 0, False: 0}
        for member in members:
            is_xml = _is_xml(member.filename)
            try:
                with archive.open(member) as part:
                    while chunk := part.read(_CHUNK):
                        unpacked[is_xml] += len(chunk)
                        for total, limit, what in ((unpacked[True] + unpacked[False], MAX_UNPACKED, "parts"),
                                                   (unpacked[True], MAX_XML, "XML parts")):
                            if total > limit:
                                raise InputError(_too_big(what, limit, total, f"reached in {member.filename}, "
                                                          "more than its directory declares"))
            except (zipfile.BadZipFile, RuntimeError, NotImplementedError, OSError, EOFError, zlib.error):
                continue  # a damaged or encrypted part: python-docx's own error says so


def _is_xml(name: str) -> bool:
    return name.endswith((".xml", ".rels"))


def _too_big(what: str, limit: int, total: int, detail: str) -> str:
    return (
        f"is a .docx whose {what} unpack to more than {limit // 1048576} MB ({total / 1048576:.0f} MB, {detail}): "
        "refused as a possible zip bomb or a document too large to read in time"
    )


def _open(data: bytes):
    """Open the package with python-docx, turning every library failure into one InputError."""
    import docx

    check_unpacked_size(data)
    try:
        return docx.Document(io.BytesIO(data))
    except Exception as exc:  # BadZipFile, KeyError, ValueError, XMLSyntaxError, PackageNotFoundError...
        raise InputError(NOT_DOCX) from exc


def read_docx(path: Path, data: bytes) -> RawText:
    """Read a .docx: paragraphs and tables in body order, list labels rendered, skips reported."""
    document = _open(data)
    try:
        body = _plain_body(document)
        styles = document.styles.element
        numbering_els = list(_part_elements(document, _numbering_reltype()))
        walker = _Walker(Numbering(numbering_els[0] if numbering_els else None, styles))
        lines: list[str] = []
        for child in body:
            walker.block(child, lines)
        warnings = [SKIP_MESSAGES[what].format(n=n) for what, n in sorted(walker.skipped.items())]
        warnings += _side_warnings(document)
    except InputError:
        raise
    except Exception as exc:  # malformed XML inside a valid zip
        raise InputError(f"{NOT_DOCX}: {type(exc).__name__}") from exc
    text = "\n".join(lines)
    return RawText(text=text, source=str(path), format="docx", encoding=None, warnings=warnings)


def _plain_body(document):
    """The body as plain lxml elements. python-docx's own tree builds a Python proxy object
    for every element visited, which made walking a large document three times slower."""
    from lxml import etree

    root = etree.fromstring(document.part.blob)
    body = root.find(_w("body"))
    return body if body is not None else document.element.body


def _numbering_reltype() -> str:
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    return RT.NUMBERING
