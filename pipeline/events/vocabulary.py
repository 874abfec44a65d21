"""The events stage's word lists, loaded in one place.

Months, numbers, units and occasions (models/dates/lexicon.yaml), verbs and
nouns of action (models/dates/actions.yaml: meeting and document nouns, gender
words, mistagged verbs, event nouns) and agencies and roles
(models/agencies.yaml).  Every module of the package reads them through these
loaders, so that a shared lexicon can take their place here alone.
"""

from __future__ import annotations

from functools import lru_cache

from ..lexicon import calendar, reporting_lemmas, superscript_digits
from ..resources import load_yaml

__all__ = [
    "FOOTNOTE_MARKS",
    "REPORTING_QUOTES",
    "REPORTING_SELF",
    "calendar",
    "lexicon",
    "action_data",
    "agency_data",
    "mistagged_verbs",
    "event_nouns",
]

# superscript digits a footnote mark leaves on a word ("review⁴"): the shared lexicon's marks
FOOTNOTE_MARKS = superscript_digits()
# "ESW said he wanted...": verbs whose pronoun subject in the reported clause is the speaker's own
REPORTING_SELF = reporting_lemmas(self_report=True)
# "she told the GP that on 3 May ...": verbs whose clause is what was said (its date is not the telling's)
REPORTING_QUOTES = reporting_lemmas(quotes=True)


@lru_cache(maxsize=1)
def lexicon() -> dict:
    """models/dates/lexicon.yaml: months, weekdays, numbers, units, month parts, occasions, number cues."""
    return load_yaml("dates", "lexicon.yaml")


@lru_cache(maxsize=1)
def action_data() -> dict:
    """models/dates/actions.yaml: the verb and noun classes the roles and actions are read with."""
    return load_yaml("dates", "actions.yaml")


@lru_cache(maxsize=1)
def agency_data() -> dict:
    """models/agencies.yaml: agencies, their abbreviations and aliases, uncoded roles, organisation heads."""
    return load_yaml("agencies.yaml")


@lru_cache(maxsize=1)
def mistagged_verbs() -> dict[str, str]:
    """Past tenses the tagger takes for nouns, with their lemma ("rang" -> "ring")."""
    return load_yaml("dates", "actions.yaml")["mistagged_verbs"]


@lru_cache(maxsize=1)
def event_nouns() -> frozenset[str]:
    """Nouns that name a happening of the case ("death", "injury")."""
    return frozenset(load_yaml("dates", "actions.yaml")["event_nouns"])
