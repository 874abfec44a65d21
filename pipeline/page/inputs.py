"""What a review page is drawn from: the report and its stages' outputs.

Two ways in, one shape out (`PageInputs`):
- a `scr run` output folder (`report.json`, `findings.json`, `events.jsonl`,
  `themes.jsonl`, `manifest.json`): nothing is recomputed;
- a review file: the stages run here, through `pipeline.batch.run_stages`, so
  the page shows exactly what `scr run` would have written.

Stage outputs are read defensively: they are plain data other tools may
extend, so unknown fields are ignored, malformed records are skipped and
counted (the page says how many), and nothing in them is trusted as markup.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import __version__, stagefile
from ..errors import UnusableInput
from ..report import Report

STAGE_FILES = ("findings.json", "events.jsonl", "themes.jsonl")


@dataclass
class PageInputs:
    """Everything a page shows, as plain records with offsets into `report.text`."""

    report: Report
    findings: list[dict] = field(default_factory=list)
    events: list[dict] = field(default_factory=list)
    themes: list[dict] = field(default_factory=list)
    replacements: list[dict] = field(default_factory=list)
    provenance: dict[str, Any] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


# ---------------------------------------------------------------- reading records
def _spans(records: Iterable[Any], text_length: int, what: str, warnings: list[str]) -> list[dict]:
    """Records that are objects with a usable [start, end) inside the text; the rest are counted."""
    kept, dropped = [], 0
    for record in records:
        start, end = (record.get("start"), record.get("end")) if isinstance(record, dict) else (None, None)
        if (
            isinstance(start, int)
            and isinstance(end, int)
            and not isinstance(start, bool)
            and 0 <= start <= end <= text_length
        ):
            kept.append(record)
        else:
            dropped += 1
    if dropped:
        warnings.append(f"{dropped} {what} without a usable place in the text left out")
    return kept


def read_json_list(path: Path, warnings: list[str]) -> list[Any]:
    """A JSON array file, or [] (with a warning) when it is missing or unreadable."""
    if not path.exists():
        warnings.append(f"{path.name} is missing: that part of the page is empty")
        return []
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        warnings.append(f"{path.name} could not be read ({type(exc).__name__}): that part of the page is empty")
        return []
    if isinstance(data, dict):  # tolerate {"findings": [...]} wrappers
        data = next((v for v in data.values() if isinstance(v, list)), [])
    return data if isinstance(data, list) else []


def read_jsonl(path: Path, warnings: list[str]) -> list[Any]:
    """A stage file's records (`pipeline.stagefile`): the provenance header and bad lines are skipped."""
    if not path.exists():
        warnings.append(f"{path.name} is missing: that part of the page is empty")
        return []
    try:
        parsed = stagefile.loads(path.read_text(encoding="utf-8"), strict=False)
    except (OSError, UnicodeDecodeError):
        warnings.append(f"{path.name} could not be read: that part of the page is empty")
        return []
    records, bad = parsed.records, parsed.bad_lines
    if bad:
        warnings.append(
            f"{bad} line{'s' if bad != 1 else ''} of {path.name} {'were' if bad != 1 else 'was'} not JSON and skipped"
        )
    return records


def _run_date(path: Path) -> str | None:
    try:
        return dt.datetime.fromtimestamp(path.stat().st_mtime, dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    except OSError:
        return None


# ---------------------------------------------------------------- the two ways in
def stage_folder(path: Path) -> Path | None:
    """The stage-output folder `path` names: itself, or its only review sub-folder (a `scr run` OUT)."""
    path = Path(path)
    if not path.is_dir():
        return None
    if (path / "report.json").is_file():
        return path
    children = sorted(p for p in path.iterdir() if p.is_dir() and (p / "report.json").is_file())
    if len(children) == 1:
        return children[0]
    if children:
        names = ", ".join(p.name for p in children[:5])
        raise UnusableInput(
            f"{path} holds the outputs of {len(children)} reviews ({names}…); give one of those folders"
        )
    raise UnusableInput(f"{path} is a folder without report.json; give a review file or a `scr run` output folder")


def from_folder(folder: Path) -> PageInputs:
    """Page inputs from a `scr run` output folder, without recomputing anything."""
    warnings: list[str] = []
    try:
        report = Report.load(folder / "report.json")
    except (OSError, ValueError) as exc:
        raise UnusableInput(
            f"{folder / 'report.json'} is not a report written by `scr ingest`/`scr run` ({type(exc).__name__})"
        ) from None
    size = len(report.text)
    manifest_path = folder / "manifest.json"
    manifest: dict = {}
    if manifest_path.exists():
        try:
            loaded = json.loads(manifest_path.read_text(encoding="utf-8"))
            manifest = loaded if isinstance(loaded, dict) else {}
        except (OSError, UnicodeDecodeError, ValueError):
            warnings.append("manifest.json could not be read")
    recorded = manifest.get("versions")
    versions = recorded if isinstance(recorded, dict) else {}
    inputs = PageInputs(
        report=report,
        findings=_spans(read_json_list(folder / "findings.json", warnings), size, "findings", warnings),
        events=_spans(read_jsonl(folder / "events.jsonl", warnings), size, "events", warnings),
        themes=_spans(read_jsonl(folder / "themes.jsonl", warnings), size, "theme labels", warnings),
        warnings=warnings,
    )
    inputs.provenance = provenance_of(
        report,
        stage_tool=versions.get("tool_version"),
        run_date=_run_date(manifest_path if manifest_path.exists() else folder / "report.json"),
        origin=f"read from {folder.name}/, not recomputed",
    )
    return inputs


def from_review(path: Path, model: str | None = None, key_path: Path | None = None, progress=None) -> PageInputs:
    """Page inputs from a review file: ingest, one parse, every stage (and replacements with a key)."""
    from ..batch import run_stages
    from ..ingest import load_report
    from ..nlp import load_nlp, model_info

    step = progress or (lambda message: None)
    step("reading the review")
    report = load_report(path)
    key = _load_key(key_path)
    step("loading the language model")
    nlp = load_nlp(model)
    report.provenance.model = model_info(nlp)
    step("parsing")
    doc = _parse(report, nlp, key)
    step("finding identifiers, events and themes")
    inputs = from_outputs(report, run_stages(report, doc, nlp))
    if key is not None:
        step("finding replacements for the key")
        inputs.replacements = _spans(
            replacements(report, doc, key, nlp), len(report.text), "replacements", inputs.warnings
        )
    return inputs


def from_outputs(report: Report, outputs: dict[str, str], origin: str = "computed for this page") -> PageInputs:
    """Page inputs from stage outputs in memory (file name -> content, as `pipeline.batch.run_stages` returns)."""
    warnings: list[str] = []
    size = len(report.text)

    def lines(name: str) -> list[Any]:
        return stagefile.loads(outputs.get(name, "")).records

    inputs = PageInputs(
        report=report,
        findings=_spans(json.loads(outputs.get("findings.json") or "[]"), size, "findings", warnings),
        events=_spans(lines("events.jsonl"), size, "events", warnings),
        themes=_spans(lines("themes.jsonl"), size, "theme labels", warnings),
        warnings=warnings,
    )
    inputs.provenance = provenance_of(
        report, stage_tool=__version__, run_date=dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"), origin=origin
    )
    return inputs


def add_replacements(inputs: PageInputs, key_path: Path, model: str | None = None) -> None:
    """Replacements a key would make, for a page built from a stage folder (needs one parse)."""
    from ..nlp import load_nlp, model_info

    key = _load_key(key_path)
    nlp = load_nlp(model)
    if not inputs.report.provenance.model:
        inputs.report.provenance.model = model_info(nlp)
    doc = _parse(inputs.report, nlp, key)
    inputs.replacements = _spans(
        replacements(inputs.report, doc, key, nlp), len(inputs.report.text), "replacements", inputs.warnings
    )


def _load_key(key_path: Path | None):
    if key_path is None:
        return None
    from ..deid.keyfile import load_key

    return load_key(key_path)


def _parse(report: Report, nlp, key):
    """THE one parse: with a key, its codes are tagged as roles too (as `scr pseudonymise` does)."""
    from ..nlp import parse_report

    if key is None:
        return parse_report(report, nlp)
    from ..deid.pseudonymise import parse_for_key

    return parse_for_key(report, nlp, key)


def replacements(report: Report, doc, key, nlp) -> list[dict]:
    """What `scr pseudonymise` would replace, as records (the same function, not a copy)."""
    from ..deid.names.known import english_lexicon
    from ..deid.pseudonymise import pseudonymise_report
    from ..deid.recognizers import build_analyzer

    try:
        from ..deid.policy import load_policy

        policy = load_policy()
    except (ImportError, TypeError):
        policy = None
    result = pseudonymise_report(
        report, doc, key, analyzer=build_analyzer(nlp), policy=policy, lexicon=english_lexicon(nlp)
    )
    return [r.record() for r in result.replacements]


def provenance_of(report: Report, stage_tool: str | None, run_date: str | None, origin: str) -> dict[str, Any]:
    """What made the page and from what: tool and model versions, input hash, dates."""
    model = report.provenance.model or {}
    model_text = " ".join(str(model.get(k)) for k in ("name", "version") if model.get(k)) or "not recorded"
    return {
        "page tool": f"scr-pipeline {__version__}",
        "stage outputs": f"scr-pipeline {stage_tool or report.provenance.tool_version} ({origin})",
        "language model": model_text,
        "input": report.source.name,
        "input sha256": report.source.sha256,
        "date of the run": run_date or "not recorded",
        "page written": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
    }
