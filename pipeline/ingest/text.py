"""Plain text and Markdown: decode, refuse what is not text, normalise.

Accepted encodings: UTF-8 (with or without BOM), UTF-16 with a BOM (Word's
"Unicode text") or without one (recognised by its pattern of NUL bytes), and
Windows-1252 (older council systems).  A file that is empty, binary (NUL
bytes in its first 8 KB or many control characters anywhere) or decodes as
none of these is refused with a message that says which.  A few stray NUL
bytes later in a text file (a copy or sync glitch) are removed with a
warning: they carry no text, and passed on they would end up in outputs.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
import warnings

from ..errors import UnusableInput

BINARY_SNIFF_BYTES = 8192
MAX_CONTROL_SHARE = 0.05
MIN_CP1252_ASCII_SHARE = 0.7  # English text in Windows-1252 is mostly ASCII; random bytes are half not
MIN_UTF16_NUL_SHARE = 0.3  # of the high (or low) bytes of a UTF-16 text without BOM: ASCII-heavy text has ~all
CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


def decode(data: bytes, name: str) -> tuple[str, str]:
    """Return (text, encoding) or raise UnusableInput."""
    if not data.strip():
        raise UnusableInput(f"{name}: the file is empty")
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return _checked(data.decode(encoding), name), encoding
    if b"\x00" in data[:BINARY_SNIFF_BYTES]:
        utf16 = utf16_without_bom(data)
        if utf16:
            try:
                return _checked(data.decode(utf16), name), utf16
            except UnicodeDecodeError:
                pass
        raise UnusableInput(f"{name}: this looks like a binary file, not text (it contains NUL bytes)")
    try:
        return _checked(data.decode("utf-8"), name), "utf-8"
    except UnicodeDecodeError as exc:
        utf8_error = exc
    if _has_utf8_sequences(data[: utf8_error.start]):
        return _truncated_or_mixed(data, utf8_error, name), "utf-8"
    try:
        text = data.decode("cp1252")
        sample = data[:BINARY_SNIFF_BYTES]
        if sum(b < 0x80 for b in sample) < MIN_CP1252_ASCII_SHARE * len(sample):
            raise UnicodeDecodeError("cp1252", sample, 0, len(sample), "mostly bytes above 127: not Windows-1252 text")
        return _checked(text, name), "cp1252"
    except UnicodeDecodeError:
        raise UnusableInput(
            f"{name}: cannot decode the text as UTF-8 or Windows-1252 (binary or an unknown encoding?); "
            "save it as UTF-8 and try again"
        ) from None


def utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' when the bytes have UTF-16's pattern of NULs, else None.

    Text in UTF-16 that is mostly Latin script has a NUL as every second byte
    (high byte of each character); binary data has NULs anywhere.
    """
    sample = data[:BINARY_SNIFF_BYTES]
    if len(sample) < 4 or len(data) % 2:
        return None
    even, odd = sample[0::2], sample[1::2]
    even_nul, odd_nul = even.count(0) / len(even), odd.count(0) / len(odd)
    if odd_nul >= MIN_UTF16_NUL_SHARE and even_nul < 0.01:
        return "utf-16-le"
    if even_nul >= MIN_UTF16_NUL_SHARE and odd_nul < 0.01:
        return "utf-16-be"
    return None


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
        warnings.warn(
            f"{name}: the file ends inside a UTF-8 character (truncated?); the incomplete character was dropped",
            stacklevel=2,
        )
        return _checked(data[: error.start].decode("utf-8"), name)
    raise UnusableInput(
        f"{name}: invalid UTF-8 at byte {error.start} in a file that is otherwise UTF-8 (mixed encodings?); "
        "save it as UTF-8 and try again"
    )


def _checked(text: str, name: str) -> str:
    """The text, unless it is empty or binary; stray NULs removed with a warning."""
    if not text.strip():
        raise UnusableInput(f"{name}: the file is empty")
    sample = text[:BINARY_SNIFF_BYTES]
    if len(CONTROL_RE.findall(sample)) > MAX_CONTROL_SHARE * len(sample):
        raise UnusableInput(f"{name}: this looks like a binary file, not text (many control characters)")
    controls = len(CONTROL_RE.findall(text))
    if controls > MAX_CONTROL_SHARE * len(text):
        raise UnusableInput(
            f"{name}: this looks like a binary file, not text (many control characters after the start)"
        )
    nuls = text.count("\x00")
    if nuls:
        warnings.warn(
            f"{name}: removed {nuls} NUL byte{'s' if nuls != 1 else ''} (not text) from the file", stacklevel=3
        )
        text = text.replace("\x00", "")
        if not text.strip():
            raise UnusableInput(f"{name}: the file is empty")
    return text


def normalise(text: str) -> str:
    """Unicode NFC, Unix line ends, form feeds as paragraph breaks, no BOM.

    Nothing else changes, so offsets stay close to the original file and a
    reader can find every quoted sentence verbatim.
    """
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n\n")
    return unicodedata.normalize("NFC", text)
