"""Causes of false alarms (and one missed date) on published review openings, session 9, each beside a leak that
must still be found.  Every text is fictional, written in the shapes the causes take: a document-sharing site's
title cut by an ellipsis or by the end of the extract, the site account that uploaded the file, an author with an
honour on the cover line under the subject's code, a plural noun capitalised as a speaker, a pseudonym declared in
a sentence about anonymity or named by a phrase about the review, and a death by the person's own hand.
"""

from __future__ import annotations

from pipeline.deid import verify as V
from verify_text import findings_of, serious, worst


def test_a_title_cut_by_an_ellipsis_or_the_end_of_the_extract_is_no_name(nlp, analyzer):
    text = (
        "WESTLOW CHILDREN'S PARTNERSHIP Reflecti… · Westlow Children's Partnership learning ...\n\n"
        "1. Introduction\n\n1.1 The Westlow Children's Partnership commissioned this review after Baby N was hurt. "
        "Her uncle, Osric Pellegrini, had been living in the flat.\n\nPage 2: Westlow Children's Partners"
    )
    findings = findings_of(text, nlp, analyzer)
    assert not serious(worst(findings, "Reflecti"))
    assert not serious(worst(findings, "Westlow Children's Partners"))
    assert serious(worst(findings, "Osric Pellegrini"))


def test_a_name_cut_at_the_end_stays_a_finding_when_its_whole_form_is_a_name():
    from pipeline.deid.names.unknown import NameCandidate

    text = "Her partner Osric Pellegrini moved in. Page 2: notes on Osric Pell"
    cand = NameCandidate(start=text.rfind("Osric"), end=len(text), text="Osric Pell", rule="ner", confidence=0.9)
    assert not V._cut_off_at_end(text, cand)


def test_the_site_account_that_uploaded_the_file_is_named_on_purpose():
    roles = V._named_roles()
    text = "Learning summary Baby N\n\nUploaded by: Ravenna on Mar 3, 2017\n\nWestlow Partnership\n"
    assert "Ravenna" in V._page_credit_people(text, roles["page_credits"])
    # in the narrative, past the page's head, nobody is credited
    story = "1. Introduction\n\n1.1 The photograph was posted by Jolyon on the night of the fire.\n"
    assert V._page_credit_people(story, roles["page_credits"]) == []


def test_an_honoured_author_under_the_subjects_code_is_named_on_purpose_but_family_is_not():
    honours = V._named_roles()["honours"]
    cover = "Practice learning about:\n\nChild PL4\n\nDr Isolde Farrant CBE Director Westlow Associates\n"
    assert V._honoured_people(cover, honours) == ["Dr Isolde Farrant"]
    story = "The grandmother, Isolde Farrant MBE, looked after the boys.\n"
    assert V._honoured_people(story, honours) == []


def test_a_plural_noun_capitalised_as_a_speaker_is_no_name(nlp, analyzer):
    text = (
        "1. Summary\n\nThe health visitor saw the twins twice and  Neighbours said they had not been told. "
        "The nurse said that when Blessing told her teacher she was hungry, nobody acted.\n"
    )
    findings = findings_of(text, nlp, analyzer)
    assert not serious(worst(findings, "Neighbours"))
    assert serious(worst(findings, "Blessing"))


def test_a_quoted_pseudonym_in_a_sentence_about_anonymity_is_declared():
    text = "For anonymity this summary gives the boy the name ‘Comet’. Comet was 15. His cousin 'Tarquin' visited."
    assert V._quoted_in_declaration(text) == {"Comet"}
    # an English word in quotes without a naming phrase before it is no name
    assert V._quoted_in_declaration("The report is anonymised and the ‘Family Hub’ offer was made.") == set()


def test_a_name_the_review_gives_by_a_naming_phrase_is_declared_whatever_the_subject():
    assert V._review_naming_names("In this review she is referred to by the name Tamsyn. Tamsyn was 3.") == {"Tamsyn"}
    assert V._review_naming_names("This report will refer to the boy as Jory throughout.") == {"Jory"}
    # no sentence about the review: the narrative's naming is the family's
    assert V._review_naming_names("At school the boy was called Jory by his friends.") == set()
    # a full name is no invented name
    assert V._review_naming_names("In this review the father is called Jory Pascoe.") == set()


def test_a_death_by_the_persons_own_hand_dates_a_death_even_with_a_hedge(nlp, analyzer):
    text = (
        "1. Introduction\n\n1.1 On 4 October 2018 the father was thought to have taken his own life at the farm. "
        "The review met on 9 January 2019 and the panel thought the school had acted well.\n"
    )
    findings = findings_of(text, nlp, analyzer)
    assert worst(findings, "4 October 2018") == "high"
    assert not serious(worst(findings, "9 January 2019"))


def test_a_name_the_family_asked_to_have_used_is_named_on_purpose_but_a_refused_one_is_not():
    data = V._named_roles()["consented_naming"]
    assert V._consented_names("At his father's request, Jory's first name is used in this summary.", data) == ["Jory"]
    assert V._consented_names("Jory's grandparents asked that the review not name him.", data) == []
    # the story's naming, not the name's use in the document
    assert V._consented_names("Jory's mother asked the school to call him by his middle name.", data) == []


def test_a_consented_name_is_not_serious_while_a_parents_full_name_is(nlp, analyzer):
    text = (
        "Learning summary\n\n1. Background\n\nAt her grandparents' request, Marnie's first name is used in this "
        "summary. Marnie lived with her mother, Shannon Korrigan, in a flat. Marnie was often unwell.\n"
    )
    findings = findings_of(text, nlp, analyzer)
    assert not serious(worst(findings, "Marnie"))
    assert serious(worst(findings, "Shannon Korrigan"))


def test_the_article_a_before_a_place_used_as_a_modifier_is_no_initial_but_an_initial_and_surname_is(nlp, analyzer):
    text = (
        "Review published\n\nA Westlow toddler was left alone for hours, the partnership's report says. "
        "The health visitor met A Okafor at the clinic. A Okafor visited the flat twice.\n"
    )
    findings = findings_of(text, nlp, analyzer)
    assert not serious(worst(findings, "Westlow"))
    assert serious(worst(findings, "Okafor"))


def test_the_reviews_own_reference_after_its_title_is_no_case_number_but_a_court_case_number_is(nlp, analyzer):
    text = (
        "Serious Case Review No: 2019/K4417\n\nPublished by Westlow Children's Partnership\n\n"
        "1. Introduction\n\n1.1 This report (2019/K4417) follows care proceedings, Case No: WL19C00321, in which the "
        "court heard from the mother.\n"
    )
    findings = findings_of(text, nlp, analyzer)
    assert not serious(worst(findings, "2019/K4417"))
    assert serious(worst(findings, "WL19C00321"))
