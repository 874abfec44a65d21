"""Errors the command line turns into a clear message and exit code 2, and where a bug was raised."""

from pathlib import Path


class UnusableInput(Exception):
    """The input cannot be processed (missing, empty, binary, undecodable, malformed)."""


class ModelNotAvailable(UnusableInput):
    """The configured spaCy model is not installed; we never try to download one."""


def raised_at(exc: BaseException) -> str:
    """Where a bug was raised (`pipeline/x.py:123 in f`), the deepest frame of our own code.

    The exception's message is left out on purpose: it may quote the review
    ("cannot read date '3 March' near Lena Marsh"), and this line lands in CI
    logs; the type and the place are enough to report the bug, and
    SCR_DEBUG=1 shows the rest on the user's own terminal.
    """
    import traceback

    frames = traceback.extract_tb(exc.__traceback__)
    root = Path(__file__).resolve().parent.parent
    ours = [f for f in frames if Path(f.filename).resolve().is_relative_to(root / "pipeline")]
    if not (ours or frames):
        return "an unknown place"
    frame = (ours or frames)[-1]
    path = Path(frame.filename).resolve()
    shown = path.relative_to(root) if path.is_relative_to(root) else Path(path.name)
    return f"{shown}:{frame.lineno} in {frame.name}"
