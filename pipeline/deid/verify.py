"""Verify an anonymised review before publication: every residual identifier, located.

Works like a linter over the one parse of the report: each detector proposes
candidates, the policy decides what is reported and how severely, and every
finding carries a location, a type, a reason and a severity
(``info < low < medium < high``).  Nothing here certifies a report as
anonymous; it points a human at what to check.

Detectors (each in its own module):
  names     `names.unknown`   unknown person names (NAME)
  codes     `codes`           undeclared person codes / unknown abbreviations
  ids       `recognizers`      structured identifiers (NHS number, postcode, …);
                               a URL only when it contains a person's name
  quasi     `quasi`           birth facts, age with date, small places (low)
  key       `names.fuzzy`     with a key: every key name, misspellings included;
            `names.residue`   and (medium) initials, short forms, lower-case slips of them, and
                              whatever is used like a person in any form (`find_person_slots`)

People the review names on purpose (authors, lead reviewers, chairs, panel
members, a child whose story the family lets it tell, a dedication, a title naming
the review after its child; `cover_people`), the pseudonyms it declares (`review_pseudonyms`) and
judges of the case law it cites are reported at ``info`` only.  Findings are deduplicated: where two
overlap, the more severe (then the longer) wins.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from collections.abc import Set as AbstractSet
from dataclasses import asdict, dataclass, replace
from functools import lru_cache

from spacy.tokens import Doc

from ..lexicon import calendar, title_pattern, title_words
from ..nlp import ROLE_LABEL  # the label pipeline.nlp gives declared codes
from ..report import Report
from ..resources import load_yaml, read_lines
from ..spans import Span, resolve_overlaps
from .codes import find_undeclared_codes, general_abbreviations
from .names.known import ORDINARY_WORD
from .names.unknown import (
    NameCandidate,
    declared_pseudonyms,
    declares_pseudonyms,
    find_unknown_names,
    lexicon,
    name_words,
    title_names,
)
from .policy import SEVERITIES, SEVERITY_RANK, Policy, load_policy
from .quasi import find_quasi_identifiers

STRUCTURED_REASONS = {
    "NHS_NUMBER": "an NHS number",
    "NI_NUMBER": "a National Insurance number",
    "POSTCODE": "a postcode",
    "PHONE": "a telephone number",
    "EMAIL": "an email address",
    "DATE_OF_BIRTH": "a date of birth",
    "DATE_OF_DEATH": "a date of death",
    "ADDRESS": "a street address",
    "SCHOOL": "a named school (identifies where a child is)",
    "NURSERY": "a named nursery (identifies where a child is)",
    "COMMUNITY_VENUE": "a named youth club, place of worship, GP practice or club (identifies where a child is)",
    "CASE_REF": "a case or crime reference number",
    "SOCIAL_HANDLE": "a social media handle",
    "VEHICLE_REG": "a vehicle registration",
    "URL": "a web address",
}


@dataclass
class Finding:
    """One residual identifier: what, where, how bad and why."""

    text: str
    type: str
    start: int
    end: int
    line: int
    col: int
    severity: str
    reason: str
    rule: str
    location: str | None = None  # for parts of a file outside its text ("comment 3 by …")

    def to_dict(self) -> dict:
        data = asdict(self)
        if data["location"] is None:
            del data["location"]
        return data


def _finding(start: int, end: int, kind: str, severity: str, reason: str, rule: str, score: float = 0.0) -> Span:
    """A raw finding before overlaps are resolved; its source is the detector the rule names ("names:ner")."""
    return Span(
        start, end, kind, source=rule.split(":", 1)[0], rule=rule, score=float(score), severity=severity, reason=reason
    )


@dataclass(frozen=True)
class _KeyRun:
    """Key-name matches of one person, joined across the spaces between them."""

    start: int
    end: int
    code: str
    fuzzy: bool
    score: float


def _join_runs(runs: list[_KeyRun], text: str) -> list[_KeyRun]:
    """Adjacent matches of the same code with only white space between them: one run, fuzzy if any part is."""
    joined: list[_KeyRun] = []
    for run in runs:
        last = joined[-1] if joined else None
        if last is not None and last.code == run.code and text[last.end : run.start].strip() == "":
            joined[-1] = replace(last, end=run.end, fuzzy=last.fuzzy or run.fuzzy, score=min(last.score, run.score))
        else:
            joined.append(run)
    return joined


# ---------------------------------------------------------------- allowed people
_TITLE = rf"(?:(?:{title_pattern(title_words())})\.?[ \t]+)"  # models/lexicon/titles.yaml
# "Jane A. Smith", and initials before a surname: "J. P. Smith", "J.P. Smith-Vale"
# a surname part: "Smith", "O'Halloran", "McAllister", "de Vries", "van der Berg"
_SURNAME = r"(?:(?:de|van|von|der|den|da|di|du|le|la|al|el|bin|ibn)[ \t]+){0,2}(?:[OD]['’])?[A-Z][^\W\d_'’]+"
_PERSON = (
    rf"{_TITLE}?(?:[A-Z][^\W\d_]+(?:[ \t]+[A-Z]\.?(?=[ \t]))?(?:[ '’-]{_SURNAME}){{1,3}}"
    rf"|(?:[A-Z]\.[ \t]?){{1,3}}[A-Z][a-z][^\W\d_'’]*(?:-[A-Z][^\W\d_'’]+)?)"
)
# a name alone: capitalised words, no title ("Kim Vale", "Kim A. Vale")
_PERSON_PLAIN = r"[A-Z][a-z'’]+(?:[ \t]+[A-Z]\.)?(?:[ -][A-Z][a-z'’]+){1,2}"
_AGENCY_NOTE = r"(?:[ \t]*\([^()\n]{1,60}\))?"  # "Harriet Vossberg (Fernhill Police)"
_PEOPLE = rf"(?P<n>{_PERSON}{_AGENCY_NOTE}(?:[ \t]*(?:,|and|&|with)[ \t]*{_PERSON}{_AGENCY_NOTE})*)"
# a label may name what it heads: "Director of Consultancy", "Chair of the Review Panel"
_LABEL_ORG = (
    r"(?:[ \t]+(?:of|for)[ \t]+(?:the[ \t]+)?(?:[A-Z][\w'’&-]*(?:[ \t]+(?:and[ \t]+)?[A-Z][\w'’&-]*){0,4}"
    r"|(?:review[ \t]+|case[ \t]+review[ \t]+)?(?:panel|review|board|partnership)\b))?"
)  # ... or the review's own body in lower case: "Chair of the panel"
# the last word of a board's or company's name, which a cover run together may put before a name
_ORG_HEADS = r"Board|Partnership|Partners|Council|LSCB|LSCP|SCB|SCP|Trust|Ltd|Limited|Consultancy|Services"
# "MSc, PhD.", "MA. RN. HV.", "OBE": capitals inside the word, each after a space or comma
# (atomic: a line of capitals must not be split every possible way)
_QUALIFICATIONS = r"(?>(?:(?:[ \t]+|[ \t]*,[ \t]*)(?=[A-Z][a-z]?[A-Z])[A-Za-z]+\b\.?)*)"


@lru_cache(maxsize=1)
def _named_roles() -> dict:
    return load_yaml("names", "named_roles.yaml")


def _alternation(words) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True))


def cover_people(report: Report, policy: Policy) -> set[str]:
    """People the review names on purpose: the policy's names, the cover's author, and authors,
    reviewers, chairs and panel members wherever the review introduces them.

    Read from the report's metadata when the structure stage found them (`named_people`), and
    from the text: a label before the name (same line, or alone on the line before it:
    "Independent Reviewer:\nJane Smith", "Chair\nJohn Brown"), after it ("Jane Smith, Independent
    Reviewer", or on the next line), mid-sentence ("The Chair of the Westbridge LSCB, Graham
    Lindqvist,"; "Ann Lee, the Independent Chair"; "the review panel was chaired by Dr X"), and
    "Name, Role" lines of a panel-membership list.  "A letter written by ..." in the narrative
    never allows anyone, nor does "the strategy discussion was chaired by ...".
    """
    people = {n for n in policy.allow.names if n.strip()}
    if report.metadata.author:
        people.update(_split_people(report.metadata.author))
    for named in getattr(report.metadata, "named_people", None) or ():
        name = getattr(named, "name", None) or (named.get("name") if isinstance(named, dict) else None)
        if name:
            people.update(_split_people(name))
    roles = _named_roles()
    labels = _alternation([*policy.cover.get("labels", []), *roles["labels"]])
    text = report.text
    found: list[str] = []
    found += _label_line_people(text, labels)
    found += _sentence_people(
        text,
        _alternation(roles["sentence_labels"]),
        _by_adverb(_alternation(roles["panel_verbs"])),
        labels,
        _alternation(roles["label_adjectives"]),
    )
    found += _bracketed_label_people(text, _alternation(roles["sentence_labels"]))
    found += _engaged_people(text, _alternation(roles["engage_verbs"]), _alternation(roles["engage_tasks"]))
    found += _thanked_people(text, _alternation(roles["thanks_for"]), _alternation(roles["thanks_subjects"]))
    found += _listed_members(text, _alternation(roles["list_openers"]))
    found += _flattened_members(text, _alternation(roles["list_openers"]), set(roles["panel_role_words"]))
    found += _qualified_people(text, load_yaml("structure", "report_shapes.yaml")["post_nominals"])
    found += _titled_label_people(text, [label for label in roles["labels"] if len(label.split()) > 1])
    found += _panel_list_people(text, set(roles["panel_role_words"]), labels)
    found += _author_section_people(text, _alternation(roles["author_headings"]))
    found += _cover_date_people(text)
    found += _signature_people(text, roles.get("signature_links", ()), roles.get("signature_bodies", ()))
    found += _member_people(text, _alternation(roles.get("member_phrases", ())))
    found += _independent_people(text, _alternation(roles.get("independent_callings", ())))
    found += _engaged_passive_people(text, _alternation(roles["engage_verbs"]), _alternation(roles["engage_tasks"]))
    found += _second_verb_people(text, _by_adverb(_alternation(roles["panel_verbs"])))
    found += _second_label_people(text, labels)
    found += _cover_byline_people(text, _alternation(roles.get("cover_bylines", ())))
    found += _news_byline_people(text, _alternation(roles.get("news_desks", ())))
    found += _board_officer_people(text, set(roles["panel_role_words"]))
    found += _label_run_people(text, labels)
    found += _page_credit_people(text, roles.get("page_credits", ()))
    found += _presenter_people(text, roles.get("presenting", {}))
    found += _honoured_people(text, roles.get("honours", ()))
    found += _titled_post_people(text, roles.get("titled_post_heads", ()))
    found += _post_first_people(
        text, roles.get("titled_post_heads", ()), load_yaml("structure", "report_shapes.yaml")["post_nominals"]
    )
    found += _consented_names(text, roles.get("consented_naming", {}))
    found += _story_permission_names(text, roles.get("story_permission", {}), roles.get("consented_naming", {}))
    found += _memorial_names(text, roles.get("memorials", {}))
    found += _titled_subject_names(text)
    found += _statement_people(text, roles.get("public_statements", {}), roles.get("statement_verbs", ()))
    found += _own_post_people(text, [label for label in roles["sentence_labels"] if len(label.split()) > 1])
    for names in found:
        people.update(p for p in _split_people(names) if not _is_role_phrase(p))
    people.update(_list_fellows(text, people))
    return people


_LIST_ITEM = re.compile(rf"[ \t]*[-•*·●▪◦][ \t]*(?P<p>{_PERSON_PLAIN})[ \t]*(?:,|[-–—]|\()[^\n]*")


def _list_fellows(text: str, people: set[str]) -> list[str]:
    """ "• Kim Vale, Head of Safeguarding ⏎ • Ray Holt, Designated Nurse ⏎ • Ann Lee, a practising barrister": in a
    run of bulleted "Name, description" lines, when two or more of the names are already named on purpose (panel
    members, authors), the others are the same list's members."""
    found: list[str] = []
    run: list[tuple[str, str]] = []
    for line in [*text.split("\n"), "."]:  # the last line closes a list that ends the text
        if not line.strip():
            continue  # blank lines between the items of one list
        m = _LIST_ITEM.fullmatch(line)
        if m:
            run.append((m["p"], line[m.end("p") :]))
            continue
        if sum(name in people for name, _ in run) >= 2:
            found += [name for name, said in run if not _kin_item(said)]
        run = []
    return found


def _kin_item(description: str) -> bool:
    """A list item that says the person is family ("Kerensa Lowe, mother of Child T"): never a member, even in a
    run of bulleted lines that the panel's list begins (a family list may follow it with only a blank line)."""
    words = set(re.findall(r"[a-z][a-z-]*", description.lower()))
    return bool(words & _kin_words())


@lru_cache(maxsize=1)
def _kin_words() -> frozenset[str]:
    """Words that only name kin (`list_kin_words`; not "child" or "baby": a practitioner's post may hold those)."""
    return frozenset(load_yaml("names", "named_roles.yaml")["list_kin_words"])


def _member_people(text: str, phrases: str) -> list[str]:
    """'Kim Vale, Ray Holt and Ann Lee were members of the panel', 'Kim Vale was a member of the review
    team': the people a sentence makes the review's own members (`member_phrases`)."""
    if not phrases:
        return []
    pattern = (
        rf"{_PEOPLE}{_QUALIFICATIONS}[ \t]+(?:were|was|are|is|sat)[ \t]+(?:(?:both|all|also)[ \t]+)?(?i:{phrases})\b"
    )
    return [m.group("n") for m in re.finditer(pattern, text) if not _CHILD_MEETING.search(m.group(0))]


def _independent_people(text: str, callings: str) -> list[str]:
    """'Kim Vale is an independent social worker who ...': the review introducing its author as
    independent of the agencies, by calling (`independent_callings`)."""
    if not callings:
        return []
    pattern = (
        rf"{_PEOPLE}{_QUALIFICATIONS}[ \t]+(?:is|was|has[ \t]+been)[ \t]+an?[ \t]+(?:(?i:experienced|qualified|"
        rf"registered|senior)[ \t]+)?(?i:independent)[ \t]+(?:(?i:{callings}))\b"
    )
    # ... or in apposition: "Report by Kim Vale, independent safeguarding consultant, May 2016"
    apposition = (
        rf"{_PEOPLE}{_QUALIFICATIONS}[ \t]*,[ \t]+(?:an?[ \t]+)?(?:(?i:experienced|qualified|registered|senior)[ \t]+)?"
        rf"(?i:independent)[ \t]+(?:(?i:{callings}))\b"
    )
    return [m.group("n") for p in (pattern, apposition) for m in re.finditer(p, text)]


def _engaged_passive_people(text: str, verbs: str, tasks: str) -> list[str]:
    """'Kim Vale was commissioned to write the report'; 'The Board appointed Kim Vale to chair the review
    panel and Ray Holt to write the report': engaged for the review's own work, in the passive, or the
    second person of an engaging sentence."""
    work = (
        rf"(?i:to\s+(?:{tasks})\s+(?:(?:the|this|a|an)\s+)?(?:[\w-]+\s+){{0,3}}"
        rf"(?:review|report|panel|CSPR|SCR|LCSPR)s?)\b"
    )
    passive = (
        rf"{_PEOPLE}\s+(?:was|were|has\s+been|had\s+been)\s+(?i:{verbs})\s+"
        rf"(?:(?i:as\s+[^.\n]{{3,40}}?\s+and\s+))?{work}"
    )
    second = rf"(?i:\b(?:{verbs}))\s+{_PERSON}\s+{work}\s+and\s+(?P<m>{_PERSON})\s+{work}"
    found = [m.group("n") for m in re.finditer(passive, text) if not _CHILD_MEETING.search(m.group(0))]
    found += [m.group("m") for m in re.finditer(second, text) if not _CHILD_MEETING.search(m.group(0))]
    return found


def _second_verb_people(text: str, verbs: str) -> list[str]:
    """'The review was chaired by Kim Vale, Head of Safeguarding, and written by Ray Holt'; 'Report
    prepared for the Westbridge Safeguarding Children Board by Kim Vale': a second `panel_verbs` verb in a
    sentence about the review, panel or report, or the report's writer after the board it was written for."""
    patterns = [
        rf"(?i:\b(?:review|panel|report)\b[^.\n]{{0,40}}?\b(?:{verbs})\b)[^.\n]{{0,120}}?"
        rf"\band[ \t]+(?i:{verbs})[ \t]+{_PEOPLE}",
        rf"(?i:\b(?:report|review)[ \t]+(?:prepared|written|produced|compiled|undertaken|completed)"
        rf"(?:[ \t]+[a-z]+ly)?[ \t]+for)"
        rf"[ \t]+[^\n.]{{3,80}}?[ \t]+by[ \t]+{_PEOPLE}",
    ]
    return [
        m.group("n")
        for pattern in patterns
        for m in re.finditer(pattern, text)
        if not _CHILD_MEETING.search(m.group(0))
    ]


def _second_label_people(text: str, labels: str) -> list[str]:
    """'Reviewer: Kim Vale | Chair: Ray Holt', 'Author: Kim Vale; Chair: Ray Holt': a label with its
    colon after a bar or semicolon on a label line (the first is read by `_label_line_people`)."""
    if not labels:
        return []
    pattern = rf"(?m)(?<=[|;])[ \t]*(?i:{labels}){_LABEL_ORG}[ \t]*:[ \t]*{_PEOPLE}"
    return [m.group("n") for m in re.finditer(pattern, text)]


def _presenter_people(text: str, presenting: dict) -> list[str]:
    """ "Our recorded webinar, after a short film, is presented by Dr Kim Vale"; "the briefing, narrated by
    Ray Holt": the person who presents a review's learning to practitioners (`presenting` in
    models/names/named_roles.yaml), named on purpose.  The product and the verb stand in one sentence; a child's
    meeting ("the strategy meeting was chaired by ...") is never one."""
    if not presenting.get("products") or not presenting.get("verbs"):
        return []
    pattern = (
        rf"(?<![\w-])(?i:{_alternation(presenting['products'])})(?![\w-])[^.!?\n]{{0,160}}?"
        rf"(?<![\w-])(?i:{_alternation(presenting['verbs'])})(?:[ \t]+[a-z]+ly)?[ \t]+by[ \t]+{_PEOPLE}"
    )
    return [m.group("n") for m in re.finditer(pattern, text) if not _CHILD_MEETING.search(m.group(0))]


def _honoured_people(text: str, honours) -> list[str]:
    """ "Kim Vale OBE said the findings were stark": a name with an honour after it (`honours` in
    models/names/named_roles.yaml), whom no review gives to a family member: a public person named on purpose."""
    if not honours:
        return []
    pattern = rf"(?<![\w'’-])(?P<n>{_PERSON})[ \t]*,?[ \t]+(?:{_alternation(honours)})(?![\w-])"
    relations = _relationship_re()  # never "the mother, Kim Vale MBE,": family is family
    return [
        m.group("n")
        for m in re.finditer(pattern, text)
        if not _relation_beside(relations, _before_on_line(text, m.start(), 40))
    ]


def _before_on_line(text: str, start: int, width: int) -> str:
    """Up to `width` characters before `start` on its own line: a cover sets each field on a line of its own, so the
    subject's code on the line above ("Child T7") is no relation beside the author's name under it."""
    return text[max(0, start - width, text.rfind("\n", 0, start) + 1) : start]


def _consented_names(text: str, data: dict) -> list[str]:
    """ "At her grandparents' request, Tamsyn's first name is used in this briefing", "Jory's family wished him to be
    named": a given name in a sentence where the family asks or agrees that a name be used (`consented_naming` in
    models/names/named_roles.yaml) is named on purpose.  No sentence that refuses a name ("asked that he not be
    named", "chose a pseudonym") gives one, nor one about a name in the story, not its use in the document ("asked
    the school to call him by his middle name"); only listed first names count: a surname is never consented to."""
    if not data:
        return []

    def words(key: str) -> re.Pattern:
        return re.compile(rf"(?i)(?<![\w'’-])(?:{'|'.join(f'(?:{w})' for w in data[key])})(?![\w-])")

    consent, name_word, negation = words("consent"), words("name_words"), words("negations")
    family, use, relations = words("family"), words("use_words"), _relationship_re()
    _introduced, review, _title = _review_subject_res()
    lex = lexicon()
    found = []
    for sentence in re.split(r"(?<=[.!?])\s+|\n", text):
        if not (consent.search(sentence) and name_word.search(sentence)) or negation.search(sentence):
            continue
        if not (family.search(sentence) or relations.search(sentence)):
            continue
        if not (use.search(sentence) or review.search(sentence)):
            continue  # "his mother asked the school to call him by his middle name": the story's naming
        for m in re.finditer(r"(?<![\w'’-])([A-Z][a-z]+)(?=['’]s\b|[ \t,.;:])", sentence):
            if lex.is_first_name(m[1]) and not lex.is_common_word(m[1]) and m[1].lower() not in lex.roles:
                found.append(m[1])
    return found


def _whole_words_re(words) -> re.Pattern:
    """Any of `words` (regexes) as a whole word, case-insensitive."""
    return re.compile(rf"(?i)(?<![\w'’-])(?:{'|'.join(f'(?:{w})' for w in words)})(?![\w-])")


def _story_permission_names(text: str, data: dict, consent_data: dict) -> list[str]:
    """ "Rachel's story is written with her father's permission so that agencies can learn", "With his grandparents'
    agreement this briefing shares Oskar's journey": the child whose story the document tells, where the family
    consents to the telling (`story_permission` in models/names/named_roles.yaml).  The consent must be for the
    document: the sentence names the review itself or says the telling is for others to learn from, so "his mother
    gave permission for the school to share Jay's story with the youth team" leaves Jay a finding.  Only the name
    before the story word counts.  Under a title line "Wiktor's Journey" the paragraph straight after it may say it
    with a pronoun ("His journey is shared with his mother's permission so that others can learn"); a consent
    further into the story does not reach the title."""
    if not data or not consent_data:
        return []
    consents = _telling_consent(data, consent_data)
    nouns = _alternation(data["story_nouns"])
    story = re.compile(rf"(?<![\w'’-])(?P<n>[A-Z][a-z'’-]+)['’]s[ \t]+(?i:{nouns})(?![\w-])")
    lex = lexicon()
    found: list[str] = []
    for sentence in re.split(r"(?<=[.!?])\s+|\n", text):
        told = list(story.finditer(sentence))
        if told and consents(sentence, told[0]):
            found += [m["n"] for m in told]
    pronoun = re.compile(rf"(?i)(?<![\w'’-])(?:his|her|their)[ \t]+(?:{nouns})(?![\w-])")
    for title in re.finditer(rf"(?m)^[ \t]*{story.pattern}[ \t]*$", text):
        paragraph = re.split(r"\n[ \t]*\n", text[title.end() :].lstrip(), maxsplit=1)[0][:600]
        for sentence in re.split(r"(?<=[.!?])\s+|\n", paragraph):
            phrase = pronoun.search(sentence) or story.search(sentence)
            if phrase and consents(sentence, phrase):
                found.append(title["n"])
    return [n for n in found if not lex.is_common_word(n) and n not in lex.titles and n.lower() not in lex.roles]


def _telling_consent(data: dict, consent_data: dict) -> Callable[[str, re.Match], bool]:
    """A test of one sentence and the story phrase in it: a consent word and a kin word, the review named or a
    purpose of learning, and no negation before the consent or the story or in the two words after it ("asked that
    Kim's story not be told" gives nothing; "... never happening to another child" later does not matter)."""
    consent, negation = _whole_words_re(consent_data["consent"]), _whole_words_re(consent_data["negations"])
    # kin only: the role words of models/names/role_words.txt hold practitioners too ("the social worker agreed")
    family = _whole_words_re([*consent_data["family"], *(re.escape(w) for w in _kin_words())])
    purpose = _whole_words_re(data["purposes"])
    _introduced, review, _title = _review_subject_res()

    def consents(sentence: str, told: re.Match) -> bool:
        agreed = consent.search(sentence)
        if agreed is None or not family.search(sentence):
            return False
        if not (purpose.search(sentence) or review.search(sentence)):
            return False  # consent to pass the story on, not to tell it here
        after = re.match(r"(?:[^\w]+[\w'’]+){0,2}", sentence[told.end() :])  # "... story not be told"
        return not negation.search(sentence[: max(agreed.end(), told.end())] + (after.group(0) if after else ""))

    return consents


def _memorial_names(text: str, data: dict) -> list[str]:
    """ "In memory of Ailsa", "Dedicated to the memory of Tomos Price" alone on a line, or "This briefing is dedicated
    to Nell": a dedication the publisher sets apart or gives the review itself names its child on purpose
    (`memorials` in models/names/named_roles.yaml).  A memorial in the story ("a bench placed in memory of his
    cousin, Aaron Whitlock") is neither, and that name stays a finding."""
    if not data:
        return []
    lead = "|".join(f"(?:{p})" for p in data["phrases"])
    names = rf"(?P<n>{_PERSON_PLAIN}|{_NAMES})"
    found = [m["n"] for m in re.finditer(rf"(?m)^[ \t]*(?i:{lead})[ \t]+{names}[ \t]*[.!]?[ \t]*$", text)]
    _introduced, review, _title = _review_subject_res()
    for sentence in re.split(r"(?<=[.!?])\s+|\n", text):
        m = re.search(rf"(?i:{lead})[ \t]+{names}(?![\w'’-])", sentence)
        if m and review.search(sentence[: m.start()]):
            found.append(m["n"])
    return found


@lru_cache(maxsize=1)
def _named_title_res() -> tuple[re.Pattern, ...]:
    data = _named_roles().get("named_titles") or {}
    heads = "|".join(f"(?:{h})" for h in data.get("heads", ["review"]))
    links = "|".join(f"(?:{k})" for k in data.get("links", ["re"]))
    title = rf"(?:[A-Z][\w'’&-]*[ \t]+){{0,6}}?(?i:{heads})"
    one_line = re.compile(rf"(?m)^[ \t]*{title}[ \t]*[:–—-]?[ \t]*(?i:{links})[ \t]+(?P<n>{_PERSON_PLAIN})[ \t]*$")
    two_lines = re.compile(
        rf"(?m)^[ \t]*{title}[ \t]*\n(?:[ \t]*\n)*[ \t]*(?i:{links})[ \t]+(?P<n>{_PERSON_PLAIN})[ \t]*$"
    )
    # a cover run into one line: the title's head in capitals, the link, the name, then the next cover field
    fields = _alternation(data.get("cover_fields", []))
    word = rf"(?!(?:{fields})\b)[A-Z][a-z'’-]+" if fields else r"[A-Z][a-z'’-]+"
    head = "|".join(f"(?:{h[:1].upper()}{h[1:]})" if h[:1].isalpha() else f"(?:{h})" for h in data.get("heads", []))
    flattened = re.compile(
        rf"(?<![\w'’-])(?:{head})[ \t]*[:–—-]?[ \t]*(?i:{links})[ \t]+(?P<n>{word}(?:[ \t]+{word}){{1,2}})"
        rf"(?=[ \t]+(?:(?:{fields})\b|\d)[^\n]*$)"
        if fields
        else r"(?!x)x",
        re.M,
    )
    return one_line, two_lines, flattened, *_subject_title_res(data, title, fields)


def _subject_title_res(data: dict, title: str, fields: str) -> tuple[re.Pattern, ...]:
    """Two title shapes that name the review's child by a given name alone: the subject word a review puts before
    its child's name after the title's colon or dash ("SERIOUS CASE REVIEW: BABY CORRAN", "Learning Review - Child
    Morwen"; `subject_words`), the name in any case, ending the line or a cover run into one line at a cover field;
    and a death link with one given name ending the title line ("Domestic Homicide Review into the death of Ysolde";
    `death_links`), a pseudonymous first name as such reviews use.  A code ("Baby P") or a topic word after the
    subject word ("Child Protection", `not_child_codes` in report_shapes.yaml) gives nothing."""
    subjects = _alternation(data.get("subject_words", []))
    deaths = "|".join(f"(?:{k})" for k in data.get("death_links", []))
    if not subjects or not deaths:
        return ()
    not_codes = _alternation(load_yaml("structure", "report_shapes.yaml").get("not_child_codes", []))
    name = rf"(?!(?i:{not_codes})\b)(?P<n>[A-Z][A-Za-z'’-]+)" if not_codes else r"(?P<n>[A-Z][A-Za-z'’-]+)"
    end = rf"[ \t]*(?:$|[ \t]+[-–—][ \t]+[^\n]*$|[ \t]*\.?[ \t]+(?=(?:{fields})\b|\d))" if fields else r"[ \t]*$"
    subject = re.compile(rf"(?m)^[ \t]*(?:\d+[ \t]+)?{title}[ \t]*[:–—-][ \t]*(?i:{subjects})[ \t]+{name}{end}")
    death = re.compile(rf"(?m)^[ \t]*{title}[ \t]+(?i:{deaths})[ \t]+(?P<n>[A-Z][a-z'’-]+)[ \t]*$")
    return subject, death


def _titled_subject_names(text: str) -> list[str]:
    """ "Serious Case Review re Daniel Marsh", "Learning Review in respect of the death of Ailsa Drummond", or a
    title line with "Re Daniel Marsh" alone on the line under it: a review named after its child on a whole title
    line names the child on purpose (`named_titles` in models/names/named_roles.yaml).  A cover run into one line
    ends the name at the next cover field ("... Serious Case Review Re Daniel Marsh Born 2 May 2010 Overview Report
    ..."), a date or a word of `cover_fields`.  The same words inside a sentence ("the review in respect of the
    death of Kim Vale's brother") give nothing, nor a code ("re Child K").  A given name alone after the title's
    subject word or death link (`_subject_title_res`) names the child too."""
    found: list[str] = []
    for pattern in _named_title_res():
        # a title in capitals ("BABY CORRAN") names the child as "Corran" does
        found += [m["n"].title() if m["n"].isupper() else m["n"] for m in pattern.finditer(text) if len(m["n"]) > 1]
    not_names = set(_named_roles().get("named_titles", {}).get("not_subject_words", []))
    for pattern in _plural_and_name_first_title_res():
        found += [m["n"] for m in pattern.finditer(text) if not set(re.findall(r"[A-Za-z]+", m["n"])) & not_names]
    return found


@lru_cache(maxsize=1)
def _plural_and_name_first_title_res() -> tuple[re.Pattern, ...]:
    """Two more whole-line shapes of a review named after its children, as published reviews title themselves:
    children coordinated after a plural death link ("The joint inquiry into the deaths of Kim Vale and Ray
    Holt"; `plural_death_links`; the title's words after the first may be lower case), and the child's name
    first, straight before the review type, ending a title line that starts there or after the title's dash or
    colon ("Bulletin: Westshire Board - Kim Vale Serious Case Review"; `name_first_types`).  A name holding a
    board's or the title's own words (`not_subject_words`: "Eastshire Council Serious Case Review") is none."""
    data = _named_roles().get("named_titles") or {}
    heads = "|".join(f"(?:{h})" for h in data.get("heads", ["review"]))
    plural = "|".join(f"(?:{k})" for k in data.get("plural_death_links", []))
    types = "|".join(f"(?:{t})" for t in data.get("name_first_types", []))
    if not plural or not types:
        return ()
    title = rf"[A-Z][\w'’&-]*(?:[ \t]+[\w'’&-]+){{0,6}}?[ \t]+(?i:{heads})"
    people = rf"{_PERSON_PLAIN}(?:[ \t]*,[ \t]*{_PERSON_PLAIN})*[ \t]+(?:and|&)[ \t]+{_PERSON_PLAIN}"
    coordinated = re.compile(rf"(?m)^[ \t]*{title}[ \t]+(?i:{plural})[ \t]+(?P<n>{people})[ \t]*$")
    name_first = re.compile(rf"(?m)(?:^[ \t]*|[ \t][-–—:][ \t]+)(?P<n>{_PERSON_PLAIN})[ \t]+(?i:{types})[ \t]*$")
    return coordinated, name_first


def _titled_post_people(text: str, heads) -> list[str]:
    """ "Kim Vale, Independent Safeguarding Consultant, was appointed", "Foreword from Kim Vale, Independent
    Scrutineer": a name, a comma and a post written in capitals that ends in one of `titled_post_heads` (a
    reviewer, chair, consultant or the page's writer); no family word in the post ("Kim Vale, Family Editor")."""
    if not heads:
        return []
    pattern = (
        rf"(?<![\w'’-])(?P<n>{_PERSON})[ \t]*,[ \t]+(?P<post>(?:[A-Z][\w'’-]*[ \t]+){{0,3}}"
        rf"(?:{_alternation(heads)}))(?![\w-])(?![ \t]+[A-Z])"  # the post ends there: no "Consultant Paediatrician"
    )
    relations = _relationship_re()
    return [
        m.group("n")
        for m in re.finditer(pattern, text)
        if not _kin_item(m["post"]) and not _relation_beside(relations, text[max(0, m.start() - 40) : m.start()])
    ]


def _post_first_people(text: str, heads, letters) -> list[str]:
    """ "the partnership's Independent Child Safeguarding Commissioner, Kim Vale QPM, can be found", "the Independent
    Scrutineer, Ray Holt, wrote": a post written in capitals that ends in one of `titled_post_heads`, a comma, then
    the name (letters after it allowed) closed by a comma or the sentence's end: the same apposition as
    `_titled_post_people` with the post first.  No family word in the post, no relative just before it."""
    if not heads:
        return []
    post = "|".join(r"\.?".join(re.escape(c) for c in p) + r"\.?" for p in sorted(letters, key=len, reverse=True))
    pattern = (
        rf"(?<![\w-])(?P<post>(?:[A-Z][\w'’-]*[ \t]+){{0,4}}(?:{_alternation(heads)}))[ \t]*,[ \t]+"
        rf"(?P<n>{_PERSON_PLAIN})(?:[ \t]+(?:{post})(?![\w]))*[ \t]*(?:,|\.(?:[ \t]|$))"
    )
    relations = _relationship_re()
    return [
        m.group("n")
        for m in re.finditer(pattern, text)
        if not _kin_item(m["post"]) and not _relation_beside(relations, text[max(0, m.start() - 40) : m.start()])
    ]


# a quotation that opens right after a statement verb ("said: “", "added, '", "said,\n\n“") or closes right before
# the verb ('…,” said')
_QUOTE_AFTER = re.compile(r"[ \t]*[:,]?[ \t]*(?:\n[ \t]*){0,2}[“\"‘'«]|[ \t]+in[ \t]+a[ \t]+statement\b")
_QUOTE_CLOSE = r"[”\"’'»][ \t]*,?[ \t]*"
# the post names its body in capitals: "chief executive of Upbury Council", "of Upbury Police", "Upbury Council's"
_NAMED_BODY = re.compile(r"\b(?:of|for|at|from|with)[ \t]+(?:the[ \t]+)?[A-Z]|[A-Z][\w&-]*['’]s\b")


def _statement_people(text: str, data: dict, verbs) -> list[str]:
    """Who speaks for a body in a public statement about the review (a news item, a press release, a partnership's
    page): "Kim Vale, chief executive of Upbury Council, said", "the charity's head of policy, Kim Vale, said:",
    "Detective Superintendent Kim Vale, of Upbury Police, said", '"…," said Supt Kim Vale'.  The person must hold
    an explicit public post (`public_statements.posts`, or a rank before the name) and the statement must be
    public: a quotation opens after the verb or closes before it, or the post names its body in capitals.  A
    practitioner or relative of the case story has no such post ("the social worker, Kim Vale, said"), and a post
    of a child's own setting or meeting (`settings`) never counts."""
    if not data or not verbs:
        return []
    said = rf"(?:{_alternation(verbs)})\b"
    posts = _alternation(data.get("posts", ()))
    ranks = _alternation(data.get("ranks", ()))
    name = rf"(?P<n>{_PERSON})"
    owner = r"(?:(?:[A-Z][\w&'’-]*[ \t]+){0,3}[A-Z][\w&-]*['’]s[ \t]+|(?i:[a-z]+)['’]s[ \t]+)?"
    post = (
        rf"(?P<post>(?i:(?:the|its|their|our|an?)[ \t]+)?{owner}(?:[a-z-]+[ \t]+){{0,2}}?(?i:{posts})(?![\w-])"
        r"[^,;:\n“”\"]{0,70}?)"
    )
    rank = rf"(?<![\w-])(?P<post>{ranks})[ \t]+{name}(?P<body>[ \t]*,[ \t]+(?:of|from|at|for)[ \t]+[^,;:\n]{{1,60}},)?"
    shapes = [
        rf"(?<![\w'’-]){name}[ \t]*,[ \t]+{post}[ \t]*,?[ \t]+{said}",  # "Kim Vale, chief executive of X, said"
        rf"(?<![\w'’-]){post}[ \t]*,[ \t]+{name}[ \t]*,?[ \t]+{said}",  # "The charity's head of policy, Kim Vale, said"
        rf"{rank}[ \t]+{said}",  # "Detective Superintendent Kim Vale said"
    ]
    closing = [  # the quotation first: '"…," said Supt Kim Vale', '"…," said Kim Vale, director of …'
        rf"{_QUOTE_CLOSE}{said}[ \t]+{rank}",
        rf"{_QUOTE_CLOSE}{said}[ \t]+{name}[ \t]*,[ \t]+{post}",
        rf"{_QUOTE_CLOSE}{said}[ \t]+{post}[ \t]*,[ \t]+{name}",
    ]
    settings = re.compile(rf"(?i)\b(?:{_alternation(data.get('settings', ()))})\b")
    body = re.compile(rf"\b[A-Z]{{3,}}\b|(?i:\b(?:{_alternation(data.get('bodies', ()))})\b)")
    found = []
    for pattern in shapes:
        for m in re.finditer(pattern, text):
            public = (
                _QUOTE_AFTER.match(text, m.end())
                or _NAMED_BODY.search(m["post"] or "")
                or (m.groupdict().get("body") and _NAMED_BODY.search(m["body"]))
            )
            if public and not settings.search(m.group(0)):
                found.append(m.group("n"))
    for pattern in closing:
        found += [m.group("n") for m in re.finditer(pattern, text) if not settings.search(m.group(0))]
    # no post, only the body: "Kim Vale, from the NSPCC, said: “…”" (a quotation, and a body's name, never a place's)
    source = (
        rf"(?<![\w'’-]){name}[ \t]*,[ \t]+(?:from|of|at|for)[ \t]+(?:the[ \t]+)?"
        rf"(?P<org>[^,;:\n“”\"]{{2,60}}),[ \t]+{said}"
    )
    found += [
        m.group("n")
        for m in re.finditer(source, text)
        if _QUOTE_AFTER.match(text, m.end()) and body.search(m["org"]) and not settings.search(m["org"])
    ]
    # a sentence that gives the post: "Kim Vale is chief executive of Upbury Council" (the body named in capitals)
    given = (
        rf"(?<![\w'’-]){name}[ \t]+(?:is|was|has[ \t]+been)[ \t]+(?:(?:the|an?)[ \t]+)?{owner}(?:[a-z-]+[ \t]+){{0,2}}?"
        rf"(?i:{posts})(?![\w-])(?P<org>[ \t]+(?:of|at|for)[ \t]+(?:the[ \t]+)?[A-Z][^,;:.\n]{{1,60}})"
    )
    found += [
        m.group("n") for m in re.finditer(given, text) if body.search(m["org"]) and not settings.search(m.group(0))
    ]
    return [n for n in found if not _kin_beside_name(text, n)]


def _own_post_people(text: str, labels: list[str]) -> list[str]:
    """ "assisted by Kim Vale, board business manager, and ...": a name with one of the review's or board's own posts
    of two or more words (`sentence_labels`) in apposition, in any case; never a relative of the story."""
    pattern = (
        rf"(?m)(?<![\w'’-])(?P<n>{_PERSON})"
        rf"(?P<app>[ \t]*,[ \t]*(?:(?:the|our|its)[ \t]+)?(?i:{_alternation(labels)})[ \t]*(?:[,.;)]|$))"
    )
    return [
        m.group("n")
        for m in re.finditer(pattern, text)
        if _own_post(m["app"]) and not _kin_beside_name(text, m.group("n"))
    ]


def _kin_beside_name(text: str, name: str) -> bool:
    """The document uses the person in the family's story: a family word right beside the surname anywhere
    ("the boy's grandmother, Kim Vale", "Mrs Vale, his aunt")."""
    surname = name.split()[-1]
    family = _kin_words()  # relatives only (`list_kin_words`): "girl" or "victim" beside a quote is no kinship
    for m in re.finditer(rf"\b{re.escape(surname)}\b", text):
        lo, hi = max(0, m.start() - 30), m.end() + 30
        while lo > 0 and text[lo - 1].isalnum():  # whole words only ("spokesperson" holds no "son")
            lo -= 1
        while hi < len(text) and text[hi].isalnum():
            hi += 1
        near = re.findall(r"[a-z][a-z-]+", text[lo:hi].lower())
        if family & set(near):
            return True
    return False


def _by_adverb(verbs: str) -> str:
    """A verb alternation whose "... by" phrases also take an adverb before "by" ("compiled independently by",
    "written jointly by")."""
    return verbs.replace(r"\s+by", r"(?:\s+[a-z]+ly)?\s+by")


def _page_credit_people(text: str, credits, max_lines: int = 40) -> list[str]:
    """'… published on this website Thursday 5 June 2025 by Kim Vale', 'Posted by: kvale on Jun 5, 2025'
    (`page_credits`): the web page's editor or the site account that uploaded it, on a line of the page's head
    (before the contents or the first numbered paragraph) that the name ends.  In the narrative "a photograph
    posted by <name>" is a person of the story and stays a finding."""
    if not credits:
        return []
    # "… at 09/10/2013 23:17", "… on Jun 24, 2010", "… on 3 March 2015"
    worded = r"[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2},?[ \t]+\d{4}|\d{1,2}[ \t]+[A-Z][a-z]{2,8}\.?,?[ \t]+\d{4}"
    when = rf"(?:[ \t]+(?:at|on)[ \t]+(?:[\d/.:, ]+|{worded})(?:[ \t]*[ap]\.?m\.?)?)?"
    # a site's account name may be one word ("Posted by: Tamsin"): the credit line's shape is the evidence
    people = rf"(?:{_PEOPLE}|(?P<h>[A-Z][\w.-]{{2,30}}))"
    pattern = re.compile(rf"(?i:{'|'.join(f'(?:{c})' for c in credits)})[ \t]*:?[ \t]*{people}{when}[ \t]*$")
    matches = (pattern.search(line) for line in _head_lines(text, max_lines) if len(line.split()) <= 25)
    return [m.group("n") or m.group("h") for m in matches if m]


def _head_lines(text: str, max_lines: int):
    """The lines of a page's head: the first `max_lines`, up to the contents or the first numbered paragraph."""
    for n, line in enumerate(text.split("\n")):
        if n >= max_lines or _COVER_END.match(line):
            return
        yield line


def _label_run_people(text: str, labels: str, max_names: int = 8) -> list[str]:
    """'Review Team Kim Vale Ray Holt Ann Lee': a label line whose rest is only names run together with no
    comma or "and" between them (a cover's list set on one line), read as whole names, each a known first
    name and one or two capitalised words after it."""
    if not labels:
        return []
    lex = lexicon()
    word = r"[A-Z][a-z'’-]+"
    line_re = re.compile(
        rf"(?m)^[ \t]*(?i:{labels})[ \t]*[:\-–—]?[ \t]*(?P<run>{word}(?:[ \t]+{word}){{3,{3 * max_names}}})[ \t]*$"
    )
    found = []
    for m in line_re.finditer(text):
        words = m["run"].split()
        names: list[list[str]] = []
        for w in words:
            if lex.is_first_name(w) and (not names or len(names[-1]) >= 2):
                names.append([w])
            elif names and len(names[-1]) < 3:
                names[-1].append(w)
            else:
                names = []
                break
        if len(names) >= 2 and all(len(n) >= 2 for n in names):
            found += [" ".join(n) for n in names]
    return found


def _cover_byline_people(text: str, bylines: str, max_lines: int = 40) -> list[str]:
    """'By Kim Vale' alone on a cover line (before the contents or the first numbered paragraph)."""
    if not bylines:
        return []
    pattern = re.compile(rf"[ \t]*(?:{bylines})[ \t]*:?[ \t]+{_PEOPLE}{_QUALIFICATIONS}[ \t]*")
    matches = (pattern.fullmatch(line) for line in _head_lines(text, max_lines))
    return [m.group("n") for m in matches if m]


def _news_byline_people(text: str, desks: str, max_lines: int = 40) -> list[str]:
    """ "Kim Vale ⏎ BBC News, Upbury": a name alone on a line of a page's head, over a short line naming the news
    desk or the writer's post (`news_desks`): the article's writer."""
    if not desks:
        return []
    name_line = re.compile(rf"[ \t]*(?P<n>{_PERSON})[ \t]*")
    desk_line = re.compile(rf"(?<![\w-])(?:{desks})(?![\w-])")
    lines = [line for line in _head_lines(text, max_lines) if line.strip()]
    return [
        m.group("n")
        for line, nxt in zip(lines, lines[1:], strict=False)
        if (m := name_line.fullmatch(line)) and len(nxt.split()) <= 8 and desk_line.search(nxt)
    ]


def _board_officer_people(text: str, role_words: set[str]) -> list[str]:
    """'Contact: Kim Vale, Business Manager, Westbridge Safeguarding Children Board': a line (no
    sentence) that gives a person, a role and the review's own board or partnership is the board's
    officer, named on purpose (`_ORGANISATION_LINE`; the role has a `panel_role_words` word)."""
    pattern = re.compile(
        rf"[ \t]*(?:[A-Z][\w ]{{0,20}}:[ \t]*)?{_PEOPLE}[ \t]*,[ \t]*(?P<role>[^,\n.]{{3,60}}),"
        rf"[ \t]*(?P<org>[^\n]{{3,100}})"
    )
    found = []
    for line in text.split("\n"):
        m = pattern.fullmatch(line)
        if (
            m
            and _ORGANISATION_LINE.search(m["org"])
            and any(w in role_words for w in re.findall(r"[\w-]+", m["role"]))
            and not line.rstrip().endswith(".")
        ):
            found.append(m.group("n"))
    return found


def review_authors(report: Report) -> set[str]:
    """The review's own writers, whom a coded draft still names: the cover's author and whoever the text
    introduces as its author, lead or co-reviewer or facilitator (`author_labels` in
    models/names/named_roles.yaml) on a label line ("Lead reviewers: Kim Vale and Ray Holt"), in a table
    row ("| Independent reviewer | Kim Vale |", "| Kim Vale | KV | Independent reviewer (author) |"), or
    beside the label in a sentence ("facilitated by an independent reviewer, Kim Vale"; "Kim Vale,
    independent reviewer").  Chairs, panel members and managers are not among them: a draft codes them
    like anyone else."""
    people = set(_split_people(report.metadata.author)) if report.metadata.author else set()
    roles = _named_roles()
    labels = _alternation(roles.get("author_labels", ()))
    if not labels:
        return people
    text = report.text
    adjective = rf"(?:(?i:{_alternation(roles['label_adjectives'])})[ \t]+){{0,3}}"
    patterns = [
        rf"(?m)^[ \t]*\|[ \t]*(?i:{labels})[ \t]*\|[ \t]*{_PEOPLE}[ \t]*\|",
        rf"(?m)^[ \t]*\|[ \t]*{_PEOPLE}[ \t]*\|[ \t]*(?i:{labels})[ \t]*\|",
        # an attendance table with an initials column: "| Dr Kim Vale | KV | Independent reviewer (author) |"
        rf"(?m)^[ \t]*\|[ \t]*{_PEOPLE}[ \t]*\|[ \t]*[A-Z][A-Za-z'’-]{{1,7}}[ \t]*\|[ \t]*{adjective}"
        rf"(?i:{labels})(?:[ \t]*\([^)|\n]{{0,30}}\))?[ \t]*\|",
        # "\b": a name starts a word (never "Allister Vale" inside "McAllister Vale"); half the time
        rf"\b{_PEOPLE},[ \t]+(?:(?:the|an?)[ \t]+)?{adjective}(?i:{labels})\b",
        rf"(?<![\w-])(?i:{labels})[ \t]*,[ \t]*{_PEOPLE}",
        # a second label on the same line: "Lead reviewer: Kim Vale. Co-reviewer: Ray Holt."
        rf"(?<=[.;])[ \t]+(?i:{labels})[ \t]*:[ \t]*{_PEOPLE}",
    ]
    found = _label_line_people(text, labels)
    found += [m.group("n") for pattern in patterns for m in re.finditer(pattern, text)]
    found += _signature_people(text, roles.get("signature_links", ()), roles.get("signature_bodies", ()))
    for names in found:
        people.update(p for p in _split_people(names) if not _is_role_phrase(p))
    return people


def _signature_people(text: str, links, bodies) -> list[str]:
    """Names that sign the review or its foreword on a line of their own: "Professor Kim Vale, for the
    Panel's practice sub-group", "Ray Holt, on behalf of the Westbridge Safeguarding Partnership".
    The rest of the line names the review's own body (panel, board, partnership: `signature_bodies`)
    and holds no comma or full stop, so neither a narrative sentence ("Kim Vale, for the police,
    said ...") nor a contributor signing for an agency ("Kim Vale, for Children's Social Care") is one."""
    if not links or not bodies:
        return []
    pattern = (
        rf"(?m)^[ \t]*{_PEOPLE}{_QUALIFICATIONS}[ \t]*,[ \t]+(?:{_alternation(links)})[ \t]+"
        rf"(?=[^\n.,;:!?]{{0,80}}?(?<![\w-])(?:{_alternation(bodies)})(?![\w-]))"
        rf"(?:(?:the|this|our)[ \t]+)?[A-Z][^\n.,;:!?]{{0,80}}$"
    )
    return [m.group("n") for m in re.finditer(pattern, text)]


def _is_role_phrase(text: str) -> bool:
    """'Independent Author', 'Designated Doctor': ordinary words, not a person."""
    lex = lexicon()
    words = [w for w in re.findall(r"[^\W\d_]+", text) if w not in lex.titles]
    return not words or all(lex.is_common_word(w) for w in words)


def _label_line_people(text: str, labels: str) -> list[str]:
    """Names beside a label on the cover or a signature block (before, after, or on the adjacent line)."""
    if not labels:
        return []
    sep = r"[ \t]*[:\-–—,]*[ \t]*(?:(?:is|was)[ \t]+)?"
    # "Designated Doctor and Panel Chair": other role words, joined by "and", may stand before the label
    label_line = re.compile(
        rf"[ \t]*(?:(?:[A-Z][\w'’&]*|and)[ \t]+){{0,5}}(?i:{labels}){_LABEL_ORG}[ \t]*[:\-–—]*[ \t]*"
    )
    org_then_name = re.compile(rf".*\b(?:{_ORG_HEADS})[ \t]+{_PEOPLE}{_QUALIFICATIONS}[ \t]*")
    before = re.compile(rf"[ \t]*(?:[A-Z][\w'’&]*[ \t]+){{0,4}}(?i:{labels}){_LABEL_ORG}{sep}{_PEOPLE}")
    # "Jane Smith, Independent Reviewer", "Jane Smith (Chair of the Review Panel)"
    after = re.compile(rf"[ \t]*{_PEOPLE}{_QUALIFICATIONS}[ \t]*[,\-–—(]?[ \t]*(?:the[ \t]+)?(?i:{labels})\b")
    names_only = re.compile(rf"[ \t]*{_PEOPLE}{_QUALIFICATIONS}[ \t]*")
    lines = [line for line in text.split("\n")]
    found = []
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        m = None if label_line.fullmatch(line) else before.match(line) or after.match(line)
        if m:
            found.append(m.group("n"))
            continue
        following = [lines[k] for k in range(i + 1, min(i + 8, len(lines))) if lines[k].strip()]
        nxt = following[0] if following else ""
        prev = next((lines[k] for k in range(i - 1, max(i - 3, -1), -1) if lines[k].strip()), "")
        if names_only.fullmatch(line):
            # "Jane Smith\nJohn Brown\nIndependent Reviewers": names lines, then the label
            starts_label = re.compile(rf"[ \t]*(?i:{labels})\b")
            after_names = next(
                (
                    ln
                    for ln in following
                    if label_line.fullmatch(ln) or starts_label.match(ln) or not names_only.fullmatch(ln)
                ),
                "",
            )
            named = names_only.fullmatch(line)
            # ... or a label line above the names lines ("Independent Reviewers\nKim Vale\nRay Holt")
            above = next(
                (
                    lines[k]
                    for k in range(i - 1, max(i - 6, -1), -1)
                    if lines[k].strip() and (label_line.fullmatch(lines[k]) or not names_only.fullmatch(lines[k]))
                ),
                "",
            )
            label_below = starts_label.match(after_names) or label_line.fullmatch(after_names)
            if (label_below or label_line.fullmatch(prev) or label_line.fullmatch(above)) and named:
                found.append(named.group("n"))
        elif (run_together := org_then_name.fullmatch(line)) and label_line.fullmatch(nxt):
            # "Somerset Safeguarding Children Board Jane Smith\nDirector of Consultancy": a cover block run together
            found.append(run_together.group("n"))
        elif label_line.fullmatch(line) and nxt:
            m = re.match(rf"[ \t]*{_PEOPLE}", nxt)
            if m and (names_only.fullmatch(nxt) or after.match(nxt)):
                found.append(m.group("n"))
                # "Independent Reviewers\nKim Vale\nRay Holt": the names lines under one label
                for more in following[1:6]:
                    named = names_only.fullmatch(more)
                    if not named or label_line.fullmatch(more) or re.search(rf"\b(?:{_ORG_HEADS})\b", more):
                        break
                    found.append(named.group("n"))
    return found


def _sentence_people(text: str, labels: str, verbs: str, role_labels: str = "", adjectives: str = "") -> list[str]:
    """'The Chair of the Westbridge LSCB, Graham Lindqvist, decided', 'Ann Lee, the Independent Chair',
    'The Independent Chair and Scrutineer is Colin Feather', 'the review panel was chaired by Dr X',
    'the Minister of State, Jane Doe,', 'carried out by Independent Reviewers Dr X and Y'."""
    org = (
        r"(?:[ \t]+(?:of|for)[ \t]+(?:(?:the|that|this)[ \t]+)?(?:[A-Z][\w'’&-]*+[ \t]*){1,6}"
        # ... or the review's own body in lower case: "The chair of the review panel was Kim Vale"
        r"|[ \t]+of[ \t]+the[ \t]+(?:(?:case[ \t]+)?review[ \t]+)?(?:panel|review|board|partnership)\b)?"
    )
    label_between = rf"(?:(?:(?:the|an?)[ \t]+)?(?i:{role_labels})[ \t]+)?" if role_labels else ""
    adjective = (
        rf"(?:(?i:{adjectives})[ \t]+){{0,3}}" if adjectives else ""
    )  # "Kim Vale, an experienced independent reviewer"
    # labels of two or more words that name the review's or the board's own people ("Business Manager"
    # alone may be a nursery's)
    multi_word = "|".join(
        label
        for label in labels.split("|")
        if r"\s+" in label
        and re.search(r"(?i)chair|reviewer|author|scrutineer|partnership|board|minister|commissioner", label)
    )
    # "the Government's Chief Social Worker", "the partnership's independent scrutineer", "Upbury Council's cabinet
    # member": whose post it is, a body in capitals or the review's own body in lower case
    body = r"(?:(?:[A-Z][\w-]*[ \t]+){0,2}[A-Z][\w-]*|(?i:partnership|board|panel|review|report|council))['’]s[ \t]+"
    owner = rf"(?:{body})?"
    works = _alternation(_named_roles().get("review_work_clauses", ())) or r"(?!x)x"
    statements = _alternation(_named_roles().get("statement_verbs", ())) or r"(?!x)x"
    patterns = [
        rf"(?<![\w-])(?i:{labels}){org}[ \t]*(?:,|\bis\b|\bwas\b)[ \t]*{_PEOPLE}",
        rf"{_PEOPLE},[ \t]+(?:the|our|an?)[ \t]+{owner}{adjective}(?i:{labels})\b",
        # no article, the owner said: "Kim Vale, Upbury Council's cabinet member for children"
        rf"{_PEOPLE},[ \t]+{body}{adjective}(?i:{labels})\b",
        # the label owned by the review or its body before the name: "The report's author, Kim Vale, said"
        rf"(?i:\b(?:the|this)[ \t]+(?:review|report|overview|panel|partnership|board)['’]s[ \t]+){adjective}"
        rf"(?i:{labels}|author|authors|writer|reviewer|reviewers)[ \t]*(?:,|\bis\b|\bwas\b)[ \t]*{_PEOPLE}",
        # a press statement: "Kim Vale, Chairman of the Upbury Safeguarding Children Board, said": no article,
        # so only with the board, partnership, panel or council named in capitals after the label
        rf"{_PEOPLE},[ \t]+{adjective}(?i:{labels})[ \t]+(?:of|for)[ \t]+(?:the[ \t]+)?(?:[A-Z][\w'’&-]*[ \t]+){{0,5}}"
        rf"(?:Board|Partnership|LSCB|LSCP|SCB|SCP|Panel|Council)\b",
        # ... the label before the name, no comma: "Independent Chairman of the USCB Kim Vale said"; or the board
        # the speaker is from: "Kim Vale, from Upbury Safeguarding Children Board, said" (`statement_verbs`)
        rf"(?<![\w-])(?i:{labels}){org}[ \t]+{_PEOPLE}[ \t]+(?:{statements})\b",
        rf"{_PEOPLE},[ \t]+(?:from|of|at|for)[ \t]+(?:the[ \t]+)?(?:[A-Z][\w'’&-]*[ \t]+){{0,5}}"
        rf"(?:Board|Partnership|LSCB|LSCP|SCB|SCP|Panel|[A-Z]*SC[BP])\b[^,.\n]{{0,12}},[ \t]+(?:{statements})\b",
        # "Kim Vale, CBE is the Panel Member who will lead the review", "Kim Vale is the independent reviewer"
        rf"{_PEOPLE}{_QUALIFICATIONS}[ \t]+(?:is|was|will[ \t]+be|has[ \t]+been)[ \t]+(?:the|our|an?)[ \t]+"
        rf"{owner}{adjective}(?i:{labels})\b",
        # "the partnership business manager Kim Vale", "our Independent Chair Kim Vale": a label of two
        # or more words right before the name ("Independent Reviewing Officer Kim Vale" is no label)
        rf"(?<![\w-])(?i:(?:the|our|its|their)[ \t]+(?:(?:partnership|board|panel)(?:['’]s)?[ \t]+)?)"
        rf"(?<!protection )(?<!conference )(?i:{multi_word})\b[ \t]+{_PEOPLE}",
        # (not a child's own review meeting: "the child protection review conference was chaired by" an IRO)
        rf"(?i:(?<!protection )(?<!LAC )(?<!CLA )(?<!after )"
        rf"\b(?:reviews?|panels?|board|partnership|(?:this|overview|final)[ \t]+report|IMRs?"
        # ... or a sentence that opens on the report itself: "The overview was written jointly by Kim Vale"
        rf"|(?:^|(?<=\n)|(?<=[.!?][ \t]))the[ \t]+(?:report|overview)(?=[ \t]+(?:was|has|had|is)\b))\b"
        rf"(?![ \t]+(?:conferences?|meetings?|hearings?)\b)[^.\n]{{0,40}}?\b(?:{verbs}))"
        rf"[ \t]*:?[ \t]+{label_between}{_PEOPLE}",
    ]
    # a relative clause that gives the person the review's own work or body: "Kim Vale, who chairs the Upbury
    # Safeguarding Children Board, said", "Ray Holt, who wrote the report," (`review_work_clauses`); never a
    # child's meeting or its report ("who wrote the Child Protection Conference report")
    clause = (
        rf"{_PEOPLE}{_QUALIFICATIONS}[ \t]*,[ \t]+who[ \t]+(?i:{works})[ \t]+(?i:the|this|our)[ \t]+"
        rf"(?:(?:[A-Z][\w'’-]*|(?i:serious|case|practice|safeguarding|independent|local|child|children['’]s|overview"
        rf"|final|rapid|learning|review))[ \t]+){{0,6}}"
        rf"(?i:review|report|panel|board|partnership|inquiry|LSCB|LSCP|SCB|SCP|CSPR|LCSPR|SCR)\b"
    )
    # (never "X is the chair of the child protection conference" or "… of the school governors")
    return [
        m.group("n")
        for pattern in patterns
        for m in re.finditer(pattern, text)
        if not _CHILD_MEETING.search(" ".join(text[m.end() : m.end() + 50].split()[:6]))
        and not _kin_right_before(text, m.start("n"))
    ] + [m.group("n") for m in re.finditer(clause, text) if not _CHILD_MEETING.search(m.group(0))]


def _kin_right_before(text: str, start: int) -> bool:
    """A family word right before the name, in apposition ("The boy's aunt, Kim Vale, the Chief Executive of a
    charity"): a relative whose job the review mentions, not the review's own person."""
    before = text[max(0, start - 24) : start]  # the family word is in it, so the letter the comma follows is too
    words = re.findall(r"[a-z][a-z-]*", before.lower())
    return bool(words) and words[-1] in _kin_words() and bool(re.search(r"[a-z][ \t]*,?[ \t]*$", before))


def _bracketed_label_people(text: str, labels: str) -> list[str]:
    """ "The review was overseen by Kim Vale (Chair of the Panel) and ...", "Ray Holt (Independent Reviewer)": a
    `sentence_labels` label in brackets right after a name, mid-sentence; never a child's meeting's chair
    ("(Chair of the Child Protection Conference)")."""
    org = (
        r"(?:[ \t]+(?:of|for)[ \t]+(?:(?:the|this)[ \t]+)?(?:[A-Z][\w'’&-]*+[ \t]*){1,6}"
        r"|[ \t]+of[ \t]+the[ \t]+(?:panel|review|board|partnership))?"
    )
    pattern = rf"(?<![\w'’-]){_PERSON_PLAIN}(?=[ \t]*\([ \t]*(?:the[ \t]+)?(?i:{labels}){org}[ \t]*\))"
    return [
        m.group(0)
        for m in re.finditer(pattern, text)
        if not _CHILD_MEETING.search(text[m.end() : text.find(")", m.end()) + 1])
    ]


def _engaged_people(text: str, verbs: str, tasks: str) -> list[str]:
    """'The partnership commissioned Kim Vale, an independent consultant, to lead the review': a person
    engaged to do the review's own work, with the review, report or panel as its object (wrapped
    lines allowed)."""
    pattern = (
        rf"(?i:\b(?:{verbs}))\s+{_PEOPLE}(?:\s*,[^,.]{{1,80}},)?\s+(?i:to\s+(?:{tasks})\s+"
        rf"(?:(?:the|this|a|an)\s+)?(?:[\w-]+\s+){{0,3}}(?:review|report|panel|CSPR|SCR|LCSPR)s?)\b"
    )
    return [m.group("n") for m in re.finditer(pattern, text) if not _CHILD_MEETING.search(m.group(0))]


# a child's own review meeting, which an IRO or a conference chair leads: never the review's people
_CHILD_MEETING = re.compile(
    r"(?i)\b(?:protection|conference|meeting|looked[ \t]+after|LAC|CLA|care[ \t]+plan|strategy|medication"
    r"|school|annual)\b"
)
_SENTENCE_END = re.compile(r"(?<=[a-z)])\.(?=\s)|\n[ \t]*\n")


def _thanked_people(text: str, reasons: str, subjects: str) -> list[str]:
    """'Thanks to Kim Vale for administrative support, and to Ray Holt for organising the events',
    'The reviewer is grateful to Kim Vale for her support to the panel': in a sentence where the
    review thanks someone, each person thanked for the review's own work.  A name with a family
    relationship beside it ("Child A's mother, Kim Vale, ..." or "Kim, Child A's aunt,") or a role in lower case
    ("the social worker, Kim Vale,") is never allowed, nor is anyone a person in the narrative thanked ("the
    health visitor thanked ..."); a job title with capitals ("Kim Vale, Designated Doctor,") is an adviser's."""
    cue = re.compile(
        rf"(?i)\bthanks\b|\bthanking\b|\bgratitude\b|\b(?:{subjects})\b[^.\n]{{0,40}}\b(?:thank|grateful)\b"
    )
    person = re.compile(
        rf"{_PEOPLE}(?P<app>\s*,[^,.]{{1,80}},)?\s*,?\s+(?i:(?:for|who\s+(?:provided|gave|offered))\s+(?:(?:the|all|his|her|their|its)\s+)?(?:[\w-]+\s+){{0,2}}?(?:{reasons}))\b"
    )
    relations = _relationship_re()
    found, pos = [], 0
    for end in [m.start() for m in _SENTENCE_END.finditer(text)] + [len(text)]:
        sentence, offset, pos = text[pos:end], pos, end
        if len(sentence) > 600 or not cue.search(
            sentence
        ):  # a thanks is a sentence, not a page (and no backtracking over one)
            continue
        for m in person.finditer(sentence):
            before = text[
                max(offset, offset + m.start() - 40) : offset + m.start()
            ]  # "Baby M's grandmother, Kim Vale,"
            # ... but not the one who thanks: "The reviewer would like to thank Kim Vale" (the words before the verb)
            before = re.split(r"(?i)\b(?:thanks?|thanking|thanked|grateful|gratitude)\b", before)[-1]
            app = m["app"] and not _own_post(m["app"])  # ", board business manager," is the review's own officer
            if not (app and _relation_beside(relations, m["app"])) and not _relation_beside(relations, before):
                found.append(m.group("n"))
                found += _thanked_before(sentence[: m.start()], relations)
    return found


def _own_post(apposition: str) -> bool:
    """An apposition that is one of the review's or board's own posts (`sentence_labels`, any case), perhaps with an
    article: ", the board business manager,", ", partnership manager,"; a family word never is."""
    labels = _alternation(_named_roles()["sentence_labels"])
    return bool(re.fullmatch(rf"(?i)\s*,\s*(?:(?:the|our|its)\s+)?(?:{labels})\s*(?:[,.;)]|$)", apposition))


# a person and a job title in capitals ("Kim Vale, Head of Safeguarding,"), then "and" before the next one thanked
_THANKED_BEFORE = re.compile(
    rf"(?P<p>{_PERSON})(?P<app>[ \t]*,[ \t]*[A-Z][\w'’-]*(?:[ \t]+(?:[A-Z][\w'’-]*|of|for|and|the)){{0,6}}[ \t]*,)?"
    rf"[ \t]*,?[ \t]*and[ \t]+$"
)


def _thanked_before(head: str, relations: re.Pattern) -> list[str]:
    """ "… grateful to Kim Vale, Designated Doctor, and Ray Holt, Named Nurse, for their advice": the people joined
    by "and" before the one the reason follows, each with its own job title, are thanked for the same."""
    found = []
    while (m := _THANKED_BEFORE.search(head)) and not (m["app"] and _relation_beside(relations, m["app"])):
        found.append(m["p"])
        head = head[: m.start()]
    return found


def _relation_beside(relations: re.Pattern, text: str) -> bool:
    """A relationship or role word beside a thanked name ("Baby M's grandmother, Kim Vale", "the social worker,
    Kim Vale"); a job title written with capitals ("Kim Vale, Designated Doctor, and Ray Holt, Named Nurse") is how
    a review credits its own advisers, unless it is a family word ("Kim Vale, Grandmother")."""
    family = _family_words()
    return any(m.group(0)[:1].islower() or m.group(0).lower() in family for m in relations.finditer(text))


@lru_cache(maxsize=1)
def _family_words() -> frozenset[str]:
    return frozenset(w.lower() for w in load_yaml("structure", "key_roles.yaml")["family"])


def _listed_members(text: str, openers: str) -> list[str]:
    """'Panel members: Kim Vale (Police), Ray Holt (Health)', 'The panel comprised: Kim Vale, Designated
    Nurse; Ray Holt, Head of Service.': the names that open the items of a members list (a list
    carried on while a line ends in a comma, semicolon or "and"), also in a numbered paragraph ("4.2 Panel
    members: ...")."""
    pattern = re.compile(
        rf"(?im)^[ \t]*(?:[-•*·][ \t]*)?(?:\d{{1,2}}(?:\.\d{{1,2}}){{0,2}}\.?[ \t]+)?(?:{openers})[ \t]*"
        rf"(?::|\b(?:comprised|consisted|included|were|was)\b(?:[ \t]+of)?[ \t]*:?)"
        rf"[ \t]*(?P<rest>[^\n]+(?:\n[^\n]+)*)"
    )
    found = []
    for m in pattern.finditer(text):
        rest = []
        for line in m["rest"].split("\n"):
            rest.append(line)
            if not re.search(r"(?:[,;&]|\band)[ \t]*$", line):
                break
        items = re.split(r"\s*(?:;|,|\band\b|&)\s*", re.sub(r"\([^()\n]*\)", " ", " ".join(rest)))
        for item in items:
            named = re.match(rf"(?P<n>{_PERSON})(?=[ \t]*(?:[-–—:][^\n]*)?[.]?[ \t]*$)", item.strip())
            if named:
                found.append(named.group("n"))
    return found


def _flattened_members(text: str, openers: str, role_words: set[str]) -> list[str]:
    """A members list whose table lost its line breaks (a document-sharing site's extract): "Panel membership Kim
    Vale Independent Chair Ray Holt Designated Nurse, Upbury CCG Ann Lee Detective Inspector ...".  After the list's
    opener, up to the next numbered paragraph or line end, each listed first name and the capitalised word after it
    open an item; the item is a member when the words up to the next item are a post in capitals holding one of
    `panel_role_words`.  Two items at least: one name and a role is a sentence, not a flattened table."""
    lex = lexicon()
    joins = {",", ";", "&", "of", "and", "for", "the", "in"}
    found: list[str] = []
    for m in re.finditer(rf"(?i:\b(?:{openers}))\b[ \t]*:?", text):
        tail = re.split(r"\n|[ \t]\d{1,2}\.\d{1,2}[ \t]", text[m.end() : m.end() + 800])[0]
        words = re.findall(r"[A-Za-z][\w'’&-]*|[,;&]", tail)
        starts = [
            i
            for i in range(len(words) - 1)
            if lex.is_first_name(words[i])
            and words[i] not in role_words
            and re.fullmatch(r"[A-Z][a-z'’-]+(?:-[A-Z][a-z'’-]+)?", words[i + 1])
            and words[i + 1] not in role_words
        ]
        starts = [i for k, i in enumerate(starts) if k == 0 or i > starts[k - 1] + 1]
        items = []
        for k, i in enumerate(starts):
            role = words[i + 2 : starts[k + 1] if k + 1 < len(starts) else len(words)]
            if k == 0 and i > 0:
                continue  # the first item opens right after the opener
            if role and role_words & set(role) and all(w[:1].isupper() or w in joins for w in role):
                items.append(f"{words[i]} {words[i + 1]}")
            else:
                break
        if len(items) >= 2:
            found += items
    return found


def _qualified_people(text: str, letters: list[str]) -> list[str]:
    """ "… A SERIOUS CASE REVIEW Kim Vale JP, BA, MSc, CQSW On behalf of …": a name followed by two or
    more sets of letters after a name (a cover run into one line): a reviewer presenting
    themselves, never a family member."""
    post = "|".join(r"\.?".join(re.escape(c) for c in p) + r"\.?" for p in sorted(letters, key=len, reverse=True))
    pattern = rf"(?<![\w'’-]){_PERSON_PLAIN}(?=[ \t]*,?[ \t]+(?:\(?(?:{post})\)?(?![\w])[ \t]*,?[ \t]*){{2,}})"
    return [m.group(0) for m in re.finditer(pattern, text)]


def _titled_label_people(text: str, labels: list[str]) -> list[str]:
    """ "… Board Chair Kim Vale Serious Case Review Panel Chair Ray Holt September 2012": a label of
    two or more words written with capitals, then a name with nothing between (a cover run into one
    line).  A one-word label ("Chair Kim Vale") or one in lower case is the narrative's."""
    titled = "|".join(
        r"[ \t]+".join(re.escape(w[:1].upper() + w[1:]) for w in label.split())
        for label in sorted(labels, key=len, reverse=True)
    )
    pattern = rf"(?<![\w-])(?:{titled})[ \t]+(?P<n>{_PERSON_PLAIN})(?!['’]s\b)"
    return [
        m.group("n")
        for m in re.finditer(pattern, text)
        if not _CHILD_MEETING.search(" ".join(text[max(0, m.start() - 40) : m.start()].split()[-2:]))
    ]


@lru_cache(maxsize=1)
def _relationship_re() -> re.Pattern:
    """Family relationship words ("mother", "maternal grandmother") from ``models/names/role_words.txt``."""
    words = [w for w in read_lines("names", "role_words.txt") if w.strip()]
    return re.compile(rf"(?i)\b(?:{_alternation(words)})\b")


def _author_section_people(text: str, headings: str) -> list[str]:
    """'About the author\n\nJon Ashby is a registered social worker ...': the name opening the
    first paragraph under a heading that introduces the author."""
    pattern = (
        rf"(?m:^)[ \t]*(?:\d+(?:\.\d+)*\.?[ \t]+)?(?i:{headings})[ \t]*:?[ \t]*\n(?:[ \t]*\n)*"
        rf"[ \t]*(?:\d+(?:\.\d+)*\.?[ \t]+)?{_PEOPLE}"
        rf"(?=[ \t]*(?:,[^,\n]{{0,80}},)?[ \t]*(?:is|was|has|holds|qualified)\b)"
    )
    return [m.group("n") for m in re.finditer(pattern, text)]


def _panel_list_people(text: str, role_words: set[str], labels: str = "") -> list[str]:
    """'Name, Designated Nurse, Moorside ICB' / 'Name - Independent Chair' lines of a panel list
    (a line that is no sentence, under a line that mentions the panel or its members, or under a
    heading that is a label: "Authors", "Independent reviewers")."""
    line_re = re.compile(rf"[ \t]*(?:[-•*·][ \t]*)?(?P<n>{_PERSON})[ \t]*[,:\-–—][ \t]*(?P<role>[^\n]+)")
    # "family members" is no panel: members only of a panel, group or team
    heading = rf"|^[ \t]*(?:{labels})[ \t]*:?[ \t]*$" if labels else ""
    context = re.compile(
        rf"(?i)\bpanel\b|\bmembership\b|\breview team\b|\breview group\b"
        rf"|\bmembers\s+of\s+the\b[^\n]*\b(?:group|team)\b{heading}"
    )
    lines = text.split("\n")
    found = []
    for i, line in enumerate(lines):
        m = line_re.fullmatch(line)
        if not m or len(line.split()) > 16 or line.rstrip().endswith(".") and len(line.split()) > 8:
            continue
        if not any(w in role_words for w in re.findall(r"[\w-]+", m.group("role"))):
            continue
        if any(context.search(lines[k]) for k in range(max(0, i - 10), i)):
            found.append(m.group("n"))
    return found


_MONTHS = rf"(?:{calendar().month_pattern(abbreviations=False)})"
_COVER_END = re.compile(r"[ \t]*(?:(?i:contents|table of contents|index)\b|(?:\d+(?:\.\d+)*\.?|[IVX]+\.)[ \t]+[A-Z])")


def _cover_date_people(text: str, max_lines: int = 40) -> list[str]:
    """'Robin Ashdown March 2019', '… Child Q “Title” Jane Doe Published June 2019', 'Kim Vale & Ray Holt
    November 2017': on the cover (before the contents or the first numbered paragraph) names that end their line
    followed only by the month and year of publication are the authors'; so are co-authors alone on a line with
    the date alone on the next ('Kim Vale & Ray Holt ⏎ 11.05.2016', `_co_authors`); a web page's date line
    followed by a name alone, on the next line or after a bar ('Thursday, 7 April 2016 | Kim Vale'), is its
    writer's."""
    month_year = rf"[ \t]*,?[ \t]+(?:Published[ \t]+)?{_MONTHS}[ \t]+(?:19|20)\d\d[ \t]*"
    # two authors first: "Kim Vale & Ray Holt November 2017" (the pattern after it finds only the last one)
    pair = re.compile(rf"(?:^|.*[ \t“”\"'’])(?P<n>{_PERSON}[ \t]*(?:&|and|,)[ \t]*{_PERSON}){month_year}")
    pattern = re.compile(rf"(?:^|.*[ \t“”\"'’])(?P<n>{_PERSON}){month_year}")
    # a web page's date line, then its writer's name alone: "Thursday, 7 April 2016 ⏎ Kim Vale"
    date_line = re.compile(
        rf"[ \t]*(?:[A-Z][a-z]+day,?[ \t]+)?\d{{1,2}}(?:st|nd|rd|th)?[ \t]+{_MONTHS}[ \t]+(?:19|20)\d\d[ \t]*"
    )
    name_line = re.compile(rf"[ \t]*(?P<n>{_PERSON})[ \t]*")
    # ... or both on one line, a bar or dash between: "Thursday, 7 April 2016 | Kim Vale"
    date_then_name = re.compile(rf"{date_line.pattern}[|\-–—][ \t]*(?P<n>{_PERSON})[ \t]*")
    found = []
    previous = ""
    for n, line in enumerate(text.split("\n")):
        if n >= max_lines or _COVER_END.match(line):
            break
        m = pair.fullmatch(line) or pattern.fullmatch(line) or date_then_name.fullmatch(line)
        if not m and date_line.fullmatch(previous):
            m = name_line.fullmatch(line)
        if m and not _DEDICATION.search(line):
            found.append(m.group("n"))
        elif _COVER_DATE_ALONE.fullmatch(line) and (names := _co_authors(previous)):
            found.append(names)
        if line.strip():
            previous = line
    return found


# the cover's date alone on its line: "11.05.2016", "March 2022", "2nd May 2023"
_COVER_DATE_ALONE = re.compile(
    rf"[ \t]*(?:(?:\d{{1,2}}(?:st|nd|rd|th)?[ \t]+)?{_MONTHS}[ \t]+(?:19|20)\d\d"
    r"|\d{1,2}[./]\d{1,2}[./](?:19|20)?\d\d)[ \t]*"
)
_JOINED_PEOPLE = re.compile(
    rf"[ \t]*(?P<n>{_PERSON}(?:[ \t]*,[ \t]*{_PERSON})*[ \t]*,?[ \t]*(?:&|and)[ \t]+{_PERSON})[ \t]*"
)


def _co_authors(line: str) -> str | None:
    """'Kim Vale & Ray Holt', 'Kim Vale, Ray Holt and Ann Lee' alone on a cover line, the cover's date alone on
    the next (`_cover_date_people`): the review's writers.  Only two or more full names joined on their own
    line count, each with a surname that is no ordinary word ("Health Visiting & School Nursing" names
    services), and no two sharing a surname: children a cover names together are a family ("Amos Tredinnick and
    Lottie Tredinnick"), co-authors are not.  One name alone above the date may be the child, so it is no
    byline here."""
    m = _JOINED_PEOPLE.fullmatch(line)
    if not m:
        return None
    people = _split_people(m.group("n"))
    surnames = [p.split()[-1].casefold() for p in people]
    if len(people) < 2 or len(set(surnames)) < len(surnames) or any(_is_role_phrase(p) for p in people):
        return None
    return m.group("n")


# "In memory of …", "dedicated to …": the child the review is about, never its author
_DEDICATION = re.compile(r"(?i)\b(?:memory|memoriam|dedicated|remember(?:ing|ed)?|tribute|loving)\b")


def _split_people(text: str) -> list[str]:
    text = re.sub(r"\([^()\n]*\)", " ", text)  # agency notes in brackets
    return [p.strip() for p in re.split(r"\s*(?:,|\band\b|\bwith\b|&|/|;)\s*", text) if p.strip()]


def allowed_places(report: Report, policy: Policy) -> set[str]:
    places = set(policy.allow.places) | organisation_address_places(report.text)
    for value in (report.metadata.board,):
        if value:
            places.update(w for w in re.findall(r"[A-Z][a-z]+", value))
    return places


def review_pseudonyms(report: Report) -> set[str]:
    """Invented names the review declares: key entries marked as pseudonyms (structure stage),
    names declared in the text ("Layla is a pseudonym", "referred to as 'Lily'"), and, when the
    review says it uses pseudonyms at all, the names in its title ("Serious Case Review: 'Amara'")."""
    names = set(declared_pseudonyms(report.text))
    names.update(_quoted_in_declaration(report.text))
    names.update(entry.code for entry in report.key if getattr(entry, "pseudonym", False))
    names.update(listed_review_names(report.text))
    names.update(review_subject_names(report.text))
    names.update(_review_naming_names(report.text))
    if getattr(report.metadata, "pseudonyms_declared", False) or declares_pseudonyms(report.text):
        names.update(title_names(report.text, report.metadata.title))
        names.update(_flat_key_names(report.text))
        if report.metadata.subject_child:
            names.update(w for w in name_words(report.metadata.subject_child) if w[:1].isupper() and not w.isupper())
    return names


_SENTENCE_BOUNDARY = re.compile(r"[.!?\n]")
_QUOTED_NAME = re.compile(r"(?<![\w'’])['‘\"“](?P<n>[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?)['’\"”](?![\w'’])")


@lru_cache(maxsize=1)
def _declaration_res() -> tuple[re.Pattern, re.Pattern]:
    """The words of a sentence that declares the review hides who the family are, and the naming words that may
    stand straight before a quoted pseudonym (`pseudonym_declarations` in models/names/named_roles.yaml)."""
    data = _named_roles()["pseudonym_declarations"]
    declaring = re.compile(rf"(?i)\b(?:{'|'.join(f'(?:{d})' for d in data['declaring'])})\b")
    naming = re.compile(rf"(?i:\b(?:{'|'.join(f'(?:{n})' for n in data['naming'])}))[ \t]*$")
    return declaring, naming


def _quoted_in_declaration(text: str) -> set[str]:
    """ "The report uses the pseudonyms 'Jasper' for the baby and 'Mia' for his mother", "For anonymity this
    summary gives the boy the name 'Comet'": every name in quotation marks in a sentence that declares pseudonyms or
    anonymity (the patterns of pseudonym_cues.yaml take one or two names standing together).  A quoted English word
    counts only straight after a naming phrase ("gives him the name 'Comet'", "refers to him as 'Comet'"): "the 'Early
    Help' offer" of such a sentence is no name."""
    lex = lexicon()
    declaring, naming = _declaration_res()
    names: set[str] = set()
    for cue in declaring.finditer(text):
        start = max(text.rfind(c, 0, cue.start()) for c in ".!?\n") + 1
        end_match = _SENTENCE_BOUNDARY.search(text, cue.end())
        sentence = text[start : end_match.start() if end_match else len(text)]
        names.update(
            m["n"]
            for m in _QUOTED_NAME.finditer(sentence)
            if not lex.is_common_word(m["n"].split()[0]) or naming.search(sentence[: m.start()])
        )
    return names


_NAMES = r"[A-Z][a-z]{2,}(?:[ \t]*(?:,|and|&|/)[ \t]*[A-Z][a-z]{2,}){0,2}"


@lru_cache(maxsize=1)
def _listing_res() -> tuple[re.Pattern, re.Pattern]:
    shapes = _named_roles()["review_listing"]
    dated = re.compile(rf"(?m)^[ \t]*(?:{shapes['dated_title']})(?P<names>{_NAMES})[ \t]*$")
    cue = re.compile(rf"(?i)\b(?:{shapes['cue']})\b")
    return dated, cue


def listed_review_names(text: str) -> set[str]:
    """Names a page that lists published reviews gives their children: the last part of a listing line
    ("2017 – Anonymous – Poppy", "2016 - Marsh - Alfie and Jo"), and a line holding only one or two
    first names ("Nell and Imogen") that heads a summary using the name, under a line that introduces
    the list ("The following briefings are available") or beside another such heading.  Each is the
    review's own name for its subject (`review_listing` in models/names/named_roles.yaml)."""
    dated, cue = _listing_res()
    names = {n for m in dated.finditer(text) for n in _name_parts(m["names"])}
    lines = text.split("\n")
    nonblank = [(i, ln.strip()) for i, ln in enumerate(lines) if ln.strip()]
    headed: list[tuple[int, set[str]]] = []
    lex = lexicon()
    for k, (_i, line) in enumerate(nonblank[:-1]):
        # the heading may carry the review's year or reference in brackets: "Wren (2022)"
        heading = re.fullmatch(rf"(?P<names>{_NAMES})(?:[ \t]*\([^()\n]{{1,30}}\))?", line)
        if not heading:
            continue
        parts = _name_parts(heading["names"])
        summary = nonblank[k + 1][1][:240]
        if any(re.search(rf"\b{p}\b", summary) for p in parts) and (
            all(lex.is_first_name(p) for p in parts) or _introduces_subject(summary, parts)
        ):
            headed.append((k, parts))
    for k, parts in headed:
        before = " ".join(ln for _, ln in nonblank[max(0, k - 3) : k])
        if len(headed) >= 2 or cue.search(before):
            names.update(parts)
    return names


# a summary that opens on the child it is about: "Wren was a nine-month-old baby", "Wren, aged 14, was ..."
_SUBJECT_OPENING = (
    r"[ \t]*(?:,[ \t]*)?(?:was|is|had been|has been)?[ \t]*"
    r"(?:an?[ \t]+[\w-]*[ \t]*(?:old|year|month|week|aged|baby|infant|child|girl|boy|teenager|young)"
    r"|aged[ \t]+\w+|\d{1,2}[ \t]*(?:years?|months?|weeks?))"
)


def _introduces_subject(summary: str, parts: set[str]) -> bool:
    """The summary under a listing's heading opens on the heading's name and says who the child was ("Wren was a
    nine-month-old baby who ...", "Wren, aged 14, ..."): the heading names the review's subject, whether or not
    the name is in the first-name lists (invented names often are not)."""
    return any(re.match(rf"{re.escape(p)}\b{_SUBJECT_OPENING}", summary) for p in parts)


_GIVEN = r"['‘\"“]?[A-Z][a-z'’-]+['’\"”]?"
_GIVEN_NAMES = rf"{_GIVEN}(?:[ \t]*(?:,|and|&)[ \t]*{_GIVEN}){{0,3}}"


@lru_cache(maxsize=1)
def _review_subject_res() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    data = _named_roles()["review_subjects"]
    noun_phrase = (
        rf"(?<!['’]s[ \t])(?<![\w'’-])(?i:{_alternation(data['determiners'])})[ \t]+(?:[a-z-]+[ \t]+){{0,2}}?"
        rf"(?i:{_alternation(data['subject_nouns'])})"
    )
    introduced = re.compile(
        rf"{noun_phrase}(?:[ \t]*(?:,|[-–—])?[ \t]+(?i:{_alternation(data['naming'])})[ \t]+|[ \t]*\([ \t]*)"
        rf"(?P<names>{_GIVEN_NAMES})"
        rf"(?![ \t]+[A-Z])(?=[ \t]*[)\s.,;:])"
    )
    review = re.compile(rf"(?<![\w-])(?i:{_alternation(data['review_nouns'])})(?![\w-])")
    title = re.compile(  # "Child Safeguarding Practice Review: Wren", "Rapid review: Wren", "7-minute briefing - Wren"
        rf"(?m)^[ \t]*(?:[A-Z0-9][\w'’-]*[ \t]+){{0,6}}(?i:{_alternation(data['title_heads'])})[ \t]*[:–—-][ \t]*"
        rf"(?P<names>{_GIVEN_NAMES})(?:[ \t]*\([^()\n]{{1,30}}\))?[ \t]*$"
    )
    return introduced, review, title


def review_subject_names(text: str) -> set[str]:
    """The review's own names for the children it is about, where it introduces them (`review_subjects` in
    models/names/named_roles.yaml): "This review concerns a baby known as Wren", "Two reviews followed injuries
    to two children (Ada and Bea)", a listing page's title line "Child Safeguarding Practice Review: Wren (WX1)".
    Given names alone: a full name ("a boy called Kim Vale") is no invented name and stays a finding."""
    introduced, review, title = _review_subject_res()
    lex = lexicon()
    names: set[str] = set()
    for m in introduced.finditer(text):
        start = max(text.rfind(c, 0, m.start()) for c in ".!?\n") + 1
        end = min((i for i in (text.find(c, m.end()) for c in ".!?\n") if i >= 0), default=len(text))
        if review.search(text[start:end]):
            names.update(_name_parts(m["names"].strip("'‘\"“’”")))
    for m in title.finditer(text):
        # an English word as the name ("Review: 'Bramble'") only when the text never writes it in lower case and
        # treats it as a name: in quotation marks here, or in capitals mid-sentence or with "'s" elsewhere
        names.update(
            n
            for n in _name_parts(m["names"])
            if not _ordinary_word_here(n, text, lex)
            and (not lex.is_common_word(n.strip("'‘\"“’”")) or _used_as_name(n, m.group(0), text, m.end()))
        )
    # no colon or dash: "Serious Case Review ABC14 Wren*", "Learning Review Wren": a listed first name, or any name
    # where the text says it uses pseudonyms; never an English word or a place ("Serious Case Review Upbury")
    declares = re.search(r"(?i)\bpseudonyms?\b|\bnot\s+(?:his|her|their)\s+real\s+names?\b", text)
    for m in _bare_title_re().finditer(text):
        names.update(
            n
            for n in _name_parts(m["names"])
            if not lex.is_common_word(n)
            and (lex.is_first_name(n) or declares)
            and n not in lex.places | lex.countries | lex.non_person
        )
    return {n.strip("'‘\"“’”") for n in names if n.strip("'‘\"“’”")[:1].isupper()}


@lru_cache(maxsize=1)
def _bare_title_re() -> re.Pattern:
    heads = _alternation(_named_roles()["review_subjects"]["title_heads"])
    return re.compile(
        rf"(?m)^[ \t]*(?:[A-Z0-9][\w'’-]*[ \t]+){{0,6}}(?i:{heads})[ \t]+(?:[A-Z]{{1,6}}\d{{1,4}}[A-Z0-9]*[ \t]+)?"
        rf"(?P<names>[A-Z][a-z'’-]+(?:[ \t]*(?:,|and|&)[ \t]*[A-Z][a-z'’-]+){{0,3}})\*?[ \t]*$"
    )


def _used_as_name(name: str, title: str, text: str, after: int) -> bool:
    """An English word a title line gives as a child's name ("Rapid review: 'Bramble'") that the document treats as
    a name: quoted in the title, or written after the title with "'s" or in capitals after a lower-case word."""
    bare = name.strip("'‘\"“’”")
    if re.search(rf"[‘'\"“]{re.escape(bare)}[’'\"”]", title):
        return True
    return bool(re.search(rf"(?:\b[a-z][\w,]*[ \t]+{re.escape(bare)}\b|\b{re.escape(bare)}['’]s\b)", text[after:]))


def _ordinary_word_here(name: str, text: str, lex) -> bool:
    """An English word ("Bramble", "Kit") that this text also writes in lower case, as a word: no invented name here."""
    bare = name.strip("'‘\"“’”")
    return lex.is_common_word(bare) and bool(re.search(rf"\b{re.escape(bare.lower())}\b", text))


@lru_cache(maxsize=1)
def _review_naming_re() -> re.Pattern:
    phrases = _named_roles()["review_subjects"]["naming_phrases"]
    return re.compile(
        rf"(?<![\w-])(?i:{'|'.join(f'(?:{p})' for p in phrases)})[ \t]+(?:(?:Baby|Child|Young[ \t]+Person)[ \t]+)?"
        rf"(?P<q>['‘\"“])?(?P<n>[A-Z][a-z'’-]+)(?(q)['’\"”])(?![ \t]+[A-Z])(?![\w'’-])"
    )


def _review_naming_names(text: str) -> set[str]:
    """ "This review will refer to the boy as Jory", "In this report she is called Tamsyn", "Throughout the review
    she is referred to by the name Wren": a given name alone that a naming phrase (`naming_phrases` in
    models/names/named_roles.yaml) gives in a sentence about the review itself, whoever the subject is.  Never a
    title, a role word or a month, and an English word only in quotation marks; a name with a surname after it is
    no invented name."""
    _introduced, review, _title = _review_subject_res()
    lex = lexicon()
    names: set[str] = set()
    for m in _review_naming_re().finditer(text):
        start = max(text.rfind(c, 0, m.start()) for c in ".!?\n") + 1
        end = min((i for i in (text.find(c, m.end()) for c in ".!?\n") if i >= 0), default=len(text))
        name = m["n"]
        if not review.search(text[start:end]) or name in lex.titles or name.lower() in lex.roles:
            continue
        if (lex.is_common_word(name) and not m["q"]) or name in calendar().months or review.fullmatch(name):
            continue
        names.add(name)
    return names


def _name_parts(names: str) -> set[str]:
    return {p for p in re.split(r"[ \t]*(?:,|\band\b|&|/)[ \t]*", names) if p}


def _flat_key_names(text: str) -> set[str]:
    """A key table flattened into one line ("Designation Relationship Baby K Subject child Tessa Mother
    of Baby K Owen Father of Baby K"): a capitalised name right before a relationship word and "of"
    or "to".  Read only in a review that says it uses designated names or pseudonyms."""
    roles = sorted({line for line in read_lines("names", "role_words.txt")}, key=len, reverse=True)
    # a table cell starts with a capital: "Mother of Baby W", "Maternal grandmother to"
    role = "|".join(re.escape(r[:1].upper() + r[1:]).replace(r"\ ", r"[ \t]+") for r in roles)
    pattern = re.compile(
        rf"(?<![\w'’-])([A-Z][^\W\d_]+)[ \t]+(?:(?:Maternal|Paternal)[ \t]+(?i:{role})|{role})"
        rf"[ \t]+(?:of|to)[ \t]+[A-Z]"
    )
    lex = lexicon()
    return {
        m.group(1)
        for m in pattern.finditer(text)
        if not lex.is_common_word(m.group(1)) and m.group(1) not in lex.titles
    }


# ---------------------------------------------------------------- detectors
def _lower(severity: str) -> str:
    return SEVERITIES[max(0, SEVERITY_RANK[severity] - 1)]


def _raise(severity: str) -> str:
    return SEVERITIES[min(len(SEVERITIES) - 1, SEVERITY_RANK[severity] + 1)]


@lru_cache(maxsize=1)
def public_names() -> tuple[tuple[str, ...], ...]:
    """Public figures and national cases reviews may cite (``models/names/public_names.txt``)."""
    return tuple(tuple(w.lower() for w in name_words(line)) for line in read_lines("names", "public_names.txt"))


_NEUTRAL_CITATION = re.compile(r"\[(?:19|20)\d\d\]\s+(?:UKSC|UKHL|UKPC|EWCA|EWHC|EWFC|EWCOP|CSIH|CSOH|NICA)\b")
_JUDICIAL_BEFORE = re.compile(
    r"(?:\b(?:Lady|Lord|Baroness|Justice|Judge|HHJ|His Honour Judge|Her Honour Judge|President|Sir|Dame)\s+)$"
)


@lru_cache(maxsize=1)
def _office_holder_res() -> tuple[re.Pattern, re.Pattern]:
    office = _named_roles()["public_office"]
    before = re.compile(
        rf"(?:^|(?<=[\s(]))(?:{_alternation(office['before'])})\.?[ \t]+(?:[A-Z][\w'’-]*[ \t]+){{0,3}}$"
    )
    after = re.compile(rf"^[ \t]*,?[ \t]*(?:{_alternation(office['after'])})\b")
    return before, after


def _is_office_holder(text: str, start: int, end: int) -> bool:
    """A minister or member of a parliament the review names for the office ("at the request of The Rt Hon
    Jane Doe MP, Secretary of State"): "Rt Hon" before the name or "MP" after it (`public_office` in
    models/names/named_roles.yaml)."""
    before, after = _office_holder_res()
    return bool(
        before.search(text[max(0, start - 40) : start])
        or before.match(text[start:end] + " ")
        or after.match(text[end : end + 30])
    )


def _is_judge(text: str, start: int) -> bool:
    """A judge named in the case law a review cites ("In Re B [2013] UKSC 33, Lady Hale ..."), or after a title
    only a judge bears ("HHJ Kim Vale", "Mr Justice Holt", "Sheriff Ray Dunn": `judicial_titles`)."""
    before = text[max(0, start - 40) : start]
    if _office_res()["judicial"].search(before):
        return True
    if not _JUDICIAL_BEFORE.search(before):
        return False
    return bool(_NEUTRAL_CITATION.search(text[max(0, start - 400) : start + 400]))


@lru_cache(maxsize=1)
def _office_res() -> dict[str, re.Pattern]:
    """Patterns of `public_office` in models/names/named_roles.yaml, compiled once."""
    office = _named_roles()["public_office"]
    offices = _alternation(office["state_offices"])
    qualifier = office["office_qualifier"]
    works = _alternation(office["cited_works"])
    links = _alternation(office["cited_work_links"])
    bodies = _alternation(office["public_body_heads"])
    titled = r"(?:[A-Z][\w'’.-]*[ \t]+){0,3}"
    return {
        "judicial": re.compile(rf"(?:^|(?<=[\s(]))(?:{_alternation(office['judicial_titles'])})[ \t]+$"),
        # "the Coroner, Ms " / "The Director of Social Services for the county, " right before the name
        "office_before": re.compile(rf"\b(?i:the|our)[ \t]+(?i:{offices})(?:{qualifier})?[ \t]*,[ \t]*{titled}$"),
        # ", Chief Social Work Officer" (as a title: capitals) or ", the independent reviewer" right after it
        "office_after": re.compile(rf"[ \t]*(?:,[ \t]*(?:{offices})\b|,[ \t]*(?i:the)[ \t]+(?i:{offices})\b)"),
        # "Sir Ray Holt's report on ... (2019)"
        "work_after": re.compile(rf"['’]s?[ \t]+(?:[a-z-]+[ \t]+)?(?i:{works})\b[^.\n]{{0,120}}?\((?:19|20)\d\d\)"),
        # "the inquiry led by Dame " before, "(2021)" later in the sentence
        "work_before": re.compile(rf"\b(?i:{works})[ \t]+(?:{links})[ \t]+{titled}$"),
        "year_later": re.compile(r"[^.\n]{0,120}?\((?:19|20)\d\d\)"),
        # "Amira Vale (Child Safeguarding Practice Review Panel, 2022)", "Jo Bell and Kim Vale (Ofsted, 2016)"
        "cited_body": re.compile(
            rf"(?:[ \t]*(?:,|and|&)[ \t]+[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+)?)*"
            rf"(?:,?[ \t]+(?:whose|who)\b[^.;\n()]{{0,80}}?)?[ \t]*"
            rf"\((?:[A-Z][\w'’&-]*[ \t]+|(?:of|for|and|the)[ \t]+)*?(?:{bodies})\b"
            rf"[^()\n]{{0,40}}?,[ \t]*(?:19|20)\d\d[a-z]?\)"
        ),
    }


def _is_state_office_holder(text: str, start: int, end: int) -> bool:
    """A holder named beside a public or review office in apposition ("The Coroner, Ms Kim Vale, held an inquest",
    "Ray Holt, Chief Social Work Officer, referred", "the reviewer, Jo Bell,"): `state_offices`.  Not when a
    family word stands beside the surname anywhere: a relative described by a job is a person of the story."""
    res = _office_res()
    if not (
        res["office_before"].search(text[max(0, start - 90) : start]) or res["office_after"].match(text, end, end + 80)
    ):
        return False
    return not _kin_beside_name(text, text[start:end])


def _cited_work_author(text: str, start: int, end: int) -> bool:
    """A person cited for a public work, a bare year in brackets later in the sentence ("Sir Ray Holt's report on
    adoption (2019)", "the inquiry led by Dame Jo Bell into care (2021)")."""
    res = _office_res()
    if res["work_after"].match(text, end, end + 160):
        return not _kin_beside_name(text, text[start:end])
    if res["work_before"].search(text[max(0, start - 60) : start]) and res["year_later"].match(text, end, end + 130):
        return not _kin_beside_name(text, text[start:end])
    return False


def _cited_public_case(text: str, start: int, end: int) -> bool:
    """A child or adult of a public case, with the national body and year that reported it cited later in the
    clause ("the deaths of Amira Vale (Child Safeguarding Practice Review Panel, 2022)")."""
    if not _office_res()["cited_body"].match(text, end, end + 200):
        return False
    return not _kin_beside_name(text, text[start:end])


# "Munro, E. (2011)", "Reder, P. and Duncan, S. (1999)", "Firmin C (2017)", "Laming, Lord (2009)"
_CITED_AUTHOR = (
    r"[A-Z][\w'’-]+(?:,[ \t]*(?:[A-Z]\.[ \t]*){1,3}|,?[ \t]+[A-Z]{1,3}\b\.?|,[ \t]*(?:Lord|Lady|Baroness|Sir|Dame)\b)"
)
_REFERENCE_ENTRY = re.compile(
    rf"(?m)^[ \t]*(?:\[?\d{{1,3}}[\].]?[ \t]+|[¹²³⁴⁵⁶⁷⁸⁹⁰]+[ \t]*)?{_CITED_AUTHOR}"
    rf"(?:[ \t]*(?:,|and|&)[ \t]*{_CITED_AUTHOR})*"
    rf"(?:[ \t]*et\.?[ \t]*al\.?)?[ \t]*,?[ \t]*\((?:19|20)\d\d[a-z]?\)[^\n]*"
)


def _reference_entries(text: str) -> list[tuple[int, int]]:
    """Lines of a reference list ("Brandon, M., Sidebotham, P. et al (2020) Complexity and challenge ...
    London: Department for Education."): an author in citation form, then the year in brackets."""
    return [(m.start(), m.end()) for m in _REFERENCE_ENTRY.finditer(text)]


def _is_public(words: list[str]) -> bool:
    """All words of one public name; a single word only when it is that name's surname."""
    for public in public_names():
        if len(words) == 1 and words[0] == public[-1] or len(words) > 1 and set(words) <= set(public):
            return True
    return False


def _public_first_name(words: list[str], text: str) -> bool:
    """ "Arthur" where the text names "Arthur Labinjo-Hughes": the first name of a public case that the
    document names in full (a first name alone could be anyone's)."""
    if len(words) != 1:
        return False
    for public in public_names():
        if len(public) > 1 and words[0] == public[0]:
            full = r"[ \t\n]+".join(re.escape(w) for w in public)
            if re.search(rf"(?i)\b{full}\b", text):
                return True
    return False


def _words_of(names: set[str]) -> set[str]:
    """Lower-case name words, double-barrelled names also by their parts ("Oyelaran-Marsh", "marsh")."""
    words = set()
    for name in names:
        for w in name_words(name):
            words.add(w.lower())
            words.update(p.lower() for p in re.split(r"[-‐]", w) if len(p) > 1)
    return words


def _name_findings(doc: Doc, policy: Policy, allowed: set[str], places: set[str], pseudonyms: set[str]) -> list[Span]:
    text = doc.text  # built from the tokens at every access: once per call
    allow_words = _words_of(allowed)
    pseudo_words = _words_of(pseudonyms)
    place_words = {w for p in places for w in p.split()}
    out = []
    references = _reference_entries(text)
    min_conf = float(policy.names.get("min_confidence", 0.45))
    weak = float(policy.names.get("weak_below", 0.6))
    for cand in find_unknown_names(doc):
        if cand.text in places or all(w in place_words for w in name_words(cand.text)):
            continue  # a place the policy allows, or the review's own board ("Brackenmoor")
        words = [w.lower() for w in name_words(cand.text)]
        named = [w for w in words if len(w) > 1]  # "Ms N. Imogen": an initial that ends a sentence before the pseudonym
        if words and (all(w in allow_words for w in words) or _allowed_then_label(cand.text, allow_words)):
            why = ("allowed", "a person the review names on purpose (lead reviewer, author or chair)")
        elif named and all(w in pseudo_words for w in named):
            why = ("pseudonym", "a pseudonym the review declares (check it is not the real name)")
        elif words and (
            _is_public(words)
            or _is_judge(text, cand.start)
            or _is_office_holder(text, cand.start, cand.end)
            or _public_first_name(words, text)
        ):
            why = ("public", "a public figure or national case that reviews cite")
        elif words and _is_state_office_holder(text, cand.start, cand.end):
            why = ("office", "named beside a public office or the review's own role (coroner, judge, reviewer)")
        elif words and _cited_work_author(text, cand.start, cand.end):
            why = ("reference", "the author of a public report, review or inquiry the review cites with its year")
        elif words and _cited_public_case(text, cand.start, cand.end):
            why = ("public", "named in a cited public source (a national body and year follow)")
        elif any(s <= cand.start < e for s, e in references):
            why = ("reference", "in a reference-list entry (an author, title or publisher cited)")
        else:
            why = None
        if why:
            tag, reason = why
            severity = policy.severity_of("NAME_ALLOWED")
            out.append(_finding(cand.start, cand.end, "NAME", severity, reason, f"names:{cand.rule}:{tag}"))
            continue
        if cand.confidence < min_conf:
            continue
        no_person = _no_person_here(text, cand)
        if no_person:
            out.append(_finding(cand.start, cand.end, "NAME", "low", no_person, f"names:{cand.rule}:context"))
            continue
        if _condition_name(text, cand):
            reason = "capitalised words that name a medical condition here (after 'diagnosed with', before 'Syndrome')"
            out.append(_finding(cand.start, cand.end, "NAME", "low", reason, f"names:{cand.rule}:condition"))
            continue
        severity = policy.severity_of("NAME")
        if cand.confidence < weak:
            severity = _lower(severity)
        out.append(
            _finding(cand.start, cand.end, "NAME", severity, _name_reason(cand), f"names:{cand.rule}", cand.confidence)
        )
    return out


_WEAK_NAME_RULES = frozenset({"unlisted", "ner"})  # the capitals or the model alone, nothing that says "person"


@lru_cache(maxsize=1)
def _condition_res() -> tuple[re.Pattern, re.Pattern]:
    conditions = _named_roles()["conditions"]
    cue = re.compile(rf"(?i:\b(?:{_alternation(conditions['cues'])}))[ \t]+$")
    head = re.compile(rf"(?:['’]s)?(?:[ \t]+[A-Z][\w'’-]*){{0,3}}?[ \t]+(?:{_alternation(conditions['heads'])})\b")
    return cue, head


def _condition_name(text: str, cand: NameCandidate) -> bool:
    """ "diagnosed with Cerebral Palsy", "due to Congenital Toxoplasmosis", "Hirschsprung's Disease": a candidate
    only the capitals or the model make a name, after a cue of illness or before (or ending in) a condition's head
    word (`conditions` in models/names/named_roles.yaml).  "due to Kim Vale's refusal" (a listed name) stays a name."""
    if not set(cand.rule.split("+")) <= _WEAK_NAME_RULES:
        return False
    cue, head = _condition_res()
    last = cand.text.split()[-1] if cand.text.split() else ""
    return bool(
        cue.search(text[max(0, cand.start - 40) : cand.start])
        or head.match(text, cand.end)
        or head.fullmatch(" " + last)
    )


@lru_cache(maxsize=1)
def _verify_context() -> dict:
    """Data of `_no_person_here` (``models/names/verify_context.yaml``), compiled once."""
    data = load_yaml("names", "verify_context.yaml")
    roles = _named_roles()
    role_words = {w.lower() for w in data["role_only_words"]}
    for label in (*roles["labels"], *roles["sentence_labels"]):
        role_words.update(w.lower() for w in re.findall(r"[\w-]+", label))
    return {
        "enumerator": re.compile(rf"(?i:\b(?:{_alternation(data['enumerators'])}))[ \t]+$"),
        "role_words": frozenset(role_words - {"of", "the", "for", "and", "s"}),
        "furniture": [re.compile(p) for p in data["page_furniture"]],
        "compass": frozenset(data["compass_words"]),
        "place_before": frozenset(data["place_before_words"]),
        "saints": frozenset(data["saint_titles"]),
    }


_LIST_LINE_START = re.compile(r"[ \t]*(?:[-*•·|][ \t]*)?(?:\(?\d{1,3}[.)][ \t]*)?")
_ORG_ABBREVIATION = re.compile(r"[ \t]+(?P<a>[A-Z]{2,6})\b")


def _no_person_here(text: str, cand: NameCandidate) -> str | None:
    """Why the candidate is no person in its context, or None (`models/names/verify_context.yaml`): a letter
    numbering an appendix or a list item before ordinary words ("Appendix D Values Behind", "C.
    Establish whether"); a role or post the language model alone took for a name ("supported by the
    Chairperson"); a site's page furniture in another language; an organisation's name made of ordinary words
    and a place ("Safer Upbury"), or a word the model alone tags before an agency's abbreviation ("West Anglia
    YOS")."""
    ctx = _verify_context()
    lex = lexicon()
    words = cand.text.split()
    line_start = _line_start(text, cand.start)
    before = text[line_start : cand.start]
    weak = set(cand.rule.split("+")) <= _WEAK_NAME_RULES
    if words and _numbering_letter(text, before, words, ctx["enumerator"]):
        return "a letter numbering an appendix, part or list item, before ordinary words: no person"
    if weak and words and all(w.lower().strip(".,;:'’") in ctx["role_words"] for w in words):
        return "a role or post, not a person's name (only the language model or the capitals make it one)"
    line = _line_of(text, cand.start)
    if weak and any(p.search(line) for p in ctx["furniture"]):
        return "a document-sharing site's page furniture in another language, not the review's text"
    if len(words) >= 2 and words[-1] in lex.places and not lex.is_first_name(words[0]):
        if all(_ordinary_word(w) or w in ctx["compass"] for w in words[:-1]):
            return "an organisation's name made of ordinary words and a place, not a person"
    if _cut_off_at_end(text, cand):
        return "a word cut off by the end of the text or a title's ellipsis, the start of a longer word (not a name)"
    abbreviation = _ORG_ABBREVIATION.match(text, cand.end)
    if weak and abbreviation and abbreviation["a"] in general_abbreviations():
        return f"part of an organisation's name before its abbreviation ({abbreviation['a']}), not a person"
    return None


def _cut_off_at_end(text: str, cand: NameCandidate) -> bool:
    """ "... the boys stayed with the Grandm", "Page 2: Upbury Safegua", "UPBURY BOARD Learni… · Upbury": the last
    word of the candidate is cut, by the end of an extract or by a site's title cut glued to an ellipsis, and the
    same words with that word whole ("Grandmother", "Upbury Safeguarding") stand elsewhere in the text, the whole
    word a frequent English word, an agency word (non_person_words.txt) or one the text writes in lower case.
    Glued to an ellipsis, a cut word of five letters or more that begins a frequent English word ("Summari" of
    "summaries") is that word too: a person's name that a title cut would be a listed one."""
    words = cand.text.split()
    if (
        not words
        or not all(re.fullmatch(r"[A-Z][\w'’-]*", w) for w in words)
        or not re.fullmatch(r"[A-Z][a-z]+", words[-1])
    ):
        return False
    after = text[cand.end :]
    ellipsis = re.match(r"(?:…|\.{3})", after)
    if after.strip() and not ellipsis:
        return False
    lex = lexicon()
    phrase = r"[ \t]+".join(map(re.escape, words))
    elsewhere = text[: cand.start] + "\n" + text[cand.end :]
    for m in re.finditer(rf"(?i)(?<![\w-]){phrase}(?P<rest>[a-z]{{2,}})", elsewhere):
        whole = words[-1] + m["rest"].lower()
        if (
            lex.is_common_word(whole)
            or whole.lower() in lex.non_person_lower
            or re.search(rf"(?<![\w-]){whole.lower()}(?![\w-])", text)
        ):
            return True  # "Safeguarding", "Grandmother": a word, not "Pellegrini" cut to "Pell"
    last = words[-1].lower()
    return bool(
        ellipsis
        and len(last) >= 5
        and not lex.is_known_name(words[-1])
        and any(w.startswith(last) and len(w) > len(last) and not lex.is_known_name(w.title()) for w in lex.common)
    )


def _ordinary_word(word: str) -> bool:
    """A frequent English word that is no listed name, or its comparative ("Safer", "Stronger")."""
    lex = lexicon()
    if lex.is_known_name(word):
        return False
    low = word.lower()
    return lex.is_common_word(word) or (
        low.endswith(("er", "est")) and any(stem in lex.common for stem in (low[:-1], low[:-2], low[:-3]))
    )


def _numbering_letter(text: str, before: str, words: list[str], enumerator: re.Pattern) -> bool:
    """ "Appendix D Values Behind", "C. Establish whether": a single capital after an enumerator word or
    opening a list line, before words that are no listed name, and either all frequent English words or one
    of a lettered run (the letter before or after it stands in the same shape: "Appendix C", "B. Evaluate").
    Initials of people are no run ("A. Okafor" and "B. Lind" in one list are letters of two names)."""
    lex = lexicon()
    letter = re.fullmatch(r"([A-Z])\.?", words[0])
    rest = [w.strip(".,;:") for w in words[1:]]
    if not letter or not rest or any(lex.is_known_name(w) for w in rest):
        return False
    enum = enumerator.search(before)
    if not enum and not _LIST_LINE_START.fullmatch(before):
        return False
    if all(lex.is_common_word(w) for w in rest):
        return True
    siblings = [chr(ord(letter[1]) + d) for d in (-1, 1) if "A" <= chr(ord(letter[1]) + d) <= "Z"]
    for sib in siblings:
        if enum:
            shape = rf"\b{re.escape(enum.group(0).strip())}[ \t]+{sib}\b"
        else:
            shape = rf"(?m)^[ \t]*(?:[-*•·|][ \t]*)?(?:\(?\d{{1,3}}[.)][ \t]*)?{sib}[.)][ \t]+[A-Z]"
        if re.search(shape, text):
            return True
    return False


def _allowed_then_label(text: str, allow_words: set[str]) -> bool:
    """ "Kim Vale Date" of "Author: Kim Vale Date of publication: 2018" (a cover sheet run into one
    line): an allowed person's full name (two words or more) with the next label's first word, an
    English word that is no name, caught on the end."""
    words = name_words(text)
    lex = lexicon()
    named = 0
    for k, word in enumerate(words):
        if word.lower() not in allow_words:
            return named >= 2 and all(lex.is_common_word(w) for w in words[k:]) and len(words) - k <= 2
        named += 1
    return False


def _name_reason(cand: NameCandidate) -> str:
    said = {
        "ner": "the language model tags it as a person",
        "title": "a title before a capitalised name",
        "role": "a role or relationship word before a capitalised name",
        "gazetteer": "listed as a first name or surname",
        "gazetteer_surname": "a listed first name followed by a capitalised word used as its surname",
        "initial": "an initial before a capitalised name",
        "unlisted": "capitalised words that are not English words",
        "family": "a family named by its surname ('the Smiths')",
        "title_word": "a rank or calling used as a surname after a personal title ('Mrs Constable')",
        "named": "the name a naming verb gives a person ('a girl called Blessing')",
        "word_speaker": "an English word capitalised mid-sentence as the subject of a speech verb ('Memory said')",
        "signoff": "the writer's name after a letter's closing ('Kind regards, ...')",
        "middle_name": "three words joined by a Vietnamese middle name ('Thi', 'Van')",
        "surname_shape": "shaped like a surname by its ending (models/names/name_shapes.yaml)",
        "syntax": (
            "stands where a person stands in the sentence (subject or object of a person verb, a speaker, "
            "beside a role)"
        ),
    }
    parts = [said[r] for r in cand.rule.split("+") if r in said]
    return "possible person's name: " + "; ".join(parts) + f" (confidence {cand.confidence:.2f})"


def _code_findings(doc: Doc, report: Report, policy: Policy, key=None, named: set[str] | None = None) -> list[Span]:
    """Undeclared person codes; the author's key declares its codes too (a coded draft may have no key table).
    A word in capitals of a person the review names on purpose or of a pseudonym it declares (`named`,
    lower case: "CORVIN'S STORY" in a contents line, "DR KIM VALE" on a cover) is reported at info."""
    text = doc.text  # built from the tokens at every access: once per call
    out = []
    declared = key.codes() if key is not None else None
    raise_from = float(policy.codes.get("raise_from", 0.9))
    known = set(policy.allow.abbreviations) | board_initials(report.text)
    own = sorted({*report.codes(), *(declared or ())}, key=len, reverse=True)
    for cand in find_undeclared_codes(doc, report, policy.codes, declared=declared, known=known):
        if named and cand.text.lower() in named:
            reason = "in capitals, a name the review gives on purpose (its author, chair or declared pseudonym)"
            out.append(_finding(cand.start, cand.end, cand.kind, "info", reason, f"codes:{cand.rule}:named"))
            continue
        if _shouted_word(text, cand.start, cand.end):
            continue  # "HOW WE DID IT" in a contents line run into the cover: a heading's word, not a code
        if _shouted_plural(cand.text):
            continue  # "let down by GPS": a general abbreviation's plural in capitals (GPs), not a code
        glued = next((c for c in own if _footnote_glued(text, cand.text, c)), None) if cand.variant_of else None
        if glued:
            reason = f"the review's code {glued} with a footnote mark glued on"
            out.append(_finding(cand.start, cand.end, cand.kind, "info", reason, f"codes:{cand.rule}:footnote"))
            continue
        severity = policy.severity_of(cand.kind)
        if cand.kind == "PERSON_CODE" and cand.confidence >= raise_from:
            severity = _raise(severity)
        out.append(_finding(cand.start, cand.end, cand.kind, severity, cand.reason, f"codes:{cand.rule}"))
    return out


def _shouted_plural(token: str) -> bool:
    """ "GPS", "SWS", "IROS": the plural of a general abbreviation (models/abbreviations.txt) written in capitals,
    as a headline or a heading writes it."""
    known = general_abbreviations()
    return len(token) >= 3 and token.isupper() and token.endswith("S") and token[:-1] in known


def _shouted_word(text: str, start: int, end: int) -> bool:
    """An English word in capitals ("WE", "US", "IT") between two other words in capitals on its line:
    part of a heading written in capitals, even where the line holds more than that heading."""
    if text[start:end].lower() not in lexicon().common:
        return False
    before = re.search(r"([A-Z][A-Z'’]+)[ \t]+$", text[max(0, start - 40) : start])
    after = re.match(r"[ \t]+([A-Z][A-Z'’]+)\b", text[end : end + 40])
    return bool(before and after)


def _footnote_glued(text: str, word: str, declared: str) -> bool:
    """ "GH21" where the review's code is GH2 and a note numbered 1 stands on a line of its own ("1 The
    panel chose ..."): the code with its footnote mark run on by the text layer, not another person."""
    digits = word[len(declared) :] if word.startswith(declared) else ""
    if not digits.isdigit() or len(digits) > 2:
        return False
    return bool(re.search(rf"(?m)^[ \t]*{digits}[ \t]+[A-Z][^\n]{{20,}}$", text))  # a note, not "1. Introduction"


_BOARD_NAME = re.compile(
    r"(?:(?:[A-Z][\w'’-]*|of|and|the|&)[ \t]+){1,5}Safeguarding[ \t]+(?:(?:[A-Z][\w'’-]*|and|&)[ \t]+){0,3}"
    r"(?:Board|Partnership|Partners|Arrangements|Panel|Group)\b"
)


def board_initials(text: str) -> set[str]:
    """The initials of every safeguarding board or partnership the text names in full ("Thornbury Vale
    Safeguarding Adults and Children Partnership" -> TVSACP, TVSAACP; "Local …" also without its L):
    the board's own abbreviation, never a person's code."""
    out = set()
    for m in _BOARD_NAME.finditer(text):
        words = m.group(0).split()
        while words and words[0][:1].islower():
            words = words[1:]
        if words and words[0] == "The":
            words = words[1:]
        for keep_small in (False, True):
            kept = [w for w in words if keep_small and w in ("and", "of") or w[:1].isupper()]
            letters = "".join(w[0].upper() for w in kept)
            out.add(letters)
            if kept and kept[0] == "Local":
                out.add(letters[1:])
    return {a for a in out if len(a) >= 3}


def _structured_findings(
    doc: Doc,
    policy: Policy,
    analyzer,
    name_words_in_text: set[str],
    key_words: set[str],
    allowed: AbstractSet[str] = frozenset(),
) -> list[Span]:
    from .recognizers import analyze_doc

    report_text = doc.text
    out = []
    results = list(analyze_doc(analyzer, doc))
    letterhead = _letterhead_lines(report_text, results)
    contact_lines = {_line_start(report_text, r.start) for r in results if r.entity_type in _CONTACT_TYPES | {"URL"}}
    for result in results:
        kind = result.entity_type
        text = report_text[result.start : result.end]
        reason = STRUCTURED_REASONS.get(kind, kind.lower().replace("_", " "))
        severity = policy.severity_of(kind)
        if kind == "URL":
            person = _url_person(text, name_words_in_text, key_words, int(policy.urls.get("min_name_part", 3)))
            if person is None:
                continue
            reason = f"a web address containing a person's name ({person})"
            if person == "a name from the key":
                severity = policy.severity_of("KEY_NAME")
        if kind in _CONTACT_TYPES and (
            _ORGANISATION_LINE.search(_line_of(report_text, result.start))
            or _under_organisation_name(report_text, result.start, contact_lines)
        ):
            severity, reason = (
                "info",
                f"{reason} on the line of a safeguarding board or partnership: its own contact details",
            )
        elif kind in _CONTACT_TYPES and _organisation_contact(report_text, result.start):
            severity, reason = "info", f"{reason} in an organisation's own contact block (its name above or before it)"
        elif kind == "CASE_REF" and _review_reference(report_text, text):
            severity = "low"
            reason = f"{reason}: the review's own reference, which its title gives ('... Review No: ...')"
        elif kind == "EMAIL" and _is_role_mailbox(text):
            severity, reason = "info", f"{reason} of a service (a role mailbox, not a person's)"
        elif kind == "PHONE" and _service_number(report_text, result.start, result.end):
            severity, reason = "info", f"{reason} of a service, which the page gives its readers to ring"
        elif kind == "PHONE" and _is_organisation_number(text):
            severity, reason = (
                "info",
                f"{reason} of an organisation (an 03 number: public bodies, charities, businesses)",
            )
        elif kind in ("PHONE", "EMAIL") and _after_named_person(report_text, result.start, allowed):
            severity = "low"
            reason = f"{reason} right after a person the review names on purpose (its contact officer or author)"
        elif kind in _CONTACT_TYPES and (
            _line_start(report_text, result.start) in letterhead
            or _line_start(report_text, max(result.start, result.end - 1)) in letterhead
        ):  # an address that starts a line above its letterhead line ("Harbour House, ⏎ Quay Road, NT1 4QZ 01632 ...")
            severity = _lower(_lower(severity))
            reason = (
                f"{reason} in a letterhead (postcode and telephone together on the cover): "
                "probably the author's or an agency's"
            )
        out.append(
            _finding(
                result.start,
                result.end,
                kind,
                severity,
                reason + f" (score {result.score:.2f})",
                f"recognizer:{kind}",
                result.score,
            )
        )
    return out


# a partnership's own address, postcode, phone or e-mail on its cover or contact page is published on purpose
_CONTACT_TYPES = frozenset({"ADDRESS", "POSTCODE", "PHONE", "EMAIL"})
_ORGANISATION_LINE = re.compile(
    r"\bSafeguarding\s+(?:(?:Children|Adults|and|&)\s+){0,3}(?:Board|Partnership|Partners|Arrangements)\b"
    r"|\b(?:LSCB|LSCP|SCP|SCB|SAB)\b"
)


@lru_cache(maxsize=1)
def _review_reference_head() -> str:
    heads = _named_roles()["review_subjects"]["title_heads"]
    return rf"(?<![\w-])(?:{_alternation(heads)})[ \t]*(?:(?i:no|number|ref|reference)\.?)?[ \t]*[:–—-]?[ \t]*"


def _review_reference(text: str, ref: str) -> bool:
    """ "Serious Case Review No: 2016/X123", "Child Safeguarding Practice Review: AB20/CD20": a reference that stands
    anywhere in the text straight after a review's kind (`review_subjects.title_heads`) is the review's own number,
    every mention of it; a child's court or case number follows "Case No", never the review's name."""
    return bool(re.search(_review_reference_head() + re.escape(ref) + r"(?![\w/-])", text))


def _after_named_person(text: str, offset: int, allowed: AbstractSet[str]) -> bool:
    """ "LA Contact: Kim Vale (01632 960000)": the number or address right after, on its line, the full name of a
    person the review names on purpose (a contact officer, the author): published with the name, still worth a
    glance."""
    before = text[_line_start(text, offset) : offset]
    return any(
        len(name.split()) >= 2 and re.search(rf"(?<![\w-]){re.escape(name)}[ \t]*[(:,\-–]?[ \t]*$", before)
        for name in allowed
    )


def _line_start(text: str, offset: int) -> int:
    return text.rfind("\n", 0, offset) + 1


_CONTACT_LABEL = re.compile(r"[ \t]*(?i:tel|telephone|phone|fax|e-?mail|web|website|address)\b")


def _under_organisation_name(text: str, offset: int, contact_lines: set[int], max_lines: int = 4) -> bool:
    """A contact block under the board's or partnership's name line ("Westbridge Safeguarding Children
    Board ⏎ Civic Offices, 14 Quay Road, Westbridge WB1 2AB ⏎ Tel: 01632 960481"): its own address and
    telephone, published on purpose.  Every line between the name and the finding is a short contact
    line (one with an address, postcode, telephone, e-mail or web address, or a contact label), and the
    name line is a name, not a sentence."""
    if len(_line_of(text, offset).split()) > 15:
        return False
    for start, line in _lines_above(text, offset, max_lines):
        if _ORGANISATION_LINE.search(line):
            return len(line.split()) <= 12 and not line.rstrip().endswith(".")
        if len(line.split()) > 15 or not (start in contact_lines or _CONTACT_LABEL.match(line)):
            return False
    return False


def _lines_above(text: str, offset: int, max_lines: int):
    """(start, line) of the non-blank lines above the one holding `offset`, nearest first, at most `max_lines`."""
    start = _line_start(text, offset)
    seen = 0
    while start > 0 and seen < max_lines:
        start = _line_start(text, start - 1)
        line = _line_of(text, start)
        if line.strip():
            seen += 1
            yield start, line


@lru_cache(maxsize=1)
def _organisation_word_re() -> re.Pattern:
    """An organisation word that is not part of a street's name ("Trust Road", "Council Street" are streets)."""
    data = load_yaml("recognizers", "address.yaml")
    streets = _alternation(data.get("lists", {}).get("street_types", ()))
    street = rf"(?![ \t]+(?:{streets})\b)" if streets else ""
    return re.compile(rf"(?<![\w-])(?:{_alternation(data.get('organisation_words', ()))})(?![\w-]){street}")


def _short_line(line: str, max_words: int) -> bool:
    """A line of a contact block: few words, no sentence end, no table bar."""
    stripped = line.strip()
    return bool(stripped) and len(stripped.split()) <= max_words and not stripped.endswith(".") and "|" not in stripped


def _organisation_contact(text: str, offset: int, max_above: int = 3) -> bool:
    """An address, postcode or telephone number in an organisation's own contact block: an organisation word
    (`organisation_words` in models/recognizers/address.yaml) before it on its short line ("write to Licensing
    Team, The Record Office, Upbury, Westshire, UP9 9ZZ") or on one of the short lines just above it
    ("Network HQ Suite 4, Beacon House ⏎ Mill Service Road ⏎ Upfield UP2 7ZZ", "SAFE ⏎ CIC ⏎ 01632 960123").
    A sentence about where a family lives is never such a block."""
    start = _line_start(text, offset)
    if not _short_line(_line_of(text, offset), 16):
        return False
    if _organisation_word_re().search(text[start:offset]):
        return True
    for _start, line in _lines_above(text, offset, max_above):
        if not _short_line(line, 8):
            return False
        if _organisation_word_re().search(line):
            return True
    return False


def organisation_address_places(text: str) -> set[str]:
    """The capitalised single words between commas of an organisation's address line ("…, The Record Office,
    Upbury, Westshire, UP9 9ZZ"): places of a postal address published on purpose, not people."""
    places: set[str] = set()
    for line in text.split("\n"):
        if not re.search(r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b", line) or not _short_line(line, 16):
            continue
        head = _organisation_word_re().search(line)
        if head is None:
            continue
        places.update(re.findall(r"(?<=,)[ \t]*([A-Z][a-z'’-]+)(?=[ \t]*,)", line[head.end() :]))
    return places


def _letterhead_lines(text: str, results) -> set[int]:
    """Lines of the cover (before the contents or the first numbered paragraph) that hold a postcode
    and a telephone number together: a letterhead ("Harbour House, Quay Road, Northtown, NT1 4QZ
    01632-960123"), the sender's contact block, never how a review describes where a family lives."""
    cover_end = len(text)
    offset = 0
    for line in text.split("\n"):
        if _COVER_END.match(line):
            cover_end = offset
            break
        offset += len(line) + 1
    kinds: dict[int, set[str]] = {}
    for r in results:
        if r.start < cover_end:
            kinds.setdefault(_line_start(text, r.start), set()).add(r.entity_type)
    return {start for start, found in kinds.items() if {"POSTCODE", "PHONE"} <= found}


@lru_cache(maxsize=1)
def _role_mailboxes() -> frozenset[str]:
    return frozenset(str(w).lower() for w in load_yaml("recognizers", "email.yaml").get("organisation_mailboxes", ()))


@lru_cache(maxsize=1)
def _organisation_phone_prefixes() -> tuple[str, ...]:
    return tuple(str(p) for p in load_yaml("recognizers", "phone.yaml").get("organisation_prefixes", ()))


def _is_organisation_number(number: str) -> bool:
    """'0300 555 0199', '+44 (0)345 600 1234': the national number (after 0 or +44) starts with an
    organisations-only prefix (``organisation_prefixes`` in ``models/recognizers/phone.yaml``)."""
    digits = re.sub(r"\D", "", number)
    national = digits[2:] if digits.startswith("44") else digits[4:] if digits.startswith("0044") else digits
    national = national.lstrip("0")
    return bool(national) and national.startswith(_organisation_phone_prefixes())


@lru_cache(maxsize=1)
def _service_line_res() -> tuple[re.Pattern, re.Pattern, re.Pattern, tuple[str, ...]]:
    data = load_yaml("recognizers", "phone.yaml").get("service_line", {})
    verbs = _alternation(data.get("reader_verbs", ())) or r"(?!x)x"
    subjects = _alternation(data.get("reader_subjects", ())) or r"(?!x)x"
    # what tells the reader to ring: the sentence's or list line's opening, "or", "please", "If you ...",
    # "Anyone ... can", then the verb, what is rung, and "on" or a colon right before the number
    addressed = re.compile(
        rf"(?i:(?:^|[•*·\-–—][ \t]*|\b(?:or|please|and|then)[ \t]+|\bif[ \t]+you\b[^.\n]{{0,100}}?[ \t]"
        rf"|\b(?:{subjects})\b[^.\n]{{0,60}}?\b(?:can|should|may|could|must|will)[ \t]+(?:also[ \t]+)?)"
        rf"(?:{verbs}))\b(?P<obj>[^.\n]{{0,60}}?)[ \t]*(?i:on|at|:)?[ \t]*$"
    )
    reached = re.compile(
        rf"(?:[A-Z][\w'’&-]*[ \t]+){{1,8}}(?i:{_alternation(data.get('reached', ())) or '(?!x)x'})"
        rf"(?:[ \t]+[^.\n]{{0,30}}?)?[ \t]+(?i:on|at)[ \t]*$"
    )
    hours = re.compile("|".join(f"(?:{h})" for h in data.get("hours", ())) or r"(?!x)x", re.IGNORECASE)
    return addressed, reached, hours, tuple(str(p) for p in data.get("personal_prefixes", ()))


def _service_number(text: str, start: int, end: int) -> bool:
    """ "If you have questions, call the Duty Desk on 01632 960000", "• ring 01632 960001 – Monday to Friday 9am to
    5pm", "the Out of Hours Team can be reached on 01632 960002": a service's number that the page gives its
    readers (`service_line` in models/recognizers/phone.yaml).  Never a mobile or personal number, nor one that a
    sentence has someone in the story ring ("the nurse was asked to ring the father on ...")."""
    addressed, reached, hours, personal = _service_line_res()
    digits = re.sub(r"\D", "", text[start:end])
    national = digits[2:] if digits.startswith("44") else digits
    if national.lstrip("0").startswith(personal):
        return False
    line_start = _line_start(text, start)
    head = text[line_start:start]
    before = head[max((m.end() for m in re.finditer(r"[.!?][ \t]+", head)), default=0) :]  # this sentence's
    line = _line_of(text, start)
    if hours.search(line):
        return True
    if reached.search(before):
        return True
    m = addressed.search(before)
    if not m:
        return False
    obj = m["obj"].strip(" \t,")
    if not obj or obj.lower() == "us":
        return True
    words = re.sub(r"^(?i:the)[ \t]+", "", obj).split()
    return (
        bool(words)
        and all(w[:1].isupper() or w in ("of", "and", "for", "&") for w in words)
        and not (lexicon().is_first_name(words[0]))
    )


def _is_role_mailbox(address: str) -> bool:
    """'help@nspcc.org.uk', 'safeguarding.partnership@council.gov.uk': every word of the local part
    is a service word (``organisation_mailboxes`` in ``models/recognizers/email.yaml``)."""
    words = [w for w in re.split(r"[^a-z]+", address.split("@", 1)[0].lower()) if w]
    return bool(words) and all(w in _role_mailboxes() for w in words)


def _line_of(text: str, offset: int) -> str:
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return text[start : end if end >= 0 else len(text)]


def _url_person(url: str, name_words_in_text: set[str], key_words: set[str], min_part: int) -> str | None:
    """Why a URL names a person, or None: a key name, a name found in the text, or first name + surname."""
    lex = lexicon()
    parts = [p for p in re.split(r"[^A-Za-z]+", url) if len(p) >= min_part]
    lowered = [p.lower() for p in parts]
    if any(p in key_words for p in lowered):
        return "a name from the key"
    if any(p in name_words_in_text for p in lowered):
        return "a name also found in the text"
    for a, b in zip(parts, parts[1:], strict=False):
        first = a.capitalize()
        if (
            lex.is_first_name(first)
            and not lex.is_common_word(first)
            and (lex.is_known_name(b.capitalize()) or b.lower() not in lex.common)
        ):
            return "a first name followed by a surname"
    return None


def _quasi_findings(doc: Doc, report: Report, policy: Policy) -> list[Span]:
    text = doc.text  # built from the tokens at every access: once per call
    settings = policy.quasi
    if not settings:
        return []
    out = []
    labels = settings.get("birth_field_labels", ())
    for cand in find_quasi_identifiers(doc, settings, allowed_places(report, policy)):
        before = text[_line_start(text, cand.start) : cand.start]
        if cand.rule == "birth-exact-date" and any(re.match(p, before) for p in labels):
            # "Date of birth and death : 5th May 2013" on a cover: a labelled date of birth, as high as any other
            reason = "a date in a date-of-birth field: a date of birth identifies the child"
            out.append(
                _finding(
                    cand.start,
                    cand.end,
                    "DATE_OF_BIRTH",
                    policy.severity_of("DATE_OF_BIRTH"),
                    reason,
                    "quasi:birth-field",
                )
            )
            continue
        severity = policy.severity_of(cand.type)
        if cand.type == "QUASI_PLACE" and cand.rule in settings.get("tied_place_rules", ()):
            severity = policy.severity_of("QUASI_PLACE_TIED")  # where the family lived, or a person is from
        out.append(_finding(cand.start, cand.end, cand.type, severity, cand.reason, f"quasi:{cand.rule}"))
    return out


def _incident_findings(text: str, policy: Policy) -> list[Span]:
    """Exact days of the harm the review is about (`pipeline/deid/verify_dates.py`)."""
    from .verify_dates import incident_dates

    return [
        _finding(start, end, "DATE_OF_INCIDENT", severity, reason, "incident:date")
        for start, end, severity, reason in incident_dates(text, policy)
    ]


def _key_findings(doc: Doc, key, policy: Policy, allowed_words: frozenset[str] | set[str] = frozenset()) -> list[Span]:
    from .names.fuzzy import find_key_names
    from .names.residue import code_spans
    from .names.unknown import _DocContext

    matches = find_key_names(doc, key, policy.fuzzy)
    text = doc.text
    ctx = _DocContext(doc, None)
    inside_codes = code_spans(text, key)
    places = [m for m in matches if m.rule.startswith("place:")]
    residue = [m for m in matches if m.rule.startswith("residue:")]
    runs = [
        _KeyRun(m.start, m.end, m.code, m.rule == "fuzzy", m.score)
        for m in matches
        if not m.rule.startswith(("place:", "residue:"))
        and not _within_code(m.start, m.end, inside_codes)
        and not (m.rule == "fuzzy" and _no_person_words(ctx, m.start, m.end))
    ]
    out = []
    for run in _join_runs(runs, text):  # "Shanon" + "Pryce" of one person -> one finding
        reason = f"a name of {run.code} from the key"
        if run.fuzzy:
            reason += f", misspelt (similarity {run.score:.0f})"
        out.append(
            _finding(
                run.start,
                run.end,
                "KEY_NAME",
                policy.severity_of("KEY_NAME"),
                reason,
                "key:fuzzy" if run.fuzzy else "key:exact",
                run.score,
            )
        )
    from .names.initials import leftover_initials

    codes = {e.text for e in doc.ents if e.label_ == ROLE_LABEL} | set(key.codes())

    def to_check(start: int, end: int, reason: str, rule: str) -> Span:
        """A finding one level below a key name: pseudonymise left it on purpose or was not sure."""
        return _finding(start, end, "KEY_NAME", _lower(policy.severity_of("KEY_NAME")), reason, rule)

    for start, end, code in leftover_initials(text, key, codes):  # "AH v helpful": a keyed person's initials
        if not any(f.start < end and start < f.end for f in out):
            out.append(to_check(start, end, f"the initials of {code} from the key", "key:initials"))
    from .names.initials import unexplained_initials

    for start, end in unexplained_initials(
        text, doc, codes, set(key.codes())
    ):  # "| KD | Radiographer |": initials nobody coded
        if not any(f.start < end and start < f.end for f in out):
            reason = "initials where a record puts a person, of nobody the key or the text explains"
            out.append(to_check(start, end, reason, "key:initials_slot"))
    for m in residue:  # a short form, an ending, a lower-case slip
        kind = _RESIDUE_KINDS[m.rule.split(":", 1)[1]]
        out.append(to_check(m.start, m.end, f"possibly {kind} of {m.code} from the key", f"key:{m.rule}"))
    from .names.residue import find_person_slots

    for r in find_person_slots(doc, key, [(m.start, m.end) for m in matches], ctx):  # used like a person, any form
        if r.text.casefold().strip(".'’") in allowed_words:
            continue  # the review's author or chair, whom it names on purpose
        record = r.kind in _BESIDE_CODE_KINDS or (r.kind == "beside_code" and r.text.isupper())
        if not record and _is_public([w.lower() for w in name_words(r.text)]):
            continue  # "As Lord Laming wrote": a public figure the review cites, reported at info elsewhere
        out.append(to_check(r.start, r.end, _slot_reason(r), f"key:slot:{r.kind}"))
    out += _backstop_findings(text, codes, out, to_check, allowed_words)
    for m in places:  # the key's surname where a place stands
        where = m.rule.split(":", 1)[1].replace("_", " ")
        finding = to_check(m.start, m.end, f"a name of {m.code} from the key, read as a place ({where})", "key:place")
        if _place_sense_here(doc, m.start, m.end):
            finding = replace(finding, severity="low", reason=f"{finding.reason}; a place or organisation here too")
        elif m.rule == f"place:{ORDINARY_WORD}":  # "rated Amber", "the Ray of Hope food bank": the shape says word
            finding = replace(finding, severity="low", reason=f"{finding.reason}; an English word in a word's slot")
        out.append(finding)
    return out


def _backstop_findings(
    text: str, codes: set[str], found: list[Span], to_check: Callable, allowed_words: AbstractSet[str]
) -> list[Span]:
    """Names in shapes neither pseudonymise nor the key's forms read (`pipeline.deid.backstop`): a name in its
    own script, record initials, a SURNAME, Given line, a "known as" name, a glossed kin word.  One finding per
    span no other finding already covers."""
    from .backstop import backstop_leftovers

    out: list[Span] = []
    for left in backstop_leftovers(text, codes):
        if left.rule == "backstop:person_shaped" and {w.lower() for w in name_words(text[left.start : left.end])} & set(
            allowed_words
        ):
            continue  # the review's author or chair, named on purpose
        if not any(f.start < left.end and left.start < f.end for f in found + out):
            finding = to_check(left.start, left.end, left.reason, left.rule)
            if left.rule == "backstop:script_long":  # a quoted sentence in another script: worth a look only
                finding = replace(finding, severity="low")
            out.append(finding)
    return out


def _place_sense_here(doc: Doc, start: int, end: int) -> bool:
    """Whether this one mention of a keyed word pseudonymise kept as a place shows a place or organisation itself:
    the model's place, a locative or saint's title before it, a capitalised neighbour ("Kent Police"), a line in
    capitals.  Pseudonymise decides once per document; a mention with none of these ("an interpreter for Shazia")
    may be the person pseudonymise passed over, so it stays medium."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    from .names.residue import _place_heads

    cues = _verify_context()
    prev = doc[span.start - 1] if span.start > 0 and "\n" not in doc[span.start - 1].whitespace_ else None
    k = span.end + (span.end < len(doc) and doc[span.end].text in ("'s", "’s"))
    nxt = doc[k] if k < len(doc) and "\n" not in doc[k - 1].whitespace_ else None
    if prev is not None and (prev.lower_ in cues["place_before"] or prev.text in cues["saints"]):
        return True  # "in Selby", "St Helier": whatever the model reads
    if any(t.ent_type_ == "PERSON" for t in span):
        return False  # "her maiden name, Bridget Ward": the model reads the pair as a person
    if (nxt is not None and nxt.text in _place_heads()) or any(t is not None and _proper_word(t) for t in (prev, nxt)):
        return True  # "Trevithick Road", "Kent Police", "Ahmadu Bello University"
    line = _line_of(doc.text, start)
    return line.upper() == line and any(c.isalpha() for c in line)


def _proper_word(token) -> bool:
    """A capitalised word that is no title, code or placeholder: the rest of a longer proper name beside it."""
    text = token.text
    if not (token.is_alpha and text[:1].isupper()) or text.isupper() or text in title_words(personal=True):
        return False
    return not (token.is_sent_start or token.ent_type_ == ROLE_LABEL)


@lru_cache(maxsize=1)
def _postal_town_re() -> re.Pattern[str]:
    """A capitalised word right before a postcode or its placeholder ("Brackwell (BK1 2LN)", "Hexley,
    [POSTCODE]", "Hexley NM4 7RB"): the postal town an address ends with."""
    from .recognizers.config import load_spec

    postcode = load_spec("postcode.yaml").patterns[0].regex
    return re.compile(rf"(?<![\w'’-])([A-Z][a-z]+(?:[ -][A-Z][a-z]+)?)[ \t]*,?[ \t]*\(?(?:\[POSTCODE\]|{postcode})")


def postal_towns(text: str) -> frozenset[str]:
    """Words the text uses as the town of a postal address, anywhere in it: a place in every other use
    (one sense per document), so `verify --key` does not take "lives in Brackwell" for a person's name."""
    from .keyfile import title_genders

    titles = {t.casefold() for t in title_genders()}
    found = (m.group(1) for m in _postal_town_re().finditer(text))
    return frozenset(w for w in found if w.split()[0].casefold() not in titles)  # not "Mr Lee ([POSTCODE])"


# name findings that only guess (not a key's exact, misspelt or initials match, nor a keyed surname read as a place)
_GUESSED_NAME_RULES = ("names:", "key:slot:")


def _postal_towns_lowered(raw: list[Span], text: str) -> list[Span]:
    """A guessed name that the same text writes as the town of a postal address ("lives in Brackwell" beside
    "Brackwell ([POSTCODE])") is reported low, not medium: one sense per document.  A key's own name is not."""
    towns = postal_towns(text)
    if not towns:
        return raw
    out = []
    for f in raw:
        guessed = f.type in ("NAME", "KEY_NAME") and (f.rule or "").startswith(_GUESSED_NAME_RULES)
        if guessed and text[f.start : f.end].strip(".'’") in towns and f.severity in ("medium", "high"):
            f = replace(f, severity="low", reason=f"{f.reason}; the text writes it as a postal town")
        out.append(f)
    return out


def _kept_words_lowered(raw: list[Span]) -> list[Span]:
    """A guessed name over the very word that the key's reading keeps as a place or an English word and reports
    low ("rates the concern Amber", "the bus stop at Marsh Farm") is low too: the same word has one reading here,
    and the key's is the one made with the document's evidence."""
    kept = {(f.start, f.end) for f in raw if f.rule == "key:place" and f.severity == "low"}
    if not kept:
        return raw
    return [
        replace(f, severity="low", reason=f"{f.reason}; the key's reading keeps this word")
        if f.type == "NAME" and (f.rule or "").startswith("names:") and (f.start, f.end) in kept
        else f
        for f in raw
    ]


# shapes tied to a code of the key ("BAILEY, TGM", a surname in capitals beside a code): a family's record, never a
# public figure the review cites
_BESIDE_CODE_KINDS = frozenset({"record_shape", "code_remainder", "initial_by_code"})
_PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})
_NOT_SEEDS = (":allowed", ":pseudonym", ":public", ":reference", ":condition")


def _same_name_elsewhere(doc: Doc, raw: list[Span], policy: Policy) -> list[Span]:
    """With a key, a word this text already reports as part of a name at medium or above ("Shazia Rahman") is a
    name wherever else it stands capitalised, whatever the model calls it there ("Shazia recorded" read as a
    nationality, "Gethin chaired" as an organisation): one person, every mention.  Only words no English word
    list holds, of three letters or more."""
    from .names.residue import _dictionary

    flagged = [f for f in raw if f.severity in ("medium", "high") and not (f.rule or "").endswith(_NOT_SEEDS)]
    text = doc.text
    # seeds from what reads as a name; not a word only nothing explains ("unexplained"), nor a keyed surname read
    # as a place
    flagged = [f for f in flagged if f.type in ("NAME", "KEY_NAME") and not f.rule.endswith(("unexplained", "place"))]
    lex, english = lexicon(), _dictionary()
    seeds: dict[str, str] = {}
    for f in flagged:
        for w in name_words(text[f.start : f.end]):
            low = w.casefold()
            if (
                len(w) >= 3
                and w[:1].isupper()
                and not w.isupper()
                and low not in lex.common
                and low not in english
                and w not in lex.titles
                and w not in lex.places
                and w not in lex.countries
            ):
                seeds.setdefault(w, text[f.start : f.end])
    if not seeds:
        return []
    covered = sorted((f.start, f.end) for f in flagged)
    out = []
    severity = _lower(policy.severity_of("KEY_NAME"))
    for token in doc:
        word = re.sub(r"['’]s?$", "", token.text)
        if word not in seeds or any(a <= token.idx < b for a, b in covered) or token.ent_type_ in _PLACE_ENTS:
            continue  # (the model's place stays a place: "Chatham" beside a flagged "Chatham Road" is a town)
        reason = f"a word this text already reports as a name ({seeds[word]!r}), here on its own"
        out.append(_finding(token.idx, token.idx + len(word), "KEY_NAME", severity, reason, "key:slot:same_name"))
    return out


def _within_code(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    """Inside a code the key declares ("PO" of "PO1"): the code, not someone's initials."""
    return any(s <= start and end <= e and (s, e) != (start, end) for s, e in spans)


def _no_person_words(ctx, start: int, end: int) -> bool:
    """A misspelling match on words the lexicon knows are no person's: a language or people ("Hausa" is
    no misspelt "Hauwa"), a fixed phrase ("Clare's Law"), or places only ("Hong Kong")."""
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    words = [t for t in span if t.is_alpha]
    lex = ctx.lex
    from .names.residue import _in_known_phrase

    return (
        any(ctx.blocked[t.i] for t in words)
        or (bool(words) and all(t.text in lex.places or t.text in lex.countries for t in words))
        or any(_in_known_phrase(ctx, t) for t in words)  # "Hong" of "Hong Kong": listed whole, not word by word
    )


_SLOT_KINDS = {
    "code_remainder": "the rest of a name glued to a code",
    "initial_by_code": "initials left before a code",
    "pet_form": "a pet form of a keyed given name",
    "variant": "a lower-case, hyphened or apostrophed form close to a keyed name",
    "beside_code": "a capitalised word beside a code",
    "after_title": "a capitalised word after a title or family word",
    "person_slot": "stands where a person stands in the sentence",
    "signoff": "the writer's name after a closing",
    "called": "the name a naming verb gives someone",
    "unexplained": "a capitalised word no word list explains (no English word, place, organisation or code)",
    "model_person": "the language model reads it as a person, and no English word",
    "declared_initials": "initials the text gives a person in brackets after a placeholder or code",
    "initial": "a single initial where a person stands (after a title, owning something, subject, quoted)",
    "reduplicated": "a short capitalised word said twice, as a family names someone ('Po Po')",
    "after_kin": "a capitalised word right after a family word ('his brother ...')",
    "family_word": "a family word or form of address the text explains or uses before several people",
    "alias": 'a quoted form listed beside a code or placeholder (\'"..." or "CL"\')',
    "keyed_letter": "a keyed person's letter or initials where a person stands ('T or TB', 'RT: ...')",
    "record_shape": "a surname before a comma and a code, as a record writes 'SURNAME, Given'",
    "same_name": "a word the text quotes elsewhere as what someone is called",
    "text_letters": "letters the text itself uses as a person ('KB said', 'scared of Z.', '\"D\" is my ...')",
    "same_letters": "letters the text uses elsewhere as a person",
    "message_name": "a keyed given name typed in lower case in a message written without capitals",
    "apposed": "a capitalised word set off before a role or family word ('..., the neighbour,')",
    "same_apposed": "a word the text sets elsewhere before a role or family word",
    "name_suffix": "a generation word or honorific after a code or name ('NF senior', '... ji')",
    "other_script": "a word or two in another script standing alone in English text",
}


def _slot_reason(r) -> str:
    """What the word is and which key entry it is close to, if any."""
    close = f", close to {'/'.join(r.codes)} from the key" if r.codes else ", no key entry close"
    return f"possibly a name pseudonymise left: {_SLOT_KINDS[r.kind]}{close}"


_RESIDUE_KINDS = {
    "initials": "the initials",
    "short_form": "a short form of the name",
    "extended_form": "the name with an ending",
    "lower_case": "a name in lower case",
    "titled_initial": "a title and the surname's initial",
}


# ---------------------------------------------------------------- assembly
def _cut_off_names_lowered(raw: list[Span], text: str) -> list[Span]:
    """A name finding that ends the text with nothing after it, not even a full stop, whose last word is the
    first letters of a longer capitalised word written earlier ("... what more the nursery could offer Kit and
    Ros" where "Rosalind" came before): a page excerpt cut mid-word, not a new name.  Lowered to "low" so it stays
    listed; every whole mention of the longer name is judged on its own."""
    tail = len(text.rstrip())
    out = []
    for f in raw:
        words = re.findall(r"[A-Za-z]+", text[f.start : f.end]) if f.type == "NAME" and f.end >= tail else []
        if words and words[-1][:1].isupper() and re.search(rf"\b{re.escape(words[-1])}[a-z]+", text[: f.start]):
            f = replace(f, severity="low", reason=f"{f.reason}; cut off by the end of the text (an excerpt)")
        out.append(f)
    return out


def _dedupe(raw: list[Span]) -> list[Span]:
    """Overlapping findings: keep the most severe, then the longest."""
    return resolve_overlaps(raw, key=lambda f: (-SEVERITY_RANK[f.severity or "info"], -f.length, f.start))


def verify_report(report: Report, doc: Doc, key=None, policy: Policy | None = None, analyzer=None) -> list[Finding]:
    """Every residual identifier in `report` (parsed as `doc`), sorted by position.

    `key` (a `pipeline.deid.keyfile.Key`) adds every form of the key's names;
    `analyzer` (from `pipeline.deid.recognizers.build_analyzer`) is built on the
    default model when not given.
    """
    policy = policy or load_policy()
    allowed = cover_people(report, policy)
    pseudonyms = review_pseudonyms(report)
    raw: list[Span] = []
    raw += _name_findings(doc, policy, allowed, allowed_places(report, policy), pseudonyms)
    raw += _code_findings(doc, report, policy, key, _words_of(allowed | pseudonyms))
    key_words: set[str] = set()
    if key is not None:
        raw += _key_findings(doc, key, policy, _words_of(allowed | review_authors(report)))
        raw += _same_name_elsewhere(doc, raw, policy)
        raw = _kept_words_lowered(raw)
        key_words = {w.lower() for p in key.people for n in p.names for w in name_words(n) if len(w) >= 3}
    raw = _postal_towns_lowered(raw, report.text)
    text_names = {
        w.lower()
        for f in raw
        if f.type == "NAME" and not f.rule.endswith((":allowed", ":pseudonym", ":public"))
        for w in name_words(report.text[f.start : f.end])
    }
    if analyzer is None:
        from ..nlp import load_nlp
        from .recognizers import build_analyzer

        analyzer = build_analyzer(load_nlp())
    raw += _structured_findings(doc, policy, analyzer, text_names, key_words, allowed)
    raw += _quasi_findings(doc, report, policy)
    raw += _incident_findings(report.text, policy)
    raw = _cut_off_names_lowered(raw, report.text)
    findings = []
    for f in _dedupe([f for f in raw if policy.reports(f.type)]):
        line, col = report.line_col(f.start)
        findings.append(
            Finding(
                report.text[f.start : f.end], f.type, f.start, f.end, line, col, f.severity or "info", f.reason, f.rule
            )
        )
    return _hidden_part_findings(report, key, policy) + findings


def _hidden_part_findings(report: Report, key, policy: Policy) -> list[Finding]:
    """What a draft carries outside its text (comments, tracked changes, properties)."""
    if not report.hidden:
        return []
    from .hidden import hidden_findings

    names = [n for p in key.people for n in p.names] if key is not None else []
    return [Finding(**f) for f in hidden_findings(report, names, policy) if policy.reports(f["type"])]


def at_or_above(findings: list[Finding], severity: str) -> list[Finding]:
    """Findings at `severity` or worse."""
    return [f for f in findings if SEVERITY_RANK[f.severity] >= SEVERITY_RANK[severity]]


def format_text(findings: list[Finding], filename: str) -> str:
    """Compiler-style lines: ``file:line:col: severity TYPE 'text' — reason``."""
    lines = []
    for f in findings:
        shown = f.text.replace("\n", " ")
        place = f"{filename}: {f.location}" if f.location else f"{filename}:{f.line}:{f.col}"
        lines.append(f"{place}: {f.severity} {f.type} '{shown}' — {f.reason}")
    return "\n".join(lines)
