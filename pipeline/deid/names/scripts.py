"""A keyed name written in another script: "서연" on a birthday cake, "雨欣" on a drawing, "Айше" on a card.

An English draft quotes a child's or a parent's name as the family writes it, in Hangul, Chinese characters,
Cyrillic or Arabic letters, while the key gives the romanised name ("Seo-yeon Kim").  Such a run of letters
is the keyed person when its romanisation (`folding.romanised`, the anyascii tables) spells one of the
person's keyed names with the hyphens and spaces of the romanisation left out ("seoyeon" for "Seo-yeon",
"kimseoyeon" for "Kim Seo-yeon").  The evidence is the key alone: nothing is coded for its script, and a
word that romanises to no keyed name stays (the Korean or Hungarian words an author quotes are not names).
The derived-form pass (`derived.classify`) compares another script's words with the key's too, but only the
ones it reads as a person by the sentence; this one needs no sentence, since an exact spelling is enough.

Three more pieces of evidence, each the key's or the draft's own:

- a name written whole ("ლევან გელაშვილი" on an ID card) is one person's even when its surname alone is the
  whole family's: the words next to each other are compared together, as the keyed full name;
- a word the draft also writes in Latin letters for one person (the mother's pet name "Tamuna", coded by the
  derived-form pass, and "თამუნა" in her message) is that person in both scripts;
- the Brahmic scripts (Devanagari, Bengali, Gurmukhi, Tamil, Thai ...) are abugidas: a consonant carries an
  unwritten vowel, so a letter-by-letter romanisation leaves out vowels the keyed romanisation writes
  ("rhman" of রহমান, keyed Rahman).  Such a word meets a keyed name whose letters are its own with only vowels
  added, once both write vowels as the romanisation skeleton does (name_context.yaml `misspelling.skeleton`:
  "ee" is "i").
"""

from __future__ import annotations

import re
from functools import lru_cache

import regex

from ...resources import read_lines
from .folding import in_latin_script, romanised, skeleton

# a run of letters that are not Latin (and the marks some scripts write inside words): the search skips
# the English text in C instead of visiting every word of it
_LETTERS = r"[^\P{L}\p{Latin}](?:[^\P{L}\p{Latin}]|[\p{M}\u0900-\u0dff\u200c\u200d])*"
_WORD = regex.compile(_LETTERS)
# words of another script next to each other on one line: a name written whole
_RUN = regex.compile(rf"{_LETTERS}(?:[ \t]{{1,2}}{_LETTERS})*")
_MIN_LETTERS = 4  # romanised letters: shorter spellings ("li", "an") are too many people's
# the Brahmic abugidas: Indic blocks (Devanagari to Sinhala), Thai, Lao, Myanmar, Khmer (not Tibetan: its
# silent prefixed letters make the romanisation longer than the name, "bstan 'dzin" of Tenzin)
_ABUGIDA = regex.compile(r"[\u0900-\u0dff\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff]")
_VOWELS = frozenset("aeiou")
# what a letter-by-letter table may leave out: the unwritten vowels, and the h that romanisations write after
# an aspirated or a hushing consonant ("sh", "bh") and letter-by-letter tables often do not (শ as "s")
_UNWRITTEN = _VOWELS | {"h"}
_MAX_NAME_WORDS = 4  # a name written whole: a run of more words is a sentence, read a name's length at a time
_MIN_CONSONANTS = 3  # an abugida word is taken with its vowels unwritten only when this many consonants say it


def _spelling(name: str, rewrites: tuple[tuple[str, str], ...] = ()) -> str:
    out = re.sub(r"[^a-z]", "", romanised(name))
    for a, b in rewrites:
        out = out.replace(a, b)
    return out


def keyed_spellings(key, rewrites: tuple[tuple[str, str], ...] = ()) -> dict[str, set[str]]:
    """romanised spelling without separators -> the codes of the people with a name (or word of a name) so
    spelt: each keyed name whole (without a generation word), in either order of its words, and each of its words."""
    out: dict[str, set[str]] = {}
    generations = _generation_suffixes()
    for person in key.people:
        for name in person.names:
            # "Andreas Georgiou Snr": the generation word is the key's, not the name a card or a letter writes
            words = [w for w in re.split(r"\s+", name) if w and w.casefold().rstrip(".") not in generations]
            spellings = {_spelling(w, rewrites) for w in words} | {
                _spelling("".join(words), rewrites),
                _spelling("".join(words[::-1]), rewrites),
            }
            for s in spellings:
                if len(s) >= _MIN_LETTERS:
                    out.setdefault(s, set()).add(person.code)
    return out


@lru_cache(maxsize=1)
def _generation_suffixes() -> frozenset[str]:
    """``models/names/generation_suffixes.txt``: "Snr", "Junior", lower case."""
    return frozenset(w.casefold().rstrip(".") for w in read_lines("names", "generation_suffixes.txt"))


def _consonants(spelling: str) -> str:
    return "".join(ch for ch in spelling if ch not in _UNWRITTEN)


def _vowels_added(short: str, full: str) -> bool:
    """`full` is `short` with only unwritten letters added ("rahman" of "rhman", "shahidul" of "shidul")."""
    i = 0
    for ch in full:
        if i < len(short) and ch == short[i]:
            i += 1
        elif ch not in _UNWRITTEN:
            return False
    return i == len(short)


class _Spellings:
    """The key's spellings, looked up exactly, with an abugida's unwritten vowels, or as the draft's own Latin
    forms; built on the first word of another script (most drafts have none)."""

    def __init__(self, key, text: str, raw: list):
        from .derived import family_spelling, settings

        self.rewrites = family_spelling(text)[0]
        self.exact = keyed_spellings(key, self.rewrites)
        # the skeleton's vowel spellings only ("ee" as i, "y" as i): its consonant digraphs ("sh" as s) would
        # merge a digraph with the next consonant of a romanisation that writes both ("sh" + "h" of শহ)
        self.pairs = tuple(
            (a, b) for a, b in settings()["misspelling"].get("skeleton") or () if set(a + b) <= _VOWELS | {"y"}
        )
        self.by_consonants: dict[str, set[tuple[str, str]]] = {}
        for spelling, codes in self.exact.items():
            plain = skeleton(spelling, self.pairs)
            for code in codes:
                self.by_consonants.setdefault(_consonants(plain), set()).add((plain, code))
        self.drafted = _drafted_spellings(text, raw, self.rewrites)

    def codes(self, word: str) -> set[str]:
        spelling = _spelling(word, self.rewrites)
        found = self.exact.get(spelling) or self.drafted.get(spelling)
        if found:
            return found
        if not _ABUGIDA.search(word):
            return set()
        plain = skeleton(spelling, self.pairs)
        consonants = _consonants(plain)
        if len(consonants) < _MIN_CONSONANTS:
            return set()
        return {code for full, code in self.by_consonants.get(consonants, ()) if _vowels_added(plain, full)}


def _drafted_spellings(text: str, raw: list, rewrites: tuple[tuple[str, str], ...]) -> dict[str, set[str]]:
    """The Latin words the matcher has given one code ("Tamuna" of the mother): spelling -> codes."""
    out: dict[str, set[str]] = {}
    for start, end, _matched, forms in raw:
        codes = {f.code for f in forms}
        word = text[start:end]
        if len(codes) != 1 or not in_latin_script(word) or not re.fullmatch(r"[^\W\d_]+", word):
            continue
        spelling = _spelling(word, rewrites)
        if len(spelling) >= _MIN_LETTERS:
            out.setdefault(spelling, set()).update(codes)
    return out


def other_script_names(key, text: str, raw: list) -> list:
    """(start, end, matched, forms) hits of keyed names written in another script, outside `raw`'s spans;
    a spelling shared by two keyed people codes neither.  The family's language, when the draft names it,
    says how its script is romanised (models/names/orthographies.yaml: Mongolian ж is j, not zh)."""
    if text.isascii():
        return []
    from .kin_forms import _form

    spellings: _Spellings | None = None
    taken = [(r[0], r[1]) for r in raw]
    out = []
    for run in _RUN.finditer(text):
        words = [m for m in _WORD.finditer(text, run.start(), run.end()) if not in_latin_script(m.group(0))]
        if not words:
            continue
        if spellings is None:
            spellings = _Spellings(key, text, raw)
        i = 0
        while i < len(words):
            j = _longest_name(words, i, spellings)
            start, end = words[i].start(), words[j - 1].end()
            i = j
            if any(s < end and start < e for s, e in taken):
                continue
            name = text[start:end]
            codes = spellings.codes(name)
            if len(codes) == 1:
                out.append((start, end, name, [_form(next(iter(codes)), name, "other_script", name)]))
    return out


def _longest_name(words: list, i: int, spellings: _Spellings) -> int:
    """The end (exclusive) of the longest run of words from `i` that spells one keyed person's name whole;
    `i + 1` when none of two words or more does."""
    for j in range(min(len(words), i + _MAX_NAME_WORDS), i + 1, -1):
        joined = "".join(m.group(0) for m in words[i:j])
        if len(spellings.codes(joined)) == 1:
            return j
    return i + 1
