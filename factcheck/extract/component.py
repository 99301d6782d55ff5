"""Extraction as a spaCy pipeline component, so a process that parses a Doc
extracts it too (``run/engines.py``'s forked workers, or spaCy's own
``nlp.pipe(n_process=N)``), and only rows need to leave it.

``factcheck_extract`` runs last in the pipeline and leaves the Doc's fact rows
(plain dicts, as ``extract_doc`` returns them) in ``Doc._.factcheck_rows``;
spaCy carries them back from a worker with the Doc (they are in its
``user_data``, serialized with it). Which article a Doc belongs to comes with
it as its ``nlp.pipe(as_tuples=True)`` context: ``(article index, offset of
the piece in the body, last piece?)``. The articles and rules of the call are
set with ``extracting(...)`` around ``nlp.pipe``; worker processes are forked
inside that call and see them. Where a Doc arrives without rows (a worker
started another way, or a pipeline used outside ``extracting``), the caller
extracts it itself: the same rows either way.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from .. import extract
from ..ingest.soft_wraps import parse_body
from .doc_text import made_from

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from ..model import Article
    from ..rules.load import Rules

NAME = "factcheck_extract"

# The Doc extensions factcheck sets, registered once, from this one table.
DOC_EXTENSIONS: dict[str, Any] = {"factcheck_rows": None}
ROWS = "factcheck_rows"

# What extraction reads from the pipeline before it.
REQUIRES = ["token.tag", "token.pos", "token.lemma", "token.dep", "token.head",
            "token.is_sent_start", "doc.ents"]

# The articles and rules of the nlp.pipe call under way (a stack: calls nest).
_CALLS: list[tuple[Sequence[Article], Rules]] = []


@contextmanager
def extracting(articles: Sequence[Article], rules: Rules) -> Iterator[None]:
    """While inside, the component extracts Docs whose context indexes `articles`."""
    _CALLS.append((articles, rules))
    try:
        yield
    finally:
        _CALLS.pop()


class Extractor:
    """The component: a Doc in, the same Doc out with its rows set."""

    def __call__(self, doc: Doc) -> Doc:
        context = doc._context
        if _CALLS and isinstance(context, tuple) and len(context) == 3:
            articles, rules = _CALLS[-1]
            index, offset, _ = context
            article = articles[index]
            # The Doc was made from the body as read (soft line breaks as spaces).
            made_from(doc, parse_body(article), offset)
            rows = extract.extract_doc(doc, article, rules, article.body_start + offset)
            setattr(doc._, ROWS, rows)
        return doc


def rows_of(doc: Doc) -> list[dict[str, Any]] | None:
    """The rows the component left on `doc`, or None if it extracted nothing."""
    if not doc.has_extension(ROWS):
        return None
    rows: list[dict[str, Any]] | None = getattr(doc._, ROWS)
    return rows


def add_extractor(nlp: Language) -> None:
    """Register the extensions and the factory (once), and put the component
    last in `nlp`'s pipeline unless it is there already."""
    from spacy.language import Language
    from spacy.tokens import Doc

    for name, default in DOC_EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
    if not Language.has_factory(NAME):
        Language.factory(NAME, requires=REQUIRES, assigns=[f"doc._.{ROWS}"],
                         func=lambda nlp, name: Extractor())
    if NAME not in nlp.pipe_names:
        nlp.add_pipe(NAME, last=True)
