"""Unknown-name rule scores are data (models/names/scores.yaml), checked against the thresholds they meet."""

from __future__ import annotations

import copy

from pipeline.deid.names import unknown
from pipeline.deid.policy import load_policy
from pipeline.nlp import parse


def test_every_rule_score_is_one_verify_can_report():
    """A rule scoring below verify's min_confidence would propose names nobody ever sees."""
    data = unknown.scores()
    floor = float(load_policy().names["min_confidence"])
    assert data["rules"], "no rule scores"
    for rule, score in data["rules"].items():
        assert floor <= float(score) <= float(data["ceiling"]), rule
    assert floor < float(data["repeat_min_confidence"]) <= float(data["ceiling"])


def test_a_candidate_takes_its_rule_score_from_the_data(nlp, monkeypatch):
    text = "On Tuesday the social worker spoke to Ms Quillfeather about the visit."
    doc = parse(text, nlp, [])
    before = {c.text: c for c in unknown.find_unknown_names(doc)}
    assert "Quillfeather" in before and "title" in before["Quillfeather"].rule.split("+")
    changed = copy.deepcopy(unknown.scores())
    changed["rules"]["title"] = 0.5
    changed["rules"]["gazetteer_unambiguous"] = 0.5
    changed["rules"]["syntax_person_slot"] = 0.5
    changed["agreement_bonus"] = 0.0
    monkeypatch.setattr(unknown, "scores", lambda: changed)
    after = {c.text: c for c in unknown.find_unknown_names(parse(text, nlp, []))}
    assert after["Quillfeather"].confidence < before["Quillfeather"].confidence
    rules = [r for r in after["Quillfeather"].rule.split("+") if r in changed["rules"]]
    assert after["Quillfeather"].confidence == max(float(changed["rules"][r]) for r in rules)
