"""A figure of people in a state ("1 dead", "four injured") is a figure of
that state's event, whatever else its verb says, and "left one dead" is the
toll even though a lone "one" usually is not a figure."""

from __future__ import annotations

from typing import Any

import pytest

from factcheck.model import Article
from factcheck.run.pipeline import extract_articles

CASES = [
    ("The blast left one dead and three wounded.",
     [("one dead", "killed"), ("three wounded", "wounded")]),
    ("The blast left 1 dead and three others wounded.", [("1 dead", "killed")]),
    ("It was a crash that left two dead and four injured.",
     [("two dead", "killed"), ("four injured", "wounded")]),
    ("The fire left one dead.", [("one dead", "killed")]),
    # Those still in a state are a part of those it befell.
    ("Two victims remain in the hospital.", [("Two victims", "hospitalized:now")]),
    ("Three people are still hospitalized.", [("Three people", "hospitalized:now")]),
    ("Three people were hospitalized.", [("Three people", "hospitalized")]),
    # A noun before the counted one names its event only where events count
    # the counted thing: victims, not trusts or suspects.
    ("Three shooting victims were treated.", [("Three shooting victims", "shot")]),
    ("Nurses at 38 hospital trusts voted to strike.", [("38 hospital trusts", None)]),
    # An account since corrected is not claimed; a clause joined after "but" is.
    ("Deputies initially said four people were hurt.", [("four people", "wounded:initial")]),
    ("Deputies gave no figure at first but later said four people were hurt.",
     [("four people", "wounded")]),
    # "One of four people to be shot": the four are those shot.
    ("The cook was one of four people to be shot.", [("four people", "shot")]),
    # A subject of names only, gathered by "all"/"both", counts its names.
    ("Rosa Lind, 31, and Omar Haddad, 27, were both charged.", [("both", "charged")]),
    ("Rosa Lind and her cousins were all charged.", [("charged", "charged")]),
    # A lone "one" before a noun stays no figure.
    ("One neighbour said the road was closed for hours.", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[t[:30] for t, _ in CASES])
def test_figures_of_states_take_their_state(rules: Any, text: str, expected: list) -> None:
    article = Article(id="a", path="a", source="s", title="", published=None, url="",
                      story="s", text=text)
    facts = extract_articles([article], rules)
    counts = facts.filter(facts["kind"] == "count")
    assert list(zip(counts["text"].to_list(), counts["event"].to_list(), strict=True)) \
        == expected


@pytest.mark.parametrize(("text", "qualifier", "low", "high"), [
    ("A neighbour said she heard five shots.", "about", 3.5, 7.0),
    ("A neighbour said she heard about five shots.", "about", 4.5, 5.5),
    ("Police said the gunman fired five shots.", "exact", 5.0, 5.0),
])
def test_a_count_taken_by_ear_is_an_estimate(rules: Any, text: str, qualifier: str,
                                            low: float, high: float) -> None:
    article = Article(id="a", path="a", source="s", title="", published=None, url="",
                      story="s", text=text)
    facts = extract_articles([article], rules)
    row = facts.filter(facts["kind"] == "count").row(0, named=True)
    assert (row["qualifier"], row["low"], row["high"]) == pytest.approx((qualifier, low, high))

