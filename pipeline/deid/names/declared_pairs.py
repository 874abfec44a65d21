"""Home names a draft declares for several people in one sentence, each beside the person it names.

A review that explains a family's names often does it in one sentence that pairs people with the words
used for them: 'At home Child T is "Temkaa", his mother is "Oyuka", and the children call their
grandmother "emee"', 'The children call their parents "Amala" and "Pala"' (respectively),
'the maternal grandmother, Guðrún M., is "amma Gunna" to the children', 'The mother is known to friends
as "Sigga"'.  Each quoted word is linked to the person named or described right before it:

- a keyed mention ("Child T", "Guðrún M.", with an apposition between commas) then "is" and the quote;
- a role phrase ("his mother", "the maternal grandmother", "their aunt") then "is" (or "is known ...
  as") and the quote: the keyed person whose role is that relation of the subject child;
- "call(s) <role phrase>" then the quote(s): a plural role ("their parents", "their grandparents") or
  two roles joined by "and" ("their aunt and uncle") take as many quoted words, respectively.

The relation words are English kinship words (models/names/role_cues.yaml); the plural ones and the
relatives by marriage are data (models/pseudonymise/name_context.yaml `plural_relations`,
`relatives_by_marriage`).  A keyed person named as the subject needs a sign that the quote is a name the
sentence gives (another pair in the sentence, a setting before it, "to the children" after it), so that
'Kofi is "fine"' declares nothing; the quoted words must pass the alias checks of links.py.
"""

from __future__ import annotations

import re
from functools import lru_cache

from . import role_cues

# one quoted word or name, and further ones joined by a comma, "and" or "or" ('"Amala" and "Pala"')
_QUOTED = r"[\"“](?P<{n}>[^\W\d_][^\"“”\n]{{0,28}}?)[\"”]"
_GROUP = re.compile(
    _QUOTED.format(n="first")
    + r"(?P<more>(?:(?:[ \t]*,[ \t]*(?:(?:and|or)[ \t]+)?|[ \t]+(?:and|or)[ \t]+)[\"“][^\"“”\n]{1,29}[\"”])*)"
)
_MORE = re.compile(r"[\"“]([^\"“”\n]{1,29})[\"”]")
# what may stand before the clause: the sentence's start, a clause boundary, or a setting
_BOUNDARY = re.compile(r"(?:^|[.!?;:(\n][ \t]*|,[ \t]*(?:and[ \t]+)?|[ \t]+and[ \t]+)\Z")
_SETTING = re.compile(r"(?<![\w-])(?:at[ \t]+home|in[ \t]+the[ \t]+family|within[ \t]+the[ \t]+family)(?![\w-])", re.I)
_MODIFIERS = r"(?:maternal|paternal|older|younger|elder|eldest|big|little|baby|half|step|twin)"
# a role phrase: a determiner, modifiers, one or two kinship nouns ("their aunt and uncle")
_ROLE = (
    rf"(?P<det>his|her|their|the)[ \t]+(?P<rel>(?:{_MODIFIERS}[ \t-]+)*[a-z-]+"
    rf"(?:[ \t]+(?:and|&)[ \t]+(?:(?:his|her|their)[ \t]+)?(?:{_MODIFIERS}[ \t-]+)*[a-z-]+)?)"
)
_IS = (
    r"[ \t]+(?:is|was)(?:[ \t]+(?:called|named|known(?:[ \t]+(?:to|by|in|among|within|at)(?:[ \t]+[\w'’-]+){1,8})?"
    r"[ \t]+as))?[ \t]*\Z"
)
_ROLE_IS = re.compile(rf"(?i:{_ROLE}){_IS}")
_IS_RE = re.compile(_IS)
_NAMING_VERB = re.compile(r"(?<![\w-])(?:called|named|known)(?![\w-])")
_CALLS = re.compile(
    rf"(?i:call|calls|called|calling)[ \t]+(?i:{_ROLE})(?:[ \t]+(?:in|from|at)[ \t]+[A-Z][\w'’-]*)?[ \t]*\Z"
)
# the verb left out before a second object: 'calls her grandfather "Nanabhai" and her parents "Ammi" and "Abbu"'
_AND_ROLE = re.compile(rf"[\"”](?:[ \t]*,)?[ \t]+and[ \t]+(?i:{_ROLE})[ \t]*\Z")
_CALL_VERB = re.compile(r"(?<![\w-])(?i:call|calls|called|calling)[ \t]")
_APPOSITION = re.compile(r",[ \t]+[^,\"“”\n]{1,60},\Z")
_TO_WHOM = re.compile(r"[ \t]+to[ \t]+(?:the|his|her|their)[ \t]+[a-z]+")


def declared_pairs(matcher, text: str, sure: list, ends: dict) -> dict[str, str]:
    """Quoted word -> code of every pair the draft declares (see the module's docstring)."""
    out: dict[str, str] = {}
    if '"' not in text and "“" not in text:
        return out
    hits = {ends[pos]: (pos, code) for pos, code in sure}
    for m in _GROUP.finditer(text):
        words = [m.group("first"), *_MORE.findall(m.group("more") or "")]
        sentence_start = _sentence_start(text, m.start())
        codes = _targets(matcher, text, (sentence_start, m.start(), m.end()), hits, sure)
        if not codes:
            continue
        if len(codes) == 1:
            pairs = [(w, codes[0]) for w in words]
        elif len(codes) == len(words) and " or " not in (m.group("more") or ""):
            pairs = list(zip(words, codes, strict=True))  # '"Amala" and "Pala"': respectively
        else:
            continue
        for word, code in pairs:
            for name in _names_in(matcher, text, word):
                out.setdefault(name, code)
    return out


def _sentence_start(text: str, at: int) -> int:
    """Where the sentence holding `at` starts (after a line break or a full stop and a space), at most 300
    characters back: found by searching backwards, so each quote costs a short scan."""
    lo = max(0, at - 300)
    found = [text.rfind(s, lo, at) + len(s) for s in _SENTENCE_ENDS if text.rfind(s, lo, at) >= 0]
    return max(found, default=lo)


_SENTENCE_ENDS = ("\n", ". ", "! ", "? ", '." ', ".” ", ".' ")


def _targets(matcher, text: str, where: tuple[int, int, int], hits: dict, sure: list) -> list[str]:
    """The codes the clause before a quote names, in order: one person, or several for a plural role
    (`where`: the sentence's start, the quote's start and end)."""
    start, at, end = where
    pre = text[start:at]
    call = _CALLS.search(pre)
    if call is None and _CALL_VERB.search(pre):
        call = _AND_ROLE.search(pre)
    if call is not None:
        children = _possessor_children(matcher, sure, (start, at), call.group("det"))
        parent = _parent_subject(matcher, text, (start, start + call.start()), hits)
        if parent is not None and call.group("det").casefold() in ("his", "her"):
            return _parents_relative(matcher, parent, call.group("rel"), children)
        return _relatives(matcher, call.group("rel"), children)
    role = _ROLE_IS.search(pre)
    if role and _BOUNDARY.search(pre, 0, role.start()) is not None:
        if not _NAMING_VERB.search(role.group(0)) and not _names_are_given(text, start, at, end):
            return []  # 'her mother was "devastated"': no name given
        children = _possessor_children(matcher, sure, (start, at), role.group("det"))
        found = _relatives(matcher, role.group("rel"), children)
        return found if len(found) == 1 else []
    subject = _IS_RE.search(pre)
    if subject is None:
        return []
    stop = start + subject.start()
    apposition = _APPOSITION.search(text, start, stop)
    # "Child T is", "Pema, his mother, is", "the grandmother, Guðrún M., is": the keyed mention before "is"
    places = (stop, stop - 1, apposition.start() if apposition else -1)
    code = next((hits[p][1] for p in places if p in hits), None) or _role_label_before(matcher, text, start, stop)
    if code is None or not _names_are_given(text, start, at, end):
        return []
    return [code]


# the subject right before the naming verb: a parent word ("Dad", "the father"), perhaps an adverb after it
_SUBJECT_WORD = re.compile(
    r"(?<![\w'’-])(?P<word>[A-Za-z]+)(?:[ \t]+(?:also|always|still|now|usually|often|himself|herself))?[ \t]+\Z"
)


def _parent_subject(matcher, text: str, span: tuple[int, int], hits: dict) -> str | None:
    """ "mother"/"father" when the one who calls is a parent of the children ('Dad calls his mother "Nau"',
    'Mr Tuidraki calls his mother "Nau"'): a parent word right before the verb, or a keyed parent's mention
    ending there (`hits`: end -> (start, code)); then "his mother" is the parent's relative, not the child's."""
    from .kin_forms import _parent_relation

    start, stop = span
    m = _SUBJECT_WORD.search(text, max(start, stop - 30), stop)
    if m is None:
        return None
    rel = role_cues.class_of(m.group("word").casefold())
    if rel in ("mother", "father"):
        return rel
    hit = hits.get(m.end("word"))
    return _parent_relation(matcher.key, hit[1]) if hit else None


def _parents_relative(matcher, parent: str, phrase: str, children: list[str]) -> list[str]:
    """The keyed person a parent's relative is to the children ("his mother", said of the father: the
    paternal grandmother), by the table the speaker rule uses (honorifics.yaml `speaker_relatives`); []
    when the phrase is more than one relation or the key has no such one person."""
    from ...lexicon import honorifics

    rel = role_cues.class_of(phrase.casefold().strip())
    own = honorifics()["speaker_relatives"].get(parent, {}).get(rel or "")
    if not own or len(own.get("means") or []) != 1:
        return []
    code = _relative(matcher, own["means"][0], own.get("side"), children)
    return [code] if code else []


def _role_label_before(matcher, text: str, start: int, stop: int) -> str | None:
    """ "At home Child T is": the key's own label for a person ("Child T", "Young person Y"), which the draft
    leaves in the text, names that person as a mention would."""
    before = text[start:stop].casefold()
    for person in matcher.key.people:
        label = re.sub(r"[ \t]*\([^)]*\)", "", person.role or "").strip().casefold()
        if label and before.endswith(label) and not re.search(r"\w\Z", before[: -len(label)]):
            if re.fullmatch(r"(?:child|young person|baby|sibling|adult)[ \t]+\w{1,2}", label):
                return person.code
    return None


def _names_are_given(text: str, start: int, at: int, end: int) -> bool:
    """A sign that '<person> is "X"' gives a name: a setting opening the sentence ("At home"), another
    pair in the sentence, or the people who use the name after it ("to the children")."""
    if _SETTING.search(text, start, at) or _TO_WHOM.match(text, end):
        return True
    stop = re.search(r"[.!?](?:[ \t]|\n|\Z)", text[end:])
    rest = text[end : end + (stop.start() if stop else 200)]
    return bool(_ANOTHER_PAIR.search(text[start:at]) or _ANOTHER_PAIR.search(rest))


_ANOTHER_PAIR = re.compile(r"[ \t]+(?:is|call|calls)[ \t]+(?:[\w'’-]+[ \t]+){0,3}[\"“]")


def _possessor_children(matcher, sure: list, span: tuple[int, int], det: str) -> list[str]:
    """The keyed children a role phrase is relative to: a keyed child named earlier in the sentence (the
    nearest, of the pronoun's gender), else every keyed child ("the children call their parents")."""
    children = [p for p in matcher.key.people if p.child]
    gender = {"his": "male", "her": "female"}.get(det.casefold())
    own = {p.code for p in children}
    named = [code for pos, code in sure if span[0] <= pos < span[1] and code in own]
    for code in reversed(named):
        person = matcher.people[code]
        if gender is None or person.gender in (None, gender):
            return [code]
    return [p.code for p in children]


def _relatives(matcher, phrase: str, children: list[str]) -> list[str]:
    """The keyed people a role phrase names, in order ("aunt and uncle" -> two, "parents" -> two), each
    the one keyed person of that relation to the children; [] when any is unknown or ambiguous."""
    parts = re.split(r"[ \t]+(?:and|&)[ \t]+(?:(?:his|her|their)[ \t]+)?", phrase.casefold().strip())
    relations: list[tuple[str, str | None]] = []
    for part in parts:
        words = part.replace("-", " ").split()
        side = next((w for w in words if w in ("maternal", "paternal")), None)
        noun = words[-1] if words else ""
        plural = _conf().get("plural_relations", {}).get(noun)
        if plural and len(parts) == 1:
            relations += [(rel, side) for rel in plural]
            continue
        rel = role_cues.class_of(noun) or role_cues.class_of(" ".join(words[-2:]))
        if rel is None:
            return []
        relations.append((rel, side))
    codes = [_relative(matcher, rel, side, children) for rel, side in relations]
    return [c for c in codes if c] if all(codes) and len(set(codes)) == len(codes) else []


def _relative(matcher, rel: str, side: str | None, children: list[str]) -> str | None:
    """The one keyed person of relation `rel` (on `side`) to the children: their parent by the key's roles
    for mother and father, else the one whose role says the relation (or a relative by marriage, "aunt's
    husband" for an uncle), preferring one whose role names the child."""
    from .kin_forms import parents_of

    key = matcher.key
    if rel in ("mother", "father"):
        codes = {c for child in children for c in parents_of(key).get((child, rel), [])}
    else:
        own = set(children) if len(children) == 1 else set()  # "her brother" is not she; of all: any child
        people = [p for p in key.people if p.code not in own and role_cues.fits(rel, p)]
        if not people:
            spouse = _conf().get("relatives_by_marriage", {}).get(rel)
            rx = re.compile(rf"(?<![\w-]){re.escape(spouse)}(?![\w-])") if spouse else None
            people = [p for p in key.people if rx and rx.search((p.role or "").casefold().replace("’", "'"))]
        if side:
            people = [p for p in people if side in (p.role or "").casefold()] or people
        if len(people) > 1:  # "Maternal aunt", not "Maternal aunt's husband"; then the one of this child
            people = [p for p in people if _role_ends_with(p.role, rel)] or people
        if len(people) > 1:
            people = [p for p in people if any(_role_names(p.role, matcher.people[c]) for c in children)] or people
        codes = {p.code for p in people}
    return codes.pop() if len(codes) == 1 else None


def _role_ends_with(role: str | None, rel: str) -> bool:
    words = re.sub(r"[ \t]*\([^)]*\)", "", role or "").split()
    return bool(words) and role_cues.class_of(words[-1].casefold()) == rel


def _role_names(role: str | None, child) -> bool:
    low = (role or "").casefold()
    return child.code.casefold() in low or any(n.split()[0].casefold() in low for n in child.names if n.split())


def _names_in(matcher, text: str, word: str) -> list[str]:
    """The declared names in a quoted word: the word, when the alias checks take it; the name after a family
    word before it ("amma Gunna": Gunna, the honorific staying a word), else nothing."""
    from .links import _alias_word_ok

    word = word.strip()
    if word.islower() and " " not in word and _english(matcher, word):
        return []  # 'calls her mother "stupid"': an English word in lower case is no name
    if _alias_word_ok(matcher, word, True, text):
        return [word]
    head, _, rest = word.partition(" ")
    if rest and " " not in rest and _family_word(head) and _alias_word_ok(matcher, rest, True, text):
        return [rest]
    return []


def _english(matcher, word: str) -> bool:
    from .derived import _common_words
    from .folding import fold

    low = fold(word).casefold()
    return low in _common_words() or low in matcher.lexicon


def _family_word(word: str) -> bool:
    from ...lexicon import before_name_words, honorifics

    low = word.casefold()
    return low in before_name_words() or low in honorifics()["alone"]


@lru_cache(maxsize=1)
def _conf() -> dict:
    from .derived import settings

    return {
        "plural_relations": {
            str(k).casefold(): [str(r) for r in v] for k, v in (settings().get("plural_relations") or {}).items()
        },
        "relatives_by_marriage": {
            str(k).casefold(): str(v).casefold() for k, v in (settings().get("relatives_by_marriage") or {}).items()
        },
    }
