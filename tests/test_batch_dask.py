"""`scr run --executor dask`: the local pool's guarantees on a Dask cluster.

The same outputs as `--executor local` (byte for byte, the manifest's timing
aside), a corrupt input and a worker that dies each fail only their review,
and a second run resumes.  Needs the `cluster` extra (in the dev install).
"""

from __future__ import annotations

import json
import os
import sys
import threading

import pytest

from test_batch import SMALL_REVIEW

distributed = pytest.importorskip("distributed", reason="Dask is not installed (pip install 'scr-pipeline[cluster]')")

KILLER = "kills_its_worker"
OUTPUTS = ("report.json", "findings.json", "events.jsonl", "themes.jsonl")


class KillOnName(distributed.WorkerPlugin):
    """In the workers: a review whose file is named KILLER makes its worker process exit on the spot.

    Stands for a worker lost mid-review (out of memory, a crash in native code, a node going away).
    """

    name = "test-kill-on-name"

    def setup(self, worker) -> None:
        import pipeline.batch as batch

        if getattr(batch.process, "kills", False):
            return
        original = batch.process

        def process(job):
            if KILLER in job.path.name:
                os._exit(9)
            return original(job)

        process.kills = True
        batch.process = process


def _review(letter: str, extra: str = "") -> str:
    return (
        SMALL_REVIEW.replace("Child Q", f"Child {letter}").replace("QM", f"{letter}M").replace("QSW", f"{letter}SW")
        + extra
    )


@pytest.fixture()
def corpus(tmp_path):
    folder = tmp_path / "reviews"
    folder.mkdir()
    for letter in "QRS":
        (folder / f"child_{letter.lower()}.txt").write_text(_review(letter), encoding="utf-8")
    (folder / "broken.txt").write_bytes(b"\x00\x01\x02 not a review \x00")
    return folder


@pytest.fixture(scope="module")
def cluster():
    """A 2-worker LocalCluster whose workers die on KILLER files; a dead worker's review is retried once."""
    import dask

    with dask.config.set({"distributed.scheduler.allowed-failures": 1, "distributed.scheduler.worker-saturation": 1.0}):
        with distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as local:
            with distributed.Client(local) as client:  # closed before the tests: `scr run` brings its own client
                client.register_plugin(KillOnName())
            yield local.scheduler_address


def _summary(out):
    return json.loads((out / "run-summary.json").read_text())


def test_dask_gives_the_local_outputs_and_isolates_a_corrupt_file(corpus, tmp_path, scr):
    local, on_dask = tmp_path / "local", tmp_path / "dask"
    a = scr("run", corpus, "--out", local, "--executor", "local", "--workers", "2")
    b = scr("run", corpus, "--out", on_dask, "--executor", "dask", "--workers", "2")
    assert a.returncode == b.returncode == 1, b.stderr  # the corrupt file failed; the run went on
    assert {k: _summary(on_dask)[k] for k in ("done", "failed", "total")} == {"done": 3, "failed": 1, "total": 4}
    for name in ("child_q", "child_r", "child_s"):
        for output in OUTPUTS:
            assert (local / name / output).read_bytes() == (on_dask / name / output).read_bytes(), (name, output)
        manifests = [json.loads((out / name / "manifest.json").read_text()) for out in (local, on_dask)]
        for manifest in manifests:
            assert manifest.pop("seconds") >= 0
        assert manifests[0] == manifests[1]
    failed = json.loads((on_dask / "broken" / "manifest.json").read_text())
    assert failed["status"] == "failed" and "binary" in failed["error"]
    assert [f["file"] for f in _summary(on_dask)["failures"]] == [str(corpus / "broken.txt")]


def test_dask_run_resumes(corpus, tmp_path, cluster):
    from pipeline.batch import discover, run_batch

    out = tmp_path / "out"
    paths = [p for p in discover([corpus]) if p.name != "broken.txt"]

    def statuses():
        return sorted((o.path.name, o.status) for o in run_batch(paths, out, executor="dask", scheduler=cluster))

    assert statuses() == [("child_q.txt", "done"), ("child_r.txt", "done"), ("child_s.txt", "done")]
    first = (out / "child_r" / "events.jsonl").read_bytes()
    assert statuses() == [("child_q.txt", "skipped"), ("child_r.txt", "skipped"), ("child_s.txt", "skipped")]
    (corpus / "child_r.txt").write_text(_review("R", "\nOn 9th May 2020 RSW visited RM again.\n"), encoding="utf-8")
    assert statuses() == [("child_q.txt", "skipped"), ("child_r.txt", "done"), ("child_s.txt", "skipped")]
    assert (out / "child_r" / "events.jsonl").read_bytes() != first
    assert "visited RM again" in json.loads((out / "child_r" / "report.json").read_text())["text"]


def test_a_killed_worker_fails_only_its_review(corpus, tmp_path, cluster):
    from pipeline.batch import discover, run_batch

    (corpus / f"{KILLER}.txt").write_text(_review("K"), encoding="utf-8")
    out = tmp_path / "out"
    outcomes = {o.path.name: o for o in run_batch(discover([corpus]), out, executor="dask", scheduler=cluster)}
    assert {name: o.status for name, o in outcomes.items() if o.status == "failed"} == {
        "broken.txt": "failed",
        f"{KILLER}.txt": "failed",
    }
    for name in (
        "child_q",
        "child_r",
        "child_s",
    ):  # done; or "skipped" if a result done on the dying worker was recomputed
        assert outcomes[f"{name}.txt"].status in ("done", "skipped")
        assert json.loads((out / name / "manifest.json").read_text())["status"] == "done"
        assert all((out / name / output).exists() for output in OUTPUTS)
    assert "worker died" in outcomes[f"{KILLER}.txt"].error
    manifest = json.loads((out / KILLER / "manifest.json").read_text())
    assert manifest["status"] == "failed" and "worker died" in manifest["error"]
    assert not (out / KILLER / "report.json").exists()
    # and the cluster is still usable: the killed review, now harmless, runs on resume
    (corpus / f"{KILLER}.txt").rename(corpus / "child_k.txt")
    again = {o.path.name: o.status for o in run_batch(discover([corpus]), out, executor="dask", scheduler=cluster)}
    assert again["child_k.txt"] == "done" and again["child_q.txt"] == "skipped"


def test_missing_dask_is_a_clear_message(corpus, tmp_path, monkeypatch):
    from pipeline.batch import discover, run_batch
    from pipeline.errors import UnusableInput

    monkeypatch.setitem(sys.modules, "distributed", None)  # as if the extra were not installed
    with pytest.raises(UnusableInput, match=r"scr-pipeline\[cluster\]"):
        list(run_batch(discover([corpus]), tmp_path / "out", executor="dask"))


def test_unknown_executor_and_stray_scheduler_are_refused(corpus, tmp_path, scr):
    assert scr("run", corpus, "--out", tmp_path / "o", "--executor", "ray").returncode == 2
    stray = scr("run", corpus, "--out", tmp_path / "o", "--scheduler", "tcp://127.0.0.1:1")
    assert stray.returncode == 2 and b"--executor dask" in stray.stderr
    assert not (tmp_path / "o").exists()


def test_the_time_limit_stops_a_review_in_a_worker_thread():
    """Dask runs tasks in worker threads, where no timer signal can reach: the limit must hold there too."""
    from pipeline.batch import ReviewTimeout, time_limit

    caught: list[BaseException] = []

    def runaway() -> None:
        try:
            with time_limit(0.2):
                while True:
                    pass
        except ReviewTimeout as exc:
            caught.append(exc)

    def finishes() -> None:
        with time_limit(30):
            sum(range(1000))

    threads = [threading.Thread(target=runaway), threading.Thread(target=finishes)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not any(t.is_alive() for t in threads)
    assert len(caught) == 1 and "time limit of 0.2 s" in str(caught[0])
