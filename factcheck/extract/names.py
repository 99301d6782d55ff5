"""Names of places and bodies as facts: "Mundelein", "Southwestern Christian
College", "the Terrell Police Department".

Each named entity whose label `names.labels` (rules/names.yaml) counts is a
fact of kind ``attribute``, attribute ``name``: ``attribute_value`` is the
name as written (a leading "the" and a trailing possessive left out,
whitespace folded), ``subject`` whether it is a place or an organisation.
An article gives each form once (its first mention): the cross-check
(crosscheck/names.py, FC404) asks which forms an article writes, not how
often. A one-word name the model calls a person right after a word of
`names.place_prepositions` ("a suburb of Mudelein") is kept too, with the
pattern ``names.after_preposition``: the small model misreads lone town
names, and the cross-check counts such a form only beside a real place. A
dateline's place ("HARWICK, Ohio (AP) —" at a line's start, at most
`names.dateline_words` words in capitals before a comma) is a place too,
pattern ``names.dateline``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .doc_text import ents_of, sentence_of, text_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

_POSSESSIVE = ("'s", "’s", "'", "’")


def name_rows(doc: Doc, rules: Any, offset: int) -> list[dict[str, Any]]:
    """One row per distinct name of a place or body in the Doc."""
    cfg = rules.names
    after = {w.casefold() for w in cfg.place_prepositions}
    text = text_of(doc)
    rows: list[dict[str, Any]] = []
    seen: set[str] = set()
    found = [(ent, "names.entity", cfg.labels.get(ent.label_)) for ent in ents_of(doc)]
    found = [(ent, "names.after_preposition", "place") if what is None
             and ent.label_ == "PERSON" and len(ent) == 1 and ent.start > 0
             and doc[ent.start - 1].lower_ in after else (ent, pattern, what)
             for ent, pattern, what in found]
    found += [(span, "names.dateline", "place") for span in _datelines(doc, cfg.dateline_words)]
    # A dateline the model also tagged is read as a dateline (first, so kept).
    for ent, pattern, what in sorted(found, key=lambda x: (x[0].start,
                                                           x[1] != "names.dateline")):
        if what is None:
            continue
        got = _bounds(ent)
        if got is None:
            continue
        start, end = got
        value = " ".join(text[start:end].split())
        if value.casefold() in seen:
            continue
        seen.add(value.casefold())
        sentence, sentence_start = sentence_of(doc, ent.start, ent.end)
        rows.append({
            "start": start + offset, "end": end + offset, "sentence": sentence,
            "sentence_start": sentence_start + offset, "kind": "attribute", "value": None,
            "low": None, "high": None, "qualifier": None, "unit": None, "per": None,
            "subject": what, "entities": [], "entity": None, "attribute": "name",
            "attribute_value": value, "attribute_scope": None, "pattern": pattern,
        })
    return rows


def _bounds(ent: Span) -> tuple[int, int] | None:
    """Character offsets of the name in `ent`, or None when it is no name
    (no letters; a span across lines, which is page furniture run together)."""
    toks = list(ent)
    if toks and toks[0].lower_ == "the":
        toks = toks[1:]
    while toks and (toks[-1].text in _POSSESSIVE or not any(c.isalnum() for c in toks[-1].text)):
        toks = toks[:-1]
    if not toks or not any(c.isalpha() for t in toks for c in t.text) \
            or any("\n" in t.whitespace_ or "\n" in t.text for t in toks[:-1]):
        return None
    start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
    for p in _POSSESSIVE:  # "Chicago's" as one token
        if toks[-1].text.endswith(p) and len(toks[-1].text) > len(p):
            end -= len(p)
            break
    return start, end


def _datelines(doc: Doc, most: int) -> list[Span]:
    """Places of datelines: up to `most` words in capitals at a line's start,
    then a comma and a capitalised word ("HARWICK, Ohio")."""
    out = []
    for i in _line_starts(doc):
        tok = doc[i]
        if not _capitals(tok.text):
            continue
        end = tok.i
        while end < len(doc) and end - tok.i < most and _capitals(doc[end].text):
            end += 1
        if end + 1 < len(doc) and doc[end].text == "," and doc[end + 1].text[:1].isupper():
            out.append(doc[tok.i:end])
    return out


def _line_starts(doc: Doc) -> list[int]:
    """The tokens that start the Doc or follow a token whose text or space
    holds a line break, in order: found from the breaks in the text, not by
    making a Token of every word."""
    if not len(doc):
        return []
    text = text_of(doc)
    starts = doc.to_array("IDX")
    found = [0]
    at = text.find("\n")
    while at >= 0:
        # The token whose text or trailing space holds this break.
        k = int(starts.searchsorted(at, side="right")) - 1
        if k >= 0 and k + 1 < len(doc) and k + 1 > found[-1]:
            found.append(k + 1)
        at = text.find("\n", at + 1)
    return found


def _capitals(word: str) -> bool:
    return len(word) > 1 and word.isupper() and word.replace("-", "").replace("'", "").isalpha()
