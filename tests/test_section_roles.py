"""The section role: decided once by structure, stored in report.json, read by events and themes."""

from __future__ import annotations

import json

import pytest

from pipeline.events.scope import chronology_blocks, heading_decision, role_decision
from pipeline.report import Report, Source
from pipeline.resources import load_yaml
from pipeline.structure import build_report
from pipeline.structure.roles import role_of_title, role_rules
from pipeline.themes.sections import section_role
from pipeline.themes.taxonomy import load_section_roles

SOURCE = Source(name="t.txt", sha256="0", format="text")

# a fictional review: the family's background, its chronology, then the reviewer's analysis
REVIEW = (
    "1. Introduction\n\n"
    "This review was commissioned by the Eastvale Safeguarding Children Partnership after Baby Q was injured.\n\n"
    "2. Background\n\n"
    "In March 2015 the mother moved to Eastvale with her two older children and registered with a GP.\n\n"
    "3. Chronology\n\n"
    "On 4th May 2019 the health visitor saw Baby Q at home and noted bruising to the left ear.\n\n"
    "On 9th May 2019 the GP referred the family to children's social care.\n\n"
    "On 20th May 2019 a strategy discussion was held with the police.\n\n"
    "4. Analysis\n\n"
    "In May 2019 the bruising was not seen as a sign of harm, and the referral of 9th May 2019 was not followed up.\n\n"
    "5. Glossary\n\n"
    "GP: General Practitioner\n"
)


def build(text: str = REVIEW) -> Report:
    return build_report(text, SOURCE)


@pytest.mark.parametrize(
    "title, role",
    [
        ("Background", "background"),
        ("2. Family history", "background"),
        ("Introduction", "introduction"),
        ("The family", "family"),
        ("The incident", "incident"),
        ("KPE 13 Incident in which the child was injured", "episodes"),
        ("What happened", "case_summary"),
        ("Critical Timeline/Condensed Chronology", "chronology"),
        ("Condensed chronology and key practice events", "chronology"),
        ("6.2 Wider Findings", "findings"),
        ("Learning from the review process", "findings"),
        ("Recommendations", "recommendations"),
        ("Glossary", "method"),
        ("Appendix B: Membership of the review panel", "method"),
        ("Acknowledgements", "method"),
        # a web page's links to other material (themes12: a guide's title under them was tagged)
        ("Useful resources for practitioners", "method"),
        ("Practitioner Resources", "method"),
        ("Resources and workload", None),
        ("2.3 How were the father and the family involved?", "analysis"),
        ("Child X Learning Review", None),
        ("Riverside Health Trust", None),
    ],
)
def test_one_role_per_title(title, role):
    assert role_of_title(title) == role


def test_structure_stores_the_role_on_each_section():
    report = build()
    assert [(s.title, s.role) for s in report.sections] == [
        ("Introduction", "introduction"),
        ("Background", "background"),
        ("Chronology", "chronology"),
        ("Analysis", "analysis"),
        ("Glossary", "method"),
    ]
    data = json.loads(report.to_json())
    assert [s["role"] for s in data["sections"]] == ["introduction", "background", "chronology", "analysis", "method"]
    assert [s.role for s in Report.from_json(report.to_json()).sections] == [s.role for s in report.sections]


def test_an_old_report_without_roles_is_read_with_roles_computed():
    data = json.loads(build().to_json())
    for section in data["sections"]:
        del section["role"]
    old = Report.from_json(json.dumps(data))
    assert [s.role for s in old.sections] == ["introduction", "background", "chronology", "analysis", "method"]


def test_a_stored_null_role_is_kept():
    data = json.loads(build().to_json())
    data["sections"][0]["role"] = None
    assert Report.from_json(json.dumps(data)).sections[0].role is None


def test_events_and_themes_read_the_stored_role_not_the_title():
    report = build()
    text = report.text
    background = next(s for s in report.sections if s.title == "Background")
    inside = text.index("In March 2015")
    # as structure decided: background is read by events and weighs 0.6 for themes
    assert any(b.start <= inside < b.end for b in chronology_blocks(report))
    assert section_role(report, inside)[0].role == "background"
    # a section whose stored role says it is apparatus is skipped by both, whatever its title says
    background.role = "method"
    assert not any(b.start <= inside < b.end for b in chronology_blocks(report))
    assert section_role(report, inside)[0].weight == 0


def test_background_means_the_same_to_events_and_themes():
    """The disagreement this replaces: themes called "Introduction", "The family" and "The incident"
    background while events read only "Background"/"History" as the story."""
    assert heading_decision("Background") is True and role_of_title("Background") == "background"
    assert role_of_title("Introduction") != "background" and heading_decision("Introduction") is None
    assert role_of_title("The incident") == "incident" and heading_decision("The incident") is False
    assert section_role(build(), build().text.index("In March 2015"))[0].weight == 0.6


def test_each_stage_has_a_policy_for_every_role():
    roles = set(role_rules().roles)
    assert roles == {
        "method",
        "findings",
        "recommendations",
        "analysis",
        "summary",
        "chronology",
        "case_summary",
        "episodes",
        "views",
        "incident",
        "background",
        "family",
        "introduction",
    }
    assert {r.role for r in load_section_roles().roles} == roles
    policy = load_yaml("dates", "scope.yaml")
    used = (
        set(policy["roles"]["read"])
        | set(policy["roles"]["skip"])
        | set(policy["apparatus_roles"])
        | set(policy["fallback_roles"])
    )
    assert used <= roles
    assert not set(policy["roles"]["read"]) & set(policy["roles"]["skip"])
    assert role_rules().question_role in roles
    assert role_decision(None) is None and role_decision("chronology") is True and role_decision("findings") is False
