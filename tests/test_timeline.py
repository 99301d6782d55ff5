"""The story timeline: a running total across a story's articles in time order."""

from __future__ import annotations

import json
from pathlib import Path

from factcheck.model import Options
from factcheck.report.json import report
from factcheck.run.pipeline import run

ARTICLES = [
    ("dawn", "2025-04-09T06:30:00Z", "At least 12 people were killed when the bridge fell, "
     "rescuers said."),
    ("noon", "2025-04-09T12:00:00Z", "The bridge collapse killed 19 people, rescuers said."),
    ("dusk", "2025-04-09T19:00:00Z", "Officials said 17 people were killed when the bridge "
     "fell, after two of the missing were found alive."),
]


def _story(tmp_path: Path) -> Path:
    path = tmp_path / "bridge.jsonl"
    path.write_text("".join(
        json.dumps({"id": i, "story": "bridge", "source": f"{i}.example", "published": p,
                    "text": t}) + "\n" for i, p, t in ARTICLES), encoding="utf-8")
    return path


def test_a_toll_that_climbs_then_is_corrected(tmp_path: Path) -> None:
    result = run([str(_story(tmp_path))], Options())
    steps = result.timeline.filter(result.timeline["series"] == "killed")
    assert steps["article"].to_list() == ["dawn", "noon", "dusk"]
    assert steps["value"].to_list() == [12, 19, 17]
    assert steps["status"].to_list() == ["first", "update", "conflict"]
    found = {(r["rule"], r["status"]) for r in result.discrepancies.iter_rows(named=True)}
    assert ("FC106", "update") in found  # 12 → 19 later: an update
    assert any(rule == "FC101" and status == "conflict" for rule, status in found)  # 19 → 17


def test_the_json_report_carries_the_timeline(tmp_path: Path) -> None:
    result = run([str(_story(tmp_path))], Options())
    steps = report(result)["timeline"]
    assert [s["value"] for s in steps if s["series"] == "killed"] == [12, 19, 17]
    assert steps[0]["published"].startswith("2025-04-09T06:30")


def test_every_later_outlet_that_moved_on_is_an_update(tmp_path: Path) -> None:
    path = tmp_path / "arrest.jsonl"
    rows = [("early", "2025-05-01T08:00:00Z", "A cyclist was shot on Quay Street on Friday. "
             "No arrests have been made, police said."),
            ("late-a", "2025-05-02T09:00:00Z", "Detectives arrested a 30-year-old man on "
             "Saturday over the shooting of a cyclist on Quay Street."),
            ("late-b", "2025-05-02T11:00:00Z", "Police have arrested a man over the shooting "
             "of a cyclist on Quay Street, a spokesman said.")]
    path.write_text("".join(json.dumps({"id": i, "story": "quay", "published": p, "text": t})
                            + "\n" for i, p, t in rows), encoding="utf-8")
    result = run([str(path)], Options())
    updates = result.discrepancies.filter(result.discrepancies["rule"] == "FC106")
    # Each later article is reported against the earlier "no arrests".
    assert sorted(updates["status"].to_list()) == ["update", "update"]
    cited = {ids[0] for ids in updates["fact_ids"].to_list()}
    later = set(result.facts.filter(result.facts["article"].is_in(["late-a", "late-b"]))
                ["fact_id"].to_list())
    assert cited <= later and len(cited) == 2
