"""The Markdown report an editor reads: an index of every finding on top, then
the stories that hold findings (most severe first), each with its articles,
people matrix, timeline, fact matrix and the evidence of each finding; the
stories with none are listed in one line each at the end.

Plain GitHub-flavoured Markdown, so it reads as well in a terminal (`less`)
as rendered on GitHub: pipe tables, block quotes, relative links to
`path#Lline`, `<a id>` anchors the index links to. Deterministic: the same
tables give the same bytes.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

import polars as pl

from ..model import SEVERITY_ORDER
from .display import format_number, odd_fields, person_parts, person_title, reported_fields, when
from .findings import (
    ArticleMeta,
    article_labels,
    articles_meta,
    cited,
    counts,
    discrepancies,
    facts_by_id,
    plural,
    relabel,
    short_where,
    triage_state,
)

if TYPE_CHECKING:
    from ..facts import Result

MARK = "⚠"
NONE = "·"
NO_STORY = "(no story)"
BLOCKS = "▁▂▃▄▅▆▇█"
# Outlets named in one index cell before the rest are counted.
INDEX_OUTLETS = 3


def _cell(s: str) -> str:
    return " ".join(str(s).split()).replace("|", "\\|")


def _short(s: str, width: int = 60) -> str:
    # Statements run long; the matrix stays readable, the evidence below is whole.
    s = " ".join(s.split())
    return s if len(s) <= width else s[: width - 1].rstrip() + "…"


def _anchor(prefix: str, key: str) -> str:
    slug = "".join(ch if ch.isalnum() else "-" for ch in key.lower()).strip("-")
    return f"{prefix}-{slug or 'none'}"


def _link(fact: dict[str, Any], meta: dict[str, ArticleMeta], base: Path | None) -> str:
    label = short_where(meta, fact)
    m = meta.get(fact["article"])
    path = m.path if m else fact["article"]
    if path == "-":
        return f"`{label}`"
    target = Path(path)
    href = (os.path.relpath(target, base) if base is not None else str(target)).replace(os.sep, "/")
    if m is None or m.file_positions:
        href += f"#L{fact['line']}"
    elif m.record_line is not None:
        href += f"#L{m.record_line}"
    return f"[{label}]({href})"


def _quote(fact: dict[str, Any]) -> str:
    sentence = " ".join((fact["sentence"] or fact["text"]).split())
    words = " ".join(fact["text"].split())
    i = sentence.find(words)
    if words and i >= 0:
        sentence = f"{sentence[:i]}**{words}**{sentence[i + len(words):]}"
    return f"> {sentence}"


def _label(facts: list[dict[str, Any]]) -> str:
    for f in facts:
        if f["kind"] == "attribute" and f["entity"]:
            return f"{f['entity']} · {f['attribute']}"
    subject = next((f["subject"] for f in facts if f["subject"]), "")
    return f"{subject} ({facts[0]['kind']})" if subject else facts[0]["kind"]


def _matrix(cols: list[tuple[str, str]], groups: dict[str, list[dict[str, Any]]],
            flagged: set[str], order: dict[str, int], cited_groups: set[str]) -> list[str]:
    # Only facts that were compared: aligned across two articles or more, or
    # cited by a finding. A fact one article alone gives has nothing to meet.
    rows = [fs for g, fs in groups.items()
            if g in cited_groups or (len({f["article"] for f in fs}) > 1 and not _same_day(fs))]
    if not rows:
        return []
    lines = ["| # | fact | " + " | ".join(_cell(h) for _, h in cols) + " |",
             "|---:|---|" + "---|" * len(cols)]
    rows.sort(key=lambda fs: min((order.get(f["article"], 1 << 30), f["start"]) for f in fs))
    for n, fs in enumerate(rows, 1):
        cells = []
        for art, _ in cols:
            here = [f for f in fs if f["article"] == art]
            if not here:
                cells.append(NONE)
                continue
            texts = []
            for f in here:
                t = _cell(_short(f["text"]))
                texts.append(f"{MARK} **{t}**" if f["fact_id"] in flagged else t)
            cells.append("; ".join(texts))
        lines.append(f"| {n} | {_cell(_label(fs))} | " + " | ".join(cells) + " |")
    return lines


def _same_day(facts: list[dict[str, Any]]) -> bool:
    """Dates all written alike ("Thursday" in each): compare reads them as one
    claim whatever day each article was published, so they cannot disagree."""
    return all(f["kind"] == "date" for f in facts) and \
        len({" ".join(f["text"].casefold().split()) for f in facts}) == 1


def _people(people: pl.DataFrame, cols: list[tuple[str, str]],
            found: list[dict[str, Any]]) -> list[str]:
    """One row a person, one column an article: the name as written, age, role,
    condition; where one article stands apart from the others on a field, that
    field is marked where a finding backs it. As in the fact matrix, only people that were compared
    (named in two articles or more, or cited by a finding) get a row; the
    others are named in one line under the table."""
    if people.is_empty():
        return []
    cited_ids = {i for d in found for i in d["fact_ids"] or ()}
    reported = reported_fields((d["subject"], d["fact_ids"]) for d in found)
    by_person: dict[str, dict[str, dict[str, Any]]] = {}
    for r in people.iter_rows(named=True):
        by_person.setdefault(r["person"], {}).setdefault(r["article"], r)

    def title(rows: dict[str, dict[str, Any]], person: str) -> str:
        names = [r["name"] for r in rows.values() if r["name"]]
        return person_title(names, person)

    compared = [p for p in by_person if len(by_person[p]) > 1 or any(
        cited_ids & set(r["fact_ids"] or ()) for r in by_person[p].values())]
    once = sorted({title(by_person[p], p) for p in by_person if p not in compared})
    lines = []
    if compared:
        lines = ["| person | " + " | ".join(_cell(h) for _, h in cols) + " |",
                 "|---|" + "---|" * len(cols)]
    for person in sorted(compared, key=lambda p: (-len(by_person[p]), p)):
        rows = by_person[person]
        odd = odd_fields(rows, reported)
        cells = []
        for art, _ in cols:
            row = rows.get(art)
            if row is None:
                cells.append(NONE)
                continue
            cells.append(" / ".join(f"{MARK} **{_cell(t)}**" if (art, f) in odd else _cell(t)
                                    for f, t in person_parts(row)))
        lines.append(f"| {_cell(title(rows, person))} | " + " | ".join(cells) + " |")
    if once:
        lines += ["", f"Named in one article only: {_cell(', '.join(once))}."]
    return lines


def sparkline(values: list[float]) -> str:
    lo, hi = min(values), max(values)
    if hi == lo:
        return BLOCKS[3] * len(values)
    return "".join(BLOCKS[round((v - lo) / (hi - lo) * (len(BLOCKS) - 1))] for v in values)


def _timeline(timeline: pl.DataFrame, labels: dict[str, str]) -> list[str]:
    """The running totals of a story in time order, with a small chart a series."""
    if timeline.is_empty():
        return []
    rows = sorted(timeline.iter_rows(named=True),
                  key=lambda r: (r["series"] or "", r["published"] is None,
                                 r["published"] or 0, r["article"]))
    out = []
    series: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        series.setdefault(r["series"] or "", []).append(r)
    for name, rs in series.items():
        values = [r["value"] for r in rs if r["value"] is not None]
        if values:
            steps = " → ".join(format_number(v) for v in values)
            out.append(f"- **{_cell(name or 'figure')}** `{sparkline(values)}` {steps}")
    out += ["", "| published | article | series | as written | value | status |",
            "|---|---|---|---|---:|---|"]
    for r in rows:
        status = r["status"] or ""
        if status == "conflict":
            status = f"{MARK} **conflict**"
        out.append(f"| {when(r['published'])} | {_cell(labels.get(r['article'], r['article']))} "
                   f"| {_cell(r['series'] or '')} | {_cell(_short(r['text'] or '', 40))} "
                   f"| {format_number(r['value'])} | {status} |")
    return out


def _rank(found: list[dict[str, Any]]) -> tuple[int, int]:
    worst = min((SEVERITY_ORDER.get(d["severity"], 9) for d in found), default=9)
    return worst, -len(found)


def render_markdown(result: Result, *, output: str | None = None) -> str:
    base = Path(output).parent if output else None
    facts = facts_by_id(result, aligned=True)
    meta = articles_meta(result)
    order = {a: i for i, a in enumerate(meta)}
    rows = discrepancies(result, facts)
    # The fact a discrepancy finds at odds with the others comes first in fact_ids.
    flagged = {d["fact_ids"][0] for d in rows if d["fact_ids"]}
    c = counts(result)

    # Stories: from the stories table, else each article's own story.
    story_of = {a: (m.story or NO_STORY) for a, m in meta.items()}
    for r in result.stories.iter_rows(named=True):
        story_of[r["article"]] = r["story"] or NO_STORY
    groups: dict[str, dict[str, list[dict[str, Any]]]] = {}
    for g in result.groups.iter_rows(named=True):
        f = facts.get(g["fact_id"])
        if f is not None:
            story = g["story"] or story_of.get(f["article"], NO_STORY)
            groups.setdefault(story, {}).setdefault(g["group"], []).append(f)
    by_story: dict[str, list[dict[str, Any]]] = {}
    for d in rows:
        by_story.setdefault(d["story"] or NO_STORY, []).append(d)
    for found in by_story.values():  # most severe first, else the order every format uses
        found.sort(key=lambda d: SEVERITY_ORDER.get(d["severity"], 9))
    stories = sorted(set(story_of.values()) | set(groups) | set(by_story))
    loud = sorted(by_story, key=lambda s: (*_rank(by_story[s]), s))
    quiet = [s for s in stories if s not in by_story]
    arts_of = {s: [a for a in meta if story_of.get(a) == s] for s in stories}
    labels = {s: article_labels(meta, arts_of[s]) for s in stories}
    numbers: dict[int, int] = {}
    for story in loud:
        for d in by_story[story]:
            numbers[id(d)] = len(numbers) + 1

    out = ['# <a id="top"></a>factcheck report', ""]
    sev = " · ".join(f"{n} {s}" for s, n in c["by_severity"].items()) or "none"
    out.append(f"**{plural(c['articles'], 'article', 'articles')} · "
               f"{plural(len(stories), 'story', 'stories')} · "
               f"{plural(c['facts'], 'fact', 'facts')} · "
               f"{plural(c['discrepancies'], 'discrepancy', 'discrepancies')}** ({sev})")
    out.append("")
    if c["by_kind"]:
        out += ["By kind: " + " · ".join(f"{n} {k}" for k, n in c["by_kind"].items()), ""]
    if c["by_triage"]:
        out += ["Triage: " + " · ".join(f"{n} {t}" for t, n in c["by_triage"].items()), ""]
    if rows:
        out += ["| # | severity | rule | story | subject | outlets |",
                "|---:|---|---|---|---|---|"]
        for story in loud:
            for d in by_story[story]:
                n = numbers[id(d)]
                names = []
                for f in cited(d, facts):
                    name = labels[story].get(f["article"]) or f["source"] or f["article"]
                    if name not in names:
                        names.append(name)
                shown = ", ".join(names[:INDEX_OUTLETS])
                if len(names) > INDEX_OUTLETS:
                    shown += f" +{len(names) - INDEX_OUTLETS}"
                triaged = "" if triage_state(d) == "new" else f" ({triage_state(d)})"
                out.append(f"| [{n}](#d{n}) | {d['severity']}{triaged} | {d['rule']} "
                           f"{d['name']} | [{_cell(story)}](#{_anchor('story', story)}) | "
                           f"{_cell(_short(d['subject'] or d['kind'], 50))} | {_cell(shown)} |")
        out.append("")
    else:
        out += ["No discrepancies found.", ""]

    for story in loud:
        arts, found = arts_of[story], by_story[story]
        cols = [(a, labels[story].get(a, a)) for a in arts]
        out += [f'## <a id="{_anchor("story", story)}"></a>Story: {story}', "",
                f"{plural(len(arts), 'article', 'articles')}, "
                f"{plural(len(found), 'discrepancy', 'discrepancies')}.", ""]
        out += ["| article | published | title |", "|---|---|---|"]
        for a in arts:
            m = meta[a]
            out.append(f"| {_cell(labels[story].get(a, a))} | {when(m.published)} | "
                       f"{_cell(m.title or '')} (`{m.path if m.id == m.path else m.id}`) |")
        out.append("")
        people = _people(result.people.filter(pl.col("story") == story), cols, found)
        if people:
            out += ["### People", "",
                    f"One row a person, one column an article: the name as written, age, "
                    f"role, condition; {MARK} marks an article that stands apart.", ""]
            out += people + [""]
        timeline = _timeline(result.timeline.filter(pl.col("story") == story), labels[story])
        if timeline:
            out += ["### Timeline", ""] + timeline + [""]
        cited_groups = {d["group"] for d in found if d["group"]}
        matrix = _matrix(cols, groups.get(story, {}), flagged, order, cited_groups)
        if matrix:
            out += ["### Fact matrix", "",
                    f"One row per fact compared across articles, each cell as the article "
                    f"wrote it; {MARK} marks a figure at odds with the others, {NONE} no such "
                    f"fact in that article.", ""]
            out += matrix + [""]
        out += ["### Discrepancies", ""]
        for d in found:
            n = numbers[id(d)]
            ev = cited(d, facts)
            out += [f'#### <a id="d{n}"></a>{n}. {d["rule"]} {d["name"]} — {d["severity"]}, '
                    f"{d['kind']}, {d['status']} ({triage_state(d)})", ""]
            out += [relabel(d["message"] or "", ev, labels[story]), ""]
            if d["detail"]:
                out += [f"_{d['detail']}_", ""]
            for i, f in enumerate(ev):
                at = meta.get(f["article"])
                odd = f" {MARK}" if i == 0 else ""
                name = labels[story].get(f["article"]) or f["source"] or f["article"]
                out += [f"- **{_cell(name)}**{odd}, {when(at.published if at else None)}, "
                        f"{_link(f, meta, base)}", "", "  " + _quote(f), ""]
            if d.get("triage_note"):
                out += [f"Triage note: {d['triage_note']}", ""]
            out += [f"<sub>fingerprint `{d['id']}` · [index](#top)</sub>", ""]
    if quiet:
        out += ["## Stories without findings", ""]
        for story in quiet:
            arts = arts_of[story]
            outlets = ", ".join(dict.fromkeys(labels[story].get(a, a) for a in arts))
            out.append(f"- {_cell(story)}: {plural(len(arts), 'article', 'articles')}"
                       + (f" ({_cell(outlets)})" if outlets else ""))
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"
