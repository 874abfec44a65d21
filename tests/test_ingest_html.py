"""Reviews published as web pages: main text only, in plain-review shape."""

from __future__ import annotations

import re

import pytest
from rapidfuzz.distance import LCSseq

from fixtures_formats import pages
from pipeline.errors import UnusableInput
from pipeline.ingest import load_report
from pipeline.ingest.html import read

WORD = re.compile(r"\w+")


@pytest.fixture(scope="module")
def page_path(tmp_path_factory, child_e_text):
    path = tmp_path_factory.mktemp("html") / "child_e.html"
    path.write_text(pages.render_review_html(child_e_text), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def page_report(page_path):
    return load_report(page_path)


def test_main_text_in_order_without_page_furniture(page_report, child_e_text):
    source, got = WORD.findall(child_e_text), WORD.findall(page_report.text)
    assert LCSseq.similarity(source, got) / len(source) >= 0.99
    for furniture in pages.FURNITURE + ["We use cookies", "var tracking", "color:red"]:
        assert furniture not in page_report.text


def test_headings_lists_tables_and_footnotes(page_report, child_e_report):
    assert page_report.source.format == "html"
    assert {(s.number, s.title) for s in child_e_report.sections} <= {(s.number, s.title) for s in page_report.sections}
    assert page_report.codes() == child_e_report.codes()
    assert "Contents\tPage\n1. Introduction and Background\t2-5\n" in page_report.text
    assert "- Bridgewater Community Health Trust (Oldham)\n- CAFCASS\n" in page_report.text
    assert "\n# Serious case review\n" in "\n" + page_report.text  # an unnumbered heading keeps its level
    linked = [f for f in page_report.footnotes if f.marker_start is not None]
    assert len(linked) >= len(child_e_report.footnotes) - 1
    assert all("↩" not in f.text for f in page_report.footnotes)


def test_hidden_parts_of_a_page(page_report):
    kinds = {(p.kind, p.text) for p in page_report.hidden}
    assert ("comment", "reviewed by a named officer") in kinds
    assert ("hidden_text", "Draft note: check names") in kinds
    assert ("property", "Web Team Officer") in kinds
    assert "Draft note" not in page_report.text


def test_windows_1252_page_without_charset(tmp_path):
    path = tmp_path / "old.htm"
    path.write_bytes(
        "<html><body><p>Child J\u2019s mother – EM</p><ol><li>First</li><li>Second</li></ol></body></html>".encode(
            "cp1252"
        )
    )
    extracted = read(path, path.read_bytes())
    assert extracted.text == "Child J\u2019s mother – EM\n\n1. First\n2. Second"


def test_page_without_text_is_refused(tmp_path):
    path = tmp_path / "empty.html"
    path.write_text("<html><body><nav>Home</nav><script>x=1</script></body></html>", encoding="utf-8")
    with pytest.raises(UnusableInput, match="no main text"):
        read(path, path.read_bytes())


def test_content_classes_that_merely_mention_furniture_words_are_kept(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(
        '<html><body><main><div class="social-work-summary"><p>The social worker visited.</p></div>'
        '<div class="govuk-breadcrumbs"><a href="/">Home</a></div><div class="cookie-banner">Cookies</div>'
        "<p>EM was present.</p></main></body></html>",
        encoding="utf-8",
    )
    assert read(path, path.read_bytes()).text == "The social worker visited.\n\nEM was present."
