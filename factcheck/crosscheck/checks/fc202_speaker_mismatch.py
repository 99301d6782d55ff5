"""FC202 speaker-mismatch: one statement (matched by its words) credited to
two speakers. A speaker named more fully in one article ('Dayton' and
'Dayton police', 'the Sun-Times' and 'the Sun-Times Wire') is the same one."""

from __future__ import annotations

from . import AttributePair, Check, said_more_fully


def test(pair: AttributePair) -> str | None:
    if said_more_fully(pair.f["who"], pair.g["who"]):
        return None
    return f"speakers {pair.f['who']!r} and {pair.g['who']!r}"


CHECK = Check(code="FC202", family="attribute", test=test, attribute="speaker")
