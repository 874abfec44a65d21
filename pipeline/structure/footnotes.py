"""Footnotes: markers in the body and the footnote texts that PDF extraction
leaves between paragraphs.

Markers: superscript digits (¹²³), Markdown "[^3]".  Texts: a paragraph that
starts with the same superscript, "[^3]:", or a superscript alone on its line
followed by the text in the next paragraph.  Each text is linked to the
nearest preceding marker with the same number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..lexicon import from_superscript, superscript_digits
from .lines import Line

SUPERSCRIPTS = superscript_digits()  # models/lexicon/marks.yaml
SUPER_TO_DIGIT = from_superscript()
SUPER_RUN = f"[{SUPERSCRIPTS}]+"
MARKER_RE = re.compile(
    rf"(?<=[\w.,;:)\]’'\"”])(?P<sup>{SUPER_RUN})|\[\^(?P<md>\d{{1,3}})\](?!:)|(?<=\S)\[(?P<br>\d{{1,3}})\]"
    rf"|(?:(?<=[a-z]{{3}})|(?<=[a-z]{{2}}[.,;]))(?P<glued>\d{{1,2}})(?=[\s.,;:)]|$)"
)
TEXT_START_RE = re.compile(
    rf"^\s*(?:(?P<sup>{SUPER_RUN})|\[\^(?P<md>\d{{1,3}})\]:|\[(?P<br>\d{{1,3}})\])\s*(?P<rest>.*)$"
)
PLAIN_NOTE_RE = re.compile(r"^\s*(?P<num>\d{1,2})\.?\s+(?P<rest>\S.*)$")
GLUED_RE = re.compile(r"(?:(?<=[a-z]{3})|(?<=[a-z]{2}[.,;]))(\d{1,2})(?=[\s.,;:)]|$)")
MAX_PLAIN_NOTE_CHARS = 300


@dataclass
class FootnoteText:
    marker: str
    text: str
    start: int
    end: int
    lines: list[int]


def marker_number(raw: str) -> str:
    return raw.translate(SUPER_TO_DIGIT)


def find_footnote_texts(blocks: list[list[Line]]) -> list[FootnoteText]:
    """Footnote texts; a lone marker line takes the next block as its text."""
    found: list[FootnoteText] = []
    pending: tuple[str, Line] | None = None
    for block in blocks:
        first = block[0]
        if pending is not None:
            number, marker_line = pending
            pending = None
            last = block[-1]
            body = first.text.strip() if len(block) == 1 else "\n".join(ln.text for ln in block).strip()
            if not TEXT_START_RE.match(first.text):
                found.append(
                    FootnoteText(
                        number, body, marker_line.start, last.end, [marker_line.index] + [ln.index for ln in block]
                    )
                )
                continue
        for line in block:
            m = TEXT_START_RE.match(line.text)
            if not m:
                continue
            number = marker_number(m["sup"] or m["md"] or m["br"])
            rest = m["rest"].strip()
            if not rest:
                pending = (number, line)
                continue
            found.append(FootnoteText(number, rest, line.start, line.end, [line.index]))
    found += _plain_notes(blocks, {i for n in found for i in n.lines})
    return _fix_starts(sorted(found, key=lambda n: n.start), blocks)


def _plain_notes(blocks: list[list[Line]], taken: set[int]) -> list[FootnoteText]:
    """ "2 Working Together 2018, chapter 4." at a page foot, for a body that glued its marker on ("parents2").

    Only when the same number is glued to a word earlier in the text; the note
    is a short line of more than four words, so numbered headings and
    numbered paragraphs stay what they are.
    """
    text_so_far: list[str] = []
    found = []
    for block in blocks:
        for line in block:
            m = PLAIN_NOTE_RE.match(line.text)
            if (
                m
                and line.index not in taken
                and len(line.stripped) <= MAX_PLAIN_NOTE_CHARS
                and len(m["rest"].split()) > 4
            ):
                if any(g == m["num"] for chunk in text_so_far[-60:] for g in GLUED_RE.findall(chunk)):
                    found.append(FootnoteText(m["num"], m["rest"].strip(), line.start, line.end, [line.index]))
                    continue
            text_so_far.append(line.text)
    return found


def _fix_starts(found: list[FootnoteText], blocks: list[list[Line]]) -> list[FootnoteText]:
    """Footnote spans start at their marker, so the whole note is highlightable."""
    by_line = {line.index: line for block in blocks for line in block}
    for note in found:
        first = by_line[note.lines[0]]
        note.start = first.start + (len(first.text) - len(first.text.lstrip()))
    return found


def find_markers(text: str, exclude: list[tuple[int, int]]) -> list[tuple[str, int, int]]:
    """(number, start, end) of body markers outside the footnote texts."""
    out = []
    for m in MARKER_RE.finditer(text):
        start = m.start("sup") if m["sup"] else m.start()
        if any(a <= start < b for a, b in exclude):
            continue
        if m["glued"]:
            start = m.start("glued")
        raw = m["sup"] or m["md"] or m["br"] or m["glued"]
        out.append((marker_number(raw), start, m.end()))
    return out


def drop_unmatched_glued(
    markers: list[tuple[str, int, int]], text: str, notes: list[FootnoteText]
) -> list[tuple[str, int, int]]:
    """Digits glued to a word ("parents2") are markers only when a note with that number exists."""
    numbers = {n.marker for n in notes}
    return [m for m in markers if not (text[m[1]].isdigit() and text[m[1] - 1 : m[1]] != "[" and m[0] not in numbers)]


def link(
    texts: list[FootnoteText], markers: list[tuple[str, int, int]]
) -> list[tuple[FootnoteText, tuple[int, int] | None]]:
    """Pair each text with the closest preceding marker of the same number."""
    pairs = []
    for note in texts:
        before = [m for m in markers if m[0] == note.marker and m[1] < note.start]
        after = [m for m in markers if m[0] == note.marker and m[1] >= note.start]
        chosen = before[-1] if before else (after[0] if after else None)
        pairs.append((note, (chosen[1], chosen[2]) if chosen else None))
    return pairs
