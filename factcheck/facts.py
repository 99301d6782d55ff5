"""The data shapes every stage shares: the facts table and the discrepancy table.

Extraction produces plain dict rows (one per fact); ``facts_frame`` turns them
into a Polars DataFrame with exactly ``FACTS_SCHEMA``. Align, compare, the
reports and the TUI read only these tables.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import polars as pl

from .model import Article

if TYPE_CHECKING:
    from .rules.load import Rules

FACTS_SCHEMA: dict[str, pl.DataType] = {
    "fact_id": pl.String(),
    "article": pl.String(),
    "start": pl.Int64(),
    "end": pl.Int64(),
    "line": pl.Int32(),
    "column": pl.Int32(),
    "text": pl.String(),
    "sentence": pl.String(),
    "sentence_start": pl.Int64(),
    "kind": pl.String(),
    "value": pl.Float64(),
    "low": pl.Float64(),
    "high": pl.Float64(),
    "qualifier": pl.String(),
    "unit": pl.String(),
    "per": pl.String(),
    "subject": pl.String(),
    # Named entities in the same clause (who supplies, who pledges, where).
    "entities": pl.List(pl.String()),
    "source": pl.String(),
    "published": pl.Datetime("us", "UTC"),
    "story": pl.String(),
    "entity": pl.String(),
    "attribute": pl.String(),
    "attribute_value": pl.String(),
    "attribute_scope": pl.String(),
    # Which rule or pattern found the fact, so every row can be explained.
    "pattern": pl.String(),
    # The frame of a numeric fact (docs/facts.md): the event class the figure
    # belongs to (killed, wounded, arrested... from rules), whose figure it is,
    # as of when, and where. Empty where the parse does not say.
    "event": pl.String(),
    "holder": pl.String(),
    "as_of": pl.String(),
    "place": pl.String(),
}

# One row per discrepancy; the facts it cites are in `fact_ids` (join to FACTS).
DISCREPANCY_SCHEMA: dict[str, pl.DataType] = {
    "id": pl.String(),  # stable fingerprint, no raw offsets in it
    "rule": pl.String(),  # e.g. FC101
    "name": pl.String(),  # e.g. numeric-mismatch
    "kind": pl.String(),
    "severity": pl.String(),  # error | warning | info
    "status": pl.String(),  # conflict | update
    "story": pl.String(),
    "group": pl.String(),  # aligned group id
    "subject": pl.String(),
    "message": pl.String(),
    "detail": pl.String(),  # why it fired: tolerance, intervals, alignment score
    "score": pl.Float64(),  # alignment score of the group
    "fact_ids": pl.List(pl.String()),  # the outlier first, then the facts it contradicts
}

# Which facts were aligned as the same fact across articles (for the fact matrix).
GROUPS_SCHEMA: dict[str, pl.DataType] = {
    "group": pl.String(),
    "story": pl.String(),
    "fact_id": pl.String(),
    "score": pl.Float64(),
}

# One row per person per article of a story: who the person is across the
# story (`person`), and what this article says of them, each value with the
# fact it came from (`fact_ids`). Filled by the people linker at cross-check time.
PEOPLE_SCHEMA: dict[str, pl.DataType] = {
    "person": pl.String(),  # stable id of the person within the story
    "story": pl.String(),
    "article": pl.String(),
    "name": pl.String(),  # as written in this article
    "start": pl.Int64(),
    "end": pl.Int64(),
    "age": pl.Float64(),  # years ("9-month-old" is 0.75)
    "role": pl.String(),
    "relation": pl.String(),
    "part": pl.String(),  # victim | suspect | officer | witness | relative | official
    "condition": pl.String(),  # killed | critical | stable | released | arrested | charged ...
    "charge": pl.String(),
    "link": pl.Float64(),  # how sure the cross-article link is, 0..1
    "fact_ids": pl.List(pl.String()),
}

# A running total of a story across its articles in time order (the toll that
# climbs): one row per article per series.
TIMELINE_SCHEMA: dict[str, pl.DataType] = {
    "story": pl.String(),
    "series": pl.String(),  # the event class counted: killed, wounded, arrested...
    "article": pl.String(),
    "published": pl.Datetime("us", "UTC"),
    "value": pl.Float64(),
    "low": pl.Float64(),
    "high": pl.Float64(),
    "qualifier": pl.String(),
    "text": pl.String(),
    "fact_id": pl.String(),
    "status": pl.String(),  # first | same | update | conflict
}

# The story each article was put in, and why (given in the input, or grouped).
STORIES_SCHEMA: dict[str, pl.DataType] = {
    "article": pl.String(),
    "story": pl.String(),
    "how": pl.String(),  # given | grouped
}

def fact_id(article: str, start: int, end: int, kind: str, attribute: str | None = None) -> str:
    """A fact's id: stable for the same article, span and kind."""
    key = f"{article}\x1f{start}\x1f{end}\x1f{kind}\x1f{attribute or ''}"
    return hashlib.blake2b(key.encode(), digest_size=8).hexdigest()


def empty(schema: Mapping[str, pl.DataType]) -> pl.DataFrame:
    return pl.DataFrame(schema=dict(schema))


def frame(rows: Iterable[Mapping[str, Any]], schema: Mapping[str, pl.DataType]) -> pl.DataFrame:
    """Rows (dicts, missing keys allowed) → a DataFrame with exactly `schema`."""
    rows = list(rows)
    if not rows:
        return empty(schema)
    cols = {name: [r.get(name) for r in rows] for name in schema}
    return pl.DataFrame(cols, schema=dict(schema), strict=False)


def facts_frame(rows: Iterable[Mapping[str, Any]]) -> pl.DataFrame:
    return frame(rows, FACTS_SCHEMA)


@dataclass
class Result:
    articles: list[Article]
    facts: pl.DataFrame
    rules: Rules
    groups: pl.DataFrame = field(default_factory=lambda: empty(GROUPS_SCHEMA))
    discrepancies: pl.DataFrame = field(default_factory=lambda: empty(DISCREPANCY_SCHEMA))
    stories: pl.DataFrame = field(default_factory=lambda: empty(STORIES_SCHEMA))
    # Filled by the cross-check where the extractors found people and running totals.
    people: pl.DataFrame = field(default_factory=lambda: empty(PEOPLE_SCHEMA))
    timeline: pl.DataFrame = field(default_factory=lambda: empty(TIMELINE_SCHEMA))
