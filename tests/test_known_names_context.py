"""A father and son who share a name, and keyed words inside fixed phrases ("Clare's Law")."""

from __future__ import annotations

from pipeline.deid.keyfile import parse_key
from pipeline.deid.names.known import find_known_names, person_forms

KEY = parse_key(
    {
        "people": [
            {"code": "CJ", "role": "Child J, aged 6", "names": ["Kwabena Asante Junior", "KJ"]},
            {"code": "FJ", "role": "Father of Child J", "names": ["Kwabena Asante", "Mr Asante"]},
            {"code": "MJ", "role": "Mother of Child J", "names": ["Efua Mensah"]},
        ]
    }
)


def _codes(text: str) -> list[tuple[str, str]]:
    return [(text[m.start : m.end], m.code) for m in find_known_names(text, KEY)]


def test_a_generation_suffix_is_no_surname():
    forms = {f.text for f in person_forms(KEY.people[0])}
    assert "Kwabena Asante Junior" in forms and "Asante Junior" not in forms
    assert "Junior" not in forms and "Mr Junior" not in forms


def test_the_bare_shared_first_name_is_the_one_not_marked_junior():
    text = "Kwabena collected KJ from school. Later Kwabena said the boy had been quiet."
    assert _codes(text) == [("Kwabena", "FJ"), ("KJ", "CJ"), ("Kwabena", "FJ")]


def test_the_full_listed_names_still_say_who_is_who():
    text = "Kwabena Asante Junior lives with his mother; Kwabena Asante lives in Leeds."
    assert _codes(text) == [("Kwabena Asante Junior", "CJ"), ("Kwabena Asante", "FJ")]


def test_the_ordinary_word_junior_is_left_alone():
    text = "He moved up to the junior school, where Efua Mensah met the Junior Leader."
    assert _codes(text) == [("Efua Mensah", "MJ")]


def test_a_keyed_first_name_inside_a_fixed_phrase_is_the_phrase_and_the_decision_is_logged():
    key = parse_key({"people": [{"code": "HV", "role": "Health visitor", "names": ["Clare Whitlock"]}]})
    from pipeline.deid.names.known import matcher_for

    text = "Clare told the mother about Clare's Law. A Moses basket was bought."
    found = matcher_for(key).search(text)
    assert [(text[m.start : m.end], m.code) for m in found.matches] == [("Clare", "HV")]
    assert [(k.text, k.reason) for k in found.kept] == [("Clare", "part_of_fixed_phrase")]


def test_a_gendered_word_inside_a_listed_name_tells_two_carers_with_one_surname_apart():
    key = parse_key(
        {
            "people": [
                {"code": "FC1", "role": "Foster carer", "names": ["Gurpreet Kaur Sandhu"]},
                {"code": "FC2", "role": "Foster carer", "names": ["Baljit Singh Sandhu"]},
            ]
        }
    )
    assert [p.gender for p in key.people] == ["female", "male"]
    text = "Mr Sandhu collected her from school; later Mrs Sandhu rang the social worker."
    assert [(text[m.start : m.end], m.code) for m in find_known_names(text, key)] == [
        ("Mr Sandhu", "FC2"),
        ("Mrs Sandhu", "FC1"),
    ]


BENGALI_FAMILY = parse_key(
    {
        "people": [
            {"code": "RM", "role": "Child R's mother", "names": ["Sufia Khanom"]},
            {"code": "RF", "role": "Child R's father", "names": ["Abdul Hannan Miah"]},
        ]
    }
)


def test_a_family_word_alone_names_the_one_keyed_relative_it_means_but_not_when_spoken_to():
    text = 'Amma cooked every evening. Child R told us: "Amma, I am scared." Abba was working nights.'
    found = [(text[m.start : m.end], m.code) for m in find_known_names(text, BENGALI_FAMILY)]
    assert found == [("Amma", "RM"), ("Abba", "RF")]
