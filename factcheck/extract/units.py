"""Units, currencies and rates: canonical names, block keys and conversions.

Measures and durations go through pint (one registry for the process), so
"384,400 km" and "238,855 miles" compare; money keeps its ISO 4217 code, and
counts the lemma of the counted noun. The written forms of units live in
``rules/units.yaml``; this module only names and converts.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
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


# --- units written in text, read from pint's registry -----------------------------------

# "sq m", "square miles", "cubic feet", "m2", "km²": a unit raised to a power.
_POWER_WORDS = {"sq": 2, "sq.": 2, "square": 2, "cu": 3, "cu.": 3, "cubic": 3}
_POWER_SUFFIX = {"2": 2, "²": 2, "3": 3, "³": 3}
_RATIO = re.compile(r"\s*/\s*|\s+per\s+", re.IGNORECASE)


@dataclass(frozen=True)
class RegistryForms:
    """Every written form of pint's units: lower-case names and their plurals
    ("kilopascals", "nautical miles") and symbols as written ("kHz", "mAh")."""

    names: Mapping[str, str]
    symbols: Mapping[str, str]
    singles: Mapping[str, str]  # one-letter symbols: only with a power, ratio or prefix

    def lookup(self, written: str, *, short: bool = False) -> str | None:
        """The pint unit name of one written unit, or None.

        `short`: also single-letter symbols, as read after a slash ("km/h").
        """
        if written in self.symbols:
            return self.symbols[written]
        if short and written in self.singles:
            return self.singles[written]
        if written[:1].islower() or written[:1] == "µ":
            return self.names.get(written.lower()) if not written.isupper() else None
        return None

    def read(self, written: str) -> str | None:
        """pint's expression for a written unit ("sq m" → "meter ** 2", "km/h" →
        "kilometer / hour", "miles per hour" → "mile / hour"), or None."""
        parts = _RATIO.split(written.strip(), maxsplit=1)
        if len(parts) == 2:
            top, bottom = self._powered(parts[0], True), self._powered(parts[1], True)
            return f"{top} / {bottom}" if top and bottom else None
        return self._powered(parts[0])

    def _powered(self, written: str, short: bool = False) -> str | None:
        words = written.split()
        power = 1
        if len(words) > 1 and words[0].lower() in _POWER_WORDS:
            power, written = _POWER_WORDS[words[0].lower()], " ".join(words[1:])
            short = True
        found = self.lookup(written, short=short)
        if found is None and power == 1 and written[-1:] in _POWER_SUFFIX and len(written) > 1:
            power, found = _POWER_SUFFIX[written[-1]], self.lookup(written[:-1], short=True)
        if found is None:
            return None
        return found if power == 1 else f"{found} ** {power}"


def _plurals(name: str) -> set[str]:
    """A name with its plural on the head word ("mile per hour" → "miles per hour")."""
    words = name.split(" ")
    head = words.index("per") - 1 if "per" in words else len(words) - 1
    word = words[head]
    if word.endswith(("s", "x", "ch", "sh")):
        plural = word + "es"
    elif word.endswith("y") and word[-2:-1] not in "aeiou":
        plural = word[:-1] + "ies"
    else:
        plural = word + "s"
    return {name, " ".join([*words[:head], plural, *words[head + 1:]])}


@lru_cache(maxsize=4)
def registry_forms(not_units: frozenset[str], symbol_prefixes: tuple[str, ...],
                   prefixed_symbols: frozenset[str], min_symbol: int = 2) -> RegistryForms:
    """The written forms of every unit in pint's registry (built once per rule set).

    Names are every unit name and alias of more than three letters, with "_"
    read as a space, their plurals, and every SI prefix name on them and on
    the shorter names ("kilo" + "pascal", "giga" + "bits"); symbols are every
    symbol and short alias of at least `min_symbol` characters, and the prefix
    symbols in `symbol_prefixes` on the symbols in `prefixed_symbols` ("k" +
    "Hz", "m" + "Ah"). Forms in
    `not_units` (ordinary words after a number in news) are left out.
    """
    ureg = registry()
    definitions = {id(d): d for d in ureg._units.values()}.values()  # no public iterator
    prefixes = sorted({p.name for p in ureg._prefixes.values() if p.name})
    names: dict[str, str] = {}
    symbols: dict[str, str] = {}
    singles: dict[str, str] = {}
    for d in sorted(definitions, key=lambda d: d.name):
        canonical_name = d.name
        for alias in (d.name, *d.aliases):
            if not re.fullmatch(r"[a-z]+(?:_[a-z]+)*", alias):
                continue
            short_name = len(alias) <= 3  # "bit", "ton": only with a prefix ("gigabits")
            if short_name and alias != d.name:
                continue
            for form in _plurals(alias.replace("_", " ")):
                if form not in not_units:
                    if not short_name:
                        names.setdefault(form, canonical_name)
                    if " " not in form:
                        for prefix in prefixes:
                            names.setdefault(prefix + form, prefix + canonical_name)
        for symbol in (d.symbol, *(a for a in d.aliases if len(a) <= 3)):
            if not symbol or "_" in symbol:
                continue
            if len(symbol) == 1:
                singles.setdefault(symbol, canonical_name)
            elif len(symbol) >= min_symbol and symbol not in not_units:
                symbols.setdefault(symbol, canonical_name)
    for base in sorted(prefixed_symbols):
        if base not in symbols and base not in singles:
            continue
        for prefix in symbol_prefixes:
            name = ureg.parse_unit_name(prefix + base)
            form = prefix + base
            if name and form not in not_units:
                symbols.setdefault(form, name[0][0] + name[0][1])
    for form in list(names):
        if form in not_units:
            del names[form]
    return RegistryForms(names=names, symbols=symbols, singles=singles)


def unit_kind(unit: str) -> str:
    """"duration" for a unit of time, "measure" for any other pint unit."""
    return "duration" if _pint_dimension(unit) == "[time]" else "measure"
