"""Speaker facts: who said what ("Zelenskyy warned that ...", "..., he said",
"according to Healey, ...").

A reporting verb (``speech_verbs`` rules) counts only when the parse gives it a
clausal complement (``ccomp``): that clause is the statement. Its speaker is
the verb's subject, or the subject of the verb it hangs from ("..., stating
that ..."), a name in apposition to a titled subject ("the defence secretary,
John Healey, said"), or for he/she the last person named just before. The
statement is kept as normalised text so the cross-check can find the same
words credited to someone else.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from .mentions import People, alias_key, make_row, shouted

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from ..rules.load import Rules

PRONOUNS = frozenset({"he", "she"})
# Dependencies through which a verb without its own subject takes its head's.
INHERITS = frozenset({"advcl", "conj", "xcomp"})
# A statement shorter than this is a fragment ("he said so"), not a claim.
MIN_WORDS = 3
_QUOTES = "\"'“”‘’"


def normalise_statement(text: str) -> str:
    """Lower case, no quotes, one space, no edge punctuation: the form compared."""
    # Apostrophes inside words stay ("Ukraine's"); quotation marks go.
    text = re.sub(r"[\"“”]|(?<!\w)['‘’]|['‘’](?!\w)", " ", text).replace("’", "'").lower()
    return re.sub(r"\s+", " ", text).strip(" ,.;:!?-—")


def extract_speakers(people: People, offset: int, rules: Rules) -> list[dict[str, Any]]:
    doc, lex = people.doc, people.lex
    rows = []
    # In text order, so a "she said" can look back at who spoke last.
    found_at = sorted([(i, 0, i + 1) for i in lex.speech(doc)]
                      + [(start, 1, end) for _, start, end in lex.according(doc)])
    for start, according, end in found_at:
        if shouted(doc[start]):
            continue
        row = _according(people, offset, start, end) if according else \
            _reported(people, offset, doc[start])
        if row is not None:
            rows.append(row)
            people.spoke(doc[start].i, row["entity"])
    return rows


def _reported(people: People, offset: int, verb: Token) -> dict[str, Any] | None:
    """The speaker fact of a reporting verb, if it governs a statement and has a speaker."""
    doc = people.doc
    found = _content(verb)
    if found is None:
        return None
    speaker = _speaker(people, verb)
    if speaker is None:
        return None
    name, where = speaker
    lo, hi = _statement(*found)
    statement = normalise_statement(doc[lo:hi].text)
    if len(statement.split()) < MIN_WORDS:
        return None
    first = min(lo, verb.i, where.start if where is not None else verb.i)
    if first and doc[first - 1].text in _QUOTES:
        first -= 1
    last = max(hi, verb.i + 1, where.end if where is not None else verb.i + 1)
    return make_row(doc, offset, first, _trim(people, first, last), name, "speaker",
                    statement, None, f"speaker:{verb.lemma_}")


def _trim(people: People, first: int, last: int) -> int:
    """`last` without trailing punctuation, so the evidence ends on a word."""
    while last - 1 > first and people.doc[last - 1].is_punct \
            and people.doc[last - 1].text not in _QUOTES:
        last -= 1
    return last


def _content(verb: Token) -> tuple[Token, int, int] | None:
    """(head of the clause said, its first token, the token after it) for a reporting verb."""
    for child in (*verb.rights, *verb.lefts):
        if child.dep_ == "ccomp":
            return child, child.left_edge.i, child.right_edge.i + 1
    # "The UK has supplied ..., he said, and ...": the verb hangs off the clause.
    if verb.dep_ == "parataxis" and verb.head.i < verb.i:
        return verb.head, verb.head.left_edge.i, verb.left_edge.i
    # The small model sometimes hangs "warned during an address that Russia ..."
    # off a noun; the "that" and the subject after it still mark the clause.
    doc = verb.doc
    for tok in doc[verb.i + 1:min(verb.right_edge.i, verb.i + 16)]:
        if tok.lower_ == "that" and tok.i + 1 < len(doc):
            subject = doc[tok.i + 1]
            while subject.dep_ in ("compound", "det", "amod", "poss") and subject.head != subject:
                subject = subject.head
            if subject.dep_ in ("nsubj", "nsubjpass") and subject.head.i > tok.i:
                return subject.head, tok.i + 1, subject.head.right_edge.i + 1
            return None
    return None


def _statement(content: Token, lo: int, hi: int) -> tuple[int, int]:
    """Token range of the clause said, without its "that" or what the speaker did next
    ("... preparing for peace, and called on allies": a subjectless conjunct)."""
    doc = content.doc
    for child in content.rights:
        before = doc[child.left_edge.i - 1]
        if child.dep_ in ("conj", "advcl") and child.pos_ in ("VERB", "AUX") \
                and (before.text == "," or before.dep_ == "cc") \
                and not any(c.dep_.startswith("nsubj") for c in child.children):
            hi = min(hi, child.left_edge.i)
            break
    while hi > lo and (doc[hi - 1].is_punct or doc[hi - 1].dep_ == "cc"):
        hi -= 1
    while lo < hi and (doc[lo].dep_ == "mark" and doc[lo].head == content or doc[lo].is_punct):
        lo += 1
    # "told the Commons that the backlog ...": a "that" the parser read as an object.
    if lo < hi and doc[lo].lower_ == "that" and doc[lo].head == content and any(
            c.dep_.startswith("nsubj") and c.i > lo for c in content.children):
        lo += 1
    return lo, hi


def _speaker(people: People, verb: Token) -> tuple[str, Span | None] | None:
    """(name, its span or None for a pronoun) of whoever `verb` credits."""
    # "has not said what ..." credits nothing; in "News 12 is told that ..." the
    # subject heard the statement, it did not make it.
    if any(c.dep_ in ("neg", "nsubjpass", "auxpass") for c in verb.children):
        return None
    subject = None
    node = verb
    for _ in range(3):
        subject = next((c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None or node.dep_ not in INHERITS:
            break
        node = node.head
    if subject is None:
        return None
    # "Pete Hegseth, who deemed ...": the relative pronoun stands for its head.
    if subject.lower_ in ("who", "that") and node.dep_ == "relcl":
        subject = node.head
    return _who(people, subject)


def _who(people: People, tok: Token) -> tuple[str, Span | None] | None:
    if tok.lower_ in PRONOUNS:
        name = people.antecedent(tok)
        return (name, tok.doc[tok.i:tok.i + 1]) if name is not None else None
    if tok.i in people.titled:
        span = people.titled[tok.i]
        return people.full(span.text), span
    own = people.name_at(tok)
    # "The defence secretary, John Healey, said": the name is in apposition; but in
    # "Lisa Murkowski, a Republican from Alaska, said" the subject is the name.
    if own is None or tok.pos_ != "PROPN":
        for child in tok.rights:
            if child.dep_ == "appos":
                beside = people.name_at(child)
                if beside is not None and alias_key(beside.text) not in people.lex.party_of:
                    return people.full(beside.text), beside
    # Someone speaking for a body: "a spokesperson for the Environment Agency",
    # "analysts at Berenberg", "Treasury officials".
    if tok.pos_ == "NOUN":
        for child in tok.children:
            obj: Token | None = child
            if child.dep_ == "prep" and child.lower_ in ("for", "at", "from"):
                obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            elif child.dep_ != "compound":
                continue
            ent = people.ent_at.get(obj.i) if obj is not None else None
            if ent is None or ent.label_ not in ("ORG", "PERSON", "GPE"):
                continue
            if child.dep_ == "compound" and ent.label_ != "ORG":
                # "San Antonio police say": the police, not the city; but "a Masury
                # man" is nobody in particular.
                if tok.tag_ != "NNS":
                    return None
                span = people.doc[ent.start:tok.i + 1]
                return span.text, span
            span = people.strip(ent)
            return span.text, span
    if own is None:
        return None
    return people.full(own.text), own


def _according(people: People, offset: int, start: int, end: int) -> dict[str, Any] | None:
    """ "according to Healey, <clause>" or "<clause>, according to Healey"."""
    doc = people.doc
    if end >= len(doc):
        return None
    # The source is the object of the phrase's last word ("according to [the
    # defence secretary] John Healey").
    source = next((c for c in doc[end - 1].children if c.dep_ == "pobj"), doc[end])
    who = _who(people, source)
    if who is None:
        return None
    name, span = who
    clause = doc[start].head
    while clause.dep_ == "prep" and clause.head != clause:
        clause = clause.head
    own = doc[start].subtree
    own_lo = min(t.i for t in own)
    own_hi = max(t.i for t in doc[start].subtree) + 1
    if own_lo <= clause.left_edge.i:  # the credit comes first
        lo, hi = own_hi, clause.right_edge.i + 1
    else:
        lo, hi = clause.left_edge.i, own_lo
    while lo < hi and doc[lo].is_punct:
        lo += 1
    statement = normalise_statement(doc[lo:hi].text)
    if len(statement.split()) < MIN_WORDS:
        return None
    first, last = min(lo, start), max(hi, span.end if span is not None else end)
    return make_row(doc, offset, first, _trim(people, first, last), name, "speaker", statement,
                    None, "speaker:according-to")
