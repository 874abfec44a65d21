"""Issue 12, set 21: people the key does not list, left in plain sight (every name invented).

- a police log in capitals names an adult once ("REGISTERED TO A DARREN CROFT DOB ..."): a listed first name and a
  surname-like capitals word are a person although the model tags nothing there;
- once named in full, the person's surname is theirs wherever it stands as a name: alone in capitals on a record
  line ("NOT WITH CROFT."), capitalised mid-sentence ("not including Croft,"), never inside a place's name
  ("Croft Street");
- a quoted word the text declares a name ('KNOWN AS "DAZ"', 'the man was "Daz"', '"Long" is her clan name') is a
  name in quotes, mid-sentence and as the only word of a table cell ("| daz 💯 |"); a short form ("Daz" of
  Darren, "Jay" of Jordan) joins the one person named in full it fits;
- a name followed by its own initials in brackets ("Ffion Castle-Jones (FCJ, school nurse)") is a person and the
  initials are theirs; an organisation's expansion ("Multi-Agency Safeguarding Hub (MASH)") is not;
- French, Spanish and other forms of address ("Mme", "Sra") are titles before a surname.
"""

from __future__ import annotations

import re

from pipeline.deid.names.unknown import group_mentions
from tests.pseudonymise_text import name_candidates

KEY = """people:
  - code: Child M
    role: "Child M, the subject of the review"
    names: [Marta Zielinska, Marta]
"""


def _placeholders(coded: str) -> set[str]:
    return set(re.findall(r"\[PERSON-\d+\]", coded))


def test_a_capitals_record_names_a_person(code_draft):
    text = "14/02 21:40 MISSING REPORT. VRM KX19 PLM REGISTERED TO A DARREN CROFT DOB 12/06/1996. NO REPLY.\n"
    coded = code_draft(KEY, text)
    assert "DARREN" not in coded and "CROFT" not in coded
    assert "MISSING REPORT" in coded and "NO REPLY" in coded


def test_a_listed_name_the_parse_reads_as_the_logs_verb_is_no_surname(code_draft):
    text = (
        "03/05 CALLER REPORTS GIRL IN CAR. CAR KEEPER IS A CALLUM REED, AGE 23.\n"
        "PATROL ATTENDED. REED SAID HE WAS LEAVING.\n"
    )
    coded = code_draft(KEY, text)
    assert "CALLUM" not in coded and "REED" not in coded and "SAID HE WAS" in coded
    assert len(_placeholders(coded)) == 1


def test_the_surname_of_a_person_named_in_full_is_theirs_where_it_stands_as_a_name(code_draft):
    text = (
        "14/02 OFFICERS ATTENDED. VRM KX19 PLM REGISTERED TO A DARREN CROFT DOB 12/06/1996.\n"
        "15/02 03:10 MISPER LOCATED IN TOWN. NOT WITH CROFT. RETURNED HOME BY POLICE.\n\n"
        "Three adults were arrested, not including Croft, for offences against other girls. Marta later lived\n"
        "on Croft Street.\n"
    )
    coded = code_draft(KEY, text)
    assert "CROFT" not in coded and "including Croft" not in coded
    assert "Croft Street" in coded
    assert len(_placeholders(coded)) == 1


def test_a_declared_quoted_name_is_a_name_in_quotes_mid_sentence_and_in_a_sender_cell(code_draft):
    text = (
        'SEEN IN A GREY CAR DRIVEN BY AN OLDER MALE KNOWN AS "DAZ". FAMILY CHECKED WITH COUSINS.\n'
        "VRM KX19 PLM REGISTERED TO A DARREN CROFT DOB 12/06/1996.\n\n"
        'Marta told police the man was "Daz, just a friend". She said that Daz had been kind to her.\n\n'
        "| Time | From | Message |\n|---|---|---|\n| 23:12 | daz 💯 | u awake |\n| 23:14 | Marta | no |\n"
    )
    coded = code_draft(KEY, text)
    assert not re.search(r"(?i)\bdaz\b", coded)
    assert len(_placeholders(coded)) == 1  # "Daz" of Darren: the one person named in full


def test_a_clan_name_the_text_declares_is_a_name_however_ordinary(code_draft):
    text = (
        'The cousin is Nou Long, who lives in France; "Long" is her clan name. It was a long journey. Marta\n'
        "phoned Nou Long twice.\n"
    )
    coded = code_draft(KEY, text)
    assert '"Long"' not in coded and "Nou" not in coded and "Long," not in coded
    assert "a long journey" in coded
    assert len(_placeholders(coded)) == 1


def test_a_name_with_its_own_bracketed_initials_is_a_person_and_the_initials_theirs(code_draft):
    text = (
        "Present: Ffion Castle-Jones (FCJ, school nurse); Tariq Bashir (TB, police). Minutes: FCJ.\n\n"
        "| Item | Discussion | Lead |\n|---|---|---|\n| 1 | FCJ: Marta attends clinic weekly. | FCJ |\n\n"
        "The Multi-Agency Safeguarding Hub (MASH) took the referral.\n"
    )
    coded = code_draft(KEY, text)
    assert "Castle" not in coded and "FCJ" not in coded and "Ffion" not in coded
    assert "Multi-Agency Safeguarding Hub (MASH)" in coded


def test_other_languages_forms_of_address_are_titles(code_draft):
    text = (
        "The worker in France, Mme Odile Garnier, wrote in May. Mme Garnier's office then rang. The family\n"
        "support worker, Sra Pilar Ortega, met Marta. Sra Ortega will visit again.\n"
    )
    coded = code_draft(KEY, text)
    assert "Garnier" not in coded and "Ortega" not in coded


def test_a_letter_name_or_z_short_form_joins_the_person_named_in_full():
    text = "Jay came first. Then JORDAN PIKE was seen. Daz rang, and Darren Hollis left. Kay stayed."
    groups = [
        [c.text for c in g]
        for g in group_mentions(name_candidates(text, ["Jay", "JORDAN PIKE", "Daz", "Darren Hollis", "Kay"]), text=text)
    ]
    assert ["Jay", "JORDAN PIKE"] in groups
    assert ["Daz", "Darren Hollis"] in groups
    assert ["Kay"] in groups
