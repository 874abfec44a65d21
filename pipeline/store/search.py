"""Search the corpus store: paragraphs by theme, full text, dates and report, ranked.

A query combines any of:
- `themes`      every one of these themes (on the paragraph; or, with
                `within="report"`, somewhere in the same report: the
                co-occurrence query "domestic_abuse AND escalation in the same report");
- `any_themes`  at least one of these themes on the paragraph;
- `text`        full text (porter stemming: "shared" finds "sharing"), read
                as a person types it (`parse_text`): words are all required,
                "a phrase" in double quotes, `OR` between alternatives,
                `-word` (or `NOT word`) to leave out, `word*` for a prefix;
                every other character (colons, parentheses, ^, +, a stray
                quote) is just a word separator, so no query is a syntax
                error.  `raw=True` passes the text to the backend's own
                syntax instead (FTS5 on SQLite, to_tsquery on PostgreSQL),
                and a syntax error there is UnusableInput;
- `date_from`/`date_to`  the paragraph narrates an event dated in the range
                (`date_scope="paragraph"`), or the report's review period
                overlaps it (`date_scope="report"`);
- `reports`     report names (glob patterns allowed: "review_0*").

Ranking: bm25 when there is a text query, then the summed score of the
requested themes.  Negated theme mentions ("no evidence of domestic abuse")
never match a theme filter.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Sized
from dataclasses import asdict, dataclass, field

from ..errors import UnusableInput

# contents lines repeat the headings, headings (short) would top every bm25 ranking, and chrome
# (a transcript's teaser line) repeats a sentence from elsewhere in the report
EXCLUDED_KINDS = ("contents", "heading", "chrome")
MARK = ("**", "**")
# a double-quoted phrase (an unclosed quote runs to the end), or a run of anything else up to a space or quote
QUERY_TOKEN = re.compile(r'(-?)"([^"]*)(?:"|$)|([^\s"]+)')
WORD = re.compile(r"[^\W_]")  # what FTS5's unicode61 tokenizer keeps: letters and digits
WORDS = re.compile(r"[^\W_]+")
UNSENDABLE = re.compile(r"[\x00\ud800-\udfff]")  # NUL ends an FTS5 string early; lone surrogates cannot be encoded
# the cost of a full-text query grows faster than its length:
# 400 words of one common word took 30 s on 40,000 paragraphs
MAX_QUERY_WORDS = 64


@dataclass
class SearchQuery:
    themes: list[str] = field(default_factory=list)
    any_themes: list[str] = field(default_factory=list)
    text: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    reports: list[str] = field(default_factory=list)
    within: str = "paragraph"  # where `themes` must co-occur: paragraph | report
    date_scope: str = "paragraph"  # paragraph | report
    limit: int = 20  # 0 = no limit
    raw: bool = False  # `text` in the backend's own query syntax (FTS5 / to_tsquery)
    mark: tuple[str, str] = MARK
    snippet_tokens: int = 24


@dataclass
class Hit:
    rank: int
    report: str
    section: str | None
    section_title: str | None
    kind: str
    number: str | None
    start: int
    end: int
    themes: list[dict]
    snippet: str
    score: float | None
    dates: list[str]
    paragraph_id: int

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class Term:
    """One word or quoted phrase of a typed query."""

    text: str
    negated: bool = False
    prefix: bool = False


def parse_text(text: str) -> list[list[Term]]:
    """A typed query as alternatives (OR) of terms that must all match (or must not, when negated).

    Reads what people type, the way web search engines do: words, "a
    phrase", `OR` (upper case) between alternatives, `-word` or `NOT word`
    to leave a word out, `AND` (implied anyway), `word*` for a prefix.
    Anything else is text: `10:30`, `note: police`, `Child E"s` and
    `(police` are words to find, never syntax.  UnusableInput only when
    nothing is left to look for.
    """
    shown = _shown(text)
    text = UNSENDABLE.sub(" ", text)
    groups: list[list[Term]] = [[]]
    negate_next = False
    for match in QUERY_TOKEN.finditer(text):
        minus, phrase, bare = match.groups()
        if bare in ("AND", "OR", "NOT"):
            if bare == "OR" and groups[-1]:
                groups.append([])
            negate_next = bare == "NOT"
            continue
        if bare is not None:
            core = bare.lstrip("-")
            term = Term(core.rstrip("*"), negated=core != bare, prefix=core.endswith("*"))
        else:
            term = Term(phrase, negated=bool(minus))
        if negate_next:
            term, negate_next = Term(term.text, True, term.prefix), False
        if WORD.search(term.text) and term not in groups[-1]:  # a repeated term adds only cost
            groups[-1].append(term)
    groups = [group for group in groups if group]
    _check_size(shown, sum(len(WORDS.findall(term.text)) for group in groups for term in group))
    if not groups:
        raise UnusableInput(f"--text {shown}: no words to search for in this full-text query")
    if any(all(term.negated for term in group) for group in groups):
        raise UnusableInput(f"--text {shown}: say what to look for, not only what to leave out (-word, NOT word)")
    return groups


def _check_size(shown: str, words: int) -> None:
    if words > MAX_QUERY_WORDS:
        raise UnusableInput(f"--text {shown}: {words} words; a full-text query can have at most {MAX_QUERY_WORDS}")


def _shown(text: str, width: int = 60) -> str:
    """The query as quoted in a one-line message (escaped, shortened)."""
    shown = repr(text[:width] + ("…" if len(text) > width else ""))
    return shown.encode("ascii", "backslashreplace").decode("ascii") if UNSENDABLE.search(text) else shown


def fts_query(text: str) -> str:
    """The FTS5 query for what a user typed (see `parse_text`).

    Every term is an FTS5 string (quotes doubled), so FTS5 tokenises it the
    way it tokenised the paragraphs and never reads it as syntax: a term
    of punctuation only is an empty phrase, which matches nothing.
    """
    groups = parse_text(text)

    def string(term: Term) -> str:
        return '"' + term.text.replace('"', '""') + '"' + ("*" if term.prefix else "")

    alternatives = []
    for group in groups:
        expr = " ".join(string(t) for t in group if not t.negated) + "".join(
            f" NOT {string(t)}" for t in group if t.negated
        )
        alternatives.append(f"({expr})" if len(groups) > 1 and len(group) > 1 else expr)
    return " OR ".join(alternatives)


def raw_text(text: str) -> str:
    """A raw query as it can be sent (NUL and lone surrogates cannot be); empty is UnusableInput."""
    shown = _shown(text)
    text = UNSENDABLE.sub(" ", text).strip()
    if not text:
        raise UnusableInput("--text is empty")
    _check_size(shown, len(WORDS.findall(text)))
    return text


def _validate(query: SearchQuery) -> None:
    if query.within not in ("paragraph", "report"):
        raise UnusableInput(f"--within must be paragraph or report, not {query.within!r}")
    if query.date_scope not in ("paragraph", "report"):
        raise UnusableInput(f"--date-scope must be paragraph or report, not {query.date_scope!r}")
    for label, value in (("--from", query.date_from), ("--to", query.date_to)):
        if value is not None and not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
            raise UnusableInput(f"{label} {value!r}: use an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)")


def _bounds(query: SearchQuery) -> tuple[str, str]:
    """ISO bounds; a year or month expands to its whole span ('2019' → 2019-01-01 … 2019-12-31)."""
    return _day(query.date_from, first=True) if query.date_from else "0001-01-01", _day(
        query.date_to, first=False
    ) if query.date_to else "9999-12-31"


def _day(value: str, first: bool) -> str:
    """The first or last real day of a YYYY, YYYY-MM or YYYY-MM-DD value."""
    import calendar
    import datetime as dt

    parts = [int(x) for x in value.split("-")]
    year, month = parts[0], parts[1] if len(parts) > 1 else (1 if first else 12)
    day = (
        parts[2] if len(parts) > 2 else (1 if first else calendar.monthrange(year, month)[1] if 1 <= month <= 12 else 0)
    )
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError as exc:
        raise UnusableInput(f"{value!r} is not a real date ({exc})") from exc


def name_clause(name: str, dialect: str = "sqlite") -> tuple[str, list[str]]:
    """A report-name condition: exact, or a glob pattern ("review_0*").

    A name is always matched exactly too, so a report whose name holds `[`,
    `*` or `?` can still be asked for by that name; `%` and `_` are never
    wildcards.
    """
    if not any(c in name for c in "*?["):
        return "r.name = ?", [name]
    if dialect == "postgresql":
        from .pg import glob_regex

        try:
            re.compile(glob_regex(name))
        except re.error:  # "[z-a]" or "[\\]": SQLite's GLOB matches nothing there; the server would raise
            return "r.name = ?", [name]
        return "(r.name = ? OR r.name ~ ?)", [name, glob_regex(name)]
    return "(r.name = ? OR r.name GLOB ?)", [name, name]


def build_sql(query: SearchQuery, dialect: str = "sqlite") -> tuple[str, list]:
    """The SELECT for a query, with its parameters (SQLite FTS5, or PostgreSQL tsvector)."""
    _validate(query)
    params: list = []
    where: list[str] = [f"p.kind NOT IN ({', '.join('?' * len(EXCLUDED_KINDS))})"]
    params_where: list = list(EXCLUDED_KINDS)
    label = "SELECT 1 FROM theme_labels t WHERE t.negated = 0 AND "
    if query.themes and query.within == "paragraph":
        for theme in query.themes:
            where.append(f"EXISTS ({label}t.paragraph_id = p.id AND t.theme_id = ?)")
            params_where.append(theme)
    elif query.themes:
        for theme in query.themes:
            where.append(f"EXISTS ({label}t.report_id = p.report_id AND t.theme_id = ?)")
            params_where.append(theme)
        if not query.any_themes:  # show the paragraphs that carry the co-occurring themes
            where.append(
                f"EXISTS ({label}t.paragraph_id = p.id AND t.theme_id IN ({', '.join('?' * len(query.themes))}))"
            )
            params_where.extend(query.themes)
    if query.any_themes:
        where.append(
            f"EXISTS ({label}t.paragraph_id = p.id AND t.theme_id IN ({', '.join('?' * len(query.any_themes))}))"
        )
        params_where.extend(query.any_themes)
    if query.date_from or query.date_to:
        low, high = _bounds(query)
        if query.date_scope == "paragraph":
            where.append(
                "EXISTS (SELECT 1 FROM events e WHERE e.paragraph_id = p.id AND e.date IS NOT NULL"
                " AND e.date <= ? AND COALESCE(e.date_end, e.date) >= ?)"
            )
        else:
            where.append(
                "COALESCE(r.period_start, (SELECT min(date) FROM events e WHERE e.report_id = r.id)) <= ?"
                " AND COALESCE(r.period_end, r.period_start, (SELECT max(COALESCE(date_end, date)) FROM events e"
                " WHERE e.report_id = r.id)) >= ?"
            )
        params_where.extend([high, low])
    if query.reports:
        clauses = []
        for name in query.reports:
            clause, values = name_clause(name, dialect)
            clauses.append(clause)
            params_where.extend(values)
        where.append("(" + " OR ".join(clauses) + ")")
    requested = query.themes + query.any_themes
    if requested:
        score = (
            f"(SELECT sum(t.score) FROM theme_labels t WHERE t.paragraph_id = p.id AND t.negated = 0"
            f" AND t.theme_id IN ({', '.join('?' * len(requested))}))"
        )
        score_params = list(requested)
    else:
        score, score_params = "NULL", []
    columns = (
        "p.id AS paragraph_id, r.name AS report, s.number AS section, s.title AS section_title, p.kind, p.number,"
        " p.char_start, p.char_end, p.text"
    )
    if query.text and dialect == "postgresql":
        from .pg import web_query

        # negated rank, so that "lower is better" holds on both backends
        q = "to_tsquery('english', ?)" if query.raw else "websearch_to_tsquery('english', ?)"
        text = raw_text(query.text) if query.raw else web_query(query.text)
        select = (
            f"SELECT {columns}, {score} AS theme_score, -ts_rank_cd(p.tsv, {q}) AS bm25,"
            f" ts_headline('english', p.text, {q}, ?) AS snippet"
            " FROM paragraphs p"
        )
        words = max(2, min(64, query.snippet_tokens))
        options = (
            f"StartSel={query.mark[0]}, StopSel={query.mark[1]}, "
            f"MaxWords={words}, MinWords={max(1, words // 2)}, ShortWord=2"
        )
        params += score_params + [text, text, options]
        where.insert(0, f"p.tsv @@ {q}")
        params_where.insert(0, text)
        order = "bm25, theme_score DESC, r.name, p.char_start"
    elif query.text:
        select = (
            f"SELECT {columns}, {score} AS theme_score, bm25(paragraphs_fts) AS bm25,"
            f" snippet(paragraphs_fts, 0, ?, ?, '…', ?) AS snippet"
            " FROM paragraphs_fts JOIN paragraphs p ON p.id = paragraphs_fts.rowid"
        )
        params += score_params + [query.mark[0], query.mark[1], max(1, min(64, query.snippet_tokens))]
        where.insert(0, "paragraphs_fts MATCH ?")
        params_where.insert(0, raw_text(query.text) if query.raw else fts_query(query.text))
        order = "bm25, theme_score DESC, r.name, p.char_start"
    else:
        select = f"SELECT {columns}, {score} AS theme_score, NULL AS bm25, NULL AS snippet FROM paragraphs p"
        params += score_params
        order = "theme_score DESC, r.name, p.char_start" if requested else "r.name, p.char_start"
    sql = (
        f"{select} JOIN reports r ON r.id = p.report_id LEFT JOIN sections s ON s.id = p.section_id"
        f" WHERE {' AND '.join(where)} ORDER BY {order}"
    )
    if query.limit:
        sql += " LIMIT ?"
        params_where.append(query.limit)
    return sql, params + params_where


def search(conn: sqlite3.Connection, query: SearchQuery) -> list[Hit]:
    """Matching paragraphs, best first, each with its themes, dates and a highlighted snippet."""
    from .pg import dialect

    check_themes(conn, query.themes + query.any_themes)
    sql, params = build_sql(query, dialect(conn))
    try:
        rows = conn.execute(sql, params).fetchall()
    except Exception as exc:
        if query.text and query.raw and _query_error(exc):
            first = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
            raise UnusableInput(
                f"--text {_shown(query.text)}: not a valid {'raw ' if query.raw else ''}full-text query ({first})"
            ) from exc
        raise
    ids = [row["paragraph_id"] for row in rows]
    themes = _themes_of(conn, ids)
    dates = _dates_of(conn, ids)
    wanted = set(query.themes + query.any_themes) or None
    if query.text:
        evidence = {}
    elif wanted:
        evidence = _evidence_of(conn, ids, wanted)
    elif query.date_from or query.date_to:
        evidence = _date_phrases_of(conn, ids, *_bounds(query)) if query.date_scope == "paragraph" else {}
    else:
        evidence = _evidence_of(conn, ids, None)
    hits = []
    for rank, row in enumerate(rows, 1):
        snippet = (
            row["snippet"]
            if query.text
            else evidence_snippet(row["text"], row["char_start"], evidence.get(row["paragraph_id"], []), query.mark)
        )
        score = row["bm25"] if query.text else row["theme_score"]
        hits.append(
            Hit(
                rank=rank,
                report=row["report"],
                section=row["section"],
                section_title=row["section_title"],
                kind=row["kind"],
                number=row["number"],
                start=row["char_start"],
                end=row["char_end"],
                themes=themes.get(row["paragraph_id"], []),
                snippet=snippet,
                score=round(score, 4) if score is not None else None,
                dates=dates.get(row["paragraph_id"], []),
                paragraph_id=row["paragraph_id"],
            )
        )
    return hits


def _query_error(exc: Exception) -> bool:
    """The backend rejected a raw text query (not: the store is locked, damaged or gone).

    Only raw queries can be wrong: a typed one is quoted term by term, so an
    error there is the store's, and is left to the caller (`db.readable`).
    """
    if isinstance(exc, sqlite3.OperationalError):
        store_trouble = (
            "locked",
            "busy",
            "disk",
            "readonly",
            "unable to open",
            "malformed",
            "corrupt",
            "vtable constructor",
        )
        return not any(word in str(exc) for word in store_trouble)
    sqlstate = getattr(exc, "sqlstate", None)  # psycopg: 42 syntax errors, 22 data errors (e.g. a bad tsquery)
    return isinstance(sqlstate, str) and sqlstate[:2] in ("42", "22")


def check_themes(conn, themes: list[str]) -> None:
    """Refuse theme ids the store has never seen (a typo would silently match nothing)."""
    if not themes:
        return
    import difflib

    known = {row[0] for row in conn.execute("SELECT DISTINCT theme_id FROM theme_labels")}
    for theme in themes:
        if theme not in known:
            close = difflib.get_close_matches(theme, sorted(known), n=3)
            hint = (
                f"; did you mean {', '.join(close)}?"
                if close
                else "; `scr compare --db DB` lists the themes in the store"
            )
            raise UnusableInput(f"no paragraph in the store carries the theme {theme!r}{hint}")


def _in(values: Sized) -> str:
    """One `?` placeholder per value, for `IN (…)`."""
    return ", ".join("?" * len(values))


def _themes_of(conn, ids: list[int]) -> dict[int, list[dict]]:
    out: dict[int, list[dict]] = {}
    if not ids:
        return out
    for row in conn.execute(
        f"SELECT paragraph_id, theme_id, polarity, score FROM theme_labels"
        f" WHERE negated = 0 AND paragraph_id IN ({_in(ids)})"
        " ORDER BY score DESC, theme_id",
        ids,
    ):
        out.setdefault(row["paragraph_id"], []).append(
            {"id": row["theme_id"], "polarity": row["polarity"], "score": row["score"]}
        )
    return out


def _dates_of(conn, ids: list[int]) -> dict[int, list[str]]:
    out: dict[int, list[str]] = {}
    if not ids:
        return out
    for row in conn.execute(
        f"SELECT DISTINCT paragraph_id, date FROM events"
        f" WHERE date IS NOT NULL AND paragraph_id IN ({_in(ids)}) ORDER BY date",
        ids,
    ):
        out.setdefault(row["paragraph_id"], []).append(row["date"])
    return out


def _evidence_of(conn, ids: list[int], themes: set[str] | None) -> dict[int, list[tuple[int, int]]]:
    out: dict[int, list[tuple[int, int]]] = {}
    if not ids:
        return out
    sql = (
        f"SELECT t.paragraph_id, t.theme_id, e.char_start, e.char_end"
        f" FROM theme_evidence e JOIN theme_labels t ON t.id = e.label_id"
        f" WHERE t.negated = 0 AND t.paragraph_id IN ({_in(ids)})"
    )
    for row in conn.execute(sql, ids):
        if themes is None or row["theme_id"] in themes:
            out.setdefault(row["paragraph_id"], []).append((row["char_start"], row["char_end"]))
    return out


def _date_phrases_of(conn, ids: list[int], low: str, high: str) -> dict[int, list[tuple[int, int]]]:
    """The date phrases of the paragraphs' events in [low, high], to highlight in date searches."""
    out: dict[int, list[tuple[int, int]]] = {}
    if not ids:
        return out
    sql = (
        f"SELECT paragraph_id, expression_start, expression_end FROM events WHERE paragraph_id IN ({_in(ids)})"
        " AND expression_start IS NOT NULL AND date <= ? AND COALESCE(date_end, date) >= ?"
    )
    for row in conn.execute(sql, [*ids, high, low]):
        out.setdefault(row["paragraph_id"], []).append((row["expression_start"], row["expression_end"]))
    return out


def evidence_snippet(
    text: str, offset: int, spans: list[tuple[int, int]], mark: tuple[str, str] = MARK, width: int = 240
) -> str:
    """A window of the paragraph around its first theme evidence, evidence words marked.

    `spans` are report offsets; `offset` is where the paragraph starts.
    """
    local = sorted(
        {(max(0, s - offset), min(len(text), e - offset)) for s, e in spans if e > offset and s - offset < len(text)}
    )
    merged: list[list[int]] = []
    for s, e in local:
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    begin = max(0, (merged[0][0] if merged else 0) - width // 3)
    if begin:
        space = text.find(" ", begin)
        begin = space + 1 if 0 <= space < (merged[0][0] if merged else len(text)) else begin
    end = min(len(text), begin + width)
    if end < len(text):
        space = text.rfind(" ", begin, end)
        end = space if space > begin else end
    out, cursor = [], begin
    for s, e in merged:
        if s < begin or e > end:
            continue
        out += [text[cursor:s], mark[0], text[s:e], mark[1]]
        cursor = e
    out.append(text[cursor:end])
    snippet = " ".join("".join(out).split())
    return ("…" if begin > 0 else "") + snippet + ("…" if end < len(text) else "")


def cooccurrence(
    conn: sqlite3.Connection, themes: list[str], within: str = "report", reports: list[str] | None = None
) -> list[dict]:
    """Reports where all `themes` occur (in one paragraph, or anywhere in the report).

    Each row: report, paragraphs per theme, and `together` = paragraphs that
    carry every one of the themes.
    """
    if len(themes) < 2:
        raise UnusableInput("a co-occurrence query needs at least two --theme")
    check_themes(conn, themes)
    if within not in ("paragraph", "report"):
        raise UnusableInput(f"--within must be paragraph or report, not {within!r}")
    per_theme = ", ".join(
        f"(SELECT count(DISTINCT t.char_start) FROM theme_labels t"
        f" WHERE t.report_id = r.id AND t.negated = 0 AND t.theme_id = ?) AS n{i}"
        for i in range(len(themes))
    )
    together = (
        "(SELECT count(*) FROM (SELECT t.char_start FROM theme_labels t WHERE t.report_id = r.id AND t.negated = 0"
        f" AND t.theme_id IN ({_in(themes)}) GROUP BY t.char_start"
        " HAVING count(DISTINCT t.theme_id) = ?) AS g) AS together"
    )
    sql = f"SELECT r.name, {per_theme}, {together} FROM reports r"
    params: list = [*themes, *themes, len(themes)]
    if reports:
        from .pg import dialect

        clauses = [name_clause(n, dialect(conn)) for n in reports]
        sql += " WHERE " + " OR ".join(c for c, _ in clauses)
        params += [v for _, values in clauses for v in values]
    rows = []
    for row in conn.execute(sql + " ORDER BY r.name", params):
        counts = {theme: row[f"n{i}"] for i, theme in enumerate(themes)}
        if within == "report" and all(counts.values()) or within == "paragraph" and row["together"]:
            rows.append({"report": row["name"], "paragraphs": counts, "together": row["together"]})
    rows.sort(key=lambda r: (-r["together"], -sum(r["paragraphs"].values()), r["report"]))
    return rows
