"""The documented schema of rule files: which sections exist and their shape.

A spec is one of:
- ``"str"``, ``"int"``, ``"float"`` (any number), ``"bool"``, ``"any"``;
- a tuple of allowed values (an enumeration);
- ``[spec]``: a list of that;
- ``{"*": spec}``: a mapping from any name to spec;
- ``{"key": spec, "other?": spec}``: a record; ``?`` marks an optional key.

Each section is either a ``map`` (name → entry; files merge by name) or a
``list`` of entries (files concatenate). ``docs/rules.md`` describes each
section for users; keep the two together.
"""

from __future__ import annotations

import string
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..facts import SEVERITIES


@dataclass(frozen=True)
class Spec:
    many: str  # "map" | "list"
    entry: Any
    doc: str
    validate: Callable[[Any], str | None] | None = None


_LEVELS = SEVERITIES
# Names the cross-check reads from the `alignment` and `story_grouping` maps.
ALIGNMENT_KEYS = ("threshold", "subject_weight", "context_weight", "entity_weight",
                  "value_weight", "unique_bonus", "max_ratio", "attribute_threshold",
                  "statement_threshold", "min_links", "frame_bonus")
UPDATE_KEYS = ("max_growth", "min_hours")
TIME_REACH_KEYS = ("hour", "half_hour", "quarter_hour", "five_minutes", "minute")
PLACES_KEYS = ("max_edits", "min_letters")
STORY_KEYS = ("threshold", "entity_weight", "title_weight", "title_floor", "date_days",
              "date_halflife", "min_links")


# What a discrepancy message template may name (filled in by compare.py).
MESSAGE_FIELDS = ("source", "says", "others", "say", "others_say", "subject", "entity", "ratio")


def _check_events(events: Any) -> str | None:
    """`aligns_with` names classes that exist."""
    for name, entry in (events or {}).items():
        for other in entry.get("aligns_with") or []:
            if other not in events:
                return f"{name}: aligns_with: no event class {other!r}"
    return None


def _check_codes(checks: Any) -> str | None:
    import re

    names: dict[str, str] = {}
    for code, entry in (checks or {}).items():
        if not re.fullmatch(r"[A-Z]{2,}[0-9]{3}", str(code)):
            return f"{code}: a code is letters then three digits, like FC101"
        if entry["name"] in names:
            return f"{code}: name {entry['name']!r} is already used by {names[entry['name']]}"
        names[entry["name"]] = str(code)
        try:
            fields = {f for _, f, _, _ in string.Formatter().parse(entry["message"]) if f}
        except ValueError as exc:
            return f"{code}: message: {exc}"
        unknown = sorted(fields - set(MESSAGE_FIELDS))
        if unknown:
            return (f"{code}: message: unknown placeholder {{{unknown[0]}}}; expected one of "
                    + ", ".join(f"{{{f}}}" for f in MESSAGE_FIELDS))
        problem = _renders(entry["message"])
        if problem:
            return f"{code}: message: {problem}"
    return None


# A message is one line a person reads; a template that pads a value to a
# million characters would write a report of gigabytes.
MAX_MESSAGE_CHARS = 1_000


def _renders(template: str) -> str | None:
    """Render a template with sample values (compare.py passes strings), as a
    discrepancy would: a format spec strings do not take fails here, not mid-run."""
    import re

    sample = {name: "Sample Outlet 1.5×" for name in MESSAGE_FIELDS}
    specs = [spec for _, _, spec, _ in string.Formatter().parse(template) if spec]
    if any(int(n) > MAX_MESSAGE_CHARS for spec in specs for n in re.findall(r"\d+", spec)):
        return f"renders longer than {MAX_MESSAGE_CHARS:,} characters"
    try:
        text = template.format(**sample)
    except (ValueError, TypeError, KeyError, IndexError, AttributeError) as exc:
        return f"cannot be filled in ({exc})"
    except MemoryError:
        return f"renders longer than {MAX_MESSAGE_CHARS:,} characters"
    if len(text) > MAX_MESSAGE_CHARS:
        return f"renders longer than {MAX_MESSAGE_CHARS:,} characters"
    return None


def _known(keys: tuple[str, ...]) -> Callable[[Any], str | None]:
    def check(value: Any) -> str | None:
        for key in value or {}:
            if key not in keys:
                return f"{key}: unknown setting; expected one of " + ", ".join(keys)
        return None
    return check


def _check_rates(value: Any) -> str | None:
    import re

    for key in value or {}:
        if not re.fullmatch(r"[A-Z]{3}/[A-Z]{3}", str(key)):
            return f"{key}: a rate is named FROM/TO in ISO 4217 codes, like EUR/GBP"
    return None


SECTIONS: dict[str, Spec] = {
    "checks": Spec(
        "map",
        {"name": "str", "severity": _LEVELS, "message": "str", "what": "str", "why": "str",
         "example": "str", "fix": "str"},
        "The discrepancy rules: code (FC101) → name, default severity, a one-line message "
        "template ({source}, {says}, {others}, {say}, {others_say}, {subject}, {entity}, "
        "{ratio}) and the "
        "docs `rules explain` shows (what, why, example, fix).",
        _check_codes,
    ),
    "tolerances": Spec(
        "map",
        {"relative?": "float", "absolute?": "float"},
        "Per kind of fact (money, count, …, or `default`): how far apart two values may be "
        "and still agree, as a fraction of the larger (relative) or in the fact's unit "
        "(absolute); the larger allowance wins.",
    ),
    "subject_synonyms": Spec(
        "list",
        ["str"],
        "Sets of words that name the same thing when counted (ally, country, nation); "
        "facts whose subjects differ only by these words may align.",
    ),
    "cumulative_subjects": Spec(
        "list",
        "str",
        "Words for running totals (death, case, displaced): a higher figure in a later "
        "article is an update (FC106), not a conflict.",
    ),
    "updates": Spec(
        "map",
        "float",
        "When a higher running total is an update (FC106): published at least `min_hours` "
        "later and at most `max_growth` times the earlier figure; otherwise a conflict.",
        _known(UPDATE_KEYS),
    ),
    "currency_rates": Spec(
        "map",
        "float",
        "Fixed exchange rates, FROM/TO → how many TO one FROM buys (EUR/GBP: 0.83). "
        "Money in currencies without a rate is reported as not comparable (FC105).",
        _check_rates,
    ),
    "severity": Spec(
        "list",
        {"rule?": "str", "kind?": "str", "min_ratio?": "float", "max_ratio?": "float",
         "level": _LEVELS, "why?": "str"},
        "Severity overrides, first match wins: by rule code, kind of fact and the ratio "
        "of the larger to the smaller value (1.08 = 8% apart).",
    ),
    "alignment": Spec(
        "map",
        "float",
        "Settings for aligning facts across articles: " + ", ".join(ALIGNMENT_KEYS) + ".",
        _known(ALIGNMENT_KEYS),
    ),
    "story_grouping": Spec(
        "map",
        "float",
        "Settings for grouping articles without a story into stories: "
        + ", ".join(STORY_KEYS) + ".",
        _known(STORY_KEYS),
    ),
    "ignore": Spec(
        "list",
        {"article?": "str", "subject?": "str", "rule?": "str", "text?": "str", "why?": "str"},
        "Discrepancies or facts to leave out: by article id glob, subject, rule code or text.",
    ),
    # Attributive facts (factcheck/extract/attributes.py, speech.py, entities.py).
    "titles": Spec(
        "map",
        {"aliases": ["str"]},
        "Titles of office: canonical title → the wordings that mean the same office "
        "(Defence Secretary: defence secretary, defense secretary, secretary of state for "
        "defence). The canonical title is a role fact's attribute_value.",
    ),
    "honorifics": Spec(
        "list",
        "str",
        "Words dropped before a person's name (mr, mrs, dr, sir) so 'Mr Healey' is 'Healey'.",
    ),
    "title_heads": Spec(
        "list",
        "str",
        "Title words that take the brief named before them (secretary, minister): "
        "'Housing Secretary' and 'External Affairs Minister' are titles without a listing.",
    ),
    "title_prefixes": Spec(
        "list",
        "str",
        "Words that make a different office of the title after them (shadow, deputy, "
        "acting): 'shadow energy secretary' is 'Shadow Energy Secretary'.",
    ),
    "title_bodies": Spec(
        "list",
        "str",
        "Words an abbreviated body ends with, often left unsaid beside its spelt-out "
        "title (department, office): 'HPD Chief' is the Houston Police Chief.",
    ),
    "name_particles": Spec(
        "list",
        "str",
        "Lower-case words that continue a person's name (von, van, de) so 'Ursula von der "
        "Leyen' is read whole.",
    ),
    "name_matching": Spec(
        "map",
        "float",
        "How spelling variants of a name merge across a batch: variant_score, the "
        "rapidfuzz ratio (0-100) at or above which two names are one person.",
        _known(("variant_score",)),
    ),
    # People across the batch (factcheck/extract/people.py, crosscheck/people.py).
    "person_conditions": Spec(
        "map",
        {"rank": "int", "phrases": ["str"]},
        "What happened to a person: state (critical, dead, released) → its rank from "
        "recovered (0) to dead and the wordings that say it. A later article moving up "
        "the ranks, or from hospital to released, is an update (FC305); back, a conflict.",
    ),
    "charge_phrases": Spec(
        "list",
        "str",
        "Wordings after which a charge is named ('charged with', 'on suspicion of').",
    ),
    "preliminary_charge_words": Spec(
        "list",
        "str",
        "Words of an arrest on suspicion ('suspicion', 'booked'): a different charge "
        "after one is an update at FC306's severity; other differing charges are info.",
    ),
    "person_nouns": Spec(
        "map",
        "str",
        "Words describing a person who may go unnamed → their class (son: boy, wife: "
        "woman); unnamed people link across articles only within one class.",
    ),
    "name_suffixes": Spec(
        "list",
        "str",
        "Words after a surname that are not part of it (jr, sr, iii).",
    ),
    "person_parts": Spec(
        "map",
        ["str"],
        "The part a person plays in the event (victim, suspect) → words of the sentence "
        "describing them that say it; a sentence with words of two parts says nothing.",
    ),
    "not_name_words": Spec(
        "list",
        "str",
        "Words that make a 'name' a place, body or page furniture, not a person "
        "(avenue, county, javascript).",
    ),
    "relation_words": Spec(
        "map",
        "str",
        "What a person is to another, wording → relation (mom: mother), read from a "
        "description beside the name: the people table's relation; two people each the "
        "only one of a relation in their articles are one person.",
    ),
    "scopes": Spec(
        "map",
        {"kind": ("country", "organisation"), "aliases": ["str"]},
        "Countries and organisations a role belongs to: code (UK) → kind and every "
        "wording naming it, demonyms included (britain, british). An organisation scope "
        "is also the official's affiliation.",
    ),
    "parties": Spec(
        "map",
        {"aliases": ["str"]},
        "Political parties: canonical name → wordings (conservative, tory); an official "
        "named with one ('Conservative MP ...') gets an affiliation fact.",
    ),
    "speech_verbs": Spec(
        "list",
        "str",
        "Lemmas of reporting verbs (say, warn, note); a verb that governs a clause credits "
        "that clause to its subject as a speaker fact.",
    ),
    "according_to": Spec(
        "list",
        "str",
        "Wordings that credit the clause they attach to to the source after them "
        "('according to Healey, ...').",
    ),
    "broadcasters": Spec(
        "map",
        {"aliases": ["str"]},
        "Which organisations are broadcasters (canonical name → wordings), so "
        "\"ITV's Peston\" is a broadcaster fact. Which programme airs where is read from "
        "the text, never listed.",
    ),
    "programme_words": Spec(
        "list",
        "str",
        "Words marking a programme after \"<Org>'s <Name>\" (programme, show) when the "
        "organisation is not a listed broadcaster.",
    ),
    # Numeric facts (factcheck/numbers.py, units.py, extract/quantities.py); docs/facts.md.
    "number_words": Spec(
        "map", "float",
        "Number words and their values (one: 1, twenty: 20); compounds like "
        "'twenty-five' are read from these.",
    ),
    "number_scales": Spec(
        "map", "float",
        "Scale words and suffixes, written out or glued to digits (million, m, bn, k, "
        "dozen) → multiplier.",
    ),
    "number_fractions": Spec(
        "map", "float",
        "Fraction words (half, third, quarters) → value; 'a third', 'three-quarters', "
        "'one and a half', 'half a million'.",
    ),
    "vague_amounts": Spec(
        "map", {"low": "float", "high": "float", "value?": "float"},
        "Amounts given by order of magnitude ('dozens', 'tens of thousands') → the interval "
        "they allow and the magnitude they name (value; default low).",
    ),
    "qualifiers": Spec(
        "map",
        {"qualifier": ("exact", "about", "more_than", "at_least", "less_than", "at_most",
                       "range", "vague"),
         "low": "float", "high?": "float"},
        "Words before a number ('more than', 'nearly') → the qualifier and the interval it "
        "allows as factors of the number (low, high; no high = unbounded).",
    ),
    "prepositional_qualifiers": Spec(
        "list", "str",
        "Qualifiers that are also prepositions ('over'): they qualify a number only when "
        "the parse attaches them to it, not in 'spread over three years'.",
    ),
    "currencies": Spec(
        "map", {"before?": ["str"], "after?": ["str"], "minor?": ["str"]},
        "ISO 4217 code → symbols and codes written before the number (£, US$, RM), words "
        "after it (pounds, euros) and hundredth units (pence, cents).",
    ),
    "currency_case_sensitive": Spec(
        "list", "str",
        "Currency prefixes matched only as written ('A$'): lower-cased they are words.",
    ),
    "currency_unspaced": Spec(
        "list", "str",
        "Case-sensitive currency prefixes never written with a space before '$' "
        "('A $10,000 reward' is dollars: the 'A' is the article).",
    ),
    "units": Spec(
        "map",
        {"kind": ("measure", "duration", "percent", "age"), "unit": "str"},
        "Unit written after a number → kind and unit: a pint unit for measures and "
        "durations (stored by pint's canonical name), percent or percentage_point.",
    ),
    "registry_not_units": Spec(
        "list", "str",
        "Unit names (lower case) and symbols (as written) in pint's registry that news "
        "writes as ordinary words after a number ('15 shots', 'TV'): never read as units.",
    ),
    "glued_units": Spec(
        "map", "str",
        "Symbols read as a unit (a pint name) only when glued to the number ('6ft 2in', "
        "'14st'): with a space they are words.",
    ),
    "registry_symbol_prefixes": Spec(
        "list", "str", "SI prefix symbols read on the registry_prefixed_symbols (k, M, m, µ).",
    ),
    "registry_prefixed_symbols": Spec(
        "list", "str", "pint symbols that take a prefix symbol when written ('Hz' → kHz, MHz).",
    ),
    "money_rate_words": Spec(
        "list", "str",
        "Words between money and what it is paid for ('a barrel', 'per share'): money per a "
        "thing is a rate (kind rate, unit 'USD / oil_barrel').",
    ),
    "unit_prefixes": Spec(
        "map",
        {"kind": ("measure", "duration", "percent", "age"), "unit": "str"},
        "Words before a number that give its unit ('aged 24').",
    ),
    "unit_phrases": Spec(
        "map",
        {"kind": ("measure", "duration", "percent", "age"), "unit": "str", "value": "float"},
        "Whole phrases that are a quantity without a number ('a fortnight' → 1 fortnight).",
    ),
    "store_units": Spec(
        "map", "str",
        "Units stored as another unit, converted by pint (fortnight → week).",
    ),
    "periods": Spec(
        "map", "str",
        "Rate periods after a figure ('a year', 'per month', 'annually') → the period "
        "stored in `per` (a pint time unit, or person for 'per head').",
    ),
    "period_adjectives": Spec(
        "map", "str",
        "Adjectives on what a figure pays for ('annual pledge') → the period.",
    ),
    "spread_words": Spec(
        "list", "str",
        "Words between a total and the time it is spread over ('£3bn over three years'): "
        "the total's per becomes that span.",
    ),
    "rate_bases": Spec(
        "list", "str",
        "Words before a numeric rate base ('per 100,000 people').",
    ),
    "number_names": Spec(
        "list", "str",
        "Words right before a number that make it a name ('Boeing 787', 'No 10'), not a "
        "fact. Matched with case.",
    ),
    "score_words": Spec(
        "list", "str",
        "Words near 'N-M' that make it a score or a vote tally, not a range.",
    ),
    "change_words": Spec(
        "list", "str",
        "Words before 'from X to Y' that make it a change (two figures), not a range.",
    ),
    "partitives": Spec(
        "list", "str",
        "Counted nouns that keep their 'of' phrase in the unit ('round of ammunition').",
    ),
    "subject_skip": Spec(
        "list", "str",
        "Modifiers left out of subjects and counted nouns ('new package' → 'package').",
    ),
    "partial_counts": Spec(
        "list", "str",
        "Modifiers that make a count part of another ('two other people'): kept in the "
        "subject, so the count aligns only with counts said the same way.",
    ),
    "repetition_counts": Spec(
        "list", "str",
        "Counted nouns that number the repetitions of an act ('shot seven times'): the "
        "verb joins the subject, so only counts of the same act align.",
    ),
    "empty_counts": Spec(
        "list", "str",
        "Nouns after a number that make it no count ('one of the', 'two ways').",
    ),
    "months": Spec("map", "int", "Month names and abbreviations → month number."),
    "ambiguous_months": Spec(
        "list", "str", "Month names that are also words ('may'): matched only capitalised.",
    ),
    "ambiguous_units": Spec(
        "map", {"money": "str", "measure": "str"},
        "Unit words that are money in a money sentence and a measure otherwise (pounds).",
    ),
    "money_context": Spec(
        "list", "str", "Words that make a sentence about money, for ambiguous_units.",
    ),
    "bare_suffix_units": Spec(
        "map",
        {"kind": ("measure", "duration", "percent", "age"), "unit": "str"},
        "A suffix glued to digits read as a unit when there is no currency and no counted "
        "noun ('48m' long); otherwise it is a scale ('£3m', '3m people').",
    ),
    "negative_words": Spec("list", "str", "Words that make the number after them negative."),
    "time_of_day": Spec(
        "list", "str",
        "Words after a number that make it a time of day ('2 a.m.', '6 p.m.'): not a fact. "
        "Matched as written.",
    ),
    "time_offsets": Spec(
        "list", "str",
        "Words after a duration that make it the distance between two moments ('two days "
        "ago', 'an hour later'): the word becomes its subject; the cross-check does not "
        "align it.",
    ),
    "events": Spec(
        "map",
        {"lemmas": ["str"], "cumulative?": "bool", "status?": "bool", "aligns_with?": ["str"],
         "absent?": ["str"], "counts?": "str"},
        "Event classes of a figure's frame (killed, wounded, arrested...): the lemmas that "
        "name each, whether it is a running total (`cumulative`) or a status the story moves "
        "into (`status`), and the classes it may align with.",
        _check_events,
    ),
    "event_places": Spec(
        "map", "str",
        "Nouns after a verb's preposition that name its event ('taken to the hospital': "
        "hospitalized).",
    ),
    "incident_verbs": Spec(
        "list", "str", "Verbs that say an event took place ('the shooting happened'): a "
        "time of day belongs to their subject's event.",
    ),
    "event_instances": Spec(
        "list", "str", "Words that make an event one of several ('the first shooting', "
        "'another shooting'): times of different instances do not align.",
    ),
    "street_types": Spec(
        "map", ["str"], "Street types and their abbreviations (street: [st]): a capitalised "
        "one ends a street's name; a house or block number before it is a place, not a count.",
    ),
    "street_directions": Spec(
        "map", ["str"], "Directions written with a street's name and their abbreviations "
        "(south: [s]): left aside when street names are compared.",
    ),
    "places": Spec(
        "map", "int", "How far two street names may be spelt and still name one street: "
        "max_edits letters in names of at least min_letters letters.",
        _known(PLACES_KEYS),
    ),
    "phrasal_events": Spec(
        "map", "str", "A verb lemma and its particle that name an event ('turn in': "
        "arrested).",
    ),
    "light_verbs": Spec(
        "list", "str", "Verbs that only say a figure is there ('left two dead'): the event "
        "is read from what they say of it.",
    ),
    "counted_things": Spec(
        "map", ["str"], "Classes of counted nouns (person: people, man, victim...): counts "
        "align on the class.",
    ),
    "holder_verbs": Spec(
        "list", "str", "Verbs whose subject holds the figure ('the district has 1,000 "
        "students').",
    ),
    "as_of_words": Spec(
        "list", "str", "Words that make a date phrase an as-of time ('so far this year').",
    ),
    "negations": Spec("list", "str", "Words that make a status statement a zero."),
    "status_hedges": Spec(
        "list", "str", "Words that make a status statement a question, wish or plan.",
    ),
    "time_reach": Spec(
        "map", "float",
        "How far an approximate time of day reaches either side, in minutes, by how round "
        "it is: hour, half_hour, quarter_hour, five_minutes, minute.",
        _known(TIME_REACH_KEYS),
    ),
    "time_qualifiers": Spec(
        "map", ("about", "after", "before"),
        "Words before a time of day and which way they stretch it.",
    ),
    "weekdays": Spec("list", "str", "Weekday names, resolved against `published`."),
    "relative_days": Spec(
        "map", "int", "Relative day words (yesterday: -1), resolved against `published`.",
    ),
    "year_range": Spec(
        "map", "int", "low, high: four-digit numbers in this span are years (dates).",
    ),
    "year_prepositions": Spec(
        "list", "str", "Words before a bare four-digit number that make it a year.",
    ),
}
