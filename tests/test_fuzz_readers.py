"""Fuzzing the readers: any bytes give a report or a clear refusal, never another exception.

A short pass runs with the suite (a few seconds); a longer one on demand:
``SCR_FUZZ_EXAMPLES=5000 .venv/bin/python -m pytest tests/test_fuzz_readers.py``.
"""

from __future__ import annotations

import io
import os
import tempfile
import zipfile
from functools import lru_cache
from pathlib import Path

import pytest

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from pipeline.errors import UnusableInput  # noqa: E402

EXAMPLES = int(os.environ.get("SCR_FUZZ_EXAMPLES", "25"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=EXAMPLES <= 100,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1252", "latin-1"]
TEXT_PIECES = [
    "Jane Doe",
    " ",
    "\n",
    "\n\n",
    "1.1 ",
    "Child Q",
    "é",
    "’",
    "\x00",
    "\r\n",
    "\t",
    "EM",
    "(KPE 3)",
    "Serious Case Review",
    "\ufeff",
    "\u200b",
    "¹",
    "- ",
    "#",
    "Mill Lane",
]
HTML_PIECES = [
    "<p>",
    "</p>",
    "<main>",
    "</main>",
    '<meta charset="utf-16">',
    '<meta charset="iso-8859-1">',
    "<table><tr><td>",
    "</td></tr></table>",
    "<ul><li>",
    "</li></ul>",
    "<!-- Jane Doe -->",
    "&amp;",
    "&#74;",
    "&nm;",
    "<div hidden>",
    "</div>",
    "<sup>3</sup>",
    "<h2>",
    "</h2>",
    "<br>",
    "<script>x</script>",
    "<",
    ">",
    '"',
    *TEXT_PIECES,
]


def _load(suffix: str, data: bytes):
    """`load_report` on the bytes, as a file with `suffix`; a refusal is fine, any other exception is not."""
    from pipeline.ingest import load_report

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"fuzz{suffix}"
        path.write_bytes(data)
        try:
            report = load_report(path)
        except UnusableInput as exc:
            assert str(exc).strip() and "\n" not in str(exc).strip()
            return None
    assert "\x00" not in report.text
    return report


def _encoded(pieces, encoding: str) -> bytes:
    return "".join(pieces).encode(encoding, errors="ignore")


@FUZZ
@given(st.binary(max_size=4096))
def test_text_reader_takes_any_bytes(data):
    _load(".txt", data)


@FUZZ
@given(st.lists(st.sampled_from(TEXT_PIECES), max_size=60), st.sampled_from(ENCODINGS))
def test_text_reader_takes_any_encoded_text(pieces, encoding):
    report = _load(".md", _encoded(pieces, encoding))
    text = "".join(pieces).replace("\x00", "")
    if report is not None and encoding.startswith("utf-8") and "Jane Doe" in text.replace("\r\n", "\n"):
        assert "Jane Doe" in report.text  # no silent loss of a name


@FUZZ
@given(st.lists(st.sampled_from(HTML_PIECES), max_size=80), st.sampled_from(ENCODINGS))
def test_html_reader_takes_any_page(pieces, encoding):
    _load(".html", _encoded(pieces, encoding))


@lru_cache(maxsize=1)
def _docx_parts() -> dict[str, bytes]:
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_paragraph("Serious Case Review: Child Q")
    document.add_paragraph("Jane Doe lived at 14 Mill Lane.")
    buffer = io.BytesIO()
    document.save(buffer)
    package = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    return {name: package.read(name) for name in package.namelist() if not name.startswith("docProps/thumbnail")}


def _zipped(parts: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            target.writestr(name, data)
    return out.getvalue()


W_PIECES = [
    "<w:p>",
    "</w:p>",
    "<w:r>",
    "</w:r>",
    "<w:t>",
    "</w:t>",
    '<w:t xml:space="preserve">',
    "<w:tab/>",
    "<w:br/>",
    '<w:ins w:author="Mary Green">',
    "</w:ins>",
    "<w:del>",
    "</w:del>",
    "<w:delText>",
    "</w:delText>",
    "<w:tbl><w:tr><w:tc>",
    "</w:tc></w:tr></w:tbl>",
    "<w:sdt><w:sdtContent>",
    "</w:sdtContent></w:sdt>",
    "&amp;",
    "&#74;",
    "&nm;",
    '<w:footnoteReference w:id="1"/>',
    "Jane Doe",
    " ",
    "é",
]


@FUZZ
@given(st.lists(st.sampled_from(W_PIECES), max_size=60))
def test_docx_reader_takes_any_body(pieces):
    parts = dict(_docx_parts())
    xml = parts["word/document.xml"].decode("utf-8")
    start, end = xml.index("<w:body>") + len("<w:body>"), xml.index("</w:body>")
    parts["word/document.xml"] = (xml[:start] + "".join(pieces) + xml[end:]).encode("utf-8")
    _load(".docx", _zipped(parts))


@FUZZ
@given(st.lists(st.tuples(st.integers(min_value=0), st.integers(min_value=0, max_value=255)), min_size=1, max_size=8))
def test_docx_reader_takes_damaged_packages(flips):
    data = bytearray(_zipped(_docx_parts()))
    for position, value in flips:
        data[position % len(data)] = value
    _load(".docx", bytes(data))
