"""A verb opening a subject-dropped sentence is no name ("Phoned GP surgery.", "Said Kerem calls him ...").

Logs, diaries and case notes drop the writer as subject: "Rang mum. Said she was at work. Chased school."
The verb then carries the sentence's capital, and where it is also a given name in the gazetteer ("Said",
"Drew", "Rang") or stands before one ("Phoned Chloe"), name rules read verb and name as one person.  The
evidence is the parse already computed for the document (one NLP pass): the word opens its sentence, line or
table cell; and it is a verb form, by the model's verb tag, or by the shape of a regular English past tense on
an English stem ("phon-ed") whatever the model reads: names are seldom inflected.  A form the English word list
lacks must also be in no name list and stand before no proper noun ("Sayed Karimi" is a man, whatever the tag):
leaving a name is worse than coding a verb with the name after it.  Used by the unlisted-name finder
(unknown.py) and verify's name slots (residue.py).
"""

from __future__ import annotations

from collections.abc import Callable
from collections.abc import Set as AbstractSet

from spacy.tokens import Token

# Penn tags of finite past, participle and gerund verbs: the forms a subject-dropped note opens with ("Phoned",
# "Agreed", "Bedwetting").  Not VB/VBP/MD ("Will", "Mark", "Sue" open a sentence as names far more often).
VERB_TAGS = frozenset({"VBD", "VBN", "VBG"})
INFLECTIONS = ("s", "es", "ed", "d", "ing")
CELL_OPENERS = frozenset({"|", "**", "*", "-", "•", "–", "—", ":"})


# English spelling rules of inflection beyond plain suffixing: a final y becomes i before -ed/-es ("photocopied",
# "carries"), a final consonant doubles before -ed/-ing ("chatted", "logging")
Y_TO_I = ("ied", "ies")
DOUBLING = ("ed", "ing")
# English verb-forming prefixes a record verb is built with ("rebooked", "countersigned", "unannounced",
# "misfiled"): the rest is then an inflected English word.  The productive verbal prefixes of English morphology
# (Quirk et al., A Comprehensive Grammar of the English Language, App. I.20-I.27)
VERB_PREFIXES = ("re", "un", "de", "dis", "mis", "pre", "co", "counter", "over", "under", "out", "up", "down", "cross")


def inflected_word(word: str, common: AbstractSet[str], dictionary: AbstractSet[str] = frozenset()) -> bool:
    """An English word with an inflection on a stem that is a word too ("hates", "shouted", "crying",
    "photocopied", "chatted"), or such a word after a verb prefix ("rebooked", "countersigned"): a verb or
    plural; names are seldom inflected.  `dictionary`: a larger word list the stem may also be in."""
    return _inflected(word, common, dictionary) or any(
        word.startswith(prefix) and len(word) - len(prefix) >= 5 and _inflected(word[len(prefix) :], common, dictionary)
        for prefix in VERB_PREFIXES
    )


def _inflected(word: str, common: AbstractSet[str], dictionary: AbstractSet[str]) -> bool:
    def known(stem: str) -> bool:
        return len(stem) >= 3 and (stem in common or stem in dictionary)

    if any(word.endswith(suffix) and known(word[: -len(suffix)]) for suffix in INFLECTIONS):
        return True
    if any(word.endswith(suffix) and known(word[: -len(suffix)] + "y") for suffix in Y_TO_I):
        return True
    for suffix in DOUBLING:
        stem = word[: -len(suffix)]
        if word.endswith(suffix) and len(stem) >= 4 and stem[-1] == stem[-2] and known(stem[:-1]):
            return True
    return False


def opens_clause(token: Token) -> bool:
    """First word of its sentence, its line or a table cell (where a capital says nothing about a name)."""
    if token.i == 0 or token.is_sent_start:
        return True
    prev = token.doc[token.i - 1]
    return "\n" in prev.whitespace_ or prev.text in CELL_OPENERS


def opening_verb(
    token: Token, common: AbstractSet[str], is_name: Callable[[str], bool], dictionary: AbstractSet[str] = frozenset()
) -> bool:
    """Is `token` a verb opening a subject-dropped clause ("Phoned", "Said", "Bedwetting")? `common` holds the
    English words (lower case), `is_name` says whether a word is a listed given name or surname; `dictionary` a
    larger word list a verb's stem may be in ("photocopy")."""
    if not token.is_title or not opens_clause(token):
        return False
    low = token.lower_
    if low not in common and (is_name(token.text) or _name_follows(token)):
        return False  # "Sayed Karimi visited": a word no English list holds, before a name, may be a given name
    if token.tag_ in VERB_TAGS and token.pos_ in ("VERB", "AUX"):
        return (
            low in common
            or token.lemma_.lower() in common
            or inflected_word(low, common, dictionary)
            or low.endswith("ing")
        )
    # the model took it for another part of speech ("Phoned GP surgery" a modifier, "Phoned Chloe" a name): the
    # past form of an English verb that no name list holds ("Sayed", "Hamed" are names)
    return low.endswith("ed") and inflected_word(low, common, dictionary) and low not in common


def _name_follows(token: Token) -> bool:
    """A capitalised proper noun right after the word on its line ("Sayed Karimi", "Phoned Chloe")."""
    doc = token.doc
    if token.i + 1 >= len(doc) or "\n" in token.whitespace_:
        return False
    nxt = doc[token.i + 1]
    return nxt.is_title and nxt.pos_ == "PROPN"
