"""FC401 time-mismatch: two times of day for one event that do not meet,
even as far as an approximate time reaches."""

from __future__ import annotations

from ..numeric_pair import Pair, clock, interval, overlap
from . import Check


def test(pair: Pair) -> str | None:
    a, b = interval(pair.f, reached=True), interval(pair.g, reached=True)
    if overlap(a, b, 0.0):
        return None
    return f"times {clock(a)} and {clock(b)} do not meet"


CHECK = Check(code="FC401", family="time", test=test)
