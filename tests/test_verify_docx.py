"""`scr verify draft.docx`: what hides in a Word draft is reported with its location."""

from __future__ import annotations

import json

from fixtures_formats import drafts


def test_verify_reports_comment_tracked_deletion_hidden_text_and_author(tmp_path, scr):
    draft = drafts.build_draft(tmp_path / "draft.docx")
    result = scr("verify", draft, "--format", "json")
    assert result.returncode == 1, result.stderr
    findings = json.loads(result.stdout)
    by_type = {}
    for finding in findings:
        by_type.setdefault(finding["type"], []).append(finding)
    for kind in ("HIDDEN_COMMENT", "TRACKED_DELETION", "HIDDEN_TEXT", "DOCUMENT_PROPERTY"):
        assert kind in by_type, kind
        assert all(f["location"] for f in by_type[kind])
    assert by_type["HIDDEN_COMMENT"][0]["location"].startswith("comment 1 by")
    assert any(f["text"] == drafts.AUTHOR and f["severity"] == "high" for f in by_type["DOCUMENT_PROPERTY"])
    assert any(drafts.DELETED_TEXT in f["text"] for f in by_type["TRACKED_DELETION"])


def test_text_format_names_the_place_in_the_file(tmp_path, scr):
    draft = drafts.build_draft(tmp_path / "draft.docx")
    result = scr("verify", draft)
    lines = result.stdout.decode("utf-8").splitlines()
    assert any(": comment 1 by" in line and "HIDDEN_COMMENT" in line for line in lines)
    assert any(line.startswith(f"{draft}:") and "TRACKED_DELETION" in line for line in lines)
