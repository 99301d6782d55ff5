"""A Doc's text and sentences, built once for all the extractors that read them.

spaCy builds ``Doc.text`` from the tokens on every access (a Token object for
each), and one Doc's extraction asks for it nine times on average: ~0.2 s of
each 100,000 words. ``Token.sent`` walks the tokens to the sentence's ends,
``Span.ents`` builds every entity of the Doc and ``Span.text`` joins the
tokens again, on every call; an attribute or person row asks all three
(~40 µs a row). The last Doc's text and sentences are kept, through a weak
reference and as offsets and strings only; its entities, once asked, are
spaCy's Spans and keep that one Doc alive until the next is read.

Where the Doc was made from an article (``made_from``), its text is a slice
of the article's: ``Doc.text`` joins a Token per word, ~3% of extraction.
"""

from __future__ import annotations

import bisect
import weakref
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span


class Sentences:
    """The sentences of one Doc: which one holds a token, where it starts, its
    text and the names of the entities inside it, as spaCy's ``Span.sent``,
    ``.start_char``, ``.text`` and ``.ents`` give them."""

    def __init__(self, doc: Doc, text: str):
        self.text_of_doc = text
        bounds = [(s.start, s.end, s.start_char, s.end_char) for s in doc.sents]
        self.starts = [b[0] for b in bounds]
        self.ends = [b[1] for b in bounds]
        self.chars = [(b[2], b[3]) for b in bounds]
        self.ents = [(e.start, e.end, e.text) for e in ents_of(doc)]
        self._names: dict[int, list[str]] = {}
        # Whether each sentence is in capitals (mentions.shouted), once a sentence.
        self.shouted: dict[int, bool] = {}

    def index(self, token: int) -> int:
        """The sentence holding token `token`."""
        return bisect.bisect_right(self.starts, token) - 1

    def start_char(self, k: int) -> int:
        return self.chars[k][0]

    def text(self, k: int) -> str:
        start, end = self.chars[k]
        return self.text_of_doc[start:end]

    def names(self, k: int) -> list[str]:
        """The texts of the entities wholly inside sentence `k`, each once, in order."""
        found = self._names.get(k)
        if found is None:
            found = []
            lo, hi = self.starts[k], self.ends[k]
            for start, end, text in self.ents:
                if start >= lo and end <= hi and text not in found:
                    found.append(text)
            self._names[k] = found
        return list(found)


class _Read:
    """What has been read of the last Doc: its text, and on first use its
    sentences and its entities (``Doc.ents`` builds a Span for each on every
    call; the frames ask it once a figure)."""

    def __init__(self, doc: Doc, text: str):
        self.doc = weakref.ref(doc)
        self.text = text
        self.sentences: Sentences | None = None
        self.ents: Sequence[Span] | None = None


_last: _Read | None = None


def _cached(doc: Doc, text: str | None = None) -> _Read:
    global _last
    if _last is None or _last.doc() is not doc:
        _last = _Read(doc, doc.text if text is None else text)
    return _last


def made_from(doc: Doc, source: str, start: int) -> None:
    """`doc` was made from the text at `start` in `source` (an article's text):
    its text is read from there, not joined from its tokens again (spaCy keeps
    the text it is given to the character, so the two are the same)."""
    if len(doc):
        last = doc[len(doc) - 1]
        _cached(doc, source[start:start + last.idx + len(last.text_with_ws)])


def text_of(doc: Doc) -> str:
    """``doc.text``."""
    return _cached(doc).text


def ents_of(doc: Doc) -> Sequence[Span]:
    """``doc.ents`` (extraction never sets them)."""
    read = _cached(doc)
    if read.ents is None:
        read.ents = doc.ents
    return read.ents


def sentences_of(doc: Doc) -> Sentences:
    """The sentences of `doc`, read once."""
    read = _cached(doc)
    if read.sentences is None:
        read.sentences = Sentences(doc, read.text)
    return read.sentences


def sentence_of(doc: Doc, start: int, end: int) -> tuple[str, int]:
    """The text and first character of ``doc[start:end].sent`` (tokens [start,
    end), not empty): the cached sentence, unless the span runs past its end,
    where spaCy's answer reaches to the end of the next."""
    sents = sentences_of(doc)
    k = sents.index(start)
    if end <= sents.ends[k]:
        return sents.text(k), sents.start_char(k)
    sent = doc[start:end].sent
    return sent.text, sent.start_char
