"""A family word the draft glosses, and generation words that tell namesakes apart.

All names and sentences are fictional and written for these tests.  The shapes: a word explained once in
brackets or with "meaning" and then used alone for the relative ('"Dodo" (grandma)'), a gloss that gives a
listed word another meaning than the list's ("Apa (dad)", a Bengali elder sister in the list), a generation
word inside a name ("old Levan", "Mrs Okafor senior", "Emeka Okafor senior").
"""

from __future__ import annotations

from pipeline.deid.names.glosses import draft_glosses, relation_of

FAMILY = """
people:
  - code: CA
    role: "Child A, the subject"
    names: [Ilona Varga, Ilona]
  - code: AB
    role: "Child A's brother"
    names: [Bálint Varga, Bálint]
  - code: AM
    role: "Child A's mother"
    names: [Zsófia Varga, Ms Varga]
  - code: AF
    role: "Child A's father"
    names: [Tamás Varga, Mr Varga]
  - code: MGM
    role: "Maternal grandmother"
    names: [Piroska Lengyel, Mrs Lengyel]
"""


def test_a_gloss_in_brackets_gives_the_relation():
    found = draft_glosses('She calls her "Dodo" (grandma) and her brother calls her "Tica" (big sister).')
    assert found == {"dodo": "grandmother", "tica": "sister"}


def test_two_words_glossed_together_and_a_linker_gloss():
    found = draft_glosses('The note records "Abi" and "Mimo" (dad and mum). She means Bubu, meaning grandmother.')
    assert found == {"abi": "father", "mimo": "mother", "bubu": "grandmother"}


def test_a_bracket_that_explains_no_relation_is_no_gloss():
    assert draft_glosses("Dodo (who had flown in that week) stayed. Mum (mother) was there.") == {}
    assert relation_of("who had flown in") is None and relation_of("older brother") == "brother"


def test_a_glossed_word_alone_is_the_keyed_relative(code_draft):
    text = 'Ilona calls her grandmother "Dodo" (grandma). Dodo collects her on Fridays.\n'
    out = code_draft(FAMILY, text)
    assert "Dodo" not in out and out.count("MGM") == 2


def test_the_drafts_gloss_beats_the_lists_other_meaning(code_draft):
    text = 'The minute records "Apa" and "Anya" (dad and mum) as Ilona said them. Apa shouts when Anya sleeps.\n'
    out = code_draft(FAMILY, text)
    assert "AF shouts when AM sleeps" in out and "AB" not in out


def test_a_sister_word_said_by_a_brother_is_the_keyed_girl(code_draft):
    text = 'At the foster home Bálint stayed close to Ilona, whom he calls "Tica" (big sister). Tica held his hand.\n'
    out = code_draft(FAMILY, text)
    assert "Tica" not in out and "CA held his hand" in out


NAMESAKES = """
people:
  - code: CO
    role: "Child O, the subject"
    names: [Chidi Okafor, Chidi]
  - code: OM
    role: "Child O's mother"
    names: [Adaeze Okafor, Mrs Okafor]
  - code: OF
    role: "Child O's father"
    names: [Levan Okafor, Mr Okafor]
  - code: PGF
    role: "Paternal grandfather"
    names: [Levan Okafor Snr]
  - code: PGM
    role: "Paternal grandmother"
    names: [Grace Okafor]
"""


def test_old_and_young_choose_between_keyed_namesakes(code_draft):
    text = "The father is known as young Levan and the grandfather as old Levan. Old Levan shouts at young Levan.\n"
    out = code_draft(NAMESAKES, text)
    assert "as OF and" in out and "as PGF." in out and "PGF shouts at OF" in out


def test_senior_after_a_title_and_surname_is_the_older_keyed_woman(code_draft):
    out = code_draft(NAMESAKES, "The health visitor spoke to Mrs Okafor senior, who lives next door.\n")
    assert "spoke to PGM," in out and "senior" not in out


def test_senior_past_every_keyed_namesake_is_somebody_the_key_leaves_out(code_draft):
    key = NAMESAKES.replace("Paternal grandfather", "Family friend").replace("Levan Okafor Snr", "Obi Nwosu")
    out = code_draft(key, "The father, Levan Okafor, lives with Levan Okafor senior, his own father.\n")
    assert "father, OF," in out and "OF senior" not in out and "[PERSON-" in out


def test_senior_before_a_job_title_is_no_generation_word(code_draft):
    out = code_draft(NAMESAKES, "Adaeze Okafor, senior practitioner at the centre, was not involved.\n")
    assert "senior practitioner" in out


TEKNONYMS = """
people:
  - code: CJ
    role: "Child J, the subject"
    names: [Ji-woo Han, Ji-woo]
  - code: JM
    role: "Child J's mother"
    names: [Mi-rae Seo, Ms Seo]
  - code: JF
    role: "Child J's father"
    names: [Sung-min Han, Mr Han]
  - code: CZ
    role: "Child Z, aged 4"
    names: [Natasha Bwalya, Natasha]
  - code: ZM
    role: "Child Z's mother"
    names: [Grace Mulenga, Ms Mulenga]
  - code: ZF
    role: "Child Z's father"
    names: [Kennedy Bwalya, Mr Bwalya]
"""


def test_a_parent_word_after_the_childs_name_is_the_keyed_parent(code_draft):
    text = "At church she is Jiwoo-eomma to everyone, and he is Ji-woo appa.\n"
    out = code_draft(TEKNONYMS, text)
    assert "she is JM to everyone" in out and "he is JF." in out and "CJ" not in out


def test_a_bemba_teknonym_is_the_keyed_parent_never_the_child(code_draft):
    out = code_draft(TEKNONYMS, "The neighbours call them Bana Natasha and Bashi Natasha.\n")
    assert "call them ZM and ZF." in out and "CZ" not in out


HUNGARIAN = """
people:
  - code: CE
    role: "Child E, the subject"
    names: [Eszter Molnár, Eszter]
  - code: EM
    role: "Child E's mother"
    names: [Judit Molnár, Ms Molnár]
  - code: EF
    role: "Child E's father"
    names: [Péter Molnár, Mr Molnár]
  - code: MGM
    role: "Maternal grandmother"
    names: [Ilona Molnár, Mrs Molnár]
  - code: SW
    role: "Social worker"
    names: [Joanne Ruddock, Ms Ruddock]
"""


def test_a_married_name_of_an_unkeyed_husband_is_the_keyed_wife_he_is_missing_from(code_draft):
    text = (
        "The family speak Hungarian. The grandmother is registered as Molnár Ferencné, the wife of a man not "
        "known to services; the surgery spelt it Ferencne. Joanne visited.\n"
    )
    out = code_draft(HUNGARIAN, text)
    assert "registered as MGM," in out and "spelt it MGM." in out and "SW visited" in out


def test_no_married_name_without_the_accented_form_in_a_hungarian_draft(code_draft):
    out = code_draft(HUNGARIAN, "Corinne and Jeanne from the nursery visited.\n")
    assert "MGM" not in out


def test_a_teknonym_of_the_subjects_full_brother_is_their_father(code_draft):
    key = """
people:
  - code: Child S
    role: "Child S, the subject"
    names: [Rozhin Karim, Rozhin]
  - code: SB
    role: "Child S's older brother"
    names: [Aram Karim, Aram]
  - code: SF
    role: "Child S's father"
    names: [Hiwa Karim, Mr Karim]
  - code: HB
    role: "Child S's half-brother"
    names: [Soran Ali, Soran]
"""
    out = code_draft(key, "In the mosque he is called Abu Aram. Nobody there calls him Abu Soran.\n")
    assert "called SF." in out and out.count("SF") == 1 and "SB" not in out and "HB" not in out


def test_a_parent_role_naming_the_children_by_letter_makes_the_teknonym_theirs(code_draft):
    key = """
people:
  - code: CQ
    role: "Child Q"
    names: [Baraka Odhiambo, Baraka]
  - code: CR
    role: "Child R, Q's brother"
    names: [Imani Odhiambo, Imani]
  - code: QM
    role: "Mother of Q and R"
    names: [Wanjiku Mwangi, Ms Mwangi]
"""
    out = code_draft(key, 'Her neighbours call her "Mama Baraka".\n')
    assert '"QM"' in out and "CQ" not in out


def test_a_bracket_after_a_persons_name_or_an_english_word_is_no_gloss():
    text = "Also remove Mr Dragomir (birth father) from the tree. Lives with: ☒ Yes (mother). Sunil Aiya (uncle)."
    assert draft_glosses(text) == {}


def test_names_glossed_with_a_relation_are_people_not_family_words():
    assert draft_glosses("Kevin (brother) came. Zozo (brother) and Bibo (brother) stayed.") == {}
    assert draft_glosses("Lola (grandmother) was at church.") == {"lola": "grandmother"}


def test_a_junior_marker_on_a_record_name_is_the_keyed_namesake_son(code_draft):
    key = """
people:
  - code: CT
    role: "Child T, the subject"
    names: [Shanice Okoro, Shanice]
  - code: TB
    role: "Child T's brother"
    names: [Marlon Okoro Jnr]
  - code: TF
    role: "Child T's father"
    names: [Marlon Okoro, Mr Okoro]
"""
    out = code_draft(key, "| OKORO, Marlon Jnr | brother | 14 |\n| OKORO, Marlon | father | 41 |\n")
    assert "| TB | brother" in out and "| TF | father" in out


def test_a_word_the_draft_says_is_its_languages_word_for_a_relative(code_draft):
    text = "Ilona cried because Nyanya was ill. (Nyanya is the family's word for grandmother.) Nyanya is better.\n"
    out = code_draft(FAMILY, text)
    assert "Nyanya" not in out and out.count("MGM") == 3


def test_young_before_a_nickname_is_the_keyed_person_not_a_younger_relative(code_draft):
    key = """
people:
  - code: CN
    role: "Child N, the subject"
    names: [Mary Doyle, Mary]
  - code: NB
    role: "Child N's brother"
    names: [Michael Doyle, Michael]
  - code: NF
    role: "Child N's father"
    names: [Thomas Doyle, Mr Doyle]
"""
    out = code_draft(key, 'The father, Thomas Doyle, is known as "Young Tommy". Michael is twelve.\n')
    assert "NB" in out and out.count("NB") == 1


def test_a_possessive_after_the_generation_word_keeps_it_in_the_mention(code_draft):
    out = code_draft(NAMESAKES, "The bruise happened at Mr Okafor senior's flat.\n")
    assert "at PGF's flat" in out
