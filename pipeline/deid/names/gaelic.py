"""The other forms of a Scottish or Irish surname: Gaelic, English, and a woman's Gaelic form.

A keyed "Catrìona MacDonald" is "Ms NicDhòmhnaill" in notes written in Gaelic, a keyed
"Mark Ó Súilleabháin" is "Mr O'Sullivan" in a letter that anglicised him, and a keyed
"Siobhán Ní Bhriain" may be "Ms O'Brien".  Which English surname goes with which Gaelic one
is data (``models/pseudonymise/gaelic_surnames.yaml``); a woman's form is a rule of the
languages: Scottish "Mac..." becomes "Nic..."; Irish "Ó X" becomes "Ní X" (and "Uí X", a
married woman's form) and "Mac X" becomes "Nic X", with X lenited (an "h" after its first
consonant: "Súilleabháin" -> "Shúilleabháin"); "Ó hAodha" becomes "Ní Aodha".
"""

from __future__ import annotations

import re
from functools import lru_cache

from ...resources import load_yaml
from .folding import fold

_LENITABLE = frozenset("bcdfgmpt")


def lenite(word: str) -> str:
    """The lenited form of a Gaelic word: "Súilleabháin" -> "Shúilleabháin"; "Sc-", "Sm-", "Sp-",
    "St-", vowels, l, n, r and an already lenited word are unchanged."""
    if len(word) < 2 or fold(word[1]).casefold() == "h":
        return word
    first, second = fold(word[0]).casefold(), fold(word[1]).casefold()
    if first in _LENITABLE or (first == "s" and second not in "cmpt" and second.isalpha()):
        return word[0] + ("H" if word.isupper() else "h") + word[1:]
    return word


def delenite(word: str) -> str:
    """ "Bhriain" -> "Briain": the radical form of a lenited word."""
    if len(word) > 2 and fold(word[1]).casefold() == "h" and fold(word[0]).casefold() in _LENITABLE | {"s"}:
        return word[0] + word[2:]
    return word


def _norm(surname: str) -> str:
    """Lookup key: no case, accents, spaces, hyphens or apostrophes; "Mc" as "mac"."""
    s = fold(surname).casefold().replace("’", "'")
    s = re.sub(r"^mc", "mac", s)
    return re.sub(r"[\s'‐‑-]", "", s)


@lru_cache(maxsize=1)
def _groups() -> dict[str, frozenset[str]]:
    """Normalised form -> every form of its surname (English and Gaelic masculine)."""
    data = load_yaml("pseudonymise", "gaelic_surnames.yaml") or {}
    out: dict[str, set[str]] = {}
    for table in data.values():
        for english, gaelic in (table or {}).items():
            forms = {str(english)} | {str(g) for g in gaelic or ()}
            for form in list(forms):
                out.setdefault(_norm(form), set()).update(forms)
    return {k: frozenset(v) for k, v in out.items()}


def feminine(gaelic: str) -> list[str]:
    """A woman's forms of a masculine Gaelic surname ("MacLeòid" -> "NicLeòid", "Ó Briain" -> "Ní Bhriain")."""
    words = gaelic.split()
    if len(words) == 1:
        m = re.match(r"(?i)(mac)(?=[^\W\d_])", gaelic)
        return [("NIC" if gaelic[:3].isupper() else "Nic") + gaelic[3:]] if m else []
    head, rest = words[0], words[1:]
    low = fold(head).casefold()
    if low == "o":
        if re.match(r"h[AEIOUÁÉÍÓÚaeiouáéíóú]", rest[0]):
            bare = [rest[0][1:]] + rest[1:]  # "Ó hAodha" -> "Ní Aodha"
            return [" ".join(["Ní"] + bare), " ".join(["Uí"] + rest)]
        lenited = [lenite(rest[0])] + rest[1:]
        return [" ".join(["Ní"] + lenited), " ".join(["Uí"] + lenited)]
    if low in ("mac", "mag"):
        if rest[0] in ("an", "a'", "a’"):
            return [" ".join(["Nic"] + rest)]  # "Mac an t-Saoir" -> "Nic an t-Saoir"
        return [" ".join(["Nic", lenite(rest[0])] + rest[1:]), " ".join(["Nic"] + rest)]
    return []


def _masculine(surname: str) -> list[str]:
    """The masculine forms of a woman's Gaelic surname ("Ní Bhriain" -> "Ó Briain", "NicLeòid" -> "MacLeòid")."""
    words = surname.split()
    if len(words) == 1:
        return ["Mac" + surname[3:]] if re.match(r"(?i)nic(?=[^\W\d_])", surname) else []
    head, rest = fold(words[0]).casefold(), words[1:]
    radical = [delenite(rest[0])] + rest[1:]
    if head in ("ni", "ui"):
        if re.match(r"[AEIOUÁÉÍÓÚaeiouáéíóú]", rest[0]):
            return [" ".join(["Ó", "h" + rest[0]] + rest[1:])]
        return [" ".join(["Ó"] + radical)]
    if head == "nic":
        return [" ".join(["Mac"] + radical), " ".join(["Mac"] + rest)]
    return []


def surname_variants(surname: str, gender: str | None = None) -> list[str]:
    """Other forms of a keyed surname (words separated by spaces), without the surname itself.

    Women's forms are left out for a man; a "Mac" surname outside the table still gets its "Nic" form.
    """
    own = _norm(surname)
    masculine = _masculine(surname)
    found: set[str] = set(masculine)
    for form in [surname] + masculine:
        found |= _groups().get(_norm(form), frozenset())
    if gender != "male":
        for form in list(found) + [surname]:
            found.update(feminine(form))
    return sorted(f for f in found if _norm(f) != own)
