"""`check` on a few new articles against a large fact store, cold and warm.

    .venv/bin/python benchmarks/store_check.py [--new 10] [--stored 2000] [--distinct 400]
                                               [--store DIR]

The store holds `--stored` articles (2,000 by default): `--distinct` texts of
the real-news sample (/work/shared/eval/news/gva_dev.jsonl, less the new
articles) stored again and again under new ids. The facts of the copies are
the originals' renamed: extraction runs once per distinct text, as the cache
would make it, so building the store takes minutes, not an hour.

It times the console script, as CI runs it, for the new batch alone and for
the same batch `--against` the store, each with an empty extraction cache
(cold) and then again (warm), and prints the ratios against/alone: the goal
of the issue is that a warm run against the store costs about what the new
articles alone cost. Timings on a shared machine are noisy; ratios measured
in the same run are what to read.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

import polars as pl

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from factcheck.facts import fact_id  # noqa: E402
from factcheck.ingest.articles import read_articles  # noqa: E402
from factcheck.model import Options  # noqa: E402
from factcheck.rules.load import load_rules  # noqa: E402
from factcheck.run.pipeline import extract_articles  # noqa: E402
from factcheck.storage.store import Store  # noqa: E402

GVA = Path("/work/shared/eval/news/gva_dev.jsonl")


def split(work: Path, n_new: int) -> tuple[Path, Path]:
    """The first `n_new` records of a story that has others → new.jsonl; the rest → stored."""
    rows = [json.loads(line) for line in GVA.open(encoding="utf-8")]
    stories: dict[str, int] = {}
    for r in rows:
        stories[r.get("story")] = stories.get(r.get("story"), 0) + 1
    new, old = [], []
    for r in rows:
        # A new article whose story is in the store, so the check has work to do.
        (new if len(new) < n_new and stories[r.get("story")] > 1 else old).append(r)
    # Story-mates of the new articles first, so a store of a few hundred
    # distinct texts still holds what the new batch is compared with.
    new_stories = {r.get("story") for r in new}
    old.sort(key=lambda r: r.get("story") not in new_stories)
    paths = work / "new.jsonl", work / "published.jsonl"
    for path, part in zip(paths, (new, old), strict=True):
        path.write_text("".join(json.dumps(r) + "\n" for r in part), encoding="utf-8")
    return paths


def restate(new: Path, store: Path) -> str:
    """Make the last new article a stored one with one count doubled.

    So the run against the store has a disagreement to find; the count is one
    the store's facts hold, so it is one the extractor reads.
    """
    rows = [json.loads(line) for line in new.open(encoding="utf-8")]
    stories = {r.get("story") for r in rows}
    articles, facts = Store(store).load()
    by_id = {a.id: a for a in articles}
    pick = (facts.filter((pl.col("kind") == "count") & (pl.col("value") >= 2)
                         & pl.col("story").is_in(list(stories))
                         & pl.col("article").str.ends_with("~0")
                         & ~pl.col("text").str.contains("\n"))
            .sort("article", "start").row(0, named=True))
    twin = by_id[pick["article"]]
    start, end = pick["start"], pick["end"]
    doubled = f"{int(pick['value']) * 2} {pick['text'].split()[-1]}"
    rows[-1] = {"id": twin.id.removesuffix("~0") + "-restated", "story": twin.story,
                "source": twin.source, "title": twin.title,
                "text": twin.text[:start] + doubled + twin.text[end:]}
    new.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return f"{pick['text']!r} -> {doubled!r}"


def build_store(store: Path, published: Path, distinct: int, stored: int) -> int:
    articles = read_articles([str(published)])[:distinct]
    copies = -(-stored // len(articles))
    rules = load_rules()
    started = time.perf_counter()

    def progress(done: int, total: int, words: int) -> None:
        if done % 50 == 0 or done == total:
            print(f"  extracting {done}/{total} ({words} words, "
                  f"{time.perf_counter() - started:.0f}s)", file=sys.stderr)

    facts = extract_articles(articles, rules, Options(jobs=1), progress)
    print(f"extracted {len(articles)} stored articles once: {len(facts)} facts "
          f"in {time.perf_counter() - started:.1f}s", file=sys.stderr)
    s = Store(store)
    for k in range(copies):
        ids = {a.id: f"{a.id}~{k}" for a in articles}
        batch = [replace(a, id=ids[a.id]) for a in articles]
        f = facts.with_columns(pl.col("article").replace_strict(ids))
        f = f.with_columns(pl.struct("article", "start", "end", "kind", "attribute")
                           .map_elements(lambda r: fact_id(r["article"], r["start"], r["end"],
                                                           r["kind"], r["attribute"]),
                                         return_dtype=pl.String()).alias("fact_id"))
        s.add(batch, f)
    return len(s.articles)


def timed(args: list[str]) -> tuple[float, int]:
    started = time.perf_counter()
    # The console script's code, run from this checkout whatever is installed.
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.run([sys.executable, "-m", "factcheck", *args], capture_output=True,
                          text=True, env=env)
    if proc.returncode == 2:
        raise SystemExit(f"factcheck failed: {proc.stderr.strip()}")
    return time.perf_counter() - started, proc.returncode


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--new", type=int, default=10, help="articles in the new batch")
    ap.add_argument("--stored", type=int, default=2000, help="articles in the store, at least")
    ap.add_argument("--distinct", type=int, default=400,
                    help="distinct texts among them (the rest are copies under new ids)")
    ap.add_argument("--store", type=Path, help="reuse (or make) the store here")
    ap.add_argument("--repeat", type=int, default=3, help="runs of each kind (median kept)")
    opts = ap.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        new, published = split(work, opts.new)
        store = opts.store or work / "store"
        n_stored = len(Store(store).articles) or build_store(store, published, opts.distinct,
                                                             opts.stored)
        change = restate(new, store)
        report = work / "report.json"
        rows = []
        times: dict[tuple[str, str], list[float]] = {}
        # Interleaved repeats, the median kept: the machine is shared and noisy.
        for rep in range(opts.repeat):
            for label, extra in (("alone", []), ("against", ["--against", str(store)])):
                cache = work / f"cache-{label}-{rep}"
                for state in ("cold", "warm"):
                    seconds, code = timed(["check", str(new), *extra, "--format", "json",
                                           "-o", str(report), "--cache-dir", str(cache),
                                           "--jobs", "1"])
                    times.setdefault((label, state), []).append(seconds)
                    found = len(json.loads(report.read_text())["discrepancies"])
                    if rep == 0:
                        rows.append((label, state, 0.0, code, found))
        rows = [(lb, st, statistics.median(times[lb, st]), code, found)
                for lb, st, _, code, found in rows]
        print(f"new articles: {opts.new} (one restates a stored article: {change}); "
              f"stored articles: {n_stored}")
        print(f"{'run':<8} {'cache':<5} {'median s':>8} {'exit':>4} {'discrepancies':>13}")
        for label, state, seconds, code, found in rows:
            print(f"{label:<8} {state:<5} {seconds:>8.2f} {code:>4} {found:>13}")
        t = {(r[0], r[1]): r[2] for r in rows}
        for state in ("cold", "warm"):
            print(f"ratio against/alone ({state}): {t['against', state] / t['alone', state]:.2f}")
        warm_cold = t["against", "warm"] / t["against", "cold"]
        print(f"ratio warm/cold against the store: {warm_cold:.2f}")


if __name__ == "__main__":
    main()
