"""What a number match wrote about its figure: currency, unit, scale, sign, period.

The candidate pattern (``number_patterns``) captures these in named groups;
this module turns them into a kind, a unit and a factor, and finds a unit
pint knows right after a bare number ("40 nanoseconds", "5000mAh"), before
the parse is read for what a count counts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from .numbers import parse_number
from .reading import money_sentence
from .units import canonical, store, unit_kind


def written_currency(g: dict[str, Any]) -> str | None:
    """The currency symbol or code a match wrote, if any."""
    for key in ("cur1", "cur2", "cur3", "cur1b", "cur2b"):
        if g.get(key):
            return g[key].strip()
    return None


@dataclass
class Reading:
    """What a match says its figure is, before the parse is read."""

    kind: str = "count"
    unit: str | None = None
    factor: float = 1.0  # applied to the value: 0.01 for pence, a stored unit's ratio
    end: int = 0
    per: str | None = None  # the unit money is paid per, when written as a second unit
    written: str = ""  # the unit as the match wrote it


def _written(m, doc, ctx, value, start, end) -> Reading:
    """Kind and unit from the currency and the unit the match wrote."""
    pats = ctx.pats
    g = m.groupdict()
    reading = Reading(end=end)
    cur = written_currency(g)
    written = g.get("unit") or ""
    if g.get("unit2"):
        written = written[:m.start("unit2") - m.start("unit")].rstrip(" /")
        written = re.sub(r"(?i)\s+per$", "", written)
    reading.written = written = written.strip(" -()[]{}<>")
    if cur:
        reading.kind, reading.unit = "money", pats.currency(cur)
    if not written:
        return reading
    key = " ".join(re.split(r"[\s\-]+", written.lower()))
    entry = pats.unit_entry(written)
    second = pats.unit_entry(g["unit2"]) if g.get("unit2") else None
    if key in pats.ambiguous and reading.kind != "money":
        # "fined 500 pounds" is money, "lost 25 pounds" a weight.
        choice = pats.ambiguous[key]
        scaled = value is not None and abs(value) >= 1e6
        if scaled or money_sentence(doc, start, pats):
            reading.kind, reading.unit = "money", choice["money"]
        else:
            reading.kind, reading.unit = "measure", choice["measure"]
    elif key in pats.currency_after and (reading.kind != "money" or not reading.unit):
        reading.kind, reading.unit = "money", pats.currency_after[key]
    elif key in pats.currency_minor and reading.kind != "money":
        reading.kind, reading.unit, reading.factor = "money", pats.currency_minor[key], 0.01
    elif entry is not None and reading.kind != "money":
        reading.kind, reading.unit = entry["kind"], entry["unit"]
        if second is not None:  # "centimetres/millisecond": a rate of two units
            reading.kind = "measure"
            reading.unit = canonical(f"{entry['unit']} / {second['unit']}")
    elif reading.kind == "money":
        reading.end = m.start("unit")  # "£5 pounds" is odd; keep the symbol's currency
    if reading.kind == "money" and second is not None:  # "38p per litre": money per a unit
        reading.per = canonical(second["unit"])
    return reading


def read_unit(m, doc, ctx, value, start, end, phrase) -> Reading:
    """Kind, unit and end of a match: what it wrote, else a unit pint knows after
    the number, else a currency after "of"; stored units applied."""
    pats = ctx.pats
    g = m.groupdict()
    text = ctx.text
    reading = _written(m, doc, ctx, value, start, end)
    if phrase is not None:
        reading.kind, reading.unit = phrase["kind"], phrase["unit"]
    if g.get("prefix"):
        entry = pats.prefixes.get(" ".join(g["prefix"].lower().split()))
        if entry is not None and reading.kind == "count":
            reading.kind, reading.unit = entry["kind"], entry["unit"]
    bare = reading.kind == "count" and not reading.written and phrase is None \
        and not g.get("per")
    if reading.kind == "measure" and reading.written and not g.get("unit2") \
            and text[reading.end:reading.end + 1] == "/":
        found = pats.registry_unit(text, m.start("unit"))
        if found is not None and found[1] > reading.end:  # "40 m/s": the rules know "m"
            reading.unit, reading.end = found
    elif bare and reading.end == m.end():
        found = pats.registry_unit(text, reading.end)
        if found is not None:  # "40 nanoseconds", "a 650 hp engine", "7 ksi"
            reading.unit, reading.end = found
            reading.kind = unit_kind(found[0])
    if reading.kind == "count" and bare and pats.currency_of is not None:
        of = pats.currency_of.match(text, reading.end)
        if of is not None:  # "hundreds of thousands of dollars"
            key = " ".join(of["c"].lower().split())
            reading.kind, reading.end = "money", of.end()
            reading.unit = pats.currency_after.get(key) or pats.ambiguous.get(key, {}).get("money")
    if reading.kind in ("measure", "duration", "age") and reading.unit:
        stored, reading.unit = store(1.0, reading.unit, ctx.store_units)
        reading.factor *= stored
    if (g.get("minor") or g.get("pscale")) and reading.kind != "money":
        reading.end = m.end("unit")  # hundredths and trailing scales belong to money only
    return reading


def scaled(m, ctx, reading: Reading, value, low, high):
    """(value, low, high) with a trailing scale, hundredths, a sign and the factor."""
    g = m.groupdict()
    vocab = ctx.pats.vocab
    if g.get("pscale") and reading.kind == "money" and value is not None:
        scale = vocab.scales.get(g["pscale"].lower(), 1.0)
        value, low, high = (x * scale if x is not None else None for x in (value, low, high))
    if (g.get("mnum") or g.get("mbare")) and reading.kind == "money":
        cents = parse_number(g["mnum"] or g["mbare"], vocab)
        if cents is not None and value is not None:
            value = low = high = value + cents * 0.01
    if g.get("neg"):
        value, low, high = (-x if x is not None else None for x in (value, high, low))
    return tuple(x * reading.factor if x is not None else None for x in (value, low, high))


def written_per(m, ctx, reading: Reading) -> str | None:
    """The period or base a match wrote after its figure ("a year", "per 100,000")."""
    g = m.groupdict()
    if g.get("per"):
        if g.get("base"):
            return f"{parse_number(g['base'], ctx.pats.vocab):g}"
        return ctx.pats.period(re.sub(r"^[\s,\-]+", "", g["per"]))
    return reading.per
