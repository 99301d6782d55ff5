"""One canonical name per person across a whole batch of articles.

Articles name the same person as "John Healey", "Healey", "Mr Healey";
spell names differently ("Zelensky", "Zelenskyy"); and the small model's
labels vary by sentence. ``canonicalize`` works on the batch's distinct names
only (a few hundred even for thousands of facts), scores them all at once with
``rapidfuzz.process.cdist``, and rewrites the ``entity`` column (and the
``entities`` lists) with one Polars ``replace``.

Merging rules, in order:
1. honorifics (rules ``honorifics``) and a leading "the" are dropped;
2. full names (two words or more) whose whole text and last word both score at
   least ``name_matching.variant_score`` are one person;
3. a name that ends another, longer name ("Von der Leyen", "Healey") joins it;
   a one-word name also joins the one person whose last word it matches by
   score; when two people share it ("Miliband") it is left alone;
4. remaining one-word names merge by score among themselves.
Each merged group is named by its most frequent spelling (ties: the longest,
then alphabetical), so the choice does not depend on article order.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import polars as pl
from rapidfuzz import fuzz, process, utils

from ..rules.schema import NameMatching

if TYPE_CHECKING:
    from ..rules.load import Rules



def _clean(name: str, honorifics: frozenset[str]) -> str:
    words = name.split()
    while len(words) > 1 and words[0].lower().rstrip(".") in honorifics | {"the"}:
        words = words[1:]
    return " ".join(words)


def _groups(names: list[str], score: float, key: list[str] | None = None) -> list[int]:
    """Union-find over `names` (or their `key`s): pairs at or above `score` join."""

    parent = list(range(len(names)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    if len(names) > 1:
        whole = process.cdist(names, names, scorer=fuzz.ratio, processor=utils.default_process,
                              score_cutoff=score)
        last = None
        if key is not None:
            last = process.cdist(key, key, scorer=fuzz.ratio, processor=utils.default_process,
                                 score_cutoff=score)
        rows, cols = (whole >= score).nonzero()
        for i, j in zip(rows.tolist(), cols.tolist(), strict=True):
            if i < j and (last is None or last[i, j] >= score):
                a, b = find(i), find(j)
                if a != b:
                    parent[max(a, b)] = min(a, b)
    return [find(i) for i in range(len(names))]


def _name_groups(names: list[str], roots: list[int], counts: dict[str, int],
                 canonical: dict[str, str]) -> None:
    """Name every group of `names` (same root) by its most frequent spelling."""
    groups: dict[int, list[str]] = {}
    for name, root in zip(names, roots, strict=True):
        groups.setdefault(root, []).append(name)
    for group in groups.values():
        best = min(group, key=lambda n: (-counts[n], -len(n), n))
        for name in group:
            canonical[name] = best


def name_map(counts: dict[str, int], rules: Rules | None = None) -> dict[str, str]:
    """Every name (with its number of facts) → its canonical name, for names that change."""

    honorifics = frozenset(str(h).lower().rstrip(".") for h in (rules.honorifics if rules
                                                                else []))
    score = (rules.name_matching if rules else NameMatching()).variant_score
    cleaned: dict[str, str] = {n: _clean(n, honorifics) for n in sorted(counts)}
    clean_counts: dict[str, int] = {}
    for raw, clean in cleaned.items():
        clean_counts[clean] = clean_counts.get(clean, 0) + counts[raw]
    fulls = sorted(n for n in clean_counts if " " in n)
    singles = sorted(n for n in clean_counts if " " not in n)

    canonical: dict[str, str] = {}
    lasts = [n.split()[-1] for n in fulls]
    roots = _groups(fulls, score, lasts)
    _name_groups(fulls, roots, clean_counts, canonical)
    # "Von der Leyen" is the end of "Ursula von der Leyen": the longer name wins
    # when only one person's name ends that way.
    # The names each ends (what follows each of its spaces), looked up rather
    # than every pair of names tried: that was quadratic in the batch's names.
    ending: dict[str, list[str]] = {}
    for full in fulls:
        low = full.lower()
        for at, char in enumerate(low):
            if char == " ":
                ending.setdefault(low[at + 1:], []).append(full)
    for name in fulls:
        owners = {canonical[f] for f in ending.get(name.lower(), ())}
        if len(owners) == 1:
            canonical[name] = owners.pop()

    unmatched = []
    if fulls and singles:
        match = process.cdist(singles, lasts, scorer=fuzz.ratio,
                              processor=utils.default_process, score_cutoff=score)
        firsts = [n.split()[0] for n in fulls]
        for i, single in enumerate(singles):
            exact = {roots[j] for j, last in enumerate(lasts) if last == single}
            # A given name ("Herbert" of "Herbert Harr") is that person's, not a
            # surname a letter away ("Hebert") of someone else.
            given = {roots[j] for j, first in enumerate(firsts) if first == single}
            near = exact or given or \
                {roots[j] for j in (match[i] >= score).nonzero()[0].tolist()}
            if len(near) == 1:
                canonical[single] = canonical[fulls[near.pop()]]
            else:
                unmatched.append(single)
    else:
        unmatched = singles
    _name_groups(unmatched, _groups(unmatched, score), clean_counts, canonical)
    return {raw: canonical[clean] for raw, clean in cleaned.items() if canonical[clean] != raw}


def canonicalize(facts: pl.DataFrame, rules: Rules | None = None) -> pl.DataFrame:
    """`facts` with `entity` (and names in `entities`) rewritten to one name per person."""
    if facts.is_empty() or "entity" not in facts.columns:
        return facts
    counted = facts.filter(pl.col("entity").is_not_null()).group_by("entity").len()
    counts = dict(zip(counted["entity"].to_list(), counted["len"].to_list(), strict=True))
    mapping = name_map(counts, rules)
    if not mapping:
        return facts
    columns = [pl.col("entity").replace(mapping)]
    if "entities" in facts.columns:
        columns.append(pl.col("entities").list.eval(pl.element().replace(mapping)))
    return facts.with_columns(columns)
