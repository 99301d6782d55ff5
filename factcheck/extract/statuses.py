"""Facts with no digits: zero statements ("no arrests", "nobody was hurt",
"not yet in custody": 0 with their event) and plain status statements
("officers arrested a man": at least 1 arrested)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from .doc_text import sentence_of, text_of
from .frame_rules import VERBS, Frames

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


def status_rows(doc: Doc, fr: Frames, offset: int) -> list[dict[str, Any]]:
    """Zero statements of any event ("no arrests", "no one was hurt") and plain
    statements of a status ("police arrested a man"): facts with no digits."""
    rows = []
    seen: set[int] = set()
    for tok in _may_state(doc, fr):
        lemma = tok.lemma_.lower()
        cls = fr.lemma_class.get(lemma) if tok.pos_ in ("VERB", "NOUN", "ADJ") else None
        if cls is None and tok.pos_ == "VERB":
            cls = fr.verb_class.get(lemma)
        # "no suspect information": the word is often tagged an adjective there.
        absent = fr.absent.get(lemma) if tok.pos_ == "NOUN" or tok.dep_ in _MODIFIER else None
        if tok.pos_ == "NOUN" and lemma in fr.place_class:
            cls = fr.place_class[lemma]  # "no one is in custody"
        cls = cls or absent or _phrasal(tok, fr)
        if cls is None or tok.i in seen:
            continue
        neg = _negated(tok, fr)
        if neg is not None and _more_of_it(tok, fr):
            continue  # "no other suspects", "no further arrests": none beyond those told
        named = _of_story(tok, fr)
        if named is None:
            continue  # "no suspects in that case": another case the article recalls
        if neg is not None:
            if _hedged(tok, fr) and neg.lower_ != "no":
                continue
            if absent is not None and _still_free(tok, fr):
                continue
            lo, hi = sorted((neg.i, tok.i))
            if hi - lo > 6:
                lo = hi = tok.i
            seen.update(range(lo, hi + 1))
            rows.append(_status_row(doc, lo, hi, cls, 0.0, "exact", offset,
                                    "frames.zero" + named, _reason(tok, fr)))
        elif cls in fr.status and absent is None and _stated(tok, fr) and not _headline(tok):
            seen.add(tok.i)
            rows.append(_status_row(doc, tok.i, tok.i, cls, 1.0, "at_least", offset,
                                    "frames.status" + named, _reason(tok, fr)))
    return rows


def listed_rows(doc: Doc, fr: Frames, offset: int) -> list[dict[str, Any]]:
    """"Ana Ruiz, 24, and Leo Park, 25, were all taken to the hospital": a
    subject that lists named people, gathered by a word of rules
    `list_words`, is a count of the names for its verb's event (the span is
    the gathering word: the names themselves are people, not a figure)."""
    import numpy
    from spacy.attrs import LOWER

    from .frame_events import verb_event

    if not fr.list_words:
        return []
    wanted = numpy.array(sorted(doc.vocab.strings.add(w) for w in fr.list_words),
                         dtype=numpy.uint64)
    rows = []
    for i in numpy.flatnonzero(numpy.isin(doc.to_array(LOWER), wanted)).tolist():
        tok = doc[i]
        verb = tok.head
        if verb.pos_ not in VERBS or verb.i < tok.i:
            continue
        names = _listed_names(doc, tok)
        cls = verb_event(verb, tok, fr) if names >= 2 else None
        if cls is not None and ":" not in cls:
            rows.append(_status_row(doc, i, i, cls, float(names), "exact", offset,
                                    "frames.listed"))
    return rows


def _listed_names(doc: Doc, tok: Token) -> int:
    """How many names the words from the sentence's start to `tok` list, when
    they are nothing but names, ages, commas and "and" (before its verb's
    auxiliaries); 0 otherwise."""
    names, inside = 0, False
    for t in doc[tok.sent.start:tok.i]:
        if t.pos_ == "PROPN":
            names, inside = names + (not inside), True
            continue
        inside = False
        if t.pos_ == "AUX" and t.head.i == tok.head.i:
            continue
        if t.pos_ != "NUM" and t.text not in (",", ";") and t.lower_ != "and":
            return 0
    return names


def _may_state(doc: Doc, fr: Frames) -> Iterator[Token]:
    """The tokens whose lemma some events rule names (a class, an absence, a
    place, a phrasal verb's first word), in order: any other is skipped by
    status_rows. Read from the lemma ids, so the rest of a Doc's tokens are
    never made into Token objects (status_rows read every token: ~0.2 s of
    each 100,000 words)."""
    from spacy.attrs import LEMMA

    named = _lemmas_named(fr)
    strings = doc.vocab.strings
    known: dict[int, bool] = {}
    for i, lemma in enumerate(doc.to_array(LEMMA).tolist()):
        hit = known.get(lemma)
        if hit is None:
            hit = known[lemma] = strings[lemma].lower() in named
        if hit:
            yield doc[i]


# Frames → the lemmas its rules name (Frames are built once per rules version).
_NAMED: dict[int, tuple[Frames, frozenset[str]]] = {}


def _lemmas_named(fr: Frames) -> frozenset[str]:
    got = _NAMED.get(id(fr))
    if got is None or got[0] is not fr:
        named = frozenset([*fr.lemma_class, *fr.verb_class, *fr.absent, *fr.place_class,
                           *(k.split()[0] for k in fr.phrasal if k.split())])
        got = _NAMED[id(fr)] = (fr, named)
    return got[1]


def _negated(tok: Token, fr: Frames) -> Token | None:
    """The word that makes a statement about `tok` a zero, or None: "no
    arrests", "not made any arrests", "no one is in custody", "nobody was
    hurt", "has not been charged"."""
    if tok.pos_ in VERBS:
        # "nobody was hurt", "has not been charged"; not "you can't just shoot".
        # One suspect "has not been charged" is the story's status; one person
        # "was not hurt" is not its toll.
        if tok.tag_ != "VBN" or fr.cls(tok) not in fr.status and _one_of_them(tok, fr):
            return None
        return _negative_clause(tok, fr)
    for child in tok.children:
        if child.dep_ == "det" and child.lower_ == "no":
            return child
    if tok.dep_ in _MODIFIER and tok.lemma_.lower() in fr.absent:
        # "No suspect information has been released": nothing known of anyone
        # to arrest (an `absent` word only: "no arrest warrant" is no zero).
        return next((c for c in tok.head.children if c.dep_ == "det" and c.lower_ == "no"),
                    None)
    head = tok.head
    if tok.dep_ == "pobj" and tok.lemma_.lower() in fr.place_class:
        head = head.head  # "in custody": the verb of the preposition
    elif not any(c.dep_ == "det" and c.lower_ == "any" for c in tok.children):
        return None  # "no" or "any" on the noun, or it is a place a verb puts people
    if head.pos_ not in VERBS or tok.dep_ not in ("dobj", "nsubj", "nsubjpass", "pobj", "attr"):
        return None
    return _negative_clause(head, fr)


# How a word modifies the noun a "no" determines ("no suspect information").
_MODIFIER = ("compound", "amod")


def _more_of_it(tok: Token, fr: Frames) -> bool:
    """"No other suspects", "no additional injuries", "no one else was hurt":
    none beyond those already counted, which is no zero of the event."""
    words = [c for c in tok.children if c.dep_ in ("amod", "advmod")]
    words += [g for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")
              for g in c.children if g.dep_ in ("amod", "advmod")]
    return any(w.lower_ in fr.more_words for w in words)


def _still_free(tok: Token, fr: Frames) -> bool:
    """"No suspects are outstanding", "no suspects remain at large": none
    left to catch, the opposite of none caught (`still_free`)."""
    verb = tok.head
    near = [*tok.children, *verb.children]
    near += [g for c in near if c.dep_ in ("prep", "acomp", "advmod") for g in c.children]
    return any(w.lower_ in fr.still_free for w in near)


def _one_of_them(verb: Token, fr: Frames) -> bool:
    """"She was not injured", "her cousin was not shot", "none of the officers
    was hurt": what happened to one person or to part of a group, not the
    story's total (a zero there would contradict every count of the victims)."""
    # The subject is who it befell when the verb is passive or follows "be"
    # ("was not hurt", parsed either way); an active verb's subject did it.
    befell = any(c.dep_ == "auxpass" or c.dep_ == "aux" and c.lemma_ == "be"
                 for c in verb.children)
    for child in verb.children:
        if child.dep_ != "nsubjpass" and not (child.dep_ == "nsubj" and befell):
            continue
        if child.lower_ in fr.negations:
            return any(c.dep_ == "prep" and c.lower_ == "of" for c in child.children)
        return not any(c.dep_ == "det" and c.lower_ == "no" for c in child.children)
    return False


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
    while verb.pos_ not in VERBS and verb.head.i != verb.i:
        verb = verb.head
    words = {c.lower_ for c in verb.children if c.dep_ in ("aux", "mark", "advmod", "auxpass")}
    words |= {verb.lemma_.lower()}
    if verb.dep_ in ("xcomp", "advcl", "ccomp") or verb.tag_ == "VB" and "to" in words:
        words.add(verb.head.lemma_.lower())
    return bool(words & fr.hedges) or any(c.dep_ == "aux" and c.lower_ == "to"
                                          for c in verb.children)


def _stated(tok: Token, fr: Frames) -> bool:
    """A plain statement that the status was reached: "officers arrested a
    man", "was charged", "taken into custody", "is in custody"."""
    if tok.pos_ == "NOUN":
        verb = tok.head.head if tok.dep_ == "pobj" else None
        return (verb is not None and verb.pos_ in VERBS and tok.lemma_.lower() in fr.place_class
                and not _hedged(verb, fr))
    # A participle needs its auxiliary ("was charged", "have arrested"): a bare
    # one is a headline or a reduced clause ("student arrested, accused of…").
    return (tok.pos_ == "VERB" and not _hedged(tok, fr)
            and tok.dep_ not in ("amod", "acl", "relcl")
            and (tok.tag_ == "VBD" or tok.tag_ == "VBN" and any(
                c.dep_ in ("aux", "auxpass") for c in tok.children)))


def _headline(tok: Token) -> bool:
    """A paragraph with no full stop is a headline: the article's own, or one
    of a related story's link ("Girl kills self with gun, dad charged"). Its
    grammar drops the auxiliary, so a bare participle reads as a statement
    ("Student arrested, accused of having gun"), and often it is another case."""
    text = text_of(tok.doc)
    start = text.rfind("\n\n", 0, tok.idx)
    end = text.find("\n\n", tok.idx)
    para = text[start + 1:end if end >= 0 else len(text)].rstrip()
    return not para.endswith(_ENDS)


# How a written sentence ends (a quotation or bracket may close it).
_ENDS = (".", "!", "?", '"', "\u201d", "'", "\u2019", ")", ":", ";")


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


def _reason(tok: Token, fr: Frames) -> str | None:
    """What a status is for, as the head noun of its reason ("charged with car
    theft": theft; "arrested on suspicion of first-degree murder": murder),
    or None where none is given or it is the story's own event ("charged in
    the shooting"). Two statuses for different offences are two figures: a
    man not charged with car theft is not the story's suspect uncharged."""
    verb = tok
    while verb.pos_ not in VERBS and verb.head.i != verb.i and verb.dep_ != "ROOT":
        verb = verb.head
    preps = fr.reasons.get("preps", set())
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in preps):
        obj = _object_of(prep, fr)
        if obj is None or obj.pos_ not in ("NOUN", "PROPN"):
            return None
        lemma = obj.lemma_.lower()
        return None if lemma in fr.reasons.get("story", set()) else lemma
    return None


def _object_of(prep: Token, fr: Frames) -> Token | None:
    """What a preposition is about, through its `wrappers` ("on suspicion of
    murder": murder; "for any of the shootings": shootings)."""
    wrappers = fr.reasons.get("wrappers", set())
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    for _ in range(3):  # "on suspicion of", "on three counts of"
        if obj is None or obj.lemma_.lower() not in wrappers:
            break
        of = next((c for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
    return obj


def _of_story(tok: Token, fr: Frames) -> str | None:
    """".story" when the statement names the story's own event ("no one is in
    custody for any of the shootings", "no arrests have been made in the
    killing"), None when it names another ("no suspects in that case", "no
    arrests in an earlier shooting": `event_instances`, or "that"), else "".
    A named statement is surely of this story; a bare "no one is in custody"
    may close a roundup's paragraph on another case, so of an article's
    mentions of one status the named one is the one to cite."""
    preps = fr.reasons.get("event_preps", set())
    story = fr.reasons.get("story", set())
    nodes = [tok]
    for _ in range(3):  # a preposition's object, up to its verb
        if nodes[-1].pos_ in VERBS or nodes[-1].head.i == nodes[-1].i:
            break
        nodes.append(nodes[-1].head)
    # The parse often hangs the preposition on the verb's object ("charged a
    # suspect in the shooting").
    nodes += [c for c in nodes[-1].children if c.dep_ in ("dobj", "nsubjpass")]
    for node in nodes:
        for prep in (c for c in node.children if c.dep_ == "prep" and c.lower_ in preps):
            obj = _object_of(prep, fr)
            if obj is not None and (obj.lemma_.lower() in story or obj.lower_ in story):
                other = any(c.lower_ in fr.instances or c.lower_ in _OTHER
                            for c in obj.children if c.dep_ in ("det", "amod"))
                return None if other else ".story"
    return ""


# Determiners that point back to a case told before, not the story's own.
_OTHER = frozenset({"that", "those"})


def _status_row(doc: Doc, lo: int, hi: int, cls: str, value: float, qualifier: str,
                offset: int, pattern: str, reason: str | None = None) -> dict[str, Any]:
    first, last = doc[lo], doc[hi]
    sentence, sentence_start = sentence_of(doc, lo, lo + 1)
    start, end = first.idx, last.idx + len(last.text)
    return {
        "start": start + offset, "end": end + offset, "sentence": sentence,
        "sentence_start": sentence_start + offset, "kind": "count", "value": value,
        "low": value, "high": None if qualifier == "at_least" else value,
        "qualifier": qualifier, "unit": "person", "per": None, "subject": None,
        "entities": [], "entity": None, "attribute": None, "attribute_value": None,
        "attribute_scope": None, "pattern": pattern, "event": cls, "holder": reason,
        "as_of": None, "place": None,
    }
