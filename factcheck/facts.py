"""The data shapes every stage shares: the facts table, the discrepancy table
and the others, each a row type (``FactRow``...) whose annotations carry the
Polars dtypes, so the schema (``FACTS_SCHEMA``...) is derived, not typed again.

Extraction produces plain dict rows (one per fact); ``facts_frame`` turns them
into a Polars DataFrame with exactly ``FACTS_SCHEMA``. Align, compare, the
reports and the TUI read only these tables.
"""

from __future__ import annotations

import hashlib
import typing
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Annotated, Any

import polars as pl
from typing_extensions import TypedDict  # pydantic's choice before Python 3.12

from .model import Article

if TYPE_CHECKING:
    from .rules.load import Rules


def polars_schema(row: type) -> dict[str, pl.DataType]:
    """The Polars schema of a row type: each column's dtype is its annotation's
    metadata, so a table's columns are written once, in its row type."""
    hints = typing.get_type_hints(row, include_extras=True)
    return {name: hint.__metadata__[0] for name, hint in hints.items()}


class FactRow(TypedDict, total=False):
    """One row of the facts table; every column may be empty."""

    fact_id: Annotated[str | None, pl.String()]
    article: Annotated[str | None, pl.String()]
    start: Annotated[int | None, pl.Int64()]
    end: Annotated[int | None, pl.Int64()]
    line: Annotated[int | None, pl.Int32()]
    column: Annotated[int | None, pl.Int32()]
    text: Annotated[str | None, pl.String()]
    sentence: Annotated[str | None, pl.String()]
    sentence_start: Annotated[int | None, pl.Int64()]
    kind: Annotated[str | None, pl.String()]
    value: Annotated[float | None, pl.Float64()]
    low: Annotated[float | None, pl.Float64()]
    high: Annotated[float | None, pl.Float64()]
    qualifier: Annotated[str | None, pl.String()]
    unit: Annotated[str | None, pl.String()]
    per: Annotated[str | None, pl.String()]
    subject: Annotated[str | None, pl.String()]
    # Named entities in the same clause (who supplies, who pledges, where).
    entities: Annotated[list[str] | None, pl.List(pl.String())]
    source: Annotated[str | None, pl.String()]
    published: Annotated[datetime | None, pl.Datetime("us", "UTC")]
    story: Annotated[str | None, pl.String()]
    entity: Annotated[str | None, pl.String()]
    attribute: Annotated[str | None, pl.String()]
    attribute_value: Annotated[str | None, pl.String()]
    attribute_scope: Annotated[str | None, pl.String()]
    # Which rule or pattern found the fact, so every row can be explained.
    pattern: Annotated[str | None, pl.String()]
    # The frame of a numeric fact (docs/facts.md): the event class the figure
    # belongs to (killed, wounded, arrested... from rules), whose figure it is,
    # as of when, and where. Empty where the parse does not say.
    event: Annotated[str | None, pl.String()]
    holder: Annotated[str | None, pl.String()]
    as_of: Annotated[str | None, pl.String()]
    place: Annotated[str | None, pl.String()]


FACTS_SCHEMA = polars_schema(FactRow)

# A count's subject starts with this for a share of a group told elsewhere
# ("three of the victims" → "share of victim"): the cross-check never aligns it.
SHARE = "share of"


# One row per discrepancy; the facts it cites are in `fact_ids` (join to FACTS).
class DiscrepancyRow(TypedDict, total=False):
    """One row of the discrepancy table; every column may be empty."""

    id: Annotated[str | None, pl.String()]  # stable fingerprint, no raw offsets in it
    rule: Annotated[str | None, pl.String()]  # e.g. FC101
    name: Annotated[str | None, pl.String()]  # e.g. numeric-mismatch
    kind: Annotated[str | None, pl.String()]
    severity: Annotated[str | None, pl.String()]  # error | warning | info
    status: Annotated[str | None, pl.String()]  # conflict | update
    story: Annotated[str | None, pl.String()]
    group: Annotated[str | None, pl.String()]  # aligned group id
    subject: Annotated[str | None, pl.String()]
    message: Annotated[str | None, pl.String()]
    # why it fired: tolerance, intervals, alignment score
    detail: Annotated[str | None, pl.String()]
    score: Annotated[float | None, pl.Float64()]  # alignment score of the group
    # the outlier first, then the facts it contradicts
    fact_ids: Annotated[list[str] | None, pl.List(pl.String())]


DISCREPANCY_SCHEMA = polars_schema(DiscrepancyRow)


# Which facts were aligned as the same fact across articles (for the fact matrix).
class GroupRow(TypedDict, total=False):
    """One row of the aligned groups table; every column may be empty."""

    group: Annotated[str | None, pl.String()]
    story: Annotated[str | None, pl.String()]
    fact_id: Annotated[str | None, pl.String()]
    score: Annotated[float | None, pl.Float64()]


GROUPS_SCHEMA = polars_schema(GroupRow)


# One row per person per article of a story: who the person is across the
# story (`person`), and what this article says of them, each value with the
# fact it came from (`fact_ids`). Filled by the people linker at cross-check time.
class PersonRow(TypedDict, total=False):
    """One row of the people table; every column may be empty."""

    person: Annotated[str | None, pl.String()]  # stable id of the person within the story
    story: Annotated[str | None, pl.String()]
    article: Annotated[str | None, pl.String()]
    name: Annotated[str | None, pl.String()]  # as written in this article
    start: Annotated[int | None, pl.Int64()]
    end: Annotated[int | None, pl.Int64()]
    age: Annotated[float | None, pl.Float64()]  # years ("9-month-old" is 0.75)
    role: Annotated[str | None, pl.String()]
    relation: Annotated[str | None, pl.String()]
    # victim | suspect | officer | witness | relative | official
    part: Annotated[str | None, pl.String()]
    # killed | critical | stable | released | arrested | charged ...
    condition: Annotated[str | None, pl.String()]
    charge: Annotated[str | None, pl.String()]
    link: Annotated[float | None, pl.Float64()]  # how sure the cross-article link is, 0..1
    fact_ids: Annotated[list[str] | None, pl.List(pl.String())]


PEOPLE_SCHEMA = polars_schema(PersonRow)


# A running total of a story across its articles in time order (the toll that
# climbs): one row per article per series.
class TimelineRow(TypedDict, total=False):
    """One row of the timeline table; every column may be empty."""

    story: Annotated[str | None, pl.String()]
    # the event class counted: killed, wounded, arrested...
    series: Annotated[str | None, pl.String()]
    article: Annotated[str | None, pl.String()]
    published: Annotated[datetime | None, pl.Datetime("us", "UTC")]
    value: Annotated[float | None, pl.Float64()]
    low: Annotated[float | None, pl.Float64()]
    high: Annotated[float | None, pl.Float64()]
    qualifier: Annotated[str | None, pl.String()]
    text: Annotated[str | None, pl.String()]
    fact_id: Annotated[str | None, pl.String()]
    status: Annotated[str | None, pl.String()]  # first | same | update | conflict


TIMELINE_SCHEMA = polars_schema(TimelineRow)


# The story each article was put in, and why (given in the input, or grouped).
class StoryRow(TypedDict, total=False):
    """One row of the stories table; every column may be empty."""

    article: Annotated[str | None, pl.String()]
    story: Annotated[str | None, pl.String()]
    how: Annotated[str | None, pl.String()]  # given | grouped


STORIES_SCHEMA = polars_schema(StoryRow)

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
