"""Score the whole pipeline on real published review openings, against a reader's gold.

    .venv/bin/python bench/eval_real.py [DIR] [--json OUT] [--model M] [--exclude-seen [READ_DIR]]

DIR (default ``/tmp/realeval2``, a held-out set kept outside the repository) holds
``<stem>.txt``, the opening of a published review as a page transcript gives it
(cover, contents, introduction, first narrative), and ``<stem>.gold.json``, written
by a reader before the pipeline was run on it::

    {"key": [{"code", "description"}],          codes / pseudonyms the text declares
     "metadata": {"board", "title", "subject", "author"},   a string, a list of
                                                 acceptable spellings, or null
     "contents_lines": [...],                    exact lines of a contents list
     "headings": [...],                          exact section heading lines of the body
     "identifiers": [...],                       what a pre-publication check must flag
     "named_on_purpose": [...],                  authors, chairs, declared pseudonyms
     "events": [{"date": "2015-03", "text"}],    dated happenings of the story
     "themes": [...],                            theme ids (models/themes.yaml)
     "document_dates": [...]}                    optional: cover, publication, page-header,
                                                 citation dates (no event may take them)

Every file goes through the stages a user runs: ``scr ingest`` (``load_report``), the
one spaCy parse, ``scr verify`` (default policy, no key), ``scr events`` (default
scope) and ``scr themes``.  Gold strings are found in the ingested text with any run
of whitespace matching any other (ingest may re-join hard-wrapped lines); a gold
string that cannot be found is counted as "unlocated", never silently dropped.

Figures, per file and in total:

* key: declared codes found (code match, case and spacing ignored) / gold, and / found,
  counting only the entries the review declares (``source == "declared"``); the same over every
  key entry, with the subject as the cover names it (``source == "cover_subject"``), as ``_all``;
* metadata: board, title, subject, author right (a null gold field is right only
  when the pipeline also leaves it empty; "invented" counts those it filled);
* contents: contents lines that became section headings (errors) and those
  the structure pass marked as contents;
* headings: gold body headings that are section headings;
* verify: medium/high findings on no gold identifier, per 1,000 words (false alarms;
  those on a person named on purpose are also counted apart; a finding on part of a
  gold identifier without digits elsewhere, "Ms Vale" where the gold lists "Kim Vale",
  is counted as ``identifier_mentions``, not as a false alarm), and gold identifiers
  with a medium/high finding on their first occurrence;
* events: gold events whose sentence has an event with the gold date (a partial
  gold date "2015-03" matches any day of that month); of the dated events the
  pipeline wrote, how many are such a right one (precision), also over those dated by
  a phrase of their own (the gold lists only sentences a date is written in, so an
  event that took its paragraph's date counts against the first precision whether its
  date is right or not); and events dated by a phrase that is one of the gold document dates;
* themes: precision and recall of the theme ids assigned anywhere in the file.

``--exclude-seen`` leaves out the files whose address (``SOURCES.txt`` in DIR: stem,
tab, URL) has since been read for development (``/tmp/realread/*.txt``), so a
re-run scores only what is still held out.

Only counts and file stems are printed or written: the texts are real reviews.
"""

from __future__ import annotations

import json
import re
from collections.abc import Set as AbstractSet
from pathlib import Path

DEFAULT_DIR = Path("/tmp/realeval2")
META_FIELDS = {"board": "board", "title": "title", "subject": "subject_child", "author": "author"}
HONORIFICS = {"dr", "mr", "mrs", "ms", "miss", "prof", "professor", "lord", "sir", "dame"}


# ---- finding gold strings in the ingested text ----------------------------
def _pattern(s: str) -> re.Pattern:
    """A gold string as a pattern where any whitespace run matches any other."""
    return re.compile(r"\s+".join(re.escape(part) for part in s.split()))


def find_all(text: str, s: str) -> list[tuple[int, int]]:
    """Every occurrence of `s` in `text`, whitespace-flexible."""
    if not s.split():
        return []
    return [(m.start(), m.end()) for m in _pattern(s).finditer(text)]


def find_lines(text: str, s: str) -> list[tuple[int, int]]:
    """Occurrences of `s` that are a whole line (ingest may have re-joined wrapped
    lines, so when none is, every occurrence)."""
    hits = find_all(text, s)
    whole = [
        (a, b)
        for a, b in hits
        if (a == 0 or text[a - 1] == "\n") and (b == len(text) or text[b:].lstrip(" \t")[:1] in ("", "\n"))
    ]
    return whole or hits


def locate_lines(text: str, lines: list[str]) -> list[tuple[int, int] | None]:
    """Each line found in order, each after the previous one (a contents list is read
    top to bottom, and bare page numbers repeat); None for a line not found after
    the previous match (it is then looked for from the start, once)."""
    out, pos = [], 0
    for line in lines:
        hits = [h for h in find_lines(text, line) if h[0] >= pos] or find_lines(text, line)
        hit = hits[0] if hits else None
        if hit:
            pos = hit[1]
        out.append(hit)
    return out


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


# ---- loading ---------------------------------------------------------------
def load_cases(folder: Path, skip: AbstractSet[str] = frozenset()) -> list[tuple[str, Path, dict]]:
    """(stem, text path, gold) for every ``*.txt`` with a ``*.gold.json`` beside it."""
    cases = []
    for path in sorted(folder.glob("*.txt")):
        gold_path = path.with_suffix(".gold.json")
        if gold_path.exists() and path.stem not in skip:
            cases.append((path.stem, path, json.loads(gold_path.read_text(encoding="utf-8"))))
    return cases


def seen_stems(folder: Path, read_dir: Path) -> set[str]:
    """Stems whose source address (``SOURCES.txt``: stem, tab, URL) someone has since
    read for development (``read_dir/*.txt``, one URL a line): no longer held out."""
    sources = folder / "SOURCES.txt"
    if not sources.exists() or not read_dir.is_dir():
        return set()
    read = {line.strip() for f in read_dir.glob("*.txt") for line in f.read_text(encoding="utf-8").splitlines()}
    pairs = [line.split("\t", 1) for line in sources.read_text(encoding="utf-8").splitlines() if "\t" in line]
    return {stem for stem, url in pairs if url.strip() in read}


def run_pipeline(path: Path, nlp, analyzer, policy) -> dict:
    """What `scr ingest`, `scr verify`, `scr events` and `scr themes` give for one file."""
    from pipeline.deid.verify import verify_report
    from pipeline.events import extract_events
    from pipeline.ingest import load_report
    from pipeline.nlp import parse_report
    from pipeline.themes import tag_report

    report = load_report(path)
    doc = parse_report(report, nlp)
    return {
        "report": report,
        "findings": verify_report(report, doc, policy=policy, analyzer=analyzer),
        "events": extract_events(report, doc),
        "labels": tag_report(report, doc),
    }


# ---- scoring -----------------------------------------------------------------
def norm_code(code: str) -> str:
    return " ".join(re.sub(r"[\[\]()'\"‘’“”]", " ", code).casefold().split())


def score_key(gold: dict, report) -> dict:
    """Codes found against the gold's, two ways.  ``pred``/``tp`` count only the entries the review
    declares (``source == "declared"``): by the gold convention a subject named only on the cover or in
    the title is metadata, not a declared code.  ``pred_all``/``tp_all`` count every key entry, with
    those structure adds for the subject as the cover names it (``source == "cover_subject"``);
    ``pred_cover_subject`` counts those the gold leaves out."""
    wanted = {norm_code(k["code"]) for k in gold.get("key", [])}
    found_all = {norm_code(e.code) for e in report.key}
    found = {norm_code(e.code) for e in report.key if e.source == "declared"}
    cover = {norm_code(e.code) for e in report.key if e.source == "cover_subject"} - wanted - found
    return {
        "gold": len(wanted),
        "pred": len(found),
        "tp": len(wanted & found),
        "pred_all": len(found_all),
        "tp_all": len(wanted & found_all),
        "pred_cover_subject": len(cover),
    }


def _tokens(value: str) -> list[str]:
    value = re.sub(r"<[^>]+>", "", value)  # markup a page transcript kept
    return re.sub(r"[^\w&]+", " ", value.casefold()).split()


def meta_match(field: str, pred: str | None, gold, subject=None) -> bool:
    """A null gold field is right only if the pipeline left it empty; otherwise the
    prediction must equal one of the gold spellings (case, punctuation, markup and
    spacing ignored).  For people (author, subject) a leading honorific and up to
    three trailing words (post-nominals, "Independent Author") are allowed; a title
    may carry the gold subject before or after it ("Serious Case Review Child T")."""
    if gold is None:
        return not pred
    if not pred:
        return False
    got = _tokens(pred)
    while got and got[0] in HONORIFICS:
        got = got[1:]
    for alt in [gold] if isinstance(gold, str) else gold:
        want = _tokens(alt)
        while want and want[0] in HONORIFICS:
            want = want[1:]
        if got == want:
            return True
        for subj in [] if field != "title" or not subject else [subject] if isinstance(subject, str) else subject:
            extra = _tokens(subj)
            if got in (want + extra, extra + want):
                return True
        if field in ("author", "subject") and want and got[: len(want)] == want and len(got) - len(want) <= 3:
            return True
    return False


def score_metadata(gold: dict, report) -> dict:
    right, invented, fields = 0, 0, {}
    for field, attr in META_FIELDS.items():
        want = gold.get("metadata", {}).get(field)
        pred = getattr(report.metadata, attr)
        ok = meta_match(field, pred, want, gold.get("metadata", {}).get("subject"))
        fields[field] = ok
        right += ok
        invented += want is None and bool(pred)
    return {"total": len(META_FIELDS), "right": right, "invented": invented, "fields": fields}


def _heading_spans(report) -> list[tuple[int, int]]:
    return [(s.heading_start, s.heading_end) for s in report.sections]


def score_structure(gold: dict, report) -> dict:
    text = report.text
    headings = _heading_spans(report)
    contents_paras = [(p.start, p.end) for p in report.paragraphs if p.kind == "contents"]
    contents = locate_lines(text, gold.get("contents_lines", []))
    used = [c for c in contents if c]
    as_heading = sum(1 for c in used if any(overlaps(c, h) for h in headings))
    as_contents = sum(1 for c in used if any(overlaps(c, p) for p in contents_paras))
    found = unlocated = 0
    for line in gold.get("headings", []):
        hits = [h for h in find_lines(text, line) if not any(overlaps(h, c) for c in used)]
        if not hits:
            unlocated += 1
            continue
        found += any(overlaps(hits[0], h) for h in headings)
    gold_heads = [h for line in gold.get("headings", []) for h in find_lines(text, line)]
    other = sum(1 for h in headings if not any(overlaps(h, g) for g in gold_heads + used))
    return {
        "contents": len(contents),
        "contents_unlocated": len(contents) - len(used),
        "contents_as_heading": as_heading,
        "contents_as_contents": as_contents,
        "headings": len(gold.get("headings", [])),
        "headings_found": found,
        "headings_unlocated": unlocated,
        "other_headings": other,
    }


def score_verify(gold: dict, report, findings) -> dict:
    from pipeline.deid.policy import SEVERITY_RANK

    text = report.text
    medium = [f for f in findings if SEVERITY_RANK[f.severity] >= SEVERITY_RANK["medium"] and f.location is None]
    spans = [(f.start, f.end) for f in medium]
    planted = [h for s in gold.get("identifiers", []) for h in find_all(text, s)]
    named = [h for s in gold.get("named_on_purpose", []) for h in find_all(text, s)]
    found = unlocated = 0
    for s in gold.get("identifiers", []):
        hits = find_all(text, s)
        if not hits:
            unlocated += 1
            continue
        found += any(overlaps(hits[0], f) for f in spans)
    alarms = [f for f in spans if not any(overlaps(f, p) for p in planted)]
    # "Kim" or "Ms Vale" where the gold lists "Kim Vale": another mention of the same identifier
    mentions = [f for f in alarms if _identifier_mention(text[f[0] : f[1]], gold.get("identifiers", []))]
    alarms = [f for f in alarms if f not in mentions]
    return {
        "words": len(re.findall(r"\w+", text)),
        "medium_plus": len(spans),
        "false_alarms": len(alarms),
        "identifier_mentions": len(mentions),
        "named_flagged": sum(1 for f in alarms if any(overlaps(f, n) for n in named)),
        "identifiers": len(gold.get("identifiers", [])),
        "identifiers_found": found,
        "identifiers_unlocated": unlocated,
    }


def _identifier_mention(found: str, identifiers: list[str]) -> bool:
    """A finding whose words (honorifics and a possessive "s" aside) are all words of one gold identifier that holds
    no digit: the first name alone or title and surname of a named person the gold lists in full ("Ms Vale" for
    "Kim Vale") is a residual identifier, not a false alarm."""
    words = {w for w in re.findall(r"[^\W\d_]+", found.casefold()) if w not in HONORIFICS and w != "s"}
    return bool(words) and any(
        not re.search(r"\d", ident) and words <= set(re.findall(r"[^\W\d_]+", ident.casefold()))
        for ident in identifiers
    )


def date_ok(gold_date: str, event) -> bool:
    return event.date is not None and event.date.isoformat().startswith(gold_date)


def _covers(event, span: tuple[int, int]) -> bool:
    """The event's sentence holds the gold text's start, or half of the gold text."""
    if event.start <= span[0] < event.end:
        return True
    inter = min(event.end, span[1]) - max(event.start, span[0])
    return inter > 0 and inter * 2 >= span[1] - span[0]


def score_events(gold: dict, report, events) -> dict:
    text = report.text
    located = []
    for item in gold.get("events", []):
        hits = find_all(text, item["text"])
        located.append((item["date"], hits[0] if hits else None))
    right = sum(1 for d, span in located if span and any(_covers(e, span) and date_ok(d, e) for e in events))
    dated = [e for e in events if e.date is not None]
    right_of = [any(span and _covers(e, span) and date_ok(d, e) for d, span in located) for e in dated]
    own = [e.expression_start is not None for e in dated]
    doc_dates = [h for s in gold.get("document_dates", []) for h in find_all(text, s)]
    from_doc = sum(
        1
        for e in dated
        if e.expression_start is not None
        and any(overlaps((e.expression_start, e.expression_end), h) for h in doc_dates)
    )
    return {
        "gold": len(located),
        "unlocated": sum(1 for _, s in located if s is None),
        "right": right,
        "pred_dated": len(dated),
        "pred_right": sum(right_of),
        # the same over the events dated by a phrase of their own: a reader's gold lists the
        # sentences a date is written in, so an undated sentence that took its paragraph's date
        # ("The nurse rang the GP.") is never in it, right or not
        "pred_own": sum(own),
        "pred_own_right": sum(r and o for r, o in zip(right_of, own, strict=True)),
        "from_document_dates": from_doc,
    }


def score_themes(gold: dict, labels) -> dict:
    want = set(gold.get("themes", []))
    got = {t for label in labels for t in label.theme_ids()}
    return {"tp": len(want & got), "fp": len(got - want), "fn": len(want - got)}


def score_case(gold: dict, out: dict) -> dict:
    report = out["report"]
    return {
        "key": score_key(gold, report),
        "metadata": score_metadata(gold, report),
        "structure": score_structure(gold, report),
        "verify": score_verify(gold, report, out["findings"]),
        "events": score_events(gold, report, out["events"]),
        "themes": score_themes(gold, out["labels"]),
    }


def _ratio(a: int, b: int) -> float | None:
    return round(a / b, 3) if b else None


def summarise(results: dict[str, dict]) -> dict:
    """Totals over the files (sums of counts) and the ratios made from them."""
    total: dict[str, dict] = {}
    for scores in results.values():
        for group, counts in scores.items():
            bucket = total.setdefault(group, {})
            for name, value in counts.items():
                if isinstance(value, (bool, int)) and not isinstance(value, dict):
                    bucket[name] = bucket.get(name, 0) + int(value)
    k, m, s, v, e, t = (total.get(g, {}) for g in ("key", "metadata", "structure", "verify", "events", "themes"))
    ratios = {
        "key_recall": _ratio(k.get("tp", 0), k.get("gold", 0)),
        "key_precision": _ratio(k.get("tp", 0), k.get("pred", 0)),
        "key_recall_all": _ratio(k.get("tp_all", 0), k.get("gold", 0)),
        "key_precision_all": _ratio(k.get("tp_all", 0), k.get("pred_all", 0)),
        "metadata_right": _ratio(m.get("right", 0), m.get("total", 0)),
        "contents_as_heading": _ratio(s.get("contents_as_heading", 0), s.get("contents", 0)),
        "headings_found": _ratio(s.get("headings_found", 0), s.get("headings", 0)),
        "false_alarms_per_1000_words": (
            round(1000 * v.get("false_alarms", 0) / v["words"], 2) if v.get("words") else None
        ),
        "identifiers_found": _ratio(v.get("identifiers_found", 0), v.get("identifiers", 0)),
        "events_right": _ratio(e.get("right", 0), e.get("gold", 0)),
        "events_precision": _ratio(e.get("pred_right", 0), e.get("pred_dated", 0)),
        "events_precision_own_phrase": _ratio(e.get("pred_own_right", 0), e.get("pred_own", 0)),
        "themes_precision": _ratio(t.get("tp", 0), t.get("tp", 0) + t.get("fp", 0)),
        "themes_recall": _ratio(t.get("tp", 0), t.get("tp", 0) + t.get("fn", 0)),
    }
    return {"files": len(results), "counts": total, "ratios": ratios}


def evaluate(folder: Path, model: str | None = None, nlp=None, skip: AbstractSet[str] = frozenset()) -> dict:
    """Run the pipeline on every file of `folder` (but `skip`) and score it against its
    gold (`nlp`: an already loaded model, else `model` or the default is loaded)."""
    from pipeline.deid.policy import load_policy
    from pipeline.deid.recognizers import build_analyzer
    from pipeline.nlp import load_nlp

    nlp = nlp or load_nlp(model)
    analyzer, policy = build_analyzer(nlp), load_policy(None)
    results = {
        stem: score_case(gold, run_pipeline(path, nlp, analyzer, policy))
        for stem, path, gold in load_cases(folder, skip)
    }
    return {"per_file": results, "total": summarise(results)}


# ---- the printed table (counts and stems only) ------------------------------------------
COLUMNS = [
    ("words", lambda r: r["verify"]["words"]),
    ("key", lambda r: f"{r['key']['tp']}/{r['key']['gold']}/{r['key']['pred']}"),
    ("keyAll", lambda r: f"{r['key']['tp_all']}/{r['key']['pred_all']}"),
    ("meta", lambda r: f"{r['metadata']['right']}/{r['metadata']['total']}"),
    ("toc>H", lambda r: f"{r['structure']['contents_as_heading']}/{r['structure']['contents']}"),
    ("head", lambda r: f"{r['structure']['headings_found']}/{r['structure']['headings']}"),
    ("FA", lambda r: r["verify"]["false_alarms"]),
    ("ids", lambda r: f"{r['verify']['identifiers_found']}/{r['verify']['identifiers']}"),
    ("ev", lambda r: f"{r['events']['right']}/{r['events']['gold']}"),
    ("evP", lambda r: f"{r['events']['pred_right']}/{r['events']['pred_dated']}"),
    ("evO", lambda r: f"{r['events']['pred_own_right']}/{r['events']['pred_own']}"),
    ("docD", lambda r: r["events"]["from_document_dates"]),
    ("th", lambda r: f"{r['themes']['tp']}/{r['themes']['fp']}/{r['themes']['fn']}"),
]
LEGEND = (
    "key tp/gold/found (declared entries); keyAll tp/found (every entry, cover subject too); "
    "meta right/4; toc>H contents lines that became headings/contents lines; "
    "head gold headings found/gold; FA medium+ false alarms; ids identifiers flagged/gold; "
    "ev events dated right/gold; evP right/dated events written; evO the same over events dated by a "
    "phrase of their own; docD events dated by a document date; "
    "th themes tp/fp/fn"
)


def result_lines(result: dict) -> list[str]:
    """The table `bench/eval_real.py` prints: counts and file stems only (the texts are real reviews)."""
    stems = list(result["per_file"])
    width = max([len(s) for s in stems] + [5])
    lines = [f"{'file':{width}s} " + " ".join(f"{name:>9s}" for name, _ in COLUMNS)]
    for stem, scores in result["per_file"].items():
        lines.append(f"{stem:{width}s} " + " ".join(f"{str(get(scores)):>9s}" for _, get in COLUMNS))
    lines.append(LEGEND)
    total = result["total"]
    lines.append(f"\n== total over {total['files']} files")
    for group, counts in total["counts"].items():
        lines.append(f"  {group:10s} " + ", ".join(f"{k} {v}" for k, v in counts.items()))
    lines.append("== ratios")
    for name, value in total["ratios"].items():
        lines.append(f"  {name:30s} {value}")
    return lines
