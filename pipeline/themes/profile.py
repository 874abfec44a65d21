"""A review's theme profile: per theme, how many paragraphs and where.

Profiles of different reviews have the same shape, so a learning lead can put
them side by side ("how often does domestic abuse come with escalation
failures?"): counts by section role and section, polarity counts, the share of
tagged paragraphs, and which themes co-occur in one paragraph.
"""

from __future__ import annotations

from collections import Counter
from itertools import combinations

from ..report import Report
from .model import ThemeLabel
from .taxonomy import Taxonomy, load_taxonomy


def profile(labels: list[ThemeLabel], report: Report, taxonomy: Taxonomy | None = None) -> dict:
    """Per-theme paragraph counts, locations and polarity for one review."""
    taxonomy = taxonomy or load_taxonomy()
    per_theme: dict[str, dict] = {}
    pairs: Counter = Counter()
    for label in labels:
        ids = sorted(label.theme_ids())
        pairs.update(f"{a}+{b}" for a, b in combinations(ids, 2))
        for hit in label.themes:
            entry = per_theme.setdefault(
                hit.id,
                {
                    "label": hit.label,
                    "paragraphs": 0,
                    "score": 0.0,
                    "by_section_role": Counter(),
                    "by_section": Counter(),
                    "polarity": Counter(),
                    "offsets": [],
                },
            )
            entry["paragraphs"] += 1
            entry["score"] = round(entry["score"] + hit.score, 3)
            entry["by_section_role"][label.section_role] += 1
            entry["by_section"][label.section or "-"] += 1
            entry["polarity"][hit.polarity] += 1
            entry["offsets"].append([label.start, label.end])
    tagged = len(labels)
    themes = {}
    for theme in taxonomy.themes:
        found = per_theme.get(theme.id)
        if found is None:
            continue
        themes[theme.id] = {
            **found,
            "share_of_tagged": round(found["paragraphs"] / tagged, 3) if tagged else 0.0,
            "by_section_role": dict(found["by_section_role"]),
            "by_section": dict(found["by_section"]),
            "polarity": dict(found["polarity"]),
        }
    return {
        "source": report.source.name,
        "sha256": report.source.sha256,
        "taxonomy": {"name": taxonomy.name, "version": taxonomy.version},
        "paragraphs_tagged": tagged,
        "paragraphs_total": len(report.paragraphs),
        "themes": dict(sorted(themes.items(), key=lambda kv: -kv[1]["paragraphs"])),
        "absent": [t.id for t in taxonomy.themes if t.id not in themes],
        "co_occurrence": dict(pairs.most_common()),
    }
