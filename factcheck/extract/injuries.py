"""Hurts other than wounds, read from the parse spaCy already made.

Rows of kind ``person``, attribute ``injury`` (docs/facts.md): the place of the
``wound_places`` rules in ``attribute_value``, the side in ``attribute_scope``
(as wounds have them), the kind of the ``injuries`` rules (fracture, cut, burn...)
in ``unit``. A place is injured when

- an adjective of a kind stands before it: "a broken leg", "a fractured skull";
- it hangs from a noun of a kind: "cuts to his face", "burns on her arms";
- it stands before a noun of a kind, or of ``wound_words`` (then the row is a
  ``wound``, as "a wound to the head" is): "leg burns", "a head wound";
- it is someone's and the object of a verb of a kind: "broke his wrist".

The person is whom the phrase is said of: the subject of the verb whose object
it is ("Ana suffered a broken leg"), the noun a "with" hangs from ("a man with
a broken arm"), a possessor ("his broken leg"). Only the places the people
matcher already finds are looked at.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .people import PRONOUNS, _holder, _matchers, _negated, _row, _who

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..rules.load import Rules
    from .mentions import People

# Possessives that make a place someone's ("his wrist"; not "our hearts").
_THEIRS = frozenset({"his", "her", "their"})
# Prepositions by which a place hangs from a noun of hurt ("cuts to his face").
_PREPS = frozenset({"to", "on", "in", "of"})


def injury_rows(people: People, offset: int, rules: Rules) -> list[dict[str, Any]]:
    """The injury rows of `people.doc`, and the wounds only a compound says
    ("a head wound"; offsets shifted by `offset`)."""
    from spacy.util import filter_spans

    if not rules.injuries or not rules.wound_places:
        return []
    doc = people.doc
    m = _matchers(doc.vocab, rules)
    kinds = {str(w).lower(): str(k) for k, ws in sorted(rules.injuries.items()) for w in ws}
    rows = []
    for words in filter_spans([doc[s:e] for _, s, e in m.place_words(doc)]):
        tok = words[-1]
        place = m.places[" ".join(t.lower_ for t in words)]
        found = _hurt(tok, kinds, m.wound_words)
        if found is None:
            continue
        kind, word, phrase = found
        holder = _person(people, tok, phrase, m)
        if holder is None or _negated(doc[word.i:word.i + 1]):
            continue
        lo, hi = min(word.i, words.start), max(word.i, tok.i) + 1
        attribute = "wound" if kind is None else "injury"
        row = _row(people, offset, lo, hi, holder, attribute, place, f"person:{attribute}")
        row["attribute_scope"] = next((c.lower_ for c in tok.children if c.dep_ in (
            "amod", "compound") and c.lower_ in m.sides), None)
        row["unit"] = kind
        rows.append(row)
    return rows


def _kind(tok: Token, kinds: dict[str, str]) -> str | None:
    return kinds.get(tok.lower_) or kinds.get(tok.lemma_.lower())


def _hurt(place: Token, kinds: dict[str, str], wound_words: frozenset[str]
          ) -> tuple[str | None, Token, Token] | None:
    """(kind, the word that says it, the noun or verb the phrase is) of a place's
    hurt; kind None for a wound ("a head wound"). None when no hurt is said."""
    # "a broken leg": an adjective of a kind on the place.
    for c in place.children:
        if c.dep_ == "amod" and c.i < place.i and (kind := _kind(c, kinds)):
            return kind, c, place
    head = place.head
    # "leg burns", "a head wound": the place before a noun of hurt.
    if place.dep_ == "compound" and head.pos_ == "NOUN" and head.i > place.i:
        if kind := _kind(head, kinds):
            return kind, head, head
        if head.lower_ in wound_words or head.lemma_.lower() in wound_words:
            return None, head, head
        return None
    # "cuts to his face": the place after a noun of hurt's preposition.
    if place.dep_ == "pobj" and head.lower_ in _PREPS and head.head.pos_ == "NOUN" \
            and (kind := _kind(head.head, kinds)):
        return kind, head.head, head.head
    # "broke his wrist": the place a verb of a kind hurt, someone's ("breaks a
    # heart", "broke our hearts" are no one's injuries).
    if place.dep_ == "dobj" and head.pos_ == "VERB" and (kind := _kind(head, kinds)) \
            and any(c.dep_ == "poss" and (c.lower_ in _THEIRS or c.pos_ == "PROPN")
                    for c in place.children):
        return kind, head, head
    return None


def _person(people: People, place: Token, phrase: Token, m: Any
            ) -> tuple[str | None, str | None] | None:
    """Whom the hurt `phrase` (its noun, or its verb) of `place` is said of."""
    doc = people.doc
    if phrase.pos_ == "VERB":
        # "Ana cut her face" is Ana's or another's: whose face it is says it.
        mine = next(c for c in place.children if c.dep_ == "poss")
        if mine.lower_ in PRONOUNS or mine.pos_ == "PROPN":
            return _who(people, mine, m)
        # "he broke his wrist", "fell, breaking his leg": the one who did it, unless
        # the verb has a subject of its own that may be another ("Cole cut his face").
        subj = next((c for c in phrase.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and subj.pos_ != "PRON":
            return None
        # Read up from the place: from the verb, _holder takes its object for the person.
        return _holder(people, doc[place.i:place.i + 1], m=m)
    # "his broken leg", "cuts to her face": whose it is.
    poss = next((c for t in (phrase, place) for c in t.children if c.dep_ == "poss"), None)
    if poss is not None and (poss.lower_ in PRONOUNS or poss.pos_ == "PROPN"):
        return _who(people, poss, m)
    if phrase.dep_ == "pobj" and phrase.head.lower_ == "with" \
            and phrase.head.head.pos_ in ("NOUN", "PROPN"):
        return _who(people, phrase.head.head, m)
    if phrase.dep_ in ("dobj", "conj", "pobj"):
        return _holder(people, doc[phrase.i:phrase.i + 1], m=m)
    return None
