"""Issue 13, verify on press statements and web pages that publish a review (fictional text): the board's
own officials quoted by role ("the Independent Chairman of the Westshire LSCB, Arthur Penhallow, said",
"Councillor Maureen Oakes, cabinet member for children") and a blog's "Posted by … at <time>" are named on
purpose, while a person of the story in the same text is still a finding."""

from __future__ import annotations

from verify_text import findings_of, serious, worst

STORY = "\n\nThe baby's mother had been living with Declan Harrowby, who was 19, for three months.\n"


def test_a_boards_chairman_quoted_by_role_is_named_on_purpose(nlp, analyzer):
    text = (
        "Review finds missed chances to protect baby\n\n"
        "The Independent Chairman of the Westshire LSCB, Arthur Penhallow, said the agencies had learned from it."
        '\n\nBernadette Ravel, Chairman of the Upbury Safeguarding Children Board, said: "We are sorry."' + STORY
    )
    findings = findings_of(text, nlp, analyzer)
    assert not serious(worst(findings, "Arthur Penhallow"))
    assert not serious(worst(findings, "Bernadette Ravel"))
    assert serious(worst(findings, "Declan Harrowby"))


def test_a_councillor_named_for_the_office_is_named_on_purpose(nlp, analyzer):
    text = (
        "Statement on the serious case review\n\n"
        "Councillor Maureen Oakes, cabinet member for children's services, said the council accepted every "
        "recommendation." + STORY
    )
    findings = findings_of(text, nlp, analyzer)
    assert not serious(worst(findings, "Maureen Oakes"))
    assert serious(worst(findings, "Declan Harrowby"))


def test_a_blogs_posted_by_line_with_its_time_is_a_page_credit(nlp, analyzer):
    text = (
        "Safeguarding news\n\nSerious Case Review\n\nPosted by Dana K Whitlow at 09/10/2013 23:17\n\n"
        "The review of Child M was published today." + STORY
    )
    findings = findings_of(text, nlp, analyzer)
    assert not serious(worst(findings, "Dana K Whitlow"))
    assert serious(worst(findings, "Declan Harrowby"))


def test_a_councillor_in_the_story_is_still_a_finding(nlp, analyzer):
    text = (
        "1. Introduction\n\n1.1 The review looked at the two years before the incident.\n\n"
        "1.2 In March the mother asked Councillor Jim Tregaskis to help with the rent arrears, and he wrote to the "
        "housing office.\n"
    )
    assert serious(worst(findings_of(text, nlp, analyzer), "Jim Tregaskis"))
