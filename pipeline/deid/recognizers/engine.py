"""A Presidio AnalyzerEngine on the already-loaded spaCy pipeline, fed an
already-parsed Doc.

Presidio normally owns its spaCy model and parses every text itself.  Here the
report is parsed once by `pipeline.nlp`; `DocNlpEngine` wraps that same
`Language` so Presidio never loads a second model (or downloads one), and
`artifacts_from_doc` turns the existing Doc into Presidio's `NlpArtifacts`
(tokens, offsets, lemmas for context words) without running the pipeline.
No spaCy entities are handed over: the registry holds only our recognizers
(no SpacyRecognizer, no US ones); names are found elsewhere.

The registry is built here, not by Presidio's `RecognizerRegistryProvider`:
that provider reads Presidio's own schema (literal patterns, one regex-flag
setting for all), while our files expand word lists into patterns, set case
per file, carry exclusions and name validating subclasses (checksums, phone
library, birth cues) that take the parsed file as their argument.  Presidio
2.2.x is pinned below 2.3 in pyproject.toml because `DocContextEnhancer` overrides
a private method of `LemmaContextAwareEnhancer` (`_find_index_of_match_token`).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from functools import lru_cache

from presidio_analyzer import AnalyzerEngine, RecognizerRegistry, RecognizerResult
from presidio_analyzer.context_aware_enhancers import LemmaContextAwareEnhancer
from presidio_analyzer.nlp_engine import NerModelConfiguration, NlpArtifacts, SpacyNlpEngine
from spacy.attrs import IDX, LEMMA, ORTH
from spacy.language import Language
from spacy.tokens import Doc

from ... import spans
from . import cued_date, national_id, nhs_number, phone, vehicle_reg  # noqa: F401  (register recognizer classes)
from .base import build_recognizer
from .config import RecognizerSpec, all_specs, engine_config


class DocNlpEngine(SpacyNlpEngine):
    """Presidio's spaCy engine around a pipeline we already loaded."""

    def __init__(self, nlp: Language, language: str = "en", context_words: Iterable[str] = ()):
        super().__init__(
            models=[{"lang_code": language, "model_name": str(nlp.meta.get("name", "loaded"))}],
            ner_model_configuration=NerModelConfiguration(labels_to_ignore=list(nlp.pipe_labels.get("ner", []))),
        )
        self.language = language
        self.nlp = {language: nlp}  # type: ignore[assignment]  # Presidio declares it None until load()
        self.context_words = frozenset(w.lower() for w in context_words)

    def load(self) -> None:
        """Already loaded: never call spacy.load (or download) from here."""

    def artifacts_from_doc(self, doc: Doc) -> NlpArtifacts:
        """Presidio's view of a parsed Doc: tokens, offsets and lemmas, no entities.

        Read through `Doc.to_array` and per-distinct-lemma caches: building a
        spaCy Token object per token (as Presidio's own engine does) costs more
        than all the recognizers together on a 20,000-token report.
        """
        columns = doc.to_array([IDX, LEMMA, ORTH])
        strings = doc.vocab.strings
        text_of = {h: strings[h] for h in set(columns[:, 1].tolist()) | set(columns[:, 2].tolist()) if h}
        lemmas = [text_of.get(lemma) or text_of[orth] for lemma, orth in columns[:, 1:].tolist()]
        artifacts = NlpArtifacts(
            entities=[],
            tokens=doc,
            tokens_indices=columns[:, 0].tolist(),
            lemmas=lemmas,
            nlp_engine=None,  # keywords are computed below, once per distinct lemma
            language=self.language,
            scores=[],
        )
        artifacts.nlp_engine = self
        artifacts.keywords = _Keywords(self._keywords(lemmas))
        return artifacts

    def _keywords(self, lemmas: list[str]) -> list[str]:
        """Presidio's context keywords (lower-cased lemmas, no stop words or punctuation).

        A recognizer's own context word stays a keyword although spaCy lists it as a
        stop word ("move", "call"): otherwise "She moved to Larkspur Court" never lifts
        a street named without a number.
        """
        keep: dict[str, list[str]] = {}
        for lemma in set(lemmas):
            if lemma.lower() in self.context_words:
                keep[lemma] = [lemma.lower()]
            elif (
                self.is_stopword(lemma, self.language)
                or self.is_punct(lemma, self.language)
                or lemma in ("-PRON-", "be")
            ):
                keep[lemma] = []
            else:
                keep[lemma] = lemma.lower().split(":")
        return [part for lemma in lemmas for part in keep[lemma]]

    def process_text(self, text: str, language: str) -> NlpArtifacts:
        """Parse a fresh text (only `analyze_text` takes this path)."""
        return self.artifacts_from_doc(self.nlp[language](text))  # type: ignore[index]


class _Keywords(list):
    """Presidio's keyword list, with set-speed `in` (the enhancer tests every lemma of a window)."""

    def __init__(self, items: list[str]):
        super().__init__(items)
        self._members = frozenset(items)

    def __contains__(self, item: object) -> bool:
        return item in self._members


class DocContextEnhancer(LemmaContextAwareEnhancer):
    """Presidio's lemma context enhancer, finding a match's token by bisection.

    The stock enhancer walks every token from the start of the document for
    each result; on a long report with many identifiers that is quadratic.
    """

    @staticmethod
    def _find_index_of_match_token(word: str, start: int, tokens, tokens_indices: list[int]) -> int:
        """Index of the first token ending after `start` (the token the match starts in)."""
        i = max(bisect_right(tokens_indices, start) - 1, 0)
        if start >= tokens_indices[i] + len(tokens[i]) and i + 1 < len(tokens_indices):
            i += 1
        return i


def selected_specs(entities: Iterable[str] | None = None) -> list[RecognizerSpec]:
    """The recognizer specs for the requested entity types (all if None)."""
    specs = all_specs()
    if entities is None:
        return specs
    wanted = set(entities)
    unknown = wanted - {s.entity for s in specs}
    if unknown:
        raise ValueError(f"no recognizer for entity type(s): {', '.join(sorted(unknown))}")
    return [s for s in specs if s.entity in wanted]


def context_enhancer() -> LemmaContextAwareEnhancer:
    """Presidio's lemma context booster with the window set in engine.yaml."""
    cfg = engine_config()["context"]
    return DocContextEnhancer(
        context_similarity_factor=float(cfg["similarity_factor"]),
        min_score_with_context_similarity=float(cfg["min_score_with_context"]),
        context_prefix_count=int(cfg["prefix_words"]),
        context_suffix_count=int(cfg["suffix_words"]),
        context_matching_mode=cfg.get("matching_mode", "whole_word"),
    )


@lru_cache(maxsize=8)
def _cached_analyzer(nlp: Language, entities: tuple[str, ...] | None) -> AnalyzerEngine:
    language = engine_config().get("language", "en")
    specs = selected_specs(entities)
    registry = RecognizerRegistry(recognizers=[build_recognizer(s) for s in specs], supported_languages=[language])
    return AnalyzerEngine(
        registry=registry,
        nlp_engine=DocNlpEngine(nlp, language, {word for s in specs for word in s.context}),
        supported_languages=[language],
        context_aware_enhancer=context_enhancer(),
    )


def build_analyzer(nlp: Language, entities: list[str] | None = None) -> AnalyzerEngine:
    """An analyzer with only our recognizers, on `nlp`; cached per (nlp, entities)."""
    key = tuple(sorted(set(entities))) if entities is not None else None
    return _cached_analyzer(nlp, key)


@lru_cache(maxsize=1)
def priority() -> dict[str, int]:
    """Entity type -> rank (lower wins ties), from the order of engine.yaml (read once)."""
    return {spec.entity: rank for rank, spec in enumerate(all_specs())}


def resolve_overlaps(results: list[RecognizerResult]) -> list[RecognizerResult]:
    """Keep non-overlapping results, sorted by position.

    Where results overlap, the higher score wins (a checksum-valid NHS number
    at 1.0 beats a phone shape); then the longer span (a whole address beats a
    fragment of it); then the type listed first in engine.yaml.
    """
    rank = priority()  # cached: do not mutate
    return spans.resolve_overlaps(
        results, key=lambda r: (-r.score, -(r.end - r.start), rank.get(r.entity_type, len(rank)), r.start)
    )
