"""Project configuration: `.factcheck.toml` or `[tool.factcheck]` sets option defaults."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.conftest import run_cli


def run_here(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    # The suite turns configuration off; these tests are about it.
    return run_cli(*args, cwd=cwd, unset=("FACTCHECK_NO_CONFIG", "FACTCHECK_DEBUG"))


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / ".git").mkdir()  # the walk up stops at a repository root
    (tmp_path / "a.txt").write_text("Officials counted 12 boats.\n", encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        (".factcheck.toml", 'fail-on = "loud"\n', ".factcheck.toml:1: fail-on: expected one of"),
        (".factcheck.toml", 'jobs = 1\nfail_onn = "error"\n',
         ".factcheck.toml:2: fail-onn: unknown setting; expected one of"),
        (".factcheck.toml", "jobs = \n", ".factcheck.toml:1: bad TOML"),
        ("pyproject.toml", '[tool.factcheck]\njobs = "two"\n',
         "pyproject.toml:2: jobs: expected a whole number, got 'two'"),
        ("pyproject.toml", '[tool.factcheck]\nrules = "mine"\n',
         "pyproject.toml:2: rules: expected a list of strings"),
    ],
    ids=["bad-choice", "unknown-key", "bad-toml", "wrong-type", "rules-not-a-list"],
)
def test_bad_configuration_is_one_line_and_exit_2(project: Path, name: str, text: str,
                                                  message: str) -> None:
    (project / name).write_text(text, encoding="utf-8")
    proc = run_here(project, "extract", "a.txt")
    assert proc.returncode == 2
    (line,) = proc.stderr.strip().splitlines()
    assert line.startswith(f"factcheck: error: {message}")


def test_configuration_sets_defaults_and_the_command_line_wins(project: Path) -> None:
    rules = project / "conf" / "house-rules"
    rules.mkdir(parents=True)
    (rules / "bad.yaml").write_text("nonsense_section: {}\n", encoding="utf-8")
    # The rules folder is relative to the configuration file, not the working folder.
    (project / "conf" / ".factcheck.toml").write_text('rules = ["house-rules"]\n',
                                                      encoding="utf-8")
    sub = project / "conf" / "work"
    sub.mkdir()
    (sub / "a.txt").write_text("Officials counted 12 boats.\n", encoding="utf-8")
    proc = run_here(sub, "extract", "a.txt")
    assert proc.returncode == 2
    assert "house-rules/bad.yaml:1: nonsense_section: unknown section" in proc.stderr


def test_pyproject_table_applies_to_check(project: Path) -> None:
    (project / "pyproject.toml").write_text('[tool.factcheck]\nformat = "json"\n',
                                            encoding="utf-8")
    proc = run_here(project, "check", "a.txt")
    assert proc.returncode == 0, proc.stderr
    assert '"schema": "factcheck.report/1"' in proc.stdout
    proc = run_here(project, "check", "a.txt", "--format", "text")
    assert proc.stdout.startswith("0 discrepancies")


def test_no_config_switch_ignores_the_file(project: Path) -> None:
    (project / ".factcheck.toml").write_text('fail-on = "loud"\n', encoding="utf-8")
    proc = run_cli("extract", "a.txt", cwd=project)  # FACTCHECK_NO_CONFIG=1 is set
    assert proc.returncode == 0, proc.stderr
