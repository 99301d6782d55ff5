"""The words every stage shares, typed once: kinds of fact, qualifiers,
severities, statuses, triage states and output formats.

Each is a ``StrEnum``: a member is its string (``Severity.ERROR == "error"``),
so rows, JSON and Polars columns keep plain strings while code and mypy see
one closed list. Extend a list here, document it, never rename a value
(reports, triage files and stores keep them).
"""

from __future__ import annotations

from enum import StrEnum


class Kind(StrEnum):
    """What a fact is (the facts table's `kind`)."""

    MONEY = "money"
    COUNT = "count"
    DURATION = "duration"
    PERCENT = "percent"
    DATE = "date"
    TIME = "time"
    MEASURE = "measure"
    RATE = "rate"
    AGE = "age"
    ATTRIBUTE = "attribute"
    PERSON = "person"


class Qualifier(StrEnum):
    """How exactly the wording gives a number (the facts table's `qualifier`)."""

    EXACT = "exact"
    ABOUT = "about"
    MORE_THAN = "more_than"
    AT_LEAST = "at_least"
    LESS_THAN = "less_than"
    AT_MOST = "at_most"
    RANGE = "range"
    VAGUE = "vague"


class UnitKind(StrEnum):
    """The kinds a unit word in the rules may give a figure."""

    MEASURE = "measure"
    DURATION = "duration"
    PERCENT = "percent"
    AGE = "age"


class Severity(StrEnum):
    """A discrepancy's level, most severe first."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


# Most severe first: a lower number is more severe.
SEVERITY_ORDER: dict[str, int] = {s.value: i for i, s in enumerate(Severity)}
