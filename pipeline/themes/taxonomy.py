"""The learning-theme taxonomy (`models/themes.yaml`) and its companion data.

The taxonomy is versioned data: ids, labels, definitions, sources, related
themes and weighted cue phrases.  Loading validates it (unknown related ids,
unknown buckets or classes fail loudly), because a typo in a taxonomy would
otherwise just make a theme silently never fire.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from ..resources import load_yaml

Bucket = Literal["strong", "concern", "moderate", "weak"]
ThemeKind = Literal["practice", "circumstance"]


class Theme(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str
    label: str
    definition: str
    kind: ThemeKind
    sources: list[str]
    related: list[str] = Field(default_factory=list)
    cues: dict[Bucket, list[str]]
    # contrary context: a mention of this theme inside a match of one of these
    # ("healthy baby" for premature infants) does not count
    contrary: list[str] = Field(default_factory=list)
    # cues that only support: a word every review of this kind uses ("baby",
    # "father", "agencies") counts towards the theme only alongside a cue of
    # the theme that is not in this list (same strings as in `cues`)
    needs_company: list[str] = Field(default_factory=list)
    # cues of a practice theme that state the child's standing rather than a step taken: where the
    # child lives ("in foster care", "a residential home") or what a court has ordered ("a care order",
    # "an adoption plan agreed by the court").  Such a fact is part of the case however briefly it is
    # told, so it is never dropped as a procedure named in passing (`DocumentRule.neutral_practice_sentences`).
    facts: list[str] = Field(default_factory=list)
    # a theme defined as the co-occurrence of others ("toxic trio": domestic abuse, parental mental
    # ill-health and substance misuse together): a paragraph that speaks to every one of them speaks
    # to this theme by its definition, whatever words it uses (`ThemeTagger._composites`)
    composed_of: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _company_cues_exist(self) -> Theme:
        listed = {c for cues in self.cues.values() for c in cues}
        for field, named in (("needs_company", self.needs_company), ("facts", self.facts)):
            unknown = [c for c in named if c not in listed]
            if unknown:
                raise ValueError(f"{self.id}: {field} cues not among its cues: {unknown}")
        return self


class ClassDef(BaseModel):
    model_config = ConfigDict(extra="forbid")
    words: list[str]
    role_description: str | None = None


class DocumentRule(BaseModel):
    """How much evidence a whole document needs before a theme is kept in it.

    A theme placed once, by a single paragraph made only of supporting words
    ("analysis" and "risk" in a sentence about what reviews are for), says
    little about a review; the theme is kept when any of these holds.
    """

    model_config = ConfigDict(extra="forbid")
    # the rule applies to documents of at least this many words (a bullet tagged on its own is no document)
    min_words: int = 150
    # tagged in at least this many paragraphs
    min_paragraphs: int = 2
    # or one paragraph whose evidence includes a cue of these buckets
    sure_buckets: list[Bucket] = Field(default_factory=lambda: list[Bucket](["strong", "concern"]))
    # or one paragraph scoring at least this (several distinct supporting cues)
    min_score: float = 1.4
    # the score of that one paragraph counts only the theme's own words, not its `needs_company` cues
    own_words_score: bool = False
    # A practice theme (how professionals worked) none of whose own cues is read as a shortfall or
    # as good practice is kept only when its own cues stand in at least this many distinct
    # sentences: a procedure named once in passing ("a referral was made", "the plan was agreed")
    # is narrative, not learning about practice.  A circumstance (the family's drinking) is a fact
    # of the case however it is told.  None: no such rule.
    neutral_practice_sentences: int | None = None
    # section roles where a review states its learning: a practice cue there is learning by its place
    learning_roles: list[str] = Field(default_factory=list)


class Scoring(BaseModel):
    model_config = ConfigDict(extra="forbid")
    weights: dict[Bucket, float]
    threshold: float
    role_code_weight: float
    gap: int = 4
    document: DocumentRule | None = None
    # a word inside a longer, gap-free cue of another theme counts only for that theme
    # ("serious youth violence" is no domestic violence): longest match wins, as in dictionary taggers
    longer_cue_claims: bool = False


class Taxonomy(BaseModel):
    model_config = ConfigDict(extra="forbid")
    version: str
    name: str
    sources: dict[str, str]
    scoring: Scoring
    irregular_forms: dict[str, list[str]] = Field(default_factory=dict)
    # parts of speech whose lemmatizer exception table adds irregular forms (`lemmas.py`)
    lemma_tables: list[str] = Field(default_factory=list)
    classes: dict[str, ClassDef] = Field(default_factory=dict)
    # close wordings matched as the same cue word (groups of equivalent words)
    variants: list[list[str]] = Field(default_factory=list)
    # names inside which no theme word counts ("Working Together to Safeguard Children")
    shields: list[str] = Field(default_factory=list)
    themes: list[Theme]

    @model_validator(mode="after")
    def _consistent(self) -> Taxonomy:
        ids = [t.id for t in self.themes]
        if len(ids) != len(set(ids)):
            raise ValueError("duplicate theme ids")
        for theme in self.themes:
            unknown = [r for r in theme.related + theme.composed_of if r not in ids]
            if unknown:
                raise ValueError(f"{theme.id}: unknown related themes {unknown}")
            missing = [s for s in theme.sources if s not in self.sources]
            if missing:
                raise ValueError(f"{theme.id}: unknown sources {missing}")
        return self

    def theme(self, theme_id: str) -> Theme:
        for theme in self.themes:
            if theme.id == theme_id:
                return theme
        raise KeyError(theme_id)

    def ids(self) -> list[str]:
        return [t.id for t in self.themes]


class ContextRule(BaseModel):
    model_config = ConfigDict(extra="forbid")
    category: Literal["NEGATED_EXISTENCE", "NO_CONCERN", "DEFICIT", "GOOD_PRACTICE", "TERMINATE"]
    direction: Literal["forward", "backward", "bidirectional"] = "bidirectional"
    phrases: list[str]


class ContextRules(BaseModel):
    model_config = ConfigDict(extra="forbid")
    version: str
    window: int
    rules: list[ContextRule]


class SectionRole(BaseModel):
    model_config = ConfigDict(extra="forbid")
    role: str
    weight: float
    title_words: list[str] = Field(default_factory=list)


class SectionRoles(BaseModel):
    model_config = ConfigDict(extra="forbid")
    version: str
    default: SectionRole
    unsectioned: SectionRole
    roles: list[SectionRole]
    # cue buckets whose evidence a narrative section does not damp (a shortfall stated outright)
    undamped_buckets: list[str] = Field(default_factory=list)
    # ... when the evidence has one of these polarities ("concern": told as a shortfall)
    undamped_polarities: list[str] = Field(default_factory=list)


@lru_cache(maxsize=4)
def load_taxonomy(name: str = "themes.yaml") -> Taxonomy:
    return Taxonomy.model_validate(load_yaml(name))


@lru_cache(maxsize=4)
def load_context_rules(name: str = "themes_context.yaml") -> ContextRules:
    return ContextRules.model_validate(load_yaml(name))


@lru_cache(maxsize=4)
def load_section_roles(name: str = "themes_sections.yaml") -> SectionRoles:
    data = load_yaml(name)
    return SectionRoles.model_validate(data)
