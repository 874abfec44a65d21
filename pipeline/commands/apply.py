"""`scr apply DRAFT --key KEY --decisions decisions.json --out FINAL --reviewer NAME`: the reviewed, signed-off output.

Applies the decisions made on the review page (`scr review`) to the same
pseudonymisation `scr pseudonymise` makes (an empty decisions file gives
exactly its output; Word in, Word out, formatting kept), adds the people the
reviewer placed to the key (the old key kept as `KEY.bak-<time>`, both
owner-only), writes the replacement log of the final text beside the key
(owner-only, as `scr pseudonymise` does), re-runs verify on FINAL with that key, and writes
FINAL.signoff.json and FINAL.signoff.html beside FINAL (no real names).
A decisions file that does not fit the review is refused (exit 2) before
anything is written.  Exit 1 when verify still finds something at or above
--fail-on that the decisions did not dismiss.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import typer

from ..errors import UnusableInput
from ..fileio import atomic_write_bytes, atomic_write_text, check_writable, refuse_overwriting_input, sha256_bytes
from .common import MODEL_OPTION, steps
from .pseudonymise import OUTPUT_SUFFIXES, TrackedChanges
from .verify import FailOn


def signoff_paths(out: Path) -> tuple[Path, Path]:
    """FINAL.signoff.json and FINAL.signoff.html beside FINAL.

    FINAL's suffix is dropped: final.docx -> final.signoff.json.
    """
    return out.with_name(f"{out.stem}.signoff.json"), out.with_name(f"{out.stem}.signoff.html")


def discard_old_signoff(out: Path) -> None:
    """FINAL has just been replaced: a sign-off record left from an earlier apply no longer
    describes it, so it goes before the slow re-verify.  An apply interrupted there (Ctrl-C,
    a crash) leaves FINAL with no record, which `scr verify --signoff` refuses, rather than
    with an old record that looks like its own."""
    for path in signoff_paths(out):
        path.unlink(missing_ok=True)


def check_apply_paths(file: Path, key: Path, decisions: Path, out: Path) -> None:
    """FINAL is published: never an input, never beside the key (its folder holds the real names)."""
    refuse_overwriting_input(out, file, key, decisions)
    for path in (*signoff_paths(out), key.parent / f"{out.stem}.replacements.jsonl"):
        refuse_overwriting_input(path, file, key, decisions)
    if file.suffix.lower() == ".docx":
        if out.suffix.lower() != ".docx":
            raise UnusableInput(f"--out {out}: a Word draft is written back as .docx (its own format)")
    elif out.suffix.lower() not in OUTPUT_SUFFIXES:
        raise UnusableInput(f"--out {out}: write the final text as .txt or .md (the input's format)")
    check_writable(out)
    if out.resolve().parent == key.resolve().parent:
        raise UnusableInput(
            f"--out {out} is beside the key: the key's folder holds real names (the key, the review page); "
            "write the published file elsewhere"
        )


def apply(
    file: Path = typer.Argument(..., help="The draft review (the same file the review page was made from)."),
    key: Path = typer.Option(..., "--key", "-k", help="Key file (YAML) the review page was made with."),
    decisions: Path = typer.Option(
        ..., "--decisions", "-d", help="decisions.json exported from the review page (empty: accept all)."
    ),
    out: Path = typer.Option(..., "--out", "-o", help="The final file (same format as FILE)."),
    reviewer: str = typer.Option(..., "--reviewer", help="Who signs off (recorded in FINAL.signoff.json)."),
    policy: Path | None = typer.Option(None, "--policy", help="Policy file (as given to scr review)."),
    tracked_changes: TrackedChanges | None = typer.Option(
        None, "--tracked-changes", help="Word drafts: accept or reject tracked changes."
    ),
    fail_on: FailOn = typer.Option(
        FailOn.medium, "--fail-on", help="Exit 1 when an open finding reaches this severity."
    ),
    model: str | None = MODEL_OPTION,
) -> None:
    """Apply a reviewer's decisions, update the key and write the sign-off record."""
    from ..deid.keyfile import load_key
    from ..review.apply import final_edits, key_with_people
    from ..review.decisions import DecisionsError, load_decisions, read_decisions
    from ..review.model import build_review
    from ..review.signoff import build_record, holds_key_name, key_name_pattern, render_html

    if not reviewer.strip():
        raise UnusableInput("--reviewer: give the name of the person signing off")
    key_data = load_key(key)
    check_apply_paths(file, key, decisions, out)
    read_decisions(decisions)  # not JSON (the review page given by mistake) is refused before the model loads
    with steps() as step:
        review = build_review(file, key_data, policy, model, step=step)
        checked = load_decisions(decisions, review)
        applied = final_edits(review, checked)
        new_key, key_text = key_data, None
        if applied.new_people:
            key_text, new_key = key_with_people(key, key_data, applied.new_people)
        pattern = key_name_pattern([key_data, new_key])
        for item, reason in applied.dismissed:
            if holds_key_name(reason, pattern):
                raise DecisionsError(
                    f"decisions file {decisions}: item {item.id}: the reason names a person of the key; "
                    "reword it (the sign-off record must hold no real names)"
                )
        step("writing the final file")
        _write_output(file, out, review, applied.edits, new_key, tracked_changes)
        discard_old_signoff(out)
        log_path = _write_log(key, out, review, applied, checked, file)
        step("verifying the final file")
        findings = _verify_file(out, review, new_key)
        key_before = key_data.sha256
        key_after = key_before
        if key_text is not None:
            stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
            backup = key.with_name(f"{key.name}.bak-{stamp}")
            atomic_write_bytes(backup, key.read_bytes(), private=True)
            atomic_write_text(key, key_text, private=True)
            key_after = sha256_bytes(key_text.encode("utf-8"))
        record = build_record(
            review=review,
            applied=applied,
            decisions=checked,
            reviewer=" ".join(reviewer.split()),
            draft=file,
            out=out,
            out_sha256=sha256_bytes(out.read_bytes()),
            key_before=key_before,
            key_after=key_after,
            verify_findings=findings,
            fail_on=fail_on.value,
            pattern=pattern,
            policy_path=policy,
            codes=new_key.codes(),
        )
        json_path, html_path = signoff_paths(out)
        atomic_write_text(json_path, json.dumps(record, ensure_ascii=False, indent=1) + "\n")
        atomic_write_text(html_path, render_html(record))
    _summary(record, out, json_path, html_path, key, key_text is not None)
    typer.echo(
        f"the replacement log {log_path} (owner-only; it holds real names) maps the draft's words to the final text",
        err=True,
    )
    if not record["verify"]["passed"]:
        raise typer.Exit(code=1)


def _write_output(file: Path, out: Path, review, edits, key, tracked: TrackedChanges | None) -> None:
    from ..deid.pseudonymise import rebuild

    if out.suffix.lower() == ".docx":
        from .pseudonymise import _write_docx

        class _Result:  # the shape _write_docx reads
            replacements = edits

        _write_docx(file, out, _Result, review.report.text, key, tracked)
    else:
        atomic_write_text(out, rebuild(review.report.text, edits))


def _write_log(key: Path, out: Path, review, applied, decisions, file: Path) -> Path:
    """The private replacement log of the final text, beside the key (as `scr pseudonymise` writes it)."""
    from .. import __version__, stagefile
    from ..deid.pseudonymise import PseudonymiseResult, log_records, rebuild

    log_path = key.parent / f"{out.stem}.replacements.jsonl"
    refuse_overwriting_input(log_path, file, key, out)
    text = rebuild(review.report.text, applied.edits)  # also places each edit in the final text
    unplaced = [p for p in review.result.unplaced if p.placeholder not in decisions.people]
    result = PseudonymiseResult(text, applied.edits, unplaced, [], review.result.kept)
    header = {
        "tool": "scr-pipeline apply",
        "tool_version": __version__,
        "model": review.model,
        "rules": review.rules,
        "input": str(file),
        "input_sha256": review.report.source.sha256,
        "key": str(key),
        "key_sha256": review.key.sha256,
        "review_id": review.review_id,
        "decisions_sha256": decisions.sha256,
        "output": str(out),
        "output_text_sha256": sha256_bytes(text.encode("utf-8")),
        "offsets": "start/end into the input text (normalised as by scr ingest); "
        "out_start/out_end into the output text",
    }
    atomic_write_text(log_path, stagefile.dumps(header, log_records(result)), private=True)
    return log_path


def _verify_file(out: Path, review, key) -> list:
    """`scr verify FINAL --key KEY` (with the people just added) on the file as written."""
    from ..deid.verify import verify_report
    from ..ingest import load_report
    from ..nlp import parse_report

    report = load_report(out)
    return verify_report(
        report, parse_report(report, review.nlp), key=key, policy=review.policy, analyzer=review.analyzer
    )


def _summary(record: dict, out: Path, json_path: Path, html_path: Path, key: Path, key_changed: bool) -> None:
    rep, ver = record["replacements"], record["verify"]
    typer.echo(
        f"applied {record['decisions']['decided']} decision(s) of {record['decisions']['items']} items: "
        f"{rep['accepted']} accepted, {rep['reverted']} reverted, {rep['code_changed']} code(s) changed, "
        f"{len(record['key']['codes_added'])} person(s) added, {record['findings']['dismissed']} finding(s) dismissed, "
        f"{record['findings']['replaced_with_placeholder']} replaced by a placeholder",
        err=True,
    )
    if key_changed:
        typer.echo(
            f"key {key} updated with {', '.join(record['key']['codes_added'])} (the old key kept beside it as .bak-…)",
            err=True,
        )
    opened = ", ".join(f"{n} {s}" for s, n in ver["open_by_severity"].items()) or "none"
    typer.echo(
        f"verify on {out.name}: {ver['findings']} finding(s), "
        f"{ver['accepted_as_dismissed']} accepted as dismissed, open: {opened}",
        err=True,
    )
    typer.echo(f"wrote {out}, {json_path} and {html_path}", err=True)


def register(app: typer.Typer) -> None:
    app.command("apply")(apply)
