"""Issue 12, third round: forms of keyed names a family's records mix up (all names fictional).

A mother keyed with her own surname called by the father's ("Mrs Okonkwo") when the roles say only
"Mother" / "Father"; initials before a family surname ("Mrs N Okonkwo", "C. A. Okonkwo"); a first name
running on past an apostrophe ("Ngozi'a"); a rank abbreviation ("Con. Rooney"); a misspelt first name or
surname beside a relative's surname ("Hawa Okonkwo", "Zainab Okonkwu"); a double surname of which the key
has one part ("Mr Pereira Costa"); and, at reconcile, a short slip beside the person's code ("Tiygo Costa")
and a titled sound-alike surname ("Ms McVay").
"""

from __future__ import annotations

from pipeline.deid.keyfile import parse_key
from pipeline.deid.names.known import find_known_names
from pipeline.deid.names.reconcile import reconcile
from pipeline.deid.pseudonymise import Replacement

KEY = parse_key(
    {
        "people": [
            {"code": "CK", "role": "Child K, subject of the review", "names": ["Zainab Okonkwo"]},
            {"code": "BR", "role": "Child K's half-brother", "names": ["Tunde Okonkwo"]},
            {"code": "MO", "role": "Mother", "names": ["Hauwa Eze"]},
            {"code": "FA", "role": "Father", "names": ["Chidi Okonkwo"]},
            {"code": "GM", "role": "Maternal grandmother", "names": ["Nkechi Obi"]},
            {"code": "PA", "role": "Mother's partner", "names": ["Tiago Costa"]},
            {"code": "PC", "role": "Constable", "names": ["Declan Rooney"]},
            {"code": "FSW", "role": "Family support worker", "names": ["Gemma McVeigh"], "gender": "female"},
        ]
    }
)


def _found(text: str) -> dict[str, str]:
    return {m.text: m.code for m in find_known_names(text, KEY)}


def test_a_womans_title_before_the_fathers_surname_is_the_mother_whose_role_is_only_mother():
    assert _found("Mrs Okonkwo phoned the nursery; Mr Okonkwo did not.") == {"Mrs Okonkwo": "MO", "Mr Okonkwo": "FA"}


def test_a_subject_word_in_a_roles_tail_does_not_make_a_second_subject():
    key = parse_key(
        {
            "people": [
                {"code": "C1", "role": "Subject child", "names": ["Arvid Lindqvist"], "gender": "male"},
                {"code": "C2", "role": "Half-sister of the subject child", "names": ["Elin Berg"]},
                {"code": "M", "role": "Mother of both children", "names": ["Sanna Holm"]},
            ]
        }
    )
    assert {m.text: m.code for m in find_known_names("Ms Lindqvist was told.", key)} == {"Ms Lindqvist": "M"}


def test_initials_before_a_family_surname_pick_the_person_by_the_first_initial():
    found = _found("The nursery wrote Mrs N Okonkwo. The form was signed C. A. Okonkwo.")
    assert found == {"Mrs N Okonkwo": "GM", "C. A. Okonkwo": "FA"}


def test_a_first_name_runs_on_past_an_apostrophe_but_not_into_a_clitic():
    found = [(m.text, m.code) for m in find_known_names("Hauwa'u came; Hauwa's son and Hauwa'll stay.", KEY)]
    assert found == [("Hauwa'u", "MO"), ("Hauwa", "MO"), ("Hauwa", "MO")]


def test_a_rank_abbreviation_with_its_stop_goes_with_the_surname():
    assert _found("The referral by Con. Rooney was clear.") == {"Con. Rooney": "PC"}


def test_a_misspelt_first_name_before_a_relatives_surname_is_the_first_names_person():
    found = _found('The record listed the mother as "Hawa Okonkwo". The GP had Hauwa Eze.')
    assert found == {"Hawa Okonkwo": "MO", "Hauwa Eze": "MO"}


def test_a_first_name_before_a_misspelt_family_surname_keeps_its_person():
    assert _found("The police wrote Zainab Okonkwu on the form.") == {"Zainab Okonkwu": "CK"}


def test_the_last_middle_name_with_the_surname_is_a_double_surname_after_a_title():
    found = _found("Her partner Tiago Manuel Pereira Costa attended. Later Mr Pereira Costa declined.")
    assert found == {"Tiago Manuel Pereira Costa": "PA", "Mr Pereira Costa": "PA"}


def _piece(text: str, word: str, source: str, code: str = "") -> Replacement:
    start = text.index(word)
    kind = "PERSON" if source == "known" else "PERSON_UNKNOWN"
    return Replacement(start, start + len(word), word, code, kind, source, "test", 0.8, code=code or None)


def test_a_short_first_name_slip_beside_the_persons_coded_surname_joins_them():
    text = "She wrote down Tiygo Costa."
    pieces = [_piece(text, "Tiygo", "unknown"), _piece(text, "Costa", "known", "PA")]
    [joined] = reconcile(pieces, text, KEY)
    assert (joined.text, joined.code) == ("Tiygo Costa", "PA")
    text = "She wrote down Tyo Costa."  # too short a slip of no keyed word: left as it was
    key = parse_key({"people": [{"code": "PA", "role": "partner", "names": ["Tia Costa"]}]})
    pieces = [_piece(text, "Tyo", "unknown"), _piece(text, "Costa", "known", "PA")]
    assert [r.source for r in reconcile(pieces, text, key)] == ["unknown", "known"]


def test_a_titled_surname_that_sounds_like_one_keyed_adults_is_that_person():
    text = "On Monday Ms McVay referred the family."
    [coded] = reconcile([_piece(text, "Ms McVay", "unknown")], text, KEY)
    assert (coded.code, coded.source) == ("FSW", "known")
    text = "On Monday Mr McVay referred the family."  # the title's gender fits no keyed McVeigh
    [kept] = reconcile([_piece(text, "Mr McVay", "unknown")], text, KEY)
    assert kept.source == "unknown"


# ---------------------------------------------------------------- through the whole pseudonymise step
def _pseudonymised(tmp_path, nlp, text: str):
    from pipeline.deid.names.known import english_lexicon
    from pipeline.deid.pseudonymise import parse_for_key, pseudonymise_report
    from pipeline.ingest import load_report

    path = tmp_path / "draft.txt"
    path.write_text(text, encoding="utf-8")
    report = load_report(path)
    return pseudonymise_report(report, parse_for_key(report, nlp, KEY), KEY, lexicon=english_lexicon(nlp))


def _people(result) -> dict[str, str]:
    return {r.text: r.replacement for r in result.replacements if r.type in ("PERSON", "PERSON_UNKNOWN")}


def test_a_name_the_draft_gives_a_keyed_person_named_in_the_cue(tmp_path, nlp):
    text = 'At the mosque his friends call Chidi "Dimkpa". The imam said Dimkpa always came early.'
    assert [c for t, c in _people(_pseudonymised(tmp_path, nlp, text)).items() if "Dimkpa" in t] == ["FA"]


def test_a_titled_name_of_unlisted_words_keeps_its_ordinary_last_word(tmp_path, nlp):
    text = "The family met an interpreter, Mr Tenzing Norbu Lama, twice.\n\nInterpreting: T. N. Lama\n"
    people = _people(_pseudonymised(tmp_path, nlp, text))
    assert people.get("Tenzing Norbu Lama", people.get("Mr Tenzing Norbu Lama")) == people.get("T. N. Lama")
    assert "Lama" not in [t for t in people if t == "Lama"]


def test_an_initial_that_is_also_a_gaelic_particle_joins_the_unlisted_full_name(tmp_path, nlp):
    text = "The principal, Mr Odhrán Mac Giolla Cheara, attended.\n\n| School | O. Mac Giolla Cheara, principal |\n"
    people = _pseudonymised(tmp_path, nlp, text).replacements
    placeholders = {r.replacement for r in people if "Cheara" in r.text}
    assert len(placeholders) == 1


def test_a_four_word_unlisted_name_is_one_person(tmp_path, nlp):
    text = "The family thanked Mallam Tijjani Usman Dambatta at the centre, who visited them.\n"
    people = [r for r in _pseudonymised(tmp_path, nlp, text).replacements if r.type == "PERSON_UNKNOWN"]
    assert len({r.replacement for r in people}) == 1


def test_initials_in_brackets_after_a_quotation_are_who_said_it():
    key = parse_key({"people": [{"code": "HV", "role": "Health visitor", "names": ["Tegan Pryce"]}]})
    text = '"I should have gone back the next week." (TP)\n\nThe TP form was late.'
    assert [(m.text, m.code) for m in find_known_names(text, key)] == [("TP", "HV")]


def test_an_initial_two_people_share_goes_to_the_parent_in_the_surnames_family():
    key = parse_key(
        {
            "people": [
                {"code": "CK", "role": "Child K, subject of the review", "names": ["Zainab Okonkwo"]},
                {"code": "MO", "role": "Mother", "names": ["Hauwa Eze"]},
                {"code": "FA", "role": "Father", "names": ["Chidi Okonkwo"]},
                {"code": "GM", "role": "Maternal grandmother", "names": ["Halima Obi"]},
            ]
        }
    )
    assert [(m.text, m.code) for m in find_known_names("The form said Mrs H Okonkwo.", key)] == [
        ("Mrs H Okonkwo", "MO")
    ]


def test_two_given_names_run_together_are_the_person():
    key = parse_key({"people": [{"code": "GM", "role": "Grandmother", "names": ["Mei Lin Zhou"]}]})
    assert [(m.text, m.code) for m in find_known_names("Meilin came later.", key)] == [("Meilin", "GM")]


def test_a_slip_of_a_name_keyed_with_a_title_joins_that_person():
    key = parse_key({"people": [{"code": "EDC", "role": "Consultant", "names": ["Dr Tarig Elfadil"]}]})
    text = "Dr Tariq Elfadil saw him."
    [coded] = reconcile([_piece(text, "Dr Tariq Elfadil", "unknown")], text, key)
    assert (coded.code, coded.source) == ("EDC", "known")


def test_a_keyed_first_name_after_an_english_word_in_a_group_name_stays_the_person(tmp_path, nlp):
    text = 'His mother kept the rota in a WhatsApp group called "Team Zainab".\n'
    people = _people(_pseudonymised(tmp_path, nlp, text))
    assert people == {"Zainab": "CK"}


def test_a_vietnamese_name_keyed_family_name_first_gives_the_given_names_forms():
    key = parse_key(
        {
            "people": [
                {"code": "CN", "role": "Child N, the subject", "names": ["Trần Văn Long", "Long"]},
                {"code": "AM", "role": "Aunt", "names": ["Đỗ Thị Mai", "Mai"]},
            ]
        }
    )
    text = 'Records say "Van Long", "Van Tran" and "Tran Van Long"; Mr Tran agreed. Vu Thi Lan is a neighbour.'
    found = [(m.text, m.code) for m in find_known_names(text, key)]
    assert found == [("Van Long", "CN"), ("Van Tran", "CN"), ("Tran Van Long", "CN"), ("Mr Tran", "CN")]


def test_a_keyed_given_name_and_surname_round_unlisted_middle_names_are_the_person():
    key = parse_key({"people": [{"code": "FA", "role": "Father", "names": ["Ahmad Karim Rahimi"]}]})
    text = "The letter was addressed to Karim Gul Rahimi."
    [coded] = reconcile([_piece(text, "Karim Gul Rahimi", "unknown")], text, key)
    assert (coded.code, coded.source) == ("FA", "known")


def test_a_pet_ending_after_the_given_name_or_its_stem_is_the_person():
    key = parse_key(
        {
            "people": [
                {"code": "C2", "role": "Child's half-sister", "names": ["Marta Liepa"]},
                {"code": "P", "role": "Mother's partner", "names": ["Joao Sousa"]},
            ]
        }
    )
    found = [(m.text, m.code) for m in find_known_names("Martiņa cried; Joaozinho left. Martina was a classmate.", key)]
    assert found == [("Martiņa", "C2"), ("Joaozinho", "P")]  # "Martina", unaccented, is a name of its own


def test_an_english_word_before_a_keyed_surname_is_still_a_given_name(tmp_path, nlp):
    text = "Zainab's uncle, Trust Okonkwo, visited on Sunday.\n"
    people = _people(_pseudonymised(tmp_path, nlp, text))
    assert any("Trust" in t for t in people)  # never left in the text


def test_a_parent_of_a_named_child_is_not_taken_for_the_subjects_parent():
    key = parse_key(
        {
            "people": [
                {"code": "CO", "role": "Child O, subject of the review", "names": ["Ona Petraitė"]},
                {"code": "CP", "role": "Child P, aged 5, Child O's half-brother", "names": ["Farai Moyo"]},
                {"code": "FP", "role": "Father of Child P", "names": ["Tawanda Moyo"]},
                {"code": "MO", "role": "Mother of both children", "names": ["Rasa Petraitė"]},
            ]
        }
    )
    from pipeline.deid.names.known import _family_roles

    family = _family_roles(key)
    assert family["parent_of"]["FP"][0] == "child p" and family["child"]["child p"] == "CP"
    assert family["child"][family["parent_of"]["MO"][0]] == "CO"
