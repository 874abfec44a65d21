"""The author's key: who is who, as role codes and the names they go by.

A key file is YAML (format in the design)::

    people:
      - code: EM
        role: "Child E's mother"
        names: [Jade Kershaw, Jade, Ms Kershaw]
        gender: female        # optional; else read from titles or the role

It maps real names to codes, so it is as sensitive as the draft itself.  We
validate it strictly because a silent mistake here leaves a real name in a
published review: a missing code, a duplicate code or one name listed under
two people is an error that names the entry (exit 2 via `UnusableInput`).
Error messages name the entry by its position and code, never by the real
names in it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from ..errors import UnusableInput
from ..lexicon import gendered_words
from ..lexicon import title_genders as lexicon_title_genders
from ..regex_cache import whole_phrase
from ..resources import load_yaml

GENDERS = ("female", "male")
_GENDER_ALIASES = {
    "f": "female",
    "female": "female",
    "woman": "female",
    "girl": "female",
    "m": "male",
    "male": "male",
    "man": "male",
    "boy": "male",
}
# Codes are printed into reports, HTML pages and Word files: letters, digits, spaces and . ' ’ - ( ) / only,
# so that a code can never be markup ("<b>") or break the output it is written into.
CODE_RE = re.compile(r"^[^\W_][\w .'’()/-]{0,40}$")


class KeyFileError(UnusableInput):
    """The key file cannot be used: unreadable, malformed or inconsistent."""


@dataclass(frozen=True)
class Person:
    """One entry of the key: a role code and the names that person goes by."""

    code: str
    role: str = ""
    names: tuple[str, ...] = ()
    gender: str | None = None  # "female", "male" or None (unknown)
    index: int = 0  # 1-based position in the key file, for messages
    child: bool = False  # a child of the family (from `child:` or the role's head word)


@dataclass(frozen=True)
class Key:
    """A validated key: people in file order, plus where it came from."""

    people: tuple[Person, ...]
    path: Path | None = None
    sha256: str | None = None
    extra_codes: tuple[str, ...] = field(default=())

    def codes(self) -> list[str]:
        """Every code the key declares (people first, then `codes:` extras)."""
        return [p.code for p in self.people] + [c for c in self.extra_codes if c not in self.by_code()]

    def by_code(self) -> dict[str, Person]:
        return {p.code: p for p in self.people}

    def __len__(self) -> int:
        return len(self.people)


def normalise_name(name: str) -> str:
    """Case-, space- and dot-insensitive form used to spot duplicates."""
    name = name.replace("’", "'").replace("\u00a0", " ")
    name = re.sub(r"[.\s]+", " ", name).strip().casefold()
    return re.sub(r"\s*[-‐‑–]\s*", "-", name)


@lru_cache(maxsize=1)
def _gender_words() -> dict[str, str]:
    return {word.casefold(): gender for gender in GENDERS for word in gendered_words(gender, with_titles=False)}


@lru_cache(maxsize=1)
def title_genders() -> dict[str, str | None]:
    """Honorific -> gender (None when the title says nothing), from models/lexicon/titles.yaml."""
    return dict(lexicon_title_genders())


@lru_cache(maxsize=1)
def _role_words() -> dict:
    return load_yaml("pseudonymise", "role_words.yaml") or {}


def role_head(role: str) -> str:
    """The words that say what the person is: "Child E's older sibling" -> "older sibling"."""
    head = re.split(r"['’]s\b", role)[-1] if re.search(r"['’]s\b", role) else role
    tails = [re.escape(w) for w in _role_words().get("tail_words", [])]
    if tails:
        head = re.split(r"\s(?:" + "|".join(tails) + r")(?:\s|$)", head, maxsplit=1)[0]
    return head.strip()


def infer_child(role: str) -> bool:
    """Whether the role's head names a child ("older sibling", "Child who is the subject")."""
    head = role_head(role).casefold()
    return any(whole_phrase(w.casefold()).search(head) for w in _role_words().get("child", []))


def infer_gender(names: Iterable[str], role: str) -> str | None:
    """Gender from a gendered title among the names, else from role words ("mother")."""
    titles = {t.casefold().rstrip("."): g for t, g in title_genders().items() if g}
    found = {
        titles[w.casefold().rstrip(".")] for n in names for w in n.split()[:1] if w.casefold().rstrip(".") in titles
    }
    if len(found) == 1:
        return found.pop()
    words = _gender_words()
    role_l = (role_head(role) or role).casefold().replace("’", "'")
    # the role describes the person ("Child E's mother"): its last gendered word wins
    hits = [(m.start(), words[m.group(0)]) for w in words for m in whole_phrase(w).finditer(role_l)]
    if hits:
        return max(hits)[1]
    return _gender_from_name_words(names)


@lru_cache(maxsize=1)
def _gendered_name_words() -> dict[str, str]:
    """Words inside a name that say its bearer's sex (models/names/gendered_name_words.yaml)."""
    data = load_yaml("names", "gendered_name_words.yaml")
    return {str(w).casefold(): g for g in ("female", "male") for w in data.get(g, ())}


def _gender_from_name_words(names: Iterable[str]) -> str | None:
    """ "Manjit Kaur Gill" is a woman, "Harjinder Singh Gill" a man: a word after the first name of a
    listed name that only one sex carries (never the first word: "Singh" may be a surname alone)."""
    marks = _gendered_name_words()
    found = {marks[w.casefold()] for n in names for w in n.split()[1:] if w.casefold() in marks}
    return found.pop() if len(found) == 1 else None


def _entry_label(index: int, code: Any) -> str:
    return f"entry {index} (code {code!r})" if code not in (None, "") else f"entry {index}"


def _as_names(raw: Any, label: str) -> tuple[str, ...]:
    if raw is None:
        raise KeyFileError(f"{label}: no names listed (give `names: [...]`)")
    if isinstance(raw, str):
        raw = [raw]
    if not isinstance(raw, list) or not raw:
        raise KeyFileError(f"{label}: `names` must be a non-empty list of strings")
    names = []
    for position, name in enumerate(raw, 1):
        if not isinstance(name, str) or not name.strip():
            raise KeyFileError(f"{label}: name {position} is empty or not text")
        names.append(" ".join(name.split()))
    return tuple(names)


def _as_gender(raw: Any, label: str) -> str | None:
    if raw in (None, "", "unknown", "other", "none"):
        return None
    gender = _GENDER_ALIASES.get(str(raw).strip().casefold())
    if gender is None:
        raise KeyFileError(f"{label}: gender must be female, male or unknown")
    return gender


def parse_key(data: Any, source: str = "key", path: Path | None = None, sha256: str | None = None) -> Key:
    """Validate parsed YAML and build a `Key`; raise `KeyFileError` naming the bad entry."""
    if data is None:
        raise KeyFileError(f"{source}: the key file is empty")
    if isinstance(data, list):  # a bare list of people is accepted too
        data = {"people": data}
    if not isinstance(data, dict) or "people" not in data:
        raise KeyFileError(f"{source}: expected a mapping with a `people:` list")
    raw_people = data["people"]
    if not isinstance(raw_people, list) or not raw_people:
        raise KeyFileError(f"{source}: `people` must be a non-empty list")
    people: list[Person] = []
    code_owner: dict[str, int] = {}
    name_owner: dict[str, tuple[int, str]] = {}
    for index, entry in enumerate(raw_people, 1):
        if not isinstance(entry, dict):
            raise KeyFileError(f"{source}: {_entry_label(index, None)} is not a mapping (code, role, names)")
        code = entry.get("code")
        label = _entry_label(index, code)
        if code is None or not str(code).strip():
            raise KeyFileError(f"{source}: {label} has no code")
        code = " ".join(str(code).split())
        if not CODE_RE.match(code):
            raise KeyFileError(
                f"{source}: {label}: a code must start with a letter or digit and use only letters, "
                "digits, spaces and . ' ’ - ( ) / (at most 41 characters)"
            )
        if code in code_owner:
            raise KeyFileError(f"{source}: {label} repeats the code of entry {code_owner[code]}")
        code_owner[code] = index
        role = entry.get("role") or ""
        if not isinstance(role, str):
            raise KeyFileError(f"{source}: {label}: role must be text")
        names = _as_names(entry.get("names", entry.get("name")), f"{source}: {label}")
        for position, name in enumerate(names, 1):
            norm = normalise_name(name)
            if norm == normalise_name(code):
                raise KeyFileError(f"{source}: {label}: name {position} is the code itself")
            owner = name_owner.get(norm)
            if owner and owner[0] != index:
                raise KeyFileError(
                    f"{source}: {label}: name {position} is also listed under entry {owner[0]} "
                    f"(code {owner[1]!r}); one name cannot belong to two people"
                )
            name_owner[norm] = (index, code)
        gender = _as_gender(entry.get("gender"), f"{source}: {label}") or infer_gender(names, role)
        child = entry.get("child")
        if child is not None and not isinstance(child, bool):
            raise KeyFileError(f"{source}: {label}: child must be true or false")
        child = infer_child(role) if child is None else child
        people.append(Person(code=code, role=role.strip(), names=names, gender=gender, index=index, child=child))
    extra = data.get("codes") or []
    if not isinstance(extra, list) or not all(isinstance(c, str) for c in extra):
        raise KeyFileError(f"{source}: `codes` must be a list of role codes")
    codes = {p.code for p in people}
    for person in people:  # a listed name must not be another person's code
        for position, name in enumerate(person.names, 1):
            if name in codes:
                raise KeyFileError(
                    f"{source}: {_entry_label(person.index, person.code)}: name {position} is another entry's code"
                )
    return Key(people=tuple(people), path=path, sha256=sha256, extra_codes=tuple(c.strip() for c in extra if c.strip()))


def _warn_if_shared(path: Path) -> None:
    """One line on stderr when others on the machine can read or change the key (it holds real names)."""
    import os
    import stat
    import warnings

    if os.name != "posix":
        return
    mode = stat.S_IMODE(path.stat().st_mode)
    if mode & 0o077:
        who = ", ".join(w for w, bits in (("group", 0o070), ("others", 0o007)) if mode & bits)
        warnings.warn(
            f"key file {path} can be read or written by {who} (mode {mode:04o}); it holds real names: chmod 600 {path}",
            stacklevel=3,
        )


class _UniqueKeyLoader(yaml.SafeLoader):
    """The safe loader, refusing a field given twice in one mapping: YAML keeps the last one silently, so
    "code: EM … code: HV" in one entry would code the person HV without a word."""

    def construct_mapping(self, node, deep=False):
        seen: set = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"the field {key!r} is given twice in one entry", key_node.start_mark
                )
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


def load_key(path: str | Path) -> Key:
    """Read and validate a key file (YAML)."""
    import hashlib

    path = Path(path)
    if not path.is_file():
        raise KeyFileError(f"key file {path} does not exist or is not a file")
    _warn_if_shared(path)
    raw = path.read_bytes()
    if not raw.strip():
        raise KeyFileError(f"key file {path}: the file is empty")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise KeyFileError(f"key file {path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from exc
    try:
        data = yaml.load(text, Loader=_UniqueKeyLoader)  # noqa: S506 (a SafeLoader subclass)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or "invalid YAML"
        raise KeyFileError(f"key file {path}: malformed YAML{where}: {problem}") from exc
    return parse_key(data, source=f"key file {path}", path=path, sha256=hashlib.sha256(raw).hexdigest())
