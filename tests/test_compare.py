"""Comparison: whether aligned facts agree, and the discrepancy when not."""

from __future__ import annotations

import polars as pl
import pytest

from factcheck.crosscheck.align import align
from factcheck.crosscheck.compare import compare
from factcheck.facts import GROUPS_SCHEMA
from tests.cross_support import fact, frame


def one_group(facts: pl.DataFrame) -> pl.DataFrame:
    return pl.DataFrame({"group": ["g"] * len(facts), "story": facts["story"],
                         "fact_id": facts["fact_id"], "score": [1.0] * len(facts)},
                        schema=GROUPS_SCHEMA)


def money(article, text, value, unit="GBP", **kw):
    return fact(article, f"The fund is {text} now.", text, "money", value, unit, **kw)


def count(article, text, value, unit="person", **kw):
    return fact(article, f"Officials said {text} here.", text, "count", value, unit, **kw)


def role(article, title, scope=None, entity="John Healey"):
    return fact(article, f"{title} {entity} spoke.", f"{title} {entity}", "attribute",
                entity=entity, attribute="role", value_text=title, scope=scope)


PAIRS = [
    pytest.param(money("a", "£149.6m", 149.6e6), money("b", "about £150m", 150e6,
                                                       qualifier="about"), None, id="rounding"),
    pytest.param(money("a", "£250m", 250e6), money("b", "£150m", 150e6), "FC101",
                 id="exact-mismatch"),
    pytest.param(count("a", "more than 10,000 drones", 10000, "drone", qualifier="more_than",
                       high=15000), count("b", "100,000 drones", 100000, "drone"), "FC102",
                 id="order-of-magnitude-behind-qualifier"),
    pytest.param(count("a", "more than 10,000 drones", 10000, "drone", qualifier="more_than",
                       high=15000), count("b", "12,000 drones", 12000, "drone"), None,
                 id="within-qualifier-reach"),
    pytest.param(count("a", "over 50 allies", 50, "ally", qualifier="more_than", high=75),
                 count("b", "nearly 40 countries", 40, "country", qualifier="about", low=36,
                       high=40), "FC103", id="qualifiers-cannot-both-hold"),
    pytest.param(count("a", "more than 10,000 drones", 10000, "drone", qualifier="more_than",
                       high=15000),
                 count("b", "fewer than 10,000 drones", 10000, "drone", qualifier="less_than",
                       low=5000, high=10000), "FC103", id="opposite-bounds-same-figure"),
    pytest.param(count("a", "at least 50 people", 50, qualifier="at_least", high=75),
                 count("b", "at most 50 people", 50, qualifier="at_most", low=30, high=50), None,
                 id="inclusive-bounds-meet"),
    pytest.param(money("a", "£3bn a year", 3e9, per="year"),
                 money("b", "£3bn over three years", 3e9, per="3 year"), "FC104",
                 id="rate-stated-as-total"),
    pytest.param(money("a", "£1bn a year", 1e9, per="year"),
                 money("b", "£3bn over three years", 3e9, per="3 year"), None,
                 id="same-rate-different-period"),
    pytest.param(fact("a", "It is 12 km long.", "12 km", "measure", 12, "kilometer"),
                 fact("b", "It is 7.5 miles long.", "7.5 miles", "measure", 7.5, "mile"), None,
                 id="km-vs-miles-agree"),
    pytest.param(fact("a", "It is 12 km long.", "12 km", "measure", 12, "kilometer"),
                 fact("b", "It is 12 miles long.", "12 miles", "measure", 12, "mile"), "FC101",
                 id="km-vs-miles-disagree"),
    pytest.param(fact("a", "It hit 20C today.", "20C", "measure", 20, "degree_Celsius"),
                 fact("b", "It hit 68F today.", "68F", "measure", 68, "degree_Fahrenheit"), None,
                 id="celsius-vs-fahrenheit"),
    pytest.param(fact("a", "It took 18 months.", "18 months", "duration", 18, "month"),
                 fact("b", "It took 2 years.", "2 years", "duration", 2, "year"), "FC101",
                 id="months-vs-years"),
    pytest.param(money("a", "£150m", 150e6), money("b", "€180m", 180e6, "EUR"), "FC105",
                 id="currency-without-rate"),
    pytest.param(count("a", "12 people died", 12, hours=0),
                 count("b", "19 people died", 19, hours=6), "FC106", id="death-toll-rises"),
    pytest.param(count("a", "19 people died", 19, hours=0),
                 count("b", "12 people died", 12, hours=6), "FC101", id="death-toll-falls"),
    pytest.param(count("a", "12 people died", 12, hours=0),
                 count("b", "19 people died", 19, hours=0), "FC101", id="death-toll-same-time"),
    pytest.param(count("a", "12 people died", 12, hours=0),
                 count("b", "120 people died", 120, hours=6), "FC101",
                 id="tenfold-jump-is-no-update"),
    pytest.param(fact("a", "It happened on Monday.", "Monday", "date", 20150, "day"),
                 fact("b", "It happened on Monday.", "Monday", "date", 20157, "day"), None,
                 id="same-weekday-read-against-two-dates"),
    pytest.param(fact("a", "Three people were killed in 3 days.", "3 days", "duration", 3,
                      "day", hours=0),
                 fact("b", "Three people were killed in 5 days.", "5 days", "duration", 5,
                      "day", hours=5), "FC101", id="only-counts-are-running-totals"),
    pytest.param(role("a", "Defence Secretary"), role("b", "Foreign Secretary"), "FC201",
                 id="role"),
    pytest.param(role("a", "Defence Secretary"), role("b", "Defense Secretary"), None,
                 id="role-spelling"),
    pytest.param(role("a", "Defence Secretary", "UK"), role("b", "Foreign Secretary", "US"),
                 None, id="role-other-scope"),
    pytest.param(role("a", "Deputy Chief"), role("b", "Deputy Fire Chief"), None,
                 id="role-said-more-fully"),
    pytest.param(role("a", "HRC Chair"), role("b", "Harbour Rates Committee Chair"), None,
                 id="role-initials-spelt-out"),
    pytest.param(role("a", "Fire Chief"), role("b", "Deputy Fire Chief"), "FC201",
                 id="role-deputy-is-another-office"),
    pytest.param(role("a", "Fire Chief"), role("b", "Acting Police Chief"), "FC201",
                 id="role-different-words"),
    pytest.param(fact("a", "ITV's Peston aired.", "ITV's Peston", "attribute", entity="Peston",
                      attribute="broadcaster", value_text="ITV"),
                 fact("b", "The BBC's Peston aired.", "BBC's Peston", "attribute",
                      entity="Peston", attribute="broadcaster", value_text="BBC"), "FC203",
                 id="broadcaster"),
    pytest.param(fact("a", "Healey warned of war.", "Healey warned of war", "attribute",
                      entity="John Healey", attribute="speaker", value_text="war"),
                 fact("b", "Zelenskyy warned of war.", "Zelenskyy warned of war", "attribute",
                      entity="Volodymyr Zelenskyy", attribute="speaker", value_text="war"),
                 "FC202", id="speaker"),
]


@pytest.mark.parametrize(("first", "second", "rule"), PAIRS)
def test_pair(rules, first, second, rule):
    facts = frame(first, second)
    found = compare(facts, one_group(facts), rules)
    assert found["rule"].to_list() == ([rule] if rule else [])


def test_currency_rate_from_the_rules_makes_money_comparable(rules):
    import copy

    facts = frame(money("a", "£150m", 150e6), money("b", "€180m", 180e6, "EUR"))
    with_rate = copy.deepcopy(rules)
    with_rate.currency_rates = {"EUR/GBP": 0.84}
    assert compare(facts, one_group(facts), with_rate).is_empty()
    with_rate.currency_rates = {"GBP/EUR": 1.5}  # the inverse rate works too
    assert compare(facts, one_group(facts), with_rate)["rule"].to_list() == ["FC101"]


def test_message_names_the_outlier_and_the_others(rules):
    facts = frame(*(count(a, "more than 10,000 drones", 10000, "drone", qualifier="more_than",
                          high=15000) for a in "abcd"),
                  count("e", "100,000 drones", 100000, "drone"))
    row = compare(facts, one_group(facts), rules).row(0, named=True)
    assert row["message"].startswith("Outlet E says 100,000 drones; four other outlets say "
                                     "more than 10,000 drones")
    assert row["fact_ids"][0] == facts["fact_id"][4]
    assert "15,000" in row["detail"] and "alignment score" in row["detail"]


def test_fingerprint_survives_moving_the_fact_but_not_changing_it(rules):
    def run(at, text, value):
        facts = frame(money("a", "£250m", 250e6), money("b", text, value, at=at))
        return compare(facts, one_group(facts), rules)["id"][0]

    assert run(0, "£150m", 150e6) == run(400, "£150m", 150e6)
    assert run(0, "£150m", 150e6) != run(0, "£160m", 160e6)


def test_small_difference_is_a_warning_large_an_error(rules):
    near = frame(money("a", "£150m", 150e6), money("b", "£160m", 160e6))
    far = frame(money("a", "£150m", 150e6), money("b", "£250m", 250e6))
    assert compare(near, one_group(near), rules)["severity"].to_list() == ["warning"]
    assert compare(far, one_group(far), rules)["severity"].to_list() == ["error"]


def test_ignore_list_drops_a_discrepancy(rules):
    import copy

    facts = frame(money("a", "£250m", 250e6), money("b", "£150m", 150e6))
    quiet = copy.deepcopy(rules)
    quiet.ignore = [{"rule": "numeric-mismatch", "article": "b"}]
    assert compare(facts, one_group(facts), quiet).is_empty()


@pytest.mark.parametrize(("first", "second", "severity"), [
    pytest.param(fact("a", "The alarm rang for at least 15 minutes.", "at least 15 minutes",
                      "duration", 15, "minute", qualifier="at_least", high=22.5),
                 fact("b", "The alarm rang for 30 minutes.", "30 minutes", "duration", 30,
                      "minute"), "info", id="past-the-reach-not-a-magnitude"),
    pytest.param(count("a", "more than 10,000 drones", 10000, "drone", qualifier="more_than",
                       high=15000), count("b", "100,000 drones", 100000, "drone"), "error",
                 id="a-magnitude-behind-the-qualifier"),
])
def test_qualifier_reach_severity(rules, first, second, severity):
    facts = frame(first, second)
    found = compare(facts, one_group(facts), rules)
    assert found.select("rule", "severity").rows() == [("FC102", severity)]


def test_order_is_severity_then_position(rules):
    rows = [money("a", "£250m", 250e6, subject="fund", story="s"),
            money("b", "£150m", 150e6, subject="fund", story="s"),
            role("a", "Defence Secretary"), role("b", "Foreign Secretary"),
            fact("a", "ITV's Peston aired.", "ITV's Peston", "attribute", entity="Peston",
                 attribute="broadcaster", value_text="ITV", at=300),
            fact("b", "The BBC's Peston aired.", "BBC's Peston", "attribute",
                 entity="Peston", attribute="broadcaster", value_text="BBC", at=300)]
    facts = frame(*rows)
    found = compare(facts, align(facts, rules), rules)
    assert found["severity"].to_list() == ["error", "error", "warning"]
    again = compare(facts.reverse(), align(facts.reverse(), rules), rules)
    assert sorted(found["id"].to_list()) == sorted(again["id"].to_list())


def test_fingerprints_stay_unique_when_an_article_repeats_a_phrase():
    # Two separate groups cite the same words in the same two articles: the
    # triage file keys on the id, so each finding still needs its own.
    rows = [count("a", "12 people", 12), count("b", "40 people", 40),
            count("a", "12 people", 12, at=100), count("b", "40 people", 40, at=100)]
    facts = frame(*rows)
    groups = pl.DataFrame({"group": ["g1", "g1", "g2", "g2"], "story": facts["story"],
                           "fact_id": facts["fact_id"], "score": [1.0] * 4},
                          schema=GROUPS_SCHEMA)
    found = compare(facts, groups, rules=_rules())
    assert len(found) == 2
    assert found["id"].n_unique() == 2


def _rules():
    from factcheck.rules.load import load_rules

    return load_rules()


@pytest.mark.parametrize(("score", "severity"), [
    pytest.param(0.62, "info", id="barely-aligned-counts-are-unsure"),
    pytest.param(0.9, "error", id="well-aligned-counts-keep-their-severity"),
])
def test_a_count_that_barely_aligned_is_info(rules, score, severity):
    # A part ("four were taken to one hospital") and its whole ("six
    # injured") align only just; a figure told two ways aligns well.
    facts = frame(count("a", "four people", 4), count("b", "six people", 6)).with_columns(
        pl.lit("wounded").alias("event"))
    groups = one_group(facts).with_columns(pl.lit(score).alias("score"))
    assert compare(facts, groups, rules)["severity"].to_list() == [severity]


@pytest.mark.parametrize(("a", "b", "swapped"), [
    pytest.param(14, 41, True, id="two-digits"),
    pytest.param(1250, 1520, True, id="neighbours-inside"),
    pytest.param(14, 14, False, id="same"),
    pytest.param(123, 321, False, id="not-neighbours"),
    pytest.param(5, 50, False, id="other-length"),
    pytest.param(3, 3.5, False, id="small-and-not-whole"),
    pytest.param(1243, 2143, True, id="first-two"),
    pytest.param(1234, 2143, False, id="two-swaps"),
])
def test_two_neighbouring_digits_swapped(a, b, swapped):
    from factcheck.crosscheck.numeric_pair import transposed
    assert transposed(a, b) is swapped
