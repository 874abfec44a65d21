"""Issue 13, verify on shapes seen on published openings (fictional text), each next to the leak that must still be
found: a review team listed on one line with no commas, an organisation's own address and telephone in a
colophon or a contact block, a web page's "published … by" credit, and a date of death told in the sentence after
the date."""

from __future__ import annotations

from verify_text import findings_of, serious, worst

PROSE = (
    "1. Introduction\n\n1.1 The review looked at how the agencies worked with the family over the two years before "
    "the incident.\n"
)


def test_review_team_names_run_together_after_the_label_are_named_on_purpose(nlp, analyzer):
    text = (
        "Upbridge child exploitation review\n\nReview Team Marta Quinlan Owen Thorley Priya Castellan\n\n"
        + PROSE
        + "1.2 The boy was often with Declan Harrowby, who was 19.\n"
    )
    findings = findings_of(text, nlp, analyzer)
    for name in ("Marta Quinlan", "Owen Thorley", "Priya Castellan"):
        assert not serious(worst(findings, name)), name
    assert serious(worst(findings, "Declan Harrowby"))


def test_an_organisations_colophon_address_is_not_a_leak_but_a_familys_address_is(nlp, analyzer):
    text = (
        "Hidden harm\n\nTo view this licence:\n\nwrite to Licensing Team, The Record Office, Upbury, Westshire, "
        "TW9 9ZZ\n\n" + PROSE + "1.2 The family lived at 14 Alder Close, Upfield, UP3 2PL, until the spring.\n"
    )
    findings = findings_of(text, nlp, analyzer)
    assert not serious(worst(findings, "TW9 9ZZ"))
    assert not serious(worst(findings, "Upbury"))
    assert serious(worst(findings, "14 Alder Close"))
    assert serious(worst(findings, "UP3 2PL"))


def test_a_head_office_block_on_the_cover_is_not_a_leak(nlp, analyzer):
    text = (
        "Upbridge review\n\nUPB HQ Suite 2, Harbour House\n\nQuay Service Road Lowfield\n\nDerby DE99 7ZZ\n\n"
        + PROSE
        + "1.2 The mother moved to 3 Mill Lane, DE98 1AA, with the children.\n"
    )
    findings = findings_of(text, nlp, analyzer)
    assert not serious(worst(findings, "DE99 7ZZ"))
    assert not serious(worst(findings, "Quay Service Road"))
    assert serious(worst(findings, "DE98 1AA"))


def test_a_companys_telephone_under_its_name_is_not_a_leak(nlp, analyzer):
    text = (
        "SAFE\nCIC\nThe Review Specialists\n01632 960961\n\n"
        + PROSE
        + "1.2 The mother's mobile number, 07700 900123, was on the referral.\n"
    )
    findings = findings_of(text, nlp, analyzer)
    assert not serious(worst(findings, "01632 960961"))
    assert serious(worst(findings, "07700 900123"))


def test_a_web_pages_publisher_credit_is_named_on_purpose(nlp, analyzer):
    text = (
        "Source: Upbridge Safeguarding Children Partnership published on this website Thursday 5 June 2025 by "
        "Marta Quinlan\n\n" + PROSE + "1.2 The child's uncle, Declan Harrowby, visited often.\n"
    )
    findings = findings_of(text, nlp, analyzer)
    assert not serious(worst(findings, "Marta Quinlan"))
    assert serious(worst(findings, "Declan Harrowby"))


def test_date_of_death_told_in_the_next_sentence_is_high(nlp, analyzer):
    text = (
        "Serious case review: summary – Child W\n\nOn 12 March 2011, Child W, a boy aged ten months, was taken to "
        "hospital after he stopped breathing. Resuscitation failed and he died there that "
        "afternoon.\n\nOn 3 April 2011 the family was visited. He was later seen by the GP, who said the mother "
        "had nearly died in 2009.\n"
    )
    findings = findings_of(text, nlp, analyzer)
    assert worst(findings, "12 March 2011") == "high"
    assert worst(findings, "3 April 2011") != "high"


def test_a_death_weeks_later_does_not_make_the_date_a_date_of_death(nlp, analyzer):
    text = (
        "1.1 On 12 March 2011 the baby was admitted to hospital with a chest infection. He died some weeks later "
        "on the ward.\n"
    )
    findings = findings_of(text, nlp, analyzer)
    assert worst(findings, "12 March 2011") != "high"


def test_posted_by_a_person_in_the_narrative_is_still_a_finding(nlp, analyzer):
    text = (
        PROSE + "1.2 The review saw the messages the boy received and a photograph of him that was posted by\n"
        "Declan Harrowby\n"
    )
    findings = findings_of(text, nlp, analyzer)
    assert serious(worst(findings, "Declan Harrowby"))


def test_a_familys_flat_in_a_unit_stays_a_finding(nlp, analyzer):
    text = PROSE + "1.2 Home address\nUnit 4, 12 Quay Road, Upfield, UP3 2PL\n"
    findings = findings_of(text, nlp, analyzer)
    assert serious(worst(findings, "UP3 2PL"))


def test_an_organisation_word_in_a_street_name_does_not_make_the_address_an_organisations(nlp, analyzer):
    text = PROSE + "1.2 Family details\nFather\n14 Trust Road, Upfield, UP3 2PL\n"
    findings = findings_of(text, nlp, analyzer)
    assert serious(worst(findings, "UP3 2PL"))


def test_a_date_told_in_passing_before_a_sentence_about_the_death_is_no_date_of_death(nlp, analyzer):
    text = (
        "1.1 The review was agreed by the chair on the advice of the sub-group, which met on 19 March 2015. The "
        "criteria were met because neglect was suspected and Child W had died.\n"
    )
    findings = findings_of(text, nlp, analyzer)
    assert worst(findings, "19 March 2015") != "high"
