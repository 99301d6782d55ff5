"""The documented schema of rule files, as pydantic models: which sections
exist, the shape of each, their defaults and what they mean.

``RuleSet`` has one field a section. A section is a list (files
concatenate), a mapping from a name to an entry (files merge by name, a later
file wins) or a settings model with defaults (files merge setting by
setting). Entries are ``TypedDict``s, so consumers read them as the plain
mappings YAML gives; settings are models read as attributes
(``rules.alignment.threshold``). ``factcheck rules schema`` prints the JSON
Schema of a rule file; ``docs/rules.md`` describes each section for users.

The entries' types live in ``entries.py``, the settings models in
``settings.py`` (read from here too, as ``RuleSet``'s field types) and the
checks across a section's entries in ``section_checks.py``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from .entries import (
    STRICT,
    Aliases,
    AmbiguousUnit,
    Amount,
    CheckRule,
    Condition,
    Currency,
    EventClass,
    IgnoreRule,
    QualifierWords,
    Scope,
    SeverityOverride,
    Tolerance,
    UnitPhrase,
    UnitWord,
    VagueAmount,
)
from .section_checks import (
    check_codes,
    check_conditions,
    check_day_parts,
    check_events,
    check_rates,
    whole,
)
from .settings import (
    Affiliations,
    Alignment,
    NameMatching,
    Names,
    Perceived,
    Places,
    StoryGrouping,
    TimeReach,
    Updates,
    YearRange,
)


def _section(default: Callable[[], object], description: str) -> Any:
    return Field(default_factory=default, description=description)



class RuleSet(BaseModel):
    """The sections of a rule file; every section is optional."""

    model_config = ConfigDict(**STRICT, title="factcheck rule file")

    checks: dict[str, CheckRule] = _section(dict,
        'The discrepancy rules: code (FC101) → name, default severity, a one-line message '
        'template ({source}, {says}, {others}, {say}, {others_say}, {subject}, {entity}, '
        '{ratio}) and the docs `rules explain` shows (what, why, example, fix).')
    tolerances: dict[str, Tolerance] = _section(dict,
        'Per kind of fact (money, count, …, or `default`): how far apart two values may '
        "be and still agree, as a fraction of the larger (relative) or in the fact's unit "
        '(absolute); the larger allowance wins.')
    subject_synonyms: list[list[str]] = _section(list,
        'Sets of words that name the same thing when counted (ally, country, nation); '
        'facts whose subjects differ only by these words may align.')
    cumulative_subjects: list[str] = _section(list,
        'Words for running totals (death, case, displaced): a higher figure in a later '
        'article is an update (FC106), not a conflict.')
    updates: Updates = _section(Updates,
        'When a higher running total is an update (FC106): published at least `min_hours` '
        'later and at most `max_growth` times the earlier figure; otherwise a conflict.')
    currency_rates: dict[str, Amount] = _section(dict,
        'Fixed exchange rates, FROM/TO → how many TO one FROM buys (EUR/GBP: 0.83). Money '
        'in currencies without a rate is reported as not comparable (FC105).')
    severity: list[SeverityOverride] = _section(list,
        'Severity overrides, first match wins: by rule code, kind of fact and the ratio '
        'of the larger to the smaller value (1.08 = 8% apart).')
    alignment: Alignment = _section(Alignment,
        'Settings for aligning facts across articles: threshold, subject_weight, '
        'context_weight, entity_weight, value_weight, unique_bonus, max_ratio, '
        'attribute_threshold, statement_threshold, min_links, frame_bonus.')
    story_grouping: StoryGrouping = _section(StoryGrouping,
        'Settings for grouping articles without a story into stories: threshold, '
        'entity_weight, title_weight, title_floor, date_days, date_halflife, min_links.')
    ignore: list[IgnoreRule] = _section(list,
        'Discrepancies or facts to leave out: by article id glob, subject, rule code or '
        'text.')
    titles: dict[str, Aliases] = _section(dict,
        'Titles of office: canonical title → the wordings that mean the same office '
        '(Defence Secretary: defence secretary, defense secretary, secretary of state for '
        "defence). The canonical title is a role fact's attribute_value.")
    honorifics: list[str] = _section(list,
        "Words dropped before a person's name (mr, mrs, dr, sir) so 'Mr Healey' is "
        "'Healey'.")
    title_heads: list[str] = _section(list,
        'Title words that take the brief named before them (secretary, minister): '
        "'Housing Secretary' and 'External Affairs Minister' are titles without a "
        'listing.')
    title_prefixes: list[str] = _section(list,
        'Words that make a different office of the title after them (shadow, deputy, '
        "acting): 'shadow energy secretary' is 'Shadow Energy Secretary'.")
    title_bodies: list[str] = _section(list,
        "Words an abbreviated body ends with, often left unsaid beside its spelt-out "
        "title (department, office): 'HPD Chief' is the Houston Police Chief.")
    name_particles: list[str] = _section(list,
        "Lower-case words that continue a person's name (von, van, de) so 'Ursula von der "
        "Leyen' is read whole.")
    name_matching: NameMatching = _section(NameMatching,
        'How spelling variants of a name merge across a batch: variant_score, the '
        'rapidfuzz ratio (0-100) at or above which two names are one person.')
    person_conditions: dict[str, Condition] = _section(dict,
        'What happened to a person: state (critical, dead, released) → its rank from '
        'recovered (0) to dead and the wordings that say it. A later article moving up '
        'the ranks, or from hospital to released, is an update (FC305); back, a conflict.')
    charge_phrases: list[str] = _section(list,
        "Wordings after which a charge is named ('charged with', 'on suspicion of').")
    preliminary_charge_words: list[str] = _section(list,
        "Words of an arrest on suspicion ('suspicion', 'booked'): a different charge "
        "after one is an update at FC306's severity; other differing charges are info.")
    person_nouns: dict[str, str] = _section(dict,
        'Words describing a person who may go unnamed → their class (son: boy, wife: '
        'woman); unnamed people link across articles only within one class.')
    name_suffixes: list[str] = _section(list,
        'Words after a surname that are not part of it (jr, sr, iii).')
    person_parts: dict[str, list[str]] = _section(dict,
        'The part a person plays in the event (victim, suspect) → words of the sentence '
        'describing them that say it; a sentence with words of two parts says nothing.')
    person_sexes: dict[str, list[str]] = _section(dict,
        "Sex → the classes of person_nouns that say it (female: woman, girl): a man "
        'described in one article is not a woman named in another.')
    official_titles: list[str] = _section(list,
        "Words of a title (a role fact's value: 'Police Chief', 'Spokesperson') whose "
        "holder speaks for a body: part `official`, whatever the sentences naming them "
        "say ('Chief Dana Ruiz said the gunman fled' names no suspect).")
    given_name_forms: list[list[str]] = _section(list,
        "Groups of given names that are one name in its familiar forms ([Charles, Charlie, "
        "Chuck]): not a misspelling (FC301). A short form the long one starts with "
        "(Josh, Joshua) needs no entry.")
    state_titles: list[str] = _section(list,
        "Words of a title of a state office ('President', 'Prime Minister'): its holder's "
        "foreign name is transliterated by each outlet's house style, so names spelt two "
        "ways are not reported (FC301); other officials' are.")
    other_event_phrases: list[str] = _section(list,
        "Phrases of a sentence about another event than the story's ('in a separate "
        "shooting'): a person it describes, unnamed, is linked to nobody by description.")
    wound_places: dict[str, list[str]] = _section(dict,
        "Where a person was hit → the words that say it ('face', 'forehead': head); two "
        'unnamed-and-named mentions hit in one place link, in two places do not.')
    wound_regions: dict[str, list[str]] = _section(dict,
        "Places of wound_places that hold others (upper body: head, chest, arm...): a "
        'region and a place inside it are not two places (FC307).')
    wound_sides: list[str] = _section(list,
        "Words of a side before a place of a wound ('left', 'right'): the same place on "
        'two sides is two places (FC307).')
    wound_words: list[str] = _section(list,
        "Words a place of a wound hangs from ('shot in the head', 'a gunshot wound to "
        "the neck'): shot, wound, hit.")
    injuries: dict[str, list[str]] = _section(dict,
        "Hurts other than wounds, kind (fracture, cut, burn) → the words that say it before "
        "a place of wound_places ('a broken leg'), as the noun it hangs from or stands "
        "before ('cuts to his face', 'leg burns') or as a verb of it ('broke his wrist'); "
        "one person's injuries of one kind in places that do not meet are FC307.")
    naming_verbs: list[str] = _section(list,
        "Lemmas of verbs that give a described person's name ('identified the boy as "
        "Dana Ruiz'): the description is the name's, as an appositive is.")
    birth_words: list[str] = _section(list,
        "Words between a name and its date of birth ('DOB', 'born'): a date after a "
        "name, alone or after one of these, gives the person's age at publication.")
    not_name_words: list[str] = _section(list,
        "Words that make a 'name' a place, body or page furniture, not a person (avenue, "
        'county, javascript).')
    affiliations: Affiliations = _section(Affiliations,
        "Where a person studies or works ('a senior at Lincoln High', 'a Kroger employee'): "
        "the nouns and verbs that say it, the words of a former one, the kinds of school "
        "and the words names of bodies share; one person at two schools is FC308.")
    relation_words: dict[str, str] = _section(dict,
        'What a person is to another, wording → relation (mom: mother), read from a '
        "description beside the name: the people table's relation; two people each the "
        'only one of a relation in their articles are one person.')
    scopes: dict[str, Scope] = _section(dict,
        'Countries and organisations a role belongs to: code (UK) → kind and every '
        'wording naming it, demonyms included (britain, british). An organisation scope '
        "is also the official's affiliation.")
    parties: dict[str, Aliases] = _section(dict,
        'Political parties: canonical name → wordings (conservative, tory); an official '
        "named with one ('Conservative MP ...') gets an affiliation fact.")
    speech_verbs: list[str] = _section(list,
        'Lemmas of reporting verbs (say, warn, note); a verb that governs a clause '
        'credits that clause to its subject as a speaker fact.')
    according_to: list[str] = _section(list,
        'Wordings that credit the clause they attach to to the source after them '
        "('according to Healey, ...').")
    broadcasters: dict[str, Aliases] = _section(dict,
        'Which organisations are broadcasters (canonical name → wordings), so "ITV\'s '
        'Peston" is a broadcaster fact. Which programme airs where is read from the text, '
        'never listed.')
    programme_words: list[str] = _section(list,
        'Words marking a programme after "<Org>\'s <Name>" (programme, show) when the '
        'organisation is not a listed broadcaster.')
    number_words: dict[str, Amount] = _section(dict,
        "Number words and their values (one: 1, twenty: 20); compounds like 'twenty-five' "
        'are read from these.')
    number_scales: dict[str, Amount] = _section(dict,
        'Scale words and suffixes, written out or glued to digits (million, m, bn, k, '
        'dozen) → multiplier.')
    number_fractions: dict[str, Amount] = _section(dict,
        "Fraction words (half, third, quarters) → value; 'a third', 'three-quarters', "
        "'one and a half', 'half a million'.")
    vague_amounts: dict[str, VagueAmount] = _section(dict,
        "Amounts given by order of magnitude ('dozens', 'tens of thousands') → the "
        'interval they allow and the magnitude they name (value; default low).')
    qualifiers: dict[str, QualifierWords] = _section(dict,
        "Words before a number ('more than', 'nearly') → the qualifier and the interval "
        'it allows as factors of the number (low, high; no high = unbounded).')
    suffix_qualifiers: dict[str, QualifierWords] = _section(dict,
        "Words glued after a number by a hyphen ('10,000-plus', '2,000-odd'), or a sign "
        "right after it ('10,000+') → the qualifier and its interval, as `qualifiers`.")
    clock_leads: list[str] = _section(list,
        "Words right before a 24-hour clock ('at 06:42') that make it a time of day; "
        "without one (or a zone after it) '19:39' may be a video's length.")
    clock_zones: list[str] = _section(list,
        "Words right after a 24-hour clock that make it a time of day ('18:42 BST').")
    share_words: list[str] = _section(list,
        "Words between two whole numbers that make the first a share of the second ('one "
        "in five adults', '3 out of 10'): a percent, not two counts.")
    prepositional_qualifiers: list[str] = _section(list,
        "Qualifiers that are also prepositions ('over'): they qualify a number only when "
        "the parse attaches them to it, not in 'spread over three years'.")
    currencies: dict[str, Currency] = _section(dict,
        'ISO 4217 code → symbols and codes written before the number (£, US$, RM), words '
        'after it (pounds, euros) and hundredth units (pence, cents).')
    currency_case_sensitive: list[str] = _section(list,
        "Currency prefixes matched only as written ('A$'): lower-cased they are words.")
    currency_unspaced: list[str] = _section(list,
        "Case-sensitive currency prefixes never written with a space before '$' ('A "
        "$10,000 reward' is dollars: the 'A' is the article).")
    units: dict[str, UnitWord] = _section(dict,
        'Unit written after a number → kind and unit: a pint unit for measures and '
        "durations (stored by pint's canonical name), percent or percentage_point.")
    registry_not_units: list[str] = _section(list,
        "Unit names (lower case) and symbols (as written) in pint's registry that news "
        "writes as ordinary words after a number ('15 shots', 'TV'): never read as units.")
    glued_units: dict[str, str] = _section(dict,
        "Symbols read as a unit (a pint name) only when glued to the number ('6ft 2in', "
        "'14st'): with a space they are words.")
    registry_symbol_prefixes: list[str] = _section(list,
        'SI prefix symbols read on the registry_prefixed_symbols (k, M, m, µ).')
    registry_prefixed_symbols: list[str] = _section(list,
        "pint symbols that take a prefix symbol when written ('Hz' → kHz, MHz).")
    money_rate_words: list[str] = _section(list,
        "Words between money and what it is paid for ('a barrel', 'per share'): money per "
        "a thing is a rate (kind rate, unit 'USD / oil_barrel').")
    unit_prefixes: dict[str, UnitWord] = _section(dict,
        "Words before a number that give its unit ('aged 24').")
    unit_phrases: dict[str, UnitPhrase] = _section(dict,
        "Whole phrases that are a quantity without a number ('a fortnight' → 1 "
        'fortnight).')
    store_units: dict[str, str] = _section(dict,
        'Units stored as another unit, converted by pint (fortnight → week).')
    periods: dict[str, str] = _section(dict,
        "Rate periods after a figure ('a year', 'per month', 'annually') → the period "
        "stored in `per` (a pint time unit, or person for 'per head').")
    period_adjectives: dict[str, str] = _section(dict,
        "Adjectives on what a figure pays for ('annual pledge') → the period.")
    spread_words: list[str] = _section(list,
        "Words between a total and the time it is spread over ('£3bn over three years'): "
        "the total's per becomes that span.")
    percent_points: dict[str, list[str]] = _section(dict,
        "Counted words that are percentage points beside a percent ('rose 1.8 points to "
        "12.4%', '41%, up two points'): `units` (the counted lemma), `after` (words between "
        "the points and a percent after them) and `before` (words between a percent and "
        "the points after it).")
    rate_subjects: dict[str, str] = _section(dict,
        "Things only ever paid per something, by their noun, and what they are paid per "
        "('dividend: share'): an unscaled amount of one is that rate ('an interim dividend "
        "of 5.4p' is 5.4p a share).")
    adjacent_spread_words: list[str] = _section(list,
        "Spread words that spread a total only written right after it ('£3bn for three "
        "years'); further along the clause they tell how long its verb lasted ('the £3bn "
        "scheme was held up for three weeks').")
    period_offsets: list[str] = _section(list,
        "Words after a period that make it a moment back or on, not a rate ('£290m a year "
        "earlier', 'a week ago').")
    rate_bases: list[str] = _section(list,
        "Words before a numeric rate base ('per 100,000 people').")
    route_words: dict[str, list[str]] = _section(dict,
        "Words before a number that make it a route, road or flight's number ('Route 38', "
        "'I-95'), by the kind of route, each spelling as written (matched with case): "
        "such numbers are compared as identifiers (FC405), never as quantities.")
    number_names: list[str] = _section(list,
        "Words right before a number that make it a name ('Boeing 787', 'No 10'), not a "
        'fact. Matched with case.')
    number_names_after: list[str] = _section(list,
        "Words right after a number that make it part of a name (a station's: '23 News'), "
        "not a fact. Matched with case.")
    call_sign_initials: list[str] = _section(list,
        "First letters of broadcasters' call signs: an upper-case word of three or four "
        "letters starting with one ('KHOU 11') makes the number after it a channel.")
    part_of_a_group: list[str] = _section(list,
        "Words after 'N of' that make N a share of a group told elsewhere ('three of the "
        "victims', 'two of them'): not a fact.")
    partition_words: list[str] = _section(list,
        "Words that take the rest of a group a count parts ('one dead, the other hurt'): "
        "the count is a share of the group, never aligned.")
    gallery_words: list[str] = _section(list,
        "Words of a photo gallery's counter ('Image 3 of 8', '1 of 15 CLOSE'): neither "
        "number is a fact. Matched with case.")
    score_words: list[str] = _section(list,
        "Words near 'N-M' that make it a score or a vote tally, not a range.")
    change_words: list[str] = _section(list,
        "Words before 'from X to Y' that make it a change (two figures), not a range.")
    partitives: list[str] = _section(list,
        "Counted nouns that keep their 'of' phrase in the unit ('round of ammunition').")
    subject_skip: list[str] = _section(list,
        "Modifiers left out of subjects and counted nouns ('new package' → 'package').")
    partial_counts: list[str] = _section(list,
        "Modifiers that make a count part of another ('two other people'): kept in the "
        'subject, so the count aligns only with counts said the same way.')
    repetition_counts: list[str] = _section(list,
        "Counted nouns that number the repetitions of an act ('shot seven times'): the "
        'verb joins the subject, so only counts of the same act align.')
    empty_counts: list[str] = _section(list,
        "Nouns after a number that make it no count ('one of the', 'two ways').")
    months: dict[str, int] = _section(dict,
        'Month names and abbreviations → month number.')
    ambiguous_months: list[str] = _section(list,
        "Month names that are also words ('may'): matched only capitalised.")
    ambiguous_units: dict[str, AmbiguousUnit] = _section(dict,
        'Unit words that are money in a money sentence and a measure otherwise (pounds).')
    money_context: list[str] = _section(list,
        'Words that make a sentence about money, for ambiguous_units.')
    bare_suffix_units: dict[str, UnitWord] = _section(dict,
        'A suffix glued to digits read as a unit when there is no currency and no counted '
        "noun ('48m' long); otherwise it is a scale ('£3m', '3m people').")
    negative_words: list[str] = _section(list,
        'Words that make the number after them negative.')
    time_of_day: list[str] = _section(list,
        "Words after a number that make it a time of day ('2 a.m.', '6 p.m.'): not a "
        'fact. Matched as written.')
    time_offsets: list[str] = _section(list,
        "Words after a duration that make it the distance between two moments ('two days "
        "ago', 'an hour later'): the word becomes its subject; the cross-check does not "
        'align it.')
    events: dict[str, EventClass] = _section(dict,
        "Event classes of a figure's frame (killed, wounded, arrested...): the lemmas "
        'that name each, whether it is a running total (`cumulative`) or a status the '
        'story moves into (`status`), and the classes it may align with.')
    event_places: dict[str, str] = _section(dict,
        "Nouns after a verb's preposition that name its event ('taken to the hospital': "
        'hospitalized).')
    incident_verbs: list[str] = _section(list,
        "Verbs that say an event took place ('the shooting happened'): a time of day "
        "belongs to their subject's event.")
    event_instances: list[str] = _section(list,
        "Words that make an event one of several ('the first shooting', 'another "
        "shooting'): times of different instances do not align.")
    current_states: list[str] = _section(list,
        "Words that make a figure a count of those still in a state ('two remain in the "
        "hospital', 'five are still hospitalized'): a part of those it befell, written "
        "event:now; it aligns only with the same.")
    plan_words: list[str] = _section(list,
        "Verbs and auxiliaries that make a time of day a plan ('a vigil will be held at 7 "
        "p.m.', 'is expected to appear in court at 9 a.m.'): not when the event happened.")
    list_words: list[str] = _section(list,
        "Words after a list of named people that gather them ('Ana Ruiz and Leo Park were "
        "all taken to the hospital'): the list is a count of its names for the verb's event.")
    superseded_words: list[str] = _section(list,
        "Words that make an account one since corrected ('police initially said six people "
        "were shot'): a count in it is written event:initial and aligns with nothing.")
    later_moments: list[str] = _section(list,
        "Verbs whose time of day is a moment after the event ('died at 11:45 p.m.', "
        "'pronounced dead at 9:37 p.m.'): such a time is not when the event happened and "
        'aligns with no other.')
    street_types: dict[str, list[str]] = _section(dict,
        "Street types and their abbreviations (street: [st]): a capitalised one ends a "
        "street's name; a house or block number before it is a place, not a count.")
    street_directions: dict[str, list[str]] = _section(dict,
        "Directions written with a street's name and their abbreviations (south: [s]): "
        "left aside when street names are compared.")
    places: Places = _section(Places,
        "How far two street names may be spelt and still name one street: max_edits "
        "letters in names of at least min_letters letters.")
    status_reasons: dict[str, list[str]] = _section(dict,
        "What a status is for ('charged with car theft'): `preps` that open the reason, "
        "`wrappers` read through ('on suspicion of murder': murder) and `story` words that "
        "name the story's own event ('charged in the shooting': no reason of its own); "
        "`event_preps` whose story word marks a status as this story's ('no arrests in the "
        "shooting').")
    names: Names = _section(Names,
        "Names of places and bodies compared across a story (FC404): which entity labels "
        "count, how far two spellings may stray, endings that keep or change a name.")
    phrasal_events: dict[str, str] = _section(dict,
        "A verb lemma and its particle that name an event ('turn in': arrested).")
    light_verbs: list[str] = _section(list,
        "Verbs that only say a figure is there ('left two dead'): the event is read from "
        'what they say of it.')
    counted_things: dict[str, list[str]] = _section(dict,
        'Classes of counted nouns (person: people, man, victim...): counts align on the '
        'class.')
    reference_preps: list[str] = _section(list,
        "Prepositions after a distance that name where it is measured from ('30 miles from "
        "the border', '35 miles northeast of the city'): that place is the figure's holder.")
    holder_verbs: list[str] = _section(list,
        "Verbs whose subject holds the figure ('the district has 1,000 students').")
    as_of_words: list[str] = _section(list,
        "Words that make a date phrase an as-of time ('so far this year').")
    negations: list[str] = _section(list,
        'Words that make a status statement a zero.')
    status_hedges: list[str] = _section(list,
        'Words that make a status statement a question, wish or plan.')
    perceived_counts: Perceived = _section(Perceived,
        "Verbs of a witness's senses ('I heard five shots'): a count taken by one is what "
        "one person made out, an estimate reaching low to high times its value.")
    time_reach: TimeReach = _section(TimeReach,
        'How far an approximate time of day reaches either side, in minutes, by how round '
        'it is: hour, half_hour, quarter_hour, five_minutes, minute.')
    day_parts: dict[str, list[str]] = _section(dict,
        "Parts of a day as times ('Tuesday night'): the hours each covers, [from, to] as "
        "HH:MM; one that ends before it starts runs past midnight.")
    day_part_leads: list[str] = _section(list,
        "Parts of a day that stand before the day ('early Sunday', 'late Tuesday night').")
    part_days: list[str] = _section(list,
        "Words besides weekdays that name the day of a part ('last night', 'this morning').")
    timestamp_words: list[str] = _section(list,
        "Words that open a page's own timestamp ('Updated: Feb. 6, 2017 - 3:25 PM'): a "
        "time after one of them, or after a date with its year on the same line, is when "
        "the page was written, not when anything happened. Matched with case.")
    time_qualifiers: dict[str, Literal["about", "after", "before"]] = _section(dict,
        'Words before a time of day and which way they stretch it.')
    weekdays: list[str] = _section(list,
        'Weekday names, resolved against `published`.')
    state_verbs: list[str] = _section(list,
        "Verbs of a state ('was in custody Thursday', 'remained in jail Friday'): a date "
        "on one is when the state held, not when the event happened, unless its subject "
        "names the event ('the shooting was Tuesday').")
    after_words: list[str] = _section(list,
        "Words that put an event before a date's ('was arrested Tuesday after he shot "
        "himself', 'after the shooting'): the event happened on that day or before.")
    after_events: list[str] = _section(list,
        "The event classes an 'after' clause dates ('after he shot himself': shot).")
    date_bounds: list[str] = _section(list,
        "Prepositions that make a date a bound, not the day of the event ('killed since "
        "Saturday', 'until Monday').")
    plan_events: dict[str, list[str]] = _section(dict,
        "What a plan is of (strike: [strike, walkout, walk out]): the plan's verb, with "
        "its particle, or its subject's or object's noun ('a vigil will be held "
        "Friday'). Days of plans of one class align; of no class, with nothing.")
    relative_days: dict[str, int] = _section(dict,
        'Relative day words (yesterday: -1), resolved against `published`.')
    year_range: YearRange = _section(YearRange,
        'low, high: four-digit numbers in this span are years (dates).')
    year_prepositions: list[str] = _section(list,
        'Words before a bare four-digit number that make it a year.')

    _codes = field_validator("checks")(whole(check_codes))
    _rates = field_validator("currency_rates")(whole(check_rates))
    _events = field_validator("events")(whole(check_events))
    _conditions = field_validator("person_conditions")(whole(check_conditions))
    _day_parts = field_validator("day_parts")(whole(check_day_parts))


SECTIONS: tuple[str, ...] = tuple(RuleSet.model_fields)


def json_schema() -> dict[str, Any]:
    """The JSON Schema of one rule file (``factcheck rules schema``)."""
    schema = RuleSet.model_json_schema()
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}
