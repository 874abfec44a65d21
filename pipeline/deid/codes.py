"""Undeclared person codes: all-caps tokens used like a person but not in the key.

Reviews replace people by codes (EM, ESW, OHV1) and declare them in a key.
A code that is not declared is either a harmless organisational abbreviation
(NNU, CBT, PLO) or a leak: real initials left in ("allow LB to 'off load'"),
or a mistyped code that a reader cannot resolve ("ESSW" for "FCSSW").

A token is *known* when the key declares it, the report expands it itself
("Neonatal Unit (NNU)", also "PAMS (Parenting Assessment Manual)"), or it is
a general abbreviation (``models/abbreviations.txt``).  An unknown token is
then judged on linguistic evidence (``models/names/code_context.yaml``):

* person use: subject of a verb, object of "allow"/"told", possessive, after
  "with"/"to" following a verb, coordinated with a declared code, or after a
  relationship word ("her friend SB");
* organisation use: modifying a noun such as service/team/meeting, after
  "attended"/"referral to", or inside a longer proper name ("Stafford SSU");
* a near-variant of a declared code (edit distance with transpositions, or a
  new number of a numbered code: "OHV3" when OHV1 and OHV2 are declared).

Person use or a variant makes a `PERSON_CODE`; a two- or three-letter token
with no evidence either way (initials?) is an `ABBREVIATION` for a human to
glance at; organisation use, and longer or numbered tokens without person
use ("CL121", "PCMIS"), are not reported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz.distance import OSA
from spacy.tokens import Doc, Token

from ..nlp import ROLE_LABEL  # the label pipeline.nlp gives declared codes
from ..resources import load_yaml, read_lines

ROMAN_RE = re.compile(r"^(?=[IVXLC])M{0,3}(C[MD]|D?C{0,3})(X[CL]|L?X{0,3})(I[XV]|V?I{0,3})$")
PAREN_AFTER_RE = re.compile(r"\(\s*(?:[A-Z][\w'’-]*\s+)?([A-Z][A-Za-z0-9&-]{1,7})\s*\)")
PAREN_BEFORE_RE = re.compile(r"\b([A-Z][A-Z0-9&-]{1,7})\s*\(\s*([A-Z][^()]{3,120})\)")
STOP = {"of", "and", "for", "the", "to", "in", "on", "with", "&", "a"}
DOTTED_RE = re.compile(r"^(?:[A-Z]\.){2,3}$")


@dataclass(frozen=True)
class CodeCandidate:
    """An undeclared all-caps token and why it looks like a person code (or not)."""

    start: int
    end: int
    text: str
    kind: str  # "PERSON_CODE" or "ABBREVIATION"
    rule: str
    confidence: float
    reason: str
    evidence: tuple[str, ...] = field(default=())
    variant_of: str | None = None


@lru_cache(maxsize=1)
def general_abbreviations() -> frozenset[str]:
    """The general UK safeguarding abbreviations of ``models/abbreviations.txt``."""
    return frozenset(line.split()[0] for line in read_lines("abbreviations.txt"))


@lru_cache(maxsize=1)
def code_context() -> dict:
    data = load_yaml("names", "code_context.yaml")
    return {
        "person_verbs": frozenset(data["person_verbs"]),
        "person_preps": frozenset(data["person_preps"]),
        "person_prep_heads": frozenset(data.get("person_prep_heads", ())),
        "org_nouns": frozenset(data["org_nouns"]),
        "org_before": tuple(tuple(p.lower().split()) for p in data["org_before"]),
        "own_code_before": tuple(data.get("own_code_before", ())),
        "real_initials_cues": tuple(data.get("real_initials_cues", ())),
        "signed_cues": frozenset(w.casefold() for w in data.get("signed_cues", ())),
    }


@lru_cache(maxsize=1)
def relationship_words() -> frozenset[str]:
    return frozenset(line.lower() for line in read_lines("names", "role_words.txt") if " " not in line)


# ---------------------------------------------------------------- declarations
def _initials_match(abbr: str, words: list[str]) -> bool:
    """True when the words (stop words optional) start with the abbreviation's first and last letters
    and cover its letters in order: "Parenting Assessment Manual" ~ PAMS, "multi-agency safeguarding hub" ~ MASSH."""
    letters = [c for c in abbr.lower() if c.isalpha()]
    content = [w for w in words if w.lower() not in STOP]
    if not letters or not content:
        return False
    initials = "".join(w[0].lower() for w in content)
    if initials[0] != letters[0]:
        return False
    it = iter("".join(w.lower() for w in content))
    return all(ch in it for ch in letters) and len(content) <= len(letters) + 2


def declared_in_text(text: str) -> set[str]:
    """Abbreviations the report expands itself, in either order and any case.

    "Neonatal Unit (NNU)", "Staffordshire Children's Services (Staffordshire CS)",
    "multi-agency safeguarding hub (MASSH)", "PAMS (Parenting Assessment Manual)".
    """
    found: set[str] = set()
    for m in PAREN_AFTER_RE.finditer(text):
        abbr = m.group(1)
        if not abbr.isupper():
            continue
        before = re.findall(r"[A-Za-z][\w'’]*", text[max(0, m.start() - 120) : m.start()])
        before = [w for part in before for w in part.split("-") if w]
        n = len(abbr) + 3
        for k in range(1, min(n, len(before)) + 1):
            if _initials_match(abbr, before[-k:]):
                found.add(abbr)
                break
    for m in PAREN_BEFORE_RE.finditer(text):
        abbr, expansion = m.group(1), m.group(2)
        words = [w for part in re.findall(r"[A-Za-z][\w'’]*", expansion) for w in part.split("-") if w]
        if words and _initials_match(abbr, words[: len(abbr) + 3]):
            found.add(abbr)
    return found


def review_own_codes(text: str) -> set[str]:
    """Codes the review gives people by writing them after "Child", "Baby", "SCR" ... ("Baby MF Summary",
    "Child BR was made subject to a plan"): its own naming, declared by use.  A line that calls the
    letters initials ("Initials of Child HD") declares nothing: real initials are a leak."""
    ctx = code_context()
    before = "|".join(
        re.escape(w).replace(r"\ ", r"\s+") for w in sorted(ctx["own_code_before"], key=len, reverse=True)
    )
    if not before:
        return set()
    cues = re.compile("|".join(re.escape(c) for c in ctx["real_initials_cues"]) or r"(?!)", re.I)
    found = set()
    for m in re.finditer(rf"\b(?:{before})[ \t]+([A-Z][A-Z0-9]{{1,6}})\b", text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        line_end = text.find("\n", m.end())
        if not cues.search(text[line_start : line_end if line_end >= 0 else len(text)]):
            found.add(m.group(1))
    return found


def known_abbreviations(report=None, text: str | None = None) -> set[str]:
    """General abbreviations plus the report's own declarations."""
    known = set(general_abbreviations())
    if report is not None:
        known.update(a.abbr for a in report.abbreviations)
        text = report.text if text is None else text
    if text:
        known.update(declared_in_text(text))
    return known


# ---------------------------------------------------------------- token tests
def _base(word: str) -> str:
    """'IROs' -> 'IRO', 'HVs' -> 'HV' (a lower-case plural s)."""
    return word[:-1] if len(word) > 2 and word.endswith("s") and word[:-1].isupper() else word


def is_code_shaped(word: str, min_len: int = 2, max_len: int = 6) -> bool:
    base = _base(word)
    return (
        min_len <= len(base) <= max_len
        and base[0].isalpha()
        and base.isupper()
        and base.replace("-", "").isalnum()
        and sum(c.isalpha() for c in base) >= 2
        and not ROMAN_RE.match(base)
    )


class _CapsLines:
    """Which lines of a text are ALL-CAPS heading lines ("KEY PRACTICE EPISODES").

    Each line is judged once, found by bisecting the line starts, so the
    check is linear in the text however long its lines are (scanning the
    whole line for each of its tokens made a 1 MB line take minutes).
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.judged: dict[int, bool] = {}

    def __call__(self, token: Token) -> bool:
        from bisect import bisect_right

        n = bisect_right(self.starts, token.idx) - 1
        if n not in self.judged:
            start = self.starts[n]
            end = self.starts[n + 1] - 1 if n + 1 < len(self.starts) else len(self.text)
            self.judged[n] = _is_caps_line(self.text[start:end])
        return self.judged[n]


def _is_caps_line(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return len(line.split()) >= 3 and sum(c.isupper() for c in letters) > 0.8 * len(letters)


def _is_declared(word: str, declared: set[str], known: set[str], org_suffixes: tuple[str, ...]) -> bool:
    base = _base(word)
    if base in declared or word in declared or base in known or word in known:
        return True
    stem = base.rstrip("0123456789")
    if stem != base and stem in known and not any(c.rstrip("0123456789") == stem for c in declared):
        return True  # "KPE10" when KPE is a known abbreviation (but "KSW2" when KSW is a code is a new person)
    # a place's initials before a board's suffix: "SSCB", "NWLSCB", "IOWSCB" (Isle of Wight), "PCFT"
    return any(base.endswith(s) and 1 <= len(base) - len(s) <= (2 if len(s) <= 2 else 4) for s in org_suffixes)


def variant_of(word: str, declared: list[str], short: int = 1, long: int = 2) -> str | None:
    """The declared code this token is a near-variant of ("ESSW" ~ "ESW", "OHV3" ~ "OHV1"), if any."""
    base = _base(word)
    stem = base.rstrip("0123456789")
    best, best_d = None, 99
    for code in declared:
        if " " in code or code == base:
            continue
        if stem != base and code.rstrip("0123456789") == stem:
            return code  # a new number of a (numbered) code: "OHV3", "KSW2"
        if len(code) < 3 or len(base) < 3:
            continue
        limit = short if max(len(code), len(base)) <= 4 else long
        d = OSA.distance(base, code)
        if d <= limit and d < best_d:
            best, best_d = code, d
    return best


# ---------------------------------------------------------------- evidence
def _person_evidence(token: Token, is_code) -> list[str]:
    ctx = code_context()
    doc = token.doc
    out = []
    nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
    prev = doc[token.i - 1] if token.i > 0 else None
    if nxt is not None and nxt.text in ("'s", "’s", "'", "’"):
        out.append("possessive")
    if token.dep_ in ("nsubj", "nsubjpass") and token.head.pos_ in ("VERB", "AUX"):
        out.append(f"subject of '{token.head.text}'")
    if token.dep_ in ("dobj", "obj", "dative", "oprd") and token.head.lemma_.lower() in ctx["person_verbs"]:
        out.append(f"object of '{token.head.text}'")
    elif not out and nxt is not None and nxt.pos_ in ("VERB", "AUX") and nxt.lemma_.lower() in ctx["person_verbs"]:
        out.append(f"before the verb '{nxt.text}'")  # the parser often misreads a code after a date
    elif not out and prev is not None and prev.pos_ == "VERB" and prev.lemma_.lower() in ctx["person_verbs"]:
        out.append(f"after the verb '{prev.text}'")
    if token.dep_ == "pobj" and token.head.lower_ in ctx["person_preps"]:
        governor = token.head.head
        if governor.pos_ == "VERB" or governor.lower_ in ctx["person_prep_heads"]:
            out.append(f"'{governor.text} {token.head.text}' someone")
    if token.dep_ == "conj" and is_code(token.head) or any(is_code(c) for c in token.children if c.dep_ == "conj"):
        out.append("listed with declared codes")
    elif prev is not None and prev.text in (",", "and", "or", "&") and token.i >= 2 and is_code(doc[token.i - 2]):
        out.append("listed with declared codes")
    if _signs_off(token, prev, nxt, ctx["signed_cues"]):
        out.append("signs off a note")
    if prev is not None and prev.lower_ in relationship_words():
        out.append(f"after '{prev.text}'")
    elif prev is not None and prev.text == "(" and token.i >= 2 and doc[token.i - 2].lower_ in relationship_words():
        out.append(f"introduced in brackets after '{doc[token.i - 2].text}'")
    return out


def _signs_off(token: Token, prev: Token | None, nxt: Token | None, cues: frozenset[str]) -> bool:
    """ "... no further concern. CF" at a line's end, or 'signed "CF"': capitals alone after a finished
    sentence, or after a signing word, are somebody's initials, whoever that is."""
    if not token.text.isalpha() or not token.is_upper or not 2 <= len(token.text) <= 3:
        return False
    before = prev
    if before is not None and before.is_quote and before.i > 0:
        before = token.doc[before.i - 1]
    if before is not None and before.lower_ in cues:
        return True
    line_end = "\n" in token.whitespace_ or nxt is None or (nxt.is_space and "\n" in nxt.text)
    return line_end and prev is not None and prev.text in (".", "!", "?")


def _org_evidence(token: Token) -> list[str]:
    ctx = code_context()
    doc = token.doc
    out = []
    for k in range(token.i + 1, min(token.i + 4, len(doc))):
        word = doc[k]
        if word.lower_ in ctx["org_nouns"]:
            out.append(f"followed by '{word.text}'")
            break
        if not (word.is_upper or word.is_title or word.pos_ in ("ADJ", "NOUN", "PROPN")) or "\n" in word.whitespace_:
            break
    if token.dep_ == "compound" and token.head.lower_ in ctx["org_nouns"] and not out:
        out.append(f"modifies '{token.head.text}'")
    lowers = [t.lower_ for t in doc[max(0, token.i - 3) : token.i]]
    for phrase in ctx["org_before"]:
        n = len(phrase)
        tail = lowers[-n:] if n <= len(lowers) else None
        if tail == list(phrase) or (
            len(lowers) > n and lowers[-n - 1 : -1] == list(phrase) and lowers[-1] in ("the", "a", "an")
        ):
            out.append(f"after '{' '.join(phrase)}'")
            break
    prev = doc[token.i - 1] if token.i > 0 else None
    if (
        prev is not None
        and prev.is_title
        and not prev.is_sent_start
        and prev.pos_ == "PROPN"
        and prev.ent_type_ not in ("DATE", "TIME", ROLE_LABEL)
        and "\n" not in prev.whitespace_
    ):
        out.append(f"part of the name '{prev.text} {token.text}'")
    return out


# ---------------------------------------------------------------- public API
def find_undeclared_codes(
    doc: Doc,
    report=None,
    settings: dict | None = None,
    declared: list[str] | None = None,
    known: set[str] | None = None,
) -> list[CodeCandidate]:
    """Undeclared all-caps tokens with person use (PERSON_CODE) or no evidence (ABBREVIATION).

    The declared codes come from `report` (default ``doc._.report``), plus
    `declared` when given (a draft checked without a structured report);
    `known` adds abbreviations the caller allows (the policy's).
    """
    extra = list(declared or ())
    allowed_abbreviations = set(known or ())
    if settings is None:
        from .policy import load_policy

        settings = load_policy().codes
    report = report if report is not None else (doc._.report if Doc.has_extension("report") else None)
    declared_codes: set[str] = set(report.codes()) if report is not None else set()
    declared_codes.update(extra)
    declared_codes.update(e.text for e in doc.ents if e.label_ == ROLE_LABEL)
    declared_codes.update(review_own_codes(doc.text))
    declared_codes.update(_role_word_dropped(declared_codes, doc.text))
    declared_list = sorted(declared_codes)
    text = doc.text
    known = known_abbreviations(report, text) | allowed_abbreviations
    org_suffixes = tuple(settings.get("org_suffixes", ()))
    min_len, max_len = int(settings.get("min_length", 2)), int(settings.get("max_length", 6))
    short, long = int(settings.get("variant_distance_short", 1)), int(settings.get("variant_distance_long", 2))
    role_tokens = {i for e in doc.ents if e.label_ == ROLE_LABEL for i in range(e.start, e.end)}

    def is_code(t: Token) -> bool:
        return t.i in role_tokens or _base(t.text) in declared_codes

    common = _common_words()
    caps_line = _CapsLines(text)
    out = []
    for token in doc:
        word = token.text
        if token.i in role_tokens:
            continue
        if DOTTED_RE.match(word):
            word = word.replace(".", "")  # "J.S." -> "JS"
        elif not is_code_shaped(word, min_len, max_len):
            continue
        if _is_declared(word, declared_codes, known, org_suffixes) or caps_line(token):
            continue
        lower = _base(word).lower()
        if len(lower) >= 4 and lower in common:
            continue  # a shouted English word in a heading or emphasis ("AIMS", "NOTE")
        out.append(_judge(token, word, declared_list, is_code, short, long, lower in common))
    return [c for c in out if c is not None]


_ROLE_WORD_CODE = re.compile(r"^(?:Child|Baby|Infant|Sibling|Adult|Young\s+Person)\s+(?P<letters>[A-Z]{2,4})$")


def _role_word_dropped(codes: set[str], text: str) -> set[str]:
    """ "Child HD" declared (in the key or as the cover's subject) declares "HD" too: a review writes the child's
    letters alone once it has introduced them ("HD was born on …").  Not where the review says they are the
    child's initials ("Initials of Child HD"): real initials are an identifier, so they stay a possible leak."""
    return {
        m["letters"]
        for c in codes
        if (m := _ROLE_WORD_CODE.match(c)) and not re.search(rf"(?i:\binitials\s+of\s+){re.escape(c)}\b", text)
    }


@lru_cache(maxsize=1)
def _common_words() -> frozenset[str]:
    from .names.unknown import lexicon

    lex = lexicon()
    return frozenset(w for w in lex.common if not lex.is_known_name(w.capitalize()))


def _judge(
    token: Token, word: str, declared: list[str], is_code, short: int, long: int, is_word: bool = False
) -> CodeCandidate | None:
    """Person code, unknown abbreviation, or nothing (organisation use; a short English word unused as a person)."""
    person = _person_evidence(token, is_code)
    org = _org_evidence(token)
    variant = variant_of(word, declared, short, long)
    start, end = token.idx, token.idx + len(token.text)
    if is_word and not person:
        return None  # "IT", "US", "OR" in capitals
    if variant and not org:
        why = f"not in the key; looks like a variant of declared code {variant}"
        if person:
            why += f"; used like a person ({', '.join(person)})"
        return CodeCandidate(
            start, end, token.text, "PERSON_CODE", "code-variant", 0.9 if person else 0.7, why, tuple(person), variant
        )
    if person and not org:
        why = f"all-caps code not in the key nor a known abbreviation, used like a person ({', '.join(person)})"
        return CodeCandidate(start, end, token.text, "PERSON_CODE", "code-person-use", 0.75, why, tuple(person))
    base = _base(word)
    if org or len(base) > 3 or not base.isalpha():
        return None  # longer or numbered unknown tokens without person use are references and abbreviations
    why = "two or three unexplained capitals (initials?) not in the key nor a known abbreviation"
    return CodeCandidate(start, end, token.text, "ABBREVIATION", "code-unknown", 0.3, why)


# ---------------------------------------------------------------- code shape
@lru_cache(maxsize=1)
def _code_words() -> frozenset[str]:
    """Words a code may be made of besides capitals and digits ("Child", "Adult", "Mother", "Young Person")."""
    roles = load_yaml("structure", "key_roles.yaml")
    words = {w for phrase in roles.get("family", []) + roles.get("subject", []) for w in str(phrase).casefold().split()}
    return frozenset(words | {"child", "baby", "adult", "young", "person", "subject", "infant", "sibling", "parent"})


def is_role_code(code: str) -> bool:
    """A declared code that is a code ("EM", "ESW", "Child E", "Adult 2", "YP2", "Mother"), not a name
    written out ("Nasima Chowdhury") that a key table put in the code's place."""
    words = code.replace("-", " ").split()
    return bool(words) and all(
        w.isupper() or w.isdigit() or len(w) <= 2 or w.casefold() in _code_words() for w in words
    )
