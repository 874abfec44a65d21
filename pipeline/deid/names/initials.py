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

from ...resources import load_yaml, read_lines
from .folding import fold

_DETERMINER_BEFORE = re.compile(r"\b(?:the|a|an|this|that|these|those|our|their|its)[ \t]+$", re.IGNORECASE)
_LINK = re.compile(r"[ \t]*(?:,[ \t]*(?:and[ \t]+)?|and|&|/)[ \t]*")


@lru_cache(maxsize=1)
def settings() -> dict:
    """``models/names/initials.yaml`` with its word lists as sets."""
    data = dict(load_yaml("names", "initials.yaml"))
    for k in ("acronyms_in_use", "lone_letter_never"):
        data[k] = frozenset(str(w) for w in data.get(k) or ())
    data["lone_letter_not_after"] = frozenset(str(w).casefold() for w in data.get("lone_letter_not_after") or ())
    return data


@lru_cache(maxsize=1)
def never_initials() -> frozenset[str]:
    """Capitals that are never run-together initials: the safeguarding and agency abbreviations."""
    listed = {line.split()[0] for line in read_lines("abbreviations.txt")}
    listed |= {a for agency in load_yaml("agencies.yaml")["agencies"] for a in agency.get("abbreviations", [])}
    return frozenset(listed)


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
    from .known import _has_determiner

    if doc is None:
        return False
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    token = span[-1]
    if _has_determiner(token):
        return True
    return token.dep_ in ("compound", "amod", "nmod") and token.head.i == token.i + 1 and token.head.pos_ == "NOUN"


def _proper_noun(doc, start: int, end: int) -> bool:
    if doc is None:
        return False
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and len(span) == 1 and span[0].pos_ == "PROPN"


def _word_in_capitals(token: str) -> bool:
    """ "TO", "IS", "ME": a function word in capitals."""
    from .known import _stop_words

    return token.casefold() in _stop_words()


def _capitals_line(text: str, start: int) -> bool:
    """A line written in capitals (a heading: "NOVEMBER TO DECEMBER 2014"), where capitals say nothing."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    letters = [c for c in text[line_start : line_end if line_end >= 0 else len(text)] if c.isalpha()]
    return len(letters) >= 8 and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


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
        if not codes or _overlaps(taken, start, end) or matched in never_initials() or matched in protected:
            continue
        if _capitals_line(text, start):
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


def _first_initials(matcher) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for kw in matcher.keyed_words:
        if kw.first and kw.word[:1].isalpha():
            codes = out.setdefault(fold(kw.word[0]).upper(), [])
            if kw.code not in codes:
                codes.append(kw.code)
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
    """ "Child D", "Plan B", "Vitamin D", "Paula D": a letter after a word that letters things, in a code, or
    after another name (a name's part, not a person of its own)."""
    from .derived import is_other_name

    before = re.search(r"([^\W\d_]+)\.?[ \t]+$", text[max(0, start - 24) : start])
    if before is None:
        return False
    word = before.group(1)
    if word.casefold() in settings()["lone_letter_not_after"] or f"{word} {letter}" in protected:
        return True
    return word[:1].isupper() and is_other_name(word)


def lone_letters(matcher, text: str, raw: list, doc) -> list:
    """ "D refused to speak", "Seen Y and A.C.": a bare capital that is one keyed person's first initial (or
    several people's: the usual choice among them), where a person stands (see `_lone_letter_slot`)."""
    from .known import NameForm, _after_letter_head

    conf = settings()
    initials = _first_initials(matcher)
    spans = [(r[0], r[1]) for r in raw]
    out = []
    for m in re.finditer(r"(?<![\w.'’&/-])([A-Z])(?![\w.'’&/-])", text):
        letter, start, end = m.group(1), m.start(), m.end()
        codes = initials.get(letter)
        if not codes or letter in conf["lone_letter_never"] or _overlaps(spans, start, end):
            continue
        if _capitals_line(text, start):
            continue
        if _lettering(text, start, letter, matcher.protected) or _after_letter_head(text, start):
            continue
        if not _lone_letter_slot(text, start, end, spans, doc):
            continue
        forms = [NameForm(text=letter, code=c, rule="single_initial", tokens=(("letter", letter),)) for c in codes]
        out.append((start, end, letter, forms))
        spans.append((start, end))
    return out


_CAPITALS = re.compile(r"(?<![\w.'’&/-])([A-Z](?:\.?[-‐‑]?[A-Z]){1,3}\.?)(?![\w'’&/-])")


def keyed_initials(key) -> dict[str, set[str]]:
    """Capitals (letters only, "KWL") -> codes of the keyed people whose run-together initials they are."""
    from .known import person_forms

    out: dict[str, set[str]] = {}
    for person in key.people:
        for form in person_forms(person):
            if form.rule in ("initials", "given_initials") and all(k in ("letter", "hletters") for k, _ in form.tokens):
                out.setdefault(_letters("".join(w for _, w in form.tokens)), set()).add(person.code)
    return out


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
        out.append((m.start(1), m.start(1) + len(bare), ", ".join(sorted(people))))
    return out
