"""Findings for what a draft carries outside its visible text.

`scr verify` scans `report.text`; a Word draft that reads clean can still
carry real names in comments, tracked changes, hidden text, document
properties, headers and the embedded thumbnail.  The Word reader lists those
as `report.hidden`; `hidden_findings(report)` turns each into a finding in
verify's shape, with a `location` people can act on ("comment 3 by …",
"tracked deletion in paragraph 41").  Their offsets are -1: they are not in
the text.

Severity comes from the policy (`severity:` in ``models/policy.yaml``), by
finding type, like every other finding: a property naming a person (author,
last modified by) is DOCUMENT_PROPERTY_PERSON, and a part that contains a name
given in `names` (e.g. the key's) is KEY_NAME's severity whatever its kind.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..report import HiddenPart, Report
from .policy import Policy, load_policy

TYPES = {
    "comment": "HIDDEN_COMMENT",
    "tracked_insertion": "TRACKED_INSERTION",
    "tracked_deletion": "TRACKED_DELETION",
    "hidden_text": "HIDDEN_TEXT",
    "property": "DOCUMENT_PROPERTY",
    "custom_property": "CUSTOM_PROPERTY",
    "thumbnail": "THUMBNAIL",
    "alt_text": "IMAGE_DESCRIPTION",
    "header": "HEADER",
    "footer": "FOOTER",
}
REASONS = {
    "comment": "a comment travels with the file and often names people",
    "tracked_insertion": "a tracked change keeps its author and may hold text the final version drops",
    "tracked_deletion": "deleted text is still in the file and can be shown by anyone",
    "hidden_text": "hidden text is in the file though not displayed",
    "property": "document properties are shown by every file browser",
    "custom_property": "custom document properties travel with the file",
    "thumbnail": "the embedded preview is a picture of the first page as it was last saved",
    "alt_text": "an image description is read out by screen readers",
    "header": "a running header is outside the text that was checked",
    "footer": "a running footer is outside the text that was checked",
}


def _severity(part: HiddenPart, named: bool, policy: Policy) -> str:
    """The policy's severity for this part's type; a person's property and a key name have their own."""
    if named:
        return policy.severity_of("KEY_NAME")
    if part.kind == "property" and part.author:
        return policy.severity_of("DOCUMENT_PROPERTY_PERSON")
    return policy.severity_of(_type(part))


def _type(part: HiddenPart) -> str:
    return TYPES.get(part.kind, part.kind.upper())


def _names_in(text: str, patterns: list[re.Pattern]) -> bool:
    return any(p.search(text) for p in patterns)


def hidden_findings(report: Report, names: Iterable[str] = (), policy: Policy | None = None) -> list[dict]:
    """One finding per hidden part: {text, type, start, end, line, col, severity, reason, rule, location}.

    `names`: real names known to the caller (a key's); a part that contains
    one takes KEY_NAME's severity whatever its kind, and its reason says so.
    `policy`: the verify policy (the default one when not given).
    """
    policy = policy or load_policy()
    patterns = [re.compile(rf"(?<!\w){re.escape(n)}(?!\w)", re.IGNORECASE) for n in names if n and len(n.strip()) >= 2]
    findings = []
    for part in report.hidden:
        named = _names_in(f"{part.text} {part.author or ''}", patterns) if patterns else False
        reason = REASONS.get(part.kind, "a part of the file outside its visible text")
        if part.author and part.kind != "property":
            reason += "; it records its author"
        if named:
            reason = "contains a name from the key; " + reason
        findings.append(
            {
                "text": part.text or part.author or "",
                "type": _type(part),
                "start": -1,
                "end": -1,
                "line": 0,
                "col": 0,
                "severity": _severity(part, named, policy),
                "reason": reason,
                "rule": f"hidden:{part.kind}",
                "location": part.location,
            }
        )
    return findings
