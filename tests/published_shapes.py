"""Helpers for tests of rules on published reviews' shapes: what verify flags and what events are dated in an
invented page, read the way `scr verify` and `scr events` read a text file."""

from __future__ import annotations

from pipeline.deid.policy import SEVERITY_RANK
from pipeline.deid.verify import verify_report
from pipeline.events import extract_events
from pipeline.nlp import parse_report
from pipeline.themes import text_report


def flagged(nlp, analyzer, text: str) -> set[str]:
    """The surfaces verify reports at medium severity or above."""
    report = text_report(text)
    findings = verify_report(report, parse_report(report, nlp), analyzer=analyzer)
    return {f.text for f in findings if SEVERITY_RANK[f.severity] >= SEVERITY_RANK["medium"]}


def dated_events(nlp, text: str) -> list[tuple[str, str]]:
    """(date, sentence) of every event given a date."""
    report = text_report(text)
    return [(str(e.date), e.sentence) for e in extract_events(report, parse_report(report, nlp)) if e.date]
