"""Date facts: resolving a written date against the article's `published` time.

A date is stored as numbers so the cross-check compares it like any other
fact: ``unit = "day"``, ``value`` = days since 1970-01-01 (UTC) of its first
day, ``low``/``high`` = its first and last day ("February 2025" spans the
month, "in 2019" the year). dateparser reads the wording (weekdays and
"yesterday" relative to `published`, preferring the past as news does).
"""

from __future__ import annotations

import calendar
import math
import re
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from typing import Any

_EPOCH = date(1970, 1, 1)


def days(d: date) -> float:
    return float((d - _EPOCH).days)


@lru_cache(maxsize=4096)
def _parse(text: str, base: datetime) -> date | None:
    import dateparser

    found = dateparser.parse(
        text,
        languages=["en"],
        settings={
            "RELATIVE_BASE": base,
            "PREFER_DATES_FROM": "past",
            "PREFER_DAY_OF_MONTH": "first",
            "RETURN_AS_TIMEZONE_AWARE": False,
            "DATE_ORDER": "MDY" if "/" in text else "DMY",
        },
    )
    return found.date() if found is not None else None


# A noon on a Monday: the base dateparser reads a date against when the
# article's own base does not change the answer (see _read).
_MONDAY = datetime(2001, 1, 1, 12)


def _read(text: str, base: datetime, match: Any) -> date | None:
    """`_parse(text, base)`, asked far less often: dateparser takes ~1 ms a
    call, and nearly every article has its own `published`. A weekday or a
    relative day ("last Thursday", "yesterday") lies the same number of days
    from any base of the same weekday, and a date with its year lies nowhere
    else whatever the base, so those are read against a fixed base once.
    (Checked against reading each with its own base: every date of gva_dev's
    1,200 articles, and the weekdays against every day from 2010 to 2026.)"""
    if match.group("wd") or match.group("rel"):
        days_from = _days_from_base(text, base.weekday())
        return None if days_from is None else base.date() + timedelta(days=days_from)
    if match.group("y1") or match.group("y2") or match.group("my") or match.group("iso"):
        return _with_year(text)
    return _parse(text, base)


_NUMBERS = re.compile(r"\d+")
_ORDINAL_DAY = {"st": 1, "nd": 2, "rd": 3, "th": 4}


def _with_year(text: str) -> date | None:
    """`_parse(text, _MONDAY)` for a date with its year ("Sept. 2, 2016",
    "2nd September 2016", "May 2009"), dateparser asked once per wording of
    the month rather than once per date: each wording, with the day and the
    year taken out, is read once with a day and year of our own, which tells
    its month. A wording that does not read back as that day and year, or a
    day the month does not have, goes to dateparser as before. (Checked
    against dateparser on every dated wording of gva_dev and on each month
    word of rules/dates.yaml, written every way the date pattern takes, for
    every day 1-31 of eight years.)"""
    numbers = _NUMBERS.findall(text)
    if not 1 <= len(numbers) <= 2 or len(numbers[-1]) != 4 or len(numbers) == 2 and (
            len(numbers[0]) > 2 or text.index(numbers[0]) > text.index(numbers[-1])):
        return _parse(text, _MONDAY)
    shape = _NUMBERS.sub("#", text)
    month = _month_of(shape)
    if month is None:
        return _parse(text, _MONDAY)
    try:
        return date(int(numbers[-1]), month, int(numbers[0]) if len(numbers) == 2 else 1)
    except ValueError:
        return _parse(text, _MONDAY)


@lru_cache(maxsize=256)
def _month_of(shape: str) -> int | None:
    """The month a date's wording names, `shape` being the wording with "#"
    for its day and year, or None when dateparser does not read it back."""
    after = re.search(r"#(st|nd|rd|th)", shape)
    day = _ORDINAL_DAY[after.group(1)] if after else 1
    slots = shape.count("#")
    written = shape.replace("#", str(day), 1).replace("#", "2001") if slots == 2 \
        else shape.replace("#", "2001")
    found = _parse(written, _MONDAY)
    if found is None or found.year != 2001 or found.day != (day if slots == 2 else 1):
        return None
    return found.month


@lru_cache(maxsize=1024)
def _days_from_base(text: str, weekday: int) -> int | None:
    base = _MONDAY + timedelta(days=weekday)
    found = _parse(text, base)
    return None if found is None else (found - base.date()).days


def prepare() -> None:
    """dateparser's first reading builds its language and time-zone tables
    (~0.2 s): done once here, before worker processes are forked."""
    _parse("1 January 2001", _MONDAY)


_HALF_YEAR = 182


def _says_year(match: Any) -> bool:
    """Whether the date pattern's match writes its year ("Sept. 2, 2016",
    "09/01/94", "May 2009", "2016-09-02"): the pattern's groups say so."""
    return any(match.group(g) for g in ("y1", "y2", "num", "my", "iso"))


def resolve(match: Any, published: datetime | None) -> tuple[float, float, float] | None:
    """(value, low, high) in days for a match of the date pattern, or None."""
    base = (published.astimezone(UTC).replace(tzinfo=None)
            if published is not None else datetime(2000, 1, 1))
    base = base.replace(hour=12, minute=0, second=0, microsecond=0)
    text = match.group(0)[len(match.group("wdp") or ""):]
    if match.group("wd") or match.group("rel"):
        if published is None:
            return None  # "Wednesday" means nothing without a publication date
    found = _read(text.replace(" of ", " "), base, match)
    if found is None:
        return None
    wd = match.group("wd") or ""
    if wd and wd.split()[0].casefold() == wd.casefold() and (base.date() - found).days == 7:
        # The publication's own weekday is that day ("police said Wednesday" in
        # Wednesday's paper); dateparser, preferring the past, goes a week back.
        found = base.date()
    if not (wd or match.group("rel") or _says_year(match)) \
            and (base.date() - found).days > _HALF_YEAR:
        # A day and month without a year is the one nearest the article's day:
        # news looks back, so dateparser prefers the past, but "will walk out
        # from 22 September" in a paper of 10 September is twelve days ahead,
        # not a year back.
        try:
            found = found.replace(year=found.year + 1)
        except ValueError:  # 29 February
            pass
    if match.group("my"):
        last = calendar.monthrange(found.year, found.month)[1]
        start, end = found.replace(day=1), found.replace(day=last)
        return days(start), days(start), days(end)
    return days(found), days(found), days(found)


def ahead(match: Any, published: datetime | None, value: float) -> float:
    """Days from `value` to the next such day on or after `published`, for a
    plan's date ("will strike Friday", "will walk out from 14 October"): a
    weekday or a day of a month without its year is read as the last one
    (dateparser prefers the past), a plan's is the next one. 0 when the
    date says its year or is no earlier than `published`."""
    wd = (match.group("wd") or "").split()
    if published is None or match.group("rel") or _says_year(match) \
            or wd[:1] and wd[0].casefold() == "last":
        return 0.0
    pub = days(published.astimezone(UTC).date())
    if value >= pub:
        return 0.0
    if match.group("wd"):
        return 7.0 * math.ceil((pub - value) / 7)
    # `resolve` read it as the nearest such day, so the next is a year on.
    found = _EPOCH + timedelta(days=int(value))
    try:
        return days(found.replace(year=found.year + 1)) - value
    except ValueError:  # 29 February
        return 0.0


def year_interval(year: int) -> tuple[float, float, float]:
    start, end = date(year, 1, 1), date(year, 12, 31)
    return days(start), days(start), days(end)
