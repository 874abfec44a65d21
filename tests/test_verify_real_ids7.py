"""Issue 13, verify without a key on published reviews and news reports of them (fictional text).

Residual identifiers a published text must not carry: the exact day of the injury, admission or assault the
review is about (DATE_OF_INCIDENT), a date of death given as "the following day, <date>", and the village or
town a person of the story is from.  Not leaks: pseudonyms the news declares in the plural, a board's spokesman
quoted with the board, an information sheet's contact officer, list and appendix letters, a role word, a
school type in a table, a general abbreviation's plural in capitals, a newspaper's desk mailbox, foreign page
furniture, and an organisation made of ordinary words and a place.  Each test pairs the rule with a leak that
stays a finding.
"""

from __future__ import annotations

import pytest

from verify_text import findings_of, serious, worst

STORY = "\n\nThe baby's mother had been living with Declan Harrowby, who was 19, for three months.\n"


# ---------------------------------------------------------------- exact days of harm
@pytest.mark.parametrize(
    "sentence, date",
    [
        ("Child N was admitted to hospital on 9th April 2012 with a fractured skull.", "9th April 2012"),
        ("Child M was seriously injured by a fall from a bridge on 3rd June 2018.", "3rd June 2018"),
        ("Child P presented to the Emergency Department on the evening of 2nd October 2017.", "2nd October 2017"),
        ("Child Y, 15, was stabbed and killed in a park on 8 August 2017.", "8 August 2017"),
        ("On 19 May 2015 Child K was admitted to hospital with bruising to his face.", "19 May 2015"),
    ],
)
def test_the_exact_day_of_the_incident_is_a_finding(nlp, analyzer, sentence, date):
    text = (
        "1. Introduction\n\n1.1 Child K was born in March 2014 and lived with his mother until May 2016.\n\n" + sentence
    )
    findings = findings_of(text, nlp, analyzer)
    assert serious(worst(findings, date))


@pytest.mark.parametrize(
    "sentence, date",
    [
        ("An initial child protection conference was held on 14th May 2012.", "14th May 2012"),
        ("The injuries were discussed at a strategy meeting on 3 May 2015.", "3 May 2015"),
        ("The Case Review Group considered the death at its meeting of 10th July 2018.", "10th July 2018"),
        ("Child K was admitted to hospital in May 2012 with a fractured skull.", "May 2012"),
    ],
)
def test_meeting_dates_and_month_and_year_stay_quiet(nlp, analyzer, sentence, date):
    findings = findings_of("1. Introduction\n\n1.1 " + sentence, nlp, analyzer)
    assert not serious(worst(findings, date))


def test_in_a_chronology_of_exact_dates_the_incident_day_is_low(nlp, analyzer):
    rows = "\n".join(f"{d} March 2016 The health visitor visited the family at home." for d in range(1, 12))
    text = "Chronology\n\n" + rows + "\n12 March 2016 Child K was admitted to hospital with a head injury.\n"
    findings = findings_of(text, nlp, analyzer)
    assert worst(findings, "12 March 2016") == "low"


def test_a_date_of_death_the_following_day_is_high(nlp, analyzer):
    text = (
        "1.1 Child M was seriously injured on 3rd June 2018, and died in hospital the following day, 4th June 2018.\n"
    )
    findings = findings_of(text, nlp, analyzer)
    assert worst(findings, "4th June 2018") == "high"


# ---------------------------------------------------------------- places
def test_the_village_a_person_of_the_story_is_from_is_a_finding(nlp, analyzer):
    text = (
        "Review into toddler's death published\n\n"
        "It is the case of Tamsin Rowlatt, from Wexcombe, who died in March 2019.\n\n"
        "The family had lived in Brackwater for a year before that."
    )
    findings = findings_of(text, nlp, analyzer)
    assert serious(worst(findings, "Wexcombe"))
    assert serious(worst(findings, "Brackwater"))


# ---------------------------------------------------------------- named on purpose, declared
def test_pseudonyms_the_news_declares_in_the_plural_are_not_leaks(nlp, analyzer):
    text = (
        "Toddler's death: review published\n\n"
        "The family were only referred to by the pseudonyms Rowan and Tessa in the board's report.\n\n"
        '"During the night Tessa woke to feed Rowan," the report said.' + STORY
    )
    findings = findings_of(text, nlp, analyzer)
    assert not serious(worst(findings, "Rowan"))
    assert not serious(worst(findings, "Tessa"))
    assert serious(worst(findings, "Declan Harrowby"))


def test_a_boards_spokesman_and_chairman_quoted_with_the_board(nlp, analyzer):
    text = (
        "Review published\n\n"
        'Graham Pellow, from Upbury Safeguarding Children Board, said: "We have listened."\n\n'
        'Independent Chairman of the USCB Felicity Armitage said: "Agencies have learned."\n\n'
        'Mrs Armitage added: "Every recommendation is accepted."' + STORY
    )
    findings = findings_of(text, nlp, analyzer)
    assert not serious(worst(findings, "Graham Pellow"))
    assert not serious(worst(findings, "Felicity Armitage"))
    assert not serious(worst(findings, "Mrs Armitage"))
    assert serious(worst(findings, "Declan Harrowby"))


def test_an_information_sheets_contact_officer_and_number(nlp, analyzer):
    text = (
        "NSCP Briefing Sheet\n"
        "Publication Date:12/03/2020 09:00:00 | LA Contact:Imogen Threlfall (01632 960733) | Audience:All Staff\n\n"
        "Child P was known to services." + STORY
    )
    findings = findings_of(text, nlp, analyzer)
    assert not serious(worst(findings, "Imogen Threlfall"))
    assert not serious(worst(findings, "01632 960733"))
    assert serious(worst(findings, "Declan Harrowby"))


def test_two_reviewers_on_one_line_with_the_month(nlp, analyzer):
    text = (
        "Northbridge Safeguarding Children Partnership\n\nIndependent Reviewers:\n\n"
        "Harriet Vosper & Colin Adeyemi November 2019\n\nCONTENTS\n" + STORY
    )
    findings = findings_of(text, nlp, analyzer)
    assert not serious(worst(findings, "Harriet Vosper"))
    assert serious(worst(findings, "Declan Harrowby"))


def test_a_web_pages_date_line_then_its_writer(nlp, analyzer):
    text = "Upbury Safeguarding Children Board\n\nBaby R Review\n\nThursday, 7 April 2016\nMorwenna Tate\n" + STORY
    findings = findings_of(text, nlp, analyzer)
    assert not serious(worst(findings, "Morwenna Tate"))
    assert serious(worst(findings, "Declan Harrowby"))


# ---------------------------------------------------------------- no person here
def test_appendix_and_list_letters_are_no_initials(nlp, analyzer):
    text = (
        "CONTENTS\nAppendix A Membership of the Panel 20\nAppendix B Values Behind the Review 21\n\n"
        "2. Terms of reference\n\nA. Establish whether information was shared.\n\n"
        "B. Evaluate whether the plan was reviewed.\n" + STORY
    )
    findings = findings_of(text, nlp, analyzer)
    assert not serious(worst(findings, "B Values Behind"))
    assert not serious(worst(findings, "A. Establish"))
    assert serious(worst(findings, "Declan Harrowby"))


def test_a_role_word_alone_is_no_name(nlp, analyzer):
    text = "1.3 The Chairperson agreed this course, after advice from the national panel." + STORY
    findings = findings_of(text, nlp, analyzer)
    assert not serious(worst(findings, "Chairperson"))


def test_a_school_type_in_a_table_is_no_school_but_a_named_one_is(nlp, analyzer):
    text = (
        "Schools attended\n\nTechnology College                  SCH3\n\n"
        "Child K moved to Upbury Technology College in Year 9."
    )
    findings = findings_of(text, nlp, analyzer)
    assert not serious(worst(findings, "Technology College                  SCH3"))
    assert serious(worst(findings, "Upbury Technology College"))


def test_a_newspapers_headline_plural_and_desk_mailbox(nlp, analyzer):
    text = (
        "Upbury Echo\n\nToddler was failed by GPS, police and council, says review\n\n"
        "- By MARTHA QUILL newsdesk@upburyecho.co.uk\n\nThe review was published today." + STORY
    )
    findings = findings_of(text, nlp, analyzer)
    assert not serious(worst(findings, "GPS"))
    assert not serious(worst(findings, "newsdesk@upburyecho.co.uk"))
    assert serious(worst(findings, "Declan Harrowby"))


def test_organisations_of_ordinary_words_and_a_place(nlp, analyzer):
    text = (
        "Agencies: NHS Upbury | Safer London | Police\n\n"
        "Prior to a restructure in Spring 2016 West Anglia YOS was known as Northbridge YOS." + STORY
    )
    findings = findings_of(text, nlp, analyzer)
    assert not serious(worst(findings, "Safer London"))
    assert not serious(worst(findings, "Anglia"))
    assert serious(worst(findings, "Declan Harrowby"))


def test_foreign_page_furniture_is_no_name(nlp, analyzer):
    text = "Sunteți pe pagina 1din 88\n\nUpbury Safeguarding Children Board\n" + STORY
    findings = findings_of(text, nlp, analyzer)
    assert not serious(worst(findings, "Sunteți"))
    assert serious(worst(findings, "Declan Harrowby"))


def test_a_country_someone_moved_from_is_no_small_place(nlp, analyzer):
    text = "1.2 The social worker recorded that Kacper Wrobel had moved from Poland in 2015 and lived in Brackwater."
    findings = findings_of(text, nlp, analyzer)
    assert not serious(worst(findings, "Poland"))
    assert serious(worst(findings, "Brackwater"))


def test_a_web_pages_date_and_writer_on_one_line(nlp, analyzer):
    text = "Upbury Safeguarding Children Board\n\nBaby R Review\n\nThursday, 7 April 2016 | Morwenna Tate\n" + STORY
    findings = findings_of(text, nlp, analyzer)
    assert not serious(worst(findings, "Morwenna Tate"))
    assert serious(worst(findings, "Declan Harrowby"))


def test_quoted_names_in_a_sentence_that_declares_pseudonyms(nlp, analyzer):
    text = (
        "Review published\n\nThe report uses the pseudonyms 'Jasper' for the baby and 'Mia' for his mother.\n\n"
        '"Mia asked for help," the chair said.' + STORY
    )
    findings = findings_of(text, nlp, analyzer)
    assert not serious(worst(findings, "Mia"))
    assert serious(worst(findings, "Declan Harrowby"))


def test_a_hamlet_by_apposition_and_a_two_word_village(nlp, analyzer):
    text = (
        "Jasper was found unresponsive at the family home in Cray Moor, a hamlet on the edge of the county.\n\n"
        "His father, Connor Vesey, 31, from Lower Tadley, was convicted in March 2021.\n\n"
        "The family later received support from Social Care."
    )
    findings = findings_of(text, nlp, analyzer)
    assert serious(worst(findings, "Cray Moor"))
    assert serious(worst(findings, "Lower Tadley"))
    assert not serious(worst(findings, "Social Care"))
