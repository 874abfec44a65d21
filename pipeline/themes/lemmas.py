"""Irregular inflections of cue words, read from the spaCy model's own lemmatizer tables.

The taxonomy matches cue words on their lower-case text with generated
inflections (`patterns.inflections`), not on `LEMMA`, because the tagger
leaves capitalised words unlemmatised (see `patterns`).  Regular -s/-ed/-ing
forms are generated; irregular ones ("drank", "drunk" for "drink", "teeth" for
"tooth") come from the lemmatizer's exception table (`lemma_exc`) of the
configured model, inverted: every form whose lemma is a cue word is one of its
inflections.  That is the same word-to-lemma knowledge spaCy applies, without
depending on the tag of one occurrence.  Which parts of speech are used is the
taxonomy's `lemma_tables`; a model without the tables adds nothing (the
taxonomy's own `irregular_forms` still apply).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from spacy.lookups import Lookups
from spacy.util import get_package_path

from ..config import configured_model_name


def _lookups_dir(package: Path) -> Path | None:
    """The lemmatizer's lookups folder of an installed model package (it may sit one folder down)."""
    for candidate in [package / "lemmatizer" / "lookups", *package.glob("*/lemmatizer/lookups")]:
        if (candidate / "lookups.bin").exists():
            return candidate
    return None


@lru_cache(maxsize=4)
def lemma_exception_forms(tables: tuple[str, ...], model: str | None = None) -> dict[str, tuple[str, ...]]:
    """Lemma -> its irregular forms, from the `lemma_exc` table of each part of speech in `tables`."""
    if not tables:
        return {}
    try:
        folder = _lookups_dir(get_package_path(configured_model_name(model)))
    except (ModuleNotFoundError, ImportError, OSError):
        return {}
    if folder is None:
        return {}
    lookups = Lookups().from_disk(folder)
    if not lookups.has_table("lemma_exc"):
        return {}
    exceptions = lookups.get_table("lemma_exc")
    out: dict[str, set[str]] = {}
    for pos in tables:
        for form, lemmas in (exceptions.get(pos) or {}).items():
            for lemma in lemmas:
                if lemma != form:
                    out.setdefault(lemma, set()).add(form)
    return {lemma: tuple(sorted(forms)) for lemma, forms in out.items()}


def merged_irregular(own: dict[str, list[str]], tables: tuple[str, ...]) -> dict[str, list[str]]:
    """The taxonomy's `irregular_forms` with the lemmatizer's irregular forms added."""
    merged = {word: list(forms) for word, forms in own.items()}
    for lemma, forms in lemma_exception_forms(tables).items():
        merged[lemma] = sorted(set(merged.get(lemma, [])) | set(forms))
    return merged
