"""The noun a theme cue's phrase hangs on (its frame), read from the parse.

"A leaflet on safer sleeping", "research on neglect", "drug awareness
training for school cooks": the cue words name the topic of some written or
taught matter, not a fact of the case.  "Charges of neglect were dropped", "the
trial for cruelty": the words name an offence charged or tried.  The frame is the
first noun outside the cue reached by climbing the parse from the cue's root
through noun-phrase links (compound, modifier, preposition and its object,
conjunct), never through a verb: "the health visitor did not follow the
guidance" has no frame for "health visitor".  The frame nouns and what each kind
does are data (`models/themes_frames.yaml`).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc

from ..resources import load_yaml


@dataclass(frozen=True)
class FrameRules:
    climb: frozenset[str]
    max_steps: int
    kind_of: dict[str, str]  # frame noun lemma -> kind
    effects: dict[str, str]  # kind -> effect


@lru_cache(maxsize=2)
def load_frame_rules(name: str = "themes_frames.yaml") -> FrameRules:
    data = load_yaml(name)
    kind_of = {noun.lower(): kind for kind, nouns in data["frames"].items() for noun in nouns}
    return FrameRules(frozenset(data["climb"]), int(data["max_steps"]), kind_of, dict(data["effects"]))


class Frames:
    """Frames of cues in one parsed document (cached per cue span)."""

    def __init__(self, doc: Doc, rules: FrameRules | None = None):
        self.doc = doc
        self.rules = rules or load_frame_rules()
        self._cache: dict[tuple[int, int], str | None] = {}

    def kind(self, start: int, end: int) -> str | None:
        """The frame kind of the cue doc[start:end] ("material", "legal_record"), or None."""
        key = (start, end)
        if key not in self._cache:
            self._cache[key] = self._find(start, end)
        return self._cache[key]

    def effect(self, start: int, end: int) -> str | None:
        kind = self.kind(start, end)
        return self.rules.effects.get(kind) if kind else None

    def _find(self, start: int, end: int) -> str | None:
        token = self.doc[start:end].root
        for _ in range(self.rules.max_steps):
            if token.dep_ not in self.rules.climb or token.head is token:
                return None
            token = token.head
            if token.pos_ in ("VERB", "AUX"):
                return None
            if start <= token.i < end or token.pos_ not in ("NOUN", "PROPN"):
                continue
            kind = self.rules.kind_of.get(token.lemma_.lower()) or self.rules.kind_of.get(token.lower_)
            if kind:
                return kind
        return None
