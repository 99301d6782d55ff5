"""The events rules (rules/events.yaml) as lookups for reading frames, built
once per rules version."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .places import place_words
from .times import TimeWords

if TYPE_CHECKING:
    from spacy.tokens import Token

VERBS = frozenset({"VERB", "AUX"})


@dataclass
class Frames:
    """The events rules as lookups, built once per rules version."""

    lemma_class: dict[str, str] = field(default_factory=dict)
    place_class: dict[str, str] = field(default_factory=dict)
    absent: dict[str, str] = field(default_factory=dict)
    still_free: set[str] = field(default_factory=set)
    status: set[str] = field(default_factory=set)
    light: set[str] = field(default_factory=set)
    thing_class: dict[str, str] = field(default_factory=dict)
    holder_verbs: set[str] = field(default_factory=set)
    reference_preps: set[str] = field(default_factory=set)
    reasons: dict[str, set[str]] = field(default_factory=dict)
    as_of_words: set[str] = field(default_factory=set)
    negations: set[str] = field(default_factory=set)
    hedges: set[str] = field(default_factory=set)
    street_types: set[str] = field(default_factory=set)
    times: TimeWords = field(default_factory=TimeWords)
    incident_verbs: set[str] = field(default_factory=set)
    later_moments: set[str] = field(default_factory=set)
    plan_words: set[str] = field(default_factory=set)
    phrasal: dict[str, str] = field(default_factory=dict)
    instances: set[str] = field(default_factory=set)
    current: set[str] = field(default_factory=set)
    verb_class: dict[str, str] = field(default_factory=dict)
    more_words: set[str] = field(default_factory=set)
    outcomes: dict[str, set[str]] = field(default_factory=dict)
    # Words that take the rest of a group a count parts ("the other").
    partition: frozenset[str] = frozenset()
    # Words after a list of named people that gather them ("were all taken").
    list_words: frozenset[str] = frozenset()
    # Words that make an account one since corrected ("initially said").
    superseded: frozenset[str] = frozenset()
    # Verbs of a witness's senses and how far a count they take reaches.
    perceived: frozenset[str] = frozenset()
    perceived_reach: tuple[float, float] = (1.0, 1.0)
    # Verb lemma → a class whose times are responses to the event (`follows`).
    responses: dict[str, str] = field(default_factory=dict)

    def cls(self, tok: Token) -> str | None:
        lemma = tok.lemma_.lower()
        got = self.lemma_class.get(lemma) or self.lemma_class.get(tok.lower_)
        if got is None and tok.pos_ in VERBS:
            got = self.verb_class.get(lemma)
        return got


_CACHE: dict[str, Frames] = {}


def frames_rules(rules: Any) -> Frames:
    key = getattr(rules, "version", "") or str(id(rules))
    got = _CACHE.get(key)
    if got is not None:
        return got
    fr = Frames()
    for name, entry in rules.events.items():
        for lemma in entry.get("lemmas") or []:
            fr.lemma_class.setdefault(lemma.casefold(), name)
        for lemma in entry.get("verb_lemmas") or []:
            fr.verb_class.setdefault(lemma.casefold(), name)
        for word in entry.get("absent") or []:
            fr.absent.setdefault(word.casefold(), name)
        fr.still_free.update(w.casefold() for w in entry.get("still_free") or [])
        if entry.get("status"):
            fr.status.add(name)
        if entry.get("outcome_of"):
            fr.outcomes[name] = set(entry["outcome_of"])
        if entry.get("follows") is not None:
            for lemma in [*(entry.get("lemmas") or []), *(entry.get("time_lemmas") or [])]:
                fr.responses.setdefault(lemma.casefold(), name)
    fr.place_class = {k.casefold(): v for k, v in rules.event_places.items()}
    fr.light = {w.casefold() for w in rules.light_verbs}
    fr.thing_class = {w.casefold(): c for c, words in rules.counted_things.items()
                      for w in words}
    fr.holder_verbs = {w.casefold() for w in rules.holder_verbs}
    fr.reference_preps = {w.casefold() for w in rules.reference_preps}
    fr.reasons = {k: {w.casefold() for w in v} for k, v in rules.status_reasons.items()}
    fr.as_of_words = {w.casefold() for w in rules.as_of_words}
    fr.negations = {w.casefold() for w in rules.negations}
    # "two other people", "no other suspects": the counts rules' partial words.
    fr.more_words = {w.casefold() for w in rules.partial_counts}
    fr.hedges = {w.casefold() for w in rules.status_hedges}
    fr.street_types = set(place_words(rules).types)
    fr.incident_verbs = {w.casefold() for w in rules.incident_verbs}
    fr.later_moments = {w.casefold() for w in rules.later_moments}
    fr.plan_words = {w.casefold() for w in rules.plan_words}
    fr.instances = {w.casefold() for w in rules.event_instances}
    fr.current = {w.casefold() for w in rules.current_states}
    fr.phrasal = {" ".join(k.casefold().split()): v
                  for k, v in rules.phrasal_events.items()}
    fr.times = TimeWords.of(rules)
    fr.superseded = frozenset(w.casefold() for w in rules.superseded_words)
    fr.list_words = frozenset(w.casefold() for w in rules.list_words)
    fr.partition = frozenset(w.casefold() for w in rules.partition_words)
    seen = rules.perceived_counts
    fr.perceived = frozenset(w.casefold() for w in seen.verbs)
    fr.perceived_reach = (seen.low, seen.high)
    _CACHE[key] = fr
    return fr
