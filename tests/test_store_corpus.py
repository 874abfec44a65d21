"""Small hand-written reviews (fictional) shared by the corpus-store and search tests, and their fixtures (no tests).

Three short reviews in different styles, so that themes, events and findings
vary between them; tests compare what the store returns with what the run
outputs on disk say (the oracle), not with hard-coded results.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.store import connect, index_inputs

REVIEWS = {
    "westshire_child_t": """Westshire Safeguarding Children Partnership

Child Safeguarding Practice Review: Child T

Period under review: 1st April 2019 to 31st December 2019

1 Introduction

TM – Child T's mother
TF – Child T's father
TSW – Social Worker for Child T

2 Chronology

On 4th June 2019 police were called to the family home after a domestic abuse incident in which TF assaulted TM. The incident was not shared with the health visitor.

On 18th September 2019 TSW visited the home and accepted TM's account that TF had left, without speaking to Child T. TM later rang the duty team from 07700 900461.

3 Findings

- Domestic abuse was not recognised as a risk to Child T and concerns were not escalated to managers.
- Information was not shared between the police and children's social care.
- Professionals accepted the parents' account at face value and did not explore who else lived in the home.
""",  # noqa: E501  (one paragraph per line: the fixture's layout)
    "eastborough_child_r": """Eastborough Safeguarding Partnership

Serious Case Review: Child R

Period under review: January 2016 to March 2017

1 Background

RM – Child R's mother
RGM – Child R's maternal grandmother
RHV – Health Visitor for Child R

2 Key episodes

In March 2016 RHV completed a new birth visit with the student nurse, Olive Brackenbury. RM said she was struggling with low mood and the health visitor referred her to the perinatal mental health team.

On 2nd November 2016 RM missed the third appointment with the mental health service and she was discharged. Nobody escalated the missed appointments.

3 Learning

3.1 Parental mental health was known to adult services, but the information was not shared with the health visiting service.

3.2 The voice of the child was absent from every assessment; no practitioner spoke to Child R alone.
""",  # noqa: E501  (one paragraph per line: the fixture's layout)
    "northvale_child_p": """Northvale Children's Safeguarding Board

Child Safeguarding Practice Review: Child P

Period under review: 1st May 2018 to 30th April 2019

1 Introduction

PM – Child P's mother
PF – Child P's father

2 What happened

On 12th May 2018 PF was arrested after a domestic abuse incident and police shared the information with children's social care the next day.

In August 2018 the school raised concerns about neglect: Child P arrived hungry and in dirty clothes. The concerns were escalated to the designated safeguarding lead.

3 Findings

3.1 Good practice: information was shared promptly between police and children's social care.

3.2 Neglect was recognised but the assessment did not consider the impact of domestic abuse on Child P.
""",  # noqa: E501  (one paragraph per line: the fixture's layout)
}

BROKEN = {"broken_binary.txt": b"\x00\x01\x02 not a review \x00"}


def make_run(src, out):
    """`scr run` outputs, in-process with the session's model, for REVIEWS and BROKEN."""
    from pipeline.batch import Job, process

    for name, text in REVIEWS.items():
        (src / f"{name}.txt").write_text(text, encoding="utf-8")
    for name, data in BROKEN.items():
        (src / name).write_bytes(data)
    for path in sorted(src.iterdir()):
        process(Job(path, out / path.stem, None))
    return out


# the fixtures the store and search tests share: one run of the corpus, indexed once per module
@pytest.fixture(scope="module")
def run_out(tmp_path_factory, nlp) -> Path:
    return make_run(tmp_path_factory.mktemp("reviews"), tmp_path_factory.mktemp("run"))


@pytest.fixture(scope="module")
def db(run_out, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("store") / "corpus.db"
    conn = connect(path)
    index_inputs(conn, [run_out])
    conn.close()
    return path
