"""Where the data files of `models/` live, in a checkout or an installed copy."""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml


@lru_cache(maxsize=1)
def models_dir() -> Path:
    """Return the directory holding taxonomies, patterns and gazetteers.

    `SCR_MODELS_DIR` wins (a team may keep its own curated copy); then the
    checkout's top-level `models/` (editable installs, tests); then the copy
    installed inside the package as `pipeline/_models`.
    """
    override = os.environ.get("SCR_MODELS_DIR")
    here = Path(__file__).resolve().parent
    for candidate in (Path(override) if override else None, here.parent / "models", here / "_models"):
        if candidate is not None and candidate.is_dir():
            return candidate
    raise FileNotFoundError("cannot find the models/ data directory; set SCR_MODELS_DIR")


def model_path(*parts: str) -> Path:
    """Path of one file under `models/`."""
    return models_dir().joinpath(*parts)


@lru_cache(maxsize=64)
def load_yaml(*parts: str) -> Any:
    """Load (once) a YAML data file from `models/`."""
    with model_path(*parts).open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def read_lines(*parts: str) -> list[str]:
    """Read a one-entry-per-line list from `models/`, skipping blanks and # comments."""
    lines = model_path(*parts).read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


@lru_cache(maxsize=1)
def data_fingerprint() -> str:
    """A short digest of every rule file under `models/` (names and bytes).

    Outputs depend on the rule data as much as on the code: a team that edits
    a severity in its own `policy.yaml` (via `SCR_MODELS_DIR`) must get new
    findings, not a cached run.  The batch cache and every provenance record
    carry this digest, so a change of data re-processes and is traceable.
    Documentation (`*.md`) is left out: it does not change any output.
    """
    root = models_dir()
    digest = hashlib.sha256()
    for path in sorted(
        p for p in root.rglob("*") if p.is_file() and p.suffix != ".md" and "__pycache__" not in p.parts
    ):
        digest.update(path.relative_to(root).as_posix().encode("utf-8") + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return "sha256:" + digest.hexdigest()[:16]


_PLACEHOLDER = re.compile(r"<<(\w+)>>")


def fill_template(text: str, values: Mapping[str, str], source: str = "") -> str:
    """`text` with every `<<name>>` replaced by `values[name]`, the one template syntax of the rule files.

    `<<name>>` cannot be mistaken for a regex quantifier (`{1,3}`), so a pattern
    stays a plain regex around its placeholders.  A placeholder with no value is
    refused, naming `source` (the rule file), rather than left in a pattern that
    would then silently match the literal text.
    """

    def substitute(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in values:
            raise KeyError(f"{source or 'template'}: no value for placeholder <<{name}>>")
        return values[name]

    return _PLACEHOLDER.sub(substitute, text)
