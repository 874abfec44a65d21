"""Evaluate the theme tagger against gold theme labels.

Gold (`corpus/gold/child_e_themes.jsonl`): one record per bullet or
recommendation, with its quote cut to 200 characters.  Each quote is located
in the report's own paragraphs (the paragraph whose text, without its bullet or
number, starts with the quote), the whole report is tagged once from the one
parsed Doc, and the themes of that paragraph are compared with the gold.

Held-out sets (every `tests/data/themes_*.jsonl` except the dev set):
hand-written bullets in other reviews' styles, written before the rules were
tuned and never tuned on, each tagged on its own as an unsectioned text.  The
`themes_case_*` sets are findings for other kinds of case (an adolescent
exploited outside the home; a bruised baby and a mother's new partner),
written and labelled blind before the tagger was run on them.  (`themes_dev.jsonl` is the
hand-written set the cue vocabulary WAS tuned on; pass it with --heldout to see
the fit.)

Real-shape sets (`tests/data/themes_real_shapes/`, open,
`tests/data/themes_real_shapes_blind/`, scored only at the end, and
`tests/data/themes_real_shapes_blind2/`, a second blind set written without
reading the rules, scored with --blind2 only at the end): whole
fictional review extracts in the shapes of published reviews (cover, contents,
running headers and page lines, keys, panel lists, references, findings), each
with a sidecar `<name>.gold.json` of gold themes per content paragraph.  The
whole file goes through ingest, structure and the tagger; every theme the
tagger puts anywhere is an assignment, and one on a block the gold does not
list (cover, contents, key, references...) is a wrong one.  Printed: the
precision of assignments (how many of the themes assigned are right) and the
recall of the gold labels.

Prints micro precision/recall/F1 and per-theme precision/recall.  Themes the
tagger assigns outside the gold's label set count as false positives in the
main figure; a second figure restricted to the ids the annotator could use is
printed for comparison.

    .venv/bin/python bench/eval_themes.py [--gold FILE] [--report FILE] [--heldout FILE]... [--errors]
        [--json OUT] [--blind] [--blind2]
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline.evaluate.paths import CHILD_E, GOLD, TEST_DATA
from pipeline.ingest import load_report
from pipeline.nlp import load_nlp, parse_report
from pipeline.report import Report
from pipeline.themes import tag_report, tag_text

GOLD_THEMES = GOLD / "child_e_themes.jsonl"

# the annotator's permitted ids for the Child E gold (see corpus/gold/README.md)
GOLD_LABEL_SET = [
    "assessment_quality",
    "chronology_history",
    "professional_curiosity",
    "self_report_face_value",
    "over_optimism",
    "disguised_compliance",
    "fathers_invisible_men",
    "domestic_abuse",
    "parental_mental_health",
    "substance_misuse",
    "neglect",
    "voice_lived_experience_child",
    "information_sharing",
    "multi_agency_working",
    "cross_border_out_of_area",
    "escalation",
    "management_oversight_supervision",
    "care_planning_decision_making",
    "placement_type_mother_baby_foster",
    "health_visiting_records",
    "think_family_adult_services",
    "service_access_disengagement",
    "legal_court_process",
    "record_keeping",
    "premature_vulnerable_infant",
]
MARKER_RE = re.compile(r"^\s*(?:[-•*–]\s+|\d{1,2}(?:\.\d{1,2}){0,3}[.)]?\s+)")


def _norm(text: str) -> str:
    return " ".join(text.split())


def locate(report: Report, quote: str) -> tuple[int, int] | None:
    """The paragraph whose text (without bullet or number) starts with the quote."""
    wanted = _norm(quote)
    for paragraph in report.paragraphs:
        body = _norm(MARKER_RE.sub("", report.text[paragraph.start : paragraph.end], count=1))
        if body.startswith(wanted) or (len(wanted) > 40 and wanted[:120] in body):
            return paragraph.start, paragraph.end
    return None


def score(pairs: list[tuple[set[str], set[str]]], labels: list[str] | None = None) -> dict:
    """Micro P/R/F1 and per-theme counts over (gold, predicted) pairs."""
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    for gold, pred in pairs:
        if labels is not None:
            pred = pred & set(labels)
        for t in pred & gold:
            tp[t] += 1
        for t in pred - gold:
            fp[t] += 1
        for t in gold - pred:
            fn[t] += 1

    def prf(a: int, b: int, c: int) -> tuple[float, float, float]:
        p = a / (a + b) if a + b else 0.0
        r = a / (a + c) if a + c else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    micro = prf(sum(tp.values()), sum(fp.values()), sum(fn.values()))
    themes = sorted(set(tp) | set(fp) | set(fn))
    names = ("precision", "recall", "f1")
    per = {t: dict(zip(names, prf(tp[t], fp[t], fn[t]), strict=True), tp=tp[t], fp=fp[t], fn=fn[t]) for t in themes}
    return {
        "micro": dict(zip(names, micro, strict=True)),
        "tp": sum(tp.values()),
        "fp": sum(fp.values()),
        "fn": sum(fn.values()),
        "per_theme": per,
    }


def gold_pairs(report: Report, labels, gold_path: Path) -> list[tuple[str, set[str], set[str]]]:
    by_span = {(label.start, label.end): set(label.theme_ids()) for label in labels}
    out = []
    for line in gold_path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        item = json.loads(line)
        span = locate(report, item["quote"])
        if span is None:
            raise SystemExit(f"gold item {item['id']}: quote not found in the report's paragraphs")
        out.append((item["id"], set(item["themes"]), by_span.get(span, set())))
    return out


def heldout_pairs(path: Path, nlp) -> list[tuple[str, set[str], set[str]]]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        item = json.loads(line)
        labels = tag_text(item["text"], nlp)
        out.append((item["id"], set(item["themes"]), {t for label in labels for t in label.theme_ids()}))
    return out


DEV_SET = "themes_dev.jsonl"


def heldout_sets(data_dir: Path = TEST_DATA) -> list[Path]:
    """Every hand-written theme set except the one the cues were tuned on."""
    return [p for p in sorted(data_dir.glob("themes_*.jsonl")) if p.name != DEV_SET]


REAL_SHAPES = TEST_DATA / "themes_real_shapes"
REAL_SHAPES_BLIND = TEST_DATA / "themes_real_shapes_blind"
REAL_SHAPES_BLIND2 = TEST_DATA / "themes_real_shapes_blind2"


def real_shape_pairs(review: Path, nlp) -> list[tuple[str, set[str], set[str]]]:
    """(where, gold, predicted) for every gold paragraph and every tagged block the gold does not list.

    Gold paragraphs are found by their quote's offset in the report text, so the
    figures do not depend on how the structure pass cuts paragraphs: the themes
    of a quote are those of the tagged block(s) that contain its first character.
    """
    gold = json.loads(review.with_suffix(".gold.json").read_text(encoding="utf-8"))
    report = load_report(review)
    labels = tag_report(report, parse_report(report, nlp))
    used: set[int] = set()
    out = []
    for item in gold["paragraphs"]:
        offset = report.text.find(item["quote"])
        if offset < 0 or report.text.find(item["quote"], offset + 1) >= 0:
            raise SystemExit(f"{review.name}: gold quote not found, or found twice: {item['quote']!r}")
        hits = [i for i, label in enumerate(labels) if label.start <= offset < label.end]
        used.update(hits)
        out.append(
            (
                f"{review.stem}: {item['quote'][:50]}",
                set(item["themes"]),
                {t for i in hits for t in labels[i].theme_ids()},
            )
        )
    for i, label in enumerate(labels):
        if i not in used and label.theme_ids():
            out.append((f"{review.stem}: (no gold) {' '.join(label.text.split())[:50]}", set(), set(label.theme_ids())))
    return out


def real_shape_set(folder: Path, nlp) -> list[tuple[str, set[str], set[str]]]:
    return [pair for review in sorted(folder.glob("*.txt")) for pair in real_shape_pairs(review, nlp)]


@dataclass(frozen=True)
class Scored:
    """One scored set: its key in the results, a heading, the figures, and the items (for listing errors)."""

    name: str
    title: str
    result: dict[str, Any]
    pairs: list[tuple[str, set[str], set[str]]] | None = None


def evaluate(
    report_path: Path = CHILD_E,
    gold_path: Path = GOLD_THEMES,
    heldout: list[Path] | None = None,
    model: str | None = None,
    blind: bool = False,
    blind2: bool = False,
) -> tuple[int, list[Scored]]:
    """(gold items located, scored sets in order): the Child E gold, the held-out sets, the real-shape sets."""
    nlp = load_nlp(model)
    report = load_report(report_path)
    doc = parse_report(report, nlp)
    labels = tag_report(report, doc)
    gold = gold_pairs(report, labels, gold_path)
    scored = [
        Scored("gold_all_themes", "gold, all predicted themes", score([(g, p) for _, g, p in gold])),
        Scored(
            "gold_annotator_label_set",
            "gold, predictions restricted to the annotator's 25 ids",
            score([(g, p) for _, g, p in gold], GOLD_LABEL_SET),
            gold,
        ),
    ]
    for path in heldout or heldout_sets():
        held = heldout_pairs(path, nlp)
        title = f"held-out ({path.name}, {len(held)} items)"
        scored.append(Scored(path.stem, title, score([(g, p) for _, g, p in held]), held))
    real_sets = [("real_shapes_open", REAL_SHAPES)] + ([("real_shapes_blind", REAL_SHAPES_BLIND)] if blind else [])
    real_sets += [("real_shapes_blind2", REAL_SHAPES_BLIND2)] if blind2 else []
    for name, folder in real_sets:
        pairs = real_shape_set(folder, nlp)
        r = score([(g, p) for _, g, p in pairs])
        title = (
            f"{name} ({len(list(folder.glob('*.txt')))} reviews): precision of assignments "
            f"{r['tp']}/{r['tp'] + r['fp']}, recall {r['tp']}/{r['tp'] + r['fn']}"
        )
        scored.append(Scored(name, title, r, pairs))
    return len(gold), scored
