"""FC204 affiliation-mismatch: one person or body tied to two organisations,
parties or countries. A body named more fully in one article ('Brookfield
Police' and 'Brookfield Township Police'; 'Housing Authority' and 'Allegheny
County Housing Authority') is the same body."""

from __future__ import annotations

from . import AttributePair, Check, said_more_fully


def test(pair: AttributePair) -> str | None:
    f, g = pair.f, pair.g
    if said_more_fully(f["attribute_value"] or "", g["attribute_value"] or ""):
        return None
    return f"{f['attribute']} {f['attribute_value']!r} and {g['attribute_value']!r}"


CHECK = Check(code="FC204", family="attribute", test=test, attribute="affiliation")
