"""Numbered routes as facts: "Route 38", "Highway 17", "I-95", "Flight 302".

A number after a word of `route_words` (rules/routes.yaml) names a road, a
bus route or a flight: no quantity (the word is also a `number_names`), but
an identifier the articles of a story should write alike. Each is a fact of
kind ``attribute``, attribute ``route``: ``attribute_value`` the route as
written, whitespace folded; ``subject`` the kind of route (``route``,
``highway``…); ``value`` stays empty, as for every attribute: the
cross-check reads the number back from the text (crosscheck/routes.py,
FC405). One regular expression over the text, built
once per rule set: no work per token.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from .doc_text import sentence_of, text_of
from .number_patterns import alternation

if TYPE_CHECKING:
    from spacy.tokens import Doc

_PATTERNS: dict[tuple[int, str], tuple[re.Pattern[str], dict[str, str]]] = {}


def route_pattern(rules: Any) -> tuple[re.Pattern[str], dict[str, str]]:
    """(the pattern, each spelling → its kind of route), made once per rule set."""
    key = (id(rules), getattr(rules, "version", ""))
    found = _PATTERNS.get(key)
    if found is None:
        kinds = {w: kind for kind, words in sorted(rules.route_words.items()) for w in words}
        spaced = [w for w in kinds if not w.endswith("-")]
        glued = [w[:-1] for w in kinds if w.endswith("-")]
        # Case kept: "route 38" in running prose is rarer than "Route 38" and
        # "bus 12" could be a count; the spellings say which case they take.
        # The lookahead fails at once where no spelling can start (most word
        # starts are lower case): the pass costs a tenth of what it did.
        firsts = "".join(sorted({re.escape(w[0]) for w in kinds}))
        pattern = re.compile(
            rf"(?=[{firsts}])(?<![\w\-])"
            rf"(?:(?P<w>{alternation(spaced)})[ \t]+|(?P<g>{alternation(glued)})-)"
            r"(?P<n>\d{1,4})(?![\w\-]|[.,]\d)")
        found = (pattern, kinds)
        _PATTERNS.clear()
        _PATTERNS[key] = found
    return found


def route_rows(doc: Doc, rules: Any, offset: int) -> list[dict[str, Any]]:
    """One row per numbered route written in the Doc."""
    if not rules.route_words:
        return []
    pattern, kinds = route_pattern(rules)
    text = text_of(doc)
    rows: list[dict[str, Any]] = []
    for m in pattern.finditer(text):
        written = m.group("w")
        kind = kinds.get(" ".join(written.split())) if written else kinds.get(m.group("g") + "-")
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if kind is None or span is None or not len(span):
            continue
        sentence, sentence_start = sentence_of(doc, span.start, span.end)
        rows.append({
            "start": m.start() + offset, "end": m.end() + offset, "sentence": sentence,
            "sentence_start": sentence_start + offset, "kind": "attribute",
            "value": None, "low": None, "high": None,
            "qualifier": None, "unit": None, "per": None, "subject": kind, "entities": [],
            "entity": None, "attribute": "route", "attribute_value": " ".join(m.group(0).split()),
            "attribute_scope": None, "pattern": "routes.route",
        })
    return rows
