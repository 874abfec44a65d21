"""Assemble the review page: one self-contained, offline HTML file.

Jinja2 with autoescape renders the templates in `templates/`; the review's
text, the stages' records and even the type names from a stage folder are
all data, never markup.  The page's own script is allowed by a
Content-Security-Policy hash, so even a slip in escaping could not run an
injected script, and the policy also forbids every network request.
"""

from __future__ import annotations

import base64
import bisect
import hashlib
import json
import re
from collections import Counter
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from .. import stagefile
from ..lexicon import calendar
from .document import Block, Mark, blocks, render_document
from .inputs import PageInputs, provenance_of
from .timeline import event_date, render_timeline

SEVERITY_CLASSES = ("high", "medium", "low", "info")
HEX_COLOUR = re.compile(r"^#[0-9A-Fa-f]{6}$")
MONTHS = tuple(m[:3] for m in calendar().full_months)  # "Jan" ... "Dec" on the timeline


# ---------------------------------------------------------------- templates and settings
def _templates_dir():
    return resources.files(__package__) / "templates"


@lru_cache(maxsize=1)
def environment() -> Environment:
    """Jinja2 with autoescape on for every template (HTML and SVG alike)."""
    env = Environment(
        loader=FileSystemLoader(str(_templates_dir())),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["tojson_script"] = json_for_script
    return env


@lru_cache(maxsize=1)
def settings() -> dict:
    """Type labels, colour groups, severities and timeline limits (templates/types.yaml)."""
    return yaml.safe_load((_templates_dir() / "types.yaml").read_text(encoding="utf-8"))


def _asset(name: str) -> str:
    return (_templates_dir() / name).read_text(encoding="utf-8")


def json_for_script(value: Any) -> Markup:
    """JSON that is safe inside <script type="application/json">: no '<', '>' or '&' survives literally."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    for char, escaped in (
        ("&", "\\u0026"),
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        text = text.replace(char, escaped)
    return Markup(text)


def csp_hash(script: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")


def slug(value: str) -> str:
    """A value safe as (part of) an HTML id and a CSS class."""
    return re.sub(r"[^A-Za-z0-9_-]+", "-", str(value)).strip("-") or "x"


# ---------------------------------------------------------------- types
def type_style(type_name: str, replacement: bool = False) -> tuple[str, str]:
    """(colour group, human label) of a finding or replacement type."""
    conf = settings()
    entry = conf["types"].get(type_name) or {}
    label = entry.get("label") or str(type_name)
    group = conf.get("replacement_group", "replacement") if replacement else entry.get("group", "other")
    return (group if group in conf["groups"] else "other"), label


def severity_class(value: Any) -> str:
    return value if value in SEVERITY_CLASSES else "unknown"


# ---------------------------------------------------------------- highlights
def finding_marks(findings: list[dict]) -> tuple[list[Mark], list[dict]]:
    """Marks for the document and rows for the side list, in text order."""
    marks, rows = [], []
    for i, f in enumerate(sorted(findings, key=lambda f: (f["start"], f["end"]))):
        ftype = str(f.get("type") or "UNKNOWN")
        group, label = type_style(ftype)
        severity = str(f.get("severity") or "unknown")
        anchor = f"f-{i + 1}"
        tag = f"{label} · {severity}"
        marks.append(
            Mark(
                f["start"],
                f["end"],
                f"mk f g-{group} sev-{severity_class(severity)}",
                anchor,
                tag,
                str(f.get("reason") or ""),
                True,
                1,
            )
        )
        rows.append(
            {
                "anchor": anchor,
                "type": ftype,
                "label": label,
                "group": group,
                "severity": severity,
                "sev_class": severity_class(severity),
                "text": str(f.get("text") or ""),
                "reason": str(f.get("reason") or ""),
                "line": f.get("line") if isinstance(f.get("line"), int) else None,
            }
        )
    return marks, rows


def replacement_marks(replacements: list[dict]) -> tuple[list[Mark], list[dict]]:
    """Marks and side-list rows for what a key would replace, labelled with what replaces it."""
    marks, rows = [], []
    for i, r in enumerate(sorted(replacements, key=lambda r: (r["start"], r["end"]))):
        rtype = str(r.get("type") or "UNKNOWN")
        group, label = type_style(rtype, replacement=True)
        into = str(r.get("replacement") or r.get("code") or "?")
        anchor = f"r-{i + 1}"
        tag = f"{label} → {into}"
        why = f"replaced by {into} ({r.get('source') or 'pseudonymise'}: {r.get('rule') or ''})"
        marks.append(Mark(r["start"], r["end"], f"mk r g-{group}", anchor, tag, why, True, 2))
        rows.append(
            {
                "anchor": anchor,
                "type": rtype,
                "label": label,
                "group": group,
                "into": into,
                "text": str(r.get("text") or ""),
                "ambiguous": bool(r.get("ambiguous")),
            }
        )
    return marks, rows


def sentence_marks(events: list[dict]) -> tuple[list[Mark], dict[int, str]]:
    """An anchor on each event's sentence, so the chronology can link to it."""
    anchors: dict[int, str] = {}
    marks = []
    for e in sorted(events, key=lambda e: (e["start"], -e["end"])):
        if e["start"] in anchors or e["end"] <= e["start"]:
            continue
        anchors[e["start"]] = f"e-{e['start']}"
        marks.append(Mark(e["start"], e["end"], "sent", anchors[e["start"]], order=0))
    return marks, anchors


# ---------------------------------------------------------------- side-list counts
def count_table(rows: list[dict], columns: list[str]) -> dict:
    """Findings per type (rows, most first) and severity (columns, in the configured order)."""
    counts = Counter((r["type"], r["severity"]) for r in rows)
    types = sorted({r["type"] for r in rows}, key=lambda t: (-sum(counts[(t, c)] for c in columns), t))
    extra = sorted({r["severity"] for r in rows} - set(columns))
    columns = [*columns, *extra]
    return {
        "columns": columns,
        "rows": [
            {
                "type": t,
                "label": type_style(t)[1],
                "group": type_style(t)[0],
                "cells": [counts[(t, c)] for c in columns],
                "total": sum(counts[(t, c)] for c in columns),
            }
            for t in types
        ],
        "totals": [sum(counts[(t, c)] for t in types) for c in columns],
        "total": len(rows),
    }


# ---------------------------------------------------------------- chronology
def date_text(event: dict) -> str:
    """A date as a reader says it, honest about its precision."""
    when = event_date(event.get("date"))
    if when is None:
        return "undated"
    precision = event.get("precision")
    if precision == "month":
        text = f"{MONTHS[when.month - 1]} {when.year}"
    elif precision == "approx":
        text = f"about {MONTHS[when.month - 1]} {when.year}"
    elif precision == "week":
        text = f"week of {when.day} {MONTHS[when.month - 1]} {when.year}"
    else:
        text = f"{when.day} {MONTHS[when.month - 1]} {when.year}"
    until = event_date(event.get("date_end"))
    if until and until != when:
        text += f" – {until.day} {MONTHS[until.month - 1]} {until.year}"
    return text


def _listed(value: Any) -> str:
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    return "" if value is None else str(value)


def event_rows(events: list[dict], anchors: dict[int, str], limit: int = 220) -> list[dict]:
    """Table rows in date order (undated last), each linking to its sentence."""

    def key(e):
        when = event_date(e.get("date"))
        return (when is None, when.toordinal() if when else 0, e["start"])

    rows = []
    for e in sorted(events, key=key):
        sentence = " ".join(str(e.get("sentence") or "").split())
        action = str(e.get("action") or "")
        if e.get("object"):
            action = f"{action} ({e['object']})" if action else str(e["object"])
        rows.append(
            {
                "date": date_text(e),
                "iso": str(e.get("date") or ""),
                "actors": _listed(e.get("actors")),
                "agencies": _listed(e.get("agencies")),
                "action": action,
                "kpe": str(e.get("kpe") or ""),
                "sentence": sentence if len(sentence) <= limit else sentence[: limit - 1] + "…",
                "anchor": anchors.get(e["start"]),
                "inferred": bool(e.get("inherited") or e.get("relative")),
            }
        )
    return rows


# ---------------------------------------------------------------- themes
def theme_profile(labels: list[dict], inputs: PageInputs) -> dict:
    """The report's theme profile (`pipeline.themes.profile`), plus any theme it does not know.

    Labels from another taxonomy version (or of a newer shape) still show:
    what the profile cannot place is counted here rather than dropped.
    """
    counts: Counter = Counter()
    names: dict[str, str] = {}
    for label in labels:
        for hit in label.get("themes") or []:
            if isinstance(hit, dict) and hit.get("id"):
                counts[str(hit["id"])] += 1
                names.setdefault(str(hit["id"]), str(hit.get("label") or hit["id"]))
    try:
        from ..themes import profile
        from ..themes.model import ThemeLabel

        prof = profile([ThemeLabel.model_validate(stagefile.payload(label)) for label in labels], inputs.report)
    except Exception:  # defensive: a stage folder from another version must still give a page
        prof = {
            "themes": {},
            "paragraphs_tagged": len(labels),
            "paragraphs_total": len(inputs.report.paragraphs),
            "taxonomy": None,
        }
    for theme_id, n in counts.most_common():
        prof["themes"].setdefault(theme_id, {"label": names[theme_id], "paragraphs": n, "polarity": {}})
    return prof


def _block_index(block_list: list[Block]):
    starts = [b.start for b in block_list]

    def anchor_at(offset: int) -> str | None:
        i = bisect.bisect_right(starts, offset) - 1
        return block_list[i].anchor if i >= 0 and offset < block_list[i].end else None

    return anchor_at


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def snippets(text: str, spans: list[tuple[int, int]], lo: int, hi: int, width: int = 70) -> list[list[dict]]:
    """Evidence words in context: windows of `width` characters around each, merged where they overlap.

    Each snippet is a list of parts `{"text", "cue"}` (cue parts are marked on the page).
    """
    windows: list[list] = []
    for start, end in sorted(spans):
        a, b = max(lo, start - width), min(hi, end + width)
        if windows and a <= windows[-1][1]:
            windows[-1][1] = max(windows[-1][1], b)
            windows[-1][2].append((start, end))
        else:
            windows.append([a, b, [(start, end)]])
    out = []
    for a, b, cues in windows:
        parts, pos = [], a
        if a > lo:
            parts.append({"text": "…", "cue": False})
        for start, end in cues:
            if start < pos:
                continue
            parts.append({"text": _squash(text[pos:start]), "cue": False})
            parts.append({"text": _squash(text[start:end]), "cue": True})
            pos = end
        parts.append({"text": _squash(text[pos:b]) + ("…" if b < hi else ""), "cue": False})
        out.append([p for p in parts if p["text"]])
    return out


def theme_sections(labels: list[dict], prof: dict, inputs: PageInputs, anchor_at, max_cues: int = 3) -> list[dict]:
    """Per theme (profile order): its bar, anchor and the paragraphs with their evidence words."""
    text = inputs.report.text
    by_theme: dict[str, list[dict]] = {}
    for label in sorted(labels, key=lambda lab: lab["start"]):
        for hit in label.get("themes") or []:
            if not isinstance(hit, dict) or not hit.get("id"):
                continue
            spans = []
            for ev in (hit.get("evidence") or [])[:max_cues]:
                s, e = (ev.get("start"), ev.get("end")) if isinstance(ev, dict) else (None, None)
                if isinstance(s, int) and isinstance(e, int) and label["start"] <= s < e <= label["end"]:
                    spans.append((s, e))
            by_theme.setdefault(str(hit["id"]), []).append(
                {
                    "anchor": anchor_at(label["start"]),
                    "section": str(label.get("section") or ""),
                    "section_title": str(label.get("section_title") or ""),
                    "polarity": str(hit.get("polarity") or ""),
                    "snippets": snippets(text, spans, label["start"], label["end"]),
                }
            )
    out = []
    for theme_id, entry in (prof.get("themes") or {}).items():
        paragraphs = by_theme.get(theme_id, [])
        polarity = entry.get("polarity") or {}
        out.append(
            {
                "id": theme_id,
                "anchor": f"theme-{slug(theme_id)}",
                "label": str(entry.get("label") or theme_id),
                "count": int(entry.get("paragraphs") or len(paragraphs)),
                "paragraphs": paragraphs,
                "polarity": ", ".join(
                    f"{n} {k.replace('_', ' ')}" for k, n in sorted(polarity.items(), key=lambda kv: -kv[1])
                ),
            }
        )
    return out


def theme_chart(themes: list[dict]) -> Markup | None:
    """The profile as a horizontal bar chart (inline SVG); each bar links to its evidence list."""
    if not themes:
        return None
    top = max(t["count"] for t in themes) or 1
    bars = [
        {
            **t,
            "width": round(420 * t["count"] / top, 1),
            "short": t["label"] if len(t["label"]) <= 38 else t["label"][:37] + "…",
        }
        for t in themes
    ]
    return Markup(environment().get_template("theme_chart.svg").render(bars=bars, row=24, top=8))


# ---------------------------------------------------------------- the page
def render_page(inputs: PageInputs) -> str:
    """The whole page as one HTML string (UTF-8, no external resources)."""
    conf = settings()
    report = inputs.report
    f_marks, f_rows = finding_marks(inputs.findings)
    r_marks, r_rows = replacement_marks(inputs.replacements)
    s_marks, sentence_anchors = sentence_marks(inputs.events)
    block_list = blocks(report)
    anchor_at = _block_index(block_list)
    prof = theme_profile(inputs.themes, inputs)
    themes = theme_sections(inputs.themes, prof, inputs, anchor_at)
    theme_of_block: dict[str, list[str]] = {}
    for theme in themes:
        for para in theme["paragraphs"]:
            if para["anchor"]:
                theme_of_block.setdefault(para["anchor"], []).append(theme["anchor"])
    block_attrs = {anchor: {"data-themes": " ".join(dict.fromkeys(ids))} for anchor, ids in theme_of_block.items()}
    document, rendered = render_document(report, [*s_marks, *f_marks, *r_marks], block_attrs)
    for row in [*f_rows, *r_rows]:
        row["linked"] = row["anchor"] in rendered
    timeline_conf = conf.get("timeline", {})
    timeline = render_timeline(
        inputs.events,
        {s: a for s, a in sentence_anchors.items() if a in rendered},
        int(timeline_conf.get("max_lanes", 12)),
        str(timeline_conf.get("other_lane", "other / none")),
        (report.metadata.period_start, report.metadata.period_end),
    )
    script = _asset("page.js")
    groups = {name: g["colour"] for name, g in conf["groups"].items() if HEX_COLOUR.match(str(g.get("colour", "")))}
    meta = report.metadata
    context = {
        "title": meta.title or report.source.name,
        "meta": meta,
        "period": " – ".join(str(d) for d in (meta.period_start, meta.period_end) if d),
        "css": Markup(_asset("page.css")),
        "groups": groups,
        "group_titles": {name: g.get("title", name) for name, g in conf["groups"].items()},
        "legend": _legend(f_rows, r_rows),
        "script": Markup(script),
        "csp": f"default-src 'none'; img-src data:; style-src 'unsafe-inline'; script-src '{csp_hash(script)}'; "
        "base-uri 'none'; form-action 'none'",
        "document": document,
        "contents": _contents(report, anchor_at),
        "findings": f_rows,
        "finding_counts": count_table(f_rows, list(conf.get("severities", SEVERITY_CLASSES))),
        "replacements": r_rows,
        "replacement_counts": Counter(
            f"{r['label']} → {r['into']}" if r["type"] == "PERSON" else r["label"] for r in r_rows
        ).most_common(),
        "events": event_rows(inputs.events, {s: a for s, a in sentence_anchors.items() if a in rendered}),
        "undated": sum(1 for e in inputs.events if event_date(e.get("date")) is None),
        "timeline": timeline,
        "themes": themes,
        "theme_chart": theme_chart(themes),
        "profile": prof,
        "provenance": _provenance(inputs, prof),
        "warnings": inputs.warnings,
        "data": {
            "highlights": len(f_rows) + len(r_rows),
            "themes": {t["anchor"]: sorted({p["anchor"] for p in t["paragraphs"] if p["anchor"]}) for t in themes},
        },
    }
    return environment().get_template("page.html").render(**context)


def _provenance(inputs: PageInputs, prof: dict) -> dict:
    """The inputs' provenance (defaults filled in) plus the theme taxonomy the profile used."""
    out = {**provenance_of(inputs.report, None, None, "given to the renderer"), **inputs.provenance}
    taxonomy = prof.get("taxonomy") if isinstance(prof.get("taxonomy"), dict) else None
    if taxonomy:
        out["theme taxonomy"] = f"{taxonomy.get('name')} {taxonomy.get('version')}"
    return out


def _legend(f_rows: list[dict], r_rows: list[dict]) -> list[dict]:
    seen: dict[tuple[str, str], int] = Counter((r["group"], r["label"]) for r in [*f_rows, *r_rows])
    return [{"group": g, "label": label, "count": n} for (g, label), n in sorted(seen.items())]


def _contents(report, anchor_at) -> list[dict]:
    """Top two levels of sections, linking to their headings."""
    out = []
    for section in sorted(report.sections, key=lambda s: s.heading_start):
        anchor = anchor_at(section.heading_start)
        if anchor and section.level <= 2:
            out.append(
                {"anchor": anchor, "level": section.level, "number": section.number or "", "title": section.title}
            )
    return out
