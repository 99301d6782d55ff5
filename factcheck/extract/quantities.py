"""Numeric facts from a Doc: money, counts, percentages, measures, durations, ages, dates.

Fast by construction: one compiled pattern (``number_patterns``) finds every
candidate in the Doc's text; only around a match do we read the parse, to
find the counted noun and what the figure is about (``counted.py``), the
entities of its clause, and whether "over" qualifies the number or is a
preposition.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from . import dates
from .counted import count_row, measure_subject
from .doc_text import ents_of, sentence_of, text_of
from .not_quantities import glued_to_a_word, not_a_quantity, previous_word
from .number_patterns import Patterns, patterns
from .numbers import apply_qualifier, parse_number, parse_vague, plausible_year, vague_value
from .rates import implied_rate, link_periods, merge_compounds, money_rate, percent_points
from .reading import clause_entities
from .unit_reading import read_unit, scaled, written_currency, written_per

if TYPE_CHECKING:
    from spacy.tokens import Doc


def extract_quantities(doc: Doc, article: Any, rules: Any, offset: int = 0) -> list[dict[str, Any]]:
    """One row per number expression in `doc` (offsets into the article text)."""
    pats = patterns(rules)
    text = text_of(doc)
    ctx = _context(pats, rules, text)
    ctx.ents = [(e.start, e.end, e.label_, e.text) for e in ents_of(doc)]
    taken: list[tuple[int, int]] = []
    rows: list[dict[str, Any]] = []

    for m in pats.phone.finditer(text):
        taken.append(m.span())
    for m in pats.date.finditer(text):
        if _overlaps(m.span(), taken):
            continue
        row = _date_row(m, doc, ctx, article)
        if row is not None:
            rows.append(row)
        if row is not None or m.group("num"):
            taken.append(m.span())  # an unreadable "13/13/13" is still no count
    for m in pats.candidate.finditer(text):
        if _overlaps(m.span(), taken):
            continue
        # "one in five adults": read where a figure is followed by "in" and
        # another number, not by a pass of its own over the whole text.
        share = pats.share_in.match(text, m.start()) if pats.share_gap.match(text, m.end()) \
            else None
        row = _share_row(share, doc, ctx) if share is not None else None
        if share is not None and row is not None:
            rows.append(row)
            taken.append(share.span())
            continue
        for row in _quantity_rows(m, doc, ctx):
            taken.append((row["start"], row["end"]))
            rows.append(row)

    rows.sort(key=lambda r: (r["start"], r["end"]))
    rows = merge_compounds(rows, text)
    link_periods(rows, text, pats)
    percent_points(rows, text, pats)
    for row in rows:
        row["start"] += offset
        row["end"] += offset
        row["sentence_start"] += offset
        row.pop("_root", None)
    return rows


_CONTEXTS: dict[tuple[int, str], _Context] = {}


def _context(pats: Patterns, rules: Any, text: str) -> _Context:
    """The context of one Doc: the rule sets of `rules` are made once (they
    were a per-Doc cost), the text and entities are the Doc's."""
    key = (id(rules), getattr(rules, "version", ""))
    found = _CONTEXTS.get(key)
    if found is None or found.pats is not pats or found.rules is not rules:
        found = _Context(pats, rules, text)
        _CONTEXTS.clear()
        _CONTEXTS[key] = found
    found.text = text
    found.ents = []
    return found


class _Context:
    """Rule lists as sets, made once per rule set; the text and entities of
    the Doc under way."""

    def __init__(self, pats: Patterns, rules: Any, text: str):
        self.pats = pats
        self.rules = rules
        self.text = text
        self.ents: list[tuple[int, int, str, str]] = []
        self.number_names = set(rules.number_names)
        self.number_names_lower = {w.lower() for w in self.number_names if len(w) > 3}
        self.names_after = tuple(rules.number_names_after)
        self.call_signs = tuple(rules.call_sign_initials)
        self.broadcasters = {a.casefold() for b in rules.broadcasters.values()
                             for a in b["aliases"] if " " not in a}
        self.gallery = frozenset(rules.gallery_words)
        self.group_words = {w.lower() for w in rules.part_of_a_group}
        self.score_words = {w.lower() for w in rules.score_words}
        self.change_words = {w.lower() for w in rules.change_words}
        self.partitives = {w.lower() for w in rules.partitives}
        self.skip = {w.lower() for w in rules.subject_skip}
        self.empty_counts = {w.lower() for w in rules.empty_counts}
        self.partial_counts = {w.lower() for w in rules.partial_counts}
        self.repetitions = {w.lower() for w in rules.repetition_counts}
        self.offsets = {w.lower() for w in rules.time_offsets}
        self.prep_quals = {w.lower() for w in rules.prepositional_qualifiers}
        self.period_adjs = {k.lower(): v for k, v in rules.period_adjectives.items()}
        self.store_units = dict(rules.store_units)
        yr = rules.year_range
        self.years = (yr.low, yr.high)
        self.year_preps = {w.lower() for w in rules.year_prepositions}
        self.things = {w.lower() for words in rules.counted_things.values() for w in words}


def _overlaps(span: tuple[int, int], taken: list[tuple[int, int]]) -> bool:
    s, e = span
    return any(s < te and ts < e for ts, te in taken)


def _base_row(doc: Doc, ctx: _Context, start: int, end: int, kind: str,
              pattern: str) -> dict[str, Any] | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    sentence, sentence_start = sentence_of(doc, span.start, span.end)
    return {
        "start": start, "end": end, "sentence": sentence, "sentence_start": sentence_start,
        "kind": kind, "value": None, "low": None, "high": None, "qualifier": "exact",
        "unit": None, "per": None, "subject": None, "entities": clause_entities(span, ctx.ents),
        "entity": None, "attribute": None, "attribute_value": None, "attribute_scope": None,
        "pattern": pattern, "_root": span.root,
    }


def _after_of(text: str, end: int) -> int:
    """Where the words after " of " (and an article) start; `text` has " of " at `end`."""
    m = re.match(r" of (?:an? )?", text[end:])
    return end + (m.end() if m else 0)


def _date_row(m: re.Match[str], doc: Doc, ctx: _Context, article: Any) -> dict[str, Any] | None:
    resolved = dates.resolve(m, getattr(article, "published", None))
    if resolved is None:
        return None
    row = _base_row(doc, ctx, m.start(), m.end(), "date", f"date:{m.lastgroup}")
    if row is None:
        return None
    row["value"], row["low"], row["high"] = resolved
    # How far ahead the next such day is, should the date be a plan's (frames).
    row["_ahead"] = dates.ahead(m, getattr(article, "published", None), resolved[0])
    row["unit"] = "day"
    return row


def _share_row(m: re.Match[str], doc: Doc, ctx: _Context) -> dict[str, Any] | None:
    """ "one in five adults": 20 percent of adults; None where the second number
    is a year, a time or measures something ("one in 10 days")."""
    pats, text = ctx.pats, ctx.text
    x, y = parse_number(m.group("x"), pats.vocab), parse_number(m.group("y"), pats.vocab)
    if x is None or y is None or not 0 < x < y or plausible_year(m.group("y"), *ctx.years) \
            or pats.time_of_day.match(text, m.end()) \
            or pats.any_unit(text, m.end() + len(text[m.end():]) - len(text[m.end():].lstrip())):
        return None
    row = _base_row(doc, ctx, m.start(), m.end(), "percent", "percent:share")
    if row is None:
        return None
    qual = m.group("qual")
    rule = pats.qualifiers.get(" ".join(re.split(r"[\s\-]+", qual.lower()))) if qual else None
    qualifier, low, high = apply_qualifier(100 * x / y, rule)
    row.update(value=100 * x / y, low=low, high=high, qualifier=qualifier, unit="percent")
    last = doc.char_span(m.start("y"), m.end("y"), alignment_mode="expand")
    nxt = doc[last.end] if last is not None and last.end < len(doc) else None
    if nxt is not None and nxt.pos_ in ("NOUN", "PROPN"):
        row["subject"] = nxt.lemma_.lower()  # "one in five adults" is of adults
    else:
        measure_subject(row, doc, ctx)
    return row


def _quantity_rows(m: re.Match[str], doc: Doc, ctx: _Context) -> list[dict[str, Any]]:
    pats = ctx.pats
    text = ctx.text
    g = m.groupdict()
    start, end = m.start(), m.end()
    before = text[max(0, start - 40):start]

    if glued_to_a_word(m, text, pats):
        return []
    if g["a2"] is not None and _signed_after(m, text, pats.vocab):
        # "CAC 40 -1.1%": a name's number, then a signed figure, not a range.
        signed = pats.candidate.match(text, m.end("a2") + 1)
        return _quantity_rows(signed, doc, ctx) if signed is not None else []
    if not_a_quantity(m, text, ctx):
        return []
    prev_word = previous_word(before)

    if g["a2"] is not None:
        return _range_rows(m, doc, ctx, g["a2"], g["b2"], prev_word, dash=True)
    if g["a1"] is not None:
        return _range_rows(m, doc, ctx, g["a1"], g["b1"], prev_word, dash=False)
    if g["a3"] is not None:  # "eight to 10 feet"
        return _range_rows(m, doc, ctx, g["a3"], g["b3"], prev_word, dash=False)
    if g["v"] is not None:
        low_high = parse_vague(g["v"], pats.vocab)
        if low_high is None:
            return []
        named = vague_value(g["v"], pats.vocab)
        row = _fill(m, doc, ctx, named, "vague", low_high[0], low_high[1], words=True)
        return [row] if row else []

    if g["phrase"] is not None:
        entry = pats.phrases[" ".join(re.split(r"[\s\-]+", g["phrase"].lower()))]
        amount = float(entry["value"])
        qualifier, low, high = apply_qualifier(amount, _qualifier_rule(m, doc, ctx))
        row = _fill(m, doc, ctx, amount, qualifier, low, high, words=True, phrase=entry)
        return [row] if row else []
    raw = g["n"]
    value = parse_number(raw, pats.vocab)
    if value is None and raw.lower() in pats.vocab.fractions and text[end:end + 4] == " of " \
            and _share_word(doc, m.start("n"), end) \
            and pats.any_unit(text, _after_of(text, end)) is None:
        value = pats.vocab.fractions[raw.lower()]  # "half of the homes": a share of a whole
    if value is None:
        # "Dozens of houses": read first as words, it is a vague amount.
        low_high = parse_vague(raw, pats.vocab)
        if low_high is None:
            return _split_runs(m, doc, ctx)
        named = vague_value(raw, pats.vocab)
        row = _fill(m, doc, ctx, named, "vague", low_high[0], low_high[1], words=True)
        return [row] if row else []
    words = not raw[:1].isdigit()
    cur = g["cur3"]
    year_like = (plausible_year(raw, *ctx.years) and not cur and not g["unit"]
                 and not g["qual"] and not g["qsuf"] and not g["per"])
    if year_like:
        return _year_row(m, doc, ctx, int(raw), prev_word)
    qualifier, low, high = apply_qualifier(value, _qualifier_rule(m, doc, ctx))
    row = _fill(m, doc, ctx, value, qualifier, low, high, words=words)
    return [row] if row else []


def _share_word(doc: Doc, start: int, end: int) -> bool:
    """"half of the homes" is a share; "the second half of the year" names a part:
    a determiner, possessive or adjective on the word says so ("a tenth of a
    gallon", a unit after "of", is no share either: the caller checks)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and len(span) == 1 and not any(
        c.dep_ in ("det", "amod", "poss") for c in span[0].children)


def _signed_after(m: re.Match[str], text: str, vocab: Any) -> bool:
    """"40 -1.1%": a space before the dash, none after, and falling: a sign."""
    gap = text[m.end("a2"):m.start("b2")]
    if not re.fullmatch(r"\s+-", gap):
        return False
    a, b = parse_number(m.group("a2"), vocab), parse_number(m.group("b2"), vocab)
    return a is not None and b is not None and a >= b


def _split_runs(m: re.Match[str], doc: Doc, ctx: _Context) -> list[dict[str, Any]]:
    """Number words side by side ("one two three", "forty fifty"): each longest run alone."""
    g = m.groupdict()
    if g["unit"] or g["cur3"] or g["qual"] or g["qsuf"] or g["per"] or g["neg"]:
        return []
    pieces = [(t.start() + m.start("n"), t.end() + m.start("n"))
              for t in re.finditer(r"[^\s\-]+", g["n"])]
    rows: list[dict[str, Any]] = []
    i = 0
    while i < len(pieces):
        for j in range(len(pieces), i, -1):
            s, e = pieces[i][0], pieces[j - 1][1]
            value = parse_number(ctx.text[s:e], ctx.pats.vocab)
            if value is not None:
                row = _fill(m, doc, ctx, value, "exact", value, value, words=True, span=(s, e))
                if row:
                    row["pattern"] = "count:run"
                    rows.append(row)
                i = j
                break
        else:
            if ctx.text[pieces[i][0]:pieces[i][1]].lower() not in ctx.pats.vocab.fillers:
                return []  # "twenty-third": an ordinal, not two numbers
            i += 1
    return rows


def _qualifier_rule(m: re.Match[str], doc: Doc, ctx: _Context) -> dict[str, Any] | None:
    qual = m.group("qual")
    if not qual:
        suffix = m.group("qsuf")
        return ctx.pats.suffix_qualifiers.get(suffix.lstrip("-").lower()) if suffix else None
    key = " ".join(re.split(r"[\s\-]+", qual.lower()))
    if key in ctx.prep_quals:
        tok = doc.char_span(m.start("qual"), m.end("qual"), alignment_mode="expand")
        # "spread over three years": a preposition heading a span of time, not a
        # qualifier; "fired over 300 shells" keeps it, however the parse reads it.
        unit = (m.group("unit") or "").strip(" -")
        entry = ctx.pats.unit_entry(unit) if unit else None
        is_time = entry is not None and entry["kind"] == "duration"
        if tok is not None and tok[0].dep_ == "prep" and is_time:
            return {"qualifier": "exact", "low": 1.0, "high": 1.0, "_drop": True}
    return ctx.pats.qualifiers.get(key)


def _year_row(m: re.Match[str], doc: Doc, ctx: _Context, year: int, prev_word: str):
    start, end = m.start("n"), m.end("n")
    row = _base_row(doc, ctx, start, end, "date", "date:year")
    if row is None:
        return []
    row["value"], row["low"], row["high"] = dates.year_interval(year)
    row["unit"] = "day"
    return [row]


def _range_rows(m, doc, ctx, a_text, b_text, prev_word, dash):
    pats = ctx.pats
    g = m.groupdict()
    a = parse_number(a_text, pats.vocab)
    b = parse_number(b_text, pats.vocab)
    if a is None or b is None:
        return []
    near = ctx.text[max(0, m.start() - 60):m.end() + 40]
    sentence_words = {w.lower().strip(".,;:") for w in near.split()}
    tally = a >= b or sentence_words & ctx.score_words
    if dash and tally and not g["unit"] and not written_currency(g):
        return []  # a score or a tally ("2-0", "a 5-4 vote")
    if dash and plausible_year(a_text, *ctx.years) and not g["unit"]:
        return []  # "2019-2020": a span of years, left to the date pass
    between = g.get("between") or ""
    change = previous_word(ctx.text[:m.start()]).lower() in ctx.change_words
    if between.lower() == "from" and change:
        # "rose from 40 to 50": two figures, each its own fact.
        rows = []
        for grp in ("a1", "b1"):
            value = parse_number(m.group(grp), pats.vocab)
            cur = "cur1" if grp == "a1" else "cur1b"
            row = _fill(m, doc, ctx, value, "exact", value, value, words=False,
                        span=(m.start(cur) if g[cur] else m.start(grp),
                              m.end(grp) if grp == "a1" else m.end()))
            if row:
                rows.append(row)
        return rows
    # "£40-50m": the scale written on the second number applies to the first.
    if a_text.replace(",", "").replace(".", "").isdigit() and b >= 1000 * a and \
            not b_text.replace(",", "").replace(".", "").isdigit():
        mantissa = re.match(r"[\d,.]+", b_text)
        if mantissa:
            a *= b / float(mantissa.group(0).replace(",", ""))
    low, high = min(a, b), max(a, b)
    row = _fill(m, doc, ctx, low, "range", low, high, words=False)
    return [row] if row else []


def _fill(m, doc, ctx, value, qualifier, low, high, *, words, span=None, phrase=None):
    """The row of a number match: kind and unit from the match, the rest from the parse."""
    start, qualifier, low, high = _start_and_reach(m, doc, ctx, span, value, qualifier, low,
                                                   high)
    reading = read_unit(m, doc, ctx, value, start, (span or (m.start(), m.end()))[1], phrase)
    value, low, high = scaled(m, ctx, reading, value, low, high)
    low, high = _unit_reach(ctx, reading, low, high)
    row = _base_row(doc, ctx, start, reading.end, reading.kind, _pattern_name(m, reading.kind))
    if row is None:
        return None
    row.update(value=value, low=low, high=high, qualifier=qualifier, unit=reading.unit,
               per=written_per(m, ctx, reading))
    money_rate(row, doc, ctx.text, ctx.pats)
    if reading.kind == "count":
        return count_row(row, m, doc, ctx, words)
    measure_subject(row, doc, ctx)
    implied_rate(row, ctx.text, ctx.pats)
    return row


def _unit_reach(ctx: _Context, reading: Any, low: float | None, high: float | None
                ) -> tuple[float | None, float | None]:
    """A unit word that names units of other sizes ("tons": a US short ton, a
    metric tonne, a British long ton) widens the interval to all of them."""
    entry = ctx.pats.unit_entry(reading.written) if reading.written else None
    reach = entry.get("reach") if entry is not None and entry["unit"] == reading.unit else None
    if not reach:
        return low, high
    small, large = (float(r) for r in reach)
    return (None if low is None else low * small), (None if high is None else high * large)


def _start_and_reach(m, doc, ctx, span, value, qualifier, low, high):
    """Where the expression starts and the reach of its qualifier: a preposition
    read as no qualifier ("spread over three years") starts at the number."""
    g = m.groupdict()
    start = span[0] if span else m.start()
    rule = _qualifier_rule(m, doc, ctx) if g["qual"] else None
    if rule is not None and rule.get("_drop"):
        start = next((m.start(k) for k in ("n", "phrase", "v", "a2") if g[k]), start)
        if g["cur3"]:
            start = m.start("cur3")
        qualifier, low, high = "exact", value, value
    elif g["qual"] and rule is None and not span:
        start = m.start("qual") + len(g["qual"])
        start += len(ctx.text[start:m.end()]) - len(ctx.text[start:m.end()].lstrip())
    return start, qualifier, low, high


def _pattern_name(m: re.Match[str], kind: str) -> str:
    if m.group("a1") or m.group("a2") or m.group("a3"):
        shape = "range"
    elif m.group("v"):
        shape = "vague"
    elif m.group("phrase"):
        shape = "phrase"
    elif m.group("qual") or m.group("qsuf"):
        shape = "qualified"
    else:
        shape = "number"
    return f"{kind}:{shape}"

