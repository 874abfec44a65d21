"""Keyed people named with a family honorific, by a teknonym, or by the honorific alone.

Families in UK reviews name relatives the way their language does, and the key
lists none of it:

- an honorific before the name ("Vovó Cida", "Kaka Wali", "Babusia Halya"):
  the name is the keyed person's and the honorific stays, as a title does; a
  Vietnamese kin term, often in lower case and a given name itself ("anh Long",
  "anh L.", but "Anh Nguyen" is a woman named Anh), goes into the code with a
  keyed given name, even one the matcher would read as English ("Long");
- an honorific after the name ("Sami jan", "Wali ji"): the name is the keyed
  person's and the honorific goes into the code with it;
- a teknonym, "father/mother of <child>" ("Abu Yusuf", "Mai TJ"): the child's
  parent as the key's roles say ("Father of Child Y", "Child P's mother",
  "Mother of both children"), never the child; with no keyed parent, an Arabic
  abu/umm teknonym is left to the unlisted-person pass;
- a keyed one-word name split in two ("Sami Ullah" of Samiullah), as records
  often write compound given names, and two keyed given names joined in one
  ("Dilmaya" of Dil Maya);
- a child keyed as a parent's namesake ("Tendai Moyo Junior"): the shared
  first name alone is the parent, "little Tendai" the child;
- the honorific alone as the relative's name ("children at Baba's", "Kaka took
  him"): the person the draft itself calls "<honorific> <keyed name>", else the
  one keyed person whose role is what the word means ("Gogo": grandmother), in
  the language the draft says the family speaks when the word means something
  else in another ("Kaka": a Dari uncle, a Hausa grandparent), and a child's
  calling name ("Nani", a Nepali little girl) the one keyed child it fits;
- a pet form made by a suffix ("Emīlītis" of Emīls, "Ruizinho" of Rui), in a
  language the draft names, when exactly one keyed given name makes it.

The words, their meanings and sources are data: models/lexicon/kinship.yaml
(`before_name`) and models/lexicon/honorifics.yaml.

A family word of a language no list has ("Tonton Fritz", "Ba Mwansa") is inferred from the draft itself
(`inferred_prefixes`): the draft explains it ('"tonton" means uncle'), or it stands before two or more
different people's names and is no English word and no name.  Such a word goes into the name's
placeholder (no list says it is a title); settings in models/names/inferred_prefixes.yaml.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from ...lexicon import honorifics, kin_words, reporting_forms_pattern, title_genders, title_pattern, title_words
from ...resources import load_yaml
from ...spans import overlaps_any
from . import role_cues
from .derived import KeyedWord, _common_words, classify
from .folding import fold
from .generations import choose as choose_generation
from .generations import generation_word
from .glosses import draft_glosses, split_side

_NAME = r"[^\W\d_][\w'’-]*"
_RELATIONS = {"mother": "mother", "mum": "mother", "mom": "mother", "father": "father", "dad": "father"}
_ROLE_OF = re.compile(r"^\s*(?P<rel>mother|mum|mom|father|dad|parent)\s+(?:of|to)\s+(?P<child>[^,;(]+)", re.I)
_ROLE_POSS = re.compile(r"^\s*(?P<child>[^,;(]+?)['’]s\s+(?P<rel>mother|mum|mom|father|dad|parent)\b", re.I)
_ROLE_BARE = re.compile(r"^\s*(?:birth\s+)?(?P<rel>mother|mum|mom|father|dad)\s*(?:$|[,;(])", re.I)
_ADULT_SIBLING = re.compile(r"\b(?:mother|father|mum|dad|parent|grandmother|grandfather)['’]s\b")
_ALL_CHILDREN = re.compile(r"^(?:both|all|all the|the)\s+(?:children|child|siblings|boys|girls)$|^both$", re.I)


# ---------------------------------------------------------------- data
@lru_cache(maxsize=1)
def prefix_words() -> frozenset[str]:
    """Family words written before a name (kinship.yaml `before_name`, not "baby"/"little"/"big")."""
    return frozenset(k.word for k in kin_words() if k.before_name)


def _alternation(words) -> str:
    return "|".join(sorted(map(re.escape, words), key=len, reverse=True))


@lru_cache(maxsize=1)
def _prefix_re() -> re.Pattern[str]:
    """An honorific (any case) and the word after it (a name, or an initial with its stop)."""
    return re.compile(rf"(?<![\w'’-])(?P<hon>(?i:{_alternation(prefix_words())}))[ \t]+(?P<name>{_NAME})")


@lru_cache(maxsize=1)
def _teknonym_re() -> re.Pattern[str]:
    joiners = honorifics()["teknonym_joiners"]
    joined = rf"(?:(?:{_alternation(joiners)})(?=[A-Z]))?" if joiners else ""
    return re.compile(
        rf"(?<![\w'’-])(?P<hon>(?i:{_alternation(honorifics()['teknonym'])}))[ \t]+{joined}(?P<name>[A-Z][\w'’-]*)"
    )


@lru_cache(maxsize=1)
def _suffix_re() -> re.Pattern[str]:
    """A name then a lower-case honorific ("Sami jan"), a capitalised one where the table says so ("Esi Kakra"),
    or a hyphened one ("Kenji-san", "Wali-Ji")."""
    table = honorifics()["suffix"]
    words = _alternation(table)
    # "Yangzom-la", never "Yangzom la": a `hyphen_only` honorific spaced after a name is another word
    spaced = _alternation(
        [w for w, f in table.items() if not f.get("hyphen_only")]
        + [w.capitalize() for w, f in table.items() if f.get("capitalised")]
    )
    kin = _alternation((prefix_words() | frozenset(honorifics()["alone"])) - frozenset(table))
    return re.compile(
        rf"(?<![\w'’-])(?P<name>[^\W\d_][\w]*)"
        rf"(?:[ \t]+(?P<suf>{spaced})|-(?P<hsuf>(?i:{words})|{kin}))(?![\w'’-])"
    )


@lru_cache(maxsize=1)
def hyphened_kin_re() -> re.Pattern[str]:
    """A hyphen and a lower-case honorific or family word right after a name ("-mama", "-didi", "-uncle")."""
    words = _alternation(frozenset(honorifics()["suffix"]) | prefix_words() | frozenset(honorifics()["alone"]))
    return re.compile(rf"-(?:{words})(?![\w'’-])")


def hyphened_kin_end(text: str, end: int) -> int:
    """Where a name ending at `end` ends with the family word hyphened to it ("Darshan-mama", "Ewa-auntie"),
    or with an ending the draft declares (`declared_suffixes`): the word goes with the name into its
    placeholder, as the suffix pass does for keyed names."""
    m = hyphened_kin_re().match(text, end)
    if m is None and (own := _declared_suffix_re(text)) is not None:
        m = own.match(text, end)
    return m.end() if m else end


# a quoted ending that opens with a hyphen ('the "-la" is a mark of respect', 'adds "-ah" when she calls a child')
_DECLARED_SUFFIX = re.compile(r"[\"“‘']-(?P<suf>[a-z]{1,5})[\"”’']")


@lru_cache(maxsize=4)
def declared_suffixes(text: str) -> frozenset[str]:
    """The endings the draft itself talks about as endings: a family's honorific or vocative joined to a name
    ("Yangzom-la", "Ha-eun-ah") is then part of the mention, whatever language it is and whatever the lists
    hold: the draft's own words are the evidence that "-ah" is no part of a name here."""
    return frozenset(m.group("suf") for m in _DECLARED_SUFFIX.finditer(text))


def hyphened_kin_pattern(text: str) -> str:
    """`hyphened_kin_re` with the endings this draft declares: "Kelsang-la" of an unlisted "Mrs Kelsang"."""
    own = _declared_suffix_re(text)
    return hyphened_kin_re().pattern + (f"|{own.pattern}" if own is not None else "")


@lru_cache(maxsize=4)
def _declared_suffix_re(text: str) -> re.Pattern[str] | None:
    own = declared_suffixes(text)
    return re.compile(rf"-(?:{_alternation(own)})(?![\w'’-])") if own else None


@lru_cache(maxsize=1)
def _alone_re() -> re.Pattern[str]:
    """A capitalised honorific of the `alone` table, or a lower-case one the table marks `lower`."""
    table = honorifics()["alone"]
    words = [v.capitalize() for w in table for v in _long_vowel_spellings(w)]
    words += [v for w, f in table.items() if f.get("lower") for v in _long_vowel_spellings(w)]
    # an apostrophe after a letter joins a word ("O'Nana"); after a space it opens a quote ("'Anneanne, look'")
    return re.compile(rf"(?<![\w’-])(?<!\w')(?P<hon>{_alternation(words)}){_kin_suffix_pattern()}(?![\w-])")


def _kin_suffix_pattern() -> str:
    """An optional honorific suffix joined to a family word ("Onii-chan", "Oniichan", "Halmeoni-nim", "Oppa-ya"):
    the word with it names the relative the word alone names, as "Kenji-san" is Kenji (honorifics.yaml
    `kin_suffixes`)."""
    suffixes = honorifics()["kin_suffixes"]
    attached, hyphened = suffixes["attached"], suffixes["hyphened"]
    if not attached and not hyphened:
        return ""
    parts = [f"-(?i:{_alternation((*attached, *hyphened))})"]
    if attached:
        parts.append(f"(?:{_alternation(attached)})")
    return f"(?P<suf>{'|'.join(parts)})?"


_LONG_VOWELS = {"ā": "a", "ē": "e", "ī": "i", "ō": "o", "ū": "u"}


def _long_vowel_spellings(word: str) -> set[str]:
    """A family word with a long vowel as written with the macron, the vowel doubled or written once
    ("obāchan", "obaachan", "obachan"): Hepburn, wāpuro and plain spellings of one Japanese word; the same for
    the macrons of Sinhala, Hindi or Latvian romanisations that list the word."""
    out = {word}
    for long, short in _LONG_VOWELS.items():
        out |= {w.replace(long, short * 2) for w in out} | {w.replace(long, short) for w in out}
    return out


@lru_cache(maxsize=1)
def _alone_table() -> dict[str, dict]:
    """The `alone` table reached from every spelling of its words (see `_long_vowel_spellings`)."""
    table = honorifics()["alone"]
    spellings = {v: fields for w, fields in table.items() for v in _long_vowel_spellings(w)}
    return {**spellings, **table}  # a word listed as itself keeps its own entry


# ---------------------------------------------------------------- the key
def _lookup(word: str, keyed: list[KeyedWord], given_only: bool = False) -> list[tuple[str, str, str]]:
    """(code, keyed word, rule) for every keyed person `word` names: exactly, else as a derived form
    (`given_only`: as a given name, for the kin terms and teknonyms that only go before one)."""
    if given_only:
        keyed = [k for k in keyed if k.first]
    folded = fold(word.rstrip("'’s") if re.search(r"['’]s?$", word) else word).casefold()
    exact = {k.code: (k.code, k.word, "first_name" if k.first else "surname") for k in keyed if k.folded == folded}
    if exact:
        return list(exact.values())
    found: dict[str, tuple[str, str, str]] = {}
    for t in classify(word, keyed):
        found.setdefault(t[0], t)
    return list(found.values())


def _role_head(role: str) -> str:
    return re.split(r"[,;(]", role or "", maxsplit=1)[0].strip().casefold()


def parents_of(key) -> dict[tuple[str, str], list[str]]:
    """(child code, "mother"/"father") -> codes of the keyed parents, from role texts ("Father of Child Y",
    "Child B's mother", "Mother of both children", a bare "Mother": of every keyed child)."""
    children = [p for p in key.people if p.child]
    out: dict[tuple[str, str], list[str]] = {}
    for person in key.people:
        m = _ROLE_OF.match(person.role or "") or _ROLE_POSS.match(person.role or "")
        ref = m.group("child").strip().casefold() if m else "*"
        m = m or _ROLE_BARE.match(person.role or "")  # "Mother", "Father": the parent of the review's children
        if not m:
            continue
        rels = (
            [_RELATIONS[m.group("rel").casefold()]] if m.group("rel").casefold() in _RELATIONS else ["mother", "father"]
        )
        if ref == "*" or _ALL_CHILDREN.match(ref):
            named = [c.code for c in children]
        else:
            named = [p.code for p in key.people if p is not person and _names_child(ref, p)]
        for child in named:
            for rel in rels:
                out.setdefault((child, rel), []).append(person.code)
    for (child, rel), parent in _group_parents(key).items():
        out.setdefault((child, rel), []).append(parent)
    for sibling, child in _full_siblings(key):
        for rel in ("mother", "father"):
            for parent in out.get((child, rel), []):
                if parent != sibling and parent not in out.get((sibling, rel), []):
                    out.setdefault((sibling, rel), []).append(parent)
    return out


_SIBLING_ROLE = re.compile(
    r"^\s*(?P<child>[^,;(]+?)['’]s\s+(?:(?:older|younger|elder|big|little|twin)\s+)*(?:brother|sister|sibling)\b",
    re.I,
)


def _full_siblings(key) -> list[tuple[str, str]]:
    """(sibling code, child code) for roles like "Child H's brother" (not half- or step-): the key's own word
    that the two share their parents, so "Abu Dilan" is the father of Child H's brother Dilan too."""
    out = []
    for person in key.people:
        m = _SIBLING_ROLE.match(person.role or "")
        if not m:
            continue
        ref = m.group("child").strip().casefold()
        named = [p.code for p in key.people if p is not person and _names_child(ref, p)]
        if len(named) == 1:
            out.append((person.code, named[0]))
    return out


def _names_child(ref: str, person) -> bool:
    """The role's "of <ref>" names `person`: by code, role or a keyed given name, alone or in a list ("Father
    of Amine and Rania", "Mother of Child K and Child R")."""
    own = {person.code.casefold(), _role_head(person.role)}
    own |= {fold(n.split()[0]).casefold() for n in person.names if n.split()}
    letter = re.fullmatch(r"(?:child|baby)\s+(\w{1,2})", _role_head(person.role))
    if letter:
        own.add(letter.group(1))  # "Mother of Z and N": the letters of "Child Z", "Child N"
    return any(fold(part.strip()).casefold() in own for part in re.split(r"\s*(?:,|\band\b|&)\s*", ref))


_GROUP_ROLE = re.compile(r"^\s*(?P<group>(?:family|household)\s+[\w-]+)\s*[:–—-]\s*(?P<rel>[a-z]+)\b", re.I)


def _group_parents(key) -> dict[tuple[str, str], str]:
    """Thematic reviews key several families by group ("Family 2: father", "Family 2: child (Nethmi)"): the one
    mother and the one father of a group are the parents of its children."""
    groups: dict[str, dict[str, list[str]]] = {}
    for person in key.people:
        m = _GROUP_ROLE.match(person.role or "")
        if m:
            rel = _RELATIONS.get(m.group("rel").casefold(), "child" if person.child else "")
            groups.setdefault(m.group("group").casefold(), {}).setdefault(rel, []).append(person.code)
    out = {}
    for members in groups.values():
        for rel in ("mother", "father"):
            if len(members.get(rel, ())) == 1:
                for child in members.get("child", ()):
                    out[(child, rel)] = members[rel][0]
    return out


def _role_fits(role: str, fields: dict) -> bool:
    """The key's role text says the relative the honorific means (and, when it says one, the same side)."""
    low = (role or "").casefold()
    means = fields.get("means") or []
    if len(means) != 1 or not re.search(rf"\b{re.escape(means[0])}\b(?!['’]s)", low):
        return False
    side = fields.get("side")
    other = {"maternal": "paternal", "paternal": "maternal"}.get(side or "")
    return not (other and other in low)


def _fitting_roles(key, fields: dict) -> set[str]:
    """Codes of the keyed people whose role says the relative the honorific means; when several do, those
    whose role's head says it ("Adult A's mother (grandmother of Child L)", not "Adult A, young mother")."""
    codes = {p.code for p in key.people if _role_fits(p.role, fields)}
    if len(codes) > 1:
        codes = {p.code for p in key.people if p.code in codes and _role_fits(_role_head(p.role), fields)}
    return codes


# ---------------------------------------------------------------- the pass
def _form(code: str, keyed: str, rule: str, word: str):
    from .known import NameForm

    return NameForm(text=keyed, code=code, rule=rule, tokens=(("word", word),))


def kin_forms(matcher, text: str, raw: list) -> list:
    """`raw` (the matcher's (start, end, matched, forms) hits) with teknonyms, honorific+name, name+honorific
    and honorific-alone mentions added, and the child's code taken off a teknonym."""
    keyed = matcher.keyed_words
    if not keyed:
        return raw
    raw = _teknonyms(matcher, text, raw)
    raw = _before_given(matcher, text, raw)
    prefixed = list(_prefix_re().finditer(text))  # "<family word> <name>": read once, used by three passes
    raw, learned = _prefixed(matcher, text, raw, prefixed)
    raw = _suffixed(matcher, text, raw)
    raw = _split_names(matcher, text, raw)
    raw = _joined_names(matcher, text, raw)
    raw = _syllable_forms(matcher, text, raw)
    raw = _relatives_by_syllable(matcher, raw, prefixed)
    raw = _married_names(matcher, text, raw)
    raw = _clan_names(matcher, text, raw)
    raw = _diminutives(matcher, text, raw)
    raw = _namesakes(matcher, text, raw)
    raw = _generations(matcher, text, raw)
    raw = _grandparents_not_children(matcher, raw, prefixed)
    return _translated(matcher, text, _alone(matcher, text, raw, learned))


# a quoted English rendering of what was said: 'literally "Dad threw it"', 'the literal meaning is "Dad pulled
# my ear"', 'and then in English: "Dad hit him"'
_RENDERING = re.compile(
    r"(?i:literally|literal[ \t]+(?:meaning|translation|sense)(?:[ \t]+(?:is|was))?|translated[ \t]+as|in[ \t]+English)"
    r"[ \t]*[:,]?[ \t]*[\"“](?P<said>[^\"”\n]{1,160})[\"”]"
)
_ENGLISH_KIN = re.compile(r"(?<![\w'’-])(?<!my )(?<!your )(?<!his )(?<!her )(?<!the )(?<!a )[A-Z][a-z]{1,7}(?![\w'’-])")


def _translated(matcher, text: str, raw: list) -> list:
    """ "Dad" in an English rendering of a quoted utterance whose family word names a keyed relative ('"Appa
    threw the chair", literally "Dad threw the chair"'): the English word translates that name, so it is the
    same person; only where the utterance, within the sentence before, has a family word or a declared name
    coded to exactly one keyed person of that relation."""
    if "iteral" not in text and "ranslated" not in text and "English" not in text:
        return raw  # no rendering cue at all: skip the scan
    taken = [(r[0], r[1]) for r in raw]
    out = []
    for m in _RENDERING.finditer(text):
        for w in _ENGLISH_KIN.finditer(text, m.start("said"), m.end("said")):
            rel = role_cues.class_of(w.group(0).casefold())
            if rel is None or overlaps_any(taken, w.start(), w.end()):
                continue
            said = [r for r in raw if m.start() - 200 <= r[0] < m.start() and r[3][0].rule in ("kin_alone", "alias")]
            codes = {f.code for r in said for f in r[3] if role_cues.fits(rel, matcher.people[f.code])}
            if len(codes) == 1:
                form = _form(codes.pop(), w.group(0), "kin_alone", w.group(0))
                out.append((w.start(), w.end(), w.group(0), [form]))
    return raw + out


def _juniors(key) -> set[str]:
    """Codes of people keyed as a parent's namesake ("Tendai Moyo Junior", "Kofi Mensah Jr")."""
    markers = honorifics()["namesake"].get("markers", frozenset())
    return {
        p.code
        for p in key.people
        if any(w.strip(".,").casefold() in markers for name in p.names for w in name.split()[1:])
    }


def _namesakes(matcher, text: str, raw: list) -> list:
    """ "Tendai" when Tendai Moyo and his son Tendai Moyo Junior are keyed: the first name alone is the
    father, "little Tendai" the son (only the choice between the two changes; the other passes decide the rest)."""
    juniors = _juniors(matcher.key)
    if not juniors:
        return raw
    before_child = honorifics()["namesake"].get("child_before", frozenset())
    out = []
    for start, end, matched, forms in raw:
        codes = {f.code for f in forms}
        if len(forms) > 1 and codes & juniors and codes - juniors and " " not in matched.strip():
            prev = re.search(r"([A-Za-z]+)[ \t]+$", text[max(0, start - 12) : start])
            child = prev is not None and prev.group(1).casefold() in before_child
            forms = [f for f in forms if (f.code in juniors) == child] or forms
        out.append((start, end, matched, forms))
    return out


_RECORD_SURNAME_BEFORE = re.compile(r"(?<![\w'’-])[A-Z][A-Z'’-]+,[ \t]*\Z")


def _generations(matcher, text: str, raw: list) -> list:
    """ "old Giorgi", "Mrs Connors senior", "Patrick Connors senior": a generation word beside a name goes into
    the mention and chooses between the keyed people who share the name; pointing past every keyed bearer,
    the mention is someone the key leaves out and is left to the unknown-name pass (generations.py)."""
    out = []
    for r in raw:
        start, end, matched, forms = r
        found = generation_word(text, start, end)
        if found is None or _RECORD_SURNAME_BEFORE.search(text, max(0, start - 40), start):
            out.append(r)  # "GRANT, Dwayne Jnr": a record's name, which the record-name pass joins whole
            continue
        direction, wide_start, wide_end = found
        gender = next((f.title_gender for f in forms if f.title_gender), None)
        code, decided = choose_generation(
            matcher.key, matcher.keyed_words, {f.code for f in forms}, direction, gender, matched
        )
        others = [(o[0], o[1]) for o in raw if o is not r]
        if code is None and decided:
            continue  # "Patrick Connors senior" of a keyed Patrick Connors: his father, whom the key leaves out
        if code is None or overlaps_any(others, wide_start, wide_end):
            out.append(r)
            continue
        form = next((f for f in forms if f.code == code), None) or _form(code, matched, "generation", matched)
        out.append((wide_start, wide_end, text[wide_start:wide_end], [form]))
    return out


_GRANDPARENTS = frozenset({"grandmother", "grandfather"})


def _grandparents_not_children(matcher, raw: list, prefixed: list[re.Match[str]]) -> list:
    """ "Yiayia Maroulla", "grandmother Hawa", "Jiddo Omar": a grandparent's family word before a name that only a
    keyed CHILD bears is the child's namesake of the grandparents' generation, whom the key leaves out (children
    are named after grandparents), never the child; the name is left to the unlisted-person pass.  With the
    grandparent keyed too ("Pappou Andreas"), the grandparent of the two namesakes."""
    children = {p.code for p in matcher.key.people if p.child}
    if not children:
        return raw
    out = list(raw)
    for m in prefixed:
        rel = _grandparent_word(m.group("hon"))
        if rel is None or _says_whose_name(m.string, m.start()):
            continue
        fitting = _fitting_roles(matcher.key, {"means": [rel]})
        for i, r in enumerate(out):
            codes = {f.code for f in r[3]} if r is not None and r[0] == m.start("name") else set()
            if codes & fitting and codes & children:
                # "Pappou Andreas" of a grandfather and the grandson named after him: the grandfather
                out[i] = (r[0], r[1], r[2], [f for f in r[3] if f.code in fitting])
            elif codes and codes <= children:
                out[i] = None
    return [r for r in out if r is not None]


# a family word right before a name on its line ("Yiayia Maroulla", "grandmother Hawa")
_WORD_BEFORE_NAME = re.compile(r"(?<![\w'’-])(?P<word>[^\W\d_][\w'’-]*)[ \t]+\Z")


def grandparent_before(text: str, start: int, key, code: str) -> bool:
    """A grandparent's family word stands right before the name at `start`, and `code` is a keyed child whose
    role is not that grandparent: the name is the child's older namesake, not the child."""
    m = _WORD_BEFORE_NAME.search(text, max(0, start - 20), start)
    rel = _grandparent_word(m.group("word")) if m and not _says_whose_name(text, m.start()) else None
    child = any(p.code == code and p.child for p in key.people)
    return rel is not None and child and code not in _fitting_roles(key, {"means": [rel]})


# "to his grandmother": whose name for someone follows ("Mimi to his mother and Amoun to his
# grandmother"), not a grandparent's name
_TO_KIN = re.compile(r"(?<![\w'’-])to[ \t]+(?:his|her|their|my|our)[ \t]+\Z", re.I)


def _says_whose_name(text: str, kin_start: int) -> bool:
    """ "and to his grandmother Amoun": the family word says who uses the name after it, which is the child's."""
    return _TO_KIN.search(text, max(0, kin_start - 12), kin_start) is not None


def _grandparent_word(word: str) -> str | None:
    """grandmother/grandfather when the family word means one (English or any listed language)."""
    low = word.casefold()
    rel = role_cues.class_of(low)
    if rel in _GRANDPARENTS:
        return rel
    means = set((_alone_table().get(low) or {}).get("means") or [])
    return next(iter(means)) if len(means) == 1 and means <= _GRANDPARENTS else None


# the second word in a lookahead, so that pairs overlap ("Chen Jian Hua": "Chen Jian", then "Jian Hua")
_PAIR = re.compile(r"(?<![\w'’-])([A-Z][^\W\d_]+)[ \t-](?=([A-Z][^\W\d_]+)(?![\w-]))")


def _split_names(matcher, text: str, raw: list) -> list:
    """ "Sami Ullah" of Samiullah, "Abdul Rahman" of Abdulrahman: a keyed one-word name written as two
    capitalised words (records split compound Arabic and South Asian names at their parts)."""
    whole = {k.folded: k for k in matcher.keyed_words if len(k.folded) >= 6 and k.folded.isalpha()}
    for m in _PAIR.finditer(text):
        k = whole.get(fold(m.group(1) + m.group(2)).casefold())
        if k is None:
            continue
        start, end = m.start(), m.end() + len(m.group(2))
        raw = [r for r in raw if not (start <= r[0] and r[1] <= end)]
        if not overlaps_any([(r[0], r[1]) for r in raw], start, end):
            raw.append((start, end, text[start:end], [_form(k.code, k.word, "misspelling", text[start:end])]))
    return raw


def _joined_names(matcher, text: str, raw: list) -> list:
    """ "Dilmaya" of a keyed "Dil Maya": two given names of one keyed person written as one word (the converse
    of "Sami Ullah"), the one keyed person whose two given names make it."""
    given = {(k.code, k.folded) for k in matcher.keyed_words if k.first}
    owners: dict[str, set[str]] = {}
    for person in matcher.key.people:
        for name in person.names:
            words = [fold(w).casefold() for w in name.split()]
            for a, b in zip(words, words[1:], strict=False):
                if a.isalpha() and b.isalpha() and {(person.code, a), (person.code, b)} <= given:
                    owners.setdefault(a + b, set()).add(person.code)
    if not owners:
        return raw
    for m in re.finditer(r"(?<![\w'’-])[A-Z][^\W\d_]+(?![\w-])", text):
        codes = owners.get(fold(m.group(0)).casefold(), set())
        if len(codes) == 1 and not overlaps_any([(r[0], r[1]) for r in raw], m.start(), m.end()):
            word = m.group(0)
            raw.append((m.start(), m.end(), word, [_form(codes.pop(), word, "misspelling", word)]))
    return raw


def _syllable_owner(syllable: str, keyed: list[KeyedWord], conf: dict, surnames: frozenset[str]) -> KeyedWord | None:
    """The one keyed person with a (one-word) name that starts or ends with the syllable and has
    `min_rest` letters besides ("zhen" of Meizhen, "xuan" of Yuxuan).  Never a word the key writes after a
    title (`surnames`): the familiar forms are made of the given name ("Ah Ma", a family word, is no Ms Marsh)."""
    s = fold(syllable).casefold()
    if not conf.get("min_syllable", 2) <= len(s) <= conf.get("max_syllable", 6):
        return None
    rest = int(conf.get("min_rest", 2))
    hits = {
        k.code: k
        for k in keyed
        if k.folded.isalpha()
        and k.folded not in surnames
        and len(k.folded) >= len(s) + rest
        and (k.folded.startswith(s) or k.folded.endswith(s))
    }
    return next(iter(hits.values())) if len(hits) == 1 else None


def _syllable_forms(matcher, text: str, raw: list) -> list:
    """ "Ah Zhen" (familiar prefix + one syllable of a keyed given name) and "Xuan Xuan" (the syllable doubled):
    the keyed person, the whole span coded (honorifics.yaml `syllable_forms`)."""
    conf = honorifics()["syllable_forms"]
    prefixes = conf.get("prefixes") or []
    if not prefixes:
        return raw
    pattern = re.compile(
        rf"(?<![\w'’-])(?:(?P<pre>{_alternation(p.capitalize() for p in prefixes)})[ \t]+(?P<syl>[A-Z][a-z]+)"
        rf"|(?P<dup>[A-Z][a-z]+)[ \t]+(?P=dup))(?![\w'’-])"
    )
    surnames = _titled_key_words(matcher.key)
    for m in pattern.finditer(text):
        k = _syllable_owner(m.group("syl") or m.group("dup"), matcher.keyed_words, conf, surnames)
        start, end = m.start(), m.end()
        if k is None or overlaps_any([(r[0], r[1]) for r in raw if not (start <= r[0] and r[1] <= end)], start, end):
            continue
        raw = [r for r in raw if not (start <= r[0] and r[1] <= end)]
        raw.append((start, end, text[start:end], [_form(k.code, k.word, "short_form", text[start:end])]))
    return raw


def _relatives_by_syllable(matcher, raw: list, prefixed: list[re.Match[str]]) -> list:
    """ "Auntie Mei" of a keyed maternal aunt Xiumei: a family word, then one syllable of a keyed given name
    (as `_syllable_forms` reads them), is the one keyed person whose role is that relative and whose name
    starts or ends with the syllable, although another keyed name has it too (the grandmother Meifang).  The
    family word stays, as before any keyed name."""
    conf = honorifics()["syllable_forms"]
    surnames = _titled_key_words(matcher.key)
    taken = [(r[0], r[1]) for r in raw]
    for m in prefixed:
        name = re.sub(r"['’]s?$", "", m.group("name"))
        start, end = m.start("name"), m.start("name") + len(name)
        relation = role_cues.class_of(m.group("hon").casefold())
        if relation is None or not name[:1].isupper() or name in matcher.protected or overlaps_any(taken, start, end):
            continue
        fits = _fitting_roles(matcher.key, {"means": [relation]})
        k = _syllable_owner(name, [k for k in matcher.keyed_words if k.code in fits], conf, surnames)
        if k is not None:
            raw.append((start, end, name, [_form(k.code, k.word, "short_form", name)]))
            taken.append((start, end))
    return raw


def _titled_key_words(key) -> frozenset[str]:
    """Words (folded) the key itself writes after a title ("Ms Marsh", "Mr Lin"): family names."""
    from .known import _titled_surnames

    return frozenset(fold(w).casefold() for p in key.people for w in _titled_surnames(p.names))


def _married_names(matcher, text: str, raw: list) -> list:
    """ "Zoltánné", "Horváth Zoltánné": a keyed man's given name with the Hungarian married suffix is his wife
    (the keyed mother of the family his role names), and his surname before it goes with her."""
    suffixes = honorifics()["married_suffix"]
    if not suffixes:
        return raw
    from .known import _family_roles

    family = _family_roles(matcher.key)
    people = matcher.key.by_code()
    pattern = re.compile(rf"(?<![\w'’-])(?P<stem>[A-Z][^\W\d_]+?)(?:{_alternation(suffixes)})(?![\w'’-])")
    accented = _accented_married_stems(text, pattern)
    for m in pattern.finditer(text):
        stem = fold(m.group("stem")).casefold()
        husbands = {k.code for k in matcher.keyed_words if k.first and k.folded == stem}
        wives = {w for h in husbands if (w := _spouse(family, people, h, "female"))}
        start, end = m.start(), m.end()
        before = re.search(r"([A-Z][^\W\d_]+)[ \t]+$", text[max(0, start - 30) : start])
        if not husbands and stem in accented:
            surname = fold(before.group(1)).casefold() if before else ""
            keyed_surname = any(not k.first and k.folded == surname for k in matcher.keyed_words)
            wives = _wives_of_unkeyed(matcher, family, people, surname if keyed_surname else None)
            husbands = wives  # the surname before goes with her: it is hers ("Szabó Istvánné")
        if len(wives) != 1:
            continue
        wife = wives.pop()
        if before and any(
            k.folded == fold(before.group(1)).casefold() and k.code in husbands for k in matcher.keyed_words
        ):
            start -= len(before.group(0))
        raw = [r for r in raw if not (r[0] < end and start < r[1])]
        raw.append((start, end, text[start:end], [_form(wife, text[start:end], "married_name", text[start:end])]))
    return raw


def _accented_married_stems(text: str, pattern: re.Pattern[str]) -> set[str]:
    """Stems (folded) the draft writes with the accented suffix ("Istvánné") in a draft that names Hungarian:
    only then is a name of an unkeyed man with "-né" (or its unaccented "-ne", "Istvanne") a married name;
    "Joanne", "Corinne" are no wife's names."""
    if not _names_language(text, ("Hungarian", "Hungary")):
        return set()
    return {fold(m.group("stem")).casefold() for m in pattern.finditer(text) if m.group(0).endswith("né")}


def _wives_of_unkeyed(matcher, family: dict, people: dict, surname: str | None) -> set[str]:
    """The keyed women of the family (a relation in their role, no child) whose partner the key leaves out,
    of the surname when one is written: the one a man's name with "-né" can name when he is not keyed
    ("Szabó Istvánné", the grandmother, whose husband István is not in the key)."""
    from .role_cues import relations

    out = set()
    for code, person in people.items():
        if person.child or person.gender == "male" or not relations(person):
            continue
        if family["parent_of"].get(code) and _spouse(family, people, code, "male"):
            continue
        if surname and not any(k.code == code and not k.first and k.folded == surname for k in matcher.keyed_words):
            continue
        out.add(code)
    return out


@lru_cache(maxsize=1)
def _clan_name_re() -> re.Pattern[str]:
    """A clan prefix (honorifics.yaml `clan_prefixes`) joined to a capitalised name: "MaNcube", "Ma-Ndlovu"."""
    prefixes = honorifics()["clan_prefixes"]
    return re.compile(rf"(?<![\w'’-])(?P<pre>{_alternation(prefixes)})-?(?P<name>[A-Z][^\W\d_]+)(?![\w-])")


def _clan_names(matcher, text: str, raw: list) -> list:
    """ "MaNcube": a clan prefix joined to a keyed surname (honorifics.yaml `clan_prefixes`) is the one keyed
    person of the prefix's gender with that surname (a woman born a Ncube), or the one with that surname
    whose gender the key does not say."""
    prefixes = honorifics()["clan_prefixes"]
    if not prefixes:
        return raw
    people = matcher.key.by_code()
    for m in _clan_name_re().finditer(text):
        surname = fold(m.group("name")).casefold()
        bearers = {k.code for k in matcher.keyed_words if not k.first and k.folded == surname}
        gender = prefixes[m.group("pre")]
        codes = {c for c in bearers if people[c].gender == gender} or {c for c in bearers if people[c].gender is None}
        start, end = m.start(), m.end()
        if len(codes) != 1 or overlaps_any(
            [(r[0], r[1]) for r in raw if not (start <= r[0] and r[1] <= end)], start, end
        ):
            continue
        raw = [r for r in raw if not (start <= r[0] and r[1] <= end)]
        raw.append((start, end, text[start:end], [_form(codes.pop(), m.group(0), "clan_name", m.group(0))]))
    return raw


def _spouse(family: dict, people: dict, code: str, gender: str) -> str | None:
    """The other keyed parent, of `gender`, of the child whose parent the role says `code` is."""
    mine = family["parent_of"].get(code)
    if mine is None:
        return None
    others = [
        c for c, (ref, _) in family["parent_of"].items() if ref == mine[0] and c != code and people[c].gender == gender
    ]
    return others[0] if len(others) == 1 else None


@lru_cache(maxsize=1)
def _teknonym_after_re() -> re.Pattern[str] | None:
    """A child's given name, then a hyphen or a space and a parent word ("Seoyeon-eomma", "Minjun appa")."""
    words = honorifics()["teknonym_after"]
    if not words:
        return None
    return re.compile(
        rf"(?<![\w'’-])(?P<name>[A-Z][^\W\d_]+(?:-[a-z]+)?)[ \t-](?P<hon>(?i:{_alternation(words)}))(?![\w'’-])"
    )


def _teknonym_uses(text: str):
    """(match, fields, start, end) of every teknonym: "Abu Yusuf" (the word first) and "Seoyeon-eomma" (the
    child's name first); `start`-`end` is the whole span, less a possessive."""
    for m in _teknonym_re().finditer(text):
        end = m.start("name") + len(re.sub(r"['’]s?$", "", m.group("name")))
        fields = honorifics()["teknonym"][m.group("hon").casefold()]
        if _teknonym_here(text, m, fields, end):
            yield m, fields, m.start(), end
    after = _teknonym_after_re()
    for m in after.finditer(text) if after else ():
        yield m, honorifics()["teknonym_after"][m.group("hon").casefold()], m.start(), m.end()


# a capitalised name word right after the child's name: "Pak Wayan Sudarta" is a man's own full name
_NAME_AFTER = re.compile(r"[ \t]+[A-Z][^\W\d_]")


def _teknonym_here(text: str, m: re.Match[str], fields: dict, end: int) -> bool:
    """The marker makes a teknonym in this draft: written with a capital where the table says so ("Men
    Sekar", never "the men Sekar met"), in a draft naming one of its languages where it is `named_only`
    (Balinese "Pan", Malay "Pak": elsewhere an English word or a plain "Mr"), and, unless it only ever forms
    teknonyms (`always`), before ONE given name: a teknonym names the parent by the child's calling name
    alone, and a marker before a full name is a title before the bearer's own name."""
    if fields.get("capitalised") and not m.group("hon")[:1].isupper():
        return False
    if fields.get("named_only") and not _names_language(text, tuple(fields.get("lang") or ())):
        return False
    return bool(fields.get("always")) or _NAME_AFTER.match(text, end) is None


def _teknonyms(matcher, text: str, raw: list) -> list:
    """ "Abu Yusuf", "Seoyeon-eomma": the whole span is the child's keyed parent; never the child."""
    family = parents_of(matcher.key)
    for m, fields, start, end in _teknonym_uses(text):
        named = _lookup(m.group("name"), matcher.keyed_words, given_only=True)
        if not named:
            continue
        parents = {p for code, _, _ in named for p in family.get((code, fields["relation"]), [])}
        if len(parents) == 1:
            code = parents.pop()
            raw = [r for r in raw if not (r[0] < end and start < r[1])]
            raw.append((start, end, text[start:end], [_form(code, text[start:end], "teknonym", text[start:end])]))
        elif fields.get("always"):
            raw = [r for r in raw if not (r[0] < end and m.start("name") < r[1])]
    return raw


@lru_cache(maxsize=1)
def _before_given_re() -> re.Pattern[str]:
    words = _alternation(honorifics()["before_given"])
    return re.compile(rf"(?<![\w'’-])(?P<hon>(?i:{words}))[ \t]+(?P<name>[A-Z][\w'’-]*)")


def _before_given(matcher, text: str, raw: list) -> list:
    """ "anh Long", "anh L.": a Vietnamese kin term before a keyed given name (or its initial) goes into the
    code with it; before anything else ("Anh Nguyen", a woman named Anh) it is left to the other passes."""
    for m in _before_given_re().finditer(text):
        name = re.sub(r"['’]s?$", "", m.group("name"))
        start, end = m.start(), m.start("name") + len(name)
        if len(name) == 1:
            named = _initial_of(name, matcher.keyed_words)
        else:
            named = _lookup(name, matcher.keyed_words, given_only=True)
        if not named or overlaps_any([(r[0], r[1]) for r in raw if not m.start("name") <= r[0] < end], start, end):
            continue
        raw = [r for r in raw if not m.start("name") <= r[0] < end]
        raw.append((start, end, text[start:end], [_form(c, w, rule, text[start:end]) for c, w, rule in named]))
    return raw


def _prefixed(matcher, text: str, raw: list, prefixed: list[re.Match[str]]) -> tuple[list, dict[str, set[str]]]:
    """ "Vovó Cida", "Babusia Halya", "Kaka W.": the name (or initial) after an honorific is the keyed person's;
    which honorific stood before whom is learned for the honorific used alone."""
    learned: dict[str, set[str]] = {}
    taken = [(r[0], r[1]) for r in raw]
    for m in prefixed:
        name = re.sub(r"['’]s?$", "", m.group("name"))
        start, end = m.start("name"), m.start("name") + len(name)
        if not name[:1].isupper():
            continue
        hits = [r for r in raw if r[0] == start and r[1] >= end]
        if hits:
            learned.setdefault(m.group("hon").casefold(), set()).update(f.code for f in hits[0][3])
            continue
        if overlaps_any(taken, m.start(), end) or fold(m.group("hon")).casefold() in _common_words():
            continue  # "her brother Tom", "Uncle T.": English kin words are the other passes' (a brother is no Tomasz)
        if len(name) == 1:
            named = _initial_of(name, matcher.keyed_words)
        elif name in matcher.protected:
            continue
        else:
            named = _lookup(name, matcher.keyed_words)
        if not named:
            continue
        forms = [_form(code, word, rule, name) for code, word, rule in named]
        raw.append((start, end, name, forms))
        taken.append((start, end))
        learned.setdefault(m.group("hon").casefold(), set()).update(code for code, _, _ in named)
    return raw, learned


def _initial_of(letter: str, keyed: list[KeyedWord]) -> list[tuple[str, str, str]]:
    """ "anh L.": the one keyed person whose given name starts with the letter (none when several do)."""
    codes = {k.code: k.word for k in keyed if k.first and fold(k.word[:1]).upper() == letter}
    return [(code, word, "kin_initial") for code, word in codes.items()] if len(codes) == 1 else []


def _suffixed(matcher, text: str, raw: list) -> list:
    """ "Sami jan": the keyed name before a suffix honorific, the honorific taken with it."""
    for m in _suffix_re().finditer(text):
        name = m.group("name")
        start, end = m.start("name"), m.end()
        if not name[:1].isupper() and fold(name).casefold() in matcher.lexicon:
            continue
        hits = [r for r in raw if r[0] == start and r[1] == m.end("name")]
        if hits:
            raw = [r for r in raw if r is not hits[0]] + [(start, end, text[start:end], hits[0][3])]
            continue
        if overlaps_any([(r[0], r[1]) for r in raw], start, end):
            continue
        if len(name) == 1:
            named = _initial_of(name, matcher.keyed_words) if m.group("hsuf") and name.isupper() else []
        else:
            named = _lookup(name, matcher.keyed_words)
        if named:
            raw.append((start, end, text[start:end], [_form(c, w, rule, name) for c, w, rule in named]))
    return _with_declared_suffix(text, raw)


def _with_declared_suffix(text: str, raw: list) -> list:
    """A keyed mention with an ending the draft declares joined to it ("Ha-eun-ah"): the ending goes into the
    code with the name, as a listed suffix does."""
    own = _declared_suffix_re(text)
    if own is None:
        return raw
    out = []
    for r in raw:
        m = own.match(text, r[1])
        out.append((r[0], m.end(), text[r[0] : m.end()], r[3]) if m else r)
    return out


def word_talked_about(word: str, text: str, start: int, end: int) -> bool:
    """A family word of the `alone` table that the draft talks about as a word here ('"Hooyo" (mother) appears
    once', '"Taid" is the Welsh word', a glossary line): no person at all, the unlisted-person pass's neither."""
    low = word.casefold()
    return (low in _alone_table() or low in _draft_family_words(text)) and _word_discussed(text, start, end)


@lru_cache(maxsize=4)
def _draft_family_words(text: str) -> frozenset[str]:
    """The words the draft itself explains as family words ('"Akist" is Amharic for "aunt"')."""
    return glossed_words(text) | frozenset(draft_glosses(text))


def unresolved_family_word(word: str, text: str) -> bool:
    """A capitalised family word of the `alone` table in a draft that names one of its languages ("Jjajja" in a
    draft about a Luganda-speaking family): when the passes above gave it to no keyed relative, it is the
    family's word for a relative the key does not list, a word like "Grandma", not a new unlisted person."""
    fields = _alone_table().get(word.casefold())
    if fields is None or not word[:1].isupper():
        return False
    langs = [*(fields.get("lang") or ()), *(lang for f in fields.get("senses") or () for lang in f.get("lang") or ())]
    return _names_language(text, tuple(langs))


def _alone_uses(text: str, glossed: dict[str, str]):
    """(match, fields) of every family word used alone: the listed ones, and the ones the draft glosses, whose
    gloss is their meaning here whatever a list says ("Apa (dad)": a Hungarian father, not a Bengali sister)."""
    table = _alone_table()
    for m in _alone_re().finditer(text):
        word = m.group("hon").casefold()
        if word not in glossed:
            yield m, table[word]
    if glossed:
        spelt = _alternation({w[:1].upper() + w[1:] for w in glossed})
        for m in re.finditer(rf"(?<![\w’-])(?<!\w')(?P<hon>{spelt})(?![\w-])", text):
            rel, side = split_side(glossed[m.group("hon").casefold()])
            yield m, {"means": [rel], "side": side, "glossed": True}
    for m in _possessed_re().finditer(text):
        fields = table[m.group("hon")]
        langs = (*(fields.get("lang") or ()), *(g for f in fields.get("senses") or () for g in f.get("lang") or ()))
        if m.group("hon") not in glossed and _language_shown(text, tuple(langs)):
            yield m, {**fields, "possessed": True}


@lru_cache(maxsize=1)
def _possessed_re() -> re.Pattern[str]:
    """A lower-case family word of the `alone` table after a possessive ("your appa", "my halmeoni"), when the
    word is no English word and not already read in lower case (`lower`): "my" makes it one person's relative,
    as "my dad" is, whatever the case."""
    english = _common_words() | frequent_words()
    words = [w for w, f in honorifics()["alone"].items() if not f.get("lower") and w.isalpha() and w not in english]
    return re.compile(rf"(?<![\w'’-])(?i:my|your|his|her|their|our)[ \t]+(?P<hon>{_alternation(words)})(?![\w'’-])")


def _alone(matcher, text: str, raw: list, learned: dict[str, set[str]]) -> list:
    """ "at Baba's", "Kaka said": an honorific alone is the person the draft calls "<honorific> <name>", else
    the one keyed person whose role it means."""
    taken = [(r[0], r[1]) for r in raw]
    for m, fields in _alone_uses(text, draft_glosses(text)):
        word = m.group("hon").casefold()
        start, end = m.start("hon"), m.end("hon")
        if "suf" in m.re.groupindex and m.group("suf"):
            end = m.end("suf")  # "Onii-chan": the suffix goes into the code with the family word
        if overlaps_any(taken, start, end) or re.match(r"[ \t]+[A-Z]", text[end : end + 2]):
            continue  # "Gogo Memory", "Gogo Nomsa": a name follows, which the other passes judge
        if _after_a_capitalised_word(text, start):
            continue  # "Loku Amma" (big mother: an aunt), "Aynur Abla": the last word of a longer name
        if _glossary_entry(text, start, end) or _in_word_list(text, start, end) or _word_discussed(text, start, end):
            continue  # "Nani – maternal grandmother (Bengali)": the word explained, not a person
        if _vocative(text, start, end) and not fields.get("child") and not _child_speaks(matcher.key, raw, text, start):
            continue  # 'She said, "Amma, he will find me"': a parent's word for her own mother, as "Mum" would be
            # (a calling name of a child, "oğlum, be good", is the child whoever addresses them)
        lower = m.group("hon")[:1].islower() and not fields.get("possessed")
        if lower and not (_quoted(text, start) or _inside_quote(text, start)):
            continue  # a lower-case family word names somebody only as the child's own word, quoted
        if m.group("hon")[:1].islower() and _quoted_alone(text, start, end):
            continue  # 'she recognised "aav"': the word quoted by itself, no naming verb: the word, no person
        codes = set(learned.get(word, ()))
        sense = _speakers_relative(matcher.key, raw, text, start, _sense(fields, text))
        # a word the draft glosses is the family's word for its relative even where written in lower case
        # after a possessive it names the relative of whoever speaks, however the draft writes the word elsewhere
        plain = fields.get("glossed") or fields.get("possessed") or not _used_as_noun(text, word)
        if not codes and sense is not None and plain:
            codes = _sense_codes(matcher.key, sense, sense is not fields)
        if not codes or len(codes) > _MAX_RELATIVES:
            continue
        # several keyed people of the role (a thematic review's three fathers): all are candidates, and the
        # resolver takes the one the text names nearest and logs the choice as ambiguous, never a new identity
        forms = [_form(code, m.group("hon"), "kin_alone", m.group("hon")) for code in sorted(codes)]
        raw.append((start, end, text[start:end], forms))
        taken.append((start, end))
    return raw


def _after_a_capitalised_word(text: str, start: int) -> bool:
    """A capitalised word right before `start` on its line that does not open a sentence: the family word ends
    a longer name or kin phrase ("Loku Amma", "Aynur Abla"), which is not the relative the word alone means."""
    m = re.search(r"(?<![\w'’-])[A-Z][^\W\d_]+[ \t]+\Z", text[max(0, start - 30) : start])
    return m is not None and not opens_sentence(text, start - len(m.group(0)))


# more keyed people of one relation than this (a thematic review of many families) is no family of one draft
_MAX_RELATIVES = 4


def _child_speaks(key, raw: list, text: str, start: int) -> bool:
    """The word is called out by a keyed child: the keyed person named nearest before it in its paragraph is a
    child ('Selin told me, "Anneanne, the man asked"', 'she called out "Tata!"' after Eliana), so the word
    means the child's relative, as the key's roles say; a parent's call ("I said, Mãe") is her own mother's."""
    gap = text.rfind("\n\n", 0, start)
    speaker = _nearest_keyed(raw, gap + 2 if gap >= 0 else 0, start)
    return speaker is not None and any(p.code == speaker[0] and p.child for p in key.people)


def _nearest_keyed(raw: list, start: int, end: int) -> tuple[str, int] | None:
    """(code, end) of the keyed person named last in text[start:end] by a sure hit (one code, no family word)."""
    hits = [r for r in raw if start <= r[0] and r[1] <= end and len({f.code for f in r[3]}) == 1]
    hits = [r for r in hits if r[3][0].rule != "kin_alone"]
    last = max(hits, key=lambda r: r[1]) if hits else None
    return (last[3][0].code, last[1]) if last else None


def _introduces_speech(between: str) -> bool:
    """What stands between the speaker's name and the quote introduces speech ("'s words:", " said, ", " told
    me: "), not a word quoted as a name ('calls his mother "Nanay" and his father "Tata"')."""
    return ":" in between or re.search(rf"(?<![\w-])(?:{reporting_forms_pattern()})(?![\w-])", between) is not None


def _speaker_parent(key, raw: list, text: str, start: int) -> str | None:
    """ "mother"/"father" when the word stands in a quotation opened in its paragraph after a keyed parent
    named last before the quote ('In Amaka's words: "When Nne was here"'): that parent is the speaker."""
    gap = text.rfind("\n\n", 0, start)
    para = gap + 2 if gap >= 0 else 0
    opened = max(text.rfind("\u201c", para, start), text.rfind('"', para, start))
    straight = text.count('"', para, start)
    if opened < 0 or (text[opened] == '"' and straight % 2 == 0) or "\u201d" in text[opened:start]:
        return _parent_relation(key, _line_writer(raw, text, start))
    speaker = _nearest_keyed(raw, para, opened)
    if speaker is None or not _introduces_speech(text[speaker[1] : opened]):
        return None
    return _parent_relation(key, speaker[0])


def _parent_relation(key, code: str | None) -> str | None:
    """ "mother"/"father" when the keyed person is a keyed child's parent of that one relation."""
    rels = {rel for (_, rel), parents in parents_of(key).items() if code in parents} if code else set()
    return rels.pop() if len(rels) == 1 else None


def _line_writer(raw: list, text: str, start: int) -> str | None:
    """The keyed person a message or transcript line opens with, before a colon ("21:37 – Oyuka: Eej, he is
    tired"): the writer of the line, who says the family word."""
    line = text.rfind("\n", 0, start) + 1
    for r in sorted(r for r in raw if line <= r[0] and r[1] <= start and len({f.code for f in r[3]}) == 1):
        if text.startswith(":", r[1]) and r[3][0].rule != "kin_alone":
            # the writer's own words run on from the colon: 'Text from Ayla: "..." Emre said Mama' is not hers
            return None if re.search(r"[.!?][\"”’']?[ \t]+[A-Z]", text[r[1] : start]) else r[3][0].code
    return None


def _speakers_relative(key, raw: list, text: str, start: int, sense: dict | None) -> dict | None:
    """The sense as a keyed parent means it when she says it: her own mother is the child's grandmother on her
    side (honorifics.yaml `speaker_relatives`); any other speaker, or no quote, keeps the child's sense."""
    means = (sense or {}).get("means") or []
    if sense is None or len(means) != 1:
        return sense
    parent = _speaker_parent(key, raw, text, start)
    own = honorifics()["speaker_relatives"].get(parent or "", {}).get(means[0])
    return {**sense, **own} if own else sense


def _inside_quote(text: str, start: int) -> bool:
    """`start` stands inside a quotation opened in its paragraph ('said "their pappou will sort it"'): an odd
    number of straight double quotes before it, or a curly one opened and not closed."""
    gap = text.rfind("\n\n", 0, start)
    para = gap + 2 if gap >= 0 else 0
    if text.count('"', para, start) % 2 == 1:
        return True
    return text.rfind("\u201c", para, start) > text.rfind("\u201d", para, start)


_NAMING_VERB = re.compile(r"(?<![\w-])(?:call|calls|called|calling|named|names)(?![\w-])", re.I)


def _quoted_alone(text: str, start: int, end: int) -> bool:
    """A lower-case word that is a whole quotation by itself ('recognised "aav"') and no naming verb before
    it ('called her "māmiņa"' names her): the word spoken of; in a longer quotation ('"aav angry"') it is used."""
    if not (_quoted(text, start) and end < len(text) and text[end] in "\"”’'"):
        return False
    # 'kept calling him "Denizcim" and "oğlum"': a naming verb earlier in the sentence makes a list of names
    sentence = re.search(r"(?:[.!?][\"”’']?[ \t]+|\n)(?=[^\n]*\Z)", text[max(0, start - 200) : start])
    opened = max(0, start - 200) + (sentence.end() if sentence else 0)
    return _NAMING_VERB.search(text, opened, start) is None


def _quoted(text: str, start: int) -> bool:
    """An opening quote just before the word ('called her "māmiņa"', 'drew "māmiņa asleep"')."""
    return start > 0 and text[start - 1] in "\"“‘'"


@lru_cache(maxsize=256)
def _names_language(text: str, langs: tuple[str, ...]) -> bool:
    """The draft names one of the languages (or peoples, countries) as a word ("speaks Hausa")."""
    return bool(langs) and re.search(rf"(?<![\w-])(?:{_alternation(langs)})(?![\w-])", text) is not None


def _sense(fields: dict, text: str) -> dict | None:
    """The meaning of an honorific used alone in this draft: the one of its `senses` whose language the draft
    names (and none of the others'), else its own fields unless another sense's language is named too (or,
    `named_only`, unless its own is)."""
    senses = fields.get("senses") or []
    if not senses:
        return fields if not fields.get("named_only") or _language_shown(text, tuple(fields["lang"])) else None
    named = [f for f in [fields, *senses] if _language_shown(text, tuple(f.get("lang") or ()))]
    if len(named) > 1:
        named = _family_senses(named, text)
    if len(named) == 1:
        return named[0]
    return None if named or fields.get("named_only") else fields


def _family_senses(named: list[dict], text: str) -> list[dict]:
    """Of several senses whose languages the draft names, the one of the family's language: the one whose
    script the draft quotes (a Georgian message, a name on an ID card), else the one whose languages it names
    at least honorifics.yaml `family_language.margin` times as often as any other's (a Georgian family's report
    that gives one Russian spelling).  A draft about the family names its language again and again; a
    language named in passing is someone else's.  All of them when neither settles it."""
    conf = honorifics()["family_language"]
    scripts = conf["scripts"]
    quoted = [f for f in named if any(_has_script(text, scripts.get(lang, "")) for lang in f.get("lang") or ())]
    if len(quoted) == 1:
        return quoted
    counts = sorted(((_language_count(text, tuple(f.get("lang") or ())), i) for i, f in enumerate(named)), reverse=True)
    (best, at), (second, _) = counts[0], counts[1]
    return [named[at]] if best >= conf["margin"] * max(second, 1) else named


def _language_shown(text: str, langs: tuple[str, ...]) -> bool:
    """The draft names one of the languages, or quotes one's own script (a message in Georgian letters)."""
    scripts = honorifics()["family_language"]["scripts"]
    return _names_language(text, langs) or any(_has_script(text, scripts.get(lang, "")) for lang in langs)


@lru_cache(maxsize=64)
def _has_script(text: str, chars: str) -> bool:
    return bool(chars) and re.search(f"[{chars}]", text) is not None


@lru_cache(maxsize=256)
def _language_count(text: str, langs: tuple[str, ...]) -> int:
    """How often the draft names one of the languages (or peoples, countries) as a word."""
    return len(re.findall(rf"(?<![\w-])(?:{_alternation(langs)})(?![\w-])", text)) if langs else 0


def _sense_codes(key, sense: dict, any_meaning: bool) -> set[str]:
    """The keyed people a sense fits: a calling name's child, else the roles it means (one meaning of its
    own language's sense, any of several: Hausa "kaka" is either grandparent)."""
    if sense.get("child"):
        return _child_of_gender(key, sense["child"])
    if not any_meaning:
        codes = _fitting_roles(key, sense)
        if not codes and sense.get("glossed"):
            return _sibling_child(key, sense)
        return codes
    return {code for meaning in sense.get("means") or [] for code in _fitting_roles(key, {**sense, "means": [meaning]})}


def _sibling_child(key, sense: dict) -> set[str]:
    """ "Noona" (big sister) said by a keyed boy, when no role says "sister": the sister is a keyed child of
    the family, the one of her gender (a key often lists the subject child without a relation)."""
    from .role_cues import cue_gender

    rel = (sense.get("means") or [""])[0]
    gender = cue_gender(rel) if rel in ("sister", "brother") else None
    children = _child_of_gender(key, gender) if gender else set()
    return children if len(children) == 1 else set()


def _child_of_gender(key, gender: str) -> set[str]:
    """The one keyed child of the gender, else the one keyed child whose gender the key does not say (a parent's
    sibling, "Mother's brother", is no child of the family although the key reads "brother" as one)."""
    children = [p for p in key.people if p.child and not _ADULT_SIBLING.search(_role_head(p.role))]
    for wanted in (gender, None):
        fit = {p.code for p in children if p.gender == wanted}
        if fit:
            return fit
    return set()


def _vocative(text: str, start: int, end: int) -> bool:
    """The word addresses someone: set off by a comma (or ! ?) after it and a comma or an opening quote
    before it ("said, Amma, he", '"Abba, come"')."""
    return bool(re.match(r"[,!?]", text[end : end + 1])) and bool(
        re.search(r"(?:,|[\"“‘'(])[ \t]*$", text[max(0, start - 3) : start])
    )


def _glossary_entry(text: str, start: int, end: int) -> bool:
    """The word heads a line or an item of a run-in glossary ("Glossary: Dadi – paternal grandmother; Yiayia –
    grandmother") and a dash, colon or equals sign follows: the word explained, not a person."""
    before = re.search(r"(?:^|\n|[:;])[ \t>*•·-]*$", text[max(0, start - 8) : start])
    return bool(before) and bool(re.match(r"[ \t]*(?:[–—:=]|-[ \t])", text[end : end + 4]))


# after a quoted word (and its bracketed gloss): a verb that speaks of the word, not of a person
_QUOTED_WORD_TALK = re.compile(
    r"[\"”’'](?:[ \t]*\([^()\n]{1,40}\))?[ \t]+(?:is|means|in|appears|occurs|stands|was written|is written|to mean)\b"
)
# the word, then "is" or "means" and an English family word with no determiner: a translation of the word
# ("Mama is Dad in Georgian", "Deda is Mum"), not a statement about a person ("Bebo is cross", "is my aunt")
_TRANSLATED = re.compile(r"[ \t]+(?:is|means)[ \t]+(?P<kin>[A-Za-z]+)(?![\w'’-])")


def _translated_word(text: str, start: int, end: int) -> bool:
    """ "Mama is Dad in Georgian": the family word explained by the English one it translates."""
    m = _TRANSLATED.match(text, end)
    return m is not None and role_cues.class_of(m.group("kin").casefold()) is not None


def _quoted_word_talk(text: str, start: int, end: int) -> bool:
    """The word in quotes and a verb that speaks of the word after it ('"amma" is the word for a mother')."""
    return start > 0 and text[start - 1 : start] in "\"“‘'" and _QUOTED_WORD_TALK.match(text, end) is not None


def _word_discussed(text: str, start: int, end: int) -> bool:
    """'"Taid" is the Welsh word', "a dad and a Taid", or anywhere in a glossary line that explains a family
    word ("Nain: the Welsh for grandmother; in the south, Mam-gu"): the word, or a relative in general."""
    if _quoted_word_talk(text, start, end) or _translated_word(text, start, end):
        # '"Taid" is the Welsh word', '"Taid" in Welsh', '"Hooyo" (mother) appears once' (a quoted name in use
        # stays: 'calls her "Gogo"', '"Cucu" (grandmother) came')
        return True
    if re.search(r"(?<![\w'’-])(?:a|an|the|any|every)[ \t]+$", text[max(0, start - 8) : start], re.I):
        return True
    if re.match(r"[ \t]*=[ \t]", text[end : end + 3]):
        return True  # a welcome sheet's "eej = mum, aav = dad": the word explained
    line_start = text.rfind("\n", 0, start) + 1
    head = re.match(r"[ \t>*•·-]*([^\W\d_][\w'’-]*)[ \t]*(?:[–—:=]|-[ \t])", text[line_start:start])
    kin = prefix_words() | frozenset(honorifics()["alone"])
    return head is not None and head.group(1).casefold() in kin


_LIST_GAP = r"(?:[ \t]*,[ \t]*|[ \t]+(?:or|and)[ \t]+|[ \t]*,[ \t]*(?:or|and)[ \t]+)"


def _in_word_list(text: str, start: int, end: int) -> bool:
    """One of three or more family words in a row ("Nana, Nani, Dadi or Gogo"): the words discussed."""
    kin = prefix_words() | frozenset(honorifics()["alone"])
    n = 1
    left = text[max(0, start - 60) : start]
    while (m := re.search(rf"([^\W\d_]+){_LIST_GAP}$", left)) and m.group(1).casefold() in kin:
        n, left = n + 1, left[: m.start()]
    right = text[end : end + 60]
    while (m := re.match(rf"{_LIST_GAP}([^\W\d_]+)", right)) and m.group(1).casefold() in kin:
        n, right = n + 1, right[m.end() :]
    return n >= 3 and not _list_has_people(left, right)


def _list_has_people(left: str, right: str) -> bool:
    """The list goes on with a name or "me" ('drew "Appa, Amma, Akka, me, Mama"', "Dilo, Dayê, Nenê"): the family
    words in it are people, as the other items are, not words discussed."""
    before = re.search(rf"([^\W\d_]+){_LIST_GAP}$", left)
    after = re.match(rf"{_LIST_GAP}([^\W\d_]+)", right)
    return any(m and (m.group(1)[:1].isupper() or m.group(1) in _PEOPLE_ITEMS) for m in (before, after))


_PEOPLE_ITEMS = frozenset({"me", "him", "her", "us", "myself"})


def _used_as_noun(text: str, word: str) -> bool:
    """The draft also writes the word in lower case ("like my nani does"): a common noun for the relation
    there, so its capitalised uses alone are not taken for one keyed person by the role alone.  A lower-case
    use inside a quotation is the family's own word in their own speech or message ('"tell him mama love
    him"', '"their pappou will sort it"'), no common noun of the draft's, and a quoted word talked about
    ('"amma" is the word for') is no use of the noun either."""
    return any(
        not (_quoted(text, m.start()) or _inside_quote(text, m.start()))
        and not _quoted_word_talk(text, m.start(), m.end())
        for m in re.finditer(rf"(?<![\w'’-]){re.escape(word)}(?![\w'’-])", text)
    )


# ---------------------------------------------------------------- pet forms by suffix
def _diminutive_owners(keyed: list[KeyedWord], text: str) -> dict[str, set[str]]:
    """Pet form (lower case) -> codes of the keyed given names that make it, in the languages the draft names
    (honorifics.yaml `diminutives`): the name less an ending that fits, plus a suffix."""
    owners: dict[str, set[str]] = {}
    for conf in honorifics()["diminutives"].values():
        if not _names_language(text, tuple(conf.get("cues") or ())):
            continue
        respell = {str(a): str(b) for a, b in (conf.get("respell") or {}).items()}
        for k in keyed:
            word = k.word.casefold()
            if not k.first or not word.isalpha():
                continue
            for stem in _stems(word, conf):
                for suffix in map(str.casefold, map(str, conf.get("suffixes") or [])):
                    form = _respelled(stem, suffix, respell) + suffix
                    if len(form) >= int(conf.get("min_letters", 3)):
                        owners.setdefault(form, set()).add(k.code)
    return owners


def _stems(word: str, conf: dict) -> set[str]:
    """The stems a language builds pet forms on: the name less one of its `endings`; with `prefixes`, also less
    a leading name element ("Sibongile": "bongile"); with `truncate`, every first part of those of at least that
    many letters ("Emre": "em", "emr"; "bongile": "bong")."""
    heads = [word] + [word[len(p) :] for p in map(str, conf.get("prefixes") or ()) if word.startswith(p)]
    stems = set()
    for head in heads:
        for ending in (str(e) for e in conf.get("endings") or [""]):
            stem = head[: len(head) - len(ending)] if head.endswith(ending) else ""
            if len(stem) >= 2:
                stems.add(stem)
    cut = int(conf.get("truncate") or 0)
    if cut:
        stems |= {stem[:n] for stem in stems for n in range(cut, len(stem))}
    return stems


def _respelled(stem: str, suffix: str, respell: dict[str, str]) -> str:
    """The stem's last letter as spelt before a front vowel (Portuguese and Spanish "Tiago" -> "Tiagu-inho",
    "Paco" -> "Paqu-ito")."""
    last = stem[-1:]
    return stem[:-1] + respell[last] if last in respell and suffix[:1] in "ie" else stem


def _diminutives(matcher, text: str, raw: list) -> list:
    """ "Emīlītis" of Emīls, "Ruizinho" of Rui: a capitalised word that is exactly one keyed given name's pet
    form by a suffix of a language the draft names, and no keyed name or English word itself."""
    owners = _diminutive_owners(matcher.keyed_words, text)
    if not owners:
        return raw
    keyed = {k.folded for k in matcher.keyed_words}
    for m in re.finditer(r"(?<![\w'’-])[^\W\d_]+(?![\w-])", text):
        word = m.group(0)
        codes = owners.get(word.casefold(), set())
        if len(codes) != 1 or not word[:1].isupper() or overlaps_any([(r[0], r[1]) for r in raw], m.start(), m.end()):
            continue
        if fold(word).casefold() in keyed or word.casefold() in matcher.lexicon or word in matcher.protected:
            continue
        code = next(iter(codes))  # not pop(): the table is shared by every use of the word in the draft
        raw.append((m.start(), m.end(), word, [_form(code, word, "short_form", word)]))
    return raw


# ---------------------------------------------------------------- family words of a language no list has
@lru_cache(maxsize=1)
def _inferred_conf() -> dict:
    return dict(load_yaml("names", "inferred_prefixes.yaml") or {})


@lru_cache(maxsize=1)
def _gloss_re() -> re.Pattern[str]:
    conf = _inferred_conf()
    verbs = "|".join(f"(?:{v})" for v in conf["gloss_verbs"])
    n = int(conf.get("max_letters", 10))
    return re.compile(rf"[\"“'‘](?P<word>[^\W\d_]{{1,{n}}})[\"”'’]\)?,?[ \t]+(?:{verbs})(?![\w'’-])")


@lru_cache(maxsize=1)
def _gloss_cues() -> frozenset[str]:
    kin = {k.word for k in kin_words() if " " not in k.word}
    return frozenset(str(w).casefold() for w in _inferred_conf().get("gloss_cues") or ()) | frozenset(kin)


def glossed_words(text: str) -> frozenset[str]:
    """Words (case-folded) the draft explains as a family word or a form of address: the word in quotes, an
    explaining phrase, then a relative, an age or a form of respect in the same sentence ('"nong" means little
    brother', '"pi" is what people call someone older', '"tonton" is the Creole word for uncle'), and words
    glossed in brackets by English titles (`title_glossed_words`)."""
    window = int(_inferred_conf().get("gloss_window", 100))
    cues = _gloss_cues()
    out = set(title_glossed_words(text))
    for m in _gloss_re().finditer(text):
        rest = re.split(r"(?<=[.!?;])\s|\n", text[m.end() : m.end() + window], maxsplit=1)[0]
        if any(w.casefold() in cues for w in re.findall(r"[^\W\d_]+", rest)):
            out.add(m.group("word").casefold())
    return frozenset(out)


# a capitalised word, or two joined by "and"/"or", perhaps quoted, then a bracketed gloss: 'Ato (Mr)',
# '"Pani" (Mrs) or "Pan" (Mr)', 'Kyria and Kyrios (Mrs, Mr)'
_Q = r"[\"“‘']?"
_TITLE_GLOSS = re.compile(
    rf"(?<![\w'’-]){_Q}(?P<w1>[A-Z][^\W\d_]{{1,9}}){_Q}(?:[ \t]+(?:and|or)[ \t]+{_Q}(?P<w2>[A-Z][^\W\d_]{{1,9}}){_Q})?"
    r"[ \t]*\((?P<gloss>[^()\n]{1,30})\)"
)


@lru_cache(maxsize=4)
def title_glossed_words(text: str) -> frozenset[str]:
    """Words (case-folded) the draft glosses with English titles alone ("addressed with Ato (Mr) or Weyzero
    (Mrs)", '"Pani" (Mrs)', "Kyria and Kyrios (Mrs, Mr)"): the draft says each is a form of address of its
    language, a title before a name however the list of titles lacks it, and alone no person."""
    if "(" not in text:
        return frozenset()
    titles = {t.casefold() for t in title_genders()}
    out: set[str] = set()
    for m in _TITLE_GLOSS.finditer(text):
        if re.search(r"[A-Z][\w'’.-]*[ \t]+\Z", text[max(0, m.start() - 30) : m.start()]):
            continue  # "Sarah Smith (Mrs)": the end of a name, with the title it takes
        gloss = re.findall(r"[^\W\d_]+", m.group("gloss"))
        if gloss and all(g.casefold() in titles for g in gloss):
            out.update(w.casefold() for w in (m.group("w1"), m.group("w2")) if w and w.casefold() not in titles)
    return frozenset(out)


@lru_cache(maxsize=1)
def frequent_words() -> frozenset[str]:
    """The most frequent English words (models/names/common_words.txt, most frequent first, up to
    inferred_prefixes.yaml `frequent_words`), and the stop words: "Dear Kemi", "Then Ama" are no family
    word before two names.  Rarer entries of the list ("ba", "pi") are often a family word's spelling."""
    from ...resources import read_lines
    from .derived import stop_words

    limit = int(_inferred_conf().get("frequent_words", 3000))
    return frozenset(read_lines("names", "common_words.txt")[:limit]) | stop_words()


# a capitalised word in lower case after its capital ("Ba", not "HV"), up to ten letters
_WORD_BEFORE = re.compile(r"(?<![\w'’.-])(?P<word>[A-Z][^\W\d_A-Z]{1,9})[ \t]$")
_FIRST_WORD = re.compile(r"(?P<word>[A-Z][^\W\d_A-Z]{1,9})[ \t]+(?=\S)")


def _surname_of(mention: str) -> str:
    """The last word of a mention, folded: "B. O'Hare" and "Bridget O'Hare" are one person's."""
    words = re.findall(r"[^\W\d_][\w'’-]*", mention)
    return fold(words[-1]).casefold() if words else ""


def prefixes_by_use(text: str, people: list[tuple[int, int]], ordinary) -> frozenset[str]:
    """Capitalised words (case-folded) that stand right before two or more different person mentions
    (`people`: (start, end) of each) or open them ("Ba Mwansa", "Ba Bwalya"), unless `ordinary(word)`: an
    English word, a title, a listed or keyed name ("Nguyen Van An", "Nguyen Thi Hoa" share a surname)."""
    after: dict[str, set[str]] = {}
    inside: set[str] = set()  # written capitalised inside a sentence at least once
    for start, end in people:
        m = _WORD_BEFORE.search(text, max(0, start - 12), start)
        if not m:
            m = _FIRST_WORD.match(text, start, end)
            if not m or m.end() >= end:
                continue
            start = m.end()
        after.setdefault(m.group("word"), set()).add(_surname_of(text[start:end]))
        if not opens_sentence(text, m.start()):
            inside.add(m.group("word"))
    least = int(_inferred_conf().get("min_distinct_names", 2))
    return frozenset(
        w.casefold() for w, names in after.items() if len(names) >= least and w in inside and not ordinary(w)
    )


_SENTENCE_OPENING = re.compile(r"(?:\A|\n|\||[.!?:;][\"”’')\]]*[ \t]+)[ \t>*#|\-•\"“‘'(\[]*\Z")


def opens_sentence(text: str, start: int) -> bool:
    """The word at `start` opens a sentence, a line or a cell ("Whilst Kemi was…"): capitalised for that alone,
    which says nothing about the word."""
    return bool(_SENTENCE_OPENING.search(text, max(0, start - 12), start))


def inferred_prefix_before(text: str, start: int, words: frozenset[str]) -> int:
    """Where an inferred family word right before a name starting at `start` begins ("Pi" of "Pi Ploy"), else
    `start`.  The word must be capitalised and on the same line."""
    if not words:
        return start
    m = _WORD_BEFORE.search(text, max(0, start - 12), start)
    return m.start() if m and m.group("word").casefold() in words else start


def glossed_prefix_names(text: str, words: frozenset[str]) -> list[tuple[int, int]]:
    """(start, end) of every "<explained family word> <capitalised word>" ("Tok Hashim", "Na Golf"): a person
    the family names with its own word, whatever the name after it means in English ("Uncle Trust")."""
    if not words:
        return []
    alternation = _alternation({w.capitalize() for w in words})
    rx = rf"(?<![\w'’.-])(?:{alternation})[ \t]+[A-Z][^\W\d_][\w'’-]*"
    out = []
    for m in re.finditer(rx, text):
        end = m.start() + len(re.sub(r"['’]s?$", "", m.group(0)))
        if not text[m.start() : end].split()[-1].isupper():
            out.append((m.start(), end))
    return out


# a word right after a person mention, on the same line: spaced or hyphened ("Ayla Hanım", "Mina-di")
_WORD_AFTER = re.compile(r"(?P<sep>[ \t]+|-)(?P<word>[^\W\d_][^\W\d_'’]{1,11})(?![\w'’-])")
_LAST_TWO = re.compile(r"(?P<name>[^\W\d_][\w'’-]*)[ \t]+(?P<word>[^\W\d_][^\W\d_'’]{1,11})\Z")


def _title_before_re(words: frozenset[str]) -> re.Pattern[str] | None:
    """`words` written after an everyday title or a rank or office ("Mrs Hanım" never; "DC Stanforth", "Sgt
    Pryce"): there the word is a surname, which a rank stands before as a title does, so no form of address."""
    if not words:
        return None
    # every everyday title, in any language the titles list has ("Mme Fabre", "Herr Vogel"), as well as the ranks
    titles = title_pattern(title_words(personal=True) | _rank_titles())
    return re.compile(rf"\b(?:{titles})\.?[ \t]+(?P<word>(?:{_alternation(words)}))\b", re.I)


@lru_cache(maxsize=1)
def _rank_titles() -> frozenset[str]:
    """The ranks and offices of models/lexicon/titles.yaml ("DC", "Sgt", "Revd"): titles before a surname."""
    return title_words(personal=False)


def suffixes_by_use(
    text: str, people: list[tuple[int, int]], ordinary, fits=None, english=frozenset(), given=frozenset()
) -> frozenset[str]:
    """Words (case-folded) the draft uses AFTER a person's given name as a form of address ("Ayla Hanım",
    "Oren Hanım"; "Mina di"), the suffix analogue of `prefixes_by_use`.  A word right after a mention, or the
    last word of a two-word mention, counts when
      - it follows `suffix_min_distinct_names` or more different names,
      - it is one of the honorifics.yaml `suffix` words, in any case (a documented inventory),
      - it follows a keyed `given` name and is written nowhere in the draft but right after a name (a
        surname is also written alone or after a title), or
      - it is written in lower case after a capitalised name and is no `english` word (a name word never is).
    A word the parse reads as ordinary text after any name (`fits(word, offset)` false: a verb, "Musa
    attended") is none anywhere.  Never an `ordinary` word (English, listed or keyed name, title, place)
    unless written in lower case, and never a word written after Mr/Mrs/Ms anywhere in the draft (a surname)."""
    conf = _inferred_conf()
    listed = frozenset(honorifics()["suffix"])
    after: dict[str, set[str]] = {}
    lower: set[str] = set()
    seen: dict[str, int] = {}  # capitalised uses after a name
    keyed_after: set[str] = set()
    spelt: dict[str, str] = {}  # as first written, for the name lists
    read_as_text: set[str] = set()
    endings = tuple(str(e) for e in conf.get("suffix_not_endings") or ())
    for start, end in people:
        name = text[start:end]
        # a title already addresses the person ("Ms Fairweather lol"): a lower-case word after it is text
        # (a hyphened lower-case part continues the name itself: "Mrs Jang Mi-kyung")
        titled = _ADDRESS_TITLE.match(name) is not None and text[end : end + 1] != "-"
        found = []
        inner = _LAST_TWO.search(name)
        if inner and inner.group("name")[:1].isupper():
            found.append((inner.group("word"), inner.group("name"), start + inner.start("word")))
        m = _WORD_AFTER.match(text, end)
        last = re.findall(r"[^\W\d_][\w'’-]*", name)
        if m and last and last[-1][:1].isupper() and not name.endswith("."):
            found.append((m.group("word"), last[-1], m.start("word")))
        for word, before, at in found:
            low = word.casefold()
            spelt.setdefault(low, word)
            if fits is not None and not fits(word, at):
                read_as_text.add(low)  # one sense per draft: a word the parse reads as a verb once is no address
                continue
            after.setdefault(low, set()).add(fold(before).casefold())
            if (
                word.islower()
                and not titled
                and english
                and low not in english
                and low not in frequent_words()
                and not low.endswith(endings)
            ):
                lower.add(low)
            elif word[:1].isupper():
                seen[word] = seen.get(word, 0) + 1
                if fold(before).casefold() in given:
                    keyed_after.add(word)
    least = int(conf.get("suffix_min_distinct_names", 2))
    # how often each word stands alone in the text (a whole run of word characters, apostrophes and hyphens:
    # the words after names are letters only), counted in one pass, not one search per word
    runs = Counter(_WORD_RUN.findall(text)) if keyed_after else Counter()
    only_after = {w.casefold() for w in keyed_after if runs[w] <= seen[w]}
    words = {
        w
        for w, names in after.items()
        if w not in names
        and w not in read_as_text
        and (
            (w in lower and w not in given)
            or (
                (len(names) >= least or w in listed or w in only_after)
                and not ordinary(spelt[w][:1].upper() + spelt[w][1:])
            )
        )
    }
    title_re = _title_before_re(frozenset(words))
    if title_re:
        words -= {m.group("word").casefold() for m in title_re.finditer(text)}
    return frozenset(words)


# the English titles of address (rule b of `suffixes_by_use`); a form of address written after a name stands
# instead of one ("Ayla Hanım" is "Mrs Ayla"), not after one
_ADDRESS_TITLE = re.compile(r"(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?\s")


def inferred_suffix_end(text: str, end: int, words: frozenset[str]) -> int:
    """Where an inferred form of address right after a name ending at `end` ends ("Hanım" of "Ayla Hanım"),
    else `end`."""
    if not words:
        return end
    m = _WORD_AFTER.match(text, end)
    return m.end() if m and m.group("word").casefold() in words else end


_WORD_RUN = re.compile(r"[\w'’-]+")
