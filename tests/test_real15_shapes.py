"""Real-shape rules of the real15 pass (issue #13): verify and events on published pages' shapes.

Each rule was motivated by a real published page (never quoted).  Every test uses invented text in the same
shape, worded differently, and checks the other side too: the wrong reading stays out, the right one is still
found.  All names, places, boards and dates are fictional.
"""

from __future__ import annotations

import pytest

from pipeline.deid.verify import _titled_subject_names
from pipeline.events.scope import is_review_method
from pipeline.themes import text_report
from published_shapes import dated_events, flagged

_flagged = flagged
_events = dated_events


@pytest.fixture(scope="module")
def analyzer(nlp):
    from pipeline.deid.recognizers import build_analyzer

    return build_analyzer(nlp)


# ---- verify: children named in a published review's title --------------------------------------------------
@pytest.mark.parametrize(
    "title, names",
    [
        # two children after a plural death link, the title's words after the first in lower case
        (
            "The joint inquiry into the deaths of Oskar Brandt-Lowe and Mirela Dascal",
            ["Oskar Brandt-Lowe", "Mirela Dascal"],
        ),
        (
            "A thematic review following the deaths of Anwen Pryce, Lukas Ferrand and Tegid Rowe",
            ["Anwen Pryce", "Tegid Rowe"],
        ),
        # the child's name first, straight before the review type, after the title's dash or colon
        (
            "Bulletin: Harrowmere Safeguarding Partnership - Oriel Dunmore Child Safeguarding Practice Review",
            ["Oriel Dunmore"],
        ),
        ("Fennick Arland Learning Review", ["Fennick Arland"]),
    ],
)
def test_title_shapes_name_the_children(title, names):
    found = " | ".join(_titled_subject_names(title + "\n\nIntroduction\n"))
    assert all(name in found for name in names)


@pytest.mark.parametrize(
    "text",
    [
        "Harrowmere Borough Council Serious Case Review\n",  # a council, not a child
        "The family read the Oriel Dunmore Serious Case Review last spring.\n",  # inside a sentence
        "We discussed the inquiry into the deaths of Oskar Brandt and Mirela Dascal with the panel.\n",
        "The national inquiry into the death of Oskar Brandt and his sister\n",  # singular link: the older rule's
    ],
)
def test_title_shapes_leave_sentences_and_boards_alone(text):
    assert not [n for n in _titled_subject_names(text) if "Oskar" in n or "Harrowmere" in n or "Oriel" in n]


def test_child_named_before_the_review_type_is_named_on_purpose(nlp, analyzer):
    text = (
        "Tuesday, 4 March 2014\n\nBulletin: Harrowmere Safeguarding Partnership - Oriel Dunmore Serious Case Review\n\n"
        "Copies of the overview report on Oriel Dunmore can be ordered from the partnership office. Oriel was nine.\n\n"
        "The review found that her stepfather, Gavin Tolley, had hidden the injuries from the school nurse.\n"
    )
    flagged = _flagged(nlp, analyzer, text)
    assert not {f for f in flagged if "Oriel" in f}
    assert "Gavin Tolley" in flagged  # the adult in the story stays a finding


def test_children_of_a_plural_death_title_are_named_on_purpose(nlp, analyzer):
    text = (
        "The joint inquiry into the deaths of Oskar Brandt-Lowe and Mirela Dascal\n\n"
        "Oskar Brandt Lowe (four) and Mirela Dascal (one) were both taken to hospital in the spring.\n\n"
        "Both children were known to the health visiting service. Oskar's mother, Ilona Brandt, moved twice.\n"
    )
    flagged = _flagged(nlp, analyzer, text)
    assert not {f for f in flagged if "Oskar" in f or "Mirela" in f}
    assert "Ilona Brandt" in flagged


# ---- events: the review's scope and the document's release date ----------------------------------------------
@pytest.mark.parametrize(
    "sentence",
    [
        "This overview report considered events between March 2004 and August 2012.",
        "The 36 page overview report covered the years from 2006 to 2010.",
        "Copies will go to the public once the summary is cleared for publication on 9 October.",
        "The summary was approved for publication in January 2019 by the partnership.",
    ],
)
def test_scope_and_release_sentences_are_review_method(sentence):
    assert is_review_method(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The police report was written in May 2012 after the mother moved.",
        "The mother covered the period between May and June by staying with her sister.",
        "The school published the exclusion letter on 4 June 2015.",
    ],
)
def test_case_sentences_about_reports_stay_events(sentence):
    assert not is_review_method(sentence)


def test_scope_sentence_writes_no_event_but_the_story_does(nlp):
    text = (
        "Introduction\n\nThis overview report considered events between March 2004 and August 2012. On 3 May 2010 the "
        "nursery told the health visitor that Tali had a bruise on her arm.\n"
    )
    dates = {d for d, _ in _events(nlp, text)}
    assert "2010-05-03" in dates
    assert "2004-03-01" not in dates


# ---- verify: a name cut by the end of a page excerpt ------------------------------------------------------------
def test_name_cut_by_the_excerpts_end_is_lowered(nlp, analyzer):
    text = (
        "Marek Ilic, five, and Mira Dobson, one, both died in 2021.\n\n"
        "The panel wanted to know what more the nursery could have offered to Marek and Mir"
    )
    flagged = _flagged(nlp, analyzer, text)
    assert "Mir" not in flagged
    assert "Mira Dobson" in flagged  # the whole name earlier is judged on its own


def test_a_whole_name_ending_the_text_stays_a_finding(nlp, analyzer):
    text = "The review was shared with the family.\n\nThe mother's friend at the time was Delyth Ormonde"
    assert any("Delyth" in f for f in _flagged(nlp, analyzer, text))


# ---- themes: the child's disability named as who the review is about -------------------------------------------
def _themes(nlp, text: str) -> set[str]:
    from pipeline.themes import tag_text

    return {t for label in tag_text(text + "\n", nlp) for t in label.theme_ids()}


@pytest.mark.parametrize(
    "text",
    [
        "The panel asked how homes could better care for young people with disabilities and complex medical needs.",
        "Ilan was a disabled child who used a walking frame at his primary school.",
    ],
)
def test_a_childs_disability_is_the_sen_theme(nlp, text):
    assert "neurodiversity_sen" in _themes(nlp, text)


def test_a_parents_disability_benefit_is_not_the_sen_theme(nlp):
    assert "neurodiversity_sen" not in _themes(nlp, "The father received a disability allowance and drove a van.")


# ---- key: a pseudonym declared in a bracket right after the title's subject --------------------------------------
def test_subject_pseudonym_declared_in_a_bracket_is_a_key_entry():
    report = text_report(
        "Learning Review Baby Tamsin (the Board has chosen a pseudonym so that the child and her parents cannot "
        "be recognised) Released spring 2016\n\nIntroduction\n\nBaby Tamsin was born in the spring.\n"
    )
    assert "Baby Tamsin" in {e.code for e in report.key if e.source == "declared"}


@pytest.mark.parametrize(
    "text",
    [
        "Serious Case Review\n\nBaby Tamsin (born in the spring) was seen by the GP.\n",
        "Baby Tamsin (the family asked that no pseudonym be used for the child) was seen by the GP.\n",
    ],
)
def test_other_brackets_after_a_subject_declare_nothing(text):
    assert "Baby Tamsin" not in {e.code for e in text_report(text).key if e.source == "declared"}
