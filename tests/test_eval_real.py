"""`bench/eval_real.py`: the scorer for real review openings with reader gold.

The scoring rules are checked on hand-made predictions (exact counts), then the whole
scorer on the fictional fixture `tests/data/eval_real/` (the pipeline's own counts on
it), and that it prints counts and file stems only, never a word of the text.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from types import SimpleNamespace

import pytest

from pipeline.evaluate import real as eval_real

ROOT = Path(__file__).resolve().parents[1]

FIXTURE = ROOT / "tests" / "data" / "eval_real"


def fake_report(text: str, headings=(), contents=(), **meta):
    """A report with section headings and contents paragraphs at the given substrings."""

    def span(s):
        start = text.index(s)
        return start, start + len(s)

    sections = [SimpleNamespace(heading_start=span(h)[0], heading_end=span(h)[1]) for h in headings]
    paragraphs = [SimpleNamespace(kind="contents", start=span(c)[0], end=span(c)[1]) for c in contents]
    metadata = SimpleNamespace(**{"board": None, "title": None, "subject_child": None, "author": None, **meta})
    return SimpleNamespace(text=text, sections=sections, paragraphs=paragraphs, metadata=metadata, key=[])


def event(text: str, sentence: str, date: str | None, expression: str | None = None):
    start = text.index(sentence)
    exp = text.index(expression) if expression else None
    return SimpleNamespace(
        start=start,
        end=start + len(sentence),
        date=dt.date.fromisoformat(date) if date else None,
        expression_start=exp,
        expression_end=exp + len(expression) if expression else None,
    )


def test_metadata_spellings_honorifics_and_null_fields():
    match = eval_real.meta_match
    assert match("author", "Dr Jane Okoro MSc", "Jane Okoro")
    assert match(
        "board", "NORTHVALE SAFEGUARDING <strong>Child</strong>ren BOARD", "Northvale Safeguarding Children Board"
    )
    assert match("title", "Serious Case Review Child T", "Serious Case Review", subject="Child T")
    assert not match("title", "Serious Case Review Child Q", "Serious Case Review", subject="Child T")
    assert not match("board", "Local Safeguarding Children Board", "Northvale Local Safeguarding Children Board")
    assert match("author", None, None) and not match("author", "Jane Okoro", None)
    assert match("subject", "Children F, G and H", ["Child F", "Children F, G and H"])


def test_contents_lines_are_found_in_order_and_repeated_page_numbers_kept_apart():
    text = "Contents\n1. Introduction\n3\n2. The family\n3\n\n1. Introduction\nThe review began.\n"
    spans = eval_real.locate_lines(text, ["1. Introduction", "3", "2. The family", "3"])
    assert [text[a:b] for a, b in spans] == ["1. Introduction", "3", "2. The family", "3"]
    assert spans[1] != spans[3]
    report = fake_report(text, headings=["2. The family"], contents=["Contents\n1. Introduction"])
    gold = {"contents_lines": ["1. Introduction", "3", "2. The family", "3"], "headings": ["1. Introduction"]}
    scores = eval_real.score_structure(gold, report)
    # one contents line became a heading; the body heading (second occurrence) was not found
    assert scores["contents_as_heading"] == 1 and scores["contents_as_contents"] == 1
    assert scores["headings"] == 1 and scores["headings_found"] == 0 and scores["headings_unlocated"] == 0


def test_events_partial_dates_precision_and_document_dates():
    text = (
        "Published May 2019.\nIn March 2015 the baby was seen. She was weighed on 2 April 2015. The report dated "
        "May 2019 was read."
    )
    gold = {
        "events": [{"date": "2015-03", "text": "the baby was seen"}, {"date": "2015-04-02", "text": "She was weighed"}],
        "document_dates": ["May 2019"],
    }
    events = [
        event(text, "In March 2015 the baby was seen.", "2015-03-01", "March 2015"),
        event(text, "She was weighed on 2 April 2015.", "2015-04-03", "2 April 2015"),
        event(text, "The report dated May 2019 was read.", "2019-05-01", "May 2019"),
        event(text, "Published May 2019.", None),
    ]
    scores = eval_real.score_events(gold, fake_report(text), events)
    assert scores == {
        "gold": 2,
        "unlocated": 0,
        "right": 1,
        "pred_dated": 3,
        "pred_right": 1,
        "pred_own": 3,
        "pred_own_right": 1,
        "from_document_dates": 1,
    }


def test_events_precision_over_own_date_phrases_leaves_out_inherited_dates():
    text = "In March 2015 the baby was seen. She was weighed. The nurse rang."
    gold = {"events": [{"date": "2015-03", "text": "the baby was seen"}]}
    events = [
        event(text, "In March 2015 the baby was seen.", "2015-03-01", "March 2015"),
        event(text, "She was weighed.", "2015-03-01"),
        event(text, "The nurse rang.", "2015-03-01"),
    ]
    scores = eval_real.score_events(gold, fake_report(text), events)
    assert (scores["pred_dated"], scores["pred_right"]) == (3, 1)
    assert (scores["pred_own"], scores["pred_own_right"]) == (1, 1)


def test_verify_false_alarms_identifiers_and_people_named_on_purpose():
    text = "Author: Jane Okoro. Child T was born on 4 June 2017. The social worker Ms Pell visited."
    finding = lambda s, sev="medium": SimpleNamespace(  # noqa: E731
        start=text.index(s), end=text.index(s) + len(s), severity=sev, location=None
    )
    gold = {"identifiers": ["4 June 2017", "Ms Pell"], "named_on_purpose": ["Jane Okoro"]}
    findings = [finding("4 June 2017", "high"), finding("Jane Okoro"), finding("Child T", "low")]
    scores = eval_real.score_verify(gold, fake_report(text), findings)
    assert scores["identifiers_found"] == 1 and scores["identifiers"] == 2
    assert scores["false_alarms"] == 1 and scores["named_flagged"] == 1 and scores["medium_plus"] == 2


def test_verify_a_part_of_a_gold_identifier_elsewhere_is_a_mention_not_a_false_alarm():
    text = (
        "Tobin Marchetti died in 2015. Tobin's mother, Ms Marchetti, was charged. Ms Lyle, the midwife, rang on 5 May."
    )
    finding = lambda s: SimpleNamespace(  # noqa: E731
        start=text.index(s), end=text.index(s) + len(s), severity="medium", location=None
    )
    gold = {"identifiers": ["Tobin Marchetti", "5 May 2015"], "named_on_purpose": []}
    findings = [finding("Tobin Marchetti"), finding("Tobin's"), finding("Marchetti,"), finding("Lyle"), finding("May.")]
    scores = eval_real.score_verify(gold, fake_report(text), findings)
    assert scores["identifiers_found"] == 1
    # "Tobin's" and "Marchetti" are the identifier again; "Lyle" is no identifier, nor is a word of a date
    assert scores["identifier_mentions"] == 2 and scores["false_alarms"] == 2


def test_summary_adds_counts_and_makes_ratios():
    per_file = {
        "a": {"key": {"gold": 2, "pred": 1, "tp": 1}, "themes": {"tp": 1, "fp": 1, "fn": 0}},
        "b": {"key": {"gold": 2, "pred": 3, "tp": 2}, "themes": {"tp": 0, "fp": 0, "fn": 2}},
    }
    total = eval_real.summarise(per_file)
    assert total["counts"]["key"] == {"gold": 4, "pred": 4, "tp": 3}
    assert total["ratios"]["key_recall"] == 0.75 and total["ratios"]["themes_recall"] == 0.333


@pytest.fixture(scope="module")
def fixture_result(nlp):
    return eval_real.evaluate(FIXTURE, nlp=nlp)


def test_fixture_counts(fixture_result):
    scores = fixture_result["per_file"]["scr_child_t_marrowfield"]
    assert scores["key"] == {"gold": 3, "pred": 3, "tp": 3, "pred_all": 3, "tp_all": 3, "pred_cover_subject": 0}
    assert scores["metadata"]["right"] == 4 and scores["metadata"]["invented"] == 0
    structure = scores["structure"]
    assert (structure["contents"], structure["contents_unlocated"], structure["contents_as_heading"]) == (3, 0, 0)
    assert structure["contents_as_contents"] == 3
    assert (structure["headings"], structure["headings_found"]) == (3, 3)
    verify = scores["verify"]
    # the exact day of the admission, in a review that otherwise writes month and year, is an identifier
    assert (verify["identifiers"], verify["identifiers_found"], verify["false_alarms"]) == (3, 3, 0)
    events = scores["events"]
    assert (events["gold"], events["unlocated"], events["right"], events["from_document_dates"]) == (3, 0, 3, 0)
    assert events["pred_right"] == 3 and events["pred_dated"] >= 3
    assert scores["themes"]["tp"] + scores["themes"]["fn"] == 3


def test_output_is_counts_and_stems_only(fixture_result, tmp_path):
    out = json.dumps(fixture_result) + "\n".join(eval_real.result_lines(fixture_result))
    gold = json.loads((FIXTURE / "scr_child_t_marrowfield.gold.json").read_text(encoding="utf-8"))
    quoted = (
        gold["identifiers"]
        + gold["named_on_purpose"]
        + [e["text"] for e in gold["events"]]
        + ["Marrowfield Safeguarding"]
    )
    assert "scr_child_t_marrowfield" in out
    assert not [s for s in quoted if s in out]


def test_files_read_since_are_left_out(tmp_path):
    folder, read = tmp_path / "set", tmp_path / "read"
    folder.mkdir(), read.mkdir()
    for stem in ("a_review", "b_review"):
        (folder / f"{stem}.txt").write_text("text", encoding="utf-8")
        (folder / f"{stem}.gold.json").write_text("{}", encoding="utf-8")
    (folder / "SOURCES.txt").write_text(
        "a_review\thttps://example.org/a\nb_review\thttps://example.org/b\n", encoding="utf-8"
    )
    (read / "helper.txt").write_text("https://example.org/b\n", encoding="utf-8")
    skip = eval_real.seen_stems(folder, read)
    assert skip == {"b_review"}
    assert [stem for stem, _, _ in eval_real.load_cases(folder, skip)] == ["a_review"]


def test_a_subject_named_only_on_the_cover_is_counted_apart_from_declared_codes():
    from pipeline.report import Source
    from pipeline.structure import build_report

    report = build_report(
        "Serious Case Review\n\nChild Q\n\n1.1 Child Q lived with her grandmother (GM) and her father (FQ).\n",
        Source(name="t.txt", sha256="0", format="text"),
    )
    scores = eval_real.score_key({"key": [{"code": "GM"}, {"code": "FQ"}]}, report)
    assert [e.source for e in report.key if e.code == "Child Q"] == ["cover_subject"]
    assert scores == {"gold": 2, "pred": 2, "tp": 2, "pred_all": 3, "tp_all": 2, "pred_cover_subject": 1}
    listed = eval_real.score_key({"key": [{"code": "Child Q"}]}, report)
    assert listed["pred_cover_subject"] == 0 and listed["tp_all"] == 1  # the gold lists it: a hit of every entry
    assert listed["tp"] == 0  # but no declared code: the text never declares it


def test_key_ratios_keep_both_figures():
    per_file = {"a": {"key": {"gold": 2, "pred": 2, "tp": 2, "pred_all": 3, "tp_all": 2, "pred_cover_subject": 1}}}
    ratios = eval_real.summarise(per_file)["ratios"]
    assert ratios["key_precision"] == 1.0 and ratios["key_precision_all"] == 0.667
    assert ratios["key_recall"] == ratios["key_recall_all"] == 1.0
