"""The one-line text form: `path:line:col: CODE severity message`.

One line a discrepancy, at its first fact, like a linter; dismissed ones are
left out (they are counted in the last line), so the lines are what still
needs a person.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import (
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


def render_text(result: Result) -> str:
    facts = facts_by_id(result)
    meta = articles_meta(result)
    lines = []
    for d in discrepancies(result, facts):
        if triage_state(d) == "dismissed":
            continue
        ev = cited(d, facts)
        where = where_label(meta, ev[0]) if ev else "-"
        lines.append(f"{where}: {d['rule']} {d['severity']} {d['message']}")
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
