"""The same batch through each engine: --jobs 1, --jobs 2, --engine dask (two local
workers). Checks the facts tables are identical and prints words/s of each.

    .venv/bin/python benchmarks/engines.py [--words 100000]

Each run is the real console script (`factcheck extract … --no-cache -o`), timed
wall-clock from start to exit, so process start-up, model loading and cluster
start are included, as a user would see them. On a 2-core machine shared with
other work, expect ~1.3x from two processes, not 2x.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import polars as pl

HERE = Path(__file__).resolve().parent
FACTCHECK = Path(sys.executable).with_name("factcheck")
sys.path.insert(0, str(HERE))

ENGINES = {
    "--jobs 1": ["--jobs", "1"],
    "--jobs 2": ["--jobs", "2"],
    "--engine dask (2 workers)": ["--engine", "dask", "--jobs", "2"],
}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--words", type=int, default=100_000, help="batch size in words")
    args = ap.parse_args()
    from corpus import build

    corpus, n_articles, n_words = build(args.words)
    print(f"batch: {n_words:,} words, {n_articles:,} articles; {os.cpu_count()} cores, "
          "shared with other work")
    tables: dict[str, pl.DataFrame] = {}
    base = None
    with tempfile.TemporaryDirectory() as tmp:
        for name, flags in ENGINES.items():
            out = Path(tmp) / f"{len(tables)}.parquet"
            started = time.perf_counter()
            proc = subprocess.run([str(FACTCHECK), "extract", str(corpus), "--no-cache",
                                   "-o", str(out), *flags], capture_output=True, text=True)
            secs = time.perf_counter() - started
            if proc.returncode != 0:
                print(f"{name}: failed ({proc.returncode}): {proc.stderr.strip()}")
                return 1
            tables[name] = pl.read_parquet(out)
            rate = n_words / secs
            base = base or rate
            print(f"{name:<28} {rate:>8,.0f} words/s  {rate / base:4.2f}x  {secs:6.1f} s  "
                  f"{len(tables[name]):,} facts", flush=True)
    first = next(iter(tables.values()))
    same = all(t.equals(first) for t in tables.values())
    print("facts tables identical: " + ("yes" if same else "NO"))
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
