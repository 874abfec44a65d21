"""Known names from the key: every form a draft uses is found, ordinary words are not."""

from __future__ import annotations

import pytest

from pipeline.deid.keyfile import parse_key
from pipeline.deid.names.known import english_lexicon, find_known_names, name_forms

KEY = parse_key(
    {
        "people": [
            {"code": "EM", "role": "Child E's mother", "names": ["Jade Kershaw", "Jade"]},
            {"code": "EMGF", "role": "maternal grandfather", "names": ["Paul Kershaw"]},
            {"code": "ESW", "role": "Social Worker for Child E", "names": ["Sam Wood-Hart"], "gender": "female"},
            {"code": "EF", "role": "Child E's father", "names": ["Dean Holt"]},
            {"code": "Child E", "role": "Child who is the subject of the review", "names": ["Lily Kershaw"]},
            {"code": "CG", "role": "Children's Guardian", "names": ["Anna van der Berg"]},
            {"code": "YPMW", "role": "Young Parents Midwife", "names": ["Will Hope"]},
        ]
    }
)


@pytest.fixture(scope="module")
def lexicon(nlp):
    return english_lexicon(nlp)


def found(text, lexicon=None, key=KEY):
    return [(m.text, m.code) for m in find_known_names(text, key, lexicon=lexicon)]


def test_name_forms_cover_full_first_surname_titles_and_initials():
    forms = name_forms(KEY.by_code()["EF"])
    for form in [
        "Dean Holt",
        "Dean",
        "Holt",
        "Mr Holt",
        "Ms Holt",
        "Dr Holt",
        "Mx Holt",
        "Miss Holt",
        "Mrs Holt",
        "D. Holt",
        "Mr Dean Holt",
    ]:
        assert form in forms
    particles = name_forms(KEY.by_code()["CG"])
    assert "van der Berg" in particles and "Anna" in particles and "Berg" not in particles


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Dean Holt attended.", [("Dean Holt", "EF")]),  # full name
        ("Later Dean attended.", [("Dean", "EF")]),  # first name
        ("Holt said no.", [("Holt", "EF")]),  # surname alone
        ("Mr Holt said no.", [("Mr Holt", "EF")]),
        ("Mr. Holt said no.", [("Mr. Holt", "EF")]),
        ("Dr Holt and Mx Holt.", [("Dr Holt", "EF"), ("Mx Holt", "EF")]),
        ("D. Holt signed; D Holt again.", [("D. Holt", "EF"), ("D Holt", "EF")]),  # initial + surname
        ("DEAN HOLT ATTENDED", [("DEAN HOLT", "EF")]),  # all caps
        ("dean holt attended", [("dean holt", "EF")]),  # lower-case slip of a full name
        ("Dean\nHolt attended.", [("Dean\nHolt", "EF")]),  # broken across a line
        ("Dean  \n  Holt attended.", [("Dean  \n  Holt", "EF")]),
        ("Sam Wood-Hart visited.", [("Sam Wood-Hart", "ESW")]),  # hyphenated
        ("Sam Wood Hart visited.", [("Sam Wood Hart", "ESW")]),  # double-barrelled without hyphen
        ("Sam Wood–Hart visited.", [("Sam Wood–Hart", "ESW")]),  # en dash
        ("Sam Wood-\nHart visited.", [("Sam Wood-\nHart", "ESW")]),  # hyphen at a line break
        ("Ms Wood-Hart visited.", [("Ms Wood-Hart", "ESW")]),
        ("Anna van der Berg and Ms van der Berg.", [("Anna van der Berg", "CG"), ("Ms van der Berg", "CG")]),
    ],
)
def test_each_form_is_found(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    "text, suffix",
    [
        ("Dean's flat", "'s"),
        ("Dean’s flat", "’s"),
        ("the Holts' flat", "s'"),
        ("the Holts were out", "s"),
    ],
)
def test_possessives_and_plurals_stay_outside_the_name(text, suffix):
    (m,) = find_known_names(text, KEY)
    assert m.code == "EF" and m.suffix == suffix
    assert text[m.end :].startswith(suffix)


@pytest.mark.parametrize(
    "text",
    [
        "Deanna and Holtby attended.",  # longer words that start with a name
        "The deanery was closed.",
        "Dr Who attended.",
        "EF said nothing.",  # a code is never a name
    ],
)
def test_words_that_only_look_like_names_are_left(text):
    assert found(text) == []


def test_lower_case_ordinary_words_are_not_names(lexicon):
    # "will" and "hope" are a first name and a surname in the key, but here ordinary words
    assert found("She will hope for the best.", lexicon) == []
    assert found("Will Hope visited; later Will said so; Ms Hope agreed.", lexicon) == [
        ("Will Hope", "YPMW"),
        ("Will", "YPMW"),
        ("Ms Hope", "YPMW"),
    ]
    # a lower-case slip of a name that is not an English word is still caught
    assert found("then kershaw left", lexicon)[0][0] == "kershaw"


def test_months_are_not_surnames():
    key = parse_key({"people": [{"code": "EF", "role": "father", "names": ["Luke May"]}]})
    assert found("On 17th May Luke May and Mr May met; May 2017 too.", key=key) == [
        ("Luke May", "EF"),
        ("Mr May", "EF"),
    ]


def test_protected_codes_are_never_matched():
    key = parse_key({"people": [{"code": "EMGM", "role": "grandmother", "names": ["Em Walsh", "Em"]}]})
    assert [m.text for m in find_known_names("EM said Em Walsh and Em left.", key, protected={"EM"})] == [
        "Em Walsh",
        "Em",
    ]


def test_longest_form_wins():
    (m,) = find_known_names("Mr Dean Holt arrived", KEY)
    assert (m.text, m.rule) == ("Mr Dean Holt", "title_full_name")


# ---------------------------------------------------------------- ambiguity
def test_shared_surname_resolved_by_title_gender():
    matches = find_known_names("Ms Kershaw told Mr Kershaw.", KEY)
    assert [(m.text, m.code, m.ambiguous, m.resolved_by) for m in matches] == [
        ("Ms Kershaw", "EM", True, "title"),
        ("Mr Kershaw", "EMGF", True, "title"),
    ]
    assert set(matches[0].candidates) == {"EM", "EMGF", "Child E"}


def test_shared_surname_resolved_by_nearest_unambiguous_mention():
    text = "Paul Kershaw phoned. Kershaw said he was ill.\n\nJade went out. Later Kershaw came back."
    matches = [m for m in find_known_names(text, KEY) if m.text == "Kershaw"]
    assert [(m.code, m.resolved_by) for m in matches] == [("EMGF", "nearest"), ("EM", "nearest")]
    assert all(m.ambiguous and m.confidence < 0.9 for m in matches)


def test_children_are_not_called_by_title_or_surname():
    # Lily (the child) is mentioned just before, but "Miss Kershaw" is the mother
    text = "Lily was asleep. Miss Kershaw went out."
    m = [m for m in find_known_names(text, KEY) if m.text == "Miss Kershaw"][0]
    assert m.code == "EM"


def test_two_people_named_together_are_two_people():
    key = parse_key(
        {
            "people": [
                {"code": "EM", "role": "mother", "names": ["Jade Kershaw"]},
                {"code": "EMGM", "role": "maternal grandmother", "names": ["Carol Kershaw"]},
            ]
        }
    )
    m = [
        m for m in find_known_names("The meeting was attended by Jade and Mrs Kershaw.", key) if m.text == "Mrs Kershaw"
    ][0]
    assert m.code == "EMGM" and m.ambiguous


def test_a_form_the_author_listed_belongs_to_that_person():
    key = parse_key(
        {
            "people": [
                {"code": "EM", "role": "mother", "names": ["Jade Kershaw", "Ms Kershaw"]},
                {"code": "EMGM", "role": "maternal grandmother", "names": ["Carol Kershaw", "Mrs Kershaw"]},
            ]
        }
    )
    got = [
        (m.text, m.code, m.resolved_by)
        for m in find_known_names("Carol Kershaw and Ms Kershaw; Jade and Mrs Kershaw.", key)
    ]
    assert got == [
        ("Carol Kershaw", "EMGM", None),
        ("Ms Kershaw", "EM", "listed"),
        ("Jade", "EM", None),
        ("Mrs Kershaw", "EMGM", "listed"),
    ]


def test_a_child_named_june_is_not_taken_for_the_month(nlp):
    key = parse_key(
        {"people": [{"code": "Child E", "role": "Child who is the subject", "names": ["June Walsh", "June"]}]}
    )
    text = "On 5th June the health visitor saw June. On 30th May June was asleep; not putting June first."
    doc = nlp(text)
    got = [(m.start, m.text) for m in find_known_names(text, key, doc=doc)]
    assert [t for _, t in got] == ["June", "June", "June"]  # spaCy calls the last two DATE
    assert got[0][0] == text.index("saw June") + 4 and text[: got[0][0]].count("June") == 1  # "5th June" is left


def test_a_key_name_written_family_name_first_gives_the_right_initials_and_given_names():
    """'Chan Mei Ling' beside 'Mrs Chan': Mei Ling is the given name, 'M.L. Chan' her initials."""
    from pipeline.deid.keyfile import parse_key
    from pipeline.deid.names.known import name_forms

    key = parse_key({"people": [{"code": "CM1", "role": "childminder", "names": ["Chan Mei Ling", "Mrs Chan"]}]})
    forms = name_forms(key.by_code()["CM1"])
    assert "Mei" in forms and "Mrs Chan" in forms and "Chan Mei Ling" in forms
    assert any(f.replace(" ", "") == "M.L.Chan" for f in forms)
    plain = parse_key({"people": [{"code": "EM", "role": "mother", "names": ["Jade Kershaw", "Ms Kershaw"]}]})
    assert "Jade" in name_forms(plain.by_code()["EM"])  # the usual order is untouched


INITIALS_KEY = parse_key(
    {
        "people": [
            {"code": "HM", "role": "Child H's mother", "names": ["Oksana Petrenko"]},
            {"code": "Child H", "role": "subject of the review", "names": ["Taras Petrenko"]},
            {"code": "HSW", "role": "social worker", "names": ["Gwenda Marsh"]},
        ]
    }
)


@pytest.mark.parametrize(
    "text, initials",
    [
        ("Home visit by GM on 3 May; the flat was cold.", "GM"),
        ("The school nurse spoke to TP about his bruise.", "TP"),
        ("Mother OP declined the referral.", "OP"),
        ("TP moves up to the junior class in September.", "TP"),
    ],
)
def test_run_together_initials_of_a_keyed_person_where_a_person_stands(nlp, text, initials):
    doc = nlp(text)
    codes = {"GM": "HSW", "TP": "Child H", "OP": "HM"}
    assert (initials, codes[initials]) in [(m.text, m.code) for m in find_known_names(text, INITIALS_KEY, doc=doc)]


@pytest.mark.parametrize(
    "text",
    [
        "The GM crop trial was discussed at the farm.",  # not in a person's place
        "A TP reading was taken by the nurse.",  # a determiner before: a thing
    ],
)
def test_run_together_initials_elsewhere_stay(nlp, text):
    doc = nlp(text)
    assert [m.text for m in find_known_names(text, INITIALS_KEY, doc=doc) if m.text in ("GM", "TP")] == []


def test_run_together_initials_with_an_article_are_a_thing(nlp):
    text = "The GM and TP were replaced last year. The TP was faulty."
    doc = nlp(text)
    assert [m.text for m in find_known_names(text, INITIALS_KEY, doc=doc) if m.text in ("GM", "TP")] == []


def test_a_title_code_the_draft_uses_is_protected_unless_it_shortens_a_keyed_name():
    """Structure reads "Mr P says ..." as a code shown by use; in a draft whose key has a Mr Preston it
    is his name written short (coded), while a "Mr T" no keyed name shortens stays the review's code."""
    from types import SimpleNamespace

    from pipeline.deid.pseudonymise import protected_codes

    key = parse_key({"people": [{"code": "TCH", "role": "class teacher", "names": ["Drew Preston", "Mr Preston"]}]})
    entries = [SimpleNamespace(code=code, code_start=0) for code in ["Mr P", "Mr T", "Dr DP"]]
    report = SimpleNamespace(key=entries, text="")  # protected_codes reads each entry and where it stands
    assert protected_codes(report, key) == {"TCH", "Mr T"}
