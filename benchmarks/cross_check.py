"""Precision and recall of the cross-check on the labelled corpus.

benchmarks/corpus/ holds 7 stories × 4 outlets written for factcheck, with
paraphrases that must not be flagged and planted disagreements listed in
corpus/labels.yaml. Facts are extracted once; the cross-check then runs
twice: with each article's `story` as given, and with all articles in ONE
batch and no story field (factcheck groups the stories itself).

    .venv/bin/python benchmarks/cross_check.py [--verbose]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from evaluate import load_labels, score  # noqa: E402

from factcheck.crosscheck.stories import pair_scores  # noqa: E402
from factcheck.ingest.articles import read_articles  # noqa: E402
from factcheck.model import Options  # noqa: E402
from factcheck.rules.load import load_rules  # noqa: E402
from factcheck.run.pipeline import cross_check, extract_articles  # noqa: E402

CORPUS = HERE / "corpus"
# A field no article has: every article is then without a story.
NO_STORY = "no-such-field"


def report(name: str, s: dict, verbose: bool) -> None:
    print(f"{name}: {s['discrepancies']} discrepancies, {s['labels']} planted; "
          f"precision {s['precision']:.3f}  recall {s['recall']:.3f}  "
          f"(rule as labelled for {s['rule_agreement']:.0%} of those found)")
    if verbose:
        for r in s["false"]:
            print(f"   false: {r['rule']} {r['message']}")
        for lab in s["missed"]:
            print(f"   missed: {lab.rule} {lab.a.article} {lab.a.words!r} vs "
                  f"{lab.b.article} {lab.b.words!r}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--verbose", "-v", action="store_true", help="list false and missed flags")
    args = ap.parse_args()
    rules = load_rules()
    rel = CORPUS.relative_to(Path.cwd()) if CORPUS.is_relative_to(Path.cwd()) else CORPUS
    articles = read_articles([str(rel)])
    texts = {a.id: a.text for a in articles}
    labels = load_labels(CORPUS / "labels.yaml", texts, prefix=f"{rel.as_posix()}/")
    t0 = time.perf_counter()
    facts = extract_articles(articles, rules, Options(jobs=1))
    print(f"{len(articles)} articles, {len(facts)} facts, extracted in "
          f"{time.perf_counter() - t0:.1f} s")
    for name, key in (("stories given", None), ("one batch, no story field", NO_STORY)):
        t0 = time.perf_counter()
        stories, _, found = cross_check(facts, articles, rules, Options(story_key=key))
        s = score(found, facts, labels)
        report(f"{name} ({time.perf_counter() - t0:.2f} s)", s, args.verbose)
        if key:
            truth = [a.story or "" for a in articles]
            g = pair_scores(truth, stories["story"].to_list())
            print(f"   story grouping: {g['groups']} groups for {g['stories']} stories; "
                  f"pairwise precision {g['precision']:.3f} recall {g['recall']:.3f}")


if __name__ == "__main__":
    main()
