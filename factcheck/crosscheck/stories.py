"""Which story each article belongs to: given in the input, or grouped here.

An article's story comes from `--story-key FIELD` (front matter or JSON
field), else its `story`. Articles with none are grouped by how alike they are:

- shared names (capitalised words of the title and lead, and the named
  entities the extractors found), weighted by rarity in the batch (a name in
  every article says little), as a weighted Jaccard;
- title and lead similarity (rapidfuzz token_set_ratio);
- a penalty when they were published further apart than `date_days`,
  halving every `date_halflife` days beyond it.

Candidate pairs come from a Polars self-join on shared names (never all
pairs in Python); pairs at or above `story_grouping.threshold` join a story,
and two stories merge only when `min_links` of the pairs between them are
that alike. Story ids are slugs of the earliest article's title, so they read
well and do not depend on hashing.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from typing import Any

import polars as pl
from rapidfuzz import fuzz, process

from ..facts import STORIES_SCHEMA, frame
from ..rules.schema import StoryGrouping
from .group_merge import merge_pairs

# A capitalised word or run of them: the cheap stand-in for names in a lead,
# since story grouping runs on articles, not parsed Docs.
_NAME = re.compile(r"\b[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*")
_LEAD_CHARS = 1500


def _settings(rules: Any) -> StoryGrouping:
    return rules.story_grouping if rules is not None else StoryGrouping()


def given_story(article: Any, story_key: str | None) -> str | None:
    if story_key and story_key != "story":
        value = article.extra.get(story_key)
        return None if value in (None, "") else str(value)
    return article.story


def _names(article: Any, fact_names: dict[str, set[str]]) -> set[str]:
    text = f"{article.title or ''}\n{article.body[:_LEAD_CHARS]}"
    names = {m.group(0).casefold() for m in _NAME.finditer(text)}
    names |= {w for m in list(names) for w in m.split() if len(w) > 2}
    return names | fact_names.get(article.id, set())


def _fact_names(facts: pl.DataFrame) -> dict[str, set[str]]:
    if facts.is_empty():
        return {}
    ents = facts.select("article", pl.col("entities").fill_null([])).explode("entities")
    ents = pl.concat([ents.rename({"entities": "name"}),
                      facts.select("article", pl.col("entity").alias("name"))])
    out: dict[str, set[str]] = {}
    for art, name in ents.drop_nulls().unique().rows():
        out.setdefault(art, set()).add(name.casefold())
    return out


def similar_pairs(articles: Sequence[Any], facts: pl.DataFrame, rules: Any) -> pl.DataFrame:
    """(a, b, sim) for articles a < b that share at least one name."""
    cfg = _settings(rules)
    n = len(articles)
    fact_names = _fact_names(facts)
    rows = [(i, name) for i, a in enumerate(articles) for name in _names(a, fact_names)]
    schema = {"a": pl.Int64, "b": pl.Int64, "sim": pl.Float64}
    if n < 2 or not rows:
        return pl.DataFrame(schema=schema)
    names = pl.DataFrame(rows, schema={"art": pl.Int64, "name": pl.String}, orient="row")
    df = names.group_by("name").len("df")
    # Smoothed inverse document frequency: rare names weigh more; a name in
    # every article of a small batch still counts a little.
    names = names.join(df, on="name").with_columns(
        w=1.0 + (pl.lit(float(n)) / pl.col("df")).log())
    if n >= 50:  # in a large batch a name in most articles links nothing
        names = names.filter(pl.col("df") <= max(2, n // 4))
    total = names.group_by("art").agg(pl.col("w").sum().alias("tot"))
    pairs = (names.join(names, on="name", suffix="_r").filter(pl.col("art") < pl.col("art_r"))
             .group_by("art", "art_r").agg(pl.col("w").sum().alias("inter")))
    if pairs.is_empty():
        return pl.DataFrame(schema=schema)
    pairs = (pairs.join(total, on="art").join(total.rename({"art": "art_r", "tot": "tot_r"}),
                                                on="art_r")
             .with_columns(ent=pl.col("inter")
                           / (pl.col("tot") + pl.col("tot_r") - pl.col("inter")))
             .sort("art", "art_r"))
    published = pl.DataFrame({"art": list(range(n)), "at": [a.published for a in articles]},
                             schema={"art": pl.Int64, "at": pl.Datetime("us", "UTC")})
    days = ((pl.col("at") - pl.col("at_r")).dt.total_seconds().abs() / 86400).fill_null(0.0)
    pairs = (pairs.join(published, on="art").join(published.rename({"art": "art_r", "at": "at_r"}),
                                                   on="art_r")
             .with_columns(days.alias("days")).sort("art", "art_r"))
    w_e, w_t = cfg.entity_weight, cfg.title_weight
    late = (pl.col("days") - cfg.date_days).clip(0, None)
    decay = pl.lit(0.5).pow(late / cfg.date_halflife)
    # Title likeness is the costly part: score it only where it could still
    # lift the pair over the threshold.
    best = (w_e * pl.col("ent") + w_t) / ((w_e + w_t) or 1.0) * decay
    pairs = pairs.filter(best >= cfg.threshold)
    leads = [f"{a.title or ''} {a.body[:_LEAD_CHARS // 3]}".casefold() for a in articles]
    a_idx, b_idx = pairs["art"].to_list(), pairs["art_r"].to_list()
    title = process.cpdist([leads[i] for i in a_idx], [leads[j] for j in b_idx],
                           scorer=fuzz.token_set_ratio, workers=1) / 100.0
    # Any two English leads share function words: rescale from that floor.
    title = ((title - cfg.title_floor) / (1 - cfg.title_floor)).clip(0, 1)
    pairs = pairs.with_columns(pl.Series("title", title, dtype=pl.Float64))
    sim = (w_e * pl.col("ent") + w_t * pl.col("title")) / ((w_e + w_t) or 1.0) * decay
    return pairs.select(pl.col("art").alias("a"), pl.col("art_r").alias("b"), sim.alias("sim"),
                        "ent", "title", "days")


def slug(text: str, taken: set[str]) -> str:
    words = re.findall(r"[a-z0-9]+", text.casefold())[:6]
    base = "-".join(words)[:48].rstrip("-") or "story"
    name, k = base, 2
    while name in taken:
        name, k = f"{base}-{k}", k + 1
    taken.add(name)
    return name


def group_articles(articles: Sequence[Any], facts: pl.DataFrame, rules: Any) -> list[int]:
    """A cluster index per article (the index of the cluster's first article)."""

    cfg = _settings(rules)
    pairs = (similar_pairs(articles, facts, rules).filter(pl.col("sim") >= cfg.threshold)
             .sort(["sim", "a", "b"], descending=[True, False, False]).select("a", "b", "sim"))
    # Average-style linkage: a story absorbs another only when enough of their
    # articles are alike, not through one pair (single linkage chains stories).
    merged = merge_pairs(list(pairs.iter_rows()), [str(i) for i in range(len(articles))],
                         cfg.min_links)
    return [merged[i][0] if i in merged else i for i in range(len(articles))]


def assign_stories(articles: Sequence[Any], facts: pl.DataFrame, rules: Any,
                   story_key: str | None = None) -> pl.DataFrame:
    """STORIES_SCHEMA: each article's story and whether it was given or grouped."""
    given = [given_story(a, story_key) for a in articles]
    loose = [a for a, s in zip(articles, given, strict=True) if s is None]
    taken = {s for s in given if s}
    names: dict[str, str] = {}
    cluster_names: dict[int, str] = {}
    if loose:
        loose_ids = {a.id for a in loose}
        cluster = group_articles(loose, facts.filter(pl.col("article").is_in(loose_ids))
                                 if not facts.is_empty() else facts, rules)
        for a, c in zip(loose, cluster, strict=True):
            if c not in cluster_names:
                cluster_names[c] = slug(loose[c].title or loose[c].id, taken)
            names[a.id] = cluster_names[c]
    rows = [{"article": a.id, "story": s if s else names[a.id], "how": "given" if s else "grouped"}
            for a, s in zip(articles, given, strict=True)]
    return frame(rows, STORIES_SCHEMA)


def pair_scores(truth: Sequence[str], found: Sequence[str]) -> dict[str, float]:
    """Pairwise precision and recall of a grouping against true stories."""

    def same_pairs(labels: Sequence[str]) -> int:
        return sum(c * (c - 1) // 2 for c in Counter(labels).values())

    both = same_pairs([f"{t}\x1f{f}" for t, f in zip(truth, found, strict=True)])
    in_found, in_truth = same_pairs(found), same_pairs(truth)
    p = both / in_found if in_found else 1.0
    r = both / in_truth if in_truth else 1.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0,
            "stories": len(set(truth)), "groups": len(set(found)),
            "log_ratio": math.log(max(len(set(found)), 1) / max(len(set(truth)), 1))}
