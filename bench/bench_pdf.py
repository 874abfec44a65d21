"""Benchmark: reading a 40-page review PDF (target: under 1 second).

Renders the bundled review as a published-looking PDF with reportlab (the
test fixture: running header, page-number footer, footnotes, hyphenation, a
two-column stretch) at a size that gives at least 40 pages, then times
`pipeline.ingest.pdf.read` (best and median of --repeat, in this process,
libraries already imported) and one cold read in a fresh process (imports
included), and checks the share of words read back in order.

    python bench/bench_pdf.py [--repeat 5] [--pages 40] [--json OUT]
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from fixtures_formats.pdfs import render_review_pdf  # noqa: E402
from pipeline.ingest.pdf import read  # noqa: E402

SOURCE = ROOT / "corpus" / "child_e_stockport_2017.txt"
TARGET_SECONDS = 1.0


def render(folder: Path, pages: int):
    text = SOURCE.read_text(encoding="utf-8")
    size = 12.0
    while True:
        rendered = render_review_pdf(text, folder / "review.pdf", font_size=size)
        if rendered.pages >= pages:
            return rendered
        size += 0.5


def words_in_order(source: str, got: str) -> float:
    from rapidfuzz.distance import LCSseq

    a, b = re.findall(r"\w+", source), re.findall(r"\w+", got)
    return LCSseq.similarity(a, b) / len(a)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--pages", type=int, default=40)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        rendered = render(Path(tmp), args.pages)
        data = rendered.path.read_bytes()
        times = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            extracted = read(rendered.path, data)
            times.append(time.perf_counter() - start)
        cold_code = (
            "import time,sys; t=time.perf_counter(); from pathlib import Path; "
            f"from pipeline.ingest.pdf import read; p=Path({str(rendered.path)!r}); "
            "read(p, p.read_bytes()); print(time.perf_counter()-t)"
        )
        cold = float(
            subprocess.run(
                [sys.executable, "-c", cold_code], cwd=ROOT, capture_output=True, text=True, check=True
            ).stdout
        )
        share = words_in_order(SOURCE.read_text(encoding="utf-8"), extracted.text)
    result = {
        "pages": rendered.pages,
        "bytes": len(data),
        "best_s": round(min(times), 3),
        "median_s": round(statistics.median(times), 3),
        "cold_process_s": round(cold, 3),
        "per_page_ms": round(1000 * min(times) / rendered.pages, 1),
        "words_in_order": round(share, 4),
        "target_s": TARGET_SECONDS,
        "meets_target": min(times) < TARGET_SECONDS,
    }
    for key, value in result.items():
        print(f"{key:16} {value}")
    if args.json:
        args.json.write_text(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
