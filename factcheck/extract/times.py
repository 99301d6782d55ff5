"""Times of day as facts, in minutes after midnight.

Three shapes, each with the interval its wording allows:

- a clock time, "around 1:45 a.m.": 105, reaching as far as its qualifier
  and roundness allow (rules `time_reach`, `time_qualifiers`: "about 9
  p.m." 8:45 to 9:15);
- a range, "between 2 and 3 a.m.", "2-3 a.m.": 120 to 180;
- a part of a day, "Tuesday night", "early Sunday", "this morning": the
  hours the part covers (rules `day_parts`; a part that runs past midnight
  ends after 24:00, "night" 17:00 to 29:00).

frames.py gives each its event, and keeps the parts of a day only where
the text gives no clock time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..rules.schema import TimeReach

_MERIDIEM = r"(?P<mer>[ap])\.?\s?m\b\.?"
# Each pattern opens with a lookahead for the characters its matches can
# start with (a digit, "midnight"/"noon"; "between"/"from"): the others fail
# there at once, not in every alternative (2.5-3x faster, the same matches).
# "6:42 a.m.", "6.42am" (British); a 24-hour clock only where it cannot be a
# 12-hour one ("06:42", "18:42"): "10:30" alone could be either.
_TIME = re.compile(
    r"(?=[\dmn])(?:(?<![\d:.,$£€])(?P<h>1[0-2]|0?[1-9])(?:[:.](?P<m>[0-5]\d))?\s?" + _MERIDIEM
    + r"|(?<![\d:.,$£€])(?P<h24>0\d|1[3-9]|2[0-3]):(?P<m24>[0-5]\d)(?![\d:])"
    + r"|(?P<word>\bmidnight\b|\bnoon\b))", re.IGNORECASE)
_RANGE = re.compile(
    r"(?=[\dbf])(?<![\d:.,$£€])(?:(?:between|from)\s+)?(?P<h1>1[0-2]|0?[1-9])"
    r"(?::(?P<m1>[0-5]\d))?(?:\s?(?P<mer1>[ap])\.?\s?m\b\.?)?\s*(?:-|–|to|and)\s*"
    r"(?P<h>1[0-2]|0?[1-9])(?::(?P<m>[0-5]\d))?\s?" + _MERIDIEM, re.IGNORECASE)
_HHMM = re.compile(r"^(\d{1,2}):([0-5]\d)$")
_DAY = 24 * 60


@dataclass
class TimeWords:
    """The time rules as lookups."""

    reach: TimeReach = field(default_factory=TimeReach)
    quals: list[tuple[str, str]] = field(default_factory=list)
    parts: dict[str, tuple[float, float]] = field(default_factory=dict)
    part_pattern: re.Pattern[str] | None = None
    stamps: tuple[str, ...] = ()
    # Verbs whose date is not the day of the event (dates of speech and of
    # states: "police said Monday", "was in custody Thursday").
    said: frozenset[str] = frozenset()
    states: frozenset[str] = frozenset()
    # Words that put an event before a date's ("arrested Tuesday after he
    # shot himself").
    after: frozenset[str] = frozenset()
    after_events: frozenset[str] = frozenset()
    # Prepositions that make a date a bound ("since Saturday"), not a day.
    bounds: frozenset[str] = frozenset()
    # What a plan is of, by word ("walk out" → strike): plans' days align by it.
    plans: dict[str, str] = field(default_factory=dict)
    # Before or after a 24-hour clock: what makes "18:42" a time ("at 18:42", "18:42 BST").
    clock_lead: re.Pattern[str] | None = None
    clock_zone: re.Pattern[str] | None = None

    @classmethod
    def of(cls, rules: Any) -> TimeWords:
        quals = sorted(((k.casefold(), v) for k, v in rules.time_qualifiers.items()),
                       key=lambda kv: -len(kv[0]))
        parts = {" ".join(k.casefold().split()): _hours(v) for k, v in rules.day_parts.items()}
        days = [*rules.weekdays, *rules.part_days]
        leads = [w.casefold() for w in rules.day_part_leads]
        return cls(rules.time_reach, quals, parts, _part_pattern(parts, days, leads),
                   tuple(rules.timestamp_words),
                   frozenset(w.casefold() for w in rules.speech_verbs),
                   frozenset(w.casefold() for w in rules.state_verbs),
                   frozenset(w.casefold() for w in rules.after_words),
                   frozenset(rules.after_events),
                   frozenset(w.casefold() for w in rules.date_bounds),
                   {" ".join(w.casefold().split()): k for k, words in rules.plan_events.items()
                    for w in words},
                   re.compile(rf"\b(?:{'|'.join(map(re.escape, rules.clock_leads))})\s+$",
                              re.IGNORECASE),
                   re.compile(rf"\s*(?:{'|'.join(map(re.escape, rules.clock_zones))})\b"))


def clock(text: str) -> float | None:
    """'05:00' → 300 minutes; None when it is no time."""
    m = _HHMM.match(str(text).strip())
    if not m or int(m.group(1)) > 24:
        return None
    return float(int(m.group(1)) * 60 + int(m.group(2)))


def _hours(span: list[str]) -> tuple[float, float]:
    lo, hi = clock(span[0]) or 0.0, clock(span[1]) or 0.0
    return lo, hi + _DAY if hi <= lo else hi  # "19:00 to 05:00" runs past midnight


def _part_pattern(parts: dict[str, tuple[float, float]], days: list[str],
                  leads: list[str]) -> re.Pattern[str] | None:
    """"(early|late)? DAY PART" ("late Tuesday night", "this morning") or
    "(early|late) DAY" ("early Sunday"): a day word is what makes a part of
    a day a time ("in the morning" alone says too little)."""
    if not parts or not days:
        return None
    alt = "|".join(re.escape(p).replace(r"\ ", r"\s+")
                   for p in sorted(parts, key=lambda p: (-len(p), p)))
    mods = "|".join(re.escape(p) for p in sorted(leads))
    day = "|".join(re.escape(d) for d in sorted({d.casefold() for d in days}, key=len,
                                                   reverse=True))
    lead = rf"(?:(?P<mod>{mods})\s+)?" if mods else ""
    tail = rf"|\b(?P<mod2>{mods})\s+(?:{day})\b" if mods else ""
    return re.compile(rf"\b{lead}(?:{day})\s+(?P<part>{alt})\b{tail}", re.IGNORECASE)


def time_spans(text: str, words: TimeWords) -> list[dict[str, Any]]:
    """Every time of day in `text`: start, end, value, low, high, qualifier, pattern."""
    ranges = [_range(m) for m in _RANGE.finditer(text) if m.group("h1")]
    out = [r for r in ranges if r is not None]
    for m in _TIME.finditer(text):
        if any(r["start"] <= m.start() < r["end"] for r in out):
            continue  # the end of a range
        if _a_timestamp(text, m.start(), m.end(), words):
            continue
        if m.group("h24") and not _a_clock(text, m.start(), m.end(), words):
            continue
        out.append(_clock(m, text, words))
    if words.part_pattern is not None:
        for m in words.part_pattern.finditer(text):
            out.append(_part(m, words))
    out.sort(key=lambda r: (r["start"], r["end"]))
    return out


# A date with its year, then at most a separator: "Feb. 6, 2017 - ", "2/6/2017 ".
_DATED = re.compile(r"(?:\b[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+|\b\d{1,2}/\d{1,2}/)\d{4}"
                    r"[\s,\-–|@]*$")


def _a_timestamp(text: str, start: int, end: int, words: TimeWords) -> bool:
    """"Updated: Feb. 6, 2017 - 3:25 PM": the page's own time, not the event's;
    so is a time that is a line by itself (a live page's "9:40 a.m." above
    each update)."""
    first = text.rfind("\n", 0, start) + 1
    last = text.find("\n", end)
    if not text[first:start].strip() and not text[end:None if last < 0 else last].strip():
        return True
    line = text[max(first, start - 48):start]
    if _DATED.search(line):
        return True
    return any(re.search(rf"\b{re.escape(w)}\b[^.!?]*$", line) for w in words.stamps)


def _a_clock(text: str, start: int, end: int, words: TimeWords) -> bool:
    """Whether a 24-hour "18:42" is said as a time ("at 18:42", "18:42 GMT")."""
    lead = words.clock_lead is not None and words.clock_lead.search(text, max(0, start - 16),
                                                                     start)
    return bool(lead or words.clock_zone is not None and words.clock_zone.match(text, end))


def _range(m: re.Match[str]) -> dict[str, Any] | None:
    if m.group("mer1") is None and not m.group(0)[:1].isalpha() and "-" not in m.group(0) \
            and "–" not in m.group(0):
        return None  # "2 to 3 a.m." without "between"/"from" or a dash may be two counts
    pm = 720 if m.group("mer").lower() == "p" else 0
    first_pm = pm if m.group("mer1") is None else (720 if m.group("mer1").lower() == "p" else 0)
    lo = (int(m.group("h1")) % 12) * 60 + int(m.group("m1") or 0) + first_pm
    hi = (int(m.group("h")) % 12) * 60 + int(m.group("m") or 0) + pm
    if hi < lo and m.group("mer1") is None:
        lo -= 720  # "from 9 to 5 p.m.": 9 a.m.; "11 to 1 a.m.": 11 p.m. the day before
    elif hi < lo:
        hi += _DAY  # "11 p.m. to 1 a.m."
    if lo < 0:
        lo, hi = lo + _DAY, hi + _DAY
    return {"start": m.start(), "end": m.end(), "value": float(lo), "low": float(lo),
            "high": float(hi), "qualifier": "range", "pattern": "frames.time_range"}


def _clock(m: re.Match[str], text: str, words: TimeWords) -> dict[str, Any]:
    if m.group("word"):
        minutes = 0.0 if m.group("word").lower() == "midnight" else 720.0
        exact_minutes = 0
    elif m.group("h24"):
        exact_minutes = int(m.group("m24"))
        minutes = float(int(m.group("h24")) * 60 + exact_minutes)
    else:
        h = int(m.group("h")) % 12
        exact_minutes = int(m.group("m") or 0)
        minutes = float(h * 60 + exact_minutes + (720 if m.group("mer").lower() == "p" else 0))
    start, end = m.span()
    before = text[max(0, start - 24):start].casefold()
    how = "exact"
    for w, way in words.quals:
        q = re.search(rf"(?:^|\W)({re.escape(w)})\s+(?:at\s+)?$", before)
        if q:
            how, start = way, m.start() - len(before) + q.start(1)
            break
    reach = _reach(exact_minutes, words)
    low, high, qual = {
        "about": (minutes - reach, minutes + reach, "about"),
        "after": (minutes, minutes + 2 * reach, "at_least"),
        "before": (minutes - 2 * reach, minutes, "at_most"),
    }.get(how, (minutes, minutes, "exact"))
    return {"start": start, "end": end, "value": minutes, "low": low, "high": high,
            "qualifier": qual, "pattern": "frames.time"}


def _part(m: re.Match[str], words: TimeWords) -> dict[str, Any]:
    mod = (m.group("mod") or m.group("mod2") or "").casefold()
    part = " ".join((m.group("part") or "").casefold().split())
    key = next((k for k in (f"{mod} {part}".strip(), part, mod) if k in words.parts), "")
    lo, hi = words.parts.get(key, (0.0, float(_DAY)))
    return {"start": m.start(), "end": m.end(), "value": (lo + hi) / 2, "low": lo, "high": hi,
            "qualifier": "range", "pattern": "frames.day_part"}


def _reach(minutes: int, words: TimeWords) -> float:
    """How far "about" reaches from a time, by how round the time is."""
    if minutes == 0:
        return words.reach.hour
    if minutes == 30:
        return words.reach.half_hour
    if minutes % 15 == 0:
        return words.reach.quarter_hour
    if minutes % 5 == 0:
        return words.reach.five_minutes
    return words.reach.minute
