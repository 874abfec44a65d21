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
    """Stop before an output path would replace one of the inputs.

    The same file under another name counts too: a symbolic link (resolved)
    or a hard link (same device and inode), which the user holds as the
    input and would find replaced by the output.
    """
    out_resolved = Path(out).resolve()
    for source in inputs:
        if Path(source).resolve() == out_resolved or _same_file(Path(source), Path(out)):
            raise UnusableInput(f"refusing to overwrite the input file {source}; choose another --out")


def check_writable(out: Path, option: str = "--out", folder: bool = False) -> None:
    """Refuse, before any work, an output the system would refuse after it.

    A file where a folder is expected (`--out notes.txt/x.csv`), a folder
    where a file is expected, or a folder this user cannot write into: one
    line naming the path, not minutes of parsing then an internal error.
    """
    out = Path(out)
    if out.exists() and out.is_dir() != folder:
        kind = "a directory; give a file name" if not folder else "a file, not a directory"
        raise UnusableInput(f"{option} {out} is {kind}")
    ancestor = out.parent
    while not ancestor.exists() and ancestor != ancestor.parent:
        ancestor = ancestor.parent
    if not ancestor.is_dir():
        raise UnusableInput(f"{option} {out}: {ancestor} is a file, not a directory")
    if not os.access(ancestor, os.W_OK | os.X_OK):
        raise UnusableInput(f"{option} {out}: no permission to write in {ancestor}")


def _same_file(a: Path, b: Path) -> bool:
    """True when both exist and are one file (a hard link); False when either cannot be looked at."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _cannot_write(path: Path, exc: OSError) -> UnusableInput:
    """An output the system refuses (a folder in the way, a file where a folder should be,
    no permission, a full disk) is a usable message naming the path, not an internal error."""
    if Path(path).is_dir():
        return UnusableInput(f"cannot write {path}: it is a directory; give a file name")
    reason = exc.strerror or type(exc).__name__
    where = f" ({exc.filename})" if exc.filename and str(exc.filename) != str(path) else ""
    return UnusableInput(f"cannot write {path}: {reason.lower()}{where}")


def atomic_write_bytes(path: Path, data: bytes, private: bool = False) -> Path:
    """Write via a temporary file in the same directory and rename it into place.

    A reader never sees a half-written file, and a crash leaves the old file
    intact.  `private=True` gives owner-only permissions (0600) from the first
    byte: used for anything that maps real names to codes.
    """
    path = Path(path)
    try:
        _write_replacing(path, data, private)
    except OSError as exc:
        raise _cannot_write(path, exc) from exc
    return path


def _process_umask() -> int:
    """The user's umask, read once at import (setting it to read it is not safe once threads run)."""
    if os.name != "posix":
        return 0o022
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


_UMASK = _process_umask()


def _write_replacing(path: Path, data: bytes, private: bool) -> None:
    if path.is_dir():
        raise IsADirectoryError(21, "Is a directory", str(path))
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        # mkstemp makes every file 0600; a file that maps no name to a code gets the permissions any
        # other tool would give it (the user's umask), so an anonymised output can be shared as usual
        if os.name == "posix":
            os.fchmod(fd, 0o600 if private else 0o666 & ~_UMASK)
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


def atomic_write_text(path: Path, text: str, private: bool = False) -> Path:
    return atomic_write_bytes(path, text.encode("utf-8"), private=private)
