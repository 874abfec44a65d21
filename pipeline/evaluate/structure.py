"""Evaluate structure detection on review openings written in the shapes of real published reviews.

    python bench/eval_structure_real.py [--blind] [--blind2] [--show]

Scores ``tests/data/real_shapes`` (open: tuned on) and, with ``--blind``,
``tests/data/real_shapes_blind`` (scored only at the end), with the scoring
functions below (also used by ``tests/test_structure_real_shapes.py``).  ``--blind2`` also scores
``tests/data/real_shapes_blind2``, a second blind set written without reading
the rules (score it once, at the end):

* sections: headings found that the gold lists, headings found, headings wanted;
* contents lines that became sections (target 0);
* key entries right (code, description, kind, pseudonym) of those the gold lists, and extra codes
  (all, and those the review declares: not the subject as the cover names it, ``source="cover_subject"``);
* cover fields right (board, title, subject, author, chair, pseudonyms declared, report type);
* page furniture strings left in the text (target 0); hard wraps re-joined.

``--show`` prints the per-file counts (fictional text only).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from pipeline.evaluate.paths import TEST_DATA
from pipeline.ingest import load_report
from pipeline.report import Report

DATA = TEST_DATA
OPEN = sorted(p for p in (DATA / "real_shapes").iterdir() if p.suffix in (".txt", ".md"))
BLIND = sorted(p for p in (DATA / "real_shapes_blind").iterdir() if p.suffix in (".txt", ".md"))
META_FIELDS = ("board", "title", "subject_child", "author", "chair", "pseudonyms_declared", "report_type")


def norm_text(text: str | None) -> str | None:
    """A heading or field compared loosely: punctuation and spacing runs as one space, case folded."""
    if text is None:
        return None
    return re.sub(r"[\s:.,]+", " ", text).strip().casefold()


def gold_of(path: Path) -> dict:
    """The `<stem>.gold.json` beside a fixture."""
    return json.loads(path.with_name(path.stem + ".gold.json").read_text(encoding="utf-8"))


def chair_of(report: Report) -> str | None:
    """The panel chair the cover names, if any."""
    return next((p.name for p in report.metadata.named_people if p.role == "chair"), None)


def _bare(title: str) -> str:
    """A heading or contents entry without numbering, leaders and page number."""
    title = re.sub(r"(?:[.…\s]{2,}|\s+page\s*|\s)\d{1,3}(?:\s*[-–]\s*\d{1,3})?\s*$", "", title, flags=re.IGNORECASE)
    title = re.sub(r"^\s*(?:contents\s*)?\d{1,2}(?:\.\d{1,2})*\.?\s*", "", title, flags=re.IGNORECASE)
    return title.strip(" .:").casefold()


def _contents_as_sections(report: Report) -> int:
    """Sections opened by a contents line: in a contents paragraph, or repeated by a later heading."""
    contents = [(p.start, p.end) for p in report.paragraphs if p.kind == "contents"]
    count = 0
    for i, section in enumerate(report.sections):
        later = {_bare(s.title) for s in report.sections[i + 1 :]}
        ends_in_page = re.search(r"(?:\.{3,}|…|\s(?:page\s*)?\d{1,3})\s*$", section.title, re.IGNORECASE)
        if any(a <= section.heading_start < b for a, b in contents) or _bare(section.title) in later or ends_in_page:
            count += 1
    return count


def score(report: Report, gold: dict) -> dict:
    """Counts for one fixture: sections, contents lines made sections, key, metadata, chrome, wraps."""
    got = [norm_text(s.title) for s in report.sections]
    want = [norm_text(t) for t in gold["sections"]]
    contents_as_sections = _contents_as_sections(report)
    key = {e.code: e for e in report.key}
    key_right = 0
    for entry in gold["key"]:
        found = key.get(entry["code"])
        if (
            found
            and entry["description"].casefold() in found.description.casefold()
            and found.kind == entry["kind"]
            and found.pseudonym == entry["pseudonym"]
        ):
            key_right += 1
    meta = report.metadata
    values = {f: getattr(meta, f, None) for f in META_FIELDS if f != "chair"} | {"chair": chair_of(report)}
    meta_right = sum(1 for f in META_FIELDS if norm_text(str(values[f])) == norm_text(str(gold["metadata"][f])))
    return {
        "sections_tp": sum(1 for t in got if t in want),
        "sections_got": len(got),
        "sections_want": len(want),
        "sections_exact": got == want,
        "contents_as_sections": contents_as_sections,
        "key_right": key_right,
        "key_want": len(gold["key"]),
        "key_extra": len(set(key) - {e["code"] for e in gold["key"]}),
        "key_extra_declared": len(
            {e.code for e in report.key if e.source == "declared"} - {e["code"] for e in gold["key"]}
        ),
        "meta_right": meta_right,
        "meta_want": len(META_FIELDS),
        "chrome_left": sum(1 for c in gold["chrome"] if c in report.text),
        "joined": sum(1 for j in gold["joined"] if j in report.text),
        "joined_want": len(gold["joined"]),
        "footnotes": sorted(n.marker for n in report.footnotes),
    }


def total(paths: list[Path]) -> dict:
    """Every numeric count of `score` summed over the fixtures."""
    out: dict = {}
    for path in paths:
        for k, v in score(load_report(path), gold_of(path)).items():
            if isinstance(v, (int, bool)):
                out[k] = out.get(k, 0) + int(v)
    return out


BLIND2 = sorted(
    p for p in (DATA / "real_shapes_blind2").iterdir() if p.suffix in (".txt", ".md") and p.name != "README.md"
)

FIELDS = (
    "sections_tp",
    "sections_got",
    "sections_want",
    "contents_as_sections",
    "key_right",
    "key_want",
    "key_extra",
    "key_extra_declared",
    "meta_right",
    "meta_want",
    "chrome_left",
    "joined",
    "joined_want",
)


def evaluate(paths: list[Path]) -> tuple[dict[str, int], dict[str, dict[str, int]]]:
    """(totals, counts per file name) of the `FIELDS` over the fixtures."""
    totals = dict.fromkeys(FIELDS, 0)
    per_file = {}
    for path in paths:
        counts = score(load_report(path), gold_of(path))
        per_file[path.name] = {field: int(counts[field]) for field in FIELDS}
        for field in FIELDS:
            totals[field] += int(counts[field])
    return totals, per_file
