"""People a review names on purpose, in the shapes of real openings (issue 13), each beside a
person of the narrative who must stay flagged.  All names are fictional."""

from __future__ import annotations

import pytest

from pipeline.deid.policy import SEVERITY_RANK
from test_verify_real_shapes import severity_of, verify_text

CASES = [
    # (text, named on purpose, must stay flagged)
    (
        "Foreword\nI thank all who took part.\nSigned: Barnaby Quenby\nIndependent Chair, Kelmoor Safeguarding "
        "Partnership\n\n"
        "1.1 Child W lived with his father, Lucan Arkwood, who had a history of violence.\n",
        "Barnaby Quenby",
        "Lucan Arkwood",
    ),
    (
        "Child Safeguarding Practice Review\nChild N\nIndependent Reviewer: Philippa J. Hargate\n\n"
        "1.1 Child N's father, Florian Weatherby, had a conviction for assault.\n",
        "Hargate",
        "Florian Weatherby",
    ),
    (
        "1.1 The partnership commissioned Wilma Gotley, an experienced\nindependent reviewer, to lead the review.\n"
        "1.2 Children's services commissioned Hermia Stackley to undertake a parenting assessment.\n",
        "Wilma Gotley",
        "Hermia Stackley",
    ),
    (
        "Acknowledgements\nThanks to Perpetua Lowe for administrative support, and to Marisol Ethering for "
        "organising the events.\n"
        "The reviewer would like to thank Tabitha Greenhill, Child T's aunt, for her support and her openness.\n",
        "Marisol Ethering",
        "Tabitha Greenhill",
    ),
    (
        "1.1 The health visitor thanked Prudence Wadding for her support with the children.\n"
        "Panel members: Ferdinand Ollershaw (Police), Cordelia Mappleton (Health),\nLeopold Fenby (Education).\n",
        "Leopold Fenby",
        "Prudence Wadding",
    ),
    (
        "The panel comprised: Cyprian Hadley, Designated Nurse; Perdita Vossell, Detective Inspector.\n"
        "2.1 The panel members were told that Augustin Belcombe had moved away.\n",
        "Perdita Vossell",
        "Augustin Belcombe",
    ),
    # a cover run into one line (text taken from a PDF): author with letters after the name,
    # chairs after two-word labels
    (
        "Vale Associates Limited ROSE A SERIOUS CASE REVIEW Kestrel Harrowby JP, BA, MSc, CQSW On behalf of the "
        "Fenland Safeguarding "
        "Children Board Chair Magda Blythe Serious Case Review Panel Chair Keir Ibbotson September 2012 Page 1 of "
        "41\n\n"
        "1.1 The initial child protection conference was chaired by Conference Chair Merrilee Ashdown. Rose's "
        "stepfather, Dorian Quayle, was present.\n",
        "Keir Ibbotson",
        "Dorian Quayle",
    ),
    (
        "Vale Associates Limited ROSE A SERIOUS CASE REVIEW Kestrel Harrowby JP, BA, MSc, CQSW On behalf of the "
        "Fenland Safeguarding "
        "Children Board Chair Magda Blythe September 2012\n\n"
        "1.1 The initial child protection conference was chaired by Conference Chair Merrilee Ashdown.\n",
        "Kestrel Harrowby",
        "Merrilee Ashdown",
    ),
    (
        "Foreword\nI thank the partnership business manager Evadne Roskear for supporting the panel.\n"
        "3.1 The Independent Reviewing Officer Philippa Carnell chaired the looked after review.\n",
        "Evadne Roskear",
        "Philippa Carnell",
    ),
    (
        "1.2 The reviewers are grateful to Morwenna Jagger and Lowenna Tremlett, who provided business support "
        "throughout.\n"
        "1.3 She was grateful to her neighbour, Wenna Chenoweth, who provided support at night.\n",
        "Lowenna Tremlett",
        "Wenna Chenoweth",
    ),
    (
        "1.1 The Partnership thanks Baby M's grandmother, Philomena Rourkes, for her support and her time, and "
        "Gideon Whitlow for his support "
        "with the review.\n3.3 The conference Independent Chair Tamsin Boscombe agreed a plan.\n",
        "Gideon Whitlow",
        "Philomena Rourkes",
    ),
]


# issue 13, round 3: a minister named for the office; the name a web page's title gives the child
CASES += [
    (
        "The Ashgrove Inquiry\n\nA report by Sir Ralph Penhallow at the request of the Rt Hon Imogen Trelawny MP, "
        "Minister for Children\n\n"
        "1.1 The boy's uncle, Casimir Dunstable, visited him twice.\n",
        "Imogen Trelawny",
        "Casimir Dunstable",
    ),
    (
        "Local Child Safeguarding Practice Review Ottilie – published 2 May 2021\n\nThe review is about Ottilie, a "
        "girl of nine. "
        "Ottilie lived with her father, Barnabas Quill, in a flat.\n",
        "Ottilie",
        "Barnabas Quill",
    ),
]


# a panel's own people introduced as members or by office ("… is the Panel Member who will lead the review")
CASES += [
    (
        "1.1 Rosamund Fitchett, OBE is the Panel Member who will lead the review. She will be supported by Panel "
        "Members, "
        "Everard Quine and Philippa Ashby.\n2.1 The boy's stepfather, Lorcan Hebditch, was present.\n",
        "Everard Quine",
        "Lorcan Hebditch",
    ),
    (
        (
            "1.1 Rosamund Fitchett, OBE is the Panel Member who will lead the review.\n2.1 The boy's stepfather, "
            "Lorcan Hebditch, was present.\n"
        ),
        "Rosamund Fitchett",
        "Lorcan Hebditch",
    ),
    (
        "1.2 Advice came from Ottilie Warburton, the Government's Chief Social Worker.\n3.1 Hamish Corrigan is the "
        "chair of the school "
        "governors and knew the family.\n",
        "Ottilie Warburton",
        "Hamish Corrigan",
    ),
]


@pytest.mark.parametrize("text,named,leak", CASES, ids=[c[1] for c in CASES])
def test_named_on_purpose_is_info_and_the_narrative_person_stays_flagged(text, named, leak, nlp, analyzer):
    _, findings = verify_text(text, nlp, analyzer)
    assert SEVERITY_RANK.get(severity_of(findings, named), 0) < SEVERITY_RANK["medium"], findings
    assert SEVERITY_RANK[severity_of(findings, leak) or "info"] >= SEVERITY_RANK["medium"], findings


def test_a_child_protection_conference_chair_or_an_assessment_stays_flagged(nlp, analyzer):
    text = (
        "2.1 The initial child protection conference was chaired by Marguerite Ellsworth.\n"
        "2.2 The local authority appointed Cressida Wolston to chair the child protection review conference.\n"
        "2.3 She said she was grateful to Lavinia Scarsdale for her support.\n"
        "2.4 The nursery's business manager Ottoline Rescorla rang the police. The conference Independent Chair "
        "Tamsin Boscombe agreed a plan.\n"
    )
    _, findings = verify_text(text, nlp, analyzer)
    for leak in (
        "Marguerite Ellsworth",
        "Cressida Wolston",
        "Lavinia Scarsdale",
        "Ottoline Rescorla",
        "Tamsin Boscombe",
    ):
        assert SEVERITY_RANK[severity_of(findings, leak) or "info"] >= SEVERITY_RANK["medium"], (leak, findings)


def test_names_a_page_listing_reviews_gives_their_children_are_info_and_others_stay_flagged(nlp, analyzer):
    text = (
        "Published case reviews\n\nA list of reviews published this year.\n\n2021 – Anonymous – Eliza\n\nDeath of "
        "a baby girl "
        "after a fall. Eliza was six weeks old.\n\n2021 - Upton - Jasper and Tilly\n\nNeglect of two brothers. "
        "Jasper was seven.\n\n"
        "The following briefings are available for your teams:\n\nRowena\n\nIn May 2020 Rowena, a girl of nine, "
        "was found alone. Her "
        "uncle, Barnaby Penrose, was arrested.\n"
    )
    _, findings = verify_text(text, nlp, analyzer)
    for named in ("Eliza", "Jasper", "Tilly", "Rowena"):
        assert SEVERITY_RANK.get(severity_of(findings, named), 0) < SEVERITY_RANK["medium"], (named, findings)
    assert SEVERITY_RANK[severity_of(findings, "Barnaby Penrose") or "info"] >= SEVERITY_RANK["medium"], findings
    # a first name heading its paragraph in a review's own narrative, with no list around it, is still reported
    _, alone = verify_text(
        "4. The family\n\nMartha\n\nMartha is the children's grandmother and cared for them at weekends.\n",
        nlp,
        analyzer,
    )
    assert SEVERITY_RANK[severity_of(alone, "Martha") or "info"] >= SEVERITY_RANK["medium"], alone


def test_the_first_name_of_a_public_case_named_in_full_is_public_but_not_alone(nlp, analyzer):
    text = (
        "1.1 The national review into the death of Victoria Climbié changed how agencies share information. What "
        "happened to "
        "Victoria was not an isolated case.\n2.1 Her cousin, Isolde Kettleby, visited twice.\n"
    )
    _, findings = verify_text(text, nlp, analyzer)
    assert SEVERITY_RANK.get(severity_of(findings, "Victoria"), 0) < SEVERITY_RANK["medium"], findings
    assert SEVERITY_RANK[severity_of(findings, "Isolde Kettleby") or "info"] >= SEVERITY_RANK["medium"], findings
    _, alone = verify_text(
        "2.1 Victoria lived with her aunt, who said Victoria was often hungry and cold.\n", nlp, analyzer
    )
    assert SEVERITY_RANK[severity_of(alone, "Victoria") or "info"] >= SEVERITY_RANK["medium"], alone
