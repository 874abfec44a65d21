"""Family words and callings used as names for keyed and unlisted people, in any language (issue #12).

Each test is fictional text and fails without its rule:
- a family word with an honorific suffix ("Onii-chan", "Halmeoninim", "Oppa-ya") names the relative the word
  alone names (honorifics.yaml `kin_suffixes`);
- a field table of two people side by side gives each column's "Known as" names to that column's person;
- kin titles of more languages stand before a name as a title does ("Whaea Huia", "Tonton Chue");
- a quoted "<Name>'s mum" is one unlisted person's mention, wherever written.
"""

from __future__ import annotations

JAPANESE = """
people:
  - code: JC
    role: "Child J, the subject of the review"
    names: [Mio Fujita, Mio]
  - code: JB
    role: "Child J's older brother"
    names: [Daiki Fujita, Daiki]
  - code: JGM
    role: "Child J's maternal grandmother"
    names: [Keiko Arai]
"""

KOREAN = """
people:
  - code: KC
    role: "Child K, the subject of the review"
    names: [Ha-eun Seo, Ha-eun]
  - code: KB
    role: "Child K's older brother"
    names: [Jun-seo Seo]
  - code: KGM
    role: "Child K's paternal grandmother"
    names: [Mi-ok Seo]
"""

GUARDIANS = """
people:
  - code: G1
    role: "Maternal grandmother, special guardian"
    names: [Ngaire Waaka, Mrs Waaka]
  - code: G2
    role: "Maternal grandfather, special guardian"
    names: [Rawiri Waaka, Rawiri]
  - code: UC
    role: "Child U's paternal uncle"
    names: [Fritz Lemaire]
"""


def test_a_family_word_with_a_japanese_suffix_is_the_relative(code_draft):
    out = code_draft(
        JAPANESE,
        'The family speak Japanese at home. Mio said "Onii-chan took my bag" and later that Oniichan was cross.'
        " Baaba rang from Osaka.\n",
    )
    assert "Onii" not in out and "Baaba" not in out and "PERSON" not in out
    assert out.count("JB") == 2 and "JGM" in out


def test_a_family_word_with_a_korean_suffix_hyphened_or_run_together(code_draft):
    out = code_draft(
        KOREAN,
        'Ha-eun speaks Korean at home. She said "Halmeoni-nim is strict" and "Halmeoninim cooks".'
        ' She called out "Oppa-ya, wait".\n',
    )
    assert "Halmeoni" not in out and "Oppa" not in out and "PERSON" not in out
    assert out.count("KGM") == 2 and "KB" in out


def test_known_as_names_in_a_two_person_table_belong_to_their_column(code_draft):
    out = code_draft(
        GUARDIANS,
        "| | Applicant 1 | Applicant 2 |\n"
        "|---|---|---|\n"
        "| Name | Ngaire Waaka | Rawiri Waaka |\n"
        '| Known as | "Kuini" to grandchildren | "Poua" |\n'
        "| Occupation | Retired | Driver |\n"
        "\n"
        "At home the child runs to Poua when she falls, and Kuini reads to her.\n",
    )
    assert "Poua" not in out and "Kuini" not in out
    assert out.count("G2") == 3 and out.count("G1") == 3


def test_kin_titles_of_more_languages_stay_before_the_coded_name(code_draft):
    out = code_draft(
        GUARDIANS,
        "The family is Māori. Whaea Ngaire opened the meeting. The child said Tonton Fritz took her phone.\n",
    )
    assert "Whaea G1" in out and "Tonton UC" in out and "PERSON" not in out


def test_a_quoted_teknonym_is_one_unlisted_person_wherever_written(code_draft):
    out = code_draft(
        JAPANESE,
        "Mio went home with \"Riku-kun's mama\", a family friend. The school did not record Riku-kun's mama's"
        " address. Mio said Hana's mum was kind.\n",
    )
    assert "Riku" not in out and "mama" not in out
    assert out.count("[PERSON-1]") == 2
    # unquoted, the phrase describes the parent of the person named: the name is the mention
    assert "'s mum" in out and "Hana" not in out
