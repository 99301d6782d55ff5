"""A date is the day of its event only where its verb tells of the event:
the day the police spoke, the day a state held, a moment after the event are
other days; "the shooting happened Thursday" is the day of what happened, and
"was arrested Tuesday after he shot himself" puts the shooting on that day or
before."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import polars as pl
import pytest

from factcheck.model import Article
from factcheck.run.pipeline import extract_articles

CASES = [
    # (text, [(date as written, event, qualifier)])
    ("The cyclist was hit by gunfire on Elm Road, officers said Monday.",
     [("Monday", ":said", "exact")]),
    ("Nobody was in custody Thursday morning, detectives said.",
     [("Thursday", ":state", "exact")]),
    ("The driver remained jailed Friday on a bond of $5,000.",
     [("Friday", ":state", "exact")]),
    ("The shopkeeper died Sunday of his wounds.", [("Sunday", ":die", "exact")]),
    ("The shooting happened Wednesday outside a bakery.", [("Wednesday", "shot", "exact")]),
    ("The shooting was Tuesday, the sheriff's office said.", [("Tuesday", "shot", "exact")]),
    ("A cook was arrested Tuesday after he shot a customer.",
     [("Tuesday", "shot", "at_most")]),
    ("Two men were shot Sunday near the depot.", [("Sunday", "shot", "exact")]),
    ("A farmer was shot Friday after he wounded a hunter.", [("Friday", "shot", "exact")]),
    ("She was the third teen shot since Friday.", [("Friday", ":since", "exact")]),
    ("Detectives made an arrest in the March 2 shooting of a clerk.",
     [("March 2", "shot", "exact")]),
    ("The shooting was reported Monday near a school.", [("Monday", "shot", "exact")]),
    # "Fired" the way an employer fires is no shot; an "after" clause dates
    # only the harm (rules `after_events`).
    ("The guard was dismissed Monday after shots were fired.",
     [("Monday", "", "exact")]),
    # An embedded post's date is when it was written; a parse that runs past
    # a blank line reads no frame.
    ("A clip of the call — Jo Reyes (@joreyes) June 3, 2024\n\nTwo men were shot.",
     [("June 3, 2024", ":posted", "exact")]),
    ("A school bus wreck killed four people and injured dozens from a Georgia marching "
     "band and closed the US-19 bypass in Macon Count…\n\nPipe bomb explodes near a "
     "parade in Ohio, no injuries Police say a pipe bomb exploded in a metal trash can "
     "Sunday morning in Lake Park.", [("Sunday", "", "exact")]),
    # A plan's day is of what the plan is of (rules `plan_events`): its verb
    # with its particle, or the noun it is said of; of no class, ":planned".
    ("Cleaners at the depot will walk out on Tuesday over unpaid overtime.",
     [("Tuesday", "plan:strike", "exact")]),
    ("A candlelight vigil will be held Sunday outside the chapel.",
     [("Sunday", "plan:vigil", "exact")]),
    ("The accused is expected to appear in court Monday.",
     [("Monday", "plan:hearing", "exact")]),
    ("Friends of the family will gather Saturday at the lake.",
     [("Saturday", ":planned", "exact")]),
]


def _dates(rules: Any, text: str) -> pl.DataFrame:
    """The date facts of `text` in an article of Friday, 8 March 2024."""
    article = Article(id="a", path="a", source="s", title="",
                      published=datetime(2024, 3, 8, 12, tzinfo=UTC), url="", story="s",
                      text=text)
    facts = extract_articles([article], rules)
    return facts.filter(facts["kind"] == "date")


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[t[:30] for t, _ in CASES])
def test_the_day_a_date_names(rules: Any, text: str, expected: list) -> None:
    dates = _dates(rules, text)
    got = list(zip(dates["text"].to_list(), dates["event"].to_list(),
                   dates["qualifier"].to_list(), strict=True))
    assert len(got) == len(expected)
    for (text_, event, qual), (want_text, want_event, want_qual) in zip(got, expected,
                                                                        strict=True):
        assert text_ == want_text
        assert qual == want_qual
        if want_event.startswith(":"):
            assert (event or "").endswith(want_event)
        else:
            assert (event or "") == want_event


def test_a_plans_day_is_the_next_one(rules: Any) -> None:
    """A weekday or a day of a month without its year is read as the last
    one before publication; a plan's is the next one ("will strike Tuesday"
    in Friday's paper is four days ahead, "from 2 March" next year's)."""
    text = ("A porter was shot Tuesday near the docks. Dock workers will strike "
            "Tuesday and will walk out again from 2 March, their union said.")
    dates = _dates(rules, text)
    got = [(t, e, datetime.fromtimestamp(v * 86400, UTC).date().isoformat())
           for t, e, v in dates.select("text", "event", "value").rows()]
    assert got == [("Tuesday", "shot", "2024-03-05"), ("Tuesday", "plan:strike", "2024-03-12"),
                   ("2 March", "plan:strike", "2025-03-02")]
