"""The author's key file: valid keys load, bad keys stop with a message naming the entry."""

from __future__ import annotations

import stat
import textwrap

import pytest

from pipeline.deid.keyfile import KeyFileError, infer_child, infer_gender, load_key, parse_key, role_head
from pipeline.errors import UnusableInput


def write(tmp_path, text: str, name: str = "key.yaml"):
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


GOOD = """
people:
  - code: EM
    role: "Child E's mother"
    names: [Jade Kershaw, Jade, Ms Kershaw]
  - code: EMGF
    role: maternal grandfather
    names: [Paul Kershaw]
  - code: ESW
    role: Social Worker for Child E
    names: [Sam Wood]
    gender: f
  - code: Child E
    role: Child who is the subject of the review
    names: [Lily Kershaw]
"""


def test_valid_key_loads_people_in_order(tmp_path):
    key = load_key(write(tmp_path, GOOD))
    assert [p.code for p in key.people] == ["EM", "EMGF", "ESW", "Child E"]
    em = key.by_code()["EM"]
    assert em.names == ("Jade Kershaw", "Jade", "Ms Kershaw")
    assert em.role == "Child E's mother"
    assert len(key.sha256) == 64 and key.path.name == "key.yaml"


def test_gender_comes_from_field_title_or_role(tmp_path):
    key = load_key(write(tmp_path, GOOD)).by_code()
    assert key["EM"].gender == "female"  # listed "Ms Kershaw" and role "mother"
    assert key["EMGF"].gender == "male"  # role "grandfather"
    assert key["ESW"].gender == "female"  # explicit gender: f
    assert key["Child E"].gender is None


def test_role_head_and_child_inference():
    assert role_head("Child E’s older sibling") == "older sibling"
    assert role_head("Foster Carer for Child E") == "Foster Carer"
    assert infer_child("Child who is the subject of the review")
    assert infer_child("Child E’s older sibling")
    assert not infer_child("Foster Carer for Child E")  # "Child" is in the tail, not the head
    assert not infer_child("Child E’s mother")
    assert infer_gender([], "her partner") is None  # a pronoun says nothing about the partner
    assert infer_gender(["Mr Jones"], "neighbour") == "male"


def test_explicit_child_flag_overrides_the_role(tmp_path):
    key = load_key(
        write(
            tmp_path,
            """
        people:
          - {code: AB, role: cousin, names: [Tom Reed], child: true}
          - {code: CD, role: Child E's sister, names: [Ann Reed], child: false}
    """,
        )
    ).by_code()
    assert key["AB"].child is True and key["CD"].child is False


def test_bare_list_of_people_is_accepted():
    key = parse_key([{"code": "EM", "names": ["Jade Kershaw"]}])
    assert key.codes() == ["EM"]


@pytest.mark.parametrize(
    "body, expected",
    [
        ("people:\n  - role: mother\n    names: [Jade Kershaw]\n", "entry 1 has no code"),
        (
            "people:\n  - code: EM\n    names: [Jade Kershaw]\n  - code: EM\n    names: [Dean Holt]\n",
            "entry 2 (code 'EM') repeats the code of entry 1",
        ),
        (
            (
                "people:\n  - code: EM\n    names: [Jade Kershaw, Jade]\n  - code: EMGM\n    names: [Carol "
                "Kershaw, jade]\n"
            ),
            "entry 2 (code 'EMGM'): name 2 is also listed under entry 1",
        ),
        ("people:\n  - code: EM\n    role: mother\n", "entry 1 (code 'EM'): no names listed"),
        ("people:\n  - code: EM\n    names: []\n", "`names` must be a non-empty list"),
        ("people:\n  - code: EM\n    names: [Jade Kershaw, '']\n", "name 2 is empty"),
        ("people:\n  - just a string\n", "entry 1 is not a mapping"),
        ("people:\n  - code: EM\n    names: [Jade Kershaw]\n    gender: sometimes\n", "gender must be"),
        ("people:\n  - code: EM\n    names: [EM]\n", "name 1 is the code itself"),
        ("people: []\n", "`people` must be a non-empty list"),
        ("codes: [EM]\n", "expected a mapping with a `people:` list"),
    ],
)
def test_bad_keys_name_the_entry(tmp_path, body, expected):
    with pytest.raises(KeyFileError) as err:
        load_key(write(tmp_path, body))
    assert expected in str(err.value)
    assert isinstance(err.value, UnusableInput)


def test_error_messages_never_quote_real_names(tmp_path):
    body = "people:\n  - code: EM\n    names: [Jade Kershaw]\n  - code: EMGM\n    names: [Jade Kershaw]\n"
    with pytest.raises(KeyFileError) as err:
        load_key(write(tmp_path, body))
    assert "Jade" not in str(err.value) and "Kershaw" not in str(err.value)


def test_malformed_yaml_gives_the_line(tmp_path):
    with pytest.raises(KeyFileError, match=r"malformed YAML at line 4, column \d+"):
        load_key(write(tmp_path, "people:\n  - code: EM\n    names: [Jade Kershaw\n  - code: EF\n"))


@pytest.mark.parametrize("content", [b"", b"   \n\n", b"\xff\xfe\x00\x00garbage\x80"])
def test_empty_or_binary_key_files_are_refused(tmp_path, content):
    path = tmp_path / "key.yaml"
    path.write_bytes(content)
    with pytest.raises(KeyFileError):
        load_key(path)


def test_missing_key_file(tmp_path):
    with pytest.raises(KeyFileError, match="does not exist"):
        load_key(tmp_path / "nope.yaml")


def test_cli_bad_key_exits_2_naming_the_entry(tmp_path, scr):
    draft = tmp_path / "draft.txt"
    draft.write_text("Jade went home.\n", encoding="utf-8")
    keydir = tmp_path / "keys"
    keydir.mkdir()
    key = write(keydir, "people:\n  - code: EM\n    names: [Jade]\n  - code: EM\n    names: [Dean]\n")
    result = scr("pseudonymise", draft, "--key", key, "--out", tmp_path / "out" / "coded.txt")
    assert result.returncode == 2
    assert b"entry 2 (code 'EM') repeats the code of entry 1" in result.stderr
    assert b"Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()
    assert stat.S_IMODE(key.stat().st_mode)  # the key itself is left alone


def test_a_field_given_twice_in_one_entry_is_refused(tmp_path):
    # YAML would keep the last "code" silently and code the person HV without a word
    body = "people:\n  - code: EM\n    names: [Lena Marsh]\n    code: HV\n"
    with pytest.raises(KeyFileError, match=r"malformed YAML at line 4.*'code' is given twice"):
        load_key(write(tmp_path, body))


def test_an_entry_error_names_the_key_file(tmp_path):
    path = write(tmp_path, "people:\n  - code: EM\n    role: mother\n")
    with pytest.raises(KeyFileError) as err:
        load_key(path)
    assert str(err.value).startswith(f"key file {path}: entry 1 (code 'EM'): no names listed")
