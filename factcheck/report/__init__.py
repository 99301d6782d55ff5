"""Writers for the outputs of `factcheck check`: one module a format."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..pipeline import Result

SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}


def render(fmt: str, result: Result) -> str:
    if fmt == "text":
        from .text import render_text

        return render_text(result)
    if fmt == "json":
        from .json import render_json

        return render_json(result)
    if fmt == "markdown":
        from .markdown import render_markdown

        return render_markdown(result)
    if fmt == "sarif":
        from .sarif import render_sarif

        return render_sarif(result)
    if fmt == "github":
        from .github import render_github

        return render_github(result)
    raise ValueError(f"unknown format {fmt!r}")


def fails(result: Result, fail_on: str) -> bool:
    """Whether an untriaged discrepancy is at or above `fail_on`."""
    if fail_on == "never":
        return False
    floor = SEVERITY_RANK[fail_on]
    d = result.discrepancies
    if "triage" in d.columns:
        d = d.filter(d["triage"] != "dismissed")
    return any(SEVERITY_RANK[s] >= floor for s in d["severity"].to_list())
