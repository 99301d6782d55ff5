"""`factcheck baseline` accepts today's findings so a team can adopt the gate."""

from __future__ import annotations

import json
import shutil

from tests.conftest import SEEDS, run_cli


def test_baseline_then_check_passes_and_a_new_finding_fails(tmp_path):
    batch = tmp_path / "feed"
    shutil.copytree(SEEDS, batch)
    proc = run_cli("baseline", "feed", "--reason", "found before the gate", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "accepted 6 findings as the baseline" in proc.stderr
    triage = json.loads((batch / "factcheck.triage.json").read_text(encoding="utf-8"))
    notes = {d["state"]: d["note"] for d in triage["decisions"].values()}
    assert notes == {"dismissed": "found before the gate"}

    proc = run_cli("check", "feed", cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout.strip().endswith("6 dismissed in triage")

    # A later edit makes one outlet's figure disagree: that finding is new.
    brief = batch / "morning-brief.md"
    brief.write_text(brief.read_text(encoding="utf-8").replace("£150m equipment",
                                                               "£450m equipment"),
                     encoding="utf-8")
    proc = run_cli("check", "feed", cwd=tmp_path)
    assert proc.returncode == 1
    (line, _tail) = proc.stdout.strip().splitlines()
    assert line.startswith("feed/morning-brief.md:11:59: FC101 error Morning Brief says £450m")

    # Running the baseline again accepts only what is new.
    proc = run_cli("baseline", "feed", cwd=tmp_path)
    assert "accepted 1 findings as the baseline (6 already decided)" in proc.stderr
    assert run_cli("check", "feed", cwd=tmp_path).returncode == 0
