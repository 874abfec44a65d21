"""Review page benchmark: how heavy the page is and how fast it opens in Chromium.

Targets (issue "a review page people can read"): the Child E page weighs
under 2 MB and opens in under 2 seconds in headless Chromium.

    .venv/bin/python bench/bench_page.py                      # Child E, stages computed here
    .venv/bin/python bench/bench_page.py OUT/child_e_stockport_2017   # a `scr run` folder, nothing recomputed
    .venv/bin/python bench/bench_page.py --runs 7

"Open" is the time from navigation to the end of the load event
(Navigation Timing `loadEventEnd`), each run in a fresh browser profile so
nothing is cached; the wall-clock time of the same navigation, as the
DevTools client sees it, is reported beside it.  Results go to
bench/out/page/page.json with a screenshot; exit 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

from chromium import Chromium, find_chromium  # bench/chromium.py, beside this script

from pipeline.page import from_folder, from_review, render_page, stage_folder

ROOT = Path(__file__).resolve().parents[1]

MAX_BYTES = 2 * 1024 * 1024
MAX_OPEN_SECONDS = 2.0
DEFAULT_REVIEW = ROOT / "corpus" / "child_e_stockport_2017.txt"


def build(source: Path, model: str | None) -> tuple[str, dict]:
    """The page's HTML and how long each part of making it took."""
    started = time.perf_counter()
    folder = stage_folder(source)
    inputs = from_folder(folder) if folder else from_review(source, model=model)
    inputs_seconds = time.perf_counter() - started
    started = time.perf_counter()
    html = render_page(inputs)
    return html, {
        "inputs_seconds": round(inputs_seconds, 2),
        "render_seconds": round(time.perf_counter() - started, 3),
        "stages_recomputed": folder is None,
        "findings": len(inputs.findings),
        "events": len(inputs.events),
        "themed_paragraphs": len(inputs.themes),
    }


def open_times(page: Path, runs: int, width: int = 1366) -> list[dict]:
    """Per run, in a fresh browser: load-event time, first contentful paint, wall time."""
    results = []
    for _ in range(runs):
        with Chromium(width=width, height=900) as browser:
            wall = browser.open(page.resolve().as_uri())
            timing = browser.evaluate("""(() => { const n = performance.getEntriesByType('navigation')[0];
                const fcp = performance.getEntriesByName('first-contentful-paint')[0];
                return {load: n.loadEventEnd, dcl: n.domContentLoadedEventEnd, fcp: fcp ? fcp.startTime : null,
                        nodes: document.getElementsByTagName('*').length}; })()""")
        results.append(
            {
                "load_seconds": round(timing["load"] / 1000, 3),
                "dom_ready_seconds": round(timing["dcl"] / 1000, 3),
                "first_paint_seconds": round((timing["fcp"] or 0) / 1000, 3),
                "wall_seconds": round(wall, 3),
                "elements": timing["nodes"],
            }
        )
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "source", nargs="?", type=Path, default=DEFAULT_REVIEW, help="review file or `scr run` output folder"
    )
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--model", default=None)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "page")
    args = parser.parse_args()

    html, made = build(args.source, args.model)
    args.out.mkdir(parents=True, exist_ok=True)
    page = args.out / "page.html"
    page.write_text(html, encoding="utf-8")
    weight = page.stat().st_size
    result: dict = {
        "source": args.source.name,
        "bytes": weight,
        "megabytes": round(weight / 1024 / 1024, 3),
        **made,
        "targets": {"max_bytes": MAX_BYTES, "max_open_seconds": MAX_OPEN_SECONDS},
    }
    if find_chromium() is None:
        result["browser"] = "Chromium not installed (scripts/ensure_chromium.sh): open time not measured"
        runs = []
    else:
        runs = open_times(page, args.runs)
        result["runs"] = runs
        result["open_seconds_median"] = statistics.median(r["load_seconds"] for r in runs)
        result["open_seconds_max"] = max(r["load_seconds"] for r in runs)
        result["wall_seconds_median"] = statistics.median(r["wall_seconds"] for r in runs)
        with Chromium(width=1366, height=900) as browser:
            browser.open(page.resolve().as_uri())
            browser.screenshot(args.out / "page.png")
    (args.out / "page.json").write_text(json.dumps(result, indent=1), encoding="utf-8")

    print(
        f"page: {weight / 1024:.0f} KiB (target < {MAX_BYTES // 1024 // 1024} MB); built in {made['render_seconds']} s "
        f"after {made['inputs_seconds']} s of inputs "
        f"({'stages computed' if made['stages_recomputed'] else 'read from a folder'})"
    )
    missed = weight >= MAX_BYTES
    if runs:
        print(
            f"open in Chromium over {len(runs)} fresh runs: median {result['open_seconds_median']} s, "
            f"max {result['open_seconds_max']} s "
            f"to the load event (target < {MAX_OPEN_SECONDS} s); wall median {result['wall_seconds_median']} s; "
            f"{runs[0]['elements']} elements"
        )
        missed = missed or result["open_seconds_median"] >= MAX_OPEN_SECONDS
    else:
        print(result["browser"])
    print(f"results: {args.out / 'page.json'}")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
