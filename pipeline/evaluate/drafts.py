"""Marked-up fictional drafts: the source format and the gold generated from it.

A draft source file `corpus/drafts/<name>.md.src` (and, held out,
`corpus/drafts_blind/<name>.md.src`) is what an author would send us with
every mention annotated inline, so the evaluation's gold is *generated* from
the same file as the draft and cannot drift from it.

Format::

    ---
    key:                              # the key as the author wrote it
      - code: KM                      # (people deliberately left out of it
        role: "Child K's mother"      #  are marked [[?id|...]] below)
        names: [Katarzyna Nowak, Kasia, Ms Nowak]
    ---
    Body text.  [[KM|Kasia]]'s flat ... [[?gp1|Dr Okafor]] ...
    [[#POSTCODE|M13 9PL]] ... [[!|Leigh]] ...

Markup in the body (`surface` is written exactly as it appears in the draft;
it may hold spaces, dots, apostrophes and a line break, never `]]` or `|`):

- `[[CODE|surface]]`  a mention of key person CODE (any form: full name,
  first name, title + surname, initials, nickname, misspelling, ASCII-folded,
  lower-case slip).  A possessive stays outside: `[[KM|Kasia]]'s`.
- `[[?id|surface]]`   a mention of a person NOT in the key; gold is one
  `[PERSON-n]` per id (same n for every mention of the id).
- `[[#TYPE|surface]]` a structured identifier; TYPE is one of `ID_TYPES`
  (the placeholders of `pipeline.deid.recognizers.PLACEHOLDERS`).
- `[[!|surface]]`     a trap: text that must stay unchanged.

Use as a module (`parse_source`, `load_source`, `source_paths`, `problems`);
`python bench/drafts.py` prints a summary of each source.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from pipeline.evaluate.paths import CORPUS

DRAFTS_DIR = CORPUS / "drafts"
BLIND_DIR = CORPUS / "drafts_blind"
SUFFIX = ".md.src"

ID_TYPES = (
    "NHS_NUMBER",
    "NI_NUMBER",
    "POSTCODE",
    "PHONE",
    "EMAIL",
    "DATE_OF_BIRTH",
    "ADDRESS",
    "SCHOOL",
    "NURSERY",
    "CASE_REF",
    "SOCIAL_HANDLE",
    "VEHICLE_REG",
)
KINDS = ("key", "unknown", "id", "keep")  # [[CODE|..]], [[?id|..]], [[#TYPE|..]], [[!|..]]

MARK_RE = re.compile(r"\[\[([^|\[\]\n]*)\|([^|\[\]]*)\]\]")
CODE_RE = re.compile(r"^[A-Z][A-Za-z0-9]{0,11}(?: [A-Z0-9]{1,3})?$")  # "KM", "SW2", "Child K"
UNKNOWN_ID_RE = re.compile(r"^[a-z][a-z0-9_]{0,30}$")
FRONT_RE = re.compile(r"\A---[ \t]*\n(.*?)\n---[ \t]*\n", re.DOTALL)
NAME_WORD_RE = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


class SourceError(ValueError):
    """A draft source that cannot be read (bad front matter or markup)."""


@dataclass(frozen=True)
class GoldSpan:
    """One marked stretch of the draft text, by character offsets."""

    start: int
    end: int
    kind: str  # key / unknown / id / keep
    label: str  # the code, the unknown id, the identifier type, or "" for a trap
    surface: str

    @property
    def is_person(self) -> bool:
        return self.kind in ("key", "unknown")


@dataclass
class Draft:
    """A draft generated from its source: text without markup, key, gold spans."""

    name: str
    text: str
    key: list[dict[str, Any]]
    spans: list[GoldSpan] = field(default_factory=list)
    front: dict[str, Any] = field(default_factory=dict)

    def key_yaml(self) -> str:
        """The key file `scr pseudonymise --key` reads."""
        return yaml.safe_dump({"people": self.key}, allow_unicode=True, sort_keys=False)

    def of_kind(self, *kinds: str) -> list[GoldSpan]:
        return [s for s in self.spans if s.kind in kinds]

    @property
    def people(self) -> list[GoldSpan]:
        return self.of_kind("key", "unknown")

    def codes(self) -> list[str]:
        return [str(p.get("code")) for p in self.key]


def _classify(label: str) -> tuple[str, str]:
    label = label.strip()
    if label == "!":
        return "keep", ""
    if label.startswith("?"):
        return "unknown", label[1:]
    if label.startswith("#"):
        return "id", label[1:]
    return "key", label


def _front_matter(src: str, name: str) -> tuple[dict[str, Any], str]:
    m = FRONT_RE.match(src)
    if not m:
        raise SourceError(f"{name}: no YAML front matter between '---' lines at the top")
    try:
        front = yaml.safe_load(m.group(1)) or {}
    except yaml.YAMLError as exc:
        raise SourceError(f"{name}: front matter is not valid YAML ({str(exc).splitlines()[0]})") from None
    if not isinstance(front, dict) or not isinstance(front.get("key"), list):
        raise SourceError(f"{name}: front matter needs 'key:' as a list of {{code, role, names}}")
    return front, src[m.end() :]


def parse_source(src: str, name: str = "draft") -> Draft:
    """The draft text (markup removed), its key and gold spans with exact offsets.

    The source is normalised as `scr ingest` normalises text (NFC, '\\n' line
    ends), so the offsets hold for the report the pipeline reads.
    """
    src = unicodedata.normalize("NFC", src.replace("\r\n", "\n").replace("\r", "\n"))
    front, body = _front_matter(src, name)
    parts: list[str] = []
    spans: list[GoldSpan] = []
    pos = length = 0
    for m in MARK_RE.finditer(body):
        parts.append(body[pos : m.start()])
        length += m.start() - pos
        kind, label = _classify(m.group(1))
        surface = m.group(2)
        spans.append(GoldSpan(length, length + len(surface), kind, label, surface))
        parts.append(surface)
        length += len(surface)
        pos = m.end()
    parts.append(body[pos:])
    text = "".join(parts)
    if "[[" in text or "]]" in text:
        line = text[: text.find("[[" if "[[" in text else "]]")].count("\n") + 1
        raise SourceError(f"{name}: malformed markup near draft line {line}")
    key = [dict(p) for p in front["key"] if isinstance(p, dict)]
    return Draft(name, text, key, spans, {k: v for k, v in front.items() if k != "key"})


def load_source(path: str | Path) -> Draft:
    path = Path(path)
    name = path.name[: -len(SUFFIX)] if path.name.endswith(SUFFIX) else path.stem
    return parse_source(path.read_text(encoding="utf-8"), name)


def source_paths(blind: bool = False) -> list[Path]:
    """The committed sources, and the held-out ones with `blind`."""
    dirs = [DRAFTS_DIR] + ([BLIND_DIR] if blind else [])
    return [p for d in dirs if d.is_dir() for p in sorted(d.glob("*" + SUFFIX))]


# ---------------------------------------------------------------- checks
@lru_cache(maxsize=1)
def _titles() -> frozenset[str]:
    """Titles ("Ms", "Dr", "DC", "Nurse"…), religious callings ("Pastor", "Imam") and kinship honorifics
    ("Uncle", "Aunty", "Baba", "Gogo") from the pipeline's data: not name words.  The honorific stays in
    the coded text ("Aunty FC2"), as a title does ("Ms FC2"); a family's honorific alone ("Gogo") is a
    word, not a name, unless the key lists it as one."""
    from pipeline.deid.keyfile import title_genders
    from pipeline.lexicon import before_name_words, title_words

    # "Little" and "Big" also start nicknames ("Big Mick"): name words
    kin = before_name_words() - {"little", "big"}
    # the callings the unlisted-name finder reads as titles ("Pastor", "Imam") stay in the coded text by design
    # ("Pastor [PERSON-2]", models/lexicon/titles.yaml `finder`): no name word either
    callings = title_words(finder=True, casefold=True)
    return frozenset(t.casefold() for t in title_genders()) | kin | FAMILY_ADDRESS | callings


# What a family calls a parent or grandparent in English ("Mama hid", "I got Dad", "Nan Comfort"): a word
# that points at nobody outside the family, so a mention left as "Dad" or "Nan" leaves no name (the name
# in "Nan Comfort" still counts).  "Nana" also opens Akan names ("Nana Akua"), whose other word counts.
FAMILY_ADDRESS = frozenset(
    "mum mummy mam mammy mom mommy mama ma dad daddy papa pa nan nana nanna nanny gran granny grandma grandad "
    "granddad grandpa".split()
)
# words that may stand before a family word in a mention that is no name ("Old Nan", "Little Mum")
FAMILY_ADJECTIVES = frozenset({"old", "little", "big", "young"})


def name_words(surface: str, titles: AbstractSet[str] | None = None) -> list[str]:
    """The words of a person surface that are name (not titles, not single letters)."""
    titles = _titles() if titles is None else titles
    return [w for w in NAME_WORD_RE.findall(surface) if len(w) > 1 and w.casefold() not in titles]


def _unmarked_occurrences(draft: Draft, needle: str) -> list[int]:
    """Where `needle` occurs as a whole word outside every marked span (case-sensitive)."""
    rx = re.compile(rf"(?<!\w){re.escape(needle)}(?!\w)")
    marked = [(s.start, s.end) for s in draft.spans]
    return [m.start() for m in rx.finditer(draft.text) if not any(s < m.end() and m.start() < e for s, e in marked)]


def problems(draft: Draft) -> list[str]:
    """Annotation slips: bad codes or types, markup that names no key person, a
    marked identifier or person's surface (or a capitalised name word of a
    person's surface) left unmarked elsewhere."""
    out = []
    codes = draft.codes()
    for i, p in enumerate(draft.key, 1):
        if not CODE_RE.match(str(p.get("code", ""))):
            out.append(f"key entry {i}: code {p.get('code')!r} is not well formed")
        if not isinstance(p.get("names"), list) or not p["names"]:
            out.append(f"key entry {i} ({p.get('code')}): names must be a non-empty list")
    for c in sorted({c for c in codes if codes.count(c) > 1}):
        out.append(f"code {c} appears twice in the key")
    seen_names: dict[str, Any] = {}
    for p in draft.key:
        for n in p.get("names") or []:
            folded = str(n).casefold()
            if folded in seen_names and seen_names[folded] != p.get("code"):
                out.append(f"name form of {p.get('code')} also listed under {seen_names[folded]}")
            seen_names[folded] = p.get("code")
    titles = _titles()
    checked: set[str] = set()
    for s in draft.spans:
        where = f"offset {s.start}"
        if not s.surface.strip():
            out.append(f"{where}: empty surface")
        if s.kind == "key" and s.label not in codes:
            out.append(f"{where}: code {s.label!r} is not in the key")
        elif s.kind == "unknown" and not UNKNOWN_ID_RE.match(s.label):
            out.append(f"{where}: unknown id {s.label!r} must be lower-case letters, digits, _")
        elif s.kind == "id" and s.label not in ID_TYPES:
            out.append(f"{where}: identifier type {s.label!r} is not one of {', '.join(ID_TYPES)}")
        if s.kind == "keep":
            continue
        needles = {s.surface}
        if s.is_person:
            needles |= {w for w in name_words(s.surface, titles) if w[0].isupper()}
        for needle in needles - checked:
            checked.add(needle)
            hits = _unmarked_occurrences(draft, needle)
            if hits:
                out.append(
                    f"{s.label or s.kind}: surface word {needle!r} also occurs unmarked "
                    f"at offset {hits[0]} ({len(hits)}x)"
                )
    return out
