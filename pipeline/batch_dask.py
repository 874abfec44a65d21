"""`scr run --executor dask`: the same unit of work (`batch.process(Job)`) on a Dask cluster.

Dask (`dask.distributed`) is an optional extra (`pip install
'scr-pipeline[cluster]'`): it is imported only here, and only when asked for.

- **where**: a running scheduler (`--scheduler tcp://host:8786`), or without
  one a `LocalCluster` of `--workers N` single-threaded worker processes on
  this machine;
- **the model once per worker**: a `WorkerPlugin` loads spaCy when a worker
  joins (and again in a worker the nanny restarts), not per review;
- **the same outputs**: every worker runs `process(Job)`, which writes the
  review's folder exactly as the local pool does, so the workers must see the
  inputs and `--out` at the same paths (a shared filesystem on a real cluster);
- **failure isolation**: `process` records a failing review itself; a worker
  that dies is restarted by its nanny and the review it held is retried on
  another worker up to `distributed.scheduler.allowed-failures` times (1 on our
  LocalCluster), after which Dask gives up (`KilledWorker`) and the review is
  recorded as failed here, on the user's machine; the run goes on;
- **bounded**: a few reviews per worker thread are in flight, results come
  back in completion order.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

from .errors import UnusableInput

INSTALL_HINT = "--executor dask needs Dask: pip install 'scr-pipeline[cluster]' (or pip install 'dask[distributed]')"
LOCAL_ALLOWED_FAILURES = 1  # a review whose worker dies is retried once elsewhere, then recorded as failed


def _distributed():
    try:
        import distributed
    except ImportError as exc:
        raise UnusableInput(INSTALL_HINT) from exc
    return distributed


def model_plugin(model: str | None):
    """A WorkerPlugin that loads the spaCy model when a worker starts (once per worker process)."""
    _distributed()  # the install hint when Dask is missing
    from distributed import WorkerPlugin

    class LoadModel(WorkerPlugin):
        name = "scr-load-model"  # registering again (a second run on the same cluster) replaces it

        def __init__(self, model: str | None):
            self.model = model

        def setup(self, worker) -> None:
            from .nlp import load_nlp

            load_nlp(self.model)

    return LoadModel(model)


@contextmanager
def dask_client(scheduler: str | None, workers: int, model: str | None) -> Iterator:
    """A client on the given scheduler, or on a LocalCluster of `workers` processes (closed afterwards)."""
    distributed = _distributed()
    import dask

    cluster = None
    try:
        if scheduler:
            try:
                client = distributed.Client(scheduler, timeout="30s")
            except (OSError, TimeoutError) as exc:
                raise UnusableInput(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from exc
        else:
            with dask.config.set(local_cluster_config()):
                cluster = distributed.LocalCluster(
                    n_workers=workers,
                    threads_per_worker=1,
                    processes=True,
                    dashboard_address=None,
                    silence_logs=logging.ERROR,
                )
            client = distributed.Client(cluster)
        try:
            client.register_plugin(model_plugin(model))
            yield client
        finally:
            client.close()
    finally:
        if cluster is not None:
            cluster.close()


def local_cluster_config() -> dict:
    """Dask settings for the LocalCluster `scr run` starts (a cluster of your own is configured by you).

    - one review per worker thread at a time (`worker-saturation` 1.0): a
      worker that dies takes no innocent queued review with it;
    - a review whose worker dies is retried once elsewhere, then failed;
    - glibc's own malloc trimming: Dask's default MALLOC_TRIM_THRESHOLD_=65536
      (set in its workers to return memory to the OS sooner) cost about 10 %
      more CPU per review in spaCy's allocation-heavy parse (measured), and
      the local pool does not set it.  The thread caps (OMP/MKL/OpenBLAS = 1)
      are kept: a worker is one thread.
    """
    import dask

    environ = {
        k: v
        for k, v in (dask.config.get("distributed.nanny.pre-spawn-environ", {}) or {}).items()
        if k != "MALLOC_TRIM_THRESHOLD_"
    }
    return {
        "distributed.scheduler.allowed-failures": LOCAL_ALLOWED_FAILURES,
        "distributed.scheduler.worker-saturation": 1.0,
        "distributed.nanny.pre-spawn-environ": environ,
    }


def slots(client, workers: int) -> int:
    """How many reviews may run at once: the cluster's worker threads (at least `workers`)."""
    try:
        threads = sum(client.nthreads().values())
    except Exception:  # a scheduler that cannot say: trust --workers
        threads = 0
    return max(threads, workers, 1)


def run_dask(jobs: list, workers: int, model: str | None, scheduler: str | None) -> Iterator:
    """Yield one `Outcome` per job, in completion order, computed on Dask workers."""
    from .batch import IN_FLIGHT_PER_WORKER, failed_outcome, process

    distributed = _distributed()
    pending = list(reversed(jobs))
    with dask_client(scheduler, workers, model) as client:
        limit = slots(client, workers) * IN_FLIGHT_PER_WORKER
        in_flight: dict = {}
        completed = distributed.as_completed()

        def submit() -> None:
            job = pending.pop()
            # an opaque key: a shared scheduler's logs and dashboard never see a review's file name
            future = client.submit(process, job, pure=False, key=f"scr-review-{uuid.uuid4().hex}")
            in_flight[future] = job
            completed.add(future)

        while pending and len(in_flight) < limit:
            submit()
        for future in completed:
            job = in_flight.pop(future)
            try:
                outcome = future.result()
            except Exception as exc:  # the worker died (KilledWorker) or the task could not run there
                reason = (
                    "a Dask worker died while processing this document"
                    if type(exc).__name__ == "KilledWorker"
                    else f"the Dask task failed: {type(exc).__name__}: {exc}"
                )
                outcome = failed_outcome(job, reason)
            future.release()
            yield outcome
            if pending:
                submit()
