"""Which mention of a status an article is cited by: one that names the
story's event ("no one has been arrested in the stabbings") over a bare one
that may close a paragraph on another case; and a status statement's
pattern says whether it names the event."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from factcheck.extract.frame_rules import frames_rules
from factcheck.extract.statuses import status_rows
from factcheck.model import Article
from factcheck.run.pipeline import cross_check, extract_articles

PATTERNS = [
    ("Nobody is in custody.", "frames.zero"),
    ("Nobody is in custody for any of the shootings.", "frames.zero.story"),
    ("No arrests have been made in the killing, police said.", "frames.zero.story"),
    ("Detectives have charged a woman in the shooting at the depot.", "frames.status.story"),
    ("Detectives have charged a woman on Monday.", "frames.status"),
    ("No one was arrested in Springfield.", "frames.zero"),
]

# Statements of another case the article recalls are no facts of the story.
OTHER_CASES = [
    "A gun was fired at the house in March; there were no suspects in that case.",
    "No one was charged in an earlier shooting on the same block.",
]


@pytest.mark.parametrize(("text", "pattern"), PATTERNS, ids=[t[:32] for t, _ in PATTERNS])
def test_a_status_that_names_the_event(nlp: Any, rules: Any, text: str, pattern: str) -> None:
    rows = status_rows(nlp(text), frames_rules(rules), 0)
    assert [r["pattern"] for r in rows] == [pattern]


@pytest.mark.parametrize("text", OTHER_CASES, ids=[t[:32] for t in OTHER_CASES])
def test_a_status_of_another_case_is_none(nlp: Any, rules: Any, text: str) -> None:
    assert status_rows(nlp(text), frames_rules(rules), 0) == []


def _article(key: str, day: int, text: str) -> Article:
    return Article(id=key, path=key, source=f"{key}.example", title="",
                   published=datetime(2024, 5, day, 9, tzinfo=UTC), url="", story="s",
                   text=text)


def test_the_mention_that_names_the_event_is_cited(rules: Any) -> None:
    articles = [
        _article("a", 3, "Two men were shot outside a bar on Quay Street. Police have not "
                         "said whether the attacks were linked. Nobody is in custody.\n\n"
                         "Both men were treated at the infirmary. No one has been arrested "
                         "in the shootings, police said."),
        _article("b", 6, "Officers arrested a 30-year-old man in the Quay Street shootings, "
                         "police said."),
    ]
    facts = extract_articles(articles, rules)
    _, _, found = cross_check(facts, articles, rules)
    cited = found.filter(found["rule"] == "FC106")["fact_ids"].explode()
    texts = facts.filter(facts["fact_id"].is_in(cited.implode()))["text"].to_list()
    assert "No one has been arrested" in texts and "Nobody is in custody" not in texts
