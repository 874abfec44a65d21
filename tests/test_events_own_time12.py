"""An undated sentence with a time of its own takes no date from its paragraph (session ten).

Real openings carry a dated sentence's date into the next sentences when those are placed at
a time of their own that the date reader cannot turn into a date: a deictic or vague time the
parser tags as a date ("Last winter", "only a week before the fire") or a period of someone's
own life ("during his adolescence", "at the time of her birth").  Those sentences are not at
the paragraph's date; a duration ("for two weeks"), an age inside a noun ("the two-year-old"),
a time pointing back at the one just narrated ("that evening", "the same month") and a period
named without a possessor ("during the visit") still go on with it.  Invented text; all names
and places are fictional.
"""

from __future__ import annotations

import datetime as dt

import pytest

from events_text import dated_sentences
from pipeline.events.narrative import has_own_time_phrase

D = dt.date


def _first_sentence(nlp, text: str):
    return next(iter(nlp(text).sents))


@pytest.mark.parametrize(
    "sentence",
    [
        "Last winter the academy trust raised concerns about the attendance of pupils.",
        "The two calls were only a week before the fire at the flat.",
        "During Tomasz's adolescence the relationship with his stepfather came under strain.",
        "At the time of her birth the father was on bail for an assault.",
        "Throughout her pregnancy Ilse missed most antenatal appointments.",
        "Those two phone calls were only six days before he died.",
    ],
)
def test_a_time_of_its_own(nlp, sentence):
    assert has_own_time_phrase(_first_sentence(nlp, sentence))


@pytest.mark.parametrize(
    "sentence",
    [
        "Nadia stayed on the children's ward for two weeks.",
        "The two-year-old was taken to the surgery by his aunt.",
        "The duty officer visited the house that evening.",
        "He started at a new primary school the same month.",
        "During the visit the nurse saw a small bruise on his cheek.",
        "At the time of the visit the flat was cold.",
        "The team made a plan based on her staying at the refuge during her pregnancy.",
    ],
)
def test_no_time_of_its_own(nlp, sentence):
    assert not has_own_time_phrase(_first_sentence(nlp, sentence))


def test_sentences_at_their_own_time_keep_no_paragraph_date(tmp_path, nlp):
    text = (
        "Chronology\n\n"
        "On 4 March 2021 Rafi was taken to Marlow Vale Hospital with a burn to his hand. "
        "The nurse rang the duty social worker. "
        "The nurse spoke to the family again that evening. "
        "During Rafi's infancy his mother had moved between three hostels.\n\n"
        "On 9 June 2021 the school nurse saw Rafi's sister Esme. "
        "Last autumn the school had asked for an early help assessment.\n"
    )
    dated = dated_sentences(tmp_path, nlp, text)
    assert any("Rafi was taken" in s and d == D(2021, 3, 4) for s, d in dated.items()), dated
    assert not any("infancy" in s for s in dated), dated
    assert not any("Last autumn" in s for s in dated), dated
    # a sentence that goes on with the occasion still takes its date
    assert any("rang the duty" in s and d == D(2021, 3, 4) for s, d in dated.items()), dated
    assert any("again that evening" in s and d == D(2021, 3, 4) for s, d in dated.items()), dated


def test_what_follows_a_time_of_its_own_is_at_that_time_too(tmp_path, nlp):
    text = (
        "Summary of the case\n\n"
        "Baby Orla was admitted to Kestrel Bay Hospital on 12 August 2022 with a fractured arm. "
        "During her mother's teenage years the family had been known to children's services. "
        "The mother was placed with foster carers and moved schools twice.\n"
    )
    dated = dated_sentences(tmp_path, nlp, text)
    assert any("Orla was admitted" in s and d == D(2022, 8, 12) for s, d in dated.items()), dated
    assert not any("teenage years" in s for s in dated), dated
    assert not any("foster carers" in s for s in dated), dated
