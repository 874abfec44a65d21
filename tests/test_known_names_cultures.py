"""Names as families of other languages and cultures write them, on text no rule was tuned on.

All names are fictional.  Each class is shown in shapes and languages other than the drafts
that revealed it (issue 12's third blind set): kinship honorifics before a name, diminutives
in no list, the other sex's or a married woman's form of a surname, first names that are
ordinary words, initials as a signature or with an Irish/Scottish prefix, religious titles,
and identifiers with a word prefix, in a numbered chronology row or a nursery with its place.
Ordinary uses of the same words must stay.
"""

from __future__ import annotations

import pytest

from pipeline.deid.keyfile import parse_key
from pipeline.deid.names.derived import KeyedWord, classify
from pipeline.deid.names.family_forms import family_surnames
from pipeline.deid.names.known import english_lexicon
from pipeline.deid.pseudonymise import parse_for_key, pseudonymise_report
from pipeline.ingest import load_report


@pytest.fixture(scope="module")
def lexicon(nlp):
    return english_lexicon(nlp)


def code(tmp_path, nlp, lexicon, key, draft, analyzer=None):
    """The coded text of `draft` under `key` (a dict as a key file holds it)."""
    key = parse_key(key)
    path = tmp_path / "draft.md"
    path.write_text(draft, encoding="utf-8")
    report = load_report(path)
    return pseudonymise_report(report, parse_for_key(report, nlp, key), key, analyzer=analyzer, lexicon=lexicon).text


# ---------------------------------------------------------------- surname forms
@pytest.mark.parametrize(
    "keyed, other",
    [
        ("Kowalska", "Kowalski"),
        ("Wiśniewski", "Wiśniewska"),
        ("Jankauskienė", "Jankauskas"),
        ("Jankauskas", "Jankauskaitė"),
        ("Paulauskis", "Paulauskytė"),
        ("Novotná", "Novotný"),
        ("Horváthová", "Horváth"),
        ("Procházková", "Procházka"),
        ("Papadaki", "Papadakis"),
        ("Georgiou", "Georgios"),
        ("Sigurðardóttir", "Sigurðarson"),
        ("Smirnova", "Smirnov"),
        ("Ozoliņš", "Ozoliņa"),
    ],
)
def test_a_family_surname_has_its_relatives_forms(keyed, other):
    assert other in family_surnames(keyed)


@pytest.mark.parametrize("surname", ["Smith", "Jones", "Okafor", "Nguyen", "Patel", "Moyo", "Ahmed"])
def test_other_surnames_get_no_family_forms_that_are_real_words(surname):
    assert not [f for f in family_surnames(surname) if f[:-1].isascii() and f.lower() in {"smit", "jone", "ahme"}]
    assert all(len(f) > len(surname) - 3 for f in family_surnames(surname))


def test_relatives_forms_of_a_keyed_surname_are_coded_and_the_title_chooses(tmp_path, nlp, lexicon):
    key = {
        "people": [
            {"code": "GM", "role": "paternal grandmother", "names": ["Halina Zielińska"]},
            {"code": "UF", "role": "paternal uncle", "names": ["Marek Zieliński", "Mr Zieliński"]},
            {"code": "AU", "role": "maternal aunt", "names": ["Eglė Petraitienė"]},
        ]
    }
    draft = (
        "Mrs Zielinski was at the door when police came. The officer spoke to Mr Zieliński in the kitchen. "
        "The aunt was recorded as Mrs Petraitis; her maiden name was not taken.\n"
    )
    out = code(tmp_path, nlp, lexicon, key, draft)
    assert out == (
        "GM was at the door when police came. The officer spoke to UF in the kitchen. "
        "The aunt was recorded as AU; her maiden name was not taken.\n"
    )


# ---------------------------------------------------------------- diminutives
@pytest.mark.parametrize(
    "word, keyed",
    [
        ("Miro", "Miroslav"),
        ("Katka", "Katarina"),
        ("Gintukas", "Gintaras"),
        ("Ausris", "Ausrine"),
        ("Zuzka", "Zuzana"),
        ("Bogi", "Bogdana"),
    ],
)
def test_a_pet_form_of_a_keyed_first_name_is_derived_by_rule(word, keyed):
    """(A pet form that is also a name of its own in the gazetteer, "Kati", "Janko", is left to the other rules.)"""
    kw = KeyedWord(code="X", word=keyed, folded=keyed.casefold(), first=True)
    assert [rule for _, _, rule in classify(word, [kw])] in (["short_form"], ["nickname"])


@pytest.mark.parametrize(
    "word, keyed", [("Mirror", "Miroslav"), ("Zulu", "Zuzana"), ("Pepper", "Pepita"), ("Ginger", "Gintaras")]
)
def test_english_words_and_other_names_are_not_pet_forms(word, keyed):
    kw = KeyedWord(code="X", word=keyed, folded=keyed.casefold(), first=True)
    assert "short_form" not in [rule for _, _, rule in classify(word, [kw])]


def test_pet_forms_are_coded_in_a_draft(tmp_path, nlp, lexicon):
    key = {
        "people": [
            {"code": "C1", "role": "the child", "names": ["Miroslav Balog", "Miroslav"]},
            {"code": "M1", "role": "mother", "names": ["Zuzana Balogová", "Ms Balogová"]},
        ]
    }
    draft = "At home Miro is quiet. Zuzka said that Miro sleeps in her room.\n"
    assert code(tmp_path, nlp, lexicon, key, draft) == "At home C1 is quiet. M1 said that C1 sleeps in her room.\n"


# ---------------------------------------------------------------- kinship honorifics and religious titles
def test_the_honorific_stays_and_the_name_after_it_goes(tmp_path, nlp, lexicon):
    key = {
        "people": [
            {"code": "GM", "role": "maternal grandmother", "names": ["Jadwiga Sowa"]},
            {"code": "AU", "role": "maternal aunt", "names": ["Kamala Rajan"]},
        ]
    }
    draft = (
        "The boy went to Babcia Jadwiga after school. On Fridays he stayed with Aunty Kamala. "
        "He told the teacher that Dziadek Bogdan had been unwell.\n"
    )
    out = code(tmp_path, nlp, lexicon, key, draft)
    assert "Babcia GM" in out and "Aunty AU" in out
    assert "Bogdan" not in out and "Dziadek [PERSON-" in out  # the unlisted grandfather


def test_an_ordinary_word_after_a_kinship_honorific_is_a_person_but_not_elsewhere(tmp_path, nlp, lexicon):
    key = {"people": [{"code": "CH", "role": "the child", "names": ["Tatenda Sibanda", "Tatenda"]}]}
    draft = (
        "Tatenda said Aunty Patience collects him. Aunty Patience works nights. It needed patience from "
        "everyone. The Trust agreed a plan; the trust's board signed it off.\n"
    )
    out = code(tmp_path, nlp, lexicon, key, draft)
    assert out.count("Aunty [PERSON-1]") == 2
    assert "It needed patience" in out and "The Trust agreed" in out and "the trust's board" in out


def test_religious_titles_before_a_name(tmp_path, nlp, lexicon):
    key = {"people": [{"code": "MO", "role": "mother", "names": ["Grace Mensah"]}]}
    draft = (
        "The family attended a church led by Pastor Kwabena Owusu. Imam Rashid Qasim also knew them. "
        "Grace spoke to Brother Tomás about the flat. Father Christmas visited the nursery.\n"
    )
    out = code(tmp_path, nlp, lexicon, key, draft)
    for name in ("Kwabena", "Owusu", "Rashid", "Qasim", "Tomás"):
        assert name not in out
    assert "Father Christmas" in out


# ---------------------------------------------------------------- words that are names
def test_keyed_word_names_are_the_person_where_a_person_stands(tmp_path, nlp, lexicon):
    key = {
        "people": [
            {"code": "UN", "role": "maternal uncle", "names": ["Gift Ncube"]},
            {"code": "CS", "role": "cousin", "names": ["Faith Ncube"]},
        ]
    }
    draft = (
        "Gift told the social worker he would help. A gift of toys arrived. The Foundation Trust and "
        "the Faith Forum met. It was done in good faith. Faith's school rang. Gift and Faith visited.\n"
    )
    out = code(tmp_path, nlp, lexicon, key, draft)
    assert out.startswith("UN told the social worker")
    assert "A gift of toys" in out and "good faith" in out and "the Faith Forum" in out
    assert "CS's school" in out and "UN and CS visited" in out


# ---------------------------------------------------------------- initials
def test_initials_as_a_signature_and_with_a_clan_prefix(tmp_path, nlp, lexicon):
    key = {
        "people": [
            {"code": "SW", "role": "social worker", "names": ["Ruth MacKinnon", "Ms MacKinnon"]},
            {"code": "TL", "role": "team leader", "names": ["Anne-Marie O'Connell", "Ms O'Connell"]},
            {"code": "HV", "role": "health visitor", "names": ["Priya Sharma", "Ms Sharma"]},
        ]
    }
    draft = (
        "> Home visit, baby settled, cot seen. PS\n\n"
        "The visit note was countersigned 'PS' a week later. The plan was agreed by A-M O'C. "
        "Ms MacK was on leave. The PS form was not filed.\n"
    )
    out = code(tmp_path, nlp, lexicon, key, draft)
    assert out == (
        "> Home visit, baby settled, cot seen. HV\n\n"
        "The visit note was countersigned 'HV' a week later. The plan was agreed by TL. "
        "SW was on leave. The PS form was not filed.\n"
    )


# ---------------------------------------------------------------- identifiers
def test_identifiers_with_a_word_prefix_in_a_row_and_a_nursery_with_its_place(tmp_path, nlp, lexicon, analyzer):
    key = {"people": [{"code": "CB", "role": "the baby", "names": ["Oskar Lind", "Oskar"]}]}
    draft = (
        "Police opened OCCURRENCE 44/120931/23 and later INCIDENT 3-55012-2024.\n\n"
        "| # | Date | Agency | Entry |\n|---|---|---|---|\n"
        "| 12 | 07/08/2021 | Midwifery | Oskar born at home. |\n"
        "| 13 | 09/08/2021 | GP | Oskar seen, well. |\n\n"
        "Oskar started at Bluebell Pre-School, Hartside. Staff at Bluebell Pre-School, Monday to Friday.\n"
    )
    out = code(tmp_path, nlp, lexicon, key, draft, analyzer)
    assert "44/120931/23" not in out and "OCCURRENCE" not in out and "55012" not in out
    assert "| 12 | [DATE_OF_BIRTH] |" in out and "| 13 | 09/08/2021 |" in out
    assert "Hartside" not in out and "[NURSERY], Monday to Friday" in out


def test_a_family_word_ending_a_sentence_is_no_honorific(nlp):
    """ "supported by Aunt. The midwife ...": the full stop ends the sentence; "The" is no one's name."""
    from pipeline.deid.names.unknown import find_unknown_names

    doc = nlp("Mum was supported by Aunt. The midwife at the hospital booked a visit. Uncle Tendai came too.")
    found = {doc.text[c.start : c.end] for c in find_unknown_names(doc)}
    assert "The" not in found
    assert "Tendai" in found
