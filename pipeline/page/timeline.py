"""The chronology as a picture: events over time, one lane per actor or agency.

Drawn with matplotlib (Agg-free SVG backend, no display needed) and inlined
as SVG, so the page stays one offline file and the picture stays sharp when
printed.  Every point links to its sentence in the document.  Lanes are the
most frequent actors/agencies (capped, the rest share one lane) so a
200-event review reads at a glance; events in a Key Practice Episode are
drawn as labelled diamonds, approximate dates as hollow marks.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import re
from collections import Counter
from typing import TYPE_CHECKING, Any

from markupsafe import Markup

if TYPE_CHECKING:
    from matplotlib.artist import Artist
    from matplotlib.typing import RcKeyType

MAX_LABEL = 26
APPROXIMATE = {"month", "approx"}


def event_date(value) -> dt.date | None:
    """An event's date from its JSON form ('2016-08-01'), or None."""
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def _names(event: dict) -> list[str]:
    names: list[str] = []
    for key in ("actors", "agencies"):
        values = event.get(key)
        if isinstance(values, list):
            names.extend(str(v).strip() for v in values if str(v).strip())
    return list(dict.fromkeys(names))


def lanes(events: list[dict], max_lanes: int, other: str) -> list[str]:
    """The most frequent actors/agencies (ties by name), then the shared lane."""
    counts = Counter(name for e in events for name in _names(e))
    top = [name for name, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:max_lanes]]
    return [*top, other]


def placements(events: list[dict], lane_names: list[str], anchors: dict[int, str]) -> list[dict]:
    """One point per (event, lane): the lanes of its actors that are shown, else the shared lane."""
    index = {name: i for i, name in enumerate(lane_names)}
    other = len(lane_names) - 1
    points = []
    for event in events:
        when = event_date(event.get("date"))
        if when is None:
            continue
        rows = sorted({index[n] for n in _names(event) if n in index and index[n] != other}) or [other]
        until = event_date(event.get("date_end"))
        for row in rows:
            points.append(
                {
                    "date": when,
                    "until": until if until and until > when else None,
                    "row": row,
                    "kpe": str(event["kpe"]) if event.get("kpe") else None,
                    "approx": event.get("precision") in APPROXIMATE,
                    "url": "#" + anchors[event["start"]] if event.get("start") in anchors else None,
                }
            )
    return points


def _short(name: str) -> str:
    return name if len(name) <= MAX_LABEL else name[: MAX_LABEL - 1] + "…"


def _kpe_number(label: str) -> str:
    found = re.search(r"\d+", label)
    return found.group() if found else label


def core_period(dates: list[dt.date], share: float = 0.9, max_fraction: float = 0.5) -> tuple[dt.date, dt.date] | None:
    """The shortest stretch holding `share` of the dates, when it is much shorter than the whole span.

    Reviews narrate a few background events years before the period under
    review; on one linear axis they squeeze the period itself into a sliver.
    When this returns a stretch, the picture gives it most of the width and
    draws what lies outside it in narrow side panels (a broken axis).
    """
    ordered = sorted(dates)
    n = len(ordered)
    if n < 10:
        return None
    k = max(2, math.ceil(share * n))
    best = min(range(n - k + 1), key=lambda i: ordered[i + k - 1] - ordered[i])
    lo, hi = ordered[best], ordered[best + k - 1]
    total = (ordered[-1] - ordered[0]).days
    if total <= 0 or (hi - lo).days > max_fraction * total:
        return None
    pad = dt.timedelta(days=max(7, round((hi - lo).days * 0.03)))
    return lo - pad, hi + pad


def _panels(points: list[dict]) -> list[tuple[str, dt.date, dt.date, list[dict]]]:
    """(title, from, to, points) for each panel of the picture, left to right."""
    dates = [p["date"] for p in points]
    first, last = min(dates), max(dates)
    core = core_period(dates)
    if core is None:
        pad = dt.timedelta(days=max(7, round((last - first).days * 0.02)))
        return [("", first - pad, last + pad, points)]
    lo, hi = core
    panels = []
    before = [p for p in points if p["date"] < lo]
    if before:
        pad = dt.timedelta(days=max(15, round((lo - first).days * 0.06)))
        panels.append(("earlier", first - pad, lo, before))
    panels.append(("", lo, hi, [p for p in points if lo <= p["date"] <= hi]))
    after = [p for p in points if p["date"] > hi]
    if after:
        pad = dt.timedelta(days=max(15, round((last - hi).days * 0.06)))
        panels.append(("later", hi, last + pad, after))
    return panels


STYLES = {  # (in a KPE, approximate date) -> marker style; Okabe-Ito blue / vermillion
    (False, False): dict(marker="o", s=22, facecolors="#0072B2", edgecolors="#0072B2"),
    (False, True): dict(marker="o", s=22, facecolors="white", edgecolors="#0072B2"),
    (True, False): dict(marker="D", s=40, facecolors="#D55E00", edgecolors="#000000"),
    (True, True): dict(marker="D", s=40, facecolors="white", edgecolors="#D55E00"),
}


def render_timeline(
    events: list[dict],
    anchors: dict[int, str],
    max_lanes: int = 12,
    other: str = "other / none",
    period: tuple[dt.date | None, dt.date | None] = (None, None),
) -> Markup | None:
    """Inline SVG of the chronology, or None when no event has a date."""
    import matplotlib
    from matplotlib.figure import Figure

    lane_names = lanes(events, max_lanes, other)
    points = placements(events, lane_names, anchors)
    if not points:
        return None
    rc: dict[RcKeyType, Any] = {
        "svg.fonttype": "none",
        "svg.hashsalt": "scr-page",
        "text.parse_math": False,
        "font.size": 9,
        "font.family": "sans-serif",
        "axes.spines.right": False,
        "axes.spines.top": False,
    }
    panels = _panels(points)
    with matplotlib.rc_context(rc):
        height = 1.6 + 0.42 * len(lane_names)
        fig = Figure(figsize=(11, height), layout="constrained")
        ratios = [6 if not title else 1.3 for title, *_ in panels]
        axes = fig.subplots(1, len(panels), sharey=True, width_ratios=ratios, squeeze=False)[0]
        for ax, (title, lo, hi, group) in zip(axes, panels, strict=True):
            _draw_panel(ax, title, lo, hi, group, period)
        axes[0].set_yticks(range(len(lane_names)), [_short(n) for n in lane_names])
        axes[0].set_ylim(len(lane_names) - 0.5, -0.9)
        for ax in axes[1:]:
            ax.tick_params(axis="y", left=False)
            ax.spines["left"].set_linestyle((0, (2, 3)))
        _label_kpes(axes, panels)
        _legend(fig, any(p["approx"] for p in points), any(p["kpe"] for p in points), bool(period[0] and period[1]))
        buffer = io.StringIO()
        fig.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
    return Markup(_inline(buffer.getvalue()))


def _draw_panel(ax, title: str, lo: dt.date, hi: dt.date, points: list[dict], period) -> None:
    import matplotlib.dates as mdates

    ax.grid(axis="y", color="#dddddd", linewidth=0.6)
    ax.set_axisbelow(True)
    if period[0] and period[1] and period[0] < hi and period[1] > lo:
        ax.axvspan(mdates.date2num(max(period[0], lo)), mdates.date2num(min(period[1], hi)), color="#f0f0f0", zorder=0)
    spans = [p for p in points if p["until"]]
    if spans:  # one collection for every date range, not one per event
        ax.hlines(
            [p["row"] for p in spans],
            [mdates.date2num(p["date"]) for p in spans],
            [mdates.date2num(p["until"]) for p in spans],
            color="#0072B2",
            linewidth=2,
            alpha=0.45,
        )
    for (is_kpe, approx), style in STYLES.items():
        group = [p for p in points if bool(p["kpe"]) == is_kpe and p["approx"] == approx]
        if group:
            dots = ax.scatter(
                [mdates.date2num(p["date"]) for p in group],
                [p["row"] for p in group],
                linewidths=1,
                alpha=0.85,
                zorder=3,
                **style,
            )
            dots.set_urls([p["url"] for p in group])
    ax.set_xlim(mdates.date2num(lo), mdates.date2num(hi))
    locator = mdates.AutoDateLocator(minticks=2 if title else 4, maxticks=3 if title else 12)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    if title:
        ax.set_title(title, fontsize=8, color="#5a5a5a", loc="left")


def _legend(fig, approx: bool, kpe: bool, period: bool) -> None:
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    handles: list[Artist] = [
        Line2D([], [], linestyle="", marker="o", markerfacecolor="#0072B2", markeredgecolor="#0072B2")
    ]
    names = ["event (dated to the day or week)"]
    if approx:
        handles.append(Line2D([], [], linestyle="", marker="o", markerfacecolor="white", markeredgecolor="#0072B2"))
        names.append("approximate date (month or 'about')")
    if kpe:
        handles.append(Line2D([], [], linestyle="", marker="D", markerfacecolor="#D55E00", markeredgecolor="#000000"))
        names.append("in a Key Practice Episode (its number above)")
    if period:
        handles.append(Patch(facecolor="#f0f0f0", edgecolor="#cccccc"))
        names.append("period under review")
    fig.legend(handles, names, loc="outside lower center", ncols=len(names), frameon=False, fontsize=8)


def _label_kpes(axes, panels) -> None:
    """Each KPE's number once, above its first point; close neighbours are staggered."""
    import matplotlib.dates as mdates

    first: dict[str, tuple] = {}
    for ax, (_, _, _, points) in zip(axes, panels, strict=True):
        for p in sorted(points, key=lambda p: (p["date"], p["row"])):
            if p["kpe"] and p["kpe"] not in first:
                first[p["kpe"]] = (ax, p)
    last_x: dict[tuple[int, int], float] = {}
    for number, (ax, p) in sorted(first.items(), key=lambda kv: (kv[1][1]["date"], kv[0])):
        x = mdates.date2num(p["date"])
        level = 0
        while abs(x - last_x.get((p["row"], level), -1e9)) < 12 and level < 3:
            level += 1
        last_x[(p["row"], level)] = x
        ax.annotate(
            _kpe_number(number),
            (x, p["row"]),
            xytext=(0, 5 + 8 * level),
            textcoords="offset points",
            ha="center",
            va="bottom",
            fontsize=7,
            color="#7a2e00",
        )


def _inline(svg: str) -> str:
    """matplotlib's SVG document as an inline element that scales to the page width."""
    svg = svg[svg.index("<svg") :]
    svg = re.sub(r"<metadata>.*?</metadata>", "", svg, flags=re.S)
    svg = re.sub(
        r'(<a\b[^>]*?)\s+target="_blank"', r"\1", svg
    )  # matplotlib opens links in a new tab; ours stay on the page
    head_end = svg.index(">")
    head = re.sub(r'\s(width|height)="[^"]*"', "", svg[:head_end])
    head += (
        ' id="timeline-svg" role="img" aria-label="Timeline of the events, one lane per actor or agency; '
        'each point links to its sentence"'
    )
    return head + svg[head_end:]
