"""Word drafts (.docx): the visible text, and everything a draft hides.

The text is read from the OOXML parts directly (zipfile + lxml, see
`ooxml.py`) because python-docx drops tracked insertions from
`paragraph.text`.  It looks like a plain-text review, so structure detection
works unchanged: paragraphs between blank lines, headings from styles on
their own line (numbered from Word's list numbering, else as Markdown `#`),
list items as "- " or "3. ", table rows tab-separated, footnote markers as
superscript digits after the word and footnote texts as their own paragraph
("¹ text") after the paragraph that cites them, endnotes at the end.

The text is the draft as it now reads: tracked insertions in, tracked
deletions out, hidden text out.  What is out of the text, and where names
survive in documents that look clean, is listed as `HiddenPart`s: comments,
tracked insertions and deletions, hidden text, document and custom
properties, the reviewer list, image descriptions, headers and footers, and
the embedded thumbnail.

`walk(package)` is shared with `pipeline.deid.word_writer`: it also returns, for
every stretch of the text, the `w:t` node it came from, so replacements made
on the text land back on the right runs.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path

from lxml import etree

from ..lexicon import from_superscript, to_superscript
from ..report import HiddenPart, Page
from . import Extracted
from .ooxml import MC_NS, WP_NS, Package, is_on, num_pr, open_package, read_styles, style_value, w

SUPERSCRIPT_DIGITS = to_superscript()  # models/lexicon/marks.yaml
HEADING_STYLE_RE = re.compile(r"^heading\s*(\d)$", re.IGNORECASE)
STARTS_NUMBERED_RE = re.compile(
    r"^\s*(?:\d{1,2}(?:\.\d{1,2}){0,3}[.)]?|[A-Z]\.|Section\s+\d|Part\s+\d|Appendix\b)\s*", re.IGNORECASE
)
PAGE = object()  # sentinel piece: a rendered or explicit page break
CONTAINERS = {
    w(t) for t in ("hyperlink", "smartTag", "fldSimple", "customXml", "sdtContent", "bdo", "dir", "moveToRangeStart")
}
INSERTED = {w("ins"), w("moveTo")}
DELETED = {w("del"), w("moveFrom")}
CORE_FIELDS = {
    "creator": "author",
    "lastModifiedBy": "last modified by",
    "title": "title",
    "subject": "subject",
    "keywords": "keywords",
    "description": "comments",
    "category": "category",
    "contentStatus": "status",
}
APP_FIELDS = {"Company": "company", "Manager": "manager"}
PERSON_PROPERTIES = {"author", "last modified by", "manager", "reviewer"}


@dataclass
class Segment:
    """A stretch [start, end) of the text that is `node.text[node_start:…]` of a `w:t`."""

    start: int
    end: int
    node: etree._Element
    node_start: int


@dataclass
class Walk:
    """The result of reading a package: text, node map, pages and hidden parts."""

    text: str
    segments: list[Segment]
    page_breaks: list[int]
    hidden: list[HiddenPart]


@dataclass
class _Context:
    package: Package
    styles: dict[str, dict]
    numbering: dict[tuple[str | None, str | None], str | None]
    paragraph: int = 0
    where: str = "paragraph 1"
    pending_notes: list[tuple[str, str, str]] = field(default_factory=list)  # (kind, id, marker)
    note_count: dict[str, int] = field(default_factory=lambda: {"footnote": 0, "endnote": 0})
    counters: dict[str, list[int]] = field(default_factory=dict)
    comment_where: dict[str, str] = field(default_factory=dict)
    hidden: list[HiddenPart] = field(default_factory=list)
    textboxes: list[etree._Element] = field(default_factory=list)
    pending_endnotes: list[tuple[str, str]] = field(default_factory=list)


class _Builder:
    """Appends text pieces, remembering which node each came from."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.segments: list[Segment] = []
        self.page_breaks: list[int] = []
        self.last_kind: str | None = None

    def line(self, pieces: list[tuple], kind: str, joiner: str | None = None) -> None:
        """Emit one line (paragraph, list item, table row) after the right separator."""
        pieces = _trim(pieces)
        if not any(p[0] is not PAGE and p[0].strip() for p in pieces):
            for p in pieces:
                if p[0] is PAGE:
                    self.page_breaks.append(self.length)
            return
        if self.length:
            same_block = joiner is not None or (kind == self.last_kind and kind == "list")
            self.add("\n" if same_block else "\n\n")
        for piece in pieces:
            if piece[0] is PAGE:
                self.page_breaks.append(self.length)
            else:
                self.add(*piece)
        self.last_kind = kind

    def add(self, s: str, node=None, node_start: int = 0) -> None:
        if not s:
            return
        if node is not None:
            self.segments.append(Segment(self.length, self.length + len(s), node, node_start))
        self.parts.append(s)
        self.length += len(s)

    def text(self) -> str:
        return "".join(self.parts)


def _trim(pieces: list[tuple]) -> list[tuple]:
    """Strip leading and trailing whitespace, keeping node offsets right."""
    pieces = list(pieces)
    while pieces and (pieces[0][0] is PAGE or not pieces[0][0].strip()):
        if pieces[0][0] is PAGE:
            break
        pieces.pop(0)
    if pieces and pieces[0][0] is not PAGE:
        s, node, start = pieces[0]
        cut = len(s) - len(s.lstrip())
        pieces[0] = (s[cut:], node, start + cut)
    while pieces and pieces[-1][0] is not PAGE and not pieces[-1][0].strip():
        pieces.pop()
    if pieces and pieces[-1][0] is not PAGE:
        s, node, start = pieces[-1]
        pieces[-1] = (s.rstrip(), node, start)
    return pieces


# ---------------------------------------------------------------- styles and numbering
def _heading_level(styles: dict, sid: str | None, ppr) -> int | None:
    outline = ppr.find(w("outlineLvl")) if ppr is not None else None
    if outline is not None and (outline.get(w("val")) or "").isdigit() and int(outline.get(w("val"))) < 9:
        return int(outline.get(w("val"))) + 1
    seen = set()
    while sid and sid in styles and sid not in seen:
        seen.add(sid)
        m = HEADING_STYLE_RE.match(styles[sid]["name"] or "")
        if m:
            return int(m[1])
        if (styles[sid]["name"] or "").lower() == "title":
            return 1
        if styles[sid]["outline"] is not None and styles[sid]["outline"] < 9:
            return styles[sid]["outline"] + 1
        sid = styles[sid]["based"]
    return None


def _numbering(package: Package) -> dict[tuple[str | None, str | None], str | None]:
    """(numId, ilvl) -> numFmt ("bullet", "decimal", "lowerLetter", …)."""
    root = package.xml(package.first("numbering") or "")
    if root is None:
        return {}
    # attributes Word left out stay None, as lxml gives them: a lookup with the same gap still matches
    abstract: dict[str | None, dict[str | None, str | None]] = {}
    for node in root.iter(w("abstractNum")):
        levels: dict[str | None, str | None] = {}
        for lvl in node.iter(w("lvl")):
            fmt = lvl.find(w("numFmt"))
            levels[lvl.get(w("ilvl"))] = fmt.get(w("val")) if fmt is not None else "decimal"
        abstract[node.get(w("abstractNumId"))] = levels
    formats: dict[tuple[str | None, str | None], str | None] = {}
    for num in root.iter(w("num")):
        ref = num.find(w("abstractNumId"))
        if ref is None:
            continue
        for ilvl, level_format in abstract.get(ref.get(w("val")), {}).items():
            formats[(num.get(w("numId")), ilvl)] = level_format
    return formats


def _number(ctx: _Context, num: tuple[str, str]) -> list[int]:
    """Advance and return the multi-level counter of a list."""
    num_id, ilvl = num
    level = int(ilvl) if ilvl.isdigit() else 0
    counters = ctx.counters.setdefault(num_id, [])
    while len(counters) <= level:
        counters.append(0)
    counters[level] += 1
    del counters[level + 1 :]
    return [c or 1 for c in counters]


def _list_prefix(fmt: str, numbers: list[int], level: int) -> str:
    indent = "  " * level
    n = numbers[-1]
    if fmt == "decimal" or fmt.startswith("decimal"):
        return f"{indent}{n}. "
    if fmt == "lowerLetter":
        return f"{indent}({chr(96 + (n - 1) % 26 + 1)}) "
    if fmt == "upperLetter":
        return f"{indent}{chr(64 + (n - 1) % 26 + 1)}. "
    if fmt == "lowerRoman":
        return f"{indent}({_roman(n).lower()}) "
    if fmt == "upperRoman":
        return f"{indent}{_roman(n)}. "
    return f"{indent}- "


def _roman(n: int) -> str:
    out = ""
    for value, letters in (
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ):
        while n >= value:
            out += letters
            n -= value
    return out


# ---------------------------------------------------------------- inline content
def _text_of(el) -> str:
    return "".join(t.text or "" for t in el.iter(w("t"), w("delText")))


def _inline(el, ctx: _Context, pieces: list[tuple], hidden_style: bool) -> None:
    """Visible text of a paragraph's content, recursing through wrappers."""
    for child in el:
        tag = child.tag
        if tag == w("r"):
            _run(child, ctx, pieces, hidden_style)
        elif tag in INSERTED:
            text = _text_of(child)
            if text.strip():
                _record(ctx, "tracked_insertion", f"tracked insertion in {ctx.where}", text, child.get(w("author")))
            _inline(child, ctx, pieces, hidden_style)
        elif tag in DELETED:
            text = _text_of(child)
            if text.strip():
                _record(ctx, "tracked_deletion", f"tracked deletion in {ctx.where}", text, child.get(w("author")))
        elif tag in CONTAINERS:
            _inline(child, ctx, pieces, hidden_style)
        elif tag == w("sdt"):
            content = child.find(w("sdtContent"))
            if content is not None:
                _inline(content, ctx, pieces, hidden_style)
        elif tag == w("commentRangeStart"):
            ctx.comment_where.setdefault(child.get(w("id")), ctx.where)
        elif tag == f"{{{MC_NS}}}AlternateContent":
            choice = child.find(f"{{{MC_NS}}}Choice")
            if choice is not None:
                _inline(choice, ctx, pieces, hidden_style)


def _run(run, ctx: _Context, pieces: list[tuple], hidden_style: bool) -> None:
    rpr = run.find(w("rPr"))
    vanish = hidden_style
    if rpr is not None:
        style = rpr.find(w("rStyle"))
        if style is not None and style_value(ctx.styles, style.get(w("val")), "vanish"):
            vanish = True
        if rpr.find(w("vanish")) is not None:
            vanish = is_on(rpr.find(w("vanish")))
    hidden_text = []
    for child in run:
        tag = child.tag
        if tag == w("t"):
            if child.text:
                normal = unicodedata.normalize("NFC", child.text)
                if normal != child.text:
                    child.text = normal
                if vanish:
                    hidden_text.append(normal)
                else:
                    pieces.append((normal, child, 0))
        elif vanish:
            continue
        elif tag == w("tab"):
            pieces.append(("\t", None, 0))
        elif tag in (w("br"), w("cr")):
            if child.get(w("type")) == "page":
                pieces.append((PAGE, None, 0))
            else:
                pieces.append(("\n", None, 0))
        elif tag == w("noBreakHyphen"):
            pieces.append(("-", None, 0))
        elif tag == w("lastRenderedPageBreak"):
            pieces.append((PAGE, None, 0))
        elif tag in (w("footnoteReference"), w("endnoteReference")):
            kind = "footnote" if tag == w("footnoteReference") else "endnote"
            ctx.note_count[kind] += 1
            marker = str(ctx.note_count[kind]).translate(SUPERSCRIPT_DIGITS)
            pieces.append((marker, None, 0))
            ctx.pending_notes.append((kind, child.get(w("id")), marker))
        elif tag in (w("drawing"), w("pict"), f"{{{MC_NS}}}AlternateContent"):
            _drawing(child, ctx)
    if hidden_text and "".join(hidden_text).strip():
        _record(ctx, "hidden_text", f"hidden text in {ctx.where}", "".join(hidden_text), None)


def _drawing(el, ctx: _Context) -> None:
    """Image descriptions (alt text) and text boxes inside a drawing."""
    for doc_pr in el.iter(f"{{{WP_NS}}}docPr"):
        alt = " ".join(v for v in (doc_pr.get("title"), doc_pr.get("descr")) if v)
        if alt.strip():
            _record(ctx, "alt_text", f"image description in {ctx.where}", alt, None)
    for fallback in el.iter(f"{{{MC_NS}}}Fallback"):
        fallback.set("_skip", "1")
    for box in el.iter(w("txbxContent")):
        if not any(a.get("_skip") for a in box.iterancestors(f"{{{MC_NS}}}Fallback")):
            ctx.textboxes.append(box)
    for fallback in el.iter(f"{{{MC_NS}}}Fallback"):
        del fallback.attrib["_skip"]


def _record(ctx: _Context, kind: str, location: str, text: str, author: str | None) -> None:
    if author:
        location = f"{location} by {author}"
    ctx.hidden.append(
        HiddenPart(kind=kind, location=location, text=text.strip(), author=author, paragraph=ctx.paragraph or None)
    )


# ---------------------------------------------------------------- blocks
def _paragraph(p, ctx: _Context, builder: _Builder, story: str) -> None:
    if story == "body":
        ctx.paragraph += 1
        ctx.where = f"paragraph {ctx.paragraph}"
    ppr = p.find(w("pPr"))
    sid = None
    if ppr is not None:
        style = ppr.find(w("pStyle"))
        sid = style.get(w("val")) if style is not None else None
        if is_on(ppr.find(w("pageBreakBefore"))):
            builder.page_breaks.append(builder.length)
    pieces: list[tuple] = []
    _inline(p, ctx, pieces, hidden_style=bool(style_value(ctx.styles, sid, "vanish")))
    level = _heading_level(ctx.styles, sid, ppr) if story == "body" else None
    num = num_pr(ppr.find(w("numPr")) if ppr is not None else None) or style_value(ctx.styles, sid, "num")
    visible = "".join(s for s, *_ in pieces if s is not PAGE).strip()
    prefix, kind = "", "text"
    if num and visible:
        numbers = _number(ctx, num)
        fmt = ctx.numbering.get(num, "bullet") or "bullet"  # a numFmt without its value: no number to print
        if level:
            prefix = ".".join(map(str, numbers)) + " " if fmt != "bullet" else ""
        else:
            prefix, kind = _list_prefix(fmt, numbers, int(num[1]) if num[1].isdigit() else 0), "list"
    if level and visible:
        kind = "heading"
        if not prefix and not STARTS_NUMBERED_RE.match(visible):
            prefix = "#" * min(level, 6) + " "
    trimmed = _trim(pieces)
    builder.line([(prefix, None, 0)] + trimmed if prefix and trimmed else trimmed, kind)
    _flush_textboxes(ctx, builder, story)


def _flush_textboxes(ctx: _Context, builder: _Builder, story: str) -> None:
    boxes, ctx.textboxes = ctx.textboxes, []
    for box in boxes:
        _blocks(box, ctx, builder, story)


def _table(tbl, ctx: _Context, builder: _Builder, story: str) -> None:
    """One line per row, cells tab-separated; nested tables flattened into their cell."""
    first = True
    for tr in tbl.iter(w("tr")):
        if next(tr.iterancestors(w("tbl"))) is not tbl:
            continue
        cells = []
        for tc in tr.iter(w("tc")):
            if next(tc.iterancestors(w("tbl"))) is not tbl:
                continue
            cell: list[tuple] = []
            for p in tc.iter(w("p")):
                if story == "body":
                    ctx.paragraph += 1
                    ctx.where = f"paragraph {ctx.paragraph} (table)"
                part: list[tuple] = []
                _inline(p, ctx, part, hidden_style=False)
                part = _trim(part)
                if part and cell:
                    cell.append((" ", None, 0))
                cell.extend(part)
            cells.append([(s.replace("\t", " ") if s is not PAGE else s, n, o) for s, n, o in cell])
        row: list[tuple] = []
        for i, cell in enumerate(cells):
            if i:
                row.append(("\t", None, 0))
            row.extend(cell)
        if any(s is not PAGE and s.strip() for s, *_ in row):
            builder.line(row, "row", joiner=None if first else "\n")
            first = False
    _flush_textboxes(ctx, builder, story)


def _blocks(container, ctx: _Context, builder: _Builder, story: str) -> None:
    for child in container:
        if child.tag == w("p"):
            _paragraph(child, ctx, builder, story)
        elif child.tag == w("tbl"):
            _table(child, ctx, builder, story)
        elif child.tag == w("sdt"):
            content = child.find(w("sdtContent"))
            if content is not None:
                _blocks(content, ctx, builder, story)
        elif child.tag in INSERTED | CONTAINERS:
            _blocks(child, ctx, builder, story)
        elif child.tag in DELETED:
            text = _text_of(child)
            if text.strip():
                _record(ctx, "tracked_deletion", f"tracked deletion after {ctx.where}", text, child.get(w("author")))
        if story == "body" and ctx.pending_notes:
            _flush_notes(ctx, builder)


def _flush_notes(ctx: _Context, builder: _Builder) -> None:
    """Footnote texts as their own paragraph, right after the paragraph citing them."""
    notes, ctx.pending_notes = ctx.pending_notes, []
    where = ctx.where
    for kind, note_id, marker in notes:
        if kind == "endnote":
            ctx.pending_endnotes.append((note_id, marker))
            continue
        _note(ctx, builder, "footnotes", note_id, marker, f"footnote {marker.translate(_FROM_SUPER)}")
    ctx.where = where


_FROM_SUPER = from_superscript()


def _note(ctx: _Context, builder: _Builder, part_kind: str, note_id: str, marker: str, where: str) -> None:
    root = ctx.package.xml(ctx.package.first(part_kind) or "")
    if root is None:
        return
    tag = w("footnote") if part_kind == "footnotes" else w("endnote")
    for note in root.iter(tag):
        if note.get(w("id")) != note_id:
            continue
        ctx.where = where
        pieces: list[tuple] = []
        for p in note.iter(w("p")):
            part: list[tuple] = []
            _inline(p, ctx, part, hidden_style=False)
            part = _trim(part)
            if part and pieces:
                pieces.append((" ", None, 0))
            pieces.extend(part)
        builder.line([(marker + " ", None, 0)] + _trim(pieces), "footnote")
        return


# ---------------------------------------------------------------- parts outside the text
def _comments(package: Package, ctx: _Context) -> list[HiddenPart]:
    root = package.xml(package.first("comments") or "")
    found: list[HiddenPart] = []
    if root is None:
        return found
    for n, comment in enumerate(root.iter(w("comment")), start=1):
        author = comment.get(w("author"))
        text = " ".join(_text_of(p) for p in comment.iter(w("p"))).strip()
        where = ctx.comment_where.get(comment.get(w("id")) or "")
        location = f"comment {n}" + (f" by {author}" if author else "") + (f" on {where}" if where else "")
        paragraph = int(where.split()[1]) if where and where.startswith("paragraph ") else None
        found.append(HiddenPart(kind="comment", location=location, text=text, author=author, paragraph=paragraph))
    return found


def _properties(package: Package) -> list[HiddenPart]:
    found = []
    for part_name, fields in (("docProps/core.xml", CORE_FIELDS), ("docProps/app.xml", APP_FIELDS)):
        part = package.xml(part_name)
        for el in part if part is not None else ():
            label = fields.get(etree.QName(el).localname)
            value = (el.text or "").strip()
            if label and value:
                found.append(
                    HiddenPart(
                        kind="property",
                        location=f"document property '{label}'",
                        text=value,
                        author=value if label in PERSON_PROPERTIES else None,
                    )
                )
    custom = package.xml("docProps/custom.xml")
    if custom is not None:
        for prop in custom:
            value = "".join(str(t) for t in prop.itertext()).strip()
            if value:
                found.append(
                    HiddenPart(kind="custom_property", location=f"custom property '{prop.get('name')}'", text=value)
                )
    people = package.xml(package.first("people") or "")
    if people is not None:
        for person in people:
            name = next((str(v) for k, v in person.attrib.items() if etree.QName(k).localname == "author"), None)
            if name:
                found.append(HiddenPart(kind="property", location="reviewer list (people.xml)", text=name, author=name))
    for name in package.files:
        if name.lower().startswith("docprops/thumbnail"):
            found.append(
                HiddenPart(kind="thumbnail", location=f"embedded thumbnail {name} (a picture of the first page)")
            )
    return found


def _headers_footers(package: Package, ctx: _Context) -> list[HiddenPart]:
    found, seen = [], set()
    for kind in ("header", "footer"):
        for part in package.related.get(kind, []):
            root = package.xml(part)
            if root is None:
                continue
            text = " ".join(_text_of(p) for p in root.iter(w("p"))).strip()
            if text and (kind, text) not in seen:
                seen.add((kind, text))
                found.append(HiddenPart(kind=kind, location=f"{kind} ({part.rsplit('/', 1)[-1]})", text=text))
    return found


# ---------------------------------------------------------------- entry points
def walk(package: Package) -> Walk:
    """The draft's visible text with its node map, page breaks and hidden parts."""
    ctx = _Context(package=package, styles=read_styles(package), numbering=_numbering(package))
    builder = _Builder()
    root = package.xml(package.main)
    body = root.find(w("body")) if root is not None else None
    if body is None:
        from ..errors import UnusableInput

        raise UnusableInput(f"{package.name}: the Word document has no body")
    _blocks(body, ctx, builder, "body")
    for note_id, marker in ctx.pending_endnotes:
        _note(ctx, builder, "endnotes", note_id, marker, f"endnote {marker.translate(_FROM_SUPER)}")
    hidden = ctx.hidden + _comments(package, ctx) + _headers_footers(package, ctx) + _properties(package)
    return Walk(builder.text(), builder.segments, builder.page_breaks, hidden)


def pages_from_breaks(breaks: list[int], length: int) -> list[Page]:
    """Pages as Word last laid the draft out (rendered page breaks), if it recorded any."""
    starts = sorted({b for b in breaks if 0 < b < length})
    if not starts:
        return []
    bounds = [0, *starts, length]
    return [Page(start=a, end=b, number=i + 1) for i, (a, b) in enumerate(pairwise(bounds)) if b > a]


def read(path: Path, data: bytes) -> Extracted:
    """Read a .docx draft (see the module docstring)."""
    from ..errors import UnusableInput

    package = open_package(str(path), data)
    result = walk(package)
    if not result.text.strip():
        raise UnusableInput(f"{path}: the Word document has no visible text")
    return Extracted(
        text=result.text,
        format="docx",
        pages=pages_from_breaks(result.page_breaks, len(result.text)),
        hidden=result.hidden,
    )
