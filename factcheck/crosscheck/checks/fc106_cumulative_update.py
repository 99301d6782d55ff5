"""FC106 cumulative-update: a running total or status higher in the later
article (or moved from none to some when the dates cannot tell): an update."""

from __future__ import annotations

from ..numeric_pair import Pair
from . import Check


def test(pair: Pair) -> str | None:
    return pair.detail + "; a running total, later and higher" if pair.moved == 1 else None


CHECK = Check(code="FC106", family="numeric", test=test, order=40, status="update", apart=True)
