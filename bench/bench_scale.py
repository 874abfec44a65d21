"""Benchmark: executors (local pool vs Dask LocalCluster) and stores (SQLite vs PostgreSQL).

    python bench/bench_scale.py [--corpus bench/out/synthetic] [--n 40] [--phases executors,store]
            [--repeat 2] [--json bench/out/bench_scale.json] [--pg-url postgresql://...]
    make bench-scale        # the same, after installing PostgreSQL's server where apt-get may be used

Phases (each prints its figures and adds them to the JSON summary):
  executors  `scr run` over the first --n reviews of the synthetic corpus with
             `--executor local --workers 1`, `--executor local --workers 2` and
             `--executor dask --workers 2` (a 2-worker LocalCluster), each into a
             fresh folder, --repeat times interleaved (the fastest counts): wall
             time (start-up included: the pool's and the cluster's workers both
             load the model), CPU time of the processes,
             reviews per minute, the ratio to one local worker and Dask's ratio
             to the local pool at 2 workers; the Dask outputs are checked
             byte-identical to the local ones (timings in manifest.json aside);
             the CPU cost of one published review at its real length
             (corpus/child_e_stockport_2017.txt, model loaded) and from it an
             estimate for 2,000 published reviews (see `estimate`);
  store      `scr index` of the local run into a SQLite file and into PostgreSQL
             (a throw-away server on a Unix socket, or --pg-url), then a theme
             search and a text search on each: one cold `scr search` process and
             the warm in-process median of 20 repetitions.

Make the corpus first: `python bench/make_synthetic_corpus.py` (200 reviews of
500-1,500 words).  On a shared machine the figures are noisy: `uptime` is
recorded before and after each phase; re-run on a quiet machine for the README.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from bench_batch import CWD, ENV, SCR, children_cpu, reviews, uptime  # bench/bench_batch.py, beside this script

ROOT = Path(__file__).resolve().parents[1]

OUT = ROOT / "bench" / "out"
EXECUTORS = (("local", 1), ("local", 2), ("dask", 2))
OUTPUTS = ("report.json", "findings.json", "events.jsonl", "themes.jsonl")
REAL_REVIEW = ROOT / "corpus" / "child_e_stockport_2017.txt"  # a published review at its real length
CLUSTER = {"nodes": 10, "workers_per_node": 4}  # the 10-node estimate: 4 single-threaded workers per node


def timed_run(inputs: list[Path], out: Path, executor: str, workers: int) -> dict:
    """One `scr run` with the given executor, timed (wall, and the CPU its processes used)."""
    if out.exists():
        shutil.rmtree(out)
    cpu0, t0 = children_cpu(), time.perf_counter()
    proc = subprocess.run(
        [*SCR, "run", *map(str, inputs), "--out", str(out), "--executor", executor, "--workers", str(workers)],
        env=ENV,
        **CWD,
        capture_output=True,
        text=True,
    )
    wall, cpu = time.perf_counter() - t0, children_cpu() - cpu0
    summary = json.loads((out / "run-summary.json").read_text())
    finished = sorted(m.stat().st_mtime for m in out.glob("*/manifest.json"))
    steady = (
        60 * (len(finished) - 1) / (finished[-1] - finished[0])
        if len(finished) > 2 and finished[-1] > finished[0]
        else 0.0
    )
    return {
        "executor": executor,
        "workers": workers,
        "wall_s": round(wall, 1),
        "cpu_s": round(cpu, 1),
        "parallelism": round(cpu / wall, 2),
        "reviews_per_min": round(60 * summary["done"] / wall, 1),
        "steady_reviews_per_min": round(steady, 1),
        "exit": proc.returncode,
        "done": summary["done"],
        "failed": summary["failed"],
        "words": summary["words"],
    }


def same_outputs(a: Path, b: Path) -> bool:
    """Every review's stage files byte-identical, and manifests equal apart from their timing."""
    for folder in sorted(p for p in a.iterdir() if p.is_dir()):
        other = b / folder.name
        if any((folder / f).read_bytes() != (other / f).read_bytes() for f in OUTPUTS if (folder / f).exists()):
            return False
        manifests = [json.loads((d / "manifest.json").read_text()) for d in (folder, other)]
        for manifest in manifests:
            manifest.pop("seconds", None)
        if manifests[0] != manifests[1]:
            return False
    return True


def real_review_cost() -> dict:
    """CPU and wall seconds of one published review at its real length, model already loaded (in this process)."""
    from pipeline.batch import Job, process
    from pipeline.nlp import load_nlp

    load_nlp()
    out = OUT / "scale_real_review"
    shutil.rmtree(out, ignore_errors=True)
    cpu0, t0 = time.process_time(), time.perf_counter()
    outcome = process(Job(REAL_REVIEW, out / REAL_REVIEW.stem, None))
    return {
        "words": outcome.words,
        "status": outcome.status,
        "cpu_s": round(time.process_time() - cpu0, 1),
        "wall_s": round(time.perf_counter() - t0, 1),
    }


def estimate(runs: list[dict], real: dict) -> dict:
    """2,000 published reviews, from the measured cost of one at its real length.

    The synthetic reviews are short (500-1,500 words); a published review is
    nearer the bundled one (~17,000 words), so the per-review cost is measured
    on it (CPU seconds: what a quiet core would take).  Hours = 2,000 x that
    cost / (workers x the parallel efficiency measured here at 2 workers: the
    local pool's for a laptop, Dask's for the cluster).  The efficiency taken
    on a machine shared with other work is pessimistic; capped at 1.
    """
    one = next(r for r in runs if (r["executor"], r["workers"]) == ("local", 1))
    dask = next(r for r in runs if r["executor"] == "dask")
    local2 = next(r for r in runs if (r["executor"], r["workers"]) == ("local", 2))
    serial_h = real["cpu_s"] * 2000 / 3600
    eff_local = min(1.0, (one["wall_s"] / local2["wall_s"]) / 2)
    eff_dask = min(1.0, (one["wall_s"] / dask["wall_s"]) / 2)
    cluster_workers = CLUSTER["nodes"] * CLUSTER["workers_per_node"]
    return {
        "review_words": real["words"],
        "review_cpu_s": real["cpu_s"],
        "one_worker_hours": round(serial_h, 1),
        "laptop_2_workers_hours": round(serial_h / (2 * eff_local), 1),
        "laptop_4_workers_hours_ideal": round(serial_h / 4, 1),
        "cluster": {
            **CLUSTER,
            "workers": cluster_workers,
            "hours_measured_efficiency": round(serial_h / (cluster_workers * eff_dask), 2),
            "hours_ideal": round(serial_h / cluster_workers, 2),
        },
        "parallel_efficiency": {"local_2": round(eff_local, 2), "dask_2": round(eff_dask, 2)},
    }


def phase_executors(corpus: Path, n: int, repeat: int = 1) -> dict:
    """Each executor `repeat` times, interleaved (so a burst of other load hits all alike).

    The fastest run of each counts.
    """
    inputs = reviews(corpus)[: n or None]
    before, trials = uptime(), {config: [] for config in EXECUTORS}
    for _ in range(repeat):
        for executor, workers in EXECUTORS:
            run = timed_run(inputs, OUT / f"scale_{executor}_{workers}", executor, workers)
            trials[(executor, workers)].append(run)
            print(
                f"  {executor:5} x{workers}: {run['wall_s']:7.1f} s wall, {run['cpu_s']:7.1f} s CPU "
                f"(x{run['parallelism']}), {run['reviews_per_min']:6.1f} reviews/min "
                f"({run['steady_reviews_per_min']:6.1f} between first and "
                f"last review done), {run['done']} done, {run['failed']} failed"
            )
    runs = [
        {**min(trials[config], key=lambda r: r["wall_s"]), "all_wall_s": [r["wall_s"] for r in trials[config]]}
        for config in EXECUTORS
    ]
    base = runs[0]["reviews_per_min"] or 1e-9
    for run in runs:
        run["ratio_to_local_1"] = round(run["reviews_per_min"] / base, 2)
    dask_vs_local = round(runs[2]["reviews_per_min"] / (runs[1]["reviews_per_min"] or 1e-9), 2)
    steady_vs_local = round(runs[2]["steady_reviews_per_min"] / (runs[1]["steady_reviews_per_min"] or 1e-9), 2)
    identical = same_outputs(OUT / "scale_local_2", OUT / "scale_dask_2")
    real = real_review_cost()
    print(
        f"  one published review ({real['words']:,} words, model loaded): "
        f"{real['cpu_s']} s CPU, {real['wall_s']} s wall"
    )
    est = estimate(runs, real)
    print(
        f"  ratio to 1 local worker: local x2 {runs[1]['ratio_to_local_1']}, "
        f"dask x2 {runs[2]['ratio_to_local_1']}; "
        f"dask/local at 2 workers: {dask_vs_local} (start-up included; "
        f"{steady_vs_local} between first and last review done; "
        f"target >= 0.85); outputs identical: {identical}"
    )
    print(
        f"  2,000 reviews of {est['review_words']:,} words: {est['one_worker_hours']} h on 1 worker, "
        f"{est['laptop_2_workers_hours']} h on 2 (measured efficiency), "
        f"{est['laptop_4_workers_hours_ideal']} h on 4 (ideal); "
        f"{est['cluster']['hours_measured_efficiency']} h on {est['cluster']['workers']} cluster workers "
        f"({est['cluster']['hours_ideal']} h ideal)"
    )
    return {
        "n": len(inputs),
        "runs": runs,
        "dask_over_local_2": dask_vs_local,
        "dask_over_local_2_steady": steady_vs_local,
        "outputs_identical": identical,
        "estimate_2000": est,
        "uptime_before": before,
        "uptime_after": uptime(),
    }


# ------------------------------------------------------------------ stores
def _pg_program(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    versions = sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{name}"), key=lambda p: p.parts[-3].zfill(4))
    return str(versions[-1]) if versions else None


@contextmanager
def throwaway_postgres() -> Iterator[str]:
    """A PostgreSQL server on a Unix socket in a temporary folder (as the `postgres` account when root); its URL."""
    programs = {name: _pg_program(name) for name in ("initdb", "pg_ctl", "createdb")}
    if not all(programs.values()):
        raise RuntimeError("PostgreSQL server binaries not found (run scripts/ensure_postgres.sh, or give --pg-url)")
    as_user = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    base = Path(tempfile.mkdtemp(prefix="scr-bench-pg-"))
    if as_user:
        shutil.chown(base, "postgres")
    data = base / "data"
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    subprocess.run(
        [*as_user, programs["initdb"], "-D", str(data), "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8"],
        check=True,
        capture_output=True,
    )
    subprocess.run(
        [
            *as_user,
            programs["pg_ctl"],
            "-D",
            str(data),
            "-o",
            f"-k {base} -p {port} -c listen_addresses=''",
            "-l",
            str(base / "log"),
            "-w",
            "start",
        ],
        check=True,
        capture_output=True,
    )
    try:
        subprocess.run(
            [programs["createdb"], "-h", str(base), "-p", str(port), "-U", "postgres", "corpus"],
            check=True,
            capture_output=True,
        )
        yield f"postgresql://postgres@/corpus?host={base}&port={port}"
    finally:
        subprocess.run([*as_user, programs["pg_ctl"], "-D", str(data), "-m", "fast", "-w", "stop"], capture_output=True)
        shutil.rmtree(base, ignore_errors=True)


SEARCHES = {
    "theme": {"themes": ["information_sharing"]},
    "text": {"text": "police"},
    "theme+text": {"themes": ["domestic_abuse"], "text": "police"},
}
CLI = {
    "theme": ["--theme", "information_sharing"],
    "text": ["--text", "police"],
    "theme+text": ["--theme", "domestic_abuse", "--text", "police"],
}


def time_store(run_out: Path, db: str) -> dict:
    from pipeline.store import SearchQuery, connect, search

    t0 = time.perf_counter()
    proc = subprocess.run(
        [*SCR, "index", str(run_out), "--db", db, "--json"], env=ENV, **CWD, capture_output=True, text=True
    )
    index_s = time.perf_counter() - t0
    summary = json.loads(proc.stdout)
    conn, searches = connect(db, create=False), {}
    for name, spec in SEARCHES.items():
        runs, hits = [], 0
        for _ in range(20):
            t = time.perf_counter()
            hits = len(search(conn, SearchQuery(limit=0, **spec)))
            runs.append((time.perf_counter() - t) * 1000)
        t = time.perf_counter()
        cold = subprocess.run(
            [*SCR, "search", "--db", db, *CLI[name], "--format", "csv", "--limit", "0"],
            env=ENV,
            **CWD,
            capture_output=True,
        )
        searches[name] = {
            "hits": hits,
            "warm_median_ms": round(statistics.median(runs), 1),
            "cold_cli_s": round(time.perf_counter() - t, 2),
            "cli_exit": cold.returncode,
        }
    conn.close()
    return {"index_s": round(index_s, 1), "indexed": summary["indexed"], "searches": searches}


def phase_store(run_out: Path, pg_url: str | None) -> dict:
    before = uptime()
    lite = OUT / "scale_corpus.db"
    lite.unlink(missing_ok=True)
    result = {"sqlite": time_store(run_out, str(lite))}
    try:
        if pg_url:
            result["postgresql"] = time_store(run_out, pg_url)
        else:
            with throwaway_postgres() as url:
                result["postgresql"] = time_store(run_out, url)
    except (RuntimeError, subprocess.CalledProcessError, OSError) as exc:
        result["postgresql"] = {"skipped": str(exc)}
    for backend, figures in result.items():
        if "skipped" in figures:
            print(f"  {backend}: skipped ({figures['skipped']})")
            continue
        timings = ", ".join(
            f"{q} {s['hits']} hits {s['warm_median_ms']} ms warm / {s['cold_cli_s']} s cold"
            for q, s in figures["searches"].items()
        )
        print(f"  {backend:10}: index {figures['indexed']} reviews in {figures['index_s']} s; {timings}")
    return {**result, "uptime_before": before, "uptime_after": uptime()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=OUT / "synthetic")
    parser.add_argument("--n", type=int, default=40, help="reviews per executor run (0 = the whole corpus)")
    parser.add_argument(
        "--repeat",
        type=int,
        default=2,
        help="runs of each executor, interleaved; the fastest counts (noise from other load)",
    )
    parser.add_argument("--phases", default="executors,store")
    parser.add_argument(
        "--pg-url", help="an existing PostgreSQL database to index into (default: a throw-away local server)"
    )
    parser.add_argument("--json", type=Path, default=OUT / "bench_scale.json")
    args = parser.parse_args(argv)
    if not reviews(args.corpus):
        print(f"no reviews in {args.corpus}: run python bench/make_synthetic_corpus.py first", file=sys.stderr)
        return 2
    OUT.mkdir(parents=True, exist_ok=True)
    results: dict = {}
    phases = args.phases.split(",")
    if "executors" in phases:
        print(f"executors ({uptime()})")
        results["executors"] = phase_executors(args.corpus, args.n, args.repeat)
    if "store" in phases:
        run_out = OUT / "scale_local_2"
        if not run_out.is_dir():
            timed_run(reviews(args.corpus)[: args.n or None], run_out, "local", 2)
        print(f"store ({uptime()})")
        results["store"] = phase_store(run_out, args.pg_url)
    args.json.write_text(json.dumps(results, indent=1))
    print(f"figures in {args.json}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
