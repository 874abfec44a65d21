"""A fictional draft for the review → apply → sign-off tests (every name invented).

Shaped like a short practice review: a mother and grandmother who share a
surname (so "Kershaw" and "Mrs Kershaw" are ambiguous between two people),
a health visitor and an uncle the key leaves out, a public figure the
name finder takes for a person (a false alarm to revert), a nursery and a
phone number, and two named areas that verify still flags on the coded text.
"""

from __future__ import annotations

from pathlib import Path

TITLE = "Child Safeguarding Practice Review: Child M"
PARAGRAPHS = [
    ("heading", "1 Introduction"),
    (
        "text",
        "1.1 This review concerns Child M, who was two years old when the concerns below were raised. Child M "
        "lived with "
        "her mother, Jade Kershaw, and her mother's partner, Liam Carter, in a flat on the Brookfield estate.",
    ),
    (
        "text",
        "1.2 Jade's own mother, Pauline Kershaw, often cared for Child M at weekends. Mrs Kershaw told the review that "
        "she had been worried for some months.",
    ),
    ("heading", "2 Chronology"),
    (
        "text",
        "2.1 On 3 March 2021 the health visitor, Sandra Okafor, visited the home. Jade said that Liam had moved out, "
        "but his coat was in the hall.",
    ),
    ("text", "2.2 On 10 April 2021 Kershaw told the GP that the family were helping with childcare."),
    (
        "text",
        "2.3 Child M's uncle, Darren Whitlow, was present at a visit in May 2021. Darren Whitlow said he stayed most "
        "weekends and that Darren's van was parked outside.",
    ),
    (
        "text",
        "2.4 Child M attended Little Acorns Day Nursery from June 2021. Staff noticed bruising on 14 June 2021 and "
        "Sandra Okafor was told the same day.",
    ),
    ("text", "2.5 Liam's mobile number, 07700 900123, was given to the nursery as a contact."),
    ("heading", "3 Learning"),
    (
        "text",
        "3.1 As Lord Laming wrote in 2003, agencies must talk to each other. Mrs Kershaw lived in Netherfold village "
        "throughout. Practitioners did not ask who else was living in the home, and the role of Darren Whitlow was "
        "never explored.",
    ),
]

KEY = """people:
  - code: Mother
    role: "Child M's mother"
    names: [Jade Kershaw, Jade]
  - code: MGM
    role: "Child M's maternal grandmother"
    names: [Pauline Kershaw, Pauline]
  - code: Partner
    role: "mother's partner"
    names: [Liam Carter, Liam]
"""
KEY_NAMES = ("Jade Kershaw", "Jade", "Kershaw", "Pauline Kershaw", "Pauline", "Liam Carter", "Liam", "Carter")
LEFT_OUT = ("Darren Whitlow", "Darren", "Whitlow", "Sandra Okafor", "Okafor")


def text() -> str:
    return TITLE + "\n\n" + "\n\n".join(p for _, p in PARAGRAPHS) + "\n"


def write_txt(path: Path) -> Path:
    path.write_text(text(), encoding="utf-8")
    return path


def write_docx(path: Path) -> Path:
    """The same draft as Word: a title, headings, body paragraphs, one name in bold across two runs."""
    import docx

    document = docx.Document()
    document.add_heading(TITLE, level=0)
    for kind, para in PARAGRAPHS:
        if kind == "heading":
            document.add_heading(para, level=1)
        elif "Jade Kershaw" in para:
            before, after = para.split("Jade Kershaw", 1)
            p = document.add_paragraph(before)
            p.add_run("Jade").bold = True
            p.add_run(" Kershaw").bold = True
            p.add_run(after)
        else:
            document.add_paragraph(para)
    document.save(str(path))
    return path


def write_key(folder: Path) -> Path:
    """The key in its own private folder (owner-only, as the README asks)."""
    folder.mkdir(parents=True, exist_ok=True)
    folder.chmod(0o700)
    key = folder / "key.yaml"
    key.write_text(KEY, encoding="utf-8")
    key.chmod(0o600)
    return key
