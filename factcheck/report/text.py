"""The text form, like a linter's: `path:line:col: CODE severity message`.

Concise: one line a discrepancy, at its first fact. Full (the default on a
terminal): under each line, every outlet's sentence with the figure marked
(carets beneath it, and colour on a terminal), the outlet told apart by its
title or time where it has two articles in the story. Dismissed discrepancies
are left out (they are counted in the last line), so the lines are what still
needs a person. For a JSON Lines record the location is the file, the
record's line and a short id.
"""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING, Any

from ..model import TriageState
from .findings import (
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

WIDTH = 88  # of a quoted sentence's lines, after the gutter
RESET = "\x1b[0m"
STYLES = {"error": "\x1b[1;31m", "warning": "\x1b[1;33m", "info": "\x1b[2m",
          "where": "\x1b[1m", "code": "\x1b[1;31m", "mark": "\x1b[1;4m", "dim": "\x1b[2m",
          "odd": "\x1b[1;31m"}


# Control characters (C0, DEL, C1) and Unicode line and paragraph separators, as
# visible escapes: a newline in an article id or source must not start a line
# of its own (a CI log runs '::' lines as commands), nor an escape sequence
# drive the terminal. Tabs become spaces.
_CONTROLS = {c: f"\\x{c:02x}" for c in (*range(0x20), *range(0x7f, 0xa0))}
_CONTROLS.update({0x09: " ", 0x0a: "\\n", 0x0d: "\\r", 0x2028: "\\u2028",
                  0x2029: "\\u2029"})


# For GitHub annotations, whose own escaping (%0A) carries line breaks safely.
_CONTROLS_BUT_NEWLINES = {c: v for c, v in _CONTROLS.items() if c not in (0x0a, 0x0d)}


def printable(text: str, *, newlines: bool = False) -> str:
    """`text` with control characters shown as escapes, never acted on;
    `newlines`: leave \\n and \\r for the caller to escape."""
    return text.translate(_CONTROLS_BUT_NEWLINES if newlines else _CONTROLS)


class _Paint:
    def __init__(self, on: bool) -> None:
        self.on = on

    def __call__(self, text: str, style: str) -> str:
        return f"{STYLES[style]}{text}{RESET}" if self.on and text else text


def _wrapped(sentence: str, start: int, end: int) -> list[tuple[str, int, int]]:
    """The sentence in lines of WIDTH, each with the marked span's part of it
    (start, end within the line; equal when the line holds none of it)."""
    lines = textwrap.wrap(sentence, WIDTH, break_long_words=False, break_on_hyphens=False)
    out, pos = [], 0
    for line in lines:
        at = sentence.find(line, pos)
        at = pos if at < 0 else at
        lo, hi = max(start, at) - at, min(end, at + len(line)) - at
        out.append((line, lo, hi) if lo < hi else (line, 0, 0))
        pos = at + len(line)
    return out


def _quote(fact: dict[str, Any], paint: _Paint, odd: bool) -> list[str]:
    sentence = printable(" ".join((fact["sentence"] or fact["text"]).split()))
    words = printable(" ".join((fact["text"] or "").split()))
    i = sentence.find(words) if words else -1
    start, end = (i, i + len(words)) if i >= 0 else (0, 0)
    out = []
    for line, lo, hi in _wrapped(sentence, start, end):
        if hi > lo:
            mark = paint(line[lo:hi], "odd" if odd else "mark")
            out.append(f"   | {line[:lo]}{mark}{line[hi:]}")
            out.append("   | " + " " * lo + paint("^" * (hi - lo), "odd" if odd else "dim"))
        else:
            out.append(f"   | {line}")
    return out


def _finding(d: dict[str, Any], ev: list[dict[str, Any]], meta, labels: dict[str, str],
             paint: _Paint, full: bool) -> list[str]:
    where = printable(short_where(meta, ev[0]) if ev else "-")
    head = (f"{paint(where, 'where')}: {paint(d['rule'] or '', 'code')} "
            f"{paint(d['severity'] or '', d['severity'] if d['severity'] in STYLES else 'dim')} "
            f"{printable(relabel(d['message'] or '', ev, labels))}")
    if not full:
        return [head]
    out = [head]
    for i, f in enumerate(ev):
        label = printable(labels.get(f["article"]) or f["source"] or f["article"])
        loc = "" if i == 0 else f"  {paint(printable(short_where(meta, f)), 'dim')}"
        out.append(f"  {'✗' if i == 0 else '·'} {label}{loc}")
        out += _quote(f, paint, odd=i == 0)
    if d["detail"]:
        out.append(f"  = why: {printable(d['detail'])}")
    out.append("")
    return out


def render_text(result: Result, *, full: bool = False, color: bool = False) -> str:
    facts = facts_by_id(result)
    meta = articles_meta(result)
    paint = _Paint(color)
    story_of: dict[str, list[str]] = {}
    for r in result.stories.iter_rows(named=True):
        story_of.setdefault(r["story"], []).append(r["article"])
    labels: dict[str, str] = {}
    for arts in story_of.values():
        labels.update(article_labels(meta, arts))
    lines = []
    for d in discrepancies(result, facts):
        if triage_state(d) == TriageState.DISMISSED:
            continue
        lines += _finding(d, cited(d, facts), meta, labels, paint, full)
    c = counts(result)
    tail = (f"{plural(c['discrepancies'], 'discrepancy', 'discrepancies')} in "
            f"{plural(c['articles'], 'article', 'articles')} "
            f"({plural(c['facts'], 'fact', 'facts')})")
    if c["by_severity"]:
        tail += ": " + ", ".join(f"{n} {s}" for s, n in c["by_severity"].items())
    if c["by_triage"].get("dismissed"):
        tail += f"; {c['by_triage']['dismissed']} dismissed in triage"
    lines.append(tail)
    return "\n".join(lines) + "\n"
