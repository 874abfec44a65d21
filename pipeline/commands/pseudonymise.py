"""`scr pseudonymise FILE --key KEY.yaml --out OUT`: a coded copy of a draft.

Writes the coded text to OUT (same format as FILE: .txt/.md, or .docx for a
Word draft, keeping its formatting; a PDF draft gives .txt/.md) and a replacement log
(JSON Lines, owner-only) beside the KEY, never beside OUT: the log maps real
names to codes, so it lives with the key, which is already private.  The
terminal shows counts and placeholders only; real names appear there only
with `--show-names`.  Nothing is fetched from the network.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, cast

import typer

from .. import __version__
from ..deid.keyfile import load_key
from ..errors import UnusableInput
from ..fileio import atomic_write_text, check_writable, refuse_overwriting_input, sha256_bytes
from .common import MODEL_OPTION

if TYPE_CHECKING:
    from ..deid.word_writer import TrackedChoice

OUTPUT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}  # .docx for a Word draft


class TrackedChanges(str, Enum):
    """A Word draft's tracked changes: a choice typer checks before any work (the writer's TrackedChoice)."""

    accept = "accept"
    reject = "reject"


def default_log_path(key_path: Path, out: Path) -> Path:
    """`<key dir>/<output stem>.replacements.jsonl`."""
    return key_path.parent / f"{out.stem}.replacements.jsonl"


def choose_log_path(key_path: Path, out: Path, log: Path | None) -> Path:
    """The log path, refusing any place beside the output (it holds real names)."""
    out_dir = out.resolve().parent
    if log is None:
        if key_path.resolve().parent == out_dir:
            raise UnusableInput(
                f"the key {key_path} is in the output's directory, so the replacement log (which holds the real "
                f"names) would sit beside the coded output; move the key elsewhere or give --log PATH outside {out_dir}"
            )
        log = default_log_path(key_path, out)
    if log.resolve().parent == out_dir:
        raise UnusableInput(
            f"--log {log} is beside the output; the log holds real names and must be kept apart from {out.name}"
        )
    return log


def check_paths(file: Path, key_path: Path, out: Path, log: Path) -> None:
    """Never overwrite an input (draft or key) with an output, nor the output with the log."""
    refuse_overwriting_input(out, file, key_path)
    refuse_overwriting_input(log, file, key_path, out)
    if file.suffix.lower() == ".docx":
        if out.suffix.lower() != ".docx":
            raise UnusableInput(f"--out {out}: a Word draft is written back as .docx (its own format)")
    elif out.suffix.lower() not in OUTPUT_SUFFIXES:
        raise UnusableInput(f"--out {out}: write the coded text as .txt or .md (the input's format)")
    check_writable(out)
    check_writable(log, "--log")


def summary_lines(result, show_names: bool) -> list[str]:
    """What the author is told on the terminal: counts, codes and placeholders."""
    counts = result.counts()
    lines = [f"replaced {len(result.replacements)} spans: " + ", ".join(f"{t} {n}" for t, n in sorted(counts.items()))]
    codes: dict[str, int] = {}
    for r in result.replacements:
        if r.source == "known":
            codes[r.code] = codes.get(r.code, 0) + 1
    if codes:
        lines.append("known people: " + ", ".join(f"{c} x{n}" for c, n in sorted(codes.items())))
    if result.ambiguous:
        lines.append(
            f"{len(result.ambiguous)} mentions shared a name form between people and were given "
            "the best-supported code; check them in the log"
        )
        if show_names:
            for r in result.ambiguous:
                lines.append(
                    f"  ambiguous {r.text!r} -> {r.code} (candidates {', '.join(r.candidates)}; by {r.resolved_by})"
                )
    if result.unplaced:
        lines.append(
            f"{len(result.unplaced)} people not in the key were given placeholders; add them to the key to code them:"
        )
        for p in result.unplaced:
            names = f" = {', '.join(p.names)}" if show_names else ""
            lines.append(f"  {p.placeholder}: {p.mentions} mention(s){names}")
    else:
        lines.append("no unlisted names found")
    return lines


def pseudonymise(
    file: Path = typer.Argument(..., help="The draft review (.txt, .md, .docx, or any format scr ingest reads)."),
    key: Path = typer.Option(..., "--key", "-k", help="Key file (YAML): people with code, role and names."),
    out: Path = typer.Option(..., "--out", "-o", help="Where to write the coded text (same format as FILE)."),
    log: Path | None = typer.Option(None, "--log", help="Replacement log path (default: beside the key)."),
    show_names: bool = typer.Option(False, "--show-names", help="Print real names in the summary (off by default)."),
    tracked_changes: TrackedChanges | None = typer.Option(
        None, "--tracked-changes", help="Word drafts: accept or reject tracked changes."
    ),
    policy: Path | None = typer.Option(
        None, "--policy", help="Policy file (allowed names, identifier types switched off)."
    ),
    model: str | None = MODEL_OPTION,
) -> None:
    """Replace real names by role codes and identifiers by placeholders."""
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    key_data = load_key(key)
    policy_data = _policy(policy)
    log_path = choose_log_path(key, out, log)
    check_paths(file, key, out, log_path)

    from .. import stagefile
    from ..deid.names.known import english_lexicon
    from ..deid.pseudonymise import log_records, parse_for_key, pseudonymise_report
    from ..ingest import load_report
    from ..nlp import load_nlp, model_info
    from ..resources import data_fingerprint

    console = Console(stderr=True)
    with Progress(
        SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(), console=console, transient=True
    ) as progress:
        task = progress.add_task("reading the draft", total=None)
        report = load_report(file)
        progress.update(task, description="loading the language model")
        nlp = load_nlp(model)
        progress.update(task, description="parsing")
        doc = parse_for_key(report, nlp, key_data)
        progress.update(task, description="finding names and identifiers")
        analyzer = _analyzer(nlp)
        result = pseudonymise_report(
            report, doc, key_data, analyzer=analyzer, policy=policy_data, lexicon=english_lexicon(nlp)
        )
        progress.update(task, description="writing")
        if out.suffix.lower() == ".docx":
            _write_docx(file, out, result, report.text, key_data, tracked_changes)
        else:
            atomic_write_text(out, result.text)
        header = {
            "tool": "scr-pipeline pseudonymise",
            "tool_version": __version__,
            "model": model_info(nlp),
            "rules": data_fingerprint(),
            "input": str(file),
            "input_sha256": report.source.sha256,
            "key": str(key),
            "key_sha256": key_data.sha256,
            "output": str(out),
            "output_sha256": sha256_bytes(result.text.encode("utf-8")),
            "offsets": "start/end into the input text (normalised as by scr ingest); out_start/out_end into the output",
        }
        atomic_write_text(log_path, stagefile.dumps(header, log_records(result)), private=True)
    for line in summary_lines(result, show_names):
        typer.echo(line, err=True)
    typer.echo(f"wrote {out} and the replacement log {log_path} (owner-only; it holds real names)", err=True)


def _write_docx(file: Path, out: Path, result, text: str, key, tracked: TrackedChanges | None) -> None:
    """A Word draft keeps its formatting; names outside the body text (headers, title) are coded too."""
    from ..deid.names.known import person_forms
    from ..deid.word_writer import write_pseudonymised_docx

    forms: dict[str, set[str]] = {}
    for person in key.people:
        for form in person_forms(person):
            forms.setdefault(form.text, set()).add(person.code)
    names = {text_: codes.pop() for text_, codes in forms.items() if len(codes) == 1}
    choice = None if tracked is None else cast("TrackedChoice", tracked.value)  # the enum's values are the writer's
    write_pseudonymised_docx(file, out, result.replacements, choice, expected_text=text, names=names)


def _analyzer(nlp):
    """The Presidio analyzer (explicit UK registry) that runs on our own parse."""
    from ..deid.recognizers import build_analyzer

    return build_analyzer(nlp)


def _policy(path: Path | None = None):
    """The project policy (allowed names, identifier types), merged with the user's file."""
    from ..deid.policy import load_policy

    return load_policy(path)


def register(app: typer.Typer) -> None:
    app.command("pseudonymise")(pseudonymise)
