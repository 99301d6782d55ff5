"""The cross-check run a part of the batch at a time gives what one run over it gives."""

from __future__ import annotations

import dataclasses

import polars as pl
import pytest

from factcheck.crosscheck.align import align
from factcheck.crosscheck.compare import compare
from factcheck.facts import fact_id
from factcheck.model import Article
from factcheck.run import pipeline
from tests.cross_support import fact, frame

# Named against the order they first appear in, so a part's place in the batch
# is not its place in the sorted findings.
COPIES = ("c", "a", "b")


def _copy(facts: pl.DataFrame, article: str, story: str) -> pl.DataFrame:
    ids = [fact_id(article, s, e, k, a)
           for s, e, k, a in facts.select("start", "end", "kind", "attribute").iter_rows()]
    return facts.with_columns(pl.lit(article).alias("article"), pl.lit(story).alias("story"),
                              pl.Series("fact_id", ids))


def _temperatures() -> tuple[list[Article], pl.DataFrame]:
    """Two stories, one in °C and one only in °F: the °F story's values are
    measured from the batch's reference unit, °C, which the °F story alone
    does not have."""
    rows = [
        fact("hot-1", "It hit 30C in the city.", "30C", "measure", 30, "degree_Celsius",
             subject="heat", story="heat"),
        fact("hot-2", "It hit 31C in the city.", "31C", "measure", 31, "degree_Celsius",
             subject="heat", story="heat"),
        fact("cold-1", "It fell to 10F in the town.", "10F", "measure", 10, "degree_Fahrenheit",
             subject="frost", story="frost"),
        fact("cold-2", "It fell to 40F in the town.", "40F", "measure", 40, "degree_Fahrenheit",
             subject="frost", story="frost"),
    ]
    articles = [Article(id=r["article"], path=r["article"], source=r["source"], title=r["text"],
                        published=r["published"], url="", story=r["story"], text=r["sentence"])
                for r in rows]
    return articles, frame(*rows)


@pytest.fixture(scope="module")
def batch(seeds_result):
    """The seeds three times over as three stories, their articles interleaved
    so the stories' facts alternate in the batch, then the temperature stories."""
    by_article = seeds_result.facts.partition_by("article", as_dict=True)
    articles, facts = [], []
    for a in seeds_result.articles:
        for story in COPIES:
            copy = f"{story}/{a.id}"
            articles.append(dataclasses.replace(a, id=copy, story=story))
            if (a.id,) in by_article:
                facts.append(_copy(by_article[(a.id,)], copy, story))
    more_articles, more_facts = _temperatures()
    return articles + more_articles, pl.concat([*facts, more_facts])


def _whole(batch, rules):
    """(facts with stories, groups, discrepancies) from one align and compare."""
    articles, facts = batch
    stories = pipeline.cross_check(facts, articles, rules)[0]
    facts = pipeline.with_stories(facts, stories)
    groups = align(facts, rules)
    return facts, groups, compare(facts, groups, rules)


def test_one_story_a_part_gives_the_same_tables(batch, rules, monkeypatch):
    facts, groups, found = _whole(batch, rules)
    assert found["story"].n_unique() > 1 and groups["story"].n_unique() > 1
    monkeypatch.setattr(pipeline, "PART_FACTS", 1)
    parts = list(pipeline.story_parts(facts, pipeline.PART_FACTS))
    assert len(parts) == facts["story"].n_unique()
    articles, batch_facts = batch
    _, got_groups, got_found = pipeline.cross_check(batch_facts, articles, rules)
    assert got_groups.equals(groups)
    assert got_found.equals(found)


def test_small_batch_is_one_part(batch, rules):
    facts = _whole(batch, rules)[0]
    assert len(list(pipeline.story_parts(facts, pipeline.PART_FACTS))) == 1


@pytest.mark.parametrize("size", [1, 40, 150, 10_000])
def test_parts_hold_whole_stories_in_batch_order(batch, rules, size):
    facts = _whole(batch, rules)[0]
    parts = list(pipeline.story_parts(facts, size))
    stories = [set(p["story"]) for p in parts]
    assert sum(len(s) for s in stories) == facts["story"].n_unique()  # no story in two parts
    assert all(p.height <= size or len(s) == 1 for p, s in zip(parts, stories, strict=True))
    for p in parts:
        assert p.equals(facts.filter(pl.col("story").is_in(list(set(p["story"])))))
