"""Causes of false alarms seen on published reviews, each next to the leak that must still be found.

Every text is fictional, written in a shape seen on real openings: partnership briefings titled
by the review's own code ("Baby MF Summary"), pseudonyms declared in a bracket, case-review
lists with a "Last updated: 07 Jun 2019" line and a helpline address, reviewers named mid-
sentence, authors on the cover's date line or under an "Authors" heading, a contents line
"A Day in the Life of Child Q", a consultancy whose name the model half-tags.
"""

from __future__ import annotations

from verify_text import findings_of, serious, worst

BRIEFING = """Baby QW Summary

Baby QW was born on the 3rd of May 2022. On the 9th of August 2022 QW's mother called an ambulance.
Baby QW's father, Darren Holcroft, was arrested. QW's mother told the GP that she was exhausted.
The referral to CYP was closed after four weeks.
"""


def test_the_reviews_own_code_is_not_a_leak_but_the_father_and_the_birth_date_are(nlp, analyzer):
    findings = findings_of(BRIEFING, nlp, analyzer)
    assert not serious(worst(findings, "QW"))
    assert not serious(worst(findings, "CYP"))
    assert worst(findings, "3rd of May 2022") == "high"
    assert serious(worst(findings, "Darren Holcroft"))


def test_letters_the_review_calls_initials_stay_a_possible_leak(nlp, analyzer):
    text = (
        "Re-consideration of a Serious Case Review. Initials of Child JT.\n\n"
        "1. Introduction JT died in hospital. His mother KL had two older children. JT was on a plan.\n"
    )
    findings = findings_of(text, nlp, analyzer)
    assert serious(worst(findings, "KL"))
    assert serious(worst(findings, "JT"))


def test_a_pseudonym_declared_in_a_bracket_is_info_an_undeclared_name_is_not(nlp, analyzer):
    text = (
        "Serious Case Review\n\nBaby Marisol (the Partnership has used a pseudonym to protect the identity "
        "of the child and family)\n\nPublication date 3 March 2020\n\n"
        "1. Baby Marisol lived with her mother and her mother's friend, Kelsey Marchbank. Baby Marisol was seen by "
        "the GP.\n"
    )
    findings = findings_of(text, nlp, analyzer)
    assert not serious(worst(findings, "Marisol"))
    assert serious(worst(findings, "Kelsey Marchbank"))


LIST = """Case reviews published in 2020

Last updated: 07 Jun 2020

If you are worried about a child, contact the Helpline or email help@reviews-example.org.uk.

2020 – Anonymous – Child VN
Neglect of a 9-year-old. Child VN was cared for by her aunt, June Hartigan, from 2018.
Concerns were emailed to karen.pollitt@example-council.gov.uk but not read.
"""


def test_dates_helplines_and_role_mailboxes_are_not_people_a_personal_address_is(nlp, analyzer):
    findings = findings_of(LIST, nlp, analyzer)
    assert not serious(worst(findings, "07 Jun 2020"))  # the date line, not the aunt June Hartigan
    assert not serious(worst(findings, "Helpline"))
    assert not serious(worst(findings, "help@reviews-example.org.uk"))
    assert serious(worst(findings, "June Hartigan"))
    assert worst(findings, "karen.pollitt@example-council.gov.uk") == "high"


def test_reviewers_and_ministers_named_mid_sentence_are_info_a_church_minister_is_not(nlp, analyzer):
    text = (
        "1.1 This review was carried out by Independent Reviewers Dr Philippa Arkwright and Noel Verity in 2021.\n\n"
        "1.2 In 2019 the Minister of State for Children, Gideon Trelawny, wrote to every partnership.\n\n"
        "1.3 The family's minister, Ezekiel Boateng-Smart, visited the home twice.\n"
    )
    findings = findings_of(text, nlp, analyzer)
    for name in ("Philippa Arkwright", "Noel Verity", "Gideon Trelawny"):
        assert not serious(worst(findings, name)), name
    assert serious(worst(findings, "Ezekiel Boateng-Smart"))


COVER = """Skip to content

Local Child Safeguarding Practice Review – Child HV

Authors

  • Bettina Quarrie, Head of Safeguarding, Westmere ICB
  • Ambrose Tindall, Practice Improvement Lead

Westmere Safeguarding Children Partnership Octavia Penhaligon

Independent Lead Reviewer

Serious Case Review Summary Child HV “Nobody looked up” Seraphina Wolde March 2021

Contents

1. Introduction 2

2. A Day in the Life of Child HV 3

1. Introduction

1.1 Child HV lived with her grandmother, Nancy Oduya, and attended Ferncliffe Primary School.
"""


def test_cover_authors_are_info_and_a_title_is_no_initial_but_the_family_is_found(nlp, analyzer):
    findings = findings_of(COVER, nlp, analyzer)
    for name in ("Bettina Quarrie", "Ambrose Tindall", "Octavia Penhaligon", "Seraphina Wolde"):
        assert not serious(worst(findings, name)), name
    assert not serious(worst(findings, "Day"))
    assert serious(worst(findings, "Nancy Oduya"))
    assert serious(worst(findings, "Ferncliffe Primary School"))


def test_a_half_tagged_consultancy_is_no_person_but_a_name_beside_a_service_is(nlp, analyzer):
    text = (
        "Report Author Rowena Clatworthy MSc CQSW Bel-Varn Training and Consultancy Ltd\n\n"
        "1. There was little contact between Kyle Brannigan and Children's Services after May.\n"
    )
    findings = findings_of(text, nlp, analyzer)
    assert not [f for f in findings if serious(f.severity) and "Varn" in f.text]
    assert serious(worst(findings, "Kyle Brannigan"))


def test_a_letterhead_on_the_cover_is_low_a_familys_address_in_the_narrative_stays_high(nlp, analyzer):
    text = (
        "Page 1 of 30\n\nWexcombe House,\n\nMillbrook Road, Bath, BA2 9ZZ 01225-555019\n\n"
        "Re-consideration of a Serious Case Review\n\n"
        "1. Introduction\n\n1.1 The family moved to 14 Tansley Close, Keynsham, BS31 9QQ in 2016. "
        "The mother's mobile was 07700 900461.\n"
    )
    findings = findings_of(text, nlp, analyzer)
    assert worst(findings, "BA2 9ZZ") == "low"
    assert worst(findings, "01225-555019") == "low"
    assert worst(findings, "BS31 9QQ") == "high"
    assert serious(worst(findings, "07700 900461"))


def test_board_acronyms_and_court_citations_are_not_person_codes_but_initials_are(nlp, analyzer):
    text = (
        "1.1 The IOWSCB decided to commission a review. In Re B [2013] UKSC 33 the court said that adoption is a "
        "last resort; UKSC held that the threshold was met, and EWCA said the same in 2014.\n\n"
        "1.2 Later TW told the police that KM had hit the baby.\n"
    )
    findings = findings_of(text, nlp, analyzer)
    for code in ("IOWSCB", "UKSC", "EWCA"):
        assert not serious(worst(findings, code)), code
    assert serious(worst(findings, "TW"))


def test_reference_list_authors_are_cited_not_leaked_a_name_in_the_narrative_is(nlp, analyzer):
    text = (
        "References\n\nHollowell, M., Sandiford, P., Pettigrew, R. et al (2020) Patterns and pressures. London: "
        "DfE.\n\n"
        "Quennell, P. and Dunstan, S. (1999) Unseen Harms. London: Routledge.\n\n"
        "Vashti C (2017) Context and Place: An overview. University of Northmoor.\n\n"
        "4. Background\n\n4.1 Dunstan's grandmother, Mrs Dorothy Pennington, cared for him in 2017.\n"
    )
    findings = findings_of(text, nlp, analyzer)
    reference_part = text.index("4. Background")
    assert not [f for f in findings if f.start < reference_part and serious(f.severity)]
    assert serious(worst(findings, "Dorothy Pennington"))


def test_a_name_line_then_its_label_with_the_board_after_a_comma_is_the_chair():
    from types import SimpleNamespace

    from pipeline.deid.policy import load_policy
    from pipeline.deid.verify import cover_people

    text = (
        "Clemency Ashdown\nJune 2020\n\nJonas Whitlock\nIndependent Chair, Northgate Safeguarding Children "
        "Partnership\n\nForeword\n"
    )
    report = SimpleNamespace(text=text, metadata=SimpleNamespace(author=None, named_people=[]))
    assert "Jonas Whitlock" in cover_people(report, load_policy())


def test_a_childs_own_review_conference_chair_is_not_named_on_purpose(nlp, analyzer):
    text = (
        "1.1 The review was commissioned from Philomena Arbuthnot, an independent social worker.\n\n"
        "1.2 In May 2018 the child protection review conference was chaired by Gregory Stallworthy, who "
        "decided that the plan should continue.\n"
    )
    findings = findings_of(text, nlp, analyzer)
    assert not serious(worst(findings, "Philomena Arbuthnot"))
    assert serious(worst(findings, "Gregory Stallworthy"))


def test_a_place_before_safeguarding_is_an_agency_a_person_before_a_safeguarding_team_is_not(nlp, analyzer):
    text = (
        "2.1 Agency reports were received from Wigan Safeguarding and from Bolton Council.\n\n"
        "2.2 Kyle Brannigan told the Safeguarding Team that the baby had fallen.\n"
    )
    findings = findings_of(text, nlp, analyzer)
    assert not serious(worst(findings, "Wigan Safeguarding"))
    assert serious(worst(findings, "Kyle Brannigan"))


def test_a_dedication_on_the_cover_is_no_author_line():
    from types import SimpleNamespace

    from pipeline.deid.policy import load_policy
    from pipeline.deid.verify import cover_people

    text = (
        "Serious Case Review\n\nChild T\n\nIn loving memory of Tallulah Brightwell March 2019\n\nOctavia Penrose "
        "March 2020\n\nContents\n"
    )
    people = cover_people(
        SimpleNamespace(text=text, metadata=SimpleNamespace(author=None, named_people=[])), load_policy()
    )
    assert "Octavia Penrose" in people
    assert "Tallulah Brightwell" not in people


def test_an_03_number_is_an_organisations_a_mobile_or_landline_is_a_persons(nlp, analyzer):
    text = (
        "If you are worried about a child, call the Partnership on 0300 555 0199.\n\n"
        "1. The mother gave her number, 07700 900461, and her sister's landline, 0161 496 0017, to the school.\n"
    )
    findings = findings_of(text, nlp, analyzer)
    assert worst(findings, "0300 555 0199") == "info"
    assert serious(worst(findings, "07700 900461"))
    assert serious(worst(findings, "0161 496 0017"))


def test_a_flattened_key_table_declares_its_names_only_where_the_review_says_they_are_designated(nlp, analyzer):
    declared = (
        "Please see below a table of the family members and their designated names for the purpose of this report.\n\n"
        "Designation Relationship to Baby R Baby R Subject child Marisela Mother of Baby R Thaddeus Father of Baby R\n"
    )
    findings = findings_of(declared, nlp, analyzer)
    assert not serious(worst(findings, "Marisela"))
    assert not serious(worst(findings, "Thaddeus"))
    undeclared = "1.1 Baby R lived with Marisela Mother of two, and her friend Thaddeus Okonkwo.\n"
    findings = findings_of(undeclared, nlp, analyzer)
    assert serious(worst(findings, "Thaddeus Okonkwo"))
