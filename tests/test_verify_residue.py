"""`scr verify --key` points at what pseudonymise may have left of a keyed name (fictional key and text)."""

from __future__ import annotations

import pytest

from pipeline.deid.keyfile import parse_key
from pipeline.deid.names.residue import find_residue
from pipeline.deid.names.unknown import lexicon
from pipeline.deid.verify import verify_report
from pipeline.ingest import load_report
from pipeline.nlp import parse_report

KEY = parse_key(
    {
        "people": [
            {"code": "YM", "role": "Child Y's mother", "names": ["Roswitha Kellerman-Diaz", "Ms Kellerman-Diaz"]},
            {"code": "HV", "role": "Health visitor", "names": ["Jo-Anne Pemberton"]},
            {"code": "Child Y", "role": "Subject child", "names": ["Benedikt Kellerman-Diaz"]},
            {"code": "AU", "role": "Maternal aunt", "names": ["Evangelina Mbeki"]},
        ]
    }
)
CODED = (
    "YM told HV that Lina would not be at home. Later RKD rang back.\n"
    "The notes say JAP visited on Monday; Ms K. was out, and roswitha answered the door.\n"
    "Benediktchen was asleep. HV was OK with that. Child Y was seen on 3 May.\n"
)


@pytest.fixture(scope="module")
def coded(tmp_path_factory, nlp):
    path = tmp_path_factory.mktemp("coded") / "coded.txt"
    path.write_text(CODED, encoding="utf-8")
    report = load_report(path)
    return report, parse_report(report, nlp)


def test_each_shape_of_a_left_over_name_is_found_with_whose_it_may_be(coded):
    _, doc = coded
    found = {(r.text, r.kind, r.codes) for r in find_residue(doc, KEY, [], set(KEY.codes()), lexicon().common)}
    assert found == {
        ("Lina", "short_form", ("AU",)),  # the end of Evangelina
        ("K.", "titled_initial", ("YM", "Child Y")),
        ("roswitha", "lower_case", ("YM",)),
        ("Benediktchen", "extended_form", ("Child Y",)),
    }


def test_verify_with_the_key_reports_every_one_at_medium_or_above_and_not_the_codes(coded):
    report, doc = coded
    flagged = {f.text.rstrip(".") for f in verify_report(report, doc, key=KEY) if f.severity in ("medium", "high")}
    for word in ("Lina", "RKD", "JAP", "roswitha", "Benediktchen"):
        assert word in flagged, word
    assert any(w.endswith("K") for w in flagged)
    for word in ("YM", "HV", "OK", "Child", "Monday", "May"):
        assert word not in flagged, word
