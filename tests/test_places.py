"""Street addresses as place facts, and how two of them compare (FC403)."""

from __future__ import annotations

from typing import Any

import pytest

from factcheck.crosscheck.places import alike
from factcheck.extract.places import parse, place_rows, place_words

# text → the streets read from it, as written
STREETS = [
    ("Police were called to the 1200 block of South Larkin Street.",
     ["1200 block of South Larkin Street"]),
    ("The car stopped at 665 Heron Drive on Friday.", ["665 Heron Drive"]),
    ("Shots were fired at a home on Alder Drive West late Tuesday.", ["Alder Drive West"]),
    ("He was found near East 75th Street and Larkin Ave. after midnight.",
     ["East 75th Street", "Larkin Ave"]),
    ("The pupils of Cedar Street Elementary stayed inside.", []),
    ("She moved to St. Louis last year.", []),
    ("The officers walked down the street and turned into a lane.", []),
    ("On Monday the bakery on Larkin Avenue reopened.", ["Larkin Avenue"]),
]


@pytest.mark.parametrize(("text", "expected"), STREETS, ids=[t[:30] for t, _ in STREETS])
def test_streets_read_from_text(nlp: Any, rules: Any, text: str, expected: list[str]) -> None:
    rows = place_rows(nlp(text), rules, 0)
    assert [r["attribute_value"] for r in rows] == expected
    for r in rows:
        assert text[r["start"]:r["end"]].replace(".", "") == r["attribute_value"].replace(".", "")


def test_an_address_is_read_back_in_parts(rules: Any) -> None:
    words = place_words(rules)
    s = parse("1200 block of S. Larkin St.", words)
    assert s is not None
    assert (s.number, s.block, s.directions, s.name, s.type) == (
        1200, True, ("south",), ("larkin",), "street")
    assert parse("665 Heron Drive", words).block is False  # type: ignore[union-attr]


@pytest.mark.parametrize(("a", "b", "same"), [
    ("South Larkin Street", "Larkin Avenue", True),  # a direction left out, another type
    ("Aldre Drive West", "West Alder Drive", True),  # a letter apart
    ("Brindlewood Lane", "Brindelwood Lane", True),  # two letters swapped
    ("41st Street", "42nd Street", False),  # numbered streets are never spellings
    ("North Main Street", "South Main Street", False),  # two streets
    ("Elm Road", "Ela Road", False),  # too short to tell a slip from another name
])
def test_which_addresses_may_name_one_street(rules: Any, a: str, b: str, same: bool) -> None:
    words = place_words(rules)
    cfg = rules.places
    sa, sb = parse(a, words), parse(b, words)
    assert sa is not None and sb is not None
    assert alike(sa, sb, cfg) is same
