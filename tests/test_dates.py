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
