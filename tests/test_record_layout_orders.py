"""Record layouts that write the family name first with no comma: capitals lines ("OKONJO ADAEZE"), airline
passenger lists ("OKONJO/CHIDI MSTR") and passport machine-readable zones ("OKONJO<<EMEKA").  The family name
is shared by relatives, so the matcher codes it as one of them and the given name as its owner: one mention,
two people.  The given name after it says whose line it is.  Invented families only.
"""

from __future__ import annotations

from tests.pseudonymise_text import code_text

FAMILY = [
    {"code": "OC", "role": "Child O", "names": ["Chidi Okonjo", "Chidi"]},
    {"code": "OF", "role": "Child O's father", "names": ["Emeka Okonjo", "Emeka", "Mr Okonjo"]},
    {"code": "OG", "role": "Child O's paternal grandmother", "names": ["Adaeze Okonjo"]},
    {"code": "OM", "role": "Child O's mother", "names": ["Ruth Farrant", "Ms Farrant"]},
]


def _coded(tmp_path, nlp, draft):
    return code_text(tmp_path, draft, {"people": FAMILY}, nlp).text


def test_capitals_family_name_first_is_the_given_names_owner(tmp_path, nlp):
    out = _coded(tmp_path, nlp, "PNC check: OKONJO ADAEZE, no trace. Mr Okonjo was told.\n")
    assert "PNC check: OG, no trace." in out and "OF was told" in out


def test_passenger_list_slash_and_passport_zone(tmp_path, nlp):
    out = _coded(
        tmp_path,
        nlp,
        "Manifest: OKONJO/CHIDI MSTR, FARRANT/RUTH MS. Passport name field: OKONJO<<EMEKA<<<<<<<<.\n",
    )
    assert "Manifest: OC, OM." in out
    assert "Passport name field: OF<<<<<<<<." in out
