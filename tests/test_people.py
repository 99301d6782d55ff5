"""People across the batch: the link rules one by one, the people table, its
JSON form, and nobody linked across stories. The checks' own cases are data
in tests/checks/FC3xx.yaml."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from factcheck.crosscheck.people import Person, link, name_parts

SUFFIXES = frozenset({"jr", "jr.", "sr", "iii"})


def _person(article: str, name: str | None, age: float | None = None,
            unit: str = "year", kind: str | None = None) -> Person:
    p = Person(article, "s", 0 if article == "a" else 1, datetime(2024, 1, 1, tzinfo=UTC),
               name=name, kind=kind)
    if age is not None:
        p.ages.append({"value": age, "unit": unit, "start": 0})
    return p


@pytest.mark.parametrize(("a", "b", "linked", "how"), [
    (("Marcus Trell", 17), ("Marcus Trelll", 17), True, "family name spelt differently"),
    (("Kaylin Moss", 19), ("Kaylen Moss", 19), True, "given name spelt differently"),
    (("Moss Kaylin", None), ("Kaylin Moss", None), True, "given and family name swapped"),
    (("Alvin R. Dorsey", 42), ("Alvin Dorsey", 42), True, "same name"),
    (("Alvin Dorsey Jr.", None), ("Alvin Dorsey", None), True, "same name"),
    (("De'Shawn Ortiz-Lee", None), ("DeShawn OrtizLee", None), True, "same name"),
    (("Raylan", 19), ("Raylan Brooks", 19), True, "one name of the two"),
    # Close names, ages far apart: two people.
    (("Tomas Reyes", 34), ("Tobias Reyes", 61), False, None),
    (("John Smith", 25), ("John Smith", 25), True, "same name"),
    (("John Smith", None), ("Mary Jones", None), False, None),
])
def test_link_rules(a, b, linked, how):
    got = link(_person("a", *a), _person("b", *b), SUFFIXES, unique=True)
    assert (got is not None) == linked
    if linked:
        assert got.how == how


def test_a_given_name_spelt_two_ways_is_unsure_without_an_age():
    sure = link(_person("a", "Kaylin Moss", 19), _person("b", "Kaylen Moss", 19), SUFFIXES, True)
    unsure = link(_person("a", "Kaylin Moss"), _person("b", "Kaylen Moss"), SUFFIXES, True)
    assert sure.score >= 0.75 > unsure.score


def test_unnamed_people_of_two_ages_link_only_in_the_same_part():
    boy = _person("a", None, 11, kind="boy")
    other = _person("b", None, 12, kind="boy")
    assert link(boy, other, SUFFIXES, unique=True) is None
    boy.parts.append("victim")
    other.parts.append("suspect")
    assert link(boy, other, SUFFIXES, unique=True) is None
    other.parts[:] = ["victim"]
    assert link(boy, other, SUFFIXES, unique=True) is not None
    assert link(boy, other, SUFFIXES, unique=False) is None
    # The same description and age: the same person when each is the only one.
    twin = _person("b", None, 11, kind="boy")
    assert link(_person("a", None, 11, kind="boy"), twin, SUFFIXES, unique=True).score >= 0.75
    assert link(_person("a", None, 11, kind="girl"), twin, SUFFIXES, unique=True) is None


def test_name_parts_drop_initials_suffixes_and_possessives():
    assert name_parts("Alvin R. Dorsey Jr.", SUFFIXES) == ["alvin", "dorsey"]
    assert name_parts("Dana Pike's", SUFFIXES) == ["dana", "pike"]


def _write(tmp_path: Path, records: list[dict]) -> Path:
    path = tmp_path / "batch.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_the_people_table_and_nobody_linked_across_stories(tmp_path):
    from factcheck.model import Options
    from factcheck.report.json import report
    from factcheck.run.pipeline import run

    path = _write(tmp_path, [
        {"id": "a", "story": "harbour", "source": "north.example",
         "published": "2024-05-04T08:00:00Z",
         "text": "Police said Leon Hart, 18, was shot on Maple Court early on Saturday. "
                 "Hart is in critical condition at the county hospital."},
        {"id": "b", "story": "harbour", "source": "south.example",
         "published": "2024-05-05T08:00:00Z",
         "text": "Leon Hart, 18, who was shot on Maple Court on Saturday, later died at "
                 "the county hospital, police said."},
        # The same name, spelt otherwise, in another story: another person.
        {"id": "c", "story": "market", "source": "east.example",
         "text": "Leon Harte, 18, won the junior rowing race on the river on Sunday."},
    ])
    result = run([str(path)], Options())
    people = result.people
    hart = people.filter(people["story"] == "harbour")
    assert hart["person"].n_unique() == 1
    assert sorted(hart["article"].to_list()) == ["a", "b"]
    assert hart.sort("article")["condition"].to_list() == ["critical", "dead"]
    assert hart["age"].to_list() == [18.0, 18.0]
    assert set(hart["name"].to_list()) == {"Leon Hart"}
    other = people.filter(people["story"] == "market")
    assert other["name"].to_list() == ["Leon Harte"]
    assert other["person"][0] not in hart["person"].to_list()
    rules = set(result.discrepancies["rule"].to_list())
    assert "FC301" not in rules and "FC305" in rules

    listed = report(result)["people"]
    entry = next(p for p in listed if p["story"] == "harbour")
    assert [a["article"] for a in entry["articles"]] == ["a", "b"]
    first = entry["articles"][0]
    text = path.read_text().splitlines()[0]
    assert json.loads(text)["text"][first["start"]:first["end"]] == "Leon Hart"


def test_a_spelling_cites_the_mention_beside_the_age(tmp_path):
    """"Malik, 19," is where the article gives the spelling with the age; the
    finding cites it there, not the first whole name."""
    path = _write(tmp_path, [
        {"id": "a", "story": "shop", "source": "north.example",
         "text": "Two other men, Deon Hollis and Malik Hollis, ran from the shop as shots "
                 "were fired. Both were hit. Family members said Deon, 20, and Malik, 19, "
                 "were the youngest of five."},
        {"id": "b", "story": "shop", "source": "south.example",
         "text": "Police said 19-year-old Malek Hollis and his 20-year-old brother Deon "
                 "Hollis ran from the shop as shots were fired."},
    ])
    assert _cited_by_the_one(path, "FC301") == [("a", "Malik"), ("b", "Malek Hollis")]


def _cited_by_the_one(path: Path, rule: str) -> list[tuple[str, str]]:
    """(article, text) of the facts the one finding of `rule` on `path` cites."""
    from factcheck.model import Options
    from factcheck.run.pipeline import run

    result = run([str(path)], Options())
    found = result.discrepancies.filter(result.discrepancies["rule"] == rule)
    assert found.height == 1
    cited = result.facts.filter(result.facts["fact_id"].is_in(found["fact_ids"][0].to_list()))
    return sorted(zip(cited["article"], cited["text"], strict=True))


@pytest.mark.parametrize(("text", "form"), [
    ("Garcia", "Alexa Garcia"),
    # A name cut at its hyphen, or written without it: the article's double name.
    ("Maria Paredes", "Maria Paredes-Paz"),
    ("Carlos Garcia Cerna", "Carlos Garcia-Cerna"),
    # Another given name is another person.
    ("Lesly Paredes", "Lesly Paredes"),
])
def test_a_mention_takes_the_articles_full_name(text, form):
    from factcheck.crosscheck.people_article import _article_form

    fulls = ["Carlos Garcia-Cerna", "Maria Paredes-Paz", "Alexa Garcia"]
    assert _article_form(text, fulls, SUFFIXES) == form


@pytest.mark.parametrize(("name", "person"), [
    ("Leon Hartwell", True), ("St Anne's", False), ("Bowles Avenue", False),
    ("Alpine ISD", False), ("Mt. Carmel", False), ("Hampton Ave", False), ("Juniper Blvd", False),
    ("Dr. Ana Ruiz", True)])
def test_places_and_bodies_are_no_people(name, person):
    from factcheck.crosscheck.people_article import Words, is_person_name
    from factcheck.rules.load import load_rules

    assert is_person_name(name, Words.of(load_rules()).not_names) is person


def test_the_stabbed_are_victims_even_beside_a_charge(tmp_path):
    from factcheck.model import Options
    from factcheck.run.pipeline import run

    path = _write(tmp_path, [
        {"id": "a", "story": "s", "source": "north.example",
         "text": "Emma Collins, 16, was stabbed near the bus station on Friday night."},
        # A sentence with words of both parts says nothing of hers.
        {"id": "b", "story": "s", "source": "south.example",
         "text": "A man has been charged with murder after Emma Collins, 16, was stabbed "
                 "near the bus station on Friday night."},
    ])
    people = run([str(path)], Options()).people
    emma = people.filter(people["name"] == "Emma Collins")
    parts = dict(zip(emma["article"].to_list(), emma["part"].to_list(), strict=True))
    assert parts["a"] == "victim"
    assert parts["b"] != "suspect"


def test_a_state_is_cited_where_it_is_news_not_where_it_picks_the_person_out(tmp_path):
    """"The man who died" picks the man out by what the reader knows; "the
    shooting that left one man dead" tells it. The finding cites the telling."""
    said = [("a", "north.example", "2024-10-04T08:00:00Z",
             "A man was shot outside a bakery on Pine Street on Friday night. The man "
             "was taken to the county hospital in critical condition, police said."),
            ("b", "south.example", "2024-10-06T08:00:00Z",
             "Detectives said the man who died had argued with a neighbour. A woman "
             "was arrested on Sunday over the shooting that left one man dead.")]
    path = _write(tmp_path, [{"id": i, "story": "bakery", "source": s, "published": p, "text": t}
                             for i, s, p, t in said])
    assert _cited_by_the_one(path, "FC305") == [
        ("a", "critical condition"), ("b", "left one man dead")]


def test_a_one_word_name_the_article_writes_before_a_place_word_is_no_one(tmp_path):
    from factcheck.model import Options
    from factcheck.run.pipeline import run

    path = _write(tmp_path, [
        {"id": "a", "story": "s", "source": "north.example",
         "text": "Shots were fired inside the Marlo Nightclub early on Sunday. Chief Dana "
                 "Ruiz said Marlo is a large venue and hires off-duty officers. Ruiz said "
                 "Marlo would stay closed."},
    ])
    names = set(run([str(path)], Options()).people["name"].to_list())
    assert "Dana Ruiz" in names and not any("Marlo" in n for n in names)


@pytest.mark.parametrize(("text", "part"), [
    # Quoted about the gunman, the chief is still the chief.
    ("Police Chief Dana Ruiz said the gunman fled toward the river after the shooting.",
     "official"),
    # A rank an officer who is shot holds says nothing of the part.
    ("Sergeant Dana Ruiz was shot in the leg as she reached the river.", "victim"),
])
def test_a_title_that_speaks_for_a_body_makes_an_official(tmp_path, text, part):
    from factcheck.model import Options
    from factcheck.run.pipeline import run

    path = _write(tmp_path, [{"id": "a", "story": "s", "source": "north.example",
                              "text": text}])
    people = run([str(path)], Options()).people
    assert people.filter(people["name"] == "Dana Ruiz")["part"].to_list() == [part]
