"""Ingest: one reader per format, all producing a `Report`.

`load_report(path)` is what every stage calls: it reads a review (or a
`.report.json` written by `scr ingest`), checks it is usable, normalises the
text and detects its structure.  The input file is only ever read.

Readers are registered by suffix in `READERS` as "module:function"; each
takes `(path, data)` and returns an `Extracted` (text plus what only that
format knows: pages, hidden parts of a draft).  They are imported lazily so
that the text path never pays for PDF or Word libraries.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from pathlib import Path

from ..config import MB, limit, limit_bytes, over_limit
from ..errors import UnusableInput
from ..fileio import sha256_bytes
from ..report import HiddenPart, Page, Report, Source
from ..structure import build_report
from .text import decode, normalise

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}


@dataclass
class Extracted:
    """What a format reader hands to structure detection."""

    text: str
    format: str
    encoding: str | None = None
    pages: list[Page] = field(default_factory=list)
    hidden: list[HiddenPart] = field(default_factory=list)
    site: str | None = None  # the board a sharing page names as its site, in the preamble the cleaning drops


def read_text(path: Path, data: bytes) -> Extracted:
    text, encoding = decode(data, str(path))
    markdown = path.suffix.lower() in {".md", ".markdown"}
    from ..structure.metadata import site_board
    from .layout import clean_plain_text

    text = normalise(text)
    return Extracted(
        text=clean_plain_text(text, markdown),
        format="markdown" if markdown else "text",
        encoding=encoding,
        site=site_board(text.split("\n")),
    )


READERS: dict[str, str] = {suffix: "pipeline.ingest:read_text" for suffix in TEXT_SUFFIXES}
READERS.update(
    {
        ".pdf": "pipeline.ingest.pdf:read",
        ".docx": "pipeline.ingest.docx:read",
        ".html": "pipeline.ingest.html:read",
        ".htm": "pipeline.ingest.html:read",
    }
)


def supported_suffixes() -> set[str]:
    """Suffixes whose reader is importable in this installation."""
    found = set()
    for suffix, target in READERS.items():
        try:
            _reader(target)
        except (ImportError, AttributeError):
            continue
        found.add(suffix)
    return found


def _reader(target: str):
    module, _, name = target.partition(":")
    return getattr(importlib.import_module(module), name)


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
    if size > limit_bytes("input_mb"):
        raise UnusableInput(over_limit("input_mb", f"{path}: the file", f"{size / MB:,.1f} MB"))
    try:
        return path.read_bytes()
    except OSError as exc:
        raise UnusableInput(f"{path}: cannot be read ({exc.strerror})") from exc


def check_text_length(text: str, path: Path | str = "the review") -> None:
    """Refuse a text over SCR_MAX_TEXT_CHARS before structure detection and the language model start."""
    if len(text) > limit("text_chars"):
        raise UnusableInput(over_limit("text_chars", f"{path}: the text", f"{len(text):,} characters"))


def load_report(path: str | Path) -> Report:
    """A `Report` from a review file or a saved `.report.json`."""
    path = Path(path)
    if path.name.endswith(".report.json"):
        data = read_bytes(path)
        try:
            report = Report.from_json(data)
        except ValueError as exc:
            raise UnusableInput(f"{path}: not a valid report.json ({str(exc).splitlines()[0]})") from exc
        check_text_length(report.text, path)
        return report
    suffix = path.suffix.lower() or ".txt"
    target = READERS.get(suffix)
    if target is None:
        raise UnusableInput(f"{path}: the {suffix} format is not supported; use .txt, .md, .pdf, .docx or .html")
    try:
        reader = _reader(target)
    except (ImportError, AttributeError) as exc:
        raise UnusableInput(f"{path}: the {suffix} format is not supported in this installation ({exc})") from exc
    data = read_bytes(path)
    extracted = reader(path, data)
    check_text_length(extracted.text, path)
    source = Source(
        name=path.name, sha256=sha256_bytes(data), format=extracted.format, encoding=extracted.encoding, bytes=len(data)
    )
    report = build_report(extracted.text, source, extracted.site)
    report.pages = extracted.pages
    report.hidden = extracted.hidden
    return report
