"""The story timeline: each running total across a story's articles in time order.

A series is one aligned group whose facts belong to a cumulative event class
(rules/events.yaml: killed, wounded, arrested…). Its rows follow the
articles by `published` (then batch order), each with how it moved from the
step before: `first`, `same` (the intervals meet), `update` (higher) or
`conflict` (lower: a correction). This is how an editor sees at a glance
that a toll moved, and who lagged.
"""

from __future__ import annotations

from typing import Any

import polars as pl

from ..facts import TIMELINE_SCHEMA, empty, frame


def timeline(facts: pl.DataFrame, groups: pl.DataFrame, rules: Any) -> pl.DataFrame:
    """TIMELINE_SCHEMA rows for every running total aligned across articles."""
    if groups.is_empty() or facts.is_empty():
        return empty(TIMELINE_SCHEMA)
    events = (rules.events if rules is not None else {}) or {}
    running = sorted(e for e, entry in events.items() if entry.get("cumulative"))
    cols = ["fact_id", "article", "published", "value", "low", "high", "qualifier", "text",
            "event", "unit", "kind"]
    joined = (groups.select("group", "story", "fact_id")
              .join(facts.with_row_index("pos").select("pos", *cols), on="fact_id", how="inner")
              # Running totals are counts: a date of the event is not one.
              .filter(pl.col("event").is_in(running) & (pl.col("kind") == "count")))
    if joined.is_empty():
        return empty(TIMELINE_SCHEMA)
    # A series is named by its event; a second series of one event in a story
    # (killed adults, killed children) adds what it counts.
    first = joined.group_by("group").agg(pl.col("pos").min().alias("first"),
                                         pl.col("event").first(), pl.col("unit").first(),
                                         pl.col("story").first())
    first = first.sort("first")
    names: dict[str, str] = {}
    seen: dict[tuple[str, str], int] = {}
    for gid, _, event, unit, story in first.iter_rows():
        key = (story or "", event)
        seen[key] = seen.get(key, 0) + 1
        names[gid] = event if seen[key] == 1 else f"{event} ({unit or seen[key]})"
    rows: list[dict[str, Any]] = []
    for gid, *_ in first.iter_rows():
        part = joined.filter(pl.col("group") == gid).sort(
            pl.col("published"), pl.col("pos"), nulls_last=True)
        prev: dict[str, Any] | None = None
        for r in part.iter_rows(named=True):
            rows.append({**r, "series": names[gid], "status": _step(prev, r)})
            prev = r
    return frame(rows, TIMELINE_SCHEMA)


def _bounds(r: dict[str, Any]) -> tuple[float, float]:
    v = r["value"]
    lo = r["low"] if r["low"] is not None else v
    hi = r["high"] if r["high"] is not None else (float("inf") if r["qualifier"] in (
        "more_than", "at_least") else v)
    return lo, hi


def _step(prev: dict[str, Any] | None, r: dict[str, Any]) -> str:
    if prev is None:
        return "first"
    (plo, phi), (lo, hi) = _bounds(prev), _bounds(r)
    if lo <= phi and plo <= hi:
        return "same"
    return "update" if lo > phi else "conflict"
