"""The marked-up draft sources and the gold generated from them (`pipeline/evaluate/drafts.py`).

The evaluation of pseudonymisation on fictional drafts trusts this gold, so
the generator is checked on a small inline source, and every committed source
must parse, carry a usable key and have no annotation slip (a marked person's
name written somewhere without its markup would silently count as an
"other word" instead of a mention).
"""

from __future__ import annotations

import pytest

from pipeline.evaluate import drafts
from pipeline.evaluate import pseudonymise as ev

TINY = """---
key:
  - code: KM
    role: "Child K's mother"
    names: [Katarzyna Wójcik, Kasia]
  - code: SW1
    role: Social worker
    names: [Helen Leigh, Ms Leigh]
---
4.1 [[KM|Kasia]]'s flat in [[!|Leigh]] was visited by [[SW1|Ms Leigh]]
and [[?gp|Dr Ekwueme]] on [[#DATE_OF_BIRTH|3rd May 2021]]. [[KM|K.W.]] agreed; [[?gp|Dr Ekwueme]] did not.
"""


def test_generator_removes_markup_and_keeps_exact_offsets():
    d = drafts.parse_source(TINY, "tiny")
    assert d.text == (
        "4.1 Kasia's flat in Leigh was visited by Ms Leigh\n"
        "and Dr Ekwueme on 3rd May 2021. K.W. agreed; Dr Ekwueme did not.\n"
    )
    for s in d.spans:
        assert d.text[s.start : s.end] == s.surface
    assert [(s.kind, s.label) for s in d.spans] == [
        ("key", "KM"),
        ("keep", ""),
        ("key", "SW1"),
        ("unknown", "gp"),
        ("id", "DATE_OF_BIRTH"),
        ("key", "KM"),
        ("unknown", "gp"),
    ]
    assert d.spans[0].start == 4 and d.spans[0].end == 9
    assert drafts.problems(d) == []


def test_generated_key_is_a_valid_key_file():
    import yaml

    from pipeline.deid.keyfile import parse_key

    d = drafts.parse_source(TINY, "tiny")
    key = parse_key(yaml.safe_load(d.key_yaml()))
    assert key.codes() == ["KM", "SW1"]
    assert key.by_code()["KM"].names == ("Katarzyna Wójcik", "Kasia")


def test_slips_are_caught():
    slipped = TINY.replace("[[?gp|Dr Ekwueme]] did not", "Dr Ekwueme did not")
    issues = drafts.problems(drafts.parse_source(slipped, "slip"))
    assert any("Ekwueme" in i for i in issues)
    bad_code = drafts.problems(drafts.parse_source(TINY.replace("[[SW1|", "[[SW9|"), "code"))
    assert any("SW9" in i for i in bad_code)
    bad_type = drafts.problems(drafts.parse_source(TINY.replace("#DATE_OF_BIRTH", "#BIRTHDAY"), "type"))
    assert any("BIRTHDAY" in i for i in bad_type)
    id_slip = TINY.replace("did not.", "did not on 3rd May 2021.")
    assert any("3rd May 2021" in i for i in drafts.problems(drafts.parse_source(id_slip, "id")))
    duplicate = TINY.replace("code: SW1", "code: KM")
    assert any("twice" in i for i in drafts.problems(drafts.parse_source(duplicate, "dup")))


def test_malformed_sources_are_refused():
    with pytest.raises(drafts.SourceError):
        drafts.parse_source("no front matter [[KM|Kasia]]", "bad")
    with pytest.raises(drafts.SourceError):
        drafts.parse_source(TINY.replace("[[KM|Kasia]]'s", "[[KM|Kasia]'s"), "bad")


SOURCES = drafts.source_paths(blind=True)


def test_there_are_committed_drafts():
    assert len(drafts.source_paths()) >= 3


@pytest.mark.parametrize("path", SOURCES, ids=[p.name for p in SOURCES])
def test_committed_source_parses_without_slips(path):
    import yaml

    from pipeline.deid.keyfile import parse_key

    d = drafts.load_source(path)
    assert drafts.problems(d) == []
    parse_key(yaml.safe_load(d.key_yaml()))  # usable by scr pseudonymise (raises otherwise)
    for s in d.spans:
        assert d.text[s.start : s.end] == s.surface
    kinds = {s.kind for s in d.spans}
    assert {"key", "unknown", "id", "keep"} <= kinds


# ---------------------------------------------------------------- the scorer of bench/eval_drafts.py


def _replace(text, pieces):
    """Replacements as pseudonymise makes them: (surface occurrence index, surface, replacement, source, type)."""
    from pipeline.deid.pseudonymise import Replacement, rebuild

    reps = []
    for nth, surface, replacement, source, type_ in pieces:
        start = -1
        for _ in range(nth + 1):
            start = text.index(surface, start + 1)
        reps.append(
            Replacement(
                start,
                start + len(surface),
                surface,
                replacement,
                type_,
                source,
                "test",
                1.0,
                code=replacement if source == "known" else None,
            )
        )
    reps.sort(key=lambda r: r.start)
    return reps, rebuild(text, reps)


def test_scorer_counts_left_names_codes_traps_and_identifiers():
    d = drafts.parse_source(TINY, "tiny")
    reps, out = _replace(
        d.text,
        [
            (0, "Kasia", "KM", "known", "PERSON"),
            (1, "Leigh", "SW1", "known", "PERSON"),  # "Ms Leigh": title kept, name coded
            (0, "Leigh", "SW1", "known", "PERSON"),  # the town: a trap touched
            (0, "Ekwueme", "[PERSON-1]", "unknown", "PERSON_UNKNOWN"),
            (1, "Ekwueme", "[PERSON-1]", "unknown", "PERSON_UNKNOWN"),
            (0, "3rd May 2021", "[DATE_OF_BIRTH]", "structured", "DATE_OF_BIRTH"),
        ],
    )
    assert out.startswith(
        "4.1 KM's flat in SW1 was visited by Ms SW1\nand Dr [PERSON-1] on [DATE_OF_BIRTH]. K.W. agreed"
    )
    cov = ev.Coverage(reps, len(d.text))
    titles = drafts._titles()
    people, left, _words = ev.score_people(d, cov, titles)
    assert people["mentions"] == 5 and people["names_left"] == 1  # "K.W." untouched
    assert [x["span"].surface for x in left] == ["K.W."]
    assert people["code_right"] == 4 and people["second_identity"] == 0
    other, failed, _ = ev.score_other(d, cov)
    assert failed == ["Leigh"] and other["other_words_changed"] == 0
    ids, ids_left = ev.score_ids(d, cov)
    assert ids["identifiers_exact"] == 1 and ids_left == []
    # the left-over "K.W." is found at its place in the output
    k = left[0]["chars"][0]
    assert out[cov.out_pos(k)] == "K"


def test_scorer_counts_a_second_identity_and_shared_placeholders():
    d = drafts.parse_source(TINY, "tiny")
    reps, _out = _replace(
        d.text,
        [
            (0, "Kasia", "[PERSON-1]", "unknown", "PERSON_UNKNOWN"),
            (0, "K.W.", "KM", "known", "PERSON"),
            (1, "Leigh", "SW1", "known", "PERSON"),
            (0, "Ekwueme", "[PERSON-2]", "unknown", "PERSON_UNKNOWN"),
            (1, "Ekwueme", "[PERSON-3]", "unknown", "PERSON_UNKNOWN"),  # one unknown person, two placeholders
        ],
    )
    cov = ev.Coverage(reps, len(d.text))
    people, left, _ = ev.score_people(d, cov, drafts._titles())
    assert people["names_left"] == 0
    assert people["second_identity"] == 1
    assert people["code_right_key"] == 2 and people["code_right_unknown"] == 1
    ids, ids_left = ev.score_ids(d, cov)
    assert ids["identifiers_removed"] == 0 and len(ids_left) == 1


FAMILY = """---
key:
  - code: GM
    role: Great-grandmother
    names: [Comfort Adjei]
  - code: FA
    role: Father
    names: [Tobias Quayle]
---
[[GM|Nan Comfort]] came. "[[FA|Dad]] is asleep," said the boy; [[GM|Old Nan]] stayed. [[FA|Tobias]] rang.
"""


def test_a_family_word_left_is_no_name_left_but_the_name_beside_it_is():
    """ "Dad" or "Old Nan" left in the text points at nobody outside the family; "Comfort" of
    "Nan Comfort" does, and "Tobias" left is a name left."""
    d = drafts.parse_source(FAMILY, "family")
    reps, _out = _replace(d.text, [])
    people, left, _ = ev.score_people(d, ev.Coverage(reps, len(d.text)), drafts._titles())
    assert sorted(x["span"].surface for x in left) == ["Nan Comfort", "Tobias"]
    reps, _out = _replace(d.text, [(0, "Comfort", "GM", "known", "PERSON"), (0, "Tobias", "FA", "known", "PERSON")])
    people, left, _ = ev.score_people(d, ev.Coverage(reps, len(d.text)), drafts._titles())
    assert left == [] and people["names_left"] == 0


def test_a_religious_calling_before_a_name_is_no_name_word():
    """ "Pastor [PERSON-2]" keeps the calling by design (titles.yaml `finder`): only the name's letters count."""
    from types import SimpleNamespace

    span = SimpleNamespace(surface="Pastor Ebube Okonji", start=100)
    chars = ev.name_chars(span, drafts._titles())
    assert min(chars) == 107 and max(chars) == 118
