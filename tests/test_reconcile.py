"""One person, one identity: `names.reconcile` joins a keyed name that came out in pieces."""

from __future__ import annotations

import pytest

from pipeline.deid.keyfile import parse_key
from pipeline.deid.names.known import english_lexicon
from pipeline.deid.names.reconcile import reconcile
from pipeline.deid.pseudonymise import Replacement, parse_for_key, pseudonymise_report
from pipeline.ingest import load_report

KEY = parse_key(
    {
        "people": [
            {"code": "CM", "role": "Child M's mother", "names": ["Farida Noor Rahimi", "Mrs Rahimi"]},
            {"code": "CF", "role": "Child M's father", "names": ["Jawad Karim Rahimi", "Mr Rahimi"]},
            {"code": "SW", "role": "Social worker", "names": ["Annika Bergstrom"]},
        ]
    }
)


def _piece(text: str, word: str, source: str, code: str = "", after: int = 0) -> Replacement:
    start = text.index(word, after)
    kind = "PERSON" if source == "known" else "PERSON_UNKNOWN"
    return Replacement(start, start + len(word), word, code, kind, source, "test", 0.8, code=code or None)


def test_a_misspelt_surname_after_a_keyed_first_name_joins_that_person():
    text = "Annika Bergstrum visited."
    pieces = [_piece(text, "Annika", "known", "SW"), _piece(text, "Bergstrum", "unknown")]
    [joined] = reconcile(pieces, text, KEY)
    assert (joined.text, joined.code, joined.source) == ("Annika Bergstrum", "SW", "known")


def test_every_word_must_fit_so_an_unlisted_relative_keeps_a_placeholder():
    text = "Annika Moreau visited."  # a different surname: somebody else, or the key is incomplete
    pieces = [_piece(text, "Annika", "known", "SW"), _piece(text, "Moreau", "unknown")]
    assert [r.source for r in reconcile(pieces, text, KEY)] == ["known", "unknown"]


def test_a_middle_name_alone_is_the_one_keyed_person_who_has_it():
    text = "Later Karim said he would call."
    [coded] = reconcile([_piece(text, "Karim", "unknown")], text, KEY)
    assert (coded.code, coded.source) == ("CF", "known")


def test_a_slip_of_a_middle_name_the_matcher_learned_is_that_person():
    """The matcher learned "Kofi" as Child S's middle name from "Samuel Kofi Adjei" (rule middle_name): a
    slip of it ("Koffi") is Child S too, as it would be had the middle name stayed an unlisted word."""
    key = parse_key({"people": [{"code": "Child S", "role": "the subject child", "names": ["Samuel Adjei", "Samuel"]}]})
    text = "Samuel Kofi Adjei was born in 2019. Later Kofi was seen at nursery, and Koffi said he was hungry."
    learned = _piece(text, "Kofi", "known", "Child S", after=30)
    learned.rule = "middle_name"
    pieces = [_piece(text, "Samuel Kofi Adjei", "known", "Child S"), learned, _piece(text, "Koffi", "unknown")]
    slip = reconcile(pieces, text, key)[-1]
    assert (slip.text, slip.code, slip.source) == ("Koffi", "Child S", "known")
    learned.rule = "gazetteer"  # not learned as anyone's name: the slip stays an unlisted person
    assert reconcile(pieces, text, key)[-1].source == "unknown"


def test_a_family_surname_alone_is_never_pinned_on_a_keyed_relative():
    text = "Mr Rahimi senior, the grandfather, was not seen."
    [kept] = reconcile([_piece(text, "Mr Rahimi", "unknown")], text, KEY)
    assert kept.source == "unknown"


def test_several_misspelt_words_pick_the_person_they_all_fit():
    text = "Jawid Kareem Rahimy was at home."
    pieces = [_piece(text, "Jawid Kareem", "unknown"), _piece(text, "Rahimy", "known", "CM")]
    [joined] = reconcile(pieces, text, KEY)
    assert (joined.text, joined.code) == ("Jawid Kareem Rahimy", "CF")


def test_an_unlisted_name_split_by_a_line_break_is_one_person():
    text = "The note was signed by Ms Lorna\nPettigrew, duty manager."
    pieces = [_piece(text, "Ms Lorna", "unknown"), _piece(text, "Pettigrew", "unknown")]
    [joined] = reconcile(pieces, text, KEY)
    assert joined.text == "Ms Lorna\nPettigrew"


def test_two_names_on_following_lines_stay_two_people():
    text = "Present:\nLorna Pettigrew\nDesmond Achterberg\n"
    pieces = [_piece(text, "Lorna Pettigrew", "unknown"), _piece(text, "Desmond Achterberg", "unknown")]
    assert len(reconcile(pieces, text, KEY)) == 2


PATRONYMIC_KEY = parse_key(
    {
        "people": [
            {"code": "Child Q", "role": "The subject child", "names": ["Nasra Osman", "Nasra"]},
            {"code": "QF", "role": "Child Q's father", "names": ["Osman Dirie", "Mr Dirie"]},
            {"code": "QM", "role": "Child Q's mother", "names": ["Ifrah Gedi", "Ms Gedi"]},
            {"code": "QB", "role": "Child Q's brother", "names": ["Osman Dirie Jnr"]},
        ]
    }
)


def test_a_run_of_relatives_pieces_is_the_person_whose_given_name_leads_it():
    """A father's given name as his children's second name, his surname as their third: "Nasra Osman Dirie"
    coded as the child and then her father is one person, the child."""
    text = "Nasra Osman Dirie was seen at school."
    pieces = [_piece(text, "Nasra", "known", "Child Q"), _piece(text, "Osman Dirie", "known", "QF")]
    [joined] = reconcile(pieces, text, PATRONYMIC_KEY)
    assert (joined.text, joined.code) == ("Nasra Osman Dirie", "Child Q")


def test_a_double_surname_after_a_keyed_given_name_is_that_person():
    text = "Ifrah Gedi-Dirie attended the meeting."
    pieces = [_piece(text, "Ifrah Gedi", "known", "QM"), _piece(text, "Dirie", "known", "QF")]
    [joined] = reconcile(pieces, text, PATRONYMIC_KEY)
    assert (joined.text, joined.code) == ("Ifrah Gedi-Dirie", "QM")


def test_a_given_name_two_keyed_people_share_or_a_given_name_after_it_leaves_the_pieces_alone():
    text = "Osman Dirie and Nasra Ifrah were there."  # "Osman": the father's and the brother's
    pieces = [_piece(text, "Osman", "known", "QB"), _piece(text, "Dirie", "known", "QF")]
    assert len(reconcile(pieces, text, PATRONYMIC_KEY)) == 2
    pieces = [_piece(text, "Nasra", "known", "Child Q"), _piece(text, "Ifrah", "known", "QM")]
    assert len(reconcile(pieces, text, PATRONYMIC_KEY)) == 2  # two given names: two people side by side


@pytest.fixture(scope="module")
def coded(tmp_path_factory, nlp):
    path = tmp_path_factory.mktemp("draft") / "draft.txt"
    path.write_text(
        "Farida Noor Rahimi is Child M's mother. Farida told Annika Bergstrum that Noor was her own "
        "mother's name too. Jawad was away. Karim, as the family call him, came back in May.\n",
        encoding="utf-8",
    )
    report = load_report(path)
    doc = parse_for_key(report, nlp, KEY)
    return pseudonymise_report(report, doc, KEY, lexicon=english_lexicon(nlp))


def test_in_a_draft_no_keyed_person_gets_a_second_identity(coded):
    assert "[PERSON" not in coded.text, coded.text
    for word in ("Farida", "Annika", "Bergstrum", "Jawad", "Karim", "Noor"):
        assert word not in coded.text


def test_an_unlisted_persons_initial_and_surname_or_titled_surname_words_join_their_full_name():
    from pipeline.deid.names.unknown import NameCandidate, group_mentions

    def cand(text, start):
        return NameCandidate(start, start + len(text), text, "test", 0.9)

    mentions = [
        cand("Ms Van Rooyen", 0),  # before the full name: grouping reads full names first
        cand("Liesl Van Rooyen", 100),
        cand("Wendell Okafor", 200),
        cand("W. Okafor", 300),
        cand("Winston Okafor", 400),  # a second W. Okafor
        cand("W. Okafor", 500),
        cand("T. Brannigan-Shaw", 600),
        cand("Tobias Brannigan-Shaw", 700),
    ]
    groups = [[c.text for c in g] for g in group_mentions(mentions)]
    assert ["Ms Van Rooyen", "Liesl Van Rooyen"] in groups
    assert ["Wendell Okafor", "W. Okafor"] in groups
    assert ["T. Brannigan-Shaw", "Tobias Brannigan-Shaw"] in groups
    assert ["Winston Okafor", "W. Okafor"] in groups  # the W. Okafor named last before it


def test_a_lone_slip_of_a_keyed_given_name_or_a_full_name_with_one_slip_is_that_person():
    text = "Annica was tired. Later Dr Farida Noor Rahimy called."
    pieces = [_piece(text, "Annica", "unknown"), _piece(text, "Dr Farida Noor Rahimy", "unknown")]
    coded = reconcile(pieces, text, KEY)
    assert [(r.text, r.code, r.source) for r in coded] == [
        ("Annica", "SW", "known"),
        ("Dr Farida Noor Rahimy", "CM", "known"),
    ]


def test_a_short_near_name_is_left_to_be_someone_else():
    text = "Nour came round."  # one letter from the keyed "Noor", but four letters: too short to call a slip
    assert reconcile([_piece(text, "Nour", "unknown")], text, KEY)[0].source == "unknown"


def test_a_records_capital_surname_and_unlisted_given_names_are_one_unlisted_person():
    """ "RAHIMI, Habiba": the record's surname is the keyed parents', the given name nobody's in the key: an
    aunt, one unlisted person, not the mother's code and a placeholder."""
    text = "Contacts: RAHIMI, Habiba (aunt)."
    pieces = [_piece(text, "RAHIMI", "known", "CM"), _piece(text, "Habiba", "unknown")]
    [joined] = reconcile(pieces, text, KEY)
    assert (joined.text, joined.source) == ("RAHIMI, Habiba", "unknown")


def test_a_records_surname_before_a_keyed_given_name_or_a_prose_list_is_left_alone():
    text = "Contacts: RAHIMI, Farida (mother)."
    pieces = [_piece(text, "RAHIMI", "known", "CM"), _piece(text, "Farida", "known", "CM")]
    assert len(reconcile(pieces, text, KEY)) == 2  # keyed pieces: the matcher's own business
    text = "Present: Rahimi, Habiba and Lotte."  # not a record's capital surname
    pieces = [_piece(text, "Rahimi", "known", "CM"), _piece(text, "Habiba", "unknown")]
    assert [r.source for r in reconcile(pieces, text, KEY)] == ["known", "unknown"]


def test_a_records_double_surname_with_one_keyed_half_goes_with_unlisted_given_names():
    text = "Collection list: RAHIMI-OKAFOR, Habiba (aunt)."
    pieces = [_piece(text, "RAHIMI", "known", "CF"), _piece(text, "Habiba", "unknown")]
    [joined] = reconcile(pieces, text, KEY)
    assert (joined.text, joined.source) == ("RAHIMI-OKAFOR, Habiba", "unknown")


def test_a_title_and_one_half_of_a_keyed_double_surname_is_the_adult_the_key_writes_with_that_title():
    key = parse_key(
        {
            "people": [
                {"code": "BF", "role": "father", "names": ["Kojo Mensah-Darko", "Mr Mensah-Darko"]},
                {"code": "BM", "role": "mother", "names": ["Efua Mensah-Darko", "Mrs Mensah-Darko"]},
            ]
        }
    )
    text = "The locum saw Mr Mensah and later Mrs Darko and Dr Mensah."
    pieces = [_piece(text, w, "unknown") for w in ("Mr Mensah", "Mrs Darko", "Dr Mensah")]
    out = reconcile(pieces, text, key)
    assert [(r.text, r.code if r.source == "known" else None) for r in out] == [
        ("Mr Mensah", "BF"),
        ("Mrs Darko", "BM"),
        ("Dr Mensah", None),  # no keyed person is written "Dr": a namesake
    ]
