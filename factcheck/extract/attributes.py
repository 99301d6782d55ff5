"""Attributive facts from a Doc (placeholder until the attributes issue lands)."""

from __future__ import annotations

from typing import Any


def extract_attributes(doc: Any, article: Any, rules: Any, offset: int = 0) -> list[dict[str, Any]]:
    return []
