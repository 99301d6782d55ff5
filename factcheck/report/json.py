"""The JSON report: the contract in DESIGN.md ("schema": "factcheck.report/1").

Additions to the contract (documented in docs/ci.md): a top-level `stories`
list; `name`, `story` and `detail` on each discrepancy; `fact_id`, `kind`,
`source`, `published` and, for attributes and person facts, `entity`,
`attribute`, `attribute_value` on each fact; a top-level `people` list (the
people table); a top-level `timeline` (each running total of a story in time
order); `summary.by_kind` and `summary.by_triage`.
Nothing in the contract is renamed.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from .findings import articles_meta, cited, counts, discrepancies, facts_by_id, iso, triage_state

if TYPE_CHECKING:
    from ..facts import Result

SCHEMA = "factcheck.report/1"


def _number(x: float | None) -> float | int | None:
    # 10000.0 → 10000: the contract shows whole numbers as integers.
    if x is None:
        return None
    return int(x) if float(x).is_integer() and abs(x) < 2**53 else x


def fact_json(f: dict[str, Any]) -> dict[str, Any]:
    out = {
        "article": f["article"], "start": f["start"], "end": f["end"],
        "line": f["line"], "column": f["column"], "text": f["text"],
        "value": _number(f["value"]), "low": _number(f["low"]), "high": _number(f["high"]),
        "unit": f["unit"], "qualifier": f["qualifier"], "sentence": f["sentence"],
        "fact_id": f["fact_id"], "kind": f["kind"], "source": f["source"],
        "published": iso(f["published"]),
    }
    if f["kind"] in ("attribute", "person"):
        out.update(entity=f["entity"], attribute=f["attribute"],
                   attribute_value=f["attribute_value"])
    return out


def report(result: Result) -> dict[str, Any]:
    facts = facts_by_id(result)
    meta = articles_meta(result)
    stories: dict[str, dict[str, Any]] = {}
    for r in result.stories.iter_rows(named=True):
        s = stories.setdefault(r["story"], {"story": r["story"], "how": r["how"], "articles": []})
        s["articles"].append(r["article"])
    return {
        "schema": SCHEMA,
        "articles": [{"id": m.id, "path": m.path, "source": m.source, "title": m.title,
                      "published": iso(m.published)} for m in meta.values()],
        "stories": [stories[k] for k in sorted(stories)],
        "discrepancies": [
            {"id": d["id"], "rule": d["rule"], "name": d["name"], "kind": d["kind"],
             "severity": d["severity"], "status": d["status"], "story": d["story"],
             "subject": d["subject"], "message": d["message"], "detail": d["detail"],
             "triage": triage_state(d),
             "facts": [fact_json(f) for f in cited(d, facts)]}
            for d in discrepancies(result, facts)
        ],
        "people": people_json(result),
        "timeline": [
            {**{k: v for k, v in r.items() if k not in ("value", "low", "high", "published")},
             "published": iso(r["published"]), "value": _number(r["value"]),
             "low": _number(r["low"]), "high": _number(r["high"])}
            for r in result.timeline.iter_rows(named=True)],
        "summary": counts(result),
    }


def people_json(result: Result) -> list[dict[str, Any]]:
    """One record a person of a story, with what each article says of them."""
    out: dict[str, dict[str, Any]] = {}
    for r in result.people.iter_rows(named=True):
        person = out.setdefault(r["person"], {"person": r["person"], "story": r["story"],
                                              "link": r["link"], "articles": []})
        person["articles"].append({
            "article": r["article"], "name": r["name"], "start": r["start"], "end": r["end"],
            "age": _number(r["age"]), "role": r["role"], "relation": r["relation"],
            "part": r["part"], "condition": r["condition"], "charge": r["charge"],
            "fact_ids": list(r["fact_ids"] or [])})
    return list(out.values())


def render_json(result: Result) -> str:
    return json.dumps(report(result), indent=2, ensure_ascii=False) + "\n"
