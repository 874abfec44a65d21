"""From a Word draft to the final Word file and its sign-off record, through the review page in a real browser.

`scr review` makes the page; headless Chromium (Debian's, over the DevTools
pipe, as tests/test_page_browser.py) decides items by mouse and keyboard,
downloads decisions.json, and resumes from it in a fresh browser; `scr apply`
applies it and `scr verify --signoff` checks the result.  The page's open
time is measured by bench/bench_review_page.py, not asserted here.
"""

from __future__ import annotations

import json
import stat
import time
from pathlib import Path

import pytest
from chromium import Chromium, find_chromium  # bench/chromium.py: pytest's pythonpath lists bench/

from fixtures_formats import review_draft

pytestmark = pytest.mark.skipif(
    find_chromium() is None,
    reason="Chromium is not installed (scripts/ensure_chromium.sh): review page browser test skipped",
)

ITEMS = "JSON.parse(document.getElementById('review-data').textContent).items"


def wait_for(browser: Chromium, expression: str, timeout: float = 5.0):
    deadline = time.monotonic() + timeout
    while True:
        value = browser.evaluate(expression)
        if value or time.monotonic() > deadline:
            return value
        time.sleep(0.05)


def click(browser: Chromium, selector: str) -> None:
    """Scroll an element into view and click its centre with the mouse."""
    box = browser.evaluate(f"""(() => {{ const el = document.querySelector({json.dumps(selector)}); el.scrollIntoView({{block: 'center'}});
        const r = el.getBoundingClientRect(); return [r.left + r.width / 2, r.top + Math.min(r.height / 2, 8)]; }})()""")  # noqa: E501
    browser.click(*box)


def item_id(browser: Chromium, kind: str, text: str, nth: int = 0) -> str:
    """The id of the nth item (in page order) whose draft words (replacement) or coded text (finding) is `text`."""
    return browser.evaluate(f"""{ITEMS}.filter(i => i.kind === {json.dumps(kind)} &&
        (i.kind === 'finding' ? i.proposed : i.text) === {json.dumps(text)}).sort((a, b) => a.start - b.start)[{nth}].id""")  # noqa: E501


def status(browser: Chromium, iid: str) -> str:
    return browser.evaluate(f"document.getElementById('i-{iid}').querySelector('.st').textContent")


def current(browser: Chromium) -> str:
    return browser.evaluate("(document.querySelector('#items li.current') || {}).id || ''")[2:]


def goto_with_keys(browser: Chromium, iid: str) -> None:
    """Walk the list with j until `iid` is the current item, as a keyboard user would."""
    for _ in range(200):
        if current(browser) == iid:
            return
        browser.press("j")
    raise AssertionError(f"j never reached {iid}")


def progress(browser: Chromium) -> str:
    return browser.evaluate("document.getElementById('progress').textContent")


def test_draft_to_signed_off_word_file_through_the_page(tmp_path: Path, scr) -> None:
    key = review_draft.write_key(tmp_path / "private")
    draft = review_draft.write_docx(tmp_path / "draft.docx")
    run = scr("review", draft, "--key", key)
    assert run.returncode == 0, run.stderr.decode()
    page = key.parent / "draft.review.html"
    downloads = tmp_path / "downloads"
    downloads.mkdir()

    with Chromium(width=1400, height=900) as browser:
        browser.allow_downloads(downloads)
        browser.open(page.resolve().as_uri())
        total = browser.evaluate(f"{ITEMS}.length")
        assert progress(browser) == f"0 of {total} decided"
        first = browser.evaluate(f"{ITEMS}[0]")
        assert first["ambiguous"], "ambiguous names come first"

        # keyboard: j to the first item (the grandmother, rightly coded) and accept it
        browser.press("j")
        assert current(browser) == first["id"]
        browser.press("a")
        assert status(browser, first["id"]) == "accepted → MGM"

        # mouse: "Kershaw told the GP" was given to the mother; the reviewer picks the grandmother's code
        gp = item_id(browser, "replacement", "Kershaw")
        click(browser, f"#i-{gp}")
        assert wait_for(browser, f"document.getElementById('i-{gp}').classList.contains('current')")
        click(browser, "#p-cands button.cand:last-child")
        assert status(browser, gp) == "code → MGM"

        # keyboard: "Mrs Kershaw lived in Netherfold" is the grandmother too: c, type the code, Enter
        late = item_id(browser, "replacement", "Mrs Kershaw", 1)
        goto_with_keys(browser, late)
        browser.press("c")
        browser.type_text("MGM")
        browser.key("Enter")
        assert status(browser, late) == "code → MGM"

        # mouse on the document: a finding; dismissing without a reason is refused, with one it is recorded
        brookfield = item_id(browser, "finding", "Brookfield")
        click(browser, f"#m-{brookfield}")
        assert wait_for(browser, f"document.getElementById('i-{brookfield}').classList.contains('current')")
        click(browser, "#b-dismiss")
        assert "needs a reason" in browser.evaluate("document.getElementById('p-error').textContent")
        assert status(browser, brookfield) == "undecided"
        click(browser, "#i-reason")
        browser.type_text("a large estate of several thousand homes")
        click(browser, "#b-dismiss")
        assert status(browser, brookfield) == "dismissed: a large estate of several thousand homes"

        # keyboard: the other finding gets its placeholder
        netherfold = item_id(browser, "finding", "Netherfold")
        goto_with_keys(browser, netherfold)
        browser.press("x")
        assert status(browser, netherfold) == "placeholder [QUASI_PLACE]"

        # the uncle the key left out: a code the key has is refused, then a new code and a role add him
        darren = item_id(browser, "replacement", "Darren Whitlow")
        click(browser, f"#i-{darren}")
        browser.press("i")
        browser.type_text("MGM")
        browser.key("Enter")
        assert "already in the key" in browser.evaluate("document.getElementById('p-error').textContent")
        browser.key("Escape")
        browser.press("i")
        browser.type_text("MU")
        browser.key("Enter")
        assert "role" in browser.evaluate("document.getElementById('p-error').textContent")
        browser.type_text("Child M's maternal uncle")
        browser.key("Enter")
        proposed = browser.evaluate(f"{ITEMS}.find(i => i.id === {json.dumps(darren)}).proposed")
        mentions = browser.evaluate(f"{ITEMS}.filter(i => i.proposed === {json.dumps(proposed)}).map(i => i.id)")
        assert len(mentions) >= 3
        assert all(status(browser, m) == "added to key as MU" for m in mentions), "every mention of the person follows"

        # a public figure taken for a person: revert (keep the words)
        laming = item_id(browser, "replacement", "Lord Laming")
        click(browser, f"#i-{laming}")
        browser.press("r")
        assert status(browser, laming) == "reverted (words kept)"

        decided = int(progress(browser).split()[0])
        assert decided == 6 + len(mentions)  # six single decisions, and the uncle in every mention
        click(browser, "#b-accept-rest")
        assert progress(browser) == f"{total} of {total} decided"
        browser.press("u")
        assert (
            browser.evaluate(
                "[...document.querySelectorAll('#items li')].filter(li => li.offsetParent !== null).length"
            )
            == 0
        )

        browser.press("e")
        exported = downloads / "decisions.json"
        deadline = time.monotonic() + 10
        while not exported.exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        decisions = json.loads(exported.read_text(encoding="utf-8"))
        assert len(decisions["decisions"]) == total and decisions["review_id"] in page.read_text(encoding="utf-8")

        # decisions are kept in the browser: a reload shows them
        browser.open(page.resolve().as_uri())
        assert progress(browser) == f"{total} of {total} decided"
        assert browser.requested_urls() == [page.resolve().as_uri()] * 2, "the page asks for nothing but itself"

    # a fresh browser resumes from the downloaded file
    with Chromium() as browser:
        browser.open(page.resolve().as_uri())
        assert progress(browser) == f"0 of {total} decided"
        other = tmp_path / "other.json"
        other.write_text(json.dumps({**decisions, "review_id": "rv-00000000000000000000"}), encoding="utf-8")
        browser.set_files("#import", other)
        assert wait_for(browser, "document.getElementById('io-status').textContent.includes('another review')")
        assert progress(browser) == f"0 of {total} decided"
        browser.set_files("#import", exported)
        assert wait_for(browser, f"document.getElementById('progress').textContent === '{total} of {total} decided'")
        assert status(browser, darren) == "added to key as MU"

    out = tmp_path / "published" / "final.docx"
    run = scr("apply", draft, "--key", key, "--decisions", exported, "--out", out, "--reviewer", "Sam Reviewer")
    assert run.returncode == 0, run.stderr.decode()

    from pipeline.deid.keyfile import load_key
    from pipeline.ingest import load_report

    final = load_report(out).text
    assert "On 10 April 2021 MGM told the GP" in final and "MGM lived in [QUASI_PLACE] village" in final
    assert "uncle, MU, was present" in final and "As Lord Laming wrote" in final and "Brookfield estate" in final
    assert not any(name in final for name in review_draft.KEY_NAMES + ("Darren", "Whitlow"))
    new_key = load_key(key)
    assert set(new_key.by_code()["MU"].names) == {"Darren Whitlow", "Darren"}
    assert stat.S_IMODE(key.stat().st_mode) == 0o600 and len(list(key.parent.glob("key.yaml.bak-*"))) == 1

    record_path = out.with_name("final.signoff.json")
    for path in (record_path, out.with_name("final.signoff.html")):
        text = path.read_text(encoding="utf-8")
        assert not [n for p in new_key.people for n in p.names if n in text]
    record = json.loads(record_path.read_text(encoding="utf-8"))
    assert (
        record["signed_off_by"] == "Sam Reviewer"
        and record["dismissed"][0]["reason"] == "a large estate of several thousand homes"
    )

    assert scr("verify", out, "--signoff", record_path, "--fail-on", "low").returncode == 0

    import docx

    document = docx.Document(str(out))
    para = next(p for p in document.paragraphs if "uncle, MU," in p.text)
    para.add_run(" Darren Whitlow visited again in July.")
    document.save(str(out))
    typed_back = scr("verify", out, "--signoff", record_path)
    assert typed_back.returncode == 1 and "changed after sign-off" in typed_back.stderr.decode()


def test_hostile_draft_text_runs_no_script_on_the_review_page(tmp_path: Path, scr) -> None:
    """Markup in the draft (beside and inside marked names) stays text on the page; only the page's own script runs."""
    key = review_draft.write_key(tmp_path / "private")
    draft = tmp_path / "hostile.txt"
    draft.write_text(
        "1 Introduction\n\n1.1 Jade Kershaw wrote <script>window.pwned = 1</script> on the form.\n\n"
        '1.2 A note said <img src=x onerror="window.pwned = 2"> and Jade</p><b>bold</b> signed it.\n',
        encoding="utf-8",
    )
    run = scr("review", draft, "--key", key)
    assert run.returncode == 0, run.stderr.decode()
    page = key.parent / "hostile.review.html"
    with Chromium() as browser:
        browser.open(page.resolve().as_uri())
        time.sleep(0.3)  # an onerror handler would have fired by now
        result = browser.evaluate("""({pwned: window.pwned === undefined ? null : window.pwned, scripts: document.scripts.length,
            injected: document.querySelectorAll('main b, main img, main script, aside b, aside img').length,
            text: document.getElementById('document').textContent})""")  # noqa: E501
        assert result["pwned"] is None and result["scripts"] == 2 and result["injected"] == 0
        assert "<script>window.pwned = 1</script>" in result["text"] and "</p><b>bold</b>" in result["text"]
        browser.press("j")
        assert browser.evaluate("document.getElementById('p-detail').textContent").startswith("“")
        assert browser.requested_urls() == [page.resolve().as_uri()]
