"""An identifier found once is the same identifier where the draft names it again without
the cue that found it (a street without its house number is not); a named venue is replaced, and one a
policy keeps is not an unlisted person (fictional draft and key)."""

from __future__ import annotations

import pytest

from pseudonymise_text import code_text

DRAFT = """Local Child Safeguarding Practice Review: Child R

2.1 Child R lived with her mother Tara Quill at Flat 6, 19 Heronsgate Walk, Ashmoor, until March 2023.
2.2 After a second exclusion Child R attended the pupil referral unit, The Lantern Centre.
2.3 The family attend the Masjid Abu Bakr on Fridays.

| Date | Agency | Event |
| 04/04/23 | Housing | Tenancy for Heronsgate Walk ended |
| 11/05/23 | Education | The Lantern Centre reported absence |
"""
KEY = {"people": [{"code": "RM", "role": "Child R's mother", "names": ["Tara Quill", "Tara"]}]}


def _code(tmp_path_factory, nlp, analyzer, policy=None):
    return code_text(tmp_path_factory.mktemp("draft"), DRAFT, KEY, nlp, analyzer, policy=policy)


@pytest.fixture(scope="module")
def coded(tmp_path_factory, nlp, analyzer):
    return _code(tmp_path_factory, nlp, analyzer)


def test_the_street_of_a_numbered_address_is_kept_where_it_recurs_alone(coded):
    """The house number makes a street one home; the street named alone names many (the drafts' gold)."""
    assert "Flat 6, 19 Heronsgate Walk" not in coded.text
    assert "| Tenancy for Heronsgate Walk ended |" in coded.text


def test_a_school_found_by_its_cue_is_replaced_in_a_table_too(coded):
    assert "Lantern" not in coded.text
    assert "| [SCHOOL] reported absence |" in coded.text


def test_a_named_venue_is_replaced_by_default(coded):
    assert "The family attend the [COMMUNITY_VENUE] on Fridays." in coded.text


def test_a_venue_a_policy_keeps_is_not_an_unlisted_person(tmp_path_factory, nlp, analyzer):
    kept = _code(tmp_path_factory, nlp, analyzer, policy={"report": {"COMMUNITY_VENUE": False}})
    assert "the Masjid Abu Bakr on Fridays" in kept.text
    assert not any(r.source == "unknown" and "Bakr" in r.text for r in kept.replacements)
