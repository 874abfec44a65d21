"""Hostile, huge and half-broken inputs: no traceback, no hang, no silent loss.

Every input is made on the fly in tmp_path (all names fictional).  Each
command case checks the README's exit code (0 ok, 1 found something, 2
unusable input), a one-line message on stderr, no traceback, nothing
half-written, and that no name survives where the input held one.
"""

from __future__ import annotations

import io
import os
import stat
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

NAME = "Jane Doe"
REVIEW = (
    "Serious Case Review: Child Q\n\n"
    "1.1 Jane Doe, the mother of Child Q, lived at 14 Mill Lane, Rochdale OL16 2QT.\n\n"
    "1.2 Her NHS number is 943 476 5919. Jane Doe told the health visitor Mary Green that she was worried.\n"
)
KEY = """people:
  - code: EM
    role: "Child Q's mother"
    names: [Jane Doe, Jane]
  - code: HV
    role: health visitor
    names: [Mary Green]
"""


def scr(*args, env: dict | None = None, timeout: int = 600) -> subprocess.CompletedProcess:
    """The `scr` command line in a subprocess, with extra environment variables."""
    full = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "pipeline.cli", *map(str, args)],
        cwd=ROOT,
        capture_output=True,
        env=full,
        timeout=timeout,
        text=True,
    )


def clean(result: subprocess.CompletedProcess, code: int, *, message: str | None = None) -> None:
    """The exit code, no traceback, and for a refusal exactly one error line (containing `message`)."""
    assert result.returncode == code, (result.returncode, result.stderr[-2000:])
    assert "Traceback" not in result.stderr
    if code == 2:
        errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
        assert len(errors) == 1, result.stderr
        if message:
            assert message in errors[0], errors[0]


@pytest.fixture
def key(tmp_path) -> Path:
    folder = tmp_path / "private"
    folder.mkdir()
    path = folder / "key.yaml"
    path.write_text(KEY, encoding="utf-8")
    path.chmod(0o600)
    return path


# ---------------------------------------------------------------- charset declarations
def _page(body: str, charset: str) -> str:
    paragraphs = "".join(f"<p>{line}</p>" for line in body.splitlines() if line)
    return (
        f'<html><head><meta charset="{charset}"><title>Review</title></head>'
        f"<body><main>{paragraphs}</main></body></html>"
    )


@pytest.mark.parametrize("pad", ["", " "])  # an even byte count decodes as UTF-16 without error
def test_html_declaring_utf16_but_written_in_utf8_is_read_and_verified(tmp_path, key, pad):
    page = tmp_path / "review.html"
    page.write_bytes((_page(REVIEW, "utf-16") + pad).encode("utf-8"))
    result = scr("verify", page, "--key", key, "--format", "json")
    clean(result, 1)
    assert "NHS_NUMBER" in result.stdout and "KEY_NAME" in result.stdout and "POSTCODE" in result.stdout
    warnings = [line for line in result.stderr.splitlines() if line.startswith("warning:")]
    assert len(warnings) == 1 and "utf-16" in warnings[0]


def test_html_declared_charset_is_used_when_the_bytes_agree(tmp_path):
    from pipeline.ingest.html import _decode

    page = _page("Zoë Brontë met the social worker.", "iso-8859-1")
    assert "Zoë Brontë" in _decode("p.html", page.encode("iso-8859-1"))
    assert "Zoë Brontë" in _decode("p.html", page.encode("utf-8"))  # UTF-8 despite the Latin-1 claim
    utf16 = _page("Zoë Brontë met the social worker.", "utf-16")
    assert "Zoë Brontë" in _decode("p.html", utf16.encode("utf-16-le"))


# ---------------------------------------------------------------- text encodings and binary
@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_text_not_binary(tmp_path, encoding):
    from pipeline.ingest import load_report

    path = tmp_path / "review.txt"
    path.write_bytes(REVIEW.encode(encoding))
    report = load_report(path)
    assert NAME in report.text and report.source.encoding == encoding


def test_random_bytes_are_called_binary_not_empty(tmp_path):
    import random

    rng = random.Random(7)
    printable = [b for b in range(32, 256) if b not in (0x7F, 0x81, 0x8D, 0x8F, 0x90, 0x9D)]  # all decode as cp1252
    for suffix, pool in ((".txt", range(1, 256)), (".md", printable), (".html", printable)):
        path = tmp_path / f"noise{suffix}"
        path.write_bytes(bytes(rng.choice(pool) for _ in range(20_000)))
        result = scr("ingest", path, "--out", tmp_path / "out")
        clean(result, 2)
        assert "empty" not in result.stderr and ("binary" in result.stderr or "cannot decode" in result.stderr)
        assert not (tmp_path / "out" / "noise.report.json").exists()


def test_nul_bytes_after_the_first_8kb_are_removed_with_a_warning(tmp_path):
    path = tmp_path / "review.txt"
    filler = "The family were seen at home by the health visitor. " * 200  # over 8 KB
    path.write_bytes((filler + "\n\n" + REVIEW.replace("Jane Doe told", "Jane\x00 Doe told")).encode("utf-8"))
    result = scr("ingest", path, "--out", tmp_path / "out")
    clean(result, 0)
    assert "removed 1 NUL byte" in result.stderr
    written = (tmp_path / "out" / "review.report.json").read_text(encoding="utf-8")
    assert "\\u0000" not in written and "\x00" not in written


# ---------------------------------------------------------------- Word: entities, zip bombs
def _docx(paragraphs: list[str], doctype: str = "") -> bytes:
    docx = pytest.importorskip("docx")
    document = docx.Document()
    for i, _ in enumerate(paragraphs):
        document.add_paragraph(f"PARAGRAPH{i}")
    buffer = io.BytesIO()
    document.save(buffer)
    source = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    files = {n: source.read(n) for n in source.namelist()}
    xml = files["word/document.xml"].decode("utf-8")
    for i, text in enumerate(paragraphs):
        xml = xml.replace(f"PARAGRAPH{i}<", f"{text}<", 1)
    if doctype:
        head = xml.index("?>") + 2
        xml = xml[:head] + doctype + xml[head:]
    files["word/document.xml"] = xml.encode("utf-8")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in files.items():
            target.writestr(name, data)
    return out.getvalue()


def test_docx_with_a_custom_entity_is_refused_not_silently_dropped(tmp_path, key):
    draft = tmp_path / "draft.docx"
    draft.write_bytes(
        _docx(
            ["Serious Case Review: Child Q", "&nm; attended the meeting."],
            '<!DOCTYPE w:document [<!ENTITY nm "Jane Doe">]>',
        )
    )
    clean(scr("verify", draft, "--key", key), 2, message="entities")
    out = tmp_path / "coded.docx"
    clean(scr("pseudonymise", draft, "--key", key, "--out", out), 2, message="entities")
    assert not out.exists()


def test_docx_character_references_are_read_and_coded(tmp_path, key):
    from lxml import etree

    draft = tmp_path / "draft.docx"
    draft.write_bytes(_docx(["Serious Case Review: Child Q", "&#74;ane Doe &amp; Mary Green attended the meeting."]))
    found = scr("verify", draft, "--key", key, "--format", "json")
    clean(found, 1)
    assert found.stdout.count("KEY_NAME") >= 2
    out = tmp_path / "coded.docx"
    clean(scr("pseudonymise", draft, "--key", key, "--out", out), 0)
    with zipfile.ZipFile(out) as package:
        xml = package.read("word/document.xml")
    etree.fromstring(xml)  # well-formed
    text = xml.decode("utf-8")
    assert NAME not in text and "Mary Green" not in text and "EM" in text


def _zip(entries: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in entries.items():
            target.writestr(name, data)
    return out.getvalue()


def test_docx_total_uncompressed_size_is_limited(tmp_path):
    good = zipfile.ZipFile(io.BytesIO(_docx(["A short review."])))
    entries = {n: good.read(n) for n in good.namelist()}
    entries.update({f"word/media/filler{i}.bin": b"\0" * (3 * 1024 * 1024) for i in range(3)})
    bomb = tmp_path / "bomb.docx"
    bomb.write_bytes(_zip(entries))
    assert bomb.stat().st_size < 200_000
    clean(
        scr("ingest", bomb, "--out", tmp_path / "out", env={"SCR_MAX_DOCX_UNCOMPRESSED_MB": "5"}),
        2,
        message="SCR_MAX_DOCX_UNCOMPRESSED_MB",
    )
    clean(scr("ingest", bomb, "--out", tmp_path / "out", env={"SCR_MAX_DOCX_UNCOMPRESSED_MB": "50"}), 0)


def test_docx_entry_count_is_limited(tmp_path):
    good = zipfile.ZipFile(io.BytesIO(_docx(["A short review."])))
    entries = {n: good.read(n) for n in good.namelist()}
    entries.update({f"customXml/item{i}.xml": b"<a/>" for i in range(40)})
    many = tmp_path / "many.docx"
    many.write_bytes(_zip(entries))
    clean(
        scr("ingest", many, "--out", tmp_path / "out", env={"SCR_MAX_DOCX_ENTRIES": "20"}),
        2,
        message="SCR_MAX_DOCX_ENTRIES",
    )


def test_zip_directory_that_lies_about_sizes_is_held_to_the_limit_while_inflating(monkeypatch):
    """The directory says 1 KB; the stream inflates to 8 MB: the streaming count stops it."""
    from pipeline.errors import UnusableInput
    from pipeline.ingest import ooxml

    data = _zip({"word/document.xml": b"<a/>", "word/media/big.bin": b"\0" * (8 * 1024 * 1024)})
    archive = zipfile.ZipFile(io.BytesIO(data))
    for info in archive.infolist():
        info.file_size = 1024  # falsified in memory, as a crafted central directory would be
    monkeypatch.setenv("SCR_MAX_DOCX_UNCOMPRESSED_MB", "2")
    with pytest.raises((UnusableInput, zipfile.BadZipFile)):
        ooxml._read_parts("bomb.docx", archive)


# ---------------------------------------------------------------- outputs that collide
def test_ingest_inputs_sharing_a_stem_get_distinct_outputs(tmp_path):
    (tmp_path / "good.txt").write_text(REVIEW, encoding="utf-8")
    (tmp_path / "good.docx").write_bytes(_docx(["Serious Case Review: Child R", "A different review."]))
    out = tmp_path / "out"
    clean(scr("ingest", tmp_path / "good.txt", tmp_path / "good.docx", "--out", out), 0)
    import json

    written = sorted(p.name for p in out.iterdir())
    assert written == ["good.docx.report.json", "good.txt.report.json"]
    assert json.loads((out / "good.docx.report.json").read_text())["source"]["name"] == "good.docx"
    assert json.loads((out / "good.txt.report.json").read_text())["source"]["name"] == "good.txt"


def test_run_folder_names_never_collide_with_another_stem(tmp_path):
    from pipeline.batch import output_names

    paths = [tmp_path / "a" / "review.txt", tmp_path / "b" / "review.txt", tmp_path / "review-2.txt"]
    names = output_names(paths)
    assert len(set(names.values())) == 3


# ---------------------------------------------------------------- long texts and lines
def test_long_text_is_parsed_in_pieces_with_offsets_kept(nlp, monkeypatch):
    from pipeline.nlp import parse

    monkeypatch.setenv("SCR_NLP_CHUNK_CHARS", "3000")
    paragraph = "The health visitor Mary Green saw the family at home on 3 March 2016 and wrote to the GP."
    text = "\n\n".join(f"{n}.1 {paragraph}" for n in range(120)) + "\n\n" + "word " * 2000 + "Mary Green called."
    doc = parse(text, nlp)
    assert doc.text == text
    people = [e for e in doc.ents if e.text == "Mary Green"]
    assert len(people) >= 100 and all(text[e.start_char : e.end_char] == "Mary Green" for e in people)
    assert people[-1].start_char > len(text) - 40  # found after the cut of the over-long paragraph


def test_split_long_cuts_at_sentence_ends_and_keeps_every_character():
    from pipeline.nlp import paragraph_chunks, split_long

    line = "Jane Doe was seen. " * 5000 + "x" * 30_000
    parts = split_long(line, 10_000)
    assert "".join(parts) == line and all(len(p) <= 10_000 for p in parts)
    assert all(p.endswith(". ") for p in parts[:9])
    text = ("para one.\n\n" * 50) + line
    assert "".join(paragraph_chunks(text, 100, 10_000)) == text


def test_text_over_the_limit_is_refused_naming_the_variable(tmp_path):
    path = tmp_path / "review.txt"
    path.write_text(REVIEW, encoding="utf-8")
    clean(scr("verify", path, env={"SCR_MAX_TEXT_CHARS": "100"}), 2, message="SCR_MAX_TEXT_CHARS")


def test_bad_limit_value_is_refused(tmp_path):
    path = tmp_path / "review.txt"
    path.write_text(REVIEW, encoding="utf-8")
    clean(
        scr("ingest", path, "--out", tmp_path / "out", env={"SCR_MAX_INPUT_MB": "lots"}), 2, message="SCR_MAX_INPUT_MB"
    )


def test_a_256kb_single_line_completes_and_keeps_its_names(tmp_path, key):
    """One line of 256 KB, cut for the language model: names before and after the cut are still found."""
    sentence = "The family were seen at home by the duty social worker on a weekday afternoon. "
    body = sentence * (256 * 1024 // len(sentence))
    line = "Jane Doe lived at 14 Mill Lane. " + body + "Mary Green visited Jane Doe."
    path = tmp_path / "review.txt"
    path.write_text(line + "\n", encoding="utf-8")
    env = {"SCR_NLP_CHUNK_CHARS": "100000"}
    found = scr("verify", path, "--key", key, "--format", "json", env=env)
    clean(found, 1)
    import json

    names = [f for f in json.loads(found.stdout) if f["type"] == "KEY_NAME"]
    assert len(names) >= 3 and max(f["start"] for f in names) > len(line) - 20
    out = tmp_path / "coded.txt"
    clean(scr("pseudonymise", path, "--key", key, "--out", out, env=env), 0)
    coded = out.read_text(encoding="utf-8")
    assert NAME not in coded and "Mary Green" not in coded
    clean(scr("events", path, env=env), 0)
    clean(scr("themes", path, env=env), 0)


# ---------------------------------------------------------------- scr run --timeout
def test_run_stops_a_stuck_review_and_goes_on(tmp_path, monkeypatch):
    import time

    from pipeline import batch

    (tmp_path / "in").mkdir()
    for name in ("a_stuck.txt", "b_fine.txt"):
        (tmp_path / "in" / name).write_text(REVIEW, encoding="utf-8")
    real = batch.run_stages

    def stages(report, doc, nlp):
        if report.source.name == "a_stuck.txt":
            time.sleep(30)
        return real(report, doc, nlp)

    monkeypatch.setattr(batch, "run_stages", stages)
    started = time.monotonic()
    outcomes = list(batch.run_batch(batch.discover([tmp_path / "in"]), tmp_path / "out", timeout=5))
    assert time.monotonic() - started < 30
    assert [o.status for o in outcomes] == ["failed", "done"]
    assert "time limit" in outcomes[0].error and "--timeout" in outcomes[0].error
    assert not (tmp_path / "out" / "a_stuck" / "findings.json").exists()


def test_run_timeout_option_is_documented():
    result = scr("run", "--help")
    assert "--timeout" in result.stdout and "SCR_RUN_TIMEOUT" in result.stdout


# ---------------------------------------------------------------- key files
def test_markup_as_a_code_is_refused_naming_the_entry(tmp_path, key):
    key.write_text(KEY.replace("code: HV", 'code: "<b>HV</b>"'), encoding="utf-8")
    path = tmp_path / "review.txt"
    path.write_text(REVIEW, encoding="utf-8")
    out = tmp_path / "coded.txt"
    clean(scr("pseudonymise", path, "--key", key, "--out", out), 2, message="entry 2")
    assert not out.exists()


def test_a_key_others_can_read_is_warned_about(tmp_path, key):
    path = tmp_path / "review.txt"
    path.write_text(REVIEW, encoding="utf-8")
    key.chmod(0o644)
    shared = scr("verify", path, "--key", key)
    clean(shared, 1)
    warnings = [line for line in shared.stderr.splitlines() if line.startswith("warning:")]
    assert len(warnings) == 1 and "chmod 600" in warnings[0] and NAME not in shared.stderr
    key.chmod(0o600)
    private = scr("verify", path, "--key", key)
    assert "chmod" not in private.stderr


# ---------------------------------------------------------------- compare --plot
def test_heatmap_is_written_atomically_and_owner_only(tmp_path):
    from pipeline.commands.compare import _write_plot

    def fake_heatmap(matrix, path):
        Path(path).write_bytes(b"\x89PNG fake")
        return Path(path)

    target = tmp_path / "plots" / "heatmap.png"
    _write_plot(fake_heatmap, None, target)
    assert target.read_bytes() == b"\x89PNG fake"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert sorted(p.name for p in target.parent.iterdir()) == ["heatmap.png"]

    def broken(matrix, path):
        raise RuntimeError("render failed")

    with pytest.raises(RuntimeError):
        _write_plot(broken, None, target)
    assert target.read_bytes() == b"\x89PNG fake"  # the old picture is intact
    assert sorted(p.name for p in target.parent.iterdir()) == ["heatmap.png"]


# ---------------------------------------------------------------- last resort
def test_an_unexpected_error_is_one_line_and_exit_3_never_1(monkeypatch, capsys):
    from pipeline import cli

    def broken(**kwargs):
        raise RuntimeError("something nobody expected\nsecond line")

    monkeypatch.setattr(cli, "app", broken)
    monkeypatch.delenv("SCR_DEBUG", raising=False)
    with pytest.raises(SystemExit) as stopped:
        cli.main()
    assert stopped.value.code == 3
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "RuntimeError at pipeline/cli.py:" in err and "SCR_DEBUG" in err
    assert "nobody expected" not in err  # a message may quote the review: left to SCR_DEBUG=1


def test_outputs_that_map_no_name_follow_the_umask_and_private_ones_are_owner_only(tmp_path):
    from pipeline import fileio

    public = fileio.atomic_write_text(tmp_path / "events.csv", "date,text\n")
    private = fileio.atomic_write_text(tmp_path / "draft.replacements.jsonl", "{}\n", private=True)
    assert stat.S_IMODE(public.stat().st_mode) == 0o666 & ~fileio._UMASK
    assert stat.S_IMODE(private.stat().st_mode) == 0o600
