"""Issue 13, key on real shapes (fictional text): a subject code that only sentences use.  A learning summary
page or a transcript that starts mid-story has no cover: the code its sentences use is declared by that use,
not named on a cover.  A review with a cover that names the code keeps it as the cover's subject.  All names
and facts are invented."""

from __future__ import annotations

from pipeline.report import Report, Source
from pipeline.structure import build_report

SOURCE = Source(name="t.txt", sha256="0", format="text")


def _sources(text: str) -> dict[str, str]:
    report: Report = build_report(text, SOURCE)
    return {e.code: e.source for e in report.key}


def test_a_subject_code_used_only_in_sentences_is_declared():
    text = (
        "After an uneventful pregnancy, Child T was born in May 2016. Her parents had moved to the area a year "
        "before.\n\nOn the 3rd August, Child T's mother went back to work and Child T stayed with her father.\n\n"
        "The Serious Case Review found that nobody had concerns about Child T before she died.\n\n"
        "  • There was little known about Child T's father. Agencies should make sure that fathers are\n"
    )
    assert _sources(text)["Child T"] == "declared"


def test_a_subject_code_the_cover_names_stays_the_cover_subject():
    text = (
        "Serious Case Review\n\nChild T\n\nAfter an uneventful pregnancy, Child T was born in May 2016. "
        "Child T's mother went back to work in August.\n"
    )
    assert _sources(text)["Child T"] == "cover_subject"


# ---- a page line that stops on a word no sentence ends on -----------------------------------------------
def test_a_transcript_line_ending_on_a_preposition_runs_on_into_a_capitalised_line():
    from pipeline.ingest.layout import clean_plain_text

    text = (
        "TRANSCRIPT\n\nPage 3: Learning review for the Harbourside partnership\n\n3\n\nEXECUTIVE SUMMARY\n\n"
        "1. INTRODUCTION\n\n1.1 This review was commissioned because of a serious incident in\n\n"
        "October 2014 when a baby, Child V, was found alone in the flat\n\n"
        "Key Findings\n\n1.2 The agencies involved were the police and the\n\nHealth Visiting Service.\n"
    )
    out = clean_plain_text(text)
    assert "a serious incident in October 2014 when a baby" in out
    assert "the police and the Health Visiting Service." in out
    assert "\nKey Findings\n" in out  # a line that ends on a noun is not joined to the heading after it


# ---- the incident a review was undertaken because of is the case's ----------------------------------------
def test_the_incident_a_review_was_undertaken_because_of_is_an_event(nlp):
    from tests.published_shapes import dated_events

    found = dated_events(
        nlp,
        "1.1 The partnership began this review after a serious incident in October 2014, when a "
        "baby, Child V, was found alone in the flat.\n",
    )
    assert any(date.startswith("2014-10") for date, _ in found), found
    # the review's own history stays out
    assert not dated_events(nlp, "1.2 The partnership began this review in March 2015.\n")
