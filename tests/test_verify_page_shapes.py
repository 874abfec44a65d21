"""Shapes of partnership web pages and news pages about published reviews, each beside the leak that must stay.

Every text is fictional.  The causes: the review's own name for its subject where the page introduces it (a
bracket after "two children", "a baby known as ...", a listing page's title line); the author with an adverb
before "by"; the presenter of a learning webinar; a service's helpline given to readers; the day (no year) of a
fatal incident on a page that gives few exact days.
"""

from __future__ import annotations

from pipeline.deid.verify import _service_number, review_subject_names
from verify_text import findings_of, serious, worst


def test_names_in_brackets_after_the_reviews_subjects_are_the_reviews_own(nlp, analyzer):
    text = (
        "Learning from two rapid reviews\n\n"
        "Two rapid reviews looked at serious injuries to two infants (Pip and Roo) in the same winter.\n"
        "Pip's father, Gideon Sayle, had left the home. Roo's mother asked for help twice.\n"
    )
    findings = findings_of(text, nlp, analyzer)
    assert not serious(worst(findings, "Pip"))
    assert not serious(worst(findings, "Roo"))
    assert serious(worst(findings, "Gideon Sayle"))


def test_a_family_in_brackets_without_the_review_or_after_a_possessive_is_no_pseudonym():
    assert review_subject_names("The mother had two children (Kyle and Jade) from before.") == set()
    assert review_subject_names("The review heard that the aunt's two children (Kyle and Jade) stayed.") == set()
    assert review_subject_names("The review concerns a boy called Tam Orrell.") == set()


def test_a_child_known_as_a_name_in_a_sentence_about_the_review(nlp, analyzer):
    text = (
        "The partnership has published the practice review about a toddler known as Wren.\n"
        "Wren lived with her mother in a rented room. Her uncle, Bastian Corr, visited often.\n"
    )
    findings = findings_of(text, nlp, analyzer)
    assert not serious(worst(findings, "Wren"))
    assert serious(worst(findings, "Bastian Corr"))


def test_a_listing_pages_title_line_names_the_reviews_child():
    assert review_subject_names("Serious Case Review – Tilly (TQ19)\nThe board published it in 2020.") == {"Tilly"}
    assert review_subject_names("Learning Review: Oskar and Mae\n") == {"Oskar", "Mae"}
    assert review_subject_names("Serious Case Review: Summary\n") == set()  # an English word
    assert review_subject_names("Serious Case Review: Tilly Marsh\n") == set()  # a full name is no invented one


def test_an_adverb_before_by_still_names_the_author(nlp, analyzer):
    text = (
        "The report was written independently by Hester Quayle CBE, a former director of nursing.\n"
        "The child's stepfather, Rowan Tesk, declined to take part.\n"
    )
    findings = findings_of(text, nlp, analyzer)
    assert not serious(worst(findings, "Hester Quayle"))
    assert serious(worst(findings, "Rowan Tesk"))


def test_the_presenter_of_a_learning_webinar_is_named_on_purpose(nlp, analyzer):
    text = (
        "Practitioners can watch the recorded webinar; after a summary of the findings it is "
        "presented by Dr Ines Mallory.\n"
        "The baby was delivered by Dr Conrad Ashworth at the maternity unit.\n"
    )
    findings = findings_of(text, nlp, analyzer)
    assert not serious(worst(findings, "Ines Mallory"))
    assert serious(worst(findings, "Conrad Ashworth"))


def test_a_helpline_given_to_readers_is_info_a_familys_number_is_not(nlp, analyzer):
    text = (
        "Concerned about a child? Phone the Family Help Hub on 01632 960318 (Monday to Friday).\n"
        "At night, the Duty Social Work Team can be reached on 01632 960319.\n"
        "The school was told to phone the stepfather on 01632 960320 if she was absent.\n"
    )
    findings = findings_of(text, nlp, analyzer)
    assert worst(findings, "01632 960318") == "info"
    assert worst(findings, "01632 960319") == "info"
    assert serious(worst(findings, "01632 960320"))


def test_service_number_never_a_mobile_nor_a_person_rung():
    line = "Please call us on 07700 900555 at any time."
    assert not _service_number(line, line.index("07700"), line.index("07700") + 12)
    line = "You can call Marguerite on 01632 960999."
    assert not _service_number(line, line.index("01632"), line.index("01632") + 12)


def test_the_day_of_a_fatal_fire_without_the_year_on_a_page_with_few_dates(nlp, analyzer):
    text = (
        "Two brothers died after a blaze in 2021, says a newly published practice review.\n"
        "The blaze, which started in the front room on 19 November, spread quickly.\n"
        "The partnership accepted every recommendation.\n"
    )
    assert serious(worst(findings_of(text, nlp, analyzer), "19 November"))


def test_a_chronology_without_years_keeps_the_incident_day_to_the_reader(nlp, analyzer):
    visits = " ".join(f"On {d} March the family support worker called at the house." for d in range(2, 24, 2))
    text = f"Chronology\n\n{visits} On 27 March the baby was admitted to hospital with injuries.\n"
    assert not serious(worst(findings_of(text, nlp, analyzer), "27 March"))


def test_news_page_officials_named_for_the_reviews_own_work_or_body(nlp, analyzer):
    text = (
        'Lorcan Abernethy, who chairs the Fenmouth Safeguarding Children Partnership, said: "We are sorry."\n'
        "The review's author, Perpetua Nkemelu, found that the family were not heard.\n"
        "Odile Farrant, the partnership's independent scrutineer, said the lessons were clear.\n"
        "Reporter: Tamsin Ellery\n"
        "Jonah Pell, who wrote the parenting assessment report, visited the family twice.\n"
    )
    findings = findings_of(text, nlp, analyzer)
    for person in ("Lorcan Abernethy", "Perpetua Nkemelu", "Odile Farrant", "Tamsin Ellery"):
        assert not serious(worst(findings, person)), person
    assert serious(worst(findings, "Jonah Pell"))


def test_a_word_cut_off_by_the_end_of_an_extract(nlp, analyzer):
    text = "The twins spent weekends at the home of their Grandmother. On one visit the Grandm"
    assert not serious(worst(findings_of(text, nlp, analyzer), "Grandm"))
    text = "The twins spent weekends at the home of their Grandmother. On one visit they met Ezekiel"
    assert serious(worst(findings_of(text, nlp, analyzer), "Ezekiel"))


def test_an_honour_or_a_reviewers_post_in_capitals_names_a_person_on_purpose(nlp, analyzer):
    text = (
        "Wilhelmina Strand MBE said the partnership would act on every finding.\n"
        "Foreword from Cosmo Ferriday, Independent Scrutineer\n"
        "Imelda Roscoe, Consultant Paediatrician, examined the baby that evening.\n"
        "The baby's aunt, Portia Llewelyn, Chair of the tenants' group, rang the police.\n"
    )
    findings = findings_of(text, nlp, analyzer)
    assert not serious(worst(findings, "Wilhelmina Strand"))
    assert not serious(worst(findings, "Cosmo Ferriday"))
    assert serious(worst(findings, "Imelda Roscoe"))  # a practitioner of the story, whom a draft codes
    assert serious(worst(findings, "Portia Llewelyn"))  # family, whatever post she holds


def test_a_news_page_naming_the_subject_between_dashes_and_the_writers_the_board_engaged(nlp, analyzer):
    text = (
        "The board said the death of a toddler - referred to as Nell - was a tragedy the review could not explain.\n"
        "It also commissioned Dr Aurelio Penhallow to compile an independent report on the themes.\n"
        "Nell's mother, Saffron Ilett, was not interviewed.\n"
    )
    findings = findings_of(text, nlp, analyzer)
    assert not serious(worst(findings, "Nell"))
    assert not serious(worst(findings, "Aurelio Penhallow"))
    assert serious(worst(findings, "Saffron Ilett"))


def test_a_news_pages_byline_block_names_its_writer(nlp, analyzer):
    text = (
        "Review finds missed chances before toddler's death\n"
        "Ottoline Brisk\n"
        "Health Correspondent, Fenmouth\n\n"
        "A review has found that agencies missed chances to help a toddler. His father, Lazlo Quint, was jailed.\n"
    )
    findings = findings_of(text, nlp, analyzer)
    assert not serious(worst(findings, "Ottoline Brisk"))
    assert serious(worst(findings, "Lazlo Quint"))
