"""Contents pages as PDF converters split them (issue 13, struct7), on fictional text.

A column of section numbers set apart from the titles ("3 ⏎ 3.1 ⏎ 3.6"), and an entry that expands the first
one ("INTRODUCTION TO THE FINDINGS" after "INTRODUCTION"), must not end the table; nor must numbered
sub-entries written as sentences ("3.1 The family before the review period."), numbered on from those listed.
"""

from __future__ import annotations

from pipeline.ingest.text import normalise
from pipeline.report import Source
from pipeline.structure import build_report

SPLIT_COLUMNS = """UPPER DALE SAFEGUARDING CHILDREN BOARD

SERIOUS CASE REVIEW

CONTENTS
Section
1
1.1
1.5

Page
3

INTRODUCTION
How the review was done
Family views

4
6

WHAT HAPPENED

INTRODUCTION TO THE FINDINGS

3.1
3.6
3.12

FINDINGS


Introduction
Working with fathers
Neglect over time

14

RECOMMENDATIONS

22

1. INTRODUCTION
1.1 How the review was done: the Board agreed in March 2019 that the case met the criteria
for a review and asked an independent reviewer to lead it with a panel of senior managers.
"""

SENTENCE_ENTRIES = """CHILD R SERIOUS CASE REVIEW

LIST OF CONTENTS
Introduction
1.1 Why the review was held.
1.2 How the review was carried out.
2
The death of Child R
What happened
3.1 The family before the review period.
3.2 The agencies and the family during the review period (2016-2019).
4
What the family told us
Appraisal of practice
5.1 What the case says about work with older children.
5.2 Concluding remarks.
Recommendations
Appendix A

1. INTRODUCTION
1.1 Why the review was held
This review was commissioned jointly by the board and the partnership after the death of Child R in 2019. It
looked at the work of every agency in the three years before.
"""


def build(text: str):
    return build_report(normalise(text), Source(name="t.txt", sha256="0" * 64, format="text"))


def headings(report) -> list[str]:
    return [report.text[s.heading_start : s.heading_end] for s in report.sections]


def contents_text(report) -> str:
    return "\n".join(report.text[p.start : p.end] for p in report.paragraphs if p.kind == "contents")


def test_split_number_column_keeps_the_table_going() -> None:
    report = build(SPLIT_COLUMNS)
    assert headings(report)[0] == "1. INTRODUCTION"
    assert "Working with fathers" in contents_text(report)
    assert "INTRODUCTION TO THE FINDINGS" in contents_text(report)


def test_sentence_sub_entries_numbered_on_stay_in_the_table() -> None:
    report = build(SENTENCE_ENTRIES)
    assert headings(report)[0] == "1. INTRODUCTION"
    assert "Appraisal of practice" in contents_text(report)
    assert "Appendix A" not in headings(report)


def test_body_heading_then_numbered_paragraph_still_ends_the_table() -> None:
    """A heading after the table followed by a first numbered paragraph that restarts the numbering is the body."""
    text = SENTENCE_ENTRIES.replace(
        "1. INTRODUCTION\n1.1 Why the review was held\n",
        "About the author\n1.1 The author is a social worker who has written reviews for ten years.\n\n",
    )
    report = build(text)
    assert "About the author" in headings(report)


NEWS = """Toddler's death 'could not have been predicted'

The death of a two-year-old boy in Westmere could not have been predicted, a serious case review has found.

Warnings were not acted on

The boy had been seen by a doctor four times in the months before his death, the review said.

‘Left alone for hours’

A neighbour told the review that the boy was often heard crying at night.
Catalogue of missed chances
The review said that “nobody put the pieces together.”
What the family told us
The boy's grandmother told the reviewer that she had asked for help from the school twice that year.
"""


def test_sentence_case_and_quoted_sub_headings_of_a_page() -> None:
    """Short sentence-case lines between paragraphs, a quoted sub-heading, a heading after a paragraph that ends in
    a quotation; the page's headline above its first paragraph stays its title."""
    found = headings(build(NEWS))
    assert "Warnings were not acted on" in found
    assert "‘Left alone for hours’" in found
    assert "Catalogue of missed chances" in found
    assert "What the family told us" in found
    assert not any(h.startswith("Toddler") for h in found)


def test_sentence_case_caption_or_wrapped_line_is_no_heading() -> None:
    text = (
        "1. Introduction\n\n1.1 The review began in May.\n\n"
        "The cause of the death was recorded as 'unascertained'\n\n"
        "1.2 The panel met four times and heard from the family and from each of the agencies involved.\n\n"
        "The panel heard that the family had moved to the area\n"
        "in the spring of 2019 and had registered with a doctor in the town.\n"
    )
    found = headings(build(text))
    assert not any("unascertained" in h or h.startswith("The panel heard") for h in found)


def test_sentence_cut_by_a_page_break_is_no_heading() -> None:
    """A PDF's page break leaves a blank line inside a sentence: the cut line ends in a word no title ends in."""
    text = (
        "1. Introduction\n\n1.1 The review began in May and looked at the two years before the injury.\n\n"
        "KM reported that she had not spoken to\n\n"
        "DF for six days, and that she meant to change her telephone number so that he could not call her.\n"
    )
    assert not any(h.startswith("KM reported") for h in headings(build(text)))
