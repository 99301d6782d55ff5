"""Which story each article belongs to (placeholder until the cross-check issue lands)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import polars as pl

from .facts import STORIES_SCHEMA, frame


def assign_stories(articles: Sequence[Any], facts: pl.DataFrame, rules: Any,
                   story_key: str | None = None) -> pl.DataFrame:
    rows = [{"article": a.id, "story": a.story or "story-1", "how": "given" if a.story else "grouped"}
            for a in articles]
    return frame(rows, STORIES_SCHEMA)
