"""What may be left of a keyed name after pseudonymise, for `scr verify --key` to point at.

Pseudonymise must be sure before it replaces a word (a wrong replacement
breaks the text); verify only has to point a person at what to check.  So,
with a key, verify also reports at medium the shapes that pseudonymise
leaves when it is not sure (keyed initials left in the text are
`names.initials.leftover_initials`):

- **short form**: a capitalised word of 2-4 letters that is no English word
  and begins or ends a keyed given name ("Lu" of Luciana, "Cel" of Maricel);
- **extended form**: a longer capitalised word, no English word, that is a
  keyed given name with an ending ("Yusufs", "Clarinha" of Clara);
- **lower case**: a lower-case word that is a keyed name word and no English
  word ("kawai" of Ka-Wai);
- **titled initial**: a title before one capital letter that begins a keyed
  person's surname ("Mr A", "Ms K.").

With a key, `find_person_slots` also points at whatever is used like a person
in the coded text and is no placeholder, code, English word, place,
organisation, title or family word, in forms pseudonymise never saw: the rest
of a name glued to a code ("MO'u"), initials before a code ("Mrs H FA"), the
quoted name a naming verb gives ("call her 'Bibi jan'"), a word after a title
or family word, beside a code, after a closing, in apposition to a role word
or where the parse puts a person, and lower-case, hyphened, apostrophed or pet
forms close to a keyed name ("sami" of Samiullah).  Each names the key entries
it is close to.  `_key_shapes` adds what the key and the text imply together: a
keyed person's letter or initials where a person stands ("T or TB"), a name's
rest glued to a code ("Granny TGMs", "YM/hiwet"), a record's "SURNAME, CODE",
a lower-case surname after its own code ("SW white"), and a word quoted as what
someone is called ('his father "Abo"') with its other uses.
`_text_shapes` adds what the coded text itself says is a person, keyed or not:
letters used as a person ("D very chatty", '"KB" is our attendance officer,
[PERSON-6]') and their other uses, a keyed given name typed in lower case in a
message ("tell blessing i am ok"), and a word set off before a role word
("Sterling, the neighbour,") with its other uses.

Settings: ``models/names/residue.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc

from ...lexicon import calendar, title_words
from ...resources import load_yaml
from ..keyfile import Key
from .folding import fold
from .known import split_name, split_title, without_generation
from .opening_verbs import inflected_word, opening_verb, opens_clause
from .unknown import _bare as _unpossessed
from .unknown import _DocContext, _line_start, _not_a_speaker, _person_position, kind_after_article, lexicon


@dataclass(frozen=True)
class Residue:
    start: int
    end: int
    text: str
    codes: tuple[str, ...]  # every keyed person it may be
    kind: str  # short_form / extended_form / lower_case / titled_initial


@dataclass(frozen=True)
class _Person:
    code: str
    given: frozenset[str]  # folded, lower case
    words: frozenset[str]  # every name word, folded, lower case, hyphens and spaces removed
    surname_letters: frozenset[str]


@lru_cache(maxsize=1)
def settings() -> dict:
    return load_yaml("names/residue.yaml")


@lru_cache(maxsize=1)
def _calendar_words() -> frozenset[str]:
    cal = calendar()
    words = [*cal.months, *cal.full_months, *cal.weekdays, *cal.weekday_abbreviations]
    return frozenset(w.casefold() for w in words)


def _letters(word: str) -> list[str]:
    return [part[0].upper() for part in re.split(r"[-‐‑]", word) if part[:1].isalpha()]


def _person(code: str, names: tuple[str, ...]) -> _Person:
    given: set[str] = set()
    words: set[str] = set()
    surname_letters: set[str] = set()
    for name in names:
        _, listed = split_title(name.split())
        parts = without_generation([w.strip(".,") for w in listed if w.strip(".,")])
        first, last = split_name(parts)
        words.update(fold(w).casefold().replace("-", "") for w in parts)
        given.update(fold(w).casefold() for w in first)
        if last:
            surname_letters.update(_letters(last[-1])[:1])
    return _Person(
        code,
        frozenset(given),
        frozenset(words),
        frozenset(surname_letters),
    )


def _extends(word: str, given: str, conf: dict) -> bool:
    """ "Yusufs" of Yusuf, "Clarinha" of Clara: the given name with an ending, or all but its last letter."""
    if word == given or len(given) < conf["stem_min"]:
        return False
    return word.startswith(given) or (len(given) > conf["stem_min"] and word.startswith(given[:-1]))


def _people(key: Key) -> list[_Person]:
    return [_person(p.code, p.names) for p in key.people]


def find_residue(doc: Doc, key: Key, taken: list[tuple[int, int]], codes: set[str], common: frozenset[str]) -> list:
    """Tokens that may be what is left of a keyed name, outside the spans in `taken`."""
    conf = settings()
    people = _people(key)
    titles = title_words()
    out: list[Residue] = []

    def free(start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in taken)

    for token in doc:
        text, start = token.text, token.idx
        end = start + len(text)
        if not free(start, end) or text in codes:
            continue
        found = _classify(token, people, conf, titles, common)
        if found:
            kind, who, end = found
            out.append(Residue(start, end, doc.text[start:end], who, kind))
    return out


def _family_language_word(token, people: list[_Person]) -> bool:
    """ "le 3 mai 2024", "hina dolls", "*koro*": a keyed word in lower case that pseudonymise left as a month of
    another language or a word of the family's language, by the same rules (known.py)."""
    from .known import _month_abroad, family_language_word

    text, start = token.doc.text, token.idx
    end = start + len(token.text)
    keyed = frozenset(w for p in people for w in p.words)
    return _month_abroad(text, start, end, token.lower_) or family_language_word(text, start, end, token.doc, keyed)


def _classify(token, people: list[_Person], conf: dict, titles, common) -> tuple[str, tuple[str, ...], int] | None:
    text = token.text
    end = token.idx + len(text)
    bare = text.replace(".", "")
    word = fold(text).casefold()
    if text.istitle() and text.isalpha() and conf["short_min"] <= len(text) <= conf["short_max"]:
        if word not in common and word not in _calendar_words() and text not in titles:
            who = tuple(
                p.code
                for p in people
                if any(
                    g != word and len(g) >= len(word) + 2 and (g.startswith(word) or g.endswith(word)) for g in p.given
                )
            )
            if who:
                return "short_form", who, end
    if text.istitle() and text.isalpha() and len(text) > conf["short_max"] and word not in common:
        who = tuple(p.code for p in people if any(_extends(word, g, conf) for g in p.given))
        if who and not _names_an_organisation(token):
            return "extended_form", who, end
    if text.islower() and text.isalpha() and len(text) >= conf["lower_min"] and word not in common:
        who = tuple(p.code for p in people if word in p.words)
        if who and not _family_language_word(token, people):
            return "lower_case", who, end
    prev = token.nbor(-1) if token.i > 0 else None
    if prev is not None and prev.text.rstrip(".") in titles and len(bare) == 1 and bare.isupper():
        who = tuple(p.code for p in people if bare in p.surname_letters)
        if who:
            return "titled_initial", who, end
    return None


def _names_an_organisation(token) -> bool:
    """The word before an organisation's head word ("the Norbulingka Institute", "Tenzinwood Surgery"): the
    organisation's name, not a keyed given name with an ending (derived.py `org_heads`)."""
    from .derived import org_heads

    nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return nxt is not None and "\n" not in token.whitespace_ and nxt.text in org_heads()


# ---------------------------------------------------------------- used like a person
# With a key, verify is the backstop: whatever pseudonymise left of a name, in whatever form, should be
# pointed at.  These rules do not need to have seen the form: they read where a word stands (beside a
# code, after a title or a family word, where the parse puts a person) or how close it is to a keyed name.

_PLACEHOLDER = re.compile(r"\[[A-Z][A-Z_]*(?:-\d+)?\]")
_APOSTROPHES = ("'", "’")
_ENT_NOT_PERSON = frozenset({"GPE", "LOC", "FAC", "ORG", "NORP", "DATE", "TIME", "EVENT", "LAW", "PRODUCT", "LANGUAGE"})


def find_person_slots(doc: Doc, key: Key, taken: list[tuple[int, int]], ctx=None) -> list[Residue]:
    """Words of the coded text used like a person's name that are no placeholder or code, no English word,
    place, organisation, title or family word: what pseudonymise may have left of a name it did not know.
    Each carries the keyed people it is close to (none when it is close to nobody)."""
    conf = settings()
    people = _people(key)
    ctx = ctx or _DocContext(doc, None)
    is_code = _code_tokens(doc, code_spans(doc.text, key))
    seen: set[int] = set()
    out: list[Residue] = []

    def add(i: int, j: int, kind: str) -> None:
        start, end = doc[i].idx, doc[j - 1].idx + len(doc[j - 1].text)
        if any(k in seen for k in range(i, j)) or not all(end <= s or start >= e for s, e in taken):
            return
        seen.update(range(i, j))
        words = [fold(doc[k].text).casefold().strip(".'’") for k in range(i, j)]
        out.append(Residue(start, end, doc.text[start:end], _close_people(words, people, conf), kind))

    for start, end in _code_remainders(doc.text, key, ctx.lex.common):  # "MO'u": a code, then the rest of the name
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            add(span.start, span.end, "code_remainder")
    for i, j in _initials_before_codes(doc, is_code):  # "Mrs H FA", "I. S. FA"
        add(i, j, "initial_by_code")
    for start, end in _placeholder_remainders(doc.text):  # "[PERSON-1]-yan": the rest of "Hoi-yan"
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            add(span.start, span.end, "code_remainder")
    for token in doc:
        if is_code[token.i] or token.i in seen:
            continue
        kind = _slot_kind(ctx, token, is_code, people, conf)
        if kind:
            add(token.i, token.i + 1, kind)
    for i, j in _called_names(doc, ctx, is_code):  # 'the children call her "Bibi jan"'
        add(i, j, "called")
    for i in _signed_names(doc, ctx, is_code):  # "Thanks, Joy": an English word too
        add(i, i + 1, "signoff")
    for i, j, kind in _left_shapes(doc, ctx, is_code, conf):  # initials, "Po Po", "her son Robo", aliases
        add(i, j, kind)
    for start, end, kind in _draft_evidence(doc.text, key):  # "Pi FR", "memory, who", "... meeting. J"
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            add(span.start, span.end, kind)
    for i, j, kind in _key_shapes(doc, ctx, is_code, key, conf):  # "T or TB", "BAILEY, TGM", 'his father "Abo"'
        add(i, j, kind)
    for i, j, kind in _text_shapes(doc, ctx, is_code, key, conf):  # "KB said", "tell blessing i..", "X, the uncle,"
        add(i, j, kind)
    return out


_CAPS_BESIDE = re.compile(r"(?P<caps>[A-Z][A-Z'’-]{2,})(?![^\W\d_])")  # a whole word: not "MBC" of "MBChB"


def _draft_evidence(text: str, key: Key):
    """What the draft itself shows to be a person's, left in the coded text, as (start, end, kind):
    - a family word of any language before a code or placeholder, explained in the text or standing before
      two different ones ("Pi FR", "Ba MGMM"; `kin_forms.inferred_prefixes`);
    - a keyed given name in lower case before "who" ("spoke to memory, who");
    - a lone capital closing a message, a keyed given name's initial ("I'll be at the meeting. J");
    - a word in capitals beside a code, as a record writes a surname ("Child D HUSSEIN", "HUSSEIN, Child D")."""
    from .derived import _role_words
    from .initials import never_initials, signed_letter_re
    from .kin_forms import frequent_words, glossed_words, opens_sentence

    codes = _codes_alternation(key)
    if not codes:
        return
    target = rf"(?:(?:{codes})\d*|\[PERSON-\d+\])(?![\w-])"
    keyed = {fold(w).casefold() for p in key.people for n in p.names for w in n.split()}
    glossed = glossed_words(text) - keyed
    before: dict[str, set[str]] = {}
    hits = list(re.finditer(rf"(?<![\w'’.-])(?P<w>[A-Z][^\W\d_A-Z]{{1,9}})[ \t]+(?P<t>{target})", text))
    for m in hits:
        if not opens_sentence(text, m.start()):  # "Whilst FA was…" says nothing about "Whilst"
            before.setdefault(m.group("w"), set()).add(m.group("t"))
    lex = lexicon()
    titles = {t.casefold() for t in title_words()} | _kin()
    for m in hits:
        w = m.group("w")
        low = w.casefold()
        if low in titles or low in keyed or low in _role_words() or re.fullmatch(codes, w):
            continue
        if low in glossed or (len(before.get(w, ())) >= 2 and low not in frequent_words() and not lex.is_known_name(w)):
            yield m.start("w"), m.end("w"), "family_word"
    firsts: dict[str, set[str]] = {}
    for p in key.people:
        for n in p.names:
            words = [w for w in n.split() if w.isalpha()]
            if words and words[0].casefold() not in titles:
                firsts.setdefault(words[0].casefold(), set()).add(p.code)
                firsts.setdefault(fold(words[0][0]).upper(), set()).add(p.code)
    for word, owners in firsts.items():
        if len(word) >= 3 and len(owners) == 1:
            for m in re.finditer(rf"(?<![\w'’.-]){re.escape(word)}(?=,?[ \t]+who\b)", text):
                yield m.start(), m.end(), "variant"
    for m in signed_letter_re().finditer(text):
        if len(firsts.get(m.group("letter"), ())) == 1:
            yield m.start("letter"), m.end(), "initial"
    abbreviations = never_initials()
    for m in re.finditer(
        rf"(?P<a>{target})[ \t]+{_CAPS_BESIDE.pattern}|{_CAPS_BESIDE.pattern.replace('caps', 'c2')},[ \t]+(?={target})",
        text,
    ):
        caps = m.group("caps") or m.group("c2")
        start = m.start("caps") if m.group("caps") else m.start("c2")
        if caps in abbreviations or re.fullmatch(codes, caps) or lex.is_common_word(caps.capitalize()):
            continue
        yield start, start + len(caps), "beside_code"


def code_spans(text: str, key: Key) -> list[tuple[int, int]]:
    """Where the key's codes (with a number: "SW1") and the placeholders ("[PERSON-3]") stand."""
    alternation = _codes_alternation(key)
    spans = [(m.start(), m.end()) for m in _PLACEHOLDER.finditer(text)]
    if alternation:
        spans += [(m.start(), m.end()) for m in re.finditer(rf"(?<![\w-])(?:{alternation})\d*(?![\w-])", text)]
    return spans


def _codes_alternation(key: Key) -> str:
    """The key's codes as one regex alternation, longest first ("" when the key has none)."""
    return "|".join(re.escape(c) for c in sorted(key.codes(), key=len, reverse=True))


def _code_tokens(doc: Doc, spans: list[tuple[int, int]]) -> list[bool]:
    marks = [False] * len(doc)
    for start, end in spans:
        span = doc.char_span(start, end, alignment_mode="expand")
        for k in range(span.start, span.end) if span is not None else ():
            marks[k] = True
    return marks


def _code_remainders(text: str, key: Key, common: frozenset[str]):
    """A code glued to the rest of a name by an apostrophe or hyphen ("MO'u" of "Hauwa'u"), not a possessive
    nor an English word ("an SW-led visit")."""
    alternation = _codes_alternation(key)
    if not alternation:
        return
    for m in re.finditer(rf"(?<![\w-])(?:{alternation})(?P<glue>[-'’‐])(?P<rest>[^\W\d_]+)", text):
        rest = m.group("rest").casefold()
        if m.group("glue") in "'’" and rest in _CLITICS:
            continue  # "CWB've been allocated": a pronoun's contraction the code replaced, no name's end
        if rest != "s" and not (len(rest) >= 3 and rest in common):  # "SW-led" is a word, "MO'u" a name's end
            yield m.start("rest") - 1, m.end("rest")


# English clitics after an apostrophe: a contraction ("I've", "she'll", "we'd") or a possessive, never a name's end
_CLITICS = frozenset({"s", "ve", "m", "d", "ll", "re"})


_PLACEHOLDER_GLUE = re.compile(r"\[[A-Z][A-Z_]*(?:-\d+)?\][-‐'’](?P<rest>[^\W\d_]+)")


def _placeholder_remainders(text: str):
    """A placeholder glued to the rest of a name by a hyphen or apostrophe ("[PERSON-1]-yan" of "Chan Hoi-yan",
    "[PERSON-3]-M" of "Mrs Al-M"): pseudonymise replaced part of a name word; not a possessive "'s"."""
    for m in _PLACEHOLDER_GLUE.finditer(text):
        rest = m.group("rest").casefold()
        frequent = (
            len(rest) >= 3
            and rest in lexicon().common
            and _common_rank(rest) < int(settings().get("glued_common_below", 5000))
        )
        if rest not in _GLUED_WORDS and not frequent:  # "[PERSON-2]-baby" is a word; "-ling" of "Mei-ling" a name
            yield m.start("rest") - 1, m.end("rest")


_GLUED_WORDS = frozenset({"s", "led", "related", "based", "like", "style", "type"})  # "[PERSON-1]'s", "[SW]-led"


def _is_initial(token) -> bool:
    text = token.text
    return (len(text) == 1 and text.isupper() and text.isalpha()) or (
        len(text) == 2 and text[0].isupper() and text[0].isalpha() and text[1] == "."
    )


def _initials_before_codes(doc: Doc, is_code: list[bool]):
    """One or more initials right before a code on the same line: what is left of a name whose surname became
    the code.  A bare "A" or "I" (an article, a pronoun) only with its full stop."""
    for token in doc:
        if not is_code[token.i] or token.i == 0 or is_code[token.i - 1]:
            continue
        i = token.i
        while i > 0:
            prev = doc[i - 1]
            if prev.text == "." and i > 1 and _is_initial(doc[i - 2]) and len(doc[i - 2].text) == 1:
                prev_start = i - 2
            elif _is_initial(prev):
                prev_start = i - 1
            else:
                break
            if "\n" in doc[prev_start:i].text_with_ws or doc[i - 1].whitespace_ == "":
                break
            i = prev_start
        if i < token.i:
            letters = doc[i : token.i].text.replace(".", "").split()
            titled = i > 0 and doc[i - 1].text.rstrip(".") in title_words(personal=True)
            if letters in (["A"], ["I"]) and "." not in doc[i : token.i].text and not titled:
                continue  # "A SW visited": the article
            yield i, token.i


def _slot_kind(ctx, token, is_code: list[bool], people: list[_Person], conf: dict) -> str | None:
    """Why `token` is used like a person's name, or None."""
    text = token.text
    if not text[:1].isalpha() or len(text) < 2 or (text.isupper() and len(text) > 1):
        return None
    word = _bare(text)
    if _listed_abbreviation(word):
        return None  # "BSc", "MBChB", "MRCPsych": letters signed after a name (models/abbreviations.txt)
    folded = fold(word).casefold()
    if token.is_lower:  # "sami", "kasia": only the closeness to a keyed name says it is one
        if _plain_lower(ctx, token, folded) or _family_language_word(token, people):
            return None
        if _close_people([folded], people, conf, prefix_only=True):
            return "variant"
        if _dictionary_word(token, word):
            return None  # "drives a lorry": an English word in lower case is the word, not a pet form of Lorraine
        return "pet_form" if _pet_form(folded, people, conf) else None
    if not text[:1].isupper():
        return None
    if _lexical(ctx, token, word, english=False):
        return None
    if _lexical(ctx, token, word) or ctx.common_use(word):  # "Joy", "Precious": a name only by where it stands
        if not _lexical(ctx, token, word) and _model_person(ctx, token, is_code):
            return "model_person"  # "Bia" written "bia" in a text message elsewhere: still the model's person
        return _word_name(ctx, token, is_code)
    if _joined(word) and _close_people([folded], people, conf):
        return "variant"
    if _pet_form(folded, people, conf):  # the keyed name says it, whatever the model's label
        return "pet_form"
    if _spelt_like_keyed(folded, people, conf):  # "Ameen" of a keyed Amine, whatever the model's label
        return "variant"
    if opening_verb(token, ctx.lex.common, ctx.lex.is_known_name, _dictionary()):
        return None  # "Phoned mum's number", "Bedwetting two nights": a log's verb, capitalised by position
    if _contextual(ctx, token, is_code):
        return None
    if _beside_code(token, is_code):
        return "beside_code"
    prev = token.doc[token.i - 1] if token.i > 0 else None
    if prev is not None and "\n" not in prev.whitespace_:
        low = prev.text.rstrip(".").casefold()
        if (prev.text.rstrip(".") in title_words(personal=True) or low in _kin()) and not _work_title(token):
            return "after_title"
    if token.doc.has_annotation("DEP"):  # a word that is no English word may open the sentence
        if _person_position(ctx, token):
            return "person_slot"
    return _unexplained(ctx, token, word, conf)


def _listed_abbreviation(word: str) -> bool:
    from .initials import never_initials

    return word in never_initials()


def _model_person(ctx, token, is_code: list[bool]) -> bool:
    """No English word, but written in lower case elsewhere in the review (so `common_use`), and the model
    reads it as a person mid-sentence: a name someone also typed in lower case ("tell bia ..."), not a word."""
    if token.ent_type_ != "PERSON" or ctx.title_case_line(token):
        return False  # (a sentence's first word too: no English word either way)
    if _dictionary_word(token, _bare(token.text)):
        return False  # "Locum", "Childminder": rarer English words the common list lacks
    return not _contextual(ctx, token, is_code)


def _unexplained(ctx, token, word: str, conf: dict) -> str | None:
    """A capitalised word that nothing explains: no English word, place, organisation, title, family
    word, code or known thing, in running text (not a heading line).  Pseudonymise only codes what
    it can place; verify with a key points at the rest, since a name nobody listed looks just so."""
    if not conf.get("unexplained", True) or len(word) < int(conf.get("unexplained_min", 3)):
        return None
    if not token.is_title or ctx.title_case_line(token) or _dictionary_word(token, word):
        return None
    if _place_by_use(ctx, token, conf) or _in_known_phrase(ctx, token) or _prefix_of_compound(token):
        return None
    if kind_after_article(ctx, token.i):
        return None  # "a Lhasa Apso": a kind of thing, as pseudonymise reads it
    return "unexplained"


def _place_by_use(ctx, token, conf: dict) -> bool:
    """After a locative word ("in Sylhet", "at Treliske"), or so used anywhere in the review, or before a place
    head or street type ("the Brookfield estate", "Marsh Lane"): a place by how the review uses it.  The place
    heads are the quasi recognizer's, so the place it reports at its own severity is not also called a name."""
    doc = token.doc
    locatives = conf.get("unexplained_place_words", ())
    before = token.i - 1
    while before >= 0 and doc[before].is_space and doc[before].text.count("\n") <= 1:
        before -= 1  # "the unit at\nPenmorva": a line the draft wrapped between the two words (not a new paragraph)
    if before >= 0 and doc[before].lower_ in locatives:
        return True
    if token.i + 1 < len(doc) and doc[token.i + 1].text in _place_heads():
        return True
    return token.text in ctx.words_after(frozenset(locatives))  # "in Gravesend" once, "Gravesend" bare later


@lru_cache(maxsize=1)
def _place_heads() -> frozenset[str]:
    quasi = load_yaml("policy.yaml").get("quasi", {})
    return frozenset(quasi.get("small_place_heads", ())) | frozenset(quasi.get("street_types", ()))


def _in_known_phrase(ctx, token) -> bool:
    """One word of a known two-word place, country, people or language ("Sri Lankan", "Port Talbot")."""
    doc, lex = token.doc, ctx.lex
    known = (lex.places, lex.countries, lex.peoples, lex.languages)
    pairs = []
    if token.i > 0:
        pairs.append(f"{doc[token.i - 1].text} {token.text}")
    if token.i + 1 < len(doc):
        pairs.append(f"{token.text} {doc[token.i + 1].text}")
    return any(pair in words or pair[:-1] in lex.countries for pair in pairs for words in known)  # "Sri Lankan"


def _prefix_of_compound(token) -> bool:
    """The capitalised first part of a hyphened word whose next part is lower case ("Multi-agency"); a
    hyphened name has a capital on both sides ("Jo-Anne")."""
    doc = token.doc
    k = token.i + 1
    return k + 1 < len(doc) and token.whitespace_ == "" and doc[k].text in ("-", "‐") and doc[k + 1].is_lower


def _dictionary_word(token, word: str) -> bool:
    """An English word of the model's own dictionary (its lemmatizer's WordNet index), the word or its lemma
    ("Paediatrics", "Lodgers"): rarer words than the common-word list holds, which no family is named."""
    words = _dictionary()
    return word.casefold() in words or token.lemma_.casefold() in words


@lru_cache(maxsize=1)
def _dictionary() -> frozenset[str]:
    from ...errors import ModelNotAvailable
    from ...nlp import load_nlp
    from .known import english_lexicon

    try:
        return english_lexicon(load_nlp())  # loaded once per process; the parse that made the doc used it
    except ModelNotAvailable:
        return frozenset()


def _work_title(token) -> bool:
    """ "Uncle Tom's Cabin", "Aunt Bessie's Puddings": a possessive name inside a capitalised title."""
    doc = token.doc
    k = token.i + 1
    return k + 1 < len(doc) and doc[k].text in ("'s", "’s") and doc[k + 1].text[:1].isupper() and doc[k + 1].is_alpha


def _word_name(ctx, token, is_code: list[bool]) -> str | None:
    """An English word capitalised mid-sentence where only a name stands: after a personal title or a family
    word ("Auntie Joy", "Mrs Wood") or, bare, as the subject of a person verb ("when Precious visited")."""
    doc = token.doc
    if not token.is_title or opens_clause(token) or ctx.title_case_line(token):
        return None  # a sentence's, a line's or a table cell's first word: "| Call log | Tenant calls: ..."
    if ctx.blocked[token.i] or _bare(token.text) in ctx.org_words:
        return None
    if token.i + 1 < len(doc) and is_code[token.i + 1]:
        return None  # "Staff SN", "Sister MW": a rank before the person's code
    if _apposed_to_role(ctx, token):
        return "person_slot"  # "her friend, Blessing, said": the parse over the model's label
    if _contextual(ctx, token, is_code):
        return None
    prev = doc[token.i - 1] if token.i > 0 else None
    if prev is None or "\n" in prev.whitespace_:
        return None
    if prev.text.rstrip(".") in title_words(personal=True) or (prev.lower_ in _kin() and prev.text[:1].isupper()):
        nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if not (nxt is not None and nxt.text[:1].isupper() and nxt.is_alpha) and not _work_title(token):
            return "after_title"
    if not doc.has_annotation("DEP"):
        return None
    if (
        token.dep_ in ("nsubj", "nsubjpass")
        and token.head.lemma_.casefold() in ctx.lex.subject_verbs
        and not _not_a_speaker(ctx, token)
    ):
        return "person_slot"
    return None


def _apposed_to_role(ctx, token) -> bool:
    """Set off by a comma in apposition to a role or family word: "her friend, Blessing,", "Joy, her aunt,"."""
    doc = token.doc
    if token.i == 0 or doc[token.i - 1].text != "," or not doc.has_annotation("DEP"):
        return False
    if token.i + 1 < len(doc) and doc[token.i + 1].text[:1].isupper():
        return False  # "the nurse, Staff SW": a rank before a name
    roles = ctx.lex.roles
    return (token.dep_ == "appos" and token.head.lower_ in roles) or any(
        c.dep_ == "appos" and c.lower_ in roles for c in token.children
    )


def _bare(text: str) -> str:
    """The word without a possessive or a trailing apostrophe ("Joy's", "Agnes'")."""
    return _unpossessed(text).rstrip("'’")


def _joined(word: str) -> bool:
    """A hyphened or apostrophed form ("Hauwa'u", "K-A")."""
    return any(c in word for c in ("-", "‐", *_APOSTROPHES))


def _plain_lower(ctx, token, word: str) -> bool:
    """A lower-case word that is English, a family or role word, a month, or a pronoun."""
    lex = ctx.lex
    return (
        (word in lex.common and _common_rank(word) < int(settings().get("lower_rare_from", 15000)))
        or token.is_stop
        or word in _kin()
        or word in lex.roles
        or word in _calendar_words()
        or token.pos_ in ("PRON", "DET", "ADP", "AUX", "CCONJ", "SCONJ", "PART", "NUM")
        or token.like_url
        or token.like_email
    )


@lru_cache(maxsize=1)
def _common_ranks() -> dict[str, int]:
    from ...resources import read_lines

    return {w: i for i, w in enumerate(read_lines("names", "common_words.txt"))}


def _common_rank(word: str) -> int:
    """Where the word stands in the English word list, most frequent first (models/names/common_words.txt)."""
    return _common_ranks().get(word, 0)


def _lexical(ctx, token, word: str, english: bool = True) -> bool:
    """No name by the word lists: English (unless not `english`), a title, a family or role word, a month,
    a place, a country, a people or language, a word the lexicon knows is no person's."""
    lex = ctx.lex
    low = word.casefold()
    return (
        (english and low in lex.common)
        or token.is_stop
        or token.pos_ in ("PRON", "DET", "NUM")
        or word in lex.titles
        or low in _kin()
        or low in lex.roles
        or low in lex.non_person_lower
        or word in lex.places
        or word in lex.countries
        or word in lex.peoples
        or word in lex.languages
        or low in _calendar_words()
        or token.like_url
        or token.like_email
    )


def _contextual(ctx, token, is_code: list[bool]) -> bool:
    """No name by this review: part of a phrase that is no person, an organisation's word here, or a
    place, organisation, nationality, date or thing by the model (unless the model's entity holds a code:
    "Pania FA" is no football association)."""
    if ctx.blocked[token.i] or _bare(token.text) in ctx.org_words:
        return True
    if token.ent_type_ not in _ENT_NOT_PERSON:
        return False
    ent = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
    return ent is None or not any(is_code[ent.start : ent.end])


@lru_cache(maxsize=1)
def _kin() -> frozenset[str]:
    """Family words and family honorifics, any language (lower case)."""
    from ...lexicon import before_name_words, honorifics, kin_words

    words = {k.word.casefold() for k in kin_words()} | set(before_name_words())
    table = honorifics()
    for part in ("alone", "suffix", "teknonym", "before_given"):
        words |= set(table[part])
    return frozenset(words)


@lru_cache(maxsize=1)
def _named_only_kin() -> dict[str, tuple[str, ...]]:
    """Family words that are family words only in a draft naming their language (Fijian "Bubu", Georgian
    "Deda"; `named_only` in models/lexicon/honorifics.yaml), with those languages."""
    from ...lexicon import honorifics

    return {
        word: tuple(fields.get("lang") or ())
        for word, fields in honorifics()["alone"].items()
        if isinstance(fields, dict) and fields.get("named_only")
    }


def _kin_of_unnamed_language(text: str, low: str) -> bool:
    """A word that is a family word only in a language this draft does not show: elsewhere a pet name ("Bubu
    Bubu" said twice is still someone's name)."""
    from .kin_forms import _language_shown

    langs = _named_only_kin().get(low)
    return langs is not None and not _language_shown(text, langs)


def _beside_code(token, is_code: list[bool]) -> bool:
    """Right before or after a code or placeholder on the same line, only spaces between ("Inese MO")."""
    doc = token.doc
    i = token.i
    before = i > 0 and is_code[i - 1] and doc[i - 1].whitespace_ in (" ", "\t")
    after = i + 1 < len(doc) and is_code[i + 1] and token.whitespace_ in (" ", "\t")
    return bool(before or after)


def _called_names(doc: Doc, ctx, is_code: list[bool]):
    """The quoted words a naming verb gives a person ("the children call her 'Bibi jan'", "known as 'Tee'",
    "called their grandmother 'Nana Jo'"), family words and lower case included: a form of someone's name
    however it is spelt, unless every word of it is English ("known as 'quiet'")."""
    quotes = {'"', "“", "'", "‘"}
    closing = {'"', "”", "'", "’"}
    lex = ctx.lex
    for token in doc:
        if token.pos_ != "VERB" or token.lemma_.casefold() not in lex.naming_verbs:
            continue
        k = _named_object_end(doc, token.i + 1)
        if k >= len(doc) or doc[k].text not in quotes:
            continue
        end = k + 1
        while end < len(doc) and end - k <= 3 and doc[end].text not in closing and doc[end].is_alpha:
            end += 1
        if end >= len(doc) or doc[end].text not in closing or end == k + 1 or any(is_code[k + 1 : end]):
            continue
        words = [doc[i].lower_ for i in range(k + 1, end)]
        titled = any(doc[i].is_title and not _not_a_name(ctx, doc[i]) for i in range(k + 1, end))
        if titled or any(w in _kin() or w not in lex.common for w in words):  # 'call "Babi"' is capitalised
            yield k + 1, end


def _signed_names(doc: Doc, ctx, is_code: list[bool]):
    """The first word after a closing that opens its line ("Kind regards, Joy", "Thanks,⏎Bridie"): the
    writer's name, English word or not (a title, family or role word is no name)."""
    lowers = [t.lower_ for t in doc]
    for i in range(len(doc)):
        for words in ctx.lex.signoffs:
            n = len(words)
            if tuple(lowers[i : i + n]) != words or not _line_start(ctx, i):
                continue
            k = i + n
            while k < len(doc) and (doc[k].is_space or doc[k].text in (",", "!", "-", "–", ">")):
                k += 1
            if k < len(doc) and doc[i + n - 1 : k].text_with_ws.count("\n") <= 1 and not is_code[k]:
                token = doc[k]
                if _SINGLE_INITIAL.fullmatch(token.text):
                    yield k  # "Cheers, O.": the writer signs with an initial
                elif token.is_title and token.is_alpha and not _lexical(ctx, token, token.text, english=False):
                    yield k
            break


def _named_object_end(doc: Doc, k: int) -> int:
    """After a naming verb, past who is named: "her", "their grandmother", "as"."""
    if k < len(doc) and doc[k].lower_ in ("as", "her", "him", "them", "me", "us"):
        return k + 1
    if k + 1 < len(doc) and doc[k].lower_ in ("his", "her", "their", "my", "our") and doc[k + 1].lower_ in _kin():
        return k + 2
    return k


def _pet_form(word: str, people: list[_Person], conf: dict) -> bool:
    """The word less a pet ending begins a keyed given name ("Samiullah" -> "Samijan")."""
    stem_min = int(conf.get("pet_stem_min", 3))
    for ending in _pet_endings():
        if word.endswith(ending) and len(word) - len(ending) >= stem_min:
            stem = word[: -len(ending)]
            if any(g.startswith(stem) and g != word for p in people for g in p.given):
                return True
    return False


@lru_cache(maxsize=1)
def _pet_endings() -> tuple[str, ...]:
    from ...lexicon import honorifics

    endings = {fold(str(e)).casefold() for e in settings().get("pet_endings", ())}
    for lang in honorifics()["diminutives"].values():
        endings |= {fold(str(e)).casefold() for e in lang.get("suffixes", ())}
    return tuple(sorted((e for e in endings if e), key=len, reverse=True))


def _spelt_like_keyed(folded: str, people: list[_Person], conf: dict) -> bool:
    """A capitalised word that no list explains, one edit from a keyed name word or sounding like it ("Ameen" of
    Amine, "Jayde" of Jade): a slip in the spelling, not another word.  A shared beginning alone is not enough
    here ("Barnardo's" and a keyed Barnes), since the model's label is not consulted."""
    return bool(_close_people([folded], people, {**conf, "variant_prefix": 99}))


def _close_people(words: list[str], people: list[_Person], conf: dict, prefix_only: bool = False) -> tuple[str, ...]:
    """Keyed people one of `words` is close to: shares its first `variant_prefix` letters with a name word,
    is one edit from it or sounds like it (metaphone), or (any length) is that name word.  `prefix_only`:
    of the shared beginnings only where one word begins the other ("sami" of Samiullah), for lower-case
    words (a Welsh "goroesi" shares four letters with Goronwy and is no name)."""
    import jellyfish
    from rapidfuzz.distance import OSA

    prefix = int(conf.get("variant_prefix", 4))
    least = int(conf.get("variant_min", 4))
    found = []
    for p in people:
        for w in words:
            parts = [x for x in re.split(r"[-‐'’ ]", w) if x] + [w.replace("-", "").replace("'", "")]
            if any(_near(x, n, prefix, least, OSA, jellyfish, prefix_only) for x in parts for n in p.words):
                found.append(p.code)
                break
    return tuple(found)


def _near(word: str, name: str, prefix: int, least: int, osa, jellyfish, prefix_only: bool = False) -> bool:
    if word == name:
        return True
    if len(word) < least:
        return False
    if len(word) >= prefix and len(name) >= prefix and word[:prefix] == name[:prefix]:
        if not prefix_only or name.startswith(word) or word.startswith(name):
            return True
    if osa.distance(word, name) <= 1:
        return True
    if prefix_only:
        return False  # a lower-case word sounding like a name is most often another word ("goroesi", Carys)
    return word[0] == name[0] and len(word) >= least + 1 and jellyfish.metaphone(word) == jellyfish.metaphone(name)


# ---------------------------------------------------------------- shapes a name leaves behind
# Whatever word lists say, some shapes in a coded draft are a person's name: initials a line declares after a
# placeholder ("[PERSON-3] (GPi)") and where they stand for the person later, a single initial where a person
# stands ("Dr B.", "'L.' was staying", "Cheers, O."), a word said twice ("Po Po", "Tata! Tata!"), a capitalised
# word after a family word ("his brother Robo", "her daughter Favour", "the uncle (Robo)"), a quoted form listed
# beside a code ('"Ammu" or "CL"'), and the word a naming verb gives without quotes ("KE calls her Mi").

_INITIALS_SHAPE = re.compile(r"(?:[A-Z](?:[A-Za-z]{0,2}[A-Z][a-z]?|[A-Z]{1,3}))|(?:[A-Z]\.){2,4}")
_SINGLE_INITIAL = re.compile(r"[A-Z]\.")
_POSSESSIVE_DETS = frozenset({"her", "his", "their", "my", "our", "your", "'s", "’s"})


def _left_shapes(doc: Doc, ctx, is_code: list[bool], conf: dict):
    """(start, end, kind) token runs of the shapes above; settings in models/names/residue.yaml `left_shapes`."""
    shapes = conf.get("left_shapes", {})
    if shapes.get("declared_initials", True):
        yield from _declared_initials(doc, ctx, is_code)
    if shapes.get("single_initial", True):
        yield from _single_initials(doc, ctx, is_code)
    if shapes.get("reduplicated", True):
        yield from _reduplicated(doc, ctx, is_code, int(shapes.get("reduplicated_max", 6)))
    if shapes.get("after_kin", True):
        yield from _after_kin(doc, ctx, is_code)
    if shapes.get("quoted_aliases", True):
        yield from _quoted_aliases(doc, ctx, is_code)
    if shapes.get("called_bare", True):
        yield from _called_bare(doc, ctx, is_code)
    if shapes.get("slash_aliases", True):
        yield from _slash_aliases(doc, ctx, is_code)


@lru_cache(maxsize=1)
def _country_adjectives() -> frozenset[str]:
    """Every adjective the lexicon's country names form with an English ending (residue.yaml
    `country_adjective_endings`): the name whole or without its final vowel, then the ending.  A word that is
    also a known name ("Koren", "Peri") is left out: the ending made a surname, not only an adjective."""
    lex = lexicon()
    endings = settings().get("country_adjective_endings") or ()
    out = set()
    for country in lex.countries:
        if " " in country:
            continue
        stems = {country} | ({country[:-1]} if country[-1:] in "aeiouy" else set())
        out |= {stem + ending for stem in stems for ending in endings}
    return frozenset(w for w in out - set(lex.countries) if not lex.is_known_name(w))


def _not_a_name(ctx, token) -> bool:
    """A title, family or role word, a word no person bears, a place, a country or its adjective: never a name
    here."""
    low, lex = token.lower_.rstrip("."), ctx.lex
    return (
        token.text in _country_adjectives()
        or token.text in lex.titles
        or token.text in lex.peoples
        or token.text in lex.languages
        or token.text in lex.thing_prefixes
        or (low in _kin() and not _kin_of_unnamed_language(ctx.doc.text, low))
        or low in lex.roles
        or low in lex.non_person_lower
        or token.text in lex.places
        or token.text in lex.countries
        or low in _calendar_words()
    )


def _declared_initials(doc: Doc, ctx, is_code: list[bool]):
    """Initials in brackets right after a placeholder or code ("[PERSON-3] (GPi) – housing officer"): the
    person's initials, which minutes then use for them ("3.6 GPi (housing): ..."). Every later use is reported,
    or, for initials that are also a common abbreviation ("LA"), only a speaker's attribution ("LA (nursery):"):
    "CSC agreed" is the agency."""
    declared: set[str] = set()
    for k in range(1, len(doc) - 2):
        if doc[k].text != "(" or not is_code[k - 1] or doc[k + 2].text != ")" or is_code[k + 1]:
            continue
        if not _opens_line(doc, is_code, k - 1):
            continue  # "Red, Amber or Green (RAG)", "a visit with X (SU)": an abbreviation's or a role's brackets
        if _INITIALS_SHAPE.fullmatch(doc[k + 1].text) and doc[k + 1].text not in ctx.lex.titles:
            declared.add(doc[k + 1].text)
    if not declared:
        return
    from ..codes import general_abbreviations  # (cached there; imported here to keep codes out of start-up)

    abbreviations = general_abbreviations()
    for token in doc:
        if token.text not in declared or is_code[token.i]:
            continue
        if _attribution(doc, token.i) or token.text not in abbreviations:
            yield token.i, token.i + 1, "declared_initials"


def _attribution(doc: Doc, i: int) -> bool:
    """ "GPi (housing):" — initials, a bracketed role, a colon: who speaks in a note of a meeting."""
    if i + 3 >= len(doc) or doc[i + 1].text != "(" or not doc[i + 2].is_lower:
        return False
    close = doc[i + 3].text
    return close == "):" or (close == ")" and i + 4 < len(doc) and doc[i + 4].text == ":")


def _initial_person(ctx, token) -> bool:
    """The parse puts the initial where a person stands, or it owns something ("B.'s comments")."""
    doc = token.doc
    if doc.has_annotation("DEP") and _person_position(ctx, token):
        return True
    return token.i + 1 < len(doc) and doc[token.i + 1].text in ("'s", "’s")


def _single_initials(doc: Doc, ctx, is_code: list[bool]):
    """One initial with a full stop where a person stands: after a personal title ("Dr B."), owning something
    ("B.'s"), as the subject of a person verb ("L. was now staying"), quoted alone ('the "P." in the note'), or
    followed by "who" ("'D' who has a car", a letter without a stop too).  Not after another capitalised word
    ("Child D.", "Plan B.")."""
    titles = title_words(personal=True)
    quotes = {'"', "“", "”", "'", "‘", "’"}
    for token in doc:
        i = token.i
        text = token.text
        bare_letter = len(text) == 1 and text.isupper()
        if is_code[i] or not (_SINGLE_INITIAL.fullmatch(text) or bare_letter):
            continue
        prev = doc[i - 1] if i > 0 else None
        nxt = doc[i + 1] if i + 1 < len(doc) else None
        if bare_letter and _kin_glued(doc, i):
            yield i, i + 3, "initial"  # "P-uncle": the relative's initial glued to the family word
            continue
        if prev is not None and is_code[i - 1] and not bare_letter and prev.whitespace_ == " ":
            yield i, i + 1, "initial"  # '"LF D."': a surname's initial left after the given name's code
            continue
        if prev is not None and prev.text[:1].isupper() and prev.text.rstrip(".") not in titles:
            continue
        if not bare_letter and _before_code(doc, is_code, i):
            yield i, i + 1, "initial"  # "B.⏎[PERSON-9], nursery manager": a given name's initial, a line wrapped
            continue
        quoted = prev is not None and prev.text in quotes and nxt is not None and nxt.text in quotes
        after_quote = doc[i + 2] if quoted and i + 2 < len(doc) else nxt
        if after_quote is not None and after_quote.lower_ == "who":
            yield i, i + 1, "initial"
            continue
        if bare_letter:
            continue
        titled = prev is not None and prev.text.rstrip(".") in titles and "\n" not in prev.whitespace_
        if titled or quoted or _initial_person(ctx, token):
            yield i, i + 1, "initial"


def _before_code(doc: Doc, is_code: list[bool], i: int) -> bool:
    """The next word is a code or placeholder, with only a space or one line break between."""
    k = i + 1
    if k < len(doc) and doc[k].is_space and doc[k].text.count("\n") <= 1:
        k += 1
    return k < len(doc) and is_code[k] and doc[i].whitespace_ in ("", " ", "\n") and doc[i].whitespace_.count("\n") <= 1


def _kin_glued(doc: Doc, i: int) -> bool:
    return (
        i + 2 < len(doc) and doc[i + 1].text in ("-", "‐") and doc[i + 2].lower_ in _kin() and doc[i].whitespace_ == ""
    )


def _reduplicated(doc: Doc, ctx, is_code: list[bool], longest: int):
    """A short capitalised word said twice ("Po Po", "Yan Yan", "Tata! Tata!"): how a child names a grandparent
    or is named at home, and no English phrase."""
    k = 0
    while k + 1 < len(doc):
        a = doc[k]
        j = k + 2 if k + 2 < len(doc) and doc[k + 1].text in ("!", ",", "-") else k + 1
        b = doc[j]
        if (
            a.text == b.text
            and a.is_title
            and a.is_alpha
            and 2 <= len(a.text) <= longest
            and not a.is_stop
            and not is_code[k]
            and not _not_a_name(ctx, a)
            and "\n" not in doc[k:j].text_with_ws
        ):
            yield k, j + 1, "reduplicated"
            k = j + 1
            continue
        k += 1


def _after_kin(doc: Doc, ctx, is_code: list[bool]):
    """A capitalised word right after a family word that a possessive opens ("his brother Robo", "her daughter
    Favour told ..."), or in brackets after one ("the paternal uncle (Robo)"): the relative's name, English word
    or not, even where the model reads "brother Robo" as a role."""
    for token in doc:
        i = token.i
        if i < 2 or is_code[i] or not token.is_title or not token.is_alpha or _not_a_name(ctx, token):
            continue
        if token.is_sent_start or ctx.title_case_line(token):
            continue
        prev = doc[i - 1]
        if prev.text == "(" and i + 1 < len(doc) and doc[i + 1].text == ")":
            kin = doc[i - 2]
            if kin.is_lower and kin.lower_ in _kin():
                yield i, i + 1, "after_kin"
            continue
        if not (prev.is_lower and prev.lower_ in _kin() and prev.whitespace_ == " "):
            continue
        opener = doc[i - 2]
        if opener.lower_ in _POSSESSIVE_DETS or (i >= 3 and opener.is_lower and doc[i - 3].lower_ in _POSSESSIVE_DETS):
            yield i, i + 1, "after_kin"  # "her daughter Favour", "his older brother Robo"


_QUOTED = re.compile(r"[\"“](?P<q>[^\"“”\n]{1,40})[\"”]|(?<![\w’'])[‘'](?P<s>[^‘’'\n]{1,30})[’'](?![\w’'])")
_ALIAS_SEP = re.compile(r"\s*(?:,\s*)?(?:or|and|/|,)\s*")


def _quoted_aliases(doc: Doc, ctx, is_code: list[bool]):
    """Quoted forms listed together where one is a code or placeholder ('at home she is "Ammu" or "CL"',
    '"[PERSON-2]" or "Jigneshbhai"'): the others are forms of the same person's name."""
    text = doc.text
    quoted = list(_QUOTED.finditer(text))
    runs: list[list[re.Match]] = []
    for m in quoted:
        if runs and _ALIAS_SEP.fullmatch(text[runs[-1][-1].end() : m.start()]):
            runs[-1].append(m)
        else:
            runs.append([m])
    for run in runs:
        if len(run) == 1:
            yield from _named_beside_code(doc, ctx, is_code, run[0])
            continue
        spans = [
            (m.start("q") if m.group("q") else m.start("s"), m.end("q") if m.group("q") else m.end("s")) for m in run
        ]
        coded = [_all_code(doc, is_code, a, b) for a, b in spans]
        if not any(coded):
            continue
        for (a, b), is_coded in zip(spans, coded, strict=True):
            if is_coded or not any(c.isupper() for c in text[a:b]):
                continue
            span = doc.char_span(a, b, alignment_mode="expand")
            if span is not None and len(span) <= 4:
                yield span.start, span.end, "alias"


def _named_beside_code(doc: Doc, ctx, is_code: list[bool], m: re.Match):
    """One quoted name with a code or placeholder inside ('known as "Ammo [PERSON-12]"'): its other capitalised
    words are the rest of that name, unless a title or family word ("Auntie [PERSON-15]")."""
    group = "q" if m.group("q") else "s"
    span = doc.char_span(m.start(group), m.end(group), alignment_mode="expand")
    if span is None or len(span) > 4 or not any(is_code[t.i] for t in span):
        return
    if any(t.is_alpha and not is_code[t.i] and not t.is_title for t in span):
        return  # 'drinks on Fridays': a sentence, not a name
    for t in span:
        if not is_code[t.i] and t.is_title and t.is_alpha and not _lexical(ctx, t, t.text):
            yield t.i, t.i + 1, "alias"  # not "Team Child E", "Doctor FA", "Papa EF": English words before a code


def _slash_aliases(doc: Doc, ctx, is_code: list[bool]):
    """A capitalised word joined to a code by a slash, no space ("MGM/Mi", "Mi/MGM"): two names of one person."""
    for token in doc:
        i = token.i
        if is_code[i] or not token.is_title or not token.is_alpha or _not_a_name(ctx, token):
            continue
        before = (
            i >= 2
            and doc[i - 1].text == "/"
            and is_code[i - 2]
            and doc[i - 2].whitespace_ == ""
            and doc[i - 1].whitespace_ == ""
        )
        after = (
            i + 2 < len(doc)
            and doc[i + 1].text == "/"
            and is_code[i + 2]
            and token.whitespace_ == ""
            and doc[i + 1].whitespace_ == ""
        )
        if before or after:
            yield i, i + 1, "alias"


def _all_code(doc: Doc, is_code: list[bool], start: int, end: int) -> bool:
    """Codes and placeholders only, with a title before one ("Mrs AH")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    titles = title_words(personal=True)
    return (
        span is not None
        and any(is_code[t.i] for t in span)
        and all(is_code[t.i] or t.is_punct or t.is_space or t.text.rstrip(".") in titles for t in span)
    )


def _opens_line(doc: Doc, is_code: list[bool], k: int) -> bool:
    """The code or placeholder ending at token k opens its line (after a bullet or a list number): an
    attendance list's "[PERSON-3] (GPi) – housing officer"."""
    i = k
    while i > 0 and is_code[i - 1] and "\n" not in doc[i - 1].whitespace_:
        i -= 1
    j = i - 1
    while j >= 0 and "\n" not in doc[j].whitespace_ and (doc[j].text in ("-", "•", "*", "·", "|") or doc[j].like_num):
        j -= 1
    return j < 0 or "\n" in doc[j].whitespace_ or doc[j].is_space


def _called_bare(doc: Doc, ctx, is_code: list[bool]):
    """The capitalised word a naming verb gives a person without quotes ("KE calls her Mi", "known as Bibi"):
    a name, English word or not, unless it is a family, role or title word ("calls him Dad")."""
    for token in doc:
        if token.pos_ not in ("VERB", "AUX") or token.lemma_.casefold() not in ctx.lex.naming_verbs:
            continue
        k = _named_object_end(doc, token.i + 1)
        if k == token.i + 1 and not (k < len(doc) and doc[k].lower_ == "as"):
            continue  # "called Kim" is the unknown-name finder's; here only after "her", "him", "as"
        if k < len(doc) and doc[k].lower_ == "as":
            k += 1
        if k >= len(doc) or is_code[k]:
            continue
        word = doc[k]
        nxt = doc[k + 1] if k + 1 < len(doc) else None
        if nxt is not None and (nxt.lower_ in _kin() or nxt.text in ctx.lex.titles):
            continue  # "calls her Old Nan": a family word the adjective goes with
        if word.is_title and word.is_alpha and not _not_a_name(ctx, word) and not word.is_stop:
            yield k, k + 1, "called"


# ---------------------------------------------------------------- what the key and the text imply
# With a key, verify knows each person's initials, the letter of a code like "Child T", and every name word; the
# coded text shows where a person stands.  Together they point at what is left of a keyed name in shapes no word
# list holds (settings: models/names/residue.yaml `key_shapes`):
# - a keyed person's own letter or initials standing where a person stands ("T or TB", "F. - booked", "M was
#   arrested", "RT: no concerns");
# - a code with the rest of a name glued to it ("Granny TGMs", "Child Ys mum", "YM/hiwet", "K-[PERSON-6]");
# - a record's "SURNAME, Given" shape around a code, whatever the surname ("BAILEY, TGM", "G/hiwet, YM");
# - a lower-case word right after a code that is spelt like that person's name ("SW white" of Whyte);
# - a capitalised word quoted as what someone is called after a family or naming word ('his father "Abo"',
#   'to her friends "Tee"', 'registered him as "Van"'), or greeted as kin ('"Ngo my sister'), English word or
#   not, and then every other capitalised use of it in the text (one sense per document).


def _key_letters(key: Key) -> dict[str, set[str]]:
    """Capitals -> codes of the keyed people they may stand for: the given name's initial ("F" of Filmon), the
    run-together initials of every listed name ("KAW"), and the letter a code like "Child T" ends in."""
    from .initials import initials_of

    titles = {t.casefold() for t in title_words()}
    out: dict[str, set[str]] = {}
    for p in key.people:
        parts = p.code.split()
        if len(parts) == 2 and len(parts[1]) == 1 and parts[1].isupper():
            out.setdefault(parts[1], set()).add(p.code)  # "Child T" -> "T"
        for name in p.names:
            words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", name) if w.casefold() not in titles]
            if words:
                out.setdefault(fold(words[0][0]).upper(), set()).add(p.code)
            for caps in initials_of(name):
                out.setdefault(caps, set()).add(p.code)
    return out


_NOT_NAME_POS = frozenset({"VERB", "AUX", "ADP", "DET", "PRON", "CCONJ", "SCONJ", "PART", "ADV", "NUM"})
_PERSON_PREPOSITIONS = frozenset({"about", "for", "from", "with"})
_ATTRIBUTION_AFTER = re.compile(r"[ \t]*(?::|[—–][ \t]|-[ \t])")


def _letter_in_person_place(doc: Doc, ctx, is_code: list[bool], i: int) -> bool:
    """The letter or capitals at token i stand where a person stands: the parse's subject or object of a person
    verb (or of "about"), coordinated with a code ("T or TB"), or attributing a line or a quoted note ("RT: ...",
    '"F. — booked"')."""
    token = doc[i]
    prev = doc[i - 1] if i > 0 else None
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    if prev is not None and prev.text[:1].isupper() and prev.is_alpha and "\n" not in prev.whitespace_:
        return False  # "Child D", "Plan B", "Section F": a letter of a capitalised phrase
    if nxt is not None and (nxt.like_num or nxt.text in (")", "]", "%")):
        return False
    if doc.has_annotation("DEP"):
        if _person_position(ctx, token):
            return True
        if token.dep_ == "pobj" and token.head.lower_ in _PERSON_PREPOSITIONS:
            return True
    if prev is not None and prev.lower_ in _PERSON_PREPOSITIONS and token.text.endswith("."):
        return True  # "concerned about F." however the parse reads the stop
    k = i + 2 if nxt is not None and nxt.text in _QUOTE_CLOSE else i + 1
    if k + 1 < len(doc) and doc[k].lower_ in ("is", "was", "=") and is_code[k + 1]:
        return True  # '"T" is Child T': the text says whom the letter stands for
    for a, b in ((i - 2, i - 1), (i + 2, i + 1)):  # "T or TB", "TB and T"
        if 0 <= a < len(doc) and is_code[a] and doc[b].lower_ in ("or", "and", "&", "/"):
            return True
    bare_end = token.idx + len(token.text)
    text = doc.text
    line_start = text.rfind("\n", 0, token.idx) + 1
    opener = text[line_start : token.idx].strip(" \t>*-•|\"“'‘") == "" or text[token.idx - 1 : token.idx] in '"“'
    return opener and bool(_ATTRIBUTION_AFTER.match(text, bare_end))


def _role_shorthand(doc: Doc, conf: dict) -> set[str]:
    """Letters a case note uses as role shorthand ("M and F", "M, CP, SIB"): every letter of a
    `key_shapes.role_letter_sets` set when all of them stand alone in the text, so none is a name's letter."""
    alone = {t.text.rstrip(".") for t in doc if len(t.text.rstrip(".")) == 1 and t.text[:1].isupper()}
    out: set[str] = set()
    for group in conf.get("key_shapes", {}).get("role_letter_sets", ()):
        if set(group) <= alone:
            out |= set(group)
    return out


def _outline_letters(text: str) -> set[str]:
    """Letters that number an outline ("B: Background", "C. Chronology", "D) Analysis"): single capitals opening
    short lines of a capitalised heading, two or more of them next to each other in the alphabet.  A minute's
    attribution ("R: said she was fine") opens a sentence, and its letters are no alphabetical run."""
    opening = {
        m[1]
        for m in re.finditer(r"(?m)^[ \t]*([A-Z])[:.)][ \t]+(?=[A-Z])([^\n]*)$", text)
        if len(m[2].split()) <= 8 and not re.search(r"[.!?]$", m[2].strip())
    }
    return {c for c in opening if chr(ord(c) - 1) in opening or chr(ord(c) + 1) in opening}


def _keyed_letters(doc: Doc, ctx, is_code: list[bool], key: Key, conf: dict):
    """A keyed person's letter or initials where a person stands (see `_letter_in_person_place`); a bare "A" or
    "I" (an article, a pronoun) never."""
    from .initials import never_initials, ordinary_acronym

    letters = _key_letters(key)
    abbreviations = never_initials()
    shorthand = _role_shorthand(doc, conf) | _outline_letters(doc.text)
    for token in doc:
        bare = token.text.rstrip(".")
        if is_code[token.i] or not (1 <= len(bare) <= 4 and bare.isalpha() and bare.isupper()):
            continue
        if bare in ("A", "I") or len(letters.get(bare, ())) != 1 or bare in shorthand:
            continue
        if len(bare) > 1 and (bare in abbreviations or ordinary_acronym(bare)):
            continue  # "the GP", "HM": an everyday abbreviation, not someone's initials here
        if ctx.title_case_line(token):
            continue
        if _letter_in_person_place(doc, ctx, is_code, token.i):
            yield token.i, token.i + 1, "keyed_letter"


def _glued_to_codes(doc: Doc, key: Key, lex) -> list[tuple[int, int, str]]:
    """(start, end, kind) of name remnants glued to a code or placeholder: an "s" of a possessive written without
    its apostrophe, after a family word or before a lower-case noun ("Granny TGMs", "Child Ys mum"; not the plural
    "the deputy SWs were"), a lower-case rest after a slash ("YM/hiwet"), and a short capitalised prefix with a
    hyphen ("K-[PERSON-6]")."""
    text = doc.text
    codes = _codes_alternation(key)
    if not codes:
        return []
    shared = _family_surname_codes(key)
    out = []
    for m in re.finditer(rf"(?<![\w-])(?:{codes})\d*(?P<s>s)(?![\w'’-])", text):
        before = re.search(r"(\w+)[ \t]+$", text[max(0, m.start() - 30) : m.start()])
        kin_before = before is not None and before.group(1).casefold() in _kin()
        family = before is not None and before.group(1) == "the" and m.group(0)[:-1] in shared
        if family:  # "the EMs": a surname two keyed people share, made plural for their household
            out.append((m.start("s"), m.end("s"), "code_remainder"))
            continue
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        nxt = doc[span.end] if span is not None and span.end < len(doc) else None
        owns_next = nxt is not None and nxt.is_lower and nxt.pos_ == "NOUN" and "\n" not in doc[nxt.i - 1].whitespace_
        if kin_before or owns_next:
            out.append((m.start("s"), m.end("s"), "code_remainder"))
    for m in re.finditer(rf"(?<![\w-])(?:{codes})\d*/(?P<rest>[^\W\d_A-Z][^\W\d_]+)(?![\w-])", text):
        if m.group("rest").casefold() not in lex.common:
            out.append((m.start("rest") - 1, m.end("rest"), "code_remainder"))
    target = rf"(?:(?:{codes})\d*(?![\w-])|\[PERSON-\d+\])"
    for m in re.finditer(rf"(?<![\w'’.-])(?P<p>[A-Z][a-z]{{0,2}})-(?={target})", text):
        prefix = m.group("p")
        if (len(prefix) == 1 and prefix not in ("A", "I")) or prefix.casefold() not in lex.common:
            out.append((m.start("p"), m.end("p") + 1, "code_remainder"))
    return out


def _family_surname_codes(key: Key) -> set[str]:
    """Codes of keyed people whose surname another keyed person also bears: a family's name."""
    owners: dict[str, set[str]] = {}
    for p in key.people:
        for name in p.names:
            _, listed = split_title(name.split())
            parts = without_generation([w.strip(".,") for w in listed if w.strip(".,")])
            first, last = split_name(parts)
            for word in last:
                for part in re.split(r"[-‐‑]", word):
                    if len(part) >= 3:
                        owners.setdefault(fold(part).casefold(), set()).add(p.code)
    return {code for codes in owners.values() if len(codes) >= 2 for code in codes}


def _record_shapes(text: str, key: Key) -> list[tuple[int, int, str]]:
    """A surname in capitals or with a slash before a comma and a code ("BAILEY, TGM", "G/hiwet, YM"): the
    record's "SURNAME, Given" order, the given name coded and the surname left, English word or not."""
    from .initials import never_initials

    codes = _codes_alternation(key)
    if not codes:
        return []
    out = []
    abbreviations = never_initials()
    shape = r"(?P<w>[A-Z][A-Z'’-]{2,}|[A-Z][\w'’-]*/[\w'’-]+)"
    for m in re.finditer(rf"(?<![\w/'’-]){shape},[ \t]+(?:{codes})\d*(?![\w-])", text):
        word = m.group("w")
        if word in abbreviations or re.fullmatch(codes, word):
            continue
        line_start = text.rfind("\n", 0, m.start()) + 1
        line_end = text.find("\n", m.end())
        line = text[line_start : line_end if line_end >= 0 else len(text)]
        if not re.search(r"[a-z]{3,}", line):
            continue  # a heading in capitals
        out.append((m.start("w"), m.end("w"), "record_shape"))
    return out


def _lower_after_own_code(doc: Doc, is_code: list[bool], key: Key, conf: dict):
    """A lower-case word right after a code, spelt like a name word of that code's person ("SW white" of
    Kerry-Ann Whyte): the rest of the name, typed in lower case, that the code did not take."""
    import jellyfish
    from rapidfuzz.distance import OSA

    words_of = {p.code: _person(p.code, p.names).words for p in key.people}
    for token in doc[1:]:
        i = token.i
        prev = doc[i - 1]
        if not is_code[i - 1] or is_code[i] or not token.is_lower or not token.is_alpha or prev.whitespace_ != " ":
            continue
        if token.pos_ in _NOT_NAME_POS:  # "CM told": a verb, however close to a name
            continue
        code = re.sub(r"\d+$", "", prev.text)
        if i >= 2 and is_code[i - 2] and "\n" not in doc[i - 2].whitespace_:
            code = f"{doc[i - 2].text} {code}"  # "Child T"
        folded = fold(token.text).casefold()
        if len(folded) < int(conf.get("variant_min", 4)):
            continue
        if any(
            _near(folded, w, 99, 4, OSA, jellyfish) and folded not in ("and", "or")
            for w in words_of.get(code, ())
            if len(w) >= 4
        ):
            yield i, i + 1, "variant"


def _names_someone(ctx, token) -> bool:
    """ "known as", "registered him as", "listed her as": a naming verb before "as" (a pronoun alone names
    nobody: 'described her as "Difficult"')."""
    return token.lower_ == "known" or token.lemma_.casefold() in ctx.lex.naming_verbs


_QUOTE_OPEN = ('"', "“", "'", "‘")
_QUOTE_CLOSE = ('"', "”", "'", "’")


def _quoted_home_names(doc: Doc, ctx, is_code: list[bool], conf: dict):
    """A capitalised word quoted alone after a family word, a naming word or "as" ('his father "Abo"', 'to her
    friends "Tee"', 'registered him as "Van"'), or opening a quote as one greets kin ('"Ngo my sister, ...'):
    what someone is called at home, English word or not.  Every other capitalised use of the same word in the
    text is then reported too (one sense per document), except in heading lines."""
    names: set[str] = set()
    friends = {w.casefold() for w in conf.get("key_shapes", {}).get("called_by_words", ())}
    for token in doc:
        i = token.i
        if is_code[i] or not token.is_title or not token.is_alpha or _not_a_name(ctx, token) or token.is_stop:
            continue
        if i < 2 or i + 1 >= len(doc) or doc[i - 1].text not in _QUOTE_OPEN:
            continue
        before = doc[i - 2]
        j = i + 1
        while j < len(doc) and is_code[j] and "\n" not in doc[j - 1].whitespace_:
            j += 1  # '"Ammo [PERSON-2]"': the other part of the name coded (a placeholder is several tokens)
        closes = doc[i + 1].text in _QUOTE_CLOSE or (
            j > i + 1 and j < len(doc) and doc[j].text in _QUOTE_CLOSE and token.whitespace_ == " "
        )
        window = [t for t in doc[max(0, i - 7) : i - 2] if "\n" not in t.whitespace_]
        # "known to the children as", "registered him as"; not 'described her as "Difficult"' (no naming verb)
        named_as = before.lower_ == "as" and any(_names_someone(ctx, t) for t in window)
        ordinary = token.lower_ in ctx.lex.common and (
            token.pos_ in ("VERB", "AUX", "ADJ", "ADV") or inflected_word(token.lower_, ctx.lex.common)
        )
        called = (before.lower_ in _kin() or before.lower_ in friends or named_as) and not ordinary
        greeted = i + 2 < len(doc) and doc[i + 1].lower_ in ("my", "our") and doc[i + 2].lower_ in _kin() and not closes
        if (closes and called) or greeted:
            names.add(token.text)
            yield i, i + 1, "called"
    if not names:
        return
    for token in doc:
        if token.text in names and not is_code[token.i] and not ctx.title_case_line(token):
            yield token.i, token.i + 1, "same_name"


def _key_shapes(doc: Doc, ctx, is_code: list[bool], key: Key, conf: dict):
    """(start token, end token, kind) of everything `_key_letters` .. `_quoted_home_names` find."""
    shapes = conf.get("key_shapes", {})
    if not shapes.get("enabled", True):
        return
    if shapes.get("keyed_letters", True):
        yield from _keyed_letters(doc, ctx, is_code, key, conf)
    for start, end, kind in [*_glued_to_codes(doc, key, ctx.lex), *_record_shapes(doc.text, key)]:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            yield span.start, span.end, kind
    yield from _lower_after_own_code(doc, is_code, key, conf)
    yield from _quoted_home_names(doc, ctx, is_code, conf)
    yield from _glued_forms(doc, ctx, is_code, key, conf)


# ---------------------------------------------------------------- what the text itself says is a person
# Letters of people nobody keyed ("KB", "L.", "D"), a keyed name that is an English word typed in lower case in a
# message ("tell blessing i am ok"), and an English word the text sets in apposition to a role ("Sterling, the
# neighbour, said"): the key cannot know them, so the evidence is the text's own (settings: `text_shapes`).
_CLAUSE_END = frozenset({".", ",", ";", ":", "!", "?", ")", "|", "—", "–", "-"})
_LETTER_PREPOSITIONS = frozenset({"of", "to", "about", "with", "from", "by", "for"})
_LABELLED_POS = frozenset({"NOUN", "PROPN", "ADP", "CCONJ", "DET", "NUM", "PUNCT", "SYM"})
_NAMING_BEFORE = frozenset({"called", "named", "nicknamed"})
_LOWER_DETERMINERS = frozenset(
    {"the", "a", "an", "this", "that", "of", "his", "her", "my", "your", "our", "their", "its", "no", "some", "any"}
)


def _letters_token(token) -> str | None:
    """The capitals of a token written as one to three letters, its stop allowed ("KB", "L.", "D"), or None."""
    bare = token.text.rstrip(".")
    if 1 <= len(bare) <= 3 and bare.isalpha() and bare.isupper() and token.text.count(".") <= 1:
        return bare
    return None


def _standalone_letters(doc: Doc, ctx, is_code: list[bool], i: int) -> bool:
    """Capitals that stand on their own: no code, no heading line, not after a capitalised word on the same line
    ("Child D", "Plan B"; a personal title excepted), not before a number or glued to a word ("T-shirt")."""
    token = doc[i]
    prev = doc[i - 1] if i > 0 else None
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    bracketed = prev is not None and prev.text == "(" and nxt is not None and nxt.text == ")"
    if is_code[i] or (ctx.title_case_line(token) and not (bracketed and len(token.text) >= 2)):
        return False
    if prev is not None and "\n" not in prev.whitespace_ and prev.text[:1].isupper() and prev.is_alpha:
        if prev.text.rstrip(".") not in title_words(personal=True):
            return False
    if prev is not None and prev.whitespace_ == "" and (prev.is_alpha or prev.text in ("-", "‐", "/")):
        return False
    if nxt is not None and (nxt.like_num or (token.whitespace_ == "" and (nxt.is_alpha or nxt.text in ("-", "‐")))):
        return False
    return not (nxt is not None and "\n" not in token.whitespace_ and nxt.text[:1].isupper() and nxt.is_alpha)


def _letters_said_person(doc: Doc, ctx, is_code: list[bool], i: int) -> bool:
    """The text itself uses the capitals at token i as a person: opening a sentence before a lower-case word
    ("D very chatty", "L. present, refused name"), said to be someone ('"KB" is our attendance officer,
    [PERSON-6]', '"D is my boyfriend"'), given by a naming word ("a man called K"), or the object of a
    preposition closing its clause ("scared of Z.", "task to T. to review")."""
    n = i + 1
    if n < len(doc) and doc[n].text == "." and doc[i].whitespace_ == "":
        n += 1
    if n < len(doc) and doc[n].text in _QUOTE_CLOSE:
        n += 1
    p = i - 1
    if p >= 0 and doc[p].text in _QUOTE_OPEN:
        p -= 1
    nxt = doc[n] if n < len(doc) else None
    prev = doc[p] if p >= 0 else None
    if any(t.text.startswith("[") and is_code[t.i] and not t.text.startswith("[PERSON") for t in doc[n : n + 3]):
        return False  # "NI no. [NI_NUMBER]": a label before an identifier
    opens = prev is None or prev.text in (".", "!", "?", ";", ":") or "\n" in prev.whitespace_ or prev.is_space
    if opens and nxt is not None and nxt.is_lower and nxt.is_alpha and len(nxt.text) >= 2:
        if nxt.lemma_ == "be":
            return _said_to_be_person(doc, ctx, is_code, n)
        if len(doc[i].text.rstrip(".")) > 2:
            return False  # "ACT score", "IRD held": three letters opening a note are an acronym as often as not
        if doc[i].text.endswith(".") or n > i + 1:  # "L. present": a stop makes the letter an initial
            return nxt.pos_ not in _LABELLED_POS - {"NOUN", "PROPN"}
        return nxt.pos_ not in _LABELLED_POS and doc[i].dep_ != "compound"  # not "L hand", "NI no.", "Q for"
    if nxt is not None and nxt.lemma_ == "be" and _said_to_be_person(doc, ctx, is_code, n):
        return True
    if prev is not None and (
        prev.lower_ in _NAMING_BEFORE or (prev.lower_ == "as" and p > 0 and doc[p - 1].lower_ in ("known", "only"))
    ):
        return True
    if prev is not None and prev.lower_ in _LETTER_PREPOSITIONS and len(doc[i].text.rstrip(".")) <= 2:
        stopped = doc[i].text.endswith(".") or (i + 1 < len(doc) and doc[i + 1].text == ".")
        ends = nxt is None or nxt.text in _CLAUSE_END or "\n" in doc[n - 1].whitespace_ or nxt.lower_ == "to"
        return ends or (stopped and nxt is not None and nxt.is_lower)  # "afraid of Q. and would not say"
    return False


def _said_to_be_person(doc: Doc, ctx, is_code: list[bool], k: int) -> bool:
    """After "is"/"was" at token k, within the clause: a code or placeholder, or a family or role word ("is my
    boyfriend", "is our attendance officer, [PERSON-6]")."""
    roles = ctx.lex.roles
    for t in doc[k + 1 : min(len(doc), k + 8)]:
        if "\n" in t.whitespace_ or t.text in (".", ";", "!", "?"):
            return is_code[t.i] or t.lower_ in roles or t.lower_ in _kin()
        if is_code[t.i] or t.lower_ in roles or t.lower_ in _kin():
            return True
    return False


def _text_letters(doc: Doc, ctx, is_code: list[bool], conf: dict, key: Key | None = None):
    """Capitals the text itself uses as a person (`_letters_said_person`), keyed or not, and then every other use
    of the same capitals standing on their own (one sense per document).  Never "A" or "I", an abbreviation of
    the lists, an everyday acronym, or the role shorthand "M and F"."""
    from .initials import never_initials, ordinary_acronym

    abbreviations = never_initials()
    shorthand = _role_shorthand(doc, conf)
    spelt = _spelt_out(doc) | _role_letters(key)
    seeds: set[str] = set()
    for token in doc:
        bare = _letters_token(token)
        if bare is None or bare in ("A", "I") or bare in shorthand or bare in abbreviations or bare in spelt:
            continue
        if len(bare) > 1 and ordinary_acronym(bare):
            continue
        if _standalone_letters(doc, ctx, is_code, token.i) and _letters_said_person(doc, ctx, is_code, token.i):
            seeds.add(bare)
            yield token.i, token.i + 1, "text_letters"
    if not seeds:
        return
    for token in doc:
        if _letters_token(token) in seeds and _standalone_letters(doc, ctx, is_code, token.i):
            yield token.i, token.i + 1, "same_letters"


def _spelt_out(doc: Doc) -> set[str]:
    """Capitals the text itself spells out: the initials of a capitalised run of words right before them in
    brackets ("Initial Review Discussion (IRD)") or after them ("IRD (Initial Review Discussion)"), small words
    skipped; and the initials of a full name the coded text still shows (the review's author, "Dr Jane Roe |
    JR"), named on purpose.  Such letters are no one pseudonymise left."""
    from .initials import initials_of

    text = doc.text
    out: set[str] = set()
    run = r"((?:[A-Z][\w'’-]*(?:[ \t]+(?:of|and|for|the|in|on|to|&))*[ \t]+){1,6}[A-Z][\w'’-]*)"
    for m in re.finditer(rf"{run}[ \t]*\((?P<c>[A-Z]{{2,5}})\)|(?P<d>[A-Z]{{2,5}})[ \t]*\({run}\)", text):
        words = m.group(1) or m.group(3) or ""
        caps = m.group("c") or m.group("d")
        letters = "".join(w[0] for w in words.split() if w[:1].isupper())
        if caps and caps in letters:
            out.add(caps)
    for ent in doc.ents:
        if ent.label_ == "PERSON" and len(ent) >= 2 and all(t.is_title for t in ent):
            out |= initials_of(ent.text)
    return out | _place_kind_letters(text, run)


def _place_kind_letters(text: str, run: str) -> set[str]:
    """Capitals after a place's own word that spell the rest of a name the text gives that place: "LARKBARROW CC"
    once the text has "Larkbarrow Children's Centre" (the kind of place shortened, as "Leeds CC", "Ryde FC")."""
    kinds: dict[str, set[str]] = {}
    for m in re.finditer(run, text):
        words = m.group(1).split()
        rest = "".join(w[0] for w in words[1:] if w[:1].isupper())
        if len(rest) >= 2:
            kinds.setdefault(fold(words[0]).casefold(), set()).add(rest)
    out: set[str] = set()
    if not kinds:
        return out
    for m in re.finditer(r"(?<![\w'’-])([^\W\d_][\w'’-]*)[ \t]+([A-Z]{2,5})(?![\w'’-])", text):
        if m.group(2) in kinds.get(fold(m.group(1)).casefold(), ()):
            out.add(m.group(2))
    return out


_ROLE_SMALL_WORDS = frozenset({"of", "and", "for", "the", "in", "on", "to", "at", "with"})


def _role_letters(key: Key | None) -> set[str]:
    """The initials of each role the key gives, up to a bracket or comma ("Probation practitioner (offender
    manager)": PP; "Designated safeguarding lead, the school": DSL): the key itself says these letters are a
    role's shorthand, so they are no one's initials left in the text.  Roles naming a child by a letter are
    passed over."""
    out: set[str] = set()
    for person in key.people if key is not None else ():
        head = re.split(r"[(,;:]", person.role or "", maxsplit=1)[0]
        words = [w for w in re.findall(r"[^\W\d_]+(?:['’]s)?", head) if w.casefold() not in _ROLE_SMALL_WORDS]
        if any(len(re.sub(r"['’]s$", "", w)) == 1 for w in words):
            continue  # "Child R's father": the letter is the review's name for a child, not a role word
        letters = "".join(fold(w[0]).upper() for w in words)
        if 2 <= len(letters) <= 5:
            out.add(letters)
    return out


@lru_cache(maxsize=1)
def _folded_kin() -> frozenset[str]:
    return frozenset(fold(k).casefold() for k in _kin())


def _message_register(doc: Doc, i: int) -> bool:
    """Token i stands in text typed without capitals: it opens a quotation in lower case ('"dawn to chase'), or
    its line has the pronoun "i" in lower case ("tell bia i love her")."""
    token = doc[i]
    if i > 0 and doc[i - 1].text in _QUOTE_OPEN:
        words = 0
        for t in doc[i : min(len(doc), i + 12)]:
            if t.text in _QUOTE_CLOSE or "\n" in t.whitespace_:
                break
            words += t.is_alpha
        return words >= 3  # a message or a note, not a word cited ('"joy" in ...', '"young carer"')
    text = doc.text
    line_start = text.rfind("\n", 0, token.idx) + 1
    line_end = text.find("\n", token.idx)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    return re.search(r"(?<![\w'’(])i[ \t]+[a-z]", line) is not None


def _lower_keyed_in_messages(doc: Doc, ctx, key: Key, conf: dict):
    """In a message or note written without capitals: a keyed given name typed in lower case, English word or not
    ("tell blessing i am ok", "'mercy v tired'"), not after an article or a possessive ("the mercy of"); and a
    word no English word list holds where the parse puts a person ("tell zuri i will ring"), keyed or not."""
    given = {g for p in _people(key) for g in p.given if len(g) >= 3}
    rare_from = int(conf.get("lower_rare_from", 15000))
    for token in doc:
        i = token.i
        if not (token.is_lower and token.is_alpha) or len(token.text) < 3:
            continue
        word = fold(token.text).casefold()
        if i > 0 and doc[i - 1].lower_ in _LOWER_DETERMINERS:
            continue
        if word in _folded_kin():
            continue  # "mae im ok": a family word, typed without its accent
        keyed = word in given
        rare = not keyed and not token.is_stop and _common_rank(word) not in range(1, rare_from)
        if not (keyed or rare) or not _message_register(doc, i):
            continue
        if keyed or (not _dictionary_word(token, word) and doc.has_annotation("DEP") and _person_position(ctx, token)):
            yield i, i + 1, "message_name"


def _apposed_words(doc: Doc, ctx, is_code: list[bool]):
    """A capitalised word set off before a role or family word ("Sterling, the downstairs neighbour, told") is a
    name, English word or not; then its other uses standing alone (not inside a capitalised phrase such as
    "Roman Catholic")."""
    roles = ctx.lex.roles
    kin = _kin()
    seeds: set[str] = set()
    for token in doc:
        i = token.i
        if is_code[i] or not token.is_title or not token.is_alpha or len(token.text) < 3 or token.is_stop:
            continue
        if token.pos_ not in ("PROPN", "NOUN", "ADJ") or token.ent_type_ in ("DATE", "TIME", "GPE", "ORG"):
            continue
        if token.lower_ in roles or token.lower_ in kin or token.lower_ in _calendar_words():
            continue
        if i + 1 >= len(doc) or doc[i + 1].text != ",":
            continue
        if i > 0 and not token.is_sent_start and _capital_beside(doc[i - 1], doc[i - 1].whitespace_):
            continue  # "The Named Person, the head teacher,": the end of a capitalised phrase
        words = doc[i + 2 : min(len(doc), i + 7)]
        if not words or words[0].lower_ not in ("the", "his", "her", "their", "my", "our", "a", "an"):
            continue
        for t in words[1:]:
            if t.text == ",":
                if doc[t.i - 1].lower_ in roles or doc[t.i - 1].lower_ in kin:
                    seeds.add(token.text)
                    yield i, i + 1, "apposed"
                break
            if not t.is_lower:
                break
    for token in doc:  # "a relative interpreted (Marlow)": a word alone in brackets after a person noun
        i = token.i
        if token.text in seeds or not (0 < i < len(doc) - 1 and doc[i - 1].text == "(" and doc[i + 1].text == ")"):
            continue
        if is_code[i] or not token.is_title or not token.is_alpha or len(token.text) < 3 or _not_a_name(ctx, token):
            continue
        before = doc[max(0, i - 5) : i - 1]
        if any(t.lower_ in roles or t.lower_ in kin for t in before) and not any(t.text in ".;:|" for t in before):
            seeds.add(token.text)
            yield i, i + 1, "apposed"
    for token in doc:
        if token.text not in seeds or is_code[token.i] or ctx.title_case_line(token):
            continue
        prev = doc[token.i - 1] if token.i > 0 else None
        nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if _capital_beside(prev, prev.whitespace_ if prev is not None else "") or _capital_beside(
            nxt, token.whitespace_
        ):
            continue
        yield token.i, token.i + 1, "same_apposed"


def _capital_beside(t, ws: str) -> bool:
    """A capitalised word on the same line: the word is part of a capitalised phrase ("Roman Catholic")."""
    return t is not None and t.text[:1].isupper() and t.is_alpha and "\n" not in ws


def _text_shapes(doc: Doc, ctx, is_code: list[bool], key: Key, conf: dict):
    """(start token, end token, kind) of `_text_letters`, `_lower_keyed_in_messages` and `_apposed_words`."""
    shapes = conf.get("text_shapes", {})
    if not shapes.get("enabled", True):
        return
    if shapes.get("letters", True):
        yield from _text_letters(doc, ctx, is_code, conf, key)
    if shapes.get("message_names", True):
        yield from _lower_keyed_in_messages(doc, ctx, key, conf)
    if shapes.get("apposed", True):
        yield from _apposed_words(doc, ctx, is_code)


# ---------------------------------------------------------------- what stays glued to a code or placeholder
# Pseudonymise codes the part of a name it knows and leaves its neighbour when the neighbour is an English word, a
# surname in capitals or a word of another language: "CB Kiss", "Edit [PERSON-6]", "TOTH [PERSON-9]", "YF sajang-nim",
# '"Old NF"'.  The code beside it says a person stands there, so the word is checked whatever the word lists say
# (settings: `glued_forms`).
_QUOTE_RUN = re.compile(r"[\"“]([^\"“”\n]{1,40})[\"”]")


def _glued_forms(doc: Doc, ctx, is_code: list[bool], key: Key, conf: dict):
    """(start token, end token, kind) of words glued to a code or placeholder that the lexicon would explain away."""
    glued = conf.get("glued_forms", {})
    if not glued.get("enabled", True):
        return
    keyed = frozenset(w for p in _people(key) for w in p.words if len(w) >= 3)
    is_code = _person_codes(doc, is_code)
    for token in doc:
        i = token.i
        if is_code[i] or not token.is_alpha:
            continue
        before, after = _code_beside(doc, is_code, i)
        if not (before or after):
            continue
        if fold(token.text).casefold() in keyed and not token.is_lower:
            yield i, i + 1, "beside_code"  # "CB Kiss": a keyed name word right beside a code
        elif _capitals_surname(ctx, token, glued):
            yield i, i + 1, "record_shape"  # "TOTH [PERSON-9]", "KOUSAR MO"
        elif after and _given_before_placeholder(ctx, token):
            yield i, i + 1, "beside_code"  # "Edit [PERSON-6]": the given name before the coded surname
        elif before:
            end = _suffix_end(ctx, doc, i, glued)
            if end:
                yield i, end, "name_suffix"  # "NF senior", "YF sajang-nim"
    yield from _quoted_code_forms(doc, ctx, is_code)
    yield from _named_with_suffix(doc, ctx, is_code, keyed)
    yield from _other_script_words(doc, int(glued.get("other_script_max", 2)))


_OTHER_PLACEHOLDER = re.compile(r"\[(?!PERSON)[A-Z][A-Z_]*\]")


def _person_codes(doc: Doc, is_code: list[bool]) -> list[bool]:
    """`is_code` less the placeholders of things ("Church [COMMUNITY_VENUE]"): only a code or "[PERSON-n]" says a
    person stands beside a word."""
    marks = list(is_code)
    for m in _OTHER_PLACEHOLDER.finditer(doc.text):
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        for k in range(span.start, span.end) if span is not None else ():
            marks[k] = False
    return marks


def _code_beside(doc: Doc, is_code: list[bool], i: int) -> tuple[bool, bool]:
    """Whether a code or placeholder stands right before / right after token `i` on its line, spaces only."""
    before = i > 0 and is_code[i - 1] and doc[i - 1].whitespace_ in (" ", "\t")
    after = i + 1 < len(doc) and is_code[i + 1] and doc[i].whitespace_ in (" ", "\t")
    return before, after


def _capitals_surname(ctx, token, glued: dict) -> bool:
    """A word in capitals, no abbreviation nor English word, on a line written in lower case too: a record's
    surname ("TOTH", "KOUSAR"), not a shouted log line nor an agency."""
    from ..codes import general_abbreviations
    from .initials import never_initials

    text = token.text
    if not text.isupper() or len(text) < int(glued.get("capitals_min", 4)):
        return False
    if text in general_abbreviations() or text in never_initials() or text.casefold() in ctx.lex.common:
        return False
    if _dictionary_word(token, text.capitalize()):
        return False
    text = token.doc.text
    start, end = text.rfind("\n", 0, token.idx) + 1, text.find("\n", token.idx)
    return bool(re.search(r"[a-z]{3,}", text[start : end if end >= 0 else len(text)]))


def _given_before_placeholder(ctx, token) -> bool:
    """A capitalised proper noun right before a "[PERSON-n]" placeholder, no title, family, role or stop word:
    the given name left of a pair whose surname was coded ("Interpreter: Edit [PERSON-6]")."""
    nxt = token.doc[token.i + 1]
    if not token.doc.text.startswith("[PERSON", nxt.idx) or not token.text[:1].isupper() or token.text.isupper():
        return False
    if token.pos_ != "PROPN" or token.is_stop or token.ent_type_ in _ENT_NOT_PERSON:
        return False  # "Dear [PERSON-1]", "a Toyota [PERSON-2] drove"
    low = token.text.casefold()
    return not (_lexical(ctx, token, token.text, english=False) or low in _greetings())


@lru_cache(maxsize=1)
def _greetings() -> frozenset[str]:
    return frozenset(w.casefold() for w in settings().get("glued_forms", {}).get("greetings", ()))


def _suffix_end(ctx, doc: Doc, i: int, glued: dict) -> int:
    """The end token of a lower-case word after a code that says which person or how one is addressed: a generation
    word ("NF senior"), an honorific written after a name ("Wali ji"), or a hyphened word of no English
    ("YF sajang-nim"), taken with its hyphened parts; 0 when the word is ordinary English."""
    from ...lexicon import honorifics

    token = doc[i]
    if not token.is_lower:
        return 0
    end = i + 1
    while end + 1 < len(doc) and doc[end].text in ("-", "‐") and not doc[end - 1].whitespace_ and doc[end + 1].is_alpha:
        end += 2
    low = token.text.casefold()
    if low in _generation_words() or low in honorifics()["suffix"]:
        return end
    hyphened = end > i + 1
    english = any(doc[k].text.casefold() in ctx.lex.common for k in range(i, end, 2))
    return end if hyphened and not english else 0


@lru_cache(maxsize=1)
def _generation_words() -> frozenset[str]:
    from ...resources import read_lines

    return frozenset(w.casefold() for w in read_lines("names/generation_suffixes.txt"))


def _quoted_code_forms(doc: Doc, ctx, is_code: list[bool]):
    """A quotation of a code or placeholder and one or two words ('"Old NF"', '"KOUSAR MO"', '"YF sajang-nim"'):
    the form a family or a record calls the person by, so its words are that person's, whatever they are."""
    for m in _QUOTE_RUN.finditer(doc.text):
        span = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
        if span is None or not any(is_code[k] for k in range(span.start, span.end)):
            continue
        words = [t for t in span if not is_code[t.i] and t.is_alpha]
        others = [t for t in span if not is_code[t.i] and not t.is_alpha and t.text not in ("-", "‐")]
        if not words or others or len(words) > 2:
            continue
        for t in words:
            low = t.text.casefold()
            if t.text in ctx.lex.titles or low in _kin() or t.is_stop or low in ctx.lex.roles:
                continue
            if t.is_lower and low in ctx.lex.common:
                continue  # '"CB asleep"': a quoted note, not a form of address
            yield t.i, t.i + 1, "alias"


def _named_with_suffix(doc: Doc, ctx, is_code: list[bool], keyed: frozenset[str]):
    """A capitalised word, not opening a sentence, right before an honorific written after a name ("Raja sahib",
    "Amma ji"; a family word only when the key lists it as someone's name): the honorific says a person's name
    stands before it."""
    from ...lexicon import honorifics

    suffixes = honorifics()["suffix"]
    for token in doc[1:]:
        if token.lower_ not in suffixes or not token.is_lower:
            continue
        name = doc[token.i - 1]
        if is_code[name.i] or not (name.is_alpha and name.is_title) or name.whitespace_ != " ":
            continue
        if name.is_sent_start or name.text in ctx.lex.titles or (name.lower_ in _kin() and name.lower_ not in keyed):
            continue
        if name.lower_ in ctx.lex.common and name.pos_ != "PROPN":
            continue  # "Maternal uncle": an English word before it is no name
        if name.text in ctx.lex.languages or name.text in ctx.lex.peoples:
            continue  # "the English auntie", "her Polish ciocia": a language or people describes the relative
        yield name.i, name.i + 1, "name_suffix"  # (apart: a keyed "Amma" is already reported, its "ji" is not)
        yield token.i, token.i + 1, "name_suffix"


def _non_latin(token) -> bool:
    """A word written wholly in a script other than the Latin one ("서연", "Олена")."""
    import unicodedata

    return token.is_alpha and all(not unicodedata.name(c, "").startswith("LATIN") for c in token.text)


def _acronym(words) -> bool:
    """One word of two to four capitals in a script with case ("ЕГН", "ΑΦΜ", "ИНН"): an abbreviation, the label
    of an identity number or an office, as "NHS" or "PESEL" would be in Latin letters; a name in such a script is
    written with one capital ("Олена")."""
    return len(words) == 1 and words[0].text.isupper() and 2 <= len(words[0].text) <= 4


def _other_script_words(doc: Doc, most: int):
    """A word or two in another script standing alone in English text (a cake "with 서연 on it", a text signed
    "Олена"): a name written in its own script, which no English word list or key form can match.  A longer run is
    a sentence of that language, left to the reader."""
    i = 0
    while i < len(doc):
        if not _non_latin(doc[i]):
            i += 1
            continue
        j = i
        while j < len(doc) and (
            _non_latin(doc[j]) or (doc[j].is_punct and j + 1 < len(doc) and _non_latin(doc[j + 1]))
        ):
            j += 1
        if sum(_non_latin(doc[k]) for k in range(i, j)) <= most and not _acronym(doc[i:j]):
            yield i, j, "other_script"
        i = j
