"""HTML reader for saved government and news pages: the policy text, not the page.

Three steps, each reported in the warnings: (1) drop page furniture by tag
and by id/class name patterns (navigation, breadcrumbs, share bars,
footers...), (2) pick the main content block by text density -- the element
with the most Chinese prose and the least link text -- and (3) write its block
elements as lines, data tables as ``| cell | cell |`` rows.
"""
from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from tracker.errors import InputError
from tracker.model import RawText
from tracker.readers.text import CJK, close_cjk_spaces, decode, join_cjk

#: tags that never hold policy text, removed wherever they are
NEVER_TEXT_TAGS = ("script", "style", "noscript", "template", "svg", "canvas", "link", "meta")
#: page-furniture tags, removed unless they hold most of the page's prose (ASP.NET pages wrap
#: the whole page in one <form>); <header>/<footer> are kept inside <article>/<main>, where they
#: frame the document itself
FURNITURE_TAGS = (
    "nav", "aside", "form", "iframe", "button", "select", "input", "textarea", "object", "embed",
    "header", "footer",
)

#: id/class tokens of page furniture, as data. A token (one class name, or the
#: id) is furniture when it CONTAINS an "anywhere" word, when one of its -/_
#: separated PARTS is a "part" word, or when it IS a "whole" word -- header
#: and top only as whole tokens, since "article-header" holds the title.
JUNK_NAMES = {
    "anywhere": (
        "breadcrumb", "crumb", "navbar", "navigation", "sidebar", "copyright", "share", "fenxiang",
        "qrcode", "erweima", "advert", "banquan", "pinglun", "dqwz",
    ),
    "part": (
        "nav", "navs", "menu", "menus", "submenu", "position", "location", "foot", "footer", "bottom",
        "comment", "comments", "reply", "related", "recommend", "xgwz", "hot", "rank", "ad", "ads",
        "banner", "search", "login", "toolbar", "tools", "print", "side", "aside", "social", "weizhi",
    ),
    "whole": ("header", "head", "top", "topbar", "site-header", "page-header", "g-header", "header-wrap"),
}
#: removing an element by its name is refused when it holds more than this share of the page's prose
PROTECT_SHARE = 0.5

BLOCK_TAGS = frozenset(
    "p div li ul ol dl dt dd h1 h2 h3 h4 h5 h6 section article main header footer blockquote pre "
    "table tbody thead tfoot tr address center figure figcaption hr br title body html caption td th".split()
)
CANDIDATE_TAGS = ("div", "article", "section", "main", "td", "body", "font", "span", "center")
#: link text counts this many times against a block's prose when picking the main block
LINK_PENALTY = 1.5

META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)
XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>")
#: legacy Chinese charsets are all read as their superset GB18030
CHARSET_ALIASES = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "gb_2312-80": "gb18030"}


def decode_html(data: bytes) -> tuple[str, str]:
    """Decode with the page's own <meta charset> when it is right, else detect from the bytes."""
    if not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        match = META_CHARSET.search(data[:4096])
        if match:
            declared = match.group(1).decode("ascii").lower()
            encoding = CHARSET_ALIASES.get(declared, declared)
            try:
                return data.decode(encoding), encoding
            except (LookupError, UnicodeDecodeError):
                pass  # a lying or unknown declaration: detect instead
    return decode(data)


def cjk_count(text: str) -> int:
    """How many CJK characters ``text`` holds, counted by runs (a list of every character cost 0.25 s a MB)."""
    return len(text) - len(_CJK_RUN.sub("", text))


_CJK_RUN = re.compile(CJK.pattern + "+")


def _name_tokens(el) -> list[str]:
    return (el.get("class") or "").split() + ([el.get("id")] if el.get("id") else [])


def _is_junk_name(el) -> str | None:
    """The id/class token that marks ``el`` as page furniture, if any."""
    for token in _name_tokens(el):
        low = token.lower()
        parts = re.split(r"[-_]", low)
        if (
            any(word in low for word in JUNK_NAMES["anywhere"])
            or any(part in JUNK_NAMES["part"] for part in parts)
            or low in JUNK_NAMES["whole"]
        ):
            return token
    return None


def _attached(el) -> bool:
    """Still in the document (not inside a subtree already removed)?"""
    top = el
    for top in el.iterancestors():
        pass
    return top.tag == "html"


def _remove(el) -> None:
    """Drop ``el`` but keep its tail text, which belongs to the parent."""
    if el.getparent() is not None:
        el.drop_tree()


def strip_furniture(root) -> Counter:
    """Remove non-content tags and furniture by tag or id/class name; returns counts by kind.

    Nothing but never-text tags is removed if it holds more than PROTECT_SHARE
    of the page's Chinese text: a name or tag is a hint, the prose is the fact.
    """
    removed: Counter[str] = Counter()
    for comment in root.xpath("//comment() | //processing-instruction()"):
        _remove(comment)
    for el in list(root.iter(*NEVER_TEXT_TAGS)):
        if _attached(el):
            if el.tag not in ("meta", "link"):
                removed[el.tag] += 1
            _remove(el)
    for el in root.xpath("//head"):
        _remove(el)
    total = cjk_count(root.text_content()) or 1
    for el in list(root.iter()):
        if not isinstance(el.tag, str) or el.tag in ("html", "body") or not _attached(el):
            continue
        kind = _furniture_kind(el)
        if kind and cjk_count(el.text_content()) <= PROTECT_SHARE * total:
            removed[kind] += 1
            _remove(el)
    return removed


def _furniture_kind(el) -> str | None:
    """'nav', 'div.menu'...: why ``el`` is page furniture, or None."""
    if el.tag in FURNITURE_TAGS:
        framing = el.tag in ("header", "footer")
        if not (framing and any(a.tag in ("article", "main") for a in el.iterancestors())):
            return el.tag
    token = _is_junk_name(el)
    return f"{el.tag}.{token.lower()}" if token else None


def _link_cjk(el) -> int:
    return sum(cjk_count(a.text_content()) for a in el.iter("a"))


def pick_main(root):
    """The block with the highest prose score: CJK text outside links minus penalised link text.

    A parent scores higher than its best child only if what it adds is more
    prose than links, so the pick grows to take in the title and the 文号
    block beside the body but stops before the navigation.
    """
    best, best_score = None, float("-inf")
    for el in root.iter(*CANDIDATE_TAGS):
        total = cjk_count(el.text_content())
        if not total:
            continue
        links = _link_cjk(el)
        score = (total - links) - LINK_PENALTY * links
        if score > best_score:  # strict: on a tie the outer (earlier) element wins
            best, best_score = el, score
    return best if best is not None else root


def _is_data_table(table) -> bool:
    """A table of rows and columns, not a page layout grid: no nested tables, 2+ columns, modest cells."""
    if table.find(".//table") is not None:
        return False
    rows = table.findall(".//tr")
    if not rows:
        return False
    widest = max(len(tr.findall("td") + tr.findall("th")) for tr in rows)
    if widest < 2:
        return False
    return all(cjk_count(cell.text_content()) <= 1000 for cell in table.iter("td", "th"))


class _Writer:
    """Writes an element tree as lines: block elements break lines, inline text runs on."""

    def __init__(self):
        self.lines: list[str] = []
        self.current = ""
        self.images = 0
        self.tables = 0

    def flush(self) -> None:
        line = close_cjk_spaces(self.current).strip()
        if line:
            self.lines.append(line)
        self.current = ""

    def add_text(self, text: str | None) -> None:
        """Collapse source whitespace as a browser does (ideographic and no-break spaces are kept)."""
        if text:
            self.current = re.sub(r"[ \t\r\n\f\v]+", " ", self.current + text)

    def element(self, el) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag == "img":
            self.images += 1
        elif tag == "br":
            self.flush()
        elif tag == "table" and _is_data_table(el):
            self.flush()
            self.lines.extend(table_rows(el))
            self.tables += 1
        elif tag == "pre":
            self.flush()
            self.lines.extend(line for line in el.text_content().splitlines() if line.strip())
        else:
            block = tag in BLOCK_TAGS
            if block:
                self.flush()
            self.add_text(el.text)
            for child in el:
                self.element(child)
                self.add_text(child.tail)
            if block:
                self.flush()


def table_rows(table) -> list[str]:
    """Pipe rows; a cell spanned down from above (rowspan) is an empty cell, as in .docx."""
    rows, pending = [], {}  # column -> rows still covered by a rowspan above
    for tr in table.iter("tr"):
        cells, col = [], 0
        for cell in tr:
            if cell.tag not in ("td", "th"):
                continue
            while pending.get(col, 0) > 0:
                pending[col] -= 1
                cells.append("")
                col += 1
            writer = _Writer()
            writer.element(cell)
            text = ""
            for line in writer.lines:
                text = join_cjk(text, line)
            cells.append(text.replace("|", "｜"))
            rowspan = (cell.get("rowspan") or "1").strip()
            span = int(rowspan) if rowspan.isdigit() else 1
            if span > 1:
                pending[col] = span - 1
            col += 1
        while any(v > 0 for c, v in pending.items() if c >= col):
            if pending.get(col, 0) > 0:
                pending[col] -= 1
                cells.append("")
            col += 1
        if any(cells):
            rows.append("| " + " | ".join(cells) + " |")
    return rows


def read_html(path: Path, data: bytes) -> RawText:
    """Read a saved web page: furniture removed, main block picked, everything dropped counted."""
    import lxml.html
    from lxml import etree

    text, encoding = decode_html(data)
    text = XML_DECL.sub("", text).replace("\x00", "")
    if not text.strip():
        raise InputError("is an empty HTML file")
    try:
        root = lxml.html.document_fromstring(text)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        raise InputError(f"is not readable HTML ({exc})".splitlines()[0]) from None
    removed = strip_furniture(root)
    main = pick_main(root)
    writer = _Writer()
    writer.element(main)
    writer.flush()
    warnings = []
    if removed:
        kinds = ", ".join(f"{kind} {n}" for kind, n in removed.most_common())
        warnings.append(f"removed {sum(removed.values())} page parts that are not the document ({kinds})")
    outside = cjk_count(root.text_content()) - cjk_count(main.text_content())
    if outside > 0:
        links = _link_cjk(root) - _link_cjk(main)
        warnings.append(
            f"dropped {outside} Chinese characters outside the main content block <{main.tag}> ({links} in links)"
        )
    if writer.images:
        warnings.append(f"skipped {writer.images} image(s) in the content")
    if not writer.lines:
        raise InputError("has no readable text (a page built by JavaScript?)")
    return RawText(text="\n".join(writer.lines), source=str(path), format="html", encoding=encoding, warnings=warnings)
