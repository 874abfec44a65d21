"""Issue 12, set 20: teknonyms of more naming systems, family words whose meaning depends on the family's own
language, and a relative named from a parent's side.

All names and sentences are invented for these tests (none is taken from a draft):

- a teknonym marker that is also an English word or a plain title (Balinese "Pan"/"Men", Malay "Pak"/"Mak",
  Nupe "Nna") names the keyed parent of the child named after it, only in a draft naming the language and
  only before the child's one name ("Pak Adi Santoso" is a man's own full name);
- a family word meaning different relatives in languages the draft names (Georgian "mama" is the father,
  Russian "mama" the mother) takes the family's language: its script quoted, else the language named clearly
  most often; with no language named, English "Mama" keeps its meaning (no keyed person from this pass);
- "Mama is Dad in Georgian": a family word translated by an English one is the word, not a person;
- 'Dad calls his mother "X"': the father's mother (the paternal grandmother), not the child's mother.
"""

from __future__ import annotations

MALAY = """
people:
  - code: CN
    role: "Child N"
    names: [Nurul Izzati, Izzati]
  - code: NM
    role: "Child N's mother"
    names: [Salmiah Osman]
  - code: NF
    role: "Child N's father"
    names: [Ridzuan Hamdan]
"""

GEORGIAN = """
people:
  - code: KC
    role: "Child K"
    names: [Nikoloz Beridze, Nika]
  - code: KM
    role: "Mother of Child K"
    names: [Eteri Dolidze]
  - code: KF
    role: "Father of Child K"
    names: [Gaioz Beridze]
  - code: KG
    role: "Paternal grandmother"
    names: [Lamara Beridze]
"""

FIJIAN = """
people:
  - code: TC
    role: "Child L"
    names: [Sefanaia Waqa, Sefa]
  - code: TM
    role: "Child L's mother"
    names: [Litiana Waqa]
  - code: TF
    role: "Child L's father"
    names: [Eroni Waqa]
  - code: TG
    role: "Child L's paternal grandmother"
    names: [Salote Naivalu]
"""


def test_malay_teknonyms_are_the_childs_parents_when_the_draft_says_malay(code_draft):
    text = "The family are Malay. Neighbours call the parents Mak Izzati and Pak Izzati. Izzati is six.\n"
    out = code_draft(MALAY, text)
    assert "call the parents NM and NF." in out and out.endswith("CN is six.\n")


def test_a_teknonym_marker_needs_the_language_named(code_draft):
    text = "Neighbours call the parents Mak Izzati and Pak Izzati.\n"
    out = code_draft(MALAY, text)
    assert "NM" not in out and "NF" not in out


def test_a_marker_before_a_full_name_is_a_title_not_a_teknonym(code_draft):
    text = "The family are Malay. The imam, Pak Izzati Rahman, visited.\n"
    assert "NF" not in code_draft(MALAY, text)


def test_georgian_mama_is_the_father_where_the_family_is_georgian(code_draft):
    text = (
        "The family are Georgian and speak Georgian at home; the mother's name is also spelt the Russian way. "
        "Nika drew Deda and himself in one house and Mama in another. Mama has a red car. "
        "He laughed: Mama is Dad in Georgian.\n"
    )
    out = code_draft(GEORGIAN, text)
    assert "drew KM and himself in one house and KF in another. KF has a red car." in out
    assert "Mama is Dad in Georgian" in out


def test_the_georgian_script_settles_the_language(code_draft):
    text = "The Russian form of her name is on one file. Her message read: მამა მოვა. Nika waits for Mama.\n"
    assert code_draft(GEORGIAN, text).endswith("KC waits for KF.\n")


def test_english_mama_is_untouched_by_the_georgian_sense(code_draft):
    text = "Nika waits for Mama after school.\n"
    assert "KF" not in code_draft(GEORGIAN, text)


def test_fijian_family_words_alone(code_draft):
    text = "The family are Fijian. Sefa stays with Bu on Fridays; Nana collects him and Tata cooks.\n"
    out = code_draft(FIJIAN, text)
    assert "stays with TG on Fridays; TM collects him and TF cooks." in out


def test_a_parents_own_mother_declared_by_what_he_calls_her(code_draft):
    text = 'Sefa is at school. Dad calls his mother "Wekaiyo" himself. Wekaiyo visits on Sundays.\n'
    out = code_draft(FIJIAN, text)
    assert out.endswith("TG visits on Sundays.\n") and "TM" not in out


KOREAN = """
people:
  - code: JC
    role: "Child J"
    names: [Ha-neul Jeon, Ha-neul]
  - code: JF
    role: "Child J's father"
    names: [Jeon Dong-wook]
  - code: JG
    role: "Maternal grandmother"
    names: [Baek Ok-soon]
"""


def test_a_lower_case_family_word_after_a_possessive_is_the_relative(code_draft):
    text = (
        "The family speak Korean. Ha-neul wrote that her appa shouts and that my halmeoni should come. "
        "He said your appa is kind.\n"
    )
    out = code_draft(KOREAN, text)
    assert "her JF shouts and that my JG should come" in out and "your JF is kind" in out


def test_a_possessed_family_word_needs_its_language_and_no_english_word_is_read(code_draft):
    assert "JG" not in code_draft(KOREAN, "Ha-neul said my halmeoni should come.\n")
    assert "JG" not in code_draft(KOREAN, "The family speak Korean. Ha-neul misses my nana.\n")
