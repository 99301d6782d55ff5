"""The Markdown report as an editor reads it: index first, findings first,
outlets told apart, people matrix and timeline, dates as dates."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime

import polars as pl

from factcheck.facts import PEOPLE_SCHEMA, STORIES_SCHEMA, TIMELINE_SCHEMA, frame
from factcheck.report import render
from factcheck.report.display import fact_value, when
from factcheck.report.findings import article_labels, articles_meta, relabel
from factcheck.report.markdown import sparkline
from tests.report_support import synthetic_result

GAZETTE, TIDE = "news/coast-gazette.md", "news/tide-times.md"


def _with_quiet_story(r):
    """A second story, listed before 'harbour' by id, with no finding."""
    quiet = dataclasses.replace(r.articles[0], id="news/allotments.md", path="news/allotments.md",
                                title="Allotment waiting list grows")
    r.articles = [quiet, *r.articles]
    r.stories = pl.concat([frame([{"article": quiet.id, "story": "allotments",
                                   "how": "grouped"}], STORIES_SCHEMA), r.stories])
    return r


def test_index_on_top_findings_first_quiet_stories_last():
    md = render("markdown", _with_quiet_story(synthetic_result()), output="reports/r.md")
    lines = md.splitlines()
    assert lines[2] == ("**3 articles · 2 stories · 6 facts · 2 discrepancies** "
                        "(1 error · 1 warning)")
    index = lines.index("| # | severity | rule | story | subject | outlets |")
    assert lines[index + 2] == ("| [1](#d1) | error | FC101 numeric-mismatch | "
                                "[harbour](#story-harbour) | harbour wall | "
                                "Tide Times, Coast Gazette |")
    # Every index link has its anchor.
    assert '#### <a id="d1"></a>1. FC101' in md and '<a id="story-harbour"></a>' in md
    # The story with findings comes before the quiet one, which is one line at the end.
    assert md.index("Story: harbour") < md.index("## Stories without findings")
    assert "Story: allotments" not in md
    assert lines[-1] == "- allotments: 1 article (Coast Gazette)"


def _two_from_one_outlet():
    r = synthetic_result()
    second = dataclasses.replace(r.articles[1], source="Coast Gazette")
    r.articles = [r.articles[0], second]
    r.facts = r.facts.with_columns(pl.lit("Coast Gazette").alias("source"))
    return r


def test_two_articles_of_one_outlet_are_told_apart_in_columns_and_messages():
    r = _two_from_one_outlet()
    labels = article_labels(articles_meta(r))
    assert labels == {GAZETTE: "Coast Gazette (“Harbour wall repairs approved”)",
                      TIDE: "Coast Gazette (“Town agrees sea defence spending”)"}
    md = render("markdown", r)
    assert ("| # | fact | Coast Gazette (“Harbour wall repairs approved”) | "
            "Coast Gazette (“Town agrees sea defence spending”) |") in md
    ev = [{"source": "Coast Gazette", "article": TIDE},
          {"source": "Coast Gazette", "article": GAZETTE}]
    assert relabel("Coast Gazette says £21m; Coast Gazette says £12m", ev, labels) == (
        "Coast Gazette (“Town agrees sea defence spending”) says £21m; "
        "Coast Gazette (“Harbour wall repairs approved”) says £12m")
    text = render("text", r, full=True)
    assert "  ✗ Coast Gazette (“Town agrees sea defence spending”)" in text


def test_the_same_title_falls_back_to_the_time():
    r = _two_from_one_outlet()
    r.articles = [dataclasses.replace(a, title="Harbour") for a in r.articles]
    labels = article_labels(articles_meta(r))
    assert labels[TIDE] == "Coast Gazette (2025-03-02 11:30 UTC)"


def test_people_matrix_marks_the_odd_one_out():
    r = synthetic_result()
    third = dataclasses.replace(r.articles[0], id="news/bay.md", path="news/bay.md",
                                source="Bay Echo")
    r.articles.append(third)
    r.stories = pl.concat([r.stories, frame([{"article": third.id, "story": "harbour",
                                              "how": "grouped"}], STORIES_SCHEMA)])
    r.people = frame([
        {"person": "p1", "story": "harbour", "article": GAZETTE, "name": "Ada Brook",
         "age": 52.0, "role": "mayor"},
        {"person": "p1", "story": "harbour", "article": TIDE, "name": "Brook", "age": 25.0,
         "role": "mayor"},
        {"person": "p1", "story": "harbour", "article": third.id, "name": "Mayor Brook",
         "age": 52.0, "role": "mayor"},
        {"person": "p2", "story": "harbour", "article": TIDE, "name": "Tom Reed",
         "age": 0.75, "condition": "stable"},
    ], PEOPLE_SCHEMA)
    brook_in_tide = (pl.col("article") == TIDE) & (pl.col("person") == "p1")
    r.people = r.people.with_columns(fact_ids=pl.when(brook_in_tide).then(
        pl.lit(["f-age"])).otherwise(pl.lit([], dtype=pl.List(pl.String))))
    md = render("markdown", r)
    assert "### People" in md
    # The ages differ but no finding says so (an age the checks did not
    # compare): nothing is marked.
    assert ("| Mayor Brook | Ada Brook / age 52 / mayor | Brook / age 25 / mayor | "
            "Mayor Brook / age 52 / mayor |") in md
    age = {"id": "fp-age", "rule": "FC302", "name": "person-age-mismatch", "kind": "person",
           "severity": "warning", "status": "conflict", "story": "harbour", "group": None,
           "subject": "Ada Brook · age", "score": 0.9, "message": "ages differ",
           "detail": "ages 25 and 52 years", "fact_ids": ["f-age"]}
    r.discrepancies = pl.concat([r.discrepancies, pl.DataFrame([age],
                                                               schema=r.discrepancies.schema)])
    md = render("markdown", r)
    assert ("| Mayor Brook | Ada Brook / age 52 / mayor | Brook / ⚠ **age 25** / mayor | "
            "Mayor Brook / age 52 / mayor |") in md
    # Named once, Tom Reed was compared with nobody: one line, not a row.
    assert "| Tom Reed |" not in md
    assert "Named in one article only: Tom Reed." in md
    r.people = r.people.with_columns(
        pl.when(pl.col("person") == "p2").then(pl.lit([r.discrepancies["fact_ids"][0][0]]))
        .otherwise(pl.col("fact_ids")).alias("fact_ids"))
    # Cited by a finding, he has his row.
    assert "| Tom Reed | · | Tom Reed / age 9 months / stable | · |" in render("markdown", r)


def test_timeline_table_and_chart():
    r = synthetic_result()
    t0 = datetime(2025, 3, 2, 8, tzinfo=UTC)
    r.timeline = frame([
        {"story": "harbour", "series": "killed", "article": GAZETTE, "published": t0,
         "value": 2.0, "text": "two people died", "status": "first"},
        {"story": "harbour", "series": "killed", "article": TIDE,
         "published": t0.replace(hour=11, minute=30), "value": 5.0, "text": "five dead",
         "status": "update"},
    ], TIMELINE_SCHEMA)
    md = render("markdown", r)
    assert "- **killed** `▁█` 2 → 5" in md
    assert "| 2025-03-02 11:30 UTC | Tide Times | killed | five dead | 5 | update |" in md
    assert sparkline([3, 3, 3]) == "▄▄▄" and sparkline([1, 2, 3]) == "▁▅█"


def test_dates_read_as_dates():
    assert when(datetime(2016, 9, 2, tzinfo=UTC)) == "2016-09-02"
    assert when(datetime(2016, 9, 2, 14, 5, tzinfo=UTC)) == "2016-09-02 14:05 UTC"
    # A date fact's value is days since 1970-01-01.
    assert fact_value({"kind": "date", "value": 20131.0, "low": 20131.0,
                       "high": 20131.0}) == "2025-02-12"
    assert fact_value({"kind": "age", "value": 30.0, "unit": "year", "qualifier": "exact",
                       "low": 30.0, "high": 30.0}) == "30 years  exact  [30, 30]"
    r = synthetic_result()
    r.articles = [dataclasses.replace(a, published=datetime(2016, 9, 2, tzinfo=UTC))
                  for a in r.articles]
    assert "| Coast Gazette | 2016-09-02 | Harbour" in render("markdown", r)
    # extract's table: a weekday read as a date shows the date, not a day number.
    from factcheck.facts import facts_frame
    from factcheck.report.table import facts_table

    day = facts_frame([{"article": "a.md", "line": 3, "column": 5, "kind": "date",
                        "text": "Wednesday", "value": 20131.0, "low": 20131.0,
                        "high": 20131.0, "unit": "day", "qualifier": "exact"}])
    assert facts_table(day).splitlines()[0] == "a.md:3:5: date      'Wednesday' → 2025-02-12"


def test_the_review_app_names_articles_as_the_reports_do():
    from factcheck.tui.view import Review

    r = _two_from_one_outlet()
    # As compare writes it once both articles are the same outlet's.
    r.discrepancies = r.discrepancies.with_columns(
        pl.lit("Coast Gazette says £21m; Coast Gazette says £12m").alias("message"))
    review = Review(r)
    row = next(x for x in review.rows if x.id == "fp-money-harbour")
    assert row.message == ("Coast Gazette (“Town agrees sea defence spending”) says £21m; "
                           "Coast Gazette (“Harbour wall repairs approved”) says £12m")
    assert review.label(TIDE) == "Coast Gazette (“Town agrees sea defence spending”)"


def test_a_persons_row_is_named_as_most_articles_spell_them():
    from factcheck.report.display import person_title

    # One outlet doubles a letter: the row keeps the spelling the others use.
    assert person_title(["Eliot Isaac", "Elliot Isaac", "Eliot Isaac"], "p") == "Eliot Isaac"
    # A fuller name wins over a more common shorter one; a description loses to any name.
    assert person_title(["Ann Lee", "Ann Lee", "Ann Marie Lee"], "p") == "Ann Marie Lee"
    assert person_title(["the 40-year-old woman", "Lee"], "p") == "Lee"
    assert person_title([], "person-1") == "person-1"
