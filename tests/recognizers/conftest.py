"""Fixtures for the structured-identifier recognizer tests.

The analyzer is built once per session on the shared `nlp` fixture (the same
pipeline the rest of the project uses); `find` parses one sentence and returns
(entity type, matched text) pairs, so tests read like the sentences they check.
"""

from __future__ import annotations

import warnings

import pytest

from pipeline.deid.recognizers import analyze_doc


@pytest.fixture(scope="session")
def find(nlp, analyzer):
    def _find(text: str, entity: str | None = None) -> list[tuple[str, str]]:
        with warnings.catch_warnings():  # the role-code ruler has no patterns outside a report
            warnings.simplefilter("ignore")
            doc = nlp(text)
        results = analyze_doc(analyzer, doc)
        return [(r.entity_type, text[r.start : r.end]) for r in results if entity is None or r.entity_type == entity]

    return _find
