"""Date candidates: spans of a text that look like dates, by pattern.

The patterns (models/dates/patterns.yaml) are regular expressions built from
the vocabulary in models/dates/lexicon.yaml.  We deliberately do not run
`dateparser.search.search_dates` over prose: on review text it reads the modal
"may", "(KPE 10)" and "twenty four weeks" as dates and splits "4th May a core
group..." in two.  Candidates only *find* the span; normalisation.py turns the
clean core into a date and resolve.py places relative phrases.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..resources import fill_template, load_yaml
from ..spans import resolve_overlaps
from .vocabulary import calendar, lexicon

DAY_RE = r"(?:[12]\d|3[01]|0?[1-9])(?:[ \t]?(?:st|nd|rd|th)\b)?"  # "24 th" is a PDF's superscript
YEAR_RE = r"(?:19|20)\d{2}"
# 12/03/2012, 3/5/22, 12-03-2012, 12.03.2012, 12.03.12, 7.11.03, 2012-03-12.  A dotted
# form must not continue a longer number ("1.3.12.4"); one that is a paragraph or
# section number ("4.1.10") is told apart by the extractor (`is_paragraph_number`).
NUMDATE_RE = (
    r"(?:(?:[12]\d|3[01]|0?[1-9])/(?:1[0-2]|0?[1-9])/(?:\d{4}|\d{2})"
    r"|(?:[12]\d|3[01]|0?[1-9])-(?:1[0-2]|0?[1-9])-(?:\d{4}|\d{2})"
    r"|(?<![\d.])(?:[12]\d|3[01]|0?[1-9])\.(?:1[0-2]|0?[1-9])\.(?:(?:19|20)\d{2}|\d{2})"
    r"|(?:19|20)\d{2}-[01]\d-[0-3]\d)(?![\d/.]\d)"
)


@dataclass(frozen=True)
class Candidate:
    """A date phrase found in a text; offsets relative to that text.

    `rule`: the position in patterns.yaml of the pattern that found it (of two
    candidates of one length, the pattern listed first wins).
    """

    kind: str
    start: int
    end: int
    text: str
    groups: dict = field(default_factory=dict, compare=False, hash=False)
    rule: int = field(default=0, compare=False, hash=False)


def _alternation(words, case_sensitive: bool = False) -> str:
    ordered = sorted(words, key=len, reverse=True)
    body = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)
    return f"(?-i:{body})" if case_sensitive else f"(?:{body})"


@lru_cache(maxsize=1)
def compiled_patterns() -> list[tuple[str, re.Pattern]]:
    """Compile patterns.yaml once, filling the placeholders from the lexicon."""
    lex = lexicon()
    fills = {
        "DAY": DAY_RE,
        "YEAR": YEAR_RE,
        "NUMDATE": NUMDATE_RE,
        "MONTH": _alternation(calendar().months, case_sensitive=True) + r"\.?",
        "FULLMONTH": _alternation(calendar().full_months, case_sensitive=True),
        "WEEKDAY": _alternation(calendar().weekdays, case_sensitive=True),
        "NUM": r"(?:\d{1,3}|" + _alternation(lex["numbers"]) + ")",
        "UNIT": _alternation(lex["units"]),
        "PART": _alternation(lex["month_parts"]),
        "EPISODE": _alternation(lex["episodes"]),
        "OPENER": _alternation(lex["window_openers"]),
        "OCCASION": _alternation(lex["occasions"]),
    }
    compiled = []
    for entry in load_yaml("dates", "patterns.yaml")["patterns"]:
        regex = fill_template(entry["regex"], fills, "models/dates/patterns.yaml")
        compiled.append((entry["kind"], re.compile(regex, re.IGNORECASE)))
    return compiled


@lru_cache(maxsize=1)
def citation_patterns() -> list[re.Pattern]:
    """Spans of cited guidance, legislation and research (models/dates/citations.yaml)."""
    fills = {"MONTH": _alternation(calendar().months, case_sensitive=True) + r"\.?", "YEAR": YEAR_RE}
    compiled = []
    for template in load_yaml("dates", "citations.yaml")["patterns"]:
        compiled.append(re.compile(fill_template(template, fills, "models/dates/citations.yaml")))
    return compiled


def citation_spans(text: str) -> list[tuple[int, int]]:
    """Where `text` cites a dated source ("(DfE March 2013)", "Children Act 1989")."""
    return [m.span() for pattern in citation_patterns() for m in pattern.finditer(text)]


@lru_cache(maxsize=1)
def _reference_re() -> re.Pattern:
    """Text just before a dotted number that makes it a paragraph reference (lexicon `number_cues`)."""
    cues = _alternation(lexicon()["number_cues"])
    return re.compile(rf"\b{cues}\s+(?:\d+(?:\.\d+)*\s*(?:,|and|&|or|to|-|–)\s*)*$", re.IGNORECASE)


def _is_reference(text: str, start: int, found: str) -> bool:
    """ "3.12.10" in "see paragraphs 3.12.1 and 3.12.10": a numbered paragraph, not a date."""
    return "." in found and "/" not in found and bool(_reference_re().search(text[max(0, start - 60) : start]))


def find_candidates(text: str) -> list[Candidate]:
    """All non-overlapping date candidates in `text`, left to right (see `_find`)."""
    return list(_find(text))


@lru_cache(maxsize=8192)
def _find(text: str) -> tuple[Candidate, ...]:
    """All non-overlapping date candidates in `text`, left to right (cached: the
    extractor asks about the same sentence several times).

    Where candidates overlap, the longest wins (a range beats the two days in
    it); on equal length the pattern listed first wins (`_precedence`, through
    the one resolver `pipeline.spans.resolve_overlaps`).  Dates of cited
    sources ("Working Together (2018)", "(HM Government, 2015)") are no
    candidates: they date the guidance, not the case.
    """
    cited = citation_spans(text)
    found = []
    for rule, (kind, pattern) in enumerate(compiled_patterns()):
        for match in pattern.finditer(text):
            start, end = match.span()
            while end > start and text[end - 1] in " ,.":
                end -= 1
            if end <= start or any(c0 < end and start < c1 for c0, c1 in cited):
                continue
            if (
                "num" in match.groupdict()
                and match.group("num")
                and _is_reference(text, match.start("num"), match.group("num"))
            ):
                continue
            groups = {k: v for k, v in match.groupdict().items() if v is not None}
            found.append(Candidate(kind, start, end, text[start:end], groups, rule))
    return tuple(resolve_overlaps(found, key=_precedence))


def _precedence(cand: Candidate) -> tuple[int, int, int]:
    """Which of two overlapping candidates wins: the longer, then the pattern listed first, then the earlier."""
    return (cand.start - cand.end, cand.rule, cand.start)
