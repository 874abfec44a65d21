"""From positioned lines of a paginated document to plain-text paragraphs.

Independent of the PDF library: a reader hands over `Line`s (text, page,
position, font size, weight) in reading order and gets back the text a
plain-text review would have, plus page offsets.  The steps, each a small
function:

- running headers, footers and page numbers: a line (digits normalised) that
  recurs at the top or bottom of at least half the pages, or a bare page
  number there, is dropped (`running_lines`);
- footnotes: the smaller-font lines at the foot of a page that start with a
  superscript marker are separated from the body (`split_footnotes`), and
  emitted as their own paragraph ("¹ text") after the paragraph in which the
  page ends, so body paragraphs stay whole;
- paragraphs: a new paragraph starts at a vertical gap, a change of font
  size or weight, a bullet, or after a short line that ends a sentence;
  across a page or column break a paragraph continues when the last line was
  full, ended with a hyphen or the next starts in lower case;
- hyphenation at line ends is undone unless the hyphenated form is the one
  the document itself uses elsewhere ("post-natal").
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate, pairwise

from ..lexicon import superscript_digits, to_superscript
from ..report import Page

SUPERSCRIPTS = superscript_digits()  # models/lexicon/marks.yaml
TO_SUPER = to_superscript()
LIGATURES = str.maketrans(
    {
        "ﬀ": "ff",
        "ﬁ": "fi",
        "ﬂ": "fl",
        "ﬃ": "ffi",
        "ﬄ": "ffl",
        "ﬅ": "st",
        "ﬆ": "st",
        "\u00a0": " ",
        "\u00ad": "",
        "\u200b": "",
    }
)
BULLET_RE = re.compile(r"^\s*(?:[•●▪■◦‣∙·\uf0b7\uf0a7\uf076\uf0d8\uf0fc\uf0a8\uf09f]|[-–—*](?=\s)|o(?=\s+[A-Z]))\s*")
PAGE_NUMBER_RE = re.compile(
    r"^\s*(?:page\s+)?[-–(]?\s*(?:\d{1,4}|[ivxlc]{1,6})\s*[-–)]?\s*(?:(?:of|/)\s*\d{1,4})?\s*$", re.IGNORECASE
)
SENTENCE_END_RE = re.compile(rf"[.!?:;]['\"’”)\]]*$|[.!?]['\"’”)\]]*\s*[{SUPERSCRIPTS}]+$")
URL_TAIL_RE = re.compile(r"(?:://|www\.)\S*$")
WORD_RE = re.compile(r"[a-z]+")
EDGE_LINES = 3
MIN_REPEAT_SHARE = 0.5


@dataclass
class Line:
    """One visual line: text in reading order with its geometry (PDF units, y up)."""

    text: str
    page: int  # 0-based
    x0: float
    x1: float
    y: float  # baseline
    size: float
    bold: bool = False
    hyphen_end: bool = False  # the line ended in a line-break hyphen
    superscript_start: bool = False  # the line starts with a raised footnote marker
    cuts: tuple[tuple[float, float], ...] = ()  # for each tab in `text`: x where text before ends, after starts


@dataclass
class Layout:
    """What the reader knows about the document as a whole."""

    pages: int
    page_heights: list[float] = field(default_factory=list)


def clean(text: str) -> str:
    """Ligatures, no-break and soft hyphens, zero-width spaces."""
    return text.translate(LIGATURES)


# ---------------------------------------------------------------- headers and footers
def _key(line: Line) -> tuple[str, int]:
    """Text with digits normalised, and height on the page: a running line recurs at one place."""
    return re.sub(r"\s+", " ", re.sub(r"\d+", "#", line.text.strip().lower())), round(line.y / 6)


def running_lines(lines: list[Line], n_pages: int) -> set[int]:
    """Indexes of running headers, footers and page numbers."""
    by_page: dict[int, list[int]] = {}
    for i, line in enumerate(lines):
        by_page.setdefault(line.page, []).append(i)
    edges: dict[int, list[int]] = {}
    counts: Counter = Counter()
    for page, idx in by_page.items():
        ordered = sorted(idx, key=lambda i: -lines[i].y)
        edge = ordered[:EDGE_LINES] + ordered[-EDGE_LINES:]
        edges[page] = list(dict.fromkeys(edge))
        counts.update({_key(lines[i]) for i in edges[page]})
    needed = max(2, MIN_REPEAT_SHARE * n_pages) if n_pages >= 3 else max(2, n_pages)
    dropped = set()
    for idx in edges.values():
        for i in idx:
            key = _key(lines[i])
            if PAGE_NUMBER_RE.match(lines[i].text) or (counts[key] >= needed and key[0]):
                dropped.add(i)
    return dropped


# ---------------------------------------------------------------- reading order
MIN_COLUMN_LINES = 5


def column_order(page_lines: list[Line]) -> list[Line]:
    """Lines of one page in reading order when the content stream interleaves two columns.

    Most PDFs draw a column at a time, and content order is kept.  When the
    stream jumps between the left and right halves (some layout programs
    write across), the page is read as: full-width lines above the columns,
    the left column top-down, the right column, then full-width lines below.
    """
    if len(page_lines) < MIN_COLUMN_LINES:
        return page_lines
    left_edge, right_edge = min(line.x0 for line in page_lines), max(line.x1 for line in page_lines)
    middle = (left_edge + right_edge) / 2
    page_lines = _split_at_gutter(page_lines, left_edge, right_edge)
    side = ["L" if line.x1 <= middle + 2 else "R" if line.x0 >= middle - 2 else "S" for line in page_lines]
    if side.count("L") < MIN_COLUMN_LINES or side.count("R") < MIN_COLUMN_LINES:
        return page_lines
    columned = [s for s in side if s != "S"]
    switches = sum(1 for a, b in pairwise(columned) if a != b)
    if switches <= 2:
        return page_lines  # already column by column
    in_columns = [line for line, s in zip(page_lines, side, strict=True) if s != "S"]
    top = max(line.y for line in in_columns)
    spanning = [line for line, s in zip(page_lines, side, strict=True) if s == "S"]
    above = sorted((line for line in spanning if line.y > top), key=lambda line: -line.y)
    below = sorted((line for line in spanning if line.y <= top), key=lambda line: -line.y)
    left = sorted((line for line, s in zip(page_lines, side, strict=True) if s == "L"), key=lambda line: -line.y)
    right = sorted((line for line, s in zip(page_lines, side, strict=True) if s == "R"), key=lambda line: -line.y)
    return above + left + right + below


def _split_at_gutter(lines: list[Line], left_edge: float, right_edge: float) -> list[Line]:
    """Split lines that run across a column gutter (pdfium joins both columns on one baseline).

    A table has the same shape, so the split needs prose evidence: the left
    pieces end near the gutter, as full lines of a column do.
    """
    width = right_edge - left_edge
    middle = (left_edge + right_edge) / 2
    found = []
    for i, line in enumerate(lines):
        for k, (end, begin) in enumerate(line.cuts):
            if end <= middle + 0.08 * width and begin >= middle - 0.08 * width:
                found.append((i, k))
                break
    if len(found) < MIN_COLUMN_LINES:
        return lines
    gutter = max(lines[i].cuts[k][0] for i, k in found)
    near = sum(1 for i, k in found if lines[i].cuts[k][0] >= gutter - 0.15 * (gutter - left_edge))
    if near < 0.7 * len(found):
        return lines  # ragged left pieces: a table, not columns
    split = {i: k for i, k in found}
    out = []
    for i, line in enumerate(lines):
        if i not in split:
            out.append(line)
            continue
        k = split[i]
        pieces = line.text.split("\t")
        left_text, right_text = "\t".join(pieces[: k + 1]), "\t".join(pieces[k + 1 :])
        end, begin = line.cuts[k]
        out.append(
            Line(
                left_text,
                line.page,
                line.x0,
                end,
                line.y,
                line.size,
                line.bold,
                False,
                line.superscript_start,
                line.cuts[:k],
            )
        )
        out.append(
            Line(
                right_text,
                line.page,
                begin,
                line.x1,
                line.y,
                line.size,
                line.bold,
                line.hyphen_end,
                False,
                line.cuts[k + 1 :],
            )
        )
    return out


# ---------------------------------------------------------------- footnotes
def body_size(lines: list[Line]) -> float:
    """The body font size: the size most characters are set in."""
    weights: Counter = Counter()
    for line in lines:
        weights[round(line.size * 2) / 2] += len(line.text)
    return weights.most_common(1)[0][0] if weights else 10.0


def split_footnotes(page_lines: list[Line], size: float) -> tuple[list[Line], list[str]]:
    """Body lines and footnote texts ("¹ text") of one page."""
    ordered = sorted(range(len(page_lines)), key=lambda i: page_lines[i].y)  # bottom first
    tail: list[int] = []
    for i in ordered:
        if page_lines[i].size < 0.92 * size:
            tail.append(i)
        else:
            break
    tail.sort(key=lambda i: -page_lines[i].y)  # top to bottom
    while tail and not _starts_note(page_lines[tail[0]], size):
        tail.pop(0)
    if not tail:
        return page_lines, []
    notes: list[str] = []
    for i in tail:
        line = page_lines[i]
        if _starts_note(line, size) or not notes:
            notes.append(_note_text(line))
        else:
            notes[-1] = _join(notes[-1], line.text.strip(), False, set())
    chosen = set(tail)
    return [line for i, line in enumerate(page_lines) if i not in chosen], notes


def _starts_note(line: Line, size: float) -> bool:
    text = line.text.lstrip()
    if line.superscript_start or (text[:1] in SUPERSCRIPTS):
        return True
    return bool(re.match(r"^\d{1,3}(?:\s|$)", text)) and line.size < 0.8 * size


def _note_text(line: Line) -> str:
    m = re.match(rf"^\s*([\d{SUPERSCRIPTS}]{{1,3}})\s*(.*)$", line.text)
    if not m:
        return line.text.strip()
    return f"{m[1].translate(TO_SUPER)} {m[2].strip()}"


# ---------------------------------------------------------------- paragraphs
def _pitches(lines: list[Line]) -> dict[float, float]:
    """Usual baseline-to-baseline distance for each font size."""
    gaps: dict[float, list[float]] = {}
    for prev, cur in pairwise(lines):
        if prev.page == cur.page and abs(prev.size - cur.size) < 0.5 and 0 < prev.y - cur.y < 3 * cur.size:
            gaps.setdefault(round(cur.size * 2) / 2, []).append(prev.y - cur.y)
    # the lower quartile: most gaps are within paragraphs, but a size used only
    # for one-line paragraphs (headings) must not take its paragraph gap as pitch
    return {k: sorted(v)[len(v) // 4] for k, v in gaps.items() if len(v) >= 5}


def _right_edges(lines: list[Line]) -> dict[tuple[int, int], float]:
    """The right margin of each (page, column) as the furthest line end there."""
    edges: dict[tuple[int, int], float] = {}
    for line in lines:
        key = (line.page, _column(line))
        edges[key] = max(edges.get(key, 0.0), line.x1)
    return edges


def _column(line: Line) -> int:
    return int(line.x0 // 150)


def _full(line: Line, edges: dict, lefts: dict) -> bool:
    right = edges.get((line.page, _column(line)), line.x1)
    left = lefts.get((line.page, _column(line)), line.x0)
    width = max(right - left, 1.0)
    return line.x1 >= right - 0.1 * width


def _short(line: Line, edges: dict, lefts: dict) -> bool:
    """A line ending well before the margin: the last of its paragraph (or a heading, a table row)."""
    right = edges.get((line.page, _column(line)), line.x1)
    left = lefts.get((line.page, _column(line)), line.x0)
    return line.x1 < right - 0.3 * max(right - left, 1.0)


def _starts_lower(text: str) -> bool:
    first = text.lstrip()[:1]
    return first.islower()


def breaks_before(prev: Line, cur: Line, pitches: dict, edges: dict, lefts: dict) -> bool:
    """Does `cur` start a new paragraph after `prev`?"""
    if BULLET_RE.match(cur.text) and not BULLET_RE.match(prev.text + " x"):
        return True
    if BULLET_RE.match(cur.text) or "\t" in cur.text or "\t" in prev.text:
        return True  # a bullet, or a table row (one per line)
    same_flow = cur.page == prev.page and prev.y - cur.y > 0 and _column(cur) == _column(prev)
    if not same_flow:  # page or column break
        if prev.hyphen_end or _starts_lower(cur.text):
            return False
        if SENTENCE_END_RE.search(prev.text.rstrip()):
            return True
        return not _full(prev, edges, lefts)
    if abs(prev.size - cur.size) > 0.12 * max(prev.size, cur.size) or prev.bold != cur.bold:
        return True
    pitch = pitches.get(round(cur.size * 2) / 2, cur.size * 1.2)
    if prev.y - cur.y > 1.3 * pitch:
        return True
    if prev.hyphen_end or _starts_lower(cur.text):
        return False
    starts_new = cur.text.lstrip()[:1].isupper() or cur.text.lstrip()[:1].isdigit()
    if starts_new and _short(prev, edges, lefts):
        return True
    return starts_new and not _full(prev, edges, lefts) and SENTENCE_END_RE.search(prev.text.rstrip()) is not None


def hyphenated_forms(lines: list[Line]) -> tuple[set[str], set[str]]:
    """Hyphenated words and plain words the document uses, without the fragments of broken words."""
    parts, broken = [], False
    for line in lines:
        text = line.text.lower()
        if broken:
            text = re.sub(r"^\s*[a-z]+", " ", text)
        broken = line.hyphen_end or text.rstrip().endswith("-")
        if broken:
            text = re.sub(r"[a-z]+-?\s*$", " ", text)
        parts.append(text)
    text = "\n".join(parts)
    return set(re.findall(r"[a-z]+-[a-z]+", text)), set(WORD_RE.findall(text))


def _join(prev: str, cur: str, hyphen_end: bool, vocab) -> str:
    """Join two lines of one paragraph, undoing line-end hyphenation."""
    cur = cur.strip()
    if hyphen_end or re.search(r"[A-Za-z]-$", prev):
        stem = prev[:-1] if prev.endswith("-") else prev
        head = re.search(r"([A-Za-z]+)$", stem)
        tail = re.match(r"[A-Za-z]+", cur)
        if head and tail and keeps_hyphen(head[1], tail[0], vocab):
            return stem + "-" + cur
        return stem + cur
    if (
        URL_TAIL_RE.search(prev)
        and not re.search(r"[>)\].,]$", prev)
        and re.match(r"[\w/?&=#%.()\[\]\\-]+", cur)
        and not re.match(r"[A-Z][a-z]+\s", cur)
    ):
        return prev + cur
    return prev.rstrip() + " " + cur


def keeps_hyphen(head: str, tail: str, vocab) -> bool:
    """Is a hyphen at a line end part of the word ("short-term") rather than a line break ("assess-ment")?

    Decided by the document's own usage: the hyphenated form or the joined
    form seen elsewhere decides; otherwise a hyphen between two words the
    document uses on their own ("short", "term") is kept.
    """
    hyphenated, words = vocab if vocab else (set(), set())
    h, t = head.lower(), tail.lower()
    if f"{h}-{t}" in hyphenated or tail[:1].isupper():
        return True
    if h + t in words:
        return False
    return len(h) >= 2 and len(t) >= 3 and h in words and t in words


def _bullet(text: str) -> str:
    m = BULLET_RE.match(text)
    return "- " + text[m.end() :].strip() if m else text.strip()


def assemble(lines: list[Line], notes_by_page: dict[int, list[str]], n_pages: int) -> tuple[str, list[Page]]:
    """Paragraph text and page spans from body lines in reading order."""
    pitches = _pitches(lines)
    edges = _right_edges(lines)
    lefts: dict[tuple[int, int], float] = {}
    for line in lines:
        key = (line.page, _column(line))
        lefts[key] = min(lefts.get(key, line.x0), line.x0)
    vocab = hyphenated_forms(lines)
    out: list[str] = []  # finished blocks
    kinds: list[str] = []
    page_starts: dict[int, int] = {}
    current: str | None = None
    current_kind = "text"
    pending: list[str] = []
    length = 0  # length of the text emitted so far, incl. separators

    def emit(block: str, kind: str) -> None:
        nonlocal length
        sep = _separator(out, kinds, kind)
        out.append("\n" * sep + block)
        kinds.append(kind)
        length += sep + len(block)

    def close() -> None:
        nonlocal current
        if current is not None and current.strip():
            emit(current.strip(), current_kind)
        current = None
        for note in pending:
            emit(note, "footnote")
        pending.clear()

    prev: Line | None = None
    for line in lines:
        text = line.text.strip()
        if not text:
            continue
        if prev is not None and line.page != prev.page:
            for page in range(prev.page, line.page):
                pending.extend(notes_by_page.get(page, []))
        if current is None or prev is None or breaks_before(prev, line, pitches, edges, lefts):
            close()
            current_kind = "bullet" if BULLET_RE.match(line.text) else "row" if "\t" in text else "text"
            current = _bullet(text) if current_kind == "bullet" else text
            page_starts.setdefault(line.page, length + _separator(out, kinds, current_kind))
        else:
            joined = _join(current, text, prev.hyphen_end, vocab)
            page_starts.setdefault(line.page, length + _separator(out, kinds, current_kind) + len(joined) - len(text))
            current = joined
        prev = line
    if prev is not None:
        for page in range(prev.page, n_pages):
            pending.extend(notes_by_page.get(page, []))
    close()
    text = "".join(out)
    return text, _pages(page_starts, len(text))


def _separator(out: list[str], kinds: list[str], kind: str) -> int:
    """Newlines before the next block: one between list items, else a blank line."""
    if not out:
        return 0
    return 1 if kind == kinds[-1] and kind in ("bullet", "row") else 2


def _pages(starts: dict[int, int], length: int) -> list[Page]:
    ordered = sorted((offset, page) for page, offset in starts.items())
    pages = []
    for i, (offset, page) in enumerate(ordered):
        end = ordered[i + 1][0] if i + 1 < len(ordered) else length
        start = 0 if i == 0 else offset
        if end > start:
            pages.append(Page(start=start, end=end, number=page + 1))
    return pages


# ---------------------------------------------------------------- plain text of converted pages
# Reviews also arrive as text: pdftotext output, a PDF copied out of a viewer, a
# web transcript of a PDF.  They carry the same furniture as the PDF, only
# without geometry: `clean_plain_text` finds it by shape and repetition instead.
EDGE_REACH = 2  # non-blank lines either side of a page marker that count as the page's edge
TOP_LINES = 40  # site chrome is only taken for granted in the first lines of a file
COVER_TITLE_REACH = 3  # a running header among the first lines of the file is the cover's title there
TERMINAL_RE = re.compile(rf"[.!?:;]['\"’”)\]]*$|[.!?]['\"’”)\]]*\s*[{SUPERSCRIPTS}\d]{{0,2}}$")
STRUCTURE_START_RE = re.compile(r"^\s*(?:#{1,6}\s|[-*•●▪◦‣–·]\s|\|)|^\s*\d{1,2}(?:\.\d{1,2}){0,3}\.?\s+[A-Z(‘'\"“]")


def _chrome_patterns() -> dict:
    from ..regex_cache import compiled
    from ..resources import load_yaml

    data = load_yaml("structure", "page_chrome.yaml")

    def full(pats: list[str]) -> list[re.Pattern[str]]:
        return [compiled(rf"^(?:{p})$", re.IGNORECASE) for p in pats]

    out = {key: full(data[key]) for key in ("page_markers", "running_with_number", "site_chrome", "transcript_start")}
    out["first_page_marker"] = full([data["first_page_marker"]])
    out["first_page_reach"] = data["first_page_reach"]
    return out


def _matches(patterns, text: str) -> bool:
    return any(p.match(text) for p in patterns)


def _digits_key(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"\d+", "#", text.strip().lower()))


MIN_PAGE_LINES = 3  # non-blank lines between two page numbers: fewer is a contents column ("Findings ⏎ 32 ⏎ … ⏎ 34")


def _cased_key(text: str) -> str:
    """`_digits_key` keeping the case of the letters."""
    return re.sub(r"\s+", " ", re.sub(r"\d+", "#", text.strip()))


def _page_number_chain(lines: list[str]) -> set[int]:
    """Bare numbers alone on their line that count up through the document (page numbers), each a page of
    text after the last: the page numbers a contents table sets under its entries are closer together."""
    numbers = [(i, int(t.strip())) for i, t in enumerate(lines) if re.fullmatch(r"\s*\d{1,3}\s*", t)]
    filled = list(accumulate(1 if t.strip() else 0 for t in lines))
    best: list[list[int]] = []
    for k, (i, n) in enumerate(numbers):  # longest chain with steps of one or two pages
        chain = [k]
        for j in range(k - 1, -1, -1):
            prev = numbers[j][1]
            between = filled[i] - filled[numbers[j][0]] - 1
            if 1 <= n - prev <= 2 and between >= MIN_PAGE_LINES and best[j] and len(best[j]) + 1 > len(chain):
                chain = best[j] + [k]
        best.append(chain)
    longest = max(best, key=len, default=[])
    return {numbers[k][0] for k in longest} if len(longest) >= 3 else set()


def chrome_lines(lines: list[str]) -> set[int]:
    """Indexes of running headers, footers, page numbers and site chrome in plain text."""
    pats = _chrome_patterns()
    stripped = [line.strip() for line in lines]
    keys = [_digits_key(t) for t in stripped]
    counts = Counter(k for k in keys if k)
    found: set[int] = set()
    for i, text in enumerate(stripped):
        if not text:
            continue
        if _matches(pats["page_markers"], text) or (
            counts[keys[i]] >= 2 and _matches(pats["running_with_number"], text)
        ):
            found.add(i)
    found |= _page_number_chain(lines)
    found |= _transcript_preamble(stripped, pats)
    nonblank = [i for i, t in enumerate(stripped) if t]
    position = {i: k for k, i in enumerate(nonblank)}
    for k, i in enumerate(nonblank):  # a bare number beside a running header is its page number
        if re.fullmatch(r"\d{1,3}", stripped[i]) and any(
            nonblank[n] in found for n in (k - 1, k + 1) if 0 <= n < len(nonblank)
        ):
            found.add(i)
    by_key: dict[str, list[int]] = {}
    for i in nonblank:
        # a running line is set the same each time: "Executive Summary" on the cover and "EXECUTIVE SUMMARY"
        # in the contents and over the body are a title, an entry and a heading, not one header
        by_key.setdefault(_cased_key(stripped[i]), []).append(i)
    for _ in range(3):  # a two-line running header: the second line stands beside the first
        before = len(found)
        _repeated_chrome(by_key, found, stripped, position, nonblank, pats)
        if len(found) == before:
            break
    return found


def _repeated_chrome(
    by_key: dict, found: set[int], stripped: list[str], position: dict, nonblank: list[int], pats: dict
) -> None:
    """Lines that recur at page edges, beside their page number, inside sentences, or are site chrome."""
    near = {
        nonblank[k]
        for i in found
        if i in position
        for k in range(max(0, position[i] - EDGE_REACH), min(len(nonblank), position[i] + EDGE_REACH + 1))
    }
    for key, where in by_key.items():
        if (
            all(i in found for i in where)
            or not re.search(r"[a-z]{2}", key, re.IGNORECASE)
            or re.match(r"^(?:#|```|\||[-*] )", key)
        ):
            continue  # a running line has words; Markdown fences, headings, rows and items are not furniture
        at_edges = sum(1 for i in where if i in near)
        numbered = [i for i in where if _bare_number_beside(i, position, nonblank, stripped)]
        if len(where) >= 3 and len(numbered) * 2 >= len(
            where
        ):  # "Child V Serious Case Review ⏎ 3": a footer and its page
            found.update(where)
            found.update(n for i in numbered for n in _bare_number_beside(i, position, nonblank, stripped))
            continue
        repeated_at_edges = (len(where) >= 3 and at_edges * 2 >= len(where)) or _twice_beside_markers(
            where, found, position, nonblank
        )
        site = _matches(pats["site_chrome"], stripped[where[0]]) and (
            len(where) >= 2 or at_edges or all(position[i] < TOP_LINES for i in where)
        )
        if site:
            found.update(where)
        elif repeated_at_edges or (len(where) >= 3 and _interrupts(where, stripped, position, nonblank)):
            # a header that is also the cover's first line is the title there
            found.update(
                where[1:]
                if position[where[0]] < COVER_TITLE_REACH and not re.search(r"\d", stripped[where[0]])
                else where
            )


def _twice_beside_markers(where: list[int], found: set[int], position: dict, nonblank: list[int]) -> bool:
    """A line that occurs twice, each time right after (or each time right before) a page marker: a
    running header of a short document.  A contents entry and its heading do not sit like that."""
    if len(where) != 2 or any(i in found for i in where):
        return False
    sides = set()
    for i in where:
        k = position[i]
        before = k > 0 and nonblank[k - 1] in found
        after = k + 1 < len(nonblank) and nonblank[k + 1] in found
        if not (before or after):
            return False
        sides.add((before, after))  # also between two markers each time ("Page 2: …" above, "… Page 2" below)
    return len(sides) == 1


def _bare_number_beside(i: int, position: dict, nonblank: list[int], stripped: list[str]) -> list[int]:
    """The bare number line just before or after line `i`, if any."""
    k = position[i]
    return [
        nonblank[n]
        for n in (k - 1, k + 1)
        if 0 <= n < len(nonblank) and re.fullmatch(r"\d{1,3}", stripped[nonblank[n]])
    ]


def _transcript_preamble(stripped: list[str], pats: dict) -> set[int]:
    """A sharing site's page above "TRANSCRIPT" (title, counts, upload date), or above a
    "Page 1" that stands among the first lines when only site chrome is above it."""
    seen = 0
    for i, text in enumerate(stripped):
        if not text:
            continue
        seen += 1
        if seen > TOP_LINES:
            break
        if _matches(pats["transcript_start"], text):
            return set(range(i + 1))
        above = [t for t in stripped[:i] if t]
        if (
            seen <= pats["first_page_reach"]
            and _matches(pats["first_page_marker"], text)
            and above
            and all(_matches(pats["site_chrome"], t) or t.lower().startswith("download") for t in above)
        ):
            return set(range(i + 1))  # every line above is the site's: a cover never stands there
    return set()


def _interrupts(where: list[int], stripped: list[str], position: dict, nonblank: list[int]) -> bool:
    """Does one occurrence of a repeated line stand inside a sentence (a running header mid-paragraph)?"""
    for i in where:
        k = position[i]
        if 0 < k < len(nonblank) - 1:
            before, after = stripped[nonblank[k - 1]], stripped[nonblank[k + 1]]
            if not TERMINAL_RE.search(before) and after[:1].islower():
                return True
    return False


def _wrap_width(lines: list[str]) -> int:
    lengths = sorted(len(line.strip()) for line in lines if len(line.strip()) >= 20)
    return lengths[int(0.9 * (len(lengths) - 1))] if lengths else 0


def is_hard_wrapped(lines: list[str]) -> bool:
    """Lines broken at a fixed width inside paragraphs (converted PDF), not one paragraph per line."""
    width = _wrap_width(lines)
    if not 40 <= width <= 130:
        return False
    nonblank = [line.strip() for line in lines if line.strip()]
    long_lines = [k for k, line in enumerate(nonblank[:-1]) if len(line) >= 0.7 * width]
    if len(long_lines) < 2:
        return False
    continued = sum(1 for k in long_lines if not TERMINAL_RE.search(nonblank[k]) or nonblank[k + 1][:1].islower())
    lower = sum(1 for k in long_lines if nonblank[k + 1][:1].islower())  # a sentence running on: the clearest sign
    return lower >= 2 and continued >= 0.3 * len(long_lines)


def _blank_between(lines: list[str], width: int) -> bool:
    """Every line a paragraph of its own (web transcripts): blank lines say nothing about paragraphs."""
    long_idx = [i for i, line in enumerate(lines[:-1]) if len(line.strip()) >= 0.7 * width]
    if not long_idx:
        return False
    return sum(1 for i in long_idx if not lines[i + 1].strip()) >= 0.8 * len(long_idx)


def _continues(
    prev: str, cur: str, gap: int, width: int, spaced: bool, page_break: bool, prev_line: str | None = None
) -> bool:
    """Is `cur` the next line of the paragraph that `prev` is in?

    Across a blank line only in transcripts (where every line stands alone), at
    a page break, or when `cur` carries on a sentence in lower case.  `prev_line`
    is the paragraph's last line as it stood in the file: across a blank line,
    whether it ran to the wrap width is read from it, not from the lines joined
    so far (else, once one line is joined, every short line of a transcript
    after it, "To view this licence:", a list item, a contents entry, would look
    full and be joined on too).
    """
    if not prev or not cur or "\t" in prev or "\t" in cur or STRUCTURE_START_RE.match(cur) and TERMINAL_RE.search(prev):
        return False
    if numbers_next(prev, cur):
        return False  # "1.3 ... a rare illness" then "1.4 The survey ...": a stop lost, the numbering goes on
    last_line = prev_line if prev_line and gap and not page_break else prev  # across a blank line: the line itself
    if re.match(r"^\s*(?:#{1,6}\s|[-*•●▪◦‣·]\s|\|)", cur) or len(last_line) < 0.7 * width:
        return False
    if re.search(r"(?:\.{3,}|…)\s*\d{1,3}$", prev) or re.fullmatch(r"[\d\s]+", cur):
        return False  # a contents entry ends at its page number
    if gap and not (spaced or page_break or cur[:1].islower()):
        return False
    if gap and _stands_alone(cur, width):
        return False  # "About the author" after a page break: a heading, not the tail of the line before
    if not TERMINAL_RE.search(prev) or cur[:1].islower():
        return True
    return gap == 0 or spaced


def _stands_alone(line: str, width: int) -> bool:
    """A short capitalised line of a few words that ends in no punctuation ("About the author", "Key Findings"):
    the last line of a wrapped paragraph ends its sentence, so after a blank line or a page break such a
    line is a heading or a label, never the tail of the paragraph before it."""
    return (
        line[:1].isupper()
        and len(line.split()) <= 6
        and len(line) < 0.5 * width
        and not re.search(r"[.,;:!?)\]”’\"'\d]$", line)
    )


PARAGRAPH_NUMBER_RE = re.compile(r"^\s*(\d{1,2}(?:\.\d{1,2}){0,3})\.?\s+[A-Z(‘'\"“]")


def numbers_next(paragraph: str, line: str) -> bool:
    """`line` opens with the number that follows the one `paragraph` opens with ("1.3" then
    "1.4", "1.3.1", "2" or "2.1"): a new numbered paragraph even when the one before lost its
    full stop in conversion, so it is not joined on as a wrapped line."""
    this, nxt = PARAGRAPH_NUMBER_RE.match(paragraph), PARAGRAPH_NUMBER_RE.match(line)
    if not this or not nxt:
        return False
    parts = [int(n) for n in this.group(1).split(".")]
    following = {
        (*parts[:-1], parts[-1] + 1),  # the next at the same depth
        (*parts, 1),  # its first sub-paragraph
        *((*parts[: k - 1], parts[k - 1] + 1) for k in range(1, len(parts))),  # the next of a part above
        *((*parts[: k - 1], parts[k - 1] + 1, 1) for k in range(1, len(parts))),
    }
    return tuple(int(n) for n in nxt.group(1).split(".")) in following


PAGE_BREAK = "\x00"  # where chrome was removed: a paragraph may run on across it


def page_indent(lines: list[str]) -> str:
    """The indentation a renderer gave every line of the page ("    " before each line of a transcript that sets
    each page in a box), when at least four in five non-blank lines share it: only deeper indentation is kept."""
    indents = Counter(len(line) - len(line.lstrip(" ")) for line in lines if line.strip() and line != PAGE_BREAK)
    if not indents:
        return ""
    width, count = indents.most_common(1)[0]
    return " " * width if width and count >= 0.8 * sum(indents.values()) else ""


def rewrap(lines: list[str]) -> list[str]:
    """Hard-wrapped lines joined into one line per paragraph, line-end hyphenation undone.

    Indented lines (code, verse, tables set with spaces) are kept as they are; an indentation
    every line shares (`page_indent`) does not count.
    """
    base = page_indent(lines)
    deep = base + "    "
    width = _wrap_width(lines)
    spaced = _blank_between(lines, width)
    words = set(WORD_RE.findall("\n".join(lines).lower()))
    vocab = (set(re.findall(r"[a-z]+-[a-z]+", "\n".join(lines).lower())), words)
    out: list[str] = []
    gap, page_break = 0, False
    physical = ""  # the last line as the file had it
    for line in lines:
        text = line.strip()
        if not text or text == PAGE_BREAK:
            gap += 1
            page_break = page_break or text == PAGE_BREAK
            continue
        last = len(out) - 1 - next((k for k, line in enumerate(reversed(out)) if line.strip()), 0) if out else -1
        indented = line.startswith(deep) or (last >= 0 and out[last].startswith(deep))
        if (
            out
            and last >= 0
            and not indented
            and _continues(out[last].strip(), text, gap, width, spaced, page_break, physical)
        ):
            joined = _join(out[last].rstrip(), text, False, vocab)
            del out[last + 1 :]
            out[last] = joined
        else:
            out.extend([""] * min(gap, 1) if out else [])
            out.append(line.rstrip())
        gap, page_break, physical = 0, False, text
    return out


def _ends_open(line: str) -> bool:
    """Does `line` stop on a word no English sentence ends on ("... a fall at home in", "... by the")?
    Then the sentence goes on in the next line whatever its case (`open_line_end_words` in page_chrome.yaml)."""
    words = re.findall(r"[^\W\d_]+$", line)
    return bool(words) and words[0].casefold() in _open_line_end_words()


@lru_cache(maxsize=1)
def _open_line_end_words() -> frozenset[str]:
    from ..resources import load_yaml

    return frozenset(w.casefold() for w in load_yaml("structure", "page_chrome.yaml")["open_line_end_words"])


def join_broken_sentences(lines: list[str]) -> list[str]:
    """In page text too short to show its wrap width, a sentence broken at a line end and carried on
    in lower case after a blank line or a removed page header ("His mother's ⏎⏎ partner (known as …")
    is one line again, and so is one broken after a word no sentence ends on, whatever the next line's
    case ("the baby was admitted in ⏎⏎ March 2016 after …", `_ends_open`).  Lists, headings and table
    rows are left as they are."""
    out: list[str] = []
    for line in lines:
        text = line.strip()
        if not text or text == PAGE_BREAK:
            if text != PAGE_BREAK:
                out.append(line)
            continue
        last = next((k for k in range(len(out) - 1, -1, -1) if out[k].strip()), None)
        prev = out[last].strip() if last is not None else ""
        if (
            last is not None
            and len(prev) >= 40
            and not TERMINAL_RE.search(prev)
            and (text[:1].islower() or (_ends_open(prev) and not STRUCTURE_START_RE.match(text)))
            and "\t" not in prev
            and not re.match(r"^\s*(?:#{1,6}\s|[-*•●▪◦‣·]\s|\|)", text)
            and "|" not in prev
        ):
            out[last] = out[last].rstrip() + " " + text
            del out[last + 1 :]
        else:
            out.append(line)
    return out


def clean_plain_text(text: str, markdown: bool = False) -> str:
    """Plain text without page furniture and, when hard-wrapped, with its paragraphs rejoined.

    Text that was not produced from pages (no chrome, one paragraph per line)
    comes back unchanged, so hand-written drafts keep their exact offsets; so
    does Markdown whose lines are merely soft-wrapped.
    """
    lines = text.split("\n")
    dropped = chrome_lines(lines)
    if dropped:
        lines = [PAGE_BREAK if i in dropped else line for i, line in enumerate(lines)]
        lines = [line for i, line in enumerate(lines) if line != PAGE_BREAK or i == 0 or lines[i - 1] != PAGE_BREAK]
    if (dropped or not markdown) and is_hard_wrapped([line for line in lines if line != PAGE_BREAK]):
        lines = rewrap(lines)
    elif not dropped:
        return text
    else:
        lines = join_broken_sentences(lines)
    lines = [line for line in lines if line != PAGE_BREAK]
    cleaned = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n")
    return cleaned + "\n" if text.endswith("\n") else cleaned
