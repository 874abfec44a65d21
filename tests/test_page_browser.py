"""The review page in a real browser: Debian's headless Chromium, driven over its DevTools pipe.

`scripts/ensure_chromium.sh` (run by `make test`) installs Chromium where it
can; where it cannot, these tests skip and say so.  The page's open time and
weight are measured by bench/bench_page.py, not asserted here.
"""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import pytest
from chromium import Chromium, find_chromium  # bench/chromium.py: pytest's pythonpath lists bench/

pytestmark = pytest.mark.skipif(
    find_chromium() is None,
    reason="Chromium is not installed and could not be installed here (scripts/ensure_chromium.sh installs Debian's "
    "`chromium` with apt-get where permitted; SCR_CHROMIUM names another binary): the review page's browser tests "
    "are skipped",
)

IN_VIEW = """(id => { const r = document.getElementById(id).getBoundingClientRect();
  return r.bottom > 0 && r.top < window.innerHeight && r.width > 0 && r.height > 0; })"""


def wait_for(browser: Chromium, expression: str, timeout: float = 5.0):
    """Poll a JavaScript expression until it is truthy (scrolling and hash changes are asynchronous)."""
    deadline = time.monotonic() + timeout
    while True:
        value = browser.evaluate(expression)
        if value or time.monotonic() > deadline:
            return value
        time.sleep(0.05)


def click_until(browser: Chromium, selector_js: str, expression: str, tries: int = 3):
    """Click like a reader, again if a loaded machine lost the first click (layout still settling)."""
    for _ in range(tries):
        click_element(browser, selector_js)
        if wait_for(browser, expression):
            return True
    return False


def click_element(browser: Chromium, selector_js: str) -> None:
    """Scroll an element into view and click its centre with the mouse, as a reader would."""
    box = browser.evaluate(f"""(() => {{ const el = {selector_js}; el.scrollIntoView({{block: 'center'}});
        const r = el.getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2]; }})()""")
    browser.click(*box)


@pytest.fixture(scope="module")
def child_e_page(child_e_report, child_e_doc, nlp, tmp_path_factory) -> tuple[Path, dict]:
    """The Child E review's page, from the one parse and every stage (as `scr report FILE` makes it)."""
    from pipeline.batch import run_stages
    from pipeline.nlp import model_info
    from pipeline.page import from_outputs, write_page

    report = child_e_report.model_copy(deep=True)
    report.provenance.model = model_info(nlp)
    outputs = run_stages(report, child_e_doc, nlp)
    inputs = from_outputs(report, outputs)
    out = tmp_path_factory.mktemp("page") / "child_e.html"
    write_page(inputs, out, [])
    counts = {
        "findings": len(inputs.findings),
        "events": len(inputs.events),
        "dated": sum(1 for e in inputs.events if e.get("date")),
        "themes": len({h["id"] for t in inputs.themes for h in t["themes"]}),
        "sha256": report.source.sha256,
        "model": report.provenance.model,
    }
    return out, counts


def test_child_e_page_renders_and_navigates(child_e_page, tmp_path: Path) -> None:
    page, counts = child_e_page
    assert counts["findings"] and counts["events"] >= 100 and counts["themes"]
    with Chromium(width=1366, height=900) as browser:
        browser.open(page.resolve().as_uri())

        # highlights: one per finding, visible, each with a text label and a tint
        highlights = browser.evaluate("""[...document.querySelectorAll('.doc .mk[id]')].map(el => {
            const r = el.getBoundingClientRect(); const tag = el.querySelector('.tag');
            return {w: r.width, h: r.height, label: tag ? tag.textContent : '', bg: getComputedStyle(el).backgroundColor}; })""")  # noqa: E501
        assert len(highlights) == counts["findings"]
        assert all(h["w"] > 0 and h["h"] > 0 and h["label"] for h in highlights)
        assert all(h["bg"] not in ("rgba(0, 0, 0, 0)", "transparent") for h in highlights)

        # the timeline picture: drawn, sized, one linked point per dated event and lane
        timeline = browser.evaluate("""(() => { const svg = document.getElementById('timeline-svg'); const r = svg.getBoundingClientRect();
            const links = [...svg.querySelectorAll('a')].map(a => a.getAttribute('href') || a.getAttribute('xlink:href'));
            return {w: r.width, h: r.height, links: links, targets: links.filter(h => h && document.getElementById(h.slice(1))).length}; })()""")  # noqa: E501
        assert timeline["w"] > 600 and timeline["h"] > 200
        assert len(timeline["links"]) >= counts["dated"] and timeline["targets"] == len(timeline["links"])

        # the theme chart: one linked bar per theme, each pointing at its evidence list
        chart = browser.evaluate("""(() => { const svg = document.getElementById('theme-chart-svg'); const r = svg.getBoundingClientRect();
            const bars = [...svg.querySelectorAll('a rect.bar')].map(b => b.getBoundingClientRect().width);
            const hrefs = [...svg.querySelectorAll('a')].map(a => a.getAttribute('href'));
            return {w: r.width, h: r.height, bars: bars, found: hrefs.filter(h => document.getElementById(h.slice(1))).length}; })()""")  # noqa: E501
        assert chart["w"] > 300 and chart["h"] > 50
        assert len(chart["bars"]) == counts["themes"] == chart["found"] and all(w > 0 for w in chart["bars"])

        # a finding's link in the side list scrolls its highlight into view
        last = browser.evaluate("[...document.querySelectorAll('a.flink')].pop().dataset.target")
        browser.evaluate("window.scrollTo(0, 0)")
        assert not browser.evaluate(f"{IN_VIEW}({json.dumps(last)})")
        click_element(browser, f"document.querySelector('a.flink[data-target={json.dumps(last)}]')")
        assert wait_for(browser, f"location.hash === '#{last}'")
        assert wait_for(browser, f"{IN_VIEW}({json.dumps(last)})")

        # keyboard: n walks to the next highlight and says where it is
        browser.evaluate("window.scrollTo(0, 0)")
        browser.evaluate("history.replaceState(null, '', location.pathname)")
        browser.press("n")
        state = browser.evaluate(
            "({id: document.activeElement.id, nav: document.activeElement.hasAttribute('data-nav'), "
            "current: document.activeElement.classList.contains('current'), status: "
            "document.getElementById('nav-status').textContent})"
        )
        assert state["nav"] and state["current"] and state["status"].startswith("Highlight ")
        first = state["id"]
        browser.press("n")
        assert browser.evaluate("document.activeElement.id") != first
        browser.press("p")
        assert browser.evaluate("document.activeElement.id") == first

        # a point of the timeline takes the reader to its sentence
        browser.evaluate("window.scrollTo(0, 0)")
        assert click_until(
            browser,
            "document.querySelector('#timeline-svg a use, #timeline-svg a path')",
            "location.hash.startsWith('#e-')",
        )
        assert wait_for(browser, f"{IN_VIEW}(location.hash.slice(1))")

        # a theme bar opens its evidence and marks its paragraphs in the document
        assert click_until(
            browser, "document.querySelector('#theme-chart-svg a rect.bar')", "location.hash.startsWith('#theme-')"
        )
        assert wait_for(
            browser, "document.querySelectorAll('.doc .theme-hit').length > 0"
        )  # marked after the hash changes

        # provenance: tool and model versions, the input's hash, the date of the run
        footer = browser.evaluate("document.getElementById('provenance').textContent")
        assert counts["sha256"] in footer and counts["model"]["name"] in footer and counts["model"]["version"] in footer
        assert "scr-pipeline" in footer and re.search(r"date of the run\s*\d{4}-\d{2}-\d{2}", footer)

        # offline: the page asked for nothing but itself
        assert browser.requested_urls() == [page.resolve().as_uri()]
        browser.evaluate("window.scrollTo(0, 0)")
        shot = browser.screenshot(tmp_path / "child_e_page.png")
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20_000


def test_hostile_text_runs_no_script_in_the_browser(tmp_path: Path) -> None:
    """Script tags, handlers and HTML-like names in the text stay text in a real browser."""
    from pipeline.page import PageInputs, write_page
    from pipeline.themes import text_report

    report = text_report(
        "1. Chronology\n\n1.1 On 3rd March 2019 <b>Jane Doe</b> met <i>Tom</i> <script>window.pwned = 1</script>.\n\n"
        '1.2 A note said <img src=x onerror="window.pwned = 2"> and <svg onload="window.pwned = 3"></svg>.\n'
    )
    text = report.text
    start = text.index("<b>Jane Doe</b>")
    sentence_end = text.index("</script>.") + len("</script>.")
    inputs = PageInputs(
        report=report,
        findings=[
            {
                "text": "<b>Jane Doe</b>",
                "type": "NAME",
                "start": start,
                "end": start + 15,
                "severity": "medium",
                "reason": "<script>window.pwned = 4</script>",
            }
        ],
        events=[
            {
                "date": "2019-03-03",
                "precision": "day",
                "start": text.index("On 3rd"),
                "end": sentence_end,
                "sentence": text[text.index("On 3rd") : sentence_end],
                "actors": ["<b>Jane Doe</b>", "<script>x</script>"],
                "action": "meet",
            }
        ],
        provenance={"input": "<script>window.pwned = 5</script>"},
    )
    out = tmp_path / "hostile.html"
    write_page(inputs, out, [])
    with Chromium() as browser:
        browser.open(out.resolve().as_uri())
        time.sleep(0.3)  # an onerror handler would have fired by now
        result = browser.evaluate("""({pwned: window.pwned === undefined ? null : window.pwned,
            scripts: document.scripts.length, injected: document.querySelectorAll('main b, main i, main img, .doc svg, aside b').length,
            text: document.querySelector('.doc').textContent, side: document.querySelector('#findings').textContent})""")  # noqa: E501
        assert result["pwned"] is None
        assert result["scripts"] == 2 and result["injected"] == 0
        assert "<b>Jane Doe</b>" in result["text"] and "<script>window.pwned = 1</script>" in result["text"]
        assert "<svg onload=" in result["text"] and "<script>window.pwned = 4</script>" in result["side"]
        shot = browser.screenshot(tmp_path / "hostile.png")
    assert shot.stat().st_size > 0
