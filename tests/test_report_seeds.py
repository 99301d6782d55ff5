"""The CLI on the seeds: every format against its golden file, with its exit code;
triage turning a failing gate into a passing one; fingerprints that survive edits.

Goldens record what a user sees, like a CLI snapshot: the exit code, then
stdout. Rewrite them with FACTCHECK_UPDATE_GOLDEN=1 after an intended change
and read the diff.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import jsonschema
import pytest

from factcheck.cli import main
from factcheck.storage.triage import Triage
from tests.report_support import ROOT, assert_golden

SUFFIX = {"text": "txt", "json": "json", "markdown": "md", "sarif": "sarif", "github": "github",
          "junit": "junit.xml", "gitlab": "gitlab.json"}


@pytest.fixture(scope="module")
def cache_dir(tmp_path_factory):
    # One extraction cache for the module: the first run parses, the rest reuse it.
    return str(tmp_path_factory.mktemp("cache"))


def check(capsys, cache_dir, *args) -> tuple[int, str, str]:
    code = main(["check", *args, "--cache-dir", cache_dir, "--jobs", "1"])
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.mark.parametrize(
    ("fmt", "extra", "expected_code"),
    [
        ("text", [], 1),
        ("json", [], 1),
        ("markdown", [], 1),
        ("sarif", [], 1),
        ("github", [], 1),
        ("junit", [], 1),
        ("gitlab", [], 1),
        ("text", ["--output-format", "full"], 1),
        ("text", ["--exit-zero"], 0),
        ("text", ["--fail-on", "never"], 0),
    ],
    ids=["text", "json", "markdown", "sarif", "github", "junit", "gitlab", "text-full",
         "exit-zero", "fail-on-never"],
)
def test_seeds_golden(capsys, monkeypatch, tmp_path, cache_dir, fmt, extra, expected_code):
    monkeypatch.chdir(ROOT)
    code, out, _ = check(capsys, cache_dir, "seeds/", "--format", fmt,
                         "--triage", str(tmp_path / "none.json"), *extra)
    assert code == expected_code
    if not extra:
        assert_golden(f"seeds.{SUFFIX[fmt]}", f"exit: {code}\n---\n{out}")
    if extra == ["--output-format", "full"]:
        assert_golden("seeds.full.txt", f"exit: {code}\n---\n{out}")
    data = Path(__file__).parent / "data"
    if fmt == "sarif":
        schema = json.loads((data / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
        jsonschema.validate(json.loads(out), schema)
    if fmt == "gitlab":
        schema = json.loads((data / "gitlab-code-quality.json").read_text(encoding="utf-8"))
        jsonschema.validate(json.loads(out), schema)
    if fmt == "junit":
        from lxml import etree

        etree.XMLSchema(etree.parse(str(data / "junit.xsd"))).assertValid(
            etree.fromstring(out.encode()))


@pytest.fixture
def batch(tmp_path, monkeypatch):
    """A copy of the seeds the test may edit, as the working folder."""
    shutil.copytree(ROOT / "seeds", tmp_path / "news")
    (tmp_path / "news" / "README.md").unlink()
    monkeypatch.chdir(tmp_path)
    return tmp_path / "news"


def test_dismissing_every_finding_makes_the_gate_pass(capsys, batch, cache_dir):
    code, out, _ = check(capsys, cache_dir, "news/", "--format", "json")
    assert code == 1
    found = json.loads(out)["discrepancies"]
    assert found and all(d["triage"] == "new" for d in found)

    triage = Triage.load(batch / "factcheck.triage.json")  # the default place
    gating = [d["id"] for d in found if d["severity"] in ("error", "warning")]
    for fp in gating[:-1]:
        triage.decide(fp, "dismissed", "reviewed")
    assert check(capsys, cache_dir, "news/")[0] == 1  # one is left
    triage.decide(gating[-1], "confirmed")
    assert check(capsys, cache_dir, "news/")[0] == 1  # confirmed still fails
    triage.decide(gating[-1], "dismissed")
    code, out, _ = check(capsys, cache_dir, "news/", "--format", "json")
    assert code == 0
    states = {d["id"]: d["triage"] for d in json.loads(out)["discrepancies"]}
    assert all(states[fp] == "dismissed" for fp in gating)


def test_an_edit_elsewhere_keeps_the_fingerprints(capsys, batch, cache_dir):
    code, out, _ = check(capsys, cache_dir, "news/", "--format", "json")
    before = json.loads(out)["discrepancies"]
    for path in sorted(batch.glob("*.md")):
        text = path.read_text(encoding="utf-8")
        head, body = text.split("\n---\n", 1)
        # A new opening paragraph: every offset after it moves.
        path.write_text(f"{head}\n---\nThis report was updated with reaction from readers.\n\n"
                        f"{body}", encoding="utf-8")
    code, out, _ = check(capsys, cache_dir, "news/", "--format", "json")
    after = json.loads(out)["discrepancies"]
    assert [d["id"] for d in after] == [d["id"] for d in before]
    # The edit did move the evidence, so the ids do not rest on offsets.
    assert [f["start"] for f in after[0]["facts"]] != [f["start"] for f in before[0]["facts"]]
    assert [f["line"] for f in after[0]["facts"]] == [f["line"] + 2 for f in before[0]["facts"]]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["news/", "--triage", "broken.json"], "broken.json:1: the triage file is not valid"),
        (["news/", "--against", "nowhere"], "nowhere: no fact store here"),
    ],
    ids=["corrupt-triage", "missing-store"],
)
def test_bad_inputs_exit_2_with_one_line(capsys, batch, cache_dir, args, message):
    Path("broken.json").write_text("{")
    code, out, err = check(capsys, cache_dir, *args)
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1
    assert err.startswith("factcheck: error: ") and message in err


def test_the_committed_seeds_report_is_what_make_run_writes(capsys, monkeypatch, tmp_path,
                                                             cache_dir):
    # reports/seeds.md is the quick start's result a newcomer opens first; it
    # went stale once when the report changed and nobody re-ran `make run`.
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    monkeypatch.chdir(tmp_path)
    code, _, _ = check(capsys, cache_dir, "seeds/", "--report", "reports/seeds.md",
                       "--exit-zero")
    assert code == 0
    written = (tmp_path / "reports" / "seeds.md").read_text()
    assert written == (ROOT / "reports" / "seeds.md").read_text(), (
        "reports/seeds.md is stale: run `make run` and commit it")
