"""decisions.json: what the reviewer decided on the review page, read and checked before anything is written.

Format (docs/review_signoff.md)::

    {"format": "scr-review-decisions/1", "review_id": "rv-…",
     "decisions": {"r-…": {"action": "accept"}, "r-…": {"action": "revert"},
                   "r-…": {"action": "code", "code": "EF"},
                   "r-…": {"action": "add_person", "code": "MGM", "role": "maternal grandmother"},
                   "f-…": {"action": "placeholder", "placeholder": "[NAME]"},
                   "f-…": {"action": "dismiss", "reason": "the town is named on purpose"}}}

An empty file (or `{}`, or no decisions) means "accept everything as
proposed".  Every problem is a `DecisionsError` (exit 2) naming the item id,
never a real name, and is raised before any file is written.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..deid.keyfile import CODE_RE
from ..errors import UnusableInput
from .model import FORMAT_DECISIONS, REPLACEMENT, Review

REPLACEMENT_ACTIONS = ("accept", "revert", "code", "add_person")
FINDING_ACTIONS = ("placeholder", "dismiss")
PLACEHOLDER_RE = re.compile(r"^\[[A-Z][A-Z0-9_ -]{0,30}\]$")
MAX_REASON = 2000
MAX_ROLE = 200


class DecisionsError(UnusableInput):
    """A decisions file that cannot be applied to this review."""


@dataclass
class Decisions:
    """Checked decisions: item id -> decision dict; people to add: placeholder -> (code, role)."""

    by_id: dict[str, dict] = field(default_factory=dict)
    people: dict[str, tuple[str, str]] = field(default_factory=dict)
    sha256: str | None = None

    def action(self, item_id: str) -> str | None:
        d = self.by_id.get(item_id)
        return d["action"] if d else None


def read_decisions(path: Path) -> tuple[dict, str]:
    """The file's JSON (an empty file is `{}`) and its sha256."""
    import hashlib

    path = Path(path)
    if not path.is_file():
        raise DecisionsError(f"decisions file {path} does not exist or is not a file")
    raw = path.read_bytes()
    sha = hashlib.sha256(raw).hexdigest()
    if not raw.strip():
        return {}, sha
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise DecisionsError(f"decisions file {path}: not JSON ({str(exc).splitlines()[0][:120]})") from None
    if not isinstance(data, dict):
        raise DecisionsError(f"decisions file {path}: expected a JSON object with `review_id` and `decisions`")
    return data, sha


def check_decisions(data: dict, review: Review, source: str = "decisions file") -> Decisions:
    """Validate every decision against the review; raise `DecisionsError` on the first problem."""
    decisions = data.get("decisions") or {}
    if not isinstance(decisions, dict):
        raise DecisionsError(f"{source}: `decisions` must be an object of item id -> decision")
    fmt = data.get("format")
    if fmt is not None and fmt != FORMAT_DECISIONS:
        raise DecisionsError(f"{source}: format {fmt!r} is not {FORMAT_DECISIONS!r}")
    if decisions or data.get("review_id") is not None:
        if data.get("review_id") != review.review_id:
            raise DecisionsError(
                f"{source} was exported from another review ({data.get('review_id')!r}, this draft, key and rules give "
                f"{review.review_id!r}): the draft, the key or the rules changed since; make a new review page"
            )
    out = Decisions()
    unknown = [i for i in decisions if i not in review.by_id]
    if unknown:
        shown = ", ".join(map(str, unknown[:5])) + (" …" if len(unknown) > 5 else "")
        raise DecisionsError(f"{source}: {len(unknown)} unknown item id(s) for this review: {shown}")
    key_codes = set(review.key.codes())
    for item_id, decision in decisions.items():
        item = review.by_id[item_id]
        out.by_id[item_id] = _check_one(item_id, item, decision, source)
    _check_people(out, review, key_codes, source)
    for item_id, d in out.by_id.items():
        if d["action"] == "code":
            new_codes = {code for code, _ in out.people.values()}
            if d["code"] not in key_codes and d["code"] not in new_codes and not PLACEHOLDER_RE.match(d["code"]):
                raise DecisionsError(
                    f"{source}: item {item_id}: code {d['code']!r} is not in the key; choose a key code "
                    "or add the person with add_person"
                )
    return out


def _text(value, what: str, item_id: str, source: str, limit: int) -> str:
    if not isinstance(value, str) or not value.strip():
        raise DecisionsError(f"{source}: item {item_id}: {what} is required")
    value = " ".join(value.split())
    if len(value) > limit:
        raise DecisionsError(f"{source}: item {item_id}: {what} is longer than {limit} characters")
    return value


def _check_one(item_id: str, item, decision, source: str) -> dict:
    if not isinstance(decision, dict) or not isinstance(decision.get("action"), str):
        raise DecisionsError(f"{source}: item {item_id}: a decision is an object with an `action`")
    action = decision["action"]
    allowed = REPLACEMENT_ACTIONS if item.kind == REPLACEMENT else FINDING_ACTIONS
    if action not in allowed:
        raise DecisionsError(
            f"{source}: item {item_id} is a {item.kind}: action {action!r} is not one of {', '.join(allowed)}"
        )
    if action == "add_person" and not item.unknown_person:
        raise DecisionsError(f"{source}: item {item_id}: only an unlisted person ([PERSON-n]) can be added to the key")
    out = {"action": action}
    if action in ("code", "add_person"):
        code = _text(decision.get("code"), "a code", item_id, source, 41)
        if not CODE_RE.match(code) and not (action == "code" and PLACEHOLDER_RE.match(code)):
            raise DecisionsError(
                f"{source}: item {item_id}: code {code!r} may use only letters, digits, spaces and . ' ’ - ( ) /"
            )
        out["code"] = code
    if action == "add_person":
        out["role"] = _text(decision.get("role"), "a role", item_id, source, MAX_ROLE)
    if action == "placeholder":
        placeholder = decision.get("placeholder") or f"[{item.type}]"
        if not isinstance(placeholder, str) or not PLACEHOLDER_RE.match(placeholder):
            raise DecisionsError(
                f"{source}: item {item_id}: a placeholder is written like [NAME] (capitals in brackets)"
            )
        out["placeholder"] = placeholder
    if action == "dismiss":
        out["reason"] = _text(
            decision.get("reason"), "a reason for dismissing the finding", item_id, source, MAX_REASON
        )
    return out


def _check_people(out: Decisions, review: Review, key_codes: set[str], source: str) -> None:
    """One code and role per unlisted person, never a code the key already has or another new person's."""
    owner: dict[str, str] = {}
    for item_id, d in out.by_id.items():
        if d["action"] != "add_person":
            continue
        placeholder = review.by_id[item_id].proposed
        code, role = d["code"], d["role"]
        if code in key_codes:
            raise DecisionsError(
                f"{source}: item {item_id}: code {code!r} is already in the key; give the new person another code"
            )
        if placeholder in out.people and out.people[placeholder] != (code, role):
            raise DecisionsError(
                f"{source}: item {item_id}: {placeholder} is added twice with different codes or roles"
            )
        if owner.get(code, placeholder) != placeholder:
            raise DecisionsError(
                f"{source}: item {item_id}: code {code!r} is given to two people ({owner[code]} and {placeholder})"
            )
        owner[code] = placeholder
        out.people[placeholder] = (code, role)


def load_decisions(path: Path, review: Review) -> Decisions:
    data, sha = read_decisions(path)
    checked = check_decisions(data, review, source=f"decisions file {path}")
    checked.sha256 = sha
    return checked
