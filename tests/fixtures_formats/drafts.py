"""Build Word drafts for the tests with python-docx, plus the OOXML python-docx
cannot write (tracked changes, footnotes, custom properties), so that no
binary file is committed.  All names here are fictional.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
from docx.enum.text import WD_BREAK
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

# What each hidden place holds, so tests can check it is reported and removed.
COMMENT_NAME = "Liam Carter"
DELETED_TEXT = "who lived at 14 Mill Lane with Liam Carter"
HIDDEN_TEXT = "Note: mother is Jade Kershaw"
AUTHOR = "Mary Green"
INSERTED_TEXT = " and her partner"
FOOTNOTE_TEXT = "https://example.org/interim-care-orders as explained to Jade Kershaw"

FOOTNOTES_XML = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:footnotes xmlns:w="{W}">
<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>
<w:footnote w:id="1"><w:p><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> {FOOTNOTE_TEXT}</w:t></w:r></w:p></w:footnote>
</w:footnotes>"""  # noqa: E501

CUSTOM_XML = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">
<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="Case worker"><vt:lpwstr>Mary Green</vt:lpwstr></property>
</Properties>"""  # noqa: E501


def _run_xml(text: str, rpr: str = "") -> str:
    return f'<w:r>{rpr}<w:t xml:space="preserve">{text}</w:t></w:r>'


def build_draft(path: Path) -> Path:
    """A draft with a heading, formatted names across runs, a list, a table,
    a comment, a tracked insertion and deletion, hidden text, a footnote, a
    header and identifying properties."""
    document = docx.Document()
    document.core_properties.author = AUTHOR
    document.core_properties.last_modified_by = AUTHOR
    document.core_properties.title = "Serious Case Review draft"
    document.sections[0].header.paragraphs[0].text = "DRAFT - Review of Child J - OFFICIAL SENSITIVE"

    document.add_heading("1 Introduction", level=1)
    p = document.add_paragraph("This review concerns Child J. The mother, ")
    p.add_run("Jade").bold = True
    p.add_run(" Kersh").bold = True
    italic = p.add_run("aw")
    italic.bold = True
    italic.italic = True
    p.add_run(", was 19 when Child J was born.")

    document.add_heading("Contact with Jade Kershaw", level=2)
    document.add_paragraph("Jade Kershaw, the mother", style="List Bullet")
    document.add_paragraph("Child J, the subject of the review", style="List Bullet")

    p = document.add_paragraph("Jade Kershaw moved to the town in May 2019")
    p._p.append(
        parse_xml(
            f'<w:ins {nsdecls("w")} w:id="101" w:author="{AUTHOR}" '
            f'w:date="2020-01-02T10:00:00Z">{_run_xml(INSERTED_TEXT)}</w:ins>'
        )
    )
    p._p.append(
        parse_xml(
            f'<w:del {nsdecls("w")} w:id="102" w:author="{AUTHOR}" w:date="2020-01-02T10:00:00Z">'
            f'<w:r><w:delText xml:space="preserve"> {DELETED_TEXT}</w:delText></w:r></w:del>'
        )
    )
    p.add_run(".")

    p = document.add_paragraph("An Interim Care Order")
    p._p.append(
        parse_xml(
            f'<w:r {nsdecls("w")}><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference '
            f'w:id="1"/></w:r>'
        )
    )
    p.add_run(" was granted for Child J.")

    p = document.add_paragraph("The health visitor saw ")
    p.add_run("Jade").italic = True
    p.add_run(" at home.")
    hidden = p.add_run(" " + HIDDEN_TEXT)
    hidden.font.hidden = True
    document.add_comment(p.runs[1], text=f"Check with {COMMENT_NAME} before publishing", author=AUTHOR, initials="MG")
    p.add_run().add_break(WD_BREAK.PAGE)

    document.add_heading("2 Chronology", level=1)
    table = document.add_table(rows=3, cols=3)
    for row, cells in zip(
        table.rows,
        [
            ("Date", "Agency", "Event"),
            ("3 May 2019", "Health", "Jade Kershaw booked with the midwife"),
            ("9 June 2019", "Police", "Call to the home"),
        ],
        strict=True,
    ):
        for cell, value in zip(row.cells, cells, strict=True):
            cell.text = value
    document.add_paragraph("Jade said she felt supported.")
    p = document.add_paragraph("A letter was sent to ")
    p._p.append(
        parse_xml(
            f'<w:hyperlink {nsdecls("w")} w:anchor="top"><w:r><w:rPr><w:u w:val="single"/></w:rPr>'
            f'<w:t xml:space="preserve">Jade Ker</w:t></w:r></w:hyperlink>'
        )
    )
    p.add_run("shaw at the placement.")

    buffer = io.BytesIO()
    document.save(buffer)
    path.write_bytes(_add_parts(buffer.getvalue()))
    return path


def _add_parts(data: bytes) -> bytes:
    """Add footnotes and custom properties, which python-docx cannot write."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            content = src.read(item)
            if item.filename == "[Content_Types].xml":
                content = content.replace(
                    b"</Types>",
                    (
                        b'<Override PartName="/word/footnotes.xml" '
                        b'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>'
                        b'<Override PartName="/docProps/custom.xml" '
                        b'ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/></Types>'
                    ),
                )
            elif item.filename == "word/_rels/document.xml.rels":
                content = content.replace(
                    b"</Relationships>",
                    (
                        b'<Relationship Id="rIdFn1" '
                        b'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" '
                        b'Target="footnotes.xml"/></Relationships>'
                    ),
                )
            elif item.filename == "_rels/.rels":
                content = content.replace(
                    b"</Relationships>",
                    (
                        b'<Relationship Id="rIdCu1" '
                        b'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties" '
                        b'Target="docProps/custom.xml"/></Relationships>'
                    ),
                )
            dst.writestr(item, content)
        dst.writestr("word/footnotes.xml", FOOTNOTES_XML)
        dst.writestr("docProps/custom.xml", CUSTOM_XML)
    return out.getvalue()
