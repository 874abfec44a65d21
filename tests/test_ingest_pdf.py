"""PDF reading: the Child E review rendered as a published PDF and read back.

The PDF (built here with reportlab, see fixtures_formats/pdfs.py) has a
running header, "Page N" footers, footnotes at page bottoms, justified text
hyphenated at line ends, bullets, tables and a stretch set in two columns.
"""

from __future__ import annotations

import re

import pytest
from rapidfuzz.distance import LCSseq

from fixtures_formats import pdfs
from pipeline.errors import UnusableInput
from pipeline.ingest import load_report
from pipeline.ingest.layout import Line, clean, keeps_hyphen, running_lines
from pipeline.ingest.pdf import read

WORD = re.compile(r"\w+")


@pytest.fixture(scope="module")
def child_e_pdf(tmp_path_factory, child_e_text):
    path = tmp_path_factory.mktemp("pdf") / "child_e.pdf"
    return pdfs.render_review_pdf(child_e_text, path)


@pytest.fixture(scope="module")
def extracted(child_e_pdf):
    return read(child_e_pdf.path, child_e_pdf.path.read_bytes())


def test_words_come_back_in_order(extracted, child_e_text):
    source, got = WORD.findall(child_e_text), WORD.findall(extracted.text)
    share = LCSseq.similarity(source, got) / len(source)
    assert share >= 0.99, f"only {share:.4f} of the words in order"
    assert len(got) <= len(source) * 1.005  # nothing added (headers, footers)


def test_no_running_header_footer_or_page_number_left(extracted, child_e_pdf):
    assert child_e_pdf.pages >= 30
    assert pdfs.HEADER_TEXT not in extracted.text
    assert pdfs.FOOTER_LEFT not in extracted.text
    lines = [line.strip() for line in extracted.text.split("\n")]
    assert not [line for line in lines if re.fullmatch(r"(Page\s+)?\d{1,3}", line)]
    assert not re.search(r"\bPage \d+\b", extracted.text)


def test_hyphenation_is_undone(extracted, child_e_text, child_e_pdf):
    assert child_e_pdf.hyphenated >= 50  # the rendering did break words
    source_words = set(WORD.findall(child_e_text))
    stray = [w for w in WORD.findall(extracted.text) if w not in source_words]
    assert len(stray) <= 3, stray


def test_two_column_page_reads_column_by_column(extracted, child_e_pdf):
    flat = " ".join(extracted.text.split())
    assert len(child_e_pdf.two_column) >= 5
    missing = [p for p in child_e_pdf.two_column if " ".join(p.split()) not in flat]
    assert len(missing) <= 1, missing[:2]


def test_paragraphs_rejoined_across_page_breaks(extracted, child_e_text):
    """Long paragraphs (most cross a page or column break) come back whole, in one paragraph."""
    long_paragraphs = [
        " ".join(line.split()) for line in child_e_text.split("\n") if len(line) > 400 and "\t" not in line
    ]
    blocks = [" ".join(b.split()) for b in extracted.text.split("\n\n")]
    whole = [p for p in long_paragraphs if any(p in b for b in blocks)]
    assert len(long_paragraphs) > 40
    assert len(whole) >= 0.95 * len(long_paragraphs)


def test_footnotes_separated_and_linked(child_e_pdf, child_e_report):
    report = load_report(child_e_pdf.path)
    linked = [f for f in report.footnotes if f.marker_start is not None]
    assert len(linked) >= len(child_e_report.footnotes) - 2
    for note in linked:
        assert note.text.startswith(("http", "<http", "[http")), note.text[:40]
        assert report.text[note.marker_start : note.marker_end] == note.marker.translate(
            str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
        )
        assert note.marker_start < note.start


def test_structure_matches_the_text_version(child_e_pdf, child_e_report):
    report = load_report(child_e_pdf.path)
    assert report.source.format == "pdf"
    assert {(s.number, s.title) for s in report.sections} == {(s.number, s.title) for s in child_e_report.sections}
    assert report.codes() == child_e_report.codes()
    assert "- Bridgewater Community Health Trust (Oldham)" in report.text  # bullet glyph normalised


def test_offsets_map_to_pages(child_e_pdf):
    report = load_report(child_e_pdf.path)
    assert [p.number for p in report.pages] == sorted(p.number for p in report.pages)
    assert report.pages[0].start == 0 and report.pages[-1].end == len(report.text)
    assert report.page_at(0) == 1
    assert report.page_at(len(report.text) - 1) == child_e_pdf.pages
    middle = report.page_at(len(report.text) // 2)
    assert child_e_pdf.pages // 3 < middle < 2 * child_e_pdf.pages // 3 + 2


def test_layout_helpers():
    assert clean("ﬁnding the ﬂat") == "finding the flat"
    # header repeated on every page, a page number at the foot, body text in between
    lines = []
    for page in range(4):
        lines += [Line("Review of Child J – OFFICIAL", page, 70, 500, 800, 9)]
        words = ["visit", "meeting", "call", "review", "letter", "referral", "assessment", "report"]
        lines += [
            Line(
                f"The {words[(k + page) % 8]} on {k + 3}rd May was noted by the {words[(k * 3 + page) % 8]} team.",
                page,
                70,
                500,
                760 - 14 * k,
                12,
            )
            for k in range(8)
        ]
        lines += [Line(str(page + 1), page, 290, 300, 30, 9)]
    dropped = running_lines(lines, 4)
    assert {lines[i].text for i in dropped} == {"Review of Child J – OFFICIAL", "1", "2", "3", "4"}
    vocab = ({"post-natal"}, {"short", "term", "assessment", "assess"})
    assert keeps_hyphen("post", "natal", vocab)
    assert keeps_hyphen("short", "term", vocab)
    assert not keeps_hyphen("assess", "ment", vocab)


@pytest.mark.parametrize(
    "builder, message",
    [
        (lambda d, src: pdfs.encrypted_pdf(d / "locked.pdf"), "encrypted"),
        (lambda d, src: pdfs.truncated(src, d / "cut.pdf"), "truncated"),
        (lambda d, src: pdfs.image_only_pdf(d / "scan.pdf"), "no text layer"),
    ],
)
def test_bad_pdfs_are_refused(tmp_path, child_e_pdf, builder, message):
    path = builder(tmp_path, child_e_pdf.path)
    with pytest.raises(UnusableInput, match=message):
        read(path, path.read_bytes())


def test_bad_pdf_exits_2_without_output(tmp_path, child_e_pdf, scr):
    bad = pdfs.truncated(child_e_pdf.path, tmp_path / "cut.pdf")
    out = tmp_path / "out"
    result = scr("ingest", bad, "--out", out)
    assert result.returncode == 2
    assert b"truncated" in result.stderr
    assert not list(out.glob("*")) if out.exists() else True


def test_interleaved_two_columns_are_read_column_by_column(tmp_path):
    left = [
        "The health visitor called at the",
        "home on the Monday and saw the",
        "baby asleep in the cot. The mother",
        "said the night had been quiet and",
        "that she had fed the baby at two.",
        "The visit lasted forty minutes.",
    ]
    right = [
        "The social worker rang the foster",
        "carer the following day to ask how",
        "the placement was going. The carer",
        "said the mother was tired but that",
        "she was managing the night feeds.",
        "A review was set for the next week.",
    ]
    path = pdfs.interleaved_columns_pdf(tmp_path / "columns.pdf", left, right, "3.2 Contact in the placement")
    text = read(path, path.read_bytes()).text
    assert text.startswith("3.2 Contact in the placement\n\n")
    body = " ".join(text.split("\n\n")[1:])
    assert " ".join(left) in body and " ".join(right) in body
    assert body.index(left[-1]) < body.index(right[0])


def test_pdf_properties_and_comments_are_hidden_parts(tmp_path):
    path = pdfs.annotated_pdf(tmp_path / "noted.pdf", "Mary Green", "Ask Liam Carter about this")
    extracted = read(path, path.read_bytes())
    assert "Liam Carter" not in extracted.text
    parts = {(p.kind, p.location, p.text) for p in extracted.hidden}
    assert ("comment", "comment on page 2", "Ask Liam Carter about this") in parts
    assert ("property", "document property 'author'", "Mary Green") in parts
    assert not [p for p in extracted.hidden if p.text in ("anonymous", "unspecified")]
