"""Issue 12, precision: words that are not people and were coded or flagged as people (all names fictional).

A month or weekday one letter from a keyed name is no misspelling of it; a clinical designation ("Paed",
"Reg", "Categ", "Radiographer") or a court party's label ("Respondent") is a post, not a person; a title
that tells no gender ("Dr", "RN") stays outside an unlisted name's placeholder; a place the draft names plus
a demonym ending ("Fuzhounese" beside "Fuzhou") is a language or people, not a name.
"""

from __future__ import annotations

from pipeline.deid.keyfile import parse_key
from pipeline.deid.names.fuzzy import find_key_names
from pipeline.deid.names.unknown import find_unknown_names
from pipeline.nlp import parse
from tests.pseudonymise_text import code_text

KEY = parse_key(
    {
        "people": [
            {"code": "SW", "role": "Social worker", "names": ["Hollis Marsh", "Ms Marsh"]},
            {"code": "HV", "role": "Health visitor", "names": ["Juno Baptiste", "Juno"]},
            {"code": "GP", "role": "General practitioner", "names": ["Dr Eamon Munday", "Dr Munday"]},
            {"code": "TM", "role": "Team manager", "names": ["Carys Pryce", "Ms Pryce"]},
        ]
    }
)


def _fuzzy(nlp, text: str) -> set[str]:
    doc = parse(text, nlp, KEY.codes())
    return {m.text for m in find_key_names(doc, KEY) if m.rule == "fuzzy"}


def test_a_month_or_weekday_is_never_a_misspelt_key_name(nlp):
    text = (
        "The school rang on 3 March 2025. From March to June the family were visited on a Monday, "
        "and Juno saw them in June. Ms Marsh wrote on Sunday."
    )
    found = _fuzzy(nlp, text)
    assert not found & {"March", "June", "Monday", "Sunday"}


def test_a_misspelt_key_name_is_still_found_and_a_titled_english_word_too(nlp):
    found = _fuzzy(nlp, "Hollis Marshe rang twice. Ms Price from the team called back; Junoo was away.")
    assert "Ms Price" in found or "Price" in found  # "Ms Price" of the keyed Pryce: the title says a surname
    assert "Junoo" in found
    assert not _fuzzy(nlp, "It was a matter of price, and the Price review said so.") & {"Price"}


def _unlisted(nlp, text: str) -> set[str]:
    doc = nlp(text)
    return {doc.text[c.start : c.end] for c in find_unknown_names(doc)}


def test_clinical_designations_are_no_names(nlp):
    text = (
        "22/12/25 04:20 Paed Reg Dr Obi Bankole: history from father. Obs stable. Categ 3.\n"
        "| 3 | Paed ED | Pulled elbow | Radiographer | Skeletal survey |\n"
        "Author: Named Nurse for Safeguarding Children.\n"
    )
    found = _unlisted(nlp, text)
    assert any("Bankole" in f for f in found)  # the registrar himself is still a person
    for word in ("Paed", "Reg", "Categ", "Radiographer", "Named", "Nurse"):
        assert not [f for f in found if word in f.split()], (word, found)


def test_a_designation_that_is_a_first_name_is_a_person_before_a_surname(nlp):
    found = _unlisted(nlp, "The porter, Reg Thackeray, wheeled the baby to the ward. Reg said little.")
    assert "Reg Thackeray" in found


def test_an_adjective_of_a_place_the_draft_names_is_no_name(nlp):
    text = (
        "D.2 The family are from the Fuzhou area of Fujian province in China. The paternal grandmother, if she "
        "attends, needs a Fuzhounese interpreter. The mother and children spoke in Fuzhounese which she could "
        "not follow. A Fuzhounese-speaking interpreter, Ms Wenqian Lau, was booked.\n"
        "| Contact | Supervised by HA initially | Fuzhounese interpreter to be present |\n"
    )
    found = _unlisted(nlp, text)
    assert not [f for f in found if "Fuzhounese" in f]
    assert "Wenqian Lau" in found


def test_a_title_that_tells_no_gender_stays_outside_the_placeholder(nlp, tmp_path):
    key = {"people": [{"code": "Child T", "role": "the subject child", "names": ["Tobiah Quarcoo", "Tobiah"]}]}
    draft = (
        "22/12/25 03:11 TRIAGE RN Delphine Achterberg: Tobiah not moving his arm.\n"
        "Seen by Dr Feliks Amankwaah, then by Mrs Oona Castellane, the ward manager.\n"
    )
    result = code_text(tmp_path, draft, key, nlp)
    assert "RN [PERSON-" in result.text
    assert "Dr [PERSON-" in result.text
    assert "Mrs" not in result.text  # a title that tells a gender goes with the name
    assert "Achterberg" not in result.text and "Amankwaah" not in result.text


def test_a_court_party_label_is_not_flagged_as_a_person(nlp, tmp_path):
    from pipeline.deid.verify import verify_report
    from pipeline.ingest import load_report
    from pipeline.nlp import parse_report

    key = parse_key(
        {
            "people": [
                {"code": "LM", "role": "The children's mother", "names": ["Ottilie Brannagh"]},
                {"code": "LF", "role": "The children's father", "names": ["Casimir Brannagh"]},
            ]
        }
    )
    coded = (
        "| Party | Name | Represented by |\n|---|---|---|\n"
        "| First Respondent (mother) | LM | [PERSON-1], solicitor |\n"
        "| Second Respondent (father) | LF | [PERSON-2] of counsel |\n"
    )
    (tmp_path / "coded.md").write_text(coded, encoding="utf-8")
    report = load_report(tmp_path / "coded.md")
    findings = verify_report(report, parse_report(report, nlp), key=key)
    assert not [f for f in findings if f.text == "Respondent" and f.severity in ("medium", "high")]


def test_a_name_list_word_after_in_is_a_place(nlp):
    text = (
        "The mother said she had heard of a family in Easton where this happened. She now goes to a women's "
        "group at a centre in Barton Hill. Her friend Tamsin Okwuosa lives nearby, and Jolyon visited her in May."
    )
    found = _unlisted(nlp, text)
    assert not [f for f in found if "Easton" in f or "Barton" in f]
    assert "Tamsin Okwuosa" in found


def test_a_country_the_review_reads_as_a_place_is_one_in_a_table_too(nlp):
    text = (
        "Her mother arrived from Kenya in January 2025 on a visitor visa. The daughter will not go to Kenya.\n\n"
        "| Contact | Detail |\n|---|---|\n| Mobile (Kenya) | held on file |\n| Sister | Kenya Mbeki-Hollis |\n"
    )
    found = _unlisted(nlp, text)
    assert "Kenya" not in found
    assert any("Mbeki-Hollis" in f for f in found)  # a person named Kenya, with her surname, is still one


def test_a_word_the_review_writes_after_the_is_a_thing_not_a_bare_name(nlp):
    text = (
        "3.7 Family Star Plus scores were recorded at the first visit.\n\n"
        "Reviewer's note: The Star was done at the first visit, with the interpreter. Star scores were low.\n"
    )
    found = _unlisted(nlp, text)
    assert not [f for f in found if "Star" in f.split()]


def test_a_place_the_review_writes_after_in_is_no_unexplained_name_elsewhere(nlp, tmp_path):
    from pipeline.deid.verify import verify_report
    from pipeline.ingest import load_report
    from pipeline.nlp import parse_report

    key = parse_key({"people": [{"code": "GM", "role": "Child G's mother", "names": ["Perpetua Ndlovu-Saxby"]}]})
    coded = (
        "GM's sister lives in Tredworthy. GM visited her twice.\n\n"
        "The school at Tredworthy was told, and GM was seen by the Tredworthy team. GM said Quenby shouted.\n"
        "| 12/03/25 | GM moved to a flat in Wexcombe. |\n| 14/03/25 | Wexcombe housing visit: GM not in. |\n"
    )
    (tmp_path / "coded.md").write_text(coded, encoding="utf-8")
    report = load_report(tmp_path / "coded.md")
    findings = verify_report(report, parse_report(report, nlp), key=key)
    key_flags = {f.text for f in findings if f.type == "KEY_NAME" and f.severity != "low"}
    assert not key_flags & {"Tredworthy", "Wexcombe"}
    assert [f for f in findings if f.text == "Quenby" and f.severity != "low"]  # a name nothing explains


def test_a_name_that_opens_a_body_after_the_is_still_a_person_elsewhere(nlp):
    text = (
        "At school the girl is called Joy. The father works in the kitchen of the Joy Garden restaurant.\n"
        "Joy told her teacher that she was frightened at home.\n"
    )
    found = _unlisted(nlp, text)
    assert [f for f in found if f == "Joy"]
