"""Undeclared person codes versus abbreviations (fictional sentences and the real review)."""

from __future__ import annotations

import pytest

from pipeline.deid.codes import declared_in_text, find_undeclared_codes, general_abbreviations, variant_of
from pipeline.nlp import parse

CODES = ["Child K", "KM", "KF", "KSW", "KFC", "HV1", "HV2"]


def codes(nlp, text):
    doc = parse(text, nlp, CODES)
    return {c.text: c for c in find_undeclared_codes(doc, declared=CODES)}


@pytest.mark.parametrize(
    "text, code, evidence",
    [
        ("RS told KSW that the baby had fallen.", "RS", "subject"),
        ("The aim was to allow DW to speak freely.", "DW", "speak"),
        ("KM's friend LT would look after Child K.", "LT", "friend"),
        ("KFC discussed the concerns with KSW and PJ.", "PJ", "listed"),
        ("It was noted that GH's account had changed.", "GH", "possessive"),
        ("On 9th October MH told HV1 that the baby had been unsettled.", "MH", "told"),
        ("J.S. told KM that the baby was ill.", "J.S.", "told"),
    ],
)
def test_person_use_of_an_undeclared_code(nlp, text, code, evidence):
    found = codes(nlp, text)
    assert found[code].kind == "PERSON_CODE"
    assert evidence in found[code].reason


def test_variant_of_a_declared_code_is_flagged(nlp):
    found = codes(nlp, "The placement was monitored by KSSW every week.")
    assert found["KSSW"].kind == "PERSON_CODE" and found["KSSW"].variant_of == "KSW"
    assert codes(nlp, "HV3 visited on the Monday.")["HV3"].variant_of in {"HV1", "HV2"}


@pytest.mark.parametrize(
    "text",
    [
        "KM was referred to CAMHS and the GP was informed.",
        "The IRO chaired the ICPC and the LAC review.",
        "KSW completed a SWAT analysis before the LP meeting.",
        "The case was stepped up to Northshire MASH.",
        "Treatment outcome scores (PHQ, GAD) improved.",
        "The Family Intervention Service (FIS) worked with KM.",
        "The report went to the NSCB and the NSCP.",
        "KSWs and HVs attended training.",
        "KEY PRACTICE EPISODE FOUR\nKM moved house.",
        "7. AIMS\nThe AIMS were agreed. NOTE: IT was down.",
    ],
)
def test_abbreviations_and_declared_codes_are_not_person_codes(nlp, text):
    found = codes(nlp, text)
    assert not [c for c in found.values() if c.kind == "PERSON_CODE"], found


def test_report_expansions_count_as_declarations():
    text = (
        "The Parenting Assessment (PAT) was used. PRISM (Parent Risk Screening Model) followed. "
        "Northshire Children's Services (Northshire CS) led."
    )
    assert {"PAT", "PRISM", "CS"} <= declared_in_text(text)
    assert "ZQ" not in declared_in_text("He met ZQ (the uncle).")


def test_variant_distance():
    assert variant_of("ECFSSW", ["FCSSW", "EM"]) == "FCSSW"
    assert variant_of("ESSW", ["ESW", "EM"]) == "ESW"
    assert variant_of("LB", ["EM", "EF"]) is None


def test_general_abbreviation_list_is_not_report_specific():
    abbrs = general_abbreviations()
    assert {"NNU", "CBT", "PLO", "ICPC", "LAC", "CSC", "GP", "IRO", "MASH", "MARAC", "CAMHS"} <= abbrs
    assert not {"LB", "ECFSSW", "ESSW", "EM", "ESW"} & abbrs


def test_real_review_undeclared_codes(child_e_doc, child_e_report):
    found = find_undeclared_codes(child_e_doc, child_e_report)
    persons = {c.text for c in found if c.kind == "PERSON_CODE"}
    assert {"LB", "ECFSSW", "ESSW"} <= persons
    assert persons <= {"LB", "ECFSSW", "ESSW"}
