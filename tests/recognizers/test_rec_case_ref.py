"""CASE_REF: court numbers, police and missing-person references, labelled case references."""

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


@pytest.mark.parametrize(
    "sentence, ref",
    [
        # header and cover lines: the label counts across a bracketed aside and a colon
        ("Children's Social Care case reference (panel use only): ABC-1234567", "ABC-1234567"),
        ("Local authority case no. (restricted):\nQRS-4409182", "QRS-4409182"),
        ("Our ref: HLT/2020/00345", "HLT/2020/00345"),
        ("Early Help case ID - EHA-0081234", "EHA-0081234"),
        ("| Police reference | 4471239 |", "4471239"),  # a cover table
        # police and missing-person references in other shapes
        ("Police reference XYZ-2300001 was given to the mother.", "XYZ-2300001"),
        ("The missing person report MFH/2022/01234 was closed.", "MFH/2022/01234"),
        ("Crime number CRI/12345/21 was recorded for the assault.", "CRI/12345/21"),
        ("The crime reference 13/123456/22 was given.", "13/123456/22"),
        ("She was reported missing (MP/19/004471) twice that week.", "MP/19/004471"),
        ("Police logged the assault as 07/224431/19.", "07/224431/19"),
        ("The misper log GMP-21-00412 was closed the next day.", "GMP-21-00412"),
        # court case numbers
        ("Care proceedings under case number ZW21C00123 were issued.", "ZW21C00123"),
        ("The private law application LS22P01234 was withdrawn.", "LS22P01234"),
        ("He was tried at the Crown Court under T20217001.", "T20217001"),
        ("The CPS file carried URN 14KD0231120.", "14KD0231120"),
        # daily police log numbers and case-management system record numbers
        ("STORM log 0456 of 21/09/2018 shows the call.", "0456 of 21/09/2018"),
        ("Police log no. 88 of 2 March 2019 was graded as a priority.", "88 of 2 March 2019"),
        ("Her Liquidlogic ID was 3390127.", "3390127"),
        ("Child ID: 7781204", "7781204"),
        ("The PNC record 20/0099812B was updated.", "20/0099812B"),
        ("Missing episode (ref 2231-19) was the fourth that month.", "2231-19"),
        ("CRIS 5601234/19 was opened for the assault.", "5601234/19"),
        ("Her hospital number (RM2093341) was on the discharge letter.", "RM2093341"),
        ("Athena reference 09AB/22/1234 recorded the referral.", "09AB/22/1234"),
    ],
)
def test_references_in_other_shapes_and_header_lines(find, sentence, ref):
    assert ("CASE_REF", ref) in find(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "5. Learning from the Terms of Reference\t25-35",  # a contents line: a page range
        "The case covered the financial years 2016/17 and 2017/2018.",
        "The reference period ran from 2015 to 2017.",
        "COVID-19 restrictions limited home visits.",
        "Section 47 enquiries began on 12/03/2019.",
        "Police attended 14 times between 2015 and 2019.",
        "The guidance (reference DFE-00130-2015) was revised.",
        "Library reference ISBN 978-0-11-112345-6 was cited.",
        "Police log 1234 recorded the call at 22:10.",
    ],
)
def test_ranges_years_and_counts_are_not_case_refs(find, sentence):
    assert find(sentence, "CASE_REF") == []


@pytest.mark.parametrize(
    "sentence, ref",
    [
        ("The case was heard at MARAC (MARAC/NW/23/0412) in June.", "MARAC/NW/23/0412"),
        ("She was reported missing again (MISPER 23-1187) the next week.", "MISPER 23-1187"),
        ("Children's services opened CSC/2023/04417 that day.", "CSC/2023/04417"),
    ],
)
def test_system_letters_with_digit_groups(find, sentence, ref):
    assert ("CASE_REF", ref) in find(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The DOB 14/03/1998 was checked against the records.",
        "The HM 2019/2020 budget and the CSPR 2023-2024 programme were agreed.",
    ],
)
def test_dates_and_year_ranges_after_letters_are_not_references(find, sentence):
    assert find(sentence, "CASE_REF") == []


def test_a_reference_whose_first_group_is_a_date(find):
    assert ("CASE_REF", "NF-20230218-0377") in find("Police reference for the death: NF-20230218-0377.")


@pytest.mark.parametrize(
    "sentence, ref",
    [
        ("Overview report - draft 4 - LSCB ref. WMSCB/SCR/19/03", "WMSCB/SCR/19/03"),
        ("Home Office reference for Ms Okafor: K2290114. She used two names.", "K2290114"),
        ("He drove under a private hire licence (badge number TXL/0912).", "TXL/0912"),
        ("Her passport number 553120984 was kept by the aunt.", "553120984"),
    ],
)
def test_labels_with_a_dot_a_person_or_a_licence(find, sentence, ref):
    assert ("CASE_REF", ref) in find(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The reference for the period: 2019-2020 covered everything.",
        "The licence for 2019/20 was renewed.",
        "Terms of reference for the review: 12 sections.",
        "Police reference for the incident: 14 March 2019.",
        "A licence was not needed for 1234 of the journeys.",
    ],
)
def test_periods_dates_and_counts_after_such_labels_are_not_references(find, sentence):
    assert find(sentence, "CASE_REF") == []


@pytest.mark.parametrize(
    "sentence, ref",
    [
        ("The family was held under two references, KL-22-00913 and HXN/CIN/0083152.", "HXN/CIN/0083152"),
        ("Her file moved to WTF/CP/LAC/204417 when she came into care.", "WTF/CP/LAC/204417"),
        ("The record RDG-EH-5530218 was closed in March.", "RDG-EH-5530218"),
    ],
)
def test_letters_letters_serial(find, sentence, ref):
    """A system's letters, a team's or record type's letters, then a serial of five or more digits."""
    assert ("CASE_REF", ref) in find(sentence, "CASE_REF")


@pytest.mark.parametrize(
    "sentence",
    [
        "The CSPR/LSCP/2023 programme set out the themes.",  # a year, not a serial
        "See the NICE/PH/40 guideline.",
        "Staff used the SBAR/ABC/RAG tools.",
    ],
)
def test_letters_groups_without_a_long_serial_are_not_references(find, sentence):
    assert find(sentence, "CASE_REF") == []
