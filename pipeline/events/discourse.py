"""What the story so far tells about a sentence: who a pronoun stands for, which
meeting or document acts, and the pronoun each role code takes.

The state a careful reader keeps across a section: the meeting last named (for
"The meeting recommended..."), who last wrote each kind of document (for "The
assessment recommended..."), and, for the whole report, the pronoun of each
role code (from the key, else from what the code is reported to have said).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Span

from ..lexicon import gendered_words
from ..nlp import ROLE_LABEL
from .mentions import unique
from .model import Event
from .resolve import config
from .roles import Roles
from .vocabulary import REPORTING_SELF


class Discourse:
    """Pronouns, meetings and authors remembered while reading a report."""

    def __init__(self, report, sentences: Sequence[Span], codes: set[str]):
        self.codes = codes
        self.genders = pronoun_genders(report, sentences)
        self._meeting: tuple[str, int] | None = None  # the last meeting named, and the event naming it
        self._authors: dict[str, tuple[str, int]] = {}  # document kind -> (its last author, event id)

    def new_section(self) -> None:
        """A new section starts a new narrative: no meeting or author carries over."""
        self._meeting = None
        self._authors = {}

    @property
    def meeting(self) -> str | None:
        """The meeting last named, if any."""
        return self._meeting[0] if self._meeting else None

    def antecedent(
        self, pronoun: str, events: Sequence[Event], since: int, present: set[str], span: Span | None = None
    ) -> str | None:
        """The most recent actor of this paragraph a subject pronoun can stand for.

        "ESW visited EM in hospital... She said that..." is EM: the key says EM
        is the mother, and ESW is "he" in the report.  "They" (and an actor of
        unknown pronoun) takes the most recent actor.  `events` are those read so far,
        `since` the offset where the paragraph starts.
        """
        fallback = None
        # "...with her, and that he had visited": EF, earlier in the sentence
        if span is not None and pronoun in ("she", "he"):
            sentence = span.sent
            for token in reversed(span.doc[sentence.start : span.start]):
                code = (token.ent_id_ or token.text) if token.ent_type_ == ROLE_LABEL else None
                if code and self.genders.get(code) == pronoun and code not in present:
                    return code
        for event in reversed(events):
            if event.start < since:
                break
            for actor in event.actors:
                if actor in present:
                    continue
                gender = self.genders.get(actor)
                if pronoun in ("she", "he") and gender == pronoun:
                    return actor
                if fallback is None and (gender is None or pronoun not in ("she", "he")) and actor in self.codes:
                    fallback = actor
                    if pronoun not in ("she", "he"):
                        return actor
        return fallback

    def actors(self, roles: Roles, actors: list[str], event_id: int) -> list[str]:
        """A meeting or document that acts.

        "The strategy meeting noted..."; "The meeting recommended..." for the
        meeting last named; "The assessment recommended..." for who last wrote
        an assessment; "It was agreed that..." for the meeting (else the
        document) of the last few sentences.  Remembers the meeting and the
        author this sentence names, for the sentences after it.
        """
        result = self._acting_meeting(roles, actors, event_id)
        named = roles.meeting or roles.mentioned_meeting
        if named:  # remembered after use: "The meeting recommended that a legal planning meeting..."
            self._meeting = (named, event_id)
        if roles.authored and actors:
            self._authors[roles.authored] = (actors[0], event_id)
        return result

    def _acting_meeting(self, roles: Roles, actors: list[str], event_id: int) -> list[str]:
        reach = config()["meeting_reach"]
        last = self._meeting
        recent = last is not None and event_id - last[1] <= reach
        if roles.meeting_acts and (roles.meeting or recent):
            return unique([roles.meeting or (last[0] if last else None), *actors])
        author = self._authors.get(roles.document_acts or "")
        if author is not None and event_id - author[1] <= reach:
            return unique([author[0], *actors])
        if roles.decision_without_actor and recent and last is not None and not roles.meeting:
            return unique([last[0], *(a for a in actors if a != roles.patient)])
        if roles.decision_without_actor and not actors:
            latest = max(self._authors.values(), key=lambda a: a[1], default=None)
            if latest is not None and event_id - latest[1] <= reach:
                return [latest[0]]
        return actors


def pronoun_genders(report, sentences) -> dict[str, str]:
    """The subject pronoun ("she"/"he") each role code is referred to by.

    From the key's description where it says ("Child E's mother" -> she);
    otherwise learned from the report: the pronoun subject of what the code is
    reported to have said ("ESW said he would...").  Practitioners' pronouns
    are not in the key, and drift ("he", then "they"); the majority wins.
    """
    words = {"she": gendered_words("female", with_titles=False), "he": gendered_words("male", with_titles=False)}
    genders: dict[str, str] = {}
    for entry in getattr(report, "key", []) or []:
        description = set(re.findall(r"[a-z]+", entry.description.lower()))
        for pronoun, cues in words.items():
            if description & set(cues):
                genders[entry.code] = pronoun
    counts: dict[str, dict[str, int]] = {}
    for sent in sentences:
        root = sent.root
        subject = next((c for c in root.children if c.dep_ == "nsubj" and c.ent_type_ == ROLE_LABEL), None)
        if subject is None or root.lemma_.lower() not in REPORTING_SELF:
            continue
        code = subject.ent_id_ or subject.text
        if code in genders:
            continue
        for clause in (c for c in root.children if c.dep_ == "ccomp"):
            said = next((c for c in clause.children if c.dep_ == "nsubj"), None)
            if said is not None and said.lower_ in ("she", "he"):
                tally = counts.setdefault(code, {"she": 0, "he": 0})
                tally[said.lower_] += 1
    for code, tally in counts.items():
        best = max(tally, key=lambda p: tally[p])
        other = tally["she" if best == "he" else "he"]
        if tally[best] >= 1 and tally[best] >= 2 * other:
            genders[code] = best
    return genders
