"""Unknown-name detection on fictional sentences and on the real (published) Child E review."""
from __future__ import annotations

import pytest

from pipeline.identify.names import NameCandidate, declared_pseudonyms, find_unknown_names, group_mentions
from pipeline.nlp import parse

CODES = ["EM", "EF", "ESW", "Child B"]


def names(nlp, text, allow=None):
    doc = parse(text, nlp, CODES)
    found = find_unknown_names(doc, allow=allow)
    for cand in found:
        assert doc.text[cand.start : cand.end] == cand.text
    return [c.text for c in found]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Her boyfriend Liam Carter told ESW that he would leave.", "Liam Carter"),
        ("The social worker, Anna Kowalski, visited EM at home.", "Anna Kowalski"),
        ("EM said that Mrs Hughes from next door had helped.", "Hughes"),
        ("The baby was examined by Dr. Okonkwo on the ward.", "Okonkwo"),
        ("EM left the baby with Kayleigh overnight.", "Kayleigh"),
        ("EF's maternal grandmother Brenda was not consulted.", "Brenda"),
        ("It was agreed that Tyrone would move out of the flat.", "Tyrone"),
        ("The letter was signed by J. Whitworth, duty manager.", "J. Whitworth"),
        ("Previous reviews had mentioned Zoë Ní Bhriain.", "Zoë Ní Bhriain"),
    ],
)
def test_planted_names_are_found(nlp, text, expected):
    assert expected in names(nlp, text)


def test_name_split_at_line_break(nlp):
    found = names(nlp, "Independent Author: Priya Chaudhary\n\nContents\n1. Introduction")
    assert "Priya Chaudhary" in found
    assert not any("Contents" in f for f in found)


@pytest.mark.parametrize(
    "text",
    [
        "The Healthy Minds Therapist met EM at the clinic.",
        "Pennine Care NHS Foundation Trust provided the Foster Carer with training.",
        "EM moved from Oldham to Stockport in May.",
        "Working Together to Safeguard Children sets out the duties of agencies.",
        "EM and EF attended the Initial Child Protection Conference in April.",
        "Child B. She was discharged home.",
        "Research on neglect (Brandon et al., 2013) and Ferguson (2011) stress home visits.",
        "EM attended Alcoholics Anonymous and the Jigsaw programme.",
        "St Mary's Hospital and Royal Westmoor Infirmary shared records.",
    ],
)
def test_agencies_places_documents_and_codes_are_not_names(nlp, text):
    assert names(nlp, text) == []


def test_allowed_people_are_not_returned_in_any_form(nlp):
    text = "The lead reviewer, Helen Marsh, met EM. Ms Marsh thanked the panel."
    assert names(nlp, text, allow={"Helen Marsh"}) == []
    assert "Helen Marsh" in names(nlp, text)


def test_group_mentions_of_one_person(nlp):
    doc = parse("Later Sam Wood called. Sam said that Ms Wood was ill. Kayleigh stayed.", nlp, CODES)
    groups = [[c.text for c in g] for g in group_mentions(find_unknown_names(doc))]
    assert ["Sam Wood", "Sam", "Wood"] in groups
    assert ["Kayleigh"] in groups


def test_group_mentions_prefers_most_recent_person():
    cands = [
        NameCandidate(0, 8, "Sam Wood", "ner", 0.9),
        NameCandidate(20, 29, "Sam Jones", "ner", 0.9),
        NameCandidate(40, 43, "Sam", "ner", 0.9),
    ]
    groups = [[c.text for c in g] for g in group_mentions(cands)]
    assert groups == [["Sam Wood"], ["Sam Jones", "Sam"]]


def test_real_review_has_only_the_lead_reviewer(child_e_doc):
    found = [c.text for c in find_unknown_names(child_e_doc)]
    assert "Maureen Noble" in found
    assert len(found) <= 3


def test_declared_pseudonyms():
    text = (
        "The child, referred to as 'Lily' in this review, lived with her mother. Her brother is called Jay "
        "in this report.\n\nLily – the subject of this review\nSarah – Lily's mother\nMother – the mother of Lily\n"
        "Introduction – this section sets out the background\n"
    )
    found = declared_pseudonyms(text)
    assert set(found) == {"Lily", "Jay", "Sarah"}
    assert text[found["Jay"] : found["Jay"] + 3] == "Jay"
