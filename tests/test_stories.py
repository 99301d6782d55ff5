"""Stories: given ones are kept, others are grouped; ids readable and stable."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime

import pytest

from factcheck.crosscheck.stories import assign_stories, pair_scores
from factcheck.facts import FACTS_SCHEMA, empty
from factcheck.model import Article

FLOOD = "Flooding forced 3,400 homes in Marlow Vale to be evacuated as the River Dunn rose."
VOTE = "The Reform Alliance won 326 seats in Ostland, party leader Tomas Reyes said."


def article(aid: str, title: str, body: str, story: str | None = None, day: int = 4,
            **extra) -> Article:
    return Article(id=aid, path=aid, source=aid, title=title,
                   published=datetime(2025, 3, day, 9, tzinfo=UTC), url="", story=story,
                   text=body, extra=extra)


BATCH = [
    article("a.md", "Marlow Vale floods force thousands out", FLOOD),
    article("b.md", "Ostland votes: Reyes wins", VOTE),
    article("c.md", "River Dunn floods Marlow Vale", "In Marlow Vale the River Dunn burst its "
            "banks and 3,400 homes were evacuated."),
    article("d.md", "Reform Alliance takes Ostland", "Tomas Reyes and the Reform Alliance won "
            "326 seats across Ostland."),
]


def stories_of(batch, **kw) -> dict[str, str]:
    got = assign_stories(batch, empty(FACTS_SCHEMA), None, **kw)
    return dict(zip(got["article"].to_list(), got["story"].to_list(), strict=True))


def test_articles_without_story_are_grouped_by_what_they_share():
    s = stories_of(BATCH)
    assert s["a.md"] == s["c.md"] != s["b.md"] == s["d.md"]
    assert s["a.md"] == "marlow-vale-floods-force-thousands-out"


def test_grouping_does_not_depend_on_batch_order():
    forward = stories_of(BATCH)
    backward = stories_of(list(reversed(BATCH)))
    pairs = lambda s: {(x, y) for x in s for y in s if s[x] == s[y]}  # noqa: E731
    assert pairs(forward) == pairs(backward)


def test_given_story_wins_and_is_marked_given():
    batch = [dataclasses.replace(BATCH[0], story="floods"), *BATCH[1:]]
    got = assign_stories(batch, empty(FACTS_SCHEMA), None)
    row = got.row(0, named=True)
    assert row == {"article": "a.md", "story": "floods", "how": "given"}
    assert set(got["how"].to_list()[1:]) == {"grouped"}


@pytest.mark.parametrize(("key", "expected"), [
    pytest.param("desk", {"a.md": "weather", "b.md": "politics"}, id="story-key-field"),
    pytest.param("story", {"a.md": "s1", "b.md": "s1"}, id="default-key-is-story"),
])
def test_story_key_picks_the_field(key, expected):
    batch = [dataclasses.replace(BATCH[0], story="s1", extra={"desk": "weather"}),
             dataclasses.replace(BATCH[1], story="s1", extra={"desk": "politics"})]
    assert stories_of(batch, story_key=key) == expected


def test_far_apart_in_time_splits_a_story():
    batch = [BATCH[0], dataclasses.replace(BATCH[2], published=datetime(2025, 9, 1, tzinfo=UTC))]
    s = stories_of(batch)
    assert s["a.md"] != s["c.md"]


@pytest.mark.parametrize(("truth", "found", "p", "r"), [
    pytest.param(list("aabb"), list("xxyy"), 1.0, 1.0, id="perfect"),
    pytest.param(list("aabb"), list("xxxx"), 1 / 3, 1.0, id="all-merged"),
    pytest.param(list("aabb"), list("wxyz"), 1.0, 0.0, id="all-split"),
])
def test_pair_scores(truth, found, p, r):
    s = pair_scores(truth, found)
    assert s["precision"] == pytest.approx(p) and s["recall"] == pytest.approx(r)
