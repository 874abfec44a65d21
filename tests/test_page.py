"""The review page (`scr report`) without a browser: escaping, highlights, inputs, CLI.

All names here are fictional.  The browser checks are in test_page_browser.py.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import stat
from html.parser import HTMLParser
from pathlib import Path

import pytest

from pipeline.ingest import load_report
from pipeline.page.document import Mark, blocks, render_document
from pipeline.page.render import json_for_script
from pipeline.page.timeline import core_period

HOSTILE_REVIEW = """Serious Case Review: Child Q

1. Chronology

1.1 On 3rd March 2019 <b>Jane Doe</b> <script>alert(1)</script> attended the clinic with Child Q.

1.2 On 5th March 2019 the social worker wrote "<img src=x onerror=alert(2)>" & visited the family at home.

1.3 Jane Doe told the health visitor on 7th March 2019 that Child Q had been unwell.

2. Findings

2.1 Information sharing between the health visitor and children's social care was poor, and no professional challenged the decision to close the case.
"""  # noqa: E501  (one paragraph per line: the fixture's layout)


class Elements(HTMLParser):
    """Every element, attribute and text node of a page, as a browser's tokenizer sees them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []
        self.script_bodies: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        (self.script_bodies if self._in_script else self.text).append(data)


def parse_page(html: str) -> Elements:
    parser = Elements()
    parser.feed(html)
    parser.close()
    return parser


def _span(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return start, start + len(needle)


@pytest.fixture()
def hostile_folder(tmp_path: Path) -> Path:
    """A `scr run` output folder whose every field tries to become markup."""
    source = tmp_path / "child_q.txt"
    source.write_text(HOSTILE_REVIEW, encoding="utf-8")
    report = load_report(source)
    text = report.text
    folder = tmp_path / "out" / "child_q"
    folder.mkdir(parents=True)
    (folder / "report.json").write_text(report.to_json(), encoding="utf-8")
    s, e = _span(text, "Jane Doe")
    s2, e2 = _span(text, "<img src=x onerror=alert(2)>")
    findings = [
        {
            "text": text[s:e],
            "type": "NAME",
            "start": s,
            "end": e,
            "line": 5,
            "severity": "medium",
            "reason": "</script><script>alert(4)</script>",
            "rule": "x",
            "new_field": 1,
        },
        {
            "text": text[s2:e2],
            "type": '<svg onload="alert(3)">',
            "start": s2,
            "end": e2,
            "line": 7,
            "severity": 'high" onmouseover="alert(5)',
            "reason": "<iframe src=javascript:alert(6)>",
        },
        {
            "text": "nowhere",
            "type": "NAME",
            "start": 10**7,
            "end": 10**7 + 3,
            "severity": "low",
            "reason": "off the text",
        },
    ]
    (folder / "findings.json").write_text(json.dumps(findings), encoding="utf-8")
    sent = _span(text, "On 3rd March 2019")[0]
    sent_end = text.index("Child Q.", sent) + len("Child Q.")
    events = [
        {"kind": "header", "tool": "scr-pipeline"},
        {
            "id": 1,
            "date": "2019-03-03",
            "precision": "day",
            "sentence": text[sent:sent_end],
            "start": sent,
            "end": sent_end,
            "actors": ["<b>Jane Doe</b>", "</text><script>alert(7)</script>", "$\\alpha$ & co"],
            "action": "<i>attend</i>",
            "kpe": "<i>KPE1</i>",
            "agencies": ["<u>clinic</u>"],
            "future_field": {"x": 1},
        },
        {"id": 2, "date": "not a date", "sentence": "broken", "start": "a", "end": 3},
    ]
    (folder / "events.jsonl").write_text("\n".join(json.dumps(e) for e in events) + "\n{not json\n", encoding="utf-8")
    para = report.paragraph_at(sent)
    cue = _span(text, "clinic")
    themes = [
        {
            "start": para.start,
            "end": para.end,
            "text": text[para.start : para.end],
            "section": "1.1",
            "section_title": "<b>Intro</b>",
            "themes": [
                {
                    "id": 'x"><script>alert(8)</script>',
                    "label": "<b>Bold theme</b>",
                    "score": 1.0,
                    "polarity": "concern",
                    "evidence": [
                        {
                            "text": "clinic",
                            "start": cue[0],
                            "end": cue[1],
                            "cue": "clinic",
                            "weight": 1.0,
                            "polarity": "concern",
                        }
                    ],
                }
            ],
        }
    ]
    (folder / "themes.jsonl").write_text("\n".join(json.dumps(t) for t in themes) + "\n", encoding="utf-8")
    return folder


def test_hostile_text_and_stage_outputs_render_as_text(hostile_folder: Path, tmp_path: Path, scr) -> None:
    out = tmp_path / "page.html"
    result = scr("report", hostile_folder, "--out", out)
    assert result.returncode == 0, result.stderr.decode()
    html = out.read_text(encoding="utf-8")
    page = parse_page(html)
    tags = [tag for tag, _ in page.tags]
    # only the page's own two scripts: the JSON data block and the keyboard script
    scripts = [attrs for tag, attrs in page.tags if tag == "script"]
    assert len(scripts) == 2 and scripts[0].get("type") == "application/json"
    for injected in ("b", "i", "u", "img", "iframe"):
        assert injected not in tags, f"<{injected}> from the input became an element"
    handlers = [(tag, name) for tag, attrs in page.tags for name in attrs if name.lower().startswith("on")]
    assert handlers == []
    visible = "".join(page.text)
    assert "<script>alert(1)</script>" in visible
    assert "<b>Jane Doe</b>" in visible
    assert "</script><script>alert(4)</script>" in visible  # a finding's reason, shown as text
    assert "<b>Bold theme</b>" in visible
    # the data block cannot close its script element or open another
    assert "<" not in page.script_bodies[0] and json.loads(page.script_bodies[0])
    # the policy forbids any script but the page's own, and every network request
    csp = next(
        attrs["content"]
        for tag, attrs in page.tags
        if tag == "meta" and attrs.get("http-equiv") == "Content-Security-Policy"
    )
    assert "default-src 'none'" in csp and re.search(r"script-src 'sha256-[A-Za-z0-9+/=]+'", csp)
    assert not re.search(r"(src|href)=\"(https?:)?//", html)
    # what could not be placed is said, not silently lost
    assert "1 findings without a usable place in the text left out" in visible
    assert "1 line of events.jsonl was not JSON and skipped" in visible


def test_json_for_script_keeps_data_inert() -> None:
    value = {"a": "</script><script>alert(1)</script>", "b": "x & y > z", "c": "\u2028"}
    embedded = str(json_for_script(value))
    assert not set("<>&") & set(embedded)
    assert json.loads(embedded) == value


def test_highlights_survive_overlap_and_paragraph_breaks(tmp_path: Path) -> None:
    source = tmp_path / "r.txt"
    source.write_text(
        "1. Background\n\nAnna Smith met the nurse.\n\nThe nurse saw Anna Smith again <b>later</b>.\n", encoding="utf-8"
    )
    report = load_report(source)
    text = report.text
    name = _span(text, "Anna Smith")
    crossing = (_span(text, "the nurse.")[0], _span(text, "The nurse saw")[1])
    marks = [
        Mark(name[0], name[1], "mk f", "f-1", "name · high", "why", True, 1),
        Mark(crossing[0], crossing[1], "mk r", "r-1", "x → y", None, True, 2),
        Mark(name[0] + 5, crossing[0] + 3, "mk f", "f-2", "overlap", None, True, 1),
    ]
    html, anchors = render_document(report, marks)
    assert anchors == {"f-1", "r-1", "f-2"}
    page = parse_page(str(html))
    ids = [attrs["id"] for _, attrs in page.tags if "id" in attrs]
    assert (
        ids.count("f-1") == ids.count("r-1") == ids.count("f-2") == 1
    )  # one target per highlight, though r-1 spans two paragraphs
    labels = [attrs for tag, attrs in page.tags if attrs.get("class") == "tag"]
    assert len(labels) == 3
    # the text itself is intact, label words aside, and nothing in it became markup
    label_words = {"name · high", "x → y", "overlap"}
    shown = "".join(t for t in page.text if t not in label_words)
    expected = "\n".join(text[b.start : b.end] for b in blocks(report))  # one element per line
    assert shown == expected
    assert "b" not in [tag for tag, _ in page.tags]


def test_text_outside_paragraphs_is_still_shown(tmp_path: Path) -> None:
    source = tmp_path / "r.txt"
    source.write_text("Intro line one.\n\nSecond paragraph here.\n", encoding="utf-8")
    report = load_report(source)
    report.paragraphs = report.paragraphs[:1]  # a structure pass that missed one
    html, _ = render_document(report, [])
    assert "Second paragraph here." in str(html)


def test_core_period_widens_the_dense_stretch() -> None:
    background = [dt.date(2004, 1, 1), dt.date(2010, 6, 1), dt.date(2014, 1, 1)]
    dense = [dt.date(2017, 2, 1) + dt.timedelta(days=4 * i) for i in range(60)]
    lo, hi = core_period(background + dense)
    assert dt.date(2016, 12, 1) < lo <= dt.date(2017, 2, 1) and dt.date(2017, 9, 1) <= hi < dt.date(2017, 12, 1)
    even = [dt.date(2010, 1, 1) + dt.timedelta(days=60 * i) for i in range(40)]
    assert core_period(even) is None


def test_cli_refuses_to_overwrite_its_input(tmp_path: Path, scr) -> None:
    review = tmp_path / "draft.html"
    review.write_text("<p>Some review</p>", encoding="utf-8")
    result = scr("report", review, "--out", review)
    assert result.returncode == 2
    assert b"refusing to overwrite" in result.stderr
    assert review.read_text(encoding="utf-8") == "<p>Some review</p>"


def test_cli_wants_an_html_name_and_one_review_folder(hostile_folder: Path, tmp_path: Path, scr) -> None:
    result = scr("report", hostile_folder, "--out", tmp_path / "page.json")
    assert result.returncode == 2 and b".html" in result.stderr
    twin = hostile_folder.parent / "child_r"
    twin.mkdir()
    (twin / "report.json").write_text((hostile_folder / "report.json").read_text(encoding="utf-8"), encoding="utf-8")
    result = scr("report", hostile_folder.parent, "--out", tmp_path / "page.html")
    assert result.returncode == 2 and b"2 reviews" in result.stderr


def test_cli_on_a_review_with_a_key_highlights_replacements(tmp_path: Path, scr) -> None:
    """The whole pipeline in a subprocess: stages, replacements, page (owner-only: it shows real names)."""
    review = tmp_path / "child_q.txt"
    review.write_text(HOSTILE_REVIEW, encoding="utf-8")
    keydir = tmp_path / "private"
    keydir.mkdir()
    key = keydir / "key.yaml"
    key.write_text('people:\n  - code: QM\n    role: "Child Q\'s mother"\n    names: [Jane Doe]\n', encoding="utf-8")
    out = tmp_path / "pages" / "child_q.html"
    result = scr("report", review, "--out", out, "--key", key)
    assert result.returncode == 0, result.stderr.decode()
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    page = parse_page(out.read_text(encoding="utf-8"))
    replaced = [
        attrs
        for tag, attrs in page.tags
        if "r" in attrs.get("class", "").split() and attrs.get("id", "").startswith("r-")
    ]
    assert replaced and any(a.get("data-label") == "known name → QM" for a in replaced)
    assert "<script>alert(1)</script>" in "".join(page.text)
    assert len([t for t, _ in page.tags if t == "script"]) == 2
    # the chronology found the dated sentences and links them to the text
    sentence_ids = {a["id"] for t, a in page.tags if a.get("class") == "sent" and "id" in a}
    links = {a["href"][1:] for t, a in page.tags if t == "a" and a.get("href", "").startswith("#e-")}
    assert links and links <= sentence_ids


def test_timeline_keeps_a_long_chronology_readable() -> None:
    """200 events, 40 actors, a few background years earlier.

    12 lanes + one shared, a broken axis, every point linked.
    """
    from pipeline.page.timeline import render_timeline

    events = []
    for i in range(200):
        actors = [f"Worker {1 + i % 12}"] + ([f"Rare {i}"] if i % 7 == 0 else [])  # 12 frequent actors, 29 rare ones
        events.append(
            {
                "date": (dt.date(2018, 1, 1) + dt.timedelta(days=2 * i)).isoformat(),
                "precision": "day" if i % 3 else "month",
                "start": 100 * i,
                "end": 100 * i + 50,
                "actors": actors,
                "kpe": f"KPE{i // 20}" if i % 10 == 0 else None,
            }
        )
    events += [
        {"date": f"{year}-01-01", "precision": "approx", "start": 30000 + year, "end": 30001 + year, "actors": []}
        for year in (2005, 2009, 2012)
    ]
    svg = str(render_timeline(events, {e["start"]: f"e-{e['start']}" for e in events}))
    page = parse_page(svg)
    links = [attrs.get("xlink:href") or attrs.get("href") for tag, attrs in page.tags if tag == "a"]
    assert all(link and link.startswith("#e-") for link in links)
    assert {link[3:] for link in links} == {str(e["start"]) for e in events}  # every event is drawn and linked
    labels = {t.strip() for t in page.text if t.strip()}
    assert {label for label in labels if label.startswith("Worker ")} == {f"Worker {n}" for n in range(1, 13)}
    assert "other / none" in labels and not any(label.startswith("Rare ") for label in labels)
    assert "earlier" in labels  # the background years get a narrow panel of their own
    assert 'target="_blank"' not in svg


def test_dates_say_how_precise_they_are() -> None:
    from pipeline.page.render import date_text

    assert date_text({"date": "2017-01-04", "precision": "day"}) == "4 Jan 2017"
    assert date_text({"date": "2017-01-01", "precision": "month"}) == "Jan 2017"
    assert date_text({"date": "2014-01-01", "precision": "approx"}) == "about Jan 2014"
    assert date_text({"date": "2017-01-04", "date_end": "2017-01-08", "precision": "day"}) == "4 Jan 2017 – 8 Jan 2017"
    assert date_text({"date": None}) == "undated"
