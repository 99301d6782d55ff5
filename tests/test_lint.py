"""`make lint` as tests, so CI enforces it: ruff, mypy (0 errors on factcheck/)
and the import contracts in pyproject.toml (the flow's stages import only the
stages below them; only factcheck/tui imports Textual)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def _run(tool: str, *args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    exe = BIN / tool
    assert exe.exists(), f"{tool} is missing: it is in the dev extras (make setup)"
    return subprocess.run([str(exe), *args], cwd=cwd, capture_output=True, text=True,
                          timeout=600)


def test_ruff_is_clean() -> None:
    run = _run("ruff", "check", "factcheck", "tests", "benchmarks")
    assert run.returncode == 0, run.stdout + run.stderr


def test_mypy_is_clean() -> None:
    run = _run("mypy")
    assert run.returncode == 0, run.stdout + run.stderr


def test_import_contracts_are_kept() -> None:
    run = _run("lint-imports", "--no-cache")
    assert run.returncode == 0, run.stdout + run.stderr
    assert "0 broken" in run.stdout


@pytest.fixture
def copy_with_an_upward_import(tmp_path: Path) -> Path:
    """The package and its contracts, with crosscheck importing run (upwards)."""
    shutil.copytree(ROOT / "factcheck", tmp_path / "factcheck")
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    align = tmp_path / "factcheck" / "crosscheck" / "align.py"
    align.write_text(align.read_text(encoding="utf-8") + "\nfrom ..run import memory\n",
                     encoding="utf-8")
    return tmp_path


def test_the_layers_contract_notices_an_upward_import(copy_with_an_upward_import: Path) -> None:
    # The contract must be able to fail, or the test above proves nothing.
    env_root = copy_with_an_upward_import
    exe = BIN / "lint-imports"
    run = subprocess.run([str(exe), "--no-cache"], cwd=env_root, capture_output=True, text=True,
                         timeout=600, env={"PYTHONPATH": str(env_root), "PATH": str(BIN)})
    assert run.returncode == 1, run.stdout + run.stderr
    assert "factcheck.crosscheck is not allowed to import factcheck.run" in run.stdout
