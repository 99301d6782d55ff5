"""A figure's event, holder and as-of time, read from the dependency parse
around its counted noun (see frames.py)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .doc_text import ents_of
from .frame_rules import VERBS, Frames

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

# Dependencies that lead from a noun phrase up to the verb it is an argument of.
_UP = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "attr", "appos", "conj", "npadvmod",
                 "oprd", "nummod", "compound", "prep", "agent", "dative", "quantmod", "amod",
                 "nmod", "dep", "acomp"})
# What a light verb says of its figure ("left two dead", "two are dead").
_PREDICATE = frozenset({"acomp", "oprd", "xcomp", "ccomp", "attr", "advcl", "conj"})
_YEAR = re.compile(r"\b1[89]\d\d\b|\b20\d\d\b")
# An as-of time is kept only where it can tell two figures apart: a year, or
# a period counted back ("last year") against the current one ("this year").
_PAST = frozenset({"last", "previous", "past", "prior"})


def event_of(noun: Token, fr: Frames) -> str | None:
    """The event class of the figure whose head is `noun`."""
    if noun.pos_ in ("ADJ", "VERB") and fr.cls(noun):
        # "left 1 dead and three others wounded": a figure of people in a state
        # is of that state, whatever the verb's other predicates say.
        return fr.cls(noun)
    # "people shot", "people who were injured"; "one of four people to be
    # shot" (the clause hangs on "one"; the four are those it befell).
    group = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "of" \
        and noun.head.head.pos_ in ("NUM", "PRON") else None
    for child in [*noun.children, *(group.children if group is not None else ())]:
        if child.dep_ in ("acl", "relcl") and fr.cls(child):
            return fr.cls(child)
    found = _up(noun, fr)
    if found:
        return found
    if noun.pos_ in ("NOUN", "ADJ", "PROPN") and fr.cls(noun):
        # "A dozen prior arrests", "two previous shootings": other instances.
        return instance_of(noun, fr.cls(noun) or "", fr)
    for child in noun.children:  # "four injured people", "the dead man", "murder victims"
        # A noun before the counted one names the event only where the counted
        # noun is a thing events count ("shooting victims"): "38 hospital
        # trusts", "three murder suspects" are no figures of those events.
        if child.dep_ == "amod" and fr.cls(child) or child.dep_ in ("compound", "nmod") \
                and fr.cls(child) and noun.lemma_.lower() in fr.thing_class:
            return fr.cls(child)
    return None


def _up(tok: Token, fr: Frames) -> str | None:
    """Walk from a noun to the verb it belongs to and read that verb's event."""
    t = tok
    for _ in range(6):
        if t.dep_ not in _UP or t.head.i == t.i:
            return None
        t = t.head
        if t.pos_ in VERBS or (t.pos_ == "ADJ" and t.dep_ in ("acomp", "ROOT")):
            return _now(t, verb_event(t, tok, fr), fr)
    return None


def _now(verb: Token, cls: str | None, fr: Frames) -> str | None:
    """"Two remain in the hospital", "five are still hospitalized": those
    still in the state, a part of those it befell (`current_states`)."""
    if cls is None or ":" in cls or cls in fr.status:
        return cls
    if verb.lemma_.lower() in fr.current or any(
            c.dep_ == "advmod" and c.lower_ in fr.current for c in verb.children):
        return f"{cls}:now"
    return cls


def verb_event(verb: Token, arg: Token, fr: Frames) -> str | None:
    lemma = verb.lemma_.lower()
    own = fr.cls(verb)
    if own and lemma not in fr.light:
        return _clause_instance(verb, _outcome(verb, own, fr), fr)
    light = lemma in fr.light
    if light:
        for child in verb.children:  # "left two dead", "pronounced dead"
            if child.dep_ in _PREDICATE and child.i != arg.i and fr.cls(child):
                return fr.cls(child)
    for child in verb.children:  # "taken to the hospital", "taken into custody"
        if child.dep_ == "prep":
            for obj in child.children:
                if obj.dep_ == "pobj" and obj.lemma_.lower() in fr.place_class:
                    return fr.place_class[obj.lemma_.lower()]
    # "Seven people are known to have died"; not "two people started
    # shooting": the subject of an active verb is who does it.
    if arg.dep_ != "nsubj":
        for child in verb.children:
            if child.dep_ == "xcomp" and child.pos_ in VERBS and fr.cls(child):
                return verb_event(child, arg, fr)
    if light:
        for child in arg.children:
            if child.dep_ in ("amod", "acomp", "oprd") and fr.cls(child):
                return fr.cls(child)
        for child in verb.children:  # "the death toll rose to 19"
            if child.dep_ in ("nsubj", "nsubjpass") and child.i != arg.i:
                for word in (child, *[c for c in child.children if c.dep_ == "compound"]):
                    if fr.cls(word):
                        return fr.cls(word)
        return own
    return None


def _outcome(verb: Token, cls: str, fr: Frames) -> str:
    """"Fatally shot", "shot to death", "shot dead": a word beside the verb
    that names an outcome of its event (rules `events`, `outcome_of`)."""
    for child in verb.children:
        words = [child] if child.dep_ in ("advmod", "acomp", "oprd", "xcomp") else [
            g for g in child.children if g.dep_ == "pobj"] if child.dep_ == "prep" else []
        for word in words:
            got = fr.cls(word)
            if got and cls in fr.outcomes.get(got, ()):
                return got
    return cls


def _clause_instance(verb: Token, cls: str, fr: Frames) -> str:
    """"In other shootings, two men were wounded", "wounded in separate
    attacks": the figure is of another instance of its event."""
    for prep in verb.children:
        if prep.dep_ == "prep":
            for obj in prep.children:
                if obj.dep_ == "pobj":
                    got = instance_of(obj, cls, fr)
                    if got != cls:
                        return got
    return cls


def instance_of(noun: Token, cls: str, fr: Frames) -> str:
    """"The first shooting", "another shooting": one of several events of a
    class; its time is that instance's ("shot:first"), not the story's."""
    for child in noun.children:
        if child.dep_ in ("amod", "det") and child.lower_ in fr.instances:
            return f"{cls}:{child.lower_}"
    return cls


def holder_of(noun: Token, fr: Frames) -> str | None:
    """Whose figure: a possessor ("the suspect's arrests") or the subject of a
    verb of having ("the district has 1,000 students")."""
    for child in noun.children:
        if child.dep_ == "poss":
            return _phrase(child)
    t = noun
    for _ in range(4):  # "an enrollment of 270 students", "an award up to $5,000"
        if t.dep_ in ("nummod", "compound", "amod", "quantmod", "nmod") or (
                t.dep_ == "pobj" and t.head.head.pos_ == "NOUN"):
            t = t.head.head if t.dep_ == "pobj" else t.head
        else:
            break
    if t.dep_ == "dobj" and t.head.lemma_.lower() in fr.holder_verbs:
        subj = [c for c in t.head.children if c.dep_ == "nsubj"]
        if subj and subj[0].pos_ in ("NOUN", "PROPN"):
            return _phrase(subj[0])
    return None


def reference_of(span: Span, fr: Frames) -> str | None:
    """Where a distance is measured from ("30 miles from the Texas border",
    "35 miles northeast of Oklahoma City"): the place after a reference
    preposition just after the figure, a direction word between them."""
    doc = span.doc
    for tok in doc[span.end:min(span.end + 3, span.sent.end)]:
        if tok.lower_ in fr.reference_preps:
            obj = next((c for c in tok.children if c.dep_ == "pobj"), None)
            return _phrase(obj) if obj is not None else None
        if tok.pos_ not in ("ADV", "ADJ", "NOUN"):
            return None
    return None


def _phrase(tok: Token) -> str:
    """A holder as a short key: its compound words and lemma ("high school")."""
    words = [c.lower_ for c in tok.children if c.dep_ in ("compound",) and c.i < tok.i]
    words.append(tok.lemma_.lower() if tok.pos_ == "NOUN" else tok.lower_)
    return " ".join(words)


def as_of(span: Span, fr: Frames) -> str | None:
    """The as-of time of a figure, where it tells figures apart: the year of a
    date phrase of its clause ("so far in 2017": 2017) or a period counted
    back ("last year"); the current period ("this year") is left empty, as
    is the day of an event."""
    verb = span.root
    while verb.pos_ not in VERBS and verb.head.i != verb.i:
        verb = verb.head
    doc = span.doc
    lo, hi = verb.left_edge.i, verb.right_edge.i
    for ent in ents_of(doc):
        if ent.label_ != "DATE" or ent.start < lo or ent.end - 1 > hi:
            continue
        if span.start < ent.end and ent.start < span.end:
            continue
        year = _YEAR.search(ent.text)
        if year:
            return year.group(0)
        words = [t.lower_ for t in ent]
        units = [w for w in words if w in fr.as_of_words]
        if units and set(words) & _PAST:
            return f"last {units[-1]}"  # "last year", "the past month"
    return None
