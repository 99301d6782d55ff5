"""The attribute lookup and the lemma cache must leave every token exactly as
the model's own attribute ruler and lemmatizer would: POS, morphology and
lemma feed counted nouns, speech verbs and pronoun resolution."""

from __future__ import annotations

import pytest

from factcheck.nlp.attribute_lookup import AttributeLookup, lookup_for
from factcheck.nlp.lemma_cache import LemmaCache, cache_for
from factcheck.nlp.load import DEFAULT_MODELS

# Written to hit the ruler's special cases: pronouns in each case, auxiliaries,
# contractions, two-token patterns ("gon na", "let 's"), "that" as determiner,
# relative and conjunction, and whitespace tokens.
TEXTS = [
    "I'm gonna tell 'em what she said to him, and they'll say it wasn't theirs.",
    "Let's be clear: the minister had said that he would not resign, but he did.",
    "Nothin' doin', he said. We ain't got time; you gotta see it yourselves.",
    "That report, which the council published, says those 12 schools were closed.",
    "She has been told  twice.\n\nIt's been 3 years since his  office gets letters.",
    "Something happened to everyone here; nobody knew whether it was over.",
    "Police said the 24-year-old man, who'd been shot, was taken to hospital.",
    "He saw the saw. The leaves fall as she leaves; the building was building up.",
]


@pytest.fixture(scope="module")
def stock():
    spacy = pytest.importorskip("spacy")
    for name in DEFAULT_MODELS:
        try:
            return spacy.load(name, exclude=["senter"])
        except OSError:
            continue
    pytest.skip("no English model installed")


def _attrs(doc):
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_) for t in doc]


def test_factcheck_pipeline_uses_the_cached_components(nlp):
    assert isinstance(nlp.get_pipe("attribute_ruler"), AttributeLookup)
    assert isinstance(nlp.get_pipe("lemmatizer"), LemmaCache)
    assert nlp.pipe_names == ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer",
                              "ner"]


@pytest.mark.parametrize("text", TEXTS, ids=range(len(TEXTS)))
def test_tokens_match_the_stock_ruler(nlp, stock, text):
    assert _attrs(nlp(text)) == _attrs(stock(text))


def test_batch_matches_the_stock_ruler_after_the_cache_fills(nlp, stock):
    # The second pass is served from the cache.
    for _ in range(2):
        assert [_attrs(d) for d in nlp.pipe(TEXTS)] == [_attrs(d) for d in stock.pipe(TEXTS)]


def test_a_full_cache_is_emptied_and_refilled_without_changing_tokens(nlp, stock, monkeypatch):
    for module, name in (("attribute_lookup", "attribute_ruler"), ("lemma_cache", "lemmatizer")):
        monkeypatch.setattr(f"factcheck.nlp.{module}.MAX_KEYS", 3)
        nlp.get_pipe(name)._cache.clear()  # earlier tests filled it
    assert [_attrs(d) for d in nlp.pipe(TEXTS)] == [_attrs(d) for d in stock.pipe(TEXTS)]
    assert len(nlp.get_pipe("attribute_ruler")._cache) <= 3
    assert len(nlp.get_pipe("lemmatizer")._cache) <= 3


def test_a_ruler_it_cannot_read_keeps_the_stock_component():
    class Ruler:
        patterns = [{"patterns": [[{"POS": "NOUN"}]], "attrs": {"LEMMA": "x"}, "index": 0}]

    assert lookup_for(Ruler()) is None


def test_a_lemmatizer_that_overwrites_keeps_the_stock_component():
    class Lemmatizer:
        mode, overwrite = "rule", True

    assert cache_for(Lemmatizer()) is None
