"""The check registry: one module a rule code, found by its file name.

A check module is named `fc<digits>_<name>.py` after its code and its name
in the catalogue (`fc101_numeric_mismatch.py` for FC101 numeric-mismatch)
and defines `CHECK`, a `Check` with its logic. What a user reads and may
change (name, severity, message template, the `rules explain` docs) stays
data in rules/checks.yaml; the module holds how the check decides.

Families, and who asks them:
- `time` and `numeric`: compare.relation reads two aligned facts as a
  `numeric_pair.Pair` and asks the family's checks in `order`; the first
  that answers names the finding. A check marked `apart` is only asked
  when the two intervals do not meet.
- `attribute`: compare.attr_relation asks the check for the fact's
  `attribute` (role, speaker, …) once two values differ in words.
- `people` and `places`: crosscheck/people.py decides these while it links
  people, crosscheck/places.py while it gathers streets into places; their
  modules register the code and say where the logic is.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

FAMILIES = ("time", "numeric", "attribute", "people", "places")
_MODULE = re.compile(r"fc\d{3}_[a-z0-9_]+")


@dataclass(frozen=True)
class Check:
    code: str
    family: str
    # Returns the finding's detail when the check fires, None when it does not.
    test: Callable[[Any], str | None] | None = None
    order: int = 0
    status: str = "conflict"
    apart: bool = False  # asked only when the facts' intervals do not meet
    attribute: str | None = None  # the attribute an `attribute` check compares


@dataclass(frozen=True)
class AttributePair:
    """Attribute fact f read against g, with the values as compared (`a`, `b`)."""
    f: dict[str, Any]
    g: dict[str, Any]
    rules: Any
    a: str
    b: str


@cache
def registry() -> dict[str, Check]:
    """Every check module's CHECK by code, in code order."""
    found: dict[str, Check] = {}
    for info in pkgutil.iter_modules(__path__):
        if not _MODULE.fullmatch(info.name):
            continue
        check = importlib.import_module(f"{__name__}.{info.name}").CHECK
        if not info.name.startswith(check.code.lower() + "_") or check.family not in FAMILIES:
            raise RuntimeError(f"check module {info.name}: code {check.code} or family "
                               f"{check.family!r} does not fit")
        found[check.code] = check
    return dict(sorted(found.items()))


@cache
def family(name: str) -> tuple[Check, ...]:
    """The checks of one family in the order they are asked."""
    return tuple(sorted((c for c in registry().values() if c.family == name),
                        key=lambda c: (c.order, c.code)))


@cache
def said_more_fully(a: str, b: str) -> bool:
    """One name is the other with words added: 'Dayton' and 'Dayton police',
    'Brookfield' and 'Brookfield Township', 'Herbert' and 'Herbert Harr'. An
    outlet that names a body or person less fully names the same one."""
    wa, wb = _name_words(a), _name_words(b)
    return bool(wa) and bool(wb) and (wa <= wb or wb <= wa)


def _name_words(name: str) -> set[str]:
    return {w.removesuffix("'s").removesuffix("’s")
            for w in re.findall(r"[^\W_][\w'’.-]*", name.casefold())}


def for_attribute(attribute: str | None) -> Check | None:
    return next((c for c in family("attribute") if c.attribute == attribute), None)


def module_names() -> dict[str, str]:
    """Code → the module's name part (`numeric_mismatch`), for the catalogue test."""
    return {code: name.split("_", 1)[1] for code, name in
            ((info.name[:5].upper(), info.name) for info in pkgutil.iter_modules(__path__)
             if _MODULE.fullmatch(info.name))}
