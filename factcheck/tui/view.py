"""What the review screens read: a pipeline Result indexed for display.

Plain Python, no Textual: the screens ask this module which rows to show, in
which order, and what a story's fact matrix holds. It only looks things up
in the tables the pipeline produced (DESIGN.md: the TUI computes no facts);
filtering, sorting and searching are about what the person wants to see.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

import polars as pl

from ..model import SEVERITY_ORDER, TriageState
from ..report.display import odd_fields, person_parts, person_title, reported_fields, when
from ..report.findings import article_labels, articles_meta, relabel, short_where

TRIAGE_STATES = tuple(s.value for s in TriageState)
SORTS = ("severity", "kind", "subject")


@dataclass(frozen=True, slots=True)
class Filters:
    """What the discrepancy list is narrowed to; None means any."""

    severity: str | None = None
    kind: str | None = None
    source: str | None = None
    triage: str | None = None
    search: str = ""

    def active(self) -> bool:
        return self != Filters()

    def with_search(self, text: str) -> Filters:
        return replace(self, search=text.strip())

    def describe(self) -> str:
        parts = [f"{name}={value}" for name, value in (
            ("severity", self.severity), ("kind", self.kind),
            ("source", self.source), ("triage", self.triage)) if value]
        if self.search:
            parts.append(f"/{self.search}")
        return " ".join(parts)


@dataclass(frozen=True, slots=True)
class Row:
    """One discrepancy as the list shows it."""

    key: str  # unique in the list: the id, suffixed if the id repeats
    id: str  # the fingerprint; triage decisions are keyed by it
    rule: str
    name: str
    kind: str
    severity: str
    status: str
    story: str
    group: str
    subject: str
    message: str
    detail: str
    score: float | None
    fact_ids: tuple[str, ...]
    sources: tuple[str, ...]  # the sources whose facts it cites, in first-cited order
    haystack: str = field(repr=False)  # lower-cased text `/` searches


@dataclass(frozen=True, slots=True)
class Cell:
    """One source's facts in one aligned group of the fact matrix."""

    text: str
    fact_ids: tuple[str, ...]
    discrepancy: str | None  # the key of a discrepancy citing one of these facts, if any
    # Whether these facts are the ones at odds (a discrepancy's first fact is its
    # outlier; the rest are the consensus it contradicts).
    outlier: bool = False


@dataclass(frozen=True, slots=True)
class MatrixRow:
    group: str
    subject: str
    cells: dict[str, Cell]


@dataclass(frozen=True, slots=True)
class Matrix:
    story: str
    sources: tuple[str, ...]
    rows: tuple[MatrixRow, ...]


@dataclass(frozen=True, slots=True)
class PersonRow:
    person: str
    name: str  # the fullest name any article gives
    cells: dict[str, Cell]  # by article id


@dataclass(frozen=True, slots=True)
class PeopleTable:
    story: str
    articles: tuple[str, ...]
    rows: tuple[PersonRow, ...]


def format_time(moment: datetime | None) -> str:
    return when(moment, "no date")


class Review:
    """A Result's tables, indexed by discrepancy, fact, article and story."""

    def __init__(self, result: Any):
        self.result = result
        self.articles = {a.id: a for a in result.articles}
        self.facts: dict[str, dict[str, Any]] = {
            f["fact_id"]: f for f in result.facts.to_dicts()
        }
        self.facts_by_article: dict[str, list[dict[str, Any]]] = {}
        for fact in self.facts.values():
            self.facts_by_article.setdefault(fact["article"], []).append(fact)
        for facts in self.facts_by_article.values():
            facts.sort(key=lambda f: (f["start"], f["end"]))
        # How each article is named on screen: its outlet, told apart from
        # another article of the same outlet in its story by title or time.
        self.meta = articles_meta(result)
        self.labels = article_labels(self.meta)
        for arts in result.stories.group_by("story", maintain_order=True).agg("article").rows():
            self.labels.update(article_labels(self.meta, arts[1]))
        self.rows: list[Row] = []
        self.keys: dict[str, list[str]] = {}  # fingerprint → the keys of its rows
        for d in result.discrepancies.to_dicts():
            # Two rows with one fingerprint share a triage decision; both stay
            # in the list so no evidence is hidden.
            seen = self.keys.setdefault(d["id"], [])
            key = d["id"] if not seen else f"{d['id']}~{len(seen) + 1}"
            seen.append(key)
            self.rows.append(self._row(d, key))
        self.by_key = {r.key: r for r in self.rows}
        self.checks: dict[str, Any] = dict(result.rules.checks)


    def label(self, article: str) -> str:
        return self.labels.get(article) or article

    def where(self, fact: dict[str, Any]) -> str:
        """A fact's short location (a JSON Lines record: file, line, short id)."""
        return short_where(self.meta, fact)

    def _row(self, d: dict[str, Any], key: str) -> Row:
        fact_ids = tuple(d["fact_ids"] or ())
        sources: list[str] = []
        texts: list[str] = []
        for fid in fact_ids:
            fact = self.facts.get(fid)
            if fact is None:
                continue
            texts.append(fact["text"] or "")
            source = fact["source"] or fact["article"]
            if source not in sources:
                sources.append(source)
        text = lambda key: d.get(key) or ""  # noqa: E731 - empty cells read as ""
        cited_facts = [self.facts[f] for f in fact_ids if f in self.facts]
        message = relabel(text("message"), cited_facts, self.labels)
        haystack = " ".join([text("rule"), text("name"), text("kind"), text("subject"),
                             text("message"), text("story"), *sources, *texts]).lower()
        return Row(key=key, id=d["id"], rule=text("rule"), name=text("name"), kind=text("kind"),
                   severity=text("severity"), status=text("status"), story=text("story"),
                   group=text("group"), subject=text("subject"), message=message,
                   detail=text("detail"), score=d.get("score"), fact_ids=fact_ids,
                   sources=tuple(sources), haystack=haystack)

    # What the filter choices offer: only values that occur, in a fixed order.
    def severities(self) -> list[str]:
        present = {r.severity for r in self.rows}
        return sorted(present, key=lambda s: (SEVERITY_ORDER.get(s, 9), s))

    def kinds(self) -> list[str]:
        return sorted({r.kind for r in self.rows})

    def sources(self) -> list[str]:
        return sorted({s for r in self.rows for s in r.sources})

    def visible(self, filters: Filters, sort: str,
                triage_state: Callable[[str], str]) -> list[Row]:
        """The rows `filters` let through, in `sort` order (ties keep table order)."""
        needle = filters.search.lower()
        rows = [
            r for r in self.rows
            if (filters.severity is None or r.severity == filters.severity)
            and (filters.kind is None or r.kind == filters.kind)
            and (filters.source is None or filters.source in r.sources)
            and (filters.triage is None or triage_state(r.id) == filters.triage)
            and (not needle or needle in r.haystack)
        ]
        severity = lambda r: SEVERITY_ORDER.get(r.severity, 9)  # noqa: E731
        keys: dict[str, Callable[[Row], tuple[Any, ...]]] = {
            "severity": lambda r: (severity(r), r.kind, r.subject.lower()),
            "kind": lambda r: (r.kind, severity(r), r.subject.lower()),
            "subject": lambda r: (r.subject.lower(), severity(r), r.kind),
        }
        return sorted(rows, key=keys[sort])

    def check_doc(self, rule: str) -> dict[str, Any]:
        doc = self.checks.get(rule)
        return doc if isinstance(doc, dict) else {}

    def evidence(self, row: Row) -> list[dict[str, Any]]:
        """The facts a discrepancy cites, as their rows in the facts table."""
        return [self.facts[f] for f in row.fact_ids if f in self.facts]

    # The fact matrix: aligned groups of a story against its sources.
    def stories(self) -> list[str]:
        groups = self.result.groups
        found = groups.get_column("story").unique(maintain_order=True).to_list()
        for row in self.rows:  # a discrepancy's story always has a matrix
            if row.story not in found:
                found.append(row.story)
        return [s for s in found if s is not None]

    def matrix(self, story: str) -> Matrix:
        groups = self.result.groups.filter(pl.col("story") == story)
        members: dict[str, list[str]] = {}
        for g, fid in zip(groups["group"].to_list(), groups["fact_id"].to_list(), strict=True):
            members.setdefault(g, []).append(fid)
        for row in self.rows:  # groups that reach the matrix only through a discrepancy
            if row.story == story and row.group not in members:
                members[row.group] = list(row.fact_ids)
        cited: dict[tuple[str, str], str] = {}
        outliers: set[tuple[str, str]] = set()
        for row in sorted(self.rows, key=lambda r: SEVERITY_ORDER.get(r.severity, 9)):
            for fid in row.fact_ids:
                cited.setdefault((row.group, fid), row.key)
            if row.fact_ids:
                outliers.add((row.group, row.fact_ids[0]))
        sources: list[str] = []
        rows: list[MatrixRow] = []
        for group, fids in members.items():
            facts = [self.facts[f] for f in fids if f in self.facts]
            by_source: dict[str, list[dict[str, Any]]] = {}
            for fact in facts:  # a column an article, named as everywhere else
                by_source.setdefault(self.label(fact["article"]), []).append(fact)
            cells = {}
            for source, sfacts in by_source.items():
                ids = tuple(f["fact_id"] for f in sfacts)
                hit = next((cited[(group, i)] for i in ids if (group, i) in cited), None)
                cells[source] = Cell(" / ".join(f["text"] for f in sfacts), ids, hit,
                                     any((group, i) in outliers for i in ids))
            subject = next((r.subject for r in self.rows if r.group == group), "")
            if not subject and facts:
                subject = facts[0]["subject"] or facts[0]["text"]
            rows.append(MatrixRow(group, subject, cells))
            sources.extend(s for s in by_source if s not in sources)
        return Matrix(story, tuple(sorted(sources)), tuple(rows))

    def citing(self, fact_ids: Any) -> str | None:
        """The key of the most severe discrepancy citing one of `fact_ids`."""
        wanted = set(fact_ids or ())
        hits = [r for r in self.rows if wanted & set(r.fact_ids)]
        hits.sort(key=lambda r: SEVERITY_ORDER.get(r.severity, 9))
        return hits[0].key if hits else None

    def stories_with(self, what: str) -> list[str]:
        """Stories that have rows in the `people` or `timeline` table."""
        table = getattr(self.result, what)
        return sorted(s for s in table["story"].unique().to_list() if s is not None)

    def people(self, story: str) -> PeopleTable:
        table = self.result.people.filter(pl.col("story") == story)
        articles = [a for a in self.meta if a in set(table["article"].to_list())]
        persons: dict[str, dict[str, dict[str, Any]]] = {}
        for r in table.iter_rows(named=True):
            persons.setdefault(r["person"], {}).setdefault(r["article"], r)
        reported = reported_fields((r.subject, r.fact_ids) for r in self.rows
                                   if r.story == story)
        rows = []
        for person, cells in sorted(persons.items(), key=lambda p: (-len(p[1]), p[0])):
            names = [c["name"] for c in cells.values() if c["name"]]
            title = person_title(names, person)
            odd = {a for a, _ in odd_fields(cells, reported)}
            rows.append(PersonRow(person, title, {
                a: Cell(" / ".join(t for _, t in person_parts(c)), tuple(c["fact_ids"] or ()),
                        self.citing(c["fact_ids"]), a in odd)
                for a, c in cells.items()}))
        return PeopleTable(story, tuple(articles), tuple(rows))

    def timeline(self, story: str) -> list[dict[str, Any]]:
        table = self.result.timeline.filter(pl.col("story") == story)
        return sorted(table.iter_rows(named=True),
                      key=lambda r: (r["series"] or "", r["published"] is None,
                                     r["published"] or 0, r["article"]))

    def summary(self) -> str:
        return (f"{len(self.articles)} articles, {len(self.facts)} facts, "
                f"{len(self.rows)} discrepancies")
