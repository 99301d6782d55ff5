"""Whether aligned facts agree (placeholder until the cross-check issue lands)."""

from __future__ import annotations

from typing import Any

import polars as pl

from .facts import DISCREPANCY_SCHEMA, empty


def compare(facts: pl.DataFrame, groups: pl.DataFrame, rules: Any) -> pl.DataFrame:
    return empty(DISCREPANCY_SCHEMA)
