"""Rule files: bad ones give `file:line: field: problem` and exit 2 through the
real console script; the shipped catalogue is complete; `rules list/explain`."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.errors import FactcheckError
from factcheck.rules.load import load_rules
from factcheck.rules.schema import SECTIONS
from tests.conftest import run_cli

ROOT = Path(__file__).resolve().parent.parent


cli = run_cli


BAD = [
    pytest.param("bad.yaml", "tolerances:\n  money: {relative: 0.02\n", "bad.yaml:",
                 "bad YAML", id="bad-yaml"),
    pytest.param("bad.yaml", "tolerances:\n  money:\n    relative: lots\n", "bad.yaml:3:",
                 "tolerances.money.relative: expected a number", id="wrong-type"),
    pytest.param("bad.yaml", "alignment:\n  threshold: 0.5\n  treshold: 0.4\n", "bad.yaml:3:",
                 "treshold: unknown setting", id="unknown-setting"),
    pytest.param("bad.yaml", "tolerances:\n  money: {relative: 0.1, fuzz: 2}\n", "bad.yaml:2:",
                 "tolerances.money.fuzz: unknown key", id="unknown-key"),
    pytest.param("bad.yaml", "checkz:\n  FC101: {}\n", "bad.yaml:1:",
                 "checkz: unknown section", id="unknown-section"),
    pytest.param("bad.yaml", "severity:\n  - {rule: FC101, level: fatal}\n", "bad.yaml:2:",
                 "severity[0].level: expected one of error, warning, info", id="bad-enum"),
    pytest.param("bad.yaml", "currency_rates:\n  euro-pound: 0.8\n", "bad.yaml:2:",
                 "a rate is named FROM/TO", id="bad-rate-name"),
    pytest.param("bad.yaml", "checks:\n  FC900:\n    name: x\n    severity: error\n",
                 "bad.yaml:3:", "checks.FC900.message: required key is missing",
                 id="missing-key"),
    pytest.param("bad.yaml", "checks:\n  FC900:\n    name: x\n    severity: error\n"
                 "    message: '{source} says {nonsense}'\n    what: a\n    why: b\n"
                 "    example: c\n    fix: d\n", "bad.yaml:2:",
                 "FC900: message: unknown placeholder {nonsense}", id="unknown-placeholder"),
    pytest.param("bad.yaml", "subject_synonyms:\n  - ally\n", "bad.yaml:2:",
                 "subject_synonyms[0]: expected a list of a string", id="list-not-list"),
    pytest.param("bad.yaml", "day_parts:\n  night: ['18:00', 'late']\n", "bad.yaml:2:",
                 "night: expected [from, to] as HH:MM", id="bad-day-part"),
    pytest.param("bad.yaml", "person_conditions:\n  stable:\n    rank: 1\n"
                 "    phrases: [stable condition]\n    agrees: [grave]\n", "bad.yaml:2:",
                 "stable: agrees: no state 'grave'", id="agrees-with-no-state"),
]


@pytest.mark.parametrize(("name", "text", "where", "problem"), BAD)
@pytest.mark.parametrize("command", ["rules-check", "check"])
def test_bad_rule_file_names_file_and_line_and_exits_2(tmp_path, command, name, text, where,
                                                       problem):
    rules = tmp_path / "myrules"
    rules.mkdir()
    (rules / name).write_text(text, encoding="utf-8")
    (tmp_path / "a.txt").write_text("Officials said 12 people died.\n", encoding="utf-8")
    args = (["rules", "check", "myrules"] if command == "rules-check"
            else ["check", "a.txt", "--rules", "myrules"])
    run = cli(*args, cwd=tmp_path)
    assert run.returncode == 2
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in run.stderr, run.stderr
    assert f"myrules/{where}" in lines[0]
    assert problem in lines[0]


def test_shipped_rules_check_clean():
    run = cli("rules", "check", cwd=ROOT)
    assert run.returncode == 0, run.stderr
    assert "rules/checks.yaml" in run.stdout and "rules/compare.yaml" in run.stdout


def test_every_rule_is_documented():
    # That every check module is catalogued: tests/test_check_cases.py.
    rules = load_rules()
    for code, entry in rules.checks.items():
        for field in ("what", "why", "example", "fix"):
            assert len(entry[field].split()) >= 5, (code, field)


def test_user_rules_add_to_the_defaults(tmp_path):
    (tmp_path / "rates.yaml").write_text("currency_rates:\n  EUR/GBP: 0.84\n", encoding="utf-8")
    rules = load_rules([tmp_path])
    assert rules.currency_rates["EUR/GBP"] == 0.84
    assert "FC101" in rules.checks
    alone = load_rules([tmp_path], defaults=False)
    assert "FC101" not in alone.checks


@pytest.mark.parametrize("ask", ["FC102", "fc102", "magnitude-behind-qualifier"])
def test_explain_by_code_or_name(ask):
    run = cli("rules", "explain", ask, cwd=ROOT)
    assert run.returncode == 0
    out = run.stdout
    assert out.startswith("FC102 magnitude-behind-qualifier")
    for heading in ("What it does", "Why it matters", "Example", "What to do"):
        assert heading in out


def test_explain_unknown_rule_is_a_usage_error():
    run = cli("rules", "explain", "FC999", cwd=ROOT)
    assert run.returncode == 2
    assert "no rule 'FC999'" in run.stderr and "FC101" in run.stderr


def test_list_shows_every_rule_once():
    run = cli("rules", "list", cwd=ROOT)
    assert run.returncode == 0
    codes = [line.split()[0] for line in run.stdout.splitlines()]
    assert codes == sorted(load_rules().checks)


def test_duplicate_rule_name_is_refused(tmp_path):
    (tmp_path / "c.yaml").write_text(
        "checks:\n" + "".join(
            f"  FC9{i}0:\n    name: same\n    severity: info\n    message: m\n    what: w\n"
            f"    why: y\n    example: e\n    fix: f\n" for i in range(2)), encoding="utf-8")
    with pytest.raises(FactcheckError, match="already used by FC900"):
        load_rules([tmp_path], defaults=False)


def test_schema_describes_every_section_and_accepts_the_shipped_files(tmp_path):
    import json

    import jsonschema
    import yaml

    run = cli("rules", "schema", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    schema = json.loads(run.stdout)
    sections = schema["properties"]
    assert set(sections) == set(SECTIONS)
    assert all(s.get("description") for s in sections.values())
    for path in sorted((ROOT / "rules").glob("*.yaml")):
        jsonschema.validate(yaml.safe_load(path.read_text(encoding="utf-8")), schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"alignment": {"threshold": -0.5}}, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"severity": [{"level": "fatal"}]}, schema)


def test_a_file_that_gives_one_setting_keeps_the_others(tmp_path):
    (tmp_path / "a.yaml").write_text("alignment:\n  threshold: 0.4\n", encoding="utf-8")
    shipped = load_rules()
    mine = load_rules([tmp_path])
    assert mine.alignment.threshold == 0.4
    assert shipped.alignment.threshold != 0.4
    assert mine.alignment.subject_weight == shipped.alignment.subject_weight
    # Without the shipped rules, the settings not given are the documented defaults.
    alone = load_rules([tmp_path], defaults=False)
    assert alone.alignment.threshold == 0.4 and alone.alignment.max_ratio == 12.0
    assert alone.story_grouping.threshold == 0.08 and alone.checks == {}
