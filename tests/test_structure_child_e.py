"""Structure detection on the real Child E review, checked against the gold key."""

from __future__ import annotations

import datetime as dt
import json

import pytest


@pytest.fixture(scope="module")
def gold_key(gold_dir):
    return json.loads((gold_dir / "child_e_key.json").read_text(encoding="utf-8"))


def test_key_holds_the_declared_codes_with_descriptions_and_kinds(child_e_report, gold_key):
    ours = {entry.code: entry for entry in child_e_report.key}
    gold = {entry["code"]: entry for entry in gold_key["declared"]}
    assert set(ours) == set(gold)
    for code, entry in gold.items():
        assert ours[code].description.replace("’", "'") == entry["description"].replace("’", "'")
        assert ours[code].kind == entry["kind"], code
        assert ours[code].section == entry["key_section"], code


def test_key_offsets_point_at_the_declarations(child_e_report):
    for entry in child_e_report.key:
        assert child_e_report.text[entry.code_start : entry.code_end] == entry.code
        line = child_e_report.text[entry.start : entry.end]
        assert line.startswith(entry.code) and entry.description in line


def test_subject_child_and_cover_metadata(child_e_report):
    meta = child_e_report.metadata
    assert meta.period_start == dt.date(2017, 2, 6)
    assert meta.period_end == dt.date(2017, 9, 26)
    assert meta.report_type == "SCR"
    assert meta.subject_child == "Child E"
    assert meta.board == "Stockport Safeguarding Children Board"
    assert meta.author == "Maureen Noble"
    assert [e.code for e in child_e_report.key if e.subject] == ["Child E"]


def test_sections_one_to_seven_with_subsections(child_e_report):
    numbered = [s.number for s in child_e_report.sections if s.number]
    for top in "1234567":
        assert top in numbered
    for sub in ["1.1", "1.2", "1.3", "1.4", "2.1", "3.1", "3.2", "4.1", "4.9", "5.5.1", "6.1", "6.2"]:
        assert sub in numbered
    kpes = [s.kpe for s in child_e_report.sections if s.kpe]
    assert kpes == [f"KPE{n}" for n in range(1, 14)]


def test_section_offsets_are_the_heading_lines(child_e_report):
    text = child_e_report.text
    by_number = {s.number: s for s in child_e_report.sections if s.number}
    assert text[by_number["3.2"].heading_start : by_number["3.2"].heading_end].startswith("3.2 Critical Timeline")
    assert text[by_number["6"].heading_start : by_number["6"].heading_end] == "6 Findings"
    assert text[by_number["7"].heading_start : by_number["7"].heading_end] == "7. Recommendations"
    # 3.2 runs to the heading of section 4, which starts its own tree
    assert text[by_number["3.2"].end :].startswith("4 Key Practice events")
    kpe12 = next(s for s in child_e_report.sections if s.kpe == "KPE12")
    assert kpe12.level == 2 and text[kpe12.heading_start :].startswith("KPE 12 ESW Visit")


def test_contents_table_gives_no_sections(child_e_report):
    last_entry = "7. Recommendations\t39-40"
    contents_end = child_e_report.text.index(last_entry) + len(last_entry)
    assert all(s.start > contents_end for s in child_e_report.sections)
    kinds = [p.kind for p in child_e_report.paragraphs if p.end <= contents_end]
    assert kinds.count("contents") == 8


def test_numbered_lists_are_not_headings(child_e_report):
    titles = [s.title for s in child_e_report.sections]
    assert not any(t.startswith("Recognition of the impact of domestic abuse") for t in titles)
    assert not any(t.startswith("Communication of the discharge planning") for t in titles)
    assert not any("SSCB should receive assurance" in t for t in titles)


def test_footnotes_one_to_eight_linked_to_markers(child_e_report):
    notes = child_e_report.footnotes
    assert [n.marker for n in notes] == [str(n) for n in range(1, 9)]
    text = child_e_report.text
    for note in notes:
        assert note.marker_start is not None and note.marker_start < note.start
        assert text[note.marker_start : note.marker_end] in "¹²³⁴⁵⁶⁷⁸"
        assert "http" in note.text
    first = notes[0]
    assert text[first.marker_start - len("Interim Care Order") : first.marker_start] == "Interim Care Order"


def test_kpe_markers_in_both_spellings(child_e_report):
    labels = {m.label for m in child_e_report.kpe_markers}
    assert {"KPE3", "KPE10"} <= labels
    for marker in child_e_report.kpe_markers:
        assert child_e_report.text[marker.start : marker.end].replace(" ", "") == f"({marker.label})"
        para = child_e_report.paragraph_at(marker.start)
        assert para is not None and para.kpe is not None


def test_paragraphs_carry_their_section(child_e_report):
    text = child_e_report.text
    start = text.index("EM appears to have minimised the impact")
    para = child_e_report.paragraph_at(start)
    assert para.section == "6.1" and para.kind == "bullet"
    rec = child_e_report.paragraph_at(text.index("7.5 SSCB should receive assurance"))
    assert rec.section == "7" and rec.kind == "numbered" and rec.number == "7.5"


def test_report_defines_its_abbreviations(child_e_report):
    found = {a.abbr: a.expansion for a in child_e_report.abbreviations}
    assert found["NNU"] == "Neonatal Unit"
    assert found["ICPC"] == "Initial Child Protection Conference"
    assert found["PLO"] == "Public Law Outline"


def test_report_round_trips_through_json(child_e_report):
    from pipeline.report import Report

    again = Report.from_json(child_e_report.to_json())
    assert again == child_e_report
    assert again.to_json() == child_e_report.to_json()
