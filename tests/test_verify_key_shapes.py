"""`scr verify --key`: what the key and the coded text imply together (`residue._key_shapes`), on an invented key
and invented sentences; and the words beside them that must stay quiet."""

from __future__ import annotations

import pytest

from pipeline.deid.keyfile import parse_key
from pipeline.deid.verify import verify_report
from pipeline.ingest import load_report
from pipeline.nlp import parse_report
from verify_text import serious_with_key

KEY = parse_key(
    {
        "people": [
            {"code": "Child R", "role": "Subject child", "names": ["Rosalind Achterberg", "Rosalind"]},
            {"code": "RM", "role": "Mother", "names": ["Wilhelmina Achterberg", "Mrs Achterberg"]},
            {"code": "RF", "role": "Father", "names": ["Dirk Voskuil", "Mr Voskuil"]},
            {"code": "RGM", "role": "Grandmother", "names": ["Hendrika Voskuil"]},
            {"code": "SW", "role": "Social worker", "names": ["Tamsin Quayle", "Ms Quayle"]},
            {"code": "DS", "role": "Police officer", "names": ["Gideon Parfitt"]},
        ]
    }
)
CODED = (
    "Log of the strategy discussion\n"
    "\n"
    "Entry 4: Dad rang. Says he has not seen R or RM since June. SW to see R at home this week.\n"
    'Entry 5: "D. — interview booked, DS to attend."\n'
    'The police list her as "VOSKUIL, RGM" and as RGM/rika on the older system.\n'
    "Oma RGMs garden was where Child Rs dog stayed. The deputy SWs were told.\n"
    "A text read: SW quayle will ring tomorrow.\n"
    'She calls her father "Pip" and her classmates call her "Roz". Pip was not at home.\n'
    "A neighbour known as K-[PERSON-2] was seen outside.\n"
    "Appendix D lists the agencies. Grade B was expected. Plan B was agreed.\n"
)


@pytest.fixture(scope="module")
def flagged(tmp_path_factory, nlp):
    return serious_with_key(tmp_path_factory.mktemp("keyshapes"), nlp, CODED, KEY)


def _rules_of(flagged, text: str) -> set[str]:
    """Rules of the findings on `text` (a remnant glued to a code is reported with the token it is part of)."""
    return {rule for (t, _), rule in flagged.items() if t == text or (len(text) > 1 and t.startswith(text))}


@pytest.mark.parametrize(
    "text",
    [
        "R",  # "seen R or RM", "to see R": the letter of the code "Child R" where a person stands
        "D.",  # the father's initial attributing a log entry
        "VOSKUIL",  # a record's "SURNAME, Given" order around a code
        "/rika",  # the rest of a name after a slash
        "RGMs",  # "Oma RGMs garden": a possessive without its apostrophe
        "Rs",  # "Child Rs dog"
        "quayle",  # the keyed surname typed in lower case after its own code
        "Pip",  # quoted after a family word, then used alone
        "Roz",  # quoted after "classmates call her"
        "K-",  # a prefix glued to a placeholder
    ],
)
def test_left_shapes_the_key_implies_are_flagged(flagged, text):
    assert _rules_of(flagged, text), f"{text!r} not flagged"


def test_letters_of_phrases_plurals_and_headings_stay_quiet(flagged):
    starts = {t: s for (t, s) in flagged}
    assert "D" not in starts  # "Appendix D"
    assert "B" not in starts  # "Grade B", "Plan B"
    assert not any(t.startswith("SWs") for (t, _) in flagged)  # "the deputy SWs were": a plural


def test_role_shorthand_letters_are_no_keyed_letter(tmp_path, nlp):
    """A case note's "M" and "F" (mother, father) both standing alone: neither is the keyed Marit's letter; the
    same "M" in a note without "F" is."""
    key = parse_key({"people": [{"code": "PM", "role": "Mother", "names": ["Marit Olsen"]}]})

    def letters(text: str) -> list[str]:
        path = tmp_path / "note.txt"
        path.write_text(text, encoding="utf-8")
        report = load_report(path)
        found = verify_report(report, parse_report(report, nlp), key=key)
        return [f.text for f in found if f.rule == "key:slot:keyed_letter"]

    assert letters("Household: M, F and baby. Police to speak to M and F separately.\n") == []
    assert letters("The duty worker rang PM twice. Nobody answered, so SW went to see M at home.\n") == ["M"]


def test_a_letter_the_text_declares_and_a_shared_surname_made_plural(tmp_path, nlp):
    """'"R" is Child R' says whom the letter stands for; "the RFs" is the household of a surname two keyed people
    share (Voskuil), while "the SWs" (a role's plural, no shared surname) stays quiet."""
    path = tmp_path / "note.txt"
    path.write_text(
        'In the school log "R" is Child R throughout. We should hear from the RFs as well. The SWs agreed.\n',
        encoding="utf-8",
    )
    report = load_report(path)
    found = verify_report(report, parse_report(report, nlp), key=KEY)
    texts = {f.text for f in found if f.severity in ("medium", "high")}
    assert "R" in texts
    assert any(t.startswith("RFs") for t in texts)
    assert not any(t.startswith("SWs") for t in texts)


def test_quoted_adjectives_verbs_and_an_outline_stay_quiet(tmp_path, nlp):
    """A quoted ordinary word after a pronoun or a family word is no home name ('described her as "Difficult"',
    'her mum "Hates" her'), and letters numbering an outline ("B: Background", "C: Chronology") are no keyed
    person's letters, though Child C and a keyed Bryony give the key those letters."""
    key = parse_key(
        {
            "people": [
                {"code": "Child C", "role": "Subject child", "names": ["Corin Ashdown"]},
                {"code": "CA", "role": "Aunt", "names": ["Bryony Tull"]},
            ]
        }
    )
    path = tmp_path / "coded.txt"
    path.write_text(
        "B: Background to the review\n"
        "C: Chronology of contact\n"
        'The teacher described her as "Difficult" in May. Child C said her mum "Hates" her. '
        "The Difficult days were in June. Nobody Hates the dog.\n",
        encoding="utf-8",
    )
    report = load_report(path)
    found = verify_report(report, parse_report(report, nlp), key=key)
    texts = {f.text.rstrip(".:") for f in found if f.severity in ("medium", "high")}
    assert not texts & {"B", "C", "Difficult", "Hates"}, texts
