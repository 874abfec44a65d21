"""The sign-off record: what was published, from what, decided by whom, and why findings were left.

`FINAL.signoff.json` (format in docs/review_signoff.md) and a readable
`FINAL.signoff.html` are written beside the output and hold no real name
from the key: counts by type, codes (never the names behind them), hashes,
and each dismissed finding's text only when no key name is in it.

`split_signed_off` is what `scr verify FINAL --signoff FINAL.signoff.json`
does with it: findings the record dismissed (same type and text, as many
times as recorded) are reported as accepted; everything else counts as usual.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from .. import __version__
from ..deid.keyfile import Key
from ..errors import UnusableInput

FORMAT_SIGNOFF = "scr-signoff/1"


def text_sha256(text: str) -> str:
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


def key_name_pattern(keys: Iterable[Key]) -> re.Pattern | None:
    """Every name listed in the keys, as whole words (case as written: "Rose" the name, not "rose")."""
    names = sorted({n for key in keys for p in key.people for n in p.names if len(n) >= 2}, key=len, reverse=True)
    if not names:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(n) for n in names) + r")(?!\w)")


def holds_key_name(text: str, pattern: re.Pattern | None) -> bool:
    return bool(pattern is not None and text and pattern.search(text))


def dismissed_entries(dismissed: list, pattern: re.Pattern | None) -> list[dict]:
    """Dismissed findings as recorded: text shown unless it holds a key name (then only its hash)."""
    out = []
    for item, reason in dismissed:
        shown = None if holds_key_name(item.proposed, pattern) else " ".join(item.proposed.split())
        out.append(
            {
                "id": item.id,
                "type": item.type,
                "severity": item.severity,
                "rule": item.rule,
                "text": shown,
                "text_sha256": text_sha256(item.proposed),
                "reason": reason,
                "why_flagged": item.reason,
            }
        )
    return out


def build_record(
    *,
    review,
    applied,
    decisions,
    reviewer: str,
    draft: Path,
    out: Path,
    out_sha256: str,
    key_before: str | None,
    key_after: str | None,
    verify_findings: list,
    fail_on: str,
    pattern: re.Pattern | None,
    policy_path: Path | None,
    codes: list[str],
) -> dict[str, Any]:
    """The sign-off record (a JSON-ready dict)."""
    from ..deid.policy import SEVERITY_RANK

    entries = dismissed_entries(applied.dismissed, pattern)
    accepted, open_ = split_findings(verify_findings, entries)
    counts = applied.counts
    return {
        "format": FORMAT_SIGNOFF,
        "review_id": review.review_id,
        "signed_off_by": reviewer,
        "signed_at": dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "tool": {"name": "scr-pipeline", "version": __version__, "commands": ["scr review", "scr apply"]},
        "rules": review.rules,
        "model": review.model,
        "policy": {"file": policy_path.name if policy_path else None, "sha256": review.policy_sha256},
        "input": {"name": draft.name, "sha256": review.report.source.sha256},
        "output": {"name": out.name, "sha256": out_sha256},
        "key": {
            "sha256_before": key_before,
            "sha256_after": key_after,
            "codes_added": [p["code"] for p in applied.new_people],
            "codes": list(codes),
        },  # the codes the output may use (printed in it anyway), declared to verify --signoff
        "decisions": {"sha256": decisions.sha256, "items": len(review.items), "decided": len(decisions.by_id)},
        "replacements": {
            "proposed": len(review.result.replacements),
            "in_output_by_type": dict(sorted(Counter(e.type for e in applied.edits).items())),
            "accepted": counts["accepted"],
            "reverted": counts["reverted"],
            "code_changed": counts["code_changed"],
            "added_person_mentions": counts["added_person_mentions"],
        },
        "findings": {
            "on_coded_text": sum(1 for i in review.items if i.kind == "finding"),
            "dismissed": counts["findings_dismissed"],
            "replaced_with_placeholder": counts["findings_replaced"],
            "undecided": counts["findings_undecided"],
        },
        "dismissed": entries,
        "verify": {
            "fail_on": fail_on,
            "findings": len(verify_findings),
            "accepted_as_dismissed": len(accepted),
            "open_by_severity": dict(Counter(f.severity for f in open_)),
            "open": [
                {"type": f.type, "severity": f.severity, "line": f.line, "col": f.col, "rule": f.rule} for f in open_
            ],
            "passed": not any(SEVERITY_RANK[f.severity] >= SEVERITY_RANK[fail_on] for f in open_),
        },
    }


def split_findings(findings: list, entries: list[dict]) -> tuple[list[tuple[Any, dict]], list]:
    """(findings matched to a dismissed entry, the rest): same type and text, each entry used once."""
    pool: dict[tuple[str, str], list[dict]] = {}
    for e in entries:
        pool.setdefault((e["type"], e["text_sha256"]), []).append(e)
    accepted, rest = [], []
    for f in findings:
        bucket = pool.get((f.type, text_sha256(f.text)))
        if bucket:
            accepted.append((f, bucket.pop(0)))
        else:
            rest.append(f)
    return accepted, rest


# ---------------------------------------------------------------- reading a record (scr verify --signoff)
def load_record(path: Path) -> dict:
    """A sign-off record, checked enough to be used (exit 2 otherwise)."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise UnusableInput(f"sign-off record {path}: cannot read it ({exc.strerror})") from None
    except (UnicodeDecodeError, ValueError):
        raise UnusableInput(f"sign-off record {path}: not JSON") from None
    if (
        not isinstance(data, dict)
        or data.get("format") != FORMAT_SIGNOFF
        or not isinstance(data.get("dismissed"), list)
    ):
        raise UnusableInput(f"sign-off record {path}: not a {FORMAT_SIGNOFF} record written by scr apply")
    for e in data["dismissed"]:
        if not isinstance(e, dict) or not all(isinstance(e.get(k), str) for k in ("type", "text_sha256", "reason")):
            raise UnusableInput(f"sign-off record {path}: a dismissed finding lacks its type, text hash or reason")
    return data


def record_key(record: dict) -> Key:
    """The record's codes as a key without people: `verify --signoff` without --key knows them as declared."""
    codes = (record.get("key") or {}).get("codes") or []
    return Key(people=(), extra_codes=tuple(c for c in codes if isinstance(c, str)))


def split_signed_off(findings: list, record: dict, file: Path) -> tuple[list, list[tuple[Any, dict]], list[str]]:
    """(findings still counting, findings accepted by the record, notes such as a changed sha256)."""
    notes = []
    expected = (record.get("output") or {}).get("sha256")
    actual = hashlib.sha256(Path(file).read_bytes()).hexdigest()
    if expected != actual:
        notes.append(f"{file} changed after sign-off: sha256 {actual} (the record signed {expected})")
    accepted, rest = split_findings(findings, record["dismissed"])
    return rest, accepted, notes


def accepted_lines(accepted: list[tuple[Any, dict]], filename: str) -> list[str]:
    return [
        f"{filename}:{f.line}:{f.col}: accepted {f.type} '{' '.join(f.text.split())}' — signed off: {e['reason']}"
        for f, e in accepted
    ]


# ---------------------------------------------------------------- the readable page
def _template() -> str:
    return (resources.files(__package__) / "templates" / "signoff.html").read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def _environment():
    from jinja2 import Environment, StrictUndefined

    return Environment(autoescape=True, undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)


def render_html(record: dict) -> str:
    """FINAL.signoff.html: the record for people, self-contained, no script."""
    return _environment().from_string(_template()).render(r=record)
