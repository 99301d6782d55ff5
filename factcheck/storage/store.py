"""The fact store: facts of published articles kept for checking new ones.

Layout of a store folder::

    manifest.json            which part holds the current version of each article
    parts/p-<hash>/facts.parquet     the facts of the articles added together
    parts/p-<hash>/articles.parquet  their metadata, text and text hash

A write never touches what the manifest points at: the new part is written
into a temporary folder, renamed into parts/ in one step, and only then is the
manifest swapped (write, then rename). A write killed at any point leaves the
manifest as it was, and readers see only what the manifest names, so the
store is unchanged; a part left behind unnamed is ignored and removed by the
next successful add. Adding an article whose id and text hash are already
stored writes nothing.

One writer at a time: ``writer_lock`` holds an OS lock (``fcntl.flock``) on
``.lock`` in the store for the whole ``store add``, so two adds at once never
swap in manifests without each other's articles. A second writer fails at once
with exit 2 naming the holder, or waits up to ``--wait SECONDS``. The kernel
drops the lock when its holder dies, even by kill -9, so a stale lock cannot
block a store; what a killed writer left (a temporary folder or manifest) is
removed when the next writer takes the lock. Readers take no lock: the
manifest is replaced in one rename, and a reader whose parts were swept by a
writer meanwhile reads the new manifest again.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import sys
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import polars as pl

from ..errors import FactcheckError
from ..facts import FACTS_SCHEMA
from ..model import Article
from .atomic import temp_folder, untrack, write_text_atomic
from .dataset import articles_frame

SCHEMA = "factcheck.store/1"
MANIFEST = "manifest.json"
PARTS = "parts"
LOCK = ".lock"
# How often a waiting writer tries the lock again.
LOCK_POLL = 0.1
# A reader whose parts were swept by a writer meanwhile reads the manifest again.
READ_TRIES = 3

def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass
class AddResult:
    added: list[str]
    unchanged: list[str]
    facts: int


class Store:
    """A store folder and its manifest: article id → {hash, part}."""

    def __init__(self, root: str | Path) -> None:
        self.root = Path(root)
        self.articles = self._read_manifest()

    def _read_manifest(self) -> dict[str, dict[str, str]]:
        path = self.root / MANIFEST
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError) as exc:
            raise FactcheckError(f"cannot read the store manifest ({exc})".splitlines()[0],
                                 path=str(path)) from None
        if not isinstance(data, dict) or data.get("schema") != SCHEMA:
            raise FactcheckError(f"not a factcheck store manifest (expected schema {SCHEMA!r})",
                                 path=str(path))
        articles = data.get("articles") or {}
        if not isinstance(articles, dict):
            raise FactcheckError("'articles' must be an object", path=str(path))
        for article_id, entry in articles.items():
            if not (isinstance(entry, dict) and isinstance(entry.get("hash"), str)
                    and isinstance(entry.get("part"), str)
                    and entry["part"].startswith("p-") and "/" not in entry["part"]):
                raise FactcheckError(f"entry {article_id!r} needs a 'hash' and a 'part' "
                                     "(p-…); the manifest was edited or damaged",
                                     path=str(path))
        return dict(articles)

    def exists(self) -> bool:
        return (self.root / MANIFEST).is_file()

    def pending(self, articles: Sequence[Article]) -> list[Article]:
        """The articles not stored yet with this very text (new, or changed)."""
        return [a for a in articles
                if self.articles.get(a.id, {}).get("hash") != text_hash(a.text)]

    def add(self, articles: Sequence[Article], facts: pl.DataFrame) -> AddResult:
        """Store `articles` (their facts in `facts`); the ones already stored are skipped."""
        new = self.pending(articles)
        new_ids = {a.id for a in new}
        unchanged = [a.id for a in articles if a.id not in new_ids]
        if not new:
            return AddResult([], unchanged, 0)
        ids = [a.id for a in new]
        hashes = {a.id: text_hash(a.text) for a in new}
        name = "p-" + hashlib.blake2b(
            "\n".join(f"{i}\t{hashes[i]}" for i in sorted(ids)).encode(), digest_size=8
        ).hexdigest()
        part_facts = facts.filter(pl.col("article").is_in(ids))
        # The dataset's article metadata, plus what a later check needs: the
        # text (stories, evidence) and its hash (was it stored already?).
        part_articles = articles_frame(new).rename({"id": "article"}).with_columns(
            pl.Series("text", [a.text for a in new], dtype=pl.String()),
            pl.Series("body_start", [a.body_start for a in new], dtype=pl.Int64()),
            pl.Series("hash", [hashes[i] for i in ids], dtype=pl.String()))

        parts = self.root / PARTS
        parts.mkdir(parents=True, exist_ok=True)
        tmp = temp_folder(self.root, ".tmp-")
        try:
            for filename, frame in (("facts.parquet", part_facts),
                                    ("articles.parquet", part_articles)):
                _write_parquet(frame, tmp / filename)
            target = parts / name
            if target.exists():  # left by an earlier add that never reached the manifest
                if name in self._parts():
                    raise FactcheckError(f"part {name} is already in the store", path=str(target))
                shutil.rmtree(target)
            tmp.rename(target)
            manifest = dict(self.articles)
            for i in ids:
                manifest[i] = {"hash": hashes[i], "part": name}
            _swap_manifest(self.root / MANIFEST, manifest)
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
        finally:
            untrack(tmp)
        self.articles = manifest
        self._sweep()
        return AddResult(ids, unchanged, len(part_facts))

    def _parts(self) -> set[str]:
        return {e["part"] for e in self.articles.values()}

    def _sweep(self) -> None:
        """Remove parts nothing points at any more (superseded or orphaned)."""
        live = self._parts()
        for d in sorted((self.root / PARTS).iterdir()):
            if d.is_dir() and d.name not in live:
                shutil.rmtree(d, ignore_errors=True)
        for d in self.root.glob(".tmp-*"):
            shutil.rmtree(d, ignore_errors=True)
        # A manifest write killed before its rename (atomic.atomic_path's temp name).
        for f in self.root.glob(f".{MANIFEST}.*.tmp"):
            f.unlink(missing_ok=True)

    def load(self, exclude: set[str] | frozenset[str] = frozenset()
             ) -> tuple[list[Article], pl.DataFrame]:
        """(articles, facts) of the current version of every stored article."""
        for attempt in range(READ_TRIES):
            try:
                return self._load(exclude)
            except FactcheckError:
                # A writer may have swapped the manifest and swept our parts meanwhile.
                seen, self.articles = self.articles, self._read_manifest()
                if self.articles == seen or attempt == READ_TRIES - 1:
                    raise
        raise AssertionError("unreachable")

    def _load(self, exclude: set[str] | frozenset[str]) -> tuple[list[Article], pl.DataFrame]:
        current = {i: e["part"] for i, e in self.articles.items() if i not in exclude}
        if not current:
            return [], pl.DataFrame(schema=FACTS_SCHEMA)
        keep = pl.DataFrame({"article": list(current), "_part": list(current.values())})
        facts, metas = [], []
        try:
            for part in sorted(set(current.values())):
                d = self.root / PARTS / part
                facts.append(pl.scan_parquet(d / "facts.parquet")
                             .with_columns(pl.lit(part).alias("_part")))
                metas.append(pl.scan_parquet(d / "articles.parquet")
                             .with_columns(pl.lit(part).alias("_part")))
            fact_rows = (pl.concat(facts, how="diagonal_relaxed")
                         .join(keep.lazy(), on=["article", "_part"], how="semi")
                         .collect())
            meta_rows = (pl.concat(metas, how="diagonal_relaxed")
                         .join(keep.lazy(), on=["article", "_part"], how="semi")
                         .sort("article").collect())
        except (OSError, pl.exceptions.PolarsError) as exc:
            raise FactcheckError(f"cannot read the store: {exc}".splitlines()[0],
                                 path=str(self.root)) from None
        # The facts table may have gained columns since the part was written.
        fact_rows = fact_rows.select(
            [pl.col(c).cast(t) if c in fact_rows.columns else pl.lit(None, t).alias(c)
             for c, t in FACTS_SCHEMA.items()])
        articles = [
            Article(id=r["article"], path=r["path"], source=r["source"] or "",
                    title=r["title"] or "", published=r["published"], url=r["url"] or "",
                    story=r["story"], text=r["text"] or "", body_start=r["body_start"] or 0)
            for r in meta_rows.iter_rows(named=True)
        ]
        return articles, fact_rows


def _write_parquet(frame: pl.DataFrame, path: Path) -> None:
    frame.write_parquet(path)


def _swap_manifest(path: Path, articles: dict[str, Any]) -> None:
    data = {"schema": SCHEMA, "articles": {k: articles[k] for k in sorted(articles)}}
    write_text_atomic(path, json.dumps(data, indent=1, sort_keys=True) + "\n")


def _holder(lock_file: Path) -> str:
    try:
        pid = lock_file.read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        pid = ""
    return f"pid {pid}" if pid.isdigit() else "another run"


@contextlib.contextmanager
def writer_lock(root: str | Path, wait: float = 0.0) -> Iterator[None]:
    """Hold the store's writer lock: fail at once (wait 0) or wait up to `wait`
    seconds for another writer, saying so; then clean what killed writers left."""
    import fcntl

    root = Path(root)
    if root.exists() and not root.is_dir():
        raise FactcheckError("is not a folder; a store is a folder", path=str(root))
    try:
        root.mkdir(parents=True, exist_ok=True)
        fd = os.open(root / LOCK, os.O_RDWR | os.O_CREAT, 0o666)
    except OSError as exc:
        raise FactcheckError(f"cannot write the store: {exc.strerror}", path=str(root)) from None
    try:
        deadline = time.monotonic() + max(wait, 0.0)
        told = False
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                holder = _holder(root / LOCK)
                if time.monotonic() >= deadline:
                    hint = "; pass --wait SECONDS to wait for it" if wait <= 0 else ""
                    raise FactcheckError(f"another writer ({holder}) is adding to this "
                                         f"store{hint}", path=str(root)) from None
                if not told:
                    print(f"factcheck: {root}: waiting for another writer ({holder}) "
                          f"to finish, up to {wait:g} s", file=sys.stderr)
                    told = True
                time.sleep(LOCK_POLL)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        store = Store(root)
        if (root / PARTS).is_dir():
            store._sweep()  # what a killed writer left behind
        yield
    finally:
        os.close(fd)  # closing drops the lock


def open_store(root: str | Path, *, must_exist: bool = False) -> Store:
    store = Store(root)
    if must_exist and not store.exists():
        raise FactcheckError("no fact store here (make one with 'factcheck store add')",
                             path=str(root))
    return store
