"""Every later form of a person the key does not list, once the draft names them (one person per draft).

A police log names an adult in full once ("REGISTERED TO A JORDAN PIKE DOB ..."); the rest of the draft then
writes only the surname, in capitals ("NOT WITH PIKE.") or mid-sentence ("not including Pike, for offences"), or
the name the text itself declares ('DRIVEN BY A MALE KNOWN AS "JAY"', '"Her" is her clan name'), even typed in
lower case as a message's sender ("| jay 🔥 |").  Those words are often English words ("pike", "jay", "her"),
which the repeat rules never search for.  Here the draft's own evidence decides: the full name, or the
declaration, makes the word this person's; each further use is taken only where the word stands as a name does
(capitalised mid-sentence and not inside a capitalised phrase, in capitals on a capitals record line before
punctuation or a verb, opening a quotation, or filling a table cell), never after a determiner ("a pike").
One regex pass per word; the parse is only consulted at the few places found.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ...resources import load_yaml
from ...spans import OverlapIndex

_OPENING_QUOTES = "\"“‘'"
# not "that": a clause opens with it ("She said that Daz had been kind")
_DETERMINER = re.compile(r"(?i)\b(?:the|a|an|this|its|our|their|his|her|my|your|every|any|no)[ \t]+\Z")


@lru_cache(maxsize=1)
def _declaration_res() -> tuple[re.Pattern[str], ...]:
    """models/names/word_names.yaml `declared_quoted`: the text says the quoted word is what a person is called."""
    data = load_yaml("names", "word_names.yaml") or {}
    return tuple(re.compile(p) for p in data.get("declared_quoted") or ())


def declared_names(text: str) -> list[tuple[int, int, str]]:
    """The quoted words the text declares names ('KNOWN AS "JAY"', 'the man was "Jay"', '"Her" is her clan
    name'), as (start, end, word) of the declaration's own mention."""
    return [(m.start("w"), m.end("w"), m.group("w")) for rx in _declaration_res() for m in rx.finditer(text)]


def _line(text: str, at: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    return start, end if end >= 0 else len(text)


def _capitals_line(text: str, at: int) -> bool:
    """A line written (mostly) in capitals, a log's or a case system's record line."""
    start, end = _line(text, at)
    letters = [c for c in text[start:end] if c.isalpha()]
    return len(letters) >= 8 and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def _fills_cell(text: str, start: int, end: int) -> bool:
    """The word is the only word of a table cell ("| jay 🔥 |"): a message's sender, a column of people."""
    left = text.rfind("|", _line(text, start)[0], start)
    right = text.find("|", end, _line(text, end)[1])
    if left < 0 or right < 0:
        return False
    return not re.search(r"[^\W\d_]", text[left + 1 : start] + text[end:right])


def _mid_sentence(text: str, start: int) -> bool:
    """A letter, digit or clause comma before the word on its line: not a sentence's, quotation's or line's start."""
    before = text[max(0, start - 40) : start].rstrip(" \t")
    return bool(before) and (before[-1].isalnum() or before[-1] in ",;") and "\n" not in text[start - 1 : start]


def _in_capitalised_phrase(text: str, start: int, end: int, own: set[str]) -> bool:
    """Another capitalised word right before or after, not one of the person's own ("the Pike Street
    flats", "Harbour Pike"): the word is part of a place's or a body's name there."""
    after = re.match(r"[ \t]+([A-Z][\w'’-]*)", text[end : end + 40])
    before = re.search(r"([A-Z][\w'’-]*)[ \t]+\Z", text[max(0, start - 40) : start])
    # "Then Jay was there": a capitalised function word before is no phrase
    before_word = before is not None and not _stop_word(before.group(1)) and before.group(1).casefold() not in own
    after_word = after is not None and after.group(1).casefold() not in own
    return after_word or before_word or bool(re.match(r"[ \t]*\d", text[end : end + 3]))


def _capitals_use(text: str, start: int, end: int, doc, own: set[str]) -> bool:
    """In capitals on a capitals line, before punctuation, the line's end, a verb or the person's other name
    word ("NOT WITH PIKE.", "STONE IS 24"), not after an article ("A STONE WALL")."""
    if not _capitals_line(text, start) or _DETERMINER.search(text[max(0, start - 8) : start]):
        return False
    nxt = re.match(r"[ \t]*([\w'’-]*)", text[end : end + 40])
    if nxt is None or not nxt.group(1) or nxt.group(1).casefold() in own:
        return True
    span = doc.char_span(end + nxt.start(1), end + nxt.end(1)) if doc is not None else None
    return span is not None and len(span) == 1 and span[0].pos_ in ("VERB", "AUX")


def _stop_word(word: str) -> bool:
    from .known import _stop_words

    return word.casefold() in _stop_words()


def _name_use(text: str, start: int, end: int, doc, own: set[str]) -> bool:
    """The word at start..end stands where a name stands (see the module's docstring)."""
    surface = text[start:end]
    if _DETERMINER.search(text[max(0, start - 8) : start]) and not _capitals_line(text, start):
        return False
    if surface.islower():
        return _fills_cell(text, start, end)
    if surface.isupper() and len(surface) > 1:
        return _capitals_use(text, start, end, doc, own) or _fills_cell(text, start, end)
    if not surface[:1].isupper():
        return False
    if _in_capitalised_phrase(text, start, end, own):
        return False
    if _mid_sentence(text, start):
        return True
    quoted = start > 0 and text[start - 1] in _OPENING_QUOTES
    return (quoted and not _stop_word(surface)) or _fills_cell(text, start, end)


def _people_words(text: str, cands, min_confidence: float) -> dict[str, set[str]]:
    """Each name word of a confident unlisted full name, and each declared word, with the person's other words."""
    from .kin_forms import glossed_words, unresolved_family_word
    from .unknown import name_words

    glossed = glossed_words(text)  # "Ato (Mr)", a form of address the draft explains: no name word

    def name_word(w: str) -> bool:
        return len(w) >= 2 and w.replace("-", "").isalpha() and w.casefold() not in glossed

    words: dict[str, set[str]] = {}
    for c in cands:
        parts = [w for w in name_words(c.text) if name_word(w) and not unresolved_family_word(w, text)]
        if c.confidence < min_confidence or len(parts) < 2:
            continue
        own = {p.casefold() for p in parts}
        for w in parts:
            if len(w) >= 3:
                words.setdefault(w.casefold(), set()).update(own)
    for _, _, w in declared_names(text):
        words.setdefault(w.casefold(), set()).add(w.casefold())
    return words


def unlisted_forms(text: str, cands, taken, doc=None) -> list:
    """Other mentions of unlisted people's name words and declared names (module docstring), as
    `NameCandidate`s (rule "unlisted_form"), outside `cands` and `taken` (the keyed and structured replacements).
    A word any keyed mention uses is the key's, never an unlisted person's."""
    from .unknown import NameCandidate, lexicon, scores

    lex = lexicon()
    words = _people_words(text, cands, float(scores()["repeat_min_confidence"]))
    keyed = {w.casefold() for t in taken if getattr(t, "source", "") == "known" for w in re.findall(r"\w+", t.text)}
    words = {w: own for w, own in words.items() if w not in keyed and w.title() not in lex.titles}
    if not words:
        return []
    found = OverlapIndex([(c.start, c.end) for c in cands] + [(t.start, t.end) for t in taken])
    out = []
    for start, end, w in declared_names(text):
        if w.casefold() in words and not found.overlaps(start, end):
            out.append(NameCandidate(start, end, w, "unlisted_form", 0.7))
    added = [(c.start, c.end) for c in out]
    declared = {w.casefold() for _, _, w in declared_names(text)}
    ends = {c.end: c for c in cands if getattr(c, "text", "")[:1].isupper()}
    alternatives = "|".join(sorted(map(re.escape, words), key=len, reverse=True))
    for m in re.finditer(rf"(?i)(?<![\w@.'’-])(?:{alternatives})(?![\w@-])(?!['’](?!s\b))", text):
        start, end = m.start(), m.end()
        if found.overlaps(start, end) or any(s < end and start < e for s, e in added):
            continue
        before = re.search(r"[ \t]+\Z", text[max(0, start - 4) : start])
        given = ends.get(start - len(before.group())) if before and m.group().casefold() in declared else None
        if given is not None and m.group()[:1].isupper():  # "Yeng Her": the declared clan name after a given name
            out.append(NameCandidate(given.start, end, text[given.start : end], "unlisted_form", 0.7))
            added.append((start, end))
            continue
        if _name_use(text, start, end, doc, words[m.group().casefold()]):
            out.append(NameCandidate(start, end, m.group(), "unlisted_form", 0.6))
            added.append((start, end))
    return out
