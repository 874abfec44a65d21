"""Cover facts: board, title, subject child, period reviewed, author, report type,
the people the cover names (author, reviewer, chair) and whether the review
says its names are not the real ones.

Read from the first lines of the report (the cover and introduction), using
the label vocabularies in `models/structure/report_shapes.yaml`.  Dates are
normalised with dateparser, day first, as UK reviews write them.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from itertools import pairwise

import dateparser

from ..lexicon import calendar, title_pattern, title_words
from ..regex_cache import compiled
from ..report import Metadata, NamedPerson, NamedRole, ReportType
from ..resources import load_yaml
from .chrome import is_teaser
from .lines import Line

COVER_LINES = 40
SITE_LINES = 80  # a transcript's title, "Transcript of …" and first "Page 1: …" lines come before this
LIST_TITLE_REACH = 6  # lines after a list page's own title in which one review's title may stand
DATE_SETTINGS = {"DATE_ORDER": "DMY", "PREFER_DAY_OF_MONTH": "first", "REQUIRE_PARTS": ["month", "year"]}
DATE_TEXT = (
    r"(?:\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?[A-Z][a-z]+\.?,?\s+\d{4}"
    r"|[A-Z][a-z]+\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}"
    r"|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|[A-Z][a-z]+\s+\d{4})"
)


def _shapes() -> dict:
    return load_yaml("structure", "report_shapes.yaml")


def parse_date(text: str) -> dt.date | None:
    """A UK-style date string to a date (no guessing of missing years)."""
    cleaned = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", text.strip()).replace(" of ", " ")
    parsed = dateparser.parse(cleaned, languages=["en"], settings=DATE_SETTINGS)
    return parsed.date() if parsed else None


def find_period(text: str) -> tuple[dt.date | None, dt.date | None]:
    """The period under review, from a labelled phrase anywhere in the first part of the report."""
    shapes = _shapes()
    head = text[:20000]
    sep = shapes["period_separators"]
    for label in shapes["period_labels"]:
        pattern = (
            rf"{label}\s*(?:is|was|:|-|–|covers|covering|from|of|between)?\s*(?:the period\s*)?(?:from|between)?"
            rf"\s*(?P<a>{DATE_TEXT}){sep}(?P<b>{DATE_TEXT})"
        )
        m = re.search(pattern, head, re.IGNORECASE)
        if m:
            return parse_date(m["a"]), parse_date(m["b"])
    return None, None


def find_report_type(cover: str, text: str) -> ReportType:
    """The review type named on the cover, else the one the text names most."""
    types = _shapes()["report_types"]
    for scope in (cover, text[:20000]):
        counts = {t: sum(len(re.findall(p, scope, re.IGNORECASE)) for p in pats) for t, pats in types.items()}
        best = max(counts, key=lambda t: counts[t])
        if counts[best]:
            return best
    return "unknown"


# a title (models/lexicon/titles.yaml) may open a person's name
PERSON_RE = re.compile(
    rf"(?:(?:{title_pattern(title_words())})\.?\s+)?[A-Z][A-Za-z'’-]+(?:\s+[A-Z][A-Za-z'’-]+){{1,4}}"
)
# a peer, who is named with a title and a place ("Lord Vale of Upton", "Baroness Holt")
PEER_RE = r"(?:Lord|Lady|Baroness|Baron)\s+[A-Z][a-z'’-]+(?:\s+of\s+[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+)?)?"
LABEL_END = r"\s*(?::-?|–|—|-|\t|\s)\s*"
BOARD_LEFT_RE = re.compile(r"(?:(?:\b[A-Z][\w'’&.-]*|\bof|\band|\bupon|\bon|\bthe|\bin|&)\s+)*$")


@lru_cache(maxsize=1)
def _first_names() -> frozenset[str]:
    from ..resources import read_lines

    return frozenset(w.casefold() for w in read_lines("gazetteer", "first_names.txt"))


def _is_first_name(word: str) -> bool:
    return word.strip(".,’'").casefold() in _first_names()


def _name_words() -> set[str]:
    return set(_shapes()["not_name_words"])


def _clean_name(raw: str) -> str | None:
    """A person's name from a matched run of capitalised words, cut at the first label word."""
    words = []
    for word in raw.split():
        if word.lower().strip(".,’'") in _name_words():
            break
        words.append(word)
    titles = title_words(casefold=True)
    lead = next((i for i, w in enumerate(words) if w.lower().rstrip(".") not in titles), len(words))
    plain = words[lead:]  # "Dr Kim Lord" -> Kim Lord: a title opens a name, a surname may be a title's word
    capitals = all(w.isupper() for w in plain)
    if len(plain) < 2 or (
        any(w.isupper() and len(w) > 1 for w in plain) and not (capitals and _is_first_name(plain[0]))
    ):
        return None
    return " ".join(words)


def _labels() -> list[tuple[NamedRole, str]]:
    """(role, label pattern), longest first so "independent reviewer" wins over "reviewer"."""
    pairs = [(role, label) for role, labels in _shapes()["people_labels"].items() for label in labels]
    return sorted(pairs, key=lambda p: -len(p[1]))


def find_people(cover_lines: list[Line]) -> list[NamedPerson]:
    """Author, reviewer, chair and panel members named on the cover.

    Three shapes: "Lead Reviewer: Jane Smith" (label before, same line),
    "Report Author⏎Jane Smith" (label alone, name on the next line) and
    "Jane Smith, Independent Reviewer" (label after the name).
    """
    found: list[NamedPerson] = []
    seen: set[tuple[str, str]] = set()

    def add(name: str | None, role: NamedRole, line: Line, offset: int) -> None:
        if name and (name, role) not in seen and not any(p.name == name for p in found):
            seen.add((name, role))
            found.append(
                NamedPerson(name=name, role=role, start=line.start + offset, end=line.start + offset + len(name))
            )

    for k, line in enumerate(cover_lines):
        text = re.sub(r"\*\*|__", "  ", line.text)  # "**Independent Reviewer:** Rob Kent", offsets kept
        role = _label_only(text)
        if role and k + 1 < len(
            cover_lines
        ):  # "Independent Lead Reviewer and Author ⏎ Jane Smith MSc", "Authors ⏎ • Kim Vale, …"
            nxt = cover_lines[k + 1]
            body = re.sub(r"^\s*(?:[-*•●▪◦]\s+)?", "", nxt.text)
            m = PERSON_RE.match(body)
            if m and (below := _clean_name(m.group(0))):
                add(below, role, nxt, len(nxt.text) - len(body))
                continue
            if k and (above := _name_line(cover_lines[k - 1])):  # "Kim Vale ⏎ Independent Author": role below
                add(above, role, cover_lines[k - 1], _offset_of(above, cover_lines[k - 1].text))
                continue
            if m:
                continue
        for role, label in _labels():
            before = compiled(
                rf"(?:^|(?<=\s))(?:{label}){LABEL_END}(?P<name>{PERSON_RE.pattern})", re.IGNORECASE
            ).search(text)
            if before and (
                not text[: before.start()].strip()
                or compiled(rf"(?:{label})\s*(?::|[-–—]\s)", re.IGNORECASE).search(before.group(0))
            ):  # the label opens the line (after its indent), or ends in a colon or a spaced dash ("author - Kim Vale")
                name = _clean_name(before["name"]) if before["name"][:1].isupper() else None
                if name:
                    add(name, role, line, before.start("name"))
                    break
            alone = compiled(rf"\s*(?:{label})\s*(?::-?|-)?\s*", re.IGNORECASE).fullmatch(text)
            if alone and k + 1 < len(cover_lines):
                nxt = cover_lines[k + 1]
                m = PERSON_RE.match(nxt.text.strip())
                if m:
                    lead = len(nxt.text) - len(nxt.text.lstrip())
                    add(_clean_name(m.group(0)), role, nxt, lead)
                elif k and (above := _name_line(cover_lines[k - 1])):  # "Kim Vale ⏎ Independent Author": role below
                    add(above, role, cover_lines[k - 1], _offset_of(above, cover_lines[k - 1].text))
                break
            after = compiled(
                rf"^\s*(?P<name>{PERSON_RE.pattern}?)\s*,?\s*(?:the\s+)?(?:{label})\b", re.IGNORECASE
            ).match(text)
            if after and after["name"][:1].isupper():
                name = _clean_name(after["name"])
                if name and name == after["name"].strip():
                    add(name, role, line, after.start("name"))
                    break
    if not any(p.role in ("author", "reviewer") for p in found):
        for line in cover_lines:
            name = (
                _name_with_post_nominals(line.text)
                or (_trailing_author(line.text) if _is_title_line(line.text) else None)
                or _inline_qualified_name(line.text)
                or _name_then_post_nominals(line.text)
            )
            if name:
                add(name, "author", line, _offset_of(name, line.text))
                break
    if not any(p.role in ("author", "reviewer") for p in found):
        for line in (
            cover_lines
        ):  # "A Review by Lord Vale of Upton CBE at the request of …", "An independent report by Dr Kim Vale"
            m = re.match(rf"\s*(?i:{_shapes()['byline_label']})\s+(?P<name>{PEER_RE}|{PERSON_RE.pattern})", line.text)
            name = m and (m["name"] if re.match(PEER_RE + "$", m["name"]) else _clean_name(m["name"]))
            if m and name:
                add(name, "author", line, m.start("name"))
                break
    if not any(p.role in ("author", "reviewer") for p in found):
        for k, line in enumerate(cover_lines):  # "Report AuthorKim Vale": a label run into the name by a converter
            m = re.match(
                r"\s*(?:Report\s+|Lead\s+|Independent\s+)?(?:Author|Reviewer|Writer)(?P<name>[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){1,3})\s*$",
                line.text,
            )
            if m and _clean_name(m["name"]):
                add(_clean_name(m["name"]), "author", line, m.start("name"))
                break
            coded = re.fullmatch(
                r"\s*(?i:child|baby|young\s+person)\s+[A-Z0-9]{1,2}\s+(?P<name>[A-Z][A-Za-z'’-]+(?:\s+[A-Z][A-Za-z'’-]+){1,2})\s*",
                line.text,
            )
            if (
                coded and _is_first_name(coded["name"].split()[0]) and _clean_name(coded["name"])
            ):  # "CHILD E KIM VALE": the code, then the author
                add(coded["name"], "author", line, coded.start("name"))
                break
            if k and _name_above_date(cover_lines[k - 1 : k + 2]):  # "Final Report ⏎ Kim Vale ⏎ November 2017"
                add(line.stripped, "author", line, len(line.text) - len(line.text.lstrip()))
                break
            if (
                k + 1 < len(cover_lines)
                and (names := _co_authors_above_date(cover_lines[k : k + 2]))
                and not any(BODY_START_RE.match(ln.text) for ln in cover_lines[:k])
            ):
                for name in names:  # "Kim Vale & Ray Holt ⏎ 11.05.2016": every co-author, the first the author
                    add(name, "author", line, _offset_of(name, line.text))
                break
            m = re.search(
                rf"\b(?:Report|Review|Summary|REPORT|REVIEW|SUMMARY)\s+(?P<name>[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){{1,2}})\s+(?:{BYLINE_DATE})(?:\s*$|\s+(?=Contents\b|CONTENTS\b))",
                line.text,
            )
            if (
                m and _clean_name(m["name"]) == m["name"]
            ):  # "… Final Report Kim Vale November 2017": a cover run into one line
                add(m["name"], "author", line, m.start("name"))
                break
    if not any(p.role in ("author", "reviewer") for p in found):
        notice = False
        for (
            line
        ) in cover_lines:  # "Kim Vale March 2019" under the title, "Borough Safeguarding Children Board Kim Vale"
            if BODY_START_RE.match(line.text):
                break  # a name alone on a line of the narrative ("… a photograph posted by ⏎ Kim Vale") is no byline
            if re.match(_shapes()["title_lead_noise"], line.stripped, re.IGNORECASE):
                notice = True  # "Publication of … ⏎ Kim Vale": a page announcing the review, signed by its poster
            name = _byline_name(line.text)
            if name:
                add(name, "other" if notice else "author", line, _offset_of(name, line.text))  # named in public
                break
    prose_roles = {
        role
        for role in _shapes()["people_in_prose"]
        if role == "chair"
        and not any(p.role == "chair" for p in found)
        or role != "chair"
        and not any(p.role in ("author", "reviewer") for p in found)
    }
    if prose_roles:
        for line in cover_lines:  # "The reviewer was Kim Patel, an independent …", "The review was chaired by Sam Bell"
            for role, pats in _shapes()["people_in_prose"].items():
                if role not in prose_roles:
                    continue
                for pat in pats:
                    m = re.search(rf"\b{pat}(?P<name>{PERSON_RE.pattern})", line.text, re.IGNORECASE)
                    if m and m["name"][:1].isupper() and _clean_name(m["name"]):
                        add(_clean_name(m["name"]), role, line, m.start("name"))
    return found


# the body has begun: a numbered paragraph or heading ("1.2 The review …", "2. Findings"), or the contents
BODY_START_RE = re.compile(r"\s*(?:(?i:contents|table\s+of\s+contents)\b|\d{1,2}(?:\.\d{1,2})*\.?\s+[A-Z])")
BYLINE_DATE = (
    rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?(?:{calendar().month_pattern(abbreviations=False)})\s+\d{{4}}"
    r"|\d{1,2}[./]\d{1,2}[./]\d{2,4}"
)


def _byline_name(text: str) -> str | None:
    """A cover line that is a person's name alone, with a date, or after the board's name, and no label:
    "Kim Vale March 2019", "KIM VALE", "Upton Safeguarding Children Board Kim Vale".  The first word
    must be a known first name, since nothing else on the line says it is a person."""
    text = text.strip()
    span = _board_span(text)
    if span is not None:
        text = text[span[1] :].strip()
    m = re.fullmatch(
        rf"(?P<name>{PERSON_RE.pattern}?)(?:\s*,?\s*(?:(?i:published|dated?)\s*:?\s+)?(?:{BYLINE_DATE}))?", text
    )  # "KIM VALE Published March 2018"
    if not m or not _is_first_name(m["name"].split()[0]):
        return None
    name = _clean_name(m["name"])
    return name if name is not None and name == m["name"] and len(name.split()) <= 4 else None


def _name_above_date(window: list[Line]) -> bool:
    """The middle line of "Final Report ⏎ Kim Vale ⏎ November 2017" is the author: a name alone between the
    title block (a document-kind or title line) and the month of publication."""
    if len(window) < 3:
        return False
    above, line, below = (ln.stripped for ln in window)
    title_above = _is_title_line(above) or re.match(_shapes()["title_document_kinds"], above, re.IGNORECASE)
    name = re.fullmatch(r"[A-Z][a-z'’-]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][a-z'’-]+){1,2}", line)
    return bool(title_above and name and _clean_name(line) == line and re.fullmatch(BYLINE_DATE, below))


CO_AUTHORS_RE = re.compile(
    r"(?P<first>[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){1,2})(?P<rest>(?:\s*,\s*[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){1,2})*"
    r"\s*,?\s*(?:&|and)\s+[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){1,2})"
)


def _co_authors_above_date(window: list[Line]) -> list[str]:
    """ "Kim Vale & Ray Holt ⏎ 11.05.2016", "Kim Vale, Ray Holt and Ann Lee ⏎ March 2022": two or more full names
    alone on a cover line, the date alone below, are the co-authors.  Each must be a clean name, one must start with
    a known first name, and no two may share a surname (children a cover names together are a family)."""
    line, below = (ln.stripped for ln in window)
    if not CO_AUTHORS_RE.fullmatch(line) or not re.fullmatch(BYLINE_DATE, below):
        return []
    names = [n.strip() for n in re.split(r"\s*(?:,|&|\band\b)\s*", line) if n.strip()]
    surnames = {n.split()[-1].casefold() for n in names}
    if len(surnames) < len(names) or any(_clean_name(n) != n for n in names):
        return []
    return names if any(_is_first_name(n.split()[0]) for n in names) else []


def _post_nominals_re() -> str:
    """Letters after a name, with or without full stops ("CBE", "C.B.E.")."""
    return "|".join(
        r"\.?".join(re.escape(c) for c in p) + r"\.?" for p in sorted(_shapes()["post_nominals"], key=len, reverse=True)
    )


def _trailing_author(text: str) -> str | None:
    """A name with letters after it at the end of a title line ("… OVERVIEW REPORT Kim Vale C.B.E.")."""
    m = re.search(
        rf"(?P<name>(?:[A-Z][a-z'’-]+\s+){{1,3}}[A-Z][a-z'’-]+)\s*,?\s+(?:(?:{_post_nominals_re()})(?![A-Za-z])[\s,]*)+$",
        text,
    )
    if not m or not _is_first_name(m["name"].split()[0]):
        return None
    return _clean_name(m["name"])


def _name_with_post_nominals(text: str) -> str | None:
    """ "Terry Gould BA, MSc, CQSW": a cover line that is a name and its qualifications."""
    letters = "|".join(re.escape(p) for p in _shapes()["post_nominals"])
    m = re.fullmatch(rf"\s*(?P<name>{PERSON_RE.pattern}?)\s*,?\s+(?:(?:{letters})\b[\s,.()]*)+", text)
    return _clean_name(m["name"]) if m else None


def _name_line(line: Line) -> str | None:
    """A cover line that is a person's name and nothing else, led by a known first name: the name a slide or a
    cover sets above its role ("Kim Vale ⏎ Independent Chair")."""
    m = PERSON_RE.fullmatch(line.stripped)
    name = _clean_name(line.stripped) if m else None
    return name if name and _is_first_name(name.split()[0]) else None


def _name_then_post_nominals(text: str) -> str | None:
    """ "Kim Vale OBE Director of Vale Associates": a cover line led by a known first name and a surname with
    letters after them, then the author's post or firm."""
    m = re.match(rf"\s*(?P<name>{PERSON_RE.pattern}?)\s*,?\s+(?:(?:{_post_nominals_re()})(?![A-Za-z])[\s,]*)+\S", text)
    if not m or not _is_first_name(m["name"].split()[0]):
        return None
    return _clean_name(m["name"])


def _offset_of(name: str, text: str) -> int:
    """Where a cleaned name stands in its line: its words may be set apart by more than one space there
    ("Kim  Vale MA, BSc" of a PDF's justified cover)."""
    m = re.search(r"\s+".join(re.escape(w) for w in name.split()), text)
    return m.start() if m else max(text.find(name.split()[0]), 0)


def _inline_qualified_name(text: str) -> str | None:
    """ "… A SERIOUS CASE REVIEW Kim Vale JP, BA, MSc On behalf of the …": in a cover run into one line, a known
    first name and surname with two or more qualifications after it, and no chair's or member's label before it."""
    m = re.search(
        rf"(?<![\w'’-])(?P<name>[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){{1,2}})\s*,?\s+"
        rf"(?:(?:{_post_nominals_re()})(?![A-Za-z])[\s,]*){{2,}}",
        text,
    )
    if not m or not _is_first_name(m["name"].split()[0]):
        return None
    if re.search(r"(?i)\b(?:chair(?:ed\s+by)?|chairperson|members?)\s*:?\s*$", text[: m.start()]):
        return None
    return _clean_name(m["name"])


LABEL_WORDS = {
    "independent",
    "lead",
    "reviewer",
    "author",
    "and",
    "overview",
    "report",
    "chair",
    "of",
    "the",
    "review",
    "panel",
    "writer",
    "prepared",
    "written",
    "by",
    "serious",
    "case",
    "safeguarding",
    "practice",
    "/",
    "&",
    "co-author",
    "authors",
    "reviewers",
}


def _label_only(text: str) -> NamedRole | None:
    """The role a line names when it holds only label words ("Independent Lead Reviewer and Author")."""
    words = re.findall(r"[\w/&-]+", text.lower().rstrip(":- "))
    if not words or not set(words) <= LABEL_WORDS:
        return None
    if "chair" in words:
        return "chair"
    if {"author", "authors", "writer", "prepared", "written", "co-author"} & set(words):
        return "author"
    return "reviewer" if {"reviewer", "reviewers"} & set(words) else None


def find_author(cover_lines: list[Line]) -> str | None:
    """The named lead reviewer / author on the cover."""
    people = find_people(cover_lines)
    return next((p.name for p in people if p.role in ("author", "reviewer")), None)


def _board_span(text: str) -> tuple[int, int] | None:
    """The board's name in a line: the board phrase and the capitalised words before it."""
    stop = {w.lower() for w in _shapes()["board_not_first_words"]}
    for m in re.finditer(_shapes()["board"], text, re.IGNORECASE):
        left = BOARD_LEFT_RE.search(text[: m.start()])
        start = left.start() if left else m.start()
        if re.search(_shapes()["board_unnamed_before"] + r"\s*$", text[:start]) or re.match(
            r"(?:Each|Every|Any|An?|No|Another)\s", text[start:]
        ):
            # "When a Local Safeguarding Children Board undertakes …", "an unnamed local safeguarding children board"
            continue
        joins = list(re.finditer(r"\b(?:in|the|from|by|at|with|to|for)\s+", text[start : m.start()]))
        if joins:  # "… as Liam and Nicole in the Westmere Safeguarding Children's Board": the name starts after "the"
            start += joins[-1].end()
        kinds = list(re.finditer(r"\b(?i:review|report|summary)\b[ \t]+", text[start : m.start()]))
        if kinds:  # "Neglect Thematic Review Lindenholm Safeguarding Children Board": a cover run into one line
            start += kinds[-1].end()
        while start < m.start() and (not text[start].isupper() or text[start:].split(None, 1)[0].lower() in stop):
            nxt = text.find(" ", start, m.start())  # not from "the", "of", "Today", "Role of"
            start = m.start() if nxt < 0 else nxt + 1
        start = _after_person(text, start, m.start())
        start = _listed_places(text, start, m.start())
        if re.search(r"[A-Z]", text[start : m.end()]):  # a board is named with capitals
            return start, m.end()
    return None


def _after_person(text: str, start: int, end: int) -> int:
    """Where the board's name starts when a person's name runs into it ("Kim Vale Upton Safeguarding Children
    Board", a slide's presenter before the board): a known first name first, then the first word from the third on
    that is a UK place begins the board.  Without both, the words stay the board's."""
    words = list(re.finditer(r"\S+", text[start:end]))
    if len(words) < 3 or not _is_first_name(words[0][0]) or words[0][0].lower() in _gazetteer():
        return start
    for w in words[2:]:  # a first name and a surname at least ("West Berkshire …" is a place of two words)
        if w[0].strip(",").lower() in _gazetteer():
            return start + w.start()
    return start


PLACE_BEFORE_RE = re.compile(r"([A-Z][\w'’-]*(?:\s+(?:of\s+)?[A-Z][\w'’-]*){0,2})(,|\s+(?:and|&)\s+the)\s+$")


def _listed_places(text: str, start: int, end: int) -> int:
    """Where a partnership of several areas starts: "Ashby, Colby and Dunmere Safeguarding …" and "Colby and the
    Isle of Wight Safeguarding …" list places, and the left scan stops at the comma or after "the".  A piece before
    is taken only when it and the name's own place words are places of the gazetteer (a broad inventory), and a
    comma only in a list the name closes with "and"."""
    name = text[start:end].strip()
    while m := PLACE_BEFORE_RE.search(text[:start]):
        if m[1].lower() not in _gazetteer():
            break
        if m[2] == "," and not re.search(r"\s(?:and|&)\s", name):
            break
        if m[2] != "," and name.lower() not in _gazetteer():
            break
        start = m.start(1)
        name = text[start:end].strip()
    return start


def _place_ending(row: str) -> str | None:
    """The place a line ends with ("… a referral to the Northby"), from the gazetteer: the first half of a board's
    name broken over two lines."""
    words = row.split()
    for n in (3, 2, 1):
        if len(words) >= n and " ".join(words[-n:]).lower() in _gazetteer() and words[-n][:1].isupper():
            return " ".join(words[-n:])
    return None


def site_board(rows: list[str]) -> str | None:
    """The board a document-sharing page names as its site: "<document title> - <place> Safeguarding · <snippet>"
    on the page's first line, a "Transcript of …" or a "Page 3: …" line (`site_title_line`).  Ingest drops that
    preamble and masks teaser lines as page furniture, so the rows are the raw ones, and the site is taken only
    when it is a board (`site_is_board`)."""
    shapes = _shapes()
    first = next((k for k, row in enumerate(rows) if row.strip()), None)
    for k, row in enumerate(rows[:SITE_LINES]):
        text = row.strip()
        if not text or (
            k != first and not re.match(shapes["site_title_prefix"], text, re.IGNORECASE) and not is_teaser(text)
        ):
            continue
        m = re.match(shapes["site_title_line"], text, re.IGNORECASE)
        if m and re.search(shapes["site_is_board"], m["site"].strip(), re.IGNORECASE):
            return m["site"].strip()
    return None


def find_board(cover_lines: list[Line], text: str = "", site: str | None = None) -> str | None:
    """The commissioning board or partnership: on the cover (a place split onto the line above is
    joined back: "Isle of Wight⏎Safeguarding Children Board"), else as the first pages name it."""
    for k, line in enumerate(cover_lines):
        if national := re.fullmatch(_shapes()["national_board"], line.stripped, re.IGNORECASE):
            return national["board"]
        split = _split_board(cover_lines[k : k + 3])
        if split:
            return split
        span = _board_span(line.text)
        if span is None or len(line.stripped.split()) > 30:
            continue
        board = line.text[span[0] : span[1]].strip()
        alone = line.text[: span[0]].strip() == ""
        place_after = re.match(
            r"[ \t]+((?:[A-Z][a-z]+)(?:\s+(?:of|upon|on|and)\s+[A-Z][a-z]+)?)\b", line.text[span[1] :]
        )
        if _placeless(board) and place_after and place_after[1].lower() in _gazetteer():
            return re.sub(r"\s+", " ", board + place_after[0])  # "The Local Safeguarding Children Board Westmere has …"
        if alone and k > 0 and _placeless(board) and _place_fragment(cover_lines[k - 1].stripped):
            board = f"{cover_lines[k - 1].stripped} {board}"
        elif alone and k > 0 and _placeless(board) and (place := _place_ending(cover_lines[k - 1].stripped)):
            board = f"{place} {board}"  # "… a referral to the Northby ⏎ Safeguarding Children Board on …"
        elif (
            alone
            and re.fullmatch(r"(?:local\s+)?" + _shapes()["board"], board, re.IGNORECASE)
            and k + 1 < len(cover_lines)
            and _place_fragment(cover_lines[k + 1].stripped)
        ):
            board = f"{board} {cover_lines[k + 1].stripped}"  # "LOCAL SAFEGUARDING CHILDREN BOARD ⏎ NORTHBRIDGE"
        return re.sub(r"\s+", " ", board)
    for line in cover_lines:  # "Copyright of this report is with Upton LSCB"
        if owner := re.search(_shapes()["board_owner"], line.text):
            return owner["board"]
    previous = ""
    for row in text[:5000].split("\n"):  # the first pages name it: one line at a time, never across lines
        pos = 0
        while (span := _board_span(row[pos:])) is not None:
            start, end = span[0] + pos, span[1] + pos
            named = (
                re.match(rf"(?:Local\s+)?{_shapes()['board']}$", row[start:end], re.IGNORECASE) is None
            )  # not "the Safeguarding Children Board"
            if row[start].isupper() and named:  # a name, not "… asks safeguarding partners to …"
                return re.sub(r"\s+", " ", row[start:end])
            if not row[:start].strip() and (place := _place_ending(previous)):  # "… to the Northby ⏎ Safeguarding …"
                return re.sub(r"\s+", " ", f"{place} {row[start:end]}")
            after = re.match(r"\s+((?:[A-Z][a-z]+)(?:\s+(?:of|upon|on|and)\s+[A-Z][a-z]+)?)\b", row[end:])
            if row[start].isupper() and after and after[1].lower() in _gazetteer():
                return re.sub(r"\s+", " ", row[start:end] + after[0])  # "Local Safeguarding Children Board Westmere"
            pos = end
        previous = row if row.strip() else previous
    return _abbreviated_board(cover_lines) or site or _abbreviation_alone(text[:5000])


@lru_cache(maxsize=1)
def _gazetteer() -> frozenset[str]:
    """UK places (models/gazetteer/uk_places.txt), lower case: a place after a board's bare name is its own."""
    from ..resources import model_path

    path = model_path("gazetteer", "uk_places.txt")
    return frozenset(
        ln.strip().lower()
        for ln in path.read_text(encoding="utf-8").splitlines()
        if ln.strip() and not ln.startswith("#")
    )


def _abbreviation_alone(text: str) -> str | None:
    """The board's own abbreviation ("the CSCB", `board_abbreviation_alone`), when the first pages never give
    its name: a reader knows the board by it, and it is better than no board at all."""
    m = re.search(_shapes()["board_abbreviation_alone"], text)
    return m["board"] if m else None


def _abbreviated_board(cover_lines: list[Line]) -> str | None:
    """ "LSCB: Westmere Author: …" (a repository's cover sheet, `board_label`), else "Commissioned by Westmere
    LSCB": a place and the board's abbreviation on the cover (`board_abbreviated`), when no line names the board in
    full.  The place's words are no label or title words ("Independent LSCB Chair") and do not open a sentence
    ("The LSCB")."""
    skip = _name_words() | {w.lower() for w in _shapes()["board_not_first_words"]}
    for line in cover_lines:  # "LSCB: Westmere Author: …" on a repository's cover sheet
        labelled = re.search(_shapes()["board_label"], line.text)
        if labelled and not any(w.lower() in skip for w in labelled["board"].split()):
            return labelled["board"]
    for line in cover_lines:
        for m in re.finditer(_shapes()["board_abbreviated"], line.text):
            words = m["board"].split()[:-1]
            while words and words[0].lower() in skip:
                words = words[1:]
            if words and not any(w.lower() in skip for w in words if w[:1].isupper()):
                return " ".join([*words, m["board"].split()[-1]])
    return None


def _placeless(board: str) -> bool:
    """A board phrase with no place before it ("Safeguarding Children Board", "LOCAL SAFEGUARDING CHILDREN
    BOARD"): only then may the line above carry its place.  "Lancashire Safeguarding Children Board" has its
    own, and the author's name or an abbreviation of a glossary above it is no part of it."""
    return bool(re.fullmatch(r"(?:local\s+)?" + _shapes()["board"], board, re.IGNORECASE))


def _split_board(window: list[Line]) -> str | None:
    """A board's name set over two or three short cover lines ("East Ridge ⏎ Safeguarding Children ⏎
    Partnership"): the lines joined make the whole name, and no one line holds it."""
    for size in (3, 2):
        lines = [ln.stripped for ln in window[:size]]
        if (
            len(lines) < size
            or any(_board_span(ln) for ln in lines)
            or not all(_place_fragment(ln) or _board_words(ln) for ln in lines)
        ):
            continue
        joined = " ".join(lines)
        span = _board_span(joined)
        if span and span[0] == 0 and span[1] == len(joined):
            return joined
    return None


def _board_words(text: str) -> bool:
    """A cover line holding only words of a board's name ("Safeguarding Children", "Partnership")."""
    words = {w.lower() for w in text.split()}
    return bool(words) and words <= {
        "safeguarding",
        "children",
        "childrens",
        "children's",
        "adults",
        "board",
        "partnership",
        "partnerships",
        "partners",
        "local",
        "community",
        "safety",
    }


def _place_fragment(text: str) -> bool:
    """A cover line holding only a place ("Isle of Wight", "NORTHBRIDGE"): the first half of a board name."""
    words = text.split()
    if not 1 <= len(words) <= 4 or re.search(r"[\d:,.;]", text) or _is_title_line(text):
        return False
    if all(w.lower() in _name_words() for w in words):
        return False  # "EXECUTIVE SUMMARY REPORT", "Final Report": the document's kind, not a place
    return all(w[:1].isupper() or w in ("of", "and", "upon", "on") for w in words)


def _is_title_line(text: str) -> bool:
    shapes = _shapes()
    pats = [pats[0] for pats in shapes["report_types"].values()] + [re.escape(p) for p in shapes["title_phrases"]]
    return any(re.search(p, text, re.IGNORECASE) for p in pats)


DANGLING_RE = re.compile(
    r"(?:\b(?:a|an|the|of|into|in|on|to|for|concerning|regarding|relating|and)|:)\s*$", re.IGNORECASE
)


def find_title(cover_lines: list[Line]) -> str | None:
    """The report-type line of the cover, with the lines that carry it on ("In respect of ⏎ Child 1")."""
    shapes = _shapes()
    plural: int | None = None  # the first line of a page that lists reviews ("Case reviews published in 2014")
    for k, line in enumerate(cover_lines):
        text = re.sub(
            shapes["title_tail"], "", line.stripped, flags=re.IGNORECASE
        )  # "… Toby – published 14th March 2018"
        if plural is not None and k - plural > LIST_TITLE_REACH:
            break  # no one review's title right under the page's own: the page's title is that line
        if re.match(shapes["link_text"], text, re.IGNORECASE) or re.fullmatch(
            shapes["national_board"], text, re.IGNORECASE
        ):
            continue  # "> Read the overview report": a link, not a title; the national panel's name: the board
        if list_page_line(text):
            if (
                plural is None
                and not re.match(shapes["breadcrumb"], text, re.IGNORECASE)
                and text.count(" | ") < 2
                and not text.endswith(".")
                and len(text.split()) <= 12
            ):  # a heading, not a sentence about reviews
                plural = k
            continue
        first = re.match(
            r"([^.]{3,80})\.\s+(?:In\s+respect\s+of|Relating\s+to|Concerning|Into)\b.*\.$", text, re.IGNORECASE
        )
        if first and _is_title_line(first[1]):
            text = first[
                1
            ]  # "SERIOUS CASE REVIEW. In respect of … Presented to …": a sharing site joined the cover's lines
        glued = _trailing_author(text)
        if glued and _is_title_line(text):
            text = text[: text.rindex(glued)].strip()  # "A SERIOUS CASE REVIEW OVERVIEW REPORT Kim Vale C.B.E."
        label = re.match(
            r"^title\s*:\s*(.+?)(?:\s+(?:LSCB|LSCP|board|partnership|author|date\s+of\s+publication)\s*:.*)?$",
            text,
            re.IGNORECASE,
        )
        if label and _is_title_line(label[1]):
            return label[1].rstrip(" .")
        opening = bool(re.search(r"\breview\b", text, re.IGNORECASE)) and bool(
            DANGLING_RE.search(text)
        )  # "Review into the circumstances of"
        opening = opening or _abbreviated_title(text, cover_lines[k + 1 : k + 2])  # "Upfield SCR ⏎ Case Q"
        if (
            not (_is_title_line(text) or opening)
            or len(text.split()) > _title_words(text)
            or text.endswith(".")
            or _board_span(text)
            and not re.search(
                _shapes()["report_types"]["SCR"][0] + "|" + _shapes()["report_types"]["CSPR"][0], text, re.IGNORECASE
            )
        ):
            continue
        parts = [text]
        kept = 1  # parts that stay whatever follows (the title and a second type joined to it)
        for nxt in cover_lines[k + 1 : k + 5]:
            t = nxt.stripped
            if len(parts) == 1 and len(t.split()) >= 3 and parts[0].startswith(t):
                parts = [t]  # a page title that repeats the cover's first lines: the cover's own lines follow
                continue
            if len(parts) == kept and _joined_type_line(t):
                parts.append(t)  # "CHILD D SERIOUS CASE REVIEW ⏎ AND DOMESTIC HOMICIDE REVIEW": a joint review's title
                kept += 1
                continue
            if DANGLING_RE.search(parts[-1]) and len(t.split()) <= 8 and not _board_span(t):
                parts.append(t)  # "The Overview Report into a ⏎ Serious Case Review of the ⏎ circumstances concerning:"
                continue
            if re.match(shapes["subject_line"], t, re.IGNORECASE):
                parts.append(t)  # "Child W", "‘CHILD Y’" (a name such as "Sofia" is the subject, not part of the title)
                break
            if re.match(shapes["title_connectors"], t, re.IGNORECASE) or re.match(
                shapes["title_document_kinds"], t, re.IGNORECASE
            ):
                parts.append(t)
                if _ends_in_subject(t):
                    break  # "Relating to Baby W"
                continue
            break
        while len(parts) > kept and not (
            re.match(shapes["subject_line"], parts[-1], re.IGNORECASE) or _ends_in_subject(parts[-1])
        ):
            parts.pop()  # a kind or connector that leads to no subject stays out
        title = " ".join(parts)
        if len(parts) == 1 and re.search(shapes["subject"], title):
            title = re.sub(r"\s+(?:on\s+behalf\s+of|for|by|of)$", "", title)  # "… Child Y on behalf of ⏎ <board>"
        return title
    return cover_lines[plural].stripped if plural is not None else None


def _joined_type_line(text: str) -> bool:
    """ "AND DOMESTIC HOMICIDE REVIEW", "& Safeguarding Adults Review": a second report type that carries the
    title on, as the cover of a joint review sets it on a line of its own."""
    return bool(re.match(r"^(?:and|&)\s", text, re.IGNORECASE)) and _is_title_line(text) and len(text.split()) <= 8


def tidy_title(title: str | None) -> str | None:
    """The title without a publication notice, an article or a board before its type, or a notice, version mark or
    date after it (`title_lead_noise`, `title_tail_noise`): "XSCB publishes a Serious Case Review concerning
    Child A" is "Serious Case Review concerning Child A"."""
    if not title:
        return title
    shapes = _shapes()
    tidy = re.sub(shapes["title_tail_noise"], "", title, flags=re.IGNORECASE)
    tidy = re.sub(shapes["title_lead_noise"], "", tidy, flags=re.IGNORECASE)
    span = _board_span(tidy)
    if span and span[0] == 0:
        rest = tidy[span[1] :].lstrip(" :–—-")
        if _type_first(rest):
            tidy = rest  # "Upton Safeguarding Children Board Serious Case Review: Child E"
    return tidy.strip() if _is_title_line(tidy) else title


def _type_first(text: str) -> bool:
    """Does the text open with a report type ("Serious Case Review: Child E")?"""
    return any(re.match(pats[0], text, re.IGNORECASE) for pats in _shapes()["report_types"].values())


def named_kind_title(cover_lines: list[Line]) -> str | None:
    """A page about a review, with no cover and no numbered paragraph in its opening: the first kind of review it
    names ("a serious case review has found" → "Serious Case Review"; `named_review_kinds`) stands for its title.
    A review's own opening ("1. Introduction ⏎ 1.1 … to conduct a Child Safeguarding Practice Review") is not."""
    months = calendar().month_pattern(abbreviations=False)
    numbered = re.compile(rf"\d{{1,2}}(?:\.\d{{1,2}})*\.?\s+(?!(?i:{months})\b)[A-Z]")
    if any(numbered.match(line.stripped) for line in cover_lines):  # "09 October 2013" is a date, not a paragraph
        return None
    text = "\n".join(line.stripped for line in cover_lines)
    found = [m for p in _shapes()["named_review_kinds"] for m in [re.search(p, text)] if m]
    if not found:
        return None
    kind = re.sub(r"\s+", " ", min(found, key=lambda m: m.start()).group(0))
    return kind if kind.isupper() else " ".join(w[:1].upper() + w[1:] for w in kind.split())


LEARNING_REACH = 12  # cover lines in which a "Learning from the death of 'Tilly'" title may stand


def learning_title(cover_lines: list[Line], text: str) -> tuple[str, str] | None:
    """(title, subject) of a cover that names the review by what it learns from ("Learning from the death of
    ‘Tilly’", "Child Safeguarding Practice Review: Learning from the life of Baby Wren, aged 7 months"): the
    report-type line, if any, is no more the title than the board's name is, and the subject is the name
    the title leads to, not a word of the title.  A lead that ends its line takes the subject from the next
    ("Learning from the death of ⏎ ‘Tilly’")."""
    rules = _shapes()["learning_title"]
    lead = re.compile(rules["lead"], re.IGNORECASE)
    named = re.compile(rf"(?:{rules['subject']}){rules['tail']}")
    for k, line in enumerate(cover_lines[:LEARNING_REACH]):
        title = line.stripped
        m = lead.match(title)
        if m is None or title.endswith("."):
            continue
        rest = title[m.end() :]
        if not rest and k + 1 < len(cover_lines):
            rest = cover_lines[k + 1].stripped
            title = f"{title} {rest}"
        found = named.fullmatch(rest)
        if found and len(title.split()) <= 24 and _learning_subject(found["subject"], rest, text):
            return title, re.sub(r"['‘’\"“”]", "", found["subject"])
    return None


def _learning_subject(subject: str, rest: str, text: str) -> bool:
    """The subject of a learning title is quoted, code-shaped ("Child T", "Baby Wren"), or names that are known
    first names or that the text keeps using, never a word of a thematic title ("the deaths of Infants")."""
    if re.match(r"[\'‘\"“]", rest) or re.match(r"(?i:child|baby|infant|young\s+person)\s", subject):
        return True
    names = [n.strip("'‘’\"“”") for n in re.split(r"\s*(?:,|\band\b|&)\s*", subject)]
    return all(
        n.lower() not in _name_words()
        and (_is_first_name(n) or len(re.findall(rf"\b{re.escape(n)}\b", text[:50000])) >= 3)
        for n in names
    )


def _abbreviated_title(text: str, following: list[Line]) -> bool:
    """ "Upfield SCR ⏎ Case Q": a short line naming the review by its type's abbreviation alone is the title
    when the subject's own line follows it (alone, "SCR" is as likely a running header or a heading)."""
    return (
        bool(re.match(_shapes()["title_abbreviation_line"], text))
        and bool(following)
        and bool(re.match(_shapes()["subject_line"], following[0].stripped, re.IGNORECASE))
    )


def list_page_line(text: str) -> bool:
    """A line of a web page that lists reviews, not one review's title: a breadcrumb ("You are here: Home |
    Board | Serious Case Reviews") or review types in the plural only ("Serious Case Reviews", "10 Serious
    Case Reviews", "Our Published CSPRs")."""
    if re.match(_shapes()["breadcrumb"], text, re.IGNORECASE) or text.count(" | ") >= 2:
        return True
    pats = [p for pats in _shapes()["report_types"].values() for p in pats] + [
        re.escape(p) for p in _shapes()["title_phrases"]
    ]
    hits = [m for p in pats for m in compiled(p, re.IGNORECASE).finditer(text)]
    return bool(hits) and all(text[m.end() : m.end() + 1] in ("s", "S") for m in hits)


def _list_page_title(cover_lines: list[Line], title: str | None) -> str | None:
    """On a page that lists reviews (a plural heading, a breadcrumb), the title is the review-type line that
    names a child ("Marsh Partnership – Child K Serious Case Review Report"), not a guidance document's."""
    pattern = _shapes()["subject"]
    if not title or re.search(pattern, title) or not any(list_page_line(ln.stripped) for ln in cover_lines):
        return title
    return find_title([ln for ln in cover_lines if re.search(pattern, ln.text)]) or title


def opens_byline(text: str) -> bool:
    """ "A Review by Lord Vale of Upton …", "An independent report by Dr Kim Vale": who wrote the review."""
    return bool(re.match(rf"\s*(?i:{_shapes()['byline_label']})\s+[A-Z]", text))


def _byline_title(cover_lines: list[Line]) -> str | None:
    """ "The Ashgrove Case ⏎ A Review by Lord Vale of Upton": a short line standing right above the line that
    says who wrote the review is its title, when no line names a review type."""
    for above, line in pairwise(cover_lines):
        if opens_byline(line.text):
            text = above.stripped
            return (
                text
                if 1 <= len(text.split()) <= 10 and not text.endswith((".", ":", ";", ",")) and text[:1].isupper()
                else None
            )
    return None


def _subject_line_title(cover_lines: list[Line]) -> str | None:
    """A page that names its review only by the child ("Child Kestrel" on a line of its own, no report-type line):
    that line is the title."""
    for line in cover_lines:
        text = line.stripped
        code = re.sub(
            r"\s+(?:final\s+|overview\s+|full\s+)?(?:report|review)$", "", text, flags=re.IGNORECASE
        )  # "Family E report"
        worded = re.fullmatch(r"(?:Child|Baby|Young Person)\s+([A-Z][a-z]{2,})", code)
        if (
            re.match(_shapes()["subject_line"] + "$", code, re.IGNORECASE)
            and (code != text or not text.lower().startswith(("family", "case")))
            or (worded and worded[1].lower() not in {w.lower() for w in _shapes()["not_child_codes"]})
        ):
            return text
    return None


TITLE_LEAD_WORDS = 3  # words before a report type that a flattened cover's title may start with
TITLE_CONNECTORS = {"of", "the", "a", "an", "into", "on"}


def _flattened_title(cover_lines: list[Line]) -> str | None:
    """ "Re-evaluation of Serious Case Review LSCB: Westmere Child's initials JT Date of ...", "Vale Associates
    Ltd ELLA A SERIOUS CASE REVIEW Kim Vale MSc ...": a cover a converter ran into one line longer than any title.
    The first report type written with capitals, with up to three words before it that carry it on ("Re-evaluation
    of", "ELLA A"); never across a sentence's end, a number, a label's colon or a board's, company's or title word."""
    types = "|".join(p for pats in _shapes()["report_types"].values() for p in pats[:1])
    stop = _name_words() - TITLE_CONNECTORS
    for line in cover_lines:
        text = line.stripped
        if len(text.split()) <= _title_words(text) or re.match(r"\d+(?:\.\d+)*\.?\s", text):
            continue
        m = next((m for m in re.finditer(types, text, re.IGNORECASE) if m.group(0)[:1].isupper()), None)
        if m is None or re.search(r"[.!?]\s", text[: m.start()]):
            continue
        lead: list[str] = []
        for word in reversed(text[: m.start()].split()):
            if len(lead) == TITLE_LEAD_WORDS or re.search(r"[\d:;,.()]", word) or word.lower() in stop:
                break
            if not (word[:1].isupper() or word.lower() in TITLE_CONNECTORS):
                break
            lead.insert(0, word)
        while lead and lead[0].lower() in TITLE_CONNECTORS - {"a", "the"}:
            lead.pop(0)
        return re.sub(_shapes()["title_article"], "", " ".join([*lead, m.group(0)]), flags=re.IGNORECASE)
    return None


def _first_line_title(cover_lines: list[Line]) -> str | None:
    """The document's first line when it names itself a review by its topic ("Upfield LSCB child exploitation
    review", "Neglect review"; `title_first_line`): no report type or title phrase says so, but a document opens
    with its title.  Only a short line that ends in the word, with no sentence or label punctuation."""
    if not cover_lines:
        return None
    text = cover_lines[0].stripped
    if len(text.split()) > 10 or re.search(r"[.:;!?|]", text) or list_page_line(text):
        return None
    return text if re.search(_shapes()["title_first_line"], text, re.IGNORECASE) else None


def _title_words(text: str) -> int:
    """Most words a cover title line may have: more when it names its type and then its subject
    ("Child Safeguarding Practice Review – an appreciative inquiry following …")."""
    types = "|".join(pats[0] for pats in _shapes()["report_types"].values())
    return (
        30
        if re.match(rf"^(?:{types})\b.*?(?:\s[–—-]\s|:\s|\s(?:into|of|on|concerning|following)\s)", text, re.IGNORECASE)
        else 14
    )


def _ends_in_subject(text: str) -> bool:
    """ "Relating to Baby W", "In respect of Young Person F", "concerning AB1 & AB2": a connector line that
    ends in the subject's code."""
    if re.match(_shapes()["connector_code"], text.strip(), re.IGNORECASE):
        return True
    return bool(re.search(_shapes()["subject"] + r"['’\"”]?\s*$", text)) and len(text.split()) <= 8


def _lone_first_name(text: str) -> bool:
    """A cover line holding one known first name ("Sofia"): the name the review gives its subject."""
    return bool(re.fullmatch(r"['‘\"“]?[A-Z][a-z]{2,}['’\"”]?", text)) and _is_first_name(text.strip("'‘’\"“”"))


def cover_name_subject(cover_lines: list[Line], title: str | None, text: str) -> str | None:
    """ "Serious Case Review ⏎ Overview Report ⏎ Holly": a lone name under the title that the review keeps using."""
    if not title:
        return None
    tail = re.search(
        r"(?:[:–—-]|\bof)\s+['‘\"“]?([A-Z][a-z]{2,})['’\"”]?\*?\s*$", title
    )  # "… Review – Ella", "Review: Leo", "Review: Poppy*" (the mark of a note saying it is not her real name)
    if tail and len(re.findall(rf"\b{tail[1]}\b", text[:50000])) >= 3:
        return tail[1]
    named = _title_named_subject(title, text) or _title_lead_subject(title) or _title_person(title, text)
    if named:
        return named
    first = next((k for k, ln in enumerate(cover_lines) if title.startswith(ln.stripped)), None)
    if first is None:
        return None
    for line in cover_lines[first + 1 : first + 4]:
        word = line.stripped
        if re.fullmatch(r"[A-Z][a-z]{2,}", word) and (
            len(re.findall(rf"\b{word}\b", text[:50000])) >= 3 or _lone_first_name(word)
        ):
            return word
        if not re.match(_shapes()["title_document_kinds"], word, re.IGNORECASE):
            break
    return None


def labelled_subject(cover_lines: list[Line]) -> str | None:
    """ "SUBJECTS ⏎ Tamsin and her brothers Reuben and Kit", "Subject: Child Q": the subject(s) a cover label
    names (`subject_label`, `subject_label_inline` in report_shapes.yaml).  Alone on its line the label must be
    in capitals, plural or end in a colon (a lone "Subject" is a family table's cell); the value is a short run
    of words that starts with a capital and is no sentence."""
    shapes = _shapes()
    for k, line in enumerate(cover_lines):
        text = line.stripped
        inline = re.match(shapes["subject_label_inline"], text, re.IGNORECASE)
        if inline and _subject_value(inline["subject"]):
            return inline["subject"].strip()
        alone = re.match(shapes["subject_label"], text, re.IGNORECASE)
        if not alone or not (alone["colon"] or text.isupper() or re.search(r"(?i)subjects\b", text)):
            continue
        value = cover_lines[k + 1].stripped if k + 1 < len(cover_lines) else ""
        if _subject_value(value):
            return value
    return None


def _subject_value(value: str) -> bool:
    """A subject a label gives: one to fourteen words, a capital first, no digits but a code's, no full stop."""
    value = value.strip()
    return bool(
        re.fullmatch(r"['‘\"“]?[A-Z][\w'’‘\"“” ,&/-]{0,100}", value)
        and len(value.split()) <= 14
        and not re.search(r"\d{3,}", value)
        and not re.search(_shapes()["board"], value, re.IGNORECASE)
    )


def subject_names(value: str) -> list[str]:
    """The subject as one code, or its names when the title or cover joins several ("Ruby/Maya", "Mia and Leo",
    "Tamsin and her brothers Reuben, Kit and Ned": the words before a name that say who it is are dropped)."""
    from . import key

    parts = [re.sub(r"^(?:[a-z][\w'’-]*\s+)+", "", p) for p in re.split(r"\s*(?:/|&|,|\band\b)\s*", value)]
    named = [p for p in parts if key.is_pseudonym(p) or key.CODE_SHAPE_RE.fullmatch(p)]
    if len(parts) > 1 and named and named[0] == parts[0]:
        return named  # "Baby Q and his mother", "Mia, aged 3": the names, not what is said of them
    return [value]


def _title_person(title: str, text: str = "") -> str | None:
    """A person's name of one to three words on either side of the review's type that the title is made of
    ("Serious Case Review: Kit Vale", "Kit Vale Serious Case Review"): its first word a known first name, or a name
    of two words or more, used again in the text or ending in a listed surname, that holds no place and no
    common English word (but a listed surname); none of its words a word of a
    review's cover (`not_name_words`).  A review named after a person names its subject."""
    types = "|".join(p for pats in _shapes()["report_types"].values() for p in pats[:1])
    name = r"[A-Z][a-z]{2,}(?:[ -][A-Z][a-z]{2,}){0,2}"
    m = re.match(rf"['‘\"“]?(?P<name>{name})['’\"”]?\s*[:–—-]?\s+(?:(?i:an?|the)\s+)?(?i:{types})", title) or re.search(
        rf"(?i:{types})\s*[:–—-]?\s+['‘\"“]?(?P<name>{name})['’\"”]?\s*$", title
    )
    if m is None:
        return None
    words = re.split(r"[ -]", m["name"])
    if any(w.lower() in _name_words() for w in words):
        return None
    used = len(words) > 1 and len(re.findall(re.escape(m["name"]), text[:50000])) >= 2
    plain = not any(
        w.lower() in _gazetteer() or w.lower() in _common_words() and w.lower() not in _surnames() for w in words
    )
    surnamed = len(words) > 1 and words[-1].lower() in _surnames() and words[0].lower() not in _common_words()
    if not _is_first_name(words[0]) and not ((used or surnamed) and plain):
        return None
    return m["name"]


@lru_cache(maxsize=1)
def _surnames() -> frozenset[str]:
    """Surnames of the name gazetteer (models/gazetteer/surnames.txt)."""
    from ..resources import read_lines

    return frozenset(w.casefold() for w in read_lines("gazetteer", "surnames.txt"))


@lru_cache(maxsize=1)
def _common_words() -> frozenset[str]:
    """Frequent English words (models/names/common_words.txt): a word of a name is seldom one."""
    from ..resources import read_lines

    return frozenset(w.casefold() for w in read_lines("names", "common_words.txt"))


def _title_lead_subject(title: str) -> str | None:
    """ "ELLA A SERIOUS CASE REVIEW", "Kit: a serious case review": a known first name alone before "a" and the
    review's type is the name the review gives its subject (written as a name: "Ella")."""
    types = "|".join(p for pats in _shapes()["report_types"].values() for p in pats[:1])
    m = re.match(rf"['‘\"“]?(?P<name>[A-Z][A-Za-z]{{2,}})['’\"”]?\s*[:–—-]?\s+(?i:an?)\s+(?i:{types})", title)
    if not m or not _is_first_name(m["name"]) or m["name"].lower() in _name_words():
        return None
    return m["name"].capitalize()


def _title_named_subject(title: str, text: str) -> str | None:
    """ "Serious Case Review Toby", "Learning Review Ruby/Maya": the name(s) straight after the review's
    type that end its title, each a known first name or used again in the text, are its subject."""
    types = "|".join(p for pats in _shapes()["report_types"].values() for p in pats[:1])
    m = re.search(
        rf"(?i:{types})\s+['‘\"“]?(?P<names>[A-Z][a-z]{{2,}}(?:\s*(?:/|&|\band\b)\s*[A-Z][a-z]{{2,}})*)['’\"”]?\*?\s*$",
        title,
    )
    if not m:
        return None
    names = re.split(r"\s*(?:/|&|\band\b)\s*", m["names"])
    known = all(
        (_is_first_name(n) or len(re.findall(rf"\b{n}\b", text[:50000])) >= 3) and n.lower() not in _name_words()
        for n in names
    )
    return m["names"] if known else None


def find_subject(
    title: str | None,
    key_subject: str | None,
    cover_lines: list[Line] | None = None,
    key_child: str | None = None,
    title_named: str | None = None,
    labelled: list[str] | None = None,
) -> str | None:
    """The subject child: the key's subject, else a child-shaped code in the title, else the name the
    title ends in (`title_named`: "Overview Report: Corvin"), else what a cover label names ("SUBJECTS ⏎
    ..."), else a child-shaped code on the cover,
    else the first child the key declares ("Isla – a girl of thirteen").  A title that names its
    subject beats a code-shaped phrase further down the cover ("THE VOICE OF THE CHILD 31" of a
    contents list run into one line)."""
    if key_subject:
        return key_subject
    pattern = _shapes()["subject"]
    in_title = next(
        (m for m in re.finditer(pattern, title or "") if not m.group(1).lower().startswith("family") and _coded(m)),
        None,
    )
    if in_title is None and title_named:
        return title_named
    if in_title is None and labelled:  # "SUBJECTS ⏎ Mia and her brother Leo": the first named
        return labelled[0]
    for line in cover_lines or []:  # "Case Number 14", "Case No.SOT12(1)" alone on a cover line
        numbered = re.fullmatch(_shapes()["subject_case_number"], line.text.strip(), re.IGNORECASE)
        if numbered:
            return numbered["code"]
    for scope in [title or ""] + [ln.text for ln in cover_lines or []]:
        for m in re.finditer(pattern, scope):
            if not m.group(1).lower().startswith("family") and _coded(m):  # "THE FAMILY 3.1" of a contents line too
                return _tidy_code(m.group(1))
    family = re.search(_shapes()["subject_family"], title or "")
    if family:
        return family.group(0)  # "Family T/S", "Q FAMILY": the family the review is about, letters kept whole
    first = next((m for m in re.finditer(pattern, title or "") if _coded(m)), None)
    if first:
        return _tidy_code(first.group(1))
    for named in re.finditer(r"\b(?:Child|Baby)\s+([A-Z][a-z]{2,})\b", title or ""):
        if _is_first_name(named[1]):
            return named.group(0)  # "Child Safeguarding Practice Review: Baby Ezra"
    for line in cover_lines or []:  # "Child Kestrel" alone on a cover line: a word given as the child's code
        worded = re.fullmatch(r"['‘\"“]?((?:Child|Baby|Young Person)\s+([A-Z][a-z]{2,}))['’\"”]?", line.text.strip())
        if worded and worded[2].lower() not in {w.lower() for w in _shapes()["not_child_codes"]}:
            return worded[1]
    for line in cover_lines or []:  # "concerning AB1 & AB2"
        coded = re.match(_shapes()["connector_code"], line.text.strip(), re.IGNORECASE)
        if coded and (title or "").endswith(line.text.strip()):
            return coded["code"]
    return _review_code(title, cover_lines or []) or key_child


def _review_code(title: str | None, cover_lines: list[Line]) -> str | None:
    """The review's own case code after its type ("SCR KT21", `subject_review_code`) on the title or a cover line:
    the subject the cover states when it names no coded child; a known first name after the code wins."""
    for scope in [title or ""] + [ln.text for ln in cover_lines]:
        m = re.search(_shapes()["subject_review_code"], scope)
        if m:
            return m["name"] if m["name"] and _is_first_name(m["name"]) else m["code"]
    return None


def _coded(m: re.Match[str]) -> bool:
    """A child-shaped match whose code is not an English word of three letters or more ("CHILD ⏎ WHO DIED" of a
    title in capitals, `common_words.txt`): a code is letters or digits, never a frequent word."""
    code = re.sub(r"['‘’\"“”]", "", m.group(1).split()[-1])
    return len(code) < 3 or not code.isalpha() or code.casefold() not in _common_words()


def _tidy_code(code: str) -> str:
    """ "CHILD M" → "Child M", "YOUNG PERSON J" → "Young Person J" (the letter code keeps its case)."""
    words = re.sub(r"['‘’\"“”]", "", code).split()  # "FAMILY ‘S’" → "Family S"
    return " ".join(w.capitalize() if i < len(words) - 1 else w for i, w in enumerate(words))


def child_descriptions() -> str:
    return _shapes()["child_descriptions"]


def pseudonyms_declared(text: str) -> bool:
    """Does the review say that the names it uses are not the real ones?"""
    head = text[:60000]
    return any(compiled(p, re.IGNORECASE).search(head) for p in _shapes()["pseudonym_statements"])


def _unmarked(line: Line) -> Line:
    """The cover line without Markdown heading hashes or emphasis."""
    from .headings import strip_markup

    content = strip_markup(
        re.sub(r"^\s*#{1,6}\s+", "", re.sub(_shapes()["inline_markup"], "", line.text))
    )  # "<strong>Child</strong>ren"
    return Line(content, line.start, line.end, line.index)


def extract_metadata(
    text: str,
    lines: list[Line],
    key_subject: str | None,
    skip: set[int] | None = None,
    key_child: str | None = None,
    site: str | None = None,
) -> Metadata:
    """Cover facts from the first non-blank lines (contents lines and footnotes skipped); `site` is the board a
    document-sharing page named as its site in the preamble ingest dropped (`site_board`)."""
    skip = skip or set()
    nonblank = [line for line in lines if not line.is_blank and line.index not in skip]
    cover_lines = [_unmarked(line) for line in nonblank[:COVER_LINES]]
    cover = "\n".join(line.text for line in cover_lines)
    learning = learning_title(cover_lines, text)  # "Learning from the death of ‘Tilly’"
    title = learning[0] if learning else None
    title = (
        title
        or _list_page_title(cover_lines, find_title(cover_lines))
        or _subject_line_title(cover_lines)
        or _byline_title(cover_lines)
        or _flattened_title(cover_lines)
        or _first_line_title(cover_lines)
        or named_kind_title(cover_lines)
    )
    title = tidy_title(title)
    start, end = find_period(text)
    people = find_people(cover_lines)
    labelled = labelled_subject(cover_lines)
    named = subject_names(labelled) if labelled else []
    body = "\n".join("" if line.index in skip else line.text for line in lines)  # contents entries name no board
    meta = Metadata(
        board=find_board(cover_lines, body, site or site_board([line.text for line in lines])),
        title=title,
        subject_child=find_subject(
            title,
            key_subject,
            cover_lines,
            key_child,
            learning[1] if learning else cover_name_subject(cover_lines, title, text),
            named,
        ),
        period_start=start,
        period_end=end,
        author=next((p.name for p in people if p.role in ("author", "reviewer")), None),
        report_type=find_report_type(cover, text),
        pseudonyms_declared=pseudonyms_declared(text),
        named_people=people,
    )
    if len(named) > 1 and meta.subject_child == named[0]:
        meta.subjects = named
    return meta
