"""Whether aligned facts agree, and if not, the discrepancy to report.

Within each aligned group the fact that agrees with most others anchors the
*consensus*; every fact that disagrees with the anchor is an outlier and gets
one discrepancy naming its source and the sources it contradicts. How two
facts disagree picks the rule (checks.yaml):

- money in currencies with no rate in the rules: FC105 (info);
- the same amount over a different period: FC104;
- intervals that overlap only because a qualifier is open-ended, beyond how
  far it plausibly reaches (the `qualifiers` rules bound it): FC102;
- no overlap, and one side is qualified: FC103; both exact: FC101;
- a running total that is higher in a later article: FC106 (an update);
- attributes: role FC201, speaker FC202, broadcaster FC203, affiliation FC204.

Every discrepancy's `id` hashes the rule, story, kind, unit, subject and the
cited facts' articles and own text, never offsets, so it survives edits
elsewhere in an article (the triage file keys on it).
"""

from __future__ import annotations

import fnmatch
import hashlib
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import polars as pl
from rapidfuzz import fuzz

from ..facts import DISCREPANCY_SCHEMA, SEVERITY_ORDER, empty, frame
from ..rules.schema import Alignment
from .align import canonical_words, ratio, settings, synonym_map

OPEN_UP = ("more_than", "at_least")
OPEN_DOWN = ("less_than", "at_most")
ATTRIBUTE_RULES = {"role": "FC201", "speaker": "FC202", "broadcaster": "FC203",
                   "affiliation": "FC204"}
_PER = re.compile(r"^\s*(\d+(?:\.\d+)?)?\s*([A-Za-z_]+?)s?\s*$")
_COUNT_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
                "ten")


@dataclass
class Finding:
    rule: str
    detail: str
    status: str = "conflict"


def _tolerance(rules: Any, kind: str, a: float, b: float) -> float:
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


def _overlap(a: tuple[float, float], b: tuple[float, float], tol: float) -> bool:
    return a[0] - tol <= b[1] and b[0] - tol <= a[1]


def _period(per: str | None) -> tuple[float, str] | None:
    """'year' → (1, 'year'); '3 year' / '3 years' → (3, 'year')."""
    if not per:
        return None
    m = _PER.match(per)
    if not m:
        return None
    return float(m.group(1) or 1), m.group(2).casefold()


def _per_year(f: dict[str, Any], years: float) -> dict[str, Any]:
    return {**f, **{c: None if f[c] is None else f[c] / years for c in ("value", "low", "high")}}


def _in_years(period: tuple[float, str]) -> float | None:
    n, unit = period
    if unit == "year":
        return n
    try:
        from ..extract.units import convert

        return n * float(convert(1.0, unit, "year"))
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
        from ..extract.units import convert

        return {**f, "unit": g["unit"], **{c: None if f[c] is None else
                                          float(convert(f[c], f["unit"], g["unit"]))
                                          for c in ("value", "low", "high")}}
    except Exception:  # units pint cannot relate are different facts
        return None


def _cumulative(f: dict[str, Any], words: set[str]) -> bool:
    """A count of something that only grows (deaths, cases), by the rule words."""
    if f["kind"] != "count":
        return False
    text = " ".join(filter(None, (f["subject"], f["unit"], f["sentence"])))
    return bool(words & set(canonical_words(text, {})))


def _events(rules: Any) -> dict[str, Any]:
    return rules.events if rules is not None else {}


def _running(f: dict[str, Any], rules: Any, words: set[str]) -> bool:
    """A running total or status: its event class is cumulative (events
    rules), or, with no frame, its words name one (`cumulative_subjects`)."""
    event = f.get("event")
    if event:
        return bool(_events(rules).get(event, {}).get("cumulative"))
    return bool(words) and _cumulative(f, words)


def later(f: dict[str, Any], g: dict[str, Any], min_hours: float) -> int:
    """1 when f was published at least `min_hours` after g, -1 when before,
    0 when that cannot be told (no dates, or the same day for date-only ones)."""
    if not f.get("published") or not g.get("published"):
        return 0
    hours = (f["published"] - g["published"]).total_seconds() / 3600
    if abs(hours) < max(min_hours, 1e-9):
        return 0
    return 1 if hours > 0 else -1


def _update(f: dict[str, Any], g: dict[str, Any], cut_f: tuple[float, float],
            cut_g: tuple[float, float], rules: Any, detail: str) -> Finding | None:
    """A running total that moved forward between the two articles: FC106 when
    f is the later, higher one; FC402 when f is the earlier, lower one (it
    lags). A status that moved from none to some is forward whatever the
    dates say when they cannot tell (statuses do not go back)."""
    words = {w.casefold() for w in rules.cumulative_subjects}
    if not (_running(f, rules, words) and _running(g, rules, words)):
        return None
    upd = rules.updates
    order = later(f, g, upd.min_hours)
    f_higher = cut_f[0] > cut_g[1]
    g_higher = cut_g[0] > cut_f[1]
    lower = cut_g if f_higher else cut_f
    higher = cut_f if f_higher else cut_g
    if lower[1] > 0 and higher[0] > upd.max_growth * lower[1]:
        return None  # a tenfold jump is more likely a slip than news
    from_none = lower[1] == 0 and f.get("event") and f.get("event") == g.get("event")
    if f_higher and (order == 1 or (order == 0 and from_none)):
        return Finding("FC106", detail + "; a running total, later and higher", "update")
    if g_higher and (order == -1 or (order == 0 and from_none)):
        return Finding("FC402", detail + "; a running total, earlier and lower", "update")
    return None


def relation(f: dict[str, Any], g: dict[str, Any], rules: Any) -> Finding | None:
    """How fact f disagrees with fact g (None when they agree)."""
    if f["kind"] == "date" and " ".join(f["text"].casefold().split()) == \
            " ".join(g["text"].casefold().split()):
        return None  # "Monday" read against two publication dates is still one claim
    if f["kind"] == "time":
        a, b = interval(f, reached=True), interval(g, reached=True)
        if _overlap(a, b, 0.0):
            return None
        return Finding("FC401", f"times {_clock(a)} and {_clock(b)} do not meet")
    conv = _converted(f, g, rules)
    if conv is None:
        return Finding("FC105", f"{f['unit']} and {g['unit']}: no rate in the rules")
    f2 = conv
    pf, pg = _period(f["per"]), _period(g["per"])
    rate_note = ""
    if pf and pg and pf != pg:
        yf, yg = _in_years(pf), _in_years(pg)
        same_amount = _overlap(interval(f2, reached=True), interval(g, reached=True),
                               _tolerance(rules, g["kind"], f2["value"] or 0, g["value"] or 0))
        if yf and yg:
            # Compare yearly rates: "£1bn a year" agrees with "£3bn over three years".
            f2, g = _per_year(f2, yf), _per_year(g, yg)
            rate_note = f"per {f['per']} vs per {g['per']}, compared per year; "
        if same_amount:
            return Finding("FC104", f"the same amount per {f['per']} and per {g['per']}")
    tol = _tolerance(rules, g["kind"], f2["value"] or 0, g["value"] or 0)
    raw_f, raw_g = interval(f2, reached=False), interval(g, reached=False)
    cut_f, cut_g = interval(f2, reached=True), interval(g, reached=True)
    if _opposed(f2, g):
        return Finding("FC103", f"'{f['text']}' and '{g['text']}' point opposite ways from "
                                "the same figure")
    if _overlap(cut_f, cut_g, tol):
        return None
    detail = (f"{rate_note}intervals [{_n(cut_f[0])}, {_n(cut_f[1])}] and "
              f"[{_n(cut_g[0])}, {_n(cut_g[1])}] {g['unit'] or ''}, tolerance {_n(tol)}")
    moved = _update(f, g, cut_f, cut_g, rules, detail)
    if moved is not None:
        return moved
    if _overlap(raw_f, raw_g, tol):
        q = next(h for h in (f, g) if (h["qualifier"] or "exact") in OPEN_UP + OPEN_DOWN)
        cut = cut_f if q is f else cut_g
        return Finding("FC102", detail + f"; '{q['text']}' reaches {_n(cut[0])} to "
                                f"{_n(cut[1])} (qualifiers rules)")
    if {f["qualifier"] or "exact", g["qualifier"] or "exact"} != {"exact"}:
        return Finding("FC103", detail + f"; qualifiers {f['qualifier']} and {g['qualifier']}")
    return Finding("FC101", detail)


def _opposed(f: dict[str, Any], g: dict[str, Any]) -> bool:
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


def _clock(span: tuple[float, float]) -> str:
    """Minutes after midnight as a 24-hour range: (105, 115) → '01:45–01:55'."""
    def hm(m: float) -> str:
        m = int(round(m)) % 1440
        return f"{m // 60:02d}:{m % 60:02d}"
    return hm(span[0]) if span[0] == span[1] else f"{hm(span[0])}–{hm(span[1])}"


def _n(x: float) -> str:
    if x in (math.inf, -math.inf):
        return "∞" if x > 0 else "-∞"
    return f"{x:,.6g}"


def _attr_key(f: dict[str, Any], cfg: Alignment) -> str:
    if f["attribute"] == "speaker":
        return (f["who"] or "").casefold()
    return " ".join((f["attribute_value"] or "").casefold().split())


def attr_relation(f: dict[str, Any], g: dict[str, Any], rules: Any) -> Finding | None:
    cfg = settings(rules)
    if f["attribute"] != g["attribute"] or f["attribute"] not in ATTRIBUTE_RULES:
        return None
    if f["attribute_scope"] and g["attribute_scope"] and \
            f["attribute_scope"].casefold() != g["attribute_scope"].casefold():
        return None  # a role in another country or body is another role
    a, b = _attr_key(f, cfg), _attr_key(g, cfg)
    if not a or not b or fuzz.ratio(a, b) >= cfg.attribute_threshold:
        return None
    if f["attribute"] == "role" and _same_office(a, b, rules, f["attribute_scope"],
                                                 g["attribute_scope"]):
        return None
    if f["attribute"] == "speaker":
        return Finding("FC202", f"speakers {f['who']!r} and {g['who']!r}")
    return Finding(ATTRIBUTE_RULES[f["attribute"]],
                   f"{f['attribute']} {f['attribute_value']!r} and {g['attribute_value']!r}")


def _same_office(a: str, b: str, rules: Any, scope_a: str | None = None,
                 scope_b: str | None = None) -> bool:
    """One title is the other said more fully: 'Deputy Chief' and 'Deputy Police
    Chief', 'ANC Commissioner' and 'Advisory Neighborhood Commissioner', 'HPD
    Chief' and (Houston) 'Police Chief'. Not when the longer one adds a word that
    makes another office ('Deputy Chief' is not the 'Chief'; rules `title_prefixes`)."""
    bodies = [w.casefold() for w in rules.title_bodies]
    # An abbreviation may spell out the other's scope too ("HPD": Houston), or
    # name a place the other leaves unsaid ("LAPD Chief", "Police Chief").
    ctx_a = (scope_a or "").casefold().split() + a.split()
    ctx_b = (scope_b or "").casefold().split() + b.split()
    wa = _initials_spelt_out(a.split(), ctx_b, bodies, place=not scope_b)
    wb = _initials_spelt_out(b.split(), ctx_a, bodies, place=not scope_a)
    short, long_ = sorted((set(wa), set(wb)), key=len)
    if not short <= long_:
        return False
    offices = {w.casefold() for w in rules.title_prefixes}
    return not (long_ - short) & offices


# Letters of an abbreviation that may name a place ("LA" of "LAPD").
_PLACE_LETTERS = 2


def _initials_spelt_out(words: list[str], other: list[str], bodies: Sequence[str] = (),
                        place: bool = False) -> list[str]:
    """`words` with an abbreviation replaced by the words of `other` whose initials
    it is ('anc' and 'advisory neighborhood commissioner'); its last letters may
    stand for body words that `other` leaves unsaid ('hpd': houston police
    department) and, where `place`, its first letters for a place."""
    out: list[str] = []
    for w in words:
        run = None
        leads = range(min(_PLACE_LETTERS, len(w) - 1) + 1) if place and bodies else (0,)
        for lead in leads:
            for cut in range(len(w), lead, -1):
                head, tail = w[lead:cut], w[cut:]
                said = next((other[i:i + len(head)] for i in range(len(other) - len(head) + 1)
                             if "".join(x[0] for x in other[i:i + len(head)]) == head), None)
                unsaid = [next((b for b in bodies if b[0] == c), None) for c in tail]
                if len(w) > 1 and w not in other and said is not None and None not in unsaid \
                        and (lead == 0 or tail):
                    run = said + [u for u in unsaid if u]
                    break
            if run:
                break
        out += run if run else [w]
    return out


def _outlets(n: int) -> str:
    word = _COUNT_WORDS[n] if n < len(_COUNT_WORDS) else str(n)
    return f"{word} other outlets"


def _says(f: dict[str, Any], rule: str = "") -> str:
    if f["kind"] == "attribute":
        return f["who"] if f["attribute"] == "speaker" else (f["attribute_value"] or f["text"])
    text = " ".join(f["text"].split())
    if not re.search(r"[^\W\d_]", text) and (f["subject"] or f.get("event")):
        text = f"{text} {f['subject'] or f['event']}"  # "19" → "19 killed"
    if rule == "FC104":  # the period is the point: show it even where the words hide it
        text = f"{text} ({_period_words(f['per'])})"
    return text


def _period_words(per: str | None) -> str:
    """'year' → 'a year'; '3 year' → 'over 3 years'."""
    period = _period(per)
    if period is None:
        return "no period given"
    n, unit = period
    if n == 1:
        return f"a {unit}"
    return f"over {n:g} {unit}s"


def _source(f: dict[str, Any]) -> str:
    return f["source"] or f["article"]


def _severity(rules: Any, rule: str, default: str, kind: str, size: float) -> str:
    for s in rules.severity:
        if s.get("rule") not in (None, rule) or s.get("kind") not in (None, kind):
            continue
        if "min_ratio" in s and size < s["min_ratio"]:
            continue
        if "max_ratio" in s and size > s["max_ratio"]:
            continue
        return s["level"]
    return default


def fingerprint(rule: str, story: str | None, kind: str, unit: str | None, subject: str,
                cited: list[dict[str, Any]]) -> str:
    """Stable across unrelated edits: no offsets, only the facts' own words."""
    parts = [rule, story or "", kind, unit or "", subject]
    parts += sorted(f"{f['article']}\x1f{' '.join(f['text'].split()).casefold()}" for f in cited)
    return "fc-" + hashlib.blake2b("\x1e".join(parts).encode(), digest_size=10).hexdigest()


def _ignored(rules: Any, row: dict[str, Any], cited: list[dict[str, Any]]) -> bool:
    for rule in rules.ignore:
        if "rule" in rule and rule["rule"] not in (row["rule"], row["name"]):
            continue
        subject = (row["subject"] or "").casefold()
        if "subject" in rule and rule["subject"].casefold() not in subject:
            continue
        if "article" in rule and not any(fnmatch.fnmatch(f["article"], rule["article"])
                                         for f in cited):
            continue
        if "text" in rule and not any(rule["text"].casefold() in f["text"].casefold()
                                      for f in cited):
            continue
        return True
    return False


def _group_findings(members: list[dict[str, Any]], rules: Any) -> list[tuple[dict, list, Finding]]:
    """(outlier, the consensus facts it contradicts, how) for one group."""
    rel = attr_relation if members[0]["kind"] == "attribute" else relation
    chain = _running_chain(members, rules)
    if chain is not None:
        return chain
    n = len(members)
    found: dict[tuple[int, int], Finding | None] = {}
    for x in range(n):
        for y in range(n):
            if x != y:
                found[x, y] = rel(members[x], members[y], rules)
    agree = [sum(found[x, y] is None for y in range(n) if y != x) for x in range(n)]
    # The anchor agrees with most; ties go to the earliest fact (batch order).
    anchor = max(range(n), key=lambda x: (agree[x], -x))
    consensus = [y for y in range(n) if y == anchor or found[y, anchor] is None]
    # The rule is read against the most precise fact of the consensus: "41 km"
    # against "14 km" is a mismatch, whatever "nearly nine miles" also says.
    exact = [y for y in consensus if (members[y].get("qualifier") or "exact") == "exact"]
    out = []
    for x in range(n):
        if x in consensus:
            continue
        against = [members[y] for y in consensus if found[x, y] is not None]
        ref = next((y for y in exact if found[x, y] is not None), anchor)
        out.append((members[x], against, found[x, ref] or found[x, anchor]))
    return out


def _running_chain(members: list[dict[str, Any]], rules: Any
                   ) -> list[tuple[dict, list, Finding]] | None:
    """A running total told in time order: each article that moves the figure
    against the articles that said what it moves from. Higher later is an update (FC106),
    lower later a correction (a conflict), so a toll that climbs through a day
    is a row of updates, not of errors. None when the group is not one
    running total with publication times to order it by."""
    words = {w.casefold() for w in rules.cumulative_subjects}
    if members[0]["kind"] != "count" or not all(
            m.get("event") and m.get("published") and _running(m, rules, words)
            for m in members) or len({m["published"] for m in members}) < 2:
        return None
    ordered = sorted(members, key=lambda m: (m["published"], m["pos"]))
    out = []
    level = [ordered[0]]  # the articles that say what the story says so far
    left: list[dict[str, Any]] = []  # what the story said before it moved there
    for x in ordered[1:]:
        found = relation(x, level[-1], rules)
        if found is None:
            level.append(x)
            # Each later article that carries an update is one: "A (later) says
            # a man was arrested; B (earlier) says no one is in custody".
            moved = [(g, relation(x, g, rules)) for g in left]
            moved = [(g, f) for g, f in moved if f is not None and f.status == "update"]
            if moved:
                out.append((x, [g for g, _ in moved], moved[-1][1]))
            continue
        against = [g for g in level if relation(x, g, rules) is not None]
        out.append((x, against, found))
        left, level = level, [x]
    return out


def compare(facts: pl.DataFrame, groups: pl.DataFrame, rules: Any) -> pl.DataFrame:
    """DISCREPANCY_SCHEMA rows, ordered by severity, story, then position."""
    if groups.is_empty():
        return empty(DISCREPANCY_SCHEMA)
    from .align import canonical_entities

    names = canonical_entities(facts)
    joined = groups.join(facts.with_row_index("pos").drop("story"), on="fact_id", how="inner",
                         maintain_order="left")
    checks = rules.checks
    synonyms = synonym_map(rules)
    rows = []
    for (gid,), part in joined.group_by(["group"], maintain_order=True):
        members = sorted(part.to_dicts(), key=lambda r: r["pos"])
        for m in members:
            m["who"] = (names.get((m["story"] or "", m["entity"]), m["entity"])
                        if m["entity"] else None)
        for f, against, how in _group_findings(members, rules):
            check = checks.get(how.rule, {})
            size = 1.0
            if f["kind"] != "attribute" and f["value"] is not None and against[0]["value"]:
                size = ratio(f["value"], against[0]["value"])
            said = Counter(_says(g, how.rule) for g in against)
            others_say = " / ".join(s for s, _ in sorted(said.items(), key=lambda kv: -kv[1])[:2])
            others = _source(against[0]) if len(against) == 1 else _outlets(len(against))
            if f["attribute"] == "speaker":
                subject = f["attribute_value"]
            elif f["kind"] == "attribute":
                subject = f"{f['who'] or f['entity']} · {f['attribute']}"
            else:
                subject = f["subject"] or f["unit"] or f["kind"]
            message = check.get("message", "{source} says {says}; {others} {say} {others_say}")
            message = message.format(source=_source(f), says=_says(f, how.rule), others=others,
                                     others_say=others_say, subject=subject,
                                     say="says" if len(against) == 1 else "say",
                                     entity=f["who"] or "", ratio=f"{size:.2g}×")
            cited = [f, *against]
            subject_key = " ".join(canonical_words(subject, synonyms))
            row = {
                "id": fingerprint(how.rule, f["story"], f["kind"], f["unit"], subject_key, cited),
                "rule": how.rule, "name": check.get("name", how.rule), "kind": f["kind"],
                "severity": _severity(rules, how.rule, check.get("severity", "warning"),
                                      f["kind"], size),
                "status": how.status, "story": f["story"], "group": gid, "subject": subject,
                "message": message,
                "detail": f"{how.detail}; alignment score {max(g['score'] for g in members):.2f}",
                "score": max(g["score"] for g in members),
                # The outlier first (reports annotate it), then the others by position.
                "fact_ids": [f["fact_id"],
                             *[g["fact_id"] for g in sorted(against, key=lambda r: r["pos"])]],
            }
            if not _ignored(rules, row, cited):
                order = (SEVERITY_ORDER[row["severity"]], row["story"] or "", f["pos"])
                rows.append((order, row))
    rows.sort(key=lambda r: r[0])
    return frame(_unique_ids([r for _, r in rows]), DISCREPANCY_SCHEMA)


def _unique_ids(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Two findings can cite the same words in the same articles (an article that
    repeats a phrase); number the later ones so every fingerprint stays unique and
    still free of offsets."""
    seen: Counter[str] = Counter()
    for row in rows:
        seen[row["id"]] += 1
        if seen[row["id"]] > 1:
            row["id"] = f"{row['id']}-{seen[row['id']]}"
    return rows
