"""Checks across one section's entries that a field's type cannot say (codes
unique and well formed, message templates that render, event classes that
exist), as pydantic validators of ``RuleSet``."""

from __future__ import annotations

import re
import string
from collections.abc import Callable
from typing import Any

from .entries import CheckRule, Condition, EventClass

# What a discrepancy message template may name (filled in by compare.py).
MESSAGE_FIELDS = ("source", "says", "others", "say", "others_say", "subject", "entity", "ratio")
# A message is one line a person reads; a template that pads a value to a
# million characters would write a report of gigabytes.
MAX_MESSAGE_CHARS = 1_000


def check_day_parts(parts: dict[str, list[str]]) -> str | None:
    """Each part is [from, to], both HH:MM."""
    for name, span in parts.items():
        if len(span) != 2 or not all(re.fullmatch(r"([01]?\d|2[0-4]):[0-5]\d", t) for t in span):
            return f"{name}: expected [from, to] as HH:MM, like ['19:00', '05:00']"
    return None


def check_codes(checks: dict[str, CheckRule]) -> str | None:
    names: dict[str, str] = {}
    for code, entry in checks.items():
        if not re.fullmatch(r"[A-Z]{2,}[0-9]{3}", str(code)):
            return f"{code}: a code is letters then three digits, like FC101"
        if entry["name"] in names:
            return f"{code}: name {entry['name']!r} is already used by {names[entry['name']]}"
        names[entry["name"]] = str(code)
        try:
            fields = {f for _, f, _, _ in string.Formatter().parse(entry["message"]) if f}
        except ValueError as exc:
            return f"{code}: message: {exc}"
        unknown = sorted(fields - set(MESSAGE_FIELDS))
        if unknown:
            return (f"{code}: message: unknown placeholder {{{unknown[0]}}}; expected one of "
                    + ", ".join(f"{{{f}}}" for f in MESSAGE_FIELDS))
        problem = _renders(entry["message"])
        if problem:
            return f"{code}: message: {problem}"
    return None


def _renders(template: str) -> str | None:
    """Render a template with sample values (compare.py passes strings), as a
    discrepancy would: a format spec strings do not take fails here, not mid-run."""
    sample = {name: "Sample Outlet 1.5×" for name in MESSAGE_FIELDS}
    specs = [spec for _, _, spec, _ in string.Formatter().parse(template) if spec]
    if any(int(n) > MAX_MESSAGE_CHARS for spec in specs for n in re.findall(r"\d+", spec)):
        return f"renders longer than {MAX_MESSAGE_CHARS:,} characters"
    try:
        text = template.format(**sample)
    except (ValueError, TypeError, KeyError, IndexError, AttributeError) as exc:
        return f"cannot be filled in ({exc})"
    except MemoryError:
        return f"renders longer than {MAX_MESSAGE_CHARS:,} characters"
    if len(text) > MAX_MESSAGE_CHARS:
        return f"renders longer than {MAX_MESSAGE_CHARS:,} characters"
    return None


def check_rates(rates: dict[str, float]) -> str | None:
    for key in rates:
        if not re.fullmatch(r"[A-Z]{3}/[A-Z]{3}", str(key)):
            return f"{key}: a rate is named FROM/TO in ISO 4217 codes, like EUR/GBP"
    return None


def check_events(events: dict[str, EventClass]) -> str | None:
    """`aligns_with` names classes that exist."""
    for name, entry in events.items():
        for key in ("aligns_with", "outcome_of"):
            for other in entry.get(key) or []:  # type: ignore[attr-defined]
                if other not in events:
                    return f"{name}: {key}: no event class {other!r}"
    return None


def check_conditions(conditions: dict[str, Condition]) -> str | None:
    """`agrees` names states that exist."""
    for name, entry in conditions.items():
        for other in entry.get("agrees") or []:
            if other not in conditions:
                return f"{name}: agrees: no state {other!r}"
    return None


def whole(check: Callable[[Any], str | None]) -> Callable[[Any], Any]:
    """A check over a whole section as a validator. Its problem starts with the
    entry's key where it concerns one entry (the loader points at that line)."""
    def validate(value: Any) -> Any:
        problem = check(value)
        if problem:
            raise ValueError(problem)
        return value
    return validate
