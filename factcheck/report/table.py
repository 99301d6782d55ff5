"""A readable facts table for the terminal."""

from __future__ import annotations

import polars as pl

from .display import fact_value


def facts_table(facts: pl.DataFrame) -> str:
    """One line a fact: where, kind, the words, and what they were read as."""
    if facts.is_empty():
        return "no facts found\n"
    lines = []
    for r in facts.iter_rows(named=True):
        where = f"{r['article']}:{r['line']}:{r['column']}"
        if r["kind"] == "attribute":
            what = f"{r['entity']} {r['attribute']}={r['attribute_value']!r}"
            if r["attribute_scope"]:
                what += f" ({r['attribute_scope']})"
        else:
            what = fact_value(r)
            if r["subject"]:
                what += f" · {r['subject']}"
        lines.append(f"{where}: {r['kind']:<9} {r['text']!r} → {what}")
    return "\n".join(lines) + f"\n{len(facts)} facts\n"
