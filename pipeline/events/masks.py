"""Dates of the document itself: where a date phrase dates no event.

A review's cover, version line, running page headers and footers and the
statement of when it was presented or published carry dates ("Published: March
2019", "Final version 12.4.2018", "Baby M SCR, May 2019, Page 4") that are no
events of the case and must not date a sentence (a page header lands in the
middle of a paragraph when a PDF is read).  The cues are data
(models/dates/document_dates.yaml); this module only finds their spans, once
per report, as character ranges of `report.text`.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from functools import lru_cache

from ..resources import load_yaml
from .candidates import find_candidates

LINE_RE = re.compile(r"[^\n]+")
SENTENCE_END_RE = re.compile(r"[.!?]['\"’”)]?\s*$")
# the end of a sentence inside a line: a lower-case word or a year, its stop, then a capital or a
# number ("... of the review. 1.2 The council ...", "... on 2 May 2019. He ..."), not leader dots
# ("Item No .....") nor an initial
INNER_END_RE = re.compile(r"(?:[a-z]{2}|\b(?:19|20)\d{2})[.!?]['\"’”)]?\s+(?=[A-Z0-9‘“\"'])")
TRAILING_PAGE_RE = re.compile(r"\s+\d{1,3}$")


@lru_cache(maxsize=1)
def _config() -> dict:
    cfg = load_yaml("dates", "document_dates.yaml")
    return {
        "strong": re.compile(r"\b(?:" + "|".join(cfg["strong_cues"]) + r")", re.IGNORECASE),
        "short": re.compile(r"\b(?:" + "|".join(cfg["short_line_cues"]) + r")", re.IGNORECASE),
        "page": re.compile(cfg["page_line"], re.IGNORECASE),
        "reach": cfg["reach"],
        "preceding": re.compile(r"\b(?:" + "|".join(cfg["preceding_cues"]) + r")", re.IGNORECASE),
        "preceding_reach": cfg["preceding_reach"],
        "short_words": cfg["short_line_words"],
        "page_words": cfg["page_line_words"],
        "repeated": cfg["repeated_line_min"],
        "repeated_long": cfg["repeated_long_line_min"],
        "prose_sentences": cfg["page_line_prose_sentences"],
    }


def _running_key(line: str) -> str:
    """A line as a running header or footer repeats it: spaces unified, a page
    number at its end left out ("Child K SCR 12" and "Child K SCR 13" are one)."""
    return TRAILING_PAGE_RE.sub("", " ".join(line.split()))


def _is_short_line(line: str, words: int) -> bool:
    """A cover or header line: few words, no full stop at the end, not a table row."""
    return len(line.split()) <= words and not SENTENCE_END_RE.search(line) and "\t" not in line and line.count("|") < 3


# a numbered heading or a usual first section ends the cover ("05.08.2013 Views", a date
# opening a line, is no numbered heading: see `_opens_body`)
_BODY_START = re.compile(
    r"^\s*(?:\d+(?:\.\d+)*\.?\s+[A-Z]|(?:contents|introduction|chronology|background"
    r"|the facts|what happened|case summary)\s*:?\s*$)",
    re.IGNORECASE,
)


def _opens_body(line: str) -> bool:
    """A numbered heading or a usual first section: the cover ends before it.  A line
    opening with a dotted date ("05.08.2013 Views", a repository's upload line) is
    still the cover."""
    if not _BODY_START.match(line):
        return False
    first = find_candidates(line.strip())
    return not (first and first[0].start == 0 and first[0].kind == "day")


def document_date_spans(text: str) -> list[tuple[int, int]]:
    """Spans of `text` whose dates are the document's, not the case's."""
    cfg = _config()
    lines = [(m.start(), m.end(), m.group()) for m in LINE_RE.finditer(text)]
    counts = Counter(_running_key(line) for _, _, line in lines)
    # the cover: everything before the first line of prose; a short dated line there ("March 2011",
    # "Final version 12.4.2018") is the document's date, whatever its label
    cover_end = next(
        (
            start
            for start, _, line in lines
            if (not _is_short_line(line, cfg["short_words"]) and line.rstrip().endswith(".")) or _opens_body(line)
        ),
        len(text),
    )
    spans = []
    for start, end, line in lines:
        if end <= cover_end and _is_short_line(line, cfg["short_words"]) and find_candidates(line):
            spans.append((start, end))
            continue
        stripped = _running_key(line)
        short = _is_short_line(line, cfg["short_words"])
        page = cfg["page"].search(line)
        chrome = (
            (
                page
                and (
                    _is_short_line(line, cfg["page_words"])
                    or page.start() == len(line) - len(line.lstrip())
                    or not line[page.end() :].strip()
                )
            )
            or (short and counts[stripped] >= cfg["repeated"] and len(stripped) >= 10)
            or counts[stripped] >= cfg["repeated_long"]
        )
        if chrome and page and _page_of_prose(line, cfg["prose_sentences"]):
            spans.append(_page_cue_stretch(line, start, page))  # a whole page read as one line
            continue
        if chrome:  # a page header or footer: skipped whole, dated or not
            spans.append((start, end))
            continue
        if short and _is_title_line(line):
            spans.append((start, end))
            continue
        if short and cfg["short"].search(line):
            if find_candidates(line):
                spans.append((start, end))
            continue
        for cue in cfg["strong"].finditer(line):
            dates = find_candidates(line[cue.end() : cue.end() + cfg["reach"]])
            if dates:
                spans.append((start + cue.start(), start + cue.end() + dates[0].end))
    return _merge(spans + _wrapped_cues(text) + _label_after_date(text) + _dateline(lines))


def _dateline(lines: list[tuple[int, int, str]]) -> list[tuple[int, int]]:
    """A line that is only a date, among the text's first lines and after a headline or standfirst
    of prose, when no other line of the text is only a date (document_dates.yaml `dateline`): a
    page's publication date under its headline, not an event.  A chronology's dates standing alone
    as sub-headings come several to a text, under a heading."""
    limit = load_yaml("dates", "document_dates.yaml")["dateline"]["max_line"]
    filled = [item for item in lines if item[2].strip()]
    alone = [i for i, (_, _, line) in enumerate(filled) if len(line) <= 40 and _is_date_part(line.strip().rstrip(".,"))]
    if len(alone) != 1 or alone[0] >= limit:
        return []
    prose_before = any(SENTENCE_END_RE.search(line) or len(line.split()) >= 8 for _, _, line in filled[: alone[0]])
    start, end, _ = filled[alone[0]]
    return [(start, end)] if prose_before else []


def _page_of_prose(line: str, sentences: int) -> bool:
    """A line holding at least `sentences` sentences: a whole page a transcript ran into one
    line, not a header or a cover read as one line (which hold none or one)."""
    return len(INNER_END_RE.findall(line)) + bool(SENTENCE_END_RE.search(line)) >= sentences


def _page_cue_stretch(line: str, start: int, page: re.Match) -> tuple[int, int]:
    """On a page run into one line, the page's furniture is the stretch around its page cue
    up to the nearest sentence end on either side ("Page 1 Item 6 ... Council Report ...
    Date: 4 March 2019 ... 1.1 This paper tells members ... ."): its dates are the
    document's, and the sentences after it are the page's prose, read as any other."""
    before = [m.end() for m in INNER_END_RE.finditer(line, 0, page.start())]
    after = INNER_END_RE.search(line, page.end())
    return start + (before[-1] if before else 0), start + (after.end() if after else len(line))


def _is_title_line(line: str) -> bool:
    """A date and names joined by dashes or bars ("June 2022 – Westdale – Baby L"):
    the title of an entry or document, its date when it was published
    (document_dates.yaml `title_line`)."""
    cfg = load_yaml("dates", "document_dates.yaml")["title_line"]
    parts = [p.strip() for p in re.split(cfg["separator"], line.strip()) if p.strip()]
    if len(parts) < cfg["min_parts"]:
        return False
    dated = [p for p in parts if _is_date_part(p)]
    named = [p for p in parts if p not in dated]
    return (
        len(dated) == 1 and bool(named) and all(p[:1].isupper() and len(p.split()) <= cfg["part_words"] for p in named)
    )


def _is_date_part(part: str) -> bool:
    found = find_candidates(part)
    return bool(found) and sum(c.end - c.start for c in found) >= 0.6 * len(part)


def _wrapped_cues(text: str) -> list[tuple[int, int]]:
    """A strong cue whose date the line break carried to the next line."""
    cfg = _config()
    spans = []
    for cue in cfg["strong"].finditer(text):
        tail = text[cue.end() : cue.end() + cfg["reach"]]
        if "\n" not in tail:
            continue
        dates = find_candidates(tail)
        if dates and "\n" in tail[: dates[0].start] and "\n\n" not in tail[: dates[0].start]:
            spans.append((cue.start(), cue.end() + dates[0].end))
    return spans


def _label_after_date(text: str) -> list[tuple[int, int]]:
    """A date straight before a cover label, only spaces between ("Child Q 14 May 2018
    Report Author Ada Pellow", a cover flattened into one line): the label names the
    document's date, not an event (document_dates.yaml `preceding_cues`)."""
    cfg = _config()
    spans = []
    for cue in cfg["preceding"].finditer(text):
        before = text[max(0, cue.start() - 40) : cue.start()]
        dates = find_candidates(before)
        if not dates:
            continue
        gap = before[dates[-1].end :]
        if len(gap) <= cfg["preceding_reach"] and not gap.strip():  # only spaces between the date and the label
            spans.append((cue.start() - len(before) + dates[-1].start, cue.end()))
    return spans


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


class Mask:
    """Sorted, merged spans of a report's text where date phrases date nothing."""

    def __init__(self, spans: list[tuple[int, int]]):
        self.spans = _merge(spans)
        self.starts = [s for s, _ in self.spans]

    @classmethod
    def of_report(cls, report) -> Mask:
        return cls(document_date_spans(report.text))

    def covers(self, start: int, end: int) -> bool:
        """Whether [start, end) overlaps a masked span."""
        i = max(bisect.bisect_right(self.starts, start) - 1, 0)
        while i < len(self.spans) and self.spans[i][0] < end:
            if start < self.spans[i][1]:
                return True
            i += 1
        return False

    def inside(self, start: int, end: int) -> bool:
        """Whether [start, end) lies wholly inside one masked span."""
        i = bisect.bisect_right(self.starts, start) - 1
        return i >= 0 and self.spans[i][0] <= start and end <= self.spans[i][1]
