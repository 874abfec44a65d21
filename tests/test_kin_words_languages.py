"""Family words of more languages used alone as the name of one keyed relative, and several keyed people of
the relation (a thematic review's fathers).

All names and sentences are fictional and written for these tests.  A child's word for a parent, grandparent,
uncle or older brother ("Hooyo", "Tata", "Kuya", "Ammamma") is the one keyed person whose role the word means
(models/lexicon/honorifics.yaml `alone`), never a new [PERSON-n]; with nobody keyed in that role it is only a
word; with several, the one the text names nearest, logged as ambiguous.
"""

from __future__ import annotations

SOMALI = """
people:
  - code: CA
    role: "Child A, the subject of the review"
    names: [Ayaan Hersi]
  - code: AM
    role: "Child A's mother"
    names: [Sahra Hersi]
  - code: AF
    role: "Child A's father"
    names: [Mowlid Dualeh]
  - code: MU
    role: "Maternal uncle"
    names: [Guled Hersi]
"""

MIXED = """
people:
  - code: CB
    role: "Child B, the subject of the review"
    names: [Kacper Zieliński]
  - code: BM
    role: "Child B's mother"
    names: [Rowena Zielińska]
  - code: BF
    role: "Child B's father"
    names: [Dariusz Zieliński]
  - code: BB
    role: "Child B's older brother"
    names: [Olek Zieliński]
  - code: MGM
    role: "Maternal grandmother"
    names: [Shobha Kurian]
"""

THEMATIC = """
people:
  - code: F1F
    role: "Family 1: father"
    names: [Gethin Pryce]
  - code: F2F
    role: "Family 2: father"
    names: [Ruwan Jayasuriya]
  - code: F2M
    role: "Family 2: mother"
    names: [Ishara Jayasuriya]
"""


def test_somali_parent_and_uncle_words_are_the_keyed_relatives(code_draft):
    text = "The family speak Somali. Ayaan said Hooyo was crying, Aabo did not come and Abti shouted.\n"
    out = code_draft(SOMALI, text)
    assert "said AM was crying, AF did not come and MU shouted" in out
    assert "PERSON" not in out


def test_polish_tagalog_and_malayalam_words_in_one_family(code_draft):
    text = "Kacper told the nursery that Tata was angry, that Kuya made tea and that Ammamma had phoned.\n"
    out = code_draft(MIXED, text)
    assert "that BF was angry, that BB made tea and that MGM had phoned" in out
    assert "PERSON" not in out


def test_family_word_of_a_relative_nobody_keyed_is_no_keyed_person(code_draft):
    text = "Ayaan said that Awoowe lives in another country and that Adeer phoned.\n"
    out = code_draft(SOMALI, text)
    # no keyed grandfather or paternal uncle: the maternal uncle and the father are not meant
    assert "MU" not in out and "AF" not in out and "AM" not in out


def test_kurdish_mother_word_needs_the_language_named(code_draft):
    assert "AM" not in code_draft(SOMALI, "Ayaan said Daya was asleep.\n")
    assert "said AM was asleep" in code_draft(SOMALI, "The family speak Sorani. Ayaan said Daya was asleep.\n")


def test_several_keyed_fathers_the_nearest_named_one_is_meant(code_draft):
    text = 'Gethin worked nights.\n\nIshara said: "Ruwan slept in the day. I walked the baby so Thaththa can sleep."\n'
    out = code_draft(THEMATIC, text)
    assert "so F2F can sleep" in out and "PERSON" not in out


def test_a_family_word_called_out_by_the_keyed_child_is_the_childs_relative(code_draft):
    text = 'Ayaan told me after, "Hooyo, the man shouted." At contact she called out "Aabo! Aabo!" and ran.\n'
    out = code_draft(SOMALI, text)
    assert '"AM, the man shouted."' in out and '"AF! AF!"' in out and "PERSON" not in out


def test_a_parent_calling_her_own_mother_is_not_taken_for_the_childs_mother(code_draft):
    text = 'Sahra told us: "My mother phoned. I said, Hooyo, I am fine."\n'
    out = code_draft(SOMALI, text)
    assert "I said, AM," not in out


def test_a_family_word_opening_single_quoted_speech(code_draft):
    text = "Ayaan told me after, 'Abti, the man asked if I was happy.'\n"
    out = code_draft(SOMALI, text)
    assert "'MU, the man asked" in out and "PERSON" not in out


GRANDMOTHER = """
people:
  - code: CL
    role: "Child L, the subject of the review"
    names: [Ifeoma Okafor]
  - code: LM
    role: "Child L's mother"
    names: [Amaka Okafor]
  - code: LGM
    role: "Maternal grandmother"
    names: [Nkechi Eze]
"""


def test_a_mother_quoted_speaking_of_her_own_mother_means_the_grandmother(code_draft):
    text = 'In Amaka\'s words: "When Nne was here it was easy."\n\nIfeoma told the teacher that Nne was sad.\n'
    out = code_draft(GRANDMOTHER, text)
    assert '"When LGM was here' in out and "that LM was sad" in out


def test_family_words_quoted_as_names_are_no_speech_of_the_parent(code_draft):
    text = (
        'The family speak Tagalog and Polish.\n\nKacper calls his mother "Nanay" and his father "Tata". '
        'He calls Olek "Kuya".\n'
    )
    out = code_draft(MIXED, text)
    assert 'his father "BF"' in out and "PERSON" not in out
