"""scr review → decisions.json → scr apply → sign-off → scr verify --signoff, on a fictional draft.

The browser half (deciding on the page itself) is tests/test_review_browser.py;
here the decisions file is written as the page writes it, so every rule of
`apply` and of the sign-off record is checked without a browser.
"""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from fixtures_formats import review_draft
from pipeline.deid.keyfile import load_key
from pipeline.ingest import load_report


@pytest.fixture(scope="module")
def case(tmp_path_factory):
    """A draft (text and Word), its key in a private folder, an output folder, and the review computed in-process."""
    from pipeline.review.model import build_review

    root = tmp_path_factory.mktemp("review")
    key = review_draft.write_key(root / "private")
    txt = review_draft.write_txt(root / "draft.txt")
    docx = review_draft.write_docx(root / "draft.docx")
    (root / "out").mkdir()
    review = build_review(txt, load_key(key))
    return {"root": root, "key": key, "txt": txt, "docx": docx, "review": review}


def _item(review, kind: str, text: str, type_: str | None = None, nth: int = 0):
    found = [
        i
        for i in review.items
        if i.kind == kind
        and (i.text if kind == "replacement" else i.proposed) == text
        and (type_ is None or i.type == type_)
    ]
    found.sort(key=lambda i: i.start)
    return found[nth]


def _decisions(review, decisions: dict) -> dict:
    return {"format": "scr-review-decisions/1", "review_id": review.review_id, "decisions": decisions}


def _write(path: Path, data) -> Path:
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return path


def test_items_are_ordered_stable_and_name_free(case, nlp) -> None:
    from pipeline.review.model import build_review

    review = case["review"]
    kinds = [("amb" if i.ambiguous else i.kind) for i in review.items]
    assert kinds[0] == "amb" and kinds.index("finding") > kinds.index("amb")  # ambiguous names first, then findings
    assert sum(i.ambiguous for i in review.items) >= 2 and len(review.result.unplaced) >= 2
    again = build_review(case["txt"], load_key(case["key"]))
    assert [i.id for i in again.items] == [i.id for i in review.items] and again.review_id == review.review_id
    ids = " ".join(i.id for i in review.items)
    assert not any(name.lower() in ids.lower() for name in review_draft.KEY_NAMES + review_draft.LEFT_OUT)


@pytest.mark.parametrize("fmt", ["txt", "docx"])
def test_empty_decisions_give_exactly_pseudonymise(case, scr, fmt) -> None:
    draft, root = case[fmt], case["root"]
    for n, content in enumerate(("", "{}")):
        decisions = _write(root / f"empty{n}.json", content)
        out = root / "out" / f"final_empty{n}.{fmt}"
        run = scr(
            "apply", draft, "--key", case["key"], "--decisions", decisions, "--out", out, "--reviewer", "Alex Reviewer"
        )
        assert run.returncode == 0, run.stderr.decode()
        coded = root / "out" / f"coded{n}.{fmt}"
        run = scr(
            "pseudonymise", draft, "--key", case["key"], "--out", coded, "--log", root / "private" / f"log{n}.jsonl"
        )
        assert run.returncode == 0, run.stderr.decode()
        if fmt == "txt":
            assert out.read_bytes() == coded.read_bytes()
        else:
            assert load_report(out).text == load_report(coded).text
        record = json.loads((root / "out" / f"final_empty{n}.signoff.json").read_text())
        assert record["replacements"]["accepted"] == record["replacements"]["proposed"] > 0
        assert record["key"]["codes_added"] == [] and record["decisions"]["decided"] == 0


def test_decisions_applied_key_updated_and_signed_off(case, scr, tmp_path) -> None:
    review = case["review"]
    key_dir = tmp_path / "private"
    key = review_draft.write_key(key_dir)
    draft = review_draft.write_txt(tmp_path / "draft.txt")
    laming = _item(review, "replacement", "Lord Laming")
    ambiguous_gp = _item(review, "replacement", "Kershaw", "PERSON")  # "Kershaw told the GP": the grandmother
    darren = _item(review, "replacement", "Darren Whitlow", "PERSON_UNKNOWN")
    brookfield = _item(review, "finding", "Brookfield")
    netherfold = _item(review, "finding", "Netherfold")
    decisions = _write(
        tmp_path / "decisions.json",
        _decisions(
            review,
            {
                laming.id: {"action": "revert"},
                ambiguous_gp.id: {"action": "code", "code": "MGM"},
                darren.id: {"action": "add_person", "code": "MU", "role": "Child M's maternal uncle"},
                brookfield.id: {
                    "action": "dismiss",
                    "reason": "a large estate of several thousand homes; names no family",
                },
                netherfold.id: {"action": "placeholder", "placeholder": "[PLACE]"},
            },
        ),
    )
    out = tmp_path / "published" / "final.txt"
    run = scr("apply", draft, "--key", key, "--decisions", decisions, "--out", out, "--reviewer", "Alex Reviewer")
    assert run.returncode == 0, run.stderr.decode()
    final = out.read_text(encoding="utf-8")
    assert "As Lord Laming wrote" in final and "[PERSON-3]" not in final
    assert "On 10 April 2021 MGM told the GP" in final
    assert "uncle, MU, was present" in final and "MU's van" in final and "[PERSON-2]" not in final
    assert "Sandra" not in final and "[PERSON-1]" in final  # left as proposed
    assert "Brookfield estate" in final and "lived in [PLACE] village" in final
    assert not any(name in final for name in review_draft.KEY_NAMES + ("Darren", "Whitlow"))

    new_key = load_key(key)
    added = new_key.by_code()["MU"]
    assert added.role == "Child M's maternal uncle" and set(added.names) == {"Darren Whitlow", "Darren"}
    backups = list(key_dir.glob("key.yaml.bak-*"))
    assert len(backups) == 1 and backups[0].read_text() == review_draft.KEY
    for path in (key, backups[0]):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600

    log = key_dir / "final.replacements.jsonl"
    assert stat.S_IMODE(log.stat().st_mode) == 0o600
    from pipeline import stagefile

    logged = stagefile.loads(log.read_text(encoding="utf-8"))
    assert logged.header["review_id"] == review.review_id
    placed = {(r["text"], r["replacement"]) for r in logged.records if r["record"] == "replacement"}
    assert (
        ("Darren Whitlow", "MU") in placed
        and ("Netherfold", "[PLACE]") in placed
        and not any(t == "Lord Laming" for t, _ in placed)
    )
    assert all(
        final[r["out_start"] : r["out_end"]] == r["replacement"] for r in logged.records if r["record"] == "replacement"
    )

    record_path = out.with_name("final.signoff.json")
    record_text = record_path.read_text(encoding="utf-8")
    html_text = out.with_name("final.signoff.html").read_text(encoding="utf-8")
    for name in [n for p in new_key.people for n in p.names]:
        assert name not in record_text and name not in html_text, "the sign-off record must hold no name from the key"
    record = json.loads(record_text)
    assert record["signed_off_by"] == "Alex Reviewer" and record["key"]["codes_added"] == ["MU"]
    assert record["output"]["sha256"] and record["input"]["sha256"] == review.report.source.sha256
    assert record["rules"].startswith("sha256:") and record["tool"]["version"]
    assert [d["reason"] for d in record["dismissed"]] == ["a large estate of several thousand homes; names no family"]
    assert record["dismissed"][0]["text"] == "Brookfield" and "several thousand homes" in html_text
    assert record["replacements"]["reverted"] == 1 and record["replacements"]["code_changed"] == 1
    assert record["replacements"]["added_person_mentions"] == sum(
        1 for r in review.result.replacements if r.replacement == "[PERSON-2]"
    )

    # verify against the record: the dismissed finding is accepted, so even --fail-on low passes
    plain = scr("verify", out, "--fail-on", "low")
    assert plain.returncode == 1 and "Brookfield" in plain.stdout.decode()
    signed = scr("verify", out, "--signoff", record_path, "--fail-on", "low")
    assert signed.returncode == 0, signed.stdout.decode() + signed.stderr.decode()
    assert (
        "accepted QUASI_PLACE 'Brookfield'" in signed.stdout.decode()
        and "changed after sign-off" not in signed.stderr.decode()
    )

    # a name typed back after sign-off fails the check, and the changed file is reported
    out.write_text(final.replace("uncle, MU, was present", "uncle, Darren Whitlow, was present"), encoding="utf-8")
    changed = scr("verify", out, "--signoff", record_path)
    assert changed.returncode == 1
    assert "Darren Whitlow" in changed.stdout.decode() and "changed after sign-off" in changed.stderr.decode()


BAD = {
    "wrong review": (
        lambda r, ids: {
            "format": "scr-review-decisions/1",
            "review_id": "rv-00000000000000000000",
            "decisions": {ids["laming"]: {"action": "revert"}},
        },
        "another review",
    ),
    "unknown id": (lambda r, ids: _decisions(r, {"r-000000000000": {"action": "accept"}}), "unknown item id"),
    "code clashes with the key": (
        lambda r, ids: _decisions(r, {ids["darren"]: {"action": "add_person", "code": "MGM", "role": "uncle"}}),
        "already in the key",
    ),
    "dismissal without a reason": (
        lambda r, ids: _decisions(r, {ids["brookfield"]: {"action": "dismiss", "reason": "  "}}),
        "reason",
    ),
    "code not in the key": (
        lambda r, ids: _decisions(r, {ids["laming"]: {"action": "code", "code": "ZZ"}}),
        "not in the key",
    ),
    "add a keyed person": (
        lambda r, ids: _decisions(r, {ids["jade"]: {"action": "add_person", "code": "X1", "role": "x"}}),
        "only an unlisted person",
    ),
    "a finding accepted like a replacement": (
        lambda r, ids: _decisions(r, {ids["brookfield"]: {"action": "revert"}}),
        "is a finding",
    ),
    "a reason naming a keyed person": (
        lambda r, ids: _decisions(r, {ids["brookfield"]: {"action": "dismiss", "reason": "Pauline never lived there"}}),
        "names a person of the key",
    ),
    "one person added twice with different codes": (
        lambda r, ids: _decisions(
            r,
            {
                ids["darren"]: {"action": "add_person", "code": "MU", "role": "uncle"},
                ids["darren2"]: {"action": "add_person", "code": "MU2", "role": "uncle"},
            },
        ),
        "added twice",
    ),
    "one new code for two people": (
        lambda r, ids: _decisions(
            r,
            {
                ids["darren"]: {"action": "add_person", "code": "MU", "role": "uncle"},
                ids["sandra"]: {"action": "add_person", "code": "MU", "role": "health visitor"},
            },
        ),
        "given to two people",
    ),
    "a placeholder that is not one": (
        lambda r, ids: _decisions(r, {ids["brookfield"]: {"action": "placeholder", "placeholder": "<b>x</b>"}}),
        "capitals in brackets",
    ),
    "not JSON": (lambda r, ids: "{decisions: nope", "not JSON"),
}


@pytest.mark.parametrize("name", list(BAD))
def test_bad_decisions_are_refused_and_change_nothing(case, scr, tmp_path, name) -> None:
    review = case["review"]
    ids = {
        "laming": _item(review, "replacement", "Lord Laming").id,
        "darren": _item(review, "replacement", "Darren Whitlow").id,
        "brookfield": _item(review, "finding", "Brookfield").id,
        "jade": _item(review, "replacement", "Jade Kershaw").id,
        "darren2": _item(review, "replacement", "Darren", "PERSON_UNKNOWN").id,
        "sandra": _item(review, "replacement", "Sandra Okafor", "PERSON_UNKNOWN").id,
    }
    make, message = BAD[name]
    key = review_draft.write_key(tmp_path / "private")
    draft = review_draft.write_txt(tmp_path / "draft.txt")
    data = make(review, ids)
    decisions = _write(tmp_path / "decisions.json", data)
    out = tmp_path / "published" / "final.txt"
    run = scr("apply", draft, "--key", key, "--decisions", decisions, "--out", out, "--reviewer", "Alex Reviewer")
    err = run.stderr.decode()
    assert run.returncode == 2, err
    assert message in err and len(err.strip().splitlines()) == 1
    assert not any(n in err for n in review_draft.KEY_NAMES), "an error names items by id, never by a real name"
    assert not out.parent.exists() and key.read_text() == review_draft.KEY
    assert sorted(p.name for p in key.parent.iterdir()) == ["key.yaml"]


def test_review_page_is_private_beside_the_key_and_apply_keeps_final_away_from_it(case, scr) -> None:
    root = case["root"]
    run = scr("review", case["txt"], "--key", case["key"])
    assert run.returncode == 0, run.stderr.decode()
    page = case["key"].parent / "draft.review.html"
    assert stat.S_IMODE(page.stat().st_mode) == 0o600
    html = page.read_text(encoding="utf-8")
    assert "Jade Kershaw" in html and case["review"].review_id in html and "<script src" not in html
    refused = scr("review", case["txt"], "--key", case["key"], "--out", root / "out" / "review.html")
    assert refused.returncode == 2 and "beside the key" in refused.stderr.decode()
    assert not (root / "out" / "review.html").exists()
    empty = _write(root / "empty_beside.json", "")
    beside = scr(
        "apply",
        case["txt"],
        "--key",
        case["key"],
        "--decisions",
        empty,
        "--out",
        case["key"].parent / "final.txt",
        "--reviewer",
        "Alex Reviewer",
    )
    assert beside.returncode == 2 and "beside the key" in beside.stderr.decode()


def test_verify_refuses_a_record_that_is_not_one(case, scr) -> None:
    bogus = _write(case["root"] / "bogus.signoff.json", {"format": "something else"})
    run = scr("verify", case["txt"], "--signoff", bogus)
    assert run.returncode == 2 and "not a scr-signoff/1 record" in run.stderr.decode()
