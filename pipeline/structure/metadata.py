"""Cover facts: board, title, subject child, period reviewed, author, report type.

Read from the first lines of the report (the cover and introduction), using
the label vocabularies in `models/structure/report_shapes.yaml`.  Dates are
normalised with dateparser, day first, as UK reviews write them.
"""
from __future__ import annotations

import datetime as dt
import re

import dateparser

from ..report import Metadata
from ..resources import load_yaml
from .lines import Line

COVER_LINES = 40
DATE_SETTINGS = {"DATE_ORDER": "DMY", "PREFER_DAY_OF_MONTH": "first", "REQUIRE_PARTS": ["month", "year"]}
DATE_TEXT = r"(?:\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?[A-Z][a-z]+\.?,?\s+\d{4}|[A-Z][a-z]+\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|[A-Z][a-z]+\s+\d{4})"


def _shapes() -> dict:
    return load_yaml("structure", "report_shapes.yaml")


def parse_date(text: str) -> dt.date | None:
    """A UK-style date string to a date (no guessing of missing years)."""
    cleaned = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", text.strip()).replace(" of ", " ")
    parsed = dateparser.parse(cleaned, languages=["en"], settings=DATE_SETTINGS)
    return parsed.date() if parsed else None


def find_period(text: str) -> tuple[dt.date | None, dt.date | None]:
    """The period under review, from a labelled phrase anywhere in the first part of the report."""
    shapes = _shapes()
    head = text[:20000]
    sep = shapes["period_separators"]
    for label in shapes["period_labels"]:
        pattern = rf"{label}\s*(?:is|was|:|-|–|covers|covering|from|of|between)?\s*(?:the period\s*)?(?:from|between)?\s*(?P<a>{DATE_TEXT}){sep}(?P<b>{DATE_TEXT})"
        m = re.search(pattern, head, re.IGNORECASE)
        if m:
            return parse_date(m["a"]), parse_date(m["b"])
    return None, None


def find_report_type(cover: str, text: str) -> str:
    """The review type named on the cover, else the one the text names most."""
    types = _shapes()["report_types"]
    for scope in (cover, text[:20000]):
        counts = {t: sum(len(re.findall(p, scope, re.IGNORECASE)) for p in pats) for t, pats in types.items()}
        best = max(counts, key=lambda t: counts[t])
        if counts[best]:
            return best
    return "unknown"


def find_author(cover_lines: list[Line]) -> str | None:
    """The named lead reviewer / author on the cover ("Lead Reviewer/Author: …")."""
    for label in _shapes()["author_labels"]:
        for line in cover_lines:
            m = re.match(rf"^\s*{label}\s*(?::|-|–|—|\t)\s*(?P<name>.+?)\s*$", line.text, re.IGNORECASE)
            if m and _looks_like_person(m["name"]):
                return m["name"]
    return None


def _looks_like_person(value: str) -> bool:
    words = re.split(r"\s+", value.split(",")[0].strip())
    return 1 < len(words) <= 6 and all(w[:1].isupper() for w in words if w.isalpha())


def find_board(cover_lines: list[Line]) -> str | None:
    pattern = _shapes()["board"]
    for line in cover_lines:
        if re.search(pattern, line.text, re.IGNORECASE) and len(line.stripped.split()) <= 12:
            return line.stripped
    return None


def find_title(cover_lines: list[Line]) -> str | None:
    types = _shapes()["report_types"]
    for line in cover_lines:
        if any(re.search(p, line.text, re.IGNORECASE) for pats in types.values() for p in pats[:1]):
            if len(line.stripped.split()) <= 20:
                return line.stripped
    return None


def find_subject(title: str | None, key_subject: str | None) -> str | None:
    if key_subject:
        return key_subject
    if title:
        m = re.search(_shapes()["subject"], title)
        if m:
            return m.group(1)
    return None


def _unmarked(line: Line) -> Line:
    """The cover line without Markdown heading hashes or emphasis."""
    from .headings import strip_markup

    content = strip_markup(re.sub(r"^\s*#{1,6}\s+", "", line.text))
    return Line(content, line.start, line.end, line.index)


def extract_metadata(text: str, lines: list[Line], key_subject: str | None) -> Metadata:
    cover_lines = [_unmarked(line) for line in lines[:COVER_LINES] if not line.is_blank]
    cover = "\n".join(line.text for line in cover_lines)
    title = find_title(cover_lines)
    start, end = find_period(text)
    return Metadata(
        board=find_board(cover_lines),
        title=title,
        subject_child=find_subject(title, key_subject),
        period_start=start,
        period_end=end,
        author=find_author(cover_lines),
        report_type=find_report_type(cover, text),
    )
