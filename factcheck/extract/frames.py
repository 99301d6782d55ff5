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
from typing import TYPE_CHECKING, Any

from ..facts import SHARE
from .doc_text import text_of
from .frame_events import as_of, event_of, holder_of, instance_of, reference_of, verb_event
from .frame_rules import VERBS, Frames, frames_rules
from .statuses import listed_rows, status_rows
from .times import time_spans

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["Frames", "add_frames", "as_of", "event_of", "frames_rules", "holder_of",
           "status_rows", "time_rows"]


def add_frames(doc: Doc, rows: list[dict[str, Any]], rules: Any,
               offset: int) -> list[dict[str, Any]]:
    """Fill the frame columns of `rows` (offsets already in article text) and
    return them with the frame-only facts (zeros, statuses, times) added; a
    street address read as a count becomes the place of its sentence's facts."""
    fr = frames_rules(rules)
    out: list[dict[str, Any]] = []
    places: dict[int, str] = {}
    for row in rows:
        ahead = row.pop("_ahead", 0.0)
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
        if row["kind"] == "count" and row.get("unit") and _parts_a_group(span, fr):
            # "One dead, the other hurt": a share of a group, never aligned.
            row["subject"] = f"{SHARE} {row.get('subject') or row['unit']}"
        if row["kind"] == "count" and _first_told(span.root, fr):
            row["event"] = f"{row['event'] or 'event'}:initial"
        if row["kind"] == "count" and _perceived(noun, row, fr):
            # "I heard five shots": one witness's estimate, not a tally.
            low, high = fr.perceived_reach
            row["qualifier"], row["low"], row["high"] = "about", row["value"] * low, \
                row["value"] * high
        if row["kind"] == "date":
            _date_frame(span, row, fr)
            if ahead and _planned(row["event"]):
                # A plan's "Friday" is the next one, not the last.
                row["value"], row["low"], row["high"] = (
                    None if v is None else v + ahead
                    for v in (row["value"], row["low"], row["high"]))
        row["holder"] = holder_of(noun, fr)
        if row["kind"] == "measure" and row["holder"] is None:
            row["holder"] = reference_of(span, fr)
        row["as_of"] = as_of(span, fr)
        out.append(row)
    taken = [(r["start"], r["end"]) for r in out]
    # "Tuesday night" is a date and a time: a time of day may share a date's words.
    undated = [(r["start"], r["end"]) for r in out if r["kind"] != "date"]
    out += [r for r in time_rows(doc, fr, offset) if not _overlaps(r, undated)]
    counted = {(r["sentence_start"], r.get("event")) for r in out
               if r["kind"] == "count" and (r.get("value") or 0) > 0}
    # A list of names counts its event before a plain status says "some" of it.
    for r in [*listed_rows(doc, fr, offset), *status_rows(doc, fr, offset)]:
        if (r["sentence_start"], r["event"]) in counted or _overlaps(r, taken):
            continue
        out.append(r)
        if r["pattern"] == "frames.listed":
            counted.add((r["sentence_start"], r["event"]))
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


def _parts_a_group(span: Span, fr: Frames) -> bool:
    """"Two women, one dead, the other hurt", "one died and the others were
    wounded": a count followed, a few words on in its sentence, by the rest
    of its group as a subject (rules `partition_words`)."""
    doc = span.doc
    for tok in doc[span.end:min(span.end + 8, span.sent.end)]:
        if tok.lower_ in fr.partition and tok.dep_ in ("nsubj", "nsubjpass") \
                and doc[tok.i - 1].lower_ == "the":
            return True
    return False


def _first_told(tok: Token, fr: Frames) -> bool:
    """"Police initially said six people were shot": a figure of an account
    since corrected (rules `superseded_words`); not one of a clause joined to
    it ("..., but later said seven were")."""
    for _ in range(8):
        if tok.pos_ in VERBS and any(c.dep_ == "advmod" and c.lower_ in fr.superseded
                                     for c in tok.children):
            return True
        if tok.dep_ == "conj" or tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def _perceived(noun: Token, row: dict[str, Any], fr: Frames) -> bool:
    """A plain count taken by a witness's senses ("heard five shots", rules
    `perceived_counts`)."""
    return (row.get("qualifier") or "exact") == "exact" and row.get("value") is not None \
        and noun.dep_ == "dobj" and noun.head.pos_ in VERBS \
        and noun.head.lemma_.lower() in fr.perceived


def _counted(span: Span, row: dict[str, Any]) -> Token:
    """The counted noun (the last noun of a count's span: "four workers",
    "rounds of ammunition" → rounds), else the span's root."""
    if row["kind"] == "count" and row.get("unit"):
        # The unit may be a participle: "four injured".
        nouns = [t for t in span if t.pos_ in ("NOUN", "PROPN", "ADJ")
                 or t.lower_ == row["unit"]]
        of = next((i for i, t in enumerate(nouns) if t.head.lower_ == "of"), None)
        if nouns:
            return nouns[0] if of == 1 else nouns[-1 if of is None else of - 1]
    return span.root


def time_rows(doc: Doc, fr: Frames, offset: int) -> list[dict[str, Any]]:
    """Times of day as facts (extract/times.py), each with the event it
    belongs to; a part of a day ("early this morning") only where the text
    gives no clock time: a clock time says it more precisely, and a vague
    part would agree with every time and hide their disagreement."""
    rows = []
    for t in time_spans(text_of(doc), fr.times):
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
    moment = _later_moment(span, fr)
    if moment is not None:
        return moment
    # A call, officers arriving, a victim found (rules `follows`): when the
    # event came to be known, whatever event noun stands beside the time ("the
    # shooting was called in at 7:23 p.m.").
    verb = _verb_of(span)
    if verb.pos_ in VERBS and (response := fr.responses.get(verb.lemma_.lower())):
        return response
    # The event noun just before the time, in its sentence: parses often hang
    # "around 1:54 a.m." on the main verb whatever it belongs to.
    for tok in reversed(doc[max(span.sent.start, span.start - 12):span.start]):
        cls = fr.cls(tok) if tok.pos_ == "NOUN" else None
        if cls and cls not in fr.status:
            return instance_of(tok, cls, fr)
    if verb.pos_ not in VERBS:
        return None
    if verb.lemma_.lower() in fr.incident_verbs:
        return _what_happened(verb, fr)
    return verb_event(verb, span.root, fr)


def _what_happened(verb: Token, fr: Frames) -> str | None:
    """"The shooting happened at ...": the class of what happened."""
    subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    cls = fr.cls(subj[0]) if subj else None
    return instance_of(subj[0], cls, fr) if cls else None


def _later_moment(span: Span, fr: Frames) -> str | None:
    """"Died from his wounds at 11:45 p.m.", "pronounced dead at 9:37 p.m.":
    the time of a moment after the event (rules `later_moments`), or of a
    plan, written as an instance of its class ("killed:die", "event:planned")
    so that it is not taken for when the event happened, whatever event noun
    stands before it."""
    verb = _verb_of(span)
    lemma = verb.lemma_.lower()
    if verb.pos_ not in VERBS:
        return None
    if lemma in fr.later_moments:
        return f"{verb_event(verb, span.root, fr) or fr.cls(verb) or 'event'}:{lemma}"
    # A plan ("a vigil will be held at 7 p.m.", "is expected to appear in
    # court at 9 a.m.", rules `plan_words`) has not happened yet.
    words = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    words.add(lemma)
    if verb.dep_ == "xcomp":
        words.add(verb.head.lemma_.lower())
    if words & fr.plan_words:
        plan = _plan_of(verb, fr)
        if plan is not None:
            return f"plan:{plan}"
        return f"{verb_event(verb, span.root, fr) or fr.cls(verb) or 'event'}:planned"
    return None


def _planned(event: str | None) -> bool:
    return event is not None and (event.startswith("plan:") or event.endswith(":planned"))


def _plan_of(verb: Token, fr: Frames) -> str | None:
    """What a plan is of (rules `plan_events`): its verb with its particle
    ("will walk out"), else the noun it is said of ("a vigil will be held",
    "will hold a vote", "the trial is scheduled to begin"). Written "plan:<class>"
    so that two plans' days align by their class, and with no event's day."""
    plans = fr.times.plans
    heads = [verb, verb.head] if verb.dep_ == "xcomp" else [verb]
    for head in heads:
        # The particle right after its verb, as the parse may call it an adverb.
        prt = [c.lower_ for c in head.children
               if c.dep_ in ("prt", "advmod") and c.i == head.i + 1]
        for word in (" ".join([head.lemma_.lower(), *prt]), head.lemma_.lower()):
            if word in plans:
                return plans[word]
    for head in heads:
        for child in head.children:
            if child.dep_ in ("nsubj", "nsubjpass", "dobj") and child.lemma_.lower() in plans:
                return plans[child.lemma_.lower()]
    return None


# An embedded post's byline ends with its author's handle; the date after it
# is when the post was written.
_POSTED = re.compile(r"\(@\w+\)[ \t]*$")


def _date_frame(span: Span, row: dict[str, Any], fr: Frames) -> None:
    """A date is the day of its event only where its verb tells of the event:
    the day the police spoke ("police said Monday"), the day a state held
    ("No one was in custody Thursday", "remained in jail Friday"), a bound
    ("killed since Saturday"), a moment after the event ("died Monday") or a
    plan is another day, written as an instance ("arrested:state") that
    aligns with no other date. "The Jan. 28 death" and "the shooting happened
    Thursday" are the day of that event; "was arrested Tuesday after he shot
    himself" says the shooting was on that day or before (qualifier at_most,
    rules `after_words`, `after_events`)."""
    event = row["event"]
    text = span.doc.text
    if _POSTED.search(text, max(0, span.start_char - 40), span.start_char):
        row["event"] = f"{event or 'event'}:posted"  # "— Ann Lee (@annlee) May 2, 2017"
        return
    head = span.root.head
    if head.pos_ == "NOUN" and head.i != span.root.i and head not in span and fr.cls(head) \
            and span.root.dep_ in ("compound", "nmod", "poss", "npadvmod", "amod"):
        row["event"] = instance_of(head, fr.cls(head) or "", fr)
        return
    if head.lower_ in fr.times.bounds and span.root.dep_ == "pobj":
        row["event"] = f"{event or 'event'}:{head.lower_}"
        return
    moment = _later_moment(span, fr)
    verb = _verb_of(span)
    if "\n\n" in text[min(verb.idx, span.start_char):max(verb.idx, span.start_char)]:
        # A parse that runs past a blank line (a related story's link above)
        # reads no frame of the date's own paragraph.
        row["event"] = None
        return
    if moment is not None or verb.pos_ not in VERBS:
        row["event"] = moment or event
        return
    if verb.dep_ in ("xcomp", "acomp", "oprd") and verb.head.lemma_.lower() in fr.times.states:
        verb = verb.head  # "remained incarcerated Friday"
    lemma = verb.lemma_.lower()
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)
    if lemma in fr.times.said and not passive:  # "the shooting was reported Saturday" is
        row["event"] = f"{event or 'event'}:said"  # the shooting's day
    elif lemma in fr.incident_verbs:
        row["event"] = _what_happened(verb, fr) or event
    elif lemma in fr.times.states and not any(
            c.dep_ in ("nsubj", "nsubjpass") and fr.cls(c) for c in verb.children):
        row["event"] = f"{event or 'event'}:state"
    elif (event or "").split(":")[0] not in fr.times.after_events \
            and (before := _happened_before(verb, fr)) is not None:
        # Only a date of another event: "was shot Friday after he killed a
        # man" is the day of the shooting.
        row["event"], row["qualifier"], row["low"] = before, "at_most", None


def _happened_before(verb: Token, fr: Frames) -> str | None:
    """The event of an "after" clause or phrase of `verb` ("arrested Tuesday
    after he shot himself", "after the shooting"): it happened by that day."""
    for child in verb.children:
        if child.dep_ == "advcl" and child.pos_ in VERBS and any(
                m.dep_ == "mark" and m.lower_ in fr.times.after for m in child.children):
            if fr.cls(child) in fr.times.after_events:
                return fr.cls(child)
        if child.dep_ == "prep" and child.lower_ in fr.times.after:
            for obj in child.children:  # "after the shooting", "after being shot"
                if obj.dep_ in ("pobj", "pcomp") and fr.cls(obj) in fr.times.after_events:
                    return instance_of(obj, fr.cls(obj) or "", fr)
    return None


def _verb_of(span: Span) -> Token:
    """The verb a time hangs on, a few steps up the parse (else the top reached)."""
    verb = span.root
    for _ in range(5):
        if verb.pos_ in VERBS or verb.head.i == verb.i:
            break
        verb = verb.head
    return verb
