"""How values read to a person: numbers, intervals, dates, times, units.

One place for every surface (the text and Markdown reports, `extract`'s
table, the review app), so a date fact reads `2016-09-07` everywhere and an
age `30 years`, never `20,131 day`.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timedelta
from typing import Any

EPOCH = date(1970, 1, 1)
# Units that read better in the plural ("3 years"); counted nouns are lemmas
# from the text and are left as written.
TIME_UNITS = {"second", "minute", "hour", "day", "week", "month", "year", "decade", "century"}


def format_number(value: float | None) -> str:
    if value is None:
        return "?"
    if value == int(value) and abs(value) < 1e15:
        return f"{int(value):,}"
    return f"{value:,.4g}"


def format_interval(low: float | None, high: float | None,
                    show=format_number) -> str:
    """The interval a wording allows, open ends shown as ∞."""
    if low is None and high is None:
        return ""
    left = "(-∞" if low is None else f"[{show(low)}"
    right = "∞)" if high is None else f"{show(high)}]"
    return f"{left}, {right}"


def day(value: float | None) -> str:
    """A date fact's value (days since 1970-01-01) as an ISO date."""
    if value is None:
        return "?"
    try:
        return (EPOCH + timedelta(days=int(value // 1))).isoformat()
    except OverflowError:
        return format_number(value)


def with_unit(value: float | None, unit: str | None) -> str:
    n = format_number(value)
    if not unit:
        return n
    if unit in TIME_UNITS and value != 1:
        return f"{n} {unit}s"
    return f"{n} {unit}"


def fact_value(fact: dict[str, Any]) -> str:
    """A fact's normalized value with its unit, rate period and interval."""
    if fact.get("kind") == "attribute":
        scope = f" ({fact['attribute_scope']})" if fact.get("attribute_scope") else ""
        return (f"{fact.get('entity') or '?'} · {fact.get('attribute') or '?'} = "
                f"{fact.get('attribute_value') or '?'}{scope}")
    if fact.get("kind") == "date":
        low, high = fact.get("low"), fact.get("high")
        shown = day(fact.get("value"))
        if low is not None and high is not None and (day(low), day(high)) != (shown, shown):
            shown += f"  {format_interval(low, high, day)}"
        return shown
    per = f" per {fact['per']}" if fact.get("per") else ""
    interval = format_interval(fact.get("low"), fact.get("high"))
    return (f"{with_unit(fact.get('value'), fact.get('unit'))}{per}  "
            f"{fact.get('qualifier') or ''}  {interval}").rstrip()


def when(moment: datetime | None, empty: str = "undated") -> str:
    """A publication time as a person reads it. A date given without a time
    (read as midnight UTC) stays a date: real feeds give `2016-09-02`, and
    `2016-09-02 00:00 UTC` would claim a time nobody wrote."""
    if moment is None:
        return empty
    if (moment.hour, moment.minute, moment.second, moment.microsecond) == (0, 0, 0, 0):
        return moment.strftime("%Y-%m-%d")
    return moment.strftime("%Y-%m-%d %H:%M UTC")


# What the people matrix shows of a person in each article, after the name.
PERSON_FIELDS = ("age", "role", "condition")


def age_text(years: float | None) -> str:
    """An age in years as a person writes it: `52`, `9 months` for a baby."""
    if years is None:
        return ""
    if years < 2 and not float(years).is_integer():
        months = round(years * 12)
        return f"{months} month{'s' if months != 1 else ''}"
    return format_number(years)


def person_title(names: list[str], person: str) -> str:
    """What a person of the people matrix is called: the longest name an
    article writes, before a description of someone unnamed ("the 64-year-old
    man", the people table's name where an article gives none). Among names as
    full, the spelling most articles use: "Eliot Isaac" in five and "Elliot
    Isaac" in one is Eliot, though one letter longer is the other."""
    return max(names, key=lambda n: (not n.startswith("the "), len(n.split()), names.count(n),
                                     len(n), n)) if names else person


def person_parts(row: dict[str, Any]) -> list[tuple[str, str]]:
    """(field, text) of what one article says of a person: the name as written,
    then age, role and condition where given."""
    parts = [("name", row.get("name") or "?")]
    if row.get("age") is not None:
        parts.append(("age", f"age {age_text(row['age'])}"))
    parts += [(f, str(row[f])) for f in ("role", "condition") if row.get(f)]
    return parts


def reported_fields(found: Iterable[tuple[str, Iterable[str]]]) -> set[tuple[str, str]]:
    """(fact id, field) for each fact a finding cites about one of a person's
    matrix fields, from `(subject, fact_ids)` of the findings: the people and
    role checks name the field last in their subject ("Ada Brook · age")."""
    out: set[tuple[str, str]] = set()
    for subject, fact_ids in found:
        field = subject.rsplit(" · ", 1)[-1] if " · " in subject else ""
        if field in PERSON_FIELDS:
            out |= {(i, field) for i in fact_ids or ()}
    return out


def odd_fields(cells: dict[str, dict[str, Any]],
               reported: set[tuple[str, str]]) -> set[tuple[str, str]]:
    """(article, field) where one article stands apart from the others that
    give that field: its value is rarer than the most common one, and a finding
    says so. Words alone are not enough: "Chief" and "Police Chief", "serious"
    and "stable" differ as strings but no check finds them apart, and a mark
    the findings list does not back would send an editor after nothing."""
    odd: set[tuple[str, str]] = set()
    for field in PERSON_FIELDS:
        values = {a: c.get(field) for a, c in cells.items() if c.get(field) not in (None, "")}
        tally: dict[Any, int] = {}
        for v in values.values():
            tally[v] = tally.get(v, 0) + 1
        if len(tally) > 1:
            top = max(tally.values())
            odd |= {(a, field) for a, v in values.items() if tally[v] < top and any(
                (i, field) in reported for i in cells[a].get("fact_ids") or ())}
    return odd
