"""Reading the parse around a figure: the counted noun, the subject, the clause's entities.

The extractor finds figures with patterns (``number_patterns``); only here does
it look at tokens, and only around a match.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from .number_patterns import Patterns

# Entity labels that are themselves figures: never "who" a figure is about.
_FIGURE_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "QUANTITY", "PERCENT"})


_COUNT_DEPS = frozenset({"nummod", "quantmod", "compound", "amod", "nmod", "npadvmod"})


_MOD_DEPS = frozenset({"compound", "amod", "nmod"})


_NOUNS = frozenset({"NOUN", "PROPN"})


_CLAUSE_DEPS = frozenset({"advcl", "conj", "ccomp", "relcl", "parataxis"})


def appositive_age(span: Span | None, value: float | None) -> Span | None:
    """"Michael Smith, 19, was arrested": a bare number set off after a name is an
    age; the name it follows, or None. The model does not tag every name ("Dillon,
    20, and Raheam, 19"): capitalised proper nouns that are no other kind of
    entity are a name as well."""
    if span is None or span.start < 2 or value is None or not 0 < value < 120:
        return None
    doc = span.doc
    before, last = doc[span.start - 1], doc[span.start - 2]
    after = doc[span.end] if span.end < len(doc) else None
    if before.text != "," or not (after is None or after.text in (",", ".", ";", ")")):
        return None
    if last.ent_type_ == "PERSON":
        first = last.i
        while first > 0 and doc[first].ent_iob_ == "I":
            first -= 1
    elif _bare_name_word(last):
        first = last.i
        while first > 0 and last.i - first < _MAX_NAME_WORDS - 1 \
                and _bare_name_word(doc[first - 1]):
            first -= 1
    else:
        return None
    # "Harris-Green, 39": the whole double name, not "Green" (another person's).
    while first > 1 and doc[first - 1].text == "-" and not doc[first - 2].whitespace_ \
            and not doc[first - 1].whitespace_ and doc[first - 2].text[:1].isupper():
        first -= 2
    return doc[first:last.i + 1]


# Entity types the model gives names it does not know ("Raheam" as ORG).
_NAME_LIKE = frozenset({"", "PERSON", "ORG", "GPE"})
# Words in a name the model did not tag ("Raheam Jackson").
_MAX_NAME_WORDS = 3


def _bare_name_word(tok: Token) -> bool:
    """A capitalised proper noun; the small model often calls a rare given name
    an organisation or a place, so those types pass too."""
    return tok.pos_ == "PROPN" and tok.text[:1].isupper() and tok.is_alpha \
        and tok.ent_type_ in _NAME_LIKE and not tok.is_sent_start


def stands_for_people(span: Span | None, words: bool) -> bool:
    """"the two agreed", "all three", "no one": a determiner before a word number with no
    noun makes it a pronoun ("Two were killed" stays a figure); "the 486" is a name."""
    if span is None or span.start == 0:
        return False
    prev = span.doc[span.start - 1]
    if not words:
        return prev.lower_ == "the"
    if prev.pos_ == "ADJ" and span.start > 1:  # "the other two"
        prev = span.doc[span.start - 2]
    return prev.pos_ in ("DET", "PRON") or prev.dep_ in ("det", "poss")


def before_of(span: Span | None) -> bool:
    return span is not None and span.end < len(span.doc) and span.doc[span.end].lower_ == "of"


def money_sentence(doc: Doc, start: int, pats: Patterns) -> bool:
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None:
        return False
    return any(t.lower_ in pats.money_context for t in span.sent)


def counted_noun(span: Span | None, doc: Doc, ctx: Any,
             vague: bool = False) -> tuple[str, int, Token] | None:
    """(unit, end offset, noun token) of what a number counts, from the parse."""
    if span is None:
        return None
    last = span[-1]
    noun = None
    head = last.head
    nxt = doc[last.i + 1] if last.i + 1 < len(doc) else None
    partitive = (nxt is not None and nxt.lower_ == "of" and nxt.i + 1 < len(doc)
                 and doc[nxt.i + 1].lower_ in ("the", "these", "those", "its", "their"))
    if nxt is not None and nxt.lower_ == "of" and (vague or last.like_num and last.i > span.start
                                                    or partitive):
        # "dozens of people", "millions of pounds", "five of the victims": the counted
        # noun follows "of".
        objs = [c for c in nxt.children if c.dep_ == "pobj" and c.pos_ in _NOUNS]
        if objs and objs[0].i - nxt.i <= (5 if partitive else 3):
            last, noun = nxt, objs[0]
            if partitive:
                # The span stays on the number: figures inside the phrase ("five of the
                # three-ton satellites") are facts of their own.
                end = span[-1].idx + len(span[-1].text)
                return noun.lemma_.lower(), end, noun
    if noun is not None:
        pass
    elif last.dep_ in _COUNT_DEPS and head.pos_ in _NOUNS and 0 < head.i - last.i <= 4:
        noun = head
    elif last.i + 1 < len(doc) and doc[last.i + 1].pos_ in _NOUNS:
        noun = doc[last.i + 1]
        # "10,000 drone strikes": the counted noun is the head of a compound.
        while noun.dep_ == "compound" and noun.head.i == noun.i + 1 and noun.head.pos_ in _NOUNS:
            noun = noun.head
    if noun is None or noun.pos_ == "PROPN" and noun.ent_type_ in ("GPE", "PERSON", "ORG"):
        return None
    if any(ch.isdigit() for ch in noun.text):  # "24703 L-202": a code, not a noun
        return None
    if noun.i - last.i > 1 and any(t.pos_ not in ("NOUN", "ADJ", "PROPN", "VERB", "ADV")
                                   for t in doc[last.i + 1:noun.i]):
        return None
    words = [_word(t) for t in doc[last.i + 1:noun.i] if t.dep_ in _MOD_DEPS
             and t.lower_ not in ctx.skip]
    words.append(noun.lemma_.lower() if noun.pos_ == "NOUN" else noun.text)
    end_tok = noun
    if noun.lemma_.lower() in ctx.partitives:
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ == "of" and child.i == noun.i + 1:
                objs = [c for c in child.children if c.dep_ == "pobj"]
                if objs:
                    words += ["of", objs[0].lemma_.lower()]
                    end_tok = objs[0]
    return " ".join(words), end_tok.idx + len(end_tok.text), noun


def _word(t: Token) -> str:
    return t.text.lower() if t.pos_ != "PROPN" else t.text


def subject_of(span: Span | None, ctx: Any) -> tuple[str | None, str | None]:
    """What a money, percent or measure figure is about, and a period adjective on it."""
    if span is None:
        return None, None
    tok = span.root
    noun = _of_object(span) if span.root.lower_ in ("%", "percent", "cent") or \
        span[-1].lower_ in ("%", "percent", "cent") else None
    for _ in range(4 if noun is None else 0):
        head = tok.head
        if head.i == tok.i:
            break
        if tok.dep_ in ("compound", "nmod", "amod", "nummod", "quantmod", "npadvmod") \
                and head.pos_ in _NOUNS and head.i not in range(span.start, span.end):
            noun = head
        elif tok.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ in _NOUNS:
            noun = head.head
        elif tok.dep_ in ("dobj", "attr", "pobj", "npadvmod", "nsubj") and tok.pos_ in _NOUNS \
                and tok.lower_ in ctx.skip:
            noun = None
        if noun is not None and noun.lemma_.lower() in ctx.skip and noun.head.i != noun.i:
            tok = noun
            noun = None
            continue
        break
    if noun is None:
        noun = _of_object(span)
    if noun is None:
        # "unemployment rose to 5%": the subject of the verb the figure completes.
        verb = span.root.head
        if span.root.dep_ == "pobj" and verb.lower_ in ("to", "at", "by"):
            verb = verb.head
        if span.root.dep_ in ("dobj", "attr", "pobj") and verb.pos_ in ("VERB", "AUX"):
            subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
            if subj and subj[0].pos_ == "NOUN":
                noun = subj[0]
    if noun is None:
        return None, None
    mods = [c for c in noun.children if c.dep_ in _MOD_DEPS and c.i < noun.i
            and not (span.start <= c.i < span.end) and c.lower_ not in ctx.skip
            and c.pos_ in ("NOUN", "ADJ", "PROPN") and not c.like_num]
    per = next((ctx.period_adjs[c.lower_] for c in mods if c.lower_ in ctx.period_adjs), None)
    words = [_word(c) for c in mods] + [noun.lemma_.lower() if noun.pos_ == "NOUN" else noun.text]
    return " ".join(words), per


def _of_object(span: Span) -> Token | None:
    """"40% of the vote": the thing measured follows "of"."""
    for tok in (span.root, span[-1]):
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                objs = [c for c in child.children if c.dep_ == "pobj"]
                if objs and objs[0].pos_ in _NOUNS:
                    return objs[0]
    nxt = span.doc[span.end] if span.end < len(span.doc) else None
    if nxt is not None and nxt.lower_ == "of":
        objs = [c for c in nxt.children if c.dep_ == "pobj" and c.pos_ in _NOUNS]
        if objs:
            return objs[0]
    return None


def clause_entities(span: Span, ents: list[tuple[int, int, str, str]]) -> list[str]:
    """Named entities in the clause around a figure (who supplies, who pledges)."""
    clause = span.root
    while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
        clause = clause.head
    lo, hi = clause.left_edge.i, clause.right_edge.i
    # Other clauses hanging off this one ("…, while France keeps its own") are not it.
    root = span.root
    others = [(c.left_edge.i, c.right_edge.i) for c in clause.children
              if c.dep_ in _CLAUSE_DEPS and not c.left_edge.i <= root.i <= c.right_edge.i]
    seen: list[str] = []
    for start, end, label, text in ents:
        if label in _FIGURE_LABELS or start < lo or end - 1 > hi:
            continue
        if any(a <= start <= b for a, b in others):
            continue
        if start < span.end and span.start < end:
            continue
        if text not in seen:
            seen.append(text)
    return seen
