"""Lawful public naming in published reviews, each next to a relative of the family that must stay a leak.

Every text is fictional.  Shapes: co-authors cited before a year or a numbered or footnote mark, a
reference line opened by a footnote mark, a judge's title, a public office in apposition (before or after
the name), the author of a cited public report, and a child of a public case cited with the national body
and year that reported it.  A relative described by a job ("his uncle, Kim Vale, a director of a firm")
or standing beside a family word is a person of the story whatever office word is near.
"""

from __future__ import annotations

from verify_text import findings_of, serious, worst


def test_co_authors_before_a_year_or_a_reference_mark_are_cited_authors(nlp, analyzer):
    text = (
        "1. Research\n\n"
        "Drift in long-term neglect was described by Quennell, Abernathy and Osei (2017). Work by Tremlow and"
        " Vasquez[7] found the same, and Ingleby and colleagues\u00b3 called it starting over. Zoe's cousin,"
        " Kieran Mottram, lived nearby.\n\n"
        "\u00b3 Ingleby, R., Castellan, P. and Wexcombe, D. (2015) Starting over. Leeds: Aire Press.\n"
    )
    findings = findings_of(text, nlp, analyzer)
    for cited in ("Abernathy", "Tremlow", "Ingleby", "Wexcombe"):
        assert not serious(worst(findings, cited)), cited
    assert serious(worst(findings, "Kieran Mottram"))


def test_a_judges_title_or_an_office_in_apposition_is_a_public_office(nlp, analyzer):
    text = (
        "2. Background\n\n"
        "The Senior Coroner, Mr Anselm Grieve, opened an inquest in 2022. District Judge Philippa Okafor made an"
        " interim order. Bronwen Achterberg, Chief Social Work Officer, asked for the review. The child lived"
        " with her mother and her step-grandfather, Royston Pike, a retired coroner's officer.\n"
    )
    findings = findings_of(text, nlp, analyzer)
    for office_holder in ("Anselm Grieve", "Philippa Okafor", "Bronwen Achterberg"):
        assert not serious(worst(findings, office_holder)), office_holder
    assert serious(worst(findings, "Royston Pike"))


def test_a_relative_beside_an_office_word_stays_a_leak(nlp, analyzer):
    text = (
        "3. The family\n\n"
        "The boy's aunt, Deirdre Falconbridge, the Chief Executive of a housing charity, cared for him in 2020."
        " The father, Mr Colm Varga, told the reviewer that he had moved to Leeds.\n"
    )
    findings = findings_of(text, nlp, analyzer)
    assert serious(worst(findings, "Deirdre Falconbridge"))
    assert serious(worst(findings, "Colm Varga"))


def test_the_author_of_a_cited_public_report_is_cited_but_a_practitioners_dated_report_is_not(nlp, analyzer):
    text = (
        "4. Context\n\n"
        "Dame Ottoline Preece's review of youth justice (2016) made twelve recommendations, and the inquiry"
        " chaired by Sir Marwood Teague into secure care (2019) added more. Jamie's uncle, Lorcan Feeney,"
        " wrote to the school on 3 March 2021.\n"
    )
    findings = findings_of(text, nlp, analyzer)
    assert not serious(worst(findings, "Ottoline Preece"))
    assert not serious(worst(findings, "Marwood Teague"))
    assert serious(worst(findings, "Lorcan Feeney"))


def test_a_child_of_a_public_case_cited_with_its_national_body_and_year(nlp, analyzer):
    text = (
        "5. National learning\n\n"
        "The deaths of Rhiannon Vosper and Tobiah Clerkenwell (National Review Panel, 2020) showed the risk of"
        " unseen men. Ellie's half-brother, Dominic Strade, was not known to services (see section 6).\n"
    )
    findings = findings_of(text, nlp, analyzer)
    assert not serious(worst(findings, "Rhiannon Vosper"))
    assert not serious(worst(findings, "Tobiah Clerkenwell"))
    assert serious(worst(findings, "Dominic Strade"))
