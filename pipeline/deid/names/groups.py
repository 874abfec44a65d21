"""A surname that names a people, caste, clan or language here, not a person.

Many surnames are also the name of the group they come from ("Gurung", "Magar", "Rajput"): "the
Gurung community", "a Magar family", "speaks Gurung" and "Gurung, Magar or Tamang rather than
Nepali" are the group, while "Ms Gurung", "the Gurung family" and "Gurung said" are people.  The
word alone decides nothing; the words around it do (`models/pseudonymise/group_words.yaml`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from ...resources import load_yaml
from .unknown import lexicon

GROUP = "ethnic_group_or_language"  # the reason logged for a kept word
_WORD = re.compile(r"[A-Za-z][\w'’-]*")
_CAP_WORD = re.compile(r"[A-Z][\w'’-]*$")


@lru_cache(maxsize=1)
def _conf() -> dict:
    conf = dict(load_yaml("pseudonymise", "group_words.yaml"))
    not_people = load_yaml("names", "not_people.yaml")
    groups = set(not_people.get("peoples", ())) | set(not_people.get("languages", ()))
    # a group word that is also a name ("Christian", "Shona") proves no list: "Rai, Christian and Jade"
    conf["known_groups"] = frozenset(w for w in groups if not lexicon().is_known_name(w))
    conf["all_groups"] = frozenset(groups)
    for k in ("heads_after", "family_heads", "family_heads_plural", "family_articles", "language_before"):
        conf[k] = frozenset(conf.get(k) or ())
    return conf


def group_reading(text: str, start: int, end: int, keyed: bool = False) -> str | None:
    """ "ethnic_group_or_language" (GROUP) when the capitalised word text[start:end] names a group or a
    language in its context, else None.  A possessive ("Gurung's") is always a person's.  `keyed`: the word
    is a keyed person's name, so after "an interpreter for" it is a language only when the lists name it
    one: "an interpreter for Guðrún" is for the grandmother; after a verb of speaking ("speaks Gurung") it is
    a language whether listed or not."""
    conf = _conf()
    if text[end : end + 1] in ("'", "’"):
        return None
    after = _WORD.findall(text[end : end + 40])
    nxt = after[0].casefold() if after and re.match(r"[ \t]+[A-Za-z]", text[end : end + 40]) else ""
    before = text[max(0, start - 40) : start]
    prev_words = [w.casefold() for w in _WORD.findall(before)]
    prev = prev_words[-1] if prev_words and re.search(r"[A-Za-z][\w'’-]*[ \t]+$", before) else ""
    if nxt in conf["heads_after"] or nxt in conf["family_heads_plural"]:
        return GROUP
    if nxt in conf["family_heads"] and prev in conf["family_articles"]:
        return GROUP  # "a Magar family" (but "the Gurung family" is the person's)
    listed = not keyed or text[start:end] in conf["all_groups"]
    if prev in conf["language_before"]:
        return GROUP  # "speaks Gurung": a verb of speaking takes a language, listed or not
    last = prev_words[-1] if prev_words else ""
    if (
        last in conf.get("apposition_after", ())
        and re.search(r"[A-Za-z][ \t]*[,:(][ \t]*$", before)
        and re.match(r"[ \t]*(?:[,;:)]|[.!?](?:\s|$)|$)", text[end : end + 3])
    ):
        return GROUP  # "her language, Gurung,", "her clan (Rai)"; not "Within the community, Rebwar is known as"
    tail = " ".join(prev_words[-3:])
    if listed and any(tail.endswith(p) for p in conf.get("language_before_phrases", ())):
        return GROUP
    return GROUP if _listed_with_group(text, start, end, conf) else None


def other_name_of_group(text: str, start: int, groups: list[tuple[int, int]]) -> bool:
    """The word opens brackets right after a word read as a group or language: its own name for
    itself ("speaks Gurung (Tamu kyi)")."""
    return any(re.fullmatch(r"[ \t]*\([ \t]*", text[e:start]) for _, e in groups if e <= start)


def _listed_with_group(text: str, start: int, end: int, conf: dict) -> bool:
    """One item of a short list ("Gurung, Magar or Tamang rather than Nepali") whose items are single
    capitalised words and one of which is a listed people or language."""
    if (
        text[start:end] not in conf["known_groups"]
        and re.search(r",[ \t]*(?:and|but)[ \t]+$", text[max(0, start - 8) : start])
        and re.match(r"[ \t]+[a-z]", text[end : end + 3])
    ):
        return False  # "spoke Kurmanji rather than Sorani, and Nasrin ended up interpreting": a new clause's subject
    joiners = sorted((re.escape(j) for j in conf.get("list_joiners", ())), key=len, reverse=True)
    joint = rf"[ \t]*(?:{'|'.join(joiners)})[ \t]*(?:(?:or|and)[ \t]+)?"
    item = r"[A-Z][\w'’-]*"
    right = re.match(rf"(?:{joint}{item}){{1,4}}", text[end : end + 80])
    left = re.search(rf"(?:{item}{joint}){{1,4}}$", text[max(0, start - 80) : start])
    words = re.findall(item, (left.group(0) if left else "") + " " + (right.group(0) if right else ""))
    return any(w in conf["known_groups"] for w in words)
