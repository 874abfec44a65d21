"""Which blocks of a review carry no learning, judged by their own shape.

Published reviews arrive as PDF transcripts: a cover, a contents page, running
headers and page numbers between paragraphs, a key to family members, a list
of panel members, a glossary, references.  Their words are theme words
("Working Together", "Mental Health Trust", "Domestic Abuse Services
Manager"), so tagging them gives wrong themes; and the structure pass cannot
be trusted to have named them (a contents line taken for a heading, a key it
did not recognise).  So the tagger decides from the block itself: its lines'
shapes (rules in `models/themes_blocks.yaml`), whether its lines repeat
through the document (running headers), and where it sits (before the first
sentence of the report: the cover).

Two results: paragraphs that are not content at all, and character ranges of
page furniture inside content paragraphs (a running header glued into a
paragraph), where no theme evidence may come from.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from spacy.lang.en.stop_words import STOP_WORDS as _STOP

from ..report import Report
from ..resources import load_yaml

SKIPPED_KINDS = {"contents", "key", "footnote"}
_SENTENCE_END = re.compile(r"[.?!:;…][\"'”’)\]]*$")
_DIGITS = re.compile(r"\d+")
_PAGE_NUMBER_END = re.compile(r"[A-Za-z][^.?!]*\s\d{1,3}(?:\s*[-–]\s*\d{1,3})?$")


@dataclass(frozen=True)
class BlockRules:
    page_chrome: tuple[re.Pattern, ...]
    contents_line: tuple[re.Pattern, ...]
    contents_run: re.Pattern
    key_line: re.Pattern
    reference_line: tuple[re.Pattern, ...]
    member_list_intro: re.Pattern
    boilerplate: tuple[re.Pattern, ...]
    non_content_titles: re.Pattern
    running_min_repeats: int
    running_max_words: int
    title_max_words: int
    review_title: re.Pattern
    contents_titles: re.Pattern
    review_process: tuple[re.Pattern, ...]
    cover_line: re.Pattern
    contents_entry_words: int
    contents_max_words: int
    glossary_min_words: int
    glossary_acronym_share: float
    glossary_capital_share: float
    contents_prefix: tuple[re.Pattern, ...] = ()
    thematic_title: re.Pattern | None = None
    inline_furniture: tuple[re.Pattern, ...] = ()
    review_criteria: tuple[re.Pattern, ...] = ()
    contents_entry_label: re.Pattern | None = None
    contents_label_words: int = 30
    contents_numbers: re.Pattern | None = None


@lru_cache(maxsize=4)
def load_block_rules(name: str = "themes_blocks.yaml") -> BlockRules:
    data = load_yaml(name)

    def many(key: str) -> tuple[re.Pattern, ...]:
        return tuple(re.compile(p, re.IGNORECASE) for p in data[key])

    return BlockRules(
        page_chrome=many("page_chrome"),
        contents_line=many("contents_line"),
        contents_run=re.compile(data["contents_run"]),
        key_line=re.compile(data["key_line"]),
        reference_line=tuple(re.compile(p) for p in data["reference_line"]),
        member_list_intro=re.compile(data["member_list_intro"], re.IGNORECASE),
        boilerplate=many("boilerplate"),
        non_content_titles=re.compile(data["non_content_titles"], re.IGNORECASE),
        running_min_repeats=data["running_line"]["min_repeats"],
        running_max_words=data["running_line"]["max_words"],
        title_max_words=data["title_max_words"],
        review_title=re.compile(data["review_title"]),
        contents_titles=re.compile(data["contents_titles"], re.IGNORECASE),
        review_process=many("review_process"),
        cover_line=re.compile(data["cover_line"]),
        contents_entry_words=data["contents_entry_words"],
        contents_max_words=data["contents_max_words"],
        glossary_min_words=data["glossary"]["min_words"],
        glossary_acronym_share=data["glossary"]["acronym_share"],
        glossary_capital_share=data["glossary"]["capital_share"],
        contents_prefix=tuple(re.compile(p) for p in data.get("contents_prefix", ())),
        thematic_title=re.compile(data["thematic_title"], re.IGNORECASE) if data.get("thematic_title") else None,
        inline_furniture=tuple(re.compile(p) for p in data.get("inline_furniture", ())),
        review_criteria=tuple(re.compile(p, re.IGNORECASE) for p in data.get("review_criteria", ())),
        contents_entry_label=re.compile(data["contents_entry_label"]) if data.get("contents_entry_label") else None,
        contents_label_words=data.get("contents_label_words", 30),
        contents_numbers=re.compile(data["contents_numbers"]) if data.get("contents_numbers") else None,
    )


def _lines(text: str, start: int) -> list[tuple[str, int, int]]:
    """Non-blank lines of a block as (collapsed text, start, end) in report offsets."""
    out, offset = [], start
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            lead = len(raw) - len(raw.lstrip())
            out.append((" ".join(stripped.split()), offset + lead, offset + lead + len(stripped)))
        offset += len(raw) + 1
    return out


def _line_key(line: str) -> str:
    return _DIGITS.sub("#", line.lower())


def is_title_like(line: str, rules: BlockRules) -> bool:
    """A short line without sentence punctuation: a title, a heading, a cover line."""
    words = line.split()
    return 0 < len(words) <= rules.title_max_words and not _SENTENCE_END.search(line)


_ENTRY_NUMBER = re.compile(r"^(\d{1,2}(?:\.\d{1,2}){0,2})\.?(?:\s|$)")


def _entry_number(flat: str) -> tuple[int, ...] | None:
    """The section number a contents entry opens with ("5.1 What this case ...", "3"), as a tuple
    to compare: a contents page numbers its entries upwards, a body after it starts again at 1."""
    match = _ENTRY_NUMBER.match(flat)
    return tuple(int(part) for part in match.group(1).split(".")) if match else None


def _is_sentence(text: str) -> bool:
    """Eight words or more with a sentence end (after a word or a year, maybe behind a quote)."""
    return len(text.split()) >= 8 and bool(re.search(r"(?:[a-z]|\d{4})[\"'”’)\]]?[.?!][\"'”’)]?(?:\s|$)", text))


def _matching_sentences(text: str, spans: dict[int, tuple[int, int]], patterns: tuple[re.Pattern, ...]) -> set[int]:
    """Numbers of the sentences one of `patterns` finds, each read with its line breaks and runs of spaces as one
    space."""
    if not patterns:
        return set()
    return {
        sid for sid, (start, end) in spans.items() if any(p.search(" ".join(text[start:end].split())) for p in patterns)
    }


class BlockFilter:
    """Non-content paragraphs and page-furniture spans of one report."""

    def __init__(self, report: Report, rules: BlockRules | None = None):
        self.report = report
        self.rules = rules or load_block_rules()
        lines = _lines(report.text, 0)
        self._counts = Counter(
            _line_key(text) for text, _, _ in lines if len(text.split()) <= self.rules.running_max_words
        )
        self._repeated = {k for k, n in self._counts.items() if n >= self.rules.running_min_repeats}
        self.chrome: list[tuple[int, int]] = [(s, e) for text, s, e in lines if self.is_chrome(text)]
        self.chrome += [span for _, s, _ in lines if (span := self._contents_prefix(report.text, s))]
        self.chrome += self._inline_furniture(report.text)
        self.chrome.sort()

    # ---- lines ----------------------------------------------------------
    def is_chrome(self, line: str) -> bool:
        """Page numbers, classification marks, running headers and footers."""
        if any(p.search(line) for p in self.rules.page_chrome):
            return True
        return (
            len(line.split()) <= self.rules.running_max_words
            and _line_key(line) in self._repeated
            and not _SENTENCE_END.search(line)
            and not line.lstrip().startswith(("•", "-", "*"))
        )

    def _contents_prefix(self, text: str, start: int) -> tuple[int, int] | None:
        """Contents entries glued into a paragraph ("4. Methodology 4 5. The family 4 ... 1
        Introduction The subject of this review...", "Final Report Contents 1 INTRODUCTION 3
        1.1 Context 3 ..."): the span of the entries."""
        line_end = text.find("\n", start)
        line = text[start : line_end if line_end >= 0 else len(text)]
        for pattern in self.rules.contents_prefix:
            match = pattern.search(line)
            if match:
                return start + match.start(), start + match.end()
        return None

    def _inline_furniture(self, text: str) -> list[tuple[int, int]]:
        """Furniture inside a paragraph that is otherwise content: contents entries with leader
        dots ("3. KEY EPISODES ........ 8", a contents page read into one line with the cover) and a
        table's header row run into the sentence above it ("Name Gender Age Relationship")."""
        return [m.span() for pattern in self.rules.inline_furniture for m in pattern.finditer(text)]

    def line_kind(self, line: str) -> str | None:
        """What a single line is when it is not content, else None."""
        rules = self.rules
        if self.is_chrome(line):
            return "chrome"
        if rules.contents_numbers and rules.contents_numbers.search(line):
            return "contents"  # a contents page's column of section or page numbers, however long the line
        if (any(p.search(line) for p in rules.contents_line) or rules.contents_run.search(line + " ")) and not (
            _is_sentence(line) and len(line.split()) > rules.contents_max_words
        ):
            return "contents"  # (a contents page and the first paragraph glued into one line are content)
        if any(p.search(line) for p in rules.reference_line):
            return "reference"
        if rules.key_line.search(line) and not _SENTENCE_END.search(line) and len(line.split()) <= 16:
            return "key"
        return None

    # ---- paragraphs -----------------------------------------------------
    def non_content(self) -> dict[int, str]:
        """Index of each paragraph that is not content -> why (contents, chrome, key, cover, ...)."""
        report = self.report
        out: dict[int, str] = {}
        # a report with headings or a contents page has a cover before its first sentence
        body_started = not (report.sections or any(p.kind == "contents" for p in report.paragraphs))
        listing: str | None = None  # inside a list of members, a glossary, references
        top: tuple[int, ...] | None = None  # the highest entry number of the contents page being read
        for index, paragraph in enumerate(report.paragraphs):
            lines = [line for line, _, _ in _lines(report.text[paragraph.start : paragraph.end], paragraph.start)]
            flat = " ".join(lines)
            reason = self._reason(paragraph.kind, lines, flat, body_started, listing)
            number = _entry_number(flat) if listing == "contents" else None
            if (
                reason is None
                and number
                and top
                and number > top
                and len(flat.split()) <= self.rules.contents_label_words
            ):
                reason = "contents"  # "5.1 What the review shows about ...": an entry worded as a sentence
            top = (max(top, number) if top else number) if listing == "contents" and reason and number else top
            top = top if listing == "contents" or reason == "contents" else None
            if _is_sentence(flat) and reason is None:
                body_started = True  # a repository's deposit note or a page line is no start of the body
            listing = self._listing_after(flat, lines, listing, reason)
            if reason:
                out[index] = reason
        return out

    def _reason(self, kind: str, lines: list[str], flat: str, body_started: bool, listing: str | None) -> str | None:
        """Why one paragraph is not content, or None when it is."""
        rules = self.rules
        if kind in SKIPPED_KINDS and not (kind == "contents" and self._prose(flat)):
            return kind  # (a run of sentences the structure pass filed under a contents page is content)
        if kind == "text" and rules.thematic_title and rules.thematic_title.search(flat):
            return None  # "Co-Sleeping Thematic Review": the title names the review's theme
        if listing == "contents" and self._contents_entry(flat) and (kind != "bullet" or self._title_cased(flat)):
            # entries of a contents page, with or without page numbers; a dashed sub-entry ("- Partnership
            # Learning Points Annex B ...") only in title case, a short bulleted point may be content
            return "contents"
        if not body_started or not _is_sentence(flat):
            if rules.cover_line.search(flat) and not _is_sentence(flat):
                return "cover"  # "Date Commissioned: May 2015 Parallel Proceedings: 2015 - 2016"
        kinds = [self.line_kind(line) for line in lines]
        if lines and all(kinds):
            return Counter(kinds).most_common(1)[0][0]
        if lines and sum(k is not None for k in kinds) * 2 > len(lines) and not _is_sentence(flat):
            return Counter(k for k in kinds if k).most_common(1)[0][0]
        if not body_started and (
            is_title_like(flat, rules)
            or len(lines) > 1
            and all(is_title_like(line, rules) or ":" in line for line in lines)
        ):
            return "cover"
        if listing and listing != "contents" and not _is_sentence(flat):
            return listing
        if any(p.search(re.split(r"(?<=[.?!])\s", flat, maxsplit=1)[0]) for p in rules.boilerplate):
            return "boilerplate"
        if kind in ("text", "heading") and is_title_like(flat, rules):
            return "title"
        if not _is_sentence(flat) and rules.review_title.search(flat):
            return "title"  # "Serious Case Review into ...": the review's own long title
        if self._acronym_list(flat):
            return "glossary"  # "CAF Common Assessment Framework CAMHS Child and Adolescent ..." run together
        return None

    def _listing_after(self, flat: str, lines: list[str], listing: str | None, reason: str | None) -> str | None:
        """Whether the paragraphs after this one continue (or start) a non-content list."""
        rules = self.rules
        if rules.contents_titles.search(flat):
            return "contents"
        if listing == "contents" or reason == "contents":
            # a contents page its lines' shape gave away ("Key events 7 The panel 12 Method 14 ...") goes on
            # in the entries after it that have lost their page number to the next line
            return "contents" if reason == "contents" or self._contents_entry(flat) else None
        if reason == "title" or (reason is None and is_title_like(flat, rules)):
            return "listing" if rules.non_content_titles.search(flat) else None
        if lines and rules.member_list_intro.search(lines[-1]):
            return "members"
        if reason in ("members", "listing", "reference", "key"):
            return listing
        return None if _is_sentence(flat) else listing

    def local_titles(self, suspect: frozenset[int] = frozenset()) -> dict[int, tuple[str, int]]:
        """For each paragraph start, the nearest title-like line above it and its offset (a heading, found or missed).

        Contents entries and the `suspect` headings (see `suspect_headings`) are
        no titles; a short numbered line ("7. Findings") the structure pass took
        for a numbered paragraph is one.
        """
        out: dict[int, tuple[str, int]] = {}
        current: tuple[str, int] | None = None
        for paragraph in self.report.paragraphs:
            text = " ".join(self.report.text[paragraph.start : paragraph.end].split())
            if current:
                out[paragraph.start] = current
            if (
                paragraph.kind in ("heading", "text", "numbered")
                and is_title_like(text, self.rules)
                and self._may_be_title(text)
                and paragraph.start not in suspect
                and self.line_kind(text) != "contents"
            ):
                current = (text, paragraph.start)
        return out

    def key_lines(self) -> list[tuple[str, str]]:
        """(code, description) of "CODE – description" lines the structure pass did not declare.

        A key the structure pass missed (its lines run together, an unusual
        heading) still tells whose a cue is and who counts as a father.
        """
        declared = {entry.code for entry in self.report.key}
        out = []
        for paragraph in self.report.paragraphs:
            for line, _, _ in _lines(self.report.text[paragraph.start : paragraph.end], paragraph.start):
                if self.line_kind(line) != "key":
                    continue
                code, description = re.split(r"\s[–—-]\s", line, maxsplit=1)
                code = code.strip()
                if code not in declared and len(code.split()) <= 3 and code[:1].isupper():
                    out.append((code, description.strip()))
        return out

    def suspect_headings(self) -> frozenset[int]:
        """Heading offsets of detected sections that are really contents entries or page furniture.

        A contents line or a run of two or more headings that each end in a
        page number with nothing but headings between them ("1. Introduction 2",
        "2. Glossary 9") is a contents page the structure pass took for
        headings; trusted, "Glossary 9" would silence the whole report.
        """
        out = set()
        numbered: list[int] = []
        sentences = [
            p.start for p in self.report.paragraphs if _is_sentence(" ".join(self.report.text[p.start : p.end].split()))
        ]
        for section in sorted(self.report.sections, key=lambda s: s.heading_start):
            line = " ".join(self.report.text[section.heading_start : section.heading_end].split())
            if self.line_kind(line) in ("contents", "chrome"):
                out.add(section.heading_start)
            if _PAGE_NUMBER_END.search(line):
                if numbered and not any(numbered[-1] < start < section.heading_start for start in sentences):
                    out.update((numbered[-1], section.heading_start))
                numbered.append(section.heading_start)
        return frozenset(out)

    def _may_be_title(self, line: str) -> bool:
        """A heading, not page furniture: a line seen twice is a contents entry and its heading;
        a running header repeats on every page."""
        if any(p.search(line) for p in self.rules.page_chrome):
            return False
        return self._counts.get(_line_key(line), 0) <= 2

    def _acronym_list(self, flat: str) -> bool:
        """A glossary flattened into one paragraph: no sentence, many acronyms, nearly all words capitalised."""
        words = flat.split()
        if len(words) < self.rules.glossary_min_words or _is_sentence(flat):
            return False
        bare = [w.strip("()[],;:&/") for w in words]
        acronyms = sum(bool(re.fullmatch(r"[A-Z]{2,}[a-z]?", w)) for w in bare)
        content = [w for w in bare if w and w.lower() not in _STOP and w[:1].isalpha()]
        capitalised = sum(w[:1].isupper() for w in content)
        return acronyms >= self.rules.glossary_acronym_share * len(
            words
        ) and capitalised >= self.rules.glossary_capital_share * len(content)

    def _prose(self, flat: str) -> bool:
        """Sentences longer than any contents entry: the first paragraph of a body that a
        transcript ran into its contents page ("... Pages 38-39 / 1. Introduction 1.1 Child Y
        was three weeks old when ..."), which the structure pass may file as contents."""
        return _is_sentence(flat) and len(flat.split()) > self.rules.contents_max_words

    def _contents_entry(self, flat: str) -> bool:
        """A line of a contents page: no sentence, and short, ending in a page number, or in title case.

        Prose hard-wrapped into one paragraph per line ("in March 2019 when the
        baby, Child K, and his older sister were") is none, so the listing ends there;
        so is a paragraph longer than any entry that a page end cut off before its full
        stop, though its names and agencies make it look title-cased.
        """
        if _is_sentence(flat):
            return False
        words = flat.split()
        if len(words) <= self.rules.contents_entry_words or _PAGE_NUMBER_END.search(flat):
            return True
        if len(words) > self.rules.contents_label_words:
            return False  # prose cut off mid-sentence at a page end, however many names it holds
        label = self.rules.contents_entry_label
        if label and label.search(flat):
            return True  # "Finding 2: Agencies were unsure who ..." (its page number on the next line)
        return self._title_cased(flat)

    @staticmethod
    def _title_cased(flat: str) -> bool:
        """Whether at least half the content words of a line start with a capital (a title, not prose)."""
        content = [w for w in flat.split() if w.lower() not in _STOP and w[:1].isalpha()]
        return bool(content) and sum(w[:1].isupper() for w in content) * 2 >= len(content)

    def process_sentences(self, text: str, spans: dict[int, tuple[int, int]]) -> set[int]:
        """Numbers of the sentences about the review itself (its commissioning, panel, terms, method).

        "The SCR panel met six times", "agencies provided IMRs", "the review was
        commissioned because of concerns about how agencies worked together": a
        practice word there describes how the review was done, not practice in
        the case (the rules: `review_process` in models/themes_blocks.yaml).
        """
        return _matching_sentences(text, spans, self.rules.review_process)

    def criteria_sentences(self, text: str, spans: dict[int, tuple[int, int]]) -> set[int]:
        """Numbers of the sentences that say what reviews are or when one is held ("a review in
        circumstances where a child has been abused or neglected", "Case reviews describe children's
        experiences of abuse and neglect"): said of reviews in general, they tell nothing of the case,
        so no theme of any kind takes evidence from them (`review_criteria` in
        models/themes_blocks.yaml)."""
        return _matching_sentences(text, spans, self.rules.review_criteria)

    def in_chrome(self, start: int, end: int) -> bool:
        """Whether [start, end) overlaps a line of page furniture."""
        return any(s < end and start < e for s, e in self.chrome)
