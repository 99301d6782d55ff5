"""Where a person studies or works, read from the parse spaCy already made.

Rows of kind ``person``, attribute ``affiliation`` (docs/facts.md): the body's
name as written in ``attribute_value`` ("Lincoln High School"), ``attribute_scope``
``school`` or ``work``, the person as the other person rows have them (a name in
``entity``, else a description in ``subject``). The words are the rules'
``affiliations`` section:

- a noun of its ``school_nouns``/``work_nouns`` with the name before it ("a
  Lincoln High School junior", "a Kroger employee") or after one of its
  ``prepositions`` ("a senior at Lincoln High", "an employee of Kroger");
- a verb of its ``school_verbs``/``work_verbs`` with the name as its object or
  after a preposition ("attended Lincoln High", "worked at Kroger").

What the person was once ("a former employee", "a student there until 2016",
"graduated from") and what they were not ("was not a student at") give no row:
neither says where they are now. Only tokens whose lemma is one of those words
are looked at, found on the Doc's arrays.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .mentions import once_per_vocab
from .people import _holder, _matchers, _negated, _row, _who

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from ..rules.load import Rules
    from .mentions import People

# Entity labels of places and peoples, not bodies; of bodies.
_PLACES = frozenset({"GPE", "LOC", "NORP"})
_BODIES = frozenset({"ORG", "FAC"})
_PLURAL = frozenset({"NNS", "NNPS"})
# A body's name runs to at most this many words ("Thunder Mountain High School").
_MAX_NAME = 6


@dataclass(frozen=True)
class _Words:
    scope: dict[int, tuple[str, bool]]  # lemma's hash → (school or work, a verb's?)
    preps: frozenset[str]
    past: frozenset[str]
    school_words: frozenset[str]  # words that say a name is a school's
    body_words: frozenset[str]  # words that say a name is a body's, not a person's


_CACHE: dict[tuple[int, str], _Words] = {}


def _words(vocab: Any, rules: Rules) -> _Words:
    return once_per_vocab(_CACHE, vocab, rules, _build)


def _build(vocab: Any, rules: Rules) -> _Words:
    a = rules.affiliations
    scope: dict[int, tuple[str, bool]] = {}
    for kind, words, verb in (("school", a.school_nouns, False), ("work", a.work_nouns, False),
                              ("school", a.school_verbs, True), ("work", a.work_verbs, True)):
        for w in words:
            scope[vocab.strings.add(str(w).lower())] = (kind, verb)
    school = {w for ws in a.levels.values() for p in ws for w in str(p).lower().split()}
    school |= {str(w).lower() for w in a.school_words}
    return _Words(scope, frozenset(str(p).lower() for p in a.prepositions),
                  frozenset(str(p).lower() for p in a.past_words), frozenset(school),
                  frozenset(school | {str(g).lower() for g in a.generic_words}))


def affiliation_rows(people: People, offset: int, rules: Rules) -> list[dict[str, Any]]:
    """The affiliation rows of `people.doc` (offsets shifted by `offset`)."""
    from spacy.attrs import LEMMA

    doc = people.doc
    w = _words(doc.vocab, rules)
    if not w.scope or not len(doc):
        return []
    lemmas = doc.to_array(LEMMA).tolist()
    # Most Docs hold none of the words: a set meet in C says so at once.
    found = w.scope.keys() & set(lemmas)
    if not found:
        return []
    m = _matchers(doc.vocab, rules)
    rows = []
    for i in [i for i, lemma in enumerate(lemmas) if lemma in found]:
        tok = doc[i]
        kind, verb = w.scope[lemmas[i]]
        # "students at Lincoln High" are a group, not one person; "student
        # newspaper" no person, but "Lincoln High student Dana Ruiz" is one.
        if verb != (tok.pos_ in ("VERB", "AUX")) or tok.tag_ in _PLURAL or \
                tok.dep_ == "compound" and tok.head.pos_ != "PROPN":
            continue
        name = _body(tok, w, verb)
        if name is None or _past(tok, w) or _negated(doc[i:i + 1]):
            continue
        words = {t.lower_ for t in name}
        # A capital that only opens the sentence ("Band students") names nothing.
        if not words & w.body_words and not any(t.ent_type_ in _BODIES for t in name):
            continue
        # A person's name ("worked for Dana Pike"), unless a word says it is a
        # body the model took for one ("Riverside High").
        if any(t.ent_type_ == "PERSON" for t in name) and not words & w.body_words:
            continue
        # "a student from Detroit", "a Shreveport student": a place is where they
        # are from, unless its name says it is a body ("Detroit Public Schools").
        if any(t.ent_type_ in _PLACES for t in name) and not words & w.body_words:
            continue
        # A verb's object must say it is a school: "attended Sunday's vigil" is not one.
        if verb and kind == "school" and not words & w.school_words:
            continue
        # A verb's person is its subject, read up from the name (from the verb
        # itself, _holder takes an object after it for the person).
        holder = _holder(people, name) if verb else _person_of(people, tok, m)
        if holder is None or holder == (None, None):
            continue
        lo, hi = min(i, name.start), max(i + 1, name.end)
        row = _row(people, offset, lo, hi, holder, "affiliation", _clean(name),
                   "person:affiliation")
        row["attribute_scope"] = kind
        rows.append(row)
    return rows


def _person_of(people: People, tok: Token, m: Any) -> tuple[str | None, str | None] | None:
    """Whom a noun like "student" describes: the subject it is said of ("Ana was a
    senior at ...", "worked as a nurse at ..."), the name it stands beside ("Ana
    Ruiz, a Lincoln High junior") or before ("Lincoln High junior Ana Ruiz"), or
    the description itself ("a Lincoln High junior was shot")."""
    head = tok.head
    if tok.dep_ == "compound":  # "Lincoln High student Dana Ruiz"
        return _who(people, head, m)
    if tok.dep_ == "attr" or tok.dep_ == "pobj" and head.lower_ == "as":
        verb = head if tok.dep_ == "attr" else head.head
        return _holder(people, tok.doc[verb.i:verb.i + 1], m=m)
    if tok.dep_ == "appos":
        return _who(people, head, m)
    return _who(people, tok, m)


def _body(tok: Token, w: _Words, verb: bool) -> Span | None:
    """The capitalised name of a body `tok` ties to: its object (a verb's), a
    preposition's object, or (a noun's) the proper nouns before it."""
    # "He was a senior at Lincoln High": the parse may hang the "at" from the "was".
    after = [c for c in tok.head.children if c.dep_ == "prep" and c.i > tok.i] \
        if tok.dep_ == "attr" else []
    for c in [*tok.children, *after]:
        if verb and c.dep_ == "dobj" or c.dep_ == "prep" and c.lower_ in w.preps:
            g = c if c.dep_ == "dobj" else next((g for g in c.children if g.dep_ == "pobj"), None)
            if g is not None:
                return _name(g)
    if verb:
        return None
    before = [c for c in tok.children if c.dep_ == "compound" and c.i < tok.i
              and c.pos_ == "PROPN"]
    return _name(before[-1]) if before else None


def _name(tok: Token) -> Span | None:
    """The proper-noun run `tok` ends (or the common noun after one), with an "of"
    name after it ("University of Iowa"); None unless it is capitalised and no
    person's."""
    doc = tok.doc
    # "the Northgate Hardware store": a common noun after the name it ends.
    named = tok.pos_ == "NOUN" and tok.i > 0 and doc[tok.i - 1].pos_ == "PROPN" \
        and doc[tok.i - 1].dep_ == "compound" and doc[tok.i - 1].head.i == tok.i
    if not named and (tok.pos_ != "PROPN" or not tok.text[:1].isupper()):
        return None
    start = tok.i
    while start > 0 and tok.i - start < _MAX_NAME:
        prev = doc[start - 1]
        if prev.pos_ == "PROPN" and prev.text[:1].isupper() and prev.head.i >= start - 1:
            start -= 1
        # "St. John's University", "Wal-Mart": a possessive or a hyphen inside the name.
        elif (prev.tag_ in ("POS", "HYPH") and not (prev.tag_ == "HYPH" and prev.whitespace_)
              and start > 1 and doc[start - 2].pos_ == "PROPN"):
            start -= 1
        else:
            break
    end = tok.i + 1
    # "University of Iowa": a proper-noun run straight after the name's "of".
    of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
               and c.i == tok.i + 1), None)
    if of is not None:
        j = of.i + 1
        while j < len(doc) and j - of.i <= _MAX_NAME and doc[j].pos_ == "PROPN" \
                and doc[j].text[:1].isupper():
            j += 1
        if j > of.i + 1:
            end = j
    while start < end and doc[start].tag_ == "POS":
        start += 1
    return doc[start:end]


def _past(tok: Token, w: _Words) -> bool:
    """Whether a word of the noun or its verb says the tie is over or yet to come
    ("a former student", "previously worked", "was a student there until 2016",
    "will attend", "was planning to attend")."""
    nodes = [tok]
    if tok.dep_ in ("attr", "appos") or tok.dep_ == "pobj" and tok.head.lower_ == "as":
        nodes.append(tok.head if tok.dep_ != "pobj" else tok.head.head)
    # "was planning to attend", "hoped to work as a nurse at": the verb it hangs from.
    for n in list(nodes):
        if n.dep_ == "xcomp":
            nodes.append(n.head)
    return any(c.lower_ in w.past or c.lemma_.lower() in w.past
               for n in nodes for c in [n, *n.children])


def _clean(name: Span) -> str:
    """The name as written, without a leading "the"."""
    text = name.text
    return text[4:] if text.lower().startswith("the ") else text

