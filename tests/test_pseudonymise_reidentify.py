"""Re-identify the real review with one name draw and code it again: no name may be left.

The draft is built by `pipeline/evaluate/reidentify.py` (fictional en_GB names in place of
the role codes, planted identifiers); the original text is the exact gold.
The benchmark runs several draws and plain Presidio; this test keeps one draw
as a guard.  It does not read bench/out.
"""

from __future__ import annotations

import pytest

SEED = 11


@pytest.fixture(scope="module")
def bench():
    from pipeline.evaluate import reidentify

    return reidentify


@pytest.fixture(scope="module")
def run(bench, child_e_report, nlp, tmp_path_factory):
    from pipeline.deid.keyfile import load_key
    from pipeline.deid.names.known import english_lexicon
    from pipeline.deid.pseudonymise import parse_for_key, pseudonymise_report
    from pipeline.deid.recognizers import build_analyzer
    from pipeline.ingest import load_report

    draft = bench.build_draft(child_e_report, SEED)
    draft_path, key_path = bench.write_draft(draft, tmp_path_factory.mktemp("reid"))
    report = load_report(draft_path)
    key = load_key(key_path)
    doc = parse_for_key(report, nlp, key)
    result = pseudonymise_report(report, doc, key, analyzer=build_analyzer(nlp), lexicon=english_lexicon(nlp))
    return draft, result, bench.score(draft, result.text)


def test_the_draft_really_holds_names(run):
    draft, _, _ = run
    assert len(draft.mentions) > 500
    forms = {m.form for m in draft.mentions}
    assert {"full", "first", "title_surname", "initial_surname", "upper_full", "linebreak_full"} <= forms
    assert draft.text.count("\n") == draft.gold.count("\n") + sum(m.form == "linebreak_full" for m in draft.mentions)


def test_no_name_is_left(run):
    _, _, score = run
    assert score["names_left"] == 0


def test_mentions_carry_the_right_code(run):
    _, _, score = run
    assert score["code_accuracy"] >= 0.99


def test_other_words_are_kept(run):
    _, _, score = run
    assert score["other_words_changed_share"] <= 0.01


def test_every_planted_identifier_becomes_its_placeholder(run):
    _, _, score = run
    assert score["planted"] >= 8
    assert score["planted_exact_placeholder"] == score["planted"]
