"""Issue 12: names that are also words, initials in the places minutes and tables put people, and a keyed name
written in another script.  Every name and sentence is invented."""

from __future__ import annotations

import pytest

from pseudonymise_text import code_text

KEY = {
    "people": [
        {"code": "Child Q", "role": "the subject child", "names": ["Min-seo Ryu", "Min-seo"]},
        {"code": "QM", "role": "Child Q's mother", "names": ["Ha-eun Ryu", "Ms Ryu"]},
        {"code": "SW1", "role": "Social worker", "names": ["Fenella Brock", "Ms Brock"]},
        {"code": "NUR", "role": "School nurse", "names": ["Tobias Ashworth", "Mr Ashworth"]},
        {"code": "POL", "role": "Detective constable", "names": ["Anand Sethi", "DC Sethi"]},
    ]
}


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    return tmp_path_factory.mktemp("word_names_slots")


def _text(folder, nlp, draft: str) -> str:
    return code_text(folder, draft, KEY, nlp).text


def test_initials_under_an_owner_header_are_people(folder, nlp):
    # "AS" is also a word in capitals; the column's header says the cells hold people
    draft = (
        "Fenella Brock and Anand Sethi met on Monday.\n\n"
        "| Action | Owner | Due |\n|---|---|---|\n| Visit the home | FB | 12/03 |\n| Check records | AS | 14/03 |\n"
    )
    out = _text(folder, nlp, draft)
    assert "| SW1 |" in out and "| POL |" in out


def test_capitals_under_another_header_stay(folder, nlp):
    # a column headed "By" or "Notes" need not hold people: "AS" there is left alone
    draft = "Fenella Brock chaired.\n\n| Action | By | Notes |\n|---|---|---|\n| Send letter | 12/03 | AS |\n"
    assert "| AS |" in _text(folder, nlp, draft)


def test_initials_joined_by_a_slash_to_a_coded_person(folder, nlp):
    # "TA" is coded by its verb; the crew line pairs it with "FB"
    out = _text(
        folder, nlp, "Fenella Brock and Tobias Ashworth attended.\n> Crew: FB / TA\nTA said the child was well.\n"
    )
    assert "FB" not in out and "Crew: SW1 / NUR" in out


def test_initials_after_per(folder, nlp):
    out = _text(folder, nlp, "Fenella Brock chaired. Per FB, the police will visit today.\n")
    assert "Per SW1," in out


def test_roster_find_vouches_for_other_uses(folder, nlp):
    draft = (
        "Anand Sethi and Fenella Brock attended.\nPresent: FB (social worker), AS (police).\n\n"
        "Later in the day the plan was checked by FB, AS agreed.\n"
    )
    out = _text(folder, nlp, draft)
    assert "FB" not in out


def test_keyed_name_in_another_script(folder, nlp):
    out = _text(
        folder, nlp, 'Min-seo wrote "민서" on her drawing. Her mother signed 하은 beside it. She said 사랑해.\n'
    )
    assert "민서" not in out and "하은" not in out and "사랑해" in out
    assert '"Child Q"' in out and "signed QM" in out


def test_a_word_in_another_script_that_spells_no_keyed_name_stays(folder, nlp):
    out = _text(folder, nlp, "Min-seo's mother wrote 감사합니다 on the card.\n")
    assert "감사합니다" in out


def test_role_before_a_first_name_and_word_surname(folder, nlp):
    # "Grace" and "Hill" are words, and the draft uses them in a charity's name too
    draft = (
        "The charity is the Grace Hill Trust. The school's family liaison worker, Grace Hill, visited in March.\n"
        "Ms Hill recorded that the home was warm.\n"
    )
    out = _text(folder, nlp, draft)
    assert "worker, [PERSON-" in out and "Grace Hill Trust" in out


WORD_KEY = {
    "people": [
        {"code": "AM", "role": "Child A's mother", "names": ["Orla Keane", "Orla", "Mrs Keane"]},
        {"code": "CA", "role": "Child A, the subject", "names": ["Benedek Lamb", "Benedek"]},
        {"code": "NAV", "role": "Clinical navigator, control room", "names": ["Rohan Chaudry", "Mr Chaudry"]},
    ]
}


def _word_text(folder, nlp, draft: str) -> str:
    return code_text(folder, draft, WORD_KEY, nlp).text


def test_maiden_name_that_is_a_word_where_she_stands(folder, nlp):
    draft = (
        "Orla Keane (née Ward) was seen twice. The hospital held her under her maiden name, Orla Ward, and the "
        "GP as WARD, Orla. She was treated on Ward 12 and left the ward at noon.\n"
    )
    out = _word_text(folder, nlp, draft)
    assert "Orla Ward" not in out and "WARD, Orla" not in out and "(née AM)" in out
    assert "Ward 12" in out and "the ward" in out


def test_keyed_word_surname_after_a_short_form(folder, nlp):
    out = _word_text(folder, nlp, "Benedek is two. The nursery has him as Ben Lamb. A lamb was in the story.\n")
    assert "Lamb" not in out and "A lamb" in out


def test_initials_in_brackets_after_the_keyed_role(folder, nlp):
    out = _word_text(folder, nlp, "| 06:42 | Clinical navigator (RC) on call, listening in. |\n")
    assert "(NAV)" in out


def test_title_before_a_word_the_model_reads_as_a_people(folder, nlp):
    out = _word_text(folder, nlp, "She went to a private maths tutor, Mr Han, three evenings a week.\n")
    assert "Han" not in out


def test_romanised_given_name_with_a_lower_case_syllable(folder, nlp):
    out = _word_text(folder, nlp, "Her father's cousin, Kang Min-ho, helped in the kitchen.\n")
    assert "Min" not in out and "-ho" not in out


def test_role_label_then_a_name_of_words(folder, nlp):
    draft = "**Interpreter:** Edit Kovacs (Hungarian), by phone.\nInterpreter (Farsi): Grace Young, by telephone.\n"
    out = _word_text(folder, nlp, draft)
    assert "Edit Kovacs" not in out and "Grace Young" not in out


def test_first_name_and_word_surname_apposed_to_a_family_word_and_repeated(folder, nlp):
    draft = (
        'The car was registered to Martin Ward of Leeds. The caller said "Martin Ward, her brother". '
        "She was on Ward 4.\n"
    )
    out = _word_text(folder, nlp, draft)
    assert "Martin Ward" not in out and "Ward 4" in out


def test_initial_typed_against_the_surname(folder, nlp):
    out = _word_text(folder, nlp, "> Crew ORKeane / TG\nThe handover was signed by BLamb at 02:10. A lamb.\n")
    assert "BLamb" not in out and "ORKeane" in out  # "ORKeane" is no single initial and surname


def test_capitals_before_a_digit_are_a_grade(folder, nlp):
    # "ST" is Sione Taufa's once the roster shows it; "ST4" in the grade column is a registrar's grade
    key = {"people": [{"code": "PR", "role": "Paediatric registrar", "names": ["Dr Sione Taufa"]}]}
    draft = (
        "Present: ST (registrar), Dr Sione Taufa's consultant (by phone).\n\n"
        "| Role | Name | Grade |\n|---|---|---|\n| Registrar | Dr Sione Taufa | ST4 |\n"
    )
    out = code_text(folder, draft, key, nlp).text
    assert "ST4" in out and "Present: PR" in out


def test_family_word_before_a_name_is_left_to_the_kinship_rules(folder, nlp):
    # "Papa" is a family word: the role "called" does not make "Papa Dieu" an unlisted person's full name
    key = {"people": [{"code": "EF", "role": "Child E's father", "names": ["Jean Dieu", "Mr Dieu"]}]}
    out = code_text(folder, 'Mr Dieu said he is called "Papa Dieu" by everyone at church.\n', key, nlp).text
    assert "[PERSON-" not in out
