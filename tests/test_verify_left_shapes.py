"""`scr verify --key`: shapes a name leaves in a coded draft, whatever the word lists say (fictional key and text).

Each rule of `residue._left_shapes` on invented sentences, and the words beside them that must stay quiet."""

from __future__ import annotations

import pytest

from pipeline.deid.keyfile import parse_key
from pipeline.deid.names.residue import find_person_slots
from pipeline.deid.verify import verify_report
from pipeline.ingest import load_report
from pipeline.nlp import parse_report

KEY = parse_key(
    {
        "people": [
            {"code": "TM", "role": "Mother", "names": ["Oksana Dragan", "Ms Dragan"]},
            {"code": "TF", "role": "Father", "names": ["Radu Dragan"]},
            {"code": "CT", "role": "Subject child", "names": ["Ilinca Dragan"]},
            {"code": "GM", "role": "Grandmother", "names": ["Veta Dragan"]},
            {"code": "SW", "role": "Social worker", "names": ["Morwenna Tregear"]},
            {"code": "HV", "role": "Health visitor", "names": ["Bronagh Quill"]},
        ]
    }
)
CODED = (
    "PRESENT\n"
    "SW (SW) – social worker\n"
    "[PERSON-3] (TKo) – housing officer\n"
    "[PERSON-4] (LA) – nursery manager\n"
    "\n"
    "3.1 TKo (housing): Visited twice about the damp. LA (nursery): CT attended three days a week.\n"
    "The council LA agreed to fund the place.\n"
    "CT told her teacher that she was scared of Nana Nana and that Dadi would be cross.\n"
    'She said: "do not tell Bubu Bubu, Bubu Bubu will cry."\n'
    "TM said that her brother Zoltan sometimes stayed over. The paternal uncle (Zoltan) was never seen.\n"
    'At home CT is "Ili" or "CT", and TF calls her Vetuta. The family call her "Mamaie".\n'
    "The school had TM/Oksi on the contact list. HV noted TF's mother as [PERSON-5]-ka.\n"
    "Dr K. wrote to TM. Later W. was seen at the door by HV. Notes were copied to Dr F.'s secretary.\n"
    "She mentioned 'Z' who drives a red car. The referral said \"TF D.\" was the father.\n"
    "Kind regards, M.\n"
)


@pytest.fixture(scope="module")
def coded(tmp_path_factory, nlp):
    path = tmp_path_factory.mktemp("coded") / "coded.txt"
    path.write_text(CODED, encoding="utf-8")
    report = load_report(path)
    return report, parse_report(report, nlp)


@pytest.fixture(scope="module")
def slots(coded):
    """What the shape rules alone find (the other slot rules may claim some of these first)."""
    from pipeline.deid.names.residue import _code_tokens, _left_shapes, code_spans, settings
    from pipeline.deid.names.unknown import _DocContext

    _, doc = coded
    is_code = _code_tokens(doc, code_spans(doc.text, KEY))
    return [(doc[i:j].text, kind) for i, j, kind in _left_shapes(doc, _DocContext(doc, None), is_code, settings())]


def test_every_shape_is_pointed_at_by_the_slot_finder(coded):
    _, doc = coded
    found = " ".join(r.text for r in find_person_slots(doc, KEY, []))
    for word in ("TKo", "Bubu", "Zoltan", "Ili", "Oksi", "Vetuta", "Mamaie", "-ka", "K.", "F.", "Z", "D.", "M."):
        assert word in found, word


def test_initials_declared_after_a_placeholder_are_found_where_they_stand_for_the_person(slots):
    assert slots.count(("TKo", "declared_initials")) == 2  # declared, then the speaker in the notes
    # "LA" is also a common abbreviation: only where it attributes what a person said
    assert [k for t, k in slots if t == "LA"] == ["declared_initials"]


def test_a_short_word_said_twice_is_a_family_name_for_someone(slots):
    assert slots.count(("Bubu Bubu", "reduplicated")) == 2
    assert ("Nana Nana", "reduplicated") not in slots  # a family word said twice is no name


def test_a_capitalised_word_after_a_possessive_family_word_or_in_brackets_after_one(slots):
    assert slots.count(("Zoltan", "after_kin")) + slots.count(("Zoltan", "person_slot")) >= 1
    assert ("Zoltan", "after_kin") in slots  # "(Zoltan)" after "The paternal uncle"


def test_forms_listed_beside_a_code_and_the_word_a_naming_verb_gives(slots):
    texts = dict(slots)
    assert texts.get("Ili") == "alias"  # '"Ili" or "CT"'
    assert texts.get("Oksi") == "alias"  # "TM/Oksi"
    assert texts.get("Vetuta") == "called"  # "calls her Vetuta", no quotes
    assert "Mamaie" not in texts  # 'call her "Mamaie"': the quoted naming rule's (`_called_names`), capitals now enough


def test_a_placeholder_glued_to_the_rest_of_a_name(slots):
    assert not any(k == "code_remainder" for t, k in slots)  # read by find_person_slots itself (above)


def test_single_initials_where_a_person_stands(slots):
    found = {t for t, k in slots if k == "initial"}
    assert {"K.", "F.", "Z", "D."} <= found  # "Kind regards, M.": the closing rule's (`_signed_names`)


def test_the_backstop_reports_them_at_medium_and_not_the_words_around_them(coded):
    report, doc = coded
    flagged = {f.text for f in verify_report(report, doc, key=KEY) if f.severity in ("medium", "high")}
    for word in ("TKo", "Bubu Bubu", "Zoltan", "Ili", "Oksi", "K."):
        assert any(word in f for f in flagged), word
    for word in ("PRESENT", "Nana Nana", "housing", "council"):
        assert not any(word in f for f in flagged), word


def test_a_word_reported_as_part_of_a_name_is_reported_on_its_own_elsewhere(tmp_path, nlp):
    """ "Wenonah Pettigrew rang ... Wenonah recorded that ...": however the model labels the second mention."""
    text = (
        "In March the nursery manager, Wenonah Pettigrew, rang the front door about CT.\n"
        "Wenonah recorded that TM was tearful. The family moved to Stoke in May and Stoke council was told.\n"
    )
    path = tmp_path / "coded.txt"
    path.write_text(text, encoding="utf-8")
    report = load_report(path)
    doc = parse_report(report, nlp)
    findings = [f for f in verify_report(report, doc, key=KEY) if f.severity in ("medium", "high")]
    second = text.index("Wenonah recorded")
    assert any(f.start <= second < f.end for f in findings)
    assert not any("Stoke" in f.text for f in findings)


def test_an_initial_left_before_a_placeholder_across_a_wrapped_line(tmp_path, nlp):
    from pipeline.deid.names.residue import _code_tokens, _single_initials, code_spans
    from pipeline.deid.names.unknown import _DocContext

    text = (
        "Present: HV, health visitor; SW, social worker; R.\n[PERSON-9], nursery manager; Plan B. [PERSON-2] agreed.\n"
    )
    path = tmp_path / "coded.txt"
    path.write_text(text, encoding="utf-8")
    doc = parse_report(load_report(path), nlp)
    is_code = _code_tokens(doc, code_spans(doc.text, KEY))
    found = [doc[i:j].text for i, j, _ in _single_initials(doc, _DocContext(doc, None), is_code)]
    assert found == ["R."]  # not "B." of "Plan B."
