"""`verify_report` and `scr verify` on the real published review and on fictional drafts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.deid.policy import PolicyError, load_policy
from pipeline.deid.verify import at_or_above, format_text, verify_report

EXPECTED = {"LB", "ECFSSW", "ESSW"}


@pytest.fixture(scope="module")
def child_e_findings(child_e_report, child_e_doc, analyzer):
    return verify_report(child_e_report, child_e_doc, analyzer=analyzer)


def test_real_review_leaked_codes_are_reported(child_e_findings):
    serious = at_or_above(child_e_findings, "medium")
    assert EXPECTED <= {f.text for f in serious}
    lb = next(f for f in serious if f.text == "LB")
    assert lb.line == 511 and lb.type == "PERSON_CODE"


def test_real_review_is_almost_clean(child_e_findings, child_e_report):
    others = [f for f in at_or_above(child_e_findings, "medium") if f.text not in EXPECTED]
    assert len(others) <= 5, [(f.type, f.line) for f in others]
    declared = set(child_e_report.codes()) | {a.abbr for a in child_e_report.abbreviations}
    assert not [f for f in at_or_above(child_e_findings, "low") if f.text in declared]
    for public in (
        "Stockport",
        "Oldham",
        "Staffordshire",
        "Healthy Minds",
        "Fostering Solutions",
        "Pennine Care",
        "Bridgewater",
    ):
        assert not [f for f in at_or_above(child_e_findings, "medium") if public in f.text]


def test_real_review_gold_abbreviations_and_codes_are_never_reported(child_e_findings):
    """The annotated abbreviations and declared codes (corpus/gold, used for evaluation only) at any severity."""
    gold = json.loads((Path(__file__).resolve().parents[1] / "corpus" / "gold" / "child_e_key.json").read_text())
    person_like = {u["code"] for u in gold["undeclared"]}
    abbreviations = {a["abbr"] for a in gold["abbreviations"]} - person_like
    declared = {d["code"] for d in gold["declared"]}
    reported = {f.text for f in child_e_findings}
    assert not reported & (abbreviations | declared)


def test_real_review_lead_reviewer_is_allowed(child_e_findings, child_e_report):
    author = child_e_report.metadata.author
    lead = [f for f in child_e_findings if f.text == author]
    assert lead and all(f.severity == "info" and f.type == "NAME" for f in lead)


def test_findings_have_exact_locations(child_e_findings, child_e_report):
    for f in child_e_findings:
        assert child_e_report.text[f.start : f.end] == f.text
        assert (f.line, f.col) == child_e_report.line_col(f.start)
        assert f.severity in ("info", "low", "medium", "high") and f.reason


def test_text_format_is_compiler_like(child_e_findings):
    lb = [f for f in child_e_findings if f.text == "LB"]
    line = format_text(lb, "final.txt")
    assert line.startswith("final.txt:511:") and " PERSON_CODE 'LB' — " in line


def _draft(tmp_path, body):
    text = (
        "Northshire Safeguarding Children Partnership\n\nChild Safeguarding Practice Review: Child K\n\n"
        "Independent Reviewer: Helen Marsh\n\n1 Introduction\n\n1.1 Family Members\n\n"
        "Child K – the subject of this review\nKM – Child K's mother\nKF – Child K's father\n\n"
        "1.2 Practitioners\n\nKSW – Social Worker for Child K\nHV1 – Health Visitor 1\n\n2 Narrative\n\n" + body + "\n"
    )
    path = tmp_path / "draft.txt"
    path.write_text(text, encoding="utf-8")
    return path


def test_cli_exit_codes_and_json(scr, tmp_path):
    draft = _draft(tmp_path, "KM told KSW that Jordan Pilbeam had moved in. Her number is 07700 900123.")
    result = scr("verify", draft, "--format", "json")
    assert result.returncode == 1, result.stderr
    findings = json.loads(result.stdout)
    assert {"text", "type", "start", "end", "line", "severity", "reason"} <= set(findings[0])
    by_text = {f["text"]: f for f in findings}
    assert by_text["Jordan Pilbeam"]["type"] == "NAME"
    assert by_text["07700 900123"]["type"] == "PHONE"
    assert by_text["Helen Marsh"]["severity"] == "info"

    clean = _draft(tmp_path, "KM told KSW that she would attend the clinic with HV1.")
    ok = scr("verify", clean)
    assert ok.returncode == 0, ok.stdout.decode()

    assert scr("verify", tmp_path / "missing.txt").returncode == 2


def test_cli_fail_on_and_key(scr, tmp_path):
    draft = _draft(tmp_path, "KM said that Shannen Pryce was her cousin's name, not hers.")
    key = tmp_path / "key.yaml"
    key.write_text("people:\n  - code: KM\n    role: Child K's mother\n    names: [Shannon Pryce]\n", encoding="utf-8")
    with_key = scr("verify", draft, "--key", key, "--format", "json", "--fail-on", "high")
    assert with_key.returncode == 1
    assert any(f["type"] == "KEY_NAME" and f["severity"] == "high" for f in json.loads(with_key.stdout))
    bad_key = tmp_path / "bad.yaml"
    bad_key.write_text("people: [oops", encoding="utf-8")
    assert scr("verify", draft, "--key", bad_key).returncode == 2


def test_policy_file(tmp_path, scr):
    draft = _draft(tmp_path, "KM stayed with Maxine Trelawney on the Moorside estate.")
    policy = tmp_path / "policy.yaml"
    policy.write_text("allow:\n  names: [Maxine Trelawney]\nreport:\n  QUASI_PLACE: false\n", encoding="utf-8")
    findings = json.loads(scr("verify", draft, "--policy", policy, "--format", "json").stdout)
    assert all(f["severity"] == "info" for f in findings if f["type"] == "NAME")
    assert not [f for f in findings if f["type"] == "QUASI_PLACE"]
    default = json.loads(scr("verify", draft, "--format", "json").stdout)
    assert any(f["text"] == "Maxine Trelawney" and f["severity"] == "medium" for f in default)
    assert any(f["type"] == "QUASI_PLACE" for f in default)


def test_policy_errors_are_unusable_input(tmp_path):
    bad = tmp_path / "p.yaml"
    bad.write_text("severity:\n  NAME: critical\n", encoding="utf-8")
    with pytest.raises(PolicyError, match="severity"):
        load_policy(bad)
    bad.write_text("report:\n  NAMES: false\n", encoding="utf-8")
    with pytest.raises(PolicyError, match="unknown finding type"):
        load_policy(bad)
    bad.write_bytes(b"allow:\n  names: [Zo\xeb Vance]\n")  # Latin-1, not UTF-8
    with pytest.raises(PolicyError, match="not UTF-8 text"):
        load_policy(bad)


def test_reviewers_chairs_and_public_figures_are_info(tmp_path, nlp, analyzer):
    from pipeline.ingest import load_report
    from pipeline.nlp import parse_report

    draft = _draft(
        tmp_path,
        "Lord Laming's report on Victoria Climbié was discussed. The Independent Chair, "
        "Angela Brookfield, thanked KM. Victoria Hale, KM's cousin, did not attend.",
    )
    report = load_report(draft)
    findings = verify_report(report, parse_report(report, nlp), analyzer=analyzer)
    severity = {f.text: f.severity for f in findings if f.type == "NAME"}
    assert severity["Laming"] == "info"
    assert severity["Victoria Climbié"] == "info"
    assert severity["Angela Brookfield"] == "info"
    assert severity["Victoria Hale"] == "medium"


@pytest.mark.parametrize(
    "name, expected",
    [
        ("review_style_sibling_group.txt", {"Patel"}),
        ("review_style_citations.txt", set()),
        ("review_style_pseudonyms.txt", {"Margaret Oakes"}),
    ],
)
def test_other_house_styles_are_almost_clean(name, expected, nlp, analyzer):
    from pathlib import Path

    from pipeline.ingest import load_report
    from pipeline.nlp import parse_report

    report = load_report(Path(__file__).parent / "data" / "leaks" / name)
    findings = verify_report(report, parse_report(report, nlp), analyzer=analyzer)
    assert {f.text for f in at_or_above(findings, "medium")} == expected
    assert report.metadata.author is None or any(f.severity == "info" for f in findings if f.type == "NAME")


def test_policy_allows_abbreviations_and_places(tmp_path, nlp, analyzer):
    from pipeline.ingest import load_report
    from pipeline.nlp import parse_report

    draft = _draft(
        tmp_path, "KM was referred to the QRST and she moved to the Moorside estate. ZX told KSW she was safe."
    )
    report = load_report(draft)
    doc = parse_report(report, nlp)
    policy = tmp_path / "p.yaml"
    policy.write_text("allow:\n  abbreviations: [ZX]\n  places: [Moorside]\n", encoding="utf-8")
    default = {f.text for f in verify_report(report, doc, analyzer=analyzer)}
    custom = {f.text for f in verify_report(report, doc, policy=load_policy(policy), analyzer=analyzer)}
    assert {"ZX", "Moorside"} <= default
    assert not {"ZX", "Moorside"} & custom


def test_cover_people_labels_open_a_line_or_name_a_role():
    from pipeline.deid.verify import cover_people
    from pipeline.report import Report, Source

    text = (
        "Lead Reviewer: Jane Doe\nWritten by Tom Hill and Ann Lee\n\nA letter written by Sarah Jones was found. "
        "The Independent Chair, Angela Brooks, thanked KM."
    )
    report = Report(text=text, source=Source(name="x.txt", sha256="0" * 64, format="text"))
    assert cover_people(report, load_policy()) == {"Jane Doe", "Tom Hill", "Ann Lee", "Angela Brooks"}
