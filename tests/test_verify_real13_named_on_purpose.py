"""`scr verify` (no key) on the ways a published review names its child on purpose (issue 13, real13).

A learning briefing that tells a child's story with the family's consent, a dedication set apart, a title that
names the review after the child: each is document evidence that the name is published on purpose, so the
name is reported at info.  The same words in the story (a consent to pass the story to an agency, a memorial
bench, a sentence about "the review in respect of ...") give nothing, and an undeclared name stays a finding.
Every name and sentence here is invented.
"""

from __future__ import annotations

import pytest

from pipeline.deid.policy import SEVERITY_RANK, load_policy
from pipeline.deid.verify import cover_people, verify_report
from verify_text import report_of as build


def allowed(text: str) -> set[str]:
    return cover_people(build(text), load_policy(None))


def worst(text: str, name: str, nlp, analyzer) -> str | None:
    from pipeline.nlp import parse_report

    report = build(text)
    findings = verify_report(report, parse_report(report, nlp), analyzer=analyzer)
    hits = [f for f in findings if name in f.text]
    return max((f.severity for f in hits), key=SEVERITY_RANK.get, default=None)


STORY = (
    "Thornbury Safeguarding Partnership\n\nLearning Briefing\n\nMirela's Story\n\n"
    "Mirela's story is told with the kind permission of her grandmother so that every agency can learn from it.\n\n"
    "Mirela was twelve when she moved to Thornbury. Mirela's teacher saw that she was often tired, and Mirela told "
    "her that she looked after her brothers every night. Her friend Odile Varga said that Mirela was scared at home.\n"
)


def test_a_story_told_with_the_familys_permission_names_its_child_on_purpose(nlp, analyzer):
    assert "Mirela" in allowed(STORY)
    assert SEVERITY_RANK[worst(STORY, "Mirela", nlp, analyzer) or "info"] < SEVERITY_RANK["medium"]


def test_the_briefings_other_names_stay_findings(nlp, analyzer):
    assert "Odile Varga" not in allowed(STORY)
    assert SEVERITY_RANK[worst(STORY, "Odile Varga", nlp, analyzer)] >= SEVERITY_RANK["medium"]


@pytest.mark.parametrize(
    "sentence",
    [
        "With his parents' agreement this review shares Tobiasz's journey.",  # a review noun, no purpose word
        "Tobiasz's family gave their consent for Tobiasz's story to be shared so that lessons are learned.",
    ],
)
def test_other_shapes_of_consent_to_the_telling(sentence):
    assert "Tobiasz" in allowed("Learning Review\n\n" + sentence + "\n")


@pytest.mark.parametrize(
    "sentence",
    [
        # consent to pass the story on to an agency: no purpose, no review
        "His mother gave permission for the nurse to share Tobiasz's story with the GP in May 2021.",
        # the family refuses the telling
        "His parents asked that Tobiasz's story not be told in this review.",
        # no family consents: a practitioner decides
        "The social worker agreed that Tobiasz's story should help others learn.",
    ],
)
def test_a_story_without_the_familys_consent_to_this_telling_names_no_one(sentence):
    assert "Tobiasz" not in allowed("Learning Review\n\n" + sentence + "\n")


@pytest.mark.parametrize(
    ("dedication", "name"),
    [
        ("In memory of Ilse", "Ilse"),
        ("In loving memory of Tomos Price", "Tomos Price"),
        ("Dedicated to the memory of Bram and Saskia", "Bram"),
    ],
)
def test_a_dedication_set_apart_on_its_own_line_names_on_purpose(dedication, name):
    text = f"Harwick Child Protection Committee\n\nLearning Review\n\n{dedication}\n\n1. Introduction\n\n1.1 Text.\n"
    assert name in allowed(text)


def test_a_review_dedicated_in_a_sentence_names_on_purpose():
    assert "Nell" in allowed("Overview\n\nThis briefing is dedicated to Nell, who loved horses.\n")


def test_a_memorial_in_the_story_names_no_one(nlp, analyzer):
    text = "Learning Review\n\nA bench at the park was placed in memory of his cousin, Ambrose Tilley, in 2019.\n"
    assert "Ambrose Tilley" not in allowed(text)
    assert SEVERITY_RANK[worst(text, "Ambrose Tilley", nlp, analyzer)] >= SEVERITY_RANK["medium"]


@pytest.mark.parametrize(
    ("cover", "name"),
    [
        ("Serious Case Review re Caspian Holloway", "Caspian Holloway"),
        ("Learning Review in respect of the death of Ailbhe Corrigan", "Ailbhe Corrigan"),
        ("Child Practice Review: Concerning Eleri Watkin-Jones", "Eleri Watkin-Jones"),
        ("Serious Case Review\n\nRe Caspian Holloway", "Caspian Holloway"),  # the link under the title
        # a cover run into one line: the name ends at the next cover field
        (
            "Serious Case Review Re Caspian Holloway Born 3rd May 2010 Died 1st June 2013 Overview Report",
            "Caspian Holloway",
        ),
        ("Learning Review concerning Ailbhe Corrigan Independent Reviewer Tansy Orr", "Ailbhe Corrigan"),
    ],
)
def test_a_title_line_naming_the_review_after_its_child_names_on_purpose(cover, name):
    assert name in allowed(f"Harwick Safeguarding Children Board\n\n{cover}\n\n1. Introduction\n")


@pytest.mark.parametrize(
    "line",
    [
        "The panel met to discuss the review in respect of the death of Caspian Holloway.",  # a sentence
        "Serious Case Review re Child K",  # a code, not a name
        "The Serious Case Review concerning Caspian Holloway was published in 2015.",  # prose after the name
    ],
)
def test_a_named_title_is_only_a_whole_title_line_naming_a_person(line):
    assert not {"Caspian Holloway", "Child K"} & allowed(f"Harwick Safeguarding Children Board\n\n{line}\n")


def test_a_story_title_and_a_pronoun_consent_right_under_it_name_on_purpose():
    text = (
        "Learning Briefing\n\nWiktor's Journey\n\n"
        "His journey is shared with his mother's permission so that others can learn.\n\nWiktor was eight.\n"
    )
    assert "Wiktor" in allowed(text)


def test_a_story_title_with_the_consent_further_into_the_story_names_no_one():
    text = (
        "Learning Briefing\n\nWiktor's Journey\n\nWiktor was eight when he moved to Thornbury in 2020.\n\n"
        "Later his mother agreed that his journey could be shared so that the school could learn from it.\n"
    )
    assert "Wiktor" not in allowed(text)
