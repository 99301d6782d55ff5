"""FC202 speaker-mismatch: one statement (matched by its words) credited to
two speakers."""

from __future__ import annotations

from . import AttributePair, Check


def test(pair: AttributePair) -> str | None:
    return f"speakers {pair.f['who']!r} and {pair.g['who']!r}"


CHECK = Check(code="FC202", family="attribute", test=test, attribute="speaker")
