"""Which kind of section a paragraph sits in, and how much its themes weigh.

What a section is (its role) is decided once by structure and stored on the
section (`Section.role`, from `models/structure/section_roles.yaml`); this module
is themes' policy over it: a weight per role (`models/themes_sections.yaml`).
Findings and recommendations carry a review's learning; background and
chronology use the same words as narrative.  A section whose title names no
role takes the role of its parent, because numbering differs between reviews
and a sub-section titled with an agency's name ("5.5.2 CAFCASS") inherits the
role of its parent ("5 Learning drawn from the terms of reference").
"""

from __future__ import annotations

from ..report import Report, Section
from ..structure.roles import role_of_title as _title_role
from .taxonomy import SectionRole, SectionRoles, load_section_roles


def _weighted(role: str | None, roles: SectionRoles) -> SectionRole | None:
    """Themes' entry (role and weight) for a stored role."""
    if role is None:
        return None
    for entry in roles.roles:
        if entry.role == role:
            return entry
    raise ValueError(f"themes_sections.yaml gives no weight to the section role {role!r}")


def enclosing_sections(report: Report, offset: int) -> list[Section]:
    """Sections containing `offset`, innermost first."""
    found = [s for s in report.sections if s.start <= offset < s.end]
    return sorted(found, key=lambda s: (-s.level, -s.start))


def role_of_title(title: str, roles: SectionRoles | None = None) -> SectionRole | None:
    """The role a title names, with its weight ("6.2 Wider Findings" -> findings)."""
    return _weighted(_title_role(title), roles or load_section_roles())


def section_role(
    report: Report,
    offset: int,
    roles: SectionRoles | None = None,
    local_title: str | None = None,
    ignore: frozenset[int] = frozenset(),
    local_title_start: int | None = None,
) -> tuple[SectionRole, Section | None]:
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
        role = _weighted(section.role, roles)
        if role is not None:
            return role, chain[0]
    if local_title:
        role = role_of_title(local_title, roles)
        if role is not None:
            return role, (chain[0] if chain else None)
    return (roles.default if report.sections else roles.unsectioned), (chain[0] if chain else None)
