"""Issue 13, themes on real openings (fictional text): a theme the taxonomy defines as the co-occurrence
of others.  The toxic trio is domestic abuse, parental mental ill-health and substance misuse together;
published narratives tell the three facts without naming the trio.  All names and facts are invented."""

from __future__ import annotations

from pipeline.themes import tag_text
from pipeline.themes.tagger import default_tagger


def _tagged(nlp, text: str) -> set[str]:
    return {t for label in tag_text(text + "\n", nlp) for t in label.theme_ids()}


def test_the_three_parts_in_one_paragraph_make_the_toxic_trio(nlp):
    found = _tagged(
        nlp,
        "Baby Lenn was born in March. His father had been charged with assaulting his mother after several "
        "incidents of domestic violence. The probation officer told social care that the mother seemed "
        "depressed and was drinking alcohol to excess in the evenings.",
    )
    assert {"domestic_abuse", "parental_mental_health", "substance_misuse"} <= found
    assert "toxic_trio_cumulative_risk" in found


def test_two_of_the_three_are_not_the_toxic_trio(nlp):
    found = _tagged(
        nlp,
        "Baby Lenn was born in March. His father had been charged with assaulting his mother after several "
        "incidents of domestic violence. The mother was drinking alcohol to excess in the evenings.",
    )
    assert {"domestic_abuse", "substance_misuse"} <= found
    assert "toxic_trio_cumulative_risk" not in found


def test_the_composite_is_data_in_the_taxonomy():
    assert default_tagger().composites["toxic_trio_cumulative_risk"] == (
        "domestic_abuse",
        "parental_mental_health",
        "substance_misuse",
    )
