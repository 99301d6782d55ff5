"""What two numeric facts measure against each other: the intervals their
wording allows, in one unit and period, the tolerance for rounding, and
whether they are one running total seen at two times.

The numeric checks (checks/fc1xx, fc4xx) read a `Pair`; each property is
worked out once, when a check first asks for it, so a pair in currencies
with no rate never computes intervals it cannot have.
"""

from __future__ import annotations

import math
import re
from functools import cached_property
from typing import Any

from ..extract.units import convert
from .subject_words import canonical_words

OPEN_UP = ("more_than", "at_least")
OPEN_DOWN = ("less_than", "at_most")
_PER = re.compile(r"^\s*(\d+(?:\.\d+)?)?\s*([A-Za-z_]+?)s?\s*$")


def tolerance(rules: Any, kind: str, a: float, b: float) -> float:
    tol = rules.tolerances
    t = tol.get(kind) or tol.get("default") or {"relative": 0.02}
    return max(t.get("relative", 0.0) * max(abs(a), abs(b)), t.get("absolute", 0.0))


def interval(f: dict[str, Any], *, reached: bool) -> tuple[float, float]:
    """The values a fact's wording allows. `reached`: as far as the qualifier
    plausibly reaches (the extractor's low/high, from the `qualifiers` rules:
    'more than 10' → [10, 15]); otherwise the bare logic ('more than 10' →
    (10, ∞)), which tells an order of magnitude (FC102) from a contradiction."""
    v = f["value"]
    lo = f["low"] if f["low"] is not None else v
    hi = f["high"] if f["high"] is not None else v
    q = f["qualifier"] or "exact"
    if q in OPEN_UP and (not reached or f["high"] is None):
        hi = math.inf
    if q in OPEN_DOWN and (not reached or f["low"] is None):
        lo = -math.inf
    lo = -math.inf if lo is None else lo
    hi = math.inf if hi is None else hi
    return lo, hi


def overlap(a: tuple[float, float], b: tuple[float, float], tol: float) -> bool:
    return a[0] - tol <= b[1] and b[0] - tol <= a[1]


def period(per: str | None) -> tuple[float, str] | None:
    """'year' → (1, 'year'); '3 year' / '3 years' → (3, 'year')."""
    if not per:
        return None
    m = _PER.match(per)
    if not m:
        return None
    return float(m.group(1) or 1), m.group(2).casefold()


def _per_year(f: dict[str, Any], years: float) -> dict[str, Any]:
    return {**f, **{c: None if f[c] is None else f[c] / years for c in ("value", "low", "high")}}


def _in_years(span: tuple[float, str]) -> float | None:
    n, unit = span
    if unit == "year":
        return n
    try:
        years = convert(1.0, unit, "year")
        return None if years is None else n * float(years)
    except Exception:  # a period pint does not know cannot be compared
        return None


def _scale(f: dict[str, Any], g: dict[str, Any], rules: Any) -> float | None:
    """The factor that brings f's unit to g's, or None when there is none."""
    if f["unit"] == g["unit"] or not f["unit"] or not g["unit"]:
        return 1.0
    if f["kind"] == "money" and g["kind"] == "money":
        rates = rules.currency_rates
        if f"{f['unit']}/{g['unit']}" in rates:
            return float(rates[f"{f['unit']}/{g['unit']}"])
        if f"{g['unit']}/{f['unit']}" in rates:
            return 1.0 / float(rates[f"{g['unit']}/{f['unit']}"])
        return None
    return 1.0  # other units were converted before comparing


def _converted(f: dict[str, Any], g: dict[str, Any], rules: Any) -> dict[str, Any] | None:
    """f in g's unit: rates for money, pint (units.convert) for the rest."""
    # Counts were aligned on what they count (synonyms folded): same unit.
    if f["kind"] in ("money", "count") or not f["unit"] or f["unit"] == g["unit"] or not g["unit"]:
        k = _scale(f, g, rules)
        if k is None:
            return None
        return {**f, **{c: None if f[c] is None else f[c] * k for c in ("value", "low", "high")}}
    try:
        moved = {c: None if f[c] is None else convert(f[c], f["unit"], g["unit"])
                 for c in ("value", "low", "high")}
    except Exception:  # units pint cannot relate are different facts
        return None
    if any(moved[c] is None and f[c] is not None for c in moved):
        return None
    return {**f, "unit": g["unit"],
            **{c: None if v is None else float(v) for c, v in moved.items()}}


def _cumulative(f: dict[str, Any], words: set[str]) -> bool:
    """A count of something that only grows (deaths, cases), by the rule words."""
    if f["kind"] != "count":
        return False
    text = " ".join(filter(None, (f["subject"], f["unit"], f["sentence"])))
    return bool(words & set(canonical_words(text, {})))


def _events(rules: Any) -> dict[str, Any]:
    return rules.events if rules is not None else {}


def running(f: dict[str, Any], rules: Any, words: set[str]) -> bool:
    """A running total or status: its event class is cumulative (events
    rules), or, with no frame, its words name one (`cumulative_subjects`)."""
    if f["kind"] in ("date", "time"):
        return False  # when something happened is no total ("Friday", "Jan. 17")
    event = f.get("event")
    if event:
        return bool(_events(rules).get(event, {}).get("cumulative"))
    return bool(words) and _cumulative(f, words)


def cumulative_words(rules: Any) -> set[str]:
    return {w.casefold() for w in rules.cumulative_subjects}


def later(f: dict[str, Any], g: dict[str, Any], min_hours: float) -> int:
    """1 when f was published at least `min_hours` after g, -1 when before,
    0 when that cannot be told (no dates, or the same day for date-only ones)."""
    if not f.get("published") or not g.get("published"):
        return 0
    hours = (f["published"] - g["published"]).total_seconds() / 3600
    if abs(hours) < max(min_hours, 1e-9):
        return 0
    return 1 if hours > 0 else -1


def transposed(a: float | None, b: float | None) -> bool:
    """14 and 41, 1,250 and 1,520: whole numbers of ten or more whose digits
    are the same but for two neighbours swapped."""
    if a is None or b is None or a == b or min(a, b) < 10 or a % 1 or b % 1:
        return False
    x, y = str(int(a)), str(int(b))
    if len(x) != len(y):
        return False
    at = [i for i in range(len(x)) if x[i] != y[i]]
    return len(at) == 2 and at[1] == at[0] + 1 and x[at[0]] == y[at[1]] and x[at[1]] == y[at[0]]


def _days_apart(f: dict[str, Any], g: dict[str, Any]) -> float | None:
    if not f.get("published") or not g.get("published"):
        return None
    return abs((f["published"] - g["published"]).total_seconds()) / 86400


def opposed(f: dict[str, Any], g: dict[str, Any]) -> bool:
    """'more than 10,000' against 'fewer than 10,000': the tolerance for
    rounding must not let two bounds facing away from each other meet."""
    qf, qg = f["qualifier"] or "exact", g["qualifier"] or "exact"
    for up, down in ((f, g), (g, f)):
        if (up is f and qf in OPEN_UP and qg in OPEN_DOWN) or \
                (up is g and qg in OPEN_UP and qf in OPEN_DOWN):
            lo, hi = up["low"], down["high"]
            if lo is None or hi is None:
                return False
            strict = "more_than" in (qf, qg) or "less_than" in (qf, qg)
            return lo > hi or (strict and lo == hi)
    return False


def _planned(f: dict[str, Any]) -> bool:
    """A day of a plan of a known class ("will walk out from 22 September")."""
    return str(f.get("event") or "").startswith("plan:")


def clock(span: tuple[float, float]) -> str:
    """Minutes after midnight as a 24-hour range: (105, 115) → '01:45–01:55'."""
    def hm(m: float) -> str:
        m = int(round(m)) % 1440
        return f"{m // 60:02d}:{m % 60:02d}"
    return hm(span[0]) if span[0] == span[1] else f"{hm(span[0])}–{hm(span[1])}"


def number(x: float) -> str:
    if x in (math.inf, -math.inf):
        return "∞" if x > 0 else "-∞"
    return f"{x:,.6g}"


class Pair:
    """Fact f read against fact g (f is the one a finding would be about)."""

    def __init__(self, f: dict[str, Any], g: dict[str, Any], rules: Any) -> None:
        self.f, self.g, self.rules = f, g, rules

    @cached_property
    def converted(self) -> dict[str, Any] | None:
        """f in g's unit, or None when the units cannot be related (no rate)."""
        return _converted(self.f, self.g, self.rules)

    @cached_property
    def periods(self) -> tuple[tuple[float, str] | None, tuple[float, str] | None]:
        return period(self.f["per"]), period(self.g["per"])

    @cached_property
    def other_period(self) -> bool:
        pf, pg = self.periods
        return bool(pf and pg and pf != pg)

    @cached_property
    def same_amount(self) -> bool:
        """The two amounts agree as written, whatever their periods."""
        f2, g = self.converted, self.g
        assert f2 is not None
        return overlap(interval(f2, reached=True), interval(g, reached=True),
                       tolerance(self.rules, g["kind"], f2["value"] or 0, g["value"] or 0))

    @cached_property
    def _yearly(self) -> tuple[dict[str, Any], dict[str, Any], str]:
        """(f, g, note): both per year when their periods differ and can be
        compared ('£1bn a year' agrees with '£3bn over three years')."""
        f2, g = self.converted, self.g
        assert f2 is not None
        if self.other_period:
            pf, pg = self.periods
            assert pf is not None and pg is not None
            yf, yg = _in_years(pf), _in_years(pg)
            if yf and yg:
                note = f"per {self.f['per']} vs per {g['per']}, compared per year; "
                return _per_year(f2, yf), _per_year(g, yg), note
        return f2, g, ""

    @property
    def f2(self) -> dict[str, Any]:
        return self._yearly[0]

    @property
    def g2(self) -> dict[str, Any]:
        return self._yearly[1]

    @cached_property
    def tol(self) -> float:
        kind = self.g2["kind"]
        if kind == "date" and _planned(self.f) and _planned(self.g2) \
                and "plan" in self.rules.tolerances:
            kind = "plan"  # a plan's day as stated: no day either way
        return tolerance(self.rules, kind, self.f2["value"] or 0, self.g2["value"] or 0)

    @cached_property
    def cut(self) -> tuple[tuple[float, float], tuple[float, float]]:
        """Both intervals as far as the qualifiers plausibly reach."""
        return interval(self.f2, reached=True), interval(self.g2, reached=True)

    @cached_property
    def raw(self) -> tuple[tuple[float, float], tuple[float, float]]:
        """Both intervals by bare logic (open-ended qualifiers reach infinity)."""
        return interval(self.f2, reached=False), interval(self.g2, reached=False)

    @cached_property
    def opposed(self) -> bool:
        return opposed(self.f2, self.g2)

    @cached_property
    def agree(self) -> bool:
        return overlap(*self.cut, self.tol) and not self.floor_passed

    @cached_property
    def _running(self) -> bool:
        words = cumulative_words(self.rules)
        return running(self.f, self.rules, words) and running(self.g2, self.rules, words)

    @cached_property
    def floor_passed(self) -> bool:
        """A running total whose earlier article gave a floor ("more than 130
        homicides so far", "at least 40 dead") and whose later one a figure
        above it: where the count stood then, and where it moved to. The
        floor's reach ("more than 130" up to 195) is how far a reader might
        guess, not a later figure it already told."""
        if not self._running:
            return False
        order = later(self.f, self.g2, self.rules.updates.min_hours)
        if order == 0:
            return False
        early, late = (self.g2, self.f2) if order == 1 else (self.f2, self.g2)
        if (early["qualifier"] or "exact") not in OPEN_UP or early["low"] is None:
            return False
        if str(early.get("pattern") or "").startswith("frames.status"):
            return False  # "a man was charged" says some, not a floor of a count
        return (late["low"] if late["low"] is not None else late["value"]) > \
            early["low"] + self.tol

    @cached_property
    def raw_overlap(self) -> bool:
        return overlap(*self.raw, self.tol)

    @cached_property
    def qualified(self) -> bool:
        return {self.f["qualifier"] or "exact", self.g2["qualifier"] or "exact"} != {"exact"}

    @cached_property
    def detail(self) -> str:
        cut_f, cut_g = self.cut
        return (f"{self._yearly[2]}intervals [{number(cut_f[0])}, {number(cut_f[1])}] and "
                f"[{number(cut_g[0])}, {number(cut_g[1])}] {self.g2['unit'] or ''}, "
                f"tolerance {number(self.tol)}")

    @cached_property
    def moved(self) -> int:
        """A running total that moved forward between the two articles: 1 when
        f is the later, higher one; -1 when f is the earlier, lower one (it
        lags); 0 otherwise. A status that moved from none to some is forward
        whatever the dates say when they cannot tell (statuses do not go back)."""
        f, g, rules = self.f, self.g2, self.rules
        if not self._running:
            return 0
        upd = rules.updates
        order = later(f, g, upd.min_hours)
        cut_f, cut_g = self.cut
        if self.floor_passed:  # the earlier figure is its floor
            if order == 1:
                cut_g = (cut_g[0], cut_g[0])
            else:
                cut_f = (cut_f[0], cut_f[0])
        f_higher = cut_f[0] > cut_g[1]
        g_higher = cut_g[0] > cut_f[1]
        lower = cut_g if f_higher else cut_f
        higher = cut_f if f_higher else cut_g
        if lower[1] > 0 and higher[0] > upd.max_growth * lower[1]:
            return 0  # a tenfold jump is more likely a slip than news
        days = _days_apart(f, g)
        if transposed(f["value"], g["value"]) and days is not None \
                and days <= upd.transposed_days:
            return 0  # "14 counts", then "41 counts" the next day: a swapped pair of digits
        from_none = lower[1] == 0 and f.get("event") and f.get("event") == g.get("event")
        if f_higher and (order == 1 or (order == 0 and from_none)):
            return 1
        if g_higher and (order == -1 or (order == 0 and from_none)):
            return -1
        return 0
