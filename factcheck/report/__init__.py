"""Writers for the outputs of `factcheck check`: one module a format, each
reading the tables through the helpers in ``findings``."""

from __future__ import annotations

from collections.abc import Callable

from ..facts import Result
from ..model import SEVERITY_ORDER, OutputFormat
from .github import render_github
from .gitlab import render_gitlab
from .json import render_json
from .junit import render_junit
from .markdown import render_markdown
from .sarif import render_sarif
from .text import render_text

FORMATS = tuple(f.value for f in OutputFormat)
_PLAIN: dict[str, Callable[[Result], str]] = {
    OutputFormat.JSON: render_json, OutputFormat.SARIF: render_sarif,
    OutputFormat.GITHUB: render_github, OutputFormat.JUNIT: render_junit,
    OutputFormat.GITLAB: render_gitlab,
}


def render(fmt: str, result: Result, *, output: str | None = None, full: bool = False,
           color: bool = False) -> str:
    """The report in `fmt`; `output` is where it will be written (for relative links).

    `full` and `color` shape the text format: the sentences under each finding,
    and terminal colours.
    """
    if fmt == OutputFormat.TEXT:
        return render_text(result, full=full, color=color)
    if fmt == OutputFormat.MARKDOWN:
        return render_markdown(result, output=output)
    if fmt in _PLAIN:
        return _PLAIN[fmt](result)
    raise ValueError(f"unknown format {fmt!r}")


def fails(result: Result, fail_on: str) -> bool:
    """Whether an untriaged discrepancy is at or above `fail_on`.

    Confirmed discrepancies still fail: confirming says "this is real", and a
    real disagreement is what the gate is for. Only dismissed ones pass.
    """
    if fail_on == "never":
        return False
    floor = SEVERITY_ORDER[fail_on]
    d = result.discrepancies
    if "triage" in d.columns:
        d = d.filter(d["triage"] != "dismissed")
    return any(SEVERITY_ORDER[s] <= floor for s in d["severity"].to_list())
