"""The keys numeric facts are blocked on before they are scored: the
physical dimension of a unit (km with miles, money with money) and the linear
map to its reference unit, the class of what a count counts (rules
`counted_things`), and which event classes may name the same figure (rules
`events`, `aligns_with`)."""

from __future__ import annotations

from typing import Any

import polars as pl

from ..extract.units import convert, dimension
from .subject_words import head_noun, synonym_map, written_noun


def _dimension(unit: str | None, kind: str) -> str:
    """The block a unit belongs to: km and miles together, money together."""
    if kind == "money" or unit is None:
        return kind
    try:
        return str(dimension(unit, kind) or unit)
    except Exception:  # an unknown unit is its own dimension
        return unit


def _linear(unit: str, ref: str, kind: str) -> tuple[float, float]:
    """(a, b) with convert(x, unit, ref) == a*x + b; affine for °C/°F."""
    if unit == ref:
        return 1.0, 0.0
    try:
        b, one = convert(0.0, unit, ref), convert(1.0, unit, ref)
    except Exception:  # not convertible: leave the value as it is
        return 1.0, 0.0
    if b is None or one is None:
        return 1.0, 0.0
    return float(one) - float(b), float(b)


def numeric_rows(facts: pl.DataFrame) -> pl.DataFrame:
    num = facts.with_row_index("i").filter(
        (pl.col("kind") != "attribute")
        # An age belongs to a person: the people linker compares ages (crosscheck/people.py).
        & (pl.col("kind") != "age")
        & pl.any_horizontal(pl.col("value", "low", "high").is_not_null())
    )
    # A 'rate' of money blocks with money: '£3bn a year' vs '£3bn in all'.
    return num.with_columns(
        pl.when((pl.col("kind") == "rate") & pl.col("unit").str.contains(r"^[A-Z]{3}$"))
        .then(pl.lit("money")).otherwise(pl.col("kind")).alias("bkind"))


def unit_keys(facts: pl.DataFrame, rules: Any) -> pl.DataFrame:
    """(bkind, unit) → block dimension and the linear map (a, b) to its reference unit.

    The reference is the first unit of its dimension in the whole batch, so
    aligning a part of the batch must be given the batch's keys to give the same
    values (°F against °C is affine: ratios depend on the reference)."""
    return unit_keys_of(numeric_rows(facts.select("kind", "unit", "value", "low", "high")),
                      synonym_map(rules), thing_map(rules))


def thing_map(rules: Any) -> dict[str, str]:
    """counted noun → its class (rules `counted_things`)."""
    got = rules.counted_things if rules is not None else {}
    return {w.casefold(): c for c, words in (got or {}).items() for w in words}


def event_links(rules: Any) -> pl.DataFrame:
    """(event, event_r) pairs of classes that may name the same figure: each
    class with itself and with its `aligns_with` (both ways)."""
    events = (rules.events if rules is not None else {}) or {}
    pairs = {(e, e) for e in events}
    for e, entry in events.items():
        for o in entry.get("aligns_with") or []:
            pairs |= {(e, o), (o, e)}
    # The days of plans of one class ("plan:strike", rules `plan_events`)
    # are one figure: "will walk out from 22 September" and "will strike
    # from 23 September" disagree.
    plans = (getattr(rules, "plan_events", None) if rules is not None else None) or {}
    pairs |= {(f"plan:{p}", f"plan:{p}") for p in plans}
    rows = sorted(pairs)
    return pl.DataFrame({"event": [a for a, _ in rows], "event_r": [b for _, b in rows],
                         "same_event": [a == b for a, b in rows]},
                        schema={"event": pl.String, "event_r": pl.String,
                                "same_event": pl.Boolean})


def unit_keys_of(num: pl.DataFrame, synonyms: dict[str, str],
               things: dict[str, str] | None = None) -> pl.DataFrame:
    # Counts block on the class of what is counted (people, victims and men
    # are all people: rules `counted_things`), else the counted noun with
    # synonyms folded; other kinds on the unit's physical dimension.
    pairs = num.select("bkind", "unit").unique().rows()
    things = things or {}

    def thing(unit: str | None) -> str:
        noun = head_noun(unit, synonyms)
        return things.get(noun) or things.get(written_noun(unit)) or noun

    dims = {(k, u): thing(u) if k == "count" else _dimension(u, k) for k, u in pairs}
    refs: dict[tuple[str, str], str] = {}
    for (k, u), d in sorted(dims.items(), key=lambda kv: (kv[0][0], kv[0][1] or "")):
        refs.setdefault((k, d), u or "")
    lin = {(k, u): _linear(u or "", refs[(k, dims[(k, u)])], k) if k != "money" else (1.0, 0.0)
           for k, u in pairs}
    return pl.DataFrame(
        {"bkind": [k for k, _ in pairs], "unit": [u for _, u in pairs],
         "dim": [dims[p] for p in pairs], "a": [lin[p][0] for p in pairs],
         "b": [lin[p][1] for p in pairs]},
        schema={"bkind": pl.String, "unit": pl.String, "dim": pl.String,
                "a": pl.Float64, "b": pl.Float64})
