"""Rates and compounds read across the figures of a sentence.

"£3bn over three years" gives the total the span it is spread over, "£3bn the
UK gives every year" the period named later in the clause, "500,000 barrels a
day" a rate unit; "6 feet 2 inches" is one figure.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from .numbers import parse_number
from .units import canonical, convert, unit_kind

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from .number_patterns import Patterns

_COMPOUND_GAP = re.compile(r"\s*(?:,|and)?\s*")
_HYPHENED = re.compile(r"\d-[^\W\d]")


def merge_compounds(rows: list[dict[str, Any]], text: str) -> list[dict[str, Any]]:
    """"5 feet 2 inches", "2 years and 3 months": one figure in the first unit."""
    out: list[dict[str, Any]] = []
    for row in rows:
        prev = out[-1] if out else None
        if (prev is not None and row["kind"] == prev["kind"] in ("measure", "duration", "age")
                and prev["qualifier"] == row["qualifier"] == "exact"
                and _COMPOUND_GAP.fullmatch(text[prev["end"]:row["start"]])
                and prev["unit"] != row["unit"] and "/" not in prev["unit"]):
            part = convert(row["value"], row["unit"], prev["unit"])
            bigger = convert(1.0, prev["unit"], row["unit"])
            if part is not None and bigger is not None and bigger > 1:
                prev["value"] = prev["low"] = prev["high"] = prev["value"] + part
                prev["end"] = row["end"]
                prev["pattern"] = f"{prev['kind']}:compound"
                continue
        out.append(row)
    return out


def link_periods(rows: list[dict[str, Any]], text: str, pats: Patterns) -> None:
    """Rates stated apart from their figure, within one sentence.

    "£3bn over three years" gives the total the span it is spread over
    ("3 year"); "£3bn the UK gives every year" gives it the period.
    """
    for i, row in enumerate(rows):
        if row["kind"] != "duration" or row["qualifier"] not in ("exact", "more_than"):
            continue
        lead = pats.spread_lead.match(text, row["start"])
        before = text[max(0, row["start"] - 40):row["start"]]
        prev = rows[i - 1] if i else None
        if prev is None or prev["sentence_start"] != row["sentence_start"] \
                or prev["kind"] not in ("money", "count", "measure") \
                or row["start"] - prev["end"] > 80:
            continue
        if row["qualifier"] == "exact" and not pats.spread_before.search(before) \
                and not pats.spread_adjacent.fullmatch(text, prev["end"], row["start"]):
            continue
        if row["qualifier"] == "more_than" and not lead:
            continue
        if lead:  # "£3bn over three years": "over" spreads the total, it is no qualifier
            row["start"] = lead.end()
            row["qualifier"], row["low"], row["high"] = "exact", row["value"], row["value"]
            row["pattern"] = "duration:spread"
        if not prev["per"] or prev["per"][:1].isdigit():
            # "£600m a year over seven years": a rate for a while is still the rate
            prev["per"] = f"{row['value']:g} {row['unit']}"
    for i, row in enumerate(rows):
        if row["per"] or row["kind"] not in ("money", "count", "measure"):
            continue
        if row["kind"] == "measure" and _HYPHENED.search(text, row["start"], row["end"]):
            continue  # "the 1,200-foot bridge": a size the noun has, never a rate
        sent_end = row["sentence_start"] + len(row["sentence"])
        nxt = rows[i + 1]["start"] if i + 1 < len(rows) else sent_end
        window = text[row["end"]:min(nxt, sent_end, row["end"] + 80)]
        found = pats.period_after.search(window)
        if found and not re.search(r"[;:]", window[:found.start()]):
            row["per"] = pats.period(found.group(0))
    for row in rows:
        # A measure over time is a rate of its own dimension: "barrels a day".
        if row["kind"] == "measure" and row["per"] and row["unit"]:
            rate = canonical(f"{row['unit']} / {row['per']}")
            if rate != f"{row['unit']} / {row['per']}" or "/" in rate:
                row["unit"], row["per"] = rate, None


def percent_points(rows: list[dict[str, Any]], text: str, pats: Patterns) -> None:
    """"The margin rose 1.8 points to 12.4%", "turnout was 61%, up two points":
    points beside a percent, joined by `percent_points` words, are percentage
    points of what the percent is of (so they meet "1.8 percentage points")."""
    units = set(pats.rules.percent_points.get("units", []))
    for i, row in enumerate(rows):
        if row["kind"] != "count" or row["unit"] not in units:
            continue
        nxt = rows[i + 1] if i + 1 < len(rows) else None
        prev = rows[i - 1] if i else None
        if nxt is not None and _a_percent(nxt, row) \
                and pats.points_after.fullmatch(text, row["end"], nxt["start"]):
            beside = nxt
        elif prev is not None and _a_percent(prev, row) \
                and pats.points_before.fullmatch(text, prev["end"], row["start"]):
            beside = prev
        else:
            continue
        row.update(kind="percent", unit="percentage_point", subject=beside["subject"],
                   pattern="percent:points")


def _a_percent(other: dict[str, Any], row: dict[str, Any]) -> bool:
    return other["kind"] == "percent" and other["unit"] == "percent" \
        and other["sentence_start"] == row["sentence_start"]


def rate_base(row: dict[str, Any], text: str, pats: Patterns) -> None:
    """"5 deaths per 100,000 people": the base joins the count's row."""
    found = pats.base_after.match(text, row["end"])
    if found:
        base = parse_number(found.group("base"), pats.vocab)
        if base is not None:
            row["per"] = f"{base:g}"
            row["end"] = found.end()


def money_rate(row: dict[str, Any], doc: Doc, text: str, pats: Patterns) -> None:
    """Money per a thing ("$61 a barrel", "$18.40 per square foot", "€12 per
    share") is a rate: kind `rate`, unit "USD / oil_barrel", `per` the thing.

    Its own kind and unit keep it from aligning with money per a period ("$61
    a month") or money in all; money per a period stays money with its `per`.
    """
    if row["kind"] != "money" or not row["unit"]:
        return
    if not row["per"] and pats.money_rate is not None:
        lead = pats.money_rate.match(text, row["end"])
        if lead is None:
            return
        found = pats.any_unit(text, lead.end())
        if found is not None:
            per, end = canonical(found[0]), found[1]
        else:
            noun = _thing(doc, lead.end(), lead.group(0).strip().lower() == "per")
            if noun is None:
                return
            per, end = noun.lemma_.lower(), noun.idx + len(noun.text)
        if pats.offset_after.match(text, end):
            return  # "from £290m a year earlier": a moment back, no period
        row["per"], row["end"] = per, end
    per = row["per"]
    if not per or per[:1].isdigit() or unit_kind(per) == "duration":
        return  # "a year", "over 3 years": money per a period
    row["kind"], row["unit"] = "rate", f"{row['unit']} / {per}"
    row["pattern"] = "rate:" + row["pattern"].split(":", 1)[-1]


def implied_rate(row: dict[str, Any], text: str, pats: Patterns) -> None:
    """Money of a thing that is only ever paid per something ("an interim
    dividend of 5.4p": per share, `rate_subjects`) is that rate though the
    "a share" is left unsaid, so it meets "4.5p a share"; a scaled sum ("a
    £2bn dividend") is the payout in all and stays money."""
    if row["kind"] != "money" or row["per"] or not row["subject"] or not row["unit"]:
        return
    thing = pats.rules.rate_subjects.get(row["subject"].split()[-1].lower())
    if thing is None or any(w in pats.vocab.scales for w in
                            re.findall(r"[^\W\d_]+", text[row["start"]:row["end"]].lower())):
        return
    row["kind"], row["per"], row["unit"] = "rate", thing, f"{row['unit']} / {thing}"
    row["pattern"] = "rate:" + row["pattern"].split(":", 1)[-1]


def _thing(doc: Doc, pos: int, after_per: bool) -> Any:
    """The singular noun a price is given per ("a ticket", "per share"), or None."""
    span = doc.char_span(pos, pos + 1, alignment_mode="expand")
    if span is None or not len(span):
        return None
    tok = span[0]
    if tok.tag_ != "NN" or tok.is_stop:
        return None
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if nxt is not None and nxt.pos_ in ("NOUN", "PROPN") and not after_per:
        return None  # "$5 a barrel price" names what costs $5, not a rate
    return tok
