"""Render a plain-text review as a published-looking PDF with reportlab.

The PDF has what real review PDFs have and what a reader must undo: a
running header and a "Page N" footer on every page, footnotes at the bottom
of the page that cites them (markers as raised small digits), justified text
with line-end hyphenation, bullets, tables, and a stretch set in two columns.
Also builders for bad files: encrypted, truncated, without a text layer.
Nothing binary is committed: the tests build these files in tmp dirs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_JUSTIFY
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfgen import canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Frame,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Table,
    TableStyle,
)

SUPERS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
SUPER_RUN = re.compile(f"[{SUPERS}]+")
NOTE_RE = re.compile(f"^([{SUPERS}]+)\\s*(.*)$")
HEADING_RE = re.compile(r"^\d{1,2}(\.\d{1,2}){0,3}\.?\s+[A-Z][^.!?]{0,90}$")
HEADER_TEXT = "Serious Case Review – Child E – Final Overview Report"
FOOTER_LEFT = "OFFICIAL – SENSITIVE"

BODY = ParagraphStyle(
    "body",
    fontName="Times-Roman",
    fontSize=12,
    leading=15,
    alignment=TA_JUSTIFY,
    spaceAfter=7,
    hyphenationLang="en_GB",
    embeddedHyphenation=1,
    uriWasteReduce=0.3,
)
HEADING = ParagraphStyle("heading", fontName="Times-Bold", fontSize=14, leading=18, spaceBefore=8, spaceAfter=8)
BULLET = ParagraphStyle("bullet", parent=BODY, leftIndent=18, bulletIndent=6, spaceAfter=3)
CELL = ParagraphStyle("cell", fontName="Times-Roman", fontSize=10, leading=12)
NOTE = ParagraphStyle("note", fontName="Times-Roman", fontSize=8, leading=9.5)


def _markup(text: str) -> str:
    """Escaped text with superscript footnote markers as raised small digits."""
    return SUPER_RUN.sub(
        lambda m: "<super>" + m.group(0).translate(str.maketrans(SUPERS, "0123456789")) + "</super>", escape(text)
    )


class _Doc(BaseDocTemplate):
    """Draws header, footer and the footnotes cited on each page."""

    def __init__(self, path: str, notes: dict[str, str], **kw):
        super().__init__(path, pagesize=A4, **kw)
        self.notes = notes
        self.page_notes: list[str] = []
        self.done: set[str] = set()
        width, height = A4
        left, right, top, bottom = 2.5 * cm, 2.5 * cm, 2.5 * cm, 4.5 * cm
        one = Frame(left, bottom, width - left - right, height - top - bottom, id="one")
        gap = 0.8 * cm
        col = (width - left - right - gap) / 2
        two = [
            Frame(left, bottom, col, height - top - bottom, id="left"),
            Frame(left + col + gap, bottom, col, height - top - bottom, id="right"),
        ]
        self.addPageTemplates(
            [
                PageTemplate("one", [one], onPage=self._decorate, onPageEnd=self._footnotes),
                PageTemplate("two", two, onPage=self._decorate, onPageEnd=self._footnotes),
            ]
        )

    def afterFlowable(self, flowable):
        for marker in _raised_digits(flowable):
            if marker in self.notes and marker not in self.done:
                self.done.add(marker)
                self.page_notes.append(marker)

    def _decorate(self, canv, doc):
        width, height = A4
        canv.saveState()
        canv.setFont("Helvetica", 9)
        canv.drawCentredString(width / 2, height - 1.5 * cm, HEADER_TEXT)
        canv.drawString(2.5 * cm, 1.3 * cm, FOOTER_LEFT)
        canv.drawRightString(width - 2.5 * cm, 1.3 * cm, f"Page {doc.page}")
        canv.restoreState()

    def _footnotes(self, canv, doc):
        notes, self.page_notes = self.page_notes, []
        if not notes:
            return
        width, _ = A4
        y = 4.2 * cm
        canv.saveState()
        canv.line(2.5 * cm, y, 7.5 * cm, y)
        y -= 0.2 * cm
        for marker in notes:
            para = Paragraph(f"<super>{marker}</super> {escape(self.notes[marker])}", NOTE)
            _, h = para.wrapOn(canv, width - 5 * cm, 3 * cm)
            para.drawOn(canv, 2.5 * cm, y - h)
            y -= h + 2
        canv.restoreState()


def _raised_digits(flowable) -> list[str]:
    """Footnote markers drawn by a flowable (also by each part of a paragraph split over pages)."""
    if isinstance(flowable, Table):
        return [m for row in flowable._cellvalues for cell in row for m in _raised_digits(cell)]
    frags = list(getattr(flowable, "frags", None) or [])
    lines = getattr(getattr(flowable, "blPara", None), "lines", None) or []
    for line in lines:
        frags.extend(getattr(line, "words", []) if hasattr(line, "words") else [])
    found = []
    for frag in frags:
        if getattr(frag, "rise", 0) and getattr(frag, "text", "").strip().isdigit():
            found.append(frag.text.strip())
        for sub in getattr(frag, "words", []) or []:
            if getattr(sub, "rise", 0) and getattr(sub, "text", "").strip().isdigit():
                found.append(sub.text.strip())
    return found


def _blocks(text: str) -> list[list[str]]:
    return [
        [line for line in block.split("\n") if line.strip()] for block in re.split(r"\n\s*\n", text) if block.strip()
    ]


def _flowables(lines: list[str]) -> list:
    out, table = [], []
    for line in lines + [""]:
        if "\t" in line:
            table.append([Paragraph(_markup(c), CELL) for c in line.split("\t")])
            continue
        if table:
            t = Table(table, hAlign="LEFT")
            t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("BOTTOMPADDING", (0, 0), (-1, -1), 3)]))
            out.append(t)
            table = []
        if not line:
            continue
        stripped = line.strip()
        if stripped[:2] in ("- ", "* "):
            para = Paragraph(_markup(stripped[2:]), BULLET, bulletText="•")
        elif HEADING_RE.match(stripped) and len(lines) == 1:
            para = Paragraph(_markup(stripped), HEADING)
        else:
            para = Paragraph(_markup(stripped), BODY)
        out.append(para)
    return out


@dataclass
class RenderedPdf:
    path: Path
    pages: int
    two_column: list[str]  # the paragraphs set in two columns
    hyphenated: int  # line-end hyphen breaks made by the renderer


def render_review_pdf(
    text: str, path: Path, two_column_share: tuple[float, int] = (0.45, 7000), font_size: float = 12
) -> RenderedPdf:
    """Render `text` (a plain-text review); `two_column_share` = (where, how many characters) in two columns."""
    global BODY, BULLET
    BODY = ParagraphStyle("body", parent=BODY, fontSize=font_size, leading=font_size * 1.25)
    BULLET = ParagraphStyle("bullet", parent=BODY, leftIndent=18, bulletIndent=6, spaceAfter=3)
    blocks = _blocks(text)
    notes: dict[str, str] = {}
    body: list[list[str]] = []
    for block in blocks:
        m = NOTE_RE.match(block[0])
        if len(block) == 1 and m:
            notes[m[1].translate(str.maketrans(SUPERS, "0123456789"))] = m[2]
        else:
            body.append(block)
    start = int(len(body) * two_column_share[0])
    story, chars, state, two = [], 0, "one", []
    for i, block in enumerate(body):
        if i == start:
            story += [NextPageTemplate("two"), PageBreak()]
            state = "two"
        story += _flowables(block)
        if state == "two":
            two += [line for line in block if "\t" not in line and not line.lstrip().startswith(("- ", "* "))]
            chars += sum(len(line) for line in block)
            if chars > two_column_share[1]:
                story += [NextPageTemplate("one"), PageBreak()]
                state = "done"
    doc = _Doc(str(path), notes, title="Review", author="")
    doc.build(story)
    return RenderedPdf(path, doc.page, two, _hyphen_breaks(path))


def _hyphen_breaks(path: Path) -> int:
    """Line-end hyphens in the rendered file, as any PDF viewer's text layer shows them."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        text = "".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    finally:
        pdf.close()
    return text.count("\ufffe") + text.count("\x02") + len(re.findall(r"[a-z]-\r?\n", text))


def encrypted_pdf(path: Path) -> Path:
    c = canvas.Canvas(str(path), encrypt="a-secret")
    c.drawString(72, 720, "Child J was seen at home by the health visitor.")
    c.save()
    return path


def image_only_pdf(path: Path, pages: int = 3) -> Path:
    """Pages with drawings but no text: what a scanned review looks like to a reader."""
    c = canvas.Canvas(str(path))
    for _ in range(pages):
        for i in range(30):
            c.rect(72, 700 - i * 20, 400, 12, fill=1)
        c.showPage()
    c.save()
    return path


def truncated(source: Path, path: Path, keep: float = 0.6) -> Path:
    data = source.read_bytes()
    path.write_bytes(data[: int(len(data) * keep)])
    return path


def interleaved_columns_pdf(path: Path, left: list[str], right: list[str], title: str) -> Path:
    """One page whose content stream writes across two columns, line by line (left, right, left…)."""
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont("Times-Bold", 14)
    c.drawString(72, 780, title)
    c.setFont("Times-Roman", 11)
    y = 750
    for a, b in zip(left, right, strict=True):  # a line on each side of every row
        c.drawString(72, y, a)
        c.drawString(320, y, b)
        y -= 14
    c.save()
    return path


def annotated_pdf(path: Path, author: str, note: str) -> Path:
    """Three short pages, an Author property and a sticky-note comment on page 2."""
    c = canvas.Canvas(str(path))
    c.setAuthor(author)
    c.setTitle("Draft review")
    for i, day in enumerate(["Monday", "Tuesday", "Friday"]):
        c.drawString(72, 720, f"Child J was seen at home by the health visitor on the {day}.")
        c.drawString(72, 700, f"The visit on {day} lasted forty minutes and the baby was asleep.")
        if i == 1:
            c.textAnnotation(note, Rect=(72, 600, 200, 650), addtopage=1, name="n1", relative=0)
        c.showPage()
    c.save()
    return path
