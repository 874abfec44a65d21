"""Issue 12, set 18: family words, honorifics and the names a draft declares for a relative (all names and
sentences invented).

- a declared list read past a bracketed gloss and an aside ("call her Anneanne (mother's mother) or, more
  often, Nine"), or an adverb ("and sometimes Captain"): every name of it is the person's;
- an English word in such a list (one of its names is no English word) is a name too, except where the parse
  reads it as the number or modifier of a noun after it ("Nine days passed", "Sugar and salt advice").
"""

from __future__ import annotations

from pipeline.deid.keyfile import parse_key
from pipeline.deid.names.known import find_known_names

KEY = parse_key(
    {
        "people": [
            {"code": "CE", "role": "Subject child", "names": ["Emre Kaya", "Emre"]},
            {"code": "MO", "role": "Mother", "names": ["Ayla Kaya"]},
            {"code": "FA", "role": "Father", "names": ["Murat Kaya"]},
            {"code": "GM", "role": "Maternal grandmother", "names": ["Hatice Demir"]},
            {"code": "GF", "role": "Paternal grandfather", "names": ["Yusuf Kaya"]},
        ]
    }
)


DECLARED = "Hatice Demir lives with them. The children call her Anneanne (mother's mother) or, more often, Nine."


def _found(text: str, nlp=None) -> list[tuple[str, str]]:
    doc = nlp(text) if nlp is not None else None
    return [(m.text, m.code) for m in find_known_names(text, KEY, doc=doc)]


def test_a_name_after_a_gloss_and_an_aside_is_declared_too():
    text = "Hatice Demir is here. The children call her Anneanne (mother's mother) or, most days, Tosun. Tosun cooked."
    assert [c for w, c in _found(text) if w == "Tosun"] == ["GM", "GM"]


def test_a_name_after_an_adverb_of_a_list_is_declared_too():
    text = "Yusuf Kaya came. The boys call him Dedecim or sometimes Kaptan. Later Kaptan left."
    assert [c for w, c in _found(text) if w == "Kaptan"] == ["GF", "GF"]


def test_an_english_word_declared_beside_a_family_word_is_the_persons_name(nlp):
    text = DECLARED + " Emre said Nine is here."
    assert [c for w, c in _found(text, nlp) if w == "Nine"] == ["GM", "GM"]


def test_the_english_word_stays_where_the_parse_reads_it_as_a_number(nlp):
    text = DECLARED + " Nine days passed."
    assert [c for w, c in _found(text, nlp) if w == "Nine"] == ["GM"]


def test_an_english_word_declared_alone_and_unquoted_is_still_no_name(nlp):
    text = "Hatice Demir lives with them. The children call her Honey. Honey is here."
    assert not [w for w, _ in _found(text, nlp) if w == "Honey"]


def test_mama_is_the_mother_in_a_draft_naming_a_slavic_language():
    text = "The family speak Bulgarian at home. Emre said Mama was asleep."
    assert ("Mama", "MO") in _found(text)


def test_mama_stays_a_word_where_no_such_language_is_named():
    text = "The family speak English at home. Emre said Mama was asleep."
    assert not [w for w, _ in _found(text) if w == "Mama"]


def test_baba_is_the_father_in_a_turkish_draft_that_mentions_slavic_name_endings():
    text = "The family speak Turkish; their documents use Slavic endings. Emre asked for Baba."
    assert ("Baba", "FA") in _found(text)


def test_a_lower_case_family_word_in_the_familys_own_message_is_no_common_noun():
    text = 'The family speak Polish. Text from Ayla: "please tell him mama love him". Emre said Mama cried.'
    assert ("Mama", "MO") in _found(text)


TWINS_KEY = parse_key(
    {
        "people": [
            {"code": "CA", "role": "Subject child (twin)", "names": ["Joy Babirye"]},
            {"code": "MA", "role": "Mother", "names": ["Ruth Nansubuga"]},
            {"code": "FA", "role": "Father", "names": ["Peter Kato Lubega"]},
        ]
    }
)


def test_the_parent_of_twins_titles_are_the_keyed_mother_and_father():
    text = "The family speak Luganda. The school rang Nalongo, and later Salongo came to collect Joy."
    found = [(m.text, m.code) for m in find_known_names(text, TWINS_KEY)]
    assert ("Nalongo", "MA") in found and ("Salongo", "FA") in found


def test_the_title_after_the_given_name_goes_with_it():
    text = "The family speak Luganda. The HV record names her Ruth Nalongo."
    assert ("Ruth Nalongo", "MA") in [(m.text, m.code) for m in find_known_names(text, TWINS_KEY)]


def test_a_family_word_before_an_unlisted_name_is_not_that_persons_name_word(code_draft):
    # "Jjajja Rose" is one person; "Jjajja" alone is the family's word for a grandparent, not Rose's name again
    key = "people:\n  - code: CA\n    role: Subject child\n    names: [Joy Babirye]\n"
    text = (
        "The family speak Luganda. The paternal aunt, known online as Jjajja Rose, posted a video.\n\n"
        'Joy said that Jjajja had visited, and that the word "Ssenga" means aunt.\n'
    )
    coded = code_draft(key, text)
    assert "as [PERSON-1], posted" in coded and "that [PERSON-1] had" not in coded and '"Ssenga"' in coded


def test_words_glossed_by_english_titles_are_forms_of_address():
    from pipeline.deid.names.kin_forms import title_glossed_words

    assert title_glossed_words("Adults are addressed with Efendi (Sir) or Hanım (Madam).") == {"efendi", "hanım"}
    assert title_glossed_words('Hausa puts "Malama" and "Malam" (Mrs, Mr) before a name.') == {"malama", "malam"}
    assert not title_glossed_words("Grace Obi (Mrs) attended; Dr Lee (GP) did not.")


def test_a_glossed_form_of_address_alone_is_no_person_but_goes_with_a_name(code_draft):
    key = "people:\n  - code: FA\n    role: Father\n    names: [Tesfaye Alemu]\n"
    text = (
        "Adults are addressed with Ato (Mr) before the first name, so the father is Ato Tesfaye.\n\n"
        "A neighbour, Ato Dawit, translated. Later Ato Dawit left.\n"
    )
    coded = code_draft(key, text)
    assert "with Ato (Mr) before" in coded and "father is FA." in coded and "Dawit" not in coded


POLISH_KEY = parse_key(
    {
        "people": [
            {"code": "CW", "role": "Subject child", "names": ["Kuba Nowicki"]},
            {"code": "MW", "role": "Mother", "names": ["Agata Nowicka", "Mrs Nowicka"]},
        ]
    }
)


def test_a_polish_or_greek_title_before_a_given_name_is_part_of_the_mention():
    found = [(m.text, m.code) for m in find_known_names("The TA rang Pani Agata about Kuba.", POLISH_KEY)]
    assert ("Pani Agata", "MW") in found


def test_a_title_of_another_language_before_an_unlisted_name_is_one_person(code_draft):
    key = "people:\n  - code: CW\n    role: Subject child\n    names: [Kuba Nowicki]\n"
    text = "An email came from Frau L. Hoffmann of the youth office. Kuba knew Kyria Sofia from the bakery.\n"
    coded = code_draft(key, text)
    assert "Hoffmann" not in coded and "Frau" not in coded and "Kyria" not in coded


def test_a_pet_name_declared_after_a_polish_uncle_word_is_the_uncles():
    key = parse_key(
        {
            "people": [
                {"code": "CW", "role": "Subject child", "names": ["Kuba Nowicki"]},
                {"code": "UW", "role": "Maternal uncle", "names": ["Jozef Zielinski"]},
            ]
        }
    )
    text = 'Jozef Zielinski, known to the children as "wujek Zeflik", drove the van. Later Zeflik came back.'
    assert [c for m in find_known_names(text, key) if m.text == "Zeflik" for c in [m.code]] == ["UW", "UW"]


def test_a_turkish_parents_word_for_my_son_in_quoted_speech_is_the_keyed_boy():
    key = parse_key(
        {
            "people": [
                {"code": "CB", "role": "Subject child, a boy of eight", "names": ["Emre Kaya"]},
                {"code": "MO", "role": "Mother", "names": ["Ayla Kaya"]},
            ]
        }
    )
    text = 'The family speak Turkish. On the phone Ayla kept saying "oğlum, be good".'
    assert ("oğlum", "CB") in [(m.text, m.code) for m in find_known_names(text, key)]


def test_a_family_word_ending_a_longer_kin_phrase_is_not_the_relative_it_means_alone():
    key = parse_key(
        {
            "people": [
                {"code": "CT", "role": "Subject child", "names": ["Tharindu Silva"]},
                {"code": "MO", "role": "Mother", "names": ["Nimali Silva"]},
            ]
        }
    )
    text = 'The family speak Sinhala. Tharindu lives with "Loku Amma", his aunt. He misses Amma.'
    found = [(m.text, m.code) for m in find_known_names(text, key)]
    assert ("Amma", "MO") in found and not [
        m for m in find_known_names(text, key) if m.start < text.index("his aunt") and m.code == "MO"
    ]
