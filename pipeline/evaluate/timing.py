"""Timing shared by the evaluations: interleaved best-of-N runs on a chosen clock."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

# wall time, or this process's CPU seconds (steadier on a shared machine)
CLOCKS: dict[str, Callable[[], float]] = {"wall": time.perf_counter, "cpu": time.process_time}


def interleaved(
    runners: dict[str, Callable[[], Any]], repeat: int, clock: Callable[[], float] = time.perf_counter
) -> tuple[dict[str, float], dict[str, Any]]:
    """Run each runner `repeat` times, rotating which goes first; best time and first output of each.

    `clock=time.process_time` counts this process's CPU seconds: on a shared
    machine, other processes then slow no runner down, where wall time
    swings by ±20 % between neighbouring runs.
    """
    best: dict[str, float] = {}
    outputs: dict[str, Any] = {}
    names = list(runners)
    for round_ in range(max(1, repeat)):
        order = names[round_ % len(names) :] + names[: round_ % len(names)]  # each goes first in turn
        for name in order:
            fn = runners[name]
            t0 = clock()
            value = fn()
            elapsed = clock() - t0
            best[name] = min(best.get(name, elapsed), elapsed)
            outputs.setdefault(name, value)
    return best, outputs
