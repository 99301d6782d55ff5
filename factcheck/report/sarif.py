"""SARIF 2.1.0: one result a discrepancy, located at the fact at odds (its
first fact); the facts of the other outlets are its `relatedLocations`
(code-scanning tools such as GitHub read only the first `location`).

Columns are counted in Unicode code points (Python's), so the run says
`columnKind: unicodeCodePoints`. Triage is carried the SARIF way: a dismissed
discrepancy has an accepted external suppression; a reviewed one (confirmed
or dismissed) has `baselineState: unchanged`, an unreviewed one `new`.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from .. import __version__
from .findings import (
    articles_meta,
    checks_of,
    cited,
    discrepancies,
    end_position,
    facts_by_id,
    triage_state,
)

if TYPE_CHECKING:
    from ..facts import Result

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
FINGERPRINT = "factcheck/v1"


def _rule(code: str, c: dict[str, Any]) -> dict[str, Any]:
    help_text = (f"What: {c.get('what', '')}\nWhy: {c.get('why', '')}\n"
                 f"Example: {c.get('example', '')}\nWhat to do: {c.get('fix', '')}")
    help_md = (f"**What it does.** {c.get('what', '')}\n\n**Why it matters.** {c.get('why', '')}"
               f"\n\n**Example.** {c.get('example', '')}\n\n**What to do.** {c.get('fix', '')}")
    return {
        "id": code,
        "name": c.get("name", code),
        "shortDescription": {"text": c.get("name", code)},
        "fullDescription": {"text": c.get("what") or c.get("name", code)},
        "help": {"text": help_text, "markdown": help_md},
        "defaultConfiguration": {"level": LEVELS.get(c.get("severity", "warning"), "warning")},
    }


def _location(f: dict[str, Any], meta: dict) -> dict[str, Any]:
    m = meta.get(f["article"])
    # A URI reference: spaces and the like percent-encoded, slashes kept.
    uri = quote(m.path if m else f["article"])
    phys: dict[str, Any] = {"artifactLocation": {"uri": uri}}
    loc: dict[str, Any] = {"physicalLocation": phys}
    if m is None or m.file_positions:
        end_line, end_col = end_position(f["line"], f["column"], f["text"])
        phys["region"] = {"startLine": f["line"], "startColumn": f["column"],
                          "endLine": end_line, "endColumn": end_col,
                          "snippet": {"text": f["text"]}}
    else:
        # Offsets are into a record's text, not the file: name the record, and
        # point at its line in the file where it is known.
        loc["logicalLocations"] = [{"name": f["article"], "kind": "object"}]
        if m.record_line is not None:
            phys["region"] = {"startLine": m.record_line}
    loc["message"] = {"text": f"{f['source']}: {f['text']}"}
    return loc


def sarif(result: Result) -> dict[str, Any]:
    facts = facts_by_id(result)
    meta = articles_meta(result)
    checks = checks_of(result)
    rows = discrepancies(result, facts)
    for d in rows:  # a rule the catalogue does not know still needs an entry
        if d["rule"] not in checks:
            checks[d["rule"]] = {"name": d["name"] or d["rule"], "severity": d["severity"]}
    codes = sorted(checks)
    index = {code: i for i, code in enumerate(codes)}
    results = []
    for d in rows:
        state = triage_state(d)
        ev = cited(d, facts)
        related = []
        for i, f in enumerate(ev[1:], 1):
            loc = _location(f, meta)
            loc["id"] = i
            related.append(loc)
        r: dict[str, Any] = {
            "ruleId": d["rule"],
            "ruleIndex": index[d["rule"]],
            "level": LEVELS.get(d["severity"], "warning"),
            "message": {"text": d["message"] or d["name"] or d["rule"]},
            "locations": [_location(f, meta) for f in ev[:1]],
            "partialFingerprints": {FINGERPRINT: d["id"]},
            "baselineState": "new" if state == "new" else "unchanged",
            "properties": {"kind": d["kind"], "status": d["status"], "subject": d["subject"],
                           "story": d["story"], "detail": d["detail"], "triage": state},
        }
        if related:
            r["relatedLocations"] = related
        if state == "dismissed":
            r["suppressions"] = [{"kind": "external", "status": "accepted",
                                  "justification": d.get("triage_note")
                                  or "dismissed in factcheck triage"}]
        results.append(r)
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "factcheck", "version": __version__, "semanticVersion": __version__,
                "rules": [_rule(c, checks[c]) for c in codes],
            }},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    }


def render_sarif(result: Result) -> str:
    return json.dumps(sarif(result), indent=2, ensure_ascii=False) + "\n"
