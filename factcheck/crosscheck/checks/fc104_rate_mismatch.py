"""FC104 rate-mismatch: the same amount over a different period ('£3bn a
year' against '£3bn over three years')."""

from __future__ import annotations

from ..numeric_pair import Pair
from . import Check


def test(pair: Pair) -> str | None:
    if not (pair.other_period and pair.same_amount):
        return None
    return f"the same amount per {pair.f['per']} and per {pair.g['per']}"


CHECK = Check(code="FC104", family="numeric", test=test, order=20)
