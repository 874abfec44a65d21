"""Which kind of section a paragraph sits in, and how much its themes weigh.

Findings and recommendations carry a review's learning; background and
chronology use the same words as narrative.  Roles are found from title words
(data in `models/themes_sections.yaml`), trying the innermost titled section
first and then its parents, because numbering differs between reviews and a
sub-section titled with an agency's name ("5.5.2 CAFCASS") inherits the role of
its parent ("5 Learning drawn from the terms of reference").
"""
from __future__ import annotations

import re
from ..report import Report, Section
from .taxonomy import SectionRole, SectionRoles, load_section_roles


_PATTERNS: dict[int, list[tuple[SectionRole, re.Pattern]]] = {}


def _role_patterns(roles: SectionRoles) -> list[tuple[SectionRole, re.Pattern]]:
    if id(roles) in _PATTERNS:
        return _PATTERNS[id(roles)]
    out = []
    for role in roles.roles:
        words = sorted(role.title_words, key=len, reverse=True)
        out.append((role, re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b", re.IGNORECASE)))
    _PATTERNS[id(roles)] = out
    return out


def enclosing_sections(report: Report, offset: int) -> list[Section]:
    """Sections containing `offset`, innermost first."""
    found = [s for s in report.sections if s.start <= offset < s.end]
    return sorted(found, key=lambda s: (-s.level, -s.start))


def role_of_title(title: str, roles: SectionRoles | None = None) -> SectionRole | None:
    """The role a section title names, if any ("6.2 Wider Findings" -> findings)."""
    roles = roles or load_section_roles()
    for role, pattern in _role_patterns(roles):
        if pattern.search(title):
            return role
    return None


def section_role(report: Report, offset: int, roles: SectionRoles | None = None) -> tuple[SectionRole, Section | None]:
    """The role and weight for a paragraph at `offset`, and its innermost section."""
    roles = roles or load_section_roles()
    if not report.sections:
        return roles.unsectioned, None
    chain = enclosing_sections(report, offset)
    for section in chain:
        role = role_of_title(section.title, roles)
        if role is not None:
            return role, chain[0]
    return roles.default, (chain[0] if chain else None)
