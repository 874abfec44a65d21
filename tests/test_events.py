"""Events on the bundled real review, scored against its hand-written gold."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from pipeline.events import Event, extract_events

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "corpus" / "gold"

D = dt.date


@pytest.fixture(scope="module")
def events(child_e_report, child_e_doc) -> list[Event]:
    return extract_events(child_e_report, child_e_doc)


@pytest.fixture(scope="module")
def gold() -> list[dict]:
    path = GOLD / "child_e_events.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def event_at(events: list[Event], report_text: str, quote: str) -> Event:
    start = report_text.index(quote)
    matches = [e for e in events if e.start <= start < e.end]
    assert matches, f"no event for {quote!r}"
    return matches[0]


def test_relative_dates_follow_the_narrative(events, child_e_report):
    text = child_e_report.text
    assert event_at(events, text, "Two days later a 999 call").date == D(2017, 3, 13)
    rang = event_at(events, text, "ESW rang EF the following day")
    assert (rang.date, rang.relative) == (D(2017, 3, 23), True)
    assert event_at(events, text, "Three days after this meeting").date == D(2017, 3, 4)


def test_a_planned_date_does_not_move_the_anchor(events, child_e_report):
    text = child_e_report.text
    planned = event_at(events, text, "Discharge was planned to take place")
    assert (planned.date, planned.modality) == (D(2017, 5, 31), "planned")
    assert event_at(events, text, "EM did not room in that night").date == D(2017, 5, 25)
    span = event_at(events, text, "Over the following four days")
    assert (span.date, span.date_end) == (D(2017, 5, 26), D(2017, 5, 29))


def test_reported_relative_phrase_does_not_date_the_telling(events, child_e_report):
    said = event_at(events, child_e_report.text, "She said that EF had gone to hospital with her")
    assert said.expression is None and said.inherited


def test_inherited_sentences_carry_their_paragraph_date(events, child_e_report):
    told = event_at(events, child_e_report.text, "EM told ESW that she had previously suffered")
    assert (told.date, told.inherited, told.precision) == (D(2017, 3, 1), True, "day")
    # "may affect the unborn baby" is a modal verb, never May
    modal = event_at(events, child_e_report.text, "She said that she was struggling with anxiety")
    assert modal.date == D(2017, 3, 1) and modal.expression is None


def test_kpe_labels_follow_paragraph_markers(events, child_e_report):
    text = child_e_report.text
    assert event_at(events, text, "On 6th September, a LAC review took place").kpe == "KPE10"
    # the paragraph split by a footnote keeps the marker at its end
    assert event_at(events, text, "On 11th April the first PLO meeting").kpe == "KPE3"
    assert event_at(events, text, "On 28th February Staffordshire CS closed").kpe is None


def test_actors_are_role_codes_and_agencies(events, child_e_report):
    text = child_e_report.text
    assert event_at(events, text, "On 1st March ESW visited EM at home").actors[:2] == ["ESW", "EM"]
    passive = event_at(events, text, "On 29th March a social work assessment was completed by ESW")
    assert passive.actors == ["ESW"] and passive.action == "complete"
    met = event_at(events, text, "A week later EM met with the Young Parents Midwife")
    assert met.actors == ["EM", "YPMW"]
    assert "GMP" in event_at(events, text, "Information was received by GMP from EPGM").agencies


def test_only_chronology_sections_are_read(events, child_e_report):
    sections = {e.section for e in events}
    assert {"3.1", "3.2", "1.4"} <= sections
    for event in events:
        chain = [s.title.lower() for s in child_e_report.sections if s.start <= event.start < s.end]
        assert not any("evaluation" in t or "findings" in t or "recommendations" in t for t in chain)


def test_offsets_point_at_the_sentence(events, child_e_report):
    for event in events:
        assert child_e_report.text[event.start : event.end] == event.sentence
        if event.expression is not None:
            assert child_e_report.text[event.expression_start : event.expression_end] == event.expression


def test_against_gold(events, child_e_report):
    """Regression floor on the in-sample gold (bench/eval_events.py prints the full figures)."""
    from pipeline.evaluate.events import load_gold, match, score

    gold = load_gold(GOLD / "child_e_events.jsonl", child_e_report.text)
    matched = match(gold, events)
    own = score([g for g in gold if not g["inherited"]], matched)
    everything = score(gold, matched)
    assert own["matched"] == own["gold"]
    assert own["date_accuracy"] >= 0.9
    assert everything["date_accuracy"] >= 0.93
    assert everything["kpe_accuracy"] >= 0.9
    assert own["actor_f1"] >= 0.83 and everything["actor_f1"] >= 0.83
    assert everything["action_agreement"] >= 0.65


def test_attendees_listed_together_are_all_actors(events, child_e_report):
    attended = event_at(events, child_e_report.text, "In attendance were EM, EMGM")
    assert {"EM", "EMGM", "ESW", "SHV", "OHV1", "EFC"} <= set(attended.actors)
    # uncoded roles as the report writes them
    assert {"Paediatrician", "NNU staff nurse", "safeguarding nurse"} <= set(attended.actors)


def test_a_pronoun_is_the_latest_actor_it_can_stand_for(events, child_e_report):
    # "ESW visited EM ... She said that...": EM is the mother (key), ESW is "he" in the text
    said = event_at(events, child_e_report.text, "She said that EF had gone to hospital with her")
    assert said.actors[0] == "EM"
    told = event_at(events, child_e_report.text, "She told ESW that EF had been controlling")
    assert told.actors == ["EMGM", "ESW"]


def test_meetings_documents_and_courts_act(events, child_e_report):
    text = child_e_report.text
    assert event_at(events, text, "The strategy meeting noted").actors == ["strategy meeting"]
    # "The assessment recommended" is its author, who completed it the sentence before
    assert event_at(events, text, "The assessment recommended that a Legal Planning Meeting").actors == ["ESW"]
    # an order is made by a court; the child it concerns is acted upon
    assert event_at(events, text, "ES was made the subject of a Care and Placement Order").actors == ["court"]
    # a place left is not a participant
    assert event_at(events, text, "The following night EM left the hospital").actors == ["EM"]


def test_an_undated_paragraph_is_a_window_to_the_next_date(events, child_e_report):
    text = child_e_report.text
    contact = event_at(events, text, "EM made contact with her PA")
    assert (contact.date, contact.date_end) == (D(2017, 2, 6), D(2017, 2, 13))
    later = event_at(events, text, "She later told her PA")
    assert (later.date, later.date_end) == (D(2017, 2, 6), D(2017, 2, 13))
    # "Whilst in hospital" lasts until the discharge narrated next
    whilst = event_at(events, text, "Whilst in hospital EM told the midwife")
    assert (whilst.date, whilst.date_end, whilst.precision) == (D(2017, 3, 8), D(2017, 3, 11), "approx")
    stay = event_at(events, text, "remained in hospital for three days")
    assert (stay.date, stay.date_end) == (D(2017, 3, 8), D(2017, 3, 11))


def test_an_episode_after_two_narrated_dates_looks_back_over_them(events, child_e_report):
    text = child_e_report.text
    proceedings = event_at(events, text, "During the proceedings EM spent time")
    assert (proceedings.date, proceedings.date_end) == (D(2016, 8, 1), D(2017, 1, 4))
    period = event_at(events, text, "In this time period Child E was also allocated")
    assert (period.date, period.date_end, period.precision) == (D(2017, 6, 5), D(2017, 6, 9), "approx")
    # with one date narrated so far, an episode still runs forward to the next date
    placement = event_at(events, text, "Whilst in the placement it became apparent")
    assert (placement.date, placement.date_end) == (D(2016, 2, 1), D(2016, 8, 31))


def test_two_dated_clauses_are_two_events_and_then_follows_the_last(events, child_e_report):
    text = child_e_report.text
    order = event_at(events, text, "Child E was made the subject of an Interim Care Order on 17th May")
    discharge = event_at(events, text, "remained in hospital until discharge on 5th June 2017")
    assert order is not discharge
    assert (order.date, discharge.date) == (D(2017, 5, 17), D(2017, 6, 5))
    assert event_at(events, text, "Child E and EM then moved").date == D(2017, 6, 5)


def test_what_someone_said_happened_on_its_own_date_is_an_embedded_event(events, child_e_report):
    text = child_e_report.text
    start = text.index("she had experienced anxiety since 2013")
    inner = min((e for e in events if e.start <= start < e.end), key=lambda e: e.end - e.start)
    assert (inner.date, inner.precision) == (D(2013, 1, 1), "approx")
    # the telling keeps the appointment's date
    assert event_at(events, text, "She talked about her difficult childhood").date == D(2017, 4, 25)


def test_the_doc_must_be_the_reports_parse(child_e_report, nlp):
    other = nlp("On 1st March ESW visited EM.")
    with pytest.raises(ValueError):
        extract_events(child_e_report, other)


def test_a_paragraph_about_the_same_meeting_keeps_its_date_and_kpe(events, child_e_report):
    text = child_e_report.text
    meeting = event_at(events, text, "The meeting discussed Child E's ongoing care needs")
    assert (meeting.date, meeting.precision, meeting.kpe) == (D(2017, 5, 25), "day", "KPE6")
    # an undated paragraph that does not refer back is placed by narrative order only
    contact = event_at(events, text, "EM made contact with her PA")
    assert (contact.date, contact.precision) == (D(2017, 2, 6), "approx")
