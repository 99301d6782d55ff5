"""Hand-wrapped copy reads as the unwrapped copy does: a line break inside a
sentence of a Markdown paragraph is a space to the parser, never to offsets."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.ingest.soft_wraps import unwrap

WRAPPED = """---
title: Ferry fire
source: Test Wire
story: ferry
---
Harbour Minister Ola Brandt said the crew of 14 was rescued. The skipper, Ivo Ruud, was in critical
condition on Tuesday, and the ferry sank at 10:20
p.m. near Kelby Point.

- first item
- second item
# A heading
the line after it
"""


def test_a_paragraphs_line_breaks_are_spaces_and_blocks_keep_theirs():
    body = WRAPPED.split("---\n", 2)[2]
    out = unwrap(body, markdown=True)
    assert len(out) == len(body)
    assert "in critical condition on Tuesday" in out
    assert "at 10:20 p.m. near" in out
    # Paragraph breaks, list items and a heading stay lines of their own.
    assert "Point.\n\n- first item\n- second item\n# A heading\nthe line" in out


def test_a_hard_break_and_plain_texts_lines_stay():
    assert unwrap("One line  \nthe next", markdown=True) == "One line  \nthe next"
    assert unwrap("A line\r\nthe next", markdown=True) == "A line  the next"
    # Plain text: only a break inside a sentence (no stop, next in lower case).
    assert unwrap("shot at 10:20\np.m. on Friday", markdown=False) == "shot at 10:20 p.m. on Friday"
    assert unwrap("Three dead in crash\nThree people died.", markdown=False) == \
        "Three dead in crash\nThree people died."
    assert unwrap("He died.\nthen more", markdown=False) == "He died.\nthen more"


@pytest.mark.parametrize("wrapped", [True, False])
def test_a_wrapped_article_gives_the_facts_of_an_unwrapped_one(tmp_path: Path, wrapped: bool):
    from factcheck.run.pipeline import run

    text = WRAPPED if wrapped else WRAPPED.replace("critical\ncondition", "critical condition") \
        .replace("10:20\np.m.", "10:20 p.m.")
    (tmp_path / "wire.md").write_text(text, encoding="utf-8")
    facts = run([str(tmp_path)]).facts
    got = {(r["entity"], r["attribute"], r["attribute_value"]) for r in facts.iter_rows(named=True)}
    assert ("Ivo Ruud", "condition", "critical") in got
    times = facts.filter(facts["kind"] == "time")
    assert times["value"].to_list() == [22 * 60 + 20]
    # The cited text is the article's own, line break and all.
    assert times["text"].to_list() == ["10:20\np.m." if wrapped else "10:20 p.m."]
    assert times["line"].to_list() == [7 if wrapped else 6]
    # The sentence is the text spaCy read: one line.
    assert "sank at 10:20 p.m. near Kelby Point." in times["sentence"][0]
    state = facts.filter(facts["attribute"] == "condition")
    assert "was in critical condition on Tuesday" in state["sentence"][0]
