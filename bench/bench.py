"""Benchmark: words per second and peak memory per stage on the bundled corpus.

Every stage is measured beside the reference cost of ONE plain spaCy pass
over the same text (the bare model, none of our components): the design
promises that the whole pipeline parses once, so each later stage should
cost a fraction of that pass.

    python bench/bench.py [--repeat 3] [--model NAME] [--file PATH] [--json OUT]

Figures: seconds (best of --repeat), words/s, the ratio to the plain pass,
and the Python-heap peak of the stage (tracemalloc; spaCy's arrays included).
The process's maximum RSS is printed at the end.
"""

from __future__ import annotations

import argparse
import gc
import json
import resource
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pipeline.ingest import load_report
from pipeline.nlp import configured_model_name, load_nlp, model_info, parse_report

ROOT = Path(__file__).resolve().parents[1]

DEFAULT_FILE = ROOT / "corpus" / "child_e_stockport_2017.txt"


def measure(func: Callable[[], Any], repeat: int) -> tuple[float, int, Any]:
    """Best wall time over `repeat` runs, and the traced heap peak of one run."""
    best = float("inf")
    result = None
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        result = func()
        best = min(best, time.perf_counter() - start)
    gc.collect()
    tracemalloc.start()
    func()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return best, peak, result


def stages(nlp) -> dict[str, Callable]:
    """The stages that run on the one parse, each a function of (report, doc)."""
    from pipeline.deid.recognizers import analyze_doc, build_analyzer
    from pipeline.deid.verify import verify_report
    from pipeline.events import extract_events
    from pipeline.themes import tag_report

    analyzer = build_analyzer(nlp)
    return {
        "recognizers": lambda report, doc: analyze_doc(analyzer, doc),
        "verify": lambda report, doc: verify_report(report, doc, analyzer=analyzer),
        "events": extract_events,
        "themes": tag_report,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--file", type=Path, default=DEFAULT_FILE)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--model", default=None)
    parser.add_argument("--json", type=Path, default=None, help="also write the figures as JSON here")
    args = parser.parse_args(argv)

    import spacy

    model = configured_model_name(args.model)
    report = load_report(args.file)
    words = len(report.text.split())
    rows: list[dict] = []

    def add(stage: str, seconds: float, peak: int, reference: float | None) -> None:
        rows.append(
            {
                "stage": stage,
                "seconds": round(seconds, 4),
                "words_per_second": round(words / seconds) if seconds else None,
                "ratio_to_plain_spacy": round(seconds / reference, 3) if reference else None,
                "peak_mb": round(peak / 1e6, 1),
            }
        )

    plain = spacy.load(model)
    plain.max_length = max(plain.max_length, len(report.text) + 1)
    nlp = load_nlp(args.model)
    # The reference and our pass are timed interleaved, so that a busy
    # neighbour on a shared machine slows both alike.
    plain_seconds = ours_seconds = float("inf")
    for _ in range(args.repeat):
        plain_seconds = min(plain_seconds, measure(lambda: plain(report.text), 1)[0])
        ours_seconds = min(ours_seconds, measure(lambda: parse_report(report, nlp), 1)[0])
    _, plain_peak, _ = measure(lambda: plain(report.text), 1)
    add("plain spaCy pass (reference)", plain_seconds, plain_peak, plain_seconds)

    seconds, peak, _ = measure(lambda: load_report(args.file), args.repeat)
    add("ingest + structure", seconds, peak, plain_seconds)

    _, peak, doc = measure(lambda: parse_report(report, nlp), 1)
    add("nlp (our one pass)", ours_seconds, peak, plain_seconds)

    for name, stage in stages(nlp).items():
        stage(report, doc)  # warm-up: builds caches and matchers once, as a batch would
        seconds, peak, _ = measure(lambda stage=stage: stage(report, doc), args.repeat)
        add(name, seconds, peak, plain_seconds)

    info = model_info(nlp)
    print(f"file: {args.file.name}  words: {words}  model: {info['name']} {info['version']}  repeat: {args.repeat}")
    print(f"{'stage':32} {'seconds':>9} {'words/s':>10} {'x plain':>8} {'peak MB':>8}")
    for row in rows:
        print(
            f"{row['stage']:32} {row['seconds']:9.3f} {row['words_per_second'] or 0:10d} "
            f"{row['ratio_to_plain_spacy'] or 0:8.2f} {row['peak_mb']:8.1f}"
        )
    max_rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"process max RSS: {max_rss_mb:.0f} MB")
    if args.json:
        args.json.write_text(
            json.dumps({"file": args.file.name, "words": words, "model": info, "stages": rows}, indent=1)
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
