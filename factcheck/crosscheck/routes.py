"""Whether the articles of a story number a route alike (FC405).

Route facts (extract/routes.py: "Route 38", "Highway 17", "I-95", "Flight
302") of a story are gathered by kind of route. Two numbers of one kind
written in different articles are one route mistyped when one is the other
with two neighbouring digits swapped ("Route 38" / "Route 83"): the slip of
the keys that turns a real road into another real road, which no reader can
catch. Numbers a digit apart ("Route 12" / "Route 13") are left alone: a
closure and its detour are often on neighbouring routes. An article that
writes both numbers contradicts no one (two routes). The number most
articles write is the consensus (a tie goes to the earliest article); each
article writing the other is reported.
"""

from __future__ import annotations

import re
from typing import Any

import polars as pl

from ..facts import DISCREPANCY_SCHEMA, empty, frame
from .places import finding

RULE = "FC405"
_NUMBER = re.compile(r"(\d+)$")


def swapped(a: str, b: str) -> bool:
    """Whether `b` is `a` with two neighbouring, different digits swapped."""
    if len(a) != len(b) or len(a) < 2:
        return False
    diff = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
    return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] \
        and a[diff[1]] == b[diff[0]]


def route_check(facts: pl.DataFrame, rules: Any) -> pl.DataFrame:
    """DISCREPANCY_SCHEMA rows of FC405 for a facts table that carries its stories."""
    rows = facts.with_row_index("pos").filter(
        (pl.col("kind") == "attribute") & (pl.col("attribute") == "route")).to_dicts()
    if not rows:
        return empty(DISCREPANCY_SCHEMA)
    order = {a: i for i, a in enumerate(facts["article"].unique(maintain_order=True).to_list())}
    # (story, kind of route) → number → article → its first mention of it
    said: dict[tuple[str, str], dict[str, dict[str, dict[str, Any]]]] = {}
    for r in sorted(rows, key=lambda r: (order[r["article"]], r["pos"])):
        number = _NUMBER.search(r["attribute_value"] or "")
        if number is None:
            continue
        by_number = said.setdefault((r["story"] or "", r["subject"] or ""), {})
        by_number.setdefault(number.group(1).lstrip("0") or "0", {}).setdefault(r["article"], r)
    found: list[tuple[tuple[int, str, int], dict[str, Any]]] = []
    for key in sorted(said):
        by_number = said[key]
        numbers = sorted(by_number)
        for i, a in enumerate(numbers):
            for b in numbers[i + 1:]:
                if not swapped(a, b) or set(by_number[a]) & set(by_number[b]):
                    continue
                first = {n: (-len(by_number[n]), min(order[x] for x in by_number[n]))
                         for n in (a, b)}
                best, odd = sorted((a, b), key=lambda n: first[n])
                against = list(by_number[best].values())
                for f in by_number[odd].values():
                    found.append(finding(RULE, f, against, "route",
                                         f"{odd} against {best}: two digits swapped",
                                         rules.checks, "route"))
    found.sort(key=lambda r: r[0])
    return frame([r for _, r in found], DISCREPANCY_SCHEMA)
