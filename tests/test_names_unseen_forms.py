"""Issue 12: forms of keyed names that drafts nobody tuned on still left or gave a second identity (all
names fictional).

A keyed given name with a tail of any language glued on ("Ravindrabhai", "Lissymol"); a given name with its
first letter dropped ("Delina" of Adelina) or written without a foreign first letter ("Sofia" of Zsofia) that
would otherwise become a new [PERSON-n]; an honorific of no listed language before a keyed given name ("Daada
Kadie"); a name a cue declares that is a derived form of a keyed person ('called her "Zsofika"'); "Fr" as a
priest's title; and "Mrs <surname>" when a keyed grandmother carries the surname and the keyed mother is the
partner of the keyed man who does.
"""

from __future__ import annotations

from pipeline.deid.keyfile import parse_key
from pipeline.deid.names.derived import KeyedWord, classify
from pipeline.deid.names.known import find_known_names
from pipeline.deid.names.reconcile import reconcile
from pipeline.deid.pseudonymise import Replacement
from pipeline.lexicon import title_genders

KEY = parse_key(
    {
        "people": [
            {"code": "CB", "role": "Child B, subject of the review", "names": ["Adelina Turay", "Adelina"]},
            {"code": "BM", "role": "Child B's mother", "names": ["Lissy Mensah", "Lissy", "Ms Mensah"]},
            {"code": "BF", "role": "Child B's father", "names": ["Ravindra Turay", "Ravindra", "Mr Turay"]},
            {"code": "PGM", "role": "Paternal grandmother", "names": ["Kadie Turay", "Mrs Kadie Turay"]},
            {"code": "FP", "role": "Father's partner", "names": ["Zsofia Bartok", "Zsofia"]},
        ]
    }
)


def _forms(word: str) -> set[str]:
    keyed = [KeyedWord(c, w, w.casefold(), True) for c, w in (("BF", "Ravindra"), ("BM", "Lissy"), ("CB", "Adelina"))]
    return {code for code, _, _ in classify(word, keyed)}


def test_a_keyed_given_name_with_a_short_tail_glued_on_is_that_person():
    assert _forms("Ravindrabhai") == {"BF"}
    assert _forms("Lissymol") == {"BM"}


def test_a_glued_tail_never_takes_a_listed_name_or_an_english_word():
    keyed = [KeyedWord("X", "Paul", "paul", True), KeyedWord("Y", "Mark", "mark", True)]
    assert classify("Paulette", keyed) == []  # a name of its own
    assert classify("Marketing", keyed) == []  # a word


def test_a_given_name_with_its_first_letter_dropped_is_that_person():
    assert _forms("Delina") == {"CB"}
    assert classify("Sofia", [KeyedWord("FP", "Zsofia", "zsofia", True)]) == [("FP", "Zsofia", "short_form")]


def test_two_dropped_letters_never_make_a_listed_name_a_form():
    assert classify("Anna", [KeyedWord("X", "Joanna", "joanna", True)]) == []


def _piece(text: str, word: str, source: str, code: str = "") -> Replacement:
    start = text.index(word)
    kind = "PERSON" if source == "known" else "PERSON_UNKNOWN"
    return Replacement(start, start + len(word), word, code or "[PERSON-1]", kind, source, "t", 0.8, code=code or None)


def test_an_unlisted_word_that_is_a_clipped_keyed_given_name_gets_no_second_identity():
    text = 'The social worker wrote "Zsofia Bartok" and, a week later, "Sofia".'
    [coded] = reconcile([_piece(text, "Sofia", "unknown")], text, KEY)
    assert (coded.source, coded.code) == ("known", "FP")


def test_an_unlisted_honorific_before_a_keyed_given_name_goes_with_it_into_the_code():
    text = "At the mosque she is called Daada Kadie by everyone."
    pieces = [_piece(text, "Daada", "unknown"), _piece(text, "Kadie", "known", "PGM")]
    [joined] = reconcile(pieces, text, KEY)
    assert (joined.text, joined.code) == ("Daada Kadie", "PGM")


def test_a_listed_first_name_before_a_keyed_given_name_is_not_taken_as_an_honorific():
    text = "Her cousin Mary Kadie visited."
    pieces = [_piece(text, "Mary", "unknown"), _piece(text, "Kadie", "known", "PGM")]
    assert [r.source for r in reconcile(pieces, text, KEY)] == ["unknown", "known"]


def test_a_declared_name_that_is_a_form_of_a_keyed_person_is_that_persons_not_the_nearest():
    text = 'Adelina learned Hungarian from her partner and called her "Zsofika", the pet form Zsofia used.'
    found = {m.text: m.code for m in find_known_names(text, KEY)}
    assert found.get("Zsofika") == "FP"


def test_fr_is_a_male_title():
    assert title_genders()["Fr"] == "male"


def test_mrs_and_a_shared_surname_goes_to_the_woman_the_sentence_names_and_is_logged():
    text = 'The surgery recorded the mother as "Mrs Turay". The school named the grandmother "Mrs Turay".'
    first = text.index("Mrs Turay")
    second = text.index("Mrs Turay", first + 1)
    pieces = [
        Replacement(s, s + 9, "Mrs Turay", "PGM", "PERSON", "known", "title_surname", 0.9, code="PGM")
        for s in (first, second)
    ]
    mother, grandmother = reconcile(pieces, text, KEY)
    assert (mother.code, grandmother.code) == ("BM", "PGM")
    assert mother.ambiguous and set(mother.candidates) == {"PGM", "BM"}
    assert grandmother.ambiguous


def test_mrs_and_a_shared_surname_without_a_family_word_keeps_the_matchers_choice():
    text = "Mrs Turay came to the meeting."
    [r] = reconcile([Replacement(0, 9, "Mrs Turay", "PGM", "PERSON", "known", "t", 0.9, code="PGM")], text, KEY)
    assert r.code == "PGM" and r.ambiguous


def test_a_quoted_name_given_to_a_role_word_is_the_one_keyed_person_of_that_role():
    text = 'Lissy said the family called the grandmother "Daadee" and that "whatever Daadee wants, happens".'
    found = [(m.text, m.code) for m in find_known_names(text, KEY)]
    assert [c for w, c in found if w == "Daadee"] == ["PGM", "PGM"]


def test_a_role_word_two_keyed_people_share_names_nobody():
    text = 'The children called the grandmother "Daadee".'
    key = parse_key(
        {
            "people": [
                {"code": "MGM", "role": "Maternal grandmother", "names": ["Ama Boateng"]},
                {"code": "PGM", "role": "Paternal grandmother", "names": ["Efua Mensah"]},
            ]
        }
    )
    assert not [m for m in find_known_names(text, key) if m.text == "Daadee"]


def test_a_family_word_of_another_language_given_in_quotes_is_a_name():
    text = 'Lissy lives nearby. The children called her "Kunjamma" at home. Kunjamma came to every visit.'
    found = [(m.text, m.code) for m in find_known_names(text, KEY)]
    assert [c for w, c in found if w == "Kunjamma"] == ["BM", "BM"]


def _signs(nlp, text: str) -> list[str]:
    from pipeline.deid.codes import _person_evidence

    doc = nlp(text)
    return [t.text for t in doc if "signs off a note" in _person_evidence(t, lambda _t: False)]


def test_capitals_alone_after_a_finished_sentence_at_a_lines_end_sign_a_note(nlp):
    assert _signs(nlp, "Spoke to dad at pick-up. No further concern. TG\n\nNext entry.") == ["TG"]
    assert _signs(nlp, 'The note signed "RB" was filed.') == ["RB"]
    assert _signs(nlp, "The CAMHS team saw him twice.\n") == []


def test_a_glued_form_before_a_family_word_is_a_genitive_and_not_the_named_person():
    text = "He told the nurse that Adelinani mummy was kind to him."
    assert [m.code for m in find_known_names(text, KEY) if m.text.startswith("Adelinani")] == []


def test_a_glued_english_word_or_place_ending_makes_a_place_not_a_form():
    assert classify("Lissybank", [KeyedWord("BM", "Lissy", "lissy", True)]) == []
    assert classify("Ravindraton", [KeyedWord("BF", "Ravindra", "ravindra", True)]) == []
