"""Names of venues, businesses, streets and open spaces that contain a person's or a name-like word.

"The Deniz Meze Bar", "Tunde's Kitchen", "Driffield Haulage", "walking on Hampstead Heath", "a pharmacy in
Palmers Green", "Brighton and Hove": the capitalised words of such a name belong to the place, so a keyed
first name or surname inside it is not that person and an unlisted-name proposal inside it is no person.
The evidence is the shape of the name in the document itself (a run of capitalised words ending in a head
word of a kind of business, open space or street; a possessive before the head; a locative word before it),
and the head words are broad inventories in `models/pseudonymise/place_names.yaml`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from ..lexicon import before_name_words, honorifics, title_words
from ..resources import load_yaml, read_lines

PLACE_NAME = "part_of_place_or_organisation_name"  # why a keyed word inside such a name is kept (the log's reason)


@lru_cache(maxsize=1)
def _settings() -> dict:
    return load_yaml("pseudonymise", "place_names.yaml") or {}


@lru_cache(maxsize=1)
def _heads() -> tuple[re.Pattern, frozenset[str]]:
    """The head-word pattern (longest first) and the heads that are also people's names in the gazetteer."""
    conf = _settings()
    streets = load_yaml("recognizers", "address.yaml")["lists"]["street_types"]
    heads = set(conf["business_heads"]) | set(conf["landform_heads"])
    heads |= {s for s in streets if s not in set(conf.get("street_heads_not") or ())}
    names = _name_words()
    ambiguous = frozenset(h for h in heads if h.casefold() in names)
    alternation = "|".join(re.escape(h) for h in sorted(heads, key=len, reverse=True))
    return re.compile(rf"(?<![\w'’-])(?:{alternation})(?![\w'’-])"), ambiguous


@lru_cache(maxsize=1)
def _name_words() -> frozenset[str]:
    words = (*read_lines("gazetteer", "first_names.txt"), *read_lines("gazetteer", "surnames.txt"))
    return frozenset(w.casefold() for w in words)


@lru_cache(maxsize=1)
def _first_names() -> frozenset[str]:
    return frozenset(w.casefold() for w in read_lines("gazetteer", "first_names.txt"))


@lru_cache(maxsize=1)
def _person_prefixes() -> frozenset[str]:
    """Titles, ranks, kinship words and family honorifics: a name after one of them is a person's."""
    honorific = honorifics()
    words = set(title_words(casefold=True, finder=True)) | set(before_name_words())
    for part in ("alone", "suffix", "before_given"):
        words |= set(honorific.get(part) or ())
    return frozenset(w.casefold() for w in words)


@lru_cache(maxsize=1)
def _function_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


@lru_cache(maxsize=1)
def _multiword_places() -> re.Pattern | None:
    """Known places of more than one word ("Brighton and Hove", "Milton Keynes")."""
    places = [p for p in read_lines("gazetteer", "uk_places.txt") if " " in p]
    if not places:
        return None
    alternation = "|".join(re.escape(p) for p in sorted(places, key=len, reverse=True))
    return re.compile(rf"(?<![\w'’-])(?:{alternation})(?![\w'’-])")


def name_runs(text: str) -> list[tuple[int, int]]:
    """Spans of place, venue and business names (see the module docstring), in text order."""
    heads, ambiguous = _heads()
    spans = [(m.start(), m.end()) for m in heads.finditer(text) if m.group()[:1].isupper()]
    out = [run for start, end in spans if (run := _run_before(text, start, end, ambiguous))]
    places = _multiword_places()
    if places is not None:
        out += [(m.start(), m.end()) for m in places.finditer(text)]
    out += group_names(text)
    return sorted(set(out))


@lru_cache(maxsize=1)
def _group_heads() -> re.Pattern:
    """The kinds of gathering (`group_heads`), as whole lower-case words."""
    heads = "|".join(re.escape(h) for h in sorted(_settings()["group_heads"], key=len, reverse=True))
    return re.compile(rf"(?<![\w'’-])(?:{heads})(?![\w'’-])")


_GROUP_WORD = re.compile(r"[A-Z][^\W\d_]*(?:['’-][^\W\d_]+)*")
_GAP_WORD = re.compile(r"[a-z][a-z-]*")
_OPEN_QUOTE, _CLOSE_QUOTE = "\"“‘'", "\"”’'"


def group_names(text: str) -> list[tuple[int, int]]:
    """Names of groups and sessions ("the Dawn Chorus baby group", "the \"Talanoa\" group"): a run of one to
    three capitalised words, then up to `group_gap` lower-case words, then a kind of gathering (`group_heads`).
    The run names the group when it is quoted, or has two or more words and ends in an English word that is
    no name ("Chorus", "Acorns"), and no title or family word stands before it.  The heads are found first and
    the words before each are read right to left (the text is not tried at every capital)."""
    out = []
    gap_max = int(_settings().get("group_gap", 2))
    for head in _group_heads().finditer(text):
        line = text.rfind("\n", 0, head.start()) + 1
        words = list(re.finditer(r"\S+", text[max(line, head.start() - 80) : head.start()]))[-(gap_max + 3) :]
        offset = max(line, head.start() - 80)
        found = _run_before_head(text, offset, words, gap_max)
        if found:
            out.append(found)
    return out


def _run_before_head(text: str, offset: int, words: list[re.Match], gap_max: int) -> tuple[int, int] | None:
    """The group name ending the `words` before a head (see `group_names`), or None."""
    k = len(words)
    gap: list[str] = []
    while k and len(gap) < gap_max and _GAP_WORD.fullmatch(words[k - 1].group()):
        gap.append(words[k - 1].group())
        k -= 1
    if any(w in _function_words() and w != "and" for w in gap):
        return None  # "seen by Dawn Smith in group": the group is not named
    run: list[re.Match] = []
    while k and len(run) < 3:
        bare = words[k - 1].group().strip(_OPEN_QUOTE + _CLOSE_QUOTE)
        if not _GROUP_WORD.fullmatch(bare) or (run and words[k - 1].group()[-1:] in _CLOSE_QUOTE):
            break
        run.insert(0, words[k - 1])
        k -= 1
        if words[k].group()[:1] in _OPEN_QUOTE:
            break
    while run and run[0].group().strip(_OPEN_QUOTE).casefold() in _function_words():
        run = run[1:]  # "The Dawn Chorus group": a sentence's article
    if not run:
        return None
    names = [w.group().strip(_OPEN_QUOTE + _CLOSE_QUOTE) for w in run]
    quoted = run[0].group()[:1] in _OPEN_QUOTE and run[-1].group()[-1:] in _CLOSE_QUOTE
    if not quoted and (len(names) < 2 or not _english_word(names[-1]) or _named(names[-1])):
        return None  # one bare word, or "Dawn Smith group": an English word that is a surname ends a name
    if any(w.casefold() in _function_words() for w in names) or names[0].casefold() in _person_prefixes():
        return None
    start = offset + run[0].start() + (run[0].group()[:1] in _OPEN_QUOTE)
    prefix = re.search(r"([A-Za-z]+)\.?[ \t]+$", text[max(0, start - 20) : start])
    if prefix and prefix.group(1).casefold() in _person_prefixes():
        return None  # "Mrs Dawn Chorus group": a person first
    end = offset + run[-1].end() - (run[-1].group()[-1:] in _CLOSE_QUOTE)
    return start, end


def _named(word: str) -> bool:
    """A first name or surname of the gazetteer, or its plural."""
    low = word.casefold()
    return low in _name_words() or (low.endswith("s") and low[:-1] in _name_words())


def _english_word(word: str) -> bool:
    """A common English word, or its plural ("Acorns")."""
    low = word.casefold()
    return low in _common_words() or (low.endswith("s") and low[:-1] in _common_words())


@lru_cache(maxsize=1)
def _common_words() -> frozenset[str]:
    """models/names/common_words.txt and the model's lemma index (WordNet: "acorn", "chorus")."""
    from ..nlp import load_nlp
    from .names.known import english_lexicon

    return frozenset(w.casefold() for w in read_lines("names", "common_words.txt")) | english_lexicon(load_nlp())


def _window_start(text: str, pos: int) -> int:
    """Where the words before `pos` are looked for: the start of its line, but no more than
    `run_window` characters back (at a word boundary), so a page run into one line costs no more
    than a wrapped one (the run is at most three words)."""
    line_start = text.rfind("\n", 0, pos) + 1
    limit = pos - int(_settings()["run_window"])
    if line_start >= limit:
        return line_start
    gap = re.search(r"[ \t]", text[limit:pos])
    return limit + gap.end() if gap else pos


def _run_before(text: str, head_start: int, head_end: int, ambiguous: frozenset[str]) -> tuple[int, int] | None:
    """The name the head at [head_start, head_end) ends, or None when the words before it are no name's."""
    line_start = _window_start(text, head_start)
    words: list[re.Match] = []
    pos = head_start
    while len(words) < 3:
        m = re.search(r"(?:^|(?<=[ \t]))([A-Z][^\W\d_]*(?:['’-][^\W\d_]+)*)(['’]s)?[ \t]+$", text[line_start:pos])
        if m is None:
            break
        words.insert(0, m)
        pos = line_start + m.start(1)
    if not words:
        return None
    start = line_start + words[0].start(1)
    possessive = words[-1].group(2) is not None
    run = [w.group(1) for w in words]
    if any(w.casefold() in _function_words() for w in run):
        return None  # "When Heath arrived": a sentence start, not a name
    prefix = re.search(r"([A-Za-z]+)\.?[ \t]+$", text[max(line_start, start - 20) : start])
    if run[0].casefold() in _person_prefixes() or (prefix and prefix.group(1).casefold() in _person_prefixes()):
        return None  # "Nurse Heath", "Mr Patel's Takeaway": a person first
    head = text[head_start:head_end]
    before = text[max(line_start, start - 20) : start].split()
    after_locative = bool(before) and before[-1].casefold() in _settings()["locatives"]
    if head in _business_heads():
        if possessive or head not in ambiguous or after_locative:
            return start, head_end  # "the Deniz Meze Bar", "Tunde's Kitchen"
        return None
    # a street or an open space: a possessive name ("St Anne's Road"), a name that runs on into a venue's
    # ("Heath Road Medical Practice"), or a place after a locative word ("on Roman Bank", "walking on
    # Hampstead Heath"); a head that is also a person's name never with a first name before it
    if possessive:
        return start, head_end
    if head in ambiguous and _has_first_name(run):
        return None  # "KPE 12 Stuart Green Visit", "with Joanne Heath": a person
    nxt = re.match(r"[ \t]+([A-Z][a-z]+)", text[head_end : head_end + 30])
    if after_locative or (nxt and nxt.group(1) in _venue_words()):
        return start, head_end
    return None


@lru_cache(maxsize=1)
def _venue_words() -> frozenset[str]:
    """Words that continue a street's name into a venue's ("Road Medical Practice", "Lane Surgery"): the
    organisation heads of models/names/non_person_words.txt and address.yaml's `not_followed_by`."""
    address = load_yaml("recognizers", "address.yaml")["lists"]["not_followed_by"]
    return frozenset(read_lines("names", "non_person_words.txt")) | frozenset(address)


@lru_cache(maxsize=1)
def _business_heads() -> frozenset[str]:
    return frozenset(_settings()["business_heads"])


def _has_first_name(words: Iterable[str]) -> bool:
    return any(w.casefold() in _first_names() for w in words)


def inside(start: int, end: int, runs: list[tuple[int, int]]) -> bool:
    """Does [start, end) lie within one of `runs`?"""
    return any(s <= start and end <= e for s, e in runs)


def town_use(text: str, start: int, end: int, doc=None) -> bool:
    """Is the one word at [start, end) written as a town ("moved here from Brighton in 2021")?"""
    word = text[start:end]
    if " " in word or not word[:1].isupper():
        return False
    conf = _settings()
    before = text[max(0, start - 40) : start].split()
    if not before:
        return False
    prev = before[-1].casefold()
    # "moved to Bolton", or the "to" of a route: "had moved from Hong Kong to Bolton"
    movement = prev == "to" and len(before) > 1 and before[-2].casefold() in _movement_words()
    route = prev == "to" and "from" in (w.casefold() for w in before[-9:-1] if not re.search(r"[.;:!?]$", w))
    moved = movement or route
    if prev not in conf["town_locatives"] and not moved:
        return False
    after = re.match(r"[ \t]*([^\s]+)?", text[end : end + 30])
    nxt = after.group(1) if after else None
    if nxt and nxt[:1] in "'’":
        return False  # "in Beverley's view": the person
    if nxt and not (nxt[:1] in ",.;:)|" or nxt[:1].isdigit() or nxt.casefold() in conf["town_followers"]):
        return False  # "Nene (paternal GM)": a person and her role
    if word.casefold() in _known_places():
        return True
    # "visits to Charlotte at the unit", "From Tendai to Ruta, 2 May": after "from" or "to" only a known place
    return prev not in ("from", "to") and _is_place_in_parse(doc, start, end)


@lru_cache(maxsize=1)
def _after_town_locative() -> re.Pattern:
    words = "|".join(re.escape(w) for w in _settings()["town_locatives"])
    return re.compile(rf"(?<![\w'’-])(?i:{words})[ \t]+([A-Z][^\W\d_]+(?:[ \t]+[A-Z][^\W\d_]+)?)")


def towns_by_use(text: str, doc=None) -> frozenset[str]:
    """Capitalised words (one or two) this document writes as a town ("grew up in Madeira, where", "back in
    Madeira in May"): `town_use` at one mention of a listed place, at two of a place only the parse knows, no
    given name of the gazetteer, and never after a personal title ("Mrs Preston").  One sense per document:
    the other mentions of the word are the place too, so a doubtful proposal elsewhere ("Grandmother
    (Madeira)") is no unlisted person.  One pass over the text."""
    uses: dict[str, int] = {}
    known = _known_places()
    for m in _after_town_locative().finditer(text):
        first = m.group(1).split()[0]
        if first.casefold() in _first_names() and first.casefold() not in known:
            continue  # "confided in Amina, who": a given name, whatever the model's place label
        for end in (m.end(1), m.start(1) + len(first)):
            word = text[m.start(1) : end]
            if town_use(text, m.start(1), end, doc):
                uses[word] = uses.get(word, 0) + 1
                break
    # a listed place once; a place only the model reads so, twice ("confided in Ceyda." once is a person too)
    found = {w for w, n in uses.items() if n >= 2 or w.casefold() in known}
    if not found:
        return frozenset()
    titles = "|".join(map(re.escape, _title_words_cased()))
    titled = re.compile(rf"\b(?:{titles})\.?[ \t]+({'|'.join(map(re.escape, found))})\b")
    return frozenset(found - {m.group(1) for m in titled.finditer(text)})


@lru_cache(maxsize=1)
def _title_words_cased() -> tuple[str, ...]:
    return tuple(sorted(title_words(personal=True), key=len, reverse=True))


@lru_cache(maxsize=1)
def _known_places() -> frozenset[str]:
    return frozenset(p.casefold() for p in read_lines("gazetteer", "uk_places.txt"))


@lru_cache(maxsize=1)
def _movement_words() -> frozenset[str]:
    return frozenset(load_yaml("pseudonymise", "name_context.yaml").get("movement_before_to") or ())


def _is_place_in_parse(doc, start: int, end: int) -> bool:
    if doc is None:
        return False
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and any(t.ent_type_ in ("GPE", "LOC") for t in span)
