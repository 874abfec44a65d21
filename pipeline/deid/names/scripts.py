"""A keyed name written in another script: "서연" on a birthday cake, "雨欣" on a drawing, "Айше" on a card.

An English draft quotes a child's or a parent's name as the family writes it, in Hangul, Chinese characters,
Cyrillic or Arabic letters, while the key gives the romanised name ("Seo-yeon Kim").  Such a run of letters
is the keyed person when its romanisation (`folding.romanised`, the anyascii tables) spells one of the
person's keyed names with the hyphens and spaces of the romanisation left out ("seoyeon" for "Seo-yeon",
"kimseoyeon" for "Kim Seo-yeon").  The evidence is the key alone: nothing is coded for its script, and a
word that romanises to no keyed name stays (the Korean or Hungarian words an author quotes are not names).
The derived-form pass (`derived.classify`) compares another script's words with the key's too, but only the
ones it reads as a person by the sentence; this one needs no sentence, since an exact spelling is enough.
"""

from __future__ import annotations

import re

import regex

from .folding import in_latin_script, romanised

# a run of letters that are not Latin (and the marks some scripts write inside words): the search skips
# the English text in C instead of visiting every word of it
_WORD = regex.compile(r"[^\P{L}\p{Latin}](?:[^\P{L}\p{Latin}]|[\p{M}\u0900-\u0dff\u200c\u200d])*")
_MIN_LETTERS = 4  # romanised letters: shorter spellings ("li", "an") are too many people's


def _spelling(name: str, rewrites: tuple[tuple[str, str], ...] = ()) -> str:
    out = re.sub(r"[^a-z]", "", romanised(name))
    for a, b in rewrites:
        out = out.replace(a, b)
    return out


def keyed_spellings(key, rewrites: tuple[tuple[str, str], ...] = ()) -> dict[str, set[str]]:
    """romanised spelling without separators -> the codes of the people with a name (or word of a name) so
    spelt: each keyed name whole, in either order of its words, and each of its words."""
    out: dict[str, set[str]] = {}
    for person in key.people:
        for name in person.names:
            words = [w for w in re.split(r"\s+", name) if w]
            spellings = {_spelling(w, rewrites) for w in words} | {
                _spelling("".join(words), rewrites),
                _spelling("".join(words[::-1]), rewrites),
            }
            for s in spellings:
                if len(s) >= _MIN_LETTERS:
                    out.setdefault(s, set()).add(person.code)
    return out


def other_script_names(key, text: str, raw: list) -> list:
    """(start, end, matched, forms) hits of keyed names written in another script, outside `raw`'s spans;
    a spelling shared by two keyed people codes neither.  The family's language, when the draft names it,
    says how its script is romanised (models/names/orthographies.yaml: Mongolian ж is j, not zh)."""
    if text.isascii():
        return []
    from .kin_forms import _form

    spellings: dict[str, set[str]] | None = None
    rewrites: tuple[tuple[str, str], ...] = ()
    taken = [(r[0], r[1]) for r in raw]
    out = []
    for m in _WORD.finditer(text):
        word = m.group(0)
        if in_latin_script(word) or any(s < m.end() and m.start() < e for s, e in taken):
            continue
        if spellings is None:
            from .derived import family_spelling

            rewrites = family_spelling(text)[0]
            spellings = keyed_spellings(key, rewrites)
        codes = spellings.get(_spelling(word, rewrites), set())
        if len(codes) == 1:
            code = next(iter(codes))
            out.append((m.start(), m.end(), word, [_form(code, word, "other_script", word)]))
    return out
