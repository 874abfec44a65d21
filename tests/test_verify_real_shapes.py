"""`verify_report` on fictional review openings written in the shapes of real published reviews.

Real reviews name their authors, chairs and panel members on purpose, declare pseudonyms, code
children with footnote digits glued on, and write agencies and clinical phrases in capitals;
none of these is a leak.  Planted residual names must still be reported.
"""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from pipeline.deid.policy import SEVERITY_RANK, load_policy
from pipeline.deid.verify import cover_people, review_pseudonyms, verify_report
from pipeline.evaluate import verify_shapes as eval_verify_real

ROOT = Path(__file__).resolve().parents[1]


def verify_text(text: str, nlp, analyzer):
    from pipeline.ingest.text import normalise
    from pipeline.nlp import parse_report
    from pipeline.report import Source
    from pipeline.structure import build_report

    report = build_report(normalise(text), Source(name="draft.txt", sha256="0" * 64, format="text"))
    return report, verify_report(report, parse_report(report, nlp), analyzer=analyzer)


def severity_of(findings, text: str) -> str | None:
    """The worst severity of the findings that cover `text` (None when nothing does)."""
    hits = [f for f in findings if text in f.text or f.text in text and f.text]
    return max((f.severity for f in hits), key=SEVERITY_RANK.get, default=None)


def test_open_real_shapes_are_nearly_silent_and_every_planted_name_is_found(nlp, analyzer):
    results = eval_verify_real.run_folder(eval_verify_real.OPEN, nlp, analyzer)
    summary = eval_verify_real.summarise(results)
    assert summary["files"] >= 6
    assert summary["false_alarms_per_1000_words"] <= 1.0, [r["false_alarms"] for r in results]
    assert summary["planted_recall"] == 1.0, [(r["file"], r["missed"]) for r in results]


COVER = """Eastvale Safeguarding Children Partnership

Child Safeguarding Practice Review: Child P

Independent Reviewer:
Marianne Gostelow

Chair
Bartholomew Quince

Hilary Okonedo-Vance, Independent Author

Ottoline Brackley OBE Director Fenwick Review Associates Limited

1 Introduction

1.1 The Chair of the Eastvale Safeguarding Children Partnership, Leopold Strang, agreed that a review
should be held. Ingrid Sowerby, the Independent Scrutineer, approved the terms of reference.

1.2 The review panel members were:

Ruth Abernathy - Designated Nurse, Eastvale ICB
DCI Walter Penhaligon, Public Protection Unit, Eastvale Police

2 Narrative

2.1 Child P lived with her mother. A strategy discussion was chaired by DI Rowntree of the Public
Protection Unit. Her mother's friend, Kerensa Trevithick, looked after Child P at weekends.

2.2 A letter written by Cadoc Pengelly was found at the house.

3 About the author

Percival Amesbury is a registered social worker with twenty years' experience of reviews.
"""


def test_people_named_on_purpose_are_info_and_leaks_are_not(nlp, analyzer):
    _, findings = verify_text(COVER, nlp, analyzer)
    for person in (
        "Marianne Gostelow",
        "Bartholomew Quince",
        "Hilary Okonedo-Vance",
        "Leopold Strang",
        "Ingrid Sowerby",
        "Ruth Abernathy",
        "Walter Penhaligon",
        "Ottoline Brackley",
        "Percival Amesbury",
    ):
        assert severity_of(findings, person) in (None, "info"), person
    for leak in ("Rowntree", "Kerensa Trevithick", "Cadoc Pengelly"):
        assert SEVERITY_RANK[severity_of(findings, leak) or "info"] >= SEVERITY_RANK["medium"], leak


def test_practitioners_listed_without_a_panel_are_not_allowed(nlp, analyzer):
    text = (
        "Northshire Safeguarding Children Partnership\n\n1 Introduction\n\nFamily members and practitioners\n\n"
        "Tamsin Polglase, Health Visitor\nGerwyn Ellacott - Social Worker\n\n2 Narrative\n\nThe family moved twice.\n"
    )
    _, findings = verify_text(text, nlp, analyzer)
    assert SEVERITY_RANK[severity_of(findings, "Tamsin Polglase") or "info"] >= SEVERITY_RANK["medium"]


def test_codes_with_footnote_digits_agencies_and_phrases_are_not_findings(nlp, analyzer):
    text = (
        "Westfold Safeguarding Children Board\n\nSerious Case Review: Child K\n\n1 Introduction\n\n"
        "1.1 Child K3 was eleven weeks old. Child K's2 mother had been referred to Wigan Safeguarding "
        "Children Board, CAFCASS and Pennine Care NHS Foundation Trust.\n"
        "1.2 A Genogram was prepared. The family kept a Bull Terrier and the father was charged with "
        "Grievous Bodily Harm. The baby slept in a Moses basket.\n"
    )
    _, findings = verify_text(text, nlp, analyzer)
    serious = [f.text for f in findings if SEVERITY_RANK[f.severity] >= SEVERITY_RANK["medium"]]
    assert serious == []


def test_declared_pseudonyms_in_the_title_and_text_are_info(nlp, analyzer):
    text = (
        "Southmoor Safeguarding Children Partnership\n\nLearning Review: Rosie*\n\n"
        "*Rosie is not the child's real name.\n\n1 Introduction\n\n1.1 Rosie lived with her mother. "
        "Her brother, called Finn in this review, was 6. Rosie's neighbour, Mrs Tregenza, called the police.\n"
    )
    _, findings = verify_text(text, nlp, analyzer)
    assert severity_of(findings, "Rosie") in (None, "info")
    assert severity_of(findings, "Finn") in (None, "info")
    assert SEVERITY_RANK[severity_of(findings, "Tregenza") or "info"] >= SEVERITY_RANK["medium"]


def test_structure_stage_fields_are_used_when_present():
    """`Metadata.named_people` and `RoleEntry.pseudonym` (added by the structure stage) feed verify."""
    metadata = SimpleNamespace(
        author=None,
        title=None,
        subject_child=None,
        board=None,
        pseudonyms_declared=False,
        named_people=[SimpleNamespace(name="Aurelia Vantongeren", role="author", start=0, end=0)],
    )
    report = SimpleNamespace(
        text="Nothing here.\n",
        metadata=metadata,
        key=[SimpleNamespace(code="Jade", description="Mother", pseudonym=True)],
    )
    assert "Aurelia Vantongeren" in cover_people(report, load_policy())
    assert "Jade" in review_pseudonyms(report)


FOREWORD = """Fernhill Safeguarding Children Partnership

Chair's Foreword

I thank the family and the practitioners.

Rowena Delacourt-Smythe
Independent Chair
June 2022

1 Introduction

1.1 Individual Management Reviews (IMRs) were written by: Harriet Vossberg (Fernhill Police) and Daljit Sohal (Fernhill Community Health).
1.2 The lead reviewer is grateful to Petra Lindgren, the Partnership Business Manager, for her support.
1.3 In Re B (Care Proceedings: Appeal) [2013] UKSC 33, Lady Hale set out the threshold.

2 Narrative

2.1 The police report was completed by PC Ahmed. The mother's friend, Destiny Okorafor, sometimes stayed.
"""  # noqa: E501


def test_signatures_imr_authors_staff_and_judges_are_not_leaks(nlp, analyzer):
    _, findings = verify_text(FOREWORD, nlp, analyzer)
    for person in ("Rowena Delacourt-Smythe", "Harriet Vossberg", "Daljit Sohal", "Petra Lindgren", "Hale"):
        assert severity_of(findings, person) in (None, "info"), person
    for leak in ("Ahmed", "Destiny Okorafor"):
        assert SEVERITY_RANK[severity_of(findings, leak) or "info"] >= SEVERITY_RANK["medium"], leak


def test_a_partnerships_own_contact_details_are_info_but_a_familys_are_not(nlp, tmp_path):
    from pipeline.deid.verify import verify_report
    from pipeline.ingest import load_report
    from pipeline.nlp import parse_report

    text = (
        "Child M and Child N\n\nA Serious Case Review\n\n"
        "Northvale Safeguarding Children Board, Civic Centre, Mill Lane, Northvale NV1 4QT, 020 7946 0321\n\n"
        "1. Introduction\n\n1.1 The family lived at 14 Alder Close, Northvale NV3 8RT and their phone was 020 7946 "
        "0877.\n"
    )
    path = tmp_path / "review.txt"
    path.write_text(text, encoding="utf-8")
    report = load_report(path)
    findings = verify_report(report, parse_report(report, nlp))
    board = text.index("Northvale Safeguarding")
    family = text.index("1.1 The family")
    contact = [f for f in findings if board <= f.start < family and f.type in ("POSTCODE", "PHONE")]
    assert contact and all(f.severity == "info" for f in contact)
    assert {f.type for f in findings if f.start > family and f.severity in ("medium", "high")} >= {"POSTCODE", "PHONE"}
