"""CASE_REF: family court numbers and labelled case / crime references."""
import pytest


@pytest.mark.parametrize(
    "sentence, ref",
    [
        ("Care proceedings were issued under Case No. MA17C00123.", "MA17C00123"),
        ("The court reference ST18P01234 appears on the order.", "ST18P01234"),
        ("Police recorded it under crime reference 06/123456/17.", "06/123456/17"),
        ("The incident number: GM/17/123456 was given to the mother.", "GM/17/123456"),
        ("The family court file ZC24C50123 was transferred.", "ZC24C50123"),
        ("Case number 12345/16 was listed for a hearing.", "12345/16"),
        ("Crime ref: 17CR004521 was closed with no further action.", "17CR004521"),
        ("The police crime reference number was CR/0098123/19.", "CR/0098123/19"),
        ("The case number is 2017/00456 at the county court.", "2017/00456"),
    ],
)
def test_case_references_are_found(find, sentence, ref):
    assert ("CASE_REF", ref) in find(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The Court made an Interim Care Order on 28/06/2017.",
        "In this case KPE12 was a missed opportunity.",
        "The Serious Case Review 2017 was published in March.",
        "The court in 2017 heard the application.",
        "Police log 1234 recorded the call.",
        "The judgment in Re B (Children) [2008] UKHL 35 was cited.",
    ],
)
def test_dates_markers_and_citations_are_not_case_refs(find, sentence):
    assert find(sentence, "CASE_REF") == []
