"""Text ingestion: encodings accepted, bad input refused with exit code 2, input untouched."""

from __future__ import annotations

import hashlib
import json

import pytest

from pipeline.errors import UnusableInput
from pipeline.ingest import load_report

SAMPLE = (
    "Review of Child Z\n\nZM – Child Z’s mother\nZSW – Social Worker for Child Z\n\n"
    "ZM met ZSW on 3rd May 2019. Café notes.\n"
)


def test_utf8_with_bom_is_read_without_the_bom(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + SAMPLE.encode("utf-8"))
    report = load_report(path)
    assert report.text.startswith("Review of Child Z")
    assert report.source.encoding == "utf-8-sig"
    assert [e.code for e in report.key] == ["ZM", "ZSW"]


def test_cp1252_text_is_decoded(tmp_path):
    path = tmp_path / "legacy.txt"
    path.write_bytes(SAMPLE.encode("cp1252"))
    report = load_report(path)
    assert "Child Z’s mother" in report.text and "Café" in report.text
    assert report.source.encoding == "cp1252"


def test_windows_line_endings_are_normalised(tmp_path):
    path = tmp_path / "crlf.txt"
    path.write_bytes(SAMPLE.replace("\n", "\r\n").encode("utf-8"))
    report = load_report(path)
    assert "\r" not in report.text and len(report.key) == 2


def test_utf16_with_bom_is_read(tmp_path):
    path = tmp_path / "unicode.txt"
    path.write_bytes(SAMPLE.encode("utf-16"))
    assert load_report(path).text.startswith("Review of Child Z")


@pytest.mark.parametrize(
    "content, message",
    [
        (b"", "empty"),
        (b"   \n\n  ", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary"),
        (bytes(range(1, 32)) * 50, "binary"),
    ],
)
def test_empty_and_binary_files_are_refused(tmp_path, content, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(UnusableInput, match=message):
        load_report(path)


def test_missing_file_and_directory_are_refused(tmp_path):
    with pytest.raises(UnusableInput, match="no such file"):
        load_report(tmp_path / "nope.txt")
    with pytest.raises(UnusableInput, match="directory"):
        load_report(tmp_path)


def test_unsupported_format_is_refused(tmp_path):
    path = tmp_path / "review.odt"
    path.write_bytes(b"PK\x03\x04 ...")
    with pytest.raises(UnusableInput, match="not supported"):
        load_report(path)


def test_cli_ingest_writes_report_json_and_leaves_input_alone(tmp_path, scr, child_e_path):
    before = hashlib.sha256(child_e_path.read_bytes()).hexdigest()
    result = scr("ingest", child_e_path, "--out", tmp_path / "out")
    assert result.returncode == 0, result.stderr
    written = tmp_path / "out" / "child_e_stockport_2017.report.json"
    data = json.loads(written.read_text(encoding="utf-8"))
    assert data["metadata"]["period_start"] == "2017-02-06"
    assert data["source"]["sha256"] == before
    assert hashlib.sha256(child_e_path.read_bytes()).hexdigest() == before
    assert not list((tmp_path / "out").glob("*.tmp"))


@pytest.mark.parametrize("content", [b"", b"\x00\x01\x02binary\x00"])
def test_cli_bad_input_exits_2_with_a_message(tmp_path, scr, content):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    result = scr("ingest", bad, "--out", tmp_path / "out")
    assert result.returncode == 2
    assert b"error:" in result.stderr and b"Traceback" not in result.stderr


def test_cli_missing_file_and_directory_exit_2(tmp_path, scr):
    assert scr("ingest", tmp_path / "missing.txt", "--out", tmp_path / "o").returncode == 2
    assert scr("ingest", tmp_path, "--out", tmp_path / "o").returncode == 2


def test_cli_version_and_help(scr):
    version = scr("--version")
    assert version.returncode == 0 and version.stdout.startswith(b"scr ")
    for command in ("ingest",):
        helped = scr(command, "--help")
        assert helped.returncode == 0 and b"Usage" in helped.stdout


def test_missing_model_is_a_clear_error_not_a_download(monkeypatch):
    from pipeline.errors import ModelNotAvailable
    from pipeline.nlp import load_nlp

    with pytest.raises(ModelNotAvailable, match="not installed"):
        load_nlp("en_core_web_nonexistent_model")


def test_model_name_is_configurable_by_environment(monkeypatch):
    from pipeline.nlp import DEFAULT_MODEL, configured_model_name

    monkeypatch.delenv("SCR_SPACY_MODEL", raising=False)
    assert configured_model_name() == DEFAULT_MODEL
    monkeypatch.setenv("SCR_SPACY_MODEL", "en_core_web_md")
    assert configured_model_name() == "en_core_web_md"
    assert configured_model_name("en_core_web_lg") == "en_core_web_lg"


def test_truncated_utf8_drops_only_the_cut_character(tmp_path):
    path = tmp_path / "cut.txt"
    path.write_bytes(("Review – Child Z’s mother met the social worker ’").encode()[:-1])
    with pytest.warns(UserWarning, match="ends inside a UTF-8 character"):
        report = load_report(path)
    assert report.text.startswith("Review – Child Z’s mother") and report.source.encoding == "utf-8"


def test_mixed_encodings_are_refused_not_garbled(tmp_path):
    path = tmp_path / "mixed.txt"
    path.write_bytes("Child Z’s mother ".encode() + "café".encode("cp1252") + b" and more text")
    with pytest.raises(UnusableInput, match="mixed encodings"):
        load_report(path)
