"""Family words read from what the draft itself says: a gloss naming a parent's relative, the language the draft
names, a list of people, a word talked about as a word, a teknonym, a clipped name after a family word.

All names and sentences are fictional and written for these tests.
"""

from __future__ import annotations

from pipeline.deid.names.glosses import draft_glosses, relation_of

CHINESE = """
people:
  - code: CW
    role: "Child W, the subject of the review"
    names: [Guo Haoyu, Haoyu]
  - code: WS
    role: "Child W's sister"
    names: [Guo Lanxi, Lanxi]
  - code: WM
    role: "Child W's mother"
    names: [Pan Xiaolan, Ms Pan]
  - code: WF
    role: "Child W's father"
    names: [Guo Weidong, Mr Guo]
  - code: WA
    role: "Maternal aunt"
    names: [Pan Xiaoqin]
  - code: WG
    role: "Paternal grandmother"
    names: [Tang Qinfang, Mrs Tang]
  - code: SW
    role: "Social worker"
    names: [Maxine Ward, Ms Maxine]
"""

KURMANJI = """
people:
  - code: CB
    role: "Child B, the subject of the review"
    names: [Berfîn Kaya, Berfîn]
  - code: BS
    role: "Child B's brother"
    names: [Azad Kaya, Azad]
  - code: BM
    role: "Child B's mother"
    names: [Gulistan Kaya]
  - code: BF
    role: "Child B's father"
    names: [Baran Kaya]
  - code: BU
    role: "Child B's paternal uncle"
    names: [Rizgar Kaya]
"""

TAMIL = """
people:
  - code: CK
    role: "Child K, the subject of the review"
    names: [Kirthana Yogarajah]
  - code: KM
    role: "Child K's mother"
    names: [Nirmala Yogarajah]
  - code: KF
    role: "Child K's father"
    names: [Yogarajah Sivam]
  - code: KU
    role: "Child K's maternal uncle"
    names: [Janakan Ratnam]
"""

ENGLISH = """
people:
  - code: CE
    role: "Child E, the subject of the review"
    names: [Poppy Hearn]
  - code: EM
    role: "Child E's mother"
    names: [Leanne Hearn]
"""


def test_a_gloss_naming_a_parents_relative_is_that_relative_not_the_parents():
    assert relation_of("his mother's sister") == "maternal aunt"
    assert relation_of("the father's mother") == "paternal grandmother"
    assert relation_of("big sister") == "sister"
    assert draft_glosses("He asked whether Dagu (his father's sister) could come.") == {"dagu": "paternal aunt"}


def test_a_glossed_aunt_word_is_the_keyed_aunt_not_the_childs_sister(code_draft):
    text = "The family speak Mandarin. Haoyu asked whether Yiyi (his mother's sister) could collect him. Yiyi agreed.\n"
    out = code_draft(CHINESE, text)
    assert "whether WA (his mother's sister)" in out and "WA agreed" in out and "WS" not in out


def test_mama_and_baba_are_the_parents_in_a_draft_that_names_chinese(code_draft):
    text = 'The family speak Mandarin at home. Haoyu said "Baba shouts at Mama" and that Mama cried.\n'
    out = code_draft(CHINESE, text)
    assert '"WF shouts at WM"' in out and "that WM cried" in out and "PERSON" not in out


def test_mama_is_an_english_word_where_no_such_language_is_named(code_draft):
    out = code_draft(ENGLISH, "Poppy said Mama was asleep on the sofa.\n")
    assert "Mama was asleep" in out


def test_mama_is_the_maternal_uncle_in_a_draft_that_names_tamil(code_draft):
    text = "The family are Tamil. Kirthana said Mama collects her from school; Mama is kind.\n"
    out = code_draft(TAMIL, text)
    assert "said KU collects her" in out and "KU is kind" in out and "KM" not in out


def test_a_list_of_family_words_with_a_child_in_it_is_people(code_draft):
    text = 'The family are Tamil. Kirthana drew "Appa, Amma, Mama, me" on the fridge.\n'
    out = code_draft(TAMIL, text)
    assert '"KF, KM, KU, me"' in out and "PERSON" not in out


def test_a_quoted_word_talked_about_stays_while_its_uses_are_coded(code_draft):
    text = (
        'The family are Tamil. Kirthana said Appa was angry. The note is the only place where "Appa" (father) '
        "appears in her own words.\n"
    )
    out = code_draft(TAMIL, text)
    assert "said KF was angry" in out and 'where "Appa" (father) appears' in out


def test_a_quoted_lower_case_word_explained_is_no_common_noun(code_draft):
    text = 'The family are Tamil; "appa" is the word for a father. Kirthana said Appa was angry.\n'
    out = code_draft(TAMIL, text)
    assert "said KF was angry" in out


def test_kurmanji_teknonyms_are_the_parents_never_the_child(code_draft):
    text = "The family speak Kurmanji. The father is called Bavê Azad and the mother Dayika Azad at the mosque.\n"
    out = code_draft(KURMANJI, text)
    assert "called BF and the mother BM at" in out and "BS" not in out


def test_kurmanji_family_words_alone_are_the_keyed_relatives(code_draft):
    text = 'The family speak Kurmanji. Berfîn said "Apo shouts" and that Dayê was crying.\n'
    out = code_draft(KURMANJI, text)
    assert '"BU shouts"' in out and "that BM was crying" in out and "PERSON" not in out


def test_a_syllable_after_a_family_word_picks_the_relative_of_that_role(code_draft):
    # "Qin" is in both the aunt's and the grandmother's names: "Auntie" says which
    out = code_draft(CHINESE, "The family speak Mandarin. Auntie Qin took the children to school.\n")
    assert "Auntie WA took" in out and "WG" not in out


def test_a_familiar_prefix_never_takes_a_syllable_of_a_titled_surname(code_draft):
    out = code_draft(CHINESE, "The family speak Mandarin. Ah Ma came with the children.\n")
    assert "SW" not in out


GREEK = """
people:
  - code: CN
    role: "Child N, the subject of the review"
    names: [Stelios Loizou, Stelios]
  - code: NS
    role: "Child N's sister"
    names: [Eleni Loizou, Eleni]
  - code: NF
    role: "Child N's father"
    names: [Michalakis Loizou]
  - code: PGF
    role: "Paternal grandfather"
    names: [Stelios Loizou senior]
"""


def test_greek_dad_and_grandfather_words_in_any_romanisation(code_draft):
    text = 'The family are Greek Cypriot. Stelios said "Babás took my phone" and that Pappou was cross.\n'
    out = code_draft(GREEK, text)
    assert '"NF took my phone"' in out and "that PGF was cross" in out


def test_a_lower_case_family_word_inside_the_childs_quotation_is_the_relative(code_draft):
    text = 'The family are Greek Cypriot. Stelios said "we go to see the goats at pappou\'s village".\n'
    out = code_draft(GREEK, text)
    assert "goats at PGF's village" in out


def test_a_lower_case_family_word_outside_quotation_stays_a_word(code_draft):
    text = "The family are Greek Cypriot. A pappou is often the head of such a family.\n"
    assert "A pappou is" in code_draft(GREEK, text)


def test_a_grandparent_word_before_a_childs_name_is_never_the_child(code_draft):
    # Eleni is named after her grandmother, whom the key leaves out
    text = "The family are Greek Cypriot. Eleni visits Yiayia Eleni in Larnaca every summer.\n"
    out = code_draft(GREEK, text)
    assert "NS visits Yiayia" in out and "Yiayia NS" not in out


def test_a_grandparent_word_before_a_shared_name_is_the_keyed_grandparent(code_draft):
    text = "The family are Greek Cypriot. Stelios was taken to Pappou Stelios on Saturdays.\n"
    out = code_draft(GREEK, text)
    assert "CN was taken to Pappou PGF" in out


def test_an_unlisted_son_named_after_a_family_noun_is_one_person_everywhere(code_draft):
    # "Costas" looks like the plural of a listed word ("costa"), but after "his son" one person follows
    text = "The family are Greek Cypriot. Present: Pappou and his son Costas. Costas interpreted for him.\n"
    out = code_draft(GREEK, text)
    assert "his son [PERSON-1]. [PERSON-1] interpreted" in out


def test_a_grandparent_word_saying_whose_name_it_is_keeps_the_child(code_draft):
    text = "The family are Greek Cypriot. At home she is Lenio to her mother and Eleni to her grandmother Eleni.\n"
    out = code_draft(GREEK, text)
    assert "to her grandmother NS" in out


def test_baba_of_a_turkish_speaking_family_from_bulgaria_is_the_father(code_draft):
    key = GREEK.replace("Michalakis Loizou", "Hyusein Ahmedov")
    text = "The family are Bulgarian Turks and speak Turkish at home. Stelios said Baba was angry.\n"
    assert "said NF was angry" in code_draft(key, text)
