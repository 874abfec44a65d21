"""The other forms of a family's surname in languages that inflect surnames by sex and marriage.

"Kazlauskienė" (a married woman), "Kazlauskas" (her husband or son), "Kazlauskaitė" (her
daughter); "Dudová" and "Duda"; "Kowalska" and "Kowalski"; "Papadopoulou" and
"Papadopoulos"; "Jónsdóttir" and "Jónsson".  A key lists one of them and the draft writes
another, often for the same person ("Mrs Duda" of a keyed Margita Dudová).  The ending pairs
are data (``models/pseudonymise/surname_forms.yaml``); this module only applies them.
"""

from __future__ import annotations

from functools import lru_cache

from ...resources import load_yaml
from .folding import fold


@lru_cache(maxsize=1)
def _rules() -> tuple[int, tuple[tuple[str, str], ...]]:
    """(minimum stem length, (keyed ending, other ending) pairs in lower case, longest keyed ending first)."""
    data = load_yaml("pseudonymise", "surname_forms.yaml") or {}
    pairs = {(str(a).casefold(), str(b)) for table in (data.get("rules") or {}).values() for a, b in table or ()}
    return int(data.get("min_stem", 3)), tuple(sorted(pairs, key=lambda p: (-len(p[0]), p)))


def _ends_with(surname: str, folded: str, ending: str) -> bool:
    """The keyed surname ends with `ending`: as spelt, or without accents when the surname has none
    (a key typed without them) and the ending is not a short accented one ("š" is not any "-s")."""
    if surname.casefold().endswith(ending):
        return True
    return surname.isascii() and (ending.isascii() or len(ending) >= 3) and folded.endswith(fold(ending))


@lru_cache(maxsize=4096)
def family_surnames(surname: str) -> tuple[str, ...]:
    """The other forms of a one-word keyed surname ("Dudová" -> "Dud", "Duda"); none for other shapes.

    Only the last word of a multi-word surname is inflected ("van Berg" is left alone); a
    hyphenated surname's last part is ("Nowak-Kowalska" -> "Nowak-Kowalski").
    """
    if not surname or " " in surname:
        return ()
    min_stem, pairs = _rules()
    folded = fold(surname).casefold()
    out: list[str] = []
    for ending, other in pairs:
        if not _ends_with(surname, folded, ending) or len(folded) - len(ending) < min_stem:
            continue
        stem = surname[: len(surname) - len(ending)]
        if not stem[-1:].isalpha():
            continue  # "Nowak-" : the ending was a whole part
        form = stem + (other.upper() if surname.isupper() else other)
        low = fold(form).casefold()
        if low != folded and form not in out:
            out.append(form)
    return tuple(out)
