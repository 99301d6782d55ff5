"""Units read from pint's registry, money per a thing, signs and notation (issue 16)."""

from __future__ import annotations

import pytest

from .test_quantities import _by_text, facts

# (id, sentence, span, kind, value, unit, per). Sentences are our own.
REGISTRY = [
    ("furlong", "The colt won by two furlongs at Ascot.", "two furlongs", "measure", 2,
     "furlong", None),
    ("nanosecond", "Each pulse lasts 40 nanoseconds.", "40 nanoseconds", "duration", 40,
     "nanosecond", None),
    ("kilopascal", "The tyres were pumped to 240 kilopascals.", "240 kilopascals", "measure",
     240, "kilopascal", None),
    ("symbol-hertz", "The grid runs at 50 Hz across the island.", "50 Hz", "measure", 50,
     "hertz", None),
    ("prefixed-symbol", "The new phone carries a 5000 mAh battery.", "5000 mAh", "measure",
     5000, "milliampere_hour", None),
    ("glued-micro", "The filter stops grains of 250μm.", "250μm", "measure", 250,
     "micrometer", None),
    ("hyphenated-symbol", "It has a 650-hp engine under the bonnet.", "650-hp", "measure",
     650, "horsepower", None),
    ("prefixed-name", "The ice sheet lost 90 gigatonnes last year.", "90 gigatonnes",
     "measure", 90, "gigametric_ton", None),
    ("ratio-of-symbols", "Gusts reached 40 m/s on the ridge.", "40 m/s", "measure", 40,
     "meter / second", None),
    ("power-suffix-glued", "The studio is 65m2 on the top floor.", "65m2", "measure", 65,
     "meter ** 2", None),
    ("pint-lacks-mpg", "The hybrid returns 58 mpg on the motorway.", "58 mpg", "measure", 58,
     "mile / gallon", None),
    ("glued-only-inch-and-stone", "The lock keeper is 6ft 2in and weighs 14st.", "6ft 2in",
     "measure", 6 + 2 / 12, "foot", None),
    ("hyphened-count", "The family bought a three-bedroom house.", "three-bedroom", "count", 3,
     "bedroom", None),
    ("hyphened-digits-count", "The 10-storey block was evacuated.", "10-storey", "count", 10,
     "storey", None),
    ("quake-magnitude", "A 6.1-magnitude quake shook the valley overnight.", "6.1-magnitude",
     "measure", 6.1, "magnitude", None),
    ("sports-average", "She averaged 21.4 ppg over the season.", "21.4 ppg", "measure", 21.4,
     "point / game", None),
]

RATES = [
    ("per-barrel", "Brent crude settled at $61 a barrel on Friday.", "$61 a barrel", "rate",
     61, "USD / oil_barrel", "oil_barrel"),
    ("per-square-foot", "Offices downtown lease for $18.40 per square foot.",
     "$18.40 per square foot", "rate", 18.4, "USD / foot ** 2", "foot ** 2"),
    ("per-share", "The board declared a dividend of €12 per share.", "€12 per share", "rate",
     12, "EUR / share", "share"),
    ("per-ticket-noun", "Seats went on sale at £35 a ticket.", "£35 a ticket", "rate", 35,
     "GBP / ticket", "ticket"),
    ("per-month-stays-money", "Rent on the flat is $2,900 a month.", "$2,900 a month",
     "money", 2900, "USD", "month"),
    ("vague-of-currency", "The repairs cost hundreds of thousands of dollars.",
     "hundreds of thousands of dollars", "money", 1e5, "USD", None),
    ("half-of-a-whole", "About half of the homes had no heating.", "About half", "percent",
     50, "percent", None),
]

SIGNS_AND_NOTATION = [
    ("signed-after-index", "By noon the DAX was -0.8% and the CAC 40 -1.1%.", "-1.1%",
     "percent", -1.1, "percent", None),
    ("signed-first", "By noon the DAX was -0.8% and the CAC 40 -1.1%.", "-0.8%", "percent",
     -0.8, "percent", None),
    ("scientific-unicode-minus", "The wavelength is 3.1×10−7 metres.", "3.1×10−7 metres",
     "measure", 3.1e-7, "meter", None),
    ("scientific-caret", "The sample held 6.02 x 10^23 atoms.", "6.02 x 10^23 atoms", "count",
     6.02e23, "atom", None),
]


@pytest.mark.parametrize("case", REGISTRY + RATES + SIGNS_AND_NOTATION, ids=lambda c: c[0])
def test_kind_unit_and_per(nlp, rules, case):
    _, sentence, text, kind, value, unit, per = case
    row = _by_text(facts(nlp, rules, sentence), text, sentence)
    assert (row["kind"], row["unit"], row["per"]) == (kind, unit, per)
    assert row["value"] == pytest.approx(value)


def test_registry_units_are_not_listed_in_the_rules(rules):
    """The three units above come from pint, not from rules/units.yaml."""
    listed = {k.lower() for k in rules.units} | {v["unit"] for v in rules.units.values()}
    assert not {"furlong", "furlongs", "nanosecond", "nanoseconds", "kilopascal",
                "kilopascals"} & listed


@pytest.mark.parametrize("sentence", [
    "Police fired 15 shots at the car.",
    "Two hands were found on the quay.",
    "The app lost 3 points in the poll.",
    "He bought three gray cars on Monday.",
    "The talk starts at 2pm in the hall.",
    "Officers charged him with 5 counts of fraud.",
    "Sales rose in the second half of the year.",
    "The shop at 14 Elm Street reopened.",
    "The crew found 7 in the hold.",
    "The 21st annual regatta opens on Friday.",
], ids=["shots", "hands", "points", "gray", "pm", "counts", "half-a-part", "house-number",
        "in-with-a-space", "ordinal-st"])
def test_ordinary_words_and_names_are_no_measures(nlp, rules, sentence):
    rows = facts(nlp, rules, sentence)
    assert all(r["kind"] not in ("measure", "duration", "percent") for r in rows), rows
    assert not any(r["kind"] == "count" and r["value"] == 14 for r in rows), rows


def test_falling_dash_after_a_number_is_a_sign_not_a_range(nlp, rules):
    sentence = "Shares ranged 2 -7 percent on the day."
    row = _by_text(facts(nlp, rules, sentence), "2 -7 percent", sentence)
    assert (row["qualifier"], row["low"], row["high"]) == ("range", 2, 7)
