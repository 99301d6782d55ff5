"""A small hand-made Result for the report tests, and the golden-file helper.

The articles are our own sentences; facts, groups and discrepancies are built
with the real schemas (facts_frame, frame) and exact offsets found in the
text, so every writer is tested on the shapes the pipeline produces.
"""

from __future__ import annotations

import os
from pathlib import Path

from factcheck.facts import (
    DISCREPANCY_SCHEMA,
    GROUPS_SCHEMA,
    STORIES_SCHEMA,
    Result,
    fact_id,
    facts_frame,
    frame,
)
from factcheck.ingest.articles import LineIndex, parse_published
from factcheck.model import Article
from factcheck.rules.load import load_rules

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).resolve().parent / "golden"

HARBOUR = """---
title: Harbour wall repairs approved
source: Coast Gazette
published: 2025-03-02T08:00:00Z
---
The council approved £12m for the harbour wall on Monday.

Mayor Ada Brook said more than 300 homes were at risk | from flooding.
"""

TIDE = """---
title: Town agrees sea defence spending
source: Tide Times
published: 2025-03-02T11:30:00Z
---
Councillors voted through £21m for repairs to the harbour wall.

Deputy Mayor Ada Brook said more than 300 homes were at risk.
"""


def article(path: str, text: str) -> Article:
    import yaml

    head, body = text.split("---\n", 2)[1:]
    meta = yaml.safe_load(head)
    return Article(id=path, path=path, source=meta["source"], title=meta["title"],
                   published=parse_published(meta["published"], path=path), url="",
                   story=None, text=text,
                   body_start=len(text) - len(body))


def fact(a: Article, words: str, **fields) -> dict:
    start = a.text.index(words)
    end = start + len(words)
    line, col = LineIndex(a.text).line_col(start)
    s0 = a.text.rfind("\n", 0, start) + 1
    s1 = a.text.find("\n", end)
    row = dict(article=a.id, start=start, end=end, line=line, column=col, text=words,
               sentence=a.text[s0:s1], sentence_start=s0, source=a.source,
               published=a.published, story="harbour", pattern="test")
    row.update(fields)
    row["fact_id"] = fact_id(a.id, start, end, row["kind"], row.get("attribute"))
    return row


def synthetic_result(folder: str = "news") -> Result:
    a = article(f"{folder}/coast-gazette.md", HARBOUR)
    b = article(f"{folder}/tide-times.md", TIDE)
    rows = [
        fact(a, "£12m", kind="money", value=12e6, low=12e6, high=12e6, qualifier="exact",
             unit="GBP", subject="harbour wall"),
        fact(a, "more than 300 homes", kind="count", value=300, low=300, high=None,
             qualifier="more_than", unit="home", subject="homes at risk"),
        fact(a, "Mayor Ada Brook", kind="attribute", entity="Ada Brook", attribute="role",
             attribute_value="Mayor"),
        fact(b, "£21m", kind="money", value=21e6, low=21e6, high=21e6, qualifier="exact",
             unit="GBP", subject="harbour wall"),
        fact(b, "more than 300 homes", kind="count", value=300, low=300, high=None,
             qualifier="more_than", unit="home", subject="homes at risk"),
        fact(b, "Deputy Mayor Ada Brook", kind="attribute", entity="Ada Brook",
             attribute="role", attribute_value="Deputy Mayor"),
    ]
    facts = facts_frame(rows)
    ids = [r["fact_id"] for r in rows]
    groups = frame(
        [{"group": g, "story": "harbour", "fact_id": ids[i], "score": 0.9}
         for g, pair in (("g1", (0, 3)), ("g2", (1, 4)), ("g3", (2, 5))) for i in pair],
        GROUPS_SCHEMA)
    discrepancies = frame([
        {"id": "fp-money-harbour", "rule": "FC101", "name": "numeric-mismatch",
         "kind": "money", "severity": "error", "status": "conflict", "story": "harbour",
         "group": "g1", "subject": "harbour wall", "score": 0.9,
         "message": "Tide Times says £21m; Coast Gazette says £12m",
         "detail": "intervals [21000000, 21000000] and [12000000, 12000000] do not overlap",
         "fact_ids": [ids[3], ids[0]]},
        {"id": "fp-role-brook", "rule": "FC201", "name": "role-mismatch",
         "kind": "attribute", "severity": "warning", "status": "conflict", "story": "harbour",
         "group": "g3", "subject": "Ada Brook", "score": 0.9,
         "message": "Tide Times calls Ada Brook Deputy Mayor; Coast Gazette says Mayor",
         "detail": "titles differ", "fact_ids": [ids[5], ids[2]]},
    ], DISCREPANCY_SCHEMA)
    stories = frame([{"article": a.id, "story": "harbour", "how": "grouped"},
                     {"article": b.id, "story": "harbour", "how": "grouped"}], STORIES_SCHEMA)
    rules = load_rules([str(ROOT / "rules" / "checks.yaml")], defaults=False)
    return Result(articles=[a, b], facts=facts, rules=rules, groups=groups,
                  discrepancies=discrepancies, stories=stories)


def assert_golden(name: str, actual: str) -> None:
    """Compare with tests/golden/NAME; FACTCHECK_UPDATE_GOLDEN=1 rewrites it."""
    path = GOLDEN / name
    if os.environ.get("FACTCHECK_UPDATE_GOLDEN") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
    assert path.exists(), f"no golden file {path}; run with FACTCHECK_UPDATE_GOLDEN=1"
    expected = path.read_text(encoding="utf-8")
    assert actual == expected, f"{name} differs from the golden file (FACTCHECK_UPDATE_GOLDEN=1)"
