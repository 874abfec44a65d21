"""Codes and names a review gives its people, read from two general shapes rather than listed sentences.

Issue 13: the key shapes in `key.py` were each built from a sentence seen in one set of real reviews, and
on reviews nobody had read they found a quarter of the declared codes.  This module reads the two ways
English prose names a person whatever the wording (data: `models/structure/naming.yaml`):

1. **A naming cue after a person noun phrase** (`find_named`): a person noun from the project's role and
   family inventories, then only closed-class words ("who", "in this report", "is", an age), then a naming
   verb phrase from the closed set of English verbs of naming (call, name, term, refer to / know / describe /
   identify as, hereafter, "by the name"), then an optional "in this report"-type phrase, an optional
   lower-case role phrase, and one code or name or a coordinated list of them.  "<role> … as <code>" joined by
   "and" after it ("… as Parent 1 and her partner as Parent 2") is read too.  A content word between the noun
   and the verb breaks the link: "the mother attended a meeting known as …" names the meeting.

2. **A role code used as a person** (`find_role_codes`): a person noun followed by an index (one to three
   capitals or a number), singular ("Lodger Q") or plural with a coordinated list ("brothers J and K" is
   Brother J and Brother K), counted over the whole document; a code used twice, or one of a series of the
   same role, is the review's code for a person.  Uses on a short line that titles another review of a
   listing page do not count (`key._listing_title`).

3. **A reduced naming clause** (keyreal12): a naming participle or a text-deictic adverb opening an apposition or
   a bracket right after the person noun ("the aunt, called Nell in this summary,", "(designated Lodger 2)",
   ", here Adult 5,"); a plain name counts only beside an "in this report"-type phrase.  Where names are off, only
   an item with a code's shape is declared ("was called Jade Wren" is the real person).

4. **A footnote that names** (`find_footnote_codes`): a note opening with a naming verb phrase declares its codes
   for the phrase its marker stands on.

All give `key.InlineDeclaration`s, which `structure.__init__` adds after the older shapes (a code any of
them declared first keeps that declaration; a code shown only by its use comes after a naming sentence).
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from ..lexicon import _kinship, title_pattern, title_words
from ..resources import fill_template, load_yaml
from . import key

# where a name is said to be used outside the report: the family's or friends' name for the person
_HOME_NAME = (
    r"[’'\"”]?\s+(?:at\s+home|(?:by|to|among)\s+(?:his|her|their)\s+(?:family|parents|friends)|in\s+the\s+family)\b"
)
_NOT_NAMES = {"The", "This", "That", "These", "Those", "Her", "His", "Their", "Its", "A", "An", "It", "He", "She"}


@lru_cache(maxsize=1)
def _data() -> dict:
    return load_yaml("structure", "naming.yaml")


def _plural_of(noun: str) -> str:
    """The plural of a person noun (of its last word when it has several: "young person" -> "young people")."""
    head, _, last = noun.rpartition(" ")
    irregular = _data()["irregular_plurals"]
    if last in irregular:
        plural = irregular[last]
    elif re.search(r"(?:s|x|ch|sh)$", last):
        plural = last + "es"
    elif re.search(r"[^aeiou]y$", last):
        plural = last[:-1] + "ies"
    else:
        plural = last + "s"
    return f"{head} {plural}" if head else plural


@lru_cache(maxsize=1)
def _inventory() -> frozenset[str]:
    """Every lower-case person noun the inventories hold, singular or plural: the role inventory of
    key_roles.yaml (family, inline_family, practitioner), the kinship inventory (kin words, person words) and the
    collective nouns of naming.yaml; without the practitioner entries that are no person on their own and
    without phrases ("subject of …")."""
    roles = key._roles()
    kin = _kinship()
    words = {*roles["family"], *roles["inline_family"], *roles["practitioner"], *kin["kin"], *kin["people"]}
    words |= set(_data()["group_nouns"])
    words -= set(_data()["not_person_nouns"])
    return frozenset(str(w).lower() for w in words if " of " not in str(w) and str(w).strip())


@lru_cache(maxsize=1)
def _plurals() -> dict[str, str]:
    """Plural form -> singular, for every person noun (a plural the inventory lists, "brothers", included; an
    irregular noun's regular plural too: "persons")."""
    out = {_plural_of(noun): noun for noun in _inventory()}
    out.update({noun + "s": noun for noun in _inventory() if noun.rpartition(" ")[2] in _data()["irregular_plurals"]})
    return out


@lru_cache(maxsize=1)
def person_nouns() -> frozenset[str]:
    """Lower-case singular person nouns (see `_inventory`)."""
    plurals = _plurals()
    return frozenset(n for n in _inventory() if n not in plurals or plurals[n] == n)


def singular(noun: str) -> str:
    """The singular of a person noun as written ("Young People" -> "young person"), lower case."""
    folded = re.sub(r"\s+", " ", noun).lower()
    return _plurals().get(folded, folded)


@lru_cache(maxsize=1)
def _noun_alternation() -> str:
    """Every person noun and its plural, longest first, a space matching any run of spaces."""
    words = sorted({*person_nouns(), *_plurals()}, key=lambda w: (-len(w), w))
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)


# an index after a role word: one to three capitals and up to two digits, or a number ("K", "RT", "T2", "7")
_INDEX = r"(?-i:(?:[A-Z]{1,3}[0-9]{0,2}|[0-9]{1,2})(?![\w’'&-])(?!\.[A-Z]))"  # not "S.M.", a person's initials
_SEP = r"(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)"


@lru_cache(maxsize=1)
def _role_code_re() -> re.Pattern:
    return re.compile(
        rf"(?<![\w’'-])(?P<role>{_noun_alternation()})\s+(?P<list>{_INDEX}(?:{_SEP}{_INDEX})*)",
        re.IGNORECASE,
    )


def _stop_code(code: str) -> bool:
    """An index that is an English function word written in capitals ("MOTHER AND BABY UNIT")."""
    from spacy.lang.en.stop_words import STOP_WORDS

    return len(code) > 1 and code.isalpha() and code.lower() in STOP_WORDS


def _caps_phrase(text: str, m: re.Match) -> bool:
    """A role and a capital run inside a heading in capitals ("FAMILY LAW ACT"): the next word is in capitals too
    and is no person noun, so the capitals after the role are a word, not an index."""
    if not m["role"].isupper():
        return False
    nxt = re.match(r"\s+([A-Z]{2,})\b", text[m.end() :])
    return nxt is not None and singular(nxt[1]) not in person_nouns() and len(m["list"].split()[-1]) > 1


def _initials(role: str, index: str) -> bool:
    """Is the index the role's own initials with a number ("young persons YQ4": "YQ4" is the whole code)?"""
    letters = re.match(r"[A-Z]+", index)
    return letters is not None and len(letters[0]) > 1 and "".join(w[0] for w in role.split()).upper() == letters[0]


def _code_text(role: str, index: str) -> str:
    """The code as a person is named: the singular role word as written (capitalised) and the index; the index
    alone when it is the role's initials ("YQ4")."""
    if _initials(singular(role), index):
        return index
    one = singular(role)
    if one == re.sub(r"\s+", " ", role).lower() and not role.isupper():  # in the singular: keep its case
        word = re.sub(r"\s+", " ", role)
        return f"{word[:1].upper()}{word[1:]} {index}"
    return f"{one.title()} {index}"  # "CHILD B", "Children A and B": "Child B"


def _prose_line(text: str, offset: int) -> bool:
    """Is the use on a line of running text (a sentence), not a cover or title line?  A line of more than twenty
    words, or one that ends a sentence, is prose; a short unpunctuated line is a title, a heading or a cover."""
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    line = text[start : end if end >= 0 else len(text)].strip()
    if re.match(r"[A-Z][\w ]{0,20}:\s", line):
        return False  # "Title: …", "Subject: …": a labelled cover field
    return len(line.split()) > 20 or bool(re.search(r"[.!?;:,]$", line))


def _list_items(m: re.Match) -> list[re.Match]:
    """The indexes of one use, while they keep the first one's shape: "Grandson Z, 15, was" is Grandson Z aged 15,
    not two people."""
    items: list[re.Match] = []
    for im in re.finditer(_INDEX, m["list"]):
        if items and im[0].isdigit() != items[0][0].isdigit():
            break
        items.append(im)
    return items


def _per_line(text: str, test):
    """`test(text, offset)` of a line-level property, computed once per line: a page run into one long line
    has hundreds of uses on it, and each test reads the whole line."""
    newlines = [i for i, ch in enumerate(text) if ch == "\n"]
    cache: dict[int, bool] = {}

    def at(offset: int) -> bool:
        line = bisect.bisect_left(newlines, offset)
        if line not in cache:
            cache[line] = bool(test(text, offset))
        return cache[line]

    return at


def _bare_elsewhere(text: str, role: str, index: str) -> list[tuple[str, int, int]]:
    """Are the capitals after a lower-case role word the person's code on their own ("his mother SR … SR has …")?
    One sense per document: the same capitals stand alone, as a name, elsewhere in the text, so the role word was
    the apposition, not the code's first part.  Initials of two letters or more only (a single letter after a role
    is the "brother J" shape), not the role's own initials nor an agency's."""
    if not role[:1].islower() or not re.fullmatch(r"[A-Z]{2,3}[0-9]{0,2}", index) or _initials(singular(role), index):
        return []
    if index in key._agency_abbreviations():
        return []
    after_role = re.compile(rf"(?:{_noun_alternation()})\s+$", re.IGNORECASE)
    return [
        (index, u.start(), u.start())
        for u in re.finditer(rf"(?<![\w’'-]){index}(?![\w’'&-])", text)
        if not after_role.search(text, max(0, u.start() - 40), u.start())
    ]


def find_role_codes(text: str, known: set[str] | None = None, min_uses: int = 2) -> list[key.InlineDeclaration]:
    """Role codes used as people, singular or in a plural list, used `min_uses` times or one of a series.  A code
    used only on cover or title lines comes back with `source="cover_subject"`: it names the review."""
    known_folded = {k.casefold() for k in known or set()}
    uses: dict[tuple[str, str], list[tuple[str, int, int]]] = {}  # (role, index) -> (code text, code start, use start)
    listing_title = _per_line(text, key._listing_title)
    prose_line = _per_line(text, _prose_line)
    for m in _role_code_re().finditer(text):
        if (
            listing_title(m.start()) or _caps_phrase(text, m) or re.match(r"\.\d", text[m.end() : m.end() + 2])
        ):  # "… Household 3.2": a heading number
            continue
        role = m["role"]
        for im in _list_items(m):
            index = im[0]
            if _stop_code(index) or (role[:1].islower() and (index == "I" or index.isdigit())):
                continue  # "the child I saw", "the family 4. Analysis": a number is a code after a capital only
            at = m.start("list") + im.start()
            start = m.start() if at == m.start("list") else at
            bare = _bare_elsewhere(text, role, index)
            if bare:
                seen = uses.setdefault((singular(role), index), [])
                seen += [u for u in [(index, at, m.start()), *bare] if u[1] not in {s[1] for s in seen}]
                continue
            uses.setdefault((singular(role), index), []).append((_code_text(role, index), start, m.start()))
    for role, index in [k for k in uses if re.search(r"[A-Z]\d$", k[1])]:
        if (role, index[:-1]) in uses and len(uses[(role, index)]) == 1:
            del uses[(role, index)]  # "Nephew RT1" once beside "Nephew RT": a footnote mark run onto the code
    series: dict[str, int] = {}
    for role, _ in uses:
        series[role] = series.get(role, 0) + 1
    out = []
    for (role, _index), found in uses.items():
        if len(found) < min_uses and series[role] < 2:
            continue
        code = next((c for c, _, _ in found if c[:1].isupper() and c.split()[0] != c.split()[0].lower()), found[0][0])
        if code.casefold() in known_folded:
            continue
        first = found[0]
        written = code.rsplit(" ", 1)[0] if " " in code else role  # "his mother SR": the code alone, the role beside
        kind, subject = key.classify(role) or ("family", False)
        source = "declared" if any(prose_line(at) for _, at, _ in found) else "cover_subject"
        out.append(
            key.InlineDeclaration(
                code, first[1], written, kind, subject, False, first[2], first[1] + len(code), source=source
            )
        )
    return sorted(out, key=lambda e: e.start)


def find_apposed_codes(text: str, known: set[str] | None = None) -> list[key.InlineDeclaration]:
    """A capitalised word outside the person inventories with an index ("Tenant Q"), used at least twice, that
    the text itself shows to be a person at one use at least: "who" after it, or a person noun phrase in
    apposition (", a lodger,", ", the child's uncle,").  The evidence is the document's, not a word list."""
    known_folded = {k.casefold() for k in known or set()}
    nouns = _noun_alternation()
    person_after = re.compile(
        rf"\s*,?\s+who\b|\s*,\s*(?:a|an|the|her|his|their|its|[A-Z]\w*[’']s)\s+(?:[\w’'-]+\s+){{0,3}}?(?:{nouns})\b",
        re.IGNORECASE,
    )
    shape = re.compile(rf"(?<![\w’'-])(?P<code>(?P<role>[A-Z][a-z]{{2,}})\s(?P<index>{_INDEX}))")
    uses: dict[str, list[re.Match]] = {}
    for m in shape.finditer(text):
        if m["role"].lower() in _inventory() or _stop_code(m["index"]) or key._listing_title(text, m.start()):
            continue
        uses.setdefault(m["code"], []).append(m)
    out = []
    for code, found in uses.items():
        if len(found) < 2 or code.casefold() in known_folded or key._section_label(code):
            continue
        if not any(person_after.match(text, m.end()) for m in found):
            continue
        first = found[0]
        out.append(
            key.InlineDeclaration(
                code, first.start(), first["role"], "family", False, False, first.start(), first.end()
            )
        )
    return out


def find_apposed_initials(text: str, known: set[str] | None = None) -> list[key.InlineDeclaration]:
    """Capitals set off by commas after a person noun ("her uncle, TR, had …", "a lodger, P.") that the text uses
    again: the review's code for that person.  Used once only, or a listed agency, or the initials of the words
    before it ("the Health Visitor, HV,"), or an initial before a surname ("her partner, A. Hale"), it is no code."""
    known_folded = {k.casefold() for k in known or set()}
    shape = re.compile(
        rf"(?<![\w’'-])(?:(?:his|her|their|the|a|an|its|(?-i:[A-Z][a-z]+)[’']s)\s+)(?:[a-z-]+[’']s\s+)?"
        rf"(?:[a-z-]+\s+){{0,2}}?"
        rf"(?P<role>{_noun_alternation()})"
        r"\s*,\s*(?P<code>(?-i:[A-Z]{1,3}[0-9]{0,2}))(?:\s*[,;)]|\.(?=\s+[A-Z]|\s*$))",
        re.IGNORECASE,
    )
    out = []
    for m in shape.finditer(text):
        code = m["code"]
        if code.casefold() in known_folded or _stop_code(code) or code in key._agency_abbreviations() or code == "I":
            continue
        if m[0].endswith(".") and _name_follows(text, m.end("code")):
            continue  # "her partner, A. Hale": initials and a surname
        if key._initials_of(code, text[max(0, m.start("code") - 80) : m.start("code")]):
            continue
        if len(re.findall(rf"(?<![\w’'-]){code}(?![\w’'-])", text)) < 2:
            continue
        kind, subject = key.classify(m["role"]) or ("family", False)
        desc = re.sub(r"\s+", " ", m[0][: m.end("role") - m.start()])
        known_folded.add(code.casefold())
        out.append(key.InlineDeclaration(code, m.start("code"), desc, kind, subject, False, m.start(), m.end("code")))
    return out


# ---------------------------------------------------------------- naming cues
@lru_cache(maxsize=1)
def _cue_re() -> re.Pattern:
    """A naming verb phrase: `naming` (the text's own usage, or an agent that is the text or its writers and an
    active verb) or `called` (a passive "is called", after which a plain name may be the real one)."""
    data = _data()
    fill = data["fill"]

    def alternation(name: str) -> str:
        return "|".join(fill_template(p, {"FILL": fill}, "models/structure/naming.yaml") for p in data[name])

    active = "|".join(data["cues_active"])
    agents = "|".join(data["agents"])
    reduced = "|".join(data["cues_reduced"])
    return re.compile(
        rf"(?<![\w’'-])(?:(?P<naming>{alternation('cues_naming')})|(?P<called>{alternation('cues_called')})"
        rf"|(?P<agent>{agents})\s+(?:(?:also|now|then)\s+)?(?:{active})"
        rf"|(?:(?<=,)|(?<=\())\s*(?P<reduced>{reduced}))(?![\w’'-])",
        re.IGNORECASE,
    )


@lru_cache(maxsize=1)
def _fill_re() -> re.Pattern:
    """An "in this report"-type phrase (naming.yaml `fill`), where it stands just after a name."""
    return re.compile(rf"\s*,?\s*(?:{_data()['fill']})(?![\w’'-])", re.IGNORECASE)


def _reduced_names(text: str, cue: re.Match, tail: re.Match | None) -> bool:
    """May a plain name after a reduced naming clause ("the aunt, called Nell in this summary,") be the review's
    pseudonym?  Only when the clause says it speaks of the text's own usage, an "in this report"-type phrase
    (`fill`) before or just after the name: "her friend, called Nell," alone is as often the real name."""
    if tail is None:
        return False
    before = text[cue.end() : tail.start("item")]
    return bool(_fill_re().search(before)) or bool(_fill_re().match(text, tail.end()))


@lru_cache(maxsize=1)
def _item() -> str:
    """One code or name after a naming verb: a title and a name or letter ("Ms Fenwick-A"), a capitalised role and
    an index ("Young Person R"), capitals and digits ("YQ4"), or a name of one or two capitalised words."""
    nouns = _noun_alternation()
    return (
        r"(?:(?:the\s+)?(?-i:[A-Z][a-z]+)\s+(?:family|household)"  # "the Treloar household": the surname is the code
        r"|(?-i:(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?\s+[A-Z][A-Za-z-]*[A-Za-z])"
        rf"|(?=[A-Z])(?:{nouns})\s+{_INDEX}"
        r"|(?-i:[A-Z][a-z]+\s+(?:[A-Z]{1,3}[0-9]{0,2}|[0-9]{1,2})(?![\w’'&-]))"
        r"|(?-i:[A-Z]{1,4}[0-9]{0,2}(?![\w’'&-]))"
        r"|(?-i:[A-Z][a-z]+(?:-[A-Z][a-z]+)?(?:\s+[A-Z][a-z]+(?:-[A-Z][a-z]+)?)?)"
        rf"|(?:{_number_words()}))"
        r"(?![\w’'&-])"
    )


@lru_cache(maxsize=1)
def _number_words() -> str:
    """The cardinal number words an index may be spelt in ("sibling one"): only after a role phrase (`_items`)."""
    return "|".join(_data()["index_words"])


@lru_cache(maxsize=1)
def _tail_re() -> re.Pattern:
    """What follows a naming verb: filler, an optional role phrase, quoted or bare items joined by "and"/commas."""
    fill = _data()["fill"]
    q_open, q_close = r"[‘'\"“]?", r"[’'\"”]?"
    item = rf"{q_open}(?P<item>{_item()}){q_close}"
    more = rf"(?P<more>(?:{_SEP}{q_open}{_item()}{q_close})*)"
    return re.compile(
        rf"\s*,?\s*(?:(?:{fill})\s*,?\s*)*(?:(?P<rp>(?:the\s+)?(?:{_noun_alternation()}))\s+"
        rf"(?=[‘'\"“]?[A-Z0-9]|(?:{_number_words()})(?![\w’'-])))?{item}{more}",
        re.IGNORECASE,
    )


@lru_cache(maxsize=1)
def _gapped_re() -> re.Pattern:
    """ "… as Parent 1 and her partner as Parent 2": a second role named by the same verb, left out."""
    return re.compile(
        rf"\s*[,;]?\s*and\s+(?:(?:the|her|his|their|its)\s+)?(?:[a-z-]+\s+){{0,2}}?(?P<role>{_noun_alternation()})\s+as\b",
        re.IGNORECASE,
    )


def _person_before(text: str, end: int) -> tuple[int, int, int] | None:
    """The person noun the naming verb at `end` names, as (clause start, noun start, noun end): the last person
    noun of the clause before it, with only closed-class words, numbers and commas or brackets between (at most
    `max_between` words)."""
    start = max(0, end - 240)
    clause = text[start:end]
    cut = max(clause.rfind(". "), clause.rfind("\n\n"), clause.rfind(";"), clause.rfind(":"))
    clause_start = start + cut + 1 if cut >= 0 else start
    last = None
    for m in re.finditer(rf"(?<![\w’'-])(?:{_noun_alternation()})(?![\w’'-])", text[clause_start:end], re.IGNORECASE):
        last = m
    if last is None:
        return None
    between = text[clause_start + last.end() : end]
    between = re.sub(
        r"^\s+(?-i:[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)(?=\s*,)", "", between
    )  # "the lodger Emrys, more commonly known as"
    words = re.findall(r"[A-Za-z’']+|\d+", between)
    if len(words) > int(_data()["max_between"]) or re.search(r"[^\w\s,()’'-]", between):
        return None
    allowed = set(_data()["between_words"])
    if any(not w.isdigit() and w.lower() not in allowed for w in words):
        return None
    return clause_start, clause_start + last.start(), clause_start + last.end()


def _description(text: str, clause_start: int, role_start: int, role_end: int) -> str:
    """The person noun phrase: the noun with up to five words before it back to a determiner."""
    before = text[max(clause_start, role_start - 60) : role_start]
    words = before.split()[-5:]
    for i in range(len(words) - 1, -1, -1):
        if words[i].lower() in {"a", "an", "the", "her", "his", "their", "its", "two", "three", "four"}:
            words = words[i:]
            break
    else:
        words = words[-2:] if words and words[-1].islower() else []
    return " ".join([*(w.strip(",()") for w in words), text[role_start:role_end]]).strip()


def _bad_item(item: str) -> bool:
    first = item.split()[0]
    return (
        first in _NOT_NAMES
        or item in title_words(personal=True)
        or first in key._roles()["not_pseudonyms"]
        or (" " not in item and item.lower() in key._places())
        or key._section_label(item)
        or singular(item) in person_nouns()  # a bare role label ("known as Mother") is the older shapes' to judge
    )


def _items(tail: re.Match, text: str, names: bool = True) -> list[tuple[str, int]]:
    """The codes of one tail, each with its offset; a bare index after a role phrase takes the role
    ("young persons P and R" -> "Young Person P").  Without `names`, codes only (no plain name).  An item glued
    to a possessive or to a full stop and a capital ("G. Vale", "Mrs D's") is part of something else."""
    out = []
    rp = tail["rp"]
    span_start = tail.start("item")
    chunk = text[span_start : tail.end()]
    for im in re.finditer(_item(), chunk, re.IGNORECASE):
        item = re.sub(r"\s+", " ", im[0])
        after = text[span_start + im.end() : span_start + im.end() + 40]
        if re.match(r"[’']s\b", after) or len(item) == 1 and re.match(r"\.\s?[A-Z]", after):
            continue
        if re.match(_HOME_NAME, after, re.IGNORECASE):
            continue  # "was called Mei at home": the name the family uses, not the review's
        household = re.fullmatch(r"(?i:the\s+)?([A-Z][a-z]+)\s+(?i:family|household)", item)
        if household:
            item = household[1]
        role = re.sub(r"^the\s+", "", rp or "", flags=re.IGNORECASE)
        if role and im.start() == 0 and re.fullmatch(_number_words(), item, re.IGNORECASE):
            out.append((f"{role} {item}", tail.start("rp")))  # "identified as sibling one": the code as written
            continue
        if not item[:1].isupper() and not item[:1].isdigit():
            continue
        if role and re.fullmatch(r"[A-Z]{1,2}|\d{1,2}", item) and not _initials(singular(role), item):
            item = f"{singular(role).title()} {item}"
        elif role[:1].isupper() and im.start() == 0:
            item = f"{role} {item}"  # a capitalised family word before a name is part of it ("Nan Isla")
        if not _bad_item(item) and (names or _code_shaped(item)):
            out.append((item, span_start + im.start()))
    return out


_CODE_INDEX = re.compile(r"(?-i:(?:^|\s)(?:[A-Z]{1,4}[0-9]{0,2}|[0-9]{1,2}|[A-Z][0-9]{1,2})$)")


def _code_shaped(item: str) -> bool:
    """Is the item a code by its shape, never a real name: it ends in an index (capitals and digits, a number, a
    single letter: "YQ4", "Adult 5", "Ms Q", "Lodger T2").  Where a plain name may not be the review's pseudonym
    (`names` off), "Jade Wren" or "Mr Pike" after "was called" is as often the real person, and a key entry would
    keep verify from reporting it."""
    return bool(_CODE_INDEX.search(item))


def find_named(text: str) -> list[key.InlineDeclaration]:
    """People given a code or a name by a naming verb after a person noun phrase."""
    found: dict[str, key.InlineDeclaration] = {}
    spans = key._after_pseudonym_statements(text)
    for cue in _cue_re().finditer(text):
        tail = _tail_re().match(text, cue.end())  # what the verb names, read once for the checks and the loop
        names = not (cue["called"] or cue["reduced"]) or any(a <= cue.start() < b for a, b in spans)
        if cue["reduced"] and not names:
            names = _reduced_names(text, cue, tail)
        if _ONLY.match(text, cue.end()):
            names = False  # "known only as …": a nickname of the real person
        person = _person_before(text, cue.start())
        if person is None:
            # no person noun before the verb: one right after it ("… referred to as young persons YQ4 and YQ5")
            if tail is None or not tail["rp"]:
                continue
            person = (tail.start("rp"), tail.start("rp"), tail.end("rp"))
        clause_start, role_start, role_end = person
        desc = _description(text, clause_start, role_start, role_end)
        while tail is not None:
            kind, subject = key.classify(desc) or ("family", False)
            for code, at in _items(tail, text, names):
                if code.casefold() not in {c.casefold() for c in found}:
                    found[code] = key.InlineDeclaration(
                        code, at, desc, kind, subject, key.is_pseudonym(code), min(role_start, at), tail.end()
                    )
            gap = _gapped_re().match(text, tail.end())
            if gap is None:
                break
            desc = gap["role"]
            tail = _tail_re().match(text, gap.end())
    return sorted(found.values(), key=lambda e: e.start)


_ONLY = re.compile(r"\s+only\b", re.IGNORECASE)


def _marked_phrase(text: str, at: int) -> str:
    """The noun phrase a footnote marker at `at` is attached to: the words back to the clause's start, from the first
    determiner among the last six, so a phrase keeps its modifier ("went to a nursery in the village³" -> "a
    nursery in the village")."""
    before = text[max(0, at - 120) : at]
    before = re.split(r"[.;:,()\n]", before)[-1]
    words = before.split()[-6:]
    for i, word in enumerate(words):
        if word.lower() in {"a", "an", "the", "her", "his", "their", "its"}:
            return " ".join(words[i:])
    return " ".join(words[-3:])


def find_footnote_codes(text: str, notes: list) -> list[key.InlineDeclaration]:
    """Codes a footnote gives the words its marker stands on ("… the district hospital² … ² Hereafter Hospital 2."):
    a footnote whose text opens with a naming verb phrase (`_cue_re`, a reduced one too: the note is an apposition
    to the marked words) declares the codes after it for the phrase the marker follows.  Names follow the rules of
    the cue (a plain name after "called" only beside an "in this report"-type phrase)."""
    out = []
    for note in notes:
        if note.marker_start is None:
            continue
        body = note.text.lstrip()
        probe = "," + body  # the note read as an apposition to the marked words
        cue = _cue_re().match(probe, 1)
        if cue is None:
            continue
        tail = _tail_re().match(probe, cue.end())
        if tail is None:
            continue
        names = not (cue["called"] or cue["reduced"]) or _reduced_names(probe, cue, tail)
        desc = tail["rp"] or _marked_phrase(text, note.marker_start)
        kind, subject = key.classify(desc) or ("practitioner", False)
        for code, _ in _items(tail, probe, names):
            code_at = text.find(code, note.start, note.end + 1)  # the note's span holds its marker too
            if code_at < 0:
                continue  # the note's text was re-joined: no offset to point at
            out.append(
                key.InlineDeclaration(code, code_at, desc, kind, subject, key.is_pseudonym(code), note.start, note.end)
            )
    return out


# ---------------------------------------------------------------- codes shown by their use (issue 13, keyreal9)
def _role_near(text: str, at: int) -> str | None:
    """The person noun phrase nearest before `at` in its sentence or the one before ("… left alone with her uncle.
    Mr T shouted …" -> "her uncle"): the role the text gives the person a code first stands for.  A person
    noun followed by an index is another person's code ("Child W"), not a role; collective nouns name no one."""
    window_start = max(0, at - 300)
    window = text[window_start:at]
    stops = [m.end() for m in re.finditer(r"[.!?;:](?=\s)|\n\s*\n", window)]
    start = window_start + (stops[-2] if len(stops) >= 2 else 0)
    last = None
    for m in re.finditer(rf"(?<![\w’'-])(?:{_noun_alternation()})(?![\w’'-])", text[start:at], re.IGNORECASE):
        if re.match(rf"\s+{_INDEX}", text[start + m.end() : at + 1]) or singular(m[0]) in _data()["group_nouns"]:
            continue
        last = m
    if last is None:
        return None
    return _description(text, start, start + last.start(), start + last.end())


@lru_cache(maxsize=1)
def _title_code_re() -> re.Pattern:
    """A personal title (models/lexicon/titles.yaml, `personal`) and an index of one or two capitals ("Mr T",
    "Ms AB", "Mrs K2"): a person's initials ("Mr J. Hale", "Ms J Hale") go on with a name, a code does not."""

    titles = title_pattern(title_words(personal=True))
    return re.compile(
        rf"(?<![\w’'-])(?P<code>(?P<title>{titles})\.?[ \t]+(?P<index>[A-Z]{{1,2}}[0-9]{{0,2}}))(?![\w’'&-])"
    )


def _initial_with_stop(text: str, end: int) -> bool:
    """Is the capital before `end` an initial with its full stop inside a sentence ("Dr K. wrote", "Ms K.'s
    notes", "Mr P., the tenant")?  A code has no stop; a stop before a capital may end the sentence."""
    return bool(re.match(r"\.(?:[’']s\b|\s*[,;:(]|[ \t]+[a-z])", text[end : end + 4]))


def _name_follows(text: str, end: int) -> bool:
    """Does a surname follow the index ("Mr J Hale", "Mr J. Hale")?  After a full stop, a capitalised word that is
    an English function word ("Mr T. The court …"), or one the text also writes on its own, not after an initial
    ("… by Ms V. Ada was …" where "Ada" stands alone elsewhere), starts the next sentence instead."""
    m = re.match(r"(\.?)[ \t]+([A-Z][a-z’'-]+)", text[end : end + 40])
    if m is None:
        return False
    from spacy.lang.en.stop_words import STOP_WORDS

    if m[2].lower() in STOP_WORDS:
        return False
    return not (m[1] and m[2] in _words_alone(text))


@lru_cache(maxsize=2)
def _words_alone(text: str) -> frozenset[str]:
    """The capitalised words the text writes somewhere not straight after an initial ("Ada was …", not "Ms V.
    Ada"), read once per text: `_name_follows` asks about every title and index on a page."""
    out = set()
    for m in re.finditer(r"(?<![\w’'-])[A-Z][a-z’'-]+", text):
        if re.search(r"[A-Z]\.?\s+$", text[max(0, m.start() - 4) : m.start()]):
            continue
        word = m[0]
        out.add(word)
        out.update(word[: i + 1] for i, ch in enumerate(word) if i and word[i + 1 : i + 2] in ("’", "'", "-"))
    return frozenset(out)


def _in_prose(text: str, start: int, end: int, prose_line=None) -> bool:
    """Is a use inside a sentence: on a prose line (`_prose_line`), or beside a lower-case word ("by Ms V", "Ms N
    slept"), which a cover or title line of capitalised words has not (a hard-wrapped sentence is a short line).
    `prose_line`, from `_per_line`, answers the line test once per line on a page run into one line."""
    if prose_line(start) if prose_line else _prose_line(text, start):
        return True
    before = re.search(r"([A-Za-z]+)[ \t]+$", text[max(0, start - 30) : start])
    after = re.match(r"[ \t]+([A-Za-z]+)", text[end : end + 30])
    return any(w is not None and w[1].islower() for w in (before, after))


def _titled_surname_initials(text: str) -> set[str]:
    """The first letters of the surnames the text writes in full after a title ("Mr Pugh", "Ms Lane"): there "Mr P"
    is that surname's initial, a real person shortened (a draft's habit), not the review's code for someone."""

    titles = title_pattern(title_words(personal=True))
    return {m[1] for m in re.finditer(rf"(?<![\w’'-])(?:{titles})\.?[ \t]+([A-Z])[a-z][\w’'-]*", text)}


def find_title_codes(text: str, known: set[str] | None = None) -> list[key.InlineDeclaration]:
    """A title and an index used in running prose as a person ("Mr T admitted …", "driven home by Ms V"): the
    review's code for that person, whether or not a sentence declares it.  The evidence is the use: a title
    before capitals without a name after them is no real name, and one use on a prose line (not a cover or a
    title of another review) shows the person.  Where the text writes a surname with that initial after a title
    ("Mr Pugh") the capital is that surname's initial, not a code.  Described by the nearest person noun before
    the first use; never the subject (a title is an adult's)."""
    known_folded = {k.casefold() for k in known or set()}
    listing_title = _per_line(text, key._listing_title)
    prose_line = _per_line(text, _prose_line)
    uses: dict[str, list[re.Match]] = {}
    for m in _title_code_re().finditer(text):
        if _stop_code(m["index"]) or _name_follows(text, m.end()) or _initial_with_stop(text, m.end()):
            continue
        if listing_title(m.start()):
            continue
        uses.setdefault(re.sub(r"\.?\s+", " ", m["code"]), []).append(m)
    spelled = _titled_surname_initials(text)
    out = []
    for code, found in uses.items():
        prose = [m for m in found if _in_prose(text, m.start(), m.end(), prose_line)]
        if not prose or code.casefold() in known_folded or code.split()[1][0] in spelled:
            continue
        desc = _role_near(text, prose[0].start()) or found[0]["title"]
        kind, _subject = key.classify(desc) or ("family", False)
        kind = "family" if kind == "child" else kind
        first = found[0]
        out.append(
            key.InlineDeclaration(code, first.start(), desc, kind, False, False, first.start(), first.end("code"))
        )
    return sorted(out, key=lambda e: e.start)


@lru_cache(maxsize=1)
def _quoted_name_re() -> re.Pattern:
    return re.compile(r"(?<![\w’'])[‘'\"“](?P<name>[A-Z][a-z]+(?:-[A-Z][a-z]+)?)[’'\"”](?![\w’'])")


@lru_cache(maxsize=1)
def _person_verb_forms() -> frozenset[str]:
    """The inflected forms of the verbs whose subject is a person (models/names/person_verbs.yaml `subject`):
    the regular forms of the themes' cue matcher (`inflections`) and the lemmatizer's irregular forms
    ("said", "fled", "denied"), less naming.yaml `not_person_verb_forms`."""
    from ..themes.lemmas import lemma_exception_forms
    from ..themes.patterns import inflections

    lemmas = load_yaml("names", "person_verbs.yaml")["subject"]
    irregular = {lemma: list(forms) for lemma, forms in lemma_exception_forms(("verb",)).items()}
    forms = {form for lemma in lemmas for form in inflections(lemma, irregular)}
    return frozenset(forms - set(_data()["not_person_verb_forms"]))


def _used_as_person(text: str, name: str, skip: tuple[int, int]) -> tuple[int, int]:
    """How many times the text uses `name` unquoted, and how many of those as a person: a possessive ("Wren's
    aunt"), a relative "who", or the subject of a verb whose subject is a person ("Ash visited", "Ash then
    moved")."""
    verbs = _person_verb_forms()
    count = uses = 0
    for start, end in _word_index(text).get(name, ()):
        if skip[0] <= start < skip[1] or text[start - 1 : start] in ("’", "'", "‘", '"', "“"):
            continue
        after = text[end : end + 40]
        if after[:1] in ("”", '"') or re.match(r"[’'](?!s\b)", after):
            continue
        uses += 1
        if re.match(r"[’']s\b|\s*,?\s+who\b", after):
            count += 1
            continue
        verb = re.match(r"\s+(?:(?:had|has|then|later|also|often|never|always|still)\s+)?([a-z]+)\b", after)
        if verb and verb[1] in verbs:
            count += 1
    return uses, count


@lru_cache(maxsize=2)
def _word_index(text: str) -> dict[str, list[tuple[int, int]]]:
    """Every whole word of the text (letters, hyphenated parts) with its places, read once: the quoted-name
    reader asks about each quote's word, and a page run into one line has hundreds of quotes."""
    index: dict[str, list[tuple[int, int]]] = {}
    for m in re.finditer(r"(?<![\w-])[^\W\d_]+(?:-[^\W\d_]+)*(?![\w-])", text):
        index.setdefault(m[0], []).append((m.start(), m.end()))
    return index


def _written_in_lower_case(text: str, name: str) -> bool:
    """Does the text write the word in lower case anywhere ("to prevent" beside "'Prevent'")?"""
    return any(
        text[start - 1 : start] not in ("’", "'") and text[end : end + 1] not in ("’", "'")
        for start, end in _word_index(text).get(name.lower(), ())
    )


@lru_cache(maxsize=1)
def _agent_re() -> re.Pattern:
    """The text or its writers (naming.yaml `agents`: "we", "this report", "the review", "the author")."""
    return re.compile(rf"(?<![\w’'-])(?:{'|'.join(_data()['agents'])})(?![\w’'-])", re.IGNORECASE)


def _text_names_it(text: str, start: int, end: int, spans: tuple[tuple[int, int], ...]) -> bool:
    """Does the review itself give the quoted word as a name?  Its sentence has a naming verb phrase of the text's
    own usage before it (`_cue_re`: "known by the name", "we call"), or names the text or its writers (`agents`)
    with a word of naming ("name", "pseudonym", "call", "known", "refer"), or the quote stands where the review
    says its names are not the real ones.  A name quoted from a record or from the family ("recorded as 'Ned'",
    "her friends call her 'Dot'") is the real one: a draft is full of them."""
    if any(a <= start < b for a, b in spans):
        return True
    bounds = [mb.end() for mb in re.finditer(r"[.!?](?=\s)|\n\s*\n", text[max(0, start - 400) : start])]
    sent_start = max(0, start - 400) + (bounds[-1] if bounds else 0)
    stop = re.search(r"[.!?](?=\s)|\n\s*\n", text[end : end + 200])
    sentence = text[sent_start : end + (stop.start() if stop else 200)]
    cue = _cue_re().search(text[sent_start:start])
    if cue is not None and (cue["naming"] or cue["agent"]):
        return True
    words = r"(?<![\w’'-])(?:names?|named|pseudonyms?|call(?:s|ed)?|known|refer(?:s|red)?)(?![\w’'-])"
    return bool(_agent_re().search(sentence)) and bool(re.search(words, sentence, re.IGNORECASE))


def find_quoted_names(text: str, known: set[str] | None = None) -> list[key.InlineDeclaration]:
    """A name set in quotes once where the review says it gives it (`_text_names_it`: "we call her ‘Tirzah’", "the
    report uses the name 'Ash'") and then used unquoted (`_used_as_person`: twice at least, once as a person): the
    review's pseudonym, whatever verb or phrase gave it.  A word the text also writes in lower case is an ordinary
    word in quotes ("'Prevent'" beside "to prevent"), not a name; so are places, function words and role words."""
    known_folded = {k.casefold() for k in known or set()}
    from spacy.lang.en.stop_words import STOP_WORDS

    spans = key._after_pseudonym_statements(text)
    out = []
    for m in _quoted_name_re().finditer(text):
        name = m["name"]
        if name.casefold() in known_folded or _bad_item(name) or not key.is_pseudonym(name):
            continue
        if name.lower() in STOP_WORDS or _written_in_lower_case(text, name):
            continue
        if not _text_names_it(text, m.start(), m.end(), spans):
            continue
        uses, as_person = _used_as_person(text, name, (m.start(), m.end()))
        if uses < 2 or not as_person:
            continue
        desc = _role_near(text, m.start()) or "named in place of the real name"
        kind, subject = key.classify(desc) or ("family", False)
        known_folded.add(name.casefold())
        out.append(key.InlineDeclaration(name, m.start("name"), desc, kind, subject, True, m.start(), m.end()))
    return out


@lru_cache(maxsize=1)
def _setting_re() -> re.Pattern:
    """A setting noun (`_setting_nouns`) and a capital index ("Clinic Q", "ACADEMY N", "the borough T")."""
    alternation = "|".join(sorted((re.escape(h) for h in _setting_nouns()), key=lambda w: (-len(w), w)))
    return re.compile(
        rf"(?<![\w’'-])(?P<head>{alternation})[ \t]+(?P<index>(?-i:[A-Z]{{1,2}}))(?![\w’'&-])"
        r"(?![ \t]+(?:and|&)[ \t]+(?-i:[A-Z])\b)",  # "Hospital A and E": accident and emergency, no code
        re.IGNORECASE,
    )


@lru_cache(maxsize=1)
def _setting_nouns() -> tuple[str, ...]:
    """The setting nouns: models/agencies.yaml `org_heads` without naming.yaml `setting_not_heads`, with
    `setting_extra_nouns` (see the data's comment for their sources)."""
    heads = {str(h).lower() for h in load_yaml("agencies.yaml")["org_heads"]}
    heads -= {str(h).lower() for h in _data()["setting_not_heads"]}
    return tuple(sorted(heads | {str(h).lower() for h in _data()["setting_extra_nouns"]}))


def find_setting_codes(text: str, known: set[str] | None = None) -> list[key.InlineDeclaration]:
    """A setting the review anonymises with a letter, as it does its people ("Surgery R", "Academy Y"): a setting
    noun and one or two capitals, used twice and once inside a sentence (`_in_prose`).  A heading in capitals whose
    next word is in capitals too ("SCHOOL A LEVEL") is a phrase, not a code; a function word in capitals is no
    index.  The entry's kind is "practitioner": the setting is on the agencies' side of the review."""
    known_folded = {k.casefold() for k in known or set()}
    listing_title = _per_line(text, key._listing_title)
    prose_line = _per_line(text, _prose_line)
    uses: dict[tuple[str, str], list[re.Match]] = {}
    for m in _setting_re().finditer(text):
        index = m["index"]
        if index == "I" or _stop_code(index) or index in key._agency_abbreviations():
            continue
        if _name_follows(text, m.end()) or _initial_with_stop(text, m.end()):
            continue  # "St Anne's Hospital J. Rowe": an initial and a name
        if m["head"].isupper() and re.match(r"[ \t]+[A-Z]{2,}\b", text[m.end() : m.end() + 20]):
            continue
        uses.setdefault((m["head"].lower(), index), []).append(m)
    out = []
    for (head, index), found in uses.items():
        if len(found) < 2 or not any(
            _in_prose(text, m.start(), m.end(), prose_line) and not listing_title(m.start()) for m in found
        ):
            continue
        code = f"{head[:1].upper()}{head[1:]} {index}"
        if code.casefold() in known_folded:
            continue
        first = found[0]
        out.append(
            key.InlineDeclaration(
                code, first.start(), f"anonymised {head}", "practitioner", False, False, first.start(), first.end()
            )
        )
    return sorted(out, key=lambda e: e.start)
