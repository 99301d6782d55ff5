"""Every output format on a hand-made result: goldens, contracts, SARIF schema."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import polars as pl
import pytest

from factcheck.facts import facts_frame
from factcheck.report import FORMATS, fails, render
from factcheck.report.github import render_github
from factcheck.storage.triage import Triage, apply_triage
from tests.report_support import assert_golden, synthetic_result

SUFFIX = {"text": "txt", "json": "json", "markdown": "md", "sarif": "sarif", "github": "github",
          "junit": "junit.xml", "gitlab": "gitlab.json"}
DATA = Path(__file__).parent / "data"
SARIF_SCHEMA = DATA / "sarif-schema-2.1.0.json"


@pytest.fixture
def result(tmp_path):
    r = synthetic_result()
    t = Triage(tmp_path / "t.json")
    t.decide("fp-role-brook", "dismissed", "Brook was promoted on Friday")
    r.discrepancies = apply_triage(r.discrepancies, t)
    return r


@pytest.mark.parametrize("fmt", FORMATS)
def test_format_matches_golden(result, fmt):
    out = render(fmt, result, output="reports/harbour.md")
    assert_golden(f"synthetic.{SUFFIX[fmt]}", out)
    assert render(fmt, result, output="reports/harbour.md") == out  # deterministic


def test_json_report_keeps_the_contract(result):
    data = json.loads(render("json", result))
    assert data["schema"] == "factcheck.report/1"
    assert list(data) == ["schema", "articles", "stories", "discrepancies", "people",
                          "timeline", "summary"]
    assert set(data["articles"][0]) == {"id", "path", "source", "title", "published"}
    d = data["discrepancies"][0]
    for key in ("id", "rule", "kind", "severity", "status", "subject", "message", "triage",
                "facts"):
        assert key in d
    text = {a.id: a.text for a in result.articles}
    for d in data["discrepancies"]:
        for f in d["facts"]:
            # Offsets are exact: they cut the fact's own words out of the article.
            assert text[f["article"]][f["start"]:f["end"]] == f["text"]
            for key in ("line", "column", "value", "low", "high", "unit", "qualifier",
                        "sentence"):
                assert key in f
    assert data["summary"]["by_severity"] == {"error": 1, "warning": 1}
    assert [d["triage"] for d in data["discrepancies"]] == ["new", "dismissed"]


def test_sarif_validates_against_the_2_1_0_schema(result):
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    log = json.loads(render("sarif", result))
    jsonschema.validate(log, schema)
    run = log["runs"][0]
    res = {r["partialFingerprints"]["factcheck/v1"]: r for r in run["results"]}
    assert res["fp-role-brook"]["suppressions"][0]["justification"] == \
        "Brook was promoted on Friday"
    assert "suppressions" not in res["fp-money-harbour"]
    assert res["fp-money-harbour"]["baselineState"] == "new"
    # One location per cited fact, with a full region on the fact's words.
    region = res["fp-money-harbour"]["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"], region["endColumn"]) == (6, 27, 31)
    rule = run["tool"]["driver"]["rules"][res["fp-money-harbour"]["ruleIndex"]]
    assert rule["id"] == "FC101" and rule["help"]["text"]


def test_sarif_without_article_records_still_validates(result):
    """check --facts: no Article records, metadata comes from the facts table."""
    result.articles = []
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.validate(json.loads(render("sarif", result)), schema)
    data = json.loads(render("json", result))
    assert [a["source"] for a in data["articles"]] == ["Coast Gazette", "Tide Times"]


@pytest.mark.parametrize(
    ("message", "expected"),
    [("plain", "::plain"), ("50% more", "::50%25 more"), ("two\nlines", "::two%0Alines")],
    ids=["plain", "percent", "newline"],
)
def test_github_escapes_the_message(result, message, expected):
    d = result.discrepancies
    result.discrepancies = d.with_columns(
        pl.when(pl.col("id") == "fp-money-harbour").then(pl.lit(message))
        .otherwise(pl.col("message")).alias("message"))
    line = render_github(result).splitlines()[0]
    assert line.startswith("::error file=news/tide-times.md,line=6,col=27,endColumn=31,")
    assert line.split("numeric-mismatch", 1)[1].startswith(expected)


@pytest.mark.parametrize(
    ("fail_on", "dismiss", "fails_gate"),
    [
        ("warning", [], True),
        ("error", [], True),
        ("error", ["fp-money-harbour"], False),
        ("warning", ["fp-money-harbour"], True),   # the warning is still new
        ("warning", ["fp-money-harbour", "fp-role-brook"], False),
        ("never", [], False),
    ],
    ids=["default", "error-floor", "error-dismissed", "warning-left", "all-dismissed", "never"],
)
def test_gate(tmp_path, fail_on, dismiss, fails_gate):
    r = synthetic_result()
    t = Triage(tmp_path / "t.json")
    for fp in dismiss:
        t.decide(fp, "dismissed")
    r.discrepancies = apply_triage(r.discrepancies, t)
    assert fails(r, fail_on) is fails_gate


def test_empty_result_reads_clean():
    r = synthetic_result()
    r.discrepancies = r.discrepancies.clear()
    r.facts = facts_frame([])
    md = render("markdown", r)
    assert "No discrepancies found." in md
    assert "## Story" not in md
    # A story without findings is one line at the end, its outlets named.
    assert md.rstrip().endswith("## Stories without findings\n\n"
                                "- harbour: 2 articles (Coast Gazette, Tide Times)")
    assert render("github", r) == ""
    assert render("text", r).startswith("0 discrepancies in 2 articles")


@pytest.mark.parametrize(
    ("folder", "uri"),
    [("news", "news/tide-times.md"), ("my news", "my%20news/tide-times.md")],
    ids=["plain", "space"],
)
def test_sarif_uris_are_uri_references(folder, uri):
    log = json.loads(render("sarif", synthetic_result(folder)))
    first = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert first["artifactLocation"]["uri"] == uri


def test_json_lines_records_are_named_not_given_file_lines():
    """Offsets of a JSON Lines article are inside its `text`: no file line is claimed."""
    import dataclasses

    r = synthetic_result()
    r.articles = [dataclasses.replace(a, path="feed.jsonl", line=i)
                  for i, a in enumerate(r.articles, 1)]
    # The file, the record's line and a short id; not a position inside the text.
    assert render("text", r).splitlines()[0].startswith("feed.jsonl:2 [news/tide-tim…]: FC101 ")
    annotation = render("github", r).splitlines()[0]
    # On the record's line of the feed, not a line inside its text.
    assert annotation.startswith("::error file=feed.jsonl,line=2,title=")
    log = json.loads(render("sarif", r))
    loc = log["runs"][0]["results"][0]["locations"][0]
    assert loc["physicalLocation"]["region"] == {"startLine": 2}
    assert loc["logicalLocations"] == [{"name": "news/tide-times.md", "kind": "object"}]
    jsonschema.validate(log, json.loads(SARIF_SCHEMA.read_text(encoding="utf-8")))


def test_every_writer_is_a_format_choice_of_check():
    from factcheck.arguments import FORMATS as CLI_FORMATS

    assert CLI_FORMATS == FORMATS


def test_sarif_has_one_location_and_the_other_outlets_as_related_locations(result):
    log = json.loads(render("sarif", result))
    jsonschema.validate(log, json.loads(SARIF_SCHEMA.read_text(encoding="utf-8")))
    for r in log["runs"][0]["results"]:
        assert len(r["locations"]) == 1
        (related,) = r["relatedLocations"]
        assert related["id"] == 1
    money = log["runs"][0]["results"][0]
    assert money["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == \
        "news/tide-times.md"
    other = money["relatedLocations"][0]
    assert other["physicalLocation"]["artifactLocation"]["uri"] == "news/coast-gazette.md"
    assert other["physicalLocation"]["region"]["snippet"]["text"] == "£12m"
    assert other["message"]["text"] == "Coast Gazette: £12m"


def test_junit_validates_against_the_junit_schema(result):
    from lxml import etree

    schema = etree.XMLSchema(etree.parse(str(DATA / "junit.xsd")))
    doc = etree.fromstring(render("junit", result).encode())
    schema.assertValid(doc)
    assert (doc.get("tests"), doc.get("failures"), doc.get("skipped")) == ("2", "1", "1")
    case = doc.find("testsuite/testcase")
    assert case.get("file") == "news/tide-times.md" and case.get("line") == "6"
    assert case.find("failure").get("type") == "FC101"
    assert "Coast Gazette" in case.find("failure").text
    skipped = doc.find("testsuite/testcase/skipped")
    assert skipped.get("message") == "Brook was promoted on Friday"
    # Nothing found is one passing case, still a valid report.
    result.discrepancies = result.discrepancies.clear()
    empty = etree.fromstring(render("junit", result).encode())
    schema.assertValid(empty)
    assert (empty.get("tests"), empty.get("failures")) == ("1", "0")


def test_gitlab_validates_against_the_code_quality_schema(result):
    schema = json.loads((DATA / "gitlab-code-quality.json").read_text(encoding="utf-8"))
    issues = json.loads(render("gitlab", result))
    jsonschema.validate(issues, schema)
    # The dismissed warning is not an issue; the error is major, on its line.
    (issue,) = issues
    assert issue["severity"] == "major" and issue["check_name"] == "FC101"
    assert issue["location"] == {"path": "news/tide-times.md", "lines": {"begin": 6}}
    assert "news/coast-gazette.md:6:22" in issue["description"]
    # Two rows with one fingerprint stay two issues with distinct fingerprints.
    result.discrepancies = pl.concat([result.discrepancies, result.discrepancies.head(1)])
    issues = json.loads(render("gitlab", result))
    jsonschema.validate(issues, schema)
    assert len({i["fingerprint"] for i in issues}) == len(issues) == 2
