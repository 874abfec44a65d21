"""Events of a fictional text as `scr events` would write them, for tests of what dates an event."""

from __future__ import annotations

import datetime as dt

from pipeline.events import extract_events
from pipeline.ingest import load_report
from pipeline.nlp import parse_report


def events_of(tmp_path, nlp, text: str):
    """Every event of `text`, read as a plain-text file (ingest, one parse, events)."""
    path = tmp_path / "review.txt"
    path.write_text(text, encoding="utf-8")
    report = load_report(path)
    return extract_events(report, parse_report(report, nlp))


def dated_sentences(tmp_path, nlp, text: str) -> dict[str, dt.date]:
    """Sentence -> date of the events of `text` that carry a date."""
    return {e.sentence: e.date for e in events_of(tmp_path, nlp, text) if e.date is not None}
