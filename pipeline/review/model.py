"""The review of one draft: what pseudonymise proposes and what verify still finds, as decidable items.

`build_review` runs exactly what `scr pseudonymise` runs (same parse, same
function), then `verify` on the coded text with the key.  Every replacement
and every finding becomes an `Item` with an id that depends only on the
input's hash, the key's hash, the rule data and the item's place, never on
its text: a decisions file saved yesterday applies to today's re-run of the
same draft, key and rules, and an id reveals no name.
"""

from __future__ import annotations

import bisect
import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..deid.keyfile import Key

FORMAT_DECISIONS = "scr-review-decisions/1"
REPLACEMENT, FINDING = "replacement", "finding"
SEVERITY_ORDER = {"high": 0, "medium": 1, "low": 2, "info": 3}


@dataclass
class Item:
    """One thing to decide: a proposed replacement, or a finding on the coded text."""

    id: str
    kind: str  # "replacement" or "finding"
    type: str
    start: int  # offsets into the draft's text (a finding: the draft stretch its coded text came from)
    end: int
    text: str  # the draft's words (real names: private)
    proposed: str = ""  # replacement: the code or placeholder; finding: the coded text found
    rule: str = ""
    confidence: float | None = None
    ambiguous: bool = False
    candidates: tuple[str, ...] = ()
    severity: str = ""
    reason: str = ""
    out_start: int | None = None  # finding: offsets into the coded text
    out_end: int | None = None
    line: int | None = None

    @property
    def unknown_person(self) -> bool:
        return self.kind == REPLACEMENT and self.type == "PERSON_UNKNOWN"

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "type": self.type,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "proposed": self.proposed,
            "rule": self.rule,
            "confidence": self.confidence,
            "ambiguous": self.ambiguous,
            "candidates": list(self.candidates),
            "severity": self.severity,
            "reason": self.reason,
            "line": self.line,
        }


@dataclass
class Review:
    """Everything the page shows and `apply` starts from."""

    review_id: str
    report: Any  # pipeline.report.Report of the draft
    key: Key
    result: Any  # pipeline.deid.pseudonymise.PseudonymiseResult
    findings: list  # pipeline.deid.verify.Finding on the coded text
    items: list[Item]
    rules: str
    model: dict
    policy_sha256: str | None = None
    nlp: Any = None
    analyzer: Any = None
    policy: Any = None
    by_id: dict[str, Item] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.by_id = {i.id: i for i in self.items}


def review_id(input_sha256: str, key_sha256: str | None, rules: str, policy_sha256: str | None) -> str:
    """Names one review: the same draft, key, rule data and policy give the same id."""
    seed = "\0".join([input_sha256, key_sha256 or "", rules, policy_sha256 or ""])
    return "rv-" + hashlib.sha256(seed.encode("utf-8")).hexdigest()[:20]


def item_id(rid: str, prefix: str, *parts: Any) -> str:
    """A short id from the review id and the item's place and type (no text, so no name)."""
    seed = "\0".join([rid, *map(str, parts)])
    return f"{prefix}-" + hashlib.sha256(seed.encode("utf-8")).hexdigest()[:12]


def out_to_in(replacements: list) -> tuple[Callable[[int], int], Callable[[int], int]]:
    """Maps from coded-text offsets back to draft offsets (a stretch inside a replacement widens to all of it)."""
    reps = sorted(replacements, key=lambda r: r.out_start)
    starts = [r.out_start for r in reps]

    def shift(r) -> int:
        return (r.end - r.out_end) if r is not None else 0

    def map_start(p: int) -> int:
        i = bisect.bisect_right(starts, p) - 1
        r = reps[i] if i >= 0 else None
        if r is not None and p < r.out_end:
            return r.start
        return p + shift(r)

    def map_end(p: int) -> int:
        i = bisect.bisect_left(starts, p) - 1
        r = reps[i] if i >= 0 else None
        if r is not None and p <= r.out_end:
            return r.end
        return p + shift(r)

    return map_start, map_end


def _file_sha256(path: Path | None) -> str | None:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path is not None else None


def build_review(
    draft: Path,
    key: Key,
    policy_path: Path | None = None,
    model: str | None = None,
    step: Callable[[str], None] = lambda s: None,
) -> Review:
    """Pseudonymise the draft as `scr pseudonymise` does, verify the coded text with the key, list the items."""
    from ..deid.names.known import english_lexicon
    from ..deid.policy import load_policy
    from ..deid.pseudonymise import parse_for_key, pseudonymise_report
    from ..deid.recognizers import build_analyzer
    from ..ingest import load_report
    from ..nlp import load_nlp, model_info
    from ..resources import data_fingerprint

    step("reading the draft")
    report = load_report(draft)
    policy = load_policy(policy_path)
    step("loading the language model")
    nlp = load_nlp(model)
    step("parsing")
    doc = parse_for_key(report, nlp, key)
    step("finding names and identifiers")
    analyzer = build_analyzer(nlp)
    result = pseudonymise_report(report, doc, key, analyzer=analyzer, policy=policy, lexicon=english_lexicon(nlp))
    step("verifying the coded text")
    findings = verify_text(result.text, report.source.name, nlp, key, policy, analyzer)
    rules = data_fingerprint()
    pol_sha = _file_sha256(policy_path)
    rid = review_id(report.source.sha256, key.sha256, rules, pol_sha)
    items = _items(rid, report.text, result, findings)
    return Review(rid, report, key, result, findings, items, rules, model_info(nlp), pol_sha, nlp, analyzer, policy)


def verify_text(text: str, name: str, nlp, key: Key | None, policy, analyzer) -> list:
    """`scr verify --key` on a text in memory (the coded draft)."""
    from ..deid.verify import verify_report
    from ..nlp import parse_report
    from ..themes import text_report

    report = text_report(text, name=name)
    return verify_report(report, parse_report(report, nlp), key=key, policy=policy, analyzer=analyzer)


def _items(rid: str, text: str, result, findings: list) -> list[Item]:
    """Replacements and findings as items, in the order a reviewer should take them:
    ambiguous names first, then findings (worst first), unlisted people, then the rest in text order."""
    items = []
    for r in result.replacements:
        items.append(
            Item(
                item_id(rid, "r", r.start, r.end, r.type),
                REPLACEMENT,
                r.type,
                r.start,
                r.end,
                r.text,
                r.replacement,
                r.rule,
                r.confidence,
                r.ambiguous,
                tuple(r.candidates),
            )
        )
    map_start, map_end = out_to_in(result.replacements)
    for f in findings:
        if f.location:  # outside the text (a Word part): nothing to place on the page
            continue
        a, b = map_start(f.start), map_end(f.end)
        items.append(
            Item(
                item_id(rid, "f", f.start, f.end, f.type, f.rule),
                FINDING,
                f.type,
                a,
                max(a, b),
                text[a:b],
                f.text,
                f.rule,
                None,
                severity=f.severity,
                reason=f.reason,
                out_start=f.start,
                out_end=f.end,
                line=f.line,
            )
        )

    def order(i: Item):
        if i.kind == REPLACEMENT and i.ambiguous:
            group = 0
        elif i.kind == FINDING:
            group = 1
        elif i.unknown_person:
            group = 2
        else:
            group = 3
        return (group, SEVERITY_ORDER.get(i.severity, 4) if group == 1 else 0, i.start, i.end)

    return sorted(items, key=order)
