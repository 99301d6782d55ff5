"""The settings sections of rule files: fixed names, each with its default;
a file may give some and keep the rest (``rules.alignment.threshold``)."""

from __future__ import annotations

from pydantic import BaseModel, Field

from .entries import STRICT, Amount


class Settings(BaseModel):
    """A section of named settings; a file may give some and keep the rest."""

    model_config = STRICT


class Updates(Settings):
    max_growth: Amount = Field(3.0, description="an update is at most this many times the "
                               "earlier figure")
    min_hours: Amount = Field(1.0, description="an update is published at least this much later")
    transposed_days: Amount = Field(2.0, description="a figure whose digits are the earlier's "
                                    "with two swapped (14 → 41), published within this many "
                                    "days of it, is a slip, not an update")


class Alignment(Settings):
    threshold: Amount = Field(0.55, description="score (0-1) a pair needs to be the same fact")
    subject_weight: Amount = Field(0.35, description="weight of the subjects' likeness")
    context_weight: Amount = Field(0.25, description="weight of the words around the figures")
    entity_weight: Amount = Field(0.15, description="weight of shared named entities")
    value_weight: Amount = Field(0.25, description="weight of close values")
    unique_bonus: Amount = Field(0.15, description="added when the pair are the only figures "
                                 "of their kind and unit")
    max_ratio: Amount = Field(12.0, description="values further apart never align")
    attribute_threshold: Amount = Field(90.0, description="how alike (0-100) two attribute "
                                        "values must be to agree")
    statement_threshold: Amount = Field(80.0, description="how alike (0-100) two statements "
                                        "must be to be one")
    min_links: Amount = Field(0.5, description="share of pairs above the threshold two "
                              "groups need to merge")
    frame_bonus: Amount = Field(0.15, description="added when both figures have one event class")
    unframed_context: Amount = Field(0.6, description="how alike (0-1) the subjects or the "
                                     "words around two durations without an event must be "
                                     "to align")
    past_days: Amount = Field(7.0, description="a figure in a sentence dated more than this "
                              "many days before its story's first article is of an earlier "
                              "event and aligns with nothing")
    date_days: Amount = Field(7.0, description="two dates this many days apart or more are "
                              "no closer as values than any two (closeness 1 on the same "
                              "day, falling linearly to 0)")


class StoryGrouping(Settings):
    threshold: Amount = Field(0.08, description="similarity (0-1) two articles need")
    entity_weight: Amount = Field(0.85, description="weight of shared names")
    title_weight: Amount = Field(0.15, description="weight of title-and-lead likeness")
    title_floor: Amount = Field(0.45, description="likeness unrelated leads already have")
    date_days: Amount = Field(1.0, description="published further apart than this, "
                              "similarity decays")
    date_halflife: Amount = Field(7.0, description="days in which similarity halves beyond")
    min_links: Amount = Field(0.5, description="share of article pairs two stories need")


class NameMatching(Settings):
    variant_score: Amount = Field(88.0, description="rapidfuzz ratio (0-100) at or above "
                                  "which two names are one person")


class TimeReach(Settings):
    hour: Amount = Field(15.0, description="minutes either side of a whole hour")
    half_hour: Amount = Field(10.0, description="... of a half hour")
    quarter_hour: Amount = Field(7.0, description="... of a quarter hour")
    five_minutes: Amount = Field(5.0, description="... of a multiple of five minutes")
    minute: Amount = Field(2.0, description="... of any other minute")


class Perceived(Settings):
    verbs: list[str] = Field(default_factory=list, description="verbs of a witness's senses "
                             "('heard five shots')")
    low: Amount = Field(1.0, description="the lowest a count they take reaches, times its value")
    high: Amount = Field(1.0, description="the highest it reaches, times its value")


class Places(Settings):
    max_edits: int = Field(1, ge=0, description="letters two spellings of a street may differ")
    min_letters: int = Field(5, ge=0, description="letters a name needs to allow any")


class Names(Settings):
    labels: dict[str, str] = Field(default_factory=dict, description="spaCy entity labels "
                                   "read as names of places and bodies → place or organisation")
    max_edits: int = Field(1, ge=0, description="letters two spellings of one word of a name "
                           "may differ")
    min_letters: int = Field(5, ge=0, description="letters that word needs to allow any")
    variant_endings: list[str] = Field(default_factory=list, description="endings whose "
                                       "addition to a word is still the same name (southwest"
                                       "/southwestern)")
    other_word_endings: list[str] = Field(default_factory=list, description="endings whose "
                                          "addition makes another word (plural, demonym)")
    common_words: list[str] = Field(default_factory=list, description="words many names "
                                    "share (school, center): a slip in one is told as info")
    place_prepositions: list[str] = Field(default_factory=list, description="words after "
                                          "which a one-word name the model calls a person "
                                          "may be a place ('a suburb of X')")
    dateline_words: int = Field(3, ge=0, description="words a dateline's place may have "
                                "('HARWICK, Ohio —' at a line's start); 0 reads none")


class YearRange(Settings):
    low: int = Field(1800, description="the first year")
    high: int = Field(2100, description="the last year")


class Affiliations(Settings):
    school_nouns: list[str] = Field(default_factory=list, description="lemmas of words for "
                                    "one who studies at a school ('student', 'senior'), read "
                                    "before its name or with a preposition after")
    work_nouns: list[str] = Field(default_factory=list, description="lemmas of words for one "
                                  "who works somewhere ('employee', 'nurse')")
    school_verbs: list[str] = Field(default_factory=list, description="lemmas of verbs whose "
                                    "object or preposition names a school ('attend')")
    school_words: list[str] = Field(default_factory=list, description="words that, with those "
                                    "of `levels`, say a name is a school's ('academy'): a "
                                    "verb's object needs one")
    work_verbs: list[str] = Field(default_factory=list, description="lemmas of verbs whose "
                                  "preposition names a workplace ('work')")
    prepositions: list[str] = Field(default_factory=list, description="words between a noun "
                                    "or verb and the name of the body ('at', 'of')")
    past_words: list[str] = Field(default_factory=list, description="words that make an "
                                  "affiliation one the person had ('former', 'until'): not "
                                  "compared")
    levels: dict[str, list[str]] = Field(default_factory=dict, description="kind of school → "
                                         "words of its name that say it (high school: high, "
                                         "middle); schools of two kinds are not at odds")
    generic_words: list[str] = Field(default_factory=list, description="words many names of "
                                     "bodies share ('school', 'county', 'campus'): two names "
                                     "are compared on the rest")
    same_ratio: Amount = Field(85.0, description="rapidfuzz ratio (0-100) at or above which "
                               "two words of names are one word spelt two ways")
