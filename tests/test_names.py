"""When two names of a place or body are one name spelt two ways (FC404's
`alike`), read with the shipped rules."""

from __future__ import annotations

import pytest

from factcheck.crosscheck.names import Words, alike, fold
from factcheck.extract.places import place_words
from factcheck.rules.load import load_rules


@pytest.fixture(scope="module")
def words() -> Words:
    rules = load_rules()
    cfg, pw = rules.names, place_words(rules)
    return Words(cfg.max_edits, cfg.min_letters, tuple(cfg.variant_endings),
                 tuple(cfg.other_word_endings), frozenset(pw.directions),
                 frozenset(pw.types), frozenset({"harlan", "reese"}))


@pytest.mark.parametrize(("a", "b"), [
    ("Mundelein", "Mudelein"),  # a letter left out
    ("Banfield Pet Hospital", "Banfeild Pet Hospital"),  # two letters swapped
    ("Southwest Christian College", "Southwestern Christian College"),  # an ending
    ("Barnes County School", "Barnes County Schoool"),  # a letter doubled
    ("Memorial Hermann Hospital", "Memorial Herman Hospital"),  # ... at the end
])
def test_one_name_spelt_two_ways(words: Words, a: str, b: str) -> None:
    assert alike(fold(a), fold(b), words)
    assert alike(fold(b), fold(a), words)


@pytest.mark.parametrize(("a", "b"), [
    ("Garden City", "Garden City High School"),  # a name inside a longer one
    ("Jackson", "Jacksonville"),
    ("Westfield Mall", "Westfield Malls"),  # a plural
    ("Albania", "Albanian"),  # a demonym
    ("St. Louis", "Saint Louis"),  # an abbreviation is no misspelling
    ("St. Louis", "St Louis"),  # nor its full stop
    ("HARWICK", "Harwick"),  # nor the case
    ("Winston-Salem", "Winston Salem"),
    ("Northeast High School", "Northwest High School"),  # two directions
    ("75th Precinct", "76th Precinct"),  # numbers
    ("WKRB News", "WKRP News"),  # call signs
    ("Harlan County", "Harlen County"),  # a word of a person's full name in the story
    ("Lake Cove Road", "Lake Cave Road"),  # streets are FC403's
    ("Iowa", "Ohio"),
    ("Lima", "Lama"),  # too short to tell a slip from another place
])
def test_not_one_name(words: Words, a: str, b: str) -> None:
    assert alike(fold(a), fold(b), words) is None
