"""Which paragraphs of a review are its narrated chronology.

Events are extracted from chronology and background sections, not from the
reviewer's evaluation, findings or recommendations (which re-mention dates
while discussing them).  The innermost heading whose role says which it is decides:
the role is what structure decided the section is (`Section.role`), and events' policy
over roles is data (models/dates/scope.yaml `roles`); headings are the report's sections and, because
structure detection is not always right, heading paragraphs and short heading-
like lines that say so, less the entries of a contents list.  Where headings
say nothing the chronology is recognised by its content: a section whose
paragraphs mostly open with a date, or a run of dated narrative paragraphs
across headings ("3. Pregnancy", "4. Birth and the first weeks").  Where no
chronology is recognised at all, the narrative body (not the cover, contents,
key, glossary, references or recommendations) is read, and a date then scopes
its own paragraph only (`Block.carry`); there a section excluded only as a
duplicate of a chronology ("1.1 The incident") is read too.  An excluding
heading above any prose that is no part of the review's apparatus is the title
of a page, slide or document ("Lessons from Local Reviews") and excludes
nothing.  Paragraphs cut in two by a footnote
or page break are joined back ("A cognitive" ... "assessment of EM was
commissioned..."), so a KPE marker at the end covers the whole.
"""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field, replace
from functools import lru_cache

from ..lexicon import kpe, superscript_digits
from ..resources import load_yaml
from ..structure.roles import role_of_title
from .candidates import find_candidates
from .masks import INNER_END_RE

CONTENT_KINDS = {"text", "numbered", "bullet", "table_row"}
ABSOLUTE_KINDS = {"day", "range", "week_of", "month_part", "month", "year", "year_range"}
POINT_KINDS = {"rel_same", "rel_next", "rel_prev", "rel_offset", "day_only", "weekday"}
KPE_RE = kpe().marker  # models/lexicon/kpe.yaml
TERMINAL_RE = re.compile(rf"[.!?:;\"'’”)\]]\s*[\d{superscript_digits()}]*\s*$")


@lru_cache(maxsize=1)
def scope_config() -> dict:
    return load_yaml("dates", "scope.yaml")


@dataclass
class Block:
    """A logical paragraph: one or more report paragraphs read as one."""

    parts: list[tuple[int, int]]
    kind: str
    kpe: str | None = None
    section: object | None = None
    extra: dict = field(default_factory=dict)
    # whether a date narrated here may carry to later undated paragraphs (a
    # recognised chronology), and whether a heading, footnote or table stands
    # between this block and the one before (a carried date stops there)
    carry: bool = True
    after_break: bool = False
    # read beside a recognised chronology only for the case's own date (an introduction)
    alone: bool = False
    # the document's title line, read only for a happening it names with its date
    title: bool = False

    @property
    def start(self) -> int:
        return self.parts[0][0]

    @property
    def end(self) -> int:
        return self.parts[-1][1]

    def contains(self, start: int, end: int) -> bool:
        return any(s <= start and end <= e + 1 for s, e in self.parts)


def role_decision(role: str | None) -> bool | None:
    """Events' policy for a section role: True (read), False (not) or None (the content
    decides); scope.yaml `roles`.  What a section is comes from structure (`Section.role`)."""
    policy = scope_config()["roles"]
    if role in policy["read"]:
        return True
    if role in policy["skip"]:
        return False
    return None


def heading_decision(title: str) -> bool | None:
    """The decision for a heading line the structure did not make a section: its title's
    role, by the rules that gave every section its stored role."""
    return role_decision(role_of_title(title))


def is_soft_exclusion(role: str | None) -> bool:
    """A section excluded only as a duplicate of the chronology ("The incident", "Incident
    leading to the review"): where no chronology is recognised, that section is the
    narrative (scope.yaml `fallback_roles`)."""
    return role in scope_config()["fallback_roles"]


def section_chain(report, offset: int) -> list:
    """Sections containing `offset`, innermost first."""
    chain = [s for s in report.sections if s.start <= offset < s.end]
    return sorted(chain, key=lambda s: (-s.level, -s.start))


def opens_with_date(text: str) -> bool:
    head = text[: scope_config()["density"]["opening_chars"]]
    return any(c.kind in ABSOLUTE_KINDS or c.kind.startswith("rel_") for c in find_candidates(head))


def paragraphs_of(report) -> list:
    """The report's paragraphs, or blank-line blocks when ingest gave none."""
    if report.paragraphs:
        return report.paragraphs
    from ..report import Paragraph

    found = []
    for match in re.finditer(r"\S(?:.*\S)?(?:\n(?!\s*\n).*\S)*", report.text):
        found.append(
            Paragraph(start=match.start(), end=match.end(), kind="table_row" if "\t" in match.group() else "text")
        )
    return found


def _dense_sections(report, paragraphs) -> set[int]:
    """Sections (by start offset) whose paragraphs mostly open with a date."""
    cfg = scope_config()["density"]
    stats: dict[int, list[int]] = {}
    for para in paragraphs:
        if para.kind not in CONTENT_KINDS:
            continue
        chain = section_chain(report, para.start)
        if not chain:
            continue
        counts = stats.setdefault(chain[0].start, [0, 0])
        counts[0] += 1
        counts[1] += opens_with_date(report.text[para.start : para.end])
    return {
        start
        for start, (n, dated) in stats.items()
        if n >= cfg["min_paragraphs"] and dated / n >= cfg["min_dated_share"]
    }


CONTENTS_ENTRY_RE = re.compile(
    r"(?:\.{2,}|…|\s)\s*(?:pages?\s*|pg\.?\s*)?\d{1,3}(?:\s*[-–]\s*\d{1,3})?\s*$", re.IGNORECASE
)
NUMBER_RE = re.compile(r"^\s*(\d{1,2}(?:\.\d{1,2})*)\.?\s+(?=\S)")
# a footnote the structure did not mark
FOOTNOTE_RE = re.compile(rf"\s*(?:[{superscript_digits()}]+|\[\d{{1,3}}\])\s*\S")
SENTENCE_END_RE = re.compile(r"[.!?;:]['\"’”)]?\s*$")


@dataclass
class Heading:
    """A heading the scope is decided by: its span, level and decision."""

    start: int
    end: int
    level: int
    title: str
    decision: bool | None
    role: str | None = None


def looks_like_heading(text: str) -> bool:
    """A short line that is a heading the structure did not mark ("What happened",
    "3. Summary of professional involvement"); a cover field ("Independent
    Author: ...") is not one."""
    stripped = NUMBER_RE.sub("", text.strip(), count=1)
    return (
        0 < len(stripped.split()) <= 8
        and "\n" not in stripped
        and "\t" not in stripped
        and ":" not in stripped
        and not SENTENCE_END_RE.search(stripped)
        and stripped[:1].isalnum()
        and not stripped[:1].islower()
    )


def _level(text: str) -> int:
    number = NUMBER_RE.match(text)
    return number.group(1).count(".") + 1 if number else 1


def _contents_spans(report, paragraphs) -> list[tuple[int, int]]:
    """The contents list's lines, less a last line without a page number that stands over
    prose ("About the author" read into the list above it): a heading of the body."""
    return [
        (p.start, p.end)
        for i, p in enumerate(paragraphs)
        if p.kind == "contents" and not _heads_prose(report, paragraphs, i)
    ]


def _heads_prose(report, paragraphs, index: int) -> bool:
    text = report.text[paragraphs[index].start : paragraphs[index].end]
    following = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
    return (
        following is not None
        and following.kind in CONTENT_KINDS
        and following.kind != "contents"
        and _is_prose(report.text[following.start : following.end])
        and looks_like_heading(text)
        and not CONTENTS_ENTRY_RE.search(text)
    )


def scope_headings(report, paragraphs) -> list[Heading]:
    """The headings of a report that decide scope, in text order.

    The report's sections, less entries of a contents list ("Introduction 3",
    "Narrative Pages 7-12"); then heading paragraphs and heading-like lines that
    the sections missed, where their words decide (include or exclude).
    """
    contents = _contents_spans(report, paragraphs)
    entries = [s for s in report.sections if CONTENTS_ENTRY_RE.search(s.title)]
    body = body_start(report, paragraphs)
    headings = []
    for section in report.sections:
        in_contents = any(a <= section.heading_start < b for a, b in contents)
        if in_contents or (len(entries) >= 3 and section in entries):
            continue
        decision = role_decision(section.role)
        if decision is False and section.heading_start < body and not is_apparatus(section.role):
            continue  # a page's or slide's title above any prose ("Lessons from Local Reviews"), not a section
        headings.append(
            Heading(section.heading_start, section.heading_end, section.level, section.title, decision, section.role)
        )
    spans = [(s.heading_start, s.heading_end) for s in report.sections]
    candidates = []
    for para in paragraphs:
        if any(a < para.end and para.start < b for a, b in spans + contents):
            continue
        text = report.text[para.start : para.end]
        heading_kind = para.kind == "heading" and not looks_like_prose(text)
        if heading_kind or (para.kind in ("text", "numbered", "contents") and looks_like_heading(text)):
            candidates.append((para, text))
    listed = [text for _, text in candidates if CONTENTS_ENTRY_RE.search(text)]
    first = next((p for p in paragraphs if report.text[p.start : p.end].strip()), None)
    for para, text in candidates:
        if len(listed) >= 3 and CONTENTS_ENTRY_RE.search(text):
            continue  # an entry of a contents list the structure did not mark
        title = NUMBER_RE.sub("", text, count=1).strip()
        decision = heading_decision(title)
        if decision is False and (para is first or (para.start < body and not is_apparatus(role_of_title(title)))):
            # the document's or page's own title ("Learning from local reviews") says what it all is, not a section
            continue
        if decision is not None:
            headings.append(Heading(para.start, para.end, _level(text), title, decision, role_of_title(title)))
    return sorted(headings, key=lambda h: h.start)


def body_start(report, paragraphs) -> int:
    """Where the body starts: the first paragraph of sentences (not a cover, title or contents line)."""
    return next((p.start for p in paragraphs if p.kind in CONTENT_KINDS and _is_prose(report.text[p.start : p.end])), 0)


def is_apparatus(role: str | None) -> bool:
    """The role of a part of the review's apparatus that may come before any prose
    ("Contents", "Glossary", "Terms of reference"): a section even above the body
    (scope.yaml `apparatus_roles`), unlike a page's, slide's or document's title
    ("Lessons from Local Reviews", "1. Learning from Reviews in Northmoor, J Baines"),
    which excludes nothing."""
    return role in scope_config()["apparatus_roles"]


def heading_decisions(paragraphs, headings: list[Heading]) -> list[bool | None]:
    """Per paragraph, the decision of the innermost heading above it that says something."""
    decisions: list[bool | None] = []
    stack: list[Heading] = []
    i = 0
    for para in paragraphs:
        while i < len(headings) and headings[i].start <= para.start:
            heading = headings[i]
            stack = [h for h in stack if h.level < heading.level] + [heading]
            i += 1
        decided = [h.decision for h in stack if h.decision is not None]
        decisions.append(decided[-1] if decided else None)
    return decisions


def paragraph_numbers(report) -> set[str]:
    """Numbers of the report's paragraphs and sections ("4.1.10"), which a dotted date can look like."""
    numbers = {p.number for p in report.paragraphs if p.number} | {s.number for s in report.sections if s.number}
    return {n.rstrip(".") for n in numbers}


LINE_NUMBER_RE = re.compile(r"(?m)^[ \t]*(\d{1,2}(?:\.\d{1,2}){2,})\.?[ \t]")


def is_paragraph_number(text: str, start: int, found: str, numbers: set[str]) -> bool:
    """A dotted "date" that numbers a paragraph: it opens its line and is one of the
    report's paragraph numbers, or the next or previous number opens another line."""
    if "." not in found or "/" in found:
        return False
    line_start = text.rfind("\n", 0, start) + 1
    if text[line_start:start].strip():
        return False
    if found in numbers:
        return True
    head, _, last = found.rpartition(".")
    neighbours = {f"{head}.{int(last) + 1}", f"{head}.{int(last) - 1}"}
    return any(m.group(1) in neighbours for m in LINE_NUMBER_RE.finditer(text))


def _first_sentence(text: str) -> str:
    match = re.search(r"[.!?](?:\s|$)", text)
    return text[: match.end() if match else scope_config()["runs"]["first_chars"]]


def _dated_runs(report, paragraphs, decisions, usable) -> set[int]:
    """Indices of paragraphs in runs of dated narrative paragraphs.

    A paragraph is dated when its first sentence has an absolute date; a run
    allows a few undated paragraphs between dated ones (`scope.yaml` runs) and
    counts when it has enough dated ones.  Headings the scope does not decide
    ("4. Birth and the first weeks") do not break a run.
    """
    cfg = scope_config()["runs"]
    numbers = paragraph_numbers(report)
    runs: set[int] = set()
    current: list[tuple[int, int]] = []  # (paragraph index, 2 dated / 1 relative / 0 undated)
    gap = 0

    def close():  # from the first dated paragraph to the last one dated or opening relative to one
        dated = [i for i, d in current if d == 2]
        if len(dated) >= cfg["min_dated"]:
            last = max(i for i, d in current if d)
            runs.update(i for i, _ in current if dated[0] <= i <= last)

    for index, para in enumerate(paragraphs):
        if not usable(para) or not (para.kind in CONTENT_KINDS or is_date_line(report.text[para.start : para.end])):
            continue
        if decisions[index] is not None:
            close()
            current, gap = [], 0
            continue
        text = report.text[para.start : para.end]
        kinds = {
            c.kind
            for c in find_candidates(_first_sentence(text))
            if not is_paragraph_number(report.text, para.start + c.start, c.text, numbers)
        }
        dated = 2 if kinds & ABSOLUTE_KINDS else 1 if kinds & POINT_KINDS else 0
        gap = 0 if dated else gap + 1
        if gap > cfg["max_gap"]:
            close()
            current, gap = [], 0
            continue
        current.append((index, dated))
    close()
    return runs


def chronology_blocks(report, scope: str = "chronology", mask=None) -> list[Block]:
    """Logical paragraphs to read events from, in text order.

    `scope="all"` reads every content paragraph of the report.  `mask` (a
    `masks.Mask`) marks page chrome and other document-date lines, which are
    skipped like footnotes: they do not end a paragraph they cut in two.
    """
    paragraphs = paragraphs_of(report)
    footnotes = [(f.start, f.end) for f in getattr(report, "footnotes", [])]

    def chrome(para) -> bool:
        text = report.text[para.start : para.end]
        return (
            para.kind == "footnote"
            or FOOTNOTE_RE.match(text) is not None
            or any(a <= para.start and para.end <= b for a, b in footnotes)
            or (mask is not None and mask.inside(para.start, para.end))
        )

    headings = scope_headings(report, paragraphs)
    decisions = heading_decisions(paragraphs, headings)
    if scope == "chronology":
        dense = _dense_sections(report, paragraphs)
        body = body_start(report, paragraphs)
        runs = _dated_runs(report, paragraphs, decisions, lambda p: not chrome(p) and p.start >= body)
        chosen = {
            i
            for i, p in enumerate(paragraphs)
            if decisions[i] is True
            or i in runs
            or (
                decisions[i] is None
                and (chain := section_chain(report, p.start))
                and chain[0].start in dense
                and role_decision(chain[0].role) is None
            )
        }
        carry, alone = True, set()
        if chosen:  # the case's own date told in the introduction ("It concerns Child P, taken to hospital on ...")
            alone = _introduction_dates(report, paragraphs, decisions, body) - chosen
            chosen |= alone
        if not chosen:  # no chronology recognised: the narrative body, each date scoping its own paragraph
            read = [
                replace(h, decision=None) if h.decision is False and is_soft_exclusion(h.role) else h for h in headings
            ]
            decisions = heading_decisions(paragraphs, read)  # "1.1 The incident" is then the story, not a duplicate
            chosen = {i for i, p in enumerate(paragraphs) if decisions[i] is not False and p.start >= body}
            chosen |= _dated_stories(report, paragraphs, decisions, body)
            carry = False
        chosen = {i for i in chosen if not _is_contents_list(report.text[paragraphs[i].start : paragraphs[i].end])}
        title = _dated_title(report, paragraphs, body, mask)
        if title is not None:  # "... Review – learning after a burn to a toddler in the winter of 2019"
            chosen.add(title)
            alone = alone | {title}
    else:
        chosen, carry, alone, title = set(range(len(paragraphs))), True, set(), None
    return _blocks(report, paragraphs, chosen, carry, chrome, alone, title)


def _dated_stories(report, paragraphs, decisions, body: int) -> set[int]:
    """Where no chronology is recognised, paragraphs under a findings or analysis heading
    that tell the case's story date by date ("- Neglect of the twins between 2012 and 2016.
    In 2013 the school referred ... In 2014 ... in 2015."): a page that summarises a review
    puts the story under whatever heading it has, and a paragraph with that many sentences
    dated by a date of their own is narrative, whatever its heading says (scope.yaml
    `fallback_dated_story`).  Each date still scopes its own sentence's paragraph only."""
    cfg = scope_config()["fallback_dated_story"]
    roles, least = set(cfg["roles"]), cfg["min_dated_sentences"]
    numbers = paragraph_numbers(report)
    out = set()
    for i, para in enumerate(paragraphs):
        if decisions[i] is not False or para.kind not in CONTENT_KINDS or para.start < body:
            continue
        chain = section_chain(report, para.start)
        if not chain or chain[0].role not in roles:
            continue
        text = report.text[para.start : para.end]
        dated = sum(
            _has_absolute_date(report.text, para.start + m.start(), m.group(), numbers)
            for m in SENTENCE_RE.finditer(text)
        )
        if dated >= least:
            out.add(i)
    return out


# a sentence of a paragraph: up to a stop followed by a space (or the end)
SENTENCE_RE = re.compile(r"[^.!?]+(?:[.!?]+(?=\s|$)|$)")


def _dated_title(report, paragraphs, body: int, mask) -> int | None:
    """The index of the document's title, its first line of words, when it stands before the
    body and holds a date that is not the document's own (`mask`): a title may name the
    happening the review is about ("A learning inquiry after a burn to a toddler in the winter
    of 2019").  Whether the date belongs to a happening the extractor decides."""
    first = next((i for i, p in enumerate(paragraphs) if re.search(r"[A-Za-z]{2}", report.text[p.start : p.end])), None)
    if first is None:
        return None
    para = paragraphs[first]
    text = report.text[para.start : para.end]
    if para.start >= body or para.kind not in ("text", "heading") or "\n" in text.strip():
        return None
    dates = [c for c in find_candidates(text) if c.kind in ABSOLUTE_KINDS]
    if mask is not None:
        dates = [c for c in dates if not mask.covers(para.start + c.start, para.start + c.end)]
    return first if dates else None


def _introduction_dates(report, paragraphs, decisions, body: int) -> set[int]:
    """Paragraphs of an introduction (a section whose role is one of scope.yaml
    `introduction_dates.roles`, that the headings do not decide; null is text under no
    heading or one that says nothing) with an absolute date in them: where the review states
    the event it is about ("This review ... concerns Child P, who was taken to hospital on
    2nd March 2018"), or a news page tells the case above a sub-heading that a chronology
    by content is found under.  Read
    besides a recognised chronology, each date scoping its own paragraph only."""
    roles = set(scope_config()["introduction_dates"]["roles"])
    numbers = paragraph_numbers(report)
    out = set()
    for i, para in enumerate(paragraphs):
        if decisions[i] is not None or para.kind not in CONTENT_KINDS or para.start < body:
            continue
        chain = section_chain(report, para.start)
        if (chain[0].role if chain else None) not in roles:
            continue
        if _has_absolute_date(report.text, para.start, report.text[para.start : para.end], numbers):
            out.add(i)
    return out


def _has_absolute_date(full_text: str, start: int, text: str, numbers) -> bool:
    """Does `text` (at `start` in the document) hold an absolute date of its own, not a paragraph number read as
    one ("4.1 Jade ..." is no date)?"""
    return any(
        c.kind in ABSOLUTE_KINDS and not is_paragraph_number(full_text, start + c.start, c.text, numbers)
        for c in find_candidates(text)
    )


# a heading or line that is a year alone ("2016", "3.1 2016:"): a chronology by years
BARE_YEAR_RE = re.compile(r"^\s*(?:[\d.]+\s+)?((?:19|20)\d{2})\s*:?\s*$")


def is_date_line(text: str) -> bool:
    """A paragraph that is only a date ("12th March 2014", "w/c 3 May") or a year ("2016"):
    a chronology written with dates as sub-headings; it dates or places the paragraphs
    under it."""
    stripped = text.strip()
    if "\n" in stripped or len(stripped.split()) > 8:
        return False
    if re.fullmatch(r"(?:19|20)\d{2}:?", stripped):
        return True
    found = [c for c in find_candidates(stripped) if c.kind in ABSOLUTE_KINDS]
    return bool(found) and sum(c.end - c.start for c in found) >= 0.6 * len(stripped)


def _is_contents_list(text: str) -> bool:
    """Lines of a contents list the structure did not mark: most end with a page number."""
    lines = [line for line in text.splitlines() if line.strip()]
    return (
        len(lines) >= 1
        and sum(bool(CONTENTS_ENTRY_RE.search(line)) for line in lines) >= max(1, 0.6 * len(lines))
        and not _is_prose(text)
    )


def _is_prose(text: str) -> bool:
    """A paragraph of sentences, not a cover, title or contents line: where the body starts.  It
    ends with a stop, or holds two sentences or more before whatever ends it (a page run into one
    line may end with its footer: "... at night. Eastbrook Partnership | Page 12")."""
    if len(text.split()) < 8:
        return False
    return bool(re.search(r"[.!?]['\"’”)]?\s*$", text.strip())) or len(INNER_END_RE.findall(text)) >= 2


def _blocks(
    report,
    paragraphs,
    chosen: set[int],
    carry: bool,
    chrome,
    alone: AbstractSet[int] = frozenset(),
    title: int | None = None,
) -> list[Block]:
    """Logical paragraphs of the chosen ones; those in `alone` carry no date beyond themselves,
    and `title` is the document's title line."""
    blocks: list[Block] = []
    open_block: Block | None = None
    broken = False  # a heading, footnote or table since the last block
    for index, para in enumerate(paragraphs):
        if chrome(para):
            broken = broken or para.kind == "footnote"
            continue  # a footnote or page header between two halves of a paragraph does not end it
        text = report.text[para.start : para.end]
        kind = "text" if para.kind == "heading" and looks_like_prose(text) else para.kind
        if kind in ("text", "heading", "numbered") and is_date_line(text):
            kind = "date_line"
        if (kind not in CONTENT_KINDS and kind != "date_line") or index not in chosen:
            open_block = None
            broken = True
            continue
        kpe = para.kpe or _kpe_in(text)
        if open_block is not None and kind == "text" and open_block.kind == "text" and text[:1].islower():
            open_block.parts.append((para.start, para.end))
            open_block.kpe = open_block.kpe or kpe
            broken = False  # the footnote only cut this paragraph in two
        else:
            chain = section_chain(report, para.start)
            after = broken or (bool(blocks) and blocks[-1].kind == "table_row" and kind != "table_row")
            block = Block(
                [(para.start, para.end)],
                kind,
                kpe,
                chain[0] if chain else None,
                carry=carry and index not in alone,
                after_break=after or index in alone,
                alone=index in alone,
                title=index == title,
            )
            blocks.append(block)
            open_block = block
            broken = False
        if TERMINAL_RE.search(text) or kind != "text":
            open_block = None
    return blocks


def looks_like_prose(text: str) -> bool:
    """A "heading" that is really a numbered chronology entry ("2.7 On 3rd January Child Q was taken...")."""
    words = text.split()
    return len(words) >= 10 and bool(re.search(r"[.!?]\s*$", kpe().trailing.sub("", text)))  # "... (KPE 4)."


def _kpe_in(text: str) -> str | None:
    match = KPE_RE.search(text)
    return kpe().label(match.group(1)) if match else None


@lru_cache(maxsize=1)
def evaluative_patterns() -> list[re.Pattern]:
    return [re.compile(p, re.IGNORECASE) for p in scope_config()["evaluative"]]


def is_evaluative(sentence: str) -> bool:
    """The reviewer's judgement rather than an event ("This was good practice.")."""
    return any(p.search(sentence) for p in evaluative_patterns())


def describes_document(sent) -> bool:
    """A sentence that only says what a document contained ("The referral contained...").

    Its subject is a document (models/dates/scope.yaml `document_content`) and
    its verb one of containing or stating; decisions a document made
    ("The assessment recommended...") are events and are kept.
    """
    cfg = scope_config()["document_content"]
    root = sent.root
    if root.lemma_.lower() not in cfg["verbs"]:
        return False
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in cfg["subjects"] for c in root.children)


@lru_cache(maxsize=1)
def _review_subject_re() -> re.Pattern:
    return re.compile(r"\b(?:" + "|".join(scope_config()["review_process"]["subjects"]) + r")s?\b", re.IGNORECASE)


def dates_the_review(verb) -> bool:
    """The date phrase's verb tells when the review itself was done ("The panel met
    between December 2014 and March 2015", "The review was commissioned in June
    2018"): the review's own history, not an event of the case.  Its subject (or
    passive subject, agent, object, or what it is "of" or "about") names the review (scope.yaml `review_process`)."""
    if verb is None:
        return False
    cfg = scope_config()["review_process"]
    known = set(cfg["verbs"]) | set(cfg["to_verbs"])
    start = verb
    while (
        verb.lemma_.lower() not in known
        and verb.dep_ in ("advcl", "xcomp", "acl")
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    ):
        verb = (
            verb.head
        )  # a verb without a subject of its own hangs from the one that tells ("taken to the panel ... scoping")
    if _apparatus_argument(verb) or (verb is not start and _apparatus_argument(start)):
        return True  # "the Fenwick LSCP wants its action plan done by May", "This review was asked for on"
    lemma = verb.lemma_.lower()
    if lemma not in known:
        return False
    if lemma in cfg["to_verbs"]:  # "taken to the serious case review panel on 23rd June": where the case was sent
        sent_to = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "to"]
        if any(_review_subject_re().search(" ".join(t.text for t in c.subtree)) for c in sent_to):
            return True
        if lemma not in cfg["verbs"]:
            return False
    parts = [
        c
        for c in verb.children
        if c.dep_ in ("nsubj", "nsubjpass", "dobj", "agent") or (c.dep_ == "prep" and c.lower_ in ("of", "about", "at"))
    ]  # "was told of the decision to hold a review"
    # ("At a meeting of the Serious Case Review Sub-Group, on 28th April, it was agreed...")
    if verb.dep_ == "relcl" and any(
        c.lower_ in ("which", "that", "who") and c.dep_ in ("nsubj", "nsubjpass") for c in verb.children
    ):
        parts.append(verb.head)  # "3 serious case reviews, which were carried out between 2016 and 2019"
    if any(_review_subject_re().search(" ".join(t.text for t in c.subtree)) for c in parts):
        return True
    if re.search(scope_config()["review_decision"], verb.sent.text, re.IGNORECASE):
        return True  # "notified in March 2014 of the decision to hold a serious case review"
    # a verb without a subject of its own is read with the phrase it hangs from: "The
    # report behind this summary ... was commissioned in April 2014" (parsed as a
    # relative clause), "At a meeting of the Serious Case Review sub-group held on 18th
    # February 2014...", "notified of the decision to hold a review in March 2014"
    if verb.dep_ == "ROOT" or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return False
    return bool(_review_subject_re().search(" ".join(t.text for t in verb.head.subtree)))


_POSSESSIVE_S = re.compile(r"[’']s$")  # "the Board's": strip only the possessive, never a leading "s" ("safeguarding")


def names_review_body(token) -> bool:
    """The noun is a body that exists only to hold and answer reviews (a safeguarding board or
    partnership, a review sub-group) or one of the review's products (its recommendations, its
    action plan), by its head lemma (scope.yaml `review_apparatus.heads`), or a review named with
    its own type name ("a Child Safeguarding Review", "three Rapid Reviews") whose compounds name
    none of a child's own review meetings (`review_apparatus.case_meetings`: "the child protection
    review", "the looked after review").  A board, partnership or committee counts only with a
    safeguarding word before it (`qualified_heads`, `qualifiers`): "the Westshire Safeguarding
    Children Partnership", not "the housing board" of the case."""
    cfg = scope_config()["review_apparatus"]
    lemma = token.lemma_.lower()
    modifiers = [c for c in token.subtree if c.i < token.i and c.dep_ in ("compound", "amod", "nmod")]
    if lemma in cfg["heads"] or token.lower_ in cfg["heads"]:
        return True
    if lemma in cfg["qualified_heads"] or token.lower_ in cfg["qualified_heads"]:
        return bool({_POSSESSIVE_S.sub("", m.lower_) for m in modifiers} & set(cfg["qualifiers"]))
    if token.lower_ not in ("review", "reviews") or token.pos_ not in ("NOUN", "PROPN"):  # a PROPN keeps its plural
        return False
    named = any(m.text[:1].isupper() for m in modifiers) and token.text[:1].isupper()
    return named and not {m.lower_ for m in modifiers} & set(cfg["case_meetings"])


def _apparatus_argument(verb) -> bool:
    """A subject, object or agent of the verb is a review body or product (`names_review_body`),
    or its subject names this review itself (`undated_review_subjects`, narrow: not "the review"
    alone, which may be a child's review meeting): whatever the verb, its date is the review's
    own history ("The partnership took over from the board in autumn 2020", "This learning review was
    asked for on ...")."""
    copula = verb.lemma_ == "be"  # "This review is a study of the harm done to a boy in May": the harm's date
    existential = copula and any(c.dep_ == "expl" for c in verb.children)  # "in 2020 there were two rapid reviews"
    for child in verb.children:
        if copula and not (existential and child.dep_ in ("attr", "nsubj")):
            continue
        if child.dep_ in ("nsubj", "nsubjpass", "dobj", "agent", "attr"):
            head = child
            if child.dep_ == "agent":
                head = next((c for c in child.children if c.dep_ == "pobj"), child)
            if names_review_body(head):
                return True
            own_words = child.doc[child.left_edge.i : child.i + 1].text  # not "the subject of this review, Bo"
            if child.dep_ in ("nsubj", "nsubjpass") and _undated_review_subject_re().search(own_words):
                return True
    return False


def sent_to_review(nouns) -> bool:
    """One of the nouns is a sending to a review body ("a notification to the Fenwick Safeguarding
    Children Partnership on 2 May"): the review's own start, not the case."""
    for noun in nouns:
        for prep in noun.children:
            if prep.dep_ == "prep" and prep.lower_ == "to":
                objects = [c for c in prep.children if c.dep_ == "pobj"]
                if any(
                    names_review_body(o) or _review_subject_re().search(" ".join(t.text for t in o.subtree))
                    for o in objects
                ):
                    return True
    return False


def dates_a_document_change(verb) -> bool:
    """The date's verb tells when guidance or a procedure was updated or issued ("The
    local escalation protocol was revised in June 2022"): a cited document's date, not
    the case's (scope.yaml `document_updates`)."""
    if verb is None:
        return False
    cfg = scope_config()["document_updates"]
    if verb.lemma_.lower() not in cfg["verbs"]:
        return False
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in cfg["subjects"] for c in verb.children)


def review_is_subject(verb) -> bool:
    """The verb's subject is the review itself ("This review was asked:", "The panel
    considered..."): what the sentence tells is the review's, whatever date it is under
    (scope.yaml `undated_review_subjects`)."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return any(_undated_review_subject_re().search(" ".join(t.text for t in c.subtree)) for c in subjects)


@lru_cache(maxsize=1)
def _undated_review_subject_re() -> re.Pattern:
    return re.compile(r"\b(?:" + "|".join(scope_config()["undated_review_subjects"]) + r")\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _purpose_item_re() -> re.Pattern:
    return re.compile(scope_config()["purpose_item"])


@lru_cache(maxsize=1)
def _review_people_re() -> re.Pattern:
    return re.compile("|".join(scope_config()["review_people"]), re.IGNORECASE)


def names_review_people(sentence: str) -> bool:
    """The sentence names someone who exists only in the review's apparatus (an
    independent chair or author, the lead reviewer): it tells the review's history
    (scope.yaml `review_people`)."""
    return bool(_review_people_re().search(sentence))


def is_inline_contents(sentence: str) -> bool:
    """A contents list flattened into one paragraph ("1 INTRODUCTION 3 1.1 Context 3
    1.2 Summary 3 ...") or any sentence with a run of leader dots ("KEY EPISODES ......... 14"):
    no narrative, whatever periods its entries name (scope.yaml `inline_contents`)."""
    cfg = scope_config()["inline_contents"]
    return len(re.findall(cfg["pattern"], sentence)) >= cfg["min"] or bool(re.search(cfg["leaders"], sentence))


@lru_cache(maxsize=1)
def _review_method_patterns() -> list[re.Pattern]:
    return [re.compile(p, re.IGNORECASE) for p in scope_config()["review_method"]]


def is_review_method(sentence: str) -> bool:
    """How the review was done ("Agencies were asked to provide chronologies from
    January 2018", "The period under review is ..."): no event, dated or not, and no
    date taken from the paragraph (scope.yaml `review_method`)."""
    return any(p.search(sentence) for p in _review_method_patterns())


def is_purpose_item(sentence: str) -> bool:
    """An item of the review's terms of reference ("To examine how agencies worked
    with the family from 1.4.16 to 3.9.17"): what the review set out to do, no event."""
    return bool(_purpose_item_re().match(sentence))


@lru_cache(maxsize=1)
def continuation_re() -> re.Pattern:
    """A paragraph opening that refers back to the occasion just narrated ("The meeting discussed...")."""
    cfg = scope_config()["continuation"]
    nouns = "|".join(re.escape(n) for n in cfg["nouns"])
    leads = "|".join(re.escape(ln) for ln in cfg["leads"])
    return re.compile(rf"^(?:{leads})\s+(?:{nouns})\b", re.IGNORECASE)
