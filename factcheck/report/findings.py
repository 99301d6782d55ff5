"""What every report format reads the same way: the articles' metadata, the
facts a discrepancy cites, the triage state, the order, so the formats agree
with each other on what they show and in which order.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Any

import polars as pl

from ..model import Severity, TriageState
from .display import when

if TYPE_CHECKING:
    from ..facts import Result

# Articles whose offsets are offsets into the file on disk, so line/column
# point at the file (HTML offsets are into the extracted text, JSON Lines
# offsets into one record's `text`).
_FILE_POSITIONS = {".md", ".markdown", ".txt"}


@dataclass(frozen=True)
class ArticleMeta:
    id: str
    path: str
    source: str
    title: str
    published: datetime | None
    story: str | None
    record_line: int | None = None  # a JSON Lines record's line in its file

    @property
    def file_positions(self) -> bool:
        return self.id == self.path and PurePosixPath(self.path).suffix.lower() in _FILE_POSITIONS


def articles_meta(result: Result) -> dict[str, ArticleMeta]:
    """Article id → metadata, in the batch's order.

    With `check --facts` there are no Article records: the facts table carries
    each article's source, time and story, so take them from there.
    """
    stories = {}
    if not result.stories.is_empty():
        stories = dict(zip(result.stories["article"].to_list(),
                           result.stories["story"].to_list(), strict=True))
    out: dict[str, ArticleMeta] = {}
    for a in result.articles:
        out[a.id] = ArticleMeta(a.id, a.path, a.source, a.title, a.published,
                                stories.get(a.id, a.story), getattr(a, "line", None))
    if not result.articles:
        cols = ["article", "source", "published", "story"]
        for r in result.facts.select(cols).unique("article", maintain_order=True).iter_rows():
            art, source, published, story = r
            out[art] = ArticleMeta(art, art, source or "", "", published, stories.get(art, story))
    return out


def where_label(meta: dict[str, ArticleMeta], fact: dict[str, Any]) -> str:
    """`path:line:col` of a fact; `file[record]:line:col` for a JSON Lines record."""
    m = meta.get(fact["article"])
    pos = f"{fact['line']}:{fact['column']}"
    if m is None or m.id == m.path:
        return f"{fact['article']}:{pos}"
    return f"{m.path}[{m.id}]:{pos}"


def short_id(record: str, width: int = 14) -> str:
    return record if len(record) <= width else record[: width - 1] + "…"


def short_where(meta: dict[str, ArticleMeta], fact: dict[str, Any]) -> str:
    """Where a finding is, as short as stays unambiguous: `path:line:col` for a
    file; for a JSON Lines record the file, the record's line and a short id
    (the position inside the record's text means nothing in the file)."""
    m = meta.get(fact["article"])
    if m is None or m.id == m.path:
        return f"{fact['article']}:{fact['line']}:{fact['column']}"
    line = f":{m.record_line}" if m.record_line is not None else ""
    return f"{m.path}{line} [{short_id(m.id)}]"


def located_in(result: Result) -> dict[str, str]:
    """Discrepancy id → the file its first fact is in (where it is reported)."""
    facts = facts_by_id(result)
    meta = articles_meta(result)
    out: dict[str, str] = {}
    for d in result.discrepancies.select("id", "fact_ids").iter_rows(named=True):
        ev = cited(d, facts)
        if ev:
            m = meta.get(ev[0]["article"])
            out.setdefault(d["id"], m.path if m else ev[0]["article"])
    return out


def outlet(source: str) -> str:
    """A source as a person names the outlet: a web port (`:80`, `:443`) dropped,
    so `example.com:80` and `example.com` are one outlet."""
    return re.sub(r":(80|443)$", "", source or "")


def article_labels(meta: dict[str, ArticleMeta], articles: list[str] | None = None,
                   width: int = 32) -> dict[str, str]:
    """A name for each article that tells two articles of one outlet apart: the
    source alone, or the source and a short title (or its time, or its id when
    the titles are alike too). `articles`: the ones shown together (a story)."""
    ids = list(meta) if articles is None else [a for a in articles if a in meta]
    by_source: dict[str, list[str]] = {}
    for a in ids:
        by_source.setdefault(outlet(meta[a].source) or a, []).append(a)
    out = {}
    for source, arts in by_source.items():
        if len(arts) == 1:
            out[arts[0]] = source
            continue
        titles = [_short(meta[a].title, width) for a in arts]
        times = [when(meta[a].published) for a in arts]
        for a, title, time in zip(arts, titles, times, strict=True):
            if title and titles.count(title) == 1:
                extra = f"“{title}”"
            elif times.count(time) == 1 and meta[a].published is not None:
                extra = time
            else:
                extra = short_id(PurePosixPath(meta[a].id).stem or meta[a].id, 20)
            out[a] = f"{source} ({extra})"
    return out


def _short(s: str, width: int) -> str:
    s = " ".join((s or "").split())
    return s if len(s) <= width else s[: width - 1].rstrip() + "…"


def relabel(message: str, ev: list[dict[str, Any]], labels: dict[str, str]) -> str:
    """The message with each outlet named as the report names its articles:
    where two of the story's articles are from one outlet ("example.com says
    six; example.com says five"), the name's occurrences, in order, take the
    labels of that outlet's cited articles, in the order they are cited."""
    arts_of: dict[str, list[str]] = {}
    for f in ev:
        if f["source"] and f["article"] not in arts_of.setdefault(f["source"], []):
            arts_of[f["source"]].append(f["article"])
    arts_of = {s: a for s, a in arts_of.items()
               if any(labels.get(x, s) != s for x in a)}
    if not arts_of:
        return message
    seen: Counter[str] = Counter()

    def name(m: re.Match[str]) -> str:
        source = m.group(0)
        arts = arts_of[source]
        seen[source] += 1
        return labels.get(arts[min(seen[source], len(arts)) - 1], source)

    # One pass, longest names first, so "x.com:80" is never read as "x.com".
    pattern = "|".join(re.escape(s) for s in sorted(arts_of, key=len, reverse=True))
    return re.sub(pattern, name, message)


def iso(moment: datetime | None) -> str | None:
    if moment is None:
        return None
    return moment.isoformat().replace("+00:00", "Z")


def triage_state(row: dict[str, Any]) -> str:
    return row.get("triage") or TriageState.NEW.value


def facts_by_id(result: Result, *, aligned: bool = False) -> dict[str, dict[str, Any]]:
    """Rows of the facts the discrepancies cite (and, with `aligned`, of every
    fact in an aligned group), by id. Never the whole table: as dicts, the
    facts of a million words take gigabytes."""
    ids = result.discrepancies["fact_ids"].explode().drop_nulls()
    if aligned:
        ids = pl.concat([ids, result.groups["fact_id"]])
    wanted = result.facts.filter(pl.col("fact_id").is_in(ids.unique().implode()))
    return {r["fact_id"]: r for r in wanted.iter_rows(named=True)}


def cited(d: dict[str, Any], facts: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """The facts a discrepancy cites, in the order the cross-check gave."""
    return [facts[f] for f in d["fact_ids"] or [] if f in facts]


def discrepancies(result: Result, facts: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """Discrepancy rows, ordered by where their first fact is, then rule and id.

    The order of the table already is deterministic; sorting here makes every
    format list findings file by file like a linter, whatever the engine did.
    `facts`: the renderer's `facts_by_id`, so the rows are looked up once.
    """

    def key(d: dict[str, Any]) -> tuple:
        ev = cited(d, facts)
        where = (ev[0]["article"], ev[0]["line"], ev[0]["column"]) if ev else ("", 0, 0)
        return (*where, d["rule"] or "", d["id"])

    return sorted(result.discrepancies.iter_rows(named=True), key=key)


def end_position(line: int, column: int, text: str) -> tuple[int, int]:
    """(line, column) just past the last character of `text` found at (line, column)."""
    parts = text.split("\n")
    if len(parts) == 1:
        return line, column + len(text)
    return line + len(parts) - 1, len(parts[-1]) + 1


def counts(result: Result) -> dict[str, Any]:
    """The summary every format shows."""
    rows = result.discrepancies
    sev = Counter(rows["severity"].to_list())
    kinds = Counter(rows["kind"].to_list())
    tri = Counter(triage_state(r) for r in rows.iter_rows(named=True))
    return {
        "articles": len(articles_meta(result)),
        "facts": len(result.facts),
        "discrepancies": len(rows),
        "by_severity": {s.value: sev[s] for s in Severity if sev[s]},
        "by_kind": {k: kinds[k] for k in sorted(kinds)},
        "by_triage": {t.value: tri[t] for t in TriageState if tri[t]},
    }


def checks_of(result: Result) -> dict[str, dict[str, Any]]:
    """Rule metadata by code (rules/checks.yaml); empty if none is loaded."""
    checks = result.rules.checks if result.rules is not None else {}
    return {code: dict(entry) for code, entry in checks.items()}


def plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"
