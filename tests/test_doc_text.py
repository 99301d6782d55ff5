"""What extraction reads of a Doc once (extract/doc_text.py) is what spaCy
would give each time it is asked."""

from __future__ import annotations

from typing import Any

import pytest

from factcheck.extract import doc_text

TEXTS = [
    "Two men were shot on Elm Street.",
    "\nA leading break, then\r\nWindows line ends\tand a tab.  Two spaces. ",
    "Non-breaking\u00a0space, an emoji 🙂 and a dash — then the end\n\n",
    "   ",
    "x",
]


@pytest.mark.parametrize("text", TEXTS)
def test_a_doc_made_from_an_article_has_the_article_text(nlp: Any, text: str) -> None:
    before = "HEADLINE\n\n"
    source = before + text + "TRAILING WORDS OF ANOTHER PIECE"
    doc = nlp(text)
    doc_text.made_from(doc, source, len(before))
    assert doc_text.text_of(doc) == doc.text


def test_entities_are_read_once_and_are_the_docs(nlp: Any) -> None:
    doc = nlp("Maria Lopez met John Smith in Chicago on Monday.")
    assert doc_text.ents_of(doc) == doc.ents
    assert doc_text.ents_of(doc) is doc_text.ents_of(doc)
    other = nlp("Paris and Berlin.")
    assert doc_text.ents_of(other) == other.ents
