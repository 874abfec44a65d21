"""Names of families with no shared family name, on invented families no rule was tuned on.

Icelandic, Mongolian, Eritrean and Tibetan naming: the second part of a child's name is built from a
parent's given name (or there is none), so siblings share it, the parent carries it as a given name, and
English records still print it where a surname goes.  Each test is a property of the naming system or the
record's shape; ordinary English names in the same shapes must not change.  All names are fictional.
"""

from __future__ import annotations

import re

import pytest

from tests.pseudonymise_text import code_text


def _coded(tmp_path, nlp, people, draft):
    return code_text(tmp_path, draft, {"people": people}, nlp).text


ICELANDIC = [
    {"code": "CS", "role": "Child S", "names": ["Sólveig Ástudóttir", "Sólveig"]},
    {"code": "SB", "role": "Child S's brother", "names": ["Ari Hauksson", "Ari"]},
    {"code": "SF", "role": "Child S's father", "names": ["Haukur Þorgrímsson", "Haukur"]},
    {"code": "SM", "role": "Child S's mother", "names": ["Ásta Guðmundsdóttir", "Ms Guðmundsdóttir"]},
]


def test_icelandic_letters_as_an_english_record_types_them(tmp_path, nlp):
    out = _coded(
        tmp_path,
        nlp,
        ICELANDIC,
        "The family are Icelandic. Police log: THORGRIMSSON, HAUKUR detained. Mr Thorgrimsson was released. "
        "Tenant: GUDMUNDSDOTTIR, ASTA.\n",
    )
    assert "Thorgrimsson" not in out and "THORGRIMSSON" not in out and "GUDMUNDSDOTTIR" not in out
    assert "SF detained" in out and "SF was released" in out and "Tenant: SM" in out


def test_a_patronymic_record_line_is_the_given_names_owner(tmp_path, nlp):
    """Sólveig took her mother's name, the school her father's: "HAUKSDOTTIR" is no keyed word, and the
    line is hers, not her brother Ari Hauksson's."""
    out = _coded(tmp_path, nlp, ICELANDIC, "School roll: HAUKSDOTTIR, SOLVEIG | Year 4 |\n")
    assert "School roll: CS |" in out
    assert "SB" not in out and "HAUKSDOTTIR" not in out


ERITREAN = [
    {"code": "CE", "role": "Child E", "names": ["Senait Tekle", "Senait"]},
    {"code": "EB", "role": "Child E's brother", "names": ["Yonas Tekle"]},
    {"code": "EF", "role": "Child E's father", "names": ["Tekle Berhane", "Mr Berhane"]},
]


@pytest.mark.parametrize("line, code", [("TEKLE S", "CE"), ("TEKLE Y", "EB")])
def test_a_record_surname_with_an_initial_is_the_sibling_with_that_initial(tmp_path, nlp, line, code):
    """The father's given name is both children's record surname: the initial says which child, and the
    father (whose given name it is) is never the one."""
    out = _coded(tmp_path, nlp, ERITREAN, f"Attendance list: {line}, 81%.\n")
    assert f"Attendance list: {code}, 81%." in out


def test_an_unkeyed_given_name_after_a_shared_record_surname_is_one_unlisted_relative(tmp_path, nlp):
    out = _coded(tmp_path, nlp, ERITREAN, "Household: TEKLE, Filmon (half-brother), not seen.\n")
    assert "Filmon" not in out and "TEKLE" not in out
    assert re.search(r"Household: \[PERSON-\d+\] \(half-brother\)", out)


MONGOLIAN = [
    {"code": "CN", "role": "Child N", "names": ["Nomin Bayar", "Nomin"]},
    {"code": "NF", "role": "Child N's father", "names": ["Bayar Enkhjargal", "Mr Enkhjargal"]},
]


@pytest.mark.parametrize("written", ["Баярын Номин", "Б. Номин"])
def test_a_mongolian_patronymic_before_the_given_name_is_the_bearers(tmp_path, nlp, written):
    """The father's name in the genitive, or its initial, then the child's own name: one mention of the
    child, not the father's code beside the child's."""
    out = _coded(tmp_path, nlp, MONGOLIAN, f'The family are Mongolian. Her health book reads "{written}".\n')
    assert 'health book reads "CN".' in out


def test_mongolian_cyrillic_is_romanised_as_mongolian_passports_do(tmp_path, nlp):
    """ж is j in Mongolian romanisation (zh in the Russian tables): "Ж." is the initial of a keyed Javkhlan."""
    people = [{"code": "CB", "role": "Child B", "names": ["Bolor Javkhlan", "Bolor"]}]
    out = _coded(tmp_path, nlp, people, 'The family are Mongolian. Her book reads "Ж. Болор".\n')
    assert 'Her book reads "CB".' in out


TIBETAN = [
    {"code": "YP", "role": "Young person P", "names": ["Tashi Dolma", "Dolma"]},
    {"code": "PF", "role": "P's father", "names": ["Karma Wangdu", "Mr Wangdu"]},
]


def test_a_stranger_sharing_one_part_of_a_keyed_name_is_one_unlisted_person(tmp_path, nlp):
    """Tibetan names have no family part: the father's second part as a stranger's first says nothing of
    kinship, and the key gives the father's full name, which this is not."""
    out = _coded(tmp_path, nlp, TIBETAN, "The interpreter was Ms Wangdu Yudron (by phone). Ms Yudron said little.\n")
    assert "PF" not in out and "Yudron" not in out and "Wangdu" not in out
    assert re.search(r"interpreter was (\[PERSON-\d+\]) \(by phone\)\. \1 said", out)


def test_an_interpreter_for_a_keyed_person_is_for_the_person(tmp_path, nlp):
    out = _coded(tmp_path, nlp, TIBETAN, "We booked an interpreter for Dolma and an interpreter for Polish.\n")
    assert "an interpreter for YP and an interpreter for Polish." in out


# ---------------------------------------------------------------- English names in the same shapes
ENGLISH = [
    {"code": "PAED", "role": "Paediatrician", "names": ["Dr Okafor"]},
    {"code": "CJ", "role": "Child J", "names": ["Jade Hollis", "Jade"]},
    {"code": "JM", "role": "Child J's mother", "names": ["Karen Hollis", "Ms Hollis"]},
]


def test_a_given_name_the_key_lacks_beside_a_title_only_surname_is_that_person(tmp_path, nlp):
    out = _coded(tmp_path, nlp, ENGLISH, "The report was written by Ada Okafor. HOLLIS, Jade | HOLLIS K |\n")
    assert "Okafor" not in out and "PERSON" not in out
    assert "HOLLIS" not in out and "CJ | JM |" in out


def test_a_frequent_word_the_draft_only_capitalises_may_be_the_unlisted_relatives_name(tmp_path, nlp):
    """ "Bethlehem" is a frequent word but the draft never writes it in lower case: a given name here; a word
    the draft also writes in lower case ("the family") is none."""
    out = _coded(tmp_path, nlp, ERITREAN, "Household: TEKLE, Bethlehem (half-sister). TEKLE Family file: the family.\n")
    assert "Bethlehem" not in out and "Family file" in out
