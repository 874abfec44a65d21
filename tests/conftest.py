"""Shared fixtures: the bundled real review, parsed once per test session."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CHILD_E = ROOT / "corpus" / "child_e_stockport_2017.txt"
GOLD = ROOT / "corpus" / "gold"


@pytest.fixture(scope="session")
def child_e_path() -> Path:
    return CHILD_E


@pytest.fixture(scope="session")
def gold_dir() -> Path:
    return GOLD


@pytest.fixture(scope="session")
def child_e_text() -> str:
    return CHILD_E.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def child_e_report():
    from pipeline.ingest import load_report

    return load_report(CHILD_E)


@pytest.fixture(scope="session")
def nlp():
    from pipeline.nlp import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def analyzer(nlp):
    """The Presidio analyzer with the project's recognizers, built once on the shared pipeline."""
    from pipeline.deid.recognizers import build_analyzer

    return build_analyzer(nlp)


@pytest.fixture(scope="session")
def child_e_doc(child_e_report, nlp):
    from pipeline.nlp import parse_report

    return parse_report(child_e_report, nlp)


def run_scr(*args: str, cwd: Path | None = None, input: bytes | None = None) -> subprocess.CompletedProcess:
    """Run the `scr` command line in a subprocess (real exit codes, real streams)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "pipeline.cli", *map(str, args)],
        cwd=cwd or ROOT,
        capture_output=True,
        input=input,
        env=env,
        timeout=600,
    )


@pytest.fixture(scope="session")
def scr():
    return run_scr


@pytest.fixture()
def code_draft(tmp_path, nlp):
    """Pseudonymise a short draft with a key given as YAML text: the coded text, as `scr pseudonymise` makes it."""
    import yaml

    from pipeline.deid.keyfile import parse_key
    from pipeline.deid.names.known import english_lexicon
    from pipeline.deid.pseudonymise import parse_for_key, pseudonymise_report
    from pipeline.ingest import load_report

    def _code(key_yaml: str, text: str) -> str:
        key = parse_key(yaml.safe_load(key_yaml))
        path = tmp_path / "draft.txt"
        path.write_text(text, encoding="utf-8")
        report = load_report(path)
        return pseudonymise_report(report, parse_for_key(report, nlp, key), key, lexicon=english_lexicon(nlp)).text

    return _code
