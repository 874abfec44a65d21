"""DATE_OF_DEATH: a full date with a death cue or followed by the death; other dates stay."""

import pytest


@pytest.mark.parametrize(
    "sentence, date",
    [
        ("Child X died on 14 March 2019.", "14 March 2019"),
        ("Child X died on 14.3.19.", "14.3.19"),
        ("Date of death: 14/03/2019", "14/03/2019"),
        ("Baby Q died in hospital on 2nd February 2020 after a cardiac arrest.", "2nd February 2020"),
        ("Sadly, on 19 April 2019 Child X died at home.", "19 April 2019"),
        ("Child Y passed away on 3rd December 2016.", "3rd December 2016"),
        ("Child W (d. 8 March 2017) was the youngest of four.", "8 March 2017"),
        ("The death of Child X on 14 March 2019 led to this review.", "14 March 2019"),
        ("Child V was pronounced dead at 04:10 on 30 January 2021.", "30 January 2021"),
        ("| Name | DOD |\n|---|---|\n| Child X | 14/03/2019 |", "14/03/2019"),
        ("Child X died on 14 March.", "14 March"),
        ("Baby H (deceased 02/06/2017) was her first child.", "02/06/2017"),
    ],
)
def test_dates_of_death_are_found(find, sentence, date):
    assert find(sentence, "DATE_OF_DEATH") == [("DATE_OF_DEATH", date)]


@pytest.mark.parametrize(
    "sentence",
    [
        "The death of Child X in March 2019 led to this review.",  # month and year only
        "The Child Death Overview Panel met on 12 May 2020.",
        "Her grandmother died in 2015 and on 3 June 2016 the family moved.",
        "On 4 April 2019 the coroner opened an inquest into the death.",
        "The review was notified on 2 March 2020, after Child X died.",
        "Mother was told on 7 July 2018 that the baby had died.",
        "On 5 June 2019 Child K was admitted and died three days later.",
        "On 5th June 2017 the social worker visited.",
        "Father said he nearly died on 3 June 2017 in a car crash.",
        "The deceased child's mother was seen on 4 June 2019.",
        "Children who died between 1 April 2019 and 31 March 2020 were reviewed.",
        "Twenty-three children died from 1 April 2009 to 31 March 2017.",
    ],
)
def test_other_dates_are_not_dates_of_death(find, sentence):
    assert find(sentence, "DATE_OF_DEATH") == []


def test_birth_and_death_in_one_bracket(find):
    sentence = "Child X (born 3 May 2015, died 14 March 2019) was the eldest."
    assert find(sentence) == [("DATE_OF_BIRTH", "3 May 2015"), ("DATE_OF_DEATH", "14 March 2019")]
    assert find(sentence, "DATE_OF_DEATH") == [("DATE_OF_DEATH", "14 March 2019")]
