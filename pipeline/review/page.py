"""The review page: one self-contained file where the author decides every item, offline.

It holds real names (the draft's words beside their codes), so `scr review`
writes it owner-only beside the key.  The draft is drawn with every item
marked at its offsets (`pipeline.page.document`, every character escaped);
the items, the key's codes and the review id travel as JSON in the page;
the script (allowed by its hash in the Content-Security-Policy, which also
forbids every network request) keeps decisions in the browser's storage,
exports them as decisions.json and imports a saved file to resume.
"""

from __future__ import annotations

from importlib import resources

from markupsafe import Markup

from .. import __version__
from ..page.document import Mark, render_document
from ..page.render import csp_hash, environment
from .model import FINDING, FORMAT_DECISIONS, Review


def _asset(name: str) -> str:
    return (resources.files(__package__) / "templates" / name).read_text(encoding="utf-8")


def _label(item) -> str:
    if item.kind == FINDING:
        return f"finding {item.type} · {item.severity}"
    return f"→ {item.proposed}"


def marks(review: Review) -> list[Mark]:
    """One mark per item in the draft; findings outside, replacements inside when both start together."""
    out = []
    for item in review.items:
        css = f"mk {'f sev-' + item.severity if item.kind == FINDING else 'r'}{' amb' if item.ambiguous else ''}"
        out.append(
            Mark(item.start, item.end, css, f"m-{item.id}", _label(item), None, False, 1 if item.kind == FINDING else 2)
        )
    return out


def rows(review: Review) -> list[dict]:
    """The side list, in review order."""
    return [
        {
            "id": i.id,
            "kind": i.kind,
            "type": i.type,
            "text": " ".join(i.text.split()),
            "proposed": " ".join(i.proposed.split()),
            "severity": i.severity,
            "ambiguous": i.ambiguous,
            "unknown": i.unknown_person,
        }
        for i in review.items
    ]


def page_data(review: Review) -> dict:
    return {
        "format": FORMAT_DECISIONS,
        "review_id": review.review_id,
        "draft": {"name": review.report.source.name, "sha256": review.report.source.sha256},
        "key_codes": review.key.codes(),
        "items": [i.to_dict() for i in review.items],
    }


def render_review_page(review: Review) -> str:
    """The whole page as one HTML string (UTF-8, no external resources)."""
    document, _ = render_document(review.report, marks(review))
    script = _asset("review.js")
    counts = {
        "replacements": sum(1 for i in review.items if i.kind != FINDING),
        "findings": sum(1 for i in review.items if i.kind == FINDING),
        "ambiguous": sum(1 for i in review.items if i.ambiguous),
        "unknown": len(review.result.unplaced),
    }
    context = {
        "title": review.report.metadata.title or review.report.source.name,
        "draft": review.report.source.name,
        "review_id": review.review_id,
        "css": Markup(_asset("review.css")),
        "script": Markup(script),
        "csp": f"default-src 'none'; img-src data:; style-src 'unsafe-inline'; script-src '{csp_hash(script)}'; "
        "base-uri 'none'; form-action 'none'",
        "document": document,
        "rows": rows(review),
        "codes": review.key.codes(),
        "counts": counts,
        "data": page_data(review),
        "tool": f"scr-pipeline {__version__}",
        "rules": review.rules,
        "model": " ".join(str(review.model.get(k, "")) for k in ("name", "version")),
    }
    env = environment()
    return env.from_string(_asset("review.html")).render(**context)
