"""Whether the articles of a story put the event in the same street (FC403).

Street facts (extract/places.py) of a story gather into places: addresses
whose names are alike, directions aside ("South Larkin Street" and "Larkin
Avenue"; "Brindelwood Lane" and "Brindlewood Lane", `places.max_edits` letters apart
in a name of at least `places.min_letters`, two letters swapped
counting one; never "75th" and "76th"). In
each place, the street as most articles write it (name and type) is the
consensus; an article that never writes it so disagrees: its type differs
(Road for Drive) or its spelling does. Then the block or house numbers
given on that street: an article that gives only other numbers disagrees.
An article that names both forms (two streets of one name, a Place beside a
Court) contradicts no one.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass
from typing import Any

import polars as pl
from rapidfuzz.distance import OSA

from ..extract.places import Street, parse, place_words
from ..facts import DISCREPANCY_SCHEMA, empty, frame
from ..model import SEVERITY_ORDER
from ..rules.schema import Places
from .compare import fingerprint

RULE = "FC403"


@dataclass
class Mention:
    street: Street
    fact: dict[str, Any]
    order: int  # the article's place in the batch

    @property
    def article(self) -> str:
        return str(self.fact["article"])


def place_check(facts: pl.DataFrame, rules: Any) -> pl.DataFrame:
    """DISCREPANCY_SCHEMA rows of FC403 for a facts table that carries its stories."""
    rows = facts.with_row_index("pos").filter(
        (pl.col("kind") == "attribute") & (pl.col("attribute") == "street")).to_dicts()
    if not rows:
        return empty(DISCREPANCY_SCHEMA)
    words = place_words(rules)
    cfg = rules.places if rules is not None else Places()
    order = {a: i for i, a in enumerate(facts["article"].unique(maintain_order=True).to_list())}
    stories: dict[str, list[Mention]] = {}
    for r in rows:
        street = parse(r["attribute_value"] or "", words)
        if street is not None:
            stories.setdefault(r["story"] or "", []).append(Mention(street, r, order[r["article"]]))
    found: list[tuple[tuple[int, str, int], dict[str, Any]]] = []
    checks = rules.checks
    for story in sorted(stories):
        for place in _places(stories[story], cfg):
            found += _disagreements(place, _street_key, "street", checks)
            numbered = [m for m in place if m.street.number is not None]
            for block in (True, False):
                found += _disagreements([m for m in numbered if m.street.block == block],
                                        _number_key, "block" if block else "house number",
                                        checks)
    found.sort(key=lambda r: r[0])
    return frame([r for _, r in found], DISCREPANCY_SCHEMA)


def _street_key(s: Street) -> str:
    return " ".join((*s.name, s.type))


def _number_key(s: Street) -> str:
    return str(s.number)


def alike(a: Street, b: Street, cfg: Places) -> bool:
    """Two addresses that may name one street."""
    if a.directions and b.directions and a.directions != b.directions:
        return False  # North and South Main Street are two streets
    if a.name == b.name:
        return True
    if a.numbered_name or b.numbered_name or len(a.name) != len(b.name):
        return False
    x, y = " ".join(a.name), " ".join(b.name)
    letters = min(sum(c.isalpha() for c in x), sum(c.isalpha() for c in y))
    return letters >= cfg.min_letters and OSA.distance(x, y) <= cfg.max_edits


def _places(mentions: list[Mention], cfg: Places) -> list[list[Mention]]:
    """Mentions gathered into places: alike addresses, linked in batch order."""
    places: list[list[Mention]] = []
    for m in sorted(mentions, key=lambda m: (m.order, m.fact["pos"])):
        home = [p for p in places if any(alike(m.street, o.street, cfg) for o in p)]
        if home:
            merged = [x for p in home for x in p] + [m]
            places = [p for p in places if all(p is not h for h in home)] + [merged]
        else:
            places.append([m])
    return [p for p in places if len({m.article for m in p}) > 1]


def _disagreements(place: list[Mention], key: Any, facet: str, checks: dict[str, Any]
                   ) -> list[tuple[tuple[int, str, int], dict[str, Any]]]:
    """One finding per article that never gives the form most articles give."""
    by_article: dict[str, list[Mention]] = {}
    for m in place:
        by_article.setdefault(m.article, []).append(m)
    if len(by_article) < 2:
        return []
    said = Counter(k for ms in by_article.values() for k in {key(m.street) for m in ms})
    first_at: dict[Any, tuple[int, int]] = {}
    for m in sorted(place, key=lambda m: (m.order, m.fact["pos"])):
        first_at.setdefault(key(m.street), (m.order, m.fact["pos"]))
    best = max(said, key=lambda k: (said[k], tuple(-x for x in first_at[k])))
    agree = [next(m for m in ms if key(m.street) == best) for ms in by_article.values()
             if any(key(m.street) == best for m in ms)]
    out = []
    for art, ms in by_article.items():
        if not any(key(m.street) == best for m in ms):
            out.append(_row(ms[0], agree, facet, checks))
            continue
        # Beside the consensus, the same street spelt another way is a slip,
        # not a second street ("Brindelwood Lane" a line above "Brindlewood Lane").
        model = agree[0].street
        slips = [m for m in ms if key(m.street) != best and facet == "street"
                 and m.street.type == model.type and m.street.name != model.name]
        others = [m for m in agree if m.article != art]
        if slips and others:
            out.append(_row(slips[0], others, facet, checks))
    return out


def _row(out: Mention, against: list[Mention], facet: str, checks: dict[str, Any]
         ) -> tuple[tuple[int, str, int], dict[str, Any]]:
    a, b = out.street, against[0].street
    if facet == "street" and a.type != b.type:
        detail = f"street type {a.type} and {b.type}"
    elif facet == "street":
        detail = f"street name {' '.join(a.name)!r} and {' '.join(b.name)!r}"
    else:
        detail = f"{facet} {a.number} and {b.number} on one street"
    return finding(RULE, out.fact, [m.fact for m in against], facet, detail, checks, "place")


def finding(rule: str, f: dict[str, Any], against: list[dict[str, Any]], facet: str,
            detail: str, checks: dict[str, Any], kind: str, severity: str | None = None
            ) -> tuple[tuple[int, str, int], dict[str, Any]]:
    """(sort key, DISCREPANCY_SCHEMA row) for attribute fact `f` against the
    facts of the articles that agree (the consensus), each article once;
    `kind` names the group ("place-…"); `severity`, where given, stands for
    the catalogue's."""
    check = checks.get(rule, {})
    cited = [f, *sorted(against, key=lambda g: g["pos"])]
    said = Counter(str(g["attribute_value"]) for g in against)
    others_say = " / ".join(s for s, _ in sorted(said.items(), key=lambda kv: -kv[1])[:2])
    source = f["source"] or f["article"]
    others = (against[0]["source"] or against[0]["article"]) if len(against) == 1 \
        else f"{len(against)} other outlets"
    subject = f"{facet}: {against[0]['attribute_value']}"
    severity = severity or check.get("severity", "warning")
    message = check.get("message", "{source} says {says}; {others} {say} {others_say}").format(
        source=source, says=f["attribute_value"], others=others, others_say=others_say,
        subject=subject, say="says" if len(against) == 1 else "say", entity="", ratio="")
    group = f"{kind}-" + hashlib.blake2b(
        "\x1e".join(sorted(f"{m['article']}\x1f{m['attribute_value']}" for m in cited)).encode(),
        digest_size=5).hexdigest()
    row = {
        "id": fingerprint(rule, f["story"], "attribute", None, subject, cited),
        "rule": rule, "name": check.get("name", rule), "kind": "attribute",
        "severity": severity, "status": "conflict", "story": f["story"], "group": group,
        "subject": subject, "message": message, "detail": detail, "score": 1.0,
        "fact_ids": [m["fact_id"] for m in cited],
    }
    return (SEVERITY_ORDER[severity], f["story"] or "", f["pos"]), row
