"""The one template syntax of the rule files: `<<name>>`, filled by `pipeline.resources.fill_template`."""

from __future__ import annotations

import re

import pytest

from pipeline.resources import fill_template, models_dir


def test_placeholders_are_filled_and_quantifiers_left_alone():
    filled = fill_template(r"\b<<DAY>>\s+\d{1,3}\s+(?:<<unit>>){0,2}", {"DAY": r"\d{1,2}", "unit": "weeks?"})
    assert filled == r"\b\d{1,2}\s+\d{1,3}\s+(?:weeks?){0,2}"
    assert re.fullmatch(filled, "12 345 weeksweek")


def test_a_value_is_inserted_as_it_is_not_read_again():
    # a value that itself looks like a placeholder or holds a backslash is not expanded a second time
    assert fill_template("<<A>>-<<B>>", {"A": "<<B>>", "B": r"\1"}) == r"<<B>>-\1"


def test_a_placeholder_without_a_value_is_refused_with_the_file_name():
    with pytest.raises(KeyError, match=r"models/dates/patterns\.yaml.*<<MONTH>>"):
        fill_template(r"<<DAY>> <<MONTH>>", {"DAY": r"\d+"}, "models/dates/patterns.yaml")


def test_no_rule_file_uses_the_old_brace_syntax():
    """`{NAME}` next to a quantifier `{1,3}` is ambiguous; every rule file writes `<<NAME>>`."""
    # not `\p{L}` (a Unicode class) nor `{{token}}` (the SQL schema's own syntax, another language)
    old = re.compile(r"(?<!\{)(?<!\\[pPN])\{[A-Za-z_]\w*\}(?!\})")
    offenders = [
        f"{path.relative_to(models_dir())}:{n}"
        for path in sorted(models_dir().rglob("*.yaml"))
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if old.search(line)
    ]
    assert offenders == []


def test_every_templated_rule_file_loads():
    """Each loader fills every placeholder of its file (a missing one would raise)."""
    from pipeline.deid.names import unknown
    from pipeline.events import candidates
    from pipeline.lexicon import kpe
    from pipeline.structure import key

    assert candidates.compiled_patterns() and candidates.citation_patterns()
    assert key._inline_patterns(True, True)
    patterns, key_line = unknown._pseudonym_patterns()
    assert patterns and "(?P<name>" in key_line.pattern
    assert kpe().marker.search("was taken to hospital (KPE 4).")
