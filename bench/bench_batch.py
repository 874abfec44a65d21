"""Benchmark: `scr run` speed-up, resume after a kill, failure isolation, corpus-store search.

    python bench/bench_batch.py [--corpus bench/out/synthetic] [--speedup-n 40]
            [--kill-after 0.3] [--phases speedup,resume,store] [--json bench/out/bench_batch.json] [--code DIR]

Phases (each prints its figures and adds them to the JSON summary):
  speedup  `scr run` over the first --speedup-n reviews with 1 worker, then 2
           workers (fresh output folders): wall time, CPU time of the children
           (so a loaded machine is visible: CPU/wall is the parallelism
           actually obtained) and the speed-up ratio;
  resume   `scr run --workers 2` over the whole corpus (reviews and the corrupt
           inputs), killed with SIGKILL on its process group once --kill-after
           of the reviews are done, then run again: how many were skipped
           (finished before the kill) and how many redone; stray temporary
           files; which corrupt inputs were reported as failed;
  store    `scr index` of the resumed run into a SQLite store, timed searches
           (in-process, warm: median and max of 20 repetitions; and one cold
           `scr search` subprocess), `scr compare --plot` and a check that the
           PNG is readable.

Make the corpus first with `python bench/make_synthetic_corpus.py`.  Timings on
a shared machine are noisy: `uptime` is recorded before and after each phase.
Note for Linux desktops and shared VMs: with `kernel.sched_autogroup_enabled=1`
the scheduler shares CPU fairly between *sessions*, and all workers of one
`scr run` are in one session; on a machine busy with other sessions a 2-worker
run then gets no more CPU than a 1-worker run (CPU/wall stays the same), and
the speed-up appears only when cores are free.  The CPU figures show which
case a measurement is.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import signal
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
OUT = ROOT / "bench" / "out"
SCR = [sys.executable, "-m", "pipeline.cli"]
ENV = {**os.environ, "PYTHONPATH": str(ROOT)}
CWD = {"cwd": ROOT}  # `python -m` puts the working directory first on sys.path


def uptime() -> str:
    load = subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()
    try:
        autogroup = Path("/proc/sys/kernel/sched_autogroup_enabled").read_text().strip()
    except OSError:
        return load
    return f"{load}; autogroup={autogroup}"


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed_run(inputs: list[Path], out: Path, workers: int) -> dict:
    """One `scr run`, timed (wall and the CPU its processes used)."""
    if out.exists():
        shutil.rmtree(out)
    cpu0, t0 = children_cpu(), time.perf_counter()
    proc = subprocess.run(
        [*SCR, "run", *map(str, inputs), "--out", str(out), "--workers", str(workers)],
        env=ENV,
        **CWD,
        capture_output=True,
        text=True,
    )
    wall, cpu = time.perf_counter() - t0, children_cpu() - cpu0
    summary = json.loads((out / "run-summary.json").read_text())
    return {
        "workers": workers,
        "wall_s": round(wall, 1),
        "cpu_s": round(cpu, 1),
        "parallelism": round(cpu / wall, 2),
        "exit": proc.returncode,
        "done": summary["done"],
        "failed": summary["failed"],
        "words": summary["words"],
    }


def reviews(corpus: Path) -> list[Path]:
    return sorted(p for p in corpus.glob("review_*.txt") if p.is_file())


def phase_speedup(corpus: Path, n: int) -> dict:
    subset = reviews(corpus)[: n or None]
    before = uptime()
    one = timed_run(subset, OUT / "batch_w1", 1)
    print(f"  1 worker : {one}", flush=True)
    two = timed_run(subset, OUT / "batch_w2", 2)
    print(f"  2 workers: {two}", flush=True)
    same = all(
        (OUT / "batch_w1" / p.stem / "events.jsonl").read_bytes()
        == (OUT / "batch_w2" / p.stem / "events.jsonl").read_bytes()
        for p in subset
        if (OUT / "batch_w1" / p.stem / "events.jsonl").exists()
    )
    result = {
        "reviews": len(subset),
        "one": one,
        "two": two,
        "speedup": round(one["wall_s"] / two["wall_s"], 2),
        "identical_outputs": same,
        "uptime_before": before,
        "uptime_after": uptime(),
    }
    print(f"  speed-up {result['speedup']}x; outputs identical across worker counts: {same}", flush=True)
    return result


def done_count(out: Path) -> int:
    count = 0
    for manifest in out.glob("*/manifest.json"):
        try:
            count += json.loads(manifest.read_text()).get("status") == "done"
        except (OSError, ValueError):
            pass
    return count


def phase_resume(corpus: Path, out: Path, kill_after: float, workers: int) -> dict:
    """Kill a run midway, run again, count what was skipped and redone."""
    if out.exists():
        shutil.rmtree(out)
    inputs = [corpus]
    total = len(reviews(corpus))
    threshold = max(1, int(total * kill_after))
    before = uptime()
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        [*SCR, "run", str(corpus), "--out", str(out), "--workers", str(workers)],
        env=ENV,
        **CWD,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    while proc.poll() is None and done_count(out) < threshold:
        time.sleep(0.5)
    finished_before_kill = done_count(out)
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    killed_after = time.perf_counter() - t0
    done_at_kill = done_count(out)  # includes any review that finished between the count and the kill
    stray = [str(p.relative_to(out)) for p in out.rglob("*.tmp")]
    print(
        f"  killed after {killed_after:.0f}s with {finished_before_kill}/{total} reviews done; "
        f"stray temporary files: {len(stray)}",
        flush=True,
    )
    rerun = timed_run_resume(inputs, out, workers)
    summary = json.loads((out / "run-summary.json").read_text())
    failed = sorted(Path(f["file"]).name for f in summary["failures"])
    corrupt = json.loads((corpus.parent / f"{corpus.name}.json").read_text()).get("corrupt", [])
    outcome = {name: ("failed" if name in failed else _status(out, name)) for name in corrupt}
    result = {
        "reviews": total,
        "killed_after_s": round(killed_after, 1),
        "done_before_kill": finished_before_kill,
        "done_at_kill": done_at_kill,
        "nothing_redone": summary["skipped"] == done_at_kill,
        "rerun": rerun,
        "skipped_on_rerun": summary["skipped"],
        "redone_on_rerun": summary["done"],
        "stray_tmp_files": stray[:10],
        "stray_tmp_count": len(stray),
        "corrupt_outcomes": outcome,
        "failures": summary["failures"],
        "all_reviews_done": done_count(out) >= total,
        "uptime_before": before,
        "uptime_after": uptime(),
    }
    print(
        f"  rerun: {summary['skipped']} skipped, {summary['done']} redone, {summary['failed']} failed "
        f"in {rerun['wall_s']}s",
        flush=True,
    )
    for name, status in outcome.items():
        print(f"  corrupt {name}: {status}", flush=True)
    return result


def _status(out: Path, name: str) -> str:
    manifest = out / Path(name).stem / "manifest.json"
    if not manifest.exists():
        return "not processed (not a file: never discovered)" if not (out / Path(name).stem).exists() else "no manifest"
    return json.loads(manifest.read_text()).get("status", "?")


def timed_run_resume(inputs: list[Path], out: Path, workers: int) -> dict:
    cpu0, t0 = children_cpu(), time.perf_counter()
    proc = subprocess.run(
        [*SCR, "run", *map(str, inputs), "--out", str(out), "--workers", str(workers)],
        env=ENV,
        **CWD,
        capture_output=True,
        text=True,
    )
    return {
        "wall_s": round(time.perf_counter() - t0, 1),
        "cpu_s": round(children_cpu() - cpu0, 1),
        "exit": proc.returncode,
    }


QUERIES = [
    {"themes": ["domestic_abuse"], "text": "police"},
    {"themes": ["information_sharing"], "text": "shared"},
    {"any_themes": ["escalation", "management_oversight_supervision"], "text": "concerns"},
    {"themes": ["domestic_abuse", "escalation"], "within": "report"},
    {"text": "mother and baby foster placement", "date_from": "2015-01-01", "date_to": "2019-12-31"},
]


def phase_store(run_out: Path, db: Path) -> dict:
    from pipeline.store import SearchQuery, connect, search

    if db.exists():
        db.unlink()
    before = uptime()
    t0 = time.perf_counter()
    proc = subprocess.run(
        [*SCR, "index", str(run_out), "--db", str(db)], env=ENV, **CWD, capture_output=True, text=True
    )
    index_s = time.perf_counter() - t0
    print(
        f"  index: {index_s:.1f}s, exit {proc.returncode}; "
        f"{proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else ''}",
        flush=True,
    )
    t0 = time.perf_counter()
    again = subprocess.run(
        [*SCR, "index", str(run_out), "--db", str(db)], env=ENV, **CWD, capture_output=True, text=True
    )
    reindex_s = time.perf_counter() - t0
    conn = connect(db, create=False)
    counts = {
        t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
        for t in ("reports", "sections", "paragraphs", "events", "theme_labels", "theme_evidence", "findings")
    }
    timings = []
    for spec in QUERIES:
        query = SearchQuery(limit=20, **spec)
        hits = search(conn, query)
        runs = []
        for _ in range(20):
            t = time.perf_counter()
            search(conn, query)
            runs.append((time.perf_counter() - t) * 1000)
        timings.append(
            {
                "query": spec,
                "hits": len(hits),
                "median_ms": round(statistics.median(runs), 2),
                "max_ms": round(max(runs), 2),
            }
        )
        print(
            f"  search {spec}: {len(hits)} hits, median {timings[-1]['median_ms']} ms, max {timings[-1]['max_ms']} ms",
            flush=True,
        )
    t0 = time.perf_counter()
    cli = subprocess.run(
        [*SCR, "search", "--db", str(db), "--theme", "domestic_abuse", "--text", "police", "--format", "jsonl"],
        env=ENV,
        **CWD,
        capture_output=True,
        text=True,
    )
    cli_s = time.perf_counter() - t0
    png, matrix = OUT / "heatmap.png", OUT / "matrix.csv"
    t0 = time.perf_counter()
    comp = subprocess.run(
        [*SCR, "compare", "--db", str(db), "--out", str(matrix), "--plot", str(png)],
        env=ENV,
        **CWD,
        capture_output=True,
        text=True,
    )
    compare_s = time.perf_counter() - t0
    png_ok = png.exists() and png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    if png_ok:
        import matplotlib.image

        shape = matplotlib.image.imread(str(png)).shape
    else:
        shape = None
    result = {
        "db_bytes": db.stat().st_size,
        "index_s": round(index_s, 1),
        "index_exit": proc.returncode,
        "reindex_s": round(reindex_s, 1),
        "reindex_stderr": again.stderr.strip().splitlines()[-1:] if again.stderr else [],
        "rows": counts,
        "searches": timings,
        "cli_search_s": round(cli_s, 2),
        "cli_search_exit": cli.returncode,
        "cli_search_lines": len(cli.stdout.splitlines()),
        "compare_s": round(compare_s, 1),
        "compare_exit": comp.returncode,
        "heatmap_png": png_ok,
        "heatmap_shape": shape,
        "uptime_before": before,
        "uptime_after": uptime(),
    }
    print(f"  rows {counts}; db {result['db_bytes']:,} bytes; re-index {reindex_s:.1f}s", flush=True)
    print(f"  cold CLI search {cli_s:.2f}s; compare {compare_s:.1f}s; heatmap readable {png_ok} {shape}", flush=True)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=OUT / "synthetic")
    parser.add_argument("--speedup-n", type=int, default=40, help="reviews in the 1-vs-2-worker comparison (0 = all)")
    parser.add_argument("--kill-after", type=float, default=0.3, help="share of reviews done before the kill")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--phases", default="speedup,resume,store")
    parser.add_argument("--run-out", type=Path, default=OUT / "batch_resume")
    parser.add_argument("--db", type=Path, default=OUT / "corpus.db")
    parser.add_argument("--json", type=Path, default=OUT / "bench_batch.json")
    parser.add_argument(
        "--code",
        type=Path,
        default=ROOT,
        help="source tree the `scr run` subprocesses import (e.g. a `git archive HEAD` snapshot, so "
        "edits made in the checkout during a long benchmark do not change the code under test)",
    )
    args = parser.parse_args(argv)
    ENV["PYTHONPATH"] = str(args.code.resolve())
    CWD["cwd"] = args.code.resolve()
    if not args.corpus.is_dir():
        print(f"{args.corpus}: make the corpus first (python bench/make_synthetic_corpus.py)", file=sys.stderr)
        return 2
    results = json.loads(args.json.read_text()) if args.json.exists() else {}
    for phase in args.phases.split(","):
        print(f"[{phase}] {uptime()}", flush=True)
        if phase == "speedup":
            results["speedup"] = phase_speedup(args.corpus, args.speedup_n)
        elif phase == "resume":
            results["resume"] = phase_resume(args.corpus, args.run_out, args.kill_after, args.workers)
        elif phase == "store":
            results["store"] = phase_store(args.run_out, args.db)
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=1, default=str))
    print(f"summary in {args.json}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
