"""Words that are no person in shapes drafts of other house styles use (issue 12; all text fictional): a group or
session named with a keyed first name, a rating column's cells, a quoted greeting, a lower-case word after a
name that is English in another form, a denomination, and a venue below a signature's role line."""

from __future__ import annotations

import pytest

from pipeline.deid.names.unknown import _column_scale_values
from pipeline.deid.place_names import group_names
from pipeline.deid.recognizers.tables import column_cells
from pseudonymise_text import code_text


def _groups(text: str) -> list[str]:
    return [text[s:e] for s, e in group_names(text)]


@pytest.mark.parametrize(
    "text, name",
    [
        ("Mum came to the Robin Song baby group on Monday.", "Robin Song"),
        ('She joined the "Cwtch" group for service wives.', "Cwtch"),
        ("| 04/03 | Tiny Tunes music session | RM |", "Tiny Tunes"),
        ("The Heather Acorns stay-and-play session was full.", "Heather Acorns"),
    ],
)
def test_a_group_named_before_its_kind_is_a_name(text, name):
    assert name in _groups(text)


@pytest.mark.parametrize(
    "text",
    [
        "Seen by Heather Smith in group on Monday.",  # an English surname, and no name before "group"
        "Mrs Robin Song group notes were late.",  # a title first: a person
        "Heather group was cancelled.",  # one bare word: no evidence
        "The Heather Baker group met weekly.",  # "Baker" is a surname too
    ],
)
def test_people_before_a_group_word_are_no_group_name(text):
    assert _groups(text) == []


def test_a_rating_column_declares_its_values():
    header = "| Term | Pupil | RAG | Nurse |\n|---|---|---|---|\n"
    table = header + "| Sep | Iwona | Green | JB |\n| Jan | Iwona | Amber | JB |\n"
    assert _column_scale_values(table) == {"Green", "Amber"}
    raters = "| Date | Rated by |\n|---|---|\n| Sep | Amber |\n"
    assert _column_scale_values(raters) == frozenset()
    assert column_cells(table, lambda h: h == "Nurse") == ["JB", "JB"]


KEY = {
    "people": [
        {"code": "FSW", "role": "Family support worker", "names": ["Robin Halloran", "Ms Halloran", "Robin"]},
        {"code": "MM", "role": "Child M's mother", "names": ["Marisol Duarte", "Marisol"]},
    ]
}

DRAFT = """Family centre log (extract)

| Week | Session | Seen | RAG | Worker |
|---|---|---|---|---|
| 1 | Robin Song baby group | Marisol | Green | Robin |
| 2 | Robin Song baby group | Marisol | Amber | Robin |

Marisol said "Kumusta" to another mum and they laughed. She said "Mabuhay" means welcome.
Message from Marisol: "Thank you Robin and Ms Halloran lol you are the same person."
Marisol brighter today. Marisol calmer after the call.
A priest of the Armenian Orthodox Church visited the family.

Robin Halloran
Family Support Worker
Larchfield Children's Centre
"""


@pytest.fixture(scope="module")
def coded(tmp_path_factory, nlp, analyzer):
    return code_text(tmp_path_factory.mktemp("draft"), DRAFT, KEY, nlp, analyzer).text


def test_a_group_named_with_a_keyed_first_name_stays(coded):
    assert coded.count("Robin Song baby group") == 2
    assert "| Marisol |" not in coded and "| FSW |" in coded  # the people are still coded


def test_rating_cells_stay(coded):
    assert "| Green |" in coded and "| Amber |" in coded


def test_a_quoted_greeting_or_glossed_word_stays(coded):
    assert 'said "Kumusta" to another mum' in coded
    assert '"Mabuhay" means welcome' in coded


def test_a_word_after_a_titled_name_or_an_english_comparative_stays(coded):
    assert "FSW lol you are" in coded
    assert "MM brighter today" in coded
    assert "MM calmer after" in coded


def test_a_denomination_is_no_venue(coded):
    assert "the Armenian Orthodox Church visited" in coded


def test_a_venue_below_a_role_line_is_replaced_whole(coded):
    assert "Family Support Worker\n" in coded
    assert "Larchfield" not in coded


GEN_KEY = {"people": [{"code": "PGM", "role": "Paternal grandmother", "names": ["Nino Abashidze", "Mrs Abashidze"]}]}


def test_a_generation_word_leaves_the_sentence_full_stop(tmp_path, nlp, analyzer):
    draft = "I have also considered the role of Mrs Abashidze senior. I spoke to her. Mrs Abashidze Snr. agreed.\n"
    coded = code_text(tmp_path, draft, GEN_KEY, nlp, analyzer).text
    assert "the role of PGM. I spoke" in coded
    assert "PGM agreed" in coded


def test_an_irregular_plural_opening_a_list_item_is_no_person(tmp_path, nlp, analyzer):
    draft = "Notes for the reader:\n\n- Women in Georgia often take the surname of the husband.\n- Men rarely do.\n"
    coded = code_text(tmp_path, draft, GEN_KEY, nlp, analyzer).text
    assert "- Women in Georgia" in coded and "- Men rarely" in coded


def test_a_hyphened_part_after_a_titled_name_stays_in_the_name(tmp_path, nlp, analyzer):
    draft = "Most meetings were with an interpreter, Mrs Pak Su-yeon. Later Mrs Pak interpreted again.\n"
    coded = code_text(tmp_path, draft, GEN_KEY, nlp, analyzer).text
    assert "yeon" not in coded
