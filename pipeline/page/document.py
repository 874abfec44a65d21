"""The review's text as HTML, block by block, with highlights at exact offsets.

Highlights (findings, replacements, event sentences) may overlap or cross a
paragraph break, so each block is cut at every highlight boundary and each
piece is wrapped in the spans active over it; a highlight's id and its text
label go on its first piece only.  Every character of the review passes
through `markupsafe.escape`: the text is untrusted input and must render as
text, whatever it contains.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise

from markupsafe import Markup, escape

from ..report import Report


@dataclass
class Mark:
    """One highlight: a [start, end) stretch of the text and how it is shown."""

    start: int
    end: int
    css: str
    anchor: str | None = None
    label: str | None = None  # the visible text label (type, severity)
    title: str | None = None  # tooltip: the reason
    nav: bool = False  # reached with the n/p keys
    order: int = 0  # outer before inner when two start together


@dataclass
class Block:
    """A paragraph (or a stretch of text outside any paragraph) rendered as one element."""

    start: int
    end: int
    kind: str
    level: int = 0
    anchor: str = ""
    attrs: dict[str, str] = field(default_factory=dict)


def blocks(report: Report) -> list[Block]:
    """The review's paragraphs in order, plus any text the paragraphs leave out, so nothing is lost."""
    levels = {s.heading_start: s.level for s in report.sections}
    out: list[Block] = []
    pos = 0
    text = report.text
    for para in sorted(report.paragraphs, key=lambda p: (p.start, p.end)):
        if para.start < pos or para.end <= para.start:
            continue  # overlapping or empty paragraph records: keep the first
        if text[pos : para.start].strip():
            out.append(Block(pos, para.start, "gap"))
        out.append(Block(para.start, para.end, para.kind, levels.get(para.start, 0)))
        pos = para.end
    if text[pos:].strip():
        out.append(Block(pos, len(text), "gap"))
    for block in out:
        block.anchor = f"p-{block.start}"
    return out


def _open(mark: Mark, first: bool) -> str:
    attrs = [f'class="{escape(mark.css)}"']
    if first and mark.anchor:
        attrs.append(f'id="{escape(mark.anchor)}"')
        if mark.nav:
            attrs.append('data-nav="1" tabindex="-1"')
        if mark.label:
            attrs.append(f'data-label="{escape(mark.label)}"')
    if mark.title:
        attrs.append(f'title="{escape(mark.title)}"')
    return f"<span {' '.join(attrs)}>"


def render_block(text: str, block: Block, marks: list[Mark], emitted: set[int]) -> str:
    """The inner HTML of one block: escaped text cut at highlight boundaries."""
    start, end = block.start, block.end
    inside = [m for m in marks if m.start < end and m.end > start and m.end > m.start]
    cuts = sorted({start, end, *(max(m.start, start) for m in inside), *(min(m.end, end) for m in inside)})
    parts: list[str] = []
    for a, b in pairwise(cuts):
        active = sorted((m for m in inside if m.start <= a and m.end >= b), key=lambda m: (m.start, -m.end, m.order))
        for mark in active:
            first = id(mark) not in emitted
            emitted.add(id(mark))
            parts.append(_open(mark, first))
            if first and mark.label:
                parts.append(f'<span class="tag" aria-hidden="true">{escape(mark.label)}</span>')
        parts.append(str(escape(text[a:b])))
        parts.append("</span>" * len(active))
    return "".join(parts)


def render_document(
    report: Report, marks: list[Mark], block_attrs: dict[str, dict[str, str]] | None = None
) -> tuple[Markup, set[str]]:
    """The document's HTML and the anchors it actually contains (so lists link only to what exists)."""
    text = report.text
    emitted: set[int] = set()
    marks = sorted(marks, key=lambda m: (m.start, -m.end, m.order))
    html: list[str] = []
    index = 0  # marks are sorted by start: skip those that ended before this block, stop at the first after it
    for block in blocks(report):
        while index < len(marks) and marks[index].end <= block.start:
            index += 1
        window = []
        for mark in marks[index:]:
            if mark.start >= block.end:
                break
            window.append(mark)
        inner = render_block(text, block, window, emitted)
        extra = "".join(f' {escape(k)}="{escape(v)}"' for k, v in (block_attrs or {}).get(block.anchor, {}).items())
        if block.kind == "heading":
            level = min(max(block.level, 1) + 2, 6)
            html.append(f'<h{level} id="{block.anchor}" class="blk k-heading"{extra}>{inner}</h{level}>')
        else:
            kind = escape(block.kind)
            html.append(f'<p id="{block.anchor}" class="blk k-{kind}"{extra}>{inner}</p>')
    anchors = {m.anchor for m in marks if m.anchor and id(m) in emitted}
    return Markup("\n".join(html)), anchors
