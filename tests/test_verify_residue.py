"""`scr verify --key` points at what pseudonymise may have left of a keyed name (fictional key and text)."""

from __future__ import annotations

import pytest

from pipeline.deid.keyfile import parse_key
from pipeline.deid.names.residue import find_residue
from pipeline.deid.names.unknown import lexicon
from pipeline.deid.verify import verify_report
from pipeline.ingest import load_report
from pipeline.nlp import parse_report

KEY = parse_key(
    {
        "people": [
            {"code": "YM", "role": "Child Y's mother", "names": ["Roswitha Kellerman-Diaz", "Ms Kellerman-Diaz"]},
            {"code": "HV", "role": "Health visitor", "names": ["Jo-Anne Pemberton"]},
            {"code": "Child Y", "role": "Subject child", "names": ["Benedikt Kellerman-Diaz"]},
            {"code": "AU", "role": "Maternal aunt", "names": ["Evangelina Mbeki"]},
        ]
    }
)
CODED = (
    "YM told HV that Lina would not be at home. Later RKD rang back.\n"
    "The notes say JAP visited on Monday; Ms K. was out, and roswitha answered the door.\n"
    "Benediktchen was asleep. HV was OK with that. Child Y was seen on 3 May.\n"
)


@pytest.fixture(scope="module")
def coded(tmp_path_factory, nlp):
    path = tmp_path_factory.mktemp("coded") / "coded.txt"
    path.write_text(CODED, encoding="utf-8")
    report = load_report(path)
    return report, parse_report(report, nlp)


def test_each_shape_of_a_left_over_name_is_found_with_whose_it_may_be(coded):
    _, doc = coded
    found = {(r.text, r.kind, r.codes) for r in find_residue(doc, KEY, [], set(KEY.codes()), lexicon().common)}
    assert found == {
        ("Lina", "short_form", ("AU",)),  # the end of Evangelina
        ("K.", "titled_initial", ("YM", "Child Y")),
        ("roswitha", "lower_case", ("YM",)),
        ("Benediktchen", "extended_form", ("Child Y",)),
    }


def test_verify_with_the_key_reports_every_one_at_medium_or_above_and_not_the_codes(coded):
    report, doc = coded
    flagged = {f.text.rstrip(".") for f in verify_report(report, doc, key=KEY) if f.severity in ("medium", "high")}
    for word in ("Lina", "RKD", "JAP", "roswitha", "Benediktchen"):
        assert word in flagged, word
    assert any(w.endswith("K") for w in flagged)
    for word in ("YM", "HV", "OK", "Child", "Monday", "May"):
        assert word not in flagged, word


# ---------------------------------------------------------------- used like a person (find_person_slots)
SLOT_KEY = parse_key(
    {
        "people": [
            {"code": "MO", "role": "Mother", "names": ["Adaeze Nwachukwu"]},
            {"code": "FA", "role": "Father", "names": ["Obinna Nwachukwu"]},
            {"code": "CS", "role": "Subject child", "names": ["Samiullah Karimi"]},
            {"code": "SW", "role": "Social worker", "names": ["Philippa Thorncroft"]},
        ]
    }
)
SLOT_CODED = (
    "MO told us some relatives use her full name MO'u. The nursery listed her as Mrs A MO.\n"
    "The registration form gave the father as O. FA and the clinic as O. K. FA.\n"
    'The children call their grandmother "Babu jan". Her vecmāmiņa Ruta visited in June.\n'
    "The text said: dad come home sami wont wake up. Samijan was asleep.\n"
    "The note was signed Pania FA. Later the neighbour Tevita said that he had heard shouting.\n"
    "In May MO moved to Leeds with SW. A SW visited. The SW-led visit went well. MO's sister and FA's brother came.\n"
    "The CAMHS team saw CS. The GP saw CS on Monday. Safeguarding partners met in Leeds.\n"
    "On the phone that evening Kalani told SW that the baby was fine.\n"
)


@pytest.fixture(scope="module")
def slot_coded(tmp_path_factory, nlp):
    path = tmp_path_factory.mktemp("slots") / "coded.txt"
    path.write_text(SLOT_CODED, encoding="utf-8")
    report = load_report(path)
    return report, parse_report(report, nlp)


def _flagged(report, doc) -> dict[str, str]:
    return {f.text: f.rule for f in verify_report(report, doc, key=SLOT_KEY) if f.severity in ("medium", "high")}


def test_whatever_form_is_left_beside_codes_and_in_person_places_is_pointed_at(slot_coded):
    report, doc = slot_coded
    found = _flagged(report, doc)
    shapes = {
        "MO'u": "code_remainder",  # "Hauwa'u" whose "Hauwa" became the code
        "A": "initial_by_code",  # "Mrs A MO"
        "O.": "initial_by_code",
        "O. K.": "initial_by_code",
        "Babu jan": "called",  # a family's name for someone, family word and lower case
        "Ruta": "after_title",  # after a family word, any language (the name finder may see it first)
        "sami": "variant",  # a keyed given name's beginning, in lower case
        "Samijan": "pet_form",
        "Pania": "beside_code",
    }
    for text, kind in shapes.items():
        assert text in found, text
        assert found[text] == f"key:slot:{kind}" or found[text].startswith("names:"), (text, found[text])
    assert any("Tevita" in text for text in found)  # the subject of "said", in apposition to "neighbour"


def test_ordinary_words_titles_places_and_codes_beside_codes_are_not_pointed_at(slot_coded):
    report, doc = slot_coded
    found = " | ".join(_flagged(report, doc))
    for word in ("May", "Leeds", "led", "CAMHS", "GP", "Monday", "June", "vecmāmiņa", "Safeguarding", "sister"):
        assert word not in found, word
    assert "A SW" not in found  # the article, not an initial


def test_the_reason_names_the_key_entry_a_left_form_is_close_to(slot_coded):
    report, doc = slot_coded
    reasons = {f.text: f.reason for f in verify_report(report, doc, key=SLOT_KEY)}
    assert "CS" in reasons["sami"] and "CS" in reasons["Samijan"]
    assert "no key entry close" in reasons["Pania"]


def test_the_slot_rules_themselves_read_family_words_and_the_parse(slot_coded):
    from pipeline.deid.names.residue import find_person_slots

    _, doc = slot_coded
    kinds = {r.text: r.kind for r in find_person_slots(doc, SLOT_KEY, [])}
    assert kinds.get("Ruta") == "after_title"
    assert kinds.get("Kalani") == "person_slot"  # the subject of "told"
    assert kinds.get("Pania") == "beside_code"


def test_a_numbered_code_a_language_and_a_fixed_phrase_are_no_key_names(tmp_path, nlp):
    key = parse_key(
        {
            "people": [
                {"code": "MO", "role": "Mother", "names": ["Hauwa Musa"]},
                {"code": "PO1", "role": "Police officer", "names": ["Tobias Wren"]},
                {"code": "NB", "role": "Neighbour", "names": ["Priya Oduya", "P.O."]},
                {"code": "EX", "role": "Former partner", "names": ["Dominic Clarke"]},
            ]
        }
    )
    path = tmp_path / "coded.txt"
    path.write_text(
        "PO1 told the review that MO speaks Hausa at home. A Clare's Law disclosure was not made.\n"
        "Later Hauwa rang PO1 again.\n",
        encoding="utf-8",
    )
    report = load_report(path)
    found = {
        f.text for f in verify_report(report, parse_report(report, nlp), key=key) if f.severity in ("medium", "high")
    }
    assert "Hauwa" in found
    assert not {"PO", "PO1", "Hausa", "Clare", "Clare's"} & found, found


def test_an_english_word_is_a_name_only_where_a_name_stands(tmp_path, nlp):
    from pipeline.deid.names.residue import find_person_slots

    path = tmp_path / "coded.txt"
    path.write_text(
        "Her Auntie Joy collected CS from school. Later that week, when Precious visited, MO was out.\n"
        "The Trust said the visit was routine. Children's Social Care reported it. Nobody said anything.\n"
        "MO read Uncle Tom's Cabin to CS. In March the Police visited.\n"
        "Her friend, Blessing, said she would help. The nurse on the ward, Staff SW, agreed.\n"
        "Zeketiah told SW that the baby was asleep.\n",
        encoding="utf-8",
    )
    report = load_report(path)
    doc = parse_report(report, nlp)
    kinds = {r.text: r.kind for r in find_person_slots(doc, SLOT_KEY, [])}
    assert kinds.get("Joy") == "after_title"
    assert kinds.get("Precious") == "person_slot"
    assert kinds.get("Blessing") == "person_slot"  # in apposition to a role word
    assert kinds.get("Zeketiah") == "person_slot"  # no English word: at a sentence's start too
    for word in ("Trust", "Social", "Care", "Nobody", "Tom", "Cabin", "Police", "March", "Staff"):
        assert word not in kinds, word


def test_the_writer_after_a_closing_is_pointed_at_even_an_english_word(tmp_path, nlp):
    from pipeline.deid.names.residue import find_person_slots

    path = tmp_path / "coded.txt"
    path.write_text(
        "The e-mail to SW read: I will bring CS on Friday.\nKind regards,\nHope\n\n"
        "A second message said: running late.\nThanks, Grace\n\n"
        "Thanks to the Panel for their work.\nRegards,\nSW\n",
        encoding="utf-8",
    )
    report = load_report(path)
    kinds = {r.text: r.kind for r in find_person_slots(parse_report(report, nlp), SLOT_KEY, [])}
    assert kinds.get("Hope") == "signoff" and kinds.get("Grace") == "signoff"
    assert "Panel" not in kinds and "SW" not in kinds


def test_a_public_figure_the_review_cites_is_no_left_name_but_a_name_beside_it_is(tmp_path, nlp):
    key = parse_key({"people": [{"code": "MO", "role": "Mother", "names": ["Orla Brennock"]}]})
    path = tmp_path / "coded.txt"
    path.write_text(
        "As Lord Laming wrote in 2003, agencies must talk to each other. MO told Mrs Tamsworth so.\n", encoding="utf-8"
    )
    report = load_report(path)
    found = {
        f.text for f in verify_report(report, parse_report(report, nlp), key=key) if f.severity in ("medium", "high")
    }
    assert not {"Laming", "Lord Laming"} & found, found
    assert "Tamsworth" in found or "Mrs Tamsworth" in found, found


def test_a_capitalised_word_nothing_explains_is_pointed_at_wherever_it_stands(tmp_path, nlp):
    """A name nobody listed need not stand in a person's place: "a leaflet from Dragomir" is as much a
    leak as "Dragomir said". Headings, English words, places and organisations stay quiet."""
    from pipeline.deid.names.residue import find_person_slots

    path = tmp_path / "coded.txt"
    path.write_text(
        "Adolygiad Ymarfer Plant Thematig\n\n"
        "The leaflet came back with a note from Velimirka on the top. MO gave it to the Kelby Police desk.\n"
        "Hope was what the family wanted. The visit to Leeds was cancelled and a Žaneta left a voicemail.\n"
        "They moved to a flat on the Quarrendon estate, near Tolhurst Lane.\n",
        encoding="utf-8",
    )
    report = load_report(path)
    kinds = {r.text: r.kind for r in find_person_slots(parse_report(report, nlp), SLOT_KEY, [])}
    assert kinds.get("Velimirka") == "unexplained"
    assert "Žaneta" in kinds
    quiet = (
        "Adolygiad",
        "Ymarfer",
        "Plant",
        "Thematig",
        "Kelby",
        "Police",
        "Hope",
        "Leeds",
        "MO",
        "Quarrendon",
        "Tolhurst",
    )
    for word in quiet:
        assert word not in kinds, word


def test_a_slip_in_a_keyed_name_is_pointed_at_whatever_the_model_calls_it(tmp_path, nlp):
    """One edit from a keyed name word, or sounding like it: the spelling a nursery or a GP letter used
    ("Obinnah", "Adaize"), wherever it stands and whatever entity label the model gives it; a word that
    only begins like a keyed name ("Thornbury Trust", "Samaritans") is no slip."""
    from pipeline.deid.names.residue import find_person_slots

    path = tmp_path / "coded.txt"
    path.write_text(
        "Nursery staff wrote CS and, for a few weeks, Obinnah on the register.\n"
        "The discharge letter spelt it Adaize throughout. The Thornbury Trust and the Samaritans were told.\n",
        encoding="utf-8",
    )
    report = load_report(path)
    kinds = {r.text: r.kind for r in find_person_slots(parse_report(report, nlp), SLOT_KEY, [])}
    assert kinds.get("Obinnah") == "variant" and kinds.get("Adaize") == "variant", kinds
    for word in ("Thornbury", "Trust", "Samaritans"):
        assert word not in kinds, word


def test_a_place_after_a_locative_the_line_wrapped_away_from_is_no_name(tmp_path, nlp):
    """ "the minor injuries unit at" then "Penmorva" on the next line: the draft's wrap does not make the place a
    name; a new paragraph after "at" does not join them."""
    from pipeline.deid.names.residue import find_person_slots

    path = tmp_path / "coded.txt"
    path.write_text(
        "SG1 took Child K to the minor injuries unit at\nPenvellick that evening. The triage note records:\n\n"
        "A leaflet was left at\n\nVelimirka wrote back the next day.\n",
        encoding="utf-8",
    )
    report = load_report(path)
    kinds = {r.text: r.kind for r in find_person_slots(parse_report(report, nlp), SLOT_KEY, [])}
    assert "Penvellick" not in kinds
    assert "Velimirka" in kinds
