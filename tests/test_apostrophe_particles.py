"""An Irish particle the key writes apart ("Ó Riordáin") is written glued with an apostrophe in English
records ("Dr O'Riordain"): the same person (#12)."""

from __future__ import annotations

from pipeline.deid.keyfile import parse_key
from pipeline.deid.names.known import find_known_names

KEY = parse_key(
    {
        "people": [
            {"code": "GP", "role": "GP", "names": ["Dr Orla Ó Fearghail", "Dr Ó Fearghail"]},
            {"code": "HV", "role": "Health visitor", "names": ["Maeve Ní Bhriain"]},
        ]
    }
)


def _codes(text: str) -> list[tuple[str, str]]:
    return [(text[m.start : m.end], m.code) for m in find_known_names(text, KEY)]


def test_the_apostrophe_form_with_a_title_and_without_accents_is_the_keyed_person():
    text = "Printouts show Dr O'Fearghail and Dr O’Fearghail; Orla O'Fearghail signed."
    assert _codes(text) == [("Dr O'Fearghail", "GP"), ("Dr O’Fearghail", "GP"), ("Orla O'Fearghail", "GP")]


def test_a_particle_without_an_apostrophe_form_gets_none():
    text = "Records show N'Bhriain once."
    assert ("N'Bhriain", "HV") not in _codes(text)
