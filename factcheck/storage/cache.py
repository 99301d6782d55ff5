"""The extraction cache: articles already processed are not parsed again.

An entry holds the rows ``extract_doc`` gave for one article, before the
per-batch steps (article ids, line/column, canonical entity names) are added,
so the same text under another id or in another batch is still a hit.

Where it lives: ``.factcheck/cache/`` in the working folder, or the folder in
``$FACTCHECK_CACHE_DIR``, or ``--cache-dir DIR`` (``--no-cache`` turns it off).
Entries sit under a *namespace* that hashes the model id, the rules version and
the extraction code, so a new model, a rule edit or a code change never reads
stale rows; old namespaces are only disk space (delete the folder to reclaim).

A cache must never make a run fail: an unreadable, truncated or foreign entry
is treated as a miss and rewritten, and a folder that cannot be written turns
caching off for the run.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

import polars as pl

from ..facts import FACTS_SCHEMA
from ..model import Article

ENV = "FACTCHECK_CACHE_DIR"
FORMAT = "factcheck.extract-cache/1"

# The modules whose code decides what extraction returns (not the reports, the
# cross-check or the UI): a change in any of them starts a fresh namespace.
_CODE_DIRS = ("ingest", "nlp", "extract", "rules", "storage", "run")
_CODE_SKIP = {"cli.py", "triage.py", "progress.py", "cache.py", "store.py", "dask_engine.py",
              "engines.py"}


def default_cache_dir() -> Path:
    """``$FACTCHECK_CACHE_DIR`` if set, else ``.factcheck/cache`` in the working folder."""
    env = os.environ.get(ENV)
    return Path(env) if env else Path.cwd() / ".factcheck" / "cache"


@lru_cache(maxsize=1)
def code_version() -> str:
    """A hash of the extraction code, so an edited extractor never reads old rows."""
    here = Path(__file__).resolve().parent.parent
    digest = hashlib.blake2b(digest_size=8)
    files = list(here.glob("*.py"))
    for sub in _CODE_DIRS:
        files.extend((here / sub).rglob("*.py"))
    for path in sorted(p for p in files if p.name not in _CODE_SKIP):
        digest.update(path.relative_to(here).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def article_key(article: Article) -> str:
    """What extraction sees of an article: its text and metadata, not its id or path."""
    fields = [article.text, str(article.body_start), article.source, article.title,
              article.published.isoformat() if article.published else "", article.url,
              article.story or ""]
    digest = hashlib.blake2b(digest_size=16)
    for value in fields:
        digest.update(value.encode("utf-8", "surrogatepass"))
        digest.update(b"\x1f")
    return digest.hexdigest()


def _python_types(dtype: Any) -> tuple[type, ...] | None:
    """The Python values a row may hold for a facts column (None: not checked)."""

    if dtype == pl.String():
        return (str,)
    if dtype.is_integer():
        return (int,)
    if dtype.is_float():
        return (int, float)
    if isinstance(dtype, pl.List):
        return (list,)
    return None


@lru_cache(maxsize=1)
def _column_types() -> dict[str, tuple[type, ...]]:
    found = {name: _python_types(t) for name, t in FACTS_SCHEMA.items()}
    return {name: t for name, t in found.items() if t is not None}


def _usable(row: Any, size: int) -> bool:
    """Whether a cached row has the types extraction gives, offsets inside the text:
    an entry edited by hand or written by other code is a miss, not a crash."""
    if not isinstance(row, dict):
        return False
    start, end = row.get("start"), row.get("end")
    if not (type(start) is int and type(end) is int and 0 <= start <= end <= size
            and isinstance(row.get("kind"), str)):
        return False
    for name, types in _column_types().items():
        value = row.get(name)
        if value is not None and (not isinstance(value, types) or isinstance(value, bool)):
            return False
        if isinstance(value, list) and not all(isinstance(v, str) for v in value):
            return False
    return True


class ExtractionCache:
    """Rows of already-extracted articles, one small JSON file per article."""

    def __init__(self, root: str | Path, *, model: str, rules_version: str):
        namespace = hashlib.blake2b(
            f"{model}\x1f{rules_version}\x1f{code_version()}".encode(), digest_size=8
        ).hexdigest()
        self.folder = Path(root) / "extract" / namespace
        self.enabled = True
        self.hits = 0
        self.misses = 0

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def get(self, article: Article) -> list[dict[str, Any]] | None:
        """The cached rows of `article`, or None (missing or unusable entry)."""
        if not self.enabled:
            return None
        key = article_key(article)
        try:
            entry = json.loads(self._path(key).read_bytes())
            if entry.get("format") != FORMAT or entry.get("key") != key:
                raise ValueError("foreign entry")
            rows = entry["rows"]
            size = len(article.text)
            if not isinstance(rows, list) or not all(_usable(r, size) for r in rows):
                raise ValueError("bad rows")
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            # Missing, truncated or garbled: a miss; the entry is rewritten.
            self.misses += 1
            return None
        self.hits += 1
        return rows

    def put(self, article: Article, rows: Iterable[dict[str, Any]]) -> None:
        if not self.enabled:
            return
        key = article_key(article)
        try:
            data = json.dumps({"format": FORMAT, "key": key, "rows": list(rows)},
                              ensure_ascii=False, separators=(",", ":"))
        except (TypeError, ValueError):
            return  # a row value JSON cannot hold: leave this article uncached
        path = self._path(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            # Temp file and rename, so readers never see half an entry. No fsync:
            # an entry lost in a crash is only a miss, and fsync per article
            # would cost more than the parse it saves on small articles.
            tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
            tmp.write_text(data, encoding="utf-8")
            os.replace(tmp, path)
        except OSError:
            # Read-only or full disk: run on without the cache.
            self.enabled = False
