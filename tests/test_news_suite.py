"""The news-prose suite (benchmarks/data/news_quantities.yaml) keeps its targets.

The suite is ours (sentences written here, gold conventions in the file's
header); scored with benchmarks/extraction_accuracy.py's own matching, so the
number this test guards is the one the benchmark prints.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

BENCH = Path(__file__).resolve().parent.parent / "benchmarks"


def _bench():
    sys.path.insert(0, str(BENCH))
    try:
        import extraction_accuracy
    finally:
        sys.path.remove(str(BENCH))
    return extraction_accuracy


def test_suite_covers_every_pattern_with_300_sentences():
    cases = _bench()._news()
    assert len(cases) >= 300
    per_category = Counter(c.category for c in cases)
    assert min(per_category.values()) >= 6, per_category
    assert per_category["not_facts"] >= 30


def test_news_suite_value_and_unit_f1():
    bench = _bench()
    cases = bench._news()
    keys = bench.UnitKeys(bench.UNITS_FILE)
    total = bench.Score()
    for case, preds in zip(cases, bench.run_factcheck(cases), strict=True):
        total.add(bench.score_case(case, preds, keys, True))
    value_f1 = bench.Score.prf(total.tp, total.pred, total.gold)[2]
    unit_f1 = bench.Score.prf(total.tpu, total.predu, total.goldu)[2]
    assert value_f1 >= 95, value_f1
    assert unit_f1 >= 92, unit_f1
