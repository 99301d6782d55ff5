"""FC101 numeric-mismatch: two figures for one thing whose intervals do not
meet after unit conversion and the tolerance for rounding. Asked last: what
no other numeric check explains is a plain mismatch."""

from __future__ import annotations

from ..numeric_pair import Pair
from . import Check


def test(pair: Pair) -> str | None:
    return pair.detail


CHECK = Check(code="FC101", family="numeric", test=test, order=90, apart=True)
