"""FC401 time-mismatch: two times of day for one event that do not meet,
even as far as an approximate time reaches."""

from __future__ import annotations

from ..numeric_pair import Pair, clock, interval, overlap
from . import Check


def test(pair: Pair) -> str | None:
    a, b = interval(pair.f, reached=True), interval(pair.g, reached=True)
    # Minutes after midnight: "Tuesday night" runs to 05:00 the next day (29:00).
    if any(overlap(a, (b[0] + s, b[1] + s), 0.0) for s in (-1440, 0, 1440)):
        return None
    return f"times {clock(a)} and {clock(b)} do not meet"


CHECK = Check(code="FC401", family="time", test=test)
