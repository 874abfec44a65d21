"""Name words that say a bearer's sex, birth order, caste or rank rather than who the bearer is.

Balinese names open with a sex marker ("I" for a man, "Ni" for a woman) and a birth-order name shared by
thousands of strangers; military ranks and judicial titles stand before a name as titles do.  Each test is a
property of the naming system or the title, on invented families (not the drafts the rules were found on).
All names are fictional.
"""

from __future__ import annotations

import re

from tests.pseudonymise_text import code_text


def _coded(tmp_path, nlp, people, draft):
    return code_text(tmp_path, draft, {"people": people}, nlp).text


BALINESE = [
    {"code": "RC", "role": "Child R", "names": ["Ni Kadek Ratih Wulandari", "Ratih"]},
    {"code": "RB", "role": "Child R's brother", "names": ["I Putu Arya Mahendra", "Mahendra"]},
    {"code": "RF", "role": "Child R's father", "names": ["I Komang Sutama", "Mr Sutama"]},
]


def test_a_sex_marker_is_never_a_keyed_first_name(tmp_path, nlp):
    """ "I" opens a Balinese man's name; the English pronoun must not become his code."""
    out = _coded(
        tmp_path,
        nlp,
        BALINESE,
        "I visited the flat. I Komang Sutama was at work, so I spoke to Ratih. I think I will go back.\n",
    )
    assert out.startswith("I visited the flat. RF was at work, so I spoke to RC. I think I will go back.")


def test_a_birth_order_name_alone_is_anybodys(tmp_path, nlp):
    """ "Kadek" (second-born) and "Putu" (first-born) are shared by strangers: alone they are not the keyed
    child who carries one (a stranger may be called by it, so the detector may still give a placeholder)."""
    out = _coded(
        tmp_path,
        nlp,
        BALINESE,
        "Ratih said the second child is often called Kadek and the first Putu. Ni Kadek Ratih Wulandari agreed.\n",
    )
    assert "called RC" not in out and "the first Putu." in out
    assert "RC agreed" in out


def test_a_birth_order_name_with_the_personal_name_is_the_person(tmp_path, nlp):
    """Records drop the sex marker ("Putu Mahendra") or the personal name: still the keyed brother."""
    out = _coded(
        tmp_path,
        nlp,
        BALINESE,
        "The nursery list has Putu Mahendra. The GP list has Kadek Wulandari.\n",
    )
    assert "Mahendra" not in out and "Wulandari" not in out
    assert "has RB." in out and "has RC." in out


SERVICE_FAMILY = [
    {"code": "EF", "role": "Child E's father", "names": ["Tomasi Naivalu", "Mr Naivalu"]},
    {"code": "EM", "role": "Child E's mother", "names": ["Losana Naivalu", "Losana"]},
    {"code": "EW", "role": "Unit welfare officer", "names": ["Priya Hartnell"]},
]


def test_a_rank_before_a_keyed_name_is_part_of_the_mention(tmp_path, nlp):
    """Army ranks glued, slashed or in capitals ("LCpl", "L/CPL") stand where a title does: no rank is left
    beside the code to tell a reader the father's trade."""
    out = _coded(
        tmp_path,
        nlp,
        SERVICE_FAMILY,
        "LCpl Tomasi Naivalu was posted away. L/CPL TOMASI NAIVALU signed the form. Later L/Cpl Naivalu phoned "
        "and Capt P Hartnell rang back.\n",
    )
    assert "EF was posted" in out and "EF signed" in out and "Later EF phoned" in out and "and EW rang" in out
    assert "Cpl" not in out and "CPL" not in out and "Capt" not in out


def test_a_judicial_or_acting_title_joins_an_unlisted_name(tmp_path, nlp):
    """ "District Judge Ashcombe", "Acting DI Leys": the whole title goes with the person's placeholder."""
    out = _coded(
        tmp_path,
        nlp,
        SERVICE_FAMILY,
        "District Judge Ashcombe made the order. Acting DI Corran Leys led the enquiry; Losana met her.\n",
    )
    assert "Judge" not in out and "District" not in out and "Acting" not in out and "DI" not in out
    assert re.search(r"^\[PERSON-\d+\] made the order\. \[PERSON-\d+\] led", out)


def test_a_rank_word_used_as_a_word_stays(tmp_path, nlp):
    """Only a rank written before a person's name joins it: "the major incident", "a private clinic" stay."""
    out = _coded(
        tmp_path,
        nlp,
        SERVICE_FAMILY,
        "There was a major incident at a private clinic. Losana Naivalu attended with the general manager.\n",
    )
    assert "a major incident at a private clinic" in out and "EM attended with the general manager" in out


def test_markers_beside_a_name_are_the_same_mention(tmp_path, nlp):
    """A record that keeps the markers around a shortened or reordered name ("Ni K. Wulandari", "RATIH Ni Kadek")
    and an unlisted man given with his caste title ("I Dewa Gede Suarsa") leave no marker beside the code."""
    out = _coded(
        tmp_path,
        nlp,
        BALINESE,
        "Clinic list: Ni K. Wulandari. Police list: RATIH Ni Kadek.\nThe lodger, I Dewa Gede Suarsa, left. "
        "I spoke to him.\n",
    )
    assert "Clinic list: RC." in out and "Police list: RC." in out
    assert re.search(r"The lodger, \[PERSON-\d+\], left\. I spoke to him\.", out)


def test_a_marker_run_after_a_capitals_name_is_not_a_second_person(tmp_path, nlp):
    """ "WULANDARI Ni Kadek" on a police line: the markers after the name are the same child, whatever the
    finder made of "Kadek" alone."""
    out = _coded(tmp_path, nlp, BALINESE, "MISPER: WULANDARI Ni Kadek, 11 yrs. Reported by father.\n")
    assert "MISPER: RC, 11 yrs." in out


def test_a_rank_and_shared_surname_is_the_person_the_document_gave_that_rank(tmp_path, nlp):
    """The father, mother and child share Naivalu; the draft names "LCpl Tomasi Naivalu" once, so a later
    "L/Cpl Naivalu" or "LCpl NAIVALU T" is the father, even straight after the mother is mentioned."""
    out = _coded(
        tmp_path,
        nlp,
        SERVICE_FAMILY + [{"code": "EC", "role": "Child E", "names": ["Mele Naivalu", "Mele"]}],
        "LCpl Tomasi Naivalu is deployed. Mrs Naivalu and Mele moved. Losana Naivalu said L/Cpl Naivalu phoned "
        "and LCpl NAIVALU T wrote.\n",
    )
    assert out.startswith("EF is deployed. EM and EC moved. EM said EF phoned and EF")
