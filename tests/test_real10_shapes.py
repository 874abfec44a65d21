"""Issue 13, shapes seen on published openings (set real10, fictional text written for these tests):

* a child's standing told once in a review's background (a looked-after child "lived in a residential unit",
  "the family court made placement orders") is a fact of the case, not a procedure named in
  passing (`facts` of a theme in models/themes.yaml);
* a numbered line after a numbered prose paragraph of the same level is the next paragraph broken at a line or
  page end ("1.4 Two weeks after"), and a row of page numbers ("1   2   3   4   5") is no heading
  (pipeline/structure/headings.py)."""

from __future__ import annotations

from pipeline.report import Source
from pipeline.structure import build_report
from pipeline.themes import load_taxonomy, tag_text
from pipeline.themes.tagger import ThemeTagger

SOURCE = Source(name="t.txt", sha256="0", format="text")
FILLER = (
    "Tomasz Wierzbicki grew up in a flat above a bakery on Quarry Lane in Holmbridge with his aunt. "
    "He was keen on football and spent Saturday mornings at the club near the canal with his cousin Dara. "
    "At eleven he moved up to the secondary school on the hill and joined the chess club there. "
    "His aunt worked early shifts at the depot and a neighbour gave him breakfast on weekdays. "
) * 3


def _themes(nlp, text: str, tagger: ThemeTagger | None = None) -> set[str]:
    return {t for label in tag_text(text, nlp, tagger=tagger) for t in label.theme_ids()}


# ---- a child's standing told once -----------------------------------------------------------------
RESIDENTIAL = (
    FILLER + "\n\nWhen he was fourteen Tomasz was a looked after child and lived in a residential unit run by a "
    "private provider some forty miles from Holmbridge.\n"
)
COURT = (
    FILLER + "\n\nThe twins have been cared for by the local authority since the spring. In June the family "
    "court made placement orders so that both of them could be adopted.\n"
)


def test_a_child_living_in_a_residential_unit_is_a_placement_fact(nlp):
    assert "placement_type_mother_baby_foster" in _themes(nlp, RESIDENTIAL)


def test_placement_orders_the_court_made_are_a_legal_fact(nlp):
    assert "legal_court_process" in _themes(nlp, COURT)


def test_without_facts_the_same_sentences_are_passing_mentions(nlp):
    taxonomy = load_taxonomy().model_copy(deep=True)
    for theme in taxonomy.themes:
        theme.facts = []
    tagger = ThemeTagger(taxonomy=taxonomy)
    assert "placement_type_mother_baby_foster" not in _themes(nlp, RESIDENTIAL, tagger)
    assert "legal_court_process" not in _themes(nlp, COURT, tagger)


def test_an_adults_residential_home_alone_is_no_placement(nlp):
    text = FILLER + "\n\nHis great-grandmother had moved into a residential home by the sea the year before.\n"
    assert "placement_type_mother_baby_foster" not in _themes(nlp, text)


def test_a_procedure_named_once_is_still_passing(nlp):
    # the `facts` are the child's standing only: a referral made once stays narrative
    text = FILLER + "\n\nIn March a referral was made to the early help team about the family.\n"
    assert "multi_agency_working" not in _themes(nlp, text)


def test_a_parents_own_placement_or_order_is_no_fact_of_the_childs(nlp):
    # whose the fact is, read from the parse above the cue: the mother's childhood is her history
    for sentence in (
        "Tomasz's mother grew up in a children's home in Poznan.",
        "His mother had herself been in foster care as a teenager.",
        "His father had been subject to a care order himself when he was twelve.",
    ):
        got = _themes(nlp, FILLER + "\n\n" + sentence + "\n")
        assert not got & {"placement_type_mother_baby_foster", "legal_court_process"}, sentence


def test_facts_must_be_cues_of_their_theme():
    taxonomy = load_taxonomy()
    for theme in taxonomy.themes:
        listed = {c for cues in theme.cues.values() for c in cues}
        assert set(theme.facts) <= listed


# ---- numbered paragraphs broken at a line end; page-number rows -------------------------------------
def _headings(text: str) -> list[str]:
    report = build_report(text, SOURCE)
    return [report.text[s.heading_start : s.heading_end] for s in report.sections]


PARAGRAPHS = [
    "1. What happened",
    "1.1 When Mirela was four months old her father called an ambulance to the flat because she was limp and pale. "
    "She was taken to hospital where she was found to have bleeding around the brain.",
    "1.2 The police were informed and both parents were interviewed the same day. Mirela's older brother went to "
    "stay with his paternal grandparents in Ashcombe while enquiries were made.",
    "1.3 The family had been known to the health visiting service since Mirela's birth and to the housing office "
    "because of damp in the flat.",
]


def test_a_short_line_numbered_after_a_prose_paragraph_is_no_heading():
    heads = _headings("\n\n".join([*PARAGRAPHS, "1.4 Two weeks after"]))
    assert heads == ["1. What happened"]


def test_a_cut_paragraph_going_on_after_a_page_break_is_no_heading():
    heads = _headings(
        "\n\n".join([*PARAGRAPHS, "1.4 Two weeks after", "the injury the parents were interviewed again."])
    )
    assert heads == ["1. What happened"]


def test_a_short_numbered_line_followed_by_its_own_paragraph_is_a_heading_even_after_prose_siblings():
    # a review that numbers both its paragraphs and a sub-heading at one level: the heading's paragraph follows
    heads = _headings(
        "\n\n".join([*PARAGRAPHS, "1.4 The views of the family", "Mirela's parents met the reviewer twice."])
    )
    assert heads == ["1. What happened", "1.4 The views of the family"]


def test_a_sub_heading_after_a_heading_is_still_a_heading():
    text = "\n\n".join(
        [
            "1. Introduction",
            "1.1 Why this review",
            "The partnership decided to review the case because of concerns about how agencies shared information.",
            "1.2 The family",
            "Mirela lived with her parents and her older brother in a rented flat in Ashcombe.",
        ]
    )
    assert _headings(text) == ["1. Introduction", "1.1 Why this review", "1.2 The family"]


def test_a_row_of_page_numbers_is_no_heading():
    text = "\n\n".join(
        [
            "  1   2   3   4   5",
            "1. Introduction",
            "1.1 Circumstances of the review",
            "1.1.1 Mirela was taken to her GP by her father because she seemed unwell and the nurse gave advice "
            "before the family went home.",
        ]
    )
    assert _headings(text) == ["1. Introduction", "1.1 Circumstances of the review"]


def test_a_first_numbered_line_opening_with_a_date_and_a_comma_is_a_paragraph():
    # a chronology paragraph cut at the end of its first line: no sibling paragraph before it to tell
    text = "\n\n".join(["2. What happened", "2.1 On 4 June 2016, the health visitor called at the flat and"])
    assert _headings(text) == ["2. What happened"]
    text = "\n\n".join(["2. What happened", "2.1 In May 2016, the family moved to Ashcombe"])
    assert _headings(text) == ["2. What happened"]


def test_a_date_heading_without_a_following_clause_is_still_a_heading():
    text = "\n\n".join(
        [
            "2. What happened",
            "2.1 June 2016 to March 2017",
            "Mirela lived with her parents and her older brother in a rented flat in Ashcombe throughout this time.",
        ]
    )
    assert _headings(text) == ["2. What happened", "2.1 June 2016 to March 2017"]
