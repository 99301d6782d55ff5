"""The documented schema of rule files: which sections exist and their shape.

A spec is one of:
- ``"str"``, ``"int"``, ``"float"`` (any number), ``"bool"``, ``"any"``;
- a tuple of allowed values (an enumeration);
- ``[spec]``: a list of that;
- ``{"*": spec}``: a mapping from any name to spec;
- ``{"key": spec, "other?": spec}``: a record; ``?`` marks an optional key.

Each section is either a ``map`` (name → entry; files merge by name) or a
``list`` of entries (files concatenate). ``docs/rules.md`` describes each
section for users; keep the two together.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Spec:
    many: str  # "map" | "list"
    entry: Any
    doc: str
    validate: Callable[[Any], str | None] | None = None


SECTIONS: dict[str, Spec] = {
    "ignore": Spec(
        "list",
        {"article?": "str", "subject?": "str", "rule?": "str", "text?": "str", "why?": "str"},
        "Discrepancies or facts to leave out: by article id glob, subject, rule code or text.",
    ),
}
