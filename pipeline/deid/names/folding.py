"""Diacritics folded both ways: "Wójcik" in the key finds "Wojcik" in a draft, and "Sian" finds "Siân".

Drafts are typed on keyboards without Polish, Welsh, Irish or Vietnamese
letters, and keys are typed by people who know the proper spelling (or the
other way round), so a name is matched whatever accents either side carries.

Folding is Unicode decomposition with the combining marks dropped, plus the
letters that do not decompose (ł, ø, đ, ð, ı, ħ).  It maps one character to one
character, so a folded text has the same offsets as the original: the
known-name matcher searches the folded text with folded forms and reports
offsets (and the original spelling) of the real text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from functools import lru_cache

# ð (Icelandic, Faroese eth) is written d in English records and passports (ICAO Doc 9303: Ð -> D); þ (thorn)
# is "th" in ICAO Doc 9303 and "t" on the English records that drop the h ("Torsson" of Þórsson): one letter
# must stay one letter here, so it is t, and "Thorsson" meets it as a one-letter slip
# ɔ and ɛ (the open o and e of the Akan, Ewe, Ga, Yoruba-area, Dinka and Lingala orthographies: Twi "Akɔsua")
# are o and e in English records and passports (Wikipedia "Akan language", Orthography; "Open-mid back rounded
# vowel")
_UNDECOMPOSED = {
    "ɔ": "o",
    "Ɔ": "O",
    "ɛ": "e",
    "Ɛ": "E",
    "þ": "t",
    "Þ": "T",
    "ł": "l",
    "Ł": "L",
    "ø": "o",
    "Ø": "O",
    "đ": "d",
    "Đ": "D",
    "ð": "d",
    "Ð": "D",
    "ı": "i",
    "ħ": "h",
    "Ħ": "H",
}
# Latin-1 Supplement, Latin Extended-A/B, IPA extensions and Latin Extended Additional (Vietnamese, Welsh ŵ/ŷ)
_FOLDED_RANGES = ((0xC0, 0x2B0), (0x1E00, 0x1F00))


@lru_cache(maxsize=4096)
def fold_char(ch: str) -> str:
    """One character without its diacritics ("ó" -> "o", "ễ" -> "e"); other characters unchanged."""
    if ch in _UNDECOMPOSED:
        return _UNDECOMPOSED[ch]
    base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
    return base if len(base) == 1 else ch


@lru_cache(maxsize=1)
def _table() -> dict[int, str]:
    table = {}
    for lo, hi in _FOLDED_RANGES:
        for code in range(lo, hi):
            ch = chr(code)
            base = fold_char(ch)
            if base != ch:
                table[code] = base
    return table


def fold(text: str) -> str:
    """`text` with diacritics removed, character for character (same length, same offsets)."""
    if text.isascii():
        return text
    return text.translate(_table())


def in_latin_script(word: str) -> bool:
    """Every letter of `word` is a Latin letter (after folding); digits and marks do not count."""
    if word.isascii():  # most words: no folding needed to know
        return True
    return all(not ch.isalpha() or ("a" <= ch <= "z") or ("A" <= ch <= "Z") for ch in fold(word))


def romanised(word: str) -> str:
    """A word in another script ("Айше", "Αλέξης") in Latin letters ("Ayshe", "Alexis"), lower case; a Latin word
    folded and lower-cased.  Records and messages write a Turkish, Bulgarian or Greek family's names in the
    script of the country they came from, and a keyed name is the same person whichever script spells it.

    Transliteration is `anyascii` (ISC licence): one table for every script, kept up to date with Unicode."""
    if in_latin_script(word):
        return fold(word).casefold()
    from anyascii import anyascii

    return anyascii(_national_digraphs(word)).casefold()


@lru_cache(maxsize=1)
def _digraph_rules() -> tuple[tuple[re.Pattern[str], str], ...]:
    """``models/names/script_digraphs.yaml``: (pattern, romanisation) of the letter pairs a national
    romanisation writes as one sound."""
    from ...resources import load_yaml

    return tuple((re.compile(a), b) for a, b in load_yaml("names", "script_digraphs.yaml") or ())


_GREEK_OR_ARMENIAN = re.compile(r"[\u0370-\u03ff\u1f00-\u1fff\u0530-\u058f]")


def _national_digraphs(word: str) -> str:
    """ "Γεωργίου" as its national romanisation writes it ("georgiou", not the letter-by-letter "georgioy"): the
    word in lower case, accents dropped, its letter pairs rewritten (`_digraph_rules`).  Other scripts as given."""
    if not _GREEK_OR_ARMENIAN.search(word):
        return word
    low = "".join(c for c in unicodedata.normalize("NFD", word.casefold()) if not unicodedata.combining(c))
    for pattern, spelling in _digraph_rules():
        low = pattern.sub(spelling, low)
    return low


def skeleton(word: str, rewrites: Iterable[Sequence[str]]) -> str:
    """`word` (folded, lower case) with the spellings that romanisations of one name differ by written one way
    ("sh" of ş, "w" of a Slavic v, "kh", "dj", "yu" of ü) and doubled letters written once: two words with
    the same skeleton are spellings of one name ("Aishe" and "Ayşe", "Mehmedowa" and "Mehmedova")."""
    for a, b in rewrites:
        word = word.replace(a, b)
    out: list[str] = []
    for ch in word:
        if not out or out[-1] != ch:
            out.append(ch)
    return "".join(out)
