"""Name-rule scores (unknown and keyed names) are data in models/names/scores.yaml, beside their thresholds."""

from __future__ import annotations

import copy
import shutil

import pytest
import yaml

from pipeline.deid.keyfile import parse_key
from pipeline.deid.names import known, unknown
from pipeline.deid.policy import load_policy
from pipeline.nlp import parse
from pipeline.resources import data_fingerprint, load_yaml, models_dir


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


# ---------------------------------------------------------------- keyed names (pipeline/deid/names/known.py)
KEY = parse_key(
    {
        "people": [
            {"code": "AM", "role": "Child A's mother", "names": ["Lena Osei"], "gender": "female"},
            {"code": "AF", "role": "Child A's father", "names": ["Tomas Varga"], "gender": "male"},
            {"code": "Child A", "role": "Child who is the subject of the review", "names": ["Pip"]},
            {"code": "HV", "role": "Health Visitor", "names": ["Odile Brackwater"], "gender": "female"},
            {"code": "KM", "role": "maternal aunt", "names": ["Jade Kershaw"], "gender": "female"},
            {"code": "KF", "role": "maternal uncle", "names": ["Paul Kershaw"], "gender": "male"},
            {"code": "SW", "role": "Social Worker", "names": ["Dean Holt"]},
        ]
    }
)
TEXT = (
    "Odile Fenna Brackwater visited the home. Ms Fenna wrote the note. Mrs Varga was out. "
    "Mr Brackwater was named in error. The letter from brackwater came late. "
    "Ms Kershaw told Mr Kershaw. Paul Kershaw phoned. Kershaw said he was ill. "
    "Dean went out. Mr Holt said D. Holt and Dean H. agreed with DH. Lena said Tomas was late. Mr Tomas left."
)
# each keyed-name score, and the matches of TEXT whose confidence it sets (lowering it lowers exactly these)
SETS = {
    "middle_name": {"Ms Fenna"},  # a middle name learned from "Odile Fenna Brackwater"
    "relative": {"Mrs Varga"},  # the father's surname with a woman's title: the mother
    "title_other_gender": {"Mr Brackwater"},
    "lowercase": {"brackwater"},
    "ambiguous_listed_or_title": {"Ms Kershaw", "Mr Kershaw"},
    "ambiguous_other": {"Kershaw"},  # chosen by the nearest sure mention
    "rules.full_name": {"Paul Kershaw"},
    "rules.surname": {"Odile Fenna Brackwater"},  # a joined run takes the lowest of its parts
    "rules.title_surname": {"Mr Holt"},
    "rules.initial_surname": {"D. Holt"},
    "rules.first_initial": {"Dean H."},
    "rules.initials": {"DH"},
    "rules.first_name": {"Dean", "Lena", "Tomas"},
    "rules.title_first_name": {"Mr Tomas"},
}


@pytest.fixture(scope="module")
def models_copy(tmp_path_factory):
    target = tmp_path_factory.mktemp("scores") / "models"
    shutil.copytree(models_dir(), target)
    return target


@pytest.fixture
def own_scores(models_copy, monkeypatch):
    """Point SCR_MODELS_DIR at a copy of models/ whose keyed-name scores a test may change."""
    original = yaml.safe_load((models_dir() / "names" / "scores.yaml").read_text(encoding="utf-8"))

    def use(known: dict) -> None:
        data = copy.deepcopy(original)
        data["known"] = known
        (models_copy / "names" / "scores.yaml").write_text(yaml.safe_dump(data), encoding="utf-8")
        monkeypatch.setenv("SCR_MODELS_DIR", str(models_copy))
        _clear()

    yield original["known"], use
    monkeypatch.delenv("SCR_MODELS_DIR", raising=False)
    _clear()


def _clear() -> None:
    for cached in (models_dir, load_yaml, data_fingerprint, known.known_scores):
        cached.cache_clear()


def _confidences(lexicon) -> dict[str, float]:
    return {m.text: m.confidence for m in known.find_known_names(TEXT, KEY, lexicon=lexicon)}


@pytest.fixture(scope="module")
def lexicon(nlp):
    return known.english_lexicon(nlp)


def test_every_keyed_name_score_sits_in_zero_to_one():
    data = known.known_scores()
    scalars = {k: v for k, v in vars(data).items() if k != "rules"}
    assert data.rules and scalars
    for name, score in [*scalars.items(), *data.rules.items()]:
        assert isinstance(score, float) and 0 < score <= 1, name
    assert set(yaml.safe_load((models_dir() / "names" / "scores.yaml").read_text())["known"]) == {*scalars, "rules"}


@pytest.mark.parametrize("name", sorted(SETS))
def test_a_keyed_name_score_is_read_from_the_data(name, own_scores, lexicon):
    """Lowering one score in a team's copy of models/ lowers the confidence of exactly the matches it scores."""
    original, use = own_scores
    before = _confidences(lexicon)
    assert SETS[name] <= set(before), f"{name}: the text no longer shows {SETS[name] - set(before)}"
    changed = copy.deepcopy(original)
    where, _, rule = name.partition(".")
    if rule:
        changed[where][rule] = round(changed[where][rule] - 0.05, 2)
    else:
        changed[name] = round(changed[name] - 0.05, 2)
    use(changed)
    after = _confidences(lexicon)
    assert set(after) == set(before)
    moved = {text for text in before if after[text] != before[text]}
    assert moved == SETS[name]
    assert all(after[text] == pytest.approx(before[text] - 0.05) for text in moved)


def test_a_rule_the_data_does_not_list_scores_the_default(own_scores):
    original, use = own_scores
    changed = copy.deepcopy(original)
    changed["default"] = 0.42
    use(changed)
    assert known.NameForm(text="Odile", code="HV", rule="no_such_rule").confidence == 0.42
    assert known.NameForm(text="Odile", code="HV", rule="first_name").confidence == original["rules"]["first_name"]
