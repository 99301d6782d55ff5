"""Alignment at scale: 10k, 100k and 1M synthetic facts, time and peak memory.

Each size runs in its own process (so peak RSS is that size's alone). The
facts are shaped like a real batch: stories of five articles, each article
reporting the story's figures in its own words, with some figures changed.
Besides align() each run times a baseline in the same process: the bare
Polars self-join on the block keys, with no scoring; the ratio says what the
scoring and grouping cost on top of the join any design needs.

    .venv/bin/python benchmarks/align_scale.py [--sizes 10000 100000 1000000]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

ARTICLES_PER_STORY = 5
FACTS_PER_ARTICLE = 10
# (kind, unit, subject, sentence) templates; {n} is the figure's text.
TEMPLATES = [
    ("money", "GBP", "package", "The government announced a {n} package of aid for {place}."),
    ("money", "GBP", "pledge", "It forms part of an annual pledge of {n} made to {place}."),
    ("money", "EUR", "fund", "A recovery fund worth {n} was set up for {place}."),
    ("count", "drone", "drone", "Officials expect to deliver {n} drones to {place} this year."),
    ("count", "person", "person", "At least {n} people were moved out of {place} overnight."),
    ("count", "person", "person", "Some {n} people attended the rally in {place}."),
    ("count", "seat", "seat", "The party won {n} seats across {place}."),
    ("count", "seat", "seat", "The assembly for {place} has {n} seats in all."),
    ("percent", "percent", "turnout", "Turnout in {place} reached {n} per cent."),
    ("measure", "kilometer", "road", "The new road in {place} runs for {n} km."),
]
PLACES = ["Leeds", "Kharkiv", "Lyon", "Porto", "Gdansk", "Turin", "Cork", "Ghent", "Bergen",
          "Tartu", "Split", "Brno"]


def make_facts(n: int):
    import numpy as np
    import polars as pl

    from factcheck.facts import FACTS_SCHEMA

    rng = np.random.default_rng(7)
    per_story = ARTICLES_PER_STORY * FACTS_PER_ARTICLE
    stories = max(1, n // per_story)
    rows = stories * per_story
    story = np.repeat(np.arange(stories), per_story)
    article = story * ARTICLES_PER_STORY + np.tile(
        np.repeat(np.arange(ARTICLES_PER_STORY), FACTS_PER_ARTICLE), stories)
    slot = np.tile(np.arange(FACTS_PER_ARTICLE), stories * ARTICLES_PER_STORY)
    truth = rng.integers(10, 5000, size=(stories, FACTS_PER_ARTICLE)).astype(float)
    value = truth[story, slot] * np.where(rng.random(rows) < 0.05, 10.0, 1.0)
    kinds = [TEMPLATES[s] for s in slot]
    place = [PLACES[(s * 7 + k) % len(PLACES)] for s, k in zip(story, slot, strict=True)]
    sentences = [t[3].format(n=f"{v:,.0f}", place=p) for t, v, p in zip(kinds, value, place,
                                                                     strict=True)]
    text = [f"{v:,.0f}" for v in value]
    start = [s.index(t) for s, t in zip(sentences, text, strict=True)]
    data = {
        "fact_id": [f"f{i}" for i in range(rows)],
        "article": [f"a{a}" for a in article],
        "start": start, "end": [s + len(t) for s, t in zip(start, text, strict=True)],
        "text": text, "sentence": sentences, "sentence_start": [0] * rows,
        "kind": [k[0] for k in kinds], "value": value, "low": value, "high": value,
        "qualifier": ["exact"] * rows, "unit": [k[1] for k in kinds],
        "subject": [k[2] for k in kinds], "entities": [[p] for p in place],
        "story": [f"s{s}" for s in story],
    }
    return pl.DataFrame(data).with_columns(
        [pl.lit(None, dtype=t).alias(c) for c, t in FACTS_SCHEMA.items() if c not in data]
    ).select(list(FACTS_SCHEMA)).cast(FACTS_SCHEMA)  # type: ignore[arg-type]


def one(n: int) -> dict:
    import polars as pl

    from factcheck.crosscheck.align import align
    from factcheck.rules.load import load_rules

    rules = load_rules()
    facts = make_facts(n)
    t0 = time.perf_counter()
    keys = facts.select("fact_id", "article", "story", "kind", "unit")
    base = (keys.lazy().join(keys.lazy(), on=["story", "kind", "unit"], suffix="_r")
            .filter(pl.col("fact_id") < pl.col("fact_id_r")).select(pl.len()).collect().item())
    baseline = time.perf_counter() - t0
    t0 = time.perf_counter()
    groups = align(facts, rules)
    took = time.perf_counter() - t0
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"facts": len(facts), "seconds": took, "baseline": baseline, "pairs": base,
            "groups": groups["group"].n_unique(), "aligned": len(groups), "rss_mb": rss}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="*", default=[10_000, 100_000, 1_000_000])
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        print(json.dumps(one(args.one)))
        return
    print(f"{'facts':>9} {'align s':>8} {'join s':>7} {'ratio':>6} {'pairs':>9} "
          f"{'groups':>8} {'peak RSS':>9}")
    for n in args.sizes:
        out = subprocess.run([sys.executable, __file__, "--one", str(n)], capture_output=True,
                             text=True, check=True)
        r = json.loads(out.stdout.strip().splitlines()[-1])
        print(f"{r['facts']:>9,} {r['seconds']:>8.2f} {r['baseline']:>7.2f} "
              f"{r['seconds'] / max(r['baseline'], 1e-9):>6.1f} {r['pairs']:>9,} "
              f"{r['groups']:>8,} {r['rss_mb']:>7.0f} MB")
        if n == 100_000:
            verdict = "under" if r["seconds"] < 10 else "OVER"
            print(f"          100k facts aligned in {r['seconds']:.2f} s: {verdict} the 10 s goal")


if __name__ == "__main__":
    main()
