"""Discrepancies factcheck reports on real news, listed for labelling by eye.

/work/shared/eval/news/gva_dev.jsonl holds real US gun-violence news, several
outlets per incident, with the incident as `story`. The seeds and the labelled
corpus are written for factcheck; this is the check on text nobody tuned for.
Runs the pipeline on the first N articles (stories given), prints every
discrepancy with the texts of the facts it cites, and the count. With
`--facts-sample K` it also prints K numeric facts drawn at random (fixed seed)
with their sentence, to eyeball extraction itself.

    .venv/bin/python benchmarks/news_precision.py [-n 200] [--facts-sample 40]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from factcheck.ingest.articles import read_articles  # noqa: E402
from factcheck.model import Options  # noqa: E402
from factcheck.rules.load import load_rules  # noqa: E402
from factcheck.run.pipeline import cross_check, extract_articles  # noqa: E402

NEWS = Path("/work/shared/eval/news/gva_dev.jsonl")
NUMERIC_KINDS = ("count", "quantity", "money", "percent", "rate", "date", "duration", "age")


def first_lines(path: Path, n: int, dest: Path) -> Path:
    """The first `n` articles of `path`, written to `dest` (read_articles takes files)."""
    with path.open(encoding="utf-8") as src, dest.open("w", encoding="utf-8") as out:
        for i, line in enumerate(src):
            if i >= n:
                break
            out.write(line)
    return dest


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-n", type=int, default=200, help="articles to read (default 200)")
    ap.add_argument("--data", type=Path, default=NEWS, help="JSON Lines of articles with `story`")
    ap.add_argument("--facts-sample", type=int, default=0, metavar="K",
                    help="also print K numeric facts drawn at random, with their sentence")
    ap.add_argument("--seed", type=int, default=0, help="seed of the facts sample")
    ap.add_argument("--jobs", type=int, default=1)
    args = ap.parse_args()

    import tempfile

    rules = load_rules()
    with tempfile.TemporaryDirectory() as tmp:
        part = first_lines(args.data, args.n, Path(tmp) / "news.jsonl")
        articles = read_articles([str(part)])
        t0 = time.perf_counter()
        facts = extract_articles(articles, rules, Options(jobs=args.jobs))
    print(f"{len(articles)} articles, {len(facts)} facts, extracted in "
          f"{time.perf_counter() - t0:.1f} s")
    _, _, found = cross_check(facts, articles, rules, Options())
    shown = facts.select("fact_id", "article", "text", "kind", "value", "unit", "sentence")
    by_id = {r["fact_id"]: r for r in shown.iter_rows(named=True)}
    for i, d in enumerate(found.iter_rows(named=True), 1):
        print(f"\n[{i}] {d['rule']} {d['name']} ({d['story']}): {d['message']}")
        for fid in d["fact_ids"]:
            f = by_id.get(fid)
            if f is None:
                continue
            print(f"    {f['article'][-8:]} {f['kind']} {f['text']!r} value={f['value']} "
                  f"unit={f['unit']!r}")
            print(f"        | {' '.join(f['sentence'].split())[:220]}")
    print(f"\n{len(found)} discrepancies on {len(articles)} articles")

    if args.facts_sample:
        numeric = facts.filter(facts["kind"].is_in(NUMERIC_KINDS))
        rows = list(numeric.select("kind", "text", "value", "unit", "sentence")
                    .iter_rows(named=True))
        pick = random.Random(args.seed).sample(rows, min(args.facts_sample, len(rows)))
        print(f"\nsample of {len(pick)} of {len(rows)} numeric facts (seed {args.seed}):")
        for f in pick:
            print(f"  {f['kind']:<9} {f['text']!r} value={f['value']} unit={f['unit']!r}")
            print(f"        | {' '.join(f['sentence'].split())[:220]}")


if __name__ == "__main__":
    main()
