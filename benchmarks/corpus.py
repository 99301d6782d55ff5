"""Benchmark corpora: gva_dev repeated with new ids (and new story ids, so each
copy is its own set of stories), written at benchmark time under
benchmarks/.data/ (gitignored), never committed.
"""

from __future__ import annotations

import json
from pathlib import Path

GVA = Path("/work/shared/eval/news/gva_dev.jsonl")
DATA = Path(__file__).resolve().parent / ".data"


def build(words: int, *, articles: int | None = None, source: Path = GVA) -> tuple[Path, int, int]:
    """A JSON Lines corpus of at least `words` words (or exactly `articles` articles).

    Returns (path, articles, words). Built once per size; reused afterwards.
    """
    records = [json.loads(line) for line in source.open(encoding="utf-8") if line.strip()]
    stem = "gva" if source == GVA else source.stem
    name = f"{stem}-{articles}a.jsonl" if articles else f"{stem}-{words}w.jsonl"
    path = DATA / name
    DATA.mkdir(parents=True, exist_ok=True)
    n = total = 0
    tmp = path.with_suffix(".tmp")
    with tmp.open("w", encoding="utf-8") as out:
        copy = 0
        while True:
            for r in records:
                if (articles and n >= articles) or (not articles and total >= words):
                    break
                r = dict(r, id=f"{r['id']}~{copy}", story=f"{r.get('story') or 'none'}~{copy}")
                out.write(json.dumps(r, ensure_ascii=False) + "\n")
                n += 1
                total += len(r["text"].split())
            else:
                copy += 1
                continue
            break
    tmp.replace(path)
    return path, n, total


def every(path: Path, step: int) -> tuple[Path, int, int]:
    """Every `step`-th article of a corpus: a smaller batch with the same mix of
    article lengths (peak memory follows the longest articles in a batch)."""
    out = path.with_name(f"{path.stem}-every{step}.jsonl")
    n = total = 0
    with path.open(encoding="utf-8") as src, out.open("w", encoding="utf-8") as dst:
        for i, line in enumerate(src):
            if i % step == 0:
                dst.write(line)
                n += 1
                total += len(json.loads(line)["text"].split())
    return out, n, total
