"""Make a synthetic corpus of reviews for the batch and corpus-store benchmark.

From one bundled review it writes N (default 200) variants, each with:
- a different subject code letter ("Child E" -> "Child K", "EM" -> "KM", ...),
  a fictional board town (Faker en_GB) and a fictional author;
- dates shifted by a whole number of years (so weekdays may drift; nothing
  downstream depends on them);
- the paragraph order shuffled within every section;
- a length of about 500-1,500 words (paragraphs are sampled within sections, the
  cover and the key are always kept), because a 200 x 17k-word corpus takes
  20+ minutes per worker on a 2-core machine and the benchmark compares
  1 worker with 2;
plus 5 deliberately corrupt inputs (binary, empty, truncated UTF-8, a
directory named like a file, random bytes).

    python bench/make_synthetic_corpus.py [--n 200] [--out bench/out/synthetic] [--seed 7]
            [--min-words 500] [--max-words 1500] [--source corpus/child_e_stockport_2017.txt]

The output is deterministic for a seed.  `bench/out/` is git-ignored.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import string
from pathlib import Path

from pipeline.ingest import load_report
from pipeline.report import Report

ROOT = Path(__file__).resolve().parents[1]

DEFAULT_SOURCE = ROOT / "corpus" / "child_e_stockport_2017.txt"
DEFAULT_OUT = ROOT / "bench" / "out" / "synthetic"
CORRUPT = (
    "corrupt_binary.txt",
    "corrupt_empty.txt",
    "corrupt_truncated_utf8.txt",
    "corrupt_directory.txt",
    "corrupt_garbage.txt",
)
KEEP_KINDS = {"heading", "key"}  # never sampled away: the structure and the declared codes
YEAR = re.compile(r"\b(19[89]\d|20[0-3]\d)\b")


def subject_letter(report: Report) -> str | None:
    """The letter of "Child X" in the key, if the review uses that convention."""
    for entry in report.key:
        m = re.fullmatch(r"Child ([A-Z]{1,2})", entry.code)
        if m:
            return m.group(1)
    return None


def code_map(report: Report, old: str, new: str) -> dict[str, str]:
    """Declared codes built on the subject's letter, re-lettered ("EM" -> "KM")."""
    mapping = {f"Child {old}": f"Child {new}"}
    for code in report.codes():
        if code.startswith(old) and " " not in code:
            mapping[code] = new + code[len(old) :]
    return mapping


def board_town(report: Report) -> str | None:
    """The town of the board name ("Stockport Safeguarding Children Board" -> "Stockport")."""
    board = report.metadata.board or ""
    m = re.match(r"(.+?)\s+(?:Local\s+)?Safeguarding", board)
    return m.group(1) if m else None


def substitute(
    text: str, codes: dict[str, str], town: tuple[str, str] | None, years: int, author: tuple[str, str] | None
) -> str:
    """Apply code, town, author and year substitutions in one pass each (no chained replacements)."""
    if codes:
        pattern = re.compile(
            r"(?<![A-Za-z0-9])("
            + "|".join(re.escape(c) for c in sorted(codes, key=len, reverse=True))
            + r")(?![A-Za-z0-9])"
        )
        text = pattern.sub(lambda m: codes[m.group(1)], text)
    for pair in (town, author):
        if pair and pair[0]:
            text = re.sub(rf"\b{re.escape(pair[0])}\b", pair[1], text)
    if years:
        text = YEAR.sub(lambda m: str(int(m.group(1)) + years), text)
    return text


def blocks_by_section(report: Report) -> tuple[list[str], list[tuple[str, list[str]]]]:
    """The cover paragraphs, then (heading, body paragraphs) for every section in order."""
    cover: list[str] = []
    sections: list[tuple[str, list[str]]] = []
    heading_starts = {s.heading_start for s in report.sections}
    for para in report.paragraphs:
        text = report.slice(para)
        if para.kind == "footnote":
            continue
        if para.kind == "heading" or para.start in heading_starts:
            sections.append((text, []))
        elif not sections:
            cover.append(text)
        else:
            sections[-1][1].append(text)
    return cover, sections


def words(text: str) -> int:
    return len(text.split())


def make_variant(report: Report, rng: random.Random, fake, target_words: int, letter: str) -> str:
    """One synthetic review: re-lettered, re-dated, shuffled and cut to about `target_words`."""
    cover, sections = blocks_by_section(report)
    total = sum(words(b) for _, body in sections for b in body) or 1
    fixed = sum(words(h) for h, _ in sections) + sum(words(c) for c in cover)
    keep_share = max(0.02, min(1.0, (target_words - fixed) / total))
    parts = list(cover)
    for heading, body in sections:
        body = list(body)
        rng.shuffle(body)
        declared = [b for b in body if re.match(r"^\S{1,12}\s+[–-]\s+", b)]  # key lines stay
        sampled = [b for b in body if b not in declared and rng.random() < keep_share]
        parts.append(heading)
        parts.extend(declared + sampled)
    text = "\n\n".join(parts) + "\n"
    old = subject_letter(report)
    codes = code_map(report, old, letter) if old else {}
    town = board_town(report)
    new_town = fake.city()
    author = report.metadata.author
    return substitute(
        text, codes, (town, new_town) if town else None, rng.randint(-6, 6), (author, fake.name()) if author else None
    )


def letters() -> list[str]:
    """Subject code letters: single capitals, then pairs."""
    singles = [c for c in string.ascii_uppercase]
    pairs = [a + b for a in string.ascii_uppercase for b in string.ascii_uppercase]
    return singles + pairs


def write_corrupt(out: Path, sample: str) -> list[str]:
    """Five inputs a batch must survive."""
    (out / CORRUPT[0]).write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)
    (out / CORRUPT[1]).write_bytes(b"")
    raw = sample.encode("utf-8")
    cut = raw.index("’".encode()) + 1 if "’" in sample else len(raw) // 2
    (out / CORRUPT[2]).write_bytes(raw[:cut])  # ends inside a multi-byte character
    (out / CORRUPT[3]).mkdir(exist_ok=True)
    rng = random.Random(99)
    (out / CORRUPT[4]).write_bytes(bytes(rng.randrange(256) for _ in range(20_000)))
    return list(CORRUPT)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=200)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--min-words", type=int, default=500)
    parser.add_argument("--max-words", type=int, default=1500)
    parser.add_argument("--no-corrupt", action="store_true", help="do not add the 5 corrupt inputs")
    args = parser.parse_args(argv)

    from faker import Faker

    fake = Faker("en_GB")
    fake.seed_instance(args.seed)
    rng = random.Random(args.seed)
    report = load_report(args.source)
    if args.out.exists():
        shutil.rmtree(args.out)
    args.out.mkdir(parents=True)
    old = subject_letter(report)
    pool = [x for x in letters() if x != old]
    manifest = []
    for i in range(args.n):
        letter = pool[i % len(pool)]
        target = rng.randint(args.min_words, args.max_words)
        text = make_variant(report, rng, fake, target, letter)
        name = f"review_{i:03d}_child_{letter.lower()}.txt"
        (args.out / name).write_text(text, encoding="utf-8")
        manifest.append({"file": name, "words": words(text), "letter": letter})
    corrupt = [] if args.no_corrupt else write_corrupt(args.out, text)
    (args.out.parent / f"{args.out.name}.json").write_text(
        json.dumps({"reviews": manifest, "corrupt": corrupt}, indent=1)
    )
    total = sum(m["words"] for m in manifest)
    print(
        f"{len(manifest)} reviews ({total:,} words, "
        f"{min(m['words'] for m in manifest)}-{max(m['words'] for m in manifest)} each)"
        f" and {len(corrupt)} corrupt inputs in {args.out}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
