"""Read the recognizer data files under `models/recognizers/`.

Patterns, context words and word lists are data, so a reviewer can tune them
without touching code.  A pattern may name a word list of its file as
`<<list_name>>`, or a shared list (`shared_lists`: `<<months>>`, `<<months_abroad>>`); it is expanded to a
non-capturing alternation of the escaped entries, longest first (so "Day Nursery" is
tried before "Nursery"), with a space inside an entry matching any run of whitespace.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import regex

from ...lexicon import calendar
from ...resources import fill_template, load_yaml, read_lines
from .month_words import months_abroad

CONFIG_DIR = "recognizers"
ENGINE_FILE = "engine.yaml"


@dataclass(frozen=True)
class PatternSpec:
    """One named regex and the score a match gets before context and validation."""

    name: str
    regex: str
    score: float
    anchor: str | None = None  # a regex of the anchor list's words (`anchored.AnchoredRegex`), if the file names one


@dataclass(frozen=True)
class RecognizerSpec:
    """Everything one recognizer file declares."""

    entity: str
    placeholder: str
    recognizer: str
    case_sensitive: bool
    patterns: tuple[PatternSpec, ...]
    context: tuple[str, ...]
    options: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)
    source: str = ""

    @property
    def regex_flags(self) -> int:
        """Flags for Presidio's matcher; case-insensitive only where the file asks."""
        flags = regex.DOTALL | regex.MULTILINE
        return flags if self.case_sensitive else flags | regex.IGNORECASE


def alternation(entries: list[str]) -> str:
    """A non-capturing group matching any of the literal entries, longer ones first.

    Written as a trie ("Day(?:\\s+Nursery)?" rather than "Day\\s+Nursery|Day"): the same matches, but a
    list of a few hundred words shares its prefixes, so the matcher tries each letter once instead of every
    entry in turn at every position (the school and venue lists were most of the recognizers' time)."""
    trie: dict = {}
    for entry in sorted(set(map(str, entries))):
        node = trie
        for unit in _units(entry):
            node = node.setdefault(unit, {})
        node[""] = {}
    return "(?:" + _trie_group(trie) + ")"  # one group, whatever quantifier the pattern puts after it


def _units(entry: str) -> list[str]:
    """An entry's regex units: each character escaped, a space as a run of whitespace."""
    return [r"\s+" if ch == " " else regex.escape(ch) for ch in entry]


def _depth(node: dict) -> int:
    return max((1 + _depth(child) for unit, child in node.items() if unit), default=0)


def _trie_group(node: dict) -> str:
    """A trie node as a group: the longest continuations first, ending here last (greedy, as longest first)."""
    branches = sorted((unit for unit in node if unit), key=lambda u: (-_depth(node[u]), u))
    parts = [unit + _trie_group(node[unit]) for unit in branches]
    if not parts:
        return ""
    body = "(?:" + "|".join(parts) + ")"
    return body + "?" if "" in node else body


@lru_cache(maxsize=256)
def _cached_alternation(entries: tuple[str, ...]) -> str:
    return alternation(list(entries))


def expand(pattern: str, lists: dict[str, list[str]], source: str = "", fragments: dict[str, str] | None = None) -> str:
    """Replace every `<<name>>` in a pattern with the alternation of that list, or with a named regex
    fragment of the file (itself expanded first; `fill_template`)."""
    used = pattern + "".join((fragments or {}).values())
    # only the lists the pattern names: a shared list of a few thousand words (`months_abroad`) is not rebuilt for
    # every pattern of every file
    values = {name: _cached_alternation(tuple(entries)) for name, entries in lists.items() if f"<<{name}>>" in used}
    for name, fragment in (fragments or {}).items():
        values[name] = "(?:" + fill_template(fragment, values, source) + ")"
    return fill_template(pattern, values, source)


def shared_lists() -> dict[str, list[str]]:
    """Word lists every recognizer file may name without listing them: `<<months>>`, every written
    form of a month (the calendar of pipeline.lexicon, models/dates/lexicon.yaml), `<<months_abroad>>`,
    every language's month words in dateparser's data (`month_words`), `<<countries>>`, the gazetteer's
    countries and territories (models/gazetteer/countries.txt), and `<<peoples>>`, the names of peoples,
    nations and faiths (models/names/not_people.yaml `peoples`: "Georgian", "Sikh")."""
    peoples = (load_yaml("names", "not_people.yaml") or {}).get("peoples") or []
    return {
        "months": list(calendar().months),
        "months_abroad": sorted(months_abroad()),
        "countries": read_lines("gazetteer", "countries.txt"),
        "peoples": _flat(peoples),
    }


def engine_config() -> dict[str, Any]:
    """The analyzer-wide settings (threshold, context enhancer, recognizer files)."""
    return load_yaml(CONFIG_DIR, ENGINE_FILE)


def load_spec(filename: str) -> RecognizerSpec:
    """Parse one recognizer file, expanding list references in its patterns."""
    data = dict(load_yaml(CONFIG_DIR, filename))
    lists = {**shared_lists(), **{name: _flat(entries) for name, entries in (data.get("lists") or {}).items()}}
    # `fragments`: named pieces of regex that several patterns share ("a house name before the number"), written
    # once; a fragment may use the lists and the fragments before it
    fragments = {str(k): str(v) for k, v in (data.get("fragments") or {}).items()}
    patterns = tuple(
        PatternSpec(
            name=p["name"],
            regex=expand(p["regex"], lists, filename, fragments),
            score=float(p["score"]),
            anchor=_anchor(p, lists),
        )
        for p in data.get("patterns") or []
    )
    known = {"entity", "placeholder", "recognizer", "case_sensitive", "patterns", "context", "fragments"}
    return RecognizerSpec(
        entity=data["entity"],
        placeholder=data["placeholder"],
        recognizer=data.get("recognizer", "pattern"),
        case_sensitive=bool(data.get("case_sensitive", True)),
        patterns=patterns,
        context=tuple(str(c).lower() for c in data.get("context") or []),
        options={k: v for k, v in data.items() if k not in known},
        source=filename,
    )


def _anchor(pattern: dict[str, Any], lists: dict[str, list[str]]) -> str | None:
    """The alternation of the pattern's `anchor` list, when every list the pattern names before it holds only
    characters of `anchor_reach` (engine.yaml); otherwise None and the pattern is run over the whole text.

    The file promises that a match holds a word of the list and, before it, only `anchor_reach` characters
    (see `anchored`); the lists are checked here because they change more often than the pattern."""
    name = pattern.get("anchor")
    if not name:
        return None
    raw = str(pattern["regex"])
    at = raw.find(f"<<{name}>>")
    if name not in lists or at < 0:
        raise ValueError(f"pattern {pattern['name']}: anchor '{name}' is no list the pattern names")
    reach = regex.compile(str(engine_config()["anchor_reach"]) + "*")
    before = regex.findall(r"<<(\w+)>>", raw[:at])
    if any(used not in lists for used in before):  # a fragment before the anchor: its reach is not checked
        return None
    if any(not reach.fullmatch(str(entry)) for used in before for entry in lists.get(used, ())):
        return None
    return alternation(lists[name])


def _flat(entries: list) -> list[str]:
    """A list's entries, with groups written as inner lists (one per language, say) flattened into one list."""
    return [str(w) for entry in entries for w in (entry if isinstance(entry, list) else [entry])]


def all_specs() -> list[RecognizerSpec]:
    """Every recognizer declared in engine.yaml, in priority order."""
    return [load_spec(name) for name in engine_config()["recognizers"]]
