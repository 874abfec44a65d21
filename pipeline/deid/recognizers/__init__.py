"""Structured-identifier recognizers (Presidio), shared by `pseudonymise` and `verify`.

One recognizer per identifier type, each described by a data file in
`models/recognizers/` (patterns, context words, word lists); the engine
settings (score threshold, context window, recognizer order) are in
`models/recognizers/engine.yaml`.

Types and placeholders: NHS_NUMBER, NI_NUMBER, POSTCODE, PHONE, EMAIL,
DATE_OF_BIRTH, DATE_OF_DEATH, ADDRESS, SCHOOL, NURSERY, COMMUNITY_VENUE,
CASE_REF, SOCIAL_HANDLE, VEHICLE_REG, URL -> "[NHS_NUMBER]" etc. (see
`PLACEHOLDERS`).

Not detected on purpose: person names (handled in `pipeline.deid.names`),
organisations, towns, local authorities, agencies and hospitals (published
reviews keep them), event dates (only a date with a birth or death cue is a
DATE_OF_BIRTH or DATE_OF_DEATH), month-and-year birth and death dates, neutral
citations of judgments.

Overlaps: one result per stretch of text; higher score, then longer span,
then engine.yaml order wins.  An ADDRESS stops at the street type, so a
postcode written after it is reported separately as POSTCODE and the town
between them is kept.

Usage, on the one parse of a report:

    analyzer = build_analyzer(nlp)            # cached; cheap to call again
    results = analyze_doc(analyzer, doc)      # no re-parse
    for r in results:
        print(r.entity_type, doc.text[r.start:r.end], PLACEHOLDERS[r.entity_type])
"""

from __future__ import annotations

import warnings

from presidio_analyzer import AnalyzerEngine, RecognizerResult
from spacy.language import Language
from spacy.tokens import Doc

from ...nlp import doc_text
from .config import all_specs, engine_config
from .engine import DocNlpEngine, build_analyzer, resolve_overlaps

__all__ = [
    "PLACEHOLDERS",
    "ENTITY_TYPES",
    "SCORE_THRESHOLD",
    "build_analyzer",
    "analyze_doc",
    "analyze_text",
    "resolve_overlaps",
]

PLACEHOLDERS: dict[str, str] = {spec.entity: spec.placeholder for spec in all_specs()}
ENTITY_TYPES: list[str] = list(PLACEHOLDERS)
SCORE_THRESHOLD: float = float(engine_config()["score_threshold"])


def analyze_doc(
    analyzer: AnalyzerEngine,
    doc: Doc,
    entities: list[str] | None = None,
    score_threshold: float = SCORE_THRESHOLD,
) -> list[RecognizerResult]:
    """Structured identifiers in an already-parsed Doc, sorted and non-overlapping.

    The Doc's tokens and lemmas are reused (for context words); the spaCy
    pipeline is not run again.  Offsets are character offsets into `doc.text`.
    """
    engine = analyzer.nlp_engine
    if not isinstance(engine, DocNlpEngine):
        raise TypeError("analyze_doc needs an analyzer made by build_analyzer()")
    results = analyzer.analyze(
        doc_text(doc),
        language=engine.language,
        entities=entities,
        nlp_artifacts=engine.artifacts_from_doc(doc),
        score_threshold=score_threshold,
    )
    return resolve_overlaps(results)


def analyze_text(
    text: str,
    nlp: Language | None = None,
    entities: list[str] | None = None,
    score_threshold: float = SCORE_THRESHOLD,
) -> list[RecognizerResult]:
    """Parse `text` and analyze it: a convenience for tests and one-off strings."""
    if nlp is None:
        from ...nlp import load_nlp

        nlp = load_nlp()
    with warnings.catch_warnings():  # outside a report the role-code ruler is empty (spaCy W036)
        warnings.filterwarnings("ignore", message=r"\[W036\]")
        doc = nlp(text)
    return analyze_doc(build_analyzer(nlp, entities), doc, entities, score_threshold)
