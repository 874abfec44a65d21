"""Unknown person names in a parsed review: the names nobody declared.

A published review should name nobody but the people it must name (the lead
reviewer, the board chair).  The small spaCy model misses many names and calls
agencies people ("Healthy Minds", "Therapist"), so statistical NER is only one
of four rules, and every candidate then has to survive the same filters:

rules  ``ner``        spaCy PERSON entities, split at line breaks (the small
                      model glues "Jane Doe" to the heading on the next line);
       ``title``      a title and a capitalised word ("Mrs Hughes", "Dr. Patel");
       ``role``       a role or relationship word and a name ("her boyfriend
                      Liam", "the social worker, Anna Kowalski");
       ``gazetteer``  a capitalised token listed as a first name, boosted by a
                      capitalised neighbour (a surname) or its position.
       ``syntax``     where the parse puts it: subject or object of a person verb
                      ("Kasia disclosed", "spoke to Jaroslaw", '…," said Bilal'),
                      apposition to a role ("Obi, the child's father"), a name
                      coordinated with one or with a relative ("Ebo and his
                      brother") — no gazetteer needed.
       ``named``      the name a naming verb gives a person ("a girl called Blessing").
       ``signoff``    the writer after a letter's closing ("Kind regards, Gráinne").
       ``middle_name`` three words around a Vietnamese middle name ("Le Thi Hang").
       ``surname_shape`` a word with a surname's ending by language ("Petrauskaitė";
                      models/names/name_shapes.yaml).
       ``title_word`` a rank used as a surname after a personal title ("Mrs Constable").
       ``note_author`` the initials in a reviewer note's or comment's author slot
                      ("[Comment — GR (Designated Nurse): ...]"; not the authors' own).
       ``account_subject`` a proper noun as any verb's subject in a family
                      member's own first-person words ("Cengiz read it to me").
       (also ``initial``, ``unlisted`` pairs and ``family`` plurals.)
filters  declared role codes (ROLE entities, "Child E."), all-caps codes (that
         is `codes.py`'s business), fixed phrases, eponyms and peoples ("Moses
         basket", "Grievous Bodily Harm", "Down's syndrome", "Roma"),
         languages and demonyms ("Pashto", "Sri Lankan"), legal tests named after a
         party ("Gillick competence", "Fraser guidelines"),
         organisations and documents (a head word such as Trust/Service/Team in
         or right after the span, or a word this review uses inside an
         agency's name: "Royal" of "Royal Oldham Hospital"), places (GPE/LOC
         entities, the place gazetteer, countries), common English words that
         are not first names, the values of a rating scale the review declares
         ("rated Red, Amber or Green"), a kind named with an indefinite article
         ("a Lhasa Apso"), and the caller's allowed people.

The data (titles, role words, person verbs, not-people phrases, organisation
head words, gazetteers, common words) live in ``models/names`` and
``models/gazetteer`` (the name lists are built by ``scripts/build_name_lists.py``).

`group_mentions` clusters the mentions of one person ("Sam Wood", "Sam",
"Ms Wood") so a pseudonymiser can give each person one placeholder.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Any, Protocol, TypeVar

from spacy.attrs import IS_ALPHA, IS_LOWER, LOWER
from spacy.lang.en.stop_words import STOP_WORDS as _ENGLISH_STOP_WORDS
from spacy.tokens import Doc, Token

from ...lexicon import before_name_words, calendar, title_words, welsh_words
from ...nlp import ROLE_LABEL, doc_text  # the label pipeline.nlp gives declared codes
from ...regex_cache import all_matches
from ...resources import fill_template, load_yaml, read_lines
from ...spans import merge_overlapping
from ..codes import is_role_code
from ..recognizers.tables import column_cells
from .folding import fold
from .opening_verbs import opening_verb

PLACE_LABELS = {"GPE", "LOC", "FAC"}
NAME_PART_RE = re.compile(r"^(?:Ma?c|O')?[^\W\d_][^\W\d_]+$")
CODE_RE = re.compile(r"^[A-Z][A-Z0-9]{1,7}s?$")


@dataclass(frozen=True)
class NameCandidate:
    """A stretch of text that looks like a person's name.

    `start`/`end` are character offsets into ``doc.text``; `rule` says which
    rules proposed it ("ner+gazetteer"); `confidence` is 0-1.
    """

    start: int
    end: int
    text: str
    rule: str
    confidence: float


# ---------------------------------------------------------------- data
@dataclass(frozen=True)
class NameLexicon:
    """The word lists the rules consult, loaded once from ``models/``."""

    titles: frozenset[str]
    weak_titles: frozenset[str]
    roles: dict[str, tuple[tuple[str, ...], ...]]
    non_person: frozenset[str]
    non_person_lower: frozenset[str]
    first_names: frozenset[str]
    uk_first_names: frozenset[str]
    surnames: frozenset[str]
    common: frozenset[str]
    places: frozenset[str]
    countries: frozenset[str]
    not_people_phrases: dict[str, tuple[tuple[str, ...], ...]]
    eponym_heads: frozenset[str]
    thing_prefixes: frozenset[str]
    peoples: frozenset[str]
    languages: frozenset[str]
    designations: frozenset[str]  # folded
    demonym_suffixes: tuple[str, ...]
    document_heads: frozenset[str]
    subject_verbs: frozenset[str]
    object_verbs: frozenset[str]
    to_verbs: frozenset[str]
    with_verbs: frozenset[str]
    naming_verbs: frozenset[str]
    speech_verbs: frozenset[str]
    named_nouns: frozenset[str]
    signoffs: tuple[tuple[str, ...], ...]
    middle_markers: frozenset[str]
    surname_suffixes: tuple[str, ...]

    def is_first_name(self, word: str) -> bool:
        """Listed as a first name, as written or without its diacritics ("Gráinne" as "Grainne")."""
        return word in self.first_names or _folded(word) in self.first_names

    def is_known_name(self, word: str) -> bool:
        return self.is_first_name(word) or word in self.surnames or _folded(word) in self.surnames

    def is_common_word(self, word: str) -> bool:
        """A frequent English word that is not also a listed name."""
        return word.lower() in self.common and not self.is_known_name(word)

    def is_ambiguous(self, word: str) -> bool:
        """A listed name that is also a frequent word (Grace, Mark, June, Wood)."""
        return word.lower() in self.common and self.is_known_name(word)


@lru_cache(maxsize=1)
def lexicon() -> NameLexicon:
    roles: dict[str, list[tuple[str, ...]]] = {}
    for line in read_lines("names", "role_words.txt"):
        words = tuple(line.lower().split())
        roles.setdefault(words[0], []).append(words)
    not_names = set(read_lines("names", "not_names.txt"))
    not_people = load_yaml("names", "not_people.yaml")
    phrases: dict[str, list[tuple[str, ...]]] = {}
    for phrase in not_people["phrases"]:
        words = tuple(_phrase_key(w) for w in phrase.split())
        phrases.setdefault(words[0], []).append(words)
    verbs = load_yaml("names", "person_verbs.yaml")
    shapes = load_yaml("names", "name_shapes.yaml")
    return NameLexicon(
        titles=title_words(places=True, finder=True),
        weak_titles=title_words(weak=True, finder=True),
        roles={k: tuple(sorted(v, key=len, reverse=True)) for k, v in roles.items()},
        non_person=frozenset(read_lines("names", "non_person_words.txt")),
        non_person_lower=frozenset(w.lower() for w in read_lines("names", "non_person_words.txt")),
        first_names=frozenset(read_lines("gazetteer", "first_names.txt")) - not_names,
        uk_first_names=frozenset(read_lines("gazetteer", "first_names_uk.txt")) - not_names,
        surnames=frozenset(read_lines("gazetteer", "surnames.txt")) - not_names,
        common=frozenset(read_lines("names", "common_words.txt")) | welsh_words(),
        places=frozenset(read_lines("gazetteer", "uk_places.txt")),
        countries=frozenset(read_lines("gazetteer", "countries.txt")),
        not_people_phrases={k: tuple(sorted(v, key=len, reverse=True)) for k, v in phrases.items()},
        eponym_heads=frozenset(not_people["eponym_heads"]),
        thing_prefixes=frozenset(not_people.get("thing_prefixes", ())),
        peoples=frozenset(not_people["peoples"]),
        languages=frozenset(not_people.get("languages", ())),
        designations=frozenset(w.casefold() for w in not_people.get("designations", ())),
        demonym_suffixes=tuple(not_people.get("demonym_suffixes", ())),
        document_heads=frozenset(not_people["document_heads"]),
        subject_verbs=frozenset(verbs["subject"]),
        object_verbs=frozenset(verbs["object"]),
        to_verbs=frozenset(verbs["to"]),
        with_verbs=frozenset(verbs["with"]),
        naming_verbs=frozenset(verbs.get("naming", ())),
        speech_verbs=frozenset(verbs.get("speech", ())),
        named_nouns=frozenset(verbs.get("named_nouns", ())),
        signoffs=tuple(sorted((tuple(p.split()) for p in verbs.get("signoffs", ())), key=len, reverse=True)),
        middle_markers=frozenset(shapes.get("middle_markers", ())),
        surname_suffixes=tuple(
            sorted({fold(x) for xs in shapes.get("surname_suffixes", {}).values() for x in xs}, key=len, reverse=True)
        ),
    )


@lru_cache(maxsize=65536)
def _folded(word: str) -> str:
    """The word without diacritics, capitalisation kept: the gazetteers list names in both forms only
    when they were written with diacritics at build time ("Gráinne" may be listed as "Grainne" alone)."""
    return fold(word)


def _phrase_key(word: str) -> str:
    """A token as fixed phrases compare it: lower case, without a possessive ("Down's" -> "down")."""
    word = word.lower()
    for suffix in ("'s", "’s", "s'"):
        if word.endswith(suffix) and len(word) > len(suffix) + 1:
            return word[: -len(suffix)] if suffix != "s'" else word[:-1]
    return word


# ---------------------------------------------------------------- token tests
def _crosses_line(token: Token) -> bool:
    return "\n" in token.text or "\n" in token.whitespace_


def is_name_token(token: Token) -> bool:
    """Capitalised like a name: 'Liam', "O'Brien", 'Smith-Jones', 'McDonald'."""
    return _is_name_text(token.text)


@lru_cache(maxsize=65536)
def _is_name_text(text: str) -> bool:
    if text.endswith("'s") or text.endswith("’s"):
        text = text[:-2]
    return all(_name_part(part) for part in re.split(r"[-‐]", text)) and bool(text)


@lru_cache(maxsize=1)
def _inner_capital_prefixes() -> tuple[str, ...]:
    """The letters after a name's first letter that may be followed by a capital (models/names/name_shapes.yaml)."""
    return tuple(str(p) for p in load_yaml("names", "name_shapes.yaml").get("inner_capital_prefixes") or ())


def _name_part(part: str) -> bool:
    """'Liam', 'Climbié', "O'Brien", 'McDonald', 'MaNdlovu': a capital, then lower-case letters (an inner capital
    after a listed prefix)."""
    if not NAME_PART_RE.match(part) or not part[0].isupper():
        return False
    rest = part[1:]
    for prefix in _inner_capital_prefixes():  # McDonald, MacLeod, NicLeòid, O'Brien, MaNdlovu, DeSouza
        if rest.startswith(prefix) and len(rest) > len(prefix) + 1 and rest[len(prefix)].isupper():
            rest = rest[len(prefix) + 1 :]
            break
    return rest.islower() and "'" not in rest


class _DocContext:
    """Per-document facts the filters share (computed once per call)."""

    def __init__(self, doc: Doc, allow: set[str] | None):
        self.doc = doc
        self.tokens = list(doc)  # iterating a Doc builds a Token object per step: build them once
        self.texts = [t.text for t in self.tokens]  # Token.text makes a new string on every access
        self._name_shaped = [_is_name_text(text) for text in self.texts]  # is_name_token, once per token
        self.text = doc_text(doc)  # Doc.text joins every token: the parsed report's text instead
        self._title_lines: dict[int, bool] = {}
        self._memo: dict[tuple, frozenset[str]] = {}
        self.lex = lexicon()
        # a token's entity type is its entity's label: read per token, no Span objects built
        strings = doc.vocab.strings
        role, places = strings[ROLE_LABEL], {strings[label] for label in PLACE_LABELS}
        ent_types = doc.to_array("ENT_TYPE").tolist()
        self.blocked = [t == role for t in ent_types]  # ROLE / declared-code tokens
        self.place = [t in places for t in ent_types]
        self.codes = self._declared_codes(doc)
        for i, text in enumerate(self.texts):
            if text.rstrip(".").rstrip("'s’") in self.codes or CODE_RE.match(text):
                self.blocked[i] = True
        self._block_code_phrases(doc)
        self._block_not_people(doc)
        self.place_at: dict[str, list[int]] = {}  # where the model reads each capitalised word a place
        for i, is_place in enumerate(self.place):
            if is_place and self.texts[i][:1].isupper():
                self.place_at.setdefault(self.texts[i], []).append(i)
        self.place_texts = set(self.place_at)
        self._block_place_adjectives()
        self.org_words = self._org_context_words(doc)
        self.lower_words = {
            strings[low] for low, lower, alpha in doc.to_array([LOWER, IS_LOWER, IS_ALPHA]).tolist() if lower and alpha
        }
        self.allow_tokens = _allow_tokens(allow)
        self.allow_letters = {w[:1] for w in self.allow_tokens}  # once per review, not once per candidate
        self.allow = allow or set()
        self._block_opening_verbs()
        self._block_scale_values()
        self._block_quoted_words(doc)

    @staticmethod
    def _declared_codes(doc: Doc) -> set[str]:
        report = doc._.report if Doc.has_extension("report") else None
        codes = {e.text for e in doc.ents if e.label_ == ROLE_LABEL}
        if report is not None:  # a name a key table lists ("Harriet Lomax | Panel member") is still a name
            codes.update(e.code for e in report.key if getattr(e, "pseudonym", False) or is_role_code(e.code))
        return codes

    def _block_code_phrases(self, doc: Doc) -> None:
        """Block "Child E." when the tokenizer kept the full stop on the letter."""
        by_first: dict[str, list[list[str]]] = {}
        for code in self.codes:
            words = code.split()
            if len(words) >= 2:
                by_first.setdefault(words[0], []).append(words)
        if not by_first:
            return
        texts = self.texts
        for k, text in enumerate(texts):
            for words in by_first.get(text, ()):
                n = len(words)
                window = texts[k : k + n]
                if len(window) == n and [t.rstrip(".").rstrip("'s’") for t in window] == words:
                    for i in range(k, k + n):
                        self.blocked[i] = True

    def _block_not_people(self, doc: Doc) -> None:
        """Fixed phrases ("Moses basket", "Grievous Bodily Harm"), eponyms ("Perthes disease") and peoples ("Roma")."""
        lex = self.lex
        texts, tokens, n_tokens = self.texts, self.tokens, len(self.tokens)
        # fixed phrases are compared without possessive tokens ("Clare's Law" is "Clare", "'s", "Law")
        content = [i for i, t in enumerate(texts) if t not in _POSSESSIVES]
        keys = [_phrase_key(texts[i]) for i in content]
        for p, i in enumerate(content):
            for words in lex.not_people_phrases.get(keys[p], ()):
                n = len(words)
                if n == 1 and self._starts_full_name(doc, i):
                    continue  # "Brook Hughes" is a person, "Brook reported" the charity
                if tuple(keys[p : p + n]) == words:
                    for k in range(i, content[p + n - 1] + 1):
                        self.blocked[k] = True
                    break
        # the entity type and the language list are tested here first: _norp_word and _language_word
        # would say no at once, and a call per token is most of this loop's time
        ent_types = doc.to_array("ENT_TYPE").tolist()
        norp = doc.vocab.strings["NORP"]
        for i, token in enumerate(tokens):
            text = texts[i]
            if (
                text in lex.peoples
                or (ent_types[i] == norp and self._norp_word(token))
                or (text in lex.languages and self._language_word(doc, token))
                or (text.casefold() in lex.designations and self._designation(doc, i))
            ):
                self.blocked[i] = True
            nxt = i + 1
            if nxt < n_tokens and texts[nxt] in ("'s", "’s", "'"):
                nxt += 1
            if (
                text[:1].isupper()
                and nxt < n_tokens
                and tokens[nxt].is_lower
                and tokens[nxt].lower_ in lex.eponym_heads
            ):
                for k in self._eponym_run(i):
                    self.blocked[k] = True
            if text in lex.thing_prefixes and i + 1 < n_tokens and texts[i + 1][:1].isupper():
                self.blocked[i + 1] = True  # "Operation Kestrelwing", "HMP Styal"

    def _block_scale_values(self) -> None:
        """The values of a rating scale the review declares ("each question rated Red, Amber or Green (RAG)",
        "graded Good, Requires Improvement or Inadequate"), every time they stand: a table's "Amber" cell
        is the rating, not a woman called Amber.  The declaration is a list of two or more capitalised
        words after a rating word (`word_name_rating_cues`); a value after a personal title or family word
        ("Mrs Green") is still a person."""
        values = _scale_values(self.tokens, self.texts)
        if self.tokens:
            values |= _column_scale_values(self.tokens[0].doc.text)
        if not values:
            return
        titles, kin, last = _personal_titles(), _kin_lower(), len(self.texts) - 1
        for i, text in enumerate(self.texts):
            if text not in values or self.blocked[i]:
                continue
            prev = self.texts[i - 1].rstrip(".") if i else ""
            surname = i < last and "\n" not in self.tokens[i].whitespace_ and self._name_shaped[i + 1]
            if prev not in titles and prev.casefold() not in kin and not surname:
                self.blocked[i] = True  # not "Mrs Green", "Auntie Amber", "Amber Lewis"

    def _block_quoted_words(self, doc: Doc) -> None:
        """A word quoted on its own that the draft glosses ('"Bula" means life') or that someone says ('Mum said
        "Akwaaba" at the door'): a word of a language, cited or spoken, not a person.  A quoted name that is
        said TO or ABOUT someone is the whole quote's object of a speech verb only when it is the utterance
        itself; a name in a longer quotation ('"Baba hit me"') is no whole quote and stays a candidate."""
        texts, n = self.texts, len(self.texts)
        linker = _gloss_after()
        for i in range(1, n - 1):
            if texts[i - 1] not in _OPEN_QUOTES or self.blocked[i] or not texts[i][:1].isupper():
                continue
            close = next((k for k in range(i + 1, min(n, i + 4)) if texts[k] in _CLOSE_QUOTES), None)
            if close is None or not all(t[:1].isalpha() for t in texts[i:close]):
                continue
            spoken = any(
                self.tokens[k].dep_ in ("dobj", "ccomp") and self.tokens[k].head.lemma_ in _speech_verbs()
                for k in range(i, close)
            )
            glossed = linker.match(doc.text, self.tokens[close].idx + 1) is not None
            if spoken or glossed:
                for k in range(i, close):
                    self.blocked[k] = True

    def _eponym_run(self, i: int) -> range:
        """The whole eponym ending at token `i` before its head: "Henoch-Schönlein purpura", "Von Hippel-Lindau
        syndrome", "von Willebrand screen".  An eponym names its discoverers joined by hyphens, with their name
        particles; the run goes back over those only, never over a bare capitalised word (a person may stand
        before the condition's name: "Amina Perthes disease" is not English, but the walk must not take a name
        a table cell or a line wrap put there)."""
        texts, start = self.texts, i
        while start >= 2 and texts[start - 1] in _HYPHENS and texts[start - 2][:1].isupper():
            if self.tokens[start - 2].whitespace_ or self.tokens[start - 1].whitespace_:
                break  # "Smith - Perthes": a dash between words, not a hyphened eponym
            start -= 2
        particle = start >= 1 and texts[start - 1].casefold() in _eponym_particles()
        if particle and "\n" not in self.tokens[start - 1].whitespace_:
            start -= 1
        return range(start, i + 1)

    def _block_opening_verbs(self) -> None:
        """A verb opening a subject-dropped sentence ("Said Kerem calls him", "Phoned Chloe") is no name word,
        however many given names it spells (opening_verbs.py)."""
        common = self.lex.common
        for i, token in enumerate(self.tokens):
            if self._name_shaped[i] and not self.blocked[i] and opening_verb(token, common, self.lex.is_known_name):
                self.blocked[i] = True

    def words_after(self, locatives: frozenset[str]) -> frozenset[str]:
        """Capitalised words this review writes right after one of `locatives` ("in Gravesend", "at
        Treliske"), not before a possessive ("at Kayla's house" is a person's): places by use, once per doc."""
        key = ("words_after", locatives)
        if key not in self._memo:
            texts, doc = self.texts, self.doc
            out = set()
            for i in range(1, len(texts) - 1):
                if texts[i][:1].isupper() and texts[i - 1].lower() in locatives and texts[i + 1] not in _POSSESSIVES:
                    if not _crosses_line(doc[i - 1]) and not texts[i].endswith(("'s", "’s")):
                        out.add(texts[i])
            self._memo[key] = frozenset(out)
        return self._memo[key]

    @cached_property
    def thing_words(self) -> frozenset[str]:
        """Listed names that are also English words which this review writes capitalised after "the", alone
        ("The Star was done", beside "Family Star Plus"): a tool's or a thing's name here, so a bare mention
        that only the name list calls a name is the thing too; "the Joy Garden restaurant" is no such use."""
        doc, lex = self.doc, self.lex
        out = set()
        for i in range(1, len(self.texts) - 1):
            text = self.texts[i]
            if text[:1].isupper() and self.texts[i - 1] in ("the", "The") and lex.is_ambiguous(_bare(text)):
                if self.texts[i + 1][:1].isupper() and not _crosses_line(doc[i]):
                    continue  # "the Joy Garden restaurant": the start of a body's name, which says nothing of "Joy"
                if not _crosses_line(doc[i - 1]) and not self.title_case_line(doc[i]):
                    out.add(_bare(text))
        return frozenset(out)

    def _block_place_adjectives(self) -> None:
        """A word made of a place this review names and a demonym ending ("Fuzhounese" beside "Fuzhou",
        "Kashmiri" beside "Azad Kashmir") is its people's or language's adjective, wherever it stands: the
        model tags the place, rarely the adjective. Listed first names ("Adrian") are left to the rules."""
        texts, lex = self.texts, self.lex
        stems = self.place_texts
        if not stems:
            return
        adjectives = {
            text
            for text in set(texts)
            if text[:1].isupper() and text not in stems and _place_adjective(text, stems, lex)
        }
        for i, text in enumerate(texts):
            if text in adjectives:
                self.blocked[i] = True

    def _norp_word(self, token: Token) -> bool:
        """The model tags the word a nationality or group (NORP). It also tags unlisted names so ("their
        daughter, Tharshika,"), so a word the parse puts in a person's place stays a candidate."""
        if token.ent_type_ != "NORP" or not token.text[:1].isupper() or self.lex.is_first_name(token.text):
            return False
        if self._set_off_after_role(token):
            return False  # "at the others a cousin, Kidist, interpreted": however the parse reads a table's cell
        if token.i > 0 and token.doc[token.i - 1].text.rstrip(".") in _strong_titles():
            return False  # "Mr Han", "Mrs Cymraes": a title says a surname follows, whatever the model tags it
        return not (token.doc.has_annotation("DEP") and _person_position(self, token))

    def _set_off_after_role(self, token: Token) -> bool:
        """Set off by commas right after a role or family word ("her cousin, Kidist, interpreted"): a person's
        name in apposition, which the model may tag a nationality; a listed people or language is not one."""
        doc, i = token.doc, token.i
        if i < 2 or i + 1 >= len(doc) or doc[i - 1].text != "," or doc[i + 1].text not in (",", ")"):
            return False
        return doc[i - 2].lower_ in self.lex.roles and token.text not in self.lex.peoples

    def _language_word(self, doc: Doc, token: Token) -> bool:
        """A language ("speaks Pashto", "Shona custom"); one that is also a first name is a person
        before a surname ("Shona Ross") or as the subject of a person verb ("Shona said")."""
        if token.text not in self.lex.languages:
            return False
        if not self.lex.is_first_name(token.text):
            return True
        if self._starts_full_name(doc, token.i):
            return False
        return not (
            doc.has_annotation("DEP")
            and token.dep_ in ("nsubj", "nsubjpass")
            and token.head.lemma_.lower() in self.lex.subject_verbs
        )

    def _designation(self, doc: Doc, i: int) -> bool:
        """A listed designation ("Paed", "Reg", "Radiographer") stands for a post, not a person; before a
        surname it may be a given name ("Reg Thackeray"), so a following capitalised word that is no title,
        designation or English word leaves it to the rules ("Paed Reg Dr Bankole", "Categ 3" stay posts)."""
        nxt = doc[i + 1] if i + 1 < len(doc) else None
        if nxt is None or _crosses_line(doc[i]) or not self._name_shaped[nxt.i]:
            return True
        word = nxt.text.rstrip(".")
        return (
            word in self.lex.titles
            or word.casefold() in self.lex.designations
            or self.lex.is_common_word(word)
            or word in self.lex.non_person
        )

    def _starts_full_name(self, doc: Doc, i: int) -> bool:
        nxt = doc[i + 1] if i + 1 < len(doc) else None
        return (
            nxt is not None
            and not _crosses_line(doc[i])
            and is_name_token(nxt)
            and nxt.text not in self.lex.non_person
            and self.lex.is_first_name(doc[i].text)
        )

    def _org_context_words(self, doc: Doc) -> frozenset[str]:
        """Capitalised words this review uses inside organisation or place names ("Royal Eastbrook
        Hospital", "Kelby Police", "Wigan Safeguarding"): alone elsewhere they are not people either.
        A first name followed by another name word is left out ("Lucy Faithfull Foundation" does
        not make every Lucy an agency; "Kelby Police" does make Kelby a place)."""
        heads = self.lex.non_person | {
            _bare(h) for h in self.lex.non_person
        }  # "Children's" is tokenised "Children" + "'s"
        agency_heads = heads - self.lex.document_heads
        words: set[str] = set()
        run: list[str] = []
        for token in self.tokens:
            text = _bare(token.text)
            if token.is_title or token.is_upper and len(text) > 1:
                if (text in agency_heads or token.text in agency_heads) and run:
                    words.update(
                        w for k, w in enumerate(run) if w not in heads and not self._person_in_org_name(run, k, heads)
                    )
                run = [] if _crosses_line(token) else run + [text]
            else:
                run = []
        return frozenset(words)

    def _person_in_org_name(self, run: list[str], k: int, heads) -> bool:
        """run[k] starts a person's name inside an organisation's ("Lucy" of "Lucy Faithfull Foundation"):
        a first name that is no English word, followed by a word that is neither a head nor a place
        ("Royal Oldham Hospital" is a place's hospital)."""
        word = run[k]
        if not self.lex.is_first_name(word) or word.lower() in self.lex.common or k + 1 >= len(run):
            return False
        nxt = run[k + 1]
        return nxt not in heads and nxt not in self.lex.places

    def title_case_line(self, token: Token) -> bool:
        """The token is on a heading-like line where most words are capitalised."""
        line_start = self.text.rfind("\n", 0, token.idx) + 1
        if line_start not in self._title_lines:
            end = self.text.find("\n", token.idx)
            words = re.findall(r"[A-Za-z][\w'’-]*", self.text[line_start : end if end >= 0 else len(self.text)])
            long = [w for w in words if len(w) > 3]
            self._title_lines[line_start] = len(long) >= 2 and sum(w[0].isupper() for w in long) >= 0.75 * len(long)
        return self._title_lines[line_start]

    def name_like(self, token: Token) -> bool:
        """`is_name_token` and not blocked; `token` is one of this document's."""
        return self._name_shaped[token.i] and not self.blocked[token.i]

    def common_use(self, word: str, plurals: bool = True) -> bool:
        """Common word, either by the word list or by its lower-case use in this very review (`plurals`: or the
        plural of a common word)."""
        bare = _bare(word)
        low = bare.lower()
        if self.lex.is_common_word(bare) or low in self.lower_words or (low,) in self.lex.roles.get(low, ()):
            return True
        # a plural of a common word ("Alcoholics", "Practitioners"; "Women", "Children" by the model's rules)
        if not plurals or self.lex.is_known_name(bare):
            return False
        return (low.endswith("s") and low[:-1] in self.lex.common) or _noun_plural_of_common(low, self.lex.common)


def _noun_plural_of_common(low: str, common) -> bool:
    """`low` is the plural of a common noun by the model's own lemmatizer data (its noun exceptions, then its
    suffix rules checked against its noun index): "women" -> "woman", "children" -> "child"."""
    if not (low.endswith(("s", "en", "ren", "ice", "eet", "eeth")) and len(low) > 3):
        return False
    exceptions, rules, index = _noun_lemma_data()
    lemmas = list(exceptions.get(low, ()))
    lemmas += [low[: -len(old)] + new for old, new in rules if old and low.endswith(old)]
    return any(lemma != low and lemma in index and lemma in common for lemma in lemmas)


@lru_cache(maxsize=1)
def model_lemma_lookups() -> Any:
    """The configured model's lemmatizer lookup tables (WordNet index, exceptions, rules), or None."""
    from ...nlp import load_nlp

    try:
        lemmatizer: Any = load_nlp().get_pipe("lemmatizer")
        return lemmatizer.lookups
    except (KeyError, AttributeError):
        return None


@lru_cache(maxsize=1)
def _noun_lemma_data() -> tuple[dict, tuple, frozenset[str]]:
    lookups = model_lemma_lookups()
    try:
        exc = dict(lookups.get_table("lemma_exc").get("noun", {}))
        rules = tuple(tuple(r) for r in lookups.get_table("lemma_rules").get("noun", ()))
        return exc, rules, frozenset(lookups.get_table("lemma_index").get("noun", ()))
    except (KeyError, AttributeError):
        return {}, (), frozenset()


_POSSESSIVES = frozenset({"'s", "’s", "'", "’"})
_HYPHENS = frozenset({"-", "‐"})


def _place_adjective(text: str, stems: set[str], lex: NameLexicon) -> bool:
    """`text` is a place of `stems` and a demonym ending ("Fuzhou" + "nese"), and no listed first name."""
    for ending in lex.demonym_suffixes:
        stem = text[: -len(ending)]
        if text.endswith(ending) and len(stem) >= 3 and (stem in stems or stem + "a" in stems):
            return not lex.is_first_name(text)
    return False


def _bare(word: str) -> str:
    for suffix in ("'s", "’s"):
        if word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def _allow_tokens(allow: set[str] | None) -> set[str]:
    """Allowed people as lower-case name words ("Jane Doe" allows "Jane", "Doe", "Ms Doe")."""
    tokens: set[str] = set()
    for name in allow or ():
        tokens.update(w.strip(".,").lower() for w in re.split(r"[\s‐-]+", name) if w.strip(".,"))  # "Strachan-Hyde" too
    return tokens


# ---------------------------------------------------------------- rules
def _hyphen_bridge(ctx: _DocContext, i: int) -> bool:
    """doc[i] is a hyphen inside a double-barrelled name ("Oyelaran-Marsh"): no spaces, names either side."""
    doc = ctx.doc
    return (
        0 < i < len(doc) - 1
        and doc[i].text in ("-", "‐")
        and not doc[i - 1].whitespace_
        and not doc[i].whitespace_
        and ctx.name_like(doc[i - 1])
        and ctx.name_like(doc[i + 1])
    )


@lru_cache(maxsize=1)
def _particles() -> frozenset[str]:
    return frozenset(read_lines("names", "name_particles.txt"))


_SCALE_LINKS = frozenset({",", "or", "and", "/", "to"})
_AGENT = frozenset({"by", "with", "from"})


@lru_cache(maxsize=1)
def _rating_cues() -> frozenset[str]:
    return frozenset(c.casefold() for c in load_yaml("pseudonymise", "name_context.yaml")["word_name_rating_cues"])


@lru_cache(maxsize=1)
def _kin_lower() -> frozenset[str]:
    return frozenset(w.casefold() for w in before_name_words())


def _scale_values(tokens: list[Token], texts: list[str]) -> frozenset[str]:
    """Capitalised words listed (two or more, joined by commas, "or", "and", "/") within a few words after a
    rating word: the scale a review declares.  One pass over the tokens."""
    cues = _rating_cues()
    values: set[str] = set()
    n = len(tokens)
    for c in (i for i, text in enumerate(texts) if text.casefold() in cues):
        listed: list[str] = []
        for k in range(c + 1, min(n, c + 14)):
            t = tokens[k]
            if t.is_title and t.is_alpha and (not listed or tokens[k - 1].lower_ in _SCALE_LINKS):
                listed.append(t.text)
            elif t.lower_ in _SCALE_LINKS and listed:
                continue
            elif listed or t.is_sent_start or "\n" in tokens[k - 1].whitespace_ or t.is_punct or t.lower_ in _AGENT:
                break  # "rated by Amina, Grace and Tom": the raters, people
        if len(listed) >= 2:
            values.update(listed)
    return frozenset(values)


_OPEN_QUOTES = frozenset({'"', "“", "‘"})
_CLOSE_QUOTES = frozenset({'"', "”", "’"})


@lru_cache(maxsize=1)
def _speech_verbs() -> frozenset[str]:
    """Lemmas of the verbs whose object is the words said (models/names/person_verbs.yaml `utterance`)."""
    return frozenset(load_yaml("names", "person_verbs.yaml").get("utterance") or ())


@lru_cache(maxsize=1)
def _gloss_after() -> re.Pattern[str]:
    """A gloss linker right after a closing quote ('"Bula" means', '"Roj baş", meaning')."""
    from .glosses import gloss_linkers

    return re.compile(rf"[ \t]*,?[ \t]*(?i:{gloss_linkers()})\b")


def _column_scale_values(text: str) -> frozenset[str]:
    """The one-word capitalised cells of a table column headed by a rating word ("| RAG |", "| Rating |",
    "| Risk grade |"): the header declares the scale as a sentence would ("rated Red, Amber or Green"), so a
    tracker's "Amber" cell is the rating, not a woman called Amber.  A header naming the raters ("Rated by")
    holds people."""
    if "|" not in text and "\t" not in text:
        return frozenset()
    cues = _rating_cues()

    def rating_header(cell: str) -> bool:
        words = [w.casefold() for w in re.findall(r"[^\W\d_]+", cell)]
        return any(w in cues for w in words) and not any(w in _AGENT for w in words)

    cells = column_cells(text, rating_header)
    return frozenset(c for c in cells if c.isalpha() and c[:1].isupper() and c[1:].islower())


@lru_cache(maxsize=1)
def _eponym_particles() -> frozenset[str]:
    """Name particles in any case: an eponym opens a sentence or a table cell with one ("Von Willebrand")."""
    return frozenset(p.casefold() for p in _particles())


def _particle_bridge(ctx: _DocContext, i: int) -> bool:
    """doc[i] is a name particle ("ap", "van", "Ó", "Mac") with a name word after it on the same line,
    or the Gaelic article of "Nic a' Phearsain" / "Mac a' Phì" (tokens "a" and "'") after Nic/Mac."""
    doc = ctx.doc
    if i + 1 >= len(doc) or _crosses_line(doc[i]) or ctx.blocked[i]:
        return False
    if _gaelic_article(doc, i):
        return ctx.name_like(doc[i + 1]) or _particle_bridge(ctx, i + 1)
    return doc[i].text in _particles() and (ctx.name_like(doc[i + 1]) or _particle_bridge(ctx, i + 1))


def _gaelic_article(doc: Doc, i: int) -> bool:
    """doc[i] is the "a" or the apostrophe of "Nic a'", "Mac a'", "Mhic a'"."""
    heads = ("Nic", "Mac", "Mhic")
    if doc[i].text == "a":
        return i > 0 and doc[i - 1].text in heads and i + 1 < len(doc) and doc[i + 1].text in ("'", "’")
    return doc[i].text in ("'", "’") and i > 1 and doc[i - 1].text == "a" and doc[i - 2].text in heads


WRAPPED_LINE_MIN_CHARS = 50


def _wrapped_name(ctx: _DocContext, i: int) -> bool:
    """doc[i] ends a line of hard-wrapped prose and the name goes on at the start of the next
    ("... her best friend Zainab\nMohamud lived upstairs"): a long line that ends mid-sentence,
    one line break, a name word after it that is no English word, then lower-case prose."""
    doc = ctx.doc
    token = doc[i]
    if token.whitespace_ or "\n" in token.text or i + 2 >= len(doc):
        return False
    nl = doc[i + 1]
    if nl.text.strip(" \t") != "\n" and not (nl.is_space and nl.text.count("\n") == 1):
        return False
    nxt, after = doc[i + 2], doc[i + 3] if i + 3 < len(doc) else None
    line_start = ctx.text.rfind("\n", 0, token.idx) + 1
    return (
        token.idx + len(token.text) - line_start >= WRAPPED_LINE_MIN_CHARS
        and "|" not in ctx.text[line_start : token.idx]
        and ctx.name_like(nxt)
        and not ctx.common_use(nxt.text)
        and after is not None
        and after.is_lower
    )


def _name_run(ctx: _DocContext, start: int, max_len: int = 3) -> int:
    """End (exclusive) of a run of name tokens starting at `start`, not crossing a line break
    ("Oyelaran-Marsh", split by the tokenizer at the hyphen, counts as one name word; particles,
    "Ffion ap Rhys", "Mrs van Dijk", do not count)."""
    doc = ctx.doc
    end = start
    words = 0
    while (
        end < len(doc)
        and words < max_len
        and (
            ctx.name_like(doc[end])
            or _particle_bridge(ctx, end)
            or (end > start and doc[end].is_space and _wrapped_name(ctx, end - 1))
        )
    ):
        particle = ((doc[end].text in _particles() or _gaelic_article(doc, end)) and _particle_bridge(ctx, end)) or doc[
            end
        ].is_space
        end += 1
        if particle:
            continue  # "ap", "van", "Mac": the name word after it follows
        words += 1
        if _crosses_line(doc[end - 1]) or doc[end - 1].text.endswith(("'s", "’s")):
            break
        if end < len(doc) - 1 and _hyphen_bridge(ctx, end):
            end += 1
        elif end < len(doc) - 1 and words >= 2 and _syllable_after_hyphen(ctx, end):
            return end + 2  # "Kim Tae-ho": the syllable closes the given name
    return end


def _syllable_after_hyphen(ctx: _DocContext, i: int) -> bool:
    """doc[i] is the hyphen of a romanised Korean or Chinese given name written after the surname ("Kim
    Tae-ho", "Wong Ka-yan"): no spaces, a short lower-case syllable after it that no other letter follows."""
    doc = ctx.doc
    nxt = doc[i + 1]
    return (
        doc[i].text in ("-", "‐")
        and not doc[i - 1].whitespace_
        and not doc[i].whitespace_
        and ctx.name_like(doc[i - 1])
        and bool(nxt.is_alpha)
        and nxt.is_lower
        and len(nxt.text) <= 4
        and (nxt.i + 1 >= len(doc) or bool(nxt.whitespace_) or not doc[nxt.i + 1].is_alpha)
    )


def _ner_spans(ctx: _DocContext):
    """spaCy PERSON entities cut at line breaks and trimmed to name-like tokens."""
    for ent in ctx.doc.ents:
        if ent.label_ != "PERSON":
            continue
        piece_start = ent.start
        for i in range(ent.start, ent.end):
            if _crosses_line(ctx.doc[i]) or i == ent.end - 1:
                yield from _trim(ctx, piece_start, i + 1, "ner", _score("ner"))
                piece_start = i + 1


def _trim(ctx: _DocContext, start: int, end: int, rule: str, confidence: float):
    """Keep the maximal runs of name-like tokens inside [start, end)."""
    i = start
    while i < end:
        if ctx.name_like(ctx.doc[i]):
            j = i
            while j < end and (ctx.name_like(ctx.doc[j]) or _hyphen_bridge(ctx, j)):
                j += 1
            if j < len(ctx.doc) and j == end and _hyphen_bridge(ctx, j):
                j = _name_run(ctx, i)  # the entity stopped at the hyphen of a double-barrelled name
            yield i, j, rule, confidence
            i = j
        else:
            i += 1


def _title_spans(ctx: _DocContext):
    doc = ctx.doc
    for token in ctx.tokens:
        if token.text.rstrip(".") not in ctx.lex.titles or _crosses_line(token):
            continue
        nxt = token.i + 1
        if nxt < len(doc) and doc[nxt].text == "." and not _crosses_line(doc[nxt]):
            nxt += 1
        if _kin_honorific(token.text) and (nxt > token.i + 1 or token.text.endswith(".")):
            continue  # "supported by Aunt. The midwife": a family word ending a sentence, not an honorific
        nxt += _collar_number(ctx, token, nxt)  # "DC 4471 Halifax": the officer's number, then the name
        if _rank_as_surname(ctx, token, nxt):
            yield nxt, nxt + 1, "title_word", _score("title")  # "Mrs Constable", "Mr Judge": the rank is her name
            continue
        end = _name_run(ctx, nxt)
        if end == nxt + 1 and _continues_next_line(ctx, nxt):
            end = nxt + 3  # "Ms Tilly⏎Baines, said": the name wrapped after the title's first word
        if end <= nxt + 1 and _kin_honorific(token.text):
            end = _kin_named(doc, nxt)  # "Uncle Trust", "Aunty Hope": a family's name for someone, however ordinary
            if end > nxt:
                yield nxt, end, "kin_title", _score("kin_title")
            continue
        if end > nxt and not (token.text in ctx.lex.weak_titles and _is_common_phrase(ctx, nxt, end)):
            yield nxt, end, "title", _score("title")


def _collar_number(ctx: _DocContext, rank: Token, i: int) -> int:
    """1 when doc[i] is a police collar number after a rank ("PC 4471 Reading"; the ranks and digits of
    models/names/keyed_forms.yaml) with a capitalised word after it on the line, else 0."""
    from .known import _keyed_forms

    doc = ctx.doc
    conf = _keyed_forms()
    low, high = conf.get("collar_number_digits") or (2, 6)
    if rank.text.rstrip(".") not in (conf.get("collar_number_ranks") or ()) or i + 1 >= len(doc):
        return 0
    number = doc[i]
    if not (number.text.isdigit() and low <= len(number.text) <= high) or _crosses_line(number):
        return 0
    return 1 if doc[i + 1].text[:1].isupper() else 0


@lru_cache(maxsize=1)
def _record_field_re() -> re.Pattern[str]:
    """A records system's name fields (models/names/keyed_forms.yaml): a rank, a collar number and the
    officer's surname ("DC 4417 HOLT"); a placeholder word for the surname before or after a given name
    ("UNKNOWN Godfrey", "Godfrey UNKNOWN")."""
    from .known import record_field_words

    ranks, unknown, low, high = record_field_words()
    word = r"[A-Z][^\W\d_]*(?:['’-][^\W\d_]+)*"
    return re.compile(
        rf"(?<![\w/])(?:(?:{ranks})\.?[ \t]+\d{{{max(3, low)},{high}}}[ \t]+(?P<officer>{word})"
        rf"|(?:{unknown})[ \t]+(?P<after>{word})|(?P<before>{word})[ \t]+(?:{unknown}))(?![\w/])"
    )


_DETERMINER_BEFORE = re.compile(r"(?i)\b(?:the|a|an|this|that|its|our|their)[ \t]+$")


def _record_field_spans(ctx: _DocContext):
    """The name in a records system's name field, however ordinary or capitalised the word: the field's shape
    says it is a person's ("PS 1187 GRANT" is an officer, not a grant).  One regex pass over the text."""
    for m in _record_field_re().finditer(ctx.text):
        group = next(g for g in ("officer", "after", "before") if m.group(g))
        word = m.group(group)
        low = word.casefold()
        if low in _ENGLISH_STOP_WORDS or word.rstrip(".") in ctx.lex.titles:
            continue
        if group == "officer" and len(word) > 5 and low.endswith(("ed", "ing")) and ctx.common_use(word):
            continue  # "PC 2291 ATTENDED": the log's verb after the officer's number
        determined = _DETERMINER_BEFORE.search(ctx.text, max(0, m.start() - 8), m.start()) is not None
        if group == "officer" and determined and ctx.common_use(word):
            continue  # "the PC 2021 Review": a determiner makes rank and number a thing's name, not an officer
        if group != "officer" and ctx.common_use(word):
            continue  # "UNKNOWN MALE", "Unknown Address": no name in the field
        span = ctx.doc.char_span(m.start(group), m.end(group), alignment_mode="contract")
        if span is not None and len(span):
            yield span.start, span.end, "record_field", _score("record_field")


_CAPITALS_WORD = re.compile(r"(?<![\w'’@#/.-])[A-Z]{3,}(?![\w'’@/-])")
_CAPITALS_NEXT = re.compile(r"[ \t]+([A-Z][A-Z'’]*(?:-[A-Z][A-Z'’]*)*)(?![\w@/-])")


_PRONOUN_AFTER = re.compile(r"[ \t]+(?:HE|SHE|THEY|IT|I|WE|YOU)\b")


def _verb_like(doc: Doc, text: str, start: int, end: int) -> bool:
    """The word at start..end is a verb, not a name: a subject pronoun follows it ("SAID HE"), or the parse reads
    it as a verb or auxiliary."""
    if _PRONOUN_AFTER.match(text, end):
        return True
    span = doc.char_span(start, end)
    return span is not None and len(span) == 1 and span[0].pos_ in ("VERB", "AUX")


def _capitals_name_spans(ctx: _DocContext):
    """A person written in capitals, as police logs and case-system extracts write them ("REGISTERED TO A
    JORDAN PIKE DOB ..."): the model tags no person there and the name-shape rules need a capital and lower-case
    letters.  So the line is read as if title-cased: a listed first name that is no English word, then one or two
    capitals words that could be a surname (a listed name, or no English word; never an abbreviation, a title, a
    month or a place).  One regex pass over the text; the lexicon decides, no second parse."""
    from ..codes import general_abbreviations

    lex, text, doc = ctx.lex, ctx.text, ctx.doc
    abbreviations = general_abbreviations()

    def usable(word: str) -> bool:
        low = word.lower()
        return word not in abbreviations and low not in _ENGLISH_STOP_WORDS and word.title() not in lex.titles

    for m in _CAPITALS_WORD.finditer(text):
        given = m.group().title()
        if not usable(m.group()) or not lex.is_first_name(given) or ctx.common_use(given):
            continue
        place = given in lex.places or given in lex.countries  # "JORDAN": a surname after it must be a listed one
        end, parts = m.end(), 0
        while parts < 2 and (nxt := _CAPITALS_NEXT.match(text, end)) is not None:
            word = nxt.group(1)
            title = "-".join(p.title() for p in word.split("-"))
            listed = lex.is_known_name(title)
            if not usable(word) or not _surname_like(ctx, title) or (not listed and (place or ctx.common_use(title))):
                break
            if parts and not listed:
                break  # a third capitals word must be a listed name ("JORDAN LEE PIKE"), not the log's next word
            if _verb_like(doc, text, nxt.start(1), nxt.end(1)):
                break  # "REED SAID HE WAS": a listed name ("Said") that is the log's verb
            end, parts = nxt.end(1), parts + 1
        if not parts:
            continue
        span = doc.char_span(m.start(), end, alignment_mode="contract")
        if span is not None and len(span):
            yield span.start, span.end, "capitals_name", _score("capitals_name")


_INITIALLED_NAME = re.compile(
    r"(?<![\w'’.-])(?P<name>[A-Z][\w'’]*(?:-[A-Z][\w'’]*)*(?:[ \t]+[A-Z][\w'’]*(?:-[A-Z][\w'’]*)*){1,3})"
    r"[ \t]*\([ \t]*(?P<caps>[A-Z]{2,4})[ \t]*[,;)]"
)


def _initialled_name_spans(ctx: _DocContext):
    """A name followed by its own initials in brackets, as attendance lists and minutes write people ("Bethan
    Tudor-Lloyd (BTL, liaison nurse)", "Kwame Poku (KP)"): the letters declare the capitalised words before them a
    person's name, however ordinary the words ("Tudor") or the line's capitals.  The words taken are the last ones
    whose initials, hyphened parts included, are the bracketed letters; titles before them stay outside."""
    from .initials import initials_of

    titles = ctx.lex.titles
    for m in _INITIALLED_NAME.finditer(ctx.text):
        words = list(re.finditer(r"\S+", m.group("name")))
        for k in range(max(0, len(words) - 3), len(words) - 1):
            run = [w.group() for w in words[k:]]
            if run[0].rstrip(".") in titles or m.group("caps") not in initials_of(" ".join(run)):
                continue
            if sum(len(re.split(r"[-‐]", w)) for w in run) != len(m.group("caps")):
                continue  # every letter one name word or part: "Kerry Bell (KBE)" is no declaration
            if not _initialled_person(ctx, run):
                break
            start = m.start("name") + words[k].start()
            span = ctx.doc.char_span(start, m.end("name"), alignment_mode="contract")
            if span is not None and len(span):
                yield span.start, span.end, "initialled_name", _score("initialled_name")
            break


def _initialled_person(ctx: _DocContext, run: list[str]) -> bool:
    """The words before bracketed initials are a person's, not a body's ("Multi-Agency Safeguarding Hub (MASH)"):
    the first a listed first name or no English word, none a role, place or organisation word, and the others
    no English words unless the first is a listed first name ("Grace Hill (GH)")."""
    lex = ctx.lex
    bare = [_bare(w) for w in run]
    if any(
        w in lex.non_person or w.lower() in lex.non_person_lower or w.lower() in lex.roles or w in lex.places
        for w in bare
    ):
        return False
    given = lex.is_first_name(bare[0]) and not ctx.common_use(bare[0])
    return given or not any(ctx.common_use(w) for w in bare)


@lru_cache(maxsize=1)
def _personal_titles() -> frozenset[str]:
    return title_words(personal=True)


def _rank_as_surname(ctx: _DocContext, title: Token, i: int) -> bool:
    """doc[i] is a rank or calling used as a surname after a personal title ("Mrs Constable said",
    "Mr Judge"): a capitalised title word with no name after it on the same line."""
    doc = ctx.doc
    if title.text.rstrip(".") not in _personal_titles() or i >= len(doc) or _crosses_line(title):
        return False
    word = doc[i]
    if word.text.rstrip(".") not in ctx.lex.titles or not is_name_token(word) or word.text.endswith("."):
        return False
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    return nxt is None or _crosses_line(word) or not (is_name_token(nxt) or nxt.text == ".")


def _continues_next_line(ctx: _DocContext, i: int) -> bool:
    """A title's name word doc[i] ends the line and its surname opens the next one ("The nursery manager,
    Ms Tilly⏎Baines, said"): one line break, a name word that is no English word, then punctuation
    or lower-case prose."""
    doc = ctx.doc
    if i + 2 >= len(doc) or doc[i].whitespace_ or doc[i + 1].text.strip(" \t") != "\n":
        return False
    name = doc[i + 2]
    after = doc[i + 3] if i + 3 < len(doc) else None
    return (
        ctx.name_like(name)
        and not ctx.common_use(name.text)
        and not _crosses_line(name)
        and after is not None
        and (after.is_punct or after.is_lower)
        and not ctx.title_case_line(name)
    )


def _kin_honorific(word: str) -> bool:
    return word.casefold() in before_name_words() and word[:1].isupper()


def _kin_named(doc, i: int) -> int:
    """The end of one capitalised word at `i` (a name after a kinship honorific), not of a capitalised run
    ("Uncle Trust" yes, "Uncle Tom's Cabin" and "Aunt Bessie's Yorkshire Puddings" no)."""
    if i >= len(doc) or not doc[i].text[:1].isupper() or not doc[i].is_alpha or doc[i].text.isupper():
        return i
    j = i + 1
    if j < len(doc) and doc[j].text in ("'s", "’s"):
        j += 1
    if j < len(doc) and doc[j].text[:1].isupper() and doc[j].is_alpha:
        return i
    return i + 1


_OPEN_QUOTES = frozenset({"'", "‘", '"', "“"})


def _role_spans(ctx: _DocContext):
    doc = ctx.doc
    lowers = [t.lower_ for t in ctx.tokens]
    for i in range(len(doc)):
        for role in ctx.lex.roles.get(lowers[i], ()):
            n = len(role)
            if tuple(lowers[i : i + n]) != role:
                continue
            if any(_crosses_line(doc[k]) for k in range(i, i + n)):
                break
            nxt = _after_role_label(doc, i + n)
            if nxt < len(doc) and doc[nxt].text in {",", "(", ":", "-", "–"} and not _crosses_line(doc[nxt]):
                nxt += 1
            if nxt < len(doc) and doc[nxt].text in _OPEN_QUOTES and not _crosses_line(doc[nxt]):
                nxt += 1  # "my friend 'Shapla' said", 'her partner, "Dee"'
            initial = _apposed_initial(ctx, nxt)
            if initial:
                yield nxt, initial, "role", _score("role_initial")
                break
            end = _name_run(ctx, nxt)
            if end > nxt:
                yield nxt, end, "role", _score("role")
            break


_LABEL_END = re.compile(r"[*_]*\)?:[*_]*")


def _after_role_label(doc: Doc, i: int) -> int:
    """Where the name starts after a role written as a form's label ("**Interpreter:** Edit Varga",
    "Interpreter (Mandarin): Grace Young"): past a short bracketed gloss, the colon and the emphasis marks the
    tokenizer splits off; `i` itself when no label ends there."""
    j = i
    if j < len(doc) and doc[j].text == "(":
        close = next((k for k in range(j + 1, min(len(doc), j + 5)) if doc[k].text.startswith(")")), None)
        if close is None:
            return i
        j = close
    k = j
    while k < len(doc) and k < j + 3 and not _crosses_line(doc[k]) and _LABEL_END.fullmatch(doc[k].text or "-"):
        k += 1
        if ":" in doc[k - 1].text:
            while k < len(doc) and doc[k].text in ("*", "**", "_") and not _crosses_line(doc[k - 1]):
                k += 1
            return k
    return i


def _apposed_initial(ctx: _DocContext, i: int) -> int:
    """End of a lone initial set off after a role word ("mum's friend, D., who", "her partner (R.)"), or 0.

    Only between commas or brackets: "the nurse, A." ending a sentence and "Appendix A" stay."""
    doc = ctx.doc
    if i < 1 or i >= len(doc) or doc[i - 1].text not in (",", "("):
        return 0
    if doc[i].ent_type_ == ROLE_LABEL or doc[i].text.rstrip(".") in ctx.codes:
        return 0  # a declared code ("her friend, F., who"), not the model's NORP for "D."
    end = i + 1
    text = doc[i].text
    if len(text) == 1 and text.isupper() and end < len(doc) and doc[end].text == ".":
        end += 1
    elif not re.fullmatch(r"[A-Z]\.", text):
        return 0
    closing = ")" if doc[i - 1].text == "(" else ","
    return end if end < len(doc) and doc[end].text == closing else 0


def _gazetteer_spans(ctx: _DocContext):
    """Listed first names, grown by a following capitalised token (a surname)."""
    doc = ctx.doc
    lex = ctx.lex
    for token in ctx.tokens:
        if not ctx.name_like(token) or not lex.is_first_name(_bare(token.text)):
            continue
        prev = doc[token.i - 1] if token.i > 0 else None
        if prev is not None and ctx.name_like(prev) and not _crosses_line(prev) and not ctx.common_use(prev.text):
            continue  # inside a run of names that started earlier ("Anna Marie Jones")
        end = _name_run(ctx, token.i)
        word = _bare(token.text)
        if ctx.common_use(word):
            continue
        rest = [_bare(doc[i].text) for i in range(token.i + 1, end)]
        heading = ctx.title_case_line(token)
        if rest and all(lex.is_known_name(w) or not ctx.common_use(w) for w in rest):
            yield token.i, end, "gazetteer", _score("gazetteer_full_name_heading" if heading else "gazetteer_full_name")
        elif rest and not heading and not lex.is_ambiguous(word) and _surname_like(ctx, rest[0]):
            # a first name that is no English word, then a capitalised word that is one ("Bronwen
            # Tudor", "Tendai Green"): surnames are often words; roles, agencies and places are not
            yield token.i, token.i + 2, "gazetteer_surname", _score("gazetteer_surname")
        elif heading:
            yield token.i, token.i + 1, "gazetteer", _score("gazetteer_heading")
        elif not lex.is_ambiguous(word) or (not _starts_sentence(token) and word in lex.uk_first_names):
            # a name that is no English word, or a common UK name capitalised mid-sentence
            yield token.i, token.i + 1, "gazetteer", _score("gazetteer_unambiguous")
        elif not _starts_sentence(token) and token.pos_ == "PROPN":
            yield token.i, token.i + 1, "gazetteer", _score("gazetteer_proper_noun")
        elif _acts_like_person(token):
            yield token.i, token.i + 1, "gazetteer", _score("gazetteer_acts_like_person")


def _surname_like(ctx: _DocContext, word: str) -> bool:
    """A capitalised word after a first name that can be its surname although it is also a word."""
    lex = ctx.lex
    low = word.lower()
    return (
        word[:1].isupper()
        and word not in lex.non_person
        and low not in lex.non_person_lower
        and low not in lex.roles
        and word not in lex.places
        and word not in lex.countries
        and word not in lex.eponym_heads
        and word not in lex.document_heads
        and low not in _month_words()
    )


def _starts_sentence(token: Token) -> bool:
    """The token opens a sentence or a table cell ("| Orange |", "| Reason for form |"): a cell's first word is
    capitalised by the layout, as a sentence's is, so its capital is no evidence of a name; unless the draft
    writes the same word elsewhere before a capitalised word, as a full name ("| Shannon |" of Shannon Rowe)."""
    if token.is_sent_start:
        return True
    if token.i == 0 or token.doc[token.i - 1].text != "|":
        return False
    return re.search(rf"(?<![\w-]){re.escape(token.text)}[ \t]+[A-Z][a-z]", token.doc.text) is None


def _acts_like_person(token: Token) -> bool:
    """A sentence-initial 'Grace' or 'Paige' that is followed by a verb or coordinated with a name."""
    doc = token.doc
    nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if nxt is None or _crosses_line(token):
        return False
    if nxt.pos_ in ("VERB", "AUX") or nxt.text in ("'s", "’s"):
        return True
    after = doc[token.i + 2] if token.i + 2 < len(doc) else None
    return nxt.lower_ in ("and", "&") and after is not None and is_name_token(after)


@lru_cache(maxsize=1)
def _single_word_roles() -> frozenset[str]:
    """One-word role and relationship words ("father", "aunt", "lodger")."""
    return frozenset(words[0] for roles in lexicon().roles.values() for words in roles if len(words) == 1)


def _role_heads(ctx: _DocContext) -> frozenset[str]:
    return _single_word_roles()


def _person_position(ctx: _DocContext, token: Token) -> bool:
    """The parse puts `token` where only a person stands: subject or object of a person verb,
    object of "spoke to" / "lived with", the speaker of a quotation, or in apposition to a role
    ("Chukwuemeka Obi, the child's father")."""
    lex = ctx.lex
    head = token.head
    dep = token.dep_
    if dep in ("nsubj", "nsubjpass") and head.lemma_.lower() in lex.subject_verbs:
        return True
    if dep in ("dobj", "dative") and head.lemma_.lower() in lex.object_verbs:
        return True
    if dep == "pobj" and head.lower_ in ("to", "with"):
        verb = head.head
        verbs = lex.to_verbs if head.lower_ == "to" else lex.with_verbs
        if verb.pos_ in ("VERB", "AUX") and verb.lemma_.lower() in verbs:
            return True
        if head.lower_ == "to" and verb.dep_ == "dobj" and verb.head.lemma_.lower() in lex.to_verbs:
            return True  # "owed money to Ebo"
    roles = _role_heads(ctx)
    return any(child.dep_ == "appos" and child.lower_ in roles for child in token.children)


def _run_start(ctx: _DocContext, i: int) -> int:
    """First token of the run of name tokens that contains doc[i] (on the same line)."""
    doc = ctx.doc
    while i > 0 and not _crosses_line(doc[i - 1]) and (ctx.name_like(doc[i - 1]) or _hyphen_bridge(ctx, i - 1)):
        i -= 1
    return i


def _syntax_spans(ctx: _DocContext):
    """Names the gazetteers do not list, found by where they stand in the sentence (see
    `_person_position`), and a name coordinated with one ("Lukasz and Agnieszka Nowicki")
    or with a relative ("Ebo and his brother")."""
    doc = ctx.doc
    if not doc.has_annotation("DEP"):
        return  # heads and children of a parse made without the parser are not to be read (spaCy may crash)
    seen: set[int] = set()
    for token in ctx.tokens:
        if not ctx.name_like(token) or token.pos_ != "PROPN" or token.i in seen or not _person_position(ctx, token):
            continue
        if token.text in ctx.lex.countries and token.dep_ not in ("nsubj", "nsubjpass"):
            continue  # "visited India": a country as an object is a place
        start = _run_start(ctx, token.i)
        end = _name_run(ctx, start)
        if not any(ctx.common_use(doc[k].text) for k in range(start, end) if ctx.name_like(doc[k])):
            seen.update(range(start, end))
            yield start, end, "syntax", _score("syntax_person_slot")
            yield from _coordinated(ctx, start, end)


def _coordinated(ctx: _DocContext, start: int, end: int):
    """'X and <name>' / '<name> and X': X is a person too when it is a name-like, non-English word."""
    doc = ctx.doc
    countries = ctx.lex.countries
    if (
        start >= 2
        and doc[start - 1].lower_ == "and"
        and ctx.name_like(doc[start - 2])
        and not _crosses_line(doc[start - 2])
    ):
        other = _run_start(ctx, start - 2)
        if not ctx.common_use(doc[other].text) and doc[other].text not in countries:
            yield other, start - 1, "syntax", _score("syntax_coordinated")
    if end + 1 < len(doc) and doc[end].lower_ == "and" and ctx.name_like(doc[end + 1]):
        other_end = _name_run(ctx, end + 1)
        if not ctx.common_use(doc[end + 1].text) and doc[end + 1].text not in countries:
            yield end + 1, other_end, "syntax", _score("syntax_coordinated")


def _relative_pair_spans(ctx: _DocContext):
    """'Ebo and his brother', 'Hoa and her children': a name coordinated with a possessive relative."""
    doc = ctx.doc
    roles = _role_heads(ctx)
    for token in ctx.tokens[:-3]:
        if token.lower_ != "and" or token.i == 0:
            continue
        poss, rel = doc[token.i + 1], doc[token.i + 2]
        if poss.lower_ in ("his", "her", "their") and rel.lower_ in roles and ctx.name_like(doc[token.i - 1]):
            start = _run_start(ctx, token.i - 1)
            if not _crosses_line(doc[token.i - 1]) and not ctx.common_use(doc[start].text):
                yield start, token.i, "syntax", _score("syntax_possessive_relation")


# one initial or several run together, with or without stops: "K", "K.", "J.P.", "J.P"
_INITIALS_TOKEN = re.compile(r"^[A-Z](?:\.[A-Z])*\.?$")


def _initial_spans(ctx: _DocContext):
    """An initial and a surname: "J. Whitworth", "P Okafor" (not a declared code, not a common word)."""
    doc = ctx.doc
    for token in ctx.tokens:
        text = token.text
        if not _INITIALS_TOKEN.match(text) or ctx.blocked[token.i] or _crosses_line(token):
            continue
        if token.i > 0 and _INITIALS_TOKEN.match(doc[token.i - 1].text) and not _crosses_line(doc[token.i - 1]):
            continue  # "T. R. Quayle": the run starts at the first initial
        nxt = token.i + 1
        while (
            nxt < len(doc)
            and not _crosses_line(doc[nxt - 1])
            and (doc[nxt].text == "." or _INITIALS_TOKEN.match(doc[nxt].text))
        ):
            nxt += 1  # "K. Obi", "T. R. Quayle", "J.P. Tunde": every initial before the surname
        end = _name_run(ctx, nxt, max_len=2)
        if text in ("A", "I") and end > nxt and _title_phrase(ctx, nxt, end):
            continue  # the article before a capitalised word of a title: "A Day in the Life of Child Q"
        if text == "A" and end == nxt + 1 and _article_before_modifier(ctx, nxt):
            continue  # the article before a place or group as a modifier: "A Westlow baby died"
        if end > nxt and not _is_common_phrase(ctx, nxt, end):
            yield token.i, end, "initial", _score("initial")


def _article_before_modifier(ctx: _DocContext, i: int) -> bool:
    """ "A Westlow baby", "A Bramford mother of two": one capitalised word between the article "A" and a lower-case
    noun it modifies on the same line is a place or group used as an adjective; a person's initial and surname are
    never followed by the noun they qualify ("A. Okafor said", "A Okafor visited")."""
    doc = ctx.doc
    if i + 1 >= len(doc) or _crosses_line(doc[i]):
        return False
    noun = doc[i + 1]
    return noun.text.islower() and noun.pos_ == "NOUN" and doc[i].head.i == noun.i


_TITLE_LINKS = frozenset({"in", "of", "for", "at", "on", "with", "to", "the", "and", "from"})


def _title_phrase(ctx: _DocContext, start: int, end: int) -> bool:
    """A frequent English word going on as a title ("Day in the Life", "Week of Action"), not a surname."""
    doc = ctx.doc
    return (
        all(doc[i].text.lower() in ctx.lex.common for i in range(start, end))
        and end < len(doc)
        and doc[end].text in _TITLE_LINKS
        and not _crosses_line(doc[end - 1])
    )


def _unlisted_pair_spans(ctx: _DocContext):
    """Two or three capitalised words, none an English word: a name the gazetteer and the model missed
    ("Zoë Ní Bhriain", "Mrs" aside).  Organisations and places are removed by the filters."""
    doc = ctx.doc
    i = 0
    while i < len(doc):
        if not ctx.name_like(doc[i]):
            i += 1
            continue
        end = _name_run(ctx, i)
        if end - i >= 2 and not any(ctx.common_use(doc[k].text) for k in range(i, end)):
            yield i, end, "unlisted", _score("unlisted")
        i = max(end, i + 1)


def _family_plural_spans(ctx: _DocContext):
    """A family by its surname: "the Pembertons", "the Okafors'" (a plural that is no English word)."""
    doc, lex = ctx.doc, ctx.lex
    for token in ctx.tokens[1:]:
        text = token.text
        if not (text.endswith("s") and len(text) >= 5 and ctx.name_like(token)):
            continue
        if doc[token.i - 1].lower_ != "the" or _crosses_line(doc[token.i - 1]):
            continue
        stem = text[:-1]
        if lex.is_common_word(stem) or stem.lower() in ctx.lower_words or stem in lex.places or stem in lex.non_person:
            continue
        nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if lex.is_known_name(stem) or (nxt is not None and nxt.pos_ in ("VERB", "AUX")):
            yield token.i, token.i + 1, "family", _score("family")


def _alias_spans(ctx: _DocContext):
    """A name the text gives someone: "a lodger known only as 'Tee'", "her pet name, Munni", "we called
    him 'Bear'" (the cues are `alias_cues` in models/pseudonymise/name_context.yaml).  An English word
    counts only in quotes."""
    from .links import _alias_regex

    rx = _alias_regex()
    if rx is None:
        return
    doc = ctx.doc
    for m in all_matches(rx, ctx.text):
        word = m.group("alias")
        if not m.group("quote") and (ctx.common_use(word) or word.lower() in ctx.lex.common):
            continue
        span = doc.char_span(m.start("alias"), m.end("alias"), alignment_mode="expand")
        if span is None or not len(span) or word in ctx.lex.titles:
            continue
        if not any(ctx.blocked[t.i] and not (m.group("quote") and _code_shape_only(ctx, t)) for t in span):
            yield span.start, span.end, "alias", _score("alias")


def _code_shape_only(ctx: _DocContext, token: Token) -> bool:
    """Blocked only for being in capitals like a code, not declared as one: a quoted alias in capitals
    ('a number saved as "SHORTZ"') is a name; "Child E." or the key's "HV" never."""
    text = token.text
    return (
        len(text) >= 4
        and bool(CODE_RE.match(text))
        and text not in ctx.codes
        and token.ent_type_ != ROLE_LABEL
        and not text.isdigit()
    )


def _named_spans(ctx: _DocContext):
    """The name a naming verb gives a person: "a girl of his age called Blessing", "a man named Trust"
    (the parse's object predicate of call/name, the verb attached to a person noun or a role word).
    An ordinary word counts: the sentence says it is a name."""
    doc, lex = ctx.doc, ctx.lex
    if not doc.has_annotation("DEP"):
        return
    for token in ctx.tokens:
        if token.dep_ != "oprd" or token.head.lemma_.lower() not in lex.naming_verbs or not ctx.name_like(token):
            continue
        verb = token.head
        named = (
            verb.head if verb.dep_ in ("acl", "relcl") else next((c for c in verb.children if c.dep_ == "dobj"), None)
        )
        if named is not None and named.dep_ == "pobj" and named.head.dep_ == "prep":
            named = named.head.head  # "a girl of his age called Blessing": the parser hangs it on "age"
        if named is None or not (named.lower_ in lex.named_nouns or named.lower_ in _single_word_roles()):
            continue
        start = _run_start(ctx, token.i)
        yield start, _name_run(ctx, start), "named", _score("named")


def _note_author_spans(ctx: _DocContext):
    """Initials in the author slot of a reviewer's note or a Word comment ("[Comment — GR (Designated Nurse):
    ...]", "Comment (RPJ, 14/03): ..."; `initials.note_authors`): a person, unless they are a code the draft or
    the key declares or the initials of a person the text may name (the review's authors: "[HW: agreed]").
    Which person is decided later: a keyed person's initials take the code (`reconcile`), an unlisted full
    name's the placeholder (`group_mentions`)."""
    from .initials import initials_of, note_authors

    slots = note_authors(ctx.text)
    if not slots:
        return
    allowed = {i for name in ctx.allow for i in initials_of(name)}
    for start, end, who in slots:
        letters = who.replace(".", "")
        if who in ctx.codes or letters in ctx.codes or letters in allowed:
            continue
        span = ctx.doc.char_span(start, end, alignment_mode="expand")
        if span is None or any(t.ent_type_ == ROLE_LABEL for t in span):
            continue
        yield span.start, span.end, "note_author", _score("note_author")


_FIRST_PERSON = re.compile(r"(?<![\w'’])(?:I|me|my|we|us|our)(?![\w'’])")
_QUOTE_MARKS = re.compile(r"[\"“”]")


def _in_own_account(ctx: _DocContext, token: Token) -> bool:
    """`token` stands in a family member's own words: a quoted line ("> I went with ...") or inside
    quotation marks, on a line that speaks in the first person."""
    text = ctx.text
    line_start = text.rfind("\n", 0, token.idx) + 1
    line_end = text.find("\n", token.idx)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    if not _FIRST_PERSON.search(line):
        return False
    before = text[line_start : token.idx]
    return line.lstrip().startswith(">") or len(_QUOTE_MARKS.findall(before)) % 2 == 1


def _account_subject_spans(ctx: _DocContext):
    """The subject of any verb in a family member's own account ('"Cengiz read it to me."', "> Bernie said"):
    people speak of each other by first name, with verbs no list holds.  Only a proper noun the model does
    not tag as anything but a person, no English word, place, role, title or agency word."""
    doc = ctx.doc
    if not doc.has_annotation("DEP"):
        return
    for token in ctx.tokens:
        if token.dep_ not in ("nsubj", "nsubjpass") or token.head.pos_ not in ("VERB", "AUX"):
            continue
        if token.pos_ != "PROPN" or token.ent_type_ not in ("", "PERSON") or not ctx.name_like(token):
            continue
        word = _bare(token.text)
        if ctx.common_use(word) or ctx.blocked[token.i] or _not_a_name_word(ctx, word):
            continue
        if _in_own_account(ctx, token):
            start = _run_start(ctx, token.i)
            yield start, _name_run(ctx, start), "account_subject", _score("account_subject")


def _not_a_name_word(ctx: _DocContext, word: str) -> bool:
    """A place, country, title, role or agency word: never a person however it stands."""
    lex, low = ctx.lex, word.lower()
    return (
        word in lex.places
        or word in lex.countries
        or word in lex.titles
        or low in lex.roles
        or low in lex.non_person_lower
        or low in _month_words()
        or word in lex.peoples
        or word in lex.languages
    )


_MODIFIER_DEPS = frozenset({"det", "poss", "compound", "amod", "nummod"})


def _word_speaker_spans(ctx: _DocContext):
    """An English word capitalised mid-sentence as the bare subject of a speech verb ("when Blessing told her
    teacher", "Memory said"): a name that is also a word.  Never with an article, a possessive or a
    modifier before it ("the Trust said"), a role word, a title, an agency word, a place or a month."""
    doc, lex = ctx.doc, ctx.lex
    if not doc.has_annotation("DEP"):
        return
    for token in ctx.tokens:
        if token.dep_ != "nsubj" or token.head.lemma_.lower() not in lex.speech_verbs or token.is_sent_start:
            continue
        word = token.text
        if not (token.is_title and ctx.name_like(token) and ctx.common_use(word)) or ctx.title_case_line(token):
            continue
        if _not_a_speaker(ctx, token):
            continue
        yield token.i, token.i + 1, "word_speaker", _score("word_speaker")


def _not_a_speaker(ctx: _DocContext, token: Token) -> bool:
    """A role, title, agency word, place or month, or a word with a modifier or a capitalised word before it."""
    lex, doc = ctx.lex, ctx.doc
    word, low = token.text, token.lower_
    before = doc[token.i - 1] if token.i > 0 else None
    return (
        low in lex.roles
        or low in _single_word_roles()
        or word in lex.titles
        or low in lex.non_person_lower
        or word in lex.places
        or word in lex.countries
        or low in _month_words()
        or _plural_word(lex, word)
        or any(c.dep_ in _MODIFIER_DEPS for c in token.children)
        or token.is_stop  # "Nobody said", "They told": pronouns
        or token.pos_ in ("PRON", "DET")
        or before is None
        or before.text[:1].isupper()
        or before.lower_ in ("the", "a", "an")
        or before.is_punct
        and before.text not in (",", "(")  # a sentence start the segmenter missed ('… over." Everyone said')
        or _crosses_line(before)
    )


def _plural_word(lex: NameLexicon, word: str) -> bool:
    """ "Grandparents said", "Teachers reported": the plural of a frequent English word, itself no listed name (a
    given name is one person's: "Miles" and "Wells" are listed), speaks for a group, never as one person."""
    low = word.lower()
    if not low.endswith("s") or lex.is_known_name(word):
        return False
    stems = [low[:-1]] + ([low[:-2], low[:-3] + "y"] if low.endswith("es") else [])
    return any(stem in lex.common and not lex.is_known_name(stem.title()) for stem in stems)


MESSAGE_MIN_WORDS = 3
LOWER_NAME_MIN_CHARS = 5


def _message_name_spans(ctx: _DocContext):
    """A first name typed in lower case in a quoted text message, a line with no capital at all ("at kacpers.
    not coming back"): a listed first name, possibly with a possessive "s" and no apostrophe, that in lower
    case is no English word and no stop word."""
    lex = ctx.lex
    pos = 0
    for line in ctx.text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        words = re.findall(r"[^\W\d_]+", line)
        if len(words) < MESSAGE_MIN_WORDS or any(c.isupper() for c in line):
            continue
        span = ctx.doc.char_span(start, start + len(line), alignment_mode="expand")
        for token in span if span is not None else ():
            if _lower_first_name(lex, token):
                yield token.i, token.i + 1, "message_lower", _score("message_lower")


def _lower_first_name(lex: NameLexicon, token: Token) -> bool:
    word = token.text
    if not (token.is_alpha and token.is_lower and len(word) >= LOWER_NAME_MIN_CHARS) or token.is_stop:
        return False
    for form in (word, word[:-1] if word.endswith("s") else ""):
        if form and form not in lex.common and lex.is_first_name(form.capitalize()):
            return True
    return False


def _signoff_spans(ctx: _DocContext):
    """The writer's name after a letter's or message's closing ("Kind regards, Gráinne", "Thanks,⏎Bridie"):
    on the same line after a comma, or alone at the start of the next line (quote marks allowed)."""
    doc, lex = ctx.doc, ctx.lex
    lowers = [t.lower_ for t in ctx.tokens]
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for words in lex.signoffs:
        by_first.setdefault(words[0], []).append(words)
    for i in range(len(doc)):
        for words in by_first.get(lowers[i], ()):  # the closings that begin with this word, in the data's order
            n = len(words)
            if tuple(lowers[i : i + n]) != words or (i > 0 and not _line_start(ctx, i)):
                continue
            k = i + n
            if k < len(doc) and doc[k].text in (",", "!", "-", "–"):
                k += 1
            breaks = 0
            while k < len(doc) and (doc[k].is_space or doc[k].text in (">", "|")) and breaks <= 1:
                breaks += doc[k].text.count("\n")
                k += 1
            breaks += sum(doc[j].whitespace_.count("\n") for j in range(i + n - 1, k))
            if breaks > 1 or k >= len(doc) or not ctx.name_like(doc[k]):
                break
            end = _name_run(ctx, k)
            if end == k + 1 or not ctx.common_use(doc[k].text):
                yield k, end, "signoff", _score("signoff")
            break


def _line_start(ctx: _DocContext, i: int) -> bool:
    """doc[i] opens its line (after spaces and the quote marks of an e-mail: "> Kind regards")."""
    line_start = ctx.text.rfind("\n", 0, ctx.doc[i].idx) + 1
    return ctx.text[line_start : ctx.doc[i].idx].strip(" \t>|*-") == ""


def _middle_marker_spans(ctx: _DocContext):
    """Three capitalised words with a Vietnamese middle name between ("Le Thi Hang", "Tran Van Long"):
    one name, though a syllable is also an English word (`middle_markers`, models/names/name_shapes.yaml)."""
    doc = ctx.doc
    for token in ctx.tokens[1:-1]:
        i = token.i
        if token.text not in ctx.lex.middle_markers or _crosses_line(doc[i - 1]) or _crosses_line(token):
            continue
        first, last = doc[i - 1], doc[i + 1]
        if not (ctx.name_like(first) and ctx.name_like(last)) or doc[i - 1].text in ctx.lex.titles:
            continue
        start = _run_start(ctx, i - 1)
        yield start, max(_name_run(ctx, i + 1), i + 2), "middle_name", _score("middle_name")


def _surname_shape(ctx: _DocContext, word: str) -> bool:
    """A surname by its ending (`surname_suffixes`): "Petrauskaitė", "Shevchenko", no English word."""
    folded = fold(word).lower()
    # an ending with at least three letters before it: the ending closes what follows the first three
    return (
        len(folded) >= 3
        and folded[3:].endswith(ctx.lex.surname_suffixes)
        and not (ctx.common_use(word) or word in ctx.lex.places or word in ctx.lex.countries)
    )


def _surname_shape_spans(ctx: _DocContext):
    """A capitalised word shaped like a surname (`_surname_shape`) mid-sentence, alone or after a name word."""
    for token in ctx.tokens:
        word = _bare(token.text)
        if token.is_sent_start or not ctx.name_like(token) or ctx.title_case_line(token):
            continue
        if _surname_shape(ctx, word):
            start = _run_start(ctx, token.i)
            yield start, token.i + 1, "surname_shape", _score("surname_shape")


RULES = (
    _note_author_spans,
    _alias_spans,
    _named_spans,
    _word_speaker_spans,
    _account_subject_spans,
    _message_name_spans,
    _signoff_spans,
    _middle_marker_spans,
    _surname_shape_spans,
    _ner_spans,
    _title_spans,
    _record_field_spans,
    _capitals_name_spans,
    _initialled_name_spans,
    _role_spans,
    _gazetteer_spans,
    _initial_spans,
    _unlisted_pair_spans,
    _family_plural_spans,
    _syntax_spans,
    _relative_pair_spans,
)


# ---------------------------------------------------------------- filters
def _double_barrel_part(doc: Doc, start: int, i: int) -> bool:
    """doc[i] is the second half of a double-barrelled name in the span ("Ruskin-Hall", "Okafor-Lane"): joined by a
    bare hyphen to a capitalised word, it is a surname's part, not an organisation's or a street's head word."""
    return (
        i >= start + 2
        and doc[i - 1].text in ("-", "‐", "‑")
        and not doc[i - 1].whitespace_
        and not doc[i - 2].whitespace_
        and doc[i - 2].text[:1].isupper()
        and doc[i - 2].text.lower() not in ("st", "saint")
    )


def _is_organisation(ctx: _DocContext, start: int, end: int) -> bool:
    """An agency or document: an organisation head word inside, right after, or joined by 'of'/'for'."""
    doc = ctx.doc
    words = ctx.lex.non_person_lower
    if any(_bare(doc[i].text).lower() in words and not _double_barrel_part(doc, start, i) for i in range(start, end)):
        return True
    if start > 0 and doc[start - 1].text.rstrip(".") in ("St", "Saint"):
        return True  # "St Mary's Hospital", "St Oswald's": a saint's name is an institution or a place
    k = end
    while k < len(doc) and k < end + 4 and not _crosses_line(doc[k - 1]):
        text = doc[k].text
        if text.lower() in words:
            return True
        if not (
            doc[k].is_title
            or doc[k].is_upper
            or text in ("and", "&")
            and k > end
            and k + 1 < len(doc)
            and doc[k + 1].is_title
        ):
            break  # "Tern Training and Consultancy Ltd" (never "Kyle Brannigan and Children's Services")
        k += 1
    if start > 0 and not _crosses_line(doc[start - 1]) and doc[start - 1].lower_ in {"of", "for", "the"}:
        before = doc[start - 2] if start > 1 else None
        if before is not None and before.text in words:
            return True
    return False


def _word_first_name(ctx: _DocContext, start: int, end: int) -> bool:
    """After a role word or a title, an organisation word opens a full name ("her younger brother, Trust
    Moyo"): the words after it are names, none an English word or an organisation word."""
    doc, heads = ctx.doc, ctx.lex.non_person_lower
    if end - start < 2 or _bare(doc[start].text).lower() not in heads:
        return False
    rest = [_bare(doc[i].text) for i in range(start + 1, end)]
    if end < len(doc) and doc[end].text.lower() in heads:
        return False
    return all(w.lower() not in heads and not ctx.common_use(w) and w[:1].isupper() for w in rest)


def _word_surname(ctx: _DocContext, start: int, end: int, rule: str) -> bool:
    """After a role word or a title, a listed first name and then an organisation word is a full name whose
    surname is the word ("the nursery key worker, Chantelle Ward,", "Dr Mina Church"): the first words are
    names, none an English word, and no capitalised word or organisation word goes on after it
    ("the nurse, Rose Ward Manager" does not)."""
    doc, heads = ctx.doc, ctx.lex.non_person_lower
    if rule not in ("role", "title") or end - start < 2 or _bare(doc[end - 1].text).lower() not in heads:
        return False
    given = [_bare(doc[i].text) for i in range(start, end - 1)]
    if not ctx.lex.is_first_name(given[0]) or any(w.lower() in heads or ctx.common_use(w) for w in given):
        return False
    nxt = doc[end] if end < len(doc) else None
    return nxt is None or _crosses_line(doc[end - 1]) or not (nxt.is_title or nxt.is_upper or nxt.lower_ in heads)


def _place_elsewhere(ctx: _DocContext, text: str, start: int, end: int) -> bool:
    """The model reads `text` a place at another mention than this one: its reading of this very mention
    ("Paige and Jordan were seen") is no evidence that a first name which is also a country is the country."""
    return any(i < start or i >= end for i in ctx.place_at.get(text, ()))


def _is_place(ctx: _DocContext, start: int, end: int, trust_entities: bool = True) -> bool:
    """A listed town or authority; or (unless a title/role cue says person) a place entity with no listed name."""
    text = " ".join(_bare(t.text) for t in ctx.doc[start:end])
    if text in ctx.lex.places:
        return True
    if text in ctx.lex.countries and (
        not ctx.lex.is_first_name(text)
        or _after_place_word(ctx, start)
        or (trust_entities and _place_elsewhere(ctx, text, start, end))
    ):
        return True  # "visited Poland"; "Jordan" only after "from", "in", ... or where the review reads it a place
    return (
        trust_entities
        and all(ctx.place[i] for i in range(start, end))
        and not any(ctx.lex.is_known_name(_bare(ctx.doc[i].text)) for i in range(start, end))
    )


PLACE_WORDS = frozenset(
    {"in", "from", "to", "of", "into", "across", "around", "through", "visited", "visit", "visiting", "left"}
)


@lru_cache(maxsize=1)
def _place_prefixes() -> frozenset[str]:
    """Words that begin a place's name ("Fort William", "St Helens", "Port Talbot"; name_context.yaml's
    place_prefixes), without those that are also names ("Ben", "Glen", "King")."""
    from .derived import settings

    lex = lexicon()
    return frozenset(w for w in settings().get("place_prefixes", ()) if not lex.is_known_name(w))


def _shop_or_place_name(ctx: _DocContext, start: int, end: int) -> bool:
    """ "a McDonald's" (a possessive after "a": a shop), "Fort William", "St Helens" (a place's first word
    before it)."""
    doc = ctx.doc
    if start == 0:
        return False
    before = doc[start - 1]
    if before.text in _place_prefixes() and not _crosses_line(before):
        return True
    last = doc[end - 1].text
    possessive = last.endswith(("'s", "’s")) or (end < len(doc) and doc[end].text in ("'s", "’s"))
    return possessive and before.lower_ in ("a", "an")


def _in_a_place(ctx: _DocContext, start: int, end: int) -> bool:
    """ "a family in Easton", "a centre in Barton Hill": a word only the name list or its shape calls a name,
    right after "in" and read by the model as no person, is where something is; "in Amara's room" is not."""
    doc = ctx.doc
    if start == 0 or doc[start - 1].lower_ != "in" or _crosses_line(doc[start - 1]):
        return False
    if end < len(doc) and doc[end].text in _POSSESSIVES or doc[end - 1].text.endswith(("'s", "’s")):
        return False
    return not any(doc[i].ent_type_ == "PERSON" for i in range(start, end))


def _after_place_word(ctx: _DocContext, start: int) -> bool:
    """After "from", "in", "visited" ..., or listed with a country ("Poland and India")."""
    doc, lex = ctx.doc, ctx.lex
    if start > 0 and doc[start - 1].lower_ in PLACE_WORDS:
        return True
    return (
        start > 1 and doc[start - 1].lower_ in ("and", "or", ",") and doc[start - 2].text in lex.countries | lex.places
    )


def _is_common_phrase(ctx: _DocContext, start: int, end: int, plurals: bool = True) -> bool:
    """Every word a frequent English word and none a listed name: 'Healthy Minds', 'Therapist'."""
    return all(ctx.common_use(ctx.doc[i].text, plurals) for i in range(start, end))


def _is_allowed(ctx: _DocContext, start: int, end: int) -> bool:
    """Every word is one of a person the text may name ("Ellis Fairweather-Hume"), an initial of theirs
    included ("E. Fairweather-Hume")."""
    if not ctx.allow_tokens:
        return False
    letters = ctx.allow_letters
    named = False
    for i in range(start, end):
        text = ctx.doc[i].text
        if text in ("-", "‐", "."):
            continue
        if _bare(text).lower() in ctx.allow_tokens:
            named = True
        elif not (_INITIALS_TOKEN.match(text) and all(c.lower() in letters for c in text if c.isalpha())):
            return False
    return named


def _kept_initial(ctx: _DocContext, start: int, i: int) -> bool:
    """doc[i] is an initial of the name that opens at `start`: "K", "J.P.", a stop between; "A" and "I" only after
    a title ("Mrs A Bello"), since elsewhere they are the article and the pronoun."""
    text = ctx.doc[i].text
    if text == ".":
        return i > start
    if not _INITIALS_TOKEN.match(text):
        return False
    return text not in ("A", "I") or (start > 0 and ctx.doc[start - 1].text.rstrip(".") in ctx.lex.titles)


def _strip_edges(
    ctx: _DocContext, start: int, end: int, keep_end: bool = False, keep_initials: bool = False
) -> tuple[int, int]:
    """Drop titles and common words at the edges: "Later Sam Wood" -> "Sam Wood", "Mrs Hughes" -> "Hughes"
    (with `keep_initials`, the initials that open "K Obi" or "T. R. Quayle" are no common word "K")."""
    doc, lex = ctx.doc, ctx.lex

    def edge_word(i: int) -> bool:
        if doc[i].text in _particles() and i < end - 1 and i == start:
            return False  # "Mrs van Dijk": the particle is part of the name
        if keep_initials and i < end - 1 and _kept_initial(ctx, start, i):
            return False
        word = _bare(doc[i].text)
        if not any(c.isalnum() for c in word):
            return True  # a hyphen or quote the model took in: "-Trac" of "In-Trac"
        return word.rstrip(".") in lex.titles or (ctx.common_use(word) and not lex.is_known_name(word))

    while start < end - 1 and edge_word(start):
        start += 1
    while end - 1 > start and not keep_end and edge_word(end - 1):
        end -= 1
    if keep_initials and all(_INITIALS_TOKEN.match(doc[i].text) or doc[i].text == "." for i in range(start, end)):
        return start, start  # "N.B. The": initials before a common word are no name
    if doc[start].text.rstrip(".") in lex.titles and start == end - 1:
        return start, start
    return start, end


@lru_cache(maxsize=1)
def _citation_re() -> re.Pattern:
    """What follows a cited author, co-authors first (`citation_coauthor`, `citation_after` in
    models/names/name_shapes.yaml)."""
    shapes = load_yaml("names", "name_shapes.yaml")
    return re.compile(str(shapes["citation_coauthor"]) + str(shapes["citation_after"]))


def _is_citation(ctx: _DocContext, start: int, end: int) -> bool:
    """An author cited in research style: "Brandon et al.", "Ferguson (2011)", "(Munro, 2011)", and one of
    several co-authors before the year or the reference mark ("Okonjo, Faraday and Bell (2018)", "Vale and
    Holt[3]", "Obi and colleagues²")."""
    last = ctx.doc[end - 1]
    return bool(_citation_re().match(ctx.text, last.idx + len(last), last.idx + len(last) + 160))


def _is_org_word(ctx: _DocContext, start: int, end: int) -> bool:
    """Every word is one this review uses inside an organisation or place name ("Royal", "Kelby")."""
    words = [_bare(ctx.doc[i].text) for i in range(start, end) if ctx.doc[i].text not in ("-", "‐")]
    return bool(words) and all(w in ctx.org_words for w in words)


@lru_cache(maxsize=1)
def _month_words() -> frozenset[str]:
    """Month names and abbreviations of the date lexicon ("June", "Jun", "Sept")."""
    return frozenset(calendar().months)


def _is_date_word(ctx: _DocContext, start: int, end: int) -> bool:
    """A month beside a day or a year ("07 Jun 2019", "June 2018"): a date, not June or Jun the person."""
    doc = ctx.doc
    if end - start != 1 or doc[start].text.rstrip(".") not in _month_words():
        return False
    near = [doc[i] for i in (start - 1, start + 1) if 0 <= i < len(doc)]
    return any(re.fullmatch(r"\d{1,4}(?:st|nd|rd|th)?", t.text) for t in near)


def _is_demonym(ctx: _DocContext, start: int, end: int) -> bool:
    """A country's people or language as an adjective ("Sri Lankan", "Congolese"): a listed country and
    one of `demonym_suffixes` (models/names/not_people.yaml), or a listed language."""
    text = " ".join(_bare(t.text) for t in ctx.doc[start:end])
    if text in ctx.lex.languages and not ctx.lex.is_first_name(text):
        return True
    countries = ctx.lex.countries
    for suffix in ctx.lex.demonym_suffixes:
        if text.endswith(suffix) and len(text) > len(suffix) + 2:
            stem = text[: -len(suffix)]
            if stem in countries or stem + "a" in countries or stem + "o" in countries:
                return True  # "Kenyan" (Kenya), "Congolese" (Congo)
    return False


# rules whose cue says "person" whatever the model's entity tag says ("Ms Tudor" tagged a place)
PERSON_CUE_RULES = frozenset(
    {
        "title",
        "title_word",
        "kin_title",
        "role",
        "syntax",
        "signoff",
        "named",
        "middle_name",
        "word_speaker",
        "note_author",
        "record_field",
    }
)
# rules whose span is the name as found: no title or English word is stripped from its edges
WHOLE_NAME_RULES = frozenset(
    {
        "note_author",
        "kin_title",
        "title_word",
        "named",
        "middle_name",
        "word_speaker",
        "message_lower",
        "record_field",
        "capitals_name",
        "initialled_name",
    }
)


_PHRASE_LINKS = frozenset({"in", "of", "for", "on", "at"})


def _ends_title_phrase(ctx: _DocContext, start: int, end: int) -> bool:
    """A name that is also a word closing a capitalised phrase ("Forward in Faith", "Women of Hope"):
    the name of a church, a charity or a group, not a person."""
    doc = ctx.doc
    if end - start != 1 or start < 2 or not ctx.lex.is_ambiguous(_bare(doc[start].text)):
        return False
    link, head = doc[start - 1], doc[start - 2]
    return (
        link.lower_ in _PHRASE_LINKS
        and link.is_lower
        and head.is_title
        and (ctx.common_use(head.text) or ctx.lex.is_ambiguous(_bare(head.text)))  # "Ray of Hope": both words
        and not _crosses_line(head)
        and not _crosses_line(link)
    )


def _noun_follows(ctx: _DocContext, end: int) -> bool:
    """A lower-case common noun right after the span on its line: the name modifies a thing ("... food bank")."""
    doc = ctx.doc
    return (
        end < len(doc) and not _crosses_line(doc[end - 1]) and doc[end].is_lower and doc[end].pos_ in ("NOUN", "PROPN")
    )


def _opens_title_phrase(ctx: _DocContext, start: int, end: int) -> bool:
    """A name that is also a word opening a capitalised phrase ("the Ray of Hope food bank", "Bread of Life"):
    the other half of `_ends_title_phrase`, a body's name whose last word is an English word too."""
    doc = ctx.doc
    if end - start != 1 or end + 1 >= len(doc):
        return False
    head = _bare(doc[start].text)
    if not (ctx.lex.is_ambiguous(head) or ctx.common_use(head)):
        return False  # "Ray", "Sisters": a word that is no name, or a name that is a word too
    link, tail = doc[end], doc[end + 1]
    if link.lower_ not in _PHRASE_LINKS or not link.is_lower or not tail.is_title:
        return False
    if _crosses_line(doc[start]) or _crosses_line(link):
        return False
    return ctx.common_use(tail.text) or ctx.lex.is_ambiguous(_bare(tail.text))


def _keep(ctx: _DocContext, start: int, end: int, rule: str) -> bool:
    trust_entities = rule not in PERSON_CUE_RULES
    if trust_entities and kind_after_article(ctx, start):
        return False  # "a Lhasa Apso", "a grey Toyota Auris": a breed, a make, a kind of thing
    if end - start == 1 and (_family_word_talked_about(ctx, start) or _glossed_title(ctx, start)):
        return False  # 'the only place where "Hooyo" (mother) appears': the word, no person
    if rule == "record_field":
        return not _is_allowed(ctx, start, end)  # "PC 6120 WARD": the name field vouches for the word
    if rule in ("capitals_name", "initialled_name"):  # "A JORDAN PIKE", "Bethan Tudor-Lloyd (BTL": the shape vouches
        return not _is_allowed(ctx, start, end) and not _is_org_word(ctx, start, end)
    if _is_date_word(ctx, start, end) or _shop_or_place_name(ctx, start, end) or _is_demonym(ctx, start, end):
        return False
    if (rule == "role" or _role_apposed_after(ctx, end)) and _given_and_word_surname(ctx, start, end):
        return not _is_allowed(ctx, start, end)  # "the liaison worker, Grace Hill,": the role vouches for it
    if rule not in ("title", "title_word", "kin_title", "named") and _is_org_word(ctx, start, end):
        return False
    if _is_allowed(ctx, start, end) or (
        _is_place(ctx, start, end, trust_entities) and not _titled_place(ctx, start, rule)
    ):
        return False
    if rule in ("role", "title") and _word_first_name(ctx, start, end):
        start += 1  # "her brother, Trust Moyo": the head word is his first name; judge the rest
    if rule not in ("kin_title", "named") and _is_organisation(ctx, start, end):
        if not _word_surname(ctx, start, end, rule):
            return False
    if _is_citation(ctx, start, end):
        return False
    if _ends_title_phrase(ctx, start, end) and (rule == "gazetteer" or (rule == "ner" and _noun_follows(ctx, end))):
        return False  # the model's person too where the name goes on to a thing ("the Ray of Sunshine food bank")
    if rule in ("gazetteer", "ner", "family") and _opens_title_phrase(ctx, start, end):
        return False
    if rule in ("gazetteer", "unlisted") and _in_a_place(ctx, start, end):
        return False
    if rule == "gazetteer" and end - start == 1 and _bare(ctx.doc[start].text) in ctx.thing_words:
        return False
    # right after a role or family noun ("his son Costas") one person follows: a word shaped like the plural of
    # a common word ("costa") is a name there, not a group
    if rule in ("ner", "gazetteer", "role") and _is_common_phrase(ctx, start, end, plurals=rule != "role"):
        return False
    if rule == "ner" and end - start == 1 and _starts_sentence(ctx.doc[start]) and ctx.common_use(ctx.doc[start].text):
        return False
    return True


_ARTICLES = frozenset({"a", "an"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})


def kind_after_article(ctx: _DocContext, start: int) -> bool:
    """The capitalised words open with an indefinite article, perhaps after an adjective or two ("a Lhasa
    Apso", "a grey Toyota Auris", "an Irish Setter"): English names a kind so (a breed, a make, a product),
    and a person only with a title ("a Mrs Hughes rang") or a role noun ("a friend Liam"), which stop the walk,
    or as the subject of a verb ("a Žaneta left a voicemail": someone called so).  Only for proposals no person
    cue made."""
    titles, tokens, roles = _personal_titles(), ctx.tokens, ctx.lex.roles
    first, after = tokens[start], _run_end(ctx, start)
    verb = tokens[after] if after < len(tokens) else None
    # a past participle after the run names or describes it ("a Lhasa Apso called Momo"), not its act
    describes = verb is not None and (verb.tag_ == "VBN" or verb.dep_ == "acl")
    acting = verb is not None and not describes and verb.lemma_.casefold() in ctx.lex.subject_verbs
    if acting or first.dep_ in _SUBJECTS or (first.dep_ == "compound" and first.head.dep_ in _SUBJECTS):
        return False  # "a Žaneta left a voicemail": someone called so, acting
    k, adjectives = start - 1, 0
    while k >= 0 and "\n" not in tokens[k].whitespace_:
        t = tokens[k]
        if t.lower_ in _ARTICLES and (t.is_lower or adjectives):
            return True  # a capital "A" only before a lower-case word: "A grey Toyota", not "A Smith" (an initial)
        if t.text.rstrip(".") in titles:
            return False
        if t.is_lower and t.pos_ in ("ADJ", "NOUN") and t.lower_ not in roles and adjectives < 2:
            adjectives += 1
        elif not (t.text[:1].isupper() and t.is_alpha and k >= start - 3):
            return False
        k -= 1
    return False


def _run_end(ctx: _DocContext, i: int) -> int:
    """The token after the capitalised words from `i` on its line."""
    tokens = ctx.tokens
    while i < len(tokens) and tokens[i].text[:1].isupper() and "\n" not in tokens[i].whitespace_:
        i += 1
    return i


def _glossed_title(ctx: _DocContext, i: int) -> bool:
    """A form of address the draft glosses with English titles ("Ato (Mr)"): alone, no person (a family word
    for an unkeyed relative, "Aachchi", may well be one: the unlisted-person pass judges it)."""
    from .kin_forms import title_glossed_words

    return ctx.doc[i].text.casefold() in title_glossed_words(ctx.text)


def _family_word_talked_about(ctx: _DocContext, i: int) -> bool:
    """A listed family word the draft talks about as a word at token `i` (kin_forms.py `word_talked_about`)."""
    from .kin_forms import word_talked_about

    token = ctx.doc[i]
    return word_talked_about(token.text, ctx.text, token.idx, token.idx + len(token.text))


def _given_and_word_surname(ctx: _DocContext, start: int, end: int) -> bool:
    """ "the family liaison worker, Grace Hill,", "Interpreter: Edit Varga": right after a role, a listed first
    name and one more capitalised word, or a capitalised word and a surname that is no English word, are a
    full name although the words are also English words or words this draft uses in a body's name ("Grace",
    "Hill" of "the Grace Hill Trust", "Edit"): the role says a person follows, and a given name before a
    surname is how a person is written."""
    doc = ctx.doc
    if end - start != 2:
        return False
    first, last = _bare(doc[start].text), _bare(doc[end - 1].text)
    if not ctx.lex.is_first_name(first) and (ctx.common_use(last) or not _surname_like(ctx, last)):
        return False  # "Edit Varga": a word, then a surname that is none, is a full name too
    if first.rstrip(".") in ctx.lex.titles or _kin_honorific(first) or _after_naming_word(doc, start):
        return False  # "Uncle Ward"; 'called "Papa Dieu"': a family word's or a declared name, for their rules
    if end < len(doc) and not _crosses_line(doc[end - 1]) and (doc[end].is_title or doc[end].is_upper):
        return False  # "the charity worker, Grace Hill Trust's ...": the words go on into a name of a body
    return all(doc[i].is_title and not _crosses_line(doc[i]) for i in range(start, end))


_APPOSITION_OPENERS = frozenset({"her", "his", "their", "the", "my", "our", "your"})


_NAMING_WORDS = frozenset({"called", "named", "nicknamed", "as", "aka"})


def _after_naming_word(doc: Doc, start: int) -> bool:
    """The span follows a naming word ('called "Papa Dieu"', "known as Big Ward"), quotes allowed."""
    i = start - 1
    while i >= 0 and doc[i].text in _OPEN_QUOTES:
        i -= 1
    return i >= 0 and doc[i].lower_ in _NAMING_WORDS


def _role_apposed_after(ctx: _DocContext, end: int) -> bool:
    """ "Martin Ward, her brother", "Grace Hill, the nursery manager": the words after the name and a comma
    say who the person is (a possessive or "the", then a role or family word of the lexicon)."""
    doc = ctx.doc
    if end + 2 >= len(doc) or doc[end].text != "," or doc[end + 1].lower_ not in _APPOSITION_OPENERS:
        return False
    lowers = [doc[i].lower_ for i in range(end + 2, min(len(doc), end + 6))]
    return any(tuple(lowers[: len(role)]) == role for role in ctx.lex.roles.get(lowers[0], ()))


def _titled_place(ctx: _DocContext, start: int, rule: str) -> bool:
    """A town's name right after a strong title is a surname ("Mr Preston", "PCSO Tamworth", "Dr Chester"):
    no place takes "Mr" or a police rank.  Weak titles ("Lady Margaret", "Lord Street") and "St" do not count."""
    if rule != "title" or start < 1:
        return False
    i = start - 1 if ctx.doc[start - 1].text != "." else start - 2
    if i > 0 and ctx.doc[i].text.isdigit() and _collar_number(ctx, ctx.doc[i - 1], i):
        i -= 1  # "DC 4471 Halifax"
    return i >= 0 and ctx.doc[i].text.rstrip(".") in _strong_titles()


@lru_cache(maxsize=1)
def _strong_titles() -> frozenset[str]:
    """Person titles that are no ordinary word (models/lexicon/titles.yaml: not weak, not a place's "St")."""
    return title_words(weak=False)


# ---------------------------------------------------------------- public API
def find_unknown_names(doc: Doc, allow: set[str] | None = None) -> list[NameCandidate]:
    """Person-name candidates in `doc`, sorted by offset, overlapping proposals merged.

    `allow` holds people the text may name (e.g. the lead reviewer); their
    mentions, in full or in part ("Ms Doe"), are not returned.
    """
    ctx = _DocContext(doc, allow)
    proposals: dict[tuple[int, int], tuple[set[str], float]] = {}
    for rule_fn in RULES:
        for start, end, rule, confidence in rule_fn(ctx):
            if rule == "role" and _given_and_word_surname(ctx, start, end):
                pass  # "Interpreter: Edit Varga", "her tutor, Grace Young": both words, however ordinary
            elif rule not in WHOLE_NAME_RULES:  # "Uncle Trust": the cue makes the word a name, however ordinary
                first = start
                if rule in ("role", "title") and _word_first_name(ctx, start, end):
                    start += 1  # "Trust" of "her brother, Trust Moyo" is his first name, however ordinary
                start, end = _strip_edges(
                    ctx,
                    start,
                    end,
                    keep_end=_keeps_surname(ctx, start, end, rule) or _ends_in_syllable(ctx, start, end),
                    keep_initials=rule == "initial",
                )
                start = first if first < start and start == first + 1 and _word_first_name(ctx, first, end) else start
            if start >= end or not _keep(ctx, start, end, rule):
                continue
            rules, best = proposals.get((start, end), (set(), 0.0))
            rules.add(rule)
            proposals[(start, end)] = (rules, max(best, confidence))
    for start, end, rule, confidence in _misspelt_spans(ctx, proposals):
        if _keep(ctx, start, end, rule):
            proposals[(start, end)] = ({rule}, confidence)
    return _merge(doc, ctx, proposals)


def _ends_in_syllable(ctx: _DocContext, start: int, end: int) -> bool:
    """The span closes with a romanised given name's hyphened syllable ("Kang Min-ho"): the syllable, the
    hyphen and the word before it are one name word, however ordinary "Min" or "ho" is alone."""
    return end - start >= 4 and _syllable_after_hyphen(ctx, end - 2)


def _keeps_surname(ctx: _DocContext, start: int, end: int, rule: str) -> bool:
    """The last word of the span is a surname however ordinary: after a listed first name ("Tendai
    Green"), or after a first name that follows a title ("Mrs Verity Kettle")."""
    if rule == "gazetteer_surname":
        return True
    doc = ctx.doc
    if rule != "title" or end - start < 2 or not _surname_like(ctx, _bare(doc[end - 1].text)):
        return False
    first = _bare(doc[start].text)
    if end - start == 2 and (ctx.lex.is_first_name(first) or (ctx.name_like(doc[start]) and not ctx.common_use(first))):
        return True  # "Mrs Verity Kettle": a given name no list holds and no English word, then the surname
    # "Mr Dambar Bahadur Pun": given names no list has and no English word, so the gazetteers' silence about
    # the last word says nothing; its capital after them makes it the surname
    given = [_bare(doc[i].text) for i in range(start, end - 1)]
    return (
        len(given) >= 2
        and all(ctx.name_like(doc[i]) for i in range(start, end - 1))
        and not any(ctx.common_use(w) or ctx.lex.is_known_name(w) for w in given)
    )


def _misspelt_spans(ctx: _DocContext, proposals):
    """A word one slip away from a word of a name found elsewhere in the review ("Effua" beside "Efua
    Mensah", "Jaiden" beside "Jayden Price"): the same name mistyped; not an English word, same first letter."""
    from rapidfuzz.distance import OSA

    doc = ctx.doc
    covered: set[int] = set()
    words: set[str] = set()
    for start, end in proposals:
        covered.update(range(start, end))
        words.update(
            fold(doc[i].text).lower() for i in range(start, end) if len(doc[i].text) >= 4 and ctx.name_like(doc[i])
        )
    if not words:
        return
    by_letter: dict[str, list[str]] = {}
    for w in words:
        by_letter.setdefault(w[0], []).append(w)
    for token in ctx.tokens:
        if token.i in covered or len(token.text) < 4 or not ctx.name_like(token) or ctx.common_use(token.text):
            continue
        low = fold(_bare(token.text)).lower()
        if low.rstrip("s") in ctx.lex.common:
            continue  # "Marks were seen": a plural of an English word
        if any(OSA.distance(low, w) == 1 and low != w + "s" and w != low + "s" for w in by_letter.get(low[0], ())):
            yield token.i, token.i + 1, "misspelt", _score("misspelt")


_INITIAL_TOKEN = re.compile(r"[A-Z]\.")


@lru_cache(maxsize=1)
def scores() -> dict:
    """``models/names/scores.yaml``: each rule's confidence, the agreement bonus and the thresholds they meet."""
    return load_yaml("names", "scores.yaml")


def _score(rule: str) -> float:
    return float(scores()["rules"][rule])


@dataclass(frozen=True)
class _Proposal:
    """Token span [start, end) that one or more rules propose as a name, with their best confidence."""

    start: int
    end: int
    rules: frozenset[str]
    confidence: float

    def join(self, other: _Proposal) -> _Proposal:
        """Two overlapping proposals as one: the union of their tokens and rules, the higher confidence."""
        return _Proposal(
            self.start, max(self.end, other.end), self.rules | other.rules, max(self.confidence, other.confidence)
        )


def _merge(doc: Doc, ctx: _DocContext, proposals) -> list[NameCandidate]:
    """Merge overlapping token spans; agreement between rules raises confidence."""
    proposed = [_Proposal(start, end, frozenset(rules), conf) for (start, end), (rules, conf) in proposals.items()]
    out = []
    text = ctx.text
    for merged in merge_overlapping(proposed, _Proposal.join):
        start, end, rules, conf = merged.start, merged.end, set(merged.rules), merged.confidence
        if (
            end < len(doc)
            and _INITIAL_TOKEN.fullmatch(doc[end].text)
            and not _crosses_line(doc[end - 1])
            and not (end + 1 < len(doc) and ctx.name_like(doc[end + 1]))
        ):
            end += 1  # "Murdo N.": the surname's initial is part of the name ("Sam A. Jones" is one run)
        span = doc[start:end]
        if any(ctx.lex.is_known_name(_bare(t.text)) for t in span) and "gazetteer" not in rules:
            rules.add("gazetteer")
        confidence = min(scores()["ceiling"], conf + scores()["agreement_bonus"] * (len(rules) - 1))
        text_end = span.end_char
        last = span[-1].text
        if last.endswith(("'s", "’s")):
            text_end -= 2
        out.append(
            NameCandidate(
                span.start_char,
                text_end,
                text[span.start_char : text_end],
                "+".join(sorted(rules)),
                round(confidence, 2),
            )
        )
    return out


@lru_cache(maxsize=1)
def _lower_particles() -> frozenset[str]:
    return frozenset(fold(p).lower() for p in _particles())


def name_words(text: str) -> list[str]:
    """The name words of a mention, without titles or possessives ("Ms Wood's" -> ["Wood"])."""
    titles = lexicon().titles
    words = [_bare(w.strip(".,()")) for w in text.split()]
    kept = [w for w in words if w and w not in titles]
    if not kept and words and words[-1]:
        return words[-1:]  # "(Mrs) Constable": a rank used as the surname is the name
    return kept


class _Mention(Protocol):
    """What grouping reads of a mention: a `NameCandidate`, or pseudonymise's `Replacement` of one."""

    @property
    def start(self) -> int: ...

    @property
    def text(self) -> str: ...


M = TypeVar("M", bound=_Mention)


_DOTTED_LETTERS = re.compile(r"^[^\W\d_](?:\.[^\W\d_])+$")


def group_mentions(
    candidates: list[M], address: frozenset[str] = frozenset(), text: str | None = None
) -> list[list[M]]:
    """Cluster mentions of one person: "Sam Wood", later "Sam" and "Ms Wood".

    Multi-word mentions define people (same words = same person, in either order: "Tóth László" is
    László Tóth written family name first); a one-word mention joins the person whose first or last word
    it is, preferring the most recently mentioned one when two share it, or the person whose full name the
    draft gives it (`text`: 'Andreas Christou ("Andri")', 'Darren Pike, known as "Dinks"'); otherwise it
    is a person of its own.  Groups come back in order of first mention.  Words of `address` (forms of
    address the draft taught, "Hanım") are no name words.
    """
    groups: list[list[M]] = []
    full_index: dict[tuple[str, ...], int] = {}
    all_words: dict[int, set[str]] = {}  # every word of a group's full names ("Mamun" of "Abdul Mamun Miah")

    def key_words(cand: M) -> tuple[str, ...]:
        words = tuple(fold(w).lower() for w in name_words(_given_first(cand.text)))  # "Jankauskienė" folded
        words = tuple(w.rsplit("-", 1)[0] if w.rsplit("-", 1)[-1] in address else w for w in words)  # "Mina-di"
        words = tuple(w for w in words if w not in address) or words
        # "C.J. Whitfield": initials run together are one letter each, as in "C. J. Whitfield"
        words = tuple(part for w in words for part in (w.split(".") if _DOTTED_LETTERS.match(w) else (w,)))
        initial = _INITIAL_FIRST.match(cand.text) is not None  # "O. Mac Giolla Bhríde": an initial, no "Ó"
        while len(words) > 1 and words[0] in _lower_particles() and not (initial and len(words[0]) == 1):
            words = words[1:]  # "Ms Ní Fhloinn", "Mrs van der Linde": the surname alone
        return words

    # full names first, then partial ones: "Murdo N." joins "Murdo Nicolson", "D. Pratt" joins "Dean
    # Pratt", "Ms Dela Cruz" joins "Marisol Dela Cruz"
    for cand in sorted(candidates, key=lambda c: (_partial(key_words(c), c.text), c.start)):
        words = key_words(cand)
        if len(words) >= 2 and _partial(words, cand.text):
            same = [gi for (first, last), gi in full_index.items() if _fits_full(words, first, last, all_words[gi])]
            if same:  # of two "W. Okafor"s, the one named last before this mention
                groups[max(same, key=lambda gi: _last_named_before(groups[gi], cand.start))].append(cand)
                continue
        if len(words) >= 2:
            key: tuple[str, ...] = (words[0], words[-1])
            key = next((k for k in full_index if k[0] == key[0] and _particle_variant(k[1], key[1])), key)
            if key not in full_index and len(words) == 2 and key[::-1] in full_index:
                key = key[::-1]  # "Tóth László", "TOTH Laszlo": the same two words, family name first
            key = key if key in full_index else _longer_or_shorter(words, full_index, all_words, key)
            if key not in full_index:
                full_index[key] = len(groups)
                groups.append([])
            groups[full_index[key]].append(cand)
            all_words.setdefault(full_index[key], set()).update(words)
    singles: dict[str, int] = {}
    declared = _declared_names(text, groups) if text is not None else {}
    single_aliases = _declared_single_names(text, candidates, key_words) if text is not None else {}
    placed: dict[str, int] = {}  # the group each one-word name joined
    for cand in sorted(candidates, key=lambda c: c.start):
        words = key_words(cand)
        if len(words) >= 2 or not words:
            continue
        word = words[0]
        if word in declared:  # 'Andreas Christou ("Andri")': the name the draft gave him, wherever it stands
            groups[declared[word]].append(cand)
            continue
        if single_aliases.get(word) in placed:  # 'Hallgrímur ("Halli")': the one-word name it was given to
            groups[placed[single_aliases[word]]].append(cand)
            continue
        by_initials = _initials_group(cand.text, groups)  # "GR" of the one "Gillian Roe" named in full
        best, best_pos = by_initials, -1
        for (first, last), gi in full_index.items():
            if by_initials is not None:
                break
            if len(word) == 1 and first[:1] != word:
                continue  # a lone initial ("friend, D., who") is the last-named person with that first letter
            # a surname, a first name, a middle name, or a short form of the first name ("Ade" of Adewale)
            if (
                word in all_words.get(gi, ())
                or (len(word) >= 3 and first.startswith(word) and len(first) > len(word))
                or _pet_name_of(word, first)
                or len(word) == 1
                or (len(word) >= 4 and any(word[0] == w[0] and _one_slip(word, w) for w in (first, last)))
            ):
                pos = _last_named_before(groups[gi], cand.start)
                if best is None or pos > best_pos:
                    best, best_pos = gi, pos
        if best is None:
            best = singles.get(word)
        if best is None:
            best = singles[word] = len(groups)
            groups.append([])
        groups[best].append(cand)
        placed.setdefault(word, best)
    for group in groups:
        group.sort(key=lambda c: c.start)
    return sorted((g for g in groups if g), key=lambda g: g[0].start)


def _declared_names(text: str, groups: list[list]) -> dict[str, int]:
    """The one-word names the draft gives people named in full ('Andreas Christou ("Andri")', 'Darren Pike,
    34, known as "Dinks"'), folded, each with its person's group; a name given to two people is neither's."""
    from .links import alias_declared_after

    found: dict[str, set[int]] = {}
    for gi, group in enumerate(groups):
        for cand in group:
            alias = alias_declared_after(text, cand.start + len(cand.text))
            if alias is not None and " " not in alias:
                found.setdefault(fold(alias).lower(), set()).add(gi)
    return {word: next(iter(gis)) for word, gis in found.items() if len(gis) == 1}


def _declared_single_names(text: str, candidates: list, key_words) -> dict[str, str]:
    """The names the draft gives people it names by one word ('Hallgrímur ("Halli")', 'Munkh-Orgil (known as
    "Mögi")'), folded, each with that word: one person, as `_declared_names` does for full names.  A name
    given to two different words is neither's."""
    from .links import alias_declared_after

    found: dict[str, set[str]] = {}
    for cand in candidates:
        words = key_words(cand)
        alias = alias_declared_after(text, cand.start + len(cand.text)) if len(words) == 1 else None
        if alias is not None and " " not in alias and fold(alias).lower() != words[0]:
            found.setdefault(fold(alias).lower(), set()).add(words[0])
    return {alias: next(iter(words)) for alias, words in found.items() if len(words) == 1}


@lru_cache(maxsize=1)
def _pet_name_endings() -> tuple[str, ...]:
    endings = load_yaml("names", "name_shapes.yaml").get("pet_name_endings") or ()
    return tuple(sorted(endings, key=len, reverse=True))


def _pet_name_of(word: str, first: str) -> bool:
    """ "bernie" of "bernadette": a stem of 3+ letters and a pet-name ending (models/names/name_shapes.yaml),
    the stem opening the longer first name."""
    for ending in _pet_name_endings():
        stem = word[: -len(ending)]
        if word.endswith(ending) and len(stem) >= 3 and len(first) > len(word) and first.startswith(stem):
            return True
    # the first syllable with its vowel drawn out, as English says a letter's name ("Lee" of Leon, "Dee" of
    # Delroy, "Tee" of Tessa)
    if len(word) == 3 and len(first) >= 4 and word[:2] == first[:2] and word[1] == word[2] and word[1] in "aeiou":
        return True
    shapes = load_yaml("names", "name_shapes.yaml")
    z = str(shapes.get("pet_name_z_ending") or "")
    if z and 3 <= len(word) <= 4 and word.endswith(z) and len(first) > len(word) and first.startswith(word[:-1]):
        return True  # "daz" of "darren"
    return len(first) >= 3 and word in ((shapes.get("letter_names") or {}).get(first[:1]) or ())  # "jay" of "jordan"


def _initials_group(text: str, groups: list[list]) -> int | None:
    """The one group of people named in full whose initials `text` is ("GR" of "Gillian Roe"), else None."""
    from .initials import INITIALS_ONLY, initials_of

    text = text.strip()
    if re.fullmatch(r"[a-z]{2,3}", text):
        text = text.upper()  # a typist's lower-case initials ("dk" of "FL/dk"): only they are proposed so
    if not INITIALS_ONLY.fullmatch(text):
        return None
    letters = text.replace(".", "")
    fits = [gi for gi, group in enumerate(groups) if any(letters in initials_of(c.text) for c in group)]
    return fits[0] if len(fits) == 1 else None


_INITIAL_FIRST = re.compile(r"(?:[^\W\d_]+\.?[ \t]+)?[^\W\d_]\.")  # "O. Mac…", "Mr O. Mac…"


def _last_named_before(group: list, start: int) -> int:
    """Where `group`'s person was last named before `start`; one named only after it comes second."""
    return max((c.start for c in group if c.start <= start), default=-1 - min(c.start for c in group))


_RECORD_NAME = re.compile(r"^([^\W\d_][^,]*?),[ \t]*(\S.*)$", re.DOTALL)


def _given_first(text: str) -> str:
    """ "Mohamed Jama FARAH" of a record's "FARAH, Mohamed Jama": the surname (in capitals) after the given
    names, as prose writes the name, so that both forms are one person."""
    m = _RECORD_NAME.match(text)
    if m is None or not all(c.isupper() for c in m.group(1) if c.isalpha()):
        return text
    return f"{m.group(2)} {m.group(1)}"


def _longer_or_shorter(
    words: tuple[str, ...], full_index: dict, all_words: dict[int, set[str]], key: tuple[str, ...]
) -> tuple[str, ...]:
    """The key of a person already named with the same first word whose full name holds every word of this
    one, or whose every word this one holds: "Gloria Mejia" and "Gloria Mejia Ortiz" (a second surname), or
    "Mohamed Farah" and "Mohamed Jama Farah" (a middle or father's name), are one person; so are a short form
    of the first name and the same surname ("Jo Pettifer", "Joanne Pettifer").  Never across a generation
    word ("Dwayne Grant" / "Dwayne Grant Jnr" are father and son)."""
    generations = _generation_words()
    if any(w in generations for w in words):
        return key
    for k, gi in full_index.items():
        other = all_words.get(gi, set())
        if any(w in generations for w in other):
            continue
        if k[0] != words[0]:
            if k[1] == words[-1] and len(words) == 2 and _short_of(words[0], k[0]):
                return k  # "Jo Pettifer" of Joanne Pettifer, "Bernie Colley" of Bernadette Colley
            continue
        if set(words) <= other or (other <= set(words) and len(other) >= 2):
            return k
    return key


def _short_of(a: str, b: str) -> bool:
    """One first name is a short or pet form of the other: its first two letters or more open it ("Jo" of
    Joanne), or it is a pet form of it (`_pet_name_of`)."""
    short, full = sorted((a, b), key=len)
    return len(short) >= 2 and len(full) > len(short) and (full.startswith(short) or _pet_name_of(short, full))


@lru_cache(maxsize=1)
def _generation_words() -> frozenset[str]:
    return frozenset(w.casefold().rstrip(".") for w in read_lines("names", "generation_suffixes.txt"))


def _partial(words: tuple[str, ...], text: str) -> bool:
    """A name with its first or last word cut to an initial, or with a title and no given name."""
    if len(words) < 2:
        return False
    titled = bool(text.split()) and text.split()[0].rstrip(".") in lexicon().titles
    return len(words[0]) == 1 or len(words[-1]) == 1 or titled


def _fits_full(words: tuple[str, ...], first: str, last: str, full_words: set[str]) -> bool:
    """`words` (a partial name) is the full name `first` ... `last` of one grouped person."""
    if len(words[-1]) == 1:  # "Murdo N."
        return first == words[0] and last[:1] == words[-1]
    if words[-1] != last:
        return False
    if len(words[0]) == 1:  # "D. Pratt", "K. Osei-Tutu"
        return first[:1] == words[0]
    return all(w in full_words for w in words)  # "Ms Dela Cruz": the surname words of one full name


_JOINED_PARTICLES = ("nic", "mac", "mc", "ni", "o", "ui")


def _particle_variant(a: str, b: str) -> bool:
    """ "nicphearsain" and "phearsain" (of "Nic a' Phearsain"): one surname with its particle run in."""
    long, short = (a, b) if len(a) > len(b) else (b, a)
    return len(short) >= 4 and long != short and long.endswith(short) and long[: -len(short)] in _JOINED_PARTICLES


def _one_slip(a: str, b: str) -> bool:
    from rapidfuzz.distance import OSA

    return OSA.distance(a, b) == 1


# ---------------------------------------------------------------- declared pseudonyms
_NAME_GROUP = r"(?P<name>[A-Z][^\W\d_]+(?:[ -][A-Z][^\W\d_]+)?)"


@lru_cache(maxsize=1)
def _pseudonym_patterns() -> tuple[list[re.Pattern], re.Pattern]:
    data = load_yaml("names", "pseudonym_cues.yaml")
    source = "models/names/pseudonym_cues.yaml"
    fills = {"NAME": _NAME_GROUP, "NAME2": _NAME_GROUP.replace("?P<name>", "?P<name2>")}
    patterns = [re.compile(fill_template(p, fills, source)) for p in data["patterns"]]
    key_line = re.compile(fill_template(data["key_line"], fills, source), re.MULTILINE)
    return patterns, key_line


def declared_pseudonyms(text: str) -> dict[str, int]:
    """Names the review declares as pseudonyms, with the offset of the declaration.

    "Child L, referred to as 'Lily' in this review", "'Jay' (not his real name)",
    or a key line "Lily – the subject of this review".  A pseudonym is not a
    leak; its declaration is still worth a glance (is it really invented?).
    """
    patterns, key_line = _pseudonym_patterns()
    lex = lexicon()
    found: dict[str, int] = {}
    for pattern in patterns:
        for m in pattern.finditer(text):
            for group in ("name", "name2"):
                name = m.groupdict().get(group)
                if name and not lex.is_common_word(name.split()[0]) and name.split()[0] not in lex.titles:
                    found.setdefault(name, m.start(group))
    role_words = {w for words in lex.roles.values() for role in words for w in role}
    for m in key_line.finditer(text):
        name, desc = m.group("name"), m.group("desc").lower()
        offset = m.start("name")
        words = name.split()
        if len(words) == 2 and words[0].lower() in role_words:  # "Grandma Pat | Maternal grandmother"
            offset += len(words[0]) + 1
            name = words[1]
        first = name.split()[0]
        if first in lex.titles or lex.is_common_word(first) or first.lower() in role_words:
            continue  # "Mother – …", "Social Worker – …" are role labels, not names
        if any(w in role_words for w in re.findall(r"[a-z'-]+", desc)) and len(desc.split()) <= 14:
            found.setdefault(name, offset)
    return found


_DECLARES_PSEUDONYMS = re.compile(
    r"(?i)\bpseudonyms?\b|\bnot\s+(?:his|her|their|the\s+child[’']s|the\s+children[’']s)\s+real\s+names?\b|"
    r"\bnames?\s+(?:has|have)\s+been\s+changed\b|\bdesignated\s+names\b|"
    r"\bnames?\s+(?:used|given|chosen)\s+(?:in|for|throughout)\s+(?:this|the)\s+(?:review|report)\b"
)


def declares_pseudonyms(text: str) -> bool:
    """The review says it uses invented names ("Layla is a pseudonym", "not her real name")."""
    return bool(_DECLARES_PSEUDONYMS.search(text))


def title_names(text: str, title: str | None = None, lines: int = 25) -> dict[str, int]:
    """Name-like words in the review's title: the metadata title, or the short title lines of the
    cover (before the contents or the first numbered paragraph).  In a review that declares
    pseudonyms these are the invented names ("Serious Case Review: 'Amara'", "Poppy and Alfie*")."""
    lex = lexicon()
    found: dict[str, int] = {}
    candidates: list[tuple[str, int]] = []
    if title:
        pos = text.find(title)
        candidates.append((title, max(pos, 0)))
    offset = 0
    for n, line in enumerate(text.split("\n")):
        if n >= lines or re.match(r"\s*(?:contents|\d+(?:\.\d+)*\.?\s)", line, re.I):
            break
        if line.strip() and len(line.split()) <= 10 and not re.search(r"\d", line):
            candidates.append((line, offset))
        offset += len(line) + 1
    for chunk, base in candidates:
        for m in re.finditer(r"[A-Z][^\W\d_]+", chunk):
            word = m.group()
            if lex.is_common_word(word) or word in lex.titles or word.lower() in lex.non_person_lower:
                continue
            if _before_org_head(chunk, m.end()):
                continue  # "Westbridge Safeguarding Children Board": the board's name
            found.setdefault(word, base + m.start() if chunk is not title else base)
    return found


def _before_org_head(chunk: str, end: int) -> bool:
    """The capitalised words after position `end` run on to an organisation head word."""
    lex = lexicon()
    for word in re.findall(r"\S+", chunk[end:]):
        word = _bare(word.strip(",.:;'’\"“”*"))
        if word.lower() in lex.non_person_lower:
            return True
        if not word[:1].isupper():
            return False
    return False
