"""SCHOOL: named schools, academies and colleges; generic mentions are not names."""

import pytest


@pytest.mark.parametrize(
    "sentence, school",
    [
        ("Child A attended St Mary's Primary School until Year 2.", "St Mary's Primary School"),
        ("Her brother was on roll at Oakwood Academy.", "Oakwood Academy"),
        ("The DSL at Hillside High School made the referral.", "Hillside High School"),
        ("She enrolled at Park View College in 2016.", "Park View College"),
        ("Both siblings went to St John's C of E Junior School.", "St John's C of E Junior School"),
        ("A place was offered at Saint Anne's RC Primary School.", "Saint Anne's RC Primary School"),
        ("Greenfield Community Primary School shared records.", "Greenfield Community Primary School"),
        ("He was excluded from Moorside Grammar School in 2015.", "Moorside Grammar School"),
        ("Her brother went to St Mary\u2019s Catholic Primary School.", "St Mary\u2019s Catholic Primary School"),
        ("Her sister went to Ashfield Infant and Nursery School.", "Ashfield Infant and Nursery School"),
    ],
)
def test_named_schools_are_found(find, sentence, school):
    assert ("SCHOOL", school) in find(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The School Nurse and the Primary School shared concerns.",
        "The Academy trust and the school's governors were told.",
        "The Royal College of Paediatrics and Child Health issued guidance.",
        "The child was treated at King's College Hospital.",
        "Advice came from the Virtual School Head.",
        "The College of Policing guidance was followed.",
        "Her mother attended a Further Education College course.",
        "The High School transition was discussed at the meeting.",
        "5 Parents and Schools",  # a heading: plural institutions are not one school's name
        "Information was shared with Health and Schools in the area.",
    ],
)
def test_generic_mentions_and_bodies_are_not_schools(find, sentence):
    assert find(sentence, "SCHOOL") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "He attended Kennet School-based sessions.",
        "Kennet School's head teacher made a referral.",
        "Staff at Kennet School/the PRU were told.",
        "She was on roll (Kennet School) until 2019.",
        "She was on roll at Kennet School.",
        "The referral came from Kennet School\u2014the DSL rang.",
    ],
)
def test_a_school_name_is_found_whatever_punctuation_follows(find, sentence):
    assert find(sentence, "SCHOOL") == [("SCHOOL", "Kennet School")]


def test_a_generic_school_before_a_hyphen_is_not_a_name(find):
    assert find("The Primary School-aged children were seen by the nurse.", "SCHOOL") == []


@pytest.mark.parametrize(
    "sentence, school",
    [
        ("She started reception at Ysgol Gynradd Cwm Derwen in September.", "Ysgol Gynradd Cwm Derwen"),
        ("The head of Ysgol y Graig phoned the duty team.", "Ysgol y Graig"),
        ("He moved to Sgoil Bhàgh a' Chaisteil after the summer.", "Sgoil Bhàgh a' Chaisteil"),
        ("Her cousin attends Gaelscoil Uí Néill.", "Gaelscoil Uí Néill"),
    ],
)
def test_names_with_the_institution_word_first_are_found(find, sentence, school):
    """Welsh, Gaelic and Irish school names put 'Ysgol', 'Sgoil', 'Gaelscoil' first."""
    assert ("SCHOOL", school) in find(sentence)


def test_the_institution_word_alone_is_not_a_name(find):
    assert find("The ysgol and the Ysgol staff were told.", "SCHOOL") == []


@pytest.mark.parametrize(
    "sentence, school",
    [
        (
            "At the start of the period he was in Year 5 at Fernhill Road Primary. The school had a plan.",
            "Fernhill Road Primary",
        ),
        ("He moved up to Ashgrove High in September, where the head of year was new.", "Ashgrove High"),
        ("He attended the pupil referral unit, The Beacon Centre, from Year 9.", "The Beacon Centre"),
        (
            "After exclusion he went to alternative provision (the Oak Tree Project) three days a week.",
            "the Oak Tree Project",
        ),
    ],
)
def test_schools_named_without_the_word_school(find, sentence, school):
    assert ("SCHOOL", school) in find(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "He was referred by Westmarch Primary Care Trust and the Hillside Primary care team.",
        "The review of Primary and Secondary phases began.",
        "Her older brother went to Kingsmead Grammar, which he hated.",  # no school context word
        "She was taken to Stockport High Street by her aunt.",
        "She attended the Hope Street Family Centre with her mum.",
    ],
)
def test_short_names_need_a_school_context_and_centres_need_a_referral_unit(find, sentence):
    assert find(sentence, "SCHOOL") == []
