"""Issue 12: a keyed or unlisted name that is a town, a people, a language or an event here stays, and
the decision is logged; the same word used for the person is still coded (fictional draft and key)."""

from __future__ import annotations

import pytest

from pipeline.deid.pseudonymise import log_records
from pseudonymise_text import code_text

DRAFT = """1.1 Child R lived with her mother, Pemba Tamang, and her mother's partner, Dorje Lama Sherpa, at
Flat 1/2, 4 Kelso Crescent, Nairn IV12 4QT. The family belong to the Tamang community and the grandmother
speaks Tamang. The grandmother's language, Tamang, was never interpreted. A Sherpa family lived upstairs.

1.2 The health visitor, Brandon Weir, visited weekly. In May the family moved to Brandon PE9 1AA, and
Brandon said the move went well. They went to Brandon again in June. The family spoke with Brandon
about it.

1.3 Isla Nairn, the social worker, said the flat was cold. She was brought up in Nairn. Ms Nairn visited on Monday.

1.4 The week after Weir Day, Ms Tamang missed the appointment. The panel read the Marshall Inquiry
report again.
"""
KEY = {
    "people": [
        {"code": "CR", "role": "Child R", "names": ["Rinzi Tamang"]},
        {"code": "CM", "role": "Child R's mother", "names": ["Pemba Tamang"]},
        {"code": "HV", "role": "Health visitor", "names": ["Brandon Weir"]},
        {"code": "SW", "role": "Social worker", "names": ["Isla Nairn"]},
    ]
}


@pytest.fixture(scope="module")
def result(tmp_path_factory, nlp, analyzer):
    return code_text(tmp_path_factory.mktemp("draft"), DRAFT, KEY, nlp, analyzer)


@pytest.mark.parametrize(
    "kept",
    [
        "the Tamang community",
        "speaks Tamang.",
        "language, Tamang, was",
        "A Sherpa family",
        "[ADDRESS] [POSTCODE]. The family",  # a full postal address goes, its town with it
        "moved to Brandon [POSTCODE]",  # a keyed first name that is a town, before its postcode
        "went to Brandon again",  # ... and after a movement, once the review has shown it is a place
        "brought up in Nairn.",  # a keyed surname that is a town, after "in"
        "after Weir Day,",  # an event named after someone
        "the Marshall Inquiry",  # a public figure's work (models/names/public_names.txt)
    ],
)
def test_places_peoples_and_events_stay(result, kept):
    assert kept in result.text


@pytest.mark.parametrize(
    "coded", ["mother, CM, and", "HV said the move", "SW, the social worker", "SW visited on Monday", "CM missed"]
)
def test_the_same_words_for_people_are_coded(result, coded):
    assert coded in result.text


def test_the_decisions_are_logged(result):
    kept = [r for r in log_records(result) if r["record"] == "kept"]
    reasons = {(r["text"], r["reason"]) for r in kept}
    assert ("Tamang", "ethnic_group_or_language") in reasons
    assert ("Brandon", "place_before_postcode") in reasons
    assert ("Weir", "part_of_event_name") in reasons


def test_a_public_figures_work_is_kept_and_logged():
    """An unlisted candidate that is a public figure's surname before the work it names is kept."""
    from types import SimpleNamespace

    from pipeline.deid.pseudonymise import _public_works

    text = "Staff cited the Marshall Inquiry and Brandon's biennial analyses; Ms Marshall phoned."
    cands = [SimpleNamespace(start=m, end=m + len(w), text=w) for w, m in (("Marshall", 16), ("Brandon", 37))]
    cands.append(SimpleNamespace(start=text.rindex("Marshall"), end=text.rindex("Marshall") + 8, text="Marshall"))
    kept = _public_works(text, cands)
    assert [(k.start, k.reason) for k in kept] == [(16, "public_figure_work"), (37, "public_figure_work")]
