"""Review page benchmark: a 100-page draft's review page, its weight and how fast it opens in Chromium.

Target (issue 16): the page for a 100-page review opens in under a second.

    .venv/bin/python bench/bench_review_page.py              # 100 synthetic pages
    .venv/bin/python bench/bench_review_page.py --pages 300 --runs 7

The draft is generated here (fictional people and places in the shapes of a
practice review's chronology: key people, people the key leaves out, an
ambiguous surname, nurseries, phone numbers), about 450 words a page.
"Open" is navigation to the end of the load event (Navigation Timing
`loadEventEnd`, after the page's own script has run) in a fresh browser
profile each run, as bench/bench_page.py measures the report page.
Results go to bench/out/review_page/; exit 1 when the target is missed.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from pathlib import Path

from bench_page import open_times as page_open_times  # beside this script: one way to time a page open
from chromium import find_chromium

from pipeline.deid.keyfile import load_key

ROOT = Path(__file__).resolve().parents[1]

MAX_OPEN_SECONDS = 1.0
WORDS_PER_PAGE = 450
KEY = """people:
  - code: Mother
    role: "Child T's mother"
    names: [Rowena Brackley, Rowena]
  - code: MGM
    role: "Child T's maternal grandmother"
    names: [Edith Brackley, Edith]
  - code: Father
    role: "Child T's father"
    names: [Callum Ferrand, Callum]
"""
FIRST = [
    "Tamsin",
    "Oleander",
    "Bryony",
    "Casimir",
    "Delphine",
    "Evander",
    "Fenella",
    "Gideon",
    "Hester",
    "Ivo",
    "Jessamy",
    "Lorcan",
]
LAST = [
    "Quennell",
    "Ashdown",
    "Pendry",
    "Marlow",
    "Tregaskis",
    "Voss",
    "Winstanley",
    "Yelland",
    "Hargreave",
    "Olerenshaw",
]
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
TEMPLATES = [
    "{n}. On {d} {m} {y} the health visitor, {p}, visited the home. "
    "Rowena said that Callum had moved out, but practitioners "
    "noted that his belongings were still in the flat and that Edith was caring for Child T most afternoons.",
    "{n}. On {d} {m} {y} Brackley told the GP that the family were coping. "
    "The GP recorded the conversation but did not ask "
    "who else was living at the address, and no referral was made to children's social care at that time.",
    "{n}. Child T attended {nursery} from {m} {y}. "
    "Staff noticed a bruise on {d} {m} {y} and telephoned {p}, who said the "
    "mother would be contacted. The nursery's record gives a contact number of 07700 900{t:03d}.",
    "{n}. At a strategy discussion on {d} {m} {y} the police, health and social care agreed a section 47 enquiry. "
    "Callum Ferrand "
    "was not spoken to, and the views of Child T were not recorded in the assessment that followed.",
    "{n}. {p} met Mrs Brackley on {d} {m} {y}. "
    "She described feeling unsupported and said that Callum had been visiting late at "
    "night. This information was not shared with the allocated social worker until several weeks later.",
    "{n}. The review found that agencies worked hard to support the family "
    "but that the cumulative picture of neglect was not "
    "recognised. Learning for the partnership is set out in section 9, with recommendations for each agency.",
    "{n}. In {m} {y} the family moved to a flat on the {estate} estate. "
    "Rowena told the housing officer that she felt safer "
    "there, although Callum was seen at the flat by a neighbour on {d} {m} {y}.",
]


def make_draft(pages: int, seed: int = 16) -> str:
    """A fictional draft of about `pages` pages."""
    rng = random.Random(seed)
    paras, words, n = ["Child Safeguarding Practice Review: Child T", "1 Chronology"], 0, 0
    while words < pages * WORDS_PER_PAGE:
        n += 1
        if n % 40 == 0:
            paras.append(f"{n // 40 + 1} Chronology continued")
        person = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        nursery = f"{rng.choice(['Little Acorns', 'Bluebell', 'Rainbow Corner', 'Honeypot'])} Day Nursery"
        para = rng.choice(TEMPLATES).format(
            n=f"{n // 40 + 1}.{n % 40 + 1}",
            d=rng.randint(1, 28),
            m=rng.choice(MONTHS),
            y=rng.randint(2015, 2022),
            p=person,
            nursery=nursery,
            t=rng.randint(0, 999),
            estate=rng.choice(["Brookfield", "Hollinsend", "Marfleet Vale", "Sandygate"]),
        )
        paras.append(para)
        words += len(para.split())
    return "\n\n".join(paras) + "\n"


def open_times(page: Path, runs: int) -> list[dict]:
    """As the report page's benchmark measures it (bench/bench_page.py), in a wider window."""
    return page_open_times(page, runs, width=1400)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=100)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "review_page")
    args = parser.parse_args()

    from pipeline.review.model import build_review
    from pipeline.review.page import render_review_page

    args.out.mkdir(parents=True, exist_ok=True)
    draft = args.out / "draft.txt"
    draft.write_text(make_draft(args.pages), encoding="utf-8")
    key_path = args.out / "key.yaml"
    key_path.write_text(KEY, encoding="utf-8")
    key_path.chmod(0o600)
    started = time.perf_counter()
    review = build_review(draft, load_key(key_path))
    review_seconds = time.perf_counter() - started
    started = time.perf_counter()
    html = render_review_page(review)
    render_seconds = time.perf_counter() - started
    page = args.out / "draft.review.html"
    page.write_text(html, encoding="utf-8")
    page.chmod(0o600)
    words = len(review.report.text.split())
    result: dict = {
        "pages": args.pages,
        "words": words,
        "items": len(review.items),
        "findings": sum(1 for i in review.items if i.kind == "finding"),
        "bytes": page.stat().st_size,
        "review_seconds": round(review_seconds, 2),
        "render_seconds": round(render_seconds, 3),
        "target_open_seconds": MAX_OPEN_SECONDS,
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
    (args.out / "review_page.json").write_text(json.dumps(result, indent=1), encoding="utf-8")
    print(
        f"{args.pages} pages ({words} words): {result['items']} items ({result['findings']} findings); page "
        f"{result['bytes'] / 1024:.0f} KiB; review computed in {result['review_seconds']} s, "
        f"rendered in {result['render_seconds']} s"
    )
    missed = False
    if runs:
        print(
            f"open in Chromium over {len(runs)} fresh runs: median {result['open_seconds_median']} s, "
            f"max {result['open_seconds_max']} s "
            f"to the load event (target < {MAX_OPEN_SECONDS} s); wall median {result['wall_seconds_median']} s; "
            f"{runs[0]['elements']} elements"
        )
        missed = result["open_seconds_median"] >= MAX_OPEN_SECONDS
    else:
        print(result["browser"])
    print(f"results: {args.out / 'review_page.json'}")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
