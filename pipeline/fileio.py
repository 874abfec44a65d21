"""Safe writes: atomic, never over an input, owner-only for files with real names."""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

from .errors import UnusableInput


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def refuse_overwriting_input(out: Path, *inputs: Path) -> None:
    """Stop before an output path would replace one of the inputs."""
    out_resolved = Path(out).resolve()
    for source in inputs:
        if Path(source).resolve() == out_resolved:
            raise UnusableInput(f"refusing to overwrite the input file {source}; choose another --out")


def atomic_write_bytes(path: Path, data: bytes, private: bool = False) -> Path:
    """Write via a temporary file in the same directory and rename it into place.

    A reader never sees a half-written file, and a crash leaves the old file
    intact.  `private=True` gives owner-only permissions (0600) from the first
    byte: used for anything that maps real names to codes.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        if private:
            os.fchmod(fd, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
        if private:
            os.chmod(path, 0o600)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    return path


def atomic_write_text(path: Path, text: str, private: bool = False) -> Path:
    return atomic_write_bytes(path, text.encode("utf-8"), private=private)
