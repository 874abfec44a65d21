"""Structure detection on small hand-made reviews in other common shapes."""

from __future__ import annotations

import datetime as dt

from pipeline.report import Source
from pipeline.structure import build_report

SOURCE = Source(name="t.txt", sha256="0", format="text")


def build(text: str):
    return build_report(text, SOURCE)


def test_key_lines_with_hyphen_colon_tab_and_table():
    text = (
        "Key\n\n"
        "AM - Mother of Child A\n"
        "AF: Father of Child A\n"
        "HV1\tHealth Visitor\n"
        "| SW2 | Social Worker (second) |\n"
        "Baby A = the subject child\n"
        "Mr B - Partner of AM\n\n"
        "AM told HV1 that AF had left.\n"
    )
    report = build(text)
    codes = {e.code: e.kind for e in report.key}
    assert codes == {
        "AM": "family",
        "AF": "family",
        "HV1": "practitioner",
        "SW2": "practitioner",
        "Baby A": "family",
        "Mr B": "family",
    }
    assert [e.code for e in report.key if e.subject] == ["Baby A"]


def test_a_single_code_like_line_is_not_a_key():
    report = build("Introduction\n\nNB: the social worker is named in the appendix.\n\nMore text follows here.\n")
    assert report.key == []


def test_agency_table_is_not_a_key():
    text = (
        "Agency\tDesignation\n"
        "CAFCASS\tImprovement Manager\n"
        "Greater Manchester Police\tReview Team\n"
        "LSCB\tBusiness Manager\n"
        "Children's Services\tDirector\n"
    )
    assert build(text).key == []


def test_section_prefix_markdown_and_caps_headings():
    text = (
        "# Learning Review: Baby B\n\n"
        "Section 1: Introduction\n\n"
        "Text of the introduction.\n\n"
        "## 1.1 Scope\n\n"
        "Scope text.\n\n"
        "FINDINGS\n\n"
        "Finding text.\n"
    )
    report = build(text)
    titles = [(s.level, s.title) for s in report.sections]
    assert (1, "Learning Review: Baby B") in titles
    assert any(t.startswith("Section 1") for _, t in titles)
    assert (2, "Scope") in titles
    assert next(s for s in report.sections if s.title == "Scope").number == "1.1"
    assert (1, "FINDINGS") in titles


def test_numbered_paragraphs_and_lists_are_not_headings():
    text = (
        "1. Introduction\n\n"
        "1.1 This review was commissioned by the partnership in June 2021.\n\n"
        "1.2 The terms of reference were:\n\n"
        "1. To consider how agencies shared information.\n"
        "2. To consider the voice of the child.\n"
        "3. To consider escalation.\n\n"
        "2. Findings\n\n"
        "Text.\n"
    )
    report = build(text)
    assert [s.number for s in report.sections] == ["1", "2"]
    numbered = [p.number for p in report.paragraphs if p.kind == "numbered"]
    assert numbered == ["1.1", "1.2", "1", "2", "3"]


def test_contents_with_dotted_leaders_is_skipped():
    text = (
        "Contents\n"
        "1 Introduction ........ 3\n"
        "2 Chronology .......... 5\n"
        "3 Analysis ............ 9\n\n"
        "1 Introduction\n\nText.\n\n2 Chronology\n\nText.\n\n3 Analysis\n\nText.\n"
    )
    report = build(text)
    assert [s.number for s in report.sections] == ["1", "2", "3"]
    assert report.sections[0].start == text.index("1 Introduction\n\nText")


def test_wrapped_line_that_starts_with_a_number_is_not_a_heading():
    text = (
        "1 Introduction\n\nThe family moved in\n2 Oldfield Road where the health visitor saw them\n\n2 "
        "Background\n\nText.\n"
    )
    report = build(text)
    assert [s.number for s in report.sections] == ["1", "2"]


def test_footnotes_superscript_and_markdown():
    text = (
        "A Strategy Meeting² was held, and a referral[^3] made.\n\n"
        "² A multi-agency meeting under Working Together.\n\n"
        "[^3]: Referral to children's social care.\n"
    )
    report = build(text)
    notes = {n.marker: n for n in report.footnotes}
    assert set(notes) == {"2", "3"}
    assert text[notes["2"].marker_start : notes["2"].marker_end] == "²"
    assert notes["3"].text == "Referral to children's social care."
    assert text[notes["3"].marker_start : notes["3"].marker_end] == "[^3]"


def test_period_and_author_in_other_wordings():
    text = (
        "Anytown Safeguarding Children Partnership\n\n"
        "Child Safeguarding Practice Review: Child T\n\n"
        "Independent Author: Alex Example\n\n"
        "1 Introduction\n\n"
        "The review considered the period from 01/03/2020 to 14/08/2021.\n"
    )
    meta = build(text).metadata
    assert meta.report_type == "CSPR"
    assert meta.period_start == dt.date(2020, 3, 1) and meta.period_end == dt.date(2021, 8, 14)
    assert meta.author == "Alex Example"
    assert meta.subject_child == "Child T"
    assert meta.board == "Anytown Safeguarding Children Partnership"


def test_kpe_markers_and_paragraph_labels():
    text = "On 3rd May the conference was held (KPE 2).\n\nThe plan changed (KPE10).\n"
    report = build(text)
    assert [m.label for m in report.kpe_markers] == ["KPE2", "KPE10"]
    assert [p.kpe for p in report.paragraphs] == ["KPE2", "KPE10"]


def test_cspr_with_pseudonym_key_table_and_numbered_paragraphs(tmp_path):
    from pathlib import Path

    from pipeline.ingest import load_report

    report = load_report(Path(__file__).parent / "data" / "reviews" / "cspr_child_l.txt")
    assert [s.number for s in report.sections] == ["1", "2", "3", "4", "4.1", "4.2", "5"]
    key = {e.code: (e.kind, e.subject) for e in report.key}
    assert key["Child L"] == ("family", True)
    assert key["Mother"] == ("family", False) and key["HV"] == ("practitioner", False)
    assert "Name used in report" not in key
    meta = report.metadata
    assert (meta.report_type, meta.author, meta.subject_child) == ("CSPR", "Dr Sam Carter", "Child L")
    assert str(meta.period_start) == "2021-01-01" and str(meta.period_end) == "2022-02-28"
    numbered = {p.number for p in report.paragraphs if p.kind == "numbered"}
    assert {"1.1", "3.2", "4.1.1"} <= numbered
    assert [m.label for m in report.kpe_markers] == ["KPE1"]


def test_markdown_review_with_table_key_and_footnote():
    from pathlib import Path

    from pipeline.ingest import load_report

    report = load_report(Path(__file__).parent / "data" / "reviews" / "markdown_baby_t.md")
    assert report.source.format == "markdown"
    assert [(s.number, s.title) for s in report.sections if s.number] == [
        ("1", "Introduction"),
        ("1.1", "Key"),
        ("2", "Chronology"),
        ("3", "Findings"),
    ]
    assert [e.code for e in report.key] == ["Baby T", "TM", "TF", "GP1"]
    assert report.metadata.board == "Eastvale Local Safeguarding Children Board"
    assert report.metadata.title == "Serious Case Review: Baby T"
    note = report.footnotes[0]
    assert note.text == "Booking appointment at the antenatal clinic."
    assert report.text[note.marker_start : note.marker_end] == "[^1]"


def test_numbered_chronology_entry_with_kpe_marker_is_not_a_heading():
    text = (
        "2 Chronology\n\n"
        "2.6 On 2nd January the health visitor visited.\n\n"
        "2.7 On 3rd January Child Q was taken to hospital by ambulance (KPE 4)\n\n"
        "3 Analysis\n\n"
        "3.1 What did agencies know about the risks posed by the father, and how did they share what they knew?\n\n"
        "Text.\n"
    )
    report = build(text)
    assert [s.number for s in report.sections] == ["2", "3", "3.1"]
    assert report.paragraph_at(text.index("2.7 On")).kpe == "KPE4"


def test_role_starts_as_a_prefix_tree_are_the_plain_alternations_places():
    """The role-start lookahead takes its words as a prefix tree for speed; it must stop at exactly the
    places the plain alternation does (fictional text, every role and modifier word in several shapes)."""
    import re

    from pipeline.structure import key

    roles = key._roles()
    plain = re.compile(f"(?={key._role_regex()})", re.IGNORECASE)
    words = sorted({*roles["family"], *roles["practitioner"], *roles["inline_family"], *roles["role_modifiers"]})
    shapes = ("{}", "{}s", "her older {}", "Kim Vale's {}", "x{}", "{}x", "{}-{}", "THE {}", "step-{}")
    text = "\n".join(
        f"Then {shape.format(w, w)} (and {w.replace(' ', chr(10) + '  ')}) spoke to Sam Ode."
        for w in words
        for shape in shapes
    )
    assert [m.start() for m in key._role_starts_re().finditer(text)] == [m.start() for m in plain.finditer(text)]
    assert key._trie_alternation(["ab", "a", "a c"]) == r"a(?:b|\s+c)?"
