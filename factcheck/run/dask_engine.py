"""Extraction on a Dask cluster: ``factcheck extract … --engine dask [--scheduler ADDRESS]``.

Without an address a ``distributed.LocalCluster`` is started on 127.0.0.1 only
(no dashboard), one single-threaded worker process per job. Each worker loads
the model once (``load_model`` is cached per process); the ``nlp`` object never
crosses a process boundary, only articles (in), rules (plain data) and fact
tables (out). Dask is an optional extra: ``pip install factcheck[dask]``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import polars as pl

from ..errors import FactcheckError
from ..facts import FACTS_SCHEMA, empty
from ..model import Article
from .engines import extract_partition, partitions, word_count

if TYPE_CHECKING:
    from ..model import Options, Progress
    from ..rules.load import Rules

# Words per task: large enough that task overhead (~ms) vanishes against the
# parse (~10 s at 5,000 words/s), small enough to balance workers and to keep
# a worker's rows in memory comfortably.
WORDS_PER_TASK = 50_000


def _client(scheduler: str | None, workers: int):
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise FactcheckError(
            "--engine dask needs Dask: pip install 'factcheck[dask]'") from None
    if scheduler:
        try:
            return Client(scheduler, timeout="20s"), None
        except OSError as exc:
            raise FactcheckError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
    # No dashboard; the scheduler's always-on HTTP endpoint takes a free port on
    # 127.0.0.1 rather than 8787, which another cluster may hold.
    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                           host="127.0.0.1", dashboard_address=None,
                           scheduler_kwargs={"dashboard_address": "127.0.0.1:0"})
    return Client(cluster), cluster


def extract_dask(
    articles: Sequence[Article],
    rules: Rules,
    options: Options,
    progress: Progress | None = None,
) -> pl.DataFrame:
    """The facts of `articles`, extracted by Dask workers, in article order."""
    if not articles:
        return empty(FACTS_SCHEMA)
    client, cluster = _client(options.scheduler, options.jobs)
    try:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        words = sum(word_count(a.body) for a in articles)
        # At least one task per worker, more on big batches to balance load.
        words_each = max(1, min(WORDS_PER_TASK, words // workers + 1))
        parts = partitions(articles, words_each)
        futures = client.map(extract_partition, parts, rules=rules, model=options.model,
                             batch_size=options.batch_size, pure=False)
        if progress is not None:
            from distributed import as_completed

            progress(0, len(articles), 0)
            index = {f.key: i for i, f in enumerate(futures)}
            done = done_words = 0
            for future in as_completed(futures):
                part = parts[index[future.key]]
                done += len(part)
                done_words += sum(word_count(a.body) for a in part)
                progress(done, len(articles), done_words)
        tables = client.gather(futures)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    return pl.concat(tables, rechunk=True) if tables else empty(FACTS_SCHEMA)
