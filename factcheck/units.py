"""Units, currencies and rates: canonical names, block keys and conversions.

Measures and durations go through pint (one registry for the process), so
"384,400 km" and "238,855 miles" compare; money keeps its ISO 4217 code, and
counts the lemma of the counted noun. The written forms of units live in
``rules/units.yaml``; this module only names and converts.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

# Units that are ours, not pint's: they pass through canonical() unchanged.
PERCENT_UNITS = ("percent", "percentage_point", "basis_point")

# pint dimensionality → the block key cross-checking groups measures by.
_DIMENSIONS = {
    "[length]": "length",
    "[length] ** 2": "area",
    "[length] ** 3": "volume",
    "[mass]": "mass",
    "[temperature]": "temperature",
    "[time]": "time",
    "[length] / [time]": "speed",
    "[mass] * [length] ** 2 / [time] ** 3": "power",
    "[mass] * [length] ** 2 / [time] ** 2": "energy",
    # Bytes and angles have no physical dimension in pint's default registry.
    "dimensionless": "dimensionless",
}


@lru_cache(maxsize=1)
def registry() -> Any:
    """The one pint registry (building it takes a moment; do it once)."""
    import pint

    return pint.UnitRegistry(autoconvert_offset_to_baseunit=True)


@lru_cache(maxsize=512)
def canonical(unit: str) -> str:
    """pint's canonical name for a measure or time unit ("km" → "kilometer").

    Currency codes, percent units, counted nouns and anything pint does not
    know are returned unchanged.
    """
    if not unit or unit in PERCENT_UNITS or unit.isupper():
        return unit
    try:
        return str(registry().Unit(unit))
    except Exception:  # pint raises several kinds for a name it does not know
        return unit


@lru_cache(maxsize=512)
def _pint_dimension(unit: str) -> str | None:
    try:
        return str(registry().Unit(unit).dimensionality)
    except Exception:
        return None


def dimension(unit: str | None, kind: str) -> str:
    """The block key a fact is compared within.

    money → "currency:GBP"; count → "count:drone"; percent → "percent" or
    "percentage_point"; duration and age → "time" and "age"; measure → its
    physical dimension ("length", "temperature"); date → "date".
    """
    unit = unit or ""
    if kind == "money":
        return f"currency:{unit}"
    if kind == "count":
        return f"count:{unit}" if unit else "count"
    if kind == "percent":
        return unit or "percent"
    if kind == "date":
        return "date"
    if kind == "age":
        return "age"
    if kind in ("duration", "measure"):
        dim = _pint_dimension(unit)
        if dim is None:
            return f"{kind}:{unit}"
        return _DIMENSIONS.get(dim, dim)
    return f"{kind}:{unit}" if unit else kind


def convert(value: float, from_unit: str, to_unit: str) -> float | None:
    """`value` in `from_unit` expressed in `to_unit`, or None when not convertible.

    Measures and durations via pint (temperatures with their offsets); equal
    units of any kind convert to themselves; currencies never (rates are
    rule data the cross-check applies).
    """
    if from_unit == to_unit:
        return value
    if from_unit in PERCENT_UNITS or to_unit in PERCENT_UNITS:
        return None
    if from_unit.isupper() or to_unit.isupper():
        return None
    ureg = registry()
    try:
        return float(ureg.Quantity(value, from_unit).to(to_unit).magnitude)
    except Exception:  # undefined unit or dimensionality mismatch
        return None


def store(value: float, unit: str, store_units: dict[str, str]) -> tuple[float, str]:
    """(value, unit) as stored: canonical name, converted where a rule says so."""
    name = canonical(unit)
    target = store_units.get(name) or store_units.get(unit)
    if target:
        converted = convert(value, name, target)
        if converted is not None:
            return converted, canonical(target)
    return value, name
