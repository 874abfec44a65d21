"""Role cues: a kinship noun set beside a name several keyed people share says which of them is meant.

"the grandmother, Mrs Adebayo", "Brother: T. Adebayo", "the father's name as 'Tran Van Duc'",
"Mr Tran (uncle)", "ADEBAYO (brother, 15)", "Tendai MOYO (5)": the document itself names the relation, and
the key's roles ("Child O's maternal grandmother") say which candidate holds it. The nouns are a broad
inventory of English kinship terms (models/names/role_cues.yaml), not the words of any one draft.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ...resources import load_yaml
from ..keyfile import Person, role_head

AGE = "age"  # the cue of a bracketed age after the name: a child
_BREAK = re.compile(r"[.;!?|\n]")  # a sentence, table cell or line end ends a cue
_TOKEN = re.compile(r"[\w'’-]+|[^\w\s]")
_SKIPPED_MARKS = frozenset(":,(\"“‘'")


@lru_cache(maxsize=1)
def _data() -> dict:
    return load_yaml("names", "role_cues.yaml")


@lru_cache(maxsize=1)
def _word_class() -> dict[str, str]:
    return {w.casefold(): cls for cls, spec in _data()["classes"].items() for w in spec["words"]}


@lru_cache(maxsize=1)
def _linkers() -> frozenset[str]:
    return frozenset(w.casefold() for w in _data().get("linkers", ()))


@lru_cache(maxsize=1)
def _age_after() -> re.Pattern:
    return re.compile(_data()["age_after"])


def _class_of(word: str) -> str | None:
    return _word_class().get(re.sub(r"['’]s?$", "", word).casefold())


def class_of(words: str) -> str | None:
    """The relation class an English kinship word (or two-word term: "birth mother") names, else None."""
    return _class_of(words)


def cue_before(text: str, start: int) -> str | None:
    """The relation named just before a name in the same clause: the kinship noun, with only marks and linking
    words ("as", "name", "was") between it and the name ("the uncle, Mr Tran"; "Sister: Tran")."""
    cue, _ = cue_before_with_owner(text, start)
    return cue


def cue_before_with_owner(text: str, start: int) -> tuple[str | None, bool]:
    """`cue_before`, and whether a possessive pronoun owns the noun ("her mother, Mrs Kamau"): then the
    relation is someone else's relative, to be checked against who "her" is."""
    window = text[max(0, start - 60) : start]
    breaks = list(_BREAK.finditer(window))
    if breaks:
        window = window[breaks[-1].end() :]
    tokens = _TOKEN.findall(window)
    while tokens:
        tok = tokens.pop()
        if tok in _SKIPPED_MARKS or tok.casefold() in _linkers():
            continue
        if tokens and (two := _class_of(tokens[-1] + " " + tok)):
            tok = two  # "birth mother"
            tokens.pop()
        cue = _class_of(tok)
        owned = cue is not None and any(t.casefold() in _owners() for t in tokens[-2:])
        return cue, owned
    return None, False


@lru_cache(maxsize=1)
def _owners() -> frozenset[str]:
    return frozenset(w.casefold() for w in _data().get("owners", ()))


def cue_after(text: str, end: int) -> str | None:
    """The relation a bracket right after the name gives ("Mr Tran (uncle)", "ADEBAYO (brother, 15)"), or
    AGE for a bracketed age alone ("Tendai MOYO (5)")."""
    after = text[end : end + 40]
    m = re.match(r"(?:['’]s)?[ \t]*\([ \t]*([\w'’-]+)", after)
    if m and (cls := _class_of(m.group(1))):
        return cls
    return AGE if _age_after().match(after) else None


def relations(person: Person) -> frozenset[str]:
    """The relation classes the key's role for `person` names ("maternal grandmother" -> grandmother)."""
    head = role_head(person.role or "").casefold()
    return frozenset(
        cls for word, cls in _word_class().items() if re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", head)
    )


def fits(cue: str, person: Person) -> bool:
    """The keyed person can be the one the cue names."""
    if cue == AGE:
        return person.child
    spec = _data()["classes"][cue]
    gender = spec.get("gender")
    if gender and person.gender not in (None, gender):
        return False
    if spec.get("child"):
        return person.child
    held = relations(person)
    if spec.get("sibling"):
        siblings = {c for c, s in _data()["classes"].items() if s.get("sibling")}
        return bool(held & siblings)
    return cue in held


def cue_gender(cue: str) -> str | None:
    return None if cue == AGE else _data()["classes"][cue].get("gender")
