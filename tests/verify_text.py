"""Verify a fictional text as `scr verify` (no key) would, for tests that pair a false alarm with a leak.

`findings_of` builds the report from plain text and verifies it; `worst` and `serious` say how a
phrase came out, so a test reads "the chair's name is not serious, the uncle's is".
"""

from __future__ import annotations

from pipeline.deid.policy import SEVERITY_RANK


def report_of(text: str):
    """The structured report of `text` as the text ingester would read it."""
    from pipeline.ingest.text import normalise
    from pipeline.report import Source
    from pipeline.structure import build_report

    return build_report(normalise(text), Source(name="draft.txt", sha256="0" * 64, format="text"))


def findings_of(text: str, nlp, analyzer):
    """Every finding `scr verify` reports on `text`."""
    from pipeline.deid.verify import verify_report
    from pipeline.nlp import parse_report

    report = report_of(text)
    return verify_report(report, parse_report(report, nlp), analyzer=analyzer)


def worst(findings, text: str) -> str | None:
    """The worst severity of the findings that cover `text` (None when none does)."""
    hits = [f for f in findings if f.text and (text in f.text or f.text in text)]
    return max((f.severity for f in hits), key=SEVERITY_RANK.get, default=None)


def serious(severity: str | None) -> bool:
    """Medium or worse: what a reviewer must look at before publication."""
    return severity is not None and SEVERITY_RANK[severity] >= SEVERITY_RANK["medium"]


def serious_with_key(folder, nlp, text: str, key) -> dict[tuple[str, int], str]:
    """(text, start) -> rule of every medium-or-worse finding `scr verify --key` reports on a coded `text`
    written to `folder` (the coded output of pseudonymise is what a reviewer verifies)."""
    from pipeline.deid.verify import verify_report
    from pipeline.ingest import load_report
    from pipeline.nlp import parse_report

    path = folder / "coded.txt"
    path.write_text(text, encoding="utf-8")
    report = load_report(path)
    found = verify_report(report, parse_report(report, nlp), key=key)
    return {(f.text, f.start): f.rule for f in found if serious(f.severity)}
