"""`scr verify --key`: words a coded text keeps glued to a code or placeholder (`residue._glued_forms`), a name in
another script, and a keyed word pseudonymise kept as a place, reported by what each mention shows
(`verify._place_sense_here`).  Invented key, invented sentences."""

from __future__ import annotations

import pytest

from pipeline.deid.keyfile import parse_key
from verify_text import serious_with_key

KEY = parse_key(
    {
        "people": [
            {"code": "Child W", "role": "Subject child", "names": ["Tymon Kiss", "Tymon"]},
            {"code": "WM", "role": "Mother", "names": ["Zofia Kiss", "Mrs Kiss"]},
            {"code": "WF", "role": "Father", "names": ["Radek Kiss", "Radek"]},
            {"code": "SW", "role": "Social worker", "names": ["Ione Lancaster", "Ms Lancaster"]},
        ]
    }
)
CODED = (
    "Chronology of the strategy discussions\n"
    "\n"
    "The nursery emailed about WM Kiss and the fee arrears.\n"
    "The lodger, WRONSKI [PERSON-3], was interviewed on 4 May.\n"
    "The grandfather, WF senior, came to the meeting with WF.\n"
    'His friends call him "WF hyung-nim" and his uncles call him "Tall WF".\n'
    "The mother said that Kamal bhai decided everything at home.\n"
    'Child W made a card for his sister and signed it "지우" in her own script.\n'
    "The family had lived in Lancaster and then in Hexham before the move.\n"
    "A referral went to Lancaster Police the same day.\n"
    "\n"
    "Things that stay quiet\n"
    "\n"
    "Dear [PERSON-1], thank you for the call.\n"
    "The surgery at Church [COMMUNITY_VENUE] was closed.\n"
    'The note read "WF asleep" at 02:00.\n'
    "The maternal uncle, [PERSON-2], visited.\n"
    "The card said Шановні колеги, дякуємо за вашу допомогу in full.\n"
)


@pytest.fixture(scope="module")
def flagged(tmp_path_factory, nlp):
    return serious_with_key(tmp_path_factory.mktemp("glued"), nlp, CODED, KEY)


def _flagged_texts(flagged) -> set[str]:
    return {t for (t, _) in flagged}


@pytest.mark.parametrize(
    "text",
    [
        "Kiss",  # a keyed surname (an English word) right beside a code
        "WRONSKI",  # a record's surname in capitals beside a placeholder
        "senior",  # a generation word after a code
        "hyung-nim",  # a hyphened word of no English after a code
        "Tall",  # the word of a quoted code form
        "bhai",  # an honorific written after a name ("Kamal" is reported apart)
        "지우",  # a name in another script
    ],
)
def test_words_glued_to_a_person_are_flagged(flagged, text):
    assert any(text in t for t in _flagged_texts(flagged)), f"{text!r} not flagged"


@pytest.mark.parametrize(
    "text",
    ["Dear", "Church", "asleep", "maternal", "Шановні", "колеги"],
)
def test_greetings_venues_notes_kin_and_sentences_stay_quiet(flagged, text):
    assert not any(text in t for t in _flagged_texts(flagged)), f"{text!r} flagged"


def test_a_keyed_word_read_as_a_place_is_medium_only_where_no_place_shows(flagged):
    """ "in Lancaster" and "Lancaster Police" show a place or an organisation: low, not medium."""
    lancaster = [start for (t, start) in flagged if t == "Lancaster"]
    assert lancaster == []
