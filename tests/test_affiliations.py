"""Schools and workplaces: what extraction reads, and when two names are one body."""

from __future__ import annotations

import pytest

from factcheck.crosscheck.affiliations import Bodies


@pytest.fixture(scope="module")
def bodies(rules):
    return Bodies.of(rules)


@pytest.mark.parametrize(("a", "b", "same"), [
    ("Lincoln High School", "Lincoln High", True),
    ("Lincoln High School", "Lincoln Public Schools", True),
    ("Lincoln High School", "LHS", True),
    ("Fairport's Lincoln High School", "Lincoln High School", True),
    ("Cass Technical High School", "Cass Tech", True),
    ("Southwestern Christian College", "Southwest Christian College", True),
    ("Lincoln Middle School", "Jefferson High School", True),  # two kinds: moved on
    ("Lincoln High School", "Weston University", True),
    ("the high school", "Jefferson High School", True),  # nothing left to tell
    ("Lincoln High School", "Jefferson High School", False),
    ("Garden Hills High School", "Oak Ridge High School", False),
    ("Harmon Foods", "Northgate Hardware store", False),
    ("LHS", "Jefferson High School", False),
], ids=lambda v: str(v))
def test_two_names_of_one_body(bodies, a, b, same):
    assert bodies.same(a, b) is same
    assert bodies.same(b, a) is same


@pytest.mark.parametrize(("a", "b", "same"), [
    ("Lincoln County courthouse", "Lincoln County Sheriff's Office", True),
    ("Kroger", "the Kroger store on Elm Street", True),
    ("Harmon Foods", "Northgate Hardware store", False),
], ids=lambda v: str(v))
def test_two_workplaces_of_one_job(bodies, a, b, same):
    """A job is told by its employer or its building: one word in common will do."""
    assert bodies.same(a, b, loose=True) is same
    assert bodies.same(b, a, loose=True) is same


@pytest.mark.parametrize(("text", "want"), [
    ("Dana Ruiz was a Lincoln High School student.",
     [("Dana Ruiz", None, "Lincoln High School", "school")]),
    ("Marco Pell, a senior at Oak Ridge High School in Maple Grove, was hurt.",
     [("Marco Pell", None, "Oak Ridge High School", "school")]),
    ("Police named Lincoln High School student Marcus Dane as the victim.",
     [("Marcus Dane", None, "Lincoln High School", "school")]),
    ("He said Marco Pell worked at Kroger.", [("Marco Pell", None, "Kroger", "work")]),
    ("Sam Ford worked as a nurse at Mercy Hospital.",
     [("Sam Ford", None, "Mercy Hospital", "work")]),
    ("A Garden Hills High School junior was wounded.",
     [(None, "garden hills high school junior", "Garden Hills High School", "school")]),
    # Once, yet to be, not at all, a group, a place, no school: nothing.
    ("Jo Lee, a former employee of Target, was not hurt.", []),
    ("The boy was a student at the University of Iowa until 2016.", []),
    ("Omar Tell was planning to attend Westfield High School.", []),
    ("Ana Cole was not a student at Hofstra University.", []),
    ("Students at Lincoln High School were sent home.", []),
    ("The Lincoln Herald student newspaper ran the story.", []),
    ("A student from Detroit was hurt.", []),
    ("Marco Pell attended Steve's camp in June.", []),
], ids=lambda v: str(v)[:40])
def test_affiliation_rows(person_rows, text, want):
    rows = person_rows(text, "affiliation")
    for r in rows:  # the span is exact and holds the name
        assert r["attribute_value"] in text[r["start"]:r["end"]]
    assert [(r["entity"], r["subject"], r["attribute_value"], r["attribute_scope"])
            for r in rows] == want
