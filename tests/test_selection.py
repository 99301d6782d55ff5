"""Rule selection the ruff way: select, extend-select, ignore, per-file-ignores,
from the command line and from the configuration file."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from factcheck.errors import FactcheckError
from factcheck.report.selection import (
    Selection,
    apply_selection,
    check_known,
    enabled,
    parse_per_file,
)
from tests.conftest import SEEDS, run_cli
from tests.report_support import synthetic_result

CHECKS = {"FC101": {"name": "numeric-mismatch"}, "FC104": {"name": "rate-mismatch"},
          "FC201": {"name": "role-mismatch"}, "FC202": {"name": "speaker-mismatch"}}


@pytest.mark.parametrize(
    ("selection", "on"),
    [
        (Selection(), {"FC101", "FC104", "FC201", "FC202"}),
        (Selection(select=("FC1",)), {"FC101", "FC104"}),
        (Selection(select=("FC1",), extend_select=("FC202",)), {"FC101", "FC104", "FC202"}),
        (Selection(ignore=("FC2",)), {"FC101", "FC104"}),
        (Selection(ignore=("role-mismatch",)), {"FC101", "FC104", "FC202"}),
        # The more specific selector wins; at equal reach, ignore wins.
        (Selection(select=("FC104",), ignore=("FC1",)), {"FC104"}),
        (Selection(select=("FC1",), ignore=("FC1",)), set()),
        (Selection(select=("ALL",), ignore=("FC104",)), {"FC101", "FC201", "FC202"}),
        (Selection(select=("fc20",)), {"FC201", "FC202"}),
    ],
    ids=["default-all", "prefix", "extend", "ignore-prefix", "ignore-by-name",
         "specific-select-beats-broad-ignore", "equal-reach-ignore-wins", "all-but-one",
         "lower-case"],
)
def test_which_rules_a_selection_reports(selection, on):
    assert {c for c, r in CHECKS.items() if enabled(selection, c, r["name"])} == on


@pytest.mark.parametrize("selection", [Selection(select=("FC9",)),
                                       Selection(ignore=("numeric-mismatsh",)),
                                       Selection(per_file_ignores=(("a/*", ("FC7",)),))],
                         ids=["select", "ignore-typo", "per-file"])
def test_a_selector_that_matches_no_rule_is_an_error(selection):
    # A typo in an ignore list must not pass silently (nor silence a gate).
    with pytest.raises(FactcheckError, match="no rule matches"):
        check_known(selection, CHECKS)


def test_per_file_ignores_apply_where_the_finding_is():
    r = synthetic_result()
    location = {"fp-money-harbour": "news/tide-times.md", "fp-role-brook": "archive/old.md"}
    kept = apply_selection(r.discrepancies, Selection(per_file_ignores=parse_per_file(
        ["archive/*:FC2", "news/*.md:FC201"])), r.rules.checks, location)
    assert kept["id"].to_list() == ["fp-money-harbour"]
    kept = apply_selection(r.discrepancies, Selection(per_file_ignores=parse_per_file(
        ["news/*:FC201"])), r.rules.checks, location)
    assert kept["id"].to_list() == ["fp-money-harbour", "fp-role-brook"]


def test_a_malformed_per_file_entry_is_an_error():
    with pytest.raises(FactcheckError, match="GLOB:CODE"):
        parse_per_file(["archive/*"])


def _rules(proc: subprocess.CompletedProcess) -> list[str]:
    assert proc.returncode in (0, 1), proc.stderr
    return sorted(d["rule"] for d in json.loads(proc.stdout)["discrepancies"])


@pytest.fixture(scope="module")
def seeds_copy(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("project")
    (root / ".git").mkdir()
    shutil.copytree(SEEDS, root / "seeds")
    return root


def test_select_and_ignore_on_the_command_line(seeds_copy):
    everything = _rules(run_cli("check", "seeds", "--format", "json", cwd=seeds_copy))
    assert {"FC102", "FC201"} <= set(everything)
    only = _rules(run_cli("check", "seeds", "--format", "json", "--select", "FC1",
                          "--ignore", "FC102", cwd=seeds_copy))
    assert only == [r for r in everything if r.startswith("FC1") and r != "FC102"]
    proc = run_cli("check", "seeds", "--select", "FC9", cwd=seeds_copy)
    assert proc.returncode == 2
    assert proc.stderr.strip() == ("factcheck: error: select: no rule matches 'FC9' "
                                   "(see 'factcheck rules list')")


def test_select_and_per_file_ignores_in_the_configuration(seeds_copy):
    everything = _rules(run_cli("check", "seeds", "--format", "json", cwd=seeds_copy))
    config = seeds_copy / ".factcheck.toml"
    config.write_text('ignore = ["FC2"]\n\n[per-file-ignores]\n"seeds/daily-*" = ["FC102"]\n',
                      encoding="utf-8")
    try:
        unset = ("FACTCHECK_NO_CONFIG", "FACTCHECK_DEBUG")
        got = _rules(run_cli("check", "seeds", "--format", "json", cwd=seeds_copy, unset=unset))
        assert got == [r for r in everything if not r.startswith("FC2") and r != "FC102"]
        # The command line replaces the file's list rather than adding to it.
        got = _rules(run_cli("check", "seeds", "--format", "json", "--ignore", "FC104",
                             cwd=seeds_copy, unset=unset))
        assert "FC201" in got and "FC104" not in got and "FC102" not in got
        config.write_text('per-file-ignores = ["seeds/*"]\n', encoding="utf-8")
        proc = run_cli("check", "seeds", cwd=seeds_copy, unset=unset)
        assert proc.returncode == 2
        assert proc.stderr.startswith("factcheck: error: .factcheck.toml:1: per-file-ignores: "
                                      "expected a table of glob = [rule codes]")
    finally:
        config.unlink()
