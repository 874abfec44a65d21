"""Pseudonymised Word output: names coded on the runs, formatting kept, nothing hidden left."""

from __future__ import annotations

import zipfile

import docx
import pytest

from fixtures_formats import drafts
from pipeline.deid.keyfile import load_key
from pipeline.deid.names.known import english_lexicon
from pipeline.deid.pseudonymise import parse_for_key, pseudonymise_report
from pipeline.deid.word_writer import write_pseudonymised_docx
from pipeline.errors import UnusableInput
from pipeline.ingest import load_report

KEY = """people:
  - code: EM
    role: "Child J's mother"
    names: [Jade Kershaw, Jade]
  - code: EF
    role: "Child J's father"
    names: [Liam Carter, Liam]
"""
REAL = ("Jade", "Kershaw", "Liam", "Carter", drafts.AUTHOR, "Mill Lane")


@pytest.fixture(scope="module")
def coded(tmp_path_factory, nlp):
    folder = tmp_path_factory.mktemp("pseud")
    draft = drafts.build_draft(folder / "draft.docx")
    key_path = folder / "key.yaml"
    key_path.write_text(KEY, encoding="utf-8")
    key = load_key(key_path)
    report = load_report(draft)
    doc = parse_for_key(report, nlp, key)
    result = pseudonymise_report(report, doc, key, analyzer=None, lexicon=english_lexicon(nlp))
    names = {name: person.code for person in key.people for name in person.names}
    return draft, report, result, names, folder


def _write(coded, tracked, name):
    draft, report, result, names, folder = coded
    out = folder / name
    counts = write_pseudonymised_docx(draft, out, result.replacements, tracked, expected_text=report.text, names=names)
    return out, counts


def _all_xml(path) -> str:
    with zipfile.ZipFile(path) as z:
        return "\n".join(z.read(n).decode("utf-8", "replace") for n in z.namelist() if n.endswith((".xml", ".rels")))


def test_coded_text_is_what_pseudonymise_produced(coded):
    _, report, result, _, _ = coded
    assert result.replacements, "the key's names were found in the draft"
    out, counts = _write(coded, "accept", "accepted.docx")
    assert load_report(out).text == result.text
    assert counts["replacements"] == len(result.replacements)


def test_no_name_survives_anywhere_in_the_file(coded):
    out, counts = _write(coded, "accept", "accepted2.docx")
    xml = _all_xml(out)
    for real in REAL:
        assert real not in xml, real
    with zipfile.ZipFile(out) as z:
        names = z.namelist()
    assert not [n for n in names if "comments" in n or "thumbnail" in n or n == "docProps/custom.xml"]
    assert counts["comments"] == 1 and counts["hidden_text"] == 1 and counts["tracked_changes"] == 2


def test_hidden_parts_gone_from_the_output(coded):
    out, _ = _write(coded, "accept", "accepted3.docx")
    report = load_report(out)
    kinds = {p.kind for p in report.hidden}
    assert not kinds & {
        "comment",
        "tracked_insertion",
        "tracked_deletion",
        "hidden_text",
        "custom_property",
        "thumbnail",
    }
    assert not [p for p in report.hidden if p.author]
    assert drafts.HIDDEN_TEXT not in _all_xml(out)


def test_formatting_kept_around_replaced_names(coded):
    out, _ = _write(coded, "accept", "formatted.docx")
    document = docx.Document(str(out))
    paragraphs = {p.text: p for p in document.paragraphs}
    intro = next(p for t, p in paragraphs.items() if t.startswith("This review concerns"))
    code_run = next(r for r in intro.runs if r.text == "EM")
    assert code_run.bold  # the name crossed three bold/italic runs; the first run's formatting is kept
    assert intro.text == "This review concerns Child J. The mother, EM, was 19 when Child J was born."
    visit = next(p for t, p in paragraphs.items() if t.startswith("The health visitor saw"))
    assert next(r for r in visit.runs if r.text == "EM").italic
    heading = paragraphs["Contact with EM"]
    assert heading.style.name == "Heading 2"


def test_rejecting_restores_deleted_text_with_names_coded(coded):
    out, _ = _write(coded, "reject", "rejected.docx")
    text = load_report(out).text
    assert drafts.INSERTED_TEXT.strip() not in text
    assert "who lived at 14 Mill Lane with EF" in text
    assert "Liam" not in _all_xml(out)


def test_refuses_until_tracked_changes_are_decided(coded):
    draft, report, result, _, folder = coded
    out = folder / "undecided.docx"
    with pytest.raises(UnusableInput, match="accept or reject"):
        write_pseudonymised_docx(draft, out, result.replacements, None)
    assert not out.exists()


def test_refuses_offsets_from_another_text(coded):
    draft, report, result, _, folder = coded
    out = folder / "mismatch.docx"
    with pytest.raises(UnusableInput, match="different text"):
        write_pseudonymised_docx(draft, out, result.replacements, "accept", expected_text=report.text + " extra")
    assert not out.exists()


def test_never_writes_over_the_draft(coded):
    draft, _, result, _, _ = coded
    with pytest.raises(UnusableInput, match="overwrite the input"):
        write_pseudonymised_docx(draft, draft, result.replacements, "accept")


def test_names_in_footnotes_and_across_hyperlinks_are_coded(coded):
    out, _ = _write(coded, "accept", "links.docx")
    text = load_report(out).text
    assert "¹ https://example.org/interim-care-orders as explained to EM" in text
    assert "A letter was sent to EM at the placement." in text
    with zipfile.ZipFile(out) as z:
        footnotes = z.read("word/footnotes.xml").decode()
    assert "Kershaw" not in footnotes and "EM" in footnotes
