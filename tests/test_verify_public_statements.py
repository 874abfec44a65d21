"""`scr verify` (no key) on who speaks for a body in a public statement about a review (issue 13).

News items, press releases and partnership pages quote officials with a public post: a council's chief
executive, a charity's head of policy, a senior police officer, a councillor.  They are named on purpose;
a practitioner or relative of the case story quoted in the same page stays a finding.  Every text here is
fictional.
"""

from __future__ import annotations

import pytest

from pipeline.deid.policy import load_policy
from pipeline.deid.verify import cover_people
from verify_text import report_of as build


def allowed(text: str) -> set[str]:
    return cover_people(build(text), load_policy(None))


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        # name, post at a body in capitals, verb (no quotation needed)
        (
            "Perpetua Vandermolen, chief executive of Saltmere Borough Council, said the council was sorry.",
            "Perpetua Vandermolen",
        ),
        # the body's post before the name, then a quotation
        ("The trust's medical director, Oswin Achterberg, said: “We have changed our triage.”", "Oswin Achterberg"),
        ("Its convener, Dr Ysolde Ferrabee, added, 'The review is clear.'", "Ysolde Ferrabee"),
        # a rank before the name, its force named after it
        (
            "Detective Chief Superintendent Barnabas Quilliam, of Saltmere Police, said officers had been retrained.",
            "Barnabas Quilliam",
        ),
        ('Cllr Tamsin Pellowe said: "We accept every recommendation."', "Tamsin Pellowe"),
        # the quotation first
        ("“We have learned hard lessons,” said Supt Oriel Fairbrass.", "Oriel Fairbrass"),
        ('"Change is under way," said the charity\'s director of policy, Hesketh Amadi.', "Hesketh Amadi"),
        ("“Nobody acted,” said Lucan Breckenridge, spokesperson for Saltmere Voices.", "Lucan Breckenridge"),
    ],
)
def test_a_public_post_in_a_statement_is_named_on_purpose(sentence, name):
    text = "Review of the care of Child Q published\n\n" + sentence + "\n"
    assert any(name in person for person in allowed(text))


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        # practitioners and relatives of the case story: no public post
        ("The social worker, Jowan Pascoe, said: “The flat was tidy.”", "Jowan Pascoe"),
        ("The boy's grandmother, Eirwen Tolley, said she had warned the school.", "Eirwen Tolley"),
        ("The head teacher, Marisol Quayle, said: “He was always hungry.”", "Marisol Quayle"),
        # a post of the child's own setting or school staff
        (
            "At the inquest Ines Barraclough, director of Little Acorns Nursery, said: “He was happy here.”",
            "Ines Barraclough",
        ),
        ("Rufus Tregear, head of Year 9 at Saltmere Academy, said the boy was often absent.", "Rufus Tregear"),
        # a rank in the narrative, no public statement (no quotation, no force named)
        ("Detective Inspector Corwen Maddox said the mother had been drinking.", "Corwen Maddox"),
        # a constable is an officer of the case story, even quoted
        ("PC Elowen Trask said: “The door was open.”", "Elowen Trask"),
    ],
)
def test_the_case_story_is_no_public_statement(sentence, name):
    text = "Review of the care of Child Q published\n\n" + sentence + "\n"
    assert not any(name in person for person in allowed(text))


# --- a partnership's page that lists its reviews: the reviews' own names for their children


def _listed(text: str) -> set[str]:
    from pipeline.deid.verify import review_pseudonyms

    return review_pseudonyms(build(text))


def test_a_listing_heading_with_its_year_names_the_review_subject():
    text = (
        "Saltmere Safeguarding Partnership\nOur reviews\n\n"
        "Marisela (2021)\nMarisela was a baby of seven weeks, shaken by a grown-up at home.\n\n"
        "Teodoro\nTeodoro, aged 15, was stabbed near his school.\n"
    )
    assert {"Marisela", "Teodoro"} <= _listed(text)


def test_a_heading_whose_summary_is_about_someone_else_names_no_subject():
    text = (
        "Saltmere Safeguarding Partnership\nOur reviews\n\n"
        "Ondrasek (2021)\nThe review was published in May and Ondrasek met the panel twice.\n"
    )
    # not in the first-name lists, and the summary does not say who the child was
    assert "Ondrasek" not in _listed(text)


def test_a_lower_case_review_kind_heads_a_title_line_and_an_english_word_can_be_the_name():
    text = "Learning from reviews\n\nThematic review: Linnet, Sorrel and Quince\nThree sisters who were rarely seen.\n"
    assert {"Linnet", "Sorrel", "Quince"} <= _listed(text)


def test_an_english_word_the_text_also_writes_in_lower_case_is_no_name():
    text = "Learning from reviews\n\nThematic review: Neglect\nHow neglect was seen across four reviews.\n"
    assert "Neglect" not in _listed(text)


def test_a_title_line_without_colon_names_the_subject_when_the_text_uses_pseudonyms():
    text = (
        "Saltmere Safeguarding Partnership\n\nLearning Review SAL19 Ondine*\n\n"
        "*Ondine is a pseudonym chosen by her family.\n"
    )
    assert "Ondine" in _listed(text)


def test_a_title_line_without_colon_never_names_a_place_or_an_english_word():
    text = "Saltmere Partnership\n\nSerious Case Review Saltmere\n\nSerious Case Review Panel\n\nThe panel met.\n"
    assert not {"Saltmere", "Panel"} & _listed(text)


# --- a members table flattened onto one line, and a thanked board officer with a lower-case post


def test_a_flattened_members_table_names_each_member():
    text = (
        "Page 2: 2. Process 2.1 The panel met four times. Panel membership Marguerite Oyelaran Independent Chair "
        "Desmond Halvorsen Designated Doctor, Saltmere ICB Nadia Brightwater Detective Sergeant, Saltmere Police "
        "2.2 The review began in May.\n"
    )
    assert {"Marguerite Oyelaran", "Desmond Halvorsen", "Nadia Brightwater"} <= allowed(text)


def test_a_single_name_after_a_members_opener_is_no_flattened_table():
    text = "The panel members were told that Desmond Halvorsen Designated Doctor had left.\n"
    assert "Desmond Halvorsen" not in allowed(text)


def test_a_flattened_run_that_turns_into_narrative_stops():
    text = (
        "Panel membership Marguerite Oyelaran Designated Doctor Desmond Halvorsen visited the family at home "
        "with Nadia Brightwater Detective Sergeant.\n"
    )
    assert "Desmond Halvorsen" not in allowed(text)


def test_a_thanked_board_officer_with_a_lower_case_post_is_named_on_purpose():
    text = "The reviewer would like to thank Perpetua Langstaff, board business manager, for her support.\n"
    assert "Perpetua Langstaff" in allowed(text)


def test_a_thanked_relative_stays_a_finding():
    text = "The reviewer would like to thank Child Q's grandmother, Perpetua Langstaff, for her support.\n"
    assert "Perpetua Langstaff" not in allowed(text)


# --- a body without a post, a sentence that gives the post, and the family's story


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Winnifred Adeyemi, from the NSPCC, said: “This must change.”", "Winnifred Adeyemi"),
        ("Ambrose Kettering, of Saltmere Borough Council, added: 'We are sorry.'", "Ambrose Kettering"),
        ("“We are sorry,” she said. Jude Abernethy is chief executive of Saltmere Council.", "Jude Abernethy"),
        ("A spokesperson for the partnership, Jude Abernethy, said: “We are sorry.”", "Jude Abernethy"),
    ],
)
def test_a_body_or_a_given_post_makes_a_public_statement(sentence, name):
    assert any(name in person for person in allowed("Review published\n\n" + sentence + "\n"))


@pytest.mark.parametrize(
    "text",
    [
        # a town is no body
        "Oriana Blackwood, from Saltmere, said: “My grandson was let down.”",
        # the same person is a relative in the story
        "Oriana Blackwood, head of policy at Saltmere Council, said: “We are sorry.” "
        "The review notes that the boy's aunt, Mrs Blackwood, was never asked.",
        "Oriana Blackwood is director of Blackwood Haulage Ltd. Her nephew, Child Q, lived with Ms Blackwood.",
    ],
)
def test_no_public_statement_for_a_towns_person_or_a_relative(text):
    assert not any("Oriana Blackwood" in person for person in allowed("Review published\n\n" + text + "\n"))


# --- an own post in lower case in apposition, and "independent <calling>" in apposition


def test_an_own_post_in_apposition_names_the_boards_officer():
    text = "The review was chaired by Kim Ashdown, assisted by Perpetua Langstaff, board business manager.\n"
    assert "Perpetua Langstaff" in allowed(text)


def test_an_own_post_beside_a_relative_stays_a_finding():
    text = (
        "Perpetua Langstaff, business manager, took notes. "
        "Child Q's aunt, Ms Langstaff, had looked after him for a year.\n"
    )
    assert "Perpetua Langstaff" not in allowed(text)


def test_an_independent_calling_in_apposition_names_the_author():
    text = "Serious Case Review Child T Report by Rosamund Okafor, independent safeguarding consultant, May 2016\n"
    assert "Rosamund Okafor" in allowed(text)


def test_an_independent_social_worker_in_apposition_stays_a_finding():
    text = "The court instructed Rosamund Okafor, an independent social worker, to assess the mother.\n"
    assert "Rosamund Okafor" not in allowed(text)
