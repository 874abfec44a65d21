"""COMMUNITY_VENUE: named youth clubs, community centres, places of worship, GP practices, sports clubs."""

import pytest


@pytest.mark.parametrize(
    "sentence, venue",
    [
        ("Child K went to St Bede's Youth Club on Fridays.", "St Bede's Youth Club"),
        ("The family was registered at Hillside Medical Practice.", "Hillside Medical Practice"),
        ("The father attended Al-Noor Mosque.", "Al-Noor Mosque"),
        ("The funeral was held at St Mary's Church.", "St Mary's Church"),
        ("Oakfield Community Centre hosted the contact sessions.", "Oakfield Community Centre"),
        ("The boys trained with Ashby Town Football Club.", "Ashby Town Football Club"),
        ("Mother volunteered at Gurdwara Sri Guru Singh Sabha.", "Gurdwara Sri Guru Singh Sabha"),
        ("Our Lady of Lourdes Church ran a toddler group.", "Our Lady of Lourdes Church"),
        ("The GP at Brookside Surgery saw him twice.", "Brookside Surgery"),  # weak word + context
        ("Stay and play sessions were held at Hollins Children's Centre.", "Hollins Children's Centre"),
        ("Kingsway Medical Centre-based staff did not know of the referral.", "Kingsway Medical Centre"),
        ("Contact took place at Larch Road Community Centre.", "Larch Road Community Centre"),
        ("He was a member of Northgate Boys' Club (and its football team).", "Northgate Boys' Club"),
        ("She went to 1st Ashby Scouts on Tuesdays.", "1st Ashby Scouts"),
        ("He joined Kirkby Army Cadets.", "Kirkby Army Cadets"),
        ("He trained three nights a week at Ordsall ABC.", "Ordsall ABC"),
    ],
)
def test_named_venues_are_found(find, sentence, venue):
    assert ("COMMUNITY_VENUE", venue) in find(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Wigan Safeguarding Children Board commissioned the review.",
        "Hillside Primary Care Network shared records.",
        "The Church of England safeguarding guidance was followed.",
        "The Methodist Church's safeguarding team advised.",
        "The Medical Practice Manager reviewed records.",
        "The Paediatric Surgery team saw him on the ward.",
        "A youth club worker noticed bruises.",
        "The local mosque and church leaders were consulted.",
        "The Children's Centre Manager attended the conference.",
        "The Child Safeguarding Practice Review Panel was notified.",
        "Community Centre staff were not told.",
        "Bolton Community Safety Partnership was consulted.",
        "Mr Church, the youth worker, raised the concern.",
        "The GP, Dr Temple, referred the family.",
    ],
)
def test_agencies_bodies_and_unnamed_venues_are_not_venues(find, sentence):
    assert find(sentence, "COMMUNITY_VENUE") == []


def test_a_school_is_a_school_not_a_venue(find):
    assert find("She attended St Mary's Church of England Primary School.") == [
        ("SCHOOL", "St Mary's Church of England Primary School")
    ]
