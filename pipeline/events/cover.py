"""The subject's birth and death, or the incident, as the cover states them.

A cover's dates are the document's (masks.py), with one exception readers count as
events of the case: "Born 4th February 2016", "Died 19th August 2018", "Date of
Death 02/09/11", "Date of Incident: July 2016" under the child's name.  The labels are data
(models/dates/document_dates.yaml `vital_labels`); a label counts only where its date
is one the mask took from the narrative as the document's (a cover, title or page
line: the narrative's own "was born 3 May 2012" is read there), and straight before a
date that writes its year, since there is no narrative yet to place a date without one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..resources import load_yaml
from .candidates import Candidate, find_candidates
from .masks import Mask

VITAL_KINDS = {"day", "month"}


@dataclass(frozen=True)
class Vital:
    """A birth or death the cover states: the label's start, the date candidate (offsets
    in the report text) and which happening it is."""

    occasion: str
    action: str | None
    start: int
    candidate: Candidate
    date_start: int
    date_end: int


@lru_cache(maxsize=1)
def _labels() -> dict[str, tuple[re.Pattern, str | None]]:
    labels = load_yaml("dates", "document_dates.yaml")["vital_labels"]
    return {occasion: (re.compile(cfg["label"], re.IGNORECASE), cfg["action"]) for occasion, cfg in labels.items()}


def _has_year(cand: Candidate) -> bool:
    return bool(cand.groups.get("y") or cand.groups.get("num"))


def _is_field(label: str) -> bool:
    """A label closed by a colon or dash ("Date of Birth: 12th October 2009") is a record field, never the
    narrative's words, wherever the line stands: a cover run into one line with the introduction keeps it."""
    return label.rstrip()[-1:] in {":", "–", "-"}


def cover_vitals(text: str, mask: Mask) -> list[Vital]:
    """Births and deaths stated by a label on a line whose dates are the document's
    (`mask`), or by a field label closed by a colon anywhere (`_is_field`), in text order; a
    label whose date lacks its year gives none."""
    found = []
    for occasion, (label, action) in _labels().items():
        for match in label.finditer(text):
            dates = find_candidates(text[match.end() : match.end() + 40])
            if not dates or dates[0].start != 0 or dates[0].kind not in VITAL_KINDS or not _has_year(dates[0]):
                continue
            cand = dates[0]
            if not _is_field(match.group(0)) and not mask.covers(match.end() + cand.start, match.end() + cand.end):
                continue
            found.append(Vital(occasion, action, match.start(), cand, match.end() + cand.start, match.end() + cand.end))
    return sorted(found, key=lambda v: v.start)
