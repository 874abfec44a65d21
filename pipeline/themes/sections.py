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


def _covers(pattern: re.Pattern, title: str) -> bool:
    """Whether the role words make up most of the title ("Glossary", not "Key events")."""
    words = re.findall(r"[A-Za-z]{3,}", title)
    matched = sum(len(re.findall(r"[A-Za-z]{3,}", m.group(0))) for m in pattern.finditer(title))
    return bool(words) and matched * 2 > len([w for w in words if w.lower() not in _FILLER])


_FILLER = {"the", "and", "for", "this", "with", "from", "into", "appendix", "section", "part", "review", "report"}


def role_of_title(title: str, roles: SectionRoles | None = None) -> SectionRole | None:
    """The role a section title names, if any ("6.2 Wider Findings" -> findings).

    A role that silences a section (weight 0: method, glossary, references)
    must name most of the title, because one word in a longer title ("Key
    events", "Family history and learning") says little about what is under it.
    """
    roles = roles or load_section_roles()
    for role, pattern in _role_patterns(roles):
        if pattern.search(title) and (role.weight > 0 or _covers(pattern, title)):
            return role
    return None


def section_role(report: Report, offset: int, roles: SectionRoles | None = None,
                 local_title: str | None = None, ignore: frozenset[int] = frozenset(),
                 local_title_start: int | None = None) -> tuple[SectionRole, Section | None]:
    """The role and weight for a paragraph at `offset`, and its innermost section.

    `local_title` is the nearest title-like line above the paragraph (a heading
    the structure pass may have missed); when the detected sections name no
    role, it is tried before falling back to the default.  `ignore` holds the
    heading offsets of sections not to trust (a contents line such as
    "6. Glossary ..... 14" taken for a heading would silence the whole report).
    A local title below the innermost section's heading (`local_title_start`)
    is a heading the structure pass missed ("7. Findings" read as a numbered
    paragraph under "3. Narrative"), so a role it names comes first.
    """
    roles = roles or load_section_roles()
    chain = [s for s in enclosing_sections(report, offset) if s.heading_start not in ignore] if report.sections else []
    if local_title and local_title_start is not None and chain and local_title_start > chain[0].heading_start:
        role = role_of_title(local_title, roles)
        if role is not None:
            return role, chain[0]
    for section in chain:
        if section.title.rstrip().endswith("?"):
            continue  # a line-of-enquiry question ("2.3 How were the father and the family involved?") names a topic, not a role
        role = role_of_title(section.title, roles)
        if role is not None:
            return role, chain[0]
    if local_title:
        role = role_of_title(local_title, roles)
        if role is not None:
            return role, (chain[0] if chain else None)
    return (roles.default if report.sections else roles.unsectioned), (chain[0] if chain else None)
