"""The model's rule lemmatizer with its answers kept per (word, POS, morphology).

spaCy's rule lemmatizer already caches its lemma lists, but still spends
~6% of the pipeline on Python work per token (a Token object, its morphology,
a string set back). A lemma depends only on the word, its POS and its
morphology, so ``LemmaCache`` reads those as integers from the Doc's arrays,
answers from a dict, and writes all lemmas back in one ``from_array``. Misses
go to the stock lemmatizer, so the lemmas are the model's own (checked token by
token in ``tests/test_attribute_lookup.py``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.tokens import Doc

# A bound on remembered words, so memory stays flat on any input.
MAX_KEYS = 50_000


class LemmaCache:
    """Callable pipeline component: the stock lemmatizer's effect, via a cache."""

    def __init__(self, lemmatizer: Any):
        self._stock = lemmatizer
        self._strings = lemmatizer.vocab.strings
        self._cache: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        import numpy as np
        from spacy.attrs import LEMMA, MORPH, ORTH, POS

        if not len(doc):
            return doc
        if not self._stock._validated:
            self._stock._validate_tables()
        arr = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = arr[:, 3].copy()
        cache = self._cache
        for i, (orth, pos, morph, lemma) in enumerate(arr.tolist()):
            if lemma:  # set by the attribute ruler: the stock lemmatizer keeps it too
                continue
            found = cache.get((orth, pos, morph))
            if found is None:
                found = self._strings.add(self._stock.lemmatize(doc[i])[0])
                if len(cache) >= MAX_KEYS:
                    cache.clear()
                    self._stock.cache.clear()  # its own cache has no bound
                cache[(orth, pos, morph)] = found
            lemmas[i] = found
        # spaCy types the array as thinc's Ints2d, which a numpy array is at run time.
        doc.from_array([LEMMA], lemmas.reshape(-1, 1).astype(np.uint64))  # type: ignore[arg-type]
        return doc


def cache_for(lemmatizer: Any) -> LemmaCache | None:
    """A `LemmaCache` over `lemmatizer`, or None when its mode or settings make
    a lemma depend on more than word, POS and morphology."""
    if getattr(lemmatizer, "mode", None) != "rule" or getattr(lemmatizer, "overwrite", True):
        return None
    return LemmaCache(lemmatizer)
