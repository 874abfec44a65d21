"""Headings and the section tree.

Works on reviews in general: numbered headings ("3.2 Critical Timeline…",
"5.5.1. Bridgewater Healthcare Trust", "4.7 KPE7 Urgent…"), "Section 3:" /
"Part 3" prefixes, unnumbered KPE headings ("KPE 12 ESW Visit…"), Markdown
`#` headings, short ALL-CAPS headings, appendices.  Numbered lists and
numbered paragraphs are told apart from headings by shape (a heading is short
and does not end like a sentence) and by sequence (a top-level number only
moves forwards, a subsection number must sit under the current section).
The contents table is recognised and produces no sections, in its published
shapes: dotted leaders, a "Page" column, page numbers in a row of their own
("2 2 3"), entries without numbers (the table ends where the body repeats an
entry).  Unnumbered Title Case headings between paragraphs are found too;
cover lines are not headings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from ..lexicon import calendar, kpe
from ..resources import load_yaml
from . import key, metadata
from .lines import Line

# "2 . Scope": a converter may set the number's full stop apart
NUMBERED_RE = re.compile(r"^(?P<num>\d{1,2}(?:\.\d{1,2}){0,3})(?:\.|\)| \.(?=\s))?\s+(?P<title>\S.*?)\s*$")
MARKDOWN_RE = re.compile(r"^(?P<hashes>#{1,6})\s+(?P<title>\S.*?)\s*#*\s*$")
KPE_IN_TITLE_RE = kpe().in_title  # models/lexicon/kpe.yaml
MAX_TITLE_CHARS = 160
MAX_TITLE_WORDS = 28
MAX_QUESTION_WORDS = 45
SENTENCE_END = (".", ";", ",", ":")
TRAILING_KPE_RE = kpe().trailing
INNER_SENTENCE_RE = re.compile(r"[a-z0-9)][.!?]\s+[A-Z]")
LEAD_IN_RE = re.compile(r"^(?:\S+\s+){5,}?\S+:\s+\S")  # "The members of the household were as follows: Name …"
# "1   2   3   4   5": a row of page numbers or a viewer's page links, no title ("4.3 2014 to 2015" has one)
NUMBERS_ONLY_RE = re.compile(r"^\d{1,3}(?:\s+\d{1,3})+$")
DANGLING_END_RE = re.compile(
    r"^(?:\S+\s+){4,}(?:the|a|an|to|of|and|in|on|at|by|for|with|from|that|was|were|is|his|her|their)$"
)


@dataclass
class HeadingCandidate:
    line: Line
    number: str | None
    title: str
    level: int | None  # None: decide from context
    kpe: str | None = None
    kind: str = "line"  # "title": an unnumbered Title Case heading, placed under the heading before it


def _shapes() -> dict:
    return load_yaml("structure", "report_shapes.yaml")


def looks_like_title(title: str) -> bool:
    """Short, starts like a heading, does not end like a sentence.

    A trailing KPE marker marks a chronology paragraph ("2.7 On 3rd January
    … (KPE 4)"): headings name their episode first ("KPE 4 Conference").  A
    title holding a sentence break is prose, and a question may run longer
    than a statement.
    """
    title = re.sub(
        r"(?<=[a-z][.;:,])\d{1,2}$", "", title.strip()
    )  # "… the school.3": a footnote marker after a sentence
    if not title or TRAILING_KPE_RE.search(title) or NUMBERS_ONLY_RE.match(title):
        return False
    limit_words = MAX_QUESTION_WORDS if title.endswith("?") else MAX_TITLE_WORDS
    if len(title) > MAX_TITLE_CHARS * (2 if title.endswith("?") else 1) or len(title.split()) > limit_words:
        return False
    if title.endswith(SENTENCE_END) and not title.endswith("etc."):
        return False
    if INNER_SENTENCE_RE.search(title) or DANGLING_END_RE.search(title) or LEAD_IN_RE.search(title):
        return False  # a sentence, or a sentence broken at the end of a line ("… was taken by ambulance to the")
    first = title[0]
    return first.isupper() or first.isdigit() or first in "'\"‘“("


def is_contents_entry(line: Line) -> bool:
    return bool(re.search(_shapes()["contents_entry"], line.text, re.IGNORECASE))


def is_contents_heading(line: Line) -> bool:
    text = strip_markup(re.sub(r"^#{1,6}\s+", "", line.stripped)).replace("\t", " ").strip()
    return bool(re.match(_shapes()["contents_headings"], text, re.IGNORECASE))


def _glued_contents_heading(line: Line) -> bool:
    """ "Contents1. Introduction ....4", "Table of Contents Page 1. Introduction": heading and first entry on one
    line."""
    if re.match(
        r"^\s*page\s+1\s+[A-Z]", line.text, re.IGNORECASE
    ):  # "Page 1 INTRODUCTION 3 2 ARRANGEMENTS … 4 3 FAMILY … 6"
        return len(re.findall(r"\b\d{1,3}\s+\d{1,2}\.?\s+[A-Z]", line.text)) >= 2
    return bool(re.match(r"^\s*(?:table\s+of\s+)?contents(?:\s+page)?\s*\d", line.text, re.IGNORECASE)) and (
        is_contents_entry(line)
        or _shape("contents_entry_loose", line.stripped)
        or bool(re.search(r"\d[.)]?\s+[A-Z]", line.text))
    )


def bare_title(text: str) -> str:
    """A heading or contents entry without numbering, leaders, page number and markup."""
    text = re.sub(
        r"^\s*(?:[-*•]\s+)?\[([^\]]+)\]\([^)]*\)", r"\1", text.strip()
    )  # "- [1. Introduction](#introduction)"
    text = strip_markup(re.sub(r"^#{1,6}\s+", "", text.strip()))
    text = re.sub(
        r"(?:[.…\s]{2,}|\s+page\s*|(?<=[a-z)])page\s*|\s)\d{1,3}(?:\s*[-–]\s*\d{1,3})?\s*$",
        "",
        text,
        flags=re.IGNORECASE,
    )
    text = re.sub(
        r"^\s*(?:(?:table\s+of\s+)?contents(?:\s+page)?\s*)?(?:(?:section|part|chapter)\s+)?\d{1,2}(?:\.\d{1,2})*[.):]?\s*",
        "",
        text,
        flags=re.IGNORECASE,
    )
    return re.sub(r"\s+", " ", text).strip(" .:-–").casefold()


def _prose(text: str) -> bool:
    words = len(text.split())
    return words >= 20 or (words >= 8 and text.rstrip().rstrip('”"’').endswith((".", ";")))  # '… together.”' too


def _shape(name: str, text: str) -> bool:
    """Does the text have the named shape (`contents_entry_loose` anywhere at its end, the others from its start)?"""
    find = re.search if name == "contents_entry_loose" else re.match
    return bool(find(_shapes()[name], text, re.IGNORECASE))


def _is_label(line: Line) -> bool:
    """A column label of a contents table ("Page", "Item Page"), not an entry."""
    return bool(re.match(_shapes()["contents_labels"], line.stripped, re.IGNORECASE)) or is_label_row(line)


def is_label_row(line: Line) -> bool:
    """ "Para Page", "Section Subject Page no:": the column labels of a contents table without a heading."""
    return _shape("contents_label_row", strip_markup(line.stripped))


def run_entries(text: str) -> list[str]:
    """The entries of a line that runs several numbered entries together ("1.1 Summary … 1.2 Context …").

    Two or more numbers in order (each a step on from the last) make a run;
    anything else is one entry.
    """
    found = list(re.finditer(_shapes()["contents_run_entry"], text))
    numbers = [tuple(int(p) for p in m[1].split(".")) for m in found]
    ordered = len(found) >= 2 and all(a <= b for a, b in pairwise(numbers)) and "." in "".join(m[1] for m in found)
    if not ordered:
        return [text]
    cuts = [m.start(1) for m in found]
    return [text[a:b].strip() for a, b in zip(cuts, cuts[1:] + [len(text)], strict=True) if text[a:b].strip()]


def _pages_below(nonblank: list[Line], j: int) -> bool:
    """Is line j followed by its page numbers on a line of their own ("Findings ⏎ 14", "… ⏎ 5 5 7")?"""
    return j + 1 < len(nonblank) and _shape("contents_numbers_row", nonblank[j + 1].stripped)


def _table_goes_on(nonblank: list[Line], j: int, seen: set[str], reach: int = 40) -> bool:
    """After an entry the table has listed already, does the table go on?

    A second part of a contents page ("Executive Summary … Overview Report
    1. Introduction …") or a repeated sub-entry ("Introduction") is followed by
    new entries and page numbers before any prose; the body, which repeats the
    first entry as its heading, is followed by prose.
    """
    new_entry = pages = False
    seen_lines = 0
    previous_number = False
    for line in nonblank[j + 1 :]:
        text = line.stripped
        number = _shape("contents_numbers_row", text) or _shape("contents_number_only", text)
        if not number:
            seen_lines += 1  # a column of bare section or page numbers ("4.1 ⏎ 4.4 ⏎ 4.63") is not counted
        if seen_lines > reach:
            break
        if (
            _shape("contents_numbers_row", text)
            or is_contents_entry(line)
            or _shape("contents_entry_loose", text)
            or number
            and previous_number  # a column of section numbers, as a PDF converter splits the table
        ):
            pages = True
        previous_number = bool(number)
        if _prose(text) and not is_contents_entry(line) and len(run_entries(text)) < 2:
            break
        if bare_title(text) and bare_title(text) not in seen and not _shape("contents_numbers_row", text):
            new_entry = True
        if pages and new_entry:
            return True
    return False


def _expands_first_entry(text: str, first: str | None, seen: set[str]) -> bool:
    """Does the line repeat the table's first entry in a longer wording ("1. Introduction to the Review" listed,
    "1 Introduction to the Review and its Process" in the body; "Family Members" listed, "The members
    of the family and their ages" in the body)?  The body's first heading often does, once the table has listed
    several entries; a line that repeats it must carry the entry's number, if it has one, and every word."""
    if first is None or len(seen) < 3:
        return False
    number = NUMBERED_RE.match(first)
    line_number = NUMBERED_RE.match(text)
    if (number["num"] if number else None) != (line_number["num"] if line_number else None):
        return False
    want, got = re.findall(r"\w+", bare_title(first)), re.findall(r"\w+", bare_title(text))
    return bool(want) and len(got) > len(want) and all(w in got for w in want)


def _previous_number(number: str) -> str | None:
    """The number just before `number` at its own level ("1.3" for "1.4"; None for a first one, "1.1" or "2").

    Where that number opened a paragraph of prose, the review numbers its paragraphs at this level, so a
    short line numbered next is the following paragraph broken at a line or page end, not a sub-heading."""
    head, _, last = number.rpartition(".")
    if not head or int(last) <= 1:
        return None
    return f"{head}.{int(last) - 1}"


def _goes_on(nxt: Line | None) -> bool:
    """Whether what follows a numbered line can be the rest of its sentence: nothing (the text ends there) or a
    line opening in lower case ("the death, the police ..."). A heading is followed by its first paragraph."""
    if nxt is None:
        return True
    first = next((c for c in nxt.stripped if c.isalnum()), "")
    return first.islower()


def _runs_like_sentence(title: str) -> bool:
    """Twelve words or more, most in lower case, not a question: the start of a numbered paragraph cut at the end
    of its line ("1.1 The review was held because the family had been known to the services for"), not a title."""
    words = title.split()
    lower = sum(1 for w in words if w[:1].islower())
    return len(words) >= 12 and lower >= 0.6 * len(words) and not title.rstrip().endswith("?")


def _passive_clause(title: str) -> bool:
    """ "1.1 This review was commissioned by the Upfield Safeguarding Children": a numbered paragraph cut at the end
    of its line, told by its passive verb and agent ("was commissioned by"; `sentence_clause`).  A heading that asks
    ("How was the risk assessed?", "What was known by the school") is no such sentence."""
    shapes = _shapes()
    return bool(re.search(shapes["sentence_clause"], title)) and not re.match(
        shapes["question_opening"], title, re.IGNORECASE
    )


def _dated_clause(title: str) -> bool:
    """ "2.3 On 4 June 2016, the health visitor visited": a date set off by a comma opens a sentence (a chronology
    paragraph cut at the end of its line or page), not a heading (`dated_clause_opening`)."""
    return bool(_dated_clause_re().match(title))


@lru_cache(maxsize=1)
def _dated_clause_re() -> re.Pattern:
    return re.compile(_shapes()["dated_clause_opening"].replace("<<MONTH>>", f"(?:{MONTHS})"))


def _sentence_run(entries: list[str]) -> bool:
    """ "1. Overview 1.1 The boy was eight months old when …": a heading glued to the first numbered
    paragraph of the body, not a run of contents entries (whose last part would be a title)."""
    if len(entries) < 2:
        return False
    last = NUMBERED_RE.match(entries[-1])
    if last is None or len(last["title"].split()) < 12:
        return False
    return not looks_like_title(last["title"]) or _runs_like_sentence(last["title"])


def _renumbered(text: str, listed: list[str]) -> bool:
    """ "1. Terms of Reference" under "Appendices" after "4. Terms of Reference" was listed: the same title under
    another number is a second list of the table (appendices), not the body repeating the entry as its heading."""
    own = NUMBERED_RE.match(text)
    if own is None:
        return False
    level = own["num"].count(".")
    numbers = {
        m["num"]
        for e in listed
        if bare_title(e) == bare_title(text) and (m := NUMBERED_RE.match(e)) and m["num"].count(".") == level
    }  # "1 Introduction" after "4.1 Introduction" may still be the body's first heading
    return bool(numbers) and own["num"] not in numbers


def _in_table_of_contents(nonblank: list[Line], j: int, seen: set[str], listed: list[str] | None = None) -> bool:
    """Is a line after a contents heading still part of the table?  `listed`: the entries so far, in order."""
    listed = listed or []
    line = nonblank[j]
    shapes = _shapes()
    text = line.stripped
    if (
        re.match(shapes["contents_labels"], text, re.IGNORECASE)
        or _shape("contents_numbers_row", text)
        or _shape("contents_number_only", text)
        or is_label_row(line)
    ):
        return True
    if MARKDOWN_RE.match(text):
        return False  # a Markdown heading after the table is the body
    if _key_list_heading(nonblank, j):
        return False  # "Key ⏎ Mother      ML": the key list after the contents page
    bare = bare_title(text)
    entries = run_entries(text)
    listed_entry = (
        is_contents_entry(line)
        or _pages_below(nonblank, j)
        or len(entries) >= 2
        or _shape("contents_blank_page", text)
        or _listed_shape(text, listed)
    )
    if not bare or _prose(text) and not listed_entry:
        return False
    if _sentence_run(entries):
        return False
    if (bare in seen or any(bare_title(e) in seen for e in entries[1:])) and not _renumbered(text, listed):
        return _table_goes_on(nonblank, j, seen)  # the body begins: the first heading repeats an entry
    first = listed[0] if listed else None
    if not listed_entry and _expands_first_entry(text, first, seen):
        return _table_goes_on(nonblank, j, seen, reach=3)
    if (
        not listed_entry
        and listed
        and not _shape("contents_entry_loose", text)
        and _prose_below(nonblank, j)
        and not _listed_shape(nonblank[j + 1].stripped, listed)
    ):
        return False  # "About the author ⏎ I have been a social worker …": the body's first heading, no entry
    return len(text.split()) <= 16 or listed_entry


def _listed_shape(below: str, listed: list[str]) -> bool:
    """Is the line below a numbered entry of the shape the table has listed already ("1.2 Purpose of the review." then
    "3.1 Summary of the family history."): sub-entries written as sentences, numbered on from the last, so an
    entry of the table, not the body's first paragraph?"""
    own = NUMBERED_RE.match(below)
    if own is None or len(below.split()) > 40:
        return False
    level = own["num"].count(".")
    before = [
        tuple(int(p) for p in m["num"].split("."))
        for e in listed
        if (m := NUMBERED_RE.match(e)) and m["num"].count(".") == level and e.rstrip().endswith(".")
    ]
    return bool(before) and tuple(int(p) for p in own["num"].split(".")) > before[-1]


def _key_list_heading(nonblank: list[Line], j: int) -> bool:
    """Is line j a key heading ("Key", "Names used in this report") with a row of the key below it?"""
    return (
        key.is_key_heading(nonblank[j].stripped)
        and j + 1 < len(nonblank)
        and key.parse_key_line(nonblank[j + 1], headed=True) is not None
    )


def _prose_below(nonblank: list[Line], j: int) -> bool:
    """Is line j followed by a paragraph of prose, ending like a sentence (a long contents entry, "Finding 1: When
    a child …", does not): then it heads that paragraph."""
    if j + 1 >= len(nonblank):
        return False
    below = nonblank[j + 1].stripped
    return (
        _prose(below)
        and below.endswith((".", "!", "?", ".”", '."'))
        and not is_contents_entry(nonblank[j + 1])
        and len(run_entries(below)) < 2
    )


MAX_CONTENTS_LINES = 150


def listed_titles(line: Line) -> set[str]:
    """The bare titles a contents line lists (one, or each of a run of entries)."""
    return {bare_title(e) for e in run_entries(line.stripped)} - {""}


def contents_lines(lines: list[Line]) -> set[int]:
    """Indexes of lines that belong to a contents table (heading and entries).

    A contents table is a "Contents" line (or a row of column labels such as
    "Para Page") followed by entries (with or without page numbers, page
    numbers as a row of their own or alone under each entry, entries wrapped
    over two lines or run together on one); it ends at prose or where the body
    repeats an entry as its first heading.  Without a heading, a run of three
    or more entries that end in page numbers is a contents table too.
    """
    found: set[int] = set()
    nonblank = [line for line in lines if not line.is_blank]
    i = 0
    while i < len(nonblank):
        line = nonblank[i]
        labels = (
            is_label_row(line)
            and i + 1 < len(nonblank)
            and (
                is_contents_entry(nonblank[i + 1])
                or _shape("contents_entry_loose", nonblank[i + 1].stripped)
                or bool(NUMBERED_RE.match(nonblank[i + 1].stripped))
                or _pages_below(nonblank, i + 1)  # "Item Page ⏎ Introduction ⏎ 3"
            )
        )
        if re.match(r"^\s*page\s+1\s", line.text, re.IGNORECASE) and _glued_contents_heading(line):
            found.add(line.index)  # the whole table run onto one line under its "Page" column label
            i += 1
            continue
        if is_contents_heading(line) or _glued_contents_heading(line) or labels:
            found.add(line.index)
            seen = listed_titles(line) if _glued_contents_heading(line) else set()
            listed: list[str] = []
            j = i + 1
            while (
                j < len(nonblank) and j - i <= MAX_CONTENTS_LINES and _in_table_of_contents(nonblank, j, seen, listed)
            ):
                found.add(nonblank[j].index)
                if not _shape("contents_numbers_row", nonblank[j].stripped):
                    seen |= listed_titles(nonblank[j])
                    if bare_title(nonblank[j].stripped) and not _is_label(nonblank[j]):
                        listed += run_entries(nonblank[j].stripped)
                j += 1
            i = j
            continue
        run = []
        j = i
        while j < len(nonblank) and is_contents_entry(nonblank[j]):
            run.append(nonblank[j].index)
            j += 1
            if (
                j + 1 < len(nonblank)
                and not is_contents_entry(nonblank[j])
                and is_contents_entry(nonblank[j + 1])
                and len(nonblank[j].stripped.split()) <= 8
                and not _prose(nonblank[j].stripped)
            ):
                run.append(nonblank[j].index)  # an entry wrapped onto a second line
                j += 1
        if len([k for k in run if is_contents_entry(lines[k])]) >= 3:
            found.update(run)
            i = j
            continue
        numbered = _numbered_run(nonblank, i)
        if numbered:
            found.update(numbered)
            i += len(numbered)
            continue
        i += 1
    return found


def _numbered_run(nonblank: list[Line], i: int) -> list[int]:
    """Indexes of a headless contents table whose entries end in a page number after a single space ("1
    INTRODUCTION 3 ⏎ 2 ARRANGEMENTS FOR THE REVIEW 4 ⏎ 3 LIMITATIONS 7"): three or more numbered title lines in a
    row, section numbers and page numbers both going forwards.  Numbered paragraphs of the body do not end in a
    small number line after line, and a paragraph is no title."""
    run: list[int] = []
    last: tuple[tuple[int, ...], int] | None = None
    for line in nonblank[i:]:
        m = re.match(_shapes()["contents_numbered_entry"], line.stripped)
        if m is None or not looks_like_title(m["title"]) or len(m["title"].split()) > 16:
            break
        number = tuple(int(p) for p in m["num"].split("."))
        page = int(m["page"])
        if last is not None and (number <= last[0] or page < last[1]):
            break
        run.append(line.index)
        last = (number, page)
    return run if len(run) >= 3 else []


def candidate(line: Line) -> HeadingCandidate | None:
    """Classify one line as a possible heading (context decides later)."""
    text = line.stripped
    if not text or "\t" in text or is_byline(text):
        return None  # "3 March 2017": a cover date, not section 3
    shapes = _shapes()
    if m := MARKDOWN_RE.match(text):
        title = strip_markup(m["title"])
        inner = NUMBERED_RE.match(title)
        if inner:  # "## 1.2 Scope": the numbering, not the hashes, gives the level
            number = inner["num"]
            return HeadingCandidate(line, number, inner["title"], number.count(".") + 1, _kpe(title))
        return HeadingCandidate(line, None, title, len(m["hashes"]), _kpe(title))
    if m := re.match(shapes["named_section_prefixes"], text, re.IGNORECASE):
        if looks_like_title(m[2]):
            return HeadingCandidate(line, m[1], text, 1, _kpe(text))
    if m := re.match(shapes["appendix"], text, re.IGNORECASE):
        if len(text.split()) <= 12 and not text.endswith(SENTENCE_END):
            return HeadingCandidate(line, None, text, 1)
    if m := kpe().heading.match(text):
        if looks_like_title(m[2]) or len(text.split()) <= MAX_TITLE_WORDS and not text.endswith("."):
            return HeadingCandidate(line, None, text, None, kpe().label(m[1]))
    if m := NUMBERED_RE.match(text):
        title_like = looks_like_title(m["title"]) and not _runs_like_sentence(m["title"])
        if title_like and not _passive_clause(m["title"]) and not _dated_clause(m["title"]):
            number, title = m["num"], m["title"]
            parts = run_entries(text)
            # "1 Introduction 1.1 Why this case …": a heading and its first sub-heading
            if len(parts) == 2 and parts[1].startswith(number + ".") and (first := NUMBERED_RE.match(parts[0])):
                title = first["title"]
            return HeadingCandidate(line, number, title, number.count(".") + 1, _kpe(title))
        return None
    if _is_caps_heading(text) and not line.is_bullet and not _names_report_type(text):
        return HeadingCandidate(line, None, text, 1)
    return None


def strip_markup(text: str) -> str:
    """Markdown emphasis around a heading or cover line: "**Board**" → "Board"."""
    return re.sub(r"^(\*\*|__|\*|_)(.+)\1$", r"\2", text.strip()).strip()


def _names_report_type(text: str) -> bool:
    """A cover title in capitals ("SERIOUS CASE REVIEW") is the title, not a section."""
    types = _shapes()["report_types"]
    return any(re.search(p, text, re.IGNORECASE) for pats in types.values() for p in pats[:1])


def _kpe(title: str) -> str | None:
    m = KPE_IN_TITLE_RE.search(title)
    return kpe().label(m[1]) if m else None


def _is_caps_heading(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return (
        len(letters) >= 4
        and all(c.isupper() for c in letters)
        and len(text.split()) <= 10
        and not text.endswith(SENTENCE_END)
        and not re.match(r"^[A-Z0-9]{2,8}\s*[-–—:]", text)  # a key line such as "EM – …"
    )


def accept_in_sequence(candidates: list[HeadingCandidate]) -> list[HeadingCandidate]:
    """Keep the candidates whose numbering fits the running section tree."""
    accepted: list[HeadingCandidate] = []
    top = 0
    last_level = 1
    for cand in candidates:
        if cand.number is not None and cand.level and cand.level >= 1:
            parts = [int(p) for p in cand.number.split(".")]
            if len(parts) == 1:
                if not (top < parts[0] <= top + 3):
                    continue
                top = parts[0]
            elif parts[0] not in (top, top + 1) or (parts[0] == top + 1 and len(parts) > 2):
                continue
            else:
                top = parts[0]
            last_level = cand.level
        elif cand.kind == "title":  # under the last numbered or capitals heading, beside the last title
            if not accepted:
                cand.level = 1
            else:
                last = accepted[-1]
                assert last.level is not None  # every accepted candidate had its level set above
                cand.level = last.level if last.kind == "title" else min(last.level + 1, 4)
        elif cand.level is None:  # unnumbered KPE heading: a sibling of the current subsection
            cand.level = max(2, last_level) if top else 1
        accepted.append(cand)
    return accepted


def find_headings(lines: list[Line], skip: set[int], contents: set[int] | None = None) -> list[HeadingCandidate]:
    """Headings in document order, contents lines and table rows excluded.

    Cover lines (before the contents table or the first prose) are not
    sections unless a paragraph follows them; unnumbered Title Case lines
    that stand between paragraphs are (`unnumbered_title`).
    """
    nonblank = [line for line in lines if not line.is_blank]
    following = {a.index: b for a, b in pairwise(nonblank)}
    listed = {t for i in contents or () for t in listed_titles(lines[i])}
    first_prose = next((ln.index for ln in nonblank if ln.index not in skip and _prose(ln.stripped)), len(lines))
    cover_end = min([first_prose, *(contents or ())])
    contents_start = min(contents or (0,))
    found = []
    previous: Line | None = None
    numbered_seen = False
    lead_in: Line | None = None  # a sentence ending in a colon that opens a list (`_question_list_item`)
    paragraph_numbers: set[str] = set()  # numbers that opened a numbered paragraph of prose
    for line in lines:
        if line.index in skip or line.is_blank:
            previous = None if line.is_blank else line
            continue
        cand = None
        is_listed = bare_title(line.text) in listed
        if (
            _can_start_heading(previous) or is_listed
        ):  # a title the contents table lists is a heading wherever it stands
            nxt = following.get(line.index)
            cand = candidate(line) or unnumbered_title(
                line,
                previous,
                nxt,
                is_listed,
                in_body=line.index > first_prose,
                heading_below=_heading_below(nxt, line, following, first_prose),
            )
        if (
            cand is not None
            and line.index < first_prose
            and not numbered_seen  # under "1. Introduction" a sentence-case line is its sub-heading, not a headline
            and cand.kind == "title"
            and not is_listed
            and not line.stripped.endswith(":")
            and _sentence_case(cand.title)
        ):
            cand = None  # "Baby died asleep in her cot": a page's headline above its first paragraph, its title
        if cand is not None and _furniture(line.stripped):
            cand = None  # "1 Final Version", "PUBLIC", "Updated on:", "March 2022": page furniture, not a section
        if cand is not None and _question_list_item(cand, line, lead_in):
            cand = None  # "Please consider these questions: ⏎ 1. What are your thoughts?": items of a list
        if cand is None:
            if (numbered := NUMBERED_RE.match(line.stripped)) and _prose(line.stripped):
                paragraph_numbers.add(numbered["num"])
        elif (
            cand.number is not None
            and _previous_number(cand.number) in paragraph_numbers
            and _goes_on(following.get(line.index))
        ):
            cand = None  # "1.4 Two weeks after" after the prose paragraph 1.3: paragraph 1.4 cut at its line's end
        if cand is not None and (cand.number is not None or MARKDOWN_RE.match(line.stripped)):
            cover_end = min(cover_end, line.index)  # the body has begun
            numbered_seen = True
        elif cand is not None and (
            line.index < cover_end and bare_title(line.text) not in listed or line.index < contents_start
        ):
            nxt = following.get(line.index)
            if (
                nxt is None
                or not _prose(nxt.stripped)
                or is_byline(line.stripped)
                or _shape("subject_line", strip_markup(line.stripped))
                or metadata.opens_byline(nxt.stripped)
            ):  # "The Upton Case ⏎ A Review by Lord Vale …": the title
                cand = None  # a cover line: board, title, author, date (before the contents, listed or not)
        if cand is not None:
            found.append(cand)
        lead_in = _next_lead_in(lead_in, line, cand)
        previous = line
    return accept_in_sequence(found)


def _question_list_item(cand: HeadingCandidate, line: Line, lead_in: Line | None) -> bool:
    """A numbered question standing in a list that a sentence ending in a colon introduces ("Talk about these
    questions with your team:"): a list item, not a heading of the review's analysis."""
    return lead_in is not None and cand.number is not None and line.stripped.rstrip("”\"'’").endswith("?")


def _next_lead_in(lead_in: Line | None, line: Line, cand: HeadingCandidate | None) -> Line | None:
    """The open lead-in after `line`: a sentence of prose ending in a colon opens one; a numbered question line that
    was no heading keeps it open (the list goes on); any other line closes it."""
    text = line.stripped
    if text.endswith(":") and len(text.split()) >= 5 and not _shape_heading_like(text):
        return line
    if lead_in is not None and cand is None and NUMBERED_RE.match(text) and text.rstrip("”\"'’").endswith("?"):
        return lead_in
    return None


def _shape_heading_like(text: str) -> bool:
    """A short title closed by a colon ("Introduction and background:") heads a section, it leads into no list."""
    return len(text.split()) <= 4


MONTHS = calendar().month_pattern(abbreviations=False)
BYLINE_RE = re.compile(
    rf"^(?:[A-Z][\w'’-]+\s+){{0,3}}(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?(?:{MONTHS})\s+\d{{4}}$|^\d{{1,2}}[./]\d{{1,2}}[./]\d{{2,4}}$",
    re.IGNORECASE,
)


def is_byline(text: str) -> bool:
    """ "March 2011", "Kim Vale March 2019", "07.09.18": a cover date, with the author's name before it."""
    return bool(BYLINE_RE.match(strip_markup(text)))


TITLE_SMALL_WORDS = {
    "a",
    "an",
    "and",
    "as",
    "at",
    "by",
    "for",
    "from",
    "in",
    "into",
    "of",
    "on",
    "or",
    "the",
    "to",
    "with",
    "within",
}


def _more_than_report_type(text: str) -> bool:
    """Does the line say more than the review's type ("What happened before this Serious Case Review", "Practice Review:
    Baby K"), not only name it ("Serious Case Review", "The Serious Case Review")?"""
    rest = text
    for pats in _shapes()["report_types"].values():
        for p in pats:
            rest = re.sub(p, " ", rest, flags=re.IGNORECASE)
    return len([w for w in re.findall(r"[A-Za-z0-9]+", rest) if w.lower() not in TITLE_SMALL_WORDS]) >= 1


def _furniture(text: str) -> bool:
    """A version mark, a protective marking, a web page's stamp (`furniture_lines`) or a date alone."""
    bare = strip_markup(text).strip()
    return is_byline(bare) or any(re.fullmatch(p, bare, re.IGNORECASE) for p in _shapes()["furniture_lines"])


def _heading_below(nxt: Line | None, line: Line, following: dict[int, Line], first_prose: int) -> bool:
    """Is the next line, after a blank, itself a heading over a paragraph ("Introduction ⏎⏎ What happened ⏎⏎ <prose>")?
    A heading may head a sub-heading rather than prose.  Only a plain line of at most six words can: no bracket, colon
    or digit, as the rows of a key list have ("Stepfather (SF)", "Chair: Kim Vale")."""
    if nxt is None or nxt.index != line.index + 2:
        return False
    if not re.fullmatch(r"[A-Za-z][A-Za-z’'& -]*\??", line.stripped) or len(line.stripped.split()) > 6:
        return False
    below = following.get(nxt.index)
    return bool(
        unnumbered_title(nxt, None, below, in_body=nxt.index > first_prose)
        or below is not None
        and _prose(below.stripped)
        and _names_report_type(strip_markup(nxt.stripped))
        and nxt.index > first_prose
    )


def unnumbered_title(
    line: Line,
    previous: Line | None,
    nxt: Line | None,
    listed: bool = False,
    in_body: bool = False,
    heading_below: bool = False,
) -> HeadingCandidate | None:
    """A short Title Case line between paragraphs ("What Happened", "Events Leading to this Review").

    It must stand alone (after a finished line), end without punctuation and
    be followed by a paragraph of prose, which tells it from cover lines,
    list items and table cells; a line the contents table lists may be
    followed by anything (a table, a list).
    """
    text = strip_markup(line.stripped)
    table_below = (
        nxt is not None
        and (nxt.is_table_row or key.is_key_heading(text) and key.parse_key_line(nxt, headed=True) is not None)
        and len(text.split()) <= 4  # "Family ⏎ Name | Relationship …", "Key ⏎ Mother      ML"
        and not re.match(r"(?:table|figure|chart|diagram)\s+\d", text, re.IGNORECASE)
    )  # a caption is not a heading
    if listed and line.is_bullet and nxt is not None and _prose(nxt.stripped):
        text = re.sub(r"^[-*•●▪◦‣–·]\s+", "", text)  # "- Introduction" that the contents lists ("- IntroductionPage 3")
    quoted = re.fullmatch(r"[‘'\"“](?P<inner>[^‘’'\"“”]{3,80})[’'\"”]", text)
    if quoted:
        text = quoted["inner"]  # "‘Left alone for hours’": a news page's quoted sub-heading
    if (
        nxt is None
        or not (listed or _prose(nxt.stripped) or table_below or heading_below)
        or line.is_bullet
        and not listed
        or line.is_table_row
        or not text[:1].isupper()
    ):
        return None
    words = text.split()
    colon = _colon_heading(text, nxt)
    if colon:
        text = text[:-1].rstrip()  # "Introduction and background to the review: ⏎ <prose>", in sentence case too
    if len(words) > 12 or len(text) > 90 or text.endswith((".", ",", ";", ":")) or re.search(r"[,;]\s", text):
        return None
    if re.search(r"\s[–—-]\s", text) and not _title_and_subtitle(text):
        return None  # "Mother – Ms A": a key row or a list entry, not a heading
    if (
        previous is not None
        and not listed
        and not previous.stripped.endswith((".", "?", "!", ":", ")", "”", "'", "’"))
        and not _title_line(previous)
    ):
        return None
    content = [w for w in words if w.lower() not in TITLE_SMALL_WORDS and w[:1].isalpha()]
    capitalised = sum(1 for w in content if w[:1].isupper())
    # sentence case ("Baby J and her family") is a heading when the contents table lists it
    if (
        not content
        or (
            len(words) > 4
            and capitalised < 0.6 * len(content)
            and not listed
            and not colon
            and not _standalone_line(line, text, nxt)
        )
        or _names_report_type(text)
        and not text.endswith("?")
        and not (in_body and _more_than_report_type(text))
        # "What is a Serious Case Review?" heads a paragraph; "SERIOUS CASE REVIEW" is the title; after the first
        # paragraph of prose a line that says more than the review's type heads a section ("Events before the review")
    ):
        return None
    if not listed and metadata.list_page_line(text):
        return None  # "Learning Reviews", "Published CSPRs": a page that lists reviews, titled
    return HeadingCandidate(line, None, text, None, _kpe(text), kind="title")


def _title_and_subtitle(text: str) -> bool:
    """ "Lost Weekends – Reading the Signs": a title and its subtitle across one dash, each of two words or more
    and in Title Case (a key row's "Mother – Ms A" or a list's "Child A – aged 4" is not: one side is a code or
    lower case)."""
    parts = re.split(r"\s[–—-]\s", text)
    if len(parts) != 2 or re.search(r"\d", text):
        return False  # "Child Z Review – March 2020 14": a running header with its date and page
    for part in parts:
        content = [w for w in part.split() if w.lower() not in TITLE_SMALL_WORDS and w[:1].isalpha()]
        if len(part.split()) < 2 or not content or any(not w[:1].isupper() for w in content):
            return False
        if key.CODE_SHAPE_RE.search(part):
            return False
    return True


SENTENCE_CASE_MAX_WORDS = 8


def _sentence_case(title: str) -> bool:
    """More than four words, most of the content words without a capital ("Warnings were not acted on")."""
    words = title.split()
    content = [w for w in words if w.lower() not in TITLE_SMALL_WORDS and w[:1].isalpha()]
    return len(words) > 4 and sum(1 for w in content if w[:1].isupper()) < 0.6 * len(content)


def _standalone_line(line: Line, text: str, nxt: Line | None) -> bool:
    """A short sentence-case line standing alone between paragraphs ("What the family told us", "Warnings were not
    acted on"): a heading, though few of its words have capitals.  It must be short (no wrapped first line of a
    paragraph is), carry no digit, and be followed by a blank line or by a whole paragraph on one line (a page
    transcript's paragraphs are one line each, with no blank between)."""
    if nxt is None or len(text.split()) > SENTENCE_CASE_MAX_WORDS or len(text) > 60 or re.search(r"[\d‘’'\"“”]", text):
        return False  # a number or a quotation inside: a caption or a headline ("… death was 'not preventable'")
    if text.split()[-1].casefold() in {w.casefold() for w in _shapes()["wrapped_line_last_words"]}:
        return False  # "EM reported that she had not spoken to ⏎⏎ EF for six days": a sentence cut by a page break
    below = nxt.stripped.rstrip("”\"'’")
    return nxt.index > line.index + 1 or _prose(nxt.stripped) and below.endswith((".", "!", "?"))


def _colon_heading(text: str, nxt: Line | None) -> bool:
    """A short title that ends in a colon and heads a paragraph of prose ("Introduction and background to the
    review:"), not a lead-in to a list ("The agencies involved were:", "The panel found that:"): no word of
    `colon_lead_in_words` (models/structure/report_shapes.yaml), and a sentence below it."""
    words = re.findall(r"[\w'’]+", text.casefold())
    if not text.endswith(":") or not 1 <= len(words) <= 8 or nxt is None:
        return False
    if set(words) & {w.casefold() for w in _shapes()["colon_lead_in_words"]}:
        return False
    below = nxt.stripped
    return _prose(below) and below.rstrip("”\"'’").endswith((".", "!", "?"))


def _can_start_heading(previous: Line | None) -> bool:
    """A heading follows a blank line or a finished line, never a wrapped sentence."""
    if previous is None:
        return True
    tail = previous.stripped
    return (
        tail.endswith((".", "?", "!", ":", ")"))
        or tail.rstrip("”\"'’").endswith((".", "?", "!"))  # '… by an adult.”': a quotation ends the paragraph
        or "\t" in tail
        or candidate(previous) is not None
        or _title_line(previous)
    )


def _title_line(line: Line) -> bool:
    """A short line naming the review's type ("Child Safeguarding Practice Review: Child A UPB 2023/04"): the
    cover's title, which a heading may follow though it ends in no punctuation."""
    return len(line.stripped.split()) <= 16 and _names_report_type(line.stripped)
