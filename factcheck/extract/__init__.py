"""spaCy ``Doc`` → fact rows.

``extract_doc`` is the one entry point: it returns plain dicts (never Spans)
with offsets into the *article* text, so Docs can be dropped at once.

Each row carries the extraction fields of ``FACTS_SCHEMA``: ``start``, ``end``,
``sentence``, ``sentence_start``, ``kind``, ``value``, ``low``, ``high``,
``qualifier``, ``unit``, ``per``, ``subject``, ``entities``, ``entity``,
``attribute``, ``attribute_value``, ``attribute_scope``, ``pattern``. The
pipeline adds the article fields, ``text``, ``line``, ``column`` and ``fact_id``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from . import dates
from .affiliations import affiliation_rows
from .attributes import attributes_and_people
from .frame_rules import frames_rules
from .frames import add_frames
from .injuries import injury_rows
from .mentions import lexicon
from .names import name_rows
from .number_patterns import patterns
from .people import _matchers as people_matchers
from .people import extract_people
from .places import place_rows, place_words
from .quantities import extract_quantities
from .routes import route_pattern, route_rows

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from ..model import Article
    from ..rules.load import Rules


def extract_doc(doc: Doc, article: Article, rules: Rules, offset: int = 0) -> list[dict[str, Any]]:
    """All facts of one Doc; `offset` is where the Doc's text starts in the article."""
    rows = add_frames(doc, extract_quantities(doc, article, rules, offset), rules, offset)
    attributes, people = attributes_and_people(doc, article, rules, offset)
    rows.extend(attributes)
    rows.extend(place_rows(doc, rules, offset))
    rows.extend(name_rows(doc, rules, offset))
    rows.extend(route_rows(doc, rules, offset))
    # Person rows may share a span with an attribute: their kind keeps the ids apart.
    rows.extend(extract_people(people, offset, rules, ages=rows))
    # After extract_people: a he/she is read with the sexes its names gave.
    rows.extend(affiliation_rows(people, offset, rules))
    rows.extend(injury_rows(people, offset, rules))
    return rows


def prepare(rules: Rules, vocab: Vocab | None = None) -> None:
    """Pay now what extraction otherwise pays on its first Doc (~0.7 s: the
    patterns with pint's registry, dateparser's first reading, the rule
    lookups; with `vocab`, the phrase matchers of titles and people), so
    processes forked after this inherit it instead of each paying it again."""
    patterns(rules)
    dates.prepare()
    frames_rules(rules)
    place_words(rules)
    route_pattern(rules)
    if vocab is not None:
        lexicon(vocab, rules)
        people_matchers(vocab, rules)
