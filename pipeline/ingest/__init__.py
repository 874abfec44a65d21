"""Ingest: one reader per format, all producing a `Report`.

`load_report(path)` is what every stage calls: it reads a `.txt`/`.md` review
(or a `.report.json` written by `scr ingest`), checks it is usable, normalises
the text and detects its structure.  The input file is only ever read.
"""
from __future__ import annotations

from pathlib import Path

from ..errors import UnusableInput
from ..fileio import sha256_bytes
from ..report import Report, Source
from ..structure import build_report
from .text import decode, normalise

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
MAX_INPUT_BYTES = 200 * 1024 * 1024


def read_bytes(path: Path) -> bytes:
    """Read an input file, refusing what cannot be a review."""
    path = Path(path)
    if not path.exists():
        raise UnusableInput(f"{path}: no such file")
    if path.is_dir():
        raise UnusableInput(f"{path}: is a directory, not a file")
    size = path.stat().st_size
    if size == 0:
        raise UnusableInput(f"{path}: the file is empty")
    if size > MAX_INPUT_BYTES:
        raise UnusableInput(f"{path}: the file is {size // (1024 * 1024)} MB, over the {MAX_INPUT_BYTES // (1024 * 1024)} MB limit")
    try:
        return path.read_bytes()
    except OSError as exc:
        raise UnusableInput(f"{path}: cannot be read ({exc.strerror})") from exc


def load_report(path: str | Path) -> Report:
    """A `Report` from a text/Markdown review or a saved `.report.json`."""
    path = Path(path)
    if path.name.endswith(".report.json"):
        data = read_bytes(path)
        try:
            return Report.from_json(data)
        except ValueError as exc:
            raise UnusableInput(f"{path}: not a valid report.json ({str(exc).splitlines()[0]})") from exc
    suffix = path.suffix.lower()
    if suffix and suffix not in TEXT_SUFFIXES:
        raise UnusableInput(f"{path}: the {suffix} format is not supported yet; convert it to .txt or .md")
    data = read_bytes(path)
    text, encoding = decode(data, str(path))
    source = Source(
        name=path.name,
        sha256=sha256_bytes(data),
        format="markdown" if suffix in {".md", ".markdown"} else "text",
        encoding=encoding,
        bytes=len(data),
    )
    return build_report(normalise(text), source)
