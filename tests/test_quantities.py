"""Numeric facts from sentences: values, intervals, kinds, units, rates, not-facts."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from factcheck.extract.quantities import extract_quantities
from factcheck.model import Article

PUBLISHED = datetime(2025, 2, 13, 8, 0, tzinfo=UTC)  # a Thursday


def _article(text: str) -> Article:
    return Article(id="t.txt", path="t.txt", source="Test", title="", published=PUBLISHED,
                   url="", story=None, text=text)


def facts(nlp, rules, text: str) -> list[dict]:
    doc = nlp(text)
    return extract_quantities(doc, _article(text), rules, 0)


def only(nlp, rules, text: str) -> dict:
    rows = facts(nlp, rules, text)
    assert len(rows) == 1, [(r["kind"], text[r["start"]:r["end"]]) for r in rows]
    return rows[0]


# --- the seed article: every figure right, nothing else --------------------------------

SEED_WIRE = [
    # (text, kind, value, low, unit, per, qualifier)
    ("two leaders", "count", 2, 2, "leader", None, "exact"),
    ("three years", "duration", 3, 3, "year", None, "exact"),
    ("over 50 defense allies", "count", 50, 50, "defense ally", None, "more_than"),
    ("£150 million", "money", 1.5e8, 1.5e8, "GBP", None, "exact"),
    ("£3 billion", "money", 3e9, 3e9, "GBP", "year", "exact"),
    ("over 500,000 rounds of ammunition", "count", 5e5, 5e5, "round of ammunition", None,
     "more_than"),
    ("more than 10,000 drones", "count", 1e4, 1e4, "drone", None, "more_than"),
]


@pytest.fixture(scope="module")
def seed_facts(rules):
    """The facts of the shipped seeds (extraction only: this module tests extraction)."""
    from factcheck.ingest.articles import read_articles
    from factcheck.run.pipeline import extract_articles

    from .conftest import SEEDS

    return extract_articles(read_articles([str(SEEDS)]), rules)


def test_seed_wire_every_figure_and_nothing_else(seed_facts, rules):
    facts = seed_facts
    rows = facts.filter((facts["article"].str.ends_with("seed-wire.md"))
                        & ~facts["kind"].is_in(["attribute", "person"])).to_dicts()
    got = [(r["text"], r["kind"], r["value"], r["low"], r["unit"], r["per"], r["qualifier"])
           for r in rows]
    assert got == [tuple(float(x) if isinstance(x, int) else x for x in case)
                   for case in SEED_WIRE]
    by_text = {r["text"]: r for r in rows}
    reach = rules.qualifiers["more than"]["high"]
    assert by_text["more than 10,000 drones"]["high"] == pytest.approx(10_000 * reach)
    assert by_text["£3 billion"]["subject"] == "annual pledge"
    assert by_text["£150 million"]["subject"] == "package"


# --- each kind of expression: (id, sentence, span text, kind, value, low, high, qualifier,
# unit, per). Sentences are our own. `None` for high means unbounded. -----------------------

def _by_text(rows: list[dict], text: str, sentence: str) -> dict:
    found = [r for r in rows if sentence[r["start"]:r["end"]] == text]
    assert found, f"{text!r} not found in {[sentence[r['start']:r['end']] for r in rows]}"
    return found[0]


VALUES = [
    ("tons-reach-short-to-long", "The barge held 100 tons of sand.", "100 tons", "measure", 100,
     90.7, 101.7, "exact", "metric_ton", None),
    ("tonnes-are-metric", "The barge held 100 tonnes of sand.", "100 tonnes", "measure", 100,
     100, 100, "exact", "metric_ton", None),
    ("fraction-of-a-scale", "A quarter of a million fans lined the route.",
     "A quarter of a million fans", "count", 250_000, 250_000, 250_000, "exact", "fan", None),
    ("fractions-of-a-scale-money", "It cost three quarters of a billion euros.",
     "three quarters of a billion euros", "money", 7.5e8, 7.5e8, 7.5e8, "exact", "EUR", None),
    ("digits-separators", "The port handled 1,250,000 containers.", "1,250,000 containers",
     "count", 1_250_000, 1_250_000, 1_250_000, "exact", "container", None),
    ("decimal-money", "The bridge cost £12.75m to build.", "£12.75m",
     "money", 12.75e6, 12.75e6, 12.75e6, "exact", "GBP", None),
    ("word-number", "Three inspectors visited the site.", "Three inspectors",
     "count", 3, 3, 3, "exact", "inspector", None),
    ("hyphenated-words", "The council approved twenty-five new homes.", "twenty-five new homes",
     "count", 25, 25, 25, "exact", "home", None),
    ("a-dozen", "A dozen schools closed early.", "A dozen schools",
     "count", 12, 12, 12, "exact", "school", None),
    ("half-a-million", "Half a million voters signed up.", "Half a million voters",
     "count", 5e5, 5e5, 5e5, "exact", "voter", None),
    ("one-and-a-half", "The repairs took one and a half days.", "one and a half days",
     "duration", 1.5, 1.5, 1.5, "exact", "day", None),
    ("scale-word", "The charity raised 3.5 million dollars.", "3.5 million dollars",
     "money", 3.5e6, 3.5e6, 3.5e6, "exact", "USD", None),
    ("glued-scale", "Investors put in US$2bn last spring.", "US$2bn",
     "money", 2e9, 2e9, 2e9, "exact", "USD", None),
    ("glued-k", "The race drew 10k runners.", "10k runners",
     "count", 1e4, 1e4, 1e4, "exact", "runner", None),
    ("trillion", "Debt passed $1.2 trillion.", "$1.2 trillion",
     "money", 1.2e12, 1.2e12, 1.2e12, "exact", "USD", None),
    ("a-third", "A third of members voted.", "A third",
     "percent", 100 / 3, 100 / 3, 100 / 3, "exact", "percent", None),
    ("three-quarters", "Three-quarters of firms agreed.", "Three-quarters",
     "percent", 75, 75, 75, "exact", "percent", None),
]

RANGES_AND_VAGUE = [
    ("between-and", "Between 40 and 50 people were hurt.", "Between 40 and 50 people",
     "count", 40, 40, 50, "range", "people", None),
    ("dash-range", "Officials expect 40-50 arrests.", "40-50 arrests",
     "count", 40, 40, 50, "range", "arrest", None),
    ("from-to-range", "Temperatures will run from 10 to 20 degrees.", "from 10 to 20 degrees",
     "measure", 10, 10, 20, "range", "degree", None),
    ("round-three-four-digit-range", "Each tank holds 300-1000 litres of water.",
     "300-1000 litres", "measure", 300, 300, 1000, "range", "liter", None),
    ("scale-on-second", "The fund will spend $40-50m.", "$40-50m",
     "money", 4e7, 4e7, 5e7, "range", "USD", None),
    ("dozens", "Dozens of houses flooded.", "Dozens of houses",
     "count", 12, 24, 144, "vague", "house", None),
    ("hundreds", "Hundreds of flights were cancelled.", "Hundreds of flights",
     "count", 100, 200, 999, "vague", "flight", None),
    ("tens-of-thousands", "Tens of thousands of fans gathered.", "Tens of thousands of fans",
     "count", 1e4, 2e4, 99_999, "vague", "fan", None),
]


def _reach(rules, phrase):
    rule = rules.qualifiers[phrase]
    return rule["low"], rule.get("high")


QUALIFIED = [
    # (id, sentence, span, phrase, value, qualifier, unit)
    ("over", "The army fired over 300 shells.", "over 300 shells", "over", 300, "more_than",
     "shell"),
    ("more-than", "More than 40 boats left.", "More than 40 boats", "more than", 40,
     "more_than", "boat"),
    ("at-least", "At least 12 people died.", "At least 12 people", "at least", 12, "at_least",
     "people"),
    ("nearly", "Nearly 40 ships sailed.", "Nearly 40 ships", "nearly", 40, "less_than", "ship"),
    ("almost", "Almost 30 planes landed.", "Almost 30 planes", "almost", 30, "less_than",
     "plane"),
    ("about", "About 20 tanks moved.", "About 20 tanks", "about", 20, "about", "tank"),
    ("around", "Around 15 trucks waited.", "Around 15 trucks", "around", 15, "about", "truck"),
    ("roughly", "Roughly 10 ferries sailed.", "Roughly 10 ferries", "roughly", 10, "about",
     "ferry"),
    ("up-to", "Up to 300 jobs could go.", "Up to 300 jobs", "up to", 300, "at_most", "job"),
    ("fewer-than", "Fewer than 20 firms bid.", "Fewer than 20 firms", "fewer than", 20,
     "less_than", "firm"),
    ("less-than", "Less than 5% of staff left.", "Less than 5%", "less than", 5, "less_than",
     "percent"),
    ("just-over", "Just over 1,000 votes separated them.", "Just over 1,000 votes", "just over",
     1000, "more_than", "vote"),
    ("some", "Some 200 troops arrived.", "Some 200 troops", "some", 200, "about", "troop"),
    ("an-estimated", "An estimated 3,000 fans came.", "An estimated 3,000 fans", "an estimated",
     3000, "about", "fan"),
    ("in-excess-of", "They sold in excess of 500,000 tickets.", "in excess of 500,000 tickets",
     "in excess of", 500_000, "more_than", "ticket"),
]

SUFFIX_QUALIFIED = [
    # (id, sentence, span, suffix, value, qualifier, unit)
    ("hyphen-plus", "The derby drew 20,000-plus fans.", "20,000-plus fans", "plus", 20_000,
     "more_than", "fan"),
    ("hyphen-odd", "A 300-odd convoy of lorries waited.", "300-odd convoy", "odd", 300,
     "more_than", "convoy"),
    ("plus-sign", "The derby drew 20,000+ fans.", "20,000+ fans", "+", 20_000, "more_than",
     "fan"),
    ("scaled-money-plus", "It is a £2bn-plus contract.", "£2bn-plus", "plus", 2e9, "more_than",
     "GBP"),
]


@pytest.mark.parametrize("case", SUFFIX_QUALIFIED, ids=lambda c: c[0])
def test_qualifiers_written_after_the_number(nlp, rules, case):
    _, sentence, text, suffix, value, qualifier, unit = case
    row = _by_text(facts(nlp, rules, sentence), text, sentence)
    rule = rules.suffix_qualifiers[suffix]
    _expect(row, row["kind"], value, value * rule["low"], value * rule["high"], qualifier, unit,
            None)


SHARES = [
    # (id, sentence, span, value, qualifier, subject)
    ("one-in-five", "One in five drivers had no insurance.", "One in five", 20, "exact",
     "driver"),
    ("qualified-out-of", "Almost three out of 10 pupils walk to school.", "Almost three out of 10",
     30, "less_than", "pupil"),
]


@pytest.mark.parametrize("case", SHARES, ids=lambda c: c[0])
def test_one_in_five_is_a_share(nlp, rules, case):
    _, sentence, text, value, qualifier, subject = case
    rows = facts(nlp, rules, sentence)
    row = _by_text(rows, text, sentence)
    assert (row["kind"], row["unit"], row["qualifier"], row["subject"]) == (
        "percent", "percent", qualifier, subject)
    assert row["value"] == pytest.approx(value)
    assert len(rows) == 1  # not also a count of one and of five drivers


@pytest.mark.parametrize("sentence", [
    "The ferry sails once in 10 days.", "The yard was founded 1 in 1998.",
    "He was hit once in the arm.",
])
def test_in_between_numbers_that_are_no_share(nlp, rules, sentence):
    assert all(r["pattern"] != "percent:share" for r in facts(nlp, rules, sentence))


def test_plus_between_two_sums_is_no_qualifier(nlp, rules):
    sentence = "The fee was €50m plus €8m in bonuses."
    rows = facts(nlp, rules, sentence)
    assert [(sentence[r["start"]:r["end"]], r["qualifier"]) for r in rows] == [
        ("€50m", "exact"), ("€8m", "exact")]


KINDS_AND_UNITS = [
    ("points-to-a-percent", "Its margin rose 1.8 points to 12.4%.", "1.8 points", "percent", 1.8,
     "percentage_point", None),
    ("percent-then-points", "Turnout was 58%, down three points.", "three points", "percent", 3,
     "percentage_point", None),
    ("index-points-stay-counts", "The index fell 50 points, or 0.6%, on Friday.", "50 points",
     "count", 50, "point", None),
    ("fraction-by", "Bus fares fell by a quarter.", "a quarter", "percent", 25, "percent", None),
    ("pound-symbol", "The club paid £45m for him.", "£45m", "money", 45e6, "GBP", None),
    ("us-dollar", "Aid of US$300 million arrived.", "US$300 million", "money", 3e8, "USD", None),
    ("pounds-word", "She was fined 500 pounds.", "500 pounds", "money", 500, "GBP", None),
    ("euros-word", "The grant was 3 million euros.", "3 million euros", "money", 3e6, "EUR",
     None),
    ("ringgit-prefix", "The project costs RM 2 billion.", "RM 2 billion", "money", 2e9, "MYR",
     None),
    ("iso-code", "Reserves hit EUR 40bn.", "EUR 40bn", "money", 4e10, "EUR", None),
    ("pence", "Fares rose to 80p.", "80p", "money", 0.8, "GBP", None),
    ("bracketed-count", "The rescue (of 3 climbers) took hours.", "3 climbers", "count", 3,
     "climber", None),
    ("article-a-before-dollar", "A $25,000 bonus was promised to the crew.", "$25,000",
     "money", 25000, "USD", None),
    ("a-dollar-glued-is-australian", "The ticket cost A$40 in Perth.", "A$40", "money", 40,
     "AUD", None),
    ("half-turn-is-half-a-turn", "The wheel made a half turn.", "a half turn", "count", 0.5,
     "turn", None),
    ("half-hour-is-a-duration", "A half hour later the bus came.", "A half hour",
     "duration", 0.5, "hour", None),
    ("percent-sign", "Turnout was 64%.", "64%", "percent", 64, "percent", None),
    ("per-cent", "Sales fell 12 per cent.", "12 per cent", "percent", 12, "percent", None),
    ("percentage-points", "Support rose 3.5 percentage points.", "3.5 percentage points",
     "percent", 3.5, "percentage_point", None),
    ("years", "The siege lasted seven years.", "seven years", "duration", 7, "year", None),
    ("months", "The trial took six months.", "six months", "duration", 6, "month", None),
    ("weeks", "Talks ran for three weeks.", "three weeks", "duration", 3, "week", None),
    ("days", "The strike lasted 12 days.", "12 days", "duration", 12, "day", None),
    ("hours", "Crews worked 48 hours straight.", "48 hours", "duration", 48, "hour", None),
    ("fortnight", "The festival runs for a fortnight.", "a fortnight", "duration", 2, "week",
     None),
    ("hyphen-duration", "It ended the three-year war.", "three-year", "duration", 3, "year",
     None),
    ("age-year-old", "A 24-year-old man was held.", "24-year-old", "age", 24, "year", None),
    ("age-aged", "The driver, aged 31, was unhurt.", "aged 31", "age", 31, "year", None),
    ("km", "The Moon is 384,400 km away.", "384,400 km", "measure", 384_400, "kilometer", None),
    ("miles", "The Moon is 238,855 miles away.", "238,855 miles", "measure", 238_855, "mile",
     None),
    ("celsius", "It reached 20°C at noon.", "20°C", "measure", 20, "degree_Celsius", None),
    ("fahrenheit", "It reached 68 degrees Fahrenheit.", "68 degrees Fahrenheit", "measure", 68,
     "degree_Fahrenheit", None),
    ("tonnes", "The ship carried 40,000 tonnes of grain.", "40,000 tonnes", "measure", 40_000,
     "metric_ton", None),
    ("count-lemma", "The army supplied 300 drones.", "300 drones", "count", 300, "drone", None),
    ("count-partitive", "They sent 9,000 rounds of ammunition.", "9,000 rounds of ammunition",
     "count", 9000, "round of ammunition", None),
    ("count-compound", "Over 30 defence allies met.", "Over 30 defence allies", "count", 30,
     "defence ally", None),
    ("count-partitive-of-the", "Five of the victims are stable.", "Five", "count", 5,
     "victim", None),
    ("age-plural-year-olds", "It hurt two 17-year-olds at the fair.", "17-year-olds", "age", 17,
     "year", None),
    ("age-years-of-age", "The driver, 42 years of age, was unhurt.", "42 years of age", "age",
     42, "year", None),
    ("pounds-as-money", "The court fined him 500 pounds.", "500 pounds", "money", 500, "GBP",
     None),
    ("pounds-as-weight", "The baby weighed nine pounds.", "nine pounds", "measure", 9, "pound",
     None),
    ("pounds-with-scale", "They spent 4 million pounds.", "4 million pounds", "money", 4e6,
     "GBP", None),
    ("glued-m-is-metres", "The tower stands 48m tall.", "48m", "measure", 48, "meter", None),
    ("glued-m-with-noun", "The app has 3.5m users.", "3.5m users", "count", 3.5e6, "user",
     None),
    ("negative", "It fell to -5°C overnight.", "-5°C", "measure", -5, "degree_Celsius", None),
    ("minus-word", "It fell to minus 12 degrees Celsius.", "minus 12 degrees Celsius", "measure",
     -12, "degree_Celsius", None),
    ("written-fraction", "The track is 1/4 mile long.", "1/4 mile", "measure", 0.25, "mile",
     None),
    ("mixed-fraction", "They laid 10 1/2 miles of cable.", "10 1/2 miles", "measure", 10.5,
     "mile", None),
    ("dollars-and-cents", "It cost 3 dollars 50 cents.", "3 dollars 50 cents", "money", 3.5,
     "USD", None),
    ("lower-case-code", "It was sold for hk $ 12 million.", "hk $ 12 million", "money", 12e6,
     "HKD", None),
    ("glued-code", "Tickets cost USD115 each.", "USD115", "money", 115, "USD", None),
    ("indian-grouping", "The loan was 12,34,567 rupees.", "12,34,567 rupees", "money",
     1_234_567, "INR", None),
    ("measure-rate", "Output fell by 500,000 barrels a day.", "500,000 barrels a day",
     "measure", 500_000, "oil_barrel / day", None),
    ("speed", "The car reached 188 miles an hour.", "188 miles an hour", "measure", 188,
     "mile / hour", None),
    ("feet-and-inches", "He stands 6 feet 2 inches tall.", "6 feet 2 inches", "measure",
     6 + 2 / 12, "foot", None),
    ("years-and-months", "The works took 2 years and 6 months.", "2 years and 6 months",
     "duration", 2.5, "year", None),
    ("an-hour", "The talks lasted an hour.", "an hour", "duration", 1, "hour", None),
    ("appositive-age", "Police said Michael Smith, 19, was held.", "19", "age", 19, "year",
     None),
]

RATES = [
    ("a-year", "Britain gives £2bn a year.", "£2bn a year", "year"),
    ("hyphen-a-year", "It is a £2bn-a-year scheme.", "£2bn-a-year", "year"),
    ("per-month", "Rent is £900 per month.", "£900 per month", "month"),
    ("a-week", "Staff earn £400 a week.", "£400 a week", "week"),
    ("annual-adjective", "It is part of an annual pledge of £2 billion.", "£2 billion", "year"),
    ("annually", "The fund pays $5m annually.", "$5m annually", "year"),
    ("spread-over", "They promised £2bn over four years.", "£2bn", "4 year"),
    ("spread-over-noun", "It is a £2bn commitment spread over four years.", "£2bn", "4 year"),
    ("per-100000", "There were 7 deaths per 100,000 people.", "7 deaths per 100,000 people",
     "100000"),
    ("every-year-later", "It is the £2bn the state gives the city every year.", "£2bn", "year"),
    ("rate-over-a-span", "The council will spend £50m a year over six years.", "£50m a year",
     "year"),
    ("a-year-earlier-is-a-moment", "Sales reached $80m, up from $65m a year earlier.", "$65m",
     None),
    ("a-week-ago-is-a-moment", "The stall took £900 a week ago.", "£900", None),
    ("for-right-after-spreads", "The club will pay £20m for five years.", "£20m", "5 year"),
    ("for-further-on-is-the-verbs", "The £20m footbridge was closed for three weeks.", "£20m",
     None),
    ("dividend-unsaid-per-share", "Holders will get a final dividend of 7.2p.", "7.2p", "share"),
    ("dividend-scaled-is-the-payout", "The group paid out a £3bn dividend.", "£3bn", None),
]

SUBJECTS = [
    ("annual-pledge", "Britain made an annual pledge of £2 billion.", "£2 billion",
     "annual pledge"),
    ("equipment-package", "He unveiled a new £90m equipment package.", "£90m",
     "equipment package"),
    ("package-worth", "It is a package of £90 million worth of kit.", "£90 million", "package"),
    ("vote-share", "The party's vote share was 34%.", "34%", "vote share"),
    ("repetition-names-the-act", "The striker was booked four times last season.",
     "four times", "book time"),
    ("part-of-a-count", "Two other hikers were hurt in the fall.", "Two other hikers",
     "other hiker"),
    ("whole-count", "Three hikers were hurt in the fall.", "Three hikers", "hiker"),
    ("time-offset-ago", "The ferry sank three weeks ago.", "three weeks", "ago"),
    ("time-offset-later", "An hour later the rain stopped.", "An hour", "later"),
    ("percent-of", "It won 40% of the vote.", "40%", "vote"),
    ("counted-noun", "They delivered 200 tanks.", "200 tanks", "tank"),
]

DATES = [
    # (id, sentence, span, first day, last day) as ISO dates; published is Thu 13 Feb 2025.
    ("day-month-year", "The vote was on 5 May 2021.", "5 May 2021", "2021-05-05", "2021-05-05"),
    ("month-day-year", "It opened on March 3, 2020.", "March 3, 2020", "2020-03-03",
     "2020-03-03"),
    ("month-year", "It closed in June 2019.", "June 2019", "2019-06-01", "2019-06-30"),
    ("year", "The law changed in 2019.", "2019", "2019-01-01", "2019-12-31"),
    ("weekday", "He spoke on Wednesday.", "Wednesday", "2025-02-12", "2025-02-12"),
    # The paper's own weekday is that day, not a week back.
    ("weekday-of-publication", "He spoke on Thursday.", "Thursday", "2025-02-13",
     "2025-02-13"),
    ("yesterday", "She resigned yesterday.", "yesterday", "2025-02-12", "2025-02-12"),
    ("no-year", "The talks began on 10 February.", "10 February", "2025-02-10", "2025-02-10"),
    ("weekday-and-date", "It opened on Monday, September 26, 2016.",
     "Monday, September 26, 2016", "2016-09-26", "2016-09-26"),
    ("numeric-date", "He was born on 07/19/98.", "07/19/98", "1998-07-19", "1998-07-19"),
]

NOT_FACTS = [
    ("ordinal-anniversary", "The club marked its 50th anniversary."),
    ("ordinal-word", "The war is now in its third year."),
    ("boeing", "He flew on a Boeing 787 to Delhi."),
    ("s-and-p", "Shares in the S&P 500 fell."),
    ("no-10", "Aides met at No 10 on Monday morning."),
    ("iphone", "She bought an iPhone 11 online."),
    ("score", "Arsenal won 2-0 at home."),
    ("score-draw", "The game ended 1-1."),
    ("one-of-the", "It was one of the worst storms."),
    ("no-one", "No one was hurt."),
    ("phone-uk", "Call 020 7946 0958 for details."),
    ("phone-international", "Call +44 20 7946 0958 for details."),
    ("phone-us", "Dial 555-123-4567 to donate."),
    ("phone-lettered", "Tips go to the hotline at (555) 240-TIPS around the clock."),
    ("phone-local", "Anyone who saw the crash can call the desk at 240-7711."),
    ("list-marker-dot", "1. Turn off the gas"),
    ("list-marker-paren", "2) Leave the house"),
    ("glued-name", "The G7 met as F-16 jets flew over."),
    ("two-as-pronoun", "The two spoke for hours."),
    ("time-of-day", "The meeting starts at 2:30 today."),
    ("account-number", "Pay into account 1111-2222-3333 now."),
    ("web-address", "See www.example.test/page?id=42 for more."),
    ("ordinal-compound", "It was the twenty-third attempt."),
    ("the-other-two", "The other two were not hurt."),
    ("time-am", "Crews arrived shortly after 3 a.m. to put out the fire."),
    ("time-pm-not-pence", "Around 11 p.m. the lights went out."),
    ("time-pm-range", "The library is open from 9 to 5 p.m. on weekdays."),
    ("time-pm-capitals", "The vote closes at 8 PM."),
    ("time-oclock", "The bells rang at seven o'clock."),
    ("ordinal-a-fifth", "A fifth passenger was found later."),
    ("reference-code", "The crate was labelled 5512 KX9 at the depot."),
    ("enumerator-mid-line", "He gave reasons: 1 ) cost ; and 2 ) delay."),
    ("leading-zero-count", "The form listed 007 boxes."),
    ("ordinal-a-third", "Rescuers reached a third hiker at dawn."),
    ("station-brand-after", "Neighbours told 12 News the alarm sounded twice."),
    ("station-call-sign", "A deputy told WKRX 9 the road stays shut."),
    ("station-network-name", "The mayor spoke to NBC 4 outside the hall."),
    ("gallery-counter", "Image 4 of 9 Caption Firefighters at the mill."),
    ("gallery-counter-run", "× 1 of 4 2 of 4 3 of 4"),
]


def test_counts_beside_page_furniture_stay(nlp, rules):
    rows = facts(nlp, rules, "Two boys were hurt, WITH 3 taken to hospital, police told "
                             "12 News. Ana was one of 5 people hurt, 2 of 5 critically.")
    said = [r["value"] for r in rows if r["kind"] == "count"]
    assert 2 in said and 3 in said and 5 in said, said


def test_rise_from_to_is_two_figures(nlp, rules):
    sentence = "Fares rose from 40p to 50p."
    rows = facts(nlp, rules, sentence)
    assert [(sentence[r["start"]:r["end"]], r["qualifier"], r["value"]) for r in rows] == [
        ("40p", "exact", pytest.approx(0.4)), ("50p", "exact", pytest.approx(0.5))]


def test_word_runs_are_separate_numbers(nlp, rules):
    sentence = "The codes were forty fifty."
    rows = facts(nlp, rules, sentence)
    assert [r["value"] for r in rows] == [40, 50]


def _expect(row, kind, value, low, high, qualifier, unit, per):
    assert (row["kind"], row["qualifier"], row["unit"], row["per"]) == (kind, qualifier, unit, per)
    assert row["value"] == pytest.approx(value)
    assert row["low"] == pytest.approx(low)
    assert row["high"] == (None if high is None else pytest.approx(high))


@pytest.mark.parametrize("case", VALUES + RANGES_AND_VAGUE, ids=lambda c: c[0])
def test_values_ranges_and_vague_amounts(nlp, rules, case):
    _, sentence, text, *expected = case
    row = _by_text(facts(nlp, rules, sentence), text, sentence)
    _expect(row, *expected)


@pytest.mark.parametrize("case", QUALIFIED, ids=lambda c: c[0])
def test_qualifiers_map_to_rule_intervals(nlp, rules, case):
    _, sentence, text, phrase, value, qualifier, unit = case
    row = _by_text(facts(nlp, rules, sentence), text, sentence)
    low, high = _reach(rules, phrase)
    kind = "percent" if unit == "percent" else "count"
    _expect(row, kind, value, value * low, None if high is None else value * high, qualifier,
            unit, None)


@pytest.mark.parametrize("case", KINDS_AND_UNITS, ids=lambda c: c[0])
def test_kind_and_unit(nlp, rules, case):
    _, sentence, text, kind, value, unit, per = case
    row = _by_text(facts(nlp, rules, sentence), text, sentence)
    assert (row["kind"], row["unit"], row["per"]) == (kind, unit, per)
    assert row["value"] == pytest.approx(value)


@pytest.mark.parametrize("case", RATES, ids=lambda c: c[0])
def test_rate_period(nlp, rules, case):
    _, sentence, text, per = case
    row = _by_text(facts(nlp, rules, sentence), text, sentence)
    assert row["per"] == per


def test_over_a_span_after_a_rate_is_no_qualifier(nlp, rules):
    sentence = "The port will get €150m a year over three years."
    row = _by_text(facts(nlp, rules, sentence), "three years", sentence)
    assert (row["qualifier"], row["low"], row["high"]) == ("exact", 3, 3)


def test_a_size_before_its_noun_takes_no_period(nlp, rules):
    sentence = "Some 9,000 lorries cross the 300-metre bridge every day."
    row = _by_text(facts(nlp, rules, sentence), "300-metre", sentence)
    assert (row["unit"], row["per"]) == ("meter", None)


def test_total_over_years_differs_from_yearly_rate(nlp, rules):
    spread = _by_text(facts(nlp, rules, "Britain pledged £3bn over three years."), "£3bn",
                      "Britain pledged £3bn over three years.")
    yearly = _by_text(facts(nlp, rules, "Britain pledged £3bn a year."), "£3bn a year",
                      "Britain pledged £3bn a year.")
    assert spread["value"] == yearly["value"]
    assert spread["per"] != yearly["per"]


def test_spread_over_is_not_a_qualifier(nlp, rules):
    sentence = "It is a £2bn commitment spread over four years."
    row = _by_text(facts(nlp, rules, sentence), "four years", sentence)
    assert (row["qualifier"], row["low"], row["high"]) == ("exact", 4, 4)


@pytest.mark.parametrize("case", SUBJECTS, ids=lambda c: c[0])
def test_subject(nlp, rules, case):
    _, sentence, text, subject = case
    row = _by_text(facts(nlp, rules, sentence), text, sentence)
    assert row["subject"] == subject


def test_entities_of_the_clause(nlp, rules):
    sentence = "Germany will send 40 tanks, while France keeps its reserves."
    row = _by_text(facts(nlp, rules, sentence), "40 tanks", sentence)
    assert "Germany" in row["entities"]
    assert "France" not in row["entities"]


@pytest.mark.parametrize("case", DATES, ids=lambda c: c[0])
def test_dates_are_stored_as_day_numbers(nlp, rules, case):
    from datetime import date

    _, sentence, text, first, last = case
    row = _by_text(facts(nlp, rules, sentence), text, sentence)
    epoch = date(1970, 1, 1)
    assert row["kind"] == "date" and row["unit"] == "day"
    assert row["low"] == (date.fromisoformat(first) - epoch).days
    assert row["high"] == (date.fromisoformat(last) - epoch).days
    assert row["value"] == row["low"]


@pytest.mark.parametrize("case", NOT_FACTS, ids=lambda c: c[0])
def test_not_facts(nlp, rules, case):
    _, sentence = case
    rows = [r for r in facts(nlp, rules, sentence) if r["kind"] != "date"]
    assert rows == [], [sentence[r["start"]:r["end"]] for r in rows]


def test_offsets_cover_the_whole_expression_with_an_offset(nlp, rules):
    body = "Officials said more than 10,000 drones were sent."
    prefix = "---\ntitle: x\n---\n"
    doc = nlp(body)
    article = _article(prefix + body)
    rows = extract_quantities(doc, article, rules, len(prefix))
    assert [article.text[r["start"]:r["end"]] for r in rows] == ["more than 10,000 drones"]
    assert rows[0]["sentence_start"] == len(prefix)


@pytest.mark.parametrize("text", ["A man in his 20's was taken into custody.",
                                  "A woman in her 30’s was hurt.",
                                  "Prices were lower in the 1990's."])
def test_a_decade_is_no_count(nlp, rules, text):
    assert [text[r["start"]:r["end"]] for r in facts(nlp, rules, text)] == []


def test_a_count_before_a_possessive_s_stays(nlp, rules):
    text = "The chain's 20 stores' leases end in May."
    assert 20 in [r["value"] for r in facts(nlp, rules, text)]
