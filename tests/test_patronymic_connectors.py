"""A patronymic connector ("binti", "ap", "a/l") joins a person's own name to a parent's: one person (#12)."""

from __future__ import annotations

KEY = """
people:
  - {code: CH, role: "The subject child", names: [Mei Ling Osman, Mei Ling]}
  - {code: FA, role: "Child's father", names: [Rashid bin Karim, Mr Rashid]}
  - {code: SW, role: social worker, names: [Bethan Lloyd, Ms Lloyd]}
"""


def test_a_keyed_given_name_then_a_connector_and_the_fathers_name_is_the_child(code_draft):
    text = code_draft(KEY, "Her passport reads Mei Ling binti Rashid, and Ms Lloyd checked it.\n")
    assert "reads CH, and SW checked it." in text
    assert "binti" not in text


def test_an_unlisted_name_with_a_connector_gets_one_placeholder(code_draft):
    text = code_draft(KEY, "The lodger, Hakim Hassan Noor bin Rashid, collected her twice.\n")
    assert "bin" not in text.split("lodger,")[1].split(",")[0]
    assert text.count("[PERSON-") == 1


def test_the_fathers_own_listed_name_still_is_the_father(code_draft):
    text = code_draft(KEY, "Rashid bin Karim works nights; Mei Ling stays with her aunt.\n")
    assert text.startswith("FA works nights; CH stays")


def test_a_record_surname_slot_holding_the_fathers_name_is_the_given_names_person(code_draft):
    text = code_draft(KEY, 'The school system listed her as "RASHID, Mei Ling" in 2023.\n')
    assert 'listed her as "CH" in 2023.' in text


def test_a_list_of_initials_then_a_given_name_is_no_record(code_draft):
    key = KEY + "  - {code: HV, role: health visitor, names: [Esme Sutcliffe]}\n"
    text = code_draft(key, "Present: ES, Mei Ling and her teacher.\n")
    assert text.startswith("Present: HV, CH and")
