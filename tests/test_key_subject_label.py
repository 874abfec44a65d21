"""A label that names the review's subject declares its code (issue 13, real9): "Subject of the review:
Child K aged 5 months" in the opening is the review saying who its code is, not the cover naming the
review.  All codes and wording are invented."""

from __future__ import annotations

from pipeline.ingest.text import normalise
from pipeline.report import Source
from pipeline.structure import build_report, key


def _declared(text: str) -> dict[str, key.InlineDeclaration]:
    return {d.code: d for d in key.find_inline(text)}


def test_a_subject_label_declares_the_subject_code():
    found = _declared("Review process. Subject of the review: Child KX aged 5 months. The family lived in a flat.")
    assert found["Child KX"].subject and found["Child KX"].kind == "family"


def test_the_label_may_name_the_report_and_take_a_dash():
    found = _declared("Subject of this report – Baby T2, who was born early, lived with her aunt.")
    assert found["Baby T2"].subject


def test_a_subject_of_discussion_declares_nothing():
    """Only the review's or report's subject: 'the subject of the meeting was Child KX' is a use, not a label."""
    assert "Child KX" not in _declared("The subject of the meeting: Child KX and the school run.")


def test_a_review_named_after_the_code_keeps_it_declared_when_the_label_restates_it():
    text = (
        "Westmarch Partnership for Children – Practice Review – CHILD KX\n\n"
        "Subject of the review: Child KX aged 5 months. Child KX lived with Mother and two half-siblings.\n"
    )
    report = build_report(normalise(text), Source(name="draft.txt", sha256="0" * 64, format="text"))
    entry = next(e for e in report.key if e.code == "Child KX")
    assert entry.source == "declared" and entry.subject
