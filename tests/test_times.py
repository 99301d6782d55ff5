"""Times of day read from text: which clock times are when something happened
and which are a page's own timestamp."""

from __future__ import annotations

from typing import Any

import pytest

from factcheck.extract.times import TimeWords, time_spans

CASES = [
    # (text, the times read, as written)
    ("The shooting happened around 2 a.m. Sunday.", ["around 2 a.m."]),
    ("Crews were called at 6:40 p.m. and left by 9 p.m.", ["6:40 p.m.", "9 p.m."]),
    ("It was reported on Jan. 3, 2017 at 4 p.m. near the park.", ["4 p.m."]),
    ("By: Ann Lee, Channel Desk Updated: Feb 6, 2017 - 3:25 PM", []),
    ("Posted 9:14 AM, March 2, 2017", []),
    ("Last update 3/2/2017 11:05 AM\nThe fire began at 10 a.m.", ["10 a.m."]),
    # A time that is a line by itself heads a live page's update.
    ("The blaze spread fast.\n\n10:15 a.m.\n\nCrews arrived at 9:50 a.m.", ["9:50 a.m."]),
    ("Crews were still there\nshortly after 11 p.m.", ["shortly after 11 p.m."]),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[t[:30] for t, _ in CASES])
def test_times_of_events_not_of_pages(rules: Any, text: str, expected: list[str]) -> None:
    spans = time_spans(text, TimeWords.of(rules))
    assert [text[s["start"]:s["end"]] for s in spans] == expected
