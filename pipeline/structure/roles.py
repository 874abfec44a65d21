"""What a section is (its role), decided once from its title.

The role (chronology, background, analysis, findings, method, ...) is stored on each
section of `report.json` (`Section.role`); events and themes read it and apply their own
policy to it, so the two stages can no longer disagree about what a section is.  The words
of each role and the order they are tried in are data: `models/structure/section_roles.yaml`.
Heading lines the structure did not make sections are classified by the same `role_of_title`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..resources import load_yaml

_WORD = re.compile(r"[a-z]{3,}")


@dataclass(frozen=True)
class RoleRule:
    """One role and the title words that name it."""

    role: str
    pattern: re.Pattern[str]
    must_cover: bool


@dataclass(frozen=True)
class RoleRules:
    """The section roles' data, compiled."""

    version: str
    review_types: tuple[re.Pattern[str], ...]
    question_role: str | None
    filler: frozenset[str]
    rules: tuple[RoleRule, ...]

    @property
    def roles(self) -> tuple[str, ...]:
        """Every role a title can name, in the order they are tried."""
        return tuple(r.role for r in self.rules)


def _word_pattern(words: list[str]) -> re.Pattern[str]:
    """Whole words, or prefixes for words ending in "*", longest first."""
    parts = sorted(words, key=len, reverse=True)
    alts = [re.escape(w[:-1]) + r"\w*" if w.endswith("*") else re.escape(w) for w in parts]
    return re.compile(r"\b(?:" + "|".join(alts) + r")\b")


@lru_cache(maxsize=1)
def role_rules() -> RoleRules:
    """The rules of models/structure/section_roles.yaml, read once."""
    data = load_yaml("structure", "section_roles.yaml")
    rules = tuple(
        RoleRule(str(r["role"]), _word_pattern([str(w).lower() for w in r["words"]]), bool(r.get("must_cover")))
        for r in data["roles"]
    )
    return RoleRules(
        str(data["version"]),
        tuple(re.compile(p) for p in data.get("review_types", ())),
        data.get("question_role"),
        frozenset(data.get("filler", ())),
        rules,
    )


def _normalised(title: str, rules: RoleRules) -> str:
    text = title.lower().replace("’", "'").replace("‘", "'")
    for pattern in rules.review_types:
        text = pattern.sub(" ", text)
    return text


def _covers(pattern: re.Pattern[str], text: str, filler: frozenset[str]) -> bool:
    """Whether the role's words make up most of the title ("Glossary", not "Key events")."""
    words = [w for w in _WORD.findall(text) if w not in filler]
    matched = sum(len(_WORD.findall(m.group(0))) for m in pattern.finditer(text))
    return bool(words) and matched * 2 > len(words)


@lru_cache(maxsize=4096)
def role_of_title(title: str) -> str | None:
    """The role a section title names ("6.2 Wider Findings" -> "findings"), or None.

    A question is a line of enquiry (`question_role`); otherwise the first role whose word
    is in the title, where a `must_cover` role must name most of it.
    """
    rules = role_rules()
    if title.rstrip().endswith("?"):
        return rules.question_role
    text = _normalised(title, rules)
    for rule in rules.rules:
        if rule.pattern.search(text) and (not rule.must_cover or _covers(rule.pattern, text, rules.filler)):
            return rule.role
    return None
