"""GitLab code quality: a JSON array of issues the merge request widget shows.

One issue a discrepancy not dismissed in triage, at its first fact (for a
JSON Lines record: the record's line in the file). Severities: error →
major, warning → minor, info → info. Fingerprints are the discrepancy's
stable fingerprint, made unique where two rows share one.
"""

from __future__ import annotations

import hashlib
import json
from typing import TYPE_CHECKING, Any

from ..model import Severity, TriageState
from .findings import articles_meta, cited, discrepancies, facts_by_id, short_where, triage_state

if TYPE_CHECKING:
    from ..facts import Result

SEVERITIES = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def gitlab(result: Result) -> list[dict[str, Any]]:
    facts = facts_by_id(result)
    meta = articles_meta(result)
    seen: set[str] = set()
    out = []
    for d in discrepancies(result, facts):
        if triage_state(d) == TriageState.DISMISSED:
            continue
        ev = cited(d, facts)
        line, path = 1, "-"
        if ev:
            m = meta.get(ev[0]["article"])
            path = m.path if m else ev[0]["article"]
            line = ev[0]["line"] if m is None or m.file_positions else (m.record_line or 1)
        fingerprint = d["id"]
        n = 1
        while fingerprint in seen:
            n += 1
            fingerprint = hashlib.blake2b(f"{d['id']}\x1f{n}".encode(),
                                          digest_size=8).hexdigest()
        seen.add(fingerprint)
        others = [short_where(meta, f) for f in ev[1:]]
        description = f"{d['rule']} {d['message'] or d['name']}"
        if others:
            description += f" (see also {', '.join(others)})"
        out.append({
            "description": description,
            "check_name": d["rule"],
            "fingerprint": fingerprint,
            "severity": SEVERITIES.get(d["severity"], "minor"),
            "location": {"path": path, "lines": {"begin": line}},
        })
    return out


def render_gitlab(result: Result) -> str:
    return json.dumps(gitlab(result), indent=2, ensure_ascii=False) + "\n"
