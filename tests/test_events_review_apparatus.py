"""The review's apparatus named by a noun is no event of the case (pipeline/events/scope.py
`names_review_body`, `sent_to_review`): a board or partnership as the subject or object of any verb,
a review named with its type name, a referral to the board, a line cut off its verb.  The case's
own dates beside them still count.  Invented text; all names and places are fictional."""

from __future__ import annotations

import datetime as dt

from events_text import dated_sentences

D = dt.date


def test_the_boards_history_under_any_verb_is_no_event(tmp_path, nlp):
    text = (
        "Introduction\n\n"
        "The Westfold Safeguarding Children Partnership took over from the old board in autumn 2020. "
        "The partnership wants its recommendations met by June 2023. "
        "During 2020 there were two Rapid Reviews about babies hurt at home in Westfold. "
        "Oxmere Safeguarding Board ordered a Child Safeguarding Review during August 2021 about Baby Nell.\n\n"
        "What happened\n\n"
        "On 2 April 2021 Baby Nell was taken to hospital with a burn to her hand.\n"
    )
    dated = dated_sentences(tmp_path, nlp, text)
    for fragment in ("took over", "wants", "Rapid Reviews", "ordered"):
        assert not any(fragment in s for s in dated), (fragment, dated)
    assert any("Baby Nell was taken" in s and d == D(2021, 4, 2) for s, d in dated.items())


def test_a_referral_to_the_board_and_a_line_cut_from_its_verb(tmp_path, nlp):
    text = (
        "Introduction\n\n"
        "1.1 This learning review was asked for after a notification to the Hollinwick Partnership on 3 May 2022.\n\n"
        "1.2. Our work started after the case went to the\n\n"
        "Hollinwick Safeguarding Children Board on 9th October 2006.\n\n"
        "1.3 On 1 October 2006 Kofi was found alone at home by a neighbour.\n"
    )
    dated = dated_sentences(tmp_path, nlp, text)
    assert not any("notification" in s or "Board on" in s for s in dated), dated
    assert any("Kofi was found" in s and d == D(2006, 10, 1) for s, d in dated.items())


def test_a_childs_own_review_meeting_and_a_review_into_a_dated_harm_stay(tmp_path, nlp):
    text = (
        "Chronology\n\n"
        "The Child Protection Review was held on 5 March 2019 and the plan continued. "
        "This Serious Case Review is a study of the harm done to a small girl, Child R, in April 2018.\n"
    )
    dated = dated_sentences(tmp_path, nlp, text)
    assert any("Child Protection Review" in s and d == D(2019, 3, 5) for s, d in dated.items()), dated
    assert any("harm done to a small girl" in s and d == D(2018, 4, 1) for s, d in dated.items()), dated


def test_a_pages_dateline_under_its_headline_is_no_event(tmp_path, nlp):
    """A news page's date alone on a line under the headline and standfirst is when it was
    published (pipeline/events/masks.py `_dateline`); a chronology's one date line under its
    heading still dates the entries below it."""
    news = (
        "Westfold review published today\n"
        "Westfold partnership publishes review after a young man died.\n"
        "12th March, 2023\n"
        "The Westfold Partnership has asked ministers for help with knife crime after a boy died.\n"
        "On 4 June 2021 Remi was excluded from school.\n"
    )
    dated = dated_sentences(tmp_path, nlp, news)
    assert not any(d.year == 2023 for d in dated.values()), dated
    assert any("Remi was excluded" in s and d == D(2021, 6, 4) for s, d in dated.items())
    chronology = "Chronology\n\n12 March 2015\n\nThe mother took Ada to the GP.\n"
    dated = dated_sentences(tmp_path, nlp, chronology)
    assert any("took Ada" in s and d == D(2015, 3, 12) for s, d in dated.items()), dated


def test_a_safeguarding_word_qualifies_a_body_without_children(tmp_path, nlp):
    """The qualifier read off a modifier keeps a leading 's' ("safeguarding", "scr"): only a possessive
    's is stripped, so a partnership with no "Children" in its name is still the review's apparatus."""
    text = (
        "Introduction\n\n"
        "The Threlmoor Safeguarding Partnership moved to new offices in May 2022. "
        "The safeguarding board wrote to the family in June 2022.\n\n"
        "What happened\n\n"
        "On 4 March 2022 Oskar was seen at the walk-in centre with a bruise to his ear.\n"
    )
    dated = dated_sentences(tmp_path, nlp, text)
    assert not any("new offices" in s or "wrote to the family" in s for s in dated), dated
    assert any("Oskar was seen" in s and d == D(2022, 3, 4) for s, d in dated.items()), dated
