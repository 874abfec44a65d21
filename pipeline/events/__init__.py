"""Chronology extraction: dated events with resolved relative dates, actors,
actions and Key Practice Episode links.

Public API: `extract_events(report, doc) -> list[Event]` (doc from
`pipeline.nlp.parse_report`).
"""
from .extract import extract_events
from .model import Event

__all__ = ["Event", "extract_events"]
