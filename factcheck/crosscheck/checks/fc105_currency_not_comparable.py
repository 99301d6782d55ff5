"""FC105 currency-not-comparable: money in two currencies the rules give no
rate for. Asked first: without a rate no other numeric check can read the pair."""

from __future__ import annotations

from ..numeric_pair import Pair
from . import Check


def test(pair: Pair) -> str | None:
    if pair.converted is not None:
        return None
    return f"{pair.f['unit']} and {pair.g['unit']}: no rate in the rules"


CHECK = Check(code="FC105", family="numeric", test=test, order=10)
