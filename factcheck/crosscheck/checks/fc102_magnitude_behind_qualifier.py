"""FC102 magnitude-behind-qualifier: an open-ended figure ('more than
10,000') and one that satisfies it by bare logic but lies further off than
the qualifier plausibly reaches (the `qualifiers` rules)."""

from __future__ import annotations

from ..numeric_pair import OPEN_DOWN, OPEN_UP, Pair, number
from . import Check


def test(pair: Pair) -> str | None:
    if not pair.raw_overlap:
        return None
    f, g = pair.f, pair.g2
    q = next(h for h in (f, g) if (h["qualifier"] or "exact") in OPEN_UP + OPEN_DOWN)
    cut = pair.cut[0] if q is f else pair.cut[1]
    return pair.detail + (f"; '{q['text']}' reaches {number(cut[0])} to "
                          f"{number(cut[1])} (qualifiers rules)")


CHECK = Check(code="FC102", family="numeric", test=test, order=60, apart=True)
