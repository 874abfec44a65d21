"""Issue 13: the same fact gets the same severity in verify, however the review phrases it.

Exact dates of birth and of death are `high` (DATE_OF_BIRTH / DATE_OF_DEATH),
whether the cue comes before the date, after it, or labels it; a month and year
alone stays a low quasi-identifier (or nothing).  The new identifier types are
reported by verify at the policy's severity.  The sentences are fictional and
wrapped in the small review the planted-leak harness uses.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.evaluate import verify as harness

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def findings_in(nlp, analyzer):
    from pipeline.deid.verify import verify_report
    from pipeline.nlp import parse_report

    def _findings(sentence: str, needle: str) -> list[tuple[str, str]]:
        report = harness.leak_report(sentence)
        doc = parse_report(report, nlp)
        start = report.text.find(needle, report.text.find(sentence[:40]))
        end = start + len(needle)
        return [
            (f.type, f.severity)
            for f in verify_report(report, doc, analyzer=analyzer)
            if f.start < end and start < f.end
        ]

    return _findings


@pytest.mark.parametrize(
    "sentence, date, kind",
    [
        ("Child K was born on 3 May 2021.", "3 May 2021", "DATE_OF_BIRTH"),
        ("On 3rd May 2021 the mother gave birth to Child K.", "3rd May 2021", "DATE_OF_BIRTH"),
        (
            "Child K was born at 32 weeks gestation at Northtown General Hospital on 3 May 2021.",
            "3 May 2021",
            "DATE_OF_BIRTH",
        ),
        ("Child K was born at 32 weeks on 3.5.21.", "3.5.21", "DATE_OF_BIRTH"),
        ("Date of birth: 03/05/2021", "03/05/2021", "DATE_OF_BIRTH"),
        ("Child K was born on 3 May.", "3 May", "DATE_OF_BIRTH"),
        ("Child X died on 14 March 2019.", "14 March 2019", "DATE_OF_DEATH"),
        ("Child X died on 14.3.19.", "14.3.19", "DATE_OF_DEATH"),
        ("The date of death was 14/03/2019.", "14/03/2019", "DATE_OF_DEATH"),
        ("Sadly, on 14 March 2019 Child X died at home.", "14 March 2019", "DATE_OF_DEATH"),
    ],
)
def test_exact_dates_of_birth_and_death_are_high(findings_in, sentence, date, kind):
    assert findings_in(sentence, date) == [(kind, "high")]


@pytest.mark.parametrize(
    "sentence, needle",
    [
        ("Child X died in March 2019.", "March 2019"),
        ("Child K, born in May 2021 at 30 weeks gestation, was cared for on the neonatal unit.", "May 2021"),
    ],
)
def test_month_and_year_is_never_high(findings_in, sentence, needle):
    assert all(severity in ("low", "info") for _, severity in findings_in(sentence, needle))


@pytest.mark.parametrize(
    "sentence, needle, kind, severity",
    [
        ("Child K went to St Bede's Youth Club on Fridays.", "St Bede's Youth Club", "COMMUNITY_VENUE", "medium"),
        ("Children's Social Care case reference (panel use only): ABC-1234567", "ABC-1234567", "CASE_REF", "medium"),
        ("Her Snapchat username was jadeyk_99.", "jadeyk_99", "SOCIAL_HANDLE", "high"),
    ],
)
def test_new_shapes_are_reported_by_verify(findings_in, sentence, needle, kind, severity):
    assert (kind, severity) in findings_in(sentence, needle)
