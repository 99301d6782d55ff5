"""The Markdown report an editor reads: summary, fact matrix per story, evidence.

Plain GitHub-flavoured Markdown, so it reads as well in a terminal (`less`)
as rendered on GitHub: pipe tables, block quotes, relative links to
`path#Lline`. Deterministic: stories by id, matrix rows in reading order,
discrepancies in the order every format uses.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import (
    ArticleMeta,
    articles_meta,
    cited,
    counts,
    discrepancies,
    facts_by_id,
    plural,
    triage_state,
    where_label,
)

if TYPE_CHECKING:
    from ..pipeline import Result

MARK = "⚠"
NONE = "·"
NO_STORY = "(no story)"


def _cell(s: str) -> str:
    return " ".join(s.split()).replace("|", "\\|")


def _short(s: str, width: int = 60) -> str:
    # Statements run long; the matrix stays readable, the evidence below is whole.
    s = " ".join(s.split())
    return s if len(s) <= width else s[: width - 1].rstrip() + "…"


def _when(m: ArticleMeta | None) -> str:
    if m is None or m.published is None:
        return "undated"
    return m.published.strftime("%Y-%m-%d %H:%M UTC")


def _link(fact: dict[str, Any], meta: dict[str, ArticleMeta], base: Path | None) -> str:
    label = where_label(meta, fact)
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


def _columns(articles: list[str], meta: dict[str, ArticleMeta]) -> list[tuple[str, str]]:
    """(article, header) a column: the source, or source and file when a source repeats."""
    sources = [meta[a].source if a in meta else a for a in articles]
    out = []
    for a, s in zip(articles, sources, strict=True):
        header = s or a
        if sources.count(s) > 1:
            header = f"{s} ({Path(meta[a].path if a in meta else a).stem})"
        out.append((a, header))
    return out


def _matrix(story_articles: list[str], groups: dict[str, list[dict[str, Any]]],
            meta: dict[str, ArticleMeta], flagged: set[str], order: dict[str, int]) -> list[str]:
    cols = _columns(story_articles, meta)
    lines = ["| # | fact | " + " | ".join(_cell(h) for _, h in cols) + " |",
             "|---:|---|" + "---|" * len(cols)]
    rows = sorted(groups.values(),
                  key=lambda fs: min((order.get(f["article"], 1 << 30), f["start"]) for f in fs))
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


def render_markdown(result: Result, *, output: str | None = None) -> str:
    base = Path(output).parent if output else None
    facts = facts_by_id(result, aligned=True)
    meta = articles_meta(result)
    order = {a: i for i, a in enumerate(meta)}
    rows = discrepancies(result, facts)
    # The fact a discrepancy finds at odds with the others comes first in fact_ids.
    flagged = {d["fact_ids"][0] for d in rows if d["fact_ids"]}
    c = counts(result)

    out = ["# factcheck report", ""]
    sev = " · ".join(f"{n} {s}" for s, n in c["by_severity"].items()) or "none"
    out.append(f"**{plural(c['articles'], 'article', 'articles')} · "
               f"{plural(c['facts'], 'fact', 'facts')} · "
               f"{plural(c['discrepancies'], 'discrepancy', 'discrepancies')}** ({sev})")
    out.append("")
    if c["by_kind"]:
        out += ["| kind | discrepancies |", "|---|---:|"]
        out += [f"| {k} | {n} |" for k, n in c["by_kind"].items()]
        out.append("")
    if c["by_triage"]:
        out += ["Triage: " + " · ".join(f"{n} {t}" for t, n in c["by_triage"].items()), ""]

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

    numbered = quiet = 0
    for story in sorted(set(story_of.values()) | set(groups) | set(by_story)):
        arts = [a for a in meta if story_of.get(a) == story]
        if not groups.get(story) and story not in by_story:
            quiet += 1  # nothing aligned across its articles: nothing to show
            continue
        found = by_story.get(story, [])
        out += [f"## Story: {story}", "",
                f"{plural(len(arts), 'article', 'articles')}, "
                f"{plural(len(found), 'discrepancy', 'discrepancies')}.", ""]
        out += ["| source | published | article |", "|---|---|---|"]
        for a in arts:
            m = meta[a]
            out.append(f"| {_cell(m.source or a)} | {_when(m)} | "
                       f"{_cell(m.title or '')} (`{m.path if m.id == m.path else m.id}`) |")
        out.append("")
        if groups.get(story):
            out += ["### Fact matrix", "",
                    f"One row per fact aligned across sources, each cell as the source wrote it; "
                    f"{MARK} marks a figure at odds with the other sources, {NONE} no such "
                    f"fact in that source.", ""]
            out += _matrix(arts, groups[story], meta, flagged, order)
            out.append("")
        if found:
            out += ["### Discrepancies", ""]
        for d in found:
            numbered += 1
            out += [f"#### {numbered}. {d['rule']} {d['name']} — {d['severity']}, "
                    f"{d['kind']}, {d['status']} ({triage_state(d)})", ""]
            out += [d["message"] or "", ""]
            if d["detail"]:
                out += [f"_{d['detail']}_", ""]
            for i, f in enumerate(cited(d, facts)):
                m = meta.get(f["article"])
                odd = f" {MARK}" if i == 0 else ""
                out += [f"- **{_cell(f['source'] or f['article'])}**{odd}, {_when(m)}, "
                        f"{_link(f, meta, base)}", "", "  " + _quote(f), ""]
            if d.get("triage_note"):
                out += [f"Triage note: {d['triage_note']}", ""]
            out += [f"<sub>fingerprint `{d['id']}`</sub>", ""]
    if not rows:
        out += ["No discrepancies found.", ""]
    if quiet:
        out += [f"{plural(quiet, 'story has', 'stories have')} no fact reported by more "
                "than one source; not shown.", ""]
    return "\n".join(out).rstrip("\n") + "\n"
