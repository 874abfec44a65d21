"""People nobody keyed, written with initials before the surname ("Mr K Obi", "J.P. Tunde", "T. R. Quayle")
or run together ("G.T. Marchbank", the same person as "Gideon Marchbank"), or with a double-barrelled
surname whose second half is a street's or building's word ("Mr Ruskin-Hall", "Dr Okafor-Lane"): the whole
name is one person's, no initial and no half left beside the placeholder; the reviewer's own initial stays
with their name.

All names are invented."""

from __future__ import annotations

import re

import pytest

from pipeline.deid.keyfile import parse_key
from pseudonymise_text import code_text

KEY = parse_key({"people": [{"code": "Child P", "role": "Subject child", "names": ["Pelumi Adeyinka", "Pelumi"]}]})

DRAFT = """Rapid review: Child P

Lead reviewer: Imogen Castellanos-Reed

2.1 Pelumi was seen at the walk-in centre by Dr R Femi-Cole and then by Mrs D. E. Harcourt, the ward sister.
The advocate (Mr Bellamy-Hall) and the youth worker, Ms Tremaine-Lane, came to the strategy meeting.

2.2 The referral was signed by G.H. Winterbottom and copied to S Abernethy.

2.3 N.B. The chronology was incomplete. The P.E. Teacher and the school's Family Hub worker spoke to Pelumi.
The family were referred to Kingsley Hall and to the Copper Lane Family Centre.

2.4 The lodger, Gideon Marchbank, moved in during May. The housing file is held for G.T. Marchbank. Pelumi
said "G shouts at night".

Signed: I. Castellanos-Reed
"""


@pytest.fixture(scope="module")
def coded(tmp_path_factory, nlp):
    return code_text(tmp_path_factory.mktemp("draft"), DRAFT, KEY, nlp, name="draft.md").text


def test_initials_before_an_unlisted_surname_go_with_it(coded):
    # a title without gender may stay before the placeholder ("Dr [PERSON-1]"); a gendered one goes into it
    assert re.search(r"by (?:Dr )?\[PERSON-\d+\] and then by \[PERSON-\d+\], the ward sister", coded), coded
    assert re.search(r"signed by \[PERSON-\d+\] and copied to \[PERSON-\d+\]\.", coded), coded
    for left in ("R ", "D. E.", "G.H.", "S Abernethy", "Harcourt", "Winterbottom"):
        assert left not in coded, left


def test_a_double_barrelled_surname_ending_in_a_building_word_is_a_person(coded):
    assert re.search(r"The advocate \(\[PERSON-\d+\]\) and the youth worker, \[PERSON-\d+\], came", coded), coded
    assert "Hall)" not in coded and "Lane," not in coded


def test_run_together_initials_and_a_lone_letter_take_the_full_names_placeholder(coded):
    m = re.search(r"The lodger, (\[PERSON-\d+\]), moved in", coded)
    assert m, coded
    assert f"held for {m.group(1)}. Child P" in coded
    assert f'said "{m.group(1)} shouts at night"' in coded


def test_the_reviewers_own_initial_and_name_stay(coded):
    assert "Lead reviewer: Imogen Castellanos-Reed" in coded
    assert "Signed: I. Castellanos-Reed" in coded


def test_abbreviations_and_places_stay(coded):
    assert "N.B. The chronology was incomplete. The P.E. Teacher and the school's Family Hub worker" in coded
    assert "referred to Kingsley Hall and to the Copper Lane Family Centre." in coded
