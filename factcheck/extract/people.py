"""Person facts from a Doc: who is named, what happened to them, what they face.

Rows of kind ``person`` (docs/facts.md), one per mention:

- ``name``: a person named in the article. ``attribute_value`` is the
  article's fullest form of the name ("Trell" → "Marcus Trell"), the row's
  span the mention as written.
- ``condition``: a state from the ``person_conditions`` rules (critical,
  dead, released...) said of someone.
- ``charge``: what someone was charged with or arrested on suspicion of.
- ``wound``: where someone was hit ("shot in the face" → head), a place of
  the ``wound_places`` rules.

A condition or charge belongs to the clause's subject (the object of an
active "shot dead"), read from the parse: a name (its fullest form in
``entity``), a he/she the article resolves unambiguously (``People.antecedent``),
or a description ("the 14-year-old boy", in ``subject``). Ages stay the
``age`` facts of ``quantities.py``; the people table joins them at
cross-check time (factcheck/crosscheck/people.py).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from .doc_text import text_of
from .mentions import alias_key, first_of_each, make_row, once_per_vocab

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from ..rules.load import Rules
    from .mentions import People

PRONOUNS = frozenset({"he", "she", "him", "her"})
_SUBJECTS = ("nsubjpass", "nsubj")
# How far up the parse a condition phrase looks for the verb whose subject it
# describes ("is in critical condition": condition → in → is).
_MAX_UP = 3
# How far up a charge phrase looks for its verb.
_CHARGE_UP = 7
# A description longer than this is a clause, not a person.
_MAX_DESC = 6


@dataclass
class _Matchers:
    conditions: Any  # PhraseMatcher: match id → state
    charges: Any  # PhraseMatcher over charge_phrases
    rank: dict[str, int]
    places: dict[str, str]  # word → place of a wound
    place_words: Any  # PhraseMatcher over the places' words
    wound_words: frozenset[str]
    sides: frozenset[str]  # "left", "right" before a place of a wound
    sexes: dict[str, str]  # person noun → sex ("woman": female), for a he/she
    not_names: frozenset[str]  # words that make a "name" a place or body
    # state → the places whose name after an opener of it says it (each a tuple of words)
    opened: dict[str, tuple[tuple[str, ...], ...]]
    naming: frozenset[str]  # verbs that give a described person's name
    # state → the verbs that leave their object in it ("left one man dead")
    left_in: dict[str, frozenset[str]]


_CACHE: dict[tuple[int, str], _Matchers] = {}


def _matchers(vocab: Any, rules: Rules) -> _Matchers:
    return once_per_vocab(_CACHE, vocab, rules, _build_matchers)


def _build_matchers(vocab: Any, rules: Rules) -> _Matchers:
    from spacy.lang.en import English
    from spacy.matcher import PhraseMatcher

    make = English(vocab=vocab).tokenizer
    conditions = PhraseMatcher(vocab, attr="LOWER")
    rank = {}
    opened = {}
    left_in = {}
    for state, entry in sorted(rules.person_conditions.items()):
        conditions.add(str(state), [make(p.lower()) for p in entry["phrases"]])
        rank[str(state)] = int(entry["rank"])
        if entry.get("openers") and entry.get("places"):
            conditions.add(_OPENER + str(state), [make(p.lower()) for p in entry["openers"]])
            opened[str(state)] = tuple(tuple(str(w).lower().split()) for w in entry["places"])
        if entry.get("results") and entry.get("result_verbs"):
            conditions.add(_RESULT + str(state), [make(p.lower()) for p in entry["results"]])
            left_in[str(state)] = frozenset(str(v).lower() for v in entry["result_verbs"])
    charges = PhraseMatcher(vocab, attr="LOWER")
    phrases = sorted({p.lower() for p in rules.charge_phrases})
    if phrases:
        charges.add("charge", [make(p) for p in phrases])
    places = {str(w).lower(): str(place) for place, ws in sorted(rules.wound_places.items())
              for w in ws}
    place_words = PhraseMatcher(vocab, attr="LOWER")
    if places:
        place_words.add("place", [make(w) for w in sorted(places)])
    return _Matchers(conditions, charges, rank, places, place_words,
                     frozenset(str(w).lower() for w in rules.wound_words),
                     frozenset(str(w).lower() for w in rules.wound_sides),
                     {str(n).lower(): sex for n, c in rules.person_nouns.items()
                      for sex, cs in rules.person_sexes.items() if c in cs},
                     frozenset(str(w).casefold() for w in rules.not_name_words), opened,
                     frozenset(str(w).lower() for w in rules.naming_verbs), left_in)


def extract_people(people: People, offset: int, rules: Rules,
                   ages: list[dict[str, Any]] | None = None) -> list[dict[str, Any]]:
    """The person rows of `people.doc` (offsets shifted by `offset`). `ages`: the
    Doc's age facts, whose names ("shot 18-year-old Dana Pike") are people even
    where the model did not tag them."""
    doc = people.doc
    _names_of_ages(people, offset, ages or [])
    _names_described(people, rules)
    births = _births(people, offset, ages or [], rules)
    naming = _matchers(doc.vocab, rules).naming
    _drop_no_ones(people, _matchers(doc.vocab, rules).not_names)
    rows = []
    # A name is in `mentions` once as an entity and again after a title.
    for i, name in sorted(set(people.mentions)):
        end_char = doc[i].idx + len(name)
        j = i
        while j < len(doc) and doc[j].idx < end_char:
            j += 1
        if doc[i:j].text != name or len(name) < 2 or not name[:1].isupper():
            continue
        row = make_row(doc, offset, i, j, people.full(name), "name", people.full(name),
                       None, "person:name")
        row["kind"] = "person"
        row["subject"] = _described(doc[i:j], naming)
        rows.append(row)
    people.sex_of = _sexes(rows, _matchers(doc.vocab, rules).sexes)
    _ages_said_of(people, offset, ages or [], rules)
    rows.extend(_birth_row(people, offset, span, born) for span, born in births)
    if rules.person_conditions or rules.charge_phrases:
        rows.extend(_states(people, offset, rules))
    if rules.wound_places:
        rows.extend(_wounds(people, offset, rules))
    return first_of_each(rows)


def _drop_no_ones(people: People, not_names: frozenset[str]) -> None:
    """Forget one-word "names" that are no one, so no row or he/she means them: a
    common noun the model tagged ("View as list": its word no proper noun), and
    a word the article also writes before a word of `not_names` ("Cameo" of
    "Cameo Nightclub", "Stroger" of "Stroger Hospital", "the Gresham neighborhood")."""
    doc = people.doc
    singles = {n for _, n in people.mentions if n.isalpha() and n not in people.full_of}
    placed: set[str] = set()
    if singles and not_names:
        pattern = "|".join(re.escape(w) for w in sorted(singles, key=lambda w: (-len(w), w)))
        placed = {m.group(1) for m in re.finditer(rf"(?<!\w)({pattern})\s+([A-Za-z]+)",
                                                  text_of(doc))
                  if m.group(2).casefold() in not_names}
    people.mentions = [(i, n) for i, n in people.mentions if n not in placed and not (
        n in singles and doc[i].pos_ != "PROPN" and not doc[i].is_upper)]


def _states(people: People, offset: int, rules: Rules) -> list[dict[str, Any]]:
    """Condition and charge rows: what happened to whom, what they face."""
    from spacy.util import filter_spans

    doc = people.doc
    rows = []
    m = _matchers(doc.vocab, rules)
    spans = []
    for match_id, start, end in m.conditions(doc):
        label = doc.vocab.strings[match_id]
        if label.startswith(_OPENER):
            label = label[len(_OPENER):]
            end = _place_end(doc, end, m.opened[label])
            if end is None:
                continue
        span = doc[start:end]
        span.label_ = label
        spans.append(span)
    hedges = {w.casefold() for w in rules.status_hedges}
    for span in filter_spans(spans):
        if _negated(span) or _supposed(span, hedges):
            continue
        if span.label_.startswith(_RESULT):
            row = _left_in(people, offset, span, m)
            if row is not None:
                rows.append(row)
            continue
        holder = _holder(people, span, m=m)
        if holder is None:
            continue
        # "the man who died": a clause that picks out the person by what the
        # reader already knows; the news is told elsewhere ("left one man dead").
        pattern = "person:condition.relative" if _relative(span) else "person:condition"
        rows.append(_row(people, offset, span.start, span.end, holder, "condition", span.label_,
                         pattern))
    for _, start, end in m.charges(doc):
        charge = _charge(doc, end)
        if charge is None:
            continue
        # "held ... for investigation of a possible charge of": a charge hangs
        # further down the parse from its verb than a condition does.
        holder = _holder(people, doc[start:end], reach=_CHARGE_UP)
        if holder is None:
            continue
        rows.append(_row(people, offset, start, charge.end, holder, "charge",
                         normal_charge(charge.text), "person:charge"))
    return rows


def _left_in(people: People, offset: int, span: Span, m: _Matchers) -> dict[str, Any] | None:
    """The row of a state an event left its object in ("a shooting that left one
    man dead"): the word is the object's predicate, the verb one of `left_in`."""
    state = span.label_[len(_RESULT):]
    verb = span.root.head
    if span.root.dep_ != "oprd" or verb.lemma_.lower() not in m.left_in.get(state, ()):
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    holder = _who(people, obj, m) if obj is not None else None
    if holder is None:
        return None
    return _row(people, offset, verb.i, span.end, holder, "condition", state, "person:condition")


def _relative(span: Span) -> bool:
    """Whether the state is said in a clause on the person's noun ("a boy who was
    fatally shot", "the man who later died", "a man shot dead")."""
    verb = _verb(span)
    while verb is not None and verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        verb = verb.head
    if verb is None or verb.dep_ not in ("relcl", "acl") \
            or verb.head.pos_ not in ("NOUN", "PROPN", "PRON"):
        return False
    subj = next((c for c in verb.children if c.dep_ in _SUBJECTS), None)
    return subj is None or subj.lower_ in ("who", "that")


# The match id prefix of a state's `results` ("dead" in "left one man dead").
_RESULT = "left:"
# The match id prefix of a condition's openers ("released from"), which say it
# only before the name of a place of its `places`.
_OPENER = "open:"
# How many words the name of that place may run to.
_PLACE_WORDS = 5


def _place_end(doc: Doc, i: int, places: tuple[tuple[str, ...], ...]) -> int | None:
    """The end of a capitalised place name from token `i` on whose last words are
    one of `places` ("Ben Taub Hospital"), if there is one."""
    j = i
    while j < len(doc) and j - i < _PLACE_WORDS and doc[j].text[:1].isupper():
        j += 1
        words = tuple(t.lower_ for t in doc[max(i, j - 3):j])
        if any(words[-len(p):] == p for p in places):
            return j
    return None


# Nouns a place of a wound may stand before: "the head area", "abdominal region".
_AREA = frozenset({"area", "region", "side"})
# At most this many tokens from the wound or verb to the place's preposition
# ("shot Dana Pike twice in the chest").
_NEAR_HIT = 4


def _wounds(people: People, offset: int, rules: Rules) -> list[dict[str, Any]]:
    """Wound rows: where someone was hit, said of the clause's subject ("Ana was
    shot in the face") or of the noun the wound is with ("a woman with a
    gunshot wound to the head")."""
    doc = people.doc
    from spacy.util import filter_spans

    m = _matchers(doc.vocab, rules)
    rows = []
    # "upper body" before "body": the longest wording of a place.
    for words in filter_spans([doc[s:e] for _, s, e in m.place_words(doc)]):
        tok = words[-1]
        place = m.places[" ".join(t.lower_ for t in words)]
        node = tok.head if tok.dep_ in ("compound", "amod") and tok.head.lower_ in _AREA else tok
        # "shot in the chest and the leg": the leg hangs from the chest's "in".
        first = node
        while first.dep_ == "conj" and first.head.i < first.i:
            first = first.head
        prep = first.head
        if first.dep_ != "pobj" or prep.lower_ not in ("in", "to", "into", "through"):
            continue
        hit = prep.head
        # "shot in the chest and Cole in the leg": a place far from its verb is another's.
        if abs(prep.i - hit.i) > _NEAR_HIT:
            continue
        # "suffered a gunshot wound to the head": the place hangs from the verb
        # whose object is the wound.
        wound = next((c for c in hit.children if c.dep_ == "dobj"
                      and _wounding(c, m.wound_words)), None) if hit.pos_ == "VERB" else None
        if not _wounding(hit, m.wound_words) and wound is None:
            continue
        if wound is not None:
            hit = wound
        # "opened fire, striking him in both legs": an active verb's object is hit.
        obj = next((c for c in hit.children if c.dep_ == "dobj" and c.i < prep.i), None) \
            if hit.pos_ == "VERB" and not any(c.dep_ in ("nsubjpass", "auxpass")
                                              for c in hit.children) else None
        if obj is not None:
            holder = _who(people, obj)
            # "Dunmore opened fire, striking him": "him" is not the one who fired.
            if obj.lower_ in PRONOUNS and holder == _holder(people, doc[hit.i:hit.i + 1]):
                holder = None
        elif hit.pos_ in ("VERB", "AUX"):
            holder = _holder(people, doc[hit.i:hit.i + 1])
        elif hit.dep_ == "pobj" and hit.head.lower_ == "with" \
                and hit.head.head.pos_ in ("NOUN", "PROPN"):
            holder = _who(people, hit.head.head)
        elif hit.dep_ == "dobj":  # "she suffered a gunshot wound to the neck"
            subj = next((c for c in hit.head.children if c.dep_ in _SUBJECTS), None)
            holder = _who(people, subj) if subj is not None else None
        else:
            holder = None
        if holder is None or _negated(doc[hit.i:hit.i + 1]):
            continue
        # "in the back of the head": the head.
        of = [g for c in node.children if c.dep_ == "prep" and c.lower_ == "of"
              for g in c.children if g.dep_ == "pobj" and g.lower_ in m.places]
        if of:
            tok, place = of[0], m.places[of[0].lower_]
        lo, hi = min(hit.i, words.start, tok.i), max(hit.i, node.i, tok.i) + 1
        row = _row(people, offset, lo, hi, holder, "wound", place, "person:wound")
        # "the upper left shoulder": the side, where one is said.
        row["attribute_scope"] = next((c.lower_ for c in tok.children
                                       if c.dep_ in ("amod", "compound") and c.lower_ in m.sides),
                                      None)
        rows.append(row)
    return rows


def _wounding(tok: Token, words: frozenset[str]) -> bool:
    return bool({tok.lower_, tok.lemma_.lower()} & words)


def _names_of_ages(people: People, offset: int, ages: list[dict[str, Any]]) -> None:
    doc = people.doc
    known = {i for i, _ in people.mentions}
    fulls = [n.split() for _, n in people.mentions if len(n.split()) > 1]
    for r in ages:
        name = r.get("subject") or ""
        words = name.split()
        if r.get("kind") != "age" or not words or not all(w[:1].isupper() for w in words):
            continue
        # One word ("Raheam, 19") is a name when it begins or ends a name the
        # article gives in full.
        if len(words) == 1 and not any(words[0] in (f[0], f[-1]) for f in fulls):
            continue
        # The name stands beside its age: "Dana Pike, 31" or "31-year-old Dana Pike".
        lo = max(0, r["start"] - offset - len(name) - 4)
        at = text_of(doc).find(name, lo, r["end"] - offset + len(name) + 4)
        span = doc.char_span(at, at + len(name)) if at >= 0 else None
        if span is not None and span.start not in known:
            people.add(span)
            known.add(span.start)
    people.untagged()


def _sexes(rows: list[dict[str, Any]], sexes: dict[str, str]) -> dict[str, str]:
    """Each name's sex where its descriptions give one, and only one."""
    got: dict[str, set[str]] = {}
    for r in rows:
        words = (r["subject"] or "").lower().split()
        if words and words[-1] in sexes:
            got.setdefault(r["attribute_value"], set()).add(sexes[words[-1]])
    return {name: s.pop() for name, s in got.items() if len(s) == 1}


def _ages_said_of(people: People, offset: int, ages: list[dict[str, Any]], rules: Rules) -> None:
    """An age said of a name or a he/she by "be" ("He is a quiet 64-year-old",
    "She was 45 years old") is that person's: its row's subject becomes the name."""
    doc = people.doc
    m = None
    for r in ages:
        if r.get("kind") != "age" or r.get("subject"):
            continue
        span = doc.char_span(r["start"] - offset, r["end"] - offset, alignment_mode="expand")
        if span is None:
            continue
        tok = span.root
        if tok.dep_ not in ("attr", "acomp") or tok.head.lemma_ != "be":
            continue
        subj = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
        if subj is None or subj.lower_ not in PRONOUNS and subj.pos_ != "PROPN":
            continue
        m = m or _matchers(doc.vocab, rules)
        who = _who(people, subj, m)
        if who is not None and who[0]:
            r["subject"] = who[0]


# A name as a police list writes it before a date of birth: two to four
# capitalised words on one line ("Ana R. Pike-Cole").
_LISTED_NAME = r"[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){1,3}"


def _births(people: People, offset: int, rows: list[dict[str, Any]],
            rules: Rules) -> list[tuple[Span, dict[str, Any]]]:
    """(name, date fact) of each date written straight after a name, alone or
    after a word of rules `birth_words`: "Dana Pike 04/15/1985", "Dana Pike
    (DOB: 04/15/1985)". The name is a person even where the model did not tag it."""
    doc = people.doc
    text = text_of(doc)
    words = "|".join(re.escape(str(w)) for w in sorted(rules.birth_words, key=lambda w: -len(w)))
    before = re.compile(rf"({_LISTED_NAME})[ \t]*[,(]?[ \t]*(?:(?i:{words})\W{{0,2}}[ \t]*)?$"
                        if words else rf"({_LISTED_NAME})[ \t]*[,(]?[ \t]*$")
    known = {i for i, _ in people.mentions}
    out = []
    for r in rows:
        if r.get("kind") != "date" or r.get("value") is None or r["low"] != r["high"]:
            continue
        start = r["start"] - offset
        m = before.search(text, max(0, start - 60), start)
        if m is None:
            continue
        span = doc.char_span(m.start(1), m.end(1))
        # Capitals, not a heading in capitals ("VICTIM Dana Pike"): a heading is no name.
        if span is None or not span[0].is_title and not span[0].text[:1].isupper() \
                or any(len(t) > 1 and t.is_upper and t.is_alpha for t in span):
            continue
        if span.start not in known:
            people.add(span)
            known.add(span.start)
        out.append((span, r))
    return out


def _birth_row(people: People, offset: int, name: Span, born: dict[str, Any]) -> dict[str, Any]:
    """A ``birth`` row: the date fact's span, the day (ISO) it gives, the person's name."""
    doc = people.doc
    span = doc.char_span(born["start"] - offset, born["end"] - offset, alignment_mode="expand")
    day = (date(1970, 1, 1) + timedelta(days=int(born["value"]))).isoformat()
    full = people.full(name.text)
    assert span is not None
    return _row(people, offset, span.start, span.end, (full, None), "birth", day, "person:birth")


def _names_described(people: People, rules: Rules) -> None:
    """Proper nouns the article says are a person ("De'Maree Adkins was an honor
    roll student": the subject of "be" with a noun of rules `person_nouns`) are a
    name even where the model tagged none, or an organisation."""
    from spacy.symbols import attr

    doc = people.doc
    nouns = {str(n).lower() for n in rules.person_nouns}
    known = {i for i, _ in people.mentions}
    # The few "attr" tokens by the parse's array, not a walk over every token.
    for i in (doc.to_array("DEP") == attr).nonzero()[0]:
        noun = doc[int(i)]
        if noun.lemma_.lower() not in nouns or noun.head.lemma_ != "be":
            continue
        subj = next((c for c in noun.head.children if c.dep_ == "nsubj"), None)
        if subj is None:
            continue
        start = subj.left_edge.i
        # "Ja'Lessa Orkeny was": a given name the parse hung elsewhere.
        while start > 0 and subj.i - start < 3 and not doc[start].is_sent_start \
                and doc[start - 1].pos_ == "PROPN" and doc[start - 1].text[:1].isupper():
            start -= 1
        span = doc[start:subj.i + 1]
        if 2 <= len(span) <= 4 and span.start not in known and all(
                t.pos_ == "PROPN" and t.text[:1].isupper() and not t.is_upper for t in span):
            people.add(span)
            known.add(span.start)


def normal_charge(text: str) -> str:
    """A charge in the form compared: lower case, hyphens as spaces, ordinal
    digits as words ("1st-degree" = "first degree"), counts dropped."""
    text = text.lower().replace("-", " ")
    text = re.sub(r"\b1st\b", "first", text)
    text = re.sub(r"\b2nd\b", "second", text)
    text = re.sub(r"\b3rd\b", "third", text)
    text = re.sub(r"^(?:an?|the|one|two|three|several|multiple)\s+(?:counts? of\s+)?", "", text)
    return " ".join(text.split())


def _row(people: People, offset: int, start: int, end: int, holder: tuple[str | None, str | None],
         attribute: str, value: str, pattern: str) -> dict[str, Any]:
    name, desc = holder
    row = make_row(people.doc, offset, start, end, name, attribute, value, None, pattern)  # type: ignore[arg-type]
    row["kind"] = "person"
    row["subject"] = desc
    return row


def _negated(span: Span) -> bool:
    """'not in critical condition', 'did not die'."""
    tok = span.root
    for _ in range(_MAX_UP):
        if any(c.dep_ == "neg" for c in tok.children):
            return True
        if tok.pos_ in ("VERB", "AUX") or tok.head is tok:
            break
        tok = tok.head
    return False


def _supposed(span: Span, hedges: set[str]) -> bool:
    """'if the boy dies', 'he may not survive': a state supposed, not reported
    (the words of rules `status_hedges` marking or helping its verb)."""
    verb = _verb(span)
    return verb is not None and any(
        c.dep_ in ("mark", "aux") and c.lower_ in hedges for c in verb.children)


def _verb(span: Span, reach: int = _MAX_UP) -> Token | None:
    tok = span.root
    for _ in range(reach + 1):
        if tok.pos_ in ("VERB", "AUX"):
            return tok
        if tok.head is tok:
            return None
        tok = tok.head
    return None


def _holder(people: People, span: Span, reach: int = _MAX_UP,
            m: _Matchers | None = None) -> tuple[str | None, str | None] | None:
    """(full name, description) of whom the clause of `span` is about."""
    verb = _verb(span, reach)
    seen = 0
    while verb is not None and seen < 3:
        seen += 1
        kids = list(verb.children)
        # The subject nearest the verb: a dateline ("OAKDALE (AP) —") parses as another.
        subjects = [c for c in kids if c.dep_ in _SUBJECTS]
        before = [c for c in subjects if c.i < verb.i]
        subj = before[-1] if before else (subjects[0] if subjects else None)
        # Active "police shot dead a man": the person is the object, which follows
        # at once ("has died after ... southeast side": a misparse, not an object).
        obj = next((c for c in kids if c.dep_ == "dobj"), None)
        if subj is not None and subj.dep_ == "nsubj" and span.root.i == verb.i \
                and verb.tag_ in ("VBD", "VBN") and obj is not None \
                and obj.left_edge.i - span.end <= 1:
            subj = obj
        if subj is not None:
            return _who(people, subj, m)
        # "was shot and later died", "a man who later died": the head clause's subject.
        if verb.dep_ in ("conj", "xcomp", "advcl"):
            verb = verb.head
        elif verb.dep_ in ("relcl", "acl") and verb.head.pos_ in ("NOUN", "PROPN"):
            return _who(people, verb.head)
        else:
            return _listed(people, span)
    return None


# How many sentences a police list's entry runs to after its name line.
_ENTRY_SENTENCES = 3


def _listed(people: People, span: Span) -> tuple[str | None, str | None] | None:
    """The person of a police list's entry, for a sentence without a subject that
    opens with `span` ("Maria Ruiz 09/29/1980. INJURED, gunshot wound to the
    abdomen. Released from Ben Taub Hospital."): the name that opens the nearest
    sentence before, every sentence between without a subject too."""
    doc = people.doc
    sent = span.sent
    if span.start - sent.start > 1:
        return None
    starts = {i: n for i, n in people.mentions}
    for _ in range(_ENTRY_SENTENCES):
        if any(t.dep_ in _SUBJECTS for t in sent) or sent.start == 0:
            return None
        sent = doc[sent.start - 1].sent
        # The name opens its line, after a heading in capitals ("VICTIM").
        first = next((t.i for t in sent if not t.is_space
                      and not (t.is_upper and t.is_alpha and len(t) > 1)), None)
        if first in starts:
            return people.full(starts[first]), None
    return None


def _outer_subject(tok: Token) -> Token | None:
    """The noun subject of the clause that `tok`'s clause hangs from (a few steps
    up the parse): None if a nearer subject, or none, is found first."""
    node = tok.head
    for _ in range(_MAX_UP + 2):
        if node.head is node:
            break
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            subj = next((c for c in node.children if c.dep_ in _SUBJECTS), None)
            if subj is not None:
                return subj if subj.pos_ == "NOUN" else None
    return None


def _previous_subject(tok: Token) -> Token | None:
    """The noun subject of the main verb of the sentence before `tok`'s."""
    start = tok.sent.start
    if start == 0:
        return None
    root = tok.doc[start - 1].sent.root
    subj = next((c for c in root.children if c.dep_ in _SUBJECTS), None)
    return subj if subj is not None and subj.pos_ == "NOUN" else None


def _said_between(people: People, name: str, tok: Token, sex: str, m: _Matchers) -> bool:
    """Whether a noun of `sex` ("a woman") stands as a subject or object between
    the last mention of `name` and the pronoun at `tok`, not in apposition to it."""
    last = max((i for i, n in people.mentions if i < tok.i and people.full(n) == name),
               default=None)
    if last is None:
        return False
    return any(t.tag_ == "NN" and t.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "conj")
               and m.sexes.get(t.lemma_.lower()) == sex for t in tok.doc[last + 1:tok.i])


def _quoted(tok: Token) -> bool:
    """Whether `tok` stands inside a quotation in its sentence."""
    before = tok.doc[tok.sent.start:tok.i].text
    return before.count('"') % 2 == 1 or before.count("“") > before.count("”")


def _who(people: People, tok: Token, m: _Matchers | None = None
         ) -> tuple[str | None, str | None] | None:
    # A he or she inside a quotation is the speaker's, not the article's.
    if tok.lower_ in PRONOUNS and _quoted(tok):
        return None
    if tok.lower_ in PRONOUNS:
        # What happened to "he" is only said of someone named in this sentence or
        # the one before: further back the copy has often moved on to another.
        name = people.antecedent(tok)
        k = bisect.bisect_right(people.sent_starts, tok.i) - 1
        floor = people.sent_starts[max(k - 1, 0)]
        near = any(floor <= i < tok.i and people.full(n) == name for i, n in people.mentions)
        # A place or body the model took for a person ("Quarry Lane") is no "she".
        if m is not None and name and any(w.casefold().strip(".,") in m.not_names
                                          for w in name.split()):
            name = None
        sex = "female" if tok.lower_ in ("she", "her") else "male"
        # Nor a name its article describes as of the other sex ("The father, Rex
        # Orla, found his daughter shot ... where she remained in critical condition").
        if name and people.sex_of.get(name, sex) != sex:
            name = None
        # Nor a name of no known sex when someone of the pronoun's sex came up
        # after it ("Vance shot a woman ... She also sustained injuries").
        if name and m is not None and name not in people.sex_of \
                and _said_between(people, name, tok, sex, m):
            name = None
        if name and near:
            return name, None
        # "The woman was taken to the hospital, where she later died": unnamed,
        # the he/she of a clause is the subject of the clause it hangs from.
        if m is None or name:
            return None
        # Failing that, the subject of the sentence before, where the copy tells
        # on of someone it just described ("The 43-year-old woman was taken to
        # the hospital. Deputies said she was also in critical condition").
        for above in (_outer_subject(tok), _previous_subject(tok)):
            if above is not None and m.sexes.get(above.lemma_.lower()) == sex:
                return _who(people, above)
        return None
    if tok.lower_ in ("who", "that") and tok.head.dep_ == "relcl":
        tok = tok.head.head
    if tok.pos_ == "PROPN" or tok.i in people.ent_at:
        span = people.name_at(tok)
        # A name the article gives, or the surname of one it gave in full.
        if span is not None and (any(m[1] == span.text for m in people.mentions)
                                 or people.full(span.text) != span.text):
            return people.full(span.text), None
        return None
    if tok.pos_ != "NOUN" and not tok.lower_.endswith("old"):
        return None
    # The description: the noun and its modifiers, no clause after it.
    words = [t for t in tok.subtree if t.i <= tok.i and t.dep_ not in ("punct",)]
    while words and words[0].dep_ in ("det", "poss", "predet"):
        words = words[1:]
    if not words or len(words) > _MAX_DESC:
        return None
    # An appositive name beside the description: "the victim, Jane Roe".
    for child in tok.children:
        # Not the "’s" of "a friend of Rohan’s" that the parse hung beside the noun.
        if child.dep_ == "appos" and child.pos_ not in ("PUNCT", "PART") and (
                child.pos_ == "PROPN" or child.i in people.ent_at):
            span = people.name_at(child)
            if span is not None:
                return people.full(span.text), None
    # "The boy, named by his family as Jaylen Roe, was taken ...": the name
    # the clause gives is whom the description means.
    for child in tok.children:
        if child.dep_ == "acl" and m is not None and child.lemma_.lower() in m.naming:
            named = next((g for c in child.subtree if c.dep_ == "prep" and c.lower_ == "as"
                          for g in c.children if g.dep_ == "pobj" and g.pos_ == "PROPN"), None)
            span = people.name_at(named) if named is not None else None
            if span is not None:
                return people.full(span.text), None
    # "a second victim, a black man": the appositive says who the victim is.
    for child in tok.children:
        if child.dep_ == "appos" and child.pos_ == "NOUN":
            more = [t for t in child.subtree if t.i <= child.i and t.dep_ not in ("punct", "det")]
            if len(words) + len(more) <= _MAX_DESC:
                words += more
            break
    return None, alias_key(" ".join(t.text for t in words))


def _described(name: Span, naming: frozenset[str] = frozenset()) -> str | None:
    """The description a name stands in apposition with: "a 34-year-old woman,
    Dana Pike" and "Dana Pike, a 34-year-old woman" → "34-year-old woman"; or
    that a verb of `naming` names ("identified the boy who died as Dana Pike",
    "the victim was identified as Dana Pike")."""
    root = name.root
    nouns = [c for c in root.children if c.dep_ == "appos" and c.pos_ == "NOUN"]
    if root.dep_ == "appos" and root.head.pos_ == "NOUN":
        nouns.append(root.head)
    named = (_named_as(root, naming) or _named_before(root, naming)) if naming else None
    if named is not None:
        nouns.append(named)
    for noun in nouns:
        words = [t for t in noun.subtree if t.i <= noun.i and not t.is_punct]
        while words and words[0].dep_ in ("det", "predet"):
            words = words[1:]
        if words and len(words) <= _MAX_DESC:
            end = noun.i + 1
            # "a friend of the victim": whose friend, where a short "of" says it.
            of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
            if obj is not None and obj.i < name.start and obj.i - noun.i <= 3:
                end = obj.i + 1
            return name.doc[words[0].i:end].text
    return None


def _named_before(root: Token, naming: frozenset[str]) -> Token | None:
    """The noun the sentence before names, where it names one without giving the
    name ("Police have identified the man who was killed on Friday.") and this
    sentence's subject is the name ("Dana Pike, 19, was ...")."""
    sent = root.sent
    verb = root.head
    if verb.dep_ == "ccomp":  # "Dana Pike died Monday, her family said"
        verb = verb.head
    if root.dep_ not in _SUBJECTS or verb != sent.root or sent.start == 0:
        return None
    # The first name of the sentence, not a later subject ("..., Pike's aunt said").
    if any(t.ent_type_ == "PERSON" for t in root.doc[sent.start:root.left_edge.i]):
        return None
    verb = root.doc[sent.start - 1].sent.root
    # "Police have not identified the man": the name after is someone else.
    if verb.lemma_.lower() not in naming or any(c.lower_ == "as" or c.dep_ == "neg"
                                                for c in verb.children):
        return None
    return next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")
                 and c.pos_ == "NOUN"), None)


def _named_as(root: Token, naming: frozenset[str]) -> Token | None:
    """The noun a naming verb names as `root`: "identified the man (killed) as X"
    (its object), "the victim was identified as X" (its passive subject), "the
    boy, named by his family as X," (the noun its clause hangs from)."""
    prep = root.head
    if root.dep_ != "pobj" or prep.lower_ != "as":
        return None
    verb = prep.head
    # "named by her school as X": the parse may hang "as" from the agent's noun.
    for _ in range(3):
        if verb.pos_ == "VERB" or verb.dep_ not in ("pobj", "agent"):
            break
        verb = verb.head
    if verb.dep_ == "acl" and verb.head.pos_ == "NOUN" and verb.lemma_.lower() in naming:
        return verb.head  # "the boy, named by his family as X,": the noun it hangs from
    if verb.dep_ in ("relcl", "acl") and verb.head.pos_ == "NOUN":
        noun = verb.head  # "the boy who died as X": the clause is the noun's
        return noun if noun.dep_ == "dobj" and noun.head.lemma_.lower() in naming else None
    if verb.lemma_.lower() not in naming:
        return None
    return next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")
                 and c.pos_ == "NOUN"), None)


def _charge(doc: Doc, i: int) -> Span | None:
    """The charge named from token `i` on: a noun phrase, up to the first word
    that ends it (a comma, 'in', 'after', 'and' before a new clause)."""
    j = i
    while j < len(doc) and j - i < 8:
        tok = doc[j]
        if tok.is_punct and tok.text not in ("-",) or tok.lower_ in (
                "in", "after", "on", "for", "at", "following", "while", "when", "from"):
            break
        if tok.pos_ in ("VERB", "AUX") and tok.tag_ not in ("VBN", "VBG"):
            break
        # "manslaughter and being a juvenile ...": "and" before a verb starts another clause.
        if tok.dep_ == "cc" and j + 1 < len(doc) and doc[j + 1].pos_ in ("VERB", "AUX"):
            break
        j += 1
    while j > i and doc[j - 1].pos_ not in ("NOUN", "PROPN"):
        j -= 1
    if j == i:
        return None
    return doc[i:j]
