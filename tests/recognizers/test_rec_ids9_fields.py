"""Issue 12 (ids9): references in header and record fields after any system's label, record codes with
one space, log numbers with their date, a village and post town before a postcode, a birth in a later
cell of a chronology row, and a school's short name with its kind word (fictional sentences)."""

from __future__ import annotations

import pytest

from pseudonymise_text import code_text


@pytest.mark.parametrize(
    "text, ref",
    [
        ("Our ref: KX-0041 | Incident system: 2023/55102 | Sentinel Q-338190\n", "2023/55102"),
        ("Our ref: KX-0041 | Incident system: 2023/55102 | Sentinel Q-338190\n", "Q-338190"),
        ("Board ref: HB-2024-17 • Panel Review PR-24-06\n", "PR-24-06"),
        ("| Force system | 23-00814 |\n", "23-00814"),
        ("- Tracker: ZZ/2291/23\n", "ZZ/2291/23"),
        ("The ward record number TA3 448120 was on the wristband.", "TA3 448120"),
        ("Her Mosaic ID CW 0918273 was not linked.", "CW 0918273"),
        ("Police: CAD 0733 14/02/24 recorded the call.", "CAD 0733 14/02/24"),  # the system name goes with its log
        ("The control room log 2204, 19.11.23 shows two calls.", "2204, 19.11.23"),
        ("Record: Person ID KV 3310457 / KV 3310458\n", "KV 3310458"),
        ("The crime references were DR/0041872/24 and DR/0041873/24.", "DR/0041873/24"),
    ],
)
def test_field_and_labelled_references_are_found(find, text, ref):
    assert ("CASE_REF", ref) in find(text, "CASE_REF")


@pytest.mark.parametrize(
    "text",
    [
        "| Date | 15/03 |\n",
        "| Referral month | 03/2024 |\n",
        "| Opened | 2024-03-15 |\n",
        "Between 2019/20 and 2021/22 the service changed.\n",
        "| Year | 2019-2020 |\n",
        "Section 47 enquiries began on 12/03/2024.\n",
        "Paragraph 4.12.3 sets out the plan.\n",
        "| Referrals | 12500 |\n",
        "| Owner | vehicle J 48213 |\n",
        "Tel: 01632 960448 | Mobile 07700 900431\n",
        "Police log 1234 recorded the call.",
        "Between 2019 and 2020 the service changed.\n",
        "| Visits | 12/03/2024 and 14/03/2024 |\n",
    ],
)
def test_dates_counts_phones_and_short_codes_are_not_field_references(find, text):
    assert find(text, "CASE_REF") == []


def test_a_plain_number_needs_a_reference_label(find):
    assert find("| Referrals | 12500 |\n", "CASE_REF") == []
    assert ("CASE_REF", "0918273") in find("Her Mosaic ID 0918273 was not linked.\n", "CASE_REF")


def test_a_village_and_its_post_town_before_a_postcode_are_one_address(find):
    found = find("They moved to 9 Plover Close, Marshby, Easthaven PE9 1XX in May.")
    assert ("ADDRESS", "9 Plover Close, Marshby, Easthaven") in found
    assert ("ADDRESS", "9 Plover Close, Marshby") in find("They lived at 9 Plover Close, Marshby, as before.")


def test_a_birth_in_a_later_cell_of_a_chronology_row_dates_the_birth(find):
    table = (
        "| Date | Setting | Staff | What happened |\n|---|---|---|---|\n"
        "| 03/09/2024 | Labour ward | Midwife A. Byrne | Ayla born by normal delivery. |\n"
        "| 10/09/2024 | Home | Midwife A. Byrne | Visit; told that cousin born in May. |\n"
    )
    found = find(table, "DATE_OF_BIRTH")
    assert ("DATE_OF_BIRTH", "03/09/2024") in found
    assert ("DATE_OF_BIRTH", "10/09/2024") not in found


DRAFT = """Rapid review: Child Y

Child Y's sister Noor Salah attends Kestrel Mead Primary School.
Sibling: Noor Salah, DOB 01/02/2016, Kestrel Mead Primary.
"""
KEY = {"people": [{"code": "SIBY", "role": "Child Y's sister", "names": ["Noor Salah", "Noor"]}]}


def test_a_schools_short_name_takes_its_kind_word(tmp_path_factory, nlp, analyzer):
    coded = code_text(tmp_path_factory.mktemp("draft"), DRAFT, KEY, nlp, analyzer)
    assert "Kestrel" not in coded.text
    assert "Primary." not in coded.text.split("\n")[3]
