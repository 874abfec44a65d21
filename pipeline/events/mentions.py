"""Who is named in a sentence: role codes, agencies and uncoded practitioner roles.

Role codes are labelled ROLE by the `role_codes` EntityRuler in pipeline/nlp.py;
agencies come from models/agencies.yaml plus the report's own organisation
abbreviations ("Staffordshire Children's Services (Staffordshire CS)"), and
uncoded roles ("the midwife") from the same file.  `sentence_mentions` layers
them token by token, most specific last, for the roles (roles.py) to read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span, Token

from ..nlp import ROLE_LABEL
from .candidates import DAY_RE
from .vocabulary import action_data, agency_data, calendar

# "Staffordshire Children's Services (Staffordshire CS)": a long name the report
# shortens itself, with the short form keeping a place ("Place ABBR").
LONG_SHORT_RE = re.compile(r"((?:[A-Z][\w'’]+\s+){1,6}[A-Z][\w'’]+)\s+\(((?:[A-Z][a-z]+\s+)+[A-Z]{2,6})\)")
PLACE_STOP = {
    "on",
    "in",
    "at",
    "by",
    "from",
    "the",
    "a",
    "an",
    "and",
    "but",
    "when",
    "whilst",
    "while",
    "during",
    "following",
    "then",
    "that",
    "this",
    "after",
    "before",
    "both",
    "with",
    "to",
    "of",
}


@dataclass(frozen=True)
class Mention:
    """An actor or agency named in the text: character span and label."""

    start: int
    end: int
    label: str
    kind: str  # "role", "named_agency", "agency" or "generic"


def _word_regex(words, case_sensitive: bool) -> re.Pattern | None:
    words = sorted({w for w in words if w}, key=len, reverse=True)
    if not words:
        return None
    body = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
    return re.compile(rf"(?<![\w&])(?:{body})(?:s|'s|’s)?(?![\w&])", 0 if case_sensitive else re.IGNORECASE)


class AgencyFinder:
    """Finds agencies and uncoded roles in text, with a report's own abbreviations."""

    def __init__(self, report=None):
        data = agency_data()
        self.names: dict[str, str] = {}
        self.specific: set[str] = set()  # the report's own organisation names
        exact, loose = [], []
        for agency in data["agencies"]:
            for abbr in agency.get("abbreviations", []):
                self.names[abbr] = agency["name"]
                exact.append(abbr)
            for alias in agency.get("aliases", []):
                self.names[alias.lower()] = agency["name"]
                loose.append(alias)
        heads = {h.lower() for h in data["org_heads"]}
        codes = set(report.codes()) if report is not None else set()
        for abbreviation in getattr(report, "abbreviations", []) or []:
            last = abbreviation.expansion.split()[-1].lower() if abbreviation.expansion.split() else ""
            if last in heads and abbreviation.abbr not in codes:
                self.names[abbreviation.abbr] = abbreviation.abbr
                self.names[abbreviation.expansion.lower()] = abbreviation.abbr
                self.specific.update({abbreviation.abbr, abbreviation.expansion, abbreviation.expansion.lower()})
                exact.extend([abbreviation.abbr, abbreviation.expansion])
        text = getattr(report, "text", "") or ""
        for long_form, short in LONG_SHORT_RE.findall(text):
            if long_form.split()[-1].lower() in heads or self._is_alias(long_form):
                self.names[long_form] = short
                self.names[short] = short
                self.specific.update({long_form, short})
                exact.extend([long_form, short])
        self.abbreviation_of = {
            a.expansion.lower(): a.abbr for a in getattr(report, "abbreviations", []) or [] if a.abbr not in codes
        }
        self.role_expansions: dict[str, str] = {}
        for abbreviation in getattr(report, "abbreviations", []) or []:
            if abbreviation.abbr in codes:
                self.role_expansions[abbreviation.expansion.lower()] = abbreviation.abbr
        for code in codes:  # "allocated to a Family Court Advisor (CG)"
            pattern = rf"((?:[A-Z][\w'’-]*\s+){{0,4}}[A-Z][\w'’-]*)\s+\({re.escape(code)}\)"
            for long_form in re.findall(pattern, text):
                words = long_form.split()
                while words and words[0].lower() in PLACE_STOP:
                    words = words[1:]
                if len(words) >= 2:
                    self.role_expansions.setdefault(" ".join(words).lower(), code)
        for phrase, code in _key_roles(report).items():
            self.role_expansions.setdefault(phrase, code)
        self.role_expansion_regex = _word_regex(list(self.role_expansions), False)
        self.exact = _word_regex(exact, True)
        self.loose = _word_regex(loose, False)
        self.roles: dict[str, str] = {}
        self.fixed_labels: set[str] = set()
        for role in data["roles"]:
            for alias in role["aliases"]:
                self.roles[alias.lower()] = role["label"]
            if role.get("keep_label"):
                self.fixed_labels.add(role["label"])
        self.role_regex = _word_regex(list(self.roles), False)

    def _is_alias(self, phrase: str) -> bool:
        lowered = phrase.lower()
        return any(lowered.endswith(" " + alias) for alias in self.names if alias.islower() and " " in alias)

    def coded_roles(self, text: str, offset: int = 0) -> list[Mention]:
        """A coded role written out in full ("the Young Parents Midwife (YPMW)",
        "the supervising social worker" for "FCSSW – EFC Supervising Social
        Worker").  A place written before it ("the Staffordshire social worker")
        makes it someone else."""
        if self.role_expansion_regex is None:
            return []
        found = []
        for m in self.role_expansion_regex.finditer(text):
            key = re.sub(r"(?:'s|’s)$", "", m.group()).lower()
            if key not in self.role_expansions:
                continue
            before = re.search(r"([A-Z][\w'’-]*)\s+$", text[max(0, m.start() - 40) : m.start()])
            if before and before.group(1).lower() not in PLACE_STOP and not before.group(1).isupper():
                continue
            found.append(Mention(m.start() + offset, m.end() + offset, self.role_expansions[key], "role"))
        return found

    def _name(self, surface: str) -> str:
        known = surface in self.names or surface.lower() in self.names
        key = surface if known else re.sub(r"(?:'s|’s|s)$", "", surface)
        return self.names.get(key) or self.names.get(key.lower()) or self.names.get(surface.lower()) or surface

    @staticmethod
    def _qualifier(text: str, start: int) -> str:
        """Capitalised place words written just before an agency ("Stockport")."""
        before = re.split(r"[\n\t|]", text[max(0, start - 60) : start])[-1]
        match = re.search(r"((?:[A-Z][a-z][\w'’-]*\s+){1,3})$", before)
        if not match:
            return ""
        kept: list[str] = []
        for word in match.group(1).split():
            kept = [] if word.lower() in PLACE_STOP else kept + [word]
        return " ".join(kept)

    def agencies(self, text: str, offset: int = 0) -> list[Mention]:
        found: list[Mention] = []
        for regex in (self.exact, self.loose):
            if regex is None:
                continue
            for match in regex.finditer(text):
                start, end = match.span()
                if any(not (end <= m.start - offset or start >= m.end - offset) for m in found):
                    continue
                name = self._name(match.group())
                specific = match.group() in self.specific or match.group().lower() in self.specific
                qualifier = "" if specific else self._qualifier(text, start)
                label = f"{qualifier} {match.group()}".strip() if qualifier else name
                q_start = start - (len(qualifier) + 1 if qualifier else 0)
                kind = "agency" if not (specific or qualifier) else "named_agency"
                found.append(Mention(q_start + offset, end + offset, label, kind))
        return found

    def generic_roles(self, text: str, offset: int = 0) -> list[Mention]:
        found: list[Mention] = []
        if self.role_regex is None:
            return found
        for match in self.role_regex.finditer(text):
            surface = re.sub(r"(?:'s|’s)$", "", match.group()).lower()
            label = self.roles.get(surface) or self.roles.get(surface.rstrip("s"))
            if label:
                found.append(Mention(match.start() + offset, match.end() + offset, label, "generic"))
        return found


def _key_roles(report) -> dict[str, str]:
    """Role phrases of the key's practitioner descriptions, where only one code has it.

    "FCSSW – EFC Supervising Social Worker" -> "supervising social worker";
    "ESW – Social Worker for Child E" -> "social worker"; "OHV1 – Oldham Health
    Visitor 1" and "OHV2 – Oldham Health Visitor 2" share a phrase and give none.
    """
    phrases: dict[str, set[str]] = {}
    for entry in getattr(report, "key", []) or []:
        if entry.kind != "practitioner":
            continue
        words = re.split(r"\s+(?:for|to|of|with)\s+", entry.description.strip())[0].split()
        while words and (words[0].isupper() or words[0].lower() in PLACE_STOP):
            words = words[1:]
        while words and re.fullmatch(r"\d+|[A-Z]", words[-1]):
            words = words[:-1]
        if len(words) >= 2:
            phrases.setdefault(" ".join(words).lower(), set()).add(entry.code)
    return {phrase: next(iter(codes)) for phrase, codes in phrases.items() if len(codes) == 1}


def _as_written(span: Span, mentions_kind: str) -> str:
    """An uncoded role as the report writes it, with its qualifiers ("NNU Matron")."""
    head = next((t for t in reversed(span) if t.text not in ("'s", "’s")), span[-1])
    words = {t.i: t for t in span if t.text not in ("'s", "’s") and t.dep_ not in ("det", "poss")}
    words[head.i] = head
    stack = [c for c in head.lefts if c.dep_ in ("compound", "amod", "nmod")]
    while stack:
        child = stack.pop()
        if child.pos_ in ("DET", "PRON", "NUM") or child.dep_ == "poss" or is_date_word(child):
            continue
        if child.lower_ in action_data()["role_qualifier_stop"]:
            continue
        words[child.i] = child
        stack.extend(c for c in child.lefts if c.dep_ in ("compound", "amod", "nmod"))
    ordered = [words[i] for i in sorted(words)]
    # only a contiguous run that ends at the head
    run = [ordered[-1]]
    for token in reversed(ordered[:-1]):
        if token.i != run[0].i - 1:
            break
        run.insert(0, token)
    # a word only: "midwife.[^1]" (a token with a footnote glued on) -> "midwife"
    parts = [_word_part(t.text) for t in run if t.pos_ != "DET"]
    label = " ".join(w for w in parts if w)
    # "the sister on NNU", "a nurse from the NNU" -> "NNU sister"
    for prep in (c for c in head.rights if c.dep_ == "prep" and c.lower_ in ("on", "at", "from", "in")):
        place = next((p for p in prep.children if p.dep_ == "pobj"), None)
        if place is not None and place.text.isupper() and len(place.text) >= 2 and len(run) == 1:
            label = f"{place.text} {label}"
    return label


def _word_part(text: str) -> str:
    """The word a token starts with ("midwife" of "midwife.[^1]")."""
    match = re.match(r"[\w'’-]*", text)
    return match.group() if match else ""


def sentence_mentions(sent: Span, finder: AgencyFinder) -> dict[int, Mention]:
    """Token index -> mention, for role codes, agencies and uncoded roles.

    Role codes win over named agencies ("Greater Manchester Police (GMP)",
    "Stockport CSC"), those over uncoded roles, and uncoded roles over generic
    agencies, so that "the health visitor" is a person (not the health visiting
    service) while "GMP" stays GMP.
    """
    doc = sent.doc
    by_token: dict[int, Mention] = {}
    text = sent.text
    agencies = finder.agencies(text, sent.start_char)
    layers = [
        [m for m in agencies if m.kind == "agency"],
        finder.generic_roles(text, sent.start_char),
        [m for m in agencies if m.kind == "named_agency"],
    ]
    layers.append([*finder.coded_roles(text, sent.start_char), *_role_mentions(sent)])
    for layer in layers:
        for mention in layer:
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is None:
                continue
            if mention.kind == "generic" and mention.label not in finder.fixed_labels:
                mention = Mention(mention.start, mention.end, _as_written(span, mention.kind), "generic")
            for token in span:
                if token.text in ("'s", "’s"):
                    continue
                by_token[token.i] = mention
    return by_token


def _role_mentions(sent: Span) -> list[Mention]:
    """Role codes tagged ROLE by the EntityRuler, read from the tokens.

    (`Span.ents` walks every entity of the Doc on each call; per-token entity
    attributes keep this linear in the sentence.)
    """
    found: list[Mention] = []
    current: list[Token] = []
    for token in [*sent, None]:
        if token is not None and token.ent_type_ == ROLE_LABEL and not (current and token.ent_iob_ == "B"):
            current.append(token)
            continue
        if current:
            first, last = current[0], current[-1]
            label = first.ent_id_ or sent.doc[first.i : last.i + 1].text
            found.append(Mention(first.idx, last.idx + len(last.text), label, "role"))
            current = []
        if token is not None and token.ent_type_ == ROLE_LABEL:
            current.append(token)
    return found


def agencies_in(sent_text: str, offset: int, finder: AgencyFinder) -> list[str]:
    return unique(m.label for m in finder.agencies(sent_text, offset))


def unique(items) -> list:
    seen, out = set(), []
    for item in items:
        if item and item not in seen:
            seen.add(item)
            out.append(item)
    return out


def org_phrase(token: Token) -> str | None:
    """A proper-noun organisation named by its compound ("Fostering Solutions",
    "Pennine Care Mental Health Access service"), when its head is an `org_heads` word."""
    heads = {h.lower() for h in agency_data()["org_heads"]}
    if token.lower_ not in heads and token.lemma_.lower() not in heads:
        return None
    left = [c for c in token.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
    if not left and token.pos_ != "PROPN":
        return None
    start = min([token.i, *(t.left_edge.i for t in left)])
    words = [t for t in token.doc[start : token.i + 1] if t.dep_ != "det" and not t.is_punct]
    spaces = [n for n, t in enumerate(words) if t.is_space or "\t" in t.text]
    if spaces:  # a table cell boundary: "Hospital <tab> The hospital safeguarding team"
        words = words[spaces[-1] + 1 :]
    while words and (is_date_word(words[0]) or not words[0].text[:1].isupper()):  # "9th March Brightway..."
        words = words[1:]
    if len(words) < 2:
        return None
    return " ".join(t.text for t in words)


def is_date_word(token: Token) -> bool:
    """Part of a date ("3rd", "January", "12/07/2019"), which never belongs in an object."""
    return (
        token.ent_type_ in ("DATE", "TIME")
        or token.text.rstrip(".") in calendar().months
        or re.fullmatch(DAY_RE, token.text) is not None
        or re.fullmatch(r"[\d/.-]+", token.text) is not None
    )
