"""`scr run`: all stages per document, resumable, failure-isolated, atomic."""

from __future__ import annotations

import json

import pytest

from pipeline import stagefile

SMALL_REVIEW = """Northshire Safeguarding Children Partnership

Child Safeguarding Practice Review: Child Q

Period under review: 1st March 2020 to 30th September 2020

1 Introduction

QM – Child Q's mother
QSW – Social Worker for Child Q

2 Chronology

On 3rd March 2020 QSW visited QM at home. Two days later QM missed a health appointment.

3 Findings

- Information was not shared between the health visitor and children's social care.
- Professionals accepted QM's account at face value and domestic abuse was not explored.
"""


@pytest.fixture()
def corpus_dir(tmp_path):
    folder = tmp_path / "reviews"
    folder.mkdir()
    (folder / "child_q.txt").write_text(SMALL_REVIEW, encoding="utf-8")
    (folder / "broken.txt").write_bytes(b"\x00\x01\x02 not a review \x00")
    (folder / "empty.md").write_bytes(b"")
    return folder


def test_run_writes_every_stage_and_isolates_failures(corpus_dir, tmp_path, scr):
    out = tmp_path / "out"
    result = scr("run", corpus_dir, "--out", out)
    assert result.returncode == 1, result.stderr  # two inputs failed, the batch went on
    summary = json.loads((out / "run-summary.json").read_text())
    assert (summary["done"], summary["failed"], summary["total"]) == (1, 2, 3)
    folder = out / "child_q"
    for name in ("report.json", "findings.json", "events.jsonl", "themes.jsonl", "manifest.json"):
        assert (folder / name).exists(), name
    events = stagefile.loads((folder / "events.jsonl").read_text()).records
    assert any(e["date"] == "2020-03-03" for e in events)
    assert any(e["date"] == "2020-03-05" for e in events)
    failed = json.loads((out / "broken" / "manifest.json").read_text())
    assert failed["status"] == "failed" and "binary" in failed["error"]
    assert not list(out.rglob("*.tmp"))


def test_run_resumes_without_redoing_finished_documents(corpus_dir, tmp_path):
    from pipeline.batch import discover, run_batch

    out = tmp_path / "out"
    paths = [p for p in discover([corpus_dir]) if p.name == "child_q.txt"]
    first = [o.status for o in run_batch(paths, out)]
    again = [o.status for o in run_batch(paths, out)]
    assert first == ["done"] and again == ["skipped"]
    paths[0].write_text(SMALL_REVIEW + "\nA new paragraph was added.\n", encoding="utf-8")
    assert [o.status for o in run_batch(paths, out)] == ["done"]


def test_output_names_are_unique_and_deterministic(tmp_path):
    from pipeline.batch import output_names

    a, b = tmp_path / "a" / "review.txt", tmp_path / "b" / "review.txt"
    assert output_names([a, b]) == {a: "review", b: "review-2"}


def test_run_with_no_inputs_is_unusable(tmp_path, scr):
    empty = tmp_path / "nothing"
    empty.mkdir()
    result = scr("run", empty, "--out", tmp_path / "out")
    assert result.returncode == 2 and b"no review files" in result.stderr


def test_two_workers_give_the_same_outputs_and_clean_stale_temporaries(corpus_dir, tmp_path):
    from pipeline.batch import discover, run_batch

    paths = [p for p in discover([corpus_dir]) if p.name != "empty.md"]
    one, two = tmp_path / "one", tmp_path / "two"
    (two / "child_q").mkdir(parents=True)
    stale = two / "child_q" / ".events.jsonl.abc123.tmp"
    stale.write_text("half-written")
    sequential = sorted((o.path.name, o.status) for o in run_batch(paths, one, workers=1))
    parallel = sorted((o.path.name, o.status) for o in run_batch(paths, two, workers=2))
    assert sequential == parallel == [("broken.txt", "failed"), ("child_q.txt", "done")]
    assert not stale.exists()
    for name in ("events.jsonl", "themes.jsonl", "findings.json", "report.json"):
        assert (one / "child_q" / name).read_bytes() == (two / "child_q" / name).read_bytes(), name


def test_a_change_of_rule_data_reprocesses_and_is_recorded(corpus_dir, tmp_path, scr, monkeypatch):
    """A team's own copy of models/ (SCR_MODELS_DIR): editing a rule must not leave stale cached results."""
    import shutil

    from pipeline.resources import models_dir

    models = tmp_path / "models"
    shutil.copytree(models_dir(), models)
    monkeypatch.setenv("SCR_MODELS_DIR", str(models))
    (corpus_dir / "broken.txt").unlink()
    (corpus_dir / "empty.md").unlink()
    out = tmp_path / "out"

    def statuses():
        result = scr("run", corpus_dir, "--out", out)
        assert result.returncode == 0, result.stderr
        summary = json.loads((out / "run-summary.json").read_text())
        return summary["done"], summary["skipped"]

    assert statuses() == (1, 0)
    assert statuses() == (0, 1)  # unchanged input and rules: cached
    before = json.loads((out / "child_q" / "manifest.json").read_text())["versions"]["rules"]
    policy = models / "policy.yaml"
    policy.write_text(policy.read_text().replace("PERSON_CODE: medium", "PERSON_CODE: high"))
    assert statuses() == (1, 0)  # the rule data changed: processed again
    after = json.loads((out / "child_q" / "manifest.json").read_text())["versions"]["rules"]
    report = json.loads((out / "child_q" / "report.json").read_text())
    assert before != after and report["provenance"]["rules"] == after


def test_an_unexpected_error_is_recorded_without_its_message(corpus_dir, tmp_path, monkeypatch):
    # a bug's message may quote the review ("cannot read ... near Lena Marsh"): the run summary and the
    # manifest get its type and place, never the words
    import pipeline.batch as batch

    quoted = "cannot read the date near Lena Marsh"

    def broken(report, doc, nlp):
        raise ValueError(quoted)

    monkeypatch.delenv("SCR_DEBUG", raising=False)
    monkeypatch.setattr(batch, "run_stages", broken)
    path = corpus_dir / "child_q.txt"
    job = batch.Job(path=path, out_dir=tmp_path / "out" / path.stem, model=None, timeout=0)
    outcome = batch.process(job)
    manifest = json.loads((job.out_dir / "manifest.json").read_text())
    assert outcome.status == "failed" and outcome.error.startswith("ValueError at pipeline/batch.py:")
    assert "Lena" not in outcome.error and "Lena" not in json.dumps(manifest)
    assert "in process" in manifest["traceback"]
