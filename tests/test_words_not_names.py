"""Issue 12: words that are not names though a name list or the key holds them: a log's verb opening a
subject-dropped sentence, a keyed word-name used as a rating or inside a body's name, a keyed name inside a farm's
or market's name; and what `verify --key` must not point at (a lower-case English word, a language before a kin
word, an acronym in another script).  Every name and sentence is invented."""

from __future__ import annotations

import pytest

from pipeline.deid.keyfile import parse_key
from pipeline.deid.names.opening_verbs import opening_verb
from pipeline.deid.names.unknown import find_unknown_names, lexicon
from pipeline.deid.verify import verify_report
from pipeline.ingest import load_report
from pipeline.nlp import parse_report
from pseudonymise_text import code_text

KEY = {
    "people": [
        {"code": "Child T", "role": "the subject child", "names": ["Tomasz Wrenfield", "Tomek"]},
        {"code": "TM", "role": "Child T's mother", "names": ["Ilona Wrenfield", "Ms Wrenfield"]},
        {"code": "FC", "role": "Foster carer", "names": ["Rosalind Fenwood"]},
        {"code": "TCH", "role": "Class teacher", "names": ["Amber Quillan"]},
        {"code": "FSW", "role": "Family support worker", "names": ["Mercy Adjovi"]},
        {"code": "PC", "role": "Police officer", "names": ["Dale Thornbury"]},
    ]
}


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    return tmp_path_factory.mktemp("words_not_names")


def _coded(folder, nlp, draft: str) -> str:
    return code_text(folder, draft, KEY, nlp).text


# ---------------------------------------------------------------- subject-dropped log verbs
def test_a_verb_opening_a_log_sentence_is_no_part_of_an_unlisted_name(folder, nlp):
    # "Said" is a given name in the gazetteer; the parse reads the verb of a subject-dropped note
    out = _coded(folder, nlp, "Tomek came home late. Said Bronagh calls him little. Bronagh is a neighbour.\n")
    assert "Said [PERSON-1] calls him" in out and "Bronagh" not in out, out


def test_a_verb_opening_a_log_sentence_is_no_part_of_a_name(folder, nlp):
    # "Said" is a given name in the gazetteer; "Phoned" before a keyed name is no honorific of hers
    draft = (
        "Tomek came home late. Said Ilona shouts at him about money. "
        "Phoned Rosalind about it. Rosalind said she would ring school.\n"
    )
    out = _coded(folder, nlp, draft)
    assert "Said TM shouts at him" in out, out
    assert "Rosalind" not in out and "[PERSON" not in out, out  # "Phoned" may go with her code; no name is left


def test_a_log_verb_before_its_object_is_no_unlisted_person(folder, nlp):
    # "phoned" is in no English word list here; its regular past tense and the object after it say verb
    draft = "Tomek had a cough. Phoned GP surgery at nine. Rosalind took him at noon. Phoned school after.\n"
    out = _coded(folder, nlp, draft)
    assert "Phoned GP surgery" in out and "Phoned school after" in out and "[PERSON" not in out, out


def test_the_same_given_name_in_a_persons_place_is_still_a_person(folder, nlp):
    # a man called Said, named with his surname and a role: the parse reads a name, not a verb
    draft = "Tomek stayed with a neighbour, Said Haddoum, who runs the shop below the flat.\n"
    out = _coded(folder, nlp, draft)
    assert "Said" not in out and "Haddoum" not in out and "[PERSON-1]" in out, out


def test_opening_verb_reads_the_parse_and_the_inflection(nlp):
    lex = lexicon()
    doc = nlp("Chased the school at nine. Emailed the nurse too. Sayed Karimi visited later.")
    verdict = {t.text: opening_verb(t, lex.common, lex.is_known_name) for t in doc if t.is_title}
    assert verdict["Chased"] and verdict["Emailed"], verdict
    assert not verdict["Sayed"] and not verdict["Karimi"], verdict  # a listed name ending in -ed is a name


def test_unlisted_finder_leaves_log_verbs_out(nlp):
    doc = nlp(
        "No answer at the door. Said Bronagh shouts at him about money. Drew Hallam, the neighbour, saw nothing.\n"
    )
    texts = {c.text for c in find_unknown_names(doc)}
    assert "Bronagh" in texts and not any("Said" in t for t in texts), texts
    assert "Drew Hallam" in texts, texts  # a first name that is also a verb, in a name's place, stays a name


# ---------------------------------------------------------------- keyed word-names as words
def test_a_keyed_word_name_as_a_rating_stays(folder, nlp):
    draft = "Amber Quillan rang at noon. The school graded the concern Amber on its tracker. Amber said it was new.\n"
    out = _coded(folder, nlp, draft)
    assert "graded the concern Amber on" in out, out
    assert out.startswith("TCH rang") and "TCH said" in out, out


def test_a_keyed_word_name_closing_a_bodys_name_stays(folder, nlp):
    draft = (
        "Mercy Adjovi visited. The family use the Sisters of Mercy pantry on Fridays. Mercy said the pantry helps.\n"
    )
    out = _coded(folder, nlp, draft)
    assert "the Sisters of Mercy pantry" in out, out
    assert out.startswith("FSW visited") and "FSW said" in out, out


def test_the_words_of_a_bodys_name_are_no_unlisted_person(nlp):
    doc = nlp(
        "A church elder, who also runs the Ray of Sunshine food bank the family used, rang the Early Help line.\n"
    )
    found = [c.text for c in find_unknown_names(doc)]
    assert not {"Ray", "Sunshine"} & set(found), found


# ---------------------------------------------------------------- keyed names inside farm and market names
def test_a_keyed_surname_in_a_farms_name_stays(folder, nlp):
    draft = "Dale Thornbury visited. The boys were found near the barns at Thornbury Farm on Sunday.\n"
    out = _coded(folder, nlp, draft)
    assert "at Thornbury Farm on Sunday" in out and out.startswith("PC visited"), out


def test_a_keyed_given_name_in_a_markets_name_stays(folder, nlp):
    draft = "Tomek liked the stalls. They went to the Tomasz Market on the ring road; Tomek chose apples.\n"
    out = _coded(folder, nlp, draft)
    assert "the Tomasz Market on" in out and "Child T chose" in out, out


# ---------------------------------------------------------------- verify --key
VERIFY_KEY = parse_key(KEY)


def _flagged(tmp_path, nlp, coded: str) -> dict[str, str]:
    path = tmp_path / "coded.txt"
    path.write_text(coded, encoding="utf-8")
    report = load_report(path)
    findings = verify_report(report, parse_report(report, nlp), key=VERIFY_KEY)
    return {f.text: f.rule for f in findings if f.severity in ("medium", "high")}


def test_verify_does_not_point_at_log_verbs_or_lower_case_words(tmp_path, nlp):
    coded = (
        "Child T stayed in. Phoned TM's number at six, no answer.\n"
        "Sleepwalking twice this week. Changed his sheets.\n"
        "He says his uncle drives a rosalie and a lorry for work.\n"
    )
    flagged = _flagged(tmp_path, nlp, coded)
    assert not {"Phoned", "Sleepwalking", "lorry"} & set(flagged), flagged


def test_verify_still_points_at_a_pet_form_that_is_no_english_word(tmp_path, nlp):
    flagged = _flagged(tmp_path, nlp, "FC says Child T calls her rosi when he is tired, and rosi laughs.\n")
    assert "rosi" in flagged, flagged


def test_verify_leaves_a_language_before_a_kin_word_and_an_acronym_in_another_script(tmp_path, nlp):
    coded = (
        "TM told Child T to be good for the Welsh auntie.\n"
        "His Bulgarian identity number (ЛНЧ) was on the form. A card was signed Олена.\n"
    )
    flagged = _flagged(tmp_path, nlp, coded)
    assert not {"Welsh", "auntie", "ЛНЧ"} & set(flagged), flagged
    assert "Олена" in flagged, flagged  # a name in its own script is still pointed at


def test_verify_lowers_a_word_the_key_reading_keeps(tmp_path, nlp):
    coded = "TCH rang. The school rated the concern Amber this week. Later the bus stopped at Thornbury Farm.\n"
    flagged = _flagged(tmp_path, nlp, coded)
    assert not {"Amber", "Thornbury"} & set(flagged), flagged


def test_a_keyed_word_name_ending_a_headings_of_phrase_is_the_person(folder, nlp):
    # "the Case of Amber" names a person: no thing follows the phrase, so the word is her name
    draft = "# Practice Review in the Case of Amber\n\nAmber Quillan taught the class. Amber said little.\n"
    out = _coded(folder, nlp, draft)
    assert "in the Case of TCH" in out and "Amber" not in out, out
