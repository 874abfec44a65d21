"""The gold of the second blind set (`tests/data/*_blind2/`) parses and points at its text.

The set is scored once, at the end, by `bench/eval_structure_real.py --blind2`,
`bench/eval_events.py --blind2`, `bench/eval_verify_real.py --blind2` and
`bench/eval_themes.py --blind2`.  A slip in its hand-written gold (a quote not in
the text, a date that is no date, a theme id that does not exist) would only show
then, as a crash or a silent miss, so the gold is checked here without running any
stage of the pipeline on the texts: these tests read files and nothing else.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
FOLDERS = ("real_shapes_blind2", "events_real_shapes_blind2", "verify_real_shapes_blind2", "themes_real_shapes_blind2")
TEXTS = sorted(
    p for p in (DATA / "real_shapes_blind2").iterdir() if p.suffix in (".txt", ".md") and p.name != "README.md"
)
META_FIELDS = ("board", "title", "subject_child", "author", "chair", "pseudonyms_declared", "report_type")


def _loose(text: str, quote: str) -> int:
    """How often `quote` occurs in `text` when any run of white space may be a line break."""
    return len(re.findall(r"\s+".join(re.escape(part) for part in quote.split()), text))


def test_the_four_folders_hold_the_same_texts():
    assert len(TEXTS) >= 6
    for folder in FOLDERS[1:]:
        others = sorted(p for p in (DATA / folder).iterdir() if p.suffix in (".txt", ".md") and p.name != "README.md")
        assert [p.name for p in others] == [p.name for p in TEXTS], folder
        for path in others:
            assert path.read_bytes() == (DATA / "real_shapes_blind2" / path.name).read_bytes(), path


@pytest.mark.parametrize("path", TEXTS, ids=[p.stem for p in TEXTS])
def test_structure_gold(path):
    text = path.read_text(encoding="utf-8")
    gold = json.loads(path.with_name(path.stem + ".gold.json").read_text(encoding="utf-8"))
    assert set(gold) >= {"sections", "key", "metadata", "chrome", "joined", "footnotes"}
    assert set(gold["metadata"]) == set(META_FIELDS)
    assert gold["metadata"]["report_type"] in ("SCR", "CSPR", "unknown")
    for title in gold["sections"]:
        assert _loose(text, title) >= 1, title
    for entry in gold["key"]:
        assert set(entry) == {"code", "description", "kind", "pseudonym"} and entry["kind"] in (
            "family",
            "practitioner",
        )
        assert re.search(rf"(?<!\w){re.escape(entry['code'])}(?!\w)", text), entry
    for string in gold["chrome"]:
        assert string in text, string
    for string in gold["joined"]:  # split by a hard wrap in the text, whole once re-joined
        assert string not in text and _loose(text, string) == 1, string
    for field in ("board", "title", "subject_child", "author", "chair"):
        value = gold["metadata"][field]
        assert (
            value is None or _loose(text.replace("\n", " "), value.replace(" - ", " ")) or value.split()[-1] in text
        ), (field, value)


@pytest.mark.parametrize("path", TEXTS, ids=[p.stem for p in TEXTS])
def test_events_gold(path):
    from pipeline.evaluate import events as eval_events  # only its file-reading helpers are used

    folder = DATA / "events_real_shapes_blind2"
    text = (folder / path.name).read_text(encoding="utf-8")
    gold = eval_events.load_gold(folder / f"{path.stem}.gold.jsonl", text)
    assert gold
    for record in gold:
        assert record["char_start"] >= 0 and _loose(text, record["quote"]) == 1, record["quote"]
        start = dt.date.fromisoformat(record["date"])
        if record["date_end"]:
            assert dt.date.fromisoformat(record["date_end"]) >= start
        assert record["precision"] in ("day", "week", "month", "approx"), record
    for line in (folder / f"{path.stem}.not_events.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        assert record["quote"] in text and record["why"], record
        assert not any(g["quote"] in record["quote"] for g in gold), record  # (a citation inside an event is fine)


def test_verify_gold():
    from pipeline.evaluate import verify_shapes as eval_verify_real  # only its file-reading helpers are used

    fixtures = eval_verify_real.load_fixtures(DATA / "verify_real_shapes_blind2")
    assert [p.name for p, _, _ in fixtures] == [p.name for p in TEXTS if p.suffix == ".txt"]
    for path, text, gold in fixtures:
        assert gold["planted"], path.name
        for string in gold["planted"] + gold["named_on_purpose"] + gold["traps"]:
            assert string in text, (path.name, string)
        assert not set(gold["planted"]) & set(gold["named_on_purpose"]), path.name


@pytest.mark.parametrize("path", TEXTS, ids=[p.stem for p in TEXTS])
def test_themes_gold(path):
    ids = {
        theme["id"] for theme in yaml.safe_load((ROOT / "models" / "themes.yaml").read_text(encoding="utf-8"))["themes"]
    }
    folder = DATA / "themes_real_shapes_blind2"
    text = (folder / path.name).read_text(encoding="utf-8")
    gold = json.loads((folder / f"{path.stem}.gold.json").read_text(encoding="utf-8"))
    assert gold["review"] == path.name and gold["paragraphs"]
    for item in gold["paragraphs"]:
        assert text.count(item["quote"]) == 1, item["quote"]  # the scorer finds it once in the report text
        assert set(item["themes"]) <= ids, item
