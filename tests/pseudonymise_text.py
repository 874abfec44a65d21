"""Pseudonymise a fictional draft as `scr pseudonymise FILE --key KEY` would, in-process.

Tests of one rule write a short draft and a key as a dict; `code_text` saves the draft, parses it
for the key and returns the pseudonymise result (its `text` and `replacements`).
"""

from __future__ import annotations

from pathlib import Path


def code_text(folder: Path, draft: str, key, nlp, analyzer=None, policy=None, name: str = "draft.txt"):
    """The result of pseudonymising `draft` with `key` (a key file's mapping, or a key already parsed)."""
    from pipeline.deid.keyfile import parse_key
    from pipeline.deid.names.known import english_lexicon
    from pipeline.deid.pseudonymise import parse_for_key, pseudonymise_report
    from pipeline.ingest import load_report

    path = folder / name
    path.write_text(draft, encoding="utf-8")
    report = load_report(path)
    parsed = parse_key(key) if isinstance(key, dict) else key
    doc = parse_for_key(report, nlp, parsed)
    return pseudonymise_report(report, doc, parsed, analyzer=analyzer, policy=policy, lexicon=english_lexicon(nlp))


def name_candidates(text: str, surfaces: list[str]):
    """Unlisted-name candidates at the given surfaces, found left to right (as the unknown-name finder would)."""
    from pipeline.deid.names.unknown import NameCandidate

    out, pos = [], 0
    for s in surfaces:
        start = text.index(s, pos)
        out.append(NameCandidate(start, start + len(s), s, "test", 0.9))
        pos = start + len(s)
    return out
