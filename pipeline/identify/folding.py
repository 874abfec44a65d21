"""Diacritics folded both ways: "Wójcik" in the key finds "Wojcik" in a draft, and "Sian" finds "Siân".

Drafts are typed on keyboards without Polish, Welsh or Irish letters, and
keys are typed by people who know the proper spelling (or the other way
round), so a name is matched whatever accents either side carries.  Folding
is Unicode decomposition with the combining marks dropped, plus the letters
that do not decompose (ł, ø, đ, ı, ß).  Regex classes are built from every
Latin letter (U+00C0-U+024F) that folds to the same base letter.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_UNDECOMPOSED = {"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ı": "i", "ħ": "h", "Ħ": "H"}


@lru_cache(maxsize=4096)
def fold_char(ch: str) -> str:
    """One character without its diacritics ("ó" -> "o"); other characters unchanged."""
    if ch in _UNDECOMPOSED:
        return _UNDECOMPOSED[ch]
    base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
    return base if len(base) == 1 else ch


def fold(text: str) -> str:
    """`text` with diacritics removed, character for character (same length)."""
    return "".join(fold_char(ch) for ch in text)


@lru_cache(maxsize=1)
def _variants() -> dict[str, frozenset[str]]:
    """Lower-case base letter -> every Latin letter (both cases) that folds to it."""
    table: dict[str, set[str]] = {}
    for code in range(0xC0, 0x250):
        ch = chr(code)
        if not ch.isalpha():
            continue
        base = fold_char(ch)
        if base != ch and base.isascii():
            table.setdefault(base.lower(), set()).update({ch, base.lower(), base.upper()})
    return {k: frozenset(v) for k, v in table.items()}


def char_class(ch: str) -> str:
    """A regex for `ch` that also accepts its accented and unaccented spellings."""
    base = fold_char(ch).lower()
    variants = _variants().get(base)
    if not variants:
        return re.escape(ch)
    return "[" + "".join(sorted(variants | {ch})) + "]"
