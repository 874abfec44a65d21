"""Plain text and Markdown: decode, refuse what is not text, normalise.

Accepted encodings: UTF-8 (with or without BOM), UTF-16 with a BOM (Word's
"Unicode text"), and Windows-1252 (older council systems).  A file that is
empty, binary (NUL bytes or many control characters) or decodes as none of
these is refused with a message that says which.
"""
from __future__ import annotations

import codecs
import unicodedata

from ..errors import UnusableInput

BINARY_SNIFF_BYTES = 8192
MAX_CONTROL_SHARE = 0.05


def decode(data: bytes, name: str) -> tuple[str, str]:
    """Return (text, encoding) or raise UnusableInput."""
    if not data.strip():
        raise UnusableInput(f"{name}: the file is empty")
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return _checked(data.decode(encoding), name), encoding
    if b"\x00" in data[:BINARY_SNIFF_BYTES]:
        raise UnusableInput(f"{name}: this looks like a binary file, not text (it contains NUL bytes)")
    for encoding in ("utf-8", "cp1252"):
        try:
            return _checked(data.decode(encoding), name), encoding
        except UnicodeDecodeError:
            continue
    raise UnusableInput(f"{name}: cannot decode the text as UTF-8 or Windows-1252; save it as UTF-8 and try again")


def _checked(text: str, name: str) -> str:
    if not text.strip():
        raise UnusableInput(f"{name}: the file is empty")
    sample = text[:BINARY_SNIFF_BYTES]
    controls = sum(1 for c in sample if unicodedata.category(c) == "Cc" and c not in "\n\r\t\f")
    if controls > MAX_CONTROL_SHARE * len(sample):
        raise UnusableInput(f"{name}: this looks like a binary file, not text (many control characters)")
    return text


def normalise(text: str) -> str:
    """Unicode NFC, Unix line ends, form feeds as paragraph breaks, no BOM.

    Nothing else changes, so offsets stay close to the original file and a
    reader can find every quoted sentence verbatim.
    """
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n\n")
    return unicodedata.normalize("NFC", text)
