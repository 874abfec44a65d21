"""Issue 12, set 18: one person's name in another language's spelling or form (all names fictional).

- a draft that names the family's Central European or East Slavic language compares the family's keyed names
  with the draft's words once German or another romanisation's letters are written one way ("Sobtschak" of a
  keyed Sobczak, "Tkatschuk" of Tkachuk); without the language named, they stay apart;
- a given name in another language's form ("Simon" of Szymon) is the keyed person only where the draft writes
  it before that person's surname in some spelling; alone and never so tied, it may be anybody;
- a title and a slip of a surname the whole family carries is the one person the key lists with that title;
- a name an identity document of hers or his holds ("her old passport reads ...") is that person's;
- a name in another language's forms, its surname without the family's ending ("Nadia Halil" of a declared
  Nadezhda Halilova), is that person, not a second identity;
- a German form of address ("Frau", "Herr") is a title of the name after it, not a second person.
"""

from __future__ import annotations

from pipeline.deid.keyfile import parse_key
from pipeline.deid.names.known import find_known_names
from pipeline.deid.names.reconcile import reconcile
from pipeline.deid.pseudonymise import Replacement

POLISH = parse_key(
    {
        "people": [
            {"code": "CS", "role": "Child S, the subject", "names": ["Szymon Sobczak", "Szymon"]},
            {"code": "SM", "role": "Child S's mother", "names": ["Halina Sobczak", "Mrs Sobczak"]},
            {"code": "SG", "role": "Child S's grandmother", "names": ["Wanda Sobczak"]},
            {"code": "SS", "role": "Child S's sister", "names": ["Ewelina Sobczak", "Ewelina"]},
            {"code": "SW", "role": "Social worker", "names": ["Colin Ashby"]},
        ]
    }
)
UKRAINIAN = parse_key(
    {
        "people": [
            {"code": "CT", "role": "Child T, the subject", "names": ["Taras Tkachuk", "Taras"]},
            {"code": "TF", "role": "Child T's father", "names": ["Bohdan Tkachuk", "Mr Tkachuk"]},
        ]
    }
)
TURKISH = parse_key(
    {
        "people": [
            {"code": "CE", "role": "Child E, the subject", "names": ["Emre Ozturkov", "Emre"]},
            {"code": "GM", "role": "Maternal grandmother", "names": ["Saniye Ibryamova"]},
        ]
    }
)


def _codes(text: str, surface: str, key=POLISH) -> list[str]:
    return [m.code for m in find_known_names(text, key) if m.text == surface]


def test_a_german_spelling_of_a_polish_surname_is_the_family_name():
    text = "The family are Polish. Szymon was seen. A German court letter names Simon Sobtschak and his father."
    assert _codes(text, "Simon Sobtschak") == ["CS"]


def test_without_the_language_named_the_german_spelling_stays_apart():
    text = "Szymon was seen. A court letter names Simon Sobtschak and his father."
    assert _codes(text, "Simon Sobtschak") == []


def test_a_russian_romanisation_in_german_letters_is_the_same_surname():
    text = "The family are Ukrainian. Taras is seven. The Leipzig office wrote to Bohdan Tkatschuk in 2021."
    assert _codes(text, "Bohdan Tkatschuk", UKRAINIAN) == ["TF"]


def test_another_languages_form_of_a_given_name_is_the_person_where_the_draft_ties_it():
    text = (
        "The family are Polish. Szymon was seen. The German school held him as Simon Sobtschak. "
        "Later Simon told the teacher he was hungry."
    )
    found = {m.text: m.code for m in find_known_names(text, POLISH)}
    assert found.get("Simon") == "CS"  # the lone form, tied by the full name earlier


def test_another_languages_form_never_tied_to_the_surname_is_nobodys():
    text = "The family are Polish. Szymon was seen. Simon, a neighbour, said he heard shouting."
    assert _codes(text, "Simon") == []


def test_a_title_and_a_slip_of_the_shared_surname_is_the_one_person_keyed_with_that_title():
    text = "The family are Polish. Szymon and Ewelina were seen. The GP letter went to Mrs Sobczakk at home."
    assert _codes(text, "Mrs Sobczakk") == ["SM"]


def test_a_name_an_identity_document_holds_is_its_holders():
    text = (
        "The grandmother, Wanda Sobczak, came from Gdynia in 2019. Her old passport, which she still carries, "
        "reads Bronisława Sobczak. Bronisława was the name on the bus pass."
    )
    found = [(m.text, m.code) for m in find_known_names(text, POLISH)]
    assert ("Bronisława Sobczak", "SG") in found and ("Bronisława", "SG") in found


def _piece(text: str, word: str, source: str, code: str = "", rule: str = "test") -> Replacement:
    start = text.index(word)
    kind = "PERSON" if source == "known" else "PERSON_UNKNOWN"
    return Replacement(start, start + len(word), word, code, kind, source, rule, 0.8, code=code or None)


def test_a_short_form_and_the_surname_without_its_ending_are_the_declared_persons():
    text = "Her old card reads Nadezhda Ibryamova. The front sheet lists Nadia Ibryam, Bulgaria."
    declared = _piece(text, "Nadezhda Ibryamova", "known", "GM", rule="alias+surname")
    pieces = [declared, _piece(text, "Nadia Ibryam", "unknown")]
    last = reconcile(pieces, text, TURKISH)[-1]
    assert (last.text, last.code, last.source) == ("Nadia Ibryam", "GM", "known")
    declared.rule = "surname"  # Nadezhda never declared hers: "Nadia Ibryam" may be a relative
    assert reconcile(pieces, text, TURKISH)[-1].source == "unknown"


def test_a_german_form_of_address_is_a_title_of_the_name_after_it():
    key = parse_key({"people": [{"code": "JA", "role": "Jugendamt officer", "names": ["Sabine Kessler"]}]})
    text = "The reply was signed: Frau S. Kessler, Jugendamt."
    found = [(m.text, m.code) for m in find_known_names(text, key)]
    assert ("Frau S. Kessler", "JA") in found


def test_a_one_word_declared_name_draws_no_slips_to_its_person():
    text = "The children call her Nanija. Later Nanij and Mr Nanija came."
    pet = _piece(text, "Nanija", "known", "GM", rule="alias")
    [_, slip] = reconcile([pet, _piece(text, "Nanij", "unknown")], text, TURKISH)
    assert slip.source == "unknown"
