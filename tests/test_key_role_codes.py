"""A practitioner's or relative's code written straight after the role, with no bracket (issue 13): "the Social
Worker SW4", "her mother M1".  Fictional text."""

from __future__ import annotations

from pipeline.structure import key


def test_a_role_then_a_numbered_code_declares_it():
    found = {
        d.code: d
        for d in key.find_inline(
            "2.1 Child Q was visited by the Social Worker SW4 and the Health Visitor HV2. Her mother M1 was out."
        )
    }
    assert found["SW4"].kind == "practitioner" and found["HV2"].kind == "practitioner"
    assert found["M1"].kind == "family"


def test_a_title_code_and_a_section_number_declare_nothing():
    codes = {
        d.code
        for d in key.find_inline(
            "Local Child Safeguarding Practice Review Child RN19 29/09/20\n\n"
            "3.1 The child was seen under Section 47 and the Police Officer PC 1234 took a statement.\n"
        )
    }
    assert not codes & {"RN19", "PC", "47"}
