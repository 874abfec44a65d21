"""`scr verify` (no key) on the cover and introduction shapes of published reviews (issue 13).

People a review names on purpose (authors, chairs, panel members, the board's officers), the
pseudonym its title gives the child, the board's own abbreviation and contact block, and the
review's codes with a footnote digit glued on are not leaks; the same names or identifiers in the
narrative still are.  Every text here is fictional.
"""

from __future__ import annotations

import pytest

from pipeline.deid.policy import SEVERITY_RANK, load_policy
from pipeline.deid.verify import board_initials, cover_people, verify_report
from verify_text import report_of as build

HEAD = "Harwick Safeguarding Children Board\n\nSerious Case Review\n\nChild F\n\n"
BODY = "\n\n1. Introduction\n\n1.1 Child F was two years old when she was admitted to hospital.\n"


def verify_text(text: str, nlp, analyzer):
    from pipeline.nlp import parse_report

    report = build(text)
    return report, verify_report(report, parse_report(report, nlp), analyzer=analyzer)


def worst(findings, text: str) -> str | None:
    """The worst severity of the findings that overlap `text` (None when nothing does)."""
    hits = [f for f in findings if f.text and (text in f.text or f.text in text)]
    return max((f.severity for f in hits), key=SEVERITY_RANK.get, default=None)


def allowed(text: str) -> set[str]:
    return cover_people(build(text), load_policy(None))


@pytest.mark.parametrize(
    ("shape", "name"),
    [
        ("Chair of the panel: J. P. Wetherell", "J. P. Wetherell"),  # initials before the surname
        ("Rosalind O'Halloway (Chair of the Review Panel)", "Rosalind O'Halloway"),  # label in brackets
        ("Anneke de Wittmer\nIndependent Reviewer", "Anneke de Wittmer"),  # a surname particle
        ("Kwesi Asamoah MBBS FRCPCH\nDesignated Doctor and Panel Chair", "Kwesi Asamoah"),
        ("Independent Reviewers\nBarnaby Quillfeather\nTobiah Lindgarth", "Tobiah Lindgarth"),
        ("Reviewer: Siobhan McAteer | Chair: Hollis Grangeworth", "Hollis Grangeworth"),
        ("By Mary Anne Wetherby-Holt", "Mary Anne Wetherby-Holt"),
        ("Foreword by Hollis Grangeworth, Independent Chair", "Hollis Grangeworth"),
        ("Cllr Eleri Vaughan-Prys, Lead Member for Children", "Eleri Vaughan-Prys"),
        (
            "Contact: Barnaby Quillfeather, Business Manager, Harwick Safeguarding Children Board",
            "Barnaby Quillfeather",
        ),
        ("Isadora Quennell, Lazarus Okafor and Winnie Tallboys were members of the panel.", "Winnie Tallboys"),
        ("The independent chair of the panel was Rosalind O'Halloway.", "Rosalind O'Halloway"),
        ("The panel met five times under the chairmanship of Kwesi Asamoah.", "Kwesi Asamoah"),
        (
            "Tobiah Lindgarth is an independent safeguarding consultant who has not worked in Harwick.",
            "Tobiah Lindgarth",
        ),
        ("Siobhan McAteer was commissioned to write the report.", "Siobhan McAteer"),
        (
            "The Board appointed Ines Castellano to chair the review panel and Priya Raghavan to write the report.",
            "Priya Raghavan",
        ),
    ],
)
def test_people_named_on_purpose_in_more_shapes(shape, name):
    people = allowed(HEAD + shape + BODY)
    assert any(name in p or p.endswith(name.split()[-1]) for p in people), people


@pytest.mark.parametrize(
    "sentence",
    [
        "Kerry Vantongeren and Lola Pike were members of the core group.",
        "The court instructed an independent social worker. Kerry Vantongeren is an independent social worker.",
        "Kerry Vantongeren was appointed to chair the child protection conference.",
        "Contact: Kerry Vantongeren, Social Worker, Harwick Children's Services",
    ],
)
def test_the_same_shapes_in_the_narrative_allow_nobody(sentence):
    assert not any("Vantongeren" in p for p in allowed(HEAD + "1. Introduction\n\n1.1 " + sentence + "\n"))


def test_named_people_and_pseudonyms_in_capitals_are_not_codes(nlp, analyzer):
    text = (
        "Title: Serious case review overview report: Jonah. LSCB: Tidemouth Safeguarding Children Board Author: "
        "Hesper Oakenfold-Rhys Date of publication: 2018 CONTENTS PART ONE – INTRODUCTION 3 1.1 HOW WE DID IT 4 "
        "PART TWO – JONAH AND HIS FAMILY 6 2.1 JONAH’S STORY 8 3.1 THE VOICE OF THE CHILD 31\n\n"
        "Independent Chair DR SEVERIN ABERNATHY\n\n"
        "1. Introduction\n\n1.1 Jonah is the name his grandmother chose for him. Jonah was seven in 2016. "
        "His aunt, Shona Baverstock, told the police.\n"
    )
    report, findings = verify_text(text, nlp, analyzer)
    assert report.metadata.subject_child == "Jonah"  # the title's name, not "Child 31" of the contents run
    for word in ("JONAH", "Jonah", "SEVERIN", "Hesper Oakenfold-Rhys", "WE"):
        assert SEVERITY_RANK.get(worst(findings, word) or "info", 0) < SEVERITY_RANK["medium"], word
    assert worst(findings, "Shona Baverstock") in ("medium", "high")


def test_board_contact_block_is_its_own_but_a_family_address_is_not(nlp, analyzer):
    text = (
        "Harbourmouth Safeguarding Adults and Children Partnership\n"
        "Civic Offices, 14 Quayside Road, Harbourmouth HM4 7QT\nTel: 01632 960 481\n\n"
        "Serious Case Review\n\nBaby Q\n\n1. Introduction\n\n"
        "1.1 The HSACP commissioned this review. Baby Q lived with her mother at 27 Pelham Terrace, Harbourmouth.\n"
    )
    _, findings = verify_text(text, nlp, analyzer)
    for own in ("14 Quayside Road", "HM4 7QT", "01632 960 481", "HSACP"):
        assert SEVERITY_RANK.get(worst(findings, own) or "info", 0) < SEVERITY_RANK["medium"], own
    assert worst(findings, "27 Pelham Terrace") == "high"


def test_a_family_address_under_a_sentence_about_the_board_is_still_high(nlp, analyzer):
    text = (
        HEAD + "1. Introduction\n\n1.1 The Harwick Safeguarding Children Board was told where the family lived.\n"
        "Tel: 01632 960 999\n"
    )
    _, findings = verify_text(text, nlp, analyzer)
    assert worst(findings, "01632 960 999") == "high"


def test_board_initials():
    found = board_initials("The Isle of Wight Safeguarding Children Board and Thornbury Vale Local Safeguarding Board")
    assert {"IOWSCB", "TVLSB"} <= found


def test_two_coded_subjects_and_a_footnote_digit(nlp, analyzer):
    text = (
        "Marsby Safeguarding Children Board\n\nSerious Case Review\n\nconcerning GH1 & GH2\n\nOverview Report\n\n"
        "1. Introduction\n\n1.1 This review concerns two infants, GH1 and GH2. GH21 lived with her parents; "
        "her uncle, Corin Maddox, stayed with them.\n\n1 The panel chose the codes GH1 and GH2.\n"
    )
    report, findings = verify_text(text, nlp, analyzer)
    assert {"GH1", "GH2"} <= set(report.codes())
    assert SEVERITY_RANK.get(worst(findings, "GH21") or "info", 0) < SEVERITY_RANK["medium"]
    assert worst(findings, "Corin Maddox") in ("medium", "high")


def test_an_undeclared_numbered_code_is_still_reported(nlp, analyzer):
    text = (
        "Marsby Safeguarding Children Board\n\nSerious Case Review\n\nconcerning GH1 & GH2\n\n"
        "1. Introduction\n\n1.1 GH1 and GH2 lived apart. GH21 told the police that GH2 was hurt.\n"
    )
    _, findings = verify_text(text, nlp, analyzer)
    assert worst(findings, "GH21") in ("medium", "high")  # no note numbered 1: another person's code


@pytest.mark.parametrize(
    ("shape", "name"),
    [
        ("Lead Reviewer: Jane A Smithers", "Smithers"),  # a middle initial without its full stop
        (
            "The review was chaired by Kim Vallender, Head of Safeguarding at Harwick CCG, and written by Ray Holtby.",
            "Ray Holtby",
        ),
        ("Written and compiled by Kim Vallender", "Kim Vallender"),
        ("Report prepared for Harwick Safeguarding Children Board by Kim Vallender", "Kim Vallender"),
    ],
)
def test_more_named_shapes(shape, name):
    people = allowed(HEAD + shape + BODY)
    assert any(name in p for p in people), people


def test_a_second_verb_in_the_narrative_allows_nobody():
    text = (
        HEAD
        + "1. Introduction\n\n1.1 The review found the assessment was started in May"
        + " and completed by Kerry Vantongeren.\n"
    )
    assert not any("Vantongeren" in p for p in allowed(text))
