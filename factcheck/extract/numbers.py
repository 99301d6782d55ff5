"""Pure parsing of number expressions: digits, words, scales, fractions, intervals.

No spaCy here: the extractor finds *where* a number is; this module says *what*
it is worth. The words themselves (number words, scales, fractions, vague
amounts, qualifiers) come from ``rules/numbers.yaml`` through ``Vocab``.

A hand-written parser because no maintained library covers what news needs at
once: glued scales ("£3bn", "3.5m"), "half a million", "one and a half",
"three-quarters", separators and decimals, and returning ``None`` (rather than
a guess) for anything that is not a number.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

# "1,234,567.5" (grouped thousands) or "1234.5"; a glued scale suffix after it.
# Indian grouping ("12,34,567") first, so it is not cut short at "12".
DIGITS = r"\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+"
# "1/2", "10 1/2", "½", "10½": written fractions (denominators up to 16).
VULGAR = "½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞"
FRACTION_DIGITS = rf"(?:\d+\s)?\d{{1,2}}/\d{{1,2}}(?![\d/])|\d*[{VULGAR}]"
# Scientific notation: "3.1×10−7", "6.02 x 10^23", "2×10⁹" (with "x" only
# when the exponent is marked: "a 3 x 10 room" is two sides).
_SUPER = "⁰¹²³⁴⁵⁶⁷⁸⁹"
SCIENTIFIC = (rf"\d+(?:\.\d+)?\s?(?:×\s?10[\-−–]\d{{1,3}}(?![\d,])"
              rf"|[×xX]\s?10(?:\^|\*\*)\s?[\-−–]?\d{{1,3}}(?![\d,])"
              rf"|[×xX]\s?10[⁻⁺]?[{_SUPER}]+)")
_SCI_RE = re.compile(r"^(?P<m>\d+(?:\.\d+)?)\s?[×xX]\s?10(?:\^|\*\*)?\s?(?P<sign>[\-−–⁻]?)[⁺+]?"
                     rf"(?P<e>[\d{_SUPER}]+)$")
_DIGITS_RE = re.compile(rf"^(?P<num>{DIGITS})(?P<suffix>[a-z]*)$")
_SLASH_RE = re.compile(r"^(?P<whole>\d*?)(?:(?P<num>\d{1,2})/(?P<den>\d{1,2})|(?P<vulgar>[" + VULGAR
                       + r"]))$")
_SPLIT_RE = re.compile(r"[\s\-\u2010-\u2013]+")


@dataclass(frozen=True)
class Vocab:
    """The words numbers are written with, from the `number_*` rule sections."""

    words: Mapping[str, float] = field(default_factory=dict)  # one, twenty, dozen…
    scales: Mapping[str, float] = field(default_factory=dict)  # hundred, m, bn, million…
    fractions: Mapping[str, float] = field(default_factory=dict)  # half, third, quarters…
    vague: Mapping[str, tuple[float, float]] = field(default_factory=dict)  # dozens…
    vague_values: Mapping[str, float] = field(default_factory=dict)  # the magnitude named
    fillers: frozenset[str] = frozenset({"a", "an", "and", "of"})

    @classmethod
    def from_rules(cls, rules: Any) -> Vocab:
        vague = {k.lower(): (float(v["low"]), float(v["high"]))
                 for k, v in rules.vague_amounts.items()}
        return cls(
            words={k.lower(): float(v) for k, v in rules.number_words.items()},
            scales={k.lower(): float(v) for k, v in rules.number_scales.items()},
            fractions={k.lower(): float(v) for k, v in rules.number_fractions.items()},
            vague=vague,
            vague_values={k.lower(): float(v.get("value", v["low"]))
                          for k, v in rules.vague_amounts.items()},
        )


def _written_fraction(token: str) -> float | None:
    """ "3/4" → 0.75, "½" → 0.5; None for what reads as a date or a ratio ("12/25")."""

    m = _SLASH_RE.match(token)
    if not m:
        return None
    if m["vulgar"]:
        frac = unicodedata.numeric(m["vulgar"])
    else:
        num, den = int(m["num"]), int(m["den"])
        if not 0 < num < den <= 16:
            return None
        frac = num / den
    return float(m["whole"] or 0) + frac


def _digits(token: str, vocab: Vocab) -> float | None:
    m = _DIGITS_RE.match(token)
    if not m:
        return None
    value = float(m["num"].replace(",", ""))
    suffix = m["suffix"]
    if suffix:
        scale = vocab.scales.get(suffix)
        if scale is None:
            return None
        value *= scale
    return value


def parse_number(text: str, vocab: Vocab) -> float | None:
    """The value of a number expression, or None when it is not one.

    "1,250" → 1250; "3.5 million" → 3.5e6; "3.1×10−7" → 3.1e-7;
    "£3bn" → (caller strips "£") 3bn → 3e9;
    "twenty-five" → 25; "one and a half" → 1.5; "half a million" → 5e5;
    "three-quarters" → 0.75; "a dozen" → 12. Ordinals, "a" alone, and two
    numbers side by side ("forty fifty") are not numbers.
    """
    sci = _SCI_RE.match(text.strip())
    if sci:
        exponent = sci["e"].translate(str.maketrans(_SUPER, "0123456789"))
        return float(f"{sci['m']}e{'-' if sci['sign'] else ''}{exponent}")
    tokens = [t for t in _SPLIT_RE.split(text.strip().lower()) if t]
    if not tokens:
        return None
    total = 0.0
    current = 0.0
    seen = False  # any numeric word or digits so far
    after_and = False
    article = False  # a/an just before: stands for "one" before a scale or fraction
    last = ""  # kind of the previous numeric token: digit, word, scale, fraction
    skip_next = False
    for i, tok in enumerate(tokens):
        if skip_next:
            skip_next = False
            continue
        if tok in ("a", "an"):
            if last == "fraction":
                continue  # "half a million": the "a" joins fraction and scale
            if article:
                return None
            article = True
            continue
        if tok == "of":
            if last != "fraction":
                return None
            continue  # "a quarter of a million": "of a" joins fraction and scale
        if tok == "and":
            if not seen or after_and or article:
                return None
            after_and = True
            continue
        digit_value = _digits(tok, vocab)
        written = _written_fraction(tok) if digit_value is None else None
        if written is not None:
            if article or last not in ("", "digit") or after_and:
                return None
            current += written  # "10 1/2": the whole number, then the fraction
            last = "fraction"
        elif digit_value is not None:
            if article or last in ("digit", "word", "fraction"):
                return None
            if last == "scale" and not after_and:
                return None
            current += digit_value
            last = "digit"
        elif tok in vocab.words:
            value = vocab.words[tok]
            if article or last in ("digit", "fraction"):
                return None
            nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
            if after_and and nxt in vocab.fractions and nxt.endswith("s"):
                # "two and three eighths": the count of the fraction that follows.
                current += value * vocab.fractions[nxt]
                last = "fraction"
                seen, after_and = True, False
                skip_next = True
                continue
            if last == "word" and not (current % 100 >= 20 and current % 10 == 0 and value < 10):
                return None  # "twenty five" is one number; "forty fifty" is two
            current += value
            last = "word"
        elif tok in vocab.scales:
            scale = vocab.scales[tok]
            alone = len(tokens) == 1 and len(tok) > 2 and not tok.endswith("s")
            if article or not seen and (scale < 1e6 and len(tokens) > 1 or alone):
                base = 1.0  # "a dozen", "hundred thousand dollars", "thousand"
            elif seen and last != "scale" or last == "scale" and current:
                base = current
            else:
                return None  # a bare "million" is not a number
            scale = vocab.scales[tok]
            if scale < 1000:
                current = base * scale
            else:
                total += base * scale
                current = 0.0
            last = "scale"
        elif tok in vocab.fractions:
            frac = vocab.fractions[tok]
            nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
            if after_and:
                current += frac
            elif article or (not seen and (nxt in ("a", "an", "of") or nxt in vocab.scales)):
                current = frac
            elif last in ("digit", "word") and (current == 1 or tok.endswith("s")):
                current *= frac  # "two thirds", "three-quarters", "one third"
            else:
                return None  # "third" alone is an ordinal, not a fraction
            last = "fraction"
        else:
            return None
        seen = True
        article = False
        after_and = False
    if not seen or article or after_and:
        return None
    return total + current


def parse_vague(text: str, vocab: Vocab) -> tuple[float, float] | None:
    """The interval of a vague amount ("dozens", "tens of thousands"), or None."""
    key = " ".join(t for t in _SPLIT_RE.split(text.strip().lower()) if t)
    return vocab.vague.get(key)


def vague_value(text: str, vocab: Vocab) -> float | None:
    """The magnitude a vague amount names ("thousands" → 1000), its `value`."""
    key = " ".join(t for t in _SPLIT_RE.split(text.strip().lower()) if t)
    return vocab.vague_values.get(key)


def apply_qualifier(
    value: float, rule: Mapping[str, Any] | None
) -> tuple[str, float, float | None]:
    """(qualifier, low, high) for `value` under a qualifier rule (None: exact).

    A rule gives the reach as factors of the value (``low``, ``high``); a
    missing ``high`` means the wording sets no upper bound.
    """
    if rule is None:
        return "exact", value, value
    low = value * float(rule["low"])
    high = rule.get("high")
    return rule["qualifier"], low, (value * float(high) if high is not None else None)


def plausible_year(text: str, low: int = 1800, high: int = 2100) -> bool:
    """Four bare digits that read as a year ("2019", not "2,019" or "2019.5")."""
    return len(text) == 4 and text.isdigit() and low <= int(text) <= high
