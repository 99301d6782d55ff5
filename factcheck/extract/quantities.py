"""Numeric facts from a Doc (placeholder until the extraction issue lands)."""

from __future__ import annotations

from typing import Any


def extract_quantities(doc: Any, article: Any, rules: Any, offset: int = 0) -> list[dict[str, Any]]:
    return []
