"""Batch processing: many reviews in, one folder of plain data out per review.

For each input document `scr run` does ingest → nlp (one pass) → verify →
events → themes and writes, under `OUT/<name>/`:

    report.json      the Report (text, structure, key, metadata)
    findings.json    verification findings (residual identifiers)
    events.jsonl     the dated chronology, one event per line
    themes.jsonl     paragraph theme labels with evidence
    manifest.json    input hash, pipeline and model versions, timings, status

Design choices, because researchers run this over thousands of files:
- **resumable**: a document whose content hash, pipeline version and model
  are unchanged since a successful run is skipped;
- **failure-isolated**: a broken file is recorded (`manifest.json` with
  `status: failed` and the error) and the batch goes on; the exit code and
  the summary say how many failed;
- **time-limited**: a review still running after `--timeout` seconds
  (default 600, `SCR_RUN_TIMEOUT`) is stopped and recorded as failed;
- **bounded memory**: documents are streamed through a process pool (the
  spaCy model is loaded once per worker) and nothing is accumulated;
- **one unit of work, two executors**: `process(Job)` runs in the local
  process pool (`--executor local`) or on a Dask cluster (`--executor dask`,
  `pipeline.batch_dask`) with the same outputs, failure isolation and resume;
- **atomic, deterministic writes**: every file is written via a temporary
  file and renamed; outputs do not depend on worker count or order.
"""

from __future__ import annotations

import json
import os
import signal
import threading
import time
import traceback
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from . import PIPELINE_SCHEMA_VERSION, __version__
from .errors import UnusableInput, raised_at
from .fileio import atomic_write_text, sha256_bytes
from .ingest import READERS, load_report

MANIFEST = "manifest.json"
IN_FLIGHT_PER_WORKER = 2
EXECUTORS = ("local", "dask")


@dataclass(frozen=True)
class Job:
    path: Path
    out_dir: Path
    model: str | None
    timeout: float = 0.0  # seconds for this review; 0 = no limit


class ReviewTimeout(Exception):
    """A review took longer than the per-review time limit."""


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise `ReviewTimeout` in this thread once `seconds` have passed.

    In the main thread (the local pool's workers) a timer signal interrupts
    Python code wherever it is (a runaway loop in a stage); native code is
    interrupted when it hands back to Python, which spaCy does between pieces
    of a text.  In another thread (a Dask worker runs tasks in a thread pool)
    a timer thread raises the same exception asynchronously in this thread,
    which Python delivers at the same points.
    """
    if not seconds:
        yield
        return
    if threading.current_thread() is not threading.main_thread():
        with _thread_time_limit(seconds):
            yield
        return
    if not hasattr(signal, "setitimer"):  # Windows: no timer signal, no limit
        yield
        return

    def expired(signum, frame):
        raise _timeout(seconds)

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _timeout(seconds: float) -> ReviewTimeout:
    return ReviewTimeout(
        f"stopped after the per-review time limit of {seconds:g} s "
        "(raise it with scr run --timeout SECONDS or SCR_RUN_TIMEOUT)"
    )


class _ThreadTimeout(ReviewTimeout):
    """Raised asynchronously in a worker thread (takes no arguments: CPython instantiates it)."""

    seconds = 0.0

    def __init__(self, *args):
        super().__init__(*(args or (str(_timeout(self.seconds)),)))


@contextmanager
def _thread_time_limit(seconds: float) -> Iterator[None]:
    """The time limit for a non-main thread: PyThreadState_SetAsyncExc from a timer, cancelled on exit."""
    import ctypes

    target = ctypes.c_ulong(threading.get_ident())
    error = type("ReviewTimeoutAfter", (_ThreadTimeout,), {"seconds": seconds})
    lock, state = threading.Lock(), {"active": True, "fired": False}

    def expire() -> None:
        with lock:
            if state["active"]:
                state["fired"] = True
                ctypes.pythonapi.PyThreadState_SetAsyncExc(target, ctypes.py_object(error))

    timer = threading.Timer(seconds, expire)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        with lock:
            state["active"] = False
            timer.cancel()
            if state["fired"]:  # fired but not yet delivered: clear it so it cannot hit the caller later
                ctypes.pythonapi.PyThreadState_SetAsyncExc(target, None)


@dataclass(frozen=True)
class Outcome:
    path: Path
    status: str  # done | skipped | failed
    words: int = 0
    seconds: float = 0.0
    error: str | None = None


def discover(inputs: Iterable[Path]) -> list[Path]:
    """Files given directly, and reviews of any readable format found (recursively) in directories, sorted."""
    found: list[Path] = []
    for item in inputs:
        item = Path(item)
        if item.is_dir():
            # a folder named like a review ("x.txt/") is listed too, so it is reported, not skipped
            found.extend(
                p for p in sorted(item.rglob("*")) if p.suffix.lower() in READERS and not p.name.startswith(".")
            )
        else:
            found.append(item)
    return found


def output_names(paths: list[Path]) -> dict[Path, str]:
    """A folder name per input: its stem, made unique deterministically."""
    names: dict[Path, str] = {}
    taken: set[str] = set()
    for path in paths:
        stem = path.name[: -len(".report.json")] if path.name.endswith(".report.json") else path.stem
        name, count = stem, 1
        while name in taken:  # "review-2" may itself be another input's stem
            count += 1
            name = f"{stem}-{count}"
        taken.add(name)
        names[path] = name
    return names


def _versions(model_name: str) -> dict:
    """What a cached result depends on: code, schema, model and the rule data."""
    from .resources import data_fingerprint

    return {
        "tool_version": __version__,
        "schema_version": PIPELINE_SCHEMA_VERSION,
        "model": model_name,
        "rules": data_fingerprint(),
    }


def is_up_to_date(job: Job, digest: str, model_name: str) -> bool:
    """True when a previous successful run saw the same content with the same pipeline."""
    manifest = job.out_dir / MANIFEST
    if not manifest.exists():
        return False
    try:
        data = json.loads(manifest.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return (
        data.get("status") == "done" and data.get("sha256") == digest and data.get("versions") == _versions(model_name)
    )


def process(job: Job) -> Outcome:
    """Run every stage for one document (in a worker process)."""
    from .nlp import configured_model_name, load_nlp, model_info, parse_report

    model_name = configured_model_name(job.model)
    start = time.perf_counter()
    try:
        raw = job.path.read_bytes() if job.path.is_file() else b""
        digest = sha256_bytes(raw)
        if is_up_to_date(job, digest, model_name):
            return Outcome(job.path, "skipped")
        with time_limit(job.timeout):
            report = load_report(job.path)
            nlp = load_nlp(job.model)
            report.provenance.model = model_info(nlp)
            doc = parse_report(report, nlp)
            outputs = run_stages(report, doc, nlp)
        job.out_dir.mkdir(parents=True, exist_ok=True)
        atomic_write_text(job.out_dir / "report.json", report.to_json())
        for name, content in outputs.items():
            atomic_write_text(job.out_dir / name, content)
        words = len(report.text.split())
        seconds = time.perf_counter() - start
        _write_manifest(
            job, digest, model_name, "done", words=words, seconds=seconds, files=sorted(["report.json", *outputs])
        )
        return Outcome(job.path, "done", words, seconds)
    except Exception as exc:  # failure isolation: record and go on
        expected = isinstance(exc, (UnusableInput, ReviewTimeout))
        # an unexpected error's message may quote the review; the summary and the console get its type
        # and place only, the manifest the stack without the message (SCR_DEBUG=1 keeps the message)
        debug = bool(os.environ.get("SCR_DEBUG"))
        message = str(exc) if expected or debug else f"{type(exc).__name__} at {raised_at(exc)}"
        detail = None if expected else "".join(traceback.format_tb(exc.__traceback__, limit=5)) + message
        try:
            _write_manifest(job, None, model_name, "failed", error=message, traceback=detail)
        except OSError:
            pass
        return Outcome(job.path, "failed", error=message, seconds=time.perf_counter() - start)


def run_stages(report, doc, nlp) -> dict[str, str]:
    """The per-document stages after the parse, as file name → content."""
    from .commands.common import events_header, themes_header, to_jsonl
    from .deid.recognizers import build_analyzer
    from .deid.verify import verify_report
    from .events import extract_events
    from .themes import tag_report

    analyzer = build_analyzer(nlp)
    findings = [f.to_dict() for f in verify_report(report, doc, analyzer=analyzer)]
    events = extract_events(report, doc)
    labels = tag_report(report, doc)
    return {
        "findings.json": json.dumps(findings, ensure_ascii=False, indent=1, default=str),
        "events.jsonl": to_jsonl(events, events_header(report, nlp, events), "event"),
        "themes.jsonl": to_jsonl(labels, themes_header(report, nlp, labels), "theme_label"),
    }


def _write_manifest(job: Job, digest: str | None, model_name: str, status: str, **extra) -> None:
    manifest = {"source": job.path.name, "sha256": digest, "status": status, "versions": _versions(model_name), **extra}
    atomic_write_text(job.out_dir / MANIFEST, json.dumps(manifest, indent=1, sort_keys=True, default=str))


def _worker_init(model: str | None) -> None:
    """Load the model once per worker, before the first document arrives."""
    from .nlp import load_nlp

    load_nlp(model)


def remove_stale_temporaries(out: Path) -> int:
    """Delete half-written files a killed run left behind (our atomic writes' temporaries)."""
    removed = 0
    if out.is_dir():
        for stale in out.rglob(".*.tmp"):
            stale.unlink(missing_ok=True)
            removed += 1
    return removed


def run_batch(
    paths: list[Path],
    out: Path,
    workers: int = 1,
    model: str | None = None,
    timeout: float = 0.0,
    executor: str = "local",
    scheduler: str | None = None,
) -> Iterator[Outcome]:
    """Process documents, yielding outcomes as they finish.

    At most a few documents per worker are in flight, so memory stays bounded
    however many files there are.  A worker that dies (out of memory, a crash
    in a native library) fails only the documents it held; the pool is rebuilt
    and the batch goes on.  A review running longer than `timeout` seconds
    (0: no limit) is stopped and recorded as failed.  `executor="dask"` runs
    the same jobs on a Dask cluster (`pipeline.batch_dask`): the scheduler at
    `scheduler`, else a LocalCluster of `workers` processes.
    """
    if executor not in EXECUTORS:
        raise UnusableInput(f"--executor must be one of {', '.join(EXECUTORS)}, not {executor!r}")
    if scheduler and executor != "dask":
        raise UnusableInput("--scheduler is for --executor dask")
    remove_stale_temporaries(out)
    names = output_names(paths)
    jobs = [Job(path, out / names[path], model, timeout) for path in paths]
    if executor == "dask":
        from .batch_dask import run_dask

        yield from run_dask(jobs, workers, model, scheduler)
        return
    if workers <= 1:
        for job in jobs:
            yield process(job)
        return
    yield from _run_pool(jobs, workers, model)


def _run_pool(jobs: list[Job], workers: int, model: str | None) -> Iterator[Outcome]:
    """The local executor: a process pool, rebuilt when a worker dies."""
    pending = list(reversed(jobs))
    while pending:
        with ProcessPoolExecutor(max_workers=workers, initializer=_worker_init, initargs=(model,)) as pool:
            in_flight: dict = {}
            try:
                while pending or in_flight:
                    while pending and len(in_flight) < workers * IN_FLIGHT_PER_WORKER:
                        job = pending.pop()
                        in_flight[pool.submit(process, job)] = job
                    done, _ = wait(in_flight, return_when=FIRST_COMPLETED)
                    for future in done:
                        outcome = future.result()  # raises BrokenProcessPool if its worker died
                        del in_flight[future]
                        yield outcome
            except BrokenProcessPool:
                for job in in_flight.values():
                    yield failed_outcome(job, "the worker process died while processing this document")


def failed_outcome(job: Job, error: str) -> Outcome:
    """Record a review whose worker died (no manifest was written by it) as failed, on the user's machine."""
    from .config import configured_model_name

    outcome = Outcome(job.path, "failed", error=error)
    try:
        _write_manifest(job, None, configured_model_name(job.model), "failed", error=error)
    except OSError:
        pass
    return outcome


def default_workers() -> int:
    return max(1, min(4, (os.cpu_count() or 1)))
