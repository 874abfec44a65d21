"""A woman's married title before a name a keyed child carries ("Mrs Tevita" where the children's surname is
their father's given name, Fijian, Ethiopian and Somali style): a married woman's title is no child's, so the
mention is the woman who may be called by that name, the keyed father's partner by the key's roles.  Invented
family only.
"""

from __future__ import annotations

from tests.pseudonymise_text import code_text

FAMILY = [
    {"code": "LC", "role": "Child L", "names": ["Litia Tevita", "Litia"]},
    {"code": "LF", "role": "Child L's father", "names": ["Tevita Ratumaitoga", "Mr Ratumaitoga"]},
    {"code": "LM", "role": "Child L's mother", "names": ["Salote Ratumaitoga", "Salote"]},
]


def test_mrs_before_a_childs_patronymic_surname_is_the_fathers_wife(tmp_path, nlp):
    out = code_text(
        tmp_path,
        "The school wrote to Mrs Tevita about Litia. Litia Tevita was absent.\n",
        {"people": FAMILY},
        nlp,
    ).text
    assert "wrote to LM about LC. LC was absent." in out


SIBLINGS = [
    {"code": "SC", "role": "Child S", "names": ["Sione Ratumaitoga", "Sione"]},
    {"code": "SS", "role": "Child S's sister", "names": ["Litia Tevita", "Litia"]},
    {"code": "SF", "role": "Child S's father", "names": ["Tevita Ratumaitoga", "Tevita", "Mr Ratumaitoga"]},
    {"code": "SM", "role": "Child S's mother", "names": ["Salote Ratumaitoga", "Salote", "Mrs Ratumaitoga"]},
]


def test_mrs_is_no_keyed_childs_title_even_when_the_father_is_keyed_by_the_name(tmp_path, nlp):
    """The key lists the father's given name and the sister carries it as a surname: "Mrs Tevita" is still
    neither of them but the father's wife."""
    out = code_text(
        tmp_path,
        '| School | Litia Ratumaitoga-Tevita | "Mrs Tevita" on the contact sheet | "Mr Tevita" |\n',
        {"people": SIBLINGS},
        nlp,
    ).text
    assert '| SS | "SM" on the contact sheet | "SF" |' in out
