"""Forms of a keyed name that the key never spells out, in drafts of other house styles.

All names are fictional.  Each case is a shape that survived pseudonymisation
before: a first name after a decimal paragraph number, initials, nicknames and
short forms, misspellings, names typed without (or with) their diacritics, a
lower-case slip of a name that is also a word, and a place that shares a
practitioner's surname.
"""

from __future__ import annotations

import pytest

from pipeline.deid.keyfile import parse_key
from pipeline.deid.names.derived import classify
from pipeline.deid.names.folding import fold
from pipeline.deid.names.known import english_lexicon, matcher_for
from pipeline.deid.pseudonymise import log_records, parse_for_key, pseudonymise_report
from pipeline.ingest import load_report
from pipeline.nlp import parse

KEY = parse_key(
    {
        "people": [
            {"code": "AM", "role": "Child A's mother", "names": ["Kasia Nowak", "Ms Nowak"]},
            {"code": "AF", "role": "Child A's father", "names": ["Tomasz Wójcik", "Mr Wójcik"]},
            {"code": "Child A", "role": "the subject child", "names": ["Jade Nowak"]},
            {"code": "AHV", "role": "Health Visitor", "names": ["Siân MacDonnell"], "gender": "female"},
            {"code": "ASW", "role": "Social Worker", "names": ["Laura Ashton", "Ms Ashton"]},
            {"code": "AGM", "role": "maternal grandmother", "names": ["Rose Nowak"]},
            {"code": "AU", "role": "maternal uncle", "names": ["William Hughes"]},
        ]
    }
)


@pytest.fixture(scope="module")
def lexicon(nlp):
    return english_lexicon(nlp)


def coded(nlp, lexicon, text):
    """(matched text, code) for every key-name mention, with the parse as pseudonymise makes it."""
    doc = parse(text, nlp, KEY.codes())
    return [(m.text, m.code) for m in matcher_for(KEY, lexicon).find(text, doc=doc)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("4.1 Jade grew up in Leigh.", [("Jade", "Child A")]),
        ("6.3.1 Jade's use of cannabis increased.", [("Jade", "Child A")]),
        ("4.2 Kasia moved to the area in 2019.", [("Kasia", "AM")]),
        ("12. Kasia attended.", [("Kasia", "AM")]),
    ],
)
def test_a_first_name_after_a_paragraph_number_is_coded(nlp, lexicon, text, expected):
    assert coded(nlp, lexicon, text) == expected


def test_a_month_named_child_is_still_read_as_a_date_in_a_real_date(nlp, lexicon):
    key = parse_key({"people": [{"code": "CB", "role": "Child B", "names": ["May Jones"]}]})
    text = "On 17 May 2019 May told her teacher. 5.1 May moved school."
    doc = parse(text, nlp, key.codes())
    found = [(text[m.start : m.end], m.start) for m in matcher_for(key, english_lexicon(nlp)).find(text, doc=doc)]
    assert [t for t, _ in found] == ["May", "May"]
    assert all(start > text.index("2019") for _, start in found)  # the month in "17 May 2019" stays


@pytest.mark.parametrize(
    "text, expected",
    [
        ("K.N. told the health visitor she was tired.", [("K.N.", "AM")]),
        ("Mr W. was not at home and Mr W.'s car was outside.", [("Mr W.", "AF"), ("Mr W.", "AF")]),
        ("T. W. declined the offer.", [("T. W.", "AF")]),
        ("KN said she would call back.", [("KN", "AM")]),
    ],
)
def test_initials_of_keyed_people_are_coded(nlp, lexicon, text, expected):
    assert coded(nlp, lexicon, text) == expected


def test_initials_run_together_are_not_taken_from_abbreviations(nlp, lexicon):
    key = parse_key(
        {
            "people": [
                {"code": "BSW", "role": "Social Worker", "names": ["Lucy Palmer"]},
                {"code": "BHV", "role": "Health Visitor", "names": ["Sara Wells"]},
            ]
        }
    )
    text = "The LP meeting was held. The SW visited. Ms P. visited. L.P. phoned."
    doc = parse(text, nlp, key.codes())
    found = [m.text for m in matcher_for(key, english_lexicon(nlp)).find(text, doc=doc)]
    assert found == ["Ms P.", "L.P."]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Kas said she was frightened of him.", [("Kas", "AM")]),
        ("She said she was frightened of Tom.", [("Tom", "AF")]),
        ("Bill told the police he had not been there.", [("Bill", "AU")]),
    ],
)
def test_short_forms_and_nicknames_are_coded(nlp, lexicon, text, expected):
    assert coded(nlp, lexicon, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Jayde told the school she was fine.", [("Jayde", "Child A")]),
        ("The health visitor, Siân McDonnell, visited.", [("Siân McDonnell", "AHV")]),
        ("Tomasz Wojcik denied this.", [("Tomasz Wojcik", "AF")]),
        ("Sian MacDonnell visited again.", [("Sian MacDonnell", "AHV")]),
    ],
)
def test_misspellings_and_folded_spellings_are_one_mention_of_one_person(nlp, lexicon, text, expected):
    assert coded(nlp, lexicon, text) == expected


def test_ordinary_words_near_a_name_are_not_slips(nlp, lexicon):
    text = (
        "She said the Foster Carer would help. The Court met in June 2020. Tomorrow will bring hope. "
        "The summer was hot, and grace was said before meals."
    )
    assert coded(nlp, lexicon, text) == []


def test_a_lower_case_slip_of_a_name_that_is_a_word_is_coded_only_as_a_person(nlp, lexicon):
    assert coded(nlp, lexicon, "Later rose said that she would help.") == [("rose", "AGM")]
    assert coded(nlp, lexicon, "The number of referrals rose sharply.") == []
    assert coded(nlp, lexicon, "A red rose said nothing about the family.") == []


def test_after_a_weak_locative_a_keyed_surname_is_the_person_unless_the_review_shows_a_place(nlp, lexicon):
    person = "A text from Nowak said she would not attend. EM threw a cup at Wójcik."
    doc = parse(person, nlp, KEY.codes())
    assert [m.text for m in matcher_for(KEY, lexicon).find(person, doc=doc)] == ["Nowak", "Wójcik"]
    place = "They moved from Ashton to Wigan in May. Ashton Road was where the flat was."
    doc = parse(place, nlp, KEY.codes())
    search = matcher_for(KEY, lexicon).search(place, doc=doc)
    assert search.matches == [] and len(search.kept) == 2


def test_a_town_that_is_a_keyed_surname_stays_a_town_and_the_decision_is_logged(nlp, lexicon):
    text = (
        "Ms Ashton visited the family in Ashton. They moved from Ashton to Wigan. "
        "Ashton-under-Lyne police attended. Ashton's assessment was thorough."
    )
    doc = parse(text, nlp, KEY.codes())
    search = matcher_for(KEY, lexicon).search(text, doc=doc)
    assert [(m.text, m.code) for m in search.matches] == [("Ms Ashton", "ASW"), ("Ashton", "ASW")]
    assert [k.reason for k in search.kept] == [
        "place_after_locative",
        "place_after_locative",
        "place_name_continuation",
    ]


def test_pseudonymise_gives_no_second_identity_and_keeps_places(tmp_path, nlp, lexicon):
    draft = (
        "5.1 Kasia and Tom lived in Ashton until 2020. Tomasz Wojcik found work. Kas said she was lonely. "
        "K.N. and Mr W. attended the meeting with Ms Ashton.\n"
    )
    path = tmp_path / "draft.txt"
    path.write_text(draft, encoding="utf-8")
    report = load_report(path)
    result = pseudonymise_report(report, parse_for_key(report, nlp, KEY), KEY, lexicon=lexicon)
    assert result.text == (
        "5.1 AM and AF lived in Ashton until 2020. AF found work. AM said she was lonely. "
        "AM and AF attended the meeting with ASW.\n"
    )
    assert not result.unplaced  # no slip became a new [PERSON-n]
    assert [(k.text, k.reason) for k in result.kept] == [("Ashton", "place_after_locative")]
    records = list(log_records(result))
    assert [r["reason"] for r in records if r["record"] == "kept"] == ["place_after_locative"]


def test_classify_explains_each_derivation():
    keyed = matcher_for(KEY).keyed_words
    assert ("AM", "Kasia", "short_form") in classify("Kas", keyed)
    assert ("AU", "William", "nickname") in classify("Bill", keyed)
    assert ("Child A", "Jade", "misspelling") in classify("Jayde", keyed)
    assert classify("Jane", keyed) == []  # another real name one letter away is not a slip
    assert classify("Nowak", keyed) == []  # exact forms are the exact matcher's


def test_fold_keeps_length_and_strips_marks():
    for word in ["Wójcik", "Siân", "Łukasz", "Zoë", "Müller"]:
        assert len(fold(word)) == len(word) and fold(word).isascii()


FAMILY = parse_key(
    {
        "people": [
            {"code": "BF", "role": "Child B's father", "names": ["Martin MacDonnell", "Mr MacDonnell"]},
            {"code": "Child B", "role": "the subject child", "names": ["Tiernan MacDonnell", "Tiernan"]},
            {"code": "BPGM", "role": "paternal grandmother", "names": ["Bridget MacDonnell", "Mrs MacDonnell"]},
            {"code": "BHV", "role": "Health visitor", "names": ["Mei Lin Zhou", "Ms Zhou"]},
            {"code": "BM", "role": "Child B's mother", "names": ["Hodan Abdi", "Ms Abdi"]},
            {"code": "Child C", "role": "sibling", "names": ["Maryam Qureshi"]},
            {"code": "CF", "role": "Child C's father", "names": ["Imran Qureshi", "Mr Qureshi"]},
        ]
    }
)


@pytest.mark.parametrize(
    "text, expected",
    [
        # a first name before a shared, misspelt surname says whose it is
        ("The walk-in centre recorded him as Tiernan McDonnell.", [("Tiernan McDonnell", "Child B")]),
        # the given names together, without the surname
        ("The review heard from Mei Lin that she had rung twice.", [("Mei Lin", "BHV")]),
        # a middle name the key does not list is part of the one mention
        ("Hodan Yusuf Abdi attended the appointment.", [("Hodan Yusuf Abdi", "BM")]),
        # a transliteration differs by a vowel; a title before a misspelt shared surname decides by gender
        ("Mariam was weighed. They assumed Mr Qureshy was a good dad.", [("Mariam", "Child C"), ("Mr Qureshy", "CF")]),
        # a recorded nickname that is not a frequent English word
        ("Biddy, as she is known on the site, said the family were passed over.", [("Biddy", "BPGM")]),
    ],
)
def test_shared_surnames_middle_names_and_variants(nlp, lexicon, text, expected):
    doc = parse(text, nlp, FAMILY.codes())
    assert [(m.text, m.code) for m in matcher_for(FAMILY, lexicon).find(text, doc=doc)] == expected


def test_a_keyed_surname_in_a_street_or_before_a_postcode_is_the_place(nlp, lexicon):
    key = parse_key({"people": [{"code": "FSW", "role": "family support worker", "names": ["Sarah Bury"]}]})
    text = (
        "They lived at 41 Tottington Walk, Bury BL9 6QT. The food bank at the Bury Road Community Centre helped. "
        "Sarah Bury visited twice; Bury said the flat was cold."
    )
    doc = parse(text, nlp, key.codes())
    search = matcher_for(key, lexicon).search(text, doc=doc)
    assert [m.text for m in search.matches] == ["Sarah Bury", "Bury"]
    assert [k.reason for k in search.kept] == ["place_before_postcode", "part_of_place_or_organisation_name"]


REVIEW_KEY = parse_key(
    {
        "people": [
            {"code": "AM", "role": "Child A's mother", "names": ["Kasia Nowak", "Ms Nowak"]},
            {"code": "AU", "role": "uncle", "names": ["Thi Nguyen"]},
            {"code": "HV", "role": "Health Visitor", "names": ["Paula Nurse"]},
            {"code": "AHV", "role": "Health Visitor", "names": ["Siân MacDonnell"]},
            {"code": "Child A", "role": "the subject child", "names": ["Jade Nowak", "Julie Nowak"]},
            {"code": "AGF", "role": "grandfather", "names": ["Harold Smith", "Joseph Dancer"]},
            {"code": "AF", "role": "father", "names": ["Daniel Price"]},
            {"code": "AS", "role": "sister", "names": ["Joanna Price"]},
        ]
    }
)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Later Nguyễn told the GP.", [("Nguyễn", "AU")]),  # diacritics outside Latin-1/Extended-A fold too
        ("4.1 Kas said she was lonely.", [("Kas", "AM")]),  # a paragraph number is no date for short forms either
        ("Jayde, 15, told the school.", [("Jayde", "Child A")]),
        ("SIAN MCDONNELL visited the home.", [("SIAN MCDONNELL", "AHV")]),
        ("Jo said she would ring.", [("Jo", "AS")]),  # a two-letter recorded nickname, with a person's context
    ],
)
def test_review_found_recall_holes_are_closed(nlp, text, expected):
    doc = parse(text, nlp, REVIEW_KEY.codes())
    assert [(m.text, m.code) for m in matcher_for(REVIEW_KEY, english_lexicon(nlp)).find(text, doc=doc)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "The school nurse said the child was tired.",  # a keyed surname that is a role noun, in lower case
        "Ms O'Brian said no.",  # the O of O'Brian is no initial
        "PC A and PC B attended.",  # the review's own anonymised officers
        "Dr D. Marsh examined her.",  # title + initial + another surname (Jane Dancer is keyed)
        "Paul, her new partner, said he would help.",  # a name of its own, not a short form of Paula
        "Harry Jones, the GP, said he was worried.",  # someone else's full name
        "Between Jul and Sep 2019 the family moved.",  # month abbreviations
        "The Foster Carer said the child was settled.",  # a role word, not a slip of Carter
    ],
)
def test_review_found_over_replacements_are_gone(nlp, text):
    key = parse_key({"people": REVIEW_KEY_PEOPLE})
    doc = parse(text, nlp, key.codes())
    assert [(m.text, m.code) for m in matcher_for(key, english_lexicon(nlp)).find(text, doc=doc)] == []


REVIEW_KEY_PEOPLE = [
    {"code": "HV", "role": "Health Visitor", "names": ["Paula Nurse"]},
    {"code": "ASW", "role": "Social Worker", "names": ["Orla Ashton"]},
    {"code": "AGF", "role": "grandfather", "names": ["Harold Smith"]},
    {"code": "AJ", "role": "aunt", "names": ["Julie Carter", "Jane Dancer"]},
    {"code": "BP", "role": "neighbour", "names": ["Bob Price"]},
]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Kemi said she had not slept.", [("Kemi", "YM")]),  # the end of a long name (Oluwakemi)
        ("Sunny told the officer he had left.", [("Sunny", "YP")]),  # a diminutive of a prefix (Sunday)
        (
            "N. said she was frightened; N.'s sister agreed.",
            [("N.", "YA"), ("N.", "YA")],
        ),  # a lone initial with a person's context
        (
            "A. Introduction. D. Holt attended.",
            [("D. Holt", "YD")],
        ),  # a list marker is no initial; the longer form wins
    ],
)
def test_endings_diminutives_and_lone_initials(nlp, text, expected):
    key = parse_key(
        {
            "people": [
                {"code": "YM", "role": "mother", "names": ["Oluwakemi Ogunleye"]},
                {"code": "YP", "role": "partner", "names": ["Sunday Eze"]},
                {"code": "YA", "role": "Adult N", "names": ["Nasima Chowdhury"]},
                {"code": "YD", "role": "father", "names": ["Dean Holt"]},
            ]
        }
    )
    doc = parse(text, nlp, key.codes())
    assert [(m.text, m.code) for m in matcher_for(key, english_lexicon(nlp)).find(text, doc=doc)] == expected


def test_names_in_a_drafts_own_key_table_are_replaced_not_protected(tmp_path, nlp, lexicon):
    draft = (
        "Key\n\n| Name | Relationship |\n|---|---|\n| Kasia Nowak | Mother |\n| Harriet Lomax | Panel chair |\n\n"
        "Kasia Nowak moved to the area in 2019. Harriet Lomax chaired the panel.\n"
    )
    path = tmp_path / "draft.md"
    path.write_text(draft, encoding="utf-8")
    report = load_report(path)
    result = pseudonymise_report(report, parse_for_key(report, nlp, KEY), KEY, lexicon=lexicon)
    assert "Kasia" not in result.text and "Lomax" not in result.text


def test_a_frequent_word_diminutive_with_a_kinship_title_or_a_verb_after_it(nlp):
    key = parse_key({"people": [{"code": "YP", "role": "partner", "names": ["Sunday Eze"]}]})
    text = 'She said "Uncle Sunny pulled my arm". That is when Sunny comes home. It was a sunny day.'
    doc = parse(text, nlp, key.codes())
    assert [m.text for m in matcher_for(key, english_lexicon(nlp)).find(text, doc=doc)] == ["Sunny", "Sunny"]


def test_initials_of_a_hyphenated_given_name_and_a_title_before_an_initial_and_a_misspelling(nlp):
    key = parse_key(
        {
            "people": [
                {"code": "GP1", "role": "GP", "names": ["Dr Ka-Wai Leung", "Dr Leung"]},
                {"code": "FF", "role": "father", "names": ["Siôn Prydderch", "Mr Prydderch"]},
            ]
        }
    )
    text = "She saw K.W. Leung on Monday. Mr S. Pryddech said he would come."
    doc = parse(text, nlp, key.codes())
    found = [(m.text, m.code) for m in matcher_for(key, english_lexicon(nlp)).find(text, doc=doc)]
    assert found == [("K.W. Leung", "GP1"), ("Mr S. Pryddech", "FF")]


def test_a_weekday_or_a_street_named_like_a_child_is_not_the_child(nlp):
    key = parse_key(
        {
            "people": [
                {"code": "CS", "role": "Child S", "names": ["Sunday Adeyemi", "Sunday"]},
                {"code": "CH", "role": "Child H", "names": ["Hope Adeyemi", "Hope"]},
            ]
        }
    )
    text = (
        "She went to church every Sunday. Sunday told his teacher. The nursery is in the Hope Street "
        "Family Centre. Hope said she liked it."
    )
    doc = parse(text, nlp, key.codes())
    found = [(m.text, m.code) for m in matcher_for(key, english_lexicon(nlp)).find(text, doc=doc)]
    assert found == [("Sunday", "CS"), ("Hope", "CH")]


def test_pseudonymise_codes_an_unlisted_person_no_gazetteer_knows_by_where_they_stand(tmp_path, nlp, lexicon):
    draft = "The review heard that Zorabek had hit her twice. Kasia said that Zorabek frightened the children.\n"
    path = tmp_path / "draft.txt"
    path.write_text(draft, encoding="utf-8")
    report = load_report(path)
    result = pseudonymise_report(report, parse_for_key(report, nlp, KEY), KEY, lexicon=lexicon)
    assert "Zorabek" not in result.text and len(result.unplaced) == 1


def test_welsh_and_gaelic_mutations_of_a_keyed_first_name(code_draft):
    """'i Wen' (soft mutation of Gwen, short for Gwenllian), 'a Mhàiri' (lenition), 'Ddafydd'; the
    ordinary word 'wen' and another person's name stay."""
    text = code_draft(
        """
people:
  - {code: EG, role: grandmother, names: [Gwenllian Prydderch]}
  - {code: EM, role: mother, names: [Màiri NicLeòid]}
  - {code: EF, role: father, names: [Dafydd Rees]}
""",
        'She wrote: "Diolch i Wen am bopeth." Her sister wrote "a Mhàiri, tha gaol agam ort". '
        "He sent it to Ddafydd. The cyst was a small wen. Bethan Morris visited.\n",
    )
    assert "i EG am" in text and '"a EM, tha' in text and "to EF." in text
    assert "a small wen." in text and "EG" not in text.split("The cyst")[1][:40]


def test_a_nickname_declared_after_it_and_particles_run_into_the_surname(code_draft):
    """'Toby, as colleagues call Mr Vandermerwe' (Tobias van der Merwe): both forms are his code."""
    text = code_draft(
        "people:\n  - {code: DSL, role: DSL, names: [Tobias van der Merwe, Mr van der Merwe]}\n",
        "Toby, as colleagues call Mr Vandermerwe, supported it. A toby jug, as the family call it, broke.\n",
    )
    assert text.startswith("DSL, as colleagues call DSL, supported it.")
    assert "A toby jug" in text


def test_a_keyed_name_shortened_to_its_initial_a_slash_and_its_ending_is_that_person():
    """Records from Ethiopia and Eritrea write a compound name's first part as its initial and a slash."""
    from pipeline.deid.keyfile import parse_key
    from pipeline.deid.names.known import find_known_names

    key = parse_key(
        {
            "people": [
                {"code": "AM", "role": "mother", "names": ["Rahel Haileselassie", "Ms Haileselassie"]},
                {"code": "AU", "role": "uncle", "names": ["Kiros Woldemichael"]},
            ]
        }
    )
    text = 'The clinic held her as "H/selassie, Rahel"; W/Michael came too. Ms H/selassie was not told. N/A.'
    found = {(m.text, m.code) for m in find_known_names(text, key)}
    assert {("H/selassie", "AM"), ("W/Michael", "AU"), ("Ms H/selassie", "AM")} <= found
    assert not any("N/A" in t for t, _ in found)
