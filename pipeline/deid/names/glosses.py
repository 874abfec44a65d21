"""The meaning a draft itself gives a family word: '"Noona" (big sister)', '"Apa" and "Anya" (dad and mum)',
"Halmeoni (grandma)", "Nagyi, meaning grandmother".

A review that uses a family's own word for a relative usually explains it once.  That explanation is the
best evidence of what the word means in this draft: better than any list, where the same word may mean
another relative in another language (Hungarian "apa" is a father, Bengali "apa" an elder sister).  The
gloss gives the relation (an English kinship word of models/names/role_cues.yaml); kin_forms.py then codes
the word used alone to the keyed relative whose role says that relation.

Only a gloss made of kinship words (and the modifiers of `models/names/inferred_prefixes.yaml`
`gloss_modifiers`: "big", "older", "my") counts: "(who had flown back for it)" explains nothing.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ...resources import load_yaml
from . import role_cues

# the glossed word: capitalised, in quotes or not, up to 12 letters, perhaps with a hyphened part ("Mam-gu")
_WORD = r"[\"“‘']?(?P<{n}>[A-Z][^\W\d_]{{1,11}}(?:-[^\W\d_]{{1,8}})?)[\"”’']?"
_GLOSS = r"(?P<{n}>[^()\n\"“”;.]{{1,40}}?)"


@lru_cache(maxsize=1)
def _conf() -> dict:
    return dict(load_yaml("names", "inferred_prefixes.yaml") or {})


def gloss_linkers() -> str:
    """The phrases that join a word to its gloss ("meaning", "is the word for", "is Amharic for"), one
    alternation: pseudonymise's gloss reader and verify's safety net read the same glosses."""
    return "|".join(f"(?:{v})" for v in _conf().get("gloss_linkers") or ("meaning",))


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], ...]:
    """A word then its gloss in brackets, two words then their two glosses, a word then an explaining
    linker ("meaning", "which means") and its gloss."""
    linkers = gloss_linkers()
    # each in a lookahead, so that one gloss's words do not hide the next ("She means Tutu, meaning granny")
    return tuple(re.compile(rf"(?<![\w'’-])(?={p.pattern})") for p in _bare_patterns(linkers))


def _bare_patterns(linkers: str) -> tuple[re.Pattern[str], ...]:
    return (
        re.compile(
            _WORD.format(n="w1")
            + r"[ \t]+(?:and|or|&)[ \t]+"
            + _WORD.format(n="w2")
            + r"[ \t]*\([ \t]*"
            + _GLOSS.format(n="g1")
            + r"[ \t]+(?:and|or|&)[ \t]+"
            + _GLOSS.format(n="g2")
            + r"[ \t]*\)"
        ),
        re.compile(_WORD.format(n="w1") + r"[ \t]*\([ \t]*" + _GLOSS.format(n="g1") + r"[ \t]*\)"),
        re.compile(
            _WORD.format(n="w1")
            + rf",?[ \t]+(?:{linkers})[ \t]+[\"“‘']?"
            + r"(?P<g1>(?:[^\W\d_][\w'’-]*[ \t]+){0,2}[^\W\d_][\w'’-]*)"
        ),
    )


# a parent's relative ("his mother's sister", "the father's mum"): the relation seen from the parent
_PARENTS_RELATIVE = re.compile(
    r"^(?:(?:his|her|their|my|our|your|the)[ \t]+)?(?P<parent>mother|mum|mom|father|dad)['’]s[ \t]+(?P<rel>[^\W\d_]+)$",
    re.I,
)


def relation_of(gloss: str) -> str | None:
    """The one relation class a gloss names ("big sister" -> sister, "grandma" -> grandmother), when the
    gloss is kinship words and modifiers only; None for anything else.  A parent's relative is the child's
    relative on that side ("his mother's sister" -> "maternal aunt", not a sister)."""
    composed = _parents_relative(gloss.strip())
    if composed:
        return composed
    modifiers = {str(w).casefold() for w in _conf().get("gloss_modifiers") or ()}
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", gloss) if w.casefold() not in modifiers]
    if not words or len(words) > 2:
        return None
    whole = role_cues.class_of(" ".join(words))
    if whole:
        return whole
    classes = {role_cues.class_of(w) for w in words}
    return classes.pop() if len(words) == 1 and len(classes) == 1 else None


def _parents_relative(gloss: str) -> str | None:
    """ "mother's sister" -> "maternal aunt": the relative of the child's parent, by the table the speaker rule
    uses (models/lexicon/honorifics.yaml `speaker_relatives`: a mother's sister is the child's maternal aunt)."""
    from ...lexicon import honorifics

    m = _PARENTS_RELATIVE.match(gloss)
    if not m:
        return None
    parent, rel = role_cues.class_of(m.group("parent")), role_cues.class_of(m.group("rel"))
    own = honorifics()["speaker_relatives"].get(parent or "", {}).get(rel or "")
    if not own or len(own.get("means") or []) != 1:
        return None
    return f"{own['side']} {own['means'][0]}" if own.get("side") else own["means"][0]


def split_side(relation: str) -> tuple[str, str | None]:
    """("aunt", "maternal") of "maternal aunt"; (relation, None) of a relation without a side."""
    side, _, rel = relation.partition(" ")
    return (rel, side) if rel and side in ("maternal", "paternal") else (relation, None)


# a capitalised word or a title right before the glossed word, on its line: the word is part of a person's name
_NAME_BEFORE = re.compile(r"(?:[A-Z][\w'’.-]*)[ \t]+[\"“‘']?\Z")


def _part_of_a_name(text: str, start: int) -> bool:
    """ "Mr Lăcătuș (birth father)", "Pradeep Aiya (elder brother)": a bracket after a person's name says who
    the person is, it explains no word ("☒ Yes (mother)", a form's tick box, is no family word either)."""
    return _NAME_BEFORE.search(text, max(0, start - 30), start) is not None


@lru_cache(maxsize=4)
def draft_glosses(text: str) -> dict[str, str]:
    """Word (case-folded) -> the relation class the draft's own gloss gives it.  A word glossed two ways is
    left out (the draft does not settle it), and so is an English kinship word ("Mum (mother)")."""
    from .kin_forms import frequent_words

    found: dict[str, set[str]] = {}
    linker = _patterns()[-1]
    for pattern in _patterns():
        for m in pattern.finditer(text):
            if _part_of_a_name(text, m.start()):
                continue
            for n in ("1", "2"):
                word = m.groupdict().get("w" + n)
                gloss = m.groupdict().get("g" + n)
                if not word or not gloss or role_cues.class_of(word) or word.casefold() in frequent_words():
                    continue
                rel = relation_of(gloss)
                # a bracket may say who a named person is ("Kevin (brother)"); "Mae is the Thai word for
                # mother" explains a word, whatever else the word may be
                if rel and (pattern is linker or not _a_persons_name(word)):
                    found.setdefault(word.casefold(), set()).add(rel)
    once = {w: next(iter(rels)) for w, rels in found.items() if len(rels) == 1}
    # two words glossed with one relation ("Tomi (brother) and Dani (brother)") are two people, not one word
    shared = {rel for rel in once.values() if list(once.values()).count(rel) > 1}
    return {w: rel for w, rel in once.items() if rel not in shared}


def _a_persons_name(word: str) -> bool:
    """A listed given name or surname that no family-word list has ("Kevin (brother)"): a person annotated
    with a relation, whom the name passes find; a family word that is also a name ("Lola") stays a word."""
    from ...lexicon import honorifics
    from .kin_forms import prefix_words
    from .unknown import lexicon

    low = word.casefold()
    if low in honorifics()["alone"] or low in prefix_words():
        return False
    return lexicon().is_known_name(word)
