"""Word drafts: the visible text in plain-review shape, and what hides in the file."""

from __future__ import annotations

import io
import zipfile

import pytest

from fixtures_formats import drafts
from pipeline.deid.hidden import hidden_findings
from pipeline.errors import UnusableInput
from pipeline.ingest import load_report
from pipeline.ingest.docx import read


@pytest.fixture(scope="module")
def draft(tmp_path_factory):
    return drafts.build_draft(tmp_path_factory.mktemp("docx") / "draft.docx")


@pytest.fixture(scope="module")
def report(draft):
    return load_report(draft)


def test_visible_text_reads_like_a_plain_review(report):
    text = report.text
    assert report.source.format == "docx"
    assert "The mother, Jade Kershaw, was 19" in text  # runs of different formatting joined
    assert text.startswith("1 Introduction\n\n")  # numbered heading on its own line
    assert "## Contact with Jade Kershaw" in text  # unnumbered heading marked by its style level
    assert "- Jade Kershaw, the mother\n- Child J, the subject of the review" in text
    assert "3 May 2019\tHealth\tJade Kershaw booked with the midwife\n9 June 2019\tPolice\tCall to the home" in text


def test_tracked_changes_read_as_the_draft_now_reads(report):
    assert "in May 2019" + drafts.INSERTED_TEXT + "." in report.text
    assert drafts.DELETED_TEXT not in report.text
    assert drafts.HIDDEN_TEXT not in report.text


def test_footnote_marker_and_text(report):
    assert "An Interim Care Order¹ was granted" in report.text
    assert len(report.footnotes) == 1
    note = report.footnotes[0]
    assert note.text == drafts.FOOTNOTE_TEXT
    assert report.text[note.marker_start : note.marker_end] == "¹"


def test_structure_detects_sections(report):
    titles = [(s.number, s.title) for s in report.sections]
    assert ("1", "Introduction") in titles
    assert ("2", "Chronology") in titles


def test_rendered_page_breaks_give_pages(report):
    assert len(report.pages) == 2
    assert report.page_at(report.text.index("2 Chronology")) == 2
    assert report.page_at(report.text.index("1 Introduction")) == 1


def test_hidden_parts_are_listed_with_locations(report):
    by_kind = {}
    for part in report.hidden:
        by_kind.setdefault(part.kind, []).append(part)
    comment = by_kind["comment"][0]
    assert drafts.COMMENT_NAME in comment.text
    assert comment.location.startswith(f"comment 1 by {drafts.AUTHOR} on paragraph ")
    deletion = by_kind["tracked_deletion"][0]
    assert deletion.text == drafts.DELETED_TEXT and deletion.author == drafts.AUTHOR
    assert deletion.location.startswith("tracked deletion in paragraph ")
    assert by_kind["tracked_insertion"][0].text == drafts.INSERTED_TEXT.strip()
    assert by_kind["hidden_text"][0].text == drafts.HIDDEN_TEXT
    properties = {p.location: p for p in by_kind["property"]}
    assert properties["document property 'author'"].text == drafts.AUTHOR
    assert properties["document property 'last modified by'"].author == drafts.AUTHOR
    assert by_kind["custom_property"][0].text == drafts.AUTHOR
    assert by_kind["thumbnail"]
    assert "Child J" in by_kind["header"][0].text


def test_hidden_findings_report_all_four(report):
    findings = hidden_findings(report, names=["Liam Carter", "Jade Kershaw"])
    by_type = {}
    for f in findings:
        by_type.setdefault(f["type"], []).append(f)
    for kind in ("HIDDEN_COMMENT", "TRACKED_DELETION", "HIDDEN_TEXT", "DOCUMENT_PROPERTY"):
        assert kind in by_type
    assert by_type["HIDDEN_COMMENT"][0]["severity"] == "high"
    assert "contains a name from the key" in by_type["TRACKED_DELETION"][0]["reason"]
    author = [f for f in by_type["DOCUMENT_PROPERTY"] if f["location"] == "document property 'author'"][0]
    assert author["severity"] == "high" and author["text"] == drafts.AUTHOR
    title = [f for f in by_type["DOCUMENT_PROPERTY"] if f["location"] == "document property 'title'"][0]
    assert title["severity"] == "medium"
    assert all(f["start"] == -1 and f["end"] == -1 for f in findings)
    assert {"text", "type", "start", "end", "line", "severity", "reason", "location"} <= set(findings[0])


def test_hidden_part_severities_come_from_the_policy(report, tmp_path):
    """A user policy changes a hidden part's severity like any other finding's; a key name still raises it."""
    from pipeline.deid.policy import load_policy

    user = tmp_path / "policy.yaml"
    user.write_text("severity:\n  HIDDEN_COMMENT: low\n  DOCUMENT_PROPERTY_PERSON: medium\n  HEADER: high\n")
    policy = load_policy(user)
    findings = hidden_findings(report, names=[], policy=policy)
    severities = {(f["type"], f["location"]): f["severity"] for f in findings}
    comments = [s for (t, _), s in severities.items() if t == "HIDDEN_COMMENT"]
    assert comments and set(comments) == {"low"}
    assert severities[("DOCUMENT_PROPERTY", "document property 'author'")] == "medium"
    assert {s for (t, _), s in severities.items() if t == "HEADER"} == {"high"}
    named = hidden_findings(report, names=["Liam Carter", "Jade Kershaw"], policy=policy)
    assert any(f["severity"] == policy.severity_of("KEY_NAME") and "name from the key" in f["reason"] for f in named)


def test_a_plain_docx_has_no_hidden_parts_but_its_properties(tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("Child J was seen at home.")
    path = tmp_path / "plain.docx"
    document.save(path)
    report = load_report(path)
    assert report.text == "Child J was seen at home."
    assert {p.kind for p in report.hidden} <= {"property", "thumbnail"}


@pytest.mark.parametrize(
    "content, message",
    [
        (b"This is a text file renamed to .docx\n", "not a valid zip"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "older Word .doc or a password-protected"),
    ],
)
def test_not_a_docx_is_refused(tmp_path, content, message):
    path = tmp_path / "bad.docx"
    path.write_bytes(content)
    with pytest.raises(UnusableInput, match=message):
        read(path, content)


def test_zip_without_word_document_is_refused(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("hello.txt", "hi")
    path = tmp_path / "other.docx"
    path.write_bytes(buffer.getvalue())
    with pytest.raises(UnusableInput, match="not a Word document"):
        read(path, buffer.getvalue())


def test_truncated_docx_exits_2_without_output(tmp_path, draft, scr):
    bad = tmp_path / "cut.docx"
    bad.write_bytes(draft.read_bytes()[:2000])
    out = tmp_path / "out"
    result = scr("ingest", bad, "--out", out)
    assert result.returncode == 2
    assert b"not a readable Word .docx" in result.stderr
    assert not (out / "cut.report.json").exists()
