"""Published reviews as PDF: text in reading order, without the page furniture.

pypdfium2 (Apache-2.0/BSD-3; measured fastest with good reading order; it
follows the content stream, so two-column pages read column by column) gives
the characters; this module turns pdfium's text into positioned visual lines:

- pdfium breaks a line after a raised footnote marker ("Meeting2⏎ should");
  pieces on one baseline are merged back, and a smaller, raised digit after
  a word becomes a superscript marker ("Meeting²"), as in the plain text;
- pdfium marks a line-break hyphen with U+FFFE (older builds U+0002) and
  joins the word itself, even across a page; the line is split there, so the
  layout step undoes the hyphen with the same rules wherever the word ends up.

`layout.py` then drops running headers, footers and page numbers, separates
footnotes, and builds paragraphs (rejoined across page breaks) with page
offsets, so a finding can say "page 14".

Refused with a clear message: encrypted PDFs, damaged or truncated files
(no end-of-file marker), and PDFs with no text layer (scans: OCR is not
done here; run e.g. ocrmypdf first).
"""

from __future__ import annotations

import ctypes
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from ..errors import UnusableInput
from ..lexicon import superscript_digits
from ..report import HiddenPart
from . import Extracted
from .layout import TO_SUPER, Line, assemble, body_size, clean, column_order, running_lines, split_footnotes

MIN_CHARS_PER_PAGE = 20
PLACEHOLDER_VALUES = {"", "unspecified", "anonymous", "untitled", "unknown", "(anonymous)", "(unspecified)"}
TAB_GAP = 1.2  # a gap wider than this many text sizes between two words is a cell boundary
SUPERSCRIPT_SHARE = 0.8  # a marker is set at most this share of the text size
SPLIT_RE = re.compile("\r\n|\n|\r|\ufffe|\x02")
BOLD_NAME_RE = re.compile(r"Bold|Black|Heavy|Semibold|Demi", re.IGNORECASE)
SINGLE_SPACE_RE = re.compile(r"(?<=\S) (?=\S)")
INLINE_DIGITS_RE = re.compile(r"(?<=[^\s\d])\d{1,3}(?!\d)")


@dataclass
class _Segment:
    text: str
    x0: float
    x1: float
    y: float
    size: float
    bold: bool
    hyphen_end: bool
    digits_only: bool
    cuts: list[tuple[float, float]]


def _check_complete(name: str, data: bytes) -> None:
    if not data.lstrip()[:5].startswith(b"%PDF"):
        raise UnusableInput(f"{name}: not a PDF file (it does not start with %PDF)")
    if b"%%EOF" not in data[-2048:]:
        raise UnusableInput(
            f"{name}: the PDF is truncated or damaged (no end-of-file marker); download or copy it again"
        )


def _open(name: str, data: bytes):
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if getattr(exc, "err_code", None) == pdfium_c.FPDF_ERR_PASSWORD:
            raise UnusableInput(
                f"{name}: the PDF is encrypted (password-protected); save an unprotected copy and try again"
            ) from exc
        if getattr(exc, "err_code", None) == pdfium_c.FPDF_ERR_SECURITY:
            raise UnusableInput(
                f"{name}: the PDF uses an unsupported security handler (encrypted); save an unprotected copy"
            ) from exc
        raise UnusableInput(f"{name}: the PDF cannot be read ({exc}); it may be damaged") from exc


class _Chars:
    """Thin wrappers over pdfium's per-character calls."""

    def __init__(self, textpage, text: str) -> None:
        import pypdfium2.raw as pdfium_c

        self.c = pdfium_c
        self.raw = textpage.raw
        # text indexes are character indexes unless pdfium dropped or added characters
        self.identity = pdfium_c.FPDFText_CountChars(self.raw) == len(text)
        self._l, self._r, self._b, self._t = (ctypes.c_double() for _ in range(4))
        self._x, self._y = ctypes.c_double(), ctypes.c_double()
        self._name, self._flags = ctypes.create_string_buffer(256), ctypes.c_int()

    def index(self, text_index: int) -> int:
        if self.identity:
            return text_index
        return self.c.FPDFText_GetCharIndexFromTextIndex(self.raw, text_index)

    def rects(self, i: int, count: int) -> int:
        return self.c.FPDFText_CountRects(self.raw, i, count)

    def generated(self, i: int) -> bool:
        return self.c.FPDFText_IsGenerated(self.raw, i) == 1

    def size(self, i: int) -> float:
        return self.c.FPDFText_GetFontSize(self.raw, i)

    def bold(self, i: int) -> bool:
        weight = self.c.FPDFText_GetFontWeight(self.raw, i)
        if weight > 0:
            return weight >= 600
        size = self.c.FPDFText_GetFontInfo(self.raw, i, self._name, len(self._name), ctypes.byref(self._flags))
        return size > 0 and BOLD_NAME_RE.search(self._name.value.decode("latin-1", "replace")) is not None

    def box(self, i: int) -> tuple[float, float, float, float]:
        self.c.FPDFText_GetCharBox(
            self.raw, i, ctypes.byref(self._l), ctypes.byref(self._r), ctypes.byref(self._b), ctypes.byref(self._t)
        )
        return self._l.value, self._r.value, self._b.value, self._t.value

    def baseline(self, i: int) -> float:
        self.c.FPDFText_GetCharOrigin(self.raw, i, ctypes.byref(self._x), ctypes.byref(self._y))
        return self._y.value


def _segments(textpage) -> list[_Segment]:
    """pdfium's lines, split at line-break hyphens, with geometry and raised markers."""
    text = textpage.get_text_range()
    chars = _Chars(textpage, text)
    out, pos = [], 0
    for m in [*SPLIT_RE.finditer(text), None]:
        end = m.start() if m else len(text)
        raw = text[pos:end]
        hyphen = m is not None and m.group() in ("\ufffe", "\x02")
        start, pos = pos, (m.end() if m else len(text))
        if not raw.strip():
            continue
        lead = len(raw) - len(raw.lstrip())
        first, last = start + lead, start + len(raw.rstrip()) - 1
        mid = _middle(raw, start, lead)
        c_first, c_last, c_mid = chars.index(first), chars.index(last), chars.index(mid)
        if min(c_first, c_last, c_mid) < 0:
            continue
        size = chars.size(c_mid)
        x0, x1 = chars.box(c_first)[0], chars.box(c_last)[1]
        tabbed, cuts = _tabs(raw, start, size, chars, x1 - x0)
        seg_text = _raise_markers(tabbed, start, size, chars)
        out.append(
            _Segment(
                seg_text,
                x0,
                x1,
                chars.baseline(c_mid),
                size,
                chars.bold(c_mid),
                hyphen,
                raw.strip().isdigit() and len(raw.strip()) <= 3,
                cuts,
            )
        )
    return out


def _tabs(raw: str, start: int, size: float, chars: _Chars, width: float) -> tuple[str, list[tuple[float, float]]]:
    """A space pdfium inserted over a wide gap separates table cells (or columns): make it a tab.

    Also returns each tab's gap (x where the text before it ends, x where the text after it starts).
    """
    cuts: list[tuple[float, float]] = []
    if " " not in raw.strip():
        return raw, cuts
    if width < len(raw) * 0.3 * size + TAB_GAP * size:
        return raw, cuts  # too narrow for its characters to leave a wide gap anywhere
    first = chars.index(start)
    if first >= 0 and chars.rects(first, len(raw)) <= 1:
        return raw, cuts  # one run of text: pdfium would have made a new rectangle at a cell boundary
    out = list(raw)
    for m in SINGLE_SPACE_RE.finditer(raw):
        k = m.start()
        c = chars.index(start + k)
        if c < 0 or not chars.generated(c):
            continue
        before, after = chars.index(start + k - 1), chars.index(start + k + 1)
        if before < 0 or after < 0:
            continue
        end, begin = chars.box(before)[1], chars.box(after)[0]
        if begin - end > TAB_GAP * size:
            out[k] = "\t"
            cuts.append((end, begin))
    return "".join(out), cuts


def _middle(raw: str, start: int, lead: int) -> int:
    """Text index of a non-space character near the middle of a piece (its size is the line's)."""
    k = max((len(raw) + lead) // 2, lead)
    while k > lead and raw[k].isspace():
        k -= 1
    return start + k


def _raise_markers(raw: str, start: int, size: float, chars: _Chars) -> str:
    """Digits set smaller than their line after a word are footnote markers: make them superscripts."""
    if INLINE_DIGITS_RE.search(raw) is None:
        return raw
    pieces, pos = [], 0
    base = None
    for m in INLINE_DIGITS_RE.finditer(raw):
        c = chars.index(start + m.start())
        if c < 0:
            continue
        small = chars.size(c)
        if small >= 0.92 * size:
            continue
        if base is None:
            base = chars.baseline(chars.index(start + m.start() - 1))
        raised = chars.baseline(c) - base > 0.15 * size
        if small < SUPERSCRIPT_SHARE * size or raised:
            pieces.append(raw[pos : m.start()] + m.group().translate(TO_SUPER))
            pos = m.end()
    pieces.append(raw[pos:])
    return "".join(pieces)


def _lines(segments: list[_Segment], page: int) -> list[Line]:
    """Merge pieces that share a baseline (pdfium splits after raised markers)."""
    lines: list[Line] = []
    groups: list[list[_Segment]] = []
    for seg in segments:
        if groups:
            prev = groups[-1][-1]
            tall = max(prev.size, seg.size)
            if abs(prev.y - seg.y) < 0.7 * tall and seg.x0 >= prev.x1 - 2 and not prev.hyphen_end:
                groups[-1].append(seg)
                continue
        groups.append([seg])
    for group in groups:
        main = max(group, key=lambda s: (s.size, len(s.text)))
        parts: list[str] = []
        cuts: list[tuple[float, float]] = []
        sup_start = False
        for k, seg in enumerate(group):
            piece = seg.text
            if seg.digits_only and len(group) > 1 and seg.size < SUPERSCRIPT_SHARE * main.size:
                piece = seg.text.strip().translate(TO_SUPER)
                sup_start = sup_start or k == 0
            elif parts and not piece[:1].isspace() and seg.x0 - group[k - 1].x1 > 0.25 * seg.size:
                wide = seg.x0 - group[k - 1].x1 >= 2 * seg.size
                piece = ("\t" if wide else " ") + piece
                if wide:
                    cuts.append((group[k - 1].x1, seg.x0))
            cuts.extend(seg.cuts)
            parts.append(piece)
        text = unicodedata.normalize("NFC", clean("".join(parts)))
        if sup_start:
            text = re.sub(rf"^(\s*[{superscript_digits()}]+)\s*", r"\1 ", text)
        if text.count("\t") != len(cuts):
            cuts = []
        lines.append(
            Line(
                text=text,
                page=page,
                x0=min(s.x0 for s in group),
                x1=max(s.x1 for s in group),
                y=main.y,
                size=main.size,
                bold=main.bold,
                hyphen_end=group[-1].hyphen_end,
                superscript_start=sup_start,
                cuts=tuple(cuts),
            )
        )
    return lines


def extract_lines(pdf, hidden: list[HiddenPart] | None = None) -> list[Line]:
    """Visual lines of every page, in content-stream order; annotations' text into `hidden`."""
    lines: list[Line] = []
    for number in range(len(pdf)):
        page = pdf[number]
        textpage = page.get_textpage()
        try:
            lines += _lines(_segments(textpage), number)
            if hidden is not None:
                hidden += _annotations(page, number)
        finally:
            textpage.close()
            page.close()
    return lines


def _annot_string(annot, key: str) -> str:
    import pypdfium2.raw as pdfium_c

    n = pdfium_c.FPDFAnnot_GetStringValue(annot, key.encode("ascii"), None, 0)
    if n <= 2:
        return ""
    buffer = (ctypes.c_ushort * (n // 2))()
    pdfium_c.FPDFAnnot_GetStringValue(annot, key.encode("ascii"), buffer, n)
    return bytes(memoryview(buffer).cast("B"))[: n - 2].decode("utf-16-le", "replace")


def _annotations(page, number: int) -> list[HiddenPart]:
    """Comments (sticky notes, highlights with text) on a page: a reviewer's notes can name people."""
    import pypdfium2.raw as pdfium_c

    found = []
    for i in range(pdfium_c.FPDFPage_GetAnnotCount(page.raw)):
        annot = pdfium_c.FPDFPage_GetAnnot(page.raw, i)
        if not annot:
            continue
        try:
            if pdfium_c.FPDFAnnot_GetSubtype(annot) in (pdfium_c.FPDF_ANNOT_LINK, pdfium_c.FPDF_ANNOT_WIDGET):
                continue
            text, author = _annot_string(annot, "Contents").strip(), _annot_string(annot, "T").strip() or None
            if text or author:
                where = f"comment on page {number + 1}" + (f" by {author}" if author else "")
                found.append(HiddenPart(kind="comment", location=where, text=text, author=author))
        finally:
            pdfium_c.FPDFPage_CloseAnnot(annot)
    return found


def _metadata(pdf) -> list[HiddenPart]:
    """Document properties (Author, Title…): shown by every PDF viewer's properties dialog."""
    found = []
    for key, value in pdf.get_metadata_dict(skip_empty=True).items():
        if key in ("Author", "Title", "Subject", "Keywords") and value.strip().lower() not in PLACEHOLDER_VALUES:
            found.append(
                HiddenPart(
                    kind="property",
                    location=f"document property '{key.lower()}'",
                    text=value.strip(),
                    author=value.strip() if key == "Author" else None,
                )
            )
    return found


def read(path: Path, data: bytes) -> Extracted:
    """Read a PDF review (see the module docstring)."""
    import pypdfium2 as pdfium

    name = str(path)
    _check_complete(name, data)
    pdf = _open(name, data)
    try:
        n_pages = len(pdf)
        if n_pages == 0:
            raise UnusableInput(f"{name}: the PDF has no pages")
        hidden = _metadata(pdf)
        try:
            lines = extract_lines(pdf, hidden)
        except pdfium.PdfiumError as exc:
            raise UnusableInput(f"{name}: the PDF cannot be read ({exc}); it may be damaged") from exc
    finally:
        pdf.close()
    characters = sum(len(line.text.strip()) for line in lines)
    if characters < MIN_CHARS_PER_PAGE * n_pages:
        raise UnusableInput(
            f"{name}: the PDF has no text layer ({characters} characters on {n_pages} pages): it looks like a scan. "
            "OCR is not supported here; run it through OCR (e.g. ocrmypdf) and try again"
        )
    dropped = running_lines(lines, n_pages)
    body = [line for i, line in enumerate(lines) if i not in dropped]
    size = body_size(body)
    kept, notes = [], {}
    for number in range(n_pages):
        page_lines, page_notes = split_footnotes(column_order([line for line in body if line.page == number]), size)
        kept += page_lines
        if page_notes:
            notes[number] = page_notes
    text, pages = assemble(kept, notes, n_pages)
    if not text.strip():
        raise UnusableInput(f"{name}: no text left after removing page headers and footers")
    return Extracted(text=text, format="pdf", pages=pages, hidden=hidden)
