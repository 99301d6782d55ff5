"""FC401 time-mismatch: two times of day for one event that do not meet,
even as far as an approximate time reaches."""

from __future__ import annotations

from typing import Any

from ..numeric_pair import Pair, clock, interval, overlap
from . import Check


def _follows(f: dict[str, Any], rules: Any) -> float:
    """Minutes before a response (a call, officers arriving: events `follows`)
    the event may have happened; 0 for the event's own time."""
    event = (f.get("event") or "").split(":")[0]
    return float(((rules.events or {}).get(event) or {}).get("follows") or 0)


def test(pair: Pair) -> str | None:
    a, b = interval(pair.f, reached=True), interval(pair.g, reached=True)
    # A call or an arrival is when the event came to be known: it happened
    # then or a little before, never after. Two responses are read as they are.
    back_f, back_g = _follows(pair.f, pair.rules), _follows(pair.g, pair.rules)
    note = ""
    if back_f and not back_g:
        a, note = (a[0] - back_f, a[1]), f" (the first a response: up to {back_f:g} min after)"
    elif back_g and not back_f:
        b, note = (b[0] - back_g, b[1]), f" (the second a response: up to {back_g:g} min after)"
    # Minutes after midnight: "Tuesday night" runs to 05:00 the next day (29:00).
    if any(overlap(a, (b[0] + s, b[1] + s), 0.0) for s in (-1440, 0, 1440)):
        return None
    return f"times {clock(a)} and {clock(b)} do not meet{note}"


CHECK = Check(code="FC401", family="time", test=test)
