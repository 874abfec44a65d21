"""DATE_OF_BIRTH: a full date with a birth cue; event dates are left alone."""

import pytest


@pytest.mark.parametrize(
    "sentence, date",
    [
        ("Child A (DOB: 14/03/2016) was living with her mother.", "14/03/2016"),
        ("Kayleigh Smith, D.O.B. 02.11.1998, is the mother of Child A.", "02.11.1998"),
        ("Her date of birth is 3rd May 2016.", "3rd May 2016"),
        ("The baby was born on 5 June 2017 at 32 weeks.", "5 June 2017"),
        ("ES was born at home on the 1st of February 2016.", "1st of February 2016"),
        ("Jayden Brown (b. 21 Sept 2014) attended the meeting.", "21 Sept 2014"),
        ("The father, born 12-7-95, did not attend.", "12-7-95"),
        ("Child B was born on March 14th, 2015 in Leeds.", "March 14th, 2015"),
        ("Date of Birth:\n2016-03-14", "2016-03-14"),
        ("Child C: 14 March 2016 (DOB) - allocated to the team.", "14 March 2016"),
        ("Dob 7/9/2013; address withheld.", "7/9/2013"),
    ],
)
def test_dates_of_birth_are_found(find, sentence, date):
    assert ("DATE_OF_BIRTH", date) in find(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "On 5th June 2017 the social worker visited.",
        "A strategy meeting took place on 12/06/2017.",
        "She was born in Poland and moved to the UK on 5 June 2010.",
        "Child E was born prematurely in March 2017 at 28 weeks gestation.",  # month and year only
        "Child D was born prematurely. On 5 June 2017 the health visitor called.",
        "The baby was born and the ward was told; later, on 8 May 2017, she was discharged.",
        "The birth was registered late. The case conference on 3 May 2016 noted this.",
        "The unborn baby was discussed at the ICPC held on 20 January 2017.",
    ],
)
def test_event_dates_are_not_dates_of_birth(find, sentence):
    assert find(sentence, "DATE_OF_BIRTH") == []


def test_only_the_cued_date_is_reported(find):
    sentence = "Child A, born 14/03/2016, was seen by the GP on 20/05/2017."
    assert find(sentence, "DATE_OF_BIRTH") == [("DATE_OF_BIRTH", "14/03/2016")]


def test_dates_in_a_dob_column_of_a_table(find):
    table = (
        "| Name | Relationship | DOB | Date of first contact |\n"
        "|---|---|---|---|\n"
        "| Child A | subject | 14/03/2016 | 02/05/2017 |\n"
        "| Jade Smith | mother | 21/11/1997 | 02/05/2017 |\n"
    )
    assert find(table, "DATE_OF_BIRTH") == [("DATE_OF_BIRTH", "14/03/2016"), ("DATE_OF_BIRTH", "21/11/1997")]


def test_dates_in_a_tab_separated_family_table(find):
    table = "Name\tDate of birth\tRole\nChild B\t3 May 2016\tsubject\nLiam Cole\t12 June 1994\tfather\n"
    assert find(table, "DATE_OF_BIRTH") == [("DATE_OF_BIRTH", "3 May 2016"), ("DATE_OF_BIRTH", "12 June 1994")]


def test_dates_in_other_table_columns_are_not_dates_of_birth(find):
    # issue 12: a chronology row whose event is the birth gives the child's date of birth (it was
    # expected to stay before); the other rows' dates are event dates
    table = "| Date | Event |\n|---|---|\n| 14/03/2016 | Baby born at home |\n| 02/05/2017 | Strategy meeting |\n"
    assert find(table, "DATE_OF_BIRTH") == [("DATE_OF_BIRTH", "14/03/2016")]
    table = (
        "| Date | Event |\n|---|---|\n| 14/03/2016 | Midwife told the baby was due in May |\n| 02/05/2017 | "
        "Strategy meeting |\n"
    )
    assert find(table, "DATE_OF_BIRTH") == []


@pytest.mark.parametrize(
    "entry, date",
    [
        ("17/06/2015 | Maternity | Lorcan born at 37 weeks, weight 2.4 kg.", "17/06/2015"),
        ("- 03.01.2022 – Hospital: Ellie born at the maternity unit.", "03.01.2022"),
        ("* 5 March 2019: Maya gave birth to a boy at home.", "5 March 2019"),
    ],
)
def test_a_chronology_entry_that_is_the_birth(find, entry, date):
    assert find(entry, "DATE_OF_BIRTH") == [("DATE_OF_BIRTH", date)]


@pytest.mark.parametrize(
    "entry",
    [
        "- 04.08.2022 – MARAC: case heard; the baby was born in 2021.",
        "12/03/2019 | Police | Mother told officers that the baby would be born in June.",
        "Later, on 12/03/2019, the GP noted that Ellie was born early.",
    ],
)
def test_chronology_entries_about_something_else_keep_their_dates(find, entry):
    assert find(entry, "DATE_OF_BIRTH") == []


def test_label_and_value_cells(find):
    assert find("| DOB | 14/03/2016 |", "DATE_OF_BIRTH") == [("DATE_OF_BIRTH", "14/03/2016")]
    assert find("Date of birth\t14/03/2016", "DATE_OF_BIRTH") == [("DATE_OF_BIRTH", "14/03/2016")]


def test_wrapped_line_between_cue_and_date(find):
    assert find("The baby was born at home on\n14 March 2016 after a short labour.", "DATE_OF_BIRTH") == [
        ("DATE_OF_BIRTH", "14 March 2016")
    ]


@pytest.mark.parametrize(
    "sentence, date",
    [
        # the birth follows the date in the same clause
        ("On 3rd May 2021 Jade gave birth to Child K.", "3rd May 2021"),
        ("On 9 June 2018, at 34 weeks, Child R was born.", "9 June 2018"),
        ("On 14.02.2019 the twins were delivered by caesarean section.", "14.02.2019"),
        # the birth (or its cue) comes first
        ("Jade gave birth to Child K on 3 May 2021 at home.", "3 May 2021"),
        ("Child K was born at 32 weeks on 3.5.21.", "3.5.21"),
        ("Baby Z was delivered by caesarean section on 4th February 2020.", "4th February 2020"),
        ("After the birth of Child K on 12 August 2019, mother stayed on the ward.", "12 August 2019"),
        ("Date of birth: 03/05/2021", "03/05/2021"),
        # a day and month without the year is still the exact date
        ("Child E was born at 28 weeks on 19th March.", "19th March"),
        ("Child B was born on March 14th in Leeds.", "March 14th"),
        ("Ms T delivered a baby boy on 17.8.19 at home.", "17.8.19"),
        ("His birthday is 22 November 2013.", "22 November 2013"),
        ("Child K was born on 3 May 2015 - 4 months before the move.", "3 May 2015"),
    ],
)
def test_birth_events_give_the_date_of_birth(find, sentence, date):
    assert find(sentence, "DATE_OF_BIRTH") == [("DATE_OF_BIRTH", date)]


@pytest.mark.parametrize(
    "sentence",
    [
        "On 3 May 2021 the health visitor completed the new birth visit.",
        "On 2 July 2019 the midwife was told that the baby had been born at home.",
        "On 14 March 2019 the strategy meeting discussed the baby's birth plan.",
        "The baby was due to be delivered on 3 June 2019.",
        "On 12 March 2019 the GP saw mother and the baby was born a week later.",
        "On 1st March ESW visited EM at home.",
        "Child E was born prematurely in March 2017.",
        "The baby was expected to be born on 12 May 2019.",
        "Twins were due to be born on 3 June 2019 by caesarean section.",
        "Babies born between 1 January 2018 and 31 December 2018 were included.",
        "Babies born from 1/1/2018 to 31/12/2018 were included.",
    ],
)
def test_dates_that_are_not_the_birth(find, sentence):
    assert find(sentence, "DATE_OF_BIRTH") == []


def test_birth_event_belongs_to_the_nearer_date(find):
    sentence = "On 12 March 2019 the GP saw mother and on 14 March 2019 Child K was born."
    assert find(sentence, "DATE_OF_BIRTH") == [("DATE_OF_BIRTH", "14 March 2019")]


def test_a_chronology_row_whose_event_is_the_birth_dates_the_birth(find):
    """The date cell of a row whose event cell narrates the birth is the date of birth; the next row's date is not."""
    table = (
        "| Date | Agency | Event |\n|---|---|---|\n"
        "| 14/03/2018 | Maternity | Kojo born at 38 weeks, 3.1 kg. |\n"
        "| 20/03/2018 | Health visiting | New birth visit completed. |\n"
        "| 02/05/2018 | GP | Midwife told that the baby born early had a rash. |\n"
    )
    assert find(table, "DATE_OF_BIRTH") == [("DATE_OF_BIRTH", "14/03/2018")]
    tabbed = "14/03/2018\tMidwifery\tBirth of Child P by caesarean section\n15/04/2018\tGP\tChild P seen with a rash\n"
    assert find(tabbed, "DATE_OF_BIRTH") == [("DATE_OF_BIRTH", "14/03/2018")]


def test_an_ordinal_suffix_set_apart_by_a_pdf_is_still_a_date(find):
    """Converted PDFs write a superscript 'th' after a space: '24 th November 2009'."""
    assert find("Child A was born on 24 th November 2009 at home.", "DATE_OF_BIRTH") == [
        ("DATE_OF_BIRTH", "24 th November 2009")
    ]
    assert ("DATE_OF_DEATH", "9 th January 2010") in find("Child A died on 9 th January 2010.")


@pytest.mark.parametrize(
    "sentence, dates",
    [
        (
            "- Born abroad; date of birth recorded as 03/10/2009 by the school and as 10/03/2009 by the police.",
            ["03/10/2009", "10/03/2009"],
        ),
        ("DOB 01/02/2003 or 02/01/2003 (both used).", ["01/02/2003", "02/01/2003"]),
        ("Child T (DOB 14/03/2016) was seen on 15/03/2016 or 16/03/2016.", ["14/03/2016"]),
        ("She was born on 3 May 2019 and on 7 May 2019 she was discharged.", ["3 May 2019"]),
    ],
)
def test_a_second_version_of_a_date_of_birth(find, sentence, dates):
    assert [t for _, t in find(sentence, "DATE_OF_BIRTH")] == dates


@pytest.mark.parametrize(
    "sentence",
    [
        "A nominal 1 July date of birth is given to children whose date of birth is unknown.",
        "| 5 Nov 2023 | Food parcel delivered by volunteers | Food bank |",
    ],
)
def test_a_kind_of_date_and_goods_delivered_are_not_births(find, sentence):
    assert find(sentence, "DATE_OF_BIRTH") == []


def test_a_baby_or_a_named_child_delivered_in_a_chronology_row(find):
    assert find("| 03/01/2022 | Hospital | Baby delivered by emergency caesarean |", "DATE_OF_BIRTH") == [
        ("DATE_OF_BIRTH", "03/01/2022")
    ]
    assert find("| 03/01/2022 | Hospital | Ellie delivered at 36 weeks |", "DATE_OF_BIRTH") == [
        ("DATE_OF_BIRTH", "03/01/2022")
    ]
