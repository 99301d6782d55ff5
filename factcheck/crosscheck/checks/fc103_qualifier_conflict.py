"""FC103 qualifier-conflict: qualified figures no value satisfies both
('nearly 40' and 'over 50'), or two bounds facing away from one figure
('more than 600' and 'fewer than 600', which rounding must not let meet)."""

from __future__ import annotations

from ..numeric_pair import Pair
from . import Check


def test(pair: Pair) -> str | None:
    f, g = pair.f, pair.g2
    if pair.opposed:
        return f"'{f['text']}' and '{g['text']}' point opposite ways from the same figure"
    # A moved running total (FC106, FC402) or a figure within a qualifier's
    # bare logic (FC102) is not a qualifier conflict.
    if pair.agree or pair.moved or pair.raw_overlap or not pair.qualified:
        return None
    return pair.detail + f"; qualifiers {f['qualifier']} and {g['qualifier']}"


CHECK = Check(code="FC103", family="numeric", test=test, order=30)
