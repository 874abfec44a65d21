"""Reviews published as web pages: the main text, in plain-review shape.

lxml.html parses the page; the main content is the `<main>` element (or
`role="main"`, a single `<article>`, else `<body>`) without navigation,
banners, cookie notices, scripts and forms.  Block elements become
paragraphs between blank lines, headings their own line (Markdown `#` unless
they carry their own number), list items "- " or "3. ", table rows
tab-separated, `<sup>` digits superscript footnote markers, and a footnote
list item ("fn3") "³ text".

As for Word drafts, what a page carries outside its visible text is listed
as hidden parts: HTML comments, elements hidden by `hidden` or
`display:none`, and author meta tags.
"""

from __future__ import annotations

import codecs
import re
import warnings
from pathlib import Path

from ..errors import UnusableInput
from ..lexicon import to_superscript
from ..report import HiddenPart
from . import Extracted
from .text import _checked, decode

SUPER = to_superscript()  # models/lexicon/marks.yaml
DROP_TAGS = {
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "nav",
    "form",
    "button",
    "iframe",
    "select",
    "input",
    "textarea",
    "canvas",
    "object",
    "embed",
    "head",
}
DROP_ROLES = {"navigation", "banner", "contentinfo", "search", "complementary"}
# a class or id token naming page furniture (matched at the token's end: "govuk-breadcrumbs",
# "cookie-banner", but not "social-work-summary")
DROP_CLASS_RE = re.compile(
    r"(?:^|[-_])(?:cookies?|cookie[-_]?(?:banner|notice|message)|breadcrumbs?|skip[-_]?link|"
    r"site[-_]?header|site[-_]?footer|nav|navbar|navigation|menu|share|sharing|social[-_]?(?:links|media|share)|"
    r"sidebar|back[-_]?to[-_]?top|print[-_]?link)$",
    re.IGNORECASE,
)
BLOCKS = {
    "p",
    "div",
    "section",
    "article",
    "main",
    "blockquote",
    "pre",
    "address",
    "figure",
    "figcaption",
    "dl",
    "dt",
    "dd",
    "ul",
    "ol",
    "li",
    "table",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "footer",
    "aside",
    "details",
    "summary",
    "center",
    "hr",
}
HEADING_RE = re.compile(r"^h([1-6])$")
NUMBERED_RE = re.compile(r"^\s*(?:\d{1,2}(?:\.\d{1,2}){0,3}[.)]?|Section\s+\d|Part\s+\d|Appendix\b)\s*", re.IGNORECASE)
FOOTNOTE_ID_RE = re.compile(r"(?:fn|foot|note|endnote)[^\d]*(\d{1,3})$", re.IGNORECASE)
HIDDEN_STYLE_RE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
BACKLINK_RE = re.compile(r"\s*[↩↑^]\s*$")
META_CHARSET_RE = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?([\w-]+)", re.IGNORECASE)
META_DECLARATION_RE = re.compile(r"<meta[^>]+charset\s*=", re.IGNORECASE)


def _decode(name: str, data: bytes) -> str:
    """The page's text: its declared charset when the bytes agree with it, else sniffed (with a warning).

    A declaration is only a claim: a page saved as UTF-8 that still says
    `charset="utf-16"` (or ISO-8859-1) decodes to garbage under it, and
    garbage has no names in it to find.  The declared charset is used when
    the page decodes under it without error, the declaration itself reads
    back from the decoded text, and (for single-byte charsets) the bytes are
    not valid UTF-8 with non-ASCII characters; otherwise the bytes are
    decoded as plain text files are (BOM, UTF-8, UTF-16 by NUL pattern,
    Windows-1252) and a one-line warning says so.
    """
    m = META_CHARSET_RE.search(data[:4096])
    if m and not data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        declared = m.group(1).decode("ascii", "replace")
        text = _declared(data, declared)
        if text is not None:
            return _checked(text, name)
        fallback, encoding = decode(data, name)
        warnings.warn(
            f"{name}: the page declares charset {declared!r} but its bytes are not in it; read as {encoding}",
            stacklevel=2,
        )
        return fallback
    return decode(data, name)[0]


def _declared(data: bytes, declared: str) -> str | None:
    """The bytes decoded as declared, or None when they evidently are not in that charset."""
    try:
        codec = codecs.lookup(declared).name
        text = data.decode(codec)
    except (LookupError, UnicodeDecodeError):
        return None
    if codec.startswith(("utf-16", "utf-32")) and b"\x00" not in data[:4096]:
        return None  # UTF-16/32 text has NUL bytes; an ASCII page mislabelled has none
    if not META_DECLARATION_RE.search(text[:8192]):
        return None  # the declaration does not read back: wrong charset
    if not codec.startswith("utf") and not data.isascii():
        try:
            data.decode("utf-8")
            return None  # valid UTF-8 with non-ASCII characters is UTF-8, whatever the page claims
        except UnicodeDecodeError:
            pass
    return text


def _classes(el) -> str:
    return f"{el.get('class', '')} {el.get('id', '')}"


def _is_hidden(el) -> bool:
    return (
        el.get("hidden") is not None
        or el.get("aria-hidden") == "true"
        or bool(HIDDEN_STYLE_RE.search(el.get("style", "")))
    )


class _Reader:
    """Walks the main content, emitting blocks and listing hidden parts."""

    def __init__(self) -> None:
        self.blocks: list[tuple[str, str]] = []  # (kind, text)
        self.hidden: list[HiddenPart] = []

    # ---- inline text
    def inline(self, el, pre: bool = False) -> str:
        parts: list[str] = []
        self._inline(el, parts, pre, top=True)
        text = "".join(parts)
        if not pre:
            text = re.sub(r"[ \t\r\f\v]+", " ", text.replace("\u00a0", " "))
            text = re.sub(r" *\n *", "\n", text)
        return text.strip()

    def _inline(self, el, parts: list[str], pre: bool, top: bool = False) -> None:
        if not top:
            tag = el.tag if isinstance(el.tag, str) else ""
            if tag == "br":
                parts.append("\n")
                parts.append(el.tail or "")
                return
            if not tag or tag in DROP_TAGS or _is_hidden(el):
                if tag and _is_hidden(el) and el.text_content().strip():
                    self._hidden(el)
                parts.append(el.tail or "")
                return
            if tag == "sup":
                content = el.text_content().strip().strip("[]()")
                if content.isdigit() and len(content) <= 3:
                    parts.append(content.translate(SUPER))
                    parts.append(el.tail or "")
                    return
        parts.append(el.text or "")
        for child in el:
            self._inline(child, parts, pre)
        if not top:
            parts.append(el.tail or "")

    def _hidden(self, el) -> None:
        self.hidden.append(
            HiddenPart(
                kind="hidden_text", location=f"hidden <{el.tag}> element", text=" ".join(el.text_content().split())
            )
        )

    # ---- blocks
    def emit(self, kind: str, text: str) -> None:
        if text.strip():
            self.blocks.append((kind, text.strip()))

    def walk(self, el, depth: int = 0) -> None:
        """Emit the blocks of `el`; inline runs between blocks form paragraphs."""
        run: list = []
        if el.text and el.text.strip():
            run.append(el.text)
        for child in el:
            tag = child.tag if isinstance(child.tag, str) else ""
            if not tag:
                if child.tail and child.tail.strip():
                    run.append(child.tail)
                continue
            if tag in DROP_TAGS or _skip(child):
                if _is_hidden(child) and child.text_content().strip():
                    self._hidden(child)
                if child.tail and child.tail.strip():
                    run.append(child.tail)
                continue
            if tag in BLOCKS:
                self._flush(run)
                run = []
                self.block(child, tag, depth)
                if child.tail and child.tail.strip():
                    run.append(child.tail)
            else:
                run.append(child)
        self._flush(run)

    def _flush(self, run: list) -> None:
        if not run:
            return
        parts: list[str] = []
        for item in run:
            if isinstance(item, str):
                parts.append(item)
            else:
                self._inline(item, parts, False)
        text = re.sub(r"[ \t\r\f\v]+", " ", "".join(parts).replace("\u00a0", " "))
        self.emit("text", re.sub(r" *\n *", "\n", text))

    def block(self, el, tag: str, depth: int) -> None:
        heading = HEADING_RE.match(tag)
        if heading:
            text = " ".join(self.inline(el).split())
            if text:
                self.emit("heading", text if NUMBERED_RE.match(text) else "#" * int(heading[1]) + " " + text)
        elif tag in ("ul", "ol"):
            self.list(el, tag, depth)
        elif tag == "table":
            self.table(el)
        elif tag == "pre":
            self.emit("text", self.inline(el, pre=True))
        elif tag in ("p", "dt", "dd", "figcaption", "address", "summary"):
            if any(isinstance(c.tag, str) and c.tag in BLOCKS for c in el):
                self.walk(el, depth)
            else:
                self.emit("text", self.inline(el))
        elif tag == "hr":
            return
        else:
            self.walk(el, depth)

    def list(self, el, tag: str, depth: int) -> None:
        number = int(el.get("start", "1")) if el.get("start", "1").isdigit() else 1
        for li in el:
            if not isinstance(li.tag, str) or li.tag != "li" or _skip(li):
                continue
            note = FOOTNOTE_ID_RE.search(li.get("id", ""))
            nested = [c for c in li if isinstance(c.tag, str) and c.tag in ("ul", "ol")]
            for n in nested:
                li.remove(n)
            text = BACKLINK_RE.sub("", " ".join(self.inline(li).split()))
            if note:
                self.emit("footnote", f"{note[1].translate(SUPER)} {text}")
            elif text:
                prefix = f"{number}. " if tag == "ol" else "- "
                self.emit("list", "  " * depth + prefix + text)
            number += 1
            for n in nested:
                self.list(n, n.tag, depth + 1)
                li.append(n)

    def table(self, el) -> None:
        for tr in el.iter("tr"):
            if next(tr.iterancestors("table")) is not el:
                continue
            cells = [" ".join(self.inline(c).split()) for c in tr if isinstance(c.tag, str) and c.tag in ("td", "th")]
            if any(cells):
                self.emit("row", "\t".join(cells))


def _skip(el) -> bool:
    tokens = _classes(el).split()
    return (el.get("role") in DROP_ROLES) or any(DROP_CLASS_RE.search(t) for t in tokens) or _is_hidden(el)


def _main(root):
    for xpath in ("//main", "//*[@role='main']", "//article"):
        found = root.xpath(xpath)
        if len(found) == 1 or (found and xpath != "//article"):
            return found[0]
    body = root.find("body")
    return body if body is not None else root


def _page_hidden(root) -> list[HiddenPart]:
    found = []
    from lxml import etree

    for n, comment in enumerate((c for c in root.iter(etree.Comment) if (c.text or "").strip()), start=1):
        found.append(HiddenPart(kind="comment", location=f"HTML comment {n}", text=" ".join(comment.text.split())))
    for meta in root.iter("meta"):
        name = (meta.get("name") or meta.get("property") or "").lower()
        if name in ("author", "article:author", "dc.creator", "creator") and (meta.get("content") or "").strip():
            found.append(
                HiddenPart(
                    kind="property",
                    location=f"meta {name}",
                    text=meta.get("content").strip(),
                    author=meta.get("content").strip(),
                )
            )
    return found


def _assemble(blocks: list[tuple[str, str]]) -> str:
    out: list[str] = []
    previous = None
    for kind, text in blocks:
        if out:
            out.append("\n" if kind == previous and kind in ("list", "row") else "\n\n")
        out.append(text)
        previous = kind
    return "".join(out)


def read(path: Path, data: bytes) -> Extracted:
    """Read a review published as a web page (see the module docstring)."""
    import unicodedata

    import lxml.html
    from lxml import etree

    name = str(path)
    text = _decode(name, data)
    try:
        root = lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError) as exc:
        raise UnusableInput(f"{name}: cannot be read as HTML ({exc})") from exc
    hidden = _page_hidden(root)
    reader = _Reader()
    reader.walk(_main(root))
    body = unicodedata.normalize("NFC", _assemble(reader.blocks))
    if not body.strip():
        raise UnusableInput(f"{name}: the web page has no main text")
    return Extracted(text=body, format="html", encoding=None, hidden=hidden + reader.hidden)
