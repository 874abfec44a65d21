"""The safety net of `scr verify --key`: record shapes and writing systems in which a name stands.

Pseudonymise codes the names it recognises; verify with the author's key checks the forms of the key's names.
What both miss is a name in a shape neither reads as a name: written in the family's own script, as the initials
a set of minutes or a letter reference uses, as a capitals "SURNAME, GIVEN" record line, as the name a record
says the person is "known as", as the kin word the draft itself glosses, or as the person a message addresses.
Each rule here reads that shape from the text itself, never from a list of names, so it also holds for families
and house styles not yet seen.  Every function is one linear scan (regular expressions over the text).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from collections.abc import Set as AbstractSet
from functools import lru_cache
from typing import NamedTuple

from ..resources import load_yaml

_CODE = re.compile(r"\[PERSON-\d+\]")
_INITIALS = r"[A-Z]{1,3}(?:['’][A-Z])?"


class Leftover(NamedTuple):
    """A span the backstop reports, why, and the rule that found it."""

    start: int
    end: int
    reason: str
    rule: str


@lru_cache(maxsize=1)
def _data() -> dict:
    return load_yaml("names", "verify_backstop.yaml")


def _words_re(words: Iterable[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


def _explained(word: str, codes: set[str]) -> bool:
    """A code (the key's, the text's own roles) or a `[PERSON-n]`: what pseudonymise put there."""
    return word in codes or bool(_CODE.fullmatch(word))


def _no_initials(letters: str, codes: set[str]) -> bool:
    """A code, or a listed abbreviation ("EMD", "GP"): the letters a post or a service, not a person, go by."""
    from .codes import general_abbreviations

    return _explained(letters, codes) or letters.upper() in general_abbreviations()


# ---------------------------------------------------------------- names in their own script
@lru_cache(maxsize=1)
def _script_runs() -> tuple[re.Pattern, list[tuple[int, int, str]]]:
    blocks = [(lo, hi, name) for name, (lo, hi) in _data()["non_latin_scripts"].items()]
    letters = "".join(f"{chr(lo)}-{chr(hi)}" for lo, hi, _ in blocks)
    word = rf"[{letters}]+(?:[.'’\-][{letters}]+)*"
    return re.compile(rf"{word}(?:[ \t\u0f0b\u0f0d\u0f14]+{word})*[\u0f0b\u0f0d\u0f14]?"), blocks


def _script_of(ch: str, blocks: list[tuple[int, int, str]]) -> str:
    return next((name for lo, hi, name in blocks if lo <= ord(ch) <= hi), "a non-Latin")


def script_names(text: str, codes: AbstractSet[str] = frozenset()) -> list[Leftover]:  # noqa: ARG001 (one signature)
    """A run of letters in a script other than Latin: pseudonymise codes names by the key's Latin forms, so a
    name the draft also writes in the family's script (a passport, a signature, a child's drawing) stays."""
    pattern, blocks = _script_runs()
    out = []
    for m in pattern.finditer(text):
        if sum(ch.isalpha() for ch in m.group()) < 2:
            continue  # "α", "μ": a symbol, not a word
        if m.group().isupper() and len(m.group()) <= 5 and " " not in m.group():
            continue  # "ЕГН", "УБ": an acronym in a cased script (a number's kind, a region), not a name
        words = len(re.findall(r"[^\s\u0f0b\u0f0d\u0f14]+", m.group()))
        script = _script_of(m.group()[0], blocks)
        # Greek, Cyrillic and Armenian write every word of a name with a capital (Georgian has capitals, but not
        # for names): a run with a lower-case word is a phrase ("Шановні колеги", "dear colleagues")
        lower_case = script in ("Greek", "Cyrillic", "Armenian") and any(
            w[0].islower() for w in re.findall(r"[^\s\u0f0b\u0f0d\u0f14]+", m.group())
        )
        name_like = words <= _data()["non_latin_max_name_words"] and not lower_case
        rule = "backstop:script" if name_like else "backstop:script_long"
        out.append(Leftover(m.start(), m.end(), f"words in {script} script left after pseudonymisation: a name?", rule))
    return out


# ---------------------------------------------------------------- initials the record declares people
@lru_cache(maxsize=1)
def _attendance_re() -> re.Pattern:
    labels = _words_re(_data()["attendance_labels"])
    return re.compile(rf"(?im)^[ \t*_#>-]*(?:{labels})[ \t*_]*:[ \t*_]*(?P<items>.+)$")


def attendance_initials(text: str, codes: set[str]) -> list[Leftover]:
    """Minutes list who attended ("Present: HM (chair), JO'D (associate specialist)"): an item that begins with
    initials that are no code declares those initials a person, so every use of them ("HM: booked via...") is
    that person's name left in the text.  A listed abbreviation ("GP") counts only with a role in brackets."""
    declared: set[str] = set()
    for line in _attendance_re().finditer(text):
        for item in re.split(r"[,;]", line.group("items")):
            head = re.match(rf"\s*(?:and\s+)?({_INITIALS})(?=\s*(?P<role>\()?)(?=\s*(?:\(|$|-|–))", item)
            if head is None or _explained(head.group(1), codes):
                continue
            if head.group("role") or not _no_initials(head.group(1), codes):  # "HM (chair)": a person all the same
                declared.add(head.group(1))
    if not declared:
        return []
    uses = re.compile(rf"(?<![\w'’/-])(?:{_words_re(declared)})(?![\w'’-])")
    reason = "initials the minutes' attendance list gives a person, not a code"
    return [Leftover(m.start(), m.end(), reason, "backstop:attendee_initials") for m in uses.finditer(text)]


_AUTHOR_TYPIST = re.compile(rf"(?<![\w/])(?P<author>{_INITIALS})/(?P<typist>[a-z]{{2,3}})(?!\w|/[A-Za-z])")


def reference_initials(text: str, codes: set[str]) -> list[Leftover]:
    """A letter reference "FL/dk": the author's initials in capitals, then the typist's in lower case; both are
    people (the typist is often nobody the key lists).  A lower-case part that is an English word ("N/an") is
    not initials."""
    from .names.unknown import lexicon

    lex = lexicon()
    out = []
    for m in _AUTHOR_TYPIST.finditer(text):
        if lex.is_common_word(m.group("typist")):
            continue
        for part in ("author", "typist"):
            if not _explained(m.group(part), codes):
                reason = f"the {part}'s initials of a letter reference, not a code"
                out.append(Leftover(m.start(part), m.end(part), reason, "backstop:reference_initials"))
    return out


@lru_cache(maxsize=1)
def _scribe_re() -> re.Pattern:
    return re.compile(
        rf"(?i:\b(?:{_words_re(_data()['scribe_cues'])}))[ \t:]+(?P<who>[a-z]{{2,3}}|{_INITIALS})(?![\w'’/-])"
    )


def scribe_initials(text: str, codes: set[str]) -> list[Leftover]:
    """ "Typed by rt", "Minutes taken by jb": the record's own field for the person who wrote it holds initials."""
    from .names.unknown import lexicon

    lex = lexicon()
    out = []
    for m in _scribe_re().finditer(text):
        who = m.group("who")
        if not _no_initials(who, codes) and not (who.islower() and lex.is_common_word(who)):
            reason = "initials where the record names who typed or minuted it, not a code"
            out.append(Leftover(m.start("who"), m.end("who"), reason, "backstop:scribe_initials"))
    return out


@lru_cache(maxsize=1)
def _signature_res() -> tuple[re.Pattern, re.Pattern]:
    closing = _words_re(_data()["valedictions"])
    letter = re.compile(
        rf"(?im)^[ \t]*(?:{closing})[ \t]*[,.!]?[ \t]*\n(?:[ \t]*\n){{0,2}}[ \t]*(?P<who>{_INITIALS})\.?[ \t]*$"
    )
    # the message's end: its table cell closes, or a blank line follows (not a hard-wrapped line going on)
    message = re.compile(rf"[.!?][ \t]+(?P<who>{_INITIALS})[ \t]*(?=\||\n[ \t]*\n|\n?\Z)")
    return letter, message


def signature_initials(text: str, codes: set[str]) -> list[Leftover]:
    """Initials that sign a letter (alone on the line after "Yours sincerely") or end a message after its last
    sentence ("... Speak Thursday. J |"): the writer's name."""
    out = []
    for pattern in _signature_res():
        for m in pattern.finditer(text):
            if not _no_initials(m.group("who"), codes):
                reason = "initials signing a letter or message, not a code"
                out.append(Leftover(m.start("who"), m.end("who"), reason, "backstop:signature_initials"))
    return out


# ---------------------------------------------------------------- names in record fields
_SURNAME_GIVEN = re.compile(r"(?<![\w'’-])([A-Z][A-Z'’-]+),[ \t]+([A-Z][A-Z'’-]{2,})(?![\w'’-])")


def capitals_surname_given(text: str, codes: set[str]) -> list[Leftover]:
    """A record line "JONSDOTTIR, SIGRIDUR": a case system files a person as SURNAME, Given in capitals.  Two
    such words that are neither English words nor known abbreviations are a name."""
    from .codes import general_abbreviations
    from .names.unknown import lexicon

    lex, abbreviations = lexicon(), general_abbreviations()
    out = []
    for m in _SURNAME_GIVEN.finditer(text):
        words = (m.group(1), m.group(2))
        if any(w in abbreviations or lex.is_common_word(w.title()) for w in words if not _explained(w, codes)):
            continue
        if _explained(words[1], codes) or (len(words[0]) < 3 and not _explained(words[0], codes)):
            continue
        if _explained(words[0], codes):  # "KM, SIGRIDUR": the surname coded, the given name left
            reason = "a capitals given name after a coded surname (SURNAME, Given record entry)"
            out.append(Leftover(m.start(2), m.end(2), reason, "backstop:surname_given"))
            continue
        reason = "a capitals SURNAME, Given record entry, not a code"
        out.append(Leftover(m.start(), m.end(), reason, "backstop:surname_given"))
    return out


_TWO_CAPITALISED = re.compile(
    r"(?<![\w'’.-])([A-Z][a-z]+(?:-[A-Z][a-z]+)?)[ \t]+([A-Z][a-z'’]+(?:-[A-Z][a-z]+)?)(?![\w'’-]|[ \t]+[A-Z])"
)


def person_shaped(text: str, codes: set[str]) -> list[Leftover]:
    """ "Caller Kath Doyle, Flat 5": two capitalised words, neither an English word (even one that is also a
    surname: "Ward", "House", "Bridge"), the first a listed given name
    or the second a listed surname, and no third capitalised word after them (which would make an organisation
    or place): a person nobody coded."""
    from .names.unknown import lexicon

    lex = lexicon()
    out = []
    for m in _TWO_CAPITALISED.finditer(text):
        given, family = m.group(1), m.group(2)
        if given == family or any(w.lower() in _kin() for w in (given, family)):
            continue  # "Nana Nana": a family word said twice, which the key's slot rules weigh
        if m.group() in lex.places or m.group() in lex.countries or given in lex.places or family in lex.places:
            continue  # "Sri Lanka", "Hebden Bridge": a listed place
        if any(_explained(w, codes) or w.lower() in lex.common for w in (given, family)):
            continue  # "Wren Ward", "Weald House": an English word makes it a place or building
        if lex.is_first_name(given) or family in lex.surnames:
            reason = "a given name and surname no code replaced"
            out.append(Leftover(m.start(), m.end(), reason, "backstop:person_shaped"))
    return out


@lru_cache(maxsize=1)
def _known_as_re() -> re.Pattern:
    cues = _words_re(_data()["known_as_cues"])
    return re.compile(rf"(?i:\b(?:{cues}))[ \t:|\"“‘']+(?P<name>[A-Z][^\W\d_]+(?:[-'’][^\W\d_]+)*)")


def known_as_names(text: str, codes: set[str]) -> list[Leftover]:
    """ "Known as | Ankhaa", "(known as Sashko)": the field or phrase that gives the name a person goes by; a
    capitalised word there that is no code and no English word is that name."""
    from .names.unknown import lexicon

    lex = lexicon()
    out = []
    for m in _known_as_re().finditer(text):
        name = m.group("name")
        if not _explained(name, codes) and not lex.is_common_word(name):
            reason = "the name a record says someone is known by, not a code"
            out.append(Leftover(m.start("name"), m.end("name"), reason, "backstop:known_as"))
    return out


_ADDRESSED = re.compile(r"(?m)(?:\b[A-Z]{1,4}\d?|\[PERSON-\d+\]):[ \t]+(?P<name>[A-Z][^\W\d_]+),[ \t]")


def addressed_names(text: str, codes: set[str]) -> list[Leftover]:
    """ "TM: Eej, he is tired.": a message whose sender is a code opens by addressing someone; the word before
    the comma, if no English word, is the name or kin term the family calls that person."""
    from .names.unknown import lexicon

    lex = lexicon()
    out = []
    for m in _ADDRESSED.finditer(text):
        sender = m.group().split(":", 1)[0]
        name = m.group("name")
        if _explained(sender, codes) and not _explained(name, codes) and not lex.is_common_word(name):
            reason = "the person a coded sender's message addresses, not a code"
            out.append(Leftover(m.start("name"), m.end("name"), reason, "backstop:addressed"))
    return out


@lru_cache(maxsize=1)
def _kin() -> frozenset[str]:
    """Words that name kin, in the text's English and in the informal forms families use."""
    from .verify import _kin_words

    return frozenset(_kin_words()) | frozenset(_data()["informal_kin_words"])


@lru_cache(maxsize=1)
def _gloss_re() -> re.Pattern:
    from .names.glosses import gloss_linkers

    kin = _words_re(_kin())
    # the linkers pseudonymise's gloss reader uses ("means", "is the word for", "is Mongolian for"); a quoted word
    # in any case, since a family word the draft discusses is often written in lower case ('"aav"')
    return re.compile(
        rf"[\"“‘'](?P<word>[^\W\d_]{{2,15}})[\"”’'],?[ \t]+(?:{gloss_linkers()})[ \t]+"
        rf"(?:the[ \t]+|a[ \t]+)?[\"“‘']?(?:{kin})\b",
        re.IGNORECASE,
    )


@lru_cache(maxsize=1)
def _gloss_list_re() -> re.Pattern:
    """A word list the draft reproduces ("eej = mum, aav = dad"): the same gloss, written as an equation."""
    kin = _words_re(_kin())
    return re.compile(rf"(?<![\w'’-])(?P<word>[^\W\d_]{{2,15}})[ \t]*=[ \t]*[\"“‘']?(?:{kin})\b", re.IGNORECASE)


def glossed_kin_words(text: str, codes: set[str]) -> list[Leftover]:
    """'"aav" is Mongolian for "dad"': the draft says that word is how the family names a relative, so every
    other use of it ("aav angry", "Aav pulled my ear") stands for that person.  The glossing uses are left alone
    (the quoted word before "is ... for", the word before "=" in a word list)."""
    glosses = [*_gloss_re().finditer(text), *_gloss_list_re().finditer(text)]
    words = {m.group("word").lower() for m in glosses} - {c.lower() for c in codes}
    if not words:
        return []
    glossing = {m.start("word") for m in glosses}
    uses = re.compile(rf"(?<![\w'’-])(?:{_words_re(words)})(?![\w'’-])", re.IGNORECASE)
    reason = "a word the draft glosses as a relative, used for that person"
    return [
        Leftover(m.start(), m.end(), reason, "backstop:glossed_kin")
        for m in uses.finditer(text)
        if m.start() not in glossing and not _word_not_person(text, m.start(), m.end())
    ]


# "had a dad and a Taid": after an article the glossed word is the common noun, no one's name
_ARTICLE_BEFORE = re.compile(r"(?<![\w'’-])(?i:a|an|the)[ \t]+\Z")


def _word_not_person(text: str, start: int, end: int) -> bool:
    """A glossed kin word after an article ("a Taid"), or alone in quotes ('or "Taid" in Welsh'): the word
    itself, named or discussed, not a relative called by it (quoted speech that starts with it still counts)."""
    quoted = text[start - 1 : start] in "\"“‘'" and text[end : end + 1] in "\"”’'" and start > 0 and end < len(text)
    return quoted or bool(_ARTICLE_BEFORE.search(text, max(0, start - 6), start))


_GIVEN_BEFORE_CODE = re.compile(r"(?<![\w'’.-])(?P<given>[A-Z][a-z'’]+(?:-[A-Z][a-z]+)?)[ \t]+(?=\[PERSON-\d+\])")


def given_before_code(text: str, codes: set[str]) -> list[Leftover]:
    """ "Caller Kath [PERSON-6]": pseudonymise coded the surname and left the given name before it.  A capitalised
    word there that is no English word ("Early", "Male"), title or code is that given name."""
    from ..lexicon import title_words
    from .names.unknown import lexicon

    lex, titles = lexicon(), {t.lower().rstrip(".") for t in title_words()}
    out = []
    for m in _GIVEN_BEFORE_CODE.finditer(text):
        given = m.group("given")
        if _explained(given, codes) or given.lower() in lex.common or given.lower() in titles:
            continue
        reason = "a given name left before a coded surname"
        out.append(Leftover(m.start("given"), m.end("given"), reason, "backstop:given_before_code"))
    return out


_RULES = (
    script_names,
    attendance_initials,
    reference_initials,
    scribe_initials,
    signature_initials,
    capitals_surname_given,
    known_as_names,
    addressed_names,
    person_shaped,
    glossed_kin_words,
    given_before_code,
)


def backstop_leftovers(text: str, codes: set[str]) -> list[Leftover]:
    """Every leftover the shapes above find in a coded `text`; `codes` are the key's and the text's codes."""
    out: list[Leftover] = []
    for rule in _RULES:
        out += rule(text, codes)
    return out
