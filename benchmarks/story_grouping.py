"""How well articles without a story are grouped into stories.

Reads a JSON Lines batch whose `story` field is the truth (default: the GVA
dev set), hides the field, groups the articles, and prints pairwise
precision, recall and F1 (a pair is two articles put in one story).

    .venv/bin/python benchmarks/story_grouping.py [FILE.jsonl] [--threshold T ...]
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from factcheck.crosscheck.stories import assign_stories, pair_scores  # noqa: E402
from factcheck.facts import FACTS_SCHEMA, empty  # noqa: E402
from factcheck.ingest.articles import read_articles  # noqa: E402
from factcheck.rules.load import load_rules  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("file", nargs="?", default="/work/shared/eval/news/gva_dev.jsonl")
    ap.add_argument("--threshold", type=float, nargs="*", default=[])
    args = ap.parse_args()
    rules = load_rules()
    articles = read_articles([args.file])
    truth = [a.story or a.id for a in articles]
    hidden = [dataclasses.replace(a, story=None) for a in articles]
    base = rules.story_grouping.threshold
    for t in args.threshold or [base]:
        rules.story_grouping = rules.story_grouping.model_copy(update={"threshold": t})
        t0 = time.perf_counter()
        found = assign_stories(hidden, empty(FACTS_SCHEMA), rules)["story"].to_list()
        s = pair_scores(truth, found)
        print(f"threshold {t:.2f}: {len(articles)} articles, {s['stories']} true stories, "
              f"{s['groups']} groups; pairwise precision {s['precision']:.3f} "
              f"recall {s['recall']:.3f} F1 {s['f1']:.3f} ({time.perf_counter() - t0:.1f} s)")


if __name__ == "__main__":
    main()
