"""`scr pseudonymise` end to end: files, log privacy, refusals, no network."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

DRAFT = (
    "Serious Case Review in the Case of Child L\n\n1 Introduction\n\n"
    "Jade Kershaw is the mother of Child L. Jade's partner Dean Holt moved in. "
    "The health visitor, Priya Natarajan, phoned Jade on 07700 900123.\n"
)
KEY = (
    "people:\n  - {code: EM, role: mother, names: [Jade Kershaw, Jade]}\n"
    "  - {code: EF, role: father, names: [Dean Holt]}\n"
)
REAL = [b"Jade", b"Kershaw", b"Dean", b"Holt", b"Priya", b"Natarajan"]

# Imported by Python at start-up when its folder is on PYTHONPATH: every way
# out to the network raises, and each attempt is recorded.
SITECUSTOMIZE = textwrap.dedent("""
    import os, socket

    def _blocked(*args, **kwargs):
        with open(os.environ["SCR_TEST_NET_LOG"], "a") as log:
            log.write(repr(args[:2]) + "\\n")
        raise OSError("network blocked by the test")

    socket.socket.connect = _blocked
    socket.socket.connect_ex = _blocked
    socket.create_connection = _blocked
    socket.getaddrinfo = _blocked
""")


ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture()
def layout(tmp_path):
    (tmp_path / "drafts").mkdir()
    (tmp_path / "keys").mkdir()
    draft = tmp_path / "drafts" / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    key = tmp_path / "keys" / "key.yaml"
    key.write_text(KEY, encoding="utf-8")
    return tmp_path, draft, key


def run_blocked(tmp_path: Path, *args) -> tuple[subprocess.CompletedProcess, Path]:
    site = tmp_path / "site"
    site.mkdir(exist_ok=True)
    (site / "sitecustomize.py").write_text(SITECUSTOMIZE, encoding="utf-8")
    net_log = tmp_path / "net.log"
    env = {**os.environ, "PYTHONPATH": f"{site}{os.pathsep}{ROOT}", "SCR_TEST_NET_LOG": str(net_log)}
    result = subprocess.run([sys.executable, *map(str, args)], cwd=ROOT, capture_output=True, env=env, timeout=600)
    return result, net_log


def test_the_socket_block_works(tmp_path):
    result, net_log = run_blocked(tmp_path, "-c", "import socket; socket.create_connection(('127.0.0.1', 9))")
    assert result.returncode != 0 and b"network blocked by the test" in result.stderr
    assert net_log.exists()


def test_pseudonymise_offline_writes_output_and_private_log(layout):
    tmp_path, draft, key = layout
    out = tmp_path / "out" / "coded.txt"
    before = draft.read_bytes()
    result, net_log = run_blocked(tmp_path, "-m", "pipeline.cli", "pseudonymise", draft, "--key", key, "--out", out)
    assert result.returncode == 0, result.stderr.decode()
    assert not net_log.exists(), net_log.read_text()  # nothing tried to reach the network

    coded = out.read_text(encoding="utf-8")
    assert "EM is the mother of Child L. EM's partner EF moved in." in coded
    assert "The health visitor, [PERSON-1], phoned EM on [PHONE]." in coded
    assert draft.read_bytes() == before  # the input is only read

    log = tmp_path / "keys" / "coded.replacements.jsonl"
    assert stat.S_IMODE(log.stat().st_mode) == 0o600
    assert sorted(p.name for p in out.parent.iterdir()) == ["coded.txt"]  # nothing beside the output
    records = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]
    header, rest = records[0], records[1:]
    assert header["record"] == "provenance" and len(header["input_sha256"]) == 64 and header["model"]["name"]
    assert header["rules"].startswith("sha256:")
    reps = [r for r in rest if r["record"] == "replacement"]
    assert {(r["text"], r["code"], r["type"]) for r in reps} >= {
        ("Jade Kershaw", "EM", "PERSON"),
        ("Dean Holt", "EF", "PERSON"),
    }
    for r in reps:
        assert {"start", "end", "type", "code", "rule", "confidence"} <= set(r)
    (unplaced,) = [r for r in rest if r["record"] == "unplaced"]
    assert unplaced["placeholder"] == "[PERSON-1]" and unplaced["names"] == ["Priya Natarajan"]

    for name in REAL:  # the terminal shows counts and placeholders, never a real name
        assert name not in result.stderr and name not in result.stdout
    assert b"[PERSON-1]: 1 mention(s)" in result.stderr


def test_show_names_prints_the_unplaced_names(layout, scr):
    tmp_path, draft, key = layout
    result = scr("pseudonymise", draft, "--key", key, "--out", tmp_path / "out" / "coded.txt", "--show-names")
    assert result.returncode == 0, result.stderr.decode()
    assert b"[PERSON-1]: 1 mention(s) = Priya Natarajan" in result.stderr


@pytest.mark.parametrize("case", ["out_is_input", "key_beside_output", "log_beside_output", "out_is_key"])
def test_refusals_exit_2_and_write_nothing(layout, scr, case):
    tmp_path, draft, key = layout
    before = {p: p.read_bytes() for p in (draft, key)}
    args = {
        "out_is_input": ["--key", key, "--out", draft],
        "key_beside_output": ["--key", key, "--out", tmp_path / "keys" / "coded.txt"],
        "log_beside_output": [
            "--key",
            key,
            "--out",
            tmp_path / "out" / "coded.txt",
            "--log",
            tmp_path / "out" / "log.jsonl",
        ],
        "out_is_key": ["--key", key, "--out", key, "--log", tmp_path / "elsewhere" / "log.jsonl"],
    }[case]
    result = scr("pseudonymise", draft, *args)
    assert result.returncode == 2, result.stderr.decode()
    assert b"Traceback" not in result.stderr
    assert {p: p.read_bytes() for p in (draft, key)} == before
    assert not (tmp_path / "out").exists() and not (tmp_path / "elsewhere").exists()
    if case == "key_beside_output":
        assert b"--log" in result.stderr and b"real names" in result.stderr


def test_key_in_output_dir_is_fine_with_a_log_elsewhere(layout, scr):
    tmp_path, draft, key = layout
    out = tmp_path / "keys" / "coded.txt"
    log = tmp_path / "private" / "coded.log.jsonl"
    result = scr("pseudonymise", draft, "--key", key, "--out", out, "--log", log)
    assert result.returncode == 0, result.stderr.decode()
    assert stat.S_IMODE(log.stat().st_mode) == 0o600 and out.exists()


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("empty.txt", b"", b"empty"),
        ("blank.txt", b"  \n\n ", b"empty"),
        ("binary.txt", b"\x00\x01\x02PK\x03\x04" * 50, b"binary"),
        ("draft.pdf", b"%PDF-1.4 ...", b"PDF"),
        ("draft.xyz", b"some text", b"not supported"),
        ("missing.txt", None, b"no such file"),
    ],
)
def test_bad_inputs_exit_2(layout, scr, name, content, message):
    tmp_path, _, key = layout
    path = tmp_path / "drafts" / name
    if content is not None:
        path.write_bytes(content)
    result = scr("pseudonymise", path, "--key", key, "--out", tmp_path / "out" / "coded.txt")
    assert result.returncode == 2
    assert message in result.stderr and b"Traceback" not in result.stderr
    assert not (tmp_path / "out" / "coded.txt").exists()


def test_output_must_be_text(layout, scr):
    tmp_path, draft, key = layout
    result = scr("pseudonymise", draft, "--key", key, "--out", tmp_path / "out" / "coded.json")
    assert result.returncode == 2 and b".txt or .md" in result.stderr


def test_word_draft_is_written_back_as_word(layout, scr):
    docx = pytest.importorskip("docx")
    tmp_path, _, key = layout
    draft = tmp_path / "drafts" / "draft.docx"
    document = docx.Document()
    document.core_properties.author = "Jade Kershaw"
    paragraph = document.add_paragraph("Jade Kershaw is the mother of Child L. ")
    paragraph.add_run("Jade's").bold = True
    paragraph.add_run(" partner Dean Holt moved in.")
    document.sections[0].header.paragraphs[0].text = "Draft - Jade Kershaw"
    document.save(draft)
    out = tmp_path / "out" / "coded.docx"
    result = scr("pseudonymise", draft, "--key", key, "--out", out)
    assert result.returncode == 0, result.stderr.decode()
    coded = docx.Document(out)
    assert coded.paragraphs[0].text == "EM is the mother of Child L. EM's partner EF moved in."
    assert [(r.text, r.bold) for r in coded.paragraphs[0].runs][1] == ("EM's", True)  # formatting kept
    assert coded.sections[0].header.paragraphs[0].text == "Draft - EM"
    assert "Jade" not in (coded.core_properties.author or "")
    bad = scr("pseudonymise", draft, "--key", key, "--out", tmp_path / "out" / "coded.txt")
    assert bad.returncode == 2 and b".docx" in bad.stderr


def test_policy_file_allows_names_and_switches_types_off(layout, scr):
    tmp_path, draft, key = layout
    policy = tmp_path / "policy.yaml"
    policy.write_text("allow:\n  names: [Priya Natarajan]\nreport:\n  PHONE: false\n", encoding="utf-8")
    out = tmp_path / "out" / "coded.txt"
    result = scr("pseudonymise", draft, "--key", key, "--out", out, "--policy", policy)
    assert result.returncode == 0, result.stderr.decode()
    assert "The health visitor, Priya Natarajan, phoned EM on 07700 900123." in out.read_text(encoding="utf-8")
    bad = tmp_path / "bad_policy.yaml"
    bad.write_text("report:\n  NOT_A_TYPE: true\n", encoding="utf-8")
    refused = scr("pseudonymise", draft, "--key", key, "--out", tmp_path / "out" / "again.txt", "--policy", bad)
    assert refused.returncode == 2 and b"NOT_A_TYPE" in refused.stderr


def test_a_misspelt_tracked_changes_choice_is_refused(tmp_path, scr):
    """`--tracked-changes` takes accept or reject: a typo must not be read as either (as reject, it would drop the
    author's insertions and bring their deletions back into the coded draft)."""
    pytest.importorskip("docx")
    from fixtures_formats import drafts

    draft = drafts.build_draft(tmp_path / "draft.docx")
    key = tmp_path / "key.yaml"
    key.write_text("people:\n  - {code: EM, role: mother, names: [Jade Kershaw, Jade]}\n", encoding="utf-8")
    out = tmp_path / "out" / "coded.docx"
    result = scr("pseudonymise", draft, "--key", key, "--out", out, "--tracked-changes", "acept")
    assert result.returncode == 2 and b"acept" in result.stderr
    assert not out.exists()
