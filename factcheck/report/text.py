"""The one-line text form: `path:line:col: CODE severity message`."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..pipeline import Result


def render_text(result: Result) -> str:
    facts = {r["fact_id"]: r for r in result.facts.iter_rows(named=True)}
    lines = []
    for d in result.discrepancies.iter_rows(named=True):
        first = facts.get(d["fact_ids"][0]) if d["fact_ids"] else None
        where = f"{first['article']}:{first['line']}:{first['column']}" if first else "-"
        lines.append(f"{where}: {d['rule']} {d['severity']} {d['message']}")
    n = len(result.discrepancies)
    lines.append(f"{n} discrepanc{'y' if n == 1 else 'ies'} in {len(result.articles)} articles "
                 f"({len(result.facts)} facts)")
    return "\n".join(lines) + "\n"
