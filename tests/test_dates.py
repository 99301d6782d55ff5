"""Dates read against a fixed base (dates._read) mean what dateparser reads
against the article's own `published`: the shortcut must never change a date."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from factcheck.extract import dates
from factcheck.extract.number_patterns import patterns

WORDINGS = ["Tuesday", "last Friday", "next Monday", "this Sunday", "yesterday", "today",
            "Sept. 2, 2016", "29 February 2024", "March 2011", "2019-07-04", "Oct. 3"]


@pytest.mark.parametrize("wording", WORDINGS)
def test_a_date_read_once_is_the_date_read_against_each_base(rules: Any, wording: str) -> None:
    match = patterns(rules).date.search(f"It happened {wording}.")
    assert match is not None and match.group(0) == wording
    # Three weeks over a leap day and three over a new year: every weekday of
    # the base, and the month and year changing under the answer.
    days = [datetime(2024, 2, 15, 9, tzinfo=UTC) + timedelta(days=n) for n in range(21)]
    days += [datetime(2025, 12, 20, 23, tzinfo=UTC) + timedelta(days=n) for n in range(21)]
    for published in days:
        base = published.astimezone(UTC).replace(tzinfo=None, hour=12)
        direct = dates._parse(wording, base)
        assert direct is not None
        expected = dates.days(direct)
        if (match.group("wd") and wording.split()[0] == wording
                and (base.date() - direct).days == 7):
            expected += 7  # the publication's own weekday is that day
        value, _, _ = dates.resolve(match, published)
        assert value == expected, (wording, published)


# Dates with a year, every way the date pattern takes them, days a month has
# and days it has not, ordinals right and wrong: the day and year are put into
# the wording's month as dateparser reads it, and must give dateparser's date.
WITH_YEAR = ["Sept. 2, 2016", "Sep 30, 2016", "Sept. 31, 2016", "February 29, 2024",
             "February 29, 2023", "Feb. 28th, 2023", "Jan. 1st, 1999", "Jan. 1th, 1999",
             "December 22nd 2010", "DEC 25, 2015", "3 March 2011", "03 March 2011",
             "21st June, 1966", "0 June 2016", "32 May 2016", "June 5,2016", "may 5, 2016",
             "May 2009", "Nov., 2013", "Aug. 1066", "Oct. 12, 2999", "April 31, 2017"]


@pytest.mark.parametrize("wording", WITH_YEAR)
def test_a_date_with_its_year_is_the_date_dateparser_reads(wording: str) -> None:
    assert dates._with_year(wording) == dates._parse(wording, dates._MONDAY)


@pytest.mark.parametrize(("wording", "published", "expected"), [
    # A day and month without a year: the one nearest the article's day.
    ("22 September", datetime(2026, 9, 10, 9, tzinfo=UTC), "2026-09-22"),
    ("Sept. 2", datetime(2026, 9, 10, 9, tzinfo=UTC), "2026-09-02"),
    ("Dec. 30", datetime(2027, 1, 3, 9, tzinfo=UTC), "2026-12-30"),
    ("March 3", datetime(2026, 8, 1, 9, tzinfo=UTC), "2026-03-03"),
    # A year written, however short, is kept.
    ("09/01/94", datetime(2017, 4, 3, 9, tzinfo=UTC), "1994-09-01"),
    ("Sept. 22, 2025", datetime(2026, 9, 10, 9, tzinfo=UTC), "2025-09-22"),
])
def test_a_date_without_its_year_is_the_nearest(rules: Any, wording: str, published: datetime,
                                                expected: str) -> None:
    match = patterns(rules).date.search(f"It happens {wording}.")
    assert match is not None and match.group(0) == wording
    value, _, _ = dates.resolve(match, published)
    assert (dates._EPOCH + timedelta(days=value)).isoformat() == expected
