"""Issue 12: the shapes records systems print a name in (pipeline/deid/names/record_forms.py), and the
identifier shapes of command-and-control logs.  Names, numbers and places are invented."""

from __future__ import annotations

import pytest

from pseudonymise_text import code_text

KEY = {
    "people": [
        {"code": "Child R", "role": "the subject child", "names": ["Tobias Lindqvist", "Tobias"]},
        {"code": "RM", "role": "Child R's mother", "names": ["Maren Lindqvist", "Mrs Lindqvist"]},
        {"code": "OFF1", "role": "response officer", "names": ["Gareth Pemberton", "PC Pemberton"]},
        {"code": "TCH", "role": "class teacher", "names": ["Imogen Halvorsen", "Ms Halvorsen"]},
    ]
}


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    return tmp_path_factory.mktemp("record_forms")


def _text(folder, nlp, draft: str, analyzer=None) -> str:
    return code_text(folder, draft, KEY, nlp, analyzer=analyzer).text


def test_surname_in_capitals_then_own_initial(folder, nlp):
    # a school system's contact line and a police log line: the letter after the surname is the person's
    out = _text(folder, nlp, "Contact 1: LINDQVIST M (Mother). Log entry by PC 5521 PEMBERTON G: attended.\n")
    assert "RM (Mother)" in out and " M " not in out
    assert "OFF1: attended" in out and "5521" not in out


def test_initial_picks_the_person_among_a_shared_surname(folder, nlp):
    # two keyed Lindqvists: the initial says which one the record line means
    out = _text(folder, nlp, "Pupil record amended by LINDQVIST M, parent.\n")
    assert "RM, parent" in out


def test_letter_that_is_a_word_needs_the_capitals_record(folder, nlp):
    # "I" after a title-case surname is the pronoun, not Imogen's initial
    out = _text(folder, nlp, "We spoke to Ms Halvorsen. Later Halvorsen I think phoned back.\n")
    assert "I think" in out


def test_title_and_initial_before_an_unlisted_surname(folder, nlp):
    out = _text(
        folder, nlp, "CALLER NEIGHBOUR (MRS D WHITFORTH) REPORTS SHOUTING. Mrs Whitforth later gave a statement.\n"
    )
    assert "MRS D" not in out and "(MRS" not in out


def test_dotted_initials_before_and_after_an_unlisted_name(folder, nlp):
    out = _text(folder, nlp, 'The interpreter, K.V. Ramanathan, also signed as "Ramanathan K.V." on the form.\n')
    assert "K.V." not in out


def test_review_lettering_is_not_an_initial(folder, nlp):
    out = _text(folder, nlp, "The plan was agreed for Child R. Dunmore said he would chair it.\n")
    assert "Child R." in out


def test_collar_number_alone_after_it_was_given_with_the_name(folder, nlp):
    draft = "22:05 PC 5521 PEMBERTON G ATTENDED.\n22:40 5521 + 6012 ON SCENE.\nThe fine was 5521 pounds.\n"
    out = _text(folder, nlp, draft)
    assert "OFF1 + 6012" in out
    assert "5521 pounds" in out  # a count, not the officer


def test_command_and_control_reference_takes_the_system_name(folder, nlp, analyzer):
    draft = "The first call was STORM 2281 04/11/24 at 19:02; the second CAD 0315-06/11/24 two days later.\n"
    out = _text(folder, nlp, draft, analyzer)
    assert "STORM" not in out and "CAD" not in out and out.count("[CASE_REF]") == 2


def test_registration_written_again_without_its_space(folder, nlp, analyzer):
    draft = "He drove a silver Corsa, LB68 VTE, to the school.\nOEL 02/03/25: STOPPED VEH LB68VTE ON THE RING ROAD.\n"
    out = _text(folder, nlp, draft, analyzer)
    assert "LB68" not in out and out.count("[VEHICLE_REG]") == 2


def test_health_system_title_in_brackets_goes_with_the_name(folder, nlp):
    out = _text(folder, nlp, "| LINDQVIST, Maren (Mrs) | registered 2019 |\n")
    assert "(Mrs)" not in out and "RM" in out


def test_log_line_in_capitals_is_not_read_as_initials(nlp):
    # verify --key: "IS" in a log written in capitals is the word, though Imogen S... would have those initials
    from pipeline.deid.keyfile import parse_key
    from pipeline.deid.names.initials import leftover_initials

    key = parse_key({"people": [{"code": "IS1", "role": "officer", "names": ["Ines Stockdale"]}]})
    log = "OEL 03/03/25 10:10 OFF1: DRIVER STATES HE IS A NEIGHBOUR GIVING A LIFT.\nIS was not told.\n"
    found = [log[s:e] for s, e, _ in leftover_initials(log, key, set())]
    assert found == ["IS"] and log.index("IS was") == [s for s, _, _ in leftover_initials(log, key, set())][0]


def test_postal_town_is_a_place_everywhere_in_the_text():
    from pipeline.deid.verify import postal_towns

    text = "She moved to her aunt's home in Brackwell ([POSTCODE]). Mr Lee ([POSTCODE]) wrote.\n"
    assert postal_towns(text) == {"Brackwell"}


def test_verify_does_not_flag_the_postal_town_as_a_name(folder, nlp):
    from pipeline.deid.keyfile import parse_key
    from verify_text import serious_with_key

    key = parse_key(KEY)
    coded = (
        "In May RM and Child R moved to her sister's home in Brackwell ([POSTCODE]).\n"
        "Child R said Brackwell felt safer and RM agreed.\n"
    )
    found = serious_with_key(folder, nlp, coded, key)
    # read as a person's name (a guess, or a word in a person's slot) nowhere; a place flag may stay
    assert not [r for (t, _), r in found.items() if "Brackwell" in t and r.startswith(("names:", "key:"))]


def test_run_together_initials_after_a_surname_in_capitals(folder, nlp):
    out = _text(folder, nlp, "Supervised by PEMBERTON GW (probation). LINDQVIST HE SAID NOTHING.\n")
    assert "OFF1 (probation)" in out and "HE SAID" in out


def test_postal_town_is_not_an_unlisted_person(folder, nlp):
    # a town that is also a surname in the name lists, written before its postcode
    draft = "Maren moved to her brother's flat in Dartford (DA2 6QT) in June. Tobias travels from Dartford.\n"
    out = _text(folder, nlp, draft)
    assert out.count("Dartford") == 2 and "[PERSON" not in out


def test_abbreviation_or_rank_after_a_name_stays(folder, nlp):
    # "IRO" starts with Imogen's initial, but is an abbreviation; "(DS)" is a rank, not a gendered title
    out = _text(folder, nlp, "Staff: HALVORSEN IRO lead. Seen by Gareth Pemberton (DS) at home.\n")
    assert "TCH IRO lead" in out and "OFF1 (DS)" in out


# Issue 12, set 18: a records system's name fields (models/names/keyed_forms.yaml `collar_number_ranks`,
# `unknown_name_words`): an officer the key does not list, and a surname the system did not know


def test_unlisted_officer_after_rank_and_collar_number_goes_whole(folder, nlp):
    # the surname is an English word in a capitals log line; the field's shape makes it the officer's
    out = _text(folder, nlp, "23:02 ATTENDED PS 3318 BARLEY AND PC 6120 WARD.\nLater PS 3318 BARLEY rang back.\n")
    assert "3318" not in out and "BARLEY" not in out and "WARD" not in out and "6120" not in out
    assert out.count("[PERSON-1]") == 2  # one officer, one placeholder


def test_log_verb_after_a_collar_number_is_no_officer(folder, nlp):
    out = _text(folder, nlp, "23:40 PC 7781 ATTENDED THE ADDRESS.\n")
    assert "ATTENDED THE ADDRESS" in out


def test_unknown_surname_goes_with_the_given_name(folder, nlp):
    draft = (
        "| Partner | UNKNOWN Radomir | DOB: Unknown |\n"
        "The contact list names him as Radomir UNKNOWN. Tobias said Radomir Kovac shouts.\n"
    )
    out = _text(folder, nlp, draft)
    assert "UNKNOWN" not in out and "Radomir" not in out
    assert "DOB: Unknown" in out  # a field value, no one's surname
    assert out.count("[PERSON-1]") == 3


def test_unknown_beside_a_keyed_given_name_is_the_persons_missing_surname(folder, nlp):
    out = _text(folder, nlp, "Mother entered on the system as Maren UNKNOWN. UNKNOWN MALE seen at the door.\n")
    assert "as RM." in out
    assert "UNKNOWN MALE" in out


def test_midwife_is_a_title_before_the_name(folder, nlp):
    # maternity records write the calling before the name, as they do "Nurse": the keyed form is coded whole
    out = _text(folder, nlp, "Booking visit by Midwife Halvorsen. Maren attended alone.\n")
    assert "by TCH." in out


def test_german_form_of_address_and_initial_go_with_an_unlisted_surname(folder, nlp):
    draft = "Letter from Frau K. Brunnhuber of the youth office. Frau Brunnhuber asked for the school report.\n"
    out = _text(folder, nlp, draft)
    assert "Letter from [PERSON-1] of the youth office. [PERSON-1] asked" in out  # one person, one placeholder
