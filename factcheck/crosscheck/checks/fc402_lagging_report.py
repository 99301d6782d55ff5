"""FC402 lagging-report: the other side of FC106: the article that is
earlier and lower (it still says none of a status another reports)."""

from __future__ import annotations

from ..numeric_pair import Pair
from . import Check


def test(pair: Pair) -> str | None:
    return pair.detail + "; a running total, earlier and lower" if pair.moved == -1 else None


CHECK = Check(code="FC402", family="numeric", test=test, order=50, status="update", apart=True)
