"""NURSERY: named nurseries, pre-schools and playgroups."""

import pytest


@pytest.mark.parametrize(
    "sentence, nursery",
    [
        ("Child A started at Little Stars Nursery in September.", "Little Stars Nursery"),
        ("Staff at Rainbow Day Nursery noticed bruising.", "Rainbow Day Nursery"),
        ("Her key worker at Busy Bees Pre-School raised a concern.", "Busy Bees Pre-School"),
        ("The siblings attended Acorns Playgroup twice a week.", "Acorns Playgroup"),
        ("Happy Days Nursery School kept an attendance log.", "Happy Days Nursery School"),
    ],
)
def test_named_nurseries_are_found(find, sentence, nursery):
    assert ("NURSERY", nursery) in find(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The Community Nursery Nurse visited the family at home.",
        "The nursery manager and the Nursery Nurse were interviewed.",
        "A Day Nursery place was funded by the council.",
        "The baby was cared for on the Neonatal Unit and not in a Nursery.",
        "Early Years Nursery Provision was discussed.",
    ],
)
def test_roles_and_generic_mentions_are_not_nurseries(find, sentence):
    assert find(sentence, "NURSERY") == []


def test_a_nursery_school_is_a_nursery(find):
    assert find("Staff at Happy Days Nursery School kept a log.") == [("NURSERY", "Happy Days Nursery School")]


def test_two_institutions_joined_by_and_stay_separate(find):
    sentence = "She moved from Park View College and Busy Bees Pre-School."
    assert find(sentence) == [("SCHOOL", "Park View College"), ("NURSERY", "Busy Bees Pre-School")]


@pytest.mark.parametrize(
    "sentence",
    [
        "Little Owls Nursery-based staff saw the bruise.",
        "Little Owls Nursery's manager called the police.",
        "Staff (Little Owls Nursery) noted the injury.",
        "Child A started at Little Owls Nursery.",
        "Little Owls Nursery/the childminder shared the care.",
    ],
)
def test_a_nursery_name_is_found_whatever_punctuation_follows(find, sentence):
    assert find(sentence, "NURSERY") == [("NURSERY", "Little Owls Nursery")]


@pytest.mark.parametrize(
    "sentence, nursery",
    [
        ("Staff at Cylch Meithrin Pant Glas noticed the bruise.", "Cylch Meithrin Pant Glas"),
        ("She went to Cròileagan Phort Rìgh twice a week.", "Cròileagan Phort Rìgh"),
        ("A place at Meithrinfa Seren was funded.", "Meithrinfa Seren"),
    ],
)
def test_playgroups_named_kind_first_are_found(find, sentence, nursery):
    assert ("NURSERY", nursery) in find(sentence)


def test_a_childminding_service_is_a_named_setting(find):
    assert ("NURSERY", "Little Acorns Childminding") in find("She runs Little Acorns Childminding from home.")


def test_a_name_before_community_nursery(find):
    assert ("NURSERY", "Meadowbank Community Nursery") in find("She attended Meadowbank Community Nursery on Tuesdays.")
    assert find("The Community Nursery was closed in August.", "NURSERY") == []


def test_the_road_after_a_nursery_goes_with_it(find):
    """ "<nursery>, <road>" is the nursery's address, even mid-sentence."""
    sentence = "Ellis was registered at Little Wrens Nursery, Kingsmead Road in March 2023 but rarely attended."
    assert find(sentence, "NURSERY") == [("NURSERY", "Little Wrens Nursery, Kingsmead Road")]


def test_a_nursery_then_a_person_keeps_the_person_out(find):
    sentence = "Ellis attended Little Wrens Nursery, Monday to Friday, with his brother."
    assert find(sentence, "NURSERY") == [("NURSERY", "Little Wrens Nursery")]
