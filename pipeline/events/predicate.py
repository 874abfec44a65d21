"""What a sentence tells happened: its main verb, the action it names, and its tense.

The main verb (repairing past tenses the tagger took for nouns), the action as
a lemma with particle and negation ("not attend", "take place"; light and
catenative verbs give way to what they introduce, models/dates/actions.yaml),
the headline noun of a sentence without a verb ("Death of a girl in May
2011."), and whether the verb tells a present state, an earlier state or what
can or will be at the time of writing rather than a happening.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Span, Token

from ..resources import load_yaml
from .resolve import config
from .vocabulary import action_data, event_nouns, mistagged_verbs

QUOTE_OPENERS = {'"', "“", "‘", "'"}  # a quotation opens: what follows is someone's words


def verb_lemma(token: Token) -> str:
    """The lemma, repairing past tenses the tagger took for nouns ("rang" -> "ring")."""
    if token.pos_ not in ("VERB", "AUX"):
        return mistagged_verbs().get(token.lower_, token.lemma_.lower())
    return token.lemma_.lower()


def main_verb(sent: Span) -> Token | None:
    """The sentence's main verb; the first verb if the parse has no verbal root."""
    root = sent.root
    semicolon = next((t.i for t in sent if t.text == ";"), None)
    if semicolon is not None and root.i > semicolon:  # "Police attended the home; TF had left...": the first clause
        first = [
            t
            for t in sent
            if t.i < semicolon and t.pos_ in ("VERB", "AUX") and not (sent.start <= t.head.i < semicolon)
        ]
        if first:
            root = first[0]
    for token in sent:  # "OHV1 rang NNU to enquire...": "rang" read as a name, "enquire" as the root
        if token.lower_ in mistagged_verbs() and token.pos_ in ("NOUN", "PROPN", "X") and sent.start < token.i < root.i:
            return token
    if root.pos_ in ("VERB", "AUX") or root.lower_ in mistagged_verbs():
        return root
    for token in sent:
        if token.lower_ in mistagged_verbs() and token.pos_ in ("NOUN", "PROPN", "X") and token.i > sent.start:
            return token
    for token in sent:
        if token.pos_ == "VERB":
            return token
    return None


def action_of(verb: Token) -> str:
    """Verb lemma with particle and negation ("not attend", "step up", "take place").

    A catenative verb gives way to the verb it introduces ("continued to record"
    -> record), a light verb to the action its object names ("made a referral"
    -> refer), and verbs of one class are written as the class ("rang" ->
    telephone); see models/dates/actions.yaml.
    """
    data = action_data()
    negated = any(c.dep_ == "neg" for c in verb.children)
    lemma = verb_lemma(verb)
    if lemma in data["catenative_verbs"] and lemma not in ("decide", "agree", "plan", "arrange"):
        inner = next((c for c in verb.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")), None)
        if inner is not None:
            return ("not " if negated else "") + action_of(inner).removeprefix("not ")
    particles = [c.lower_ for c in verb.children if c.dep_ == "prt"]
    phrasal = " ".join([lemma, *particles])
    if lemma in data["light_verbs"] or phrasal in data["light_verbs"]:
        obj = next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")), None)
        if obj is not None:
            compound = " ".join(t.lower_ for t in obj.lefts if t.dep_ == "compound")
            noun = f"{compound} {obj.lemma_.lower()}".strip()
            light = data["light_verb_nouns"].get(noun) or data["light_verb_nouns"].get(obj.lemma_.lower())
            if light:
                return ("not " if negated else "") + light
    if phrasal in data["verb_classes"]:
        return ("not " if negated else "") + data["verb_classes"][phrasal]
    if lemma == "take" and any(c.dep_ == "dobj" and c.lemma_ == "place" for c in verb.children):
        particles.append("place")
    if lemma == "be":
        complement = next((c for c in verb.children if c.dep_ in ("acomp", "attr")), None)
        if complement is not None:
            particles.append(complement.lemma_.lower())
    return ("not " if negated else "") + " ".join([lemma, *particles])


def names_happening(sent: Span) -> Token | None:
    """The noun by which a sentence without a verb names a happening, its first noun
    ("Death of a 16-year-old girl in May 2011.", "Serious injury of a toddler in 2012."):
    the headline of a summary (models/dates/actions.yaml `event_nouns`)."""
    lines: list[list[Token]] = [[]]  # a title line glued on top ("2012 Ceredigion – Child J") has a line of its own
    # the headline's noun comes before its first preposition ("Death of...", "Severe burn injuries to...")
    closed = False
    for token in sent:
        if "\n" in token.text:
            lines.append([])
            closed = False
        elif token.pos_ == "ADP":
            closed = True
        elif token.pos_ in ("NOUN", "PROPN") and not closed:
            lines[-1].append(token)
    # the first nouns of a line, each read as the noun it modifies ("Serious head injury": injury); a
    # capitalised adjective the parser took for a name ("Severe burn injuries") is passed over
    firsts = [_compound_head(t) for line in lines for t in line[:2]]
    return next((t for t in firsts if t.lower_ in event_nouns() or t.lemma_.lower() in event_nouns()), None)


def _compound_head(token: Token) -> Token:
    """The noun a compound modifier belongs to ("head" of "head injury" -> "injury")."""
    while token.dep_ == "compound" and token.head.pos_ in ("NOUN", "PROPN") and token.head.i > token.i:
        token = token.head
    return token


def tells_present(verb: Token, sent: Span) -> bool:
    """A main verb in the present ("is now known as", "are thought to have left") or
    present perfect ("has recovered", "has kept a register since 2009"): a state at
    the time of writing.  "The minutes show that EF was documenting concerns"
    reports a past happening in its complement and is not one."""
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    # "has recovered", and a present auxiliary before a bare verb or a participle in -ing:
    # "does not accept", "are continuing"
    present = verb.tag_ in ("VBZ", "VBP") or (
        verb.tag_ in ("VBN", "VB", "VBG") and any(a.tag_ in ("VBZ", "VBP") for a in auxiliaries)
    )
    if not present or any(a.tag_ == "VBD" for a in auxiliaries):
        return False
    if any(a.lemma_.lower() == "do" for a in auxiliaries):
        return True  # "does not accept that the children were neglected": her view now, whatever it is of
    reported = [c for c in verb.children if c.dep_ == "ccomp"]
    return not any(t.tag_ == "VBD" for c in reported for t in c.subtree if sent.start <= t.i < sent.end)


def _writer_subject(c: Token) -> bool:
    """ "I" or "we" as a subject, not a code letter ("Mother and child I housed..."): after
    a noun, "I" is the writer only with a verb in the first person ("Notes on the writer I have
    worked ...")."""
    doc = c.doc
    after_noun = c.i > 0 and doc[c.i - 1].pos_ in ("NOUN", "PROPN")
    first_person = c.i + 1 < len(doc) and (doc[c.i + 1].tag_ == "VBP" or doc[c.i + 1].lower_ == "am")
    return c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("i", "we") and (not after_noun or first_person)


def told_by_the_writer(sent: Span) -> bool:
    """A sentence whose main subject is "I" or "we": the author's or the partnership's
    own voice (a career, the review's doing), never the case's story, which a review
    tells in the third person (what someone said is a clause, not the main verb)."""
    verb = main_verb(sent)
    return verb is not None and any(_writer_subject(c) for c in verb.children)


def dated_by_the_writer(verb: Token | None, sent: Span) -> bool:
    """The clause a date belongs to is the writer's own ("Notes on the writer I have worked
    as a family support worker for 12 years, having trained in 2008"): its verb, or the one it hangs
    from when it has no subject of its own (a participle, a coordinated verb), has "I" or
    "we" as its subject, outside any quotation (a family member's words are the case's)."""
    while verb is not None and sent.start <= verb.i < sent.end:
        said = _writer_says(verb, sent)
        if said is not None:
            return said
        if verb.dep_ not in ("advcl", "conj", "xcomp") or verb.head is verb:
            return False
        if verb.head.pos_ not in ("VERB", "AUX") and verb.tag_ in ("VBG", "VBN"):
            # the parse hung the participle from a noun ("Notes on the writer I have worked …,
            # having trained in 2008": "trained" under "Notes"): it belongs to the clause before it
            return _subject_before(verb, sent)
        verb = verb.head
    return False


def _subject_before(verb: Token, sent: Span) -> bool:
    """Whether the nearest verb before `verb` in the sentence that has a subject has the writer's."""
    for t in reversed(sent.doc[sent.start : verb.i]):
        said = _writer_says(t, sent) if t.pos_ in ("VERB", "AUX") else None
        if said is not None:
            return said
    return False


def _writer_says(verb: Token, sent: Span) -> bool | None:
    """None when `verb` has no subject of its own; else whether its subject is the writer's "I" or "we",
    outside any quotation (a family member's words are the case's)."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects:
        return None
    quoted = any(t.text in QUOTE_OPENERS for t in sent.doc[sent.start : verb.i])
    return not quoted and any(_writer_subject(c) for c in subjects)


def addresses_the_reader(sent: Span) -> bool:
    """An instruction to the reader ("Read the overview report", "Please share these findings",
    "Click here to download the briefing"): a page's link or request, never a happening.  The
    sentence opens with a verb in its base form (after a bullet or "please") that is its root, has
    no subject, and takes an object or "here"; a note-style entry ("Visit to the home by the health
    visitor") has neither and says who acted with "by"."""
    words = [t for t in sent if not (t.is_punct or t.is_space or t.pos_ in ("SYM", "X"))]
    if words and words[0].lower_ == "please":
        words = words[1:]
    if not words:
        return False
    verb = words[0]
    if verb.tag_ != "VB" or verb.dep_ != "ROOT":
        return False
    children = list(verb.children)
    if any(c.dep_ in ("nsubj", "nsubjpass", "aux") for c in children):
        return False
    if any(c.dep_ in ("prep", "agent") and c.lower_ == "by" for c in children):
        return False
    return any(c.dep_ == "dobj" or (c.dep_ == "advmod" and c.lower_ in ("here", "there")) for c in children)


def tells_earlier_state(verb: Token) -> bool:
    """A copula in the simple past ("He was not the father of the siblings", "The
    boys were subject to a plan") or a main verb in the past perfect ("had had some
    contact", "had been involved"): a state, or what was over before the date the
    paragraph gave, not a happening on it."""
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if verb.lemma_ == "be" and verb.tag_ == "VBD" and not auxiliaries:
        return True
    # the past perfect, simple or progressive ("had been suffering", "had been living")
    return verb.tag_ in ("VBN", "VBG") and any(a.lower_ == "had" for a in auxiliaries)


def voices_the_review(sent: Span) -> bool:
    """The sentence is the review's or its publisher's statement: a reporting verb whose
    speaker is the review, its report or author, or the body that published it ("Services had
    known the family for years, the review found", "The mother, the report says, ...",
    "The council said it accepted every recommendation", "Report author Ada Pellow found
    ...").  What such a sentence says was found or stated when the review was written, not
    on the date its paragraph gave (scope.yaml `review_voice`).  "The mother said she had
    fallen" is the case's: a person of the story speaks."""
    cfg = _review_voice()
    for verb in sent:
        if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in cfg["verbs"]:
            continue
        if not (verb.dep_ in ("ROOT", "parataxis", "conj") or verb.head == verb):
            continue
        for subject in (c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")):
            if any(t.lemma_.lower() in cfg["speakers"] for t in subject.subtree if t.dep_ != "poss"):
                return True
    return False


@lru_cache(maxsize=1)
def _review_voice() -> dict:
    cfg = load_yaml("dates", "scope.yaml")["review_voice"]
    return {"verbs": frozenset(cfg["verbs"]), "speakers": frozenset(cfg["speakers"])}


def tells_modal_present(verb: Token | None) -> bool:
    """A main verb under "can", "will", "shall", "may" or "must" ("Services can then
    identify lessons", "Agencies will need to improve"): what is possible, required or
    to come at the time of writing (resolution.yaml `present_modals`); "could" and
    "would" narrate the past ("she would visit daily") and are not among them."""
    if verb is None:
        return False
    modals = set(config()["present_modals"])
    return any(c.dep_ == "aux" and c.tag_ == "MD" and c.lower_ in modals for c in verb.children)


def describes_noun(tokens: Span, sent: Span) -> bool:
    """A phrase inside a clause that modifies a noun ("a plan based on EM remaining
    in Staffordshire during her pregnancy"): it tells what the plan was about,
    not when the sentence's event happened."""
    for ancestor in [tokens.root, *tokens.root.ancestors]:
        if not (sent.start <= ancestor.i < sent.end):
            return False
        if ancestor.dep_ in ("acl", "relcl") and ancestor.head.pos_ in ("NOUN", "PROPN"):
            return True
    return False


def governing_verb(token: Token, sent: Span) -> Token | None:
    """The nearest verb above a token, within the sentence."""
    for ancestor in token.ancestors:
        if not (sent.start <= ancestor.i < sent.end):
            return None
        if ancestor.pos_ in ("VERB", "AUX"):
            return ancestor
    return None
