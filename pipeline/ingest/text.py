"""Plain text and Markdown: decode, refuse what is not text, normalise.

Accepted encodings: UTF-8 (with or without BOM), UTF-16 with a BOM (Word's
"Unicode text"), and Windows-1252 (older council systems).  A file that is
empty, binary (NUL bytes or many control characters) or decodes as none of
these is refused with a message that says which.
"""
from __future__ import annotations

import codecs
import re
import warnings
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
    try:
        return _checked(data.decode("utf-8"), name), "utf-8"
    except UnicodeDecodeError as exc:
        utf8_error = exc
    if _has_utf8_sequences(data[: utf8_error.start]):
        return _truncated_or_mixed(data, utf8_error, name), "utf-8"
    try:
        return _checked(data.decode("cp1252"), name), "cp1252"
    except UnicodeDecodeError:
        raise UnusableInput(f"{name}: cannot decode the text as UTF-8 or Windows-1252; save it as UTF-8 and try again") from None


UTF8_MULTIBYTE_RE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def _has_utf8_sequences(data: bytes) -> bool:
    """Valid multi-byte UTF-8 before the first error: the file is UTF-8, not cp1252."""
    return bool(UTF8_MULTIBYTE_RE.search(data))


def _truncated_or_mixed(data: bytes, error: UnicodeDecodeError, name: str) -> str:
    """A UTF-8 file cut inside its last character loses only that character.

    Anything else (a bad byte in the middle of UTF-8 text) means mixed
    encodings, which would garble names silently: refuse it.
    """
    if error.start >= len(data) - 3 and error.reason == "unexpected end of data":
        warnings.warn(f"{name}: the file ends inside a UTF-8 character (truncated?); the incomplete character was dropped", stacklevel=2)
        return _checked(data[: error.start].decode("utf-8"), name)
    raise UnusableInput(
        f"{name}: invalid UTF-8 at byte {error.start} in a file that is otherwise UTF-8 (mixed encodings?); "
        "save it as UTF-8 and try again"
    )


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
