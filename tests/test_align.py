"""Alignment: which facts in different articles are the same fact."""

from __future__ import annotations

import polars as pl
import pytest

from factcheck.crosscheck.align import align
from tests.cross_support import fact, frame


def groups_of(facts: pl.DataFrame, rules) -> list[set[str]]:
    """Aligned groups as sets of fact texts tagged with their article."""
    g = align(facts, rules).join(facts.select("fact_id", "article", "text"), on="fact_id")
    out = []
    for _, part in g.group_by("group", maintain_order=True):
        out.append({f"{a}:{t}" for a, t in part.select("article", "text").rows()})
    return out


PACKAGE_AND_PLEDGE = [
    fact("a", "Britain will send a fresh £150m package of military equipment.", "£150m",
         "money", 150e6, "GBP", subject="package", at=0),
    fact("a", "It is part of the £3bn the UK gives every year.", "£3bn", "money", 3e9, "GBP",
         per="year", at=100),
    fact("b", "Healey announced a new package of £150 million worth of equipment.",
         "£150 million", "money", 150e6, "GBP", subject="package", at=0),
    fact("b", "The UK's annual pledge of £3 billion continues.", "£3 billion", "money", 3e9,
         "GBP", per="year", subject="annual pledge", at=100),
]

CASES = [
    pytest.param(PACKAGE_AND_PLEDGE,
                 [{"a:£150m", "b:£150 million"}, {"a:£3bn", "b:£3 billion"}],
                 id="same-unit-different-facts-stay-apart"),
    pytest.param([
        fact("a", "A meeting of over 50 defence allies was held.", "over 50 defence allies",
             "count", 50, "defence ally", qualifier="more_than", high=75, subject="defence ally"),
        fact("b", "Nearly 40 allied countries met in Brussels.", "Nearly 40 allied countries",
             "count", 40, "allied country", qualifier="about", low=36, high=40,
             subject="allied country"),
    ], [{"a:over 50 defence allies", "b:Nearly 40 allied countries"}],
        id="synonyms-ally-country"),
    pytest.param([
        fact("a", "Labour won 411 seats on the night.", "411 seats", "count", 411, "seat",
             subject="seat", at=0),
        fact("a", "The Commons has 650 seats in all.", "650 seats", "count", 650, "seat",
             subject="seat", at=100),
        fact("b", "The House has 650 seats in all, the clerk said.", "650 seats", "count", 650,
             "seat", subject="seat", at=0),
        fact("b", "Labour won 412 seats on the night, a record.", "412 seats", "count", 412,
             "seat", subject="seat", at=100),
    ], [{"a:411 seats", "b:412 seats"}, {"a:650 seats", "b:650 seats"}],
        id="seats-won-not-seats-in-parliament"),
    pytest.param([
        fact("a", "The Alliance won 326 seats in the vote.", "326 seats", "count", 326, "seat",
             subject="seat"),
        fact("b", "The Alliance won 326 seats in the election.", "326 seats", "count", 326,
             "seat", subject="seat"),
        fact("c", "The Alliance won 236 seats in the vote.", "236 seats", "count", 236, "seat",
             subject="seat"),
        fact("d", "The Alliance won 326 of the 650 seats in the vote.", "326", "count", 326),
        fact("d", "The Alliance won 326 of the 650 seats in the vote.", "650 seats", "count",
             650, "seat", subject="seat"),
    ], [{"a:326 seats", "b:326 seats", "c:236 seats"}], id="no-chaining-through-one-pair"),
    pytest.param([
        fact("a", "The march covered 12 km through the city.", "12 km", "measure", 12,
             "kilometer", subject="march"),
        fact("b", "The march covered 7.5 miles through the city.", "7.5 miles", "measure", 7.5,
             "mile", subject="march"),
    ], [{"a:12 km", "b:7.5 miles"}], id="km-and-miles-align"),
    pytest.param([
        fact("a", "Officials said 12 people died.", "12 people", "count", 12, "person",
             story="s1"),
        fact("b", "Officials said 12 people died.", "12 people", "count", 12, "person",
             story="s2"),
    ], [], id="different-stories-never-align"),
    pytest.param([
        fact("a", "The fund holds £40m for schools.", "£40m", "money", 40e6, "GBP",
             subject="school"),
        fact("b", "The fund holds 40 million euros for schools.", "40 million euros", "money",
             40e6, "EUR", subject="school"),
    ], [{"a:£40m", "b:40 million euros"}], id="currencies-align-for-not-comparable"),
    pytest.param([
        fact("a", "The 16-year-old was taken to hospital.", "16-year-old", "age", 16, "year",
             subject="boy"),
        fact("b", "An 18-year-old was arrested at the scene.", "18-year-old", "age", 18,
             "year", subject="suspect"),
    ], [], id="ages-of-different-people-stay-apart"),
    pytest.param([
        fact("a", "Police said a man was shot.", "Police said a man was shot", "attribute",
             entity="Police", attribute="speaker", value_text="a man was shot"),
        fact("b", "Officers said a man was shot in the leg outside the bar after midnight.",
             "Officers said a man was shot in the leg outside the bar after midnight",
             "attribute", entity="Officers", attribute="speaker",
             value_text="a man was shot in the leg outside the bar after midnight"),
    ], [], id="short-statement-inside-a-long-one-is-not-the-same"),
    pytest.param([
        fact("a", "Defence Secretary John Healey spoke.", "Defence Secretary John Healey",
             "attribute", entity="John Healey", attribute="role", value_text="Defence Secretary"),
        fact("b", "Foreign Secretary Healey spoke.", "Foreign Secretary Healey", "attribute",
             entity="Healey", attribute="role", value_text="Foreign Secretary"),
    ], [{"a:Defence Secretary John Healey", "b:Foreign Secretary Healey"}],
        id="surname-joins-full-name"),
    pytest.param([
        fact("a", "Healey warned that Russia is not preparing for peace.",
             "Healey warned that Russia is not preparing for peace", "attribute",
             entity="John Healey", attribute="speaker",
             value_text="russia is not preparing for peace"),
        fact("b", "Zelenskyy warned Russia was not preparing for peace at all.",
             "Zelenskyy warned Russia was not preparing for peace at all", "attribute",
             entity="Volodymyr Zelenskyy", attribute="speaker",
             value_text="russia was not preparing for peace at all"),
        fact("b", "Zelenskyy also said the talks would take months.",
             "Zelenskyy also said the talks would take months", "attribute",
             entity="Volodymyr Zelenskyy", attribute="speaker",
             value_text="the talks would take months", at=100),
    ], [{"a:Healey warned that Russia is not preparing for peace",
         "b:Zelenskyy warned Russia was not preparing for peace at all"}],
        id="same-statement-different-speakers"),
    pytest.param([
        fact("a", "Two other hikers were hurt in the fall.", "Two other hikers", "count", 2,
             "hiker", subject="other hiker"),
        fact("b", "Three hikers were hurt in the fall.", "Three hikers", "count", 3, "hiker",
             subject="hiker"),
    ], [], id="part-of-a-count-not-the-whole"),
    pytest.param([
        fact("a", "Two other hikers were hurt in the fall.", "Two other hikers", "count", 2,
             "hiker", subject="other hiker"),
        fact("b", "Rangers said two other hikers were hurt.", "two other hikers", "count", 2,
             "hiker", subject="other hiker"),
    ], [], id="parts-of-two-tellings-do-not-align"),
    pytest.param([
        fact("a", "The player was booked four times this season.", "four times", "count", 4,
             "time", subject="book time"),
        fact("b", "The player was fined six times this season.", "six times", "count", 6,
             "time", subject="fine time"),
    ], [], id="repetitions-of-other-acts-stay-apart"),
    pytest.param([
        fact("a", "The player was booked four times this season.", "four times", "count", 4,
             "time", subject="book time"),
        fact("b", "The player has been booked five times this season.", "five times", "count",
             5, "time", subject="book time"),
    ], [{"a:four times", "b:five times"}], id="repetitions-of-one-act-align"),
    pytest.param([
        fact("a", "The ferry sank three weeks ago.", "three weeks", "duration", 3, "week",
             subject="ago"),
        fact("b", "The ferry sank two weeks after the storm.", "two weeks", "duration", 2,
             "week", subject="after"),
    ], [], id="time-offsets-do-not-align"),
    pytest.param([
        fact("a", "The ferry service ran for three weeks.", "three weeks", "duration", 3,
             "week", subject="service"),
        fact("b", "The ferry service ran for two weeks.", "two weeks", "duration", 2, "week",
             subject="service"),
    ], [{"a:three weeks", "b:two weeks"}], id="spans-of-time-align"),
    pytest.param([
        fact("a", "The strike has lasted three weeks.", "three weeks", "duration", 3, "week"),
        fact("b", "The strike has lasted two weeks.", "two weeks", "duration", 2, "week"),
    ], [{"a:three weeks", "b:two weeks"}], id="spans-of-time-without-subject-align"),
]


@pytest.mark.parametrize(("rows", "expected"), CASES)
def test_alignment(rules, rows, expected):
    got = groups_of(frame(*rows), rules)
    assert sorted(map(sorted, got)) == sorted(map(sorted, expected))


def test_one_fact_per_article_per_group(rules):
    rows = [
        fact("a", "It will deliver 10,000 drones this year.", "10,000 drones", "count", 10000,
             "drone", subject="drone", at=0),
        fact("a", "Of the 10,000 drones, half are built in Britain.", "10,000 drones", "count",
             10000, "drone", subject="drone", at=100),
        fact("b", "It will deliver 10,000 drones within the year.", "10,000 drones", "count",
             10000, "drone", subject="drone"),
    ]
    g = align(frame(*rows), rules).join(frame(*rows).select("fact_id", "article"), on="fact_id")
    assert g.group_by("group", "article").len()["len"].max() == 1
    assert g["group"].n_unique() == 1 and len(g) == 2


def test_groups_do_not_depend_on_row_order(rules):
    facts = frame(*PACKAGE_AND_PLEDGE)
    forward = align(facts, rules).sort("fact_id")
    backward = align(facts.reverse(), rules).sort("fact_id")
    assert forward.equals(backward)


def _status(article: str, sentence: str, text: str, event: str, value: float,
            hours: float) -> dict:
    row = fact(article, sentence, text, "count", value, "person", hours=hours,
               qualifier="exact" if value == 0 else "at_least")
    row.update(event=event, high=None if value else 0.0)
    return row



@pytest.mark.parametrize(("zeros_at", "status_at", "one_group"), [
    pytest.param(0, 48, True, id="zeros-then-a-charge-move-on"),
    # Told before the zeros, or the same day, "charged" is more often another
    # person or case: the words around them must join them.
    pytest.param(48, 0, False, id="a-charge-before-the-zeros-is-no-move"),
])
def test_a_status_moving_on_aligns_across_its_classes(rules, zeros_at, status_at, one_group):
    """Zeros of one class and a later status of a linked class ("no
    suspects" ... "charged a man") are one figure however differently the
    articles word it: the frame, not the words around it, joins them."""
    rows = [
        _status("a", "Officers say there are no suspects at this time.", "no suspects",
                "arrested", 0.0, zeros_at),
        _status("b", "Police have not made any arrests yet in the case.",
                "not made any arrests", "arrested", 0.0, zeros_at + 2),
        _status("c", "By Sunday evening no one had been arrested.", "no one had been arrested",
                "arrested", 0.0, zeros_at + 4),
        _status("d", "A 20-year-old from Dover was charged on Friday with murder.", "charged",
                "charged", 1.0, status_at),
    ]
    got = groups_of(frame(*rows), rules)
    assert any(len(g) == 4 for g in got) == one_group, got
