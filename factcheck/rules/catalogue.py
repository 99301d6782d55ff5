"""The discrepancy rules as users read them: `rules list` and `rules explain`.

The catalogue itself is data (rules/checks.yaml, section `checks`); this
module only finds an entry by code or name and lays it out as text.
"""

from __future__ import annotations

import textwrap
from typing import Any

from ..errors import FactcheckError


def find_check(rules: Any, code_or_name: str) -> tuple[str, dict[str, Any]]:
    """(code, entry) for 'FC101', 'fc101' or 'numeric-mismatch'."""
    checks = rules.checks
    wanted = code_or_name.strip()
    for code, entry in checks.items():
        if wanted.upper() == str(code).upper() or wanted.casefold() == entry["name"].casefold():
            return str(code), entry
    known = ", ".join(sorted(checks))
    raise FactcheckError(f"no rule {code_or_name!r}; known rules: {known or 'none'} "
                         "(see 'factcheck rules list')")


def list_text(rules: Any) -> str:
    checks = rules.checks
    if not checks:
        return ""
    width = max(len(e["name"]) for e in checks.values())
    lines = []
    for code in sorted(checks):
        e = checks[code]
        first = " ".join(e["what"].split()).split(". ")[0].rstrip(".")
        if len(first) > 72:
            first = first[:71].rsplit(" ", 1)[0] + "…"
        lines.append(f"{code}  {e['name']:<{width}}  {e['severity']:<7}  {first}")
    return "\n".join(lines) + "\n"


def explain_text(rules: Any, code_or_name: str) -> str:
    code, e = find_check(rules, code_or_name)

    def para(title: str, text: str) -> str:
        body = textwrap.fill(" ".join(text.split()), width=78, initial_indent="  ",
                             subsequent_indent="  ")
        return f"{title}\n{body}\n"

    return "\n".join([
        f"{code} {e['name']} (default severity: {e['severity']})\n",
        para("What it does", e["what"]),
        para("Why it matters", e["why"]),
        para("Example", e["example"]),
        para("What to do", e["fix"]),
        f"Message: {e['message']}\n",
    ])
