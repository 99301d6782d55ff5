"""When two names of a place or body are one name spelt two ways (FC404's
`alike`), read with the shipped rules."""

from __future__ import annotations

from typing import Any

import pytest
from spacy.tokens import Span

from factcheck.crosscheck.names import Words, alike, fold, name_check
from factcheck.extract.names import name_rows
from factcheck.extract.places import place_words
from factcheck.facts import FACTS_SCHEMA, frame
from factcheck.rules.load import load_rules


@pytest.fixture(scope="module")
def words() -> Words:
    rules = load_rules()
    cfg, pw = rules.names, place_words(rules)
    return Words(cfg.max_edits, cfg.min_letters, tuple(cfg.variant_endings),
                 tuple(cfg.other_word_endings), frozenset(pw.directions),
                 frozenset(pw.types), frozenset({"harlan", "reese"}))


@pytest.mark.parametrize(("a", "b"), [
    ("Mundelein", "Mudelein"),  # a letter left out
    ("Banfield Pet Hospital", "Banfeild Pet Hospital"),  # two letters swapped
    ("Southwest Christian College", "Southwestern Christian College"),  # an ending
    ("Barnes County School", "Barnes County Schoool"),  # a letter doubled
    ("Memorial Hermann Hospital", "Memorial Herman Hospital"),  # ... at the end
])
def test_one_name_spelt_two_ways(words: Words, a: str, b: str) -> None:
    assert alike(fold(a), fold(b), words)
    assert alike(fold(b), fold(a), words)


@pytest.mark.parametrize(("a", "b"), [
    ("Garden City", "Garden City High School"),  # a name inside a longer one
    ("Jackson", "Jacksonville"),
    ("Westfield Mall", "Westfield Malls"),  # a plural
    ("Albania", "Albanian"),  # a demonym
    ("St. Louis", "Saint Louis"),  # an abbreviation is no misspelling
    ("St. Louis", "St Louis"),  # nor its full stop
    ("HARWICK", "Harwick"),  # nor the case
    ("Winston-Salem", "Winston Salem"),
    ("Northeast High School", "Northwest High School"),  # two directions
    ("75th Precinct", "76th Precinct"),  # numbers
    ("WKRB News", "WKRP News"),  # call signs
    ("Harlan County", "Harlen County"),  # a word of a person's full name in the story
    ("Lake Cove Road", "Lake Cave Road"),  # streets are FC403's
    ("Iowa", "Ohio"),
    ("Lima", "Lama"),  # too short to tell a slip from another place
])
def test_not_one_name(words: Words, a: str, b: str) -> None:
    assert alike(fold(a), fold(b), words) is None


def _tagged(nlp: Any, text: str, word: str, label: str) -> Any:
    """`text` parsed, with `word` as the only entity, labelled `label` (the
    small model's label for a lone town name varies)."""
    doc = nlp(text)
    i = next(t.i for t in doc if t.text == word)
    doc.ents = [Span(doc, i, i + 1, label=label)]
    return doc


def test_a_lone_person_after_a_preposition_is_read_as_a_place(nlp: Any, rules: Any) -> None:
    doc = _tagged(nlp, "He came from the suburb of Harwick on Friday.", "Harwick", "PERSON")
    rows = name_rows(doc, rules, 0)
    assert [(r["attribute_value"], r["pattern"]) for r in rows] == \
        [("Harwick", "names.after_preposition")]


def test_a_person_elsewhere_is_no_place(nlp: Any, rules: Any) -> None:
    doc = _tagged(nlp, "Harwick said he heard shots on Friday.", "Harwick", "PERSON")
    assert name_rows(doc, rules, 0) == []


def test_a_dateline_is_a_place(nlp: Any, rules: Any) -> None:
    doc = nlp("Headline here\n\nHARWICK, Ohio (AP) — A man was shot.")
    rows = [r for r in name_rows(doc, rules, 0) if r["pattern"] == "names.dateline"]
    assert [r["attribute_value"] for r in rows] == ["HARWICK"]


def _name_facts(*names: tuple[str, str, str]) -> Any:
    """A facts table of name facts: (article, name, pattern), one story."""
    return frame([{"fact_id": f"f{i}", "article": a, "story": "s", "source": a, "kind": "attribute",
                   "attribute": "name", "attribute_value": n, "text": n, "pattern": p,
                   "start": 0, "end": len(n)} for i, (a, n, p) in enumerate(names)],
                 FACTS_SCHEMA)


def test_forms_the_model_called_people_alone_are_not_compared(rules: Any) -> None:
    guess, entity = "names.after_preposition", "names.entity"
    quiet = _name_facts(("a", "Harwick", guess), ("b", "Harwick", guess), ("c", "Hardwick", guess))
    assert name_check(quiet, rules).is_empty()
    found = name_check(_name_facts(("a", "Harwick", entity), ("b", "Harwick", guess),
                                   ("c", "Hardwick", guess)), rules)
    assert found["message"].to_list() == ["c writes Hardwick; 2 other outlets say Harwick"]
