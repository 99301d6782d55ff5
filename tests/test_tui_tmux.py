"""The real console script in a real terminal (tmux): argument parsing, the
Textual driver, the triage file, the exit code and the terminal restored.

Open the seeds, dismiss the first discrepancy, quit; the decision is in the
triage file, the terminal is back to the shell, and `factcheck check` no
longer fails on that discrepancy.
"""

from __future__ import annotations

import json
import os
import shlex
import shutil
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FACTCHECK = str(Path(sys.executable).parent / "factcheck")
DONE = "FACTCHECK-EXIT="

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="needs tmux (see .ci/run)"),
]


class Tmux:
    def __init__(self, command: str, width: int = 120, height: int = 32) -> None:
        self.name = f"factcheck-test-{uuid.uuid4().hex[:8]}"
        self._tmux("new-session", "-d", "-s", self.name, "-x", str(width), "-y", str(height),
                   command)
        # A tmux server started by someone else may impose its own default size.
        self._tmux("resize-window", "-t", self.name, "-x", str(width), "-y", str(height))

    def _tmux(self, *args: str) -> str:
        return subprocess.run(["tmux", *args], capture_output=True, text=True, check=True,
                              timeout=30).stdout

    def screen(self) -> str:
        return self._tmux("capture-pane", "-p", "-t", self.name)

    def keys(self, *keys: str) -> None:
        self._tmux("send-keys", "-t", self.name, *keys)

    def show(self, key: str) -> str:
        return self._tmux("display-message", "-p", "-t", self.name, "#{" + key + "}").strip()

    def wait_for(self, text: str, timeout: float = 180) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            screen = self.screen()
            if text in screen:
                return screen
            time.sleep(0.2)
        raise AssertionError(f"{text!r} never appeared; screen:\n{self.screen()}")

    def app_pid(self) -> int:
        """The factcheck process under the pane's shell."""
        shell = self.show("pane_pid")
        out = subprocess.run(["pgrep", "-P", shell, "-f", "factcheck review"],
                             capture_output=True, text=True, timeout=10).stdout.split()
        assert out, "factcheck review is not running"
        return int(out[0])

    def close(self) -> None:
        subprocess.run(["tmux", "kill-session", "-t", self.name], capture_output=True)


def check_json(triage: Path) -> tuple[int, dict]:
    out = subprocess.run([FACTCHECK, "check", "seeds/", "--triage", str(triage), "--format",
                          "json", "--no-cache"], cwd=ROOT, capture_output=True, text=True,
                         timeout=300)
    return out.returncode, json.loads(out.stdout)


def test_review_seeds_dismiss_quit_and_check(tmp_path):
    triage = tmp_path / "triage.json"
    code, before = check_json(triage)
    failing = [d for d in before["discrepancies"] if d["severity"] in ("error", "warning")]
    assert failing, "the seeds must carry discrepancies to review"
    ids = {d["id"] for d in before["discrepancies"]}

    command = (f"cd {shlex.quote(str(ROOT))} && {FACTCHECK} review seeds/ --no-cache "
               f"--triage {shlex.quote(str(triage))}; echo {DONE}$?; sleep 600")
    term = Tmux(command)
    try:
        term.wait_for(" shown · ")  # the status line under the list: it is shown
        assert term.show("alternate_on") == "1"
        term.keys("d")
        # Written at once, before quitting.
        deadline = time.monotonic() + 10
        while not triage.exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        decided = json.loads(triage.read_text())["decisions"]
        term.keys("q")
        screen = term.wait_for(DONE, timeout=60)
        assert f"{DONE}0" in screen
        # The terminal is restored: back on the main screen, cursor shown, no app left.
        assert term.show("alternate_on") == "0"
        assert term.show("cursor_flag") == "1"
        assert "Triage" not in screen
    finally:
        term.close()

    assert len(decided) == 1
    (fingerprint, decision), = decided.items()
    assert decision["state"] == "dismissed"
    assert fingerprint in ids

    code_after, after = check_json(triage)
    by_id = {d["id"]: d for d in after["discrepancies"]}
    assert by_id[fingerprint]["triage"] == "dismissed"
    still_failing = [d for d in after["discrepancies"]
                     if d["severity"] in ("error", "warning") and d["triage"] != "dismissed"]
    assert len(still_failing) == len(failing) - (fingerprint in {d["id"] for d in failing})
    assert code_after == (1 if still_failing else 0)


def test_a_decision_survives_kill_9(tmp_path):
    triage = tmp_path / "triage.json"
    command = (f"cd {shlex.quote(str(ROOT))} && {FACTCHECK} review seeds/ --no-cache "
               f"--triage {shlex.quote(str(triage))}; sleep 600")
    term = Tmux(command)
    try:
        term.wait_for(" shown · ")
        pid = term.app_pid()
        term.keys("c")
        term.wait_for("confirmed", timeout=30)  # the key was handled: kill at once
        os.kill(pid, signal.SIGKILL)
    finally:
        term.close()
    decided = json.loads(triage.read_text())["decisions"]
    assert [d["state"] for d in decided.values()] == ["confirmed"]
    assert not list(tmp_path.glob(".triage.json.*"))  # no temporary file left behind


def test_filter_by_keyboard_alone_then_ctrl_c(tmp_path):
    """The filter dialog from the keyboard only: Tab to a field, Enter opens it,
    arrows and Enter choose, Tab to Apply, Enter; Ctrl+C then quits with 0."""
    triage = tmp_path / "triage.json"
    command = (f"cd {shlex.quote(str(ROOT))} && {FACTCHECK} review seeds/ "
               f"--triage {shlex.quote(str(triage))}; echo {DONE}$?; sleep 600")
    term = Tmux(command)
    try:
        term.wait_for("6/6 shown · ")
        term.keys("f")
        term.wait_for("Show only")
        term.keys("Tab")      # from severity to kind
        term.keys("Enter")    # open the kind's choices
        time.sleep(0.5)
        term.keys("Down")     # past "any" to the first kind
        term.keys("Enter")
        term.wait_for("kind      attribute")
        term.keys("Tab", "Tab", "Tab")  # source, triage, Apply
        time.sleep(0.3)
        term.keys("Enter")
        screen = term.wait_for("kind=attribute")
        assert "3/6 shown · sort severity · kind=attribute" in screen
        rows = [ln for ln in screen.splitlines() if ln.startswith((" error", " warning"))]
        assert len(rows) == 3 and all(" attribute " in ln for ln in rows)
        term.keys("C-c")
        assert f"{DONE}0" in term.wait_for(DONE, timeout=60)
        assert term.show("alternate_on") == "0"
    finally:
        term.close()
