"""`factcheck check seeds/` finds the six planted disagreements and nothing else.

seeds/README.md lists them; each case names the rule, the article that
stands apart, a piece of its wording, and a piece of what the others say.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import polars as pl
import pytest

ROOT = Path(__file__).resolve().parent.parent

PLANTED = [
    pytest.param("FC102", "seeds/daily-example.md", "100,000 drones", "more than 10,000",
                 id="1-drones-order-of-magnitude"),
    pytest.param("FC201", "seeds/northern-courier.md", "Foreign Secretary", "Defence Secretary",
                 id="2-healey-role"),
    pytest.param("FC104", "seeds/capital-ledger.md", "£3bn", "£3 billion", id="3-rate-as-total"),
    pytest.param("FC103", "seeds/continental-post.md", "nearly 40", "50", id="4-allies-qualifiers"),
    pytest.param("FC202", "seeds/continental-post.md", "John Healey warned", "Zelensk",
                 id="5-speaker"),
    pytest.param("FC203", "seeds/morning-brief.md", "BBC", "ITV", id="6-broadcaster"),
]


def _cited(result, row):
    facts = result.facts.filter(pl.col("fact_id").is_in(row["fact_ids"]))
    order = {f: i for i, f in enumerate(row["fact_ids"])}
    return sorted(facts.to_dicts(), key=lambda f: order[f["fact_id"]])


@pytest.mark.parametrize(("rule", "article", "says", "others_say"), PLANTED)
def test_planted_disagreement_is_found(seeds_result, rule, article, says, others_say):
    rows = [r for r in seeds_result.discrepancies.to_dicts() if r["rule"] == rule]
    assert len(rows) == 1, [r["message"] for r in rows]
    outlier, *others = _cited(seeds_result, rows[0])
    assert outlier["article"] == article
    assert says in outlier["text"]
    assert others and all(o["article"] != article for o in others)
    assert any(others_say in o["text"] for o in others)
    # The message names the outlet that stands apart.
    assert outlier["source"] in rows[0]["message"]


def test_nothing_else_is_flagged(seeds_result):
    rules = sorted(seeds_result.discrepancies["rule"].to_list())
    assert rules == sorted(p.values[0] for p in PLANTED)


def test_restatements_are_not_flagged(seeds_result):
    """£150m vs £150 million, half a million vs 500,000, over fifty vs over 50."""
    flagged = {t for r in seeds_result.discrepancies.to_dicts()
               for t in (f["text"] for f in _cited(seeds_result, r))}
    for text in ("£150m", "£150 million", "more than half a million rounds of ammunition"):
        assert text not in flagged


def test_all_seeds_are_one_story(seeds_result):
    assert seeds_result.stories["story"].n_unique() == 1


def test_console_script_reports_them_in_json_and_fails():
    exe = Path(sys.executable).with_name("factcheck")
    run = subprocess.run([str(exe), "check", "seeds/", "--format", "json", "--jobs", "1"],
                         cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert run.returncode == 1, run.stderr
    report = json.loads(run.stdout)
    found = sorted((d["rule"], d["facts"][0]["article"]) for d in report["discrepancies"])
    assert found == sorted((p.values[0], p.values[1]) for p in PLANTED)
    text = (ROOT / "seeds/daily-example.md").read_text(encoding="utf-8")
    for d in report["discrepancies"]:
        for f in d["facts"]:
            if f["article"] == "seeds/daily-example.md":
                assert text[f["start"]:f["end"]] == f["text"]


@pytest.fixture(scope="module")
def corpus():
    """The labelled corpus of benchmarks/ (7 stories × 4 outlets), extracted once."""
    import importlib.util
    import os

    from factcheck.ingest.articles import read_articles
    from factcheck.model import Options
    from factcheck.rules.load import load_rules
    from factcheck.run.pipeline import extract_articles

    spec = importlib.util.spec_from_file_location("evaluate", ROOT / "benchmarks/evaluate.py")
    evaluate = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("evaluate", evaluate)  # its dataclasses look themselves up there
    spec.loader.exec_module(evaluate)
    here = os.getcwd()
    os.chdir(ROOT)
    try:
        articles = read_articles(["benchmarks/corpus"])
    finally:
        os.chdir(here)
    rules = load_rules()
    facts = extract_articles(articles, rules, Options(jobs=1))
    labels = evaluate.load_labels(ROOT / "benchmarks/corpus/labels.yaml",
                                  {a.id: a.text for a in articles}, prefix="benchmarks/corpus/")
    return articles, facts, rules, labels, evaluate


@pytest.mark.parametrize(("story_key", "min_precision", "min_recall"), [
    pytest.param(None, 0.9, 0.9, id="stories-given"),
    pytest.param("no-such-field", 0.85, 0.9, id="one-batch-no-story"),
])
def test_labelled_corpus(corpus, story_key, min_precision, min_recall):
    from factcheck.model import Options
    from factcheck.run.pipeline import cross_check

    articles, facts, rules, labels, evaluate = corpus
    _, _, found = cross_check(facts, articles, rules, Options(story_key=story_key))
    s = evaluate.score(found, facts, labels)
    missed = [(m.a.article, m.a.words) for m in s["missed"]]
    false = [r["message"] for r in s["false"]]
    assert s["precision"] >= min_precision, false
    assert s["recall"] >= min_recall, missed
