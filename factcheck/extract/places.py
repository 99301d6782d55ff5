"""Street addresses as place facts: "on South Larkin Street", "the 1200 block
of Elm Avenue", "665 Heron Drive", "Alder Drive West".

A street is a run of capitalised name words ending in a street type
(rules/places.yaml `street_types`, with their abbreviations), with an
optional direction after it ("Drive West") and a house or block number
before it. Each is a fact of kind ``attribute``, attribute ``street``: its
``attribute_value`` is the address as written, whitespace folded;
``parse`` reads the parts back (number, block, directions, name, type) for
the cross-check (crosscheck/places.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .doc_text import sentence_of, text_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# Words of a street's name: capitalised words and ordinals ("75th").
_NAME = re.compile(r"^(?:[A-Z][\w'’-]*\.?|\d+(?:st|nd|rd|th))$")
_ORDINAL = re.compile(r"^\d+(?:st|nd|rd|th)$", re.IGNORECASE)
_NUMBER = re.compile(r"^\d{1,6}$")
# At most this many name words before the type: "Martin Luther King Jr. Boulevard".
_MAX_NAME = 4


@dataclass(frozen=True)
class Street:
    """The parts of an address, folded for comparing."""

    number: int | None
    block: bool
    directions: tuple[str, ...]
    name: tuple[str, ...]
    type: str

    @property
    def numbered_name(self) -> bool:
        """'75th Street': a name that is a number is never a spelling of another."""
        return any(_ORDINAL.match(w) or w.isdigit() for w in self.name)


@dataclass(frozen=True)
class PlaceWords:
    types: dict[str, str]  # every spelling and abbreviation → the type
    directions: dict[str, str]  # every spelling and abbreviation → the direction

    @classmethod
    def of(cls, rules: Any) -> PlaceWords:
        def fold(section: Any) -> dict[str, str]:
            out: dict[str, str] = {}
            for full, short in sorted((section or {}).items()):
                for w in [full, *(short or [])]:
                    out.setdefault(str(w).casefold(), str(full).casefold())
            return out

        return cls(fold(rules.street_types), fold(rules.street_directions))

    def type_of(self, word: str) -> str | None:
        return self.types.get(word.rstrip(".").casefold())

    def direction_of(self, word: str) -> str | None:
        return self.directions.get(word.rstrip(".").casefold())


_WORDS: dict[str, PlaceWords] = {}


def place_words(rules: Any) -> PlaceWords:
    key = getattr(rules, "version", "") or str(id(rules))
    if key not in _WORDS:
        _WORDS[key] = PlaceWords.of(rules)
    return _WORDS[key]


def place_rows(doc: Doc, rules: Any, offset: int) -> list[dict[str, Any]]:
    """One row per street named in the text (an article naming a street
    twice gives two rows; the cross-check takes each address once)."""
    words = place_words(rules)
    rows = []
    for tok in doc:
        if not tok.text[:1].isupper() or words.type_of(tok.text) is None:
            continue
        got = _address(tok, words)
        if got is None:
            continue
        first, last = got
        sentence, sentence_start = sentence_of(doc, tok.i, tok.i + 1)
        start, end = first.idx, last.idx + len(last.text)
        text = " ".join(text_of(doc)[start:end].split())
        rows.append({
            "start": start + offset, "end": end + offset, "sentence": sentence,
            "sentence_start": sentence_start + offset, "kind": "attribute", "value": None,
            "low": None, "high": None, "qualifier": None, "unit": None, "per": None,
            "subject": "street", "entities": [], "entity": None, "attribute": "street",
            "attribute_value": text, "attribute_scope": None, "pattern": "places.street",
        })
    return rows


def _address(tok: Token, words: PlaceWords) -> tuple[Token, Token] | None:
    """(first, last) token of the address whose street type is `tok`, or None
    when `tok` ends no street name ("Wall Street Journal", "St. Louis")."""
    doc = tok.doc
    last = tok
    after = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if after is not None and after.text == "." and tok.text[-1:] != ".":
        after = doc[after.i + 1] if after.i + 1 < len(doc) else None  # "St ."
    if after is not None and not after.is_sent_start and words.direction_of(after.text) \
            and after.text[:1].isupper():
        last = after  # "Alder Drive West"
        after = doc[after.i + 1] if after.i + 1 < len(doc) else None
    if after is not None and not after.is_sent_start and _NAME.match(after.text) \
            and after.pos_ == "PROPN":
        return None  # the street's name is part of another name ("Elm Street Elementary")
    first = None
    i = tok.i - 1
    while i >= tok.sent.start and tok.i - i <= _MAX_NAME:
        t = doc[i]
        if not _NAME.match(t.text) or t.pos_ not in ("PROPN", "NUM", "ADJ", "NOUN"):
            break
        first = t
        i -= 1
    if first is None:
        return None
    # A house number right before ("665 Heron Drive"), or "the 1200 block of".
    before = doc[first.i - 1] if first.i > tok.sent.start else None
    if before is not None and _NUMBER.match(before.text):
        first = before
    elif before is not None and before.lower_ == "of" and first.i >= tok.sent.start + 3:
        block, number = doc[first.i - 2], doc[first.i - 3]
        if block.lower_ == "block" and _NUMBER.match(number.text):
            first = number
    return first, last


def parse(value: str, words: PlaceWords) -> Street | None:
    """The parts of an address as `place_rows` wrote it."""
    toks = value.replace(".", ". ").split()
    toks = [t for t in toks if t != "."]
    number, block = None, False
    if toks and _NUMBER.match(toks[0]):
        number = int(toks[0])
        toks = toks[1:]
        if len(toks) >= 2 and toks[0].casefold() == "block" and toks[1].casefold() == "of":
            block, toks = True, toks[2:]
    directions = []
    while toks and words.direction_of(toks[-1]) and len(toks) > 2:
        directions.append(words.direction_of(toks[-1]) or "")
        toks = toks[:-1]
    if not toks or words.type_of(toks[-1]) is None:
        return None
    kind = words.type_of(toks[-1]) or ""
    name = []
    for t in toks[:-1]:
        d = words.direction_of(t)
        if d and len(toks) > 2:
            directions.append(d)
        else:
            name.append(t.rstrip(".").casefold())
    if not name:  # "North Street": the direction is the name
        name = [t.rstrip(".").casefold() for t in toks[:-1]]
        directions = []
    return Street(number, block, tuple(sorted(directions)), tuple(name), kind)
