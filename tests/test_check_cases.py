"""Every check's cases as data: small invented stories that must fire the
check and stories that must not (tests/checks/<CODE>.yaml, format in
tests/checks/README.md). One parametrized test runs them all through the
whole flow (extraction with the real model, stories, alignment, comparison),
so a case holds however the check is built.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

CHECKS = Path(__file__).resolve().parent / "checks"
EXPECT = ("fire", "quiet")


def _load(path: Path) -> list[tuple[str, dict[str, Any]]]:
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    code = doc["code"]
    if path.stem != code:
        raise AssertionError(f"{path.name}: code {code} does not match the file name")
    out = []
    for case in doc["cases"]:
        if case.get("expect") not in EXPECT:
            raise AssertionError(f"{path.name}: case {case.get('id')}: "
                                 "expect must be fire or quiet")
        out.append((code, case))
    return out


def _cases() -> list[Any]:
    params = []
    for path in sorted(CHECKS.glob("*.yaml")):
        for code, case in _load(path):
            params.append(pytest.param(code, case, id=f"{code}-{case['id']}"))
    return params


def _story(case: dict[str, Any], folder: Path) -> Path:
    path = folder / "case.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for i, art in enumerate(case["articles"]):
            record = {"id": chr(ord("a") + i), "story": "case", "text": art["text"],
                      "source": art.get("source", f"outlet-{i}.example")}
            if art.get("published"):
                record["published"] = str(art["published"])
            if art.get("title"):
                record["title"] = art["title"]
            out.write(json.dumps(record) + "\n")
    return path


@pytest.mark.parametrize(("code", "case"), _cases())
def test_check_case(code: str, case: dict[str, Any], tmp_path: Path) -> None:
    from factcheck.model import Options
    from factcheck.run.pipeline import run

    result = run([str(_story(case, tmp_path))], Options())
    found = result.discrepancies.filter(result.discrepancies["rule"] == code)
    shown = result.discrepancies.select("rule", "severity", "status", "message").rows()
    if case["expect"] == "quiet":
        assert found.height == 0, f"{code} fired but must not: {shown}"
        return
    assert found.height > 0, f"{code} did not fire; reported: {shown}"
    for key in ("status", "severity"):
        if key in case:
            assert case[key] in found[key].to_list(), f"{code}: no {key} {case[key]}: {shown}"
    if "cites" in case:
        # The facts aligned, not only some pair: one finding cites every article named.
        article = dict(zip(result.facts["fact_id"], result.facts["article"], strict=True))
        cited = [{article[f] for f in ids} for ids in found["fact_ids"].to_list()]
        assert any(set(case["cites"]) <= c for c in cited), \
            f"{code}: no finding cites {case['cites']}: {cited} {shown}"


def test_every_case_file_has_both_kinds() -> None:
    """A check with only firing cases (or only quiet ones) is half tested."""
    for path in sorted(CHECKS.glob("*.yaml")):
        kinds = {case["expect"] for _, case in _load(path)}
        assert kinds == set(EXPECT), f"{path.name}: needs cases that fire and cases that must not"


def _catalogue() -> dict[str, Any]:
    from factcheck.rules.load import load_rules

    return dict(load_rules().checks)


@pytest.mark.parametrize("code", sorted(_catalogue()))
def test_every_catalogued_check_has_a_module_and_cases(code: str) -> None:
    """A rule users can read about is one the code can report and the cases pin."""
    from factcheck.crosscheck import checks

    name = _catalogue()[code]["name"]
    assert code in checks.registry(), (
        f"{code} {name}: no module factcheck/crosscheck/checks/"
        f"{code.lower()}_{name.replace('-', '_')}.py")
    assert checks.module_names()[code] == name.replace("-", "_"), (
        f"{code}: the module is named {checks.module_names()[code]}, the catalogue says {name}")
    path = CHECKS / f"{code}.yaml"
    assert path.is_file(), f"{code} {name}: no cases in tests/checks/{code}.yaml"
    kinds = {case["expect"] for _, case in _load(path)}
    assert kinds == set(EXPECT), f"{path.name}: needs cases that fire and cases that must not"


def test_every_check_module_is_catalogued() -> None:
    """A check the code can report has a name, a severity and docs users can read."""
    from factcheck.crosscheck import checks

    missing = sorted(set(checks.registry()) - set(_catalogue()))
    assert not missing, f"checks with no entry in rules/checks.yaml: {missing}"
