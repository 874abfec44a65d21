"""Which paragraphs of a review are its narrated chronology.

Events are extracted from chronology and background sections, not from the
reviewer's evaluation, findings or recommendations (which re-mention dates
while discussing them).  The innermost section heading that says which it is
decides (models/dates/scope.yaml); a section whose heading says nothing counts
as chronology when enough of its paragraphs open with a date.  Paragraphs cut
in two by a footnote or page break are joined back ("A cognitive" ... "assessment
of EM was commissioned..."), so a KPE marker at the end covers the whole.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..resources import load_yaml
from .candidates import find_candidates

CONTENT_KINDS = {"text", "numbered", "bullet", "table_row"}
ABSOLUTE_KINDS = {"day", "range", "week_of", "month_part", "month", "year"}
KPE_RE = re.compile(r"\(\s*KPE\s*(\d+)\s*\)", re.IGNORECASE)
TERMINAL_RE = re.compile(r"[.!?:;\"'’”)\]]\s*[\d¹²³⁴⁵⁶⁷⁸⁹⁰]*\s*$")


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

    @property
    def start(self) -> int:
        return self.parts[0][0]

    @property
    def end(self) -> int:
        return self.parts[-1][1]

    def contains(self, start: int, end: int) -> bool:
        return any(s <= start and end <= e + 1 for s, e in self.parts)


def heading_decision(title: str) -> bool | None:
    """True (chronology), False (not) or None (the heading does not say)."""
    lowered = title.lower()
    cfg = scope_config()
    if any(word in lowered for word in cfg["exclude_headings"]):
        return False
    if any(word in lowered for word in cfg["include_headings"]):
        return True
    return None


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
        found.append(Paragraph(start=match.start(), end=match.end(), kind="table_row" if "\t" in match.group() else "text"))
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
        counts[1] += opens_with_date(report.text[para.start:para.end])
    return {start for start, (n, dated) in stats.items() if n >= cfg["min_paragraphs"] and dated / n >= cfg["min_dated_share"]}


def in_scope(report, offset: int, dense: set[int]) -> bool:
    chain = section_chain(report, offset)
    if not report.sections:
        return True
    for section in chain:
        decision = heading_decision(section.title)
        if decision is not None:
            return decision
    return bool(chain) and chain[0].start in dense


def chronology_blocks(report, scope: str = "chronology") -> list[Block]:
    """Logical paragraphs to read events from, in text order.

    `scope="all"` reads every content paragraph of the report.
    """
    paragraphs = paragraphs_of(report)
    dense = _dense_sections(report, paragraphs) if scope == "chronology" else set()
    blocks: list[Block] = []
    open_block: Block | None = None
    for para in paragraphs:
        if para.kind == "footnote":
            continue  # a footnote between two halves of a paragraph does not end it
        text = report.text[para.start:para.end]
        kind = "text" if para.kind == "heading" and looks_like_prose(text) else para.kind
        if kind not in CONTENT_KINDS or (scope == "chronology" and not in_scope(report, para.start, dense)):
            open_block = None
            continue
        kpe = para.kpe or _kpe_in(text)
        continues = (
            open_block is not None and kind == "text" and open_block.kind == "text"
            and text[:1].islower()
        )
        if continues:
            open_block.parts.append((para.start, para.end))
            open_block.kpe = open_block.kpe or kpe
        else:
            chain = section_chain(report, para.start)
            block = Block([(para.start, para.end)], kind, kpe, chain[0] if chain else None)
            blocks.append(block)
            open_block = block
        if TERMINAL_RE.search(text) or kind != "text":
            open_block = None
    return blocks


def looks_like_prose(text: str) -> bool:
    """A "heading" that is really a numbered chronology entry ("2.7 On 3rd January Child Q was taken...")."""
    words = text.split()
    return len(words) >= 10 and bool(re.search(r"[.!?]\s*(?:\(\s*KPE\s*\d+\s*\)\.?)?\s*$", text, re.IGNORECASE))


def _kpe_in(text: str) -> str | None:
    match = KPE_RE.search(text)
    return f"KPE{int(match.group(1))}" if match else None


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
def continuation_re() -> re.Pattern:
    """A paragraph opening that refers back to the occasion just narrated ("The meeting discussed...")."""
    cfg = scope_config()["continuation"]
    nouns = "|".join(re.escape(n) for n in cfg["nouns"])
    leads = "|".join(re.escape(l) for l in cfg["leads"])
    return re.compile(rf"^(?:{leads})\s+(?:{nouns})\b", re.IGNORECASE)
