"""Apply checked decisions to the pseudonymisation of a draft: the final edits, the new key.

Edits are offsets into the draft's text, like `scr pseudonymise`'s
replacements, so the same writers produce the output (Word keeps its
formatting); with no decisions the edits are exactly pseudonymise's.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from pathlib import Path

import yaml

from ..deid.keyfile import Key, parse_key
from ..deid.pseudonymise import Replacement
from .decisions import Decisions, DecisionsError
from .model import FINDING, REPLACEMENT, Review


@dataclasses.dataclass
class Applied:
    """The final edits and what the decisions did, counted for the sign-off record."""

    edits: list[Replacement]
    counts: Counter
    new_people: list[dict]  # {"code", "role", "names"} (names are private: only the key gets them)
    dismissed: list  # (Item, reason)


def final_edits(review: Review, decisions: Decisions) -> Applied:
    """Pseudonymise's replacements with the decisions applied (reverted dropped, codes changed, placeholders added)."""
    counts: Counter = Counter()
    edits: list[Replacement] = []
    new_codes = decisions.people
    by_item = {(i.start, i.end, i.type): i for i in review.items if i.kind == REPLACEMENT}
    for r in review.result.replacements:
        item = by_item[(r.start, r.end, r.type)]
        d = decisions.by_id.get(item.id) or {}
        action = d.get("action") or "accept"
        if action == "accept" and r.type == "PERSON_UNKNOWN" and r.replacement in new_codes:
            action = "add_person"  # a person added to the key takes the code in every mention not reverted
        if action == "revert":
            counts["reverted"] += 1
            continue
        edit = dataclasses.replace(r)
        if action == "code":
            edit.replacement = edit.code = d["code"]
            counts["code_changed"] += 1
        elif action == "add_person":
            edit.replacement = edit.code = new_codes[r.replacement][0]
            counts["added_person_mentions"] += 1
        else:
            counts["accepted"] += 1
        edits.append(edit)
    text = review.report.text
    dismissed = []
    for item in review.items:
        if item.kind != FINDING:
            continue
        decision = decisions.by_id.get(item.id)
        if decision is None:
            counts["findings_undecided"] += 1
        elif decision["action"] == "dismiss":
            dismissed.append((item, decision["reason"]))
            counts["findings_dismissed"] += 1
        elif decision["action"] == "placeholder":
            edits = _cover(edits, item.start, item.end, decision["placeholder"], item.type, text)
            counts["findings_replaced"] += 1
    edits.sort(key=lambda e: e.start)
    people = [
        {"code": code, "role": role, "names": _names_of(review, placeholder)}
        for placeholder, (code, role) in new_codes.items()
    ]
    return Applied(edits, counts, people, dismissed)


def _cover(
    edits: list[Replacement], start: int, end: int, placeholder: str, type_: str, text: str
) -> list[Replacement]:
    """A reviewer's placeholder over [start, end), swallowing any edit it overlaps (and any earlier placeholder)."""
    inside = [e for e in edits if e.start < end and start < e.end]
    if start == end:
        return edits
    for e in inside:
        start, end = min(start, e.start), max(end, e.end)
    kept = [e for e in edits if not (e.start < end and start < e.end)]
    kept.append(Replacement(start, end, text[start:end], placeholder, type_, "review", "reviewer", 1.0))
    return kept


def _names_of(review: Review, placeholder: str) -> list[str]:
    for person in review.result.unplaced:
        if person.placeholder == placeholder:
            return list(person.names)
    raise DecisionsError(f"{placeholder} is not an unlisted person of this review")


def key_with_people(key_path: Path, key: Key, people: list[dict]) -> tuple[str, Key]:
    """The key file's new YAML text and the validated key (a name clash is an error before anything is written)."""
    data = yaml.safe_load(key_path.read_text(encoding="utf-8-sig"))
    if isinstance(data, list):
        data = {"people": data}
    data["people"] = list(data["people"]) + [
        {"code": p["code"], "role": p["role"], "names": p["names"]} for p in people
    ]
    try:
        new_key = parse_key(data, source="the key with the added people", path=key_path)
    except Exception as exc:
        raise DecisionsError(f"the decisions cannot be added to the key: {exc}") from None
    text = "# written by scr apply: people added from the review's decisions\n" + yaml.safe_dump(
        data, sort_keys=False, allow_unicode=True, default_flow_style=False
    )
    return text, new_key
