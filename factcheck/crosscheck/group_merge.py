"""Scored pairs merged into groups, best pair first, under the constraints
alignment and story grouping both need."""

from __future__ import annotations


def merge_pairs(pairs: list[tuple[int, int, float]], article_of: list[str], min_links: float
           ) -> dict[int, tuple[int, float]]:
    """Greedy merging, best pair first, never two facts of one article in a
    group (`article_of` names each item's article), and two groups merge only
    when at least `min_links` of the pairs between them were candidates (so
    one bridging pair cannot chain the 650 seats of a parliament into the 326
    won). Story grouping uses it too, each article its own "article".
    Hand-written: union-find with cannot-link and linkage constraints, which
    no library we use offers. Returns item → (root, best score)."""
    linked = {(i, j) for i, j, _ in pairs}
    parent: dict[int, int] = {}
    articles: dict[int, set[str]] = {}
    members: dict[int, list[int]] = {}
    best: dict[int, float] = {}

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, j, s in pairs:
        for x in (i, j):
            if x not in parent:
                parent[x] = x
                articles[x] = {article_of[x]}
                members[x] = [x]
        ri, rj = find(i), find(j)
        if ri == rj or articles[ri] & articles[rj]:
            continue
        a, b = members[ri], members[rj]
        if len(a) * len(b) > 1:
            links = sum((min(x, y), max(x, y)) in linked for x in a for y in b)
            if links < min_links * len(a) * len(b):
                continue
        if rj < ri:
            ri, rj = rj, ri
        parent[rj] = ri
        articles[ri] |= articles.pop(rj)
        members[ri].extend(members.pop(rj))
        best[i] = max(best.get(i, 0.0), s)
        best[j] = max(best.get(j, 0.0), s)
    return {x: (find(x), best[x]) for x in parent if x in best}
