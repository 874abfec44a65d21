"""The report's key: role codes declared as "EM – Child E's mother".

Common shapes: "EM – …", "EM - …", "EM: …", "EM\t…", "EM = …", "EM   …" (PDF columns), Markdown
or tab tables ("| EM | Child E's mother |").  A line is a declaration when
its code looks like a code (capitals and digits, or "Child E"/"Baby A"), and
its description is short and names a role (words in
`models/structure/key_roles.yaml`).  Single stray matches are dropped: a key
is a run of at least two declarations, and a table counts only when most of
its rows are declarations (a panel list "LSCB ⇥ Business Manager" is not a key).

Published reviews also declare codes in prose ("her mother (referred to as
Ms A)", "who is referred to in this report as Sibling 1", and, in reviews
without a key list, "her mother (MW)", "the father, Adult 2", "Ms M, the
mother"), in tables flattened to one cell per line, and with names in place
of codes ("Jade – Mother" under "Name used in this report"): such a code is
marked `pseudonym`.  Further prose shapes (issue 13): a code in square
brackets ("the child's mother [M]"), a role label as the code ("her mother
(Mother)"), "hereafter Child W", "a family friend, known as Adult D",
"Child W, who we call Sam", coded children listed with ages ("Child A (aged
4)"), and names beside roles in the paragraph that says the names are not
the real ones.  A listed agency or professional abbreviation, a glossary, or
a numbered part of the review ("TOR1") is never a code.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from ..regex_cache import whole_phrase
from ..report import RoleKind
from ..resources import fill_template, load_yaml
from .lines import Line

CODE = (
    r"(?:(?:Child|Baby|Infant|Sibling|Adult|Young Person|Parent|Mr|Mrs|Ms|Miss|Mx)\s+[A-Z0-9][A-Za-z0-9]{0,2}"
    r"|[A-Z][A-Z0-9]{1,7}(?:\s?[0-9]{1,2})?"
    r"|(?:Mother|Father|Stepfather|Stepmother|Sibling|Partner|Grandmother|Grandfather|Brother|Sister|Uncle|Aunt)(?:\s[0-9]{1,2})?)"
)
KEY_LINE_RE = re.compile(
    rf"^\s*(?:[-*•]\s*)?\|?\s*(?P<code>{CODE})\s*(?:\s[–—-]\s?|[–—]|:|=|\t+|\s*\||[ ]{{3,}})"
    rf"\s*(?P<desc>\S.*?)\s*\|?\s*$"
)
# "Ms W (mother)", "Child J (subject)": a code with its role in brackets, in a list of such lines
CODE_ROLE_LINE_RE = re.compile(rf"^\s*(?:[-*•]\s*)?(?P<code>{CODE})\s*\((?P<desc>[^()]{{2,60}})\)\s*$")
# "Mother (M)", "Stepfather (SF)": a role with its code in brackets
ROLE_CODE_LINE_RE = re.compile(
    r"^\s*(?:[-*•]\s*)?(?P<desc>[A-Za-z][\w'’ -]{2,50}?)\s*\((?P<code>[A-Z][A-Z0-9]{0,5})\)\s*$"
)
# "Mother – Ms M", "Maternal Grandmother – Ms G", "Step-father: Mr F": a role, then its code, in a list of such lines
ROLE_DASH_CODE_LINE_RE = re.compile(
    r"^\s*(?:[-*•]\s*)?(?P<desc>[A-Za-z][\w'’ -]{2,40}?)\s*(?:\s[–—-]\s?|[–—]|:)\s*"
    r"(?P<code>(?:Mr|Mrs|Ms|Miss|Mx|Child|Baby|Sibling|Adult)\s+[A-Z0-9][A-Z0-9]{0,2}|[A-Z][A-Z0-9]{1,5})\s*\.?\s*$"
)
# "Mother        ML", "Father of Laura   FL", "Subject     Laura (not her real name)": a key set in two columns
# with the role first and the code (or the name used) last, as a PDF converter lays it out
ROLE_COLUMN_CODE_LINE_RE = re.compile(
    rf"^\s*(?:[-*•]\s*)?(?P<desc>[A-Za-z][\w'’ /-]{{1,50}}?)(?:\t+|[ ]{{3,}})"
    rf"(?P<code>{CODE}|[A-Z][a-z]{{2,}}(?:-[A-Z][a-z]+)?)"
    r"(?:\s*\(\s*(?P<mark>not\s+(?:his|her|their)\s+real\s+name|a\s+pseudonym|pseudonym)\s*\))?\s*$"
)
# "- **Jayden** – subject of the review": a name in place of a code, in a list of such lines
NAME_KEY_LINE_RE = re.compile(
    r"^\s*(?:[-*•]\s*)?(?P<mark>\*\*|__)?(?P<code>[A-Z][a-z]{2,}(?:-[A-Z][a-z]+)?)(?P=mark)?\s*(?:\s[–—-]\s|[–—]|:)\s*(?P<desc>\S.*?)\s*$"
)
MAX_DESC_WORDS = 14
MIN_RUN = 2
RUN_GAP_LINES = 6


@dataclass
class KeyLine:
    line: Line
    code: str
    code_start: int
    description: str
    kind: RoleKind
    subject: bool
    pseudonym: bool = False


def _roles() -> dict:
    return load_yaml("structure", "key_roles.yaml")


def _has_any(text: str, phrases: list[str]) -> bool:
    lowered = text.lower()
    return any(whole_phrase(p).search(lowered) for p in phrases)


def _first_at(text: str, phrases: list[str]) -> int | None:
    lowered = text.lower()
    found = [m.start() for p in phrases for m in [whole_phrase(p).search(lowered)] if m]
    return min(found) if found else None


def classify(description: str) -> tuple[RoleKind, bool] | None:
    """(kind, is_subject) for a key description, or None when it names no role.

    The role named first decides: "Social Worker for Child E" is a practitioner
    (the child comes after), "R's father and main carer" is family (the
    carer comes after).
    """
    roles = _roles()
    subject = _has_any(description, roles["subject"])
    practitioner = _first_at(description, roles["practitioner"])
    family = _first_at(description, roles["family"])
    if practitioner is not None and (family is None or practitioner <= family):
        return "practitioner", False
    if subject or family is not None:
        return "family", subject
    return None


LINE_SHAPES = (
    KEY_LINE_RE,
    CODE_ROLE_LINE_RE,
    ROLE_CODE_LINE_RE,
    ROLE_DASH_CODE_LINE_RE,
    ROLE_COLUMN_CODE_LINE_RE,
    NAME_KEY_LINE_RE,
)


def parse_key_line(line: Line, headed: bool = False) -> KeyLine | None:
    """A declaration on one line, or None: the first line shape whose description names a role.

    `headed`: the line stands under a key heading ("Key", "Names used in this report"), where a row's
    description need not name a role ("Primary School ⇥ SCH1" is a code the review uses)."""
    for pattern in LINE_SHAPES:
        m = pattern.match(line.text)
        if m is None:
            continue
        named = pattern is NAME_KEY_LINE_RE or pattern is ROLE_COLUMN_CODE_LINE_RE and is_pseudonym(m["code"])
        if named and (m["code"] in _roles()["not_pseudonyms"] or m["code"].lower() in _places()):
            continue
        found = _declaration(line, m, named, headed)
        if found is not None:
            return found
    return None


def _declaration(line: Line, m: re.Match, named: bool, headed: bool = False) -> KeyLine | None:
    description = m["desc"].strip().strip("|").strip()
    if len(description.split()) > MAX_DESC_WORDS or description.endswith((".", ";")) and len(description.split()) > 8:
        return None
    if named and (len(description.split()) > 8 or description.endswith(".")):
        return None  # a name and a sentence: prose, not a key
    kind = classify(description)
    if kind is None and headed and len(description.split()) <= 6 and not CODE_SHAPE_RE.match(description):
        kind = ("practitioner", False)  # under a key heading: a school, a service, a place the review codes
    if kind is None:
        return None
    code = re.sub(r"\s+", " ", m["code"])
    if _glossary_entry(code, description, kind[0]):
        return None
    return KeyLine(line, code, line.start + m.start("code"), description, kind[0], kind[1], is_pseudonym(code))


def _glossary_entry(code: str, description: str, kind: str) -> bool:
    """A line of a list of abbreviations ("IRO – Independent Reviewing Officer", "CAMHS – Child and Adolescent
    Mental Health Service"), not a key: the code is a listed agency or professional abbreviation
    (models/abbreviations.txt, models/agencies.yaml)."""
    return code in _agency_abbreviations() or _section_label(code)


def _section_label(code: str) -> bool:
    """A numbered part of the review ("TOR1", "KLOE 2", "Section 11"), listed in `section_label_codes`."""
    m = re.fullmatch(r"([A-Za-z]+)\s?[0-9]{1,2}[a-z]?", code)
    return m is not None and m[1] in _roles().get("section_label_codes", [])


def _glossary_block(block: list[Line]) -> bool:
    """A list of abbreviations: at least half of its "CODE – expansion" lines spell out a listed abbreviation.
    Its other lines ("LADO – Local Authority Designated Officer") are expansions too, not a key."""
    listed = [m["code"] in _agency_abbreviations() for line in block for m in [KEY_LINE_RE.match(line.text)] if m]
    return len(listed) >= 2 and sum(listed) * 2 >= len(listed)


def cells(line: Line) -> list[tuple[str, int]]:
    """Table cells of a tab- or pipe-separated row, with their start offsets."""
    sep = "|" if line.text.lstrip().startswith("|") or ("|" in line.text and "\t" not in line.text) else "\t"
    out, pos = [], 0
    for raw in line.text.split(sep):
        if raw.strip():
            out.append((raw.strip(), line.start + pos + (len(raw) - len(raw.lstrip()))))
        pos += len(raw) + 1
    return out


def code_header(cell: str) -> bool:
    """Does a column header name what a person is called ("Name", "Name in this report", "Pseudonym given",
    "Designation")?  A listed header, or a short noun phrase whose head, its first word, is a noun of naming
    (`table_headers.code_heads`): the header is read by its head, not matched whole, so a wording no key
    seen so far used still heads the key's code column."""
    cell = cell.lower().rstrip(":").strip()
    headers = _roles()["table_headers"]
    words = re.findall(r"[a-z]+", cell)
    return cell in headers["code"] or (0 < len(words) <= 6 and words[0] in headers["code_heads"])


def _is_key_header(line: Line) -> bool:
    headers = _roles()["table_headers"]
    row = [c.lower().rstrip(":") for c, _ in cells(line)]
    return (
        len(row) >= 2
        and code_header(row[0])
        and any(c in headers["description"] or c.startswith("relationship") or c.startswith("role") for c in row[1:])
    )


def key_table(block: list[Line]) -> list[KeyLine]:
    """Rows of a table whose header says it is a key ("Name used ⇥ Relationship").

    The code is the first column, the description the column headed as one
    (a "Gender" or "Age" column in between is skipped).
    """
    header = next((i for i, line in enumerate(block) if line.is_table_row and _is_key_header(line)), None)
    if header is None:
        return []
    names = [c.lower().rstrip(":") for c, _ in cells(block[header])]
    headers = _roles()["table_headers"]
    desc_col = next(
        (
            k
            for k, n in enumerate(names)
            if k and (n in headers["description"] or n.startswith(("relationship", "role")))
        ),
        1,
    )
    rows = []
    for line in block[header + 1 :]:
        row = cells(line)
        if len(row) < 2 or set(row[0][0]) <= set("-:| "):
            continue  # a Markdown separator row
        (code, code_start), (description, _) = row[0], row[min(desc_col, len(row) - 1)]
        kind, subject = classify(description) or ("practitioner", False)
        rows.append(KeyLine(line, code, code_start, description, kind, subject, is_pseudonym(code)))
    return rows


def _join_header_blocks(blocks: list[list[Line]]) -> list[list[Line]]:
    """A key table whose header row stands apart (a blank line, a caption) from its rows is one table."""
    out: list[list[Line]] = []
    for block in blocks:
        last = out[-1][-1] if out else None
        if last is not None and last.is_table_row and _is_key_header(last) and block[0].is_table_row:
            out[-1] = out[-1] + block
        else:
            out.append(block)
    return out


def find_key(lines: list[Line], blocks: list[list[Line]], skip: set[int]) -> list[KeyLine]:
    """Declarations that form a key (runs of two or more; tables mostly of declarations)."""
    candidates: list[KeyLine] = []
    blocks = _join_header_blocks(blocks)
    for block in blocks:
        declared = key_table(block)
        if declared:
            candidates.extend(declared)
            continue
        if _glossary_block(block):
            continue
        headed = _under_key_heading(block[0], lines)
        parsed = [parse_key_line(line, headed) for line in block if line.index not in skip]
        hits = [p for p in parsed if p is not None]
        if len(block) > 2 and len(hits) * 2 <= len(block):
            continue  # a table or paragraph that is mostly not a key
        candidates.extend(hits)
    kept = _in_runs(candidates)
    codes = {c.code for c in kept}
    usable = [ln for ln in lines if ln.index not in skip]
    cells = [c for c in cell_table(usable) if c.code not in codes]
    codes |= {c.code for c in cells}
    cells += [c for c in headerless_cells(usable) if c.code not in codes]
    codes |= {c.code for c in cells}
    for line in usable:
        for cell in flat_rows(line):
            if cell.code not in codes:  # the first row that declares a code keeps it
                codes.add(cell.code)
                cells.append(cell)
    return sorted(kept + cells, key=lambda c: c.line.index)  # a table under a key header needs no run


def is_key_heading(text: str) -> bool:
    """ "Key", "Key to names", "Names used in this report": a line that heads a key list (`key_headings`)."""
    bare = re.sub(r"[*_#:]+", " ", text).strip().casefold()
    return bare in {h.casefold() for h in _roles().get("key_headings", [])}


def _under_key_heading(first: Line, lines: list[Line]) -> bool:
    """Does the block start just under a key heading (blank lines between allowed)?"""
    k = first.index - 1
    while k >= 0 and lines[k].is_blank:
        k -= 1
    return k >= 0 and is_key_heading(lines[k].text)


def _in_runs(candidates: list[KeyLine]) -> list[KeyLine]:
    """Keep declarations that have another declaration within a few lines."""
    kept = []
    for i, cand in enumerate(candidates):
        near = [
            other
            for j, other in enumerate(candidates)
            if j != i and abs(other.line.index - cand.line.index) <= RUN_GAP_LINES
        ]
        if len(near) + 1 >= MIN_RUN:
            kept.append(cand)
    seen: set[str] = set()
    unique = []
    for cand in kept:  # first declaration of a code wins
        if cand.code not in seen:
            seen.add(cand.code)
            unique.append(cand)
    return unique


# ---------------------------------------------------------------- declarations in prose and flattened tables
CODE_SHAPE_RE = re.compile(rf"^(?:{CODE})$")
_CODE_BODY = (
    r"(?:Child|Baby|Infant|(?:Half[\s-])?Sibling|Adult|Young\s+Person|Parent|Mr|Mrs|Ms|Miss|Mx|Mother|Father|Stepfather|Stepmother|Partner)"
    r"\s+[A-Z0-9][A-Za-z0-9]{0,2}\b|Mother|Father|[A-Z][A-Z0-9]{1,5}\b"
)
INLINE_CODE = rf"(?-i:\b(?:{_CODE_BODY}|[A-Z][a-z]{{2,}}(?:-[A-Z][a-z]+)?\b))"
# a role word and an index ("Adult 2", "Ms K"), or capitals and a digit ("A1", "C5", "HV2"): never a real name, so
# in apposition to a role ("their mother, A1,") it is the review's code
NUMBERED_CODE = (
    r"(?-i:\b(?:(?:[Cc]hild|Sibling|Adult|Young\s+Person|Parent|Mr|Mrs|Ms|Miss|Mx)\s+[A-Z0-9][A-Za-z0-9]{0,2}"
    r"|[A-Z]{1,3}[0-9]{1,2})\b)"
)
SHAPED_CODE = (
    r"(?-i:\b(?:Child|Baby|Sibling|Adult|Young\s+Person|Parent|Mr|Mrs|Ms|Miss|Mx)\s+[A-Z0-9][A-Za-z0-9]{0,2}\b)"
)
# (bare initials in apposition, "AB, the student social worker", are as often a name left in as a declaration)


@dataclass
class InlineDeclaration:
    """A role code declared in running text ("her mother (MW)", "referred to as Ms A")."""

    code: str
    code_start: int
    description: str
    kind: RoleKind
    subject: bool
    pseudonym: bool
    start: int
    end: int
    # "cover_subject" for a code only the cover or the title uses (naming.find_role_codes): by the gold convention
    # it names the review, it is no declaration of the text
    source: str = "declared"


def _role_regex(trie: bool = False) -> str:
    """The role description regex; with `trie`, its role and modifier words as prefix trees, which accept the same
    strings (so at the same places) but tries one branch per letter instead of every word in turn."""
    roles = _roles()
    words = sorted({*roles["family"], *roles["practitioner"], *roles["inline_family"]}, key=lambda w: (-len(w), w))
    role = _trie_alternation(words) if trie else "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
    modifiers = roles["role_modifiers"]
    mods = _trie_alternation(modifiers, r"\ ") if trie else "|".join(re.escape(m) for m in modifiers)
    owner = r"(?:(?:her|his|their|the|a|an|its|[A-Z][\w]*(?:\s+[A-Z0-9]\w{0,2})?['’]s)\s+)?"
    return rf"(?P<desc>\b{owner}(?:(?:{mods})[\s-]+){{0,2}}(?:{role})s?)\b"


# "in this report", "in the review", "throughout the overview report": where a review says it uses a code
IN_THIS = r"(?:in|throughout)\s+(?:this|the)\s+(?:(?:overview|full|published)\s+)?(?:report|review|document|summary)"


def _role_word() -> str:
    """A family role word in any case ("hereinafter referred to as mother"): the role label is the code."""
    words = sorted(_roles()["family"], key=lambda w: (-len(w), w))
    return r"(?:(?:maternal|paternal)\s+)?(?:" + "|".join(re.escape(w) for w in words) + r")\b"


def _label_code() -> str:
    """A family role word written with a capital as the person's code ("her mother (Mother)", "(Grandfather)")."""
    words = sorted({w[:1].upper() + w[1:] for w in _roles()["family"]}, key=lambda w: (-len(w), w))
    return r"(?-i:(?:(?:Maternal|Paternal)\s+)?(?:" + "|".join(re.escape(w) for w in words) + r")(?:\s[0-9]{1,2})?)\b"


@lru_cache(maxsize=4)
def _inline_patterns(weak: bool, pseudonyms: bool = False) -> tuple[tuple[re.Pattern, bool, bool], ...]:
    """The inline shapes, each with whether a plain name in it is a declaration whatever its wording
    (the shapes that count only in a review that says its names are not the real ones), and whether
    it opens with the role (so it can only match where a role word starts)."""
    role = _role_regex()
    roles = _roles()
    chosen = [(p, False) for p in roles["inline_patterns"] + (roles["inline_patterns_weak"] if weak else [])]
    chosen += [(p, True) for p in (roles.get("inline_patterns_pseudonym", []) if pseudonyms else [])]
    chosen += [(p, False) for p in roles.get("inline_patterns_subject_pseudonym", [])]
    fills = {
        "ROLE": role,
        "SHAPED": f"(?P<code>{SHAPED_CODE})",
        "CODE2": f"(?P<code2>{INLINE_CODE})",
        "ALIAS_OF": f"(?P<desc>{SHAPED_CODE})",
        "LABEL": f"(?P<code>{_label_code()})",
        "LETTER": "(?P<code>(?-i:[A-HJ-Z]))",
        "CODE_OR_LETTER": f"(?P<code>{INLINE_CODE}|(?-i:[A-HJ-Z]))",
        "CODE": f"(?P<code>{INLINE_CODE})",
        "NUMBERED": f"(?P<code>{NUMBERED_CODE})",
        "NUMBERED2": f"(?P<code2>{NUMBERED_CODE})",
        "IN_THIS": IN_THIS,
        "ROLE_WORD": f"(?P<code>{_role_word()})",
    }
    out = []
    for pattern, named in chosen:
        filled = fill_template(pattern, fills, "models/structure/key_roles.yaml")
        out.append((re.compile(filled, re.IGNORECASE), named, pattern.startswith("<<ROLE>>")))
    return tuple(out)


def _trie_alternation(words: list[str], space: str = r"\s+") -> str:
    """An alternation matching exactly `words` (a space as `space`, as `_role_regex` writes it), as a prefix tree."""
    tree: dict = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(space if ch == " " else re.escape(ch), {})
        node[""] = {}  # a word ends here

    def alternation(node: dict) -> str:
        branches = [unit + alternation(child) for unit, child in node.items() if unit]
        if not branches:
            return ""
        if "" in node:
            return "(?:" + "|".join(branches) + ")?"
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    return alternation(tree)


@lru_cache(maxsize=1)
def _role_starts_re() -> re.Pattern:
    """Where a role description can begin (a lookahead, so every such place is found, overlapping too).
    Only the places matter here, so the role words go in as a prefix tree (`_role_regex(trie=True)`):
    the lookahead runs at every character of the review, and the plain alternation was most of the
    key stage's time."""
    return re.compile(f"(?={_role_regex(trie=True)})", re.IGNORECASE)


def _matches(pattern: re.Pattern, text: str, starts: list[int] | None) -> Iterator[re.Match]:
    """`pattern.finditer(text)`; for a shape that opens with the role, tried only where a role can begin
    (the same matches: every match of it starts there), which is most of the key stage's time saved."""
    if starts is None:
        yield from pattern.finditer(text)
        return
    pos = 0
    for start in starts:
        if start < pos:
            continue
        m = pattern.match(text, start)
        if m:
            yield m
            pos = m.end() if m.end() > m.start() else start + 1


@lru_cache(maxsize=1)
def _pseudonym_statements() -> re.Pattern:
    """The statements that a review's names are not the real ones (`pseudonym_statements`, report_shapes.yaml)."""
    return re.compile("|".join(load_yaml("structure", "report_shapes.yaml")["pseudonym_statements"]), re.IGNORECASE)


@lru_cache(maxsize=2)  # three key readers ask for the same text's spans
def _after_pseudonym_statements(text: str) -> tuple[tuple[int, int], ...]:
    """From each statement that the names are not the real ones to the end of its paragraph, or, said in
    the front matter before any numbered paragraph, to the end of the first numbered paragraph of narrative.

    Only there is a name beside a role the review's pseudonym ("The names used are not their real
    names. Jamie lived with his mother, Chantelle, …"): further on, the same shape in a draft is as
    often a real name left in ("F's sister, Hoa"), which verify must still report."""
    spans = []
    for m in _pseudonym_statements().finditer(text):
        end = re.search(r"\n\s*\n", text[m.end() :])
        stop = m.end() + end.start() if end else len(text)
        para = text.rfind("\n\n", 0, m.start()) + 2 if "\n\n" in text[: m.start()] else 0
        if not re.match(r"\s*\d", text[para : m.start()]) and not _narrative_paragraph(text, 0, para):
            stop = _first_narrative_end(text, stop)  # said in the front matter, before any numbered paragraph
        spans.append((m.start(), stop))
    return tuple(spans)


# the opening of a numbered paragraph of the body ("1.1 When ...", "2.3. The ...")
_NUMBERED_OPENING = re.compile(r"(?m)^[ \t]*\d{1,2}\.\d{1,2}\.?[ \t]+[A-Z]")


def _narrative_paragraph(text: str, start: int, end: int | None = None) -> re.Match | None:
    """The first numbered paragraph of narrative in text[start:end]: a numbered line whose words run on past a
    punctuation mark for forty characters more, not a contents entry or a heading.  Checked line by line
    (a pattern of three open runs backtracked for seconds on a long line of leader dots)."""
    end = len(text) if end is None else end
    for m in _NUMBERED_OPENING.finditer(text, start, end):
        stop = text.find("\n", m.end())
        rest = text[m.end() : end if stop == -1 or stop > end else stop]
        mark = re.search(r"[.;:,]", rest)
        word = re.search(r"\w", rest[mark.end() :]) if mark else None
        if mark and word and len(rest) - (mark.end() + word.end()) >= 40:
            return m
    return None


def _first_narrative_end(text: str, pos: int) -> int:
    """The end of the first paragraph of narrative after `pos`, past any heading lines: a statement in the front
    matter that the names are not the real ones ("The children are given other names") reaches the paragraph that
    introduces the family ("1.1 Kit lived with her mother and her brother, Ned"), where the names are first given."""
    m = _narrative_paragraph(text, pos)
    if m is None or any(
        len(line.split()) > 12 or line.rstrip().endswith(".")
        for line in _after_list_items(text[pos : m.start()], text[:pos].rstrip().endswith(";"))
    ):
        return pos  # prose between the statement and the numbered narrative: the statement's paragraph only
    end = re.search(r"\n\s*\n", text[m.end() :])
    return m.end() + end.start() if end else len(text)


def _after_list_items(between: str, in_list: bool = False) -> list[str]:
    """The lines between a statement and the narrative, without the items of the list the statement opens
    ("… has: ⏎ Given each child another first name; ⏎ Left out their ages; and, ⏎ Changed
    the agencies' names."): a run of lines ending in ";" (or "; and,") and the last item after it, which belong
    to the statement, not prose between it and the narrative (`in_list`: the statement is itself such an item)."""
    lines = [line for line in between.split("\n") if line.strip()]
    k = 0
    while k < len(lines) and re.search(r"(?:;|;\s*(?:and|or),?|,\s*(?:and|or))\s*$", lines[k]):
        k += 1
    return lines[k + 1 :] if k or in_list else lines


@lru_cache(maxsize=1)
def _agency_abbreviations() -> frozenset[str]:
    """Agency and professional abbreviations (models/agencies.yaml, models/abbreviations.txt): never a person's code."""
    from ..resources import read_lines

    listed = {line.split()[0] for line in read_lines("abbreviations.txt")}
    listed |= {a for agency in load_yaml("agencies.yaml")["agencies"] for a in agency.get("abbreviations", [])}
    return frozenset(listed)


def _role_label(code: str) -> bool:
    """Is the code a family role word ("Mother", "Grandfather", "Paternal Aunt", "Father 2"), not a name?"""
    bare = re.sub(r"^(?:maternal|paternal)\s+|\s[0-9]{1,2}$", "", code.lower())
    return bare in {w.lower() for w in _roles()["family"]}


def is_pseudonym(code: str) -> bool:
    """A declared "code" that is a name ("Jade") rather than a code ("JM", "Child A", "Mother")."""
    if CODE_SHAPE_RE.match(code) or code.lower() in {w.lower() for w in _roles()["family"]}:
        return False
    return bool(re.fullmatch(r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?", code)) and code not in _roles()["not_pseudonyms"]


def find_inline(text: str, weak: bool = True, pseudonyms: bool = True) -> list[InlineDeclaration]:
    """Declarations in prose: the role, then the code it is given.

    The role must be one of the key vocabulary's words, so "Neonatal Unit
    (NNU)" (an abbreviation) is not a declaration; the first declaration of a
    code wins.  `weak` adds the bracket and apposition shapes, which a review
    with a key of its own does not need (there they are more often a code
    that was left undeclared).  `pseudonyms` adds a name in apposition to a
    family role ("their mother, Chantelle,") in the paragraph where the review
    says its names are not the real ones, after it saying so.
    """
    found: dict[str, InlineDeclaration] = {}
    spans = _after_pseudonym_statements(text) if pseudonyms is not False else []
    role_starts = [m.start() for m in _role_starts_re().finditer(text)]
    for pattern, named, role_first in _inline_patterns(weak, bool(spans)):
        for m in _matches(pattern, text, role_starts if role_first else None):
            if named and not any(a <= m.start() < b for a, b in spans):
                continue
            desc = re.sub(r"\s+", " ", m["desc"]).strip()
            for group in ("code", "code2"):
                if group not in pattern.groupindex or not m[group]:
                    continue
                code = re.sub(r"\s+", " ", m[group])
                if code[:1].islower() and _role_label(code):
                    code = code.title()  # "(hereinafter referred to as mother)": the label is the code
                code, code_at = _with_shaped_prefix(text, code, m.start(group))
                lettered = re.match(r"[ \t]([A-Z0-9]{1,2})\b(?![’'-])", text[m.end(group) :])
                if lettered and _role_label(code):
                    code = f"{code} {lettered[1]}"  # "referred to as Sister A": the role word is the code's first part
                if (
                    code[:1].islower()
                    and not re.match(r"child\s[A-Z0-9]", code)
                    or code in _roles()["not_pseudonyms"]
                    or code.lower() in {"the", "a", "an"}
                ):
                    continue
                if code in _agency_abbreviations() and not _family_initials(desc) or _section_label(code):
                    # "the social worker (CSC)": an agency or a profession, not a person ("her mother, (MP)" is one)
                    continue
                kind = classify(desc) or ("family", False)
                if (
                    re.fullmatch(r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?", code)
                    and not _role_label(code)
                    and (
                        not (named or _name_context(pattern, m))
                        or kind[0] == "practitioner"
                        or code.lower() in _places()
                    )
                ):
                    continue  # "General Practitioner (Stockport)": a place, not a pseudonym
                line_start = text.rfind("\n", 0, code_at) + 1
                if _initials_of(code, text[max(line_start, code_at - 80) : code_at]) and not _family_initials(desc):
                    continue  # "Health Visitor (HV)", "Looked After Children (LAC)": an abbreviation
                entry = InlineDeclaration(
                    code, code_at, desc, kind[0], kind[1], is_pseudonym(code), min(m.start(), code_at), m.end()
                )
                if code not in found or (entry.code_start, -entry.start) < (found[code].code_start, -found[code].start):
                    found[code] = entry  # the first declaration; of two shapes over it, the role nearest the code
    return sorted(found.values(), key=lambda e: e.start)


def _with_shaped_prefix(text: str, code: str, start: int) -> tuple[str, int]:
    """The code with the capitalised code word written just before it ("their Sibling T3" read as role
    "Sibling", code "T3"): the word is the code's first part, as in "Sibling T3" used elsewhere."""
    if not re.fullmatch(r"[A-Z0-9]{1,3}[0-9]?", code):
        return code, start
    m = re.search(r"(?-i:\b(Child|Baby|Infant|Sibling|Adult|Parent))[ \t]$", text[max(0, start - 12) : start])
    if m is None:
        return code, start
    return f"{m[1]} {code}", start - len(m[0])


def _family_initials(desc: str) -> bool:
    """A family role's initials are its code ("half-sister (HS)", "maternal grandmother [MGM]"), not an abbreviation."""
    kind = classify(desc)
    return kind is not None and kind[0] == "family"


def _initials_of(code: str, before: str) -> bool:
    """Is the code the initials of the words just before it ("Looked After Children (LAC)"): an abbreviation?"""
    letters = re.sub(r"[^A-Z]", "", code)
    if len(letters) < 2 or re.search(r"\d", code):
        return False
    words = [
        w
        for w in re.findall(r"[A-Za-z]+", before)
        if w.lower() not in ("of", "and", "for", "the", "in", "to") and not (w.isupper() and len(w) > 1)
    ]  # not other codes
    initials = "".join(w[0] for w in words[-len(letters) :]).upper()
    return initials == letters


_PLACES: set[str] | None = None


def _places() -> set[str]:
    global _PLACES
    if _PLACES is None:
        from ..resources import model_path

        path = model_path("gazetteer", "uk_places.txt")
        _PLACES = {
            ln.strip().lower()
            for ln in path.read_text(encoding="utf-8").splitlines()
            if ln.strip() and not ln.startswith("#")
        }
    return _PLACES


def _name_context(pattern: re.Pattern, m: re.Match) -> bool:
    """A plain name is a declaration only after "referred to as", "known as", "call" or inside brackets."""
    said = m.group(0).lower()
    return (
        any(w in said for w in ("referred to", "known as", "call", "(", "[", "hereafter", "hereinafter"))
        and "," not in said.split("(")[0][-2:]
    )


def _header_cells(line: Line) -> bool:
    cell = line.stripped.lower().rstrip(":")
    return (
        cell in _roles()["cell_headers"]
        or code_header(cell)
        or (
            cell.startswith(
                (
                    "relationship to",
                    "relationship with",
                    "role in",
                    "age at",
                    "age on",
                    "date of birth",
                    "ethnicity",
                    "gender",
                )
            )
            and len(cell.split()) <= 6
        )
    )


def _sentence(cell: str) -> bool:
    return cell.endswith((".", ";", ":")) or len(cell.split()) > 12


def cell_table(block_lines: list[Line]) -> list[KeyLine]:
    """A key whose cells were put one per line: header cells, then rows of as many cells.

    The code is the first column; the description the column headed
    relationship/role/description.  Rows are read while their description
    names a role.
    """
    lines = [ln for ln in block_lines if not ln.is_blank]
    headers = _roles()["table_headers"]
    out: list[KeyLine] = []
    i = 0
    while i < len(lines):
        if not (_header_cells(lines[i]) and code_header(lines[i].stripped)):
            i += 1
            continue
        j = i
        while j < len(lines) and _header_cells(lines[j]):
            j += 1
        names = [ln.stripped.lower().rstrip(":") for ln in lines[i:j]]
        width = len(names)
        desc_col = next(
            (k for k, n in enumerate(names) if n in headers["description"] or n.startswith(("relationship", "role"))),
            None,
        )
        if width < 2 or desc_col is None:
            i = j
            continue
        k = j
        while k + width <= len(lines):
            row = lines[k : k + width]
            code, description = row[0].stripped, row[desc_col].stripped
            if (
                len(code.split()) > 4
                or len(description.split()) > 10
                or _header_cells(row[0])
                or _sentence(code)
                or _sentence(description)
            ):
                break
            kind = classify(description) or ("family", False)
            out.append(
                KeyLine(
                    row[0],
                    code,
                    row[0].start + (len(row[0].text) - len(row[0].text.lstrip())),
                    description,
                    kind[0],
                    kind[1],
                    is_pseudonym(code),
                )
            )
            k += width
        i = k if k > j else j
    return out


def find_used_codes(text: str, min_uses: int = 2) -> list[InlineDeclaration]:
    """Codes a review uses without declaring them: a capitalised role word and an index ("Child 1",
    "Father 1", "Adult B", "Sibling 2"), used at least `min_uses` times; the first use stands for the
    declaration.  Reviews that number their people this way rarely list them."""
    roles = _roles()
    words = sorted({w for w in roles.get("used_code_roles", [])}, key=lambda w: (-len(w), w))
    if not words:
        return []
    pattern = re.compile(
        r"\b(?P<code>(?P<role>" + "|".join(re.escape(w) for w in words) + r")\s(?:[A-Z]|\d{1,2})(?:\d)?)\b(?![-\w])"
    )
    uses: dict[str, list[re.Match]] = {}
    for m in pattern.finditer(text):
        if not _listing_title(text, m.start()):
            uses.setdefault(m["code"], []).append(m)
    for code in [c for c in uses if _footnote_glued(c, uses)]:
        del uses[code]
    series: dict[str, int] = {}
    for found in uses.values():
        series[found[0]["role"]] = series.get(found[0]["role"], 0) + 1
    out = []
    for code, found in uses.items():
        if len(found) < min_uses and series[found[0]["role"]] < 2:
            continue  # used once, and no other number of the same role ("Father 1" beside "Father 2") shows a scheme
        first = found[0]
        kind, subject = classify(first["role"]) or ("family", False)
        out.append(
            InlineDeclaration(
                code, first.start("code"), first["role"], kind, subject, False, first.start(), first.end()
            )
        )
    out += _capitalised_roles(text, {e.code for e in out}, min_uses)
    return sorted(out, key=lambda e: e.start)


def _footnote_glued(code: str, uses: dict[str, list[re.Match]]) -> bool:
    """ "Child T1" used once where "Child T" is the review's code: a footnote mark run onto the code by
    the PDF's text layer, not a new person (no other number follows "Child T": "Child T1, Child T2"
    would be a numbered series)."""
    m = re.fullmatch(r"(?P<base>.+\s[A-Z])(?P<digit>\d{1,2})", code)
    if m is None or m["base"] not in uses or len(uses[code]) != 1:
        return False
    return not any(c != code and c.startswith(m["base"]) and c[len(m["base"]) :].isdigit() for c in uses)


def _listing_title(text: str, offset: int) -> bool:
    """Is the use on a short title line of a page that lists reviews ("Upton LSCB SCR – Child T – Overview
    Report")?  Another review's child, named in a title only, is no code of this one."""
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    line = text[start : end if end >= 0 else len(text)].strip()
    return (
        len(line.split()) <= 14
        and not line.endswith((".", ",", ";", ":"))
        and bool(re.search(_roles()["listing_title"], line))
    )


def _capitalised_roles(text: str, known: set[str], min_uses: int) -> list[InlineDeclaration]:
    """A family role word written with a capital inside sentences, as a name ("lived with her Mother",
    "Child Q's Father was …"), used at least `min_uses` times: the review's code for that person.
    Words and fixed phrases are data (`capitalised_role_codes`, `not_role_codes` in key_roles.yaml)."""
    roles = _roles()
    words = sorted(roles.get("capitalised_role_codes", []), key=len, reverse=True)
    if not words:
        return []
    mods = r"(?:(?:Maternal|Paternal)\s+)?"
    pattern = re.compile(
        r"(?<=[a-z,;’'] )(?P<code>"
        + mods
        + "(?:"
        + "|".join(re.escape(w) for w in words)
        + r"))\b(?![-\w])(?!\s+(?:\d|[A-Z]\b))"
    )  # not "Father 2"
    stop = re.compile("|".join(roles.get("not_role_codes", [])) or r"(?!)")
    uses: dict[str, list[re.Match]] = {}
    for m in pattern.finditer(text):
        if not stop.match(text, m.end()):
            uses.setdefault(m["code"], []).append(m)
    out = []
    for code, found in uses.items():
        if len(found) >= min_uses and code not in known:
            first = found[0]
            kind, subject = classify(code) or ("family", False)
            out.append(
                InlineDeclaration(
                    code, first.start("code"), code.lower(), kind, subject, False, first.start(), first.end()
                )
            )
    return out


# ---------------------------------------------------- names marked as not the real ones, ages, flattened rows
def find_marked_names(text: str) -> list[InlineDeclaration]:
    """Names the review marks as not real where it uses them: "Child Kit (pseudonym)", "Ezra is not
    his real name", "Holly (not her real name)"; and codes declared with an age ("Child 3, aged 4").

    The shapes are data (`marked_names`, `aged_codes` in key_roles.yaml)."""
    out: list[InlineDeclaration] = []
    roles = _roles()
    for pattern in roles.get("marked_names", []):
        for m in re.finditer(pattern, text):
            for group in ("code", "code2"):
                if group not in m.re.groupindex or not m[group]:
                    continue
                code = re.sub(r"\s+", " ", m[group])
                if code in roles["not_pseudonyms"] or code.lower() in _places():
                    continue
                shaped = bool(CODE_SHAPE_RE.match(code))  # "identified as Child K": a code, not a name
                role = m.groupdict().get("role") if group == "code" else None  # "the baby has been given …"
                out.append(
                    InlineDeclaration(
                        code,
                        m.start(group),
                        role or ("the review's code" if shaped else "named in place of the real name"),
                        "family",
                        bool(role),
                        not shaped,
                        m.start(),
                        m.end(),
                    )
                )
    for pattern in roles.get("aged_codes", []):
        for m in re.finditer(pattern, text):
            code = re.sub(r"\s+", " ", m["code"])
            kind, subject = classify(m["role"]) or ("family", False)
            out.append(InlineDeclaration(code, m.start("code"), m["role"], kind, False, False, m.start(), m.end()))
    return sorted(out, key=lambda e: e.start)


@lru_cache(maxsize=1)
def _flat_row_re() -> re.Pattern:
    roles = _roles()
    words = sorted({*roles["family"], *roles["subject"], *roles["practitioner"]}, key=lambda w: (-len(w), w))
    role = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
    mods = "|".join(re.escape(m) for m in roles["role_modifiers"])
    shaped = r"(?:Child|Baby|Infant|Sibling|Adult|Young\s+Person|Mr|Mrs|Ms|Miss|Mx)\s+[A-Z0-9]{1,2}"
    return re.compile(
        rf"(?P<code>{shaped}|[A-Z][a-z]{{2,}}(?:-[A-Z][a-z]+)?)\s+(?P<desc>(?i:(?:(?:{mods})[\s-]+)?(?:{role})(?:\s+(?:child|of\s+the\s+review))?)"
        rf"(?:\s+(?:of|to)\s+{shaped})?)(?=\s|$)"
    )


@lru_cache(maxsize=1)
def _flat_head_re() -> re.Pattern:
    headers = _roles()["table_headers"]
    code_h = "|".join(re.escape(h) for h in sorted(headers["code"], key=len, reverse=True))
    return re.compile(
        rf"^\s*(?:{code_h})\s+(?:relationship|role)(?:\s+to\s+(?:the\s+)?(?:(?:Child|Baby|Young\s+Person)\s+[A-Z0-9]{{1,2}}|child|subject))?\s+",
        re.IGNORECASE,
    )


def flat_rows(line: Line) -> list[KeyLine]:
    """A key table flattened onto one line: "Designation Relationship to Baby W Baby W Subject child
    Tessa Mother of Baby K …".  The line starts with a code header and a description header
    (`table_headers`); then code and role follow each other to the end of the line."""
    head = _flat_head_re().match(line.text) if re.search(r"relationship|role", line.text[:80], re.IGNORECASE) else None
    if not head:
        return []
    rows, pos = [], head.end()
    for m in _flat_row_re().finditer(line.text, pos):
        if line.text[pos : m.start()].strip():
            break  # rows follow each other with nothing in between
        if m["code"] not in _roles()["not_pseudonyms"]:
            kind, subject = classify(m["desc"]) or ("family", False)
            rows.append(
                KeyLine(
                    line, m["code"], line.start + m.start("code"), m["desc"], kind, subject, is_pseudonym(m["code"])
                )
            )
        pos = m.end()
    return rows if len(rows) >= 2 else []


def table_cell_lines(lines: list[Line]) -> set[int]:
    """Indexes of the lines of a key table set one cell per line without a header (its cells are not headings)."""
    nonblank = [ln for ln in lines if not ln.is_blank]
    position = {ln.index: k for k, ln in enumerate(nonblank)}
    rows = headerless_cells(nonblank)
    if not rows:
        return set()
    out: set[int] = set()
    period = position[rows[1].line.index] - position[rows[0].line.index]
    for a, b in zip(rows, rows[1:] + [None], strict=True):
        start = position[a.line.index]
        stop = position[b.line.index] if b is not None and position[b.line.index] - start == period else start + period
        out.update(ln.index for ln in nonblank[start:stop])
    return out


def headerless_cells(block_lines: list[Line], period_max: int = 7) -> list[KeyLine]:
    """A family table put one cell per line without its header: "Child D ⏎ M ⏎ Age 6 ⏎ Subject ⏎ White
    British ⏎ Ms Q ⏎ F ⏎ Age 25 ⏎ Mother …".  Three or more rows that start with a code at a fixed
    period and hold a role word at a fixed place make a key."""
    lines = [ln for ln in block_lines if not ln.is_blank]
    shaped = re.compile(r"^(?:Child|Baby|Infant|Sibling|Adult|Young\s+Person|Mr|Mrs|Ms|Miss|Mx)\s+[A-Z0-9]{1,2}$")
    short = [len(ln.stripped.split()) <= 4 and not ln.stripped.endswith((".", ";", ":")) for ln in lines]
    out: list[KeyLine] = []
    i = 0
    while i < len(lines):
        if not (short[i] and shaped.match(lines[i].stripped)):
            i += 1
            continue
        best: list[KeyLine] = []
        for period in range(2, period_max + 1):
            for offset in range(1, period):
                rows, k = [], i
                while k + period <= len(lines) and all(short[k : k + period]) and shaped.match(lines[k].stripped):
                    role = classify(lines[k + offset].stripped)
                    if role is None or shaped.match(lines[k + offset].stripped):
                        break
                    line = lines[k]
                    rows.append(
                        KeyLine(
                            line,
                            line.stripped,
                            line.start + len(line.text) - len(line.text.lstrip()),
                            lines[k + offset].stripped,
                            role[0],
                            role[1],
                            False,
                        )
                    )
                    k += period
                if len(rows) > len(best):
                    best = rows
        if len(best) >= 3:
            out.extend(best)
            i = lines.index(best[-1].line) + 1
        else:
            i += 1
    return out
