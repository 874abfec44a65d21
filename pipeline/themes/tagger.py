"""The theme tagger: weighted cue matches + context + section weight -> labels.

For each paragraph or bullet of a review:
1. theme cues (compiled from `models/themes.yaml` into spaCy token
   patterns) are matched once over the whole parsed Doc by spaCy's
   PhraseMatcher, specialised to the review's words (`matcher.CueMatcher`;
   a line break inside a paragraph does not split a cue);
2. each match gets a polarity from the ConText-style rules (shortfall, good
   practice, or negated existence);
3. per theme, overlapping matches count once (the heaviest), each cue pattern
   counts once per paragraph, and a role code from the report's key whose
   description names a theme ("EFC - foster carer") adds a little weight;
4. the sum, times the section weight, must reach the taxonomy's threshold.
Evidence is the matched words with their character offsets.

What is never evidence (so that real, messy reviews hold up): blocks that are
not content by their own shape (cover, contents, running headers, keys,
panel lists, references: `blocks.py`), words inside a person's label ("Adult
2") or a shielding name ("Working Together to Safeguard Children"), a
mention inside a theme's contrary context ("healthy baby"), and a cue about
the wrong person (a young person's overdose counts for children's mental
health, not parental: `people.py`).
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

import spacy
from spacy.attrs import IDX, LENGTH, ORTH
from spacy.tokens import Doc

from ..report import Paragraph, Report
from .blocks import BlockFilter
from .context import Cue, categories_for, context_patterns, find_cues
from .frames import Frames
from .generic import generic_sentences, list_items_after, population_sentences
from .lemmas import merged_irregular
from .matcher import CueMatcher, CueSet, DocWords
from .model import Evidence, Polarity, ThemeHit, ThemeLabel
from .patterns import CompileContext, class_forms, compile_cue, variant_map
from .people import Owners
from .sections import section_role
from .taxonomy import (
    ContextRules,
    DocumentRule,
    SectionRoles,
    Taxonomy,
    load_context_rules,
    load_section_roles,
    load_taxonomy,
)

TAGGED_KINDS = {"text", "bullet", "numbered", "table_row"}
# a "heading" this long is a numbered paragraph the structure pass took for a heading
SENTENCE_HEADING_WORDS = 12


@dataclass(frozen=True)
class CueInfo:
    theme: str
    bucket: str
    weight: float
    cue: str
    uses_class: bool


@lru_cache(maxsize=1)
def _tokenizer():
    return spacy.blank("en").tokenizer


class ThemeTagger:
    """Compiled taxonomy and context rules; one per process and vocabulary."""

    def __init__(
        self,
        taxonomy: Taxonomy | None = None,
        context: ContextRules | None = None,
        sections: SectionRoles | None = None,
    ):
        self.taxonomy = taxonomy or load_taxonomy()
        self.context = context or load_context_rules()
        self.sections = sections or load_section_roles()
        self.weights = self.taxonomy.scoring.weights
        self.labels = {t.id: t.label for t in self.taxonomy.themes}
        self.kinds = {t.id: t.kind for t in self.taxonomy.themes}
        self.company = {t.id: frozenset(t.needs_company) for t in self.taxonomy.themes}
        self.facts = {t.id: frozenset(t.facts) for t in self.taxonomy.themes}
        self.composites = {t.id: tuple(t.composed_of) for t in self.taxonomy.themes if t.composed_of}
        self._pattern_cache: dict[tuple, tuple[CueSet, dict[str, CueInfo]]] = {}
        self._context_cues: CueSet | None = None
        self._guard_cues: CueSet | None = None
        self._code_theme_cache: dict[tuple, dict[str, set[str]]] = {}
        self._class_patterns = {
            name: re.compile(c.role_description) for name, c in self.taxonomy.classes.items() if c.role_description
        }

    # ---- compilation --------------------------------------------------
    def _compile_context(self, codes_by_class: dict[str, tuple[str, ...]]) -> CompileContext:
        ctx = CompileContext(
            _tokenizer(),
            merged_irregular(self.taxonomy.irregular_forms, tuple(self.taxonomy.lemma_tables)),
            {},
            self.taxonomy.scoring.gap,
            variant_map(self.taxonomy.variants),
        )
        ctx.classes = {
            name: class_forms(c.words, ctx, codes_by_class.get(name, ())) for name, c in self.taxonomy.classes.items()
        }
        return ctx

    def theme_patterns(
        self, codes_by_class: dict[str, tuple[str, ...]] | None = None
    ) -> tuple[dict[str, list], dict[str, CueInfo]]:
        """Token patterns of every theme cue; role codes join their classes (@FATHER)."""
        cues, info = self._theme_cues(codes_by_class)
        return cues.patterns, info

    def _theme_cues(self, codes_by_class: dict[str, tuple[str, ...]] | None) -> tuple[CueSet, dict[str, CueInfo]]:
        """The theme cues as a `CueSet` (cached per set of role codes)."""
        cache_key = tuple(sorted((k, tuple(v)) for k, v in (codes_by_class or {}).items()))
        if cache_key not in self._pattern_cache:
            ctx = self._compile_context(codes_by_class or {})
            patterns, info = {}, {}
            for theme in self.taxonomy.themes:
                for bucket, cues in theme.cues.items():
                    for index, cue in enumerate(cues):
                        key = f"T|{theme.id}|{bucket}|{index}"
                        patterns[key] = compile_cue(cue, ctx)
                        info[key] = CueInfo(theme.id, bucket, self.weights[bucket], cue, "@" in cue)
            if len(self._pattern_cache) > 16:
                self._pattern_cache.clear()
            self._pattern_cache[cache_key] = (CueSet(patterns), info)
        return self._pattern_cache[cache_key]

    def theme_matcher(
        self,
        doc: Doc,
        codes_by_class: dict[str, tuple[str, ...]] | None = None,
        words: DocWords | None = None,
        soft_breaks: Collection[int] = (),
    ) -> tuple[CueMatcher, dict[str, CueInfo]]:
        """The theme cues specialised to the words of `doc`."""
        cues, info = self._theme_cues(codes_by_class)
        return cues.matcher(doc, words, soft_breaks), info

    def context_cues(self) -> CueSet:
        """The ConText cues of `models/themes_context.yaml` (`C|category|direction|n`)."""
        if self._context_cues is None:
            self._context_cues = CueSet(context_patterns(self.context, self._compile_context({})))
        return self._context_cues

    def guard_cues(self) -> CueSet:
        """Shields (`S||n`: no theme counts inside) and contrary contexts (`X|theme|n`)."""
        if self._guard_cues is None:
            ctx = self._compile_context({})
            patterns = {f"S||{i}": compile_cue(cue, ctx) for i, cue in enumerate(self.taxonomy.shields)}
            for theme in self.taxonomy.themes:
                for i, cue in enumerate(theme.contrary):
                    patterns[f"X|{theme.id}|{i}"] = compile_cue(cue, ctx)
            self._guard_cues = CueSet(patterns)
        return self._guard_cues

    def context_matcher(self, doc: Doc, words: DocWords | None = None, soft_breaks: Collection[int] = ()) -> CueMatcher:
        return self.context_cues().matcher(doc, words, soft_breaks)

    def guard_matcher(self, doc: Doc, words: DocWords | None = None, soft_breaks: Collection[int] = ()) -> CueMatcher:
        return self.guard_cues().matcher(doc, words, soft_breaks)

    # ---- the report's key ---------------------------------------------
    def codes_by_class(self, report: Report, undeclared: Sequence[tuple[str, str]] = ()) -> dict[str, tuple[str, ...]]:
        """Role codes whose key description places them in a class (EF -> FATHER).

        `undeclared`: (code, description) key lines the structure pass missed.
        """
        out: dict[str, list[str]] = {}
        for code, description in [(e.code, e.description) for e in report.key] + list(undeclared):
            for name, pattern in self._class_patterns.items():
                if pattern.search(description):
                    out.setdefault(name, []).append(code)
        return {k: tuple(v) for k, v in out.items()}

    def code_themes(self, report: Report) -> dict[str, set[str]]:
        """Themes named by each role code's description ("CG - Children's Guardian").

        All descriptions are matched in one pass over one small Doc (a line
        each, a full stop between so no cue spans two), not one matcher each.
        """
        entries = [e for e in report.key if " " not in e.code]
        if not entries:
            return {}
        key = tuple((e.code, e.description) for e in entries)
        if key not in self._code_theme_cache:
            doc = _tokenizer()(" .\n".join(e.description for e in entries))
            bounds = list(itertools.accumulate(len(e.description) + 3 for e in entries))
            matcher, info = self.theme_matcher(doc)
            out: dict[str, set[str]] = {}
            for cue_key, start, _ in matcher():
                cue = info[cue_key]
                if cue.uses_class or cue.weight < self.weights["moderate"] or cue.cue in self.company[cue.theme]:
                    continue  # a supporting word ("birth Mother", "young victim") does not give a code its theme
                code = entries[bisect.bisect_right(bounds, doc[start].idx)].code
                out.setdefault(code, set()).add(cue.theme)
            if len(self._code_theme_cache) > 64:
                self._code_theme_cache.clear()
            self._code_theme_cache[key] = out
        return self._code_theme_cache[key]

    # ---- tagging --------------------------------------------------------
    def tag(self, report: Report, doc: Doc) -> list[ThemeLabel]:
        """Theme labels for every taggable paragraph of `report` (parsed as `doc`)."""
        tokens = TokenArrays(doc)
        words, soft = DocWords(doc), _soft_breaks(tokens, report)
        blocks = BlockFilter(report)
        undeclared = blocks.key_lines()
        matcher, info = self.theme_matcher(doc, self.codes_by_class(report, undeclared), words, soft)
        cues, terminators = find_cues(doc, self.context_matcher(doc, words, soft)())
        sentence_of = _sentence_ids(doc)
        code_themes = self.code_themes(report)

        skipped = blocks.non_content()
        paragraphs = [p for i, p in enumerate(report.paragraphs) if i not in skipped and _taggable(p, report)]
        starts = [p.start for p in paragraphs]
        suspect = blocks.suspect_headings()
        titles = blocks.local_titles(suspect)
        guards = self._guards(doc, words, soft)
        owners = Owners(report, doc, undeclared=undeclared)
        frames = Frames(doc)
        spans = _sentence_spans(doc, sentence_of)
        process = blocks.process_sentences(doc.text, spans)
        criteria = blocks.criteria_sentences(doc.text, spans) | generic_sentences(doc) | population_sentences(doc)
        criteria |= list_items_after(doc, criteria)  # "The purpose of a review is to: * learn lessons between agencies"
        process |= list_items_after(doc, process)
        matches: dict[int, list[tuple[str, int, int]]] = {}
        for key, start, end in matcher():
            index = bisect.bisect_right(starts, tokens.idx[start]) - 1
            if index < 0 or tokens.end[end - 1] > paragraphs[index].end:
                continue
            first, last = tokens.idx[start], tokens.end[end - 1]
            if blocks.in_chrome(first, last) or owners.in_person_label(first, last):
                continue
            if self._guarded(guards, info[key].theme, start, end):
                continue
            if sentence_of[start] in criteria:
                continue  # "a review ... where a child has been abused or neglected": reviews in general
            if sentence_of[start] in process and self.kinds[info[key].theme] == "practice":
                continue  # "the panel met", "agencies provided IMRs": the review's own process, not practice
            matches.setdefault(index, []).append((key, start, end))
        if self.taxonomy.scoring.longer_cue_claims:
            matches = {i: _claimed(found, info) for i, found in matches.items()}
        owners.prepare(
            [
                (info[key].theme, start, end, paragraphs[i].start, paragraphs[i].end)
                for i, found in matches.items()
                for key, start, end in found
            ]
        )
        cues_by_sentence: dict[int, list[Cue]] = {}
        for cue in cues:
            cues_by_sentence.setdefault(sentence_of[cue.start], []).append(cue)

        code_tokens = (
            [
                (tokens.text[i], tokens.idx[i], tokens.end[i])
                for i in range(len(tokens.text))
                if tokens.text[i] in code_themes
            ]
            if code_themes
            else []
        )
        code_starts = [start for _, start, _ in code_tokens]
        labels = []
        for index, paragraph in enumerate(paragraphs):
            first = bisect.bisect_left(code_starts, paragraph.start)
            while first > 0 and code_tokens[first - 1][2] > paragraph.start:
                first -= 1
            here = code_tokens[first : bisect.bisect_left(code_starts, paragraph.end)]
            if index not in matches and not here:
                continue
            local, local_start = titles.get(paragraph.start, (None, None))
            role, section = section_role(report, paragraph.start, self.sections, local, suspect, local_start)
            if role.weight <= 0:
                continue
            owned = self._owned(matches.get(index, []), info, owners, paragraph)
            label = self._label(
                report,
                doc,
                paragraph,
                role,
                section,
                owned,
                info,
                cues_by_sentence,
                terminators,
                sentence_of,
                _codes_in(here, code_themes),
                frames,
            )
            if label.themes or label.negated:
                labels.append(label)
        sentence_starts = sorted(start for start, _ in spans.values())
        return self._composites(
            self._document_evidence(labels, len(tokens.text), sentence_starts, _fact_owner(doc, owners))
        )

    def _composites(self, labels: list[ThemeLabel]) -> list[ThemeLabel]:
        """Add a theme the taxonomy defines as the co-occurrence of others (`Theme.composed_of`) to each
        paragraph that keeps every one of them: "a history of domestic violence ... depressed and drinking to
        excess" is the toxic trio by definition though the paragraph never names it.  Its evidence is theirs.
        Applied after the document rule, so only themes the document supports make one."""
        if not self.composites:
            return labels
        out = []
        for label in labels:
            hits = {h.id: h for h in label.themes}
            extra = [
                ThemeHit(
                    id=theme,
                    label=self.labels[theme],
                    score=min(hits[part].score for part in parts),
                    polarity=_combine([hits[part].polarity for part in parts]),
                    evidence=[e for part in parts for e in hits[part].evidence],
                )
                for theme, parts in self.composites.items()
                if theme not in hits and all(part in hits for part in parts)
            ]
            out.append(label.model_copy(update={"themes": label.themes + extra}) if extra else label)
        return out

    def _document_evidence(
        self,
        labels: list[ThemeLabel],
        n_tokens: int,
        sentence_starts: Sequence[int] = (),
        fact_owner: FactOwner | None = None,
    ) -> list[ThemeLabel]:
        """Drop a theme the whole document gives too little evidence for (`scoring.document`).

        One paragraph of supporting words ("a rigorous analysis of what happened
        and why" in a sentence about what reviews are for) is not enough to say a
        review is about a theme; two paragraphs, a sure cue or several distinct
        supporting cues in one paragraph are.
        """
        rule = self.taxonomy.scoring.document
        if rule is None or n_tokens < rule.min_words:
            return labels
        sure_weight = min(self.weights[b] for b in rule.sure_buckets) if rule.sure_buckets else float("inf")
        hits: dict[str, list[ThemeHit]] = {}
        for label in labels:
            for hit in label.themes:
                hits.setdefault(hit.id, []).append(hit)
        weak = {
            theme
            for theme, found in hits.items()
            if len(found) < rule.min_paragraphs
            and not any(
                e.weight >= sure_weight - 1e-9 and not e.cue.startswith("role code") for h in found for e in h.evidence
            )
            and max(self._document_score(h, rule.own_words_score) for h in found) < rule.min_score - 1e-9
        }
        if rule.neutral_practice_sentences is not None:
            weak |= {
                theme
                for theme, found in hits.items()
                if self.kinds[theme] == "practice"
                and self._only_told_in_passing(theme, labels, sentence_starts, rule, fact_owner)
            }
        if not weak:
            return labels
        out = []
        for label in labels:
            if any(h.id in weak for h in label.themes):
                label = label.model_copy(update={"themes": [h for h in label.themes if h.id not in weak]})
            if label.themes or label.negated:
                out.append(label)
        return out

    def _only_told_in_passing(
        self,
        theme: str,
        labels: list[ThemeLabel],
        sentence_starts: Sequence[int],
        rule: DocumentRule,
        fact_owner: FactOwner | None = None,
    ) -> bool:
        """Whether a theme's own cues are all told in passing: neutral (no shortfall, no good
        practice read from their sentence), outside the sections where a review states its
        learning (`rule.learning_roles`), and in fewer than `rule.neutral_practice_sentences`
        distinct sentences.

        Its `needs_company` words and role codes are not its own cues: they neither make
        the theme evaluated nor spread it.  Its `facts` (the child in foster care, a care
        order made) are the child's standing, never a procedure told in passing, unless the
        parse says whose they are and it is an adult's ("the mother had herself grown up in a
        children's home" is her history, not the child's placement: `fact_owner`)."""
        company, facts = self.company[theme], self.facts[theme]
        sentences = set()
        for label in labels:
            for hit in (h for h in label.themes if h.id == theme):
                for e in hit.evidence:
                    if e.cue.startswith("role code") or _plain_cue(e.cue) in company:
                        continue
                    if _plain_cue(e.cue) in facts and (
                        fact_owner is None or fact_owner(e.start, e.end, label.start) not in ADULT_OWNERS
                    ):
                        return False
                    if e.polarity != "neutral" or label.section_role in rule.learning_roles:
                        return False
                    sentences.add(bisect.bisect_right(sentence_starts, e.start))
        return len(sentences) < (rule.neutral_practice_sentences or 0)

    def _document_score(self, hit: ThemeHit, own_words: bool) -> float:
        """A paragraph's score for the document rule: with `own_words`, the raw weights of the
        theme's own cues only (its `needs_company` words support a theme, they do not make it)."""
        if not own_words:
            return hit.score
        company = self.company[hit.id]
        return sum(e.weight for e in hit.evidence if _plain_cue(e.cue) not in company)

    def _guards(self, doc: Doc, words: DocWords, soft: Collection[int]) -> list[tuple[str, int, int]]:
        return [(key.split("|")[1], start, end) for key, start, end in self.guard_matcher(doc, words, soft)()]

    @staticmethod
    def _guarded(guards: list[tuple[str, int, int]], theme: str, start: int, end: int) -> bool:
        """Whether a mention lies inside a shield, or inside a contrary context of its theme."""
        return any(s <= start and end <= e and (not which or which == theme) for which, s, e in guards)

    @staticmethod
    def _owned(
        found: list[tuple[str, int, int]], info: dict[str, CueInfo], owners: Owners, paragraph: Paragraph
    ) -> list[tuple[str, int, int]]:
        """Matches re-keyed to the theme their owner makes them count for (dropped when none).

        A redirected cue gets its own key ("T|...|3>children_mental_health") in
        `info`, so its evidence says whose it was taken to be.
        """
        out = []
        for key, start, end in found:
            cue = info[key]
            theme = owners.redirect(cue.theme, start, end, paragraph.start, paragraph.end)
            if theme is None or owners.older_child(theme, paragraph.start, paragraph.end):
                continue
            if theme != cue.theme:
                new_key = f"{key}>{theme}"
                if new_key not in info:
                    info[new_key] = replace(cue, theme=theme, cue=_whose_cue(cue.cue, theme))
                key = new_key
            out.append((key, start, end))
        return out

    def _label(
        self,
        report,
        doc,
        paragraph,
        role,
        section,
        found,
        info,
        cues_by_sentence,
        terminators,
        sentence_of,
        codes_here,
        frames: Frames | None = None,
    ) -> ThemeLabel:
        mentions: dict[str, list[tuple[CueInfo, int, int, Polarity]]] = {}
        for key, start, end in _shortest_per_start(found):
            cue = info[key]
            sentence_cues = cues_by_sentence.get(sentence_of[start], [])
            categories = categories_for((start, end), sentence_cues, self.context.window, terminators)
            polarity = self._polarity(cue, categories)
            if frames is not None and self._framed_out(frames, cue, start, end, polarity):
                continue
            mentions.setdefault(cue.theme, []).append((cue, start, end, polarity))

        hits, negated = [], []
        for theme_id in sorted(set(mentions) | {t for _, _, themes in codes_here for t in themes}):
            kept = _select(mentions.get(theme_id, []))
            live = [m for m in kept if m[3] != "negated"]
            coded = any(theme_id in themes for _, _, themes in codes_here)
            if not coded and any(ms and all(m[0].cue in self.company[theme_id] for m in ms) for ms in (kept, live)):
                continue  # only words every review uses ("baby", "father", "agencies"): no theme, nor negation
            evidence = [self._evidence(doc, cue, s, e, pol) for cue, s, e, pol in live]
            buckets = {(ev.start, ev.end): cue.bucket for ev, (cue, *_) in zip(evidence, live, strict=True)}
            buckets = {
                span: bucket
                for span, bucket in buckets.items()
                if any(e.polarity in self.sections.undamped_polarities for e in evidence if (e.start, e.end) == span)
            }
            for code, (start, end), themes in codes_here:
                if theme_id in themes and not any(e.start <= start < e.end for e in evidence):
                    evidence.append(
                        Evidence(
                            text=code,
                            start=start,
                            end=end,
                            cue=f"role code {code}",
                            weight=self.taxonomy.scoring.role_code_weight,
                            polarity="neutral",
                        )
                    )
            evidence.sort(key=lambda e: e.start)
            score = round(
                sum(self._weight(role, theme_id, buckets.get((e.start, e.end))) * e.weight for e in evidence), 3
            )
            if evidence and score >= self.taxonomy.scoring.threshold - 1e-9:
                hits.append(
                    ThemeHit(
                        id=theme_id,
                        label=self.labels[theme_id],
                        score=score,
                        polarity=_combine([e.polarity for e in evidence]),
                        evidence=evidence,
                    )
                )
            elif not live and kept:
                dead = [self._evidence(doc, cue, s, e, pol) for cue, s, e, pol in kept]
                negated.append(
                    ThemeHit(id=theme_id, label=self.labels[theme_id], score=0.0, polarity="negated", evidence=dead)
                )
        hits.sort(key=lambda h: -h.score)
        return ThemeLabel(
            start=paragraph.start,
            end=paragraph.end,
            text=report.text[paragraph.start : paragraph.end],
            section=section.number if section else None,
            section_title=section.title if section else None,
            section_role=role.role,
            paragraph_kind=paragraph.kind,
            themes=hits,
            negated=negated,
        )

    def _weight(self, role, theme_id: str, bucket: str | None = None) -> float:
        """Section weight for one piece of evidence: narrative sections damp practice words, not the
        family's circumstances nor a practice shortfall stated outright.

        Background and chronology use practice words as narrative ("a referral
        was made", "the plan was reviewed"), hence their lower weight; but a
        circumstance stated there ("the mother had a long history of
        depression") is as much a fact of the case as anywhere else, and so is
        a shortfall a strong or concern cue states ("the explanation was
        accepted", "did not tell children's social care"): `themes_sections.yaml`
        `undamped_buckets` and `undamped_polarities` (the caller passes a bucket
        only for evidence of such a polarity).
        """
        if role.weight > 0 and (
            self.kinds[theme_id] == "circumstance" or (bucket is not None and bucket in self.sections.undamped_buckets)
        ):
            return max(role.weight, self.sections.default.weight)
        return role.weight

    def _framed_out(self, frames: Frames, cue: CueInfo, start: int, end: int, polarity: Polarity) -> bool:
        """Whether the noun the cue hangs on makes it no evidence (`models/themes_frames.yaml`):
        the topic of guidance or training said without any judgement of practice ("research on
        neglect was read"), or an offence charged or tried ("charges of neglect") for a circumstance."""
        effect = frames.effect(start, end)
        if effect == "no_evidence_if_neutral":
            return polarity == "neutral"
        if effect == "no_evidence_for_circumstance":
            return self.kinds[cue.theme] == "circumstance"
        return False

    def _polarity(self, cue: CueInfo, categories: set[str]) -> Polarity:
        if "NEGATED_EXISTENCE" in categories:
            return "negated" if self.kinds[cue.theme] == "circumstance" else "concern"
        if "NO_CONCERN" in categories:
            return "negated" if self.kinds[cue.theme] == "circumstance" else "good_practice"
        if "DEFICIT" in categories or cue.bucket == "concern":
            return "concern"
        if "GOOD_PRACTICE" in categories:
            return "good_practice"
        return "neutral"

    @staticmethod
    def _evidence(doc: Doc, cue: CueInfo, start: int, end: int, polarity: Polarity) -> Evidence:
        span = doc[start:end]
        return Evidence(
            text=span.text, start=span.start_char, end=span.end_char, cue=cue.cue, weight=cue.weight, polarity=polarity
        )


def specialised_matcher(doc: Doc, patterns: dict[str, list]) -> CueMatcher:
    """A matcher over the patterns that can match in `doc`, specialised to its words."""
    return CueSet(patterns).matcher(doc)


class TokenArrays:
    """Each token's text and character offsets, read from a Doc once (token objects are slow to make)."""

    def __init__(self, doc: Doc):
        strings = doc.vocab.strings
        orth, idx, length = ((doc.to_array(attr).tolist() if len(doc) else []) for attr in (ORTH, IDX, LENGTH))
        self.text = [strings[h] for h in orth]
        self.idx = idx
        self.end = [i + n for i, n in zip(idx, length, strict=True)]


def _soft_breaks(tokens: TokenArrays, report: Report) -> set[int]:
    """Line-break tokens inside a paragraph (a wrapped line), which split no cue.

    A blank line, or a line break between two paragraphs, still ends a cue.
    """
    starts = [p.start for p in report.paragraphs]
    soft = set()
    for i, text in enumerate(tokens.text):
        if text.count("\n") == 1 and text.isspace():
            at = bisect.bisect_right(starts, tokens.idx[i]) - 1
            if at >= 0 and report.paragraphs[at].start < tokens.idx[i] and tokens.end[i] < report.paragraphs[at].end:
                soft.add(i)
    return soft


def _taggable(paragraph: Paragraph, report: Report) -> bool:
    if paragraph.kind in TAGGED_KINDS:
        return True
    if paragraph.kind == "contents":
        # only a run of sentences filed as contents gets here (`BlockFilter.non_content` skips the rest)
        return True
    if paragraph.kind == "heading":
        heading = report.text[paragraph.start : paragraph.end].rstrip()
        # a line of enquiry ("Was the mother's alcohol use recognised?") states the learning it asks about
        return len(heading.split()) >= SENTENCE_HEADING_WORDS or heading.endswith("?")
    return False


# whose a theme's `facts` cue may be and still be the child's standing: anyone but these (`people.Owners` classes)
ADULT_OWNERS = frozenset({"parent", "practitioner", "review"})
FactOwner = Callable[[int, int, int], "str | None"]


def _fact_owner(doc: Doc, owners: Owners) -> FactOwner:
    """Whose a fact cue at characters [start, end) is, read from the parse above the cue: its own words name a
    place or an order ("a children's home", "a care order"), not the person it is about ("the mother grew up
    in a children's home")."""

    def owner(start: int, end: int, paragraph_start: int) -> str | None:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return None
        above = span.root.head if span.root.head is not span.root else span.root
        return owners.owner(above.i, above.i + 1, paragraph_start)

    return owner


def _sentence_ids(doc: Doc) -> list[int]:
    """Sentence number of each token; without a parser, punctuation and line breaks end sentences."""
    ids, current = [], 0
    annotated = doc.has_annotation("SENT_START")
    for token in doc:
        if token.i > 0 and (token.is_sent_start if annotated else _ends_sentence(doc[token.i - 1].text)):
            current += 1
        ids.append(current)
    return ids


def _ends_sentence(text: str) -> bool:
    return text in {".", "!", "?"} or "\n" in text


def _sentence_spans(doc: Doc, sentence_of: list[int]) -> dict[int, tuple[int, int]]:
    """Character span of each sentence number."""
    spans: dict[int, tuple[int, int]] = {}
    for token in doc:
        sid = sentence_of[token.i]
        first = spans.get(sid, (token.idx, 0))[0]
        spans[sid] = (first, token.idx + len(token.text))
    return spans


def _shortest_per_start(found: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """A gap pattern matches several lengths from one start: keep the shortest."""
    best: dict[tuple[str, int], int] = {}
    for key, start, end in found:
        if (key, start) not in best or end < best[(key, start)]:
            best[(key, start)] = end
    return [(key, start, end) for (key, start), end in sorted(best.items(), key=lambda kv: kv[0][1])]


def _select(mentions: list[tuple[CueInfo, int, int, Polarity]]) -> list[tuple[CueInfo, int, int, Polarity]]:
    """Per theme: heaviest non-overlapping matches, each cue pattern once."""
    ranked = sorted(mentions, key=lambda m: (-m[0].weight, m[2] - m[1], m[1]))
    taken: list[tuple[CueInfo, int, int, Polarity]] = []
    used_cues: set[str] = set()
    for mention in ranked:
        cue, start, end, _ = mention
        if cue.cue in used_cues or any(start < e and s < end for _, s, e, _ in taken):
            continue
        taken.append(mention)
        used_cues.add(cue.cue)
    return sorted(taken, key=lambda m: m[1])


def _claimed(found: list[tuple[str, int, int]], info: dict[str, CueInfo]) -> list[tuple[str, int, int]]:
    """Drop a one-word match lying inside a longer gap-free match of another theme.

    The longer cue says what the words mean: in "serious youth violence" or "supervision
    order" the single word ("violence", "supervision") is part of another theme's term,
    not a cue of its own theme.  Gap cues ("shar* ... information") span words they do
    not name, so they claim nothing.
    """
    terms = [
        (info[key].theme, start, end) for key, start, end in found if end - start > 1 and "..." not in info[key].cue
    ]
    if not terms:
        return found
    return [
        (key, start, end)
        for key, start, end in found
        if end - start > 1 or not any(theme != info[key].theme and s <= start and end <= e for theme, s, e in terms)
    ]


def _codes_in(code_tokens: list[tuple[str, int, int]], code_themes: dict[str, set[str]]):
    """Each role code with themes among a paragraph's code tokens (once per code, first place)."""
    seen, out = set(), []
    for code, start, end in code_tokens:
        if code not in seen:
            seen.add(code)
            out.append((code, (start, end), code_themes[code]))
    return out


def _combine(polarities: list[Polarity]) -> Polarity:
    has_concern, has_good = "concern" in polarities, "good_practice" in polarities
    if has_concern and has_good:
        return "mixed"
    if has_concern:
        return "concern"
    if has_good:
        return "good_practice"
    return "neutral"


@lru_cache(maxsize=1)
def default_tagger() -> ThemeTagger:
    return ThemeTagger()


_WHOSE = " (whose: "


def _whose_cue(cue: str, theme: str) -> str:
    """The cue as evidence shows it when the theme was decided by whose it is ("overdose (whose: ...)")."""
    return f"{cue}{_WHOSE}{theme})"


def _plain_cue(shown: str) -> str:
    """The cue itself, without the whose-it-is note `_whose_cue` adds."""
    return shown.split(_WHOSE)[0]
