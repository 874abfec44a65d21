"""Structure detection: from normalised text to a `Report`.

`build_report` finds the contents table, headings and the section tree,
paragraphs (text, bullets, numbered items, table rows), the key of role codes,
footnotes, KPE markers, the report's own abbreviation definitions and the
cover metadata, and decides each section's role (chronology, background,
analysis, findings, method, ...: `roles`), which later stages read instead of
classifying titles again.  Each detector is a small module of its own, driven
by data in `models/structure/`; shared words (titles, months, KPE patterns)
come from `pipeline.lexicon`.
"""

from __future__ import annotations

import re

from ..lexicon import kpe
from ..report import (
    Abbreviation,
    Footnote,
    KeySource,
    KpeMarker,
    Paragraph,
    ParagraphKind,
    Report,
    RoleEntry,
    Section,
    Source,
)
from . import abbreviations, chrome, footnotes, headings, key, metadata, naming, roles
from .lines import Line, blocks, split_lines, trimmed_span

KPE_MARKER_RE = kpe().marker  # models/lexicon/kpe.yaml
NUMBERED_ITEM_RE = re.compile(r"^\s*(\d{1,2}(?:\.\d{1,2}){0,3})[.)]?\s+\S")


def build_report(text: str, source: Source, site: str | None = None) -> Report:
    """Detect the structure of a normalised review text (`site`: the board a sharing page named as its site)."""
    lines = split_lines(text)
    all_blocks = blocks(lines)
    teasers = chrome.teaser_lines(lines)  # a transcript's "Page 1: TITLE ...€¦ · <a sentence from page 30>"
    readable = chrome.masked(text, lines, teasers)
    contents = headings.contents_lines(lines) - teasers
    notes = footnotes.find_footnote_texts(all_blocks)
    note_lines = {i for note in notes for i in note.lines} - teasers
    skip = contents | note_lines | teasers
    cells = key.table_cell_lines(
        [ln for ln in lines if ln.index not in skip]
    )  # a family table's cells are not headings
    heading_cands = headings.find_headings(lines, skip | cells, contents)
    heading_lines = {c.line.index for c in heading_cands}
    key_lines = key.find_key(lines, all_blocks, skip | heading_lines)
    sections = build_sections(heading_cands, len(text))
    report = Report(text=text, source=source, sections=sections)
    report.key = [_role_entry(k, report) for k in key_lines]
    report.footnotes = _footnotes(text, notes)
    report.key += _inline_entries(readable, report, skip, lines)
    report.kpe_markers = [
        KpeMarker(start=m.start(), end=m.end(), label=kpe().label(m[1]), number=int(m[1]))
        for m in KPE_MARKER_RE.finditer(text)
    ]
    kinds = _line_kinds(contents, note_lines, heading_lines, {k.line.index for k in key_lines}, teasers)
    report.paragraphs = build_paragraphs(all_blocks, kinds, report)
    report.abbreviations = [
        Abbreviation(start=d.start, end=d.end, abbr=d.abbr, expansion=d.expansion)
        for d in abbreviations.find_definitions(text)
    ]
    subject = next((k.code for k in report.key if k.subject), None)
    child = next(
        (k.code for k in report.key if re.search(metadata.child_descriptions(), k.description, re.IGNORECASE)), None
    )
    report.metadata = metadata.extract_metadata(readable, lines, subject, skip, child, site)
    if not key_lines:  # a review with a key list or table declares its own codes
        report.key += _subject_entry(readable, report)
    return report


def _subject_entry(text: str, report: Report) -> list[RoleEntry]:
    """The subject child's code as the cover or title gives it ("Child M", "Family S4", "Sofia"), when
    no key line or sentence declared it: the review declares it by naming the review after it.  These
    entries say `source="cover_subject"`, so a consumer can tell them from codes the text declares, except
    a given name in a review that says its children go by other names ("the children have been given
    different names"): that statement declares the cover's name too, as a pseudonym (`_subject_source`)."""
    code = report.metadata.subject_child
    same = [e for e in report.key if e.code.casefold() == (code or "").casefold()]
    for entry in same:
        # declared by use only ("Baby N" ⇒ "Baby", as written), not by "the child … known as Child R"
        if entry.description == entry.code.split()[0] and _cover_names(text, entry.code, report.metadata.title):
            entry.description, entry.subject, entry.source = "subject of the review", True, "cover_subject"
        elif entry.description == entry.code.split()[0]:
            entry.description, entry.subject = "subject of the review", True  # no cover: the prose declares it
        elif entry.kind == "family" and not any(e.subject and e.kind == "family" for e in report.key):
            entry.subject = True  # "a boy aged three, hereafter Child W" in a review named after Child W
    if not code or same or any(e.subject and e.kind == "family" for e in report.key):
        return []
    out = []
    names = report.metadata.subjects or metadata.subject_names(code)  # "SUBJECTS ⏎ Mia and Leo", "Ruby/Maya"
    for one in names + _sibling_codes(code, report.metadata.title):  # "KL1 & KL2"
        m = re.search(rf"(?<![\w-]){re.escape(one)}(?![\w-])", text) or re.search(
            rf"(?<![\w-]){re.escape(one)}(?![\w-])", text, re.IGNORECASE
        )
        if m is None:
            continue
        section = report.section_at(m.start())
        out.append(
            RoleEntry(
                start=m.start(),
                end=m.end(),
                code=one,
                description="subject of the review",
                kind="family",
                subject=True,
                section=section.number if section else None,
                code_start=m.start(),
                code_end=m.end(),
                pseudonym=key.is_pseudonym(one),
                source=_subject_source(one, report),
            )
        )
    return out


def _cover_names(text: str, code: str, title: str | None) -> bool:
    """Does a cover or title name `code`: a line that is not running text holds it, or the title as read does
    ("CD Serious Case Review" for "Child CD")?  A learning summary or a page with no cover ("Following a normal
    pregnancy, Child A was born ...") uses the code only in sentences: the text declares it by use, there is no
    cover for it to be named on (`naming._prose_line`, `_runs_on`)."""
    index = code.split()[-1]
    if title and re.search(rf"(?<![\w-]){re.escape(index)}(?![\w-])", title):
        return True
    uses = re.finditer(rf"(?<![\w-]){re.escape(code)}(?![\w-])", text)
    return any(not naming._prose_line(text, m.start()) and not _runs_on(text, m.start()) for m in uses)


def _runs_on(text: str, offset: int) -> bool:
    """The line at `offset` holds a sentence end followed by another sentence ("... Child A's father. Agencies
    should ..."): running text cut short by the page, not a cover line."""
    start, end = text.rfind("\n", 0, offset) + 1, text.find("\n", offset)
    return bool(re.search(r"[.!?]\s+[A-Z]", text[start : end if end >= 0 else len(text)]))


def _subject_source(code: str, report: Report) -> KeySource:
    """ "declared" for the subject's given name in a review whose text says the names it uses are not the real
    ones (`metadata.pseudonyms_declared`): the statement covers every child's name, the cover's included.  A
    code ("Child M") or a review that says nothing about its names keeps "cover_subject"."""
    return "declared" if report.metadata.pseudonyms_declared and key.is_pseudonym(code) else "cover_subject"


def _sibling_codes(code: str, title: str | None) -> list[str]:
    """The other subjects a title joins to the subject's code, in the same shape ("concerning KL1 & KL2",
    "Child A and Child B"): each is a code the review declares by naming the review after it."""
    if not title:
        return []
    m = re.fullmatch(r"(?P<word>(?:[A-Z][a-z]+\s+){0,2})(?P<id>[A-Z]{1,3}[0-9]{0,2}|[0-9]{1,2})", code)
    if m is None:
        return []
    word = re.escape(m["word"].strip())
    shape = r"[A-Z]{1,3}[0-9]{1,2}" if re.search(r"[0-9]", m["id"]) and m["id"][0].isalpha() else r"[A-Z0-9]{1,3}"
    other = rf"(?:{word}\s+)?{shape}" if word else shape
    joined = re.search(rf"(?<![\w-]){re.escape(code)}((?:\s*(?:,|&|\band\b|/)\s*{other})+)(?![\w-])", title)
    if joined is None:
        return []
    found = re.findall(rf"(?:{word}\s+)?{shape}" if word else shape, joined.group(1))
    prefix = m["word"].strip()
    return [f if not prefix or f.startswith(prefix) else f"{prefix} {f}" for f in found]


def build_sections(cands: list[headings.HeadingCandidate], text_length: int) -> list[Section]:
    """Sections from accepted headings; each runs to the next heading of its level or higher."""
    sections: list[Section] = []
    for i, cand in enumerate(cands):
        start, end = trimmed_span(cand.line)
        level = cand.level or 1
        stop = next((c.line.start for c in cands[i + 1 :] if (c.level or 1) <= level), text_length)
        title = cand.title if cand.number is None or not cand.title.startswith(cand.number) else cand.title
        sections.append(
            Section(
                start=start,
                end=stop,
                number=cand.number,
                title=title,
                level=level,
                heading_start=start,
                heading_end=end,
                kpe=cand.kpe,
                role=roles.role_of_title(title),
            )
        )
    return sections


def _line_kinds(
    contents: set[int], notes: set[int], heads: set[int], keys: set[int], teasers: set[int]
) -> dict[int, ParagraphKind]:
    kinds: dict[int, ParagraphKind] = {}
    sources: tuple[tuple[ParagraphKind, set[int]], ...] = (
        ("chrome", teasers),
        ("contents", contents),
        ("footnote", notes),
        ("heading", heads),
        ("key", keys),
    )
    for kind, indexes in sources:
        for index in indexes:
            kinds.setdefault(index, kind)
    return kinds


def _line_kind(line: Line, kinds: dict[int, ParagraphKind]) -> ParagraphKind:
    if line.index in kinds:
        return kinds[line.index]
    if line.is_bullet:
        return "bullet"
    if line.is_table_row:
        return "table_row"
    if NUMBERED_ITEM_RE.match(line.text):
        return "numbered"
    return "text"


def build_paragraphs(all_blocks: list[list[Line]], kinds: dict[int, ParagraphKind], report: Report) -> list[Paragraph]:
    """One paragraph per prose block; bullets, numbered items, rows and headings on their own.

    A wrapped continuation line (plain text after a bullet or numbered item in
    the same block) stays with the item it continues.
    """
    paragraphs: list[Paragraph] = []
    for block in all_blocks:
        group: list[Line] = []
        group_kind: ParagraphKind = "text"  # read only once the group holds a line, which sets it
        for line in block:
            kind = _line_kind(line, kinds)
            continues = kind == "text" and group_kind in ("text", "bullet", "numbered")
            if group and continues:
                group.append(line)
                continue
            if group:
                paragraphs.append(_paragraph(group, group_kind, report))
            group, group_kind = [line], kind
        if group:
            paragraphs.append(_paragraph(group, group_kind, report))
    return paragraphs


def _paragraph(group: list[Line], kind: ParagraphKind, report: Report) -> Paragraph:
    start, _ = trimmed_span(group[0])
    _, end = trimmed_span(group[-1])
    section = report.section_at(start)
    section_id = None
    if section is not None:
        section_id = section.number or section.title
    number = None
    if kind == "numbered":
        m = NUMBERED_ITEM_RE.match(group[0].text)
        number = m.group(1) if m else None
    kpe = next((m.label for m in report.kpe_markers if start <= m.start < end), None)
    return Paragraph(start=start, end=end, section=section_id, kind=kind, kpe=kpe, number=number)


def _role_entry(k: key.KeyLine, report: Report) -> RoleEntry:
    start, end = trimmed_span(k.line)
    section = report.section_at(start)
    return RoleEntry(
        start=start,
        end=end,
        code=k.code,
        description=k.description,
        kind=k.kind,
        subject=k.subject,
        section=section.number if section else None,
        code_start=k.code_start,
        code_end=k.code_start + len(k.code),
        pseudonym=k.pseudonym,
    )


def _inline_entries(text: str, report: Report, skip: set[int], lines: list[Line]) -> list[RoleEntry]:
    """Codes declared in running text that the key lists and tables did not declare."""
    declared = {e.code for e in report.key}
    skipped = [(lines[i].start, lines[i].end) for i in skip]
    out = []
    used = key.find_used_codes(text) if not report.key else []  # a review with a key list declares its own
    # the general naming reader (naming.py) after the older shapes: a code those declared keeps its declaration;
    # a code shown only by its use ("Baby Q" twice) comes after both, so a sentence naming the person ("the child,
    # referred to as Baby Q") gives the entry its description and makes it a declaration, not a use
    older = [*key.find_inline(text, weak=not report.key), *key.find_marked_names(text)]
    footnoted = naming.find_footnote_codes(text, report.footnotes)  # declared in a note, a line `skip` leaves out
    named = [*naming.find_named(text), *footnoted, *used]
    role_codes = []
    if not report.key:
        role_codes = naming.find_role_codes(text, {d.code for d in older})
        role_codes += naming.find_apposed_codes(text, {d.code for d in [*older, *role_codes]})
        role_codes += naming.find_apposed_initials(text, {d.code for d in [*older, *role_codes]})
        role_codes += naming.find_title_codes(text, {d.code for d in [*older, *named, *role_codes]})
        role_codes += naming.find_quoted_names(text, {d.code for d in [*older, *named, *role_codes]})
        role_codes += naming.find_setting_codes(text, {d.code for d in [*older, *named, *role_codes]})
    for d in [*older, *named, *role_codes]:
        in_skipped = any(a <= d.start < b for a, b in skipped) and not any(d is f for f in footnoted)
        if d.code.casefold() in {c.casefold() for c in declared} or in_skipped:
            continue
        declared.add(d.code)
        section = report.section_at(d.start)
        out.append(
            RoleEntry(
                start=d.start,
                end=d.end,
                code=d.code,
                description=d.description,
                kind=d.kind,
                subject=d.subject,
                section=section.number if section else None,
                code_start=d.code_start,
                code_end=d.code_start + len(d.code),
                pseudonym=d.pseudonym,
                source="cover_subject" if d.source == "cover_subject" else "declared",
            )
        )
    return out


def _footnotes(text: str, notes: list[footnotes.FootnoteText]) -> list[Footnote]:
    markers = footnotes.find_markers(text, [(n.start, n.end) for n in notes])
    markers = footnotes.drop_unmatched_glued(markers, text, notes)
    out = []
    for note, marker in footnotes.link(notes, markers):
        out.append(
            Footnote(
                marker=note.marker,
                text=note.text,
                start=note.start,
                end=note.end,
                marker_start=marker[0] if marker else None,
                marker_end=marker[1] if marker else None,
            )
        )
    return out
