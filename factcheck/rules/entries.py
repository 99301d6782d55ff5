"""The entries of rule files' mapping and list sections, as ``TypedDict``s
(consumers read them as the plain mappings YAML gives), and the field types
every section shares.

Every number setting is a size, weight, factor, rate or count: a negative one
would turn a comparison round and nan would make each one false, so
``Amount`` is finite and 0 or more.
"""

from __future__ import annotations

from typing import Annotated, Literal, NotRequired

from pydantic import ConfigDict, Field, with_config
from typing_extensions import TypedDict  # pydantic's choice before Python 3.12

from ..model import Qualifier, Severity, UnitKind

# Strict: a rule file says `0.5`, not `"0.5"`; a string is not a number, nor
# true a number. Enums take their plain value (rows keep plain strings).
STRICT = ConfigDict(extra="forbid", strict=True, use_enum_values=True)

Amount = Annotated[float, Field(ge=0, allow_inf_nan=False)]
Level = Annotated[Severity, Field(strict=False)]


@with_config(STRICT)
class CheckRule(TypedDict):
    """One discrepancy rule of the catalogue."""

    name: Annotated[str, Field(description="readable name, like numeric-mismatch")]
    severity: Annotated[Level, Field(description="default severity")]
    message: Annotated[str, Field(description="one-line message template")]
    what: Annotated[str, Field(description="what it does")]
    why: Annotated[str, Field(description="why it matters")]
    example: Annotated[str, Field(description="an example")]
    fix: Annotated[str, Field(description="what to do")]


@with_config(STRICT)
class Tolerance(TypedDict):
    relative: NotRequired[Annotated[Amount, Field(description="fraction of the larger value")]]
    absolute: NotRequired[Annotated[Amount, Field(description="in the fact's unit")]]


@with_config(STRICT)
class SeverityOverride(TypedDict):
    rule: NotRequired[Annotated[str | list[str],
                                Field(description="rule code, like FC101, or a list of them")]]
    kind: NotRequired[Annotated[str, Field(description="kind of fact, like money")]]
    counting: NotRequired[Annotated[list[str], Field(
        description="counted nouns as written, lower case: matches a count whose counted noun "
                    "(the unit's last word) is one of them")]]
    event: NotRequired[Annotated[Literal["unread"], Field(
        description="'unread': matches when the event of a cited figure could not be read")]]
    min_ratio: NotRequired[Annotated[Amount, Field(description="larger ÷ smaller, at least")]]
    max_ratio: NotRequired[Annotated[Amount, Field(description="larger ÷ smaller, at most")]]
    max_score: NotRequired[Annotated[Amount, Field(
        description="the alignment score that made the figures one fact (0-1), at most")]]
    level: Annotated[Level, Field(description="the severity given")]
    why: NotRequired[str]


@with_config(STRICT)
class IgnoreRule(TypedDict):
    article: NotRequired[Annotated[str, Field(description="article id glob")]]
    subject: NotRequired[str]
    rule: NotRequired[Annotated[str, Field(description="rule code")]]
    text: NotRequired[Annotated[str, Field(description="the fact's text")]]
    why: NotRequired[str]


@with_config(STRICT)
class Aliases(TypedDict):
    aliases: Annotated[list[str], Field(description="the wordings that mean this")]


@with_config(STRICT)
class Condition(TypedDict):
    rank: Annotated[int, Field(description="from recovered (0) to dead")]
    phrases: Annotated[list[str], Field(description="wordings that say it")]
    agrees: NotRequired[Annotated[list[str], Field(
        description="states one person may be in at once with this one ('serious but "
                    "stable'): never reported against it")]]
    openers: NotRequired[Annotated[list[str], Field(
        description="wordings that say it when a named place of `places` follows "
                    "('released from Grady Memorial Hospital')")]]
    places: NotRequired[Annotated[list[str], Field(
        description="words that end the name of the place after an opener "
                    "('hospital', 'medical center')")]]
    results: NotRequired[Annotated[list[str], Field(
        description="words that say it as what a verb of `result_verbs` leaves its "
                    "object in ('a shooting that left one man dead')")]]
    result_verbs: NotRequired[Annotated[list[str], Field(
        description="lemmas of the verbs whose object `results` describe ('leave')")]]


@with_config(STRICT)
class Scope(TypedDict):
    kind: Literal["country", "organisation"]
    aliases: Annotated[list[str], Field(description="every wording naming it")]


@with_config(STRICT)
class VagueAmount(TypedDict):
    low: Amount
    high: Amount
    value: NotRequired[Annotated[Amount, Field(description="the magnitude named; default low")]]


@with_config(STRICT)
class QualifierWords(TypedDict):
    qualifier: Annotated[Qualifier, Field(strict=False)]
    low: Annotated[Amount, Field(description="factor of the number")]
    high: NotRequired[Annotated[Amount, Field(description="factor; none = unbounded")]]


@with_config(STRICT)
class Currency(TypedDict):
    before: NotRequired[Annotated[list[str], Field(description="symbols before the number")]]
    after: NotRequired[Annotated[list[str], Field(description="words after the number")]]
    minor: NotRequired[Annotated[list[str], Field(description="hundredth units")]]


@with_config(STRICT)
class UnitWord(TypedDict):
    kind: Annotated[UnitKind, Field(strict=False)]
    unit: Annotated[str, Field(description="pint name, percent or percentage_point")]
    reach: NotRequired[Annotated[list[float], Field(
        min_length=2, max_length=2,
        description="a word that names units of other sizes: the smallest and largest as "
                    "factors of `unit` (tons: a US short ton to a British long ton)")]]


@with_config(STRICT)
class UnitPhrase(TypedDict):
    kind: Annotated[UnitKind, Field(strict=False)]
    unit: str
    value: Amount


@with_config(STRICT)
class AmbiguousUnit(TypedDict):
    money: Annotated[str, Field(description="the currency in a money sentence")]
    measure: Annotated[str, Field(description="the unit otherwise")]


@with_config(STRICT)
class EventClass(TypedDict):
    lemmas: Annotated[list[str], Field(description="lemmas that name the event")]
    verb_lemmas: NotRequired[Annotated[list[str], Field(
        description="lemmas that name it only as a verb ('gun' in 'gunned down': "
                    "'no guns were found' is not a zero)")]]
    cumulative: NotRequired[Annotated[bool, Field(description="a running total")]]
    status: NotRequired[Annotated[bool, Field(description="a status the story moves into")]]
    aligns_with: NotRequired[Annotated[list[str], Field(description="classes it aligns with")]]
    absent: NotRequired[Annotated[list[str], Field(description="words saying it did not")]]
    still_free: NotRequired[Annotated[list[str], Field(
        description="words that make a zero of an `absent` word say the opposite ('no "
                    "suspects are outstanding': all were caught)")]]
    counts: NotRequired[Annotated[str, Field(description="the class of what it counts")]]
    outcome_of: NotRequired[Annotated[list[str], Field(
        description="classes whose verb, with a word of this class beside it, names this "
                    "one ('fatally shot': killed)")]]
    made_of: NotRequired[Annotated[list[str], Field(
        description="classes whose figures add up to this one's (the shot are the wounded "
                    "and the killed)")]]
    follows: NotRequired[Annotated[float, Field(ge=0, strict=False, description=(
        "minutes: a time of day of this class is a response to the event (a call to "
        "police, officers arriving, a victim found), the event's time at the latest: "
        "the event happened at it or up to this long before"))]]
    time_lemmas: NotRequired[Annotated[list[str], Field(
        description="verbs that name it only as the verb of a time of day ('officers "
                    "arrived at 8:30 p.m.'), before any event noun beside the time")]]
