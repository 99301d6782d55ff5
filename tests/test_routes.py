"""Numbered routes as identifiers (extract/routes.py) and what FC405 calls a
mistyped route number (crosscheck/routes.py)."""

from __future__ import annotations

import pytest

from factcheck.crosscheck.routes import swapped
from factcheck.extract.routes import route_rows

ROUTES = [
    ("route", "The bridge on Route 38 is shut.", [("Route 38", "route")]),
    ("state-route", "Crews closed State Route 9 overnight.", [("State Route 9", "route")]),
    ("highway-abbreviated", "A lorry stalled on Hwy. 101 at noon.", [("Hwy. 101", "highway")]),
    ("interstate-glued", "Traffic on I-95 crawled north.", [("I-95", "interstate")]),
    ("interstate-word", "Interstate 80 reopened at dawn.", [("Interstate 80", "interstate")]),
    ("flight", "Flight 302 landed safely in Oslo.", [("Flight 302", "flight")]),
    ("two-routes", "Route 12 meets Highway 7 at the ford.",
     [("Route 12", "route"), ("Highway 7", "highway")]),
    ("lower-case-is-prose", "The route 38 buses take is longer.", []),
    ("a-decimal-is-no-route", "The Route 3.5 miles long is new.", []),
    ("a-word-glued-on", "The Route 66ers club met.", []),
]


@pytest.mark.parametrize("case", ROUTES, ids=lambda c: c[0])
def test_route_facts(nlp, rules, case):
    _, text, expected = case
    rows = route_rows(nlp(text), rules, 0)
    assert [(r["attribute_value"], r["subject"]) for r in rows] == expected
    for r in rows:
        assert text[r["start"]:r["end"]] == r["attribute_value"]
        assert (r["kind"], r["attribute"], r["value"]) == ("attribute", "route", None)


@pytest.mark.parametrize(("a", "b", "expected"), [
    ("38", "83", True), ("117", "171", True), ("101", "110", True),
    ("12", "13", False), ("38", "38", False), ("7", "7", False), ("38", "383", False),
    ("123", "321", False), ("11", "11", False),
])
def test_swapped_digits(a, b, expected):
    assert swapped(a, b) is expected
