"""ConText-style modifiers for theme mentions (negation, shortfall, good practice).

medspaCy's ConText would be the natural library, but its releases pin spaCy
below 3.8 on Python 3.11, so this is the same algorithm in a few lines over
the rules in `models/themes_context.yaml`: a cue modifies a mention when both
are in one sentence, the mention is on the cue's side (`direction`), within
`window` tokens, and no termination cue ("however", "but") stands between.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc
from spacy.util import filter_spans

from .patterns import CompileContext, compile_cue
from .taxonomy import ContextRules


@dataclass(frozen=True)
class Cue:
    category: str
    direction: str
    start: int
    end: int


def context_patterns(rules: ContextRules, ctx: CompileContext) -> dict[str, list]:
    """Token patterns keyed `C|category|direction|n`."""
    patterns = {}
    for r_index, rule in enumerate(rules.rules):
        for p_index, phrase in enumerate(rule.phrases):
            patterns[f"C|{rule.category}|{rule.direction}|{r_index}.{p_index}"] = compile_cue(phrase, ctx)
    return patterns


def find_cues(doc: Doc, matches: list[tuple[str, int, int]]) -> tuple[list[Cue], set[int]]:
    """Context cues (longest match wins where cues overlap) and terminator token indices."""
    spans = []
    for key, start, end in matches:
        span = doc[start:end]
        span.label_ = key
        spans.append(span)
    cues: list[Cue] = []
    terminators: set[int] = set()
    for span in filter_spans(spans):
        _, category, direction, _ = span.label_.split("|")
        if category == "TERMINATE":
            terminators.update(range(span.start, span.end))
        else:
            cues.append(Cue(category, direction, span.start, span.end))
    return cues, terminators


def in_scope(cue: Cue, start: int, end: int, window: int, terminators: set[int]) -> bool:
    """Whether `cue` modifies the mention doc[start:end] (same sentence assumed)."""
    if cue.start < end and start < cue.end:
        return True
    if cue.end <= start and cue.direction in ("forward", "bidirectional"):
        gap = range(cue.end, start)
    elif cue.start >= end and cue.direction in ("backward", "bidirectional"):
        gap = range(end, cue.start)
    else:
        return False
    return len(gap) <= window and not any(i in terminators for i in gap)


def categories_for(mention: tuple[int, int], sentence_cues: list[Cue], window: int, terminators: set[int]) -> set[str]:
    start, end = mention
    return {c.category for c in sentence_cues if in_scope(c, start, end, window, terminators)}
