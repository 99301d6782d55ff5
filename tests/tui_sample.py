"""A fixed, synthetic Result for the review app's tests and snapshots.

Built by hand (not by the pipeline) so the snapshots do not churn when the
extraction changes: two stories, four sources, every severity, a numeric and
an attributive discrepancy. Offsets are found in the texts, so they are exact.
"""

from __future__ import annotations

from datetime import UTC, datetime

from factcheck.facts import (
    DISCREPANCY_SCHEMA,
    GROUPS_SCHEMA,
    STORIES_SCHEMA,
    Result,
    facts_frame,
    frame,
)
from factcheck.ingest.articles import LineIndex
from factcheck.model import Article
from factcheck.rules.load import Rules

ARTICLES = {
    # id: (source, story, published, title, text)
    "harbour/gazette.md": (
        "Harbour Gazette", "harbour", datetime(2025, 3, 4, 8, 0, tzinfo=UTC),
        "Ferry fares rise as new terminal opens",
        "Ferry fares rise as new terminal opens\n\n"
        "The new ferry terminal cost £42 million and opened on Monday.\n"
        "Port director Ana Ruiz said about 1,200 passengers used it on the first day.\n"
        "Fares rose by 8 percent.\n"),
    "harbour/tribune.md": (
        "Coast Tribune", "harbour", datetime(2025, 3, 4, 11, 30, tzinfo=UTC),
        "Terminal opens to crowds",
        "Terminal opens to crowds\n\n"
        "Building the terminal cost £24 million, the council said.\n"
        "Harbour master Ana Ruiz counted more than 5,000 passengers on the first day.\n"
        "Fares went up 8%.\n"),
    "harbour/echo.md": (
        "Evening Echo", "harbour", datetime(2025, 3, 5, 18, 15, tzinfo=UTC),
        "A busy first day at the port",
        "A busy first day at the port\n\n"
        "The £42m terminal drew some 1,200 travellers on its opening day.\n"
        "Fares rose by 12 percent, according to the operator.\n"),
    "budget/gazette.md": (
        "Harbour Gazette", "budget", datetime(2025, 3, 6, 9, 0, tzinfo=UTC),
        "Schools get more money",
        "Schools get more money\n\n"
        "Education minister Tom Berg announced £300m a year for school repairs.\n"),
    "budget/ledger.md": (
        "City Ledger", "budget", datetime(2025, 3, 6, 10, 0, tzinfo=UTC),
        "Repair fund announced",
        "Repair fund announced\n\n"
        "Finance minister Tom Berg announced £300m over three years for school repairs.\n"),
}

# (fact key, article, text as found, kind, value, low, high, qualifier, unit, per, subject)
NUMBERS = [
    ("cost-g", "harbour/gazette.md", "£42 million", "money", 42e6, 42e6, 42e6, "exact", "GBP",
     None, "terminal cost"),
    ("cost-t", "harbour/tribune.md", "£24 million", "money", 24e6, 24e6, 24e6, "exact", "GBP",
     None, "terminal cost"),
    ("cost-e", "harbour/echo.md", "£42m", "money", 42e6, 42e6, 42e6, "exact", "GBP", None,
     "terminal cost"),
    ("pax-g", "harbour/gazette.md", "about 1,200 passengers", "count", 1200, 1080, 1320, "about",
     "passenger", None, "passengers on the first day"),
    ("pax-t", "harbour/tribune.md", "more than 5,000 passengers", "count", 5000, 5000, None,
     "more_than", "passenger", None, "passengers on the first day"),
    ("pax-e", "harbour/echo.md", "some 1,200 travellers", "count", 1200, 1080, 1320, "about",
     "passenger", None, "passengers on the first day"),
    ("fare-g", "harbour/gazette.md", "8 percent", "percent", 8, 8, 8, "exact", "percent", None,
     "fare rise"),
    ("fare-t", "harbour/tribune.md", "8%", "percent", 8, 8, 8, "exact", "percent", None,
     "fare rise"),
    ("fare-e", "harbour/echo.md", "12 percent", "percent", 12, 12, 12, "exact", "percent", None,
     "fare rise"),
    ("fund-g", "budget/gazette.md", "£300m a year", "rate", 300e6, 300e6, 300e6, "exact", "GBP",
     "year", "school repairs"),
    ("fund-l", "budget/ledger.md", "£300m over three years", "money", 300e6, 300e6, 300e6,
     "exact", "GBP", None, "school repairs"),
]

# (fact key, article, text as found, entity, attribute, value)
ATTRIBUTES = [
    ("role-g", "harbour/gazette.md", "Port director Ana Ruiz", "Ana Ruiz", "role",
     "port director"),
    ("role-t", "harbour/tribune.md", "Harbour master Ana Ruiz", "Ana Ruiz", "role",
     "harbour master"),
    ("min-g", "budget/gazette.md", "Education minister Tom Berg", "Tom Berg", "role",
     "education minister"),
    ("min-l", "budget/ledger.md", "Finance minister Tom Berg", "Tom Berg", "role",
     "finance minister"),
]

# (id, rule, name, kind, severity, status, story, group, subject, message, detail, score, facts)
DISCREPANCIES = [
    ("fp-cost", "FC101", "numeric-mismatch", "money", "error", "conflict", "harbour", "g-cost",
     "terminal cost", "Coast Tribune says £24 million; 2 others say £42 million",
     "intervals [24,000,000, 24,000,000] and [42,000,000, 42,000,000] do not overlap; "
     "tolerance 1%", 0.93, ["cost-t", "cost-g", "cost-e"]),
    ("fp-pax", "FC102", "magnitude-behind-qualifier", "count", "warning", "conflict", "harbour",
     "g-pax", "passengers on the first day",
     "Coast Tribune says more than 5,000 passengers; 2 others say about 1,200",
     "[5,000, ∞) and [1,080, 1,320] do not overlap", 0.88, ["pax-t", "pax-g", "pax-e"]),
    ("fp-fare", "FC101", "numeric-mismatch", "percent", "info", "update", "harbour", "g-fare",
     "fare rise", "Evening Echo says 12 percent, a day after others said 8 percent",
     "later article; may be an update", 0.81, ["fare-e", "fare-g", "fare-t"]),
    ("fp-role", "FC201", "role-mismatch", "attribute", "error", "conflict", "harbour", "g-role",
     "Ana Ruiz: role", "Coast Tribune calls Ana Ruiz harbour master; Harbour Gazette: port "
     "director", "same person, different titles", 0.95, ["role-t", "role-g"]),
    ("fp-rate", "FC103", "rate-as-total", "money", "error", "conflict", "budget", "g-fund",
     "school repairs", "City Ledger says £300m over three years; Harbour Gazette says £300m a "
     "year", "a yearly rate stated as a total", 0.9, ["fund-l", "fund-g"]),
    ("fp-min", "FC201", "role-mismatch", "attribute", "warning", "conflict", "budget", "g-min",
     "Tom Berg: role", "City Ledger calls Tom Berg finance minister; Harbour Gazette: "
     "education minister", "same person, different titles", 0.97, ["min-l", "min-g"]),
]

CHECKS = {
    "FC101": {"name": "numeric-mismatch", "what": "Same figure, values that cannot both hold.",
              "why": "One outlet has the number wrong.", "fix": "Check the primary source."},
    "FC201": {"name": "role-mismatch", "what": "Same person, different titles.",
              "why": "A wrong title misleads readers.", "fix": "Check the official title."},
}


def _article(aid: str) -> Article:
    source, story, published, title, text = ARTICLES[aid]
    return Article(id=aid, path=aid, source=source, title=title, published=published,
                   url=f"https://example.org/{aid}", story=story, text=text)


def _place(article: Article, found: str) -> dict:
    """Offsets, line, column and sentence of `found` in the article's text."""
    start = article.text.index(found)
    line_start = article.text.rfind("\n", 0, start) + 1
    line_end = article.text.index("\n", start)
    line, column = LineIndex(article.text).line_col(start)
    return {"article": article.id, "start": start, "end": start + len(found), "text": found,
            "line": line, "column": column, "sentence": article.text[line_start:line_end],
            "sentence_start": line_start, "source": article.source,
            "published": article.published, "story": article.story}


def sample_result(*, discrepancies: bool = True, articles: bool = True) -> Result:
    arts = [_article(a) for a in ARTICLES] if articles else []
    by_id = {a.id: a for a in arts}
    facts, ids = [], {}
    for key, aid, found, kind, value, low, high, qualifier, unit, per, subject in NUMBERS:
        if aid not in by_id:
            continue
        row = _place(by_id[aid], found) | {
            "fact_id": f"f-{key}", "kind": kind, "value": value, "low": low, "high": high,
            "qualifier": qualifier, "unit": unit, "per": per, "subject": subject,
            "pattern": "sample"}
        facts.append(row)
        ids[key] = row["fact_id"]
    for key, aid, found, entity, attribute, value in ATTRIBUTES:
        if aid not in by_id:
            continue
        row = _place(by_id[aid], found) | {
            "fact_id": f"f-{key}", "kind": "attribute", "entity": entity,
            "attribute": attribute, "attribute_value": value, "subject": entity,
            "pattern": "sample"}
        facts.append(row)
        ids[key] = row["fact_id"]
    facts.sort(key=lambda r: (r["article"], r["start"]))
    disc = []
    groups = []
    if discrepancies and arts:
        for (fp, rule, name, kind, sev, status, story, group, subject, message, detail, score,
             keys) in DISCREPANCIES:
            disc.append({"id": fp, "rule": rule, "name": name, "kind": kind, "severity": sev,
                         "status": status, "story": story, "group": group, "subject": subject,
                         "message": message, "detail": detail, "score": score,
                         "fact_ids": [ids[k] for k in keys]})
            groups.extend({"group": group, "story": story, "fact_id": ids[k], "score": score}
                          for k in sorted(keys))
    stories = [{"article": a.id, "story": a.story, "how": "given"} for a in arts]
    # The app reads only the names and docs of the checks: a partial catalogue.
    rules = Rules.model_construct(checks=CHECKS)
    return Result(articles=arts, facts=facts_frame(facts), rules=rules,
                  groups=frame(groups, GROUPS_SCHEMA),
                  discrepancies=frame(disc, DISCREPANCY_SCHEMA),
                  stories=frame(stories, STORIES_SCHEMA))
