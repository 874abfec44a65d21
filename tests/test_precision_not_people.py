"""Words a review writes that are no person, by what the document itself shows (fictional names and wording):
a rating scale it declares, eponyms with their hyphened and particled parts, a kind named with an article, a
place it writes as a town, post-nominal letters and record verbs built by English morphology."""

from __future__ import annotations

import pytest

from pipeline.deid.keyfile import parse_key
from pipeline.deid.names.opening_verbs import inflected_word
from pipeline.deid.names.unknown import find_unknown_names, lexicon
from pipeline.deid.place_names import towns_by_use


def _names(nlp, text: str) -> set[str]:
    return {c.text for c in find_unknown_names(nlp(text))}


# ---------------------------------------------------------------- a rating scale the review declares
def test_the_values_of_a_declared_rating_scale_are_no_unlisted_people(nlp):
    text = (
        "Each standard was rated Red, Amber or Green by the audit group.\n"
        "| 2 | Was the plan shared? | Amber | Shared late with Ms Orla Teague. |\n"
        "| 3 | Was the child seen alone? | Green | Seen by Amber Kilbride on 4 May. |\n"
        "| 4 | Was the father assessed? | Red | Mrs Green was not told. |\n"
    )
    found = _names(nlp, text)
    assert "Amber Kilbride" in found  # a value with a surname after it is a person
    assert any("Green" in f for f in found)  # after a title: the person
    assert "Amber" not in found and "Red" not in found


def test_one_rating_word_is_no_declared_scale(nlp):
    found = _names(nlp, "The panel rated the work as poor. Amber said she had not been asked.")
    assert "Amber" in found


# ---------------------------------------------------------------- eponyms
@pytest.mark.parametrize(
    "text, eponym",
    [
        ("| Von Willebrand screen | Normal |", "Willebrand"),
        ("A cousin has Henoch-Schönlein purpura, said Mrs Delphine Oyelowo.", "Henoch"),
        ("There is a family history of von Hippel-Lindau syndrome, said Mrs Delphine Oyelowo.", "Hippel"),
    ],
)
def test_every_part_of_a_hyphened_or_particled_eponym_is_no_person(nlp, text, eponym):
    found = _names(nlp, text)
    assert not any(eponym in f for f in found), found
    if "Delphine" in text:
        assert any("Delphine" in f for f in found)


# ---------------------------------------------------------------- a kind named with an article
def test_a_kind_named_with_an_indefinite_article_is_no_person_but_someone_acting_is(nlp):
    found = _names(
        nlp,
        "There is a Lhasa Apso called Bobo at the flat. A grey Toyota Auris was parked outside. "
        "A Mrs Tamsin Ellery rang the office and a Zdenka left a voicemail.",
    )
    assert not any(w in f for f in found for w in ("Lhasa", "Apso", "Auris"))
    assert any("Tamsin" in f for f in found)
    assert "Zdenka" in found


# ---------------------------------------------------------------- a place the document writes as a town
def test_a_word_written_twice_as_a_town_is_a_place_in_the_whole_document(nlp):
    text = (
        "The family lived in Tavira, where the father worked. The grandmother (Tavira) rings daily. "
        "He spent the summer in Tavira in 2023. Mr Preston moved to Preston in 2022. "
        "She confided in Amina, who told nobody. Later she trusted in Ysolde. Ysolde said nothing."
    )
    towns = towns_by_use(text, nlp(text))
    assert "Tavira" in towns
    assert "Preston" not in towns  # a person's surname after a title in the same document
    assert "Amina" not in towns and "Ysolde" not in towns  # a given name; a single use the parse alone reads


# ---------------------------------------------------------------- record verbs
@pytest.mark.parametrize("word", ["rebooked", "countersigned", "reissued", "chatted", "unannounced"])
def test_record_verbs_built_by_english_morphology_are_inflected_words(word):
    assert inflected_word(word, lexicon().common)


def test_a_y_stem_is_found_in_a_larger_dictionary():
    common = lexicon().common
    assert not inflected_word("photocopied", common, frozenset())
    assert inflected_word("photocopied", common, frozenset({"photocopy"}))


@pytest.mark.parametrize("name", ["rebecca", "desmond", "redmond", "unwin", "prescott", "underwood"])
def test_names_are_no_inflected_words(name):
    assert not inflected_word(name, lexicon().common)


# ---------------------------------------------------------------- verify: letters after a name, record verbs
def test_post_nominals_and_record_verbs_beside_codes_are_not_pointed_at(tmp_path, nlp):
    from pipeline.deid.names.residue import find_person_slots
    from pipeline.ingest import load_report
    from pipeline.nlp import parse_report

    key = parse_key(
        {
            "people": [
                {"code": "HV", "role": "Health visitor", "names": ["Morwenna Tregear"]},
                {"code": "GP", "role": "GP", "names": ["Idris Vaughan-Lloyd"]},
            ]
        }
    )
    path = tmp_path / "coded.txt"
    path.write_text(
        "| 12/01/2023 | HV RGN RSCN SCPHN | New birth review transfer-in. |\n"
        "| 19/01/2023 | Admin | Rebooked review to 02/02. Letter sent. |\n"
        "| 22/03/2023 | GP MBChB MRCGP | Seen with mother. Photocopied: red book. |\n"
        "Signed: HV BSc (Hons). Left with Velimirka at the door.\n",
        encoding="utf-8",
    )
    report = load_report(path)
    kinds = {r.text: r.kind for r in find_person_slots(parse_report(report, nlp), key, [])}
    for word in ("RGN", "RSCN", "SCPHN", "MBChB", "MRCGP", "BSc", "Rebooked", "Photocopied"):
        assert word not in kinds, (word, kinds)
    assert "Velimirka" in kinds


def test_raters_named_after_a_rating_word_are_still_people(nlp):
    found = _names(nlp, "The work was rated by Amina Yusuf, Grace and Tom at the panel.")
    assert {"Grace", "Tom"} <= found


# ---------------------------------------------------------------- keyed names: a log's opening verb
def test_an_english_short_form_opening_a_log_line_as_a_verb_is_no_keyed_name(tmp_path, nlp):
    """ "Met" is a Welsh nasal mutation of a clipped "Bethany" (B -> M), and a log's verb: the verb, while the
    short form in a person's place is still the person."""
    from pipeline.deid.pseudonymise import parse_for_key, pseudonymise_report
    from pipeline.ingest import load_report

    key = parse_key(
        {
            "people": [
                {"code": "SW", "role": "Social worker", "names": ["Bethany Clough", "Ms Clough"]},
                {"code": "KM", "role": "Mother", "names": ["Sigrun Halldorsdottir", "Sigga"]},
            ]
        }
    )
    path = tmp_path / "log.txt"
    path.write_text(
        "29/02/2024 | 10:30 | AF | Home visit | Met Sigga and the baby. Tenant tearful.\nBeth rang back later.\n",
        encoding="utf-8",
    )
    report = load_report(path)
    out = pseudonymise_report(report, parse_for_key(report, nlp, key), key).text
    assert "Met KM and the baby" in out
    assert "SW rang back" in out


def test_a_religion_in_brackets_and_an_organisation_named_like_a_keyed_name_are_not_pointed_at(tmp_path, nlp):
    from pipeline.deid.verify import verify_report
    from pipeline.ingest import load_report
    from pipeline.nlp import parse_report

    key = parse_key({"people": [{"code": "YP", "role": "Young person", "names": ["Dolkar Norbu", "Norbu"]}]})
    path = tmp_path / "coded.txt"
    path.write_text(
        "| Strengths | Close to brother, faith (Buddhist) a comfort |\n"
        "Her mother worked as a weaver at the Norbulingka Institute before they came here.\n"
        "A monk from the Buddhist centre visits. Later Norbuwa rang the clinic.\n",
        encoding="utf-8",
    )
    report = load_report(path)
    flagged = {f.text for f in verify_report(report, parse_report(report, nlp), key=key) if f.severity != "low"}
    assert "Buddhist" not in flagged and "Norbulingka" not in flagged
    assert "Norbuwa" in flagged  # the keyed name with an ending, where a person stands


def test_an_english_word_opening_a_table_cell_is_no_person_slot(tmp_path, nlp):
    from pipeline.deid.names.residue import find_person_slots
    from pipeline.ingest import load_report
    from pipeline.nlp import parse_report

    key = parse_key({"people": [{"code": "KM", "role": "Mother", "names": ["Ragnheidur Olafsdottir"]}]})
    path = tmp_path / "coded.txt"
    path.write_text(
        "| 13/05/2024 | Out of hours | Tenant calls: someone has tried the door. |\n"
        "| 14/05/2024 | Visit | KM was out, and when Precious visited she left a card. |\n",
        encoding="utf-8",
    )
    report = load_report(path)
    kinds = {r.text: r.kind for r in find_person_slots(parse_report(report, nlp), key, [])}
    assert "Tenant" not in kinds
    assert kinds.get("Precious") == "person_slot"
