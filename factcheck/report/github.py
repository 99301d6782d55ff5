"""GitHub workflow annotations: `::error file=…,line=…,col=…,endColumn=…,title=…::…`.

One annotation a discrepancy, on its first fact; the message names where the
other sources say otherwise. Levels: error → error, warning → warning,
info → notice. Dismissed discrepancies are not annotated.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..model import TriageState
from .findings import (
    articles_meta,
    cited,
    discrepancies,
    end_position,
    facts_by_id,
    triage_state,
    where_label,
)
from .text import printable

if TYPE_CHECKING:
    from ..facts import Result

LEVELS = {"error": "error", "warning": "warning", "info": "notice"}


def _data(s: str) -> str:
    # The workflow-command escaping GitHub's runner undoes (actions/toolkit): with
    # newlines escaped no text from an article can start a line, and so no command.
    # Other control characters (an escape sequence in a source name) are shown, not sent.
    s = printable(s, newlines=True)
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(s: str) -> str:
    return _data(s).replace(":", "%3A").replace(",", "%2C")


def render_github(result: Result) -> str:
    facts = facts_by_id(result)
    meta = articles_meta(result)
    out = []
    for d in discrepancies(result, facts):
        if triage_state(d) == TriageState.DISMISSED:
            continue
        ev = cited(d, facts)
        props = []
        message = d["message"] or ""
        if ev:
            first = ev[0]
            m = meta.get(first["article"])
            props.append(f"file={_prop(m.path if m else first['article'])}")
            if m is None or m.file_positions:
                end_line, end_col = end_position(first["line"], first["column"], first["text"])
                props += [f"line={first['line']}", f"col={first['column']}"]
                if end_line == first["line"]:
                    props.append(f"endColumn={end_col}")
                else:
                    props.append(f"endLine={end_line}")
            elif m.record_line is not None:
                props.append(f"line={m.record_line}")  # the record's line in the feed
            others = [where_label(meta, f) for f in ev[1:]]
            if others:
                message += "\nsee also: " + ", ".join(others)
        title = f"{d['rule']} {d['name']}"
        props.append(f"title={_prop(title)}")
        out.append(f"::{LEVELS.get(d['severity'], 'warning')} {','.join(props)}::{_data(message)}")
    return "".join(line + "\n" for line in out)
