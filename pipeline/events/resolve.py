"""Resolve date candidates to dates, tracking the narrative anchor.

A careful reader of "On 22nd March EM rang ESW. ESW rang EF the following
day. Two days later..." resolves each relative phrase against the last date
the narrative established, not against today or the publication date
(HeidelTime's "narrative" strategy).  `Resolver` keeps that anchor: explicit
dates and point-like relative phrases move it; spans ("over the following four
days"), look-backs, vague references and planned dates do not.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from dateutil.relativedelta import relativedelta

from ..resources import load_yaml
from .candidates import Candidate
from .normalise import day_month, infer_year, last_day, month_number, numeric_date, safe_date
from .vocabulary import calendar, lexicon

ORDER = {"day": 0, "week": 1, "month": 2, "approx": 3}


@lru_cache(maxsize=1)
def config() -> dict:
    return load_yaml("dates", "resolution.yaml")


def _month(name: str) -> int:
    """The month a candidate's month group names: the candidate patterns match month names only, so a name the
    calendar does not know is a bug in the patterns, not a date to skip."""
    month = month_number(name)
    if month is None:
        raise ValueError(f"not a month name: {name!r}")
    return month


@dataclass
class Resolution:
    """The date a candidate stands for."""

    date: dt.date
    date_end: dt.date | None
    precision: str
    confidence: float
    relative: bool


@dataclass
class Anchor:
    date: dt.date
    date_end: dt.date | None
    precision: str
    event_id: int | None
    explicit_range: bool = False

    @property
    def forward_base(self) -> dt.date:
        """Where "the following day" counts from: the end of an explicit range."""
        return self.date_end if self.explicit_range and self.date_end else self.date


# relative phrases counted in units from the anchor (an occasion's own date is not)
COUNTED_FROM_ANCHOR = frozenset({"rel_offset", "rel_prev", "rel_next", "rel_span", "rel_back"})


def _year_only(anchor: Anchor) -> bool:
    """An anchor that is a year and no more ("in 2019"): 1st January, approximate, and no
    end before the year's end."""
    start, end = anchor.date, anchor.date_end
    return (
        anchor.precision == "approx"
        and (start.month, start.day) == (1, 1)
        and (end is None or end == dt.date(start.year, 12, 31))
    )


def coarser(a: str, b: str) -> str:
    return a if ORDER[a] >= ORDER[b] else b


def count(text: str) -> int:
    text = " ".join(text.lower().split())
    if text.isdigit():
        return int(text)
    return int(lexicon()["numbers"].get(text, 1))


def shift(date: dt.date, unit: str, n: int) -> dt.date:
    spec = lexicon()["units"][unit.lower()]
    if "months" in spec:
        return date + relativedelta(months=spec["months"] * n)
    if "years" in spec:
        return date + relativedelta(years=spec["years"] * n)
    return date + dt.timedelta(days=spec["days"] * n)


def unit_precision(unit: str) -> str:
    return lexicon()["units"][unit.lower()]["precision"]


class Resolver:
    """Resolves candidates left to right against a moving anchor."""

    def __init__(self, period: tuple[dt.date | None, dt.date | None] = (None, None), default_year: int | None = None):
        self.period = period
        self.default_year = default_year
        self.anchor: Anchor | None = None
        self.occasions: dict[str, Resolution] = {}  # "birth" -> when the narrative dated it

    # ---- anchor ----------------------------------------------------------
    def moves_anchor(self, kind: str) -> bool:
        return kind in config()["moves_anchor"]

    def set_anchor(self, res: Resolution, event_id: int | None, kind: str) -> None:
        self.anchor = Anchor(res.date, res.date_end, res.precision, event_id, explicit_range=kind == "range")

    # ---- absolute dates ----------------------------------------------------
    def _year(self, month: int, day: int) -> tuple[int | None, float]:
        year, key = infer_year(month, day, self.anchor.date if self.anchor else None, self.period, self.default_year)
        return year, config()["confidence"][key]

    def _day(self, d: str, m: str, y: str | None) -> tuple[dt.date | None, float]:
        parts = day_month(d, m, y)
        if parts is None:
            return None, 0.0
        day, month, year = parts
        if year is not None:
            return safe_date(year, month, day), config()["confidence"]["explicit_year"]
        year, conf = self._year(month, day)
        return (safe_date(year, month, day) if year else None), conf

    def resolve(self, cand: Candidate) -> Resolution | None:
        """The date of a candidate, or None when it cannot be placed."""
        method = getattr(self, f"_resolve_{cand.kind}", None)
        if method is None:
            return None
        res = method(cand, cand.groups)
        return self._within_year(res, cand) if res is not None and res.relative else res

    def _within_year(self, res: Resolution, cand: Candidate) -> Resolution:
        """A time counted from an anchor known only to the year ("Baby L died in 2019 ... A
        week before the death") is somewhere in that year: counting from its 1st January
        would put it in the year before.  An offset of years ("the following year") still moves."""
        a = self.anchor
        unit = (cand.groups.get("unit") or "").lower()
        if (
            cand.kind not in COUNTED_FROM_ANCHOR
            or a is None
            or not _year_only(a)
            or res.date.year == a.date.year
            or unit.startswith("year")
        ):
            return res
        return Resolution(a.date, a.date_end, "approx", res.confidence, True)

    def _resolve_day(self, cand, g):
        if "num" in g:
            date = numeric_date(g["num"])
            return Resolution(date, None, "day", config()["confidence"]["explicit_year"], False) if date else None
        date, conf = self._day(g["d"], g["m"], g.get("y"))
        return Resolution(date, None, "day", conf, False) if date else None

    def _resolve_range(self, cand, g):
        conf = config()["confidence"]
        if "num" in g:
            first, second = numeric_date(g["num"]), numeric_date(g["num2"])
            if first and second:
                return Resolution(min(first, second), max(first, second), "day", conf["range"], False)
            return None
        if "d" not in g:  # month range: "between March and May 2017"
            m1, m2 = _month(g["m"]), _month(g["m2"])
            y2 = int(g["y2"]) if g.get("y2") else self._year(m2, 1)[0]
            y1 = int(g["y"]) if g.get("y") else (y2 - 1 if y2 and m1 > m2 else y2)
            if not (y1 and y2):
                return None
            return Resolution(dt.date(y1, m1, 1), last_day(y2, m2), "month", conf["range"], False)
        end, end_conf = self._day(g["d2"], g["m2"], g.get("y2"))
        if end is None:
            return None
        m1 = _month(g["m"]) if g.get("m") else end.month
        if g.get("y"):
            y1 = int(g["y"])
        else:
            y1 = end.year - 1 if m1 > end.month else end.year
        start = safe_date(y1, m1, int("".join(ch for ch in g["d"] if ch.isdigit())))
        if start is None or start > end:
            return None
        return Resolution(start, end, "day", min(conf["range"], end_conf), False)

    def _resolve_week_of(self, cand, g):
        inner = self._resolve_day(cand, g)
        if inner is None:
            return None
        return Resolution(
            inner.date, inner.date + dt.timedelta(days=6), "week", config()["confidence"]["week_of"], False
        )

    def _month_year(self, g, day: int = 1) -> tuple[int, int | None, bool]:
        month = _month(g["m"])
        if g.get("y"):
            return month, int(g["y"]), True
        return month, self._year(month, day)[0], False

    def _resolve_month_part(self, cand, g):
        first_day, last = lexicon()["month_parts"][" ".join(g["part"].lower().split())]
        month, year, _ = self._month_year(g, first_day)
        if year is None:
            return None
        start = safe_date(year, month, first_day)
        if start is None:
            return None
        end = None
        if last == "end":
            end = last_day(year, month)
        elif last is not None:
            end = safe_date(year, month, last)
        if g.get("onwards"):
            end = None
        return Resolution(start, end, "approx", config()["confidence"]["month_part"], False)

    def _resolve_month(self, cand, g):
        month, year, _ = self._month_year(g)
        if year is None:
            return None
        return Resolution(dt.date(year, month, 1), None, "month", config()["confidence"]["month"], False)

    def _resolve_year(self, cand, g):
        """A year; "early/mid/late/the summer of" narrow it to a span of months."""
        year = int(g["y"])
        lowered = " ".join(cand.text.lower().replace("-", " ").split())
        for part, (first, last) in config()["year_parts"].items():
            if re.search(rf"\b{part}\b", lowered):
                end_year = year + 1 if last < first else year
                return Resolution(
                    dt.date(year, first, 1),
                    last_day(end_year, last),
                    "approx",
                    config()["confidence"][cand.kind],
                    False,
                )
        return Resolution(dt.date(year, 1, 1), None, "approx", config()["confidence"][cand.kind], False)

    _resolve_year_since = _resolve_year

    def _resolve_year_range(self, cand, g):
        """ "between 2016 and 2019": 1 January of the first year to 31 December of the last;
        "2017/18" (a school or financial year) its two calendar years."""
        first, last = int(g["y"]), int(g["y2"])
        if len(g["y2"]) == 2:
            last = first // 100 * 100 + last
            if last != first + 1:
                return None
        if last < first:
            return None
        return Resolution(
            dt.date(first, 1, 1), dt.date(last, 12, 31), "approx", config()["confidence"]["year_range"], False
        )

    def _resolve_day_only(self, cand, g):
        """ "On the 3rd": that day of the anchor's month, or of the next month if already past."""
        a = self.anchor
        if a is None:
            return None
        day = int("".join(ch for ch in g["d"] if ch.isdigit()))
        date = safe_date(a.date.year, a.date.month, day)
        if date is not None and date < a.date:
            nxt = a.date.replace(day=1) + relativedelta(months=1)
            date = safe_date(nxt.year, nxt.month, day)
        if date is None:
            return None
        return Resolution(
            date, None, "day" if a.precision == "day" else "approx", config()["confidence"]["day_only"], True
        )

    def _resolve_weekday(self, cand, g):
        """ "On Monday", "the following Friday": the first such day after the anchor."""
        a = self.anchor
        if a is None:
            return None
        target = [w.lower() for w in calendar().weekdays].index(g["weekday"].lower())
        ahead = (target - a.forward_base.weekday()) % 7 or 7
        date = a.forward_base + dt.timedelta(days=ahead)
        return self._relative(date, None, "day", "weekday")

    # ---- relative phrases ---------------------------------------------------
    def _relative(self, date, end, precision, kind) -> Resolution:
        conf = config()["confidence"][kind]
        if self.anchor is not None and self.anchor.precision != "day":
            precision = coarser(precision, "approx") if ORDER[precision] < ORDER[self.anchor.precision] else precision
        return Resolution(date, end, precision, conf, True)

    def _resolve_rel_occasion(self, cand, g):
        """ "On the day of the birth": the date the narrative gave the birth, if it did."""
        known = self.occasions.get(g["occasion"].lower())
        if known is None:
            return None
        return Resolution(known.date, None, known.precision, config()["confidence"]["rel_occasion"], True)

    def _resolve_rel_same(self, cand, g):
        a = self.anchor
        if a is None:
            return None
        return Resolution(a.date, None, a.precision, config()["confidence"]["rel_same"], True)

    def _resolve_rel_vague(self, cand, g):
        a = self.anchor
        if a is None:
            return None
        precision = a.precision if a.precision in ("month", "approx") else "approx"
        return Resolution(a.date, a.date_end, precision, config()["confidence"]["rel_vague"], True)

    def _resolve_rel_duration(self, cand, g):
        """ "Remained in hospital for three days": from the anchor, N units long."""
        a = self.anchor
        if a is None:
            return None
        end = shift(a.date, g["unit"], count(g["n"]))
        return Resolution(a.date, end, a.precision, config()["confidence"]["rel_duration"], True)

    def _resolve_rel_window(self, cand, g):
        """ "Whilst in hospital", "during the pregnancy": from the anchor on; the
        extractor closes the window at the next date the narrative gives."""
        a = self.anchor
        if a is None:
            return None
        return Resolution(
            a.date, a.date_end if a.explicit_range else None, "approx", config()["confidence"]["rel_window"], True
        )

    def _resolve_rel_period(self, cand, g):
        a = self.anchor
        if a is None:
            return None
        unit, text = g["unit"].lower(), cand.text.lower()
        if unit == "week":  # the calendar week (Monday to Sunday) of the anchor
            start = a.date - dt.timedelta(days=a.date.weekday())
            end = start + dt.timedelta(days=6)
        elif unit == "month":
            start, end = a.date.replace(day=1), last_day(a.date.year, a.date.month)
        else:
            start, end = dt.date(a.date.year, 1, 1), dt.date(a.date.year, 12, 31)
        if text.startswith("later"):
            start = min(a.date + dt.timedelta(days=1), end)
        elif text.startswith("earlier"):
            end = max(a.date - dt.timedelta(days=1), start)
        return self._relative(start, end, "approx", "rel_period")

    def _resolve_rel_next(self, cand, g):
        a = self.anchor
        if a is None:
            return None
        unit = g["unit"].lower()
        base = a.forward_base
        if unit == "week":
            start = base + dt.timedelta(days=7)
            return self._relative(start, start + dt.timedelta(days=6), "week", "rel_next")
        if unit == "weekend":
            saturday = base + dt.timedelta(days=(5 - base.weekday()) % 7 or 7)
            return self._relative(saturday, saturday + dt.timedelta(days=1), "week", "rel_next")
        if unit == "month":
            start = base.replace(day=1) + relativedelta(months=1)
            return self._relative(start, None, "month", "rel_next")
        if unit == "year":
            return self._relative(dt.date(base.year + 1, 1, 1), None, "approx", "rel_next")
        return self._relative(base + dt.timedelta(days=1), None, "day", "rel_next")

    def _resolve_rel_prev(self, cand, g):
        a = self.anchor
        if a is None:
            return None
        unit = g["unit"].lower()
        if unit == "week":
            return self._relative(a.date - dt.timedelta(days=7), a.date - dt.timedelta(days=1), "week", "rel_prev")
        if unit == "month":
            start = a.date.replace(day=1) - relativedelta(months=1)
            return self._relative(start, None, "month", "rel_prev")
        if unit == "year":
            return self._relative(dt.date(a.date.year - 1, 1, 1), None, "approx", "rel_prev")
        if a.precision == "month" and unit in ("day", "morning", "evening", "night"):
            # "found dead one morning in May 2014 ... the previous night": still that month, the day unknown
            return self._relative(a.date, last_day(a.date.year, a.date.month), "approx", "rel_prev")
        if unit == "weekend":  # the last Saturday and Sunday before the anchor's own weekend
            back = (a.date.weekday() - 5) % 7
            saturday = a.date - dt.timedelta(days=back + 7 if back < 2 else back)
            return self._relative(saturday, saturday + dt.timedelta(days=1), "week", "rel_prev")
        return self._relative(a.date - dt.timedelta(days=1), None, "day", "rel_prev")

    def _resolve_rel_offset(self, cand, g):
        a = self.anchor
        if a is None:
            return None
        n = count(g["n"])
        sign = -1 if g["dir"].lower() in ("before", "earlier", "previously", "beforehand") else 1
        base = a.forward_base if sign > 0 else a.date
        return self._relative(shift(base, g["unit"], sign * n), None, unit_precision(g["unit"]), "rel_offset")

    def _resolve_rel_span(self, cand, g):
        a = self.anchor
        if a is None:
            return None
        n = count(g["n"])
        start = a.forward_base + dt.timedelta(days=1)
        end = shift(a.forward_base, g["unit"], n)
        return self._relative(start, end, unit_precision(g["unit"]), "rel_span")

    def _resolve_rel_back(self, cand, g):
        a = self.anchor
        if a is None:
            return None
        n = count(g["n"])
        return self._relative(shift(a.date, g["unit"], -n), a.date - dt.timedelta(days=1), "approx", "rel_back")
