"""Every number in its frame: the event a figure belongs to, whose it is, as of when, where.

Read from the dependency parse around each numeric fact (rules/events.yaml):

- ``event``: the event class of the verb the figure's noun phrase attaches to
  ("three people were shot": shot), of what a light verb says of it ("left two
  dead": killed), of the place a verb puts people ("taken to the hospital":
  hospitalized), or of the counted noun and its modifiers ("two deaths",
  "four injured");
- ``holder``: whose figure it is ("the suspect's five prior arrests": suspect;
  "the district has 1,000 students": district);
- ``as_of``: the as-of time of a running figure ("so far in 2017");
- ``place``: a street address or named place in the figure's clause.

It also makes the facts that carry a frame but no digits: zero statements
("no arrests", "nobody was hurt", "not yet in custody": 0 with their event),
plain status statements ("officers arrested a man": at least 1 arrested), and
times of day ("around 1:45 a.m.": kind ``time``, minutes after midnight, with
the interval an approximate time reaches).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .places import place_words
from .times import TimeWords, time_spans

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_NOUNS = frozenset({"NOUN", "PROPN", "PRON", "NUM", "ADJ"})
_VERBS = frozenset({"VERB", "AUX"})
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


@dataclass
class Frames:
    """The events rules as lookups, built once per rules version."""

    lemma_class: dict[str, str] = field(default_factory=dict)
    place_class: dict[str, str] = field(default_factory=dict)
    absent: dict[str, str] = field(default_factory=dict)
    status: set[str] = field(default_factory=set)
    light: set[str] = field(default_factory=set)
    thing_class: dict[str, str] = field(default_factory=dict)
    holder_verbs: set[str] = field(default_factory=set)
    as_of_words: set[str] = field(default_factory=set)
    negations: set[str] = field(default_factory=set)
    hedges: set[str] = field(default_factory=set)
    street_types: set[str] = field(default_factory=set)
    times: TimeWords = field(default_factory=TimeWords)
    incident_verbs: set[str] = field(default_factory=set)
    phrasal: dict[str, str] = field(default_factory=dict)
    instances: set[str] = field(default_factory=set)

    def cls(self, tok: Token) -> str | None:
        return self.lemma_class.get(tok.lemma_.lower()) or self.lemma_class.get(tok.lower_)


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
        for word in entry.get("absent") or []:
            fr.absent.setdefault(word.casefold(), name)
        if entry.get("status"):
            fr.status.add(name)
    fr.place_class = {k.casefold(): v for k, v in rules.event_places.items()}
    fr.light = {w.casefold() for w in rules.light_verbs}
    fr.thing_class = {w.casefold(): c for c, words in rules.counted_things.items()
                      for w in words}
    fr.holder_verbs = {w.casefold() for w in rules.holder_verbs}
    fr.as_of_words = {w.casefold() for w in rules.as_of_words}
    fr.negations = {w.casefold() for w in rules.negations}
    fr.hedges = {w.casefold() for w in rules.status_hedges}
    fr.street_types = set(place_words(rules).types)
    fr.incident_verbs = {w.casefold() for w in rules.incident_verbs}
    fr.instances = {w.casefold() for w in rules.event_instances}
    fr.phrasal = {" ".join(k.casefold().split()): v
                  for k, v in rules.phrasal_events.items()}
    fr.times = TimeWords.of(rules)
    _CACHE[key] = fr
    return fr


def add_frames(doc: Doc, rows: list[dict[str, Any]], rules: Any,
               offset: int) -> list[dict[str, Any]]:
    """Fill the frame columns of `rows` (offsets already in article text) and
    return them with the frame-only facts (zeros, statuses, times) added; a
    street address read as a count becomes the place of its sentence's facts."""
    fr = frames_rules(rules)
    out: list[dict[str, Any]] = []
    places: dict[int, str] = {}
    for row in rows:
        if row["kind"] == "attribute":
            out.append(row)
            continue
        span = doc.char_span(row["start"] - offset, row["end"] - offset, alignment_mode="expand")
        if span is None or not len(span):
            out.append(row)
            continue
        if row["kind"] == "count" and _is_address(row, fr):
            places[row["sentence_start"]] = " ".join(span.text.split())
            continue
        noun = _counted(span, row)
        row["event"] = event_of(noun, fr) if _may_frame(span, row) else None
        row["holder"] = holder_of(noun, fr)
        row["as_of"] = as_of(span, fr)
        out.append(row)
    taken = [(r["start"], r["end"]) for r in out]
    # "Tuesday night" is a date and a time: a time of day may share a date's words.
    undated = [(r["start"], r["end"]) for r in out if r["kind"] != "date"]
    out += [r for r in time_rows(doc, fr, offset) if not _overlaps(r, undated)]
    counted = {(r["sentence_start"], r.get("event")) for r in out
               if r["kind"] == "count" and (r.get("value") or 0) > 0}
    for r in status_rows(doc, fr, offset):
        if (r["sentence_start"], r["event"]) in counted or _overlaps(r, taken):
            continue
        out.append(r)
    for row in out:
        if row["kind"] != "attribute":
            row["place"] = places.get(row["sentence_start"]) or row.get("place")
    out.sort(key=lambda r: (r["start"], r["end"]))
    return out


def _overlaps(row: dict[str, Any], taken: list[tuple[int, int]]) -> bool:
    return any(row["start"] < e and s < row["end"] for s, e in taken)


def _is_address(row: dict[str, Any], fr: Frames) -> bool:
    """"704 Oak Ave", "the 700 block of Elm Street": a house or block number."""
    unit = (row.get("unit") or "").split()
    if not unit:
        return False
    last = unit[-1].rstrip(".").casefold()
    return last in fr.street_types or last == "block"


def _may_frame(span: Span, row: dict[str, Any]) -> bool:
    """A bare number ("the toll rose to 19") takes its verb's event only as an
    argument of it, not set off by commas after a name ("Kodi Pruner, 18,")."""
    if row["kind"] != "count" or row.get("unit"):
        return True
    doc = span.doc
    before = doc[span.start - 1] if span.start else None
    if before is not None and before.text == "," and span.start > 1 \
            and doc[span.start - 2].pos_ == "PROPN":
        return False
    return span.root.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "attr")


def _counted(span: Span, row: dict[str, Any]) -> Token:
    """The counted noun (the last noun of a count's span: "four workers",
    "rounds of ammunition" → rounds), else the span's root."""
    if row["kind"] == "count" and row.get("unit"):
        nouns = [t for t in span if t.pos_ in ("NOUN", "PROPN", "ADJ")]
        of = next((i for i, t in enumerate(nouns) if t.head.lower_ == "of"), None)
        if nouns:
            return nouns[0] if of == 1 else nouns[-1 if of is None else of - 1]
    return span.root


def event_of(noun: Token, fr: Frames) -> str | None:
    """The event class of the figure whose head is `noun`."""
    for child in noun.children:  # "people shot", "people who were injured"
        if child.dep_ in ("acl", "relcl") and fr.cls(child):
            return fr.cls(child)
    found = _up(noun, fr)
    if found:
        return found
    if noun.pos_ in ("NOUN", "ADJ", "PROPN") and fr.cls(noun):
        return fr.cls(noun)
    for child in noun.children:  # "four injured people", "the dead man"
        if child.dep_ in ("amod", "compound", "nmod") and fr.cls(child):
            return fr.cls(child)
    return None


def _up(tok: Token, fr: Frames) -> str | None:
    """Walk from a noun to the verb it belongs to and read that verb's event."""
    t = tok
    for _ in range(6):
        if t.dep_ not in _UP or t.head.i == t.i:
            return None
        t = t.head
        if t.pos_ in _VERBS or (t.pos_ == "ADJ" and t.dep_ in ("acomp", "ROOT")):
            return _verb_event(t, tok, fr)
    return None


def _verb_event(verb: Token, arg: Token, fr: Frames) -> str | None:
    lemma = verb.lemma_.lower()
    own = fr.cls(verb)
    if own and lemma not in fr.light:
        return _clause_instance(verb, own, fr)
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


def _clause_instance(verb: Token, cls: str, fr: Frames) -> str:
    """"In other shootings, two men were wounded", "wounded in separate
    attacks": the figure is of another instance of its event."""
    for prep in verb.children:
        if prep.dep_ == "prep":
            for obj in prep.children:
                if obj.dep_ == "pobj":
                    got = _instance(obj, cls, fr)
                    if got != cls:
                        return got
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
    while verb.pos_ not in _VERBS and verb.head.i != verb.i:
        verb = verb.head
    doc = span.doc
    lo, hi = verb.left_edge.i, verb.right_edge.i
    for ent in doc.ents:
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


def _negated(tok: Token, fr: Frames) -> Token | None:
    """The word that makes a statement about `tok` a zero, or None: "no
    arrests", "not made any arrests", "no one is in custody", "nobody was
    hurt", "has not been charged"."""
    if tok.pos_ in _VERBS:
        # "nobody was hurt", "has not been charged"; not "you can't just shoot".
        return _negative_clause(tok, fr) if tok.tag_ == "VBN" else None
    for child in tok.children:
        if child.dep_ == "det" and child.lower_ == "no":
            return child
    head = tok.head
    if tok.dep_ == "pobj" and tok.lemma_.lower() in fr.place_class:
        head = head.head  # "in custody": the verb of the preposition
    elif not any(c.dep_ == "det" and c.lower_ == "any" for c in tok.children):
        return None  # "no" or "any" on the noun, or it is a place a verb puts people
    if head.pos_ not in _VERBS or tok.dep_ not in ("dobj", "nsubj", "nsubjpass", "pobj", "attr"):
        return None
    return _negative_clause(head, fr)


def _negative_clause(verb: Token, fr: Frames) -> Token | None:
    for child in verb.children:
        if child.dep_ == "neg" or (child.dep_ in ("nsubj", "nsubjpass", "expl")
                                   and child.lower_ in fr.negations):
            return child
        if child.dep_ in ("nsubj", "nsubjpass"):
            no = next((g for g in child.children if g.dep_ == "det" and g.lower_ == "no"), None)
            if no is not None:
                return no
    return None


def _hedged(tok: Token, fr: Frames) -> bool:
    """A question, plan or wish ("whether he will be charged", "to file charges")."""
    verb = tok
    while verb.pos_ not in _VERBS and verb.head.i != verb.i:
        verb = verb.head
    words = {c.lower_ for c in verb.children if c.dep_ in ("aux", "mark", "advmod", "auxpass")}
    words |= {verb.lemma_.lower()}
    if verb.dep_ in ("xcomp", "advcl", "ccomp") or verb.tag_ == "VB" and "to" in words:
        words.add(verb.head.lemma_.lower())
    return bool(words & fr.hedges) or any(c.dep_ == "aux" and c.lower_ == "to"
                                          for c in verb.children)


def status_rows(doc: Doc, fr: Frames, offset: int) -> list[dict[str, Any]]:
    """Zero statements of any event ("no arrests", "no one was hurt") and plain
    statements of a status ("police arrested a man"): facts with no digits."""
    rows = []
    seen: set[int] = set()
    for tok in doc:
        lemma = tok.lemma_.lower()
        cls = fr.lemma_class.get(lemma) if tok.pos_ in ("VERB", "NOUN", "ADJ") else None
        absent = fr.absent.get(lemma) if tok.pos_ == "NOUN" else None
        if tok.pos_ == "NOUN" and lemma in fr.place_class:
            cls = fr.place_class[lemma]  # "no one is in custody"
        cls = cls or absent or _phrasal(tok, fr)
        if cls is None or tok.i in seen:
            continue
        neg = _negated(tok, fr)
        if neg is not None:
            if _hedged(tok, fr) and neg.lower_ != "no":
                continue
            lo, hi = sorted((neg.i, tok.i))
            if hi - lo > 6:
                lo = hi = tok.i
            seen.update(range(lo, hi + 1))
            rows.append(_status_row(doc, lo, hi, cls, 0.0, "exact", offset, "frames.zero"))
        elif cls in fr.status and absent is None and _stated(tok, fr):
            seen.add(tok.i)
            rows.append(_status_row(doc, tok.i, tok.i, cls, 1.0, "at_least", offset,
                                    "frames.status"))
    return rows


def _stated(tok: Token, fr: Frames) -> bool:
    """A plain statement that the status was reached: "officers arrested a
    man", "was charged", "taken into custody", "is in custody"."""
    if tok.pos_ == "NOUN":
        verb = tok.head.head if tok.dep_ == "pobj" else None
        return (verb is not None and verb.pos_ in _VERBS and tok.lemma_.lower() in fr.place_class
                and not _hedged(verb, fr))
    # A participle needs its auxiliary ("was charged", "have arrested"): a bare
    # one is a headline or a reduced clause ("student arrested, accused of…").
    return (tok.pos_ == "VERB" and not _hedged(tok, fr)
            and tok.dep_ not in ("amod", "acl", "relcl")
            and (tok.tag_ == "VBD" or tok.tag_ == "VBN" and any(
                c.dep_ in ("aux", "auxpass") for c in tok.children)))


def _phrasal(tok: Token, fr: Frames) -> str | None:
    """"turned himself in": a verb and its particle that name an event."""
    if tok.pos_ != "VERB":
        return None
    words = [tok.lemma_.lower()]
    if any(c.dep_ == "dobj" and c.lower_.endswith(("self", "selves")) for c in tok.children):
        words.append("oneself")  # the reflexive object
    prt = next((c.lower_ for c in tok.children if c.dep_ in ("prt", "prep") and c.i > tok.i),
               None)
    return fr.phrasal.get(" ".join([*words, prt])) if prt else None


def _status_row(doc: Doc, lo: int, hi: int, cls: str, value: float, qualifier: str,
                offset: int, pattern: str) -> dict[str, Any]:
    first, last = doc[lo], doc[hi]
    sent = first.sent
    start, end = first.idx, last.idx + len(last.text)
    return {
        "start": start + offset, "end": end + offset, "sentence": sent.text,
        "sentence_start": sent.start_char + offset, "kind": "count", "value": value,
        "low": value, "high": None if qualifier == "at_least" else value,
        "qualifier": qualifier, "unit": "person", "per": None, "subject": None,
        "entities": [], "entity": None, "attribute": None, "attribute_value": None,
        "attribute_scope": None, "pattern": pattern, "event": cls, "holder": None,
        "as_of": None, "place": None,
    }


def time_rows(doc: Doc, fr: Frames, offset: int) -> list[dict[str, Any]]:
    """Times of day as facts (extract/times.py), each with the event it
    belongs to; a part of a day ("early this morning") only where the text
    gives no clock time: a clock time says it more precisely, and a vague
    part would agree with every time and hide their disagreement."""
    rows = []
    for t in time_spans(doc.text, fr.times):
        span = doc.char_span(t["start"], t["end"], alignment_mode="expand")
        if span is None or not len(span):
            continue
        sent = span.sent
        rows.append({
            "start": t["start"] + offset, "end": t["end"] + offset, "sentence": sent.text,
            "sentence_start": sent.start_char + offset, "kind": "time", "value": t["value"],
            "low": t["low"], "high": t["high"], "qualifier": t["qualifier"], "unit": "minute",
            "per": None, "subject": "time of day", "entities": [], "entity": None,
            "attribute": None, "attribute_value": None, "attribute_scope": None,
            "pattern": t["pattern"], "event": _time_event(span, fr), "holder": None,
            "as_of": None, "place": None,
        })
    clocks = [r for r in rows if r["pattern"] != "frames.day_part"]
    return clocks or rows


def _time_event(span: Span, fr: Frames) -> str | None:
    """The event a time belongs to: a noun of an event it hangs on ("the
    fatal shooting of his brother around 1:54 a.m."), its verb's class, or for
    "the shooting happened at …" the class of what happened."""
    doc = span.doc
    # The event noun just before the time, in its sentence: parses often hang
    # "around 1:54 a.m." on the main verb whatever it belongs to.
    for tok in reversed(doc[max(span.sent.start, span.start - 12):span.start]):
        cls = fr.cls(tok) if tok.pos_ == "NOUN" else None
        if cls and cls not in fr.status:
            return _instance(tok, cls, fr)
    verb = span.root
    for _ in range(5):
        if verb.pos_ in _VERBS or verb.head.i == verb.i:
            break
        verb = verb.head
    if verb.pos_ not in _VERBS:
        return None
    if verb.lemma_.lower() in fr.incident_verbs:
        subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        cls = fr.cls(subj[0]) if subj else None
        return _instance(subj[0], cls, fr) if cls else None
    return _verb_event(verb, span.root, fr)


def _instance(noun: Token, cls: str, fr: Frames) -> str:
    """"The first shooting", "another shooting": one of several events of a
    class; its time is that instance's ("shot:first"), not the story's."""
    for child in noun.children:
        if child.dep_ in ("amod", "det") and child.lower_ in fr.instances:
            return f"{cls}:{child.lower_}"
    return cls
