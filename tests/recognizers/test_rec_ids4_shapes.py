"""Identifier shapes seen on new drafts (issue 12): social-media profile addresses, a school named by its
denomination and "Primary", a review's number with a letter, starred police numbers, a case-record system
and its number, plots on a Traveller site; and a date before a doctor on the next line is no street.
Every sentence is invented; no name, number or place belongs to a real person."""

import pytest


@pytest.mark.parametrize(
    "sentence, handle",
    [
        (
            "Mr Vance's Facebook page, facebook.com/orrin.vance.kst, had a post asking for prayers.",
            "facebook.com/orrin.vance.kst",
        ),
        ("She posted as https://www.instagram.com/dellie_mx/ most nights.", "https://www.instagram.com/dellie_mx/"),
        ("The clips were on tiktok.com/@quill.boy09 until March.", "tiktok.com/@quill.boy09"),
        ("His profile, linkedin.com/in/orrin-vance-42, listed no employer.", "linkedin.com/in/orrin-vance-42"),
        ("An old page at m.facebook.com/tara.quill.75 was found.", "m.facebook.com/tara.quill.75"),
    ],
)
def test_a_profile_address_is_a_handle(find, sentence, handle):
    assert ("SOCIAL_HANDLE", handle) in find(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Guidance for parents is at facebook.com/help and www.tiktok.com/safety.",
        "The partnership's page is on www.kestonbridge.gov.uk/safeguarding.",
    ],
)
def test_a_sites_own_page_is_no_handle(find, sentence):
    assert find(sentence, "SOCIAL_HANDLE") == []


@pytest.mark.parametrize(
    "sentence, school",
    [
        ("Amine will start at St Wilfrith's RC Primary in September.", "St Wilfrith's RC Primary"),
        ("She moved to Holy Rood C of E Junior last year.", "Holy Rood C of E Junior"),
        ("He went on to St Ebba's Catholic High.", "St Ebba's Catholic High"),
        ("Her brother was at Fernlow Community Primary.", "Fernlow Community Primary"),
    ],
)
def test_a_denomination_makes_a_short_school_name(find, sentence, school):
    assert ("SCHOOL", school) in find(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The Roman Catholic Primary sector was consulted.",
        "Fernlow Community Primary Care Network ran the clinic.",
    ],
)
def test_a_sector_or_a_care_network_is_no_school(find, sentence):
    assert find(sentence, "SCHOOL") == []


@pytest.mark.parametrize(
    "sentence, ref",
    [
        ("Linked reviews: CPR 03-26a, CPR 03-26b.", "CPR 03-26a"),
        ("The earlier review (LCSPR/24/07c) is summarised below.", "LCSPR/24/07c"),
        ("Police occurrence 25*073914 was opened that night.", "25*073914"),
        ("CSC record LCS 3381907 was closed in June.", "LCS 3381907"),
        ("Her Mosaic no. 0058812 held the plan.", "Mosaic no. 0058812"),
    ],
)
def test_review_police_and_record_numbers(find, sentence, ref):
    assert ("CASE_REF", ref) in find(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The CSPR 2023/24 annual report covered six reviews.",
        "In 2019 the CPR 12/03 format changed.",
        "Each review has a number; this is 3*4 pages long.",
    ],
)
def test_years_and_counts_are_no_references(find, sentence):
    assert find(sentence, "CASE_REF") == []


def test_a_plot_on_a_site_is_an_address(find):
    sentence = "The family lived on the council site at Plot 7, Fell Lane Caravan Site, Low Ashby CA9 4ZZ."
    assert ("ADDRESS", "Plot 7, Fell Lane Caravan Site, Low Ashby") in find(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Discharged from PICU 4 March, from the ward 7 March.\n\nDr Ingrid Solberg saw him.",
        "She was seen on 7 March. Dr Lee said the bruise was old.",
        "The plot was simple: Plot 4 was weak.",
    ],
)
def test_a_date_before_a_doctor_is_no_street(find, sentence):
    assert find(sentence, "ADDRESS") == []


def test_a_street_abbreviation_with_a_stop_still_opens_a_name(find):
    assert ("ADDRESS", "12 St. Ebba's Road") in find("Her grandmother lives at 12 St. Ebba's Road with her.")
