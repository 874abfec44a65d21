"""Whose is a cue: the child's, a parent's or a practitioner's?

"A young person's overdoses" are not parental mental health, and "Adult 2"
is a person, not adult services.  For the themes listed in
`models/themes_people.yaml` the tagger asks who owns the cue word, from the
one parse it already has:

1. the possessor of the cue's noun ("his overdoses", "the mother's depression");
2. the noun after "of" ("the mental health of the young person");
3. the subject of the verb the cue belongs to ("Child T took three overdoses",
   "she drank heavily"), climbing through objects, prepositions and clauses.

A pronoun owner goes to the nearest person named before it in the paragraph;
a role code takes the kind the report's key gives it ("EM" family -> parent);
a person label ("Adult 2", "Child T") takes the class of its role word; other
words are classed by the lists in the data.  No owner: no decision.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Token

from ..lexicon import gendered_words, reporting_lemmas
from ..report import Report
from ..resources import load_yaml

_CLIMB_DEPS = {
    "dobj",
    "attr",
    "conj",
    "compound",
    "amod",
    "appos",
    "npadvmod",
    "oprd",
    "acomp",
    "nmod",
    "pcomp",
    "xcomp",
    "ccomp",
    "advcl",
    "acl",
    "prep",
    "pobj",
    "dative",
    "advmod",
    "neg",
    "aux",
    "auxpass",
}
_SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj", "agent"}


@dataclass(frozen=True)
class PeopleRules:
    person_label: re.Pattern
    word_class: dict[str, str]
    key_kinds: dict[str, str]
    pronouns: frozenset[str]
    phrases: dict[str, str]
    agreement: dict[str, frozenset[str]]
    themes: dict[str, dict[str, str]]
    done_to: frozenset[str] = frozenset()
    # "a 17 year old", "the 15-year-old": an age phrase under this age names a child
    child_age: re.Pattern | None = None
    adult_age: int = 18
    relatives: frozenset[str] = frozenset()
    acted_on: frozenset[str] = frozenset()
    # themes about babies, and the older age that rules a paragraph out of them
    infant_themes: frozenset[str] = frozenset()
    older_age: re.Pattern | None = None
    infant_words: re.Pattern | None = None
    min_years: int = 2
    # what a cue owned by the review's own people does (None: nothing), and the verbs under which
    # what they say is a finding about the case
    review_owner: str | None = None
    review_findings: frozenset[str] = frozenset()


@lru_cache(maxsize=4)
def load_people_rules(name: str = "themes_people.yaml") -> PeopleRules:
    data = load_yaml(name)
    word_class = {w.lower(): cls for cls, words in data["classes"].items() for w in words}
    infant_themes, older_age, infant_words, min_years = _infant_rules(data.get("infant_themes"))
    return PeopleRules(
        re.compile(data["person_label"]),
        word_class,
        dict(data["key_kinds"]),
        frozenset(data["pronouns"]),
        {k.lower(): v for k, v in data["phrases"].items()},
        {
            **{k: frozenset(data[k]) for k in ("plural_pronouns", "male_pronouns", "female_pronouns")},
            # the words of each gender are the shared lexicon's (models/lexicon/kinship.yaml, titles.yaml)
            "male_words": gendered_words("male"),
            "female_words": gendered_words("female"),
        },
        {k: dict(v) for k, v in data["themes"].items()},
        frozenset(data.get("done_to", ())),
        re.compile(data["age_phrase"]["pattern"], re.I) if "age_phrase" in data else None,
        int(data.get("age_phrase", {}).get("adult_age", 18)),
        frozenset(data.get("relative_pronouns", ())),
        frozenset(data.get("acted_on", ())),
        infant_themes=infant_themes,
        older_age=older_age,
        infant_words=infant_words,
        min_years=min_years,
        review_owner=data.get("review_owner"),
        review_findings=frozenset(data.get("review_findings", ())) | reporting_lemmas(),
    )


def _infant_rules(data: dict | None) -> tuple:
    """(themes, older-age pattern, infant-word pattern, minimum years) of `infant_themes`."""
    if not data:
        return frozenset(), None, None, 2
    return (
        frozenset(data["themes"]),
        re.compile(data["older_age"], re.IGNORECASE),
        re.compile(data["infant_words"], re.IGNORECASE),
        int(data["min_years"]),
    )


class Owners:
    """Person labels and cue owners for one report and its parse."""

    def __init__(
        self, report: Report, doc: Doc, rules: PeopleRules | None = None, undeclared: Sequence[tuple[str, str]] = ()
    ):
        self.rules = rules or load_people_rules()
        self.doc = doc
        self.text = doc.text  # doc.text joins every token at each access
        self.labels = [
            (m.start(), m.end(), m.group(0).split()[0].lower()) for m in self.rules.person_label.finditer(report.text)
        ]
        self._label_starts = [s for s, _, _ in self.labels]
        self.code_class = {
            e.code.lower(): ("child" if e.subject else self.rules.key_kinds.get(e.kind)) for e in report.key
        }
        for code, description in undeclared:
            self.code_class.setdefault(code.lower(), self.description_class(description))
        self.code_class = {k: v for k, v in self.code_class.items() if v}

    def description_class(self, description: str) -> str | None:
        """Class of a key description ("Child T's mother" -> parent, "social worker" -> practitioner).

        The last person word wins, because a description names its person last
        ("Child T's mother", "mother's partner"); "subject" marks the child.
        """
        words = re.findall(r"[a-z][a-z'’-]*", description.lower())
        if "subject" in words:
            return "child"
        found = None
        for word in words:
            cls = self.rules.word_class.get(word.removesuffix("'s").removesuffix("’s"))
            if cls:
                found = cls
        return found

    # ---- person labels ("Adult 2") ---------------------------------------
    def _label_at(self, offset: int) -> tuple[int, int, str] | None:
        index = bisect.bisect_right(self._label_starts, offset) - 1
        if index >= 0 and offset < self.labels[index][1]:
            return self.labels[index]
        return None

    def in_person_label(self, start: int, end: int) -> bool:
        """Whether the characters [start, end) lie inside a person label such as "Adult 2"."""
        label = self._label_at(start)
        return label is not None and end <= label[1]

    def _label_class(self, token: Token) -> str | None:
        label = self._label_at(token.idx)
        return self.rules.word_class.get(label[2]) if label else None

    # ---- classes ----------------------------------------------------------
    def token_class(self, token: Token) -> str | None:
        """child / parent / practitioner for a person word, code or label; None otherwise."""
        label = self._label_class(token)
        if label:
            return label
        for candidate in (token, *[c for c in token.children if c.dep_ == "compound"]):
            code = self.code_class.get(candidate.text.lower())
            if code:
                return code
        code = self.code_class.get(_code_phrase(token))
        if code:
            return code
        compound = self._compound_class(token)
        if compound:
            return compound
        age = self._age_class(token)
        if age:
            return age
        return self.rules.word_class.get(token.lower_) or self.rules.word_class.get(token.lemma_.lower())

    def _age_class(self, token: Token) -> str | None:
        """Class of an age phrase ending in `token` ("a 17 year old", "the 15-year-old"): child under the adult age."""
        pattern = self.rules.child_age
        if pattern is None or token.lower_ not in ("old", "olds", "year-old", "year-olds"):
            return None
        before = self.text[max(0, token.idx - 20) : token.idx + len(token.text)]
        match = pattern.search(before)
        if not match or match.end() != len(before):
            return None
        return "child" if int(match.group("age")) < self.rules.adult_age else "parent"

    def _compound_class(self, token: Token) -> str | None:
        """Class of a two-word person phrase ending in `token` ("young person")."""
        for child in token.children:
            if child.i == token.i - 1:
                cls = self.rules.phrases.get(f"{child.lower_} {token.lower_}")
                if cls:
                    return cls
        return None

    def _resolve(self, token: Token, paragraph_start: int) -> str | None:
        """A pronoun's class: the nearest person before it in the paragraph, subjects first.

        Subjects are the most salient antecedents ("The mother had a history of
        depression after her first child. Her mental health..." is the
        mother's), so the nearest subject wins over a nearer object.
        """
        fallback = None
        for i in range(token.i - 1, -1, -1):
            previous = self.doc[i]
            if previous.idx < paragraph_start:
                break
            if previous.lower_ in self.rules.pronouns:
                continue
            cls = self.token_class(previous)
            if cls not in ("child", "parent") or not self._agrees(token, previous):
                continue
            if previous.dep_ in _SUBJECT_DEPS or previous.head.dep_ in _SUBJECT_DEPS and previous.dep_ == "compound":
                return cls
            fallback = fallback or cls
        return fallback

    def _agrees(self, pronoun: Token, noun: Token) -> bool:
        """Number and gender agreement of a pronoun with a candidate antecedent."""
        agree, word = self.rules.agreement, pronoun.lower_
        plural_noun = noun.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in noun.children)
        if (word in agree["plural_pronouns"]) != plural_noun:
            return False
        if word in agree["male_pronouns"] and noun.lower_ in agree["female_words"]:
            return False
        if word in agree["female_pronouns"] and noun.lower_ in agree["male_words"]:
            return False
        return True

    def _class_of(self, token: Token, paragraph_start: int) -> str | None:
        if token.lower_ in self.rules.pronouns:
            return self._resolve(token, paragraph_start)
        if token.lower_ in self.rules.relatives and token.head.dep_ == "relcl" and token.head.head is not token.head:
            # "a 17 year old who died by suicide", "children who are in a mental health crisis"
            return self._class_of(token.head.head, paragraph_start)
        return self.token_class(token) or self._apposition_class(token) or self._leads_the_review(token)

    def _apposition_class(self, token: Token) -> str | None:
        """A name's class from the noun set beside it ("Dariusz, a 15 year old boy, was found"; "Kim, the mother,"):
        the apposition says who the named person is."""
        for child in token.children:
            if child.dep_ == "appos":
                cls = self.token_class(child) or next(
                    (c for c in map(self.token_class, child.children) if c in ("child", "parent")), None
                )
                if cls in ("child", "parent"):
                    return cls
        return None

    def _leads_the_review(self, token: Token) -> str | None:
        """ "review" for an unclassed person who is the agent of what the review's own people
        undergo ("the panel was chaired by Dr Q, who..."): Dr Q is one of them."""
        if token.dep_ != "pobj" or token.head.dep_ != "agent":
            return None
        verb = token.head.head
        subjects = [c for c in verb.children if c.dep_ == "nsubjpass"]
        return "review" if any(self.token_class(s) == "review" for s in subjects) else None

    # ---- owner of a cue -----------------------------------------------------
    def owner(
        self, start: int, end: int, paragraph_start: int, done_to: bool = False, acted_on: bool = False
    ) -> str | None:
        """Class of whoever the cue doc[start:end] is about, or None when the parse does not say.

        `done_to`: the cue names a harm done to someone ("exploited by older
        men"), so the doer after "by" is not whose it is.  `acted_on`: the cue's
        verb acts on a pupil ("Mother withdrew Kit from school"), so its direct
        object, not its subject, is whose it is.
        """
        span = self.doc[start:end]
        # a cue that names its own person ("young person", "child's mental health"); the cue's head
        # word first: a "17-year-old single parent" is a parent, though the age names a minor
        for token in (span.root, *span):
            cls = self.token_class(token)
            if cls in ("child", "parent"):
                return cls
        head, via_conj = span.root, False
        for _ in range(6):
            for child in () if via_conj else head.children:
                if child.dep_ in ("amod", "compound") and self.rules.word_class.get(child.lower_) == "parent":
                    return "parent"
                if child.dep_ == "poss":
                    cls = self._class_of(child, paragraph_start)
                    if cls and cls not in ("practitioner", "review"):
                        return cls
                if child.dep_ in ("prep", "agent") and child.lower_ in (("of",) if done_to else ("of", "by")):
                    for obj in child.children:
                        if obj.dep_ == "pobj" and not (start <= obj.i < end):
                            cls = self._class_of(obj, paragraph_start)
                            if cls and cls not in ("practitioner", "review"):
                                return cls
            if head.pos_ in ("VERB", "AUX"):
                pupil = self._acted_on(head, paragraph_start) if acted_on else None
                if pupil:
                    return pupil
                for child in head.children:
                    if (
                        child.dep_ in _SUBJECT_DEPS
                        and not (start <= child.i < end)
                        and not (done_to and child.dep_ == "agent")
                    ):
                        cls = self._class_of(child, paragraph_start)
                        if cls == "review":
                            # "the panel found that...": the finding is the case's; "the reviewer managed
                            # a mental health service": the reviewer's own
                            return None if head.lemma_.lower() in self.rules.review_findings else cls
                        if cls and cls != "practitioner":
                            return cls
                        if cls == "practitioner":
                            return None
            if head.dep_ in _CLIMB_DEPS and head.head is not head:
                # a conjunct's possessor is its own ("Children's Services and Adult
                # Mental Health Services"): after a conj step only verbs' subjects count
                via_conj = via_conj or head.dep_ == "conj"
                head = head.head
                continue
            break
        return None

    def _acted_on(self, verb: Token, paragraph_start: int) -> str | None:
        """Class of the person a verb acts on ("Mother withdrew Kit from school"): its direct
        object when that is a classed person, or a name the key does not class (the pupil)."""
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if obj is None:
            return None
        cls = self._class_of(obj, paragraph_start)
        if cls in ("child", "parent"):
            return cls
        return "child" if obj.pos_ == "PROPN" else None

    def older_child(self, theme: str, paragraph_start: int, paragraph_end: int) -> bool:
        """Whether `theme` is about babies and the paragraph gives an older age and names no
        baby ("died from a head injury at the age of 12"): then its cues count for nothing."""
        rules = self.rules
        if theme not in rules.infant_themes or rules.older_age is None or rules.infant_words is None:
            return False
        text = self.text[paragraph_start:paragraph_end]
        ages = [int(m.group("age") or m.group("age2")) for m in rules.older_age.finditer(text)]
        return any(age >= rules.min_years for age in ages) and not rules.infant_words.search(text)

    def named_only(self, paragraph_start: int, paragraph_end: int) -> str | None:
        """The one class of the people a paragraph names, when it names only one.

        Only named people count (a person label such as "Child T", a role code,
        "the young person"), and any parent or family word rules it out, so a
        cue in "the impact of depression on the children" is not moved.
        """
        found: set[str] = set()
        for token in self.doc.char_span(paragraph_start, paragraph_end, alignment_mode="expand") or ():
            cls = self.token_class(token)
            if cls == "parent" and not self._names_a_service(token):
                return None
            if cls == "child" and (
                self._label_class(token) or token.lower_ in self.code_class or self._compound_class(token)
            ):
                found.add(cls)
        return found.pop() if len(found) == 1 else None

    def _names_a_service(self, token: Token) -> bool:
        """A person word that only qualifies a service ("adult services", "an adult sleep clinic")."""
        head = token
        while head.dep_ in ("amod", "compound") and head.head is not head:
            head = head.head
            if self.rules.word_class.get(head.lower_) == "practitioner":
                return True
        return False

    def prepare(self, mentions: list[tuple[str, int, int, int, int]]) -> None:
        """Find the owners of all cues of owner-dependent themes in a report at once.

        (theme, start, end, paragraph start, paragraph end) each.  A cue whose
        owner the parse does not give takes the class most of the same theme's
        cues in this report were found to have, when at least two were and two
        thirds agree: in a review of a young person's self-harm, "the overdose"
        is the young person's.
        """
        self._owner: dict[tuple[int, int], str | None] = {}
        tally: dict[str, Counter] = {}
        for theme, start, end, p_start, p_end in mentions:
            if theme not in self.rules.themes:
                continue
            cls = self.owner(
                start, end, p_start, theme in self.rules.done_to, theme in self.rules.acted_on
            ) or self.named_only(p_start, p_end)
            self._owner[(start, end)] = cls
            if cls in ("child", "parent"):
                tally.setdefault(self._family(theme), Counter())[cls] += 1
        self._majority = {}
        for family, counts in tally.items():
            (cls, n), total = counts.most_common(1)[0], sum(counts.values())
            if n >= 2 and n * 3 >= total * 2:
                self._majority[family] = cls

    def _review_owned(self, theme: str, start: int, end: int, paragraph_start: int) -> str | None:
        """A theme with no owner rules of its own: dropped when the cue's actor is the review's own
        people ("the panel was chaired by a reviewer who formerly managed an adult mental health
        service"), else kept."""
        if self.rules.review_owner != "drop" or not self._near_review_word(start, end):
            return theme
        return None if self.owner(start, end, paragraph_start) == "review" else theme

    def _near_review_word(self, start: int, end: int, window: int = 60) -> bool:
        """Whether a word of the review's own people lies within `window` tokens of the cue: the
        parse is climbed only then (most cues are nowhere near one, and the climb is the cost)."""
        if not hasattr(self, "_review_tokens"):
            words = {w for w, cls in self.rules.word_class.items() if cls == "review"}
            self._review_tokens = [t.i for t in self.doc if t.lower_ in words]
        i = bisect.bisect_left(self._review_tokens, start - window)
        return i < len(self._review_tokens) and self._review_tokens[i] < end + window

    def _family(self, theme: str) -> str:
        """Themes that redirect to each other share one tally (parental and children's mental health)."""
        linked = {theme, *(a for a in self.rules.themes.get(theme, {}).values() if a not in ("keep", "drop"))}
        return min(linked)

    def redirect(
        self, theme: str, start: int, end: int, paragraph_start: int, paragraph_end: int | None = None
    ) -> str | None:
        """The theme a cue of `theme` counts for, given whose it is (None: it counts for nothing)."""
        actions = self.rules.themes.get(theme)
        if not actions:
            return self._review_owned(theme, start, end, paragraph_start)
        if (start, end) in getattr(self, "_owner", {}):
            cls = self._owner[(start, end)] or self._majority.get(self._family(theme))
        else:
            cls = self.owner(start, end, paragraph_start, theme in self.rules.done_to, theme in self.rules.acted_on)
            if cls is None and paragraph_end is not None:
                cls = self.named_only(paragraph_start, paragraph_end)
        if not cls:
            return theme
        action = (self.rules.review_owner or "keep") if cls == "review" else actions.get(cls, "keep")
        if action == "keep":
            return theme
        if action == "drop":
            return None
        return action


def _code_phrase(token: Token) -> str:
    """A two-word key code the token ends or starts ("Ms T", "Mr S"), lower case: the
    token with its compounds before it, or with the word it is a compound of."""
    if token.dep_ == "compound" and token.head.i == token.i + 1:
        token = token.head
    words = [c for c in token.children if c.dep_ == "compound" and c.i < token.i] + [token]
    return " ".join(t.text for t in words).lower()
