"""The words every stage shares, typed once: kinds of fact, qualifiers,
severities, statuses, triage states and output formats.

Each is a ``StrEnum``: a member is its string (``Severity.ERROR == "error"``),
so rows, JSON and Polars columns keep plain strings while code and mypy see
one closed list. Extend a list here, document it, never rename a value
(reports, triage files and stores keep them).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any


class Kind(StrEnum):
    """What a fact is (the facts table's `kind`)."""

    MONEY = "money"
    COUNT = "count"
    DURATION = "duration"
    PERCENT = "percent"
    DATE = "date"
    TIME = "time"
    MEASURE = "measure"
    RATE = "rate"
    AGE = "age"
    ATTRIBUTE = "attribute"
    PERSON = "person"


class Qualifier(StrEnum):
    """How exactly the wording gives a number (the facts table's `qualifier`)."""

    EXACT = "exact"
    ABOUT = "about"
    MORE_THAN = "more_than"
    AT_LEAST = "at_least"
    LESS_THAN = "less_than"
    AT_MOST = "at_most"
    RANGE = "range"
    VAGUE = "vague"


class UnitKind(StrEnum):
    """The kinds a unit word in the rules may give a figure."""

    MEASURE = "measure"
    DURATION = "duration"
    PERCENT = "percent"
    AGE = "age"


class Severity(StrEnum):
    """A discrepancy's level, most severe first."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


# Rank of each severity, most severe first: sorting keys and --fail-on floors.
SEVERITY_ORDER: dict[str, int] = {s.value: i for i, s in enumerate(Severity)}


class Status(StrEnum):
    """What a discrepancy is: two articles disagree, or a later one moves a
    running total or a status forward."""

    CONFLICT = "conflict"
    UPDATE = "update"


class TriageState(StrEnum):
    """A person's decision on a finding (the triage file); NEW is no decision."""

    NEW = "new"
    CONFIRMED = "confirmed"
    DISMISSED = "dismissed"


class OutputFormat(StrEnum):
    """The report formats of `factcheck check --format` (one module each in report/)."""

    TEXT = "text"
    JSON = "json"
    MARKDOWN = "markdown"
    SARIF = "sarif"
    GITHUB = "github"
    JUNIT = "junit"
    GITLAB = "gitlab"


# Characters an article may have (--max-article-chars). Real transcripts run to
# a few million; above this an input is more likely a wrong file (a dump, a
# device) than an article, and parsing it would take hours and gigabytes.
MAX_ARTICLE_CHARS = 10_000_000


@dataclass(frozen=True, slots=True)
class Article:
    id: str
    path: str
    source: str
    title: str
    published: datetime | None
    url: str
    story: str | None
    text: str
    body_start: int = 0
    # The line of a JSON Lines record in its file, for error messages.
    line: int | None = None
    # Front matter or record fields beyond the standard ones (e.g. for --story-key).
    extra: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    @property
    def body(self) -> str:
        return self.text[self.body_start :]


# Called with (articles done, articles in all, words done) as work goes on.
Progress = Callable[[int, int, int], None]


@dataclass
class Options:
    rules_dirs: Sequence[str] = ()
    default_rules: bool = True
    # A fact store folder (factcheck.store) the batch is compared with as well.
    against: str | None = None
    model: str | None = None
    jobs: int = 1
    # nlp.pipe batch: 16 was fastest and lighter than 32/64 (docs/scale.md).
    batch_size: int = 16
    story_key: str | None = None
    # Extraction cache folder (factcheck.cache); None: no cache. The CLI turns it on.
    cache_dir: str | None = None
    # "local" (nlp.pipe with up to `jobs` processes) or "dask" (see dask_engine).
    engine: str = "local"
    scheduler: str | None = None
    # Cross-check this facts dataset (dataset.read_dataset) instead of extracting.
    facts: str | None = None
    # An article longer than this is an error (MAX_ARTICLE_CHARS).
    max_article_chars: int = MAX_ARTICLE_CHARS
