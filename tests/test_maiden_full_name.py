"""Issue 12, set 18: a keyed given name with the birth surname a maiden-name cue declares ("her maiden name,
Halina Brzezinska") is that person's full name wherever the two stand together; the surname alone stays her
birth family's (pipeline/deid/names/links.py `_declared_maiden_full_names`).  All names are invented."""

from __future__ import annotations

from pseudonymise_text import code_text

KEY = {
    "people": [
        {"code": "Child A", "role": "the subject child", "names": ["Milena Kowalczyk", "Milena"]},
        {"code": "M", "role": "Child A's mother", "names": ["Halina Kowalczyk", "Mrs Kowalczyk"]},
    ]
}
DRAFT = (
    "After the separation Mrs Kowalczyk used her maiden name, Halina Brzezinska, on the school forms.\n"
    "Letters to Halina Brzezinska went unanswered. Her brother, Marek Brzezinska, collected Milena.\n"
)


def test_given_name_and_declared_maiden_surname_are_one_mention_of_her(tmp_path, nlp):
    result = code_text(tmp_path, DRAFT, KEY, nlp)
    assert "her maiden name, M, on" in result.text
    assert "Letters to M went" in result.text
    assert "Brzezinska" not in result.text


def test_the_maiden_surname_with_another_given_name_is_not_hers(tmp_path, nlp):
    result = code_text(tmp_path, DRAFT, KEY, nlp)
    brother = [r for r in result.replacements if "Marek" in r.text]
    assert brother and all(r.code != "M" for r in brother)
