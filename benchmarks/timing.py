"""Timing shared by the benchmark scripts: the median wall time of repeated calls.

The scripts are run as ``python benchmarks/bench_*.py``, so this folder is on the path and
they import it as ``timing``.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Iterable


def each_median_s(calls: Iterable[Callable[[], object]]) -> float:
    """Call each of ``calls`` once; the median time of one call, in seconds."""
    times = []
    for call in calls:
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def each_median_ms(calls: Iterable[Callable[[], object]]) -> float:
    """As :func:`each_median_s`, in milliseconds."""
    return each_median_s(calls) * 1000


def median_s(call: Callable[[], object], repeat: int) -> float:
    """Call ``call`` ``repeat`` times; the median time of one call, in seconds."""
    return each_median_s([call] * repeat)


def median_ms(call: Callable[[], object], repeat: int) -> float:
    """As :func:`median_s`, in milliseconds."""
    return median_s(call, repeat) * 1000
