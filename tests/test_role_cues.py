"""A kinship noun beside a name several keyed relatives share says which of them the text means (#12)."""

from __future__ import annotations

from pipeline.deid.keyfile import parse_key
from pipeline.deid.names import role_cues
from pipeline.deid.names.known import find_known_names

# invented family: mother, grandmother and brother all keyed with the family word Okafor
KEY = parse_key(
    {
        "people": [
            {"code": "Child N", "role": "Child N, subject of the review", "names": ["Nneka Okafor-Lunn", "Nneka"]},
            {"code": "NM", "role": "Child N's mother", "names": ["Adaeze Okafor", "Mrs Okafor", "Ada"]},
            {"code": "NF", "role": "Child N's father", "names": ["Gideon Lunn", "Mr Lunn"]},
            {"code": "NB", "role": "Child N's older brother", "names": ["Chidi Okafor", "Chidi"]},
            {"code": "NGM", "role": "Child N's maternal grandmother", "names": ["Obiageli Okafor"]},
            {"code": "NU", "role": "Child N's maternal uncle", "names": ["Emeka Okafor", "Mr Okafor"]},
        ]
    }
)


def _codes(text: str, key=KEY) -> list[tuple[str, str]]:
    return [(text[m.start : m.end], m.code) for m in find_known_names(text, key)]


def test_an_apposed_role_noun_picks_the_grandmother_over_the_listed_mother():
    text = "The door was opened by the grandmother, Mrs Okafor, who said Ada was at work."
    assert ("Mrs Okafor", "NGM") in _codes(text)


def test_a_record_label_before_the_name_picks_the_relative():
    text = 'The register lists "Brother: C. Okafor" on two Fridays.'
    assert ("C. Okafor", "NB") in _codes(text)


def test_a_bracketed_role_after_the_name_picks_the_relative():
    text = 'The log lists "OKAFOR (uncle)" as the caller.'
    assert ("OKAFOR", "NU") in _codes(text)


def test_a_possessive_name_before_the_noun_still_counts():
    text = 'A clinic letter gives the patient\'s brother as "Okafor" and no first name.'
    assert ("Okafor", "NB") in _codes(text)


def test_without_a_cue_the_listed_form_still_wins():
    text = "School letters went to Mrs Okafor every term."
    assert ("Mrs Okafor", "NM") in _codes(text)


def test_a_noun_not_next_to_the_name_is_no_cue():
    text = "The grandmother told the school that Mrs Okafor would collect Nneka."
    assert ("Mrs Okafor", "NM") in _codes(text)


def test_her_mother_right_after_the_mother_is_not_the_mother_herself():
    assert role_cues.cue_before_with_owner("Ada said so. Her mother, ", len("Ada said so. Her mother, ")) == (
        "mother",
        True,
    )
    text = "Adaeze Okafor spoke first. Her mother, Mrs Okafor, did not speak."
    titled = [m for m in find_known_names(text, KEY) if m.text == "Mrs Okafor"]
    assert titled and titled[0].resolved_by != "role_cue"  # "her" is Adaeze: the cue says nothing of who
    text = "Nneka spoke first. Her mother, Mrs Okafor, did not speak."
    titled = [m for m in find_known_names(text, KEY) if m.text == "Mrs Okafor"]
    assert titled[0].code == "NM" and titled[0].resolved_by == "role_cue"


def test_a_role_named_by_the_text_can_be_a_relative_keyed_under_another_name():
    key = parse_key(
        {
            "people": [
                {"code": "YP", "role": "The young person", "names": ["Dawit Haile", "Dawit"]},
                {"code": "YS", "role": "YP's sister", "names": ["Saba Haile"]},
                {"code": "YM", "role": "YP's mother", "names": ["Hiwot Bekele", "Ms Bekele"]},
            ]
        }
    )
    text = 'His mother has been addressed as "Mrs Haile" in letters.'
    assert ("Mrs Haile", "YM") in _codes(text, key)


def test_a_bracketed_age_marks_the_child():
    assert role_cues.cue_after("OKAFOR (7) was seen", len("OKAFOR")) == role_cues.AGE
    assert role_cues.cue_after("OKAFOR (2019) was seen", len("OKAFOR")) is None


def test_a_sentence_end_breaks_the_cue():
    assert role_cues.cue_before("She met the uncle. Mr Okafor", len("She met the uncle. ")) is None
    assert role_cues.cue_before("She met the uncle, Mr Okafor", len("She met the uncle, ")) == "uncle"


def test_the_key_role_head_gives_the_relation():
    people = {p.code: p for p in KEY.people}
    assert role_cues.relations(people["NGM"]) == {"grandmother"}
    assert role_cues.fits("sibling", people["NB"]) and not role_cues.fits("sister", people["NB"])
    assert role_cues.fits("daughter", people["Child N"]) is True
