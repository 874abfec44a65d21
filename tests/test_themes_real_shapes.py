"""Themes on reviews shaped like published ones: non-content blocks, whose a cue is, close wordings.

The fixtures in tests/data/themes_real_shapes/ are fictional review extracts
written in the layouts of published reviews (cover, contents, running headers
and page lines, keys, panel lists, references, findings), with gold themes per
content paragraph in a sidecar JSON.  tests/data/themes_real_shapes_blind/ is
scored only by bench/eval_themes.py --blind, never here.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.ingest import load_report
from pipeline.nlp import parse_report
from pipeline.themes import tag_report, tag_text
from pipeline.themes.blocks import BlockFilter
from pipeline.themes.sections import role_of_title

ROOT = Path(__file__).resolve().parents[1]
OPEN = ROOT / "tests" / "data" / "themes_real_shapes"
REVIEWS = sorted(OPEN.glob("*.txt"))


def _ids(labels) -> set[str]:
    return {t for label in labels for t in label.theme_ids()}


def _by_quote(labels, text: str, quote: str) -> set[str]:
    offset = text.index(quote)
    return {t for label in labels if label.start <= offset < label.end for t in label.theme_ids()}


@pytest.fixture(scope="module")
def tagged(nlp):
    out = {}
    for path in REVIEWS:
        report = load_report(path)
        out[path.stem] = (
            report,
            tag_report(report, parse_report(report, nlp)),
            json.loads(path.with_suffix(".gold.json").read_text(encoding="utf-8")),
        )
    return out


def test_there_are_at_least_six_open_extracts_with_gold():
    assert len(REVIEWS) >= 6
    for path in REVIEWS:
        gold = json.loads(path.with_suffix(".gold.json").read_text(encoding="utf-8"))
        text = path.read_text(encoding="utf-8")
        for item in gold["paragraphs"]:
            assert text.count(item["quote"]) == 1, item["quote"]


def test_no_theme_on_cover_contents_headers_keys_lists_or_references(tagged):
    """Every tagged block is a paragraph the gold lists as content."""
    for name, (report, labels, gold) in tagged.items():
        offsets = [report.text.index(item["quote"]) for item in gold["paragraphs"]]
        for label in labels:
            if label.themes:
                assert any(label.start <= o < label.end for o in offsets), (name, label.text[:80], label.theme_ids())


def test_assignments_on_real_shapes_are_mostly_right(tagged):
    tp = fp = fn = 0
    for report, labels, gold in tagged.values():
        for item in gold["paragraphs"]:
            predicted, wanted = _by_quote(labels, report.text, item["quote"]), set(item["themes"])
            tp, fp, fn = tp + len(predicted & wanted), fp + len(predicted - wanted), fn + len(wanted - predicted)
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    assert precision >= 0.75 and recall >= 0.5, (precision, recall)


def test_page_lines_running_headers_and_contents_are_found_by_shape(tagged):
    report, _, _ = tagged["lcspr_child_t"]
    blocks = BlockFilter(report)
    skipped = {
        " ".join(report.text[report.paragraphs[i].start : report.paragraphs[i].end].split())[:40]: why
        for i, why in blocks.non_content().items()
    }
    # the running header is either removed by ingest (page furniture) or skipped here: never tagged
    assert "Child T LCSPR | Official" not in report.text or any(
        k.startswith("Child T LCSPR | Official") for k in skipped
    )
    assert any(k.startswith("Department for Education (2018)") for k in skipped)
    assert any(k.startswith("• Head of Safeguarding") for k in skipped)
    assert not any(k.startswith(("5.1 After each", "6.2 Hospital")) for k in skipped)


def test_no_finding_of_the_real_review_is_taken_for_a_non_content_block(child_e_report, gold_dir):
    """The bundled review's findings and recommendations all stay content; its cover, contents and key do not."""
    report = child_e_report
    skipped = BlockFilter(report).non_content()
    kinds = set(skipped.values())
    for line in (gold_dir / "child_e_themes.jsonl").read_text(encoding="utf-8").splitlines():
        quote = " ".join(json.loads(line)["quote"].split())[:60]
        index = next(
            i for i, p in enumerate(report.paragraphs) if quote in " ".join(report.text[p.start : p.end].split())
        )
        assert index not in skipped, (quote, skipped.get(index))
    assert {"cover", "contents", "key"} <= kinds


def test_paragraphs_under_a_contents_line_taken_for_a_heading_are_still_tagged(tagged):
    report, labels, _ = tagged["cspr_child_d"]
    # the structure pass takes "4. Recommendations Page 12" for the heading of everything after it
    assert "substance_misuse" in _by_quote(labels, report.text, "2.5 The mother told the midwife")
    assert "safe_sleep_sudi" in _by_quote(labels, report.text, "2.4 Safe sleep advice was given")


def test_a_contents_line_taken_for_a_glossary_heading_does_not_silence_the_report(nlp):
    # the structure pass takes both contents lines for headings, so the text sits under "Glossary 9"
    text = (
        "Serious Case Review: Child Q\n\nContents\n\n1. Introduction 2\n\n2. Glossary 9\n\n"
        "The health visitor was not told about the domestic abuse incidents reported to the police, and this "
        "information was never shared with the school.\n"
    )
    labels = tag_text(text, nlp)
    assert {"domestic_abuse", "information_sharing"} <= _ids(labels)


def test_a_word_in_a_longer_title_does_not_silence_a_section():
    assert role_of_title("5. Key events") is None or role_of_title("5. Key events").weight > 0
    assert role_of_title("Glossary").weight == 0
    assert role_of_title("Appendix B: Membership of the review panel").weight == 0


# ---- whose is the cue ---------------------------------------------------------
def test_a_young_persons_overdoses_are_not_parental_mental_health(nlp):
    young = _ids(
        tag_text("Child T took four overdoses in six months and his self-harm was not shared with the school.\n", nlp)
    )
    mother = _ids(
        tag_text(
            "The mother took four overdoses in six months and her depression was not shared with the school.\n", nlp
        )
    )
    assert "children_mental_health" in young and "parental_mental_health" not in young
    assert "parental_mental_health" in mother and "children_mental_health" not in mother


def test_a_young_persons_cannabis_use_is_not_parental_substance_misuse(nlp):
    young = _ids(
        tag_text(
            "The young person's cannabis use increased and he told his youth worker he owed money for drugs.\n", nlp
        )
    )
    father = _ids(
        tag_text(
            "The father's cannabis use increased and he told the probation officer he owed money for drugs.\n", nlp
        )
    )
    assert "substance_misuse" not in young
    assert "substance_misuse" in father


def test_a_pronoun_goes_to_the_person_it_agrees_with(nlp):
    parents = _ids(tag_text("The baby was found unresponsive in the parents' bed after they had been drinking.\n", nlp))
    boy = _ids(
        tag_text(
            "The mother rang the police because Child K had not come home; he had been drinking with older boys.\n", nlp
        )
    )
    assert "substance_misuse" in parents
    assert "substance_misuse" not in boy


def test_a_person_label_is_not_a_theme_word(nlp):
    label = _ids(
        tag_text("Adult 2 lived with the family for two years and was never seen by the social worker.\n", nlp)
    )
    service = _ids(
        tag_text(
            "Adult mental health services did not consider the impact of the mother's illness on the children.\n", nlp
        )
    )
    assert "think_family_adult_services" not in label
    assert "think_family_adult_services" in service


def test_a_healthy_baby_is_not_a_vulnerable_infant(nlp):
    healthy = _ids(
        tag_text(
            "Baby N was born at full term, a healthy newborn baby, and went home with her mother on the second day.\n",
            nlp,
        )
    )
    premature = _ids(
        tag_text("Baby N was born at 29 weeks' gestation and spent six weeks on the neonatal unit.\n", nlp)
    )
    assert "premature_vulnerable_infant" not in healthy
    assert "premature_vulnerable_infant" in premature


def test_no_concerns_about_drinking_does_not_assign_substance_misuse(nlp):
    assert "substance_misuse" not in _ids(
        tag_text("There were no concerns about the mother's drinking or drug use.\n", nlp)
    )


# ---- names and close wordings ---------------------------------------------------
def test_the_working_together_guidance_is_not_multi_agency_working(nlp):
    cited = _ids(
        tag_text(
            "The review was conducted in line with Working Together to Safeguard Children (2018) and the "
            "local procedures of the partnership.\n",
            nlp,
        )
    )
    practice = _ids(tag_text("Agencies were not working together and no strategy discussion was held.\n", nlp))
    assert "multi_agency_working" not in cited
    assert "multi_agency_working" in practice


def test_close_wordings_come_from_the_taxonomys_variants(nlp):
    unexplained = _ids(
        tag_text("The police and the paediatrician followed the sudden unexplained death in infancy protocol.\n", nlp)
    )
    assert "safe_sleep_sudi" in unexplained


def test_a_running_header_glued_into_a_paragraph_gives_no_evidence(nlp):
    header = "Family Q Review | Domestic Abuse Services Pilot"
    text = (
        f"{header}\n\n1. Findings\n\n1.1 The school did not share information about the children's attendance with "
        f"the health visitor.\n\n{header}\n\n1.2 The health visitor did not know that the school had concerns "
        f"about the children.\n{header}\nThe case was closed without a home visit.\n"
    )
    labels = tag_text(text, nlp)
    assert "domestic_abuse" not in _ids(labels)
    assert "information_sharing" in _ids(labels)
