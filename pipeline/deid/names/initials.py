"""Initials of keyed people where the draft writes them without stops or as a lone letter.

Notes and tables name people by run-together initials ("AH v helpful", "Sibling DL (4)", "EY: Hi"),
and a first name with a bare letter ("Dovydas K").  The keyed-name matcher (`known.py`) generates the
forms; this module holds the evidence that such capitals are the person and not an acronym, read from
``models/names/initials.yaml``:

- a transcript's speaker label at a line's start ("EY: Good luck");
- one sense per draft: once the draft used a keyed person's capitals as the person, its other plain
  uses of the same capitals are that person (not after a determiner, not modifying a noun);
- a lone capital that is a keyed first initial, as a verb's subject, beside another person's mention,
  or opening a table cell ("| Y late to school").

Raw matches are ``(start, end, matched, forms)`` as in `pipeline.deid.names.known`.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from ...lexicon import kin_words, title_pattern, title_words
from ...resources import load_yaml, read_lines
from ...spans import OverlapIndex, overlaps_any
from .folding import fold

_DETERMINER_BEFORE = re.compile(r"\b(?:the|a|an|this|that|these|those|our|their|its)[ \t]+$", re.IGNORECASE)
_LINK = re.compile(r"[ \t]*(?:,[ \t]*(?:and[ \t]+)?|and|&|/)[ \t]*")


@lru_cache(maxsize=1)
def settings() -> dict:
    """``models/names/initials.yaml`` with its word lists as sets."""
    data = dict(load_yaml("names", "initials.yaml"))
    for k in ("acronyms_in_use", "lone_letter_never", "nameless_never"):
        data[k] = frozenset(str(w) for w in data.get(k) or ())
    data["lone_letter_not_after"] = frozenset(str(w).casefold() for w in data.get("lone_letter_not_after") or ())
    data["role_before_brackets"] = frozenset(str(w).casefold() for w in data.get("role_before_brackets") or ())
    return data


@lru_cache(maxsize=1)
def never_initials() -> frozenset[str]:
    """Capitals that are never run-together initials: the safeguarding and agency abbreviations."""
    listed = {line.split()[0] for line in read_lines("abbreviations.txt")}
    listed |= {a for agency in load_yaml("agencies.yaml")["agencies"] for a in agency.get("abbreviations", [])}
    return frozenset(listed)


@lru_cache(maxsize=1)
def _note_author_patterns() -> tuple[re.Pattern, ...]:
    return tuple(re.compile(p, re.MULTILINE) for p in settings().get("note_author_slots") or ())


def note_authors(text: str) -> list[tuple[int, int, str]]:
    """The capitals in a note's or comment's author slot ("[Comment — GR (Designated Nurse): ...]",
    "Comment (RPJ, 14/03): ...", "[HW: ...]"; models/names/initials.yaml `note_author_slots`), as
    (start, end, capitals without a closing stop): whoever wrote the note is a person."""
    found: dict[int, tuple[int, int, str]] = {}
    for rx in _note_author_patterns():
        for m in rx.finditer(text):
            who = m.group("who").rstrip(".")
            found.setdefault(m.start("who"), (m.start("who"), m.start("who") + len(who), who))
    return sorted(found.values())


@lru_cache(maxsize=1)
def modifier_abbreviations() -> frozenset[str]:
    """Abbreviations every sense of which is a possessive (models/abbreviations.txt "HM  His/Her Majesty's"): they
    only ever modify the capitalised noun after them ("HM Prison", "HM Coroner"), so the same capitals standing
    alone as a verb's subject ("HM gave advice") are somebody's initials, not the abbreviation."""
    out = set()
    for line in read_lines("abbreviations.txt"):
        parts = line.split(None, 1)
        if len(parts) < 2:
            continue
        senses = [re.sub(r"[ \t]*\([^)]*\)", "", sense).strip() for sense in parts[1].split(" / ")]
        if senses and all(sense.endswith(("'s", "’s")) for sense in senses):
            out.add(parts[0])
    return frozenset(out)


def modifies_next(text: str, end: int) -> bool:
    """A capitalised word, an ampersand or a number right after the capitals: the abbreviation's own use."""
    return bool(re.match(r"[ \t]+(?:[A-Z&]|\d)", text[end : end + 3]))


def initials_of(name: str) -> set[str]:
    """The ways a name is written as capitals: every word's and hyphened part's initial ("Callum Lorimer-Reid"
    CLR), the first and last words' ("Gillian Mary Roe" GR), an initial kept as it is ("Dr M. Stone" MS);
    titles left out.  Empty for a one-word name."""
    titles = {t.casefold() for t in title_words()}
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*\.?", name) if w.rstrip(".").casefold() not in titles]
    if len(words) < 2:
        return set()
    parts = [[p for p in re.split(r"[-‐‑]", w.rstrip(".")) if p] for w in words]
    firsts = [fold(p[0][0]).upper() for p in parts if p]
    every = "".join(fold(q[0]).upper() for p in parts for q in p)
    return {every, firsts[0] + firsts[-1], firsts[0] + "".join(fold(q[0]).upper() for q in parts[-1])}


def ordinary_acronym(token: str) -> bool:
    """An acronym in everyday use ("AC", "PC"): a person's initials only with the strongest sign."""
    return token in settings()["acronyms_in_use"]


def speaker_label(text: str, start: int, end: int) -> bool:
    """ "EY: Hi Mursal, how are ...": capitals opening a line before a colon and a message, not a glossary
    entry that spells them out ("DL: Disability Living ...")."""
    line_start = text.rfind("\n", 0, start) + 1
    if text[line_start:start].strip(settings()["speaker_prefix_chars"]):
        return False
    m = re.match(r"[ \t]*:[ \t]+(\S.*)", text[end : end + 120])
    if m is None:
        return False
    words = re.findall(r"[A-Za-z][\w'’-]*", m.group(1))
    letters = "".join(w[0].upper() for w in words[: len(text[start:end])])
    return letters != text[start:end].upper()


_QUOTE_CLOSE = re.compile(r"[\"”’'][ \t]*(?:\([ \t]*|[—–-][ \t]*)$")


def quote_attribution(text: str, start: int, end: int) -> bool:
    """'"That's on me." (TP)', '"I didn't." – TP': capitals alone after a closing quotation mark, in brackets
    or after a dash, are who said it."""
    if not _QUOTE_CLOSE.search(text, max(0, start - 6), start):
        return False
    bracketed = text[max(0, start - 6) : start].rstrip(" \t").endswith("(")
    return bool(re.match(r"[ \t]*\)" if bracketed else r"[ \t]*(?:[.,;]|$|\n)", text[end : end + 3]))


def bare_letter_after_first_name(text: str, end: int, matched: str) -> bool:
    """ "Dovydas K", "Luciana B": a keyed first name and a surname's letter without its stop, at the end of the
    phrase (not "Jade K-9", not before another name, not "Sami I think")."""
    if re.match(r"[\w\-]|['’](?!s\b)", text[end : end + 2]):
        return False
    letter = matched.rstrip()[-1:]
    if letter in settings()["lone_letter_never"] and re.match(r"[ \t]+[a-z]", text[end : end + 3]):
        return False
    nxt = re.match(r"[ \t]+([A-Z][\w'’-]+)", text[end : end + 40])
    from .derived import is_other_name

    return not (nxt and is_other_name(nxt.group(1)))


def _letters(matched: str) -> str:
    return re.sub(r"[^A-Za-z]", "", fold(matched))


def _a_thing(doc, start: int, end: int) -> bool:
    """ "DL visit", "AC unit", "the CPS and WC": the capitals parsed as a modifier of the noun right after them,
    or with a determiner on them or on the phrase they are coordinated into."""
    from ...nlp import doc_text
    from .known import _has_determiner

    if doc is None:
        return False
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    token = span[-1]
    if _has_determiner(token):
        return True
    head = token.head
    if head.i != token.i + 1 or not any(ch.isalpha() for ch in head.text) or "\n" in doc_text(doc)[end : head.idx]:
        return False  # "| RP |": a table's pipe parsed as the noun, or a noun in the next row, is no phrase of theirs
    return token.dep_ in ("compound", "amod", "nmod") and head.pos_ == "NOUN"


def _proper_noun(doc, start: int, end: int) -> bool:
    if doc is None:
        return False
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and len(span) == 1 and span[0].pos_ == "PROPN"


def _word_in_capitals(token: str) -> bool:
    """ "TO", "IS", "ME": a function word in capitals."""
    from .known import _stop_words

    return token.casefold() in _stop_words()


def capitals_line(text: str, start: int) -> bool:
    """A line written in capitals (a heading: "NOVEMBER TO DECEMBER 2014"), where capitals say nothing."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    letters = [c for c in text[line_start : line_end if line_end >= 0 else len(text)] if c.isalpha()]
    return len(letters) >= 8 and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def used_as_person(text: str, raw: list, pending: list, doc, protected: frozenset[str]) -> list:
    """The `pending` run-together initials (those no person's place vouched for) whose capitals the draft
    used elsewhere as a keyed person ("DL tells class teacher" makes "Sibling DL (4)" the same boy), each
    with the forms of the people so used."""
    if not settings().get("one_sense_per_draft") or not pending:
        return []
    used: dict[str, set[str]] = {}
    for _, _, matched, forms in raw:
        if forms and forms[0].rule in ("initials", "given_initials"):
            used.setdefault(_letters(matched), set()).update(f.code for f in forms)
    taken = [(r[0], r[1]) for r in raw]
    out = []
    for start, end, matched, forms in pending:
        codes = used.get(_letters(matched))
        if not codes or overlaps_any(taken, start, end) or matched in never_initials() or matched in protected:
            continue
        if text[end : end + 1].isdigit():
            continue  # "ST4", "PC2": a grade or a number's prefix, not "ST" the person
        if capitals_line(text, start):
            continue
        if _DETERMINER_BEFORE.search(text, max(0, start - 12), start) or _a_thing(doc, start, end):
            continue
        if (ordinary_acronym(matched) or _word_in_capitals(matched)) and not _proper_noun(doc, start, end):
            continue  # "I said OK" beside a keyed Oleksandra K.'s "O.K.", "TO": the word, unless parsed as a name
        kept = [f for f in forms if f.code in codes]
        if kept:
            out.append((start, end, matched, kept))
            taken.append((start, end))
    return out


_BRACKETED_ROLE = re.compile(r"[ \t]*\((?P<inner>[^()\n\d]{1,40})\)")
_APPOSED_ROLE = re.compile(r",[ \t]+(?:the|our|a|an|her|his|their)[ \t]+(?P<inner>[^,.;()\n\d]{1,40}),")


def role_after(text: str, end: int) -> bool:
    """Capitals followed by the role or agency of whoever they are, in brackets or in apposition ("FG
    (consultant)", "KF (CSC)", "L.A., the Named Nurse, has"): a person holds a role, an acronym does not."""
    from .derived import _role_words

    m = _BRACKETED_ROLE.match(text, end) or _APPOSED_ROLE.match(text, end)
    if m is None:
        return False
    words = re.findall(r"[^\W\d_]+", m.group("inner"))
    roles = _role_words()
    return any(w.casefold() in roles or (w.isupper() and w in never_initials()) for w in words)


# the joins of a list of people: commas, "and", "&", and the slash of a crew line or an owners' cell ("AB / TG")
_LIST_GAP_BEFORE = re.compile(r"(?:[ \t]*\([^()\n]{0,40}\))?[ \t]*(?:[,;&/]|\band\b)[ \t]*(?:and[ \t]+)?\Z")
_LIST_GAP_AFTER = re.compile(r"(?:[ \t]*\([^()\n]{0,40}\))?[ \t]*(?:[,;&/]|\band\b)[ \t]*(?:and[ \t]+)?")


def _listed_beside(text: str, start: int, end: int, people: list[tuple[int, int]]) -> bool:
    """The capitals are an item of a list whose neighbouring item is a person's mention ("Present: FG
    (consultant), ST (reg), TM (HSW)" once "TM" is someone's): the items of one list are of one kind."""
    for s, e in people:
        if e <= start and start - e <= 48 and _LIST_GAP_BEFORE.search(text[e:start]):
            return True
        if s >= end and s - end <= 48:
            m = _LIST_GAP_AFTER.match(text, end)
            if m and m.end() == s:
                return True
    return False


def _bare_initials(surface: str, protected: frozenset[str]) -> bool:
    """A mention written as a person's run-together initials ("CR"), not a code the draft uses for a role."""
    return INITIALS_ONLY.fullmatch(surface) is not None and surface.rstrip(".") not in protected


def _cell(text: str, start: int, end: int) -> tuple[int, int, int] | None:
    """(line start, line end, column index) when the capitals fill a table cell alone or beside a role after a
    slash ("| JH |", "| EF / DSL |")."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    line = text[line_start:line_end]
    if not line.lstrip().startswith("|"):
        return None
    left = text[line_start:start]
    cell_start = left.rfind("|")
    cell_end = text.find("|", end, line_end)
    if cell_start < 0 or cell_end < 0:
        return None
    before, after = left[cell_start + 1 :].strip(), text[end:cell_end].strip()
    if not (before in ("", "/") or before.endswith("/")) or not (after == "" or after.startswith("/")):
        return None
    return line_start, line_end, left.count("|")


def _column_of_people(text: str, cell: tuple[int, int, int], people: list[tuple[int, int]]) -> bool:
    """Two other rows of the table hold a person's mention in the same column ("| HV Joanne Heath |",
    "| Dr Taufa |" above "| JH |"): the column names who acted, so the capitals are a person's too."""
    line_start, line_end, column = cell
    rows: list[tuple[int, int]] = []
    pos = line_start
    while pos > 0:  # the rows above, then below, while lines start with a pipe
        prev = text.rfind("\n", 0, pos - 1) + 1
        if not text[prev : pos - 1].lstrip().startswith("|"):
            break
        rows.append((prev, pos - 1))
        pos = prev
    pos = line_end + 1
    while pos < len(text):
        nxt = text.find("\n", pos)
        nxt = len(text) if nxt < 0 else nxt
        if not text[pos:nxt].lstrip().startswith("|"):
            break
        rows.append((pos, nxt))
        pos = nxt + 1
    found = 0
    for row_start, row_end in rows:
        bars = [i for i in range(row_start, row_end) if text[i] == "|"]
        if len(bars) <= column:
            continue
        lo, hi = bars[column - 1], bars[column]
        if any(lo < s and e <= hi for s, e in people):
            found += 1
    return found >= int(settings().get("column_people", 2))


def header_cells(text: str, line_start: int) -> list[str] | None:
    """The header cells of the table a row belongs to: the row above the table's "|---|" rule."""
    pos = line_start
    while pos > 0:
        prev = text.rfind("\n", 0, pos - 1) + 1
        line = text[prev : pos - 1].strip()
        if not line.startswith("|"):
            return None
        if re.fullmatch(r"\|?(?:[ \t]*:?-{2,}:?[ \t]*\|)+[ \t]*:?-*:?[ \t]*", line):
            head_start = text.rfind("\n", 0, prev - 1) + 1
            head = text[head_start : prev - 1].strip()
            return head.split("|") if head.startswith("|") else None
        pos = prev
    return None


def _people_header(text: str, line_start: int, column: int) -> bool:
    """The header of the cell's column is a word that heads a column of people (initials.yaml
    `people_column_headers`: "Owner", "Lead", "By whom"); a date column headed "By" is no person's."""
    cells = header_cells(text, line_start)
    if cells is None or len(cells) <= column:
        return False
    words = re.findall(r"[^\W\d_]+", cells[column].casefold())
    return " ".join(words) in set(settings().get("people_column_headers") or ())


@lru_cache(maxsize=1)
def _attendance_line() -> re.Pattern:
    labels = sorted(settings().get("attendance_labels") or (), key=len, reverse=True)
    alts = "|".join(r"[ \t]+".join(map(re.escape, label.split())) for label in labels)
    return re.compile(rf"(?:^[ \t>*_-]*|[.;)][ \t]+[*_]*)(?i:{alts})[ \t*_]*:", re.MULTILINE)


def in_attendance_list(text: str, start: int, end: int) -> bool:
    """The mention stands in the record's own list of who attended: after "Present:", "Attendees:" (initials.yaml
    `attendance_labels`) opening its line or a sentence of it, or in a table column headed "Attendee" / "Present"."""
    line_start = text.rfind("\n", 0, start) + 1
    if _attendance_line().search(text, line_start, start):
        return True  # "Present: ...", "Chair: R. Gill (TM). Present: ..."
    if not text[line_start:start].lstrip().startswith("|"):
        return False
    column = text[line_start:start].count("|")
    cells = header_cells(text, line_start)
    if cells is None or len(cells) <= column:
        return False
    words = " ".join(re.findall(r"[^\W\d_]+", cells[column].casefold()))
    return words in set(settings().get("attendance_labels") or ())


def in_people_column(text: str, start: int, end: int) -> bool:
    """The capitals fill a table cell in a column whose header says it holds people ("Owner", "Who", "Initials")."""
    cell = _cell(text, start, end)
    return cell is not None and _people_header(text, cell[0], cell[2])


@lru_cache(maxsize=1)
def _entry_author_patterns() -> tuple[re.Pattern, ...]:
    return tuple(re.compile(p, re.MULTILINE) for p in settings().get("entry_author_slots") or ())


def entry_author(text: str, start: int, end: int) -> bool:
    """ "23/12/25 09:45 RH PLN. Form rec'd", "24/03/25. HB visit.", "**Tue 12/03/24 — 21:05 — GF**": the capitals
    right after a log entry's date (and time) at a line's start, or closing the entry's heading, where a log puts
    whoever wrote the entry (initials.yaml `entry_author_slots`).  A heading with its weekday and a written date
    ("Thursday 21 March 2024, 19:45, CF") runs to some 60 characters before its author."""
    line_start = text.rfind("\n", 0, start) + 1
    if start - line_start > 64:
        return False
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    for rx in _entry_author_patterns():
        m = rx.match(text, line_start, line_end)
        if m is not None and m.start("who") == start:
            return True
    return False


_BRACKET_BEFORE = re.compile(r"([^\W\d_]+)\.?[ \t]*\([ \t]*\Z")


def role_before_brackets(text: str, start: int, end: int) -> bool:
    """ "Police (TH):", "CSC (LM):", "lunchtime key adult (KB)": capitals alone in brackets right after a role, an
    agency or a role abbreviation name whoever holds it."""
    if not re.match(r"[ \t]*\)", text[end : end + 3]):
        return False
    m = _BRACKET_BEFORE.search(text, max(0, start - 40), start)
    if m is None:
        return False
    from .derived import _role_words

    word = m.group(1)
    low = word.casefold()
    return low in _role_words() or low in settings()["role_before_brackets"] or word in never_initials()


@lru_cache(maxsize=1)
def _nameless_after() -> re.Pattern:
    phrases = sorted(settings().get("nameless_after") or (), key=len, reverse=True)
    alts = "|".join(r"[ \t]+".join(map(re.escape, p.split())) for p in phrases)
    return re.compile(rf"(?i:\b(?:{alts}))[ \t]*:?[ \t]+\Z")


_TITLE_BEFORE = re.compile(r"\b(?:Dr|Mr|Mrs|Ms|Miss|Mx)\.?[ \t]+\Z")


def person_slot(
    text: str, start: int, end: int, doc, people: list[tuple[int, int]], authors: frozenset[int] = frozenset()
) -> bool:
    """Capitals where a record puts a person: a people column's cell, a log entry's author, a signature, a
    note's or a message's author, beside a role ("FG (consultant)", "Police (TH)"), after a personal title
    ("Dr FA"), after "seen by", "discussed with" (`nameless_after`), or as an item of a list of people."""
    from .known import _signed

    return (
        in_people_column(text, start, end)
        or entry_author(text, start, end)
        or role_before_brackets(text, start, end)
        or role_after(text, end)
        or _signed(text, start, end)
        or speaker_label(text, start, end)
        or start in authors  # `note_authors`
        or bool(_TITLE_BEFORE.search(text, max(0, start - 8), start))
        or bool(_nameless_after().search(text, max(0, start - 40), start))
        or _listed_beside(text, start, end, people)
    )


def _used_as_thing(text: str, letters: str, uses: list[tuple[int, int]], doc, people: list[tuple[int, int]]) -> bool:
    """The draft itself uses the letters as a thing or a role somewhere: after a determiner ("the PNC"), modifying
    a noun ("a TM decision"), in the plural ("TMs"), as the label of a number ("NOM 1966725", "NI SK 63 02 91 A",
    "EDD 05/01"), or as the title before a person's name ("FME Dr Oduya", "MGM (Mrs Boateng)")."""
    if re.search(rf"(?<![\w-]){re.escape(letters)}s\b", text):
        return True
    starts = {s for s, _ in people}
    for s, e in uses:
        if _DETERMINER_BEFORE.search(text, max(0, s - 12), s) or _a_thing(doc, s, e):
            return True
        if _NUMBER_AFTER.match(text, e):
            return True
        gap = re.match(r"[ \t]+\(?[ \t]*", text[e : e + 5])
        if gap and e + gap.end() in starts:
            return True
    return _labels_values(text, uses)


_VALUE_AFTER = re.compile(
    r"[ \t]*:?[ \t]*(?:(?P<decimal>\d{1,3}\.\d+)|(?P<count>\d{1,3})|\[[A-Z][A-Z_]+\])(?![\w/:-]|\.\d)"
)


def _labels_values(text: str, uses: list[tuple[int, int]]) -> bool:
    """The letters label a value, as a record's field or a measurement does, not a person: a placeholder of an
    identifier follows them ("NI [NI_NUMBER]"), a decimal reading ("BM 5.1"), or small numbers that differ from
    one use to the next ("GCS 12" ... "GCS 15": a score read over time; a person's age beside their initials
    stays the same number)."""
    counts = set()
    for _s, e in uses:
        m = _VALUE_AFTER.match(text, e)
        if m is None:
            continue
        if m.group("count") is None:
            return True
        counts.add(m.group("count"))
    return len(counts) > 1


_NUMBER_AFTER = re.compile(r"[ \t]*:?[ \t]*(?:\d{3,}|[A-Z]{1,3}[ \t]?\d)")  # a reference's, not a date's
_RUN_TOGETHER = re.compile(r"(?<![\w.'’&/-])([A-Z]{2,3}|(?:[A-Z]\.){2,3})(?![\w'’&/-])")


def nameless_initials(
    text: str, taken: list[tuple[int, int]], people: list[tuple[int, int]], doc, known: frozenset[str]
) -> list[tuple[int, int, str]]:
    """Capitals of someone the draft never names ("| KD | Radiographer |", "Discussed with TB (duty Insp)"), as
    (start, end, letters): when one of their uses stands in a person's place (`person_slot`) and none is a thing's
    (`_used_as_thing`), every plain use of the letters is one unlisted person.  `known` holds the letters that are
    something else: the key's codes and people's initials, the draft's declared codes and abbreviations; the
    abbreviations lists and everyday acronyms are never anyone's here."""
    uses: dict[str, list[tuple[int, int]]] = {}
    for m in _RUN_TOGETHER.finditer(text):
        uses.setdefault(m.group(1).replace(".", ""), []).append((m.start(1), m.end(1)))
    spans = list(taken)
    authors = frozenset(s for s, _, _ in note_authors(text))
    out = []
    for letters, where in uses.items():
        if letters in known or letters in never_initials() or letters in settings()["nameless_never"]:
            continue
        if ordinary_acronym(letters) or _word_in_capitals(letters):
            continue
        free = [
            (s, e)
            for s, e in where
            if not overlaps_any(spans, s, e) and not capitals_line(text, s) and not text[e : e + 1].isdigit()
        ]
        if not free or not any(person_slot(text, s, e, doc, people, authors) for s, e in free):
            continue
        if _used_as_thing(text, letters, where, doc, people):
            continue
        for s, e in free:
            out.append((s, e, text[s:e]))
            spans.append((s, e))
    return sorted(out)


def in_initials_column(text: str, start: int) -> bool:
    """The table cell at `start` lies in a column the draft heads "Initials" ("| Initials | Designation |", "Staff
    initials"): the draft says its cells are people's initials, not codes it gave them."""
    line_start = text.rfind("\n", 0, start) + 1
    if not text[line_start:start].lstrip().startswith("|"):
        return False
    cells = header_cells(text, line_start)
    column = text[line_start:start].count("|")
    return cells is not None and len(cells) > column and "initials" in re.findall(r"[a-z]+", cells[column].casefold())


def unexplained_initials(text: str, doc, codes: set[str], key_codes: set[str]) -> list[tuple[int, int]]:
    """For `scr verify --key`: capitals left in a coded text where a record puts a person (`person_slot`) that are
    no code (`key_codes`, and `codes`: the text's own, less those declared in a column headed "Initials"), no listed
    abbreviation or everyday acronym, and never used by the text as a thing: someone's initials left uncoded."""
    role = [(e.start_char, e.end_char) for e in doc.ents if e.text in codes] if doc is not None else []
    people = role + [(m.start(), m.end()) for m in re.finditer(r"\[PERSON-\d+\]", text)]
    explained = set(key_codes) | {
        c for c in codes if not any(in_initials_column(text, m.start()) for m in _uses(text, c))
    }
    return [(s, e) for s, e, _ in nameless_initials(text, [], people, doc, frozenset(explained))]


def _uses(text: str, letters: str) -> list[re.Match]:
    return list(re.finditer(rf"(?<![\w.'’&/-]){re.escape(letters)}(?![\w'’&/-])", text)) if letters.isupper() else []


def roster_initials(text: str, raw: list, pending: list, doc, protected: frozenset[str]) -> list:
    """The `pending` run-together initials of keyed people that stand where minutes and tables put people:
    before their role or agency ("FG (consultant)"), as an item of a list beside another person ("ST (reg),
    TM (HSW)"), or in a table column whose other rows name people ("| JH |" under "| HV Joanne Heath |").
    Repeated to a fixed point, since each person found may vouch for the next item of a list."""
    if not pending:
        return []
    people = [(r[0], r[1]) for r in raw]
    out: list = []
    # an abbreviation's letters ("HM") only as an item of the minutes' own attendance list, which declares people,
    # or as an item of a list of other people's bare initials ("Informed CR and GP"): a list's items are of one kind
    left = [p for p in pending if p[2] not in protected]
    changed = True
    while changed and left:
        changed = False
        for item in list(left):
            start, end, matched, _forms = item
            if overlaps_any(people, start, end) or capitals_line(text, start):
                left.remove(item)
                continue
            if matched in never_initials() and not in_attendance_list(text, start, end):
                initialled = [(s, e) for s, e in people if _bare_initials(text[s:e], protected)]
                if _listed_beside(text, start, end, initialled) and not _DETERMINER_BEFORE.search(
                    text, max(0, start - 12), start
                ):
                    out.append(item)
                    people.append((start, end))
                    left.remove(item)
                    changed = True
                continue
            if (entry_author(text, start, end) or reference_author(text, start, end)) and not ordinary_acronym(matched):
                out.append(item)  # "24/03/25. HB visit.", "FL/dk": a record's author, though parsed as the visit's kind
                people.append((start, end))
                left.remove(item)
                changed = True
                continue
            if _DETERMINER_BEFORE.search(text, max(0, start - 12), start) or _a_thing(doc, start, end):
                left.remove(item)
                continue
            cell = _cell(text, start, end)
            everyday = ordinary_acronym(matched) or _word_in_capitals(matched)
            if (
                (not everyday and (role_after(text, end) or role_before_brackets(text, start, end)))
                or _listed_beside(text, start, end, people)
                or (cell is not None and _people_header(text, cell[0], cell[2]))  # "| AS |" under "Owner"
                or (cell is not None and not everyday and _column_of_people(text, cell, people))
            ):
                out.append(item)
                people.append((start, end))
                left.remove(item)
                changed = True
    return out


def attending_initials(text: str, raw: list, pending: list, doc, protected: frozenset[str]) -> list:
    """The `pending` run-together initials of a keyed person whom the minutes' own attendance list names
    ("Present: ..., Imogen Thackray (SW), ..."), where a person stands ("IT: mother speaks little English", "RE to
    speak to the mother"): the list declares them, so the letters are that person's though they also spell an
    acronym or an abbreviation ("IT", "RE", "OT")."""
    if not pending:
        return []
    listed = {r[3][0].code for r in raw if len({f.code for f in r[3]}) == 1 and in_attendance_list(text, r[0], r[1])}
    if not listed:
        return []
    taken = [(r[0], r[1]) for r in raw]
    authors = {s for s, _, _ in note_authors(text)}
    out = []
    for start, end, matched, forms in pending:
        fits = [f for f in forms if f.code in listed]
        if len({f.code for f in fits}) != 1 or matched in protected or overlaps_any(taken, start, end):
            continue
        if capitals_line(text, start) or not _person_use(text, start, end, doc, authors):
            continue
        out.append((start, end, matched, fits[:1]))
        taken.append((start, end))
    return out


@lru_cache(maxsize=1)
def _reference_initials() -> re.Pattern[str] | None:
    pattern = settings().get("reference_initials")
    return re.compile(pattern) if pattern else None


def reference_typists(text: str) -> list[tuple[int, int]]:
    """The typist's lower-case initials of a letter's reference line ("FL/dk", "TW/jh"; initials.yaml
    `reference_initials`): a person's, where prose would never put two or three lower-case letters."""
    rx = _reference_initials()
    return [] if rx is None else [m.span("typist") for m in rx.finditer(text)]


def reference_author(text: str, start: int, end: int) -> bool:
    """The capitals are the author's of a letter's reference line ("FL" of "typed 21/10/24 FL/dk")."""
    rx = _reference_initials()
    m = rx.match(text, start) if rx is not None else None  # (its look-behind still sees the text before)
    return m is not None and m.span("author") == (start, end)


@lru_cache(maxsize=1)
def signed_letter_re() -> re.Pattern[str]:
    """A lone capital (its stop allowed) ending a line: after a sentence's end, alone on the line, or after a
    letter's closing and its comma ("Cheers, O."; the closings of models/names/person_verbs.yaml `signoffs`)."""
    from .unknown import lexicon

    closings = "|".join(
        sorted((r"[ \t]+".join(map(re.escape, words)) for words in lexicon().signoffs), key=len, reverse=True)
    )
    return re.compile(
        rf"(?:(?<=[.!?])[\"”’']?[ \t]+|^[ \t>]*|(?i:\b(?:{closings}))[ \t]*,?[ \t]*\n?[ \t>]*)"
        rf"(?P<letter>[A-Z])\.?(?=[\"”’']?[ \t]*(?:\n|\Z))",
        re.M,
    )


def signed_letters(matcher, text: str, raw: list) -> list:
    """A lone capital closing a message or minutes, after its last sentence or alone on the last line ("I'll be
    at the meeting. J", "Minutes agreed by the chair.⏎M."): the writer's initial, when exactly one keyed
    person's given name starts with it."""
    from .known import NameForm
    from .links import _first_initials

    initials = _first_initials(matcher)
    spans = [(r[0], r[1]) for r in raw]
    out = []
    for m in signed_letter_re().finditer(text):
        letter, start = m.group("letter"), m.start("letter")
        end = m.end()
        codes = initials.get(letter) or []
        after_closing = bool(re.search(r",[ \t]*\n?[ \t>]*\Z", text[max(0, start - 4) : start]))
        never = letter in settings()["lone_letter_never"] and not after_closing  # "Cheers, O." is no vowel
        if len(codes) != 1 or never or overlaps_any(spans, start, end):
            continue
        if _lettering(text, start, letter, matcher.protected) or capitals_line(text, start):
            continue
        forms = [NameForm(text=letter, code=codes[0], rule="single_initial", tokens=(("letter", letter),))]
        out.append((start, end, text[start:end], forms))
        spans.append((start, end))
    return out


# a person's capitals in the cell or the brackets right after their name: "| Hannah Pryce | HP |", "Jo Bell (JB)"
_DECLARED_AFTER = re.compile(
    r"[ \t]*(?:\|[ \t]*|\([ \t]*|[,–—][ \t]*)(?P<caps>[A-Z][A-Za-z'’-]{1,7})(?=[ \t]*(?:\||\)|,|\n|$))"
)


_ROW_CAPITALS = re.compile(r"[ \t]*(?P<caps>[A-Z][A-Za-z'’-]{1,7})[ \t]*")


def row_initials(text: str, start: int, end: int) -> re.Match | None:
    """The capitals in the same table row as a mention, in a column whose header says it holds initials
    ("| DS Carl Lomax | Police | CL |" under "| Attendee | Role | Initials in minutes |"; initials.yaml
    `initials_column_words`): the row pairs them with the name whatever cells lie between.  A match whose
    group ``caps`` is at its offset in `text`; None outside such a table or when the cell holds no capitals."""
    line_start = text.rfind("\n", 0, start) + 1
    if not text[line_start:start].lstrip().startswith("|"):
        return None
    cells = header_cells(text, line_start)
    if cells is None:
        return None
    words = set(settings().get("initials_column_words") or ())
    columns = [i for i, cell in enumerate(cells) if words & set(re.findall(r"[^\W\d_]+", cell.casefold()))]
    own = text[line_start:start].count("|")
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    bars = [i for i in range(line_start, line_end) if text[i] == "|"]
    for column in columns:
        if column == own or column >= len(bars) or column < 1:
            continue
        m = _ROW_CAPITALS.fullmatch(text, bars[column - 1] + 1, bars[column])
        if m is not None:
            return m
    return None


_APOSTROPHE_PREFIX = re.compile(r"([OD])['’]([^\W\d_])")


def apostrophe_forms(caps: str, words: list[str]) -> set[str]:
    """The other way of writing the declared capitals of a name with an O'/D' surname: with the apostrophe
    ("GO'D" of Gráinne O'Dowd, declared "GOD") or without it ("GOD" of a declared "GO'D").  Initials keep
    the apostrophe as the surname writes it, so both are the same declaration; empty for other names."""
    from .known import name_capitals

    if not any(_APOSTROPHE_PREFIX.match(w) for w in words) or "".join(c for c in caps if c.isupper()) != (
        plain := name_capitals(words)
    ):
        return set()
    written = "".join(
        f"{fold(m.group(1))}'{fold(m.group(2)).upper()}" if (m := _APOSTROPHE_PREFIX.match(w)) else fold(w[0]).upper()
        for w in words
        if w[:1].isupper()
    )
    return {plain, written} - {caps} if len(written) == len(plain) + written.count("'") else set()


def declared_initials(text: str, raw: list, protected: frozenset[str], key_capitals: dict | None = None) -> list:
    """Capitals a draft declares as a keyed person's, in the table cell or the brackets right after a mention of
    their name ("| Dr Helen Kent | HK | Paediatrics |", "Gordon McAteer (GMcA)"), or right before their name in
    brackets, as minutes list who attended ("CO'H (Mr O'Hare, Head of Year)"), and so that person's wherever
    else they stand alone: a declaration outweighs an everyday sense of the letters ("HK", "HP").  The capitals
    must be those of the name as written there (`known.name_capitals`), or before a bracketed title and surname
    those of one of the person's key names (`key_capitals`: code -> capitals), two at least; never after a
    determiner."""
    from .known import NameForm, name_capitals

    titles = {t.casefold() for t in title_words()}
    declared: dict[str, list] = {}
    for start, end, matched, forms in raw:
        words = [w for w in matched.split() if w.rstrip(".").casefold() not in titles]
        codes = {f.code for f in forms}
        if len(codes) != 1:
            continue
        after = _DECLARED_AFTER.match(text, end) if len(words) >= 2 else None
        before = _declared_before().search(text, max(0, start - 24), start)
        row = row_initials(text, start, end) if len(words) >= 2 else None
        for m, named in (
            (after, {name_capitals(words)}),
            (before, {name_capitals(words)} | (key_capitals or {}).get(next(iter(codes)), set())),
            (row, {name_capitals(words)}),
        ):
            if m is None:
                continue
            caps = m.group("caps")
            letters = "".join(ch for ch in caps if ch.isupper())
            if len(letters) >= 2 and letters in named and caps not in protected:
                for written in {caps} | apostrophe_forms(caps, words):
                    form = NameForm(text=written, code=forms[0].code, rule="initials", tokens=(("word", written),))
                    declared.setdefault(written, [form])
                break
    taken = [(r[0], r[1]) for r in raw]
    out = []
    for caps, forms in declared.items():
        for m in re.finditer(rf"(?<![\w'’-]){re.escape(caps)}(?![\w-])", text):
            if overlaps_any(taken, m.start(), m.end()) or _DETERMINER_BEFORE.search(
                text, max(0, m.start() - 12), m.start()
            ):
                continue
            out.append((m.start(), m.end(), caps, forms))
            taken.append((m.start(), m.end()))
    return out


@lru_cache(maxsize=1)
def _letter_description() -> re.Pattern:
    words = sorted(settings().get("code_letter_description") or (), key=len, reverse=True)
    alts = "|".join(r"[ \t]+".join(map(re.escape, w.split())) for w in words)
    return re.compile(rf"[ \t]*\([ \t]*(?i:{alts})(?![\w])")


_CODE_WITH_LETTER = re.compile(r"^[A-Z][A-Za-z ]*[a-zA-Z][ \t]+(?P<letter>[A-Z])$")


def code_letters(matcher, text: str, raw: list) -> list:
    """ "L (a boy, aged 8) and Y (a girl, aged 14)", "LCC-CSC-0847722 (Y)": the letter of one keyed code "Child L"
    standing alone where court papers and references name a child by it: before the child's description in
    brackets, or alone in brackets after a reference or a name (not a list's "(B)" at a line's start)."""
    from .known import NameForm

    letters: dict[str, list[str]] = {}
    for code in matcher.key.codes():
        m = _CODE_WITH_LETTER.match(code)
        if m is not None:
            letters.setdefault(m.group("letter"), []).append(code)
    letters = {k: v for k, v in letters.items() if len(v) == 1 and k not in settings()["lone_letter_never"]}
    if not letters:
        return []
    spans = [(r[0], r[1]) for r in raw]
    out = []
    for m in re.finditer(rf"(?<![\w.'’&/-])([{''.join(sorted(letters))}])(?![\w.'’&/-])", text):
        start, end = m.span(1)
        if overlaps_any(spans, start, end) or _lettering(text, start, m.group(1), matcher.protected):
            continue
        described = bool(_letter_description().match(text, end))
        line_start = text.rfind("\n", 0, start) + 1
        bracketed = (
            text[start - 1 : start] == "("
            and text[end : end + 1] == ")"
            and bool(re.search(r"[\w.][ \t]+\($", text[line_start:start]))
        )
        if not (described or bracketed):
            continue
        code = letters[m.group(1)][0]
        out.append(
            (
                start,
                end,
                m.group(1),
                [NameForm(text=m.group(1), code=code, rule="single_initial", tokens=(("letter", m.group(1)),))],
            )
        )
        spans.append((start, end))
    return out


def _lone_letter_slot(text: str, start: int, end: int, raw_spans: list[tuple[int, int]], doc) -> bool:
    """A lone capital stands as a person: the subject right before a verb, beside another person's mention
    ("Y and A.C.", "Jade and D"), or opening a table cell before a lower-case word ("| Y late to school")."""
    gap_after = _LINK.match(text, end)
    if gap_after and any(s == gap_after.end() for s, _ in raw_spans):
        return True
    if any(_LINK.fullmatch(text, e, start) for _, e in raw_spans if e <= start and start - e < 8):
        return True
    if re.search(r"\|[ \t]*$", text[max(0, start - 4) : start]) and re.match(r"[ \t]+[a-z]", text[end : end + 3]):
        return True
    if doc is None or not re.match(r"[ \t]+[a-z]", text[end : end + 3]):
        return False
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or span.end >= len(doc):
        return False
    token, verb = span[0], doc[span.end]
    return verb.tag_ in ("VBD", "VBZ", "MD") and token.dep_ in ("nsubj", "nsubjpass")


def _lettering(text: str, start: int, letter: str, protected: frozenset[str]) -> bool:
    """ "Child D", "Plan B", "Vitamin D", "Blocks D and E", "Paula D": a letter after a word that letters things
    (or its plural), in a code, or after another name (a name's part, not a person of its own)."""
    from .derived import is_other_name

    before = re.search(r"([^\W\d_]+)\.?[ \t]+$", text[max(0, start - 24) : start])
    if before is None:
        return False
    word = before.group(1)
    low = word.casefold()
    lettering_words = settings()["lone_letter_not_after"]
    if low in lettering_words or low.removesuffix("s") in lettering_words or f"{word} {letter}" in protected:
        return True
    return word[:1].isupper() and is_other_name(word)


def lone_letters(matcher, text: str, raw: list, doc) -> list:
    """ "D refused to speak", "Seen Y and A.C.": a bare capital that is one keyed person's first initial (or
    several people's: the usual choice among them), where a person stands (see `_lone_letter_slot`)."""
    from .known import NameForm, _after_letter_head

    conf = settings()
    from .links import _first_initials

    initials = _first_initials(matcher)
    spans = [(r[0], r[1]) for r in raw]
    out = []
    for m in re.finditer(r"(?<![\w.'’&/-])([A-Z])(?![\w.'’&/-])", text):
        letter, start, end = m.group(1), m.start(), m.end()
        codes = initials.get(letter)
        if not codes or letter in conf["lone_letter_never"] or overlaps_any(spans, start, end):
            continue
        if capitals_line(text, start):
            continue
        if _lettering(text, start, letter, matcher.protected) or _after_letter_head(text, start):
            continue
        if not _lone_letter_slot(text, start, end, spans, doc):
            continue
        forms = [NameForm(text=letter, code=c, rule="single_initial", tokens=(("letter", letter),)) for c in codes]
        out.append((start, end, letter, forms))
        spans.append((start, end))
    people = {r[2].rstrip(".") for r in raw + out if len(r[2].rstrip(".")) == 1 and r[2][:1].isupper()}
    people -= conf["lone_letter_never"]
    if not people:
        return out  # no letter stands as a person yet: nothing to spread (and no further scan of the text)
    not_people = _letters_not_people(text)
    people -= not_people
    out += _coordinated_letters(matcher, text, people, spans, initials)
    people |= {r[2] for r in out} - not_people
    return out + _letters_used_again(matcher, text, people, spans, initials, doc)


_LETTER_AGAIN = re.compile(r"(?<![\w.'’&/-])(?P<letter>[A-Z])(?P<stop>\.(?=[ \t]+[a-z]))?(?![\w.&/-]|['’](?!s\b))")
_PERSON_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "poss", "conj", "dative"})


def _letters_used_again(
    matcher, text: str, people: set[str], spans: list[tuple[int, int]], initials: dict, doc
) -> list:
    """One sense per draft for lone letters: once the draft has used a keyed first initial as a person ("D refused
    to speak"), its other plain uses where a noun phrase stands are that person too: "saw D on Monday", "no record
    of D", "D's school", a note's line opened by the letter ("D. quiet at tea").  Never after a word that letters
    things or a determiner, before a number ("Block D 4"), or on a line in capitals.  `people`: the letters the
    draft already uses as a person."""
    from .known import NameForm, _after_letter_head

    people = {p for p in people if initials.get(p)}
    if not people:
        return []
    out: list = []
    for m in _LETTER_AGAIN.finditer(text):
        letter, start, end = m.group("letter"), m.start(), m.end()
        if letter not in people or not initials.get(letter) or overlaps_any(spans, start, end):
            continue
        if re.match(r"[ \t]*\d", text[end : end + 3]) or _DETERMINER_BEFORE.search(text, max(0, start - 12), start):
            continue
        if capitals_line(text, start) or _lettering(text, start, letter, matcher.protected):
            continue
        if _after_letter_head(text, start) or not _noun_slot(text, start, m.end("letter"), doc):
            continue
        forms = [
            NameForm(text=letter, code=c, rule="single_initial", tokens=(("letter", letter),)) for c in initials[letter]
        ]
        out.append((start, end, text[start:end], forms))
        spans.append((start, end))
    return out


def _noun_slot(text: str, start: int, end: int, doc) -> bool:
    """The letter stands where a noun phrase does: a possessive after it, a line it opens before a lower-case word
    (a note's subject), or the parse's subject, object, prepositional object or conjunct."""
    if re.match(r"['’]s\b", text[end : end + 3]):
        return True
    line_start = text.rfind("\n", 0, start) + 1
    if not text[line_start:start].strip(" \t>*-") and re.match(r"\.?[ \t]+[a-z]", text[end : end + 4]):
        return True
    if doc is None:
        return False
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and span[0].dep_ in _PERSON_DEPS


def _letters_not_people(text: str) -> frozenset[str]:
    """Role shorthand whose every letter stands alone in the draft ("M, F, Selin"; models/names/residue.yaml
    `key_shapes.role_letter_sets`): the mother and the father, never spread as a keyed person's letter.  (The
    letter of a lettered code, "R" of "Baby R", is spread: written alone it is the code's child either way.)"""
    out: set[str] = set()
    alone = set(re.findall(r"(?<![\w.'’&/-])([A-Z])(?![\w'’&/-])", text))
    for group in (load_yaml("names", "residue.yaml").get("key_shapes") or {}).get("role_letter_sets") or ():
        if set(group) <= alone:
            out |= set(group)
    return frozenset(out)


_LETTER_PAIR = re.compile(
    r"(?<![\w.'’&/-])(?P<one>[A-Z])\.?(?:[ \t]*,[ \t]*|[ \t]+(?:and|&)[ \t]+)(?P<two>[A-Z])\.?(?![\w'’&/-])"
)


def _coordinated_letters(matcher, text: str, people: set[str], spans: list[tuple[int, int]], initials: dict) -> list:
    """ "She wants D and E home": two lone capitals joined by "and", "&" or a comma, each a keyed first initial,
    are people when the draft has used either letter as a person elsewhere (one sense per draft), though no
    verb follows them; never after a word that letters things ("Blocks D and E", "Parts S and W")."""
    from .known import NameForm, _after_letter_head

    never = settings()["lone_letter_never"]
    out: list = []
    for m in _LETTER_PAIR.finditer(text):
        one, two = m.group("one"), m.group("two")
        if one == two or one in never or two in never or not (initials.get(one) and initials.get(two)):
            continue
        if not ({one, two} & people) or overlaps_any(spans, m.start(), m.end()) or capitals_line(text, m.start()):
            continue
        if _lettering(text, m.start(), one, matcher.protected) or _after_letter_head(text, m.start()):
            continue
        for name in ("one", "two"):
            letter, start, end = m.group(name), m.start(name), m.end(name)
            forms = [
                NameForm(text=letter, code=c, rule="single_initial", tokens=(("letter", letter),))
                for c in initials[letter]
            ]
            out.append((start, end, letter, forms))
            spans.append((start, end))
    return out


# a mention that is only initials, two to four capitals with or without stops ("GR", "C.J."): matched whole
INITIALS_ONLY = re.compile(r"[A-Z](?:\.?[A-Z]){1,3}\.?")
_CAPITALS = re.compile(r"(?<![\w.'’&/-])([A-Z](?:\.?[-‐‑]?[A-Z]){1,3}\.?)(?![\w'’&/-])")


@lru_cache(maxsize=4)
def keyed_initials(key) -> dict[str, frozenset[str]]:
    """Capitals (letters only, "KWL") -> codes of the keyed people whose run-together initials they are (built once
    per key: pseudonymise and `verify --key` ask for them several times, and every form of every person is read)."""
    from .known import person_forms

    out: dict[str, set[str]] = {}
    for person in key.people:
        for form in person_forms(person):
            if form.rule in ("initials", "given_initials") and all(k in ("letter", "hletters") for k, _ in form.tokens):
                out.setdefault(_letters("".join(w for _, w in form.tokens)), set()).add(person.code)
    return {letters: frozenset(codes) for letters, codes in out.items()}


def leftover_initials(text: str, key, codes: set[str]) -> list[tuple[int, int, str]]:
    """For `scr verify --key`: capitals in a coded text that are a keyed person's initials ("AH", "Y.A-H."),
    as (start, end, code(s)); the draft's codes, the abbreviations lists and everyday acronyms written
    without stops are passed over."""
    initials = keyed_initials(key)
    out = []
    for m in _CAPITALS.finditer(text):
        token = m.group(1)
        bare = token.rstrip(".")
        people = initials.get(_letters(token))
        if not people or bare in codes or bare in never_initials():
            continue
        if "." not in bare and ordinary_acronym(bare):
            continue
        if "." not in bare and _word_in_capitals(bare) and capitals_line(text, m.start(1)):
            continue  # "HE IS A FRIEND" in a log written in capitals: the word, not someone's "IS"
        out.append((m.start(1), m.start(1) + len(bare), ", ".join(sorted(people))))
    return out


# ---------------------------------------------------------------- people the key leaves out
_PERSONAL_TITLE_LETTER = re.compile(r"(?<![\w.])(?:Mr|Mrs|Ms|Miss|Mx)\.?[ \t]+([A-Z])(?![\w'’.-])")
_DOTTED_LETTER = re.compile(r"(?<![\w.'’&/-])([A-Z])\.(?![\w'’-]|[ \t]?[A-Z]\.)")
_QUOTED_LETTER = re.compile(r"(?<=[\"“‘'])([A-Z])\.?(?=[\"”’'])")
_QUOTED_LINK = re.compile(r"[ \t\"“”'‘’]*(?:,|and|&|/)[ \t\"“”'‘’]*(?:and[ \t\"“”'‘’]+)?")


# initials with a letter more to tell two people apart ("GPi" of Gary Pickersgill beside a "GP")
_MIXED_INITIALS = re.compile(r"(?:[A-Z][a-z]?){2,4}")


# a person's capitals right before their name in brackets, as minutes list who attended: "JO'D (Dr Jennifer
# O'Donoghue, associate specialist)", "RK (Rukhsana Khatun, consultant)"; a title may open the brackets
@lru_cache(maxsize=1)
def _declared_before() -> re.Pattern[str]:
    return re.compile(
        rf"(?<![\w'’-])(?P<caps>[A-Z][A-Za-z'’]{{1,7}})[ \t]*\([ \t]*(?:(?:{title_pattern(title_words())})\.?[ \t]+)?\Z"
    )


def _declared_after_unlisted(text: str, sure: list) -> dict[str, Any]:
    """Capitals declared in the cell or brackets right after an unlisted person's full name ("| DI Kwame Osei |
    KO |", "Gary Pickersgill (GPi)"): theirs, whatever everyday sense the letters have (an abbreviation
    too: "Leonie Abara (LA)"), each with that mention."""
    from .known import name_capitals
    from .unknown import name_words

    out: dict[str, Any] = {}
    for c in sure:
        words = [w for w in name_words(c.text) if _name_word(w)]
        lettered = [w for w in name_words(c.text) if w[:1].isupper()]  # "Capt H Greaves": HG in its row
        row = row_initials(text, c.start, c.end) if len(lettered) >= 2 else None
        if len(words) < 2 and row is None:
            continue
        after = _DECLARED_AFTER.match(text, c.end)  # "Gráinne McAteer, SENCo": a role after, the capitals before
        before = _declared_before().search(text, max(0, c.start - 24), c.start)
        for m in (x for x in (after, before, row) if x is not None):
            caps = m.group("caps")
            letters = "".join(ch for ch in caps if ch.isupper())
            named = {name_capitals(words), name_capitals(lettered)} if m is row else {name_capitals(words)}
            if (caps.isupper() or _MIXED_INITIALS.fullmatch(caps)) and letters in named:
                for written in {caps} | apostrophe_forms(caps, words):
                    out.setdefault(written, c)
                break
    return out


def _name_word(word: str) -> bool:
    """A word of a name, not an initial ("J") nor initials run together with stops ("C.J" of "C.J. Whitfield")."""
    return len(word) > 1 and not re.fullmatch(r"[^\W\d_](?:\.[^\W\d_])+\.?", word)


def unlisted_initials(text: str, cands: list, taken: list[tuple[int, int]], doc, protected, key) -> list:
    """Initials of people the key leaves out whose name the draft gives ("Dean Pratt" found as an unlisted
    person, then "DP moves in", "D.A. Pratt", "D lost the key", "Mr A" and "A. drinks" of an "Aurimas"), as
    ``(start, end, text, (name_start, name_end))``: where the unlisted mention whose placeholder they take is.

    Only confident unlisted names (models/names/scores.yaml `repeat_min_confidence`) lend their initials;
    a letter or capitals that fit a keyed person, or two unlisted people, are left to the other rules."""
    from .known import _initials_in_person_slot, _verb_after_initial
    from .unknown import name_words, scores

    floor = float(scores()["repeat_min_confidence"])
    sure = [c for c in cands if c.confidence >= floor]
    full: dict[str, list] = {}
    first: dict[str, list] = {}
    for c in sorted(sure, key=lambda c: c.start):
        words = [w for w in name_words(c.text) if _name_word(w) and w[:1].isupper()]
        if not words:
            continue
        first.setdefault(fold(words[0][0]).upper(), []).append(c)
        lettered = [w for w in name_words(c.text) if w[:1].isupper()]  # "L. Achterberg" lends "LA" too
        if len(words) >= 2 or (len(lettered) >= 2 and not _name_word(lettered[0])):
            full.setdefault(fold(lettered[0][0] + lettered[-1][0]).upper(), []).append(c)
    keyed = keyed_initials(key)
    keyed_first = {fold(w[:1]).upper() for p in key.people for n in p.names for w in n.split()[:1]}
    taken_before = OverlapIndex(taken)
    spans: list[tuple[int, int]] = []  # this step's own finds (few: tested one by one)
    out: list = []

    def free(start: int, end: int) -> bool:
        return (
            not taken_before.overlaps(start, end)
            and not overlaps_any(spans, start, end)
            and not capitals_line(text, start)
        )

    def one_person(found: list, whole: bool = True) -> Any:
        """The one person these mentions name (by first and last name word), or None when they are several."""
        names = set()
        for c in found:
            words = [fold(w).casefold() for w in name_words(c.text) if _name_word(w)]
            if whole:  # "L. Achterberg" and "Lorraine Achterberg" are one person: by first letter and surname
                words = [fold(w).casefold() for w in name_words(c.text) if w[:1].isupper()] or words
            names.add((words[0][:1], words[-1]) if whole else words[0])  # "Perry" and "Peregrine Fairweather": PF
        return found[0] if len(names) == 1 else None

    def add(start: int, end: int, person) -> None:
        out.append((start, end, text[start:end], (person.start, person.end)))
        spans.append((start, end))

    # run-together capitals: in a person's place once (or declared beside the name, "| Craig Dunmore | CD |"),
    # then every plain use
    declared = _declared_after_unlisted(text, sure)
    mixed = "|".join(re.escape(t) for t in declared if not re.fullmatch(r"[A-Z]{2,3}", t))  # "GPi", "JO'D"
    plain = []
    attending: set[str] = set()  # letters of people the minutes list as present: theirs only where a person stands
    for m in re.finditer(
        rf"(?<![\w.'’&/-])([A-Z]{{2,3}}|(?:[A-Z]\.){{2,3}}{'|' + mixed if mixed else ''})(?![\w'’&/-])", text
    ):
        token, start, end = m.group(1).replace(".", ""), m.start(1), m.end(1)
        person = one_person(full.get(token, [])) if re.fullmatch(r"[A-Z]+", token) else None
        if person is None:  # "KJF" declared after "Kelly-Jo Fairbrother": a hyphened part's letter, no first+last
            person = declared.get(token)
        if person is None or token in keyed or token in protected:
            continue
        listed = token not in declared and any(in_attendance_list(text, c.start, c.end) for c in full.get(token, ()))
        if token in never_initials() and token not in declared and not listed:
            if not ("." in m.group(1) and role_after(text, m.end(1))):
                continue  # "LA" is the local authority; "L.A., the Named Nurse," someone
        everyday = "." not in m.group(1) and (ordinary_acronym(token) or _word_in_capitals(token))
        if everyday and listed:
            attending.add(token)
        elif (everyday and token not in declared) or not free(start, end):
            continue
        if not free(start, end):
            continue
        if _DETERMINER_BEFORE.search(text, max(0, start - 12), start) or (
            token not in declared and _a_thing(doc, start, end)
        ):  # a declared person's capitals may be parsed as a modifier in their own table row
            continue
        plain.append((start, end, token, person))
    authors = {s for s, _, _ in note_authors(text)}
    vouched = set(declared) | {
        t
        for s, e, t, _ in plain
        if _initials_in_person_slot(text, s, e, doc)
        or speaker_label(text, s, e)
        or s in authors
        or role_after(text, e)  # "L.A., the Named Nurse, has"
        or in_people_column(text, s, e)  # "| JP | RN, Paed ED |" under "Initials", "| KB |" under "Who"
        or entry_author(text, s, e)  # "14/03/2025 17:40 AK Visit."
        or role_before_brackets(text, s, e)  # "lunchtime key adult (KB)"
        or bool(_nameless_after().search(text, max(0, s - 40), s))  # "Discussed with JH (MASH)"
        or any(_QUOTED_LINK.fullmatch(text, te, s) for _, te in taken if te <= s)  # "with C.F. and P.F."
    }
    for start, end, token, person in plain:
        if token in attending and not _person_use(text, start, end, doc, authors):
            continue  # "SO" of PC S. Oduya in "SO: nothing further", not the word "SO" elsewhere
        if token in vouched:
            add(start, end, person)
    # dotted initials before the unlisted person's surname: "D.A. Pratt" (by the surname: "A. Crowther" is
    # Anita Crowther's though an Amber Collins has her initials)
    by_surname: dict[tuple[str, str], list] = {}
    for letters, found in full.items():
        for c in found:
            by_surname.setdefault((letters[0], name_words(c.text)[-1]), []).append(c)
    for (letter, surname), found in by_surname.items():
        person = one_person(found)
        if person is None:
            continue
        # one line break may part them, as in text taken from a PDF ("B.\nOyelaran")
        rx = (
            rf"(?<![\w.])({re.escape(letter)}\.(?:[ \t]?[A-Z]\.){{0,2}})[ \t]*\n?[ \t]*"
            rf"({re.escape(surname)})(?![\w'’-])"
        )
        for m in re.finditer(rx, text):
            if free(m.start(1), m.end(2)):
                add(m.start(1), m.end(2), person)
            elif free(m.start(1), m.end(1)):  # the surname is already the unlisted person's: its initials too
                add(m.start(1), m.end(1), person)
    # a title and the letter of the surname an unlisted person was named by with that title: "Dr V." of "Dr Venkatesan"
    titled_surnames: dict[tuple[str, str], list] = {}
    for c in sure:
        title = re.search(r"(Dr|Mr|Mrs|Ms|Miss|Mx)\.?[ \t]+\Z", text[max(0, c.start - 6) : c.start])
        named = _TITLED_SURNAME.fullmatch(((title.group(0) if title else "") + c.text).strip())
        if named is not None:
            titled_surnames.setdefault((named.group(1), fold(named.group(2)[0]).upper()), []).append(c)
    for m in _TITLE_LETTER.finditer(text) if titled_surnames else ():
        person = one_person(titled_surnames.get((m.group(1), m.group(2)), []))
        if person is not None and free(m.start(), m.end()) and not _before_a_name(text, m.end()):
            add(m.start(), m.end(), person)
    # a lone letter: "Mr A", "A. drinks", "D lost the key", or listed beside the name ("Aurimas", "A.");
    # the titled and dotted letters are found once and looked up by letter, not searched for per letter
    titled: dict[str, list[re.Match]] = {}
    for m in _PERSONAL_TITLE_LETTER.finditer(text):
        titled.setdefault(m.group(1), []).append(m)
    dotted: dict[str, list[re.Match]] = {}
    for m in _DOTTED_LETTER.finditer(text):
        dotted.setdefault(m.group(1), []).append(m)
    quoted: dict[str, list[re.Match]] = {}
    for m in _QUOTED_LETTER.finditer(text):
        quoted.setdefault(m.group(1), []).append(m)
    for letter, found in first.items():
        if letter in keyed_first:
            continue

        def meant(at: int, found: list = found) -> Any:
            """The one unlisted person of this letter named just before `at`, else the draft's only one."""
            near = [c for c in found if c.end <= at and at - c.end <= _NEAR and "\n\n\n" not in text[c.end : at]]
            return one_person(near, whole=False) or one_person(found, whole=False)

        for m in titled.get(letter, ()):
            person = meant(m.start())
            if m.group(1) == letter and person is not None and free(m.start(), m.end()):
                if _after_a_mention(found, m.start(), text):
                    add(m.start(), m.end(), person)
        unplaced: list[tuple[int, int]] = []  # a person's letter with nobody of it named just before
        for m in dotted.get(letter, ()):
            s, e = m.start(1), m.end(1)
            if m.group(1) != letter or not free(s, e + 1) or _lettering(text, s, letter, protected):
                continue
            beside = any(_QUOTED_LINK.fullmatch(text, c.end, s) for c in found if c.end <= s)
            if not (
                beside
                or _verb_after_initial(text, s, e, doc)
                or mid_sentence_initial(text, s, e)
                or person_verb_after(text, s, e)
            ):
                continue
            person = meant(s)
            if person is None:
                unplaced.append((s, e))
            else:
                add(s, e + 1, person)
        # one sense per draft: a letter the draft gave one unlisted person stays theirs far from their name
        firsts = [(fold((name_words(text[n[0] : n[1]]) or [""])[0]), n) for _, _, _, n in out]
        given = {w.casefold(): n for w, n in firsts if w[:1].upper() == letter}
        if len(given) == 1:
            name_span = next(iter(given.values()))
            person = next((c for c in found if (c.start, c.end) == name_span), None)
            for s, e in unplaced if person is not None else []:
                add(s, e + 1, person)
        only = one_person(found, whole=False)  # the draft's one unlisted person of this letter
        for m in re.finditer(rf"(?<![\w.'’&/-]){letter}(?![\w.'’&/-])", text):
            s, e = m.start(), m.end()
            person = meant(s)
            if person is None or letter in settings()["lone_letter_never"] or not free(s, e):
                continue  # "A", "I": the article, the pronoun
            if _lettering(text, s, letter, protected):
                continue
            nearby = _after_a_mention(found, s, text)
            if (nearby and _lone_letter_slot(text, s, e, [], doc)) or (
                (nearby or only is not None) and _letter_ending_a_phrase(text, s, e)
            ):
                add(s, e, person)
        for m in quoted.get(letter, ()):  # "Mentions 'D' who has a car"
            s, e = m.start(1), m.end()
            person = meant(s)
            if person is not None and letter not in settings()["lone_letter_never"] and free(s, e):
                if (only is not None or _after_a_mention(found, s, text)) and not _lettering(
                    text, s, letter, protected
                ):
                    add(s, e, person)
    return sorted(out)


_PHRASE_END = re.compile(r"[ \t]*(?:[|.,;:!?\"”’)]|\n|\Z)")


def _person_use(text: str, start: int, end: int, doc, authors: set[int]) -> bool:
    """This use of the capitals stands where a person does: a speaker's label, a note's or an entry's author, a
    sign-off, after "seen by" and the like, an action's owner ("SO to update the log") or a verb's subject; not
    merely after a preposition ("Referral to OT"), where an acronym stands as often."""
    from .known import _signed

    if (
        speaker_label(text, start, end)
        or start in authors
        or entry_author(text, start, end)
        or _signed(text, start, end)
        or bool(_nameless_after().search(text, max(0, start - 40), start))
        or _ACTION_OWNER.match(text, end)
        or _reply_label(text, start, end)
    ):
        return True
    if doc is None or _DETERMINER_BEFORE.search(text, max(0, start - 12), start):
        return False
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or span.end >= len(doc):
        return False
    verb = doc[span.end]
    return span[-1].dep_ in ("nsubj", "nsubjpass") and verb.pos_ in ("VERB", "AUX") and verb.tag_ != "VBG"


_ACTION_OWNER = re.compile(r"[ \t]+to[ \t]+(?!the\b|a\b|an\b|be\b)[a-z]{2,}\b")
_SENTENCE_END_BEFORE = re.compile(r"[.!?][\"”’']?[ \t]+\Z")
_REPLY_AFTER = re.compile(r"[ \t]*:[ \t]+[a-z]")


def _reply_label(text: str, start: int, end: int) -> bool:
    """ "RK asked whether ... ridges. HM: the photographs show ...": capitals after a sentence's end, before a colon
    and a reply in lower case, where minutes put who answered a question put to them."""
    return bool(_SENTENCE_END_BEFORE.search(text, max(0, start - 4), start) and _REPLY_AFTER.match(text, end))


def _letter_ending_a_phrase(text: str, start: int, end: int) -> bool:
    """ "talk to her about Z |", "drives her home with Z.": a capital as the object of a preposition, ending the
    phrase, where a person stands and a series' letter ("Plan B", "Appendix C") does not (`_lettering`)."""
    before = re.search(r"\b(?:about|with|to|from|for|by)[ \t]+\Z", text[max(0, start - 8) : start])
    return before is not None and bool(_PHRASE_END.match(text, end))


_TITLED_SURNAME = re.compile(r"(Dr|Mr|Mrs|Ms|Miss|Mx)\.?[ \t]+([^\W\d_][\w'’-]+)")
_TITLE_LETTER = re.compile(r"(?<![\w.])(Dr|Mr|Mrs|Ms|Miss|Mx)\.?[ \t]+([A-Z])\.?(?![\w'’-])")


def _before_a_name(text: str, end: int) -> bool:
    """ "Dr V. Sharma": the letter is the first of a name written out after it, not the surname's own."""
    return bool(re.match(r"[ \t]+[A-Z][a-z]", text[end : end + 4]))


def mid_sentence_initial(text: str, start: int, end: int) -> bool:
    """ "it's loud and A. drinks", "house cold, G. angry": a capital with its stop between a lower-case word
    (or a comma) and a lower-case word, where no sentence can end; not a document's or a series' letter."""
    if not re.match(r"\.[ \t]+[a-z]", text[end : end + 3]) or not re.search(
        r"[a-z,;][ \t]+$", text[max(0, start - 3) : start]
    ):
        return False
    from .known import _after_letter_head

    before = re.search(r"([a-z]+)[ \t]+$", text[max(0, start - 20) : start])
    if before and before.group(1) in {k.word for k in kin_words()}:
        return False  # "her uncle L.": a relative the key's role words must place, not any keyed L.
    return not _after_letter_head(text, start) and not _lettering(text, start, text[start:end], frozenset())


_NEAR = 600  # characters: how far back a lone letter's person may have been named


@lru_cache(maxsize=1)
def _subject_verb_forms() -> frozenset[str]:
    """Present and past forms of the verbs whose subject is a person (models/names/person_verbs.yaml)."""
    lemmas = load_yaml("names", "person_verbs.yaml")["subject"]
    forms = set()
    for lemma in lemmas:
        stem = lemma[:-1] if lemma.endswith("e") else lemma
        forms |= {lemma + "s", lemma + "es", stem + "ed", lemma + "d"}
    return frozenset(forms)


def person_verb_after(text: str, start: int, end: int) -> bool:
    """ "N. returns to the same adults": a capital with its stop, inside a line (never a list marker
    opening it), before a present or past form of a verb whose subject is a person; the parser often
    reads such a verb as a plural noun."""
    m = re.match(r"\.[ \t]+([a-z]+)\b", text[end : end + 24])
    line_start = text.rfind("\n", 0, start) + 1
    if m is None or not text[line_start:start].strip(" \t>\"“'‘("):
        return False
    return m.group(1) in _subject_verb_forms()


def _after_a_mention(named: list, start: int, text: str, window: int = _NEAR) -> bool:
    """The unlisted person was named a little before (within `window` characters, same section)."""
    return any(c.end <= start and start - c.end <= window and "\n\n\n" not in text[c.end : start] for c in named)
