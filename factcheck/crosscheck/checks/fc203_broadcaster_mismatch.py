"""FC203 broadcaster-mismatch: one programme or presenter placed on two
broadcasters or publications."""

from __future__ import annotations

from . import AttributePair, Check


def test(pair: AttributePair) -> str | None:
    f, g = pair.f, pair.g
    return f"{f['attribute']} {f['attribute_value']!r} and {g['attribute_value']!r}"


CHECK = Check(code="FC203", family="attribute", test=test, attribute="broadcaster")
