"""Learning themes: which paragraphs of a review speak to which themes, and why.

Public API:
- `tag_report(report, doc) -> list[ThemeLabel]`: labels for the paragraphs and
  bullets of a review, from THE one parsed Doc (`pipeline.nlp.parse_report`);
- `profile(labels, report) -> dict`: per theme, how many paragraphs and where;
- `tag_text(text, nlp)`: the same on a small text (tests, notebooks);
- `load_taxonomy()`: the versioned taxonomy in `models/themes.yaml`.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..report import Report, Source
from .model import Evidence, ThemeHit, ThemeLabel
from .profile import profile
from .tagger import ThemeTagger, default_tagger
from .taxonomy import Taxonomy, load_taxonomy

__all__ = [
    "Evidence",
    "ThemeHit",
    "ThemeLabel",
    "ThemeTagger",
    "Taxonomy",
    "load_taxonomy",
    "profile",
    "tag_report",
    "tag_text",
]


def tag_report(report: Report, doc: Doc, tagger: ThemeTagger | None = None) -> list[ThemeLabel]:
    """Theme labels, with evidence offsets into `report.text`, for one parsed review."""
    if doc.text != report.text:
        raise ValueError("the Doc was not parsed from this report's text")
    return (tagger or default_tagger()).tag(report, doc)


def text_report(text: str, name: str = "text") -> Report:
    """A `Report` for a small text, through the same structure pass as a file."""
    from ..fileio import sha256_bytes
    from ..ingest.text import normalise
    from ..structure import build_report

    text = normalise(text)
    return build_report(
        text,
        Source(name=name, sha256=sha256_bytes(text.encode("utf-8")), format="text", bytes=len(text.encode("utf-8"))),
    )


def tag_text(text: str, nlp: Language, tagger: ThemeTagger | None = None) -> list[ThemeLabel]:
    """Tag a small text (a few paragraphs or bullets) with the report pipeline."""
    from ..nlp import parse_report

    report = text_report(text)
    return tag_report(report, parse_report(report, nlp), tagger)
