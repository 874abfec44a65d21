"""Structure on openings in the shapes of real published reviews (fictional text).

Each fixture in `tests/data/real_shapes/` reproduces a layout seen in published
reviews (web transcripts with site chrome and "Page 3: …" headers, pdftotext
output with hard wraps and running footers, capitals covers split over lines,
contents pages with dotted leaders or rows of bare page numbers, keys declared
as "her mother (MW)", "referred to as Ms A", "Name used in this report" tables).
Its gold is the sidecar `.gold.json`: the sections, key entries and cover
metadata a reader would write down.  `tests/data/real_shapes_blind/` holds
three more that were written before the detectors were changed and were not
used to tune them: they are scored at the end, with thresholds fixed in advance.
"""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

from pipeline.evaluate.structure import BLIND, META_FIELDS, OPEN, chair_of, gold_of, norm_text, score, total
from pipeline.ingest import load_report
from pipeline.report import Metadata, NamedPerson, Report, RoleEntry, Source
from pipeline.structure import build_report

DATA = Path(__file__).parent / "data"


@pytest.mark.parametrize("path", OPEN, ids=[p.stem for p in OPEN])
def test_open_fixture_sections_key_and_cover(path):
    report = load_report(path)
    gold = gold_of(path)
    s = score(report, gold)
    missed = {
        norm_text(k[8:]) for k in gold.get("known_miss", {}) if k.startswith("section:")
    }  # documented in the gold
    assert [norm_text(x.title) for x in report.sections] == [
        norm_text(t) for t in gold["sections"] if norm_text(t) not in missed
    ]
    assert s["contents_as_sections"] == 0
    known = [k for k in gold.get("known_miss", {}) if k.startswith("key:")]  # documented in the gold, with the reason
    assert s["key_right"] == s["key_want"] - len(known), [
        (e.code, e.description, e.kind, e.pseudonym) for e in report.key
    ]
    assert not {k[4:] for k in known} & {e.code for e in report.key}  # still missed: drop the entry when it is found
    left = [c for c in gold["chrome"] if c in report.text]
    assert left == [k[7:] for k in gold.get("known_miss", {}) if k.startswith("chrome:")], left
    assert s["joined"] == s["joined_want"]
    assert s["footnotes"] == sorted(gold["footnotes"])
    wrong = {
        f: (getattr(report.metadata, f, None) if f != "chair" else chair_of(report), gold["metadata"][f])
        for f in META_FIELDS
        if norm_text(str(getattr(report.metadata, f, None) if f != "chair" else chair_of(report)))
        != norm_text(str(gold["metadata"][f]))
    }
    assert not wrong


def test_blind_fixtures_meet_thresholds_fixed_before_scoring():
    """Scored once, at the end; the floors were fixed before this set was first scored.

    Seven earlier blind sets were scored this way and then became open
    fixtures (`real_shapes/was_blind*`).  Before the fixes each led to, they
    scored: sections 10/10, 7/8, 7/10, 10/10 (one extra), 6/9, 9/9, 9/10;
    contents lines made sections 0, 0, 0, 0, 1, 0, 0; key entries 5/9, 5/11,
    5/9, 6/9, 10/10, 6/9, 5/7; metadata fields 21/21, 18/21, 20/21, 17/21,
    16/21, 19/21, 15/21; chrome strings left 0, 1, 2, 4, 0, 0, 0.  The floors
    are those rounds' worst (fixed before set 8 was scored), so the test
    guards against a fall below what unseen layouts have shown so far.  Set 8
    scored on its one blind run: sections 8/9, contents lines made sections 0,
    key entries 5/8, metadata fields 19/21, chrome left 0.  Set 9 (written
    from published shapes before the issue-13 changes) scored: sections 12/12
    (13 found: a subject line on the cover), contents lines made sections 0,
    key entries 10/12, metadata fields 17/21, chrome left 0; it is now open
    (`was_blind9_*`).  Set 10, the one here, was written before the fixes set 9
    led to; the floors stay those fixed before set 8.  Set 11 (`blind11_*`,
    the issue-13 key shapes: square brackets, "hereinafter", role labels as
    codes, names stated not to be real) was written before the key changes
    and scored once after them: key entries 13/14 (6/14 before), none extra.
    """
    t = total(BLIND)
    print("blind:", t)
    assert t["contents_as_sections"] <= 1
    assert t["chrome_left"] <= 4
    assert t["sections_tp"] >= 0.66 * t["sections_want"] and t["sections_got"] <= t["sections_want"] + 2
    assert t["key_right"] >= 0.45 * t["key_want"]
    assert t["meta_right"] >= 0.71 * t["meta_want"]  # meta_want is already summed over the fixtures


def test_old_report_json_without_new_fields_still_loads():
    report = build_report(
        "Child A – the subject of the review\nAM – Child A's mother\n", Source(name="t.txt", sha256="0", format="text")
    )
    data = json.loads(report.to_json())
    for entry in data["key"]:
        entry.pop("pseudonym")
    data["metadata"].pop("pseudonyms_declared")
    data["metadata"].pop("named_people")
    again = Report.model_validate(data)
    assert [e.pseudonym for e in again.key] == [False, False]
    assert again.metadata.named_people == [] and again.metadata.pseudonyms_declared is False
    assert RoleEntry.model_fields["pseudonym"].default is False
    assert NamedPerson(name="A B", role="author").start is None and Metadata().named_people == []


# ---------------------------------------------------------------- the shapes, one by one
SOURCE = Source(name="t.txt", sha256="0", format="text")


def _ingest(tmp_path, text: str, name: str = "review.txt") -> Report:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return load_report(path)


def test_text_without_page_furniture_is_left_byte_identical():
    from pipeline.ingest.layout import clean_plain_text
    from pipeline.ingest.text import normalise

    for path in [
        Path(__file__).parents[1] / "corpus" / "child_e_stockport_2017.txt",
        *sorted((DATA / "reviews").iterdir()),
    ]:
        text = normalise(path.read_text(encoding="utf-8"))
        assert clean_plain_text(text, path.suffix == ".md") == text, path.name


def test_running_footer_mid_paragraph_is_removed_and_the_paragraph_rejoined(tmp_path):
    para = (
        "2.1 The health visitor saw the family at home on several occasions during the winter and recorded "
        "that the baby was gaining weight, although the flat was cold and the mother said that money was short."
    )
    lines = textwrap.wrap(para, 85)
    assert len(lines) == 3
    text = (
        "\n".join(
            [
                "1. Introduction",
                "",
                "1.1 "
                + "This review looks at the care given to a baby in her first months by the health visiting service "
                * 1,
                "and by the family's general practice.",
                "",
                "2. The family",
                "",
                lines[0],
                lines[1],
                "",
                "Baby Q – Overview Report – Page 3 of 9",
                "",
                lines[2],
                "",
                "3. Analysis",
                "",
                "Text.",
                "",
                "Baby Q – Overview Report – Page 4 of 9",
            ]
        )
        + "\n"
    )
    report = _ingest(tmp_path, text)
    assert "Page 3 of 9" not in report.text and "Overview Report – Page" not in report.text
    assert para.replace("2.1 ", "") in report.text  # one paragraph again, across the page break
    assert [s.title for s in report.sections] == ["Introduction", "The family", "Analysis"]


def test_a_numbered_paragraph_wrapped_onto_a_line_starting_with_a_number_is_not_a_heading(tmp_path):
    body = (
        "3.2 The family moved in the spring and the new address, at the other end of the town, was not passed to the "
        "school nurse until the child had already missed two appointments; the records show that the letter went to"
    )
    text = (
        "\n".join(
            [
                "1. Introduction",
                "",
                "Text of the introduction, which is long enough to be read as a paragraph of prose here.",
                "",
                "2. Events",
                "",
                *textwrap.wrap(body.replace("3.2", "2.1"), 88),
                "12 Oak Road, which the family had left.",
                "",
                "3. Findings",
                "",
                "Text of the findings, which is long enough to be read as a paragraph of prose too.",
            ]
        )
        + "\n"
    )
    report = _ingest(tmp_path, text)
    assert [s.number for s in report.sections] == ["1", "2", "3"]
    assert "went to 12 Oak Road" in report.text
    assert report.paragraph_at(report.text.index("Oak Road")).number == "2.1"


def test_contents_variants_never_open_sections():
    text = "\n".join(
        [
            "CONTENTS",
            "PAGE",
            "INTRODUCTION",
            "Why this review",
            "How it was done",
            "2 2 3",
            "FINDINGS",
            "What we learned",
            "4 6",
            "",
            "INTRODUCTION",
            "",
            "Why this review",
            "",
            "The review was asked for by the partnership after a baby was hurt at home in the summer of last year.",
            "",
            "How it was done",
            "",
            "Practitioners met the reviewer twice, and the records of five agencies were read in full.",
            "",
            "FINDINGS",
            "",
            "What we learned",
            "",
            "Agencies did not share what they knew about the father's history with one another.",
            "",
        ]
    )
    report = build_report(text, SOURCE)
    assert [s.title for s in report.sections] == [
        "INTRODUCTION",
        "Why this review",
        "How it was done",
        "FINDINGS",
        "What we learned",
    ]
    assert report.sections[0].heading_start == text.index("INTRODUCTION\n\nWhy")
    contents = [p for p in report.paragraphs if p.kind == "contents"]
    assert contents and text[contents[0].start : contents[-1].end].endswith("4 6")


def test_key_declared_in_prose_in_every_shape():
    text = (
        "1. Introduction\n\n"
        "1.1 Child Z lived with her mother (MZ), her father, (FZ), and her brother, who is referred to in this "
        "report as Sibling 2. "
        "Her grandmother (referred to as Ms G) cared for her at weekends. The family's GP, Dr GP1, was not told. "
        "She attended the Neonatal Unit (NNU) and was seen by a Health Visitor (HV).\n\n"
        "1.2 Adult 3, the mother's partner, moved in later. The child will be referred to as Child Z throughout.\n"
    )
    report = build_report(text, SOURCE)
    got = {e.code: (e.kind, e.pseudonym) for e in report.key}
    assert {"MZ", "FZ", "Sibling 2", "Ms G", "Adult 3", "Child Z"} <= set(got)
    assert "NNU" not in got and "HV" not in got  # abbreviations of the words before them
    entry = next(e for e in report.key if e.code == "Ms G")
    assert text[entry.code_start : entry.code_end] == "Ms G" and "grandmother" in entry.description
    assert all(p.kind != "key" for p in report.paragraphs)  # prose stays prose


def test_pseudonym_table_and_statement():
    text = (
        "The names used in this report are not the children's real names.\n\n"
        "Name used in this report\tRelationship\nMaisie\tSubject of the review\nTara\tMother\nChild Y\tHalf-sibling\n"
    )
    report = build_report(text, SOURCE)
    assert {e.code: e.pseudonym for e in report.key} == {"Maisie": True, "Tara": True, "Child Y": False}
    assert report.metadata.pseudonyms_declared
    assert not build_report(
        "Mother – the mother of Child A\nFather – the father of Child A\n", SOURCE
    ).metadata.pseudonyms_declared


def test_named_people_label_before_after_and_on_the_line_above():
    text = (
        "Lowfield\nSafeguarding Children Board\n\nSerious Case Review\nBaby V\n\nReport Author\nSam Ferris\n\n"
        "Kim Lord, Independent Chair\n\nPanel members: not named\n\n1. Introduction\n\nText of the review begins "
        "here and runs on.\n"
    )
    meta = build_report(text, SOURCE).metadata
    assert meta.board == "Lowfield Safeguarding Children Board"
    assert meta.title == "Serious Case Review Baby V" and meta.subject_child == "Baby V"
    assert meta.author == "Sam Ferris"
    people = {(p.name, p.role) for p in meta.named_people}
    assert people == {("Sam Ferris", "author"), ("Kim Lord", "chair")}
    for person in meta.named_people:
        assert text[person.start : person.end] == person.name


def test_board_line_with_a_label_glued_on_keeps_only_the_board():
    meta = build_report(
        "Upton Vale Safeguarding Children Board Chair: Lee Park\n\nLearning Review\nChild N\n", SOURCE
    ).metadata
    assert meta.board == "Upton Vale Safeguarding Children Board"
    assert [(p.name, p.role) for p in meta.named_people] == [("Lee Park", "chair")]


def test_bracketed_and_glued_footnotes():
    text = (
        "The plan was reviewed[1] and both parents2 were invited.\n\n"
        "[1] Child protection review conference.\n\n"
        "2 Both parents were sent letters by the conference chair.\n"
    )
    report = build_report(text, SOURCE)
    notes = {n.marker: n for n in report.footnotes}
    assert set(notes) == {"1", "2"}
    assert text[notes["1"].marker_start : notes["1"].marker_end] == "[1]"
    assert text[notes["2"].marker_start : notes["2"].marker_end] == "2"
    assert build_report("Section 12 applies to covid19 cases.\n", SOURCE).footnotes == []


def test_title_split_over_cover_lines_and_label_only_line_above_the_name():
    text = (
        "The Overview Report into a\nSerious Case Review of the\ncircumstances concerning:\nChild H\n"
        "Independent Lead Reviewer and Author\nRobin Vale MSc, PhD.\nMay "
        "2016\n\nCONTENTS\nPAGE\n1\nIntroduction\n3\nFindings\n\n"
        "Introduction\n\nChild H was a baby of seven months who lived with her mother in a small house on the edge "
        "of the town.\n"
    )
    report = build_report(text, SOURCE)
    meta = report.metadata
    assert meta.title == "The Overview Report into a Serious Case Review of the circumstances concerning: Child H"
    assert meta.subject_child == "Child H" and meta.author == "Robin Vale"
    assert [(p.name, p.role) for p in meta.named_people] == [("Robin Vale", "author")]
    assert [s.title for s in report.sections] == ["Introduction"]


def test_a_key_table_without_outer_pipes_declares_its_pseudonyms(tmp_path):
    from pipeline.ingest import load_report

    text = (
        "Child Safeguarding Practice Review: Child L\n\n1. Introduction\n\n"
        "1.1 The names used in this report are not the family's real names.\n\n"
        "Name used in this report | Relationship to Child L\nJade | Mother\nDean | Father\n\n"
        "1.2 Jade was 19 when Child L was born.\n"
    )
    path = tmp_path / "review.txt"
    path.write_text(text, encoding="utf-8")
    report = load_report(path)
    assert [(k.code, k.description, k.pseudonym) for k in report.key if k.pseudonym] == [
        ("Jade", "Mother", True),
        ("Dean", "Father", True),
    ]


def test_numbered_role_codes_used_without_a_key_are_declared_by_use(tmp_path):
    from pipeline.ingest import load_report

    text = (
        "1. Background\n\n1.1 Mother had two children from a previous relationship with Father 1: Child 1, aged 8, "
        "and Child 2, aged 7. Father 2 is the father of the subject child.\n\n"
        "1.2 Child 1 and Child 2 lived with Mother. Father 1 saw them at weekends; Father 2 did not.\n\n"
        "1.3 Table 1 and Table 2 list the agencies; Section 3 is the analysis.\n"
    )
    path = tmp_path / "review.txt"
    path.write_text(text, encoding="utf-8")
    codes = {k.code: k.kind for k in load_report(path).key}
    assert {"Father 1", "Father 2", "Child 1", "Child 2"} <= set(codes)
    assert codes["Father 1"] == "family" and "Table 1" not in codes and "Section 3" not in codes


def test_contents_without_a_contents_line_and_with_repeated_sub_entries_opens_no_section():
    text = "\n".join(
        [
            "Serious Case Review",
            "",
            "Para Page",
            "",
            "SUMMARY 3",
            "",
            "1 INTRODUCTION 4",
            "",
            "1.1 Why a review",
            "",
            "1.2 Method 5",
            "",
            "2 EVENTS 6",
            "",
            "2.1 Introduction",
            "",
            "2.2 Early years 7",
            "",
            "3 FINDINGS 9",
            "",
            "3.1 Introduction 9",
            "",
            "SUMMARY",
            "",
            (
                "The baby was admitted to hospital in the spring with injuries that no one in the family could "
                "explain to doctors."
            ),
            "",
        ]
    )
    report = build_report(text, SOURCE)
    assert [s.title for s in report.sections] == ["SUMMARY"]
    assert report.sections[0].heading_start == text.rindex("SUMMARY")


def test_a_line_of_entries_run_together_is_one_contents_line_of_several_entries():
    from pipeline.structure.headings import run_entries

    assert run_entries("2.1 Family composition 2.2 Family history 2.3 Agency involvement") == [
        "2.1 Family composition",
        "2.2 Family history",
        "2.3 Agency involvement",
    ]
    assert run_entries("1.1 The mother told the GP in 2014 that she was tired.") == [
        "1.1 The mother told the GP in 2014 that she was tired."
    ]


def test_capitalised_role_words_are_codes_only_when_used_as_names():
    text = (
        "1. Background\n\nThe baby lived with her Mother in a flat. The health visitor saw her Mother twice, and "
        "the baby's "
        "Father visited at weekends. A place at a Mother and Baby Unit was offered, and the Mother and Baby Unit "
        "had no room.\n"
    )
    codes = {e.code for e in build_report(text, SOURCE).key}
    assert "Mother" in codes and "Father" not in codes  # the father is named once only


def test_the_subject_named_on_the_cover_is_in_the_key_only_without_a_key_list():
    report = build_report(
        "Serious Case Review\nChild M\n\n1. Introduction\n\nChild M was two when she was found alone at home.\n", SOURCE
    )
    entry = next(e for e in report.key if e.code == "Child M")
    assert entry.subject and entry.kind == "family" and report.text[entry.code_start : entry.code_end] == "Child M"
    listed = build_report("Review of Child Z\n\nZM – Child Z’s mother\nZSW – Social Worker for Child Z\n", SOURCE)
    assert [e.code for e in listed.key] == ["ZM", "ZSW"]


def test_a_heading_run_together_with_its_first_sub_heading_keeps_its_own_title():
    text = (
        "Contents\n\n1.1 Why this review 3\n\n1.2 The family 4\n\n"
        "1 Introduction 1.1 Why this review\n\nThe board decided to review the case after a girl of nine was found "
        "alone at home for days.\n"
    )
    report = build_report(text, SOURCE)
    assert [(s.number, s.title) for s in report.sections] == [("1", "Introduction")]


# -------------------------------------------------------- issue 13: codes declared in the wording of published reviews
def _key(text: str) -> dict[str, RoleEntry]:
    return {e.code: e for e in build_report(text, SOURCE).key}


def test_a_code_in_square_brackets_after_a_role_is_declared_and_other_brackets_are_not():
    key = _key(
        "1. Introduction\n\nThe girl lived with the child's mother [M] and her younger brother [Child B]. Her maternal "
        "grandmother [MGM] helped. The review panel [RP] met twice and the nursery [Little Oaks] sent records.\n"
    )
    assert (key["M"].kind, key["M"].pseudonym) == ("family", False) and "mother" in key["M"].description
    assert (
        "brother" in key["Child B"].description and "grandmother" in key["MGM"].description
    )  # a role's initials are its code
    assert not {"RP", "Little Oaks", "Little"} & set(key)


def test_a_role_label_in_brackets_is_the_code_even_beside_a_key_list():
    text = (
        "Key\n\nCM – Child C's mother\nCF – Child C's father\n\n1. The family\n\nChild C's paternal grandmother "
        "(Grandmother) "
        "and the mother's sister (Aunt) gave care. The family support worker (Worker) and the school (Academy) "
        "were involved.\n"
    )
    key = _key(text)
    assert {"CM", "CF", "Grandmother", "Aunt"} <= set(key)
    assert key["Aunt"].kind == "family" and not key["Aunt"].pseudonym  # a role word, not a name
    assert not {"Worker", "Academy"} & set(key)


def test_hereafter_known_as_and_will_be_referred_to_declare_codes():
    key = _key(
        "1. Introduction\n\nThis review is about a girl aged four, hereafter Child H, and a lodger, known as Adult E. "
        "The subject of this review, who will be referred to as Child J in this report, was her cousin.\n"
    )
    assert {"Child H", "Adult E", "Child J"} <= set(key)
    assert key["Child J"].subject and "lodger" in key["Adult E"].description
    longer = _key(
        "1. Introduction\n\nThe child at the centre of this review, who will be referred to as Sam, was seven.\n"
    )
    assert longer["Sam"].pseudonym and longer["Sam"].kind == "family"


def test_a_name_the_review_calls_a_coded_child_is_a_pseudonym():
    key = _key(
        "About the children\n\nChild R, who we call Noor, started school in 2020. Child S, whom we have called "
        "Ezra, is younger.\n"
    )
    assert key["Noor"].pseudonym and key["Ezra"].pseudonym and key["Noor"].kind == "family"
    assert "Child R" in key["Noor"].description


def test_names_beside_roles_are_pseudonyms_only_where_the_review_says_names_are_not_real():
    said = (
        "1. The family\n\nThe names used in this report are not their real names. Tia lived with her grandmother, "
        "Bernice, "
        "and her uncle, Luca, in a terraced house.\n\n2. Events\n\nThe grandmother's friend, Dorota, visited in May.\n"
    )
    key = _key(said)
    assert key["Bernice"].pseudonym and "grandmother" in key["Bernice"].description and "Luca" in key
    assert "Dorota" not in key  # further on the same shape is as often a real name left in a draft
    unsaid = _key(
        "1. The family\n\nTia lived with her grandmother, Bernice, and her uncle, Luca, in a terraced house.\n"
    )
    assert not {"Bernice", "Luca"} & set(unsaid)
    social = _key("1. The family\n\nThe names used in this report are not real. The social worker, Grace, visited.\n")
    assert "Grace" not in social  # practitioners are not given family pseudonyms


def test_coded_children_listed_with_their_ages_in_prose_are_declared():
    key = _key(
        "Key\n\nAF – the children's father\nAGM – their grandmother\n\nSummary\n\nThe review is about Child A "
        "(aged 4), "
        "Child B (aged 2) and their mother (Mother) in the year before the fire.\n"
    )
    assert {"AF", "AGM", "Child A", "Child B", "Mother"} <= set(
        key
    )  # beside a key list, which turns the weaker shapes off


def test_a_glossary_and_agency_abbreviations_are_not_key_entries():
    text = (
        "1. Introduction\n\nChild N lived with his father (FN). The social worker (CSC) and the doctor (GP) saw "
        "him; so did "
        "the health visitor (HV).\n\nGlossary\n\nGP – General Practitioner\nIRO – Independent Reviewing Officer\n"
        "LADO – Local Authority Designated Officer\nSW – Social Worker\n"
    )
    key = _key(text)
    assert "FN" in key and not {"CSC", "GP", "HV", "IRO", "LADO", "SW"} & set(key)
    kept = _key("Key\n\nSHV – Specialist Health Visitor\nNM – Child N's mother\nNSW – Social Worker for Child N\n")
    assert {"SHV", "NM", "NSW"} <= set(kept)  # a key of practitioners' initials is not a glossary
    assert "MP" in _key(
        "1. Background\n\nShe lived with her mother, (MP), and her father (FP).\n"
    )  # a family code spelling an abbreviation


def test_numbered_parts_of_the_review_are_not_codes_and_ages_may_be_written_in_years():
    text = (
        "1. Introduction\n\nThe review looked at Child X (4 years) and Child Y (age 2), and a boy known as Child V.\n\n"
        "Terms of Reference\n\nTOR1 – How agencies worked with the mother\nTOR2 – How the father was assessed\n"
    )
    key = _key(text)
    assert {"Child X", "Child Y", "Child V"} <= set(key) and not {"TOR1", "TOR2"} & set(key)
    listed = _key("Key\n\nF1 – Father of Child X\nM1 – Mother of Child X\n")
    assert {"F1", "M1"} <= set(listed)  # a letter and a number stays a code


def test_a_pseudonym_may_follow_its_role_without_a_comma_but_a_full_name_is_not_one():
    key = _key(
        "1. The family\n\nThe names used in this report are not their real names. Tia lived with her mother Kerry and "
        "her partner Dean in a flat; her aunt Moira Pryce visited.\n"
    )
    assert key["Kerry"].pseudonym and key["Dean"].pseudonym and "partner" in key["Dean"].description
    assert "Moira" not in key  # a first name and a surname is a name left in, for verify to report


def test_a_title_and_its_name_is_not_a_role_and_a_pseudonym():
    key = _key(
        "1. Introduction\n\nChild Kit (pseudonym) was nine. The names in this review are not the real names, and "
        "Child Kit lived with his father.\n"
    )
    assert "Child Kit" in key and "Kit" not in key


# ------------------------------------------------------------ issue 13, round 3: pages that list reviews, boards, pairs
def _meta(text: str) -> Metadata:
    return build_report(text, SOURCE).metadata


def test_a_list_page_heading_is_no_title_and_a_name_after_the_review_type_is_the_subject():
    text = (
        "Home > Partnership > Learning Reviews\n\nPublished Learning Reviews\n\n"
        "Child Safeguarding Practice Review Rosalind – published 3rd March 2022\n\n"
        "Yesterday the Ashcombe Safeguarding Children Partnership published a review about Rosalind, a girl of eleven. "
        "Rosalind lived with her grandparents.\n"
    )
    meta = _meta(text)
    assert meta.title == "Child Safeguarding Practice Review Rosalind"
    assert meta.subject_child == "Rosalind"
    assert meta.board == "Ashcombe Safeguarding Children Partnership"
    key = _key(text)
    assert key["Rosalind"].subject and key["Rosalind"].pseudonym


def test_two_names_in_the_title_are_two_subject_entries_and_a_word_after_the_type_is_not_a_name():
    key = _key("Serious Case Review Tobias/Elin\n\nThe review is about Tobias and Elin, twins, who were neglected.\n")
    assert {"Tobias", "Elin"} <= set(key) and "Tobias/Elin" not in key
    meta = _meta("Learning Review Summary\n\nThe partnership published this review in May.\n")
    assert meta.subject_child is None  # "Summary" is the document's kind, not a child


def test_a_board_is_a_capitalised_name_never_one_any_board_could_be():
    assert (
        _meta(
            "Report of the Review\n\nEach Local Safeguarding Children Board must publish its reviews. The Thornbury "
            "Safeguarding Children Board agreed to.\n"
        ).board
        == "Thornbury Safeguarding Children Board"
    )
    assert _meta("Overview Report\n\nCommissioned by an unnamed local safeguarding children board\n").board is None
    assert (
        _meta("Annual Report of the Wrexford & Deeside Safeguarding Children Partnership\n").board
        == "Wrexford & Deeside Safeguarding Children Partnership"
    )
    assert (
        _meta("LOCAL SAFEGUARDING CHILDREN BOARD\nFINAL REPORT\n\n1. Introduction\n").board
        == "LOCAL SAFEGUARDING CHILDREN BOARD"
    )


def test_a_child_given_a_word_as_code_on_its_own_line_is_the_subject_but_a_heading_is_not():
    meta = _meta(
        "Reviews we have published\n\nChild Juniper\n\nThe partnership commissioned this review after Child "
        "Juniper was hurt.\n"
    )
    assert meta.subject_child == "Child Juniper" and meta.title == "Child Juniper"
    assert (
        _meta("Learning from reviews\n\nChild Protection\n\nThe partnership reviews its plans.\n").subject_child is None
    )


def test_a_pair_of_bracketed_codes_and_a_quoted_letter_in_apposition_are_declared():
    key = _key(
        "1. Summary\n\nIn June 2014 two sisters, [S1] and [S2], were found alone; an older cousin, [C3], was with "
        "them.\n"
        "2. Background\n\nThe review concerns a baby boy, ‘K’, who was injured in 2016. K was nine weeks old.\n"
    )
    assert {"S1", "S2", "C3", "K"} <= set(key)
    plain = _key("1. Summary\n\nThe report on the baby, “Growing Together”, was read by the panel.\n")
    assert "Growing Together" not in plain and "G" not in plain  # a quoted title is no code


def test_who_wrote_the_review_from_a_byline_a_glued_label_or_a_name_above_the_date():
    meta = _meta(
        "The Marsh Lane Inquiry\n\nAn independent report by Baroness Whitcombe of Hale at the request of the "
        "Minister\n\n1. Summary\n"
    )
    assert meta.author == "Baroness Whitcombe of Hale" and meta.title == "The Marsh Lane Inquiry"
    assert _meta("Learning Review\n\nChild P\n\nLead ReviewerOrla Penhaligon\n\nMay 2020\n").author == "Orla Penhaligon"
    assert (
        _meta("Serious Case Review\n\nOverview Report\n\nTamsin Keverne\n\nAugust 2016\n\nContents\n").author
        == "Tamsin Keverne"
    )
    run = _meta(
        "Final 1 Upton Safeguarding Children Board Learning Review Overview Report Tamsin Keverne August 2016 "
        "Contents 1 INTRODUCTION 3\n"
    )
    assert run.author == "Tamsin Keverne"
    said = _meta(
        "News\n\nThe partnership publishes the review, authored by independent reviewers Halcyon Drewe OBE and "
        "Ivo Pender.\n"
    )
    assert said.author == "Halcyon Drewe"
    assert (
        _meta("Serious Case Review\n\nOverview Report\n\nThe Family\n\nAugust 2016\n").author is None
    )  # a heading, not a name


def test_a_sharing_sites_title_line_and_a_family_code_with_its_report():
    meta = _meta(
        "LEARNING REVIEW. Concerning the death of a baby. Presented to the Upton Safeguarding Partnership May 2019.\n\n"
        "Size: px\n\n1 LEARNING REVIEW Concerning the death of a baby\n"
    )
    assert meta.title == "LEARNING REVIEW"
    fam = _meta(
        "The board published its review into neglect in March.\n\nFamily K report\n\nThe father was sentenced.\n"
    )
    assert fam.title == "Family K report" and fam.subject_child == "Family K"
    contents = _meta(
        "Serious Case Review\n\nCONTENTS: 1. SUMMARY 2. THE CHILDREN AND THE FAMILY 3.1 The home 3.2 Events\n"
    )
    assert contents.subject_child is None  # "FAMILY 3" of a contents line is no code


def test_another_reviews_child_named_only_in_list_titles_is_no_code_of_this_one():
    text = (
        "Our published reviews\n\nUpton Partnership – Child M Learning Review Report\n\nThe review followed the "
        "death of a baby, "
        "known as Child M, in 2019. Child M lived with her parents.\n\nUpton LSCB SCR – Child K – Overview Report\n\n"
        "Upton LSCB Child K SCR – Executive Summary\n"
    )
    key = _key(text)
    assert "Child M" in key and "Child K" not in key


def test_a_document_sites_page_counter_in_any_language_is_furniture(tmp_path):
    text = (
        "Vous êtes sur la page 1 sur 42\n\nLEARNING REVIEW\n\nChild Y\n\n1. Introduction\n\n1.1 Child Y was seen "
        "by the "
        "health visitor in March.\n"
    )
    report = _ingest(tmp_path, text)
    assert "Vous" not in report.text and "LEARNING REVIEW" in report.text


def test_a_list_pages_title_names_a_child_and_a_topic_heading_is_no_author():
    meta = _meta(
        "Practice Reviews (formerly Serious Case Reviews)\n\nReview Protocol Guidance for Child Safeguarding "
        "Practice Reviews\n\n"
        "Upton Partnership – Child N Serious Case Review Report\n\nDate of publication: 3 May 2021\n\n"
        "Infant Neglect\n\nThe partnership carried out two reviews about neglect in 2020.\n"
    )
    assert meta.title == "Upton Partnership – Child N Serious Case Review Report"
    assert meta.author is None  # "Infant Neglect" heads a paragraph; its words are a topic, not a name


def test_html_tags_a_transcript_kept_in_cover_lines_are_read_through():
    meta = _meta(
        "Thornbury Safeguarding <strong>Child</strong>ren Board<br />\n\n<strong>Learning</strong> "
        "<strong>Review</strong><br />\n\n"
        "Child F<br />\n\n1. Why the review was held\n\n1.1 Child F was found alone at home in 2015.\n"
    )
    assert meta.board == "Thornbury Safeguarding Children Board"


def test_a_child_given_an_age_after_the_statement_that_names_were_changed_is_a_pseudonym():
    key = _key(
        "2. Background\n\n2.1 To protect them the family have been given different names: Jolene, aged 13, lived "
        "with her father "
        "Craig; her cousin Marcus, who was sixteen, stayed at weekends.\n\n3. Practice\n\n3.1 Priya, aged 30, the "
        "school nurse, "
        "saw Jolene twice.\n"
    )
    assert key["Jolene"].pseudonym and key["Craig"].pseudonym and key["Marcus"].pseudonym
    assert "Priya" not in key  # after the paragraph that says so, a name with an age is not declared


def test_a_family_list_of_roles_then_codes_is_a_key_and_a_glossary_the_same_way_round_is_not():
    key = _key(
        "1. Introduction\n\n1.2 The Family\n\nMother – Ms R\nPartner – Mr D\nPaternal Step-grandfather – Mr "
        "W\nHalf-sister – Sibling 1\n\n"
        "1.3 The family are of mixed heritage.\n\nGlossary\n\nHealth Visitor – HV\nGeneral Practitioner – GP\n"
    )
    assert {"Ms R", "Mr D", "Mr W", "Sibling 1"} <= set(key)
    assert key["Mr W"].kind == "family" and not {"HV", "GP"} & set(key)


def test_a_quoted_family_letter_a_one_line_page_contents_and_the_author_after_the_child_code():
    meta = _meta(
        "STRICTLY CONFIDENTIAL\n\nREPORT OF THE LEARNING REVIEW CONCERNING FAMILY ‘K’\n\nAuthor: Mirela Obst\n\n1. "
        "Introduction\n\n"
        "1.1 The review concerns three children who were neglected.\n"
    )
    assert meta.subject_child == "Family K"
    text = (
        "This report belongs to the Upton Safeguarding Children Partnership.\n\nOVERVIEW REPORT\n\nCHILD R MAUREEN "
        "TALLIS\n\n"
        "Page 1 INTRODUCTION 3 2 THE REVIEW PROCESS 4 3 THE FAMILY 6 4 ANALYSIS 9\n\n1. INTRODUCTION\n\n"
        "1.1 This is the overview report of a review held after a baby was injured in 2016.\n"
    )
    report = build_report(text, SOURCE)
    assert [s.title for s in report.sections] == ["INTRODUCTION"]  # the cover lines and the one-line contents open none
    assert report.metadata.author == "MAUREEN TALLIS" and report.metadata.subject_child == "Child R"


def test_a_list_page_keeps_its_own_title_when_no_one_review_is_named_under_it():
    meta = _meta(
        "Case reviews published in 2023\n\nA list of the reviews added to the national collection this year.\n\n"
        "2023 – Anonymous – Child A\n\nDeath of a 16-year-old girl.\n\n> Read the overview report\n\n"
        "2023 – Upton – Baby T\n\nInjuries to a baby.\n\n> Read the overview report\n\nAnother line\n\nAnd another\n"
    )
    assert meta.title == "Case reviews published in 2023"  # never the link text "Read the overview report"
