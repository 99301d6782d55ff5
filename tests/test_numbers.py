"""The number parser: every supported way of writing a number, and what is not one."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.extract.numbers import (
    Vocab,
    apply_qualifier,
    parse_number,
    parse_vague,
    plausible_year,
)


@pytest.fixture(scope="module")
def vocab(rules):
    return Vocab.from_rules(rules)


PARSE_CASES = [
    ("digits", "42", 42),
    ("thousands-separators", "1,250,000", 1_250_000),
    ("decimal", "3.75", 3.75),
    ("separators-and-decimal", "12,345.5", 12_345.5),
    ("word", "seven", 7),
    ("hyphenated-tens", "twenty-five", 25),
    ("spaced-tens", "ninety nine", 99),
    ("hundred-and", "three hundred and twelve", 312),
    ("words-with-thousand", "two thousand five hundred", 2500),
    ("a-dozen", "a dozen", 12),
    ("two-dozen", "two dozen", 24),
    ("a-hundred", "a hundred", 100),
    ("half-a-million", "half a million", 500_000),
    ("a-quarter-of-a-million", "a quarter of a million", 250_000),
    ("one-and-a-half", "one and a half", 1.5),
    ("one-and-a-half-million", "one and a half million", 1_500_000),
    ("a-third", "a third", 1 / 3),
    ("three-quarters", "three-quarters", 0.75),
    ("two-thirds", "two thirds", 2 / 3),
    ("decimal-million", "3.5 million", 3_500_000),
    ("glued-m", "3.5m", 3_500_000),
    ("glued-bn", "3bn", 3_000_000_000),
    ("spaced-bn", "3 bn", 3_000_000_000),
    ("glued-k", "10k", 10_000),
    ("trillion", "1.2 trillion", 1.2e12),
    ("word-scale", "forty million", 40_000_000),
    ("case-insensitive", "Twenty-Five", 25),
    ("scale-word-alone", "thousand", 1000),
    ("mixed-fraction-words", "two and three eighths", 2.375),
    ("written-fraction", "3/4", 0.75),
    ("mixed-written-fraction", "10 1/2", 10.5),
    ("vulgar-fraction", "2½", 2.5),
    ("indian-grouping", "12,34,567", 1_234_567),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in PARSE_CASES],
                         ids=[c[0] for c in PARSE_CASES])
def test_parse_number(vocab, text, expected):
    assert parse_number(text, vocab) == pytest.approx(expected)


NOT_NUMBERS = [
    ("of-between-whole-numbers", "one of a hundred"),
    ("empty", ""),
    ("article-alone", "a"),
    ("plural-scale", "millions"),
    ("scale-suffix-alone", "bn"),
    ("ordinal-word", "third"),
    ("ordinal-digits", "50th"),
    ("two-numbers", "forty fifty"),
    ("digits-then-word", "4 five"),
    ("unknown-suffix", "787s"),
    ("dangling-and", "two and"),
    ("word", "drones"),
]


@pytest.mark.parametrize("text", [c[1] for c in NOT_NUMBERS], ids=[c[0] for c in NOT_NUMBERS])
def test_not_a_number(vocab, text):
    assert parse_number(text, vocab) is None


VAGUE_CASES = [
    ("dozens", "dozens", (24, 144)),
    ("hundreds", "Hundreds", (200, 999)),
    ("tens-of-thousands", "tens of thousands", (20_000, 99_999)),
    ("hyphen-spacing", "hundreds-of thousands", (200_000, 999_999)),
]


@pytest.mark.parametrize(("text", "interval"), [c[1:] for c in VAGUE_CASES],
                         ids=[c[0] for c in VAGUE_CASES])
def test_vague_amounts_are_intervals(vocab, text, interval):
    assert parse_vague(text, vocab) == interval


def test_qualifier_reach_comes_from_the_rule(rules):
    more_than = rules.qualifiers["more than"]
    qualifier, low, high = apply_qualifier(10_000, more_than)
    assert qualifier == "more_than"
    assert low == 10_000
    assert high == pytest.approx(10_000 * more_than["high"])
    unbounded = {"qualifier": "more_than", "low": 1.0}
    assert apply_qualifier(10, unbounded) == ("more_than", 10, None)
    assert apply_qualifier(7, None) == ("exact", 7, 7)


@pytest.mark.parametrize(("text", "expected"), [("2019", True), ("1066", False), ("2,019", False),
                                                ("20190", False), ("2099", True)],
                         ids=["year", "too-early", "separator", "five-digits", "late"])
def test_plausible_year(text, expected):
    assert plausible_year(text) is expected


# --- round trip: write a value in each supported style, read it back -----------------------

_ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
         "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
         "eighteen", "nineteen"]
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def _words_below_1000(n: int, hyphen: bool) -> str:
    parts = []
    if n >= 100:
        parts.append(f"{_ONES[n // 100]} hundred")
        n %= 100
        if n:
            parts.append("and")
    if n >= 20:
        tens, ones = divmod(n, 10)
        joiner = "-" if hyphen else " "
        parts.append(_TENS[tens] + (joiner + _ONES[ones] if ones else ""))
    elif n or not parts:
        parts.append(_ONES[n])
    return " ".join(parts)


def words(n: int, hyphen: bool = True) -> str:
    """English words for a whole number below a billion (the test's own speller)."""
    if n == 0:
        return "zero"
    out = []
    for scale, name in ((1_000_000, "million"), (1_000, "thousand")):
        if n >= scale:
            out.append(f"{_words_below_1000(n // scale, hyphen)} {name}")
            n %= scale
    if n:
        out.append(_words_below_1000(n, hyphen))
    return " ".join(out)


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=0, max_value=999_999_999), st.booleans())
def test_round_trip_words(vocab, n, hyphen):
    assert parse_number(words(n, hyphen), vocab) == n


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=0, max_value=10**12))
def test_round_trip_digits_with_separators(vocab, n):
    assert parse_number(f"{n:,}", vocab) == n
    assert parse_number(str(n), vocab) == n


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=0, max_value=10**9), st.integers(min_value=1, max_value=4))
def test_round_trip_decimals(vocab, cents, places):
    value = cents / 10**places
    text = f"{value:,.{places}f}"
    assert parse_number(text, vocab) == pytest.approx(value)


SCALES = [("million", 1e6), ("m", 1e6), ("bn", 1e9), ("billion", 1e9), ("k", 1e3),
          ("trillion", 1e12), ("thousand", 1e3)]


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=1, max_value=9999), st.sampled_from(SCALES), st.booleans())
def test_round_trip_scales(vocab, tenths, scale, glued):
    mantissa = tenths / 10
    name, factor = scale
    sep = "" if glued and len(name) <= 2 else " "
    text = f"{mantissa:g}{sep}{name}"
    assert parse_number(text, vocab) == pytest.approx(mantissa * factor)
