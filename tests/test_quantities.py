"""Numeric facts from sentences: values, intervals, kinds, units, rates, not-facts."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from factcheck.articles import Article
from factcheck.extract.quantities import extract_quantities

PUBLISHED = datetime(2025, 2, 13, 8, 0, tzinfo=timezone.utc)  # a Thursday


def _article(text: str) -> Article:
    return Article(id="t.txt", path="t.txt", source="Test", title="", text=text,
                   published=PUBLISHED)


def facts(nlp, rules, text: str) -> list[dict]:
    doc = nlp(text)
    return extract_quantities(doc, _article(text), rules, 0)


def only(nlp, rules, text: str) -> dict:
    rows = facts(nlp, rules, text)
    assert len(rows) == 1, [(r["kind"], text[r["start"]:r["end"]]) for r in rows]
    return rows[0]


# --- the seed article: every figure right, nothing else --------------------------------

SEED_WIRE = [
    # (text, kind, value, low, unit, per, qualifier)
    ("two leaders", "count", 2, 2, "leader", None, "exact"),
    ("three years", "duration", 3, 3, "year", None, "exact"),
    ("over 50 defense allies", "count", 50, 50, "defense ally", None, "more_than"),
    ("£150 million", "money", 1.5e8, 1.5e8, "GBP", None, "exact"),
    ("£3 billion", "money", 3e9, 3e9, "GBP", "year", "exact"),
    ("over 500,000 rounds of ammunition", "count", 5e5, 5e5, "round of ammunition", None,
     "more_than"),
    ("more than 10,000 drones", "count", 1e4, 1e4, "drone", None, "more_than"),
]


@pytest.fixture(scope="module")
def seed_facts(rules):
    """The facts of the shipped seeds (extraction only: this module tests extraction)."""
    from factcheck.articles import read_articles
    from factcheck.pipeline import extract_articles

    from .conftest import SEEDS

    return extract_articles(read_articles([str(SEEDS)]), rules)


def test_seed_wire_every_figure_and_nothing_else(seed_facts, rules):
    facts = seed_facts
    rows = facts.filter((facts["article"].str.ends_with("seed-wire.md"))
                        & (facts["kind"] != "attribute")).to_dicts()
    got = [(r["text"], r["kind"], r["value"], r["low"], r["unit"], r["per"], r["qualifier"])
           for r in rows]
    assert got == [tuple(float(x) if isinstance(x, int) else x for x in case)
                   for case in SEED_WIRE]
    by_text = {r["text"]: r for r in rows}
    reach = rules["qualifiers"]["more than"]["high"]
    assert by_text["more than 10,000 drones"]["high"] == pytest.approx(10_000 * reach)
    assert by_text["£3 billion"]["subject"] == "annual pledge"
    assert by_text["£150 million"]["subject"] == "package"
