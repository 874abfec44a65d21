"""Errors the command line turns into a clear message and exit code 2."""


class UnusableInput(Exception):
    """The input cannot be processed (missing, empty, binary, undecodable, malformed)."""


class ModelNotAvailable(UnusableInput):
    """The configured spaCy model is not installed; we never try to download one."""
