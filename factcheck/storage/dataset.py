"""A facts dataset on disk: what ``extract -o DIR/`` and ``--engine dask`` write and
``check --facts DATASET`` reads, so extraction and the cross-check can run apart
(on different machines, at different times).

Layout of a dataset folder::

    DIR/dataset.json          format, counts, model, rules version
    DIR/articles.parquet      one row per article: id, path, source, ..., text
    DIR/facts/part-00000.parquet ...   the facts table in article order, in parts

A plain facts file (``facts.parquet``, as ``extract -o facts.parquet`` writes)
is read too; its articles are then those that have facts.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import polars as pl

from ..errors import FactcheckError
from ..facts import FACTS_SCHEMA
from ..model import Article
from .atomic import temp_folder, untrack

FORMAT = "factcheck.facts-dataset/1"
MANIFEST = "dataset.json"
PART_ROWS = 250_000

ARTICLES_SCHEMA: dict[str, pl.DataType] = {
    "id": pl.String(),
    "path": pl.String(),
    "source": pl.String(),
    "title": pl.String(),
    "published": pl.Datetime("us", "UTC"),
    "url": pl.String(),
    "story": pl.String(),
    # The text goes along (compressed it is small beside the facts) because the
    # cross-check groups articles into stories by their titles and leads.
    "text": pl.String(),
    "body_start": pl.Int64(),
}


def is_dataset_path(path: str) -> bool:
    """An output meant as a dataset folder: ends with '/', is a folder, or has no suffix."""
    p = Path(path)
    return path.endswith(("/", os.sep)) or p.is_dir() or p.suffix == ""


def articles_frame(articles: Sequence[Article]) -> pl.DataFrame:
    cols: dict[str, list[Any]] = {name: [] for name in ARTICLES_SCHEMA}
    for a in articles:
        for name in ARTICLES_SCHEMA:
            cols[name].append(getattr(a, name))
    return pl.DataFrame(cols, schema=ARTICLES_SCHEMA, strict=False)


def write_dataset(folder: str | Path, facts: pl.DataFrame, articles: Sequence[Article],
                  **info: Any) -> None:
    """Write the dataset into `folder` as a whole: built beside it, then renamed in.

    A folder that exists must be an earlier dataset (it is replaced); anything
    else there is the user's and is never overwritten.
    """
    folder = Path(folder)
    if folder.exists() and not (folder / MANIFEST).is_file():
        if not folder.is_dir() or any(folder.iterdir()):
            raise FactcheckError("exists and is not a facts dataset; choose a new folder",
                                 path=str(folder))
    folder.parent.mkdir(parents=True, exist_ok=True)
    tmp = temp_folder(folder.parent, f".{folder.name}.")  # removed if interrupted
    try:
        (tmp / "facts").mkdir()
        for n, start in enumerate(range(0, max(len(facts), 1), PART_ROWS)):
            facts.slice(start, PART_ROWS).write_parquet(tmp / "facts" / f"part-{n:05d}.parquet")
        articles_frame(articles).write_parquet(tmp / "articles.parquet")
        manifest = {"format": FORMAT, "articles": len(articles), "facts": len(facts), **info}
        (tmp / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
        old = None
        if folder.exists():
            old = folder.with_name(f".{folder.name}.old-{os.getpid()}")
            os.replace(folder, old)
        os.replace(tmp, folder)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    finally:
        untrack(tmp)


def _read(path: Path, shown: str) -> pl.DataFrame:
    try:
        return pl.read_parquet(path)
    except Exception as exc:  # polars raises several kinds for a bad file
        raise FactcheckError(f"not a readable Parquet file: {exc}".splitlines()[0],
                             path=shown) from None


def _check_facts(facts: pl.DataFrame, shown: str) -> pl.DataFrame:
    missing = [c for c in FACTS_SCHEMA if c not in facts.columns]
    if missing:
        raise FactcheckError("not a facts table: missing column(s) " + ", ".join(missing),
                             path=shown)
    try:
        return facts.select([pl.col(c).cast(t) for c, t in FACTS_SCHEMA.items()])
    except Exception as exc:
        raise FactcheckError(f"facts table has a column of the wrong type: {exc}"
                             .splitlines()[0], path=shown) from None


def _articles_of(facts: pl.DataFrame) -> list[Article]:
    """Articles known only from their facts (a plain facts file)."""
    firsts = facts.select("article", "source", "published", "story").unique(
        "article", keep="first", maintain_order=True)
    return [Article(id=r["article"], path=r["article"], source=r["source"] or "",
                    title=r["article"], published=r["published"], url="", story=r["story"],
                    text="")
            for r in firsts.iter_rows(named=True)]


def read_dataset(path: str | Path) -> tuple[list[Article], pl.DataFrame]:
    """(articles, facts) of a dataset folder or a facts Parquet file.

    Articles of a dataset folder come back whole; those of a plain facts file
    have no text (story grouping then rests on titles and names in the facts).
    """
    p = Path(path)
    shown = str(path)
    if not p.exists():
        raise FactcheckError("no such file or folder", path=shown)
    if p.is_file():
        facts = _check_facts(_read(p, shown), shown)
        return _articles_of(facts), facts
    manifest = p / MANIFEST
    parts = sorted((p / "facts").glob("*.parquet")) if manifest.is_file() else sorted(
        p.glob("*.parquet"))
    if not parts:
        raise FactcheckError("no facts here (expected a dataset folder from 'factcheck "
                             "extract -o DIR/' or a .parquet file)", path=shown)
    frames = [_check_facts(_read(f, f.as_posix()), f.as_posix()) for f in parts]
    facts = pl.concat(frames, rechunk=True)
    if not manifest.is_file():
        return _articles_of(facts), facts
    try:
        info = json.loads(manifest.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise FactcheckError(f"unreadable manifest: {exc}", path=manifest.as_posix()) from None
    if not isinstance(info, dict) or info.get("format") != FORMAT:
        raise FactcheckError(f"not a facts dataset (format is not {FORMAT})",
                             path=manifest.as_posix())
    table = _read(p / "articles.parquet", (p / "articles.parquet").as_posix())
    articles = [Article(id=r["id"], path=r["path"], source=r["source"] or "",
                        title=r["title"] or "", published=r["published"], url=r["url"] or "",
                        story=r["story"], text=r["text"] or "",
                        body_start=r["body_start"] or 0)
                for r in table.iter_rows(named=True)]
    return articles, facts
