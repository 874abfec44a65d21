"""`pseudonymise_report` on a small fictional draft: codes, placeholders, no name left."""

from __future__ import annotations

import re

import pytest

from pipeline.deid.keyfile import parse_key
from pipeline.deid.names.known import english_lexicon
from pipeline.deid.pseudonymise import Replacement, parse_for_key, pseudonymise_report, resolve
from pipeline.ingest import load_report

DRAFT = """Serious Case Review in the Case of Child L

1 Introduction

Jade Kershaw is the mother of Child L. Jade's partner Dean Holt moved in during May 2017. Ms Kershaw told the health visitor, Priya Natarajan, that Dean had left. EM said nothing more.

The social worker, Sam Wood-Hart, visited on 3rd May 2017. Later Priya said that Ms Natarajan had not been told. Her NHS number is 943 476 5919 and she could be reached on 07700 900123 or at jade.kershaw84@example.co.uk. The family lived at 12 Rose Street, Stockport SK4 1AA.

KPE 4 Dean Holt Visit on 4th June: JADE’S flat was cold and the Holts' car had gone.
"""  # noqa: E501

KEY = {
    "people": [
        {"code": "EM", "role": "Child L's mother", "names": ["Jade Kershaw", "Jade"]},
        {"code": "EF", "role": "Child L's father", "names": ["Dean Holt"]},
        {"code": "ESW", "role": "Social Worker for Child L", "names": ["Sam Wood-Hart"]},
    ]
}
REAL_WORDS = ["Jade", "Kershaw", "Dean", "Holt", "Holts", "Sam", "Wood", "Hart", "Priya", "Natarajan"]


@pytest.fixture(scope="module")
def coded(tmp_path_factory, nlp):
    from pipeline.deid.recognizers import build_analyzer

    path = tmp_path_factory.mktemp("draft") / "draft.txt"
    path.write_text(DRAFT, encoding="utf-8")
    report = load_report(path)
    key = parse_key(KEY)
    doc = parse_for_key(report, nlp, key)
    return pseudonymise_report(report, doc, key, analyzer=build_analyzer(nlp), lexicon=english_lexicon(nlp))


def test_no_real_name_is_left(coded):
    for word in REAL_WORDS:
        assert not re.search(rf"(?i)\b{word}\b", coded.text), word


def test_known_names_become_codes_keeping_possessives(coded):
    text = coded.text
    assert "EM is the mother of Child L. EM's partner EF moved in during May 2017." in text
    assert "EM told the health visitor" in text  # "Ms Kershaw" -> EM, title and all
    assert "The social worker, ESW, visited" in text  # hyphenated name
    assert "EM’S flat" in text and "the EFs' car" in text  # all caps + curly possessive; plural possessive
    assert "KPE 4 EF Visit on 4th June" in text  # a full name is not swallowed by an address shape


def test_codes_already_in_the_draft_are_untouched(coded):
    assert "EM said nothing more." in coded.text
    assert all(r.text != "EM" for r in coded.replacements)


def test_unlisted_person_gets_one_placeholder_for_every_mention(coded):
    (person,) = coded.unplaced
    assert person.placeholder == "[PERSON-1]"
    assert person.mentions == 3
    assert "the health visitor, [PERSON-1], that EF had left" in coded.text
    assert "Later [PERSON-1] said that [PERSON-1] had not been told" in coded.text  # "Ms Natarajan": title taken too


def test_identifiers_become_typed_placeholders(coded):
    text = coded.text
    assert "Her NHS number is [NHS_NUMBER]" in text
    assert "reached on [PHONE] or at [EMAIL]." in text  # the e-mail is replaced whole, name and all
    assert "The family lived at [ADDRESS] [POSTCODE]." in text  # street and town are one address
    assert "3rd May 2017" in text  # an event date is not a date of birth


def test_replacements_carry_offsets_rule_and_confidence(coded):
    for r in coded.replacements:
        assert DRAFT[r.start : r.end] == r.text
        assert coded.text[r.out_start : r.out_end] == r.replacement
        assert r.rule and 0 < r.confidence <= 1
    known = [r for r in coded.replacements if r.source == "known"]
    assert {r.code for r in known} == {"EM", "EF", "ESW"}


def test_ambiguous_forms_are_logged():
    report_text = "Jade Kershaw and Carol Kershaw attended. Later Mrs Kershaw left.\n"
    key = parse_key(
        {
            "people": [
                {"code": "EM", "role": "mother", "names": ["Jade Kershaw"]},
                {"code": "EMGM", "role": "maternal grandmother", "names": ["Carol Kershaw"]},
            ]
        }
    )

    class R:  # the minimal report a caller without ingest can pass
        text = report_text
        metadata = None

        @staticmethod
        def codes():
            return []

    result = pseudonymise_report(R, None, key)
    assert result.text == "EM and EMGM attended. Later EMGM left.\n"
    (amb,) = result.ambiguous
    assert amb.text == "Mrs Kershaw" and set(amb.candidates) == {"EM", "EMGM"} and amb.resolved_by == "nearest"


def test_policy_allowed_names_are_kept(tmp_path, nlp):
    path = tmp_path / "d.txt"
    path.write_text("The chair, Ruth Ellery, met Jade Kershaw.\n", encoding="utf-8")
    report = load_report(path)
    key = parse_key(KEY)
    doc = parse_for_key(report, nlp, key)
    kept = pseudonymise_report(report, doc, key, policy={"allowed_names": ["Ruth Ellery"]})
    assert kept.text == "The chair, Ruth Ellery, met EM.\n"
    coded = pseudonymise_report(report, doc, key)
    assert "Ruth" not in coded.text and "Ellery" not in coded.text


def test_resolve_prefers_known_names_and_trims_unknown_spans():
    text = "Jade Smith left"
    known = Replacement(0, 4, "Jade", "EM", "PERSON", "known", "first_name", 0.9, code="EM")
    unknown = Replacement(0, 10, "Jade Smith", "", "PERSON_UNKNOWN", "unknown", "ner", 0.85)
    kept = resolve([unknown, known], text)
    assert [(r.text, r.source) for r in kept] == [("Jade", "known"), ("Smith", "unknown")]


def test_an_email_holding_a_name_is_replaced_whole():
    text = "at jade.kershaw@example.com today"
    known = Replacement(3, 7, "jade", "EM", "PERSON", "known", "first_name", 0.9, code="EM")
    email = Replacement(3, 27, "jade.kershaw@example.com", "[EMAIL]", "EMAIL", "structured", "email", 0.9)
    assert [r.type for r in resolve([known, email], text)] == ["EMAIL"]


def test_parse_for_key_gives_one_doc_over_the_exact_text(tmp_path, nlp):
    from pipeline.nlp import paragraph_chunks

    body = "\n\n".join(f"Paragraph {i}. EMGF visited Jade Kershaw at home. She was out." for i in range(200))
    path = tmp_path / "long.txt"
    path.write_text(body + "\n", encoding="utf-8")
    report = load_report(path)
    key = parse_key({"people": [{"code": "EMGF", "role": "grandfather", "names": ["Paul Kershaw"]}]})
    chunks = paragraph_chunks(report.text)
    assert len(chunks) > 3 and "".join(chunks) == report.text
    doc = parse_for_key(report, nlp, key)
    assert doc.text == report.text and doc._.report is report
    roles = [e for e in doc.ents if e.label_ == "ROLE"]
    assert len(roles) == 200 and {e.text for e in roles} == {"EMGF"}  # the key's code, tagged everywhere
    starts = {t.text for t in doc if t.is_sent_start}
    assert {"Paragraph", "EMGF", "She"} <= starts
