"""Which spaCy components extraction really needs: run it with each one left out
and compare the facts table with the full pipeline's (and the time it took).

    .venv/bin/python benchmarks/components.py [--articles 200]

A component whose absence leaves the table identical on the seeds and a sample
of real news is a candidate to drop from nlp.NEEDED.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import polars as pl

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from factcheck.ingest.articles import read_articles  # noqa: E402
from factcheck.model import Article  # noqa: E402
from factcheck.nlp.load import load_model  # noqa: E402
from factcheck.rules.load import load_rules  # noqa: E402
from factcheck.run.engines import _Gatherer, doc_rows, word_count  # noqa: E402

GVA = Path("/work/shared/eval/news/gva_dev.jsonl")


def sample(n: int) -> list[Article]:
    out = []
    with GVA.open() as fh:
        for line in fh:
            if len(out) >= n:
                break
            r = json.loads(line)
            out.append(Article(id=r["id"], path="gva", source=r.get("source") or "",
                               title=r.get("title") or "", published=None, url="",
                               story=r.get("story"), text=r["text"]))
    return out


def facts(nlp, articles, rules, disable=()) -> tuple[pl.DataFrame, float]:
    gather = _Gatherer()
    started = time.perf_counter()
    with nlp.select_pipes(disable=list(disable)):
        for doc, i in nlp.pipe(((a.body, i) for i, a in enumerate(articles)),
                               as_tuples=True, batch_size=32):
            try:
                rows = doc_rows(doc, articles[i], rules)
            except Exception as exc:  # a component the extractor relies on is missing
                return pl.DataFrame(), float("nan") if exc else 0.0
            gather.add(i, rows, articles[i])
    return gather.table(), time.perf_counter() - started


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--articles", type=int, default=200, help="gva_dev articles to use")
    args = ap.parse_args()
    nlp = load_model()
    rules = load_rules()
    batches = {"seeds": read_articles([str(ROOT / "seeds")]), "gva": sample(args.articles)}
    print(f"pipeline: {nlp.pipe_names}")
    for name, articles in batches.items():
        words = sum(word_count(a.body) for a in articles)
        full, secs = facts(nlp, articles, rules)
        print(f"\n{name}: {len(articles)} articles, {words} words; full pipeline "
              f"{len(full)} facts, {words / secs:,.0f} words/s")
        for comp in nlp.pipe_names:
            table, secs = facts(nlp, articles, rules, disable=[comp])
            if table.is_empty() and not full.is_empty() and secs != secs:
                print(f"  without {comp:16s} extraction fails")
                continue
            same = table.equals(full)
            diff = "identical" if same else (
                f"DIFFERENT ({len(table)} facts; "
                f"{len(full.join(table, on=list(full.columns), how='anti', nulls_equal=True))}"
                " rows lost or changed)")
            print(f"  without {comp:16s} {words / secs:8,.0f} words/s  {diff}")


if __name__ == "__main__":
    main()
