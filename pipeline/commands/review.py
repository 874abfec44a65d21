"""`scr review DRAFT --key KEY.yaml [--out review.html]`: the page where the author decides every replacement
and finding.

The page holds real names (each replacement shows the draft's words), so it
is written owner-only in the key's folder (default
`<key folder>/<draft stem>.review.html`) and refused anywhere else, as the
replacement log is.  Open it in a browser, decide, download decisions.json,
then run `scr apply`.  Formats: docs/review_signoff.md.
"""

from __future__ import annotations

from pathlib import Path

import typer

from ..errors import UnusableInput
from ..fileio import atomic_write_text, check_writable, refuse_overwriting_input
from .common import MODEL_OPTION, steps


def review_page_path(draft: Path, key: Path, out: Path | None) -> Path:
    """The page's path: beside the key, never elsewhere (it holds real names)."""
    if out is None:
        return key.parent / f"{draft.stem}.review.html"
    if out.suffix.lower() not in (".html", ".htm"):
        raise UnusableInput(f"--out {out}: the review page is HTML; give a name ending in .html")
    if out.resolve().parent != key.resolve().parent:
        raise UnusableInput(
            f"--out {out}: the review page holds real names, so it is written beside the key "
            f"(in {key.resolve().parent}), never beside the draft's coded output"
        )
    check_writable(out)
    return out


def review(
    file: Path = typer.Argument(..., help="The draft review (.txt, .md, .docx, or any format scr ingest reads)."),
    key: Path = typer.Option(..., "--key", "-k", help="Key file (YAML): people with code, role and names."),
    out: Path | None = typer.Option(
        None, "--out", "-o", help="The review page (default: <key folder>/<draft>.review.html)."
    ),
    policy: Path | None = typer.Option(None, "--policy", help="Policy file (give the same one to scr apply)."),
    model: str | None = MODEL_OPTION,
) -> None:
    """Write the review page: decide every replacement and finding, export decisions.json."""
    from ..deid.keyfile import load_key
    from ..review.model import build_review
    from ..review.page import render_review_page

    key_data = load_key(key)
    page = review_page_path(file, key, out)
    refuse_overwriting_input(page, file, key)
    with steps() as step:
        the_review = build_review(file, key_data, policy, model, step=step)
        step("writing the page")
        atomic_write_text(page, render_review_page(the_review), private=True)
    r = the_review
    findings = sum(1 for i in r.items if i.kind == "finding")
    typer.echo(
        f"{len(r.items)} items to decide: {len(r.items) - findings} replacements ({len(r.result.ambiguous)} ambiguous, "
        f"{len(r.result.unplaced)} people not in the key), {findings} findings on the coded text",
        err=True,
    )
    typer.echo(f"wrote {page} (owner-only; it holds real names); review id {r.review_id}", err=True)


def register(app: typer.Typer) -> None:
    app.command("review")(review)
