"""Synthetic facts for the cross-check tests: one sentence, one figure."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from factcheck.facts import fact_id, facts_frame

T0 = datetime(2025, 2, 13, 8, tzinfo=UTC)


def fact(article: str, sentence: str, text: str, kind: str = "count", value: float | None = None,
         unit: str | None = None, *, qualifier: str = "exact", low: float | None = None,
         high: float | None = None, per: str | None = None, subject: str | None = None,
         entities: tuple[str, ...] = (), story: str = "s", hours: float = 0,
         entity: str | None = None, attribute: str | None = None, value_text: str | None = None,
         scope: str | None = None, at: int = 0) -> dict[str, Any]:
    """A fact row as extraction gives it; `at` shifts the sentence in the article."""
    i = sentence.index(text)
    start = at + i
    if value is not None and low is None and high is None and qualifier == "exact":
        low = high = value
    if value is not None and low is None:
        low = value
    return dict(
        fact_id=fact_id(article, start, start + len(text), kind, attribute), article=article,
        start=start, end=start + len(text), line=1, column=start + 1, text=text,
        sentence=sentence, sentence_start=at, kind=kind, value=value, low=low, high=high,
        qualifier=qualifier if kind != "attribute" else None, unit=unit, per=per,
        subject=subject, entities=list(entities), source=f"Outlet {article.upper()}",
        published=T0 + timedelta(hours=hours), story=story, entity=entity, attribute=attribute,
        attribute_value=value_text, attribute_scope=scope, pattern="test")


def frame(*rows: dict[str, Any]):
    return facts_frame(rows)
