"""Fill the corpus store from `scr run` outputs (or by running the stages in-process).

A review is identified by its name (the `scr run` output folder, i.e. the
file stem) together with the sha256 of its input bytes:
- the same name, content and stage outputs: left alone ("unchanged");
- the same name and content with new outputs (a newer pipeline): its rows
  are replaced ("indexed");
- new content under a known name: the older version is replaced (a revised
  review keeps its name; "replaced");
- identical content under two names: two rows, each found by its own name.
Each review is written in one transaction, so concurrent `scr index`
processes on one store serialise and a failure leaves nothing half-written.

Only finished runs are indexed: a folder needs `manifest.json` with
`status: done`, the files it lists, and a `report.json` of the same input.
A folder a killed run left behind is reported as incomplete, not indexed
with whatever part of it happens to be there.  Optional fields missing from
findings, events and themes are indexed as far as they go.
"""

from __future__ import annotations

import bisect
import datetime as dt
import hashlib
import heapq
import json
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from .. import stagefile
from ..errors import UnusableInput

REPORT_FILE = "report.json"
STAGE_FILES = ("findings.json", "events.jsonl", "themes.jsonl")
MANIFEST_FILE = "manifest.json"

# event fields with their own column; anything else goes to `extra` as JSON
EVENT_COLUMNS = {
    "id",
    "date",
    "date_end",
    "precision",
    "expression",
    "expression_start",
    "expression_end",
    "sentence",
    "start",
    "end",
    "actors",
    "agencies",
    "action",
    "object",
    "kpe",
    "section",
    "confidence",
}


class RunFailed(UnusableInput):
    """The run output records a failed document: nothing to index (not an indexing error)."""


class Incomplete(UnusableInput):
    """The run did not finish this document (killed half-way): its outputs are not indexed."""


@dataclass
class RunOutputs:
    """One review's stage outputs, as parsed JSON."""

    name: str
    report: dict
    findings: list[dict] = field(default_factory=list)
    events: list[dict] = field(default_factory=list)
    themes: list[dict] = field(default_factory=list)
    manifest: dict = field(default_factory=dict)
    digest: str = ""  # hash of the outputs: unchanged outputs are not re-indexed
    origin: str = ""


@dataclass
class IndexSummary:
    indexed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)  # older content under the same name
    failed: list[tuple[str, str]] = field(default_factory=list)  # (name, why): could not be indexed
    run_failed: list[tuple[str, str]] = field(default_factory=list)  # the run itself failed on this input
    incomplete: list[tuple[str, str]] = field(default_factory=list)  # the run did not finish this input

    def as_dict(self) -> dict:
        return {
            "indexed": len(self.indexed),
            "unchanged": len(self.unchanged),
            "replaced": self.replaced,
            "failed": [{"name": n, "error": e} for n, e in self.failed],
            "incomplete": [{"name": n, "error": e} for n, e in self.incomplete],
            "run_failed": [{"name": n, "error": e} for n, e in self.run_failed],
        }


# ------------------------------------------------------------------ reading run outputs
def _jsonl(text: str) -> list[dict]:
    """A stage file's records, without its provenance header (`pipeline.stagefile`)."""
    return stagefile.loads(text).records


def read_run_folder(folder: Path) -> RunOutputs:
    """The outputs of one finished `scr run` folder.

    RunFailed when the run recorded a failure, Incomplete when it did not
    finish (no finished manifest, a listed file missing, or a report.json of
    other content than the manifest's: a re-run killed half-way).
    """
    folder = Path(folder)
    manifest = _manifest(folder)
    if manifest.get("status") == "failed":
        raise RunFailed(f"{folder.name}: the run failed ({manifest.get('error') or 'no reason recorded'})")
    if manifest.get("status") != "done":
        raise Incomplete(
            f"{folder.name}: the run did not finish (status {manifest.get('status')!r}); run `scr run` again"
        )
    files = manifest.get("files")
    listed = files if isinstance(files, list) else []
    missing = [name for name in [REPORT_FILE, *listed] if isinstance(name, str) and not (folder / name).is_file()]
    if missing:
        raise Incomplete(
            f"{folder.name}: the run did not finish ({', '.join(sorted(set(missing)))} missing); run `scr run` again"
        )
    blobs = {name: (folder / name).read_bytes() for name in (REPORT_FILE, *STAGE_FILES) if (folder / name).is_file()}
    text = {name: blob.decode("utf-8") for name, blob in blobs.items()}
    report = json.loads(text[REPORT_FILE])
    if not isinstance(report, dict):
        raise UnusableInput(f"{folder.name}: {REPORT_FILE} is not a report")
    source_sha = (report.get("source") or {}).get("sha256")
    if manifest.get("sha256") and source_sha and manifest["sha256"] != source_sha:
        raise Incomplete(
            f"{folder.name}: {REPORT_FILE} is not from the run {MANIFEST_FILE} records (a re-run did not finish); "
            "run `scr run` again"
        )
    return RunOutputs(
        name=folder.name,
        report=report,
        findings=json.loads(text["findings.json"]) if "findings.json" in text else [],
        events=_jsonl(text.get("events.jsonl", "")),
        themes=_jsonl(text.get("themes.jsonl", "")),
        manifest=manifest,
        digest=_digest(blobs),
        origin=str(folder),
    )


def _manifest(folder: Path) -> dict:
    """The folder's manifest.json; Incomplete without one (`scr run` writes it last)."""
    path = folder / MANIFEST_FILE
    if not path.is_file():
        raise Incomplete(f"{folder.name}: the run did not finish (no {MANIFEST_FILE}); run `scr run` again")
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise UnusableInput(f"{folder.name}: {MANIFEST_FILE} is not valid JSON ({exc})") from exc
    if not isinstance(manifest, dict):
        raise UnusableInput(f"{folder.name}: {MANIFEST_FILE} is not a manifest")
    return manifest


def _digest(blobs: dict[str, bytes]) -> str:
    h = hashlib.sha256()
    for name in sorted(blobs):
        h.update(name.encode() + b"\0" + hashlib.sha256(blobs[name]).digest())
    return h.hexdigest()


def run_folders(path: Path) -> list[Path]:
    """`OUT/<name>` itself, or every review folder of a run output `OUT`, sorted."""
    path = Path(path)
    if (path / REPORT_FILE).exists() or (path / MANIFEST_FILE).exists():
        return [path]
    return sorted(
        p for p in path.iterdir() if p.is_dir() and ((p / REPORT_FILE).exists() or (p / MANIFEST_FILE).exists())
    )


def process_review(path: Path, model: str | None = None, name: str | None = None) -> RunOutputs:
    """Run ingest → parse → stages in this process and return the outputs (nothing written).

    `name` defaults to what `scr run` would call the output folder (the file stem).
    """
    from ..batch import output_names, run_stages
    from ..ingest import load_report
    from ..nlp import load_nlp, model_info, parse_report

    report = load_report(path)
    nlp = load_nlp(model)
    report.provenance.model = model_info(nlp)
    doc = parse_report(report, nlp)
    outputs = run_stages(report, doc, nlp)
    blobs = {REPORT_FILE: report.to_json().encode("utf-8"), **{k: v.encode("utf-8") for k, v in outputs.items()}}
    return RunOutputs(
        name=name or output_names([Path(path)])[Path(path)],
        report=json.loads(blobs[REPORT_FILE]),
        findings=json.loads(outputs.get("findings.json", "[]")),
        events=_jsonl(outputs.get("events.jsonl", "")),
        themes=_jsonl(outputs.get("themes.jsonl", "")),
        manifest={"status": "done", "words": len(report.text.split())},
        digest=_digest(blobs),
        origin=str(path),
    )


# ------------------------------------------------------------------ writing
def index_outputs(conn, run: RunOutputs) -> str:
    """Upsert one review in one transaction; returns "indexed", "unchanged" or "replaced".

    The row for the name is claimed first (an insert that does nothing when
    it exists, then a locking read), so two processes indexing the same name
    wait for each other instead of both inserting it.
    """
    from .db import transaction
    from .pg import dialect

    report = run.report
    source = report.get("source") or {}
    sha = (
        source.get("sha256")
        or run.manifest.get("sha256")
        or hashlib.sha256(report.get("text", "").encode()).hexdigest()
    )
    row = _report_row(run, sha)
    if _unchanged(
        conn.execute("SELECT sha256, outputs_sha256 FROM reports WHERE name = ?", (run.name,)).fetchone(),
        sha,
        run.digest,
    ):
        return "unchanged"  # no write lock for the common re-index: as if it ran before any concurrent change
    lock = (
        " FOR UPDATE" if dialect(conn) == "postgresql" else ""
    )  # SQLite: BEGIN IMMEDIATE already holds the write lock
    with transaction(conn):
        conn.execute(
            "INSERT INTO reports (name, sha256, outputs_sha256, indexed_at) VALUES (?, ?, '', ?)"
            " ON CONFLICT (name) DO NOTHING",
            (run.name, sha, row["indexed_at"]),
        )
        existing = conn.execute(
            f"SELECT id, sha256, outputs_sha256 FROM reports WHERE name = ?{lock}", (run.name,)
        ).fetchone()
        if _unchanged(existing, sha, run.digest):
            return "unchanged"
        status = "replaced" if existing["outputs_sha256"] and existing["sha256"] != sha else "indexed"
        _delete_children(conn, existing["id"])
        conn.execute(
            f"UPDATE reports SET {', '.join(f'{k} = ?' for k in row)} WHERE id = ?", (*row.values(), existing["id"])
        )
        _insert_children(conn, existing["id"], run)
    return status


def _unchanged(row, sha: str, digest: str) -> bool:
    return row is not None and row["sha256"] == sha and row["outputs_sha256"] == digest


def _report_row(run: RunOutputs, sha: str) -> dict:
    report = run.report
    source, meta = report.get("source") or {}, report.get("metadata") or {}
    prov = report.get("provenance") or {}
    versions = run.manifest.get("versions") or {}
    model = prov.get("model") or {}
    text = report.get("text", "")
    return {
        "sha256": sha,
        "name": run.name,
        "source_name": source.get("name"),
        "source_format": source.get("format"),
        "source_bytes": source.get("bytes"),
        "words": run.manifest.get("words") or len(text.split()),
        "board": meta.get("board"),
        "title": meta.get("title"),
        "subject_child": meta.get("subject_child"),
        "report_type": meta.get("report_type"),
        "period_start": meta.get("period_start"),
        "period_end": meta.get("period_end"),
        "author": meta.get("author"),
        "tool_version": versions.get("tool_version") or prov.get("tool_version"),
        "pipeline_schema": versions.get("schema_version") or prov.get("schema_version"),
        "model_name": model.get("name") or versions.get("model"),
        "model_version": model.get("version"),
        "outputs_sha256": run.digest,
        "origin": run.origin,
        "indexed_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
    }


def delete_report(conn: sqlite3.Connection, report_id: int) -> None:
    _delete_children(conn, report_id)
    conn.execute("DELETE FROM reports WHERE id = ?", (report_id,))


def _delete_children(conn: sqlite3.Connection, report_id: int) -> None:
    """Explicit deletes (not ON DELETE CASCADE) so the FTS delete trigger sees every paragraph."""
    conn.execute(
        "DELETE FROM theme_evidence WHERE label_id IN (SELECT id FROM theme_labels WHERE report_id = ?)", (report_id,)
    )
    for table in ("theme_labels", "events", "findings", "paragraphs", "sections"):
        conn.execute(f"DELETE FROM {table} WHERE report_id = ?", (report_id,))


def _insert_id(conn, sql: str, params: tuple) -> int:
    """INSERT one row and return its generated id (RETURNING on PostgreSQL)."""
    from .pg import dialect

    if dialect(conn) == "postgresql":
        return conn.execute(sql + " RETURNING id", params).fetchone()[0]
    return conn.execute(sql, params).lastrowid


class _Locator:
    """Offset → paragraph id / section id, by bisection over the review's spans."""

    def __init__(self, paragraphs: list[tuple[int, int, int]]):
        self.starts = [p[0] for p in paragraphs]
        self.paragraphs = paragraphs

    def paragraph(self, offset: int | None) -> int | None:
        if offset is None:
            return None
        i = bisect.bisect_right(self.starts, offset) - 1
        if i >= 0 and offset < self.paragraphs[i][1]:
            return self.paragraphs[i][2]
        return None


def _innermost_sections(sections: list[tuple[int, int, int, int]], offsets: list[int]) -> list[int | None]:
    """For each offset (ascending), the deepest section containing it; ties go to the later section.

    sections: (start, end, level, id) in report order.  One sweep with a
    heap of the sections begun so far (those that have ended are dropped
    when they surface), so a review with thousands of sections and
    paragraphs costs O((P + S) log S), not P × S.
    """
    by_start = sorted(range(len(sections)), key=lambda i: sections[i][0])
    heap: list[tuple[int, int]] = []  # (-level, -report order): the top is the deepest, latest section
    out, cursor = [], 0
    for offset in offsets:
        while cursor < len(by_start) and sections[by_start[cursor]][0] <= offset:
            i = by_start[cursor]
            heapq.heappush(heap, (-sections[i][2], -i))
            cursor += 1
        while heap and sections[-heap[0][1]][1] <= offset:  # ended before this offset, so before every later one too
            heapq.heappop(heap)
        out.append(sections[-heap[0][1]][3] if heap else None)
    return out


def _insert_children(conn: sqlite3.Connection, report_id: int, run: RunOutputs) -> None:
    report = run.report
    text = report.get("text", "")
    sections = []
    for ordinal, s in enumerate(report.get("sections") or []):
        section_id = _insert_id(
            conn,
            "INSERT INTO sections (report_id, ordinal, number, title, level, kpe, char_start, char_end,"
            " heading_start, heading_end)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                report_id,
                ordinal,
                s.get("number"),
                s.get("title") or "",
                s.get("level") or 1,
                s.get("kpe"),
                s["start"],
                s["end"],
                s.get("heading_start", s["start"]),
                s.get("heading_end", s["start"]),
            ),
        )
        sections.append((s["start"], s["end"], s.get("level") or 1, section_id))
    paragraphs = sorted(report.get("paragraphs") or [], key=lambda p: p["start"])
    section_ids = _innermost_sections(sections, [p["start"] for p in paragraphs])
    rows = [
        (
            report_id,
            ordinal,
            section_id,
            p.get("kind") or "text",
            p.get("number"),
            p.get("kpe"),
            p["start"],
            p["end"],
            text[p["start"] : p["end"]],
        )
        for ordinal, (p, section_id) in enumerate(zip(paragraphs, section_ids, strict=True))
    ]
    conn.executemany(
        "INSERT INTO paragraphs (report_id, ordinal, section_id, kind, number, kpe, char_start, char_end, text)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )
    locate = _Locator(
        [
            (r["char_start"], r["char_end"], r["id"])
            for r in conn.execute(
                "SELECT id, char_start, char_end FROM paragraphs WHERE report_id = ? ORDER BY char_start", (report_id,)
            )
        ]
    )
    _insert_events(conn, report_id, run.events, locate)
    _insert_themes(conn, report_id, run.themes, locate)
    _insert_findings(conn, report_id, run.findings, locate)


def _insert_events(conn, report_id: int, events: Iterable[dict], locate: _Locator) -> None:
    rows = []
    for e in events:
        if "start" not in e or "end" not in e:
            continue
        extra = {k: v for k, v in e.items() if k not in EVENT_COLUMNS}
        rows.append(
            (
                report_id,
                locate.paragraph(e["start"]),
                e.get("id"),
                e.get("date"),
                e.get("date_end"),
                e.get("precision"),
                e.get("expression"),
                e.get("expression_start"),
                e.get("expression_end"),
                e.get("sentence") or "",
                e["start"],
                e["end"],
                json.dumps(e.get("actors") or []),
                json.dumps(e.get("agencies") or []),
                e.get("action"),
                e.get("object"),
                e.get("kpe"),
                e.get("section"),
                e.get("confidence"),
                json.dumps(extra, sort_keys=True),
            )
        )
    conn.executemany(
        "INSERT INTO events (report_id, paragraph_id, event_no, date, date_end, precision, expression,"
        " expression_start, expression_end,"
        " sentence, char_start, char_end, actors, agencies, action, object, kpe, section, confidence, extra)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )


def _insert_themes(conn, report_id: int, labels: Iterable[dict], locate: _Locator) -> None:
    for label in labels:
        if "start" not in label:
            continue
        paragraph_id = locate.paragraph(label["start"])
        hits = [(h, 0) for h in label.get("themes") or []] + [(h, 1) for h in label.get("negated") or []]
        for hit, negated in hits:
            if not isinstance(hit, dict) or not hit.get("id"):
                continue
            label_id = _insert_id(
                conn,
                "INSERT INTO theme_labels (report_id, paragraph_id, theme_id, theme_label, score, polarity, negated,"
                " section, section_role,"
                " char_start, char_end) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    report_id,
                    paragraph_id,
                    hit["id"],
                    hit.get("label"),
                    hit.get("score"),
                    hit.get("polarity"),
                    negated,
                    label.get("section"),
                    label.get("section_role"),
                    label["start"],
                    label.get("end", label["start"]),
                ),
            )
            conn.executemany(
                "INSERT INTO theme_evidence (label_id, text, cue, weight, polarity, char_start, char_end)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        label_id,
                        ev.get("text") or "",
                        ev.get("cue"),
                        ev.get("weight"),
                        ev.get("polarity"),
                        ev["start"],
                        ev["end"],
                    )
                    for ev in hit.get("evidence") or []
                    if isinstance(ev, dict) and "start" in ev and "end" in ev
                ],
            )


def _insert_findings(conn, report_id: int, findings: Iterable[dict], locate: _Locator) -> None:
    rows = [
        (
            report_id,
            locate.paragraph(f["start"]),
            f.get("type") or "?",
            f.get("severity"),
            f.get("text"),
            f.get("reason"),
            f.get("rule"),
            f.get("line"),
            f["start"],
            f.get("end", f["start"]),
        )
        for f in findings
        if isinstance(f, dict) and "start" in f
    ]
    conn.executemany(
        "INSERT INTO findings (report_id, paragraph_id, type, severity, text, reason, rule, line, char_start, char_end)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )


# ------------------------------------------------------------------ entry point
Job = tuple[str, Callable[[], RunOutputs]]  # (review name, loads its outputs)


def plan_index(inputs: Iterable[Path], model: str | None = None) -> list[Job]:
    """The reviews to index: run folders (`OUT` or `OUT/<name>`) and review files.

    Checked before any store is opened or created, so an unusable input
    leaves nothing behind.
    """
    from ..batch import discover, output_names

    folders, files = [], []
    for item in map(Path, inputs):
        if not item.exists():
            raise UnusableInput(f"{item}: no such file or directory")
        if item.is_dir():
            found = run_folders(item)
            if found:
                folders.extend(found)
            else:
                files.extend(discover([item]))
        else:
            files.append(item)
    if not folders and not files:
        raise UnusableInput("nothing to index: give `scr run` output folders or review files")
    jobs: list[Job] = [(f.name, partial(read_run_folder, f)) for f in folders]
    names = output_names(files)
    jobs += [(names[f], partial(process_review, f, model, names[f])) for f in files]
    return jobs


def index_inputs(
    conn,
    inputs: Iterable[Path],
    model: str | None = None,
    on_item: Callable[[str, str], None] | None = None,
) -> IndexSummary:
    """Index run folders (`OUT` or `OUT/<name>`) and review files (processed in-process).

    `on_item(name, status)` is called after each review (for progress bars).
    A broken item is recorded in the summary and the others go on.
    """
    return index_jobs(lambda: conn, plan_index(inputs, model), on_item)


def index_jobs(
    store: Callable[[], object], jobs: list[Job], on_item: Callable[[str, str], None] | None = None
) -> IndexSummary:
    """Run planned jobs; `store()` gives the connection, called only once a review is ready to be written.

    So a store that does not exist yet is created only when there is
    something to put in it.  An error opening the store is not a review's
    failure: it propagates.
    """
    summary = IndexSummary()
    for name, load in jobs:
        status = _index_one(store, name, load, summary)
        if on_item:
            on_item(name, status)
    return summary


def _index_one(store: Callable[[], object], name: str, load: Callable[[], RunOutputs], summary: IndexSummary) -> str:
    try:
        run = load()
    except RunFailed as exc:
        summary.run_failed.append((name, str(exc)))
        return "run_failed"
    except Incomplete as exc:
        summary.incomplete.append((name, str(exc)))
        return "incomplete"
    except Exception as exc:  # failure isolation: one broken review never stops the others
        summary.failed.append((name, _why(exc)))
        return "failed"
    conn = store()
    try:
        status = index_outputs(conn, run)
    except Exception as exc:
        summary.failed.append((name, _why(exc)))
        return "failed"
    {"indexed": summary.indexed, "unchanged": summary.unchanged, "replaced": summary.indexed}[status].append(name)
    if status == "replaced":
        summary.replaced.append(name)
    return status


def _why(exc: Exception) -> str:
    """One line saying why a review was not indexed."""
    text = str(exc) if isinstance(exc, UnusableInput) else f"{type(exc).__name__}: {exc}"
    return " ".join(text.split())
