"""More family forms of keyed names: Welsh, Akan, Chinese and Hungarian usage, and transliterations.

All names and sentences are fictional and written for these tests.  Each case is a shape a draft
showed surviving or given a second identity: an endearment after a name ("Rhys bach"), a Welsh or
Akan kin word alone for the one relative it names, an Akan day name's English form or namesake word,
an anglicised nickname, a Hungarian spelling of an English name, "ee" for "i" in a transliteration.
"""

from __future__ import annotations

import pytest

FAMILY = """
people:
  - code: CW
    role: "Child W, Adult E's son"
    names: [Rhys Morgan-Lloyd]
  - code: WM
    role: "Adult E, care leaver and young mother"
    names: [Efua Boateng]
  - code: WGM
    role: "Adult E's mother (maternal grandmother of Child W)"
    names: [Akosua Boateng]
  - code: WGF
    role: "Paternal grandfather"
    names: [Huw Morgan-Lloyd]
  - code: SW
    role: "Social worker"
    names: [Sunil Varma]
  - code: HV
    role: "Health visitor"
    names: [Dzsenifer Kovacs]
  - code: GP
    role: "General practitioner"
    names: [Dr Shareef Qureshi]
"""


def test_welsh_endearment_after_a_name_goes_into_the_code(code_draft):
    out = code_draft(FAMILY, "The family spoke of Rhys bach with warmth.\n")
    assert "bach" not in out and "Rhys" not in out and "CW" in out


def test_welsh_grandfather_word_before_a_keyed_name_codes_the_name_and_alone_stays_a_word(code_draft):
    out = code_draft(FAMILY, "Most weekends Taid Huw collected him; Taid has a van.\n")
    assert "Taid WGF collected" in out and "Taid has a van" in out


def test_akan_mother_word_alone_prefers_the_role_that_says_it_first(code_draft):
    out = code_draft(FAMILY, "On the phone Maame said she would come up from London.\n")
    assert "Maame" not in out and "WGM" in out and "WM" not in out


def test_akan_namesake_word_and_english_form_of_a_day_name(code_draft):
    out = code_draft(FAMILY, 'Efua Kakra is how her aunts know her; they say "Efua Kakra" too. Effie came.\n')
    assert out.startswith("WM is how") and "PERSON" not in out


def test_anglicised_nickname_and_hungarian_spelling_of_an_english_name(code_draft):
    out = code_draft(FAMILY, "Sunny, as he signs his e-mails, wrote to Jennifer Kovacs on Monday.\n")
    assert "Sunny" not in out and "Jennifer" not in out and out.count("SW") == 1 and "HV" in out


def test_transliterated_long_vowel_is_the_same_name(code_draft):
    out = code_draft(FAMILY, "Dr Sharif Qureshi saw him twice, and Sharif referred him on.\n")
    assert "Sharif" not in out and out.count("GP") == 2


FAMILIES = """
people:
  - code: PM
    role: "Family P: mother"
    names: [Wang Xiuying]
  - code: PF
    role: "Family P: father"
    names: [Zhou Haoran]
  - code: PC
    role: "Family P: infant"
    names: [Zhou Mingyu]
  - code: QM
    role: "Family Q: mother"
    names: [Leila Sadeghi]
  - code: QF
    role: "Family Q: father"
    names: [Kian Farahani]
  - code: QC
    role: "Family Q: child"
    names: [Daryush Farahani]
"""


def test_womans_title_before_a_fathers_surname_is_the_mother_of_that_family(code_draft):
    out = code_draft(FAMILIES, "The hotel listed her as Mrs Farahani. The ward wrote Mrs Zhou on the cot card.\n")
    assert out.count("QM") == 1 and out.count("PM") == 1 and "QC" not in out and "PC" not in out


def test_familiar_prefix_and_doubled_syllable_are_the_keyed_person(code_draft):
    out = code_draft(FAMILIES, "Her sister calls her Ah Ying on the phone, and the baby is Yu Yu at home.\n")
    assert "Ying" not in out and "Yu Yu" not in out and "PM" in out and "PC" in out


def test_hungarian_married_name_is_the_wife_not_the_husband(code_draft):
    key = """
people:
  - code: RM
    role: "Family R: mother"
    names: [Ildikó Balogh]
  - code: RF
    role: "Family R: father"
    names: [Gábor Farkas]
  - code: RC
    role: "Family R: child"
    names: [Bence Farkas]
"""
    out = code_draft(key, "The housing form was signed Farkas Gáborné; the GP lists Gáborné as the patient.\n")
    assert "Gáborné" not in out and out.count("RM") == 2 and "RF" not in out


def test_family_word_discussed_is_not_the_keyed_relative(code_draft):
    text = (
        'Nain: the Welsh for grandmother; in the south, Mam-gu is more usual.\n\n"Taid" is the Welsh word for '
        "grandfather. Nobody asked whether he had a Taid nearby.\n"
    )
    out = code_draft(FAMILY, text)
    assert "Mam-gu" in out and out.count("Taid") == 2 and "WGF" not in out


def test_given_name_in_two_syllables_after_the_surname(code_draft):
    out = code_draft(FAMILIES, "Her statement names the father as Zhou Hao Ran, who was at work.\n")
    assert "Hao" not in out and "Ran" not in out and "PF" in out and "PC" not in out


def test_a_relatives_relative_is_not_the_keyed_holder_of_the_role(code_draft):
    key = """
people:
  - code: SM
    role: "Family S: mother"
    names: [Carys Probert]
  - code: SF
    role: "Family S: father"
    names: [Dyfan Probert]
"""
    text = "The father's father, Idris Probert, kept sheep. Taid Idris died in 2020; Idris had no social worker.\n"
    out = code_draft(key, text)
    assert "SF" not in out and "Idris" not in out and out.count("[PERSON-1]") == 3


GREAT_GRAN = """
- code: YP
  role: "Young person, subject of the review"
  names: [Shannon Wenlock]
- code: GGM
  role: "Maternal great-grandmother"
  names: [Marjorie Ayres]
"""


@pytest.mark.parametrize("kin", ["Nan", "Nana", "Granny"])
def test_a_family_word_that_is_also_a_given_name_does_not_make_a_second_person(code_draft, kin):
    """ "Nan" is in the given-name lists, so "Nan Marjorie" looked like an unlisted person's full name and the
    keyed great-grandmother became [PERSON-1]; a family word before a keyed given name is the keyed person."""
    out = code_draft(
        GREAT_GRAN, f"Shannon said that {kin} Marjorie listened. When {kin} Marjorie fell ill, Shannon moved.\n"
    )
    assert out.count(f"{kin} GGM") == 2
    assert "PERSON" not in out and "Marjorie" not in out


def test_an_unlisted_full_name_beside_a_keyed_given_name_still_keeps_its_own_placeholder(code_draft):
    out = code_draft(GREAT_GRAN, "Her neighbour Tessa Marjorie Quinlan visited. Marjorie Ayres was at home.\n")
    assert "GGM was at home" in out
    assert "Tessa" not in out and "Quinlan" not in out
