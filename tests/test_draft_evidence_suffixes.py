"""Forms of address written AFTER a given name in a language no list has, and short title abbreviations before
a name, as the draft itself shows them (kin_forms.suffixes_by_use, pseudonymise._take_forms_of_address).

All names and the address words are invented for these tests (made up, so that no list can know them).
"""

from __future__ import annotations

from pipeline.deid.names.kin_forms import inferred_suffix_end, suffixes_by_use
from selu_family import KEY


def _spans(text: str, *names: str) -> list[tuple[int, int]]:
    out = []
    for name in names:
        at = text.find(name)
        while at >= 0:
            out.append((at, at + len(name)))
            at = text.find(name, at + 1)
    return out


def test_a_word_after_two_different_names_is_a_form_of_address_unless_a_surname():
    text = "Tavita visits Losa Vemba and Iosefa Vemba. Kiri Orlo and Mata Orlo came. Mrs Orlo stayed."
    spans = _spans(text, "Losa", "Iosefa", "Kiri", "Mata", "Tavita")
    assert suffixes_by_use(text, spans, lambda w: False) == {"vemba"}  # Orlo is written after Mrs: a surname
    end = text.index("Losa") + len("Losa")
    assert inferred_suffix_end(text, end, frozenset({"vemba"})) == end + len(" Vemba")


def test_a_lower_case_word_after_a_name_is_one_unless_english_or_a_verb():
    text = "Losa pemwi helped. Kiri attended and Mata smiled."
    spans = _spans(text, "Losa", "Kiri", "Mata")
    english = frozenset({"helped", "attend", "smile", "and"})
    verbs = {text.index("attended"), text.index("smiled")}
    assert suffixes_by_use(text, spans, lambda w: False, lambda w, at: at not in verbs, english) == {"pemwi"}


def test_a_word_only_ever_after_a_keyed_given_name_is_one_a_surname_written_alone_is_not():
    text = "Tavita Pemu was happy. Losa Garrow came. Garrow said nothing."
    spans = _spans(text, "Tavita", "Losa")
    assert suffixes_by_use(text, spans, lambda w: False, given=frozenset({"tavita", "losa"})) == {"pemu"}


def test_the_form_of_address_goes_with_a_keyed_name_into_its_code(code_draft):
    out = code_draft(KEY, "At home Losa Vemba cooked while Iosefa Vemba read. Tavita pemwi was asleep.\n")
    assert "Vemba" not in out and "pemwi" not in out
    assert "TM cooked" in out and "TU read" in out and "Child T was asleep" in out


def test_an_unlisted_person_with_a_form_of_address_is_the_same_placeholder(code_draft):
    draft = (
        "The neighbour Kiri Dalvo and her sister Mata Dalvo helped. Later Kiri Ospen, the neighbour, "
        "rang again. Mata Ospen came too.\n"
    )
    out = code_draft(KEY, draft)
    assert "Ospen" not in out
    first = out.split("The neighbour ")[1].split(" ")[0]
    assert f"Later {first}, the neighbour" in out


def test_a_short_title_abbreviation_before_a_name_goes_with_it(code_draft):
    out = code_draft(KEY, "The letter was signed by Brv. Anselo Kutari, the chaplain, and read out.\n")
    assert "Brv" not in out and "Kutari" not in out


def test_a_family_word_before_an_unlisted_given_name_is_no_name_word_when_grouping(code_draft):
    draft = "The lodger, Kiri Dalvoran, paid rent. The children called him Uncle Kiri. Kiri Dalvoran left in May.\n"
    out = code_draft(KEY, draft)
    assert "Kiri" not in out and "Dalvoran" not in out
    assert out.count("[PERSON-1]") == 3 and "[PERSON-2]" not in out


def test_group_mentions_ignores_address_words():
    from pipeline.deid.names.unknown import NameCandidate, group_mentions

    text = "Kiri Dalvoran came. Kiri Hanem rang."
    cands = [NameCandidate(0, 13, "Kiri Dalvoran", "ner", 0.9), NameCandidate(20, 30, "Kiri Hanem", "ner", 0.9)]
    assert text[20:30] == "Kiri Hanem"
    assert len(group_mentions(cands)) == 2
    assert len(group_mentions(cands, frozenset({"hanem"}))) == 1


def test_a_word_after_a_name_that_a_title_also_precedes_is_a_surname_not_an_address(code_draft):
    draft = "Losa Pelkin and Iosefa Pelkin moved in. Ms Pelkin signed the tenancy.\n"
    out = code_draft(KEY, draft)
    assert "Pelkin" not in out  # still coded, but as a surname: each keyed person keeps their own code
    assert "TM" in out and "TU" in out
