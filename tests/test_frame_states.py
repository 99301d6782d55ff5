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
