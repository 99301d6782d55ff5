"""Shared fixtures: the real model is loaded once per test session."""

from __future__ import annotations

import atexit
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"

# Tests never read the developer's own configuration or debug switches.
os.environ.pop("FACTCHECK_DEBUG", None)
os.environ["FACTCHECK_NO_CONFIG"] = "1"
# Nor write into the developer's extraction cache: the suite gets its own.
_CACHE = tempfile.mkdtemp(prefix="factcheck-test-cache-")
os.environ["FACTCHECK_CACHE_DIR"] = _CACHE
atexit.register(shutil.rmtree, _CACHE, True)


SCRIPT = Path(sys.executable).with_name("factcheck")


def run_cli(*args: str, cwd: Path, stdin: str | None = None,
            unset: tuple[str, ...] = ("FACTCHECK_DEBUG",)) -> subprocess.CompletedProcess:
    """The real console script, as a user runs it; `unset` names variables to drop."""
    env = {k: v for k, v in os.environ.items() if k not in unset}
    return subprocess.run([str(SCRIPT), *args], cwd=cwd, input=stdin, capture_output=True,
                          text=True, env=env, timeout=120)


@pytest.fixture(scope="session")
def nlp():
    from factcheck.nlp.load import load_model

    return load_model()


@pytest.fixture(scope="session")
def rules():
    from factcheck.rules.load import load_rules

    return load_rules()


@pytest.fixture(scope="session")
def seeds_result():
    """The whole flow run once on the shipped seeds."""
    from factcheck.run.pipeline import run

    return run([str(SEEDS)])


@pytest.fixture(scope="session")
def person_rows(nlp, rules):
    """The person rows of one text, as extracted from a one-line article, of the
    attributes asked for."""
    from factcheck.extract import extract_doc
    from factcheck.model import Article

    def rows(text: str, *attributes: str) -> list[dict]:
        article = Article(id="t.txt", path="t.txt", source="t", title="", published=None,
                          url="", story=None, text=text)
        return [r for r in extract_doc(nlp(text), article, rules, 0)
                if r["kind"] == "person" and r["attribute"] in attributes]
    return rows
