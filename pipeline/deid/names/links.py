"""Mentions where a keyed name stands beside another word of a name: who is meant.

A family's records mix names: a woman registered under her maiden name
("Nasima Begum", where Begum is her mother's keyed surname), an initial with
a relative's surname ("N. Begum"), a surname misspelt right after the
person's own first name ("Nasima Choudhury"), and a stranger who shares the
family's surname ("the interpreter, Anwar Chowdhury").  The exact matcher
sees two unrelated pieces; these passes decide the whole mention:

- a keyed first name followed by another keyed person's surname is the first
  name's person (the surname is a family name, the first name is personal);
- an initial before a keyed surname that no form of its people starts with
  goes to the keyed person whose first name has that initial, and is never
  left in the text;
- a capitalised word right after a keyed first name that is a close
  misspelling of the same person's keyed surname is that person;
- a listed first name that no keyed person has, before a keyed surname whose
  people all have keyed first names, is somebody else: the surname is left to
  the unknown-name pass, which gives the whole name one placeholder.

Raw matches are ``(start, end, matched, forms)`` as in
`pipeline.deid.names.known`.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from functools import lru_cache

from rapidfuzz.distance import OSA

from ...lexicon import before_name_words, honorifics, kin_words, title_pattern
from ...regex_cache import all_matches
from ..keyfile import title_genders
from . import role_cues
from .declared_pairs import declared_pairs
from .folding import fold
from .initials import entry_author
from .initials import settings as initials_settings

_GAP = re.compile(r"[ \t]+|[ \t]*\n[ \t]*")
# "N. Begum", "I. S. Begum" (the first of several initials decides), "Mrs N Begum" (after a title, no stop needed)
_INITIAL_BEFORE = re.compile(r"(?<![\w.])(?P<letter>[A-Z])\.[ \t]*(?:[A-Z]\.[ \t]*){0,2}$")
_TITLED_LETTER_BEFORE = r"(?<![\w.])(?P<title>{titles})\.?[ \t]+(?P<letter>[A-Z])\.?[ \t]*(?:[A-Z]\.?[ \t]+){{0,2}}$"
_NEXT_WORD = re.compile(r"([ \t]+|[ \t]*\n[ \t]*)([A-Z][\w'’-]*[^\W\d_])")
_PREV_WORD = re.compile(r"(?<![\w'’-])([A-Z][^\W\d_]+)[ \t]+$")


def _first_forms(forms) -> bool:
    return len(forms) == 1 and forms[0].rule in ("first_name", "listed")


def link(matcher, text: str, raw: list, strangers: set | None = None) -> list:
    """`raw` with family mentions joined and strangers' surnames dropped (see the module doc); the dropped
    surnames (folded, lower case) are added to `strangers`."""
    raw = _double_surname_slips(matcher, text, sorted(raw, key=lambda r: r[0]))
    raw = _initial_before_surname(matcher, text, raw)
    raw = _first_name_with_other_surname(matcher, text, raw)
    raw = own_name_runs(matcher, text, raw)
    raw = _bracketed_given_runs(matcher, text, raw)
    new_names: list[tuple[str, str]] = []
    declared = _declarations(matcher, text, raw)
    raw = _drop_strangers_surnames(
        matcher, text, raw, strangers if strangers is not None else set(), new_names, declared
    )
    raw = (
        raw + _surname_slips(matcher, text, raw) + _kin_initials(matcher, text, raw) + _broken_words(matcher, text, raw)
    )
    raw = raw + aliases(matcher, text, raw)
    raw = _collar_numbers(text, raw + _name_uses(text, raw, new_names))
    return _surname_letter_after(matcher, text, raw)


_LETTER_AFTER = re.compile(r"[ \t]+([A-Z])\.(?![\w'’.-])(?![ \t]*[A-Z][\w'’-]*[^\W\d_])")


def _surname_letter_after(matcher, text: str, raw: list) -> list:
    """ "Lindani M." on a register, "Nelu D." of a declared pet name: a keyed first name (or a name the draft
    gives the person) and a surname's initial with its stop (one the key
    does not give, so no derived form has it) is the person, letter and all; not before a capitalised word
    ("Jade M. Smith" is somebody's full name) and never a letter the draft uses as a code."""
    out = []
    for start, end, matched, forms in raw:
        given = _first_forms(forms) or (len(forms) == 1 and forms[0].rule == "alias")  # "Nelu D." of a pet name
        m = _LETTER_AFTER.match(text, end) if given else None
        if m is not None and m.group(1) not in matcher.protected and f"{m.group(1)}." not in matcher.protected:
            end = m.end()
            matched = text[start:end]
        out.append((start, end, matched, forms))
    return out


@lru_cache(maxsize=1)
def _collar_number_before() -> re.Pattern:
    """A rank and a collar number right before a name: "PC 4471 " (models/names/keyed_forms.yaml)."""
    from .known import record_field_words

    ranks, _, low, high = record_field_words()
    return re.compile(rf"(?<![\w.])(?:{ranks})\.?[ \t]+\d{{{low},{high}}}[ \t]+$")


def _collar_numbers(text: str, raw: list) -> list:
    """ "PC 4471 Reading": a keyed surname after a rank and a collar number takes them into its mention (the
    number identifies the officer as surely as the name)."""
    rx = _collar_number_before()
    out = []
    for start, end, matched, forms in raw:
        m = rx.search(text, max(0, start - 24), start)
        if m is not None:
            start, matched = m.start(), text[m.start() : end]
        out.append((start, end, matched, forms))
    return out


def _name_uses(text: str, raw: list, new_names: list[tuple[str, str]]) -> list:
    """Every other capitalised use of a first name the draft showed a keyed person going by ("Winnie")."""
    from .known import NameForm

    out = []
    taken = [(r[0], r[1]) for r in raw]
    for word, code in dict(new_names).items():
        for m in re.finditer(rf"(?<![\w@-]){re.escape(word)}(?![\w-])", text):
            if not any(s < m.end() and m.start() < e for s, e in taken):
                out.append(
                    (m.start(), m.end(), word, [NameForm(text=word, code=code, rule="alias", tokens=(("word", word),))])
                )
                taken.append((m.start(), m.end()))
    return out


def _double_surname_slips(matcher, text: str, raw: list) -> list:
    """ "Campbell White" of a keyed Campbell-Whyte: a double-barrelled surname written without its hyphen and
    with one slip in its second part is that person, not the first part's own keyed person."""
    from .known import NameForm

    found = []
    folded = None
    for kw in matcher.keyed_words:
        parts = [p for p in re.split(r"[-‐‑]", kw.word) if p]
        if kw.first or len(parts) != 2 or len(parts[1]) < 4:
            continue
        second = fold(parts[1]).casefold()
        folded = fold(text) if folded is None else folded
        for m in re.finditer(rf"(?<![\w-]){re.escape(fold(parts[0]))}[ \t]+([A-Z][^\W\d_]+)(?![\w-])", folded):
            word = fold(m.group(1)).casefold()
            if word[:1] == second[:1] and 0 < OSA.distance(word, second) <= 1:
                found.append(
                    (
                        m.start(),
                        m.end(),
                        text[m.start() : m.end()],
                        [NameForm(text=kw.word, code=kw.code, rule="misspelling", tokens=(("word", kw.word),))],
                    )
                )
    if not found:
        return raw
    kept = [r for r in raw if not any(s < r[1] and r[0] < e for s, e, _, _ in found)]
    return sorted(kept + found, key=lambda r: r[0])


def _bare_surname(matcher, forms) -> bool:
    return all(matcher._is_surname(f) for f in forms) and all(k == "word" for k, _ in forms[0].tokens)


def _first_initials(matcher) -> dict[str, list[str]]:
    """Initial letter -> codes of keyed people whose (first) given name starts with it."""
    out: dict[str, list[str]] = {}
    for kw in matcher.keyed_words:
        if kw.first and kw.word[:1].isalpha():
            codes = out.setdefault(fold(kw.word[0]).upper(), [])
            if kw.code not in codes:
                codes.append(kw.code)
    return out


def _initial_before_surname(matcher, text: str, raw: list) -> list:
    """ "N. Begum": the keyed Begum's initial is A, Nasima's is N."""
    from .known import NameForm

    initials = _first_initials(matcher)
    out: list = []
    for start, end, matched, forms in raw:
        m = _letters_before(text, start) if _bare_surname(matcher, forms) else None
        if m is None or _middle_initial(matcher, text, m.start(), {f.code for f in forms}, out):
            out.append((start, end, matched, forms))  # "Kofi B. Asare": his middle initial, not B. somebody
            continue
        letter = m.group("letter")
        bearers = {f.code for f in forms}
        fits = initials.get(letter, [])
        codes = [c for c in fits if c not in bearers] or [c for c in fits if c in bearers] or sorted(bearers)
        codes = _of_the_family(matcher, codes, bearers) or codes  # "Mrs H Danjuma": the Danjuma children's mother
        title = _title_lookup().get(m.group("title").casefold()) if "title" in m.groupdict() else None
        begin = m.start("title") if title else m.start("letter")
        new_forms = [
            NameForm(
                text=f"{letter}. {matched}",
                code=c,
                rule="initial_surname",
                tokens=((("title", title),) if title else ()) + (("initial", letter), ("word", matched)),
                title_gender=title_genders().get(title) if title else None,
            )
            for c in codes
        ]
        out.append((begin, end, text[begin:end], new_forms))
    return out


def _middle_initial(matcher, text: str, at: int, bearers: set[str], before: list) -> bool:
    """The initial at `at` stands right after a keyed given name of one of the surname's bearers (a match
    ending there): a middle initial of that person ("Bence C. Varga"), not another person's initial."""
    prev = before[-1] if before else None
    return bool(
        prev is not None
        and re.fullmatch(r"[ \t]+", text[prev[1] : at])
        and any(f.code in bearers and not matcher._is_surname(f) for f in prev[3])
    )


def _of_the_family(matcher, codes: list[str], bearers: set[str]) -> list[str]:
    """Of several people an initial fits, those the key's roles make a parent in the family of the surname's
    bearers (a parent of the same child, or of a bearer): a family surname is more likely theirs than a
    grandparent's or a practitioner's with the same initial."""
    from .known import _family_roles

    if len(codes) < 2:
        return codes
    family = _family_roles(matcher.key)
    parent_of = family["parent_of"]
    refs = {parent_of[b][0] for b in bearers if b in parent_of}
    refs |= {ref for ref, child in family["child"].items() if child in bearers}
    return [c for c in codes if c in parent_of and parent_of[c][0] in refs]


def _letters_before(text: str, start: int) -> re.Match | None:
    """The initials right before a surname: "N. ", "I. S. ", or after a title "Mrs N " (the first decides)."""
    titled = _titled_letters().search(text, max(0, start - 24), start)
    return titled or _INITIAL_BEFORE.search(text, max(0, start - 12), start)


@lru_cache(maxsize=1)
def _titled_letters() -> re.Pattern:
    from .known import _title_lookup

    titles = "|".join(sorted(map(re.escape, _title_lookup().values()), key=len, reverse=True))
    return re.compile(_TITLED_LETTER_BEFORE.format(titles=titles))


def _title_lookup() -> dict[str, str]:
    from .known import _title_lookup as lookup

    return lookup()


_DERIVED = ("misspelling", "short_form", "nickname")


def _keyed_as(matcher, form, first: bool) -> bool:
    """A derived form ("Hawa", "Berzin") of a keyed first name (`first`) or surname of its person."""
    if form.rule not in _DERIVED:
        return False
    folded = fold(form.text).casefold()
    return any(kw.code == form.code and kw.folded == folded and kw.first == first for kw in matcher.keyed_words)


def first_name_with_family_slip(matcher, text: str, raw: list) -> list:
    """ "Hawa Danjuma", "Marta Berzin": as `_first_name_with_other_surname` when the first name or the
    surname is a slip of a keyed one (found by the derived-form pass): the given name decides."""
    return _first_name_with_other_surname(matcher, text, sorted(raw, key=lambda r: r[0]), derived=True)


def _first_name_with_other_surname(matcher, text: str, raw: list, derived: bool = False) -> list:
    """ "Nasima Begum": a keyed first name, then a surname keyed for somebody else only."""
    from .known import NameForm

    def first(forms) -> bool:
        return (
            (_first_forms(forms) and not matcher._is_surname(forms[0]))
            or (len(forms) == 1 and forms[0].rule == "title_first_name")  # "Mrs Ildiko Varga": a married name
            or (derived and len(forms) == 1 and _keyed_as(matcher, forms[0], True))
        )

    def surname(forms) -> bool:
        return _bare_surname(matcher, forms) or (derived and all(_keyed_as(matcher, f, False) for f in forms))

    out: list = []
    for r in raw:
        if out:
            start, end, matched, forms = out[-1]
            gap = text[end : r[0]]
            if (
                first(forms)
                and _GAP.fullmatch(gap)
                and surname(r[3])
                and forms[0].code not in {f.code for f in r[3]}
                and not r[2][:1].islower()
            ):
                f = forms[0]
                joined = NameForm(
                    text=f"{f.text} {r[2]}", code=f.code, rule="full_name", tokens=f.tokens + (("word", r[2]),)
                )
                out[-1] = (start, r[1], text[start : r[1]], [joined])
                continue
            if _record_surname_first(text, out[-1], r) and surname(forms) and first(r[3]):
                f = r[3][0]
                if f.code not in {g.code for g in forms}:  # "ORBAN, Ildiko": her maiden name on an old record
                    stop = m.end() if (m := _INITIAL_AFTER.match(text, r[1])) else r[1]  # "BOATENG, Akosua S."
                    joined = NameForm(
                        text=f"{matched} {f.text}",
                        code=f.code,
                        rule="full_name",
                        tokens=(("word", matched),) + f.tokens,
                    )
                    out[-1] = (start, stop, text[start:stop], [joined])
                    continue
        out.append(r)
    return out


def own_name_runs(matcher, text: str, raw: list) -> list:
    """ "Sagal Jama", "Hodan Ali FARAH", "Mustafe Jama": one keyed person's given name, then words that spell
    words of that same person's keyed name in another spelling or case (a record's English spelling of a
    Somali name, a name in capitals).  The whole run is the given name's person, even where a word of it is
    also a relative's (the father's name inside his child's name) or was declared for a relative ("the forms
    call him Mr Jama"): the mention as a whole decides, not its last word."""
    from .derived import classify, declared_spellings, family_spelling
    from .known import NameForm

    spellings: list = []  # the family's letters and the declared spellings, read once when first needed
    # a review repeats its names: decide each word once per person (None: not theirs; True: only as a misspelling)
    seen: dict[tuple[str, str], bool | None] = {}

    def own_word(word: str, code: str) -> bool | None:
        if (word, code) not in seen:
            if not spellings:
                spellings.extend((family_spelling(text), declared_spellings(text, matcher.keyed_words)))
            spelling, declared = spellings
            own = [kw for kw in matcher.keyed_words if kw.code == code]
            folded = fold(word).casefold()
            if any(kw.folded == folded or (folded, kw.folded) in declared for kw in own):
                seen[(word, code)] = False
            elif any(rule == "misspelling" for *_, rule in classify(word, own, (), frozenset({code}), spelling)):
                seen[(word, code)] = True
            else:
                seen[(word, code)] = None
        return seen[(word, code)]

    out: list = []
    skip_to = -1
    for r in sorted(raw, key=lambda r: r[0]):
        if r[0] < skip_to:
            continue
        code = _given_name_owner(matcher, r[3])
        end = r[1]
        slip = False  # a word of the run is the person's only as a misspelling: verify reports the mention misspelt
        if code is not None:
            while (m := _NEXT_WORD.match(text, end)) and (misspelt := own_word(m.group(2), code)) is not None:
                end = m.end()
                slip = slip or misspelt
        if code is not None and end > r[1]:
            f = r[3][0]
            words = tuple(("word", w) for w in text[r[1] : end].split())
            rule = f"{f.rule}+misspelling" if slip else f.rule
            joined = NameForm(text=text[r[0] : end], code=code, rule=rule, tokens=f.tokens + words)
            out.append((r[0], end, text[r[0] : end], [joined]))
            skip_to = end
            continue
        out.append(r)
    return out


def _given_name_owner(matcher, forms) -> str | None:
    """The one keyed person whose given name (alone or in a full name) the mention is, else None."""
    codes = {f.code for f in forms}
    given = any(f.rule in ("first_name", "listed", "full_name") for f in forms)
    if len(codes) != 1 or not (given or (len(forms) == 1 and _keyed_as(matcher, forms[0], True))):
        return None  # "Jamal" of a keyed Cemal is his given name too
    return next(iter(codes))


_INITIAL_AFTER = re.compile(r"[ \t]+[A-Z]\.(?![\w'’-])")


def _record_surname_first(text: str, a, b) -> bool:
    """ "ORBAN, Ildiko", "SZABO Erzsi": a surname in capitals, a comma or a space, then a name not in capitals, as
    records and registers write a person (a list of surnames, "Reed, Frost and Ingram", is not in capitals)."""
    return bool(
        _RECORD_COMMA.fullmatch(text[a[1] : b[0]])
        and a[2].isupper()
        and len(a[2]) > 1
        and not b[2].isupper()
        and " " not in a[2].strip()
    )


_RECORD_COMMA = re.compile(r",?[ \t]+")  # "ORBAN, Ildiko"; police systems also write "ORBAN Ildiko"


@lru_cache(maxsize=2)
def _maiden_cue(former: bool = True) -> re.Pattern | None:
    """The words that put a birth surname after a person's name (name_context.yaml `maiden_name_cues`, with
    `former`: also `former_name_cues`), as the text between the person's mention and the surname."""
    from .derived import settings

    cues = list(settings().get("maiden_name_cues") or ()) + list(
        (settings().get("former_name_cues") or ()) if former else ()
    )
    if not cues:
        return None
    return re.compile(r"[ \t]*[(,;]?[ \t]*(?:" + "|".join(cues) + r")[ \t]*:?[ \t]+", re.IGNORECASE)


def maiden_names(matcher, text: str, raw: list) -> list:
    """ "Ildiko Varga (née Orban)", "Ana Costa, born Silva": a keyed surname right after a maiden-name
    cue that follows a mention of one keyed person is that person's birth surname, whoever else the key gives it
    to (her half-sister, her mother)."""
    from .known import NameForm

    cue = _maiden_cue()
    if cue is None:
        return raw
    out: list = []
    for r in sorted(raw, key=lambda r: r[0]):
        code = _name_owner(text, out, len(out) - 1) if out and cue.fullmatch(text, out[-1][1], r[0]) else None
        if code is not None and _bare_surname(matcher, r[3]):
            r = (r[0], r[1], r[2], [NameForm(text=r[2], code=code, rule="surname", tokens=(("word", r[2]),))])
        out.append(r)
    strong = _maiden_cue(former=False)
    if strong is None:
        return out
    return _unkeyed_maiden_names(matcher, text, _declared_maiden_full_names(text, out), strong)


@lru_cache(maxsize=1)
def _maiden_cue_before() -> re.Pattern | None:
    """A maiden-name cue right before a full name: "went back to her maiden name, Beata Wieczorek"."""
    from .derived import settings

    cues = list(settings().get("maiden_name_cues") or ())
    return re.compile(r"(?:" + "|".join(cues) + r")[ \t]*[,:]?[ \t]+$", re.IGNORECASE) if cues else None


def _declared_maiden_full_names(text: str, raw: list) -> list:
    """ "her maiden name, Beata Wieczorek": a keyed given name after a maiden-name cue, and the capitalised word
    after it, are that person's full name under her birth surname, there and wherever the draft writes the two
    together.  Only the pair: the surname alone is also her birth family's ("her brother Józef Wieczorek")."""
    cue = _maiden_cue_before()
    if cue is None:
        return raw
    pairs: dict[tuple[str, str], str] = {}
    for r in raw:
        if not _first_forms(r[3]) or not cue.search(text, max(0, r[0] - 40), r[0]):
            continue
        found = _CAPITALISED.match(text, r[1] + 1) if text[r[1] : r[1] + 1] == " " else None
        if found is not None and not any(s < found.end() and found.start() < e for s, e, _, _ in raw):
            pairs.setdefault((r[2], found.group(0)), r[3][0].code)
    if not pairs:
        return raw
    from .known import NameForm

    out = list(raw)
    for i, r in enumerate(out):
        for (given, surname), code in pairs.items():
            after = text[r[1] : r[1] + 1 + len(surname)]
            if r[2] == given and after == " " + surname and _CAPITALISED.match(text, r[1] + 1):
                whole = text[r[0] : r[1] + 1 + len(surname)]
                tokens = (("word", given), ("word", surname))
                out[i] = (r[0], r[0] + len(whole), whole, [NameForm(whole, code, "full_name", tokens=tokens)])
    return out


_CAPITALISED = re.compile(r"(?-i:[A-Z])[^\W\d_]+(?:[-‐‑](?-i:[A-Z])[^\W\d_]+)?(?![\w'’-])")


def _unkeyed_maiden_names(matcher, text: str, raw: list, cue: re.Pattern) -> list:
    """ "Kirsty Lomax (née Fairbairn)": a surname nobody is keyed with, after a maiden-name cue that follows a
    mention of one keyed person, is that person's, there and wherever the draft then writes it alone or after
    a title of the person's gender ("Ms Fairbairn"); never after a title of the other gender ("Mr Fairbairn"
    is her father).  A surname that is also an English word ("née Ward") is hers only where a name stands:
    the declaration itself, after a title, after her keyed given name ("Bridget Ward") and in a record's
    "Ward, Bridget"; alone it is the word ("on Ward 12", "the ward")."""
    from .known import _stop_words

    learned: dict[str, str] = {}
    words: set[str] = set()
    declarations: set[int] = set()
    for i, r in enumerate(raw):
        code = _name_owner(text, raw, i)
        gap = cue.match(text, r[1]) if code else None
        found = _CAPITALISED.match(text, gap.end()) if gap else None
        if code is None or found is None or any(s < found.end() and found.start() < e for s, e, _, _ in raw):
            continue
        low = fold(found.group(0)).casefold()
        if low in _stop_words() or low in _titles():
            continue
        if low in matcher.lexicon:
            words.add(found.group(0))
            declarations.add(found.start())
        learned.setdefault(found.group(0), code)
    if not learned:
        return raw
    out = list(raw)
    taken = [(r[0], r[1]) for r in raw]
    for word, code in learned.items():
        for m in re.finditer(rf"(?<![\w@-]){re.escape(word)}(?![\w'’-])", text, re.IGNORECASE):
            if m.group(0)[:1].islower() or any(s < m.end() and m.start() < e for s, e in taken):
                continue
            hit = _maiden_name_use(matcher, text, m, code, word in words and m.start() not in declarations)
            if hit is not None:
                out.append(hit)
                taken.append((hit[0], hit[1]))
    return sorted(out, key=lambda r: r[0])


def _maiden_name_use(matcher, text: str, m: re.Match, code: str, a_word: bool):
    """The (start, end, matched, forms) hit of one use of a learned maiden name `m`, or None: not before a
    place's or an organisation's word, not after a title of the other gender, and, when the surname is an
    English word, only after a title, after the person's given name, or before ", Given" (`_given_beside`)."""
    from .derived import _before_org_or_place
    from .known import NameForm

    if _before_org_or_place(text, m.end()):
        return None  # "Fairbairn Road"
    titles = title_genders()
    gender = matcher.people[code].gender
    title = _TITLE_WORD_BEFORE.search(text, max(0, m.start() - 12), m.start())
    said = next((t for t in titles if title and t.casefold() == title.group(1).casefold()), None)
    if said and titles[said] and gender and titles[said] != gender:
        return None
    if a_word and not said and not m.group(0).isupper() and not m.group(0)[1:].islower():
        return None
    if a_word and not said and not _given_beside(matcher, text, m, code):
        return None
    start = title.start(1) if said and title else m.start()
    word = m.group(0)
    tokens = ((("title", said),) if said else ()) + (("word", word),)
    form = NameForm(
        text=text[start : m.end()],
        code=code,
        rule="title_surname" if said else "surname",
        tokens=tokens,
        title_gender=titles[said] if said else None,
    )
    return (start, m.end(), text[start : m.end()], [form])


def _given_beside(matcher, text: str, m: re.Match, code: str) -> bool:
    """The person's keyed given name right before the surname ("Bridget Ward") or after it and a comma, the
    order of a record ("WARD, Bridget", "Ward, Bridget")."""
    given = {kw.folded for kw in matcher.keyed_words if kw.code == code and kw.first}
    before = re.search(r"([^\W\d_][\w'’-]*)[ \t]+$", text[max(0, m.start() - 30) : m.start()])
    after = re.match(r",[ \t]*([^\W\d_][\w'’-]*)", text[m.end() : m.end() + 30])
    return any(g is not None and fold(g.group(1)).casefold() in given for g in (before, after))


_TITLE_WORD_BEFORE = re.compile(r"(?<![\w.])([A-Z][a-z]{1,5})\.?[ \t]+$")


_IN_NAME_GAP = re.compile(r"[ \t]+(?:[A-Z][\w'’-]+[ \t]+)?")


def _name_owner(text: str, raw: list, i: int) -> str | None:
    """The one keyed person the name ending with `raw[i]` names: its own code, or, when that piece is
    shared ("Varga" of "Ildiko Piroska Varga"), the code of a sure first piece of the same name that the
    shared piece allows."""
    codes = {f.code for f in raw[i][3]}
    while len(codes) > 1 and i > 0 and _IN_NAME_GAP.fullmatch(text, raw[i - 1][1], raw[i][0]):
        i -= 1
        earlier = {f.code for f in raw[i][3]}
        if len(earlier) == 1 and earlier <= codes:
            codes = earlier
    return next(iter(codes)) if len(codes) == 1 else None


def _surname_or_titled(matcher, forms) -> bool:
    """A surname alone or after a title ("Orban", "Ms Orban"), not a form with a given name or initial."""
    return all(f.rule == "title_surname" or matcher._is_surname(f) for f in forms)


def _name_words(matched: str) -> list[str]:
    return [fold(w).casefold() for w in re.findall(r"[^\W\d_][\w'’]*", matched)]


def declared_surnames(matcher, text: str, raw: list) -> list:
    """A surname the draft itself gives a keyed adult, as their birth or former name, that the key gives only
    to keyed children ("registered under her maiden name, Ildiko Orban", the surname of her son by an earlier
    partner): wherever it then stands alone or after a title ("Orban", "Ms Orban") the adult is a candidate
    too, and the usual choice (a child is not called by a bare surname or "Ms") decides.  Learned from the
    mentions that name one keyed person with another person's surname (`_first_name_with_other_surname`, a
    record's "ORBAN, Ildiko", `maiden_names`)."""
    from .known import NameForm

    surnames: dict[str, set[str]] = {}
    own_words: dict[str, set[str]] = {}
    for kw in matcher.keyed_words:
        own_words.setdefault(kw.code, set()).add(kw.folded)
        if not kw.first:
            surnames.setdefault(kw.folded, set()).add(kw.code)
    declared: dict[str, set[str]] = {}
    for _start, _end, matched, forms in raw:
        codes = {f.code for f in forms}
        if len(codes) != 1:
            continue
        code = next(iter(codes))
        for w in _name_words(matched):
            if w in surnames and w not in own_words.get(code, ()) and code not in surnames[w]:
                declared.setdefault(w, set()).add(code)
    if not declared:
        return raw
    out = []
    for r in raw:
        words = _name_words(r[2])
        adults = declared.get(words[-1], set()) if words and _surname_or_titled(matcher, r[3]) else set()
        adults = {c for c in adults if not matcher.people[c].child}
        if adults and all(matcher.people[f.code].child for f in r[3]) and len(adults) == 1:
            f = r[3][0]
            extra = NameForm(text=f.text, code=adults.pop(), rule=f.rule, title_gender=f.title_gender, tokens=f.tokens)
            r = (r[0], r[1], r[2], list(r[3]) + [extra])
        out.append(r)
    return out


def _drop_strangers_surnames(
    matcher, text: str, raw: list, strangers: set, new_names: list, declared: dict[str, str] | None = None
) -> list:
    """ "Anwar Chowdhury", "Adewale Ogunleye": a name word nobody keyed (a listed first name or no
    English word) before a keyed surname whose people all have keyed first names: another person,
    for the unknown-name pass.  Not a name the draft gives the surname's person ("His full name is Piotr
    Marek Nowak ... 'Marek Nowak'": `declared`)."""
    from .derived import classify, is_other_name, org_heads
    from .known import _known_places

    taken_ends = {r[1]: {f.code for f in r[3]} for r in raw}
    out = []
    for r in raw:
        start, end, matched, forms = r
        prev = _PREV_WORD.search(text, max(0, start - 30), start) if _bare_surname(matcher, forms) else None
        if prev is None or prev.end(1) in taken_ends or "\n" in text[prev.end(1) : start]:
            out.append(r)
            continue
        if _after_own_first_name(text, start, taken_ends, {f.code for f in forms}):
            out.append(r)  # "Hodan Yusuf Abdi", "Yusuf ibn Tariq al-Hashimi": middle names the key omits
            continue
        word = prev.group(1)
        codes = {f.code for f in forms}
        if declared and declared.get(word) in codes:
            out.append(r)
            continue
        firsts = [kw for kw in matcher.keyed_words if kw.code in codes and kw.first]
        if word.casefold() in _kin_words():
            out.append(r)  # "Baby Gebremedhin", "Uncle Okafor": a kinship word, not a first name
            continue
        if (
            is_other_name(word)
            and word not in org_heads()
            and fold(word).casefold() not in _known_places()
            and {kw.code for kw in firsts} == codes
            and word.rstrip(".").casefold() not in _titles()
            and not any(kw.folded == fold(word).casefold() for kw in matcher.keyed_words)
            and not classify(word, [kw for kw in matcher.keyed_words if kw.first])  # "Hawa" of a keyed Hauwa
        ):
            code = _role_beside(matcher, text, prev.start(1), end, codes)
            if code:  # "| Childminder | Winnie Wong |": the keyed childminder under the name she goes by
                new_names.append((word, code))
                out.append((prev.start(1), end, text[prev.start(1) : end], [f for f in forms if f.code == code]))
                continue
            strangers.add(fold(matched).casefold())
            continue
        out.append(r)
    return out


_GENERIC_HEADS = frozenset("worker officer nurse manager lead visitor practitioner teacher coordinator team".split())


def _role_phrase(role: str) -> str:
    """The head of a keyed role ("Childminder", "social worker" of "Lead social worker"; "mother" of
    "Child D's mother"), lower case."""
    words = re.sub(r"^.*['’]s\s+", "", role).casefold().replace(",", " ").split()
    words = [w for w in words if w.isalpha() or "-" in w]
    if not words:
        return ""
    return " ".join(words[-2:]) if words[-1] in _GENERIC_HEADS and len(words) > 1 else words[-1]


def _role_beside(matcher, text: str, start: int, end: int, codes: set[str]) -> str | None:
    """The one keyed person of `codes` whose role the draft puts right beside the name: in the same table
    row ("| Childminder | Winnie Wong |") or just before it in the sentence ("the childminder, Winnie Wong")."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    row = line.count("|") >= 2
    window = line.casefold() if row else text[max(line_start, start - 50) : start].casefold()
    after = "" if row else r"[ \t]*[,:(]?[ \t]*$"  # in prose the role must be right before the name
    found = [
        c
        for c in codes
        if (phrase := _role_phrase(matcher.people[c].role))
        and len(phrase) >= 4
        and (m := re.search(rf"(?<!\w){re.escape(phrase)}(?!\w){after}", window))
        and not _relative_of_relative(window[: m.start()])
    ]
    return found[0] if len(found) == 1 else None


def _relative_of_relative(before: str) -> bool:
    """ "the father's father, Ifor Pritchard": the role word is another relative's relative (a grandfather, an
    uncle), not the keyed holder of the role."""
    m = re.search(r"([^\W\d_]+)['’]s[ \t]+$", before)
    return m is not None and m.group(1).casefold() in {k.word for k in kin_words()}


def _after_own_first_name(text: str, start: int, taken_ends: dict, codes: set[str]) -> bool:
    """Whether one or two capitalised words (perhaps after "bin", "ap", "van") lie between a mention of the
    same people and `start`: the surname closes a full name with middle names the key leaves out."""
    from .known import _MIDDLE_WORD

    for end in range(max(0, start - 40), start):
        if taken_ends.get(end, set()) & codes and _MIDDLE_WORD.fullmatch(text, end, start):
            return True
    return False


def _kin_words() -> frozenset[str]:
    from .derived import settings

    return before_name_words() | frozenset(settings().get("child_before", ()))


def _titles() -> frozenset[str]:
    from .known import _title_lookup

    return frozenset(_title_lookup())


def _surname_slips(matcher, text: str, raw: list) -> list:
    """ "Nasima Choudhury": right after a keyed first name, a close misspelling of the same person's
    keyed surname (one edit, two from eight letters; same first letter) is that person, even when
    the misspelling is a real surname of its own."""
    from .known import NameForm

    starts = {r[0] for r in raw}
    out = []
    for _start, end, _matched, forms in raw:
        if not _first_forms(forms) or matcher._is_surname(forms[0]):
            continue
        m = _NEXT_WORD.match(text, end, min(len(text), end + 60))
        if m is None or m.start(2) in starts:
            continue
        word = m.group(2)
        folded = fold(word).casefold()
        code = forms[0].code
        for kw in matcher.keyed_words:
            if kw.code != code or kw.first or kw.folded[:1] != folded[:1] or kw.folded == folded:
                continue
            limit = 2 if min(len(folded), len(kw.folded)) >= 8 else 1
            if len(kw.folded) >= 4 and OSA.distance(folded, kw.folded) <= limit:
                out.append(
                    (
                        m.start(2),
                        m.end(2),
                        word,
                        [NameForm(text=kw.word, code=code, rule="misspelling", tokens=(("word", kw.word),))],
                    )
                )
                break
    return out


# ---------------------------------------------------------------- names given in the text
# inside quotes, a declared name may have two or three words, each capitalised, up to the closing quote:
# 'call her "Po Po"', 'at home she is "Yan Yan" or "Ah Yan"', 'known to the children as "Ammo Ammar"'
_QUOTED_MORE_WORDS = r"(?(quote)(?:(?:[ \t]+(?-i:[A-Z])[^\W\d_]+(?:-[^\W\d_]+)?){1,2}(?=[\"'’”]))?|)"
# what may follow a name given in the text: a closing quote, punctuation, the line's end, or a word
# that starts a new phrase ("known as Kemi at school"); never a noun ("a condition known as Perthes disease")
_ALIAS_END = (
    r"(?=[\"'’”]|[.,;:!?)\n]|$|[ \t]+\(|[ \t]+(?:and|or|but|at|in|on|to|by|who|when|since|for|because|which|while|from|"
    r"with|until|throughout|instead|rather|as|like|after|before|though|although|if|so|even)\b)"
)


def _cue_alternation(cues_key: str) -> str | None:
    """One regex alternation of the cue patterns listed under `cues_key` in name_context.yaml (None when none)."""
    from .derived import settings

    cues = settings().get(cues_key) or ()
    return "|".join(f"(?:{c})" for c in cues) if cues else None


@lru_cache(maxsize=2)
def _alias_regex(cues_key: str = "alias_cues") -> re.Pattern | None:
    """The alias cues of name_context.yaml (`alias_cues`, or `alias_list_cues`) and the name after one."""
    alternatives = _cue_alternation(cues_key)
    if alternatives is None:
        return None
    kin = title_pattern(before_name_words())
    return re.compile(
        rf"(?<![\w-])(?:{alternatives})(?P<quote>[\"'‘“])?(?:(?:{kin})[ \t]+)?"
        rf"(?P<alias>(?-i:[A-Z])(?:[^\W\d_]+|(?=-))(?:-(?-i:[A-Z])[^\W\d_]+)?{_QUOTED_MORE_WORDS})"
        r"(?![\w'’-]*[ \t]+(?-i:[A-Z]))" + _ALIAS_END,
        re.IGNORECASE,
    )


# the further names of a declared list: 'call him Kalpeshbhai or Kalu', 'recorded as "Beti", "Betiye" and "Bety"'
# (after a quoted name, a short lower-case note, a bracketed gloss or both may stand before the next: '"Ah Hei" at
# home and "Hei Jai" to his grandmother', '"Mimi" (little one) by her grandmother and "Rara" by her mother'; the
# next name must then be quoted too).  After an unquoted name only a bracketed gloss may ("call her Anneanne
# (mother's mother) or Nine"), and after "or"/"and" an aside set off by commas ("or, more often, Nine") or one of
# name_context.yaml `alias_list_adverbs` ("and sometimes Captain") says how often the next name is used.
@lru_cache(maxsize=1)
def _alias_more() -> re.Pattern[str]:
    from .derived import settings

    adverbs = "|".join(settings().get("alias_list_adverbs") or ("sometimes",))
    return re.compile(
        r"[\"'’”]?(?:(?<=[\"'’”])(?P<note>(?:[ \t]*\([^()\n]{1,40}\))?(?:[ \t]+[a-z]+){1,3}|[ \t]*\([^()\n]{1,40}\)))?"
        r"(?(note)|(?P<gloss>[ \t]*\([^()\n]{1,40}\))?)"
        r"(?:[ \t]*,?[ \t]+(?:or|and)[ \t]*,[ \t]*(?:[a-z]+[ \t]+){0,3}[a-z]+[ \t]*,[ \t]*"
        rf"|[ \t]+(?:or|and)[ \t]+(?:{adverbs})[ \t]+"
        r"|[ \t]*,[ \t]*(?:(?:or|and)[ \t]+)?|[ \t]+(?:or|and)[ \t]+)(?P<quote>[\"'‘“])?"
        r"(?P<alias>[A-Z][^\W\d_]+(?:-[A-Z][^\W\d_]+)?" + _QUOTED_MORE_WORDS + r")(?![\w'’-]*[ \t]+[A-Z])" + _ALIAS_END
    )


# a quoted list of names in brackets right after a person's name: 'Reyansh Solanki ("Rey", "Reyu" at home)'
# (also after the person's name in another script or order: 'Ethan Chan (Chan Chun-hei; "Ah Hei" at home)')
# (and after a naming word inside the brackets: 'Munkh-Orgil (known as "Mogi")', 'Riikka (aka "Riikkis")')
_BRACKETED_ALIAS = re.compile(
    r"[ \t]*\([ \t]*(?:[A-Z][^\W\d_]+(?:-[^\W\d_]+)?(?:[ \t]+[A-Z][^\W\d_]+(?:-[^\W\d_]+)?){0,3}[ \t]*[;,][ \t]*)?"
    r"(?P<cue>(?:(?:also[ \t]+)?known[ \t]+as|a\.?k\.?a\.?|called|nicknamed|goes[ \t]+by)[ \t]+)?"
    r"(?P<quote>[\"“‘])(?P<alias>[A-Z][^\W\d_]+(?:-[A-Z][^\W\d_]+)?" + _QUOTED_MORE_WORDS + r")[\"”’]"
)
# a person's name written again in brackets, in another order or with more of it, right after a mention:
# "Natalie Wong (Wong Mei-ling)", "Rodrigo Pereira (Rodrigo Alves Pereira)"
_BRACKETED_FULL_NAME = re.compile(
    r"[ \t]*\([ \t]*(?P<run>[A-Z][^\W\d_]+(?:-[^\W\d_]+)?(?:[ \t]+[A-Z][^\W\d_]+(?:-[^\W\d_]+)?){1,3})[ \t]*[);]"
)
_RUN_WORD = re.compile(r"[A-Z][^\W\d_]+(?:-[^\W\d_]+)?")


def _alias_list(text: str, m) -> list[tuple[str, bool]]:
    """The names a declaration gives, in order, each with whether it is quoted: the first and every
    further one joined by a comma, "or" or "and" ("call him Kalpeshbhai or Kalu")."""
    items = [(m.group("alias"), bool(m.group("quote")))]
    pos = m.end("alias")
    while (more := _alias_more().match(text, pos)) and (more.group("quote") or not more.group("note")):
        items.append((more.group("alias"), bool(more.group("quote"))))
        pos = more.end("alias")
    return items


def alias_declared_after(text: str, end: int) -> str | None:
    """The one name a declaration right after a person's name gives them: 'Andreas Christou ("Andri")',
    'Darren Pike, 34, known as "Dinks"' (any `alias_cues` after a comma and an optional age), else None.
    For names the key does not list, which the unknown-name grouping then joins into one person."""
    m = _BRACKETED_ALIAS.match(text, end)
    cue = len(m.group("cue") or "") if m is not None else 0
    if m is not None and m.start("alias") - end - cue <= 4:  # '("Andri")', not '(Chan Chun-hei; "Ah Hei")'
        return m.group("alias")
    after = _AFTER_A_NAME.match(text, end)
    rx = _alias_regex()
    m = rx.match(text, after.end()) if after is not None and rx is not None else None
    if m is None or _cue_group(m, "named") or m.groupdict().get("role") or _cue_group(m, "obj"):
        return None  # a cue that names its own person is no declaration about this name
    return m.group("alias")


# between a name and a declaration about it: a comma, and an age or a short note set off by commas
_AFTER_A_NAME = re.compile(r",[ \t]+(?:(?:aged[ \t]+)?\d{1,3},[ \t]+)?")


@lru_cache(maxsize=1)
def _postposed_regex() -> re.Pattern | None:
    """A name, a comma, then a calling clause that comes after it (name_context.yaml `postposed_alias_cues`):
    'Bubu, as his mother calls him, ...'."""
    alternatives = _cue_alternation("postposed_alias_cues")
    if alternatives is None:
        return None
    return re.compile(
        r"(?<![\w'’-])(?P<quote>[\"“‘])?(?P<alias>(?-i:[A-Z])[^\W\d_]+(?:-(?-i:[A-Z])?[^\W\d_]+)?)(?(quote)[\"”’])"
        rf"[ \t]*,[ \t]+(?:{alternatives})",
        re.IGNORECASE,
    )


# where a sentence, a line or a quoted speech starts
_SENTENCE_START = re.compile(r"(?:^|(?<=\n)|[.!?:;][\"”’']?[ \t]+|[\"“‘])[\"“‘]?$")


def _postposed_aliases(matcher, text: str, sure: list, ends: dict) -> dict[str, str]:
    """ "Bubu, as his mother calls him, is walking": the name that starts a sentence, before a calling clause,
    is the keyed person's that the clause's pronoun means (the nearest of its gender before it: the sentence
    goes on about the person the draft was talking about); mid-sentence ("spoke mostly with Nakulu, as they
    called her") the nearest person is as likely somebody else in the sentence, so only the clause's own
    keyed name ('"Shiru", short for Wanjiru') or a name whose own shape derives from one keyed name says whose."""
    from .derived import family_pet_endings

    rx = _postposed_regex()
    declared: dict[str, str] = {}
    endings = family_pet_endings(text) if rx is not None else ()
    for m in all_matches(rx, text) if rx is not None else ():
        word = m.group("alias")
        if word in declared or not _alias_word_ok(matcher, word, bool(m.group("quote")), text):
            continue
        if _PREV_WORD.search(text, max(0, m.start() - 40), m.start()):
            continue  # "Chacha Asif, as Hira called him": the end of a longer name, somebody's own
        named = m.groupdict().get("named")
        code = _derived_owner(matcher, word, endings) or (
            _list_owner(matcher, [(named, False)])
            if named
            else _declared_person(matcher, text, m, sure, ends)
            if _SENTENCE_START.search(text, max(0, m.start() - 3), m.start())
            else None
        )
        if code is not None:
            declared[word] = code
    return declared


_LIST_NAME = r"[\"“‘]?(?-i:[A-Z])[^\W\d_]+(?:-(?-i:[A-Z])?[^\W\d_]+)?(?:[ \t]+(?-i:[A-Z])[^\W\d_]+)?[\"”’]?"
_LAST_LIST_NAME = re.compile(rf"{_LIST_NAME}$")
_LIST_SEP = r"(?:[ \t]*[;,/][ \t]*(?:(?:and|or)[ \t]+)?|[ \t]+(?:and|or)[ \t]+)"


@lru_cache(maxsize=1)
def _setting_regexes() -> tuple[re.Pattern, re.Pattern] | None:
    """The tags of name_context.yaml `name_setting_tags` ("at home", "to his friends"), and a list of names,
    each with or without a tag, joined by commas, semicolons, "and" or "or"."""
    from .derived import settings

    tags = settings().get("name_setting_tags") or ()
    if not tags:
        return None
    tag = "(?:" + "|".join(f"(?:{t})" for t in tags) + r")(?![\w-])"
    item = rf"{_LIST_NAME}(?:[ \t]+{tag})?"
    tag_rx = re.compile(rf"(?<=[^\W\d_\"”’])[ \t]+{tag}", re.IGNORECASE)
    list_rx = re.compile(rf"(?<![\w'’-]){item}(?:{_LIST_SEP}{item})*", re.IGNORECASE)
    return tag_rx, list_rx


def _setting_lists(matcher, text: str, raw: list) -> dict[str, str]:
    """ "Seo-yeon; Sophie at school; Yeonie at home": names tagged with where or by whom they are used, in a list
    that holds a keyed word of exactly one person, are that person's; in a table row that names exactly one
    keyed person, a tagged name is theirs alone too ("| Eleni Georgiou | Elenitsa to her grandmother |").
    Only lines with a tag are read."""
    rxs = _setting_regexes()
    if rxs is None or not raw:
        return {}
    tag_rx, list_rx = rxs
    declared: dict[str, str] = {}
    lines_done: set[int] = set()
    by_start = sorted(raw, key=lambda r: r[0])
    starts = [r[0] for r in by_start]
    for t in all_matches(tag_rx, text):
        line_start = text.rfind("\n", 0, t.start()) + 1
        if line_start in lines_done:
            continue
        lines_done.add(line_start)
        line_end = text.find("\n", t.end())
        line_end = len(text) if line_end < 0 else line_end
        on_line = [
            r for r in by_start[bisect_left(starts, line_start) : bisect_right(starts, line_end)] if r[1] <= line_end
        ]
        row_codes = {f.code for r in on_line for f in r[3]}
        in_row = text[line_start:line_end].lstrip().startswith("|")
        row_owner = next(iter(row_codes)) if in_row and len(row_codes) == 1 else None
        for lst in list_rx.finditer(text, line_start, line_end):
            tagged = [tm for tm in tag_rx.finditer(lst.group(0))]
            if not tagged:
                continue
            inside = [r for r in on_line if lst.start() <= r[0] and r[1] <= lst.end()]
            codes = {f.code for r in inside for f in r[3]}
            if len(codes) == 1 and not _names_of_one(text, lst, inside, tag_rx):
                codes = set()  # "Rahel, Kevin at home and Tom": a list of people, not of one person's names
            owner = next(iter(codes)) if len(codes) == 1 else row_owner
            if owner is None:
                continue
            for tm in tagged:
                name = _LAST_LIST_NAME.search(lst.group(0), 0, tm.start())
                if name is None:
                    continue
                word = name.group(0).strip('"“”‘’')
                quoted = name.group(0) != word
                if word and word not in declared and _alias_word_ok(matcher, word, quoted, text):
                    declared[word] = owner
    return declared


@lru_cache(maxsize=1)
def _column_head_regex() -> re.Pattern | None:
    """The headers of a table column of names a person goes by (name_context.yaml `name_column_heads`)."""
    from .derived import settings

    heads = settings().get("name_column_heads") or ()
    if not heads:
        return None
    return re.compile(r"[ \t*_]*(?:" + "|".join(f"(?:{h})" for h in heads) + r")[ \t*_:]*", re.IGNORECASE)


_TABLE_RULE = re.compile(r"[ \t]*\|?(?:[ \t]*:?-{3,}:?[ \t]*\|)+[ \t]*:?-*:?[ \t]*\|?[ \t]*")
_CELL_NAME = re.compile(r"[\"“‘]?((?-i:[A-Z])[^\W\d_]+(?:[ -](?-i:[A-Z])[^\W\d_]+)?)[\"”’]?")


def _name_columns(matcher, text: str, raw: list) -> dict[str, str]:
    """'| Name | Known as |' then '| Lin Yuxin | Joy; "Xinxin" at home |': the header says the cells under it are
    names the row's person goes by, so each capitalised name in such a cell is the one keyed person the rest
    of the row names (an English word too: the header, like quotes, declares it a name).  A row naming no
    keyed person, or two, declares nothing."""
    head_rx = _column_head_regex()
    if head_rx is None or "\n|" not in text or not raw:
        return {}
    declared: dict[str, str] = {}
    by_start = sorted(raw, key=lambda r: r[0])
    starts = [r[0] for r in by_start]
    lines = text.split("\n")
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line) + 1)
    for i, line in enumerate(lines[:-1]):
        if not line.lstrip().startswith("|") or not _TABLE_RULE.fullmatch(lines[i + 1]):
            continue
        columns = {k for k, cell in enumerate(line.strip().strip("|").split("|")) if head_rx.fullmatch(cell)}
        if not columns:
            continue
        for j in range(i + 2, len(lines)):
            if not lines[j].lstrip().startswith("|"):
                break
            _column_names(matcher, text, offsets[j], lines[j], columns, by_start, starts, declared)
    return declared


def _name_rows(matcher, text: str, raw: list) -> dict[str, str]:
    """A record laid out as a table of fields, '| Name on school record | Anand Ganbold |' then '| Known as | Ankhaa at
    home; "Andy" at school |': the row's label is a `name_column_heads` header, so the names in its other cells are
    names the record's person goes by: the keyed person the table's other rows name most often (a record's fields
    name its subject again and again: "Name on GP record", "Name on passport").  A table naming no keyed person, or
    two as often, declares nothing."""
    head_rx = _column_head_regex()
    if head_rx is None or "\n|" not in text or not raw:
        return {}
    declared: dict[str, str] = {}
    for block in _TABLE_BLOCK.finditer(text):
        rows = [(m.start(), m.group(0)) for m in re.finditer(r"[^\n]+", block.group(0))]
        named = [
            (block.start() + at, row)
            for at, row in rows
            if head_rx.fullmatch(row.strip().strip("|").split("|")[0].strip(" \t*_"))
        ]
        if not named:
            continue
        inside = [(s, s + len(row)) for s, row in named]
        counts = Counter(
            r[3][0].code
            for r in raw
            if block.start() <= r[0] < block.end()
            and not any(s <= r[0] < e for s, e in inside)
            and len({f.code for f in r[3]}) == 1
        )
        ranked = counts.most_common(2)
        columns = _column_owners(block.start(), block.end(), rows, raw)
        if not columns and (not ranked or (len(ranked) == 2 and ranked[1][1] == ranked[0][1])):
            continue  # no keyed person, or two named as often: whose record it is the table does not say
        owner = ranked[0][0] if ranked and (len(ranked) == 1 or ranked[1][1] < ranked[0][1]) else None
        for at, row in named:
            first = row.index("|", row.index("|") + 1) if row.lstrip().startswith("|") else row.index("|")
            for m in _CELL_NAME.finditer(text, at + first, at + len(row)):
                word = m.group(1)
                code = columns.get(row.count("|", 0, m.start() - at), owner)
                if code is not None and word not in declared and _alias_word_ok(matcher, word, True, text):
                    declared[word] = code
    return declared


def _column_owners(base: int, end: int, rows: list[tuple[int, str]], raw: list) -> dict[int, str]:
    """Column (the number of bars before a cell) -> the one keyed person the table's other rows name in that
    column, for a record of two or more people side by side ('| | Applicant 1 | Applicant 2 |' then '| Name |
    Huia | Hemi |' and '| Known as | "Nan" | "Koro" |'): each column is its own person's record, so a name in
    a "Known as" cell is that column's person, not the table's most named one.  The name rows count here: the
    person a column names first (its "Name" cell) owns it unless another is named there more often (a shared
    surname in a later cell).  A table whose columns all name one person has no column owners."""
    bars = [(base + at + i, at) for at, row in rows for i, ch in enumerate(row) if ch == "|"]
    counts: dict[int, Counter] = {}
    first: dict[int, str] = {}
    for r in sorted((r for r in raw if base <= r[0] < end), key=lambda r: r[0]):
        if len({f.code for f in r[3]}) != 1:
            continue
        before = [at for pos, at in bars if pos < r[0]]
        if not before:
            continue
        row_at = before[-1]  # the row the hit is on
        column = sum(1 for pos, at in bars if at == row_at and pos < r[0])
        counts.setdefault(column, Counter())[r[3][0].code] += 1
        first.setdefault(column, r[3][0].code)
    owners: dict[int, str] = {}
    for column, c in counts.items():
        # the person the column names first (its "Name" cell) unless another is named more often
        if c[first[column]] == max(c.values()):
            owners[column] = first[column]
    return owners if len(set(owners.values())) > 1 else {}


# a run of table rows (lines opening with a bar)
_TABLE_BLOCK = re.compile(r"(?:^[ \t]*\|[^\n]*(?:\n|\Z))+", re.MULTILINE)


def _column_names(matcher, text: str, at: int, row: str, columns: set[int], by_start, starts, declared) -> None:
    """The names in a row's name columns, declared for the one keyed person its other cells name."""
    bounds, pos = [], row.index("|") + 1
    for cell in row.strip().strip("|").split("|"):
        bounds.append((at + pos, at + pos + len(cell)))
        pos += len(cell) + 1
    in_columns = [bounds[k] for k in columns if k < len(bounds)]
    on_row = by_start[bisect_left(starts, at) : bisect_right(starts, at + len(row))]
    codes = {
        f.code for r in on_row if not any(s <= r[0] < e for s, e in in_columns) for f in r[3] if r[1] <= at + len(row)
    }
    if len(codes) != 1:
        return
    (owner,) = codes
    for s, e in in_columns:
        for m in _CELL_NAME.finditer(text, s, e):
            word = m.group(1)
            if word not in declared and _alias_word_ok(matcher, word, True, text):
                declared[word] = owner


def _names_of_one(text: str, lst, inside: list, tag_rx: re.Pattern) -> bool:
    """A list of one person's names, not of several people: its names are set apart by semicolons, slashes
    or "or" ("Seo-yeon; Yeonie at home"), or the keyed name in it is tagged too ("Hyusein on the passport
    and Hüso to his friends")."""
    if re.search(r";|/|(?<![\w-])or(?![\w-])", lst.group(0)):
        return True
    return any(tag_rx.match(text, r[1]) for r in inside)


def _bracketed_aliases(matcher, text: str, raw: list) -> dict[str, str]:
    """'Reyansh Solanki ("Rey", "Reyu" at home)': quoted names in brackets right after a mention of one keyed
    person are that person's; the first declaration of a word wins."""
    declared: dict[str, str] = {}
    for _start, end, _, forms in raw:
        codes = {f.code for f in forms}
        m = _BRACKETED_ALIAS.match(text, end)
        if len(codes) != 1 or m is None:
            continue
        (code,) = codes
        for word, quoted in _alias_list(text, m):
            if word not in declared and _alias_word_ok(matcher, word, quoted):
                declared[word] = code
    return declared


# a name with a family word in brackets after it: "Lola (grandmother)", "Kev (maternal uncle)"
_BRACKETED_KIN = re.compile(
    r"(?<![\w'’-])(?P<alias>[A-Z][^\W\d_]+)[ \t]*\([ \t]*(?P<kin>[a-z]+(?:[ \t-][a-z]+){0,2})[ \t]*\)"
)


# one name in brackets between a person's given name and their family name: "Mr Hēmi (James) Te Rangi",
# "Pieter (Piet) van der Berg", "Nguyen Van Hung (Henry)" is not this (nothing follows the bracket)
_BRACKETED_GIVEN = re.compile(r"[ \t]*\([ \t]*(?P<alias>[A-Z][^\W\d_]+(?:-[A-Z][^\W\d_]+)?)[ \t]*\)[ \t]+")


def _bracketed_given_pairs(matcher, text: str, raw: list):
    """(the bracketed name's match, the family name's raw index, the person's code) for each keyed given name of
    one person, a name in brackets, then a keyed family name that person has: the three are one person's name
    written out, the bracketed word an other given name of theirs (a passport's, an English one, a short form)."""
    starts = {r[0]: i for i, r in enumerate(raw)}
    for r in raw:
        codes = {f.code for f in r[3]}
        m = _BRACKETED_GIVEN.match(text, r[1]) if len(codes) == 1 else None
        j = starts.get(m.end()) if m is not None else None
        if m is None or j is None:
            continue
        (code,) = codes
        own = {kw.folded for kw in matcher.keyed_words if kw.code == code}
        words = _name_words(raw[j][2])
        theirs = code in {f.code for f in raw[j][3]} or (words and all(w in own for w in words))
        if theirs and not _holds_given_name(matcher, raw[j][2]):
            yield m, j, code


def _holds_given_name(matcher, matched: str) -> bool:
    """A keyed name's first word among the words (then the piece is a name of its own, not a family name; the
    key's "Hēmi Te Rangi" does not say whether "Te" is a second given name, so only the first word counts)."""
    from .known import split_title

    firsts = set()
    for person in matcher.key.people:
        for name in person.names:
            title, words = split_title(name.split())
            if len(words) > 1 and title is None:  # "Mrs Te Rangi": a title, then the family name
                firsts.add(fold(words[0]).casefold())
    return any(w in firsts for w in _name_words(matched))


def _bracketed_given_runs(matcher, text: str, raw: list) -> list:
    """ "Mr Hēmi (James) Te Rangi": the family name after the bracket is the given name's person's, not the
    relative's who shares it (see `_bracketed_given_pairs`)."""
    from .known import NameForm

    out = list(raw)
    for _m, j, code in list(_bracketed_given_pairs(matcher, text, raw)):
        start, end, matched, forms = out[j]
        own = [f for f in forms if f.code == code] or [NameForm(text=matched, code=code, rule="surname")]
        out[j] = (start, end, matched, own[:1])
    return out


def _bracketed_given_names(matcher, text: str, raw: list) -> dict[str, str]:
    """ "Mr Hēmi (James) Te Rangi": the bracketed name is the person's (see `_bracketed_given_pairs`)."""
    declared: dict[str, str] = {}
    for m, _j, code in _bracketed_given_pairs(matcher, text, raw):
        word = m.group("alias")
        # the shape says it is a name as surely as quotes would: checked as a quoted word ("James" is in the
        # English lexicon, yet between "Hēmi" and "Te Rangi" it is his name)
        if word not in declared and _alias_word_ok(matcher, word, True):
            declared[word] = code
    return declared


def _run_words(matcher, run: str) -> list[str]:
    """The words of a person's name written out that are new names of theirs: no keyed word (of anybody),
    no English word, title, role or organisation word."""
    return [
        w
        for w in _RUN_WORD.findall(run)
        if not any(kw.folded == fold(w).casefold() for kw in matcher.keyed_words) and _alias_word_ok(matcher, w, False)
    ]


def _bracketed_full_names(matcher, text: str, raw: list) -> dict[str, str]:
    """ "Natalie Wong (Wong Mei-ling)": a name in brackets right after a mention of one keyed person, holding
    a keyed word of that person, is that person's name again; its other words are theirs."""
    declared: dict[str, str] = {}
    for _start, end, _, forms in raw:
        codes = {f.code for f in forms}
        m = _BRACKETED_FULL_NAME.match(text, end)
        if len(codes) != 1 or m is None:
            continue
        (code,) = codes
        own = {kw.folded for kw in matcher.keyed_words if kw.code == code}
        if not any(fold(w).casefold() in own for w in _RUN_WORD.findall(m.group("run"))):
            continue
        for word in _run_words(matcher, m.group("run")):
            declared.setdefault(word, code)
    return declared


@lru_cache(maxsize=1)
def _full_name_regex() -> re.Pattern | None:
    alternatives = _cue_alternation("full_name_cues")
    if alternatives is None:
        return None
    return re.compile(
        rf"(?<![\w-])(?:{alternatives})(?P<run>(?-i:[A-Z])[^\W\d_]+(?:-[^\W\d_]+)?"
        r"(?:[ \t]+(?-i:[A-Z])[^\W\d_]+(?:-[^\W\d_]+)?){0,3})",
        re.IGNORECASE,
    )


def _full_names(matcher, text: str, sure: list, ends: dict) -> dict[str, str]:
    """ "Her Chinese name is Chan Hoi-yan": the new words of a name the text gives in full are the person's
    that the possessive means (name_context.yaml `full_name_cues`)."""
    rx = _full_name_regex()
    declared: dict[str, str] = {}
    for m in rx.finditer(text) if rx is not None else ():
        code = _declared_person(matcher, text, m, sure, ends)
        if code is None:
            continue
        words = _run_words(matcher, m.group("run")) or _beside_own_word(matcher, m.group("run"), code)
        for word in words:
            declared.setdefault(word, code)
    return declared


def _beside_own_word(matcher, run: str, code: str) -> list[str]:
    """ "her maiden name, Pearl Bailey": a name the text gives in full that holds the person's own keyed word
    says its other words are theirs too, even an English word ("Bailey"), though never a title, role or
    organisation word."""
    words = _RUN_WORD.findall(run)
    own = {kw.folded for kw in matcher.keyed_words if kw.code == code}
    if not any(fold(w).casefold() in own for w in words):
        return []
    return [w for w in words if fold(w).casefold() not in own and _alias_word_ok(matcher, w, True)]


def _bracketed_kin(matcher, text: str, taken: list[tuple[int, int]]) -> dict[str, str]:
    """ "Lola (grandmother) was at church": a name the draft glosses with a family word in brackets is the one
    keyed person whose role is that relative ("Maternal grandmother"), even a word that is also a family word
    elsewhere; never when two keyed people fit or the name is already a keyed or matched word."""
    from .derived import _common_words, stop_words

    kin = {k.word for k in kin_words()}
    declared: dict[str, str] = {}
    for m in _BRACKETED_KIN.finditer(text):
        word, gloss = m.group("alias"), m.group("kin").casefold()
        if gloss.split()[-1] not in kin or any(s < m.end("alias") and m.start() < e for s, e in taken):
            continue
        low = fold(word).casefold()
        if low in stop_words() or low in _common_words() or any(kw.folded == low for kw in matcher.keyed_words):
            continue
        if re.search(r"[A-Z][\w'’.-]*[ \t]+$", text[max(0, m.start() - 30) : m.start()]):
            continue  # "Dr Lopez (aunt)", "Ana Lopez (aunt)": the last word of a longer name or after a title
        fits = [c for c, p in matcher.people.items() if _role_without_notes(p.role).endswith(gloss)]
        if len(fits) == 1:
            declared.setdefault(word, fits[0])
    return declared


def _role_without_notes(role: str | None) -> str:
    """The role's head in lower case without a bracketed note: "Maternal grandmother (visiting)" ->
    "maternal grandmother"."""
    from ..keyfile import role_head

    return role_head(re.sub(r"[ \t]*\([^)]*\)", "", role or "")).strip().casefold()


def _list_owner(matcher, items: list[tuple[str, bool]]) -> str | None:
    """The one keyed person a declared list names by a keyed word ('recorded as "Betelhem", "Bethlehem"'):
    the others in the list are that person's names too."""
    codes = {kw.code for word, _ in items for kw in matcher.keyed_words if kw.folded == fold(word).casefold()}
    return next(iter(codes)) if len(codes) == 1 else None


@lru_cache(maxsize=1)
def _object_genders() -> dict[str, str]:
    from .derived import settings

    data = settings().get("alias_object_gender") or {}
    return {w.casefold(): g for g, words in data.items() for w in words}


def _alias_word_ok(matcher, word: str, quoted: bool, text: str | None = None, listed: bool = False) -> bool:
    """A pet name, not a role, a title, a code, an organisation word or (unquoted) an English word.  A family
    word of another language given in quotes ('called her "Ammachi"') is a name too, unless the draft also
    writes it before somebody's name (then it is an honorific: "Ammachi Leela").  A quoted name of several
    words ("Po Po", "Ah Hei") is one when each word would be, as a quoted word, and one is no English word
    or the words are one word doubled; never a family word or a teknonym's and a name ("Abu Sami"): those
    are the honorific rules'.  `listed`: in a naming list (`_naming_list`), where a stop word that is no
    pronoun is a name too ("or, more often, Nine")."""
    from .derived import _common_words, _role_words, org_heads, stop_words

    parts = word.split()
    if len(parts) > 1:
        head = parts[0].casefold()
        if head in before_name_words() or head in honorifics()["teknonym"]:
            return False  # "Abu Sami", "Auntie Grace": an honorific's phrase, for the honorific rules
        return (
            quoted
            and all(_alias_word_ok(matcher, p, True) for p in parts)
            and (
                len({p.casefold() for p in parts}) == 1  # "Po Po", "Ada Ada": a doubled word is a pet name
                or any(fold(p).casefold() not in _common_words() for p in parts)
            )
        )
    low = fold(word).casefold()
    if (
        (low in stop_words() and (not listed or low in _PRONOUNS))
        or low in _role_words()
        or low in _titles()
        or word in matcher.protected
        or word in org_heads()
    ):
        return False
    if low in before_name_words() and not (text is not None and quoted and _kin_word_as_name(text, word, matcher)):
        return False
    if any(kw.folded == low for kw in matcher.keyed_words):
        return False  # a keyed name already (its own person's or somebody else's)
    return quoted or (low not in _common_words() and low not in matcher.lexicon)


_PRONOUNS = frozenset({"i", "me", "you", "he", "him", "she", "her", "it", "we", "us", "they", "them", "one"})


def _kin_word_as_name(text: str, word: str, matcher) -> bool:
    """A family word no English word that the draft never writes before a capitalised name."""
    from .derived import _common_words

    low = fold(word).casefold()
    if low in _common_words() or low in matcher.lexicon:
        return False
    return re.search(rf"(?<![\w-]){re.escape(word)}[ \t]+[A-Z]", text, re.IGNORECASE) is None


_SENTENCE_END = re.compile(r"[.!?][\"”’']?\s")


class _NewPerson:
    """ "a lodger", "another friend", "one of the neighbours": a person the text introduces."""

    _rx: re.Pattern | None = None

    @classmethod
    def search(cls, text: str):
        if cls._rx is None:
            from .derived import _role_words

            roles = "|".join(sorted(map(re.escape, _role_words()), key=len, reverse=True))
            cls._rx = re.compile(
                rf"\b(?i:a|an|another|one of (?:the|her|his|their))[ \t]+(?:[a-z-]+[ \t]+)?(?:{roles})s?\b"
            )
        return cls._rx.search(text)

    @classmethod
    def finditer(cls, text: str):
        cls.search("")  # compiles the pattern once
        assert cls._rx is not None
        return cls._rx.finditer(text)


_NEW_PERSON = _NewPerson


def _lower_case_slip(text: str, start: int, end: int) -> bool:
    from .known import _lower_case_slip as slip

    return slip(text, start, end)


def aliases(matcher, text: str, raw: list) -> list:
    """Every mention of a name the draft gives a keyed person ("her pet name, Munni"): new raw matches.

    The person is the keyed one named nearest before the cue in the same paragraph (of the
    object's gender when the cue has one: "he called Mum 'Munni'"); the first declaration of a
    word wins.  A cue may give several names ("call him Kalpeshbhai or Kalu"): each is declared,
    and when one of them is a keyed word of one person, all are that person's.  Quoted names in
    brackets right after a mention ('Reyansh Solanki ("Rey", "Reyu" at home)') are that person's;
    a list after a weaker cue ('recorded as "Betelhem", "Bethlehem" and "Betty"', `alias_list_cues`)
    only when a keyed word in it says whose.  Mentions already matched are left alone.
    """
    from .derived import _before_org_or_place, _common_words, _personal_title_before
    from .known import NameForm

    declared = _declarations(matcher, text, raw)
    out = []
    taken = sorted((r[0], r[1]) for r in raw)
    for word, code in declared.items():
        english = fold(word).casefold() in matcher.lexicon
        alias = NameForm(text=word, code=code, rule="alias", tokens=(("word", word),))
        spaced = r"\s+".join(map(re.escape, word.split()))
        pattern = re.compile(rf"(?<![\w@]){spaced}(?!\w)", re.IGNORECASE)
        family_word = fold(word).casefold() in {k.word for k in kin_words()}
        common = " " not in word and fold(word).casefold() in _common_words()
        child = matcher.people[code].child
        for m in pattern.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            if (english or family_word) and m.group(0).islower():
                continue  # "the word lola means grandmother": the family word, not the name it was given
            if m.group(0).islower() and _word_explained(text, m.start(), m.end()):
                continue  # '"emee" is Mongolian for grandma', '"eej = mum"': the word explained, no person
            if child and _personal_title_before().search(text, max(0, m.start() - 12), m.start()):
                continue  # '"JAMA"' declared for a child, then "Mr Jama": an adult of the family, not the child
            if (english or common) and _after_strangers_name(matcher, text, m.start()):
                continue  # "her maiden name, Pearl Bailey" ... "Miss Hyacinth Bailey": her sister, another person
            if (english or common) and _before_org_or_place(text, m.end()):
                continue  # "the Joy Garden restaurant": a place named with the word, not the person called Joy
            out.append((m.start(), m.end(), m.group(0), [alias]))
        if not english:
            continue
        # "lulu said": a slip, before a reporting verb
        for m in re.finditer(rf"(?<![\w@]){re.escape(word.lower())}(?!\w)", text):
            if any(s < m.end() and m.start() < e for s, e in taken) or not _lower_case_slip(text, m.start(), m.end()):
                continue
            out.append((m.start(), m.end(), m.group(0), [alias]))
    return out


def _word_explained(text: str, start: int, end: int) -> bool:
    """A quoted word a verb speaks of ('"aav" is Mongolian for "dad"') or a word an equals sign explains
    ('a welcome sheet lists "eej = mum, aav = dad"')."""
    from .kin_forms import _quoted_word_talk

    return _quoted_word_talk(text, start, end) or re.match(r"[ \t]*=[ \t]", text[end : end + 3]) is not None


def _after_strangers_name(matcher, text: str, start: int) -> bool:
    """A given name nobody is keyed with right before `start` ("Dorcas Bailey", "Miss Hyacinth Bailey"): the
    declared English word after it is that stranger's surname, shared with the person it was declared for.
    The word before must be a listed given name or follow a title: "Nong Bank" (a Thai family word glossed
    in the draft, no given name) is the declared person still."""
    from .derived import _gazetteer_first, _personal_title_before

    prev = _PREV_WORD.search(text, max(0, start - 30), start)
    if prev is None:
        return False
    low = fold(prev.group(1)).casefold()
    if low in _titles() or low in _kin_words() or any(kw.folded == low for kw in matcher.keyed_words):
        return False
    return (
        low in _gazetteer_first()
        or _personal_title_before().search(text, max(0, prev.start(1) - 12), prev.start(1)) is not None
    )


def _declarations(matcher, text: str, raw: list) -> dict[str, str]:
    """The names the draft gives keyed people (see `aliases`), each with the person's code."""
    from .derived import family_pet_endings

    rx = _alias_regex()
    if rx is None or not raw:
        return {}
    sure = sorted((r[0], r[3][0].code) for r in raw if len({f.code for f in r[3]}) == 1)
    ends = {r[0]: r[1] for r in raw}
    declared: dict[str, str] = _bracketed_aliases(matcher, text, raw)
    for word, given_code in _bracketed_given_names(matcher, text, raw).items():
        declared.setdefault(word, given_code)
    for word, kin_code in _bracketed_kin(matcher, text, [(r[0], r[1]) for r in raw]).items():
        declared.setdefault(word, kin_code)
    for word, run_code in (_bracketed_full_names(matcher, text, raw) | _full_names(matcher, text, sure, ends)).items():
        declared.setdefault(word, run_code)
    for word, post_code in _postposed_aliases(matcher, text, sure, ends).items():
        declared.setdefault(word, post_code)
    for word, list_code in _setting_lists(matcher, text, raw).items():
        declared.setdefault(word, list_code)
    for word, pair_code in declared_pairs(matcher, text, sure, ends).items():
        declared.setdefault(word, pair_code)
    for word, column_code in _name_columns(matcher, text, raw).items():
        declared.setdefault(word, column_code)
    for word, row_code in _name_rows(matcher, text, raw).items():
        declared.setdefault(word, row_code)
    endings = family_pet_endings(text)
    _own_shapes_first(matcher, declared, endings)
    for m in all_matches(rx, text):
        items = _alias_list(text, m)
        owner = _list_owner(matcher, items) if len(items) > 1 else None
        naming = _naming_list(matcher, items)
        fresh = [
            (w, q or naming)
            for w, q in items
            if w not in declared and _alias_word_ok(matcher, w, q or naming, text, naming)
        ]
        if owner is not None:  # "recorded as "Betelhem", "Bethlehem" and "Betty"": the keyed word says who
            declared.update((w, owner) for w, _ in fresh)
            continue
        if not fresh:
            continue
        own = [(w, _derived_owner(matcher, w, endings)) for w, _ in fresh]
        declared.update((w, c) for w, c in own if c is not None)
        fresh = [(w, q) for (w, q), (_, c) in zip(fresh, own, strict=True) if c is None]
        code = _declared_person(matcher, text, m, sure, ends) if fresh else None
        if code is not None:
            declared.update((w, code) for w, _ in fresh)
    list_rx = _alias_regex("alias_list_cues")
    for m in all_matches(list_rx, text) if list_rx is not None else ():
        items = _alias_list(text, m)  # 'recorded as "Betelhem", "Bethlehem"': only a list its keyed word places
        owner = _list_owner(matcher, items) if len(items) > 1 else None
        if owner is not None:
            declared.update((w, owner) for w, q in items if w not in declared and _alias_word_ok(matcher, w, q))
    # a code is the author's label, never a name a person goes by: in a coded text "Dad (CWF, prefers "CWF")"
    # is a declaration pseudonymise wrote, and reading it as one would make every CWF a name finding
    return {w: c for w, c in declared.items() if w not in matcher.protected}


def _own_shapes_first(matcher, declared: dict[str, str], endings: tuple[str, ...]) -> None:
    """A name declared in a list or a clause that is a derived form of exactly one keyed person ("Kacper is
    Kacperek or Kacpi at home, and Zuzanna is Zuzia": "Kacpi" of Kacper) is that person's, whoever the list's
    other keyed word is: the name's own shape outweighs its place in the sentence, as in `_declarations`."""
    for word, code in list(declared.items()):
        own = _derived_owner(matcher, word, endings)
        if own is not None and own != code:
            declared[word] = own


def _naming_list(matcher, items: list[tuple[str, bool]]) -> bool:
    """A declared list of two names or more one of which is no English word ("call her Anneanne (mother's
    mother) or, more often, Nine"): the declaration shows that every word of it is a name the person is
    called, so an English word in it counts as a quoted one would (its English uses are kept apart where
    it is used: lower case, before a place, or read as a number or a noun's modifier by the parse)."""
    from .derived import _common_words

    words = [fold(w).casefold() for w, _ in items]
    return len(words) > 1 and any(w not in _common_words() and w not in matcher.lexicon for w in words)


def _derived_owner(matcher, word: str, endings: tuple[str, ...] = ()) -> str | None:
    """The one keyed person a declared name is a derived form of ('called her "Zsofika"' with Zsofia keyed):
    the name's own shape says whose it is, whoever the cue's nearest person is (`endings`: the pet endings of
    the family's language, `family_pet_endings`)."""
    from .derived import classify

    codes = {code for code, _, _ in classify(word, matcher.keyed_words, endings, matcher.family_codes())}
    return next(iter(codes)) if len(codes) == 1 else None


def _cue_group(m, name: str) -> str | None:
    """The group of an alias cue that matched, by its name: a cue may name it with a number after it
    ("named2", "obj2") since one expression holds every cue and no name may repeat in it."""
    return next((g for g, v in m.groupdict().items() if v and re.fullmatch(rf"{name}\d*", g)), None)


def _declared_person(matcher, text: str, m, sure: list, ends: dict) -> str | None:
    """Whose names an alias cue declares: the keyed person named in the cue, else the one named nearest
    before it in the paragraph (of the object's gender when the cue has one: "he called Mum 'Munni'"),
    else, with a gendered object, the first of that gender later in the sentence."""
    named = _cue_group(m, "named")
    named_at = m.start(named) if named else -1
    if named_at >= 0:  # 'friends call Chidi "Chi-Chi"': the keyed person named in the cue
        found = next((c for pos, c in sure if pos == named_at), None)
        return found if found is not None else _label_named(matcher, m.group(named))  # 'At home Child T is'
    role = m.groupdict().get("role")
    if role:  # 'called the grandmother "Mammy"': the one keyed person whose role says the word
        return _role_named(matcher, role)
    subject = _ROLE_SUBJECT.search(text, max(0, m.start() - 60), m.start())
    if subject is not None:  # 'The mother is known to friends as "Sigga"': the keyed person the role names
        return _role_named(matcher, subject.group("role"))
    obj = (m.group(g) if (g := _cue_group(m, "obj") or _cue_group(m, "subj")) else "").casefold()
    gender = _object_genders().get(obj)
    para = text.rfind("\n\n", 0, m.start()) + 1
    for pos, code in reversed([s for s in sure if para <= s[0] < m.start()]):
        between = text[pos : m.start()]
        if _new_person_between(between):
            break  # "a lodger known only as 'Tee'": somebody the key does not list
        if not gender and _SENTENCE_END.search(between):
            break  # without "her"/"him", only the sentence's own person
        if _owner_of_relative(text, pos, ends[pos]):
            continue  # "Hoa is Mai's mother. The children call her 'Ba'": the mother, not Mai
        if entry_author(text, pos, ends[pos]):
            continue  # "**Tue 17/10 — LM**⏎... calls him 'Bubu'": a log entry's writer is its "I", never "him"
        person = matcher.people[code]
        if gender and person.gender and person.gender != gender:
            continue
        if obj in ("her", "him") and not text[ends[pos] : m.start()].strip():
            continue  # "Wanjiru calls her 'Zosia'": the one who calls is not the one called
        return code
    if gender:  # "He called her 'Dede' whenever Efua was upset": later in the sentence
        end = _SENTENCE_END.search(text, m.end())
        for _pos, code in (s for s in sure if m.end() <= s[0] < (end.start() if end else len(text))):
            if matcher.people[code].gender in (None, gender):
                return code
    return None


_POSSESSED = re.compile(r"['’]s?[ \t]+(?:[a-z-]+[ \t]+)?(?P<noun>[a-z]+)\b")
# "the only child of Chiamaka Obi and Piotr Nowak": a family or role word, "of", then (other names and) the mention
_RELATIVE_OF = re.compile(r"\b(?P<noun>[a-z]+)[ \t]+of[ \t]+(?:(?:[A-Z][\w'’-]*[ \t]+){1,3}(?:and|&)[ \t]+)?$")


def _owner_of_relative(text: str, start: int, end: int) -> bool:
    """A mention that names somebody's relative by this person ("Mai's mother", "Fuad's brother, Ammar",
    "the only child of Chiamaka"): the person the sentence goes on about is that relative, so a name declared
    later is not this one's."""
    from .derived import _role_words

    words = {k.word for k in kin_words()} | set(_role_words())
    after = _POSSESSED.match(text, end)
    before = _RELATIVE_OF.search(text, max(0, start - 80), start)
    return any(m is not None and m.group("noun") in words for m in (after, before))


# the definite role phrase a sentence opens with, as the subject of a naming cue right after it: "The mother is
# known to friends as", "The baby was called" (only "the": "a neighbour is known as" is somebody new)
_ROLE_SUBJECT = re.compile(
    r"(?:^|(?<=\n)|(?<=[.!?;:])[\"”’']?[ \t]+)(?:The|the)[ \t]+(?P<role>[a-z]+(?:[ \t-][a-z]+)?)[ \t]+"
    r"(?:is|was|has[ \t]+been|had[ \t]+been)[ \t]+(?:also[ \t]+)?\Z"
)


def _label_named(matcher, label: str) -> str | None:
    """The keyed person a review's own label names ("Child T", "Baby R"): the one whose role or code the label is."""
    folded = " ".join(label.split()).casefold()
    codes = [p.code for p in matcher.key.people if folded in ((p.role or "").casefold().strip(), p.code.casefold())]
    return codes[0] if len(codes) == 1 else None


def _role_named(matcher, role: str) -> str | None:
    """The one keyed person whose role text says `role` as whole words ("grandmother" of "Paternal
    grandmother"); when several do, the one whose role starts with it or ends with it; else nobody."""
    rx = re.compile(rf"(?<![\w-]){re.escape(role.casefold())}(?![\w-])")
    roles = {p.code: (p.role or "").casefold().strip() for p in matcher.key.people}
    codes = [c for c, r in roles.items() if rx.search(r)]
    if len(codes) > 1:
        codes = [c for c in codes if roles[c].endswith(role.casefold()) or roles[c].startswith(role.casefold())]
    return codes[0] if len(codes) == 1 else None


def _new_person_between(between: str) -> bool:
    """An indefinite role phrase that introduces somebody ("a lodger"), not one in apposition after a comma,
    which describes the person just named ("Kalpesh Solanki, his father, ..., a warehouse supervisor"), nor
    one after "as", which says what the person named was ("came to the UK in 2017 as a student")."""
    return any(
        not between[: m.start()].rstrip(" \t").endswith(",") and not _AS_BEFORE.search(between[: m.start()])
        for m in _NEW_PERSON.finditer(between)
    )


_AS_BEFORE = re.compile(r"(?<![\w-])as[ \t]+$")


_KIN_GENDER = {
    "uncle": "male",
    "grandad": "male",
    "grandpa": "male",
    "granddad": "male",
    "brother": "male",
    "aunt": "female",
    "auntie": "female",
    "aunty": "female",
    "grandma": "female",
    "gran": "female",
    "granny": "female",
    "nan": "female",
    "nana": "female",
    "nanny": "female",
    "sister": "female",
}


def _kin_initials(matcher, text: str, raw: list) -> list:
    """ "Uncle T", "Auntie K.": a kinship word and a lone capital that is a keyed first name's initial
    (of the kinship word's gender) is that person; several fitting people: the best supported."""
    from .known import NameForm

    kin = title_pattern(before_name_words())
    if not kin:
        return []
    taken = [(r[0], r[1]) for r in raw]
    initials = _first_initials(matcher)
    out = []
    for m in re.finditer(rf"(?<![\w-])(?i:({kin}))[ \t]+([A-Z])(?:\.|(?![\w'’.-]))", text):
        if not m.group(1)[:1].isupper() or any(s < m.end(2) and m.start(2) < e for s, e in taken):
            continue
        gender = _KIN_GENDER.get(m.group(1).casefold())
        codes = [c for c in initials.get(m.group(2), []) if not gender or matcher.people[c].gender in (None, gender)]
        codes = _kin_letter_people(matcher, text, raw, m.group(1), m.group(2), codes)
        if codes:
            out.append(
                (
                    m.start(2),
                    m.end(2),
                    m.group(2),
                    [
                        NameForm(text=m.group(2), code=c, rule="initials", tokens=(("letter", m.group(2)),))
                        for c in codes
                    ],
                )
            )
    return out


def _kin_letter_people(matcher, text: str, raw: list, kin: str, letter: str, codes: list[str]) -> list[str]:
    """Of the keyed people a kinship word and a letter may name ("Uncle G pushed her"): the one whose keyed role
    holds that kinship ("Maternal uncle"); else the one the draft calls by the same word and a name of that
    letter ("Uncle Godie", coded before); else, for a word said of an elder, the adults, never a child of the
    family who shares the letter (initials.yaml `kin_letter_elders`)."""
    if len(codes) < 2:
        return codes
    cue = role_cues.class_of(kin)
    held = [c for c in codes if cue and cue in role_cues.relations(matcher.people[c])]
    if len(held) == 1:
        return held
    word = kin.casefold()
    called = {
        r[3][0].code
        for r in raw
        if len({f.code for f in r[3]}) == 1
        and r[3][0].code in codes
        and r[2][:1] == letter
        and text[max(0, r[0] - len(kin) - 1) : r[0]].rstrip().casefold().endswith(word)
    }
    if len(called) == 1:
        return sorted(called)
    if cue in (initials_settings().get("kin_letter_elders") or ()):
        return [c for c in codes if not matcher.people[c].child] or codes
    return codes


_BROKEN = re.compile(r"(?<![\w-])([^\W\d_]{2,})-[ \t]*\n[ \t]*([^\W\d_]{2,})(?![\w-])")


def _broken_words(matcher, text: str, raw: list) -> list:
    """ "Kowal-\nczyk": a keyed name hyphenated at a line end (text from a PDF or a narrow column)."""
    from .known import NameForm

    if "-\n" not in text and not re.search(r"-[ \t]+\n", text):
        return []
    by_word: dict[str, dict[str, str]] = {}
    for kw in matcher.keyed_words:
        by_word.setdefault(kw.folded, {}).setdefault(kw.code, "first_name" if kw.first else "surname")
    taken = [(r[0], r[1]) for r in raw]
    out = []
    for m in _BROKEN.finditer(text):
        codes = by_word.get(fold(m.group(1) + m.group(2)).casefold())
        if not codes or not m.group(1)[:1].isupper() or any(s < m.end() and m.start() < e for s, e in taken):
            continue
        word = m.group(1) + m.group(2)
        out.append(
            (
                m.start(),
                m.end(),
                m.group(0),
                [NameForm(text=word, code=c, rule=rule, tokens=(("word", word),)) for c, rule in codes.items()],
            )
        )
    return out
