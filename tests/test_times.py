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
    ("UPDATE 10:20 a.m.: The road has reopened after the crash at 7:45 a.m.",
     ["7:45 a.m."]),
    # British and 24-hour clocks; a two-digit hour that could be either is left.
    ("The ferry sailed at 7.15pm and docked at 9.05pm on Monday.", ["7.15pm", "9.05pm"]),
    ("The launch window opened at 06:42 and the stage fired at 18:05.", ["06:42", "18:05"]),
    ("The polls closed 21:00 GMT.", ["21:00"]),
    ("Watch the harbour report | 19:39 Crews worked through the night.", []),
    ("The talks resumed at 10:30 on Friday.", []),
    ("She ran 2:03:45 and the final was 2-1; a 6.50m wall stood by.", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[t[:30] for t, _ in CASES])
def test_times_of_events_not_of_pages(rules: Any, text: str, expected: list[str]) -> None:
    spans = time_spans(text, TimeWords.of(rules))
    assert [text[s["start"]:s["end"]] for s in spans] == expected
