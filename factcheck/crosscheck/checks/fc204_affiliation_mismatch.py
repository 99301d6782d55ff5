"""FC204 affiliation-mismatch: one person or body tied to two organisations,
parties or countries."""

from __future__ import annotations

from . import AttributePair, Check


def test(pair: AttributePair) -> str | None:
    f, g = pair.f, pair.g
    return f"{f['attribute']} {f['attribute_value']!r} and {g['attribute_value']!r}"


CHECK = Check(code="FC204", family="attribute", test=test, attribute="affiliation")
