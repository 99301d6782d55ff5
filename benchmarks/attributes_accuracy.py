"""Precision and recall of role and speaker facts, and what attribute extraction costs.

    .venv/bin/python benchmarks/attributes_accuracy.py            # accuracy
    .venv/bin/python benchmarks/attributes_accuracy.py --show     # plus misses and extras
    .venv/bin/python benchmarks/attributes_accuracy.py --speed 150

Accuracy: the seeds and the articles in benchmarks/data/attributes_*.jsonl run
through the attribute path of extraction (one batch per file, batch name
canonicalization included) and are scored against benchmarks/data/attributes_gold.yaml. A role
matches on (article, person, title, scope); a speaker on (article, speaker)
with the statement starting with the labelled words. Exit 1 when any score is
under the target.

Speed: attribute extraction time over N real articles
(/work/shared/eval/news/gva_dev.jsonl) as a ratio of the spaCy parse of the same
articles, both measured in this run.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import polars as pl
import yaml

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "benchmarks" / "data"
NEWS = Path("/work/shared/eval/news/gva_dev.jsonl")
TARGET = 0.9

sys.path.insert(0, str(ROOT))


def _batches() -> list[list[str]]:
    return [[str(ROOT / "seeds")], *[[str(p)] for p in sorted(DATA.glob("attributes_*.jsonl"))]]


def predicted() -> pl.DataFrame:
    """Attribute facts of each batch: the pipeline's attribute path (parse, extract,
    article offsets, batch canonicalization) without the numeric extractors."""
    from factcheck.extract.attributes import extract_attributes
    from factcheck.extract.entities import canonicalize
    from factcheck.facts import facts_frame
    from factcheck.ingest.articles import read_articles
    from factcheck.nlp.load import load_model
    from factcheck.rules.load import load_rules
    from factcheck.run.engines import article_rows

    nlp, rules = load_model(), load_rules()
    frames = []
    for paths in _batches():
        articles = read_articles(paths)
        rows = []
        for doc, article in zip(nlp.pipe(a.body for a in articles), articles, strict=True):
            rows.extend(article_rows(
                extract_attributes(doc, article, rules, article.body_start), article))
        frames.append(canonicalize(facts_frame(rows), rules))
    facts = pl.concat(frames)
    # Article ids are paths as given; the gold file names seeds by "seeds/<file>".
    return facts.with_columns(
        pl.col("article").str.replace(r"^.*/seeds/", "seeds/"))


def score(facts: pl.DataFrame, gold: dict, show: bool) -> list[tuple[str, str, float, float, int]]:
    sets: dict[str, dict[str, list[int]]] = {}
    for article, labels in gold.items():
        name = labels["set"]
        mine = facts.filter(pl.col("article") == article)
        for attribute, key in (("role", "roles"), ("speaker", "speakers")):
            rows = mine.filter(pl.col("attribute") == attribute)
            tally = sets.setdefault(name, {}).setdefault(attribute, [0, 0, 0])  # tp, fp, fn
            if attribute == "role":
                got = {tuple(r) for r in rows.select(
                    "entity", "attribute_value", "attribute_scope").unique().iter_rows()}
                want = {tuple(g) for g in labels.get(key, [])}
                hits, extra, missed = got & want, got - want, want - got
                tally[0] += len(hits)
            else:
                got_list = sorted(set(rows.select("entity", "attribute_value").iter_rows()))
                want_list = [tuple(g) for g in labels.get(key, [])]
                missed, used = [], set()
                for who, words in want_list:
                    match = next((i for i, (e, v) in enumerate(got_list) if i not in used
                                  and e == who and v.startswith(words)), None)
                    if match is None:
                        missed.append((who, words))
                    else:
                        used.add(match)
                extra = [g for i, g in enumerate(got_list) if i not in used]
                tally[0] += len(used)
            tally[1] += len(extra)
            tally[2] += len(missed)
            if show:
                for item in sorted(missed, key=str):
                    print(f"  miss  {article} {attribute}: {item}")
                for item in sorted(extra, key=str):
                    print(f"  extra {article} {attribute}: {item}")
    sets["all"] = {a: [sum(sets[n][a][k] for n in list(sets)) for k in range(3)]
                   for a in ("role", "speaker")}
    out = []
    for name in sorted(sets, key=lambda n: (n == "all", n)):
        for attribute in ("role", "speaker"):
            tp, fp, fn = sets[name][attribute]
            out.append((name, attribute, tp / max(tp + fp, 1), tp / max(tp + fn, 1), tp + fn))
    return out


def speed(n: int) -> None:
    from factcheck.extract.attributes import extract_attributes
    from factcheck.ingest.articles import read_articles
    from factcheck.nlp.load import load_model
    from factcheck.rules.load import load_rules

    articles = read_articles([str(NEWS)])[:n]
    nlp, rules = load_model(), load_rules()
    nlp("warm up")
    t0 = time.perf_counter()
    docs = list(nlp.pipe((a.body for a in articles), batch_size=32))
    parse = time.perf_counter() - t0
    t0 = time.perf_counter()
    rows = sum(len(extract_attributes(d, a, rules, a.body_start))
               for d, a in zip(docs, articles, strict=True))
    attrs = time.perf_counter() - t0
    words = sum(len(d) for d in docs)
    print(f"speed: {len(docs)} articles, {words} tokens, {rows} attribute rows")
    print(f"  spaCy parse {parse:.2f}s (baseline), attribute extraction {attrs:.2f}s, "
          f"ratio {attrs / parse:.3f} of the parse")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true", help="list misses and extra rows")
    parser.add_argument("--speed", type=int, metavar="N", help="time N real articles too")
    args = parser.parse_args()
    gold = yaml.safe_load((DATA / "attributes_gold.yaml").read_text(encoding="utf-8"))
    results = score(predicted(), gold, args.show)
    print(f"{'set':8} {'facts':8} {'precision':>9} {'recall':>7} {'gold':>5}")
    ok = True
    for name, attribute, precision, recall, n in results:
        flag = "" if precision >= TARGET and recall >= TARGET else "  < target"
        ok = ok and not flag
        print(f"{name:8} {attribute:8} {precision:9.3f} {recall:7.3f} {n:5d}{flag}")
    if args.speed:
        speed(args.speed)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
