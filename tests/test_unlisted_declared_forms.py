"""Issue 12, set 16: one unlisted person's forms that drafts split over several placeholders (all names and
wording invented).

- the same two words in the other order (family name first, "Varga Endre", or a record's "VARGA Endre") are
  the person named "Endre Varga";
- a name the draft gives a person named in full, in brackets right after the name ('Endre Varga ("Bandi")')
  or after "known as" set off by a comma and an age ('Kobus Pretorius, 27, known as "K-Boy"'), is that
  person wherever it stands, also where another person was named last;
- a declaration's name given to two people is neither's, and a name with no declaration stays its own.
"""

from __future__ import annotations

from pipeline.deid.names.unknown import group_mentions
from tests.pseudonymise_text import name_candidates


def _groups(text: str, surfaces: list[str]) -> list[list[str]]:
    return [[c.text for c in g] for g in group_mentions(name_candidates(text, surfaces), text=text)]


def test_the_same_two_words_family_name_first_are_one_person():
    text = "The lodger, Endre Varga, moved in. Hungarian records hold Varga Endre. Police hold VARGA Endre."
    assert _groups(text, ["Endre Varga", "Varga Endre", "VARGA Endre"]) == [
        ["Endre Varga", "Varga Endre", "VARGA Endre"]
    ]


def test_a_bracketed_quoted_name_after_a_full_name_is_that_persons():
    text = 'A lodger, Endre Varga ("Bandi"), moved in. A visitor, Pieter Smit, came. Bandi left when Pieter Smit came.'
    groups = _groups(text, ["Endre Varga", "Bandi", "Pieter Smit", "Bandi", "Pieter Smit"])
    assert ["Endre Varga", "Bandi", "Bandi"] in groups


def test_known_as_after_a_comma_and_an_age_is_that_persons():
    text = 'Kobus Pretorius, 27, known as "K-Boy", was arrested. Later Lukas Brink met K-Boy.'
    groups = _groups(text, ["Kobus Pretorius", "K-Boy", "Lukas Brink", "K-Boy"])
    assert ["Kobus Pretorius", "K-Boy", "K-Boy"] in groups


def test_an_undeclared_or_doubly_declared_name_is_its_own():
    text = 'Endre Varga ("Bandi") and Pieter Smit ("Bandi") came. Bandi left. Zoli stayed.'
    groups = _groups(text, ["Endre Varga", "Bandi", "Pieter Smit", "Bandi", "Bandi", "Zoli"])
    assert ["Zoli"] in groups
    assert ["Bandi", "Bandi", "Bandi"] in groups
