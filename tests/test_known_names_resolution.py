"""Issue 12, resolution: which keyed person a detected mention is when a family shares its names.

All names are fictional and the sentences invented: a mother whose birth surname is her elder child's
("née", a record's "SURNAME, Given", her first name with it), a titled initial that names the child and
not her mother, a double surname and a middle name between a keyed first name and a shared surname, a
spelling of a keyed surname beside a keyed first name and then alone, a professional title before a
sound-alike surname, and the English pet-name spellings ("Ollie"/"Olly", "Gaz").
"""

from __future__ import annotations

from pipeline.deid.keyfile import parse_key
from pipeline.deid.names.derived import KeyedWord, _nickname_spelling, classify
from pipeline.deid.names.known import matcher_for
from pipeline.deid.names.reconcile import _titled_sound_alike, keyed_words, settings

FAMILY = parse_key(
    {
        "people": [
            {"code": "Child R", "role": "the subject child (aged 7)", "names": ["Rosalind Varga", "Rosie"]},
            {"code": "RM", "role": "Child R's mother", "names": ["Ildiko Varga", "Ildiko", "Mrs Varga"]},
            {"code": "RF", "role": "Child R's father", "names": ["Bence Varga", "Bence", "Mr Varga"]},
            {"code": "RSIB", "role": "Child R's half-brother (aged 12)", "names": ["Tamas Orban", "Tamas"]},
            {"code": "RGM", "role": "paternal grandmother", "names": ["Erzsebet Varga"]},
            {"code": "RGP", "role": "general practitioner", "names": ["Dr Ngaire Tuhoe", "Dr Tuhoe"]},
            {"code": "RN", "role": "nursery manager", "names": ["Claudia Ashby"]},
        ]
    }
)


def _codes(text: str, key=FAMILY) -> list[tuple[str, str]]:
    return [(m.text, m.code) for m in matcher_for(key).find(text)]


def test_a_surname_after_nee_is_the_birth_surname_of_the_person_before_it():
    found = _codes("Mother: Ildiko Varga (née Orban), seen at the clinic.")
    assert ("Orban", "RM") in found


def test_a_declared_birth_surname_makes_the_adult_the_one_meant_by_it_alone():
    text = "She was registered under her maiden name, Ildiko Orban. The letter went to Ms Orban's old address."
    assert ("Ms Orban", "RM") in _codes(text)


def test_a_child_keeps_a_surname_no_adult_is_declared_to_have():
    assert ("Orban", "RSIB") in _codes("Tamas Orban is twelve. Orban said little at school.")


def test_a_record_surname_first_in_capitals_is_the_given_names_person():
    found = _codes('The old record reads "ORBAN, Ildiko" and the new one "VARGA, Rosalind".')
    assert ("ORBAN, Ildiko", "RM") in found
    assert ("VARGA, Rosalind", "Child R") in found


def test_a_list_of_surnames_is_not_a_record_name():
    found = dict(_codes("Present: Ashby, Bence and the duty worker."))
    assert found.get("Ashby") == "RN"
    assert found.get("Bence") == "RF"


def test_a_childs_title_and_initial_name_the_child_not_her_mother():
    assert ("Miss R. Varga", "Child R") in _codes('A letter addressed to "Miss R. Varga" came home.')


def test_the_second_half_of_a_double_surname_is_the_first_halfs_person():
    found = _codes("Her passport gives Rosalind Orban-Varga.")
    assert {code for _, code in found} == {"Child R"}


def test_a_middle_name_between_a_keyed_first_name_and_a_shared_surname():
    text = "Mother: Ildiko Piroska Varga, born 1990. Piroska, as her sister calls her, agreed."
    found = _codes(text)
    assert ("Ildiko Piroska Varga", "RM") in found
    assert ("Piroska", "RM") in found


def test_a_middle_initial_is_not_another_keyed_persons_initial():
    found = _codes("The father's details: Bence C. Varga, of the same address.")
    assert [code for _, code in found] == ["RF"]


def test_a_spelling_of_the_surname_beside_a_keyed_first_name_then_alone():
    key = parse_key(
        {
            "people": [
                {"code": "Child Y", "role": "the subject child", "names": ["Yusuf Köseoğlu", "Yusuf"]},
                {"code": "YM", "role": "Child Y's mother", "names": ["Leyla Köseoğlu", "Leyla"]},
            ]
        }
    )
    text = 'The ward list held "YUSUF KOSEOGLOU" and "KOSEOGLOU, Yusuf"; letters to Koseoglou came back.'
    found = _codes(text, key)
    assert ("YUSUF KOSEOGLOU", "Child Y") in found
    assert ("KOSEOGLOU, Yusuf", "Child Y") in found
    assert any(t == "Koseoglou" for t, _ in found)


def test_a_title_and_initial_make_a_misspelt_surname_a_person():
    key = parse_key({"people": [{"code": "FR2", "role": "family friend", "names": ["Malee Steed", "Mrs Steed"]}]})
    assert ("Mrs M. Sted", "FR2") in _codes('described as "Mrs M. Sted" in the note', key)


def test_a_professional_title_the_key_writes_allows_a_short_sound_alike():
    keyed = keyed_words(FAMILY)
    assert _titled_sound_alike("Dr Tuho", "tuho", keyed, settings()) == ["RGP"]  # four letters, keyed "Dr Tuhoe"
    assert _titled_sound_alike("Mr Varg", "varg", keyed, settings()) == []  # relatives share "Mr": five needed


def test_english_pet_name_spellings():
    assert _nickname_spelling("olly", "oliver")
    assert _nickname_spelling("gaz", "gary")
    assert _nickname_spelling("shaz", "sharon")
    assert not _nickname_spelling("gas", "gary")
    assert classify("Olly", [KeyedWord("S", "Oliver", "oliver", True)]) == [("S", "Oliver", "nickname")]


def test_a_birth_surname_nobody_is_keyed_with_is_learned_from_the_draft():
    text = (
        "Mother: Ildiko Varga (née Fairbairn). The midwife wrote to Ms Fairbairn at the old address; "
        "Fairbairn was the name on the booking. Mr Fairbairn, her father, drove her. They live on Fairbairn Road."
    )
    found = _codes(text)
    assert ("Fairbairn", "RM") in found
    assert ("Ms Fairbairn", "RM") in found
    assert found.count(("Fairbairn", "RM")) == 2
    assert not any(t.startswith("Mr") for t, _ in found)
    assert len([t for t, _ in found if "Fairbairn" in t]) == 3  # not the road


def test_a_police_record_surname_in_capitals_without_a_comma():
    assert ("ORBAN Ildiko", "RM") in _codes("The police system holds her as ORBAN Ildiko since 2021.")


def test_a_role_word_beside_a_titled_birth_surname_picks_the_woman_the_draft_gave_it():
    from pipeline.deid.names.reconcile import reconcile
    from pipeline.deid.pseudonymise import Replacement

    key = parse_key(
        {
            "people": [
                {"code": "RM", "role": "Child R's mother", "names": ["Ildiko Varga", "Mrs Varga"]},
                {"code": "RGMM", "role": "maternal grandmother", "names": ["Erzsebet Orban", "Mrs Orban"]},
            ]
        }
    )
    text = "Her birth name is Ildiko Orban. The clinic wrote to the mother, Ms Orban, in May."

    def piece(word: str, code: str) -> Replacement:
        start = text.index(word)
        return Replacement(start, start + len(word), word, code, "PERSON", "known", "test", 0.8, code=code)

    out = reconcile([piece("Ildiko Orban", "RM"), piece("Ms Orban", "RGMM")], text, key)
    assert [r.code for r in out] == ["RM", "RM"]
    assert out[1].ambiguous


def test_a_former_job_is_not_learned_as_a_birth_surname():
    text = "Ildiko Varga, formerly Tescoworks supervisor, moved. Tescoworks closed in May."
    assert [t for t, _ in _codes(text)] == ["Ildiko Varga"]


def test_a_keyed_surname_after_formerly_is_the_persons_former_name():
    assert ("Orban", "RM") in _codes("Ildiko Varga, formerly Orban, moved in 2019.")


def test_a_possessive_before_the_role_word_names_somebody_elses_relative():
    from pipeline.deid.names.reconcile import reconcile
    from pipeline.deid.pseudonymise import Replacement

    key = parse_key(
        {
            "people": [
                {"code": "RM", "role": "Child R's mother", "names": ["Ildiko Varga", "Mrs Varga"]},
                {"code": "RGMM", "role": "maternal grandmother", "names": ["Erzsebet Orban", "Mrs Orban"]},
            ]
        }
    )
    text = "Her birth name is Ildiko Orban. Mrs Varga's mother, Ms Orban, helps."

    def piece(word: str, code: str) -> Replacement:
        start = text.index(word)
        return Replacement(start, start + len(word), word, code, "PERSON", "known", "test", 0.8, code=code)

    out = reconcile([piece("Ildiko Orban", "RM"), piece("Mrs Varga", "RM"), piece("Ms Orban", "RGMM")], text, key)
    assert [r.code for r in out] == ["RM", "RM", "RGMM"]


def test_a_shared_titled_surname_beside_a_keyed_man_is_his_partner():
    key = parse_key(
        {
            "people": [
                {"code": "Child W", "role": "the subject child", "names": ["Wren Salcedo-Achebe"]},
                {"code": "WM", "role": "Child W's mother", "names": ["Marisol Salcedo"]},
                {"code": "WF", "role": "Child W's father", "names": ["Obinna Achebe", "Mr Achebe"]},
                {"code": "WGM", "role": "maternal grandmother", "names": ["Rosario Salcedo"]},
            ]
        }
    )
    found = _codes("Officers heard a quarrel between Ms Salcedo and Mr Achebe at the door.", key)
    assert ("Ms Salcedo", "WM") in found


def test_a_clause_about_the_person_is_not_a_pair_of_partners():
    key = parse_key(
        {
            "people": [
                {"code": "WM", "role": "Child W's mother", "names": ["Marisol Salcedo"]},
                {"code": "WF", "role": "Child W's father", "names": ["Obinna Achebe", "Mr Achebe"]},
                {"code": "WGM", "role": "maternal grandmother", "names": ["Rosario Salcedo", "Mrs Salcedo"]},
            ]
        }
    )
    found = [
        m for m in matcher_for(key).find('Mr Achebe calls her "Ma Salcedo" out of respect.') if "Salcedo" in m.text
    ]
    assert found and found[0].resolved_by != "partner"
