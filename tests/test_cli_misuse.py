"""The command line as a new user misuses it: every refusal is one `error:` line and exit 2.

Each case runs `scr` in-process through `pipeline.cli.main` (the real entry
point: its exit code and stderr, not typer's test runner), before any model
is loaded, so the file stays fast.  All text is invented.  Each case checks
the README's exit code, exactly one `error:` line naming the option or file,
no traceback, and the files on disk: nothing half-written, no input changed.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from pipeline import cli
from pipeline.errors import UnusableInput
from pipeline.fileio import atomic_write_text, check_writable

REVIEW = "Serious Case Review: Child P\n\n1.1 Lena Marsh, the mother of Child P, moved to Upbury in 2015.\n"
KEY = 'people:\n  - code: LM\n    role: "Child P\'s mother"\n    names: [Lena Marsh]\n'


def scr(monkeypatch, capsys, *args) -> tuple[int, str, str]:
    """`scr ARGS` through the entry point: (exit code, stdout, stderr)."""
    monkeypatch.setattr(sys, "argv", ["scr", *map(str, args)])
    monkeypatch.delenv("SCR_DEBUG", raising=False)
    with pytest.raises(SystemExit) as stopped:
        cli.main()
    captured = capsys.readouterr()
    return stopped.value.code, captured.out, captured.err


def refused(result: tuple[int, str, str], *words: str) -> str:
    """Exit 2, one `error:` line (no box, no traceback) holding every word; the line."""
    code, _, err = result
    assert code == 2, (code, err)
    assert "Traceback" not in err and "╭" not in err, err
    errors = [line for line in err.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and len(err.strip().splitlines()) == 1, err
    for word in words:
        assert word in errors[0], errors[0]
    return errors[0]


@pytest.fixture
def case(tmp_path) -> dict[str, Path]:
    review = tmp_path / "review.txt"
    review.write_text(REVIEW, encoding="utf-8")
    private = tmp_path / "private"
    private.mkdir()
    key = private / "key.yaml"
    key.write_text(KEY, encoding="utf-8")
    key.chmod(0o600)
    return {"review": review, "key": key, "root": tmp_path}


def _files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


# ---------------------------------------------------------------- misused options: one line, not a box
@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["verify", "{review}", "--format", "xml"], ["--format", "'xml'", "text", "json", "verify --help"]),
        (["verify", "{review}", "--fail-on", "critical"], ["--fail-on", "'critical'"]),
        (["events", "{review}", "--format", "yaml"], ["--format", "'yaml'", "jsonl", "csv"]),
        (["themes", "{review}", "--format", "table"], ["--format", "'table'", "profile"]),
        (["search", "--db", "{root}/s.db", "--format", "xml"], ["--format", "'xml'"]),
        (["run", "{review}", "--out", "{root}/out", "--workers", "0"], ["--workers"]),
        (["verify"], ["Missing argument", "verify --help"]),
        (["verify", "{review}", "--bogus"], ["--bogus"]),
        (["frobnicate"], ["frobnicate"]),
    ],
)
def test_a_misused_option_is_one_error_line_and_exit_2(monkeypatch, capsys, case, args, words):
    before = _files(case["root"])
    args = [a.format(review=case["review"], root=case["root"]) for a in args]
    line = refused(scr(monkeypatch, capsys, *args), *words)
    assert "Value error" not in line
    assert _files(case["root"]) == before


def test_bare_scr_still_shows_the_help(monkeypatch, capsys):
    code, out, err = scr(monkeypatch, capsys)
    assert code == 2 and "Usage" in out + err and "pseudonymise" in out + err and "error:" not in err


def test_help_and_version_exit_0(monkeypatch, capsys):
    code, out, _ = scr(monkeypatch, capsys, "--version")
    assert code == 0 and out.startswith("scr ")
    code, out, _ = scr(monkeypatch, capsys, "events", "--help")
    assert code == 0 and "--format" in out


# ---------------------------------------------------------------- outputs the system would refuse
@pytest.mark.parametrize(
    "args",
    [
        ["events", "{review}", "--out", "{review}/events.jsonl"],
        ["themes", "{review}", "--out", "{review}/sub/themes.jsonl"],
        ["ingest", "{review}", "--out", "{review}/reports"],
        ["run", "{review}", "--out", "{review}/out"],
        ["pseudonymise", "{review}", "--key", "{key}", "--out", "{root}/coded.txt", "--log", "{review}/log.jsonl"],
        ["report", "{review}", "--out", "{review}/page.html"],
    ],
)
def test_an_output_under_a_file_is_refused_before_any_work(monkeypatch, capsys, case, args):
    """Before: the command parsed the review, then died on the write as an internal error (exit 3)."""
    before = _files(case["root"])
    args = [a.format(**case) for a in args]
    refused(scr(monkeypatch, capsys, *args), str(case["review"]), "is a file, not a directory")
    assert _files(case["root"]) == before


@pytest.fixture
def store(case) -> Path:
    from pipeline.store import connect

    path = case["root"] / "corpus.db"
    connect(path).close()
    return path


@pytest.mark.parametrize("option", ["--out", "--plot"])
def test_compare_output_that_is_a_directory_is_refused(monkeypatch, capsys, case, store, option):
    """Before: the matrix was computed, then `os.replace` onto the folder was an internal error (exit 3)."""
    folder = case["root"] / "results"
    folder.mkdir()
    refused(scr(monkeypatch, capsys, "compare", "--db", store, option, folder), option, str(folder), "directory")
    assert list(folder.iterdir()) == [] and [p.name for p in case["root"].glob(".*")] == []


def test_compare_output_under_a_file_is_refused(monkeypatch, capsys, case, store):
    target = case["review"] / "matrix.csv"
    refused(scr(monkeypatch, capsys, "compare", "--db", store, "--out", target), "--out", "is a file")


def test_an_output_folder_without_write_permission_is_refused(monkeypatch, capsys, case):
    """Checked with os.access (so it holds as root too, where chmod would not stop the write)."""
    locked = case["root"] / "locked"
    locked.mkdir()
    real = os.access
    monkeypatch.setattr(os, "access", lambda p, mode: False if Path(p) == locked else real(p, mode))
    line = refused(
        scr(monkeypatch, capsys, "events", case["review"], "--out", locked / "e.jsonl"), "no permission", str(locked)
    )
    assert "Lena" not in line and list(locked.iterdir()) == []


# ---------------------------------------------------------------- inputs under another name, missing inputs
def test_a_hard_link_to_the_input_is_never_overwritten(monkeypatch, capsys, case):
    link = case["root"] / "same.txt"
    os.link(case["review"], link)
    refused(
        scr(monkeypatch, capsys, "pseudonymise", case["review"], "--key", case["key"], "--out", link),
        "refusing to overwrite the input",
    )
    refused(scr(monkeypatch, capsys, "events", case["review"], "--out", link), "refusing to overwrite the input")
    assert case["review"].read_text(encoding="utf-8") == REVIEW


def test_run_with_a_mistyped_input_is_exit_2_and_makes_no_folder(monkeypatch, capsys, case):
    """Before: exit 1 ("a batch with failed documents") after loading the model, with OUT/nope/ made."""
    out = case["root"] / "out"
    refused(scr(monkeypatch, capsys, "run", case["review"], case["root"] / "nope.txt", "--out", out), "nope.txt")
    assert not out.exists()


def test_review_page_must_be_html(monkeypatch, capsys, case):
    page = case["key"].parent / "review.txt"
    refused(scr(monkeypatch, capsys, "review", case["review"], "--key", case["key"], "--out", page), ".html")
    assert not page.exists()


def test_an_unreadable_key_is_exit_2_naming_it_not_an_internal_error(monkeypatch, capsys, case):
    """A key this user may not read (simulated: chmod 000 does not stop root) is theirs to fix, exit 2."""
    real = Path.read_bytes

    def read_bytes(self):
        if self.name == "key.yaml":
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    out = case["root"] / "coded.txt"
    line = refused(
        scr(monkeypatch, capsys, "pseudonymise", case["review"], "--key", case["key"], "--out", out),
        str(case["key"]),
        "permission denied",
    )
    assert "internal error" not in line and not out.exists()


# ---------------------------------------------------------------- interrupted: nothing half-written
def test_ctrl_c_mid_command_exits_130_and_writes_nothing(monkeypatch, capsys, case):
    from pipeline.commands import ingest

    def interrupted(path):
        raise KeyboardInterrupt

    monkeypatch.setattr(ingest, "load_report", interrupted)
    out = case["root"] / "out"
    code, _, err = scr(monkeypatch, capsys, "ingest", case["review"], "--out", out)
    assert code == 130 and "Traceback" not in err
    assert not out.exists() or list(out.iterdir()) == []


def test_an_interrupted_write_keeps_the_old_file_and_leaves_no_temporary(monkeypatch, tmp_path):
    target = tmp_path / "events.jsonl"
    target.write_text("old\n", encoding="utf-8")

    def interrupted(fd):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        atomic_write_text(target, "new\n" * 1000)
    assert target.read_text(encoding="utf-8") == "old\n" and [p.name for p in tmp_path.iterdir()] == ["events.jsonl"]


def test_a_refused_write_is_unusable_input_naming_the_path(tmp_path):
    """The last line of defence when no check ran first: a folder in the way, a file where a folder should be."""
    folder = tmp_path / "taken"
    folder.mkdir()
    with pytest.raises(UnusableInput, match="taken: it is a directory"):
        atomic_write_text(folder, "x")
    afile = tmp_path / "notes.txt"
    afile.write_text("x", encoding="utf-8")
    with pytest.raises(UnusableInput, match="cannot write .*notes.txt/out.csv"):
        atomic_write_text(afile / "out.csv", "x")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt", "taken"]


def test_check_writable_accepts_new_nested_folders(tmp_path):
    check_writable(tmp_path / "a" / "b" / "c.csv")
    check_writable(tmp_path / "a" / "b", folder=True)
    with pytest.raises(UnusableInput, match="is a file, not a directory"):
        (tmp_path / "f").write_text("x", encoding="utf-8")
        check_writable(tmp_path / "f", folder=True)


def test_apply_drops_an_old_signoff_once_final_is_replaced(tmp_path):
    """The record of an earlier apply goes as soon as FINAL is rewritten, so an apply
    interrupted during its re-verify never leaves FINAL beside a record that is not its own."""
    from pipeline.commands.apply import discard_old_signoff, signoff_paths

    final = tmp_path / "final.txt"
    final.write_text("coded text", encoding="utf-8")
    for path in signoff_paths(final):
        path.write_text("{}", encoding="utf-8")
    discard_old_signoff(final)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["final.txt"]
    discard_old_signoff(final)  # none left: nothing to do, no error


def test_an_internal_error_names_the_place_not_the_text(monkeypatch, capsys, case):
    """A bug's message may quote the review; the one line (bound for CI logs) gives type and place only."""
    from pipeline.commands import ingest

    def broken(path):
        raise KeyError("Lena Marsh")

    monkeypatch.setattr(ingest, "load_report", broken)
    code, _, err = scr(monkeypatch, capsys, "ingest", case["review"], "--out", case["root"] / "out")
    assert code == 3 and "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert "Lena" not in err and "KeyError at pipeline/commands/ingest.py:" in err and "in ingest" in err
    monkeypatch.setenv("SCR_DEBUG", "1")
    monkeypatch.setattr(sys, "argv", ["scr", "ingest", str(case["review"]), "--out", str(case["root"] / "out")])
    with pytest.raises(KeyError):  # the whole story, on request
        cli.main()


def test_run_never_reads_its_own_output_folder_back_as_reviews(tmp_path):
    """Before: `scr run reviews --out reviews/out` took a page left in reviews/out for a review."""
    from pipeline.batch import discover
    from pipeline.commands.run import outside_output

    reviews = tmp_path / "reviews"
    (reviews / "out" / "a").mkdir(parents=True)
    (reviews / "a.txt").write_text(REVIEW, encoding="utf-8")
    (reviews / "out" / "a.html").write_text("<p>page</p>", encoding="utf-8")
    found = discover([reviews])
    assert reviews / "out" / "a.html" in found
    assert outside_output(found, [reviews], reviews / "out") == [reviews / "a.txt"]
    named = reviews / "out" / "a.html"  # named on purpose: kept
    assert outside_output(discover([named]), [named], reviews / "out") == [named]


def test_apply_refuses_a_decisions_file_that_is_not_json_before_any_work(monkeypatch, capsys, case):
    """Giving the review page instead of decisions.json: refused at once, not after the model has loaded."""
    from pipeline.review import model

    def no_model(*args, **kwargs):
        raise AssertionError("the review was built before the decisions file was checked")

    monkeypatch.setattr(model, "build_review", no_model)
    page = case["key"].parent / "review.review.html"
    page.write_text("<html><p>Lena Marsh</p></html>", encoding="utf-8")
    out = case["root"] / "final" / "final.txt"
    args = [
        "apply",
        case["review"],
        "--key",
        case["key"],
        "--decisions",
        page,
        "--out",
        out,
        "--reviewer",
        "A. Example",
    ]
    line = refused(scr(monkeypatch, capsys, *args), str(page), "not JSON")
    assert "Lena" not in line and not out.parent.exists()
