"""The one call that runs the flow: paths → articles → facts → discrepancies.

The CLI, the TUI's loading worker and library users all go through here, so
the same inputs give the same tables whichever way factcheck is driven.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

import polars as pl

from ..crosscheck.align import align
from ..crosscheck.blocking import unit_keys
from ..crosscheck.compare import compare
from ..crosscheck.names import name_check
from ..crosscheck.people import people_check
from ..crosscheck.places import place_check
from ..crosscheck.routes import route_check
from ..crosscheck.stories import assign_stories
from ..crosscheck.timeline import timeline
from ..extract.entities import canonicalize
from ..facts import (
    PEOPLE_SCHEMA,
    Result,
    empty,
)
from ..ingest.articles import read_articles
from ..model import SEVERITY_ORDER, Article, Options, Progress
from ..rules.load import Rules, load_rules
from ..storage.dataset import read_dataset
from ..storage.store import open_store
from . import memory
from .dask_engine import extract_dask
from .engines import extract_local

# Facts aligned and compared at a time: facts of different stories never meet,
# so a batch is cross-checked in parts of whole stories and the pairwise work's
# memory follows the largest part, not the batch. Batches this small are one part.
# Measured on 397,000 facts: 10,000 a part peaks ~50 MB lower than 50,000 and
# takes ~25% longer (a few seconds beside minutes of parsing); smaller parts
# only add time.
PART_FACTS = 10_000




def extract_articles(
    articles: Sequence[Article],
    rules: Rules,
    options: Options | None = None,
    progress: Progress | None = None,
) -> pl.DataFrame:
    """The facts table of `articles`, in article order then offset order.

    The engine (engines.extract_local or dask_engine.extract_dask) turns Docs into
    rows at once; steps that need the whole table run here, after gathering.
    """
    options = options or Options()
    if options.engine == "dask":
        facts = extract_dask(articles, rules, options, progress)
    else:
        facts = extract_local(articles, rules, options, progress)

    return canonicalize(facts, rules)  # one name per person across the batch


def with_stories(facts: pl.DataFrame, stories: pl.DataFrame) -> pl.DataFrame:
    """The facts with the story each article was put in, columns and order kept."""
    return facts.drop("story").join(
        stories.select("article", "story"), on="article", how="left", maintain_order="left"
    ).select(facts.columns)


def cross_check(facts: pl.DataFrame, articles: Sequence[Article], rules: Rules,
                options: Options | None = None, *, focus: Iterable[str] | None = None,
                people: list[pl.DataFrame] | None = None,
                ) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    """(stories, groups, discrepancies) for a facts table.

    `focus`: article ids; if given, only the stories holding one of them are
    aligned and compared (a new batch against a large store). `people`: if
    given, the people table of each part is appended to it (PEOPLE_SCHEMA).
    """
    options = options or Options()
    stories = assign_stories(articles, facts, rules, story_key=options.story_key)
    if focus is not None:
        live = stories.filter(pl.col("article").is_in(list(focus)))["story"].unique()
        inside = stories.filter(pl.col("story").is_in(live.implode()))["article"]
        facts = facts.filter(pl.col("article").is_in(inside.implode()))
    facts = with_stories(facts, stories)
    units = unit_keys(facts, rules)
    groups, found = [], []
    for part in story_parts(facts, PART_FACTS):
        groups.append(align(part, rules, units))
        table, on_people = people_check(part, rules)
        part_found = compare(part, groups[-1], rules)
        for more in (on_people, place_check(part, rules), name_check(part, rules),
                     route_check(part, rules)):
            part_found = _merged(part_found, more)
        found.append(part_found)
        if people is not None:
            people.append(table)
        memory.trim()  # the part's join tables are freed: give their pages back
    return stories, _groups_in_batch_order(facts, groups), _found_in_batch_order(found)


def story_parts(facts: pl.DataFrame, size: int) -> Iterator[pl.DataFrame]:
    """The facts in parts of whole stories, at most `size` facts each unless one
    story alone is larger; facts keep their batch order within a part. Facts
    with no story share one part, as align blocks them together."""
    key = pl.col("story").fill_null("")
    counts = facts.group_by(key, maintain_order=True).len()
    numbers, part, filled = [], 0, 0
    for n in counts["len"]:
        if filled and filled + n > size:
            part, filled = part + 1, 0
        numbers.append(part)
        filled += n
    # Parts are put back in batch order by fact id, which needs ids to be unique.
    if part == 0 or facts["fact_id"].n_unique() < facts.height:
        yield facts
        return
    table = counts.select("story", pl.Series("part", numbers))
    of = facts.select(key).join(table, on="story", how="left", maintain_order="left")["part"]
    for p in range(part + 1):
        yield facts.filter(of == p)


def _groups_in_batch_order(facts: pl.DataFrame, parts: list[pl.DataFrame]) -> pl.DataFrame:
    """align's order over the whole batch: groups by their first fact, then facts."""
    if len(parts) == 1:
        return parts[0]
    pos = facts.select("fact_id").with_row_index("pos")
    groups = pl.concat(parts).join(pos, on="fact_id", how="left", maintain_order="left")
    return (groups.with_columns(pl.col("pos").min().over("group").alias("first"))
            .sort("first", "pos").drop("first", "pos"))


def _merged(found: pl.DataFrame, more: pl.DataFrame) -> pl.DataFrame:
    """Two parts' findings in compare's order: severity, then story (stable)."""
    if more.is_empty():
        return found
    rank = pl.col("severity").replace_strict(SEVERITY_ORDER)
    return pl.concat([found, more]).sort(rank, pl.col("story").fill_null(""),
                                         maintain_order=True)


def _found_in_batch_order(parts: list[pl.DataFrame]) -> pl.DataFrame:
    """compare's order over the whole batch: severity, story, position. A story
    is in one part, so a stable sort on severity and story merges the parts."""
    if len(parts) == 1:
        return parts[0]
    rank = pl.col("severity").replace_strict(SEVERITY_ORDER)
    return pl.concat(parts).sort(rank, pl.col("story").fill_null(""), maintain_order=True)


def run(
    paths: Sequence[str],
    options: Options | None = None,
    progress: Progress | None = None,
    *,
    check: bool = True,
) -> Result:
    options = options or Options()
    rules = load_rules(options.rules_dirs, defaults=options.default_rules)
    if options.facts:
        # A facts dataset made earlier (extract -o DIR/, --engine dask): no parsing.
        articles, facts = read_dataset(options.facts)
    else:
        articles = read_articles(paths, limit=options.max_article_chars)
        facts = extract_articles(articles, rules, options, progress)
    result = Result(articles=articles, facts=facts, rules=rules)
    if check and options.against:
        return check_against(result, options)
    if check:
        people: list[pl.DataFrame] = []
        result.stories, result.groups, result.discrepancies = cross_check(
            facts, articles, rules, options, people=people)
        result.people = pl.concat(people) if people else empty(PEOPLE_SCHEMA)
        # Facts carry the story they were compared in.
        result.facts = with_stories(facts, result.stories)
        result.timeline = timeline(result.facts, result.groups, rules)
    return result


def check_against(result: Result, options: Options) -> Result:
    """Cross-check a new batch together with the store; keep what involves a new fact.

    The stored articles join the batch before stories, alignment and
    comparison, so a new article is compared with published ones exactly as
    with the others in its batch; findings only among stored articles were
    reported when those were checked, and are dropped.
    """
    new_ids = {a.id for a in result.articles}
    stored_articles, stored_facts = open_store(str(options.against), must_exist=True).load(new_ids)
    # In id order, as a folder holding old and new together would be read: the
    # cross-check breaks ties by position, so the same order gives the same
    # findings (and fingerprints) as checking everything as one batch.
    articles = sorted([*result.articles, *stored_articles], key=lambda a: a.id)
    rank = pl.DataFrame({"article": [a.id for a in articles],
                         "_rank": range(len(articles))}, schema={"article": pl.String(),
                                                                 "_rank": pl.Int64()})
    facts = (pl.concat([result.facts, stored_facts.select(result.facts.columns)],
                       how="vertical_relaxed")
             .join(rank, on="article", how="left")
             .sort("_rank", "start", "end", maintain_order=True).drop("_rank"))
    stories, groups, found = cross_check(facts, articles, result.rules, options, focus=new_ids)
    new_facts = set(result.facts["fact_id"].to_list())
    found = found.filter(pl.col("fact_ids").list.eval(pl.element().is_in(list(new_facts)))
                         .list.any())
    live_groups = groups.filter(pl.col("fact_id").is_in(list(new_facts)))["group"].unique()
    groups = groups.filter(pl.col("group").is_in(live_groups.implode()))
    wanted = new_facts | set(groups["fact_id"].to_list()) | {
        f for ids in found["fact_ids"].to_list() for f in ids}
    facts = facts.filter(pl.col("fact_id").is_in(list(wanted)))
    used = new_ids | set(facts["article"].to_list())
    articles = [a for a in articles if a.id in used]
    stories = stories.filter(pl.col("article").is_in(list(used)))
    facts = with_stories(facts, stories).select(result.facts.columns)
    return Result(articles=articles, facts=facts, rules=result.rules, groups=groups,
                  discrepancies=found, stories=stories)
