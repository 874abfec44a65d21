"""Names the draft itself shows to be names: family words of a language no list has, initials where minutes and
tables put people, word-names used as a person, and `verify --key` pointing at whatever is left of them.

All names, words and sentences are invented for these tests (the family words are made up, so that no list
can know them).
"""

from __future__ import annotations

from pipeline.deid.keyfile import parse_key
from pipeline.deid.names.kin_forms import glossed_words, inferred_prefix_before, prefixes_by_use
from pipeline.deid.names.residue import _draft_evidence
from selu_family import KEY


# ---------------------------------------------------------------- the draft explains a family word
def test_a_quoted_word_the_draft_explains_as_a_relative_or_a_respect_word_is_a_family_word():
    text = (
        'The children call him Wopo Iosefa ("wopo" means uncle). Losa said "kefa" is what the little ones call '
        'an older girl. The word "fine" means nothing here. "Gant" is the Zorvic word for granny.'
    )
    assert glossed_words(text) == {"wopo", "kefa", "gant"}


def test_a_word_standing_before_two_different_names_is_a_family_word_unless_ordinary():
    text = "They visited Zeb Amara and later Zeb Tolu. Dear Ama and Dear Kofi wrote. Zeb Amara came back."
    spans = [(text.index(w), text.index(w) + len(w)) for w in ("Amara", "Tolu", "Ama", "Kofi")]
    ordinary = {"dear"}.__contains__
    assert prefixes_by_use(text, spans, lambda w: ordinary(w.casefold())) == {"zeb"}
    assert inferred_prefix_before(text, spans[0][0], frozenset({"zeb"})) == text.index("Zeb Amara")


def test_a_word_capitalised_only_because_it_opens_sentences_is_no_family_word():
    text = "Whilst Amara was out, the baby cried. Whilst Tolu slept, nobody checked. They saw Zeb Amara and Zeb Tolu."
    spans = [(m, m + len(w)) for w in ("Amara", "Tolu") for m in (text.index(w), text.rindex(w))]
    assert prefixes_by_use(text, spans, lambda w: False) == {"zeb"}


def test_an_explained_family_word_goes_into_the_placeholder_with_the_name(code_draft):
    draft = (
        'Tavita loves Wopo Iosefa ("wopo" means uncle), who taught him to fish. He also talked about '
        "Wopo Rangi, a family friend, who drove the car.\n"
    )
    out = code_draft(KEY, draft)
    assert "Wopo" not in out.replace('"wopo"', "")
    assert "Rangi" not in out
    assert "TU" in out


def test_a_word_before_two_keyed_names_goes_into_their_codes(code_draft):
    out = code_draft(KEY, "At home Tavita speaks of Kwepo Losa and Kwepo Iosefa every day.\n")
    assert "Kwepo" not in out
    assert "TM" in out and "TU" in out


# ---------------------------------------------------------------- initials where minutes and tables put people
def test_keyed_initials_in_an_attendance_list_and_a_staff_column_are_the_people(code_draft):
    draft = (
        "Present: OP (consultant), BC (CSC), GR (health visiting).\n\n"
        "| Date | Staff | Contact |\n|---|---|---|\n"
        "| 02/03/2025 | Ms Rawle | Home visit |\n"
        "| 09/03/2025 | Dr Pryde | Clinic |\n"
        "| 10/03/2025 | BC | Phone call to mother |\n\n"
        "The GR ratio was not recorded.\n"
    )
    out = code_draft(KEY, draft)
    assert "OP" not in out.split("\n")[0] and "BC" not in out and "DR (consultant)" in out
    assert "SWT (CSC)" in out and "HV (health visiting)" in out
    assert "The GR ratio" in out  # after a determiner: a thing


def test_a_lone_capital_closing_a_message_is_its_writer(code_draft):
    out = code_draft(KEY, "> Thanks for the notes. I will ring the school tomorrow. B\n\nThe panel met in May.\n")
    assert "tomorrow. SWT" in out


# ---------------------------------------------------------------- word-names used as a person
def test_a_word_name_of_a_named_person_is_that_person_where_the_sentence_puts_a_person(code_draft):
    draft = (
        "A neighbour, Patience Oduya, rang the police. Nobody knew that Patience lived next door. "
        "The officer showed great patience.\n"
    )
    out = code_draft(KEY, draft)
    assert "that [PERSON-1] lived" in out
    assert "great patience" in out


def test_a_declared_nickname_that_is_a_word_is_the_person_where_used_as_one(code_draft):
    out = code_draft(KEY, "His cousin, whom everyone calls Chess, came round. Chess, as you call him, was kind.\n")
    assert "Chess" not in out


def test_a_keyed_word_name_in_lower_case_before_who_is_the_person(code_draft):
    out = code_draft(KEY, "The nurse spoke to mercy, who agreed. It was a mercy that nobody was hurt.\n")
    assert "spoke to LA, who" in out
    assert "a mercy that" in out


# ---------------------------------------------------------------- verify --key
def test_verify_points_at_what_the_draft_shows_to_be_a_name():
    key = parse_key(__import__("yaml").safe_load(KEY))
    text = (
        'Tavita visits Wopo TU ("wopo" means uncle). The nurse spoke to losa, who agreed. Records say '
        '"Child T SELU" and "SELU, Child T". SUMMARY, Child T.\n> See you at the meeting. G\n'
    )
    found = {(text[s:e], kind) for s, e, kind in _draft_evidence(text, key)}
    assert found == {
        ("Wopo", "family_word"),
        ("losa", "variant"),
        ("SELU", "beside_code"),
        ("G", "initial"),
    }


def test_a_relative_named_with_a_word_is_that_relative_in_brackets_and_as_a_subject(code_draft):
    draft = (
        "Losa's sister lives nearby with her husband and their son, Lucky (aged 9). Her son Lucky told "
        "the teacher he was hungry. The paternal uncle (Lucky) is another person. It was a lucky escape.\n"
    )
    out = code_draft(KEY, draft)
    assert "Lucky" not in out
    assert "a lucky escape" in out


def test_a_capital_after_a_letters_closing_is_its_writer(code_draft):
    out = code_draft(KEY, "Thanks for the chronology, I have added the visit.\n\nKind regards,\nB.\n")
    assert "SWT" in out and "\nB." not in out
