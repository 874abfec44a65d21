"""Who did what to whom: actors, action and object from the dependency parse.

Hand-written rules over the one spaCy parse (textacy is unmaintained, heavy,
and reverses passives): the subject or passive agent of the main verb, the
verb's lemma (with particle and negation), and its direct object or the object
of with/to.  Actors are the report's role codes (labelled ROLE by the
`role_codes` EntityRuler in pipeline/nlp.py), agencies (models/agencies.yaml
plus the report's own organisation abbreviations) and uncoded practitioner
roles ("the midwife").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span, Token

from .mentions import AgencyFinder, Mention, is_date_word, org_phrase, unique
from .predicate import action_of, main_verb, verb_lemma
from .vocabulary import FOOTNOTE_MARKS, action_data, agency_data

SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj", "csubjpass"}
OBJECT_DEPS = {"dobj", "dative", "attr", "oprd"}
OBJECT_PREPS = {"with", "to", "from", "by"}
PRONOUNS = {"she", "he", "they", "her", "him", "them"}
# Prepositions whose object is an actor only when it is a person or role
# ("spoke to CG"), not a place or organisation ("was admitted to SHH").
PERSON_ONLY_PREPS = {"to", "from"}


def _actor_of(token: Token, mentions: dict[int, Mention], possessor: bool = True) -> str | None:
    """The actor a noun phrase stands for: its head, else a modifier that names
    one; a possessor only when asked ("EM's relationship ... became difficult"
    is EM's doing; "discussed Child E's needs" is not Child E's)."""
    if token.i in mentions:
        return mentions[token.i].label
    named = org_phrase(token)
    if named:
        within = [mentions[c.i] for c in token.lefts if c.i in mentions and mentions[c.i].kind.endswith("agency")]
        return within[0].label if within else named  # "Staffordshire CS duty team" is Staffordshire CS
    for deps in (("compound", "amod", "nmod"), ("poss",) if possessor else ()):
        for child in token.children:
            if child.dep_ in deps and child.i in mentions:
                return mentions[child.i].label
    return None


def _expand(token: Token) -> list[Token]:
    """A noun phrase and those listed with it ("EM, EMGM, ESW and OHV1"; the
    parser hangs such lists on conj and appos)."""
    out, stack = [], [token]
    while stack:
        current = stack.pop()
        if current in out:
            continue
        out.append(current)
        stack.extend(c for c in current.children if c.dep_ in ("conj", "appos"))
    return sorted(out, key=lambda t: t.i)


def _phrase(token: Token, bounds: Span, limit: int = 8) -> str | None:
    """A compact text of a noun phrase: its subtree without determiners, clauses or dates."""
    skip_deps = {"relcl", "acl", "punct", "cc", "conj", "appos", "advcl", "prep"}
    words = [token]
    stack = [c for c in token.children if c.dep_ not in skip_deps]
    while stack:
        child = stack.pop()
        if child.dep_ == "det" and child.lower_ in ("a", "an", "the"):
            continue
        if not (bounds.start <= child.i < bounds.end) or is_date_word(child) or child.is_space:
            continue
        words.append(child)
        stack.extend(c for c in child.children if c.dep_ not in skip_deps)
    words.sort(key=lambda t: t.i)
    return " ".join(t.text for t in words[:limit]) or None


@dataclass(frozen=True, kw_only=True)
class Roles:
    """Who did what to whom in one sentence, as its parse tells it (before the discourse
    fills in pronouns, meetings and documents)."""

    actors: tuple[str, ...]  # subject or agent first, then the people dealt with
    action: str | None
    object: str | None
    subject_pronoun: str | None = None  # "she", "he", "they" when the main subject is one
    meeting: str | None = None  # the meeting that is the subject ("the strategy meeting")
    mentioned_meeting: str | None = None  # the first meeting the sentence names anywhere
    meeting_acts: bool = False  # ... and that meeting is the one acting ("noted", "agreed")
    decision_without_actor: bool = False  # "It was agreed that..."
    patient: str | None = None  # the passive subject counted as an actor, for want of an agent
    authored: str | None = None  # a document this sentence says was written ("assessment")
    document_acts: str | None = None  # a document that decides ("The assessment recommended...")
    acting: tuple[str, ...] = ()  # actors named as subject or agent (not acted upon)


def _lemma(token: Token) -> str:
    """Lower-case lemma without a clinging footnote mark ("review⁴" -> "review")."""
    return token.lemma_.lower().rstrip(FOOTNOTE_MARKS)


def _word(token: Token) -> str:
    return token.text.rstrip(FOOTNOTE_MARKS)


def meeting_label(token: Token, finder: AgencyFinder | None = None) -> str | None:
    """A named meeting as the report writes it ("strategy meeting", "LAC review",
    "ICPC" for "Initial Child Protection Conference (ICPC)"); None for a bare
    "the meeting"."""
    nouns = set(action_data()["meeting_nouns"])
    if _lemma(token) not in nouns and _word(token).lower() not in nouns:
        return None
    words = [token]
    stop = set(action_data()["meeting_qualifier_stop"])
    for i in range(token.i - 1, token.left_edge.i - 1, -1):
        child = token.doc[i]
        if (
            child.dep_ not in ("compound", "amod", "nmod")
            or child.pos_ == "DET"
            or child.tag_ in ("VBN", "VBD", "JJS")
            or child.lower_ in stop
        ):
            break
        words.insert(0, child)
    while len(words) > 1 and words[0].lower_ in ("a", "an", "the"):
        words = words[1:]
    if finder is not None:
        for i in range(len(words)):  # "an Initial Child Protection Conference" -> ICPC
            if " ".join(_word(t) for t in words[i:]).lower() in finder.abbreviation_of:
                return finder.abbreviation_of[" ".join(_word(t) for t in words[i:]).lower()]
        following = token.doc[token.i + 1 : token.i + 4]
        abbr = re.match(r"\s*\((\w+)\)", following.text) if len(following) else None
        if abbr and abbr.group(1).isupper():  # "a Public Law Outline (PLO) meeting" / "Conference (ICPC)"
            return abbr.group(1)
    if len(words) < 2:
        return None
    return " ".join(_word(t) if _word(t).isupper() else _word(t).lower() for t in words)


def analyse(
    sent: Span, mentions: dict[int, Mention], finder: AgencyFinder | None = None, not_objects: frozenset = frozenset()
) -> Roles:
    """Actors (subject/agent first, then the people dealt with), action and object.

    Actors are who took part: the subject or passive agent, subjects listed
    together, and the people (or, for verbs of contacting and telling, the
    organisations) the verb is addressed to.  A passive subject is an actor only
    for those verbs ("EM was informed"), not when acted upon ("EM was
    assessed"); `not_objects` (the child the review is about) is never an actor
    as the one acted upon.
    """
    verb = main_verb(sent)
    if verb is None:
        coded = unique(m.label for m in mentions.values() if m.kind == "role")
        return Roles(actors=tuple(coded), action=None, object=None)
    data = action_data()
    addressee = set(data["addressee_verbs"])
    lemma = verb_lemma(verb)
    # coordinated verbs, not "..., and that EM was afraid of him" (a second thing reported)
    verbs = [
        verb,
        *[
            c
            for c in verb.children
            if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and not any(m.dep_ == "mark" for m in c.children)
        ],
    ]
    meeting_nouns = set(data["meeting_nouns"])
    decided = False
    acted_on: set[int] = set()  # passive subjects: acted upon, not acting
    subjects: list[Token] = []
    agents: list[Token] = []
    objects: list[Token] = []
    patient: Token | None = None
    pronoun = None
    meeting, meeting_acts, expletive = None, False, False
    # a subject the parser hung outside this span (a table cell parsed with its row)
    orphans = (
        []
        if any(c.dep_ in SUBJECT_DEPS for c in verb.children)
        else [
            t for t in sent if t.i < verb.i and not (sent.start <= t.head.i < sent.end) and t.pos_ in ("NOUN", "PROPN")
        ]
    )
    for orphan in orphans:
        subjects.extend(_expand(orphan))
        if _lemma(orphan) in meeting_nouns and orphan.i not in mentions:
            meeting = meeting_label(orphan, finder)
            meeting_acts = lemma in data["meeting_verbs"]

    def named_agent(v: Token) -> bool:
        """A passive verb's "by ..." names someone ("by ESW"), not a manner ("by normal delivery")."""
        return any(
            _actor_of(p, mentions) for a in v.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"
        )

    for v in verbs:
        v_addressee = verb_lemma(v) in addressee
        for child in v.children:
            if child.dep_ in SUBJECT_DEPS:
                passive = child.dep_.endswith("pass")
                if child.lower_ in PRONOUNS and v is verb:
                    pronoun = child.lower_
                if passive and v is verb:
                    patient = child
                    expletive = child.lower_ == "it"
                child_state = (
                    v is verb and lemma == "be" or passive and verb_lemma(v) not in data["child_patient_actor_verbs"]
                )
                if child.i in mentions and mentions[child.i].label in not_objects and child_state:
                    continue  # the child acted upon or described, not acting
                if not passive or v_addressee or not named_agent(v):
                    subjects.extend(_expand(child))
                if passive and not v_addressee:
                    acted_on.update(t.i for t in _expand(child))
                if v is verb and _lemma(child) in meeting_nouns and child.i not in mentions:
                    meeting = meeting_label(child, finder)
                    meeting_acts = not passive and lemma in data["meeting_verbs"]
                    # "a conference was held, attended by EM and EMGM"
                    for acl in (c for c in child.children if c.dep_ == "acl" and verb_lemma(c) == "attend"):
                        agents.extend(
                            t
                            for a in acl.children
                            if a.dep_ == "agent"
                            for p in a.children
                            if p.dep_ == "pobj"
                            for t in _expand(p)
                        )
                elif (
                    passive
                    and v is verb
                    and lemma in data["decision_verbs"]
                    and not any(c.dep_ == "agent" for c in v.children)
                ):
                    decided = True  # "Pre-discharge arrangements were agreed": by the meeting being narrated
                if child.dep_ == "csubj":  # "Following this EM spoke to ESW" parses EM as the object of "Following"
                    subjects.extend(
                        t for c in child.children if c.dep_ == "dobj" and c.i in mentions for t in _expand(c)
                    )
            elif child.dep_ == "agent":
                agents.extend(t for p in child.children if p.dep_ == "pobj" for t in _expand(p))
            elif v is not verb and any(c.dep_ in SUBJECT_DEPS for c in v.children):
                continue  # a clause of its own: "...and that ESW was going to visit EM"
            elif child.dep_ in OBJECT_DEPS or (child.dep_ == "dative" and child.pos_ == "ADP"):
                if child.pos_ == "ADP":  # "sent an email to the team leader"
                    objects.extend(t for p in child.children if p.dep_ == "pobj" for t in _expand(p))
                    continue
                objects.extend(_expand(child))
                # "made contact with her PA", "had a telephone conversation with ESW"
                for prep in (c for c in child.children if c.dep_ == "prep" and c.lower_ in ("with", "to", "from")):
                    objects.extend(t for p in prep.children if p.dep_ == "pobj" for t in _expand(p))
            elif child.dep_ == "prep" and child.lower_ in OBJECT_PREPS:
                for pobj in (p for p in child.children if p.dep_ == "pobj"):
                    # "accompanied EM to the next meeting with her PA"
                    nested = [
                        t
                        for pr in pobj.children
                        if pr.dep_ == "prep" and pr.lower_ == "with"
                        for p in pr.children
                        if p.dep_ == "pobj"
                        for t in _expand(p)
                    ]
                    objects.extend(t for t in nested if t.i in mentions and mentions[t.i].kind == "role")
                    for token in _expand(pobj):
                        mention = mentions.get(token.i)
                        is_agency = mention is not None and mention.kind.endswith("agency")
                        if child.lower_ in PERSON_ONLY_PREPS and is_agency:
                            continue
                        objects.append(token)
            elif child.dep_ == "xcomp":
                objects.extend(t for c in child.children if c.dep_ in ("dobj", "dative") for t in _expand(c))
        if v is not verb and not any(c.dep_ in SUBJECT_DEPS for c in v.children):
            continue
    if not subjects and not agents and patient is None:  # "On 4th May MW told SW5": the subject parsed into the date
        subjects = [
            sent.doc[i]
            for i in sorted(mentions)
            if sent.start <= i < verb.i and not mentions[i].kind.endswith("agency")
        ][:1]
    # "..., which was attended by EM and EMGM": who attended took part, however the rest parsed
    for attend in (t for t in sent if verb_lemma(t) == "attend" and t.pos_ == "VERB"):
        agents.extend(
            p for a in attend.children if a.dep_ == "agent" for q in a.children if q.dep_ == "pobj" for p in _expand(q)
        )
    agents = list(dict.fromkeys(agents))
    inside = [t for t in [*subjects, *agents] if sent.start <= t.i < sent.end]
    contacts = set(data["agency_object_verbs"])
    object_actors = []
    for t in objects:
        if not (sent.start <= t.i < sent.end):
            continue
        mention = mentions.get(t.i)
        if mention is not None and mention.label in not_objects:
            continue
        organisation = (mention is not None and mention.kind.endswith("agency")) or (mention is None and org_phrase(t))
        if organisation and lemma not in contacts:
            continue  # "left the hospital", "visited the NNU": a place, not a participant
        object_actors.append(_actor_of(t, mentions, possessor=False))
    actors = unique([*(_actor_of(t, mentions, possessor=not t.dep_.endswith("pass")) for t in inside), *object_actors])
    if verb.pos_ not in ("VERB", "AUX") or verb.dep_ in ("compound", "amod", "nmod", "npadvmod", "appos"):
        # "ESW rang EF": a verb read as a name leaves no parse
        named = [m for i, m in sorted(mentions.items()) if sent.start <= i < sent.end]
        actors = unique(
            [
                *actors,
                *(
                    m.label
                    for m in named
                    if (m.kind == "role" and m.label not in not_objects)
                    or (lemma in contacts and m.kind.endswith("agency"))
                ),
            ]
        )
    if not actors and patient is None:  # a mis-parse ("On 12/07/2019 police attended"): who is named before the verb
        actors = unique(m.label for i, m in sorted(mentions.items()) if sent.start <= i < verb.i)
    obj_token = next((t for t in objects if t.dep_ in ("dobj", "pobj", "dative") and t.lemma_ != "place"), None)
    obj_token = obj_token or patient
    if obj_token is None and action_of(verb).endswith("take place"):  # "a strategy meeting took place"
        obj_token = next((t for t in subjects if t.i not in mentions), None)
    if patient is not None and obj_token is patient and _actor_of(patient, mentions):
        obj_token = next((t for t in objects if t.dep_ == "dobj"), patient)
    decision = (expletive and lemma in data["decision_verbs"] and not agents) or decided
    mentioned = next((m for m in (meeting_label(t, finder) for t in sent if _lemma(t) in meeting_nouns) if m), None)
    documents = set(data["document_nouns"])
    authored = document_acts = None
    if lemma in data["authoring_verbs"]:
        candidates = [*objects, *([patient] if patient is not None else [])]
        written = next((t for t in candidates if t.lemma_.lower() in documents), None)
        authored = written.lemma_.lower() if written is not None else None
    if lemma in data["document_decision_verbs"]:
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is not None and subject.lemma_.lower() in documents and subject.i not in mentions:
            document_acts = subject.lemma_.lower()
    if expletive and lemma in data["document_decision_verbs"] and not agents:
        decision = True
    stands_in = patient is not None and not agents and lemma not in addressee
    patient_label = _actor_of(patient, mentions) if patient is not None and stands_in else None
    acted_upon = {_actor_of(t, mentions) for t in inside if t.i in acted_on}
    acting = [a for a in actors if a not in object_actors and a not in acted_upon]
    return Roles(
        actors=tuple(actors),
        action=action_of(verb),
        object=_phrase(obj_token, sent) if obj_token is not None else None,
        subject_pronoun=pronoun,
        meeting=meeting,
        mentioned_meeting=mentioned,
        meeting_acts=meeting_acts,
        decision_without_actor=decision,
        patient=patient_label,
        authored=authored,
        document_acts=document_acts,
        acting=tuple(acting),
    )


def implied_actors(sent: Span, verb_lemma_: str | None) -> list[str]:
    """Actors a sentence implies (an order is granted by a court)."""
    found = []
    for entry in agency_data().get("implied_actors", []):
        if verb_lemma_ in entry["verbs"] and re.search(entry["cue"], sent.text):
            found.append(entry["label"])
    return found
